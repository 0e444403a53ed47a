"""Rules over documents: duplicates, and which suggestions an extraction justifies."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable

import attrs
from attrs import frozen

from cma_core.budgets.catalogue import LINES_BY_KEY
from cma_core.budgets.frequency import Frequency, to_monthly
from cma_core.debts.model import DebtType, EnforcementStage, advanced_stage
from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.model import (
    Amendment,
    Document,
    DocumentClass,
    Extraction,
    FieldEvidence,
    Suggestion,
    SuggestionId,
    SuggestionKind,
)
from cma_core.documents.transactions import (
    DEBT_REPAYMENT,
    StatementLine,
    Transaction,
    seen_once_debts,
    statement_lines,
)
from cma_core.scheduling.deadlines import PERIODS, DeadlineKind
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

CHECK_TYPE_BELOW = 0.6
"""Below this confidence in the document type, a suggestion's title starts "Check the
document type": the values may be right but read as the wrong kind of paper."""

MIN_SUGGESTION_CONFIDENCE = 0.35
"""Below this the assistant is guessing; proposing changes would only train advisers to
click "reject" without reading — unless it is sure the paper is about a debt
(``Extraction.debt_confidence`` at least ``CHECK_TYPE_BELOW``) and unsure only of which
kind of debt letter: then the debt is proposed, with "Check the document type"."""

# Classes whose balance is money the client owes. A bill or a payslip is evidence for the
# budget, not a debt in itself.
DEBT_CLASSES = frozenset(
    {
        DocumentClass.CREDITOR_LETTER,
        DocumentClass.COURT_CLAIM_N1,
        DocumentClass.COUNTY_COURT_JUDGMENT,
        DocumentClass.ENFORCEMENT_AGENT_NOTICE,
        DocumentClass.STATUTORY_DEMAND,
        DocumentClass.COUNCIL_TAX,
        DocumentClass.MAGISTRATES_FINE,
        DocumentClass.NOTICE_OF_ASSIGNMENT,
        DocumentClass.OVERPAYMENT,
        DocumentClass.MORTGAGE_ARREARS,
        DocumentClass.RENT_ARREARS,
        DocumentClass.BNPL_CATALOGUE_ARREARS,
        DocumentClass.LETTER_OF_CLAIM,
        DocumentClass.UTILITY_ARREARS,
    }
)

N1_DEEMED_SERVICE_DAYS = 5
"""A claim the court serves by post is treated as served on the fifth day after issue
(the N1's notes for defendants; CPR 6.14 with the court's posting practice)."""

# The periods themselves have one home, the case clock's table (scheduling.deadlines).
N1_RESPONSE_DAYS = PERIODS[DeadlineKind.CLAIM_RESPONSE].amount
"""Days from service to file an admission, defence or acknowledgment (CPR 10.3, 14, 15.4)."""
STATUTORY_DEMAND_SET_ASIDE_DAYS = PERIODS[DeadlineKind.STATUTORY_DEMAND_SET_ASIDE].amount
"""Days from service to apply to set a statutory demand aside
(Insolvency (England and Wales) Rules 2016, r.10.4(4))."""
LETTER_OF_CLAIM_REPLY_DAYS = PERIODS[DeadlineKind.LETTER_OF_CLAIM_REPLY].amount
"""Days to reply to a letter of claim (Pre-Action Protocol for Debt Claims para 5)."""
ENFORCEMENT_NOTICE_CLEAR_DAYS = PERIODS[DeadlineKind.ENFORCEMENT_EARLIEST_VISIT].amount
"""Clear days' notice before an enforcement agent may take control of goods
(Taking Control of Goods Regulations 2013, reg.6(1))."""


def find_duplicate(sha256: str, existing: Iterable[Document]) -> Document | None:
    """The first of ``existing`` with the same checksum, whatever its status.

    A failed document still counts: the adviser should retry it, not upload it twice.
    """
    return next((d for d in existing if d.sha256 == sha256), None)


def ensure_not_duplicate(sha256: str, existing: Iterable[Document]) -> None:
    """Raise ``DuplicateDocument`` if the case already holds these exact bytes."""
    duplicate = find_duplicate(sha256, existing)
    if duplicate is not None:
        raise DuplicateDocument(duplicate.id, duplicate.filename)


def court_claim_response_deadline(issue_date: dt.date) -> dt.date:
    """Last day to respond to a county court claim the court served by post."""
    return issue_date + dt.timedelta(days=N1_DEEMED_SERVICE_DAYS + N1_RESPONSE_DAYS)


