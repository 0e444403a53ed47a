"""Clients' sensitive fields (health, vulnerability, address suppression), client edits,
and per-user permission grants: on in-memory adapters."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest

from cma_core.audit.service import AuditTrail
from cma_core.clients.model import SENSITIVE_FIELDS, Client, PostalAddress, Vulnerability
from cma_core.clients.service import UpdateClient
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import GRANTABLE, Permission, Role
from cma_core.shared.errors import NotFound, PermissionDenied, StaleVersion, ValidationError
from cma_core.shared.ids import CentreId, ClientId

from .support import NOW, PASSWORD, App, register_cmd

HOME = PostalAddress.of(["1 High Street", " Leeds "], "ls14ap")
CONSENT = NOW - dt.timedelta(days=1)


def test_postal_address_is_normalised_and_validated() -> None:
    assert PostalAddress(lines=("1 High Street", "Leeds"), postcode="LS1 4AP") == HOME
    with pytest.raises(ValidationError) as bad:
        PostalAddress.of(["1 High Street"], "not a postcode")
    assert bad.value.field == "address.postcode"
    with pytest.raises(ValidationError) as empty:
        PostalAddress.of([" "], "LS1 4AP")
    assert empty.value.field == "address.lines"


async def test_adviser_records_sensitive_detail_and_caseworker_cannot(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    caseworker = await app.staff(centre, Role.CASEWORKER)
    details = {
        "address": HOME,
        "vulnerabilities": ["domestic_abuse", "mental_health"],
        "health_notes": "anxiety; prefers email",
        "health_data_consent_at": CONSENT,
        "address_suppressed": True,
        "address_suppression_reason": "fled abuse: refuge",
    }
    client = await app.clients.register(adviser, register_cmd(details=details))
    assert client.vulnerabilities == {Vulnerability.DOMESTIC_ABUSE, Vulnerability.MENTAL_HEALTH}
    assert client.correspondence_address is None  # suppressed: never on a letter
    with pytest.raises(PermissionDenied, match="sensitive:write"):
        await app.clients.register(caseworker, register_cmd(details={"health_notes": "x"}))
    # A caseworker may record a plain (not suppressed) address at intake.
    plain = await app.clients.register(caseworker, register_cmd(details={"address": HOME}))
    assert plain.correspondence_address == HOME
    # The audit names the fields, never their values.
    created = (await app.audit(centre.id, entity_id=str(client.id)))[0]
    assert "health_notes" in created.fields
    assert "anxiety" not in repr(created)
    assert "refuge" not in repr(created)


def test_withheld_fields_depend_on_sensitive_read_and_suppression() -> None:
    c = Client.register(
        client_id=ClientId(uuid.uuid4()),
        centre_id=CentreId(uuid.uuid4()),
        first_name="A",
        last_name="B",
        date_of_birth=dt.date(1980, 1, 1),
        email=None,
        phone=None,
        now=NOW,
        by=None,
        address=HOME,
    )
    assert c.withheld_from(sensitive=True) == ()
    assert c.withheld_from(sensitive=False) == SENSITIVE_FIELDS  # the address is not hidden
    c.address_suppressed = True
    assert c.withheld_from(sensitive=False) == ("address", *SENSITIVE_FIELDS)


async def test_health_data_needs_consent_first(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    with pytest.raises(ValidationError) as bad:
        await app.clients.register(adviser, register_cmd(details={"health_notes": "diabetes"}))
    assert bad.value.field == "health_notes"
    with pytest.raises(ValidationError) as vuln:
        await app.clients.register(
            adviser, register_cmd(details={"vulnerabilities": ["serious_illness"]})
        )
    assert vuln.value.field == "vulnerabilities"
    # Not health data: no consent needed.
    ok = await app.clients.register(
        adviser, register_cmd(details={"vulnerabilities": ["bereavement"]})
    )
    assert ok.vulnerabilities == {Vulnerability.BEREAVEMENT}
    with pytest.raises(ValidationError) as unknown:
        await app.clients.register(adviser, register_cmd(details={"vulnerabilities": ["sad"]}))
    assert unknown.value.field == "vulnerabilities"
    with pytest.raises(ValidationError) as reason:
        await app.clients.register(adviser, register_cmd(details={"address_suppressed": True}))
    assert reason.value.field == "address_suppression_reason"


async def test_update_changes_named_fields_audits_names_and_checks_version(app: App) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    client = await app.clients.register(adviser, register_cmd())
    updated = await app.clients.update(
        adviser,
        client.id,
        UpdateClient(
            expected_version=1, changes={"phone": "0113 496 0000", "email": "jane@example.org"}
        ),
    )
    assert (updated.phone, updated.version) == ("0113 496 0000", 2)
    entry = (await app.audit(centre.id, action="client.updated"))[0]
    assert entry.fields == ("phone",)  # email did not change
    assert "0113 496" not in repr(entry)  # ids and hashes are hex, so "0113" alone can occur
    [event] = app.published("ClientUpdated")
    assert event.payload["fields"] == ["phone"]
    with pytest.raises(StaleVersion):
        await app.clients.update(
            adviser, client.id, UpdateClient(expected_version=1, changes={"phone": None})
        )
    with pytest.raises(ValidationError) as bad:
        await app.clients.update(
            adviser, client.id, UpdateClient(expected_version=2, changes={"last_name": " "})
        )
    assert bad.value.field == "last_name"
    with pytest.raises(ValidationError) as unknown:
        await app.clients.update(
            adviser, client.id, UpdateClient(expected_version=2, changes={"centre_id": "x"})
        )
    assert unknown.value.field == "centre_id"
    # Nothing changed: no new version, no audit entry.
    same = await app.clients.update(
        adviser, client.id, UpdateClient(expected_version=2, changes={"phone": "0113 496 0000"})
    )
    assert same.version == 2
    assert len(await app.audit(centre.id, action="client.updated")) == 1


async def test_caseworker_cannot_change_sensitive_fields_or_a_suppressed_address(
    app: App,
) -> None:
    centre = await app.centre()
    adviser = await app.staff(centre, Role.ADVISER)
    caseworker = await app.staff(centre, Role.CASEWORKER)
    client = await app.clients.register(adviser, register_cmd(details={"address": HOME}))
    moved = PostalAddress.of(["2 Low Road", "Leeds"], "LS2 7EW")
    for changes in (
        {"vulnerabilities": ["low_literacy"]},
        {"address_suppressed": True, "address_suppression_reason": "risk"},
    ):
        with pytest.raises(PermissionDenied):
            await app.clients.update(
                caseworker, client.id, UpdateClient(expected_version=1, changes=changes)
            )
    # A plain address is everyday data: a caseworker may correct it.
    client = await app.clients.update(
        caseworker, client.id, UpdateClient(expected_version=1, changes={"address": moved})
    )
    client = await app.clients.update(
        adviser,
        client.id,
        UpdateClient(
            expected_version=2,
            changes={"address_suppressed": True, "address_suppression_reason": "risk"},
        ),
    )
    with pytest.raises(PermissionDenied):
        await app.clients.update(
            caseworker, client.id, UpdateClient(expected_version=3, changes={"address": HOME})
        )


async def test_another_centres_client_cannot_be_updated(app: App) -> None:
    a, b = await app.centre("A"), await app.centre("B")
    adviser_a = await app.staff(a, Role.ADVISER)
    adviser_b = await app.staff(b, Role.ADVISER)
    theirs = await app.clients.register(adviser_b, register_cmd())
    with pytest.raises(NotFound):
        await app.clients.update(
            adviser_a, theirs.id, UpdateClient(expected_version=1, changes={"phone": None})
        )


# --- grants ------------------------------------------------------------------------------


def audited(app: App) -> App:
    return attrs.evolve(
        app, identity=attrs.evolve(app.identity, audit=AuditTrail(app.uow, app.clock))
    )


async def test_a_grant_adds_one_permission_in_one_centre_until_it_expires(app: App) -> None:
    app = audited(app)
    centre, other = await app.centre("A"), await app.centre("B")
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    worker = await app.staff(centre, Role.CASEWORKER, email="vol@example.org")
    assert worker.user_id is not None
    await app.identity.create_user(
        centre_id=other.id, email="vol@example.org", role=Role.CASEWORKER, password=PASSWORD
    )
    until = NOW + dt.timedelta(days=7)
    grant = await app.identity.grant(
        admin,
        worker.user_id,
        Permission.SENSITIVE_READ,
        reason="vulnerable clients rota",
        expires_at=until,
    )
    assert (grant.granted_by, grant.expires_at) == (admin.user_id, until)
    signed = await app.identity.authenticate("vol@example.org", PASSWORD, centre_id=centre.id)
    assert signed.context.can(Permission.SENSITIVE_READ)
    assert signed.context.granted_until == until
    assert not signed.context.can(Permission.SENSITIVE_WRITE)
    elsewhere = await app.identity.context_for(worker.user_id, other.id)
    assert not elsewhere.can(Permission.SENSITIVE_READ)  # only in the centre that granted it
    app.clock.advance(dt.timedelta(days=8))
    lapsed = await app.identity.context_for(worker.user_id, centre.id)
    assert not lapsed.can(Permission.SENSITIVE_READ)
    [entry] = await app.audit(centre.id, action="user.permission_granted")
    assert (entry.entity_id, entry.fields) == (str(worker.user_id), ("sensitive:read",))
    await app.identity.revoke(admin, worker.user_id, Permission.SENSITIVE_READ)
    assert await app.identity.list_grants(admin, worker.user_id) == []
    assert len(await app.audit(centre.id, action="user.permission_revoked")) == 1
    with pytest.raises(NotFound):
        await app.identity.revoke(admin, worker.user_id, Permission.SENSITIVE_READ)


async def test_grants_never_escalate(app: App) -> None:
    centre, other = await app.centre("A"), await app.centre("B")
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    worker = await app.staff(centre, Role.CASEWORKER)
    stranger = await app.staff(other, Role.CASEWORKER)
    assert worker.user_id
    assert stranger.user_id
    for permission in (Permission.USER_MANAGE, Permission.CENTRE_MANAGE):
        assert permission not in GRANTABLE
        with pytest.raises(PermissionDenied, match="cannot be granted"):
            await app.identity.grant(admin, worker.user_id, permission, reason="promotion")
    # Not a permission the granter holds (centre admins do not write finances).
    with pytest.raises(PermissionDenied, match="do not hold"):
        await app.identity.grant(admin, worker.user_id, Permission.FINANCE_WRITE, reason="x")
    # Only an admin grants, and only to their own centre's users.
    adviser = await app.staff(centre, Role.ADVISER)
    with pytest.raises(PermissionDenied):
        await app.identity.grant(adviser, worker.user_id, Permission.FINANCE_READ, reason="x")
    with pytest.raises(NotFound):
        await app.identity.grant(admin, stranger.user_id, Permission.FINANCE_READ, reason="x")
    with pytest.raises(ValidationError) as past:
        await app.identity.grant(
            admin, worker.user_id, Permission.FINANCE_READ, reason="x", expires_at=NOW
        )
    assert past.value.field == "expires_at"
    # A context can never carry an administrator's permission through grants.
    forged = TenantContext(
        centre_id=centre.id,
        user_id=worker.user_id,
        roles=frozenset({Role.CASEWORKER}),
        granted=frozenset({Permission.USER_MANAGE, Permission.FINANCE_READ}),
    )
    assert forged.permissions >= {Permission.FINANCE_READ}
    assert not forged.can(Permission.USER_MANAGE)


async def test_granted_sensitive_write_lets_a_caseworker_record_vulnerability(app: App) -> None:
    centre = await app.centre()
    admin = await app.staff(centre, Role.CENTRE_ADMIN)
    worker = await app.staff(centre, Role.CASEWORKER)
    assert worker.user_id is not None
    await app.identity.grant(admin, worker.user_id, Permission.SENSITIVE_WRITE, reason="trained")
    ctx = await app.identity.context_for(worker.user_id, centre.id)
    client = await app.clients.register(
        ctx, register_cmd(details={"vulnerabilities": ["low_literacy"]})
    )
    assert client.vulnerabilities == {Vulnerability.LOW_LITERACY}
