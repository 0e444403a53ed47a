"""The permission matrix and the tenant context built from it."""

from __future__ import annotations

import uuid

import pytest

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import PERMISSION_MATRIX, Permission, Role, permissions_for
from cma_core.shared.errors import PermissionDenied
from cma_core.shared.ids import CentreId, UserId

P = Permission
CENTRE = CentreId(uuid.UUID(int=1))
CLIENT_DATA = {
    P.CLIENT_READ,
    P.CLIENT_WRITE,
    P.CASE_READ,
    P.CASE_READ_ALL,
    P.CASE_WRITE,
    P.NOTE_WRITE,
    P.TASK_READ,
    P.FINANCE_READ,
    P.FINANCE_WRITE,
    P.SENSITIVE_READ,
    P.AUDIT_READ,
}


def ctx(*roles: Role) -> TenantContext:
    return TenantContext(centre_id=CENTRE, user_id=UserId(uuid.uuid4()), roles=frozenset(roles))


def test_every_role_has_a_row() -> None:
    assert set(PERMISSION_MATRIX) == set(Role)


def test_platform_admin_manages_centres_but_sees_no_client_data() -> None:
    admin = ctx(Role.PLATFORM_ADMIN)
    assert admin.permissions == {P.CENTRE_MANAGE, P.USER_MANAGE}
    assert not admin.permissions & CLIENT_DATA


def test_centre_admin_runs_the_centre_but_not_finances_or_platform() -> None:
    admin = ctx(Role.CENTRE_ADMIN)
    for p in (P.USER_MANAGE, P.CASE_READ_ALL, P.CASE_ASSIGN, P.CASE_CLOSE, P.AUDIT_READ):
        assert admin.can(p)
    assert not admin.can(P.CENTRE_MANAGE)
    assert not admin.can(P.FINANCE_WRITE)


def test_supervisor_assigns_and_audits() -> None:
    supervisor = ctx(Role.SUPERVISOR)
    for p in (P.CASE_ASSIGN, P.CASE_CLOSE, P.AUDIT_READ, P.FINANCE_WRITE, P.SENSITIVE_READ):
        assert supervisor.can(p)
    assert not supervisor.can(P.USER_MANAGE)


def test_adviser_works_every_case_but_cannot_assign_or_audit() -> None:
    adviser = ctx(Role.ADVISER)
    for p in (P.CASE_READ_ALL, P.CASE_WRITE, P.CASE_CLOSE, P.NOTE_WRITE, P.FINANCE_WRITE):
        assert adviser.can(p)
    for p in (P.CASE_ASSIGN, P.AUDIT_READ, P.USER_MANAGE):
        assert not adviser.can(p)


def test_caseworker_sees_only_own_cases_and_no_finance_or_sensitive_detail() -> None:
    caseworker = ctx(Role.CASEWORKER)
    assert caseworker.can(P.CASE_READ)
    assert caseworker.can(P.NOTE_WRITE)
    for p in (P.CASE_READ_ALL, P.CASE_CLOSE, P.CASE_ASSIGN, P.FINANCE_READ, P.SENSITIVE_READ):
        assert not caseworker.can(p)


def test_auditor_reads_but_never_writes() -> None:
    auditor = ctx(Role.AUDITOR)
    for p in (P.CASE_READ_ALL, P.AUDIT_READ, P.FINANCE_READ, P.CLIENT_READ):
        assert auditor.can(p)
    writes = {P.CLIENT_WRITE, P.CASE_WRITE, P.NOTE_WRITE, P.CASE_CLOSE, P.FINANCE_WRITE}
    assert not auditor.permissions & writes


def test_roles_combine_as_a_union() -> None:
    both = frozenset({Role.CASEWORKER, Role.AUDITOR})
    assert (
        permissions_for(both)
        == PERMISSION_MATRIX[Role.CASEWORKER] | PERMISSION_MATRIX[Role.AUDITOR]
    )
    assert permissions_for(frozenset()) == frozenset()


def test_require_raises_permission_denied_naming_the_permission() -> None:
    ctx(Role.ADVISER).require(P.CASE_WRITE)
    with pytest.raises(PermissionDenied, match="case:assign"):
        ctx(Role.ADVISER).require(P.CASE_ASSIGN)
    with pytest.raises(PermissionDenied):
        ctx().require(P.CASE_READ)


def test_system_context_acts_for_the_centre_without_a_user() -> None:
    system = TenantContext.system(CENTRE)
    assert system.user_id is None
    assert system.centre_id == CENTRE
    assert system.can(P.CASE_READ_ALL)
    assert system.can(P.AUDIT_READ)
    assert not system.can(P.CENTRE_MANAGE)


def test_readme_table_is_the_matrix() -> None:
    """The README's permission table is read by people deciding who gets which role: it
    must say exactly what the matrix grants, row by row."""
    from pathlib import Path

    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    header = "| permission | " + " | ".join(r.value for r in Role) + " |"
    assert header in readme
    rows = readme.split(header, 1)[1].split("\n\n", 1)[0].strip().splitlines()[1:]
    table = {}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        table[cells[0].strip("`")] = {r for r, c in zip(Role, cells[1:], strict=True) if c}
    assert table == {p.value: {r for r in Role if p in PERMISSION_MATRIX[r]} for p in Permission}
