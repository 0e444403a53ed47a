"""Debt advice over HTTP: creditors, debts, facts, SFS budget, options, offers, advice,
letters and SFS import/export.

Money is integer pence in every field named ``*_pence`` (``12345`` is £123.45). Edits
need ``If-Match`` with the ETag read (428 without it, 412 when stale); a case's budget and
facts exist from the start at version 0, so the first ``PUT`` sends ``If-Match: "0"``.
Input is checked in the core, so problems name the field in the request's own terms
(``balance_pence``, ``lines.rent.amount_pence``, ``category_notes.food``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import attrs
import msgspec
from litestar import Controller, Request, Response, delete, get, patch, post, put
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, Parameter
from msgspec import Struct

from cma_adapters.letters import full_html
from cma_core.advice.ports import AdviceRecord, ClientDecision, Letter, LetterKind, RenderedLetter
from cma_core.advice.service import LetterService
from cma_core.budgets.model import Budget
from cma_core.budgets.ports import SfsFormat, SfsStatementDetails
from cma_core.budgets.service import BudgetService, BudgetView
from cma_core.debts.limitation import assess_limitation
from cma_core.debts.model import (
    Creditor,
    CreditorId,
    Debt,
    DebtId,
    DebtType,
    EnforcementStage,
    Ownership,
)
from cma_core.debts.ports import CreditorEntry, DebtEntry
from cma_core.debts.priority import classify
from cma_core.debts.service import CreditorDetails, DebtDetails, DebtService, DebtView, FactsDetails
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.data import from_data, to_data
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.service import AppraisalService, RecordAdvice
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import data_shapes as shapes
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.examples import JsonExample, with_example
from cma_entrypoints.http.common.params import IfMatch, Limit, Offset, etag, page_of, parse_if_match

# ------------------------------------------------------------------------------ shapes


class CreditorIn(Struct, forbid_unknown_fields=True):
    name: str
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    reference_pattern: str | None = None


class CreditorOut(Struct):
    id: uuid.UUID
    name: str
    address: str | None
    email: str | None
    phone: str | None
    reference_pattern: str | None
    created_at: dt.datetime
    version: int

    @classmethod
    def of(cls, e: CreditorEntry) -> CreditorOut:
        c = e.creditor
        return cls(
            id=c.id,
            name=c.name,
            address=c.address,
            email=c.email,
            phone=c.phone,
            reference_pattern=c.reference_pattern,
            created_at=e.created_at,
            version=e.version,
        )


class CreditorPage(Struct):
    items: list[CreditorOut]
    total: int
    limit: int
    offset: int


class DebtIn(Struct, forbid_unknown_fields=True):
    """A debt. ``debt_type`` is one of the enumeration in the docs; amounts in pence."""

    debt_type: str
    balance_pence: int
    creditor_id: uuid.UUID | None = None
    arrears_pence: int | None = None
    contractual_payment_pence: int | None = None
    ownership: str | None = None
    account_reference: str | None = None
    ccj: bool | None = None
    enforcement_stage: str | None = None
    last_payment_date: dt.date | None = None
    last_acknowledgment_date: dt.date | None = None
    hp_goods_essential: bool | None = None
    priority_override: bool | None = None
    priority_override_reason: str | None = None
    notes: str | None = None


class PriorityOut(Struct):
    is_priority: bool
    basis: str
    rule_id: str
    treatment: str
    sanction: str
    source: str
    needs_adviser_decision: bool
    flags: list[str]
    override_reason: str | None


class LimitationOut(Struct):
    status: str
    warning: bool
    rule_id: str
    runs_from: dt.date | None
    expires_on: dt.date | None
    reasons: list[str]


class DebtOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    creditor_id: uuid.UUID | None
    creditor_name: str | None
    debt_type: str
    balance_pence: int
    arrears_pence: int | None
    contractual_payment_pence: int | None
    ownership: str | None
    account_reference: str | None
    reference_matches: bool | None
    ccj: bool | None
    enforcement_stage: str | None
    last_payment_date: dt.date | None
    last_acknowledgment_date: dt.date | None
    hp_goods_essential: bool | None
    priority: PriorityOut
    limitation: LimitationOut
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, v: DebtView) -> DebtOut:
        d, p, lim = v.entry.debt, v.priority, v.limitation
        return cls(
            id=d.id,
            case_id=d.case_id,
            creditor_id=d.creditor_id,
            creditor_name=v.creditor.name if v.creditor else None,
            debt_type=d.debt_type.value,
            balance_pence=d.balance.pence,
            arrears_pence=d.arrears.pence if d.arrears else None,
            contractual_payment_pence=d.contractual_payment.pence
            if d.contractual_payment
            else None,
            ownership=d.ownership.value if d.ownership else None,
            account_reference=d.account_reference,
            reference_matches=v.reference_matches,
            ccj=d.ccj,
            enforcement_stage=d.enforcement_stage.value if d.enforcement_stage else None,
            last_payment_date=d.last_payment_date,
            last_acknowledgment_date=d.last_acknowledgment_date,
            hp_goods_essential=d.hp_goods_essential,
            priority=PriorityOut(
                is_priority=p.is_priority,
                basis=p.basis.value,
                rule_id=p.rule_id,
                treatment=p.treatment.value,
                sanction=p.sanction,
                source=p.source,
                needs_adviser_decision=p.needs_adviser_decision,
                flags=list(p.flags),
                override_reason=p.override_reason,
            ),
            limitation=LimitationOut(
                status=lim.status.value,
                warning=lim.warning,
                rule_id=lim.rule_id,
                runs_from=lim.runs_from,
                expires_on=lim.expires_on,
                reasons=list(lim.reasons),
            ),
            notes=v.entry.notes,
            created_at=v.entry.created_at,
            updated_at=v.entry.updated_at,
            version=v.entry.version,
        )


class DebtPage(Struct):
    items: list[DebtOut]
    total: int
    limit: int
    offset: int


class LineIn(Struct, forbid_unknown_fields=True):
    amount_pence: int
    frequency: str = "monthly"
    note: str | None = None


class OtherEssentialIn(Struct, forbid_unknown_fields=True):
    label: str
    amount_pence: int
    frequency: str = "monthly"
    note: str | None = None


class HouseholdIn(Struct, forbid_unknown_fields=True):
    has_partner: bool = False
    dependent_children_under_16: int = 0
    dependent_children_16_18: int = 0
    other_dependants: int = 0
    non_dependants: int = 0
    vehicles: int = 0
    tenure: str | None = None


class BudgetIn(Struct, forbid_unknown_fields=True):
    """The whole SFS budget (a PUT replaces it). ``lines`` is keyed by SFS line key."""

    lines: dict[str, LineIn] = {}
    other_essentials: list[OtherEssentialIn] = []
    category_notes: dict[str, str] = {}
    savings_contribution_pence: int = 0
    savings_contribution_considered: bool | None = None
    asset_use_considered: bool | None = None
    debt_admin_fee_pence: int = 0
    household: HouseholdIn | None = None
    details: dict[str, Any] | None = None
    complete: bool = False


class OfferIn(Struct, forbid_unknown_fields=True):
    debt_id: uuid.UUID
    amount_pence: int


class OffersIn(Struct, forbid_unknown_fields=True):
    priority_offers: list[OfferIn] = []
    on_date: dt.date | None = None
    jurisdiction: Jurisdiction | None = None


class AdviceIn(Struct, forbid_unknown_fields=True):
    on_date: dt.date
    recommended: str | None
    reasons: str
    jurisdiction: str | None = None
    risks: str | None = None
    next_steps: str | None = None
    monthly_payment_pence: int | None = None
    expected_term_months: int | None = None
    client_decision: str = "undecided"
    decision_notes: str | None = None


class DecisionIn(Struct, forbid_unknown_fields=True):
    client_decision: str
    decision_notes: str | None = None


class LetterIn(Struct, forbid_unknown_fields=True):
    kind: str
    debt_id: uuid.UUID | None = None


class LetterOut(Struct):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: str
    debt_id: uuid.UUID | None
    subject: str
    html: str
    template_version: int | None
    created_at: dt.datetime
    sent_at: dt.datetime | None
    version: int

    @classmethod
    def of(cls, x: Letter) -> LetterOut:
        return cls(
            id=x.id,
            case_id=x.case_id,
            kind=x.kind.value,
            debt_id=x.debt_id,
            subject=x.subject,
            html=x.html,
            template_version=x.template_version,
            created_at=x.created_at,
            sent_at=x.sent_at,
            version=x.version,
        )


class TemplateIn(Struct, forbid_unknown_fields=True):
    subject: str
    body: str


class TemplateOut(Struct):
    kind: str
    subject: str
    body: str
    is_default: bool
    version: int


def documented(
    status: int, shape: type[Any], example: str, summary: str
) -> dict[int, ResponseSpec]:
    """The success response's schema and a real example, for a handler that sends
    ``to_data`` output (its return annotation cannot name the shape)."""
    return {
        status: ResponseSpec(
            data_container=shape,
            description=shape.__doc__ or "Success",
            generate_examples=False,
            examples=[JsonExample(summary=summary, value=shapes.EXAMPLES[example])],
        )
    }


class TemplatePage(Struct):
    items: list[TemplateOut]
    total: int
    limit: int
    offset: int


class LetterPage(Struct):
    items: list[LetterOut]
    total: int
    limit: int
    offset: int


def _parse(tp: Any, data: Any) -> Any:
    return from_data(tp, msgspec.to_builtins(data))


def budget_out(view: BudgetView) -> dict[str, Any]:
    r = view.record
    return {
        "case_id": str(r.case_id),
        "budget": to_data(r.budget),
        "details": to_data(r.details),
        "summary": to_data(view.summary),
        "guidelines_loaded": view.guidelines_loaded,
        "guidelines": [
            {
                "category": c.category.value,
                "spent_pence": c.spent.pence,
                "guideline_pence": c.guideline.monthly.pence if c.guideline else None,
                "status": c.status.value,
                "flagged": c.flagged,
                "message": c.message,
            }
            for c in view.guidelines
        ],
        "completed_at": r.completed_at.isoformat() if r.completed_at else None,
        "updated_at": r.updated_at.isoformat(),
        "version": r.version,
    }


def advice_out(a: AdviceRecord) -> dict[str, Any]:
    out: dict[str, Any] = to_data(a)
    return out


_DEBT_EXAMPLE = {
    "debt_type": "credit_card",
    "balance_pence": 250000,
    "arrears_pence": 15000,
    "contractual_payment_pence": 7500,
    "ownership": "sole",
    "account_reference": "4929 1234 5678 9012",
    "ccj": False,
    "enforcement_stage": "default_notice",
    "last_payment_date": "2026-09-30",
}
_BUDGET_EXAMPLE = {
    "household": {
        "has_partner": False,
        "dependent_children_under_16": 1,
        "tenure": "Tenant - social",
    },
    "lines": {
        "client_salary": {"amount_pence": 32000, "frequency": "weekly"},
        "rent": {"amount_pence": 52000},
        "groceries": {"amount_pence": 35000, "note": "special diet (receipts held)"},
    },
    "category_notes": {"food_housekeeping": "coeliac diet"},
    "savings_contribution_pence": 1000,
    "savings_contribution_considered": True,
    "asset_use_considered": True,
    "details": {"client_employment_status": ["Part-time"]},
    "complete": True,
}
_FACTS_EXAMPLE = {
    "jurisdiction": "EW",
    "assets": {
        "owns_property": False,
        "vehicles": [{"description": "2012 Ford Fiesta", "value_pence": 150000}],
        "savings_and_cash_pence": 12000,
        "pensions": [],
        "other_assets": [],
    },
    "insolvency": {"previous": [], "current": {"undischarged_bankrupt": False, "in_iva": False}},
    "residence": {"jurisdiction": "EW", "domiciled": True, "connected_last_3_years": True},
    "unable_to_pay_debts_as_due": True,
}

# ------------------------------------------------------------------------------ examples
# Built from domain records by the same ``of`` the handlers use; priority and limitation
# are the core's own assessment of the example debt.


def _debt_example() -> DebtOut:
    debt = Debt(
        id=DebtId(ex.DEBT_ID),
        centre_id=CentreId(ex.CENTRE_ID),
        case_id=CaseId(ex.CASE_ID),
        creditor_id=CreditorId(ex.CREDITOR_ID),
        debt_type=DebtType.CREDIT_CARD,
        balance=Money(250000),
        arrears=Money(15000),
        contractual_payment=Money(7500),
        ownership=Ownership.SOLE,
        account_reference="4929123456789012",
        ccj=False,
        enforcement_stage=EnforcementStage.DEFAULT_NOTICE,
        last_payment_date=dt.date(2026, 9, 30),
    )
    return DebtOut.of(
        DebtView(
            entry=DebtEntry(debt=debt, created_at=ex.EARLIER, updated_at=ex.AT, version=2),
            creditor=_CREDITOR.creditor,
            priority=classify(debt),
            limitation=assess_limitation(debt, ex.ON),
            reference_matches=True,
        )
    )


_CREDITOR = CreditorEntry(
    creditor=Creditor(
        id=CreditorId(ex.CREDITOR_ID),
        centre_id=CentreId(ex.CENTRE_ID),
        name="Example Bank plc",
        address="Collections, PO Box 1, Leeds LS1 1AA",
        email="collections@bank.example",
        phone="0113 496 0000",
        reference_pattern=r"\d{16}",
    ),
    created_at=ex.EARLIER,
)
_DEBT = _debt_example()
_LETTER = Letter(
    id=uuid.UUID("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"),
    centre_id=CentreId(ex.CENTRE_ID),
    case_id=CaseId(ex.CASE_ID),
    kind=LetterKind.ADVICE_SUMMARY,
    debt_id=None,
    subject="Your debt advice: summary",
    html="<p>Dear Ms Example,</p><p>Thank you for meeting us on 28 November 2026.</p>",
    template_version=None,
    created_at=ex.AT,
    created_by=UserId(ex.ADVISER_ID),
)
_SENT = LetterOut.of(
    Letter(**{**attrs.asdict(_LETTER, recurse=False), "sent_at": ex.AT, "version": 2})
)
_TEMPLATE = TemplateOut(
    kind="offer_of_payment",
    subject="Offer of payment: {{ debt.account_reference }}",
    body="<p>{{ client.name }} offers {{ debt.offer }} a month.</p>",
    is_default=False,
    version=1,
)

# ------------------------------------------------------------------------------ controllers


class CreditorController(Controller):
    path = "/api/v1/creditors"
    tags = ["creditors"]

    @post(
        "/",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Add a creditor",
        operation_class=with_example(CreditorOut.of(_CREDITOR), "Added"),
    )
    async def create(
        self,
        ctx: TenantContext,
        data: Annotated[
            CreditorIn,
            Body(
                examples=[
                    Example(
                        summary="A bank with 16-digit card numbers",
                        value={
                            "name": "Example Bank plc",
                            "address": "Collections, PO Box 1, Leeds LS1 1AA",
                            "reference_pattern": r"\d{16}",
                        },
                    )
                ]
            ),
        ],
        debts: DebtService,
    ) -> Response[CreditorOut]:
        entry = await debts.add_creditor(ctx, _parse(CreditorDetails, data))
        return Response(
            CreditorOut.of(entry),
            status_code=201,
            headers={**etag(entry.version), "Location": f"/api/v1/creditors/{entry.id}"},
        )

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The creditor directory",
        operation_class=with_example(ex.page(CreditorOut.of(_CREDITOR)), "One creditor"),
    )
    async def list_creditors(
        self,
        ctx: TenantContext,
        debts: DebtService,
        limit: Limit = 50,
        offset: Offset = 0,
        name: Annotated[str | None, Parameter(description="Part of the name, any case.")] = None,
    ) -> CreditorPage:
        p = await debts.list_creditors(ctx, limit=limit, offset=offset, name=name)
        return CreditorPage(
            items=[CreditorOut.of(e) for e in p.items], total=p.total, limit=limit, offset=offset
        )

    @get(
        "/{creditor_id:uuid}",
        guards=[requires(Permission.FINANCE_READ)],
        summary="A creditor",
        operation_class=with_example(CreditorOut.of(_CREDITOR), "A bank"),
    )
    async def get_creditor(
        self, ctx: TenantContext, creditor_id: uuid.UUID, debts: DebtService
    ) -> Response[CreditorOut]:
        entry = await debts.get_creditor(ctx, CreditorId(creditor_id))
        return Response(CreditorOut.of(entry), headers=etag(entry.version))

    @put(
        "/{creditor_id:uuid}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Edit",
        operation_class=with_example(CreditorOut.of(_CREDITOR), "Edited"),
    )
    async def update_creditor(
        self,
        ctx: TenantContext,
        creditor_id: uuid.UUID,
        data: Annotated[
            CreditorIn,
            Body(examples=[Example(summary="New address", value={"name": "Example Bank plc"})]),
        ],
        debts: DebtService,
        if_match: IfMatch = None,
    ) -> Response[CreditorOut]:
        expected = parse_if_match(if_match, required=True)
        entry = await debts.update_creditor(
            ctx,
            CreditorId(creditor_id),
            _parse(CreditorDetails, data),
            expected_version=expected,
        )
        return Response(CreditorOut.of(entry), headers=etag(entry.version))


class LetterTemplateController(Controller):
    path = "/api/v1/letter-templates"
    tags = ["letters"]

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Letter templates",
        operation_class=with_example(ex.page(_TEMPLATE), "One centre template"),
    )
    async def list_templates(self, ctx: TenantContext, letters: LetterService) -> TemplatePage:
        views = await letters.templates(ctx)
        items = [
            TemplateOut(
                kind=v.kind.value,
                subject=v.subject,
                body=v.body,
                is_default=v.is_default,
                version=v.version,
            )
            for v in views
        ]
        return TemplatePage(items=items, total=len(items), limit=len(items) or 1, offset=0)

    @put(
        "/{kind:str}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Save the centre's own template of a kind",
        operation_class=with_example(_TEMPLATE, "Saved"),
        description='Jinja2, rendered sandboxed with autoescaping. `If-Match: "0"` for the '
        "first override of a default.",
    )
    async def put_template(
        self,
        ctx: TenantContext,
        kind: str,
        data: Annotated[
            TemplateIn,
            Body(
                examples=[
                    Example(
                        summary="A shorter offer letter",
                        value={
                            "subject": "Offer: {{ debt.account_reference }}",
                            "body": "<p>{{ client.name }} offers {{ debt.offer }} a month.</p>",
                        },
                    )
                ]
            ),
        ],
        letters: LetterService,
        if_match: IfMatch = None,
    ) -> Response[TemplateOut]:
        expected = parse_if_match(if_match, required=True)
        v = await letters.put_template(
            ctx,
            from_data(LetterKind, kind, "kind"),
            data.subject,
            data.body,
            expected_version=expected,
        )
        out = TemplateOut(
            kind=v.kind.value,
            subject=v.subject,
            body=v.body,
            is_default=v.is_default,
            version=v.version,
        )
        return Response(out, headers=etag(v.version))


class CaseAdviceController(Controller):
    path = "/api/v1/cases/{case_id:uuid}"
    tags = ["debt advice"]

    # -- debts

    @post(
        "/debts",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Add a debt",
        operation_class=with_example(_DEBT, "A credit card"),
    )
    async def add_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            DebtIn, Body(examples=[Example(summary="A credit card", value=_DEBT_EXAMPLE)])
        ],
        debts: DebtService,
    ) -> Response[DebtOut]:
        view = await debts.add_debt(ctx, CaseId(case_id), _parse(DebtDetails, data))
        return Response(
            DebtOut.of(view),
            status_code=201,
            headers={
                **etag(view.entry.version),
                "Location": f"/api/v1/cases/{case_id}/debts/{view.entry.id}",
            },
        )

    @get(
        "/debts",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The case's debts",
        description="Oldest first; filter by `debt_type`, `priority` and `creditor_id`.",
        operation_class=with_example(ex.page(_DEBT), "One debt"),
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
    ) -> DebtPage:
        p = await debts.list_debts(
            ctx,
            CaseId(case_id),
            limit=limit,
            offset=offset,
            debt_type=debt_type,
            priority=priority,
            creditor_id=CreditorId(creditor_id) if creditor_id else None,
        )
        return DebtPage(
            items=[DebtOut.of(v) for v in p.items], total=p.total, limit=limit, offset=offset
        )

    @get(
        "/debts/{debt_id:uuid}",
        guards=[requires(Permission.FINANCE_READ)],
        summary="A debt",
        operation_class=with_example(_DEBT, "A credit card"),
    )
    async def get_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debt_id: uuid.UUID,
        debts: DebtService,
    ) -> Response[DebtOut]:
        view = await debts.get_debt(ctx, CaseId(case_id), DebtId(debt_id))
        return Response(DebtOut.of(view), headers=etag(view.entry.version))

    @put(
        "/debts/{debt_id:uuid}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Replace a debt's details",
        operation_class=with_example(_DEBT, "Replaced"),
        description="Send every field (a PUT replaces). `If-Match` required.",
    )
    async def update_debt(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        debt_id: uuid.UUID,
        data: Annotated[
            DebtIn,
            Body(
                examples=[
                    Example(
                        summary="Adviser overrides priority",
                        value={
                            **_DEBT_EXAMPLE,
                            "priority_override": True,
                            "priority_override_reason": "charging order application threatens "
                            "the home",
                        },
                    )
                ]
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
            _parse(DebtDetails, data),
            expected_version=expected,
        )
        return Response(DebtOut.of(view), headers=etag(view.entry.version))

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

    # -- facts

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
        return Response(to_data(facts), headers=etag(facts.version))

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
            Body(examples=[Example(summary="A tenant with a car", value=_FACTS_EXAMPLE)]),
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
        return Response(to_data(facts), headers=etag(facts.version))

    # -- budget

    @get(
        "/budget",
        guards=[requires(Permission.FINANCE_READ)],
        summary="The SFS budget",
        responses=documented(200, shapes.BudgetOut, "budget", "A small budget"),
    )
    async def get_budget(
        self, ctx: TenantContext, case_id: uuid.UUID, budgets: BudgetService
    ) -> Response[dict[str, Any]]:
        view = await budgets.get(ctx, CaseId(case_id))
        return Response(budget_out(view), headers=etag(view.record.version))

    @put(
        "/budget",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Replace the SFS budget",
        responses=documented(200, shapes.BudgetOut, "budget", "A small budget"),
        description="Amounts as paid with their `frequency` (weekly, fortnightly, "
        "four_weekly, monthly, quarterly, yearly); the summary shows monthly figures, each "
        "line converted exactly and rounded half up to the penny. `complete: true` dates "
        "the SFS and needs a note on every category above its spending guideline.",
    )
    async def put_budget(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            BudgetIn, Body(examples=[Example(summary="A small budget", value=_BUDGET_EXAMPLE)])
        ],
        budgets: BudgetService,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        raw = msgspec.to_builtins(data)
        details = raw.pop("details", None)
        complete = raw.pop("complete", False)
        raw["lines"] = {k: {"key": k, **v} for k, v in raw.get("lines", {}).items()}
        budget = from_data(Budget, raw)
        view = await budgets.put(
            ctx,
            CaseId(case_id),
            budget,
            details=from_data(SfsStatementDetails, details, "details") if details else None,
            complete=complete,
            expected_version=expected,
        )
        return Response(budget_out(view), headers=etag(view.record.version))

    # -- SFS

    @get(
        "/sfs",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Export the SFS (SFS-DDS v1.1 data entry)",
        description="`format=json|xml`; validated against the published schema first.",
        operation_class=ex.binary_response(
            200,
            "The SFS-DDS v1.1 data entry document, as an attachment",
            {
                "application/json": "format=json: the SFS data entry document (JSON)",
                "application/xml": "format=xml: the SFS data entry document (XML)",
            },
        ),
    )
    async def export_sfs(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        budgets: BudgetService,
        format: SfsFormat = SfsFormat.JSON,
    ) -> Response[bytes]:
        data = await budgets.export_sfs(ctx, CaseId(case_id), format)
        media = "application/json" if format is SfsFormat.JSON else "application/xml"
        return Response(
            data,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="sfs-{case_id}.{format.value}"'},
        )

    @post(
        "/sfs",
        guards=[requires(Permission.FINANCE_WRITE)],
        status_code=200,
        summary="Import an SFS document (replaces the budget)",
        responses=documented(200, shapes.BudgetOut, "budget", "The imported budget"),
        description="Body: the document; `format=json|xml` (default from Content-Type). "
        "`If-Match` with the budget's ETag.",
    )
    async def import_sfs(
        self,
        request: Request[Any, Any, Any],
        ctx: TenantContext,
        case_id: uuid.UUID,
        budgets: BudgetService,
        format: SfsFormat | None = None,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        body = await request.body()
        fmt = format or (
            SfsFormat.XML if "xml" in request.headers.get("content-type", "") else SfsFormat.JSON
        )
        view = await budgets.import_sfs(ctx, CaseId(case_id), body, fmt, expected_version=expected)
        return Response(budget_out(view), headers=etag(view.record.version))

    # -- options

    @get(
        "/options",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Options appraisal on a date, in a jurisdiction",
        responses=documented(200, shapes.AppraisalOut, "appraisal", "Every option in EW"),
        description="Every option of the jurisdiction: eligible, not_eligible or "
        "adviser_judgement, each reason with its rule id and the threshold in force on the "
        "date. `jurisdiction` defaults to the case's facts; `date` to today.",
    )
    async def options(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
    ) -> dict[str, Any]:
        result = await appraisals.options(
            ctx, CaseId(case_id), on_date=date, jurisdiction=jurisdiction
        )
        out: dict[str, Any] = to_data(result)
        return out

    @post(
        "/options",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Save an options appraisal (the facts as they are now, on a date)",
        responses=documented(201, shapes.AppraisalRecordOut, "saved_appraisal", "Saved"),
    )
    async def save_options(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
    ) -> Response[dict[str, Any]]:
        record = await appraisals.save_appraisal(
            ctx, CaseId(case_id), on_date=date, jurisdiction=jurisdiction
        )
        return Response(
            to_data(record),
            status_code=201,
            headers={
                **etag(record.version),
                "Location": f"/api/v1/cases/{case_id}/appraisals",
            },
        )

    @get(
        "/appraisals",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Saved appraisals",
        responses=documented(200, shapes.AppraisalPage, "appraisals", "One saved appraisal"),
    )
    async def list_appraisals(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        records = await appraisals.list_appraisals(ctx, CaseId(case_id))
        return page_of([to_data(r) for r in records], limit, offset)

    # -- offers

    @post(
        "/offers",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Plan offers: priority first, then pro rata",
        responses=documented(201, shapes.OfferPlanOut, "plan", "One pro rata offer"),
        description="Give an offer for each priority debt; the rest of the surplus is shared "
        "pro rata to non-priority balances, penny-exact (largest remainder: totals never "
        "exceed what is available), or token payments when nothing is left.",
    )
    async def plan_offers(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            OffersIn,
            Body(
                examples=[
                    Example(
                        summary="Council tax arrears offer",
                        value={
                            "priority_offers": [
                                {
                                    "debt_id": "0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b",
                                    "amount_pence": 2500,
                                }
                            ]
                        },
                    )
                ]
            ),
        ],
        appraisals: AppraisalService,
    ) -> Response[dict[str, Any]]:
        offers: dict[DebtId, Money] = {}
        for i, o in enumerate(data.priority_offers):
            offers[DebtId(o.debt_id)] = Money.of(
                o.amount_pence, field=f"priority_offers[{i}].amount_pence"
            )
        plan = await appraisals.plan(
            ctx,
            CaseId(case_id),
            priority_offers=offers,
            on_date=data.on_date,
            jurisdiction=data.jurisdiction,
        )
        return Response(to_data(plan), status_code=201, headers=etag(plan.version))

    @get(
        "/offers",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Offer plans",
        responses=documented(200, shapes.OfferPlanPage, "plans", "One plan"),
    )
    async def list_offers(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        plans = await appraisals.list_plans(ctx, CaseId(case_id))
        return page_of([to_data(p) for p in plans], limit, offset)

    # -- advice

    @post(
        "/advice",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the advice given",
        responses=documented(201, shapes.AdviceOut, "advice", "DRO recommended"),
        description="The options are appraised afresh on `on_date` and kept with the record.",
    )
    async def record_advice(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            AdviceIn,
            Body(
                examples=[
                    Example(
                        summary="DRO recommended",
                        value={
                            "on_date": "2026-11-28",
                            "recommended": "dro",
                            "reasons": "Debts £18,400, surplus £12, assets under £2,000.",
                            "risks": "Credit file affected for 6 years.",
                            "next_steps": "Gather bank statements; book DRO appointment.",
                            "client_decision": "accepted",
                        },
                    )
                ]
            ),
        ],
        appraisals: AppraisalService,
    ) -> Response[dict[str, Any]]:
        cmd = _parse(RecordAdvice, data)
        record = await appraisals.record_advice(ctx, CaseId(case_id), cmd)
        return Response(advice_out(record), status_code=201, headers=etag(record.version))

    @get(
        "/advice",
        guards=[requires(Permission.CASE_READ)],
        summary="Advice records",
        responses=documented(200, shapes.AdvicePage, "advice_page", "One record"),
    )
    async def list_advice(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        appraisals: AppraisalService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        records = await appraisals.list_advice(ctx, CaseId(case_id))
        return page_of([advice_out(r) for r in records], limit, offset)

    @patch(
        "/advice/{advice_id:uuid}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the client's decision",
        responses=documented(200, shapes.AdviceOut, "advice", "Accepted"),
    )
    async def decide(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        advice_id: uuid.UUID,
        data: Annotated[
            DecisionIn,
            Body(examples=[Example(summary="Accepted", value={"client_decision": "accepted"})]),
        ],
        appraisals: AppraisalService,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        record = await appraisals.record_decision(
            ctx,
            CaseId(case_id),
            advice_id,
            from_data(ClientDecision, data.client_decision, "client_decision"),
            data.decision_notes,
            expected_version=expected,
        )
        return Response(advice_out(record), headers=etag(record.version))

    # -- letters

    @post(
        "/letters",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Generate a letter",
        description="Kinds: advice_summary, offer_of_payment, breathing_space_hold, "
        "ccj_variation_support, write_off_request (these four need `debt_id`), "
        "sfs_statement. The centre's own template wins over the default.",
        operation_class=with_example(LetterOut.of(_LETTER), "Advice summary"),
    )
    async def generate_letter(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            LetterIn,
            Body(examples=[Example(summary="Advice summary", value={"kind": "advice_summary"})]),
        ],
        letters: LetterService,
    ) -> Response[LetterOut]:
        letter = await letters.generate(
            ctx,
            CaseId(case_id),
            from_data(LetterKind, data.kind, "kind"),
            debt_id=DebtId(data.debt_id) if data.debt_id else None,
        )
        return Response(
            LetterOut.of(letter),
            status_code=201,
            headers={
                **etag(letter.version),
                "Location": f"/api/v1/cases/{case_id}/letters/{letter.id}",
            },
        )

    @get(
        "/letters",
        guards=[requires(Permission.CASE_READ)],
        summary="Letters of the case",
        operation_class=with_example(ex.page(LetterOut.of(_LETTER)), "One letter"),
    )
    async def list_letters(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        letters: LetterService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> LetterPage:
        items = await letters.list_letters(ctx, CaseId(case_id))
        return LetterPage(
            items=[LetterOut.of(x) for x in items[offset : offset + limit]],
            total=len(items),
            limit=limit,
            offset=offset,
        )

    @get(
        "/letters/{letter_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="Download a letter (`format=html|pdf`)",
        operation_class=ex.binary_response(
            200,
            "The letter: a whole HTML page (the default), or a PDF with `format=pdf`",
            {"text/html": "format=html", "application/pdf": "format=pdf"},
        ),
    )
    async def download_letter(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        letter_id: uuid.UUID,
        letters: LetterService,
        format: Annotated[
            str, Parameter(pattern="^(html|pdf)$", description="html or pdf")
        ] = "html",
    ) -> Response[bytes]:
        if format == "pdf":
            pdf = await letters.pdf(ctx, CaseId(case_id), letter_id)
            return Response(
                pdf,
                media_type="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="letter-{letter_id}.pdf"'},
            )
        letter = await letters.get_letter(ctx, CaseId(case_id), letter_id)
        html = full_html(RenderedLetter(subject=letter.subject, html=letter.html))
        return Response(
            html.encode("utf-8"),
            media_type="text/html; charset=utf-8",
            headers=etag(letter.version),
        )

    @post(
        "/letters/{letter_id:uuid}/sent",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that the letter was sent",
        operation_class=with_example(_SENT, "Sent"),
    )
    async def mark_sent(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        letter_id: uuid.UUID,
        letters: LetterService,
        if_match: IfMatch = None,
    ) -> Response[LetterOut]:
        expected = parse_if_match(if_match, required=True)
        letter = await letters.mark_sent(ctx, CaseId(case_id), letter_id, expected_version=expected)
        return Response(LetterOut.of(letter), headers=etag(letter.version))


ADVICE_CONTROLLERS = [CreditorController, LetterTemplateController, CaseAdviceController]

__all__ = ["ADVICE_CONTROLLERS", "ValidationError"]
