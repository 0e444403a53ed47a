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
from collections.abc import Iterable

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
    pattern: str
    placeholder: str
    words: tuple[str, ...]
    restricted: bool = False
    #: Case-folded strings one of which the text must hold for the pattern to match (a
    #: cheap test first: most texts name nobody, and one regex per value and position is
    #: what costs). Empty: always tried.
    needles: tuple[str, ...] = ()
    #: The characters a match can begin with (a cheap lookahead before the alternatives).
    starts: str = ""

    def may_match(self, folded: str) -> bool:
        return not self.needles or any(n in folded for n in self.needles)


@frozen
class Redaction:
    """The replacements for one client (see ``redaction_for``)."""

    values: tuple[_Value, ...]

    def apply(self, text: str) -> Redacted:
        if not self.values or not text:
            return Redacted(text, (), ())
        text = _LINE_HYPHEN.sub("", text)
        folded = text.casefold()
        values = tuple(v for v in self.values if v.may_match(folded))
        if not values:
            return Redacted(text, (), ())
        words: dict[str, None] = {}
        restricted: dict[str, None] = {}

        def replace(match: re.Match[str]) -> str:
            value = values[int((match.lastgroup or "v0")[1:])]
            for word in value.words:
                (restricted if value.restricted else words).setdefault(word, None)
            return value.placeholder

        starts = "".join(sorted({c for v in values for c in v.starts}))
        out = _compiled(tuple(v.pattern for v in values), starts).sub(replace, text)
        return Redacted(out, tuple(words), tuple(restricted))


NOTHING = Redaction(())


@functools.lru_cache(maxsize=4096)
def _compiled(patterns: tuple[str, ...], starts: str) -> re.Pattern[str]:
    either = "|".join(f"(?P<v{i}>{p})" for i, p in enumerate(patterns))
    return re.compile(f"(?=[{re.escape(starts)}])(?:{either})", re.IGNORECASE)


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
            _Value(
                _flex(email),
                EMAIL,
                (email.strip().casefold(),),
                needles=needles,
                starts=_first(email),
            )
        )
    if phone:
        values += _phone(phone)
    if ni_number:
        compact = "".join(chunks(ni_number))
        ni_words = (*chunks(ni_number), compact)
        ni = _Value(_spaced(compact), NI_NUMBER, ni_words, restricted=True, starts=_first(compact))
        values.append(ni)
    if born is not None:
        month = calendar.month_name[born.month][0] + ("s" if born.month == 9 else "")
        needles = (f"{born.year % 100:02d}",)
        values.append(_Value(_date(born), BIRTH, (), needles=needles, starts=f"0123456789{month}"))
    values += _names([first, last])
    return Redaction(tuple(v for v in values if v.pattern))


def _names(names: Iterable[str]) -> list[_Value]:
    """Each name as a whole, then each of its words and parts (longest first)."""
    out: list[_Value] = []
    seen: set[str] = set()
    for name in names:
        words = tuple(name_words(name))
        candidates = [name, *sorted(set(_PART.findall(name)), key=len, reverse=True)]
        for candidate in candidates:
            key = candidate.casefold()
            if len(key) < 2 or key in seen:
                continue
            seen.add(key)
            flex, needles = _flex(candidate), _needles(candidate)
            out.append(_Value(flex, CLIENT, words, needles=needles, starts=_first(candidate)))
    return out


def _address(lines: tuple[str, ...], postcode: str | None, *, restricted: bool) -> list[_Value]:
    out: list[_Value] = []
    if postcode:
        inward = postcode.replace(" ", "")[-3:]
        needles: tuple[str, ...] = (inward.casefold(),)
        out.append(
            _Value(
                _flex(postcode),
                ADDRESS,
                tuple(postcode_words(postcode)),
                restricted,
                needles,
                _first(postcode),
            )
        )
    distinctive: list[str] = []
    for line in lines:
        own = [w for w in _PART.findall(line) if _distinctive(w)]
        if own:  # "Flat 3" alone says nothing; "17 Oxblood Terrace" does
            needles = _needles(max(own, key=len))
            words = tuple(chunks(line))
            out.append(_Value(_flex(line), ADDRESS, words, restricted, needles, _first(line)))
            distinctive += own
    for word in sorted(set(distinctive), key=len, reverse=True):
        out.append(
            _Value(
                _flex(word), ADDRESS, (word.casefold(),), restricted, _needles(word), _first(word)
            )
        )
    return out


def _distinctive(word: str) -> bool:
    return len(word) >= 3 and not word.isdigit() and word.casefold() not in GENERIC_ADDRESS_WORDS


def _phone(phone: str) -> list[_Value]:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return []
    gap = r"[\s\-().]{0,3}"
    rest = gap.join(digits[1:]) if digits.startswith("0") else ""
    national = rf"(?:\+?\s?44{gap}(?:\(0\){gap})?|0){gap}{rest}" if rest else gap.join(digits)
    needles = (digits[-2:],)
    pattern = rf"(?<![\d+]){national}(?!\d)"
    words = tuple(phone_words(phone))
    return [_Value(pattern, PHONE, words, needles=needles, starts=f"+04{digits[0]}")]


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
