"""Hostile input (issue 13, ASVS V5), on SQLite and PostgreSQL: each case here once
answered 500, or 2xx and stored garbage. Now each is a 400/415/422 problem naming the field,
and nothing is stored."""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from cma_core.identity.permissions import Role
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, Api, make_centre, sign_in

pytestmark = pytest.mark.both_databases

#: ``cma_core.shared.money.MAX_PENCE`` (stated here so this file also runs on older code).
MAX_PENCE = 10_000_000_000
NUL = "Bank\x00plc"
ESCAPE = "Bank\x1b[2J\x1b[31mplc"


def problem_field(r: httpx.Response) -> str:
    assert r.status_code in (400, 422), (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json"), r.text
    errors = r.json()["errors"]
    assert errors, r.text
    return str(errors[0]["field"])


@pytest.fixture
async def staff(container: Container, http: httpx.AsyncClient) -> dict[str, Api]:
    centre = await make_centre(container, "Hostile Centre", Role.SUPERVISOR)
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="admin@hostile.example",
        role=Role.CENTRE_ADMIN,
        password=PASSWORD,
    )
    return {
        "supervisor": await sign_in(http, "supervisor@hostilecentre.example", centre),
        "admin": await sign_in(http, "admin@hostile.example", centre),
    }


# ------------------------------------------------------------------------- transport level


