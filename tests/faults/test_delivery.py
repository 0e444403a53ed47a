"""Every effect happens exactly once through broker loss, worker and API crashes (issue 13).

Each test runs a private PostgreSQL and a private Redis (no persistence), real ``cma
worker`` / ``cma serve`` processes, and kills one part with SIGKILL. The effect counted is
the initial-contact task each opened case calls for (one ``CaseOpened`` event, one
handler): after recovery every case has exactly one, and every event is settled.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from tests.faults.servers import RedisServer, spare_port

from cma_core.identity.permissions import Role
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

PASSWORD = "correct horse battery staple"
CMA = str(Path(sys.executable).parent / "cma")


@pytest.fixture
def env(private_db_url: str, private_redis: RedisServer, tmp_path: Path) -> dict[str, str]:
    return {
        "CMA_DATA_DIR": str(tmp_path),
        "CMA_DATABASE_URL": private_db_url,
        "CMA_REDIS_URL": private_redis.url,
        "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "CMA_KEYRING_PATH": str(tmp_path / "keyring.key"),
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "1024",
        # Short windows, so recovery takes seconds here (defaults: 300 s and 60 s).
        "CMA_OUTBOX_REDELIVER_AFTER": "2",
        "CMA_WORKER_REDELIVERY_SECONDS": "2",
        "CMA_SCHEDULER_INTERVAL": "3600",
        "CMA_RATE_LIMIT_PER_MINUTE": "0",
        "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "0",
        "CMA_LOG_LEVEL": "INFO",
    }


class Worker:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = {**os.environ, **env, "OMP_THREAD_LIMIT": "1"}
        self.log = open(Path(env["CMA_DATA_DIR"]) / "worker.log", "ab")  # noqa: SIM115
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, threads: int = 2) -> None:
        self.proc = subprocess.Popen(
            [CMA, "worker", "--threads", str(threads), "--relay-every", "0.5"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc = None


@pytest.fixture
def worker(env: dict[str, str]) -> Iterator[Worker]:
    w = Worker(env)
    try:
        yield w
    finally:
        w.stop()


def _counts(db_url: str, centre: str) -> dict[str, Any]:
    """As the superuser (RLS does not apply): the centre's cases, tasks per case, events."""
    with psycopg.connect(db_url) as conn:
        cases = conn.execute(
            "SELECT count(*) FROM cases WHERE centre_id = %s", (centre,)
        ).fetchone()
        per_case = conn.execute(
            "SELECT c.id, count(t.id) FROM cases c LEFT JOIN tasks t ON t.case_id = c.id"
            " WHERE c.centre_id = %s GROUP BY c.id",
            (centre,),
        ).fetchall()
        owed = conn.execute(
            "SELECT count(*) FROM outbox WHERE centre_id = %s AND settled_at IS NULL", (centre,)
        ).fetchone()
        opened = conn.execute(
            "SELECT count(*) FROM outbox WHERE centre_id = %s AND name = 'CaseOpened'", (centre,)
        ).fetchone()
    return {
        "cases": cases[0] if cases else 0,
        "tasks": {str(case_id): n for case_id, n in per_case},
        "owed": owed[0] if owed else 0,
        "opened_events": opened[0] if opened else 0,
    }


