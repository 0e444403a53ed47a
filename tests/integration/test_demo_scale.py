"""``cma demo --scale``: the seeded records read back through the application like records
the API wrote (a small smoke test; the large runs are in ``benchmarks/``)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
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


def _pg_env(url: str, data_dir: Path) -> dict[str, str | None]:
    return {
        "CMA_DATA_DIR": str(data_dir), "CMA_DATABASE_URL": url,
        "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "CMA_ARGON2_TIME_COST": "1", "CMA_ARGON2_MEMORY_COST": "1024",
    }  # fmt: skip


@pytest.mark.postgres
def test_the_copy_ceiling_is_interleaved_with_the_seed_pair_by_pair(
    own_postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``compare_copy`` the seed pauses after each segment while every worker
    ``COPY``s the rows it has just written into shadow tables: each pair's two sides
    wrote the same rows, all of them; the shadow tables are gone afterwards and the seeded
    data is the seed's (chains intact)."""
    import psycopg

    from cma_entrypoints import scale_seed

    monkeypatch.setattr(scale_seed, "CHUNK", 5)
    monkeypatch.setattr(scale_seed, "SEGMENT_CHUNKS", 2)
    env = _pg_env(own_postgres, tmp_path)

    async def run(c: Container) -> Any:
        receipt = await scale_seed.seed(c, 60, 4, jobs=2, compare_copy=True)
        reports = [
            await c.audit().verify(TenantContext.system(CentreId(uuid.UUID(x["centre_id"]))))
            for x in receipt.logins
        ]
        return receipt, reports

    receipt, reports = _in_container(env, run)
    out = receipt.as_dict()
    pairs = out["interleaved"]
    # 30 cases a worker, segments of 2 chunks of 5: three pairs.
    assert pairs["pairs"] == 3
    assert pairs["rows"] == receipt.total_rows == 60 * 19
    assert receipt.interleaved is not None
    for pair, shown in zip(receipt.interleaved.pairs, pairs["by_pair"], strict=True):
        assert pair.seed.wall > 0
        assert pair.copy.wall > 0
        assert shown["share_wall"] == round(pair.copy.wall / pair.seed.wall, 3)
    # The old summary fields, now from the interleaved ceiling.
    assert out["copy_ceiling_rows_per_second"] == pairs["copy_rows_per_second"]
    assert out["share_of_copy"] > 0
    assert all(r.problem is None for r in reports)
    with psycopg.connect(own_postgres) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_ceiling'"
        ).fetchone()
        assert left == (0,)
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (60,)


@pytest.mark.postgres
def test_the_postgres_seed_puts_every_foreign_key_back(own_postgres: str, tmp_path: Path) -> None:
    """``cma demo --scale`` on PostgreSQL (no ceiling): the foreign keys dropped for the
    load are all back, checked, and the rows and chains are whole."""
    import psycopg

    from cma_entrypoints import bulk_keys, scale_seed

    with psycopg.connect(own_postgres) as conn:
        before = bulk_keys.foreign_keys(conn, scale_seed.TABLES)
    assert len(before) >= 10
    env = _pg_env(own_postgres, tmp_path)

    async def run(c: Container) -> Any:
        receipt = await scale_seed.seed(c, 40, 3, jobs=2)
        centre = CentreId(uuid.UUID(receipt.logins[0]["centre_id"]))
        return receipt, await c.audit().verify(TenantContext.system(centre))

    receipt, report = _in_container(env, run)
    assert receipt.interleaved is None
    assert receipt.total_rows == 40 * 19
    assert report.problem is None
    with psycopg.connect(own_postgres) as conn:
        assert bulk_keys.foreign_keys(conn, scale_seed.TABLES) == before
        orphans = conn.execute(
            "SELECT count(*) FROM tasks t LEFT JOIN cases c ON c.id = t.case_id WHERE c.id IS NULL"
        ).fetchone()
        assert orphans == (0,)
