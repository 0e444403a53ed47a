"""``cma import csv``: a back-office bulk import of clients, cases and debts.

Acts for a centre on its own behalf (``--centre``), like the other admin commands. The
files' format is in ``docs/BULK-IMPORT.md``; the work is ``cma_entrypoints.bulk_import``.
Exit codes: 0 imported (with ``--skip-invalid``: the valid rows, the others reported), 2
nothing imported because a row is invalid (every error listed with file:line and
column), 1 anything else (database down).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import (
    EXIT_USAGE,
    CentreOption,
    CliError,
    JsonOption,
    emit_json,
    guard,
    run_with_container,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

import_app = typer.Typer(
    help="Bulk import from another system's export (CSV).", no_args_is_help=True
)

#: Errors printed on stderr before "... and N more" (``--json`` lists every one).
SHOWN_ERRORS = 50


def _files(clients: Path | None, cases: Path | None, debts: Path | None) -> dict[str, Path]:
    named = {"clients": clients, "cases": cases, "debts": debts}
    chosen = {kind: path for kind, path in named.items() if path is not None}
    if not chosen:
        raise CliError(
            "name at least one file: --clients, --cases or --debts",
            field="clients",
            exit_code=EXIT_USAGE,
        )
    for kind, path in chosen.items():
        if not path.is_file():
            raise CliError(f"cannot read {path}", field=kind, exit_code=EXIT_USAGE)
    return chosen


@import_app.command("csv")
def import_csv(
    centre: str = CentreOption,
    clients: Path | None = typer.Option(None, "--clients", help="Clients CSV file."),
    cases: Path | None = typer.Option(None, "--cases", help="Cases CSV file."),
    debts: Path | None = typer.Option(None, "--debts", help="Debts CSV file."),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid", help="Import the valid rows; report the others."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Import clients, cases and debts (CSV with headers; see docs/BULK-IMPORT.md).

    Every row is checked as the API checks it; nothing is written if any row is invalid
    (unless --skip-invalid). Rows whose external_id was imported before are skipped."""
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)
    paths = guard(lambda: _files(clients, cases, debts), as_json=as_json)

    async def work(c: Container) -> Any:
        from cma_entrypoints.bulk_import import read_files, run_import

        files = read_files(paths)
        if as_json:
            return await run_import(c, centre_id, files, skip_invalid=skip_invalid)
        with _Bar() as bar:
            return await run_import(
                c, centre_id, files, skip_invalid=skip_invalid, progress=bar.update
            )

    receipt = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(receipt.as_dict())
    else:
        _report(receipt)
    if receipt.errors and not receipt.written:
        raise typer.Exit(EXIT_USAGE)


class _Bar:
    """A Rich progress bar on stderr: checking the rows, then writing them."""

    def __enter__(self) -> _Bar:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.__enter__()
        self._tasks: dict[str, Any] = {}
        return self

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            label = "checking rows" if stage == "check" else "writing records"
            self._tasks[stage] = self._progress.add_task(label, total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(None, None, None)


def _report(receipt: Any) -> None:
    for error in receipt.errors[:SHOWN_ERRORS]:
        typer.echo(f"error: {error}", err=True)
    if len(receipt.errors) > SHOWN_ERRORS:
        typer.echo(
            f"... and {len(receipt.errors) - SHOWN_ERRORS} more (--json lists all)", err=True
        )
    done = ", ".join(f"{n} {kind}" for kind, n in receipt.imported.items())
    skipped = ", ".join(f"{n} {kind}" for kind, n in receipt.skipped_existing.items() if n)
    if not receipt.written:
        typer.echo("nothing imported: fix the rows above, or use --skip-invalid", err=True)
        return
    typer.echo(f"imported {done} in {receipt.seconds:.1f} s (import {receipt.import_id})")
    if skipped:
        typer.echo(f"already imported before, skipped: {skipped}")
