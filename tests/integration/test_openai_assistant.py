"""The OpenAI adapter against a real local HTTP server speaking POST /v1/chat/completions."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from cma_adapters.openai_assistant import OpenAIAssistant
from cma_core.documents.errors import (
    AssistantRateLimited,
    AssistantReplyInvalid,
    AssistantTimeout,
    AssistantUnavailable,
)
from cma_core.documents.model import CaseFacts, DeadlineFact, DebtFact, DocumentClass
from cma_core.shared.money import Money

GOOD = {
    "document_class": "court_claim_n1",
    "confidence": 0.92,
    "creditor_name": "Lowell Portfolio I Ltd",
    "account_reference": "LP7781230",
    "balance_pence": 287644,
    "letter_date": "2025-04-14",
    "deadline_date": None,
    "court_claim_number": "K9QZ4821",
    "amounts_pence": [276144, 11500, 287644],
}
LETTER = (
    "Claim number: K9QZ4821  Issue date: 14 April 2025\n"
    "Claimant: Lowell Portfolio I Ltd\n"
    "Defendant: Jo Bloggs, 1 High St, Leeds LS1 4AB, NI number AB123456C,\n"
    "tel 07700 900123, jo@example.com, date of birth 04/07/1980\n"
    "Total amount claimed £2,876.44"
)


class FakeOpenAI(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.scenario = "good"
        self.requests: list[dict[str, Any]] = []


class Handler(BaseHTTPRequestHandler):
    server: FakeOpenAI

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        assert self.path == "/v1/chat/completions", self.path
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        scenario = self.server.scenario
        if scenario == "429":
            self._send(
                429, {"error": {"message": "slow down", "type": "rate_limit"}}, {"Retry-After": "7"}
            )
        elif scenario == "500":
            self._send(500, {"error": {"message": "boom", "type": "server_error"}})
        elif scenario == "slow":
            time.sleep(2)
            self._send(200, completion(json.dumps(GOOD)))
        elif scenario == "not-json":
            self._send(200, completion("Sure! Here is the data: creditor Lowell"))
        elif scenario == "wrong-shape":
            self._send(200, completion(json.dumps({**GOOD, "document_class": "love_letter"})))
        elif scenario == "bad-date":
            self._send(200, completion(json.dumps({**GOOD, "letter_date": "14/04/2025"})))
        elif scenario == "missing":
            self._send(200, completion(json.dumps({"document_class": "other"})))
        elif scenario == "refusal":
            self._send(200, completion(None, refusal="I can't help with that"))
        elif scenario == "garbage-body":
            self._send_raw(200, b"<html>proxy error</html>", "text/html")
        elif scenario == "ni-reference":
            reply = {**GOOD, "account_reference": "[NI NUMBER 1]"}
            self._send(200, completion(json.dumps(reply)))
        elif scenario == "summary":
            self._send(200, completion("Two priority debts; respond to the claim by 3 May."))
        else:
            self._send(200, completion(json.dumps(GOOD)))

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        self._send_raw(status, json.dumps(payload).encode(), "application/json", headers)

    def _send_raw(
        self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)


def completion(content: str | None, *, refusal: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content, "refusal": refusal},
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    srv = FakeOpenAI()
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def assistant(server: FakeOpenAI) -> OpenAIAssistant:
    host, port = server.server_address[:2]
    return OpenAIAssistant(
        api_key="sk-test",
        model="test-model",
        base_url=f"http://{host!s}:{port}/v1",
        timeout=0.5,
        max_retries=0,
    )


async def test_good_reply_becomes_an_extraction(
    server: FakeOpenAI, assistant: OpenAIAssistant
) -> None:
    extraction = await assistant.classify_and_extract(LETTER)
    assert extraction.document_class is DocumentClass.COURT_CLAIM_N1
    assert extraction.creditor_name == "Lowell Portfolio I Ltd"
    assert extraction.balance_pence == 287644
    assert extraction.letter_date == dt.date(2025, 4, 14)
    assert extraction.deadline_date is None
    assert extraction.amounts_pence == (276144, 11500, 287644)
    assert extraction.source == "openai:test-model"

    [request] = server.requests
    assert request["model"] == "test-model"
    schema = request["response_format"]
    assert schema["type"] == "json_schema"
    assert schema["json_schema"]["strict"] is True
    sent = request["messages"][-1]["content"]
    for secret in ("LS1 4AB", "AB123456C", "07700 900123", "jo@example.com", "04/07/1980"):
        assert secret not in sent
    for kept in ("K9QZ4821", "14 April 2025", "£2,876.44", "Lowell Portfolio I Ltd"):
        assert kept in sent


async def test_rate_limit_is_a_domain_error_with_retry_hint(
    server: FakeOpenAI, assistant: OpenAIAssistant
) -> None:
    server.scenario = "429"
    with pytest.raises(AssistantRateLimited) as err:
        await assistant.classify_and_extract(LETTER)
    assert err.value.retry_after_seconds == 7
    assert err.value.code == "assistant-rate-limited"


async def test_slow_reply_times_out(server: FakeOpenAI, assistant: OpenAIAssistant) -> None:
    server.scenario = "slow"
    started = time.monotonic()
    with pytest.raises(AssistantTimeout, match=r"0\.5 seconds"):
        await assistant.classify_and_extract(LETTER)
    assert time.monotonic() - started < 1.8


async def test_server_error_is_unavailable(server: FakeOpenAI, assistant: OpenAIAssistant) -> None:
    server.scenario = "500"
    with pytest.raises(AssistantUnavailable, match="HTTP 500"):
        await assistant.classify_and_extract(LETTER)


async def test_unreachable_server_is_unavailable() -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as probe:
        port = probe.server_address[1]
    assistant = OpenAIAssistant(
        api_key="k", model="m", base_url=f"http://127.0.0.1:{port}/v1", max_retries=0
    )
    with pytest.raises(AssistantUnavailable):
        await assistant.classify_and_extract("text")


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        ("not-json", "not JSON"),
        ("wrong-shape", "unknown document class"),
        ("bad-date", "YYYY-MM-DD"),
        ("missing", "lacks confidence"),
        ("refusal", "refused"),
        ("garbage-body", "could not be read|no choices|not JSON"),
    ],
)
async def test_malformed_replies_are_refused(
    server: FakeOpenAI, assistant: OpenAIAssistant, scenario: str, message: str
) -> None:
    server.scenario = scenario
    with pytest.raises(AssistantReplyInvalid, match=message):
        await assistant.classify_and_extract(LETTER)


async def test_case_summary_is_a_draft_from_masked_facts(
    server: FakeOpenAI, assistant: OpenAIAssistant
) -> None:
    server.scenario = "summary"
    facts = CaseFacts(
        case_reference="CMA-0042",
        opened_on=dt.date(2025, 4, 1),
        debts=(
            DebtFact(
                creditor_name="Bradford Council",
                balance=Money(31477),
                priority=True,
                debt_type="council_tax",
                arrears=Money(10000),
            ),
            DebtFact(creditor_name="Acme Loans Ltd", balance=Money(123456)),
        ),
        monthly_income=Money(155752),
        monthly_expenditure=Money(149000),
        available_surplus=Money(5000),
        deadlines=(DeadlineFact(due_on=dt.date(2025, 5, 3), description="respond to claim"),),
    )
    draft = await assistant.summarise_case(facts)
    assert draft.text.startswith("Two priority debts")
    assert draft.source == "openai:test-model"
    sent = json.loads(server.requests[-1]["messages"][-1]["content"])
    assert sent["debts"][0] == {
        "creditor": "Bradford Council",
        "type": "council_tax",
        "balance": "£314.77",
        "arrears": "£100.00",
        "priority": True,
    }
    assert sent["available_for_priority_debts"] == "£50.00"
    assert "response_format" not in server.requests[-1]


async def test_the_later_fields_are_read_when_the_reply_has_them(
    server: FakeOpenAI, assistant: OpenAIAssistant
) -> None:
    global GOOD
    plain = GOOD
    GOOD = {
        **plain,
        "document_class": "payslip",
        "payer_name": "Aire Valley Logistics Ltd",
        "income_pence": 41000,
        "gross_pence": 52000,
        "frequency": "weekly",
        "served_date": "2025-04-19",
        "original_creditor": None,
    }
    try:
        got = await assistant.classify_and_extract(LETTER)
    finally:
        GOOD = plain
    assert got.payer_name == "Aire Valley Logistics Ltd"
    assert (got.income_pence, got.gross_pence, got.frequency) == (41000, 52000, "weekly")
    assert got.served_date == dt.date(2025, 4, 19)
    sent = server.requests[-1]["response_format"]["json_schema"]["schema"]
    assert "served_date" in sent["required"]


async def test_a_reference_that_is_the_ni_number_is_given_back_without_sending_it(
    server: FakeOpenAI, assistant: OpenAIAssistant
) -> None:
    """The assistant answers with the placeholder it was shown; the adapter puts the
    number back, so masking loses the adviser no DWP or HMRC reference."""
    server.scenario = "ni-reference"
    extraction = await assistant.classify_and_extract(LETTER)
    assert extraction.account_reference == "AB123456C"
    [request] = server.requests
    sent = request["messages"][-1]["content"]
    assert "AB123456C" not in sent
    assert "[NI NUMBER 1]" in sent
