"""``CaseFile``: the read-only snapshot of a case that the compliance rules read.

The application layer assembles it from the case, debts, budget, solutions and logs
(``compliance.inputs``). The vocabulary is the advice domain's own: solutions are
``cma_core.solutions.model.Solution``, jurisdictions ``cma_core.reference`` ones, and the
DRO section is the saved appraisal's ``OptionResult`` (one DRO engine, ``solutions.rules``).
The other sections are snapshot shapes of this module (``SfsSummary``, ``DebtSummary``…):
the figures and dates as they stood when the file was built, with room for ``None``.

**Missing facts.** Two levels, on purpose:

* A *section* that is ``None`` (e.g. ``comms=None``, ``sfs=None``) means the snapshot does
  not hold that area at all (not loaded, not migrated, module not in use). Rules that need
  it report ``NOT_ASSESSABLE`` with the reason – never a silent pass.
* Inside a section that is present, ``None`` on a date means "not done / not on file".
  Where the rule is *that it be recorded* (authority to act, privacy notice, a midway
  review outcome) that is a ``FAIL``. Where the value is an input to arithmetic (a
  balance, a guideline figure) it is ``NOT_ASSESSABLE``.
* An empty tuple in a present section means "recorded as none" (no threats, no debts).
"""

from __future__ import annotations

import datetime as dt
import enum

from attrs import frozen

# The case's own vocabulary (casework's registers), re-exported for the rules.
from cma_core.casework.model import BsCheck as BsCheck
from cma_core.casework.model import ComplaintKind as ComplaintKind
from cma_core.casework.model import Direction as Direction
from cma_core.casework.model import MoratoriumKind as MoratoriumKind
from cma_core.casework.model import Party as Party
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import OptionResult, Solution


@frozen(kw_only=True)
class Communication:
    at: dt.datetime
    direction: Direction
    party: Party
    summary: str = ""


@frozen(kw_only=True)
class AuthorityToAct:
    signed_at: dt.datetime | None  # None: not obtained yet


@frozen(kw_only=True)
class Preliminaries:
    """CR-02. ``first_contact_on`` is the first contact with the client."""

    first_contact_on: dt.date | None
    privacy_notice_on: dt.date | None
    lawful_basis: str | None
    service_info_on: dt.date | None  # role, boundaries and complaints process explained
    holds_special_category: bool
    special_category_first_recorded_on: dt.date | None = None
    special_consent_on: dt.date | None = None


@frozen(kw_only=True)
class Screening:
    on: dt.date
    drivers: tuple[str, ...] = ()  # FG21/1 drivers found: health, life event, resilience…
    adjustments: tuple[str, ...] = ()
    no_adjustment_reason: str | None = None


@frozen(kw_only=True)
class Vulnerability:
    first_substantive_contact_on: dt.date | None
    screenings: tuple[Screening, ...]
    case_reviews_on: tuple[dt.date, ...] = ()


class ThreatKind(enum.StrEnum):
    HEARING = "hearing"
    EVICTION = "eviction"
    ENFORCEMENT_VISIT = "enforcement_visit"
    DISCONNECTION = "disconnection"
    STATUTORY_DEMAND = "statutory_demand"
    REPLY_FORM = "reply_form"
    OTHER = "other"


@frozen(kw_only=True)
class Threat:
    id: str
    kind: ThreatKind
    deadline: dt.date | None  # None: the date is not known yet
    description: str = ""


@frozen(kw_only=True)
class TaskSummary:
    id: str
    due: dt.date | None
    threat_id: str | None = None
    done: bool = False


@frozen(kw_only=True)
class Recommendation:
    solution: Solution
    on: dt.date
    monthly_payment: Money | None = None
    term_months: int | None = None


class SfsSection(enum.StrEnum):
    INCOME = "income"
    FIXED = "fixed"
    FLEXIBLE = "flexible"


@frozen(kw_only=True)
class SfsLine:
    section: SfsSection
    category: str
    amount: Money  # monthly
    guideline: Money | None = None  # flexible lines only; None: guideline not loaded
    has_note_or_evidence: bool = False


@frozen(kw_only=True)
class SfsSummary:
    """The budget's figures as stored, so CR-07 can recompute them (SFS-DDS formulas)."""

    completed_on: dt.date | None  # None: the SFS is not complete
    lines: tuple[SfsLine, ...]
    total_income: Money | None
    total_fixed: Money | None
    total_flexible: Money | None
    total_outgoings: Money | None
    savings_contribution: Money | None
    debt_admin_fee: Money | None
    available_for_priority: Money | None
    total_priority_offers: Money | None
    available_for_non_priority: Money | None


