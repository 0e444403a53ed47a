"""Compliance over HTTP: case findings, the centre report, QA sampling and reviews, policy."""
