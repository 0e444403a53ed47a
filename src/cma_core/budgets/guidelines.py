"""SFS spending guidelines ("trigger figures") as dated reference data, and the CR-08 check.

Spending guidelines give typical spending by low-income households on the *flexible*
categories; creditors agree not to query spending at or below a guideline, and above it
the adviser adds commentary, with evidence where feasible [V: MaPS blog 2019]. Figures
are updated yearly, effective the first Monday of April [V: SFS news], and are licensed
to SFS members, so CMA ships none: a centre imports them with :func:`parse_guidelines_csv`
or :func:`parse_guidelines_json`. ``cma_core/reference/example_spending_guidelines.csv``
is an invented EXAMPLE table for tests and demos (source ``EXAMPLE-NOT-REAL``).

Format (CSV header, or the same keys in a JSON list of objects)::

    valid_from,valid_to,adults,children,category,monthly_pence,source

``valid_to`` blank/null means open-ended; dates are inclusive. ``category`` is a
:class:`~cma_core.budgets.catalogue.Category` value of the flexible section.
Lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import itertools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from attrs import frozen

from cma_core.budgets.catalogue import CATEGORIES, Category, Section, categories_in
from cma_core.budgets.model import Budget, Household
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

EXAMPLE_SOURCE = "EXAMPLE-NOT-REAL"
_FIELDS = ("valid_from", "valid_to", "adults", "children", "category", "monthly_pence", "source")


def first_monday_of_april(year: int) -> dt.date:
    """The day guideline figures take effect each year [V: SFS news]."""
    april_first = dt.date(year, 4, 1)
    return april_first + dt.timedelta(days=(7 - april_first.weekday()) % 7)


@frozen(kw_only=True)
class Composition:
    """Household type a guideline applies to: adults (1 or 2) and dependent children."""

    adults: int
    children: int

    @classmethod
    def of(cls, household: Household) -> Composition:
        return cls(adults=household.adults, children=household.children)


@frozen(kw_only=True)
class Guideline:
    composition: Composition
    category: Category
    monthly: Money
    valid_from: dt.date
    valid_to: dt.date | None
    source: str

    @property
    def is_example(self) -> bool:
        return self.source == EXAMPLE_SOURCE

    def in_force_on(self, on_date: dt.date) -> bool:
        return self.valid_from <= on_date and (self.valid_to is None or on_date <= self.valid_to)


@frozen
class GuidelineTable:
    records: tuple[Guideline, ...]

    def __attrs_post_init__(self) -> None:
        groups: dict[tuple[Composition, Category], list[Guideline]] = {}
        for rec in self.records:
            groups.setdefault((rec.composition, rec.category), []).append(rec)
        for (comp, cat), recs in groups.items():
            ordered = sorted(recs, key=lambda r: r.valid_from)
            for before, after in itertools.pairwise(ordered):
                if before.valid_to is None or before.valid_to >= after.valid_from:
                    raise ValidationError(
                        "guidelines", f"{comp.adults}A{comp.children}C {cat}: periods overlap"
                    )

    def find(
        self, composition: Composition, category: Category, on_date: dt.date
    ) -> Guideline | None:
        for rec in self.records:
            if (
                rec.composition == composition
                and rec.category is category
                and rec.in_force_on(on_date)
            ):
                return rec
        return None


def _parse_date(raw: Any, field: str, *, required: bool) -> dt.date | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            raise ValidationError(field, "is required")
        return None
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValidationError(field, f"not an ISO date: {raw!r}") from None


def _parse_int(raw: Any, field: str) -> int:
    if isinstance(raw, bool):
        raise ValidationError(field, "must be a whole number")
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValidationError(field, f"must be a whole number, got {raw!r}") from None
    if value < 0:
        raise ValidationError(field, "must not be negative")
    return value


def parse_guideline_rows(rows: Iterable[Mapping[str, Any]]) -> GuidelineTable:
    """Build a table from mappings with the keys of the CSV header.

    Raises:
        ValidationError: a row is malformed; ``field`` is ``guidelines[i].<key>``.
    """
    out: list[Guideline] = []
    for i, row in enumerate(rows):
        where = f"guidelines[{i}]"
        for key in _FIELDS:
            if key not in row:
                raise ValidationError(f"{where}.{key}", "is required")
        try:
            category = Category(str(row["category"]).strip())
        except ValueError:
            raise ValidationError(f"{where}.category", f"unknown: {row['category']!r}") from None
        if CATEGORIES[category].section is not Section.FLEXIBLE:
            raise ValidationError(f"{where}.category", "guidelines cover flexible costs only")
        adults = _parse_int(row["adults"], f"{where}.adults")
        if adults not in (1, 2):
            raise ValidationError(f"{where}.adults", "must be 1 or 2")
        valid_from = _parse_date(row["valid_from"], f"{where}.valid_from", required=True)
        assert valid_from is not None  # required=True guarantees it; narrows for mypy
        out.append(
            Guideline(
                composition=Composition(
                    adults=adults, children=_parse_int(row["children"], f"{where}.children")
                ),
                category=category,
                monthly=Money(_parse_int(row["monthly_pence"], f"{where}.monthly_pence")),
                valid_from=valid_from,
                valid_to=_parse_date(row["valid_to"], f"{where}.valid_to", required=False),
                source=str(row["source"]).strip(),
            )
        )
    return GuidelineTable(tuple(out))


def parse_guidelines_csv(text: str) -> GuidelineTable:
    """Parse the CSV format described in the module docstring."""
    content = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return parse_guideline_rows(csv.DictReader(io.StringIO("\n".join(content))))


def parse_guidelines_json(text: str) -> GuidelineTable:
    """Parse a JSON list of objects with the CSV header's keys."""
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValidationError("guidelines", "must be a JSON list of records")
    return parse_guideline_rows(data)


