"""Spending guidelines imports and threshold overrides over HTTP (SQLite and PostgreSQL):
a preview stores nothing, a bad line is named, an import is audited and listed, an
adviser may read but not change, a stale sign-in must step up, overrides go under
If-Match and the appraisal's rules read the centre's figure; another centre sees none."""

from __future__ import annotations

import datetime as dt
import uuid
from importlib import resources
from typing import Any

import httpx
import pytest

from cma_adapters.memory import FixedClock
from cma_core.debts.service import thresholds_of
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, make_centre, sign_in

pytestmark = pytest.mark.slow

GUIDELINES = "/api/v1/reference/guidelines"
IMPORTS = f"{GUIDELINES}/imports"
THRESHOLDS = "/api/v1/centre/thresholds"


def example() -> str:
    return (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )


@pytest.fixture
def clock(container: Container) -> FixedClock:
    fixed = FixedClock(dt.datetime.now(dt.UTC))
    container.clock.override(fixed)
    return fixed


async def put(api: Api, body: Any, etag: str | None) -> httpx.Response:
    headers = {**api.headers, **({"If-Match": etag} if etag else {})}
    return await api.client.put(THRESHOLDS, json=body, headers=headers)


async def staff(container: Container, http: httpx.AsyncClient) -> tuple[Api, Api, Api]:
    a = await make_centre(container, "Ref Centre A", Role.CENTRE_ADMIN)
    b = await make_centre(container, "Ref Centre B", Role.CENTRE_ADMIN)
    await container.identity().create_user(
        centre_id=uuid.UUID(a), email="adviser@refcentrea.example", role=Role.ADVISER,
        password=PASSWORD,
    )  # fmt: skip
    return (
        await sign_in(http, "centre_admin@refcentrea.example", a),
        await sign_in(http, "adviser@refcentrea.example", a),
        await sign_in(http, "centre_admin@refcentreb.example", b),
    )


