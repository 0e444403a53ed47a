"""Taking the client's identity out of a case's clear text before it reaches the index.

A note, a document's OCR text, a letter or a contact entry of a case often names the
client: "Dear Mrs Quarrington-Vask", their address, phone, date of birth. The index keeps
clear text (to rank, stem, correct typos and highlight), so before a case's text goes there
every occurrence of the case's client's identity is replaced by a placeholder
(``[client]``, ``[address]``, ``[email]``, ``[phone]``, ``[date of birth]``,
``[NI number]``), and the words of what was replaced become blind tokens of the document
(``terms``; ``restricted_terms`` for the NI number and a suppressed address), so the
document is still found by the client's name or postcode, and shown with the placeholder.

Matching is forgiving, as scanned text is: case-insensitive, any run of up to four blanks
or punctuation (line breaks included) between the parts of a value ("Quarrington-Vask",
"QUARRINGTON - VASK", "Quarrington-\\nVask", "QuarringtonVask"), a word hyphenated across
an OCR line break joined first, phone numbers with any grouping and a +44 prefix, dates of
birth in the written forms of a UK letter (14/07/1961, 14.7.61, 1961-07-14, 14th July
1961, Jul 14, 1961), accents or none.

Left, by design: a word of the client's name that is also a common word ("Rose", "Will")
is replaced wherever it stands; a street or town word is replaced unless it is a generic
word of addresses (``GENERIC_ADDRESS_WORDS``); other people's names (a partner, a creditor's
agent) are not known here and stay in clear; a former name or address no longer on the
client record is not replaced.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata

from attrs import frozen

from cma_core.clients.model import Client
from cma_core.search.terms import chunks, name_words, phone_words, postcode_words

CLIENT = "[client]"
ADDRESS = "[address]"
EMAIL = "[email]"
PHONE = "[phone]"
BIRTH = "[date of birth]"
NI_NUMBER = "[NI number]"

#: Words of an address line that say nothing about who lives there: never replaced alone
#: (a whole line that has them still is).
GENERIC_ADDRESS_WORDS = frozenset(
    """
    the and of at on in upon by flat flats apartment apartments apt unit block floor house
    building buildings court ct street st road rd lane ln avenue ave drive dr close cl way
    place pl terrace tce crescent cres gardens gdns garden grove row square sq walk view
    park hill green rise mews parade yard wharf quay gate bridge mill farm cottage
    cottages lodge estate centre center north south east west upper lower new old high
    low little great church station market end side bank manor hall top bottom basement
    ground first second third room
    """.split()  # noqa: SIM905 - a word list reads better as words
)

_PART = re.compile(r"[^\W_]+")
_GAP = r"[\W_]{0,4}"
_START = r"(?<![^\W_])"
_END = r"(?![^\W_])"
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


@frozen
class Redacted:
    """Text with the client's identity replaced, and the words of what was replaced."""

    text: str
    words: tuple[str, ...]
    restricted_words: tuple[str, ...]


@frozen
class _Value:
    """One value to take out: how its pattern and its words are made (``_pattern_of``,
    ``_words_of``, both cached: made only for a text that may hold the value)."""

    pattern_of: tuple[str, str]
    placeholder: str
    words_of: tuple[str, str]
    restricted: bool = False
    #: Case-folded strings one of which the text must hold for the pattern to match (a
    #: cheap test first: most texts name nobody). Empty: always tried.
    needles: tuple[str, ...] = ()
    #: The characters a match can begin with (a cheap lookahead first).
    starts: str = ""
    #: Then what the text's digits alone, or its case-folded characters without blanks,
    #: must hold (a phone number, an NI number, however grouped).
    digits: str = ""
    compact: str = ""

    def may_match(self, text: _Views) -> bool:
        if self.needles and not any(n in text.folded for n in self.needles):
            return False
        if self.digits:
            return self.digits in text.digits
        if self.compact:
            return self.compact in text.compact
        return True


class _Views:
    """The text as the pre-checks read it (each view made once, when first asked for)."""

    def __init__(self, text: str) -> None:
        self.folded = text.casefold()

    @functools.cached_property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.folded)

    @functools.cached_property
    def compact(self) -> str:
        return re.sub(r"\s", "", self.folded)


