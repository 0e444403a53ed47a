"""Demo data: two centres with staff, clients and cases, for trying CMA on a laptop.

Everything goes through the same services the API uses, so the demo data carries audit
entries, outbox events and the tasks the event handlers create, like real data would.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from cma_core.cases.model import CloseReason
from cma_core.cases.service import OpenCase
from cma_core.clients.model import PostalAddress
from cma_core.clients.service import RegisterClient
from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import Role
from cma_entrypoints.cli import demo_casework, demo_documents

if TYPE_CHECKING:
    from cma_entrypoints.container import Container

# One shared password for every demo login; it meets the 10-character policy. Demo data
# only: the command says so loudly, and a real deployment creates users with `cma user`.
DEMO_PASSWORD = "demo-password-2024"  # noqa: S105


@frozen
class DemoCentre:
    name: str
    domain: str


CENTRES = (
    DemoCentre("Northside Money Advice", "northside.example"),
    DemoCentre("Riverside Debt Help", "riverside.example"),
)

# (local part of the email, full name suffix, role); names are made up per centre.
STAFF: tuple[tuple[str, str, Role], ...] = (
    ("admin", "Centre Admin", Role.CENTRE_ADMIN),
    ("supervisor", "Supervisor", Role.SUPERVISOR),
    ("adviser1", "Adviser One", Role.ADVISER),
    ("adviser2", "Adviser Two", Role.ADVISER),
    ("caseworker", "Caseworker", Role.CASEWORKER),
    ("auditor", "Auditor", Role.AUDITOR),
)

CLIENTS: tuple[tuple[str, str, dt.date], ...] = (
    ("Amira", "Khan", dt.date(1985, 3, 14)),
    ("Ben", "Hughes", dt.date(1972, 11, 2)),
    ("Chloe", "Okafor", dt.date(1994, 6, 28)),
    ("Dylan", "Evans", dt.date(1968, 1, 9)),
    ("Erin", "MacLeod", dt.date(2000, 9, 17)),
    ("Farid", "Patel", dt.date(1979, 4, 30)),
)

# Made-up postal addresses (real postcode districts, invented streets), and the sensitive
# detail an adviser records for two clients: caseworkers and auditors see these withheld.
ADDRESSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("14 Larch Row", "Leeds"), "LS6 2AB"),
    (("3 Quarry Close", "Bradford"), "BD7 1QX"),
    (("Flat 2, 88 Canal Street", "Manchester"), "M1 3HE"),
    (("27 Heol y Coed", "Cardiff"), "CF14 3LD"),
    (("9 Harbour View", "Oban"), "PA34 4LR"),
    (("51 Mill Lane", "Wakefield"), "WF1 2DS"),
)
SENSITIVE_DETAIL: dict[int, dict[str, object]] = {
    1: {
        "vulnerabilities": ["mental_health"],
        "vulnerability_notes": "Anxiety about post: prefers phone calls, explain letters slowly.",
        "health_notes": "Depression, under GP care; consented to recording it.",
        "health_data_consent_at": dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC),
    },
    3: {
        "vulnerabilities": ["domestic_abuse"],
        "vulnerability_notes": "Left an abusive partner; never contact via the old address.",
        "address_suppressed": True,
        "address_suppression_reason": "Domestic abuse: in a refuge.",
    },
}

# (client index, adviser local part, note, close reason or None): 8 cases, 3 closed.
CASES: tuple[tuple[int, str, str, CloseReason | None], ...] = (
    (0, "adviser1", "Council tax arrears and a catalogue debt; wants a budget first.", None),
    (1, "adviser1", "Bailiff letter received for parking fines; urgent.", None),
    (2, "adviser2", "Two credit cards and an overdraft; discussed a debt management plan.", None),
    (3, "adviser2", "Energy arrears after a prepayment meter fault.", None),
    (4, "caseworker", "Payday loans; signposted to the adviser for options.", None),
    (
        5,
        "adviser1",
        "Advice complete: token payments agreed with creditors.",
        CloseReason.ADVICE_COMPLETE,
    ),
    (
        0,
        "adviser2",
        "Earlier rent arrears case; client stopped replying.",
        CloseReason.CLIENT_DISENGAGED,
    ),
    (3, "supervisor", "Referred to a housing specialist.", CloseReason.REFERRED_ELSEWHERE),
)


@frozen
class DemoLogin:
    centre: str
    email: str
    role: Role


def steps_per_centre() -> int:
    return 1 + len(STAFF) + len(CLIENTS) + len(CASES) + demo_casework.steps() + 1


def logins() -> list[DemoLogin]:
    return [
        DemoLogin(c.name, f"{local}@{c.domain}", role) for c in CENTRES for local, _, role in STAFF
    ]


async def existing_demo_centres(container: Container) -> list[Centre]:
    names = {c.name for c in CENTRES}
    return [c for c in await container.identity_store().list_centres() if c.name in names]


async def seed(container: Container, advance: Callable[[str], None]) -> Sequence[Centre]:
    """Create the demo centres unless one already exists. Returns the centres created.

    ``advance`` is called once per step (for a progress bar).
    """
    if await existing_demo_centres(container):
        return []
    created = []
    for demo in CENTRES:
        async with _events_held(container):
            created.append(await _seed_centre(container, demo, advance))
    return created


def _events_held(container: Container) -> AbstractAsyncContextManager[None]:
    """On the embedded default, a centre's events are handled after its seeding, in
    batches: a case's findings, list row and timeline are worked out once per batch instead
    of after each of its ~20 events (the seeding reads nothing the handlers write)."""
    held: Callable[[], AbstractAsyncContextManager[None]] | None = getattr(
        container.publisher(), "held", None
    )  # the in-process publisher's (a broker's events are the worker's to batch)
    return held() if held is not None else contextlib.nullcontext()


async def _seed_centre(
    container: Container, demo: DemoCentre, advance: Callable[[str], None]
) -> Centre:
    # The demo's staff started a year ago: CR-21 then judges their file reviews of the last
    # complete quarter (a brand-new adviser's would be "not applicable" until a full one).
    a_year_ago = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=365)
    identity = attrs.evolve(container.identity(), clock=demo_casework.StoppedClock(a_year_ago))
    centre = await identity.create_centre(demo.name)
    advance(f"{demo.name}: centre")
    staff: dict[str, TenantContext] = {}
    for local, title, role in STAFF:
        user = await identity.create_user(
            centre_id=centre.id,
            email=f"{local}@{demo.domain}",
            role=role,
            password=DEMO_PASSWORD,
            full_name=f"{demo.name.split()[0]} {title}",
        )
        staff[local] = TenantContext(centre_id=centre.id, user_id=user.id, roles=frozenset({role}))
        advance(f"{demo.name}: {local}")

    clients_service = container.clients()
    registrar = staff["adviser1"]
    client_ids = []
    for index, (first, last, born) in enumerate(CLIENTS):
        lines, postcode = ADDRESSES[index % len(ADDRESSES)]
        client = await clients_service.register(
            registrar,
            RegisterClient(
                first_name=first,
                last_name=last,
                date_of_birth=born,
                email=f"{first.lower()}.{last.lower()}@client.example",
                details={
                    "address": PostalAddress.of(lines, postcode),
                    **SENSITIVE_DETAIL.get(index, {}),
                },
            ),
        )
        client_ids.append(client.id)
        advance(f"{demo.name}: client {first} {last}")

    cases = container.cases()
    supervisor = staff["supervisor"]
    case_ids = []
    for client_index, adviser, note, close_reason in CASES:
        adviser_ctx = staff[adviser]
        # The supervisor opens and assigns; the adviser writes the note, as in a real centre.
        case = await cases.open(
            supervisor,
            OpenCase(client_id=client_ids[client_index], adviser_id=adviser_ctx.user_id),
        )
        await cases.add_note(adviser_ctx, case.id, note)
        case_ids.append(case.id)
        if close_reason is not None:
            await cases.close(supervisor, case.id, close_reason)
        advance(f"{demo.name}: case {case.reference}")
    await demo_casework.seed_casework(container, staff, case_ids, advance, demo.name)
    filed = await demo_documents.file_letters(
        container,
        staff["adviser1"],
        case_ids,
        [
            (f"{first} {last}", (*lines, postcode))
            for (first, last, _), (lines, postcode) in zip(CLIENTS, ADDRESSES, strict=True)
        ],
        [client_index for client_index, *_ in CASES],
    )
    advance(f"{demo.name}: {filed} letters the clients brought in")
    return centre
