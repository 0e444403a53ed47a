"""The case clock: working calendars, deadlines, appointments, iCalendar and reminders.

Pure domain code (attrs + stdlib). Bank holidays come in through the ``HolidayProvider``
port; the core never imports a holiday library or reads the system clock.
"""
