"""Debts over HTTP: the creditor directory, a case's debts and its financial facts.

Money is integer pence in every field named ``*_pence`` (``12345`` is £123.45). Edits
need ``If-Match`` with the ETag read (428 without it, 412 when stale); a case's facts
exist from the start at version 0, so the first ``PUT`` sends ``If-Match: "0"``."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from litestar import Controller, Response, delete, get, patch, post, put
from litestar.params import Parameter

from cma_core.debts.model import (
    CreditorId,
    DebtId,
    DebtType,
)
from cma_core.debts.service import CreditorDetails, DebtDetails, DebtService, FactsDetails
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.data import from_data, to_data
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import data_shapes as shapes
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.data_shapes import documented
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    SEARCH,
    Cursor,
    IfMatch,
    Limit,
    Offset,
    parse_body,
    parse_if_match,
)
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.common.schemas import LINE
from cma_entrypoints.http.debts.examples import (
    CREDITOR,
    DEBT,
    DEBT_EXAMPLE,
    FACTS_EXAMPLE,
    LEARNED_FORMAT,
)
from cma_entrypoints.http.debts.schemas import (
    CreditorIn,
    CreditorOut,
    CreditorPage,
    DebtIn,
    DebtOut,
    DebtPage,
    DebtPatch,
    ReferenceFormatOut,
)


class CreditorController(Controller):
    path = "/api/v1/creditors"
    tags = ["creditors"]

    @post(
        "/",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Add a creditor",
        operation_class=with_example(CreditorOut.of(CREDITOR), "Added"),
    )
    async def create(
        self,
        ctx: TenantContext,
        data: Annotated[
            CreditorIn,
            example_body(
                "A bank with 16-digit card numbers",
                {
                    "name": "Example Bank plc",
                    "address": "Collections, PO Box 1, Leeds LS1 1AA",
                    "reference_pattern": r"\d{16}",
                },
            ),
        ],
        debts: DebtService,
    ) -> Response[CreditorOut]:
        entry = await debts.add_creditor(ctx, parse_body(CreditorDetails, data))
        return created(CreditorOut.of(entry), entry.version, f"/api/v1/creditors/{entry.id}")

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The creditor directory",
        operation_class=with_example(ex.page(CreditorOut.of(CREDITOR)), "One creditor"),
    )
    async def list_creditors(
        self,
        ctx: TenantContext,
        debts: DebtService,
        limit: Limit = 50,
        offset: Offset = 0,
        name: Annotated[
            str | None, Parameter(**SEARCH, description="Part of the name, any case.")
        ] = None,
        cursor: Cursor = None,
    ) -> CreditorPage:
        p = await debts.list_creditors(ctx, limit=limit, offset=offset, name=name, cursor=cursor)
        return page_out(CreditorPage, CreditorOut.of, p)

    @get(
        "/{creditor_id:uuid}",
        guards=[requires(Permission.FINANCE_READ)],
        summary="A creditor",
        operation_class=with_example(CreditorOut.of(CREDITOR), "A bank"),
    )
    async def get_creditor(
        self, ctx: TenantContext, creditor_id: uuid.UUID, debts: DebtService
    ) -> Response[CreditorOut]:
        entry = await debts.get_creditor(ctx, CreditorId(creditor_id))
        return versioned(CreditorOut.of(entry), entry.version)

    @get(
        "/{creditor_id:uuid}/reference-format",
        guards=[requires(Permission.FINANCE_READ)],
        summary="How the creditor's account references look",
        description=(
            "The format set on the creditor, or else the shape learned from the account "
            "references of your centre's debts owed to it (two or more sharing one shape); "
            "with `reference`, whether that reference fits it — a check for typos as a "
            "debt is recorded, never a refusal. The shape is learned from every debt of "
            "the centre, cases you may not open included: only the shape and how many "
            "references it was learned from are answered, never a reference."
        ),
        operation_class=with_example(LEARNED_FORMAT, "Learned from your debts"),
    )
    async def reference_format(
        self,
        ctx: TenantContext,
        creditor_id: uuid.UUID,
        debts: DebtService,
        reference: Annotated[
            str | None,
            Parameter(max_length=64, pattern=LINE, description="An account reference to check."),
        ] = None,
    ) -> ReferenceFormatOut:
        found = await debts.reference_format(ctx, CreditorId(creditor_id), reference)
        return ReferenceFormatOut.of(found)

    @put(
        "/{creditor_id:uuid}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Edit",
        operation_class=with_example(CreditorOut.of(CREDITOR), "Edited"),
    )
    async def update_creditor(
        self,
        ctx: TenantContext,
        creditor_id: uuid.UUID,
        data: Annotated[
            CreditorIn,
            example_body("New address", {"name": "Example Bank plc"}),
        ],
        debts: DebtService,
        if_match: IfMatch = None,
    ) -> Response[CreditorOut]:
        expected = parse_if_match(if_match, required=True)
        entry = await debts.update_creditor(
            ctx,
            CreditorId(creditor_id),
            parse_body(CreditorDetails, data),
            expected_version=expected,
        )
        return versioned(CreditorOut.of(entry), entry.version)


class DebtController(Controller):
    """A case's debts and its financial facts (assets, insolvency history, residence)."""

    path = "/api/v1/cases/{case_id:uuid}"
    tags = ["debt advice"]

    @post(
        "/debts",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Add a debt",
        operation_class=with_example(DEBT, "A credit card"),
    )
    async def add_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[DebtIn, example_body("A credit card", DEBT_EXAMPLE)],
        debts: DebtService,
    ) -> Response[DebtOut]:
        view = await debts.add_debt(ctx, CaseId(case_id), parse_body(DebtDetails, data))
        return created(
            DebtOut.of(view), view.entry.version, f"/api/v1/cases/{case_id}/debts/{view.entry.id}"
        )

    @get(
        "/debts",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The case's debts",
        description="Oldest first; filter by `debt_type`, `priority` and `creditor_id`.",
        operation_class=with_example(ex.page(DEBT), "One debt"),
    )
    async def list_debts(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debts: DebtService,
        limit: Limit = 50,
        offset: Offset = 0,
        debt_type: DebtType | None = None,
        priority: bool | None = None,
        creditor_id: uuid.UUID | None = None,
        cursor: Cursor = None,
    ) -> DebtPage:
        p = await debts.list_debts(
            ctx,
            CaseId(case_id),
            limit=limit,
            offset=offset,
            cursor=cursor,
            debt_type=debt_type,
            priority=priority,
            creditor_id=CreditorId(creditor_id) if creditor_id else None,
        )
        return page_out(DebtPage, DebtOut.of, p)

    @get(
        "/debts/{debt_id:uuid}",
        guards=[requires(Permission.FINANCE_READ)],
        summary="A debt",
        operation_class=with_example(DEBT, "A credit card"),
    )
    async def get_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debt_id: uuid.UUID,
        debts: DebtService,
    ) -> Response[DebtOut]:
        view = await debts.get_debt(ctx, CaseId(case_id), DebtId(debt_id))
        return versioned(DebtOut.of(view), view.entry.version)

    @put(
        "/debts/{debt_id:uuid}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Replace a debt's details",
        operation_class=with_example(DEBT, "Replaced"),
        description="Send every field (a PUT replaces). `If-Match` required.",
    )
    async def update_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debt_id: uuid.UUID,
        data: Annotated[
            DebtIn,
            example_body(
                "Adviser overrides priority",
                {
                    **DEBT_EXAMPLE,
                    "priority_override": True,
                    "priority_override_reason": "charging order application threatens the home",
                },
            ),
        ],
        debts: DebtService,
        if_match: IfMatch = None,
    ) -> Response[DebtOut]:
        expected = parse_if_match(if_match, required=True)
        view = await debts.update_debt(
            ctx,
            CaseId(case_id),
            DebtId(debt_id),
            parse_body(DebtDetails, data),
            expected_version=expected,
        )
        return versioned(DebtOut.of(view), view.entry.version)

    @patch(
        "/debts/{debt_id:uuid}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Change some of a debt's details",
        operation_class=with_example(DEBT, "Balance corrected"),
        description="Send only the fields to change; a field left out keeps its value and "
        "`null` clears it. `If-Match` required. Audited (`debt.updated`, the fields named) "
        "and the case's findings are re-evaluated (`DebtUpdated`).",
    )
    async def patch_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debt_id: uuid.UUID,
        data: Annotated[
            DebtPatch,
            example_body(
                "The judgment was paid",
                {"balance_pence": 0, "ccj_date": "2026-01-05", "ccj_paid_date": "2026-01-30"},
            ),
        ],
        debts: DebtService,
        if_match: IfMatch = None,
    ) -> Response[DebtOut]:
        expected = parse_if_match(if_match, required=True)
        view = await debts.patch_debt(
            ctx, CaseId(case_id), DebtId(debt_id), data.changes(), expected_version=expected
        )
        return versioned(DebtOut.of(view), view.entry.version)

    @delete("/debts/{debt_id:uuid}", guards=[requires(Permission.FINANCE_WRITE)], summary="Remove")
    async def remove_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debt_id: uuid.UUID,
        debts: DebtService,
        if_match: IfMatch = None,
    ) -> None:
        expected = parse_if_match(if_match, required=True)
        await debts.remove_debt(ctx, CaseId(case_id), DebtId(debt_id), expected_version=expected)

    @get(
        "/financial-facts",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Assets and history",
        responses=documented(200, shapes.FactsOut, "facts", "A tenant with a car"),
    )
    async def get_facts(
        self, ctx: TenantContext, case_id: uuid.UUID, debts: DebtService
    ) -> Response[dict[str, Any]]:
        facts = await debts.get_facts(ctx, CaseId(case_id))
        return versioned(to_data(facts), facts.version)

    @put(
        "/financial-facts",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Replace assets, insolvency history and residence facts",
        responses=documented(200, shapes.FactsOut, "facts", "A tenant with a car"),
        description="Leave a fact out (or null) when it is not known: the appraisal then "
        "says what is missing instead of guessing.",
    )
    async def put_facts(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            dict[str, Any],
            example_body("A tenant with a car", FACTS_EXAMPLE),
        ],
        debts: DebtService,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        facts = await debts.put_facts(
            ctx,
            CaseId(case_id),
            from_data(FactsDetails, data),
            expected_version=expected,
        )
        return versioned(to_data(facts), facts.version)
