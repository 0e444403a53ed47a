"""A letter's creditor recognised from the centre's creditor directory.

A centre meets the same creditors again and again (the big debt purchasers, the councils,
the banks and utilities), and its directory holds each once, with the spelling its
advisers chose. A reader that takes the creditor from the letter's layout fails on a
layout it has not met (the name only in a footer's registered office, a sidebar, a
payment slip) — and where it does read the name, it may read it with an OCR slip or
another spelling of the same firm ("Ltd" for "Limited", "&" for "and").

``recognise_creditor`` takes what any assistant read and the pages, and:

- a read creditor that is a directory creditor (the same words once ``Ltd``/``plc``,
  case, punctuation and ``&`` are set aside, or but for one letter of one long word, an
  OCR slip) is named as the directory names it, so accepting the suggestion adds the debt
  to that creditor rather than a near-duplicate;
- a creditor's letter read with no creditor that prints a directory creditor's name takes the first
  one printed (in reading order: the letterhead before the body, the body before the
  footer), boxed where it is printed;
- a letter whose read creditor the directory does not know keeps it, and every directory
  creditor it prints is listed beside it as an alternative, for the adviser to pick.

Where the creditor so named has a reference format in the directory (``reference_pattern``,
run only by a ``PatternEngine``: linear time) — or, with none set, one learned from the
references of the centre's debts owed to it (``cma_core.debts.formats``) — a reference
read that does not fit it, or none read, is replaced by the one run of words the letter
prints that fits it — when exactly one value does — and the read one kept as an
alternative (a letter prints many numbers: a sort code, an account to pay into, a phone
line, the client's own reference).

Names the letter gives another role are never taken as the creditor: the original
creditor a debt was assigned from, the payer of a payslip. Nothing is made up: a value
comes from the letter or the read, and the directory only chooses and spells it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from attrs import evolve, frozen

from cma_core.debts.formats import LearnedFormat, reference_fits
from cma_core.debts.model import Creditor, CreditorId
from cma_core.debts.ports import PatternEngine
from cma_core.documents.locate import box_around, page_lines
from cma_core.documents.model import (
    Box,
    DocumentClass,
    Extraction,
    FieldEvidence,
    PageText,
    Word,
)
from cma_core.documents.rules import DEBT_CLASSES, normalise_reference

#: A word shorter than this is only ever matched exactly (a slip in "EE" or "Bank" is
#: another name).
_SHORTEST_SLIP = 5
#: Figures OCR reads for the letters they look like.
_SHAPES = str.maketrans("015", "ols")
#: Pairs of letters OCR reads as one letter ("Ousebum" for "Ouseburn", "Nevvton").
_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"))

#: Words a firm's name may end with, or begin with, without naming another firm.
_SUFFIXES = frozenset({"ltd", "limited", "plc", "llp", "lp", "llc", "inc", "co", "company"})
_LEGAL = _SUFFIXES | {"and"}
_TOKEN = re.compile(r"[a-z0-9]+")

#: The classes of letter a creditor sends (a payslip, a statement or a benefit letter has
#: none: a bank or employer printed on it is not one).
_FROM_A_CREDITOR = DEBT_CLASSES | {DocumentClass.UTILITY_BILL}
#: The client's own money, not a creditor's letter: a directory creditor printed on it (a
#: payee on a statement, a lender on a payslip's deductions) is not who the document is
#: from, so it is neither named nor offered as the document's creditor.
_THE_CLIENTS_MONEY = frozenset(
    {DocumentClass.BANK_STATEMENT, DocumentClass.PAYSLIP, DocumentClass.BENEFIT_AWARD}
)

ROLE_KNOWN = "in your creditor directory"
ROLE_READ = "read from the letter"
ROLE_FORMAT = "fits the creditor's reference format"
ROLE_LEARNED = "shaped like the references of this creditor's other debts"
#: The most words a reference is printed in ("4929 1234 5678 9012").
_REFERENCE_WORDS = 4
#: Punctuation around a reference that is not part of it ("(ref 1234)", "1234.").
_OUTER = " .,;:()[]\"'"


def name_key(name: str) -> tuple[str, ...]:
    """The words that tell one creditor from another: lower case, letters and figures
    only, ``&`` as "and", without a leading "the" or trailing legal words ("Ltd",
    "Limited", "plc", "& Co")."""
    tokens = _name_tokens(name)
    while tokens and tokens[-1] in _LEGAL:
        tokens.pop()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return tuple(tokens)


def _name_tokens(text: str) -> list[str]:
    """The words of a name as keys compare them: lower case, letters and figures, ``&``
    as "and"."""
    return _TOKEN.findall(text.lower().replace("&", " and "))


@frozen
class _Printed:
    creditor: Creditor
    page: int
    words: tuple[Word, ...]


@frozen
class Recognition:
    """What the letter is recognised as (``recognise``): the extraction with its creditor
    named as the directory names it, and that directory creditor (``None`` if none) — whose
    format, if any, the reference is then checked by (``checked_reference``). A caller
    learns that one creditor's format between the two steps."""

    extraction: Extraction
    creditor: Creditor | None


