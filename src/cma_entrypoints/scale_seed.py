"""``cma demo --scale N``: a realistic national data set, seeded fast.

N cases over M centres. Centres, one adviser each and each centre's first client go
through the application's services (which make the centre, the login, the data key and
the audit chain's head); then per case, generated in memory with the rows the
repositories and the bulk import write (``cma_adapters/sqlalchemy/bulk.py``):

- the client (personal fields sealed with the centre's data key, blind indexes, the
  look-up digests), the case (one in five closed), one note (one in ten sensitive; every
  note sealed), the initial-contact task, one debt;
- the audit entries the bulk import writes (``client.created``, ``case.created``,
  ``debt.created``), hash-chained per centre in order, and the chain heads moved;
- what the event handlers would have made from those records: the case list row (the
  client's name sealed) and the search documents of the client, case and note.

No events go to the outbox (the handlers' results are written directly, so a worker has
nothing to catch up). Writing: on PostgreSQL psycopg's ``COPY`` as the database owner
(``COPY FROM`` is refused on tables under Row Level Security, so the application role's
bulk import uses multi-row ``INSERT`` instead); on SQLite ``executemany`` in a large
transaction per chunk, and the FTS5 index through its own table. A writer thread writes
chunk k while the next chunk is generated, so the database's work overlaps Python's. The
foreign keys are checked once after the rows rather than row by row (``bulk_keys``: on
PostgreSQL dropped for the load and the same constraints added back, checked).

``compare_copy``: the ceiling, PostgreSQL ``COPY`` of the seed's own already-made rows
into shadow copies of the same tables (same indexes), interleaved with the seed segment by
segment (``scale_copy``), so a swing in the machine's load hits both sides.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import hashlib
import json
import logging
import math
import operator
import os
import queue
import random
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TYPE_CHECKING, Any

from attrs import define, field, frozen

from cma_adapters.sqlalchemy import bulk
from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.crypto import CentreKey, aad
from cma_adapters.sqlalchemy.debts import DEBT_SEALED
from cma_core.audit.chain import CHAIN_VERSION, GENESIS, link
from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.clients.model import Client
from cma_core.clients.service import RegisterClient
from cma_core.debts.model import Debt, DebtId, DebtType
from cma_core.debts.ports import DebtEntry
from cma_core.debts.service import DEBT_FIELDS
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.readmodels.model import CaseListRow
from cma_core.search import projection as p
from cma_core.search.model import SearchDocument
from cma_core.search.terms import CentreSearchKey
from cma_core.shared.data import to_data
from cma_core.shared.ids import (
    AuditId,
    CaseId,
    CentreId,
    ClientId,
    EventId,
    NoteId,
    TaskId,
    UserId,
)
from cma_core.shared.money import Money
from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_entrypoints.bulk_keys import dropped_foreign_keys, unchecked_foreign_keys
from cma_entrypoints.scale_copy import Clock, Interleaved, Pair, add_cpu, segments, shadow_tables

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

log = logging.getLogger("cma.scale_seed")

#: Cases generated and written at a time (one ``COPY`` transaction).
CHUNK = 1_000
#: With ``compare_copy``: at least this many chunks a worker seeds between two pauses for
#: ``COPY`` (its pipeline fills and drains once a segment), and at most this many pairs.
SEGMENT_CHUNKS = 3
PAIRS = 10
T0 = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)
#: Written in this order (foreign keys: clients before cases before their children).
TABLES = ("clients", "client_lookup_terms", "cases", "case_notes", "tasks", "advice_debts",
          "audit_log", "case_list_rows")  # fmt: skip
FIRST = (
    "Amira",
    "Ben",
    "Chloe",
    "Dev",
    "Ellis",
    "Farah",
    "Grace",
    "Hamid",
    "Iona",
    "Jack",
    "Kezia",
    "Liam",
    "Maya",
    "Niamh",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tariq",
    "Una",
    "Vik",
    "Wren",
    "Yusuf",
    "Zara",
)
LAST = (
    "Adeyemi",
    "Brown",
    "Campbell",
    "Davies",
    "Evans",
    "Fraser",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morgan",
    "Nowak",
    "O'Brien",
    "Patel",
    "Quigley",
    "Roberts",
    "Smith",
    "Taylor",
    "Underwood",
    "Vaughan",
    "Walsh",
    "Young",
    "Zielinski",
)
CREDITORS = (
    "Barclaycard",
    "Lowell",
    "Cabot",
    "Vanquis",
    "Aqua",
    "Capital",
    "One",
    "Very",
    "Littlewoods",
    "EE",
    "Octopus",
    "British",
    "Gas",
    "Thames",
    "Water",
    "Klarna",
)
NOTES = (
    "Client called about {c} arrears of £{n}; asked for a breathing space.",
    "Sent {c} a holding letter; council tax reminder received.",
    "Bailiff letter from {c}: enforcement fee {n}. Advised on priority debts.",
    "Income and expenditure reviewed; surplus £{n} a month offered to {c}.",
    "Client unemployed since March; universal credit claim pending. {c} chasing.",
    "Mortgage shortfall discussed; {c} default notice dated last week.",
)
SENSITIVE = "Client disclosed domestic abuse; staying with a friend. Do not call {c}."
DEBT_KINDS = (DebtType.COUNCIL_TAX, DebtType.CREDIT_CARD, DebtType.RENT, DebtType.ELECTRICITY)

CLIENT_FIELDS = ("first_name", "last_name", "date_of_birth", "email", "phone")

Rows = dict[str, list[Any]]
Progress = Callable[[int, int], None]


@define
class Centre:
    id: CentreId
    name: str
    adviser: UserId
    email: str
    key: CentreKey
    search_key: CentreSearchKey
    head: ChainHead | None
    cases: int = 0


@define
class Receipt:
    backend: str
    cases: int
    centres: int
    rows: dict[str, int] = field(factory=dict)
    setup_seconds: float = 0.0
    seconds: float = 0.0
    #: Of ``seconds``: the chain heads, counters and ``VACUUM (ANALYZE)`` after the rows.
    finish_seconds: float = 0.0
    copy_ceiling_rows_per_second: float | None = None
    #: The seed and ``COPY`` of the same rows, pair by pair (``compare_copy``).
    interleaved: Interleaved | None = None
    logins: list[dict[str, str]] = field(factory=list)
    password: str = ""

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def as_dict(self) -> dict[str, Any]:
        rate = self.total_rows / self.seconds if self.seconds else 0.0
        out: dict[str, Any] = {
            "backend": self.backend,
            "cases": self.cases,
            "centres": self.centres,
            "rows": self.total_rows,
            "rows_by_table": dict(self.rows),
            "setup_seconds": round(self.setup_seconds, 1),
            "seconds": round(self.seconds, 1),
            "finish_seconds": round(self.finish_seconds, 1),
            "rows_per_second": round(rate),
            "cases_per_second": round(self.cases / self.seconds) if self.seconds else 0,
            "password": self.password,
            "logins": self.logins[:5],
            "login_pattern": "adviser{n}@c{n}.scale.example (centre 'Scale centre {n:04d}')",
        }
        if self.copy_ceiling_rows_per_second:
            out["copy_ceiling_rows_per_second"] = round(self.copy_ceiling_rows_per_second)
            out["share_of_copy"] = round(rate / self.copy_ceiling_rows_per_second, 3)
            # The ceiling times COPY alone: the same without the finish, beside it.
            rows_only = self.seconds - self.finish_seconds
            if self.finish_seconds and rows_only > 0:
                out["share_of_copy_without_finish"] = round(
                    self.total_rows / rows_only / self.copy_ceiling_rows_per_second, 3
                )
            out["copy_ceiling"] = "interleaved: COPY of each segment's rows right after it"
        if self.interleaved is not None:
            out["interleaved"] = self.interleaved.as_dict()
        return out


# -- centres, through the services --------------------------------------------------------


async def make_centres(
    c: Container, count: int, password: str, progress: Progress | None = None
) -> list[Centre]:
    """The centre, an adviser and a first client (which makes the centre's data key and
    starts its audit chain) through the services; then the key and chain head as stored."""
    centres = []
    for i in range(count):
        name = f"Scale centre {i:04d}"
        centre = await c.identity().create_centre(name)
        email = f"adviser{i}@c{i}.scale.example"
        user = await c.identity().create_user(
            centre_id=centre.id, email=email, role=Role.ADVISER, password=password,
            full_name=f"Adviser {i:04d}",
        )  # fmt: skip
        born = dt.date(1980, 1, 1)
        cmd = RegisterClient(first_name="First", last_name="Client", date_of_birth=born)
        await c.clients().register(TenantContext.system(centre.id), cmd)
        async with c.uow()(centre.id) as opened:
            uow: Any = opened  # the SQL unit of work: its context holds the data keys
            key = await uow.context.keys.current(uow.context.c)
            head = await uow.audit.head()
        search_key = c.search_key().for_centre(centre.id)
        memo = MemoKey(key.centre_id, key.version, key.key)
        centres.append(Centre(centre.id, name, user.id, email, memo, search_key, head))
        if progress:
            progress(i + 1, count)
    return centres


# -- generation ---------------------------------------------------------------------------


@frozen
class MemoKey(CentreKey):
    """The centre's data key, its blind indexes remembered: a client's name words, their
    phonetic keys, surname prefixes and birth dates recur across a centre's clients (ten
    HMACs a client were a tenth of the seed's Python time). The same digests; the email's
    (one a client) is not kept, and the memo is emptied past ``MEMO`` entries."""

    _digests: dict[tuple[str, str], str] = field(factory=dict, eq=False, repr=False)

    def index(self, value: str, purpose: str) -> str:
        digest = self._digests.get((value, purpose))
        if digest is None:
            digest = CentreKey.index(self, value, purpose)
            if purpose != m.EMAIL_INDEX:
                if len(self._digests) >= MEMO:
                    self._digests.clear()
                self._digests[(value, purpose)] = digest
        return digest


#: Blind indexes a centre's ``MemoKey`` keeps at most.
MEMO = 50_000


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector off while a chunk is made: its rows are tens of
    thousands of new dicts and tuples that live until written, with no cycles, and the
    collections that their allocation set off (scanning every live object again and
    again) were a fifth of the seed's Python time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


_DEBT_TEMPLATES: dict[DebtType, dict[str, Any]] = {}


def _debt_data(kind: DebtType, at: dt.datetime) -> dict[str, Any]:
    """A debt's JSON as the debt repository writes it (``to_data`` of the entry), made once
    per kind and filled in per debt (the generic encoder is a third of the cost otherwise;
    a test reads a seeded debt back through the repository)."""
    if kind not in _DEBT_TEMPLATES:
        zero = uuid.UUID(int=0)
        debt = Debt(id=DebtId(zero), centre_id=CentreId(zero), case_id=CaseId(zero),
                    creditor_id=None, debt_type=kind, balance=Money.of(1))  # fmt: skip
        _DEBT_TEMPLATES[kind] = to_data(DebtEntry(debt=debt, created_at=at, updated_at=at))
    data = dict(_DEBT_TEMPLATES[kind])
    data["created_at"] = data["updated_at"] = at.isoformat()
    return data


def _people(centre: Centre, i: int, at: dt.datetime, rng: random.Random) -> tuple[Client, Case]:
    client = Client(
        id=ClientId(_uuid(rng)), centre_id=centre.id, first_name=rng.choice(FIRST),
        last_name=rng.choice(LAST), date_of_birth=dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
        email=f"client{i}@example.org", phone=f"07700 9{i % 100000:05d}",
        created_at=at, updated_at=at,
    )  # fmt: skip
    centre.cases += 1
    closed = i % 5 == 4
    note = Note(
        id=NoteId(_uuid(rng)), author_id=centre.adviser, created_at=at, sensitive=i % 10 == 0,
        body=(SENSITIVE if i % 10 == 0 else rng.choice(NOTES)).format(
            c=rng.choice(CREDITORS), n=rng.randint(20, 9000)),
    )  # fmt: skip
    later = at + dt.timedelta(days=30)
    case = Case(
        id=CaseId(_uuid(rng)), centre_id=centre.id, client_id=client.id,
        reference=f"C-{centre.cases:06d}", adviser_id=centre.adviser,
        status=CaseStatus.CLOSED if closed else CaseStatus.OPEN, opened_at=at,
        updated_at=later if closed else at, closed_at=later if closed else None,
        close_reason=CloseReason.ADVICE_COMPLETE if closed else None, notes=[note],
    )  # fmt: skip
    return client, case


def _audit(centre: Centre, action: str, kind: str, entity: uuid.UUID, at: dt.datetime,
           fields: tuple[str, ...], rng: random.Random) -> dict[str, Any]:  # fmt: skip
    """The entry as ``chain.link`` and ``audit_to_row`` make it (kept as the reference:
    ``_Audits`` must hash the same bytes; a test compares them)."""
    entry = AuditEntry(
        id=AuditId(_uuid(rng)), centre_id=centre.id, actor_id=centre.adviser, action=action,
        entity_type=kind, entity_id=str(entity), at=at, fields=fields,
    )  # fmt: skip
    linked, centre.head = link(entry, centre.head)
    return m.audit_to_row(linked)


def _dumps(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class _Audits:
    """The seed's audit rows, hashed over the same canonical bytes as ``chain.canonical``
    but from pieces made once per centre and action (the keys sorted by hand: action,
    actor_id, at, centre_id, entity_id, entity_type, fields, id, prev, seq,
    source_event_id, v). A dict and ``json.dumps`` per entry were a quarter of the seed's
    Python time; the chain verifies the same (tests/integration/test_demo_scale.py)."""

    def __init__(self) -> None:
        self._parts: dict[tuple[CentreId, str], tuple[str, str, str, dict[str, Any]]] = {}

    def row(
        self, centre: Centre, action: str, kind: str, entity: uuid.UUID, at_text: str,
        at: dt.datetime, fields: tuple[str, ...], rng: random.Random,
    ) -> dict[str, Any]:  # fmt: skip
        parts = self._parts.get((centre.id, action))
        if parts is None:
            head = f'{{"action":{_dumps(action)},"actor_id":{_dumps(str(centre.adviser))},"at":"'
            mid = f'","centre_id":{_dumps(str(centre.id))},"entity_id":"'
            tail = f'","entity_type":{_dumps(kind)},"fields":{_dumps(list(fields))},"id":"'
            static = {"centre_id": centre.id, "actor_id": centre.adviser, "action": action,
                      "entity_type": kind, "fields": {"names": list(fields)},
                      "source_event_id": None, "source_address": None}  # fmt: skip
            parts = self._parts[(centre.id, action)] = (head, mid, tail, static)
        head, mid, tail, static = parts
        seq = (centre.head.seq if centre.head else 0) + 1
        prev = centre.head.hash if centre.head else GENESIS
        entry_id = _uuid(rng)
        doc = (
            f'{head}{at_text}{mid}{entity}{tail}{entry_id}","prev":"{prev}","seq":{seq},'
            f'"source_event_id":null,"v":{CHAIN_VERSION}}}'
        )
        digest = hashlib.sha256(doc.encode()).hexdigest()
        centre.head = ChainHead(centre_id=centre.id, seq=seq, hash=digest)
        return {"id": entry_id, **static, "entity_id": str(entity), "at": at, "chain_seq": seq,
                "prev_hash": prev, "hash": digest}  # fmt: skip


def _instant(at: dt.datetime) -> str:
    """``at`` as the chain's canonical form writes it."""
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def generate(centres: Sequence[Centre], cases: Iterable[int], rng: random.Random) -> Rows:
    """The rows of the cases numbered ``cases`` (case i in centre i mod M)."""
    with _no_gc():
        return _generate(centres, cases, rng)


