"""Password policy: length, and no password from (or built on) the common-password list.

The list ships with the package (``common_passwords.txt``, made by
``scripts/generate_common_passwords.py``); nothing is looked up over the network. Before
looking a password up, the check also undoes the usual disguises: case, leetspeak, and
digits or symbols added at either end ("Password123!" is "password").
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from cma_core.shared.errors import ValidationError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024

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


def is_common(password: str) -> bool:
    listed = common_passwords()
    candidates = _candidates(password)
    if any(c in listed for c in candidates):
        return True
    lowered = password.casefold()
    return len(set(lowered)) <= 2


def check_password_policy(password: str, *, email: str | None = None) -> None:
    """Raise ``ValidationError('password', ...)`` for a password that is too short, too
    long, common, or built on the user's own email name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password", f"must be at most {MAX_PASSWORD_LENGTH} characters")
    if is_common(password):
        raise ValidationError(
            "password", "is too common (it is, or is built on, a well-known password)"
        )
    if email:
        name = email.split("@")[0].casefold()
        if len(name) >= 4 and name in _candidates(password):
            raise ValidationError("password", "must not be built on your email address")
