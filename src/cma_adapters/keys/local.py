"""A master key in a file under ``CMA_DATA_DIR`` wraps the centres' data keys (AES-256-GCM).

Right for the embedded default and a single server. The file *is* the master key: back it
up apart from the database (a database backup without it cannot be read, which is the
point), keep it ``0600``. Use AWS KMS where a managed key service is available.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from cma_core.privacy.ports import DataKey, KeyManagement, KeyUnavailable
from cma_core.shared.ids import CentreId

_MAGIC = b"cmalk1"  # format of a wrapped key: magic, 12-byte nonce, AES-GCM ciphertext+tag
_NONCE = 12


def _context(centre_id: CentreId) -> bytes:
    return b"cma/centre-data-key/" + str(centre_id).encode()


class LocalKeyringKeyManagement(KeyManagement):
    """Wraps data keys under a 256-bit master key kept in ``path`` (created on first use,
    mode 0600, never overwritten)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._master: bytes | None = None

    def _key(self) -> bytes:
        if self._master is None:
            self._master = self._load_or_create()
        return self._master

    def _load_or_create(self) -> bytes:
        try:
            raw = self.path.read_text().strip()
        except FileNotFoundError:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            key = secrets.token_bytes(32)
            try:
                # O_EXCL: two processes starting at once must not each write a key.
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                return self._load_or_create()
            with os.fdopen(fd, "w") as f:
                f.write(base64.b64encode(key).decode() + "\n")
            return key
        key = base64.b64decode(raw)
        if len(key) != 32:
            raise KeyUnavailable(f"keyring {self.path} does not hold a 256-bit key")
        return key

    async def generate_data_key(self, centre_id: CentreId) -> DataKey:
        plaintext = secrets.token_bytes(32)
        nonce = secrets.token_bytes(_NONCE)
        sealed = AESGCM(self._key()).encrypt(nonce, plaintext, _context(centre_id))
        return DataKey(plaintext=plaintext, wrapped=_MAGIC + nonce + sealed)

    async def unwrap_data_key(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        if not wrapped.startswith(_MAGIC):
            raise KeyUnavailable("not a key wrapped by the local keyring")
        body = wrapped[len(_MAGIC) :]
        try:
            return AESGCM(self._key()).decrypt(body[:_NONCE], body[_NONCE:], _context(centre_id))
        except InvalidTag:
            raise KeyUnavailable(
                "the data key does not unwrap for this centre under this keyring "
                f"({self.path}): wrong keyring file, or the key was altered"
            ) from None
