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

import attrs

from cma_adapters.rules_assistant.layout import Cell, Hit, Layout, cell_above, norm_words
from cma_adapters.rules_assistant.lookalike import (
    CLAIM_LETTERS,
    NOUGHT_LETTERS,
    REFERENCE_LETTERS,
    as_figures,
)
from cma_core.documents.model import Word

# The words that give a telephone's number before it: "Telephone 0300 123 1057", "Tel: 01632
# 960 411", "Tel no. 0161 …", "call us on 0800 …", "Call 0345 …", "Textphone 18001 …" —
# never the client's account (rounds 11 and 46, one pattern since round 57: the reference's
# score here and the ranker's ``phoned``).
TEL_BEFORE = re.compile(
    r"\b(?:tel(?:ephone)?|phone|mobile|fax|freephone|helpline|textphone|minicom"
    r"|call(?: us)?(?: on)?|(?:call|ring|text|phone) (?:us |them |me )?(?:free )?on)\b\.?"
    r"(?:\s+(?:no\.?|number))?\s*[:.]?\s*$",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\b(?:at|with|held by|used by) the (?:council|court|local authority|authority"
    r"|magistrates|lender|original (?:creditor|lender))\b|\bcouncil'?s (?:ref|reference|account)"
)
_IDENTIFIES = re.compile(
    r"\b(?:card|file|loan|policy|plan|membership|contract) (?:no|number|ref|reference)\b"
)


# A UK telephone's number: eleven figures from 01, 02, 03, 07 or 08, grouped as telephone
# numbers are or not ("01632 960 411", "0300 123 1057"; round 54), or from any 0 where the
# figures are in a telephone's groups ("0345 601 2290", "01291 881 700"; round 11).
_PHONE_SHAPED = re.compile(r"0[12378]\d{9}")
_PHONE_GROUPS = re.compile(r"0\d{2,4}(?:[ -]?\d{3,4}){1,2}")


def phone_shaped(value: object) -> bool:
    """Whether ``value`` is a telephone's number by its figures alone (``_PHONE_SHAPED``)."""
    return (
        isinstance(value, str)
        and re.fullmatch(r"[\d ]+", value) is not None
        and _PHONE_SHAPED.fullmatch(value.replace(" ", "")) is not None
    )


def _phone_grouped(value: str) -> bool:
    # (printed in a telephone's groups: an account number may be ten figures from 0, run
    # together)
    grouped = bool(re.search(r"[ -]", value))
    return grouped and bool(_PHONE_GROUPS.fullmatch(value)) and len(re.sub(r"\D", "", value)) == 11


def reference_kinds(hit: Hit, label: str) -> float:
    """The change to a reference candidate's score from the kinds above (``label``: the
    label cell's lower-cased words)."""
    from cma_adapters.rules_assistant.values import REFERENCE

    value = next(iter(REFERENCE.finditer(hit.text)), None)
    change = 0.0
    if value is not None:
        if _phone_grouped(value.group()):
            change -= 3.0
        if TEL_BEFORE.search(hit.text[: value.start()]):
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


# -- round 12 -------------------------------------------------------------------------------
# Kinds of reading added in round 12 (T's misses, read by kind):
#
# * a heading or an e-mail's subject is a clause, not a name, even when an organisation's
#   word is in it ("Your Westray card account is overdue");
# * the sender's registered name, in the sentence a firm must print ("X Ltd is registered
#   in England and Wales", "X is authorised by the FCA"), is its full name, and a name
#   printed elsewhere without its legal form ("From: X <…>") is the same organisation;
# * a clock time ("16:38" after a date) is no amount;
# * an amount said to be behind with a currency code after it ("£1.00 GBP in arrears")
#   or behind on a named account ("in rent arrears"); an amount a sentence says is what
#   is overdue ("The sum overdue is £X"); an arrears letter's whole loan said in the body
#   ("the balance of your mortgage is £X") is not the arrears;
# * a value alone in its cell of a side panel is not the subject of the label printed
#   under it (the next value's), and a value printed after its own label ("Suggested
#   payment: £X") is not the value of a label above it.

_CLAUSE = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|shall|can|cannot|must|may|please|we|you"
    # (what state a debt is in, in lower case: "Water charges still owing", round 16)
    r"|still|owing|unpaid|overdue|outstanding)\s"
)


def is_clause(name: str) -> bool:
    """Whether a span read as a name is a clause: a lower-case verb or pronoun between its
    words ("Your Westray card account is overdue", "Payments we have received"), or a
    heading that says what is owed ("Water and sewerage charges still unpaid")."""
    return bool(_CLAUSE.search(f" {name} "))


def clock_time(m: re.Match[str]) -> bool:
    """Whether a ``fields.MONEY`` match is a clock time ("16:38", "9:05"): one or two
    figures, a colon, two figures, no currency before it (OCR's colon for a decimal point
    is read only after "£" or "GBP")."""
    if m.group("cur") is not None or m.group("p") is None:
        return False
    n = m.group("n")
    return (
        m.string[m.end("n") : m.end("n") + 1] == ":"
        and n.isdigit()
        and len(n) <= 2
        and int(n) <= 23
        and m.group().lstrip()[:1].isdigit()
    )


