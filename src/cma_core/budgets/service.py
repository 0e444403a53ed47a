"""Budget (Standard Financial Statement) use cases, SFS import/export and reference data.

Spending-guideline rule (CR-08, MaPS [V]): a flexible category above the guideline in
force for the household needs a note. A budget may be saved with such a category (it is
flagged), but it cannot be marked *complete* until every flagged category has a note.
Guidelines are the centre's own (loaded with ``cma reference load``); with none loaded,
nothing is flagged and the check says so.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from attrs import define, field, frozen

from cma_core.audit.service import commit_audited, record_audit
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.guidelines import (
    GuidelineCheck,
    GuidelineStatus,
    GuidelineTable,
    check_guidelines,
    parse_guidelines_csv,
)
from cma_core.budgets.model import Budget, BudgetChanged, BudgetSummary
from cma_core.budgets.offers import OfferKind
from cma_core.budgets.ports import (
    BudgetRecord,
    BudgetRepository,
    OfferLine,
    OfferPlanRecord,
    OfferRepository,
    SfsCodec,
    SfsDebtLine,
    SfsFormat,
    SfsStatement,
    SfsStatementDetails,
)
from cma_core.budgets.reference_admin import import_record, with_import
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope, load_case
from cma_core.clients.model import Client
from cma_core.clients.ports import ClientRepository
from cma_core.debts.model import Creditor, CreditorId, Debt, DebtAdded, DebtId, DebtType
from cma_core.debts.ports import (
    CreditorDirectory,
    CreditorEntry,
    DebtEntry,
    DebtRepository,
    FactsRepository,
)
from cma_core.debts.priority import classify
from cma_core.debts.service import creditor_names
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.ports import (
    CentreProfileRepository,
    CentreReference,
    ReferenceDataRepository,
    ReferenceLoaded,
)
from cma_core.reference.thresholds import parse_thresholds
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_core.shared.service import IdFactory, check_version
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory


def guidelines_of(ref: CentreReference | None) -> GuidelineTable | None:
    """The centre's spending guidelines, or ``None`` if it has loaded none."""
    if ref is None or ref.guidelines_csv is None:
        return None
    return parse_guidelines_csv(ref.guidelines_csv)


@frozen(kw_only=True)
class BudgetView:
    """A budget with its SFS summary and guideline checks (as of ``on_date``)."""

    record: BudgetRecord
    summary: BudgetSummary
    guidelines: tuple[GuidelineCheck, ...]
    guidelines_loaded: bool
    #: The case's jurisdiction (its facts, else the centre's profile), for the deficit
    #: options (Breathing Space exists only in England and Wales); None: not known.
    jurisdiction: Jurisdiction | None = None

    @property
    def flagged(self) -> tuple[GuidelineCheck, ...]:
        return tuple(c for c in self.guidelines if c.flagged)


def _summary(budget: Budget, plan: OfferPlanRecord | None) -> BudgetSummary:
    """Priority offers come from the latest offer plan (none yet: nothing offered)."""
    offers = plan.total_priority_offers if plan else Money.zero()
    return budget.summary(offers)


