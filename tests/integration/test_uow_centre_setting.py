"""The PostgreSQL unit of work sets the centre for Row Level Security in every transaction
it runs, including one after a commit, and the setting never outlives the transaction."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy import event, text

from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWorkFactory, create_engine_for
from cma_core.shared.ids import CentreId

SHOW = text("SELECT current_setting('app.centre_id', true)")


async def test_centre_is_set_in_each_transaction_and_not_leaked(postgres_url: str) -> None:
    # One pooled connection, so every unit of work reuses the same server session.
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    a, b = CentreId(uuid.uuid4()), CentreId(uuid.uuid4())
    try:
        async with factory(a) as uow:
            assert (await uow.context.c.execute(SHOW)).scalar() == str(a)
            await uow.commit()
            # The transaction after a commit is bound to the same centre.
            assert (await uow.context.c.execute(SHOW)).scalar() == str(a)
        async with engine.connect() as conn:
            assert (await conn.execute(SHOW)).scalar() in (None, "")
        async with factory(b) as uow:
            assert (await uow.context.c.execute(SHOW)).scalar() == str(b)
        async with factory(a) as uow:
            pass  # a unit of work that runs nothing leaves nothing pending behind
        async with engine.connect() as conn:
            assert (await conn.execute(SHOW)).scalar() in (None, "")
    finally:
        await engine.dispose()


async def _logged(engine: object, queries: list[str]) -> None:
    """Log every simple query (BEGIN, COMMIT, ROLLBACK) of the engine's asyncpg connection."""
    async with engine.connect() as conn:  # type: ignore[attr-defined]
        raw = await conn.get_raw_connection()
        raw.driver_connection.add_query_logger(lambda r: queries.append(r.query))
        await conn.rollback()


async def test_begin_and_centre_go_in_one_round_trip(postgres_url: str) -> None:
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    queries: list[str] = []
    try:
        await _logged(engine, queries)
        queries.clear()
        async with factory(centre) as uow:
            assert (await uow.context.c.execute(SHOW)).scalar() == str(centre)
            await uow.commit()
        await asyncio.sleep(0)  # asyncpg calls its query loggers soon, not at once
        begins = [q for q in queries if q.startswith("BEGIN")]
        assert begins == [f"BEGIN; SELECT set_config('app.centre_id', '{centre}', true)"]
        assert "COMMIT;" in queries
        # A rolled-back unit of work ends its transaction: the setting is gone.
        async with factory(centre) as uow:
            await uow.context.c.execute(text("CREATE TEMP TABLE t_rolled_back (x int)"))
        await asyncio.sleep(0)
        assert "ROLLBACK;" in queries
        async with engine.connect() as conn:
            assert (await conn.execute(SHOW)).scalar() in (None, "")
            assert (
                await conn.execute(text("SELECT to_regclass('t_rolled_back')"))
            ).scalar() is None
    finally:
        await engine.dispose()


async def test_a_transaction_with_its_own_isolation_level_still_gets_the_centre(
    postgres_url: str,
) -> None:
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    try:
        async with factory(centre) as uow:
            conn = uow.context.c
            await conn.execution_options(isolation_level="SERIALIZABLE")
            level = (await conn.execute(text("SHOW transaction_isolation"))).scalar()
            assert level == "serializable"
            assert (await conn.execute(SHOW)).scalar() == str(centre)
    finally:
        await engine.dispose()


class _FailingDriver:
    """An asyncpg connection whose ``BEGIN; set_config`` fails after BEGIN took effect."""

    def __init__(self, *, closed: bool = False) -> None:
        self.sent: list[str] = []
        self.in_transaction = False
        self.closed = closed

    async def execute(self, query: str) -> str:
        self.sent.append(query)
        if query.startswith("BEGIN"):
            self.in_transaction = True
            raise RuntimeError("set_config failed")
        self.in_transaction = False
        return "ROLLBACK"

    def is_in_transaction(self) -> bool:
        return self.in_transaction

    def is_closed(self) -> bool:
        return self.closed


class _Adapter:
    def __init__(self, driver: _FailingDriver) -> None:
        self._connection = driver
        self._execute_mutex = asyncio.Lock()
        self._transaction: object | None = None

    def _handle_exception(self, error: Exception) -> None:
        raise error


