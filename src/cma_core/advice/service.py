"""Letters: the written advice summary, creditor letters and the printable SFS.

Templates are Jinja2 source rendered by the ``LetterRenderer`` port. Each kind has a
shipped default; a centre may save its own version of any kind, which then wins. A
generated letter is stored as HTML (what was sent is kept exactly), downloadable as HTML
or PDF; recording that it was sent raises ``LetterSent`` (CR-18 looks for the advice
summary's).
"""

from __future__ import annotations

import uuid
from typing import Any

from attrs import define, field, frozen

from cma_core.advice.model import LetterSent
from cma_core.advice.ports import (
    AdviceRepository,
    Letter,
    LetterKind,
    LetterRenderer,
    LetterRepository,
    LetterTemplate,
    LetterTemplateRepository,
    RenderedLetter,
    template_id,
)
from cma_core.audit.service import record_audit
from cma_core.budgets.catalogue import CATEGORIES, Category, lines_in
from cma_core.budgets.ports import BudgetRepository
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope, load_case
from cma_core.clients.ports import ClientRepository
from cma_core.debts.model import DebtId
from cma_core.debts.ports import CreditorDirectory, DebtRepository
from cma_core.debts.priority import classify
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.clock import Clock
from cma_core.shared.data import to_data
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.service import IdFactory, check_version
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.solutions.ports import OfferRepository

#: Letters about one creditor's debt: ``debt_id`` is required for these.
DEBT_LETTERS = frozenset(
    {
        LetterKind.OFFER_OF_PAYMENT,
        LetterKind.BREATHING_SPACE_HOLD,
        LetterKind.CCJ_VARIATION_SUPPORT,
        LetterKind.WRITE_OFF_REQUEST,
    }
)


@frozen(kw_only=True)
class TemplateView:
    kind: LetterKind
    subject: str
    body: str
    is_default: bool
    version: int


def _pounds(m: Money | None) -> str:
    return "" if m is None else str(m)