@frozen(kw_only=True)
class RecordedDebt:
    """A debt already on the case, as far as matching a letter to it needs."""

    id: uuid.UUID
    account_reference: str | None
    balance: Money
    creditor_name: str | None = None
    enforcement_stage: EnforcementStage | None = None
    """How far its recovery is recorded as gone (a paper further along updates it)."""
    ccj: bool | None = None


def _deadline(
    extraction: Extraction,
) -> tuple[SuggestionKind, dt.date, str, dt.date | None] | None:
    """The deadline a document sets, why, and the date its deadlines count from.

    The last is the dated fact the case clock records on acceptance (service of the claim
    or demand, the date of the enforcement notice). From a printed deadline it is counted
    back by the same period (``scheduling.deadlines.PERIODS``), so the clock derives
    the printed date again. An enforcement notice's earliest-visit date cannot be counted
    back (clear days skip Sundays and bank holidays), so without the notice's own date
    there is no fact date and acceptance falls back to a deadline task.
    """
    cls = extraction.document_class
    printed = extraction.deadline_date
    issued = extraction.letter_date
    served = extraction.served_date
    if cls is DocumentClass.COURT_CLAIM_N1:
        kind = SuggestionKind.COURT_CLAIM_DEADLINE
        if served and not printed:
            # A printed date of service beats issue date + deemed service.
            return (
                kind,
                served + dt.timedelta(days=N1_RESPONSE_DAYS),
                f"date of service printed on the claim + {N1_RESPONSE_DAYS} days to respond "
                "(CPR 10.3, 15.4)",
                served,
            )
        if printed:
            served = printed - dt.timedelta(days=N1_RESPONSE_DAYS)
            return kind, printed, "date printed on the claim", served
        if issued:
            return (
                kind,
                court_claim_response_deadline(issued),
                f"issue date + {N1_DEEMED_SERVICE_DAYS} days' deemed service + "
                f"{N1_RESPONSE_DAYS} days to respond (CPR 10.3, 15.4); "
                "check the date of service on the claim",
                issued + dt.timedelta(days=N1_DEEMED_SERVICE_DAYS),
            )
    if cls is DocumentClass.STATUTORY_DEMAND:
        kind = SuggestionKind.STATUTORY_DEMAND_DEADLINE
        if served and not printed:
            return (
                kind,
                served + dt.timedelta(days=STATUTORY_DEMAND_SET_ASIDE_DAYS),
                f"date of service printed on the demand + {STATUTORY_DEMAND_SET_ASIDE_DAYS} "
                "days to apply to set aside (IR 2016 r.10.4(4))",
                served,
            )
        if printed:
            served = printed - dt.timedelta(days=STATUTORY_DEMAND_SET_ASIDE_DAYS)
            return kind, printed, "date printed on the demand", served
        if issued:
            # Service is usually later than the date on the demand: counting from the
            # demand's date errs early, which is the safe side for the client.
            return (
                kind,
                issued + dt.timedelta(days=STATUTORY_DEMAND_SET_ASIDE_DAYS),
                f"date of the demand + {STATUTORY_DEMAND_SET_ASIDE_DAYS} days to apply to set "
                "aside (IR 2016 r.10.4(4)); counted from the demand's date, service may be later",
                issued,
            )
    if cls is DocumentClass.ENFORCEMENT_AGENT_NOTICE:
        kind = SuggestionKind.ENFORCEMENT_DEADLINE
        if printed:
            return kind, printed, "date printed on the notice", issued
        if issued:
            return (
                kind,
                issued + dt.timedelta(days=ENFORCEMENT_NOTICE_CLEAR_DAYS + 1),
                f"date of the notice + {ENFORCEMENT_NOTICE_CLEAR_DAYS} clear days (TCG "
                "Regulations 2013 reg.6); the earliest day goods could be taken, ignoring "
                "Sundays and bank holidays",
                issued,
            )
    return _letter_deadline(cls, printed, issued)


def _letter_deadline(
    cls: DocumentClass, printed: dt.date | None, issued: dt.date | None
) -> tuple[SuggestionKind, dt.date, str, dt.date | None] | None:
    """A letter of claim's 30 days to reply; any other debt letter's printed date."""
    if cls is DocumentClass.LETTER_OF_CLAIM:
        kind = SuggestionKind.LETTER_OF_CLAIM_DEADLINE
        if printed:
            return kind, printed, "reply date printed on the letter of claim", issued
        if issued:
            return (
                kind,
                issued + dt.timedelta(days=LETTER_OF_CLAIM_REPLY_DAYS),
                f"date of the letter + {LETTER_OF_CLAIM_REPLY_DAYS} days to reply (Pre-Action "
                "Protocol for Debt Claims para 5); counted from the letter's date",
                issued,
            )
    if printed and cls in DEBT_CLASSES - {DocumentClass.COUNTY_COURT_JUDGMENT}:
        return SuggestionKind.RESPONSE_DEADLINE, printed, "date printed on the letter", None
    return None