# The sentence a firm prints under its registered name: "X Ltd is registered in England
# and Wales (no. …)", "X plc is authorised and regulated by …", "X is a registered
# society / a charity registered in …"; its address (ending in a postcode or a number)
# may stand between the name and the verb ("X Society, Quay Road, Hull HU1 1AA, is
# authorised by …"), or the name may be a sentence of its own before the registration
# ("X Ltd. Registered in England and Wales no. …", "X Ltd, Registered office: …"), round 18.
_REGISTERED = re.compile(
    r"^(?P<name>[A-Z][^,;:<>@]{2,80}?)"
    r"(?:(?:,\s+[^,;:<>@.]{2,60}){0,3},\s+[^,;:<>@.]{0,40}\d[^,;:<>@.]{0,20},?"
    r"(?=\s+(?:is|are)\s))?"
    r"(?:\s+(?:is|are)\s+"
    r"(?:registered\b|authorised\b|regulated\b|incorporated\b"
    r"|an?\s+(?:[\w-]+\s+){0,5}?(?:company|society|charity|partnership|association|bank)\b"
    r"[^.]{0,40}?\b(?:registered|regulated|authorised|incorporated)\b)"
    r"|[.,]\s+[Rr]egistered\s+(?:in\b|[Oo]ffice\b|(?:[Cc]ompany\s+)?(?:[Nn]umber|[Nn]o)\b))"
)


def registered_name(text: str) -> str | None:
    """The name a cell's text opens with when the sentence is the firm's registration."""
    m = _REGISTERED.match(text.strip())
    return m.group("name").strip() if m else None


_LEGAL_FORM = re.compile(r"(?:\s+(?:Ltd|Limited|plc|PLC|LLP|Limited Liability Partnership))\.?$")


def fuller_form(short: str, full: str) -> bool:
    """Whether ``full`` is ``short`` with its legal form ("X Services" → "X Services
    Ltd"): the same organisation, the fuller name the one to keep."""
    return full.casefold().startswith(short.casefold() + " ") and bool(
        _LEGAL_FORM.fullmatch(full[len(short) :])
    )


def first_words_lost(short: str, full: str) -> bool:
    """Whether ``short`` (two words or more) is ``full`` without its first one to three
    capitalised words ("Vale District Council" of "North Downs Vale District Council"): a
    name OCR broke at its start, where a line of the body was torn by the scan, that a
    label names whole (round 34)."""
    words, whole = short.split(), full.split()
    extra = whole[: len(whole) - len(words)]
    return (
        len(words) >= 2
        and 1 <= len(extra) <= 3
        and [w.casefold() for w in whole[len(extra) :]] == [w.casefold() for w in words]
        and all(w[:1].isupper() and w.isalpha() for w in extra)
    )


# "Your mortgage is £1.00 GBP in arrears", "£1.00 in rent arrears", "£1.00 overdue"
ARREARS_AFTER = re.compile(r"\s*(?:GBP\s+)?(?:in (?:\w+ ){0,2}arrears|overdue|behind)\b", re.I)
# "The amount overdue is", "The sum now owing comes to", "The arrears on the account stand at"
STATED_BEFORE = re.compile(
    r"\b(?:the|your) (?:amount|sum|balance|total|arrears)(?: (?:now|still|currently))?"
    r" (?:overdue|past due|outstanding|owing|owed|due|unpaid|in arrears|behind|to pay)"
    r"(?: (?:on|for) (?:the|your|this) \w+)?"
    r" (?:is|are|was|stands? at|comes? to|totals?)\s*$"
    # what a bill or an invoice itself comes to or asks for: "This bill comes to £X",
    # "What this bill asks for £X", "Your invoice totals £X" (round 30)
    r"|\b(?:what )?(?:this|your|the) (?:bill|invoice)(?: now)?"
    r" (?:comes? to|totals?|amounts? to|asks? (?:you )?for|is for)\s*$",
    re.I,
)


def last_sentence(before: str) -> str:
    """``before`` from the start of its last sentence (what the sentence before says is
    of something else)."""
    ends = list(re.finditer(r"[.!?]\s+(?=[A-Z])", before))
    return before[ends[-1].end() :] if ends else before


def whole_loan_said(before: str) -> bool:
    """An amount the body says is the whole loan's: "the balance of your mortgage is"."""
    words = " ".join(re.sub(r"[^a-z0-9' ]+", " ", last_sentence(before).lower()).split())
    return bool(_WHOLE_DEBT.search(words)) and "arrears" not in words


# An amount in words just before its figures in brackets: "owe eight hundred and two
# pounds and ten pence (£802.10)".
_IN_WORDS = re.compile(
    r"(?:\b[a-z]+(?:-[a-z]+)?\s+){1,14}?(?:pounds?|pence)(?:\s+and\s+(?:[a-z]+(?:-[a-z]+)?\s+){1,4}?pence)?"
    r"\s*\(\s*$",
    re.I,
)
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand)\b",
    re.I,
)


