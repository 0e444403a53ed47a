"""Schemathesis against a served CMA (embedded default, demo data), every check on.

``python -m tests.e2e.fuzz`` prints the counts; ``test_fuzz_openapi.py`` asserts them.
The run is deterministic (fixed seed, deterministic generation, 5 examples per operation,
one worker): about 2.5 minutes of CPU, demo seeding included. Counted from schemathesis's
JSON report:

- ``server_errors``: any 5xx (``not_a_server_error``);
- ``accepted_invalid``: a request the schema forbids answered 2xx
  (``negative_data_rejection``, ``missing_required_header``);
- ``response_violations``: an answer the document does not describe: status code,
  content type, headers or body schema (``*_conformance``);
- ``other``: the rest, reported but not gated here (``positive_data_acceptance``: a valid
  request refused by a domain rule, e.g. a random id's 404 or a missing ``If-Match``;
  ``unsupported_method``'s ``Allow`` header; ``ignored_auth`` on the public ``/health``).
"""

from __future__ import annotations

import json
import os
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
SEED = "20261128"

CATEGORY = {
    "not_a_server_error": "server_errors",
    "negative_data_rejection": "accepted_invalid",
    "missing_required_header": "accepted_invalid",
    "status_code_conformance": "response_violations",
    "content_type_conformance": "response_violations",
    "response_headers_conformance": "response_violations",
    "response_schema_conformance": "response_violations",
}
#: Schemathesis's failure codes for the same checks (its report names failures by code).
CODES = {
    "ST100": "not_a_server_error",
    "ST201": "negative_data_rejection",
    "ST203": "missing_required_header",
    "ST103": "status_code_conformance",
    "ST105": "content_type_conformance",
    "ST104": "response_headers_conformance",
    "ST102": "response_schema_conformance",
    "ST101": "response_schema_conformance",
}


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
                json={"email": "supervisor@northside.example", "password": "demo-password-2024"},
                timeout=10,
            )
            login.raise_for_status()
            yield base, login.json()["access_token"]
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def run(base: str, token: str, work: Path) -> tuple[dict[str, int], Counter[str], str]:
    """One ``st run --checks all``; the counts per category, per check, and its output."""
    report = work / "schemathesis.json"
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
            "--header",
            f"Authorization: Bearer {token}",
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
            "--no-color",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=work,  # its own files (.schemathesis/) stay out of the checkout
    )
    data: dict[str, Any] = json.loads(report.read_text())
    by_check: Counter[str] = Counter()
    for failure in data.get("failures", []):
        check = CODES.get(failure.get("code", ""), failure.get("type", "?"))
        by_check[check] += int(failure.get("count", 1))
    counts = {"server_errors": 0, "accepted_invalid": 0, "response_violations": 0, "other": 0}
    for check, n in by_check.items():
        counts[CATEGORY.get(check, "other")] += n
    return counts, by_check, result.stdout


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        with served(data) as (base, token):
            counts, by_check, _ = run(base, token, data)
    print(json.dumps({"counts": counts, "by_check": dict(by_check)}, indent=2))


if __name__ == "__main__":
    main()
