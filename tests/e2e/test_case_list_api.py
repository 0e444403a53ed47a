"""``GET /api/v1/cases`` from the case list read model, on SQLite and PostgreSQL: the rows
the events built (tasks, closure, findings), the read version headers, the consistency
token of writes, and a rebuild that gives exactly the incrementally built rows."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx

from cma_core.identity.permissions import Role
from cma_core.readmodels.model import CaseListRow
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import make_centre, settle, sign_in


async def _rows(container: Container, centre_id: CentreId) -> list[CaseListRow]:
    projection = container.case_list_projection()
    async with container.uow()(centre_id) as uow:
        page = await projection.case_list_rows(uow).list(limit=200, offset=0)
    return [r.content() for r in page.items]


async def test_the_list_is_the_projection_and_a_rebuild_matches(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Rows Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@rowscentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))
    first, second = await api.new_case(), await api.new_case()
    r = await api.post(
        f"/api/v1/cases/{first['id']}/close",
        {"reason": "advice_complete"},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    token = r.headers["x-cma-consistency-token"]
    assert dt.datetime.fromisoformat(token).tzinfo is not None
    await settle(container)

    r = await api.get("/api/v1/cases", headers={"X-CMA-Consistency-Token": token})
    assert r.status_code == 200, r.text
    assert r.headers["x-cma-read-source"] == "projection"
    assert float(r.headers["x-cma-read-lag"]) == 0
    assert dt.datetime.fromisoformat(r.headers["x-cma-read-version"]) >= dt.datetime.fromisoformat(
        token
    )
    items = {i["id"]: i for i in r.json()["items"]}
    assert set(items) == {first["id"], second["id"]}
    closed, opened = items[first["id"]], items[second["id"]]
    assert (closed["status"], closed["open_tasks"]) == ("closed", 0)
    assert (opened["status"], opened["open_tasks"]) == ("open", 1)  # the first-contact task
    assert opened["client_name"] == "Ann Lee"
    assert opened["adviser_name"]
    assert set(opened["findings"]) == {"critical", "high", "medium", "not_assessable", "passed"}
    assert sum(opened["findings"].values()) > 0  # compliance evaluated it before the row
    assert opened["last_activity_at"] >= opened["updated_at"]
    assert closed["version"] == 2

    built = await _rows(container, centre_id)
    assert await container.case_list_projection().rebuild(centre_id) == 2
    assert await _rows(container, centre_id) == built


async def test_a_write_is_seen_by_the_next_list_of_its_author(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Fresh Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@freshcentre.example", centre)
    # No settle: the handlers run after the response; the list waits for them (the author's
    # last write is remembered), and a bad token is a 422 naming the header.
    case = await api.new_case()
    r = await api.get("/api/v1/cases")
    assert [i["id"] for i in r.json()["items"]] == [case["id"]]
    assert r.headers["x-cma-read-source"] in {"projection", "write"}
    r = await api.get("/api/v1/cases", headers={"X-CMA-Consistency-Token": "yesterday"})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "X-CMA-Consistency-Token"
