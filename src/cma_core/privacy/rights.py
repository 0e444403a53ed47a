"""Use cases on the register of data-subject requests and on legal holds (see
``privacy.requests``), and what the compliance rules read of them (CR-22, CR-23).

Every change is audited (field names, never values) and emits ``CaseworkChanged`` for each
of the client's cases (a hold on a case: that case), so the worker re-evaluates their
findings: compliance sits below privacy and reads these records through
``compliance.ports.PrivacyRecords``, which :class:`PrivacyRecordsReader` provides.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs import define, field, frozen

from cma_core.audit.service import commit_audited, record_audit
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import load_case
from cma_core.casework.model import CaseworkChanged
from cma_core.clients.ports import ClientRepository
from cma_core.compliance import casefile as cf
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.ports import DataSubjectRequestRepository, LegalHoldRepository
from cma_core.privacy.requests import (
    DataSubjectRequest,
    HoldReason,
    HoldSubject,
    LegalHold,
    RequestDue,
    RequestKind,
)
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.deadlines import sar_deadlines
from cma_core.scheduling.ports import ClosureRepository, HolidayProvider
from cma_core.scheduling.service import SchedulingConfig, centre_calendar, local_date
from cma_core.shared.clock import Clock
from cma_core.shared.errors import Conflict, NotFound, ValidationError
from cma_core.shared.ids import CaseId, ClientId
from cma_core.shared.paging import keyset_slice
from cma_core.shared.service import IdFactory, check_page, check_version, optional_text
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory

NOTE_MAX = 2000


@frozen(kw_only=True)
class RequestDetails:
    kind: RequestKind
    received_on: dt.date
    clock_started_on: dt.date | None = None
    extended: bool = False
    extension_notified_on: dt.date | None = None
    answered_on: dt.date | None = None
    note: str | None = None


def _note(value: str | None) -> str | None:
    text = optional_text(value)
    if text is not None and len(text) > NOTE_MAX:
        raise ValidationError("note", f"must be at most {NOTE_MAX} characters")
    return text


def request_values(d: RequestDetails, today: dt.date) -> dict[str, Any]:
    """The checked values of a request (``ValidationError`` naming the field)."""
    for name in ("received_on", "clock_started_on", "extension_notified_on", "answered_on"):
        day = getattr(d, name)
        if day is not None and day > today:
            raise ValidationError(name, "must not be in the future")
        if day is not None and day < d.received_on:
            raise ValidationError(name, "must not be before received_on")
    if d.extension_notified_on is not None and not d.extended:
        raise ValidationError("extended", "must be true when the extension was notified")
    return {
        "kind": d.kind,
        "received_on": d.received_on,
        "clock_started_on": d.clock_started_on,
        "extended": d.extended,
        "extension_notified_on": d.extension_notified_on,
        "answered_on": d.answered_on,
        "note": _note(d.note),
    }


def due_of(r: DataSubjectRequest, calendar: WorkingCalendar, today: dt.date) -> RequestDue:
    """The request's due dates (§7): the extended one only if notified in the first month."""
    first, extended = sar_deadlines(r.clock_started_on or r.received_on, calendar)
    valid = (
        r.extended and r.extension_notified_on is not None and r.extension_notified_on <= first.due
    )
    due = extended.due if valid else first.due
    return RequestDue(
        request=r,
        due_on=due,
        first_due_on=first.due,
        extended_due_on=extended.due,
        overdue=(r.answered_on or today) > due,
    )


def casefile_request(r: DataSubjectRequest) -> cf.DataSubjectRequest:
    return cf.DataSubjectRequest(
        id=str(r.id),
        kind=r.kind.value,
        received_on=r.received_on,
        clock_started_on=r.clock_started_on,
        extended=r.extended,
        extension_notified_on=r.extension_notified_on,
        answered_on=r.answered_on,
    )


def _request_key(d: RequestDue) -> tuple[dt.date, dt.datetime, uuid.UUID]:
    """The register's order (as stored: received, recorded, id) and cursor."""
    return (d.request.received_on, d.request.created_at, d.request.id)


def _hold_key(h: LegalHold) -> tuple[dt.datetime, uuid.UUID]:
    """The holds' order (as recorded) and cursor."""
    return (h.created_at, h.id)


