"""Casework records: contacts, the first-contact checklist, screenings, credit reports and
the adviser's eligibility decisions, with the events that make compliance look again.

Each record has ``id``, ``centre_id``, ``case_id``, ``created_at`` and ``version`` (the
ETag): the repositories keep them in record tables, one JSON document per record.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from attrs import define, field, frozen

from cma_core.debts.model import DebtType
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution


class Channel(enum.StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    IN_PERSON = "in_person"
    VIDEO = "video"
    SMS = "sms"
    WEBCHAT = "webchat"
    OTHER = "other"


class Direction(enum.StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Party(enum.StrEnum):
    """Who the contact was with: CR-01 asks for authority before any outbound contact with
    a creditor or a third party (court, enforcement agent, landlord, DWP, another adviser)."""

    CLIENT = "client"
    CREDITOR = "creditor"
    THIRD_PARTY = "third_party"


class Purpose(enum.StrEnum):
    """Why the contact happened. ``first_contact`` and ``review`` contacts with the client
    are the moments CR-03 wants a vulnerability screening at."""

    FIRST_CONTACT = "first_contact"
    ADVICE = "advice"
    REVIEW = "review"
    FOLLOW_UP = "follow_up"
    OTHER = "other"


@define(kw_only=True)
class Contact:
    """One entry of a case's communications log."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    at: dt.datetime
    channel: Channel
    direction: Direction
    party: Party
    with_whom: str
    summary: str
    purpose: Purpose = Purpose.OTHER
    document_id: uuid.UUID | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1


@frozen(kw_only=True)
class Tick:
    """A checklist item done: when (may be earlier than recorded), by whom, and the value
    the item asks for (the lawful basis, the reason a credit report was not checked)."""

    item: str
    done_at: dt.datetime
    by: UserId | None
    value: str | None = None
    note: str | None = None


@define(kw_only=True)
class ChecklistRecord:
    """The case's first-contact checklist; one per case (``id`` is the case id)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    checklist_version: str
    ticks: tuple[Tick, ...] = ()
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    def tick_of(self, item: str) -> Tick | None:
        return next((t for t in self.ticks if t.item == item), None)


#: The parts of a screening that are special-category or otherwise sensitive: shown only
#: with ``sensitive:read``, written only with ``sensitive:write``, sealed at rest.
SCREENING_SENSITIVE: tuple[str, ...] = (
    "drivers",
    "answers",
    "adjustments",
    "no_adjustment_reason",
    "notes",
)


@define(kw_only=True)
class Screening:
    """A vulnerability screening (FCA FG21/1): the drivers found, the prompts answered
    (TEXAS / IDEA, as data), the adjustments made or why none were needed."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    on: dt.date
    guide_version: str
    drivers: tuple[str, ...] = ()
    answers: dict[str, str] = field(factory=dict)
    adjustments: tuple[str, ...] = ()
    no_adjustment_reason: str | None = None
    notes: str | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1


class LineDecision(enum.StrEnum):
    PENDING = "pending"  # a debt suggestion waiting for the adviser
    ACCEPTED = "accepted"  # became a debt on the case
    REJECTED = "rejected"
    NOT_A_DEBT = "not_a_debt"  # settled or nothing owed: never suggested


@frozen(kw_only=True)
class CreditLine:
    """One account of a credit report, and what became of it."""

    line: int
    lender: str
    account_number: str | None
    account_type: str
    balance: Money
    status: str | None = None
    default_on: dt.date | None = None
    opened_on: dt.date | None = None
    last_payment_on: dt.date | None = None
    suggested_type: DebtType = DebtType.OTHER
    decision: LineDecision = LineDecision.PENDING
    debt_id: uuid.UUID | None = None
    decided_by: UserId | None = None
    decided_at: dt.datetime | None = None
    reason: str | None = None


class ReportSource(enum.StrEnum):
    MANUAL = "manual"
    CSV = "csv"
    JSON = "json"


@define(kw_only=True)
class CreditReport:
    """A statutory credit report checked for the case (CR-09), its accounts suggested as
    debts line by line."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    agency: str
    report_on: dt.date
    checked_on: dt.date
    source: ReportSource
    lines: tuple[CreditLine, ...] = ()
    filename: str | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1

    def line(self, number: int) -> CreditLine | None:
        return next((x for x in self.lines if x.line == number), None)


@frozen(kw_only=True)
class OptionDecision:
    """The adviser's decision on one option where the appraisal could not decide (CR-12)."""

    solution: Solution
    eligible: bool
    reason: str
    by: UserId | None
    at: dt.datetime


