"""A document store on S3.

Every object is written with server-side encryption requested (``AES256`` or ``aws:kms``
with a chosen key), under ``centres/<centre_id>/``. A bucket policy that denies
unencrypted puts and a prefix-scoped IAM role are the operator's second wall; this adapter
never builds a key outside the centre's prefix. boto3 is synchronous: calls run in worker
threads (boto3 clients, unlike resources, are safe to share between threads).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any, BinaryIO, Literal

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from cma_core.documents.errors import ObjectNotFound
from cma_core.documents.ports import DEFAULT_CHUNK_SIZE, DocumentStore, StoredObject
from cma_core.documents.storage import (
    MAX_LINK_EXPIRY,
    folder_prefix,
    object_key,
    validate_link_expiry,
)
from cma_core.shared.ids import CentreId

_NOT_FOUND = {"404", "NoSuchKey", "NotFound"}


class S3DocumentStore(DocumentStore):
    """Args:
    bucket: an existing bucket (this adapter never creates or configures buckets).
    client: a boto3 S3 client; built from ``endpoint_url``/``region_name`` and the usual
        AWS credential chain if not given.
    sse: ``"AES256"`` (S3-managed keys) or ``"aws:kms"``.
    kms_key_id: the KMS key for ``aws:kms`` (the account's default S3 key if ``None``).
    max_link_expiry: the longest presigned URL this store will sign.
    list_page_size: keys listed (and deleted) per request in ``delete_prefix``, at most
        1,000 (the S3 limit for both).
    """

    def __init__(
        self,
        bucket: str,
        *,
        client: Any = None,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        sse: Literal["AES256", "aws:kms"] = "AES256",
        kms_key_id: str | None = None,
        max_link_expiry: dt.timedelta = MAX_LINK_EXPIRY,
        list_page_size: int = 1000,
    ) -> None:
        if sse not in ("AES256", "aws:kms"):
            raise ValueError("sse must be 'AES256' or 'aws:kms'")
        if kms_key_id and sse != "aws:kms":
            raise ValueError("kms_key_id needs sse='aws:kms'")
        self.bucket = bucket
        self._client = client or boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region_name,
            config=Config(signature_version="s3v4", retries={"mode": "standard"}),
        )
        self._sse: dict[str, str] = {"ServerSideEncryption": sse}
        if kms_key_id:
            self._sse["SSEKMSKeyId"] = kms_key_id
        self._max_expiry = min(max_link_expiry, MAX_LINK_EXPIRY)
        self._page_size = max(1, min(list_page_size, 1000))

    async def put(
        self, centre_id: CentreId, key: str, data: bytes | BinaryIO, content_type: str
    ) -> StoredObject:
        full = object_key(centre_id, key)
        if isinstance(data, bytes):
            await asyncio.to_thread(
                self._client.put_object,
                Bucket=self.bucket,
                Key=full,
                Body=data,
                ContentType=content_type,
                **self._sse,
            )
            size = len(data)
        else:
            reader = _CountingReader(data)
            # upload_fileobj switches to multipart for large files by itself; the wrapper
            # counts the bytes and stops s3transfer closing the caller's file.
            await asyncio.to_thread(
                self._client.upload_fileobj,
                reader,
                self.bucket,
                full,
                ExtraArgs={"ContentType": content_type, **self._sse},
            )
            size = reader.count
        return StoredObject(key=full, size=size, content_type=content_type)

    async def _head(self, full: str) -> dict[str, Any]:
        try:
            return dict(
                await asyncio.to_thread(self._client.head_object, Bucket=self.bucket, Key=full)
            )
        except ClientError as err:
            if _is_not_found(err):
                raise ObjectNotFound(full) from None
            raise

    async def _get_object(self, centre_id: CentreId, key: str) -> Any:
        full = object_key(centre_id, key)
        try:
            return await asyncio.to_thread(self._client.get_object, Bucket=self.bucket, Key=full)
        except ClientError as err:
            if _is_not_found(err):
                raise ObjectNotFound(key) from None
            raise

    async def get(self, centre_id: CentreId, key: str) -> bytes:
        response = await self._get_object(centre_id, key)
        body = response["Body"]
        try:
            data: bytes = await asyncio.to_thread(body.read)
        finally:
            body.close()
        return data

    async def open(
        self, centre_id: CentreId, key: str, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> AsyncIterator[bytes]:
        body = (await self._get_object(centre_id, key))["Body"]

        async def chunks() -> AsyncIterator[bytes]:
            try:
                while chunk := await asyncio.to_thread(body.read, chunk_size):
                    yield chunk
            finally:
                body.close()

        return chunks()

    async def delete(self, centre_id: CentreId, key: str) -> None:
        full = object_key(centre_id, key)
        # S3 DeleteObject already succeeds for a missing key.
        await asyncio.to_thread(self._client.delete_object, Bucket=self.bucket, Key=full)

    async def delete_prefix(self, centre_id: CentreId, prefix: str) -> int:
        start = folder_prefix(centre_id, prefix)
        return await asyncio.to_thread(self._delete_prefix, start)

    def _delete_prefix(self, start: str) -> int:
        deleted = 0
        paginator = self._client.get_paginator("list_objects_v2")
        pages = paginator.paginate(
            Bucket=self.bucket, Prefix=start, PaginationConfig={"PageSize": self._page_size}
        )
        for page in pages:
            keys = [{"Key": o["Key"]} for o in page.get("Contents", [])]
            if not keys:
                continue
            response = self._client.delete_objects(
                Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True}
            )
            errors = response.get("Errors", [])
            if errors:
                raise RuntimeError(f"S3 refused to delete {len(errors)} objects: {errors[:3]}")
            deleted += len(keys)
        return deleted

    async def presigned_url(
        self, centre_id: CentreId, key: str, *, expires_in: dt.timedelta
    ) -> str:
        validate_link_expiry(expires_in, maximum=self._max_expiry)
        full = object_key(centre_id, key)
        try:
            await self._head(full)
        except ObjectNotFound:
            raise ObjectNotFound(key) from None
        url: str = await asyncio.to_thread(
            self._client.generate_presigned_url,
            "get_object",
            Params={"Bucket": self.bucket, "Key": full},
            ExpiresIn=int(expires_in.total_seconds()),
        )
        return url


def _is_not_found(err: ClientError) -> bool:
    return str(err.response.get("Error", {}).get("Code")) in _NOT_FOUND


class _CountingReader:
    """A read-only view of a binary stream that counts bytes and never closes it."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self.count += len(chunk)
        return chunk

    def readable(self) -> bool:
        return True
