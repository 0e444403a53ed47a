"""``cma scheduler --once`` and ``cma compliance report|check`` as an operator runs them.

The scheduler runs against a real data directory (SQLite, the embedded default) and a
dedicated PostgreSQL database, with the default outbox-folder notifier, so "sent" means a
file in ``<data dir>/outbox``. Idempotency is checked on those files: a second sweep, or a
sweep after a crash between sending and recording the send, writes nothing twice and leaves
nothing undelivered.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner, Result

from cma_adapters.sqlalchemy import scheduling as sql_scheduling
from cma_adapters.sqlalchemy.tasks import tasks as sql_tasks
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.scheduling.ports import FactKind, ReminderStatus
from cma_core.scheduling.service import RecordFact
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings

T = TypeVar("T")

FAST_HASHING = {"CMA_ARGON2_TIME_COST": "1", "CMA_ARGON2_MEMORY_COST": "8192"}
PASSWORD = "correct-horse-battery"
REPO = Path(__file__).resolve().parents[2]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def sqlite_env(tmp_path: Path) -> dict[str, str | None]:
    return {
        "CMA_DATA_DIR": str(tmp_path / "data"),
        "CMA_DATABASE_URL": None,
        "CMA_REDIS_URL": None,
        "CMA_SECRET_KEY": None,
        "CMA_SMTP_HOST": None,
        "CMA_SMS_PROVIDER_URL": None,
        **FAST_HASHING,
    }


@pytest.fixture
def postgres_env(tmp_path: Path) -> Iterator[dict[str, str | None]]:
    """A PostgreSQL database of its own: the sweep covers every centre of the database,
    and the session's shared one holds other tests' centres."""
    pytest.importorskip("psycopg")
    import psycopg

    from cma_adapters.sqlalchemy.migrate import upgrade

    admin = os.environ.get("CMA_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")

    def _admin_execute(sql: str) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    name = f"cma_sched_{uuid.uuid4().hex[:10]}"
    try:
        _admin_execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # pragma: no cover - environment problem
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    url = f"{admin.rsplit('/', 1)[0]}/{name}"
    upgrade(url)
    yield {
        "CMA_DATA_DIR": str(tmp_path / "pgdata"),
        "CMA_DATABASE_URL": url,
        "CMA_REDIS_URL": None,
        "CMA_SECRET_KEY": "s" * 48,
        "CMA_SMTP_HOST": None,
        "CMA_SMS_PROVIDER_URL": None,
        **FAST_HASHING,
    }
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _invoke(env: dict[str, str | None], *args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def _with_container(env: dict[str, str | None], work: Callable[[Container], Awaitable[T]]) -> T:
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def main() -> T:
        container = build_container(settings)
        try:
            return await work(container)
        finally:
            await shutdown(container)

    return asyncio.run(main())


def _outbox(env: dict[str, str | None]) -> dict[str, bytes]:
    """The outbox messages, opened (they are sealed on disk since issue 13)."""
    from cma_entrypoints.container import outbox_messages

    folder = Path(str(env["CMA_DATA_DIR"])) / "outbox"
    if not folder.exists():
        return {}
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})
    return dict(sorted(outbox_messages(settings)))


def _today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


async def _seed(container: Container) -> CentreId:
    """A centre with a supervisor, an adviser and a case whose clock has work to do now:
    two missed court deadlines (escalated to the supervisor) and a letter-of-claim reply due
    in five days (reminders to the adviser and, with consent, the client by email)."""
    identity = container.identity()
    centre = await identity.create_centre(f"Sweep {uuid.uuid4().hex[:6]}")
    await identity.create_user(
        centre_id=centre.id,
        email=f"sup-{uuid.uuid4().hex[:6]}@sweep.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    adviser = await identity.create_user(
        centre_id=centre.id,
        email=f"adv-{uuid.uuid4().hex[:6]}@sweep.example",
        role=Role.ADVISER,
        password=PASSWORD,
    )
    ctx = TenantContext(centre_id=centre.id, user_id=adviser.id, roles=frozenset({Role.ADVISER}))
    client = await container.clients().register(
        ctx,
        RegisterClient(
            first_name="Ann",
            last_name="Lee",
            date_of_birth=dt.date(1980, 1, 1),
            email="ann.lee@example.org",
        ),
    )
    await container.scheduling().record_consent(ctx, client.id, email=True, sms=False)
    case = await container.cases().open(ctx, OpenCase(client_id=client.id, adviser_id=adviser.id))
    today = _today()
    scheduling = container.scheduling()
    await scheduling.record_fact(
        ctx,
        case.id,
        RecordFact(kind=FactKind.COURT_CLAIM_SERVED, occurred_on=today - dt.timedelta(days=40)),
    )
    await scheduling.record_fact(
        ctx,
        case.id,
        RecordFact(kind=FactKind.LETTER_OF_CLAIM, occurred_on=today - dt.timedelta(days=25)),
    )
    return centre.id


async def _reminders(container: Container, centre_id: CentreId) -> list[Any]:
    async with container.uow()(centre_id) as uow:
        page = await sql_scheduling.reminders(uow).list(limit=200, offset=0)
    return list(page.items)


def _migrated(env: dict[str, str | None]) -> None:
    if env.get("CMA_DATABASE_URL") is None:
        result = _invoke(env, "migrate")
        assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- scheduler


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def env(request: pytest.FixtureRequest) -> dict[str, str | None]:
    name = "sqlite_env" if request.param == "sqlite" else "postgres_env"
    value: dict[str, str | None] = request.getfixturevalue(name)
    return value


def test_scheduler_once_twice_sends_each_reminder_once(env: dict[str, str | None]) -> None:
    _migrated(env)
    centre_id = _with_container(env, _seed)

    first = _invoke(env, "scheduler", "--once", "--json")
    after_first = _outbox(env)
    second = _invoke(env, "scheduler", "--once", "--json")
    after_second = _outbox(env)

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    report = json.loads(first.stdout)
    assert report["missed"] == 2
    assert report["escalated"] == 2
    assert report["failed"] == 0
    # 2 escalations to the supervisor, 1 adviser reminder, 1 client email (SMS refused).
    assert report["sent"] == 4
    assert len(after_first) == 4
    assert all(name.endswith(".eml") for name in after_first)
    assert after_second == after_first  # nothing new, nothing rewritten
    again = json.loads(second.stdout)
    assert again == dict.fromkeys(again, 0)

    reminders = _with_container(env, lambda c: _reminders(c, centre_id))
    assert {r.status for r in reminders} == {ReminderStatus.SENT}
    assert sorted(r.key.replace(":", "_") + ".eml" for r in reminders) == sorted(after_first)
    bodies = b"\n".join(after_first.values())
    assert b"To: ann.lee@example.org" in bodies
    assert b"Escalation: a case deadline was missed" in bodies


def test_human_output_of_one_sweep(sqlite_env: dict[str, str | None]) -> None:
    _migrated(sqlite_env)
    _with_container(sqlite_env, _seed)

    result = _invoke(sqlite_env, "scheduler", "--once")

    assert result.exit_code == 0, result.output
    assert "sweep: 2 missed, 2 escalated" in result.stdout
    assert "4 sent" in result.stdout


def test_a_failing_notifier_loses_nothing_and_the_next_sweep_sends_the_rest_once(
    sqlite_env: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notifier accepts one message then fails (provider down): the rest stay pending
    and the next sweep delivers them, each exactly once."""
    from cma_adapters.notify import OutboxFolderNotifier

    _migrated(sqlite_env)
    centre_id = _with_container(sqlite_env, _seed)
    real_write = OutboxFolderNotifier._write
    calls = {"n": 0}

    def flaky(self: OutboxFolderNotifier, message: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > 1:
            raise ConnectionError("provider down")
        return real_write(self, message)

    monkeypatch.setattr(OutboxFolderNotifier, "_write", flaky)
    broken = _invoke(sqlite_env, "scheduler", "--once", "--json")
    assert broken.exit_code == 0, broken.output
    assert json.loads(broken.stdout)["sent"] == 1
    assert json.loads(broken.stdout)["failed"] == 3
    assert len(_outbox(sqlite_env)) == 1
    pending = _with_container(sqlite_env, lambda c: _reminders(c, centre_id))
    assert sorted(r.status for r in pending).count(ReminderStatus.PENDING) == 3
    assert {r.attempts for r in pending if r.status is ReminderStatus.PENDING} == {1}

    monkeypatch.setattr(OutboxFolderNotifier, "_write", real_write)
    healed = _invoke(sqlite_env, "scheduler", "--once", "--json")

    assert healed.exit_code == 0, healed.output
    assert json.loads(healed.stdout)["sent"] == 3
    assert len(_outbox(sqlite_env)) == 4
    done = _with_container(sqlite_env, lambda c: _reminders(c, centre_id))
    assert {r.status for r in done} == {ReminderStatus.SENT}


_RUN_ONCE = """
import sys
from cma_entrypoints.cli.main import app
sys.argv = ["cma", "scheduler", "--once", "--json"]
app()
"""

_CRASH_AFTER_FIRST = """
import os, sys
from cma_adapters.notify import OutboxFolderNotifier
real = OutboxFolderNotifier._write
def write_then_die(self, message):
    delivery = real(self, message)
    os._exit(137)  # killed after the send, before the send is recorded
OutboxFolderNotifier._write = write_then_die
from cma_entrypoints.cli.main import app
sys.argv = ["cma", "scheduler", "--once", "--json"]
app()
"""


def test_a_crash_between_send_and_record_resends_nothing_and_loses_nothing(
    sqlite_env: dict[str, str | None],
) -> None:
    """A real process death mid-sweep (``os._exit`` right after the first message is
    written): the next sweep delivers the other messages and does not write the first
    again, though it was never marked sent."""
    _migrated(sqlite_env)
    centre_id = _with_container(sqlite_env, _seed)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CMA_")}
    env.update({k: v for k, v in sqlite_env.items() if v is not None})

    crashed = subprocess.run(
        [sys.executable, "-c", _CRASH_AFTER_FIRST],
        env=env,
        cwd=REPO,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert crashed.returncode == 137, crashed.stderr.decode()
    first_files = _outbox(sqlite_env)
    assert len(first_files) == 1
    state = _with_container(sqlite_env, lambda c: _reminders(c, centre_id))
    assert {r.status for r in state} == {ReminderStatus.PENDING}  # the send was not recorded
    assert len(state) == 4  # the missed deadlines and planned reminders were committed

    resumed = subprocess.run(
        [sys.executable, "-c", _RUN_ONCE],
        env=env,
        cwd=REPO,
        capture_output=True,
        timeout=120,
        check=False,
    )

    assert resumed.returncode == 0, resumed.stderr.decode()
    report = json.loads(resumed.stdout)
    assert report["missed"] == 0  # already marked and escalated before the crash
    assert report["sent"] == 4  # the first one again, folded by its key, and three new
    files = _outbox(sqlite_env)
    assert len(files) == 4
    [(name, body)] = first_files.items()
    assert files[name] == body  # not rewritten
    done = _with_container(sqlite_env, lambda c: _reminders(c, centre_id))
    assert {r.status for r in done} == {ReminderStatus.SENT}


# --------------------------------------------------------------------------- compliance


def _centre_with_findings(env: dict[str, str | None]) -> str:
    _migrated(env)
    centre_id = _with_container(env, _seed)
    swept = _invoke(env, "scheduler", "--once")  # CC-01 fails once deadlines are missed
    assert swept.exit_code == 0, swept.output
    return str(centre_id)


def test_compliance_check_all_reports_progress_and_counts(
    sqlite_env: dict[str, str | None],
) -> None:
    centre = _centre_with_findings(sqlite_env)

    human = _invoke(sqlite_env, "compliance", "check", "--all")
    as_json = _invoke(sqlite_env, "compliance", "check", "--all", "--json")
    only = _invoke(sqlite_env, "compliance", "check", "--centre", centre, "--json")

    assert human.exit_code == 0, human.output
    assert f"centre {centre[:8]}" in human.stdout  # the progress bar's label
    assert "1/1" in human.stdout
    assert "checked 1 case(s) in 1 centre(s)" in human.stdout
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == {"centres": 1, "cases": 1, "by_centre": {centre: 1}}
    assert json.loads(only.stdout)["by_centre"] == {centre: 1}


def test_compliance_report_json_and_csv(sqlite_env: dict[str, str | None]) -> None:
    centre = _centre_with_findings(sqlite_env)
    assert _invoke(sqlite_env, "compliance", "check", "--all", "--json").exit_code == 0

    as_json = _invoke(sqlite_env, "compliance", "report", "--centre", centre, "--format", "json")
    as_csv = _invoke(sqlite_env, "compliance", "report", "--centre", centre, "--format", "csv")

    assert as_json.exit_code == 0, as_json.output
    body = json.loads(as_json.stdout)
    assert body["centre_id"] == centre
    assert body["cases"] == 1
    by_rule = {r["key"]: r for r in body["by_rule"]}
    assert by_rule["CC-01"]["fail"] == 1
    assert {r["key"] for r in body["by_severity"]} <= {"critical", "high", "medium"}
    assert body["failures"] >= 1
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows, as_csv.stdout
    assert set(rows[0]) == {"case_id", "adviser_id", "rule_id", "severity", "status", "message"}
    assert {r["status"] for r in rows} == {"fail"}
    assert "CC-01" in {r["rule_id"] for r in rows}
    assert len(rows) == body["failures"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["report", "--centre", "not-a-uuid"], "centre"),
        (["report", "--centre", str(uuid.UUID(int=1))], "no centre"),
        (["report", "--centre", str(uuid.UUID(int=1)), "--format", "xml"], "--format"),
        (["check", "--centre", str(uuid.UUID(int=1))], "no centre"),
        (["check", "--centre", "nope"], "centre"),
        (["check"], "--all"),
    ],
)
def test_compliance_bad_arguments_exit_2_with_a_clear_message(
    sqlite_env: dict[str, str | None], args: list[str], needle: str
) -> None:
    _migrated(sqlite_env)

    result = _invoke(sqlite_env, "compliance", *args)

    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_compliance_bad_centre_with_json_is_a_json_error(
    sqlite_env: dict[str, str | None],
) -> None:
    _migrated(sqlite_env)

    result = _invoke(sqlite_env, "compliance", "check", "--centre", str(uuid.UUID(int=1)), "--json")

    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["field"] == "centre"


