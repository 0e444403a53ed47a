"""A case's settlements (CR-19), complaints (CR-24) and Breathing Space applications
(CR-15…CR-17): recorded, corrected, listed.

* **Settlements.** A full-and-final settlement of one of the case's debts: the amount, the
  creditor's written acceptance (the date, and the document on the case that holds it)
  and the payment. A payment can be recorded without an acceptance on file, because the
  record must say what happened; CR-19 then fails the case with the fix to make.
* **Complaints.** The centre's complaints register, per case: received on, kind (service
  or data protection), acknowledged on, final response on. CR-24 reads the limits from the
  centre's compliance policy (DISP 8 weeks; data-protection acknowledgement 30 days from
  19 June 2026, UK-DEBT-ADVICE §6.1).
* **Breathing Space.** Each application: the kind, the reg 24(3) checks, the advice given
  before applying, any fee, the midway review and creditors' review requests
  (``casework.breathing_space``). Its first day comes from the case clock.

Every change is audited (field names, never values) and emits ``CaseworkChanged``, on
which compliance re-evaluates the case. Edits take ``If-Match`` (the record's version).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from attrs import define, field, frozen

from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope
from cma_core.casework.breathing_space import BreathingSpaceDetails, breathing_space_values
from cma_core.casework.model import (
    BreathingSpace,
    Complaint,
    ComplaintKind,
    MoratoriumKind,
    Settlement,
)
from cma_core.casework.ports import (
    BreathingSpaceRepository,
    ComplaintRepository,
    SettlementRepository,
)
from cma_core.casework.service import casework_changed
from cma_core.debts.model import DebtId
from cma_core.debts.ports import CreditorDirectory, DebtRepository
from cma_core.documents.ports import DocumentRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.scheduling.service import local_date
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.paging import keyset_slice
from cma_core.shared.service import IdFactory, check_version, on_case, optional_text
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory

NOTE_MAX = 2000
SUMMARY_MAX = 4000


@frozen(kw_only=True)
class SettlementDetails:
    debt_id: uuid.UUID
    amount: Money
    accepted_on: dt.date | None = None
    acceptance_document_id: uuid.UUID | None = None
    paid_on: dt.date | None = None
    note: str | None = None


@frozen(kw_only=True)
class ComplaintDetails:
    kind: ComplaintKind
    received_on: dt.date
    summary: str
    acknowledged_on: dt.date | None = None
    final_response_on: dt.date | None = None
    outcome: str | None = None


def _text(value: str | None, name: str, limit: int, *, required: bool = False) -> str | None:
    text = optional_text(value)
    if text is None and required:
        raise ValidationError(name, "must not be blank")
    if text is not None and len(text) > limit:
        raise ValidationError(name, f"must be at most {limit} characters")
    return text


def _not_future(day: dt.date | None, name: str, today: dt.date) -> dt.date | None:
    if day is not None and day > today:
        raise ValidationError(name, "must not be in the future")
    return day


def _not_before(day: dt.date | None, name: str, start: dt.date, start_name: str) -> None:
    if day is not None and day < start:
        raise ValidationError(name, f"must not be before {start_name}")


def settlement_values(d: SettlementDetails, today: dt.date) -> dict[str, Any]:
    """The checked values of a settlement (``ValidationError`` naming the field)."""
    if d.amount.pence <= 0:
        raise ValidationError("amount", "must be more than nothing")
    if d.acceptance_document_id is not None and d.accepted_on is None:
        raise ValidationError("accepted_on", "required with an acceptance document")
    return {
        "debt_id": d.debt_id,
        "amount": d.amount,
        "accepted_on": _not_future(d.accepted_on, "accepted_on", today),
        "acceptance_document_id": d.acceptance_document_id,
        "paid_on": _not_future(d.paid_on, "paid_on", today),
        "note": _text(d.note, "note", NOTE_MAX),
    }


def complaint_values(d: ComplaintDetails, today: dt.date) -> dict[str, Any]:
    """The checked values of a complaint (``ValidationError`` naming the field)."""
    received = _not_future(d.received_on, "received_on", today)
    assert received is not None
    for name in ("acknowledged_on", "final_response_on"):
        _not_future(getattr(d, name), name, today)
        _not_before(getattr(d, name), name, received, "received_on")
    return {
        "kind": d.kind,
        "received_on": received,
        "summary": _text(d.summary, "summary", SUMMARY_MAX, required=True),
        "acknowledged_on": d.acknowledged_on,
        "final_response_on": d.final_response_on,
        "outcome": _text(d.outcome, "outcome", SUMMARY_MAX),
    }


def _merged(record: Any, details_type: type[Any], changes: Mapping[str, Any]) -> Any:
    known = {a.name for a in attrs.fields(details_type)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise ValidationError(unknown[0], "cannot be changed")
    return details_type(**{**{n: getattr(record, n) for n in known}, **changes})


@define
class CaseRegisterService:
    uow: UnitOfWorkFactory
    clock: Clock
    timezone: str = "Europe/London"
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    debts: RepositoryFactory[DebtRepository] = field(kw_only=True)
    creditors: RepositoryFactory[CreditorDirectory] = field(kw_only=True)
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    settlements: RepositoryFactory[SettlementRepository] = field(kw_only=True)
    complaints: RepositoryFactory[ComplaintRepository] = field(kw_only=True)
    breathing_spaces: RepositoryFactory[BreathingSpaceRepository] = field(kw_only=True)

    def _today(self) -> dt.date:
        return local_date(self.clock.now(), self.timezone)

    def _apply(
        self,
        record: Any,
        details: type[Any],
        validate: Callable[[Any, dt.date], dict[str, Any]],
        changes: Mapping[str, Any],
    ) -> tuple[str, ...]:
        """Check ``record`` with ``changes`` merged in (``validate``, naming the field at
        fault) and set the values that differ; their names (none: nothing changed)."""
        values = validate(_merged(record, details, changes), self._today())
        changed = tuple(k for k, v in values.items() if getattr(record, k) != v)
        for name in changed:
            setattr(record, name, values[name])
        if changed:
            record.updated_at = self.clock.now()
        return changed

    async def _changed(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        record: str,
        record_id: uuid.UUID,
        action: str,
        fields: tuple[str, ...],
    ) -> None:
        await casework_changed(
            uow, ctx, self.new_id, case_id, (record, record_id, action), fields, self.clock.now()
        )

    # ----------------------------------------------------------------- settlements

    async def _creditor_of(self, uow: UnitOfWork, case_id: CaseId, debt_id: uuid.UUID) -> str:
        entry = await self.debts(uow).get(DebtId(debt_id))
        if entry is None or entry.debt.case_id != case_id:
            raise ValidationError("debt_id", "no such debt on this case")
        creditor_id = entry.debt.creditor_id
        found = await self.creditors(uow).get(creditor_id) if creditor_id else None
        return found.creditor.name if found else f"debt {debt_id}"

    async def _check_document(
        self, uow: UnitOfWork, case_id: CaseId, document_id: uuid.UUID | None
    ) -> None:
        if document_id is None:
            return
        doc = await self.documents(uow).get(document_id)  # type: ignore[arg-type]
        if doc is None or doc.case_id != case_id:
            raise ValidationError("acceptance_document_id", "no such document on this case")

    async def record_settlement(
        self, ctx: TenantContext, case_id: CaseId, d: SettlementDetails
    ) -> Settlement:
        """Record a settlement of one of the case's debts (acceptance and payment optional)."""
        values = settlement_values(d, self._today())
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            creditor = await self._creditor_of(uow, case_id, d.debt_id)
            await self._check_document(uow, case_id, d.acceptance_document_id)
            settlement = Settlement(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                creditor=creditor,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
                **values,
            )
            await self.settlements(uow).add(settlement)
            await self._changed(
                uow, ctx, case_id, "settlement", settlement.id, "recorded", tuple(values)
            )
        return settlement

    async def update_settlement(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        settlement_id: uuid.UUID,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None,
    ) -> Settlement:
        """Record the acceptance or the payment, or correct a field (``If-Match``)."""
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            s = await self._settlement(uow, case_id, settlement_id)
            check_version("settlement", expected_version, s.version)
            values = settlement_values(_merged(s, SettlementDetails, changes), self._today())
            changed = tuple(k for k, v in values.items() if getattr(s, k) != v)
            if not changed:
                return s
            if "debt_id" in changed:
                s.creditor = await self._creditor_of(uow, case_id, values["debt_id"])
            if "acceptance_document_id" in changed:
                await self._check_document(uow, case_id, values["acceptance_document_id"])
            for name in changed:
                setattr(s, name, values[name])
            s.updated_at = self.clock.now()
            await self.settlements(uow).save(s)
            await self._changed(uow, ctx, case_id, "settlement", s.id, "updated", changed)
        return s

    async def _settlement(
        self, uow: UnitOfWork, case_id: CaseId, settlement_id: uuid.UUID
    ) -> Settlement:
        found = await self.settlements(uow).get(settlement_id)
        return on_case(found, case_id, "settlement", settlement_id)

    async def get_settlement(
        self, ctx: TenantContext, case_id: CaseId, settlement_id: uuid.UUID
    ) -> Settlement:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            return await self._settlement(uow, case_id, settlement_id)

    async def list_settlements(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        paid: bool | None = None,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[Settlement]:
        """The case's settlements, oldest first; ``paid`` keeps paid (or unpaid) ones;
        ``cursor`` (a page's ``next_cursor``) continues after that page."""
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            rows = list(await self.settlements(uow).list_for_case(case_id))
        if paid is not None:
            rows = [s for s in rows if (s.paid_on is not None) is paid]
        return keyset_slice(
            rows,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=lambda s: (s.created_at, s.id),
            kinds=(dt.datetime, uuid.UUID),
        )

    # ----------------------------------------------------------------- complaints

    async def record_complaint(
        self, ctx: TenantContext, case_id: CaseId, d: ComplaintDetails
    ) -> Complaint:
        """Enter a complaint about the case in the register."""
        values = complaint_values(d, self._today())
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            complaint = Complaint(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
                **values,
            )
            await self.complaints(uow).add(complaint)
            await self._changed(
                uow, ctx, case_id, "complaint", complaint.id, "received", tuple(values)
            )
        return complaint

    async def update_complaint(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        complaint_id: uuid.UUID,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None,
    ) -> Complaint:
        """Record the acknowledgement or the final response, or correct a field."""
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            c = await self._complaint(uow, case_id, complaint_id)
            check_version("complaint", expected_version, c.version)
            changed = self._apply(c, ComplaintDetails, complaint_values, changes)
            if not changed:
                return c
            await self.complaints(uow).save(c)
            await self._changed(uow, ctx, case_id, "complaint", c.id, "updated", changed)
        return c

    async def _complaint(
        self, uow: UnitOfWork, case_id: CaseId, complaint_id: uuid.UUID
    ) -> Complaint:
        found = await self.complaints(uow).get(complaint_id)
        return on_case(found, case_id, "complaint", complaint_id)

    async def get_complaint(
        self, ctx: TenantContext, case_id: CaseId, complaint_id: uuid.UUID
    ) -> Complaint:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            return await self._complaint(uow, case_id, complaint_id)

    async def list_complaints(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        kind: ComplaintKind | None = None,
        open_only: bool = False,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[Complaint]:
        """The case's complaints by date received; ``open_only``: no final response yet;
        ``cursor`` (a page's ``next_cursor``) continues after that page."""
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            rows = list(await self.complaints(uow).list_for_case(case_id))
        rows = [
            c
            for c in rows
            if (kind is None or c.kind is kind)
            and not (open_only and c.final_response_on is not None)
        ]
        return keyset_slice(
            rows,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=lambda c: (c.received_on, c.created_at, c.id),
            kinds=(dt.date, dt.datetime, uuid.UUID),
        )

    # ----------------------------------------------------------------- breathing space

    async def record_breathing_space(
        self, ctx: TenantContext, case_id: CaseId, d: BreathingSpaceDetails
    ) -> BreathingSpace:
        """Record a Breathing Space application on the case (CR-15…CR-17 read it)."""
        values = breathing_space_values(d, self._today())
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            record = BreathingSpace(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
                **values,
            )
            await self.breathing_spaces(uow).add(record)
            await self._changed(
                uow, ctx, case_id, "breathing_space", record.id, "recorded", tuple(values)
            )
        return record

    async def update_breathing_space(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        record_id: uuid.UUID,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None,
    ) -> BreathingSpace:
        """Record the midway review, a creditor's review request, the end, or correct a
        field (``If-Match``)."""
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            b = await self._breathing_space(uow, case_id, record_id)
            check_version("breathing space", expected_version, b.version)
            changed = self._apply(b, BreathingSpaceDetails, breathing_space_values, changes)
            if not changed:
                return b
            await self.breathing_spaces(uow).save(b)
            await self._changed(uow, ctx, case_id, "breathing_space", b.id, "updated", changed)
        return b

    async def _breathing_space(
        self, uow: UnitOfWork, case_id: CaseId, record_id: uuid.UUID
    ) -> BreathingSpace:
        found = await self.breathing_spaces(uow).get(record_id)
        return on_case(found, case_id, "breathing space", record_id)

    async def get_breathing_space(
        self, ctx: TenantContext, case_id: CaseId, record_id: uuid.UUID
    ) -> BreathingSpace:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            return await self._breathing_space(uow, case_id, record_id)

    async def list_breathing_spaces(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        kind: MoratoriumKind | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[BreathingSpace]:
        """The case's Breathing Space applications, by date applied."""
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            rows = list(await self.breathing_spaces(uow).list_for_case(case_id))
        rows = [b for b in rows if kind is None or b.kind is kind]
        return Page.sliced(tuple(rows), limit, offset)
