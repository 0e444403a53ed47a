"""Advice: the advice record (options considered, recommendation, client's decision) and
the letters: the written advice summary, creditor letters and the printable SFS.

Templates are Jinja2 source rendered by the ``LetterRenderer`` port. Each kind has a
shipped default; a centre may save its own version of any kind, which then wins. A
generated letter is stored as HTML (what was sent is kept exactly), downloadable as HTML
or PDF; recording that it was sent raises ``LetterSent`` (CR-18 looks for the advice
summary's).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from attrs import define, field, frozen

from cma_core.advice.model import AdviceRecorded, LetterSent
from cma_core.advice.ports import (
    AdviceRecord,
    AdviceRepository,
    ClientDecision,
    ConsideredOption,
    Letter,
    LetterKind,
    LetterRenderer,
    LetterRepository,
    LetterTemplate,
    LetterTemplateRepository,
    RenderedLetter,
    template_id,
)
from cma_core.advice.wording import (
    DEBT_TYPE_LABELS,
    ELIGIBILITY_LABELS,
    JURISDICTION_LABELS,
    SOLUTION_LABELS,
    mask_account,
    option_line,
    reason_text,
    signing_role,
)
from cma_core.audit.service import commit_audited, record_audit
from cma_core.budgets.catalogue import CATEGORIES, Category, lines_in
from cma_core.budgets.model import Budget
from cma_core.budgets.ports import BudgetRepository, OfferRepository
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope, load_case
from cma_core.clients.ports import ClientRepository
from cma_core.debts.model import Creditor, CreditorId, DebtId
from cma_core.debts.ports import CreditorDirectory, DebtEntry, DebtRepository, FactsRepository
from cma_core.debts.priority import classify
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.ports import IdentityStore
from cma_core.reference.centre import CentreProfile, effective_jurisdiction
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.ports import CentreProfileRepository
from cma_core.shared.clock import Clock
from cma_core.shared.data import to_data
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.service import IdFactory, check_version, optional_text
from cma_core.shared.time import long_date
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.solutions.affordability import budget_figures, check_payment
from cma_core.solutions.model import SOLUTIONS_BY_JURISDICTION, Solution
from cma_core.solutions.service import AppraisalService

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


async def _template_as_read(
    repo: LetterTemplateRepository, kind: LetterKind, expected_version: int | None
) -> LetterTemplate | None:
    """The centre's own template of ``kind`` (``None``: the default, version 0), checked
    against the version the caller read."""
    current = await repo.get(kind)
    check_version("letter template", expected_version, 0 if current is None else current.version)
    return current


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
    #: The letterhead and the signature: the centre's profile and who signs. Without them
    #: a letter carries the case's facts only (tests of the wording, programs embedding it).
    centre_profiles: RepositoryFactory[CentreProfileRepository] | None = field(
        default=None, kw_only=True
    )
    facts: RepositoryFactory[FactsRepository] | None = field(default=None, kw_only=True)
    identity: IdentityStore | None = field(default=None, kw_only=True)
    default_jurisdiction: Jurisdiction = field(default=Jurisdiction.EW, kw_only=True)

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
        self._check(subject, body)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.letter_templates(uow)
            current = await _template_as_read(repo, kind, expected_version)
            if current is None:
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
                current.subject, current.body, current.updated_at = subject, body, now
                await repo.save(current)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "letter_template.saved",
                "letter_template",
                current.id,
                now,
                ("subject", "body"),
            )
        return TemplateView(
            kind=kind, subject=subject, body=body, is_default=False, version=current.version
        )

    def _check(self, subject: str, body: str) -> None:
        """A template's subject and body, each given and rendering on sample data
        (``ValidationError`` naming the one at fault)."""
        if not subject.strip():
            raise ValidationError("subject", "must not be empty")
        if not body.strip():
            raise ValidationError("body", "must not be empty")
        self.renderer.check(subject, body)

    async def reset_template(
        self, ctx: TenantContext, kind: LetterKind, *, expected_version: int | None
    ) -> TemplateView:
        """Drop the centre's own template of ``kind``: its letters use the shipped default
        again (returned, version 0). A kind already on its default is left so (expected
        version 0); letters already made keep the wording they were made with."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.letter_templates(uow)
            current = await _template_as_read(repo, kind, expected_version)
            if current is not None:
                await repo.remove(current)
                await commit_audited(
                    uow,
                    ctx,
                    self.new_id,
                    "letter_template.reset",
                    "letter_template",
                    current.id,
                    now,
                )
        subject, body = self.renderer.default_template(kind)
        return TemplateView(kind=kind, subject=subject, body=body, is_default=True, version=0)

    async def preview_template(self, ctx: TenantContext, subject: str, body: str) -> RenderedLetter:
        """A template as a letter, before it is saved: rendered on made-up case data (the
        renderer's sample, nobody's) under the letterhead a letter of the centre's has (its
        profile, its jurisdiction, the signing user's name and role). Refused as saving it
        would be (``ValidationError`` on the subject or the body); nothing is stored."""
        ctx.require(Permission.FINANCE_READ)
        self._check(subject, body)
        signer = await self._signer(ctx)
        async with self.uow(ctx.centre_id) as uow:
            letterhead = await self._letterhead(uow, ctx, None, signer)
        return self.renderer.render(subject, body, {**self.renderer.sample(), **letterhead})

    async def preview_pdf(self, ctx: TenantContext, subject: str, body: str) -> bytes:
        """``preview_template`` printed, as a letter made from it would be."""
        return self.renderer.to_pdf(await self.preview_template(ctx, subject, body))

    # -- letters

    async def _context(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId | None,
        signer: tuple[str, str] = ("", ""),
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

        def debt_data(e: DebtEntry) -> dict[str, Any]:
            return _debt_data(e, creditors, offers)

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
        statement = _statement(budget.budget) if budget is not None else []
        return {
            **await self._letterhead(uow, ctx, case_id, signer),
            "today": long_date(self.clock.now().date()),
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
            "advice": _advice_data(latest) if latest else None,
        }

    async def _signer(self, ctx: TenantContext) -> tuple[str, str]:
        """The signing user's name and the centre's registered name. Read before the unit
        of work opens: the identity store has connections of its own (and an embedded
        SQLite database only one in all)."""
        if self.identity is None:
            return "", ""
        user = await self.identity.get_user(ctx.user_id) if ctx.user_id is not None else None
        centre = await self.identity.get_centre(ctx.centre_id)
        return (user.full_name if user else "", centre.name if centre else "")

    async def _letterhead(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId | None,
        signer: tuple[str, str],
    ) -> dict[str, Any]:
        """Who sends the letter: the centre's profile, the case's jurisdiction (the centre's
        own without a case: a template's preview), and the person signing it (the user
        generating it) with their job title."""
        profile = await self.centre_profiles(uow).get() if self.centre_profiles else None
        facts = await self.facts(uow).get(case_id) if self.facts and case_id else None
        jurisdiction = effective_jurisdiction(
            facts.jurisdiction if facts else None, profile, self.default_jurisdiction
        )
        name, centre_name = signer
        return {
            "centre": centre_data(profile, centre_name),
            "jurisdiction": JURISDICTION_LABELS[jurisdiction],
            "adviser": {"name": name, "role": signing_role(ctx.roles)},
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
        signer = await self._signer(ctx)
        async with self.uow(ctx.centre_id) as uow:
            context = await self._context(uow, ctx, case_id, debt_id, signer)
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
            await commit_audited(
                uow, ctx, self.new_id, "letter.generated", "letter", letter.id, now, ("kind",)
            )
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


@frozen(kw_only=True)
class RecordAdvice:
    on_date: dt.date
    recommended: Solution | None
    reasons: str
    jurisdiction: Jurisdiction | None = None
    risks: str | None = None
    next_steps: str | None = None
    monthly_payment: Money | None = None
    expected_term_months: int | None = None
    client_decision: ClientDecision = ClientDecision.UNDECIDED
    decision_notes: str | None = None


@define
class AdviceService:
    """The advice given on a case: what was considered, what is recommended and why, and
    the client's decision (CONC 8.6; the written advice is a letter, ``LetterService``).

    The options considered are the solutions area's appraisal of the case on the day.
    """

    uow: UnitOfWorkFactory
    clock: Clock
    appraisals: AppraisalService
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    budgets: RepositoryFactory[BudgetRepository] = field(kw_only=True)
    offers: RepositoryFactory[OfferRepository] = field(kw_only=True)
    advice: RepositoryFactory[AdviceRepository] = field(kw_only=True)

    async def record_advice(
        self, ctx: TenantContext, case_id: CaseId, cmd: RecordAdvice
    ) -> AdviceRecord:
        ctx.require(Permission.CASE_WRITE)
        ctx.require(Permission.FINANCE_READ)
        if not cmd.reasons.strip():
            raise ValidationError("reasons", "say why this is the advice")
        if cmd.monthly_payment is not None and cmd.monthly_payment.is_negative:
            raise ValidationError("monthly_payment_pence", "must not be negative")
        if cmd.expected_term_months is not None and cmd.expected_term_months <= 0:
            raise ValidationError("expected_term_months", "must be 1 or more")
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="record advice"
        ) as (uow, _):
            result = await self.appraisals.appraise_in(uow, case_id, cmd.on_date, cmd.jurisdiction)
            if (
                cmd.recommended is not None
                and cmd.recommended not in SOLUTIONS_BY_JURISDICTION[result.jurisdiction]
            ):
                raise ValidationError(
                    "recommended",
                    f"{cmd.recommended.value} does not exist in {result.jurisdiction.value} "
                    "(CR-05)",
                )
            if cmd.monthly_payment is not None:
                budget = await self.budgets(uow).get(case_id)
                plans = await self.offers(uow).list_for_case(case_id)
                figures = budget_figures(budget.budget if budget else None, plans)
                check = check_payment(cmd.monthly_payment, figures)
                if not check.affordable:
                    raise ValidationError("monthly_payment_pence", f"{check.message} (CR-13)")
            record = AdviceRecord(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                jurisdiction=result.jurisdiction,
                on_date=cmd.on_date,
                options=tuple(
                    ConsideredOption(
                        solution=o.solution,
                        status=o.status,
                        reasons=tuple(str(r) for r in o.reasons),
                    )
                    for o in result.options
                ),
                recommended=cmd.recommended,
                reasons=cmd.reasons.strip(),
                risks=optional_text(cmd.risks),
                next_steps=optional_text(cmd.next_steps),
                monthly_payment=cmd.monthly_payment,
                expected_term_months=cmd.expected_term_months,
                client_decision=cmd.client_decision,
                decision_notes=optional_text(cmd.decision_notes),
                created_at=now,
                created_by=ctx.user_id,
            )
            await self.advice(uow).add(record)
            await record_audit(
                uow,
                ctx,
                self.new_id,
                "advice.recorded",
                "advice",
                record.id,
                now,
                ("recommended", "reasons", "client_decision"),
            )
            uow.emit(
                AdviceRecorded(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    advice_id=record.id,
                    recommended=cmd.recommended.value if cmd.recommended else None,
                    recorded_by=ctx.user_id,
                ),
            )
            await uow.commit()
        return record

    async def record_decision(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        advice_id: uuid.UUID,
        decision: ClientDecision,
        notes: str | None,
        *,
        expected_version: int | None,
    ) -> AdviceRecord:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="record the client's decision"
        ) as (uow, _):
            repo = self.advice(uow)
            record = await repo.get(advice_id)
            if record is None or record.case_id != case_id:
                raise NotFound("advice", advice_id)
            check_version("advice", expected_version, record.version)
            record.client_decision = decision
            record.decision_notes = optional_text(notes)
            await repo.save(record)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "advice.decision_recorded",
                "advice",
                advice_id,
                now,
                ("client_decision", "decision_notes"),
            )
        return record

    async def list_advice(self, ctx: TenantContext, case_id: CaseId) -> list[AdviceRecord]:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            return list(await self.advice(uow).list_for_case(case_id))

    async def get_advice(
        self, ctx: TenantContext, case_id: CaseId, advice_id: uuid.UUID
    ) -> AdviceRecord:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            record = await self.advice(uow).get(advice_id)
        if record is None or record.case_id != case_id:
            raise NotFound("advice", advice_id)
        return record