def in_words_before(before: str) -> str:
    """``before`` without an amount in words that the figures after it restate, so what
    the sentence says of the amount is read from before the words."""
    m = _IN_WORDS.search(before)
    if m is None or not _NUMBER_WORD.search(m.group()):
        return before
    # (the words start at the first number word of the match)
    first = _NUMBER_WORD.search(m.group())
    assert first is not None
    return before[: m.start() + first.start()]


# How an amount is paid, not that it is an instalment: "£900.00 … by monthly instalments"
# (the words after an amount are read 30 characters long: "by monthly in" is cut short)
BY_INSTALMENTS = re.compile(r"\b(?:by|in|through) (?:\w+ )?in(?:s(?:t\w*)?)?\b")


# -- round 13 -------------------------------------------------------------------------------

# A running balance carried over to the next page: "Carried to next sheet", "Carried
# forward", "c/f", "Continued overleaf", "To next page". What the table carries is an
# interim balance, not what is owed at its end.
_CARRIED = re.compile(
    r"\bcarried\s+(?:forward|over|to\s+(?:the\s+)?next\s+(?:sheet|page))\b"
    r"|\bc/f\b|\bcontinued\s+(?:overleaf|on\s+(?:the\s+)?next\s+(?:sheet|page))\b"
    r"|\bto\s+(?:the\s+)?next\s+(?:sheet|page)\b",
    re.I,
)
_TO_NEXT = re.compile(r"\bnext\s+(?:sheet|page)\b|\boverleaf\b", re.I)


def carried_over(row_text: str, continues_later: bool) -> bool:
    """Whether a running balance's last row carries the balance to a later page: a row
    that says so in full ("Carried to next sheet", "Continued overleaf"), or one that says
    "carried forward"/"c/f" when a later page holds the table's continuation. (A lone
    "Balance carried forward" that ends a one-page statement is its closing balance.)"""
    m = _CARRIED.search(row_text)
    if m is None:
        return False
    return continues_later or bool(_TO_NEXT.search(m.group()))


def without_letter_o(claim: str) -> str:
    """A county court's claim number ("K00MC123", "3QZ10485") as printed uses the figure 0,
    never the letter O, so an O that OCR read in one (beside letters, where nothing tells
    the two apart: "Y00CR725" read "YOOCR725") is the figure. For the number alone, not a
    Scottish or tribunal case number between slashes."""
    return as_figures(claim, CLAIM_LETTERS) if re.search(r"\d", claim) else claim


# A table's ruled border that OCR reads as a character of the cell beside it: "Balance |",
# "| Date", "Balance I" (a vertical rule read as a capital I or a small L).
_RULE = re.compile(r"^\s*[|¦]\s*|\s*[|¦]\s*$|\s+[Il]\s*$")


def without_rule(text: str) -> str:
    """A header cell's text without a table rule OCR read beside it."""
    return _RULE.sub("", text).strip()


_MONEY_LIKE = re.compile(r"(?:£|GBP|[Ef$])?\s?\d[\d,. ]*(?:\s?(?:Dr|Cr|DR|CR|D|C|-|CR\.|DR\.))?")


def is_figure(text: str) -> bool:
    """A table cell that holds a figure ("713.07 Dr", "£1,204.50", "GBP 96.10 |"), not a
    sentence under the table that runs across its columns ("Arrears of £713.07 remain
    …"): the last row of a column is a row of the table."""
    rest = _MONEY_LIKE.sub(" ", without_rule(text))
    return len(rest.split()) <= 1


_AMOUNT_AFTER = re.compile(r"£|\bGBP\b|\d\.\d\d\b")


def own_clause(context: str, value: str) -> str:
    """The words a sentence says of one amount when another follows it in a clause of its
    own: "The arrears are now £4,120.55, against a monthly payment of £310.00" says
    "monthly" of the £310.00, not of the arrears. The sentence is cut at the end of the
    value's clause (a comma, semicolon or full stop after it, or "and", "but", "while"
    before the next amount) when an amount follows."""
    at = context.find(value)
    if at < 0:
        return context
    end = at + len(value)
    if value.rstrip()[-1:] in ",;":
        stop = 0
    else:
        # (or at "and", "but", "while" that open a clause of another amount: "arrears of
        # £300.00 and a total balance of £1,204.55", round 22)
        m = re.search(r"[,;]|\.(?:\s|$)|\s(?:and|but|while|whereas)\s(?=\D*£)", context[end:])
        if m is None:
            return context
        stop = m.start()
    return context[: end + stop] if _AMOUNT_AFTER.search(context[end + stop :]) else context


# -- round 14 -------------------------------------------------------------------------------

