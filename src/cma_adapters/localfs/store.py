"""A document store on the local filesystem.

Layout: ``<root>/centres/<centre_id>/<relative key>``. Writes go to a temporary file in
the same folder and are renamed into place, so a reader never sees half a file and a crash
leaves at most a ``.tmp-*`` file behind (never a valid key, so never listed or served).
Links are signed with HMAC and served by the HTTP layer through ``read_link``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import tempfile
import time
import urllib.parse
from collections.abc import AsyncIterator, Callable
from pathlib import Path
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
from cma_core.shared.errors import Conflict
from cma_core.shared.ids import CentreId


class LocalFolderDocumentStore(DocumentStore):
    """Args:
    root: the folder that holds ``centres/``; created if missing.
    signing_key: secret for link signatures (at least 32 random bytes; keep it stable
        across restarts or issued links stop working).
    base_url: where the HTTP layer serves links, e.g. ``https://cma.example/files``.
    max_link_expiry: the longest link this store will sign.
    now: Unix time source (injectable for tests).

    A key cannot be both an object and a folder here (``a`` and ``a/b``); putting one over
    the other raises ``Conflict``. Keys from ``storage.document_key`` never do this.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        signing_key: bytes,
        base_url: str = "/files",
        max_link_expiry: dt.timedelta = MAX_LINK_EXPIRY,
        now: Callable[[], float] = time.time,
    ) -> None:
        if len(signing_key) < 32:
            raise ValueError("signing_key must be at least 32 bytes")
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self._secret = signing_key
        self._base_url = base_url.rstrip("/")
        self._max_expiry = min(max_link_expiry, MAX_LINK_EXPIRY)
        self._now = now

    def _path(self, full_key: str) -> Path:
        path = self.root / full_key
        # object_key already refuses '..' and absolute keys; this is the second wall.
        if not path.resolve().is_relative_to(self.root):
            raise ObjectNotFound(full_key)
        return path

    async def put(
        self, centre_id: CentreId, key: str, data: bytes | BinaryIO, content_type: str
    ) -> StoredObject:
        full = object_key(centre_id, key)
        path = self._path(full)
        size = await asyncio.to_thread(self._write, path, data)
        return StoredObject(key=full, size=size, content_type=content_type)

    def _write(self, path: Path, data: bytes | BinaryIO) -> int:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir():
                raise Conflict(f"{path.name} is a folder of other objects")
        except (NotADirectoryError, FileExistsError):
            raise Conflict("a parent of this key is an object, not a folder") from None
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                if isinstance(data, bytes):
                    out.write(data)
                else:
                    shutil.copyfileobj(data, out, DEFAULT_CHUNK_SIZE)
                out.flush()
                os.fsync(out.fileno())
                size = out.tell()
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return size

    async def get(self, centre_id: CentreId, key: str) -> bytes:
        path = self._path(object_key(centre_id, key))
        try:
            return await asyncio.to_thread(path.read_bytes)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None

    async def open(
        self, centre_id: CentreId, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> AsyncIterator[bytes]:
        path = self._path(object_key(centre_id, key))
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(key) from None

        async def chunks() -> AsyncIterator[bytes]:
            try:
                while chunk := await asyncio.to_thread(handle.read, chunk_size):
                    yield chunk
            finally:
                handle.close()

        return chunks()

    async def delete(self, centre_id: CentreId, key: str) -> None:
        path = self._path(object_key(centre_id, key))
        await asyncio.to_thread(self._unlink, path)

    def _unlink(self, path: Path) -> None:
        try:
            path.unlink()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return
        self._prune(path.parent)

    def _prune(self, folder: Path) -> None:
        """Remove emptied folders up to (not including) ``<root>/centres``."""
        stop = self.root / "centres"
        while folder != stop and folder.is_relative_to(stop):
            try:
                folder.rmdir()
            except OSError:
                return
            folder = folder.parent

    async def delete_prefix(self, centre_id: CentreId, prefix: str) -> int:
        folder = self._path(folder_prefix(centre_id, prefix).rstrip("/"))
        return await asyncio.to_thread(self._delete_tree, folder)

    def _delete_tree(self, folder: Path) -> int:
        if not folder.is_dir():
            return 0
        count = sum(
            1 for _, _, files in os.walk(folder) for name in files if not name.startswith(".tmp-")
        )
        shutil.rmtree(folder, ignore_errors=True)
        self._prune(folder.parent)
        return count

    async def presigned_url(
        self, centre_id: CentreId, key: str, *, expires_in: dt.timedelta
    ) -> str:
        validate_link_expiry(expires_in, maximum=self._max_expiry)
        full = object_key(centre_id, key)
        if not await asyncio.to_thread(self._path(full).is_file):
            raise ObjectNotFound(key)
        expires = int(self._now() + expires_in.total_seconds())
        query = urllib.parse.urlencode(
            {"expires": expires, "signature": sign_link(full, expires, self._secret)}
        )
        return f"{self._base_url}/{full}?{query}"

    async def read_link(self, url: str) -> bytes:
        """The bytes a link from ``presigned_url`` gives (for the HTTP layer to serve).

        Raises ``ObjectNotFound`` if the link is expired or tampered with, or the object
        has gone, so a bad link and a missing file look the same from outside.
        """
        parts = urllib.parse.urlsplit(url)
        path = parts.path
        base = urllib.parse.urlsplit(self._base_url).path
        full = path[len(base) :].lstrip("/") if path.startswith(base) else ""
        query = dict(urllib.parse.parse_qsl(parts.query))
        try:
            expires = int(query.get("expires", "0"))
        except ValueError:
            expires = 0
        signature = query.get("signature", "")
        if not full or not verify_link(
            full, expires, signature, self._secret, now=int(self._now())
        ):
            raise ObjectNotFound(full or url)
        try:
            return await asyncio.to_thread(self._path(full).read_bytes)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise ObjectNotFound(full) from None