def _generate(centres: Sequence[Centre], cases: Iterable[int], rng: random.Random) -> Rows:
    rows: Rows = {t: [] for t in (*TABLES, "search")}
    audits = _Audits()
    for i in cases:
        centre = centres[i % len(centres)]
        at = T0 + dt.timedelta(seconds=30 * i)
        client, case = _people(centre, i, at, rng)
        client_row, terms = bulk.client_rows(client, centre.key)
        rows["clients"].append(client_row)
        rows["client_lookup_terms"] += terms
        rows["cases"].append(m.case_to_row(case))
        rows["case_notes"] += [m.note_to_row(case, n, centre.key) for n in case.notes]
        task = Task(
            id=TaskId(_uuid(rng)), centre_id=centre.id, case_id=case.id,
            kind=TaskKind.INITIAL_CONTACT, title="Make initial contact with the client",
            assignee_id=centre.adviser, due_at=at + dt.timedelta(days=2),
            status=TaskStatus.OPEN, created_at=at, source_event_id=EventId(_uuid(rng)),
        )  # fmt: skip
        rows["tasks"].append(m.task_to_row(task))
        kind = DEBT_KINDS[i % len(DEBT_KINDS)]
        debt_id = _uuid(rng)
        data = _debt_data(kind, at)
        balance = rng.randint(5_000, 900_000)
        data["debt"] = {**data["debt"], "id": str(debt_id), "centre_id": str(centre.id),
                        "case_id": str(case.id), "balance_pence": balance}  # fmt: skip
        # Sealed as the debt repository seals it (its DEBT_SEALED parts, one blob).
        secret = json.dumps({k: data.pop(k) for k in DEBT_SEALED if k in data})
        data["sealed"] = centre.key.seal(secret, aad("advice_debts", "sealed", debt_id))
        rows["advice_debts"].append({
            "id": debt_id, "centre_id": centre.id, "case_id": case.id, "kind": kind.value,
            "sort_key": None, "created_at": at, "version": 1, "data": data,
        })  # fmt: skip
        at_text = _instant(at)
        rows["audit_log"] += [
            audits.row(centre, "client.created", "client", client.id, at_text, at,
                       CLIENT_FIELDS, rng),
            audits.row(centre, "case.created", "case", case.id, at_text, at,
                       ("client_id", "adviser_id"), rng),
            audits.row(centre, "debt.created", "debt", debt_id, at_text, at, DEBT_FIELDS, rng),
        ]  # fmt: skip
        rows["case_list_rows"].append(bulk.case_list_row(_list_row(client, case), centre.key))
        key = centre.search_key
        rows["search"] += [
            p.client_document(client, key), p.case_document(case, client, key),
            *(p.note_document(case, n, key, client) for n in case.notes),
        ]  # fmt: skip
    return rows


