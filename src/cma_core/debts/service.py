"""Debt advice use cases: the creditor directory, debts and case facts, and the reference
data helpers the advice areas share.

Every service takes the ``TenantContext`` first, checks a permission, opens one unit of
work for the context's centre, loads the case (another centre's case, or another
adviser's case without ``case:read_all``, is *not found*), and appends an audit entry for
every change. Changes emit the area's events (``DebtAdded``, ``DebtUpdated``,
``DebtRemoved``, in ``debts.model``), each with ``case_id`` in its payload, for other
areas (compliance) to subscribe to.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
from attrs import define, field, frozen

from cma_core.assets.model import AssetSchedule, InsolvencyHistory, ResidenceFacts
from cma_core.audit.service import commit_audited, record_audit
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope, load_case
from cma_core.debts.ccj import CcjAssessment, assess_ccj
from cma_core.debts.formats import learned_reference_format
from cma_core.debts.limitation import LimitationAssessment, assess_limitation
from cma_core.debts.model import (
    Creditor,
    CreditorId,
    Debt,
    DebtAdded,
    DebtId,
    DebtRemoved,
    DebtType,
    DebtUpdated,
    EnforcementStage,
    FactsChanged,
    Ownership,
    PriorityOverride,
    advanced_stage,
    check_reference_pattern,
)
from cma_core.debts.ports import (
    CaseFinancialFacts,
    CreditorDirectory,
    CreditorEntry,
    DebtEntry,
    DebtRepository,
    FactsRepository,
    PatternEngine,
)
from cma_core.debts.priority import PriorityAssessment, classify
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.overrides import apply_overrides
from cma_core.reference.ports import CentreReference, ReferenceDataRepository
from cma_core.reference.thresholds import ThresholdTable, default_thresholds, parse_thresholds
from cma_core.shared.clock import Clock
from cma_core.shared.errors import Conflict, NotFound, ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.paging import keyset_slice
from cma_core.shared.service import IdFactory, check_page, check_version, optional_text
from cma_core.shared.text import check_line, check_text
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory

# ------------------------------------------------------------------------------ events


# ------------------------------------------------------------------------------ helpers


async def creditor_names(creditors: CreditorDirectory) -> dict[CreditorId, str]:
    """The centre's creditor directory as id -> name, to label debts (one query)."""
    return {e.id: e.creditor.name for e in await creditors.list()}


def national_thresholds_of(ref: CentreReference | None) -> ThresholdTable:
    """The national table: the one the centre loaded, else the one shipped with CMA."""
    if ref is None or ref.thresholds_json is None:
        return default_thresholds()
    return parse_thresholds(json.loads(ref.thresholds_json)["records"])


def thresholds_of(ref: CentreReference | None) -> ThresholdTable:
    """The figures the rules read: the national table with the centre's overrides."""
    table = national_thresholds_of(ref)
    return table if ref is None else apply_overrides(table, ref.threshold_overrides)


# ------------------------------------------------------------------------------ commands


@frozen(kw_only=True)
class CreditorDetails:
    name: str
    address: str | None = None
    email: str | None = None
    phone: str | None = None
    reference_pattern: str | None = None

    def check(self, patterns: PatternEngine) -> None:
        """The bounds the HTTP schema states, again for the CLI and worker paths.

        Raises:
            ValidationError: naming the field (too long, a control character, a pattern
                RE2 cannot run).
        """
        check_line(self.name, "name", max_length=200)
        check_text(self.address or "", "address", max_length=4000)
        check_line(self.email or "", "email", max_length=254)
        check_line(self.phone or "", "phone", max_length=40)
        check_line(self.reference_pattern or "", "reference_pattern", max_length=200)
        check_reference_pattern(patterns, optional_text(self.reference_pattern))


