"""The centre's key versions reused across units of work (crypto.CentreKeys.keyring with
``needs``): served from the process's ring only while it holds the version a row names;
a newer version reads the table again; a unit of work that made a version shares nothing.
The statement itself is stubbed: what is counted is how often the table is read."""

from __future__ import annotations

import uuid
from typing import Any

from cma_adapters.sqlalchemy.crypto import CentreKeys, DataKeyCache
from cma_core.privacy.ports import DataKey
from cma_core.shared.ids import CentreId

CENTRE = CentreId(uuid.UUID("5f0c2b1a-7d3e-4c9b-8a6f-2e1d0c9b8a7f"))


class _Row:
    def __init__(self, version: int, wrapped: bytes) -> None:
        self.version, self.wrapped_key = version, wrapped


class _Conn:
    """Answers the key-version SELECT with the stored versions; counts the reads."""

    def __init__(self, versions: dict[int, bytes]) -> None:
        self.versions, self.reads = versions, 0

    async def execute(self, _stmt: Any, _params: Any = None) -> Any:
        self.reads += 1
        rows = [_Row(v, w) for v, w in sorted(self.versions.items())]

        class _Result:
            def all(self) -> list[_Row]:
                return rows

        return _Result()


class _Kms:
    async def unwrap_data_key(self, _centre: CentreId, wrapped: bytes) -> bytes:
        return wrapped.ljust(32, b"k")[:32]

    async def generate_data_key(self, _centre: CentreId) -> DataKey:
        raise AssertionError("not made here")


async def test_a_known_version_is_served_without_reading_the_table() -> None:
    cache = DataKeyCache(_Kms())
    conn = _Conn({1: b"one"})
    await CentreKeys(cache, CENTRE).keyring(conn, needs=1)  # type: ignore[arg-type]
    assert conn.reads == 1
    ring = await CentreKeys(cache, CENTRE).keyring(conn, needs=1)  # type: ignore[arg-type]
    assert conn.reads == 1
    assert ring._keys[1].key == b"one".ljust(32, b"k")


async def test_a_newer_version_reads_the_table_again() -> None:
    cache = DataKeyCache(_Kms())
    conn = _Conn({1: b"one"})
    await CentreKeys(cache, CENTRE).keyring(conn, needs=1)  # type: ignore[arg-type]
    conn.versions[2] = b"two"  # a rotation in another process
    ring = await CentreKeys(cache, CENTRE).keyring(conn, needs=2)  # type: ignore[arg-type]
    assert conn.reads == 2
    assert set(ring._keys) == {1, 2}


async def test_without_needs_or_after_the_ttl_the_table_is_read() -> None:
    now = [0.0]
    cache = DataKeyCache(_Kms(), ttl_seconds=5, monotonic=lambda: now[0])
    conn = _Conn({1: b"one"})
    await CentreKeys(cache, CENTRE).keyring(conn, needs=1)  # type: ignore[arg-type]
    await CentreKeys(cache, CENTRE).keyring(conn)  # type: ignore[arg-type]
    assert conn.reads == 2
    now[0] = 6.0
    await CentreKeys(cache, CENTRE).keyring(conn, needs=1)  # type: ignore[arg-type]
    assert conn.reads == 3


async def test_another_centre_never_gets_this_centres_ring() -> None:
    cache = DataKeyCache(_Kms())
    conn = _Conn({1: b"one"})
    await CentreKeys(cache, CENTRE).keyring(conn, needs=1)  # type: ignore[arg-type]
    other = CentreId(uuid.uuid4())
    await CentreKeys(cache, other).keyring(conn, needs=1)  # type: ignore[arg-type]
    assert conn.reads == 2
