"""``GET /api/v1/work-queue`` from the work queue read model, on SQLite and PostgreSQL: the
items the events built (a case's task, a free-standing task), counts per section, keyset
pages, a supervisor reading an adviser's queue and an adviser refused another's, problem+
json on bad input, a rebuild that gives exactly the incrementally built items, and the
case's erasure removing its items; the author of a write sees it while the projection is
behind (read from the write side)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import httpx
import pytest

from cma_adapters.jobs import InProcessEventPublisher
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.privacy.service import ErasureReason
from cma_core.readmodels import workqueue
from cma_core.readmodels.model import WorkItem
from cma_core.shared.events import EventEnvelope
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, make_centre, settle, sign_in

pytestmark = pytest.mark.both_databases


async def _items(container: Container, centre_id: CentreId, user: str) -> list[WorkItem]:
    projection = container.work_queue_projection()
    async with container.uow()(centre_id) as uow:
        page = await projection.work_queue_items(uow).list(UserId(uuid.UUID(user)), limit=200)
    return list(page.items)


async def test_the_queue_is_the_projection_and_a_rebuild_matches(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "Queue Centre", Role.SUPERVISOR)
    sup = await sign_in(http, "supervisor@queuecentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))
    await container.identity().create_user(
        centre_id=centre_id, email="adviser@queuecentre.example", role=Role.ADVISER,
        password=PASSWORD,
    )  # fmt: skip
    adviser = await sign_in(http, "adviser@queuecentre.example", centre)
    me = (await adviser.get("/api/v1/auth/me")).json()["user_id"]
    case = await adviser.new_case()
    titles = ["Call the council", "Chase the bank", "Ask for payslips"]
    made: dict[str, dict[str, object]] = {}
    for i, title in enumerate(titles):
        body = {"title": title, "due_at": f"2030-01-0{i + 2}T10:00:00Z"}
        if i < 2:
            body["case_id"] = case["id"]
        r = await adviser.post("/api/v1/tasks", body)
        assert r.status_code == 201, r.text
        made[title] = r.json()
    await settle(container)

    r = await adviser.get("/api/v1/work-queue")
    assert r.status_code == 200, r.text
    assert r.headers["x-cma-read-source"] == "projection"
    body = r.json()
    assert body["user_id"] == me
    tasks = [i for i in body["items"] if i["section"] == "task"]
    assert [t["title"] for t in tasks if t["title"] in titles] == titles  # soonest first
    assert any(t["case_id"] is None for t in tasks)  # the free-standing task
    # A task carries what the console shows and sends back: kind, due time, version.
    for t in (t for t in tasks if t["title"] in made):
        task = made[t["title"]]
        assert (t["kind"], t["due_at"], t["version"]) == (
            task["kind"], task["due_at"], task["version"],
        ), t  # fmt: skip
    changed = await adviser.patch(
        f"/api/v1/tasks/{made['Chase the bank']['id']}", {"priority": "urgent"},
        headers={"If-Match": f'"{made["Chase the bank"]["version"]}"'},
    )  # fmt: skip
    assert changed.status_code == 200, changed.text
    await settle(container)
    body = (await adviser.get("/api/v1/work-queue")).json()
    tasks = [i for i in body["items"] if i["section"] == "task"]
    bank = next(i for i in tasks if i["title"] == "Chase the bank")
    assert (bank["version"], bank["label"]) == (changed.json()["version"], "urgent")
    assert all(i["version"] is None for i in body["items"] if i["section"] != "task")
    assert body["counts"]["task"] == len(tasks)
    assert body["total"] == sum(body["counts"].values())
    ats = [i["at"] for i in body["items"]]
    assert ats == sorted(ats)

    paged: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", "section": "task", **({"cursor": cursor} if cursor else {})}
        page = (await adviser.get("/api/v1/work-queue", params=params)).json()
        paged += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert paged == [t["id"] for t in tasks]

    theirs = await sup.get("/api/v1/work-queue", params={"user_id": me})
    assert theirs.status_code == 200, theirs.text
    assert theirs.json()["items"] == body["items"]
    sup_id = (await sup.get("/api/v1/auth/me")).json()["user_id"]
    refused = await adviser.get("/api/v1/work-queue", params={"user_id": sup_id})
    assert refused.status_code == 404, refused.text
    stranger = await sup.get("/api/v1/work-queue", params={"user_id": str(uuid.uuid4())})
    assert stranger.status_code == 404, stranger.text
    for params, field in (({"section": "chores"}, "section"), ({"user_id": "x"}, "user_id")):
        bad = await adviser.get("/api/v1/work-queue", params=params)
        assert bad.status_code in (400, 422), bad.text
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert field in bad.text

    built = await _items(container, centre_id, me)
    assert await container.work_queue_projection().rebuild(centre_id) >= 2
    assert await _items(container, centre_id, me) == built

    await container.privacy().delete_case(
        TenantContext.system(centre_id),
        CaseId(uuid.UUID(case["id"])),
        reason=ErasureReason.RETENTION_EXPIRED,
    )
    await settle(container)
    left = await _items(container, centre_id, me)
    assert [i.title for i in left if i.title in titles] == ["Ask for payslips"]
    assert all(i.case_id is None for i in left)


async def test_the_author_sees_their_write_while_the_projection_is_behind(
    container: Container, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre = await make_centre(container, "Behind Centre", Role.ADVISER)
    api = await sign_in(http, "adviser@behindcentre.example", centre)
    case = await api.new_case()
    await settle(container)
    before = (await api.get("/api/v1/work-queue")).json()
    assert before["counts"]["task"] == 1  # the first-contact task, from the projection

    # The handlers stall: events are queued, none is applied.
    async def held(self: InProcessEventPublisher, envelopes: Sequence[EventEnvelope]) -> None:
        self._queue.extend(envelopes)

    monkeypatch.setattr(InProcessEventPublisher, "publish", held)
    monkeypatch.setattr(container.work_queue(), "wait_seconds", 0.05)
    body = {"title": "Phone the landlord", "case_id": case["id"], "due_at": "2030-01-02T10:00:00Z"}
    r = await api.post("/api/v1/tasks", body)
    assert r.status_code == 201, r.text
    token = r.headers["x-cma-consistency-token"]

    r = await api.get("/api/v1/work-queue", headers={"X-CMA-Consistency-Token": token})
    assert r.status_code == 200, r.text
    assert r.headers["x-cma-read-source"] == "write"
    seen = r.json()
    assert [i["title"] for i in seen["items"]][-1] == "Phone the landlord"  # soonest first
    assert {i["id"] for i in before["items"]} < {i["id"] for i in seen["items"]}
    assert seen["counts"]["task"] == seen["total"] == 2
    paged = await api.get(
        "/api/v1/work-queue",
        params={"limit": "1", "section": "task"},
        headers={"X-CMA-Consistency-Token": token},
    )
    assert [i["id"] for i in paged.json()["items"]] == [seen["items"][0]["id"]]
    assert paged.json()["next_cursor"]

    monkeypatch.undo()
    publisher = container.publisher()
    assert isinstance(publisher, InProcessEventPublisher)
    await publisher.publish([])  # the held events are handled now
    await settle(container)
    r = await api.get("/api/v1/work-queue", headers={"X-CMA-Consistency-Token": token})
    assert r.headers["x-cma-read-source"] == "projection"
    assert r.json()["items"] == seen["items"]


async def test_the_write_side_merge_reads_every_stored_item_of_a_long_queue(
    container: Container, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the projection is behind, the queue merges the write side into the stored
    items: all of them counted, however many, and paged by cursor without a gap or a
    repeat (each page read from the store alone, the behind scopes left out of it)."""
    centre = await make_centre(container, "Long Centre", Role.ADVISER)
    api = await sign_in(http, "adviser@longcentre.example", centre)
    case = await api.new_case()
    for title in ("Ring the council", "Write to the bank", "File the form"):
        r = await api.post("/api/v1/tasks", {"title": title, "due_at": "2030-01-03T10:00:00Z"})
        assert r.status_code == 201, r.text
    await settle(container)
    assert (await api.get("/api/v1/work-queue")).json()["counts"]["task"] == 4

    async def held(self: InProcessEventPublisher, envelopes: Sequence[EventEnvelope]) -> None:
        self._queue.extend(envelopes)

    monkeypatch.setattr(InProcessEventPublisher, "publish", held)
    monkeypatch.setattr(container.work_queue(), "wait_seconds", 0.05)
    monkeypatch.setattr(workqueue, "MAX_RECORDS", 1)
    body = {"title": "Phone the landlord", "case_id": case["id"], "due_at": "2030-01-02T10:00:00Z"}
    r = await api.post("/api/v1/tasks", body)
    assert r.status_code == 201, r.text
    token = r.headers["x-cma-consistency-token"]
    r = await api.get("/api/v1/work-queue", headers={"X-CMA-Consistency-Token": token})
    assert r.headers["x-cma-read-source"] == "write"
    seen = r.json()
    assert seen["counts"]["task"] == seen["total"] == 5
    titles = {i["title"] for i in seen["items"]}
    assert {
        "Ring the council",
        "Write to the bank",
        "File the form",
        "Phone the landlord",
    } <= titles
    # Paged while behind (two a page): every item once, in the same order, the fresh one
    # among the stored ones, each page with the whole total.
    walked: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        r = await api.get(
            "/api/v1/work-queue", params=params, headers={"X-CMA-Consistency-Token": token}
        )
        assert r.headers["x-cma-read-source"] == "write"
        page = r.json()
        assert page["total"] == seen["total"]
        walked += [i["id"] for i in page["items"]]
        if not (cursor := page.get("next_cursor")):
            break
    assert walked == [i["id"] for i in seen["items"]]
