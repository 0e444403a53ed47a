"""DRO-E1..E8 at and around every threshold, and across each change date."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from cma_core.assets.model import (
    AssetSchedule,
    HomeTenure,
    InsolvencyHistory,
    OtherAsset,
    Outcome,
    PastProcedure,
    Pension,
    ProcedureKind,
    Property,
    ResidenceFacts,
    Vehicle,
)
from cma_core.debts.model import DebtType
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import SourceTag
from cma_core.shared.money import Money
from cma_core.solutions.model import Eligibility, Finding, OptionResult, Solution
from cma_core.solutions.rules import assess
from solutions.builders import CLEAR, debt, evolve_current, facts, findings, summary

D = dt.date
OK, NO, ADV = Eligibility.ELIGIBLE, Eligibility.NOT_ELIGIBLE, Eligibility.ADVISER_JUDGEMENT


def test_baseline_client_is_eligible() -> None:
    result = assess(Solution.DRO, facts())
    assert result.status is OK, [str(r) for r in result.reasons]
    e2 = next(r for r in result.reasons_for("DRO-E2") if r.finding is Finding.PASS)
    assert e2.threshold is not None
    assert e2.threshold.value == 5_000_000
    assert e2.threshold.tag is SourceTag.VERIFIED


# -- DRO-E1/E2: debt limit on the submission date -------------------------------------------

DEBT_LIMITS = [
    (D(2015, 9, 30), 1_500_000),
    (D(2015, 10, 1), 2_000_000),
    (D(2021, 6, 28), 2_000_000),
    (D(2021, 6, 29), 3_000_000),
    (D(2024, 6, 27), 3_000_000),
    (D(2024, 6, 28), 5_000_000),
]


@pytest.mark.parametrize(("on", "limit"), DEBT_LIMITS)
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_debt_limit_one_penny_either_side(on: dt.date, limit: int, delta: int) -> None:
    result = assess(Solution.DRO, facts(on_date=on, debts=(debt(pence=limit + delta),)))
    assert findings(result, "DRO-E2") >= ({Finding.FAIL} if delta > 0 else {Finding.PASS})
    assert (Finding.FAIL in findings(result, "DRO-E2")) is (delta > 0)


def test_application_submitted_day_before_change_uses_old_limit() -> None:
    debts = (debt(pence=4_000_000),)
    assert assess(Solution.DRO, facts(on_date=D(2024, 6, 27), debts=debts)).status is NO
    assert assess(Solution.DRO, facts(on_date=D(2024, 6, 28), debts=debts)).status is OK


def test_before_the_scheme_there_is_no_limit_to_apply() -> None:
    result = assess(Solution.DRO, facts(on_date=D(2009, 4, 5)))
    assert result.status is ADV
    assert any("no reference value of dro.max_debt" in m for m in result.missing)


def test_secured_and_excluded_debts_are_not_counted() -> None:
    debts = (
        debt(pence=1_000_000),
        debt(DebtType.MORTGAGE, pence=20_000_000),
        debt(DebtType.STUDENT_LOAN, pence=4_500_000),
        debt(DebtType.MAGISTRATES_FINE, pence=100_000),
        debt(DebtType.CHILD_MAINTENANCE, pence=100_000),
    )
    result = assess(Solution.DRO, facts(debts=debts))
    assert Finding.PASS in findings(result, "DRO-E2")
    note = next(r for r in result.reasons_for("DRO-E2") if r.finding is Finding.NOTE)
    assert "student_loan" in note.message
    assert "mortgage" in note.message


def test_no_qualifying_debts_fails() -> None:
    result = assess(Solution.DRO, facts(debts=(debt(DebtType.STUDENT_LOAN),)))
    assert result.status is NO


# -- DRO-E3: surplus --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "limit"),
    [(D(2021, 6, 28), 5_000), (D(2021, 6, 29), 7_500), (D(2025, 1, 1), 7_500)],
)
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_surplus_one_penny_either_side(on: dt.date, limit: int, delta: int) -> None:
    result = assess(Solution.DRO, facts(on_date=on, budget=summary(surplus=limit + delta)))
    assert (Finding.FAIL in findings(result, "DRO-E3")) is (delta > 0)


def test_missing_budget_is_adviser_judgement() -> None:
    result = assess(Solution.DRO, facts(budget=None))
    assert result.status is ADV
    assert "missing: budget (SFS)" in result.missing


# -- DRO-E4: assets and vehicles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "limit"),
    [
        (D(2015, 9, 30), 30_000),
        (D(2015, 10, 1), 100_000),
        (D(2021, 6, 28), 100_000),
        (D(2021, 6, 29), 200_000),
    ],
)
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_assets_one_penny_either_side(on: dt.date, limit: int, delta: int) -> None:
    assets = AssetSchedule(
        owns_property=False, vehicles=(), savings_and_cash=Money(limit + delta), other_assets=()
    )
    result = assess(Solution.DRO, facts(on_date=on, assets=assets, debts=(debt(pence=1_000_000),)))
    assert (Finding.FAIL in findings(result, "DRO-E4")) is (delta > 0)


def _with_vehicle(on: dt.date, value: int, **kw: object) -> OptionResult:
    assets = AssetSchedule(
        owns_property=False,
        vehicles=(Vehicle(description="car", value=Money(value), **kw),),
        savings_and_cash=Money(0),
        other_assets=(),
    )
    return assess(Solution.DRO, facts(on_date=on, assets=assets, debts=(debt(pence=500_000),)))


@pytest.mark.parametrize(
    ("on", "disregard_below", "asset_limit"),
    [
        (D(2021, 6, 28), 100_000, 100_000),
        (D(2021, 6, 29), 200_000, 200_000),
        (D(2024, 6, 27), 200_000, 200_000),
        (D(2024, 6, 28), 400_000, 200_000),
    ],
)
def test_vehicle_disregard_is_strictly_below_the_limit(
    on: dt.date, disregard_below: int, asset_limit: int
) -> None:
    below = _with_vehicle(on, disregard_below - 1, work_only=False, adapted_for_disability=False)
    assert below.status is OK, [str(r) for r in below.reasons]
    # at the limit the vehicle is counted, and it is worth more than the asset limit
    at = _with_vehicle(on, disregard_below, work_only=False, adapted_for_disability=False)
    expected = NO if disregard_below > asset_limit else OK
    assert at.status is expected


def test_vehicle_of_3000_before_and_after_june_2024() -> None:
    car = {"work_only": False, "adapted_for_disability": False}
    assert _with_vehicle(D(2024, 6, 27), 300_000, **car).status is NO
    assert _with_vehicle(D(2024, 6, 28), 300_000, **car).status is OK


def test_adapted_vehicle_disregarded_at_any_value_but_declared() -> None:
    result = _with_vehicle(D(2025, 1, 1), 5_000_000, adapted_for_disability=True)
    assert result.status is OK
    notes = [r.message for r in result.reasons_for("DRO-E4")]
    assert any("must be declared" in m for m in notes)


def test_work_only_vehicle_cannot_be_the_disregarded_one() -> None:
    result = _with_vehicle(D(2025, 1, 1), 300_000, work_only=True, adapted_for_disability=False)
    assert result.status is NO


def test_unknown_work_only_is_missing_not_a_guess() -> None:
    result = _with_vehicle(D(2025, 1, 1), 300_000, adapted_for_disability=False)
    assert result.status is ADV
    assert any("used only for work" in m for m in result.missing)


def test_only_one_vehicle_is_disregarded() -> None:
    plain = {"value": Money(150_000), "work_only": False, "adapted_for_disability": False}
    cars = (Vehicle(description="a", **plain), Vehicle(description="b", **plain))
    assets = AssetSchedule(
        owns_property=False, vehicles=cars, savings_and_cash=Money(50_001), other_assets=()
    )
    result = assess(Solution.DRO, facts(assets=assets))
    assert result.status is NO  # 1,500.00 + 500.01 counted > 2,000
    assets_ok = attrs.evolve(assets, savings_and_cash=Money(50_000))
    assert assess(Solution.DRO, facts(assets=assets_ok)).status is OK


def test_homeowner_is_not_eligible() -> None:
    assets = AssetSchedule(
        owns_property=True,
        properties=(Property(tenure=HomeTenure.MORTGAGED, value=Money(1), secured_debts=Money(5)),),
        vehicles=(),
        savings_and_cash=Money(0),
        other_assets=(),
    )
    assert assess(Solution.DRO, facts(assets=assets)).status is NO


@pytest.mark.parametrize(
    "missing", ["owns_property", "vehicles", "savings_and_cash", "other_assets"]
)
def test_unknown_asset_facts_are_missing(missing: str) -> None:
    assets = attrs.evolve(facts().assets, **{missing: None})
    result = assess(Solution.DRO, facts(assets=assets))
    assert result.status is ADV
    assert result.missing


def test_known_assets_over_the_limit_fail_even_with_unknowns() -> None:
    assets = AssetSchedule(
        owns_property=False, vehicles=None, savings_and_cash=Money(200_001), other_assets=()
    )
    assert assess(Solution.DRO, facts(assets=assets)).status is NO


def test_other_assets_count_and_pensions_are_noted() -> None:
    assets = AssetSchedule(
        owns_property=False,
        vehicles=(),
        savings_and_cash=Money(100_000),
        other_assets=(OtherAsset(description="ring", value=Money(100_001)),),
        pensions=(Pension(value=Money(9_000_000)),),
    )
    result = assess(Solution.DRO, facts(assets=assets))
    assert result.status is NO
    assert any("pension" in r.message for r in result.reasons_for("DRO-E4"))


# -- DRO-E5: residence --------------------------------------------------------------------------


def test_residence() -> None:
    no = ResidenceFacts(domiciled=False, connected_last_3_years=False)
    assert assess(Solution.DRO, facts(residence=no)).status is NO
    unknown = ResidenceFacts(domiciled=False)
    assert assess(Solution.DRO, facts(residence=unknown)).status is ADV
    recent = ResidenceFacts(domiciled=False, connected_last_3_years=True)
    assert assess(Solution.DRO, facts(residence=recent)).status is OK
    elsewhere = ResidenceFacts(jurisdiction=Jurisdiction.SCO, domiciled=True)
    assert assess(Solution.DRO, facts(residence=elsewhere)).status is ADV


# -- DRO-E6: previous DRO ---------------------------------------------------------------------


def _with_previous(proc: PastProcedure, on: dt.date) -> OptionResult:
    return assess(
        Solution.DRO,
        facts(on_date=on, insolvency=InsolvencyHistory(previous=(proc,), current=CLEAR)),
    )


def test_previous_dro_six_year_boundary() -> None:
    proc = PastProcedure(
        kind=ProcedureKind.DRO, started_on=D(2019, 1, 15), outcome=Outcome.COMPLETED
    )
    assert _with_previous(proc, D(2025, 1, 14)).status is NO
    assert _with_previous(proc, D(2025, 1, 15)).status is OK


def test_revoked_dro_does_not_count() -> None:
    proc = PastProcedure(kind=ProcedureKind.DRO, started_on=D(2023, 1, 1), outcome=Outcome.REVOKED)
    assert _with_previous(proc, D(2025, 1, 15)).status is OK


def test_previous_dro_without_date_is_missing() -> None:
    proc = PastProcedure(kind=ProcedureKind.DRO, outcome=Outcome.COMPLETED)
    assert _with_previous(proc, D(2025, 1, 15)).status is ADV


def test_unknown_history_is_missing() -> None:
    result = assess(Solution.DRO, facts(insolvency=InsolvencyHistory(previous=None, current=CLEAR)))
    assert "missing: insolvency history" in result.missing


# -- DRO-E7: status --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flag",
    ["undischarged_bankrupt", "in_iva", "in_interim_order", "bro_or_bru", "drro_or_drru", "in_dro"],
)
def test_status_bars(flag: str) -> None:
    assert assess(Solution.DRO, evolve_current(facts(), **{flag: True})).status is NO
    assert assess(Solution.DRO, evolve_current(facts(), **{flag: None})).status is ADV


def test_pending_petitions_and_their_exceptions() -> None:
    base = facts()
    debtor = evolve_current(base, pending_debtor_petition=True)
    assert assess(Solution.DRO, debtor).status is ADV  # referral unknown
    assert (
        assess(Solution.DRO, evolve_current(debtor, debtor_petition_referred_to_dro=True)).status
        is OK
    )
    assert (
        assess(Solution.DRO, evolve_current(debtor, debtor_petition_referred_to_dro=False)).status
        is NO
    )
    creditor = evolve_current(base, pending_creditor_petition=True)
    assert (
        assess(Solution.DRO, evolve_current(creditor, petitioning_creditor_consents=True)).status
        is OK
    )
    assert (
        assess(Solution.DRO, evolve_current(creditor, petitioning_creditor_consents=False)).status
        is NO
    )


# -- DRO-E8: breathing space -----------------------------------------------------------------


def test_breathing_space_must_be_cancelled_but_does_not_bar() -> None:
    result = assess(Solution.DRO, evolve_current(facts(), in_breathing_space=True))
    assert result.status is OK
    assert any("cancelled" in r.message for r in result.reasons_for("DRO-E8"))


def test_fee_note_changes_in_april_2024() -> None:
    before = assess(Solution.DRO, facts(on_date=D(2024, 4, 5)))
    after = assess(Solution.DRO, facts(on_date=D(2024, 4, 6)))
    assert "£90.00" in before.reasons_for("DRO-FEE")[0].message
    assert "£0.00" in after.reasons_for("DRO-FEE")[0].message


# -- Northern Ireland ---------------------------------------------------------------------------


def _ni(on: dt.date, **kw: object) -> OptionResult:
    residence = ResidenceFacts(jurisdiction=Jurisdiction.NI, domiciled=True)
    return assess(
        Solution.DRO, facts(jurisdiction=Jurisdiction.NI, on_date=on, residence=residence, **kw)
    )


def test_ni_debt_limit_changes_8_july_2025() -> None:
    debts = (debt(pence=2_000_001),)
    before = _ni(D(2025, 7, 7), debts=debts)
    after = _ni(D(2025, 7, 8), debts=debts)
    assert Finding.FAIL in findings(before, "DRO-E2")
    assert Finding.PASS in findings(after, "DRO-E2")
    limit = next(r for r in after.reasons_for("DRO-E2") if r.threshold)
    assert limit.threshold.tag is SourceTag.UNVERIFIED


def test_ni_excludes_social_fund_and_holds_no_residence_test() -> None:
    result = _ni(D(2025, 8, 1), debts=(debt(pence=100_000), debt(DebtType.SOCIAL_FUND_LOAN)))
    note = next(r for r in result.reasons_for("DRO-E2") if r.finding is Finding.NOTE)
    assert "social_fund_loan" in note.message
    # NI residence years are not in the reference: adviser judgement, not a guess
    assert result.status is ADV
    assert any("dro.residence_years" in m for m in result.missing)


def test_any_recent_dro_bars_even_with_an_old_one() -> None:
    old = PastProcedure(kind=ProcedureKind.DRO, started_on=D(2010, 1, 1), outcome=Outcome.COMPLETED)
    recent = PastProcedure(
        kind=ProcedureKind.DRO, started_on=D(2022, 1, 1), outcome=Outcome.COMPLETED
    )
    hist = InsolvencyHistory(previous=(old, recent), current=CLEAR)
    assert assess(Solution.DRO, facts(insolvency=hist)).status is NO
    revoked = attrs.evolve(recent, outcome=Outcome.REVOKED)
    hist = InsolvencyHistory(previous=(old, revoked), current=CLEAR)
    assert assess(Solution.DRO, facts(insolvency=hist)).status is OK
