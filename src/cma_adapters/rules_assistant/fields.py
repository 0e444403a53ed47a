"""Fields read by position and scored: every candidate kept, the best chosen.

A candidate is a value parsed from what ``layout.find_label_hits`` found beside or under
a label, or (weaker) from the letterhead or a sentence of the body. Its score adds what
the label says (a *total* beats an *amount*, an *instalment* or *fee* counts against),
where the value sits (in or beside the label cell beats a sentence), and what the
document class expects. The adviser sees the chosen value and the alternatives with
their roles and boxes (``FieldEvidence``).

The label vocabulary is general: a label *contains* a kind of word ("date", "ref",
"balance", ends in "by"...), not one exact phrase, so labels worded differently from the
corpus's seen families are still recognised.

This module gathers the candidates and chooses; they are found by four others, by what
on the page gives them away: ``values`` (what a date, a sum, a reference or a name looks
like, and ``Candidate``), ``labelled`` (a value beside, below or above its label, and how
each is scored), ``structures`` (tables, running balances, timelines, quoted e-mails,
headings, the letterhead) and ``prose`` (a value in a sentence and what the sentence says
of it). The kinds added by later rounds are in ``fields_kinds``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import attrs

from cma_adapters.rules_assistant.fields_kinds import (
    NI_NUMBER,
    figure_read_as_letter,
    first_words_lost,
    fuller_form,
    lender_label,
    space_read_in,
    stroke_read_as_letter,
    whole_debt,
    without_letter_o,
)
from cma_adapters.rules_assistant.labelled import (
    BALANCE_LABELS,
    BARE_AMOUNT,
    CLAIM_LABELS,
    CREDITOR_LABELS,
    CREDITOR_NAMED_LABELS,
    DEADLINE_LABELS,
    FREQUENCY_LABELS,
    GROSS_LABELS,
    INCLUDED_IN_SUM,
    INCOME_LABELS,
    INCOME_PAID_IN_LABELS,
    JUDGMENT_DAY,
    LETTER_DATE_LABELS,
    ORIGINAL_LABELS,
    PAPER_DONE,
    PAY_DAY,
    PAYER_LABELS,
    PAYER_NAMED_LABELS,
    REFERENCE_LABELS,
    SERVED_LABELS,
    WHOLE_SAID,
    creditor_score,
    date_score_letter,
    deadline_score,
    gross_score,
    income_score,
    labelled_candidates,
    learned_labels,
    money_score,
    reference_score,
)
from cma_adapters.rules_assistant.layout import (
    Cell,
    Layout,
    norm_words,
    union,
)
from cma_adapters.rules_assistant.prose import (
    equated_totals,
    prose_claims,
    prose_deadlines,
    prose_frequency,
    prose_income,
    prose_money,
    prose_references,
    prose_roles,
    prose_served,
    summed_totals,
)
from cma_adapters.rules_assistant.structures import (
    better_read,
    column_totals,
    dated_steps,
    in_quote,
    letterhead,
    monogram,
    paired_references,
    plain_letterhead,
    printed_sum,
    public_payer_lines,
    quote_rows,
    registered,
    remainders,
    role_after_name,
    row_of,
    running_balance,
    running_total_rows,
    section_names,
    signed_by,
    signing_desks,
    starred_rows,
    starred_values,
    subject_references,
    sums_the_column,
    unlabelled_dates,
)
from cma_adapters.rules_assistant.values import (
    ORGANISATION,
    Candidate,
    parse_claim,
    parse_date,
    parse_frequency,
    parse_money,
    parse_name,
    parse_named_creditor,
    parse_named_payer,
    parse_reference,
    pence_cut,
    point_lost,
    pound_read_as_figure,
)
from cma_core.documents.model import Box, DocumentClass, FieldEvidence, evidence_value

C = DocumentClass


def read_fields(
    layouts: Sequence[Layout],
    text: str,
    cls: DocumentClass,
    learned: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, list[Candidate]]:
    """Every candidate per field, best first. ``learned``: a centre's own label words per
    field (``label_learning``)."""
    found: dict[str, list[Candidate]] = {}
    found["letter_date"] = labelled_candidates(
        "letter_date", layouts, LETTER_DATE_LABELS, parse_date, date_score_letter
    )
    found["letter_date"] += unlabelled_dates(layouts)
    found["deadline_date"] = labelled_candidates(
        "deadline_date", layouts, DEADLINE_LABELS, parse_date, deadline_score
    )
    found["deadline_date"] += prose_deadlines(layouts)
    found["served_date"] = labelled_candidates("served_date", layouts, SERVED_LABELS, parse_date)
    found["served_date"] += prose_served(layouts)
    found["balance_pence"] = labelled_candidates(
        "balance_pence", layouts, BALANCE_LABELS, parse_money, money_score, 6
    )
    found["balance_pence"] += prose_money(layouts)
    found["balance_pence"] += running_balance(layouts)
    found["balance_pence"] += summed_totals(layouts)  # (round 21)
    found["balance_pence"] += equated_totals(layouts, text)  # (round 38)
    found["balance_pence"] = [_pound_as_figure(c, text) for c in found["balance_pence"]]
    found["account_reference"] = labelled_candidates(
        "account_reference", layouts, REFERENCE_LABELS, parse_reference, reference_score, 5
    )
    found["account_reference"] += prose_references(layouts)
    found["account_reference"] += paired_references(layouts)
    found["account_reference"] += subject_references(layouts)  # (round 21)
    found["account_reference"] = [_as_printed(c, text) for c in found["account_reference"]]
    # (four words: "Sheriff court case number", the court's kind before it, round 38)
    found["court_claim_number"] = labelled_candidates(
        "court_claim_number", layouts, CLAIM_LABELS, parse_claim, None, 4
    )
    found["court_claim_number"] += prose_claims(layouts)
    # (six words: "Card balance placed with us by", round 42)
    found["creditor_name"] = labelled_candidates(
        "creditor_name", layouts, CREDITOR_LABELS, parse_name, creditor_score, 6
    )
    found["creditor_name"] += labelled_candidates(
        "creditor_name", layouts, CREDITOR_NAMED_LABELS, parse_named_creditor, creditor_score, 5
    )  # (a name without an organisation's word, beside a label that names the creditor)
    found["creditor_name"] += role_after_name(layouts)
    found["creditor_name"] += letterhead(layouts)
    found["creditor_name"] += monogram(layouts)  # (round 15)
    found["creditor_name"] += signed_by(layouts)  # (round 16)
    found["original_creditor"] = labelled_candidates(
        "original_creditor", layouts, ORIGINAL_LABELS, parse_name, None, 5
    )
    found["payer_name"] = labelled_candidates(
        "payer_name", layouts, PAYER_LABELS, parse_name, None, 3
    )
    # (an employer named as such need not print an organisation's word, round 22)
    found["payer_name"] += labelled_candidates(
        "payer_name", layouts, PAYER_NAMED_LABELS, parse_named_payer, None, 4
    )
    found["payer_name"] += letterhead(layouts, field="payer_name")
    if cls is C.PAYSLIP:  # (an employer's plain name heading its slip, round 22)
        found["payer_name"] += plain_letterhead(layouts)
    if cls is C.BENEFIT_AWARD:  # (the paying body named in a footer or closing line, round 23)
        found["payer_name"] += public_payer_lines(layouts)
    found["income_pence"] = labelled_candidates(
        "income_pence", layouts, INCOME_LABELS, parse_money, income_score, 4
    )
    # (five words: "Balance paid to your bank", round 40)
    found["income_pence"] += labelled_candidates(
        "income_pence", layouts, INCOME_PAID_IN_LABELS, parse_money, income_score, 5
    )
    found["income_pence"] += prose_income(layouts)
    found["gross_pence"] = labelled_candidates(
        "gross_pence", layouts, GROSS_LABELS, parse_money, gross_score, 4
    )
    found["gross_pence"] += column_totals(layouts)  # (round 33)
    found["frequency"] = labelled_candidates(
        "frequency", layouts, FREQUENCY_LABELS, parse_frequency, None, 3
    )
    found["frequency"] += prose_frequency(layouts)
    found["creditor_name"] += section_names(layouts)
    for field, candidates in prose_roles(layouts).items():
        found[field] += candidates
    found["creditor_name"] = _fuller_names(found["creditor_name"] + registered(layouts))
    # (a letterhead that names the desk signing the letter is the writer's department: the
    # organisation is named elsewhere, round 18)
    # (papers each said to be sent or posted on a day, "Reminder posted", "Second reminder
    # posted": the account's history of papers, not this letter's date, round 39)
    history = {
        label
        for c in found["letter_date"]
        if PAPER_DONE.fullmatch(label := " ".join(norm_words(c.label or "")))
    }
    if len(history) >= 2:
        _adjust(
            found,
            "letter_date",
            lambda c: -4.0 if " ".join(norm_words(c.label or "")) in history else 0.0,
        )
    desks = signing_desks(layouts)
    _adjust(
        found,
        "creditor_name",
        lambda c: -1.0 if c.role == "letterhead" and str(c.value).casefold() in desks else 0.0,
    )
    for candidate in learned_labels(layouts, learned or {}):
        found[candidate.field].append(candidate)
    # (a total under its column; or, round 26, what a column's run of amounts adds up to
    # printed apart from it, and the run's amounts its parts: ``printed_sum``)
    _adjust(
        found,
        "balance_pence",
        lambda c: 1.5 if sums_the_column(layouts, c) else printed_sum(layouts, c),
    )
    # (a whole, what was paid off it and what is left: the remainder is owed, round 27)
    left = remainders(found["balance_pence"], layouts)
    if left:
        _adjust(found, "balance_pence", lambda c: left.get(c.value, 0.0))
    for candidate in dated_steps(layouts):
        found[candidate.field].append(candidate)
    starred = starred_rows(layouts)
    if starred:
        for candidate in starred_values(layouts, starred):
            found[candidate.field].append(candidate)
        for field in ("balance_pence", "account_reference", "deadline_date"):
            _adjust(found, field, lambda c: starred.get(row_of(layouts, c) or (-1, -1), 0.0))
    running = running_total_rows(layouts)
    if running:
        for field in ("balance_pence", "income_pence", "gross_pence"):
            # (a value with its own label in the row is not the row's: "Year to date ...
            # NET PAY £557.21" on a payslip in two columns)
            _adjust(
                found,
                field,
                lambda c: (
                    -4.0
                    if (row := row_of(layouts, c)) in running and c.label not in running[row]
                    else 0.0
                ),
            )
    quoted = quote_rows(layouts)
    if quoted:
        for field in found:
            _adjust(found, field, lambda c: -8.0 if in_quote(quoted, c) else 0.0)
    for field in ("balance_pence", "income_pence", "gross_pence"):  # (round 25)
        found[field] = [_pence_cut(c, text) for c in found[field]]
        found[field] = [_point_lost(c, text) for c in found[field]]  # (round 30)
    _by_class(found, cls)
    if cls is C.NOTICE_OF_ASSIGNMENT:  # (round 14) the lender lent and sold the debt
        lent = [c for c in found["creditor_name"] if c.role is None and lender_label(c.label)]
        found["creditor_name"] = [c for c in found["creditor_name"] if c not in lent]
        found["original_creditor"] += [attrs.evolve(c, field="original_creditor") for c in lent]
    _roles(found, cls)
    for field in ("creditor_name", "original_creditor", "payer_name"):
        found[field] = better_read(found[field], layouts)  # (round 16)
    return {k: sorted(v, key=lambda c: (-c.score, c.order)) for k, v in found.items()}


def _pound_as_figure(c: Candidate, text: str) -> Candidate:
    """An amount whose "£" OCR read as a figure (an 8, round 20; a 5, round 36), printed
    with its "£" elsewhere on the page, reads the amount."""
    if not c.shown or "£" in c.shown:
        return c
    value = pound_read_as_figure(c.shown, text)
    return c if value is None else attrs.evolve(c, value=value)


def _as_printed(c: Candidate, text: str) -> Candidate:
    """A reference as the page prints it elsewhere, where OCR misread it beside its label:
    its nought read as an O (round 27), or another figure as its look-alike letter (round
    52); then cut short by a space OCR put inside it
    ("KQ-58 304" read as "KQ-58", printed whole as "KQ-58304"), or its slash read as a
    letter or a figure ("KWR1550217" for "KWR/550217"; both round 36)."""
    if not isinstance(c.value, str):
        return c
    value = c.value
    nought = figure_read_as_letter(value, text)  # (rounds 27 and 52, one since round 57)
    if nought is not None:
        value = nought
    whole = space_read_in(value, text)
    if whole is None:
        whole = stroke_read_as_letter(value, text)
    if whole is not None:
        value = whole
    return c if value == c.value else attrs.evolve(c, value=value)


def _pence_cut(c: Candidate, text: str) -> Candidate:
    """An amount whose second pence figure OCR lost ("£412.7"), printed whole elsewhere on
    the page ("£412.71"), reads the whole amount (round 25)."""
    value = pence_cut(c.shown, text) if c.shown else None
    return c if value is None else attrs.evolve(c, value=value)


def _point_lost(c: Candidate, text: str) -> Candidate:
    """An amount whose decimal point OCR lost ("£78420"), printed with its point elsewhere
    on the page ("£784.20"), reads the pointed amount (round 30)."""
    value = point_lost(c.shown, text) if c.shown else None
    return c if value is None else attrs.evolve(c, value=value)


def _adjust(
    found: dict[str, list[Candidate]], field: str, change: Callable[[Candidate], float]
) -> None:
    found[field] = [attrs.evolve(c, score=c.score + change(c)) for c in found[field]]


def _writer_words(found: dict[str, list[Candidate]]) -> set[str]:
    """The words of the writer's own name, as its best letterhead (or agent's) name prints
    it, without its organisation's words: "X Y Debt Purchase Ltd" → x, y (round 39)."""
    heads = [
        c
        for c in found["creditor_name"]
        if c.role in ("letterhead", "collection agent") and isinstance(c.value, str)
    ]
    head = max(heads, key=lambda c: c.score, default=None)
    return {
        w for w in norm_words(ORGANISATION.sub(" ", str(head.value) if head else "")) if len(w) >= 4
    }


