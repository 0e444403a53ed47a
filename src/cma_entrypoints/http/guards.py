"""Route guards called with the route handler itself instead of a copy made per guard.

Litestar 2.25's ``BaseRouteHandler.authorize_connection`` runs each guard as
``guard(connection, copy(self))``: a shallow copy of the handler (``copy.copy`` through
``__reduce_ex__``, a new object with every attribute set again) for every guard of every
request, so that a guard cannot change the handler others see. CMA's guards
(``auth.requires``, ``auth.requires_recent_auth``) decide from the connection alone and
never read the handler; the copy was ~1.5 % of the CPU of ``GET /api/v1/cases/{id}``
served (py-spy, benchmarks/README.md, branch ``caseread``).

``install()`` replaces ``authorize_connection`` with the same loop over the same guards,
in the same order, each awaited in turn, a refusal raised as before, handing them the
handler itself. A guard written later must not mutate the handler it is given (none may
need to: the handler is configuration). The import below fails loudly if a Litestar
upgrade moves it; tests/e2e/test_guards.py checks the behaviour.
"""

from __future__ import annotations

from typing import Any

from litestar.handlers.base import BaseRouteHandler


async def authorize_in_place(self: BaseRouteHandler, connection: Any) -> None:
    for guard in self.resolve_guards():
        await guard(connection, self)  # type: ignore[misc]


def install() -> None:
    """Idempotent; called by ``create_app``."""
    BaseRouteHandler.authorize_connection = authorize_in_place  # type: ignore[method-assign]
