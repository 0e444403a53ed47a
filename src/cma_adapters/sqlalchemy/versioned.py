"""A centre's single versioned settings row (the compliance policy, the working hours, the
second-factor rule): saved under optimistic concurrency, the same way for each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from cma_core.shared.errors import StaleVersion


async def put_versioned(
    conn: AsyncConnection,
    table: Table,
    key: Mapping[str, Any],
    values: Mapping[str, Any],
    *,
    expected_version: int,
    what: str,
) -> None:
    """Write the row ``key`` picks (its primary key columns and values) with ``values``.

    ``expected_version`` 0: the first save inserts, in a savepoint, so a concurrent first
    save loses on the primary key without spoiling the caller's transaction; otherwise an
    ``UPDATE … WHERE version = expected_version``. Either way exactly one of two racing
    saves wins; the other raises ``StaleVersion`` naming ``what`` and the version it found.
    """
    where: list[ColumnElement[bool]] = [table.c[name] == value for name, value in key.items()]
    if expected_version == 0:
        try:
            async with conn.begin_nested():
                await conn.execute(insert(table).values({**key, **values}))
            return
        except IntegrityError:
            pass
    else:
        result = await conn.execute(
            update(table).where(*where, table.c.version == expected_version).values(values)
        )
        if result.rowcount == 1:
            return
    found = await conn.scalar(select(table.c.version).where(*where))
    raise StaleVersion(what, expected_version, int(found or 0))
