"""A centre's reference data over the API: spending guidelines and threshold overrides.

The spending guidelines ("trigger figures") are licensed to SFS members, so each centre
imports its own: ``POST /api/v1/reference/guidelines/imports`` takes the CSV that
``cma reference load --guidelines`` loads, validates it (a problem naming
``line[N].<column>``), and with ``dry_run`` answers what it would change without storing
anything; otherwise it replaces the centre's table in one transaction, audited, and every
open case is re-checked. Threshold overrides are the centre's own figures in place of
national ones, each with a reason and the date it applies from; the rules read them.
Changes need ``centre:settings`` (the centre admin) and a recent sign-in.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, get, post, put
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import Parameter
from msgspec import Meta, Struct

from cma_core.budgets.catalogue import Category
from cma_core.budgets.reference_admin import (
    MAX_FILE_CHARS,
    MAX_SOURCE_CHARS,
    GuidelineChange,
    GuidelinePeriod,
    GuidelinesView,
    ImportResult,
    ReferenceAdminService,
    ThresholdsView,
)
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.overrides import MAX_OVERRIDES, MAX_VALUE, OverrideRequest
from cma_core.reference.ports import GuidelineImport
from cma_core.reference.thresholds import SourceTag, Threshold, Unit
from cma_entrypoints.http.auth import RECENT_AUTH, requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import AT, JsonExample, example_body, with_example
from cma_entrypoints.http.common.params import Cursor, IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import slice_out, versioned
from cma_entrypoints.http.common.schemas import LINE, TEXT, Code, Day, Input, PageOf, Reason

_ADMIN = [requires(Permission.CENTRE_SETTINGS), RECENT_AUTH]

# ------------------------------------------------------------------------------ shapes


class GuidelinePeriodOut(Struct):
    """The rows of one period of the table: one ``valid_from``/``valid_to``/source."""

    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    rows: int
    households: list[str]
    in_force: bool

    @classmethod
    def of(cls, p: GuidelinePeriod) -> GuidelinePeriodOut:
        return cls(p.valid_from, p.valid_to, p.source, p.rows, list(p.households), p.in_force)


class GuidelineImportOut(Struct):
    id: uuid.UUID
    source: str | None
    imported_at: dt.datetime
    imported_by: uuid.UUID | None
    rows: int
    added: int
    removed: int
    changed: int

    @classmethod
    def of(cls, i: GuidelineImport) -> GuidelineImportOut:
        return cls(
            i.id, i.source, i.imported_at, i.imported_by, i.rows, i.added, i.removed, i.changed
        )


class GuidelinePeriodPage(PageOf[GuidelinePeriodOut]):
    items: list[GuidelinePeriodOut]


class GuidelineImportPage(PageOf[GuidelineImportOut]):
    items: list[GuidelineImportOut]


class GuidelinesOut(Struct):
    """The guidelines a centre loaded: each period with its source and dates (newest
    first), and the last imports (newest first, at most 50)."""

    loaded: bool
    source: str | None
    updated_at: dt.datetime | None
    periods: list[GuidelinePeriodOut]
    imports: list[GuidelineImportOut]

    @classmethod
    def of(cls, v: GuidelinesView) -> GuidelinesOut:
        return cls(
            v.loaded,
            v.source,
            v.updated_at,
            [GuidelinePeriodOut.of(p) for p in v.periods],
            [GuidelineImportOut.of(i) for i in v.imports],
        )


class GuidelinesImportIn(Input):
    """A guidelines file as text: the CSV ``cma reference load --guidelines`` reads
    (``valid_from,valid_to,adults,children,category,monthly_pence,source``; ``#`` lines
    are comments)."""

    content: Annotated[
        str, Meta(min_length=1, max_length=MAX_FILE_CHARS, pattern=TEXT, description="The CSV.")
    ]
    source: Annotated[str, Meta(max_length=MAX_SOURCE_CHARS, pattern=LINE)] | None = None
    dry_run: bool = False


class GuidelineChangeOut(Struct):
    """A figure the import adds, removes or changes (monthly pence before and after)."""

    adults: int
    children: int
    category: Category
    valid_from: dt.date
    before_pence: int | None
    after_pence: int | None

    @classmethod
    def of(cls, c: GuidelineChange) -> GuidelineChangeOut:
        return cls(c.adults, c.children, c.category, c.valid_from, c.before, c.after)


class GuidelinesImportOut(Struct):
    """What the file changes; ``import`` is ``null`` on a dry run (nothing stored)."""

    dry_run: bool
    stored: bool
    rows: int
    added: list[GuidelineChangeOut]
    removed: list[GuidelineChangeOut]
    changed: list[GuidelineChangeOut]
    periods: list[GuidelinePeriodOut]
    record: GuidelineImportOut | None

    @classmethod
    def of(cls, r: ImportResult) -> GuidelinesImportOut:
        return cls(
            dry_run=r.dry_run,
            stored=r.record is not None,
            rows=r.rows,
            added=[GuidelineChangeOut.of(c) for c in r.diff.added],
            removed=[GuidelineChangeOut.of(c) for c in r.diff.removed],
            changed=[GuidelineChangeOut.of(c) for c in r.diff.changed],
            periods=[GuidelinePeriodOut.of(p) for p in r.periods],
            record=GuidelineImportOut.of(r.record) if r.record else None,
        )


class NationalFigureOut(Struct):
    """A national figure in force today (the centre's loaded table, else CMA's)."""

    jurisdiction: Jurisdiction
    param: str
    value: int
    unit: Unit
    valid_from: dt.date | None
    source: str
    tag: SourceTag
    display: str

    @classmethod
    def of(cls, t: Threshold) -> NationalFigureOut:
        return cls(
            t.jurisdiction, t.param, t.value, t.unit, t.valid_from, t.source, t.tag,
            t.display_value(),
        )  # fmt: skip


class OverrideIn(Input):
    jurisdiction: Jurisdiction
    param: Code
    value: Annotated[int, Meta(ge=0, le=MAX_VALUE, description="In the figure's unit.")]
    effective_from: Day
    reason: Reason


class ThresholdsIn(Input):
    """Every override the centre keeps (the list replaces the one stored)."""

    overrides: Annotated[list[OverrideIn], Meta(max_length=MAX_OVERRIDES)]


class OverrideOut(Struct):
    """One figure the centre uses instead of the national one, from ``effective_from``,
    and the national figure it overrides as it was when saved."""

    jurisdiction: Jurisdiction
    param: str
    value: int
    unit: Unit
    effective_from: dt.date
    reason: str
    national_value: int | None
    national_source: str | None
    set_at: dt.datetime
    set_by: uuid.UUID | None


class ThresholdsOut(Struct):
    overrides: list[OverrideOut]
    national: list[NationalFigureOut]
    version: int

    @classmethod
    def of(cls, v: ThresholdsView) -> ThresholdsOut:
        return cls(
            overrides=[
                OverrideOut(
                    o.jurisdiction,
                    o.param,
                    o.value,
                    o.unit,
                    o.effective_from,
                    o.reason,
                    o.national_value,
                    o.national_source,
                    o.set_at,
                    o.set_by,
                )
                for o in v.overrides
            ],
            national=[NationalFigureOut.of(t) for t in v.national],
            version=v.version,
        )


# ------------------------------------------------------------------------------ examples

_PERIOD = GuidelinePeriodOut(
    dt.date(2026, 4, 6), None, "SFS trigger figures 2026", 54, ["1A0C", "2A1C"], True
)
_IMPORT = GuidelineImportOut(
    uuid.UUID("5d1c6b0e-7f0a-4c3e-9a55-2f1e4c7d9b10"), "SFS trigger figures 2026", AT,
    uuid.UUID("0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"), 54, 18, 0, 0,
)  # fmt: skip
GUIDELINES = GuidelinesOut(True, "SFS trigger figures 2026", AT, [_PERIOD], [_IMPORT])
_CHANGE = GuidelineChangeOut(1, 0, Category.FOOD_HOUSEKEEPING, dt.date(2026, 4, 6), 31500, 32800)
IMPORT = GuidelinesImportOut(True, False, 54, [], [], [_CHANGE], [_PERIOD], None)
STORED = GuidelinesImportOut(False, True, 54, [], [], [_CHANGE], [_PERIOD], _IMPORT)
IMPORT_IN = {
    "content": "valid_from,valid_to,adults,children,category,monthly_pence,source\n"
    "2026-04-06,,1,0,food_housekeeping,32800,SFS trigger figures 2026\n",
    "source": "SFS trigger figures 2026",
    "dry_run": True,
}
_OVERRIDE = OverrideOut(
    Jurisdiction.EW, "token.per_creditor_monthly", 200, Unit.PENCE, dt.date(2026, 4, 1),
    "Local creditor forum agreed £2 token payments", 100, "StepChange [S] from 2020-01-01", AT,
    None,
)  # fmt: skip
_NATIONAL = NationalFigureOut(
    Jurisdiction.EW, "dro.max_debt", 5000000, Unit.PENCE, dt.date(2024, 6, 28),
    "SI 2024/626; SDAS24", SourceTag.VERIFIED, "£50,000.00",
)  # fmt: skip
THRESHOLDS = ThresholdsOut([_OVERRIDE], [_NATIONAL], 2)
THRESHOLDS_IN = {
    "overrides": [
        {
            "jurisdiction": "EW",
            "param": "token.per_creditor_monthly",
            "value": 200,
            "effective_from": "2026-04-01",
            "reason": "Local creditor forum agreed £2 token payments",
        }
    ]
}

# ------------------------------------------------------------------------------ routes


_SourceFilter = Annotated[
    str | None,
    Parameter(min_length=1, max_length=200, description="Words the source contains."),
]


def _has(value: str | None, words: str | None) -> bool:
    return words is None or (value is not None and words.casefold() in value.casefold())


def _period_key(p: GuidelinePeriod) -> tuple[dt.date, str, dt.date]:
    return (p.valid_from, p.source, p.valid_to or dt.date.max)


def _import_key(i: GuidelineImport) -> tuple[dt.datetime, uuid.UUID]:
    return (i.imported_at, i.id)


class GuidelinesController(Controller):
    path = "/api/v1/reference/guidelines"
    tags = ["reference"]

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The spending guidelines the centre loaded",
        operation_class=with_example(GUIDELINES, "One period loaded"),
        description="Each period (source, `valid_from`, `valid_to`, household types) and "
        "the last 50 imports. `loaded` is false until the centre imports a file: the "
        "budget then flags no spending against guidelines.",
    )
    async def get_guidelines(
        self, ctx: TenantContext, reference_admin: ReferenceAdminService
    ) -> GuidelinesOut:
        return GuidelinesOut.of(await reference_admin.guidelines(ctx))

    @get(
        "/periods",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The periods of the loaded spending guidelines, newest first",
        operation_class=with_example(ex.page(msgspec.to_builtins(_PERIOD)), "One period"),
        description="Each period (source, `valid_from`, `valid_to`, household types), "
        "newest `valid_from` first; `in_force` keeps the periods in force today (true) or "
        "not (false), `source` those whose source contains the words (any case). Page "
        "with `cursor`.",
    )
    async def list_periods(
        self,
        ctx: TenantContext,
        reference_admin: ReferenceAdminService,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
        in_force: bool | None = None,
        source: _SourceFilter = None,
    ) -> GuidelinePeriodPage:
        view = await reference_admin.guidelines(ctx)
        found = [
            p
            for p in view.periods
            if (in_force is None or p.in_force == in_force) and _has(p.source, source)
        ]
        found.sort(key=_period_key, reverse=True)
        return slice_out(
            GuidelinePeriodPage, GuidelinePeriodOut.of, found, limit, offset, cursor=cursor,
            key=_period_key, kinds=(dt.date, str, dt.date), descending=True,
        )  # fmt: skip

    @get(
        "/imports",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The guidelines imports, newest first",
        operation_class=with_example(ex.page(msgspec.to_builtins(_IMPORT)), "One import"),
        description="The centre's last 50 imports of a guidelines file, newest first: "
        "`source` keeps those whose source contains the words (any case), `since` those "
        "imported at or after it. Page with `cursor`.",
    )
    async def list_imports(
        self,
        ctx: TenantContext,
        reference_admin: ReferenceAdminService,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
        source: _SourceFilter = None,
        since: dt.datetime | None = None,
    ) -> GuidelineImportPage:
        view = await reference_admin.guidelines(ctx)
        found = [
            i
            for i in view.imports
            if _has(i.source, source) and (since is None or i.imported_at >= since)
        ]
        found.sort(key=_import_key, reverse=True)
        return slice_out(
            GuidelineImportPage, GuidelineImportOut.of, found, limit, offset, cursor=cursor,
            key=_import_key, kinds=(dt.datetime, uuid.UUID), descending=True,
        )  # fmt: skip

    @post(
        "/imports",
        guards=_ADMIN,
        status_code=201,
        responses={
            200: ResponseSpec(
                data_container=GuidelinesImportOut,
                description="A preview (`dry_run: true`): what the file would change; "
                "nothing stored",
                generate_examples=False,
                examples=[
                    JsonExample(
                        summary="A preview: one figure changes", value=msgspec.to_builtins(IMPORT)
                    )
                ],
            )
        },
        summary="Import a spending guidelines file (or preview it)",
        operation_class=with_example(STORED, "Stored: one figure changed", status=201),
        description="The CSV `cma reference load --guidelines` reads. It is validated "
        "first: a fault is a 400 problem naming `line[N].<column>` (N counts every line "
        "of the file from 1). With `dry_run: true` the answer (200) says what the file "
        "adds, removes and changes, and nothing is stored; otherwise (201) it replaces "
        "the centre's table in one transaction, is audited as "
        "`reference.guidelines_imported`, and every open case is re-checked. Needs "
        "`centre:settings` and a recent sign-in (401 `reauthentication-required`).",
    )
    async def import_guidelines(
        self,
        ctx: TenantContext,
        data: Annotated[GuidelinesImportIn, example_body("Preview a file", IMPORT_IN)],
        reference_admin: ReferenceAdminService,
    ) -> Response[GuidelinesImportOut]:
        result = await reference_admin.import_guidelines(
            ctx, data.content, source=data.source, dry_run=data.dry_run
        )
        return Response(GuidelinesImportOut.of(result), status_code=200 if data.dry_run else 201)


class ThresholdsController(Controller):
    path = "/api/v1/centre/thresholds"
    tags = ["reference"]

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The centre's threshold overrides and the national figures",
        operation_class=with_example(THRESHOLDS, "One override"),
        description="Each override with the national figure it sets aside; `national` "
        "lists every figure in force today, for choosing one to override. The `ETag` is "
        'the overrides\' version (`"0"` before the first save).',
    )
    async def get_thresholds(
        self, ctx: TenantContext, reference_admin: ReferenceAdminService
    ) -> Response[ThresholdsOut]:
        view = await reference_admin.thresholds(ctx)
        return versioned(ThresholdsOut.of(view), view.version)

    @put(
        "/",
        guards=_ADMIN,
        summary="Replace the centre's threshold overrides",
        operation_class=with_example(THRESHOLDS, "Saved"),
        description="The list replaces the stored one (an empty list removes every "
        "override). Each needs a reason and the date it applies from; the rules read the "
        "centre's figure from that date. `If-Match` with the ETag read (428 without, 412 "
        "when stale). Audited as `reference.thresholds_overridden`; open cases are "
        "re-checked. Needs `centre:settings` and a recent sign-in.",
    )
    async def put_thresholds(
        self,
        ctx: TenantContext,
        data: Annotated[ThresholdsIn, example_body("One override", THRESHOLDS_IN)],
        reference_admin: ReferenceAdminService,
        if_match: IfMatch = None,
    ) -> Response[ThresholdsOut]:
        expected = parse_if_match(if_match, required=True)
        requests = [
            OverrideRequest(
                jurisdiction=o.jurisdiction,
                param=o.param,
                value=o.value,
                effective_from=o.effective_from,
                reason=o.reason,
            )
            for o in data.overrides
        ]
        view = await reference_admin.set_overrides(ctx, requests, expected_version=expected)
        return versioned(ThresholdsOut.of(view), view.version)
