"""Rules over documents: duplicates, and which suggestions an extraction justifies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.model import (
    Document,
    DocumentClass,
    Extraction,
    Suggestion,
    SuggestionId,
    SuggestionKind,
)
from cma_core.shared.money import Money

MIN_SUGGESTION_CONFIDENCE = 0.35
"""Below this the assistant is guessing; proposing changes would only train advisers to
click "reject" without reading."""

# Classes whose balance is money the client owes. A bill or a payslip is evidence for the
# budget, not a debt in itself.
DEBT_CLASSES = frozenset(
    {
        DocumentClass.CREDITOR_LETTER,
        DocumentClass.COURT_CLAIM_N1,
        DocumentClass.ENFORCEMENT_AGENT_NOTICE,
        DocumentClass.STATUTORY_DEMAND,
        DocumentClass.COUNCIL_TAX,
    }
)

N1_DEEMED_SERVICE_DAYS = 5
"""A claim the court serves by post is treated as served on the fifth day after issue
(the N1's notes for defendants; CPR 6.14 with the court's posting practice)."""
N1_RESPONSE_DAYS = 14
"""Days from service to file an admission, defence or acknowledgment (CPR 10.3, 14, 15.4)."""
STATUTORY_DEMAND_SET_ASIDE_DAYS = 18
"""Days from service to apply to set a statutory demand aside
(Insolvency (England and Wales) Rules 2016, r.10.4(4))."""
ENFORCEMENT_NOTICE_CLEAR_DAYS = 7
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


def _deadline(extraction: Extraction) -> tuple[SuggestionKind, dt.date, str] | None:
    cls = extraction.document_class
    printed = extraction.deadline_date
    issued = extraction.letter_date
    if cls is DocumentClass.COURT_CLAIM_N1:
        kind = SuggestionKind.COURT_CLAIM_DEADLINE
        if printed:
            return kind, printed, "date printed on the claim"
        if issued:
            return (
                kind,
                court_claim_response_deadline(issued),
                "issue date + 5 days' deemed service + 14 days to respond (CPR 10.3, 15.4); "
                "check the date of service on the claim",
            )
    if cls is DocumentClass.STATUTORY_DEMAND:
        kind = SuggestionKind.STATUTORY_DEMAND_DEADLINE
        if printed:
            return kind, printed, "date printed on the demand"
        if issued:
            # Service is usually later than the date on the demand: counting from the
            # demand's date errs early, which is the safe side for the client.
            return (
                kind,
                issued + dt.timedelta(days=STATUTORY_DEMAND_SET_ASIDE_DAYS),
                "date of the demand + 18 days to apply to set aside (IR 2016 r.10.4(4)); "
                "counted from the demand's date, service may be later",
            )
    if cls is DocumentClass.ENFORCEMENT_AGENT_NOTICE:
        kind = SuggestionKind.ENFORCEMENT_DEADLINE
        if printed:
            return kind, printed, "date printed on the notice"
        if issued:
            return (
                kind,
                issued + dt.timedelta(days=ENFORCEMENT_NOTICE_CLEAR_DAYS + 1),
                "date of the notice + 7 clear days (TCG Regulations 2013 reg.6); the earliest "
                "day goods could be taken, ignoring Sundays and bank holidays",
            )
    return None


def suggest(
    extraction: Extraction,
    document: Document,
    *,
    new_id: Callable[[], SuggestionId],
    now: dt.datetime,
    known_account_references: Iterable[str] = (),
    min_confidence: float = MIN_SUGGESTION_CONFIDENCE,
) -> list[Suggestion]:
    """The suggestions an extraction justifies for ``document``'s case (possibly none).

    A debt is suggested only with both a creditor and a balance, and not when its account
    reference is already among ``known_account_references`` (compared ignoring case,
    spaces and dashes). Deadlines come from the document, or from the rule for its class.
    Each suggestion has ``SuggestionMade`` recorded.
    """
    if extraction.confidence < min_confidence:
        return []
    out: list[Suggestion] = []

    def make(
        kind: SuggestionKind,
        title: str,
        *,
        balance: Money | None = None,
        deadline: dt.date | None = None,
        deadline_basis: str | None = None,
    ) -> None:
        suggestion = Suggestion(
            id=new_id(),
            centre_id=document.centre_id,
            case_id=document.case_id,
            document_id=document.id,
            kind=kind,
            title=title,
            confidence=extraction.confidence,
            source=extraction.source,
            created_at=now,
            creditor_name=extraction.creditor_name,
            account_reference=extraction.account_reference,
            court_claim_number=extraction.court_claim_number,
            balance=balance,
            deadline=deadline,
            deadline_basis=deadline_basis,
        )
        suggestion.announce()
        out.append(suggestion)

    known = {_normalise_reference(r) for r in known_account_references}
    if (
        extraction.document_class in DEBT_CLASSES
        and extraction.creditor_name
        and extraction.balance_pence is not None
        and not (
            extraction.account_reference
            and _normalise_reference(extraction.account_reference) in known
        )
    ):
        balance = Money(extraction.balance_pence)
        make(
            SuggestionKind.NEW_DEBT,
            f"Add debt: {extraction.creditor_name}, {balance}",
            balance=balance,
        )

    deadline = _deadline(extraction)
    if deadline is not None:
        kind, due, basis = deadline
        label = {
            SuggestionKind.COURT_CLAIM_DEADLINE: "Respond to court claim",
            SuggestionKind.STATUTORY_DEMAND_DEADLINE: "Apply to set aside statutory demand",
            SuggestionKind.ENFORCEMENT_DEADLINE: "Enforcement agent may visit",
        }[kind]
        claim = f" {extraction.court_claim_number}" if extraction.court_claim_number else ""
        make(kind, f"{label}{claim} by {due.isoformat()}", deadline=due, deadline_basis=basis)
    return out


def _normalise_reference(reference: str) -> str:
    return "".join(c for c in reference.upper() if c.isalnum())
