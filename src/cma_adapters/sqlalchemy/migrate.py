"""Run the alembic migrations programmatically (``cma migrate``)."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config


def migrations_dir() -> Path:
    """``migrations/`` of the source tree, or ``CMA_MIGRATIONS_DIR``."""
    configured = os.environ.get("CMA_MIGRATIONS_DIR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "migrations"


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    # Alembic's config is ConfigParser-based: a literal % in a password must be doubled.
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "heads") -> None:
    """Upgrade to every head: areas add their tables on branches that start at 0001."""
    command.upgrade(alembic_config(database_url), revision)


def current_revision(database_url: str) -> str | None:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from cma_adapters.sqlalchemy.engine import driver_url

    engine = create_engine(driver_url(database_url, sync=True), poolclass=NullPool)
    try:
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()