def load_example_guidelines() -> GuidelineTable:
    """The invented EXAMPLE table shipped for tests and demos. Not real figures."""
    text = (
        resources.files("cma_core.reference")
        .joinpath("example_spending_guidelines.csv")
        .read_text("utf-8")
    )
    return parse_guidelines_csv(text)


class GuidelineStatus(enum.StrEnum):
    AT_OR_BELOW = "at_or_below"
    ABOVE_WITH_NOTE = "above_with_note"
    ABOVE_WITHOUT_NOTE = "above_without_note"
    NO_GUIDELINE = "no_guideline"


@frozen(kw_only=True)
class GuidelineCheck:
    category: Category
    spent: Money
    guideline: Guideline | None
    status: GuidelineStatus
    message: str

    @property
    def flagged(self) -> bool:
        """CR-08: above the guideline with no note."""
        return self.status is GuidelineStatus.ABOVE_WITHOUT_NOTE


def check_guidelines(
    budget: Budget, table: GuidelineTable, on_date: dt.date, household: Household | None = None
) -> tuple[GuidelineCheck, ...]:
    """Compare each flexible category with its guideline in force on ``on_date`` (CR-08).

    ``household`` defaults to ``budget.household``; when neither is known every category
    is ``NO_GUIDELINE`` with "missing: household composition".
    """
    hh = household or budget.household
    results: list[GuidelineCheck] = []
    for category in categories_in(Section.FLEXIBLE):
        spent = budget.category_total(category)
        if hh is None:
            results.append(
                GuidelineCheck(
                    category=category,
                    spent=spent,
                    guideline=None,
                    status=GuidelineStatus.NO_GUIDELINE,
                    message="missing: household composition",
                )
            )
            continue
        comp = Composition.of(hh)
        guideline = table.find(comp, category, on_date)
        if guideline is None:
            status = GuidelineStatus.NO_GUIDELINE
            message = (
                f"no guideline for {comp.adults} adult(s), {comp.children} child(ren) "
                f"on {on_date.isoformat()}"
            )
        elif spent <= guideline.monthly:
            status = GuidelineStatus.AT_OR_BELOW
            message = f"{spent} is within the guideline {guideline.monthly}"
        elif budget.category_has_note(category):
            status = GuidelineStatus.ABOVE_WITH_NOTE
            message = f"{spent} is above the guideline {guideline.monthly}; note recorded"
        else:
            status = GuidelineStatus.ABOVE_WITHOUT_NOTE
            message = (
                f"CR-08: {spent} is above the guideline {guideline.monthly} and has no note; "
                "add commentary (with evidence where feasible)"
            )
        if guideline is not None and guideline.is_example:
            message += " [EXAMPLE guideline data, not real figures]"
        results.append(
            GuidelineCheck(
                category=category,
                spent=spent,
                guideline=guideline,
                status=status,
                message=message,
            )
        )
    return tuple(results)
