"""Each case's timeline: its projection (handler, rebuild, lag) and its query use case.

Kept like the case list (``readmodels.service``): one handler, ``case_timeline``, for every
event that can add or change an entry; each run re-reads the case's records in the
handler's own unit of work and rewrites the case's entries whole (holding the case first),
so an event handled late, twice or out of order still leaves the current timeline, and
queued events of one case coalesce into one rewrite (``dispatch_many``).

The entries come from the write side's own timestamps, so ``rebuild`` reproduces them:
the case opened (``opened_at``), closed and reopened (the case's audit entries, which keep
every closure; ``closed_at`` when the audit has none), notes (a sensitive note as
"Sensitive note" with no words), documents uploaded and processed (or failed), deadlines
set, met and missed, appointments booked and attended, missed or cancelled (the time from
the appointment's audit entry), tasks created and completed, contacts logged, letters
produced and sent, debts added, failing compliance findings raised.

Read-your-writes and lag as for the case list: a read presenting a write's consistency
token waits up to ``wait_seconds`` for the projection, and otherwise builds the case's
entries from the write side (``ReadVersion.source == "write"``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Hashable, Iterable, Sequence
from typing import Any
from weakref import WeakKeyDictionary

import attrs
from attrs import define, field

from cma_core.advice.model import LetterSent
from cma_core.advice.ports import LetterRepository
from cma_core.audit.service import commit_audited
from cma_core.cases.model import (
    AdviserAssigned,
    Case,
    CaseClosed,
    CaseNoteAdded,
    CaseOpened,
    CaseReopened,
)
from cma_core.cases.ports import CaseRepository
from cma_core.cases.service import case_scope
from cma_core.casework.model import CaseworkChanged
from cma_core.casework.ports import ContactRepository
from cma_core.compliance.model import Status
from cma_core.compliance.ports import FindingRepository
from cma_core.compliance.service import REEVALUATE_ON
from cma_core.debts.model import DebtAdded, DebtRemoved, DebtUpdated
from cma_core.debts.ports import DebtRepository
from cma_core.documents.model import (
    DocumentDeleted,
    DocumentProcessingFailed,
    DocumentRequeued,
    DocumentStatus,
    DocumentTextExtracted,
    DocumentUploaded,
    SuggestionAccepted,
)
from cma_core.documents.ports import DocumentRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.events import CaseErased, ClientErased
from cma_core.readmodels.model import ReadVersion, TimelineEntry, TimelineKind
from cma_core.readmodels.ports import CaseTimelines
from cma_core.readmodels.projection import Progress, Projection
from cma_core.scheduling.appointments import AppointmentStatus
from cma_core.scheduling.ports import (
    AppointmentChanged,
    AppointmentRepository,
    DeadlineMet,
    DeadlinePassed,
    DeadlineStatus,
    FactRecorded,
    FactWithdrawn,
)
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.events import DomainEvent, EventEnvelope
from cma_core.shared.handlers import case_of
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId
from cma_core.shared.paging import after_time_and_id, with_next_cursor
from cma_core.shared.service import IdFactory
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import TaskChanged, TaskStatus

#: The inbox name of the projection's handler (stored: never rename it).
HANDLER = "case_timeline"

EVENTS: tuple[type[DomainEvent], ...] = tuple(
    dict.fromkeys(
        (
            CaseOpened, CaseClosed, CaseReopened, CaseNoteAdded,
            DocumentUploaded, DocumentTextExtracted, DocumentProcessingFailed, DocumentRequeued,
            DocumentDeleted, FactRecorded, FactWithdrawn, DeadlinePassed, DeadlineMet,
            AppointmentChanged, TaskChanged,
            CaseworkChanged, LetterSent, DebtAdded, DebtRemoved, *REEVALUATE_ON,
            CaseErased, ClientErased, SuggestionAccepted,
        )
    )
)  # fmt: skip
EVENT_NAMES = frozenset(e.name for e in EVENTS)
ALL_KINDS: tuple[TimelineKind, ...] = tuple(TimelineKind)
_K = TimelineKind
#: What each event may change in a case's timeline (its own kind of record, the findings
#: compliance re-evaluated on it, the tasks and deadlines drawn from it); an event not
#: named here rewrites every kind (the case opened or erased, budgets, advice, facts).
_TOUCHES: dict[str, frozenset[TimelineKind]] = {
    e.name: frozenset(kinds)
    for e, kinds in (
        (CaseClosed, (_K.CASE, _K.FINDING)), (CaseReopened, (_K.CASE, _K.FINDING)),
        (AdviserAssigned, (_K.FINDING,)), (CaseNoteAdded, (_K.NOTE, _K.FINDING)),
        (DocumentUploaded, (_K.DOCUMENT,)), (DocumentTextExtracted, (_K.DOCUMENT,)),
        (DocumentProcessingFailed, (_K.DOCUMENT,)), (DocumentRequeued, (_K.DOCUMENT,)),
        (DocumentDeleted, (_K.DOCUMENT,)),
        (SuggestionAccepted, (_K.TASK,)),
        (FactRecorded, (_K.DEADLINE, _K.TASK, _K.FINDING)),
        (FactWithdrawn, (_K.DEADLINE, _K.TASK, _K.FINDING)),
        (DeadlinePassed, (_K.DEADLINE, _K.TASK, _K.FINDING)), (DeadlineMet, (_K.DEADLINE,)),
        (AppointmentChanged, (_K.APPOINTMENT,)), (TaskChanged, (_K.TASK, _K.FINDING)),
        (CaseworkChanged, (_K.CONTACT, _K.FINDING)), (LetterSent, (_K.LETTER, _K.FINDING)),
        (DebtAdded, (_K.DEBT, _K.FINDING)), (DebtUpdated, (_K.DEBT, _K.FINDING)),
        (DebtRemoved, (_K.DEBT, _K.FINDING)),
    )
}  # fmt: skip
#: Letters are produced without an event (only their sending has one): every rewrite
#: reads them, so a produced letter shows with the case's next event, as it always has.
_UNANNOUNCED = frozenset({TimelineKind.LETTER})


def touched(event_name: str) -> frozenset[TimelineKind]:
    """The kinds of entries an event of that name may have changed."""
    return _TOUCHES.get(event_name, frozenset(ALL_KINDS)) | _UNANNOUNCED


#: Records of one case read per kind (a case past this shows the newest that many).
MAX_RECORDS = 1000
#: Namespace of the entries' name-based ids.
_NS = uuid.UUID("6b0f3f8e-4c1d-5d7a-9e2b-31c0a7d5e914")


def entry_id(kind: TimelineKind, subject_id: uuid.UUID, action: str, at: dt.datetime) -> uuid.UUID:
    """The stable id of an entry: the same record, action and time give the same id."""
    return uuid.uuid5(_NS, f"{kind}:{subject_id}:{action}:{at.astimezone(dt.UTC).isoformat()}")


def _label(value: str) -> str:
    return value.replace("_", " ")


@define
class _Builder:
    case: Case
    out: list[TimelineEntry] = field(factory=list)

    def add(
        self,
        kind: TimelineKind,
        action: str,
        at: dt.datetime,
        subject_id: uuid.UUID,
        title: str,
        detail: str | None,
        *,
        actor: UserId | None = None,
        sensitive: bool = False,
    ) -> None:
        self.out.append(
            TimelineEntry(
                centre_id=self.case.centre_id,
                case_id=self.case.id,
                client_id=self.case.client_id,
                entry_id=entry_id(kind, subject_id, action, at),
                kind=kind,
                action=action,
                at=at,
                subject_id=subject_id,
                actor_id=actor,
                title=title,
                detail=detail,
                sensitive=sensitive,
            )
        )


@define
class CaseTimelineProjection(Projection):
    """Keeps ``case_timelines`` in step with the write side; rebuilds it; measures lag."""

    HANDLER = HANDLER
    EVENTS = EVENTS
    EVENT_NAMES = EVENT_NAMES

    case_timelines: RepositoryFactory[CaseTimelines] = field(kw_only=True)
    appointments: RepositoryFactory[AppointmentRepository] = field(kw_only=True)
    documents: RepositoryFactory[DocumentRepository] = field(kw_only=True)
    contacts: RepositoryFactory[ContactRepository] = field(kw_only=True)
    letters: RepositoryFactory[LetterRepository] = field(kw_only=True)
    debts: RepositoryFactory[DebtRepository] = field(kw_only=True)
    findings: RepositoryFactory[FindingRepository] = field(kw_only=True)
    #: Per unit of work, the kinds of each case already rewritten in it (``refresh``).
    _done: WeakKeyDictionary[UnitOfWork, dict[CaseId, set[TimelineKind]]] = field(
        factory=WeakKeyDictionary, init=False, repr=False
    )

    def _coalesce(self, event: EventEnvelope) -> Hashable | None:
        """Per case and what the event touched: queued events of a case that touch the
        same kinds need one rewrite of them, and the case's other keys in the same batch
        read only the kinds not yet rewritten (``refresh``). A client's erasure reaches
        several cases and runs on its own."""
        if event.name == ClientErased.name or (case := case_of(event)) is None:
            return None
        return (case, touched(event.name))

    # -- the handler --------------------------------------------------------------------

    async def apply(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        """Rewrite the entries the event may have changed (``touched``) of every case it
        names."""
        payload = event.payload
        ids: list[CaseId] = []
        if payload.get("case_id"):
            ids.append(CaseId(uuid.UUID(str(payload["case_id"]))))
        if event.name == ClientErased.name:
            client_id = ClientId(uuid.UUID(str(payload["client_id"])))
            ids += await self.case_timelines(uow).case_ids_of_client(client_id)
        for case_id in dict.fromkeys(ids):
            await self.refresh(uow, case_id, touched(event.name))

    async def refresh(
        self, uow: UnitOfWork, case_id: CaseId, kinds: Collection[TimelineKind] = ALL_KINDS
    ) -> int:
        """Rewrite one case's entries of ``kinds`` (all by default) from the current state
        (remove every entry if the case is gone); how many were written. Kinds already
        rewritten for the case in this unit of work are not read again (a batch's events
        of one case coalesce into one read of each kind they touched)."""
        done = self._done.setdefault(uow, {}).setdefault(case_id, set())
        wanted = [k for k in ALL_KINDS if k in kinds and k not in done]
        if not wanted:
            return 0
        timelines = self.case_timelines(uow)
        await timelines.hold(case_id)
        case = await self.cases(uow).get(case_id)
        if case is None:
            await timelines.replace(case_id, [])
            done.update(ALL_KINDS)
            return 0
        entries = await self._read(uow, case, wanted)
        whole = len(wanted) == len(ALL_KINDS)
        await timelines.replace(case_id, entries, kinds=None if whole else wanted)
        done.update(wanted)
        return len(entries)

    async def read_entries(
        self, uow: UnitOfWork, case_id: CaseId, *, case: Case | None = None
    ) -> list[TimelineEntry]:
        """The case's entries as the write side has them now (none without the case)."""
        case = case or await self.cases(uow).get(case_id)
        if case is None:
            return []
        entries = await self._read(uow, case, ALL_KINDS)
        return sorted(entries, key=lambda e: (e.at, e.entry_id), reverse=True)

    async def _read(
        self, uow: UnitOfWork, case: Case, kinds: Collection[TimelineKind]
    ) -> list[TimelineEntry]:
        b = _Builder(case)
        readers = {
            TimelineKind.CASE: self._case, TimelineKind.DOCUMENT: self._documents,
            TimelineKind.DEADLINE: self._deadlines, TimelineKind.APPOINTMENT: self._appointments,
            TimelineKind.TASK: self._tasks, TimelineKind.CONTACT: self._contacts,
            TimelineKind.LETTER: self._letters, TimelineKind.DEBT: self._debts,
            TimelineKind.FINDING: self._findings,
        }  # fmt: skip
        for kind in kinds:
            if kind is TimelineKind.NOTE:
                self._notes(b)
            else:
                await readers[kind](uow, b)
        return b.out

    async def _case(self, uow: UnitOfWork, b: _Builder) -> None:
        case = b.case
        b.add(TimelineKind.CASE, "opened", case.opened_at, case.id, "Case opened", None)
        closed: list[dt.datetime] = []
        for action, title in (("closed", "Case closed"), ("reopened", "Case reopened")):
            found = await uow.audit.list(
                limit=MAX_RECORDS,
                offset=0,
                entity_type="case",
                entity_id=str(case.id),
                action=f"case.{action}",
            )
            for entry in found.items:
                if action == "closed":
                    closed.append(entry.at)
                b.add(
                    TimelineKind.CASE, action, entry.at, case.id, title, None, actor=entry.actor_id
                )
        if case.closed_at is not None and case.closed_at not in closed:
            b.add(TimelineKind.CASE, "closed", case.closed_at, case.id, "Case closed", None)
        if case.closed_at is not None and case.close_reason is not None:
            # The current closure carries its reason.
            for i, e in enumerate(b.out):
                if e.action == "closed" and e.at == case.closed_at:
                    b.out[i] = _with_detail(e, _label(case.close_reason.value))

    def _notes(self, b: _Builder) -> None:
        for note in b.case.notes:
            if note.sensitive:
                b.add(
                    TimelineKind.NOTE, "added", note.created_at, note.id, "Sensitive note", None,
                    actor=note.author_id, sensitive=True,
                )  # fmt: skip
            else:
                b.add(
                    TimelineKind.NOTE, "added", note.created_at, note.id, "Note added",
                    note.body, actor=note.author_id,
                )  # fmt: skip

    async def _documents(self, uow: UnitOfWork, b: _Builder) -> None:
        docs = await self.documents(uow).list(case_id=b.case.id, limit=MAX_RECORDS, offset=0)
        for d in docs.items:
            b.add(
                TimelineKind.DOCUMENT, "uploaded", d.uploaded_at, d.id, "Document uploaded",
                d.filename, actor=d.uploaded_by,
            )  # fmt: skip
            if d.status is DocumentStatus.DONE:
                b.add(
                    TimelineKind.DOCUMENT, "processed", d.updated_at, d.id,
                    "Document processed", d.filename,
                )  # fmt: skip
            elif d.status is DocumentStatus.FAILED:
                b.add(
                    TimelineKind.DOCUMENT, "failed", d.updated_at, d.id,
                    "Document could not be read", d.filename,
                )  # fmt: skip

    async def _deadlines(self, uow: UnitOfWork, b: _Builder) -> None:
        found = await self.deadlines(uow).list(limit=MAX_RECORDS, offset=0, case_id=b.case.id)
        for d in found.items:
            what = f"{_label(d.deadline.kind.value)}, due {d.deadline.due.isoformat()}"
            b.add(TimelineKind.DEADLINE, "set", d.created_at, d.id, "Deadline set", what)
            if d.closed_at is not None and d.status is DeadlineStatus.MET:
                b.add(TimelineKind.DEADLINE, "met", d.closed_at, d.id, "Deadline met", what)
            elif d.closed_at is not None and d.status is DeadlineStatus.MISSED:
                b.add(TimelineKind.DEADLINE, "missed", d.closed_at, d.id, "Deadline missed", what)
            elif d.closed_at is not None and d.status is DeadlineStatus.WITHDRAWN:
                b.add(
                    TimelineKind.DEADLINE, "withdrawn", d.closed_at, d.id,
                    "Deadline withdrawn (its event was recorded in error)", what,
                )  # fmt: skip

    async def _appointments(self, uow: UnitOfWork, b: _Builder) -> None:
        found = await self.appointments(uow).list(limit=MAX_RECORDS, offset=0, case_id=b.case.id)
        settled = {
            AppointmentStatus.CANCELLED: ("cancelled", "Appointment cancelled"),
            AppointmentStatus.COMPLETED: ("attended", "Appointment attended"),
            AppointmentStatus.NO_SHOW: ("no_show", "Appointment missed"),
        }
        audit_action = {"cancelled": "cancelled", "attended": "completed", "no_show": "no_show"}
        for s in found.items:
            a = s.appointment
            what = f"{_label(a.kind.value)}, {a.start.astimezone(dt.UTC).isoformat()}"
            b.add(
                TimelineKind.APPOINTMENT, "booked", s.created_at, a.id, "Appointment booked", what
            )
            if a.status in settled:
                action, title = settled[a.status]
                logged = await uow.audit.list(
                    limit=1, offset=0, entity_type="appointment", entity_id=str(a.id),
                    action=f"appointment.{audit_action[action]}",
                )  # fmt: skip
                at = logged.items[0].at if logged.items else a.end
                actor = logged.items[0].actor_id if logged.items else None
                b.add(TimelineKind.APPOINTMENT, action, at, a.id, title, what, actor=actor)

    async def _tasks(self, uow: UnitOfWork, b: _Builder) -> None:
        found = await self.tasks(uow).list(limit=MAX_RECORDS, offset=0, case_id=b.case.id)
        for t in found.items:
            b.add(
                TimelineKind.TASK, "created", t.created_at, t.id, "Task created", t.title,
                actor=t.created_by,
            )  # fmt: skip
            if t.status is TaskStatus.DONE and t.closed_at is not None:
                b.add(
                    TimelineKind.TASK, "completed", t.closed_at, t.id, "Task completed",
                    t.title, actor=t.closed_by,
                )  # fmt: skip

    async def _contacts(self, uow: UnitOfWork, b: _Builder) -> None:
        for c in await self.contacts(uow).list_for_case(b.case.id):
            title = f"Contact logged ({_label(c.channel.value)}, {_label(c.direction.value)})"
            b.add(TimelineKind.CONTACT, "logged", c.at, c.id, title, c.summary, actor=c.created_by)

    async def _letters(self, uow: UnitOfWork, b: _Builder) -> None:
        for letter in await self.letters(uow).list_for_case(b.case.id):
            b.add(
                TimelineKind.LETTER, "produced", letter.created_at, letter.id,
                "Letter produced", letter.subject, actor=letter.created_by,
            )  # fmt: skip
            if letter.sent_at is not None:
                b.add(
                    TimelineKind.LETTER, "sent", letter.sent_at, letter.id, "Letter sent",
                    letter.subject,
                )  # fmt: skip

    async def _debts(self, uow: UnitOfWork, b: _Builder) -> None:
        for d in await self.debts(uow).list_for_case(b.case.id):
            b.add(
                TimelineKind.DEBT, "added", d.created_at, d.id, "Debt added",
                _label(d.debt.debt_type.value),
            )  # fmt: skip

    async def _findings(self, uow: UnitOfWork, b: _Builder) -> None:
        case_id = b.case.id
        for f in await self.findings(uow).for_case(case_id):
            if f.finding.status is Status.FAIL:
                subject = uuid.uuid5(_NS, f"finding:{case_id}:{f.finding.rule_id}")
                title = f"Finding raised ({f.finding.severity.value})"
                b.add(
                    TimelineKind.FINDING,
                    "raised",
                    f.evaluated_at,
                    subject,
                    title,
                    f.finding.message,
                )

    # -- rebuild ------------------------------------------------------------------------

    async def rebuild(self, centre_id: CentreId, progress: Progress | None = None) -> int:
        """Rewrite every case's entries from the write side, then remove the timelines of
        cases that no longer exist. Returns how many cases were written."""
        seen = await self._each_case(centre_id, self.refresh, progress)
        await self._remove_stale(centre_id, seen, self._sweep, self._delete)
        return len(seen)

    async def _sweep(
        self, uow: UnitOfWork, after: CaseId | None
    ) -> tuple[Sequence[CaseId], CaseId | None]:
        ids = await self.case_timelines(uow).case_ids(limit=self.batch, after=after)
        return ids, ids[-1] if ids else None

    async def _delete(self, uow: UnitOfWork, case_ids: list[CaseId]) -> None:
        await self.case_timelines(uow).delete(case_ids)