# --------------------------------------------------------------------------- worker


@pytest.fixture
def redis_namespace(redis_url: str) -> Iterator[str]:
    import redis

    name = f"cma-sweep-{uuid.uuid4().hex[:10]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{name}:*"))
    if keys:
        client.delete(*keys)


@pytest.mark.postgres
@pytest.mark.redis
def test_two_worker_processes_sweep_periodically_and_send_each_reminder_once(
    postgres_env: dict[str, str | None], redis_url: str, redis_namespace: str
) -> None:
    """Two ``python -m cma_entrypoints.worker`` processes with CMA_SCHEDULER_INTERVAL=1:
    the due reminders reach the outbox once and missed deadlines are escalated once,
    however many sweeps the two run."""
    import signal
    import time

    env = {
        **postgres_env,
        "CMA_REDIS_URL": redis_url,
        "CMA_REDIS_NAMESPACE": redis_namespace,
        "CMA_SCHEDULER_INTERVAL": "1",
    }
    centre_id = _with_container(env, _seed)
    proc_env = {k: v for k, v in os.environ.items() if not k.startswith("CMA_")}
    proc_env.update({k: v for k, v in env.items() if v is not None})
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "cma_entrypoints.worker"],
            env=proc_env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    # Read each worker's log as it is written: under load, starting two processes takes
    # seconds, so wait for their sweeps themselves rather than for a fixed time.
    lines: list[list[str]] = [[], []]

    def drain(proc: subprocess.Popen[bytes], into: list[str]) -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            into.append(raw.decode(errors="replace"))

    readers = [
        threading.Thread(target=drain, args=(proc, into), daemon=True)
        for proc, into in zip(workers, lines, strict=True)
    ]
    for reader in readers:
        reader.start()

    def sweeps() -> int:
        return sum(line.count("scheduler sweep: ") for into in lines for line in list(into))

    try:
        deadline = time.monotonic() + 90
        while (len(_outbox(env)) < 4 or sweeps() < 3) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        for proc in workers:
            proc.send_signal(signal.SIGTERM)
        for proc in workers:
            proc.wait(timeout=60)
        for reader in readers:
            reader.join(timeout=10)
        logs = ["".join(into) for into in lines]

    assert [p.returncode for p in workers] == [0, 0], logs
    assert len(_outbox(env)) == 4, logs
    assert sum(log.count("scheduler sweep: ") for log in logs) >= 3, logs

    async def state(c: Container) -> tuple[list[Any], list[str]]:
        reminders = await _reminders(c, centre_id)
        async with c.uow()(centre_id) as uow:
            tasks = await sql_tasks(uow).list(limit=100, offset=0)
        return reminders, [t.title for t in tasks.items if t.title.startswith("Escalated")]

    reminders, escalations = _with_container(env, state)
    assert len(reminders) == 4
    assert {r.status for r in reminders} == {ReminderStatus.SENT}
    assert {r.attempts for r in reminders} == {1}
    assert len(escalations) == 2


