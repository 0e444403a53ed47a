"""``cma user grant|revoke`` and the audit entry of ``cma keys rotate``, after which
``cma audit verify`` still passes: on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission, Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.settings import Settings


@pytest.fixture(params=["sqlite", "postgres"])
def env(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    values = {
        "CMA_DATA_DIR": str(tmp_path),
        "CMA_KEYRING_PATH": str(tmp_path / "keyring.key"),
        "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "8192",
    }
    if request.param == "postgres":
        values["CMA_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    else:
        assert CliRunner().invoke(app, ["migrate"], env=values).exit_code == 0
    return values


def _seed(env: dict[str, str]) -> tuple[str, str]:
    """A centre with a caseworker and a client holding sensitive detail."""

    async def main() -> tuple[str, str]:
        c = build_container(Settings.from_env(env))
        try:
            centre = await c.identity().create_centre("Rotation Centre")
            email = f"vol-{uuid.uuid4().hex[:6]}@rotation.example"
            await c.identity().create_user(
                centre_id=centre.id,
                email=email,
                role=Role.CASEWORKER,
                password="correct horse battery staple",
            )
            await c.clients().register(
                TenantContext.system(centre.id),
                RegisterClient(
                    first_name="Ann",
                    last_name="Lee",
                    date_of_birth=dt.date(1980, 1, 1),
                    details={
                        "vulnerabilities": ["bereavement"],
                        "vulnerability_notes": "lost partner in May",
                    },
                ),
            )
            return str(centre.id), email
        finally:
            await shutdown(c)

    return asyncio.run(main())


def _audit(env: dict[str, str], centre: str, action: str) -> list[tuple[str, tuple[str, ...]]]:
    async def main() -> list[tuple[str, tuple[str, ...]]]:
        c = build_container(Settings.from_env(env))
        try:
            async with c.uow()(CentreId(uuid.UUID(centre))) as uow:
                page = await uow.audit.list(limit=50, offset=0, action=action)
            return [(e.entity_id, e.fields) for e in page.items]
        finally:
            await shutdown(c)

    return asyncio.run(main())


def _permissions(env: dict[str, str], centre: str, email: str) -> frozenset[Permission]:
    async def main() -> frozenset[Permission]:
        c = build_container(Settings.from_env(env))
        try:
            user = await c.identity_store().get_user_by_email(email)
            assert user is not None
            ctx = await c.identity().context_for(user.id, CentreId(uuid.UUID(centre)))
            return ctx.permissions
        finally:
            await shutdown(c)

    return asyncio.run(main())


def test_rotation_is_audited_and_the_chain_still_verifies(env: dict[str, str]) -> None:
    runner = CliRunner()
    centre, _ = _seed(env)
    for _ in range(2):
        r = runner.invoke(app, ["keys", "rotate", "--centre", centre, "--json"], env=env)
        assert r.exit_code == 0, r.output
    assert _audit(env, centre, "keys.rotated") == [
        ("2", ("previous_version:1", "version:2")),
        ("3", ("previous_version:2", "version:3")),
    ]
    ok = runner.invoke(app, ["audit", "verify", "--centre", centre, "--json"], env=env)
    assert ok.exit_code == 0, ok.output
    report = json.loads(ok.stdout)
    assert report["intact"] is True
    assert report["checked"] == 3  # client.created and the two rotations


def test_user_grant_and_revoke_from_the_command_line(env: dict[str, str]) -> None:
    runner = CliRunner()
    centre, email = _seed(env)
    base = ["--centre", centre, "--user", email]
    r = runner.invoke(
        app,
        ["user", "grant", *base, "--permission", "sensitive:read", "--reason", "rota", "--json"],
        env=env,
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["permission"] == "sensitive:read"
    assert Permission.SENSITIVE_READ in _permissions(env, centre, email)
    for refused in ("user:manage", "centre:manage", "nonsense"):
        bad = runner.invoke(
            app, ["user", "grant", *base, "--permission", refused, "--reason", "x"], env=env
        )
        assert bad.exit_code == 2, bad.output
        assert "error:" in bad.output
    past = runner.invoke(
        app,
        [
            "user",
            "grant",
            *base,
            "--permission",
            "finance:read",
            "--reason",
            "x",
            "--expires",
            "2001-01-01",
        ],
        env=env,
    )
    assert past.exit_code == 2, past.output
    r = runner.invoke(app, ["user", "revoke", *base, "--permission", "sensitive:read"], env=env)
    assert r.exit_code == 0, r.output
    assert Permission.SENSITIVE_READ not in _permissions(env, centre, email)
    again = runner.invoke(app, ["user", "revoke", *base, "--permission", "sensitive:read"], env=env)
    assert again.exit_code == 1
    assert [f for _, f in _audit(env, centre, "user.permission_granted")] == [("sensitive:read",)]
    assert len(_audit(env, centre, "user.permission_revoked")) == 1
    ok = runner.invoke(app, ["audit", "verify", "--centre", centre], env=env)
    assert ok.exit_code == 0, ok.output
