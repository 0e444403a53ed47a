"""Limitation warnings (Limitation Act 1980, England and Wales; UK-DEBT-ADVICE §5, CR-20).

A debt with no payment and no written acknowledgment for longer than its limitation
period may be *statute barred*: the creditor can no longer win a court claim for it.
The period runs from the **later** of the last payment and the last written
acknowledgment, because either restarts it (s29):

* LIM-01: 6 years for simple contract debts (s5) [S];
* LIM-02: 12 years for the principal of money secured by a mortgage, including a
  shortfall after repossession (s20) [S]; interest on it is 6 years (noted as a caveat).

Counting: the period of N years from date D ends on the N-th anniversary of D (the day of
D itself is not counted); the debt is flagged from the day after that.

The check only *warns* - it never decides. It gives ``UNKNOWN`` (adviser judgement), not
a warning, when a date is missing and could change the answer, for jurisdictions whose
rules are not in the reference data (Scotland's prescription, Northern Ireland's Order),
and for debts that follow other regimes (fines, tax, benefit overpayments, child
maintenance, student loans, council tax) or already have a judgment. Extension of the
period by a Breathing Space (SI 2020/1311 regs 8-9) is not modelled.
"""

from __future__ import annotations

import datetime as dt
import enum

from attrs import frozen

from cma_core.debts.model import Debt, DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.periods import add_years
from cma_core.reference.thresholds import Param, Threshold, ThresholdTable, default_thresholds


class LimitationStatus(enum.StrEnum):
    WITHIN_PERIOD = "within_period"
    PERIOD_EXPIRED = "period_expired"
    UNKNOWN = "unknown"


#: Types whose recovery is not (only) a simple contract claim: never auto-warned.
OTHER_REGIME_TYPES: frozenset[DebtType] = frozenset(
    {
        DebtType.COUNCIL_TAX,
        DebtType.MAGISTRATES_FINE,
        DebtType.CHILD_MAINTENANCE,
        DebtType.INCOME_TAX_VAT_NI,
        DebtType.BENEFIT_OVERPAYMENT,
        DebtType.TAX_CREDIT_OVERPAYMENT,
        DebtType.SOCIAL_FUND_LOAN,
        DebtType.UNIVERSAL_CREDIT_ADVANCE,
        DebtType.STUDENT_LOAN,
        DebtType.TV_LICENCE,
    }
)

MORTGAGE_PRINCIPAL_TYPES: frozenset[DebtType] = frozenset(
    {DebtType.MORTGAGE, DebtType.SECURED_LOAN, DebtType.MORTGAGE_SHORTFALL}
)


@frozen(kw_only=True)
class LimitationAssessment:
    """Result of :func:`assess_limitation`. ``warning`` is what CR-20 checks."""

    status: LimitationStatus
    rule_id: str
    period: Threshold | None
    runs_from: dt.date | None
    expires_on: dt.date | None
    reasons: tuple[str, ...]

    @property
    def warning(self) -> bool:
        return self.status is LimitationStatus.PERIOD_EXPIRED


def _unknown(rule_id: str, period: Threshold | None, reason: str) -> LimitationAssessment:
    return LimitationAssessment(
        status=LimitationStatus.UNKNOWN,
        rule_id=rule_id,
        period=period,
        runs_from=None,
        expires_on=None,
        reasons=(reason,),
    )


def _missing_dates(debt: Debt) -> list[str]:
    return [
        name
        for name, value in (
            ("last payment date", debt.last_payment_date),
            ("last written acknowledgment date", debt.last_acknowledgment_date),
        )
        if value is None
    ]


def _expired_caveats(debt: Debt, reasons: list[str]) -> LimitationStatus:
    """LIM-03 and LIM-04: an expired period still needs the adviser when another regime
    applies or a judgment exists (or may exist); adds the reasons and returns the status.
    """
    status = LimitationStatus.PERIOD_EXPIRED
    if debt.debt_type in OTHER_REGIME_TYPES:
        status = LimitationStatus.UNKNOWN
        reasons.append(
            f"LIM-03: {debt.debt_type} may be recovered outside the Limitation Act "
            "(deductions, statutory powers or no limit); adviser to check"
        )
    if debt.ccj:
        status = LimitationStatus.UNKNOWN
        reasons.append(
            "LIM-04: a judgment exists; the claim period no longer protects the client "
            "(enforcement after 6 years needs the court's permission); adviser to check"
        )
    if debt.ccj is None:
        status = LimitationStatus.UNKNOWN
        reasons.append("LIM-04: missing: whether a CCJ exists")
    return status


def assess_limitation(
    debt: Debt,
    on_date: dt.date,
    jurisdiction: Jurisdiction = Jurisdiction.EW,
    table: ThresholdTable | None = None,
) -> LimitationAssessment:
    """Whether ``debt`` may be statute barred on ``on_date``.

    Args:
        debt: the debt, with its last payment and last written acknowledgment dates.
        on_date: the date of the check (passed in; the core never reads the clock).
        jurisdiction: the client's jurisdiction; only EW periods are held.
        table: thresholds to use (defaults to the shipped table).
    """
    thresholds = table or default_thresholds()
    mortgage = debt.debt_type in MORTGAGE_PRINCIPAL_TYPES
    rule_id = "LIM-02" if mortgage else "LIM-01"
    param = (
        Param.LIMITATION_MORTGAGE_PRINCIPAL_YEARS
        if mortgage
        else Param.LIMITATION_SIMPLE_CONTRACT_YEARS
    )
    period = thresholds.find(jurisdiction, param, on_date)
    if period is None:
        reason = f"{rule_id}: limitation rules for {jurisdiction} are not in the reference"
        return _unknown(rule_id, None, reason)
    known = [d for d in (debt.last_payment_date, debt.last_acknowledgment_date) if d is not None]
    missing = _missing_dates(debt)
    if not known:
        return _unknown(rule_id, period, f"{rule_id}: missing: {' and '.join(missing)}")

    runs_from = max(known)
    expires_on = add_years(runs_from, period.value)
    reasons = [
        f"{rule_id}: {period.value} years ({period.citation()}) from {runs_from.isoformat()}, "
        f"the later known date of last payment / written acknowledgment; "
        f"period ends {expires_on.isoformat()}"
    ]
    if on_date <= expires_on:
        # Any unknown date could only be later, so the period cannot have run out.
        status = LimitationStatus.WITHIN_PERIOD
    elif missing:
        status = LimitationStatus.UNKNOWN
        reasons.append(f"{rule_id}: missing: {' and '.join(missing)} (could restart the period)")
    else:
        status = _expired_caveats(debt, reasons)
    if mortgage:
        interest = thresholds.find(jurisdiction, Param.LIMITATION_MORTGAGE_INTEREST_YEARS, on_date)
        if interest is not None:
            reasons.append(
                f"LIM-02: interest on a mortgage debt has a {interest.value}-year period "
                f"({interest.citation()})"
            )
    return LimitationAssessment(
        status=status,
        rule_id=rule_id,
        period=period,
        runs_from=runs_from,
        expires_on=expires_on,
        reasons=tuple(reasons),
    )
