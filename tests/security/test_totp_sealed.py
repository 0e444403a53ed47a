"""Users' TOTP secrets are sealed at rest, each under a wrapped data key (migration 2030):
a copy of the database gives no second factor away, a sealed secret moved to another
user's row does not open, a secret is never stored without key management, the secrets
written before 2030 are sealed by it, and changing ``CMA_SECRET_KEY`` locks nobody out."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pyotp
import pytest
from alembic import command
from sqlalchemy import select, update
from tests.security.test_cli_grants_and_rotation_audit import _audit
from typer.testing import CliRunner

from cma_adapters.keys import LocalKeyringKeyManagement
from cma_adapters.sqlalchemy import create_engine_for
from cma_adapters.sqlalchemy.identity import SqlAlchemyIdentityStore, users_t
from cma_adapters.sqlalchemy.migrate import alembic_config, upgrade
from cma_core.identity.errors import SecondFactorRequired
from cma_core.identity.model import User
from cma_core.identity.permissions import Role
from cma_core.privacy.ports import CiphertextRejected
from cma_core.shared.errors import StaleVersion
from cma_core.shared.ids import UserId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.settings import Settings

NOW = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
PASSWORD = "correct-horse-battery-9"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"{request.param}_url"))


def _user(email: str, secret: str | None) -> User:
    return User(
        id=UserId(uuid.uuid4()),
        email=email,
        full_name="Test User",
        password_hash="x",
        created_at=NOW,
        totp_secret=secret,
        totp_enabled=secret is not None,
    )


async def _stored(engine: Any, user: User) -> str | None:
    async with engine.connect() as conn:
        return (
            await conn.execute(select(users_t.c.totp_secret).where(users_t.c.id == user.id))
        ).scalar_one()


async def _write(engine: Any, user: User, value: str | None) -> None:
    """Write ``value`` into the row directly, around the application."""
    async with engine.begin() as conn:
        await conn.execute(update(users_t).where(users_t.c.id == user.id).values(totp_secret=value))


async def test_the_secret_is_sealed_bound_to_its_row_and_read_back(
    db_url: str, tmp_path: Path
) -> None:
    engine = create_engine_for(db_url)
    store = SqlAlchemyIdentityStore(engine, keys=LocalKeyringKeyManagement(tmp_path / "k.key"))
    secret = pyotp.random_base32()
    alice = _user(f"alice-{uuid.uuid4().hex[:6]}@sealed.example", secret)
    bob = _user(f"bob-{uuid.uuid4().hex[:6]}@sealed.example", pyotp.random_base32())
    try:
        await store.add_user(alice)
        await store.add_user(bob)
        stored = await _stored(engine, alice)
        assert stored is not None
        assert secret not in stored
        assert stored.startswith("u1:")  # the wrapped key, then the ciphertext
        got = await store.get_user(alice.id)
        assert got is not None
        assert got.totp_secret == secret
        # Saving (a new version of the row) re-seals; still reads back.
        got.full_name = "Alice Renamed"
        await store.save_user(got)
        again = await store.get_user_by_email(alice.email)
        assert again is not None
        assert again.totp_secret == secret

        # Alice's sealed secret written into Bob's row (an attacker with database write
        # access enrolling their own authenticator for Bob) does not open.
        await _write(engine, bob, await _stored(engine, alice))
        with pytest.raises(CiphertextRejected):
            await store.get_user(bob.id)
        # Nor does a secret written in clear around the application.
        await _write(engine, bob, pyotp.random_base32())
        with pytest.raises(CiphertextRejected):
            await store.get_user(bob.id)
    finally:
        await engine.dispose()


async def test_without_key_management_a_secret_is_refused_not_stored_in_clear(
    sqlite_url: str,
) -> None:
    engine = create_engine_for(sqlite_url)
    store = SqlAlchemyIdentityStore(engine)
    try:
        await store.add_user(_user("plain@sealed.example", None))  # no secret: fine
        with pytest.raises(RuntimeError, match="no key management"):
            await store.add_user(_user("otp@sealed.example", pyotp.random_base32()))
        assert await store.get_user_by_email("otp@sealed.example") is None
    finally:
        await engine.dispose()


async def test_migration_2030_seals_the_secrets_written_before_it(
    sqlite_url: str, tmp_path: Path
) -> None:
    """On SQLite (a database of its own: the PostgreSQL test database is shared by the
    session's tests, whose platform key this must not drop)."""
    cfg = alembic_config(sqlite_url)
    command.downgrade(cfg, "totp_sealed@-1")  # as the database was before 2030
    engine = create_engine_for(sqlite_url)
    user = _user("before@sealed.example", None)
    secret = pyotp.random_base32()
    try:
        await SqlAlchemyIdentityStore(engine).add_user(user)
        await _write(engine, user, secret)
        with pytest.raises(RuntimeError, match="no key management"):
            upgrade(sqlite_url)  # refuses rather than guess where the key is
        assert await _stored(engine, user) == secret  # nothing was changed
        km = LocalKeyringKeyManagement(tmp_path / "k.key")
        upgrade(sqlite_url, key_management=lambda: km)
        stored = await _stored(engine, user)
        assert stored is not None
        assert secret not in stored
        got = await SqlAlchemyIdentityStore(engine, keys=km).get_user(user.id)
        assert got is not None
        assert got.totp_secret == secret
        # And back: the downgrade opens them again for a 0301 application.
        command.downgrade(alembic_config(sqlite_url, key_management=lambda: km), "totp_sealed@-1")
        assert await _stored(engine, user) == secret
    finally:
        await engine.dispose()


async def test_a_new_deployment_secret_locks_no_enrolled_user_out(
    sqlite_url: str, tmp_path: Path
) -> None:
    def settings(secret_key: str) -> Settings:
        return Settings.from_env(
            {
                "CMA_DATA_DIR": str(tmp_path),
                "CMA_DATABASE_URL": sqlite_url,
                "CMA_SECRET_KEY": secret_key,
                "CMA_ARGON2_TIME_COST": "1",
                "CMA_ARGON2_MEMORY_COST": "1024",
            }
        )

    first = build_container(settings("first-secret-key-long-enough-0123456789abcdef"))
    secret = pyotp.random_base32()
    try:
        centre = await first.identity().create_centre("Rotation Centre")
        user = await first.identity().create_user(
            centre_id=centre.id, email="otp@rotation.example", role=Role.ADVISER, password=PASSWORD
        )
        user.totp_secret, user.totp_enabled = secret, True
        await first.identity_store().save_user(user)
    finally:
        await shutdown(first)
    second = build_container(settings("second-secret-key-long-enough-9876543210zyxwv"))
    try:
        with pytest.raises(SecondFactorRequired):
            await second.identity().authenticate("otp@rotation.example", PASSWORD)
        signed_in = await second.identity().authenticate(
            "otp@rotation.example", PASSWORD, otp=pyotp.TOTP(secret).now()
        )
        assert signed_in.user.id == user.id
    finally:
        await shutdown(second)


async def test_rotation_gives_each_secret_a_new_key_and_a_stale_edit_cannot_undo_it(
    db_url: str, tmp_path: Path
) -> None:
    """``reseal_totp_secrets`` (``cma keys rotate --users``): each secret moves to a new
    wrapped data key and still opens; an edit from a read made before the rotation is
    refused rather than writing the old sealed value back; a row that does not open is
    reported and left alone, and does not stop the others. On PostgreSQL the session's
    database is shared with other tests (other keyrings), so only our users are counted."""
    engine = create_engine_for(db_url)
    store = SqlAlchemyIdentityStore(engine, keys=LocalKeyringKeyManagement(tmp_path / "k.key"))
    tag = uuid.uuid4().hex[:6]
    secrets = {name: pyotp.random_base32() for name in ("ann", "ben", "cat")}
    users = {n: _user(f"{n}-{tag}@rotate.example", s) for n, s in secrets.items()}
    plain = _user(f"nobody-{tag}@rotate.example", None)
    try:
        for user in (*users.values(), plain):
            await store.add_user(user)
        stale = await store.get_user(users["ann"].id)  # read before the rotation
        assert stale is not None
        before = {n: await _stored(engine, u) for n, u in users.items()}
        await _write(engine, users["cat"], pyotp.random_base32())  # around the application

        moved, refused = await store.reseal_totp_secrets(batch=2)

        assert {users["ann"].id, users["ben"].id} <= set(moved)
        assert users["cat"].id in refused
        assert users["cat"].id not in moved
        assert plain.id not in moved
        assert plain.id not in refused
        for name in ("ann", "ben"):
            after = await _stored(engine, users[name])
            assert after is not None
            assert after != before[name]
            # A new wrapped data key, not only a new nonce under the old one.
            assert after.split(":")[1] != str(before[name]).split(":")[1]
            got = await store.get_user(users[name].id)
            assert got is not None
            assert got.totp_secret == secrets[name]
            assert got.version == users[name].version + 1
        stale.full_name = "Ann Stale"
        with pytest.raises(StaleVersion):
            await store.save_user(stale)
        assert await _stored(engine, users["ann"]) != before["ann"]
    finally:
        await engine.dispose()


def test_cli_rotates_users_secrets_and_audits_it_on_their_centres(tmp_path: Path) -> None:
    env = {
        "CMA_DATA_DIR": str(tmp_path),
        "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "1024",
    }
    runner = CliRunner()
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0

    async def seed() -> list[str]:
        c = build_container(Settings.from_env(env))
        try:
            centres = [await c.identity().create_centre(f"Centre {i}") for i in range(2)]
            for i, centre in enumerate(centres):
                user = await c.identity().create_user(
                    centre_id=centre.id,
                    email=f"otp{i}@rotate.example",
                    role=Role.ADVISER,
                    password=PASSWORD,
                )
                user.totp_secret, user.totp_enabled = pyotp.random_base32(), True
                await c.identity_store().save_user(user)
            await c.identity().create_user(
                centre_id=centres[0].id,
                email="plain@rotate.example",
                role=Role.ADVISER,
                password=PASSWORD,
            )
            return [str(x.id) for x in centres]
        finally:
            await shutdown(c)

    centres = asyncio.run(seed())
    r = runner.invoke(app, ["keys", "rotate", "--users", "--json"], env=env)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == {"users": 2, "centres": 2, "refused": 0}
    for centre in centres:
        entries = _audit(env, centre, "keys.user_secrets_rotated")
        assert entries == [("1", ("users:1",))]
        ok = runner.invoke(app, ["audit", "verify", "--centre", centre, "--json"], env=env)
        assert json.loads(ok.stdout)["intact"] is True, ok.output
    human = runner.invoke(app, ["keys", "rotate", "--users"], env=env)
    assert human.exit_code == 0, human.output
    assert "re-sealed 2 users' second-factor secrets" in human.output
    # Both or neither: a usage error naming the option, exit 2, nothing done.
    for args in ([], ["--users", "--centre", centres[0]]):
        bad = runner.invoke(app, ["keys", "rotate", *args, "--json"], env=env)
        assert bad.exit_code == 2, bad.output
        assert json.loads(bad.stdout)["error"]["field"] == "centre"
    assert len(_audit(env, centres[0], "keys.user_secrets_rotated")) == 2
