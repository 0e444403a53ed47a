"""Object keys and signed links: the document store's tenancy wall, as pure functions.

Every object lives under ``centres/<centre_id>/``. Callers name objects by a *relative*
key (``documents/<id>/original``); adapters turn it into the full key with ``object_key``,
which refuses anything that could climb out of the centre's space.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import uuid

from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId

CENTRES_PREFIX = "centres"
MAX_KEY_LENGTH = 512
MAX_LINK_EXPIRY = dt.timedelta(minutes=15)
"""Links to client documents are for "open it now", not for sharing: keep them short."""

_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def document_key(document_id: uuid.UUID) -> str:
    """The relative key of an uploaded document's original bytes."""
    return f"documents/{document_id}/original"


def validate_relative_key(key: str, *, field: str = "key") -> str:
    """``key`` if it is a safe relative key, else ``ValidationError`` naming ``field``.

    Segments are separated by ``/``, start with a letter or digit and hold only letters,
    digits, ``.``, ``_`` and ``-``; so no ``..``, no absolute paths, no backslashes, no
    empty segments and nothing a filesystem or URL would treat specially.
    """
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValidationError(field, f"must be 1 to {MAX_KEY_LENGTH} characters")
    if not all(_SEGMENT.fullmatch(part) for part in key.split("/")):
        raise ValidationError(field, "must be segments of letters, digits, '.', '_', '-'")
    return key


def centre_prefix(centre_id: CentreId) -> str:
    """``centres/<centre_id>/``: the start of every key of that centre."""
    return f"{CENTRES_PREFIX}/{uuid.UUID(str(centre_id))}/"


def object_key(centre_id: CentreId, key: str) -> str:
    """The full key of ``key`` in ``centre_id``'s space (validated, see above)."""
    return centre_prefix(centre_id) + validate_relative_key(key)


def folder_prefix(centre_id: CentreId, prefix: str) -> str:
    """The full-key prefix matching ``prefix`` as a folder (``""`` is the whole centre).

    ``documents/ab`` matches ``documents/ab/...`` but not ``documents/abc/...``.
    """
    stripped = prefix.strip("/")
    if not stripped:
        return centre_prefix(centre_id)
    return object_key(centre_id, stripped) + "/"


def validate_link_expiry(
    expires_in: dt.timedelta, *, maximum: dt.timedelta = MAX_LINK_EXPIRY
) -> dt.timedelta:
    if not dt.timedelta(seconds=1) <= expires_in <= maximum:
        raise ValidationError(
            "expires_in", f"must be between 1 second and {int(maximum.total_seconds())} seconds"
        )
    return expires_in


def sign_link(full_key: str, expires_at: int, secret: bytes) -> str:
    """An HMAC-SHA256 signature over the key and expiry (Unix seconds), hex-encoded.

    Used by stores that serve their own links (the local folder store via the HTTP layer);
    S3 signs its own.
    """
    message = f"{full_key}\n{expires_at}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def verify_link(full_key: str, expires_at: int, signature: str, secret: bytes, *, now: int) -> bool:
    """True if the signature matches and the link has not expired at ``now`` (Unix seconds)."""
    expected = sign_link(full_key, expires_at, secret)
    return hmac.compare_digest(expected, signature) and now < expires_at
