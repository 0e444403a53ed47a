"""Case deletion and client erasure reach the objects in S3 (moto's S3 server on loopback),
through the HTTP app wired by the container."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from tests.e2e.conftest import make_centre, sign_in

from cma_adapters.memory_documents import CannedTextExtractor
from cma_adapters.s3 import S3DocumentStore
from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container, build_container
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

REGION = "eu-west-2"


def _png(n: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes([n]) * 64


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
    bucket = f"cma-privacy-{uuid.uuid4().hex[:12]}"
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
    container.text_extractor.override(providers.Object(CannedTextExtractor()))
    return container


@pytest.fixture
async def http(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await container.engine().dispose()


async def test_deletion_and_erasure_empty_the_bucket(
    container: Container, http: httpx.AsyncClient
) -> None:
    store = container.document_store()
    assert isinstance(store, S3DocumentStore)
    s3: Any = store._client
    centre = await make_centre(container, "S3 Privacy", Role.SUPERVISOR)
    api = await sign_in(http, "supervisor@s3privacy.example", centre)

    def keys() -> list[str]:
        listing = s3.list_objects_v2(Bucket=store.bucket, Prefix=f"centres/{centre}/")
        return [o["Key"] for o in listing.get("Contents", [])]

    async def case_with_documents(client_id: str, first: int) -> str:
        r = await api.post("/api/v1/cases", {"client_id": client_id})
        assert r.status_code == 201, r.text
        case_id = str(r.json()["id"])
        for n in (first, first + 1):
            r = await http.post(
                f"/api/v1/cases/{case_id}/documents",
                files={"file": (f"scan{n}.png", _png(n), "image/png")},
                headers=api.headers,
            )
            assert r.status_code == 201, r.text
        return case_id

    client = await api.new_client()
    kept = await case_with_documents(client["id"], 1)
    doomed = await case_with_documents(client["id"], 3)
    assert len(keys()) == 4

    # Deleting one case removes its two objects and leaves the other case's.
    r = await api.get(f"/api/v1/cases/{doomed}")
    r = await http.delete(
        f"/api/v1/cases/{doomed}",
        params={"reason": "created_in_error"},
        headers={**api.headers, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["objects_deleted"] == 2
    assert len(keys()) == 2
    assert all(f"centres/{centre}/documents/" in k for k in keys())

    # Erasing the client removes the rest.
    r = await api.get(f"/api/v1/clients/{client['id']}")
    r = await http.delete(
        f"/api/v1/clients/{client['id']}",
        params={"reason": "data_subject_request"},
        headers={**api.headers, "If-Match": r.headers["etag"]},
    )
    assert r.status_code == 200, r.text
    assert r.json()["case_ids"] == [kept]
    assert r.json()["objects_deleted"] == 2
    assert keys() == []