def _surely_a_debt(extraction: Extraction) -> bool:
    """Whether the assistant is sure the paper is one of the debt classes, whichever."""
    return (
        extraction.document_class in DEBT_CLASSES
        and extraction.debt_confidence is not None
        and extraction.debt_confidence >= CHECK_TYPE_BELOW
    )


def suggest(
    extraction: Extraction,
    document: Document,
    *,
    new_id: Callable[[], SuggestionId],
    now: dt.datetime,
    known_account_references: Iterable[str] = (),
    recorded_debts: Iterable[RecordedDebt] = (),
    min_confidence: float = MIN_SUGGESTION_CONFIDENCE,
) -> list[Suggestion]:
    """The suggestions an extraction justifies for ``document``'s case (possibly none).

    References are compared ignoring case, spaces and dashes. A letter whose account
    reference is that of a debt in ``recorded_debts`` suggests updating that debt's
    balance, if the letter's differs (nothing if it is the same). Otherwise a new debt is
    suggested for a debt letter with a creditor, not when its reference is among
    ``known_account_references`` (earlier suggestions'); without a balance read, with none
    (the adviser gives it on accepting, or accepting makes a task). Deadlines come from the
    document, or from the rule for its class. Each suggestion has ``SuggestionMade``
    recorded.
    """
    proposals: tuple[_Proposal | None, ...]
    if extraction.confidence >= min_confidence:
        proposals = (
            _debt_proposal(extraction, known_account_references, recorded_debts),
            _deadline_proposal(extraction),
            _income_proposal(extraction),
            *_statement_proposals(extraction),
        )
    elif _surely_a_debt(extraction):
        # Unsure which kind of debt letter, sure it is one: the debt alone, its title
        # saying to check the type (a deadline depends on the kind; none is proposed).
        proposals = (_debt_proposal(extraction, known_account_references, recorded_debts),)
    else:
        return []
    out: list[Suggestion] = []
    check = (
        f"Check the document type (read as {extraction.document_class.value.replace('_', ' ')}"
        f", {extraction.confidence:.0%} sure): "
        if extraction.confidence < CHECK_TYPE_BELOW
        else ""
    )
    # What a debt from this paper is, and how far its recovery has gone.
    typed = debt_type_for(extraction.document_class, document.text).value
    stage = stage_of.value if (stage_of := STAGES.get(extraction.document_class)) else None
    for proposal in proposals:
        if proposal is None:
            continue
        suggestion = Suggestion(
            id=new_id(),
            centre_id=document.centre_id,
            case_id=document.case_id,
            document_id=document.id,
            kind=proposal.kind,
            title=(check + proposal.title)[:300],
            evidence=extraction.evidence if proposal.evidence is None else proposal.evidence,
            confidence=extraction.confidence,
            source=extraction.source,
            created_at=now,
            creditor_name=proposal.creditor_name,
            account_reference=extraction.account_reference,
            court_claim_number=extraction.court_claim_number,
            balance=proposal.balance,
            deadline=proposal.deadline,
            deadline_basis=proposal.deadline_basis,
            debt_id=proposal.debt.id if proposal.debt else None,
            previous_balance=proposal.debt.balance if proposal.debt else None,
            fact_date=proposal.fact_date,
            budget_line=proposal.budget_line,
            frequency=proposal.frequency.value if proposal.frequency else None,
            debt_type=typed if proposal.kind is SuggestionKind.NEW_DEBT else None,
            enforcement_stage=stage if proposal.kind in DEBT_KINDS else None,
        )
        suggestion.announce()
        out.append(suggestion)
    return out


_DEBT_TYPES = {
    DocumentClass.COUNCIL_TAX: DebtType.COUNCIL_TAX,
    DocumentClass.MAGISTRATES_FINE: DebtType.MAGISTRATES_FINE,
    DocumentClass.MORTGAGE_ARREARS: DebtType.MORTGAGE,
    DocumentClass.RENT_ARREARS: DebtType.RENT,
}


#: The kinds of suggestion about a debt (a new one, or one on the case).
DEBT_KINDS = frozenset({SuggestionKind.NEW_DEBT, SuggestionKind.UPDATE_DEBT})