_BOX_NUMBER = re.compile(r"\d{1,2}\.?")
# (what OCR makes of a box's border or a speck beside its number: "a", "'fs", ".")
_BOX_SPECK = re.compile(r"[^\d£A-Z]{1,3}|[a-z][^\d£\s]{0,2}")
_KEY_ENTRY = re.compile(r"(\d{1,2})[.):]?\s+([^\d£|][^£|]*?)\s*$")


def _box_key(layout: Layout) -> dict[str, tuple[int, Cell]]:
    """A key that explains numbered boxes, entry by entry ("1  Claim number   2  Form
    issued", "3 Who is claiming"): box number -> (its row, the words that say what the box
    holds). An entry is a small number followed by words without figures, in the number's
    cell or in the cell after it. A line of the key holds two or more entries, or one
    next to another line of entries (a key in one column, or its last line): a lone "3
    Saltings Row" in an address is no key."""
    lines: list[list[tuple[str, Cell]]] = []
    for row in layout.rows:
        entries: list[tuple[str, Cell]] = []
        c = 0
        while c < len(row):
            cell = row[c]
            m = _KEY_ENTRY.fullmatch(cell.text)
            if _BOX_NUMBER.fullmatch(cell.text) and c + 1 < len(row):
                after = row[c + 1]
                if not re.search(r"\d|£", after.text) and re.search(r"[A-Za-z]", after.text):
                    entries.append((cell.text.rstrip("."), after))
                    c += 2
                    continue
            elif m is not None and len(cell.words) >= 2:
                entries.append((m.group(1), attrs.evolve(cell, words=cell.words[1:])))
            c += 1
        if not all(_is_key_cell(label) for _, label in entries):
            entries = []
        lines.append(entries)
    key: dict[str, tuple[int, Cell]] = {}
    for r, entries in enumerate(lines):
        beside = (r > 0 and lines[r - 1]) or (r + 1 < len(lines) and lines[r + 1])
        if len(entries) >= 2 or (entries and beside):
            for number, label in entries:
                key.setdefault(number, (r, label))
    return key


def _is_key_cell(cell: Cell) -> bool:
    """Words saying what a box holds: no figures, a word of three letters or more (not a
    speck OCR read of a box's border)."""
    return (
        len(cell.words) <= 8
        and not re.search(r"\d|£", cell.text)
        and bool(re.search(r"[A-Za-z]{3}", cell.text))
    )


def keyed_boxes(layout: Layout) -> Layout:
    """Numbered boxes whose meaning a key elsewhere on the page gives ("1  2  3" over a
    row of values, and under them "Key: 1 Claim number  2 Date issued  3 …"): each box
    number is replaced by the key's words for it, printed where the number was, so the
    value under it reads as the value of a label above it. A row of box numbers is a row
    of small numbers (past specks OCR read of the boxes), each over a value in its column
    in the next row; at least two
    of the page's box numbers must be explained by the key (otherwise it is a table of
    figures, left alone)."""
    key = _box_key(layout)
    if len(key) < 2:
        return layout
    tolerance = 0.04 * layout.width
    rows = list(layout.rows)
    changed = False
    for r, row in enumerate(layout.rows):
        if not row or r + 1 >= len(rows):
            continue
        # (a row of small numbers, past what OCR read of the boxes' borders)
        numbers = [c for c in row if _BOX_NUMBER.fullmatch(c.text)]
        if not numbers or any(
            not _BOX_NUMBER.fullmatch(c.text) and not _BOX_SPECK.fullmatch(c.text) for c in row
        ):
            continue
        if any(key.get(c.text.rstrip("."), (r, None))[0] == r for c in numbers):
            continue  # (the key's own numbers)
        values = layout.rows[r + 1]
        if layout.row_tops[r + 1] - layout.row_tops[r] > 3.2 * layout.line_height:
            continue
        new_row = []
        lefts = sorted(c.left for c in numbers)
        for cell in row:
            entry = key.get(cell.text.rstrip("."))
            # (a value flush under its number, or anywhere in its box: right of its number
            # and left of the next box's, round 41)
            ends = [x for x in lefts if x > cell.left]
            end = ends[0] if ends else layout.width
            under = any(
                abs(v.left - cell.left) <= tolerance or cell.left < v.left < end - tolerance
                for v in values
            )
            if entry is None or not under:
                new_row.append(cell)
                continue
            new_row.append(_moved(entry[1], cell))
            changed = True
        rows[r] = tuple(new_row)
    return attrs.evolve(layout, rows=tuple(rows)) if changed else layout


def _moved(label: Cell, to: Cell) -> Cell:
    """The key's words for a box, set where the box's number is printed."""
    dx = to.left - label.left
    dy = to.box.top - label.box.top
    words = tuple(
        attrs.evolve(
            w,
            box=attrs.evolve(w.box, left=w.box.left + dx, top=w.box.top + dy),
        )
        for w in label.words
    )
    return Cell(page=to.page, row=to.row, words=words)


