"""Alembic environment: runs migrations with the synchronous driver for the configured URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine, pool

from cma_adapters.sqlalchemy import metadata
from cma_adapters.sqlalchemy.engine import driver_url

config = context.config
target_metadata = metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("CMA_DATABASE_URL")
    if not url:
        raise RuntimeError("set CMA_DATABASE_URL (or pass sqlalchemy.url) to migrate")
    return driver_url(url, sync=True)


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # 0302 encrypts existing rows: their plaintext must not reach a log as parameters.
    engine = create_engine(_url(), poolclass=pool.NullPool, hide_parameters=True)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
