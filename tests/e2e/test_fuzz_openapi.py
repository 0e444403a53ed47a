"""Schemathesis against the running server, every check on (``tests/e2e/fuzz.py``): every
operation in the OpenAPI document, with examples, boundary values and generated inputs.

It runs the real thing: ``cma demo --no-serve`` seeds a fresh embedded database, ``cma
serve`` listens on a free loopback port, and the ``st`` CLI drives it signed in as the
supervisor, then as the centre admin for what only an admin may do (a fixed seed,
deterministic generation: a failure reproduces with the command it prints). It found an
offset that overflowed SQLite, a preflight that ran a guard, dates with no bank holiday
table, and (issue 13) coerced strings, dates before 1900 and
undocumented error answers; each has a focused regression test as well.

Gated at zero: server errors, requests the schema forbids yet answered 2xx, and answers
the document does not describe. On main before issue 13: 0, 7 and 290 (one run, this
seed); the rest (a valid-by-schema request refused by a domain rule, ``Allow`` headers)
is printed, not gated.

Until 2026-12-04 the gate was weaker than it said: the run sent one fixed token, ended its
own session through ``DELETE /api/v1/auth/sessions/{id}`` (an id it had read from
``GET /api/v1/auth/sessions``), and 117 of 181 operations then answered only 401; and its
table of schemathesis's failure codes predated 4.x's renumbering, so response-schema
failures (ST108) counted as "other". Both are fixed (``fuzz_hooks.py`` signs in again;
``fuzz.CODES`` gates any code it does not know), and this test now checks that every
operation got past authentication in one of the two runs. What that uncovered: working
hours documented as ISO durations, a guidelines preview's 200 undocumented, and the limit
on an import's ``source`` missing from the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .fuzz import (
    ADMIN,
    ADMIN_PATHS,
    GATED,
    NEVER_PAST_AUTH,
    SUPERVISOR,
    refused_only,
    run,
    served,
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    pytest.importorskip("schemathesis")
    data = tmp_path_factory.mktemp("fuzz")
    with served(data) as (base, _token):
        yield base, data


def _gate(base: str, data: Path, email: str, only: str | None) -> dict[str, list[str]]:
    counts, by_check, output = run(base, data, email, only)
    print(email, counts, dict(by_check))  # shown with -s, and in the failure below
    assert "Tested: " in output, output[-4000:]
    gated = {k: counts[k] for k in GATED}
    assert gated == dict.fromkeys(GATED, 0), (counts, dict(by_check), output[-6000:])
    return refused_only(output)


def test_no_server_error_no_accepted_invalid_input_no_undocumented_answer(
    server: tuple[str, Path],
) -> None:
    """As the supervisor, every operation; then as the centre admin, what only an admin
    may do. Each operation must be reached past authentication in one of the two runs."""
    base, data = server
    supervisor = _gate(base, data, SUPERVISOR, None)
    admin = _gate(base, data, ADMIN, ADMIN_PATHS)
    assert set(supervisor.get("401", [])) <= NEVER_PAST_AUTH, supervisor
    assert set(admin.get("401", [])) <= NEVER_PAST_AUTH, admin
    # The supervisor may not manage staff or centre settings: the admin's run covers those
    # (switching centre needs a second membership, which the demo's staff do not have).
    admin_only = re.compile(ADMIN_PATHS)
    for operation in supervisor.get("403", []):
        path = operation.split(" ", 1)[1]
        assert admin_only.match(path) or path == "/api/v1/auth/switch-centre", operation
    assert not admin.get("403"), admin