def _debt_data(
    e: DebtEntry, creditors: Mapping[CreditorId, Creditor], offers: Mapping[DebtId, Money]
) -> dict[str, Any]:
    """One debt as the letter templates see it."""
    creditor = creditors.get(e.debt.creditor_id) if e.debt.creditor_id else None
    return {
        "id": str(e.id),
        "type": DEBT_TYPE_LABELS[e.debt.debt_type],
        "creditor": creditor.name if creditor else "",
        "creditor_address": (creditor.address or "") if creditor else "",
        # Letters show only the last four characters (the creditor can match on them).
        "account_reference": mask_account(e.debt.account_reference),
        "balance": _pounds(e.debt.balance),
        "arrears": _pounds(e.debt.arrears),
        "priority": classify(e.debt).is_priority,
        "ccj": e.debt.ccj,
        "offer": _pounds(offers.get(e.id)),
    }


def _statement(b: Budget) -> list[dict[str, Any]]:
    """The budget as the SFS statement's sections and lines, for the letter templates."""
    statement: list[dict[str, Any]] = []
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
    return statement


def _advice_data(latest: AdviceRecord) -> dict[str, Any]:
    """The latest advice record as the letter templates see it."""
    return {
        "recommended": SOLUTION_LABELS[latest.recommended] if latest.recommended else "",
        "reasons": latest.reasons,
        "risks": latest.risks or "",
        "next_steps": latest.next_steps or "",
        "options": [
            {
                "solution": SOLUTION_LABELS[o.solution],
                "status": ELIGIBILITY_LABELS[o.status],
                "reasons": [reason_text(r) for r in o.reasons],
                "line": option_line(o.solution, o.status, o.reasons),
            }
            for o in latest.options
        ],
    }


def centre_data(profile: CentreProfile | None, registered_name: str) -> dict[str, Any]:
    """The centre as the letterhead shows it (its registered name until a profile is saved)."""
    address = (profile.address or "") if profile else ""
    logo = (
        f"data:{profile.logo_type};base64,{profile.logo_base64}"
        if profile and profile.logo_base64 and profile.logo_type
        else ""
    )
    return {
        "name": profile.name if profile else registered_name,
        "address_lines": [line.strip() for line in address.splitlines() if line.strip()],
        "phone": (profile.phone or "") if profile else "",
        "email": (profile.email or "") if profile else "",
        "charity_number": (profile.charity_number or "") if profile else "",
        "fca_number": (profile.fca_number or "") if profile else "",
        "logo": logo,
    }
