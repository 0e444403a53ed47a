"""Key management: per-centre data keys under a master key the application never stores.

Envelope encryption: personal fields are sealed with a centre's 256-bit *data key*; only the
data key *wrapped* by a key-management service (a local keyring file or AWS KMS) is stored,
next to the data. Unwrapping needs the master key and the centre id (the encryption
context), so a wrapped key copied to another centre's row does not unwrap.
"""

from __future__ import annotations

from typing import Protocol

from attrs import frozen

from cma_core.shared.ids import CentreId


@frozen
class DataKey:
    """A fresh data key: ``plaintext`` (32 bytes, kept in memory only) and ``wrapped`` (what
    is stored)."""

    plaintext: bytes
    wrapped: bytes


class KeyUnavailable(Exception):
    """The key service refused or could not unwrap a key (wrong centre, wrong master key,
    service down). Never answered with wrong data."""


class KeyManagement(Protocol):
    """Makes and unwraps per-centre data keys."""

    async def generate_data_key(self, centre_id: CentreId) -> DataKey:
        """A new random 256-bit data key wrapped for ``centre_id``; every call is a new key."""
        ...

    async def unwrap_data_key(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        """The plaintext of ``wrapped``.

        Raises:
            KeyUnavailable: ``wrapped`` was not made for ``centre_id`` under this service's
                master key, was altered, or the service could not be reached.
        """
        ...


class CiphertextRejected(Exception):
    """A stored ciphertext failed authentication (altered, moved to another row or column,
    or sealed under another key). Raised instead of returning wrong data."""