def _wait_exactly_once(
    db_url: str, centre: str, expected: int, timeout: float = 150
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    counts = _counts(db_url, centre)
    while time.monotonic() < deadline:
        counts = _counts(db_url, centre)
        if (
            counts["cases"] >= expected
            and counts["owed"] == 0
            and all(n >= 1 for n in counts["tasks"].values())
        ):
            break
        time.sleep(0.2)
    time.sleep(1.0)  # any duplicate delivery still in flight lands now
    counts = _counts(db_url, centre)
    assert counts["owed"] == 0, counts
    assert counts["cases"] == counts["opened_events"], counts
    assert sorted(set(counts["tasks"].values())) == [1], counts  # exactly once, every case
    return counts


async def _centre_with_cases(env: dict[str, str], cases: int) -> tuple[str, str]:
    """A centre and ``cases`` opened cases, through the API in this process; the events go
    to Redis (the Dramatiq publisher), not to any handler here."""
    container = build_container(Settings.from_env(env))
    centre = await container.identity().create_centre(f"Faults {uuid.uuid4().hex[:6]}")
    email = f"adviser-{uuid.uuid4().hex[:8]}@faults.example"
    await container.identity().create_user(
        centre_id=centre.id, email=email, role=Role.ADVISER, password=PASSWORD
    )
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        token = (
            await http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        ).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        client = await http.post(
            "/api/v1/clients",
            json={"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1984-03-02"},
            headers=auth,
        )
        for _ in range(cases):
            r = await http.post(
                "/api/v1/cases", json={"client_id": client.json()["id"]}, headers=auth
            )
            assert r.status_code == 201, r.text
    await shutdown(container)
    return str(centre.id), email


async def test_broker_killed_and_restarted_without_persistence(
    env: dict[str, str], private_redis: RedisServer, worker: Worker
) -> None:
    centre, _ = await _centre_with_cases(env, 6)  # queued in Redis, no worker yet
    private_redis.restart()  # SIGKILL, empty again: every queued message is gone
    worker.start()
    counts = _wait_exactly_once(env["CMA_DATABASE_URL"], centre, 6)
    assert counts["cases"] == 6


async def test_worker_killed_mid_drain(env: dict[str, str], worker: Worker) -> None:
    total = 25
    centre, _ = await _centre_with_cases(env, total)
    # Batches of 4 (topped up from the outbox): one batch would take the whole backlog.
    worker.env["CMA_WORKER_BATCH"] = "4"
    worker.start(threads=1)
    deadline = time.monotonic() + 120  # the worker's start-up, on a busy machine
    done = 0
    while time.monotonic() < deadline:
        done = sum(_counts(env["CMA_DATABASE_URL"], centre)["tasks"].values())
        if done:
            break
        time.sleep(0.02)  # noqa: ASYNC251 - polling another process; nothing else runs
    worker.kill()  # SIGKILL: messages it held are neither acknowledged nor handed back
    assert done < total, "the worker finished before it could be killed"
    worker.start()
    _wait_exactly_once(env["CMA_DATABASE_URL"], centre, total)


REQUESTS = 200


async def test_api_killed_under_load(env: dict[str, str], worker: Worker) -> None:
    centre_ref, email = await _centre_with_cases(env, 0)

    port = spare_port()
    proc_env = {**os.environ, **env}

    def serve() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [CMA, "serve", "--port", str(port)],
            env=proc_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    api = serve()
    base = f"http://127.0.0.1:{port}"
    acknowledged: list[str] = []
    try:
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            await _until_up(http)
            token = (
                await http.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
            ).json()["access_token"]
            auth = {"Authorization": f"Bearer {token}"}
            client = await http.post(
                "/api/v1/clients",
                json={"first_name": "Bo", "last_name": "Ng", "date_of_birth": "1990-01-01"},
                headers=auth,
            )
            client_id = client.json()["id"]

            async def open_case() -> None:
                try:
                    r = await http.post(
                        "/api/v1/cases", json={"client_id": client_id}, headers=auth
                    )
                except httpx.HTTPError:
                    return  # cut off by the kill: may or may not have committed
                if r.status_code == 201:
                    acknowledged.append(r.json()["id"])

            # Enough that the kill lands while some are still in flight: with 40, all
            # were once acknowledged in the 10 ms between two looks (CI, 2026-12-04).
            load = [asyncio.create_task(open_case()) for _ in range(REQUESTS)]
            while len(acknowledged) < 5 and not all(t.done() for t in load):  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            api.send_signal(signal.SIGKILL)
            api.wait(10)
            await asyncio.gather(*load)
        assert 5 <= len(acknowledged) < REQUESTS
        worker.start()  # the relay publishes what the dead API committed but never sent
        counts = _wait_exactly_once(env["CMA_DATABASE_URL"], centre_ref, len(acknowledged))
        assert set(acknowledged) <= set(counts["tasks"])  # nothing acknowledged was lost
    finally:
        if api.poll() is None:
            api.kill()


async def _until_up(http: httpx.AsyncClient) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if (await http.get("/health")).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.1)
    raise TimeoutError("cma serve did not come up")
