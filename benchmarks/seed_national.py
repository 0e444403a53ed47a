"""Seed a national data set fast, and measure the rate against PostgreSQL ``COPY``.

N cases over M centres, each case with its client (personal fields sealed with the
centre's data key, blind indexes), two notes (every tenth a sensitive one, sealed), an
initial-contact task, two debts, a hash-chained audit entry, and the search documents of
the client, case and notes. Centres and their advisers go through the identity service,
and each centre's first client through the client service (which makes its data key); the
rest is generated in memory with the adapters' own mappers and written in bulk:
``COPY`` (asyncpg ``copy_records_to_table``) on PostgreSQL, ``executemany`` in large
transactions on SQLite (and the FTS5 index through its adapter).

The ceiling (PostgreSQL): the same already-generated rows of the first chunk ``COPY``-ed
again into empty copies of the same tables (``LIKE ... INCLUDING ALL``: same indexes), in
the same run. Reported: rows/s of the whole seed (generation, encryption, hashing, writes)
and its share of the ceiling.

    .venv/bin/python -m benchmarks.seed_national --cases 100000 --centres 50 --postgres
    .venv/bin/python -m benchmarks.seed_national --cases 100000 --centres 50 --sqlite DIR

Creates its own PostgreSQL database (``--keep`` to keep it, for search_bench.py).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sqlite3
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import create_async_engine

from cma_adapters.sqlalchemy import bulk
from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.migrate import upgrade
from cma_core.audit.chain import link
from cma_core.audit.model import AuditEntry, ChainHead
from cma_core.cases.model import Case, CaseStatus, Note
from cma_core.clients.model import Client
from cma_core.clients.service import RegisterClient
from cma_core.debts.model import Debt, DebtType
from cma_core.debts.ports import DebtEntry
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.search import projection as p
from cma_core.shared.data import to_data
from cma_core.shared.ids import AuditId, CaseId, CentreId, ClientId, NoteId, TaskId, UserId
from cma_core.shared.money import Money
from cma_core.tasks.model import Task, TaskKind, TaskStatus
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings

ADMIN_URL = os.environ.get("CMA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SECRET = "benchmark-secret-key-0123456789-abcdefghijkl"
PASSWORD = "benchmark-password-1"
T0 = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)

FIRST = [
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
]
LAST = [
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
]
CREDITORS = [
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
]
NOTE_TEMPLATES = (
    "Client called about {c} arrears of £{n}; asked for a breathing space.",
    "Sent {c} a holding letter; council tax reminder received.",
    "Bailiff letter from {c}: enforcement fee {n}. Advised on priority debts.",
    "Income and expenditure reviewed; surplus £{n} a month offered to {c}.",
    "Client unemployed since March; universal credit claim pending. {c} chasing.",
    "Mortgage shortfall discussed; {c} default notice dated last week.",
)
SENSITIVE = "Client disclosed domestic abuse; staying with a friend. Do not call {c}."
CASES_PER_CHUNK = 5_000
TABLES = ("clients", "client_lookup_terms", "cases", "case_notes", "tasks", "advice_debts",
          "audit_log")  # fmt: skip
SEARCH_COLUMNS = ("centre_id", "id", "kind", "entity_id", "case_id", "client_id", "adviser_id",
                  "title", "body", "terms", "restricted_terms", "updated_at")  # fmt: skip


class Centre:
    def __init__(self, centre_id: CentreId, adviser: UserId, key: Any, head: ChainHead | None):
        self.id, self.adviser, self.key, self.head = centre_id, adviser, key, head
        self.search_key = None
        self.cases = 0


def settings_for(url: str, data_dir: Path) -> Settings:
    return Settings.from_env(
        {
            "CMA_DATA_DIR": str(data_dir),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": SECRET,
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
            "CMA_DATABASE_APP_ROLE": "",
        }
    )


async def make_centres(c: Container, count: int) -> list[Centre]:
    """Through the application's own services: the centre, an adviser, a first client
    (which makes the centre's data key), then the key and audit head as stored."""
    centres = []
    for i in range(count):
        centre = await c.identity().create_centre(f"Centre {i:04d}")
        user = await c.identity().create_user(
            centre_id=centre.id, email=f"adviser{i}@c{i}.example", role=Role.ADVISER,
            password=PASSWORD,
        )  # fmt: skip
        ctx = TenantContext.system(centre.id)
        cmd = RegisterClient(
            first_name="First", last_name="Client", date_of_birth=dt.date(1980, 1, 1)
        )
        await c.clients().register(ctx, cmd)
        async with c.uow()(centre.id) as uow:
            x = uow.context  # type: ignore[attr-defined]
            key = await x.keys.current(x.c)
            head = await uow.audit.head()  # type: ignore[attr-defined]
        centres.append(Centre(centre.id, user.id, key, head))
    return centres


def generate(
    centres: list[Centre], first: int, count: int, search_key: Any, rng: random.Random
) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i in range(first, first + count):
        centre = centres[i % len(centres)]
        centre.cases += 1
        at = T0 + dt.timedelta(minutes=i)
        client = Client(
            id=ClientId(_uuid(rng)), centre_id=centre.id, first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST), date_of_birth=dt.date(1950 + i % 50, 1 + i % 12, 1),
            email=f"client{i}@example.org", phone=f"07700 9{i % 100000:05d}",
            created_at=at, updated_at=at,
        )  # fmt: skip
        case = Case(
            id=CaseId(_uuid(rng)), centre_id=centre.id, client_id=client.id,
            reference=f"C-{centre.cases + 1:07d}", status=CaseStatus.OPEN,
            adviser_id=centre.adviser, opened_at=at, updated_at=at,
        )  # fmt: skip
        creditor = rng.choice(CREDITORS)
        notes = [
            Note(id=NoteId(_uuid(rng)), author_id=centre.adviser, created_at=at,
                 body=rng.choice(NOTE_TEMPLATES).format(c=creditor, n=rng.randint(20, 9000))),
            Note(id=NoteId(_uuid(rng)), author_id=centre.adviser, created_at=at,
                 body=(SENSITIVE if i % 10 == 0 else rng.choice(NOTE_TEMPLATES)).format(
                     c=rng.choice(CREDITORS), n=rng.randint(20, 9000)), sensitive=i % 10 == 0),
        ]  # fmt: skip
        client_row, terms = bulk.client_rows(client, centre.key)
        rows["clients"].append(client_row)
        rows["client_lookup_terms"] += terms
        rows["cases"].append(m.case_to_row(case))
        rows["case_notes"] += [m.note_to_row(case, n, centre.key) for n in notes]
        rows["tasks"].append(m.task_to_row(Task(
            id=TaskId(_uuid(rng)), centre_id=centre.id, case_id=case.id,
            kind=TaskKind.INITIAL_CONTACT, title="Make initial contact with the client",
            assignee_id=centre.adviser, due_at=at + dt.timedelta(days=2),
            status=TaskStatus.OPEN, created_at=at, source_event_id=_uuid(rng),
        )))  # fmt: skip
        for kind in (DebtType.COUNCIL_TAX, DebtType.CREDIT_CARD):
            debt_id = _uuid(rng)
            data = _debt_data(kind, at)
            data["debt"] = {
                **data["debt"],
                "id": str(debt_id),
                "centre_id": str(centre.id),
                "case_id": str(case.id),
                "balance_pence": rng.randint(5_000, 900_000),
            }
            rows["advice_debts"].append({
                "id": debt_id, "centre_id": centre.id, "case_id": case.id, "kind": kind.value,
                "sort_key": None, "created_at": at, "version": 1, "data": data,
            })  # fmt: skip
        audit = AuditEntry(
            id=AuditId(_uuid(rng)), centre_id=centre.id, actor_id=centre.adviser,
            action="case.opened", entity_type="case", entity_id=str(case.id), at=at,
            fields=("client_id", "adviser_id"),
        )  # fmt: skip
        linked, centre.head = link(audit, centre.head)
        rows["audit_log"].append(m.audit_to_row(linked))
        key = search_key.for_centre(centre.id)
        rows["search"] += [
            p.client_document(client, key), p.case_document(case, client, key),
            *(p.note_document(case, n, key, client) for n in notes),
        ]  # fmt: skip
    return rows


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


