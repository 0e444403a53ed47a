"""Field-level encryption of personal data in the SQL adapter (AES-256-GCM, envelope keys).

Each centre has numbered data keys (``centre_data_keys``: the key *wrapped* by the
``KeyManagement`` port, never the key). A sealed field is ``v<version>:<base64(nonce |
ciphertext | tag)>``; the associated data binds it to its table, column and row, so a
ciphertext copied to another row or column fails to open instead of showing the wrong
person's data. Searchable fields also get a blind index: HMAC-SHA256 of the case-folded
value under an index key derived from the data key (the database sees neither).

Unwrapped keys are cached per process for a short TTL: a KMS round trip per request would
cost more than the query. Domain objects never see any of this.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from typing import cast

from attrs import frozen
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Table, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from cma_adapters.sqlalchemy.rows import CentreDataKeyRow
from cma_core.identity.blind_index import blind_index
from cma_core.privacy.ports import CiphertextRejected, KeyManagement
from cma_core.shared.ids import CentreId

keys_t = cast(Table, CentreDataKeyRow.__table__)

#: Built once (statement construction costs more CPU than the driver's work on a hot read).
_CENTRE_KEYS = select(keys_t.c.version, keys_t.c.wrapped_key).where(
    keys_t.c.centre_id == bindparam("centre_id")
)

_NONCE = 12


def aad(table: str, column: str, row_id: object) -> bytes:
    return f"cma/{table}.{column}/{row_id}".encode()


# Derived once per data key rather than per field: a client's row seals a dozen fields
# and computes a dozen blind indexes (a third of a bulk import's CPU went to re-deriving).
# They live as long as the unwrapped key itself does in the key cache's entries.
@functools.lru_cache(maxsize=256)
def _index_key_of(key: bytes) -> bytes:
    return hmac.new(key, b"cma/blind-index/v1", hashlib.sha256).digest()


@functools.lru_cache(maxsize=256)
def _aead_of(key: bytes) -> AESGCM:
    return AESGCM(key)


@frozen
class CentreKey:
    """One version of a centre's data key, unwrapped."""

    centre_id: CentreId
    version: int
    key: bytes

    @property
    def _index_key(self) -> bytes:
        return _index_key_of(self.key)

    def seal(self, value: str, associated: bytes) -> str:
        nonce = secrets.token_bytes(_NONCE)
        sealed = _aead_of(self.key).encrypt(nonce, value.encode(), associated)
        return f"v{self.version}:{base64.b64encode(nonce + sealed).decode()}"

    def seal_opt(self, value: str | None, associated: bytes) -> str | None:
        return None if value is None else self.seal(value, associated)

    def index(self, value: str, purpose: str) -> str:
        return blind_index(self._index_key, value, purpose=purpose)


def version_of(token: str) -> int:
    head, sep, _ = token.partition(":")
    if not sep or not head.startswith("v") or not head[1:].isdigit():
        raise CiphertextRejected("not a sealed field (no key version prefix)")
    return int(head[1:])


class Keyring:
    """The keys one unit of work has opened, by version."""

    def __init__(self, keys: Mapping[int, CentreKey]) -> None:
        self._keys = dict(keys)

    def open(self, token: str, associated: bytes) -> str:
        key = self._keys.get(version_of(token))
        if key is None:
            raise CiphertextRejected(f"no data key version {version_of(token)} for this centre")
        try:
            raw = base64.b64decode(token.partition(":")[2], validate=True)
            return _aead_of(key.key).decrypt(raw[:_NONCE], raw[_NONCE:], associated).decode()
        except (InvalidTag, binascii.Error, ValueError):
            raise CiphertextRejected(
                f"a sealed field failed authentication ({associated.decode()}): altered or "
                "moved; refusing to return it"
            ) from None

    def open_opt(self, token: str | None, associated: bytes) -> str | None:
        return None if token is None else self.open(token, associated)

    def open_date(self, token: str, associated: bytes) -> dt.date:
        return dt.date.fromisoformat(self.open(token, associated))


