"""Reminder planning: what reminders should exist, as intents with idempotency keys.

The planner is pure and can run as often as the worker likes: the same facts give the same
keys, and a notifier that remembers sent keys sends each reminder once. Rescheduling an
appointment changes its start, hence its keys, so the client is reminded of the new time.

Consent: a client reminder goes out on a channel only if the client's consent to that
channel is recorded (PECR and UK GDPR; an advice centre must not text someone who said
no). No consent → no client reminder, and the skipped reminder is reported so the adviser
can see why. Staff reminders about deadlines are internal and need no consent.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from attrs import frozen

from cma_core.scheduling.appointments import LONDON, Appointment
from cma_core.scheduling.deadlines import Deadline
from cma_core.shared.ids import CaseId, ClientId, UserId
from cma_core.shared.time import require_aware


class Channel(enum.StrEnum):
    EMAIL = "email"
    SMS = "sms"
    IN_APP = "in_app"  # staff inbox; never used for clients


class Audience(enum.StrEnum):
    CLIENT = "client"
    ADVISER = "adviser"


@frozen(kw_only=True)
class ContactConsent:
    """The client's recorded answer per channel. ``None`` = never asked, treated as no."""

    client_id: ClientId
    email: bool | None = None
    sms: bool | None = None

    def allows(self, channel: Channel) -> bool:
        if channel is Channel.EMAIL:
            return self.email is True
        if channel is Channel.SMS:
            return self.sms is True
        return False


@frozen(kw_only=True)
class ReminderPolicy:
    """Per-centre offsets. Appointment offsets are before the start; deadline offsets are
    whole days before the due date, sent at ``send_time`` local time."""

    appointment_offsets: tuple[dt.timedelta, ...] = (dt.timedelta(days=1), dt.timedelta(hours=2))
    appointment_channels: tuple[Channel, ...] = (Channel.SMS, Channel.EMAIL)
    deadline_offsets_days: tuple[int, ...] = (7, 2, 0)
    send_time: dt.time = dt.time(9, 0)
    timezone: str = LONDON


@frozen(kw_only=True)
class CaseDeadline:
    """A deadline on a case, with who should hear about it."""

    case_id: CaseId
    deadline: Deadline
    adviser_id: UserId | None
    client_id: ClientId | None = None
    remind_client: bool = False  # e.g. "reply to the court by…"; off for internal targets


@frozen(kw_only=True)
class ReminderIntent:
    key: str
    send_at: dt.datetime
    audience: Audience
    channel: Channel
    recipient: str  # client or user id as text
    subject_kind: str  # "appointment" or the deadline kind
    subject_ref: str
    event_at: dt.datetime
    case_id: CaseId | None = None


@frozen(kw_only=True)
class SkippedReminder:
    subject_ref: str
    channel: Channel
    reason: str


@frozen(kw_only=True)
class ReminderPlan:
    intents: tuple[ReminderIntent, ...]
    skipped: tuple[SkippedReminder, ...]


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


def _offset_label(offset: dt.timedelta) -> str:
    return str(int(offset.total_seconds()))


def plan_reminders(
    *,
    appointments: Iterable[Appointment],
    deadlines: Iterable[CaseDeadline],
    consents: Mapping[ClientId, ContactConsent],
    policy: ReminderPolicy,
    now: dt.datetime,
) -> ReminderPlan:
    """Reminder intents for events still ahead of ``now``.

    Intents whose ``send_at`` has already passed are still returned while the event is in
    the future (the worker may have been down); the idempotency key stops a second send.
    Only booked appointments are reminded.
    """
    now = require_aware(now, field="now")
    zone = ZoneInfo(policy.timezone)
    intents: list[ReminderIntent] = []
    skipped: list[SkippedReminder] = []

    for appt in appointments:
        if appt.holds_slot and appt.start > now:
            _remind_appointment(appt, consents.get(appt.client_id), policy, intents, skipped)
    for item in deadlines:
        _remind_deadline(item, consents, policy, zone, now, intents, skipped)

    intents.sort(key=lambda i: (i.send_at, i.key))
    return ReminderPlan(intents=tuple(intents), skipped=tuple(skipped))


def _no_consent(subject_ref: str, channel: Channel) -> SkippedReminder:
    return SkippedReminder(
        subject_ref=subject_ref,
        channel=channel,
        reason=f"no recorded client consent to {channel} reminders",
    )


def _remind_appointment(
    appt: Appointment,
    consent: ContactConsent | None,
    policy: ReminderPolicy,
    intents: list[ReminderIntent],
    skipped: list[SkippedReminder],
) -> None:
    """The client's reminders of one booked appointment ahead, on each consented channel."""
    for channel in policy.appointment_channels:
        if consent is None or not consent.allows(channel):
            skipped.append(_no_consent(str(appt.id), channel))
            continue
        for offset in policy.appointment_offsets:
            intents.append(
                ReminderIntent(
                    key=_key(
                        "appointment",
                        str(appt.id),
                        appt.start.isoformat(),
                        _offset_label(offset),
                        channel,
                    ),
                    send_at=appt.start - offset,
                    audience=Audience.CLIENT,
                    channel=channel,
                    recipient=str(appt.client_id),
                    subject_kind="appointment",
                    subject_ref=str(appt.id),
                    event_at=appt.start,
                    case_id=appt.case_id,
                )
            )


def _remind_deadline(
    item: CaseDeadline,
    consents: Mapping[ClientId, ContactConsent],
    policy: ReminderPolicy,
    zone: ZoneInfo,
    now: dt.datetime,
    intents: list[ReminderIntent],
    skipped: list[SkippedReminder],
) -> None:
    """The adviser's (in-app) and, where asked and consented, the client's reminders of one
    deadline still ahead, at each offset before it is due."""
    dl = item.deadline
    ref = f"{item.case_id}:{dl.kind}:{dl.trigger.isoformat()}"
    due_at = dt.datetime.combine(dl.due, dt.time(23, 59), tzinfo=zone)
    if due_at <= now:
        return
    consent = consents.get(item.client_id) if item.client_id is not None else None
    for days in policy.deadline_offsets_days:
        send_at = dt.datetime.combine(
            dl.due - dt.timedelta(days=days), policy.send_time, tzinfo=zone
        )
        base = (ref, dl.due.isoformat(), str(days))

        def intent(key: str, audience: Audience, channel: Channel, recipient: str) -> None:
            intents.append(
                ReminderIntent(
                    key=key,
                    send_at=send_at,  # noqa: B023 - used at once, within this iteration
                    audience=audience,
                    channel=channel,
                    recipient=recipient,
                    subject_kind=str(dl.kind),
                    subject_ref=ref,
                    event_at=due_at,
                    case_id=item.case_id,
                )
            )

        if item.adviser_id is not None:
            intent(
                _key("deadline", *base, "adviser"),
                Audience.ADVISER,
                Channel.IN_APP,
                str(item.adviser_id),
            )
        if not item.remind_client or item.client_id is None:
            continue
        for channel in (Channel.SMS, Channel.EMAIL):
            if consent is None or not consent.allows(channel):
                if days == policy.deadline_offsets_days[0]:
                    skipped.append(_no_consent(ref, channel))
                continue
            intent(
                _key("deadline", *base, "client", channel),
                Audience.CLIENT,
                channel,
                str(item.client_id),
            )
