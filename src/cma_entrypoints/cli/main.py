"""The ``cma`` command (Typer).

Commands get their services from ``build_container()`` and run async services with
``asyncio.run``. This module holds the process commands (migrate, relay, serve, worker,
demo); each area's commands live in ``cli/<area>.py`` and are mounted here.

The HTTP app and the worker are started by import string (as uvicorn does), because the
entrypoints ``http``, ``worker`` and ``cli`` must not import one another.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
from collections.abc import MutableMapping
from typing import TYPE_CHECKING

import typer

from cma_entrypoints.cli.lazy import LazyGroup
from cma_entrypoints.cli.support import (
    EXIT_FAILURE,
    EXIT_USAGE,
    CliError,
    JsonOption,
    configure_logging,
    emit_json,
    fail,
    guard,
    load_settings,
    run_with_container,
    working,
)
from cma_entrypoints.settings import Settings

if TYPE_CHECKING:
    from rich.console import Console

    from cma_entrypoints.container import Container

log = logging.getLogger("cma.cli")

ASGI_APP = "cma_entrypoints.http.asgi:app"
WORKER_MAIN = "cma_entrypoints.worker.runner"

# Each area's commands (centre, user, documents, search...) are mounted lazily
# (cli/lazy.py): imported when run, so `cma --help` does not load every area's code.
app = typer.Typer(
    name="cma",
    cls=LazyGroup,
    # Plain help text: Typer's Rich help imports rich.markdown and pygments, which took
    # more than half of `cma --help` (0.55 s of CPU against 0.22 s plain).
    rich_markup_mode=None,
    help="CMA: case management for debt advice centres.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def run() -> None:
    """Console-script entry point (``cma``)."""
    app()


# --- migrate -----------------------------------------------------------------------------


def _migrate(settings: Settings) -> None:
    if settings.embedded:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    from cma_entrypoints.container import migrate_database

    migrate_database(settings)


@app.command()
def migrate(as_json: bool = JsonOption) -> None:
    """Bring the database schema up to date (safe to run repeatedly)."""
    settings = load_settings(as_json=as_json)
    with working("migrating the database"):
        guard(lambda: _migrate(settings), as_json=as_json)
    # A database upgraded to the case list's read model (1620) with cases from before it:
    # fill the list from the write side now, or it would show nothing until a rebuild.
    filled, left = run_with_container(_fill_case_lists, settings=settings, as_json=as_json)
    if as_json:
        emit_json(
            {
                "up_to_date": True,
                "database": _describe_db(settings),
                "case_lists_filled": filled,
                "case_lists_not_filled": left,
            }
        )
    else:
        typer.echo(f"database is up to date ({_describe_db(settings)})")
        if filled:
            typer.echo(f"case list filled from the write side for {filled} centre(s)")
        for centre_id, reason in left.items():
            typer.echo(
                f"warning: case list of centre {centre_id} not filled ({reason}); "
                "run `cma projections rebuild --centre` once its key is available",
                err=True,
            )


async def _fill_case_lists(c: Container) -> tuple[int, dict[str, str]]:
    """Fill the list of each centre with cases but no rows. A centre whose data key this
    deployment cannot open is reported, not fatal: the schema is up to date either way."""
    projection, filled, left = c.case_list_projection(), 0, {}
    for centre in await c.identity_store().list_centres():
        try:
            if not await projection.incomplete(centre.id):
                continue
            await projection.rebuild(centre.id)
        except Exception as exc:
            left[str(centre.id)] = type(exc).__name__
        else:
            filled += 1
    return filled, left


def _describe_db(settings: Settings) -> str:
    if settings.embedded:
        return f"SQLite in {settings.data_dir}"
    # Never echo a password that may be in the URL.
    from sqlalchemy.engine import make_url

    return f"PostgreSQL {make_url(settings.database_url).render_as_string(hide_password=True)}"


# --- relay -------------------------------------------------------------------------------


@app.command()
def relay(as_json: bool = JsonOption) -> None:
    """Publish events that were committed but never handed to the broker, once."""

    count = run_with_container(_relay_all, as_json=as_json)
    if as_json:
        emit_json({"published": count})
    else:
        typer.echo(f"published {count} event{'s' if count != 1 else ''}")


async def _relay_all(c: Container) -> int:
    return await c.relay().relay()


# --- serve -------------------------------------------------------------------------------


def _serve(settings: Settings, host: str, port: int) -> None:
    if importlib.util.find_spec(ASGI_APP.split(":")[0]) is None:
        raise CliError(
            f"the HTTP app ({ASGI_APP}) is not installed", code="not-installed", exit_code=1
        )
    import uvicorn

    uvicorn.run(
        ASGI_APP,
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        # X-Forwarded-For is the app's business (CMA_TRUSTED_PROXIES); uvicorn's own
        # handling would trust 127.0.0.1 (or FORWARDED_ALLOW_IPS) behind CMA's back.
        proxy_headers=False,
        server_header=False,
        # The app writes its own access line (JSON, no query string); uvicorn's would print
        # query strings, and a client search such as ?name=... carries personal data.
        access_log=False,
        # Keep the JSON-lines handler `serve` installed rather than uvicorn's own config.
        log_config=None,
    )


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the HTTP API with uvicorn.

    On the embedded default (SQLite) the schema is migrated first, so a fresh laptop
    install starts with one command; a server database is migrated with `cma migrate`.
    """
    settings = load_settings(as_json=False)
    # JSON lines on stderr for every logger (access lines with request id, centre, user,
    # route template, status and duration; warnings; failed sign-ins), never bodies.
    configure_logging(settings.log_level)
    if settings.embedded:
        guard(lambda: _migrate_apart(settings))
    guard(lambda: _serve(settings, host, port))


