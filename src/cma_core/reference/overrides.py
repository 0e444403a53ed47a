"""A centre's own figures in place of the national ones: threshold overrides.

A centre may have a reason to use another figure than the national table's (a local
scheme's limit, a fee its court charges, a figure it knows changed before CMA's table
did). Each :class:`ThresholdOverride` names the jurisdiction and parameter, the centre's
value, the date it applies from, the reason, and the national figure it overrides (as it
was when the override was saved, so a reader sees what was set aside). The rules read the
table :func:`apply_overrides` returns: the national records up to the day before the
override's date, then the centre's figure. The override's tag is ``U``: CMA has not
verified a centre's own figure, its reason says where it comes from.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from attrs import evolve, frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Param, SourceTag, Threshold, ThresholdTable, Unit
from cma_core.shared.errors import ValidationError
from cma_core.shared.text import check_line

#: Most overrides a centre keeps (a handful in practice; a bound keeps the record small).
MAX_OVERRIDES = 100
#: Longest reason.
MAX_REASON = 500
#: Largest value an override may take (£100m in pence; far above any figure).
MAX_VALUE = 10_000_000_000

KNOWN_PARAMS = frozenset(p.value for p in Param)


@frozen(kw_only=True)
class OverrideRequest:
    """What a centre admin sets for one figure."""

    jurisdiction: Jurisdiction
    param: str
    value: int
    effective_from: dt.date
    reason: str


@frozen(kw_only=True)
class ThresholdOverride:
    """One figure the centre uses instead of the national one, from ``effective_from``."""

    jurisdiction: Jurisdiction
    param: str
    value: int
    unit: Unit
    effective_from: dt.date
    reason: str
    national_value: int | None
    national_source: str | None
    set_at: dt.datetime
    set_by: uuid.UUID | None = None

    def record(self) -> Threshold:
        """The override as a threshold record (source and note say whose figure it is)."""
        national = (
            "(none in force)"
            if self.national_value is None
            else f"{self.national_value} {self.unit.value} ({self.national_source})"
        )
        return Threshold(
            jurisdiction=self.jurisdiction,
            param=self.param,
            value=self.value,
            unit=self.unit,
            valid_from=self.effective_from,
            valid_to=None,
            source=f"centre override: {self.reason}",
            tag=SourceTag.UNVERIFIED,
            note=f"overrides the national figure {national}",
        )


def apply_overrides(
    table: ThresholdTable, overrides: Sequence[ThresholdOverride]
) -> ThresholdTable:
    """``table`` with each override in force from its date: national records that start
    on or after it are dropped, the one running across it ends the day before."""
    if not overrides:
        return table
    by_key = {(o.jurisdiction, o.param): o for o in overrides}
    out: list[Threshold] = []
    for rec in table.records:
        o = by_key.get((rec.jurisdiction, rec.param))
        if o is None:
            out.append(rec)
        elif rec.valid_from is not None and rec.valid_from >= o.effective_from:
            continue
        elif rec.valid_to is None or rec.valid_to >= o.effective_from:
            out.append(evolve(rec, valid_to=o.effective_from - dt.timedelta(days=1)))
        else:
            out.append(rec)
    out.extend(o.record() for o in overrides)
    return ThresholdTable(tuple(out))


def check_overrides(
    requests: Sequence[OverrideRequest],
    national: ThresholdTable,
    *,
    now: dt.datetime,
    by: uuid.UUID | None,
    previous: Sequence[ThresholdOverride] = (),
) -> tuple[ThresholdOverride, ...]:
    """The overrides to store, each with the national figure it sets aside.

    An override unchanged from ``previous`` keeps its saved national figure and time.

    Raises:
        ValidationError: naming ``overrides[i].<field>``: an unknown figure, a negative
            or huge value, a blank or over-long reason, the same figure twice.
    """
    if len(requests) > MAX_OVERRIDES:
        raise ValidationError("overrides", f"at most {MAX_OVERRIDES} overrides")
    kept = {(o.jurisdiction, o.param): o for o in previous}
    seen: set[tuple[Jurisdiction, str]] = set()
    out: list[ThresholdOverride] = []
    for i, req in enumerate(requests):
        where = f"overrides[{i}]"
        key = (req.jurisdiction, req.param)
        if req.param not in KNOWN_PARAMS:
            raise ValidationError(f"{where}.param", f"unknown figure: {req.param!r}")
        history = national.history(req.jurisdiction, req.param)
        if not history:
            raise ValidationError(
                f"{where}.param", f"{req.param} has no national figure in {req.jurisdiction}"
            )
        if key in seen:
            raise ValidationError(f"{where}.param", f"{req.param} is overridden twice")
        seen.add(key)
        if isinstance(req.value, bool) or not 0 <= req.value <= MAX_VALUE:
            raise ValidationError(f"{where}.value", f"must be between 0 and {MAX_VALUE}")
        reason = check_line(req.reason.strip(), f"{where}.reason", max_length=MAX_REASON)
        if not reason:
            raise ValidationError(f"{where}.reason", "must not be empty")
        old = kept.get(key)
        if old is not None and (old.value, old.effective_from, old.reason) == (
            req.value,
            req.effective_from,
            reason,
        ):
            out.append(old)
            continue
        in_force = national.find(req.jurisdiction, req.param, req.effective_from)
        out.append(
            ThresholdOverride(
                jurisdiction=req.jurisdiction,
                param=req.param,
                value=req.value,
                unit=history[-1].unit,
                effective_from=req.effective_from,
                reason=reason,
                national_value=in_force.value if in_force else None,
                national_source=in_force.citation() if in_force else None,
                set_at=now,
                set_by=by,
            )
        )
    return tuple(out)
