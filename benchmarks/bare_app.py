"""The baseline for case_read.py: a bare Litestar endpoint that runs the same SQL as CMA's
``GET /api/v1/cases/{id}`` through the same driver (asyncpg), with no CMA layers.

Same statements per request, in the same order: BEGIN, set the RLS centre, the case row,
its notes, then the audit entry joined to the centre's hash chain (create-or-lock the chain
head in one upsert, insert the linked entry, move the head), COMMIT. Same pool size, same
JSON encoder (msgspec via Litestar), same SHA-256 over canonical JSON for the link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from typing import Any

import asyncpg
import msgspec
from litestar import Litestar, get

DSN = os.environ["BENCH_DSN"]
CENTRE = uuid.UUID(os.environ["BENCH_CENTRE"])
POOL_SIZE = int(os.environ.get("CMA_DB_POOL_SIZE", "8"))
GENESIS = "0" * 64


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


async def startup() -> None:
    global pool
    pool = await asyncpg.create_pool(DSN, min_size=POOL_SIZE, max_size=POOL_SIZE)


@get("/cases/{case_id:uuid}")
async def read_case(case_id: uuid.UUID) -> CaseOut:
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT set_config('app.centre_id', $1, true)", str(CENTRE))
        row = await conn.fetchrow(
            "SELECT id, centre_id, client_id, reference, status, adviser_id, opened_at, "
            "updated_at, closed_at, close_reason, version FROM cases "
            "WHERE id = $1 AND centre_id = $2",
            case_id,
            CENTRE,
        )
        await conn.fetch(
            "SELECT id, centre_id, case_id, author_id, body, sensitive, created_at "
            "FROM case_notes WHERE case_id = $1 AND centre_id = $2 ORDER BY created_at, id",
            case_id,
            CENTRE,
        )
        head = await conn.fetchrow(
            "INSERT INTO audit_heads (centre_id, seq, hash) VALUES ($1, 0, $2) "
            "ON CONFLICT (centre_id) DO UPDATE SET seq = audit_heads.seq RETURNING seq, hash",
            CENTRE,
            GENESIS,
        )
        entry_id, at, seq = uuid.uuid4(), dt.datetime.now(dt.UTC), head["seq"] + 1
        doc = {
            "v": 1,
            "centre_id": str(CENTRE),
            "seq": seq,
            "prev": head["hash"],
            "id": str(entry_id),
            "actor_id": None,
            "action": "case.viewed",
            "entity_type": "case",
            "entity_id": str(case_id),
            "at": at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "fields": [],
            "source_event_id": None,
        }
        digest = hashlib.sha256(
            json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        await conn.fetchval(
            "INSERT INTO audit_log (id, centre_id, actor_id, action, entity_type, entity_id, "
            "at, fields, source_event_id, chain_seq, prev_hash, hash) VALUES ($1, $2, NULL, "
            "'case.viewed', 'case', $3, $4, $5::json, NULL, $6, $7, $8) RETURNING seq",
            entry_id,
            CENTRE,
            str(case_id),
            at,
            json.dumps({"names": []}),
            seq,
            head["hash"],
            digest,
        )
        await conn.execute(
            "UPDATE audit_heads SET seq = $1, hash = $2 WHERE centre_id = $3",
            seq,
            digest,
            CENTRE,
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


app = Litestar(route_handlers=[read_case], on_startup=[startup])