# A National Insurance number printed in its groups ("QQ 12 34 56 C"), as the benefit
# offices and the tax credits office print their reference: two letters, three pairs of
# figures and a letter A-D.
# (its letter glued to the last pair by OCR, "QX 12 34 56C", round 39)
NI_NUMBER = r"\b[A-Z]{2} \d{2} \d{2} \d{2} ?[A-D]\b"
# The letters a reference's first group may be ("XYZ 4047 4756"): capitals, not a word of
# the label or the line it is printed on.
_PREFIX = re.compile(r"(?:^|(?<=[\s:]))([A-Z]{2,4}) $")
_NOT_PREFIX = frozenset(
    re.findall(
        r"\w+",
        "TEL FAX BOX REF NO NOS AC ACC ACCT PO TO AT ON OF BY FOR AND THE YOUR OUR IS NUM MOB"
        " DX VAT UK GB",
    )
)


def letter_prefix(text: str, start: int) -> str:
    """The capitals a reference printed in groups opens with, as a word of their own
    ("Supply no.: XYZ 4047 4756" is "XYZ 4047 4756"), or "": not a word of a label or a
    line ("TEL", "REF", "NO", "BOX")."""
    m = _PREFIX.search(text[:start])
    if m is None or m.group(1) in _NOT_PREFIX:
        return ""
    return m.group(1) + " "


# Capitals as a word of their own before one run of five to nine figures ("QRS 40471",
# "QRS 404711234"): a reference whose figures are not printed in groups (round 15; nine
# figures since round 34, a supply account's number; not ten, "UTR 1234567890" is a label
# and a taxpayer's reference); its sentence may end after it
# ("Account no.: QRS 40471. Arrears ...": a full stop, then a space or the end, no figure;
# round 30).
# (or two runs of capitals joined by a hyphen, a scheme's and a kind's letters: "QB-RC
# 40471120", round 39)
_LETTERED = re.compile(
    r"(?:^|(?<=[\s:(]))([A-Z]{2,4}(?:-[A-Z]{2,4})?) (\d{5,9})(?![\d,/-]|\.\S| ?\d)"
)


def lettered_number(text: str) -> tuple[int, str] | None:
    """Where a reference of capitals and one run of figures ("Stores account QRS 40471")
    starts in ``text``, and the reference; not a label's or a line's word before a number
    ("TEL 01632", "BOX 40471")."""
    for m in _LETTERED.finditer(text):
        if m.group(1) not in _NOT_PREFIX:
            return m.start(), f"{m.group(1)} {m.group(2)}"
    return None


# A label's own relative clause, read as its value when the label cell runs on ("Lender
# who made the loan", "Company that bought it"): no name starts so.
_RELATIVE = re.compile(r"(?:who|whom|whose|which|that|where)\b", re.I)


def relative_clause(name: str) -> bool:
    """Whether a would-be name is a label's relative clause ("WHO MADE THE LOAN")."""
    return bool(_RELATIVE.match(name))


# On a notice of assignment the lender is the one who lent (and sold the debt): "Lender",
# "Lender who made the loan", "Lending company". The new owner is named "new lender",
# "current lender" or "lender now".
_LENDER_LABEL = re.compile(r"(?:the )?lend(?:er|ing)\b(?! now)", re.I)


def lender_label(label: str | None) -> bool:
    """Whether a creditor's label names the lender as such (not a new or current one)."""
    return bool(label and _LENDER_LABEL.match(label.strip()))


# A court's order is headed with the court's name after "In the": "In the Northampton
# County Court", "IN THE X MAGISTRATES' COURT".
_IN_THE_COURT = re.compile(r"^in the (?=(?:[\w'’.-]+ ){0,5}?(?:court|tribunal)\b)", re.I)


def in_the_court(name: str) -> str:
    """A court's name without the "In the" that heads its order."""
    return _IN_THE_COURT.sub("", name)


def label_before(hit: Hit) -> str:
    """A label cell's words up to the value read in it ("Made on" of "Made on 3 May 2026
    by the court"): what follows the value is said of something else. The whole cell when
    the value is elsewhere."""
    if hit.place == "same":
        at = hit.context.find(hit.text)
        if at > 0:
            return hit.context[:at]
    return hit.context


_DEADLINE_WORDS = re.compile(
    r"\b(?:due|by|before|deadline|no later than|pay(?:able)?|last|latest|final)\b", re.I
)


def beside_deadline(layout: Layout, r: int, cell: Cell) -> bool:
    """Whether a date alone in its cell is the value of a deadline's label to its left on
    the same row ("Whole sum due by  |  3 June 2026") or just above it in its column (a
    box's label over its value): not the letter's own date."""
    row = layout.rows[r]
    index = row.index(cell)
    labels = [row[index - 1].text] if index > 0 else []
    above = cell_above(layout, r, cell)
    if above is not None:
        labels.append(above.text)
    # (or in the date's own cell, its label before it: a record's key and value on one
    # line, '"settle_the_account_by": "4 May 2026"', its words joined by underscores,
    # round 32)
    # (a label's colon ends it: a sentence with "by" before a date is no label)
    own = re.match(r"[^\d]*", cell.text)
    if own and re.search(r"[A-Za-z]{2}", own.group()) and re.search(r":[\s\"'“]*$", own.group()):
        labels.append(" ".join(norm_words(own.group())))
    return any(
        not re.search(r"\d", label) and bool(_DEADLINE_WORDS.search(label)) for label in labels
    )


