"""Each user's work queue: its projection (handler, rebuild, lag) and its query use case.

Kept like the case list and the timeline: one handler, ``work_queue``, re-reads a case's
open work and rewrites the case's items whole (for every user they belong to), so events
late, twice or out of order leave the current queue, and queued events of one case
coalesce into one rewrite. A free-standing task (no case) is its own scope.

Per case: each *open* task goes to its assignee; each *open* deadline to the deadline's
adviser (the case's adviser when it has none); each *booked* appointment to its adviser;
each *pending* document suggestion to the case's adviser ("documents waiting for review").
The query shows only today's appointments (Europe/London), the rest whole.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Hashable, Sequence
from zoneinfo import ZoneInfo

from attrs import define, field

from cma_core.cases.model import AdviserAssigned, Case, CaseClosed, CaseOpened, CaseReopened
from cma_core.documents.model import (
    DocumentDeleted,
    SuggestionAccepted,
    SuggestionMade,
    SuggestionRejected,
)
from cma_core.documents.ports import SuggestionRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.events import CaseErased
from cma_core.readmodels.model import ReadVersion, WorkItem, WorkSection
from cma_core.readmodels.ports import WorkQueueItems
from cma_core.readmodels.projection import Progress, Projection
from cma_core.scheduling.appointments import LONDON, AppointmentStatus
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
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.events import DomainEvent, EventEnvelope
from cma_core.shared.handlers import case_of
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.paging import after_time_and_id, every_item, with_next_cursor
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory
from cma_core.tasks.model import Task, TaskChanged, TaskStatus
from cma_core.tasks.ports import TaskFilter

#: The inbox name of the projection's handler (stored: never rename it).
HANDLER = "work_queue"
EVENTS: tuple[type[DomainEvent], ...] = (
    CaseOpened, AdviserAssigned, CaseClosed, CaseReopened, TaskChanged, FactRecorded,
    FactWithdrawn, DeadlinePassed, DeadlineMet, AppointmentChanged, SuggestionMade,
    SuggestionAccepted, SuggestionRejected, DocumentDeleted, CaseErased,
)  # fmt: skip
EVENT_NAMES = frozenset(e.name for e in EVENTS)
MAX_RECORDS = 1000
#: Events published up to this far ahead of the reader's clock count as owed (clocks of
#: two processes differ a little).
_SKEW = dt.timedelta(seconds=5)
_ZONE = ZoneInfo(LONDON)


def _scope(event: EventEnvelope) -> uuid.UUID | None:
    """What an event rewrites: its case, or a free-standing task's own id."""
    raw = event.payload.get("case_id") or (
        event.payload.get("task_id") if event.name == TaskChanged.name else None
    )
    return uuid.UUID(str(raw)) if raw else None