_NI_UNSPACED = re.compile(r"[A-Z]{2}\d{6}[A-D]")


def _by_class(found: dict[str, list[Candidate]], cls: DocumentClass) -> None:
    """What a label means depends on who writes and why.

    * "Our ref" is the writer's own file: on a collection agent's or solicitor's letter
      the account is the client's number beside it ("Client ref", "Agreement number");
      on an enforcement agent's notice the agent's reference *is* the one to pay under.
    * On a notice of assignment the "agreement number" is the original lender's; the new
      owner's "customer/account number" is the one the debt now runs under.
    * On a mortgage or rent arrears letter the arrears are the debt, not the loan's or
      the tenancy's whole balance.
    * A value read as a court claim number is not also the account reference."""
    claims = {c.value for c in found["court_claim_number"] if c.score >= 3}
    # (the writer's own words, from its letterhead's best name, for a notice of assignment:
    # "X Y Debt Purchase Ltd" → x, y, round 39)
    writer = _writer_words(found) if cls is C.NOTICE_OF_ASSIGNMENT else set()
    if cls not in (C.COURT_CLAIM_N1, C.COUNTY_COURT_JUDGMENT):
        claims = set()  # "Case no" on a bailiff's notice is its reference

    def reference(c: Candidate) -> float:
        label = " ".join(norm_words(c.label or ""))
        change = 0.0
        if re.match(r"our (?:ref|reference)\b", label):
            change += 0.5 if cls is C.ENFORCEMENT_AGENT_NOTICE else -1.0
        # an enforcement agent's case number is the one to pay under (the council's or
        # creditor's own account, named in the body, is its history)
        # (or its case named after the agent, "X Bailiffs case", "X case no.", round 39)
        if cls is C.ENFORCEMENT_AGENT_NOTICE and (
            re.match(r"(?:our )?case (?:number|no|ref)", label)
            or re.fullmatch(r"(?:[a-z'&]+ ){1,3}case(?: (?:number|no|ref|reference))?", label)
        ):
            change += 1.5
        # A solicitor's or agent's own file reference: labelled as theirs ("Creditor's
        # solicitors' reference") or printed after the firm's name ("X LLP   Ref …").
        firm = re.search(
            r"\b(?:solicitors?|representative'?s?|agent'?s?|llp|ltd|limited|plc)\b", label
        )
        if firm and cls is not C.ENFORCEMENT_AGENT_NOTICE and re.search(r"\bref", label):
            change -= 2.5
        # On a notice of assignment the new owner's number is the one: "your new account
        # number", "your account number with them"; the old one is history.
        if cls is C.NOTICE_OF_ASSIGNMENT:
            if re.search(
                r"\b(?:new|with them|with the new|with us|on our (?:books|records))\b", label
            ) or (
                (m := re.search(r"\b(?:with|at) ([a-z' ]+)$", label))
                and set(m.group(1).split()) & writer
            ):
                change += 2.0
            # (and the number the account had "before the sale", "prior to the transfer")
            if re.search(
                r"\b(?:previous|old|original|former)\b"
                r"|\b(?:before|prior to) (?:the )?(?:sale|transfer|assignment)\b",
                label,
            ):
                change -= 2.5
        if cls is C.NOTICE_OF_ASSIGNMENT and re.search(r"\bagreement\b", label):
            change -= 1.5
        # (OCR's letter O in the claim number named in the body: round 14)
        if c.value in claims or without_letter_o(str(c.value)) in claims:
            change -= 3.0
        # A claim or a judgment names the account in its particulars ("under account
        # reference X", "account number X"): that beats the claimant's own "ref", which
        # is its (or its solicitor's) file reference.
        if cls in (C.COURT_CLAIM_N1, C.COUNTY_COURT_JUDGMENT) and c.role == "in the body":
            change += 1.0 if c.score >= 2.4 else 0.0
        # A benefit office's demand for an overpayment is kept under the claimant's
        # National Insurance number, labelled as such (an employer's "NI number" is not an
        # account; round 41)
        if (
            cls is C.OVERPAYMENT
            and re.search(r"\b(?:national insurance|ni)(?: number| no)?\b", label)
            # (printed without its spaces too, "AB123456C", round 43)
            and (re.fullmatch(NI_NUMBER, str(c.value)) or _NI_UNSPACED.fullmatch(str(c.value)))
        ):
            change += 4.0
        return change

    _adjust(found, "account_reference", reference)
    # (the day the pay was paid dates a payslip; on any other paper, "Paid on" is the day a
    # payment was made, the account's history: round 29)
    if cls is not C.PAYSLIP:
        _adjust(found, "letter_date", lambda c: -4.0 if c.role == PAY_DAY else 0.0)
    # (the day the judgment was entered dates the judgment's own paper, whose account's
    # events it would otherwise be: round 43)
    if cls is C.COUNTY_COURT_JUDGMENT:
        _adjust(found, "letter_date", lambda c: 4.0 if c.role == JUDGMENT_DAY else 0.0)
    if cls is C.PAYSLIP:  # a payslip's "Amount" column holds every line's amount
        _adjust(
            found,
            "income_pence",
            lambda c: -2.0 if BARE_AMOUNT.fullmatch(" ".join(norm_words(c.label or ""))) else 0.0,
        )
    if cls in (C.MORTGAGE_ARREARS, C.RENT_ARREARS):
        _adjust(
            found,
            "balance_pence",
            # (arrears said in the body are the debt here: as strong as a labelled figure)
            lambda c: (
                (1.5 if re.search(r"\barrears\b", (c.label or c.role or "").lower()) else 0.0)
                + (0.8 if c.role == "arrears in the body" else 0.0)
                + whole_debt(c.label)
                # (the whole loan said in the body is not the arrears either: round 12)
                - (2.0 if c.role == "whole loan in the body" else 0.0)
            ),
        )


