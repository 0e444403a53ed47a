"""Casework records the compliance rules read: the contact log, the first-contact
checklist, vulnerability screenings, credit reports (with debt suggestions) and the
adviser's eligibility decision per option."""
