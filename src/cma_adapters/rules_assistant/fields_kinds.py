"""Kinds of reading added in round 11 (issue 14), kept beside ``fields`` (which is long
enough): how a reference candidate's value and label say whose number it is.

* A telephone number is no account: a value shaped as a UK number (eleven figures from
  0, in groups: "0345 601 2290", "01291 881 700") or printed after "Tel."/"Phone"
  is the sender's line, even when a heading beside it ("Account Services", "Customer
  Care") reads as a reference label.
* A label that places the number with someone else ("Reference at the council", "Ref with
  the court") names a third party's file, not the account the letter is written under.
* A label naming what the number identifies besides an account ("Card number", "File
  no.", "Loan number", "Policy no.") is as good as "Account number"."""

from __future__ import annotations

import re

from cma_adapters.rules_assistant.layout import Cell, Hit, Layout

_PHONE = re.compile(r"0\d{2,4}(?:[ -]?\d{3,4}){1,2}")
_TEL_BEFORE = re.compile(
    r"\b(?:tel|telephone|phone|call(?: us)?(?: on)?|fax|helpline|freephone|mobile)\b\.?:?\s*$",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\b(?:at|with|held by|used by) the (?:council|court|local authority|authority"
    r"|magistrates|lender|original (?:creditor|lender))\b|\bcouncil'?s (?:ref|reference|account)"
)
_IDENTIFIES = re.compile(
    r"\b(?:card|file|loan|policy|plan|membership|contract) (?:no|number|ref|reference)\b"
)


def _phone_shaped(value: str) -> bool:
    # (printed in a telephone's groups: an account number may be ten figures from 0, run
    # together)
    grouped = bool(re.search(r"[ -]", value))
    return grouped and bool(_PHONE.fullmatch(value)) and len(re.sub(r"\D", "", value)) == 11


def reference_kinds(hit: Hit, label: str) -> float:
    """The change to a reference candidate's score from the kinds above (``label``: the
    label cell's lower-cased words)."""
    from cma_adapters.rules_assistant.fields import REFERENCE

    value = next(iter(REFERENCE.finditer(hit.text)), None)
    change = 0.0
    if value is not None:
        if _phone_shaped(value.group()):
            change -= 3.0
        if _TEL_BEFORE.search(hit.text[: value.start()]):
            change -= 2.0
    if _ELSEWHERE.search(label):
        change -= 1.5
    if _IDENTIFIES.search(label):
        change += 1.0
    return change


# The end of a sentence inside a span read as a name: a word of two or more lower-case
# letters, a full stop, a capital ("Zielinska. Blaenau", not "St. Helens" or "J. Smith").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})[.!?]\s+(?=[A-Z])")


def sentence_start(span: str) -> int:
    """Where the last sentence of ``span`` starts (0: it is one sentence). An
    organisation's name is read from there: "Dear Mrs Ellery. Tarn Valley Council has
    written…" names "Tarn Valley Council"."""
    ends = list(_SENTENCE_END.finditer(span))
    return ends[-1].end() if ends else 0


# A role noun whose label goes on to say the party is in the debt's past: "Lender it was
# bought from", "Creditor before the sale", "Company that sold it to us".
_PAST_PARTY = re.compile(
    r"\b(?:bought|purchased|acquired|transferred|assigned)"
    r" (?:it |them |the (?:debt|account|loan) )?from|\bsold (?:it |the debt )?(?:to us )?by"
    r"|\bbefore (?:the )?(?:sale|transfer|assignment)|\b(?:original|previous|former|old)\b"
)
# The writer's principal, named after who the writer is: "Solicitors retained by",
# "Agents instructed by", "We act for" — the name is the client's, the creditor.
_PRINCIPAL = re.compile(
    r"\b(?:(?:retained|instructed|engaged|appointed|employed) by|acting for|act for"
    r"|on behalf of)$"
)


def creditor_kinds(label: str) -> float:
    """The change to a creditor label's score (``label``: the label cell's lower-cased
    words): -4 for a party in the debt's past (it is the original creditor), +0.5 for the
    writer's principal (which a firm's word in the label, "Solicitors", does not
    disqualify); 0 otherwise."""
    if _PAST_PARTY.search(label):
        return -4.0
    if _PRINCIPAL.search(label):
        return 0.5
    return 0.0


# The loan's or the tenancy's whole balance, not what is behind: "Total loan outstanding",
# "Mortgage balance", "Capital owed on the account".
_WHOLE_DEBT = re.compile(
    r"\b(?:(?:loan|mortgage|capital|principal)(?: balance| outstanding| owed| remaining)"
    r"|(?:balance|total|amount) (?:of|on) (?:the|your) (?:loan|mortgage)"
    r"|(?:total|whole|full) (?:loan|mortgage|balance to redeem|redemption))\b"
)


def whole_debt(label: str | None) -> float:
    """On an arrears letter (mortgage, rent): -2 for a figure labelled as the whole
    loan's balance (``label``: the candidate's label text), 0 otherwise."""
    if not label:
        return 0.0
    words = " ".join(re.sub(r"[^a-z0-9' ]+", " ", label.lower()).split())
    return -2.0 if _WHOLE_DEBT.search(words) and "arrears" not in words else 0.0


def body_columns(layout: Layout) -> list[list[Cell]]:
    """The cells read as running text, column by column: every row's first cell (the
    body), and, where the page prints its text twice side by side (a letter in two
    languages), the last cell of each row that holds a phrase (four words or more) — read
    as a column of its own, so its sentences are not cut by the other's."""
    first = [row[0] for row in layout.rows if row]
    beside = [row[-1] for row in layout.rows if len(row) >= 2 and len(row[-1].words) >= 4]
    return [first, beside] if len(beside) >= 2 else [first]