@define
class BudgetService:
    uow: UnitOfWorkFactory
    clock: Clock
    sfs: SfsCodec | None = None
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    creditors: RepositoryFactory[CreditorDirectory] = field(kw_only=True)
    debts: RepositoryFactory[DebtRepository] = field(kw_only=True)
    budgets: RepositoryFactory[BudgetRepository] = field(kw_only=True)
    offers: RepositoryFactory[OfferRepository] = field(kw_only=True)
    reference: RepositoryFactory[ReferenceDataRepository] = field(kw_only=True)
    #: The case's facts and the centre's profile, for the case's jurisdiction; without
    #: them the budget does not know it (the deficit notes then say where each applies).
    facts: RepositoryFactory[FactsRepository] | None = field(default=None, kw_only=True)
    centre_profiles: RepositoryFactory[CentreProfileRepository] | None = field(
        default=None, kw_only=True
    )

    async def _jurisdiction(self, uow: UnitOfWork, case_id: CaseId) -> Jurisdiction | None:
        """The case's own jurisdiction (its facts), else the centre's (its profile)."""
        facts = await self.facts(uow).get(case_id) if self.facts is not None else None
        if facts is not None and facts.jurisdiction is not None:
            return facts.jurisdiction
        profile = await self.centre_profiles(uow).get() if self.centre_profiles else None
        return profile.jurisdiction if profile is not None else None

    async def _view(self, uow: UnitOfWork, record: BudgetRecord, on_date: dt.date) -> BudgetView:
        table = guidelines_of(await self.reference(uow).get())
        plans = await self.offers(uow).list_for_case(record.case_id)
        checks = check_guidelines(record.budget, table, on_date) if table is not None else ()
        return BudgetView(
            record=record,
            summary=_summary(record.budget, plans[-1] if plans else None),
            guidelines=checks,
            guidelines_loaded=table is not None,
            jurisdiction=await self._jurisdiction(uow, record.case_id),
        )

    async def get(self, ctx: TenantContext, case_id: CaseId) -> BudgetView:
        """The case's budget; a case with none gets an empty one (version 0)."""
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            record = await self.budgets(uow).get(case_id)
            if record is None:
                record = BudgetRecord(
                    case_id=case_id,
                    centre_id=ctx.centre_id,
                    created_at=now,
                    updated_at=now,
                    version=0,
                )
            return await self._view(uow, record, now.date())

    async def put(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        budget: Budget,
        *,
        details: SfsStatementDetails | None = None,
        complete: bool = False,
        expected_version: int | None,
    ) -> BudgetView:
        """Replace the budget. ``complete`` dates it as a complete SFS (CR-06) and needs a
        note on every category above its spending guideline (CR-08)."""
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="change the budget"
        ) as (uow, _):
            view = await self._store(
                uow, ctx, case_id, budget, details, complete, expected_version, now
            )
            await uow.commit()
        return view

    async def set_line_in(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        key: str,
        amount: Money,
        frequency: Frequency,
        note: str | None = None,
    ) -> BudgetView:
        """Set one SFS line of the case's budget inside the caller's unit of work (a
        suggestion accepted from a payslip or benefit letter); the rest is unchanged."""
        ctx.require(Permission.FINANCE_WRITE)
        (await load_case(self.cases(uow), ctx, case_id, for_change=True)).require_open(
            "change the budget"
        )
        now = self.clock.now()
        record = await self.budgets(uow).get(case_id)
        budget = record.budget if record is not None else Budget()
        budget.set_line(key, amount, frequency, note)
        return await self._store(uow, ctx, case_id, budget, None, False, None, now)

    async def _store(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        budget: Budget,
        details: SfsStatementDetails | None,
        complete: bool,
        expected_version: int | None,
        now: dt.datetime,
    ) -> BudgetView:
        repo = self.budgets(uow)
        record = await repo.get(case_id)
        if record is None:
            check_version("budget", expected_version, 0)
            record = BudgetRecord(
                case_id=case_id,
                centre_id=ctx.centre_id,
                budget=budget,
                details=details or SfsStatementDetails(),
                created_at=now,
                updated_at=now,
            )
            is_new = True
        else:
            check_version("budget", expected_version, record.version)
            record.budget = budget
            if details is not None:
                record.details = details
            record.updated_at = now
            is_new = False
        view = await self._view(uow, record, now.date())
        if complete:
            for check in view.flagged:
                raise ValidationError(f"category_notes.{check.category.value}", check.message)
            record.completed_at = now
        else:
            record.completed_at = None
        if is_new:
            await repo.add(record)
        else:
            await repo.save(record)
        await record_audit(
            uow,
            ctx,
            self.new_id,
            "budget.created" if is_new else "budget.updated",
            "budget",
            case_id,
            now,
            ("lines", "household", "savings_contribution", "debt_admin_fee"),
        )
        uow.emit(
            BudgetChanged(
                centre_id=ctx.centre_id,
                occurred_at=now,
                case_id=case_id,
                version=record.version,
                completed=record.completed_at is not None,
                changed_by=ctx.user_id,
            ),
        )
        return BudgetView(
            record=record,
            summary=view.summary,
            guidelines=view.guidelines,
            guidelines_loaded=view.guidelines_loaded,
            jurisdiction=view.jurisdiction,
        )

    # -- SFS interchange

    def _codec(self) -> SfsCodec:
        if self.sfs is None:
            raise RuntimeError("no SFS codec configured")
        return self.sfs

    async def statement(self, ctx: TenantContext, case_id: CaseId) -> SfsStatement:
        """The case's SFS: budget, details, and debts with the latest plan's offers."""
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, case):
            record = await self.budgets(uow).get(case_id)
            if record is None:
                raise ValidationError("budget", "the case has no budget to export yet")
            details = record.details
            client = await self.clients(uow).get(case.client_id)
            if client is not None:
                details = SfsStatementDetails(
                    client_name=details.client_name or f"{client.first_name} {client.last_name}",
                    client_date_of_birth=details.client_date_of_birth or client.date_of_birth,
                    client_address=sfs_address(client, details.client_address),
                    partner_name=details.partner_name,
                    partner_date_of_birth=details.partner_date_of_birth,
                    housing_tenure_other=details.housing_tenure_other,
                    client_employment_status=details.client_employment_status,
                    client_employment_status_other=details.client_employment_status_other,
                    partner_employment_status=details.partner_employment_status,
                    partner_employment_status_other=details.partner_employment_status_other,
                    additional_notes=details.additional_notes,
                )
            entries = await self.debts(uow).list_for_case(case_id)
            plans = await self.offers(uow).list_for_case(case_id)
            plan = plans[-1] if plans else None
            offers = {line.debt_id: line for line in plan.lines} if plan else {}
            creditors = await creditor_names(self.creditors(uow))
            lines = []
            for e in entries:
                d = e.debt
                offer = offers.get(d.id)
                lines.append(
                    SfsDebtLine(
                        creditor=creditors.get(d.creditor_id, "") if d.creditor_id else "",
                        amount_owed=d.balance,
                        repayment_offer=offer.amount if offer else Money.zero(),
                        priority=classify(d).is_priority,
                        ccj=d.ccj,
                        notes=e.notes,
                    )
                )
            token = None
            if plan is not None and plan.uses_token_payments:
                token = Money(sum(x.amount.pence for x in plan.lines if x.kind is OfferKind.TOKEN))
        return SfsStatement(
            budget=record.budget, details=details, debts=tuple(lines), token_payments=token
        )

    async def export_sfs(self, ctx: TenantContext, case_id: CaseId, fmt: SfsFormat) -> bytes:
        statement = await self.statement(ctx, case_id)
        data = self._codec().export(statement, fmt)
        async with self.uow(ctx.centre_id) as uow:
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                f"sfs.exported.{fmt.value}",
                "budget",
                case_id,
                self.clock.now(),
            )
        return data

    async def import_sfs(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        data: bytes,
        fmt: SfsFormat,
        *,
        expected_version: int | None,
    ) -> BudgetView:
        """Replace the budget from an SFS document. When the case has no debts yet, its
        debts are created too (type ``other``, classified as the document lists them, by
        creditor name in the directory), with an offer plan holding the document's offers.
        """
        now = self.clock.now()
        # The case first: another centre's case is not found, whatever the document.
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="import a budget"
        ) as (uow, _):
            statement = self._codec().parse(data, fmt)
            view = await self._store(
                uow,
                ctx,
                case_id,
                statement.budget,
                statement.details,
                False,
                expected_version,
                now,
            )
            debts = self.debts(uow)
            if statement.debts and not await debts.list_for_case(case_id):
                await self._import_debts(uow, ctx, case_id, statement, view, now)
            await commit_audited(
                uow, ctx, self.new_id, f"sfs.imported.{fmt.value}", "budget", case_id, now
            )
        return view

    async def _creditor_named(
        self,
        directory: CreditorDirectory,
        by_name: dict[str, CreditorId],
        ctx: TenantContext,
        name: str,
        now: dt.datetime,
    ) -> CreditorId | None:
        """The directory's creditor of that name (case-insensitive), added if new; none for
        a blank name. ``by_name`` is the directory by folded name, kept up to date."""
        if not name.strip():
            return None
        found = by_name.get(name.strip().casefold())
        if found is not None:
            return found
        entry = CreditorEntry(
            creditor=Creditor(
                id=CreditorId(self.new_id()), centre_id=ctx.centre_id, name=name.strip()
            ),
            created_at=now,
        )
        await directory.add(entry)
        by_name[name.strip().casefold()] = entry.id
        return entry.id

    async def _import_debts(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        statement: SfsStatement,
        view: BudgetView,
        now: dt.datetime,
    ) -> None:
        directory = self.creditors(uow)
        by_name = {c.creditor.name.casefold(): c.id for c in await directory.list()}
        lines: list[OfferLine] = []
        for i, item in enumerate(statement.debts):
            creditor_id = await self._creditor_named(directory, by_name, ctx, item.creditor, now)
            debt = Debt(
                id=DebtId(self.new_id()),
                centre_id=ctx.centre_id,
                case_id=case_id,
                creditor_id=creditor_id,
                debt_type=DebtType.OTHER,
                balance=item.amount_owed,
                ccj=item.ccj,
            )
            debt.override_priority(
                is_priority=item.priority,
                reason="imported from an SFS, which listed it as "
                + ("a priority" if item.priority else "a non-priority")
                + " debt",
                by=ctx.user_id,
                on=now.date(),
            )
            # Distinct created_at keeps the document's order on every backend.
            at = now + dt.timedelta(microseconds=i)
            await self.debts(uow).add(
                DebtEntry(debt=debt, notes=item.notes, created_at=at, updated_at=at)
            )
            uow.emit(
                DebtAdded(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    debt_id=debt.id,
                    debt_type=debt.debt_type.value,
                    added_by=ctx.user_id,
                ),
            )
            kind = OfferKind.PRIORITY if item.priority else OfferKind.PRO_RATA
            lines.append(
                OfferLine(
                    debt_id=debt.id,
                    creditor=item.creditor,
                    kind=kind,
                    balance=item.amount_owed,
                    amount=item.repayment_offer,
                )
            )
        prio = Money(sum(x.amount.pence for x in lines if x.kind is OfferKind.PRIORITY))
        available = view.record.budget.available_for_priority
        await self.offers(uow).add(
            OfferPlanRecord(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                on_date=now.date(),
                jurisdiction=view.jurisdiction or Jurisdiction.EW,
                available_for_priority=available,
                total_priority_offers=prio,
                available_for_non_priority=available - prio,
                uses_token_payments=statement.token_payments is not None,
                lines=tuple(lines),
                notes=("imported from an SFS document",),
                created_at=now,
                created_by=ctx.user_id,
            )
        )


