"""``GET /api/v1/cases/{case_id}/timeline`` from the timeline read model, on SQLite and
PostgreSQL: the entries the events built (opened, notes, a sensitive note without its
words, closed, reopened, the first-contact task), newest first with stable keyset pages
and a kind filter, the read version headers, problem+json on bad input, a rebuild that
gives exactly the incrementally built entries, the note's words sealed at rest, and
erasure removing the case's timeline."""

from __future__ import annotations

import uuid

import httpx
import sqlalchemy as sa

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.privacy.service import ErasureReason
from cma_core.readmodels.model import TimelineEntry
from cma_core.shared.ids import CaseId, CentreId
from cma_entrypoints.container import Container

from .conftest import Api, make_centre, settle, sign_in

SECRET = "Quillfeather owes the landlord"


async def _entries(container: Container, centre_id: CentreId, case_id: str) -> list[TimelineEntry]:
    projection = container.case_timeline_projection()
    async with container.uow()(centre_id) as uow:
        page = await projection.case_timelines(uow).list(CaseId(uuid.UUID(case_id)), limit=200)
    return list(page.items)


async def _story(api: Api) -> dict[str, str]:
    case = await api.new_case()
    r = await api.post(f"/api/v1/cases/{case['id']}/notes", {"body": SECRET})
    assert r.status_code == 201, r.text
    r = await api.post(
        f"/api/v1/cases/{case['id']}/notes", {"body": "about health", "sensitive": True}
    )
    assert r.status_code == 201, r.text
    r = await api.post(
        f"/api/v1/cases/{case['id']}/close",
        {"reason": "advice_complete"},
        headers={"If-Match": '"3"'},
    )
    assert r.status_code == 200, r.text
    r = await api.post(f"/api/v1/cases/{case['id']}/reopen", headers={"If-Match": '"4"'})
    assert r.status_code == 200, r.text
    return {"id": case["id"], "token": r.headers["x-cma-consistency-token"]}


async def test_the_timeline_is_the_projection_and_a_rebuild_matches(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Timeline Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@timelinecentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))
    case = await _story(api)
    await settle(container)
    url = f"/api/v1/cases/{case['id']}/timeline"

    r = await api.get(url, headers={"X-CMA-Consistency-Token": case["token"]})
    assert r.status_code == 200, r.text
    assert r.headers["x-cma-read-source"] == "projection"
    assert float(r.headers["x-cma-read-lag"]) == 0
    body = r.json()
    seen = [(i["kind"], i["action"]) for i in body["items"]]
    for expected in [
        ("case", "opened"),
        ("case", "closed"),
        ("case", "reopened"),
        ("note", "added"),
        ("task", "created"),
    ]:
        assert expected in seen, seen
    ats = [i["at"] for i in body["items"]]
    assert ats == sorted(ats, reverse=True)
    # Findings stand at their latest evaluation (the reopening re-evaluated them), and the
    # initial-contact task is dated when the background made it, which under load can be
    # after the reopening: the case's own story ends with the reopening.
    story = [i for i in body["items"] if i["kind"] not in ("finding", "task")]
    assert story[0]["action"] == "reopened"
    assert body["items"][-1]["action"] == "opened"
    notes = [i for i in body["items"] if i["kind"] == "note"]
    sensitive = [n for n in notes if n["sensitive"]]
    assert [n["title"] for n in sensitive] == ["Sensitive note"]
    assert sensitive[0]["detail"] is None
    assert "about health" not in r.text
    assert [n["detail"] for n in notes if not n["sensitive"]] == [SECRET]
    closed = next(i for i in body["items"] if i["action"] == "closed")
    assert closed["actor_name"]  # from the audit entry of the closure

    # Keyset pages of two: the same entries in the same order, no repeats.
    paged: list[str] = []
    cursor: str | None = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        r = await api.get(url, params=params)
        assert r.status_code == 200, r.text
        paged += [i["id"] for i in r.json()["items"]]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            break
    assert paged == [i["id"] for i in body["items"]]
    r = await api.get(url, params=[("kind", "note"), ("kind", "case")])
    assert {i["kind"] for i in r.json()["items"]} == {"note", "case"}
    assert r.json()["total"] == 5

    built = await _entries(container, centre_id, case["id"])
    assert len(built) == len(body["items"])
    assert await container.case_timeline_projection().rebuild(centre_id) == 1
    assert await _entries(container, centre_id, case["id"]) == built


async def test_bad_input_is_problem_json_naming_the_field(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Bad Timeline Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@badtimelinecentre.example", centre)
    case = await api.new_case()
    url = f"/api/v1/cases/{case['id']}/timeline"
    for params, field in (
        ({"kind": "gossip"}, "kind"),
        ({"cursor": "bm90LWEtY3Vyc29y"}, "cursor"),
        ({"limit": "0"}, "limit"),
    ):
        r = await api.get(url, params=params)
        assert r.status_code in (400, 422), r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in r.text
    r = await api.get(f"/api/v1/cases/{uuid.uuid4()}/timeline")
    assert r.status_code == 404, r.text


async def test_details_are_sealed_and_erasure_removes_the_timeline(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Erased Timeline Centre", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@erasedtimelinecentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))
    case = await _story(api)
    await settle(container)
    assert await _entries(container, centre_id, case["id"])
    url = container.settings().database_url
    # The test's own connection, as the table owner (no RLS): what is on disk.
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            raw = conn.execute(
                sa.text("SELECT * FROM case_timeline_entries WHERE centre_id = :c"),
                {"c": centre_id.hex if url.startswith("sqlite") else centre_id},
            ).all()
    finally:
        engine.dispose()
    assert raw
    assert SECRET not in repr(raw)
    assert "Quillfeather" not in repr(raw)

    report = await container.privacy().delete_case(
        TenantContext.system(centre_id),
        CaseId(uuid.UUID(case["id"])),
        reason=ErasureReason.RETENTION_EXPIRED,
    )
    assert report.rows.get("case_timeline_entries", 0) > 0
    await settle(container)
    assert await _entries(container, centre_id, case["id"]) == []
