"""Examples for the OpenAPI document, added to the responses Litestar generates.

``with_example(value, summary)`` is a handler's ``operation_class``: it keeps the success
response Litestar derives from the return annotation (schema, description, the security
headers) and adds ``value`` as its example. ``value`` is an instance of the response
class itself (a ``Struct``, or a list of them), encoded as the handler would send it, so
an example cannot name a field the response does not have; tests/e2e/test_openapi_shapes.py
validates every example against its schema.

``example_body(summary, value)`` is a request body's ``Body`` with one example.

``binary_response(...)`` documents a success response that sends bytes, not JSON;
``raw_request_body(...)`` a request whose body is a document as it is (bytes), not JSON
the handler decodes.

The ids, dates and people below are made up and shared by the examples, so one example
can refer to another (a case's ``client_id`` is the client example's ``id``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import msgspec
from litestar.openapi.spec import (
    Example,
    OpenAPIMediaType,
    OpenAPIResponse,
    RequestBody,
    Schema,
)
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType
from litestar.openapi.spec.operation import Operation
from litestar.params import Body, BodyKwarg

CENTRE_ID = uuid.UUID("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d")
ADVISER_ID = uuid.UUID("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a")
MANAGER_ID = uuid.UUID("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b")
CLIENT_ID = uuid.UUID("0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b")
CASE_ID = uuid.UUID("6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
DOCUMENT_ID = uuid.UUID("3c2b1a09-8f7e-4d6c-b5a4-93827160fedc")
CREDITOR_ID = uuid.UUID("4d5e6f70-8192-4a3b-9c4d-5e6f70819203")
DEBT_ID = uuid.UUID("2a3b4c5d-6e7f-4081-9263-a4b5c6d7e8f9")
TASK_ID = uuid.UUID("8c9d0e1f-2a3b-4c4d-9e5f-60718293a4b5")
ON = dt.date(2026, 11, 28)
AT = dt.datetime(2026, 11, 28, 10, 30, tzinfo=dt.UTC)
EARLIER = dt.datetime(2026, 11, 2, 9, 15, tzinfo=dt.UTC)


@dataclass
class JsonExample(Example):
    """An ``Example`` whose value is written as given. Litestar drops ``None`` from every
    dict while writing the document, which took the ``null`` fields out of examples (a
    response always sends them)."""

    def to_schema(self) -> dict[str, Any]:
        out = super().to_schema()
        out["value"] = self.value
        return out


def page(*items: Any) -> dict[str, Any]:
    """The page fields for a first page holding ``items``."""
    return {"items": list(items), "total": len(items), "limit": 50, "offset": 0}


def example_body(summary: str, value: Any) -> BodyKwarg:
    """A request body documented with one example, for ``Annotated[SomeIn, example_body(...)]``."""
    body: BodyKwarg = Body(examples=[Example(summary=summary, value=value)])
    return body


def with_example(value: Any, summary: str, status: int | None = None) -> type[Operation]:
    """An ``operation_class`` that adds ``value`` as the example of the operation's one
    2xx ``application/json`` response (or of its ``status`` response, where it has two)."""
    data = msgspec.to_builtins(value)

    @dataclass
    class WithExample(Operation):
        def __post_init__(self) -> None:
            media = [
                content["application/json"]
                for code, response in (self.responses or {}).items()
                if (code == str(status) if status else code.startswith("2"))
                and isinstance(response, OpenAPIResponse)
                and (content := response.content)
                and "application/json" in content
            ]
            if len(media) != 1:
                msg = f"{self.operation_id}: no single JSON success response to give an example"
                raise RuntimeError(msg)
            media[0].examples = {"example": JsonExample(summary=summary, value=data)}

    return WithExample


def binary_response(status: int, description: str, media_types: dict[str, str]) -> type[Operation]:
    """An ``operation_class`` documenting the ``status`` response as bytes in one of
    ``media_types`` (media type → what it is), keeping its headers."""

    @dataclass
    class Binary(Operation):
        def __post_init__(self) -> None:
            response = (self.responses or {})[str(status)]
            assert isinstance(response, OpenAPIResponse)
            response.description = description
            response.content = {
                media: OpenAPIMediaType(
                    schema=Schema(
                        type=OpenAPIType.STRING,
                        format=OpenAPIFormat.BINARY,
                        description=what,
                    )
                )
                for media, what in media_types.items()
            }

    return Binary


def raw_request_body(description: str, media_types: dict[str, str]) -> type[Operation]:
    """An ``operation_class`` documenting the request body as a document in one of
    ``media_types`` (media type → what it is), read by the handler as bytes
    (``request.body()``), which Litestar cannot see."""

    @dataclass
    class Raw(Operation):
        def __post_init__(self) -> None:
            self.request_body = RequestBody(
                description=description,
                required=True,
                content={
                    media: OpenAPIMediaType(
                        schema=Schema(
                            type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY, description=what
                        )
                    )
                    for media, what in media_types.items()
                },
            )

    return Raw
