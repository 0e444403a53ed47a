"""Advice over HTTP: the advice recorded on a case with the client's decision, the
case's letters (generate, download as HTML or PDF, mark sent) and the centre's letter
templates.

Edits need ``If-Match`` with the ETag read (428 without it, 412 when stale). Input is
checked in the core, so problems name the field in the request's own terms.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Annotated, Any

from litestar import Controller, Response, delete, get, patch, post, put
from litestar.params import Parameter

from cma_core.advice.ports import (
    ClientDecision,
    Letter,
    LetterFormat,
    LetterKind,
    RenderedLetter,
)
from cma_core.advice.service import AdviceService, LetterService, RecordAdvice
from cma_core.debts.model import (
    DebtId,
)
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.data import from_data
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.advice.examples import LETTER, SENT, TEMPLATE, TEMPLATE_DEFAULT
from cma_entrypoints.http.advice.schemas import (
    AdviceIn,
    DecisionIn,
    LetterIn,
    LetterOut,
    LetterPage,
    TemplateIn,
    TemplateOut,
    TemplatePage,
    advice_out,
)
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common import data_shapes as shapes
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.common.data_shapes import documented
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import (
    Cursor,
    IfMatch,
    Limit,
    Offset,
    etag,
    parse_body,
    parse_if_match,
)
from cma_entrypoints.http.common.responses import created, slice_out, versioned
from cma_entrypoints.http.common.schemas import CODE

# Built from domain records by the same ``of`` the handlers use; priority and limitation
# are the core's own assessment of the example debt.


def _letter_key(letter: Letter) -> tuple[dt.datetime, uuid.UUID]:
    """A case's letters' order (as stored: oldest first) and cursor."""
    return (letter.created_at, letter.id)


#: A letter as a file: a whole HTML page, or a PDF with ``format=pdf``.
_LETTER_FILE = ex.binary_response(
    200,
    "The letter: a whole HTML page (the default), or a PDF with `format=pdf`",
    {"text/html": "format=html", "application/pdf": "format=pdf"},
)


def _pdf(pdf: bytes, disposition: str) -> Response[bytes]:
    """A letter printed, as the response's body (``disposition``: inline or attachment)."""
    return Response(pdf, media_type="application/pdf", headers={"Content-Disposition": disposition})


class LetterTemplateController(Controller):
    path = "/api/v1/letter-templates"
    tags = ["letters"]

    @get(
        "/",
        guards=[requires(Permission.FINANCE_READ)],
        summary="Letter templates",
        operation_class=with_example(ex.page(TEMPLATE), "One centre template"),
    )
    async def list_templates(self, ctx: TenantContext, letters: LetterService) -> TemplatePage:
        views = await letters.templates(ctx)
        items = [TemplateOut.of(v) for v in views]
        return TemplatePage(items=items, total=len(items), limit=len(items) or 1, offset=0)

    @post(
        "/preview",
        guards=[requires(Permission.FINANCE_READ)],
        status_code=200,
        summary="A template as a letter, before it is saved (`format=html|pdf`)",
        description="Rendered on made-up case data (nobody's) under the centre's letterhead "
        "and your name; refused on the subject or the body as saving it would be. Nothing "
        "is stored.",
        operation_class=_LETTER_FILE,
    )
    async def preview_template(
        self,
        ctx: TenantContext,
        data: Annotated[
            TemplateIn,
            example_body(
                "A draft offer letter",
                {
                    "subject": "Offer: {{ debt.account_reference }}",
                    "body": "<p>{{ client.name }} offers {{ debt.offer }} a month.</p>",
                },
            ),
        ],
        letters: LetterService,
        letter_page: Callable[[RenderedLetter], str],
        format: LetterFormat = LetterFormat.HTML,
    ) -> Response[bytes]:
        if format is LetterFormat.PDF:
            pdf = await letters.preview_pdf(ctx, data.subject, data.body)
            return _pdf(pdf, 'inline; filename="letter-preview.pdf"')
        letter = await letters.preview_template(ctx, data.subject, data.body)
        return Response(letter_page(letter).encode("utf-8"), media_type="text/html")

    @put(
        "/{kind:str}",
        guards=[requires(Permission.FINANCE_WRITE)],
        summary="Save the centre's own template of a kind",
        operation_class=with_example(TEMPLATE, "Saved"),
        description='Jinja2, rendered sandboxed with autoescaping. `If-Match: "0"` for the '
        "first override of a default.",
    )
    async def put_template(
        self,
        ctx: TenantContext,
        kind: Annotated[str, Parameter(max_length=64, pattern=CODE)],
        data: Annotated[
            TemplateIn,
            example_body(
                "A shorter offer letter",
                {
                    "subject": "Offer: {{ debt.account_reference }}",
                    "body": "<p>{{ client.name }} offers {{ debt.offer }} a month.</p>",
                },
            ),
        ],
        letters: LetterService,
        if_match: IfMatch = None,
    ) -> Response[TemplateOut]:
        expected = parse_if_match(if_match, required=True)
        v = await letters.put_template(
            ctx,
            from_data(LetterKind, kind, "kind"),
            data.subject,
            data.body,
            expected_version=expected,
        )
        return versioned(TemplateOut.of(v), v.version)

    @delete(
        "/{kind:str}",
        guards=[requires(Permission.FINANCE_WRITE)],
        status_code=200,
        summary="Go back to the shipped default of a kind",
        operation_class=with_example(TEMPLATE_DEFAULT, "The default, in use again"),
        description="Drops the centre's own template; letters made from now on use the "
        'shipped default, returned (version 0). `If-Match` with the version read (`"0"` '
        "for a kind already on its default, which is left so). Letters already made keep "
        "their wording.",
    )
    async def reset_template(
        self,
        ctx: TenantContext,
        kind: Annotated[str, Parameter(max_length=64, pattern=CODE)],
        letters: LetterService,
        if_match: IfMatch = None,
    ) -> Response[TemplateOut]:
        expected = parse_if_match(if_match, required=True)
        v = await letters.reset_template(
            ctx, from_data(LetterKind, kind, "kind"), expected_version=expected
        )
        return versioned(TemplateOut.of(v), v.version)