@frozen(kw_only=True)
class DebtDetails:
    """Everything an adviser enters about a debt (money in pence)."""

    debt_type: DebtType
    balance: Money
    creditor_id: CreditorId | None = None
    arrears: Money | None = None
    contractual_payment: Money | None = None
    ownership: Ownership | None = None
    account_reference: str | None = None
    ccj: bool | None = None
    enforcement_stage: EnforcementStage | None = None
    last_payment_date: dt.date | None = None
    last_acknowledgment_date: dt.date | None = None
    hp_goods_essential: bool | None = None
    priority_override: bool | None = None
    priority_override_reason: str | None = None
    notes: str | None = None
    ccj_date: dt.date | None = None
    ccj_paid_date: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        check_line(self.account_reference or "", "account_reference", max_length=64)
        if self.ccj_paid_date is not None:
            if self.ccj_date is None:
                raise ValidationError(
                    "ccj_date", "give the judgment's date with the day it was paid"
                )
            if self.ccj_paid_date < self.ccj_date:
                raise ValidationError("ccj_paid_date", "cannot be before the judgment's date")
        check_line(self.priority_override_reason or "", "priority_override_reason")
        check_text(self.notes or "", "notes", max_length=4000)


@frozen(kw_only=True)
class FactsDetails:
    jurisdiction: Jurisdiction | None = None
    assets: AssetSchedule = field(factory=AssetSchedule)
    insolvency: InsolvencyHistory = field(factory=InsolvencyHistory)
    residence: ResidenceFacts = field(factory=ResidenceFacts)
    benefits_only_months: int | None = None
    unable_to_pay_debts_as_due: bool | None = None
    amhp_evidence: bool | None = None
    receiving_crisis_treatment: bool | None = None
    lump_sum_available: Money | None = None


def _creditor_key(e: CreditorEntry) -> tuple[str, uuid.UUID]:
    """The directory's order (as stored: the name in lower case, then id) and cursor."""
    return (e.creditor.name.lower()[:200], e.id)


def _debt_key(v: DebtView) -> tuple[dt.datetime, uuid.UUID]:
    """A case's debts' order (oldest first) and cursor."""
    return (v.entry.created_at, v.entry.id)


LEARN_FROM = 20
"""How many of a creditor's newest debts' references its format is learned from."""


class FormatSource(enum.StrEnum):
    """Where a creditor's reference format comes from."""

    DIRECTORY = "directory"
    LEARNED = "learned"
    NONE = "none"


@frozen(kw_only=True)
class ReferenceFormat:
    """How a creditor's account references look (``DebtService.reference_format``).

    ``source``: ``directory`` (the format an adviser set), ``learned`` (the shape most of
    the references of the centre's debts owed to it share: ``example`` shows it, from
    ``references`` of them) or ``none``. ``fits``: whether the reference asked about fits
    it (``None``: none asked, or no format)."""

    creditor_id: CreditorId
    source: FormatSource
    pattern: str | None = None
    example: str | None = None
    references: int = 0
    fits: bool | None = None


@frozen(kw_only=True)
class DebtView:
    """A debt with what the rules say about it today."""

    entry: DebtEntry
    creditor: Creditor | None
    priority: PriorityAssessment
    limitation: LimitationAssessment
    reference_matches: bool | None
    """Whether the account reference fits the creditor's format: the directory's, else
    the shape learned from the references of the centre's other debts owed to it
    (``reference_format``); ``None`` when there is no reference, creditor or format."""
    ccj: CcjAssessment | None = None
    reference_format: FormatSource = FormatSource.NONE
    """Which format ``reference_matches`` judged by."""


_DEBT_FIELDS = (
    "debt_type",
    "balance",
    "creditor_id",
    "arrears",
    "contractual_payment",
    "ownership",
    "account_reference",
    "ccj",
    "enforcement_stage",
    "last_payment_date",
    "last_acknowledgment_date",
    "hp_goods_essential",
    "ccj_date",
    "ccj_paid_date",
)
#: The fields a new debt's audit entry names (``debt.created``).
DEBT_FIELDS = _DEBT_FIELDS

#: The fields a ``PATCH`` may change (the details an adviser enters).
PATCHABLE = frozenset(attrs.fields_dict(DebtDetails))


