"""The PostgreSQL unit of work sets the centre for Row Level Security in every transaction
it runs, including one after a commit, and the setting never outlives the transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import text

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