@frozen
class Redaction:
    """The replacements for one client (see ``redaction_for``), applied in order: whole
    address lines before their words, the email before the name in it."""

    values: tuple[_Value, ...]

    def apply(self, text: str) -> Redacted:
        if not self.values or not text:
            return Redacted(text, (), ())
        if "-" in text and "\n" in text:
            text = _LINE_HYPHEN.sub("", text)
        views = _Views(text)
        words: dict[str, None] = {}
        restricted: dict[str, None] = {}
        for value in self.values:
            if not value.may_match(views):
                continue
            pattern = _compiled(_pattern_of(*value.pattern_of), value.starts)
            text, found = pattern.subn(value.placeholder, text)
            if found:
                for word in _words_of(*value.words_of):
                    (restricted if value.restricted else words).setdefault(word, None)
        return Redacted(text, tuple(words), tuple(restricted))


NOTHING = Redaction(())


@functools.lru_cache(maxsize=16_384)
def _compiled(pattern: str, starts: str) -> re.Pattern[str]:
    # Cached per value: names, streets, towns and dates recur across a centre's clients.
    guard = f"(?=[{re.escape(starts)}])" if starts else ""
    return re.compile(guard + pattern, re.IGNORECASE)


def redaction_for(client: Client | None) -> Redaction:
    """What to take out of the text of a case of this client (nothing without a client)."""
    if client is None:
        return NOTHING
    address = client.address
    return _redaction(
        client.first_name,
        client.last_name,
        client.email,
        client.phone,
        client.ni_number,
        address.lines if address is not None else (),
        address.postcode if address is not None else None,
        client.address_suppressed,
        client.date_of_birth,
    )


@functools.lru_cache(maxsize=1024)
def _redaction(
    first: str,
    last: str,
    email: str | None,
    phone: str | None,
    ni_number: str | None,
    lines: tuple[str, ...],
    postcode: str | None,
    suppressed: bool,
    born: dt.date | None,
) -> Redaction:
    values = [*_address(lines, postcode, restricted=suppressed)]
    if email:
        needles = _needles(max(_PART.findall(email) or [""], key=len))
        values.append(
            _Value(("flex", email), EMAIL, ("email", email), needles=needles, starts=_first(email))
        )
    if phone:
        values += _phone(phone)
    if ni_number:
        compact = "".join(chunks(ni_number))
        values.append(
            _Value(
                ("spaced", compact), NI_NUMBER, ("ni", ni_number), restricted=True,
                needles=(compact[-3:-1].casefold(),), starts=_first(compact),
                compact=compact.casefold(),
            )
        )  # fmt: skip
    if born is not None:
        month = calendar.month_name[born.month][0] + ("s" if born.month == 9 else "")
        yy = f"{born.year % 100:02d}"
        needles = (str(born.year), f"/{yy}", f".{yy}", f"-{yy}", f" {yy}")
        values.append(
            _Value(
                ("date", born.isoformat()), BIRTH, ("none", ""), needles=needles,
                starts=f"0123456789{month}",
            )
        )  # fmt: skip
    values += _names(first, last)
    return Redaction(tuple(values))


@functools.lru_cache(maxsize=4096)
def _names(*names: str) -> tuple[_Value, ...]:
    """Each name as a whole, then each of its words and parts (longest first). Cached
    apart from ``_redaction`` (whose key holds the client's email and phone, so it rarely
    hits across clients): names recur across a centre's clients, and they were two thirds
    of a redaction's cost in the national seed."""
    out: list[_Value] = []
    seen: set[str] = set()
    for name in names:
        candidates = [name, *sorted(set(_PART.findall(name)), key=len, reverse=True)]
        for candidate in candidates:
            key = candidate.casefold()
            if len(key) < 2 or key in seen or not _PART.search(candidate):
                continue
            seen.add(key)
            out.append(
                _Value(
                    ("flex", candidate), CLIENT, ("name", name),
                    needles=_needles(candidate), starts=_first(candidate),
                )
            )  # fmt: skip
    return tuple(out)


def _address(lines: tuple[str, ...], postcode: str | None, *, restricted: bool) -> list[_Value]:
    out: list[_Value] = []
    if postcode:
        inward = postcode.replace(" ", "")[-3:].casefold()
        out.append(
            _Value(
                ("flex", postcode), ADDRESS, ("postcode", postcode), restricted, (inward,),
                _first(postcode),
            )
        )  # fmt: skip
    distinctive: list[str] = []
    for line in lines:
        own = [w for w in _PART.findall(line) if _distinctive(w)]
        if own:  # "Flat 3" alone says nothing; "17 Oxblood Terrace" does
            needles = _needles(max(own, key=len))
            out.append(
                _Value(("flex", line), ADDRESS, ("chunks", line), restricted, needles, _first(line))
            )
            distinctive += own
    for word in sorted(set(distinctive), key=len, reverse=True):
        out.append(
            _Value(
                ("flex", word), ADDRESS, ("word", word), restricted, _needles(word), _first(word)
            )
        )
    return out


