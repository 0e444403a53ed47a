"""iCalendar (RFC 5545) text for appointments, written by hand so the core stays stdlib-only.

Only what calendar clients need for a feed of appointments: one ``VCALENDAR`` with one
``VEVENT`` per appointment, times in UTC, TEXT values escaped (§3.3.11), content lines
folded at 75 octets (§3.1) and every line ended with CRLF.

Calendar feeds leave the building (phones, shared calendars), so callers decide what text
goes in: the default summary names the kind of meeting, never the client.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from cma_core.scheduling.appointments import Appointment, AppointmentKind, AppointmentStatus
from cma_core.shared.time import require_aware

CRLF = "\r\n"
MAX_OCTETS = 75

_KIND_LABEL = {
    AppointmentKind.IN_PERSON: "in person",
    AppointmentKind.PHONE: "by phone",
    AppointmentKind.VIDEO: "by video",
}


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str) -> str:
    """Fold one content line so no physical line exceeds 75 octets (RFC 5545 §3.1).

    Continuation lines start with one space, which counts towards their 75 octets. A
    multi-octet UTF-8 character is never split.
    """
    parts: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def format_utc(value: dt.datetime) -> str:
    return require_aware(value, field="datetime").strftime("%Y%m%dT%H%M%SZ")


def default_summary(appointment: Appointment) -> str:
    return f"Debt advice appointment ({_KIND_LABEL[appointment.kind]})"


def _status(appointment: Appointment) -> str:
    if appointment.status is AppointmentStatus.CANCELLED:
        return "CANCELLED"
    return "CONFIRMED"


def to_icalendar(
    appointments: Iterable[Appointment],
    *,
    dtstamp: dt.datetime,
    uid_domain: str,
    prodid: str = "-//CMA//Case Management for Advice//EN",
    summary: Callable[[Appointment], str] = default_summary,
    description: Callable[[Appointment], str] | None = None,
) -> str:
    """Serialise ``appointments`` as an iCalendar object.

    Args:
        appointments: any statuses; cancelled ones are kept with ``STATUS:CANCELLED`` and a
            higher ``SEQUENCE`` so subscribed clients remove them.
        dtstamp: the instant the feed is generated (injected: the core has no clock).
        uid_domain: right-hand side of each ``UID`` (``<appointment id>@<domain>``), which
            must stay stable for clients to match updates.
        summary, description: text for each event; escaped here, so pass plain text.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{prodid}",
        "CALSCALE:GREGORIAN",
    ]
    stamp = format_utc(dtstamp)
    for appt in appointments:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{appt.id}@{uid_domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{format_utc(appt.start)}",
            f"DTEND:{format_utc(appt.end)}",
            f"SEQUENCE:{appt.sequence}",
            f"STATUS:{_status(appt)}",
            f"SUMMARY:{escape_text(summary(appt))}",
        ]
        if appt.location.strip():
            lines.append(f"LOCATION:{escape_text(appt.location)}")
        if description is not None:
            lines.append(f"DESCRIPTION:{escape_text(description(appt))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + CRLF for line in lines)
