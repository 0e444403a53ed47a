"""The S3 document store wired through the container, against moto's S3 server on loopback.

Upload, download and delete go through the HTTP app; the object is checked in the bucket
itself (under ``centres/<centre_id>/``, encrypted), and deleting the document removes it.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tests.e2e.conftest import make_centre, settle, sign_in

from cma_adapters.s3 import S3DocumentStore
from cma_entrypoints.container import Container

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def container(s3_container: Container) -> Container:
    return s3_container


@pytest.fixture
def http(s3_http: httpx.AsyncClient) -> httpx.AsyncClient:
    return s3_http


async def test_upload_download_delete_reach_the_bucket(
    container: Container, http: httpx.AsyncClient
) -> None:
    # The bucket is reached through the sealing layer (issue 13): it holds ciphertext.
    store = container.document_store().inner
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
    stored = s3.get_object(Bucket=store.bucket, Key=key)["Body"].read()
    assert stored.startswith(b"CMAsf")
    assert PNG not in stored

    await settle(container)  # read in the background, after the response
    r = await api.get(f"/api/v1/documents/{doc['id']}")
    assert r.json()["status"] == "done"

    r = await api.get(f"/api/v1/documents/{doc['id']}/content")
    assert r.status_code == 200
    assert r.content == PNG

    r = await api.get(f"/api/v1/documents/{doc['id']}/link")
    assert r.status_code == 200, r.text
    link = r.json()["url"]
    # Signed and served by CMA (a bucket's presigned URL would give the ciphertext).
    assert link.startswith(f"/files/centres/{centre}/")
    fetched = await http.get(link)
    assert fetched.content == PNG

    etag = (await api.get(f"/api/v1/documents/{doc['id']}")).headers["etag"]
    r = await http.delete(
        f"/api/v1/documents/{doc['id']}", headers={**api.headers, "If-Match": etag}
    )
    assert r.status_code == 204
    listing = s3.list_objects_v2(Bucket=store.bucket, Prefix=f"centres/{centre}/")
    assert listing.get("KeyCount", 0) == 0
    r = await api.get(f"/api/v1/documents/{doc['id']}/content")
    assert r.status_code == 404
