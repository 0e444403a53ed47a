"""Uploaded files sealed with the centre's data key, whatever store holds them.

``SealedDocumentStore`` wraps any ``DocumentStore`` (the local folder, S3): it seals bytes
on the way in and opens them on the way out (:mod:`.format`: a fresh key per file, wrapped
by the centre's data key; AES-256-GCM in 64 KiB segments, so big files stream), so the
store underneath only ever holds ciphertext. Objects written before sealing (no header)
are returned as they are; ``reseal`` seals them, and moves sealed ones to the newest key
version (``cma keys rotate``).

Links: a presigned S3 URL would hand the browser ciphertext, so this layer signs its own
(HMAC, like the local folder store's) and serves them with ``read_link``, which the HTTP
layer's ``/files/...`` route calls. The data keys come through ``FileKeys`` (the SQL
adapter's ``SqlAlchemyFileKeys``: the same ``centre_data_keys`` as the sealed columns).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import urllib.parse
import uuid
from collections.abc import AsyncIterator, Callable
from typing import BinaryIO, Protocol

from cma_adapters.sealed_files.format import (
    MAGIC,
    Opener,
    Sealer,
    SealingReader,
    is_sealed,
    open_bytes,
    seal_bytes,
    version_of,
)
from cma_core.documents.errors import ObjectNotFound
from cma_core.documents.ports import DEFAULT_CHUNK_SIZE, DocumentStore, StoredObject
from cma_core.documents.storage import (
    CENTRES_PREFIX,
    MAX_LINK_EXPIRY,
    object_key,
    sign_link,
    validate_link_expiry,
    verify_link,
)
from cma_core.shared.ids import CentreId


class FileKey(Protocol):
    @property
    def version(self) -> int: ...

    @property
    def key(self) -> bytes: ...


class FileKeys(Protocol):
    """Where the centres' data keys come from (unwrapped)."""

    async def current(self, centre_id: CentreId) -> FileKey:
        """The centre's newest data key (version 1 made if it has none)."""
        ...

    async def versions(self, centre_id: CentreId) -> dict[int, bytes]:
        """Every version of the centre's data key."""
        ...


