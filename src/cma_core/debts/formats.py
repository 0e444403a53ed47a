"""A creditor's reference format learned from the references of its recorded debts.

An adviser may type a creditor's reference format into the directory
(``Creditor.reference_pattern``), but few do. The centre's own debts already show it:
every debt owed to a creditor carries that creditor's account reference, and a creditor
numbers its accounts one way ("12345678", "AB1234567C", "LO/123456"). Where a centre
holds at least two references of a creditor and most of them have one shape, that shape
is the creditor's format, written as a pattern a ``PatternEngine`` runs: each run of
figures and of letters by its length, anything else as printed (spaces set aside: a
reference is printed with or without them, "4929 1234 5678 9012").

Only the shape is learned, never a value: a format says how long and of what a reference
is, and says nothing of whose account it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from cma_core.debts.ports import PatternEngine

#: Fewer references than this teach no format (one may be a typo, or an odd account).
MIN_REFERENCES = 2
#: The share of a creditor's references that must have the most usual shape.
MIN_AGREEMENT = 0.75
#: A run of figures, of letters, or one other character (ASCII figures and letters only:
#: RE2's ``[0-9]`` matches no other script's figures, so those are written as printed).
_RUN = re.compile(r"[0-9]+|[A-Za-z]+|[^0-9A-Za-z]")
_FIGURES = frozenset("0123456789")


def reference_fits(patterns: Iterable[str], reference: str, engine: PatternEngine) -> bool:
    """Whether ``reference``, as written or without its spaces ("4929 1234 5678 9012"),
    fits one of ``patterns`` in full (run by ``engine``: RE2, linear time)."""
    values = dict.fromkeys((reference.strip(), "".join(reference.split())))
    return any(engine.fullmatch(p, v) for p in patterns for v in values)


def reference_shape(reference: str) -> str | None:
    """The pattern of references shaped like ``reference`` — figures and letters by the
    length of each run, other characters as printed, spaces left out: ``"AB12 3456/7"`` ->
    ``[A-Za-z]{2}[0-9]{6}/[0-9]{1}``. ``None`` for a reference with no figure (a word or a
    name is no account number)."""
    compact = "".join(reference.split())
    if not any(ch in _FIGURES for ch in compact):
        return None
    parts = []
    for run in _RUN.findall(compact):
        if run[0] in _FIGURES:
            parts.append(f"[0-9]{{{len(run)}}}")
        elif run.isascii() and run.isalpha():
            parts.append(f"[A-Za-z]{{{len(run)}}}")
        elif run.isascii():
            parts.append("\\" + run)
        else:
            parts.append(run)
    return "".join(parts)


@frozen
class LearnedFormat:
    """A creditor's format learned from its references: ``pattern``, the shape most of
    them have, and ``seen``, every shape any of them has. A reference read off a letter
    that has one of the ``seen`` shapes is like one the centre already holds for this
    creditor (a debt bought in keeps the seller's number; an account opened before a
    renumbering keeps its old one), and is not put aside for one of ``pattern``."""

    pattern: str
    seen: frozenset[str]
    example: str
    """``pattern`` as an adviser reads it: a letter for each letter, a 9 for each figure
    ("AA-999999")."""
    references: int
    """How many of the creditor's references have ``pattern``'s shape."""

    def fits(self, reference: str, engine: PatternEngine) -> bool:
        """Whether ``reference`` (as written or without its spaces) has ``pattern``'s shape
        or another the centre holds for this creditor."""
        return reference_fits((self.pattern, *self.seen), reference, engine)


def learned_reference_format(references: Iterable[str | None]) -> LearnedFormat | None:
    """The format of a creditor's references (see the module): the shape at least
    ``MIN_REFERENCES`` different references have, and at least ``MIN_AGREEMENT`` of all of
    them; ``None`` when the references are too few or disagree."""
    distinct: dict[str, str | None] = {}
    for reference in references:
        if reference and reference.strip():
            key = "".join(reference.split()).casefold()
            distinct.setdefault(key, reference_shape(reference))
    shapes = Counter(distinct.values())
    if not shapes:
        return None
    shape, count = shapes.most_common(1)[0]
    if shape is None or count < MIN_REFERENCES or count < MIN_AGREEMENT * len(distinct):
        return None
    example = next(_example(k) for k, s in distinct.items() if s == shape)
    return LearnedFormat(shape, frozenset(s for s in shapes if s is not None), example, count)


def _example(reference: str) -> str:
    """A reference's shape as an adviser reads it: letters as "A", figures as "9"."""
    return "".join(
        "9" if ch in _FIGURES else "A" if ch.isascii() and ch.isalpha() else ch for ch in reference
    )
