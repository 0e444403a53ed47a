"""``cma search`` and ``cma projections rebuild``: the query side from the command line.

Both run as the centre itself (``--centre``), like the other admin commands: the search is
the same use case as ``GET /api/v1/search`` and is audited the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cma_core.identity.model import TenantContext
from cma_core.search.model import SearchKind, SearchResults, snippet_parts
from cma_core.search.service import search_cursor
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId, parse_uuid
from cma_entrypoints.cli.support import emit_json, guard, print_table, run_with_container, table

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

projections_app = typer.Typer(
    help="Read models fed by events (the search index, the case list).", no_args_is_help=True
)


def _kinds(values: list[str]) -> frozenset[SearchKind] | None:
    try:
        return frozenset(SearchKind(v) for v in values) or None
    except ValueError:
        kinds = ", ".join(k.value for k in SearchKind)
        raise ValidationError("kind", f"must be one of {kinds}") from None


def search(
    query: str = typer.Argument(..., help="Words to find."),
    centre: str = typer.Option(..., "--centre", help="The centre id to search in."),
    kind: list[str] = typer.Option([], "--kind", help="Only this kind (repeatable)."),
    limit: int = typer.Option(20, "--limit", help="How many results (1-200)."),
    offset: int = typer.Option(0, "--offset", help="Results to skip (at most 10,000)."),
    cursor: str | None = typer.Option(
        None, "--cursor", help="Continue after a page: its next_cursor (--json) or the hint."
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Search a centre's cases, clients, notes, documents and letters."""
    centre_id = CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
    kinds = guard(lambda: _kinds(kind), as_json=as_json)

    async def work(c: Container) -> SearchResults:
        ctx = TenantContext.system(centre_id)
        return await c.search().search(
            ctx, query, kinds=kinds, limit=limit, offset=offset, cursor=cursor
        )

    results = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(_as_dict(results))
        return
    rows = table("kind", "title", "match", "id", title=f"{results.total} found")
    for hit in results.items:
        parts = snippet_parts(hit.snippet)
        text = "".join(f"[bold]{t}[/bold]" if m else t for t, m in parts)
        rows.add_row(hit.kind.value, hit.title, text[:160], str(hit.entity_id))
    print_table(rows)
    if (more := search_cursor(results)) is not None:
        typer.echo(f"more: --cursor {more}")


def _as_dict(results: SearchResults) -> dict[str, Any]:
    return {
        "total": results.total,
        "limit": results.limit,
        "offset": results.offset,
        "next_cursor": search_cursor(results),
        "items": [
            {
                "kind": h.kind.value,
                "id": str(h.entity_id),
                "case_id": str(h.case_id) if h.case_id else None,
                "client_id": str(h.client_id) if h.client_id else None,
                "title": h.title,
                "snippet": [{"text": t, "match": m} for t, m in snippet_parts(h.snippet)],
                "score": h.score,
            }
            for h in results.items
        ],
    }


_WHICH = ("all", "search", "case_list", "timeline", "work_queue")


@projections_app.command("rebuild")
def rebuild(
    centre: str | None = typer.Option(
        None, "--centre", help="Only this centre (default: every centre)."
    ),
    only: str = typer.Option(
        "all",
        "--only",
        help="Which read model: all, search, case_list (the case list), timeline (each "
        "case's timeline) or work_queue (each user's work queue).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable summary."),
) -> None:
    """Fill the read models again from the write side, centre by centre: the search index
    (emptied first), the case list and the cases' timelines (rewritten in place, then stale
    rows removed)."""
    one = (
        CentreId(guard(lambda: parse_uuid(centre, field="centre"), as_json=as_json))
        if centre
        else None
    )
    if only not in _WHICH:
        guard(_bad_only, as_json=as_json)

    async def work(c: Container) -> dict[str, dict[str, int]]:
        ids = [one] if one else [x.id for x in await c.identity_store().list_centres()]
        done: dict[str, dict[str, int]] = {
            "documents": {},
            "case_list_rows": {},
            "timelines": {},
            "work_queues": {},
        }
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            disable=as_json,
        ) as bar:
            for centre_id in ids:
                for what, label, run in _rebuilders(c, only):
                    task = bar.add_task(f"{label} {str(centre_id)[:8]}", total=None)

                    def step(n: int, total: int, task: Any = task) -> None:
                        bar.update(task, completed=n, total=total)

                    done[what][str(centre_id)] = await run(centre_id, step)
        return done

    done = run_with_container(work, as_json=as_json)
    docs, rows, lines = done["documents"], done["case_list_rows"], done["timelines"]
    queues = done["work_queues"]
    if as_json:
        emit_json(
            {
                "documents": docs,
                "total": sum(docs.values()),
                "case_list_rows": rows,
                "case_list_total": sum(rows.values()),
                "timelines": lines,
                "timelines_total": sum(lines.values()),
                "work_queue_scopes": queues,
                "work_queue_total": sum(queues.values()),
            }
        )
    else:
        centres = len(docs) or len(rows) or len(lines) or len(queues)
        typer.echo(
            f"rebuilt {centres} centre(s): {sum(docs.values())} documents, "
            f"{sum(rows.values())} case list rows, {sum(lines.values())} case timelines, "
            f"{sum(queues.values())} work queue scopes"
        )


def _bad_only() -> None:
    raise ValidationError("only", f"must be one of {', '.join(_WHICH)}")


def _rebuilders(c: Container, only: str) -> list[tuple[str, str, Any]]:
    out: list[tuple[str, str, Any]] = []
    if only in ("all", "search"):
        out.append(("documents", "search", c.search_jobs().rebuild))
    if only in ("all", "case_list"):
        out.append(("case_list_rows", "case list", c.case_list_projection().rebuild))
    if only in ("all", "timeline"):
        out.append(("timelines", "timelines", c.case_timeline_projection().rebuild))
    if only in ("all", "work_queue"):
        out.append(("work_queues", "work queues", c.work_queue_projection().rebuild))
    return out


@projections_app.command("lag")
def lag(
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """How far the case list is behind each centre's writes (seconds; 0 when caught up)."""

    async def work(c: Container) -> dict[str, float]:
        projection, found = c.case_list_projection(), {}
        for centre in await c.identity_store().list_centres():
            found[str(centre.id)] = await projection.lag_seconds([centre.id])
        return found

    found = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"case_list": found, "max": max(found.values(), default=0.0)})
        return
    rows = table("centre", "case list lag (s)", title="Projection lag")
    for centre_id, seconds in found.items():
        rows.add_row(centre_id, f"{seconds:.3f}")
    print_table(rows)
