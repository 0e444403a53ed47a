"""In-memory adapters of the privacy area: the key management fake (field encryption) and
the ``CaseDataEraser`` for the in-memory unit of work (every table of the shared database,
every record whose ``case_id``, or its appointment's, is the case)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import attrs

from cma_adapters.memory.records import RecordTable, by_created
from cma_adapters.memory.uow import InMemoryUnitOfWork
from cma_core.privacy.ports import (
    CaseDataEraser,
    DataKey,
    DataSubjectRequestRepository,
    KeyManagement,
    KeyUnavailable,
    LegalHoldRepository,
)
from cma_core.privacy.requests import DataSubjectRequest, LegalHold
from cma_core.shared.errors import Conflict
from cma_core.shared.ids import CaseId, CentreId, ClientId
from cma_core.shared.uow import UnitOfWork


def _attr(record: Any, name: str) -> Any:
    """``record.name``, or that of a wrapped record one level down (a stored appointment)."""
    if hasattr(record, name):
        return getattr(record, name)
    if attrs.has(type(record)):
        for a in attrs.fields(type(record)):
            inner = getattr(record, a.name)
            if attrs.has(type(inner)) and hasattr(inner, name):
                return getattr(inner, name)
    return None


class InMemoryCaseDataEraser(CaseDataEraser):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow

    @property
    def _erased_cases(self) -> set[CaseId]:
        """Cases erased in this unit of work (their removal waits for the commit)."""
        erased: set[CaseId] = self._uow.staging.__dict__.setdefault("erased_cases", set())
        return erased

    def _mine(self, record: Any) -> bool:
        return bool(_attr(record, "centre_id") == self._uow.centre_id)

    def _stage_removal(self, table: dict[Any, Any], keys: list[Any]) -> None:
        def op() -> None:
            for key in keys:
                table.pop(key, None)

        self._uow.staging.ops.append(op)

    def _remove_where(self, removed: dict[str, int], field: str, value: Any) -> None:
        db = self._uow.db
        for name, table in db.tables.items():
            keys = [k for k, r in table.items() if self._mine(r) and _attr(r, field) == value]
            if keys:
                removed[name] = removed.get(name, 0) + len(keys)
                self._stage_removal(table, keys)

    def _remove_events(self, removed: dict[str, int], key: str, value: Any) -> None:
        outbox = self._uow.db.outbox
        keys = [
            k
            for k, (env, _) in outbox.items()
            if env.centre_id == self._uow.centre_id and env.payload.get(key) == str(value)
        ]
        if keys:
            removed["outbox"] = len(keys)
            self._stage_removal(outbox, keys)

    async def hold(self, case_ids: Collection[CaseId]) -> None:
        """Nothing to wait for: the in-memory units of work never run side by side."""

    async def erase_case(self, case_id: CaseId) -> Mapping[str, int]:
        db = self._uow.db
        removed: dict[str, int] = {}
        refs = {
            str(_attr(r, "id"))
            for r in [
                *db.table("scheduling.appointments").values(),
                *db.table("scheduling.deadlines").values(),
            ]
            if _attr(r, "case_id") == case_id
        }
        reminders = db.table("scheduling.reminders")
        keys = [
            k
            for k, r in reminders.items()
            if self._mine(r) and (r.subject_ref in refs or r.subject_ref.startswith(f"{case_id}:"))
        ]
        if keys:
            removed["reminders"] = len(keys)
            self._stage_removal(reminders, keys)
        self._remove_events(removed, "case_id", case_id)
        self._remove_where(removed, "case_id", case_id)
        tasks = [k for k, t in db.tasks.items() if self._mine(t) and t.case_id == case_id]
        if tasks:
            removed["tasks"] = len(tasks)
            self._stage_removal(db.tasks, tasks)
        case = db.cases.get(case_id)
        if case is not None and self._mine(case):
            removed["case_notes"] = len(case.notes)
            removed["cases"] = 1
            self._stage_removal(db.cases, [case_id])
        self._erased_cases.add(case_id)
        return {k: v for k, v in removed.items() if v}

    async def erase_client(self, client_id: ClientId) -> Mapping[str, int]:
        db = self._uow.db
        if any(
            self._mine(c) and c.client_id == client_id and c.id not in self._erased_cases
            for c in db.cases.values()
        ):
            raise Conflict("the client still has cases: erase them first")
        removed: dict[str, int] = {}
        reminders = db.table("scheduling.reminders")
        keys = [k for k, r in reminders.items() if self._mine(r) and r.recipient == str(client_id)]
        if keys:
            removed["reminders"] = len(keys)
            self._stage_removal(reminders, keys)
        self._remove_events(removed, "client_id", client_id)
        self._remove_where(removed, "client_id", client_id)
        client = db.clients.get(client_id)
        if client is not None and self._mine(client):
            removed["clients"] = 1
            self._stage_removal(db.clients, [client_id])
        return removed


def case_data_eraser(uow: UnitOfWork) -> CaseDataEraser:
    """The ``RepositoryFactory[CaseDataEraser]`` of the in-memory unit of work."""
    return InMemoryCaseDataEraser(InMemoryUnitOfWork.of(uow))


class InMemoryKeyManagement(KeyManagement):
    """Wrapped key = 32 random bytes XOR a pad derived from the master key and the centre,
    plus an HMAC tag over both; good enough to catch a wrong centre or an altered key."""

    def __init__(self) -> None:
        self._master = secrets.token_bytes(32)
        self.generated = 0
        self.unwrapped = 0

    def _pad(self, centre_id: CentreId, nonce: bytes) -> bytes:
        return hmac.new(self._master, b"pad" + nonce + centre_id.bytes, hashlib.sha256).digest()

    def _tag(self, centre_id: CentreId, body: bytes) -> bytes:
        return hmac.new(self._master, b"tag" + centre_id.bytes + body, hashlib.sha256).digest()

    async def generate_data_key(self, centre_id: CentreId) -> DataKey:
        self.generated += 1
        key, nonce = secrets.token_bytes(32), secrets.token_bytes(16)
        body = nonce + bytes(a ^ b for a, b in zip(key, self._pad(centre_id, nonce), strict=True))
        return DataKey(plaintext=key, wrapped=body + self._tag(centre_id, body))

    async def unwrap_data_key(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        self.unwrapped += 1
        body, tag = wrapped[:-32], wrapped[-32:]
        if len(body) != 48 or not hmac.compare_digest(tag, self._tag(centre_id, body)):
            raise KeyUnavailable("not a key wrapped for this centre by this key manager")
        nonce, sealed = body[:16], body[16:]
        return bytes(a ^ b for a, b in zip(sealed, self._pad(centre_id, nonce), strict=True))


class InMemoryDataSubjectRequestRepository(DataSubjectRequestRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[DataSubjectRequest] = RecordTable(
            uow, "privacy_requests", "data-subject request"
        )

    async def add(self, request: DataSubjectRequest) -> None:
        self._t.add(request)

    async def get(self, request_id: uuid.UUID) -> DataSubjectRequest | None:
        return self._t.get(request_id)

    async def save(self, request: DataSubjectRequest) -> None:
        self._t.save(request)

    async def list(
        self, *, data_subject_id: ClientId | None = None
    ) -> Sequence[DataSubjectRequest]:
        return self._t.where(
            lambda r: data_subject_id is None or r.data_subject_id == data_subject_id,
            lambda r: (r.received_on, r.created_at, str(r.id)),
        )


class InMemoryLegalHoldRepository(LegalHoldRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[LegalHold] = RecordTable(uow, "privacy_legal_holds", "legal hold")

    async def add(self, hold: LegalHold) -> None:
        self._t.add(hold)

    async def get(self, hold_id: uuid.UUID) -> LegalHold | None:
        return self._t.get(hold_id)

    async def save(self, hold: LegalHold) -> None:
        self._t.save(hold)

    async def list(self, *, active_only: bool = False) -> Sequence[LegalHold]:
        return self._t.where(lambda h: not active_only or h.active, by_created)


def data_subject_requests(uow: UnitOfWork) -> DataSubjectRequestRepository:
    return InMemoryDataSubjectRequestRepository(InMemoryUnitOfWork.of(uow))


def legal_holds(uow: UnitOfWork) -> LegalHoldRepository:
    return InMemoryLegalHoldRepository(InMemoryUnitOfWork.of(uow))
