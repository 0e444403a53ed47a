"""Multipart upload fields, checked as strictly as JSON bodies are (issue 13, ASVS V5/V12).

Litestar hands a multipart handler a ``dict`` of parts with no schema of its own, so each
upload route names its parts here: a part it does not know, a text field that is a file
(or too long, or holds control characters), a file that is missing, a text value, or a
filename that is too long or holds control characters, is a 422 problem naming the part.
The byte limit of each route is its router's ``request_max_body_size`` (413 beyond it).
The OpenAPI schema of each form comes from the same figures (``form_schema``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from litestar.datastructures import UploadFile

from cma_core.shared.errors import ValidationError
from cma_core.shared.text import LINE_FORBIDDEN

#: The longest filename an upload may carry (a common file-system limit), in characters.
MAX_FILENAME = 255
_LINE = re.compile(f"^[^{LINE_FORBIDDEN}]*$")


def only_parts(data: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    """Refuse a part the route does not take (not silently dropped)."""
    for name in sorted(data):
        if name not in allowed:
            raise ValidationError(
                name, f"is not a field of this upload (it takes: {', '.join(allowed)})"
            )


def file_part(data: Mapping[str, Any], name: str = "file") -> UploadFile:
    """The required file part ``name``, its filename checked (length, control characters)."""
    upload = data.get(name)
    if not isinstance(upload, UploadFile):
        raise ValidationError(name, f"is required: a file part named '{name}'")
    filename = upload.filename or ""
    if len(filename) > MAX_FILENAME:
        raise ValidationError(name, f"its filename must be at most {MAX_FILENAME} characters")
    if not _LINE.match(filename):
        raise ValidationError(name, "its filename must not contain control characters")
    return upload


def text_part(data: Mapping[str, Any], name: str, *, max_length: int) -> str | None:
    """The optional one-line text part ``name`` (blank: ``None``)."""
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(name, "must be a text field, not a file")
    if len(value) > max_length:
        raise ValidationError(name, f"must be at most {max_length} characters")
    if not _LINE.match(value):
        raise ValidationError(name, "must not contain control characters")
    return value.strip() or None


def file_schema(description: str) -> dict[str, Any]:
    """The OpenAPI schema of a file part, its filename bound stated."""
    return {
        "type": "string",
        "format": "binary",
        "contentMediaType": "application/octet-stream",
        "description": f"{description} Its filename: at most {MAX_FILENAME} characters, "
        "no control characters.",
    }


def form_schema(properties: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    """A multipart form's schema: these parts only."""
    return {
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }
