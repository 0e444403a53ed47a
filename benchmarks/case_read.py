"""Benchmark: CMA's ``GET /api/v1/cases/{id}`` against a bare Litestar endpoint running the
same SQL through the same driver, and against a bare primary-key read, on PostgreSQL
seeded with 100,000 cases.

Views are audited with ``CMA_AUDIT_SEAL=later`` (the PostgreSQL default): the request
writes its entry unsealed; the sealer runs after the rounds (``cma audit seal``), timed on
its own and reported per entry, and the chain is verified at the end.

Both are served the same way (one uvicorn worker pinned to CPU 0, no access log) and loaded
the same way (wrk on CPU 1, 16 connections, random case ids), alternately, in one run.
Reported: requests/s and server CPU time per request, and CMA's share of the baseline.

    ./dev bench            # or: .venv/bin/python benchmarks/case_read.py [--cases N]

Needs PostgreSQL (CMA_TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres)
and wrk (Debian package ``wrk``). Creates and drops its own database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg

from cma_entrypoints.scale_copy import backend_cpu

ROOT = Path(__file__).resolve().parents[1]
ADMIN_URL = os.environ.get("CMA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PASSWORD = "benchmark-password-1"
SECRET = "benchmark-secret-key-0123456789-abcdefghijkl"


def bench_db_name() -> str:
    """A fresh database name; ``CMA_BENCH_DB_TAG`` (e.g. a branch name) goes into it, so
    engineers sharing one PostgreSQL server can tell their benchmark databases apart."""
    tag = re.sub(r"[^a-z0-9_]", "", os.environ.get("CMA_BENCH_DB_TAG", "").lower())
    return f"cma_bench_{tag + '_' if tag else ''}{uuid.uuid4().hex[:8]}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed(url: str, cases: int, data_dir: Path) -> tuple[str, list[str]]:
    """Migrate; make the centre and 100 clients through CMA's own services (so personal
    fields are encrypted as in production); then COPY the cases (seconds, not minutes).
    Returns (centre id, case ids)."""
    sys.path.insert(0, str(ROOT / "src"))
    import asyncio

    from cma_adapters.sqlalchemy.migrate import upgrade
    from cma_core.clients.service import RegisterClient
    from cma_core.identity.model import TenantContext
    from cma_core.shared.ids import CentreId, ClientId
    from cma_entrypoints.container import build_container, shutdown
    from cma_entrypoints.settings import Settings

    upgrade(url)
    settings = Settings.from_env(
        {"CMA_DATABASE_URL": url, "CMA_SECRET_KEY": SECRET, "CMA_DATA_DIR": str(data_dir)}
    )

    async def make() -> tuple[CentreId, list[ClientId]]:
        c = build_container(settings)
        try:
            centre = await c.identity().create_centre("Benchmark Centre")
            ctx = TenantContext.system(centre.id)
            made = []
            for i in range(100):
                client = await c.clients().register(
                    ctx,
                    RegisterClient(
                        first_name=f"First{i}",
                        last_name=f"Last{i}",
                        date_of_birth=dt.date(1980, 1, 1),
                    ),
                )
                made.append(client.id)
            return centre.id, made
        finally:
            await shutdown(c)

    centre, clients = asyncio.run(make())
    now = dt.datetime.now(dt.UTC)
    case_ids: list[str] = []
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy(
            "COPY cases (id, centre_id, client_id, reference, status, adviser_id, "
            "opened_at, updated_at, closed_at, close_reason, version) "
            "FROM STDIN"
        ) as copy:
            for i in range(cases):
                case_id = uuid.uuid4()
                case_ids.append(str(case_id))
                copy.write_row(
                    (
                        case_id,
                        centre,
                        clients[i % len(clients)],
                        f"C-{i + 1:06d}",
                        "open",
                        None,
                        now,
                        now,
                        None,
                        None,
                        1,
                    )
                )
        cur.execute(
            "INSERT INTO centre_counters (centre_id, case_seq) VALUES (%s, %s)", (centre, cases)
        )
        cur.execute("ANALYZE")
    return str(centre), case_ids


def start(cmd: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        ["taskset", "-c", "0", *cmd],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 180  # a loaded machine imports slowly
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "died") from None
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` (the server under test)."""
    seconds = backend_cpu(pid)
    if seconds is None:
        raise RuntimeError(f"cannot read the CPU time of process {pid} from /proc")
    return seconds


