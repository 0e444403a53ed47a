"""The dict-backed unit of work (with its outbox, inbox and audit trail), the identity
store and the test doubles. The areas' repositories join the unit of work through their
factories (``cma_adapters.memory.cases.cases`` and the like).

Reads hand out deep copies and writes are staged until ``commit()``, so a unit of work
that is left without committing changes nothing, exactly like a database transaction.

Personal data is held in plaintext here on purpose: these records never leave the process
(no file, database or backup), so field encryption would protect nothing. The SQL adapter
seals it (``cma_adapters.sqlalchemy.crypto``).
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
import hashlib
import hmac
import logging
from collections.abc import Callable, Collection, Sequence
from types import TracebackType
from typing import Any, Self, TypeVar

import attrs
from attrs import define, field

from cma_core.audit.chain import link
from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.audit.ports import AuditLog
from cma_core.cases.model import Case
from cma_core.clients.model import Client
from cma_core.identity.model import Centre, User
from cma_core.identity.ports import IdentityStore, PasswordHasher
from cma_core.identity.second_factor import SecondFactorPolicy
from cma_core.shared.clock import Clock
from cma_core.shared.errors import Conflict, CrossTenantAccess, StaleVersion
from cma_core.shared.events import Aggregate, DomainEvent, EventEnvelope, staged_events
from cma_core.shared.ids import AuditId, CaseId, CentreId, ClientId, EventId, TaskId, UserId
from cma_core.shared.jobs import EventPublisher
from cma_core.shared.uow import Inbox, Outbox, Page, UnitOfWork
from cma_core.tasks.model import Task

log = logging.getLogger(__name__)
_T = TypeVar("_T")


@define
class InMemoryDatabase:
    """The committed state, shared by every unit of work made from one factory."""

    centres: dict[CentreId, Centre] = field(factory=dict)
    users: dict[UserId, User] = field(factory=dict)
    second_factor: dict[CentreId, SecondFactorPolicy] = field(factory=dict)
    #: Each user's recovery-code digests, with when each was spent (``None``: unused).
    recovery_codes: dict[UserId, dict[str, dt.datetime | None]] = field(factory=dict)
    last_centres: dict[UserId, CentreId] = field(factory=dict)
    clients: dict[ClientId, Client] = field(factory=dict)
    cases: dict[CaseId, Case] = field(factory=dict)
    tasks: dict[TaskId, Task] = field(factory=dict)
    audit: list[AuditEntry] = field(factory=list)
    audit_heads: dict[CentreId, ChainHead] = field(factory=dict)
    #: Write ``seal_later`` entries unsealed (the PostgreSQL default); off: link at commit.
    seal_views_later: bool = False
    outbox: dict[EventId, tuple[EventEnvelope, dt.datetime | None]] = field(factory=dict)
    #: Settled events: when, and the dead letter's reason if abandoned.
    outbox_settled: dict[EventId, tuple[dt.datetime, str | None]] = field(factory=dict)
    #: Owed events a worker's batch holds: by whom, until when (``Outbox.claim``).
    outbox_claims: dict[EventId, tuple[str, dt.datetime]] = field(factory=dict)
    inbox: set[tuple[CentreId, EventId, str]] = field(factory=set)
    #: ``UnitOfWork.serialise``'s locks, per (centre, key).
    serial_locks: dict[tuple[CentreId, str], asyncio.Lock] = field(factory=dict)
    counters: dict[CentreId, int] = field(factory=dict)
    #: Tables of other areas (debts, budgets, documents, ...), by name.
    tables: dict[str, dict[Any, Any]] = field(factory=dict)

    def table(self, name: str) -> dict[Any, Any]:
        return self.tables.setdefault(name, {})


def page_of(
    items: list[_T],
    limit: int,
    offset: int,
    *,
    after: tuple[Any, ...] | None = None,
    key: Callable[[_T], Any] | None = None,
    descending: bool = False,
) -> Page[_T]:
    """The page of ``items`` (every match, sorted by ``key``) from ``offset``; with
    ``after`` (a keyset cursor's key), of those sorting after it, as SQL's row-value
    comparison does. ``total`` counts every match."""
    rest = items
    if after is not None and key is not None:
        rest = [i for i in items if (key(i) < after if descending else key(i) > after)]
    return Page(items=rest[offset : offset + limit], total=len(items), limit=limit, offset=offset)


_A = TypeVar("_A", bound=Aggregate)


def stored_copy(aggregate: _A) -> _A:
    """State only: events recorded so far belong to this unit of work's commit, and a copy
    that kept them would hand them out again on every later load and save."""
    stored = copy.deepcopy(aggregate)
    stored.pull_events()
    return stored


class Staging:
    """Writes waiting for commit, plus the aggregates whose events must go to the outbox."""

    def __init__(self) -> None:
        self.ops: list[Callable[[], None]] = []
        self.checks: list[Callable[[], None]] = []
        self.touched: dict[object, Aggregate | tuple[DomainEvent, ...]] = {}
        # The stored version each aggregate had when this unit of work first saved it:
        # saving twice must compare the commit against that, not the bumped one.
        self.base_versions: dict[object, int] = {}
        self.task_events: set[EventId] = set()
        #: What rollback undoes of the writes made at once (outbox claims, which other
        #: units of work must see while this one is open, as a row lock is seen).
        self.undo: list[Callable[[], None]] = []


class _AuditLog(AuditLog):
    def __init__(self, db: InMemoryDatabase, centre_id: CentreId, st: Staging) -> None:
        self._db, self._centre, self._st = db, centre_id, st

    async def append(self, entry: AuditEntry, *, seal_later: bool = False) -> None:
        if entry.centre_id != self._centre:
            raise CrossTenantAccess("audit entry belongs to another centre")
        if seal_later and self._db.seal_views_later:
            self._st.ops.append(lambda: self._db.audit.append(entry))
        else:
            self._st.ops.append(lambda: self._link(entry))

    def _unsealed(self) -> list[int]:
        return [
            i
            for i, e in enumerate(self._db.audit)
            if e.centre_id == self._centre and e.hash is None
        ]

    async def seal(self, *, limit: int) -> int:
        # Sealing reads committed entries and links them at once (the dict store has no
        # concurrent writers to serialise against); the commit has nothing left to do.
        todo = self._unsealed()[:limit]
        for i in todo:
            linked, head = link(self._db.audit[i], self._db.audit_heads.get(self._centre))
            self._db.audit[i] = linked
            self._db.audit_heads[self._centre] = head
        return len(todo)

    async def unsealed(self, *, before: dt.datetime | None = None) -> int:
        return sum(1 for i in self._unsealed() if before is None or self._db.audit[i].at < before)

    def _link(self, entry: AuditEntry) -> None:
        linked, head = link(entry, self._db.audit_heads.get(self._centre))
        self._db.audit.append(linked)
        self._db.audit_heads[self._centre] = head

    async def list(
        self,
        *,
        limit: int,
        offset: int,
        entity_type: str | None = None,
        entity_id: str | None = None,
        actor_id: UserId | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        after: AuditId | None = None,
    ) -> Page[AuditEntry]:
        rows = [
            e
            for e in self._db.audit
            if e.centre_id == self._centre
            and (entity_type is None or e.entity_type == entity_type)
            and (entity_id is None or e.entity_id == entity_id)
            and (actor_id is None or e.actor_id == actor_id)
            and (action is None or e.action == action)
            and (since is None or e.at >= since)
            and (until is None or e.at < until)
        ]
        if after is not None:
            ids = [e.id for e in rows]
            total = len(rows)
            rows = rows[ids.index(after) + 1 :] if after in ids else []
            return Page(
                items=rows[offset : offset + limit], total=total, limit=limit, offset=offset
            )
        return page_of(rows, limit, offset)

    async def chain(self, *, after_seq: int, limit: int) -> Sequence[AuditEntry]:
        rows = [
            e
            for e in self._db.audit
            if e.centre_id == self._centre and (e.chain_seq or 0) > after_seq
        ]
        rows.sort(key=lambda e: e.chain_seq or 0)
        return rows[:limit]

    async def head(self) -> ChainHead | None:
        return self._db.audit_heads.get(self._centre)


class _Outbox(Outbox):
    def __init__(self, db: InMemoryDatabase, centre_id: CentreId, st: Staging) -> None:
        self._db, self._centre, self._st = db, centre_id, st

    async def add(self, envelopes: Sequence[EventEnvelope]) -> None:
        for env in envelopes:
            if env.centre_id != self._centre:
                raise CrossTenantAccess("event belongs to another centre")
            self._st.ops.append(
                lambda env=env: self._db.outbox.__setitem__(env.event_id, (env, None))  # type: ignore[misc]
            )

    async def get(self, event_id: EventId) -> EventEnvelope | None:
        row = self._db.outbox.get(event_id)
        if row is None or row[0].centre_id != self._centre:
            return None
        return row[0]

    async def unpublished(self, *, limit: int) -> Sequence[EventEnvelope]:
        rows = [
            env
            for env, published in self._db.outbox.values()
            if env.centre_id == self._centre and published is None
        ]
        rows.sort(key=lambda e: e.occurred_at)
        return rows[:limit]

    async def mark_published(self, event_ids: Sequence[EventId], at: dt.datetime) -> None:
        for event_id in event_ids:
            row = self._db.outbox.get(event_id)
            if row is not None and row[0].centre_id == self._centre:
                self._st.ops.append(
                    lambda e=event_id, env=row[0]: self._db.outbox.__setitem__(e, (env, at))  # type: ignore[misc]
                )

    async def owed(
        self,
        *,
        published_before: dt.datetime,
        limit: int,
        unclaimed_at: dt.datetime | None = None,
    ) -> Sequence[EventEnvelope]:
        rows = [
            env
            for env, published in self._db.outbox.values()
            if env.centre_id == self._centre
            and published is not None
            and published < published_before
            and env.event_id not in self._db.outbox_settled
            and (unclaimed_at is None or self._holder(env.event_id, unclaimed_at) is None)
        ]
        rows.sort(key=lambda e: e.occurred_at)
        return rows[:limit]

    def _holder(self, event_id: EventId, at: dt.datetime) -> str | None:
        claim = self._db.outbox_claims.get(event_id)
        return claim[0] if claim is not None and claim[1] > at else None

    async def claim(
        self, event_ids: Sequence[EventId], *, by: str, until: dt.datetime, now: dt.datetime
    ) -> set[EventId]:
        # Written at once, not on commit: a claimer of another unit of work open meanwhile
        # must not get the same events (it skips them, as PostgreSQL skips locked rows).
        mine: set[EventId] = set()
        for event_id in dict.fromkeys(event_ids):
            row = self._db.outbox.get(event_id)
            if row is None or row[0].centre_id != self._centre:
                continue
            if event_id in self._db.outbox_settled or self._holder(event_id, now) not in (
                None,
                by,
            ):
                continue
            before = self._db.outbox_claims.get(event_id)
            self._db.outbox_claims[event_id] = (by, until)
            self._st.undo.append(lambda e=event_id, b=before: self._put_back(e, b))  # type: ignore[misc]
            mine.add(event_id)
        return mine

    async def release(self, event_ids: Sequence[EventId], *, by: str) -> set[EventId]:
        # Written at once, as ``claim`` is (undone on rollback).
        released: set[EventId] = set()
        for event_id in dict.fromkeys(event_ids):
            row = self._db.outbox.get(event_id)
            claim = self._db.outbox_claims.get(event_id)
            if row is None or row[0].centre_id != self._centre or claim is None:
                continue
            if event_id in self._db.outbox_settled or claim[0] != by:
                continue
            del self._db.outbox_claims[event_id]
            self._st.undo.append(lambda e=event_id, b=claim: self._put_back(e, b))  # type: ignore[misc]
            released.add(event_id)
        return released

    async def held_by_others(
        self, event_ids: Sequence[EventId], *, by: str, now: dt.datetime
    ) -> set[EventId]:
        return {
            i
            for i in event_ids
            if (row := self._db.outbox.get(i)) is not None
            and row[0].centre_id == self._centre
            and i not in self._db.outbox_settled
            and self._holder(i, now) not in (None, by)
        }

    def _put_back(self, event_id: EventId, claim: tuple[str, dt.datetime] | None) -> None:
        if claim is None:
            self._db.outbox_claims.pop(event_id, None)
        else:
            self._db.outbox_claims[event_id] = claim

    async def settled_of(self, event_ids: Sequence[EventId]) -> set[EventId]:
        return {
            i
            for i in event_ids
            if (row := self._db.outbox.get(i)) is not None
            and row[0].centre_id == self._centre
            and i in self._db.outbox_settled
        }

    async def settle(
        self, event_id: EventId, at: dt.datetime, *, dead_letter: str | None = None
    ) -> None:
        row = self._db.outbox.get(event_id)
        if row is not None and row[0].centre_id == self._centre:

            def apply() -> None:
                self._db.outbox_settled.setdefault(event_id, (at, dead_letter))

            self._st.ops.append(apply)


class _Inbox(Inbox):
    def __init__(self, db: InMemoryDatabase, centre_id: CentreId, st: Staging) -> None:
        self._db, self._centre, self._st = db, centre_id, st

    async def seen(self, event_id: EventId, handler: str) -> bool:
        return (self._centre, event_id, handler) in self._db.inbox

    async def seen_of(self, event_ids: Sequence[EventId], handler: str) -> set[EventId]:
        return {e for e in event_ids if (self._centre, e, handler) in self._db.inbox}

    async def mark(self, event_id: EventId, handler: str, at: dt.datetime) -> None:
        self._st.ops.append(lambda: self._db.inbox.add((self._centre, event_id, handler)))

    async def mark_many(self, event_ids: Sequence[EventId], handler: str, at: dt.datetime) -> None:
        for event_id in event_ids:
            await self.mark(event_id, handler, at)


class InMemoryUnitOfWork(UnitOfWork):
    def __init__(
        self,
        db: InMemoryDatabase,
        centre_id: CentreId,
        publisher: EventPublisher | None = None,
    ) -> None:
        self.centre_id = centre_id
        self._db = db
        self._publisher = publisher
        self._st = Staging()
        self._committed: list[EventEnvelope] = []
        self._serial: dict[str, asyncio.Lock] = {}
        self.audit = _AuditLog(db, centre_id, self._st)
        self.outbox = _Outbox(db, centre_id, self._st)
        self.inbox = _Inbox(db, centre_id, self._st)

    async def __aenter__(self) -> Self:
        self._st = Staging()
        for repo in (self.audit, self.outbox, self.inbox):
            repo._st = self._st
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.rollback()
        committed, self._committed = self._committed, []
        if committed and self._publisher is not None:
            await publish_after_commit(self._publisher, committed, self)

    async def commit(self) -> None:
        envelopes = [EventEnvelope.wrap(e) for e in staged_events(self._st.touched)]
        await self.outbox.add(envelopes)
        for check in self._st.checks:
            check()
        for op in self._st.ops:
            op()
        self._st = Staging()
        for repo in (self.audit, self.outbox, self.inbox):
            repo._st = self._st
        self._committed.extend(envelopes)
        self._let_go()

    async def serialise(self, keys: Collection[str]) -> None:
        for key in sorted(set(keys) - set(self._serial)):
            lock = self._db.serial_locks.setdefault((self.centre_id, key), asyncio.Lock())
            await lock.acquire()
            self._serial[key] = lock

    def _let_go(self) -> None:
        held, self._serial = self._serial, {}
        for lock in held.values():
            lock.release()

    @property
    def db(self) -> InMemoryDatabase:
        return self._db

    @classmethod
    def of(cls, uow: UnitOfWork) -> InMemoryUnitOfWork:
        """``uow`` as this adapter's unit of work: what a ``RepositoryFactory`` of the
        in-memory adapter calls first. Another adapter's unit of work is a wiring error."""
        if not isinstance(uow, cls):
            raise TypeError(f"in-memory repositories need an InMemoryUnitOfWork, not {type(uow)}")
        return uow

    @property
    def staging(self) -> Staging:
        """Writes of other areas' repositories join the same commit through this."""
        return self._st

    def track(self, aggregate: Aggregate) -> None:
        self._st.touched[id(aggregate)] = aggregate

    def emit(self, *events: DomainEvent) -> None:
        self._st.touched[object()] = events

    async def rollback(self) -> None:
        for undo in reversed(self._st.undo):
            undo()
        self._st.undo.clear()
        self._st.ops.clear()
        self._st.checks.clear()
        self._st.touched.clear()
        self._let_go()


async def publish_after_commit(
    publisher: EventPublisher, envelopes: Sequence[EventEnvelope], uow: InMemoryUnitOfWork
) -> None:
    try:
        await publisher.publish(envelopes)
    except Exception:  # the relay will publish them later; the commit stands
        log.exception("publishing %d events failed; left for the outbox relay", len(envelopes))
        return
    now = dt.datetime.now(dt.UTC)
    for env in envelopes:
        uow._db.outbox[env.event_id] = (env, now)


def in_memory_uow_factory(
    db: InMemoryDatabase, publisher: EventPublisher | None = None
) -> Callable[[CentreId], InMemoryUnitOfWork]:
    def factory(centre_id: CentreId) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(db, centre_id, publisher)

    return factory


class InMemoryIdentityStore(IdentityStore):
    def __init__(self, db: InMemoryDatabase) -> None:
        self._db = db

    async def add_centre(self, centre: Centre) -> None:
        self._db.centres[centre.id] = copy.deepcopy(centre)

    async def get_centre(self, centre_id: CentreId) -> Centre | None:
        return copy.deepcopy(self._db.centres.get(centre_id))

    async def list_centres(self) -> Sequence[Centre]:
        return sorted(
            (copy.deepcopy(c) for c in self._db.centres.values()),
            key=lambda c: (c.created_at, c.id),
        )

    async def add_user(self, user: User) -> None:
        if any(u.email == user.email for u in self._db.users.values()):
            raise Conflict(f"a user with email {user.email} already exists")
        self._db.users[user.id] = copy.deepcopy(user)

    async def save_user(self, user: User) -> None:
        """Conditional on the version read, like the SQL store's update."""
        stored = self._db.users.get(user.id)
        if stored is not None and stored.version != user.version:
            raise StaleVersion("user", user.version, stored.version)
        user.version += 1
        self._db.users[user.id] = copy.deepcopy(user)

    async def get_user(self, user_id: UserId) -> User | None:
        return copy.deepcopy(self._db.users.get(user_id))

    async def get_user_by_email(self, email: str) -> User | None:
        for user in self._db.users.values():
            if user.email == email:
                return copy.deepcopy(user)
        return None

    async def list_users(self, centre_id: CentreId) -> Sequence[User]:
        return [copy.deepcopy(u) for u in self._db.users.values() if centre_id in u.centre_ids]

    async def get_second_factor_policy(self, centre_id: CentreId) -> SecondFactorPolicy | None:
        return self._db.second_factor.get(centre_id)

    async def save_second_factor_policy(
        self, policy: SecondFactorPolicy, *, expected_version: int
    ) -> SecondFactorPolicy:
        stored = self._db.second_factor.get(policy.centre_id)
        actual = stored.version if stored is not None else 0
        if actual != expected_version:
            raise StaleVersion("second-factor settings", expected_version, actual)
        saved = attrs.evolve(policy, version=actual + 1)
        self._db.second_factor[policy.centre_id] = saved
        return saved

    async def replace_recovery_codes(
        self, user_id: UserId, digests: Sequence[str], at: dt.datetime
    ) -> None:
        self._db.recovery_codes[user_id] = dict.fromkeys(digests)

    async def use_recovery_code(self, user_id: UserId, digest: str, at: dt.datetime) -> bool:
        codes = self._db.recovery_codes.get(user_id, {})
        if digest not in codes or codes[digest] is not None:
            return False
        codes[digest] = at
        return True

    async def recovery_codes_left(self, user_id: UserId) -> int:
        return sum(1 for used in self._db.recovery_codes.get(user_id, {}).values() if not used)

    async def remember_centre(self, user_id: UserId, centre_id: CentreId) -> None:
        if user_id in self._db.users and centre_id in self._db.centres:
            self._db.last_centres[user_id] = centre_id

    async def last_centre(self, user_id: UserId) -> CentreId | None:
        return self._db.last_centres.get(user_id)


class RecordingEventPublisher(EventPublisher):
    """Keeps what it was given, for tests and for embedding programs to read."""

    def __init__(self) -> None:
        self.published: list[EventEnvelope] = []

    async def publish(self, envelopes: Sequence[EventEnvelope]) -> None:
        self.published.extend(envelopes)


class PlainPasswordHasher(PasswordHasher):
    """A fast keyed hash for tests only (argon2 is deliberately slow). Never in production."""

    def hash(self, password: str) -> str:
        return "test$" + hmac.new(b"cma-test", password.encode(), hashlib.sha256).hexdigest()

    def verify(self, password_hash: str, password: str) -> bool:
        return hmac.compare_digest(password_hash, self.hash(password))

    def needs_rehash(self, password_hash: str) -> bool:
        return False


class SystemClock(Clock):
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class FixedClock(Clock):
    """A clock that stands still until moved: deterministic tests."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta
