"""AWS KMS wraps the centres' data keys (``GenerateDataKey``/``Decrypt``).

The centre id is the KMS *encryption context*: KMS refuses to decrypt a wrapped key with
any other centre's id, and CloudTrail records which centre's key was used. boto3 is
synchronous, so calls run in a worker thread; unwrapped keys are cached by the caller.
"""

from __future__ import annotations

import asyncio
from typing import Any

from cma_core.privacy.ports import DataKey, KeyManagement, KeyUnavailable
from cma_core.shared.ids import CentreId


class AwsKmsKeyManagement(KeyManagement):
    def __init__(
        self,
        key_id: str,
        *,
        client: Any | None = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
    ) -> None:
        self.key_id = key_id
        if client is None:
            import boto3

            client = boto3.client("kms", region_name=region_name, endpoint_url=endpoint_url)
        self._kms = client

    @staticmethod
    def _context(centre_id: CentreId) -> dict[str, str]:
        return {"cma:centre_id": str(centre_id)}

    async def generate_data_key(self, centre_id: CentreId) -> DataKey:
        def call() -> DataKey:
            out = self._kms.generate_data_key(
                KeyId=self.key_id, KeySpec="AES_256", EncryptionContext=self._context(centre_id)
            )
            return DataKey(plaintext=bytes(out["Plaintext"]), wrapped=bytes(out["CiphertextBlob"]))

        try:
            return await asyncio.to_thread(call)
        except Exception as exc:
            raise KeyUnavailable(f"KMS GenerateDataKey failed: {type(exc).__name__}") from exc

    async def unwrap_data_key(self, centre_id: CentreId, wrapped: bytes) -> bytes:
        def call() -> bytes:
            out = self._kms.decrypt(
                CiphertextBlob=wrapped,
                KeyId=self.key_id,
                EncryptionContext=self._context(centre_id),
            )
            return bytes(out["Plaintext"])

        try:
            return await asyncio.to_thread(call)
        except Exception as exc:
            raise KeyUnavailable(f"KMS Decrypt failed: {type(exc).__name__}") from exc
