"""``cma centre ...``, ``cma user ...`` and ``cma keys rotate``: centres, users, grants and
centre data keys.

Centre and user administration is platform-level: it calls the identity service directly,
with no tenant context.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

import typer

from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import GRANTABLE, Permission, Role
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CentreId, UserId, parse_uuid
from cma_entrypoints.cli.support import (
    EXIT_USAGE,
    CliError,
    JsonOption,
    emit_json,
    fail,
    guard,
    print_table,
    run_with_container,
    table,
)

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

centre_app = typer.Typer(help="Manage centres (tenants).", no_args_is_help=True)

user_app = typer.Typer(help="Manage users.", no_args_is_help=True)


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
    rows = table("id", "name", "created", whole=("created",))
    for x in centres:
        rows.add_row(str(x.id), x.name, x.created_at.strftime("%Y-%m-%d %H:%M"))
    print_table(rows)


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


@user_app.command("remove")
def user_remove(
    centre: str = typer.Option(..., "--centre", help="Id of the centre to take the user out of."),
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    as_json: bool = JsonOption,
) -> None:
    """Take a user out of a centre (every role and grant there; audited). Their signed-in
    sessions for that centre stop working within seconds."""
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)

    async def work(c: Container) -> str:
        if await c.identity_store().get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        user_id = await _user_id(c, user)
        await c.identity().remove_member(TenantContext.system(centre_id), user_id)
        return str(user_id)

    removed = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"centre_id": str(centre_id), "removed": removed})
    else:
        typer.echo(f"removed user {removed} from centre {centre_id}")


keys_app = typer.Typer(
    help="Data keys: rotate a centre's key, or the keys sealing users' secrets.",
    no_args_is_help=True,
)


@keys_app.command("rotate")
def keys_rotate(
    centre: str | None = typer.Option(
        None, "--centre", help="Id of the centre whose data key to rotate."
    ),
    users: bool = typer.Option(
        False,
        "--users",
        help="Instead: give every user's sealed TOTP secret a new data key.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output (no bar)."),
) -> None:
    """Issue a new data-key version for the centre and re-encrypt its personal data; or,
    with --users, re-seal every user's second-factor secret under a new data key of its
    own (users are platform-wide, so no centre's key seals them).

    Safe to run again after an interruption: rows not yet re-encrypted still open under
    their old key, and the next run moves them on.
    """
    if users == (centre is not None):
        fail(
            CliError("give either --centre ID or --users", field="centre", exit_code=EXIT_USAGE),
            as_json=as_json,
        )
    if users:
        _rotate_users(as_json)
        return
    assert centre is not None
    centre_id = guard(lambda: CentreId(parse_uuid(centre, field="centre")), as_json=as_json)

    async def work(c: Container) -> Any:
        if await c.identity_store().get_centre(centre_id) is None:
            raise NotFound("centre", centre_id)
        if as_json:
            return await c.key_rotation().rotate(centre_id)
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("re-encrypting", total=None)

            def step(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return await c.key_rotation().rotate(centre_id, progress=step)

    report = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json(
            {
                "centre_id": str(centre_id),
                "version": report.version,
                "previous_version": report.previous_version,
                "clients": report.clients,
                "notes": report.notes,
                "records": report.records,
                "documents": report.documents,
                "files": report.files,
            }
        )
    else:
        typer.echo(
            f"centre {centre_id}: data key version {report.version}; re-encrypted "
            f"{report.clients} clients, {report.notes} notes, {report.records} casework and "
            f"advice records, {report.documents} document and suggestion rows and "
            f"{report.files} stored files"
        )


def _rotate_users(as_json: bool) -> None:
    async def work(c: Container) -> Any:
        if as_json:
            return await c.key_rotation().rotate_user_secrets()
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("re-sealing users' secrets", total=None)

            def step(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return await c.key_rotation().rotate_user_secrets(progress=step)

    report = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"users": report.users, "centres": report.centres, "refused": report.refused})
    else:
        typer.echo(
            f"re-sealed {report.users} users' second-factor secrets under new data keys; "
            f"recorded on {report.centres} centres' audit chains"
        )
        if report.refused:
            typer.echo(
                f"error: {report.refused} secrets did not open (written around the "
                "application, or under another key) and were left as they were; those "
                "users must set up their authenticator again",
                err=True,
            )
    if report.refused:
        raise typer.Exit(1)


@user_app.command("reset-password")
def user_reset_password(
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    password_stdin: bool = typer.Option(
        False,
        "--password-stdin",
        help="Set this password (first line of stdin) instead of emailing a reset link.",
    ),
    as_json: bool = JsonOption,
) -> None:
    """Reset a user's password: by default email them a single-use reset link (you never
    learn the password); with --password-stdin set it yourself (the policy applies). Either
    way every session of theirs ends once the new password is set. Audited in each of
    their centres."""
    password = guard(lambda: _read_password(True), as_json=as_json) if password_stdin else None

    async def work(c: Container) -> Any:
        return await c.accounts().operator_reset(await _user_id(c, user), password)

    done = run_with_container(work, as_json=as_json)
    how = "password_set" if password is not None else "link_sent"
    if as_json:
        emit_json({"id": str(done.id), "reset": how})
    elif password is not None:
        typer.echo(f"set a new password for {done.email}; every session of theirs has ended")
    else:
        typer.echo(f"emailed a password-reset link to {done.email}")


def _lock(user: str, locked: bool, as_json: bool) -> None:
    async def work(c: Container) -> Any:
        return await c.accounts().set_locked(await _user_id(c, user), locked)

    done = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"id": str(done.id), "locked": not done.active})
    else:
        state = "locked (every centre; sessions ended)" if locked else "unlocked"
        typer.echo(f"account {done.email} is {state}")


@user_app.command("lock")
def user_lock(
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    as_json: bool = JsonOption,
) -> None:
    """Lock an account in every centre (no sign-in anywhere; every session ends). A
    centre's admin deactivates only their own centre's membership; this is the operator's
    account-wide switch. Audited in each of the user's centres."""
    _lock(user, True, as_json)


@user_app.command("reset-second-factor")
def user_reset_second_factor(
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    as_json: bool = JsonOption,
) -> None:
    """Take away a lost 2-step verification (TOTP secret and recovery codes) in every
    centre, and end every session; they sign in with their password and set it up again
    where a centre requires it. For anyone, a member of several centres included (a
    centre's admin resets only members of their centre alone). Audited in each of the
    user's centres."""

    async def work(c: Container) -> tuple[str, bool]:
        user_id = await _user_id(c, user)
        return str(user_id), await c.accounts().operator_reset_second_factor(user_id)

    user_id, done = run_with_container(work, as_json=as_json)
    if as_json:
        emit_json({"id": user_id, "second_factor_reset": done})
    else:
        said = "2-step verification reset; sessions ended" if done else "nothing to reset"
        typer.echo(said)


@user_app.command("unlock")
def user_unlock(
    user: str = typer.Option(..., "--user", help="The user's id or email."),
    as_json: bool = JsonOption,
) -> None:
    """Unlock an account locked with `cma user lock` (memberships a centre deactivated stay
    so)."""
    _lock(user, False, as_json)
