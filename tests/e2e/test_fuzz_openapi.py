"""Schemathesis against the running server: every operation in the OpenAPI document, with
examples, boundary values and generated inputs, must never answer 5xx.

It runs the real thing: ``cma demo --no-serve`` seeds a fresh embedded database, ``cma
serve`` listens on a free loopback port, and the ``st`` CLI drives it with a supervisor's
token (a fixed seed, deterministic generation: a failure reproduces with the command it
prints). It found an offset that overflowed SQLite, a preflight that ran a guard, and
dates with no bank holiday table; each has a focused regression test as well.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    pytest.importorskip("schemathesis")
    data = tmp_path_factory.mktemp("fuzz")
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
        [BIN / "cma", "demo", "--no-serve"], env=env, check=True, capture_output=True, timeout=120
    )
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (data / "server.log").open("w")
    proc = subprocess.Popen(
        [BIN / "cma", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
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
        yield base, login.json()["access_token"], data
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_no_operation_answers_a_server_error(server: tuple[str, str, Path]) -> None:
    base, token, data = server
    result = subprocess.run(
        [
            BIN / "st",
            "run",
            f"{base}/schema/openapi.json",
            "--header",
            f"Authorization: Bearer {token}",
            "--checks",
            "not_a_server_error",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "5",
            "--seed",
            "20261128",
            "--generation-deterministic",
            "--workers",
            "2",
            "--request-timeout",
            "30",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=data,  # its own files (.schemathesis/) stay out of the checkout
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "Tested: " in result.stdout