async def test_json_nested_1000_deep_is_a_400_even_before_sign_in(
    http: httpx.AsyncClient, staff: dict[str, Api]
) -> None:
    deep = b"[" * 1000 + b"]" * 1000
    for body in (deep, b'{"email": ' + deep + b', "password": "x"}'):
        r = await http.post(
            "/api/v1/auth/login", content=body, headers={"content-type": "application/json"}
        )
        assert problem_field(r) == "body"
        assert r.status_code == 400
    # 33 levels: past the limit, refused before any handler reads it.
    r = await staff["supervisor"].post(
        "/api/v1/creditors",
        content=b'{"name": "x", "address": ' + b"[" * 33 + b"]" * 33 + b"}",
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 400, r.text
    assert "nested" in r.json()["detail"]


async def test_a_body_that_is_not_declared_json_is_a_415(
    http: httpx.AsyncClient, staff: dict[str, Api]
) -> None:
    body = b'{"email": "a@b.example", "password": "x"}'
    for headers in ({"content-type": "text/plain"}, {}):
        r = await http.post("/api/v1/auth/login", content=body, headers=headers)
        assert r.status_code == 415, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    r = await staff["supervisor"].post(
        "/api/v1/creditors",
        content=b'{"name": "Bank"}',
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 415, r.text
    assert (await staff["supervisor"].get("/api/v1/creditors")).json()["total"] == 0


# ------------------------------------------------------------------------- text fields


async def _case(api: Api) -> dict[str, Any]:
    return await api.new_case()


async def test_creditor_names_with_nul_escapes_or_a_megabyte_are_refused(
    staff: dict[str, Api],
) -> None:
    api = staff["supervisor"]
    for bad in (NUL, ESCAPE, "Bank\u202eplc", "Bank\n", "x" * 1_000_000):
        r = await api.post("/api/v1/creditors", {"name": bad})
        assert problem_field(r) == "name"
    assert (await api.get("/api/v1/creditors")).json()["total"] == 0


async def test_every_plain_text_field_refuses_a_nul(staff: dict[str, Api]) -> None:
    """The fields that reached PostgreSQL with a NUL (a 500) or SQLite (stored)."""
    api, admin = staff["supervisor"], staff["admin"]
    case = await _case(api)
    base = f"/api/v1/cases/{case['id']}"
    me = (await api.get("/api/v1/auth/me")).json()
    attempts: list[tuple[str, str, dict[str, Any], str]] = [
        ("post", f"{base}/notes", {"body": "note\x00"}, "body"),
        ("post", "/api/v1/calendar/closures", {"day": "2026-12-01", "reason": NUL}, "reason"),
        (
            "post",
            "/api/v1/appointments",
            {
                "case_id": case["id"],
                "kind": "in_person",
                "start": "2026-12-07T10:00:00Z",
                "end": "2026-12-07T11:00:00Z",
                "location": NUL,
            },
            "location",
        ),
        ("post", "/api/v1/qa/samples", {"seed": NUL}, "seed"),
        ("post", "/api/v1/clients", {"first_name": NUL, "last_name": "Lee",
                                     "date_of_birth": "1980-01-01"}, "first_name"),
        ("post", f"{base}/debts", {"debt_type": "rent", "balance_pence": 1, "notes": "a\x00"},
         "notes"),
        ("post", f"{base}/debts", {"debt_type": "rent", "balance_pence": 1,
                                   "account_reference": ESCAPE}, "account_reference"),
    ]  # fmt: skip
    for method, url, body, field in attempts:
        r = await getattr(api, method)(url, body)
        assert problem_field(r) == field, (url, r.text)
    r = await admin.post(
        f"/api/v1/users/{me['user_id']}/grants", {"permission": "sensitive:read", "reason": NUL}
    )
    assert problem_field(r) == "reason"
    # Newlines stay allowed where text is multi-line.
    r = await api.post(f"{base}/notes", {"body": "first line\nsecond line\ttabbed"})
    assert r.status_code == 201, r.text
    notes = (await api.get(f"{base}/notes")).json()
    assert notes["total"] == 1
    assert (await api.get(f"{base}/debts")).json()["total"] == 0
    assert (await api.get("/api/v1/qa/samples")).json()["total"] == 0


async def test_100k_character_notes_are_refused(staff: dict[str, Api]) -> None:
    api = staff["supervisor"]
    case = await _case(api)
    base = f"/api/v1/cases/{case['id']}"
    huge = "x" * 100_000
    r = await api.post(f"{base}/notes", {"body": huge})
    assert problem_field(r) == "body"
    r = await api.post(f"{base}/debts", {"debt_type": "rent", "balance_pence": 1, "notes": huge})
    assert problem_field(r) == "notes"
    r = await api.post(f"{base}/advice", {"on_date": "2026-01-05", "recommended": None,
                                          "reasons": huge})  # fmt: skip
    assert problem_field(r) == "reasons"
    assert (await api.get(f"{base}/debts")).json()["total"] == 0


async def test_the_services_refuse_the_same_for_the_cli_and_worker(container: Container) -> None:
    """The core mirrors the HTTP bounds: a centre name or grant reason from the CLI."""
    with pytest.raises(ValidationError) as exc:
        await container.identity().create_centre("North\x1b[2Jside")
    assert exc.value.field == "name"


# ------------------------------------------------------------------------- numbers, dates


async def test_money_out_of_range_or_not_an_integer_is_refused(staff: dict[str, Api]) -> None:
    api = staff["supervisor"]
    case = await _case(api)
    url = f"/api/v1/cases/{case['id']}/debts"
    for amount in (10**20, 2**63, 10**308, MAX_PENCE + 1, -1, "1000", 1.5, True):
        r = await api.post(url, {"debt_type": "credit_card", "balance_pence": amount})
        assert problem_field(r) == "balance_pence", amount
    assert (await api.get(url)).json()["total"] == 0
    r = await api.post(url, {"debt_type": "mortgage", "balance_pence": MAX_PENCE})
    assert r.status_code == 201, r.text


async def test_no_coercion_of_strings_numbers_or_booleans(staff: dict[str, Api]) -> None:
    api = staff["supervisor"]
    case = await _case(api)
    r = await api.post(f"/api/v1/cases/{case['id']}/notes", {"body": "x", "sensitive": "true"})
    assert problem_field(r) == "sensitive"
    r = await api.post(
        "/api/v1/clients",
        {
            "first_name": "A",
            "last_name": "B",
            "date_of_birth": "1980-01-01",
            "health_data_consent_at": 0,
        },
    )
    assert problem_field(r) == "health_data_consent_at"
    assert (await api.get("/api/v1/clients")).json()["total"] == 1  # the case's client only


async def test_implausible_dates_are_refused(staff: dict[str, Api]) -> None:
    api = staff["supervisor"]
    case = await _case(api)
    debts = f"/api/v1/cases/{case['id']}/debts"
    attempts = [
        ("/api/v1/clients", {"first_name": "A", "last_name": "B", "date_of_birth": "0001-01-01"},
         "date_of_birth"),
        (debts, {"debt_type": "rent", "balance_pence": 1, "last_payment_date": "0001-01-01"},
         "last_payment_date"),
        (debts, {"debt_type": "rent", "balance_pence": 1, "last_payment_date": "2999-01-01"},
         "last_payment_date"),
        (f"/api/v1/cases/{case['id']}/advice",
         {"on_date": "0001-01-01", "recommended": None, "reasons": "x"}, "on_date"),
    ]  # fmt: skip
    for url, body, field in attempts:
        r = await api.post(url, body)
        assert problem_field(r) == field, url


async def test_a_date_half_typed_is_refused_in_words_that_give_the_form(
    staff: dict[str, Api],
) -> None:
    """The console sends a date input's boxes as typed when one is empty ("2026--4"); the
    answer names the field and says the form a date takes, not the decoder's words."""
    api = staff["supervisor"]
    case = await _case(api)
    for body_date in ("2026--4", "2026-02-30", "26-12-4"):
        r = await api.post(
            f"/api/v1/cases/{case['id']}/advice",
            {"on_date": body_date, "recommended": None, "reasons": "x"},
        )
        assert r.status_code == 400, body_date
        (error,) = r.json()["errors"]
        assert error["field"] == "on_date"
        assert error["message"] == "must be a date (YYYY-MM-DD)"
    r = await api.post("/api/v1/tasks", {"title": "Ring back", "due_at": "tomorrow"})
    assert problem_field(r) == "due_at"
    assert r.json()["errors"][0]["message"] == "must be a date-time (ISO 8601)"


QUERIES = [
    ("/api/v1/tasks?due_before=0", "due_before"),
    ("/api/v1/audit?to=0", "to"),
    ("/api/v1/appointments?to=1e3", "to"),
    ("/api/v1/calendar/closures?from=0001-01-01", "from"),
    ("/api/v1/cases?adviser_id=" + "x" * 100, "adviser_id"),
    ("/api/v1/creditors?name=" + "x" * 201, "name"),
    ("/api/v1/creditors?name=a%00b", "name"),
]


async def test_query_values_are_strict_too(staff: dict[str, Api]) -> None:
    for url, field in QUERIES:
        r = await staff["supervisor"].get(url)
        assert problem_field(r) == field, url


# ------------------------------------------------------------------------- ReDoS


@pytest.fixture
def stdlib_re_seen() -> Iterator[list[str]]:
    """Every pattern Python's ``re`` compiles meanwhile (its cache bypassed)."""
    seen: list[str] = []
    original = re._compile  # type: ignore[attr-defined]

    def spy(pattern: Any, flags: Any) -> Any:
        seen.append(str(pattern))
        return original(pattern, flags)

    re.purge()
    re._compile = spy  # type: ignore[attr-defined]
    try:
        yield seen
    finally:
        re._compile = original  # type: ignore[attr-defined]


async def test_a_catastrophic_reference_pattern_runs_on_re2_only(
    container: Container, staff: dict[str, Api], stdlib_re_seen: list[str]
) -> None:
    """``(a+)+$`` took 6.5 s on 27 characters in ``re``; RE2 is linear, and Python's
    backtracking engine never sees a user's pattern."""
    from cma_adapters.re2 import Re2PatternEngine

    assert isinstance(container.patterns(), Re2PatternEngine)
    api = staff["supervisor"]
    evil = "(a+)+$"
    r = await api.post("/api/v1/creditors", {"name": "Evil Bank", "reference_pattern": evil})
    assert r.status_code == 201, r.text
    assert evil not in stdlib_re_seen  # (before RE2 it was compiled by re, then matched)
    case = await _case(api)
    r = await api.post(
        f"/api/v1/cases/{case['id']}/debts",
        {
            "debt_type": "credit_card",
            "balance_pence": 100,
            "creditor_id": r.json()["id"],
            "account_reference": "a" * 63 + "!",
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["reference_matches"] is False
    assert evil not in stdlib_re_seen
    assert "re2" in sys.modules


async def test_a_pattern_re2_cannot_run_is_refused_at_save_time(staff: dict[str, Api]) -> None:
    api = staff["supervisor"]
    for pattern in (r"(\d)\1", "(?<=A)1", "([a-z", "a" * 201):
        r = await api.post("/api/v1/creditors", {"name": "Bank", "reference_pattern": pattern})
        assert problem_field(r) == "reference_pattern", pattern
    assert (await api.get("/api/v1/creditors")).json()["total"] == 0