def details_of(entry: DebtEntry) -> DebtDetails:
    """The details an adviser entered that made ``entry`` (the inverse of building it)."""
    d = entry.debt
    override = d.priority_override
    return DebtDetails(
        **{name: getattr(d, name) for name in _DEBT_FIELDS},
        priority_override=override.is_priority if override else None,
        priority_override_reason=override.reason if override else None,
        notes=entry.notes,
    )


# ------------------------------------------------------------------------------ service


@define
class DebtService:
    """Creditor directory, debts on a case, and the case's financial facts."""

    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    creditors: RepositoryFactory[CreditorDirectory] = field(kw_only=True)
    debts: RepositoryFactory[DebtRepository] = field(kw_only=True)
    facts: RepositoryFactory[FactsRepository] = field(kw_only=True)
    reference: RepositoryFactory[ReferenceDataRepository] = field(kw_only=True)
    #: Runs creditors' ``reference_pattern`` (user input: never Python's backtracking ``re``).
    patterns: PatternEngine = field(kw_only=True)

    # -- creditors

    async def add_creditor(self, ctx: TenantContext, details: CreditorDetails) -> CreditorEntry:
        ctx.require(Permission.FINANCE_WRITE)
        details.check(self.patterns)
        now = self.clock.now()
        entry = CreditorEntry(
            creditor=Creditor(
                id=CreditorId(self.new_id()),
                centre_id=ctx.centre_id,
                name=details.name.strip(),
                address=optional_text(details.address),
                email=optional_text(details.email),
                phone=optional_text(details.phone),
                reference_pattern=optional_text(details.reference_pattern),
            ),
            created_at=now,
        )
        async with self.uow(ctx.centre_id) as uow:
            await self.creditors(uow).add(entry)
            await commit_audited(
                uow, ctx, self.new_id, "creditor.created", "creditor", entry.id, now, ("name",)
            )
        return entry

    async def update_creditor(
        self,
        ctx: TenantContext,
        creditor_id: CreditorId,
        details: CreditorDetails,
        *,
        expected_version: int | None,
    ) -> CreditorEntry:
        ctx.require(Permission.FINANCE_WRITE)
        details.check(self.patterns)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.creditors(uow)
            entry = await repo.get(creditor_id)
            if entry is None:
                raise NotFound("creditor", creditor_id)
            check_version("creditor", expected_version, entry.version)
            entry.creditor = Creditor(
                id=entry.creditor.id,
                centre_id=entry.creditor.centre_id,
                name=details.name.strip(),
                address=optional_text(details.address),
                email=optional_text(details.email),
                phone=optional_text(details.phone),
                reference_pattern=optional_text(details.reference_pattern),
            )
            await repo.save(entry)
            await commit_audited(
                uow, ctx, self.new_id, "creditor.updated", "creditor", entry.id, now, ("details",)
            )
        return entry

    async def list_creditors(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        name: str | None = None,
        cursor: str | None = None,
    ) -> Page[CreditorEntry]:
        """By name (case-insensitive, then id); ``cursor`` (a page's ``next_cursor``)
        continues after that page."""
        ctx.require(Permission.FINANCE_READ)
        check_page(limit, offset)
        async with self.uow(ctx.centre_id) as uow:
            rows = sorted(await self.creditors(uow).list(), key=_creditor_key)
        if name:
            wanted = name.strip().casefold()
            rows = [r for r in rows if wanted in r.creditor.name.casefold()]
        return keyset_slice(
            rows, limit=limit, offset=offset, cursor=cursor, key=_creditor_key,
            kinds=(str, uuid.UUID),
        )  # fmt: skip

    async def get_creditor(self, ctx: TenantContext, creditor_id: CreditorId) -> CreditorEntry:
        ctx.require(Permission.FINANCE_READ)
        async with self.uow(ctx.centre_id) as uow:
            entry = await self.creditors(uow).get(creditor_id)
        if entry is None:
            raise NotFound("creditor", creditor_id)
        return entry

    async def reference_format(
        self, ctx: TenantContext, creditor_id: CreditorId, reference: str | None = None
    ) -> ReferenceFormat:
        """How the creditor's account references look: the directory's format where one
        is set, else the shape learned from the references of the centre's debts owed to
        it (``debts.formats``), else none; and whether ``reference``, if given, fits it.

        ``reference`` is judged as a debt's is in the debt view: by the other references,
        itself and its copies left out, so a debt's form and the debt list agree."""
        ctx.require(Permission.FINANCE_READ)
        check_line(reference or "", "reference", max_length=64)
        text = reference.strip() if reference and reference.strip() else None
        async with self.uow(ctx.centre_id) as uow:
            entry = await self.creditors(uow).get(creditor_id)
            if entry is None:
                raise NotFound("creditor", creditor_id)
            creditor = entry.creditor
            learned = None
            if creditor.reference_pattern is None:
                found = await self.debts(uow).references_to(creditor_id, limit=LEARN_FROM + 1)
                learned = learned_reference_format(_leave_out(found, text))
        if creditor.reference_pattern is not None:
            fits = None if text is None else creditor.reference_matches(text, self.patterns)
            return ReferenceFormat(
                creditor_id=creditor_id, source=FormatSource.DIRECTORY,
                pattern=creditor.reference_pattern, fits=fits,
            )  # fmt: skip
        if learned is not None:
            return ReferenceFormat(
                creditor_id=creditor_id, source=FormatSource.LEARNED, pattern=learned.pattern,
                example=learned.example, references=learned.references,
                fits=None if text is None else learned.fits(text, self.patterns),
            )  # fmt: skip
        return ReferenceFormat(creditor_id=creditor_id, source=FormatSource.NONE)

    # -- debts

    def build_debt(
        self, ctx: TenantContext, case_id: CaseId, details: DebtDetails, *, today: dt.date
    ) -> Debt:
        """A new debt of ``case_id`` from ``details``, checked by the rules ``add_debt``
        applies (money bounds, dates not in the future, an override's reason), not stored:
        for bulk imports, which write many at once (``ValidationError`` names the field)."""
        return self._build_debt(
            ctx, case_id, DebtId(self.new_id()), details, previous=None, today=today
        )

    def _build_debt(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId,
        d: DebtDetails,
        *,
        previous: PriorityOverride | None,
        today: dt.date,
    ) -> Debt:
        debt = Debt(
            id=debt_id,
            centre_id=ctx.centre_id,
            case_id=case_id,
            creditor_id=d.creditor_id,
            debt_type=d.debt_type,
            balance=Money.of(d.balance.pence, field="balance_pence"),
            arrears=None if d.arrears is None else Money.of(d.arrears.pence, field="arrears_pence"),
            contractual_payment=None
            if d.contractual_payment is None
            else Money.of(d.contractual_payment.pence, field="contractual_payment_pence"),
            ownership=d.ownership,
            account_reference=optional_text(d.account_reference),
            ccj=d.ccj,
            enforcement_stage=d.enforcement_stage,
            last_payment_date=_not_future(d.last_payment_date, "last_payment_date", today),
            last_acknowledgment_date=_not_future(
                d.last_acknowledgment_date, "last_acknowledgment_date", today
            ),
            hp_goods_essential=d.hp_goods_essential,
            ccj_date=_not_future(d.ccj_date, "ccj_date", today),
            ccj_paid_date=_not_future(d.ccj_paid_date, "ccj_paid_date", today),
        )
        if d.priority_override is not None:
            reason = (d.priority_override_reason or "").strip()
            if not reason:
                raise ValidationError(
                    "priority_override_reason", "a reason must be recorded with an override"
                )
            if (
                previous is not None
                and previous.is_priority == d.priority_override
                and previous.reason == reason
            ):
                debt.priority_override = previous
            else:
                debt.override_priority(
                    is_priority=d.priority_override, reason=reason, by=ctx.user_id, on=today
                )
        return debt

    async def _check_creditor(self, uow: UnitOfWork, creditor_id: CreditorId | None) -> None:
        if creditor_id is not None and await self.creditors(uow).get(creditor_id) is None:
            raise ValidationError("creditor_id", "no such creditor in this centre's directory")

    async def add_debt(self, ctx: TenantContext, case_id: CaseId, details: DebtDetails) -> DebtView:
        ctx.require(Permission.FINANCE_WRITE)
        async with self.uow(ctx.centre_id) as uow:
            view = await self.add_debt_in(uow, ctx, case_id, details)
            await uow.commit()
        return view

    async def add_debt_in(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        details: DebtDetails,
        *,
        staged_creditor: CreditorId | None = None,
    ) -> DebtView:
        """``add_debt`` inside the caller's unit of work, which commits (or not): for use
        cases that add a debt together with other changes (accepting a suggestion drawn
        from a document), all or nothing. ``staged_creditor`` is a creditor the caller
        added in this same unit of work (``creditor_named_in``), taken as existing."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        (await load_case(self.cases(uow), ctx, case_id, for_change=True)).require_open("add a debt")
        if details.creditor_id is None or details.creditor_id != staged_creditor:
            await self._check_creditor(uow, details.creditor_id)
        debt = self._build_debt(
            ctx, case_id, DebtId(self.new_id()), details, previous=None, today=now.date()
        )
        entry = DebtEntry(
            debt=debt, notes=optional_text(details.notes), created_at=now, updated_at=now
        )
        await self.debts(uow).add(entry)
        await record_audit(
            uow, ctx, self.new_id, "debt.created", "debt", debt.id, now, _DEBT_FIELDS
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
        return await self._view(uow, entry, now.date())

    async def update_balance_in(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId,
        balance: Money,
        *,
        expected_balance: Money | None = None,
        note: str | None = None,
        stage: EnforcementStage | None = None,
    ) -> DebtView:
        """Set a debt's balance inside the caller's unit of work (which commits, or not):
        for accepting a suggestion drawn from a creditor's letter, all or nothing. With
        ``stage`` (how far recovery has gone, as the paper shows), the debt's stage moves
        on to it where that is further along (``advanced_stage``); a judgment also records
        the debt's county court judgment.

        ``NotFound`` if the debt is gone or not on ``case_id``; ``Conflict`` if its balance
        is no longer ``expected_balance`` (someone changed it since). The save is checked
        against the debt's version, so a concurrent edit fails the whole transaction
        (``StaleVersion``). Audited ``debt.updated`` with field names only. ``note`` is
        added to the debt's notes.
        """
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        (await load_case(self.cases(uow), ctx, case_id, for_change=True)).require_open(
            "change a debt"
        )
        repo = self.debts(uow)
        entry = await self._debt_on_case(uow, case_id, debt_id)
        if expected_balance is not None and entry.debt.balance != expected_balance:
            raise Conflict(
                f"the debt's balance changed since the suggestion was made "
                f"(now {entry.debt.balance}); review the debt instead"
            )
        changed: tuple[str, ...] = ()
        new_balance = Money.of(balance.pence, field="balance_pence")
        if entry.debt.balance != new_balance:
            entry.debt = attrs.evolve(entry.debt, balance=new_balance)
            changed += ("balance",)
        moved = advanced_stage(entry.debt.enforcement_stage, stage) if stage else None
        if moved is not None:
            entry.debt = attrs.evolve(entry.debt, enforcement_stage=moved)
            changed += ("enforcement_stage",)
        if stage is EnforcementStage.JUDGMENT and entry.debt.ccj is not True:
            entry.debt = attrs.evolve(entry.debt, ccj=True)
            changed += ("ccj",)
        if note and note.strip():
            entry.notes = "\n".join(n for n in (entry.notes, note.strip()) if n)
            changed += ("notes",)
        if changed:
            entry.updated_at = now
            await repo.save(entry)
            await record_audit(uow, ctx, self.new_id, "debt.updated", "debt", debt_id, now, changed)
            uow.emit(
                DebtUpdated(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    debt_id=debt_id,
                    fields=changed,
                    updated_by=ctx.user_id,
                ),
            )
        return await self._view(uow, entry, now.date())

    async def creditor_named_in(self, uow: UnitOfWork, ctx: TenantContext, name: str) -> CreditorId:
        """The directory's creditor of that name (ignoring case and outer spaces), added to
        the directory (audited) if there is none, inside the caller's unit of work."""
        ctx.require(Permission.FINANCE_WRITE)
        wanted = name.strip().casefold()
        if not wanted:
            raise ValidationError("creditor_name", "must not be blank")
        repo = self.creditors(uow)
        for entry in await repo.list():
            if entry.creditor.name.strip().casefold() == wanted:
                return entry.id
        now = self.clock.now()
        entry = CreditorEntry(
            creditor=Creditor(
                id=CreditorId(self.new_id()), centre_id=ctx.centre_id, name=name.strip()
            ),
            created_at=now,
        )
        await repo.add(entry)
        await record_audit(
            uow, ctx, self.new_id, "creditor.created", "creditor", entry.id, now, ("name",)
        )
        return entry.id

    async def update_debt(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId,
        details: DebtDetails,
        *,
        expected_version: int | None,
    ) -> DebtView:
        """Replace the debt's details (a ``PUT``)."""
        return await self._edit_debt(
            ctx, case_id, debt_id, lambda _: details, expected_version=expected_version
        )

    async def patch_debt(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None,
    ) -> DebtView:
        """Change only the details given (a ``PATCH``); the others keep their value. A key
        with ``None`` clears that detail. Audited and announced (``DebtUpdated``) like a
        ``PUT``, so compliance re-evaluates the case."""
        unknown = sorted(set(changes) - PATCHABLE)
        if unknown:
            raise ValidationError(unknown[0], "is not a detail of a debt")
        if "debt_type" in changes and changes["debt_type"] is None:
            raise ValidationError("debt_type", "a debt always has a type")
        if "balance" in changes and changes["balance"] is None:
            raise ValidationError("balance_pence", "a debt always has a balance")
        return await self._edit_debt(
            ctx,
            case_id,
            debt_id,
            lambda entry: attrs.evolve(details_of(entry), **changes),
            expected_version=expected_version,
        )

    async def _edit_debt(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId,
        edit: Callable[[DebtEntry], DebtDetails],
        *,
        expected_version: int | None,
    ) -> DebtView:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="change a debt"
        ) as (uow, _):
            entry = await self._debt_on_case(uow, case_id, debt_id, expected_version)
            details = edit(entry)
            await self._check_creditor(uow, details.creditor_id)
            before = entry.debt
            after = self._build_debt(
                ctx,
                case_id,
                debt_id,
                details,
                previous=before.priority_override,
                today=now.date(),
            )
            changed = tuple(f for f in _DEBT_FIELDS if getattr(before, f) != getattr(after, f))
            if before.priority_override != after.priority_override:
                changed += ("priority_override",)
            if entry.notes != optional_text(details.notes):
                changed += ("notes",)
            if changed:
                entry.debt = after
                entry.notes = optional_text(details.notes)
                entry.updated_at = now
                await self.debts(uow).save(entry)
                await record_audit(
                    uow, ctx, self.new_id, "debt.updated", "debt", debt_id, now, changed
                )
                uow.emit(
                    DebtUpdated(
                        centre_id=ctx.centre_id,
                        occurred_at=now,
                        case_id=case_id,
                        debt_id=debt_id,
                        fields=changed,
                        updated_by=ctx.user_id,
                    ),
                )
            view = await self._view(uow, entry, now.date())
            await uow.commit()
        return view

    async def remove_debt(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        debt_id: DebtId,
        *,
        expected_version: int | None,
    ) -> None:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="remove a debt"
        ) as (uow, _):
            entry = await self._debt_on_case(uow, case_id, debt_id, expected_version)
            await self.debts(uow).remove(entry)
            await record_audit(uow, ctx, self.new_id, "debt.removed", "debt", debt_id, now)
            uow.emit(
                DebtRemoved(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    debt_id=debt_id,
                    removed_by=ctx.user_id,
                ),
            )
            await uow.commit()

    async def get_debt(self, ctx: TenantContext, case_id: CaseId, debt_id: DebtId) -> DebtView:
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            entry = await self._debt_on_case(uow, case_id, debt_id)
            return await self._view(uow, entry, self.clock.now().date())

    async def list_debts(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        debt_type: DebtType | None = None,
        priority: bool | None = None,
        creditor_id: CreditorId | None = None,
        cursor: str | None = None,
    ) -> Page[DebtView]:
        """The case's debts, oldest first, filtered by type, priority and creditor;
        ``cursor`` (a page's ``next_cursor``) continues after that page."""
        today = self.clock.now().date()
        scope = case_scope(self, ctx, case_id, Permission.FINANCE_READ, page=(limit, offset))
        async with scope as (uow, _):
            judging = await self._judging(uow, case_id)
            views = [
                await self._view(uow, e, today, judging)
                for e in await self.debts(uow).list_for_case(case_id)
            ]
        views = [
            v
            for v in views
            if (debt_type is None or v.entry.debt.debt_type is debt_type)
            and (priority is None or v.priority.is_priority is priority)
            and (creditor_id is None or v.entry.debt.creditor_id == creditor_id)
        ]
        views.sort(key=_debt_key)
        return keyset_slice(
            views, limit=limit, offset=offset, cursor=cursor, key=_debt_key,
            kinds=(dt.datetime, uuid.UUID),
        )  # fmt: skip

    async def _debt_on_case(
        self,
        uow: UnitOfWork,
        case_id: CaseId,
        debt_id: DebtId,
        expected_version: int | None = None,
    ) -> DebtEntry:
        """The debt, if it is on ``case_id`` (``NotFound`` otherwise), at the version the
        caller expects (``StaleVersion`` otherwise)."""
        entry = await self.debts(uow).get(debt_id)
        if entry is None or entry.case_id != case_id:
            raise NotFound("debt", debt_id)
        check_version("debt", expected_version, entry.version)
        return entry

    async def _view(
        self, uow: UnitOfWork, entry: DebtEntry, today: dt.date, judging: _Judging | None = None
    ) -> DebtView:
        """``entry`` with what the rules say of it today; ``judging`` holds what a list of
        one case's debts is judged with, read once for the list, not once a debt."""
        if judging is None:
            judging = await self._judging(uow, entry.case_id)
        creditor = None
        if entry.debt.creditor_id is not None:
            creditor = await judging.creditor(uow, self, entry.debt.creditor_id)
        matches, source = await self._reference_check(uow, entry.debt, creditor, judging)
        return DebtView(
            entry=entry,
            creditor=creditor,
            priority=classify(entry.debt),
            limitation=assess_limitation(entry.debt, today, judging.jurisdiction, judging.table),
            reference_matches=matches,
            reference_format=source,
            ccj=assess_ccj(entry.debt, today),
        )

    async def _judging(self, uow: UnitOfWork, case_id: CaseId) -> _Judging:
        facts = await self.facts(uow).get(case_id)
        return _Judging(
            jurisdiction=facts.jurisdiction if facts and facts.jurisdiction else Jurisdiction.EW,
            table=thresholds_of(await self.reference(uow).get()),
        )

    async def _reference_check(
        self,
        uow: UnitOfWork,
        debt: Debt,
        creditor: Creditor | None,
        judging: _Judging,
    ) -> tuple[bool | None, FormatSource]:
        """Whether ``debt``'s reference fits its creditor's format, and which format: the
        directory's where set; else the shape learned from the creditor's other references,
        this debt's own and any copy of it left out (a debt does not vouch for itself, nor
        does the same reference on a second debt; one reference alone teaches nothing). A
        typo whose shape another of the creditor's references also has is not caught:
        every shape the centre holds for a creditor counts as its (``LearnedFormat``)."""
        reference = debt.account_reference
        if creditor is None or reference is None or not reference.strip():
            return None, FormatSource.NONE
        if creditor.reference_pattern is not None:  # None if the engine refuses it
            return creditor.reference_matches(reference, self.patterns), FormatSource.DIRECTORY
        references = judging.references.get(creditor.id)
        if references is None:
            references = await self.debts(uow).references_to(creditor.id, limit=LEARN_FROM + 1)
            judging.references[creditor.id] = references
        learned = learned_reference_format(_leave_out(references, reference))
        if learned is None:
            return None, FormatSource.NONE
        return learned.fits(reference, self.patterns), FormatSource.LEARNED

    # -- facts (assets, insolvency history, residence)

    async def get_facts(self, ctx: TenantContext, case_id: CaseId) -> CaseFinancialFacts:
        """The recorded facts; a case with none gets an all-unknown record (version 0)."""
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            found = await self.facts(uow).get(case_id)
        if found is not None:
            return found
        now = self.clock.now()
        return CaseFinancialFacts(
            case_id=case_id, centre_id=ctx.centre_id, created_at=now, updated_at=now, version=0
        )

    async def put_facts(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        details: FactsDetails,
        *,
        expected_version: int | None,
    ) -> CaseFinancialFacts:
        """Replace the case's facts. The first write needs no version; later ones do."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        if details.benefits_only_months is not None and details.benefits_only_months < 0:
            raise ValidationError("benefits_only_months", "must not be negative")
        if details.lump_sum_available is not None and details.lump_sum_available.is_negative:
            raise ValidationError("lump_sum_available_pence", "must not be negative")
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="change the case's facts"
        ) as (uow, _):
            repo = self.facts(uow)
            current = await repo.get(case_id)
            values = {
                "jurisdiction": details.jurisdiction,
                "assets": details.assets,
                "insolvency": details.insolvency,
                "residence": details.residence,
                "benefits_only_months": details.benefits_only_months,
                "unable_to_pay_debts_as_due": details.unable_to_pay_debts_as_due,
                "amhp_evidence": details.amhp_evidence,
                "receiving_crisis_treatment": details.receiving_crisis_treatment,
                "lump_sum_available": details.lump_sum_available,
            }
            if current is None:
                check_version("facts", expected_version, 0)
                current = CaseFinancialFacts(
                    case_id=case_id,
                    centre_id=ctx.centre_id,
                    created_at=now,
                    updated_at=now,
                    **values,  # type: ignore[arg-type]
                )
                await repo.add(current)
                action = "facts.created"
            else:
                check_version("facts", expected_version, current.version)
                for key, value in values.items():
                    setattr(current, key, value)
                current.updated_at = now
                await repo.save(current)
                action = "facts.updated"
            uow.emit(
                FactsChanged(
                    centre_id=ctx.centre_id,
                    occurred_at=now,
                    case_id=case_id,
                    changed_by=ctx.user_id,
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, action, "case_facts", case_id, now, tuple(values)
            )
        return current


def _not_future(value: dt.date | None, name: str, today: dt.date) -> dt.date | None:
    if value is not None and value > today:
        raise ValidationError(name, "must not be in the future")
    return value


@define
class _Judging:
    """What one case's debts are judged with (``DebtService._view``), read once for a list:
    the case's jurisdiction, the centre's thresholds, and each creditor on the debts with
    the references the centre holds for it."""

    jurisdiction: Jurisdiction
    table: ThresholdTable
    creditors: dict[CreditorId, Creditor | None] = field(factory=dict)
    references: dict[CreditorId, Sequence[str]] = field(factory=dict)

    async def creditor(
        self, uow: UnitOfWork, service: DebtService, creditor_id: CreditorId
    ) -> Creditor | None:
        if creditor_id not in self.creditors:
            found = await service.creditors(uow).get(creditor_id)
            self.creditors[creditor_id] = found.creditor if found else None
        return self.creditors[creditor_id]


def _leave_out(references: Sequence[str], own: str | None) -> list[str]:
    """``references`` (newest first) without ``own`` or any copy of it (compared without
    spaces or case: a reference on two debts, or added twice, does not vouch for itself),
    at most ``LEARN_FROM`` of them; ``own`` ``None``: the first ``LEARN_FROM``."""
    key = None if own is None else _key(own)
    return [r for r in references if _key(r) != key][:LEARN_FROM]


def _key(reference: str) -> str:
    return "".join(reference.split()).casefold()
