"""The read models: the case list's rows (one per case) and each case's timeline.

The case list's read model: one row per case with what a list of cases shows.

A row is a projection of the write side (the case, its client, tasks, deadlines and
compliance findings), rewritten whole from the current state each time an event about the
case is handled, so a row never depends on the order events arrive in. ``as_of`` is the
bookkeeping: the newest event applied to the row (a rebuild stamps the time it read the
write side); everything else is the row's ``content`` and a rebuild must reproduce it.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping

import attrs
from attrs import frozen

from cma_core.cases.model import CaseStatus, CloseReason
from cma_core.shared.ids import CaseId, CentreId, ClientId, UserId

#: ``as_of`` of content compared without bookkeeping.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

FindingCounts = Mapping[str, Mapping[str, int]]
"""Findings by status, then severity: ``{"fail": {"critical": 1}, "pass": {"high": 9}}``
(only non-zero counts)."""


@frozen(kw_only=True)
class CaseListRow:
    centre_id: CentreId
    case_id: CaseId
    reference: str
    status: CaseStatus
    close_reason: CloseReason | None
    client_id: ClientId
    #: The client's display name: personal data, sealed at rest with the centre's data key
    #: by the SQL adapter (as the clients' own columns are); shown only with ``client:read``.
    client_name: str | None
    adviser_id: UserId | None
    opened_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    #: The case aggregate's version (its ETag), as the write side has it.
    case_version: int
    #: The soonest open deadline of the case (its last day), if any.
    next_deadline: dt.date | None
    open_tasks: int
    findings: FindingCounts
    #: The newest of the case's own change and its tasks' changes.
    last_activity_at: dt.datetime
    as_of: dt.datetime

    def content(self) -> CaseListRow:
        """The row without its bookkeeping (to compare a rebuild with incremental state)."""
        return attrs.evolve(self, as_of=EPOCH)

    @property
    def failing(self) -> int:
        """How many findings fail, whatever their severity."""
        return sum(self.findings.get("fail", {}).values())


@frozen(kw_only=True)
class ReadVersion:
    """What a read of the case list reflects.

    ``watermark``: every event of the centre that occurred before it is applied to the
    rows read (the projection's version; at most the time of the read). ``lag_seconds``:
    how long the oldest unapplied event has waited (0 when none). ``source``:
    ``projection``, or ``write`` when read-your-writes fell back to the write tables.
    """

    watermark: dt.datetime
    lag_seconds: float
    source: str = "projection"


class TimelineKind(enum.StrEnum):
    """What a timeline entry is about (the ``kind`` filter of a case's timeline)."""

    CASE = "case"
    NOTE = "note"
    DOCUMENT = "document"
    DEADLINE = "deadline"
    APPOINTMENT = "appointment"
    TASK = "task"
    CONTACT = "contact"
    LETTER = "letter"
    DEBT = "debt"
    FINDING = "finding"


@frozen(kw_only=True)
class TimelineEntry:
    """One thing that happened on a case, as its timeline shows it.

    Entries are derived from the write side (each record's own timestamps), so a rebuild
    reproduces them: ``entry_id`` is a name-based UUID of what the entry is about
    (``uuid5``), stable across rewrites. ``title`` is fixed wording without personal data
    ("Note added", "Sensitive note"); ``detail`` is the record's own words (a note's body,
    a document's filename, a letter's subject), sealed at rest by the SQL adapter as the
    case list seals the client's name, and ``None`` for a sensitive note.
    """

    centre_id: CentreId
    case_id: CaseId
    client_id: ClientId
    entry_id: uuid.UUID
    kind: TimelineKind
    #: What happened: opened, closed, reopened, added, uploaded, processed, failed, set,
    #: met, missed, booked, attended, no_show, cancelled, created, completed, logged,
    #: produced, sent, raised.
    action: str
    at: dt.datetime
    #: The record the entry is about (the note, document, deadline...; the case itself).
    subject_id: uuid.UUID
    actor_id: UserId | None
    title: str
    detail: str | None
    sensitive: bool = False


class WorkSection(enum.StrEnum):
    """A section of a user's work queue."""

    TASK = "task"
    DEADLINE = "deadline"
    APPOINTMENT = "appointment"
    DOCUMENT = "document"


@frozen(kw_only=True)
class WorkItem:
    """One item of a user's work queue: an open task assigned to them, an open deadline of
    a case they advise, an appointment booked with them, a document's suggestion waiting
    for their review on a case they advise.

    ``scope_id`` is what the projection rewrites whole: the case (or a free-standing task's
    own id). ``at`` orders the queue, soonest first: a task's due time (its creation when
    undated), a deadline's last day (midnight UTC), an appointment's start, a suggestion's
    creation. ``title`` is fixed wording or a task's own title; no client's name.
    """

    centre_id: CentreId
    user_id: UserId
    section: WorkSection
    item_id: uuid.UUID
    scope_id: uuid.UUID
    case_id: CaseId | None
    at: dt.datetime
    title: str
    #: A task's priority, a deadline's kind, an appointment's kind, a suggestion's kind.
    label: str | None = None
    #: A task's own: its kind, its due time (``None`` when undated: ``at`` is then its
    #: creation) and its version (what the console sends as If-Match). ``None`` otherwise.
    kind: str | None = None
    due_at: dt.datetime | None = None
    version: int | None = None
    #: The case's reference ("C-000012"), so a queue tells its items apart without opening
    #: them (a task's title is often the same on every case); ``None`` without a case.
    case_reference: str | None = None
    #: A suggestion's: how many of the values it is made of are to be checked against the
    #: page (``Waiting.to_check``); ``None`` for the other sections.
    to_check: int | None = None


WorkCounts = Mapping[WorkSection, int]