#: How far recovery has gone when the paper is of this kind: a debt added from it is
#: recorded at that stage (a judgment's, with its county court judgment).
STAGES = {
    DocumentClass.LETTER_OF_CLAIM: EnforcementStage.LETTER_OF_CLAIM,
    DocumentClass.COURT_CLAIM_N1: EnforcementStage.CLAIM_ISSUED,
    DocumentClass.COUNTY_COURT_JUDGMENT: EnforcementStage.JUDGMENT,
    DocumentClass.STATUTORY_DEMAND: EnforcementStage.STATUTORY_DEMAND,
    DocumentClass.ENFORCEMENT_AGENT_NOTICE: EnforcementStage.ENFORCEMENT_AGENT,
}


def _further_along(document_class: DocumentClass, recorded: RecordedDebt) -> str | None:
    """What a paper of ``document_class`` shows of a recorded debt that its record does
    not ("now at judgment", "claim issued"), or ``None``."""
    shown = STAGES.get(document_class)
    if shown is None:
        return None
    moved = advanced_stage(recorded.enforcement_stage, shown)
    if moved is None and not (shown is EnforcementStage.JUDGMENT and recorded.ccj is not True):
        return None
    return f"now at {shown.value.replace('_', ' ')}"


def debt_type_for(document_class: DocumentClass, text: str) -> DebtType:
    """The debts area's type for a debt read from a document of ``document_class`` (its
    priority follows from the type). Where one class covers several types the text
    decides: water or energy arrears, tax-credit or benefit overpayment, BNPL or
    catalogue; ``OTHER`` when it cannot tell."""
    if document_class in _DEBT_TYPES:
        return _DEBT_TYPES[document_class]
    lowered = text.lower()
    if document_class is DocumentClass.UTILITY_ARREARS:
        if "water" in lowered or "sewerage" in lowered:
            return DebtType.WATER
        return (
            DebtType.GAS
            if "gas" in lowered and "electric" not in lowered
            else (DebtType.ELECTRICITY)
        )
    if document_class is DocumentClass.OVERPAYMENT:
        if "tax credit" in lowered:
            return DebtType.TAX_CREDIT_OVERPAYMENT
        return DebtType.BENEFIT_OVERPAYMENT
    if document_class is DocumentClass.BNPL_CATALOGUE_ARREARS:
        return DebtType.CATALOGUE if "catalogue" in lowered else DebtType.BNPL
    if document_class not in DEBT_CLASSES:
        # A bank statement's debt is one payee among many: its words are not about it.
        return DebtType.OTHER
    return product_named(text) or DebtType.OTHER


# What a debt is for, as letters, claims, judgments and notices name it in words ("under a
# credit card agreement", "your loan", "unpaid council tax", "a penalty charge"): first
# match wins, so the more particular come first (a credit card account "now overdrawn"
# is a credit card; council tax's "liability order at the magistrates' court" is council
# tax). Council tax only as the debt ("unpaid", "your", a liability order), not as a
# creditor's advice to pay priority bills first. A product named as a way to pay ("pay by
# debit or credit card") names none: a card is named only with what the debt is
# ("agreement", "account", "debt", "balance"), or as the client's own ("your Aln Valley
# credit card": a brand's capitalised words between).
_PRODUCTS: tuple[tuple[re.Pattern[str], DebtType], ...] = tuple(
    (re.compile(pattern), debt_type)
    for pattern, debt_type in (
        (r"(?is)\b(?:liability order|summary warrant)\b.*\bcouncil tax\b"
         r"|\bcouncil tax\b.*\b(?:liability order|summary warrant)\b"
         r"|\b(?:unpaid|outstanding|your) council tax\b"
         r"|\bcouncil tax (?:arrears|debt|account|case)\b", DebtType.COUNCIL_TAX),
        (r"(?i)\b(?:unpaid|outstanding|court|magistrates'? court) fines?\b"
         r"|\bcollection order\b", DebtType.MAGISTRATES_FINE),
        (r"(?i)\btv licen[cs]e\b", DebtType.TV_LICENCE),
        (r"(?i)\bchild maintenance\b", DebtType.CHILD_MAINTENANCE),
        (r"(?i)\bhire[- ]purchase\b|\bconditional sale\b", DebtType.HIRE_PURCHASE),
        (r"(?i)\bstore card\b", DebtType.STORE_CARD),
        (r"(?i:credit card (?:agreement|account|debt|balance)s?)\b"
         r"|\b[Yy]our\s+(?:[A-Z][\w'&-]*\s+){0,3}(?i:credit card)\b", DebtType.CREDIT_CARD),
        (r"(?i)\bpayday\b|\bshort[- ]term loans?\b", DebtType.PAYDAY_LOAN),
        (r"(?i)\bstudent loan\b", DebtType.STUDENT_LOAN),
        (r"(?i)\bbuy now,? pay later\b", DebtType.BNPL),
        (r"(?i)\bcatalogue\b", DebtType.CATALOGUE),
        (r"(?i)\bmortgage (?:arrears|account|payments?)\b", DebtType.MORTGAGE),
        (r"(?i)\brent arrears\b|\bunpaid rent\b", DebtType.RENT),
        (r"(?i)\bwater (?:charges|rates|bill|account|services)\b|\bsewerage\b", DebtType.WATER),
        (r"(?i)\belectricity (?:account|supply|bill|debt)\b", DebtType.ELECTRICITY),
        (r"(?i)\bgas (?:account|supply|bill|debt)\b", DebtType.GAS),
        (r"(?i)\bpenalty charge notice\b|\bparking (?:charge|penalty|fine|ticket)s?\b"
         r"|\bunpaid penalty charge\b", DebtType.PARKING_CHARGE),
        (r"(?i)\boverdra(?:ft|wn)\b", DebtType.OVERDRAFT),
        (r"(?i)\bloan\b", DebtType.PERSONAL_LOAN),
    )
)  # fmt: skip


