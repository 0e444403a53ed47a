"""Every paginated list, found in the OpenAPI document, refuses a bad page with a 400
problem naming the parameter: negative, zero or oversized limits, negative offsets and
offsets beyond any database integer (one of those once reached SQLite and came back 500).
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, make_centre, sign_in

BAD_PAGES = [
    ("limit", "0"),
    ("limit", "201"),
    ("limit", "many"),
    ("offset", "-1"),
    ("offset", "10001"),  # bounded: deeper pages go by cursor
    ("offset", str(2**31)),
    ("offset", str(10**40)),
]


def _fill(path: str) -> str | None:
    """A path with every id filled by a random UUID; ``None`` for a non-id parameter."""
    parts = []
    for part in path.split("/"):
        if part.startswith("{"):
            if not part.rstrip("}").endswith("_id"):
                return None
            part = str(uuid.uuid4())
        parts.append(part)
    return "/".join(parts)


async def test_every_list_refuses_a_bad_page_naming_the_parameter(
    http: httpx.AsyncClient, container: Container
) -> None:
    # A supervisor and a centre admin between them may read every list.
    centre = await make_centre(container, "Paging Centre", Role.SUPERVISOR)
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="admin@pagingcentre.example",
        role=Role.CENTRE_ADMIN,
        password=PASSWORD,
    )
    users = [
        await sign_in(http, "supervisor@pagingcentre.example", centre),
        await sign_in(http, "admin@pagingcentre.example", centre),
    ]
    spec: dict[str, Any] = (await http.get("/schema/openapi.json")).json()
    lists = []
    for path, ops in spec["paths"].items():
        get = ops.get("get")
        if not get:
            continue
        names = {p["name"] for p in get.get("parameters", []) if p.get("in") == "query"}
        if {"limit", "offset"} <= names:
            filled = _fill(path)
            assert filled is not None, f"{path}: a list with a path parameter the test can't fill"
            lists.append((filled, "cursor" in names))
    assert len(lists) >= 20  # every area's lists, not a handful

    assert sum(cursor for _, cursor in lists) >= 1
    for url, has_cursor in lists:
        bad_cursors = [("cursor", "!!"), ("cursor", "x" * 513)] if has_cursor else []
        for name, value in BAD_PAGES + bad_cursors:
            for api in users:
                r = await api.get(url, params={name: value})
                if r.status_code != 403:
                    break
            assert r.status_code == 400, (url, name, value, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert [e["field"] for e in r.json()["errors"]] == [name], (url, r.text)


async def test_cases_page_by_cursor_with_the_old_shape_kept(
    http: httpx.AsyncClient, container: Container
) -> None:
    centre = await make_centre(container, "Cursor Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@cursorcentre.example", centre)
    made = {(await api.new_case())["id"] for _ in range(5)}
    first = (await api.get("/api/v1/cases", params={"limit": 2})).json()
    assert set(first) == {"items", "total", "limit", "offset", "next_cursor"}
    assert (first["total"], first["offset"]) == (5, 0)
    seen, page = [c["id"] for c in first["items"]], first
    while page["next_cursor"]:
        r = await api.get("/api/v1/cases", params={"limit": 2, "cursor": page["next_cursor"]})
        assert r.status_code == 200, r.text
        page = r.json()
        seen.extend(c["id"] for c in page["items"])
    assert sorted(seen) == sorted(made)
    assert len(seen) == 5
    everything = (await api.get("/api/v1/cases", params={"limit": 50})).json()
    assert seen == [c["id"] for c in everything["items"]]  # the same stable order
    both = await api.get("/api/v1/cases", params={"offset": 1, "cursor": first["next_cursor"]})
    assert both.status_code == 422  # well-formed, but not together (as from/to on audit)
    assert [e["field"] for e in both.json()["errors"]] == ["offset"]
    forged = await api.get("/api/v1/cases", params={"cursor": "e30"})  # base64 of {}
    assert forged.status_code == 422, forged.text
    assert [e["field"] for e in forged.json()["errors"]] == ["cursor"]
