"""Options appraisal: the facts in, and one result per solution out.

A result is ``ELIGIBLE``, ``NOT_ELIGIBLE`` or ``ADVISER_JUDGEMENT``, with the reasons that
led there. Each :class:`Reason` carries a rule id (``DRO-E1`` ... from UK-DEBT-ADVICE §1,
or an id of ours such as ``BS-E1``, ``AO-E1``), a finding, a message, the source and - when
a figure was used - the :class:`~cma_core.reference.thresholds.Threshold` in force on the
date, with its own source and [V]/[S]/[U] tag.

The status follows from the findings: any ``FAIL`` makes the option ``NOT_ELIGIBLE``;
otherwise any ``MISSING`` or ``JUDGEMENT`` makes it ``ADVISER_JUDGEMENT``; otherwise it is
``ELIGIBLE``. ``NOTE`` findings never change the status (fees, consequences, duties).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from attrs import field, frozen

from cma_core.assets.model import AssetSchedule, InsolvencyHistory, ResidenceFacts
from cma_core.budgets.model import BudgetSummary
from cma_core.debts.model import Debt
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Threshold
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.money import Money


class Solution(enum.StrEnum):
    DRO = "dro"
    MAP = "map"
    BANKRUPTCY = "bankruptcy"
    SEQUESTRATION = "sequestration"
    IVA = "iva"
    TRUST_DEED = "trust_deed"
    DMP = "dmp"
    ADMINISTRATION_ORDER = "administration_order"
    BREATHING_SPACE = "breathing_space"
    MENTAL_HEALTH_CRISIS_MORATORIUM = "mental_health_crisis_moratorium"
    TOKEN_PAYMENTS = "token_payments"  # noqa: S105 - a payment kind, not a secret
    FULL_AND_FINAL_SETTLEMENT = "full_and_final_settlement"
    WRITE_OFF_REQUEST = "write_off_request"
    NO_SOLUTION_NEEDED = "no_solution_needed"
    DEBT_ARRANGEMENT_SCHEME = "debt_arrangement_scheme"  # Scotland's DAS


_COMMON = (
    Solution.DMP,
    Solution.TOKEN_PAYMENTS,
    Solution.FULL_AND_FINAL_SETTLEMENT,
    Solution.WRITE_OFF_REQUEST,
    Solution.NO_SOLUTION_NEEDED,
)

#: Which options the appraisal lists in each jurisdiction (CR-12, CONC 8.2.2G(1)).
#: Scotland offers its own procedures (MAP, sequestration, Protected Trust Deed, the Debt
#: Arrangement Scheme) instead of the DRO, bankruptcy and IVA of England and Wales; Northern
#: Ireland has its own DRO figures (``dro`` rules) but no Breathing Space; administration
#: orders in NI are not modelled yet.
SOLUTIONS_BY_JURISDICTION: dict[Jurisdiction, tuple[Solution, ...]] = {
    Jurisdiction.EW: (
        Solution.DRO,
        Solution.BANKRUPTCY,
        Solution.IVA,
        Solution.ADMINISTRATION_ORDER,
        Solution.BREATHING_SPACE,
        Solution.MENTAL_HEALTH_CRISIS_MORATORIUM,
        *_COMMON,
    ),
    Jurisdiction.SCO: (
        Solution.MAP,
        Solution.SEQUESTRATION,
        Solution.TRUST_DEED,
        Solution.DEBT_ARRANGEMENT_SCHEME,
        *_COMMON,
    ),
    Jurisdiction.NI: (Solution.DRO, Solution.BANKRUPTCY, Solution.IVA, *_COMMON),
}

#: Solutions the client pays into every month: a recommendation of one needs a monthly
#: payment the budget affords and an expected term (CR-13, CONC 8.2.2G(2)).
REGULAR_PAYMENT_SOLUTIONS = frozenset(
    {
        Solution.DMP,
        Solution.ADMINISTRATION_ORDER,
        Solution.IVA,
        Solution.TRUST_DEED,
        Solution.DEBT_ARRANGEMENT_SCHEME,
        Solution.TOKEN_PAYMENTS,
    }
)

#: The two Breathing Space moratoria (SI 2020/1311): standard and mental health crisis.
MORATORIA = frozenset({Solution.BREATHING_SPACE, Solution.MENTAL_HEALTH_CRISIS_MORATORIUM})


def available_in(solution: Solution, jurisdiction: Jurisdiction) -> bool:
    """Whether ``solution`` exists in ``jurisdiction`` (CR-05, CONC 8.2.2G(1))."""
    return solution in SOLUTIONS_BY_JURISDICTION[jurisdiction]


class Eligibility(enum.StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    ADVISER_JUDGEMENT = "adviser_judgement"


class Finding(enum.StrEnum):
    PASS = "pass"  # noqa: S105 - a rule finding, not a password
    FAIL = "fail"
    MISSING = "missing"
    JUDGEMENT = "judgement"
    NOTE = "note"


@frozen(kw_only=True)
class Reason:
    rule_id: str
    finding: Finding
    message: str
    source: str = ""
    threshold: Threshold | None = None

    def __str__(self) -> str:
        cite = self.threshold.citation() if self.threshold else self.source
        suffix = f" ({cite})" if cite else ""
        return f"{self.rule_id} [{self.finding}]: {self.message}{suffix}"


def status_of(reasons: tuple[Reason, ...]) -> Eligibility:
    findings = {r.finding for r in reasons}
    if Finding.FAIL in findings:
        return Eligibility.NOT_ELIGIBLE
    if findings & {Finding.MISSING, Finding.JUDGEMENT}:
        return Eligibility.ADVISER_JUDGEMENT
    return Eligibility.ELIGIBLE


@frozen(kw_only=True)
class OptionResult:
    solution: Solution
    jurisdiction: Jurisdiction
    on_date: dt.date
    reasons: tuple[Reason, ...]
    status: Eligibility = field()

    @status.default
    def _status(self) -> Eligibility:
        return status_of(self.reasons)

    def reasons_for(self, rule_id: str) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.rule_id == rule_id)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(r.message for r in self.reasons if r.finding is Finding.MISSING)


@frozen(kw_only=True)
class CaseFacts:
    """Everything the appraisal reads. Unknown facts are ``None``.

    Args:
        jurisdiction: the client's jurisdiction.
        on_date: the date the option would be applied for (for a DRO, the **submission
            date**: DRO-E1); limits in force on that date are used.
        debts: the case's debts.
        budget: the SFS summary (``None`` if no budget yet).
        assets, insolvency, residence: see :mod:`cma_core.assets.model`.
        benefits_only_months: months the client's income has been benefits only (MAP).
        unable_to_pay_debts_as_due: Breathing Space condition, reg 24(4)(a).
        amhp_evidence: an AMHP has certified crisis treatment (MHCM, reg 28-30).
        receiving_crisis_treatment: the client is receiving mental health crisis treatment.
        lump_sum_available: money available for full and final settlements.
    """

    jurisdiction: Jurisdiction
    on_date: dt.date
    debts: tuple[Debt, ...] = ()
    budget: BudgetSummary | None = None
    assets: AssetSchedule = field(factory=AssetSchedule)
    insolvency: InsolvencyHistory = field(factory=InsolvencyHistory)
    residence: ResidenceFacts = field(factory=ResidenceFacts)
    benefits_only_months: int | None = None
    unable_to_pay_debts_as_due: bool | None = None
    amhp_evidence: bool | None = None
    receiving_crisis_treatment: bool | None = None
    lump_sum_available: Money | None = None

    def __attrs_post_init__(self) -> None:
        if self.lump_sum_available is not None and self.lump_sum_available.is_negative:
            raise ValidationError("lump_sum_available", "must not be negative")
        if self.benefits_only_months is not None and self.benefits_only_months < 0:
            raise ValidationError("benefits_only_months", "must not be negative")


@frozen(kw_only=True)
class Appraisal:
    """Every option available in the jurisdiction, each with a status and reasons (CR-12)."""

    jurisdiction: Jurisdiction
    on_date: dt.date
    options: tuple[OptionResult, ...]

    def get(self, solution: Solution) -> OptionResult:
        found = self.find(solution)
        if found is None:
            raise KeyError(solution)
        return found

    def find(self, solution: Solution) -> OptionResult | None:
        """The result for ``solution``, or ``None`` when it does not exist here."""
        return next((o for o in self.options if o.solution is solution), None)


@frozen(kw_only=True)
class AppraisalSaved(DomainEvent):
    """An options appraisal was saved for the case (CR-12, CR-14 read the latest)."""

    name = "AppraisalSaved"
    case_id: CaseId
    appraisal_id: uuid.UUID
    saved_by: UserId | None
