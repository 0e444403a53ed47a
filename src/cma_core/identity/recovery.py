"""Recovery codes: what gets someone who lost their authenticator back in (ASVS 2.5.6).

Confirming TOTP gives the user ``RECOVERY_CODE_COUNT`` codes, shown once. Each is
``CODE_LENGTH`` characters of Crockford's base32 (50 random bits), written in two groups
of five (``7k2mq-x9vha``); what the user types back is read leniently: case, spaces and
hyphens do not matter, and ``i``/``l`` read as ``1``, ``o`` as ``0`` (Crockford).

A code works once, wherever a TOTP code is accepted (sign-in, step-up, password change).
Only a *digest* of each is stored, bound to its user (``RecoveryDigest``): the deployment
uses a keyed HMAC-SHA256 (a key derived from ``CMA_SECRET_KEY``, like the sign-in email's
blind index), so a copy of the database alone cannot be searched for codes. With 50 bits a
code cannot be guessed online either: sign-in and step-up throttle wrong codes exactly
like wrong TOTP codes (``LoginThrottle``).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from cma_core.shared.ids import UserId

#: How many codes a user gets at a time.
RECOVERY_CODE_COUNT = 10
#: Characters in a code (5 bits each).
CODE_LENGTH = 10
#: Crockford's base32: no i, l, o or u.
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
#: Crockford's lenient reading of the letters it leaves out.
_READ_AS = str.maketrans({"i": "1", "l": "1", "o": "0"})
_IGNORED = str.maketrans("", "", " -\t")

#: ``(user id, normalised code) -> digest`` stored in place of the code.
RecoveryDigest = Callable[[UserId, str], str]


def new_recovery_code(choose: Callable[[str], str] = secrets.choice) -> str:
    """One fresh code, as shown to the user (``xxxxx-xxxxx``)."""
    raw = "".join(choose(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def new_recovery_codes(
    count: int = RECOVERY_CODE_COUNT, choose: Callable[[str], str] = secrets.choice
) -> list[str]:
    """``count`` distinct fresh codes."""
    codes: list[str] = []
    while len(codes) < count:
        code = new_recovery_code(choose)
        if code not in codes:
            codes.append(code)
    return codes


def normalise_recovery_code(text: str) -> str | None:
    """The code ``text`` names (lower case, no separators, Crockford's readings), or
    ``None`` when it cannot be one (wrong length or characters): never worth a lookup."""
    code = text.strip().casefold().translate(_IGNORED).translate(_READ_AS)
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def plain_digest(user_id: UserId, code: str) -> str:
    """SHA-256 of the user's id and the code: the fallback when no keyed digest is
    configured (tests, embedded use). The deployment wires a keyed one (container)."""
    return hashlib.sha256(f"cma/recovery-code\x00{user_id}\x00{code}".encode()).hexdigest()