def recognise(
    extraction: Extraction, pages: Sequence[PageText], directory: Sequence[Creditor]
) -> Recognition:
    """``extraction`` with its creditor recognised in ``directory`` (see the module);
    unchanged when the directory is empty or names nothing the letter holds."""
    return Recognition(*_recognise(extraction, pages, directory))


def checked_reference(
    recognition: Recognition,
    pages: Sequence[PageText],
    patterns: PatternEngine | None,
    learned: LearnedFormat | None = None,
) -> Extraction:
    """The recognised extraction with its reference checked against the recognised
    creditor's format, where ``patterns`` can run it: the directory's where set, else
    ``learned``, the format learned from the centre's debts owed to that creditor
    (``cma_core.debts.formats``; the adviser's, where set, wins)."""
    extraction, creditor = recognition.extraction, recognition.creditor
    if creditor is None or patterns is None:
        return extraction
    if creditor.reference_pattern is not None:
        return _reference_by_format(
            extraction, creditor.reference_pattern, pages, patterns, ROLE_FORMAT
        )
    if learned is None:
        return extraction
    return _reference_by_format(
        extraction,
        learned.pattern,
        pages,
        patterns,
        ROLE_LEARNED,
        also_fits=learned.seen,
        replace=not _two_parties(extraction),
    )


def recognise_creditor(
    extraction: Extraction,
    pages: Sequence[PageText],
    directory: Sequence[Creditor],
    patterns: PatternEngine | None = None,
    *,
    learned_formats: Mapping[CreditorId, LearnedFormat] | None = None,
) -> Extraction:
    """Both steps at once (``recognise``, then ``checked_reference``), with the formats
    learned from the centre's debts given by creditor (``learned_formats``)."""
    recognition = recognise(extraction, pages, directory)
    creditor = recognition.creditor
    learned = (learned_formats or {}).get(creditor.id) if creditor is not None else None
    return checked_reference(recognition, pages, patterns, learned)


def _two_parties(extraction: Extraction) -> bool:
    """Whether the letter is about one debt held by two parties — a notice of assignment
    (the seller and the buyer), an enforcement agent's notice (the agent and the creditor
    it acts for), any letter naming the creditor the debt began with — and so may print
    both parties' numbers for it. The centre's debts may hold either party's number for
    the creditor, so a format learned from them does not overrule the reference read
    there; the value that fits it is offered beside it."""
    return extraction.original_creditor is not None or extraction.document_class in (
        DocumentClass.NOTICE_OF_ASSIGNMENT,
        DocumentClass.ENFORCEMENT_AGENT_NOTICE,
    )


def _recognise(
    extraction: Extraction, pages: Sequence[PageText], directory: Sequence[Creditor]
) -> tuple[Extraction, Creditor | None]:
    """The extraction with its creditor recognised, and the directory creditor it now
    names (``None`` if none)."""
    keyed = _keyed(directory)
    if not keyed or extraction.document_class in _THE_CLIENTS_MONEY:
        return extraction, None
    read = extraction.creditor_name
    if read and (known := _known(read, directory, keyed)) is not None:
        return _named(extraction, known, read, pages), known
    others = {name_key(v) for v in (extraction.original_creditor, extraction.payer_name) if v}
    printed = [p for p in _printed(pages, keyed) if name_key(p.creditor.name) not in others]
    if not printed:
        return extraction, None
    if read is None and extraction.document_class in _FROM_A_CREDITOR:
        first = printed[0]
        chosen = _evidence(first, chosen=True)
        filled = evolve(
            extraction,
            creditor_name=first.creditor.name,
            evidence=(*extraction.evidence, chosen, *_alternatives(printed[1:])),
        )
        return filled, first.creditor
    return evolve(extraction, evidence=(*extraction.evidence, *_alternatives(printed))), None