class DataKeyCache:
    """Unwrapped data keys of this process, by (centre, wrapped bytes), for ``ttl`` seconds.

    Keyed by the wrapped bytes rather than the version: a version created by a transaction
    that then rolled back may be made again with another key."""

    def __init__(
        self,
        keys: KeyManagement,
        *,
        ttl_seconds: float = 300.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.keys = keys
        self.ttl = ttl_seconds
        self._now = monotonic
        self._entries: dict[tuple[CentreId, bytes], tuple[bytes, float]] = {}
        self._rings: dict[CentreId, tuple[dict[int, bytes], float]] = {}

    def ring(self, centre_id: CentreId) -> dict[int, bytes] | None:
        """The centre's committed key versions (wrapped) as last read, within ``ttl``."""
        hit = self._rings.get(centre_id)
        return hit[0] if hit is not None and hit[1] > self._now() else None

    def put_ring(self, centre_id: CentreId, wrapped: dict[int, bytes]) -> None:
        if len(self._rings) > 1024:
            self._rings.clear()
        self._rings[centre_id] = (dict(wrapped), self._now() + self.ttl)

    async def unwrap(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        now = self._now()
        hit = self._entries.get((centre_id, wrapped))
        if hit is not None and hit[1] > now:
            return hit[0]
        key = await self.keys.unwrap_data_key(centre_id, wrapped)
        if len(self._entries) > 1024:
            self._entries = {k: v for k, v in self._entries.items() if v[1] > now}
        self._entries[(centre_id, wrapped)] = (key, now + self.ttl)
        return key

    def put(self, centre_id: CentreId, wrapped: bytes, key: bytes) -> None:
        self._entries[(centre_id, wrapped)] = (key, self._now() + self.ttl)

    def clear(self) -> None:
        self._entries.clear()
        self._rings.clear()


class CentreKeys:
    """The data keys of one centre as seen by one unit of work (its connection, so Row
    Level Security applies and a new version rolls back with the transaction)."""

    def __init__(self, cache: DataKeyCache | None, centre_id: CentreId) -> None:
        self._cache = cache
        self.centre_id = centre_id
        self._loaded: dict[int, CentreKey] | None = None
        self._wrote = False

    @property
    def available(self) -> bool:
        """Whether this unit of work was given key management (production always is)."""
        return self._cache is not None

    def _require_cache(self) -> DataKeyCache:
        if self._cache is None:
            raise RuntimeError(
                "this unit of work has no key management: pass keys= to "
                "SqlAlchemyUnitOfWorkFactory (personal data is stored encrypted)"
            )
        return self._cache

    async def _load(self, conn: AsyncConnection) -> dict[int, CentreKey]:
        if self._loaded is None:
            cache = self._require_cache()
            rows = (await conn.execute(_CENTRE_KEYS, {"centre_id": self.centre_id})).all()
            if not self._wrote:  # only committed versions are shared with other units of work
                cache.put_ring(self.centre_id, {r.version: r.wrapped_key for r in rows})
            self._loaded = {
                r.version: CentreKey(
                    self.centre_id, r.version, await cache.unwrap(self.centre_id, r.wrapped_key)
                )
                for r in rows
            }
        return self._loaded

    async def all(self, conn: AsyncConnection) -> list[CentreKey]:
        return sorted((await self._load(conn)).values(), key=lambda k: k.version)

    async def keyring(
        self,
        conn: AsyncConnection | Callable[[], AsyncConnection],
        *,
        needs: int | None = None,
    ) -> Keyring:
        """The centre's keys. With ``needs`` (the key version a row was sealed under), a
        ring this process read in the last ``ttl`` seconds serves when it holds that
        version, saving a round trip per read (versions are only ever added; a newer
        version than the ring knows reads the table again).

        ``conn`` may be a function giving the connection, called only when the table is
        read (a unit of work builds SQLAlchemy's connection on first use)."""
        if self._loaded is None and needs is not None and self._cache is not None:
            ring = self._cache.ring(self.centre_id)
            if ring is not None and needs in ring:
                unwrap = self._cache.unwrap
                return Keyring(
                    {
                        v: CentreKey(self.centre_id, v, await unwrap(self.centre_id, w))
                        for v, w in ring.items()
                    }
                )
        return Keyring(await self._load(conn() if callable(conn) else conn))

    async def current(self, conn: AsyncConnection) -> CentreKey:
        """The newest version, made (version 1) on the centre's first sealed write."""
        loaded = await self._load(conn)
        if loaded:
            return loaded[max(loaded)]
        return await self.new_version(conn)

    async def new_version(self, conn: AsyncConnection) -> CentreKey:
        cache = self._require_cache()
        loaded = await self._load(conn)
        version = max(loaded, default=0) + 1
        data_key = await cache.keys.generate_data_key(self.centre_id)
        ins = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(keys_t)
        self._wrote = True
        await conn.execute(
            ins.values(
                centre_id=self.centre_id,
                version=version,
                wrapped_key=data_key.wrapped,
                created_at=dt.datetime.now(dt.UTC),
            ).on_conflict_do_nothing(index_elements=[keys_t.c.centre_id, keys_t.c.version])
        )
        cache.put(self.centre_id, data_key.wrapped, data_key.plaintext)
        # Another transaction may have made this version first: use whatever is stored.
        self._loaded = None
        loaded = await self._load(conn)
        return loaded[max(loaded)]


def indexes_for(keys: Iterable[CentreKey], value: str, purpose: str) -> list[str]:
    """The blind index of ``value`` under every key version (rows not yet rotated)."""
    return [k.index(value, purpose) for k in keys]