def _list_row(client: Client, case: Case) -> CaseListRow:
    """The case list row the projection makes of a case with one open task and no
    deadlines or findings yet."""
    return CaseListRow(
        centre_id=case.centre_id, case_id=case.id, reference=case.reference,
        status=case.status, close_reason=case.close_reason, client_id=client.id,
        client_name=client.display_name, adviser_id=case.adviser_id,
        opened_at=case.opened_at, updated_at=case.updated_at, closed_at=case.closed_at,
        case_version=case.version, next_deadline=None, open_tasks=1, findings={},
        last_activity_at=case.updated_at, as_of=case.updated_at,
    )  # fmt: skip


# -- writers ------------------------------------------------------------------------------


def _pg_value(v: Any) -> Any:
    return json.dumps(v) if isinstance(v, dict) else v


_PLAIN = (str, int, float, bytes, uuid.UUID, dt.date)


def _tuples(
    dicts: Sequence[dict[str, Any]], cols: list[str], convert: Callable[[Any], Any],
    plain: tuple[type, ...],
) -> list[tuple[Any, ...]]:  # fmt: skip
    """The rows as value tuples in ``cols`` order, ``convert`` applied only to the columns
    whose first non-null value is not of a ``plain`` type (a column keeps its type across
    the rows the generator makes). A ``tuple(convert(r[c]) for c in cols)`` per row was
    a fifth of the seed's Python time."""
    if not dicts:
        return []
    first = {c: next((r[c] for r in dicts if r[c] is not None), None) for c in cols}
    conv = [
        j for j, c in enumerate(cols) if first[c] is not None and not isinstance(first[c], plain)
    ]
    get = operator.itemgetter(*cols)
    values = [(get(r),) for r in dicts] if len(cols) == 1 else [get(r) for r in dicts]
    if not conv:
        return values
    out = []
    for t in values:
        row = list(t)
        for j in conv:
            row[j] = convert(row[j])
        out.append(tuple(row))
    return out


