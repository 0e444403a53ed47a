"""Every other option: MAP, bankruptcy, sequestration, IVA, trust deed, DMP, AO, breathing
space, MHCM, token payments, settlement, write-off, no solution needed; and appraise()."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest

from cma_core.assets.model import (
    AssetSchedule,
    InsolvencyHistory,
    OtherAsset,
    Outcome,
    PastProcedure,
    ProcedureKind,
    ResidenceFacts,
    Vehicle,
)
from cma_core.debts.model import CreditorId, Debt, DebtType, EnforcementStage
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.money import Money
from cma_core.solutions.model import (
    SOLUTIONS_BY_JURISDICTION,
    Eligibility,
    Finding,
    OptionResult,
    Solution,
)
from cma_core.solutions.rules import appraise, assess
from solutions.builders import CLEAR, debt, evolve_current, facts, findings, summary

D = dt.date
OK, NO, ADV = Eligibility.ELIGIBLE, Eligibility.NOT_ELIGIBLE, Eligibility.ADVISER_JUDGEMENT
SCO_RES = ResidenceFacts(jurisdiction=Jurisdiction.SCO, lived_there_last_year=True)


def _sco(solution: Solution, **kw: object) -> OptionResult:
    kw.setdefault("residence", SCO_RES)
    kw.setdefault("benefits_only_months", 6)
    return assess(solution, facts(jurisdiction=Jurisdiction.SCO, **kw))


# -- appraise --------------------------------------------------------------------------------


@pytest.mark.parametrize("jur", list(Jurisdiction))
def test_appraisal_lists_every_option_of_the_jurisdiction(jur: Jurisdiction) -> None:
    result = appraise(facts(jurisdiction=jur))
    assert tuple(o.solution for o in result.options) == SOLUTIONS_BY_JURISDICTION[jur]
    for option in result.options:
        assert option.reasons, option.solution
        assert all(r.rule_id for r in option.reasons)


def test_jurisdiction_names_the_local_equivalents() -> None:
    assert Solution.MAP in SOLUTIONS_BY_JURISDICTION[Jurisdiction.SCO]
    assert Solution.DRO not in SOLUTIONS_BY_JURISDICTION[Jurisdiction.SCO]
    assert Solution.SEQUESTRATION in SOLUTIONS_BY_JURISDICTION[Jurisdiction.SCO]
    assert Solution.TRUST_DEED in SOLUTIONS_BY_JURISDICTION[Jurisdiction.SCO]
    assert Solution.BREATHING_SPACE not in SOLUTIONS_BY_JURISDICTION[Jurisdiction.NI]
    assert Solution.ADMINISTRATION_ORDER not in SOLUTIONS_BY_JURISDICTION[Jurisdiction.SCO]
    with pytest.raises(ValueError, match="not available"):
        assess(Solution.DRO, facts(jurisdiction=Jurisdiction.SCO))


@pytest.mark.parametrize(
    ("jur", "offered", "not_offered"),
    [
        (
            Jurisdiction.EW,
            {Solution.DRO, Solution.BANKRUPTCY, Solution.IVA, Solution.BREATHING_SPACE},
            {Solution.SEQUESTRATION, Solution.TRUST_DEED, Solution.DEBT_ARRANGEMENT_SCHEME},
        ),
        (
            Jurisdiction.SCO,
            {
                Solution.DEBT_ARRANGEMENT_SCHEME,
                Solution.SEQUESTRATION,
                Solution.TRUST_DEED,
                Solution.MAP,
            },
            {Solution.DRO, Solution.IVA, Solution.BANKRUPTCY, Solution.BREATHING_SPACE},
        ),
        (
            Jurisdiction.NI,
            {Solution.DRO, Solution.BANKRUPTCY, Solution.IVA},
            {
                Solution.BREATHING_SPACE,
                Solution.SEQUESTRATION,
                Solution.DEBT_ARRANGEMENT_SCHEME,
                Solution.ADMINISTRATION_ORDER,
            },
        ),
    ],
)
def test_each_jurisdiction_offers_its_own_procedures(
    jur: Jurisdiction, offered: set[Solution], not_offered: set[Solution]
) -> None:
    listed = {o.solution for o in appraise(facts(jurisdiction=jur)).options}
    assert offered <= listed
    assert not (not_offered & listed)


def test_the_debt_arrangement_scheme_is_appraised_in_scotland() -> None:
    budget = summary(surplus=20000)
    result = _sco(Solution.DEBT_ARRANGEMENT_SCHEME, debts=(debt(),), budget=budget)
    by_id = {r.rule_id: r.finding for r in result.reasons}
    assert by_id["DAS-E1"] is Finding.PASS
    assert by_id["DAS-E3"] is Finding.PASS
    assert result.status is ADV  # an approved money adviser confirms it
    short = _sco(Solution.DEBT_ARRANGEMENT_SCHEME, debts=(debt(),), budget=summary(surplus=-100))
    assert short.status is NO
    dmp = [r.message for r in _sco(Solution.DMP, debts=(debt(),)).reasons]
    assert any("Debt Arrangement Scheme" in m for m in dmp)


def test_reason_string_cites_threshold_and_tag() -> None:
    result = assess(Solution.DRO, facts())
    text = [str(r) for r in result.reasons_for("DRO-E2")]
    assert any("SI 2024/626; SDAS24 [V] from 2024-06-28" in t for t in text)


# -- MAP -------------------------------------------------------------------------------------


def test_map_baseline_eligible() -> None:
    result = _sco(Solution.MAP)
    assert result.status is OK, [str(r) for r in result.reasons]


@pytest.mark.parametrize(
    ("on", "limit"), [(D(2021, 3, 28), 1_700_000), (D(2021, 3, 29), 2_500_000)]
)
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_map_debt_limit(on: dt.date, limit: int, delta: int) -> None:
    result = _sco(Solution.MAP, on_date=on, debts=(debt(pence=limit + delta),))
    assert (Finding.FAIL in findings(result, "MAP-E1")) is (delta > 0)


def test_map_excludes_student_loans_from_the_limit() -> None:
    debts = (debt(pence=2_400_000), debt(DebtType.STUDENT_LOAN, pence=5_000_000))
    assert Finding.PASS in findings(_sco(Solution.MAP, debts=debts), "MAP-E1")


@pytest.mark.parametrize(
    ("on", "pence", "fails"),
    [
        (D(2023, 2, 5), 149_999, True),
        (D(2023, 2, 5), 150_000, False),
        (D(2023, 2, 6), 1, False),
    ],
)
def test_map_minimum_debt_removed_6_feb_2023(on: dt.date, pence: int, fails: bool) -> None:
    result = _sco(Solution.MAP, on_date=on, debts=(debt(pence=pence),))
    assert (Finding.FAIL in findings(result, "MAP-E2")) is fails


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_map_single_asset_limit(delta: int) -> None:
    assets = AssetSchedule(
        owns_property=False,
        vehicles=(),
        savings_and_cash=Money(0),
        other_assets=(OtherAsset(description="tv", value=Money(100_000 + delta)),),
    )
    result = _sco(Solution.MAP, assets=assets)
    assert (Finding.FAIL in findings(result, "MAP-E3")) is (delta > 0)


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_map_total_assets_limit(delta: int) -> None:
    items = tuple(OtherAsset(description=f"a{i}", value=Money(50_000)) for i in range(3))
    assets = AssetSchedule(
        owns_property=False, vehicles=(), other_assets=items, savings_and_cash=Money(50_000 + delta)
    )
    result = _sco(Solution.MAP, assets=assets)
    assert (Finding.FAIL in findings(result, "MAP-E3")) is (delta > 0)


@pytest.mark.parametrize(("value", "status"), [(300_000, OK), (300_001, NO)])
def test_map_reasonably_required_vehicle_up_to_3000(value: int, status: Eligibility) -> None:
    car = Vehicle(description="car", value=Money(value), needed_for_work=True)
    assets = AssetSchedule(
        owns_property=False, vehicles=(car,), savings_and_cash=Money(0), other_assets=()
    )
    assert _sco(Solution.MAP, assets=assets).status is status


def test_map_property_owner_and_income_tests() -> None:
    owner = attrs.evolve(facts().assets, owns_property=True)
    assert _sco(Solution.MAP, assets=owner).status is NO
    # surplus and not benefits-only: the CFT decides -> adviser judgement
    surplus = _sco(Solution.MAP, benefits_only_months=2, budget=summary(surplus=5_000))
    assert Finding.JUDGEMENT in findings(surplus, "MAP-E5")
    # nil SFS surplus still needs CFT confirmation
    nil = _sco(Solution.MAP, benefits_only_months=None, budget=summary(surplus=0))
    assert Finding.JUDGEMENT in findings(nil, "MAP-E5")


def test_map_previous_bankruptcy_and_map_lookbacks() -> None:
    seq = PastProcedure(kind=ProcedureKind.SEQUESTRATION, started_on=D(2020, 1, 15))
    hist = InsolvencyHistory(previous=(seq,), current=CLEAR)
    assert _sco(Solution.MAP, on_date=D(2025, 1, 14), insolvency=hist).status is NO
    assert _sco(Solution.MAP, on_date=D(2025, 1, 15), insolvency=hist).status is OK
    old_map = PastProcedure(kind=ProcedureKind.MAP, started_on=D(2015, 1, 15))
    hist = InsolvencyHistory(previous=(old_map,), current=CLEAR)
    assert _sco(Solution.MAP, on_date=D(2025, 1, 14), insolvency=hist).status is NO
    assert _sco(Solution.MAP, on_date=D(2025, 1, 15), insolvency=hist).status is OK


def test_map_residence() -> None:
    away = ResidenceFacts(jurisdiction=Jurisdiction.SCO, lived_there_last_year=False)
    assert _sco(Solution.MAP, residence=away).status is NO
    unknown = ResidenceFacts(jurisdiction=Jurisdiction.SCO)
    assert _sco(Solution.MAP, residence=unknown).status is ADV


# -- Bankruptcy / sequestration ----------------------------------------------------------------


def test_bankruptcy_ew_costs_and_bars() -> None:
    result = assess(Solution.BANKRUPTCY, facts())
    assert result.status is OK
    notes = " ".join(r.message for r in result.reasons_for("BR-E3"))
    assert "the adjudicator's fee, £130.00, must be paid in full" in notes
    assert "the official receiver's deposit, £550.00, must be paid in full" in notes
    assert "bankruptcy." not in notes  # the figures' keys are not shown to the adviser
    assert (
        assess(Solution.BANKRUPTCY, evolve_current(facts(), undischarged_bankrupt=True)).status
        is NO
    )


def test_bankruptcy_ni_is_judgement_on_residence() -> None:
    result = assess(Solution.BANKRUPTCY, facts(jurisdiction=Jurisdiction.NI))
    assert result.status is ADV
    assert any("£525.00" in r.message for r in result.reasons_for("BR-E3"))


def test_sequestration() -> None:
    assert _sco(Solution.SEQUESTRATION).status is OK
    bad = evolve_current(facts(jurisdiction=Jurisdiction.SCO), in_map_or_sequestration=True)
    assert assess(Solution.SEQUESTRATION, bad).status is NO


# -- IVA / trust deed -------------------------------------------------------------------------


def _iva_debts(n: int, each: int) -> tuple[Debt, ...]:
    return tuple(debt(pence=each) for _ in range(n))


def test_iva_norms_met() -> None:
    # 3 debts totalling 12,000; 60 x 25.00 = 1,500 -> 12p in the pound
    result = assess(Solution.IVA, facts(debts=_iva_debts(3, 400_000), budget=summary(2_500)))
    assert result.status is OK, [str(r) for r in result.reasons]


@pytest.mark.parametrize(("total", "judgement"), [(999_999, True), (1_000_000, False)])
def test_iva_minimum_debt_norm_is_judgement_not_a_bar(total: int, judgement: bool) -> None:
    debts = (debt(pence=total - 200), debt(pence=100), debt(pence=100))
    result = assess(Solution.IVA, facts(debts=debts, budget=summary(50_000)))
    assert (Finding.JUDGEMENT in findings(result, "IVA-E3")) is judgement
    assert result.status is not NO


def test_iva_dividend_boundary() -> None:
    # 10p in the pound over 60 months on 12,000.00 needs 20.00 a month
    at = assess(Solution.IVA, facts(debts=_iva_debts(3, 400_000), budget=summary(2_000)))
    assert Finding.PASS in findings(at, "IVA-E5")
    below = assess(Solution.IVA, facts(debts=_iva_debts(3, 400_000), budget=summary(1_999)))
    assert Finding.JUDGEMENT in findings(below, "IVA-E5")


def test_iva_already_in_one() -> None:
    assert assess(Solution.IVA, evolve_current(facts(), in_iva=True)).status is NO


def test_trust_deed_always_needs_judgement() -> None:
    assert _sco(Solution.TRUST_DEED).status is ADV
    bad = evolve_current(facts(jurisdiction=Jurisdiction.SCO), in_trust_deed=True)
    assert assess(Solution.TRUST_DEED, bad).status is NO


# -- DMP --------------------------------------------------------------------------------------


def test_dmp() -> None:
    result = assess(Solution.DMP, facts(budget=summary(10_000)))
    assert result.status is OK
    # 15,000.00 / 100.00 = 150 months
    assert any("150 months" in r.message for r in result.reasons_for("DMP-E4"))
    assert assess(Solution.DMP, facts(budget=summary(0))).status is NO
    only_priority = (debt(DebtType.RENT), debt(DebtType.COUNCIL_TAX))
    assert assess(Solution.DMP, facts(debts=only_priority, budget=summary(1))).status is NO
    undecided = (debt(), debt(DebtType.BENEFIT_OVERPAYMENT))
    assert assess(Solution.DMP, facts(debts=undecided, budget=summary(1))).status is ADV


def test_dmp_uses_what_is_left_after_priority_offers() -> None:
    assert assess(Solution.DMP, facts(budget=summary(5_000, priority_offers=5_000))).status is NO
    assert assess(Solution.DMP, facts(budget=summary(5_001, priority_offers=5_000))).status is OK


# -- Administration order ---------------------------------------------------------------------


@pytest.mark.parametrize(("total", "fails"), [(499_999, False), (500_000, True), (500_001, True)])
def test_ao_total_must_be_below_5000(total: int, fails: bool) -> None:
    debts = (debt(pence=total - 100, ccj=True), debt(pence=100))
    result = assess(Solution.ADMINISTRATION_ORDER, facts(debts=debts))
    assert (Finding.FAIL in findings(result, "AO-E1")) is fails
    assert result.status is (NO if fails else OK)


def test_ao_needs_a_judgment_and_two_creditors() -> None:
    no_ccj = (debt(pence=100), debt(pence=100))
    assert assess(Solution.ADMINISTRATION_ORDER, facts(debts=no_ccj)).status is NO
    unknown = (debt(pence=100, ccj=None), debt(pence=100))
    assert assess(Solution.ADMINISTRATION_ORDER, facts(debts=unknown)).status is ADV
    same = CreditorId(uuid.uuid4())  # one creditor for both debts
    one_creditor = (debt(pence=100, ccj=True, creditor_id=same), debt(pence=100, creditor_id=same))
    assert assess(Solution.ADMINISTRATION_ORDER, facts(debts=one_creditor)).status is NO


# -- Breathing Space ---------------------------------------------------------------------------


def test_breathing_space_from_4_may_2021() -> None:
    assert assess(Solution.BREATHING_SPACE, facts(on_date=D(2021, 5, 3))).status is NO
    assert assess(Solution.BREATHING_SPACE, facts(on_date=D(2021, 5, 4))).status is OK


def test_breathing_space_twelve_month_rule() -> None:
    prev = PastProcedure(
        kind=ProcedureKind.BREATHING_SPACE,
        started_on=D(2024, 3, 10),
        ended_on=D(2024, 5, 10),
        outcome=Outcome.COMPLETED,
    )
    hist = InsolvencyHistory(previous=(prev,), current=CLEAR)
    at_12 = assess(Solution.BREATHING_SPACE, facts(on_date=D(2025, 5, 10), insolvency=hist))
    assert at_12.status is NO  # ended exactly 12 months before: not MORE than 12
    after = assess(Solution.BREATHING_SPACE, facts(on_date=D(2025, 5, 11), insolvency=hist))
    assert after.status is OK
    no_end = attrs.evolve(prev, ended_on=None)
    hist2 = InsolvencyHistory(previous=(no_end,), current=CLEAR)
    assert assess(Solution.BREATHING_SPACE, facts(insolvency=hist2)).status is ADV


def test_breathing_space_qualifying_debts() -> None:
    fines_only = (debt(DebtType.MAGISTRATES_FINE), debt(DebtType.STUDENT_LOAN))
    assert assess(Solution.BREATHING_SPACE, facts(debts=fines_only)).status is NO
    secured_no_arrears = (debt(DebtType.MORTGAGE, arrears=Money(0)),)
    assert assess(Solution.BREATHING_SPACE, facts(debts=secured_no_arrears)).status is NO
    secured_arrears = (debt(DebtType.MORTGAGE, arrears=Money(1)),)
    assert assess(Solution.BREATHING_SPACE, facts(debts=secured_arrears)).status is OK
    maintenance = (debt(DebtType.CHILD_MAINTENANCE),)
    assert assess(Solution.BREATHING_SPACE, facts(debts=maintenance)).status is ADV


@pytest.mark.parametrize(
    "flag",
    [
        "in_dro",
        "in_iva",
        "in_interim_order",
        "undischarged_bankrupt",
        "in_breathing_space",
        "in_mental_health_crisis_moratorium",
    ],
)
def test_breathing_space_status_bars(flag: str) -> None:
    assert assess(Solution.BREATHING_SPACE, evolve_current(facts(), **{flag: True})).status is NO


def test_breathing_space_condition_and_residence() -> None:
    assert assess(Solution.BREATHING_SPACE, facts(unable_to_pay_debts_as_due=None)).status is ADV
    assert assess(Solution.BREATHING_SPACE, facts(unable_to_pay_debts_as_due=False)).status is NO
    resident = ResidenceFacts(domiciled=False, ordinarily_resident=True)
    assert assess(Solution.BREATHING_SPACE, facts(residence=resident)).status is OK
    neither = ResidenceFacts(domiciled=False, ordinarily_resident=False)
    assert assess(Solution.BREATHING_SPACE, facts(residence=neither)).status is NO


def test_mhcm_ignores_the_twelve_month_rule_and_needs_amhp() -> None:
    prev = PastProcedure(kind=ProcedureKind.BREATHING_SPACE, ended_on=D(2025, 1, 1))
    hist = InsolvencyHistory(previous=(prev,), current=CLEAR)
    base = facts(insolvency=hist, amhp_evidence=True, receiving_crisis_treatment=True)
    assert assess(Solution.MENTAL_HEALTH_CRISIS_MORATORIUM, base).status is OK
    no_amhp = attrs.evolve(base, amhp_evidence=None)
    assert assess(Solution.MENTAL_HEALTH_CRISIS_MORATORIUM, no_amhp).status is ADV
    not_in_crisis = attrs.evolve(base, receiving_crisis_treatment=False)
    assert assess(Solution.MENTAL_HEALTH_CRISIS_MORATORIUM, not_in_crisis).status is NO


# -- Informal ---------------------------------------------------------------------------------


def test_token_payments() -> None:
    result = assess(Solution.TOKEN_PAYMENTS, facts(budget=summary(0)))
    assert result.status is OK
    assert any("£1.00" in r.message for r in result.reasons_for("TOK-E3"))
    assert assess(Solution.TOKEN_PAYMENTS, facts(budget=summary(1))).status is ADV
    assert assess(Solution.TOKEN_PAYMENTS, facts(budget=None)).status is ADV


def test_full_and_final() -> None:
    assert assess(Solution.FULL_AND_FINAL_SETTLEMENT, facts()).status is ADV  # lump unknown
    lump = facts(lump_sum_available=Money(100_000))
    assert assess(Solution.FULL_AND_FINAL_SETTLEMENT, lump).status is OK
    none = facts(lump_sum_available=Money(0))
    assert assess(Solution.FULL_AND_FINAL_SETTLEMENT, none).status is NO


def test_write_off_is_always_creditor_discretion() -> None:
    assert assess(Solution.WRITE_OFF_REQUEST, facts()).status is ADV


def test_no_solution_needed() -> None:
    paying = (debt(contractual_payment=Money(3_000)), debt(contractual_payment=Money(2_000)))
    assert (
        assess(Solution.NO_SOLUTION_NEEDED, facts(debts=paying, budget=summary(5_000))).status is OK
    )
    assert (
        assess(Solution.NO_SOLUTION_NEEDED, facts(debts=paying, budget=summary(4_999))).status is NO
    )
    unknown = (debt(contractual_payment=None),)
    assert (
        assess(Solution.NO_SOLUTION_NEEDED, facts(debts=unknown, budget=summary(1))).status is ADV
    )
    arrears = (debt(DebtType.RENT, arrears=Money(1), contractual_payment=Money(0)),)
    assert (
        assess(Solution.NO_SOLUTION_NEEDED, facts(debts=arrears, budget=summary(1))).status is ADV
    )
    enforced = (debt(contractual_payment=Money(1), enforcement_stage=EnforcementStage.JUDGMENT),)
    assert (
        assess(Solution.NO_SOLUTION_NEEDED, facts(debts=enforced, budget=summary(1))).status is ADV
    )
