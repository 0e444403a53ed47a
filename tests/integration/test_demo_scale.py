"""``cma demo --scale``: the seeded records read back through the application like records
the API wrote (a small smoke test; the large runs are in ``benchmarks/``)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from typing import Any

from typer.testing import Result

from cma_core.cases.model import CaseStatus
from cma_core.cases.service import OpenCase
from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId, ClientId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings


def _in_container(env: dict[str, str | None], work: Callable[[Container], Any]) -> Any:
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def main() -> Any:
        container = build_container(settings)
        try:
            return await work(container)
        finally:
            await shutdown(container)

    return asyncio.run(main())


def test_scale_seed_reads_back_like_api_data(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    result = cma("demo", "--scale", "50", "--centres", "2", "--no-serve", "--json")
    assert result.exit_code == 0, result.output
    receipt = json.loads(result.stdout)
    assert receipt["cases"] == 50
    assert receipt["centres"] == 2
    by_table = receipt["rows_by_table"]
    for table in ("clients", "cases", "case_notes", "tasks", "advice_debts", "case_list_rows"):
        assert by_table[table] == 50, table
    assert by_table["audit_log"] == 150
    assert by_table["search_docs"] == 150
    centre = CentreId(uuid.UUID(receipt["logins"][0]["centre_id"]))

    async def read(c: Container) -> dict[str, Any]:
        ctx = TenantContext.system(centre)
        page, _ = await c.case_list().list(ctx, limit=100)
        rows = page.items
        case = await c.cases().get(ctx, rows[0].case_id)
        client = await c.clients().get(ctx, ClientId(rows[0].client_id))
        debts = await c.debts().list_debts(ctx, case.id)
        found = await c.search().search(ctx, client.last_name, limit=50)
        report = await c.audit().verify(ctx)
        new = await c.cases().open(ctx, OpenCase(client_id=client.id))
        return {
            "rows": rows, "case": case, "client": client, "debts": debts.items,
            "found": {h.entity_id for h in found.items}, "report": report, "new": new,
        }  # fmt: skip

    got = _in_container(env, read)
    rows = got["rows"]
    assert len(rows) == 25  # case i is in centre i mod 2
    assert all(r.client_name for r in rows)  # sealed in the row, opened on read
    assert {r.status for r in rows} == {CaseStatus.OPEN, CaseStatus.CLOSED}
    assert rows[0].client_name == got["client"].display_name
    assert got["case"].notes
    assert got["case"].reference == rows[0].reference
    assert len(got["debts"]) == 1
    assert got["client"].id in got["found"]  # the blind tokens of its name
    assert got["report"].problem is None
    assert got["report"].checked >= 75
    assert got["new"].reference == "C-000026"  # the centre's sequence continues


def test_scale_refuses_a_database_with_centres(cma: Callable[..., Result]) -> None:
    assert cma("migrate").exit_code == 0
    assert cma("centre", "create", "Eastside Advice", "--json").exit_code == 0
    result = cma("demo", "--scale", "5", "--no-serve", "--json")
    assert result.exit_code == 2, result.output
    assert "no centres yet" in result.stdout