def pg_records(rows: Rows) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Per table: the columns and the value tuples ``COPY`` sends."""
    with _no_gc():
        return _pg_records(rows)


def _pg_records(rows: Rows) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    from cma_adapters.search_postgres.index import _row as search_row

    out = {}
    search = [search_row(d) for d in rows["search"]]
    plain = (*_PLAIN, list, bool)  # psycopg sends lists as arrays; only dicts are JSON
    for table, dicts in (*((t, rows[t]) for t in TABLES), ("search_documents", search)):
        cols = list(dicts[0]) if dicts else []
        out[table] = (cols, _tuples(dicts, cols, _pg_value, plain))
    return out


def pg_copy(conn: Any, records: dict[str, tuple[list[str], list[tuple[Any, ...]]]],
            suffix: str = "") -> int:  # fmt: skip
    """``COPY`` every table's records through a (sync) psycopg connection, in one
    transaction; returns the rows written."""
    n = 0
    with conn.transaction(), conn.cursor() as cur:
        for table, (cols, values) in records.items():
            if not values:
                continue
            sql = f"COPY {table}{suffix} ({', '.join(cols)}) FROM STDIN"
            with cur.copy(sql) as copy:
                for value in values:
                    copy.write_row(value)
            n += len(values)
    return n


def _sqlite_value(v: Any) -> Any:
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dict | list):
        return json.dumps(v)
    return v


#: What sqlite3 takes as it is (a bool is an int).
_SQLITE_PLAIN = (str, int, float, bytes)


def sqlite_write(db: sqlite3.Connection, search: sqlite3.Connection | None, rows: Rows) -> int:
    from cma_adapters.search_sqlite.index import _UPSERT
    from cma_adapters.search_sqlite.index import _row as search_row

    n = 0
    with _no_gc(), db:
        for table in TABLES:
            if not rows[table]:
                continue
            cols = list(rows[table][0])
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"  # noqa: S608 - table and column names are ours
            db.executemany(sql, _tuples(rows[table], cols, _sqlite_value, _SQLITE_PLAIN))
            n += len(rows[table])
    if search is not None:
        with search:
            search.executemany(_UPSERT, [search_row(d) for d in rows["search"]])
        n += len(rows["search"])
    return n


class Writer:
    """Writes chunks in a thread of its own (one chunk queued at most), so the database
    works while the next chunk is generated."""

    def __init__(self, write: Callable[[Rows], int], counts: dict[str, int]) -> None:
        self._write, self.counts = write, counts
        self._queue: queue.Queue[Rows | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="scale-seed-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            rows = self._queue.get()
            try:
                if rows is None:
                    return
                if self._error is None:
                    self._write(rows)
                    for t, r in rows.items():
                        self.counts[t] = self.counts.get(t, 0) + len(r)
            except BaseException as exc:
                self._error = exc
            finally:
                self._queue.task_done()

    def put(self, rows: Rows) -> None:
        self._check()
        self._queue.put(rows)

    def flush(self) -> None:
        """Waits until every chunk put so far is written."""
        self._queue.join()
        self._check()

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        self._check()

    def _check(self) -> None:
        if self._error is not None:
            raise self._error


# -- PostgreSQL: worker processes, each with the centres i mod P == k ----------------------

_WORKER: dict[str, Any] = {}


def _worker_start(url: str, centres: list[Centre], seed: int, keep: bool) -> None:
    """Connects, and starts the writer thread; with ``keep`` the ``COPY`` records written
    are kept until ``_worker_shadow`` copies them again."""
    import psycopg

    conn = psycopg.connect(url)
    counts: dict[str, int] = {}
    written: list[dict[str, tuple[list[str], list[tuple[Any, ...]]]]] = []

    def write(rows: Rows) -> int:
        records = pg_records(rows)
        if keep:
            written.append(records)
        return pg_copy(conn, records)

    pid = conn.info.backend_pid
    _WORKER.update(
        conn=conn, centres=centres, rng=random.Random(seed), written=written, pid=pid,  # noqa: S311 - demo data
        mark=Clock.now(pid), writer=Writer(write, counts),
    )  # fmt: skip


def _worker_chunk(cases: list[int]) -> int:
    _WORKER["writer"].put(generate(_WORKER["centres"], cases, _WORKER["rng"]))
    return len(cases)


def _worker_drain() -> float | None:
    """Waits until this worker's chunks are written; its CPU seconds (and its backend's)
    since the last mark."""
    _WORKER["writer"].flush()
    now = Clock.now(_WORKER["pid"])
    spent, _WORKER["mark"] = now.since(_WORKER["mark"]), now
    return spent.cpu


def _worker_shadow() -> tuple[int, Clock]:
    """``COPY`` of the rows written since the last call (the same records, chunk by chunk
    as the seed wrote them) into the shadow tables: the rows and the time it took."""
    conn, pid, written = _WORKER["conn"], _WORKER["pid"], _WORKER["written"]
    start = Clock.now(pid)
    n = sum(pg_copy(conn, records, "_ceiling") for records in written)
    written.clear()
    _WORKER["mark"] = Clock.now(pid)
    return n, _WORKER["mark"].since(start)


def _worker_finish(owned: list[int]) -> tuple[dict[str, int], list[Any]]:
    """Waits for the last chunk; returns the rows written by table and the owned centres'
    (id, chain head, cases)."""
    writer: Writer = _WORKER["writer"]
    writer.close()
    _WORKER["conn"].close()
    centres = _WORKER["centres"]
    return writer.counts, [(centres[j].id, centres[j].head, centres[j].cases) for j in owned]


# -- the run ------------------------------------------------------------------------------


def _libpq_url(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return "postgresql://" + rest if scheme.startswith("postgres") else url


async def seed(
    c: Container,
    cases: int,
    centres: int,
    *,
    password: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    compare_copy: bool = False,
    jobs: int = 1,
    seed: int = 15,
) -> Receipt:
    """Seed ``cases`` cases over ``centres`` new centres into the container's database
    (PostgreSQL: ``jobs`` processes, each generating and writing its share of centres)."""
    settings = c.settings()
    backend = "sqlite" if settings.embedded else "postgresql"
    password = password or secrets.token_urlsafe(12)
    receipt = Receipt(backend=backend, cases=cases, centres=centres, password=password)
    started = time.perf_counter()
    made = await make_centres(
        c, centres, password, (lambda d, t: progress("centres", d, t)) if progress else None
    )
    # The embedded default handles the centres' events in-process: let it finish before the
    # bulk writes hold the SQLite database (its handlers would time out on the lock).
    drain = getattr(c.publisher(), "drain", None)
    if drain is not None:
        await drain()
    receipt.setup_seconds = time.perf_counter() - started
    receipt.logins = [{"centre": x.name, "centre_id": str(x.id), "email": x.email} for x in made]
    report = (lambda d: progress("cases", d, cases)) if progress else (lambda d: None)
    started = time.perf_counter()
    if backend == "postgresql":
        url = _libpq_url(settings.database_url)
        receipt.seconds, receipt.finish_seconds, pairs = await asyncio.to_thread(
            _seed_postgres, url, made, cases, max(1, jobs), seed, compare_copy, receipt.rows, report
        )
        if pairs is not None and pairs.pairs:
            receipt.interleaved = pairs
            receipt.copy_ceiling_rows_per_second = pairs.copy_rows_per_second or None
    else:
        rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
        await _seed_sqlite(c, made, cases, rng, receipt.rows, report)
        receipt.seconds = time.perf_counter() - started
    # The case list's rows were written in bulk, not through the projection: count them
    # for the list's total (one GROUP BY a centre).
    for centre in made:
        async with c.uow()(centre.id) as uow:
            await c.case_list_projection().case_list_rows(uow).recount()
            await uow.commit()
    return receipt


def _log(what: str) -> None:
    log.info("scale seed: %s", what)


def _share(cases: int, centres: int, jobs: int, k: int) -> list[int]:
    """The case numbers worker ``k`` of ``jobs`` makes: those of its centres."""
    return [i for i in range(cases) if (i % centres) % jobs == k]


def _segment_size(share: int) -> int:
    """With ``compare_copy``: the cases a worker seeds between two pauses for ``COPY``."""
    size = max(SEGMENT_CHUNKS * CHUNK, math.ceil(share / PAIRS))
    return max(1, math.ceil(share / max(1, share // size)))


def _seed_postgres(
    url: str, centres: list[Centre], cases: int, jobs: int, seed: int, ceiling: bool,
    counts: dict[str, int], report: Callable[[int], None],
) -> tuple[float, float, Interleaved | None]:  # fmt: skip
    """Runs in a thread: hands each worker process its centres' cases a chunk at a time
    (two chunks in flight each), then moves the chain heads and case counters. With
    ``ceiling``, in segments, each followed by the ``COPY`` of its rows (``scale_copy``);
    the seconds returned leave those copies out."""
    import multiprocessing

    import psycopg

    # Forked: a spawned worker re-imports the application (over a minute on a loaded
    # machine); the workers use none of the parent's connections or its event loop.
    ctx = multiprocessing.get_context("fork")
    tables = (*TABLES, "search_documents")
    started = time.perf_counter()
    paused = 0.0
    pairs = Interleaved() if ceiling else None
    pools = [ProcessPoolExecutor(1, mp_context=ctx) for _ in range(jobs)]
    keys = contextlib.ExitStack()
    try:
        if ceiling:
            with psycopg.connect(url, autocommit=True) as conn:
                shadow_tables(conn, tables, create=True)
        keys.enter_context(dropped_foreign_keys(url, TABLES))
        for f in [pool.submit(_worker_start, url, centres, seed + k, ceiling)
                  for k, pool in enumerate(pools)]:  # fmt: skip
            f.result()
        _log("workers started")
        shares = [_share(cases, len(centres), jobs, k) for k in range(jobs)]
        size = _segment_size(max(map(len, shares))) if ceiling else max(1, cases)
        plans = [segments(share, size) for share in shares]
        done_cases = 0
        for r in range(max(map(len, plans))):
            load = os.getloadavg()[0]
            t = time.perf_counter()
            todo = [plan[r] if r < len(plan) else [] for plan in plans]
            done_cases = _dispatch(pools, todo, done_cases, report)
            cpu = add_cpu(f.result() for f in [pool.submit(_worker_drain) for pool in pools])
            seed_clock = Clock(time.perf_counter() - t, cpu)
            if pairs is not None:
                t = time.perf_counter()
                shadows = [pool.submit(_worker_shadow).result() for pool in pools]
                paused += time.perf_counter() - t
                copy = Clock(sum(c.wall for _, c in shadows), add_cpu(c.cpu for _, c in shadows))
                pairs.pairs.append(Pair(sum(n for n, _ in shadows), seed_clock, copy, load))
        _log("chunks done")
        results = [
            pool.submit(_worker_finish, [j for j in range(len(centres)) if j % jobs == k]).result()
            for k, pool in enumerate(pools)
        ]  # fmt: skip
        heads = []
        for part, owned in results:
            for table, n in part.items():
                counts[table] = counts.get(table, 0) + n
            heads += owned
        _rename_search(counts, "search_documents")
        if ceiling:  # before the VACUUM, which would count them in the seed's time
            t = time.perf_counter()
            with psycopg.connect(url, autocommit=True) as conn:
                shadow_tables(conn, tables, create=False)
            paused += time.perf_counter() - t
        finishing = time.perf_counter()
        keys.close()  # the foreign keys back, every row checked: part of the finish
        _log("foreign keys added back")
        _finish_postgres(url, heads)
        seconds = time.perf_counter() - started - paused
        finish = time.perf_counter() - finishing
        _log("heads moved, vacuumed and analysed")
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)
        keys.close()
        if ceiling:
            with psycopg.connect(url, autocommit=True) as conn:
                shadow_tables(conn, tables, create=False)
    return seconds, finish, pairs


def _dispatch(
    pools: Sequence[ProcessPoolExecutor], todo: list[list[int]], done_cases: int,
    report: Callable[[int], None],
) -> int:  # fmt: skip
    """Hands each worker its cases ``todo[k]`` a chunk at a time, two chunks in flight
    each; returns the cases done so far, reported as they are."""
    pending: dict[Future[int], int] = {}  # chunk -> its worker
    while any(todo) or pending:
        for k, pool in enumerate(pools):
            if todo[k] and sum(1 for w in pending.values() if w == k) < 2:
                chunk, todo[k] = todo[k][:CHUNK], todo[k][CHUNK:]
                pending[pool.submit(_worker_chunk, chunk)] = k
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for chunk_done in finished:
            done_cases += chunk_done.result()
            del pending[chunk_done]
        report(done_cases)
    return done_cases


def _finish_postgres(url: str, heads: list[tuple[CentreId, ChainHead | None, int]]) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        with conn.transaction(), conn.cursor() as cur:
            cur.executemany(
                "UPDATE audit_heads SET seq = %s, hash = %s WHERE centre_id = %s",
                [(h.seq, h.hash, cid) for cid, h, _ in heads if h],
            )
            cur.executemany(
                "INSERT INTO centre_counters (centre_id, case_seq) VALUES (%s, %s) ON CONFLICT "
                "(centre_id) DO UPDATE SET case_seq = excluded.case_seq",
                [(cid, n) for cid, _, n in heads],
            )
        # VACUUM as well as ANALYZE, as after any bulk load: it merges the search GIN
        # indexes' pending lists (every search scan reads them whole) and sets the pages'
        # hint bits and visibility map, so the first reads of the new rows neither dirty
        # and write them back nor visit the heap for an index-only count (the case list's
        # total). Counted in the seed's time.
        conn.execute("VACUUM (ANALYZE)")


def _rename_search(counts: dict[str, int], name: str) -> None:
    if "search" in counts:
        counts[name] = counts.pop("search")


async def _seed_sqlite(
    c: Container, centres: list[Centre], cases: int, rng: random.Random,
    counts: dict[str, int], report: Callable[[int], None],
) -> None:  # fmt: skip
    settings = c.settings()
    index = c.search_index()
    fts: sqlite3.Connection | None = None
    if settings.search_backend == "sqlite":
        await index.upsert([])  # makes the index's schema
        fts = sqlite3.connect(settings.data_dir / "search.sqlite3", check_same_thread=False)
    db = sqlite3.connect(settings.database_url.removeprefix("sqlite:///"), check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    try:
        # The foreign keys checked once, after the rows (bulk_keys), not row by row.
        with unchecked_foreign_keys(db, TABLES):
            writer = Writer(lambda rows: sqlite_write(db, fts, rows), counts)
            for start in range(0, cases, CHUNK):
                rows = generate(centres, range(start, min(cases, start + CHUNK)), rng)
                if fts is None:  # another search backend: through its adapter
                    await index.upsert(rows["search"])
                await asyncio.to_thread(writer.put, rows)
                report(min(cases, start + CHUNK))
            await asyncio.to_thread(writer.close)
        with db:
            db.executemany(
                "UPDATE audit_heads SET seq = ?, hash = ? WHERE centre_id = ?",
                [(x.head.seq, x.head.hash, x.id.hex) for x in centres if x.head],
            )
            db.executemany(
                "INSERT INTO centre_counters (centre_id, case_seq) VALUES (?, ?) "
                "ON CONFLICT (centre_id) DO UPDATE SET case_seq = excluded.case_seq",
                [(x.id.hex, x.cases) for x in centres],
            )
        db.execute("ANALYZE")
    finally:
        db.close()
        if fts is not None:
            fts.close()
    _rename_search(counts, "search_docs")


__all__ = ["CHUNK", "Receipt", "SearchDocument", "generate", "make_centres", "seed"]
