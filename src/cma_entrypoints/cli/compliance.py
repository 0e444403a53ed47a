"""``cma compliance report|check``: the centre's compliance findings in batch."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import (
    JsonOption,
    emit_json,
    guard,
    run_with_container,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

compliance_app = typer.Typer(help="Compliance findings: batch checks and reports.")


@compliance_app.command("report")
def report(
    centre: str = typer.Option(..., "--centre", help="The centre's id."),
    fmt: str = typer.Option("json", "--format", help="json or csv"),
    json_flag: bool = typer.Option(
        False, "--json", help="Same as --format json (the default), as every command spells it."
    ),
) -> None:
    """The centre's stored findings by adviser, rule and severity (json), or every failing
    finding as rows (csv)."""
    if json_flag:
        fmt = "json"
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
