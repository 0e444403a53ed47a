"""Credit reports and eligibility over HTTP: a statutory credit report entered by hand
or imported from a CSV/JSON file, its accounts accepted line by line as debts (CR-09), and
the client's eligibility recorded per option (CR-12). Edits need ``If-Match``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from litestar import Controller, Response, get, post, put
from litestar.enums import RequestEncodingType
from litestar.openapi.spec import Example
from litestar.params import Body

from cma_core.casework.service import AccountDetails, CaseworkService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.casework.examples import ELIGIBILITY, REPORT
from cma_entrypoints.http.casework.schemas import (
    AcceptIn,
    CreditReportIn,
    CreditReportOut,
    CreditReportPage,
    DecisionIn,
    EligibilityOut,
    RejectIn,
)
from cma_entrypoints.http.common.examples import example_body, page, with_example
from cma_entrypoints.http.common.multipart import (
    file_part,
    file_schema,
    form_schema,
    only_parts,
    text_part,
)
from cma_entrypoints.http.common.params import Cursor, IfMatch, Limit, Offset, parse_if_match
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.common.schemas import LINE

#: A credit report file's largest size (the service refuses more), and the agency's length.
MAX_REPORT_BYTES = 2_000_000
MAX_AGENCY = 100
_CASE = "/{case_id:uuid}"


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
        cursor: Cursor = None,
    ) -> CreditReportPage:
        found = await casework.list_credit_reports(
            ctx, CaseId(case_id), limit=limit, offset=offset, cursor=cursor
        )
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
                last_payment_on=a.last_payment_date,
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
        "account_type,balance,status,default_date,opened_date,last_payment_date`, balance in\n"
        "pounds; or JSON "
        '`{"agency", "report_date", "accounts": [...]}`), optional `agency` and '
        "`report_date`. Settled accounts and nothing-owed lines are kept but not suggested.",
        operation_class=with_example(REPORT, "Imported"),
        # The report's limit plus the multipart envelope: a larger body is 413 unread.
        request_max_body_size=MAX_REPORT_BYTES + 64 * 1024,
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
                schema_extra=form_schema(
                    {
                        "file": file_schema(
                            f"The report, CSV or JSON, at most {MAX_REPORT_BYTES:,} bytes."
                        ),
                        "agency": {
                            "type": "string",
                            "maxLength": MAX_AGENCY,
                            "pattern": LINE,
                            "description": "The credit reference agency (else the file's).",
                        },
                        "report_date": {"type": "string", "format": "date"},
                    },
                    required=("file",),
                ),
            ),
        ],
        casework: CaseworkService,
    ) -> Response[CreditReportOut]:
        upload = file_part(data)
        try:
            only_parts(data, ("file", "agency", "report_date"))
            agency = text_part(data, "agency", max_length=MAX_AGENCY)
            day = _date(text_part(data, "report_date", max_length=10), "report_date")
            content = await upload.read()
        finally:
            await upload.close()
        report = await casework.import_credit_report(
            ctx,
            CaseId(case_id),
            filename=upload.filename or "report.csv",
            content=content,
            agency=agency,
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


def _date(value: object, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(name, "must be a date such as 2026-11-20") from None
    if not 1900 <= day.year <= 2100:
        raise ValidationError(name, "must be a date from 1900-01-01 to 2100-12-31")
    return day