@define
class LetterService:
    uow: UnitOfWorkFactory
    renderer: LetterRenderer
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    creditors: RepositoryFactory[CreditorDirectory] = field(kw_only=True)
    debts: RepositoryFactory[DebtRepository] = field(kw_only=True)
    budgets: RepositoryFactory[BudgetRepository] = field(kw_only=True)
    offers: RepositoryFactory[OfferRepository] = field(kw_only=True)
    advice: RepositoryFactory[AdviceRepository] = field(kw_only=True)
    letter_templates: RepositoryFactory[LetterTemplateRepository] = field(kw_only=True)
    letters: RepositoryFactory[LetterRepository] = field(kw_only=True)

    # -- templates

    async def templates(self, ctx: TenantContext) -> list[TemplateView]:
        ctx.require(Permission.FINANCE_READ)
        async with self.uow(ctx.centre_id) as uow:
            own = {t.kind: t for t in await self.letter_templates(uow).list()}
        out = []
        for kind in LetterKind:
            if kind in own:
                t = own[kind]
                out.append(
                    TemplateView(
                        kind=kind,
                        subject=t.subject,
                        body=t.body,
                        is_default=False,
                        version=t.version,
                    )
                )
            else:
                subject, body = self.renderer.default_template(kind)
                out.append(
                    TemplateView(kind=kind, subject=subject, body=body, is_default=True, version=0)
                )
        return out

    async def put_template(
        self,
        ctx: TenantContext,
        kind: LetterKind,
        subject: str,
        body: str,
        *,
        expected_version: int | None,
    ) -> TemplateView:
        """Save the centre's own template of ``kind`` (checked by rendering it first)."""
        ctx.require(Permission.FINANCE_WRITE)
        if not subject.strip():
            raise ValidationError("subject", "must not be empty")
        if not body.strip():
            raise ValidationError("body", "must not be empty")
        self.renderer.check(subject, body)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.letter_templates(uow)
            current = await repo.get(kind)
            if current is None:
                check_version("letter template", expected_version, 0)
                current = LetterTemplate(
                    id=template_id(ctx.centre_id, kind),
                    centre_id=ctx.centre_id,
                    kind=kind,
                    subject=subject,
                    body=body,
                    created_at=now,
                    updated_at=now,
                )
                await repo.add(current)
            else:
                check_version("letter template", expected_version, current.version)
                current.subject, current.body, current.updated_at = subject, body, now
                await repo.save(current)
            await record_audit(
                uow,
                ctx,
                self.new_id,
                "letter_template.saved",
                "letter_template",
                current.id,
                now,
                ("subject", "body"),
            )
            await uow.commit()
        return TemplateView(
            kind=kind, subject=subject, body=body, is_default=False, version=current.version
        )

    # -- letters

    async def _context(
        self, uow: UnitOfWork, ctx: TenantContext, case_id: CaseId, debt_id: DebtId | None
    ) -> dict[str, Any]:
        case = await load_case(self.cases(uow), ctx, case_id)
        client = await self.clients(uow).get(case.client_id)
        entries = await self.debts(uow).list_for_case(case_id)
        creditors = {c.id: c.creditor for c in await self.creditors(uow).list()}
        budget = await self.budgets(uow).get(case_id)
        plans = await self.offers(uow).list_for_case(case_id)
        plan = plans[-1] if plans else None
        advice = await self.advice(uow).list_for_case(case_id)
        offers = {line.debt_id: line.amount for line in plan.lines} if plan else {}

        def debt_data(e: Any) -> dict[str, Any]:
            creditor = creditors.get(e.debt.creditor_id) if e.debt.creditor_id else None
            return {
                "id": str(e.id),
                "type": e.debt.debt_type.value.replace("_", " "),
                "creditor": creditor.name if creditor else "",
                "creditor_address": (creditor.address or "") if creditor else "",
                "account_reference": e.debt.account_reference or "",
                "balance": _pounds(e.debt.balance),
                "arrears": _pounds(e.debt.arrears),
                "priority": classify(e.debt).is_priority,
                "ccj": e.debt.ccj,
                "offer": _pounds(offers.get(e.id)),
            }

        debt = None
        if debt_id is not None:
            match = next((e for e in entries if e.id == debt_id), None)
            if match is None:
                raise ValidationError("debt_id", "no such debt on the case")
            debt = debt_data(match)
        summary = (
            budget.budget.summary(plan.total_priority_offers if plan else None) if budget else None
        )
        latest = advice[-1] if advice else None
        statement: list[dict[str, Any]] = []
        if budget is not None:
            b = budget.budget
            for category, cdef in CATEGORIES.items():
                if category is Category.OTHER_ESSENTIAL:
                    rows = [(x.label, x.monthly, x.note) for x in b.other_essentials]
                else:
                    rows = [
                        (d.label, b.lines[d.key].monthly, b.lines[d.key].note)
                        for d in lines_in(category)
                        if d.key in b.lines
                    ]
                statement.append(
                    {
                        "section": cdef.section.value,
                        "category": cdef.label,
                        "lines": [
                            {"label": label, "monthly": str(m), "note": note or ""}
                            for label, m, note in rows
                        ],
                        "total": str(b.category_total(category)),
                        "note": b.category_notes.get(category, ""),
                    }
                )
        return {
            "today": self.clock.now().date().strftime("%d %B %Y"),
            "case": {"reference": case.reference},
            "client": {
                "name": f"{client.first_name} {client.last_name}" if client else "",
                "first_name": client.first_name if client else "",
            },
            "debts": [debt_data(e) for e in entries],
            "statement": statement,
            "debt": debt,
            "budget": {
                k: str(Money(v)) if isinstance(v, int) else v for k, v in to_data(summary).items()
            }
            if summary
            else None,
            "advice": {
                "recommended": latest.recommended.value.replace("_", " ")
                if latest and latest.recommended
                else "",
                "reasons": latest.reasons if latest else "",
                "risks": (latest.risks or "") if latest else "",
                "next_steps": (latest.next_steps or "") if latest else "",
                "options": [
                    {
                        "solution": o.solution.value.replace("_", " "),
                        "status": o.status.value,
                        "reasons": list(o.reasons),
                    }
                    for o in latest.options
                ]
                if latest
                else [],
            }
            if latest
            else None,
        }

    async def generate(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        kind: LetterKind,
        *,
        debt_id: DebtId | None = None,
    ) -> Letter:
        ctx.require(Permission.CASE_WRITE)
        ctx.require(Permission.FINANCE_READ)
        if kind in DEBT_LETTERS and debt_id is None:
            raise ValidationError("debt_id", f"a {kind.value} letter is about one debt")
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            context = await self._context(uow, ctx, case_id, debt_id)
            if kind is LetterKind.ADVICE_SUMMARY and context["advice"] is None:
                raise ValidationError("kind", "record the advice before the advice summary")
            own = await self.letter_templates(uow).get(kind)
            subject, body = (own.subject, own.body) if own else self.renderer.default_template(kind)
            rendered = self.renderer.render(subject, body, context)
            letter = Letter(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                kind=kind,
                debt_id=debt_id,
                subject=rendered.subject,
                html=rendered.html,
                template_version=own.version if own else None,
                created_at=now,
                created_by=ctx.user_id,
            )
            await self.letters(uow).add(letter)
            await record_audit(
                uow, ctx, self.new_id, "letter.generated", "letter", letter.id, now, ("kind",)
            )
            await uow.commit()
        return letter

    async def mark_sent(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        letter_id: uuid.UUID,
        *,
        expected_version: int | None,
    ) -> Letter:
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            repo = self.letters(uow)
            letter = await repo.get(letter_id)
            if letter is None or letter.case_id != case_id:
                raise NotFound("letter", letter_id)
            check_version("letter", expected_version, letter.version)
            if letter.sent_at is None:
                letter.sent_at = now
                await repo.save(letter)
                await record_audit(
                    uow, ctx, self.new_id, "letter.sent", "letter", letter_id, now, ("sent_at",)
                )
                uow.emit(
                    LetterSent(
                        centre_id=ctx.centre_id,
                        occurred_at=now,
                        case_id=case_id,
                        letter_id=letter_id,
                        kind=letter.kind.value,
                        sent_by=ctx.user_id,
                    ),
                )
                await uow.commit()
        return letter

    async def list_letters(self, ctx: TenantContext, case_id: CaseId) -> list[Letter]:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            return list(await self.letters(uow).list_for_case(case_id))

    async def get_letter(self, ctx: TenantContext, case_id: CaseId, letter_id: uuid.UUID) -> Letter:
        ctx.require(Permission.CASE_READ)
        ctx.require(Permission.FINANCE_READ)
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            letter = await self.letters(uow).get(letter_id)
        if letter is None or letter.case_id != case_id:
            raise NotFound("letter", letter_id)
        return letter

    async def pdf(self, ctx: TenantContext, case_id: CaseId, letter_id: uuid.UUID) -> bytes:
        letter = await self.get_letter(ctx, case_id, letter_id)
        return self.renderer.to_pdf(RenderedLetter(subject=letter.subject, html=letter.html))
