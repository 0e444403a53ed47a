"""The baseline for case_read.py: a bare Litestar endpoint that runs the same SQL as CMA's
``GET /api/v1/cases/{id}`` through the same driver (asyncpg), with no CMA layers.

Same statements per request, in the same order: BEGIN, set the RLS centre, the case row
with its notes and its client's sealed name columns (two outer joins; the names are not
decrypted here), then the view's audit entry written unsealed (a plain
insert; no chain lock: ``CMA_AUDIT_SEAL=later``, the PostgreSQL default), COMMIT. Same pool
size, same JSON encoder (msgspec via Litestar).

``/pk/{id}`` is the floor: BEGIN, set the RLS centre, the case row by primary key, COMMIT.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import Any

import asyncpg
import msgspec
from litestar import Litestar, get

DSN = os.environ["BENCH_DSN"]
CENTRE = uuid.UUID(os.environ["BENCH_CENTRE"])
POOL_SIZE = int(os.environ.get("CMA_DB_POOL_SIZE", "8"))


class CaseOut(msgspec.Struct):
    id: uuid.UUID
    reference: str
    client_id: uuid.UUID
    status: str
    adviser_id: uuid.UUID | None
    opened_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    close_reason: str | None
    version: int


pool: Any = None


async def _as_app_role(conn: Any) -> None:
    # CMA serves as the role `cma migrate` creates, which RLS binds (a superuser is not
    # bound): the baseline does the same, so both pay for the policies.
    if await conn.fetchval("SELECT 1 FROM pg_roles WHERE rolname = 'cma_app'"):
        await conn.execute("SET ROLE cma_app")


async def startup() -> None:
    global pool
    pool = await asyncpg.create_pool(DSN, min_size=POOL_SIZE, max_size=POOL_SIZE, init=_as_app_role)


@get("/cases/{case_id:uuid}")
async def read_case(case_id: uuid.UUID) -> CaseOut:
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT set_config('app.centre_id', $1, true)", str(CENTRE))
        rows = await conn.fetch(
            "SELECT cases.id, cases.centre_id, cases.client_id, cases.reference, cases.status, "
            "cases.adviser_id, cases.opened_at, cases.updated_at, cases.closed_at, "
            "cases.close_reason, cases.version, case_notes.id AS n_id, "
            "case_notes.centre_id AS n_centre_id, case_notes.case_id AS n_case_id, "
            "case_notes.author_id AS n_author_id, case_notes.body AS n_body, "
            "case_notes.body_enc AS n_body_enc, case_notes.key_version AS n_key_version, "
            "case_notes.sensitive AS n_sensitive, case_notes.created_at AS n_created_at, "
            "clients.id AS c_id, clients.key_version AS c_key_version, "
            "clients.first_name_enc AS c_first_name_enc, "
            "clients.last_name_enc AS c_last_name_enc "
            "FROM cases LEFT OUTER JOIN case_notes ON case_notes.case_id = cases.id "
            "AND case_notes.centre_id = cases.centre_id "
            "LEFT OUTER JOIN clients ON clients.id = cases.client_id "
            "AND clients.centre_id = cases.centre_id "
            "WHERE cases.id = $1 AND cases.centre_id = $2 "
            "ORDER BY case_notes.created_at, case_notes.id",
            case_id,
            CENTRE,
        )
        row = rows[0]
        # The view's audit entry, written unsealed (no chain lock), as CMA_AUDIT_SEAL=later:
        # CMA's sealer links it into the chain later, off the request path.
        await conn.execute(
            "INSERT INTO audit_log (id, centre_id, actor_id, action, entity_type, entity_id, "
            "at, fields, source_event_id, chain_seq, prev_hash, hash) "
            "VALUES ($1, $2, NULL, 'case.viewed', 'case', $3, $4, $5::json, NULL, NULL, NULL, "
            "NULL)",
            uuid.uuid4(),
            CENTRE,
            str(case_id),
            dt.datetime.now(dt.UTC),
            '{"names": []}',
        )
    return CaseOut(
        id=row["id"],
        reference=row["reference"],
        client_id=row["client_id"],
        status=row["status"],
        adviser_id=row["adviser_id"],
        opened_at=row["opened_at"],
        updated_at=row["updated_at"],
        closed_at=row["closed_at"],
        close_reason=row["close_reason"],
        version=row["version"],
    )


@get("/pk/{case_id:uuid}")
async def read_pk(case_id: uuid.UUID) -> CaseOut:
    """The floor: the case row by primary key (RLS centre set), nothing else."""
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT set_config('app.centre_id', $1, true)", str(CENTRE))
        row = await conn.fetchrow(
            "SELECT id, client_id, reference, status, adviser_id, opened_at, updated_at, "
            "closed_at, close_reason, version FROM cases WHERE id = $1",
            case_id,
        )
    return CaseOut(
        id=row["id"],
        reference=row["reference"],
        client_id=row["client_id"],
        status=row["status"],
        adviser_id=row["adviser_id"],
        opened_at=row["opened_at"],
        updated_at=row["updated_at"],
        closed_at=row["closed_at"],
        close_reason=row["close_reason"],
        version=row["version"],
    )


app = Litestar(route_handlers=[read_case, read_pk], on_startup=[startup])
