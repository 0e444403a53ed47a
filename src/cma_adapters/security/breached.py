"""The breached-password list the password policy checks against, offline.

zxcvbn (PyPI ``zxcvbn``, the Python port of Dropbox's estimator) ships, as plain data, the
30,000 most frequent passwords of the published leaks (Burnett's ten million passwords).
CMA uses only that list, not zxcvbn's strength score: ASVS 2.1.7 asks for a breached
list, and NIST 800-63B asks for no other rules. Read once per process (≈ 30 ms).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator


@functools.cache
def breached_passwords() -> frozenset[str]:
    """The leaked passwords zxcvbn ships, case-folded (the policy case-folds too)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS  # lazy: 1 MB of lists

    return frozenset(p.casefold() for p in FREQUENCY_LISTS["passwords"] if p)


class BreachedPasswords(Collection[str]):
    """``breached_passwords()`` read on first use: a sign-in never checks the policy, so
    an API process that only signs people in and serves cases never holds zxcvbn's
    lists (about 20 MB resident once imported; issue 15: API memory)."""

    def __contains__(self, item: object) -> bool:
        return item in breached_passwords()

    def __iter__(self) -> Iterator[str]:
        return iter(breached_passwords())

    def __len__(self) -> int:
        return len(breached_passwords())
