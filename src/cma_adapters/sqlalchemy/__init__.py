"""SQLAlchemy 2 adapters: SQLite (embedded default) and PostgreSQL 15 (production).

Row models live in :mod:`.rows` and never leave this package; :mod:`.mappers` turns rows
into domain objects and back.
"""

from cma_adapters.sqlalchemy.engine import create_engine_for, driver_url
from cma_adapters.sqlalchemy.identity import (
    SqlAlchemyIdentityStore,
    SqlAlchemyPasswordResetStore,
    SqlAlchemyRefreshTokenStore,
)
from cma_adapters.sqlalchemy.rows import Base
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlAlchemyUnitOfWorkFactory

metadata = Base.metadata
"""The schema's tables, for migrations (which never import the row models themselves)."""

__all__ = [
    "SqlAlchemyIdentityStore",
    "SqlAlchemyPasswordResetStore",
    "SqlAlchemyRefreshTokenStore",
    "SqlAlchemyUnitOfWork",
    "SqlAlchemyUnitOfWorkFactory",
    "create_engine_for",
    "driver_url",
    "metadata",
]
