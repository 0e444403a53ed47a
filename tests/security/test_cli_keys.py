"""``cma keys rotate --centre ID``: a new data-key version, the centre's rows re-sealed."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import uuid
from pathlib import Path

from tests.security.test_cli_audit import _seed, env
from typer.testing import CliRunner

from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.settings import Settings

__all__ = ["env"]


def test_rotate_reseals_and_data_stays_readable(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    centre = _seed(env)
    assert oct((tmp_path / "keyring.key").stat().st_mode & 0o777) == "0o600"

    first = runner.invoke(app, ["keys", "rotate", "--centre", centre, "--json"], env=env)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == {
        "centre_id": centre,
        "version": 2,
        "previous_version": 1,
        "clients": 3,
        "notes": 0,
        "records": 0,
        "documents": 0,
        "files": 0,
    }
    plain = runner.invoke(app, ["keys", "rotate", "--centre", centre], env=env)
    assert plain.exit_code == 0, plain.output
    assert "data key version 3; re-encrypted 3 clients" in plain.output

    with sqlite3.connect(tmp_path / "cma.db") as db:
        rows = db.execute("SELECT key_version, last_name_enc FROM clients").fetchall()
        versions = db.execute("SELECT version FROM centre_data_keys ORDER BY version").fetchall()
    assert {r[0] for r in rows} == {3}
    assert all(r[1].startswith("v3:") and "Lee" not in r[1] for r in rows)
    assert [v[0] for v in versions] == [1, 2, 3]  # old versions are kept, never deleted

    # Still readable and searchable through the application after rotation.
    async def names() -> list[str]:
        c = build_container(Settings.from_env(env))
        try:
            ctx = TenantContext.system(CentreId(uuid.UUID(centre)))
            page = await c.clients().list(ctx, name="lee")
            return sorted(x.first_name for x in page.items)
        finally:
            await shutdown(c)

    assert asyncio.run(names()) == ["Ann", "Bob", "Cy"]
    unknown = runner.invoke(
        app, ["keys", "rotate", "--centre", str(uuid.uuid4()), "--json"], env=env
    )
    assert unknown.exit_code != 0
    bad = runner.invoke(app, ["keys", "rotate", "--centre", "nope", "--json"], env=env)
    assert bad.exit_code != 0