def _plain(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for a in attrs.fields(type(record)):
        value = getattr(record, a.name)
        if isinstance(value, uuid.UUID | dt.date):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        out[a.name] = value.value if hasattr(value, "value") else value
    return out


def holds_on(holds: Sequence[LegalHold], case_id: CaseId, client_id: ClientId | None) -> bool:
    """Whether an active hold covers the case (on it, or on its client)."""
    return any(
        h.active
        and (
            (h.subject is HoldSubject.CASE and h.case_id == case_id)
            or (h.subject is HoldSubject.CLIENT and h.client_id == client_id)
        )
        for h in holds
    )


@frozen(kw_only=True)
class PrivacyRecordsReader:
    """``compliance.ports.PrivacyRecords`` over the privacy area's repositories."""

    requests: RepositoryFactory[DataSubjectRequestRepository]
    holds: RepositoryFactory[LegalHoldRepository]

    async def data_subject_requests(
        self, uow: UnitOfWork, client_id: ClientId
    ) -> tuple[cf.DataSubjectRequest, ...]:
        found = await self.requests(uow).list(data_subject_id=client_id)
        return tuple(casefile_request(r) for r in found)

    async def on_hold(self, uow: UnitOfWork, case_id: CaseId, client_id: ClientId) -> bool:
        return holds_on(await self.holds(uow).list(active_only=True), case_id, client_id)


@define
class DataRightsService:
    uow: UnitOfWorkFactory
    clock: Clock
    holidays: HolidayProvider
    config: SchedulingConfig = field(factory=SchedulingConfig)
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)
    closures: RepositoryFactory[ClosureRepository] = field(kw_only=True)
    requests: RepositoryFactory[DataSubjectRequestRepository] = field(kw_only=True)
    holds: RepositoryFactory[LegalHoldRepository] = field(kw_only=True)

    def _today(self) -> dt.date:
        return local_date(self.clock.now(), self.config.timezone)

    async def _calendar(self, uow: UnitOfWork, days: Sequence[dt.date]) -> WorkingCalendar:
        return await centre_calendar(
            self.closures(uow), self.holidays, self.config, days, for_field="received_on"
        )

    async def _dues(self, uow: UnitOfWork, rows: Sequence[DataSubjectRequest]) -> list[RequestDue]:
        if not rows:
            return []
        today = self._today()
        calendar = await self._calendar(uow, [today, *(r.received_on for r in rows)])
        return [due_of(r, calendar, today) for r in rows]

    async def _client(self, uow: UnitOfWork, client_id: ClientId) -> None:
        if await self.clients(uow).get(client_id) is None:
            raise NotFound("client", client_id)

    async def _touch_cases(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        case_ids: Sequence[CaseId],
        record: str,
        record_id: uuid.UUID,
        action: str,
    ) -> None:
        now = self.clock.now()
        for case_id in case_ids:
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

    async def _client_cases(self, uow: UnitOfWork, client_id: ClientId) -> list[CaseId]:
        page = await self.cases(uow).list(limit=200, offset=0, client_id=client_id)
        return [c.id for c in page.items]

    # ----------------------------------------------------------------- requests

    async def record_request(
        self, ctx: TenantContext, client_id: ClientId, d: RequestDetails
    ) -> RequestDue:
        """Enter a request in the register; its due date follows §7."""
        ctx.require(Permission.CLIENT_EXPORT)
        values = request_values(d, self._today())
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            await self._client(uow, client_id)
            request = DataSubjectRequest(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                data_subject_id=client_id,
                created_at=now,
                created_by=ctx.user_id,
                updated_at=now,
                **values,
            )
            (due,) = await self._dues(uow, [request])
            await self.requests(uow).add(request)
            await self._touch_cases(
                uow, ctx, await self._client_cases(uow, client_id), "data_subject_request",
                request.id, "received",
            )  # fmt: skip
            await commit_audited(
                uow, ctx, self.new_id, "data_subject_request.received",
                "data_subject_request", request.id, now, tuple(values),
            )  # fmt: skip
        return due

    async def update_request(
        self,
        ctx: TenantContext,
        request_id: uuid.UUID,
        changes: Mapping[str, Any],
        *,
        expected_version: int | None,
    ) -> RequestDue:
        """Record the clock start, an extension or the answer, or correct a field."""
        ctx.require(Permission.CLIENT_EXPORT)
        async with self.uow(ctx.centre_id) as uow:
            r = await self._request(uow, request_id)
            check_version("data-subject request", expected_version, r.version)
            known = {a.name for a in attrs.fields(RequestDetails)}
            unknown = sorted(set(changes) - known)
            if unknown:
                raise ValidationError(unknown[0], "cannot be changed")
            merged = RequestDetails(**{**{n: getattr(r, n) for n in known}, **changes})
            values = request_values(merged, self._today())
            changed = tuple(k for k, v in values.items() if getattr(r, k) != v)
            if changed:
                for name in changed:
                    setattr(r, name, values[name])
                await self._saved(uow, ctx, r, changed)
            (due,) = await self._dues(uow, [r])
            if changed:
                await uow.commit()
        return due

    async def _saved(
        self, uow: UnitOfWork, ctx: TenantContext, r: DataSubjectRequest, changed: tuple[str, ...]
    ) -> None:
        now = self.clock.now()
        r.updated_at = now
        await self.requests(uow).save(r)
        await self._touch_cases(
            uow, ctx, await self._client_cases(uow, r.data_subject_id), "data_subject_request",
            r.id, "updated",
        )  # fmt: skip
        await record_audit(
            uow, ctx, self.new_id, "data_subject_request.updated", "data_subject_request",
            r.id, now, changed,
        )  # fmt: skip

    async def answer_in(
        self,
        uow: UnitOfWork,
        ctx: TenantContext,
        request_id: uuid.UUID,
        client_id: ClientId,
        kinds: frozenset[RequestKind],
    ) -> None:
        """Mark the request answered today inside ``uow`` (the export or the erasure that
        answers it commits it). ``ValidationError`` on ``request_id`` if it is not an open
        request of this client of one of ``kinds``."""
        r = await self.requests(uow).get(request_id)
        if r is None or r.data_subject_id != client_id:
            raise ValidationError("request_id", "no such data-subject request of this client")
        if r.kind not in kinds:
            raise ValidationError(
                "request_id", f"is a {r.kind.value} request; this answers "
                + " or ".join(sorted(k.value for k in kinds)),
            )  # fmt: skip
        if r.answered_on is not None:
            raise Conflict("the data-subject request is already answered")
        r.answered_on = self._today()
        await self._saved(uow, ctx, r, ("answered_on",))

    async def _request(self, uow: UnitOfWork, request_id: uuid.UUID) -> DataSubjectRequest:
        found = await self.requests(uow).get(request_id)
        if found is None:
            raise NotFound("data-subject request", request_id)
        return found

    async def get_request(self, ctx: TenantContext, request_id: uuid.UUID) -> RequestDue:
        ctx.require(Permission.CLIENT_EXPORT)
        async with self.uow(ctx.centre_id) as uow:
            (due,) = await self._dues(uow, [await self._request(uow, request_id)])
        return due

    async def list_requests(
        self,
        ctx: TenantContext,
        *,
        client_id: ClientId | None = None,
        kind: RequestKind | None = None,
        open_only: bool = False,
        overdue: bool | None = None,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[RequestDue]:
        """The register, by date received, with due dates; filters combine; ``cursor`` (a
        page's ``next_cursor``) continues after that page."""
        ctx.require(Permission.CLIENT_EXPORT)
        check_page(limit, offset)
        async with self.uow(ctx.centre_id) as uow:
            rows = [
                r
                for r in await self.requests(uow).list(data_subject_id=client_id)
                if (kind is None or r.kind is kind)
                and not (open_only and r.answered_on is not None)
            ]
            dues = await self._dues(uow, rows)
        if overdue is not None:
            dues = [d for d in dues if d.overdue is overdue]
        dues = sorted(dues, key=_request_key)
        return keyset_slice(
            dues, limit=limit, offset=offset, cursor=cursor, key=_request_key,
            kinds=(dt.date, dt.datetime, uuid.UUID),
        )  # fmt: skip

    # ----------------------------------------------------------------- legal holds

    async def place_hold(
        self,
        ctx: TenantContext,
        *,
        case_id: CaseId | None = None,
        client_id: ClientId | None = None,
        reason: HoldReason,
        note: str | None = None,
    ) -> LegalHold:
        """Hold a case or a client (exactly one) back from the retention run."""
        ctx.require(Permission.CASE_DELETE)
        if (case_id is None) == (client_id is None):
            raise ValidationError("case_id", "give exactly one of case_id and client_id")
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            if case_id is not None:
                await load_case(self.cases(uow), ctx, case_id)
                touched = [case_id]
            else:
                assert client_id is not None
                await self._client(uow, client_id)
                touched = await self._client_cases(uow, client_id)
            hold = LegalHold(
                id=self.new_id(),
                centre_id=ctx.centre_id,
                subject=HoldSubject.CASE if case_id else HoldSubject.CLIENT,
                case_id=case_id,
                client_id=client_id,
                reason=reason.value,
                note=_note(note),
                placed_at=now,
                placed_by=ctx.user_id,
                created_at=now,
                updated_at=now,
            )
            await self.holds(uow).add(hold)
            await self._touch_cases(uow, ctx, touched, "legal_hold", hold.id, "placed")
            await commit_audited(
                uow, ctx, self.new_id, "legal_hold.placed", "legal_hold", hold.id, now,
                (f"subject={hold.subject.value}", f"reason={hold.reason}"),
            )  # fmt: skip
        return hold

    async def release_hold(
        self, ctx: TenantContext, hold_id: uuid.UUID, *, expected_version: int | None
    ) -> LegalHold:
        ctx.require(Permission.CASE_DELETE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            hold = await self._hold(uow, hold_id)
            check_version("legal hold", expected_version, hold.version)
            if not hold.active:
                raise Conflict("the legal hold is already released")
            hold.released_at, hold.released_by, hold.updated_at = now, ctx.user_id, now
            await self.holds(uow).save(hold)
            touched = (
                [hold.case_id]
                if hold.case_id is not None
                else await self._client_cases(uow, ClientId(hold.client_id))  # type: ignore[arg-type]
            )
            await self._touch_cases(uow, ctx, touched, "legal_hold", hold.id, "released")
            await commit_audited(
                uow, ctx, self.new_id, "legal_hold.released", "legal_hold", hold.id, now,
                ("released_at",),
            )  # fmt: skip
        return hold

    async def records_of(self, uow: UnitOfWork, client_id: ClientId) -> dict[str, Any]:
        """The client's requests and the holds on the client or its cases (for the
        subject access export), as JSON-ready values."""
        requests = await self.requests(uow).list(data_subject_id=client_id)
        case_ids = set(await self._client_cases(uow, client_id))
        holds = [
            h
            for h in await self.holds(uow).list()
            if h.client_id == client_id or h.case_id in case_ids
        ]
        return {
            "data_subject_requests": [_plain(r) for r in requests],
            "legal_holds": [_plain(h) for h in holds],
        }

    async def check_not_held(
        self, uow: UnitOfWork, case_ids: Sequence[CaseId], client_id: ClientId | None
    ) -> None:
        """``Conflict`` if an active hold covers one of the cases or the client: erasure is
        not absolute (legal claims, §7); release the hold first."""
        holds = await self.holds(uow).list(active_only=True)
        if any(h.subject is HoldSubject.CLIENT and h.client_id == client_id for h in holds) or any(
            holds_on(holds, c, client_id) for c in case_ids
        ):
            raise Conflict("a legal hold covers this record: release it before erasing")

    async def _hold(self, uow: UnitOfWork, hold_id: uuid.UUID) -> LegalHold:
        found = await self.holds(uow).get(hold_id)
        if found is None:
            raise NotFound("legal hold", hold_id)
        return found

    async def get_hold(self, ctx: TenantContext, hold_id: uuid.UUID) -> LegalHold:
        ctx.require(Permission.CASE_READ_ALL)
        async with self.uow(ctx.centre_id) as uow:
            return await self._hold(uow, hold_id)

    async def list_holds(
        self,
        ctx: TenantContext,
        *,
        active_only: bool = False,
        case_id: CaseId | None = None,
        client_id: ClientId | None = None,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[LegalHold]:
        """Holds in the order they were recorded; ``cursor`` (a page's ``next_cursor``)
        continues after that page."""
        ctx.require(Permission.CASE_READ_ALL)
        check_page(limit, offset)
        async with self.uow(ctx.centre_id) as uow:
            rows = [
                h
                for h in await self.holds(uow).list(active_only=active_only)
                if (case_id is None or h.case_id == case_id)
                and (client_id is None or h.client_id == client_id)
            ]
        rows.sort(key=_hold_key)
        return keyset_slice(
            rows, limit=limit, offset=offset, cursor=cursor, key=_hold_key,
            kinds=(dt.datetime, uuid.UUID),
        )  # fmt: skip
