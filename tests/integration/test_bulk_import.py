"""``cma import csv``: the back-office bulk import, on SQLite and PostgreSQL (as the
application role, under Row Level Security), with the in-process event handlers."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from cma_core.clients.lookup import ClientLookup
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.bulk_import import CsvFile, run_import
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings

EXAMPLES = Path(__file__).parents[2] / "examples" / "import"
SECRET = "test-secret-key-0123456789-abcdefghijklmnop"


def example(kind: str) -> CsvFile:
    path = EXAMPLES / f"{kind}.csv"
    return CsvFile(kind, f"{kind}.csv", path.read_bytes())


def csv_file(kind: str, text: str) -> CsvFile:
    return CsvFile(kind, f"{kind}.csv", text.encode())


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def container(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Container]:
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("postgres_url")
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path / "data"),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": SECRET,
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "8192",
        }
    )
    c = build_container(settings)
    yield c
    await shutdown(c)


async def new_centre(c: Container) -> CentreId:
    centre = await c.identity().create_centre(f"Import {uuid.uuid4().hex[:6]}")
    return centre.id


async def test_example_files_import_as_the_api_would_write_them(c_and_centre: Any) -> None:
    c, centre = c_and_centre
    receipt = await run_import(c, centre, [example(k) for k in ("clients", "cases", "debts")])
    await c.publisher().drain()  # the in-process handlers (a worker, in production)
    assert receipt.written
    assert receipt.errors == []
    assert receipt.imported == {"clients": 3, "cases": 3, "debts": 3}
    ctx = TenantContext.system(centre)

    # Personal data reads back through the client service (sealed, then opened), and the
    # keyed look-up indexes find an imported client by surname and date of birth.
    found = await c.clients().lookup(ctx, ClientLookup.of(name="Khan", dob=dt.date(1985, 3, 14)))
    assert [(x.first_name, x.ni_number) for x in found.items] == [("Amira", "AB123456C")]
    assert found.items[0].address is not None
    assert found.items[0].address.postcode == "LS6 2AB"
    by_name = await c.clients().list(ctx, name="okafor")
    assert [x.first_name for x in by_name.items] == ["Chloe"]

    cases = await c.cases().list(ctx, limit=50)
    assert sorted((x.reference, x.status.value) for x in cases.items) == [
        ("C-000001", "open"),
        ("C-000002", "closed"),
        ("C-000003", "open"),
    ]
    # The events went through the outbox to the handlers: each opened case got exactly
    # one initial-contact task (the closed one's was cancelled when it closed).
    tasks = await c.tasks().list(ctx, limit=50)
    initial = [t for t in tasks.items if t.kind.value == "initial_contact"]
    assert len(initial) == 3
    assert len({t.case_id for t in initial}) == 3

    debts = await c.debts().list_debts(ctx, found_case(cases.items, "C-000001"))
    assert sorted(d.entry.debt.balance.pence for d in debts.items) == [125_000, 131_245]

    report = await c.audit().verify(ctx)
    assert report.intact, report
    actions = [e.action for e in (await c.audit().list(ctx, limit=100)).items]
    assert actions.count("client.created") == 3
    assert actions.count("case.created") == 3
    assert actions.count("debt.created") == 3
    assert actions.count("import.completed") == 1


def found_case(cases: Any, reference: str) -> Any:
    return next(x.id for x in cases if x.reference == reference)


@pytest.fixture
async def c_and_centre(container: Container) -> tuple[Container, CentreId]:
    return container, await new_centre(container)


async def test_a_re_run_imports_nothing_twice(c_and_centre: Any) -> None:
    c, centre = c_and_centre
    files = [example(k) for k in ("clients", "cases", "debts")]
    await run_import(c, centre, files)
    again = await run_import(c, centre, files)
    assert again.imported == {"clients": 0, "cases": 0, "debts": 0}
    assert again.skipped_existing == {"clients": 3, "cases": 3, "debts": 3}
    # A later cases file may name a client imported before.
    more = csv_file("cases", "external_id,client_external_id\nCS-900,CL-1001\n")
    later = await run_import(c, centre, [more])
    assert later.imported["cases"] == 1
    assert (await c.cases().list(TenantContext.system(centre), limit=50)).total == 4


async def test_invalid_rows_are_reported_by_line_and_column_and_nothing_is_written(
    c_and_centre: Any,
) -> None:
    c, centre = c_and_centre
    clients = csv_file(
        "clients",
        "external_id,first_name,last_name,date_of_birth,ni_number,postcode,address_line_1\n"
        "A1,Ann,Lee,2090-01-01,,,\n"
        "A2,,Lee,1980-01-01,,,\n"
        "A3,Bo,Ray,1980-01-01,QQ123456Z,,\n"
        "A4,Cy,Ng,1980-01-01,,NOT A CODE,1 Road\n"
        "A5,Di,Ok,1980-01-01,,,\n"
        "A5,Ed,Ok,1980-01-01,,,\n",
    )
    cases = csv_file(
        "cases",
        "external_id,client_external_id,status\nK1,A5,open\nK2,A1,open\nK3,A5,shut\n",
    )
    debts = csv_file(
        "debts",
        "external_id,case_external_id,debt_type,balance\n"
        "D1,K1,credit_card,12.345\nD2,K1,loan,10\nD3,K1,credit_card,200000000\nD4,K1,rent,-5\n",
    )
    receipt = await run_import(c, centre, [clients, cases, debts])
    assert not receipt.written
    got = [(e.file, e.line, e.column) for e in receipt.errors]
    assert got == [
        ("clients.csv", 2, "date_of_birth"),
        ("clients.csv", 3, "first_name"),
        ("clients.csv", 4, "ni_number"),
        ("clients.csv", 5, "postcode"),
        ("clients.csv", 7, "external_id"),
        ("cases.csv", 3, "client_external_id"),
        ("cases.csv", 4, "status"),
        ("debts.csv", 2, "balance"),
        ("debts.csv", 3, "debt_type"),
        ("debts.csv", 4, "balance"),
        ("debts.csv", 5, "balance"),
    ]
    ctx = TenantContext.system(centre)
    assert (await c.clients().list(ctx)).total == 0
    assert (await c.cases().list(ctx, limit=10)).total == 0

    # With skip_invalid the valid rows go in, the rest are reported.
    partial = await run_import(c, centre, [clients, cases, debts], skip_invalid=True)
    assert partial.written
    assert partial.imported == {"clients": 1, "cases": 1, "debts": 0}
    assert (await c.clients().list(ctx)).total == 1


async def test_a_wrong_header_stops_the_import_even_when_skipping(c_and_centre: Any) -> None:
    c, centre = c_and_centre
    clients = csv_file(
        "clients", "external_id,first_name,surname,date_of_birth\nA,B,C,1980-01-01\n"
    )
    receipt = await run_import(c, centre, [clients], skip_invalid=True)
    assert not receipt.written
    assert {(e.line, e.column) for e in receipt.errors} == {(1, "last_name"), (1, "surname")}


async def test_an_adviser_is_named_by_email_in_the_centre(c_and_centre: Any) -> None:
    c, centre = c_and_centre
    user = await c.identity().create_user(
        centre_id=centre, email="adviser@import.example", role=Role.ADVISER,
        password="long-enough-password-1",
    )  # fmt: skip
    clients = csv_file(
        "clients", "external_id,first_name,last_name,date_of_birth\nA,B,C,1980-01-01\n"
    )
    cases = csv_file(
        "cases",
        "external_id,client_external_id,adviser_email\nK1,A,Adviser@Import.example\n"
        "K2,A,nobody@import.example\n",
    )
    receipt = await run_import(c, centre, [clients, cases])
    assert [(e.line, e.column) for e in receipt.errors] == [(3, "adviser_email")]
    ok = csv_file(
        "cases", "external_id,client_external_id,adviser_email\nK1,A,adviser@import.example\n"
    )
    await run_import(c, centre, [clients, ok])
    page = await c.cases().list(TenantContext.system(centre), limit=10)
    assert [x.adviser_id for x in page.items] == [user.id]


def test_the_command_prints_a_receipt_and_exits_2_on_invalid_rows(
    cma: Callable[..., Result], tmp_path: Path
) -> None:
    assert cma("migrate").exit_code == 0
    made = cma("centre", "create", "CSV Advice", "--json")
    centre = json.loads(made.stdout)["id"]
    args = ["import", "csv", "--centre", centre, "--json"]
    for kind in ("clients", "cases", "debts"):
        args += [f"--{kind}", str(EXAMPLES / f"{kind}.csv")]
    done = cma(*args)
    assert done.exit_code == 0, done.output
    receipt = json.loads(done.stdout)
    assert receipt["imported"] == {"clients": 3, "cases": 3, "debts": 3}
    assert receipt["written"] is True

    bad = tmp_path / "bad.csv"
    bad.write_text("external_id,first_name,last_name,date_of_birth\nZ,Al,Bo,31/12/1980\n")
    failed = cma("import", "csv", "--centre", centre, "--clients", str(bad))
    assert failed.exit_code == 2
    assert f"{bad}:2: date_of_birth: must be a date like 2024-03-31" in failed.output
    assert "nothing imported" in failed.output
    assert cma("import", "csv", "--centre", centre).exit_code == 2
