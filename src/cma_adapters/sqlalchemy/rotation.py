"""Data-key rotation: a new key version for a centre, then its sealed rows re-sealed.

The new version is committed first, so every write from then on uses it; the rows are then
re-sealed in batches, each batch its own transaction (a crash leaves a resumable state:
rows not yet reached still open under their old version, which is never deleted). Blind
indexes move with the rows; searches cover every version meanwhile. After the clients'
columns and the sensitive notes, the sealed part of every JSON record table
(``rows.TABLES``: the advice, casework and privacy records, e.g. contacts' names and
summaries, screenings, credit reports, complaints; a debt's creditor index with it) is
re-sealed the same way, one table
at a time in id order, a batch per transaction. Then the documents' page text and file
names, the suggestions' evidence (migration 1700) and their title, creditor, account
reference and claim number (1841), and, when a sealed file store is given,
every document's stored file (rewritten sealed under the new version; a file stored before
sealing is sealed now). After a complete run nothing is left under an older version.

The new version is audited on the centre's chain in the same transaction that makes it
(``keys.rotated``: the version numbers, never key material), so a key version cannot
exist without its audit entry.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any, Protocol, cast

from attrs import frozen
from sqlalchemy import Table, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.clients import write_lookup_terms
from cma_adapters.sqlalchemy.crypto import CentreKey, Keyring, aad, version_of
from cma_adapters.sqlalchemy.debts import CREDITOR_INDEX
from cma_adapters.sqlalchemy.rows import (
    TABLES,
    CaseListEntryRow,
    CaseNoteRow,
    ClientRow,
    DocumentRow,
    SuggestionRow,
    TimelineEntryRow,
)
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWorkFactory
from cma_core.audit.model import AuditEntry
from cma_core.shared.ids import AuditId, CentreId, UserId

clients_t = cast(Table, ClientRow.__table__)
notes_t = cast(Table, CaseNoteRow.__table__)
case_list_t = cast(Table, CaseListEntryRow.__table__)
documents_t = cast(Table, DocumentRow.__table__)
suggestions_t = cast(Table, SuggestionRow.__table__)
timeline_t = cast(Table, TimelineEntryRow.__table__)

Progress = Callable[[int, int], None]  # (done, total)


class FileResealer(Protocol):
    """The sealed file store (``cma_adapters.sealed_files.SealedDocumentStore``)."""

    async def reseal(self, centre_id: CentreId, key: str, content_type: str) -> bool: ...


@frozen(kw_only=True)
class RotationReport:
    centre_id: CentreId
    version: int
    previous_version: int | None
    clients: int
    notes: int
    records: int = 0  # JSON records whose sealed part was re-sealed
    documents: int = 0  # document and suggestion rows (page text, file name, evidence)
    files: int = 0  # stored files rewritten under the new version


class UserSecretResealer(Protocol):
    """The identity store (``cma_adapters.sqlalchemy.identity.SqlAlchemyIdentityStore``)."""

    async def reseal_totp_secrets(
        self, *, batch: int = ..., progress: Progress | None = None
    ) -> tuple[dict[UserId, list[CentreId]], list[UserId]]: ...


@frozen(kw_only=True)
class UserRotationReport:
    users: int  # users whose TOTP secret got a new data key
    centres: int  # centres whose chain records it
    refused: int = 0  # secrets that did not open: left as they were, their users re-enrol


class SqlAlchemyKeyRotation:
    def __init__(
        self,
        uow: SqlAlchemyUnitOfWorkFactory,
        *,
        batch_size: int = 200,
        files: FileResealer | Any = None,
        identity: UserSecretResealer | None = None,
    ) -> None:
        self._uow = uow
        self._batch = batch_size
        self._identity = identity
        # Only a sealing store can re-seal; a plain one (tests, memory) is left alone.
        self._files: FileResealer | None = files if hasattr(files, "reseal") else None

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
            stale_notes = or_(notes_t.c.key_version < new.version, notes_t.c.key_version.is_(None))
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
                    body = (
                        keyring.open(n["body_enc"], aad("case_notes", "body", n["id"]))
                        if n["body_enc"] is not None
                        else n["body"] or ""
                    )
                    await x.c.execute(
                        update(notes_t)
                        .where(notes_t.c.id == n["id"], notes_t.c.centre_id == centre_id)
                        .values(
                            body=None,
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
        documents = await self._reseal_rows(centre_id, documents_t, new, _reseal_document)
        documents += await self._reseal_rows(centre_id, suggestions_t, new, _reseal_suggestion)
        # The case list's read model keeps the client's name sealed (migration 1620).
        records += await self._reseal_rows(
            centre_id, case_list_t, new, _reseal_case_list_row, key="case_id"
        )
        # The case timeline's read model keeps each entry's own words sealed (1980).
        records += await self._reseal_rows(
            centre_id, timeline_t, new, _reseal_timeline_entry, key="entry_id"
        )
        files = await self._reseal_files(centre_id)
        if progress and (documents or files):
            done += documents + files
            progress(done, max(total, done))
        return RotationReport(
            centre_id=centre_id,
            version=new.version,
            previous_version=previous,
            clients=clients,
            notes=notes,
            records=records,
            documents=documents,
            files=files,
        )

    async def rotate_user_secrets(
        self, *, progress: Progress | None = None, actor_id: UserId | None = None
    ) -> UserRotationReport:
        """A new data key for every user's sealed TOTP secret (``user_secrets``), then one
        ``keys.user_secrets_rotated`` entry on the chain of each centre any of them belongs
        to, with how many of its staff moved (never key material, never who)."""
        if self._identity is None:
            raise RuntimeError("this key rotation has no identity store to re-seal users in")
        moved, refused = await self._identity.reseal_totp_secrets(
            batch=self._batch, progress=progress
        )
        per_centre: dict[CentreId, int] = {}
        for centres in moved.values():
            for centre_id in centres:
                per_centre[centre_id] = per_centre.get(centre_id, 0) + 1
        for centre_id, count in sorted(per_centre.items(), key=lambda kv: str(kv[0])):
            async with self._uow(centre_id) as uow:
                await uow.audit.append(
                    AuditEntry(
                        id=AuditId(uuid.uuid4()),
                        centre_id=centre_id,
                        actor_id=actor_id,
                        action="keys.user_secrets_rotated",
                        entity_type="user_secrets",
                        entity_id=str(count),
                        at=dt.datetime.now(dt.UTC),
                        fields=(f"users:{count}",),
                    )
                )
                await uow.commit()
        return UserRotationReport(users=len(moved), centres=len(per_centre), refused=len(refused))

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

    async def _reseal_rows(
        self,
        centre_id: CentreId,
        table: Table,
        new: CentreKey,
        reseal: _RowResealer,
        key: str = "id",
    ) -> int:
        """Re-seal ``table``'s sealed columns row by row (``key`` order, a batch a
        transaction)."""
        after: uuid.UUID | None = None
        moved = 0
        column = table.c[key]
        while True:
            async with self._uow(centre_id) as uow:
                x = uow.context
                stmt = select(table).where(table.c.centre_id == centre_id)
                if after is not None:
                    stmt = stmt.where(column > after)
                stmt = stmt.order_by(column).limit(self._batch)
                rows = (await x.c.execute(stmt)).mappings().all()
                if not rows:
                    return moved
                keyring = await x.keys.keyring(x.c)
                for row in rows:
                    values = reseal(row, keyring, new)
                    if values:
                        await x.c.execute(
                            update(table)
                            .where(column == row[key], table.c.centre_id == centre_id)
                            .values(values)
                        )
                        moved += 1
                await uow.commit()
            after = rows[-1][key]

    async def _reseal_files(self, centre_id: CentreId) -> int:
        """Every document's stored file sealed under the newest version (one at a time, no
        transaction held while the bytes travel)."""
        if self._files is None:
            return 0
        from cma_core.documents.errors import ObjectNotFound

        after: uuid.UUID | None = None
        moved = 0
        while True:
            async with self._uow(centre_id) as uow:
                x = uow.context
                stmt = select(
                    documents_t.c.id, documents_t.c.storage_key, documents_t.c.content_type
                ).where(documents_t.c.centre_id == centre_id)
                if after is not None:
                    stmt = stmt.where(documents_t.c.id > after)
                rows = (await x.c.execute(stmt.order_by(documents_t.c.id).limit(self._batch))).all()
            if not rows:
                return moved
            for row in rows:
                key = _relative(centre_id, row.storage_key)
                try:
                    moved += await self._files.reseal(centre_id, key, row.content_type)
                except ObjectNotFound:
                    continue  # the record outlived its file (a failed upload): nothing to seal
            after = rows[-1].id


_RowResealer = Callable[[Any, Keyring, CentreKey], dict[str, Any]]


def _relative(centre_id: CentreId, storage_key: str) -> str:
    """Documents store the relative key (``documents/<id>/original``); accept a full one."""
    prefix = f"centres/{centre_id}/"
    return storage_key[len(prefix) :] if storage_key.startswith(prefix) else storage_key


def _stale(token: object, new: CentreKey) -> bool:
    return isinstance(token, str) and version_of(token) < new.version


def _reseal_json(
    value: Any, keyring: Keyring, new: CentreKey, associated: bytes
) -> dict[str, str] | None:
    """A JSON column's ``{"sealed": token}`` (or a plain non-empty list) under ``new``."""
    if isinstance(value, str):
        value = json.loads(value)
    if isinstance(value, dict) and "sealed" in value:
        if not _stale(value["sealed"], new):
            return None
        return {"sealed": new.seal(keyring.open(value["sealed"], associated), associated)}
    if isinstance(value, list) and value:
        return {"sealed": new.seal(json.dumps(value, ensure_ascii=False), associated)}
    return None


