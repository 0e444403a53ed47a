from __future__ import annotations

import datetime as dt
import uuid

from cma_core.scheduling.appointments import Appointment, AppointmentId, AppointmentKind
from cma_core.scheduling.ical import escape_text, fold_line, to_icalendar
from cma_core.shared.ids import CaseId, ClientId, UserId

UTC = dt.UTC


def make(**kw: object) -> Appointment:
    base: dict[str, object] = {
        "id": AppointmentId(uuid.UUID(int=7)),
        "case_id": CaseId(uuid.uuid4()),
        "client_id": ClientId(uuid.uuid4()),
        "adviser_id": UserId(uuid.uuid4()),
        "kind": AppointmentKind.IN_PERSON,
        "start": dt.datetime(2026, 6, 1, 9, 0, tzinfo=UTC),
        "end": dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC),
        "location": "Room 2, 1 High St; Leeds",
    }
    base.update(kw)
    return Appointment(**base)  # type: ignore[arg-type]


def test_escape_text() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_fold_line_at_75_octets_without_splitting_utf8() -> None:
    line = "DESCRIPTION:" + "é" * 80
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    assert fold_line("SHORT") == "SHORT"


def test_vcalendar_document() -> None:
    cancelled = make(id=AppointmentId(uuid.UUID(int=8))).cancelled("ill")
    text = to_icalendar(
        [make(), cancelled],
        dtstamp=dt.datetime(2026, 5, 1, 12, 0, tzinfo=UTC),
        uid_domain="cma.example",
        description=lambda a: "Bring: payslips, bank statements\nand letters " * 3,
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert f"UID:{uuid.UUID(int=7)}@cma.example" in text
    assert "DTSTART:20260601T090000Z" in text
    assert "LOCATION:Room 2\\, 1 High St\\; Leeds" in text
    assert "STATUS:CANCELLED\r\n" in text
    assert "SEQUENCE:1" in text
    assert "SUMMARY:Debt advice appointment (in person)" in text
    assert text.count("BEGIN:VEVENT") == 2
