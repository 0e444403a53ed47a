"""``cma clients``: a client's subject access export and erasure, for the data controller.

Runs as the centre itself (``--centre``), like the other admin commands; both go through
the same use cases as the HTTP API and are audited the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cma_core.identity.model import TenantContext
from cma_core.privacy.service import ErasureReason, ErasureReport, parse_reason
from cma_core.shared.ids import CentreId, ClientId, parse_uuid
from cma_entrypoints.cli.support import CliError, emit_json, guard, run_with_container

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

clients_app = typer.Typer(
    help="Clients: subject access export, erasure, look-up indexes.", no_args_is_help=True
)

_REASONS = ", ".join(r.value for r in ErasureReason)


@clients_app.command("export")
def export_client(
    client: str = typer.Argument(..., help="The client id."),
    centre: str = typer.Option(..., "--centre", help="The centre id the client belongs to."),
    out: Path | None = typer.Option(
        None, "--out", help="Write the JSON here (created 0600) instead of stdout."
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Errors as JSON too; with --out, a JSON receipt on stdout (the export is JSON).",
    ),
) -> None:
    """Everything held about CLIENT as one JSON document (a subject access request)."""
    centre_id = CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
    client_id = ClientId(guard(lambda: parse_uuid(client, field="client"), as_json=as_json))
    if out is not None and out.exists():
        guard(lambda: _refuse(f"{out} exists: choose a new file", "out"), as_json=as_json)

    async def work(c: Container) -> dict[str, Any]:
        return await c.privacy().export_client(TenantContext.system(centre_id), client_id)

    document = run_with_container(work, as_json=as_json)
    text = json.dumps(document, indent=2, ensure_ascii=False)
    if out is None:
        typer.echo(text)
        return

    def write() -> None:
        # The copy is the client's personal data: readable by its owner only.
        out.touch(mode=0o600, exist_ok=False)
        out.write_text(text + "\n", encoding="utf-8")

    guard(write, as_json=as_json)
    if as_json:
        emit_json({"written": str(out), "cases": len(document["cases"])})
    else:
        typer.echo(f"wrote {out} ({len(document['cases'])} cases)", err=True)


@clients_app.command("erase")
def erase_client(
    client: str = typer.Argument(..., help="The client id."),
    centre: str = typer.Option(..., "--centre", help="The centre id the client belongs to."),
    reason: str = typer.Option(..., "--reason", help=f"Why (kept in the audit trail): {_REASONS}."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable receipt on stdout."),
) -> None:
    """Erase CLIENT, all their cases, documents and stored files, for good."""
    centre_id = CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
    client_id = ClientId(guard(lambda: parse_uuid(client, field="client"), as_json=as_json))
    why = guard(lambda: parse_reason(reason), as_json=as_json)
    if not yes:
        if as_json:
            guard(
                lambda: _refuse("--json needs --yes (there is no one to ask)", "yes"), as_json=True
            )
        typer.confirm(
            f"Erase client {client_id} and all their cases and documents? This cannot be undone",
            abort=True,
            err=True,
        )
    ctx = TenantContext.system(centre_id)

    async def work(c: Container) -> ErasureReport:
        with Progress(
            TextColumn("deleting stored files"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(stderr=True),
            disable=as_json,
        ) as progress:
            task = progress.add_task("files", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            return await c.privacy().erase_client(ctx, client_id, reason=why, progress=advance)

    report = run_with_container(work, as_json=as_json)
    receipt = {
        "client_id": str(report.entity_id),
        "reason": report.reason.value,
        "case_ids": [str(i) for i in report.case_ids],
        "objects_deleted": report.objects_deleted,
        "rows": dict(sorted(report.rows.items())),
        "erased_at": report.at.isoformat(),
    }
    if as_json:
        emit_json(receipt)
        return
    typer.echo(
        f"erased client {report.entity_id}: {len(report.case_ids)} cases, "
        f"{report.objects_deleted} stored files, {sum(report.rows.values())} records"
    )


def _refuse(message: str, field: str) -> None:
    raise CliError(message, field=field, exit_code=2)


@clients_app.command("reindex")
def reindex_clients(
    centre: str | None = typer.Option(
        None, "--centre", help="Only this centre (default: every centre)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable counts on stdout."),
) -> None:
    """Rewrite the clients' look-up indexes (blind indexes of names, postcode, date of
    birth): run once after upgrading to the release that added them. Idempotent."""
    only = (
        CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
        if centre
        else None
    )

    async def work(c: Container) -> dict[str, int]:
        ids = [only] if only else [x.id for x in await c.identity_store().list_centres()]
        counts: dict[str, int] = {}
        with Progress(
            TextColumn("[bold]reindexing clients"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("centres"),
            console=Console(stderr=True),
            transient=True,
        ) as progress:
            task = progress.add_task("", total=len(ids))
            for i in ids:
                counts[str(i)] = await c.clients().reindex(i)
                progress.advance(task)
        return counts

    counts = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"centres": counts, "clients": sum(counts.values())})
        return
    for centre_id, n in counts.items():
        typer.echo(f"centre {centre_id}: {n} clients reindexed")
