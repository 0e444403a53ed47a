"""Options appraisal, repayment offers and the advice record.

* The appraisal reads the case's debts, SFS budget and facts, and judges every option of
  the jurisdiction on the date asked (thresholds in force on that date: the centre's own
  table if it loaded one, else the shipped one). Missing facts make an option "adviser
  judgement needed - missing: ...", never a guess (see ``cma_core.solutions.rules``).
* Offers: the adviser's priority offers first (their total may not exceed what is
  available for priority debts, CR-10), then the rest pro rata to non-priority balances
  with the largest-remainder rule (CR-11), or token payments when nothing is left.
  Debts that look statute barred are flagged before any offer (CR-20).
* The advice record keeps the options considered with their reasons, the recommendation
  (which must exist in the jurisdiction: CR-05) and the client's decision. A recommended
  monthly payment may not exceed the surplus, the amount available for non-priority debts
  (CR-13: ``solutions.affordability.check_payment``, the function the compliance rule calls).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence

from attrs import define, field

from cma_core.audit.service import commit_audited
from cma_core.budgets.model import OffersPlanned
from cma_core.budgets.offers import OfferPlan, Share, plan_offers
from cma_core.budgets.ports import BudgetRepository, OfferLine, OfferPlanRecord, OfferRepository
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope
from cma_core.debts.limitation import assess_limitation
from cma_core.debts.model import CreditorId, DebtId
from cma_core.debts.ports import (
    CaseFinancialFacts,
    CreditorDirectory,
    DebtEntry,
    DebtRepository,
    FactsRepository,
)
from cma_core.debts.priority import classify
from cma_core.debts.service import creditor_names, thresholds_of
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.ports import CentreProfileRepository, ReferenceDataRepository
from cma_core.reference.thresholds import ThresholdTable
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.service import IdFactory
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.solutions.model import (
    Appraisal,
    AppraisalSaved,
    CaseFacts,
)
from cma_core.solutions.ports import AppraisalRecord, AppraisalRepository
from cma_core.solutions.rules import appraise


@define
class AppraisalService:
    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    creditors: RepositoryFactory[CreditorDirectory] = field(kw_only=True)
    debts: RepositoryFactory[DebtRepository] = field(kw_only=True)
    facts: RepositoryFactory[FactsRepository] = field(kw_only=True)
    budgets: RepositoryFactory[BudgetRepository] = field(kw_only=True)
    appraisals: RepositoryFactory[AppraisalRepository] = field(kw_only=True)
    offers: RepositoryFactory[OfferRepository] = field(kw_only=True)
    reference: RepositoryFactory[ReferenceDataRepository] = field(kw_only=True)
    #: The centre's profile: a case whose facts name no jurisdiction takes the centre's.
    centre_profiles: RepositoryFactory[CentreProfileRepository] | None = field(
        default=None, kw_only=True
    )

    async def _centre_jurisdiction(self, uow: UnitOfWork) -> Jurisdiction | None:
        if self.centre_profiles is None:
            return None
        profile = await self.centre_profiles(uow).get()
        return profile.jurisdiction if profile is not None else None

    async def appraise_in(
        self,
        uow: UnitOfWork,
        case_id: CaseId,
        on_date: dt.date,
        jurisdiction: Jurisdiction | None,
    ) -> Appraisal:
        facts = await self.facts(uow).get(case_id)
        chosen = (
            jurisdiction
            or (facts.jurisdiction if facts else None)
            or await self._centre_jurisdiction(uow)
        )
        if chosen is None:
            raise ValidationError(
                "jurisdiction", "not recorded on the case or the centre: pass EW, SCO or NI"
            )
        entries = await self.debts(uow).list_for_case(case_id)
        budget = await self.budgets(uow).get(case_id)
        plans = await self.offers(uow).list_for_case(case_id)
        prio = plans[-1].total_priority_offers if plans else Money.zero()
        table = thresholds_of(await self.reference(uow).get())
        if facts is None:
            now = self.clock.now()
            facts = CaseFinancialFacts(
                case_id=case_id, centre_id=uow.centre_id, created_at=now, updated_at=now
            )
        case_facts = CaseFacts(
            jurisdiction=chosen,
            on_date=on_date,
            debts=tuple(e.debt for e in entries),
            budget=budget.budget.summary(prio) if budget else None,
            assets=facts.assets,
            insolvency=facts.insolvency,
            residence=facts.residence,
            benefits_only_months=facts.benefits_only_months,
            unable_to_pay_debts_as_due=facts.unable_to_pay_debts_as_due,
            amhp_evidence=facts.amhp_evidence,
            receiving_crisis_treatment=facts.receiving_crisis_treatment,
            lump_sum_available=facts.lump_sum_available,
        )
        return appraise(case_facts, table)

    async def options(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        on_date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
    ) -> Appraisal:
        """Judge every option of the jurisdiction on ``on_date`` (default: today)."""
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            return await self.appraise_in(
                uow, case_id, on_date or self.clock.now().date(), jurisdiction
            )

    async def save_appraisal(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        on_date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
    ) -> AppraisalRecord:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="save an options appraisal"
        ) as (uow, _):
            result = await self.appraise_in(uow, case_id, on_date or now.date(), jurisdiction)
            record = AppraisalRecord(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                appraisal=result,
                created_at=now,
                created_by=ctx.user_id,
            )
            await self.appraisals(uow).add(record)
            uow.emit(
                AppraisalSaved(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    appraisal_id=record.id,
                    saved_by=ctx.user_id,
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "appraisal.created", "appraisal", record.id, now
            )
        return record

    async def list_appraisals(self, ctx: TenantContext, case_id: CaseId) -> list[AppraisalRecord]:
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            return list(await self.appraisals(uow).list_for_case(case_id))

    # -- offers

    async def plan(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        priority_offers: Mapping[DebtId, Money],
        on_date: dt.date | None = None,
        jurisdiction: Jurisdiction | None = None,
        tokens_in_deficit: bool = False,
    ) -> OfferPlanRecord:
        """Make and save an offer plan from the case's budget and debts. A budget in
        deficit offers non-priority creditors nothing unless ``tokens_in_deficit``."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        day = on_date or now.date()
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="make an offer plan"
        ) as (uow, _):
            budget = await self.budgets(uow).get(case_id)
            if budget is None:
                raise ValidationError("budget", "the case needs a budget before offers")
            facts = await self.facts(uow).get(case_id)
            chosen = (
                jurisdiction
                or (facts.jurisdiction if facts else None)
                or await self._centre_jurisdiction(uow)
                or Jurisdiction.EW
            )
            table = thresholds_of(await self.reference(uow).get())
            entries = list(await self.debts(uow).list_for_case(case_id))
            prio = [e for e in entries if classify(e.debt).is_priority]
            non = [e for e in entries if not classify(e.debt).is_priority]
            _check_priority_offers(priority_offers, entries, prio)
            result = plan_offers(
                available_for_priority=budget.budget.available_for_priority,
                priority_offers=[(e.id, priority_offers.get(e.id, Money.zero())) for e in prio],
                non_priority=[Share(key=e.id, balance=e.debt.balance) for e in non],
                jurisdiction=chosen,
                on_date=day,
                table=table,
                tokens_in_deficit=tokens_in_deficit,
            )
            notes = _offer_notes(priority_offers, entries, prio, day, chosen, table)
            lines = _offer_lines(result, entries, await creditor_names(self.creditors(uow)))
            record = OfferPlanRecord(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                on_date=day,
                jurisdiction=chosen,
                available_for_priority=result.available_for_priority,
                total_priority_offers=result.total_priority_offers,
                available_for_non_priority=result.available_for_non_priority,
                uses_token_payments=result.uses_token_payments,
                lines=lines,
                notes=(*notes, *result.notes),
                created_at=now,
                created_by=ctx.user_id,
                shortfall=result.shortfall,
            )
            await self.offers(uow).add(record)
            uow.emit(
                OffersPlanned(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    plan_id=record.id,
                    deficit=record.available_for_priority.is_negative,
                    planned_by=ctx.user_id,
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "offers.planned", "offer_plan", record.id, now
            )
        return record

    async def list_plans(self, ctx: TenantContext, case_id: CaseId) -> list[OfferPlanRecord]:
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            return list(await self.offers(uow).list_for_case(case_id))


def _check_priority_offers(
    offers: Mapping[DebtId, Money], entries: Sequence[DebtEntry], prio: Sequence[DebtEntry]
) -> None:
    """Each offer is for a priority debt of the case and not negative (else raise)."""
    known = {e.id for e in entries}
    for debt_id, amount in offers.items():
        if debt_id not in known:
            raise ValidationError(f"priority_offers.{debt_id}", "no such debt on the case")
        if amount.is_negative:
            raise ValidationError(f"priority_offers.{debt_id}", "must not be negative")
    misplaced = [k for k in offers if k not in {e.id for e in prio}]
    if misplaced:
        raise ValidationError(
            f"priority_offers.{misplaced[0]}",
            "is not a priority debt: non-priority debts are offered pro rata",
        )


def _offer_notes(
    offers: Mapping[DebtId, Money],
    entries: Sequence[DebtEntry],
    prio: Sequence[DebtEntry],
    day: dt.date,
    jurisdiction: Jurisdiction,
    table: ThresholdTable,
) -> list[str]:
    """Priority debts left without an offer, then debts that may be statute barred (CR-20)."""
    notes = [
        f"no offer given for the priority {e.debt.debt_type.value} debt"
        for e in prio
        if e.id not in offers
    ]
    for e in entries:
        lim = assess_limitation(e.debt, day, jurisdiction, table)
        if lim.warning:
            notes.append(
                f"CR-20: the {e.debt.debt_type.value} debt may be statute barred "
                f"({lim.reasons[0]}); check before offering"
            )
    return notes


def _offer_lines(
    plan: OfferPlan[DebtId], entries: Sequence[DebtEntry], creditors: Mapping[CreditorId, str]
) -> tuple[OfferLine, ...]:
    """One line per offer, priority first, labelled with its debt's creditor and balance."""
    debts = {e.id: e.debt for e in entries}
    lines: list[OfferLine] = []
    for o in (*plan.priority_offers, *plan.non_priority_offers):
        debt = debts[o.key]
        creditor = creditors.get(debt.creditor_id, "") if debt.creditor_id else ""
        lines.append(
            OfferLine(
                debt_id=o.key, creditor=creditor, kind=o.kind, balance=debt.balance, amount=o.amount
            )
        )
    return tuple(lines)