def sfs_address(client: Client, entered: str | None) -> str | None:
    """The address an SFS statement carries: the client's correspondence address on one
    line (what the adviser typed on the budget if the record has none), and **none** while
    the address is suppressed ("do not disclose", e.g. the client fled domestic abuse): an
    SFS goes to creditors, so a suppressed address must not leave on it, whatever was
    typed."""
    if client.address_suppressed:
        return None
    address = client.correspondence_address
    if address is None:
        return entered
    return ", ".join((*address.lines, address.postcode))


@define
class ReferenceService:
    """A centre's reference data: spending guidelines and threshold records."""

    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    reference: RepositoryFactory[ReferenceDataRepository] = field(kw_only=True)

    async def get(self, ctx: TenantContext) -> CentreReference | None:
        ctx.require(Permission.FINANCE_READ)
        async with self.uow(ctx.centre_id) as uow:
            return await self.reference(uow).get()

    async def load(
        self,
        ctx: TenantContext,
        *,
        guidelines_csv: str | None = None,
        thresholds_json: str | None = None,
        source: str | None = None,
    ) -> CentreReference:
        """Validate and store the files; each replaces what the centre had loaded.

        Raises:
            ValidationError: a malformed file (field ``guidelines[i].x`` / ``records[i].x``).
        """
        ctx.require(Permission.FINANCE_WRITE)
        table = parse_guidelines_csv(guidelines_csv) if guidelines_csv is not None else None
        if thresholds_json is not None:
            try:
                parsed = json.loads(thresholds_json)
            except json.JSONDecodeError as exc:
                raise ValidationError("thresholds", f"not JSON: {exc.msg}") from None
            if not isinstance(parsed, dict) or not isinstance(parsed.get("records"), list):
                raise ValidationError("thresholds", 'must be {"records": [...]}')
            parse_thresholds(parsed["records"])
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.reference(uow)
            ref = await repo.get()
            history = (
                ()
                if table is None
                else (import_record(self.new_id, ctx, ref, table, source=source, at=now),)
            )
            if ref is None:
                ref = CentreReference(
                    centre_id=CentreId(ctx.centre_id),
                    guidelines_csv=guidelines_csv,
                    guidelines_source=source if guidelines_csv is not None else None,
                    thresholds_json=thresholds_json,
                    guideline_imports=history,
                    created_at=now,
                    updated_at=now,
                )
                await repo.add(ref)
            else:
                if guidelines_csv is not None:
                    ref.guidelines_csv = guidelines_csv
                    ref.guidelines_source = source
                    ref.guideline_imports = with_import(ref.guideline_imports, *history)
                if thresholds_json is not None:
                    ref.thresholds_json = thresholds_json
                ref.updated_at = now
                await repo.save(ref)
            fields = tuple(
                name
                for name, value in (("guidelines", guidelines_csv), ("thresholds", thresholds_json))
                if value is not None
            )
            uow.emit(
                ReferenceLoaded(
                    centre_id=CentreId(ctx.centre_id), occurred_at=now, fields=fields, source=source
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "reference.loaded", "centre", ctx.centre_id, now, fields
            )
        return ref


__all__ = [
    "BudgetService",
    "BudgetView",
    "GuidelineStatus",
    "ReferenceService",
]
