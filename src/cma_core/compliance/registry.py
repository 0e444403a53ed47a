"""The rule registry (data) and ``evaluate``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from attrs import frozen

from cma_core.compliance import rules as r
from cma_core.compliance.casefile import CaseFile
from cma_core.compliance.model import CompliancePolicy, Finding, Severity
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.shared.errors import ValidationError

Check = Callable[[CaseFile, r.RuleContext], r.Verdict]


@frozen(kw_only=True)
class RuleSpec:
    id: str
    title: str
    severity: Severity
    source: str
    check: Check


_C, _H, _M = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM

RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        id="CR-01",
        severity=_H,
        check=r.cr01_authority_before_contact,
        title="Authority to act before third-party contact",
        source="MaPS Debt Advice Quality Framework [S]; CPAG",
    ),
    RuleSpec(
        id="CR-02",
        severity=_H,
        check=r.cr02_privacy_and_consent,
        title="Privacy notice, lawful basis, service information; special-category consent",
        source="UK GDPR Arts 6, 9, 13; debtquality.org.uk [S]",
    ),
    RuleSpec(
        id="CR-03",
        severity=_H,
        check=r.cr03_vulnerability_screening,
        title="Vulnerability screened at first contact and each review",
        source="FCA FG21/1",
    ),
    RuleSpec(
        id="CR-04",
        severity=_C,
        check=r.cr04_threat_tasks,
        title="Every dated threat has a task due before it",
        source="UK-DEBT-ADVICE §5; PRIN 2A (Consumer Duty, avoid foreseeable harm)",
    ),
    RuleSpec(
        id="CR-05",
        severity=_H,
        check=r.cr05_jurisdiction_solution,
        title="Jurisdiction recorded; solution exists there",
        source="CONC 8.2.2G(1)",
    ),
    RuleSpec(
        id="CR-06",
        severity=_H,
        check=r.cr06_sfs_before_recommendation,
        title="Complete SFS before recommendation",
        source="CONC 8 (full assessment of circumstances); BSG 4.3",
    ),
    RuleSpec(
        id="CR-07",
        severity=_H,
        check=r.cr07_sfs_arithmetic,
        title="SFS sums and no negative lines",
        source="SFS-DDS v1.1 formulas",
    ),
    RuleSpec(
        id="CR-08",
        severity=_M,
        check=r.cr08_flexible_above_guideline,
        title="Flexible costs above guideline explained",
        source="MaPS SFS guidelines",
    ),
    RuleSpec(
        id="CR-09",
        severity=_M,
        check=r.cr09_debt_details,
        title="Debts fully described; credit report checked",
        source="MaPS Quality Framework [S]",
    ),
    RuleSpec(
        id="CR-10",
        severity=_H,
        check=r.cr10_priority_first,
        title="Priority debts first and affordable",
        source="FCA Glossary; CPAG [S]",
    ),
    RuleSpec(
        id="CR-11",
        severity=_M,
        check=r.cr11_pro_rata,
        title="Non-priority offers pro rata",
        source="SFS; moneyadvicehub [S]",
    ),
    RuleSpec(
        id="CR-12",
        severity=_H,
        check=r.cr12_options_appraisal,
        title="Options appraisal complete",
        source="CONC 8.2.2G; FCA best interests",
    ),
    RuleSpec(
        id="CR-13",
        severity=_H,
        check=r.cr13_affordable_payment,
        title="Payment affordable; expected term recorded",
        source="CONC 8.2.2G(2)",
    ),
    RuleSpec(
        id="CR-14",
        severity=_C,
        check=r.cr14_dro_eligibility,
        title="DRO eligibility E1-E8 on the submission date",
        source="Insolvency Act 1986 Part 7A; SI 2024/626, 2024/622",
    ),
    RuleSpec(
        id="CR-15",
        severity=_C,
        check=r.cr15_breathing_space_entry,
        title="Breathing Space checks, prior advice, no fee",
        source="SI 2020/1311 regs 4, 23, 24(3)",
    ),
    RuleSpec(
        id="CR-16",
        severity=_C,
        check=r.cr16_midway_review,
        title="Breathing Space midway review days 26-35",
        source="SI 2020/1311 reg 27",
    ),
    RuleSpec(
        id="CR-17",
        severity=_H,
        check=r.cr17_creditor_reviews,
        title="Creditor review requests decided by day 35",
        source="SI 2020/1311 regs 17(3), 18(1)",
    ),
    RuleSpec(
        id="CR-18",
        severity=_H,
        check=r.cr18_written_advice,
        title="Written advice within N working days",
        source="Centre policy; CONC 8.3.1R",
    ),
    RuleSpec(
        id="CR-19",
        severity=_H,
        check=r.cr19_settlement_acceptance,
        title="Written acceptance before settlement payment",
        source="StepChange, NDL [S]",
    ),
    RuleSpec(
        id="CR-20",
        severity=_M,
        check=r.cr20_limitation_flag,
        title="Possible limitation flagged before offers",
        source="Limitation Act 1980 ss5, 20, 29",
    ),
    RuleSpec(
        id="CR-21",
        severity=_M,
        check=r.cr21_file_reviews,
        title="Supervisor file reviews per adviser",
        source="AQS / MaPS peer review [S]",
    ),
    RuleSpec(
        id="CR-22",
        severity=_M,
        check=r.cr22_retention,
        title="Retention date set and honoured",
        source="UK GDPR Art 5(1)(e); centre policy",
    ),
    RuleSpec(
        id="CR-23",
        severity=_H,
        check=r.cr23_data_subject_requests,
        title="Data-subject requests answered on time",
        source="UK GDPR Art 12(3); ICO",
    ),
    RuleSpec(
        id="CR-24",
        severity=_M,
        check=r.cr24_complaints,
        title="Complaints within limits",
        source="DISP 1.6 [U]; Data (Use and Access) Act 2025 [S]",
    ),
)

RULES_BY_ID: dict[str, RuleSpec] = {spec.id: spec for spec in RULES}


def evaluate(
    casefile: CaseFile,
    policy: CompliancePolicy,
    today: dt.date,
    *,
    calendar: WorkingCalendar | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the rules (all, or the ids in ``only``) and return one finding per rule, in order.

    Args:
        casefile: the snapshot to check.
        policy: the centre's settings.
        today: the date the check is made (the core has no clock).
        calendar: the centre's working calendar for working-day rules (CR-18, CR-23). Without
            one, weekends are the only non-working days, which can make a due date a day or
            two early around bank holidays; findings say so in their facts.
    """
    note = ""
    if calendar is None:
        calendar = WorkingCalendar(jurisdiction=casefile.jurisdiction or Jurisdiction.EW)
        note = "weekends only (no bank holidays loaded)"
    ctx = r.RuleContext(policy=policy, today=today, calendar=calendar, calendar_note=note)
    wanted = None if only is None else set(only)
    unknown = (wanted or set()) - RULES_BY_ID.keys()
    if unknown:
        raise ValidationError("only", f"unknown rule ids: {', '.join(sorted(unknown))}")
    findings: list[Finding] = []
    for spec in RULES:
        if wanted is not None and spec.id not in wanted:
            continue
        verdict = spec.check(casefile, ctx)
        findings.append(
            Finding(
                rule_id=spec.id,
                severity=spec.severity,
                status=verdict.status,
                message=verdict.message,
                facts=verdict.facts,
                fix=verdict.fix,
                due_on=verdict.due_on,
            )
        )
    return findings
