"""Each value's box is where it is printed: a value read from a sentence is boxed by its
own words, not by its whole line (the adviser checks it at a glance on the page image)."""

from __future__ import annotations

import asyncio

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_core.documents.model import Box, PageSource, PageText, Word

LINES = (
    "Harbourside Home Credit Ltd",
    "Date: 3 November 2026",
    "Account number: HH-7730291",
    "Dear Ms Ellery,",
    "We wrote to you about your account. The outstanding balance is now £1,206.40, including",
    "charges. Please contact us by 24 November 2026 to agree a way to pay.",
)


def page(lines: tuple[str, ...]) -> PageText:
    """Words set in a fixed-width face: 12 pixels a character, a line every 40."""
    words = []
    for row, line in enumerate(lines):
        x = 100
        for text in line.split(" "):
            words.append(
                Word(
                    text=text,
                    box=Box(left=x, top=100 + 40 * row, width=12 * len(text), height=28),
                    line=row + 1,
                )
            )
            x += 12 * (len(text) + 1)
    return PageText(
        number=1,
        text="\n".join(lines),
        confidence=1.0,
        source=PageSource.TEXT_LAYER,
        words=tuple(words),
        size=(2480, 3508),
    )


def box_of(p: PageText, line: int, *texts: str) -> Box:
    found = [w.box for w in p.words if w.line == line and w.text in texts]
    left, top = min(b.left for b in found), min(b.top for b in found)
    return Box(
        left=left,
        top=top,
        width=max(b.right for b in found) - left,
        height=max(b.bottom for b in found) - top,
    )


def test_a_value_in_a_sentence_is_boxed_by_its_words_not_its_line() -> None:
    p = page(LINES)
    extraction = asyncio.run(RuleBasedAssistant().classify_and_extract(p.text, (p,)))
    chosen = {e.field: e for e in extraction.evidence if e.chosen}
    assert extraction.balance_pence == 120640
    assert chosen["balance_pence"].box == box_of(p, 5, "£1,206.40,")
    assert chosen["deadline_date"].box == box_of(p, 6, "24", "November", "2026")
    # a value beside its label keeps the box of its own word
    assert chosen["account_reference"].box == box_of(p, 3, "HH-7730291")
