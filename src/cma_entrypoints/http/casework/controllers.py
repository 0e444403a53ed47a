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
from typing import Annotated, Any

import msgspec
from litestar import Controller, Response, delete, get, patch, post, put
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.openapi.spec import Example
from litestar.params import Body, Parameter

from cma_core.casework.catalogue import first_contact_checklist, screening_guide
from cma_core.casework.model import Channel, Direction, Party, Purpose
from cma_core.casework.service import (
    AccountDetails,
    CaseworkService,
    ContactDetails,
    ContactFilter,
    ScreeningDetails,
)
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.casework.examples import (
    CATALOGUE,
    CHECKLIST,
    CONTACT,
    ELIGIBILITY,
    GUIDE,
    REPORT,
    SCREENING,
)
from cma_entrypoints.http.casework.schemas import (
    AcceptIn,
    CatalogueOut,
    ChecklistOut,
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    CreditReportIn,
    CreditReportOut,
    CreditReportPage,
    DecisionIn,
    EligibilityOut,
    GuideOut,
    RejectIn,
    ScreeningIn,
    ScreeningOut,
    ScreeningPage,
    TickIn,
)
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.params import IfMatch, Limit, Offset, parse_if_match
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
            ctx, CaseId(case_id), where, limit=limit, offset=offset
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
    ) -> ScreeningPage:
        found = await casework.list_screenings(ctx, CaseId(case_id), limit=limit, offset=offset)
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
        data: ScreeningIn,
        casework: CaseworkService,
        if_match: IfMatch = None,
    ) -> Response[ScreeningOut]:
        expected = parse_if_match(if_match, required=True)
        view = await casework.update_screening(
            ctx, CaseId(case_id), screening_id, _screening(data), expected_version=expected
        )
        return versioned(ScreeningOut.of(view), view.screening.version)


