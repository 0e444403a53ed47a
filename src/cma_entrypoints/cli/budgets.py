"""``cma sfs import|export``: a case's Standard Financial Statement as SFS-DDS v1.1.

They act for a centre on its own behalf (``TenantContext.system``), like the other admin
commands: the centre is named with ``--centre``. Errors follow the CLI's conventions: one
line on stderr (or JSON with ``--json``), exit 2 for bad input, 1 for anything else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cma_core.budgets.ports import SfsFormat
from cma_core.identity.model import TenantContext
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, parse_uuid
from cma_entrypoints.cli.support import (
    CentreOption,
    JsonOption,
    emit_json,
    guard,
    read_input,
    run_with_container,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

sfs_app = typer.Typer(
    help="Standard Financial Statement import and export (SFS-DDS v1.1 JSON or XML).",
    no_args_is_help=True,
)

CaseOption = typer.Option(..., "--case", help="Id of the case.")


def _format(value: str | None, path: Path | None) -> SfsFormat:
    chosen = value or (path.suffix.lstrip(".").lower() if path else None) or "json"
    try:
        return SfsFormat(chosen.lower())
    except ValueError:
        raise ValidationError("format", "use json or xml") from None


def _ids(centre: str, case: str | None = None) -> tuple[CentreId, CaseId | None]:
    centre_id = CentreId(parse_uuid(centre, field="centre"))
    case_id = CaseId(parse_uuid(case, field="case")) if case is not None else None
    return centre_id, case_id


@sfs_app.command("export")
def sfs_export(
    centre: str = CentreOption,
    case: str = CaseOption,
    fmt: str | None = typer.Option(None, "--format", help="json or xml (default: from --output)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default: stdout)."),
    as_json: bool = JsonOption,
) -> None:
    """Export a case's SFS, validated against the published schema."""
    centre_id, case_id = guard(lambda: _ids(centre, case), as_json=as_json)
    chosen = guard(lambda: _format(fmt, output), as_json=as_json)
    assert case_id is not None

    async def work(c: Container) -> bytes:
        return await c.budgets().export_sfs(TenantContext.system(centre_id), case_id, chosen)

    data = run_with_container(work, as_json=as_json)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    guard(lambda: output.write_bytes(data), as_json=as_json)
    if as_json:
        emit_json(
            {
                "case_id": str(case_id),
                "format": chosen.value,
                "path": str(output),
                "bytes": len(data),
            }
        )
    else:
        typer.echo(f"wrote the SFS of case {case_id} to {output} ({chosen.value})")


@sfs_app.command("import")
def sfs_import(
    path: Path = typer.Argument(..., help="The SFS document ('-' for stdin)."),
    centre: str = CentreOption,
    case: str = CaseOption,
    fmt: str | None = typer.Option(None, "--format", help="json or xml (default: from the name)."),
    as_json: bool = JsonOption,
) -> None:
    """Replace a case's budget from an SFS document (and its debts, if it has none)."""
    centre_id, case_id = guard(lambda: _ids(centre, case), as_json=as_json)
    chosen = guard(lambda: _format(fmt, None if str(path) == "-" else path), as_json=as_json)
    data = guard(lambda: read_input(path, "path"), as_json=as_json)
    assert case_id is not None

    async def work(c: Container) -> Any:
        ctx = TenantContext.system(centre_id)
        current = await c.budgets().get(ctx, case_id)
        return await c.budgets().import_sfs(
            ctx, case_id, data, chosen, expected_version=current.record.version
        )

    view = run_with_container(work, as_json=as_json)
    summary = view.summary
    if as_json:
        emit_json(
            {
                "case_id": str(case_id),
                "version": view.record.version,
                "total_income_pence": summary.total_income.pence,
                "total_outgoings_pence": summary.total_outgoings.pence,
                "available_for_priority_pence": summary.available_for_priority.pence,
            }
        )
    else:
        typer.echo(
            f"imported the SFS into case {case_id}: income {summary.total_income}, "
            f"outgoings {summary.total_outgoings}, available {summary.available_for_priority}"
        )
