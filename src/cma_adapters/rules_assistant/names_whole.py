"""A creditor's name read damaged by OCR, mended from where the letter states it whole (round 51).

OCR damages a name where it is read (one word's letters confused or lost, a legal form
misread and cut off) while
the letter states the same name again, whole, in its body or its footer. Seen across the
read families' OCR scans (round 51):

* the legal form damaged and cut off: "X Card Finance" read from "X Card Finance Lid", where
  the body says "X Card Finance Ltd";
* one word's letters damaged: "Tommpyfield Store Card Ltd" or "Whiston ental Practice Ltd"
  where the text says "Tommyfield Store Card Ltd" and "Whiston Dental Practice Ltd" more
  often than the damaged word.

Each mend needs the whole form written in the text itself: nothing is guessed. (A leading
word lost, "Courts and Tribunals Service" where the footer says "HM Courts and Tribunals
Service", was tried too and dropped: the word before a name is as often a label's or a
sentence's, and the check half's families fell.)
"""

from __future__ import annotations

import re

# A legal form a name may end with.
_LEGAL_FORM = re.compile(r"\s+(?:Ltd|Limited|LLP|PLC|plc)\b\.?$")
_LEGAL_AFTER = r"\s+(Ltd|Limited|LLP|PLC|plc)\b"

_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*")


def _lines(text: str) -> list[str]:
    return [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]


def _with_legal_form(name: str, lines: list[str]) -> str | None:
    """``name`` with the legal form OCR damaged after it ("X Finance Lid"), where the text
    also writes it whole ("X Finance Ltd"): one form only."""
    if _LEGAL_FORM.search(name):
        return None
    head, _, last = name.rpartition(" ")
    if head and last[:1] in "Ll" and _with_legal_form(head, lines) is not None:
        return _with_legal_form(head, lines)  # "X Finance Lid" itself, as read
    whole = re.compile(r"(?<![\w])" + re.escape(name) + _LEGAL_AFTER)
    forms = {m.group(1) for line in lines for m in whole.finditer(line)}
    if len(forms) != 1:
        return None
    form = forms.pop()
    after = re.compile(r"(?<![\w])" + re.escape(name) + r"\s+([Ll][A-Za-z]{1,6})\b")
    damaged = any(
        m.group(1) != form and _distance(m.group(1).lower(), form.lower()) == 1
        for line in lines
        for m in after.finditer(line)
    )
    return f"{name} {form}" if damaged else None


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _one_word_mended(name: str, text: str, lines: list[str]) -> str | None:
    """``name`` with one damaged word as the text writes it more often, where the text
    writes the whole name so (the other words the same, the word one or two letters
    apart)."""
    words = name.split(" ")
    if len(words) < 2:
        return None
    counts: dict[str, int] = {}
    for w in _WORD.findall(text):
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
    mended: set[str] = set()
    for at, word in enumerate(words):
        if len(word) < 4 or not word[0].isalpha():
            continue
        pattern = re.compile(
            r"(?<![\w])"
            + r" ".join(re.escape(w) for w in words[:at])
            + (" " if at else "")
            + r"([A-Z][A-Za-z'&-]{2,})"
            + ("" if at == len(words) - 1 else " ")
            + r" ".join(re.escape(w) for w in words[at + 1 :])
            + r"(?![\w])"
        )
        for line in lines:
            for m in pattern.finditer(line):
                other = m.group(1)
                if other == word or _distance(other.lower(), word.lower()) > 2:
                    continue
                if counts.get(other.lower(), 0) > counts.get(word.lower(), 0):
                    mended.add(" ".join([*words[:at], other, *words[at + 1 :]]))
    return mended.pop() if len(mended) == 1 else None


def stated_whole(name: str | None, text: str) -> str | None:
    """``name`` (a creditor's, as read) as the text states it whole elsewhere: one word's
    damaged letters mended, a damaged legal form written whole; else ``name``."""
    if not name or len(name) < 6 or not name[0].isalpha():
        return name
    lines = _lines(text)
    mended = _one_word_mended(name, text, lines) or name
    return _with_legal_form(mended, lines) or mended
