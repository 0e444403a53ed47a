"""Thresholds: every dated change in UK-DEBT-ADVICE §1, the day before and the day of."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import (
    NoThresholdInForce,
    Param,
    SourceTag,
    Threshold,
    ThresholdTable,
    Unit,
    default_thresholds,
    parse_thresholds,
    value_in_force,
)
from cma_core.shared.errors import ValidationError

EW, SCO, NI = Jurisdiction.EW, Jurisdiction.SCO, Jurisdiction.NI
D = dt.date

# (jurisdiction, param, change date, value the day before, value from the change date)
CHANGES = [
    (EW, Param.DRO_MAX_DEBT, D(2015, 10, 1), 1_500_000, 2_000_000),
    (EW, Param.DRO_MAX_DEBT, D(2021, 6, 29), 2_000_000, 3_000_000),
    (EW, Param.DRO_MAX_DEBT, D(2024, 6, 28), 3_000_000, 5_000_000),
    (EW, Param.DRO_MAX_SURPLUS_MONTHLY, D(2021, 6, 29), 5_000, 7_500),
    (EW, Param.DRO_MAX_ASSETS, D(2015, 10, 1), 30_000, 100_000),
    (EW, Param.DRO_MAX_ASSETS, D(2021, 6, 29), 100_000, 200_000),
    (EW, Param.DRO_VEHICLE_DISREGARD_BELOW, D(2021, 6, 29), 100_000, 200_000),
    (EW, Param.DRO_VEHICLE_DISREGARD_BELOW, D(2024, 6, 28), 200_000, 400_000),
    (EW, Param.DRO_APPLICATION_FEE, D(2024, 4, 6), 9_000, 0),
    (NI, Param.DRO_MAX_DEBT, D(2025, 7, 8), 2_000_000, 5_000_000),
    (NI, Param.DRO_MAX_SURPLUS_MONTHLY, D(2025, 7, 8), 5_000, 7_500),
    (NI, Param.DRO_MAX_ASSETS, D(2025, 7, 8), 100_000, 200_000),
    (NI, Param.DRO_APPLICATION_FEE, D(2025, 6, 1), 9_000, 0),
    (SCO, Param.MAP_MAX_DEBT, D(2021, 3, 29), 1_700_000, 2_500_000),
    (SCO, Param.MAP_MIN_DEBT, D(2023, 2, 6), 150_000, 0),
]


@pytest.mark.parametrize(("jur", "param", "change", "before", "after"), CHANGES)
def test_value_changes_on_the_change_date(
    jur: Jurisdiction, param: Param, change: dt.date, before: int, after: int
) -> None:
    day_before = change - dt.timedelta(days=1)
    assert value_in_force(jur, param, day_before).value == before
    assert value_in_force(jur, param, change).value == after
    assert value_in_force(jur, param, change + dt.timedelta(days=1)).value == after


def test_dro_debt_limit_history_starts_2009() -> None:
    assert value_in_force(EW, Param.DRO_MAX_DEBT, D(2009, 4, 6)).value == 1_500_000
    with pytest.raises(NoThresholdInForce):
        value_in_force(EW, Param.DRO_MAX_DEBT, D(2009, 4, 5))


def test_unverified_dates_are_tagged_u() -> None:
    rec = value_in_force(EW, Param.DRO_MAX_DEBT, D(2016, 1, 1))
    assert rec.tag is SourceTag.UNVERIFIED
    assert "2015-10-01 assumed" in rec.note
    assert value_in_force(NI, Param.DRO_MAX_DEBT, D(2025, 7, 8)).tag is SourceTag.UNVERIFIED
    assert value_in_force(EW, Param.DRO_MAX_DEBT, D(2024, 6, 28)).tag is SourceTag.VERIFIED


def test_ni_vehicle_disregard_only_from_feb_2024() -> None:
    assert value_in_force(NI, Param.DRO_VEHICLE_DISREGARD_BELOW, D(2024, 2, 1)).value == 200_000
    with pytest.raises(NoThresholdInForce):
        value_in_force(NI, Param.DRO_VEHICLE_DISREGARD_BELOW, D(2024, 1, 31))


@pytest.mark.parametrize(
    ("jur", "param", "on", "value"),
    [
        (EW, Param.AO_MAX_TOTAL_DEBT, D(2025, 1, 1), 500_000),
        (EW, Param.BANKRUPTCY_CREDITOR_PETITION_MIN_DEBT, D(2025, 1, 1), 500_000),
        (EW, Param.BANKRUPTCY_DEBTOR_FEE, D(2025, 3, 1), 13_000),
        (EW, Param.BANKRUPTCY_DEBTOR_DEPOSIT, D(2025, 3, 1), 55_000),
        (NI, Param.BANKRUPTCY_DEBTOR_DEPOSIT, D(2025, 3, 1), 52_500),
        (SCO, Param.SEQUESTRATION_FULL_ADMIN_FEE, D(2025, 3, 1), 15_000),
        (SCO, Param.MAP_MAX_ASSETS, D(2025, 3, 1), 200_000),
        (SCO, Param.MAP_MAX_SINGLE_ASSET, D(2025, 3, 1), 100_000),
        (SCO, Param.MAP_VEHICLE_EXCLUSION_MAX, D(2025, 3, 1), 300_000),
        (SCO, Param.MAP_FEE, D(2025, 3, 1), 5_000),
        (EW, Param.DRO_UNDISCLOSED_CREDIT_LIMIT, D(2025, 3, 1), 50_000),
        (EW, Param.DRO_MORATORIUM_MONTHS, D(2025, 3, 1), 12),
        (EW, Param.BS_REPEAT_GAP_MONTHS, D(2025, 3, 1), 12),
        (EW, Param.IVA_MIN_TOTAL_DEBT, D(2025, 3, 1), 1_000_000),
        (EW, Param.LIMITATION_MORTGAGE_PRINCIPAL_YEARS, D(2025, 3, 1), 12),
    ],
)
def test_current_figures(jur: Jurisdiction, param: Param, on: dt.date, value: int) -> None:
    assert value_in_force(jur, param, on).value == value


def test_creditor_petition_deposit_from_nov_2022() -> None:
    p = Param.BANKRUPTCY_CREDITOR_PETITION_DEPOSIT
    assert value_in_force(EW, p, D(2022, 11, 1)).value == 150_000
    with pytest.raises(NoThresholdInForce):
        value_in_force(EW, p, D(2022, 10, 31))


def test_breathing_space_scheme_from_4_may_2021() -> None:
    assert value_in_force(EW, Param.BS_SCHEME_IN_FORCE, D(2021, 5, 4)).value == 1
    assert default_thresholds().find(EW, Param.BS_SCHEME_IN_FORCE, D(2021, 5, 3)) is None
    assert default_thresholds().find(SCO, Param.BS_SCHEME_IN_FORCE, D(2022, 1, 1)) is None


def test_every_param_has_at_least_one_record() -> None:
    params = {r.param for r in default_thresholds().records}
    assert {p.value for p in Param} <= params


def test_shipped_table_is_valid_json_with_known_units_and_tags() -> None:
    table = default_thresholds()
    assert len(table.records) > 70
    for rec in table.records:
        assert rec.source
        assert isinstance(rec.unit, Unit)


def test_history_is_ordered() -> None:
    values = [r.value for r in default_thresholds().history(EW, Param.DRO_MAX_DEBT)]
    assert values == [1_500_000, 2_000_000, 3_000_000, 5_000_000]


def _row(**over: object) -> dict[str, object]:
    row: dict[str, object] = {
        "jurisdiction": "EW",
        "param": "x",
        "value": 1,
        "unit": "pence",
        "valid_from": "2020-01-01",
        "valid_to": None,
        "source": "test",
        "tag": "V",
    }
    row.update(over)
    return row


def test_overlapping_periods_are_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_thresholds([_row(), _row(valid_from="2021-01-01")])
    assert exc.value.field == "records"


def test_adjacent_periods_are_accepted() -> None:
    table = parse_thresholds([_row(valid_to="2020-12-31"), _row(valid_from="2021-01-01", value=2)])
    assert table.value_in_force(EW, "x", D(2020, 12, 31)).value == 1
    assert table.value_in_force(EW, "x", D(2021, 1, 1)).value == 2


def test_unknown_start_applies_to_earlier_dates() -> None:
    table = parse_thresholds([_row(valid_from=None, valid_to="2020-12-31")])
    assert table.value_in_force(EW, "x", D(1990, 1, 1)).value == 1
    with pytest.raises(NoThresholdInForce):
        table.value_in_force(EW, "x", D(2021, 1, 1))


@pytest.mark.parametrize(
    ("over", "field"),
    [
        ({"value": "1"}, "records[0].value"),
        ({"value": True}, "records[0].value"),
        ({"valid_from": "2020-13-01"}, "records[0].valid_from"),
        ({"tag": "X"}, "records[0]"),
    ],
)
def test_malformed_records_name_the_field(over: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_thresholds([_row(**over)])
    assert exc.value.field == field


def test_missing_key_is_named() -> None:
    row = _row()
    del row["source"]
    with pytest.raises(ValidationError) as exc:
        parse_thresholds([row])
    assert exc.value.field == "records[0].source"


def test_record_ending_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Threshold(
            jurisdiction=EW,
            param="x",
            value=1,
            unit=Unit.PENCE,
            valid_from=D(2020, 1, 2),
            valid_to=D(2020, 1, 1),
            source="t",
            tag=SourceTag.VERIFIED,
        )


def test_display_and_citation() -> None:
    rec = value_in_force(EW, Param.DRO_MAX_DEBT, D(2024, 6, 28))
    assert rec.display_value() == "£50,000.00"
    assert rec.citation() == "SI 2024/626; SDAS24 [V] from 2024-06-28"
    fee = value_in_force(EW, Param.AO_COURT_FEE, D(2024, 6, 28))
    assert fee.display_value() == "10p in the £"
    assert value_in_force(EW, Param.DRO_MORATORIUM_MONTHS, D(2024, 1, 1)).display_value() == (
        "12 months"
    )


def test_table_from_json_text_round_trip() -> None:
    text = json.dumps({"records": [_row()]})
    table = parse_thresholds(json.loads(text)["records"])
    assert isinstance(table, ThresholdTable)
    assert table.find(EW, "x", D(2019, 12, 31)) is None
