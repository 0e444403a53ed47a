"""Where a label may start in its cell, past what is printed before it (round 11).

A label is matched at the start of its cell (``layout.find_label_hits``). Four kinds of
form print something first that is not the label:

* a numbered item: "3. Claimant", "(b) Amount of judgment", "2) Pay by" — the number is
  the box's, the label follows it;
* a label asked as a question: "What is my account no.?" — the label is what it asks for
  (round 20); so is a step naming what to have ready: "Have your account number to hand:"
  (round 27);
* a label and its value after a sentence, in a note that records them: "Letter sent to
  the tenant. Rent account: RA-2231" (round 29);
* a label in two languages, one after the other: "Dyddiad / Date", "Montant / Amount
  due" — either version may be the one the reader knows. The slash may be lost (drawn as
  a rule, or dropped by OCR: "Dyddiad Date"), so a second version is also tried where a
  capitalised word follows another word in a cell of words only (no figures, commas or
  full stops between sentences: a label, not a sentence or a value).

``label_starts`` gives the token offsets (in ``norm_words``' tokens) at which to try a
label, best first."""

from __future__ import annotations

import functools
import re

# "3.", "12)", "(b)", "b)", "4.2" at the start of a cell, then a word.
_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})?[.)]|\([a-hA-H]\)|[a-hA-H]\))\s+(?=\S)")
# one version of a label after another: "Welsh / English" (spaces round the slash, so a
# date "01/02/2027" or "N/A" is not split)
_PARALLEL = re.compile(r"\s+/\s+")
# a capitalised word after another word: where a second version may start
_CAPITAL = re.compile(r"(?<=\w)[\s/]+(?=[A-Z][a-z])")
_MAX_LABEL = 14
# a question's opening words: "What is my", "What's your", "Which is the"
_ASKED = re.compile(
    r"\s*(?:what|which)(?:['’]s|\s+(?:is|are|was|were))\s+(?:my|your|the|our|this|his|her"
    r"|their)\s+(?=\S)",
    re.I,
)
# a step that says what to have ready, its label after the verb: "Have your account number
# to hand:", "Keep your claim no. ready:", "Quote your reference:" (round 27)
_READY = re.compile(r"\s*(?:have|keep|quote|give)\s+(?:your|the|this)\s+(?=\S)", re.I)
# a figure, a comma or a sentence's end: the cell is a sentence, or holds its value
_SENTENCE = re.compile(r"\d|[,;]|[a-z]{2}\.\s+[A-Z]")
# a label and its value after a sentence in the same cell, as a log's note or a remark
# adds them: "Statement posted to the tenant. Rent account: RA-2231" (round 29): a
# sentence's end, then words up to a colon (no figure, no full stop), then the value (or
# the cell's end: the value wrapped to the line below)
# (a short form's full stop is no sentence's end: "Rent acc. no.: RA-2231")
_AFTER_SENTENCE = re.compile(
    r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z](?:[^\d.:;!?]|\.(?!\s+[A-Z])){1,48}:(?:\s*\S|\s*$))"
)

# a label and its value in a bracket closing a line, a heading's or a "Re:" line's: "Re:
# Your loan (Our file no.: KX-20417)" (round 39): an opening bracket, words up to a colon
# (no figure), the value, the bracket's close at the cell's end
_BRACKETED = re.compile(r"\((?=[A-Za-z][^\d():]{1,48}:\s*[^()\s][^()]{0,30}\)\s*$)")


def _tokens(text: str) -> int:
    from cma_adapters.rules_assistant.layout import norm_words

    return len(norm_words(text))


@functools.lru_cache(maxsize=16384)
def label_starts(text: str) -> tuple[int, ...]:
    """Token offsets at which a label may start in a cell reading ``text``: past an item's
    number (instead of the cell's start), else the start; then after each " / "."""
    item = _ITEM.match(text)
    starts = [_tokens(item.group()) if item else 0]
    # (a label asked as the reader's question, "What is my claim no.?": what it asks for
    # is the label, past the question's opening words, round 20)
    asked = _ASKED.match(text, item.end() if item else 0)
    if asked:
        starts.append(_tokens(text[: asked.end()]))
    # (a step naming what to have ready: the label is what it names, round 27)
    ready = _READY.match(text, item.end() if item else 0)
    if ready:
        starts.append(_tokens(text[: ready.end()]))
    total = _tokens(text)
    offsets = [_tokens(text[: m.start()]) for m in _PARALLEL.finditer(text)]
    if total <= _MAX_LABEL and not _SENTENCE.search(text[item.end() if item else 0 :]):
        offsets += [_tokens(text[: m.start()]) for m in _CAPITAL.finditer(text)]
    offsets += [_tokens(text[: m.end()]) for m in _AFTER_SENTENCE.finditer(text)]
    offsets += [_tokens(text[: m.end()]) for m in _BRACKETED.finditer(text)]
    for offset in offsets:
        if offset not in starts and 0 < offset < total:
            starts.append(offset)
    return tuple(starts)


# A label of its own before the value in a cell: "Suggested payment: £12.00" (round 12).
_OWN_LABEL = re.compile(r"^[A-Za-z][^\d:£]{1,60}:\s*(?:£|GBP|\d)")


def has_own_label(text: str) -> bool:
    """Whether a cell's text is a label and its value ("Monthly repayment: £65.10"): a
    value printed so belongs to its own label, not to a label in the row above."""
    return bool(_OWN_LABEL.match(text.strip()))
