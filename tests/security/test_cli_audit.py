"""``cma audit verify --centre ID``: exit 0 when intact, 3 naming the first bad entry."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.settings import Settings


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "CMA_DATA_DIR": str(tmp_path),
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "8192",
    }


def _seed(env: dict[str, str]) -> str:
    async def main() -> str:
        c = build_container(Settings.from_env(env))
        try:
            centre = await c.identity().create_centre("Verify Centre")
            ctx = TenantContext.system(centre.id)
            for name in ("Ann", "Bob", "Cy"):
                client = await c.clients().register(
                    ctx,
                    RegisterClient(
                        first_name=name, last_name="Lee", date_of_birth=dt.date(1980, 1, 1)
                    ),
                )
                await c.clients().get(ctx, client.id)
            return str(centre.id)
        finally:
            await shutdown(c)

    return asyncio.run(main())


def test_verify_intact_then_tampered(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    centre = _seed(env)

    ok = runner.invoke(app, ["audit", "verify", "--centre", centre], env=env)
    assert ok.exit_code == 0, ok.output
    assert "intact: 6 entries" in ok.output
    as_json = runner.invoke(app, ["audit", "verify", "--centre", centre, "--json"], env=env)
    assert json.loads(as_json.stdout) == {
        "centre_id": centre,
        "intact": True,
        "checked": 6,
        "head_seq": 6,
        "unsealed": 0,
    }

    db = sqlite3.connect(tmp_path / "cma.db")
    bad_id = db.execute("SELECT id FROM audit_log WHERE chain_seq = 4").fetchone()[0]
    db.execute("UPDATE audit_log SET action = 'client.deleted' WHERE chain_seq = 4")
    db.commit()
    broken = runner.invoke(app, ["audit", "verify", "--centre", centre], env=env)
    assert broken.exit_code == 3, broken.output
    assert "BROKEN at entry #4" in broken.output
    assert "edited" in broken.output
    out = json.loads(
        runner.invoke(app, ["audit", "verify", "--centre", centre, "--json"], env=env).stdout
    )
    assert out["intact"] is False
    assert out["first_bad"]["seq"] == 4
    assert out["first_bad"]["entry_id"].replace("-", "") == bad_id

    db.execute("DELETE FROM audit_log WHERE chain_seq = 2")
    db.commit()
    deleted = runner.invoke(app, ["audit", "verify", "--centre", centre], env=env)
    assert deleted.exit_code == 3
    assert "entry #2 is missing" in deleted.output
    db.close()


def test_views_sealed_later_then_verified(env: dict[str, str], tmp_path: Path) -> None:
    """CMA_AUDIT_SEAL=later: the three client views wait unsealed (no chain lock in the
    request), ``cma audit seal`` links them, and tampering with a sealed view is named."""
    env = env | {"CMA_AUDIT_SEAL": "later"}
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    centre = _seed(env)
    waiting = runner.invoke(app, ["audit", "verify", "--centre", centre], env=env)
    assert waiting.exit_code == 0, waiting.output
    assert "intact: 3 entries (3 view entries waiting to be sealed)" in waiting.output

    sealed = runner.invoke(app, ["audit", "seal", "--json"], env=env)
    assert json.loads(sealed.stdout) == {"sealed": 3}
    ok = runner.invoke(app, ["audit", "verify", "--centre", centre, "--json"], env=env)
    assert json.loads(ok.stdout)["checked"] == 6
    assert json.loads(ok.stdout)["unsealed"] == 0

    db = sqlite3.connect(tmp_path / "cma.db")
    actions = [r[0] for r in db.execute("SELECT action FROM audit_log ORDER BY chain_seq")]
    assert actions[3:] == ["client.viewed"] * 3  # after the three registrations
    db.execute("UPDATE audit_log SET entity_id = 'other' WHERE chain_seq = 5")
    db.commit()
    db.close()
    broken = runner.invoke(app, ["audit", "verify", "--centre", centre], env=env)
    assert broken.exit_code == 3
    assert "BROKEN at entry #5" in broken.output


def test_unknown_centre_is_an_error_not_a_verdict(env: dict[str, str]) -> None:
    runner = CliRunner()
    runner.invoke(app, ["migrate"], env=env)
    r = runner.invoke(
        app, ["audit", "verify", "--centre", "00000000-0000-0000-0000-000000000001"], env=env
    )
    assert r.exit_code == 1
    r = runner.invoke(app, ["audit", "verify", "--centre", "nope"], env=env)
    assert r.exit_code == 2
