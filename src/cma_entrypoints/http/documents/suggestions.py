"""Suggestions over HTTP: the centre's list, one suggestion, and the adviser's decision
(accept, as read or with the adviser's changes; reject, with a correction or not)."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.params import Parameter

from cma_core.documents.model import SuggestionId, SuggestionKind, SuggestionStatus
from cma_core.documents.service import DocumentService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import DEBT_ID, example_body, page, with_example
from cma_entrypoints.http.common.params import (
    USER_OR_ME,
    Cursor,
    IfMatch,
    Limit,
    Offset,
    etag,
    parse_if_match,
    user_or_me,
)
from cma_entrypoints.http.common.responses import page_out, versioned
from cma_entrypoints.http.documents.examples import ACCEPTED, CLAIM, REJECTED, SUGGESTION
from cma_entrypoints.http.documents.schemas import (
    AcceptOut,
    RejectIn,
    SuggestionAcceptIn,
    SuggestionOut,
    SuggestionPage,
)

SuggestionKindFilter = Annotated[
    SuggestionKind | None,
    Parameter(description="Only suggestions of this kind (a new debt, a deadline, an income…)."),
]
ToCheckFilter = Annotated[
    bool | None,
    Parameter(
        description="true: only suggestions holding a value to check against the page "
        "(`fields_to_check`: the scan hard to read there, or the reader unsure which value "
        "it is); false: only those holding none."
    ),
]


class SuggestionController(Controller):
    path = "/api/v1/suggestions"
    tags = ["documents"]

    @get(
        "/",
        guards=[requires(Permission.CASE_READ)],
        summary="Suggestions across the centre's cases (documents waiting for review)",
        description="Oldest first. `status=pending` gives the work queue's documents waiting "
        "for review. With `case:read_all` every case's (or `adviser`'s cases'); otherwise "
        "only those of your own cases (another adviser's asked for: an empty page).",
        operation_class=with_example(page(SUGGESTION, CLAIM), "Two waiting for review"),
    )
    async def list_centre_suggestions(
        self,
        ctx: TenantContext,
        documents: DocumentService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: SuggestionStatus | None = None,
        adviser: Annotated[
            str | None,
            Parameter(
                max_length=36,
                pattern=USER_OR_ME,
                description='Only the cases of this adviser: a user id, or "me".',
            ),
        ] = None,
        kind: SuggestionKindFilter = None,
        cursor: Cursor = None,
        to_check: ToCheckFilter = None,
    ) -> SuggestionPage:
        page_ = await documents.list_centre_suggestions(
            ctx,
            limit=limit,
            offset=offset,
            status=status,
            adviser_id=user_or_me(ctx, adviser, "adviser"),
            kind=kind,
            cursor=cursor,
            to_check=to_check,
        )
        return page_out(SuggestionPage, SuggestionOut.of, page_)

    @get(
        "/{suggestion_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="A suggestion",
        operation_class=with_example(SUGGESTION, "A debt read from a letter"),
    )
    async def get_suggestion(
        self,
        ctx: TenantContext,
        suggestion_id: uuid.UUID,
        documents: DocumentService,
    ) -> Response[SuggestionOut]:
        suggestion = await documents.get_suggestion(ctx, SuggestionId(suggestion_id))
        return versioned(SuggestionOut.of(suggestion), suggestion.version)

    @post(
        "/{suggestion_id:uuid}/accept",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Accept a suggestion",
        description="Needs `If-Match`. A new debt is added to the case (`debt_id`; its "
        "creditor found in, or added to, the centre's directory); an `update_debt` sets the "
        "recorded debt's balance (`debt_id`; 404 if the debt was removed, 409 if its balance "
        "changed since the suggestion); a deadline records the dated fact on the case "
        "(`fact_id`: claim served, demand served, enforcement notice) and so its tracked "
        "deadlines (`deadline_ids`, listed at `/cases/{id}/deadlines`) and their tasks, or, "
        "when the document gives no date to count from, a deadline task due that day "
        "(`task`). Audited as accepted from the document.\n\n"
        "With `changes`, the adviser's values are applied in place of what was read (a "
        "balance from another line, the right creditor, the date a claim was served where "
        "none was read, an income's frequency or SFS line); the suggestion then holds what "
        "was applied (its title written again) and `as_read` what the reader had "
        "proposed (`not_read`: fields it had not read), and the decision teaches the "
        "assistant as a correction. A deadline the case clock counts and the date it "
        "counts from stay one reading: give either, the other follows (both at once, or a "
        "notice's deadline where its date is known: 422). A field the suggestion's kind "
        "does not apply is a 422 naming it (`changes.<field>`). No body: accepted as read.",
        operation_class=with_example(
            AcceptOut(suggestion=ACCEPTED, debt_id=DEBT_ID, task=None), "A debt added"
        ),
    )
    async def accept(
        self,
        ctx: TenantContext,
        suggestion_id: uuid.UUID,
        documents: DocumentService,
        data: Annotated[
            SuggestionAcceptIn | None,
            example_body(
                "The balance from another line of the letter",
                {"changes": {"balance_pence": 184_250}},
            ),
        ] = None,
        if_match: IfMatch = None,
    ) -> Response[AcceptOut]:
        expected = parse_if_match(if_match, required=True)
        decision = await documents.accept_suggestion(
            ctx,
            SuggestionId(suggestion_id),
            expected_version=expected,
            changes=data.changes.to_core() if data and data.changes else None,
        )
        return Response(AcceptOut.of(decision), headers=etag(decision.suggestion.version))

    @post(
        "/{suggestion_id:uuid}/reject",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Reject a suggestion",
        description=(
            "Needs `If-Match`. The reason is optional. A `correction` (the document's real "
            "class, the right values or SFS line) is kept as a labelled example the "
            "centre's assistant learns from (`cma assistant train --centre`)."
        ),
        operation_class=with_example(REJECTED, "Already on file"),
    )
    async def reject(
        self,
        ctx: TenantContext,
        suggestion_id: uuid.UUID,
        documents: DocumentService,
        data: Annotated[
            RejectIn | None,
            example_body("Already recorded", {"reason": "debt already on file"}),
        ] = None,
        if_match: IfMatch = None,
    ) -> Response[SuggestionOut]:
        expected = parse_if_match(if_match, required=True)
        suggestion = await documents.reject_suggestion(
            ctx,
            SuggestionId(suggestion_id),
            expected_version=expected,
            reason=data.reason if data else None,
            correction=data.correction.to_core() if data and data.correction else None,
        )
        return versioned(SuggestionOut.of(suggestion), suggestion.version)
