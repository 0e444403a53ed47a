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
    func,
    insert,
    literal,
    select,
    union_all,
    update,
)
from sqlalchemy.exc import IntegrityError

from cma_adapters.sqlalchemy.crypto import aad, indexes_for
from cma_adapters.sqlalchemy.rows import TABLES
from cma_adapters.sqlalchemy.uow import SqlContext
from cma_core.shared.data import from_data, to_data
from cma_core.shared.errors import Conflict, StaleVersion

R = TypeVar("R")

#: The order a case's records of each table are listed in (``RecordTable.for_case``);
#: ``created_at, id`` unless named here.
CASE_ORDER: dict[str, tuple[str, ...]] = {
    "casework_contacts": ("sort_key", "id"),
    "casework_screenings": ("sort_key", "created_at", "id"),
    "casework_complaints": ("sort_key", "created_at", "id"),
    "casework_breathing_spaces": ("sort_key", "created_at", "id"),
}
_DEFAULT_ORDER = ("created_at", "id")


def _case_order(table: str) -> tuple[str, ...]:
    return CASE_ORDER.get(table, _DEFAULT_ORDER)


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
        sort_key_index: str | None = None,
    ) -> None:
        self._x, self._t, self._cls, self._entity = ctx, TABLES[table], cls, entity
        self._kind = kind or (lambda _: None)
        self._sort_key = sort_key or (lambda _: None)
        self._sealed = sealed
        self._sort_key_index = sort_key_index

    async def _sort_value(self, rec: Any) -> str | None:
        """The record's ``sort_key``; with ``sort_key_index``, its blind index under the
        centre's newest key (an HMAC: found by equality, read by no one), for a key
        that would say something of the sealed record (``debts.debt_creditor_key``)."""
        value = self._sort_key(rec)
        if value is None or self._sort_key_index is None:
            return value
        key = await self._x.keys.current(self._x.c)
        return key.index(value, self._sort_key_index)

    async def sort_key_indexes(self, value: str) -> list[str]:
        """``value``'s blind index under every version of the centre's key (rows written
        before a rotation keep the old one): what ``sort_key`` is compared with."""
        if self._sort_key_index is None:
            return [value]
        keys = await self._x.keys.all(self._x.c)
        return indexes_for(keys, value, self._sort_key_index)

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

    def _forget(self) -> None:
        """A write to the table: what was read ahead of it is stale."""
        self._x.wrote(self._t.name)
        ahead = self._x.read_ahead
        for key in [k for k in ahead if k[0] == self._t.name]:
            del ahead[key]

    async def add(self, rec: R) -> None:
        r: Any = rec
        self._x.own(r.centre_id, self._entity)
        self._forget()
        values = {
            "id": r.id,
            "centre_id": r.centre_id,
            "case_id": getattr(r, "case_id", None),
            "kind": self._kind(r),
            "sort_key": await self._sort_value(r),
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
        # A record kept one per case has the case's id: ``read_ahead`` holds it (or knows
        # there is none) when it fetched that case.
        ahead = self._x.read_ahead.get((self._t.name, rec_id))
        if ahead is not None:
            found = next((r for r in ahead if r["id"] == rec_id), None)
            return await self._load(found) if found is not None else None
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

    async def where(
        self, *conditions: Any, order: Sequence[Any] = (), limit: int | None = None
    ) -> list[R]:
        stmt = (
            select(self._t)
            .where(self._t.c.centre_id == self._x.centre_id, *conditions)
            .order_by(*(order or (self._t.c.created_at, self._t.c.id)))
            .limit(limit)
        )
        rows = (await self._x.c.execute(stmt)).mappings().all()
        return [await self._load(r) for r in rows]

    async def for_case(self, case_id: Any) -> list[R]:
        """The case's records, in the table's ``CASE_ORDER``; from what ``read_ahead``
        fetched when it holds the case (no query), else from the table."""
        ahead = self._x.read_ahead.get((self._t.name, case_id))
        if ahead is not None:
            return [await self._load(r) for r in ahead]
        order = tuple(self._t.c[name] for name in _case_order(self._t.name))
        together = await self._x.rows_together(
            self._t.name,
            case_id,
            lambda ids: (
                select(self._t)
                .where(self._t.c.centre_id == self._x.centre_id, self._t.c.case_id.in_(ids))
                .order_by(*order)
            ),
        )
        if together is not None:
            return [await self._load(r) for r in together]
        return await self.where(self._t.c.case_id == case_id, order=order)

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
        self._forget()
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
                    sort_key=await self._sort_value(r),
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
        self._forget()
        result = await self._x.c.execute(
            delete(self._t).where(
                self._t.c.id == r.id,
                self._t.c.centre_id == self._x.centre_id,
                self._t.c.version == r.version,
            )
        )
        if result.rowcount != 1:
            raise StaleVersion(self._entity, r.version, await self._actual(r.id))


async def read_ahead(ctx: SqlContext, tables: Sequence[str], case_ids: Sequence[Any]) -> int:
    """Fetch every record of ``case_ids`` in ``tables`` (case-scoped record tables) in one
    statement, a ``UNION ALL`` of the tables (they share one shape), for ``for_case`` and
    ``get`` to serve without a query until ``ctx.read_ahead`` is cleared or the table is
    written. Each table's rows keep their ``CASE_ORDER``: the position is numbered by the
    database in that order (``row_number``), so the order is the one a query gives.
    Returns the number of rows fetched."""
    if not tables or not case_ids:
        return 0
    parts = []
    for name in tables:
        t = TABLES[name]
        order = [t.c[col] for col in _case_order(name)]
        parts.append(
            select(
                literal(name).label("tbl"),
                t.c.id,
                t.c.case_id,
                t.c.version,
                t.c.data,
                func.row_number().over(partition_by=t.c.case_id, order_by=order).label("pos"),
            ).where(t.c.centre_id == ctx.centre_id, t.c.case_id.in_(list(case_ids)))
        )
    rows = (await ctx.c.execute(union_all(*parts))).mappings().all()
    fetched: dict[tuple[str, Any], list[Any]] = {
        (name, case_id): [] for name in tables for case_id in case_ids
    }
    for row in sorted(rows, key=lambda r: (r["tbl"], r["pos"])):
        fetched[(row["tbl"], row["case_id"])].append(row)
    ctx.read_ahead.update(fetched)
    return len(rows)
