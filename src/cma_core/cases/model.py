"""The case aggregate and its events.

State machine: ``open`` → ``closed`` (with a reason) → ``open`` again (reopen). What a
case records may change only while it is open (``Case.require_open``): its notes and
adviser here, and, through the areas' use cases, its debts, budget, options and offers,
advice and letters, checklist, screenings, credit reports, eligibility, case clock and
appointments. What goes on after a case closes stays open to record: documents arriving,
contacts, complaints, settlements and Breathing Space, a letter marked sent, an
appointment cancelled or attended, and privacy requests.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from attrs import define, field, frozen

from cma_core.identity.permissions import Permission
from cma_core.shared.errors import CaseIsClosed, InvalidTransition, ValidationError
from cma_core.shared.events import Aggregate, DomainEvent
from cma_core.shared.ids import CaseId, CentreId, ClientId, NoteId, UserId
from cma_core.shared.text import check_text

if TYPE_CHECKING:
    from cma_core.identity.model import TenantContext

MAX_NOTE_LENGTH = 20_000


def sees_work_of(ctx: TenantContext, adviser_id: UserId | None) -> bool:
    """The visibility rule: with ``case:read_all`` a user sees every case of the centre
    (and its appointments); otherwise only what is assigned to them."""
    return ctx.can(Permission.CASE_READ_ALL) or adviser_id == ctx.user_id


def visible_adviser(ctx: TenantContext, asked: UserId | None) -> tuple[bool, UserId | None]:
    """The same rule for a list filtered by adviser: whether anything can be shown, and
    the adviser to filter by. With ``case:read_all``, whatever was asked (``None``: all);
    otherwise the user's own work, and nothing when another adviser's was asked for."""
    if ctx.can(Permission.CASE_READ_ALL):
        return True, asked
    return asked is None or asked == ctx.user_id, ctx.user_id


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CloseReason(enum.StrEnum):
    ADVICE_COMPLETE = "advice_complete"
    CLIENT_DISENGAGED = "client_disengaged"
    REFERRED_ELSEWHERE = "referred_elsewhere"
    SOLUTION_IN_PLACE = "solution_in_place"
    OTHER = "other"


@frozen(kw_only=True)
class CaseOpened(DomainEvent):
    name = "CaseOpened"
    case_id: CaseId
    client_id: ClientId
    adviser_id: UserId | None
    opened_by: UserId | None


@frozen(kw_only=True)
class AdviserAssigned(DomainEvent):
    name = "AdviserAssigned"
    case_id: CaseId
    adviser_id: UserId | None
    previous_adviser_id: UserId | None


@frozen(kw_only=True)
class CaseNoteAdded(DomainEvent):
    name = "CaseNoteAdded"
    case_id: CaseId
    note_id: NoteId
    author_id: UserId | None


@frozen(kw_only=True)
class CaseClosed(DomainEvent):
    name = "CaseClosed"
    case_id: CaseId
    reason: str
    closed_by: UserId | None


@frozen(kw_only=True)
class CaseReopened(DomainEvent):
    name = "CaseReopened"
    case_id: CaseId
    reopened_by: UserId | None


@frozen(kw_only=True)
class Note:
    id: NoteId
    author_id: UserId | None
    body: str
    created_at: dt.datetime
    sensitive: bool = False


@define(kw_only=True)
class Case(Aggregate):
    id: CaseId
    centre_id: CentreId
    client_id: ClientId
    reference: str
    status: CaseStatus
    adviser_id: UserId | None
    opened_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None = None
    close_reason: CloseReason | None = None
    notes: list[Note] = field(factory=list)
    version: int = 1

    @classmethod
    def open(
        cls,
        *,
        case_id: CaseId,
        centre_id: CentreId,
        client_id: ClientId,
        reference: str,
        adviser_id: UserId | None,
        now: dt.datetime,
        by: UserId | None,
    ) -> Case:
        case = cls(
            id=case_id,
            centre_id=centre_id,
            client_id=client_id,
            reference=reference,
            status=CaseStatus.OPEN,
            adviser_id=adviser_id,
            opened_at=now,
            updated_at=now,
        )
        case.record(
            CaseOpened(
                centre_id=centre_id,
                occurred_at=now,
                case_id=case_id,
                client_id=client_id,
                adviser_id=adviser_id,
                opened_by=by,
            )
        )
        return case

    def visible_to(self, ctx: TenantContext) -> bool:
        """Whether ``ctx`` may see this case: every case of the centre with
        ``case:read_all``, otherwise only the cases assigned to the user. (Another centre's
        case never reaches here: the unit of work sees only its own centre.)"""
        return sees_work_of(ctx, self.adviser_id)

    @property
    def is_open(self) -> bool:
        return self.status is CaseStatus.OPEN

    def require_open(self, action: str) -> None:
        """``CaseIsClosed`` unless the case is open: ``action`` ("add a debt") is refused
        while the case is closed, in words that say how to go on."""
        if not self.is_open:
            raise CaseIsClosed(
                f"cannot {action}: case {self.reference} is closed; reopen it to change it"
            )

    def assign(self, adviser_id: UserId | None, *, now: dt.datetime) -> None:
        self.require_open("assign an adviser")
        if adviser_id == self.adviser_id:
            return
        previous, self.adviser_id = self.adviser_id, adviser_id
        self.updated_at = now
        self.record(
            AdviserAssigned(
                centre_id=self.centre_id,
                occurred_at=now,
                case_id=self.id,
                adviser_id=adviser_id,
                previous_adviser_id=previous,
            )
        )

    def add_note(
        self,
        *,
        note_id: NoteId,
        body: str,
        author_id: UserId | None,
        now: dt.datetime,
        sensitive: bool = False,
    ) -> Note:
        self.require_open("add a note")
        text = body.strip()
        if not text:
            raise ValidationError("body", "must not be empty")
        check_text(text, "body", max_length=MAX_NOTE_LENGTH)
        note = Note(id=note_id, author_id=author_id, body=text, created_at=now, sensitive=sensitive)
        self.notes.append(note)
        self.updated_at = now
        self.record(
            CaseNoteAdded(
                centre_id=self.centre_id,
                occurred_at=now,
                case_id=self.id,
                note_id=note_id,
                author_id=author_id,
            )
        )
        return note

    def close(self, *, reason: CloseReason, now: dt.datetime, by: UserId | None) -> None:
        if not self.is_open:
            raise InvalidTransition(f"case {self.reference} is already closed")
        self.status = CaseStatus.CLOSED
        self.closed_at = now
        self.close_reason = reason
        self.updated_at = now
        self.record(
            CaseClosed(
                centre_id=self.centre_id,
                occurred_at=now,
                case_id=self.id,
                reason=reason.value,
                closed_by=by,
            )
        )

    def reopen(self, *, now: dt.datetime, by: UserId | None) -> None:
        if self.is_open:
            raise InvalidTransition(f"case {self.reference} is already open")
        self.status = CaseStatus.OPEN
        self.closed_at = None
        self.close_reason = None
        self.updated_at = now
        self.record(
            CaseReopened(centre_id=self.centre_id, occurred_at=now, case_id=self.id, reopened_by=by)
        )
