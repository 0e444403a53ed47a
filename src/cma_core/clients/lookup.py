"""Client look-up by partial name, postcode, date of birth and case reference.

Names and dates are stored sealed, so a database cannot search them. Instead each client
has a set of *look-up terms* — normalised forms of its fields — and the SQL adapter stores
only a keyed hash (blind index) of each term; a query is turned into the same terms, hashed
the same way, and matched by equality. The in-memory adapter matches the same terms in the
clear, so both behave alike. What the hashes leak is in docs/CLIENT-LOOKUP.md.

Terms of a client (``client_terms``):

- ``name.word``: each word of the first and last names, normalised (accents removed,
  case-folded, apostrophes dropped, hyphens and spaces split: "O'Neill-Smith" gives
  "oneill" and "smith");
- ``surname.prefix``: the first 3 and 4 letters of each surname word (partial names);
- ``name.phonetic``: a phonetic key of each name word (the adapters pass Metaphone), so
  "Smyth" finds "Smith";
- ``postcode`` and ``postcode.outward``: the full postcode ("LS1 4AP") and its outward
  code ("LS1");
- ``dob``: the date of birth (ISO).

A query (``ClientLookup``) matches a client when every criterion given matches: each word
of ``name`` matches a whole name word, a surname prefix (words of 3 or 4 letters) or a
phonetic key (words of 4 letters or more); ``postcode`` is a full postcode or an outward
code; ``dob`` the date; ``reference`` a case reference of the client ("C-000123" or 123).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from attrs import frozen

from cma_core.clients.model import Client
from cma_core.shared.errors import ValidationError

#: A phonetic key of one normalised word ("" when it has none).
PhoneticKey = Callable[[str], str]

SURNAME_PREFIXES = (3, 4)
PHONETIC_MIN = 4
MAX_NAME_WORDS = 6

_FULL_POSTCODE = re.compile(r"^(GIR0AA|[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2})$")
_OUTWARD = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?$")
_REFERENCE = re.compile(r"^(?:C-?)?0*(\d{1,9})$")


@frozen
class Term:
    """One look-up term: what kind of term (``purpose``) and its normalised value."""

    purpose: str
    value: str


def name_words(text: str) -> list[str]:
    """Words of a name, normalised: NFKD without combining marks, case-folded, apostrophes
    and full stops dropped, anything else not a letter splits words."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"['’.]", "", plain)
    return [w for w in re.split(r"[^\w]+|[\d_]+", plain) if w]


def normalise_postcode(text: str) -> tuple[str, str] | None:
    """``(purpose, value)`` for a full postcode or an outward code; ``None`` otherwise."""
    compact = "".join(text.split()).upper()
    if _FULL_POSTCODE.match(compact):
        return "postcode", f"{compact[:-3]} {compact[-3:]}"
    if _OUTWARD.match(compact):
        return "postcode.outward", compact
    return None


def normalise_reference(text: str) -> str | None:
    match = _REFERENCE.match("".join(text.split()).upper())
    return f"C-{int(match.group(1)):06d}" if match else None


def client_terms(client: Client, phonetic: PhoneticKey) -> frozenset[Term]:
    """Every look-up term of ``client`` (see the module docstring)."""
    terms: set[Term] = set()
    first, last = name_words(client.first_name), name_words(client.last_name)
    for word in (*first, *last):
        terms.add(Term("name.word", word))
        key = phonetic(word)
        if key:
            terms.add(Term("name.phonetic", key))
    for word in last:
        terms.update(Term("surname.prefix", word[:n]) for n in SURNAME_PREFIXES if len(word) >= n)
    if client.address is not None:
        compact = client.address.postcode.replace(" ", "")
        terms.add(Term("postcode", client.address.postcode))
        terms.add(Term("postcode.outward", compact[:-3]))
    terms.add(Term("dob", client.date_of_birth.isoformat()))
    return frozenset(terms)


@frozen(kw_only=True)
class ClientLookup:
    """A look-up query, normalised (``of`` validates); at least one criterion is given."""

    name_words: tuple[str, ...] = ()
    postcode: Term | None = None
    dob: dt.date | None = None
    reference: str | None = None

    @classmethod
    def of(
        cls,
        *,
        name: str | None = None,
        postcode: str | None = None,
        dob: dt.date | None = None,
        reference: str | None = None,
    ) -> ClientLookup:
        words: tuple[str, ...] = ()
        if name is not None and name.strip():
            words = tuple(dict.fromkeys(name_words(name)))
            if not words:
                raise ValidationError("name", "must contain letters")
            if len(words) > MAX_NAME_WORDS:
                raise ValidationError("name", f"must have at most {MAX_NAME_WORDS} words")
        code: Term | None = None
        if postcode is not None and postcode.strip():
            found = normalise_postcode(postcode)
            if found is None:
                raise ValidationError(
                    "postcode", "must be a UK postcode (LS1 4AP) or its outward code (LS1)"
                )
            code = Term(*found)
        ref: str | None = None
        if reference is not None and reference.strip():
            ref = normalise_reference(reference)
            if ref is None:
                raise ValidationError("reference", "must be a case reference like C-000123")
        if not (words or code or dob or ref):
            raise ValidationError("name", "give at least one of name, postcode, dob, reference")
        return cls(name_words=words, postcode=code, dob=dob, reference=ref)

    def criteria(self, phonetic: PhoneticKey) -> list[frozenset[Term]]:
        """The terms a client must have: one of each set (the reference is not a term)."""
        out: list[frozenset[Term]] = []
        for word in self.name_words:
            either = {Term("name.word", word)}
            if len(word) in SURNAME_PREFIXES:
                either.add(Term("surname.prefix", word))
            key = phonetic(word)
            if len(word) >= PHONETIC_MIN and key:
                either.add(Term("name.phonetic", key))
            out.append(frozenset(either))
        if self.postcode is not None:
            out.append(frozenset({self.postcode}))
        if self.dob is not None:
            out.append(frozenset({Term("dob", self.dob.isoformat())}))
        return out

    def matches(self, client: Client, phonetic: PhoneticKey, references: set[str]) -> bool:
        """The rule the blind indexes implement, on a client in the clear (the in-memory
        adapter): every criterion met, and the reference among ``references`` (its cases')."""
        terms = client_terms(client, phonetic)
        if self.reference is not None and self.reference not in references:
            return False
        return all(c & terms for c in self.criteria(phonetic))
