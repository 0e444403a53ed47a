"""Hot statements sent on the asyncpg connection itself, inside the unit of work's
transaction (``engine.driver_in_transaction``), without SQLAlchemy's execution path.

A statement is still written once in SQLAlchemy Core and compiled by the engine's own
dialect, so the SQL is exactly what SQLAlchemy would send (casts included). What is
skipped is the per-call work around it: compile-cache lookup, event dispatch, parameter
dictionaries, cursor and result objects, and the greenlet hop there and back (about
0.2 ms of CPU a statement on this project's machine, more than asyncpg's own work:
benchmarks/README.md). The column types' bind processors still convert each parameter
(``UTCDateTime`` refuses a naive time, JSON is serialised the same way), through the
types' public ``bind_processor``.

Rows come back as asyncpg ``Record`` objects (``row["name"]``), without SQLAlchemy's
result processors: use this only for statements whose result columns need none on
asyncpg, or none that matters (``UTCDateTime`` turns an aware time into UTC, which is
what asyncpg's ``timestamptz`` decoder returns already).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement

_Compiled = tuple[str, tuple[str, ...], tuple[Callable[[Any], Any] | None, ...]]


class RawStatement:
    """A Core statement compiled once per dialect, run on an asyncpg connection with named
    parameters (the statement's ``bindparam`` names)."""

    __slots__ = ("_by_dialect", "_ready", "_statement")

    def __init__(self, statement: ClauseElement, *, ready: Collection[str] = ()) -> None:
        """``ready``: parameters the caller passes already converted, by the processor
        ``processor_of`` gives (e.g. remembered for values that recur); theirs is skipped."""
        self._statement = statement
        self._ready = frozenset(ready)
        self._by_dialect: dict[int, tuple[Dialect, _Compiled, _Compiled]] = {}

    def _compile(self, dialect: Dialect) -> tuple[_Compiled, _Compiled]:
        got = self._by_dialect.get(id(dialect))
        if got is not None and got[0] is dialect:
            return got[1], got[2]
        compiled: Any = self._statement.compile(dialect=dialect)
        names = tuple(compiled.positiontup or ())
        processors = tuple(compiled.binds[n].type.bind_processor(dialect) for n in names)
        every: _Compiled = (str(compiled), names, processors)
        used: _Compiled = (
            every[0],
            names,
            tuple(None if n in self._ready else p for n, p in zip(names, processors, strict=True)),
        )
        self._by_dialect[id(dialect)] = (dialect, used, every)
        return used, every

    def compiled(self, dialect: Dialect) -> _Compiled:
        """The SQL text, its parameters' names in order, and each one's bind processor
        (``None`` for the ``ready`` ones)."""
        return self._compile(dialect)[0]

    def processor_of(self, dialect: Dialect, name: str) -> Callable[[Any], Any] | None:
        """The bind processor of parameter ``name`` (a ``ready`` one's too)."""
        _, names, processors = self._compile(dialect)[1]
        return processors[names.index(name)]

    def _args(self, dialect: Dialect, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
        sql, names, processors = self.compiled(dialect)
        args = [
            params[n] if p is None else p(params[n]) for n, p in zip(names, processors, strict=True)
        ]
        return sql, args

    async def fetch(
        self, driver: Any, dialect: Dialect, params: Mapping[str, Any]
    ) -> Sequence[Any]:
        sql, args = self._args(dialect, params)
        return await driver.fetch(sql, *args)  # type: ignore[no-any-return]

    async def execute(self, driver: Any, dialect: Dialect, params: Mapping[str, Any]) -> None:
        sql, args = self._args(dialect, params)
        await driver.execute(sql, *args)
