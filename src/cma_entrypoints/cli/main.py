"""The ``cma`` command (Typer).

Commands get their services from ``build_container()`` and run async services with
``asyncio.run``. Centre and user administration is platform-level: it calls the identity
service directly, with no tenant context.

The HTTP app and the worker are started by import string (as uvicorn does), because the
entrypoints ``http``, ``worker`` and ``cli`` must not import one another.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import logging
import sys
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import GRANTABLE, Permission, Role
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CentreId, UserId, parse_uuid
from cma_entrypoints.cli import audit as security_cli
from cma_entrypoints.cli import budgets as advice_cli
from cma_entrypoints.cli import demo as demo_data
from cma_entrypoints.cli import privacy as privacy_cli
from cma_entrypoints.cli import scheduling as scheduling_cli
from cma_entrypoints.cli.documents import documents_app
from cma_entrypoints.cli.support import (
    EXIT_FAILURE,
    EXIT_USAGE,
    CliError,
    configure_logging,
    emit_json,
    fail,
    guard,
    load_settings,
    run_with_container,
)
from cma_entrypoints.container import Container
from cma_entrypoints.settings import Settings

log = logging.getLogger("cma.cli")

ASGI_APP = "cma_entrypoints.http.asgi:app"
WORKER_MAIN = "cma_entrypoints.worker.runner"

app = typer.Typer(
    name="cma",
    help="CMA: case management for debt advice centres.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
centre_app = typer.Typer(help="Manage centres (tenants).", no_args_is_help=True)
user_app = typer.Typer(help="Manage users.", no_args_is_help=True)
app.add_typer(centre_app, name="centre")
app.add_typer(user_app, name="user")
app.add_typer(documents_app, name="documents")
app.add_typer(privacy_cli.clients_app, name="clients")
app.add_typer(security_cli.audit_app, name="audit")
app.add_typer(security_cli.keys_app, name="keys")
app.add_typer(scheduling_cli.compliance_app, name="compliance")
app.add_typer(scheduling_cli.scheduler_app, name="scheduler")
app.add_typer(advice_cli.sfs_app, name="sfs")
app.add_typer(advice_cli.reference_app, name="reference")

JsonOption = typer.Option(False, "--json", help="Machine-readable output, also for errors.")


def run() -> None:
    """Console-script entry point (``cma``)."""
    app()


# --- migrate -----------------------------------------------------------------------------


def _migrate(settings: Settings) -> None:
    from cma_adapters.sqlalchemy.migrate import upgrade

    if settings.embedded:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url, app_role=settings.database_app_role)


@app.command()
def migrate() -> None:
    """Bring the database schema up to date (safe to run repeatedly)."""
    settings = load_settings(as_json=False)
    guard(lambda: _migrate(settings))
    typer.echo(f"database is up to date ({_describe_db(settings)})")


def _describe_db(settings: Settings) -> str:
    if settings.embedded:
        return f"SQLite in {settings.data_dir}"
    # Never echo a password that may be in the URL.
    from sqlalchemy.engine import make_url

    return f"PostgreSQL {make_url(settings.database_url).render_as_string(hide_password=True)}"


# --- centres -----------------------------------------------------------------------------


@centre_app.command("create")
def centre_create(
    name: str = typer.Argument(..., help="The centre's name."),
    as_json: bool = JsonOption,
) -> None:
    """Create a centre."""

    async def work(c: Container) -> Centre:
        return await c.identity().create_centre(name)

    centre = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"id": str(centre.id), "name": centre.name})
    else:
        typer.echo(f"created centre {centre.name!r} with id {centre.id}")


@centre_app.command("list")
def centre_list(as_json: bool = JsonOption) -> None:
    """List centres, oldest first."""

    async def work(c: Container) -> list[Centre]:
        return list(await c.identity_store().list_centres())

    centres = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(
            [
                {"id": str(x.id), "name": x.name, "created_at": x.created_at.isoformat()}
                for x in centres
            ]
        )
        return
    if not centres:
        typer.echo("no centres yet: create one with `cma centre create NAME`")
        return
    table = Table("id", "name", "created")
    for x in centres:
        table.add_row(str(x.id), x.name, x.created_at.strftime("%Y-%m-%d %H:%M"))
    Console().print(table)


# --- users -------------------------------------------------------------------------------


def _parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise ValidationError("role", f"unknown role {value!r}; use one of {allowed}") from None


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    # Never take a password as an argument: it would land in shell history and `ps`.
    raise CliError(
        "pass the password on stdin with --password-stdin",
        field="password",
        exit_code=EXIT_USAGE,
    )


@user_app.command("create")
def user_create(
    centre: str = typer.Option(..., "--centre", help="Id of the centre the user works for."),
    email: str = typer.Option(..., "--email", help="Sign-in email address."),
    role: str = typer.Option(..., "--role", help=f"One of: {', '.join(r.value for r in Role)}."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of stdin."
    ),
    full_name: str | None = typer.Option(None, "--full-name", help="Defaults to the email."),
    as_json: bool = JsonOption,
) -> None:
    """Create a user with a role in a centre (or grant the role to an existing user)."""
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)
    chosen = guard(lambda: _parse_role(role), as_json=as_json)
    password = guard(lambda: _read_password(password_stdin), as_json=as_json)

    async def work(c: Container) -> Any:
        return await c.identity().create_user(
            centre_id=centre_id, email=email, role=chosen, password=password, full_name=full_name
        )

    user = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(
            {
                "id": str(user.id),
                "email": user.email,
                "centre_id": str(centre_id),
                "role": chosen.value,
            }
        )
    else:
        typer.echo(f"user {user.email} ({user.id}) is {chosen.value} in centre {centre_id}")


def _parse_permission(value: str) -> Permission:
    """A grantable permission: centre:manage and user:manage come only with a role."""
    allowed = ", ".join(sorted(p.value for p in GRANTABLE))
    try:
        permission = Permission(value.strip().lower())
    except ValueError:
        raise ValidationError(
            "permission", f"unknown permission {value!r}; use one of {allowed}"
        ) from None
    if permission not in GRANTABLE:
        raise ValidationError(
            "permission", f"{permission.value} is never granted to one user; give a role"
        )
    return permission


def _parse_expiry(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError("expires", "must be an ISO 8601 date or time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


async def _user_id(c: Container, value: str) -> UserId:
    """A user by id or by email (the id is what the API shows)."""
    if "@" in value:
        user = await c.identity_store().get_user_by_email(value.strip().lower())
        if user is None:
            raise NotFound("user", value)
        return user.id
    return UserId(parse_uuid(value, field="user"))


@user_app.command("grant")
def user_grant(
    centre: str = typer.Option(..., "--centre", help="Id of the centre the grant is for."),
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    permission: str = typer.Option(..., "--permission", help="E.g. sensitive:read."),
    reason: str = typer.Option(..., "--reason", help="Why this person needs it."),
    expires: str | None = typer.Option(None, "--expires", help="ISO 8601; default: never."),
    as_json: bool = JsonOption,
) -> None:
    """Give one user one permission in a centre beyond their roles (audited).

    centre:manage and user:manage are never granted: give a role instead.
    """
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)
    chosen = guard(lambda: _parse_permission(permission), as_json=as_json)
    until = guard(lambda: _parse_expiry(expires), as_json=as_json)

    async def work(c: Container) -> Any:
        if await c.identity_store().get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        ctx = TenantContext.system(centre_id)
        return await c.identity().grant(
            ctx, await _user_id(c, user), chosen, reason=reason, expires_at=until
        )

    grant = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(
            {
                "centre_id": str(centre_id),
                "permission": grant.permission.value,
                "expires_at": grant.expires_at.isoformat() if grant.expires_at else None,
            }
        )
    else:
        typer.echo(f"granted {grant.permission.value} in centre {centre_id}")


@user_app.command("revoke")
def user_revoke(
    centre: str = typer.Option(..., "--centre", help="Id of the centre the grant is for."),
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    permission: str = typer.Option(..., "--permission", help="The granted permission."),
    as_json: bool = JsonOption,
) -> None:
    """Take back a permission granted to one user (audited); their next token lacks it."""
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)
    chosen = guard(lambda: _parse_permission(permission), as_json=as_json)

    async def work(c: Container) -> None:
        if await c.identity_store().get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        await c.identity().revoke(TenantContext.system(centre_id), await _user_id(c, user), chosen)

    run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"centre_id": str(centre_id), "revoked": chosen.value})
    else:
        typer.echo(f"revoked {chosen.value} in centre {centre_id}")


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
        proxy_headers=True,
        server_header=False,
        # The app writes its own access line (JSON, no query string); uvicorn's would print
        # query strings, and a client search such as ?name=... carries personal data.
        access_log=False,
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
    if settings.embedded:
        guard(lambda: _migrate(settings))
    guard(lambda: _serve(settings, host, port))


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
) -> None:
    """Set up demo centres, staff, clients and cases on the embedded default, then serve."""
    settings = load_settings(as_json=False)
    if not settings.embedded:
        fail(
            CliError(
                "the demo runs on the embedded default only: unset CMA_DATABASE_URL "
                "(demo logins share a published password and must not reach a real database)",
                code="settings-error",
                field="CMA_DATABASE_URL",
                exit_code=EXIT_USAGE,
            ),
            as_json=False,
        )
    console = Console()
    guard(lambda: _migrate(settings))

    async def work(c: Container) -> int:
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

    run_with_container(work, settings=settings)
    _print_demo_summary(console, host, port, serving=not no_serve)
    if not no_serve:
        guard(lambda: _serve(settings, host, port))


def _print_demo_summary(console: Console, host: str, port: int, *, serving: bool) -> None:
    shown_host = "localhost" if host in {"0.0.0.0", "::"} else host  # noqa: S104
    base = f"http://{shown_host}:{port}"
    table = Table("centre", "email", "role", title="Demo logins")
    for login in demo_data.logins():
        table.add_row(login.centre, login.email, login.role.value)
    console.print(table)
    console.print(f"password for every demo login: [bold]{demo_data.DEMO_PASSWORD}[/bold]")
    console.print(f"URL:     {base}  (API under {base}/api/v1)")
    console.print(f"OpenAPI: {base}/schema/openapi.json  (docs at {base}/schema)")
    if not serving:
        console.print(f"start the server with `cma serve --host {host} --port {port}`")


__all__ = ["EXIT_FAILURE", "app", "run"]
