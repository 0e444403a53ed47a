"""Several of a case's suggestions decided at once (a statement's lines accepted together):
``POST /api/v1/cases/{case_id}/suggestions/decisions``.

Each decision is taken as its own ``/accept`` or ``/reject`` takes it, in its own
transaction and in the order given; one that cannot be taken (changed since it was seen,
already decided, of another case, its debt changed) is answered with the problem it would
have had alone, and the others stand. The answer is 200 with one result a decision."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, post
from msgspec import Meta, Struct

from cma_core.documents.model import SuggestionId, Verdict
from cma_core.documents.service import MAX_RULINGS, DocumentService, Ruled, Ruling
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.ids import CaseId
from cma_entrypoints.http.auth import requires
from cma_entrypoints.http.common.examples import example_body, with_example
from cma_entrypoints.http.common.schemas import LINE, Input, Problem
from cma_entrypoints.http.documents.examples import ACCEPTED, REJECTED, SUGGESTION_ID
from cma_entrypoints.http.documents.schemas import AcceptOut, SuggestionOut
from cma_entrypoints.http.problems import domain_problem


class DecisionIn(Input):
    suggestion_id: uuid.UUID
    version: Annotated[int, Meta(ge=1)]
    """The suggestion's version as the adviser saw it (its ``ETag``)."""
    decision: Verdict
    reason: Annotated[str, Meta(max_length=500, pattern=LINE)] | None = None
    """Why it is rejected (a rejection only)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.reason is not None and self.decision is not Verdict.REJECT:
            raise ValueError("reason: only a rejection has a reason")


class DecisionsIn(Input):
    decisions: Annotated[list[DecisionIn], Meta(min_length=1, max_length=MAX_RULINGS)]


class DecidedOut(Struct, omit_defaults=True):
    """One decision's result: ``accepted`` (what accepting did, as ``/accept`` answers),
    ``rejected`` (the suggestion), or ``problem`` (not decided, and why)."""

    suggestion_id: uuid.UUID
    decided: bool
    accepted: AcceptOut | None = None
    rejected: SuggestionOut | None = None
    problem: Problem | None = None


class DecisionsOut(Struct):
    results: list[DecidedOut]
    accepted: int
    rejected: int
    not_decided: int


def _out(ruled: Ruled, instance: str) -> DecidedOut:
    sid = uuid.UUID(str(ruled.suggestion_id))
    if ruled.decision is not None:
        return DecidedOut(suggestion_id=sid, decided=True, accepted=AcceptOut.of(ruled.decision))
    if ruled.rejected is not None:
        return DecidedOut(
            suggestion_id=sid, decided=True, rejected=SuggestionOut.of(ruled.rejected)
        )
    assert ruled.error is not None
    problem, _ = domain_problem(ruled.error, instance)
    return DecidedOut(suggestion_id=sid, decided=False, problem=problem)


_REJECTED = msgspec.structs.replace(
    REJECTED, id=uuid.UUID("2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091"), title="Spending: TV licence"
)
_EXAMPLE = DecisionsOut(
    results=[
        DecidedOut(
            suggestion_id=SUGGESTION_ID,
            decided=True,
            accepted=AcceptOut(suggestion=ACCEPTED, debt_id=None, task=None),
        ),
        DecidedOut(
            suggestion_id=uuid.UUID("8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a"),
            decided=False,
            problem=Problem(
                type="https://cma.example.org/problems/stale-version",
                title="Precondition failed",
                status=412,
                detail="suggestion is at version 2, not 1",
                instance="/api/v1/cases/6f1c2d3e-4a5b-4c6d-8e7f-901234567890/suggestions/decisions",
            ),
        ),
        DecidedOut(suggestion_id=_REJECTED.id, decided=True, rejected=_REJECTED),
    ],
    accepted=1,
    rejected=1,
    not_decided=1,
)


class SuggestionDecisionsController(Controller):
    path = "/api/v1/cases"
    tags = ["documents"]

    @post(
        "/{case_id:uuid}/suggestions/decisions",
        guards=[requires(Permission.CASE_WRITE)],
        status_code=200,
        summary="Decide several of a case's suggestions at once",
        description="Each decision (`accept`, as read, or `reject`, with an optional "
        "`reason`) is taken as `/suggestions/{id}/accept` or `/reject` takes it alone, at "
        "the `version` the adviser saw, in its own transaction, in the order given. One "
        "that cannot be taken (changed since: 412; already decided: 409; of another case: "
        "404; a debt without `finance:write`: 403) is answered in `results` with its "
        f"problem, and the others stand. At most {MAX_RULINGS} a request; a suggestion "
        "asked twice is a 422 naming it, before anything is decided. The service failing "
        "part-way (503) leaves the decisions already taken: read the list again. To "
        "accept with changes, use `/accept` with `changes`.",
        operation_class=with_example(_EXAMPLE, "Two decided, one changed since it was seen"),
    )
    async def decide(
        self,
        request: Request[Any, Any, Any],
        ctx: TenantContext,
        case_id: uuid.UUID,
        documents: DocumentService,
        data: Annotated[
            DecisionsIn,
            example_body(
                "Accept one line, reject another",
                {
                    "decisions": [
                        {"suggestion_id": str(SUGGESTION_ID), "version": 1, "decision": "accept"},
                        {
                            "suggestion_id": str(_REJECTED.id),
                            "version": 1,
                            "decision": "reject",
                            "reason": "Already on file",
                        },
                    ]
                },
            ),
        ],
    ) -> DecisionsOut:
        rulings = [
            Ruling(
                suggestion_id=SuggestionId(d.suggestion_id),
                expected_version=d.version,
                verdict=d.decision,
                reason=d.reason,
            )
            for d in data.decisions
        ]
        ruled = await documents.decide_many(ctx, CaseId(case_id), rulings)
        results = [_out(r, request.url.path) for r in ruled]
        return DecisionsOut(
            results=results,
            accepted=sum(r.accepted is not None for r in results),
            rejected=sum(r.rejected is not None for r in results),
            not_decided=sum(not r.decided for r in results),
        )
