"""Casework use cases: log contacts, tick the first-contact checklist, screen for
vulnerability, record credit reports (their accounts become debt suggestions the adviser
accepts line by line) and record the client's eligibility per option.

Every change is audited (field names, never values) and emits ``CaseworkChanged``, on
which the compliance area re-evaluates the case in the worker.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import define, field, frozen

from cma_core.audit.service import commit_audited
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope
from cma_core.casework.catalogue import first_contact_checklist, screening_guide
from cma_core.casework.credit_report import lines_from, parse_report
from cma_core.casework.model import (
    SCREENING_SENSITIVE,
    CaseworkChanged,
    Channel,
    ChecklistRecord,
    Contact,
    CreditLine,
    CreditReport,
    Direction,
    EligibilityRecord,
    LineDecision,
    OptionDecision,
    Party,
    Purpose,
    ReportSource,
    Screening,
    Tick,
)
from cma_core.casework.ports import (
    ChecklistRepository,
    ContactRepository,
    CreditReportRepository,
    EligibilityRepository,
    ScreeningRepository,
)
from cma_core.debts.model import DebtId, DebtType
from cma_core.debts.service import DebtDetails, DebtService
from cma_core.documents.ports import DocumentRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.clock import Clock
from cma_core.shared.errors import Conflict, NotFound, PermissionDenied, ValidationError
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.shared.paging import keyset_slice
from cma_core.shared.service import IdFactory, check_version, on_case, optional_text
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.solutions.model import Solution

#: How far ahead of the server clock a recorded time may be (clients' clocks drift).
CLOCK_SKEW = dt.timedelta(minutes=5)
SUMMARY_MAX = 4000


def _text(value: str | None, name: str, *, limit: int, required: bool = True) -> str | None:
    text = optional_text(value)
    if text is None and required:
        raise ValidationError(name, "must not be blank")
    if text is not None and len(text) > limit:
        raise ValidationError(name, f"must be at most {limit} characters")
    return text


def _screening_key(s: Screening) -> tuple[dt.date, dt.datetime, uuid.UUID]:
    """The screenings' order (as stored: date screened, then recorded) and cursor."""
    return (s.on, s.created_at, s.id)