def wrk(port: int, path: str, ids: list[str], seconds: int, token: str | None) -> tuple[float, int]:
    sample = random.Random(7).sample(ids, min(2000, len(ids)))
    lua = "paths = {" + ",".join(f'"{path}{i}"' for i in sample) + "}\n"
    lua += "n = 0\nrequest = function()\n  n = n + 1\n"
    lua += "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n"
    if token:
        lua += f'wrk.headers["Authorization"] = "Bearer {token}"\n'
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    out = subprocess.run(
        [
            "taskset",
            "-c",
            "1",
            "wrk",
            "-t1",
            "-c16",
            f"-d{seconds}s",
            "-s",
            f.name,
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(f.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise RuntimeError(f"{non2xx.group(1)} failed requests:\n{out}")
    return rps, total


def measure(
    proc: subprocess.Popen[bytes],
    port: int,
    path: str,
    ids: list[str],
    seconds: int,
    token: str | None,
) -> dict[str, float]:
    wrk(port, path, ids, 2, token)  # warm up: pool, caches, JIT-free but import-heavy paths
    before = cpu_seconds(proc.pid)
    rps, total = wrk(port, path, ids, seconds, token)
    cpu = cpu_seconds(proc.pid) - before
    return {
        "rps": rps,
        "requests": total,
        "cpu_ms_per_request": 1000 * cpu / total,
        "rss_mb": rss_mb(proc.pid),
    }


def rss_mb(pid: int) -> float:
    """The server's resident memory after the round, in MB (``VmRSS``): a server whose
    memory grows round after round is keeping something of every request."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def seal_and_verify(env: dict[str, str], centre: str) -> dict[str, Any]:
    """Seal what the rounds wrote (``cma audit seal``), timed, then verify the chain."""
    cma = str(Path(sys.executable).parent / "cma")
    t0, r0 = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [cma, "audit", "seal", "--json"], env=env, cwd=ROOT, capture_output=True, text=True
    )
    r1, seconds = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic() - t0
    sealed = int(json.loads(out.stdout)["sealed"])
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    verify = subprocess.run(
        [cma, "audit", "verify", "--centre", centre, "--json"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    report = json.loads(verify.stdout)
    return {
        "sealed": sealed,
        "seconds": seconds,
        "cpu_ms_per_entry": 1000 * cpu / max(sealed, 1),
        "intact": bool(report["intact"]) and report["unsealed"] == 0,
        "checked": report["checked"],
    }


def served_env(url: str, data: Path | str, centre: str | None = None) -> dict[str, str]:
    """The settings CMA is measured under (here, ``case_read_asgi.py`` and
    ``profile_case_read.py``); with ``centre``, also the bare endpoint's DSN and centre."""
    env = {
        "CMA_DATABASE_URL": url,
        "CMA_SECRET_KEY": SECRET,
        "CMA_ACCESS_TOKEN_TTL": "3600",
        "CMA_DATA_DIR": str(data),
        # Measure the limiter's bookkeeping, not its refusals: one user sends them all.
        "CMA_RATE_LIMIT_PER_MINUTE": "1000000000",
        "CMA_RATE_LIMIT_PER_IP_PER_MINUTE": "1000000000",
        "CMA_LOG_LEVEL": "WARNING",
        # The sealer is timed apart after the rounds, not inside the server's CPU.
        "CMA_AUDIT_SEAL": "later",
        "CMA_AUDIT_SEAL_EVERY": "3600",
    }
    if centre is not None:
        env |= {"BENCH_DSN": url, "BENCH_CENTRE": centre}
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--before-src",
        type=Path,
        action="append",
        default=[],
        help="also serve CMA from this older src/ tree (e.g. a `git archive` of main) as "
        "endpoint `before` (repeated: `before`, `before2`, ...), in the same rounds, for a "
        "before/after of each step in one run",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is needed: apt-get install wrk", file=sys.stderr)
        return 2

    name = bench_db_name()
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        print(f"seeding {args.cases:,} cases ...", flush=True)
        data_dir = Path(tempfile.mkdtemp(prefix="cma-bench-"))
        centre, ids = seed(url, args.cases, data_dir)
        env = {
            **os.environ,
            **served_env(url, data_dir, centre),
            # This tree's code, whatever the virtualenv's editable install points at.
            "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
        }
        env.pop("CMA_REDIS_URL", None)
        subprocess.run(
            [
                str(Path(sys.executable).parent / "cma"),
                "user",
                "create",
                "--centre",
                centre,
                "--email",
                "bench@bench.example",
                "--role",
                "adviser",
                "--password-stdin",
            ],
            input=PASSWORD,
            text=True,
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        uvicorn = [
            sys.executable,
            "-m",
            "uvicorn",
            "--no-access-log",
            "--log-level",
            "warning",
            "--host",
            "127.0.0.1",
        ]
        cma_port, bare_port = free_port(), free_port()
        cma = start(
            [*uvicorn, "--port", str(cma_port), "cma_entrypoints.http.asgi:app"], env, cma_port
        )
        procs.append(cma)
        bare = start(
            [*uvicorn, "--port", str(bare_port), "benchmarks.bare_app:app"], env, bare_port
        )
        procs.append(bare)
        befores: dict[str, tuple[subprocess.Popen[bytes], int]] = {}
        for n, src in enumerate(args.before_src, start=1):
            before_port = free_port()
            before_env = {**env, "PYTHONPATH": f"{src.resolve()}:{ROOT}"}
            before = start(
                [*uvicorn, "--port", str(before_port), "cma_entrypoints.http.asgi:app"],
                before_env,
                before_port,
            )
            procs.append(before)
            befores["before" if n == 1 else f"before{n}"] = (before, before_port)
        import httpx

        token = httpx.post(
            f"http://127.0.0.1:{cma_port}/api/v1/auth/login",
            json={"email": "bench@bench.example", "password": PASSWORD},
            timeout=30,
        ).json()["access_token"]
        results: dict[str, list[dict[str, float]]] = {"bare": [], "pk": [], "cma": []}
        for r in range(args.rounds):
            print(f"round {r + 1}/{args.rounds}", flush=True)
            results["bare"].append(measure(bare, bare_port, "/cases/", ids, args.seconds, None))
            results["pk"].append(measure(bare, bare_port, "/pk/", ids, args.seconds, None))
            results["cma"].append(
                measure(cma, cma_port, "/api/v1/cases/", ids, args.seconds, token)
            )
            for label, (before, before_port) in befores.items():
                results.setdefault(label, []).append(
                    measure(before, before_port, "/api/v1/cases/", ids, args.seconds, token)
                )
        summary = {k: {m: sum(x[m] for x in v) / len(v) for m in v[0]} for k, v in results.items()}
        ratio_rps = summary["cma"]["rps"] / summary["bare"]["rps"]
        ratio_cpu = summary["bare"]["cpu_ms_per_request"] / summary["cma"]["cpu_ms_per_request"]
        ratio_pk = summary["cma"]["rps"] / summary["pk"]["rps"]
        print(f"\n{'endpoint':<8} {'req/s':>9} {'CPU ms/req':>11}")
        for k in results:
            print(f"{k:<8} {summary[k]['rps']:>9.0f} {summary[k]['cpu_ms_per_request']:>11.3f}")
        print(f"\nCMA / bare same SQL: throughput {ratio_rps:.2f}, CPU efficiency {ratio_cpu:.2f}")
        print(f"CMA / bare primary-key read: throughput {ratio_pk:.2f}")
        for label in befores:
            b, bare_sum = summary[label], summary["bare"]
            rps_b = b["rps"] / bare_sum["rps"]
            cpu_b = bare_sum["cpu_ms_per_request"] / b["cpu_ms_per_request"]
            pk_b = b["rps"] / summary["pk"]["rps"]
            print(
                f"{label} / bare same SQL: throughput {rps_b:.2f}, CPU efficiency {cpu_b:.2f}; "
                f"{label} / primary-key read: throughput {pk_b:.2f}"
            )
        seal = seal_and_verify(env, centre)
        print(
            f"sealer: {seal['sealed']:,} entries in {seal['seconds']:.1f} s "
            f"({seal['cpu_ms_per_entry']:.3f} ms CPU per entry); chain intact: {seal['intact']}"
        )
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "runs": results,
                        "summary": summary,
                        "ratio_rps": ratio_rps,
                        "ratio_cpu": ratio_cpu,
                        "ratio_pk_rps": ratio_pk,
                        "seal": seal,
                        "load_average": os.getloadavg(),
                    },
                    indent=2,
                )
            )
        return 0 if seal["intact"] else 1
    finally:
        for p in procs:
            p.send_signal(signal.SIGINT)
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    raise SystemExit(main())
