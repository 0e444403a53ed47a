"""One rule for every act done at a court: a last day on which the court office is closed
moves to the next day it is open (CPR 2.8(5)), in the case's own jurisdiction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from cma_core.scheduling import deadlines as dl
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.deadlines import COURT_ACTS, Deadline, DeadlineKind

D = dt.date

# Each court act, built from a trigger so that the plain count lands on Fri 25 Dec 2026
# (then Sat, Sun and the substitute Boxing Day Mon 28 Dec are closed too).
Build = Callable[[dt.date, WorkingCalendar], Deadline]
COURT_ACT_CASES: dict[DeadlineKind, tuple[dt.date, Build]] = {
    DeadlineKind.CLAIM_RESPONSE: (D(2026, 12, 11), dl.claim_response_due),
    DeadlineKind.DEFENCE: (D(2026, 11, 27), dl.defence_due),
    DeadlineKind.STATUTORY_DEMAND_SET_ASIDE: (
        D(2026, 12, 7),
        lambda day, cal: dl.statutory_demand_deadlines(day, cal)[0],
    ),
    DeadlineKind.CHARGING_ORDER_OBJECTION: (D(2026, 11, 27), dl.charging_order_objection_due),
}


def test_every_court_act_is_covered() -> None:
    assert set(COURT_ACT_CASES) == COURT_ACTS


@pytest.mark.parametrize("kind", sorted(COURT_ACT_CASES))
def test_a_court_act_due_on_a_closed_day_moves_to_the_next_open_day(
    kind: DeadlineKind, ew: WorkingCalendar
) -> None:
    trigger, build = COURT_ACT_CASES[kind]
    deadline = build(trigger, ew)
    assert deadline.kind is kind
    assert trigger + dt.timedelta(days=deadline.amount) == D(2026, 12, 25)
    assert deadline.due == D(2026, 12, 29)
    assert "CPR 2.8(5)" in deadline.source
    assert deadline.source.count("CPR 2.8(5)") == 1
    assert "court office is open" in deadline.rule


@pytest.mark.parametrize("kind", sorted(COURT_ACT_CASES))
def test_a_court_act_due_on_an_open_day_keeps_it(kind: DeadlineKind, ew: WorkingCalendar) -> None:
    trigger, build = COURT_ACT_CASES[kind]
    earlier = build(trigger - dt.timedelta(days=3), ew)  # lands on Tue 22 Dec
    assert earlier.due == D(2026, 12, 22)


@pytest.mark.parametrize("kind", sorted(COURT_ACT_CASES))
def test_the_court_office_follows_the_jurisdictions_bank_holidays(
    kind: DeadlineKind, ew: WorkingCalendar, sco: WorkingCalendar
) -> None:
    # Mon 3 Aug 2026 is a bank holiday in Scotland only.
    _, build = COURT_ACT_CASES[kind]
    amount = build(D(2026, 7, 1), ew).amount
    trigger = D(2026, 8, 3) - dt.timedelta(days=amount)
    assert build(trigger, ew).due == D(2026, 8, 3)
    assert build(trigger, sco).due == D(2026, 8, 4)


def test_acts_not_done_at_court_keep_their_calendar_day(ew: WorkingCalendar) -> None:
    # Paying a statutory demand and replying to a letter of claim are not court acts.
    _, comply = dl.statutory_demand_deadlines(D(2026, 12, 4), ew)
    assert comply.due == D(2026, 12, 25)
    assert "CPR 2.8(5)" not in comply.source
    assert dl.letter_of_claim_reply_due(D(2026, 11, 25)).due == D(2026, 12, 25)
    assert dl.court_office_due(DeadlineKind.STATUTORY_DEMAND_COMPLY, D(2026, 12, 25), ew) == D(
        2026, 12, 25
    )
