"""Case deletion and client erasure reach the objects in S3 (moto's S3 server on loopback),
through the HTTP app wired by the container."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tests.e2e.conftest import make_centre, sign_in

from cma_adapters.s3 import S3DocumentStore
from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container


def _png(n: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes([n]) * 64


@pytest.fixture
def container(s3_container: Container) -> Container:
    return s3_container


@pytest.fixture
def http(s3_http: httpx.AsyncClient) -> httpx.AsyncClient:
    return s3_http


async def test_deletion_and_erasure_empty_the_bucket(
    container: Container, http: httpx.AsyncClient
) -> None:
    store = container.document_store().inner  # inside the sealing layer (issue 13)
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
