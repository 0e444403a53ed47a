"""The case clock over HTTP: facts, deadlines, appointments, availability, closures,
reminders and contact consents."""

from cma_entrypoints.http.scheduling.clock import CaseClockController
from cma_entrypoints.http.scheduling.controllers import (
    AdviserController,
    AppointmentController,
    CalendarController,
    ConsentController,
)
from cma_entrypoints.http.scheduling.reminders import ReminderController
from cma_entrypoints.http.scheduling.working_hours import WorkingHoursController

__all__ = [
    "AdviserController",
    "AppointmentController",
    "CalendarController",
    "CaseClockController",
    "ConsentController",
    "ReminderController",
    "WorkingHoursController",
]