def _migrate_apart(settings: Settings) -> None:
    """Migrate from a child process, so the server never holds Alembic and the migration
    modules (about 40 MB resident for as long as it runs; issue 15: API memory). The child
    reports a failure as `_migrate` would, and the server does not start."""
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(
        target=_migrate_child, args=(settings,), name="cma-migrate"
    )
    child.start()
    child.join()
    if child.exitcode != 0:
        raise typer.Exit(child.exitcode if child.exitcode and child.exitcode > 0 else 1)


def _migrate_child(settings: Settings) -> None:
    configure_logging(settings.log_level)
    try:
        guard(lambda: _migrate(settings))
    except typer.Exit as exc:
        raise SystemExit(exc.exit_code) from None


# --- worker ------------------------------------------------------------------------------


@app.command()
def worker(
    threads: int = typer.Option(4, "--threads", min=1, max=64, help="Worker threads."),
    relay_every: float = typer.Option(
        5.0, "--relay-every", min=0.5, help="Seconds between outbox relay runs."
    ),
) -> None:
    """Run the background worker: Dramatiq on Redis, plus a periodic outbox relay."""
    settings = load_settings(as_json=False)
    if not settings.redis_url:
        fail(
            CliError(
                "CMA_REDIS_URL is not set. The worker consumes jobs from Redis; without Redis "
                "(the embedded default) jobs already run in-process in `cma serve`, so no "
                "worker is needed.",
                code="settings-error",
                field="CMA_REDIS_URL",
                exit_code=EXIT_USAGE,
            ),
            as_json=False,
        )
    configure_logging(settings.log_level)
    runner = guard(lambda: importlib.import_module(WORKER_MAIN))
    code = guard(lambda: runner.main(settings=settings, threads=threads, relay_every=relay_every))
    raise typer.Exit(int(code or 0))


# --- demo --------------------------------------------------------------------------------


