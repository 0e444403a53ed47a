"""Data-key rotation: a new key version for a centre, then its sealed rows re-sealed.

The new version is committed first, so every write from then on uses it; the rows are then
re-sealed in batches, each batch its own transaction (a crash leaves a resumable state:
rows not yet reached still open under their old version, which is never deleted). Blind
indexes move with the rows; searches cover every version meanwhile.

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

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.clients import write_lookup_terms
from cma_adapters.sqlalchemy.crypto import aad
from cma_adapters.sqlalchemy.rows import CaseNoteRow, ClientRow
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
        return RotationReport(
            centre_id=centre_id,
            version=new.version,
            previous_version=previous,
            clients=clients,
            notes=notes,
        )
