"""The case state machine: open → closed → open, and what a closed case refuses."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from cma_core.cases.model import (
    MAX_NOTE_LENGTH,
    AdviserAssigned,
    Case,
    CaseClosed,
    CaseNoteAdded,
    CaseOpened,
    CaseReopened,
    CaseStatus,
    CloseReason,
)
from cma_core.shared.errors import CaseIsClosed, InvalidTransition, ValidationError
from cma_core.shared.ids import CaseId, CentreId, ClientId, NoteId, UserId

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CENTRE = CentreId(uuid.UUID(int=1))
ADVISER = UserId(uuid.UUID(int=2))
OTHER = UserId(uuid.UUID(int=3))


def note_id() -> NoteId:
    return NoteId(uuid.uuid4())


def open_case(adviser: UserId | None = ADVISER) -> Case:
    return Case.open(
        case_id=CaseId(uuid.uuid4()),
        centre_id=CENTRE,
        client_id=ClientId(uuid.uuid4()),
        reference="C-000001",
        adviser_id=adviser,
        now=T0,
        by=ADVISER,
    )


def test_open_starts_open_at_version_1_and_records_case_opened() -> None:
    case = open_case()
    assert case.status is CaseStatus.OPEN
    assert case.is_open
    assert case.version == 1
    assert (case.opened_at, case.updated_at, case.closed_at) == (T0, T0, None)
    [event] = case.pull_events()
    assert isinstance(event, CaseOpened)
    assert (event.case_id, event.client_id, event.adviser_id) == (
        case.id,
        case.client_id,
        ADVISER,
    )


def test_close_then_reopen() -> None:
    case = open_case()
    case.pull_events()
    case.close(reason=CloseReason.SOLUTION_IN_PLACE, now=T0 + dt.timedelta(days=1), by=OTHER)
    assert case.status is CaseStatus.CLOSED
    assert case.close_reason is CloseReason.SOLUTION_IN_PLACE
    assert case.closed_at == case.updated_at == T0 + dt.timedelta(days=1)
    case.reopen(now=T0 + dt.timedelta(days=2), by=OTHER)
    assert case.is_open
    assert case.closed_at is None
    assert case.close_reason is None
    assert case.updated_at == T0 + dt.timedelta(days=2)
    closed, reopened = case.pull_events()
    assert isinstance(closed, CaseClosed)
    assert (closed.reason, closed.closed_by) == ("solution_in_place", OTHER)
    assert isinstance(reopened, CaseReopened)
    assert reopened.reopened_by == OTHER


def test_closing_twice_is_an_invalid_transition() -> None:
    case = open_case()
    case.close(reason=CloseReason.OTHER, now=T0, by=None)
    case.pull_events()
    with pytest.raises(InvalidTransition):
        case.close(reason=CloseReason.OTHER, now=T0, by=None)
    assert case.pull_events() == []


def test_reopening_an_open_case_is_an_invalid_transition() -> None:
    with pytest.raises(InvalidTransition):
        open_case().reopen(now=T0, by=None)


def test_add_note_strips_and_records() -> None:
    case = open_case()
    case.pull_events()
    note = case.add_note(
        note_id=note_id(), body="  Called client.  ", author_id=ADVISER, now=T0, sensitive=True
    )
    assert note.body == "Called client."
    assert note.sensitive
    assert case.notes == [note]
    [event] = case.pull_events()
    assert isinstance(event, CaseNoteAdded)
    assert (event.note_id, event.author_id) == (note.id, ADVISER)


def test_notes_keep_their_order() -> None:
    case = open_case()
    for i in range(3):
        case.add_note(note_id=note_id(), body=f"n{i}", author_id=None, now=T0)
    assert [n.body for n in case.notes] == ["n0", "n1", "n2"]


def test_a_closed_case_takes_no_notes_and_no_assignment() -> None:
    case = open_case()
    case.close(reason=CloseReason.OTHER, now=T0, by=None)
    with pytest.raises(CaseIsClosed, match=r"cannot add a note: case \S+ is closed; reopen it"):
        case.add_note(note_id=note_id(), body="late", author_id=None, now=T0)
    with pytest.raises(CaseIsClosed, match="cannot assign an adviser"):
        case.assign(OTHER, now=T0)
    assert case.notes == []
    assert case.adviser_id == ADVISER
    # Other areas ask the same question of the case before they change what it records.
    with pytest.raises(CaseIsClosed) as refused:
        case.require_open("add a debt")
    assert refused.value.code == "case-closed"
    assert refused.value.message == (
        f"cannot add a debt: case {case.reference} is closed; reopen it to change it"
    )
    case.reopen(now=T0, by=None)
    case.require_open("add a debt")  # open again: nothing to refuse


@pytest.mark.parametrize("body", ["", "   \n\t "])
def test_empty_note_is_refused(body: str) -> None:
    case = open_case()
    with pytest.raises(ValidationError) as err:
        case.add_note(note_id=note_id(), body=body, author_id=None, now=T0)
    assert err.value.field == "body"
    assert case.notes == []


def test_note_length_limit_is_inclusive() -> None:
    case = open_case()
    case.add_note(note_id=note_id(), body="x" * MAX_NOTE_LENGTH, author_id=None, now=T0)
    with pytest.raises(ValidationError) as err:
        case.add_note(note_id=note_id(), body="x" * (MAX_NOTE_LENGTH + 1), author_id=None, now=T0)
    assert err.value.field == "body"
    assert len(case.notes) == 1


def test_assign_records_previous_adviser_and_ignores_no_change() -> None:
    case = open_case()
    case.pull_events()
    case.assign(ADVISER, now=T0 + dt.timedelta(hours=1))
    assert case.pull_events() == []
    assert case.updated_at == T0
    case.assign(OTHER, now=T0 + dt.timedelta(hours=2))
    case.assign(None, now=T0 + dt.timedelta(hours=3))
    assert case.adviser_id is None
    assert case.updated_at == T0 + dt.timedelta(hours=3)
    first, second = case.pull_events()
    assert isinstance(first, AdviserAssigned)
    assert (first.adviser_id, first.previous_adviser_id) == (OTHER, ADVISER)
    assert isinstance(second, AdviserAssigned)
    assert (second.adviser_id, second.previous_adviser_id) == (None, OTHER)


def test_event_payload_is_json_friendly() -> None:
    case = open_case()
    [event] = case.pull_events()
    assert event.payload() == {
        "case_id": str(case.id),
        "client_id": str(case.client_id),
        "adviser_id": str(ADVISER),
        "opened_by": str(ADVISER),
    }