@app.command()
def demo(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Seed and exit; do not serve."),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="The logins and URLs as JSON on stdout (progress on stderr), also for errors.",
    ),
    scale: int | None = typer.Option(
        None,
        "--scale",
        min=1,
        max=10_000_000,
        help="Seed a national data set of this many cases instead (also on PostgreSQL "
        "through CMA_DATABASE_URL, into a database with no centres yet); --json prints "
        "its receipt.",
    ),
    centres: int | None = typer.Option(
        None,
        "--centres",
        min=1,
        max=10_000,
        help="With --scale: how many centres (default: one per 5,000 cases, 1 to 200).",
    ),
    jobs: int = typer.Option(
        1, "--jobs", min=1, max=16, help="With --scale on PostgreSQL: processes writing."
    ),
) -> None:
    """Set up demo centres, staff, clients and cases on the embedded default, then serve."""
    from rich.console import Console

    from cma_entrypoints.cli import demo as demo_data

    settings = load_settings(as_json=as_json)
    if scale is not None:
        from cma_entrypoints.cli.demo_scale import run_scale

        guard(lambda: _migrate(settings), as_json=as_json)
        run_scale(settings, scale, centres, jobs=jobs, as_json=as_json)
        if not no_serve:
            guard(lambda: _serve(settings, host, port), as_json=as_json)
        return
    if not settings.embedded:
        fail(
            CliError(
                "the demo runs on the embedded default only: unset CMA_DATABASE_URL "
                "(demo logins share a published password and must not reach a real database)",
                code="settings-error",
                field="CMA_DATABASE_URL",
                exit_code=EXIT_USAGE,
            ),
            as_json=as_json,
        )
    # With --json, stdout carries only the JSON document.
    console = Console(stderr=as_json)
    guard(lambda: _migrate(settings), as_json=as_json)

    async def work(c: Container) -> int:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        if existing := await demo_data.existing_demo_centres(c):
            names = ", ".join(x.name for x in existing)
            console.print(f"demo data already present ({names}); nothing added")
            return 0
        total = demo_data.steps_per_centre() * len(demo_data.CENTRES)
        with Progress(
            TextColumn("[bold]seeding demo data"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=False,
        ) as progress:
            task = progress.add_task("", total=total)
            created = await demo_data.seed(
                c, lambda what: progress.update(task, advance=1, description=what)
            )
        return len(created)

    created = run_with_container(work, settings=settings, as_json=as_json)
    if as_json:
        emit_json(_demo_summary(host, port, created))
    else:
        _print_demo_summary(console, host, port, serving=not no_serve)
    if not no_serve:
        _demo_reset_link(os.environ, host, port)
        guard(lambda: _serve(settings, host, port), as_json=as_json)


def _demo_reset_link(env: MutableMapping[str, str], host: str, port: int) -> None:
    """The demo's reset emails link to the console it serves (the outbox folder holds them:
    ``cma notify read``), unless ``CMA_PASSWORD_RESET_LINK`` says otherwise. Set in the
    environment: uvicorn builds the app, and its settings, from it."""
    if not env.get("CMA_PASSWORD_RESET_LINK"):
        env["CMA_PASSWORD_RESET_LINK"] = f"{_base_url(host, port)}/reset-password#token="


def _base_url(host: str, port: int) -> str:
    shown_host = "localhost" if host in {"0.0.0.0", "::"} else host  # noqa: S104
    return f"http://{shown_host}:{port}"


def _demo_summary(host: str, port: int, created: int) -> dict[str, object]:
    from cma_entrypoints.cli import demo as demo_data

    base = _base_url(host, port)
    return {
        "centres_created": created,
        "logins": [
            {"centre": x.centre, "email": x.email, "role": x.role.value} for x in demo_data.logins()
        ],
        "password": demo_data.DEMO_PASSWORD,
        "url": base,
        "api": f"{base}/api/v1",
        "openapi": f"{base}/schema/openapi.json",
    }


def _print_demo_summary(console: Console, host: str, port: int, *, serving: bool) -> None:
    from cma_entrypoints.cli import demo as demo_data
    from cma_entrypoints.cli.support import table

    base = _base_url(host, port)
    logins = table("centre", "email", "role", title="Demo logins", whole=("email",))
    for login in demo_data.logins():
        logins.add_row(login.centre, login.email, login.role.value)
    console.print(logins)
    console.print(f"password for every demo login: [bold]{demo_data.DEMO_PASSWORD}[/bold]")
    console.print(f"URL:     {base}  (web console; API under {base}/api/v1)")
    console.print(f"OpenAPI: {base}/schema/openapi.json  (docs at {base}/schema)")
    if not serving:
        console.print(f"start the server with `cma serve --host {host} --port {port}`")


__all__ = ["EXIT_FAILURE", "app", "run"]
