"""``cma retention run``: a dry run lists, a real run deletes through the erasure path and
prints the receipt; --json is one document; a second run finds nothing new."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
import uuid
from pathlib import Path

from tests.security.test_cli_audit import env
from typer.testing import CliRunner

from cma_core.cases.model import CloseReason
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CaseId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.settings import Settings

__all__ = ["env"]


def _seed(env: dict[str, str]) -> tuple[str, str, str]:
    """A centre with a closed case (its client has no other) and an open one."""

    async def main() -> tuple[str, str, str]:
        c = build_container(Settings.from_env(env))
        try:
            centre = await c.identity().create_centre("Retention Centre")
            ctx = TenantContext.system(centre.id)
            ids = []
            for name in ("Old", "New"):
                client = await c.clients().register(
                    ctx,
                    RegisterClient(
                        first_name=name, last_name="Lee", date_of_birth=dt.date(1980, 1, 1)
                    ),
                )
                case = await c.cases().open(ctx, OpenCase(client_id=client.id))
                ids.append(str(case.id))
            await c.cases().close(ctx, CaseId(uuid.UUID(ids[0])), CloseReason.OTHER)
            return str(centre.id), ids[0], ids[1]
        finally:
            await shutdown(c)

    return asyncio.run(main())


def test_dry_run_then_run(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    centre, old, new = _seed(env)
    db = sqlite3.connect(tmp_path / "cma.db")
    db.execute(
        "UPDATE cases SET closed_at = ? WHERE id = ?",
        ("2018-01-02 10:00:00.000000", uuid.UUID(old).hex),
    )
    db.commit()

    dry = runner.invoke(app, ["retention", "run", "--dry-run", "--json"], env=env)
    assert dry.exit_code == 0, dry.output
    (receipt,) = json.loads(dry.stdout)["centres"]
    assert (receipt["centre_id"], receipt["due"], receipt["deleted_cases"]) == (centre, 1, [old])
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 2

    done = runner.invoke(app, ["retention", "run", "--centre", centre], env=env)
    assert done.exit_code == 0, done.output
    assert "1 due after 6 years; deleted 1 cases and 1 clients" in done.output
    assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM clients").fetchone()[0] == 1
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log ORDER BY chain_seq")]
    assert {"case.deleted", "client.erased", "retention.run"} <= set(actions)

    again = runner.invoke(app, ["retention", "run", "--json"], env=env)
    assert json.loads(again.stdout)["centres"][0]["due"] == 0
    assert (
        db.execute("SELECT count(*) FROM cases WHERE id = ?", (uuid.UUID(new).hex,)).fetchone()[0]
        == 1
    )