# -- round 14: OCR --------------------------------------------------------------------------

_GLUED_DATE = re.compile(
    r"(?:to|from|on|at|by|until|til|dated?)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I
)


def glued_date(value: str) -> bool:
    """A date OCR read joined to the word before it ("to21/12/25", "FROM03.04.26"): no
    reference."""
    return bool(_GLUED_DATE.fullmatch(value))


_SPLIT_POUNDS = re.compile(r"(£\s?\d{1,2}) (\d{1,2},\d{3}(?:\.\d\d)?\b)")


# (or inside a group after the thousands comma, "£13,91 5.74" for "£13,915.74", round 21;
# OCR's space before that comma too, both splits in one amount: "£3 ,27 4.18" for
# "£3,274.18", round 49)
_SPLIT_GROUP = re.compile(r"(£\s?\d{1,3}(?: ?,\d{3})*) ?,(\d{1,2}) (\d{1,2})(?=\.\d\d\b)")


# (or before the thousands comma, "£2 ,318.45" for "£2,318.45", round 43)
_SPACED_COMMA = re.compile(r"(£\s?\d{1,3}) (?=,\d{3}(?:,\d{3})*\.\d\d\b)")


def rejoined_pounds(text: str) -> str:
    """An amount OCR split inside its first group of figures ("£1 4,741.79" for
    "£14,741.79"): rejoined when the two parts make a first group of two or three figures
    before the thousands comma; or inside a later group, when the two parts make its three
    figures ("£13,91 5.74", round 21); or before its thousands comma ("£2 ,318.45", round
    43)."""
    text = _SPACED_COMMA.sub(r"\1", text)
    text = _SPLIT_GROUP.sub(
        lambda m: (
            re.sub(r" (?=,)", "", m.group(1)) + "," + m.group(2) + m.group(3)
            if len(m.group(2)) + len(m.group(3)) == 3
            else m.group()
        ),
        text,
    )
    return _SPLIT_POUNDS.sub(
        lambda m: (
            m.group(1) + m.group(2)
            if len(re.sub(r"\D", "", m.group(1))) + len(m.group(2).split(",")[0]) <= 3
            else m.group()
        ),
        text,
    )


_TRAILING_MINUS = re.compile(r"[-−](?![\d£-])")


def trailing_minus(text: str, end: int) -> bool:
    """Whether an amount ending at ``end`` carries its minus after it, as accounting
    stationery prints a credit ("Payments received  41.65-"): not a range ("£40-£50",
    "40-50") nor a dash that runs on to a word."""
    rest = text[end:]
    return bool(_TRAILING_MINUS.match(rest)) and not re.match(r"[-−]\s*[A-Za-z]", rest)


_TO_DATE = re.compile(
    r"\b(?:pay|paid|earnings|earned|gross|income|salary|wages?|taxable)\b"
    r"(?:\s+\w+){0,2}\s+(?:to date\b"
    # (since the tax year began, however it says so: "Gross since April", "Pay since 6
    # April", "Earnings since the start of the tax year", "Gross this tax year": round 15)
    r"|since (?:\d{1,2}(?:st|th)? )?(?:april|apr)\b|since the (?:start|beginning) of the"
    r"|(?:this|the) tax year\b)"
)


def cumulative_pay(label: str) -> bool:
    """Whether a payslip's label names a running total since the tax year began in words
    other than "year to date": "Gross pay to date", "Taxable earnings to date"."""
    return bool(_TO_DATE.search(label.lower()))


_LOST_LEAD = re.compile(r"(?:£|GBP)[^\s\d]*[A-Za-z*][^\s\d]*,\s?$")


def lost_figures(text: str, start: int) -> bool:
    """Whether the figures of an amount starting at ``start`` follow a thousands comma
    that has no figure between it and the pound sign ("£AXKA, 922.94" for "£***4,922.94":
    OCR read the asterisks of a protected amount and its first figure as letters): only
    the last group is left, and the amount is not read from it."""
    return bool(_LOST_LEAD.search(text[max(0, start - 12) : start]))


# A payslip's deduction named first, a payment word after it in brackets: "Pension (net
# pay)", "Superannuation (net pay arrangement)", "NIC (employee share)" (round 15).
_DEDUCTION_FIRST = re.compile(
    r"\b(?:pension|superannuation|ni|nic|national insurance|student loan|union|paye"
    r"|salary sacrifice|deduction)s?\b[^()]{0,20}\((?=[^()]*\bnet\b)",
    re.I,
)


def deduction_named(label: str) -> bool:
    """Whether an income label (as printed) is a deduction named first, "net" only in its
    brackets ("Pension (net pay)")."""
    return bool(_DEDUCTION_FIRST.search(label))


