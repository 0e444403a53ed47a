"""Asset, insolvency-history and residence facts: unknown stays unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_core.assets.model import (
    AssetSchedule,
    CurrentStatus,
    HomeTenure,
    InsolvencyHistory,
    Jurisdiction,
    PastProcedure,
    ProcedureKind,
    Property,
    ResidenceFacts,
    Vehicle,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money


def test_unknown_facts_default_to_none_not_false() -> None:
    status = CurrentStatus()
    assert status.undischarged_bankrupt is None
    assert status.in_iva is None
    assert status.pending_creditor_petition is None
    assets = AssetSchedule()
    assert assets.is_homeowner is None
    assert assets.vehicles is None
    assert assets.savings_and_cash is None
    assert InsolvencyHistory().previous is None
    assert ResidenceFacts().domiciled is None
    car = Vehicle()
    assert car.needed_for_work is None
    assert car.adapted_for_disability is None


def test_equity() -> None:
    home = Property(
        tenure=HomeTenure.MORTGAGED,
        value=Money(20_000_000),
        secured_debts=Money(15_000_000),
        client_share_percent=50,
    )
    assert home.equity == Money(5_000_000)
    assert home.client_equity == Money(2_500_000)
    negative = Property(tenure=HomeTenure.MORTGAGED, value=Money(100), secured_debts=Money(300))
    assert negative.equity == Money(-200)
    assert Property(tenure=HomeTenure.MORTGAGED, value=Money(100)).equity is None
    assert Property(tenure=HomeTenure.OWNED_OUTRIGHT, value=Money(100)).equity == Money(100)
    assert Property(tenure=HomeTenure.OWNED_OUTRIGHT).equity is None


def test_listing_a_property_makes_a_homeowner() -> None:
    assets = AssetSchedule(properties=(Property(tenure=HomeTenure.OWNED_OUTRIGHT),))
    assert assets.is_homeowner is True
    with pytest.raises(ValidationError) as exc:
        AssetSchedule(owns_property=False, properties=(Property(tenure=HomeTenure.MORTGAGED),))
    assert exc.value.field == "assets.properties"


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Vehicle(value=Money(-1)), "vehicle.value"),
        (lambda: AssetSchedule(savings_and_cash=Money(-1)), "assets.savings_and_cash"),
        (lambda: Property(tenure=HomeTenure.MORTGAGED, value=Money(-1)), "property.value"),
        (
            lambda: Property(tenure=HomeTenure.MORTGAGED, client_share_percent=101),
            "property.client_share_percent",
        ),
    ],
)
def test_invalid_values_name_the_field(build: object, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        build()  # type: ignore[operator]
    assert exc.value.field == field


def test_procedure_dates_in_order() -> None:
    with pytest.raises(ValidationError):
        PastProcedure(
            kind=ProcedureKind.DRO, started_on=dt.date(2020, 1, 2), ended_on=dt.date(2020, 1, 1)
        )


def test_history_by_kind() -> None:
    dro = PastProcedure(kind=ProcedureKind.DRO)
    iva = PastProcedure(kind=ProcedureKind.IVA)
    hist = InsolvencyHistory(previous=(dro, iva))
    assert hist.of_kind(ProcedureKind.DRO) == (dro,)
    assert InsolvencyHistory().of_kind(ProcedureKind.DRO) == ()


def test_jurisdictions() -> None:
    assert [j.value for j in Jurisdiction] == ["EW", "SCO", "NI"]
