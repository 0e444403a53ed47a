"""Foreign keys checked once after a bulk load rather than row by row.

PostgreSQL checks a foreign key of each ``COPY``'d row with a query of its own (a
``SELECT ... FOR KEY SHARE`` on the referenced row): the national seed's 19 rows a case
carry 27 of them, about as much of the database's CPU as the rows themselves. As the
PostgreSQL manual advises for a bulk load ("Populating a Database: Remove Foreign Key
Constraints"), ``dropped_foreign_keys`` drops the tables' foreign keys for the load and
adds the same constraints (same names, same definitions, from ``pg_get_constraintdef``)
back afterwards, which checks every row against its parent in one join a constraint. A
row that breaks one fails the load there, as it would have failed its ``COPY``. The
constraints are put back even when the load fails.

On SQLite (``unchecked_foreign_keys``): ``PRAGMA foreign_keys`` off for the load, then
``PRAGMA foreign_key_check`` over the loaded tables.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any


class ForeignKeyViolation(RuntimeError):
    """Bulk-loaded rows refer to rows that do not exist."""


def foreign_keys(conn: Any, tables: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(table, constraint, definition)`` of the foreign keys of ``tables`` (psycopg)."""
    rows = conn.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
        "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s) "
        "ORDER BY conrelid::regclass::text, conname",
        (list(tables),),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


@contextlib.contextmanager
def dropped_foreign_keys(url: str, tables: Sequence[str]) -> Iterator[None]:
    """The foreign keys of ``tables`` dropped while the block runs, then added back
    (checked), in one transaction each way (PostgreSQL, as the tables' owner)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        keys = foreign_keys(conn, tables)
        with conn.transaction():
            for table, name, _ in keys:
                conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    try:
        yield
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            try:
                with conn.transaction():
                    for table, name, definition in keys:
                        conn.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            except psycopg.errors.ForeignKeyViolation as exc:
                missing = ", ".join(f"{t}.{n}" for t, n, _ in keys)
                raise ForeignKeyViolation(
                    f"bulk-loaded rows break a foreign key ({exc.diag.message_primary}); "
                    f"not added back: {missing}"
                ) from exc


@contextlib.contextmanager
def unchecked_foreign_keys(db: sqlite3.Connection, tables: Sequence[str]) -> Iterator[None]:
    """SQLite: foreign keys not enforced while the block runs (outside a transaction),
    then every row of ``tables`` checked; ``ForeignKeyViolation`` names the first bad one."""
    db.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        db.execute("PRAGMA foreign_keys=ON")
    for table in tables:
        bad = db.execute(f"PRAGMA foreign_key_check({table})").fetchone()
        if bad is not None:
            raise ForeignKeyViolation(
                f"{bad[0]} row {bad[1]} refers to a missing {bad[2]} row (foreign key {bad[3]})"
            )


__all__ = ["ForeignKeyViolation", "dropped_foreign_keys", "foreign_keys", "unchecked_foreign_keys"]