def _reseal_document(row: Any, keyring: Keyring, new: CentreKey) -> dict[str, Any]:
    values: dict[str, Any] = {}
    pages = _reseal_json(row["pages"], keyring, new, aad("documents", "pages", row["id"]))
    if pages is not None:
        values["pages"] = pages
    associated = aad("documents", "filename", row["id"])
    token = row["filename_enc"]
    if token is None and row["filename"]:
        values.update(filename_enc=new.seal(row["filename"], associated), filename="")
    elif _stale(token, new):
        values["filename_enc"] = new.seal(keyring.open(token, associated), associated)
    return values


def _reseal_timeline_entry(row: Any, keyring: Keyring, new: CentreKey) -> dict[str, Any]:
    token = row["detail_enc"]
    if token is None or not _stale(token, new):
        return {}
    associated = aad("case_timeline_entries", "detail", row["entry_id"])
    return {"detail_enc": new.seal(keyring.open(token, associated), associated)}


def _reseal_case_list_row(row: Any, keyring: Keyring, new: CentreKey) -> dict[str, Any]:
    token = row["client_name_enc"]
    if not _stale(token, new):
        return {}
    associated = aad("case_list_rows", "client_name", row["case_id"])
    return {"client_name_enc": new.seal(keyring.open(token, associated), associated)}


