"""An assistant on OpenAI's chat completions API with structured (JSON-schema) output.

Before any text leaves, personal identifiers are masked
(``cma_core.documents.redaction``). The reply is validated field by field; anything that
does not fit raises ``AssistantReplyInvalid`` rather than reaching an adviser half-right.
Errors of the client library are translated into the core's ``AssistantError`` family, so
callers never import ``openai``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

import attrs
import openai

from cma_core.documents.errors import (
    AssistantRateLimited,
    AssistantReplyInvalid,
    AssistantTimeout,
    AssistantUnavailable,
)
from cma_core.documents.model import CaseFacts, DocumentClass, Draft, Extraction, PageText
from cma_core.documents.ports import Assistant
from cma_core.documents.redaction import mask_for_assistant, mask_personal_identifiers
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId

_NULLABLE_STRING = {"type": ["string", "null"]}
_DATE = {"type": ["string", "null"], "description": "ISO date YYYY-MM-DD, or null"}
_PENCE = {"type": ["integer", "null"], "description": "amount in pence, or null"}

EXTRACTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "document_class",
        "confidence",
        "creditor_name",
        "account_reference",
        "balance_pence",
        "letter_date",
        "deadline_date",
        "court_claim_number",
        "amounts_pence",
        "original_creditor",
        "served_date",
        "payer_name",
        "income_pence",
        "gross_pence",
        "frequency",
    ],
    "properties": {
        "document_class": {"type": "string", "enum": [c.value for c in DocumentClass]},
        "confidence": {"type": "number", "description": "0 to 1"},
        "creditor_name": _NULLABLE_STRING,
        "account_reference": _NULLABLE_STRING,
        "balance_pence": _PENCE,
        "letter_date": _DATE,
        "deadline_date": _DATE,
        "court_claim_number": _NULLABLE_STRING,
        "amounts_pence": {"type": "array", "items": {"type": "integer"}},
        "original_creditor": _NULLABLE_STRING,
        "served_date": _DATE,
        "payer_name": _NULLABLE_STRING,
        "income_pence": _PENCE,
        "gross_pence": _PENCE,
        "frequency": {
            "type": ["string", "null"],
            "enum": ["weekly", "fortnightly", "four_weekly", "monthly", "annually", None],
        },
    },
}
# Fields added after the first schema: read if present, so an older reply still parses.
_LATER_FIELDS = ("original_creditor", "served_date", "payer_name", "income_pence",
                 "gross_pence", "frequency")  # fmt: skip

EXTRACTION_PROMPT = """\
You read letters and documents a UK debt adviser has received from a client.
Classify the document and extract the fields it states. Use null for anything not stated;
never guess. Money is in pence as an integer (GBP 12.34 -> 1234). balance_pence is the
total the client is said to owe. deadline_date is the date by which the client must act.
letter_date is the date of the letter (for a court claim form, the issue date);
served_date a printed date of (deemed) service. original_creditor: the creditor a sold or
assigned debt began with. payer_name, income_pence (net), gross_pence and frequency: for
payslips and benefit letters. A county court judgment is never a claim form.
Personal identifiers have been replaced by placeholders such as [POSTCODE]; each NI number
by [NI NUMBER 1], [NI NUMBER 2] and so on. Where the letter quotes one as its reference for
the account (DWP and HMRC do), give that placeholder as written as account_reference.
Classes: creditor_letter (arrears letters, default notices), court_claim_n1,
county_court_judgment, enforcement_agent_notice, statutory_demand, council_tax,
utility_bill, utility_arrears (energy or water arrears), magistrates_fine,
notice_of_assignment, overpayment (HMRC or DWP), mortgage_arrears, rent_arrears,
bnpl_catalogue_arrears, letter_of_claim (pre-action protocol), payslip, bank_statement,
benefit_award, other."""

GIVEN_CLASS_PROMPT = """
The adviser has checked the document: it is a {document_class}. Give that as document_class
and extract the fields such a document states."""

SUMMARY_PROMPT = """\
You draft short case summaries for a UK debt adviser, who will edit them before use.
Write in plain English, at most 200 words, from the facts given only. Mention priority
debts and deadlines first. Do not give advice on which debt solution to choose."""


class OpenAIAssistant(Assistant):
    """Args:
    api_key: the API key (from the secret store; never logged).
    model: e.g. ``"gpt-4o-mini"``; recorded in ``Extraction.source``.
    base_url: another server speaking the API (Azure, a local gateway); OpenAI's if None.
    timeout: seconds for one request, after which ``AssistantTimeout`` is raised.
    max_retries: the client's own retries (with backoff, honouring ``Retry-After``) before
        an error reaches the caller. Dramatiq retries the job on top of this.
    max_input_chars: longer document text is cut (cost and latency bound).
    client: an ``openai.AsyncOpenAI`` to use instead of building one.
    """

    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        base_url: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 2,
        max_input_chars: int = 20_000,
        client: openai.AsyncOpenAI | None = None,
    ) -> None:
        self.model = model
        self.timeout = timeout
        self.max_input_chars = max_input_chars
        self._client = client or openai.AsyncOpenAI(
            api_key=api_key, base_url=base_url, timeout=timeout, max_retries=max_retries
        )

    @property
    def source(self) -> str:
        return f"openai:{self.model}"

    async def classify_and_extract(
        self,
        text: str,
        pages: Sequence[PageText] = (),
        *,
        centre_id: CentreId | None = None,
        document_class: DocumentClass | None = None,
    ) -> Extraction:
        masked = mask_for_assistant(text[: self.max_input_chars])
        prompt = EXTRACTION_PROMPT
        if document_class is not None:
            prompt += GIVEN_CLASS_PROMPT.format(document_class=document_class.value)
        content = await self._complete(
            [
                {"role": "system", "content": prompt},
                {"role": "user", "content": masked.text},
            ],
            response_format={
                "type": "json_schema",
                "json_schema": {
                    "name": "document_extraction",
                    "strict": True,
                    "schema": EXTRACTION_SCHEMA,
                },
            },
        )
        extraction = self._parse_extraction(content)
        if document_class is not None:
            # The adviser's word stands whatever the model answered for the class.
            extraction = attrs.evolve(extraction, document_class=document_class, confidence=1.0)
        reference = masked.restore(extraction.account_reference)
        if reference == extraction.account_reference:
            return extraction
        return attrs.evolve(extraction, account_reference=reference)

    async def summarise_case(self, facts: CaseFacts) -> Draft:
        payload = mask_personal_identifiers(json.dumps(_facts_json(facts), indent=1))
        content = await self._complete(
            [
                {"role": "system", "content": SUMMARY_PROMPT},
                {"role": "user", "content": payload},
            ]
        )
        text = content.strip()
        if not text:
            raise AssistantReplyInvalid("the assistant returned an empty summary")
        return Draft(text=text, source=self.source)

    async def _complete(self, messages: list[dict[str, str]], **extra: Any) -> str:
        try:
            response = await self._client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                temperature=0,
                timeout=self.timeout,
                **extra,
            )
        except openai.APITimeoutError:
            raise AssistantTimeout(
                f"the assistant did not answer within {self.timeout:g} seconds"
            ) from None
        except openai.RateLimitError as err:
            raise AssistantRateLimited(
                "the assistant service is rate-limiting requests; try again later",
                retry_after_seconds=_retry_after(err.response.headers),
            ) from None
        except openai.APIConnectionError:
            raise AssistantUnavailable("the assistant service could not be reached") from None
        except openai.APIStatusError as err:
            raise AssistantUnavailable(
                f"the assistant service answered HTTP {err.status_code}"
            ) from None
        except (openai.APIResponseValidationError, ValueError, TypeError) as err:
            raise AssistantReplyInvalid(f"the assistant's reply could not be read: {err}") from None
        choices = getattr(response, "choices", None)
        if not choices:
            raise AssistantReplyInvalid("the assistant's reply had no choices")
        choice = choices[0]
        message = choice.message
        if getattr(message, "refusal", None):
            raise AssistantReplyInvalid("the assistant refused to answer")
        if choice.finish_reason == "length":
            raise AssistantReplyInvalid("the assistant's reply was cut off")
        if not isinstance(message.content, str):
            raise AssistantReplyInvalid("the assistant's reply had no text")
        return message.content

    def _parse_extraction(self, content: str) -> Extraction:
        try:
            data = json.loads(content)
        except json.JSONDecodeError:
            raise AssistantReplyInvalid("the assistant's reply was not JSON") from None
        if not isinstance(data, dict):
            raise AssistantReplyInvalid("the assistant's reply was not a JSON object")
        required = [k for k in EXTRACTION_SCHEMA["required"] if k not in _LATER_FIELDS]
        missing = [k for k in required if k not in data]
        if missing:
            raise AssistantReplyInvalid(f"the assistant's reply lacks {', '.join(missing)}")
        try:
            document_class = DocumentClass(data["document_class"])
        except ValueError:
            raise AssistantReplyInvalid(
                f"unknown document class {data['document_class']!r}"
            ) from None
        confidence = data["confidence"]
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise AssistantReplyInvalid("confidence must be a number")
        amounts = data["amounts_pence"]
        if not isinstance(amounts, list) or not all(_is_int(a) for a in amounts):
            raise AssistantReplyInvalid("amounts_pence must be a list of integers")
        try:
            return Extraction(
                document_class=document_class,
                confidence=float(confidence),
                source=self.source,
                creditor_name=_text(data, "creditor_name"),
                account_reference=_text(data, "account_reference"),
                balance_pence=_pence(data, "balance_pence"),
                letter_date=_date(data, "letter_date"),
                deadline_date=_date(data, "deadline_date"),
                court_claim_number=_text(data, "court_claim_number"),
                amounts_pence=tuple(amounts),
                **_later(data),
            )
        except ValidationError as err:
            raise AssistantReplyInvalid(f"the assistant's reply is out of range: {err}") from None


def _later(data: dict[str, Any]) -> dict[str, Any]:
    present = {k: data[k] for k in _LATER_FIELDS if k in data}
    out: dict[str, Any] = {}
    for key in ("original_creditor", "payer_name"):
        if key in present:
            out[key] = _text(present, key)
    for key in ("income_pence", "gross_pence"):
        if key in present:
            out[key] = _pence(present, key)
    if "served_date" in present:
        out["served_date"] = _date(present, "served_date")
    frequency = present.get("frequency")
    if frequency is not None:
        if frequency not in ("weekly", "fortnightly", "four_weekly", "monthly", "annually"):
            raise AssistantReplyInvalid("frequency is not one of the schema's values")
        out["frequency"] = frequency
    return out


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data[key]
    if value is None:
        return None
    if not isinstance(value, str):
        raise AssistantReplyInvalid(f"{key} must be a string or null")
    return " ".join(value.split())[:200] or None


def _pence(data: dict[str, Any], key: str) -> int | None:
    value = data[key]
    if value is None:
        return None
    if not _is_int(value):
        raise AssistantReplyInvalid(f"{key} must be whole pence or null")
    result: int = value
    return result


def _date(data: dict[str, Any], key: str) -> dt.date | None:
    value = data[key]
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise AssistantReplyInvalid(f"{key} must be a YYYY-MM-DD date or null")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise AssistantReplyInvalid(f"{key} is not a real date: {value}") from None


def _retry_after(headers: Any) -> float | None:
    value = headers.get("retry-after") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _facts_json(facts: CaseFacts) -> dict[str, Any]:
    return {
        "case_reference": facts.case_reference,
        "opened_on": facts.opened_on.isoformat(),
        "debts": [
            {
                "creditor": d.creditor_name,
                "type": d.debt_type,
                "balance": str(d.balance),
                "arrears": str(d.arrears) if d.arrears else None,
                "priority": d.priority,
            }
            for d in facts.debts
        ],
        "monthly_income": str(facts.monthly_income) if facts.monthly_income else None,
        "monthly_expenditure": (
            str(facts.monthly_expenditure) if facts.monthly_expenditure else None
        ),
        "available_for_priority_debts": (
            str(facts.available_surplus) if facts.available_surplus is not None else None
        ),
        "deadlines": [
            {"due_on": d.due_on.isoformat(), "what": d.description} for d in facts.deadlines
        ],
        "documents": sorted({c.value for c in facts.document_classes}),
        "open_tasks": facts.open_task_count,
    }
