"""Documents kept in a local folder: the embedded default (a laptop, a single server)."""

from cma_adapters.localfs.store import LocalFolderDocumentStore

__all__ = ["LocalFolderDocumentStore"]