class CaseCreditController(Controller):
    path = "/api/v1/cases"
    tags = ["casework"]

    @get(
        f"{_CASE}/credit-reports",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The case's credit reports (CR-09)",
        operation_class=with_example(page(REPORT), "One report"),
    )
    async def list_reports(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        casework: CaseworkService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> CreditReportPage:
        found = await casework.list_credit_reports(ctx, CaseId(case_id), limit=limit, offset=offset)
        return page_out(CreditReportPage, CreditReportOut.of, found)

    @post(
        f"{_CASE}/credit-reports",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Record a credit report entered by hand; its accounts become debt suggestions",
        operation_class=with_example(REPORT, "Recorded"),
    )
    async def record_report(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            CreditReportIn,
            example_body(
                "Two accounts",
                {
                    "agency": "Equifax",
                    "report_date": "2026-11-20",
                    "accounts": [
                        {
                            "lender": "Example Bank",
                            "account_type": "Credit Card",
                            "balance_pence": 123456,
                            "status": "default",
                        }
                    ],
                },
            ),
        ],
        casework: CaseworkService,
    ) -> Response[CreditReportOut]:
        accounts = [
            AccountDetails(
                lender=a.lender,
                account_type=a.account_type,
                balance=Money(a.balance_pence),
                account_number=a.account_number,
                status=a.status,
                default_on=a.default_date,
                opened_on=a.opened_date,
            )
            for a in data.accounts
        ]
        report = await casework.record_credit_report(
            ctx,
            CaseId(case_id),
            agency=data.agency,
            report_on=data.report_date,
            checked_on=data.checked_on,
            accounts=accounts,
        )
        return _report_created(case_id, report)

    @post(
        f"{_CASE}/credit-reports/import",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Import a statutory credit report's accounts from a CSV or JSON file",
        description="Multipart: `file` (CSV with a header `lender,account_number,"
        "account_type,balance,status,default_date,opened_date`, balance in pounds; or JSON "
        '`{"agency", "report_date", "accounts": [...]}`), optional `agency` and '
        "`report_date`. Settled accounts and nothing-owed lines are kept but not suggested.",
        operation_class=with_example(REPORT, "Imported"),
    )
    async def import_report(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            dict[str, Any],
            Body(
                media_type=RequestEncodingType.MULTI_PART,
                title="Credit report file",
                examples=[
                    Example(
                        summary="An Experian statutory report as CSV",
                        value={"file": "(the CSV's bytes)", "agency": "Experian"},
                    )
                ],
                schema_extra={
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "agency": {"type": "string"},
                        "report_date": {"type": "string", "format": "date"},
                    },
                    "required": ["file"],
                },
            ),
        ],
        casework: CaseworkService,
    ) -> Response[CreditReportOut]:
        upload = data.get("file")
        if not isinstance(upload, UploadFile):
            raise ValidationError("file", "is required (a multipart part named 'file')")
        try:
            content = await upload.read()
        finally:
            await upload.close()
        day = _date(data.get("report_date"), "report_date")
        agency = data.get("agency")
        report = await casework.import_credit_report(
            ctx,
            CaseId(case_id),
            filename=upload.filename or "report.csv",
            content=content,
            agency=agency if isinstance(agency, str) and agency.strip() else None,
            report_on=day,
        )
        return _report_created(case_id, report)

    @get(
        f"{_CASE}/credit-reports/{{report_id:uuid}}",
        guards=[requires(Permission.FINANCE_READ)],
        summary="One credit report",
        operation_class=with_example(REPORT, "A report"),
    )
    async def get_report(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        report_id: uuid.UUID,
        casework: CaseworkService,
    ) -> Response[CreditReportOut]:
        report = await casework.get_credit_report(ctx, CaseId(case_id), report_id)
        return versioned(CreditReportOut.of(report), report.version)

    @post(
        f"{_CASE}/credit-reports/{{report_id:uuid}}/lines/{{line:int}}/accept",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Accept a suggested account as a debt on the case (If-Match)",
        status_code=200,
        operation_class=with_example(REPORT, "Line 1 accepted"),
    )
    async def accept_line(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        report_id: uuid.UUID,
        line: int,
        casework: CaseworkService,
        data: Annotated[AcceptIn | None, example_body("As suggested", {})] = None,
        if_match: IfMatch = None,
    ) -> Response[CreditReportOut]:
        report = await casework.decide_line(
            ctx,
            CaseId(case_id),
            report_id,
            line,
            accept=True,
            debt_type=data.debt_type if data else None,
            expected_version=parse_if_match(if_match, required=True),
        )
        return versioned(CreditReportOut.of(report), report.version)

    @post(
        f"{_CASE}/credit-reports/{{report_id:uuid}}/lines/{{line:int}}/reject",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Reject a suggested account, saying why (If-Match)",
        status_code=200,
        operation_class=with_example(REPORT, "Line 2 rejected"),
    )
    async def reject_line(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        report_id: uuid.UUID,
        line: int,
        data: Annotated[RejectIn, example_body("Already paid", {"reason": "Paid in full"})],
        casework: CaseworkService,
        if_match: IfMatch = None,
    ) -> Response[CreditReportOut]:
        report = await casework.decide_line(
            ctx,
            CaseId(case_id),
            report_id,
            line,
            accept=False,
            reason=data.reason,
            expected_version=parse_if_match(if_match, required=True),
        )
        return versioned(CreditReportOut.of(report), report.version)

    # ----------------------------------------------------------------- eligibility

    @get(
        f"{_CASE}/eligibility",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The client's eligibility recorded per option (CR-12)",
        operation_class=with_example(ELIGIBILITY, "One decision"),
    )
    async def get_eligibility(
        self, ctx: TenantContext, case_id: uuid.UUID, casework: CaseworkService
    ) -> Response[EligibilityOut]:
        record = await casework.get_eligibility(ctx, CaseId(case_id))
        return versioned(EligibilityOut.of(record), record.version)

    @put(
        f"{_CASE}/eligibility/{{solution:str}}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Record whether the client is eligible for an option, and why (If-Match)",
        operation_class=with_example(ELIGIBILITY, "Recorded"),
    )
    async def decide(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        solution: str,
        data: Annotated[
            DecisionIn,
            example_body("Not an IVA", {"eligible": False, "reason": "No surplus."}),
        ],
        casework: CaseworkService,
        if_match: IfMatch = None,
    ) -> Response[EligibilityOut]:
        try:
            chosen = Solution(solution)
        except ValueError:
            allowed = ", ".join(s.value for s in Solution)
            raise ValidationError("solution", f"must be one of: {allowed}") from None
        record = await casework.decide_option(
            ctx,
            CaseId(case_id),
            chosen,
            eligible=data.eligible,
            reason=data.reason,
            expected_version=parse_if_match(if_match, required=False),
        )
        return versioned(EligibilityOut.of(record), record.version)


def _report_created(case_id: uuid.UUID, report: Any) -> Response[CreditReportOut]:
    return created(
        CreditReportOut.of(report),
        report.version,
        f"/api/v1/cases/{case_id}/credit-reports/{report.id}",
    )


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


def _date(value: object, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(name, "must be a date such as 2026-11-20") from None
