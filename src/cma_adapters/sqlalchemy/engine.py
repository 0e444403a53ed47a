"""Engines from the plain URLs operators write (``postgresql://``, ``sqlite:///``)."""

from __future__ import annotations

import functools
import logging
import uuid
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import MissingGreenlet
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.util import await_, greenlet_spawn

from cma_adapters.sqlalchemy.rls import DEFAULT_APP_ROLE, check_role_name

log = logging.getLogger(__name__)

_ASYNC_DRIVERS = {"postgresql": "postgresql+asyncpg", "sqlite": "sqlite+aiosqlite"}
_SYNC_DRIVERS = {"postgresql": "postgresql+psycopg", "sqlite": "sqlite"}


def driver_url(url: str, *, sync: bool = False) -> str:
    """Pick the driver for a plain URL: asyncpg/aiosqlite for the app, psycopg/sqlite3 for
    alembic. An explicit ``+driver`` in the URL is kept."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend not in _ASYNC_DRIVERS:
        raise ValueError(f"unsupported database {backend!r}: use postgresql:// or sqlite:///")
    if "+" in parsed.drivername:
        return parsed.render_as_string(hide_password=False)
    drivers = _SYNC_DRIVERS if sync else _ASYNC_DRIVERS
    return parsed.set(drivername=drivers[backend]).render_as_string(hide_password=False)


def create_engine_for(
    url: str,
    *,
    pool_size: int = 8,
    max_overflow: int = 0,
    app_role: str | None = DEFAULT_APP_ROLE,
    sqlite_synchronous: str = "full",
) -> AsyncEngine:
    """An async engine for ``url``.

    PostgreSQL: each new connection switches to ``app_role`` (``SET ROLE``) when the
    connected user would otherwise bypass Row Level Security (a superuser, or BYPASSRLS)
    and may switch; ``None`` or ``""`` keeps the connected user's rights.

    PostgreSQL: a fixed pool, no overflow by default: bursts above the pool wait for a
    connection instead of opening and closing real ones (measured 2-4x slower).
    SQLite: a single connection, so writers queue in the app rather than failing with
    "database is locked"; the embedded default serves one centre's laptop, not a crowd.
    SQLite: ``sqlite_synchronous`` ``"full"`` (every commit synced to disk) or ``"normal"``
    (WAL synced at checkpoints: a power cut or OS crash may lose the last commits, never
    corrupts; about 2.7 ms less a search on the benchmark, benchmarks/README.md).
    """
    if sqlite_synchronous not in SQLITE_SYNCHRONOUS:
        raise ValueError(f"sqlite_synchronous must be one of {sorted(SQLITE_SYNCHRONOUS)}")
    full = driver_url(url)
    kwargs: dict[str, Any] = {}
    if full.startswith("sqlite"):
        kwargs.update(pool_size=1, max_overflow=0, pool_timeout=60)
    else:
        kwargs.update(pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=False)
    # Statement parameters hold sealed fields, blind indexes and ids, but never log them:
    # with echo or INFO logging on sqlalchemy.engine they would otherwise be printed.
    engine = create_async_engine(full, hide_parameters=True, **kwargs)
    if full.startswith("sqlite"):
        event.listen(
            engine.sync_engine, "connect", functools.partial(_sqlite_pragmas, sqlite_synchronous)
        )
    else:
        event.listen(engine.sync_engine, "before_cursor_execute", _apply_pending_centre)
        if app_role:
            event.listen(engine.sync_engine, "connect", _RoleSwitch(check_role_name(app_role)))
    return engine


class _RoleSwitch:
    """``connect`` hook: ``SET ROLE`` to the application role if the connected user could
    bypass RLS. Session-level and committed at once, so pool resets (rollback) keep it.

    - connected as a role that cannot bypass RLS: nothing to do;
    - a superuser, or a member of the role, and the role exists without bypass: switch;
    - otherwise: the wall is down; say so loudly, once per engine, and carry on (the
      unit of work still filters by centre; ``cma migrate`` creates the role).
    """

    def __init__(self, role: str) -> None:
        self.role = role
        self.warned = False

    def __call__(self, dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            # The role name passed check_role_name(): a plain identifier.
            cur.execute(
                "SELECT me.rolsuper OR me.rolbypassrls, t.oid IS NOT NULL,"  # noqa: S608
                " coalesce(NOT (t.rolsuper OR t.rolbypassrls), false),"
                " t.oid IS NOT NULL AND pg_has_role(me.oid, t.oid, 'MEMBER')"
                " FROM pg_roles me LEFT JOIN pg_roles t"
                f" ON t.rolname = '{self.role}' WHERE me.rolname = current_user"
            )
            bypass, exists, target_ok, allowed = cur.fetchone()
            if bypass and exists and target_ok and allowed:
                cur.execute(f'SET ROLE "{self.role}"')
        finally:
            cur.close()
        dbapi_conn.commit()
        if bypass and not (exists and target_ok and allowed) and not self.warned:
            self.warned = True
            why = (
                "does not exist (run `cma migrate`)"
                if not exists
                else "can bypass RLS itself"
                if not target_ok
                else "is not granted to the connected user"
            )
            log.warning(
                "ROW LEVEL SECURITY IS NOT ENFORCED: the database user bypasses it and "
                "cannot switch to the application role %r, which %s. See docs/SECURITY.md.",
                self.role,
                why,
            )


#: ``Connection.info`` key: the centre a unit of work bound to this connection's current
#: transaction, not yet sent to PostgreSQL.
PENDING_CENTRE = "cma.pending_centre"


def _apply_pending_centre(
    conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool
) -> None:
    """Set ``app.centre_id`` for Row Level Security right before the first statement of a
    unit of work's transaction. ``set_config(..., true)`` is transaction-local: it is gone
    at commit or rollback and never reaches the next user of the pooled connection.

    On asyncpg the transaction starts with the setting in the same round trip
    (``BEGIN; SELECT set_config(...)``, one simple query) instead of two: see
    ``begin_bound``. Any other driver, or a transaction asking for an isolation level or
    read-only mode, runs ``set_config`` as a statement of its own after ``BEGIN``."""
    centre = conn.info.pop(PENDING_CENTRE, None)
    if centre is None:
        return
    adapted = conn.connection.dbapi_connection
    if can_begin_bound(adapted):
        await_(begin_bound(adapted, centre))
        return
    setup = conn.connection.cursor()
    try:
        setup.execute("SELECT set_config('app.centre_id', $1, true)", (centre,))
    finally:
        setup.close()


def can_begin_bound(adapted: Any) -> bool:
    """``adapted`` is SQLAlchemy's asyncpg connection adapter, idle (no transaction yet),
    in the default mode (SQLAlchemy's own ``_start_transaction`` would send a plain
    ``BEGIN``). Checked by attribute, so another driver or adapter version falls back."""
    return (
        getattr(adapted, "_transaction", False) is None
        and getattr(adapted, "isolation_level", "?") is None
        and getattr(adapted, "readonly", True) is False
        and getattr(adapted, "deferrable", True) is False
        and hasattr(adapted, "_execute_mutex")
        and hasattr(getattr(adapted, "_connection", None), "execute")
    )


class _BoundTransaction:
    """Stands in for asyncpg's ``Transaction`` in SQLAlchemy's adapter (which only ever
    calls ``commit()`` or ``rollback()`` on it, then drops it) for a transaction that
    ``begin_bound`` started with a plain ``BEGIN``."""

    __slots__ = ("_connection",)

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    async def commit(self) -> None:
        await self._connection.execute("COMMIT;")

    async def rollback(self) -> None:
        await self._connection.execute("ROLLBACK;")


async def begin_bound(adapted: Any, centre: str) -> None:
    """``BEGIN`` and the RLS centre in one round trip. The centre is spliced in as text (a
    simple query takes no parameters): it is re-read as a UUID first, so only the 36
    characters of a canonical UUID can reach the statement."""
    literal = str(uuid.UUID(centre))
    async with adapted._execute_mutex:
        try:
            await adapted._connection.execute(
                f"BEGIN; SELECT set_config('app.centre_id', '{literal}', true)"
            )
        except Exception as error:  # translated to the DBAPI error SQLAlchemy expects
            # BEGIN ran but set_config failed: end that transaction before raising (never
            # leave a transaction open without the centre). A dropped connection has none.
            driver = adapted._connection
            if not driver.is_closed() and driver.is_in_transaction():
                await driver.execute("ROLLBACK;")
            adapted._handle_exception(error)
        adapted._transaction = _BoundTransaction(adapted._connection)


async def driver_begin(adapted: Any, centre: object) -> Any | None:
    """The asyncpg connection under ``adapted`` (SQLAlchemy's adapter of a pooled
    connection no ``Connection`` wraps yet) in a transaction bound to ``centre``: begun
    here (``begin_bound``) unless one is open already. ``None`` if it cannot be begun that
    way (another driver or mode): the caller goes through SQLAlchemy then."""
    if getattr(adapted, "_transaction", None) is None:
        if not can_begin_bound(adapted):
            return None
        await begin_bound(adapted, str(centre))
    return adapted._connection


async def driver_end(adapted: Any, *, commit: bool) -> None:
    """End what ``driver_begin`` began, as the adapter's own ``commit()``/``rollback()``
    does: the transaction is dropped whatever happens, an error raised as the adapter
    translates it. Nothing to do if no transaction is open."""
    transaction = getattr(adapted, "_transaction", None)
    if transaction is None:
        return
    try:
        await (transaction.commit() if commit else transaction.rollback())
    except Exception as error:
        adapted._transaction = None
        adapted._handle_exception(error)
    adapted._transaction = None


async def driver_in_transaction(conn: AsyncConnection) -> Any | None:
    """The asyncpg connection under ``conn``, inside ``conn``'s transaction, for a hot
    statement sent without SQLAlchemy's execution path (its compile-cache lookup, event
    dispatch, parameter processing, result wrapping and greenlet hop cost more CPU than
    asyncpg's own work: benchmarks/README.md). ``None`` on any other driver, or when the
    transaction cannot be started the bound way: the caller then runs the statement
    through SQLAlchemy as usual.

    If no statement has run yet, the transaction starts here as the engine's hook would
    start it (``begin_bound``: ``BEGIN`` and the RLS centre pending on the connection in
    one round trip), and SQLAlchemy's connection is told it is in a transaction, so the
    unit of work's ``commit()``/``rollback()`` end it as usual. A transaction already
    started (by an earlier statement) is simply joined: the centre is set in it already.
    """
    if conn.dialect.driver != "asyncpg":
        return None
    sync = conn.sync_connection
    if sync is None or sync.invalidated:
        return None
    adapted: Any = sync.connection.dbapi_connection
    if getattr(adapted, "_transaction", None) is None:
        centre = sync.info.get(PENDING_CENTRE)
        if centre is None or not can_begin_bound(adapted):
            return None
        if not sync.in_transaction():
            sync.begin()  # no I/O: the asyncpg dialect's ``do_begin`` sends nothing
        del sync.info[PENDING_CENTRE]
        await begin_bound(adapted, centre)
    elif not sync.in_transaction():
        return None  # a driver transaction SQLAlchemy does not know of: not ours to join
    return adapted._connection


async def checkout(engine: AsyncEngine) -> Any:
    """A pooled connection of ``engine`` alone (``AsyncEngine.raw_connection``), taken
    without SQLAlchemy's greenlet hop when the pool can hand one over without I/O.

    ``raw_connection`` runs the pool's synchronous checkout in a new greenlet so that a
    reconnect or a wait for a free connection can await. When a connection is idle in the
    pool and no listener or pre-ping runs at checkout, the checkout is pure bookkeeping:
    it runs here directly (benchmarks/README.md, branch ``caseread4``). A connection that
    must reconnect first (invalidated after a disconnect, or recycled) goes through the
    greenlet. Should the checkout need I/O anyway, SQLAlchemy raises ``MissingGreenlet``
    before any; its connect-failure path gives the record back to the pool invalidated,
    and the checkout is redone the usual way."""
    sync = engine.sync_engine
    pool: Any = sync.pool
    if (
        engine.dialect.is_async
        and not getattr(pool, "_pre_ping", True)
        and not pool.dispatch.checkout
        and _idle_all_live(pool)
    ):
        try:
            return sync.raw_connection()
        except MissingGreenlet:
            pass  # a safety net: the checks below should leave nothing to reconnect
    return await greenlet_spawn(sync.raw_connection)


def _idle_all_live(pool: Any) -> bool:
    """At least one connection idle in ``pool`` and none of them due to reconnect on
    checkout (invalidated, older than the pool's last invalidation, or recycling on):
    read from the pool's queue, and ``False`` (the greenlet) if it is not one CMA knows."""
    items = getattr(getattr(getattr(pool, "_pool", None), "_queue", None), "_queue", None)
    if not items or getattr(pool, "_recycle", 0) != -1:
        return False
    since = getattr(pool, "_invalidate_time", None)
    if since is None:
        return False
    return all(
        getattr(rec, "dbapi_connection", None) is not None
        and since <= rec.starttime
        and getattr(rec, "_soft_invalidate_time", 1) <= rec.starttime
        for rec in items
    )


async def checkin(engine: AsyncEngine, raw: Any) -> None:
    """Give ``raw`` (from ``checkout``) back to the pool: directly when that needs no I/O
    (asyncpg, the transaction ended, the connection open, no reset or checkin listener:
    the pool's rollback-on-return then sends nothing), else in a greenlet as SQLAlchemy
    does (``raw.close()``, whose reset may roll back or close the connection). A
    connection the server has closed is invalidated instead (the pool reconnects it on
    its next checkout)."""
    if _checkin_is_quiet(engine, raw):
        # No transaction is open (checked just now), so the pool's rollback-on-return
        # would send nothing; it is skipped as SQLAlchemy's own ``Connection`` skips it
        # after ending its transaction (``_close_special``): the adapter's ``rollback``
        # and its bookkeeping were ~1.5 % of a case view's CPU.
        close_reset = getattr(raw, "_close_special", None)
        if close_reset is not None:
            close_reset(transaction_reset=True)
        else:
            raw.close()
    elif _driver_closed(raw):
        # The server ended it (a restart, an administrator): SQLAlchemy's ``Connection``
        # would have invalidated it on the disconnect; the unit of work used it without
        # one, so it is invalidated here, never given back to be handed out dead again.
        await greenlet_spawn(raw.invalidate)
    else:
        await greenlet_spawn(raw.close)


def _driver_closed(raw: Any) -> bool:
    driver = raw.driver_connection if raw.is_valid else None
    return bool(driver is not None and getattr(driver, "is_closed", bool)())


def _checkin_is_quiet(engine: AsyncEngine, raw: Any) -> bool:
    pool: Any = engine.sync_engine.pool
    if raw.is_detached or not raw.is_valid or pool.dispatch.reset or pool.dispatch.checkin:
        return False
    adapted = raw.dbapi_connection
    if getattr(adapted, "_transaction", True) is not None:
        return False  # a transaction the adapter would roll back: I/O
    driver = getattr(adapted, "_connection", None)
    return (
        driver is not None
        and hasattr(driver, "is_in_transaction")
        and not driver.is_closed()
        and not driver.is_in_transaction()
    )


#: ``CMA_SQLITE_SYNCHRONOUS`` values (SQLite's ``PRAGMA synchronous``).
SQLITE_SYNCHRONOUS = frozenset({"full", "normal"})


def _sqlite_pragmas(synchronous: str, dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA synchronous={'NORMAL' if synchronous == 'normal' else 'FULL'}")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
