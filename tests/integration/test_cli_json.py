"""Every ``cma`` command that prints results takes ``--json``, and what it prints then is
JSON, whether it succeeded or failed (issue 11). Walks the command tree, so a new command
without ``--json`` fails here. Also: the lazily mounted groups list their own help text,
and tables never cut an id."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner

from cma_entrypoints.cli.lazy import LAZY_COMMANDS, load
from cma_entrypoints.cli.main import app
from cma_entrypoints.cli.support import print_table, table

#: Long-running processes: they print no result, and log JSON lines instead.
NO_RESULT = {"serve": "a server: logs JSON lines", "worker": "a server: logs JSON lines"}

#: Arguments a command needs, by parameter name; ``CENTRE`` is replaced by a real centre.
VALUES = {
    "centre": "CENTRE",
    "name": "Walk Centre",
    "email": "walker@walk.example",
    "role": "adviser",
    "permission": "client:read_sensitive",
    "reason": "walk",
    "query": "ann",
}
#: Extra arguments so a command ends quickly (or is refused quickly) in the walk.
EXTRA: dict[str, list[str]] = {
    "scheduler": ["--once"],
    "user create": ["--password-stdin"],
    "clients erase": ["--yes"],
    # Training takes a minute (tests/e2e/test_cli_assistant.py trains); out of range here,
    # which shows that usage errors are JSON too.
    "assistant train": ["--per-family", "1"],
}


def commands() -> list[tuple[str, Any]]:
    """``(path, click command)`` of every leaf command, lazy groups loaded."""
    found: list[tuple[str, Any]] = []
    root = typer.main.get_command(app)
    for name in LAZY_COMMANDS:
        root.load_command(name)  # type: ignore[attr-defined]

    def walk(cmd: Any, prefix: list[str]) -> None:
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*prefix, name])
        else:
            found.append((" ".join(prefix), cmd))

    walk(root, [])
    return found


def test_every_command_that_prints_results_takes_json() -> None:
    missing = [
        path
        for path, cmd in commands()
        if path not in NO_RESULT and "--json" not in {o for p in cmd.params for o in p.opts}
    ]
    assert missing == []
    assert len(commands()) >= 25


def test_usage_errors_are_json_with_json(cma_process_env: dict[str, str]) -> None:
    import subprocess
    import sys

    cma = str(Path(sys.executable).parent / "cma")
    done = subprocess.run(
        [cma, "user", "create", "--json"], capture_output=True, text=True, env=cma_process_env
    )
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["code"] == "usage-error"
    assert "--centre" in error["message"]


@pytest.fixture
def cma_process_env(tmp_path: Path) -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("CMA_")} | {
        "CMA_DATA_DIR": str(tmp_path)
    }


def _argv(path: str, cmd: Any, centre: str, tmp: Path) -> list[str]:
    argv = path.split()
    for p in cmd.params:
        if not p.required:
            continue
        value = VALUES.get(p.name, "")
        if value == "CENTRE":
            value = centre
        elif p.name in {"folder", "path", "guidelines"}:
            value = str(tmp / "empty.json")
        elif not value:
            value = str(uuid.uuid4())  # a case, client, user or document that is not there
        if p.param_type_name == "argument":
            argv.append(value)
        else:
            argv += [p.opts[0], value]
    return [*argv, *EXTRA.get(path, []), "--json"]


def test_json_output_of_every_command_parses(env: dict[str, str | None], tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "empty.json").write_text("{}")
    migrated = runner.invoke(app, ["migrate", "--json"], env=env)
    assert json.loads(migrated.stdout)["up_to_date"] is True
    made = runner.invoke(app, ["centre", "create", "Walk Centre", "--json"], env=env)
    assert made.exit_code == 0, made.output
    centre = json.loads(made.stdout)["id"]
    outcomes: dict[str, str] = {}
    for path, cmd in commands():
        if path in NO_RESULT:
            continue
        run_env = dict(env)
        if path == "demo":
            # Seeding a demo takes long; its refusal on a server database is quick JSON too.
            run_env["CMA_DATABASE_URL"] = "postgresql://nobody@127.0.0.1:1/none"
        argv = _argv(path, cmd, centre, tmp_path)
        result = runner.invoke(app, argv, env=run_env, input="walking-password-1234\n")
        try:
            document = json.loads(result.stdout)
        except json.JSONDecodeError:
            pytest.fail(
                f"cma {' '.join(argv)}: not JSON (exit {result.exit_code}):\n{result.output}"
            )
        if result.exit_code == 0:
            outcomes[path] = "ok"
        else:
            # A failure is a JSON error naming its code, never a traceback.
            assert set(document) == {"error"}, (argv, document)
            assert document["error"]["code"], (argv, document)
            outcomes[path] = document["error"]["code"]
    # The walk reached real work, not only refusals.
    assert sum(1 for v in outcomes.values() if v == "ok") >= 8, outcomes


def test_lazy_groups_list_their_own_help() -> None:
    for name, lazy in LAZY_COMMANDS.items():
        command = load(name, lazy)
        assert command.help is not None
        assert command.help.strip().startswith(lazy.help), name


def test_tables_never_cut_an_id() -> None:
    ids = [str(uuid.uuid4()) for _ in range(2)]
    rows = table("id", "name", "created")
    for i in ids:
        rows.add_row(i, "Advice centre with a rather long name " * 3, "2026-12-03 07:00")
    out = io.StringIO()
    Console(file=out, width=60).print(rows)  # a narrow terminal
    lines = out.getvalue().splitlines()
    for i in ids:
        assert any(i in line for line in lines), out.getvalue()
    assert "…" not in out.getvalue()


def test_piped_tables_are_as_wide_as_they_need(capsys: pytest.CaptureFixture[str]) -> None:
    ident = str(uuid.uuid4())
    rows = table("id", "title", "match")
    rows.add_row(ident, "A title " * 12, "some words " * 12)
    print_table(rows)
    printed = capsys.readouterr().out
    assert ident in printed
    assert "A title " * 12 in printed  # one line: not folded to 80 columns
