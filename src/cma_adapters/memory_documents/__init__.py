"""In-memory fakes of the document ports, for unit tests and embedding programs."""

from cma_adapters.memory_documents.assistant import ScriptedAssistant
from cma_adapters.memory_documents.store import InMemoryDocumentStore
from cma_adapters.memory_documents.text import CannedTextExtractor

__all__ = ["CannedTextExtractor", "InMemoryDocumentStore", "ScriptedAssistant"]
