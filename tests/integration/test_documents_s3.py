"""The S3 document store wired through the container, against moto's S3 server on loopback.

Upload, download and delete go through the HTTP app; the object is checked in the bucket
itself (under ``centres/<centre_id>/``, encrypted), and deleting the document removes it.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from tests.e2e.conftest import make_centre, settle, sign_in

from cma_adapters.memory_documents import CannedTextExtractor
from cma_adapters.s3 import S3DocumentStore
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

REGION = "eu-west-2"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    moto_server = pytest.importorskip("moto.server")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def container(
    moto_endpoint: str, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Container:
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    bucket = f"cma-docs-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=moto_endpoint, region_name=REGION).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
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
            "CMA_S3_REGION": REGION,
        }
    )
    container = build_container(settings)
    # OCR is not what this test is about: canned text keeps it fast.
    container.text_extractor.override(providers.Object(CannedTextExtractor()))
    return container


@pytest.fixture
async def http(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await shutdown(container)


async def test_upload_download_delete_reach_the_bucket(
    container: Container, http: httpx.AsyncClient
) -> None:
    store = container.document_store()
    assert isinstance(store, S3DocumentStore)
    s3: Any = store._client
    centre = await make_centre(container, "S3 Centre")
    api = await sign_in(http, "adviser@s3centre.example", centre)
    case = await api.new_case()

    r = await http.post(
        f"/api/v1/cases/{case['id']}/documents",
        files={"file": ("scan.png", PNG, "image/png")},
        headers=api.headers,
    )
    assert r.status_code == 201, r.text
    doc = r.json()
    key = f"centres/{centre}/documents/{doc['id']}/original"
    head = s3.head_object(Bucket=store.bucket, Key=key)
    assert head["ServerSideEncryption"] == "AES256"
    assert head["ContentType"] == "image/png"

    await settle(container)  # read in the background, after the response
    r = await api.get(f"/api/v1/documents/{doc['id']}")
    assert r.json()["status"] == "done"

    r = await api.get(f"/api/v1/documents/{doc['id']}/content")
    assert r.status_code == 200
    assert r.content == PNG

    r = await api.get(f"/api/v1/documents/{doc['id']}/link")
    assert r.status_code == 200, r.text
    link = r.json()["url"]
    assert "X-Amz-Expires=300" in link
    async with httpx.AsyncClient() as browser:
        fetched = await browser.get(link)
    assert fetched.content == PNG

    r = await http.delete(f"/api/v1/documents/{doc['id']}", headers=api.headers)
    assert r.status_code == 204
    listing = s3.list_objects_v2(Bucket=store.bucket, Prefix=f"centres/{centre}/")
    assert listing.get("KeyCount", 0) == 0
    r = await api.get(f"/api/v1/documents/{doc['id']}/content")
    assert r.status_code == 404