_DEBT_TEMPLATES: dict[DebtType, dict[str, Any]] = {}


def _debt_data(kind: DebtType, at: dt.datetime) -> dict[str, Any]:
    """A debt record's JSON as the debts repository writes it (``to_data``), made once per
    kind and filled in per debt: the generic encoder is a third of the cost otherwise."""
    if kind not in _DEBT_TEMPLATES:
        zero = uuid.UUID(int=0)
        debt = Debt(id=zero, centre_id=zero, case_id=zero, creditor_id=None, debt_type=kind,
                    balance=Money.of(1))  # type: ignore[arg-type]  # fmt: skip
        _DEBT_TEMPLATES[kind] = to_data(DebtEntry(debt=debt, created_at=at, updated_at=at))
    data = dict(_DEBT_TEMPLATES[kind])
    data["created_at"] = data["updated_at"] = at.isoformat()
    return data


# -- PostgreSQL -----------------------------------------------------------------------------


def _pg_value(v: Any) -> Any:
    return json.dumps(v) if isinstance(v, dict | list) else v


def _search_record(d: Any) -> tuple[Any, ...]:
    return (d.centre_id, d.id, d.kind.value, d.entity_id, d.case_id, d.client_id, d.adviser_id,
            d.title, d.body, list(d.terms), list(d.restricted_terms), d.updated_at)  # fmt: skip