@functools.lru_cache(maxsize=16_384)
def _pattern_of(kind: str, source: str) -> str:
    if kind == "phone":
        return _phone_pattern(source)
    if kind == "spaced":
        return _spaced(source)
    if kind == "date":
        return _date(dt.date.fromisoformat(source))
    return _flex(source)


@functools.lru_cache(maxsize=16_384)
def _words_of(kind: str, source: str) -> tuple[str, ...]:
    """The words (blind tokens to be) of a value taken out of a text."""
    if kind == "name":
        return tuple(name_words(source))
    if kind == "chunks":
        return tuple(chunks(source))
    if kind == "postcode":
        return tuple(postcode_words(source))
    if kind == "phone":
        return tuple(phone_words(source))
    if kind == "ni":
        return (*chunks(source), "".join(chunks(source)))
    if kind in {"email", "word"}:
        return (source.strip().casefold(),)
    return ()


def _distinctive(word: str) -> bool:
    return len(word) >= 3 and not word.isdigit() and word.casefold() not in GENERIC_ADDRESS_WORDS


def _phone(phone: str) -> list[_Value]:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return []
    significant = digits[1:] if digits.startswith("0") else digits
    return [
        _Value(
            ("phone", digits), PHONE, ("phone", phone), needles=(digits[-3:],),
            starts=f"+04{digits[0]}", digits=significant,
        )
    ]  # fmt: skip


def _phone_pattern(digits: str) -> str:
    gap = r"[\s\-().]{0,3}"
    rest = gap.join(digits[1:]) if digits.startswith("0") else ""
    national = rf"(?:\+?\s?44{gap}(?:\(0\){gap})?|0){gap}{rest}" if rest else gap.join(digits)
    return rf"(?<![\d+]){national}(?!\d)"


def _date(born: dt.date) -> str:
    """A date of birth in the ways a UK letter or form writes it."""
    day = rf"0?{born.day}(?:st|nd|rd|th)?"
    full, short = calendar.month_name[born.month], calendar.month_abbr[born.month]
    month_name = rf"(?:{full}|{short}\.?{'|sept' if born.month == 9 else ''})"
    month = rf"(?:0?{born.month}|{month_name})"
    year = rf"(?:{born.year}|{born.year % 100:02d})"
    sep = r"[\s/.\-,]{1,3}"
    forms = [
        rf"{day}{sep}(?:of\s)?{month}{sep}{year}",
        rf"{month_name}{sep}{day}{sep}{born.year}",
        rf"{born.year}[\-/.]0?{born.month}[\-/.]0?{born.day}",
    ]
    return rf"(?<!\d)(?:{'|'.join(forms)})(?!\d)"


def _flex(value: str) -> str:
    """A value as a pattern: its letter/digit runs in order with up to four blanks or
    punctuation between them, accents optional, at word edges."""
    parts = _PART.findall(value)
    if not parts:
        return ""
    return _START + _GAP.join(_letters(p) for p in parts) + _END


def _needles(part: str) -> tuple[str, ...]:
    """What a text holds if a value with this longest part is in it: the part, or the part
    without its accents (case-folded)."""
    longest = max(_PART.findall(part) or [""], key=len).casefold()
    plain = _plain(longest)
    return tuple(dict.fromkeys(n for n in (longest, plain) if n))


def _first(value: str) -> str:
    """The first letter or digit of a value, and its plain form (a match starts there)."""
    parts = _PART.findall(value)
    head = parts[0][0].casefold() if parts else ""
    return head + _plain(head)


def _plain(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()


def _spaced(value: str) -> str:
    """Every character of the value, with blanks allowed between them (an NI number)."""
    return _START + r"\s{0,2}".join(_letters(c) for c in value) + _END


def _letters(part: str) -> str:
    """A run of letters; an accented letter also matches its plain form."""
    if part.isascii():
        return re.escape(part)
    out = []
    for ch in part:
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        out.append(
            f"[{re.escape(ch)}{re.escape(plain)}]" if plain and plain != ch else re.escape(ch)
        )
    return "".join(out)
