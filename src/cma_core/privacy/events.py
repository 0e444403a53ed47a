"""Events of erasure: ids only, so the areas that keep copies (the search index) remove
theirs. Emitted in the transaction that erases, after the eraser removed the outbox events
naming the case or client (so these stay)."""

from __future__ import annotations

from attrs import frozen

from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CaseId, ClientId


@frozen(kw_only=True)
class CaseErased(DomainEvent):
    name = "CaseErased"
    case_id: CaseId
    client_id: ClientId


@frozen(kw_only=True)
class ClientErased(DomainEvent):
    name = "ClientErased"
    client_id: ClientId
