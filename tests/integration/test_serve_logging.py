"""``cma serve`` writes JSON-lines logs: one access line per request with the request id,
route template, status and duration, never the query string (issue 13: serve wrote no
application log at all)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from tests.faults.servers import spare_port

CMA = str(Path(sys.executable).parent / "cma")


def test_serve_logs_json_lines_by_route_template_without_query_strings(tmp_path: Path) -> None:
    port = spare_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "CMA_DATA_DIR": str(tmp_path), "CMA_LOG_LEVEL": "INFO"}
    env.pop("CMA_DATABASE_URL", None)
    env.pop("CMA_REDIS_URL", None)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [CMA, "serve", "--port", str(port)], env=env, stdout=out, stderr=out
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            missing = httpx.get(
                f"{base}/api/v1/clients/6f1f55aa-9492-4a24-a311-664c58a61fcd?name=Zanzibar",
                headers={"X-Request-ID": "req-zz-1"},
            )
            assert missing.status_code == 401
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
    text = log.read_text()
    assert "Zanzibar" not in text
    lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    access = [x for x in lines if x.get("request_id") == "req-zz-1" and x.get("event") == "request"]
    assert len(access) == 1, text[-2000:]
    assert access[0]["route"] == "/api/v1/clients/{client_id}"
    assert access[0]["status"] == 401
    assert isinstance(access[0]["duration_ms"], float | int)


def test_serve_reports_a_failed_embedded_migration_and_does_not_start(tmp_path: Path) -> None:
    """The embedded default migrates in a child process (so the server never holds
    Alembic, issue 15); its failure is still reported in one line and stops `serve`."""
    (tmp_path / "cma.db").write_bytes(b"not a database " * 100)
    env = {**os.environ, "CMA_DATA_DIR": str(tmp_path), "CMA_LOG_LEVEL": "WARNING"}
    env.pop("CMA_DATABASE_URL", None)
    env.pop("CMA_REDIS_URL", None)
    done = subprocess.run(
        [CMA, "serve", "--port", str(spare_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "error: DatabaseError" in done.stderr
    assert "Uvicorn running" not in done.stderr
