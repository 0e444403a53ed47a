"""The JSON record tables behind the debt-advice areas' SQL repositories.

Every such table has the same shape: the record's id, its centre (Row Level Security
filters on it), the case it belongs to, a ``kind`` and ``sort_key`` for the queries the
ports make, ``created_at``, ``version`` (optimistic concurrency), and ``data``: the whole
record as plain JSON (:func:`cma_core.shared.data.to_data`). Columns exist for what is
queried; the record itself is one JSON document, so a new optional fact needs no migration.

``sealed`` names top-level fields of the document that hold personal or special-category
data: they are stored together as one value sealed with the centre's data key (AES-GCM,
bound to the table and record id, as the clients' sealed columns are), under ``sealed``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy.crypto import aad
from cma_adapters.sqlalchemy.rows import TABLES
from cma_adapters.sqlalchemy.uow import SqlContext
from cma_core.shared.data import from_data, to_data
from cma_core.shared.errors import Conflict, StaleVersion

R = TypeVar("R")


class RecordTable(Generic[R]):
    def __init__(
        self,
        ctx: SqlContext,
        table: str,
        cls: type[R],
        entity: str,
        *,
        kind: Any = None,
        sort_key: Any = None,
        sealed: tuple[str, ...] = (),
    ) -> None:
        self._x, self._t, self._cls, self._entity = ctx, TABLES[table], cls, entity
        self._kind = kind or (lambda _: None)
        self._sort_key = sort_key or (lambda _: None)
        self._sealed = sealed

    async def _data(self, rec: Any) -> dict[str, Any]:
        data: dict[str, Any] = to_data(rec)
        if self._sealed:
            secret = json.dumps({k: data.pop(k) for k in self._sealed if k in data})
            key = await self._x.keys.current(self._x.c)
            data["sealed"] = key.seal(secret, aad(self._t.name, "sealed", rec.id))
        return data

    async def _load(self, row: Any) -> R:
        data = dict(row["data"])
        token = data.pop("sealed", None)
        if token is not None:
            keys = await self._x.keys.keyring(self._x.c)
            data.update(json.loads(keys.open(token, aad(self._t.name, "sealed", row["id"]))))
        data["version"] = row["version"]
        return from_data(self._cls, data)  # type: ignore[no-any-return]

    async def add(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        values = {
            "id": r.id,
            "centre_id": r.centre_id,
            "case_id": getattr(r, "case_id", None),
            "kind": self._kind(r),
            "sort_key": self._sort_key(r),
            "created_at": r.created_at,
            "version": r.version,
            "data": await self._data(rec),
        }
        # Checked first rather than with a SAVEPOINT: on SQLite (pysqlite) a SAVEPOINT as
        # the first statement opens no outer transaction, so its RELEASE would commit.
        taken = (await self._x.c.execute(select(self._t.c.id).where(self._t.c.id == r.id))).first()
        if taken is not None:
            raise Conflict(f"{self._entity} already exists")
        try:
            await self._x.c.execute(insert(self._t).values(values))
        except IntegrityError as exc:  # a concurrent insert won the race
            raise Conflict(f"{self._entity} already exists") from exc

    async def get(self, rec_id: Any) -> R | None:
        row = (
            (
                await self._x.c.execute(
                    select(self._t).where(
                        self._t.c.id == rec_id, self._t.c.centre_id == self._x.centre_id
                    )
                )
            )
            .mappings()
            .first()
        )
        return await self._load(row) if row else None

    async def where(self, *conditions: Any, order: Sequence[Any] = ()) -> list[R]:
        stmt = (
            select(self._t)
            .where(self._t.c.centre_id == self._x.centre_id, *conditions)
            .order_by(*(order or (self._t.c.created_at, self._t.c.id)))
        )
        rows = (await self._x.c.execute(stmt)).mappings().all()
        return [await self._load(r) for r in rows]

    async def _actual(self, rec_id: Any) -> int:
        found = (
            await self._x.c.execute(
                select(self._t.c.version).where(
                    self._t.c.id == rec_id, self._t.c.centre_id == self._x.centre_id
                )
            )
        ).scalar()
        return int(found or 0)

    async def save(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        expected = r.version
        r.version = expected + 1
        try:
            result = await self._x.c.execute(
                update(self._t)
                .where(
                    self._t.c.id == r.id,
                    self._t.c.centre_id == self._x.centre_id,
                    self._t.c.version == expected,
                )
                .values(
                    version=expected + 1,
                    kind=self._kind(r),
                    sort_key=self._sort_key(r),
                    data=await self._data(rec),
                )
            )
        except BaseException:
            r.version = expected
            raise
        if result.rowcount != 1:
            r.version = expected
            raise StaleVersion(self._entity, expected, await self._actual(r.id))

    async def remove(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        result = await self._x.c.execute(
            delete(self._t).where(
                self._t.c.id == r.id,
                self._t.c.centre_id == self._x.centre_id,
                self._t.c.version == r.version,
            )
        )
        if result.rowcount != 1:
            raise StaleVersion(self._entity, r.version, await self._actual(r.id))
