"""The centres' data keys for the sealed file store (``cma_adapters.sealed_files``).

Each call is a short unit of work of its own, bound to the centre (Row Level Security
applies), never the caller's: files travel to and from the store outside transactions.
Unwrapped keys come from the factory's process cache like every other sealed read.
"""

from __future__ import annotations

from cma_adapters.sqlalchemy.crypto import CentreKey
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWorkFactory
from cma_core.shared.ids import CentreId


class SqlAlchemyFileKeys:
    def __init__(self, uow: SqlAlchemyUnitOfWorkFactory) -> None:
        self._uow = uow

    async def current(self, centre_id: CentreId) -> CentreKey:
        async with self._uow(centre_id) as uow:
            x = uow.context
            key = await x.keys.current(x.c)
            await uow.commit()  # version 1, when this is the centre's first sealed write
            return key

    async def versions(self, centre_id: CentreId) -> dict[int, bytes]:
        async with self._uow(centre_id) as uow:
            x = uow.context
            return {k.version: k.key for k in await x.keys.all(x.c)}