def _reference_by_format(
    extraction: Extraction,
    pattern: str,
    pages: Sequence[PageText],
    patterns: PatternEngine,
    role: str,
    *,
    also_fits: Iterable[str] = (),
    replace: bool = True,
) -> Extraction:
    """A reference read that does not fit the creditor's format (or none read) replaced by
    the one the pages print that does, if exactly one does; the read one kept as an
    alternative. A reference that fits (as read or without its spaces; ``pattern`` or one
    of ``also_fits``), or a format the engine cannot run, leaves it. Without ``replace``, a
    read reference stays chosen and the one that fits is only offered beside it."""
    if patterns.problem(pattern):
        return extraction
    read = extraction.account_reference
    if read is not None and reference_fits((pattern, *also_fits), read, patterns):
        return extraction
    fitting = _fitting(pages, pattern, patterns)
    if len({normalise_reference(value) for value, _, _ in fitting}) != 1:
        return extraction
    value, page, box = fitting[0]
    if read is not None and not replace:
        offered = FieldEvidence(
            field="account_reference", value=value, page=page, box=box, role=role, chosen=False
        )
        return evolve(extraction, evidence=(*extraction.evidence, offered))
    chosen = FieldEvidence(
        field="account_reference", value=value, page=page, box=box, role=role, chosen=True
    )
    evidence = tuple(
        evolve(e, chosen=False) if e.field == "account_reference" and e.chosen else e
        for e in extraction.evidence
    )
    return evolve(extraction, account_reference=value, evidence=(*evidence, chosen))


def _fitting(
    pages: Sequence[PageText], pattern: str, patterns: PatternEngine
) -> list[tuple[str, int, Box | None]]:
    """Every run of up to ``_REFERENCE_WORDS`` words on one line that fits ``pattern`` as
    printed or with its spaces taken out ("4929 1234 5678 9012" for ``\\d{16}``), outer
    punctuation set aside: ``(value, page, box)`` in reading order."""
    out: list[tuple[str, int, Box | None]] = []
    for page in pages:
        lines: Iterable[Sequence[tuple[str, Word | None]]] = (
            [[(w.text, w) for w in line] for line in page_lines(page.words)]
            if page.words
            else [[(t, None) for t in text.split()] for text in page.text.splitlines()]
        )
        for line in lines:
            for start in range(len(line)):
                for size in range(1, min(_REFERENCE_WORDS, len(line) - start) + 1):
                    run = line[start : start + size]
                    printed = " ".join(t for t, _ in run).strip(_OUTER)
                    for value in dict.fromkeys((printed, printed.replace(" ", ""))):
                        if value and patterns.fullmatch(pattern, value):
                            words = [w for _, w in run if w is not None]
                            box = box_around(w.box for w in words) if words else None
                            out.append((value, page.number, box))
                            break
    return out


def _keyed(directory: Iterable[Creditor]) -> dict[tuple[str, ...], Creditor]:
    """Directory creditors by key; the first of a key wins (the directory lists by name)."""
    out: dict[tuple[str, ...], Creditor] = {}
    for creditor in directory:
        key = name_key(creditor.name)
        if key:
            out.setdefault(key, creditor)
    return out


def _known(
    read: str, directory: Sequence[Creditor], keyed: dict[tuple[str, ...], Creditor]
) -> Creditor | None:
    """The directory creditor ``read`` names: spelt the same (ignoring case), else with
    the same key, else with the same key but for one OCR slip in one long word."""
    wanted = read.strip().casefold()
    for creditor in directory:
        if creditor.name.strip().casefold() == wanted:
            return creditor
    key = name_key(read)
    if not key:
        return None
    if key in keyed:
        return keyed[key]
    close = [c for other, c in keyed.items() if _one_slip(key, other)]
    return close[0] if len(close) == 1 else None


