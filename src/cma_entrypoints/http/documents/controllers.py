"""Documents and the AI case summary over HTTP (suggestions: ``suggestions.py``).

Controllers stay thin: parse, call ``DocumentService``, shape. Uploads are multipart with
one part named ``file``; the request size limit for these routes is the document size
limit (``CMA_MAX_DOCUMENT_BYTES``) plus room for the multipart envelope, and the service
enforces the exact limit on the file itself.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, BinaryIO, cast

import msgspec
from litestar import Controller, Request, Response, Router, delete, get, post
from litestar.datastructures import UploadFile
from litestar.di import Provide
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import Body, Parameter
from litestar.response import Stream

from cma_core.documents.errors import DuplicateDocument, ObjectNotFound
from cma_core.documents.model import (
    DocumentClass,
    DocumentId,
    DocumentStatus,
    SuggestionStatus,
)
from cma_core.documents.service import DocumentService
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import (
    AT,
    DOCUMENT_ID,
    JsonExample,
    binary_response,
    page,
    with_example,
)
from cma_entrypoints.http.common.multipart import (
    file_part,
    file_schema,
    form_schema,
    only_parts,
)
from cma_entrypoints.http.common.params import (
    Cursor,
    IfMatch,
    Limit,
    Offset,
    parse_if_match,
)
from cma_entrypoints.http.common.responses import created, page_out, versioned
from cma_entrypoints.http.documents.decisions import SuggestionDecisionsController
from cma_entrypoints.http.documents.examples import (
    CLAIM,
    FAILED_RETRIED,
    READ,
    SUGGESTION,
    SUMMARY,
    UPDATE,
    UPLOADED,
    WITH_PAGES,
)
from cma_entrypoints.http.documents.reading import DocumentReadingController
from cma_entrypoints.http.documents.schemas import (
    DocumentOut,
    DocumentPage,
    LinkOut,
    SuggestionOut,
    SuggestionPage,
    SummaryDraftOut,
)
from cma_entrypoints.http.documents.suggestions import (
    SuggestionController,
    SuggestionKindFilter,
    ToCheckFilter,
)
from cma_entrypoints.http.problems import PROBLEM_JSON

MULTIPART_OVERHEAD = 64 * 1024

DocumentStatusFilter = Annotated[
    DocumentStatus | None, Parameter(description="queued, processing, done or failed.")
]
DocumentFilter = Annotated[
    uuid.UUID | None,
    Parameter(description="Only the suggestions read from this document of the case."),
]
DocumentClassFilter = Annotated[
    DocumentClass | None,
    Parameter(query="class", description="What the assistant classified it as."),
]


class CaseDocumentController(Controller):
    path = "/api/v1/cases"
    tags = ["documents"]

    @post(
        "/{case_id:uuid}/documents",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Upload a document to a case",
        description="Multipart with one part named `file`: a PDF, PNG, JPEG, TIFF or HEIC (the "
        "type is read from the bytes, not the name). The document is queued; its text is "
        "read by the worker and `status` moves queued → processing → done (or failed, with "
        "`failure_reason`). The same file twice on one case is 409 with "
        "`existing_document_id`.",
        responses={
            201: ResponseSpec(
                data_container=DocumentOut,
                description="The document, queued to be read",
                generate_examples=False,
                examples=[
                    JsonExample(
                        summary="A creditor letter, queued", value=msgspec.to_builtins(UPLOADED)
                    )
                ],
            )
        },
    )
    async def upload(
        self,
        request: Request[Any, Any, Any],
        ctx: TenantContext,
        case_id: uuid.UUID,
        data: Annotated[
            dict[str, UploadFile],
            Body(
                media_type=RequestEncodingType.MULTI_PART,
                title="Upload",
                description="One part named `file`: the document's bytes, with its filename "
                "(sanitised; the type is sniffed from the bytes).",
                examples=[
                    Example(
                        summary="A scanned creditor letter",
                        description="curl -F 'file=@Lowell letter.pdf' "
                        "https://cma.example/api/v1/cases/{case_id}/documents",
                        value={"file": "(binary: the bytes of Lowell letter.pdf)"},
                    )
                ],
                # The handler reads a dict of parts; the schema says what it expects.
                schema_extra=form_schema(
                    {
                        "file": file_schema(
                            "PDF, PNG, JPEG, TIFF or HEIC (sniffed from the bytes), at most "
                            "CMA_MAX_DOCUMENT_BYTES."
                        )
                    },
                    required=("file",),
                ),
            ),
        ],
        documents: DocumentService,
    ) -> Response[Any]:
        try:
            upload = file_part(data)
            only_parts(data, ("file",))
        except ValidationError:
            for part in data.values():
                if isinstance(part, UploadFile):
                    await part.close()
            raise
        try:
            document = await documents.upload(
                ctx,
                CaseId(case_id),
                filename=upload.filename or "document",
                data=cast(BinaryIO, upload.file),
            )
        except DuplicateDocument as dup:
            return _duplicate(request, dup)
        finally:
            await upload.close()
        return created(
            DocumentOut.of(document), document.version, f"/api/v1/documents/{document.id}"
        )

    @get(
        "/{case_id:uuid}/documents",
        guards=[requires(Permission.CASE_READ)],
        summary="A case's documents, newest first",
        operation_class=with_example(page(READ), "One document, read"),
    )
    async def list_documents(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        documents: DocumentService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: DocumentStatusFilter = None,
        document_class: DocumentClassFilter = None,
        cursor: Cursor = None,
    ) -> DocumentPage:
        page = await documents.list(
            ctx,
            CaseId(case_id),
            limit=limit,
            offset=offset,
            cursor=cursor,
            status=status,
            document_class=document_class,
        )
        return page_out(DocumentPage, DocumentOut.of, page)

    @get(
        "/{case_id:uuid}/suggestions",
        guards=[requires(Permission.CASE_READ)],
        summary="What the assistant proposes for a case, from its documents",
        description="Oldest first. Nothing is applied until an adviser accepts.",
        operation_class=with_example(
            page(SUGGESTION, UPDATE, CLAIM),
            "A new debt, a changed balance and a court claim read from letters",
        ),
    )
    async def list_suggestions(
        self,
        ctx: TenantContext,
        case_id: uuid.UUID,
        documents: DocumentService,
        limit: Limit = 50,
        offset: Offset = 0,
        status: SuggestionStatus | None = None,
        document_id: DocumentFilter = None,
        kind: SuggestionKindFilter = None,
        cursor: Cursor = None,
        to_check: ToCheckFilter = None,
    ) -> SuggestionPage:
        page = await documents.list_suggestions(
            ctx,
            CaseId(case_id),
            limit=limit,
            offset=offset,
            status=status,
            document_id=None if document_id is None else DocumentId(document_id),
            kind=kind,
            cursor=cursor,
            to_check=to_check,
        )
        return page_out(SuggestionPage, SuggestionOut.of, page)

    @post(
        "/{case_id:uuid}/summary-draft",
        guards=[requires(Permission.CASE_READ)],
        status_code=200,
        summary="Draft a case summary (not saved)",
        description="Written by the assistant from the case's structured data. It is a "
        "draft: edit it and save it with `POST /api/v1/cases/{case_id}/notes`.",
        operation_class=with_example(SUMMARY, "A short summary"),
    )
    async def summary_draft(
        self, ctx: TenantContext, case_id: uuid.UUID, documents: DocumentService
    ) -> SummaryDraftOut:
        draft = await documents.summary_draft(ctx, CaseId(case_id))
        return SummaryDraftOut(
            case_id=draft.case_id,
            status=draft.status,
            text=draft.text,
            source=draft.source,
            generated_at=draft.generated_at,
            save_with=f"POST /api/v1/cases/{case_id}/notes",
        )


class DocumentController(Controller):
    path = "/api/v1/documents"
    tags = ["documents"]

    @get(
        "/{document_id:uuid}",
        guards=[requires(Permission.CASE_READ)],
        summary="A document's metadata, status and page text",
        operation_class=with_example(WITH_PAGES, "A one-page letter"),
    )
    async def get_document(
        self, ctx: TenantContext, document_id: uuid.UUID, documents: DocumentService
    ) -> Response[DocumentOut]:
        document = await documents.get(ctx, DocumentId(document_id))
        return versioned(DocumentOut.of(document, with_pages=True), document.version)

    @get(
        "/{document_id:uuid}/content",
        guards=[requires(Permission.CASE_READ)],
        summary="Download the original file",
        description="Streams the bytes as uploaded, as an attachment, with their type.",
        operation_class=binary_response(
            200,
            "The original file, in the type it was uploaded as",
            {
                "application/pdf": "A PDF",
                "image/png": "A PNG image",
                "image/jpeg": "A JPEG photo or scan",
                "image/tiff": "A TIFF scan",
                "image/heic": "A HEIC/HEIF phone photo",
                "text/csv": "A bank's CSV transaction export",
                "application/x-ofx": "A bank's OFX transaction export",
            },
        ),
    )
    async def content(
        self, ctx: TenantContext, document_id: uuid.UUID, documents: DocumentService
    ) -> Stream:
        download = await documents.download(ctx, DocumentId(document_id))
        document = download.document
        return Stream(
            download.chunks,
            media_type=document.content_type.value,
            headers={
                "Content-Disposition": f'attachment; filename="{document.filename}"',
                "Content-Length": str(document.size),
                "Cache-Control": "no-store",
            },
        )

    @get(
        "/{document_id:uuid}/pages/{number:int}/image",
        guards=[requires(Permission.CASE_READ)],
        summary="One page of a document as an image, for its evidence boxes",
        description="PNG in the pixel space the reader located values in (a PDF page "
        "rendered at 300 dpi; a TIFF frame or photo as read), so a suggestion's evidence "
        "`box` can be drawn over it. 404 past the last page; 422 for CSV or OFX exports, "
        "which have no pages. Audited as a download.",
        operation_class=binary_response(200, "The page", {"image/png": "A PNG image"}),
    )
    async def page_image(
        self,
        ctx: TenantContext,
        document_id: uuid.UUID,
        number: Annotated[int, Parameter(ge=1, le=500, description="The page, from 1.")],
        documents: DocumentService,
    ) -> Response[bytes]:
        png = await documents.page_image(ctx, DocumentId(document_id), number)
        return Response(png, media_type="image/png", headers={"Cache-Control": "no-store, private"})

    @get(
        "/{document_id:uuid}/link",
        guards=[requires(Permission.CASE_READ)],
        summary="A short-lived download link",
        description="On S3, a presigned URL the browser fetches directly (a few minutes).",
        operation_class=with_example(
            LinkOut(
                url=f"https://cma.example.org/files/centres/0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d/"
                f"documents/{DOCUMENT_ID}/original?expires=1795861500&signature=3b1f0c9a",
                expires_at=AT + dt.timedelta(minutes=5),
            ),
            "A link valid for five minutes",
        ),
    )
    async def link(
        self, ctx: TenantContext, document_id: uuid.UUID, documents: DocumentService
    ) -> LinkOut:
        _, url, expires_at = await documents.download_link(ctx, DocumentId(document_id))
        return LinkOut(url=url, expires_at=expires_at)

    @post(
        "/{document_id:uuid}/retry",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Read a failed document again",
        description="Needs `If-Match`. Only a `failed` document can be retried (409 "
        "otherwise): it goes back to `queued` and its text is read again; `failure_reason` "
        "keeps the last failure until the new attempt settles. Audited `document.retried`.",
        operation_class=with_example(FAILED_RETRIED, "Queued again after a timeout"),
        status_code=202,
    )
    async def retry(
        self,
        ctx: TenantContext,
        document_id: uuid.UUID,
        documents: DocumentService,
        if_match: IfMatch = None,
    ) -> Response[DocumentOut]:
        expected = parse_if_match(if_match, required=True)
        document = await documents.retry(ctx, DocumentId(document_id), expected_version=expected)
        return versioned(DocumentOut.of(document), document.version, status_code=202)

    @delete(
        "/{document_id:uuid}",
        guards=[requires(Permission.CASE_WRITE)],
        summary="Delete a document and its stored file",
        description="Also removes its suggestions. Needs `If-Match` (428 without it).",
    )
    async def delete_document(
        self,
        ctx: TenantContext,
        document_id: uuid.UUID,
        documents: DocumentService,
        if_match: IfMatch = None,
    ) -> None:
        await documents.delete(
            ctx,
            DocumentId(document_id),
            expected_version=parse_if_match(if_match, required=True),
        )


def _duplicate(request: Request[Any, Any, Any], dup: DuplicateDocument) -> Response[Any]:
    existing = str(dup.existing_id)
    return Response(
        {
            "type": "https://cma.example.org/problems/duplicate-document",
            "title": "Conflict",
            "status": 409,
            "detail": dup.message,
            "instance": request.url.path,
            "errors": [{"field": "file", "message": "this file is already on the case"}],
            "existing_document_id": existing,
        },
        status_code=409,
        media_type=PROBLEM_JSON,
        headers={"Location": f"/api/v1/documents/{existing}"},
    )


def _signed_file_route(container: Any) -> Any:
    """Serves the local folder store's signed links (``/files/...?expires=&signature=``).

    The signature is the credential, as with an S3 presigned URL: no bearer token, so a
    browser can follow the link. A bad, expired or tampered link is a plain 404. With S3
    configured the store has no ``read_link`` and this route answers 404 to everything.
    """

    @get(
        "/files/{key:path}",
        exclude_from_auth=True,
        include_in_schema=False,
        summary="Follow a signed download link",
        # The link's own query (expires, signature) is read whole, as S3 reads its own.
        opt={"strict_query": False},
    )
    async def signed_file(request: Request[Any, Any, Any], key: str) -> Response[bytes]:
        store = container.document_store()
        read_link = getattr(store, "read_link", None)
        if read_link is None:
            raise NotFoundException("no such file")
        try:
            body: bytes = await read_link(str(request.url))
        except ObjectNotFound:
            raise NotFoundException("no such file, or the link has expired") from None
        return Response(
            body,
            media_type="application/octet-stream",
            headers={"Content-Disposition": "attachment", "Cache-Control": "no-store"},
        )

    return signed_file


def documents_router(container: Any) -> Router:
    """The documents routes, with the service from ``container`` and the upload limit from
    its settings."""
    settings = container.settings()
    return Router(
        path="/",
        route_handlers=[
            CaseDocumentController,
            DocumentController,
            DocumentReadingController,
            SuggestionController,
            SuggestionDecisionsController,
            _signed_file_route(container),
        ],
        dependencies={"documents": Provide(lambda: container.documents(), sync_to_thread=False)},
        request_max_body_size=settings.max_document_bytes + MULTIPART_OVERHEAD,
    )
