"""Shared integration fixtures: the ``cma`` command on a fresh embedded default, the
application on each database (``c``, with ``counting`` of its statements), and the
HTTP app wired by the container onto S3 (the session's moto server)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from sqlalchemy import event
from typer.testing import CliRunner, Result

from cma_adapters.memory_documents import CannedTextExtractor
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

S3_REGION = "eu-west-2"
FAST_HASHING = {"CMA_ARGON2_TIME_COST": "1", "CMA_ARGON2_MEMORY_COST": "8192"}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str | None]:
    """The embedded default in a fresh, not yet existing, data directory."""
    return {
        "CMA_DATA_DIR": str(tmp_path / "fresh" / "data"),
        "CMA_DATABASE_URL": None,
        "CMA_REDIS_URL": None,
        "CMA_SECRET_KEY": None,
        **FAST_HASHING,
    }


@pytest.fixture
def cma(env: dict[str, str | None]) -> Callable[..., Result]:
    """Runs ``cma ARGS`` in-process (Typer's runner) with ``env``; ``stdin`` is typed in."""
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=stdin, env=env)

    return invoke


@pytest.fixture
def s3_container(
    moto_endpoint: str, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Container:
    """A container on SQLite whose documents go to a new bucket of the moto server."""
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"cma-docs-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=moto_endpoint, region_name=S3_REGION).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": S3_REGION}
    )
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": sqlite_url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
            "CMA_S3_BUCKET": bucket,
            "CMA_S3_ENDPOINT_URL": moto_endpoint,
            "CMA_S3_REGION": S3_REGION,
        }
    )
    container = build_container(settings)
    # OCR is not what these tests are about: canned text keeps them fast.
    container.text_extractor.override(providers.Object(CannedTextExtractor()))
    return container


@pytest.fixture
async def s3_http(s3_container: Container) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(s3_container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await shutdown(s3_container)


@pytest.fixture(params=["sqlite", "postgres"])
async def c(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Container]:
    """The application wired by the container on a fresh database of each kind."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
        }
    )
    container = build_container(settings)
    yield container
    await shutdown(container)


async def adviser_of_new_centre(c: Container, name: str) -> TenantContext:
    """An adviser's context in a new centre of its own called ``name``."""
    centre = await c.identity().create_centre(name)
    user = await c.identity().create_user(
        centre_id=centre.id, email=f"a@{name.lower()}.example", role=Role.ADVISER,
        password="correct horse battery staple",
    )  # fmt: skip
    return TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({Role.ADVISER}))


@contextmanager
def counting(c: Container) -> Iterator[list[str]]:
    """The SQL statements ``c``'s engine sends meanwhile, each on one line."""
    engine = c.engine().sync_engine
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)
