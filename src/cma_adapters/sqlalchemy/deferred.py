"""Writes of a batch's handlers held until they can go as one statement per table and kind.

A projection's handler rewrites what it keeps of each case of a batch: delete the case's
rows (of some kinds), insert the new ones; or upsert the case's one row. Run for N cases
that is 2N statements. While a unit of work reads a batch's cases together
(``UnitOfWork.read_together``), the repositories hand such writes here instead: per table,
the deletes with the same condition become one ``DELETE … WHERE scope IN (…)`` and the
inserts one ``INSERT`` of every row (an executemany), sent when the unit of work commits,
or before anything reads the table in it (``SqlContext.flush``).

Same effect as writing each at once: for one table every held delete runs before every
held insert, which is the order each scope's own writes had, and scopes are disjoint; a
second write to a scope that already has held rows sends what is held first.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from attrs import define, field

DeleteOf = Callable[[Sequence[Any]], Any]
"""The DELETE statement for these scopes (a table's rows of those cases, maybe of some
kinds only)."""


@define
class _Table:
    deletes: dict[Hashable, tuple[DeleteOf, list[Any]]] = field(factory=dict)
    insert: Any = None
    rows: list[dict[str, Any]] = field(factory=list)
    scopes: set[Any] = field(factory=set)


@define
class DeferredWrites:
    """The held writes of one unit of work, by table, in the order tables were written."""

    _tables: dict[str, _Table] = field(factory=dict)

    def holds(self, table: str, scope: Any = None) -> bool:
        """Whether writes to ``table`` are held (of ``scope``, when given)."""
        held = self._tables.get(table)
        if held is None:
            return False
        return scope is None or scope in held.scopes

    def delete(self, table: str, scope: Any, key: Hashable, statement: DeleteOf) -> None:
        """Hold the deletion of ``scope``'s rows; ``key`` names the condition (deletes with
        the same key go as one statement over their scopes)."""
        held = self._tables.setdefault(table, _Table())
        held.deletes.setdefault(key, (statement, []))[1].append(scope)
        held.scopes.add(scope)

    def insert(
        self, table: str, scope: Any, statement: Any, rows: Sequence[dict[str, Any]]
    ) -> None:
        """Hold ``rows`` for ``statement`` (an INSERT, or an upsert, of whole rows: every
        row of one table with the same columns)."""
        held = self._tables.setdefault(table, _Table())
        held.insert = statement
        held.rows.extend(rows)
        held.scopes.add(scope)

    def take(self, table: str | None = None) -> list[tuple[Any, Any]]:
        """The statements (with their parameters, or ``None``) of what is held, for one
        table or all of them, in order; they are no longer held."""
        names = [table] if table is not None else list(self._tables)
        out: list[tuple[Any, Any]] = []
        for name in names:
            held = self._tables.pop(name, None)
            if held is None:
                continue
            out += [(make(scopes), None) for make, scopes in held.deletes.values()]
            if held.rows:
                out.append((held.insert, held.rows))
        return out

    def clear(self) -> None:
        self._tables.clear()