@frozen(kw_only=True)
class DebtSummary:
    id: str
    creditor: str | None
    balance: Money | None
    priority: bool | None
    debt_type: str | None
    offer: Money | None = None  # monthly
    offer_on: dt.date | None = None
    strategy_on: dt.date | None = None  # a priority debt's strategy recorded
    last_payment_on: dt.date | None = None
    last_ack_on: dt.date | None = None
    mortgage_shortfall: bool = False
    limitation_flagged_on: dt.date | None = None


@frozen(kw_only=True)
class DebtSchedule:
    debts: tuple[DebtSummary, ...]
    credit_report_checked_on: dt.date | None = None
    credit_report_not_checked_reason: str | None = None


@frozen(kw_only=True)
class OptionAppraisal:
    solution: Solution
    eligible: bool | None
    reason: str


@frozen(kw_only=True)
class CreditorReviewRequest:
    creditor: str
    received_on: dt.date
    decided_on: dt.date | None = None


@frozen(kw_only=True)
class BreathingSpaceRecord:
    kind: MoratoriumKind
    applied_on: dt.date
    start_on: dt.date | None  # None: not yet registered
    advice_on: dt.date | None
    checks_confirmed: frozenset[BsCheck]
    fee_charged: Money
    previous_standard_ended_on: dt.date | None = None
    midway_review_on: dt.date | None = None
    midway_review_outcome: str | None = None
    ended_on: dt.date | None = None  # early end (cancelled) or actual end
    creditor_requests: tuple[CreditorReviewRequest, ...] = ()


class LetterSection(enum.StrEnum):
    OPTIONS = "options"
    RECOMMENDATION = "recommendation"
    REASONS = "reasons"
    RISKS = "risks"
    NEXT_STEPS = "next_steps"


@frozen(kw_only=True)
class AdviceRecord:
    given_on: dt.date
    letter_sent_on: dt.date | None = None
    letter_sections: frozenset[LetterSection] = frozenset()


@frozen(kw_only=True)
class Settlement:
    creditor: str
    offered: Money
    written_acceptance_on: dt.date | None
    paid_on: dt.date | None


@frozen(kw_only=True)
class FileReview:
    adviser_id: UserId
    case_id: CaseId
    reviewed_on: dt.date
    reviewer_id: UserId | None
    score: int | None
    actions: str | None


@frozen(kw_only=True)
class Closure:
    closed_on: dt.date | None  # None: closed, but the date is lost (legacy import)
    retain_until: dt.date | None
    disposed_on: dt.date | None = None  # deleted or anonymised
    legal_hold: bool = False


@frozen(kw_only=True)
class DataSubjectRequest:
    id: str
    kind: str  # access, erasure, rectification, portability
    received_on: dt.date
    clock_started_on: dt.date | None = None  # later date when ID/clarification/fee arrived
    extended: bool = False
    extension_notified_on: dt.date | None = None
    answered_on: dt.date | None = None


@frozen(kw_only=True)
class Complaint:
    id: str
    kind: ComplaintKind
    received_on: dt.date
    acknowledged_on: dt.date | None = None
    final_response_on: dt.date | None = None


@frozen(kw_only=True)
class CaseFile:
    """Everything the rules read about one case. See the module docstring for ``None``."""

    case_id: CaseId
    adviser_id: UserId | None = None
    jurisdiction: Jurisdiction | None = None
    authority: AuthorityToAct | None = None
    comms: tuple[Communication, ...] | None = None
    preliminaries: Preliminaries | None = None
    vulnerability: Vulnerability | None = None
    threats: tuple[Threat, ...] | None = None
    tasks: tuple[TaskSummary, ...] | None = None
    recommendation: Recommendation | None = None
    recommendation_known: bool = True  # False: the solutions module is not in the snapshot
    sfs: SfsSummary | None = None
    debts: DebtSchedule | None = None
    options: tuple[OptionAppraisal, ...] | None = None
    # CR-14: the DRO result of the latest saved options appraisal (the one DRO engine,
    # solutions.rules), judged on its date; None: no saved appraisal judges a DRO.
    dro: OptionResult | None = None
    breathing_space: BreathingSpaceRecord | None = None
    advice: AdviceRecord | None = None
    settlements: tuple[Settlement, ...] | None = None
    adviser_file_reviews: tuple[FileReview, ...] | None = None
    #: The day the case's adviser started at the centre (CR-21 does not count a period
    #: they were not there for the whole of); None: not known.
    adviser_started_on: dt.date | None = None
    closure: Closure | None = None  # None: the case is open
    data_subject_requests: tuple[DataSubjectRequest, ...] | None = None
    complaints: tuple[Complaint, ...] | None = None
