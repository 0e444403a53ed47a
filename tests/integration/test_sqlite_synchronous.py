"""``CMA_SQLITE_SYNCHRONOUS``: the embedded database syncs every commit unless told
``normal`` (benchmarks/README.md: the search audit entry's fsync)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from cma_adapters.sqlalchemy import create_engine_for
from cma_entrypoints.settings import Settings, SettingsError


@pytest.mark.parametrize(("value", "pragma"), [(None, 2), ("full", 2), ("NORMAL", 1)])
async def test_the_setting_reaches_each_sqlite_connection(
    tmp_path: Path, value: str | None, pragma: int
) -> None:
    url = f"sqlite:///{tmp_path / 'cma.db'}"
    env = {"CMA_DATABASE_URL": url, "CMA_DATA_DIR": str(tmp_path)}
    if value is not None:
        env["CMA_SQLITE_SYNCHRONOUS"] = value
    settings = Settings.from_env(env)
    engine = create_engine_for(url, sqlite_synchronous=settings.sqlite_synchronous)
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("PRAGMA synchronous"))).scalar_one() == pragma
    finally:
        await engine.dispose()


def test_other_values_are_refused(tmp_path: Path) -> None:
    env = {"CMA_DATA_DIR": str(tmp_path), "CMA_SQLITE_SYNCHRONOUS": "off"}
    with pytest.raises(SettingsError, match="CMA_SQLITE_SYNCHRONOUS"):
        Settings.from_env(env)
    with pytest.raises(ValueError, match="sqlite_synchronous"):
        create_engine_for(f"sqlite:///{tmp_path / 'x.db'}", sqlite_synchronous="off")