# What a name is printed with in brackets after it, saying what the debt is: "Fellbeck
# Council (unpaid parking penalty PN4471)". Not a bracket within the name, before its legal
# form ("Tanner (UK) Ltd") (round 15).
_BRACKET_AFTER = re.compile(
    r"(?P<name>\S.*?)\s+\((?=[^()]*[a-z0-9])(?![^()]*\)\s*(?:Ltd|Limited|plc|PLC|LLP)\b)"
)


def bracket_after_name(name: str) -> str:
    """A would-be name without what it is printed with in brackets after it."""
    m = _BRACKET_AFTER.match(name)
    return m.group("name") if m else name


# A bank's sort code named in a label: "Sort code", "Sorting code", "S/C", "Bank details".
SORT_LABEL = re.compile(r"\bsort(?:ing)?\b|\bs/c\b|\bbank\b|\bbranch\b", re.I)
_PAIRS = re.compile(r"\b\d\d-\d\d-\d\d\b")


def sort_code_beside(layout: Layout, r: int, cell: Cell) -> bool:
    """Whether figures printed in dashed pairs ("30-09-26") are a sort code, not a date with
    a two-digit year: its label, to its left on its row or just above it in its column,
    names a sort code (round 15). The date parser checks the text before them in the same
    cell itself."""
    if not _PAIRS.search(cell.text):
        return False
    row = layout.rows[r]
    index = row.index(cell)
    labels = [row[index - 1]] if index > 0 else []
    above = cell_above(layout, r, cell)
    if above is not None:
        labels.append(above)
    return any(SORT_LABEL.search(label.text) for label in labels)


# A definitions clause ('"the Claimant" means Acme Ltd;', '"our Client" means …'), as
# lawyers' and courts' letters open: the defined term, in quotes, then "means" and what it
# stands for. (round 17)
_QUOTES = "\"'“”‘’"
_TERM_ARTICLE = re.compile(r"(?i)(?:the|our|your|this)")
_TERM_JOIN = re.compile(r"of|and|for|to|on|in|by|under")


def defined_terms(layout: Layout) -> Layout:
    """A definitions clause read as labels: each '"the Term" means Value;' is set as
    "Term: Value" (the value's own words where they are printed), and where the body uses
    a term so defined ("If you do not respond by the Response Date"), the term's words are
    replaced by its value's, so a sentence reads as if the value were written in it. Only
    terms defined on the page itself, matched with their capitals as defined."""
    terms: dict[tuple[str, ...], tuple[Word, ...]] = {}
    defining: set[tuple[int, int]] = set()
    rows = list(layout.rows)
    changed = False
    for r, row in enumerate(layout.rows):
        new_row = []
        for cell in row:
            found = _definition(cell.words)
            if found is None:
                new_row.append(cell)
                continue
            term, value = found
            texts = tuple(w.text for w in term)
            terms.setdefault(texts, value)
            label = (*term[:-1], attrs.evolve(term[-1], text=term[-1].text + ":"))
            new_row.append(Cell(page=cell.page, row=cell.row, words=(*label, *value)))
            defining.add((r, len(new_row) - 1))
            changed = True
        rows[r] = tuple(new_row)
    if not terms:
        return layout
    for r, row in enumerate(rows):
        new_row = []
        for c, cell in enumerate(row):
            words = cell.words if (r, c) in defining else _substituted(cell.words, terms)
            if words is not cell.words:
                changed = True
                cell = Cell(page=cell.page, row=cell.row, words=words)
            new_row.append(cell)
        rows[r] = tuple(new_row)
    return attrs.evolve(layout, rows=tuple(rows)) if changed else layout


def _definition(words: tuple[Word, ...]) -> tuple[tuple[Word, ...], tuple[Word, ...]] | None:
    """The term's words (unquoted, without its article) and the value's words (without the
    clause's closing mark) of a cell that is one definition, or None."""
    start = next((i for i, w in enumerate(words) if w.text[:1] in _QUOTES), None)
    if start is None or start > 1:  # (after a clause number "(a)" at most)
        return None
    end = next(
        (j for j in range(start, min(len(words), start + 6)) if words[j].text[-1:] in _QUOTES
         and (j > start or len(words[j].text) > 1)),
        None,
    )  # fmt: skip
    if end is None or end + 2 >= len(words) or words[end + 1].text.lower() != "means":
        return None
    term = [attrs.evolve(w, text=w.text.strip(_QUOTES)) for w in words[start : end + 1]]
    term = [w for w in term if w.text]
    if term and _TERM_ARTICLE.fullmatch(term[0].text):
        term = term[1:]
    if not term or not all(
        w.text[:1].isupper() or (0 < i < len(term) - 1 and _TERM_JOIN.fullmatch(w.text))
        for i, w in enumerate(term)
    ):
        return None  # (a term is capitalised: "the Date of Service")
    value = list(words[end + 2 :])
    last = value[-1].text.rstrip(";.,")
    if not last:
        value = value[:-1]
    else:
        value[-1] = attrs.evolve(value[-1], text=last)
    if not value:
        return None
    return tuple(term), tuple(value)


