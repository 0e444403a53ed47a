"""Findings, severities and the per-centre compliance policy."""

from __future__ import annotations

import datetime as dt
import enum

from attrs import field, frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import SOLUTIONS_BY_JURISDICTION, Solution


class Severity(enum.StrEnum):
    """UK-DEBT-ADVICE §6.1: critical = legal breach or irreversible harm; high = likely
    regulatory or audit failure; medium = quality gap."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"


class Status(enum.StrEnum):
    PASS = "pass"  # noqa: S105 - a status, not a secret
    FAIL = "fail"
    NOT_ASSESSABLE = "not_assessable"  # a fact the rule needs is not in the case file
    # The rule's trigger has not happened (no breathing space, case still open): reported
    # explicitly rather than as a pass, so nobody reads it as "checked and fine".
    NOT_APPLICABLE = "not_applicable"


@frozen(kw_only=True)
class Finding:
    """One rule's verdict on one case file, in words an adviser can act on.

    ``facts`` are the values the rule read, as ``(name, value)`` text pairs so the finding
    can be stored and shown as it was (the case file may change later). ``due_on`` is set
    when the rule passes *so far* but something falls due on that date.
    """

    rule_id: str
    severity: Severity
    status: Status
    message: str
    facts: tuple[tuple[str, str], ...] = ()
    fix: str | None = None
    due_on: dt.date | None = None


#: CR-12: the appraisal must list every solution of the jurisdiction (solutions.model's
#: one table), except "no solution needed" (not a remedy) and the mental health crisis
#: moratorium, which the rules read as the Breathing Space option it is a form of.
DEFAULT_REQUIRED_OPTIONS: dict[Jurisdiction, frozenset[Solution]] = {
    jurisdiction: frozenset(solutions)
    - {Solution.NO_SOLUTION_NEEDED, Solution.MENTAL_HEALTH_CRISIS_MORATORIUM}
    for jurisdiction, solutions in SOLUTIONS_BY_JURISDICTION.items()
}


def _positive(name: str, value: int) -> None:
    if value < 0:
        raise ValidationError(name, "must not be negative")


@frozen(kw_only=True)
class CompliancePolicy:
    """Per-centre settings for the rules marked ``(policy)`` in UK-DEBT-ADVICE §6.1.

    Defaults are conventions, not law, except where a source is named.
    """

    written_advice_working_days: int = 5  # CR-18: no statutory period found
    file_review_quota: int = 2  # CR-21: per adviser per period; AQS sizes not found
    file_review_period_months: int = 3  # CR-21: calendar quarters by default
    retention_years: int = 6  # CR-22: convention matching the 6-year limitation period
    disposal_grace_days: int = 30  # CR-22: time allowed to run the deletion batch
    complaint_final_response_days: int = 56  # CR-24: DISP 8 weeks [U]
    dp_complaint_ack_days: int = 30  # CR-24: Data (Use and Access) Act 2025 [S]
    dp_complaint_ack_from: dt.date = dt.date(2026, 6, 19)
    vulnerability_review_tolerance_days: int = 0  # CR-03: screening on the review day
    pro_rata_tolerance_pence: int = 1  # CR-11: ±1p rounding
    # CR-11: £1-£2 per creditor when nothing is left
    token_payment_max: Money = field(factory=lambda: Money(200))
    limitation_years: int = 6  # CR-20: Limitation Act 1980 s5
    mortgage_shortfall_limitation_years: int = 12  # CR-20: s20 principal
    required_options: dict[Jurisdiction, frozenset[Solution]] = field(
        factory=lambda: dict(DEFAULT_REQUIRED_OPTIONS)
    )

    def __attrs_post_init__(self) -> None:
        for name in (
            "written_advice_working_days",
            "file_review_quota",
            "disposal_grace_days",
            "complaint_final_response_days",
            "dp_complaint_ack_days",
            "vulnerability_review_tolerance_days",
            "pro_rata_tolerance_pence",
        ):
            _positive(name, getattr(self, name))
        if self.file_review_period_months not in {1, 2, 3, 4, 6, 12}:
            raise ValidationError("file_review_period_months", "must divide a year")
        if self.retention_years < 1:
            raise ValidationError("retention_years", "must be at least 1")


@frozen(kw_only=True)
class FileReviewRecorded(DomainEvent):
    """A supervisor reviewed one of an adviser's closed files: CR-21 is re-read on the
    adviser's open cases (their findings count the adviser's reviews)."""

    name = "FileReviewRecorded"
    case_id: CaseId
    adviser_id: UserId | None
