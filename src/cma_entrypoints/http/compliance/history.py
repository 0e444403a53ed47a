"""Compliance over time: pass rates per rule (and overall) at the end of each week or
month, read from the findings history that every re-evaluation feeds (only outcomes that
changed are kept). A case counts in a period by its latest outcome by then, attributed to
the adviser it had at that evaluation; ``pass_rate`` is passed / (passed + failed) in
percent, ``null`` with nothing assessed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter
from msgspec import Struct

from cma_core.compliance.history import ComplianceHistory, Interval, PeriodRate
from cma_core.compliance.service import ComplianceService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import with_example
from cma_entrypoints.http.common.params import USER_OR_ME, user_or_me
from cma_entrypoints.http.common.schemas import CODE


class PeriodRateOut(Struct):
    start: dt.date
    end: dt.date  # exclusive
    passed: int
    failed: int
    pass_rate: float | None

    @classmethod
    def of(cls, p: PeriodRate) -> PeriodRateOut:
        return cls(
            start=p.start, end=p.end, passed=p.passed, failed=p.failed, pass_rate=p.pass_rate
        )


class RuleHistoryOut(Struct):
    rule_id: str
    points: list[PeriodRateOut]


class HistoryOut(Struct):
    interval: Interval
    adviser_id: uuid.UUID | None
    overall: list[PeriodRateOut]
    rules: list[RuleHistoryOut]

    @classmethod
    def of(cls, h: ComplianceHistory) -> HistoryOut:
        return cls(
            interval=h.interval,
            adviser_id=h.adviser_id,
            overall=[PeriodRateOut.of(p) for p in h.overall],
            rules=[
                RuleHistoryOut(rule_id=r.rule_id, points=[PeriodRateOut.of(p) for p in r.points])
                for r in h.rules
            ],
        )


_WEEKS = [
    PeriodRateOut(
        start=dt.date(2026, 11, 16), end=dt.date(2026, 11, 23), passed=3, failed=1, pass_rate=75.0
    ),
    PeriodRateOut(
        start=dt.date(2026, 11, 23), end=dt.date(2026, 11, 30), passed=4, failed=0, pass_rate=100.0
    ),
]
HISTORY = HistoryOut(
    interval=Interval.WEEK,
    adviser_id=None,
    overall=_WEEKS,
    rules=[RuleHistoryOut(rule_id="CR-01", points=_WEEKS)],
)


class ComplianceHistoryController(Controller):
    path = "/api/v1/compliance/report/history"
    tags = ["compliance"]

    @get(
        "/",
        guards=[requires(Permission.CASE_READ_ALL)],
        summary="Rule pass rates over time",
        operation_class=with_example(HISTORY, "Two weeks of one rule"),
        description="One point per week (from Monday) or calendar month covering `from` to "
        "`to` (dates, inclusive; default the 12 weeks or months to today; at most 104 "
        "points, else 422 naming `from`). `adviser_id` (or `me`) keeps that adviser's cases, "
        "`rule_id` one rule.",
    )
    async def history(
        self,
        ctx: TenantContext,
        compliance: ComplianceService,
        start: Annotated[dt.date | None, Parameter(query="from")] = None,
        end: Annotated[dt.date | None, Parameter(query="to")] = None,
        interval: Interval = Interval.WEEK,
        adviser_id: Annotated[
            str | None,
            Parameter(max_length=36, pattern=USER_OR_ME, description='A user id, or "me".'),
        ] = None,
        rule_id: Annotated[str | None, Parameter(max_length=16, pattern=CODE)] = None,
    ) -> HistoryOut:
        history = await compliance.report_history(
            ctx,
            start=start,
            end=end,
            interval=interval,
            adviser_id=user_or_me(ctx, adviser_id, "adviser_id"),
            rule_id=rule_id,
        )
        return HistoryOut.of(history)
