"""Field-level encryption: what the database holds, what comes back, what fails loudly.

Raw SQL reads prove the plaintext is nowhere in the row; the repositories prove the round
trip on SQLite and PostgreSQL; an altered or moved ciphertext raises instead of returning
wrong data; rotation re-seals a centre's rows; the key-management adapters (local keyring
file, AWS KMS on moto's server on loopback) wrap per centre.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from tests.contracts.test_repositories import make_case, make_client

from cma_adapters.keys import AwsKmsKeyManagement, LocalKeyringKeyManagement
from cma_adapters.memory import InMemoryKeyManagement
from cma_adapters.sqlalchemy import (
    SqlAlchemyIdentityStore,
    SqlAlchemyUnitOfWorkFactory,
    create_engine_for,
)
from cma_adapters.sqlalchemy.cases import cases as sql_cases
from cma_adapters.sqlalchemy.clients import clients as sql_clients
from cma_adapters.sqlalchemy.rotation import SqlAlchemyKeyRotation
from cma_core.identity.model import Centre
from cma_core.privacy.ports import CiphertextRejected, KeyManagement, KeyUnavailable
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId, NoteId
from cma_entrypoints.container import migration_key_management
from cma_entrypoints.settings import Settings

NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)
FIRST, LAST = "Zanzibar", "Quixote"
EMAIL, PHONE, NINO = "zanzibar.quixote@example.org", "07700 900999", "AB123456C"
SECRET_NOTE = "Disclosed a gambling problem to Zanzibar's adviser"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    return str(
        request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    )


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine_for(db_url)
    yield engine
    await engine.dispose()


async def new_centre(engine: AsyncEngine) -> CentreId:
    centre = Centre(id=CentreId(uuid.uuid4()), name="Centre", created_at=NOW)
    await SqlAlchemyIdentityStore(engine).add_centre(centre)
    return centre.id


async def raw(engine: AsyncEngine, centre: CentreId, sql: str, **params: Any) -> list[Any]:
    """A raw read, as the database (or a dump, or a backup) sees it."""
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(
                text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        params = {
            k: (v.hex if isinstance(v, uuid.UUID) and conn.dialect.name == "sqlite" else v)
            for k, v in params.items()
        }
        return list((await conn.execute(text(sql), params)).all())


async def register(factory: SqlAlchemyUnitOfWorkFactory, centre: CentreId, **kw: Any) -> Any:
    client = make_client(centre, first_name=FIRST, last_name=LAST, email=EMAIL, phone=PHONE)
    client.ni_number = NINO
    for k, v in kw.items():
        setattr(client, k, v)
    case = make_case(centre, client.id)
    case.add_note(
        note_id=NoteId(uuid.uuid4()), body=SECRET_NOTE, author_id=None, now=NOW, sensitive=True
    )
    async with factory(centre) as uow:
        await sql_clients(uow).add(client)
        await sql_cases(uow).add(case)
        await uow.commit()
    return client, case


async def test_personal_data_is_nowhere_in_the_row_and_round_trips(engine: AsyncEngine) -> None:
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    client, case = await register(factory, centre)

    rows = await raw(engine, centre, "SELECT * FROM clients WHERE id = :id", id=client.id)
    assert len(rows) == 1
    notes = await raw(engine, centre, "SELECT * FROM case_notes WHERE case_id = :id", id=case.id)
    assert len(notes) == 1
    assert SECRET_NOTE not in str(notes)
    dump = " ".join(str(v) for v in rows[0]).casefold()
    for secret in (FIRST, LAST, EMAIL, "900999", NINO, "1980-02-29"):
        assert secret.casefold() not in dump, secret
    assert all(
        str(v).startswith("v1:") for k, v in rows[0]._mapping.items() if k.endswith("_enc") and v
    )

    async with factory(centre) as uow:
        back = await sql_clients(uow).get(client.id)
        found = await sql_clients(uow).list(limit=10, offset=0, name="  zanzibar ")
        by_last = await sql_clients(uow).list(limit=10, offset=0, name="QUIXOTE")
        missed = await sql_clients(uow).list(limit=10, offset=0, name="Zanzi")
    assert back is not None
    assert (back.first_name, back.last_name, back.email, back.phone, back.ni_number) == (
        FIRST,
        LAST,
        EMAIL,
        PHONE,
        NINO,
    )
    assert back.date_of_birth == dt.date(1980, 2, 29)
    assert [c.id for c in found.items] == [client.id] == [c.id for c in by_last.items]
    assert missed.total == 0


async def test_sensitive_note_is_sealed_and_plain_note_is_not(engine: AsyncEngine) -> None:
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    client = make_client(centre)
    case = make_case(centre, client.id)
    async with factory(centre) as uow:
        await sql_clients(uow).add(client)
        await sql_cases(uow).add(case)
        await uow.commit()
    async with factory(centre) as uow:
        loaded = await sql_cases(uow).get(case.id)
        assert loaded is not None
        loaded.add_note(
            note_id=NoteId(uuid.uuid4()), body="Phoned the creditor", author_id=None, now=NOW
        )
        loaded.add_note(
            note_id=NoteId(uuid.uuid4()), body=SECRET_NOTE, author_id=None, now=NOW, sensitive=True
        )
        await sql_cases(uow).save(loaded)
        await uow.commit()
    rows = await raw(
        engine,
        centre,
        "SELECT body, body_enc, sensitive FROM case_notes WHERE case_id = :id",
        id=case.id,
    )
    assert SECRET_NOTE not in str(rows)
    assert "Phoned the creditor" not in str(rows)  # every note is sealed (migration 1700)
    assert [(r.body is None, r.body_enc is None) for r in rows] == [(True, False)] * 2
    async with factory(centre) as uow:
        again = await sql_cases(uow).get(case.id)
    assert again is not None
    assert sorted(n.body for n in again.notes) == sorted(["Phoned the creditor", SECRET_NOTE])


async def test_tampered_or_moved_ciphertext_fails_loudly(engine: AsyncEngine) -> None:
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    a = make_client(centre, first_name="Ann", last_name="Lee")
    b = make_client(centre, first_name="Bob", last_name="Ray")
    async with factory(centre) as uow:
        await sql_clients(uow).add(a)
        await sql_clients(uow).add(b)
        await uow.commit()
    (token,) = (
        await raw(engine, centre, "SELECT last_name_enc FROM clients WHERE id = :id", id=a.id)
    )[0]
    prefix, body = token.split(":", 1)
    flipped = body[:-3] + ("A" if body[-3] != "A" else "B") + body[-2:]
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(
                text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        ids = {
            k: (v.hex if conn.dialect.name == "sqlite" else v)
            for k, v in {"a": a.id, "b": b.id}.items()
        }
        await conn.execute(
            text("UPDATE clients SET last_name_enc = :t WHERE id = :a"),
            {"t": f"{prefix}:{flipped}", "a": ids["a"]},
        )
        # Bob's first name copied into Ann's row: valid ciphertext, wrong row.
        await conn.execute(
            text(
                "UPDATE clients SET first_name_enc = "
                "(SELECT first_name_enc FROM clients WHERE id = :b) WHERE id = :a"
            ),
            ids,
        )
    async with factory(centre) as uow:
        with pytest.raises(CiphertextRejected, match=r"last_name|first_name"):
            await sql_clients(uow).get(a.id)
        with pytest.raises(CiphertextRejected):
            await sql_clients(uow).list(limit=10, offset=0)
        ok = await sql_clients(uow).get(b.id)
    assert ok is not None
    assert ok.first_name == "Bob"


async def test_another_key_manager_cannot_open_the_rows(engine: AsyncEngine) -> None:
    centre = await new_centre(engine)
    client, _ = await register(
        SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement()), centre
    )
    async with SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())(centre) as uow:
        with pytest.raises(KeyUnavailable):
            await sql_clients(uow).get(client.id)


async def test_data_keys_are_cached_for_their_ttl(engine: AsyncEngine) -> None:
    keys = InMemoryKeyManagement()
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=keys)
    centre = await new_centre(engine)
    client, _ = await register(factory, centre)
    for _ in range(5):
        async with factory(centre) as uow:
            assert await sql_clients(uow).get(client.id) is not None
    assert keys.generated == 1
    assert keys.unwrapped == 0  # the key made in this process was never unwrapped again...
    assert factory.key_cache is not None
    factory.key_cache.clear()
    async with factory(centre) as uow:
        assert await sql_clients(uow).get(client.id) is not None
    assert keys.unwrapped == 1  # ...until the cache was emptied


async def test_rotation_reseals_rows_and_search_keeps_working(engine: AsyncEngine) -> None:
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    other = await new_centre(engine)
    clients = [(await register(factory, centre))[0] for _ in range(3)]
    theirs, _ = await register(factory, other)
    before = await raw(
        engine, centre, "SELECT last_name_bidx FROM clients WHERE centre_id = :c", c=centre
    )

    seen: list[tuple[int, int]] = []
    report = await SqlAlchemyKeyRotation(factory, batch_size=2).rotate(
        centre, progress=lambda d, t: seen.append((d, t))
    )

    assert (report.version, report.previous_version, report.clients) == (2, 1, 3)
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1] == report.clients + report.notes
    rows = await raw(
        engine,
        centre,
        "SELECT key_version, last_name_enc, last_name_bidx FROM clients WHERE centre_id = :c",
        c=centre,
    )
    assert {r.key_version for r in rows} == {2}
    assert all(r.last_name_enc.startswith("v2:") for r in rows)
    assert {r.last_name_bidx for r in rows}.isdisjoint({r[0] for r in before})
    async with factory(centre) as uow:
        found = await sql_clients(uow).list(limit=10, offset=0, name=LAST)
        assert {c.id for c in found.items} == {c.id for c in clients}
    async with factory(other) as uow:  # another centre's rows and key are untouched
        kept = await sql_clients(uow).get(theirs.id)
    assert kept is not None
    assert kept.last_name == LAST
    theirs_rows = await raw(
        engine, other, "SELECT key_version FROM clients WHERE centre_id = :c", c=other
    )
    assert [r.key_version for r in theirs_rows] == [1]


async def test_ni_number_is_validated() -> None:
    from cma_core.clients.model import validate_ni_number

    assert validate_ni_number(" ab 12 34 56 c ") == "AB123456C"
    assert validate_ni_number("") is None
    for bad in ("AB123456", "QQ123456C", "GB123456A", "AB123456E", "A1234567C"):
        with pytest.raises(ValidationError):
            validate_ni_number(bad)


# --------------------------------------------------------------------------- key managers


async def check_key_manager(km: KeyManagement) -> None:
    a, b = CentreId(uuid.uuid4()), CentreId(uuid.uuid4())
    dk = await km.generate_data_key(a)
    assert len(dk.plaintext) == 32
    assert dk.plaintext not in dk.wrapped
    assert await km.unwrap_data_key(a, dk.wrapped) == dk.plaintext
    assert (await km.generate_data_key(a)).plaintext != dk.plaintext
    with pytest.raises(KeyUnavailable):
        await km.unwrap_data_key(b, dk.wrapped)  # the centre is the encryption context
    with pytest.raises(KeyUnavailable):
        await km.unwrap_data_key(a, dk.wrapped[:-1] + bytes([dk.wrapped[-1] ^ 1]))


async def test_local_keyring(tmp_path: Path) -> None:
    path = tmp_path / "data" / "keyring.key"
    km = LocalKeyringKeyManagement(path)
    await check_key_manager(km)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    centre = CentreId(uuid.uuid4())
    dk = await km.generate_data_key(centre)
    # Another process with the same file unwraps; another keyring does not.
    assert await LocalKeyringKeyManagement(path).unwrap_data_key(centre, dk.wrapped) == dk.plaintext
    with pytest.raises(KeyUnavailable, match="wrong keyring"):
        await LocalKeyringKeyManagement(tmp_path / "other.key").unwrap_data_key(centre, dk.wrapped)


@pytest.fixture
def kms_endpoint(moto_endpoint: str) -> str:
    """AWS KMS as moto's server speaks it: the session's server (tests/conftest.py)."""
    return moto_endpoint


@pytest.fixture
def kms_key(kms_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    import boto3

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",  # moto does not check signatures
        "AWS_DEFAULT_REGION": "eu-west-2",
    }.items():
        monkeypatch.setenv(name, value)
    kms = boto3.client("kms", endpoint_url=kms_endpoint, region_name="eu-west-2")
    return kms_endpoint, kms.create_key(Description="cma test")["KeyMetadata"]["KeyId"]


async def test_aws_kms(kms_key: tuple[str, str]) -> None:
    endpoint, key_id = kms_key
    await check_key_manager(
        AwsKmsKeyManagement(key_id, endpoint_url=endpoint, region_name="eu-west-2")
    )


async def test_aws_kms_end_to_end_through_the_unit_of_work(
    kms_key: tuple[str, str], sqlite_url: str
) -> None:
    endpoint, key_id = kms_key
    engine = create_engine_for(sqlite_url)
    try:
        km = AwsKmsKeyManagement(key_id, endpoint_url=endpoint, region_name="eu-west-2")
        centre = await new_centre(engine)
        client, _ = await register(SqlAlchemyUnitOfWorkFactory(engine, keys=km), centre)
        # A new process (cold cache) reads it back through KMS Decrypt.
        async with SqlAlchemyUnitOfWorkFactory(engine, keys=km)(centre) as uow:
            back = await sql_clients(uow).get(client.id)
        assert back is not None
        assert back.last_name == LAST
    finally:
        await engine.dispose()


# --------------------------------------------------------------------------- migration 0302


def _plaintext_client_at_0301(url: str) -> tuple[uuid.UUID, uuid.UUID]:
    """A database at 0301 (before encryption) holding one client in plaintext."""
    import sqlalchemy as sa

    from cma_adapters.sqlalchemy.engine import driver_url
    from cma_adapters.sqlalchemy.migrate import upgrade

    upgrade(url, "0301")
    centre, client = uuid.uuid4(), uuid.uuid4()
    engine = sa.create_engine(driver_url(url, sync=True))
    sqlite = engine.dialect.name == "sqlite"

    def idv(v: uuid.UUID) -> Any:
        return v.hex if sqlite else v

    with engine.begin() as conn:
        if not sqlite:
            conn.execute(
                sa.text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        conn.execute(
            sa.text("INSERT INTO centres (id, name, created_at) VALUES (:id, 'Old', :t)"),
            {"id": idv(centre), "t": NOW},
        )
        conn.execute(
            sa.text(
                "INSERT INTO clients (id, centre_id, first_name, last_name, date_of_birth, email,"
                " phone, created_at, updated_at, version) VALUES (:id, :c, :f, :l, :d, :e, :p,"
                " :t, :t, 1)"
            ),
            {
                "id": idv(client),
                "c": idv(centre),
                "f": FIRST,
                "l": LAST,
                "d": dt.date(1970, 1, 2),
                "e": EMAIL,
                "p": PHONE,
                "t": NOW,
            },
        )
    engine.dispose()
    return centre, client


@pytest.fixture(params=["sqlite", "postgres"])
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    request.getfixturevalue("postgres_url")  # skips when PostgreSQL is not reachable
    from tests.conftest import POSTGRES_ADMIN_URL, _admin_execute

    name = f"cma_test_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_migration_0302_encrypts_existing_rows_with_the_configured_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_db_url: str
) -> None:
    from cma_adapters.sqlalchemy.migrate import upgrade

    url = empty_db_url
    centre, client_id = _plaintext_client_at_0301(url)
    settings = Settings.from_env(
        {
            "CMA_DATABASE_URL": url,
            "CMA_DATA_DIR": str(tmp_path / "data"),
            "CMA_SECRET_KEY": "x" * 40,
        }
    )
    upgrade(url, key_management=lambda: migration_key_management(settings))
    engine = create_engine_for(url)
    try:
        rows = await raw(engine, CentreId(centre), "SELECT * FROM clients")
        assert FIRST not in str(rows)
        assert LAST not in str(rows)
        km = LocalKeyringKeyManagement(tmp_path / "data" / "keyring.key")
        async with SqlAlchemyUnitOfWorkFactory(engine, keys=km)(CentreId(centre)) as uow:
            back = await sql_clients(uow).get(client_id)  # type: ignore[arg-type]
            found = await sql_clients(uow).list(limit=5, offset=0, name=FIRST.lower())
        assert back is not None
        assert (back.first_name, back.last_name, back.email) == (FIRST, LAST, EMAIL)
        assert back.date_of_birth == dt.date(1970, 1, 2)
        assert found.total == 1
    finally:
        await engine.dispose()


def test_migration_0302_refuses_on_a_server_without_a_named_keyring(
    monkeypatch: pytest.MonkeyPatch, postgres_url: str
) -> None:
    from tests.conftest import POSTGRES_ADMIN_URL, _admin_execute

    from cma_adapters.sqlalchemy.migrate import current_revision, upgrade

    name = f"cma_test_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"{POSTGRES_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
        _plaintext_client_at_0301(url)
        settings = Settings.from_env({"CMA_DATABASE_URL": url, "CMA_SECRET_KEY": "x" * 40})
        with pytest.raises(RuntimeError, match="CMA_KEYRING_PATH"):
            upgrade(url, "0302", key_management=lambda: migration_key_management(settings))
        assert current_revision(url) == "0301"  # nothing changed
        with pytest.raises(RuntimeError, match="given no key management"):
            upgrade(url, "0302")  # a caller that hands in none: refused, not guessed
        assert current_revision(url) == "0301"
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_rotation_reseals_the_json_records(engine: AsyncEngine) -> None:
    """Casework records' sealed parts (a contact's who and summary) move to the new key."""
    from cma_adapters.sqlalchemy.casework import contacts as sql_contacts
    from cma_core.casework.model import Channel, Contact, Direction, Party

    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=InMemoryKeyManagement())
    centre = await new_centre(engine)
    _, case = await register(factory, centre)
    contact = Contact(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case.id,
        at=NOW,
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        party=Party.CLIENT,
        with_whom=f"{FIRST} {LAST}",
        summary=SECRET_NOTE,
        created_at=NOW,
        updated_at=NOW,
    )
    async with factory(centre) as uow:
        await sql_contacts(uow).add(contact)
        await uow.commit()
    sql = "SELECT data FROM casework_contacts WHERE centre_id = :c"
    (before,) = await raw(engine, centre, sql, c=centre)
    assert "v1:" in _text(before[0])  # ("v<n>:" cannot occur in base64)
    assert LAST not in _text(before[0])

    report = await SqlAlchemyKeyRotation(factory, batch_size=1).rotate(centre)

    assert report.records == 1
    (after,) = await raw(engine, centre, sql, c=centre)
    assert "v2:" in _text(after[0])
    assert "v1:" not in _text(after[0])
    assert LAST not in _text(after[0])
    assert SECRET_NOTE not in _text(after[0])
    async with factory(centre) as uow:
        found = await sql_contacts(uow).get(contact.id)
    assert found is not None
    assert (found.with_whom, found.summary) == (f"{FIRST} {LAST}", SECRET_NOTE)
    again = await SqlAlchemyKeyRotation(factory).rotate(centre)
    assert again.records == 1  # each rotation moves every record to the newest key


def _text(data: Any) -> str:
    """A JSON column as the database holds it (text on SQLite, decoded on PostgreSQL)."""
    return data if isinstance(data, str) else json.dumps(data)
