"""``cma compliance report|check`` and ``cma scheduler``.

The scheduler sweeps every centre: missed deadlines are escalated, due reminders planned
and sent. Each step is idempotent (see ``cma_core.scheduling.service``), so running it
twice, or after a crash, sends nothing twice and loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import logging
import signal
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cma_core.identity.model import TenantContext
from cma_core.scheduling.service import SweepReport
from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import (
    configure_logging,
    emit_json,
    guard,
    load_settings,
    run_with_container,
)
from cma_entrypoints.container import Container

log = logging.getLogger("cma.scheduler")

compliance_app = typer.Typer(help="Compliance findings: batch checks and reports.")
scheduler_app = typer.Typer(help="Sweep deadlines and reminders (idempotent).")

JsonOption = typer.Option(False, "--json", help="Machine-readable output, also for errors.")


@compliance_app.command("report")
def report(
    centre: str = typer.Option(..., "--centre", help="The centre's id."),
    fmt: str = typer.Option("json", "--format", help="json or csv"),
) -> None:
    """The centre's stored findings by adviser, rule and severity (json), or every failing
    finding as rows (csv)."""
    as_json = fmt == "json"
    if fmt not in {"json", "csv"}:
        guard(lambda: _bad_format(fmt), as_json=False)
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)

    async def work(c: Container) -> Any:
        ctx = TenantContext.system(centre_id)
        if await c.identity_store().get_centre(centre_id) is None:
            raise _no_centre(centre_id)
        rep = await c.compliance().report(ctx, limit=200)
        failures = list(rep.failures.items)
        while len(failures) < rep.failures.total:  # every failing finding in the csv
            more = await c.compliance().report(ctx, limit=200, offset=len(failures))
            if not more.failures.items:
                break
            failures += more.failures.items
        return rep, failures

    rep, failures = run_with_container(work, as_json=as_json)
    if as_json:

        def rows(items: Any) -> list[dict[str, Any]]:
            return [
                {
                    "key": r.key,
                    "fail": r.fail,
                    "not_assessable": r.not_assessable,
                    "pass": r.passed,
                    "not_applicable": r.not_applicable,
                }
                for r in items
            ]

        emit_json(
            {
                "centre_id": str(centre_id),
                "cases": rep.cases,
                "by_adviser": rows(rep.by_adviser),
                "by_rule": rows(rep.by_rule),
                "by_severity": rows(rep.by_severity),
                "qa_coverage": [
                    {
                        "adviser_id": q.adviser_id,
                        "closed_cases": q.closed_cases,
                        "reviewed": q.reviewed,
                        "quota": q.quota,
                    }
                    for q in rep.qa
                ],
                "failures": rep.failures.total,
            }
        )
        return
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["case_id", "adviser_id", "rule_id", "severity", "status", "message"])
    for s in failures:
        writer.writerow(
            [
                s.case_id,
                s.adviser_id or "",
                s.finding.rule_id,
                s.finding.severity.value,
                s.finding.status.value,
                s.finding.message,
            ]
        )
    typer.echo(out.getvalue(), nl=False)


def _no_centre(centre_id: CentreId) -> Exception:
    from cma_entrypoints.cli.support import EXIT_USAGE, CliError

    # A usage error (exit 2), like a malformed id: the argument names no centre.
    return CliError(
        f"no centre {centre_id}; `cma centre list` shows the centres",
        field="centre",
        exit_code=EXIT_USAGE,
    )


def _bad_format(fmt: str) -> None:
    from cma_entrypoints.cli.support import EXIT_USAGE, CliError

    raise CliError(
        f"--format must be json or csv, not {fmt!r}", field="format", exit_code=EXIT_USAGE
    )


@compliance_app.command("check")
def check(
    all_centres: bool = typer.Option(False, "--all", help="Every case of every centre."),
    centre: str | None = typer.Option(None, "--centre", help="Only this centre."),
    as_json: bool = JsonOption,
) -> None:
    """Re-evaluate and store the findings of every case, with a progress bar."""
    if not all_centres and centre is None:
        from cma_entrypoints.cli.support import EXIT_USAGE, CliError, fail

        fail(CliError("give --all or --centre ID", exit_code=EXIT_USAGE), as_json=as_json)
    only = (
        guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)
        if centre
        else None
    )

    async def work(c: Container) -> dict[str, int]:
        centres = [x.id for x in await c.identity_store().list_centres()]
        if only is not None:
            if only not in centres:
                raise _no_centre(only)
            centres = [only]
        counts: dict[str, int] = {}
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            disable=as_json,
            transient=False,
        ) as progress:
            for centre_id in centres:
                task = progress.add_task(f"centre {str(centre_id)[:8]}", total=None)

                def tick(done: int, total: int, task: Any = task) -> None:
                    progress.update(task, completed=done, total=total)

                counts[str(centre_id)] = await c.compliance().check_centre(centre_id, tick)
        return counts

    counts = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"centres": len(counts), "cases": sum(counts.values()), "by_centre": counts})
    else:
        typer.echo(f"checked {sum(counts.values())} case(s) in {len(counts)} centre(s)")


def _report_dict(r: SweepReport, documents_timed_out: int) -> dict[str, int]:
    return {
        "missed": r.missed,
        "escalated": r.escalated,
        "planned": r.planned,
        "sent": r.sent,
        "skipped": r.skipped,
        "failed": r.failed,
        "documents_timed_out": documents_timed_out,
    }


@scheduler_app.callback(invoke_without_command=True)
def scheduler(
    once: bool = typer.Option(False, "--once", help="One sweep, then exit."),
    interval: float | None = typer.Option(
        None, "--interval", help="Seconds between sweeps (default CMA_SCHEDULER_INTERVAL)."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Sweep every centre: escalate missed deadlines, plan and send due reminders, fail
    documents left unread (stuck ``queued`` or ``processing``) so they can be retried."""
    settings = load_settings(as_json=as_json)
    configure_logging(settings.log_level)
    every = interval if interval is not None else float(settings.scheduler_interval_seconds)

    async def work(c: Container) -> tuple[SweepReport, int]:
        sched, documents = c.scheduler(), c.document_sweep()
        if once:
            return await sched.sweep(), await documents.sweep()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        total, timed_out = SweepReport(), 0
        try:
            while not stop.is_set():
                try:
                    result, unread = await sched.sweep(), await documents.sweep()
                    total, timed_out = total + result, timed_out + unread
                    log.info("sweep: %s", _report_dict(result, unread))
                except Exception:  # a database outage: the next sweep tries again
                    log.exception("sweep failed; retrying in %.0f s", every)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=every)
        finally:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
        return total, timed_out

    result, timed_out = run_with_container(work, as_json=as_json, settings=settings)
    if as_json:
        emit_json(_report_dict(result, timed_out))
    else:
        typer.echo(
            "sweep: {missed} missed, {escalated} escalated, {planned} planned, {sent} sent, "
            "{skipped} skipped, {failed} failed, "
            "{documents_timed_out} document(s) timed out unread".format(
                **_report_dict(result, timed_out)
            )
        )
