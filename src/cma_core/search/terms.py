"""Keyed blind tokens for the identity fields a search may match but an index must not hold.

Each centre has its own search key, derived from the deployment's search key and the
centre id (HMAC-SHA256): the same name gives different tokens in two centres, so tokens
cannot be joined across centres, and without the deployment key a token cannot be
computed from a guess. A token is the first 24 hex characters (96 bits) of the blind
index (``cma_core.identity.blind_index``) of one normalised word.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from collections.abc import Iterable

from attrs import frozen

from cma_core.identity.blind_index import blind_index
from cma_core.shared.ids import CentreId

TOKEN_LENGTH = 24
_PURPOSE = "search/v1"
_EDGES = re.compile(r"^[^\w@+]+|[^\w]+$")


def chunks(text: str) -> list[str]:
    """The words of ``text`` as a user types them: split on blanks, case-folded, without
    surrounding punctuation ("Smith," is "smith"), empties dropped."""
    out = []
    for raw in text.split():
        word = _EDGES.sub("", raw.casefold())
        if word:
            out.append(word)
    return out


def name_words(value: str) -> list[str]:
    """A name's words, and for a hyphenated or apostrophised one its parts too
    ("Smith-Jones" is also "smith" and "jones"; "O'Neil" is also "neil")."""
    words: list[str] = []
    for word in chunks(value):
        words.append(word)
        parts = [p for p in re.split(r"[-'’]", word) if p]
        if len(parts) > 1:
            words.extend(parts)
    return words


def phone_words(value: str) -> list[str]:
    """A phone number as typed in groups, and as its digits alone."""
    digits = re.sub(r"\D", "", value)
    return [*chunks(value), digits] if digits else chunks(value)


def postcode_words(value: str) -> list[str]:
    """A postcode as its two halves and as one word ("sw1a", "1aa", "sw1a1aa")."""
    return [*chunks(value), "".join(chunks(value))]


@functools.lru_cache(maxsize=65_536)
def _token(key: bytes, word: str) -> str:
    # Cached: names repeat across a centre's clients, and a rebuild or a bulk seed asks for
    # the same ones again and again (the cache lives in the process, like the key).
    return blind_index(key, word, purpose=_PURPOSE)[:TOKEN_LENGTH]


@frozen
class SearchKey:
    """The deployment's search key (at least 32 bytes), from which each centre's comes."""

    key: bytes

    def __attrs_post_init__(self) -> None:
        if len(self.key) < 32:
            raise ValueError("the search key must be at least 32 bytes")

    def for_centre(self, centre_id: CentreId) -> CentreSearchKey:
        derived = hmac.new(self.key, f"cma/search/{centre_id}".encode(), hashlib.sha256)
        return CentreSearchKey(derived.digest())


@frozen
class CentreSearchKey:
    key: bytes

    def token(self, word: str) -> str:
        return _token(self.key, word)

    def tokens(self, words: Iterable[str]) -> tuple[str, ...]:
        """Tokens of the distinct words, in first-seen order."""
        seen: dict[str, None] = {}
        for word in words:
            if word:
                seen.setdefault(self.token(word), None)
        return tuple(seen)
