"""Data-key rotation: a new key version for a centre, then its sealed rows re-sealed.

The new version is committed first, so every write from then on uses it; the rows are then
re-sealed in batches, each batch its own transaction (a crash leaves a resumable state:
rows not yet reached still open under their old version, which is never deleted). Blind
indexes move with the rows; searches cover every version meanwhile. After the clients'
columns and the sensitive notes, the sealed part of every JSON record table
(``rows.TABLES``: the advice, casework and privacy records, e.g. contacts' names and
summaries, screenings, credit reports, complaints) is re-sealed the same way, one table
at a time in id order, a batch per transaction.

The new version is audited on the centre's chain in the same transaction that makes it
(``keys.rotated``: the version numbers, never key material), so a key version cannot
exist without its audit entry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import cast

from attrs import frozen
from sqlalchemy import Table, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.clients import write_lookup_terms
from cma_adapters.sqlalchemy.crypto import CentreKey, Keyring, aad, version_of
from cma_adapters.sqlalchemy.rows import TABLES, CaseNoteRow, ClientRow
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWorkFactory
from cma_core.audit.model import AuditEntry
from cma_core.shared.ids import AuditId, CentreId, UserId

clients_t = cast(Table, ClientRow.__table__)
notes_t = cast(Table, CaseNoteRow.__table__)

Progress = Callable[[int, int], None]  # (done, total)


@frozen(kw_only=True)
class RotationReport:
    centre_id: CentreId
    version: int
    previous_version: int | None
    clients: int
    notes: int
    records: int = 0  # JSON records whose sealed part was re-sealed


class SqlAlchemyKeyRotation:
    def __init__(self, uow: SqlAlchemyUnitOfWorkFactory, *, batch_size: int = 200) -> None:
        self._uow = uow
        self._batch = batch_size

    async def rotate(
        self,
        centre_id: CentreId,
        *,
        progress: Progress | None = None,
        actor_id: UserId | None = None,
    ) -> RotationReport:
        async with self._uow(centre_id) as uow:
            x = uow.context
            before = await x.keys.all(x.c)
            new = await x.keys.new_version(x.c)
            previous = before[-1].version if before else None
            await uow.audit.append(
                AuditEntry(
                    id=AuditId(uuid.uuid4()),
                    centre_id=centre_id,
                    actor_id=actor_id,
                    action="keys.rotated",
                    entity_type="data_key",
                    entity_id=str(new.version),
                    at=dt.datetime.now(dt.UTC),
                    fields=(
                        *((f"previous_version:{previous}",) if previous is not None else ()),
                        f"version:{new.version}",
                    ),
                )
            )
            stale_clients = clients_t.c.key_version < new.version
            stale_notes = notes_t.c.key_version < new.version
            total = int(
                (
                    await x.c.execute(
                        select(func.count())
                        .select_from(clients_t)
                        .where(clients_t.c.centre_id == centre_id, stale_clients)
                    )
                ).scalar_one()
            ) + int(
                (
                    await x.c.execute(
                        select(func.count())
                        .select_from(notes_t)
                        .where(notes_t.c.centre_id == centre_id, stale_notes)
                    )
                ).scalar_one()
            )
            await uow.commit()
        done = clients = notes = 0
        if progress:
            progress(done, total)
        while True:
            async with self._uow(centre_id) as uow:
                x = uow.context
                keyring = await x.keys.keyring(x.c)
                rows = (
                    (
                        await x.c.execute(
                            select(clients_t)
                            .where(clients_t.c.centre_id == centre_id, stale_clients)
                            .limit(self._batch)
                        )
                    )
                    .mappings()
                    .all()
                )
                for r in rows:
                    client = m.client_from_row(r, keyring)
                    values = m.client_to_row(client, new)
                    await write_lookup_terms(x.c, client, new)
                    for key in ("id", "centre_id", "created_at", "updated_at", "version"):
                        values.pop(key)
                    await x.c.execute(
                        update(clients_t)
                        .where(clients_t.c.id == r["id"], clients_t.c.centre_id == centre_id)
                        .values(values)
                    )
                note_rows = (
                    (
                        await x.c.execute(
                            select(notes_t)
                            .where(notes_t.c.centre_id == centre_id, stale_notes)
                            .limit(self._batch)
                        )
                    )
                    .mappings()
                    .all()
                )
                for n in note_rows:
                    body = keyring.open(n["body_enc"], aad("case_notes", "body", n["id"]))
                    await x.c.execute(
                        update(notes_t)
                        .where(notes_t.c.id == n["id"], notes_t.c.centre_id == centre_id)
                        .values(
                            body_enc=new.seal(body, aad("case_notes", "body", n["id"])),
                            key_version=new.version,
                        )
                    )
                await uow.commit()
            clients += len(rows)
            notes += len(note_rows)
            done += len(rows) + len(note_rows)
            if progress:
                progress(done, total)
            if not rows and not note_rows:
                break
        records = 0
        for table in TABLES.values():
            moved = await self._reseal_records(centre_id, table, new)
            records += moved
            done += moved
            if progress and moved:
                progress(done, max(total, done))
        return RotationReport(
            centre_id=centre_id,
            version=new.version,
            previous_version=previous,
            clients=clients,
            notes=notes,
            records=records,
        )

    async def _reseal_records(self, centre_id: CentreId, table: Table, new: CentreKey) -> int:
        """Re-seal the ``sealed`` part of ``table``'s records under ``new``; the count."""
        after: uuid.UUID | None = None
        moved = 0
        while True:
            async with self._uow(centre_id) as uow:
                x = uow.context
                stmt = select(table.c.id, table.c.data).where(table.c.centre_id == centre_id)
                if after is not None:
                    stmt = stmt.where(table.c.id > after)
                rows = (await x.c.execute(stmt.order_by(table.c.id).limit(self._batch))).all()
                if not rows:
                    return moved
                keyring = await x.keys.keyring(x.c)
                for row in rows:
                    moved += await _reseal(x.c, table, row.id, dict(row.data), keyring, new)
                await uow.commit()
            after = rows[-1].id


async def _reseal(
    conn: AsyncConnection,
    table: Table,
    rec_id: uuid.UUID,
    data: dict[str, object],
    keyring: Keyring,
    new: CentreKey,
) -> int:
    token = data.get("sealed")
    if not isinstance(token, str) or version_of(token) >= new.version:
        return 0
    associated = aad(table.name, "sealed", rec_id)
    data["sealed"] = new.seal(keyring.open(token, associated), associated)
    await conn.execute(update(table).where(table.c.id == rec_id).values(data=data))
    return 1
