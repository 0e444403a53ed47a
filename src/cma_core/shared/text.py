"""Bounds on the text people type: length, and no control characters.

A NUL reached PostgreSQL as a 500 (text columns cannot hold it) and was stored as is on
SQLite; escape sequences in a name rewrite an operator's terminal when a log or export is
viewed. Every text field is one of two kinds: a *line* (names, references, reasons) holds
no control character at all; a *text* (notes, letters) keeps newlines and tabs. The HTTP
layer states the same rules as JSON Schema ``pattern``s built from these classes; the
services check them again for the CLI and worker paths.
"""

from __future__ import annotations

import re

from cma_core.shared.errors import ValidationError

# Regular-expression character-class bodies (also valid in ECMAScript, for OpenAPI):
# C0 controls, DEL, C1 controls, the Unicode line/paragraph separators and bidi overrides.
_OTHER = r"\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
LINE_FORBIDDEN = r"\x00-\x1f" + _OTHER
TEXT_FORBIDDEN = r"\x00-\x08\x0b\x0c\x0e-\x1f" + _OTHER

_LINE = re.compile(f"[{LINE_FORBIDDEN}]")
_TEXT = re.compile(f"[{TEXT_FORBIDDEN}]")

MAX_LINE = 300
MAX_NAME = 200
MAX_TEXT = 20_000


def check_line(value: str, field: str, *, max_length: int = MAX_LINE) -> str:
    """``value`` if it is one line of at most ``max_length`` characters.

    Raises:
        ValidationError: naming ``field``: too long, or a control character in it.
    """
    return _check(value, field, max_length, _LINE, "a control character (one line only)")


def check_text(value: str, field: str, *, max_length: int = MAX_TEXT) -> str:
    """``value`` if it is at most ``max_length`` characters with no control character but
    newlines and tabs.

    Raises:
        ValidationError: naming ``field``: too long, or a control character in it.
    """
    return _check(value, field, max_length, _TEXT, "a control character")


def _check(value: str, field: str, max_length: int, bad: re.Pattern[str], what: str) -> str:
    if len(value) > max_length:
        raise ValidationError(field, f"must be at most {max_length} characters")
    found = bad.search(value)
    if found:
        raise ValidationError(field, f"contains {what}: U+{ord(found.group()):04X}")
    return value