def today_window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Today in Europe/London, as a half-open UTC interval."""
    day = now.astimezone(_ZONE).date()
    start = dt.datetime.combine(day, dt.time(), tzinfo=_ZONE)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=_ZONE)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


@define
class WorkQueueProjection(Projection):
    """Keeps ``work_queue_items`` in step with the write side; rebuilds it; its lag."""

    HANDLER = HANDLER
    EVENTS = EVENTS
    EVENT_NAMES = EVENT_NAMES

    work_queue_items: RepositoryFactory[WorkQueueItems] = field(kw_only=True)
    appointments: RepositoryFactory[AppointmentRepository] = field(kw_only=True)
    suggestions: RepositoryFactory[SuggestionRepository] = field(kw_only=True)

    def _coalesce(self, event: EventEnvelope) -> Hashable | None:
        scope = _scope(event)
        return str(scope) if scope else case_of(event)

    async def apply(self, uow: UnitOfWork, event: EventEnvelope) -> None:
        scope = _scope(event)
        if scope is not None:
            await self.refresh(uow, scope)

    async def refresh(self, uow: UnitOfWork, scope_id: uuid.UUID) -> int:
        """Rewrite one scope's items from the current state; how many there are."""
        items = self.work_queue_items(uow)
        await items.hold(scope_id)
        found = await self.read_items(uow, scope_id)
        await items.replace(scope_id, found)
        return len(found)

    async def read_items(self, uow: UnitOfWork, scope_id: uuid.UUID) -> list[WorkItem]:
        case = await self.cases(uow).get(CaseId(scope_id))
        if case is None:  # a free-standing task, or a case that is gone
            task = await self.tasks(uow).get(scope_id)  # type: ignore[arg-type]
            if task is None or task.case_id is not None:
                return []
            return [i for i in [_task_item(task, scope_id)] if i is not None]
        # Every page of the case's open tasks (a long case has more than one).
        open_tasks = await every_item(
            lambda limit, offset: self.tasks(uow).list(
                limit=limit, offset=offset, case_id=case.id, status=TaskStatus.OPEN
            ),
            MAX_RECORDS,
        )
        out = [i for t in open_tasks if (i := _task_item(t, case.id, case.reference)) is not None]
        out += await self._case_items(uow, case)
        return sorted(out, key=lambda i: (i.at, i.item_id))

    async def _case_items(self, uow: UnitOfWork, case: Case) -> list[WorkItem]:
        out: list[WorkItem] = []

        def add(user: UserId | None, section: WorkSection, item_id: uuid.UUID,
                at: dt.datetime, title: str, label: str,
                to_check: int | None = None) -> None:  # fmt: skip
            if user is not None:
                out.append(
                    WorkItem(
                        centre_id=case.centre_id, user_id=user, section=section,
                        item_id=item_id, scope_id=case.id, case_id=case.id, at=at,
                        title=title, label=label, case_reference=case.reference,
                        to_check=to_check,
                    )
                )  # fmt: skip

        deadlines = await every_item(
            lambda limit, offset: self.deadlines(uow).list(
                limit=limit, offset=offset, case_id=case.id, status=DeadlineStatus.OPEN
            ),
            MAX_RECORDS,
        )
        for d in deadlines:
            due = dt.datetime.combine(d.deadline.due, dt.time(), tzinfo=dt.UTC)
            kind = d.deadline.kind.value
            add(d.adviser_id or case.adviser_id, WorkSection.DEADLINE, d.id, due,
                f"{case.reference}: {kind.replace('_', ' ')}", kind)  # fmt: skip
        appts = await every_item(
            lambda limit, offset: self.appointments(uow).list(
                limit=limit, offset=offset, case_id=case.id, booked_only=True
            ),
            MAX_RECORDS,
        )
        for s in appts:
            a = s.appointment
            if a.status is AppointmentStatus.BOOKED:
                add(a.adviser_id, WorkSection.APPOINTMENT, a.id, a.start,
                    f"{case.reference}: {a.kind.value.replace('_', ' ')} appointment",
                    a.kind.value)  # fmt: skip
        # What waits and since when: nothing the suggestions read is opened.
        for sg in await self.suggestions(uow).waiting(case_id=case.id):
            # The kind, not the suggestion's title: that names the creditor and the sum,
            # which stay sealed (this table holds no client's data in clear).
            add(case.adviser_id, WorkSection.DOCUMENT, sg.id, sg.created_at,
                f"{case.reference}: suggested {sg.kind.value.replace('_', ' ')} to review",
                sg.kind.value, sg.to_check)  # fmt: skip
        return out

    # -- rebuild and lag ----------------------------------------------------------------

    async def rebuild(self, centre_id: CentreId, progress: Progress | None = None) -> int:
        """Rewrite every case's and free-standing task's items, then remove scopes that
        are gone. Returns how many scopes were written."""
        seen: set[uuid.UUID] = set(await self._each_case(centre_id, self.refresh, progress))
        seen |= await self._free_tasks(centre_id)
        await self._remove_stale(centre_id, seen, self._sweep, self._delete)
        return len(seen)

    async def _free_tasks(self, centre_id: CentreId) -> set[uuid.UUID]:
        done: set[uuid.UUID] = set()
        offset = 0
        while True:
            async with self.uow(centre_id) as uow:
                page = await self.tasks(uow).list(
                    limit=self.batch, offset=offset, where=TaskFilter(status=TaskStatus.OPEN)
                )
                for t in page.items:
                    if t.case_id is None:
                        await self.refresh(uow, t.id)
                        done.add(t.id)
                await uow.commit()
            if len(page.items) < self.batch:
                return done
            offset += self.batch

    async def unapplied_scopes(self, uow: UnitOfWork, until: dt.datetime) -> set[uuid.UUID]:
        """The scopes of the centre's events up to ``until`` this handler has not applied
        (read from the outbox: the events not yet settled, at most ``MAX_RECORDS`` of
        them oldest first, less those in the handler's inbox)."""
        now = self.clock.now()
        owed = [
            *await uow.outbox.unpublished(limit=MAX_RECORDS),
            *await uow.outbox.owed(published_before=now + _SKEW, limit=MAX_RECORDS),
        ]
        mine = [e for e in owed if e.name in EVENT_NAMES and e.occurred_at <= until]
        applied = await uow.inbox.seen_of([e.event_id for e in mine], HANDLER)
        return {
            scope for e in mine if e.event_id not in applied and (scope := _scope(e)) is not None
        }

    async def _sweep(
        self, uow: UnitOfWork, after: uuid.UUID | None
    ) -> tuple[Sequence[uuid.UUID], uuid.UUID | None]:
        ids = await self.work_queue_items(uow).scope_ids(limit=self.batch, after=after)
        return ids, ids[-1] if ids else None

    async def _delete(self, uow: UnitOfWork, scope_ids: list[uuid.UUID]) -> None:
        await self.work_queue_items(uow).delete(scope_ids)


