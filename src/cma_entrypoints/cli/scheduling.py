"""``cma scheduler``: the sweep of deadlines and reminders.

The scheduler sweeps every centre: missed deadlines are escalated, due reminders planned
and sent. Each step is idempotent (see ``cma_core.scheduling.service``), so running it
twice, or after a crash, sends nothing twice and loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import TYPE_CHECKING

import typer

from cma_core.scheduling.service import SweepReport
from cma_entrypoints.cli.support import (
    JsonOption,
    configure_logging,
    emit_json,
    load_settings,
    run_with_container,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

log = logging.getLogger("cma.scheduler")

scheduler_app = typer.Typer(help="Sweep deadlines and reminders (idempotent).")


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
    documents left unread (stuck ``queued`` or ``processing``) so they can be retried;
    once a day (not with --once) delete closed files past their retention period."""
    settings = load_settings(as_json=as_json)
    configure_logging(settings.log_level)
    every = interval if interval is not None else float(settings.scheduler_interval_seconds)

    async def work(c: Container) -> tuple[SweepReport, int]:
        sched, documents = c.scheduler(), c.document_sweep()
        retention, identity = c.retention(), c.identity_store()
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
                    # Once a day: closed files past their retention period (cma retention).
                    centres = [x.id for x in await identity.list_centres()]
                    receipts = await retention.daily(centres)
                    if receipts is not None:
                        log.info(
                            "retention: %d case(s) deleted",
                            sum(len(r.deleted_cases) for r in receipts),
                        )
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
