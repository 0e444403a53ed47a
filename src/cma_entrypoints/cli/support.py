"""What every command shares: running services with a container, and reporting errors.

Errors never reach the user as tracebacks. Exit codes: 2 for bad input (usage, validation,
settings), 1 for anything else (unknown centre, duplicate user, database down).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from cma_core.shared.errors import DomainError, ValidationError
from cma_entrypoints.settings import Settings, SettingsError

if TYPE_CHECKING:
    from rich.table import Table

    from cma_entrypoints.container import Container

log = logging.getLogger("cma.cli")

T = TypeVar("T")

EXIT_FAILURE = 1
EXIT_USAGE = 2

_SETTING_NAME = re.compile(r"\bCMA_[A-Z0-9_]+\b")


class CliError(Exception):
    """A failure the CLI itself detects (not the core), with its exit code."""

    def __init__(
        self, message: str, *, code: str = "usage-error", field: str | None = None, exit_code: int
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.exit_code = exit_code


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, default=str))


def fail(exc: BaseException, *, as_json: bool) -> NoReturn:
    """Report ``exc`` as ``error: ...`` on stderr (or as JSON on stdout) and exit."""
    code, message, field, exit_code = _describe(exc)
    if as_json:
        # On stdout, like the success output, so a script reads one stream either way.
        emit_json({"error": {"code": code, "message": message, "field": field}})
    else:
        typer.echo(f"error: {message}", err=True)
    raise typer.Exit(exit_code)


def _describe(exc: BaseException) -> tuple[str, str, str | None, int]:
    if isinstance(exc, CliError):
        return exc.code, exc.message, exc.field, exc.exit_code
    if isinstance(exc, ValidationError):
        return exc.code, exc.message, exc.field, EXIT_USAGE
    if isinstance(exc, DomainError):
        return exc.code, exc.message, None, EXIT_FAILURE
    if isinstance(exc, SettingsError):
        found = _SETTING_NAME.search(str(exc))
        return "settings-error", str(exc), found.group(0) if found else None, EXIT_USAGE
    # Anything unplanned (database down, disk full) is still reported in one line; the
    # traceback goes to the log, visible with CMA_LOG_LEVEL=DEBUG.
    log.debug("unexpected failure", exc_info=exc)
    return "internal-error", f"{type(exc).__name__}: {exc}", None, EXIT_FAILURE


def load_settings(*, as_json: bool) -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        fail(exc, as_json=as_json)


def run_with_container(
    work: Callable[[Container], Awaitable[T]],
    *,
    as_json: bool = False,
    settings: Settings | None = None,
) -> T:
    """Build the container, run ``work`` on one event loop, dispose the engine, map errors.

    The engine's pool belongs to the loop that opened it, so the container lives and dies
    inside a single ``asyncio.run``.
    """
    settings = settings or load_settings(as_json=as_json)

    async def main() -> T:
        # Imported here: building the container loads every adapter (SQLAlchemy, fpdf2,
        # boto3...), which ``cma --help`` and argument errors must not wait for.
        from cma_entrypoints.container import build_container, shutdown

        container = build_container(settings)
        try:
            return await work(container)
        finally:
            await shutdown(container)

    try:
        import asyncio  # here: `--help` and usage errors need no event loop

        return asyncio.run(main())
    except typer.Exit:
        raise
    except Exception as exc:
        fail(exc, as_json=as_json)


def guard(action: Callable[[], T], *, as_json: bool = False) -> T:
    """Run a synchronous step (migrations, argument parsing) with the same error reporting."""
    try:
        return action()
    except typer.Exit:
        raise
    except Exception as exc:
        fail(exc, as_json=as_json)


def configure_logging(level: str) -> None:
    """JSON lines on stderr (``cma_entrypoints.logs``), for ``serve`` and ``worker``."""
    from cma_entrypoints.logs import configure_logging as configure_json_logs

    configure_json_logs(level, sys.stderr)


@contextlib.contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner with ``message`` on stderr while a long step runs with no count to show
    (nothing when stderr is not a terminal, so logs and ``--json`` stay clean)."""
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


#: A UUID's length: id columns are at least this wide, so an id is never cut or folded.
ID_WIDTH = 36


def table(
    *columns: str,
    title: str | None = None,
    ids: tuple[str, ...] = ("id",),
    whole: tuple[str, ...] = (),
) -> Table:
    """A Rich table that never truncates: ``ids`` columns keep a whole id on one line
    (no wrapping, at least ``ID_WIDTH`` wide), ``whole`` columns never wrap, and any other
    cell that does not fit folds onto further lines instead of ending in "…"."""
    from rich.table import Table

    out = Table(title=title)
    for name in columns:
        if name in ids:
            out.add_column(name, no_wrap=True, min_width=ID_WIDTH, overflow="fold")
        elif name in whole:
            out.add_column(name, no_wrap=True, overflow="fold")
        else:
            out.add_column(name, overflow="fold")
    return out


def print_table(rendered: Table) -> None:
    """Print ``rendered`` on stdout; when stdout is not a terminal (a pipe, a file), as wide
    as the table needs rather than 80 columns."""
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console = Console(width=max(console.width, _natural_width(rendered)))
    console.print(rendered)


def _natural_width(rendered: Table) -> int:
    from rich.console import Console
    from rich.measure import Measurement

    wide = Console(width=10_000)
    return Measurement.get(wide, wide.options, rendered).maximum


#: ``--json`` as every command spells it.
JsonOption = typer.Option(False, "--json", help="Machine-readable output, also for errors.")

#: ``--centre ID``: the centre a command acts for, on its own behalf.
CentreOption = typer.Option(..., "--centre", help="Id of the centre.")


def read_input(path: Path, field: str) -> bytes:
    """The bytes of ``path``, or of stdin when it is ``-``; a usage error naming ``field``
    if it cannot be read."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CliError(
            f"cannot read {path}: {exc.strerror}", field=field, exit_code=EXIT_USAGE
        ) from None