def product_named(text: str) -> DebtType | None:
    """The type of debt ``text`` names in words (``_PRODUCTS``), or ``None``."""
    for pattern, debt_type in _PRODUCTS:
        if pattern.search(text):
            return debt_type
    return None


@frozen(kw_only=True)
class _Proposal:
    """What one suggestion proposes; ``suggest`` adds the document's and extraction's ids."""

    kind: SuggestionKind
    title: str
    creditor_name: str | None
    balance: Money | None = None
    deadline: dt.date | None = None
    deadline_basis: str | None = None
    debt: RecordedDebt | None = None
    fact_date: dt.date | None = None
    budget_line: str | None = None
    frequency: Frequency | None = None
    evidence: tuple[FieldEvidence, ...] | None = None
    """Where its values were read, if not the whole document's evidence (a bank
    statement's line: the transactions it is made of)."""


def _debt_proposal(
    extraction: Extraction,
    known_account_references: Iterable[str],
    recorded_debts: Iterable[RecordedDebt],
) -> _Proposal | None:
    """Update the recorded debt the letter is about, or add a new one (see ``suggest``)."""
    known = {normalise_reference(r) for r in known_account_references}
    reference = (
        normalise_reference(extraction.account_reference) if extraction.account_reference else ""
    )
    recorded = (
        recorded_debt_for(extraction.account_reference, recorded_debts)
        if extraction.account_reference
        else None
    )
    is_debt = extraction.document_class in DEBT_CLASSES and extraction.balance_pence is not None
    if recorded is not None:
        creditor = recorded.creditor_name or extraction.creditor_name or "unnamed creditor"
        if not is_debt or extraction.balance_pence == recorded.balance.pence:
            # The same balance (or none read): an update only where the paper shows the
            # debt further along the court route than recorded (a judgment for it).
            further = _further_along(extraction.document_class, recorded)
            if further is None:
                return None
            change = f"{further} (balance {recorded.balance})"
            return _Proposal(
                kind=SuggestionKind.UPDATE_DEBT,
                title=_updated(creditor, extraction.account_reference, change),
                creditor_name=creditor,
                balance=recorded.balance,
                debt=recorded,
            )
        balance = Money(extraction.balance_pence or 0)
        return _Proposal(
            kind=SuggestionKind.UPDATE_DEBT,
            title=_update_title(creditor, extraction.account_reference, recorded.balance, balance),
            creditor_name=creditor,
            balance=balance,
            debt=recorded,
        )
    if (
        extraction.document_class not in DEBT_CLASSES
        or not extraction.creditor_name
        or (extraction.account_reference and reference in known)
    ):
        return None
    if not is_debt:
        # A debt letter whose balance was not read (an unfamiliar layout): the debt is
        # still proposed, for the adviser to give its balance on accepting (the other
        # amounts the reader found are offered) or, accepted as it is, a task to add it.
        return _Proposal(
            kind=SuggestionKind.NEW_DEBT,
            title=_debt_title(extraction.creditor_name, None),
            creditor_name=extraction.creditor_name,
            balance=None,
        )
    balance = Money(extraction.balance_pence or 0)
    return _Proposal(
        kind=SuggestionKind.NEW_DEBT,
        title=_debt_title(extraction.creditor_name, balance),
        creditor_name=extraction.creditor_name,
        balance=balance,
    )


BALANCE_NOT_READ = "balance not read: give it to add the debt"


def _debt_title(creditor: str, balance: Money | None) -> str:
    if balance is None:
        return f"Add debt: {creditor} ({BALANCE_NOT_READ})"
    return f"Add debt: {creditor}, {balance}"


