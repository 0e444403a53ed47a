"""A document read again as the kind the adviser says it is (``…/reclassify``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from litestar import Controller, Response, post

from cma_core.documents.model import DocumentId
from cma_core.documents.service import DocumentService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.params import IfMatch, parse_if_match
from cma_entrypoints.http.common.responses import versioned
from cma_entrypoints.http.documents.examples import RECLASSIFIED
from cma_entrypoints.http.documents.schemas import (
    DocumentOut,
    ReclassifiedOut,
    ReclassifyIn,
    SuggestionOut,
)


class DocumentReadingController(Controller):
    path = "/api/v1/documents"
    tags = ["documents"]

    @post(
        "/{document_id:uuid}/reclassify",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Say what kind of document it is, and read it again as that kind",
        description=(
            "Needs `If-Match`. For a `done` document (409 otherwise) the assistant thought "
            'was another kind, or was unsure of ("check the document type"): its class '
            "becomes `document_class` at confidence 1.0 and its text is read again as that "
            "kind. Its pending suggestions are rejected as replaced; decided ones stay as "
            "they were; the new reading's suggestions are returned with how many were "
            "replaced (a judgment, for instance, never suggests a deadline to respond to a "
            "claim). The same kind as read confirms it: its suggestions are replaced too, "
            "without the doubt. Kept as a labelled example the centre's classifier learns "
            "from (`cma assistant train --centre`). Audited `document.reclassified` and "
            "`suggestion.rejected` for each replaced. 412 if the document changed meanwhile; "
            "422 on `document_class` if it cannot be that kind (a bank's CSV or OFX export "
            "is a statement); 503 (with `Retry-After` when known) or 502 if the assistant "
            "could not answer. Nothing changes when it fails."
        ),
        operation_class=with_example(RECLASSIFIED, "A judgment read as a claim form"),
    )
    async def reclassify(
        self,
        ctx: TenantContext,
        document_id: uuid.UUID,
        documents: DocumentService,
        data: Annotated[
            ReclassifyIn,
            example_body("It is a judgment", {"document_class": "county_court_judgment"}),
        ],
        if_match: IfMatch = None,
    ) -> Response[ReclassifiedOut]:
        reread = await documents.reclassify(
            ctx,
            DocumentId(document_id),
            data.document_class,
            expected_version=parse_if_match(if_match, required=True),
        )
        out = ReclassifiedOut(
            document=DocumentOut.of(reread.document),
            suggestions=[SuggestionOut.of(s) for s in reread.made],
            replaced=reread.replaced,
        )
        return versioned(out, reread.document.version)
