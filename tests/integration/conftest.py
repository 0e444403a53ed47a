"""The HTTP app wired by the container onto S3 (the session's moto server), for the
integration tests that follow documents into the bucket."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from dependency_injector import providers

from cma_adapters.memory_documents import CannedTextExtractor
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

S3_REGION = "eu-west-2"


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
