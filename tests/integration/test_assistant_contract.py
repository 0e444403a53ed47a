"""The ``Assistant`` port's contract, run against every adapter of it: the embedded rules
reader, the OpenAI adapter (against the local chat-completions server of
``test_openai_assistant``) and the scripted assistant the unit tests use."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from tests.integration.test_openai_assistant import LETTER, FakeOpenAI, server  # noqa: F401

from cma_adapters.memory_documents import ScriptedAssistant
from cma_adapters.openai_assistant import OpenAIAssistant
from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_core.documents.model import DocumentClass, Extraction
from cma_core.documents.ports import Assistant

JUDGMENT = DocumentClass.COUNTY_COURT_JUDGMENT


@pytest.fixture(params=["rules", "openai", "scripted"])
async def adapter(request: pytest.FixtureRequest, server: FakeOpenAI) -> AsyncIterator[Assistant]:  # noqa: F811
    if request.param == "rules":
        yield RuleBasedAssistant()
    elif request.param == "openai":
        host, port = server.server_address[:2]
        yield OpenAIAssistant(
            api_key="sk-test", model="test-model", base_url=f"http://{host!s}:{port}/v1",
            timeout=2, max_retries=0,
        )  # fmt: skip
    else:
        claim = Extraction(
            document_class=DocumentClass.COURT_CLAIM_N1, confidence=0.9, source="script"
        )
        yield ScriptedAssistant([claim, claim])


async def test_classifies_with_a_confidence_between_0_and_1(adapter: Assistant) -> None:
    extraction = await adapter.classify_and_extract(LETTER)
    assert isinstance(extraction.document_class, DocumentClass)
    assert 0.0 <= extraction.confidence <= 1.0
    assert extraction.source


async def test_the_kind_the_adviser_gives_stands(adapter: Assistant) -> None:
    """Told what the document is, the assistant reads it as that kind: the class is the
    adviser's at full confidence, whatever it would have guessed (here a claim form)."""
    guessed = await adapter.classify_and_extract(LETTER)
    told = await adapter.classify_and_extract(LETTER, document_class=JUDGMENT)
    assert guessed.document_class is not JUDGMENT
    assert told.document_class is JUDGMENT
    assert told.confidence == 1.0


async def test_openai_is_told_the_kind(server: FakeOpenAI) -> None:  # noqa: F811
    host, port = server.server_address[:2]
    assistant = OpenAIAssistant(
        api_key="sk-test", model="test-model", base_url=f"http://{host!s}:{port}/v1",
        timeout=2, max_retries=0,
    )  # fmt: skip
    await assistant.classify_and_extract(LETTER, document_class=JUDGMENT)
    [request] = server.requests
    assert "it is a county_court_judgment" in request["messages"][0]["content"]