@pytest.mark.redis
def test_the_sweep_lock_lets_one_worker_sweep_at_a_time(
    redis_url: str, redis_namespace: str
) -> None:
    import redis

    from cma_entrypoints.worker.app import ContainerLifecycle, SweepLock

    client = redis.Redis.from_url(redis_url)
    lock = SweepLock(client, f"{redis_namespace}:scheduler-sweep", ttl=5)
    held = lock.acquire()
    assert held is not None
    assert lock.acquire() is None  # another worker
    runs: list[int] = []

    async def sweep() -> int:
        runs.append(1)
        return 1

    lifecycle = ContainerLifecycle(
        None,  # type: ignore[arg-type]
        relay=sweep,
        relay_every=None,
        sweep=sweep,
        sweep_every=1,
        sweep_lock=lock,
    )
    assert asyncio.run(lifecycle.sweep_once(sweep)) is False
    lock.release(held)
    assert asyncio.run(lifecycle.sweep_once(sweep)) is True
    assert asyncio.run(lifecycle.sweep_once(sweep)) is True  # released after each sweep
    assert runs == [1, 1]
    lock.release(held)  # releasing a lock no longer held is harmless


def test_worker_sweep_interval_comes_from_cma_scheduler_interval() -> None:
    assert Settings.from_env({"CMA_SCHEDULER_INTERVAL": "15"}).scheduler_interval_seconds == 15
    assert Settings.from_env({}).scheduler_interval_seconds == 60