def _fuller_names(candidates: list[Candidate]) -> list[Candidate]:
    """A name and the same name with its legal form ("X Services", "X Services Ltd") are
    one organisation: the fuller name takes the better score of the two (round 12); so are
    a name beside a label and the same name in the body without its first words (round
    34)."""
    out = []
    for c in candidates:
        if not isinstance(c.value, str):
            out.append(c)
            continue
        shorter = [
            o.score
            for o in candidates
            if isinstance(o.value, str)
            and (
                fuller_form(o.value, c.value)
                # (a name given whole beside a label, named in the body without its first
                # words, which the scan tore off a line: round 34)
                or (c.label is not None and o.label is None and first_words_lost(o.value, c.value))
            )
        ]
        out.append(attrs.evolve(c, score=max(c.score, max(shorter) + 0.05)) if shorter else c)
    return out


def _roles(found: dict[str, list[Candidate]], cls: DocumentClass) -> None:
    """Name the alternatives an adviser needs to tell apart."""
    found["balance_pence"] = [
        attrs.evolve(c, role=c.role or _money_role(c.label or "")) for c in found["balance_pence"]
    ]
    found["creditor_name"] = [
        attrs.evolve(c, role=c.role or ("creditor" if c.label else None))
        for c in found["creditor_name"]
    ]


