"""The same checks against the real services, when an operator points the tests at them.

Nothing here can run on a machine without credentials, so each test is skipped unless its
variables are set (never in CI, which has no credentials):

- Real S3: ``CMA_TEST_S3_BUCKET`` (an empty bucket the tests may write to) and the usual
  AWS credentials (``AWS_PROFILE`` or ``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``),
  optionally ``CMA_TEST_S3_REGION``. Runs the whole document-store contract suite.
- Real OpenAI (or a compatible service): ``CMA_TEST_OPENAI_API_KEY``, optionally
  ``CMA_TEST_OPENAI_MODEL`` (default ``gpt-4o-mini``) and ``CMA_TEST_OPENAI_BASE_URL``.

    CMA_TEST_S3_BUCKET=my-bucket AWS_PROFILE=dev \\
        .venv/bin/pytest tests/integration/test_real_services.py
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from typing import Any

import pytest
from tests.contracts.test_document_store import DocumentStoreContract

from cma_adapters.openai_assistant import OpenAIAssistant
from cma_adapters.s3 import S3DocumentStore
from cma_core.documents.errors import ObjectNotFound
from cma_core.documents.model import DocumentClass
from cma_core.documents.ports import DocumentStore

S3_BUCKET = os.environ.get("CMA_TEST_S3_BUCKET")
OPENAI_KEY = os.environ.get("CMA_TEST_OPENAI_API_KEY")


@pytest.mark.skipif(not S3_BUCKET, reason="set CMA_TEST_S3_BUCKET to run against real S3")
class TestRealS3DocumentStore(DocumentStoreContract):
    @pytest.fixture
    def store(self) -> DocumentStore:
        assert S3_BUCKET is not None
        return S3DocumentStore(S3_BUCKET, region_name=os.environ.get("CMA_TEST_S3_REGION"))

    async def fetch_link(self, store: Any, url: str) -> bytes:
        import asyncio

        def get() -> bytes:
            with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310
                body: bytes = response.read()
                return body

        try:
            return await asyncio.to_thread(get)
        except urllib.error.HTTPError as err:
            raise ObjectNotFound(url) from err

    def full_keys(self, store: Any) -> set[str]:
        listing = store._client.list_objects_v2(Bucket=store.bucket)
        return {o["Key"] for o in listing.get("Contents", [])}


LETTER = """Lowell Portfolio I Ltd
14 April 2025
Account reference: K9QZ4821
NOTICE OF DEFAULT. The balance outstanding is £2,876.44.
"""


@pytest.mark.skipif(not OPENAI_KEY, reason="set CMA_TEST_OPENAI_API_KEY to run against OpenAI")
async def test_real_openai_classifies_a_letter() -> None:
    assert OPENAI_KEY is not None
    assistant = OpenAIAssistant(
        api_key=OPENAI_KEY,
        model=os.environ.get("CMA_TEST_OPENAI_MODEL", "gpt-4o-mini"),
        base_url=os.environ.get("CMA_TEST_OPENAI_BASE_URL"),
        timeout=60,
    )
    extraction = await assistant.classify_and_extract(LETTER)
    assert extraction.document_class is DocumentClass.CREDITOR_LETTER
    assert extraction.balance_pence == 287644
