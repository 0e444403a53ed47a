"""The letters OCR reads for figures, in one table, and which of them each reading admits
(round 57: rounds 17, 27 and 52, the statement reader and the table reader each kept a
table of their own for the same idea).

``FIGURE_FOR`` is every look-alike the readers know and the figure it stands for. A
reading admits a named part of it, never the whole: what a letter beside a figure is
depends on what is printed there, so the parts differ on purpose (each says why)."""

from __future__ import annotations

import functools

FIGURE_FOR = {
    "O": "0",
    "o": "0",
    "Q": "0",
    "D": "0",
    "I": "1",
    "l": "1",
    "L": "1",
    "|": "1",
    "S": "5",
    "B": "8",
    "Z": "2",
    "G": "6",
}

# A reference (read in capitals): O, Q and D a nought, I and L a one, S a five, B an eight,
# Z a two, G a six (round 52; the O is round 27's). A reference prints capitals beside its
# figures, so a capital beside one may be either: the page must print it with the figure
# elsewhere (``fields_kinds.figure_read_as_letter``). No lower case: a reference is upper-cased.
REFERENCE_LETTERS = "OQDILSBZG"
# A reference's noughts alone (round 27): an O beside a figure, tried first, as round 27 did.
NOUGHT_LETTERS = "O"
# An amount after its pound sign and a date's figures (round 52): O and o a nought, I, l and
# a bar a one, S a five, B an eight. Lower case and a bar are read there, in running text;
# not Q, D, Z, G or L: a date's figures stand beside a month's capitals ("4DEC2026",
# "12AUG2026", "JUL") and a row's amount beside its "DR" or a "GBP", which are no figures;
# round 52 measured these seven only.
NUMBER_LETTERS = "OoIl|SB"
# A lone letter before figures, the first of its word, that makes an amount without its
# currency sign a misread one ("Net pay S74.79", round 17): capitals and an l; no lower-case
# o and no bar (round 17's table, kept as it was: none was seen there).
GLUED_LETTERS = "SOIlBZG"
# A statement row's date (its day's and month's figures, beside a figure): a nought or a
# one only. Not S: September's name glued to its day begins with one ("15SEP" would read
# "155EP"); not B, which the statement reader never read (kept as it was, round 57).
ROW_DATE_LETTERS = "OoIl|"
# A table row's key in its first column ("O1", "l2": a line number), the whole cell read:
# a nought or a one, no bar (a table's rule beside the key, "|7", is the rule's).
KEY_LETTERS = "OoIl"
# A county court's claim number never prints the letter O (``fields_kinds.without_letter_o``).
CLAIM_LETTERS = "O"


@functools.cache
def _table(letters: str) -> dict[int, str]:
    return str.maketrans({c: FIGURE_FOR[c] for c in letters})


def as_figures(text: str, letters: str) -> str:
    """``text`` with the look-alike ``letters`` (one of the parts above) read as the figures
    they stand for (``FIGURE_FOR``)."""
    return text.translate(_table(letters))
