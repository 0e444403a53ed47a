"""``cma clients export`` and ``cma clients erase`` on the embedded default (SQLite and the
local document store)."""

from __future__ import annotations

import datetime as dt
import json
import stat
import uuid
from collections.abc import Callable
from pathlib import Path

from dependency_injector import providers
from tests.integration.test_cli import _create_centre, _with_container
from typer.testing import CliRunner, Result

from cma_adapters.memory_documents import CannedTextExtractor
from cma_core.cases.service import OpenCase
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import Container

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _seed(env: dict[str, str | None], centre: str) -> tuple[str, str]:
    ctx = TenantContext.system(CentreId(uuid.UUID(centre)))

    async def work(c: Container) -> tuple[str, str]:
        c.text_extractor.override(providers.Object(CannedTextExtractor()))
        client = await c.clients().register(
            ctx,
            RegisterClient(first_name="Dora", last_name="Finch", date_of_birth=dt.date(1979, 5, 6)),
        )
        case = await c.cases().open(ctx, OpenCase(client_id=client.id))
        await c.cases().add_note(ctx, case.id, "Lost her job in May.", sensitive=True)
        await c.documents().upload(ctx, case.id, filename="scan.png", data=PNG)
        return str(client.id), str(case.id)

    return _with_container(env, work)


def _files(env: dict[str, str | None], centre: str) -> list[Path]:
    root = Path(str(env["CMA_DATA_DIR"])) / "documents" / "centres" / centre
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_export_and_erase(
    cma: Callable[..., Result], env: dict[str, str | None], tmp_path: Path
) -> None:
    assert cma("migrate").exit_code == 0
    centre = _create_centre(cma)
    client, case = _seed(env, centre)
    assert _files(env, centre)

    # Export to stdout, then to a file only its owner can read.
    result = cma("clients", "export", client, "--centre", centre)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["client"]["first_name"] == "Dora"
    assert document["cases"][0]["id"] == case
    assert document["cases"][0]["notes"][0]["body"] == "Lost her job in May."
    assert document["cases"][0]["documents"][0]["download_url"]
    out = tmp_path / "sar.json"
    result = cma("clients", "export", client, "--centre", centre, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["client"]["last_name"] == "Finch"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    result = cma("clients", "export", client, "--centre", centre, "--out", str(out))
    assert result.exit_code == 2
    assert "error: " in result.stderr
    assert "exists" in result.stderr

    # Bad input: exit 2 naming it; unknown client: exit 1.
    result = cma("clients", "export", "not-a-uuid", "--centre", centre)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    result = cma("clients", "export", str(uuid.uuid4()), "--centre", centre)
    assert result.exit_code == 1
    assert "error: " in result.stderr
    result = cma("clients", "erase", client, "--centre", centre, "--reason", "nope", "--yes")
    assert result.exit_code == 2
    assert "reason" in result.stderr
    result = cma(
        "clients", "erase", client, "--centre", centre, "--reason", "retention_expired", "--json"
    )
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["field"] == "yes"

    # Asked, and the answer is no: nothing happens.
    result = cma(
        "clients",
        "erase",
        client,
        "--centre",
        centre,
        "--reason",
        "data_subject_request",
        stdin="n\n",
    )
    assert result.exit_code == 1
    assert cma("clients", "export", client, "--centre", centre).exit_code == 0

    # Asked, and yes: erased, with the progress bar on stderr.
    result = cma(
        "clients",
        "erase",
        client,
        "--centre",
        centre,
        "--reason",
        "data_subject_request",
        stdin="y\n",
    )
    assert result.exit_code == 0, result.output
    assert "erased client" in result.stdout
    assert "1 stored files" in result.stdout
    assert _files(env, centre) == []
    assert cma("clients", "export", client, "--centre", centre).exit_code == 1

    # A second run finds nothing to erase.
    result = cma(
        "clients",
        "erase",
        client,
        "--centre",
        centre,
        "--reason",
        "data_subject_request",
        "--yes",
        "--json",
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"]["code"] == "not-found"


def test_erase_json_receipt(cma: Callable[..., Result], env: dict[str, str | None]) -> None:
    assert cma("migrate").exit_code == 0
    centre = _create_centre(cma)
    client, case = _seed(env, centre)
    result = CliRunner().invoke(
        app,
        [
            "clients",
            "erase",
            client,
            "--centre",
            centre,
            "--reason",
            "retention_expired",
            "--yes",
            "--json",
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    receipt = json.loads(result.stdout)
    assert receipt["case_ids"] == [case]
    assert receipt["objects_deleted"] == 1
    assert receipt["rows"]["clients"] == 1
    assert receipt["rows"]["cases"] == 1
    assert receipt["rows"]["documents"] == 1
    assert receipt["rows"]["case_notes"] == 1


def test_clients_reindex(cma: Callable[..., Result], env: dict[str, str | None]) -> None:
    assert cma("migrate").exit_code == 0
    centre = _create_centre(cma)
    other = _create_centre(cma)
    _seed(env, centre)
    result = cma("clients", "reindex", "--json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert counts["centres"][centre] == 1
    assert counts["centres"][other] == 0
    assert counts["clients"] >= 1
    result = cma("clients", "reindex", "--centre", centre)
    assert result.exit_code == 0, result.output
    assert f"centre {centre}: 1 clients reindexed" in result.output
    bad = cma("clients", "reindex", "--centre", "nope", "--json")
    assert bad.exit_code != 0