class SealedDocumentStore(DocumentStore):
    """Args:
    inner: the store that holds the sealed bytes.
    keys: the centres' data keys.
    signing_key: secret for link signatures (at least 32 bytes, stable across restarts).
    base_url: where the HTTP layer serves links (``/files``).
    """

    def __init__(
        self,
        inner: DocumentStore,
        keys: FileKeys,
        *,
        signing_key: bytes,
        base_url: str = "/files",
        max_link_expiry: dt.timedelta = MAX_LINK_EXPIRY,
        now: Callable[[], float] = time.time,
    ) -> None:
        if len(signing_key) < 32:
            raise ValueError("signing_key must be at least 32 bytes")
        self.inner = inner
        self._keys = keys
        self._secret = signing_key
        self._base_url = base_url.rstrip("/")
        self._max_expiry = min(max_link_expiry, MAX_LINK_EXPIRY)
        self._now = now

    async def put(
        self, centre_id: CentreId, key: str, data: bytes | BinaryIO, content_type: str
    ) -> StoredObject:
        full = object_key(centre_id, key)
        current = await self._keys.current(centre_id)
        if isinstance(data, bytes):
            sealed = await asyncio.to_thread(seal_bytes, data, current.key, current.version, full)
            await self.inner.put(centre_id, key, sealed, content_type)
            size = len(data)
        else:
            reader = SealingReader(data, Sealer(current.key, current.version, full))
            await self.inner.put(centre_id, key, reader, content_type)  # type: ignore[arg-type]
            size = reader.plain_size
        return StoredObject(key=full, size=size, content_type=content_type)

    async def get(self, centre_id: CentreId, key: str) -> bytes:
        full = object_key(centre_id, key)
        raw = await self.inner.get(centre_id, key)
        if not is_sealed(raw):
            return raw
        versions = await self._keys.versions(centre_id)
        return await asyncio.to_thread(open_bytes, raw, versions, full)

    async def open(
        self, centre_id: CentreId, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> AsyncIterator[bytes]:
        full = object_key(centre_id, key)
        chunks = await self.inner.open(centre_id, key, chunk_size=chunk_size)
        # Fetched before the first byte, so a key failure is an error, not a cut response.
        versions = await self._keys.versions(centre_id)

        async def plain() -> AsyncIterator[bytes]:
            head: list[bytes] = []
            size = 0
            source = chunks.__aiter__()
            async for chunk in source:
                head.append(chunk)
                size += len(chunk)
                if size >= len(MAGIC):
                    break
            if not is_sealed(b"".join(head)):  # written before sealing: as it is
                for chunk in head:
                    yield chunk
                async for chunk in source:
                    yield chunk
                return
            opener = Opener(versions, full)
            for chunk in [*head]:
                for piece in opener.feed(chunk):
                    for part in _split(piece, chunk_size):
                        yield part
            async for chunk in source:
                for piece in opener.feed(chunk):
                    for part in _split(piece, chunk_size):
                        yield part
            for part in _split(opener.finish(), chunk_size):
                yield part

        return plain()

    async def delete(self, centre_id: CentreId, key: str) -> None:
        await self.inner.delete(centre_id, key)

    async def delete_prefix(self, centre_id: CentreId, prefix: str) -> int:
        return await self.inner.delete_prefix(centre_id, prefix)

    async def presigned_url(
        self, centre_id: CentreId, key: str, *, expires_in: dt.timedelta
    ) -> str:
        validate_link_expiry(expires_in, maximum=self._max_expiry)
        full = object_key(centre_id, key)
        # The store's own link would give the sealed bytes: only ask whether it is there.
        await self.inner.presigned_url(centre_id, key, expires_in=dt.timedelta(seconds=1))
        expires = int(self._now() + expires_in.total_seconds())
        query = urllib.parse.urlencode(
            {"expires": expires, "signature": sign_link(full, expires, self._secret)}
        )
        return f"{self._base_url}/{full}?{query}"

    async def read_link(self, url: str) -> bytes:
        """The plaintext a link from ``presigned_url`` gives; ``ObjectNotFound`` if the
        link is expired, tampered with or its object has gone (alike from outside)."""
        parts = urllib.parse.urlsplit(url)
        base = urllib.parse.urlsplit(self._base_url).path
        path = urllib.parse.unquote(parts.path)
        full = path[len(base) :].lstrip("/") if path.startswith(base) else ""
        query = dict(urllib.parse.parse_qsl(parts.query))
        try:
            expires = int(query.get("expires", "0"))
        except ValueError:
            expires = 0
        if not full or not verify_link(
            full, expires, query.get("signature", ""), self._secret, now=int(self._now())
        ):
            raise ObjectNotFound(full or url)
        head, _, rest = full.partition("/")
        centre, _, key = rest.partition("/")
        try:
            centre_id = CentreId(uuid.UUID(centre))
        except ValueError:
            raise ObjectNotFound(full) from None
        if head != CENTRES_PREFIX or not key:
            raise ObjectNotFound(full)
        return await self.get(centre_id, key)

    async def reseal(self, centre_id: CentreId, key: str, content_type: str) -> bool:
        """Seal the object under the centre's newest key version if it is not already
        (a file from before sealing, or one sealed under an older version); whether it
        was rewritten. A missing object raises ``ObjectNotFound``."""
        raw = await self.inner.get(centre_id, key)
        current = await self._keys.current(centre_id)
        if is_sealed(raw) and version_of(raw) >= current.version:
            return False
        full = object_key(centre_id, key)
        if is_sealed(raw):
            raw = await asyncio.to_thread(
                open_bytes, raw, await self._keys.versions(centre_id), full
            )
        sealed = await asyncio.to_thread(seal_bytes, raw, current.key, current.version, full)
        await self.inner.put(centre_id, key, sealed, content_type)
        return True


def _split(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]
