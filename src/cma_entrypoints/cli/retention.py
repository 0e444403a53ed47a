"""``cma retention run``: delete closed files past their centre's retention period.

Every centre (or ``--centre``), through the same erasure path as the API (stored files,
rows, search index copies; audited). ``--dry-run`` lists what would go and changes
nothing. A progress bar on stderr (rich, as the other long commands), a receipt on stdout
(``--json``: one JSON document, no bar). The worker runs the same once a day (see
``cma_entrypoints.worker.app``); ``docs/RETENTION.md`` describes the policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cma_core.privacy.retention import RetentionReceipt
from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import emit_json, guard, run_with_container

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

retention_app = typer.Typer(help="Retention: delete closed files past their period.")


def receipt_json(r: RetentionReceipt) -> dict[str, Any]:
    return {
        "centre_id": str(r.centre_id),
        "at": r.at.isoformat(),
        "dry_run": r.dry_run,
        "retention_years": r.retention_years,
        "due": r.due,
        "deleted_cases": [str(i) for i in r.deleted_cases],
        "erased_clients": [str(i) for i in r.erased_clients],
        "held": [str(i) for i in r.held],
        "failed": [{"case_id": str(i), "reason": why} for i, why in r.failed],
        "objects_deleted": r.objects_deleted,
        "rows": r.rows,
    }


@retention_app.command("run")
def run(
    centre: str | None = typer.Option(
        None, "--centre", help="Only this centre (default: every centre)."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="List what would go; change nothing."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable receipt on stdout."),
) -> None:
    """Delete every closed case whose retention date has passed (unless held), then any
    client left with no case. Idempotent: a second run finds nothing due."""
    only = (
        CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
        if centre
        else None
    )

    async def work(c: Container) -> list[RetentionReceipt]:
        ids = [only] if only else [x.id for x in await c.identity_store().list_centres()]
        receipts = []
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            disable=as_json,
        ) as progress:
            for centre_id in ids:
                task = progress.add_task(f"centre {str(centre_id)[:8]}", total=None)

                def step(done: int, total: int, task: Any = task) -> None:
                    progress.update(task, completed=done, total=total)

                receipts.append(await c.retention().run(centre_id, dry_run=dry_run, progress=step))
        return receipts

    receipts = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"dry_run": dry_run, "centres": [receipt_json(r) for r in receipts]})
        return
    verb = "would delete" if dry_run else "deleted"
    for r in receipts:
        typer.echo(
            f"centre {r.centre_id}: {r.due} due after {r.retention_years} years; {verb} "
            f"{len(r.deleted_cases)} cases and {len(r.erased_clients)} clients"
            + ("" if dry_run else f", {r.objects_deleted} stored files")
            + f"; {len(r.held)} held; {len(r.failed)} failed"
        )
        for case_id, why in r.failed:
            typer.echo(f"  failed: case {case_id} ({why})", err=True)
