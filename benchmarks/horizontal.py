"""Horizontal scaling shown: two API processes and two workers on one PostgreSQL and Redis.

Starts, on a fresh PostgreSQL database and a Redis database of its own:

- two ``cma serve`` processes (ports picked free) and two ``cma worker`` processes;
- a tiny round-robin TCP load balancer (asyncio, in this script) in front of the two APIs,
  one backend per client connection, alternating; it counts connections per backend.

Then it signs in through the balancer and splits a load of writes across both APIs
(``--cases`` clients registered and a case opened for each, ``--concurrency`` at a time,
a new connection per request so the balancer alternates), waits for the workers, and
checks there is **no lost or duplicated effect**:

- every case opened produced exactly one initial-contact task (made by whichever worker
  took the ``CaseOpened`` event; the inbox makes a redelivery a no-op);
- every outbox event is settled (no event lost between the two workers);
- the centre's audit chain verifies (both APIs appended to it concurrently).

Takes a minute or two (four processes start), so it is not in the test suite::

    .venv/bin/python -m benchmarks.horizontal --cases 200 --concurrency 16

Exit status 0 when every check holds, 1 otherwise; a JSON report on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ADMIN_URL = os.environ.get("CMA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("CMA_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
SECRET = "horizontal-benchmark-secret-0123456789-abcdef"
PASSWORD = "horizontal-password-1"
CMA = str(Path(sys.executable).with_name("cma"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RoundRobin:
    """Accepts connections and pipes each to the next backend in turn."""

    def __init__(self, backends: list[int]) -> None:
        self.backends = backends
        self.counts = dict.fromkeys(backends, 0)
        self._next = itertools.cycle(backends)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        port = next(self._next)
        self.counts[port] += 1
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            writer.close()
            return
        # At shutdown the server cancels connections still open (HTTP keep-alive); ending
        # quietly keeps asyncio from printing each one's CancelledError as a traceback.
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


def environment(url: str, data_dir: Path, namespace: str) -> dict[str, str]:
    return {
        **os.environ,
        "CMA_DATABASE_URL": url,
        "CMA_REDIS_URL": REDIS_URL,
        "CMA_REDIS_NAMESPACE": namespace,
        "CMA_DATA_DIR": str(data_dir),
        "CMA_SECRET_KEY": SECRET,
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "8192",
        "CMA_LOG_LEVEL": "WARNING",
    }


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> Any:
    out = subprocess.run(
        [CMA, *args, "--json"], env=env, input=stdin, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def start(env: dict[str, str], ports: list[int]) -> list[subprocess.Popen[bytes]]:
    """An API process on each of ``ports`` and two workers."""
    apis = [subprocess.Popen([CMA, "serve", "--port", str(p)], env=env) for p in ports]
    workers = [subprocess.Popen([CMA, "worker", "--threads", "2"], env=env) for _ in range(2)]
    return apis + workers


def verify_chain(env: dict[str, str], centre: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CMA, "audit", "verify", "--centre", centre, "--json"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


async def wait_ready(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient() as http:
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if (await http.get(f"http://127.0.0.1:{port}/health")).status_code < 500:
                    return
            if time.monotonic() > deadline:
                raise RuntimeError(f"API on port {port} did not start in {seconds} s")
            await asyncio.sleep(0.5)


async def load(base: str, token: str, cases: int, concurrency: int) -> tuple[list[str], int]:
    """Register ``cases`` clients and open a case for each; a new connection per request."""
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_keepalive_connections=0)
    gate = asyncio.Semaphore(concurrency)
    opened: list[str] = []
    failures = 0
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=120) as h:

        async def one(i: int) -> None:
            nonlocal failures
            async with gate:
                body = {
                    "first_name": "Scale",
                    "last_name": f"Test{i}",
                    "date_of_birth": "1980-01-01",
                }
                r = await h.post("/api/v1/clients", json=body)
                if r.status_code != 201:
                    failures += 1
                    return
                r = await h.post("/api/v1/cases", json={"client_id": r.json()["id"]})
                if r.status_code != 201:
                    failures += 1
                    return
                opened.append(r.json()["id"])

        await asyncio.gather(*(one(i) for i in range(cases)))
    return opened, failures


def check(url: str, centre: str, opened: list[str], timeout: float) -> dict[str, Any]:
    """Wait for the workers, then count the effects straight from the database."""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as db:
        while True:
            tasks: dict[str, int] = dict(
                db.execute(
                    "SELECT case_id::text, count(*) FROM tasks WHERE centre_id = %s "
                    "AND kind = 'initial_contact' GROUP BY case_id",
                    (centre,),
                ).fetchall()
            )
            unsettled = db.execute(
                "SELECT count(*) FROM outbox WHERE centre_id = %s AND settled_at IS NULL",
                (centre,),
            ).fetchone()
            pending = unsettled[0] if unsettled else 0
            if (len(tasks) >= len(opened) and pending == 0) or time.monotonic() > deadline:
                break
            time.sleep(1)
        events = db.execute(
            "SELECT count(*) FROM outbox WHERE centre_id = %s", (centre,)
        ).fetchone()
    missing = [c for c in opened if c not in tasks]
    duplicated = {c: n for c, n in tasks.items() if n != 1}
    return {
        "cases_opened": len(opened),
        "initial_contact_tasks": sum(tasks.values()),
        "cases_without_task": len(missing),
        "cases_with_more_than_one_task": len(duplicated),
        "outbox_events": events[0] if events else 0,
        "outbox_unsettled": pending,
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    import psycopg

    from cma_adapters.sqlalchemy.migrate import upgrade

    name = f"cma_horizontal_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    upgrade(url)
    procs: list[subprocess.Popen[bytes]] = []
    tmp = tempfile.TemporaryDirectory(prefix="cma-horizontal-")
    env = environment(url, Path(tmp.name), f"cma-h-{uuid.uuid4().hex[:6]}")
    try:
        centre = cli(env, "centre", "create", "Horizontal Advice")["id"]
        email = "adviser@horizontal.example"
        cli(env, "user", "create", "--centre", centre, "--email", email, "--role", "adviser",
            "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
        ports = [free_port(), free_port()]
        procs += start(env, ports)
        for port in ports:
            await wait_ready(port, args.start_timeout)
        balancer = RoundRobin(ports)
        lb_port = free_port()
        server = await asyncio.start_server(balancer.handle, "127.0.0.1", lb_port)
        base = f"http://127.0.0.1:{lb_port}"
        async with httpx.AsyncClient(base_url=base, timeout=60) as h:
            r = await h.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
            r.raise_for_status()
            token = r.json()["access_token"]
        started = time.perf_counter()
        opened, failures = await load(base, token, args.cases, args.concurrency)
        load_s = time.perf_counter() - started
        server.close()
        result = check(url, centre, opened, args.settle_timeout)
        verify = verify_chain(env, centre)
        result |= {
            "requests_failed": failures,
            "connections_per_api": list(balancer.counts.values()),
            "load_seconds": round(load_s, 1),
            "writes_per_second": round(2 * len(opened) / load_s, 1),
            "audit_chain": json.loads(verify.stdout) if verify.stdout else verify.stderr,
            "audit_chain_intact": verify.returncode == 0,
        }
        result["ok"] = (
            failures == 0
            and result["cases_without_task"] == 0
            and result["cases_with_more_than_one_task"] == 0
            and result["outbox_unsettled"] == 0
            and result["audit_chain_intact"]
            and all(n > 0 for n in balancer.counts.values())
        )
        return result
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=20)
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        tmp.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--start-timeout", type=float, default=600.0)
    parser.add_argument("--settle-timeout", type=float, default=180.0)
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=2, default=str))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
