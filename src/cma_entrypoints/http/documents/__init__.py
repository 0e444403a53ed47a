"""Documents, suggestions and the AI case summary over HTTP."""

from cma_entrypoints.http.documents.controllers import (
    CaseDocumentController,
    DocumentController,
    SuggestionController,
    documents_router,
)

__all__ = [
    "CaseDocumentController",
    "DocumentController",
    "SuggestionController",
    "documents_router",
]
