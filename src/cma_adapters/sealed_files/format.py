"""The sealed file format: a per-file key wrapped by the centre's data key, then the bytes
in AES-256-GCM segments (the STREAM construction), so a file of any size is sealed and
opened in bounded memory.

Layout::

    MAGIC (8) | key version (4, big-endian) | wrap nonce (12) | wrapped file key (48)
    segment 0 | segment 1 | ... | final segment

The file key (32 random bytes, new for every write) is sealed with a *wrapping key*
derived from the centre's data key (HKDF-SHA256, ``cma/files/v1``, so the field
encryption's key is never used as is), bound to the object's full key
(``centres/<centre>/<key>``): an object copied to another key or centre does not open.
Each segment is ``SEGMENT`` bytes of plaintext (the last one ``0..SEGMENT``) sealed with
the file key, nonce = segment number (11 bytes) + final flag (1 byte), the header as
associated data; a file cut short, extended, reordered or given another header fails.

The primitives (AES-GCM, HKDF) are ``cryptography``'s; only the framing is here. Tink's
streaming AEAD does the same but is a large native dependency for one format.
"""

from __future__ import annotations

import secrets
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cma_core.privacy.ports import CiphertextRejected

MAGIC = b"CMAsf\x00\x01\n"
"""No PDF, PNG, JPEG or TIFF starts so (``%PDF``, ``\\x89PNG``, ``\\xff\\xd8``, ``II``/``MM``):
a stored object without it is a file written before sealing, returned as it is."""
SEGMENT = 64 * 1024
_TAG = 16
_NONCE = 12
_HEADER = struct.Struct(">8sI12s48s")
HEADER_SIZE = _HEADER.size


def wrapping_key(centre_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"cma/files/v1").derive(
        centre_key
    )


def _wrap_aad(full_key: str) -> bytes:
    return b"cma/file/" + full_key.encode()


def _nonce(counter: int, final: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def is_sealed(head: bytes) -> bool:
    return head[: len(MAGIC)] == MAGIC


def version_of(head: bytes) -> int:
    if len(head) < HEADER_SIZE or not is_sealed(head):
        raise CiphertextRejected("not a sealed file (header missing or cut short)")
    return int(_HEADER.unpack(head[:HEADER_SIZE])[1])


class Sealer:
    """Seals one object: ``header`` first, then ``segment(...)`` for each piece of
    plaintext (``SEGMENT`` bytes each, the last flagged ``final``)."""

    def __init__(self, centre_key: bytes, version: int, full_key: str) -> None:
        file_key = secrets.token_bytes(32)
        nonce = secrets.token_bytes(_NONCE)
        wrapped = AESGCM(wrapping_key(centre_key)).encrypt(nonce, file_key, _wrap_aad(full_key))
        self.header = _HEADER.pack(MAGIC, version, nonce, wrapped)
        self._aead = AESGCM(file_key)
        self._counter = 0

    def segment(self, plain: bytes, *, final: bool) -> bytes:
        out = self._aead.encrypt(_nonce(self._counter, final), plain, self.header)
        self._counter += 1
        return out


def seal_bytes(data: bytes, centre_key: bytes, version: int, full_key: str) -> bytes:
    sealer = Sealer(centre_key, version, full_key)
    parts = [sealer.header]
    count = max(1, -(-len(data) // SEGMENT))
    for i in range(count):
        parts.append(sealer.segment(data[i * SEGMENT : (i + 1) * SEGMENT], final=i == count - 1))
    return b"".join(parts)


class SealingReader:
    """A binary stream whose ``read`` gives the sealed form of ``source`` (from its
    position to the end), for stores that copy from a file object (S3 multipart, the
    local folder). ``plain_size`` counts the plaintext read. Never closes ``source``."""

    def __init__(self, source: BinaryIO, sealer: Sealer) -> None:
        self._source = source
        self._sealer = sealer
        self._out = bytearray(sealer.header)
        self._ahead: bytes | None = None
        self._done = False
        self.plain_size = 0

    def _fill(self) -> None:
        current = self._ahead if self._ahead is not None else self._read()
        ahead = self._read() if current else b""
        final = not ahead
        self._out += self._sealer.segment(current, final=final)
        self._ahead = ahead
        self._done = final

    def _read(self) -> bytes:
        buf = bytearray()
        while len(buf) < SEGMENT:
            chunk = self._source.read(SEGMENT - len(buf))
            if not chunk:
                break
            buf += chunk
        self.plain_size += len(buf)
        return bytes(buf)

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._out) < size):
            self._fill()
        n = len(self._out) if size < 0 else min(size, len(self._out))
        out = bytes(self._out[:n])
        del self._out[:n]
        return out

    def readable(self) -> bool:
        return True


class Opener:
    """Opens one sealed object fed in pieces of any size (``feed`` then ``finish``)."""

    def __init__(self, keys_by_version: dict[int, bytes], full_key: str) -> None:
        self._keys = keys_by_version
        self._full_key = full_key
        self._buf = bytearray()
        self._aead: AESGCM | None = None
        self._header = b""
        self._counter = 0

    def _start(self) -> None:
        header = bytes(self._buf[:HEADER_SIZE])
        _, version, nonce, wrapped = _HEADER.unpack(header)
        key = self._keys.get(version)
        if key is None:
            raise CiphertextRejected(f"no data key version {version} for this file's centre")
        try:
            file_key = AESGCM(wrapping_key(key)).decrypt(nonce, wrapped, _wrap_aad(self._full_key))
        except InvalidTag:
            raise CiphertextRejected(
                "a sealed file's key failed authentication (moved from another key or "
                "centre, or altered); refusing to return it"
            ) from None
        self._aead = AESGCM(file_key)
        self._header = header
        del self._buf[:HEADER_SIZE]

    def _open(self, sealed: bytes, final: bool) -> bytes:
        assert self._aead is not None
        try:
            plain = self._aead.decrypt(_nonce(self._counter, final), sealed, self._header)
        except InvalidTag:
            raise CiphertextRejected(
                "a sealed file failed authentication (altered, cut short or reordered); "
                "refusing to return it"
            ) from None
        self._counter += 1
        return plain

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._buf += data
        if self._aead is None:
            if len(self._buf) < HEADER_SIZE:
                return
            self._start()
        step = SEGMENT + _TAG
        # Keep at least one whole segment back: only the end of input says which is final.
        while len(self._buf) > step:
            piece = bytes(self._buf[:step])
            del self._buf[:step]
            yield self._open(piece, False)

    def finish(self) -> bytes:
        if self._aead is None:
            raise CiphertextRejected("a sealed file was cut short inside its header")
        if len(self._buf) < _TAG:
            raise CiphertextRejected("a sealed file was cut short")
        plain = self._open(bytes(self._buf), True)
        self._buf.clear()
        return plain


def open_bytes(data: bytes, keys_by_version: dict[int, bytes], full_key: str) -> bytes:
    opener = Opener(keys_by_version, full_key)
    parts = list(opener.feed(data))
    parts.append(opener.finish())
    return b"".join(parts)
