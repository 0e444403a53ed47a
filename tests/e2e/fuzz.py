"""Schemathesis against a served CMA (embedded default, demo data), every check on.

``python -m tests.e2e.fuzz`` prints the counts; ``test_fuzz_openapi.py`` asserts them.
The run is deterministic (fixed seed, deterministic generation, 5 examples per operation,
one worker): about 2.5 minutes of CPU, demo seeding included. Counted from schemathesis's
JSON report:

- ``server_errors``: any 5xx;
- ``accepted_invalid``: a request the schema forbids answered 2xx, a required header
  missing yet accepted, or missing credentials accepted;
- ``response_violations``: an answer the document does not describe: status code,
  content type, headers or body schema;
- ``unrecognised``: a failure code this module does not know (gated, see ``CODES``);
- ``errors``: requests schemathesis could not make or get an answer to;
- ``other``: reported but not gated (a valid request refused by a domain rule, e.g. a
  random id's 404 or a missing ``If-Match``; ``Allow`` headers).

The run signs in through ``fuzz_hooks.py`` and signs in again when it has ended its own
session; ``refused_only`` lists the operations it never got past authentication on.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]
SEED = "20261128"
SUPERVISOR = "supervisor@northside.example"
ADMIN = "admin@northside.example"
PASSWORD = "demo-password-2024"
#: What only a centre admin may do (the supervisor's run answers 403 there): a second,
#: smaller run signs in as the admin for these paths.
ADMIN_PATHS = r"^/api/v1/(users|centre|reference/guidelines/imports)"
#: Refused to every request by design: a sign-in with a made-up password, a refresh
#: without the refresh cookie (the run holds only an access token).
NEVER_PAST_AUTH = {"POST /api/v1/auth/login", "POST /api/v1/auth/refresh"}

#: Schemathesis's failure codes (``st explain CODE``), by what the gate makes of them. A code
#: not listed here counts as ``unrecognised`` and is gated: a schemathesis upgrade that
#: renumbers its codes must not turn failures into "other" unnoticed (4.x renumbered them,
#: and response-schema failures, ST108, went uncounted until this table was rewritten).
CODES = {
    "ST101": "server_errors",  # 5xx
    "ST102": "server_errors",  # 5xx for an undeclared Content-Type
    "ST103": "response_violations",  # status code not documented
    "ST104": "response_violations",  # no Content-Type where a body is documented
    "ST105": "response_violations",  # Content-Type not documented
    "ST106": "response_violations",  # malformed media type
    "ST107": "response_violations",  # required response header missing
    "ST108": "response_violations",  # body or header the documented schema rejects
    "ST109": "response_violations",  # body that is not JSON
    "ST110": "response_violations",  # body its Content-Type's parser cannot read
    "ST111": "response_violations",  # discriminator matching no schema
    "ST201": "accepted_invalid",  # a request the schema forbids, accepted
    "ST203": "accepted_invalid",  # a request without a required header, accepted
    "ST401": "accepted_invalid",  # no or bad credentials accepted where auth is required
    # Printed, not gated: a valid-by-schema request refused by a domain rule (a random id's
    # 404, a missing If-Match, a rule of the case); an undeclared method's answer, and
    # OPTIONS's Allow header listing the methods Litestar serves (HEAD, OPTIONS).
    "ST202": "other",
    "ST204": "other",
    "ST205": "other",
}
GATED = ("server_errors", "accepted_invalid", "response_violations", "unrecognised", "errors")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def served(data: Path) -> Iterator[tuple[str, str]]:
    """``cma demo --no-serve`` then ``cma serve`` on a free port; yields (base, token)."""
    env = {
        **os.environ,
        "CMA_DATA_DIR": str(data),
        "CMA_RATE_LIMIT_PER_MINUTE": "1000000",
        "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "1000000",
        "CMA_LOGIN_MAX_FAILURES": "1000000",
        "CMA_ACCESS_TOKEN_TTL": "3600",
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "8192",
    }
    env.pop("CMA_DATABASE_URL", None)
    env.pop("CMA_REDIS_URL", None)
    subprocess.run(
        # About a minute of CPU (the demo's events run every projection); on a machine
        # shared with other runs it took over three minutes of wall time.
        [BIN / "cma", "demo", "--no-serve"],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with (data / "server.log").open("w") as log:
        proc = subprocess.Popen(
            [BIN / "cma", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 180  # a loaded CI machine starts slowly
            while True:
                try:
                    httpx.get(f"{base}/health", timeout=2)
                    break
                except httpx.TransportError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError((data / "server.log").read_text()) from None
                    time.sleep(0.3)
            login = httpx.post(
                f"{base}/api/v1/auth/login",
                json={"email": SUPERVISOR, "password": PASSWORD},
                timeout=10,
            )
            login.raise_for_status()
            yield base, login.json()["access_token"]
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def run(
    base: str, work: Path, email: str = SUPERVISOR, only: str | None = None
) -> tuple[dict[str, int], Counter[str], str]:
    """One ``st run --checks all`` signed in as ``email`` (every operation, or those whose
    path matches ``only``); the counts per category, per check, and its output."""
    report = work / f"schemathesis-{email.split('@')[0]}.json"
    # The document is fetched here, with a patient timeout, and given to schemathesis as a
    # file: building it takes a few seconds of CPU, and on a loaded machine schemathesis's
    # own 10 s limit for loading a schema by URL ran out before the run began.
    schema = work / "openapi.json"
    schema.write_bytes(httpx.get(f"{base}/schema/openapi.json", timeout=120).content)
    result = subprocess.run(
        [
            BIN / "st",
            "run",
            str(schema),
            "--url",
            base,
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "5",
            "--seed",
            SEED,
            "--generation-deterministic",
            # One worker: schemathesis's workers are threads of one process, and two of them
            # spent 0.4x more CPU than one on the same requests (GIL contention; examples
            # phase, same run: 13.9 s against 9.9 s) and took longer on 2 cores.
            "--workers",
            "1",
            "--request-timeout",
            "30",
            "--continue-on-failure",
            # Signing out ends the one session the whole run uses (every later request
            # would be 401); those routes have their own tests (test_sessions_api.py).
            "--exclude-path-regex",
            "^/api/v1/auth/logout",
            *(["--include-path-regex", only] if only else []),
            "--no-color",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={
            **os.environ,
            # Signs in, and in again after the run ends its own session (fuzz_hooks.py).
            "SCHEMATHESIS_HOOKS": "tests.e2e.fuzz_hooks",
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            "CMA_FUZZ_BASE": base,
            "CMA_FUZZ_EMAIL": email,
            "CMA_FUZZ_PASSWORD": PASSWORD,
        },
        cwd=work,  # its own files (.schemathesis/) stay out of the checkout
    )
    data: dict[str, Any] = json.loads(report.read_text())
    by_check: Counter[str] = Counter()
    counts = dict.fromkeys((*GATED, "other"), 0)
    for failure in data.get("failures", []):
        code = failure.get("code", "")
        n = int(failure.get("count", 1))
        by_check[f"{code} {failure.get('type', '?')}"] += n
        counts[CODES.get(code, "unrecognised")] += n
    # Errors are requests that could not be made or answered at all (a timeout, a dropped
    # connection, a schema schemathesis could not use): gated like failures.
    for error in data.get("errors", []):
        by_check[f"error {error.get('title', '?')}"] += int(error.get("count", 1))
        counts["errors"] += int(error.get("count", 1))
    return counts, by_check, result.stdout


def refused_only(output: str) -> dict[str, list[str]]:
    """The operations schemathesis never got past authentication on, by status: its
    "Authentication failed" warning lists them under "401 Unauthorized (N operations):"
    and "403 Forbidden (N operations):"."""
    found: dict[str, list[str]] = {}
    status: str | None = None
    for line in output.splitlines():
        head = re.match(r"^(40[13]) \w+ \(\d+ operations?\):$", line.strip())
        if head:
            status = head.group(1)
            found[status] = []
        elif status and line.startswith("  - "):
            found[status].append(line[4:].strip())
        elif status and line.strip():
            status = None
    return found


def main() -> None:
    """Both runs against one served demo; the counts as JSON."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        with served(data) as (base, _token):
            report = {}
            for email, only in ((SUPERVISOR, None), (ADMIN, ADMIN_PATHS)):
                counts, by_check, output = run(base, data, email, only)
                report[email] = {
                    "counts": counts,
                    "by_check": dict(by_check),
                    "refused_only": refused_only(output),
                }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
