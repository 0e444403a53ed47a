"""``cma demo --scale N``: seed a national data set (``cma_entrypoints.scale_seed``) with a
progress bar on stderr and, with ``--json``, its receipt on stdout."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cma_entrypoints.cli.support import EXIT_USAGE, CliError, emit_json, run_with_container

if TYPE_CHECKING:
    from cma_entrypoints.container import Container
    from cma_entrypoints.settings import Settings

#: Cases per centre when ``--centres`` is not given (1M cases: 200 centres).
CASES_PER_CENTRE = 5_000
MAX_DEFAULT_CENTRES = 200


def default_centres(cases: int) -> int:
    return max(1, min(MAX_DEFAULT_CENTRES, cases // CASES_PER_CENTRE))


def run_scale(
    settings: Settings, cases: int, centres: int | None, *, jobs: int, as_json: bool
) -> dict[str, Any]:
    centres = centres or default_centres(cases)

    async def work(c: Container) -> dict[str, Any]:
        from cma_entrypoints import scale_seed

        if await c.identity_store().list_centres():
            raise CliError(
                "--scale seeds a database with no centres yet; this one has some "
                "(use a fresh CMA_DATA_DIR or database)",
                code="not-empty",
                field="scale",
                exit_code=EXIT_USAGE,
            )
        with _Bar(cases, centres) as bar:
            receipt = await scale_seed.seed(c, cases, centres, jobs=jobs, progress=bar.update)
        return receipt.as_dict()

    receipt = run_with_container(work, settings=settings, as_json=as_json)
    if as_json:
        emit_json(receipt)
    else:
        _print(receipt)
    return receipt


class _Bar:
    """Two Rich progress bars on stderr: centres (through the services), then cases."""

    def __init__(self, cases: int, centres: int) -> None:
        self._totals = {"centres": centres, "cases": cases}

    def __enter__(self) -> _Bar:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._progress.__enter__()
        self._tasks = {
            stage: self._progress.add_task(f"seeding {stage}", total=total)
            for stage, total in self._totals.items()
        }
        return self

    def update(self, stage: str, done: int, total: int) -> None:
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        self._progress.__exit__(None, None, None)


def _print(receipt: dict[str, Any]) -> None:
    import typer

    typer.echo(
        f"seeded {receipt['cases']:,} cases over {receipt['centres']} centres: "
        f"{receipt['rows']:,} rows in {receipt['seconds']} s "
        f"({receipt['rows_per_second']:,} rows/s; centres {receipt['setup_seconds']} s)"
    )
    typer.echo(f"logins: {receipt['login_pattern']}; password: {receipt['password']}")
