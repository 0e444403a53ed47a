"""A dict-backed document store that behaves like the real ones (see the contract suite)."""

from __future__ import annotations

import datetime as dt
import secrets
import time
import urllib.parse
from collections.abc import AsyncIterator, Callable
from typing import BinaryIO

from cma_core.documents.errors import ObjectNotFound
from cma_core.documents.ports import DEFAULT_CHUNK_SIZE, DocumentStore, StoredObject
from cma_core.documents.storage import (
    MAX_LINK_EXPIRY,
    folder_prefix,
    object_key,
    sign_link,
    validate_link_expiry,
    verify_link,
)
from cma_core.shared.ids import CentreId


class InMemoryDocumentStore(DocumentStore):
    """Objects in a dict keyed by full key. Links are ``memory://`` URLs that
    ``read_link`` honours until they expire (``now`` is injectable for tests)."""

    def __init__(self, *, now: Callable[[], float] = time.time) -> None:
        self.objects: dict[str, tuple[bytes, str]] = {}
        self._secret = secrets.token_bytes(32)
        self._now = now

    async def put(
        self, centre_id: CentreId, key: str, data: bytes | BinaryIO, content_type: str
    ) -> StoredObject:
        full = object_key(centre_id, key)
        body = data if isinstance(data, bytes) else data.read()
        self.objects[full] = (bytes(body), content_type)
        return StoredObject(key=full, size=len(body), content_type=content_type)

    async def get(self, centre_id: CentreId, key: str) -> bytes:
        full = object_key(centre_id, key)
        try:
            return self.objects[full][0]
        except KeyError:
            raise ObjectNotFound(key) from None

    async def open(
        self, centre_id: CentreId, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> AsyncIterator[bytes]:
        body = await self.get(centre_id, key)

        async def chunks() -> AsyncIterator[bytes]:
            for i in range(0, len(body), chunk_size):
                yield body[i : i + chunk_size]

        return chunks()

    async def delete(self, centre_id: CentreId, key: str) -> None:
        self.objects.pop(object_key(centre_id, key), None)

    async def delete_prefix(self, centre_id: CentreId, prefix: str) -> int:
        start = folder_prefix(centre_id, prefix)
        doomed = [k for k in self.objects if k.startswith(start)]
        for k in doomed:
            del self.objects[k]
        return len(doomed)

    async def presigned_url(
        self, centre_id: CentreId, key: str, *, expires_in: dt.timedelta
    ) -> str:
        validate_link_expiry(expires_in, maximum=MAX_LINK_EXPIRY)
        full = object_key(centre_id, key)
        if full not in self.objects:
            raise ObjectNotFound(key)
        expires = int(self._now() + expires_in.total_seconds())
        query = urllib.parse.urlencode(
            {"expires": expires, "signature": sign_link(full, expires, self._secret)}
        )
        return f"memory:///{full}?{query}"

    def read_link(self, url: str) -> bytes:
        """The bytes a ``presigned_url`` link gives; ``ObjectNotFound`` if it is expired,
        tampered with, or the object has gone."""
        parts = urllib.parse.urlsplit(url)
        full = parts.path.lstrip("/")
        query = dict(urllib.parse.parse_qsl(parts.query))
        expires = int(query.get("expires", "0"))
        valid = verify_link(
            full, expires, query.get("signature", ""), self._secret, now=int(self._now())
        )
        if not valid or full not in self.objects:
            raise ObjectNotFound(full)
        return self.objects[full][0]
