"""The work queue, the staff directory and strict query parameters over HTTP, on SQLite
and PostgreSQL."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from tests.e2e.conftest import PASSWORD, Api, settle, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

PROBLEM = "application/problem+json"


async def _staff(container: Container, http: httpx.AsyncClient, api: Api, role: Role) -> Api:
    email = f"{role.value}-{uuid.uuid4().hex[:6]}@centrea.example"
    await container.identity().create_user(
        centre_id=uuid.UUID(api.centre_id), email=email, role=role, password=PASSWORD
    )
    return await sign_in(http, email)


async def _task(api: Api, **body: Any) -> dict[str, Any]:
    r = await api.post("/api/v1/tasks", {"title": "Call the client back", **body})
    assert r.status_code == 201, r.text
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"/api/v1/tasks/{r.json()['id']}"
    return dict(r.json())


def _field(r: httpx.Response) -> str:
    assert r.headers["content-type"].startswith(PROBLEM), r.text
    return str(r.json()["errors"][0]["field"])


async def test_task_lifecycle_with_if_match_and_audit(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    a, _ = two_centres
    case = await a.new_case()
    task = await _task(a, case_id=case["id"], due_at="2030-01-02T10:00:00Z", priority="high")
    assert task["status"] == "open"
    assert task["priority"] == "high"
    assert task["assignee_name"] == task["created_by_name"] is not None
    url = f"/api/v1/tasks/{task['id']}"

    r = await a.patch(url, {"title": "Call back about the bailiff letter", "due_at": None})
    assert r.status_code == 428
    r = await a.patch(url, {"due_at": None}, headers={"If-Match": '"7"'})
    assert r.status_code == 412
    r = await a.patch(url, {"due_at": None, "priority": "urgent"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    assert r.json()["due_at"] is None
    assert r.json()["priority"] == "urgent"

    r = await a.post(f"{url}/complete", {"outcome_note": ""}, headers={"If-Match": '"2"'})
    assert r.status_code == 400
    assert _field(r) == "outcome_note"
    r = await a.post(
        f"{url}/complete", {"outcome_note": "Spoke to client"}, headers={"If-Match": '"2"'}
    )
    assert r.status_code == 200, r.text
    done = r.json()
    assert done["status"] == "done"
    assert done["outcome_note"] == "Spoke to client"
    assert done["closed_by_name"] == task["assignee_name"]
    assert done["version"] == 3
    # A done task cannot be edited or completed again: 409.
    r = await a.patch(url, {"title": "x"}, headers={"If-Match": '"3"'})
    assert r.status_code == 409
    r = await a.post(f"{url}/reopen", headers={"If-Match": '"3"'})
    assert r.status_code == 200
    assert r.json()["status"] == "open"
    assert r.json()["outcome_note"] is None
    r = await a.post(f"{url}/cancel", {"reason": "Duplicate"}, headers={"If-Match": '"4"'})
    assert r.status_code == 200
    assert r.json()["status"] == "cancelled"
    assert r.json()["outcome_note"] == "Duplicate"
    assert (await a.get(url)).headers["etag"] == '"5"'

    entries = await _audit(container, a, task["id"])
    assert entries == [
        "task.created",
        "task.updated",
        "task.completed",
        "task.reopened",
        "task.cancelled",
    ]


async def _audit(container: Container, api: Api, task_id: str) -> list[str]:
    sup = await _staff(container, api.client, api, Role.SUPERVISOR)
    r = await sup.get("/api/v1/audit", params={"entity_type": "task", "entity_id": task_id})
    assert r.status_code == 200, r.text
    return [e["action"] for e in r.json()["items"]]


async def test_free_standing_task_and_validation(two_centres: tuple[Api, Api]) -> None:
    a, _ = two_centres
    task = await _task(a)
    assert task["case_id"] is None
    assert task["kind"] == "general"
    r = await a.post("/api/v1/tasks", {"title": "   "})
    assert r.status_code == 422
    assert _field(r) == "title"
    r = await a.post("/api/v1/tasks", {"title": "x", "priority": "whenever"})
    assert r.status_code == 422  # a value outside a closed set
    assert _field(r) == "priority"
    r = await a.post("/api/v1/tasks", {"title": "x", "due_at": "2030-01-02T10:00:00"})
    assert r.status_code == 422
    assert _field(r) == "due_at"
    r = await a.post("/api/v1/tasks", {"title": "x", "colour": "red"})
    assert r.status_code == 400
    assert _field(r) == "colour"
    r = await a.post("/api/v1/tasks", {"title": "x", "case_id": str(uuid.uuid4())})
    assert r.status_code == 404


async def test_another_centres_tasks_and_cases_are_404(two_centres: tuple[Api, Api]) -> None:
    a, b = two_centres
    theirs = await _task(b, case_id=(await b.new_case())["id"])
    url = f"/api/v1/tasks/{theirs['id']}"
    assert (await a.get(url)).status_code == 404
    assert (await a.patch(url, {"title": "x"}, headers={"If-Match": '"1"'})).status_code == 404
    for action, body in (("complete", {"outcome_note": "x"}), ("cancel", {"reason": "x"})):
        r = await a.post(f"{url}/{action}", body, headers={"If-Match": '"1"'})
        assert r.status_code == 404
    assert (await a.post(f"{url}/reopen", headers={"If-Match": '"1"'})).status_code == 404
    r = await a.post("/api/v1/tasks", {"title": "x", "case_id": theirs["case_id"]})
    assert r.status_code == 404
    listed = (await a.get("/api/v1/tasks", params={"case_id": theirs["case_id"]})).json()
    assert listed["total"] == 0
    assert (await a.get(f"/api/v1/users/{theirs['assignee_id']}")).status_code == 404


async def test_assigning_to_someone_else_needs_task_assign(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    adviser, b = two_centres
    sup = await _staff(container, http, adviser, Role.SUPERVISOR)
    me = (await adviser.get("/api/v1/auth/me")).json()["user_id"]
    task = await _task(sup, assignee_id=me)
    assert task["assignee_id"] == me
    r = await adviser.post("/api/v1/tasks", {"title": "x", "assignee_id": task["created_by"]})
    assert r.status_code == 403
    r = await sup.post("/api/v1/tasks", {"title": "x", "assignee_id": str(uuid.uuid4())})
    assert r.status_code == 422
    assert _field(r) == "assignee_id"
    other = (await b.get("/api/v1/auth/me")).json()["user_id"]
    r = await sup.post("/api/v1/tasks", {"title": "x", "assignee_id": other})
    assert r.status_code == 422
    r = await sup.patch(
        f"/api/v1/tasks/{task['id']}", {"assignee_id": None}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200
    assert r.json()["assignee_id"] is None
    # Nobody's tasks, for whoever shares out the work; not with an assignee as well.
    for who in (sup, adviser):
        nobodys = (await who.get("/api/v1/tasks", params={"unassigned": "true"})).json()
        assert [t["id"] for t in nobodys["items"]] == [task["id"]]
    r = await sup.get("/api/v1/tasks", params={"unassigned": "true", "assignee": "me"})
    assert r.status_code == 422
    assert _field(r) == "unassigned"
    auditor = await _staff(container, http, adviser, Role.AUDITOR)
    assert (await auditor.post("/api/v1/tasks", {"title": "x"})).status_code == 403


async def test_queue_filters_and_sorts(two_centres: tuple[Api, Api]) -> None:
    a, _ = two_centres
    case = await a.new_case()
    late = await _task(a, title="late", due_at="2020-01-01T09:00:00Z", priority="low")
    soon = await _task(a, title="soon", due_at="2030-01-01T09:00:00Z", priority="urgent")
    undated = await _task(a, title="undated", case_id=case["id"])
    mine = {"assignee": "me"}

    async def titles(**params: Any) -> list[str]:
        r = await a.get("/api/v1/tasks", params={**mine, **params})
        assert r.status_code == 200, r.text
        return [t["title"] for t in r.json()["items"] if t["kind"] == "general"]

    assert await titles() == ["late", "soon", "undated"]
    assert await titles(sort="priority") == ["soon", "undated", "late"]
    assert await titles(sort="created") == ["undated", "soon", "late"]
    assert await titles(overdue="true") == ["late"]
    overdue = (await a.get("/api/v1/tasks", params={"overdue": "true"})).json()["items"]
    assert all(t["overdue"] for t in overdue)
    assert await titles(due_after="2025-01-01T00:00:00Z") == ["soon"]
    assert await titles(due_before="2025-01-01T00:00:00Z") == ["late"]
    assert await titles(case_id=case["id"]) == ["undated"]
    r = await a.post(
        f"/api/v1/tasks/{late['id']}/complete", {"outcome_note": "ok"},
        headers={"If-Match": '"1"'},
    )  # fmt: skip
    assert await titles(status="done") == ["late"]
    assert await titles(status="open") == ["soon", "undated"]
    r = await a.get("/api/v1/tasks", params={"due_before": "2025-01-01T00:00:00"})
    assert r.status_code == 422
    assert _field(r) == "due_before"
    r = await a.get(
        "/api/v1/tasks",
        params={"due_before": "2020-01-01T00:00:00Z", "due_after": "2021-01-01T00:00:00Z"},
    )
    assert r.status_code == 422
    r = await a.get("/api/v1/tasks", params={"sort": "colour"})
    assert r.status_code == 422  # outside the closed set
    assert _field(r) == "sort"
    assert soon["id"]
    assert undated["id"]


async def test_closing_a_case_cancels_its_open_tasks_with_a_note(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    a, _ = two_centres
    case = await a.new_case()
    await settle(container)
    task = await _task(a, case_id=case["id"])
    r = await a.post(
        f"/api/v1/cases/{case['id']}/close",
        {"reason": "client_disengaged"},
        headers={"If-Match": f'"{case["version"]}"'},
    )
    assert r.status_code == 200, r.text
    await settle(container)
    items = (await a.get("/api/v1/tasks", params={"case_id": case["id"]})).json()["items"]
    assert {t["kind"] for t in items} == {"initial_contact", "general"}
    for t in items:
        assert t["status"] == "cancelled"
        assert case["reference"] in t["outcome_note"]
        assert "client disengaged" in t["outcome_note"]
    # The case is closed: its task cannot be reopened, nor a new one added.
    r = await a.post(f"/api/v1/tasks/{task['id']}/reopen", headers={"If-Match": '"2"'})
    assert r.status_code == 409
    assert (await a.post("/api/v1/tasks", {"title": "x", "case_id": case["id"]})).status_code == 409


async def test_caseworker_sees_only_own_tasks(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    adviser, _ = two_centres
    cw = await _staff(container, http, adviser, Role.CASEWORKER)
    theirs = await _task(adviser)
    own = await _task(cw)
    listed = (await cw.get("/api/v1/tasks")).json()
    assert [t["id"] for t in listed["items"]] == [own["id"]]
    assert (await cw.get(f"/api/v1/tasks/{theirs['id']}")).status_code == 404
    r = await cw.post(
        f"/api/v1/tasks/{own['id']}/complete", {"outcome_note": "done"},
        headers={"If-Match": '"1"'},
    )  # fmt: skip
    assert r.status_code == 200


async def test_staff_directory(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    a, b = two_centres
    sup = await _staff(container, http, a, Role.SUPERVISOR)
    r = await a.get("/api/v1/users")
    assert r.status_code == 200, r.text
    page = r.json()
    assert page["total"] == 2
    assert page["limit"] == 50
    assert {tuple(u["roles"]) for u in page["items"]} == {("adviser",), ("supervisor",)}
    assert all(
        set(u) == {"id", "display_name", "roles", "active", "version"} for u in page["items"]
    )
    sups = (await a.get("/api/v1/users", params={"role": "supervisor"})).json()["items"]
    me_sup = (await sup.get("/api/v1/auth/me")).json()["user_id"]
    assert [u["id"] for u in sups] == [me_sup]
    one = await a.get(f"/api/v1/users/{me_sup}")
    assert one.status_code == 200
    assert one.json()["roles"] == ["supervisor"]
    assert (await a.get("/api/v1/users", params={"active": "false"})).json()["total"] == 0
    name = page["items"][0]["display_name"]
    found = (await a.get("/api/v1/users", params={"name": name[:3].lower()})).json()
    assert name in [u["display_name"] for u in found["items"]]
    assert (await b.get(f"/api/v1/users/{me_sup}")).status_code == 404
    assert (await b.get("/api/v1/users")).json()["total"] == 1
    r = await a.get("/api/v1/users", params={"role": "wizard"})
    assert r.status_code == 422  # outside the closed set
    assert _field(r) == "role"
    assert (await a.get(f"/api/v1/users/{uuid.uuid4()}")).status_code == 404


async def test_unknown_query_parameters_are_400_naming_them(
    two_centres: tuple[Api, Api],
) -> None:
    a, _ = two_centres
    for url in ("/api/v1/tasks", "/api/v1/cases", "/api/v1/clients", "/api/v1/users"):
        r = await a.get(url, params={"stauts": "open", "limit": 5})
        assert r.status_code == 400, (url, r.text)
        assert _field(r) == "stauts"
        assert "stauts" in r.json()["detail"]
    case = await a.new_case()
    r = await a.get(f"/api/v1/cases/{case['id']}", params={"verbose": "1"})
    assert r.status_code == 400
    assert _field(r) == "verbose"
    assert (await a.get("/api/v1/tasks", params={"limit": 5, "status": "open"})).status_code == 200


async def test_every_documented_query_parameter_is_accepted(http: httpx.AsyncClient) -> None:
    """The allowed names come from the handlers' signatures; OpenAPI is generated from the
    same, so every documented query parameter of every operation must be allowed."""
    from cma_entrypoints.http.common.strict_query import allowed_query_params

    app = http._transport.app  # type: ignore[attr-defined]
    allowed = allowed_query_params(app)
    documented: dict[tuple[str, str], set[str]] = {}
    schema = app.openapi_schema.to_schema()
    for path, item in schema["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                names = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
                documented[(path, method)] = names
    by_path: dict[tuple[str, str], set[str]] = {}
    for route in app.routes:
        for method, (handler, _model) in getattr(route, "route_handler_map", {}).items():
            path = route.path_format or "/"
            if id(handler) in allowed:
                by_path[(path, method.lower())] = set(allowed[id(handler)])
    checked = 0
    for key, names in documented.items():
        if key in by_path:
            assert names <= by_path[key], key
            checked += 1
    assert checked > 50


async def test_every_answer_that_carries_a_user_id_carries_the_name(
    container: Container, http: httpx.AsyncClient, two_centres: tuple[Api, Api]
) -> None:
    """Names next to ids on the answers of create, PATCH, close and reopen too, not only
    on reads and lists (cases, notes and tasks)."""
    api, _ = two_centres
    email = f"sup-{uuid.uuid4().hex[:6]}@centrea.example"
    await container.identity().create_user(
        centre_id=uuid.UUID(api.centre_id), email=email, role=Role.SUPERVISOR, password=PASSWORD
    )
    sup = await sign_in(http, email)
    me = (await api.get("/api/v1/auth/me")).json()
    case = await api.new_case()
    assert case["adviser_name"]
    assert case["client_name"] == "Ann Lee"
    base = f"/api/v1/cases/{case['id']}"
    r = await sup.patch(base, {"adviser_id": me["user_id"]}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    named = {k: r.json()[k] for k in ("adviser_name", "client_name")}
    assert named == {"adviser_name": case["adviser_name"], "client_name": "Ann Lee"}
    note = await api.post(f"{base}/notes", {"body": "Called the client."})
    assert note.json()["author_name"] == case["adviser_name"]
    task = await api.post("/api/v1/tasks", {"title": "Chase statements", "case_id": case["id"]})
    assert task.status_code == 201, task.text
    t = task.json()
    url = f"/api/v1/tasks/{t['id']}"
    r = await api.post(f"{url}/complete", {"outcome_note": "Done."}, headers={"If-Match": '"1"'})
    assert r.json()["closed_by_name"] == case["adviser_name"]
    assert r.json()["assignee_name"] == case["adviser_name"]
    r = await api.post(f"{url}/reopen", headers={"If-Match": r.headers["etag"]})
    assert r.json()["assignee_name"] == case["adviser_name"]
    r = await api.patch(url, {"title": "Chase bank"}, headers={"If-Match": r.headers["etag"]})
    assert r.json()["created_by_name"] == case["adviser_name"]
    etag = (await sup.get(base)).headers["etag"]
    r = await sup.post(f"{base}/close", {"reason": "advice_complete"}, headers={"If-Match": etag})
    assert r.status_code == 200, r.text
    assert (r.json()["adviser_name"], r.json()["client_name"]) == (case["adviser_name"], "Ann Lee")
    r = await sup.post(f"{base}/reopen", headers={"If-Match": r.headers["etag"]})
    assert r.status_code == 200, r.text
    assert (r.json()["adviser_name"], r.json()["client_name"]) == (case["adviser_name"], "Ann Lee")