def _with_detail(entry: TimelineEntry, detail: str) -> TimelineEntry:
    return attrs.evolve(entry, detail=detail)


def parse_kinds(raw: Iterable[str]) -> list[TimelineKind]:
    """The ``kind`` filter's values (a ``ValidationError`` on ``kind`` for an unknown one)."""
    out: list[TimelineKind] = []
    for value in raw:
        try:
            out.append(TimelineKind(value))
        except ValueError:
            allowed = ", ".join(k.value for k in TimelineKind)
            raise ValidationError("kind", f"must be one of {allowed}") from None
    return list(dict.fromkeys(out))


@define
class CaseTimelineQuery:
    """``GET /api/v1/cases/{case_id}/timeline``: a case's timeline from the projection."""

    uow: UnitOfWorkFactory
    clock: Clock
    projection: CaseTimelineProjection
    new_id: IdFactory = field(default=uuid.uuid4)
    wait_seconds: float = 1.0
    poll_seconds: float = 0.02

    @property
    def cases(self) -> RepositoryFactory[CaseRepository]:
        return self.projection.cases

    async def list(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        *,
        limit: int = 50,
        kinds: Collection[TimelineKind] = (),
        cursor: str | None = None,
        written_at: dt.datetime | None = None,
    ) -> tuple[Page[TimelineEntry], ReadVersion]:
        """The case's entries, newest first, for anyone who may read the case (audited as
        a view of the case). ``written_at``: as ``CaseListQuery.list``."""
        after = after_time_and_id(cursor)
        caught_up = written_at is None or await self.projection.caught_up(
            ctx.centre_id, written_at, wait=self.wait_seconds, poll=self.poll_seconds
        )
        async with case_scope(self, ctx, case_id, Permission.CASE_READ, page=(limit, 0)) as (
            uow,
            case,
        ):
            if caught_up:
                version = await self.projection.version(uow)
                timelines = self.projection.case_timelines(uow)
                page = await timelines.list(case.id, limit=limit, kinds=kinds, after=after)
            else:
                entries = await self.projection.read_entries(uow, case.id, case=case)
                page = _page_of(entries, limit, kinds, after)
                version = ReadVersion(watermark=self.clock.now(), lag_seconds=0, source="write")
            await commit_audited(
                uow, ctx, self.new_id, "case.timeline_viewed", "case", case.id,
                self.clock.now(), seal_later=True,
            )  # fmt: skip
        return with_next_cursor(page, lambda e: (e.at, e.entry_id)), version


def _page_of(
    entries: list[TimelineEntry],
    limit: int,
    kinds: Collection[TimelineKind],
    after: tuple[dt.datetime, uuid.UUID] | None,
) -> Page[TimelineEntry]:
    """A page of entries built from the write side (already newest first)."""
    chosen: list[Any] = [e for e in entries if not kinds or e.kind in kinds]
    total = len(chosen)
    if after is not None:
        chosen = [e for e in chosen if (e.at, e.entry_id) < after]
    return Page(items=chosen[:limit], total=total, limit=limit, offset=0)
