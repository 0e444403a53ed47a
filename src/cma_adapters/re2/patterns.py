"""``PatternEngine`` on RE2 (google-re2): matching time is linear in the text whatever the
pattern, so a creditor's ``reference_pattern`` such as ``(a+)+$`` cannot stall the process
the way Python's backtracking ``re`` did (27 characters: 6.5 s).

Why a library: RE2 is Google's maintained automaton engine with official Python
bindings (wheels, no system packages); a hand-written "safe subset" checker for ``re``
would be both weaker and more code. RE2 refuses what it cannot run in linear time
(backreferences, lookaround), which is what ``problem`` reports.
"""

from __future__ import annotations

import functools
from typing import Any

import re2

from cma_core.debts.ports import PatternEngine

#: RE2's own bound on a compiled program; a 200-character pattern is far below it, and a
#: pattern that needs more (huge counted repetitions, ``a{1000}{1000}``) is refused.
MAX_PROGRAM_BYTES = 1 << 20


def _options() -> Any:
    options = re2.Options()
    options.max_mem = MAX_PROGRAM_BYTES
    # Refusals are answered to the user as a 422; RE2 would also log each to stderr.
    options.log_errors = False
    return options


class Re2PatternEngine(PatternEngine):
    """User patterns compiled by RE2 (cached: a directory holds few distinct patterns)."""

    def __init__(self, cache_size: int = 256) -> None:
        self._options = _options()
        self._compile = functools.lru_cache(maxsize=cache_size)(self._compile_uncached)

    def _compile_uncached(self, pattern: str) -> Any:
        return re2.compile(pattern, self._options)

    def problem(self, pattern: str) -> str | None:
        try:
            self._compile(pattern)
        except re2.error as exc:
            detail = exc.args[0] if exc.args else exc
            return detail.decode(errors="replace") if isinstance(detail, bytes) else str(detail)
        return None

    def fullmatch(self, pattern: str, text: str) -> bool:
        return self._compile(pattern).fullmatch(text) is not None
