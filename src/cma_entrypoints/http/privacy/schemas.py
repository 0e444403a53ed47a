"""Shapes of the data protection routes: the erasure receipt, the reason parameter and the
subject access export."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from litestar.openapi.spec import Example
from litestar.params import Parameter
from msgspec import Struct

from cma_core.privacy.service import ErasureReason, ErasureReport

_REASONS = ", ".join(f"`{r.value}`" for r in ErasureReason)

Reason = Annotated[
    str | None,
    Parameter(
        query="reason",
        required=False,
        description=f"Why the records are removed (kept in the audit trail): one of {_REASONS}. "
        "A code, never free text: the audit trail cannot be erased.",
        examples=[Example(summary="The client asked", value="data_subject_request")],
    ),
]


RequestId = Annotated[
    uuid.UUID | None,
    Parameter(
        query="request_id",
        required=False,
        description="The data-subject request in the register this answers (marked "
        "answered today, in the same transaction).",
    ),
]


class ErasureOut(Struct):
    """What was removed: ids and counts."""

    entity_type: str
    entity_id: uuid.UUID
    reason: str
    case_ids: list[uuid.UUID]
    objects_deleted: int
    rows: dict[str, int]
    erased_at: str

    @classmethod
    def of(cls, r: ErasureReport) -> ErasureOut:
        return cls(
            entity_type=r.entity_type,
            entity_id=r.entity_id,
            reason=r.reason.value,
            case_ids=list(r.case_ids),
            objects_deleted=r.objects_deleted,
            rows=dict(sorted(r.rows.items())),
            erased_at=r.at.isoformat(),
        )


class SubjectAccessExport(Struct):
    """Everything held about a client: the client's fields (decrypted) and, per case, the
    case's fields with its notes, tasks, debts, facts, budget, appraisals, offer plans,
    advice, letters, dated facts, deadlines, appointments, compliance findings, QA reviews,
    suggestions and documents (metadata and a short-lived ``download_url``). Each section
    is the stored record's fields as JSON (ids and dates as strings, money in pence)."""

    format: str
    """``cma-subject-access/1``."""
    generated_at: dt.datetime
    centre_id: uuid.UUID
    client: dict[str, Any]
    contact_consent: dict[str, Any] | None
    cases: list[dict[str, Any]]
