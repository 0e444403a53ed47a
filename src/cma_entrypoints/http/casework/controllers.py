"""Casework over HTTP: a case's contact log, first-contact checklist, vulnerability
screenings, credit reports (accounts become debt suggestions accepted line by line) and
the client's eligibility per option. Each record feeds compliance rules (see
``cma_core.compliance.records``); every change re-evaluates the case's findings.

Edits need ``If-Match`` with the ETag read (428 without it, 412 when stale); the first
tick of a checklist and the first eligibility decision may send ``"0"`` or nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

import msgspec
from litestar import Controller, Response, delete, get, patch, post, put
from litestar.params import Parameter

from cma_core.casework.catalogue import first_contact_checklist, screening_guide
from cma_core.casework.model import Channel, Direction, Party, Purpose
from cma_core.casework.service import (
    CaseworkService,
    ContactDetails,
    ContactFilter,
    ScreeningDetails,
)
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.casework.examples import (
    CATALOGUE,
    CHECKLIST,
    CONTACT,
    GUIDE,
    SCREENING,
)
from cma_entrypoints.http.casework.schemas import (
    CatalogueOut,
    ChecklistOut,
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    GuideOut,
    ScreeningIn,
    ScreeningOut,
    ScreeningPage,
    TickIn,
)
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.params import Cursor, IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import created, page_out, versioned

_CASE = "/{case_id:uuid}"


class CaseworkGuideController(Controller):
    path = "/api/v1/casework"
    tags = ["casework"]

    @get(
        "/first-contact-checklist",
        guards=[requires(Permission.CASE_READ)],
        summary="The first-contact checklist's items (versioned data)",
        operation_class=with_example(CATALOGUE, "The current edition"),
    )
    async def checklist_items(self) -> CatalogueOut:
        return CatalogueOut.of(first_contact_checklist())

    @get(
        "/screening-guide",
        guards=[requires(Permission.CASE_READ)],
        summary="Vulnerability drivers (FCA FG21/1) and TEXAS / IDEA prompts (versioned data)",
        operation_class=with_example(GUIDE, "The current edition"),
    )
    async def screening_guide(self) -> GuideOut:
        return GuideOut.of(screening_guide())


class CaseContactController(Controller):
    path = "/api/v1/cases"
    tags = ["casework"]

    @get(
        f"{_CASE}/contacts",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's contact log, newest first (CR-01, CR-02, CR-03)",
        operation_class=with_example(page(CONTACT), "One call"),
    )
    async def list_contacts(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        casework: CaseworkService,
        channel: Channel | None = None,
        direction: Direction | None = None,
        party: Party | None = None,
        purpose: Purpose | None = None,
        since: Annotated[
            dt.datetime | None, Parameter(description="From this instant (inclusive).")
        ] = None,
        until: Annotated[
            dt.datetime | None, Parameter(description="Before this instant (exclusive).")
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> ContactPage:
        where = ContactFilter(
            channel=channel,
            direction=direction,
            party=party,
            purpose=purpose,
            since=_aware(since, "since"),
            until=_aware(until, "until"),
        )
        found = await casework.list_contacts(
            ctx, CaseId(case_id), where, limit=limit, offset=offset, cursor=cursor
        )
        return page_out(ContactPage, ContactOut.of, found)

    @post(
        f"{_CASE}/contacts",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Log a contact (call, letter, email, meeting…)",
        operation_class=with_example(CONTACT, "Logged"),
    )
    async def log_contact(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            ContactIn,
            example_body(
                "The client's first call",
                {
                    "at": "2026-11-28T10:15:00Z",
                    "channel": "phone",
                    "direction": "inbound",
                    "party": "client",
                    "with_whom": "Client",
                    "summary": "Council tax arrears and a bailiff letter.",
                    "purpose": "first_contact",
                },
            ),
        ],
        casework: CaseworkService,
    ) -> Response[ContactOut]:
        contact = await casework.log_contact(
            ctx, CaseId(case_id), ContactDetails(**msgspec.structs.asdict(data))
        )
        return created(
            ContactOut.of(contact),
            contact.version,
            f"/api/v1/cases/{case_id}/contacts/{contact.id}",
        )

    @get(
        f"{_CASE}/contacts/{{contact_id:uuid}}",
        guards=[requires(Permission.CASE_READ)],
        summary="One contact",
        operation_class=with_example(CONTACT, "A call"),
    )
    async def get_contact(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        contact_id: uuid.UUID,
        casework: CaseworkService,
    ) -> Response[ContactOut]:
        contact = await casework.get_contact(ctx, CaseId(case_id), contact_id)
        return versioned(ContactOut.of(contact), contact.version)

    @patch(
        f"{_CASE}/contacts/{{contact_id:uuid}}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Correct a contact (If-Match)",
        operation_class=with_example(CONTACT, "Corrected"),
    )
    async def update_contact(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        contact_id: uuid.UUID,
        data: Annotated[
            ContactPatch,
            example_body("A fuller summary", {"summary": "Discussed arrears; sent SFS form."}),
        ],
        casework: CaseworkService,
        if_match: IfMatch = None,
    ) -> Response[ContactOut]:
        expected = parse_if_match(if_match, required=True)
        changes = {k: v for k, v in msgspec.structs.asdict(data).items() if v is not msgspec.UNSET}
        contact = await casework.update_contact(
            ctx, CaseId(case_id), contact_id, changes, expected_version=expected
        )
        return versioned(ContactOut.of(contact), contact.version)

    # ----------------------------------------------------------------- checklist

    @get(
        f"{_CASE}/checklist",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's first-contact checklist (CR-01, CR-02, CR-09)",
        operation_class=with_example(CHECKLIST, "Three items ticked"),
    )
    async def get_checklist(
        self, ctx: TenantContext, case_id: uuid.UUID, casework: CaseworkService
    ) -> Response[ChecklistOut]:
        view = await casework.get_checklist(ctx, CaseId(case_id))
        return versioned(ChecklistOut.of(view), view.record.version)

    @put(
        f"{_CASE}/checklist/items/{{item:str}}",
        guards=[requires(Permission.CASE_WRITE)],
        summary='Tick a checklist item, with when (If-Match; "0" for the first tick)',
        operation_class=with_example(CHECKLIST, "Ticked"),
    )
    async def tick(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        item: str,
        casework: CaseworkService,
        data: Annotated[
            TickIn | None,
            example_body("The lawful basis", {"value": "legitimate_interests"}),
        ] = None,
        if_match: IfMatch = None,
    ) -> Response[ChecklistOut]:
        body = data or TickIn()
        view = await casework.tick(
            ctx,
            CaseId(case_id),
            item,
            done_at=_aware(body.done_at, "done_at"),
            value=body.value,
            note=body.note,
            expected_version=parse_if_match(if_match, required=False),
        )
        return versioned(ChecklistOut.of(view), view.record.version)

    @delete(
        f"{_CASE}/checklist/items/{{item:str}}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Untick a checklist item (If-Match)",
        status_code=200,
        operation_class=with_example(CHECKLIST, "Unticked"),
    )
    async def untick(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        item: str,
        casework: CaseworkService,
        if_match: IfMatch = None,
    ) -> Response[ChecklistOut]:
        expected = parse_if_match(if_match, required=True)
        view = await casework.untick(ctx, CaseId(case_id), item, expected_version=expected)
        return versioned(ChecklistOut.of(view), view.record.version)

    # ----------------------------------------------------------------- screening

    @get(
        f"{_CASE}/screenings",
        guards=[requires(Permission.CASE_READ)],
        summary="The case's vulnerability screenings (CR-03); sensitive parts withheld "
        "without sensitive:read",
        operation_class=with_example(page(SCREENING), "One screening"),
    )
    async def list_screenings(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        casework: CaseworkService,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> ScreeningPage:
        found = await casework.list_screenings(
            ctx, CaseId(case_id), limit=limit, offset=offset, cursor=cursor
        )
        return page_out(ScreeningPage, ScreeningOut.of, found)

    @post(
        f"{_CASE}/screenings",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record a vulnerability screening (FCA FG21/1)",
        operation_class=with_example(SCREENING, "Recorded"),
    )
    async def record_screening(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            ScreeningIn,
            example_body(
                "Health and a life event, with adjustments",
                {
                    "on": "2026-11-28",
                    "drivers": ["health", "life_events"],
                    "answers": {"idea_impact": "Struggles to open post."},
                    "adjustments": ["Phone calls rather than letters"],
                },
            ),
        ],
        casework: CaseworkService,
    ) -> Response[ScreeningOut]:
        view = await casework.record_screening(ctx, CaseId(case_id), _screening(data))
        s = view.screening
        return created(
            ScreeningOut.of(view), s.version, f"/api/v1/cases/{case_id}/screenings/{s.id}"
        )

    @get(
        f"{_CASE}/screenings/{{screening_id:uuid}}",
        guards=[requires(Permission.CASE_READ)],
        summary="One screening",
        operation_class=with_example(SCREENING, "A screening"),
    )
    async def get_screening(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        screening_id: uuid.UUID,
        casework: CaseworkService,
    ) -> Response[ScreeningOut]:
        view = await casework.get_screening(ctx, CaseId(case_id), screening_id)
        return versioned(ScreeningOut.of(view), view.screening.version)

    @put(
        f"{_CASE}/screenings/{{screening_id:uuid}}",
        guards=[requires(Permission.SENSITIVE_WRITE)],
        summary="Replace a screening's content (If-Match)",
        operation_class=with_example(SCREENING, "Replaced"),
    )
    async def update_screening(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        screening_id: uuid.UUID,
        data: Annotated[
            ScreeningIn,
            example_body(
                "An adjustment added",
                {"on": "2026-11-28", "drivers": ["health"], "adjustments": ["Large print"]},
            ),
        ],
        casework: CaseworkService,
        if_match: IfMatch = None,
    ) -> Response[ScreeningOut]:
        expected = parse_if_match(if_match, required=True)
        view = await casework.update_screening(
            ctx, CaseId(case_id), screening_id, _screening(data), expected_version=expected
        )
        return versioned(ScreeningOut.of(view), view.screening.version)


def _screening(data: ScreeningIn) -> ScreeningDetails:
    return ScreeningDetails(
        on=data.on,
        drivers=tuple(data.drivers),
        answers=dict(data.answers),
        adjustments=tuple(data.adjustments),
        no_adjustment_reason=data.no_adjustment_reason,
        notes=data.notes,
    )


def _aware(value: dt.datetime | None, name: str) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValidationError(name, "must include a time zone, e.g. 2026-11-30T10:00:00Z")
    return value
