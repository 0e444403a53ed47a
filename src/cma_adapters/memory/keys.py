"""An in-memory ``KeyManagement`` for tests and embedding programs.

The in-memory repositories themselves store no ciphertext: their records never leave the
process (no file, no database, no backup), so sealing them would protect nothing that the
process's own memory does not already expose. This fake exists so the SQL adapter can be
driven without a keyring file or KMS; it wraps keys with a per-instance random master key
and binds them to the centre, like the real adapters.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from cma_core.privacy.ports import DataKey, KeyManagement, KeyUnavailable
from cma_core.shared.ids import CentreId


class InMemoryKeyManagement(KeyManagement):
    """Wrapped key = 32 random bytes XOR a pad derived from the master key and the centre,
    plus an HMAC tag over both; good enough to catch a wrong centre or an altered key."""

    def __init__(self) -> None:
        self._master = secrets.token_bytes(32)
        self.generated = 0
        self.unwrapped = 0

    def _pad(self, centre_id: CentreId, nonce: bytes) -> bytes:
        return hmac.new(self._master, b"pad" + nonce + centre_id.bytes, hashlib.sha256).digest()

    def _tag(self, centre_id: CentreId, body: bytes) -> bytes:
        return hmac.new(self._master, b"tag" + centre_id.bytes + body, hashlib.sha256).digest()

    async def generate_data_key(self, centre_id: CentreId) -> DataKey:
        self.generated += 1
        key, nonce = secrets.token_bytes(32), secrets.token_bytes(16)
        body = nonce + bytes(a ^ b for a, b in zip(key, self._pad(centre_id, nonce), strict=True))
        return DataKey(plaintext=key, wrapped=body + self._tag(centre_id, body))

    async def unwrap_data_key(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        self.unwrapped += 1
        body, tag = wrapped[:-32], wrapped[-32:]
        if len(body) != 48 or not hmac.compare_digest(tag, self._tag(centre_id, body)):
            raise KeyUnavailable("not a key wrapped for this centre by this key manager")
        nonce, sealed = body[:16], body[16:]
        return bytes(a ^ b for a, b in zip(sealed, self._pad(centre_id, nonce), strict=True))