class _LostQueue:
    """A publisher whose events vanish: the embedded default's in-process queue when the
    process stops before reading them."""

    async def publish(self, envelopes: Any) -> None:
        return None


def test_scheduler_fails_documents_left_unread_so_they_can_be_retried(
    env: dict[str, str | None],
) -> None:
    from dependency_injector import providers
    from tests.e2e.documents_fixtures import letter_png

    from cma_adapters.memory import FixedClock
    from cma_core.documents.model import DocumentStatus

    _migrated(env)
    centre_id = _with_container(env, _seed)

    async def upload_two_hours_ago(container: Container) -> tuple[TenantContext, Any]:
        container.publisher.override(providers.Object(_LostQueue()))
        container.clock.override(
            providers.Object(FixedClock(dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)))
        )
        ctx = TenantContext(centre_id=centre_id, user_id=None, roles=frozenset({Role.ADVISER}))
        case = (await container.cases().list(ctx, limit=1)).items[0]
        return ctx, await container.documents().upload(
            ctx, case.id, filename="letter.png", data=letter_png(["Dear Ann"])
        )

    ctx, document = _with_container(env, upload_two_hours_ago)

    swept = _invoke(env, "scheduler", "--once", "--json")

    assert swept.exit_code == 0, swept.output
    assert json.loads(swept.stdout)["documents_timed_out"] >= 1

    async def status(container: Container) -> Any:
        return await container.documents().get(ctx, document.id)

    failed = _with_container(env, status)
    assert failed.status is DocumentStatus.FAILED
    assert failed.failure_reason.startswith("not read: waited 60 minute(s) in the queue")


@pytest.mark.redis
def test_the_sweep_lock_is_released_from_another_thread(
    redis_url: str, redis_namespace: str
) -> None:
    """The worker takes and gives back the lock through ``asyncio.to_thread``, whose pool
    may use a different thread each time: the release must not depend on the thread."""
    import threading

    import redis

    from cma_entrypoints.worker.app import SweepLock

    lock = SweepLock(redis.Redis.from_url(redis_url), f"{redis_namespace}:sweep", ttl=5)
    held = lock.acquire()
    assert held is not None
    errors: list[BaseException] = []

    def release() -> None:
        try:
            lock.release(held)
        except BaseException as exc:
            errors.append(exc)

    other = threading.Thread(target=release)
    other.start()
    other.join()
    assert errors == []
    assert lock.acquire() is not None  # really released, not left to expire
