"""Users' secrets sealed at rest, each under a data key of its own (envelope encryption).

A user is platform-wide (one account, memberships in several centres), so their TOTP
shared secret cannot be sealed under a centre's key. Each secret gets its own random data
key, wrapped by the same key-management service that wraps the centres' keys (the local
keyring file or KMS), and is sealed with it — AES-256-GCM, bound to ``users.totp_secret``
and the user's id (``crypto.aad``). The stored value carries both:
``u1:<base64 wrapped key>:<sealed token>``. So a copy of the database alone gives no
second factor away, a value moved to another user's row does not open, and changing
``CMA_SECRET_KEY`` (which signs tokens) locks nobody out: the key is wrapped by the
keyring or KMS key, not derived from the secret. A key per value rather than one platform
key also means no shared key row that every process and test database must agree on.

The key-management port wraps keys *for an owner*; a user secret's owner is ``PLATFORM``,
the nil UUID, which no centre ever has (centre ids are random), so a centre's wrapped key
never unwraps as a user secret's or the other way round. Unwrapped keys are cached by the
process (``DataKeyCache``), so a sign-in does not cost a KMS round trip each time.
"""

from __future__ import annotations

import base64
import binascii
import uuid

from cma_adapters.sqlalchemy.crypto import CentreKey, DataKeyCache, Keyring, aad
from cma_core.privacy.ports import CiphertextRejected, KeyManagement
from cma_core.shared.ids import CentreId

#: The key-management owner of users' secrets (never a centre's id).
PLATFORM = CentreId(uuid.UUID(int=0))
_PREFIX = "u1:"


class UserSecrets:
    """Seals and opens one column of the users table (``column``)."""

    def __init__(self, keys: KeyManagement, column: str = "totp_secret") -> None:
        self.cache = DataKeyCache(keys)
        self.column = column
        # What this process last opened or sealed, per user: saving a user whose secret
        # did not change writes the same value again instead of asking for a new key.
        self._known: dict[tuple[object, str], str] = {}

    def _remember(self, user_id: object, secret: str, stored: str) -> None:
        if len(self._known) > 4096:
            self._known.clear()
        self._known[(user_id, secret)] = stored

    async def seal(self, user_id: object, secret: str, *, fresh: bool = False) -> str:
        """``secret`` sealed for ``user_id``'s row. The value this process last stored for
        the same secret is reused, unless ``fresh`` (rotation: always a new data key)."""
        known = None if fresh else self._known.get((user_id, secret))
        if known is not None:
            return known
        data_key = await self.cache.keys.generate_data_key(PLATFORM)
        self.cache.put(PLATFORM, data_key.wrapped, data_key.plaintext)
        token = CentreKey(PLATFORM, 1, data_key.plaintext).seal(
            secret, aad("users", self.column, user_id)
        )
        stored = f"{_PREFIX}{base64.b64encode(data_key.wrapped).decode()}:{token}"
        self._remember(user_id, secret, stored)
        return stored

    async def open(self, user_id: object, stored: str) -> str:
        """The secret in ``stored``. Raises ``CiphertextRejected`` for a value not sealed
        here (written in clear around the application) or sealed for another row."""
        head, _, rest = stored.partition(_PREFIX)
        wrapped_b64, sep, token = rest.partition(":")
        if head or not sep:
            raise CiphertextRejected(f"users.{self.column} is not sealed: refusing to use it")
        try:
            wrapped = base64.b64decode(wrapped_b64, validate=True)
        except (binascii.Error, ValueError):
            raise CiphertextRejected(f"users.{self.column} is damaged") from None
        key = await self.cache.unwrap(PLATFORM, wrapped)
        secret = Keyring({1: CentreKey(PLATFORM, 1, key)}).open(
            token, aad("users", self.column, user_id)
        )
        self._remember(user_id, secret, stored)
        return secret
