"""``cma search``, ``cma projections rebuild`` and ``lag`` on the embedded default (SQLite
+ FTS5)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

from typer.testing import CliRunner, Result

from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.settings import Settings


def _seed(env: dict[str, str | None], centre_id: str) -> dict[str, str]:
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def main() -> dict[str, str]:
        container = build_container(settings)
        try:
            ctx = TenantContext.system(CentreId(uuid.UUID(centre_id)))
            client = await container.clients().register(
                ctx,
                RegisterClient(
                    first_name="Ottoline", last_name="Brisket", date_of_birth=dt.date(1970, 1, 2)
                ),
            )
            case = await container.cases().open(ctx, OpenCase(client_id=client.id))
            note = await container.cases().add_note(ctx, case.id, "Catalogue debt with Very")
            return {"client": str(client.id), "case": str(case.id), "note": str(note.id)}
        finally:
            await shutdown(container)  # in-process jobs (the projection) finish first

    return asyncio.run(main())


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_search_and_rebuild_from_the_command_line(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    assert cma("migrate").exit_code == 0
    centre = _json(cma("centre", "create", "Brisket Advice", "--json"))["id"]
    other = _json(cma("centre", "create", "Elsewhere Advice", "--json"))["id"]
    made = _seed(env, centre)

    found = _json(cma("search", "catalogue debt", "--centre", centre, "--json"))
    assert [h["id"] for h in found["items"]] == [made["note"]]
    assert any(p["match"] for p in found["items"][0]["snippet"])
    by_name = _json(cma("search", "brisket", "--centre", centre, "--kind", "client", "--json"))
    assert [(h["id"], h["title"]) for h in by_name["items"]] == [
        (made["client"], "Ottoline Brisket")
    ]
    assert _json(cma("search", "brisket", "--centre", other, "--json"))["total"] == 0
    whole = _json(cma("search", "brisket", "--centre", centre, "--json"))
    first = _json(cma("search", "brisket", "--centre", centre, "--limit", "1", "--json"))
    rest = _json(
        cma("search", "brisket", "--centre", centre, "--cursor", first["next_cursor"], "--json")
    )
    assert whole["total"] == rest["total"] == 2
    assert [h["id"] for h in (*first["items"], *rest["items"])] == [h["id"] for h in whole["items"]]
    assert rest["next_cursor"] is None
    hint = cma("search", "brisket", "--centre", centre, "--limit", "1")
    assert f"--cursor {first['next_cursor']}" in hint.stdout
    human = cma("search", "catalogue", "--centre", centre)
    assert human.exit_code == 0
    assert "1 found" in human.stdout

    bad = cma("search", "x", "--centre", centre, "--kind", "planet")
    assert bad.exit_code == 2
    assert "kind" in bad.output

    rebuilt = _json(cma("projections", "rebuild", "--json"))
    assert rebuilt["documents"] == {centre: 3, other: 0}
    assert rebuilt["case_list_rows"] == {centre: 1, other: 0}
    only_rows = _json(cma("projections", "rebuild", "--only", "case_list", "--json"))
    assert (only_rows["documents"], only_rows["case_list_total"]) == ({}, 1)
    assert cma("projections", "rebuild", "--only", "planet").exit_code == 2
    lag = _json(cma("projections", "lag", "--json"))
    assert lag["case_list"] == {centre: 0.0, other: 0.0}
    again = _json(cma("search", "catalogue debt", "--centre", centre, "--json"))
    assert [h["id"] for h in again["items"]] == [made["note"]]
    one = cma("projections", "rebuild", "--centre", centre)
    assert one.exit_code == 0, one.output
    assert "3 documents, 1 case list rows" in one.stdout


def test_migrate_fills_the_case_list_of_a_database_from_before_it(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    """A database upgraded to the read model (1620) holds cases but no list rows: `cma
    migrate` fills the list from the write side, once (a second run has nothing to do)."""
    assert cma("migrate").exit_code == 0
    centre = _json(cma("centre", "create", "Upgraded Advice", "--json"))["id"]
    _seed(env, centre)
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def rows(clear: bool) -> int:
        container = build_container(settings)
        try:
            async with container.uow()(CentreId(uuid.UUID(centre))) as uow:
                from cma_adapters.sqlalchemy.factories import repository_factories

                repo = repository_factories("case_list_rows")["case_list_rows"](uow)
                count = (await repo.list(limit=1, offset=0)).total
                if clear:
                    await repo.clear()
                    await uow.commit()
                return int(count)
        finally:
            await shutdown(container)

    assert asyncio.run(rows(clear=True)) == 1  # as if written before the read model
    assert asyncio.run(rows(clear=False)) == 0
    filled = _json(cma("migrate", "--json"))
    assert filled["case_lists_filled"] == 1
    assert asyncio.run(rows(clear=False)) == 1
    assert _json(cma("migrate", "--json"))["case_lists_filled"] == 0


def test_migrate_reports_a_centre_whose_key_it_cannot_open_and_carries_on(
    cma: Callable[..., Result], env: dict[str, str | None], tmp_path: Any
) -> None:
    """A centre with cases but no list rows whose data key this deployment's keyring cannot
    unwrap (a keyring file swapped): the schema is still brought up to date (exit 0), the
    centre is named as not filled (its list waits for a rebuild with the right key)."""
    assert cma("migrate").exit_code == 0
    centre = _json(cma("centre", "create", "Locked Advice", "--json"))["id"]
    _seed(env, centre)
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def clear() -> None:
        container = build_container(settings)
        try:
            async with container.uow()(CentreId(uuid.UUID(centre))) as uow:
                from cma_adapters.sqlalchemy.factories import repository_factories

                await repository_factories("case_list_rows")["case_list_rows"](uow).clear()
                await uow.commit()
        finally:
            await shutdown(container)

    asyncio.run(clear())
    other = {**env, "CMA_KEYRING_PATH": str(tmp_path / "another-keyring.key")}
    result = CliRunner().invoke(app, ["migrate", "--json"], env=other)
    assert result.exit_code == 0, result.output
    report = _json(result)
    assert report["case_lists_filled"] == 0
    assert set(report["case_lists_not_filled"]) == {centre}
