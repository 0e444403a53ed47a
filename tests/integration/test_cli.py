"""The ``cma`` command against real databases: SQLite in a temp dir, and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from alembic import command
from dependency_injector import providers
from tests.integration.conftest import FAST_HASHING
from typer.testing import CliRunner, Result

from cma_adapters.sqlalchemy.migrate import alembic_config, upgrade
from cma_core.cases.model import CaseStatus
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.demo import CASES, CENTRES, CLIENTS, DEMO_PASSWORD, STAFF
from cma_entrypoints.cli.demo_documents import LETTERS
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings

T = TypeVar("T")

PASSWORD = "correct-horse-battery"


def _with_container(env: dict[str, str | None], work: Callable[[Container], Awaitable[T]]) -> T:
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def main() -> T:
        container = build_container(settings)
        try:
            return await work(container)
        finally:
            await shutdown(container)

    return asyncio.run(main())


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


def _create_centre(cma: Callable[..., Result], name: str = "Eastside Advice") -> str:
    result = cma("centre", "create", name, "--json")
    assert result.exit_code == 0, result.output
    return str(_json(result)["id"])


def test_migrate_creates_the_data_dir_and_is_idempotent(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    data_dir = Path(str(env["CMA_DATA_DIR"]))
    assert not data_dir.exists()

    first = cma("migrate")
    second = cma("migrate")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert (data_dir / "cma.db").is_file()
    assert "up to date" in second.stdout


def test_centre_create_and_list(cma: Callable[..., Result]) -> None:
    assert cma("migrate").exit_code == 0

    created = cma("centre", "create", "Eastside Advice", "--json")
    human = cma("centre", "create", "Westside Advice")
    listed = cma("centre", "list", "--json")
    table = cma("centre", "list")

    assert created.exit_code == 0, created.output
    body = _json(created)
    assert set(body) <= {"id", "name"}
    assert str(uuid.UUID(body["id"])) == body["id"]
    assert human.exit_code == 0
    assert "created centre 'Westside Advice'" in human.stdout
    assert [c["name"] for c in _json(listed)] == ["Eastside Advice", "Westside Advice"]
    assert body["id"] in table.stdout


def test_user_create_reads_the_password_from_stdin(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    assert cma("migrate").exit_code == 0
    centre_id = _create_centre(cma)

    result = cma(
        "user", "create", "--centre", centre_id, "--email", "Ann@Eastside.example",
        "--role", "adviser", "--full-name", "Ann Adviser", "--password-stdin", "--json",
        stdin=PASSWORD + "\n",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    body = _json(result)
    assert body == {
        "id": body["id"],
        "email": "ann@eastside.example",
        "centre_id": centre_id,
        "role": "adviser",
    }
    # The trailing newline was not part of the password.
    signed_in = _with_container(
        env, lambda c: c.identity().authenticate("ann@eastside.example", PASSWORD)
    )
    assert str(signed_in.user.id) == body["id"]
    assert signed_in.context.roles == frozenset({Role.ADVISER})


BAD_INPUT = [
    # (what, args after --centre ID, stdin, exit code, message, json code, json field)
    ("bad uuid", ["--centre", "not-a-uuid"], PASSWORD, 2, "centre: must be a UUID",
     "validation-error", "centre"),
    ("unknown role", ["--role", "boss"], PASSWORD, 2, "unknown role 'boss'",
     "validation-error", "role"),
    ("bad email", ["--email", "not-an-email"], PASSWORD, 2, "email: is not a valid email",
     "validation-error", "email"),
    ("short password", [], "short", 2, "password: must be at least 12 characters",
     "validation-error", "password"),
    ("unknown centre", ["--centre", "00000000-0000-4000-8000-000000000000"], PASSWORD, 1,
     "centre 00000000-0000-4000-8000-000000000000 not found", "not-found", None),
    ("no stdin flag", ["--no-stdin-flag"], PASSWORD, 2, "--password-stdin",
     "usage-error", "password"),
]  # fmt: skip


@pytest.mark.parametrize("as_json", [False, True], ids=["human", "json"])
@pytest.mark.parametrize(
    ("overrides", "stdin", "exit_code", "message", "code", "field"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_user_create_rejects_bad_input_and_writes_nothing(
    cma: Callable[..., Result],
    env: dict[str, str | None],
    overrides: list[str],
    stdin: str,
    exit_code: int,
    message: str,
    code: str,
    field: str | None,
    as_json: bool,
) -> None:
    assert cma("migrate").exit_code == 0
    centre_id = _create_centre(cma)
    options = {"--centre": centre_id, "--email": "bob@eastside.example", "--role": "adviser"}
    flags = ["--password-stdin"]
    if overrides == ["--no-stdin-flag"]:
        flags = []
    else:
        options.update(dict(zip(overrides[::2], overrides[1::2], strict=True)))
    args = [x for pair in options.items() for x in pair] + flags + (["--json"] if as_json else [])

    result = cma("user", "create", *args, stdin=stdin + "\n")

    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    if as_json:
        error = _json(result)["error"]
        assert (error["code"], error["field"]) == (code, field)
        assert message in error["message"]
    else:
        assert result.stderr.startswith("error: ")
        assert message in result.stderr
        assert result.stdout == ""
    users = _with_container(
        env, lambda c: c.identity_store().list_users(CentreId(uuid.UUID(centre_id)))
    )
    assert list(users) == []


def test_duplicate_user_is_refused_and_not_duplicated(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    assert cma("migrate").exit_code == 0
    centre_id = _create_centre(cma)
    args = ["user", "create", "--centre", centre_id, "--email", "cat@eastside.example",
            "--role", "supervisor", "--password-stdin"]  # fmt: skip
    assert cma(*args, stdin=PASSWORD).exit_code == 0

    again = cma(*args, stdin=PASSWORD)
    again_json = cma(*args, "--json", stdin=PASSWORD)

    assert again.exit_code == 1
    assert (
        again.stderr
        == "error: cat@eastside.example already has the role supervisor in this centre\n"
    )
    assert again_json.exit_code == 1
    assert _json(again_json)["error"]["code"] == "conflict"
    users = _with_container(
        env, lambda c: c.identity_store().list_users(CentreId(uuid.UUID(centre_id)))
    )
    assert [u.email for u in users] == ["cat@eastside.example"]


def test_bad_settings_are_reported_without_a_traceback(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    env["CMA_DATABASE_URL"] = "mysql://nope"

    human = cma("centre", "list")
    as_json = cma("centre", "list", "--json")

    assert human.exit_code == 2
    assert human.stderr == "error: CMA_DATABASE_URL must be a postgresql:// or sqlite:/// URL\n"
    assert as_json.exit_code == 2
    assert _json(as_json)["error"]["field"] == "CMA_DATABASE_URL"


def test_worker_needs_redis(cma: Callable[..., Result]) -> None:
    result = cma("worker")

    assert result.exit_code == 2
    assert "CMA_REDIS_URL is not set" in result.stderr
    assert "in-process" in result.stderr


def test_relay_delivers_events_left_unpublished(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    assert cma("migrate").exit_code == 0
    centre_id = CentreId(uuid.UUID(_create_centre(cma)))

    async def open_case_without_publishing(c: Container) -> None:
        # As if the process died between the commit and the publish.
        c.publisher.override(providers.Object(None))
        ctx = TenantContext.system(centre_id)
        client = await c.clients().register(
            ctx,
            RegisterClient(first_name="Dee", last_name="Jones", date_of_birth=dt.date(1990, 5, 5)),
        )
        await c.cases().open(ctx, OpenCase(client_id=client.id))

    _with_container(env, open_case_without_publishing)

    first = cma("relay", "--json")
    second = cma("relay")

    assert first.exit_code == 0, first.output
    assert _json(first) == {"published": 2}
    assert second.stdout == "published 0 events\n"

    async def tasks(c: Container) -> int:
        return (await c.tasks().list(TenantContext.system(centre_id))).total

    assert _with_container(env, tasks) == 1


def test_demo_seeds_once(cma: Callable[..., Result], env: dict[str, str | None]) -> None:
    first = cma("demo", "--no-serve")
    second = cma("demo", "--no-serve")

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    assert "already present" in second.stdout
    for out in (first.stdout, second.stdout):
        assert DEMO_PASSWORD in out
        assert "admin@northside.example" in out
        assert "/schema/openapi.json" in out

    async def counts(c: Container) -> dict[str, Any]:
        centres = await c.identity_store().list_centres()
        out: dict[str, Any] = {"centres": sorted(x.name for x in centres)}
        for centre in centres:
            ctx = TenantContext.system(centre.id)
            out[centre.name] = (
                len(await c.identity_store().list_users(centre.id)),
                (await c.clients().list(ctx)).total,
                (await c.cases().list(ctx)).total,
                (await c.cases().list(ctx, status=CaseStatus.CLOSED)).total,
                (await c.tasks().list(ctx)).total,
            )
        return out

    found = _with_container(env, counts)
    assert found["centres"] == sorted(c.name for c in CENTRES)
    closed = sum(1 for *_, reason in CASES if reason is not None)
    for centre in CENTRES:
        # One initial-contact task per case, made by the in-process event handlers, and
        # one per obligation of the deficit case's Breathing Space timeline (3).
        tasks = len(CASES) + 3
        assert found[centre.name] == (len(STAFF), len(CLIENTS), len(CASES), closed, tasks)

    # The open cases' casework: two fully compliant, the others with real findings.
    async def failing_rules(c: Container) -> list[set[str]]:
        centre = next(
            x for x in await c.identity_store().list_centres() if x.name == CENTRES[0].name
        )
        ctx = TenantContext.system(centre.id)
        out = []
        for case in (await c.cases().list(ctx, status=CaseStatus.OPEN)).items:
            result = await c.compliance().case_compliance(ctx, case.id)
            out.append({f.rule_id for f in result.findings if f.status.value == "fail"})
        return out

    fails = _with_container(env, failing_rules)
    assert sum(1 for f in fails if not f) == 2, fails
    assert {"CR-01", "CR-02", "CR-03", "CR-09"} <= set().union(*fails)

    # The demo's staff started a year ago, so CR-21 judges (and passes) their reviews; the
    # deficit case's Breathing Space meets CR-15 and its midway review is not due yet.
    async def statuses(c: Container, rule: str) -> list[str]:
        centre = next(
            x for x in await c.identity_store().list_centres() if x.name == CENTRES[0].name
        )
        ctx = TenantContext.system(centre.id)
        out = []
        for case in (await c.cases().list(ctx, status=CaseStatus.OPEN)).items:
            result = await c.compliance().case_compliance(ctx, case.id)
            out += [f.status.value for f in result.findings if f.rule_id == rule]
        return out

    assert "pass" in _with_container(env, lambda c: statuses(c, "CR-21"))
    assert "not_applicable" not in _with_container(env, lambda c: statuses(c, "CR-21"))
    assert _with_container(env, lambda c: statuses(c, "CR-15")).count("pass") == 1
    assert _with_container(env, lambda c: statuses(c, "CR-16")).count("pass") == 1

    # The letters the clients brought in were read (the PDFs' text layers: no OCR) and
    # their suggestions wait on adviser1's cases: the catalogue's new balance and the
    # bank's claim as updates of debts on the credit report (the claim names the card only
    # by its last four figures), the claim's and the enforcement notice's deadlines.
    async def documents(c: Container) -> tuple[list[str], list[str]]:
        centre = next(
            x for x in await c.identity_store().list_centres() if x.name == CENTRES[0].name
        )
        ctx = TenantContext.system(centre.id)
        read, kinds = [], []
        for case in (await c.cases().list(ctx, status=CaseStatus.OPEN)).items:
            for doc in (await c.documents().list(ctx, case.id)).items:
                read.append(doc.status.value)
            kinds += [
                s.kind.value for s in (await c.documents().list_suggestions(ctx, case.id)).items
            ]
        return read, sorted(kinds)

    read, kinds = _with_container(env, documents)
    assert read == ["done"] * len(LETTERS), read
    assert kinds.count("update_debt") == 2, kinds
    assert {"court_claim_deadline", "enforcement_deadline", "response_deadline"} <= set(kinds)
    # Migration 2090 gives the work queue items written before it their case's reference:
    # back to before it (the column gone), then up again.
    url = Settings.from_env({k: v for k, v in env.items() if v is not None}).database_url
    command.downgrade(alembic_config(url), "work_queue_case_reference@-1")
    upgrade(url)
    with sqlite3.connect(url.split("///", 1)[1]) as db:
        rows = db.execute(
            "SELECT w.case_reference, c.reference FROM work_queue_items w "
            "LEFT JOIN cases c ON c.id = w.case_id WHERE w.case_id IS NOT NULL"
        ).fetchall()
    assert rows
    assert all(mine == theirs and mine for mine, theirs in rows), rows
    signed_in = _with_container(
        env, lambda c: c.identity().authenticate("adviser1@riverside.example", DEMO_PASSWORD)
    )
    assert signed_in.context.roles == frozenset({Role.ADVISER})


@pytest.mark.postgres
def test_admin_commands_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    env: dict[str, str | None] = {
        "CMA_DATA_DIR": str(tmp_path),
        "CMA_DATABASE_URL": postgres_url,
        "CMA_SECRET_KEY": "s" * 48,
        "CMA_REDIS_URL": None,
        **FAST_HASHING,
    }
    runner = CliRunner()

    def cma(*args: str, stdin: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=stdin, env=env)

    name = f"Postgres Centre {uuid.uuid4().hex[:8]}"
    migrated = cma("migrate")
    created = cma("centre", "create", name, "--json")
    assert migrated.exit_code == 0, migrated.output
    assert "PostgreSQL" in migrated.stdout
    assert postgres_url.rsplit("/", 1)[1] in migrated.stdout
    assert created.exit_code == 0, created.output
    centre_id = _json(created)["id"]
    email = f"dan-{uuid.uuid4().hex[:8]}@pg.example"
    args = ["user", "create", "--centre", centre_id, "--email", email, "--role", "auditor",
            "--password-stdin", "--json"]  # fmt: skip

    user = cma(*args, stdin=PASSWORD + "\n")
    duplicate = cma(*args, stdin=PASSWORD + "\n")
    short = cma(*args[:-2], "--password-stdin", stdin="tiny\n")
    listed = cma("centre", "list", "--json")

    assert user.exit_code == 0, user.output
    assert _json(user)["role"] == "auditor"
    assert duplicate.exit_code == 1
    assert _json(duplicate)["error"]["code"] == "conflict"
    assert short.exit_code == 1  # the user exists: the role is simply already granted
    assert {"id": centre_id, "name": name} in [
        {"id": c["id"], "name": c["name"]} for c in _json(listed)
    ]
    users = _with_container(
        env, lambda c: c.identity_store().list_users(CentreId(uuid.UUID(centre_id)))
    )
    assert [u.email for u in users] == [email]


def test_user_remove_takes_a_user_out_of_the_centre(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    assert cma("migrate").exit_code == 0
    centre_id = _create_centre(cma)
    made = cma(
        "user", "create", "--centre", centre_id, "--email", "gone@eastside.example",
        "--role", "adviser", "--password-stdin", "--json", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.exit_code == 0, made.output

    removed = cma("user", "remove", "--centre", centre_id, "--user", "gone@eastside.example",
                  "--json")  # fmt: skip

    assert removed.exit_code == 0, removed.output
    assert _json(removed) == {"centre_id": centre_id, "removed": _json(made)["id"]}
    user = _with_container(
        env, lambda c: c.identity_store().get_user_by_email("gone@eastside.example")
    )
    assert user is not None
    assert user.centre_ids == []
    again = cma("user", "remove", "--centre", centre_id, "--user", "gone@eastside.example")
    assert again.exit_code == 1  # no longer a member: not found
