"""The fuzz gate's reading of schemathesis's output and report (``fuzz.py``), without a
server: what it counts must not drift when schemathesis changes its words or codes."""

from __future__ import annotations

from .fuzz import CODES, GATED, refused_only

WARNING = """
Warnings:
  ⚠️ Authentication failed: 3 operations returned only 401/403 responses

401 Unauthorized (2 operations):
  - POST /api/v1/auth/login
  - POST /api/v1/auth/refresh
403 Forbidden (1 operation):
  - PUT /api/v1/centre/profile

💡 Ensure valid authentication credentials are set via `--auth` or `-H`

Missing test data: 1 operations repeatedly returned 404 Not Found
  - GET /api/v1/cases/{case_id}
"""


def test_refused_only_reads_both_lists_and_stops_at_the_next_paragraph() -> None:
    assert refused_only(WARNING) == {
        "401": ["POST /api/v1/auth/login", "POST /api/v1/auth/refresh"],
        "403": ["PUT /api/v1/centre/profile"],
    }
    assert refused_only("Tested: 181\n") == {}


def test_every_response_and_server_code_is_gated_and_only_three_are_not() -> None:
    assert {c for c, category in CODES.items() if category not in GATED} == {
        "ST202",
        "ST204",
        "ST205",
    }
    for code in ("ST101", "ST102", "ST103", "ST108", "ST201", "ST401"):
        assert CODES[code] in GATED
