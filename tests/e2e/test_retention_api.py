"""Retention end to end, on SQLite and PostgreSQL: closed files past the centre's period
are deleted through the erasure path (rows, search index, audit), held ones are kept, a
client left with no case is erased, a dry run changes nothing, a second run finds nothing;
the policy routes keep the other compliance settings."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import text

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import Api, make_centre, settle, sign_in

pytestmark = pytest.mark.slow

LONG_AGO = dt.datetime.now(dt.UTC) - dt.timedelta(days=7 * 366)


async def _closed_case(
    api: Api, client_id: str | None = None, *, aged: bool = True
) -> dict[str, Any]:
    if client_id is None:
        client_id = (await api.new_client(last_name="Retainer"))["id"]
    r = await api.post("/api/v1/cases", {"client_id": client_id})
    assert r.status_code == 201, r.text
    case = r.json()
    r = await api.post(
        f"/api/v1/cases/{case['id']}/notes", {"body": "Discussed the water meter arrears."}
    )
    assert r.status_code == 201, r.text
    if aged:
        current = (await api.get(f"/api/v1/cases/{case['id']}")).json()
        r = await api.post(
            f"/api/v1/cases/{case['id']}/close",
            {"reason": "advice_complete"},
            headers={"If-Match": f'"{current["version"]}"'},
        )
        assert r.status_code == 200, r.text
    return case


async def _put(api: Api, url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    return await api.client.put(url, json=body, headers={**api.headers, **(headers or {})})


async def _age(container: Container, centre: str, case_id: str) -> None:
    """The case closed seven years ago (as a migrated legacy file would be)."""
    async with container.engine().begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(text("SELECT set_config('app.centre_id', :c, true)"), {"c": centre})
        key: Any = uuid.UUID(case_id)
        if conn.dialect.name == "sqlite":
            key = key.hex
        await conn.execute(
            text("UPDATE cases SET closed_at = :t WHERE id = :i"), {"t": LONG_AGO, "i": key}
        )


async def test_retention_deletes_what_policy_says_and_keeps_what_is_held(
    container: Container, http: Any
) -> None:
    centre = await make_centre(container, "Keep Centre", Role.CENTRE_ADMIN)
    api = await sign_in(http, "centre_admin@keepcentre.example", centre)
    centre_id = CentreId(uuid.UUID(centre))

    gone = await _closed_case(api)  # client with one old case: case and client go
    held = await _closed_case(api)  # old but held: stays
    both = await _closed_case(api)  # client with an old case and an open one
    kept_open = await _closed_case(api, both["client_id"], aged=False)
    recent = await _closed_case(api)  # closed today: within the period
    for case in (gone, held, both):
        await _age(container, centre, case["id"])
    r = await api.post("/api/v1/legal-holds", {"case_id": held["id"], "reason": "litigation"})
    assert r.status_code == 201, r.text
    await settle(container)
    index = container.search_index()
    assert {str(d.entity_id) for d in await index.documents(centre_id)} >= {gone["id"]}

    r = await api.get("/api/v1/retention/due")
    assert r.status_code == 200, r.text
    due = r.json()
    assert set(due["would_delete_cases"]) == {gone["id"], both["id"]}
    assert due["held_cases"] == [held["id"]]
    dry = await container.retention().run(centre_id, dry_run=True)
    assert set(map(str, dry.deleted_cases)) == {gone["id"], both["id"]}
    assert (await api.get(f"/api/v1/cases/{gone['id']}")).status_code == 200  # nothing changed

    seen: list[tuple[int, int]] = []
    receipt = await container.retention().run(centre_id, progress=lambda d, t: seen.append((d, t)))
    await settle(container)

    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)
    assert set(map(str, receipt.deleted_cases)) == {gone["id"], both["id"]}
    assert [str(c) for c in receipt.erased_clients] == [gone["client_id"]]
    assert [str(c) for c in receipt.held] == [held["id"]]
    assert receipt.failed == ()
    for case in (gone, both):
        assert (await api.get(f"/api/v1/cases/{case['id']}")).status_code == 404
    assert (await api.get(f"/api/v1/clients/{gone['client_id']}")).status_code == 404
    for case in (held, kept_open, recent):
        assert (await api.get(f"/api/v1/cases/{case['id']}")).status_code == 200
    assert (await api.get(f"/api/v1/clients/{both['client_id']}")).status_code == 200
    left = {str(d.entity_id) for d in await index.documents(centre_id)}
    assert not left & {gone["id"], gone["client_id"], both["id"]}
    assert held["id"] in left
    r = await api.get("/api/v1/audit", params={"action": "retention.run"})
    assert r.json()["total"] == 1
    r = await api.get("/api/v1/audit", params={"entity_id": gone["id"], "action": "case.deleted"})
    assert "reason=retention_expired" in r.json()["items"][0]["fields"]

    again = await container.retention().run(centre_id)
    assert (again.due, again.deleted_cases, again.held) == (1, (), receipt.held)


async def test_the_retention_policy_routes_keep_the_other_settings(
    container: Container, http: Any
) -> None:
    centre = await make_centre(container, "Policy Centre", Role.CENTRE_ADMIN)
    api = await sign_in(http, "centre_admin@policycentre.example", centre)
    r = await api.get("/api/v1/retention/policy")
    assert r.status_code == 200, r.text
    assert r.json()["retention_years"] == 6  # the default, UK-DEBT-ADVICE §7
    r = await _put(
        api, "/api/v1/compliance/policy", {"file_review_quota": 4}, headers={"If-Match": '"0"'}
    )
    assert r.status_code == 200, r.text
    r = await _put(api, "/api/v1/retention/policy", {"retention_years": 7})
    assert r.status_code == 428, r.text
    r = await _put(
        api, "/api/v1/retention/policy", {"retention_years": 7}, headers={"If-Match": '"0"'}
    )
    assert r.status_code == 412, r.text
    r = await _put(
        api, "/api/v1/retention/policy", {"retention_years": 0}, headers={"If-Match": '"1"'}
    )
    assert r.status_code in (400, 422), r.text
    r = await _put(
        api, "/api/v1/retention/policy", {"retention_years": 7}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2"'
    r = await api.get("/api/v1/compliance/policy")
    assert (r.json()["retention_years"], r.json()["file_review_quota"]) == (7, 4)