def _update_title(
    creditor: str, reference: str | None, before: Money | None, now: Money | None
) -> str:
    return _updated(creditor, reference, f"{before} → {now}")


def _updated(creditor: str, reference: str | None, change: str) -> str:
    # A reference given by its last characters reads as a letter prints it: "ref ending 4411".
    tail = _tail(reference) if reference else None
    shown = f"ending {tail}" if tail else reference
    return f"Update debt: {creditor}, ref {shown}: {change}"


def _deadline_title(kind: SuggestionKind, claim_number: str | None, due: dt.date | None) -> str:
    """As advisers read a date: "Respond to court claim K1QZ4521 by 20 March 2026"."""
    claim = f" {claim_number}" if claim_number else ""
    when = f" by {due.day} {due:%B %Y}" if due else ""
    return f"{_DEADLINE_LABELS[kind]}{claim}{when}"


def _paid(amount: Money, frequency: Frequency) -> str:
    """An amount and how often, as a title says it: "£410.00 weekly"."""
    return f"{amount} {frequency.value.replace('_', '-')}"


def _a_month(amount: Money, frequency: Frequency) -> str:
    """The amount, how often, and the SFS's monthly figure beside it: "£410.00 weekly =
    £1,776.67 a month"; a monthly amount once: "£812.40 a month"."""
    if frequency is Frequency.MONTHLY:
        return f"{amount} a month"
    return f"{_paid(amount, frequency)} = {to_monthly(amount, frequency)} a month"


_DEADLINE_LABELS = {
    SuggestionKind.COURT_CLAIM_DEADLINE: "Respond to court claim",
    SuggestionKind.STATUTORY_DEMAND_DEADLINE: "Apply to set aside statutory demand",
    SuggestionKind.ENFORCEMENT_DEADLINE: "Enforcement agent may visit",
    SuggestionKind.LETTER_OF_CLAIM_DEADLINE: "Reply to letter of claim",
    SuggestionKind.RESPONSE_DEADLINE: "Act on the letter",
}


def _deadline_proposal(extraction: Extraction) -> _Proposal | None:
    deadline = _deadline(extraction)
    if deadline is None:
        return None
    kind, due, basis, fact_date = deadline
    return _Proposal(
        kind=kind,
        title=_deadline_title(kind, extraction.court_claim_number, due),
        creditor_name=extraction.creditor_name,
        deadline=due,
        deadline_basis=basis,
        fact_date=fact_date,
    )


INCOME_LINES = {
    DocumentClass.PAYSLIP: "client_salary",
    DocumentClass.BENEFIT_AWARD: "other_benefits",
}
"""The SFS line an income document suggests; the adviser moves a benefit to its own line
(Universal Credit, ESA...) when accepting if needed."""
_FREQUENCIES = {f.value: f for f in Frequency} | {"annually": Frequency.YEARLY}


def _income_proposal(extraction: Extraction) -> _Proposal | None:
    """Net pay or a benefit payment, with its frequency, as an SFS income line; the title
    gives the monthly figure the SFS uses (``budgets.frequency.to_monthly``)."""
    line = INCOME_LINES.get(extraction.document_class)
    if line is None or extraction.income_pence is None:
        return None
    frequency = _FREQUENCIES.get(extraction.frequency or "", Frequency.MONTHLY)
    amount = Money(extraction.income_pence)
    payer = extraction.payer_name or "unnamed payer"
    basis = "" if extraction.frequency else " (frequency not stated: check)"
    return _Proposal(
        kind=SuggestionKind.NEW_INCOME,
        title=f"Add income: {payer}, {_a_month(amount, frequency)}{basis}",
        creditor_name=extraction.payer_name,
        balance=amount,
        budget_line=line,
        frequency=frequency,
    )


def _statement_proposals(extraction: Extraction) -> list[_Proposal]:
    """A bank statement: one suggestion per SFS line its transactions fall in, and a debt
    for each recurring payment to a creditor (its balance is not on a statement: the
    adviser adds it, so accepting makes a task). On a statement of about a month a
    regular-looking payment to a creditor shows once: it names a debt too, its title
    saying it was seen once (``transactions.seen_once_debts``)."""
    if extraction.document_class is not DocumentClass.BANK_STATEMENT:
        return []
    out = [_statement_debt(line) for line in seen_once_debts(extraction.transactions)]
    for line in statement_lines(extraction.transactions):
        if line.category == DEBT_REPAYMENT:
            if line.payee:
                out.append(_statement_debt(line))
            continue
        known = LINES_BY_KEY.get(line.category)
        if known is None:
            continue
        amount = Money(line.amount_pence)
        # A category's payments are summed as a monthly figure already (``statement_lines``).
        payments = f"{line.transactions} payment{'s' if line.transactions > 1 else ''}"
        how = (
            f"{line.payee.title()}, {_a_month(amount, line.frequency)}"
            if line.payee
            else f"{amount} a month ({payments})"
        )
        kind = SuggestionKind.NEW_INCOME if line.income else SuggestionKind.NEW_EXPENDITURE
        out.append(
            _Proposal(
                kind=kind,
                title=_line_title(kind, known.label, how),
                creditor_name=line.payee.title() if line.payee else None,
                balance=amount,
                budget_line=line.category,
                frequency=line.frequency,
                evidence=line_evidence(line),
            )
        )
    return out


