"""Deadlines derived from facts on a case.

Every function takes the triggering date (as the adviser recorded it) and a
``WorkingCalendar`` and returns ``Deadline`` values that state how they were counted and
which rule they come from, so an adviser can check the arithmetic. Sources are the ones in
UK-DEBT-ADVICE §2, §5 and §7; items that section marks [U] or [S] say so in ``source``.

**Acts done at a court** (``COURT_ACTS``: responding to a claim, filing a defence,
applying to set aside a statutory demand, objecting to an interim charging order) follow
one rule, ``court_office_due``: a period for doing an act at the court office that ends on
a day the office is closed ends instead on the next day it is open (CPR 2.8(5); insolvency
applications follow the CPR where the Insolvency Rules are silent, IR 2016 r12.1). The
office is closed at weekends and on the jurisdiction's bank holidays, so every court act
goes through the same calendar as the case.

What these functions do **not** do: work out deemed service (CPR 6.14, 6.26) from the
method of service – the caller passes the date of service; apply Breathing Space
extensions to court deadlines (BSR regs 8–9, not yet read); or handle extensions agreed
with the other side (CPR 15.5) other than by the caller adding a new deadline.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

from attrs import frozen

from cma_core.reference.periods import add_months
from cma_core.scheduling.calendar import ClearDayRule, Roll, WorkingCalendar
from cma_core.shared.errors import ValidationError


class CountingRule(enum.StrEnum):
    CALENDAR_DAYS = "calendar_days"
    CLEAR_DAYS = "clear_days"
    BUSINESS_DAYS = "business_days"
    CALENDAR_MONTHS = "calendar_months"
    MORATORIUM_DAY = "moratorium_day"  # day N of a moratorium, day 1 = its start day


class DeadlineKind(enum.StrEnum):
    CLAIM_RESPONSE = "claim_response"
    DEFENCE = "defence"
    LETTER_OF_CLAIM_REPLY = "letter_of_claim_reply"
    STATUTORY_DEMAND_SET_ASIDE = "statutory_demand_set_aside"
    STATUTORY_DEMAND_COMPLY = "statutory_demand_comply"
    ENFORCEMENT_EARLIEST_VISIT = "enforcement_earliest_visit"
    CHARGING_ORDER_OBJECTION = "charging_order_objection"
    BS_REGISTRATION = "bs_registration"
    BS_CREDITOR_REVIEW_REQUEST = "bs_creditor_review_request"
    BS_CREDITOR_REVIEW_DECISION = "bs_creditor_review_decision"
    BS_MIDWAY_REVIEW_OPENS = "bs_midway_review_opens"
    BS_MIDWAY_REVIEW_DUE = "bs_midway_review_due"
    BS_END = "bs_end"
    DRO_MORATORIUM_END = "dro_moratorium_end"
    SAR_DUE = "sar_due"
    SAR_EXTENDED_DUE = "sar_extended_due"
    SAR_EXTENSION_NOTICE = "sar_extension_notice"
    WRITTEN_ADVICE = "written_advice"
    CASE_REVIEW = "case_review"
    MHCM_END = "mhcm_end"
    PETITION_HEARING = "petition_hearing"


@frozen(kw_only=True)
class Deadline:
    """A dated obligation or limit, with the arithmetic spelled out.

    ``due`` is the **last** day on which the act is in time, except for
    ``ENFORCEMENT_EARLIEST_VISIT`` and ``BS_MIDWAY_REVIEW_OPENS``, which are the **first**
    day something may happen (``is_earliest`` is then true).
    """

    kind: DeadlineKind
    due: dt.date
    trigger: dt.date
    counting: CountingRule
    amount: int
    rule: str  # how the date was computed, in words an adviser can check
    source: str  # citation; [S]/[U] tags copied from the domain reference
    is_earliest: bool = False


@frozen(kw_only=True)
class Period:
    """How long a party has: ``amount`` units counted by ``counting``, and the source."""

    amount: int
    counting: CountingRule
    source: str


#: The fixed periods of the court and enforcement deadlines below: the one home of these
#: numbers. ``documents.rules`` reads them to date the deadline a letter sets.
PERIODS: Mapping[DeadlineKind, Period] = {
    DeadlineKind.CLAIM_RESPONSE: Period(
        amount=14, counting=CountingRule.CALENDAR_DAYS, source="CPR 10.3, 14.2, 15.4"
    ),
    DeadlineKind.DEFENCE: Period(
        amount=28, counting=CountingRule.CALENDAR_DAYS, source="CPR 15.4(1)(b), 15.5"
    ),
    DeadlineKind.LETTER_OF_CLAIM_REPLY: Period(
        amount=30,
        counting=CountingRule.CALENDAR_DAYS,
        source="Pre-Action Protocol for Debt Claims para 5 [S: NDL]",
    ),
    DeadlineKind.STATUTORY_DEMAND_SET_ASIDE: Period(
        amount=18,
        counting=CountingRule.CALENDAR_DAYS,
        source="Insolvency (E&W) Rules 2016 r10.4 [S]",
    ),
    DeadlineKind.STATUTORY_DEMAND_COMPLY: Period(
        amount=21, counting=CountingRule.CALENDAR_DAYS, source="Insolvency Act 1986 s268 [S]"
    ),
    DeadlineKind.ENFORCEMENT_EARLIEST_VISIT: Period(
        amount=7,
        counting=CountingRule.CLEAR_DAYS,
        source="Taking Control of Goods Regs 2013 regs 2, 6 (Sunday/bank-holiday exclusion [U])",
    ),
    DeadlineKind.CHARGING_ORDER_OBJECTION: Period(
        amount=28, counting=CountingRule.CALENDAR_DAYS, source="CPR 73.10(2)"
    ),
    DeadlineKind.DRO_MORATORIUM_END: Period(
        amount=12, counting=CountingRule.CALENDAR_MONTHS, source="Insolvency Act 1986 s251H"
    ),
}

#: A statutory demand served outside England and Wales: 22 days to apply to set it aside.
STATUTORY_DEMAND_SET_ASIDE_OUTSIDE_EW_DAYS = 22


#: Acts done at the court office: their last day moves to the next day it is open.
COURT_ACTS: frozenset[DeadlineKind] = frozenset(
    {
        DeadlineKind.CLAIM_RESPONSE,
        DeadlineKind.DEFENCE,
        DeadlineKind.STATUTORY_DEMAND_SET_ASIDE,
        DeadlineKind.CHARGING_ORDER_OBJECTION,
    }
)

COURT_OFFICE_SOURCE = "CPR 2.8(5)"
COURT_OFFICE_RULE = "moved to the next day the court office is open if it is closed that day"


def court_office_due(kind: DeadlineKind, last_day: dt.date, calendar: WorkingCalendar) -> dt.date:
    """The last day for ``kind``: ``last_day``, or for a court act the next open day.

    CPR 2.8(5): when the period for doing an act at the court office ends on a day the
    office is closed (a weekend, a bank holiday of the jurisdiction), the act is in time
    if done on the next day the office is open. Acts not done at a court keep their day.
    """
    if kind not in COURT_ACTS:
        return last_day
    return calendar.roll(last_day, Roll.FOLLOWING)


def _at_court(kind: DeadlineKind, rule: str, source: str) -> tuple[str, str]:
    """The rule and source of a deadline, naming the court-office rule for a court act."""
    if kind not in COURT_ACTS:
        return rule, source
    if COURT_OFFICE_SOURCE not in source:
        source = f"{source}; {COURT_OFFICE_SOURCE}"
    return f"{rule}, {COURT_OFFICE_RULE}", source


def _period(
    kind: DeadlineKind,
    trigger: dt.date,
    due: dt.date,
    rule: str,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """A deadline of ``kind`` counted by its period in ``PERIODS``.

    A court act (``COURT_ACTS``) needs ``calendar``: its day follows ``court_office_due``.
    """
    period = PERIODS[kind]
    if kind in COURT_ACTS:
        if calendar is None:
            raise ValueError(f"{kind.value} is done at a court: its deadline needs a calendar")
        due = court_office_due(kind, due, calendar)
    rule, source = _at_court(kind, rule, period.source)
    return Deadline(
        kind=kind,
        due=due,
        trigger=trigger,
        counting=period.counting,
        amount=period.amount,
        rule=rule,
        source=source,
        is_earliest=kind is DeadlineKind.ENFORCEMENT_EARLIEST_VISIT,
    )


def _days(kind: DeadlineKind) -> dt.timedelta:
    return dt.timedelta(days=PERIODS[kind].amount)


def claim_response_due(served_on: dt.date, calendar: WorkingCalendar) -> Deadline:
    """Admit, defend or acknowledge within 14 days of service of the particulars of claim."""
    kind = DeadlineKind.CLAIM_RESPONSE
    return _period(
        kind,
        served_on,
        served_on + _days(kind),
        f"{PERIODS[kind].amount} days after service of the particulars",
        calendar,
    )


def defence_due(particulars_served_on: dt.date, calendar: WorkingCalendar) -> Deadline:
    """Defence due 28 days after service of the particulars once an acknowledgment is filed.

    CPR 15.4(1)(b) counts from service of the particulars, not from the acknowledgment, so
    the trigger is the service date (UK-DEBT-ADVICE §5).
    """
    kind = DeadlineKind.DEFENCE
    return _period(
        kind,
        particulars_served_on,
        particulars_served_on + _days(kind),
        f"{PERIODS[kind].amount} days after service of the particulars (acknowledgment "
        "filed; +28 days only by agreement, CPR 15.5)",
        calendar,
    )


def letter_of_claim_reply_due(letter_dated: dt.date) -> Deadline:
    """Reply Form due within 30 days of the date of the letter of claim."""
    kind = DeadlineKind.LETTER_OF_CLAIM_REPLY
    return _period(
        kind,
        letter_dated,
        letter_dated + _days(kind),
        f"{PERIODS[kind].amount} calendar days from the date of the letter (not from receipt)",
    )


def statutory_demand_deadlines(
    served_on: dt.date, calendar: WorkingCalendar, *, served_outside_ew: bool = False
) -> tuple[Deadline, Deadline]:
    """Set-aside application (18 days, 22 if served outside EW) and compliance (21 days).

    The application is made at court, so its day follows ``court_office_due``; paying the
    creditor is not a court act and keeps its calendar day.
    """
    kind = DeadlineKind.STATUTORY_DEMAND_SET_ASIDE
    set_aside = PERIODS[kind]
    comply = DeadlineKind.STATUTORY_DEMAND_COMPLY
    days = STATUTORY_DEMAND_SET_ASIDE_OUTSIDE_EW_DAYS if served_outside_ew else set_aside.amount
    rule, source = _at_court(
        kind, f"{days} days from service to apply to set the demand aside", set_aside.source
    )
    return (
        Deadline(
            kind=kind,
            due=court_office_due(kind, served_on + dt.timedelta(days=days), calendar),
            trigger=served_on,
            counting=set_aside.counting,
            amount=days,
            rule=rule,
            source=source,
        ),
        _period(
            comply,
            served_on,
            served_on + _days(comply),
            f"{PERIODS[comply].amount} days from service to pay or secure; after that the "
            "creditor may petition (debt ≥ £5,000)",
        ),
    )


def enforcement_earliest_visit(notice_given_on: dt.date, calendar: WorkingCalendar) -> Deadline:
    """Earliest day an enforcement agent may take control after a notice of enforcement."""
    kind = DeadlineKind.ENFORCEMENT_EARLIEST_VISIT
    days = PERIODS[kind].amount
    return _period(
        kind,
        notice_given_on,
        calendar.add_clear_days(notice_given_on, days, ClearDayRule.EXCLUDE_SUNDAYS_AND_HOLIDAYS),
        f"{days} clear days: not counting the day of notice, the day of the visit, Sundays "
        "or bank holidays; this is the first day a visit is lawful",
    )


def charging_order_objection_due(
    interim_order_served_on: dt.date, calendar: WorkingCalendar
) -> Deadline:
    """Written objections to the court within 28 days of service of the interim order."""
    kind = DeadlineKind.CHARGING_ORDER_OBJECTION
    return _period(
        kind,
        interim_order_served_on,
        interim_order_served_on + _days(kind),
        f"{PERIODS[kind].amount} days after service of the interim charging order",
        calendar,
    )


def moratorium_day(start: dt.date, n: int) -> dt.date:
    """Day ``n`` of a moratorium whose day 1 is ``start``."""
    if n < 1:
        raise ValidationError("n", "moratorium days count from 1")
    return start + dt.timedelta(days=n - 1)


def breathing_space_start(registered_on: dt.date) -> dt.date:
    """A breathing space starts the day after the register entry (BSR reg 26(1) [S])."""
    return registered_on + dt.timedelta(days=1)


def breathing_space_registration_due(submitted_on: dt.date, calendar: WorkingCalendar) -> Deadline:
    """Register entry and creditor notices by the end of the next business day."""
    return Deadline(
        kind=DeadlineKind.BS_REGISTRATION,
        due=calendar.add_business_days(submitted_on, 1),
        trigger=submitted_on,
        counting=CountingRule.BUSINESS_DAYS,
        amount=1,
        rule="end of the next business day after the application is submitted",
        source="Debt Respite Scheme Regs 2020 (SI 2020/1311) reg 25(2)",
    )


def breathing_space_deadlines(start: dt.date) -> tuple[Deadline, ...]:
    """The standard breathing-space timeline; ``start`` is day 1."""

    def day(kind: DeadlineKind, n: int, rule: str, source: str, earliest: bool = False) -> Deadline:
        return Deadline(
            kind=kind,
            due=moratorium_day(start, n),
            trigger=start,
            counting=CountingRule.MORATORIUM_DAY,
            amount=n,
            rule=rule,
            source=source,
            is_earliest=earliest,
        )

    return (
        day(
            DeadlineKind.BS_CREDITOR_REVIEW_REQUEST,
            20,
            "day 20 (day 1 = start): last day a creditor may ask for a review",
            "SI 2020/1311 reg 17(3)",
        ),
        day(
            DeadlineKind.BS_MIDWAY_REVIEW_OPENS,
            26,
            "day 26: the midway review may not be done before this day",
            "SI 2020/1311 reg 27(2)-(3)",
            earliest=True,
        ),
        day(
            DeadlineKind.BS_MIDWAY_REVIEW_DUE,
            35,
            "day 35: last day for the midway review",
            "SI 2020/1311 reg 27(2)-(3)",
        ),
        day(
            DeadlineKind.BS_CREDITOR_REVIEW_DECISION,
            35,
            "day 35: last day to decide a creditor's review request",
            "SI 2020/1311 reg 18(1)",
        ),
        day(
            DeadlineKind.BS_END,
            60,
            "day 60: a standard breathing space lasts up to 60 days",
            "SI 2020/1311 (end-date wording [U])",
        ),
    )


def dro_moratorium_end(effective_on: dt.date) -> Deadline:
    """A DRO moratorium lasts 12 months from the effective date (the OR may extend it)."""
    kind = DeadlineKind.DRO_MORATORIUM_END
    months = PERIODS[kind].amount
    return _period(
        kind,
        effective_on,
        add_months(effective_on, months),
        f"{months} calendar months from the order's effective date",
    )


#: A mental-health crisis moratorium lasts while the crisis treatment does and 30 days more.
MHCM_DAYS_AFTER_TREATMENT = 30
MHCM_SOURCE = (
    "Debt Respite Scheme Regs 2020 (SI 2020/1311) reg 32(2)(b); UK-DEBT-ADVICE §2 "
    "(MHCM: crisis treatment + 30 days)"
)


def mhcm_end(treatment_ended_on: dt.date) -> Deadline:
    """The last day of a mental-health crisis moratorium: 30 days after the day the crisis
    treatment ended (the moratorium may end sooner, e.g. if the nominated contact does not
    answer a request for confirmation)."""
    return Deadline(
        kind=DeadlineKind.MHCM_END,
        due=treatment_ended_on + dt.timedelta(days=MHCM_DAYS_AFTER_TREATMENT),
        trigger=treatment_ended_on,
        counting=CountingRule.CALENDAR_DAYS,
        amount=MHCM_DAYS_AFTER_TREATMENT,
        rule=f"{MHCM_DAYS_AFTER_TREATMENT} days after the crisis treatment ended",
        source=MHCM_SOURCE,
    )


def petition_hearing(presented_on: dt.date, hearing: dt.date, notes: tuple[str, ...]) -> Deadline:
    """The hearing of a creditor's bankruptcy petition: a threat to the client's home and
    income; the adviser acts before it (oppose, pay, or seek an adjournment)."""
    if hearing < presented_on:
        raise ValidationError("details.hearing_on", "cannot be before the petition")
    said = "; ".join(notes)
    return Deadline(
        kind=DeadlineKind.PETITION_HEARING,
        due=hearing,
        trigger=presented_on,
        counting=CountingRule.CALENDAR_DAYS,
        amount=(hearing - presented_on).days,
        rule="the bankruptcy petition's hearing date" + (f" ({said})" if said else ""),
        source="Insolvency Act 1986 s267; UK-DEBT-ADVICE §1.4 (creditor petition)",
    )


def sar_deadlines(clock_starts_on: dt.date, calendar: WorkingCalendar) -> tuple[Deadline, Deadline]:
    """Subject access request: one month, or three in total when validly extended.

    ``clock_starts_on`` is the day of receipt, or the later day on which the identity
    evidence, clarification or permitted fee arrived (the clock waits for them).
    One month runs to the same calendar date, the month's last day if there is none, then
    the next working day if that is a weekend or holiday (ICO). The extension (+2 months)
    uses the same rule from the same start.
    """
    first = calendar.add_months(clock_starts_on, 1, Roll.FOLLOWING)
    extended = calendar.add_months(clock_starts_on, 3, Roll.FOLLOWING)
    rule = (
        "{n} calendar month(s) to the same date (last day of the month if none), then the "
        "next working day if it is a weekend or bank holiday"
    )
    return (
        Deadline(
            kind=DeadlineKind.SAR_DUE,
            due=first,
            trigger=clock_starts_on,
            counting=CountingRule.CALENDAR_MONTHS,
            amount=1,
            rule=rule.format(n=1),
            source="UK GDPR Art 12(3); ICO right of access guidance",
        ),
        Deadline(
            kind=DeadlineKind.SAR_EXTENDED_DUE,
            due=extended,
            trigger=clock_starts_on,
            counting=CountingRule.CALENDAR_MONTHS,
            amount=3,
            rule=rule.format(n=3) + "; only if the requester was told within the first month",
            source="UK GDPR Art 12(3); ICO right of access guidance",
        ),
    )


def written_advice_due(
    advice_given_on: dt.date, working_days: int, calendar: WorkingCalendar
) -> Deadline:
    """Written advice summary due ``working_days`` after the advice (centre policy)."""
    if working_days < 0:
        raise ValidationError("working_days", "must not be negative")
    return Deadline(
        kind=DeadlineKind.WRITTEN_ADVICE,
        due=calendar.add_business_days(advice_given_on, working_days),
        trigger=advice_given_on,
        counting=CountingRule.BUSINESS_DAYS,
        amount=working_days,
        rule=f"{working_days} working days after the advice was given (centre policy)",
        source="Centre policy; no statutory period found (UK-DEBT-ADVICE §6.1 CR-18)",
    )


def case_review_due(
    last_reviewed_on: dt.date, every_months: int, calendar: WorkingCalendar
) -> Deadline:
    """Next periodic case review, brought forward to a working day so it is not missed."""
    if every_months < 1:
        raise ValidationError("every_months", "must be at least 1")
    return Deadline(
        kind=DeadlineKind.CASE_REVIEW,
        due=calendar.add_months(last_reviewed_on, every_months, Roll.PRECEDING),
        trigger=last_reviewed_on,
        counting=CountingRule.CALENDAR_MONTHS,
        amount=every_months,
        rule=f"{every_months} calendar month(s) after the last review, moved back to the "
        "previous working day",
        source="Centre policy (FCA expects regular reviews of repayment plans)",
    )
