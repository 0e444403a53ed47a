"""Pass rates over time over HTTP, on SQLite and PostgreSQL: every re-evaluation of a
case feeds the findings history (only changed outcomes), and the history route reads the
state at the end of each week per rule, per adviser; bad parameters name their field."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx
import pytest
import sqlalchemy as sa
from tests.e2e.conftest import PASSWORD, make_centre, settle, sign_in

from cma_adapters.sqlalchemy.engine import driver_url
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

URL = "/api/v1/compliance/report/history"


async def test_history_follows_the_evaluations(
    container: Container, http: httpx.AsyncClient
) -> None:
    centre = await make_centre(container, "History Centre")
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)), email="supervisor@history.example",
        role=Role.SUPERVISOR, password=PASSWORD,
    )  # fmt: skip
    adviser = await sign_in(http, "adviser@historycentre.example", centre)
    supervisor = await sign_in(http, "supervisor@history.example", centre)
    for _ in range(2):
        await adviser.new_case()
    await settle(container)

    report = (await supervisor.get("/api/v1/compliance/report")).json()
    passed = sum(r["passed"] for r in report["by_rule"])
    failed = sum(r["fail"] for r in report["by_rule"])
    assert passed + failed > 0, report
    r = await supervisor.get(URL)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["interval"], len(body["overall"])) == ("week", 12)
    now = body["overall"][-1]
    # This week's state is every case's current findings.
    assert (now["passed"], now["failed"]) == (passed, failed)
    assert all(p["passed"] + p["failed"] == 0 for p in body["overall"][:-2])
    by_rule = {x["rule_id"]: x["points"][-1] for x in body["rules"]}
    assert sum(p["passed"] for p in by_rule.values()) == passed

    me = (await adviser.get("/api/v1/auth/me")).json()["user_id"]
    mine = (await supervisor.get(URL, params={"adviser_id": me})).json()["overall"][-1]
    assert (mine["passed"], mine["failed"]) == (passed, failed)
    nobody = (await supervisor.get(URL, params={"adviser_id": str(uuid.uuid4())})).json()
    assert nobody["overall"][-1]["passed"] + nobody["overall"][-1]["failed"] == 0

    # Re-evaluating unchanged cases adds nothing to the history.
    async with container.uow()(CentreId(uuid.UUID(centre))) as uow:
        before = len(
            await container.compliance()
            .finding_history(uow)
            .until(dt.datetime.max.replace(tzinfo=dt.UTC))
        )
    await adviser.new_case()
    await settle(container)
    async with container.uow()(CentreId(uuid.UUID(centre))) as uow:
        after = len(
            await container.compliance()
            .finding_history(uow)
            .until(dt.datetime.max.replace(tzinfo=dt.UTC))
        )
    assert (
        after - before
        == (
            passed
            + failed
            + sum(r["not_assessable"] + r["not_applicable"] for r in report["by_rule"])
        )
        // 2
    )  # one new case: its findings, once each

    months = (
        await supervisor.get(
            URL, params={"interval": "month", "from": "2026-01-01", "to": "2026-12-31"}
        )
    ).json()
    assert len(months["overall"]) == 12
    for params, field in (
        ({"from": "2020-01-01", "to": "2026-12-31"}, "from"),
        ({"from": "2026-12-01", "to": "2026-11-01"}, "to"),
        ({"rule_id": "CR-99"}, "rule_id"),
    ):
        r = await supervisor.get(URL, params=params)
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["field"] == field
    assert (await supervisor.get(URL, params={"interval": "day"})).status_code == 422


@pytest.mark.parametrize("container", ["sqlite"], indirect=True)
async def test_migration_1801_seeds_the_history_from_the_stored_findings(
    container: Container, http: httpx.AsyncClient
) -> None:
    """A database that had findings before 1801 gets them as its first history rows, each
    at its evaluation time (SQLite: its own file, so the table can be dropped and re-made;
    the INSERT ... SELECT is the same SQL on PostgreSQL)."""
    centre = await make_centre(container, "Backfill Centre")
    adviser = await sign_in(http, "adviser@backfillcentre.example", centre)
    for _ in range(2):
        await adviser.new_case()
    await settle(container)
    url = container.settings().database_url
    cols = "centre_id, case_id, rule_id, adviser_id, status, evaluated_at"
    owner = sa.create_engine(driver_url(url, sync=True))
    try:
        with owner.begin() as conn:
            findings = sorted(conn.execute(sa.text(f"SELECT {cols} FROM compliance_findings")))  # noqa: S608 - constant columns
            assert findings, "the cases were evaluated"
            # Back to just before 1801: its table gone and 1800 the branch's head again.
            conn.execute(sa.text("DROP TABLE compliance_finding_history"))
            conn.execute(
                sa.text(
                    "UPDATE alembic_version SET version_num = '1800' WHERE version_num = '1801'"
                )
            )
        upgrade(url)
        with owner.begin() as conn:
            history = sorted(
                conn.execute(sa.text(f"SELECT {cols} FROM compliance_finding_history"))  # noqa: S608 - constant columns
            )
    finally:
        owner.dispose()
    assert history == findings