class CaseAdviceController(Controller):
    """The advice recorded on a case, the client's decision, and the letters."""

    path = "/api/v1/cases/{case_id:uuid}"
    tags = ["debt advice"]

    @post(
        "/advice",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the advice given",
        responses=documented(201, shapes.AdviceOut, "advice", "DRO recommended"),
        description="The options are appraised afresh on `on_date` and kept with the record.",
    )
    async def record_advice(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            AdviceIn,
            example_body(
                "DRO recommended",
                {
                    "on_date": "2026-11-28",
                    "recommended": "dro",
                    "reasons": "Debts £18,400, surplus £12, assets under £2,000.",
                    "risks": "Credit file affected for 6 years.",
                    "next_steps": "Gather bank statements; book DRO appointment.",
                    "client_decision": "accepted",
                },
            ),
        ],
        advice_records: AdviceService,
    ) -> Response[dict[str, Any]]:
        cmd = parse_body(RecordAdvice, data)
        record = await advice_records.record_advice(ctx, CaseId(case_id), cmd)
        return versioned(advice_out(record), record.version, status_code=201)

    @get(
        "/advice",
        guards=[requires(Permission.CASE_READ)],
        summary="Advice records",
        responses=documented(200, shapes.AdvicePage, "advice_page", "One record"),
    )
    async def list_advice(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        advice_records: AdviceService,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        records = await advice_records.list_advice(ctx, CaseId(case_id))
        return slice_out(dict, advice_out, records, limit, offset)

    @patch(
        "/advice/{advice_id:uuid}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Record the client's decision",
        responses=documented(200, shapes.AdviceOut, "advice", "Accepted"),
    )
    async def decide(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        advice_id: uuid.UUID,
        data: Annotated[
            DecisionIn,
            example_body("Accepted", {"client_decision": "accepted"}),
        ],
        advice_records: AdviceService,
        if_match: IfMatch = None,
    ) -> Response[dict[str, Any]]:
        expected = parse_if_match(if_match, required=True)
        record = await advice_records.record_decision(
            ctx,
            CaseId(case_id),
            advice_id,
            from_data(ClientDecision, data.client_decision, "client_decision"),
            data.decision_notes,
            expected_version=expected,
        )
        return versioned(advice_out(record), record.version)

    @post(
        "/letters",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Generate a letter",
        description="Kinds: advice_summary, offer_of_payment, breathing_space_hold, "
        "ccj_variation_support, write_off_request (these four need `debt_id`), "
        "sfs_statement. The centre's own template wins over the default.",
        operation_class=with_example(LetterOut.of(LETTER), "Advice summary"),
    )
    async def generate_letter(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            LetterIn,
            example_body("Advice summary", {"kind": "advice_summary"}),
        ],
        letters: LetterService,
    ) -> Response[LetterOut]:
        letter = await letters.generate(
            ctx,
            CaseId(case_id),
            from_data(LetterKind, data.kind, "kind"),
            debt_id=DebtId(data.debt_id) if data.debt_id else None,
        )
        return created(
            LetterOut.of(letter), letter.version, f"/api/v1/cases/{case_id}/letters/{letter.id}"
        )

    @get(
        "/letters",
        guards=[requires(Permission.CASE_READ)],
        summary="Letters of the case",
        operation_class=with_example(ex.page(LetterOut.of(LETTER)), "One letter"),
    )
    async def list_letters(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        letters: LetterService,
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
    ) -> LetterPage:
        items = sorted(await letters.list_letters(ctx, CaseId(case_id)), key=_letter_key)
        return slice_out(
            LetterPage, LetterOut.of, items, limit, offset,
            cursor=cursor, key=_letter_key, kinds=(dt.datetime, uuid.UUID),
        )  # fmt: skip

    @get(
        "/letters/{letter_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="Download a letter (`format=html|pdf`)",
        operation_class=_LETTER_FILE,
    )
    async def download_letter(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        letter_id: uuid.UUID,
        letters: LetterService,
        letter_page: Callable[[RenderedLetter], str],
        format: LetterFormat = LetterFormat.HTML,
    ) -> Response[bytes]:
        if format is LetterFormat.PDF:
            pdf = await letters.pdf(ctx, CaseId(case_id), letter_id)
            return _pdf(pdf, f'attachment; filename="letter-{letter_id}.pdf"')
        letter = await letters.get_letter(ctx, CaseId(case_id), letter_id)
        html = letter_page(RenderedLetter(subject=letter.subject, html=letter.html))
        return Response(
            html.encode("utf-8"),
            media_type="text/html",  # Litestar adds "; charset=utf-8"
            headers=etag(letter.version),
        )

    @post(
        "/letters/{letter_id:uuid}/sent",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Record that the letter was sent",
        operation_class=with_example(SENT, "Sent"),
    )
    async def mark_sent(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        letter_id: uuid.UUID,
        letters: LetterService,
        if_match: IfMatch = None,
    ) -> Response[LetterOut]:
        expected = parse_if_match(if_match, required=True)
        letter = await letters.mark_sent(ctx, CaseId(case_id), letter_id, expected_version=expected)
        return versioned(LetterOut.of(letter), letter.version)
