"""The SFS export carries the client's address when it may be disclosed, and never while
it is suppressed ("do not disclose"), not even one typed on the budget."""

from __future__ import annotations

import json

from tests.unit.casework.support import build_world, full_budget
from tests.unit.core.support import register_cmd

from cma_core.budgets.ports import SfsFormat, SfsStatementDetails
from cma_core.cases.service import OpenCase
from cma_core.clients.model import PostalAddress
from cma_core.identity.permissions import Role

HOME = PostalAddress.of(["1 High Street", "Leeds"], "LS1 4AP")


async def _export(suppressed: bool) -> dict[str, object]:
    world = build_world()
    centre = await world.app.centre("Leeds")
    # Registering a suppressed address needs sensitive:write (a supervisor's).
    ctx = await world.app.staff(centre, Role.SUPERVISOR)
    details: dict[str, object] = {"address": HOME}
    if suppressed:
        details |= {"address_suppressed": True, "address_suppression_reason": "fled abuse"}
    client = await world.app.clients.register(ctx, register_cmd(details=details))
    case = await world.app.cases.open(ctx, OpenCase(client_id=client.id))
    typed = SfsStatementDetails(
        client_address="2 Typed Road, Leeds LS2 2BB", client_employment_status=("Full-time",)
    )
    await world.budgets.put(ctx, case.id, full_budget(), details=typed, expected_version=None)
    data = await world.budgets.export_sfs(ctx, case.id, SfsFormat.JSON)
    return dict(json.loads(data))


def _address(doc: dict[str, object]) -> str:
    text = json.dumps(doc)
    marker = '"client-address": "'
    start = text.index(marker) + len(marker)
    return text[start : text.index('"', start)]


async def test_a_disclosable_address_is_exported() -> None:
    doc = await _export(suppressed=False)
    assert _address(doc) == "1 High Street, Leeds, LS1 4AP"


async def test_a_suppressed_address_never_leaves_on_the_sfs() -> None:
    doc = await _export(suppressed=True)
    assert _address(doc) == ""
    text = json.dumps(doc)
    assert "High Street" not in text
    assert "Typed Road" not in text
