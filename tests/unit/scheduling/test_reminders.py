from __future__ import annotations

import datetime as dt
import uuid

from cma_core.scheduling.appointments import Appointment, AppointmentId, AppointmentKind
from cma_core.scheduling.calendar import WorkingCalendar
from cma_core.scheduling.deadlines import claim_response_due
from cma_core.scheduling.reminders import (
    Audience,
    CaseDeadline,
    Channel,
    ContactConsent,
    ReminderPolicy,
    plan_reminders,
)
from cma_core.shared.ids import CaseId, ClientId, UserId

UTC = dt.UTC
CLIENT = ClientId(uuid.UUID(int=10))
ADVISER = UserId(uuid.UUID(int=20))
NOW = dt.datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def appointment(start: dt.datetime) -> Appointment:
    return Appointment(
        id=AppointmentId(uuid.UUID(int=30)),
        case_id=CaseId(uuid.UUID(int=40)),
        client_id=CLIENT,
        adviser_id=ADVISER,
        kind=AppointmentKind.PHONE,
        start=start,
        end=start + dt.timedelta(hours=1),
    )


START = dt.datetime(2026, 6, 3, 10, 0, tzinfo=UTC)


def test_no_consent_no_client_reminder() -> None:
    plan = plan_reminders(
        appointments=[appointment(START)],
        deadlines=[],
        consents={},
        policy=ReminderPolicy(),
        now=NOW,
    )
    assert plan.intents == ()
    assert {s.channel for s in plan.skipped} == {Channel.SMS, Channel.EMAIL}


def test_consent_per_channel() -> None:
    consents = {CLIENT: ContactConsent(client_id=CLIENT, sms=True, email=False)}
    plan = plan_reminders(
        appointments=[appointment(START)],
        deadlines=[],
        consents=consents,
        policy=ReminderPolicy(),
        now=NOW,
    )
    assert {i.channel for i in plan.intents} == {Channel.SMS}
    assert [i.send_at for i in plan.intents] == [
        START - dt.timedelta(days=1),
        START - dt.timedelta(hours=2),
    ]
    assert [s.channel for s in plan.skipped] == [Channel.EMAIL]


def test_keys_are_idempotent_and_change_on_reschedule() -> None:
    consents = {CLIENT: ContactConsent(client_id=CLIENT, sms=True, email=True)}
    kwargs = {"deadlines": [], "consents": consents, "policy": ReminderPolicy(), "now": NOW}
    one = plan_reminders(appointments=[appointment(START)], **kwargs)  # type: ignore[arg-type]
    two = plan_reminders(appointments=[appointment(START)], **kwargs)  # type: ignore[arg-type]
    assert [i.key for i in one.intents] == [i.key for i in two.intents]
    assert len({i.key for i in one.intents}) == 4
    moved = appointment(START).rescheduled(
        START + dt.timedelta(days=1), START + dt.timedelta(days=1, hours=1)
    )
    three = plan_reminders(appointments=[moved], **kwargs)  # type: ignore[arg-type]
    assert not {i.key for i in one.intents} & {i.key for i in three.intents}


def test_past_and_cancelled_appointments_get_nothing() -> None:
    consents = {CLIENT: ContactConsent(client_id=CLIENT, sms=True)}
    plan = plan_reminders(
        appointments=[appointment(NOW - dt.timedelta(hours=1)), appointment(START).cancelled("x")],
        deadlines=[],
        consents=consents,
        policy=ReminderPolicy(),
        now=NOW,
    )
    assert plan.intents == ()


def test_deadline_reminders_adviser_always_client_only_with_consent(
    ew: WorkingCalendar,
) -> None:
    deadline = claim_response_due(dt.date(2026, 6, 1), ew)  # due 15 Jun
    item = CaseDeadline(
        case_id=CaseId(uuid.UUID(int=40)),
        deadline=deadline,
        adviser_id=ADVISER,
        client_id=CLIENT,
        remind_client=True,
    )
    plan = plan_reminders(
        appointments=[], deadlines=[item], consents={}, policy=ReminderPolicy(), now=NOW
    )
    assert {i.audience for i in plan.intents} == {Audience.ADVISER}
    assert len(plan.intents) == 3
    assert plan.intents[0].send_at.date() == dt.date(2026, 6, 8)
    assert len(plan.skipped) == 2
    consents = {CLIENT: ContactConsent(client_id=CLIENT, email=True)}
    plan = plan_reminders(
        appointments=[], deadlines=[item], consents=consents, policy=ReminderPolicy(), now=NOW
    )
    client = [i for i in plan.intents if i.audience is Audience.CLIENT]
    assert {i.channel for i in client} == {Channel.EMAIL}
    assert len(client) == 3
