"""``cma user reset-password``, ``reset-second-factor``, ``lock`` and ``unlock`` (issue 13:
accounts)."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from typer.testing import Result

from cma_entrypoints.container import Container, build_container, outbox_messages, shutdown
from cma_entrypoints.settings import Settings

T = TypeVar("T")
PASSWORD = "correct-horse-battery"
NEW = "plum tractor lighthouse sings"


def _run(env: dict[str, str | None], work: Callable[[Container], Awaitable[T]]) -> T:
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})

    async def main() -> T:
        container = build_container(settings)
        try:
            return await work(container)
        finally:
            await shutdown(container)

    return asyncio.run(main())


def _json(result: Result) -> Any:
    return json.loads(result.stdout)


def _user(cma: Callable[..., Result]) -> tuple[str, str]:
    assert cma("migrate").exit_code == 0
    centre = _json(cma("centre", "create", "Eastside Advice", "--json"))["id"]
    made = cma(
        "user", "create", "--centre", centre, "--email", "ann@eastside.example",
        "--role", "adviser", "--password-stdin", "--json", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    return centre, _json(made)["id"]


def test_reset_password_sets_one_or_mails_a_link(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    _, user_id = _user(cma)
    weak = cma("user", "reset-password", "--user", user_id, "--password-stdin", stdin="short\n")
    assert weak.exit_code != 0
    done = cma(
        "user", "reset-password", "--user", "ann@eastside.example", "--password-stdin",
        "--json", stdin=NEW + "\n",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert _json(done) == {"id": user_id, "reset": "password_set"}
    signed = _run(env, lambda c: c.identity().authenticate("ann@eastside.example", NEW))
    assert str(signed.user.id) == user_id
    # Without a password: a link goes out through the notifier (the outbox folder here).
    mailed = cma("user", "reset-password", "--user", user_id, "--json")
    assert mailed.exit_code == 0, mailed.output
    assert _json(mailed)["reset"] == "link_sent"
    # The outbox folder's messages are sealed (issue 13): read them as `cma notify read` does.
    settings = Settings.from_env({k: v for k, v in env.items() if v is not None})
    mails = [
        body.decode()
        for name, body in outbox_messages(settings)
        if name.startswith("password-reset_") and name.endswith(".eml")
    ]
    assert len(mails) == 1
    assert "Your reset code:" in mails[0]
    assert "ann@eastside.example" in mails[0]


def test_lock_and_unlock_the_account_everywhere(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    _, user_id = _user(cma)
    locked = cma("user", "lock", "--user", user_id, "--json")
    assert locked.exit_code == 0, locked.output
    assert _json(locked) == {"id": user_id, "locked": True}
    user = _run(env, lambda c: c.identity_store().get_user_by_email("ann@eastside.example"))
    assert user is not None
    assert user.active is False
    unlocked = cma("user", "unlock", "--user", "ann@eastside.example", "--json")
    assert _json(unlocked) == {"id": user_id, "locked": False}


def test_reset_second_factor_takes_totp_and_codes_away(
    cma: Callable[..., Result], env: dict[str, str | None]
) -> None:
    centre, user_id = _user(cma)
    nothing = cma("user", "reset-second-factor", "--user", user_id, "--json")
    assert nothing.exit_code == 0, nothing.output
    assert _json(nothing) == {"id": user_id, "second_factor_reset": False}

    async def enrol(c: Container) -> list[str]:
        import pyotp

        from cma_core.identity.model import TenantContext
        from cma_core.identity.permissions import Role
        from cma_core.shared.ids import CentreId, UserId

        ctx = TenantContext(
            centre_id=CentreId(uuid.UUID(centre)),
            user_id=UserId(uuid.UUID(user_id)),
            roles=frozenset({Role.ADVISER}),
        )
        secret, _ = await c.identity().enrol_totp(ctx)
        return await c.identity().confirm_totp(ctx, pyotp.TOTP(secret).now())

    codes = _run(env, enrol)
    done = cma("user", "reset-second-factor", "--user", "ann@eastside.example", "--json")
    assert done.exit_code == 0, done.output
    assert _json(done) == {"id": user_id, "second_factor_reset": True}
    user = _run(env, lambda c: c.identity_store().get_user_by_email("ann@eastside.example"))
    assert user is not None
    assert (user.totp_enabled, user.totp_secret) == (False, None)
    left = _run(env, lambda c: c.identity_store().recovery_codes_left(user.id))
    assert (len(codes), left) == (10, 0)
    # The password alone signs in again.
    signed = _run(env, lambda c: c.identity().authenticate("ann@eastside.example", PASSWORD))
    assert str(signed.user.id) == user_id
