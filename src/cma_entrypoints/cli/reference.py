"""``cma reference load``: a centre's spending guidelines and threshold table.

It acts for the centre on its own behalf (``TenantContext.system``), like the other admin
commands: the centre is named with ``--centre``. Errors follow the CLI's conventions: one
line on stderr (or JSON with ``--json``), exit 2 for bad input, 1 for anything else.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import (
    EXIT_USAGE,
    CentreOption,
    CliError,
    JsonOption,
    emit_json,
    fail,
    guard,
    read_input,
    run_with_container,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

reference_app = typer.Typer(
    help="A centre's reference data: spending guidelines and thresholds.",
    no_args_is_help=True,
)


@reference_app.command("load")
def reference_load(
    centre: str = CentreOption,
    guidelines: Path | None = typer.Option(
        None,
        "--guidelines",
        help="Spending guidelines CSV (valid_from,valid_to,adults,"
        "children,category,monthly_pence,source).",
    ),
    thresholds: Path | None = typer.Option(
        None, "--thresholds", help='Thresholds JSON: {"records": [...]}, as thresholds.json.'
    ),
    source: str | None = typer.Option(None, "--source", help="Where the guidelines came from."),
    as_json: bool = JsonOption,
) -> None:
    """Load a centre's spending guidelines and/or threshold table (validated first)."""
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)
    if guidelines is None and thresholds is None:
        fail(
            CliError(
                "give --guidelines and/or --thresholds", field="guidelines", exit_code=EXIT_USAGE
            ),
            as_json=as_json,
        )
    g_text = (
        guard(lambda: read_input(guidelines, "guidelines").decode("utf-8"), as_json=as_json)
        if guidelines
        else None
    )
    t_text = (
        guard(lambda: read_input(thresholds, "thresholds").decode("utf-8"), as_json=as_json)
        if thresholds
        else None
    )

    async def work(c: Container) -> Any:
        return await c.reference().load(
            TenantContext.system(centre_id),
            guidelines_csv=g_text,
            thresholds_json=t_text,
            source=source or (guidelines.name if guidelines else None),
        )

    ref = run_with_container(work, as_json=as_json)
    loaded = [n for n, v in (("guidelines", g_text), ("thresholds", t_text)) if v is not None]
    if as_json:
        emit_json({"centre_id": str(centre_id), "loaded": loaded, "version": ref.version})
    else:
        typer.echo(f"loaded {' and '.join(loaded)} for centre {centre_id}")