@define(kw_only=True)
class EligibilityRecord:
    """The client's eligibility recorded per option; one per case (``id`` = case id)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    decisions: tuple[OptionDecision, ...] = ()
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1


@define(kw_only=True)
class Settlement:
    """A full-and-final settlement of one debt (CR-19): the amount agreed, the creditor's
    written acceptance (when, and the document that holds it) and, once made, the payment.

    A payment may be recorded without an acceptance on file (the record says what
    happened); CR-19 then fails the case. ``creditor`` is the name as it stood when the
    settlement was recorded, for the finding's wording."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    debt_id: uuid.UUID
    creditor: str
    amount: Money
    accepted_on: dt.date | None = None
    acceptance_document_id: uuid.UUID | None = None
    paid_on: dt.date | None = None
    note: str | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1


class ComplaintKind(enum.StrEnum):
    """CR-24: a service complaint (DISP final response within 8 weeks) or a data-protection
    complaint (acknowledged within 30 days from 19 June 2026, DUA Act 2025)."""

    SERVICE = "service"
    DATA_PROTECTION = "data_protection"


@define(kw_only=True)
class Complaint:
    """One complaint about the handling of a case (the centre's complaints register)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    kind: ComplaintKind
    received_on: dt.date
    summary: str
    acknowledged_on: dt.date | None = None
    final_response_on: dt.date | None = None
    outcome: str | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1


class MoratoriumKind(enum.StrEnum):
    """The two moratoria of the Debt Respite Scheme (SI 2020/1311)."""

    STANDARD = "standard"
    MENTAL_HEALTH_CRISIS = "mental_health_crisis"


class BsCheck(enum.StrEnum):
    """The eligibility conditions of reg 24(3) an adviser confirms before applying."""

    INDIVIDUAL = "individual"
    QUALIFYING_DEBT = "qualifying_debt"
    DOMICILED_OR_RESIDENT_EW = "domiciled_or_resident_ew"
    NOT_IN_INSOLVENCY = "not_in_insolvency"
    NOT_IN_MORATORIUM = "not_in_moratorium"
    NO_STANDARD_BS_IN_12_MONTHS = "no_standard_bs_in_12_months"


class MidwayOutcome(enum.StrEnum):
    """What the midway review of a standard breathing space found (reg 27)."""

    CONTINUES = "continues"  # still eligible and the moratorium still helps
    CANCEL = "cancel"  # the debt adviser must cancel (reg 27(2), (3))
    CLIENT_NOT_RESPONDED = "client_not_responded"  # no reply to the review (reg 27(3)(b))


@frozen(kw_only=True)
class CreditorReview:
    """A creditor's request to review the moratorium, or a debt in it (regs 17, 18): when
    it came and when the adviser decided it."""

    creditor: str
    received_on: dt.date
    decided_on: dt.date | None = None


@define(kw_only=True)
class BreathingSpace:
    """A Breathing Space application and its life (CR-15, CR-16, CR-17).

    The dates that start the statutory timeline (the register entry) are facts on the
    case clock (``breathing_space_registered``): the moratorium's first day is read from
    there, so the clock and the register never disagree. This record holds what the clock
    does not: the kind, the eligibility checks, the advice before applying, any fee, the
    previous standard moratorium, the midway review and creditors' review requests."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    kind: MoratoriumKind
    applied_on: dt.date
    advice_on: dt.date | None = None
    checks_confirmed: frozenset[BsCheck] = frozenset()
    fee_charged: Money = field(factory=Money.zero)
    previous_standard_ended_on: dt.date | None = None
    midway_review_on: dt.date | None = None
    midway_review_outcome: MidwayOutcome | None = None
    ended_on: dt.date | None = None
    creditor_reviews: tuple[CreditorReview, ...] = ()
    note: str | None = None
    created_at: dt.datetime
    created_by: UserId | None = None
    updated_at: dt.datetime
    version: int = 1


# --------------------------------------------------------------------------- events


@frozen(kw_only=True)
class CaseworkChanged(DomainEvent):
    """A casework record of the case changed (``record``: contact, checklist, screening,
    credit_report, eligibility, settlement, complaint, breathing_space,
    data_subject_request); compliance
    re-evaluates the case."""

    name = "CaseworkChanged"
    case_id: CaseId
    record: str
    record_id: uuid.UUID
    action: str
    by: UserId | None
