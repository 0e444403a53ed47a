"""Embed the CMA core in another Python program, with no database and no web framework.

Needs only ``attrs`` and the source tree on the path::

    python -m venv /tmp/cma-embed && /tmp/cma-embed/bin/python -m pip install attrs
    PYTHONPATH=src /tmp/cma-embed/bin/python examples/embed_core.py

It imports ``cma_core`` (the domain and its use cases) and ``cma_adapters.memory`` (the
in-memory implementation of every port), and plugs in two adapters of its own: a clock and
a password hasher, each a plain class that subclasses the core's Protocol.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import secrets

from cma_adapters.memory import (
    InMemoryDatabase,
    InMemoryIdentityStore,
    RecordingEventPublisher,
    in_memory_uow_factory,
)
from cma_adapters.memory.cases import cases as memory_cases
from cma_adapters.memory.clients import clients as memory_clients
from cma_adapters.memory.tasks import tasks as memory_tasks
from cma_core.cases.model import CloseReason
from cma_core.cases.service import CaseService, OpenCase
from cma_core.clients.service import ClientService, RegisterClient
from cma_core.identity.permissions import Role
from cma_core.identity.ports import PasswordHasher
from cma_core.identity.service import IdentityService
from cma_core.shared.clock import Clock
from cma_core.shared.handlers import EventHandlers
from cma_core.tasks.service import TaskJobs


class SteppingClock(Clock):
    """Our own clock: starts at a fixed instant and moves one minute each time it is read,
    so the output is the same on every run. The core never reads the system clock."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        current = self._now
        self._now += dt.timedelta(minutes=1)
        return current


class ScryptPasswordHasher(PasswordHasher):
    """Our own hasher on the standard library's scrypt (the server uses argon2)."""

    N, R, P = 2**14, 8, 1

    def hash(self, password: str) -> str:
        salt = secrets.token_bytes(16)
        digest = hashlib.scrypt(password.encode(), salt=salt, n=self.N, r=self.R, p=self.P)
        return f"scrypt${self.N}${salt.hex()}${digest.hex()}"

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            _scheme, n, salt, digest = password_hash.split("$")
            candidate = hashlib.scrypt(
                password.encode(), salt=bytes.fromhex(salt), n=int(n), r=self.R, p=self.P
            )
        except ValueError:
            return False
        return hmac.compare_digest(candidate.hex(), digest)

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.startswith(f"scrypt${self.N}$")


# A demonstration account in a throw-away in-memory store, not a secret.
DEMO_PASSWORD = "a long enough passphrase"  # noqa: S105


async def main() -> int:
    # Composition root: the in-memory adapters plus our own clock and hasher.
    clock = SteppingClock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    db = InMemoryDatabase()
    publisher = RecordingEventPublisher()
    uow = in_memory_uow_factory(db, publisher)
    store = InMemoryIdentityStore(db)
    identity = IdentityService(store, ScryptPasswordHasher(), clock)
    # Each repository joins a unit of work through its factory (a RepositoryFactory).
    clients = ClientService(uow, clock, clients=memory_clients)
    cases = CaseService(uow, store, clock, cases=memory_cases, clients=memory_clients)
    handlers = EventHandlers(uow, clock, registered=TaskJobs(clock, tasks=memory_tasks).handlers())

    centre = await identity.create_centre("Example Debt Advice Centre")
    await identity.create_user(
        centre_id=centre.id,
        email="ada@example.org",
        role=Role.ADVISER,
        password=DEMO_PASSWORD,
        full_name="Ada Adviser",
    )
    # Sign in as the adviser: every use case takes the resulting tenant context.
    signed_in = await identity.authenticate("ada@example.org", DEMO_PASSWORD)
    ctx = signed_in.context
    print(f"Centre:  {centre.name}")
    print(f"Adviser: {signed_in.user.full_name} <{signed_in.user.email}>, roles", end=" ")
    print(", ".join(sorted(r.value for r in ctx.roles)))

    client = await clients.register(
        ctx,
        RegisterClient(
            first_name="Jane",
            last_name="Doe",
            date_of_birth=dt.date(1985, 6, 1),
            email="jane.doe@example.org",
            phone="07700 900123",
        ),
    )
    print(f"Client:  {client.display_name} registered")

    case = await cases.open(ctx, OpenCase(client_id=client.id))
    print(f"Case:    {case.reference} opened ({case.status.value})")

    # What the worker would do with CaseOpened: create the initial-contact task.
    opened = next(e for e in publisher.published if e.name == "CaseOpened")
    await handlers.dispatch(centre.id, opened.event_id)
    async with uow(centre.id) as unit:
        [task] = (await memory_tasks(unit).list(limit=1, offset=0, case_id=case.id)).items
    print(f"Task:    {task.title!r}, due {task.due_at:%Y-%m-%d %H:%M} UTC")

    note = await cases.add_note(ctx, case.id, "Discussed priority debts; budget to follow.")
    print(f"Note:    {note.body!r}")

    closed = await cases.close(ctx, case.id, CloseReason.ADVICE_COMPLETE)
    print(f"Case:    {closed.reference} {closed.status.value} ({closed.close_reason})")

    # Events carry ids, not objects; name the ones we know so the listing reads well.
    names = {
        str(signed_in.user.id): signed_in.user.full_name,
        str(client.id): client.display_name,
        str(case.id): case.reference,
        str(note.id): "note 1",
    }
    print()
    print(f"Domain events recorded ({len(publisher.published)}):")
    for number, event in enumerate(publisher.published, start=1):
        detail = ", ".join(f"{k}={names.get(v, v)}" for k, v in event.payload.items())
        print(f"  {number}. {event.occurred_at:%H:%M} {event.name:<17} {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
