"""Documents, suggestions and the AI case summary over HTTP."""

from cma_entrypoints.http.documents.controllers import (
    CaseDocumentController,
    DocumentController,
    documents_router,
)
from cma_entrypoints.http.documents.suggestions import SuggestionController

__all__ = [
    "CaseDocumentController",
    "DocumentController",
    "SuggestionController",
    "documents_router",
]