def records(
    rows: dict[str, list[dict[str, Any]]],
) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    out = {}
    for table in TABLES:
        cols = list(rows[table][0])
        out[table] = (cols, [tuple(_pg_value(r[c]) for c in cols) for r in rows[table]])
    out["search_documents"] = (list(SEARCH_COLUMNS), [_search_record(d) for d in rows["search"]])
    return out


async def copy_all(conn: Any, recs: dict[str, Any], suffix: str = "") -> int:
    n = 0
    for table, (cols, values) in recs.items():
        await conn.copy_records_to_table(table + suffix, records=values, columns=cols)
        n += len(values)
    return n


async def insert_all(engine: Any, rows: dict[str, list[dict[str, Any]]]) -> int:
    """The import's path: multi-row INSERTs through SQLAlchemy (``bulk.insert_named``),
    one transaction per chunk."""
    n = 0
    async with engine.begin() as sconn:
        for table in TABLES:
            n += await bulk.insert_named(sconn, table, rows[table])
        search = [dict(zip(SEARCH_COLUMNS, _search_record(d), strict=True)) for d in rows["search"]]
        n += await bulk.insert_named(sconn, "search_documents", search)
    return n


async def seed_postgres(args: argparse.Namespace) -> dict[str, Any]:
    import psycopg

    name = f"cma_seed_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    url = f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    upgrade(url)
    result = await _seed(url, Path(args.data_dir or f"/tmp/{name}"), args, pg=True)
    result["database"] = url
    if not args.keep:
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')  # type: ignore[arg-type]
    return result