def _substituted(
    words: tuple[Word, ...], terms: dict[tuple[str, ...], tuple[Word, ...]]
) -> tuple[Word, ...]:
    """``words`` with each use of a defined term (its words as defined, a possessive or a
    closing mark after it kept) replaced by the value's words, set where the term was."""
    out: list[Word] = []
    i = 0
    changed = False
    while i < len(words):
        for term, value in terms.items():
            n = len(term)
            if i + n > len(words):
                continue
            here = words[i : i + n]
            if any(a.text != b for a, b in zip(here[:-1], term[:-1], strict=True)):
                continue
            tail = here[-1].text
            if not tail.startswith(term[-1]) or not re.fullmatch(
                r"(?:'s|’s)?[.,;:)]*", tail[len(term[-1]) :]
            ):
                continue
            if tail.endswith(("'s", "’s")):
                continue  # (a possessive names another thing: "the Claimant's Reference")
            dx = here[0].box.left - value[0].box.left
            dy = here[0].box.top - value[0].box.top
            moved = [
                attrs.evolve(v, box=attrs.evolve(v.box, left=v.box.left + dx, top=v.box.top + dy))
                for v in value
            ]
            rest = tail[len(term[-1]) :]
            if rest:
                moved[-1] = attrs.evolve(moved[-1], text=moved[-1].text + rest)
            if i > 0 and out and _TERM_ARTICLE.fullmatch(out[-1].text):
                out.pop()  # ("the Response Date": the article goes with the term)
            out.extend(moved)
            i += n
            changed = True
            break
        else:
            out.append(words[i])
            i += 1
    return tuple(out) if changed else words


def figure_read_as_letter(value: str, text: str) -> str | None:
    """A reference OCR read with look-alike letters beside its figures ("ROJO944",
    "PEQ7430013", "AK1S02274"), printed with the figure there elsewhere on the page
    ("ROJ0944", "PE07430013", in a file's name, a table or a counterfoil): the reference as
    printed with the figure. A reference the page never prints so keeps its letters ("PO12345"
    is no "P012345"). Round 27 read an O beside a figure as a nought so; round 52 every
    letter of ``REFERENCE_LETTERS``; round 57 made them one: the noughts first (each O with a
    figure beside it), then every look-alike together, then each alone."""

    def beside_figure(start: int, end: int) -> bool:
        return (start > 0 and value[start - 1].isdigit()) or (
            end < len(value) and value[end].isdigit()
        )

    places = [
        i
        for run in re.finditer("[" + REFERENCE_LETTERS + "]+", value)
        if beside_figure(run.start(), run.end())
        for i in range(run.start(), run.end())
    ]
    noughts = [i for i in places if value[i] in NOUGHT_LETTERS and beside_figure(i, i + 1)]
    upper = text.upper()
    tried = set()
    for chosen in [noughts] + ([places] if len(places) > 1 else []) + [[i] for i in places]:
        fixed = "".join(
            as_figures(c, REFERENCE_LETTERS) if i in chosen else c for i, c in enumerate(value)
        )
        if not chosen or fixed in tried:
            continue
        tried.add(fixed)
        if re.search(r"(?<![A-Z0-9])" + re.escape(fixed) + r"(?![A-Z0-9])", upper):
            return fixed
    return None


def space_read_in(value: str, text: str) -> str | None:
    """``value`` and the short run of letters or figures after it, where ``text`` prints
    them with a space between ("KQ-58 304") and elsewhere joined ("KQ-58304"): a space OCR
    read inside one reference (round 36). Else ``None``."""
    if len(value) < 3:
        return None
    # (the run after the space may go on in groups: "4410-552 107-31", round 36)
    run = r"([A-Z0-9]{1,6}(?:[-/][A-Z0-9]{1,6}){0,2})"
    after = re.search(rf"(?<![\w/-]){re.escape(value)} {run}(?![\w/-])", text, re.I)
    if after is None:
        return None
    joined = value + after.group(1)
    return (
        joined.upper()
        if re.search(rf"(?<![\w/-]){re.escape(joined)}(?![\w/-])", text, re.I)
        else None
    )


def stroke_read_as_letter(value: str, text: str) -> str | None:
    """A reference OCR read with its slash as an I, a 1 or an l between its letters and
    its figures ("KWR1550217" for "KWR/550217"), printed with the slash elsewhere on the
    page: the reference as printed (round 36). A reference the page never prints so keeps
    what was read."""
    for m in re.finditer(r"(?<=[A-Z])[I1l|](?=\d)|(?<=\d)[I1l|](?=[A-Z\d])", value):
        fixed = value[: m.start()] + "/" + value[m.end() :]
        pattern = r"(?<![A-Z0-9/])" + re.escape(fixed) + r"(?![A-Z0-9/])"
        if re.search(pattern, text.upper()):
            return fixed
    return None