def _past(value: dt.datetime, name: str, now: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValidationError(name, "must include a time zone, e.g. 2026-11-30T10:00:00Z")
    if value > now + CLOCK_SKEW:
        raise ValidationError(name, "must not be in the future")
    return value.astimezone(dt.UTC)


@frozen(kw_only=True)
class ContactDetails:
    at: dt.datetime
    channel: Channel
    direction: Direction
    party: Party
    with_whom: str
    summary: str
    purpose: Purpose = Purpose.OTHER
    document_id: uuid.UUID | None = None


@frozen(kw_only=True)
class ContactFilter:
    channel: Channel | None = None
    direction: Direction | None = None
    party: Party | None = None
    purpose: Purpose | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def keeps(self, c: Contact) -> bool:
        return (
            (self.channel is None or c.channel is self.channel)
            and (self.direction is None or c.direction is self.direction)
            and (self.party is None or c.party is self.party)
            and (self.purpose is None or c.purpose is self.purpose)
            and (self.since is None or c.at >= self.since)
            and (self.until is None or c.at < self.until)
        )


@frozen(kw_only=True)
class ScreeningDetails:
    on: dt.date
    drivers: tuple[str, ...] = ()
    answers: Mapping[str, str] = attrs.field(factory=dict)
    adjustments: tuple[str, ...] = ()
    no_adjustment_reason: str | None = None
    notes: str | None = None


@frozen(kw_only=True)
class ScreeningView:
    """A screening as the reader may see it: ``withheld`` names the parts left out."""

    screening: Screening
    withheld: tuple[str, ...] = ()


@frozen(kw_only=True)
class AccountDetails:
    """One account of a report entered by hand (money in pence)."""

    lender: str
    account_type: str
    balance: Money
    account_number: str | None = None
    status: str | None = None
    default_on: dt.date | None = None
    opened_on: dt.date | None = None
    last_payment_on: dt.date | None = None


@frozen(kw_only=True)
class ChecklistView:
    record: ChecklistRecord
    missing: tuple[str, ...]  # required items not ticked yet


async def casework_changed(
    uow: UnitOfWork,
    ctx: TenantContext,
    new_id: IdFactory,
    case_id: CaseId,
    change: tuple[str, uuid.UUID, str],
    fields: tuple[str, ...],
    now: dt.datetime,
) -> None:
    """Emit ``CaseworkChanged`` (compliance re-evaluates the case on it) and commit with the
    audit entry ``<record>.<action>`` naming the ``fields`` changed, never their values;
    ``change`` is (record, record id, action)."""
    record, record_id, action = change
    uow.emit(
        CaseworkChanged(
            centre_id=ctx.centre_id,
            occurred_at=now,
            case_id=case_id,
            record=record,
            record_id=record_id,
            action=action,
            by=ctx.user_id,
        )
    )
    await commit_audited(uow, ctx, new_id, f"{record}.{action}", record, record_id, now, fields)


@define
class CaseworkService:
    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    contacts: RepositoryFactory[ContactRepository] = field(kw_only=True)
    checklists: RepositoryFactory[ChecklistRepository] = field(kw_only=True)
    screenings: RepositoryFactory[ScreeningRepository] = field(kw_only=True)
    credit_reports: RepositoryFactory[CreditReportRepository] = field(kw_only=True)
    eligibility: RepositoryFactory[EligibilityRepository] = field(kw_only=True)
    #: Accepting a credit report line adds the debt through the debts area.
    debt_service: DebtService | None = field(default=None, kw_only=True)

    async def _changed(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        record: str,
        record_id: uuid.UUID,
        action: str,
        fields: tuple[str, ...],
        now: dt.datetime,
    ) -> None:
        await casework_changed(
            uow, ctx, self.new_id, case_id, (record, record_id, action), fields, now
        )

    # ----------------------------------------------------------------- contact log

    async def _check_document(
        self, uow: UnitOfWork, case_id: CaseId, document_id: uuid.UUID | None
    ) -> None:
        if document_id is None:
            return
        doc = await self.documents(uow).get(document_id)  # type: ignore[arg-type]
        if doc is None or doc.case_id != case_id:
            raise ValidationError("document_id", "no such document on this case")

    def _contact_values(self, d: ContactDetails, now: dt.datetime) -> dict[str, Any]:
        return {
            "at": _past(d.at, "at", now),
            "channel": d.channel,
            "direction": d.direction,
            "party": d.party,
            "with_whom": _text(d.with_whom, "with_whom", limit=200),
            "summary": _text(d.summary, "summary", limit=SUMMARY_MAX),
            "purpose": d.purpose,
            "document_id": d.document_id,
        }

    async def log_contact(self, ctx: TenantContext, case_id: CaseId, d: ContactDetails) -> Contact:
        """Record a call, letter, email, meeting… with the client, a creditor or a third party."""
        now = self.clock.now()
        values = self._contact_values(d, now)
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            await self._check_document(uow, case_id, d.document_id)
            contact = Contact(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
                **values,
            )
            await self.contacts(uow).add(contact)
            await self._changed(
                uow, ctx, case_id, "contact", contact.id, "logged", tuple(values), now
            )
        return contact

    async def update_contact(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        contact_id: uuid.UUID,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None,
    ) -> Contact:
        """Change some fields of a contact (``If-Match`` required)."""
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.CASE_WRITE) as (uow, _):
            contact = await self._contact(uow, case_id, contact_id)
            check_version("contact", expected_version, contact.version)
            known = {a.name for a in attrs.fields(ContactDetails)}
            unknown = sorted(set(changes) - known)
            if unknown:
                raise ValidationError(unknown[0], "cannot be changed")
            current = {name: getattr(contact, name) for name in known}
            details = ContactDetails(**{**current, **changes})
            values = self._contact_values(details, now)
            changed = tuple(k for k, v in values.items() if getattr(contact, k) != v)
            if "document_id" in changed:
                await self._check_document(uow, case_id, details.document_id)
            if not changed:
                return contact
            for name in changed:
                setattr(contact, name, values[name])
            contact.updated_at = now
            await self.contacts(uow).save(contact)
            await self._changed(uow, ctx, case_id, "contact", contact.id, "updated", changed, now)
        return contact

    async def _contact(self, uow: UnitOfWork, case_id: CaseId, contact_id: uuid.UUID) -> Contact:
        return on_case(await self.contacts(uow).get(contact_id), case_id, "contact", contact_id)

    async def get_contact(
        self, ctx: TenantContext, case_id: CaseId, contact_id: uuid.UUID
    ) -> Contact:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            return await self._contact(uow, case_id, contact_id)

    async def list_contacts(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        where: ContactFilter,
        *,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[Contact]:
        """The case's contacts matching every filter, newest first; ``cursor`` (a page's
        ``next_cursor``) continues after that page."""
        if where.since and where.until and where.since >= where.until:
            raise ValidationError("until", "must be after since")
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            rows = [c for c in await self.contacts(uow).list_for_case(case_id) if where.keeps(c)]
        rows.reverse()
        return keyset_slice(
            rows,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=lambda c: (c.at, c.id),
            kinds=(dt.datetime, uuid.UUID),
            descending=True,
        )

    # ----------------------------------------------------------------- checklist

    def _view(self, record: ChecklistRecord) -> ChecklistView:
        done = {t.item for t in record.ticks}
        catalogue = first_contact_checklist()
        missing = tuple(i.id for i in catalogue.items if i.required and i.id not in done)
        return ChecklistView(record=record, missing=missing)

    async def get_checklist(self, ctx: TenantContext, case_id: CaseId) -> ChecklistView:
        """The case's checklist; before the first tick an empty one at version 0."""
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            record = await self.checklists(uow).get(case_id)
        if record is None:
            now = self.clock.now()
            record = ChecklistRecord(
                id=case_id,
                centre_id=ctx.centre_id,
                case_id=case_id,
                checklist_version=first_contact_checklist().version,
                created_at=now,
                updated_at=now,
                version=0,
            )
        return self._view(record)

    def _tick(
        self,
        ctx: TenantContext,
        item_id: str,
        done_at: dt.datetime | None,
        value: str | None,
        note: str | None,
        now: dt.datetime,
    ) -> Tick:
        item = first_contact_checklist().item(item_id)
        if item is None:
            raise ValidationError("item", "no such checklist item")
        text = _text(value, "value", limit=500, required=item.needs_value)
        if item.choices and text not in item.choices:
            raise ValidationError("value", f"must be one of: {', '.join(item.choices)}")
        if not item.needs_value and text is not None:
            raise ValidationError("value", "this item takes no value")
        return Tick(
            item=item.id,
            done_at=_past(done_at or now, "done_at", now),
            by=ctx.user_id,
            value=text,
            note=_text(note, "note", limit=1000, required=False),
        )

    async def tick(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        item_id: str,
        *,
        done_at: dt.datetime | None = None,
        value: str | None = None,
        note: str | None = None,
        expected_version: int | None,
    ) -> ChecklistView:
        """Tick (or re-tick) an item, with who and when; ``If-Match`` once the checklist
        exists (0 or nothing for the first tick)."""
        now = self.clock.now()
        tick = self._tick(ctx, item_id, done_at, value, note, now)
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="tick the checklist"
        ) as (uow, _):
            repo = self.checklists(uow)
            record = await repo.get(case_id)
            if record is None:
                check_version("checklist", expected_version, 0)
                record = ChecklistRecord(
                    id=case_id,
                    centre_id=ctx.centre_id,
                    case_id=case_id,
                    checklist_version=first_contact_checklist().version,
                    ticks=(tick,),
                    created_at=now,
                    updated_at=now,
                )
                await repo.add(record)
            else:
                check_version("checklist", expected_version, record.version)
                record.ticks = (*(t for t in record.ticks if t.item != item_id), tick)
                record.updated_at = now
                await repo.save(record)
            await self._changed(uow, ctx, case_id, "checklist", case_id, "ticked", (item_id,), now)
        return self._view(record)

    async def untick(
        self, ctx: TenantContext, case_id: CaseId, item_id: str, *, expected_version: int | None
    ) -> ChecklistView:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="untick the checklist"
        ) as (uow, _):
            repo = self.checklists(uow)
            record = await repo.get(case_id)
            if record is None or record.tick_of(item_id) is None:
                raise NotFound("checklist item", item_id)
            check_version("checklist", expected_version, record.version)
            record.ticks = tuple(t for t in record.ticks if t.item != item_id)
            record.updated_at = now
            await repo.save(record)
            await self._changed(
                uow, ctx, case_id, "checklist", case_id, "unticked", (item_id,), now
            )
        return self._view(record)

    # ----------------------------------------------------------------- screening

    def _screening_values(self, d: ScreeningDetails, today: dt.date) -> dict[str, Any]:
        guide = screening_guide()
        if d.on > today:
            raise ValidationError("on", "must not be in the future")
        for i, driver in enumerate(d.drivers):
            if driver not in guide.driver_ids:
                raise ValidationError(
                    f"drivers[{i}]", f"must be one of: {', '.join(sorted(guide.driver_ids))}"
                )
        answers: dict[str, str] = {}
        for key, text in d.answers.items():
            if key not in guide.prompt_ids:
                raise ValidationError(f"answers.{key}", "no such screening prompt")
            kept = _text(text, f"answers.{key}", limit=2000, required=False)
            if kept is not None:
                answers[key] = kept
        adjustments = tuple(
            _text(a, f"adjustments[{i}]", limit=500) or "" for i, a in enumerate(d.adjustments)
        )
        return {
            "on": d.on,
            "drivers": tuple(dict.fromkeys(d.drivers)),
            "answers": answers,
            "adjustments": adjustments,
            "no_adjustment_reason": _text(
                d.no_adjustment_reason, "no_adjustment_reason", limit=1000, required=False
            ),
            "notes": _text(d.notes, "notes", limit=SUMMARY_MAX, required=False),
        }

    @staticmethod
    def _require_sensitive_write(ctx: TenantContext, values: Mapping[str, Any]) -> None:
        if any(values[k] for k in SCREENING_SENSITIVE) and not ctx.can(Permission.SENSITIVE_WRITE):
            raise PermissionDenied(
                f"your role does not allow {Permission.SENSITIVE_WRITE.value}: a screening's "
                "drivers, answers, adjustments and notes are sensitive"
            )

    @staticmethod
    def _shown(ctx: TenantContext, s: Screening) -> ScreeningView:
        if ctx.can(Permission.SENSITIVE_READ):
            return ScreeningView(screening=s)
        blank = attrs.evolve(
            s, drivers=(), answers={}, adjustments=(), no_adjustment_reason=None, notes=None
        )
        return ScreeningView(screening=blank, withheld=SCREENING_SENSITIVE)

    async def record_screening(
        self, ctx: TenantContext, case_id: CaseId, d: ScreeningDetails
    ) -> ScreeningView:
        """Record a vulnerability screening (FG21/1). Recording drivers, answers,
        adjustments or notes needs ``sensitive:write``."""
        now = self.clock.now()
        values = self._screening_values(d, now.date())
        self._require_sensitive_write(ctx, values)
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="record a screening"
        ) as (uow, _):
            screening = Screening(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                guide_version=screening_guide().version,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
                **values,
            )
            await self.screenings(uow).add(screening)
            await self._changed(
                uow, ctx, case_id, "screening", screening.id, "recorded", tuple(values), now
            )
        return self._shown(ctx, screening)

    async def update_screening(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        screening_id: uuid.UUID,
        d: ScreeningDetails,
        *,
        expected_version: int | None,
    ) -> ScreeningView:
        """Replace a screening's content (``If-Match``); needs ``sensitive:write``."""
        ctx.require(Permission.SENSITIVE_WRITE)
        now = self.clock.now()
        values = self._screening_values(d, now.date())
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, changing="change a screening"
        ) as (uow, _):
            found = await self.screenings(uow).get(screening_id)
            screening = on_case(found, case_id, "screening", screening_id)
            check_version("screening", expected_version, screening.version)
            changed = tuple(k for k, v in values.items() if getattr(screening, k) != v)
            if not changed:
                return self._shown(ctx, screening)
            for name in changed:
                setattr(screening, name, values[name])
            screening.updated_at = now
            await self.screenings(uow).save(screening)
            await self._changed(
                uow, ctx, case_id, "screening", screening.id, "updated", changed, now
            )
        return self._shown(ctx, screening)

    async def list_screenings(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[ScreeningView]:
        """By date screened (then recorded); ``cursor`` (a page's ``next_cursor``)
        continues after that page."""
        scope = case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, offset))
        async with scope as (uow, _):
            rows = sorted(await self.screenings(uow).list_for_case(case_id), key=_screening_key)
        page = keyset_slice(
            rows,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=_screening_key,
            kinds=(dt.date, dt.datetime, uuid.UUID),
        )
        shown = tuple(self._shown(ctx, s) for s in page.items)
        return Page(
            items=shown, total=page.total, limit=limit, offset=offset, next_cursor=page.next_cursor
        )

    async def get_screening(
        self, ctx: TenantContext, case_id: CaseId, screening_id: uuid.UUID
    ) -> ScreeningView:
        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, _):
            found = await self.screenings(uow).get(screening_id)
        return self._shown(ctx, on_case(found, case_id, "screening", screening_id))

    # ----------------------------------------------------------------- credit reports

    async def _add_report(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        head: Mapping[str, Any],
        lines: tuple[CreditLine, ...],
        source: ReportSource,
        filename: str | None,
    ) -> CreditReport:
        now = self.clock.now()
        agency = _text(head.get("agency"), "agency", limit=100)
        assert agency is not None
        report_on = head.get("report_on") or now.date()
        checked_on = head.get("checked_on") or now.date()
        for name, day in (("report_date", report_on), ("checked_on", checked_on)):
            if day > now.date():
                raise ValidationError(name, "must not be in the future")
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="add a credit report"
        ) as (uow, _):
            report = CreditReport(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                case_id=case_id,
                agency=agency,
                report_on=report_on,
                checked_on=checked_on,
                source=source,
                lines=lines,
                filename=filename,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
            )
            await self.credit_reports(uow).add(report)
            await self._changed(
                uow, ctx, case_id, "credit_report", report.id, "recorded", ("lines",), now
            )
        return report

    async def record_credit_report(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        agency: str,
        report_on: dt.date | None,
        checked_on: dt.date | None,
        accounts: Iterable[AccountDetails],
    ) -> CreditReport:
        """A report entered by hand: each account with something owed becomes a pending
        debt suggestion."""
        ctx.require(Permission.FINANCE_WRITE)
        rows = [
            {
                "lender": a.lender,
                "account_type": a.account_type,
                "balance_pence": a.balance.pence,
                "account_number": a.account_number,
                "status": a.status,
                "default_date": a.default_on.isoformat() if a.default_on else None,
                "opened_date": a.opened_on.isoformat() if a.opened_on else None,
                "last_payment_date": a.last_payment_on.isoformat() if a.last_payment_on else None,
            }
            for a in accounts
        ]
        lines = lines_from(rows, "accounts")
        head = {"agency": agency, "report_on": report_on, "checked_on": checked_on}
        return await self._add_report(ctx, case_id, head, lines, ReportSource.MANUAL, None)

    async def import_credit_report(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        filename: str,
        content: bytes,
        agency: str | None = None,
        report_on: dt.date | None = None,
    ) -> CreditReport:
        """A statutory report's accounts read from a CSV or JSON file
        (``casework.credit_report`` documents the shape)."""
        ctx.require(Permission.FINANCE_WRITE)
        if len(content) > 2_000_000:
            raise ValidationError("file", "must be at most 2 MB")
        kind, head, lines = parse_report(filename, content)
        given = head.get("report_date")
        day = report_on
        if day is None and given:
            try:
                day = dt.date.fromisoformat(str(given))
            except ValueError:
                raise ValidationError("file.report_date", "must be a date") from None
        values = {"agency": agency or head.get("agency"), "report_on": day}
        source = ReportSource.JSON if kind == "json" else ReportSource.CSV
        return await self._add_report(ctx, case_id, values, lines, source, filename[:200])

    async def list_credit_reports(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[CreditReport]:
        """Oldest first; ``cursor`` (a page's ``next_cursor``) continues after that page."""
        scope = case_scope(self, ctx, case_id, Permission.FINANCE_READ, page=(limit, offset))
        async with scope as (uow, _):
            rows = list(await self.credit_reports(uow).list_for_case(case_id))
        return keyset_slice(
            rows,
            limit=limit,
            offset=offset,
            cursor=cursor,
            key=lambda r: (r.created_at, r.id),
            kinds=(dt.datetime, uuid.UUID),
        )

    async def _report(self, uow: UnitOfWork, case_id: CaseId, report_id: uuid.UUID) -> CreditReport:
        found = await self.credit_reports(uow).get(report_id)
        return on_case(found, case_id, "credit report", report_id)

    async def get_credit_report(
        self, ctx: TenantContext, case_id: CaseId, report_id: uuid.UUID
    ) -> CreditReport:
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            return await self._report(uow, case_id, report_id)

    async def decide_line(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        report_id: uuid.UUID,
        line: int,
        *,
        accept: bool,
        debt_type: DebtType | None = None,
        reason: str | None = None,
        expected_version: int | None,
    ) -> CreditReport:
        """Accept a pending line (it becomes a debt on the case, its creditor added to the
        directory if new, all in one transaction) or reject it (with a reason)."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="decide a credit report's line"
        ) as (uow, _):
            report = await self._report(uow, case_id, report_id)
            check_version("credit report", expected_version, report.version)
            found = report.line(line)
            if found is None:
                raise NotFound("credit report line", line)
            if found.decision is not LineDecision.PENDING:
                raise Conflict(f"line {line} is already {found.decision.value}")
            if accept:
                decided = await self._accept(uow, ctx, case_id, found, debt_type, now)
            else:
                why = _text(reason, "reason", limit=500)
                decided = attrs.evolve(
                    found,
                    decision=LineDecision.REJECTED,
                    reason=why,
                    decided_by=ctx.user_id,
                    decided_at=now,
                )
            report.lines = tuple(decided if x.line == line else x for x in report.lines)
            report.updated_at = now
            await self.credit_reports(uow).save(report)
            action = "line_accepted" if accept else "line_rejected"
            await self._changed(
                uow, ctx, case_id, "credit_report", report.id, action, ("lines",), now
            )
        return report

    async def _accept(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_id: CaseId,
        found: CreditLine,
        debt_type: DebtType | None,
        now: dt.datetime,
    ) -> CreditLine:
        if self.debt_service is None:
            raise ValidationError("line", "debts cannot be added here")
        creditor = await self.debt_service.creditor_named_in(uow, ctx, found.lender)
        view = await self.debt_service.add_debt_in(
            uow,
            ctx,
            case_id,
            DebtDetails(
                debt_type=debt_type or found.suggested_type,
                balance=found.balance,
                creditor_id=creditor,
                account_reference=found.account_number,
                last_payment_date=found.last_payment_on,
                notes=f"From credit report line {found.line} ({found.account_type}"
                + (f", {found.status}" if found.status else "")
                + ")",
            ),
            staged_creditor=creditor,
        )
        debt_id: DebtId = view.entry.id
        return attrs.evolve(
            found,
            decision=LineDecision.ACCEPTED,
            debt_id=debt_id,
            suggested_type=debt_type or found.suggested_type,
            decided_by=ctx.user_id,
            decided_at=now,
        )

    # ----------------------------------------------------------------- eligibility

    async def get_eligibility(self, ctx: TenantContext, case_id: CaseId) -> EligibilityRecord:
        async with case_scope(self, ctx, case_id, Permission.FINANCE_READ) as (uow, _):
            record = await self.eligibility(uow).get(case_id)
        if record is None:
            now = self.clock.now()
            record = EligibilityRecord(
                id=case_id,
                centre_id=ctx.centre_id,
                case_id=case_id,
                created_at=now,
                updated_at=now,
                version=0,
            )
        return record

    async def decide_option(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        solution: Solution,
        *,
        eligible: bool,
        reason: str,
        expected_version: int | None,
    ) -> EligibilityRecord:
        """Record the client's eligibility for one option with the reason (CR-12): it
        stands where the appraisal left the option to the adviser's judgement."""
        ctx.require(Permission.FINANCE_WRITE)
        now = self.clock.now()
        why = _text(reason, "reason", limit=1000)
        assert why is not None
        decision = OptionDecision(
            solution=solution, eligible=eligible, reason=why, by=ctx.user_id, at=now
        )
        async with case_scope(
            self, ctx, case_id, Permission.FINANCE_WRITE, changing="decide an option's eligibility"
        ) as (uow, _):
            repo = self.eligibility(uow)
            record = await repo.get(case_id)
            if record is None:
                check_version("eligibility", expected_version, 0)
                record = EligibilityRecord(
                    id=case_id,
                    centre_id=ctx.centre_id,
                    case_id=case_id,
                    decisions=(decision,),
                    created_at=now,
                    updated_at=now,
                )
                await repo.add(record)
            else:
                check_version("eligibility", expected_version, record.version)
                kept = tuple(x for x in record.decisions if x.solution is not solution)
                record.decisions = (*kept, decision)
                record.updated_at = now
                await repo.save(record)
            await self._changed(
                uow, ctx, case_id, "eligibility", case_id, "decided", (solution.value,), now
            )
        return record