def _reseal_suggestion(row: Any, keyring: Keyring, new: CentreKey) -> dict[str, Any]:
    from cma_adapters.sqlalchemy.documents import SUGGESTION_SEALED

    associated = aad("document_suggestions", "evidence", row["id"])
    evidence = _reseal_json(row["evidence"], keyring, new, associated)
    values: dict[str, Any] = {"evidence": evidence} if evidence is not None else {}
    associated = aad("document_suggestions", "sealed", row["id"])
    token = row["sealed"]
    if token is None:  # written before 1841 or without keys: sealed now
        secret = {c: row[c] for c in SUGGESTION_SEALED}
        values.update(dict.fromkeys(SUGGESTION_SEALED), title="")
        values["sealed"] = new.seal(json.dumps(secret, ensure_ascii=False), associated)
    elif _stale(token, new):
        values["sealed"] = new.seal(keyring.open(token, associated), associated)
    return values


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
    plain = keyring.open(token, associated)
    data["sealed"] = new.seal(plain, associated)
    values: dict[str, object] = {"data": data}
    if table.name == "advice_debts":
        # The creditor's blind index moves with the row (and a debt written before
        # migration 2110 gets one): the old version's key may be deleted after.
        values["sort_key"] = _creditor_index(json.loads(plain).get("debt") or {}, new)
    await conn.execute(update(table).where(table.c.id == rec_id).values(**values))
    return 1


def _creditor_index(debt: dict[str, Any], new: CentreKey) -> str | None:
    """A sealed debt's ``sort_key`` under ``new`` (``debts.debt_creditor_key``)."""
    creditor, reference = debt.get("creditor_id"), debt.get("account_reference")
    if not creditor or not str(reference or "").strip():
        return None
    return new.index(uuid.UUID(str(creditor)).hex, CREDITOR_INDEX)