def _one_slip(read: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """Whether two keys are the same words but for one word of at least
    ``_SHORTEST_SLIP`` letters read with one letter wrong, missing or extra, once the
    figures OCR takes for letters are read as those letters ("Lowe11" for "Lowell") and
    the pairs of letters it takes for one letter as that letter ("Ousebum" for "Ouseburn").
    Another firm's name differs by more ("Tamworth" and "Haworth": two letters)."""
    if len(read) != len(known):
        return False
    differing = [(a, b) for a, b in zip(read, known, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = (_shape(w) for w in differing[0])
    return min(len(a), len(b)) >= _SHORTEST_SLIP and _one_edit(a, b)


def _shape(word: str) -> str:
    """The word as OCR's usual confusions leave it: figures read as the letters they look
    like, and a pair of letters read as the one letter it looks like."""
    word = word.translate(_SHAPES)
    for pair, one in _PAIRS:
        word = word.replace(pair, one)
    return word


def _one_edit(a: str, b: str) -> bool:
    """At most one letter changed, dropped or added between ``a`` and ``b``."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _named(
    extraction: Extraction, creditor: Creditor, read: str, pages: Sequence[PageText]
) -> Extraction:
    """The read creditor named as the directory names it; where the spelling differs, the
    read one stays as an alternative."""
    if creditor.name == read:
        return extraction
    evidence = []
    for e in extraction.evidence:
        if e.field == "creditor_name" and e.chosen:
            evidence.append(evolve(e, value=creditor.name, role=ROLE_KNOWN))
            evidence.append(evolve(e, chosen=False, role=ROLE_READ, score=0.0))
        else:
            evidence.append(e)
    if not any(e.field == "creditor_name" and e.chosen for e in extraction.evidence):
        page = pages[0].number if pages else 1
        evidence.append(
            FieldEvidence(
                field="creditor_name", value=creditor.name, page=page, role=ROLE_KNOWN, chosen=True
            )
        )
    return evolve(extraction, creditor_name=creditor.name, evidence=tuple(evidence))


def _printed(pages: Sequence[PageText], keyed: dict[tuple[str, ...], Creditor]) -> list[_Printed]:
    """Each directory creditor printed on the pages, once, in reading order where first
    printed: the longest name that starts at a word wins ("Lowell Financial" over
    "Lowell"), and a name may run on to the next line."""
    longest = max(len(k) for k in keyed)
    seen: set[tuple[str, ...]] = set()
    out: list[_Printed] = []
    for page in pages:
        tokens = _tokens(page)
        start = 0
        while start < len(tokens):
            step = 1
            for size in range(min(longest, len(tokens) - start), 0, -1):
                key = tuple(t for t, _ in tokens[start : start + size])
                creditor = keyed.get(key)
                if creditor is None:
                    continue
                while start + size < len(tokens) and tokens[start + size][0] in _SUFFIXES:
                    size += 1  # "Ltd", "plc": the box takes in the name as printed
                if key not in seen:
                    seen.add(key)
                    words = _distinct(w for _, w in tokens[start : start + size])
                    out.append(_Printed(creditor=creditor, page=page.number, words=words))
                step = size
                break
            start += step
    return out


def _tokens(page: PageText) -> list[tuple[str, Word | None]]:
    """The page's words as name tokens in reading order, each with the word it is in
    (``None`` for a page read as text only, with no word boxes)."""
    if page.words:
        words: Iterable[tuple[str, Word | None]] = (
            (word.text, word) for line in page_lines(page.words) for word in line
        )
    else:
        words = ((text, None) for text in page.text.split())
    return [(token, word) for text, word in words for token in _name_tokens(text)]


def _distinct(words: Iterable[Word | None]) -> tuple[Word, ...]:
    out: list[Word] = []
    for w in words:
        if w is not None and (not out or out[-1] is not w):
            out.append(w)
    return tuple(out)


def _evidence(printed: _Printed, *, chosen: bool) -> FieldEvidence:
    return FieldEvidence(
        field="creditor_name",
        value=printed.creditor.name,
        page=printed.page,
        box=box_around(w.box for w in printed.words) if printed.words else None,
        role=ROLE_KNOWN,
        chosen=chosen,
    )


def _alternatives(printed: Iterable[_Printed]) -> tuple[FieldEvidence, ...]:
    return tuple(_evidence(p, chosen=False) for p in printed)
