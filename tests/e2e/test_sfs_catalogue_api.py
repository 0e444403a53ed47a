"""The SFS line catalogue over HTTP: every line of the budget's catalogue once, in order,
with its category and section; filters narrow it, a bad filter is a problem naming the
parameter, paging covers the whole list, and it needs a signed-in role that reads budgets."""

from __future__ import annotations

import httpx
import pytest

from cma_core.budgets.catalogue import LINES, Section
from cma_entrypoints.container import Container

from .conftest import make_centre, sign_in

URL = "/api/v1/reference/sfs-lines"


@pytest.mark.parametrize("container", ["sqlite"], indirect=True)
async def test_the_catalogue_lists_every_line_and_filters(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Catalogue Centre")
    adviser = await sign_in(http, "adviser@cataloguecentre.example", centre)
    whole = (await adviser.get(URL)).json()
    assert whole["total"] == len(LINES) == len(whole["items"])
    assert [x["key"] for x in whole["items"]] == [line.key for line in LINES]
    rent = next(x for x in whole["items"] if x["key"] == "rent")
    assert (rent["section"], rent["category"]) == ("fixed", "home_contents")
    assert rent["category_label"]
    assert rent["label"]
    assert rent["sfs_key"]

    income = (await adviser.get(URL, params={"section": "income"})).json()
    assert income["items"]
    assert {x["section"] for x in income["items"]} == {"income"}
    assert income["total"] == sum(line.section is Section.INCOME for line in LINES)
    food = (await adviser.get(URL, params={"category": "food_housekeeping"})).json()
    assert {x["category"] for x in food["items"]} == {"food_housekeeping"}

    pages, offset = [], 0
    while True:
        page = (await adviser.get(URL, params={"limit": 25, "offset": offset})).json()
        pages += page["items"]
        offset += 25
        if offset >= page["total"]:
            break
    assert pages == whole["items"]

    bad = await adviser.get(URL, params={"section": "luxuries"})
    assert bad.status_code in (400, 422), bad.text
    assert bad.headers["content-type"].startswith("application/problem+json")
    assert "section" in bad.text
    assert (await http.get(URL)).status_code == 401