TRANSACTION = "transaction"
"""The evidence field of a bank statement's transaction a suggestion is made of."""


def line_evidence(line: StatementLine) -> tuple[FieldEvidence, ...]:
    """Where a statement line's transactions were printed, for the adviser to check the
    line against them: one value a transaction, as the statement gives it ("12 Feb 2026:
    CARD PAYMENT TESCO STORES, £64.18", its role "paid out"), each one the line uses.
    Not the statement's other values (its bank, its balances): not what the line is."""
    return tuple(_transaction_evidence(t) for t in line.sources)


def _transaction_evidence(t: Transaction) -> FieldEvidence:
    return FieldEvidence(
        field=TRANSACTION, value=_transaction_text(t), page=t.page or 1, box=t.box,
        role="money in" if t.income else "paid out", score=1.0, chosen=True,
    )  # fmt: skip


def _transaction_text(t: Transaction) -> str:
    amount = Money(abs(t.amount_pence))
    return f"{t.date.day} {t.date:%b %Y}: {t.description}, {amount}"


def _statement_debt(line: StatementLine) -> _Proposal:
    assert line.payee is not None
    amount = Money(line.amount_pence)
    paid = (
        f"paid {amount} once on the bank statement, seen once: check it recurs"
        if line.transactions == 1
        else f"paid {_paid(amount, line.frequency)} on the bank statement"
    )
    return _Proposal(
        kind=SuggestionKind.NEW_DEBT,
        title=f"Add debt: {line.payee.title()} ({paid}; balance not shown)",
        creditor_name=line.payee.title(),
        balance=None,
        evidence=line_evidence(line),
    )


def normalise_reference(reference: str) -> str:
    """A reference as references are compared: letters and figures only, upper case."""
    return "".join(c for c in reference.upper() if c.isalnum())


# A reference given only by its last characters: "ending 4411", "account ending in 4411",
# "************4411", "XXXX XXXX XXXX 4411", "…4411" (a card's or account's number masked
# as letters and statements print it).
_TAIL_ONLY = re.compile(
    r"^(?:.*?\bending(?:\s+in|\s+with)?\s*:?\s*|[*xX•#.…\s-]{3,})([A-Za-z0-9]{3,8})$", re.I
)


def _tail(reference: str) -> str | None:
    """The characters a masked or "ending …" reference gives, or ``None`` for a whole one."""
    found = _TAIL_ONLY.match(reference.strip())
    return found.group(1).upper() if found else None


def recorded_debt_for(
    reference: str, recorded_debts: Iterable[RecordedDebt]
) -> RecordedDebt | None:
    """The recorded debt a letter's account ``reference`` is about: the one with the same
    reference (ignoring case, spaces and dashes), else — when either side gives only its
    last characters (masked, or "ending 4411") — the one debt whose reference ends in them.
    Two debts ending alike match neither: the adviser is asked to add or match it."""
    debts = [d for d in recorded_debts if d.account_reference]
    wanted = normalise_reference(reference)
    if not wanted:
        return None
    exact = [d for d in debts if normalise_reference(d.account_reference or "") == wanted]
    if exact:
        return exact[0]
    tail = _tail(reference)
    matches = []
    for debt in debts:
        theirs = debt.account_reference or ""
        their_tail = _tail(theirs)
        if tail is not None and their_tail is None:
            hit = normalise_reference(theirs).endswith(tail)
        elif tail is None and their_tail is not None:
            hit = wanted.endswith(their_tail)
        elif tail is not None and their_tail is not None:
            hit = tail == their_tail
        else:
            hit = False
        if hit:
            matches.append(debt)
    return matches[0] if len(matches) == 1 else None


# -- accepted with the adviser's values ---------------------------------------------------