async def test_guidelines_preview_import_errors_and_audit(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin, adviser, other = await staff(container, http)
    r = await adviser.get(GUIDELINES)
    assert (r.status_code, r.json()["loaded"], r.json()["periods"]) == (200, False, [])

    body = {"content": example(), "source": "EXAMPLE", "dry_run": True}
    assert (await adviser.post(IMPORTS, body)).status_code == 403
    r = await admin.post(IMPORTS, body)
    assert r.status_code == 200, r.text
    preview = r.json()
    assert (preview["stored"], preview["rows"], len(preview["added"])) == (False, 18, 18)
    assert (await admin.get(GUIDELINES)).json()["loaded"] is False  # nothing stored

    bad = example().replace("2025-04-07,,2,0,personal,8400", "2025-04-07,,2,0,personal,84.00")
    r = await admin.post(IMPORTS, {**body, "content": bad, "dry_run": False})
    assert r.status_code in (400, 422), r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    line = 1 + bad.splitlines().index("2025-04-07,,2,0,personal,84.00,EXAMPLE-NOT-REAL")
    assert r.json()["errors"][0]["field"] == f"line[{line}].monthly_pence"
    assert (await admin.get(GUIDELINES)).json()["loaded"] is False

    r = await admin.post(IMPORTS, {**body, "dry_run": False})
    assert r.status_code == 201, r.text
    assert r.json()["record"]["added"] == 18
    changed = example().replace("2025-04-07,,1,0,personal,5200", "2025-04-07,,1,0,personal,5300")
    r = await admin.post(IMPORTS, {**body, "content": changed})
    assert [(c["before_pence"], c["after_pence"]) for c in r.json()["changed"]] == [(5200, 5300)]

    # A load by the CLI's path is listed in the same history.
    ctx = TenantContext.system(CentreId(uuid.UUID(admin.centre_id)))
    await container.reference().load(ctx, guidelines_csv=changed, source="cli load")
    listed = (await adviser.get(GUIDELINES)).json()
    assert listed["loaded"] is True
    assert [(p["valid_from"], p["valid_to"], p["rows"]) for p in listed["periods"]] == [
        ("2025-04-07", None, 9),
        ("2024-04-01", "2025-04-06", 9),
    ]
    assert [(i["source"], i["changed"]) for i in listed["imports"]] == [
        ("cli load", 1),
        ("EXAMPLE", 0),
    ]
    assert (await other.get(GUIDELINES)).json()["loaded"] is False

    # The same lists paged by cursor and filtered; another centre's are its own (empty).
    async def pages(url: str, key: str, **params: Any) -> list[list[Any]]:
        out, cursor = [], None
        while True:
            query = {"limit": "1", **params, **({"cursor": cursor} if cursor else {})}
            r = await adviser.get(url, params=query)
            assert r.status_code == 200, r.text
            out.append([i[key] for i in r.json()["items"]])
            if (cursor := r.json()["next_cursor"]) is None:
                return [page for page in out if page]

    periods, imports = f"{GUIDELINES}/periods", f"{GUIDELINES}/imports"
    assert await pages(periods, "valid_from") == [["2025-04-07"], ["2024-04-01"]]
    assert await pages(periods, "valid_from", in_force="false") == [["2024-04-01"]]
    assert await pages(periods, "valid_from", source="no such source") == []
    assert await pages(imports, "source") == [["cli load"], ["EXAMPLE"]]
    assert await pages(imports, "source", source="exam") == [["EXAMPLE"]]
    since = listed["imports"][0]["imported_at"]
    assert await pages(imports, "source", since=since) == [["cli load"]]
    r = await adviser.get(imports, params={"cursor": "not-a-cursor"})
    assert (r.status_code, r.json()["errors"][0]["field"]) == (422, "cursor"), r.text
    assert (await other.get(periods)).json()["total"] == 0

    r = await admin.get("/api/v1/audit", params={"entity_type": "centre"})
    assert "reference.guidelines_imported" in [e["action"] for e in r.json()["items"]]


async def test_overrides_if_match_rules_step_up_and_isolation(
    container: Container, http: httpx.AsyncClient, clock: FixedClock
) -> None:
    admin, adviser, other = await staff(container, http)
    r = await adviser.get(THRESHOLDS)
    assert (r.status_code, r.headers["etag"], r.json()["overrides"]) == (200, '"0"', [])
    national = {(n["jurisdiction"], n["param"]): n for n in r.json()["national"]}
    dro = national[("EW", "dro.max_debt")]
    override = {
        "jurisdiction": "EW",
        "param": "dro.max_debt",
        "value": dro["value"] + 100_000,
        "effective_from": "2026-01-01",
        "reason": "test pilot figure",
    }
    body = {"overrides": [override]}
    assert (await put(admin, body, None)).status_code == 428
    assert (await put(adviser, body, '"0"')).status_code == 403
    r = await put(admin, {"overrides": [{**override, "param": "dro.nope"}]}, '"0"')
    assert r.json()["errors"][0]["field"] == "overrides[0].param", r.text
    r = await put(admin, body, '"0"')
    assert (r.status_code, r.headers["etag"]) == (200, '"1"'), r.text
    (saved,) = r.json()["overrides"]
    assert (saved["national_value"], saved["value"]) == (dro["value"], override["value"])
    assert (await put(admin, {"overrides": []}, '"0"')).status_code == 412

    # The rules read the centre's figure.
    ref = await container.reference().get(
        TenantContext.system(CentreId(uuid.UUID(admin.centre_id)))
    )
    figure = thresholds_of(ref).value_in_force(Jurisdiction.EW, "dro.max_debt", dt.date(2026, 6, 1))
    assert figure.value == override["value"]
    assert (await other.get(THRESHOLDS)).json()["overrides"] == []

    clock.at += dt.timedelta(minutes=16)
    r = await put(admin, {"overrides": []}, '"1"')
    assert r.status_code == 401
    assert r.json()["type"].endswith("/reauthentication-required")
    r = await admin.post(IMPORTS, {"content": example(), "dry_run": True})
    assert r.status_code == 401
