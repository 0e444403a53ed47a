"""A centre's threshold overrides: checked, stored with the national figure they set
aside, and read by the rules from their date on."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.debts.service import thresholds_of
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.overrides import OverrideRequest, apply_overrides, check_overrides
from cma_core.reference.ports import CentreReference
from cma_core.reference.thresholds import Param, SourceTag, default_thresholds
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId

NOW = dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC)
EW = Jurisdiction.EW


def req(**kw: object) -> OverrideRequest:
    base: dict[str, object] = {
        "jurisdiction": EW,
        "param": Param.DRO_MAX_DEBT.value,
        "value": 6_000_000,
        "effective_from": dt.date(2026, 4, 1),
        "reason": "pilot agreed with the Insolvency Service",
    }
    return OverrideRequest(**{**base, **kw})  # type: ignore[arg-type]


def test_override_keeps_the_national_figure_and_rules_read_the_centres() -> None:
    table = default_thresholds()
    (o,) = check_overrides([req()], table, now=NOW, by=None)
    national = table.value_in_force(EW, Param.DRO_MAX_DEBT, dt.date(2026, 4, 1))
    assert (o.national_value, o.unit.value) == (national.value, "pence")
    assert o.national_source == national.citation()
    ref = CentreReference(
        centre_id=CentreId(uuid.uuid4()), created_at=NOW, updated_at=NOW, threshold_overrides=(o,)
    )
    rules = thresholds_of(ref)
    before = rules.value_in_force(EW, Param.DRO_MAX_DEBT, dt.date(2026, 3, 31))
    after = rules.value_in_force(EW, Param.DRO_MAX_DEBT, dt.date(2026, 4, 1))
    assert (before.value, after.value) == (national.value, 6_000_000)
    assert after.tag is SourceTag.UNVERIFIED
    assert "pilot agreed" in after.source
    # The other jurisdictions and figures are untouched.
    ni = Jurisdiction.NI
    on = dt.date(2026, 6, 1)
    assert rules.value_in_force(ni, Param.DRO_MAX_DEBT, on) == table.value_in_force(
        ni, Param.DRO_MAX_DEBT, on
    )


def test_override_before_every_national_record_replaces_them() -> None:
    table = default_thresholds()
    (o,) = check_overrides([req(effective_from=dt.date(2000, 1, 1))], table, now=NOW, by=None)
    assert o.national_value is None
    out = apply_overrides(table, [o])
    assert [r.value for r in out.history(EW, Param.DRO_MAX_DEBT)] == [6_000_000]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"param": "dro.nonsense"}, "overrides[0].param"),
        ({"param": Param.MAP_FEE.value}, "overrides[0].param"),  # no EW figure
        ({"value": -1}, "overrides[0].value"),
        ({"reason": "  "}, "overrides[0].reason"),
        ({"reason": "a\x1bb"}, "overrides[0].reason"),
        ({"reason": "x" * 501}, "overrides[0].reason"),
    ],
    ids=["unknown", "no-national", "negative", "blank-reason", "control", "long-reason"],
)
def test_bad_override_names_the_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_overrides([req(**change)], default_thresholds(), now=NOW, by=None)
    assert err.value.field == field


def test_the_same_figure_twice_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        check_overrides([req(), req(value=1)], default_thresholds(), now=NOW, by=None)
    assert err.value.field == "overrides[1].param"


def test_an_unchanged_override_keeps_when_and_against_what_it_was_set() -> None:
    table = default_thresholds()
    (first,) = check_overrides([req()], table, now=NOW, by=None)
    later = NOW + dt.timedelta(days=3)
    (kept,) = check_overrides([req()], table, now=later, by=None, previous=[first])
    (moved,) = check_overrides([req(value=1)], table, now=later, by=None, previous=[first])
    assert kept == first
    assert moved.set_at == later