async def _seed(url: str, data_dir: Path, args: argparse.Namespace, *, pg: bool) -> dict[str, Any]:
    import asyncpg

    container = build_container(settings_for(url, data_dir))
    search_key = container.search_key()
    rng = random.Random(15)
    started = time.perf_counter()
    centres = await make_centres(container, args.centres)
    setup_s = time.perf_counter() - started
    await shutdown(container)
    written, ceiling_rows, ceiling_s = 0, 0, 0.0
    t = time.perf_counter()
    if pg:
        conn = await asyncpg.connect(url.replace("postgresql://", "postgres://"))
        engine = create_async_engine(url.replace("postgresql://", "postgresql+asyncpg://"))
    else:
        from cma_adapters.search_sqlite import SqliteFtsSearchIndex

        db = sqlite3.connect(url.removeprefix("sqlite:///"))
        index = SqliteFtsSearchIndex(data_dir / "search.sqlite3")
    first_chunk = None
    for start in range(0, args.cases, CASES_PER_CHUNK):
        rows = generate(centres, start, min(CASES_PER_CHUNK, args.cases - start), search_key, rng)
        if pg and args.write == "insert":
            first_chunk = first_chunk or records(rows)
            written += await insert_all(engine, rows)
        elif pg:
            recs = records(rows)
            first_chunk = first_chunk or recs
            written += await copy_all(conn, recs)
        else:
            written += write_sqlite(db, rows)
            await index.upsert(rows["search"])
            written += len(rows["search"])
        print(f"  {start + CASES_PER_CHUNK:>9} cases, {written:>10} rows, "
              f"{written / (time.perf_counter() - t):,.0f} rows/s", flush=True)  # fmt: skip
    heads = [(c.head.seq, c.head.hash, c.id) for c in centres if c.head]
    if pg:
        await conn.executemany(
            "UPDATE audit_heads SET seq = $1, hash = $2 WHERE centre_id = $3", heads
        )
        await conn.execute("ANALYZE")
    else:
        db.executemany("UPDATE audit_heads SET seq = ?, hash = ? WHERE centre_id = ?",
                       [(s, h, c.hex) for s, h, c in heads])  # fmt: skip
        db.commit()
    seed_s = time.perf_counter() - t
    if pg and first_chunk is not None:
        for table in first_chunk:
            await conn.execute(f"CREATE TABLE {table}_ceiling (LIKE {table} INCLUDING ALL)")
        t = time.perf_counter()
        ceiling_rows = await copy_all(conn, first_chunk, "_ceiling")
        ceiling_s = time.perf_counter() - t
        for table in first_chunk:
            await conn.execute(f"DROP TABLE {table}_ceiling")
        await conn.close()
        await engine.dispose()
    elif not pg:
        db.close()
        await index.close()
    out = {
        "backend": "postgresql" if pg else "sqlite", "cases": args.cases, "centres": args.centres,
        "write": args.write if pg else "executemany",
        "setup_seconds": round(setup_s, 1), "rows": written, "seconds": round(seed_s, 1),
        "rows_per_second": round(written / seed_s),
    }  # fmt: skip
    if ceiling_s:
        out["copy_ceiling_rows_per_second"] = round(ceiling_rows / ceiling_s)
        out["share_of_copy"] = round(
            out["rows_per_second"] / out["copy_ceiling_rows_per_second"], 2
        )
    return out


# -- SQLite ---------------------------------------------------------------------------------


def _sqlite_value(v: Any) -> Any:
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, dt.datetime):
        return v.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    if isinstance(v, dict | list):
        return json.dumps(v)
    return v


def write_sqlite(db: sqlite3.Connection, rows: dict[str, list[dict[str, Any]]]) -> int:
    n = 0
    with db:
        for table in TABLES:
            cols = list(rows[table][0])
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
            db.executemany(sql, [tuple(_sqlite_value(r[c]) for c in cols) for r in rows[table]])
            n += len(rows[table])
    return n


async def seed_sqlite(args: argparse.Namespace, data_dir: Path) -> dict[str, Any]:
    url = f"sqlite:///{data_dir / 'cma.db'}"
    upgrade(url)
    return await _seed(url, data_dir, args, pg=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--centres", type=int, default=20)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--sqlite", metavar="DIR")
    parser.add_argument("--data-dir")
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument(
        "--write", choices=("copy", "insert"), default="copy",
        help="PostgreSQL: COPY (as the owner), or the bulk import's multi-row INSERTs",
    )  # fmt: skip
    args = parser.parse_args()
    results = []
    if args.postgres:
        results.append(asyncio.run(seed_postgres(args)))
    if args.sqlite:
        data_dir = Path(args.sqlite)
        data_dir.mkdir(parents=True, exist_ok=True)
        results.append(asyncio.run(seed_sqlite(args, data_dir)))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