async def test_a_failed_begin_leaves_no_transaction_open() -> None:
    from cma_adapters.sqlalchemy.engine import begin_bound

    centre = str(uuid.uuid4())
    for closed in (False, True):
        driver = _FailingDriver(closed=closed)
        adapter = _Adapter(driver)
        try:
            await begin_bound(adapter, centre)
        except RuntimeError:
            pass
        else:
            raise AssertionError("the failure was swallowed")
        assert adapter._transaction is None
        expected_tail = [] if closed else ["ROLLBACK;"]
        assert driver.sent[1:] == expected_tail


async def test_only_a_uuid_reaches_the_begin_statement() -> None:
    from cma_adapters.sqlalchemy.engine import begin_bound

    driver = _FailingDriver()
    try:
        await begin_bound(_Adapter(driver), "x', true); DROP TABLE cases; --")
    except ValueError:
        pass
    else:
        raise AssertionError("a non-UUID centre was accepted")
    assert driver.sent == []


async def test_hot_statements_on_the_driver_run_in_the_bound_transaction(
    postgres_url: str,
) -> None:
    """``SqlContext.driver()`` (the case view's two statements on asyncpg itself): the
    transaction starts bound to the centre in one round trip, SQLAlchemy's statements
    after it join the same transaction, commit and rollback end it as usual, and nothing
    is left behind on the pooled connection."""
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    queries: list[str] = []
    try:
        await _logged(engine, queries)
        queries.clear()
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            assert await driver.fetchval("SELECT current_setting('app.centre_id', true)") == str(
                centre
            )
            assert await uow.context.driver() is driver  # joined, not begun again
            await driver.execute("CREATE TEMP TABLE t_raw (x int)")
            await driver.execute("INSERT INTO t_raw VALUES (1)")
            assert (await uow.context.c.execute(text("SELECT count(*) FROM t_raw"))).scalar() == 1
            await uow.commit()
            # The next transaction of the same unit of work is bound again.
            again = await uow.context.driver()
            assert again is not None
            assert await again.fetchval("SELECT current_setting('app.centre_id', true)") == str(
                centre
            )
            await again.execute("INSERT INTO t_raw VALUES (2)")  # rolled back on exit
        await asyncio.sleep(0)
        begins = [q for q in queries if q.startswith("BEGIN")]
        assert begins == [f"BEGIN; SELECT set_config('app.centre_id', '{centre}', true)"] * 2
        assert "COMMIT;" in queries
        assert "ROLLBACK;" in queries
        async with engine.connect() as conn:
            assert (await conn.execute(SHOW)).scalar() in (None, "")
            assert (await conn.execute(text("SELECT x FROM t_raw"))).scalars().all() == [1]
        # A statement through SQLAlchemy first: the driver joins that transaction.
        async with factory(centre) as uow:
            await uow.context.c.execute(text("SELECT 1"))
            joined = await uow.context.driver()
            assert joined is not None
            assert await joined.fetchval("SELECT current_setting('app.centre_id', true)") == str(
                centre
            )
    finally:
        await engine.dispose()


async def test_no_driver_shortcut_on_sqlite(sqlite_url: str) -> None:
    engine = create_engine_for(sqlite_url)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    try:
        async with factory(CentreId(uuid.uuid4())) as uow:
            assert await uow.context.driver() is None
    finally:
        await engine.dispose()


async def test_a_unit_of_work_on_the_driver_alone_builds_no_sqlalchemy_connection(
    postgres_url: str,
) -> None:
    """A case view runs all its statements through ``driver()``: the pooled connection is
    used as it is (no SQLAlchemy ``Connection`` built), bound to the centre, committed
    or rolled back as SQLAlchemy would, and returned clean."""
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    built: list[object] = []

    def connected(conn: object) -> None:
        built.append(conn)

    try:
        async with engine.begin() as conn:  # a session's temp table: one pooled connection
            await conn.execute(text("CREATE TEMP TABLE t_alone (x int)"))
        event.listen(engine.sync_engine, "engine_connect", connected)
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            assert await driver.fetchval("SELECT current_setting('app.centre_id', true)") == str(
                centre
            )
            await driver.execute("INSERT INTO t_alone VALUES (1)")
            await uow.commit()
            again = await uow.context.driver()
            assert again is not None
            await again.execute("INSERT INTO t_alone VALUES (2)")  # rolled back on exit
        async with factory(centre) as uow:
            failing = await uow.context.driver()
            assert failing is not None
            await failing.execute("INSERT INTO t_alone VALUES (3)")
            with pytest.raises(ZeroDivisionError):
                raise ZeroDivisionError  # a use case failing before its commit
        assert built == []
        event.remove(engine.sync_engine, "engine_connect", connected)
        async with engine.connect() as conn:
            assert (await conn.execute(SHOW)).scalar() in (None, "")
            assert (await conn.execute(text("SELECT x FROM t_alone"))).scalars().all() == [1]
    finally:
        await engine.dispose()


