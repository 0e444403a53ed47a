"""Data protection over HTTP: the subject access export; erasure receipts and examples
(the erasure routes are on the case and client controllers)."""

from cma_entrypoints.http.privacy.controllers import SubjectAccessController

__all__ = ["SubjectAccessController"]
