"""The case clock over HTTP: facts, deadlines, appointments, availability, closures,
reminders and contact consents."""