_CLOCKED = {
    SuggestionKind.COURT_CLAIM_DEADLINE: DocumentClass.COURT_CLAIM_N1,
    SuggestionKind.STATUTORY_DEMAND_DEADLINE: DocumentClass.STATUTORY_DEMAND,
    SuggestionKind.ENFORCEMENT_DEADLINE: DocumentClass.ENFORCEMENT_AGENT_NOTICE,
    SuggestionKind.LETTER_OF_CLAIM_DEADLINE: DocumentClass.LETTER_OF_CLAIM,
}
#: Kinds whose deadline is counted back to the date of service (``_deadline``).
_SERVED = frozenset({DocumentClass.COURT_CLAIM_N1, DocumentClass.STATUTORY_DEMAND})
ADVISER_BASIS = "given by the adviser"


def dated_changes(s: Suggestion, changes: Amendment) -> tuple[Amendment, str | None]:
    """``changes`` with the date it implies, and why the deadline is what it becomes.

    A deadline the case clock counts (claim, demand, enforcement notice, letter of claim)
    and the date it counts from stay one reading: a new date of service (or of the notice
    or letter) gives the deadline the clock will count from it, by the rule the reader
    uses (``_deadline``); a new deadline of a claim or demand gives the date of service
    counted back by the same period. A notice's or letter's deadline is counted from its
    own date, so with that date known it cannot be changed alone (change the date). Other
    kinds' deadlines are the adviser's as given.

    Raises ``ValidationError`` (``changes.deadline``) for both dates at once, or for a
    deadline that follows from the date of a notice or letter.
    """
    cls = _CLOCKED.get(s.kind)
    if cls is None or (changes.fact_date is None and changes.deadline is None):
        return changes, ADVISER_BASIS if changes.deadline is not None else None
    if changes.fact_date is not None and changes.deadline is not None:
        raise ValidationError(
            "changes.deadline",
            "give the deadline or the date it counts from (fact_date), not both: "
            "one follows from the other",
        )
    if changes.fact_date is not None:
        fact = changes.fact_date
        dated = _deadline(
            Extraction(
                document_class=cls, confidence=1.0, source="adviser",
                served_date=fact if cls in _SERVED else None,
                letter_date=None if cls in _SERVED else fact,
            )
        )  # fmt: skip
        assert dated is not None  # every clocked class has a rule from its date
        return (
            attrs.evolve(changes, deadline=dated[1]),
            f"counted from {fact.day} {fact:%B %Y}, the date the adviser gave: {dated[2]}",
        )
    if cls not in _SERVED:
        if s.fact_date is not None:
            raise ValidationError(
                "changes.deadline",
                "is counted from the date of the notice or letter: change that date "
                "(fact_date) instead",
            )
        return changes, ADVISER_BASIS
    dated = _deadline(
        Extraction(
            document_class=cls, confidence=1.0, source="adviser", deadline_date=changes.deadline
        )
    )
    assert dated is not None
    return attrs.evolve(changes, fact_date=dated[3]), ADVISER_BASIS


def title_of(s: Suggestion) -> str:
    """The suggestion's one line written again for the values it now holds (as
    ``suggest`` writes it), keeping a "check the document type" doubt in front."""
    doubt = ""
    if s.title.startswith("Check the document type (") and "): " in s.title:
        doubt = s.title[: s.title.index("): ") + 3]
    creditor = s.creditor_name or "unnamed creditor"
    if s.kind is SuggestionKind.NEW_DEBT:
        body = _debt_title(creditor, s.balance)
    elif s.kind is SuggestionKind.UPDATE_DEBT:
        body = _update_title(
            creditor, s.account_reference, s.previous_balance, s.balance or Money(0)
        )
    elif s.kind in (SuggestionKind.NEW_INCOME, SuggestionKind.NEW_EXPENDITURE):
        body = _budget_title(s)
    else:
        body = _deadline_title(s.kind, s.court_claim_number, s.deadline)
    return doubt + body


def _budget_title(s: Suggestion) -> str:
    frequency = _FREQUENCIES.get(s.frequency or "", Frequency.MONTHLY)
    how = _a_month(s.balance or Money(0), frequency)
    if s.title.endswith("(bank statement)"):
        known = LINES_BY_KEY.get(s.budget_line or "")
        payee = f"{s.creditor_name}, " if s.creditor_name else ""
        line = known.label if known else (s.budget_line or "")
        return _line_title(s.kind, line, payee + how)
    return f"Add income: {s.creditor_name or 'unnamed payer'}, {how}"


def _line_title(kind: SuggestionKind, line: str, how: str) -> str:
    """A statement's budget line: "Add spending (Electricity): Brightside Energy, ..."."""
    verb = "Add income" if kind is SuggestionKind.NEW_INCOME else "Add spending"
    return f"{verb} ({line}): {how} (bank statement)"
