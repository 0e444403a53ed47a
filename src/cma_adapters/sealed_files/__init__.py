"""Uploaded files sealed with the centre's data key, around any document store."""

from cma_adapters.sealed_files.store import FileKey, FileKeys, SealedDocumentStore

__all__ = ["FileKey", "FileKeys", "SealedDocumentStore"]
