"""``cma documents``: bulk import of a folder of scans onto a case.

Runs as the centre itself (``--centre``), like the other admin commands. Each file goes
through the same upload use case as the HTTP API (type sniffed, size limited, duplicates
skipped). With a worker (``CMA_REDIS_URL``) the files are queued for it; with the embedded
default the command reads them itself, in the background as files are filed, and waits for
the reading to finish (a second progress bar) before it exits.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cma_core.documents.errors import DuplicateDocument
from cma_core.documents.model import DocumentId
from cma_core.identity.model import TenantContext
from cma_core.shared.errors import DomainError, ValidationError
from cma_core.shared.ids import CaseId, CentreId, parse_uuid
from cma_entrypoints.cli.support import (
    EXIT_FAILURE,
    CliError,
    emit_json,
    guard,
    run_with_container,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

documents_app = typer.Typer(help="Documents on cases.", no_args_is_help=True)


async def finish_in_process_jobs(c: Container, *, quiet: bool) -> int:
    """With the embedded default, wait for the background reading of what was filed, with
    a progress bar on stderr. Returns how many events were handled (0 with a worker)."""
    publisher = c.publisher()
    # Only the in-process publisher has work waiting here (``pending``/``drain``); with a
    # worker the events are already on the broker. Asked by duck type so that the CLI
    # reaches adapters only through the container.
    if not getattr(publisher, "pending", 0):
        return 0
    with Progress(
        TextColumn("reading"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        disable=quiet,
    ) as progress:
        task = progress.add_task("reading", total=publisher.pending)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        handled: int = await publisher.drain(advance)
        return handled


def _files(folder: Path, recursive: bool) -> list[Path]:
    if not folder.is_dir():
        raise CliError(f"{folder} is not a folder", field="DIR", exit_code=2)
    pattern = "**/*" if recursive else "*"
    return sorted(
        p
        for p in folder.glob(pattern)
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


@documents_app.command("import")
def import_folder(
    folder: Path = typer.Argument(..., help="Folder of PDF, PNG, JPEG, TIFF or HEIC files."),
    case: str = typer.Option(..., "--case", help="The case id to file them on."),
    centre: str = typer.Option(..., "--centre", help="The centre id the case belongs to."),
    recursive: bool = typer.Option(False, "--recursive", help="Include sub-folders."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable summary on stdout."),
) -> None:
    """Upload every file of FOLDER to a case, skipping duplicates and refused files."""
    centre_id = CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
    case_id = CaseId(guard(lambda: parse_uuid(case, field="case"), as_json=as_json))
    files = guard(lambda: _files(folder, recursive), as_json=as_json)
    ctx = TenantContext.system(centre_id)

    async def work(c: Container) -> list[dict[str, Any]]:
        service = c.documents()
        results: list[dict[str, Any]] = []
        console = Console(stderr=True)
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            disable=as_json or not files,
        ) as progress:
            task = progress.add_task("importing", total=len(files))
            for path in files:
                progress.update(task, description=path.name[:40])
                row: dict[str, Any] = {"file": str(path.relative_to(folder))}
                try:
                    with path.open("rb") as handle:
                        document = await service.upload(
                            ctx, case_id, filename=path.name, data=handle
                        )
                except DuplicateDocument as dup:
                    row.update(status="duplicate", document_id=str(dup.existing_id))
                except ValidationError as err:
                    row.update(status="refused", reason=err.detail)
                except DomainError as err:
                    if not results and err.code == "not-found":
                        raise  # the case itself: nothing can be imported
                    row.update(status="failed", reason=err.message)
                except OSError as err:
                    row.update(status="failed", reason=f"{type(err).__name__}: {err.strerror}")
                else:
                    document = await service.get(ctx, document.id)
                    row.update(
                        status="uploaded",
                        document_id=str(document.id),
                        processing=document.status.value,
                    )
                results.append(row)
                progress.advance(task)
        await finish_in_process_jobs(c, quiet=as_json)
        for row in results:
            if row["status"] == "uploaded":
                done = await service.get(ctx, DocumentId(uuid.UUID(row["document_id"])))
                row["processing"] = done.status.value
                if done.failure_reason:
                    row["processing_reason"] = done.failure_reason
        return results

    results = run_with_container(work, as_json=as_json)
    counts = {
        status: sum(1 for r in results if r["status"] == status)
        for status in ("uploaded", "duplicate", "refused", "failed")
    }
    if as_json:
        emit_json({"case_id": str(case_id), **counts, "files": results})
    else:
        for r in results:
            if r["status"] != "uploaded":
                typer.echo(f"{r['status']}: {r['file']} {r.get('reason', '')}".rstrip(), err=True)
        typer.echo(
            f"{counts['uploaded']} uploaded, {counts['duplicate']} duplicate(s) skipped, "
            f"{counts['refused']} refused, {counts['failed']} failed"
        )
    if counts["refused"] or counts["failed"]:
        raise typer.Exit(EXIT_FAILURE)


@documents_app.command("retry")
def retry(
    document: str = typer.Argument(..., help="The failed document's id."),
    centre: str = typer.Option(..., "--centre", help="The centre id the document belongs to."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable result on stdout."),
) -> None:
    """Queue a failed document to be read again (audited ``document.retried``)."""
    centre_id = CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
    document_id = DocumentId(guard(lambda: parse_uuid(document, field="document"), as_json=as_json))
    ctx = TenantContext.system(centre_id)

    async def work(c: Container) -> dict[str, Any]:
        service = c.documents()
        queued = await service.retry(ctx, document_id, expected_version=None)
        await finish_in_process_jobs(c, quiet=as_json)
        now = await service.get(ctx, document_id)
        return {
            "document_id": str(queued.id),
            "status": now.status.value,
            "failure_reason": now.failure_reason,
        }

    result = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(result)
    else:
        reason = f" ({result['failure_reason']})" if result["failure_reason"] else ""
        typer.echo(f"document {result['document_id']}: {result['status']}{reason}")