def _money_role(label: str) -> str | None:
    # (a fee a total says it includes is no fee's: "Total with fee and costs", round 25)
    lowered = INCLUDED_IN_SUM.sub(" ", label.lower())
    if re.search(r"instalment|per month|monthly|weekly|repayment", lowered):
        return "instalment"
    if re.search(r"\bfee\b", lowered):
        return "fee"
    if re.search(r"liability order", lowered):
        return "liability order amount"
    # (the whole said otherwise: "Claimed in all", round 42)
    # (or its whole: "Whole sum claimed", round 44)
    if re.search(r"total|" + WHOLE_SAID, lowered):
        return "total"
    if re.search(r"claimed", lowered):
        return "amount claimed before fees"
    return None


def evidence(
    found: dict[str, list[Candidate]],
    chosen: dict[str, object],
    layouts: Sequence[Layout] = (),
    ranked: frozenset[str] = frozenset(),
) -> list[FieldEvidence]:
    """The chosen candidate and up to three distinct alternatives per field, each boxed
    as tightly as ``layouts`` allow (``tight_box``). A field left empty keeps up to three
    of its candidates, none chosen: the adviser who gives the value on accepting (a
    balance the reader did not choose) is offered what the page holds. The fields in
    ``ranked`` were ranked by the learned field ranker: their scores are its
    probabilities, kept as each candidate's ``choice_confidence``."""
    # A candidate boxed as a whole cell is found by its page and box (looked up once here,
    # not by scanning every page's cells for each candidate).
    cells: dict[tuple[int, Box], list[Cell]] = {}
    for layout in layouts:
        for cell in layout.cells():
            if len(cell.words) > 1:
                cells.setdefault((layout.page, cell.box), []).append(cell)
    out: list[FieldEvidence] = []
    for field, candidates in found.items():
        empty = chosen.get(field) is None
        seen: set[object] = set()
        for c in candidates:
            if c.value in seen or len(seen) >= (3 if empty else 4):
                continue
            seen.add(c.value)
            same = cells.get((c.page, c.box), []) if c.box is not None else []
            out.append(
                FieldEvidence(
                    field=field,
                    value=evidence_value(c.value),
                    page=c.page,
                    box=tight_box(c, same),
                    label=c.label,
                    role=c.role,
                    score=round(c.score, 2),
                    chosen=not empty and c.value == chosen[field],
                    choice_confidence=round(c.score, 2) if field in ranked else None,
                )
            )
    return out


def tight_box(c: Candidate, cells: Sequence[Cell]) -> Box | None:
    """The box of the words that print a value read from a sentence or a whole cell: the
    candidate's box is then its cell's (``cells``: those with that box on its page), a line
    or more, and the adviser would hunt for the value in it. The shortest run of the cell's
    words whose letters and figures hold what was read (``shown``) is boxed instead;
    anything else keeps its box."""
    wanted = _letters_and_figures(c.shown)
    if c.box is None or not wanted:
        return c.box
    for cell in cells:
        keys = [_letters_and_figures(w.text) for w in cell.words]
        best: tuple[int, int] | None = None
        for first in range(len(keys)):
            joined = ""
            for last in range(first, len(keys)):
                joined += keys[last]
                if wanted in joined:
                    if best is None or last - first < best[1] - best[0]:
                        best = (first, last)
                    break
                if len(joined) > len(wanted) + 40:
                    break
        if best is not None:
            return union(w.box for w in cell.words[best[0] : best[1] + 1])
    return c.box


def _letters_and_figures(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
