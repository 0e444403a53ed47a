"""Thresholds as dated, sourced records, and the lookup of the value in force on a date.

Every figure a rule uses (debt limits, fees, periods) is a :class:`Threshold` record kept
in ``thresholds.json`` next to this module, never a literal in rules code, so a change in
the law is a data change with its own ``valid_from`` date and source. Each record keeps
the source tag of UK-DEBT-ADVICE.md:

* ``V`` read in a primary or official source;
* ``S`` reputable secondary source;
* ``U`` not verified (typically an assumed change date) - confirm before relying on it.

Dates are inclusive at both ends: a record with ``valid_to = 2024-06-27`` applies on
27 June 2024 and the next record, ``valid_from = 2024-06-28``, applies from 28 June. A
``valid_from`` of ``None`` means the start date is not known: the record applies to any
earlier date (its tag says how sure that is).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from attrs import frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import DomainError, ValidationError


class SourceTag(enum.StrEnum):
    """How sure the figure is (UK-DEBT-ADVICE.md tags)."""

    VERIFIED = "V"
    SECONDARY = "S"
    UNVERIFIED = "U"


class Unit(enum.StrEnum):
    """What the integer ``value`` of a threshold counts."""

    PENCE = "pence"
    PENCE_PER_POUND = "pence_per_pound"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    COUNT = "count"
    FLAG = "flag"


class Param(enum.StrEnum):
    """Names of every threshold the rules look up. A typo is a mypy error, not a miss."""

    # Debt Relief Order (EW: IA 1986 Part 7A; NI: its own order).
    DRO_MAX_DEBT = "dro.max_debt"
    DRO_MAX_SURPLUS_MONTHLY = "dro.max_surplus_monthly"
    DRO_MAX_ASSETS = "dro.max_assets"
    DRO_VEHICLE_DISREGARD_BELOW = "dro.vehicle_disregard_below"
    DRO_APPLICATION_FEE = "dro.application_fee"
    DRO_MORATORIUM_MONTHS = "dro.moratorium_months"
    DRO_UNDISCLOSED_CREDIT_LIMIT = "dro.undisclosed_credit_limit"
    DRO_PREVIOUS_DRO_YEARS = "dro.previous_dro_years"
    DRO_RESIDENCE_YEARS = "dro.residence_years"
    # Minimal Asset Process (Scotland).
    MAP_MAX_DEBT = "map.max_debt"
    MAP_MIN_DEBT = "map.min_debt"
    MAP_MAX_ASSETS = "map.max_assets"
    MAP_MAX_SINGLE_ASSET = "map.max_single_asset"
    MAP_VEHICLE_EXCLUSION_MAX = "map.vehicle_exclusion_max"
    MAP_FEE = "map.fee"
    MAP_FULL_ADMIN_EXTRA_FEE = "map.full_admin_extra_fee"
    MAP_BENEFITS_ONLY_MONTHS = "map.benefits_only_months"
    MAP_RESIDENCE_YEARS = "map.residence_years"
    MAP_PREVIOUS_BANKRUPTCY_YEARS = "map.previous_bankruptcy_years"
    MAP_PREVIOUS_MAP_YEARS = "map.previous_map_years"
    MAP_DISCHARGE_MONTHS = "map.discharge_months"
    MAP_POST_DISCHARGE_CREDIT_DISCLOSURE = "map.post_discharge_credit_disclosure"
    # Bankruptcy / sequestration.
    BANKRUPTCY_DEBTOR_FEE = "bankruptcy.debtor_fee"
    BANKRUPTCY_DEBTOR_DEPOSIT = "bankruptcy.debtor_deposit"
    BANKRUPTCY_CREDITOR_PETITION_MIN_DEBT = "bankruptcy.creditor_petition_min_debt"
    BANKRUPTCY_CREDITOR_PETITION_DEPOSIT = "bankruptcy.creditor_petition_deposit"
    SEQUESTRATION_FULL_ADMIN_FEE = "sequestration.full_admin_fee"
    # IVA market norms (NDL rule of thumb), not law.
    IVA_MIN_DEBTS = "iva.min_debts"
    IVA_MIN_TOTAL_DEBT = "iva.min_total_debt"
    IVA_MIN_CREDITORS = "iva.min_creditors"
    IVA_MIN_DIVIDEND = "iva.min_dividend"
    IVA_TYPICAL_TERM_MONTHS = "iva.typical_term_months"
    IVA_APPROVAL_PERCENT_BY_VALUE = "iva.approval_percent_by_value"
    # Administration order (EW county court).
    AO_MAX_TOTAL_DEBT = "ao.max_total_debt"
    AO_MIN_JUDGMENTS = "ao.min_judgments"
    AO_MIN_CREDITORS = "ao.min_creditors"
    AO_COURT_FEE = "ao.court_fee"
    AO_OBJECTION_DAYS = "ao.objection_days"
    AO_REGISTER_YEARS = "ao.register_years"
    # Breathing Space (Debt Respite Scheme, SI 2020/1311).
    BS_SCHEME_IN_FORCE = "bs.scheme_in_force"
    BS_REPEAT_GAP_MONTHS = "bs.repeat_gap_months"
    BS_STANDARD_MAX_DAYS = "bs.standard_max_days"
    BS_CREDITOR_REVIEW_REQUEST_DAYS = "bs.creditor_review_request_days"
    BS_CREDITOR_REVIEW_FINISH_DAYS = "bs.creditor_review_finish_days"
    BS_MIDWAY_REVIEW_FROM_DAY = "bs.midway_review_from_day"
    BS_MIDWAY_REVIEW_BY_DAY = "bs.midway_review_by_day"
    BS_MHCM_AFTER_TREATMENT_DAYS = "bs.mhcm_after_treatment_days"
    BS_NEW_BORROWING_LIMIT = "bs.new_borrowing_limit"
    # Informal options.
    # "token" here is a token *payment*, not a secret: S105 is a false positive.
    TOKEN_PER_CREDITOR_MONTHLY = "token.per_creditor_monthly"  # noqa: S105
    TOKEN_MAX_PER_CREDITOR_MONTHLY = "token.max_per_creditor_monthly"  # noqa: S105
    # Limitation Act 1980 (EW).
    LIMITATION_SIMPLE_CONTRACT_YEARS = "limitation.simple_contract_years"
    LIMITATION_DEED_YEARS = "limitation.deed_years"
    LIMITATION_MORTGAGE_PRINCIPAL_YEARS = "limitation.mortgage_principal_years"
    LIMITATION_MORTGAGE_INTEREST_YEARS = "limitation.mortgage_interest_years"


class NoThresholdInForce(DomainError):
    """No record of ``param`` applies in ``jurisdiction`` on the date asked about."""

    code = "no-threshold-in-force"

    def __init__(self, jurisdiction: Jurisdiction, param: str, on_date: dt.date) -> None:
        super().__init__(f"no value of {param} in force in {jurisdiction} on {on_date}")
        self.jurisdiction = jurisdiction
        self.param = param
        self.on_date = on_date


@frozen(kw_only=True)
class Threshold:
    """One dated value of one parameter in one jurisdiction."""

    jurisdiction: Jurisdiction
    param: str
    value: int
    unit: Unit
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    tag: SourceTag
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if (
            self.valid_from is not None
            and self.valid_to is not None
            and self.valid_to < self.valid_from
        ):
            raise ValidationError("valid_to", f"{self.param}: ends before it starts")

    def in_force_on(self, on_date: dt.date) -> bool:
        starts_ok = self.valid_from is None or self.valid_from <= on_date
        ends_ok = self.valid_to is None or on_date <= self.valid_to
        return starts_ok and ends_ok

    def display_value(self) -> str:
        """The value for people: ``£50,000.00``, ``10p in the £``, ``12 months``."""
        if self.unit is Unit.PENCE:
            pounds, pence = divmod(self.value, 100)
            return f"£{pounds:,}.{pence:02d}"
        if self.unit is Unit.PENCE_PER_POUND:
            return f"{self.value}p in the £"
        if self.unit is Unit.FLAG:
            return "yes" if self.value else "no"
        return f"{self.value} {self.unit.value}"

    def citation(self) -> str:
        """Source, tag and period, e.g. ``SI 2024/626; SDAS24 [V] from 2024-06-28``."""
        start = self.valid_from.isoformat() if self.valid_from else "(start unknown)"
        end = f" to {self.valid_to.isoformat()}" if self.valid_to else ""
        return f"{self.source} [{self.tag.value}] from {start}{end}"


@frozen
class ThresholdTable:
    """All threshold records; at most one record per (jurisdiction, param) on any date."""

    records: tuple[Threshold, ...]

    def __attrs_post_init__(self) -> None:
        by_key: dict[tuple[Jurisdiction, str], list[Threshold]] = {}
        for rec in self.records:
            by_key.setdefault((rec.jurisdiction, rec.param), []).append(rec)
        for (jur, param), recs in by_key.items():
            # Sort with "start unknown" first; then each must end before the next starts.
            ordered = sorted(recs, key=lambda r: r.valid_from or dt.date.min)
            for before, after in itertools.pairwise(ordered):
                if before.valid_to is None or (
                    after.valid_from is not None and before.valid_to >= after.valid_from
                ):
                    raise ValidationError(
                        "records", f"{jur} {param}: periods overlap ({before.valid_from})"
                    )

    def find(self, jurisdiction: Jurisdiction, param: str, on_date: dt.date) -> Threshold | None:
        """The record in force on ``on_date``, or ``None`` when there is none."""
        for rec in self.records:
            if rec.jurisdiction is jurisdiction and rec.param == param and rec.in_force_on(on_date):
                return rec
        return None

    def value_in_force(self, jurisdiction: Jurisdiction, param: str, on_date: dt.date) -> Threshold:
        """The record in force on ``on_date``.

        Raises:
            NoThresholdInForce: no record covers that date (e.g. before a scheme began, or
                a figure the reference does not hold for that jurisdiction).
        """
        rec = self.find(jurisdiction, param, on_date)
        if rec is None:
            raise NoThresholdInForce(jurisdiction, param, on_date)
        return rec

    def history(self, jurisdiction: Jurisdiction, param: str) -> tuple[Threshold, ...]:
        """Every record of ``param`` in ``jurisdiction``, oldest first."""
        recs = [r for r in self.records if r.jurisdiction is jurisdiction and r.param == param]
        return tuple(sorted(recs, key=lambda r: r.valid_from or dt.date.min))


def _date(raw: Any, field: str) -> dt.date | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise ValidationError(field, "must be an ISO date string or null")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(field, f"not an ISO date: {raw!r}") from None


def parse_thresholds(rows: Iterable[Mapping[str, Any]]) -> ThresholdTable:
    """Build a table from plain mappings (the JSON file's ``records`` list).

    Raises:
        ValidationError: a record is malformed; ``field`` names it as ``records[i].key``.
    """
    out: list[Threshold] = []
    for i, row in enumerate(rows):
        where = f"records[{i}]"
        try:
            value = row["value"]
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(f"{where}.value", "must be an integer")
            out.append(
                Threshold(
                    jurisdiction=Jurisdiction(row["jurisdiction"]),
                    param=str(row["param"]),
                    value=value,
                    unit=Unit(row["unit"]),
                    valid_from=_date(row.get("valid_from"), f"{where}.valid_from"),
                    valid_to=_date(row.get("valid_to"), f"{where}.valid_to"),
                    source=str(row["source"]),
                    tag=SourceTag(row["tag"]),
                    note=str(row.get("note", "")),
                )
            )
        except KeyError as exc:
            raise ValidationError(f"{where}.{exc.args[0]}", "is required") from None
        except ValueError as exc:
            raise ValidationError(where, str(exc)) from None
    return ThresholdTable(tuple(out))


@functools.cache
def default_thresholds() -> ThresholdTable:
    """The table shipped with the package (``thresholds.json``), parsed once."""
    text = resources.files("cma_core.reference").joinpath("thresholds.json").read_text("utf-8")
    data = json.loads(text)
    return parse_thresholds(data["records"])


def value_in_force(jurisdiction: Jurisdiction, param: str, on_date: dt.date) -> Threshold:
    """The shipped record of ``param`` in force in ``jurisdiction`` on ``on_date``.

    Raises:
        NoThresholdInForce: no record covers that date.
    """
    return default_thresholds().value_in_force(jurisdiction, param, on_date)
