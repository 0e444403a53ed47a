"""A case's Breathing Space register over HTTP (CR-15, CR-16, CR-17).

One record per application: the kind, the reg 24(3) checks confirmed, the advice given
before applying, any fee, the previous standard moratorium, the midway review and the
creditors' review requests. The moratorium's first day is the case clock's (record the
fact ``breathing_space_registered``), so the deadlines and the findings read one date.
Edits take ``If-Match`` (428 without it, 412 when stale); every change is audited and
re-evaluates the case's findings.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from litestar import Controller, Response, get, patch, post
from msgspec import UNSET, Meta, Struct, UnsetType

from cma_core.casework.breathing_space import CREDITOR_MAX, REVIEWS_MAX, BreathingSpaceDetails
from cma_core.casework.model import (
    BreathingSpace,
    BsCheck,
    CreditorReview,
    MidwayOutcome,
    MoratoriumKind,
)
from cma_core.casework.registers import CaseRegisterService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.params import IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.common.schemas import (
    LINE,
    Input,
    LongText,
    PageOf,
    PastDate,
    Pence,
    from_attributes,
)

_CASE = "/{case_id:uuid}"
Creditor = Annotated[str, Meta(min_length=1, max_length=CREDITOR_MAX, pattern=LINE)]
Checks = Annotated[list[BsCheck], Meta(max_length=len(BsCheck))]


class CreditorReviewIn(Input):
    creditor: Creditor
    received_on: PastDate
    decided_on: PastDate | None = None

    def review(self) -> CreditorReview:
        return CreditorReview(
            creditor=self.creditor, received_on=self.received_on, decided_on=self.decided_on
        )


Reviews = Annotated[list[CreditorReviewIn], Meta(max_length=REVIEWS_MAX)]


class BreathingSpaceIn(Input):
    kind: MoratoriumKind
    applied_on: PastDate
    advice_on: PastDate | None = None
    checks_confirmed: Checks = []
    fee_charged_pence: Pence = 0
    previous_standard_ended_on: PastDate | None = None
    midway_review_on: PastDate | None = None
    midway_review_outcome: MidwayOutcome | None = None
    ended_on: PastDate | None = None
    creditor_reviews: Reviews = []
    note: LongText | None = None

    def details(self) -> BreathingSpaceDetails:
        return BreathingSpaceDetails(
            kind=self.kind,
            applied_on=self.applied_on,
            advice_on=self.advice_on,
            checks_confirmed=frozenset(self.checks_confirmed),
            fee_charged=Money(self.fee_charged_pence),
            previous_standard_ended_on=self.previous_standard_ended_on,
            midway_review_on=self.midway_review_on,
            midway_review_outcome=self.midway_review_outcome,
            ended_on=self.ended_on,
            creditor_reviews=tuple(r.review() for r in self.creditor_reviews),
            note=self.note,
        )


class BreathingSpacePatch(Input):
    kind: MoratoriumKind | UnsetType = UNSET
    applied_on: PastDate | UnsetType = UNSET
    advice_on: PastDate | UnsetType | None = UNSET
    checks_confirmed: Checks | UnsetType = UNSET
    fee_charged_pence: Pence | UnsetType = UNSET
    previous_standard_ended_on: PastDate | UnsetType | None = UNSET
    midway_review_on: PastDate | UnsetType | None = UNSET
    midway_review_outcome: MidwayOutcome | UnsetType | None = UNSET
    ended_on: PastDate | UnsetType | None = UNSET
    creditor_reviews: Reviews | UnsetType = UNSET
    note: LongText | UnsetType | None = UNSET

    def changes(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__struct_fields__:
            value = getattr(self, name)
            if value is UNSET:
                continue
            if name == "fee_charged_pence":
                out["fee_charged"] = Money(value)
            elif name == "checks_confirmed":
                out[name] = frozenset(value)
            elif name == "creditor_reviews":
                out[name] = tuple(r.review() for r in value)
            else:
                out[name] = value
        return out


class CreditorReviewOut(Struct):
    creditor: str
    received_on: dt.date
    decided_on: dt.date | None


class BreathingSpaceOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: MoratoriumKind
    applied_on: dt.date
    advice_on: dt.date | None
    checks_confirmed: list[BsCheck]
    #: The reg 24(3) checks not yet confirmed (CR-15 fails while any is missing).
    checks_missing: list[BsCheck]
    fee_charged_pence: int
    previous_standard_ended_on: dt.date | None
    midway_review_on: dt.date | None
    midway_review_outcome: MidwayOutcome | None
    ended_on: dt.date | None
    creditor_reviews: list[CreditorReviewOut]
    note: str | None
    created_at: dt.datetime
    created_by: uuid.UUID | None
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, b: BreathingSpace) -> BreathingSpaceOut:
        required = set(BsCheck)
        if b.kind is MoratoriumKind.MENTAL_HEALTH_CRISIS:
            required.discard(BsCheck.NO_STANDARD_BS_IN_12_MONTHS)  # reg 30(3)
        return from_attributes(
            cls,
            b,
            checks_confirmed=sorted(b.checks_confirmed),
            checks_missing=sorted(required - b.checks_confirmed),
            fee_charged_pence=b.fee_charged.pence,
            creditor_reviews=[
                CreditorReviewOut(r.creditor, r.received_on, r.decided_on)
                for r in b.creditor_reviews
            ],
        )


class BreathingSpacePage(PageOf[BreathingSpaceOut]):
    items: list[BreathingSpaceOut]


EXAMPLE = BreathingSpaceOut.of(
    BreathingSpace(
        id=uuid.UUID("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
        centre_id=CentreId(ex.CENTRE_ID),
        case_id=CaseId(ex.CASE_ID),
        kind=MoratoriumKind.STANDARD,
        applied_on=dt.date(2026, 10, 1),
        advice_on=dt.date(2026, 9, 30),
        checks_confirmed=frozenset(BsCheck),
        midway_review_on=dt.date(2026, 10, 28),
        midway_review_outcome=MidwayOutcome.CONTINUES,
        creditor_reviews=(
            CreditorReview(
                creditor="Example Bank",
                received_on=dt.date(2026, 10, 12),
                decided_on=dt.date(2026, 10, 30),
            ),
        ),
        created_at=ex.EARLIER,
        created_by=UserId(ex.ADVISER_ID),
        updated_at=ex.AT,
        version=3,
    )
)


class BreathingSpaceController(Controller):
    path = "/api/v1/cases"
    tags = ["casework"]

    @get(
        f"{_CASE}/breathing-spaces",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's Breathing Space applications, by date applied (CR-15…CR-17)",
        operation_class=with_example(page(EXAMPLE), "One standard breathing space"),
    )
    async def list_breathing_spaces(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        case_registers: CaseRegisterService,
        kind: MoratoriumKind | None = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> BreathingSpacePage:
        found = await case_registers.list_breathing_spaces(
            ctx, CaseId(case_id), kind=kind, limit=limit, offset=offset
        )
        return page_out(BreathingSpacePage, BreathingSpaceOut.of, found)

    @post(
        f"{_CASE}/breathing-spaces",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record a Breathing Space application",
        description="The kind, the reg 24(3) checks confirmed, the date advice was given "
        "(before applying: reg 23) and any fee (none may be charged: reg 4). What the "
        "regulations forbid but happened is stored as given and fails CR-15 on the "
        "findings. The moratorium's first day is the case clock's: record the fact "
        "`breathing_space_registered` when the Insolvency Service registers it.",
        operation_class=with_example(EXAMPLE, "Recorded"),
    )
    async def record_breathing_space(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            BreathingSpaceIn,
            example_body(
                "A standard breathing space applied for after advice",
                {
                    "kind": "standard",
                    "applied_on": "2026-10-01",
                    "advice_on": "2026-09-30",
                    "checks_confirmed": [c.value for c in BsCheck],
                },
            ),
        ],
        case_registers: CaseRegisterService,
    ) -> Response[BreathingSpaceOut]:
        b = await case_registers.record_breathing_space(ctx, CaseId(case_id), data.details())
        return created(
            BreathingSpaceOut.of(b), b.version, f"/api/v1/cases/{case_id}/breathing-spaces/{b.id}"
        )

    @get(
        f"{_CASE}/breathing-spaces/{{breathing_space_id:uuid}}",
        guards=[requires(Permission.CASE_READ)],
        summary="One Breathing Space application",
        operation_class=with_example(EXAMPLE, "Reviewed at midway"),
    )
    async def get_breathing_space(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        breathing_space_id: uuid.UUID,
        case_registers: CaseRegisterService,
    ) -> Response[BreathingSpaceOut]:
        b = await case_registers.get_breathing_space(ctx, CaseId(case_id), breathing_space_id)
        return versioned(BreathingSpaceOut.of(b), b.version)

    @patch(
        f"{_CASE}/breathing-spaces/{{breathing_space_id:uuid}}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the midway review, a creditor's review request or the end (If-Match)",
        description="Only the fields sent change; `null` clears one. `creditor_reviews` "
        "replaces the whole list.",
        operation_class=with_example(EXAMPLE, "Midway review recorded"),
    )
    async def update_breathing_space(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        breathing_space_id: uuid.UUID,
        data: Annotated[
            BreathingSpacePatch,
            example_body(
                "The midway review",
                {"midway_review_on": "2026-10-28", "midway_review_outcome": "continues"},
            ),
        ],
        case_registers: CaseRegisterService,
        if_match: IfMatch = None,
    ) -> Response[BreathingSpaceOut]:
        expected = parse_if_match(if_match, required=True)
        b = await case_registers.update_breathing_space(
            ctx, CaseId(case_id), breathing_space_id, data.changes(), expected_version=expected
        )
        return versioned(BreathingSpaceOut.of(b), b.version)
