"""Errors of the documents area."""

from __future__ import annotations

from cma_core.shared.errors import Conflict, DomainError, NotFound


class DuplicateDocument(Conflict):
    """The same bytes (by SHA-256) are already filed on this case."""

    code = "duplicate-document"

    def __init__(self, existing_id: object, filename: str) -> None:
        super().__init__(f"this file is already on the case as {filename!r} ({existing_id})")
        self.existing_id = existing_id
        self.filename = filename


class ObjectNotFound(NotFound):
    """A document store has no object at this key *for this centre*.

    An object that exists under another centre is reported exactly the same way.
    """

    code = "object-not-found"

    def __init__(self, key: str) -> None:
        super().__init__("stored object", key)
        self.key = key


class TextExtractionFailed(DomainError):
    """OCR or text-layer extraction could not produce text (engine missing, crashed...)."""

    code = "text-extraction-failed"


class CorruptDocument(TextExtractionFailed):
    """The file claims to be a PDF or image but cannot be decoded.

    The reason is safe to show to the adviser (it names no paths or internals).
    """

    code = "corrupt-document"


class AssistantError(DomainError):
    """The assistant could not produce an answer. Nothing was changed; retrying is safe."""

    code = "assistant-error"


class AssistantUnavailable(AssistantError):
    """The assistant service could not be reached or answered with a server error."""

    code = "assistant-unavailable"


class AssistantTimeout(AssistantUnavailable):
    """The assistant did not answer within the configured time."""

    code = "assistant-timeout"


class AssistantRateLimited(AssistantUnavailable):
    """The assistant service refused the request for now (HTTP 429 or quota).

    ``retry_after_seconds`` is the service's hint, when it gave one.
    """

    code = "assistant-rate-limited"

    def __init__(self, message: str, *, retry_after_seconds: float | None = None) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class AssistantReplyInvalid(AssistantError):
    """The assistant answered, but not with what was asked for (bad JSON, wrong shape)."""

    code = "assistant-reply-invalid"
