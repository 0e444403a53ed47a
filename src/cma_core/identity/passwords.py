"""Password policy (ASVS 2.1): 12 to 128 characters, any Unicode, no composition rules, and
no password from (or built on) a list of common and breached passwords.

Two lists, both offline: ``common_passwords.txt`` ships with the package (made by
``scripts/generate_common_passwords.py``: bases people build on, UK favourites), and the
deployment adds a larger one through ``extra`` (zxcvbn's 30,000 most frequent passwords of
the published leaks, ``cma_adapters.security.breached``). Nothing is looked up over the
network. Before looking a password up, the check also undoes the usual disguises: case,
leetspeak, and digits or symbols added at either end ("Password123!" is "password").

The policy applies when a password is *set* (new user, change, reset). Signing in never
checks it: someone whose password was set under the old 10-character minimum keeps
signing in with it until they change it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from importlib import resources

from cma_core.shared.errors import ValidationError

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128
#: What sign-in accepts: longer than any password the policy ever let anyone set, bounded
#: so a megabyte "password" is never hashed.
MAX_SIGN_IN_LENGTH = 1024

_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)
_EDGES = re.compile(r"^[\d\W_]+|[\d\W_]+$")


@functools.cache
def common_passwords() -> frozenset[str]:
    text = resources.files("cma_core.identity").joinpath("common_passwords.txt").read_text()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _candidates(password: str) -> set[str]:
    lowered = password.strip().casefold()
    stripped = _EDGES.sub("", lowered)
    out = {lowered, stripped, lowered.translate(_LEET), stripped.translate(_LEET)}
    # A word repeated ("monkeymonkey") or a run of one character.
    for value in list(out):
        half = len(value) // 2
        if half and value[:half] == value[half:]:
            out.add(value[:half])
    return {v for v in out if v}


def is_common(password: str, extra: Collection[str] = ()) -> bool:
    listed = common_passwords()
    candidates = _candidates(password)
    if any(c in listed or c in extra for c in candidates):
        return True
    lowered = password.casefold()
    return len(set(lowered)) <= 2


def check_password_policy(
    password: str,
    *,
    email: str | None = None,
    extra: Collection[str] = (),
    field: str = "password",
) -> None:
    """Raise ``ValidationError(field, ...)`` for a password that is too short, too long,
    common (on the shipped list or ``extra``), or built on the user's own email name.
    Length counts characters (code points), never bytes; nothing is truncated."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(field, f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(field, f"must be at most {MAX_PASSWORD_LENGTH} characters")
    if is_common(password, extra):
        raise ValidationError(
            field, "is too common (it is, or is built on, a well-known or breached password)"
        )
    if email:
        name = email.split("@")[0].casefold()
        if len(name) >= 4 and name in _candidates(password):
            raise ValidationError(field, "must not be built on your email address")