def _task_item(
    task: Task, scope_id: uuid.UUID, case_reference: str | None = None
) -> WorkItem | None:
    if task.status is not TaskStatus.OPEN or task.assignee_id is None:
        return None
    return WorkItem(
        centre_id=task.centre_id,
        user_id=task.assignee_id,
        section=WorkSection.TASK,
        item_id=task.id,
        scope_id=scope_id,
        case_id=task.case_id,
        at=task.due_at or task.created_at,
        title=task.title,
        label=task.priority.value,
        kind=task.kind.value,
        due_at=task.due_at,
        version=task.version,
        case_reference=case_reference,
    )


@define
class WorkQueueQuery:
    """``GET /api/v1/work-queue``: a user's queue from the projection."""

    uow: UnitOfWorkFactory
    clock: Clock
    projection: WorkQueueProjection
    wait_seconds: float = 1.0
    poll_seconds: float = 0.02

    async def list(
        self,
        ctx: TenantContext,
        *,
        user_id: UserId | None = None,
        section: WorkSection | None = None,
        limit: int = 50,
        cursor: str | None = None,
        written_at: dt.datetime | None = None,
        staff: frozenset[UserId] | None = None,
    ) -> tuple[Page[WorkItem], dict[WorkSection, int], ReadVersion]:
        """The queue of ``user_id`` (the caller's own when ``None``): another user's needs
        ``task:assign`` (a supervisor) and someone on the centre's staff (``staff``)."""
        ctx.require(Permission.TASK_READ)
        if not 1 <= limit <= 200:
            raise ValidationError("limit", "must be between 1 and 200")
        after = after_time_and_id(cursor)
        whose = user_id or ctx.user_id
        if whose is None:
            raise ValidationError("user_id", "a system context has no queue of its own")
        if whose != ctx.user_id:
            if not ctx.can(Permission.TASK_ASSIGN):
                raise NotFound("user", whose)
            if staff is not None and whose not in staff:
                raise NotFound("user", whose)
        caught_up = written_at is None or await self.projection.caught_up(
            ctx.centre_id, written_at, wait=self.wait_seconds, poll=self.poll_seconds
        )
        window = today_window(self.clock.now())
        async with self.uow(ctx.centre_id) as uow:
            behind: set[uuid.UUID] = set()
            fresh: Sequence[WorkItem] = ()
            if caught_up or written_at is None:
                version = await self.projection.version(uow)
            else:
                behind, fresh = await self._write_side(uow, whose, written_at, window)
                version = ReadVersion(watermark=self.clock.now(), lag_seconds=0, source="write")
            # One page and the counts from the store, the scopes read afresh left out of
            # it and merged in: a page costs the same however long the queue.
            items = self.projection.work_queue_items(uow)
            stored = await items.list(
                whose, limit=limit, section=section, appointments=window, after=after,
                without=behind,
            )  # fmt: skip
            counts = await items.counts(whose, appointments=window, without=behind)
        for i in fresh:
            counts[i.section] += 1
        chosen = [i for i in fresh if section is None or i.section is section]
        total = stored.total + len(chosen)
        if after is not None:
            chosen = [i for i in chosen if (i.at, i.item_id) > after]
        merged = sorted([*stored.items, *chosen], key=lambda i: (i.at, i.item_id))
        page = Page(items=merged[:limit], total=total, limit=limit, offset=0)
        return with_next_cursor(page, lambda i: (i.at, i.item_id)), counts, version

    async def _write_side(
        self,
        uow: UnitOfWork,
        whose: UserId,
        written_at: dt.datetime,
        window: tuple[dt.datetime, dt.datetime],
    ) -> tuple[set[uuid.UUID], Sequence[WorkItem]]:
        """The scopes the projection has not caught up on (its events up to
        ``written_at`` not yet applied) and the user's items of them read from the write
        side: the user's own write shows, however far behind the projection is."""
        behind = await self.projection.unapplied_scopes(uow, written_at)
        fresh = [
            i
            for scope in behind
            for i in await self.projection.read_items(uow, scope)
            if i.user_id == whose and _in_window(i, window)
        ]
        return behind, fresh


def _in_window(item: WorkItem, window: tuple[dt.datetime, dt.datetime]) -> bool:
    """Whether the query shows the item (appointments only today's)."""
    return item.section is not WorkSection.APPOINTMENT or window[0] <= item.at < window[1]
