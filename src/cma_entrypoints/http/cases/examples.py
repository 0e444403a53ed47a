"""OpenAPI examples of the case routes, built with the response shapes themselves."""

from __future__ import annotations

import uuid

import msgspec

from cma_core.cases.model import CaseStatus, CloseReason
from cma_entrypoints.http.cases.schemas import CaseOut, NoteOut
from cma_entrypoints.http.common import examples as ex

CASE_EXAMPLE = CaseOut(
    id=ex.CASE_ID,
    reference="C-000012",
    client_id=ex.CLIENT_ID,
    status=CaseStatus.OPEN,
    adviser_id=ex.ADVISER_ID,
    opened_at=ex.EARLIER,
    updated_at=ex.AT,
    closed_at=None,
    close_reason=None,
    version=2,
    client_name="Ann Lee",
    adviser_name="Ada Adviser",
)

CLOSED_CASE_EXAMPLE = CaseOut(
    **{
        **msgspec.structs.asdict(CASE_EXAMPLE),
        "status": CaseStatus.CLOSED,
        "closed_at": ex.AT,
        "close_reason": CloseReason.ADVICE_COMPLETE,
        "version": 3,
    }
)

REOPENED_CASE_EXAMPLE = CaseOut(
    **{**msgspec.structs.asdict(CASE_EXAMPLE), "updated_at": ex.AT, "version": 4}
)

NOTE_EXAMPLE = NoteOut(
    id=uuid.UUID("7d8e9f00-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
    author_id=ex.ADVISER_ID,
    body="Phoned the client: brought 6 letters to the first meeting; bailiff visit due.",
    sensitive=False,
    created_at=ex.AT,
    author_name="Ada Adviser",
)
