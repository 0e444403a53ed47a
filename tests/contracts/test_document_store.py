"""One contract for every ``DocumentStore``: the fake passes exactly what S3 passes.

``DocumentStoreContract`` holds the tests; each backend subclasses it and provides the
``store`` fixture and ``fetch_link`` (how a browser would follow a presigned URL).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
import secrets
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cma_adapters.localfs import LocalFolderDocumentStore
from cma_adapters.memory_documents import InMemoryDocumentStore
from cma_adapters.s3 import S3DocumentStore
from cma_core.documents.errors import ObjectNotFound
from cma_core.documents.ports import DocumentStore
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId

CENTRE_A = CentreId(uuid.UUID("aaaaaaaa-0000-0000-0000-000000000001"))
CENTRE_B = CentreId(uuid.UUID("bbbbbbbb-0000-0000-0000-000000000002"))
PDF = "application/pdf"
MINUTE = dt.timedelta(minutes=1)


class DocumentStoreContract:
    @pytest.fixture
    def store(self) -> DocumentStore:
        raise NotImplementedError

    async def fetch_link(self, store: Any, url: str) -> bytes:
        """Follow ``url`` as a browser would; raise ``ObjectNotFound`` if refused."""
        raise NotImplementedError

    def full_keys(self, store: Any) -> set[str]:
        """Every full key the backend holds (to check where objects really went)."""
        raise NotImplementedError

    async def test_put_then_get(self, store: DocumentStore) -> None:
        stored = await store.put(CENTRE_A, "documents/1/original", b"%PDF-1.7 hello", PDF)
        assert stored.key == f"centres/{CENTRE_A}/documents/1/original"
        assert stored.size == 14
        assert stored.content_type == PDF
        assert await store.get(CENTRE_A, "documents/1/original") == b"%PDF-1.7 hello"

    async def test_objects_live_under_the_centre_prefix(self, store: DocumentStore) -> None:
        await store.put(CENTRE_A, "documents/1/original", b"a", PDF)
        await store.put(CENTRE_B, "documents/1/original", b"b", PDF)
        assert self.full_keys(store) == {
            f"centres/{CENTRE_A}/documents/1/original",
            f"centres/{CENTRE_B}/documents/1/original",
        }

    async def test_put_from_a_stream_reads_from_its_position(self, store: DocumentStore) -> None:
        stream = io.BytesIO(b"skip" + b"x" * 200_000)
        stream.seek(4)
        stored = await store.put(CENTRE_A, "big", stream, "image/png")
        assert stored.size == 200_000
        assert await store.get(CENTRE_A, "big") == b"x" * 200_000

    async def test_put_replaces(self, store: DocumentStore) -> None:
        await store.put(CENTRE_A, "k", b"one", PDF)
        await store.put(CENTRE_A, "k", b"two", PDF)
        assert await store.get(CENTRE_A, "k") == b"two"

    async def test_missing_object_is_not_found(self, store: DocumentStore) -> None:
        with pytest.raises(ObjectNotFound):
            await store.get(CENTRE_A, "nope")
        with pytest.raises(ObjectNotFound):
            await store.open(CENTRE_A, "nope")
        with pytest.raises(ObjectNotFound):
            await store.presigned_url(CENTRE_A, "nope", expires_in=MINUTE)

    async def test_another_centres_object_is_not_found(self, store: DocumentStore) -> None:
        await store.put(CENTRE_A, "documents/1/original", b"secret", PDF)
        with pytest.raises(ObjectNotFound):
            await store.get(CENTRE_B, "documents/1/original")
        with pytest.raises(ObjectNotFound):
            await store.open(CENTRE_B, "documents/1/original")
        with pytest.raises(ObjectNotFound):
            await store.presigned_url(CENTRE_B, "documents/1/original", expires_in=MINUTE)
        await store.delete(CENTRE_B, "documents/1/original")
        assert await store.delete_prefix(CENTRE_B, "") == 0
        assert await store.get(CENTRE_A, "documents/1/original") == b"secret"

    @pytest.mark.parametrize(
        "key",
        [
            f"../{CENTRE_B}/documents/1/original",
            f"../../centres/{CENTRE_B}/x",
            "/etc/passwd",
            "a//b",
            "a\\b",
            "",
            ".tmp-x",
        ],
    )
    async def test_unsafe_keys_are_refused(self, store: DocumentStore, key: str) -> None:
        for call in (
            store.put(CENTRE_A, key, b"x", PDF),
            store.get(CENTRE_A, key),
            store.delete(CENTRE_A, key),
        ):
            with pytest.raises(ValidationError) as err:
                await call
            assert err.value.field == "key"

    async def test_open_streams_in_chunks(self, store: DocumentStore) -> None:
        data = os.urandom(300_000)
        await store.put(CENTRE_A, "stream", data, PDF)
        chunks = [c async for c in await store.open(CENTRE_A, "stream", chunk_size=65_536)]
        assert b"".join(chunks) == data
        assert all(len(c) <= 65_536 for c in chunks)
        assert len(chunks) >= 5

    async def test_delete_is_idempotent(self, store: DocumentStore) -> None:
        await store.put(CENTRE_A, "documents/1/original", b"x", PDF)
        await store.delete(CENTRE_A, "documents/1/original")
        await store.delete(CENTRE_A, "documents/1/original")
        with pytest.raises(ObjectNotFound):
            await store.get(CENTRE_A, "documents/1/original")

    async def test_delete_prefix_is_a_folder(self, store: DocumentStore) -> None:
        for key in ["documents/ab/original", "documents/ab/page-1", "documents/abc/original"]:
            await store.put(CENTRE_A, key, b"x", PDF)
        await store.put(CENTRE_B, "documents/ab/original", b"x", PDF)
        assert await store.delete_prefix(CENTRE_A, "documents/ab") == 2
        assert await store.delete_prefix(CENTRE_A, "documents/ab/") == 0
        assert await store.get(CENTRE_A, "documents/abc/original") == b"x"
        assert await store.get(CENTRE_B, "documents/ab/original") == b"x"
        assert await store.delete_prefix(CENTRE_A, "") == 1
        assert await store.get(CENTRE_B, "documents/ab/original") == b"x"

    async def test_delete_prefix_refuses_unsafe_prefix(self, store: DocumentStore) -> None:
        with pytest.raises(ValidationError):
            await store.delete_prefix(CENTRE_A, f"../{CENTRE_B}")

    async def test_presigned_url_gives_the_bytes(self, store: DocumentStore) -> None:
        await store.put(CENTRE_A, "documents/9/original", b"%PDF-1.7 link", PDF)
        url = await store.presigned_url(CENTRE_A, "documents/9/original", expires_in=MINUTE)
        assert f"centres/{CENTRE_A}/documents/9/original" in url
        assert await self.fetch_link(store, url) == b"%PDF-1.7 link"

    @pytest.mark.parametrize("seconds", [0, -1, 15 * 60 + 1, 7 * 24 * 3600])
    async def test_presigned_url_expiry_is_bounded(
        self, store: DocumentStore, seconds: int
    ) -> None:
        await store.put(CENTRE_A, "k", b"x", PDF)
        with pytest.raises(ValidationError) as err:
            await store.presigned_url(CENTRE_A, "k", expires_in=dt.timedelta(seconds=seconds))
        assert err.value.field == "expires_in"

    async def test_concurrent_puts_do_not_interfere(self, store: DocumentStore) -> None:
        blobs = {f"documents/{i}/original": os.urandom(10_000) for i in range(10)}
        await asyncio.gather(*(store.put(CENTRE_A, k, v, PDF) for k, v in blobs.items()))
        got = await asyncio.gather(*(store.get(CENTRE_A, k) for k in blobs))
        assert got == list(blobs.values())


class FakeTime:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


class TestInMemoryDocumentStore(DocumentStoreContract):
    @pytest.fixture
    def store(self) -> DocumentStore:
        return InMemoryDocumentStore()

    async def fetch_link(self, store: Any, url: str) -> bytes:
        data: bytes = store.read_link(url)
        return data

    def full_keys(self, store: Any) -> set[str]:
        return set(store.objects)

    async def test_links_expire(self) -> None:
        clock = FakeTime()
        store = InMemoryDocumentStore(now=clock)
        await store.put(CENTRE_A, "k", b"x", PDF)
        url = await store.presigned_url(CENTRE_A, "k", expires_in=MINUTE)
        assert store.read_link(url) == b"x"
        clock.now += 60
        with pytest.raises(ObjectNotFound):
            store.read_link(url)


class TestLocalFolderDocumentStore(DocumentStoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> DocumentStore:
        return LocalFolderDocumentStore(
            tmp_path / "docs", signing_key=secrets.token_bytes(32), base_url="https://cma/files"
        )

    async def fetch_link(self, store: Any, url: str) -> bytes:
        data: bytes = await store.read_link(url)
        return data

    def full_keys(self, store: Any) -> set[str]:
        root: Path = store.root
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    async def test_links_expire_and_resist_tampering(self, tmp_path: Path) -> None:
        clock = FakeTime()
        store = LocalFolderDocumentStore(tmp_path, signing_key=b"k" * 32, now=clock)
        await store.put(CENTRE_A, "k", b"x", PDF)
        await store.put(CENTRE_B, "k", b"other centre", PDF)
        url = await store.presigned_url(CENTRE_A, "k", expires_in=MINUTE)
        assert url.startswith(f"/files/centres/{CENTRE_A}/k?")
        assert await store.read_link(url) == b"x"
        with pytest.raises(ObjectNotFound):
            await store.read_link(url.replace(str(CENTRE_A), str(CENTRE_B)))
        with pytest.raises(ObjectNotFound):
            await store.read_link(url.replace("expires=", "expires=9"))
        clock.now += 60
        with pytest.raises(ObjectNotFound):
            await store.read_link(url)

    async def test_no_temporary_files_are_left(self, tmp_path: Path) -> None:
        store = LocalFolderDocumentStore(tmp_path, signing_key=b"k" * 32)
        await store.put(CENTRE_A, "documents/1/original", b"x" * 1000, PDF)
        await store.delete(CENTRE_A, "documents/1/original")
        assert self.full_keys(store) == set()


@pytest.fixture(scope="module")
def moto_endpoint(moto_endpoint: str) -> Iterator[str]:
    """The session's moto server (tests/conftest.py), with its test credentials set for
    this module's clients."""
    old = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}
    os.environ["AWS_ACCESS_KEY_ID"] = "testing"
    os.environ["AWS_SECRET_ACCESS_KEY"] = "testing"
    try:
        yield moto_endpoint
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def s3_client(endpoint: str) -> Any:
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


class TestS3DocumentStore(DocumentStoreContract):
    @pytest.fixture
    def store(self, moto_endpoint: str) -> DocumentStore:
        client = s3_client(moto_endpoint)
        bucket = f"cma-test-{uuid.uuid4().hex[:12]}"
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        return S3DocumentStore(bucket, client=client)

    async def fetch_link(self, store: Any, url: str) -> bytes:
        def get() -> bytes:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
                body: bytes = response.read()
                return body

        try:
            return await asyncio.to_thread(get)
        except urllib.error.HTTPError as err:
            raise ObjectNotFound(url) from err

    def full_keys(self, store: Any) -> set[str]:
        listing = store._client.list_objects_v2(Bucket=store.bucket)
        return {o["Key"] for o in listing.get("Contents", [])}

    async def test_objects_are_encrypted_at_rest(self, store: Any) -> None:
        await store.put(CENTRE_A, "k", b"x", PDF)
        await store.put(CENTRE_A, "s", io.BytesIO(b"y"), PDF)
        for key in ("k", "s"):
            head = store._client.head_object(Bucket=store.bucket, Key=f"centres/{CENTRE_A}/{key}")
            assert head["ServerSideEncryption"] == "AES256"
            assert head["ContentType"] == PDF

    async def test_kms_encryption_with_a_chosen_key(self, moto_endpoint: str) -> None:
        import boto3

        kms = boto3.client("kms", endpoint_url=moto_endpoint, region_name="eu-west-2")
        key_id = kms.create_key(Description="cma documents")["KeyMetadata"]["KeyId"]
        client = s3_client(moto_endpoint)
        bucket = f"cma-kms-{uuid.uuid4().hex[:12]}"
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        store = S3DocumentStore(bucket, client=client, sse="aws:kms", kms_key_id=key_id)
        await store.put(CENTRE_A, "k", b"x", PDF)
        head = client.head_object(Bucket=bucket, Key=f"centres/{CENTRE_A}/k")
        assert head["ServerSideEncryption"] == "aws:kms"
        assert key_id in head["SSEKMSKeyId"]
        assert await store.get(CENTRE_A, "k") == b"x"

    async def test_presigned_url_carries_its_expiry(self, store: Any) -> None:
        # moto does not enforce expiry (STACK-NOTES): check what we asked S3 to sign.
        await store.put(CENTRE_A, "k", b"x", PDF)
        url = await store.presigned_url(CENTRE_A, "k", expires_in=dt.timedelta(minutes=5))
        assert "X-Amz-Expires=300" in url

    async def test_delete_prefix_works_page_by_page(self, moto_endpoint: str) -> None:
        client = s3_client(moto_endpoint)
        bucket = f"cma-page-{uuid.uuid4().hex[:12]}"
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        store = S3DocumentStore(bucket, client=client, list_page_size=3)
        for i in range(10):
            await store.put(CENTRE_A, f"bulk/{i}", b"", PDF)
        assert await store.delete_prefix(CENTRE_A, "bulk") == 10
        assert self.full_keys(store) == set()


class FakeFileKeys:
    """Data keys per centre, by version (the SQL adapter's ``SqlAlchemyFileKeys`` in
    production)."""

    def __init__(self) -> None:
        self.keys: dict[CentreId, dict[int, bytes]] = {}

    def rotate(self, centre_id: CentreId) -> None:
        versions = self.keys.setdefault(centre_id, {})
        versions[max(versions, default=0) + 1] = secrets.token_bytes(32)

    async def current(self, centre_id: CentreId) -> Any:
        if centre_id not in self.keys:
            self.rotate(centre_id)
        versions = self.keys[centre_id]
        version = max(versions)
        return type("Key", (), {"version": version, "key": versions[version]})()

    async def versions(self, centre_id: CentreId) -> dict[int, bytes]:
        return dict(self.keys.get(centre_id, {}))


class SealedContract(DocumentStoreContract):
    """The sealing layer around a real store: the whole contract, plus what sealing adds
    (issue 13): the store underneath holds ciphertext only, files from before sealing are
    still read, tampering and moving fail loudly, ``reseal`` moves files to a new key."""

    async def fetch_link(self, store: Any, url: str) -> bytes:
        data: bytes = await store.read_link(url)
        return data

    def full_keys(self, store: Any) -> set[str]:
        return self.inner_keys(store.inner)

    def inner_keys(self, inner: Any) -> set[str]:
        raise NotImplementedError

    async def test_the_store_underneath_holds_ciphertext_only(self, store: Any) -> None:
        secret = b"%PDF-1.7 Zebedee Quarrington-Vask, 17 Oxblood Terrace " * 3000
        await store.put(CENTRE_A, "bytes", secret, PDF)
        await store.put(CENTRE_A, "stream", io.BytesIO(secret), PDF)
        for key in ("bytes", "stream"):
            raw = await store.inner.get(CENTRE_A, key)
            assert raw.startswith(b"CMAsf")
            assert b"Oxblood" not in raw
            assert await store.get(CENTRE_A, key) == secret
            assert b"".join([c async for c in await store.open(CENTRE_A, key)]) == secret

    @pytest.mark.parametrize("size", [0, 1, 65_536, 65_537, 3 * 65_536])
    async def test_segment_edges_round_trip(self, store: Any, size: int) -> None:
        data = os.urandom(size)
        await store.put(CENTRE_A, "edge", io.BytesIO(data), PDF)
        assert await store.get(CENTRE_A, "edge") == data
        chunks = [c async for c in await store.open(CENTRE_A, "edge", chunk_size=1000)]
        assert b"".join(chunks) == data
        assert all(len(c) <= 1000 for c in chunks)

    async def test_a_file_from_before_sealing_is_read_then_resealed(self, store: Any) -> None:
        await store.inner.put(CENTRE_A, "old", b"%PDF-1.4 plain Oxblood", PDF)
        assert await store.get(CENTRE_A, "old") == b"%PDF-1.4 plain Oxblood"
        assert b"".join([c async for c in await store.open(CENTRE_A, "old")]).endswith(b"Oxblood")
        assert await store.reseal(CENTRE_A, "old", PDF) is True
        assert b"Oxblood" not in await store.inner.get(CENTRE_A, "old")
        assert await store.get(CENTRE_A, "old") == b"%PDF-1.4 plain Oxblood"
        assert await store.reseal(CENTRE_A, "old", PDF) is False  # already current

    async def test_reseal_moves_a_file_to_the_new_key_version(self, store: Any) -> None:
        await store.put(CENTRE_A, "k", b"before rotation", PDF)
        keys: FakeFileKeys = store._keys
        keys.rotate(CENTRE_A)
        assert await store.reseal(CENTRE_A, "k", PDF) is True
        del keys.keys[CENTRE_A][1]  # the old version is no longer needed
        assert await store.get(CENTRE_A, "k") == b"before rotation"

    async def test_tampered_or_moved_files_fail_loudly(self, store: Any) -> None:
        from cma_core.privacy.ports import CiphertextRejected

        await store.put(CENTRE_A, "a", b"x" * 100_000, PDF)
        raw = await store.inner.get(CENTRE_A, "a")
        flipped = raw[:-5] + bytes([raw[-5] ^ 1]) + raw[-4:]
        for bad in (flipped, raw[:-100], raw[: 80 + 65_536 + 16]):
            await store.inner.put(CENTRE_A, "bad", bad, PDF)
            with pytest.raises(CiphertextRejected):
                await store.get(CENTRE_A, "bad")
        # The same bytes under another key or centre do not open (bound to the full key).
        await store.inner.put(CENTRE_A, "moved", raw, PDF)
        await store.inner.put(CENTRE_B, "a", raw, PDF)
        for centre, key in ((CENTRE_A, "moved"), (CENTRE_B, "a")):
            with pytest.raises(CiphertextRejected):
                await store.get(centre, key)

    async def test_links_are_its_own_and_give_plaintext(self, store: Any) -> None:
        await store.put(CENTRE_A, "k", b"plain", PDF)
        url = await store.presigned_url(CENTRE_A, "k", expires_in=MINUTE)
        assert url.startswith(f"/files/centres/{CENTRE_A}/k?")  # never the bucket's link
        assert await store.read_link(url) == b"plain"
        for bad in (
            url.replace(str(CENTRE_A), str(CENTRE_B)),
            url.replace("expires=", "expires=9"),
        ):
            with pytest.raises(ObjectNotFound):
                await store.read_link(bad)


def _sealed(inner: Any) -> Any:
    from cma_adapters.sealed_files import SealedDocumentStore

    return SealedDocumentStore(inner, FakeFileKeys(), signing_key=secrets.token_bytes(32))


class TestSealedLocalFolderDocumentStore(SealedContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> DocumentStore:
        inner = LocalFolderDocumentStore(tmp_path / "docs", signing_key=secrets.token_bytes(32))
        sealed: DocumentStore = _sealed(inner)
        return sealed

    def inner_keys(self, inner: Any) -> set[str]:
        return TestLocalFolderDocumentStore.full_keys(self, inner)  # type: ignore[arg-type]


class TestSealedS3DocumentStore(SealedContract):
    @pytest.fixture
    def store(self, moto_endpoint: str) -> DocumentStore:
        client = s3_client(moto_endpoint)
        bucket = f"cma-sealed-{uuid.uuid4().hex[:12]}"
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
        sealed: DocumentStore = _sealed(S3DocumentStore(bucket, client=client))
        return sealed

    def inner_keys(self, inner: Any) -> set[str]:
        listing = inner._client.list_objects_v2(Bucket=inner.bucket)
        return {o["Key"] for o in listing.get("Contents", [])}
