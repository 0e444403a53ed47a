"""Run the alembic migrations programmatically (``cma migrate``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config

from cma_adapters.sqlalchemy.rls import DEFAULT_APP_ROLE


def migrations_dir() -> Path:
    """``CMA_MIGRATIONS_DIR`` if set; else the copy an installed wheel carries inside this
    package (``pyproject.toml``: force-include); else ``migrations/`` of the source tree."""
    configured = os.environ.get("CMA_MIGRATIONS_DIR")
    if configured:
        return Path(configured)
    packaged = Path(__file__).resolve().parent / "migrations"
    if (packaged / "env.py").is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "migrations"


def alembic_config(database_url: str, *, key_management: Callable[[], Any] | None = None) -> Config:
    cfg = Config()
    # Migrations that re-encrypt rows (0302) call this for the application's key management
    # instead of importing the application's wiring themselves.
    cfg.attributes["key_management"] = key_management
    cfg.set_main_option("script_location", str(migrations_dir()))
    # Alembic's config is ConfigParser-based: a literal % in a password must be doubled.
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(
    database_url: str,
    revision: str = "heads",
    *,
    app_role: str | None = DEFAULT_APP_ROLE,
    key_management: Callable[[], Any] | None = None,
) -> None:
    """Upgrade to every head: areas add their tables on branches that start at 0001.

    On PostgreSQL, then create ``app_role`` if missing and grant it every table: the role
    serving engines switch to so that Row Level Security binds them (rls.py). Done after
    all branches ran, and on every run, so tables of any branch are covered.

    ``key_management`` returns the application's ``KeyManagement``; it is called only if a
    migration has existing rows to encrypt (0302), and without it such a migration refuses.
    """
    command.upgrade(alembic_config(database_url, key_management=key_management), revision)
    if app_role:
        grant_app_role(database_url, app_role)


def grant_app_role(database_url: str, app_role: str) -> bool:
    """Create and grant the application role (PostgreSQL; a no-op elsewhere)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from cma_adapters.sqlalchemy.engine import driver_url
    from cma_adapters.sqlalchemy.rls import ensure_app_role

    url = driver_url(database_url, sync=True)
    if not url.startswith("postgresql"):
        return False
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            return ensure_app_role(conn, app_role)
    finally:
        engine.dispose()


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
