"""Domain events: facts, named in the past tense, recorded by aggregates."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
from attrs import field, frozen

from cma_core.shared.ids import CentreId, EventId


def _new_event_id() -> EventId:
    return EventId(uuid.uuid4())


@frozen(kw_only=True)
class DomainEvent:
    """Base of every event. ``name`` is the stable wire name used in the outbox."""

    name: ClassVar[str] = "DomainEvent"

    centre_id: CentreId
    occurred_at: dt.datetime
    event_id: EventId = field(factory=_new_event_id)

    def payload(self) -> dict[str, Any]:
        """The event's own fields as JSON-friendly values (ids and dates as strings)."""
        out: dict[str, Any] = {}
        for a in attrs.fields(type(self)):
            if a.name in {"centre_id", "occurred_at", "event_id"}:
                continue
            out[a.name] = _jsonable(getattr(self, a.name))
        return out


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


@frozen(kw_only=True)
class EventEnvelope:
    """An event as stored in the outbox and carried to the worker: ids and JSON, no objects."""

    event_id: EventId
    centre_id: CentreId
    name: str
    occurred_at: dt.datetime
    payload: dict[str, Any]

    @classmethod
    def wrap(cls, event: DomainEvent) -> EventEnvelope:
        return cls(
            event_id=event.event_id,
            centre_id=event.centre_id,
            name=event.name,
            occurred_at=event.occurred_at,
            payload=event.payload(),
        )


@attrs.define(slots=True)
class Aggregate:
    """Base of aggregates: a version for optimistic concurrency and the events recorded.

    ``version`` starts at 1 when created and the repository bumps it on every save.
    """

    _events: list[DomainEvent] = field(factory=list, init=False, eq=False, repr=False)

    def record(self, event: DomainEvent) -> None:
        self._events.append(event)

    def pull_events(self) -> list[DomainEvent]:
        """Hand the recorded events over (to the unit of work) and forget them."""
        events, self._events = self._events, []
        return events


def staged_events(
    staged: Mapping[object, Aggregate | tuple[DomainEvent, ...]],
) -> list[DomainEvent]:
    """What a unit of work writes to the outbox on commit, in the order it was staged: the
    events recorded by each tracked aggregate (pulled from it) and each batch emitted
    directly (``UnitOfWork.emit``)."""
    events: list[DomainEvent] = []
    for source in staged.values():
        events.extend(source if isinstance(source, tuple) else source.pull_events())
    return events