async def test_a_refused_commit_on_the_driver_keeps_the_pool_usable(postgres_url: str) -> None:
    """A commit PostgreSQL refuses (a deferred constraint) raises from ``commit()``; the
    transaction is over and the next unit of work on the one pooled connection works."""
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text("CREATE TEMP TABLE t_deferred (x int UNIQUE DEFERRABLE INITIALLY DEFERRED)")
            )
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            await driver.execute("INSERT INTO t_deferred VALUES (1), (1)")
            with pytest.raises(Exception, match="unique"):
                await uow.commit()
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            await driver.execute("INSERT INTO t_deferred VALUES (2)")
            await uow.commit()
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT x FROM t_deferred"))).scalars().all() == [2]
    finally:
        await engine.dispose()


async def test_a_unit_of_work_takes_and_gives_back_an_idle_connection_without_a_greenlet(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a connection idle in the pool, the checkout and the checkin of a unit of work
    are bookkeeping only: no greenlet is spawned for them (``engine.checkout``/``checkin``),
    whether it commits or rolls back, and the connection comes back clean."""
    import sqlalchemy.ext.asyncio.engine as sa_async_engine

    from cma_adapters.sqlalchemy import engine as cma_engine

    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    spawned: list[object] = []

    def counting(real: Any) -> Any:
        async def spawn(fn: Any, *args: Any, **kwargs: Any) -> Any:
            spawned.append(fn)
            return await real(fn, *args, **kwargs)

        return spawn

    try:
        async with factory(centre) as uow:  # the first connection is made in a greenlet
            assert await uow.context.driver() is not None
        for module in (sa_async_engine, cma_engine):
            monkeypatch.setattr(module, "greenlet_spawn", counting(module.greenlet_spawn))
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            assert await driver.fetchval("SELECT current_setting('app.centre_id', true)") == str(
                centre
            )
            await uow.commit()
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            await driver.execute("SELECT 1")  # rolled back on exit
        assert spawned == []
        assert engine.sync_engine.pool.checkedin() == 1  # type: ignore[attr-defined]
        raw = await engine.raw_connection()
        try:
            assert not raw.driver_connection.is_in_transaction()  # type: ignore[union-attr]
        finally:
            raw.close()
        async with engine.connect() as conn:
            assert (await conn.execute(SHOW)).scalar() in (None, "")
    finally:
        await engine.dispose()


async def test_a_dropped_pooled_connection_is_replaced_for_the_next_unit_of_work(
    postgres_url: str,
) -> None:
    """The server ends the pooled connection (a restart, an administrator): the unit of
    work using it fails, the connection is not given back for reuse, and the next unit of
    work gets a new one, bound to its centre (through the greenlet: it reconnects)."""
    engine = create_engine_for(postgres_url, pool_size=1)
    factory = SqlAlchemyUnitOfWorkFactory(engine)
    centre = CentreId(uuid.uuid4())
    admin = create_engine_for(postgres_url, pool_size=1, app_role=None)
    try:
        async with factory(centre) as uow:
            driver = await uow.context.driver()
            assert driver is not None
            pid = await driver.fetchval("SELECT pg_backend_pid()")
            await uow.commit()
        async with admin.connect() as conn:
            await conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        await asyncio.sleep(0.2)
        with pytest.raises(Exception):  # noqa: B017, PT011 - the driver's error, translated
            async with factory(centre) as uow:
                await uow.context.driver()
        for _ in range(2):  # and the one after that: nothing dead went back to the pool
            async with factory(centre) as uow:
                driver = await asyncio.wait_for(uow.context.driver(), timeout=10)
                assert driver is not None
                assert await driver.fetchval("SELECT pg_backend_pid()") != pid
                assert await driver.fetchval(
                    "SELECT current_setting('app.centre_id', true)"
                ) == str(centre)
                await uow.commit()
    finally:
        await engine.dispose()
        await admin.dispose()
