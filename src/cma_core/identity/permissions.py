"""Roles and the permission matrix.

The matrix is data: one row per role, the set of permissions it grants. Services ask
``ctx.require(Permission.X)``; nothing else decides who may do what.
"""

from __future__ import annotations

import enum
import functools


class Role(enum.StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    CENTRE_ADMIN = "centre_admin"
    SUPERVISOR = "supervisor"
    ADVISER = "adviser"
    CASEWORKER = "caseworker"
    AUDITOR = "auditor"


class Permission(enum.StrEnum):
    CENTRE_MANAGE = "centre:manage"
    USER_MANAGE = "user:manage"
    CLIENT_READ = "client:read"
    CLIENT_WRITE = "client:write"
    CASE_READ = "case:read"
    CASE_READ_ALL = "case:read_all"
    CASE_WRITE = "case:write"
    CASE_ASSIGN = "case:assign"
    CASE_CLOSE = "case:close"
    NOTE_WRITE = "note:write"
    TASK_READ = "task:read"
    TASK_WRITE = "task:write"
    """Create tasks, edit, complete, cancel and reopen the tasks one may see."""
    TASK_ASSIGN = "task:assign"
    """Give a task to someone else (anyone with ``task:write`` may take one themselves)."""
    AUDIT_READ = "audit:read"
    FINANCE_READ = "finance:read"
    FINANCE_WRITE = "finance:write"
    SENSITIVE_READ = "sensitive:read"
    """See a client's health notes, vulnerabilities, NI number and a suppressed address."""
    SENSITIVE_WRITE = "sensitive:write"
    """Record or change them (and suppress an address): reading alone does not allow it."""
    CLIENT_EXPORT = "client:export"
    """A copy of everything held about a client (a subject access request)."""
    CLIENT_ERASE = "client:erase"
    """Erase a client and all their cases (right to erasure): data-controller work."""
    CASE_DELETE = "case:delete"
    CENTRE_SETTINGS = "centre:settings"
    """Edit the centre's own profile (letterhead, jurisdiction): the centre admin's."""


P = Permission

PERMISSION_MATRIX: dict[Role, frozenset[Permission]] = {
    # Platform admins run the deployment: centres and their admins, never client data.
    Role.PLATFORM_ADMIN: frozenset({P.CENTRE_MANAGE, P.USER_MANAGE}),
    Role.CENTRE_ADMIN: frozenset(
        {
            P.USER_MANAGE,
            P.CLIENT_READ,
            P.CLIENT_WRITE,
            P.CASE_READ,
            P.CASE_READ_ALL,
            P.CASE_WRITE,
            P.CASE_ASSIGN,
            P.CASE_CLOSE,
            P.NOTE_WRITE,
            P.TASK_READ,
            P.TASK_WRITE,
            P.TASK_ASSIGN,
            P.AUDIT_READ,
            P.FINANCE_READ,
            P.SENSITIVE_READ,
            P.SENSITIVE_WRITE,
            P.CLIENT_EXPORT,
            P.CLIENT_ERASE,
            P.CASE_DELETE,
            P.CENTRE_SETTINGS,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            P.CLIENT_READ,
            P.CLIENT_WRITE,
            P.CASE_READ,
            P.CASE_READ_ALL,
            P.CASE_WRITE,
            P.CASE_ASSIGN,
            P.CASE_CLOSE,
            P.NOTE_WRITE,
            P.TASK_READ,
            P.TASK_WRITE,
            P.TASK_ASSIGN,
            P.AUDIT_READ,
            P.FINANCE_READ,
            P.FINANCE_WRITE,
            P.SENSITIVE_READ,
            P.SENSITIVE_WRITE,
            P.CLIENT_EXPORT,
            P.CLIENT_ERASE,
            P.CASE_DELETE,
        }
    ),
    Role.ADVISER: frozenset(
        {
            P.CLIENT_READ,
            P.CLIENT_WRITE,
            P.CASE_READ,
            P.CASE_READ_ALL,
            P.CASE_WRITE,
            P.CASE_CLOSE,
            P.NOTE_WRITE,
            P.TASK_READ,
            P.TASK_WRITE,
            P.FINANCE_READ,
            P.FINANCE_WRITE,
            P.SENSITIVE_READ,
            P.SENSITIVE_WRITE,
            P.CLIENT_EXPORT,
        }
    ),
    # Volunteers/caseworkers: their own cases, no financial or sensitive detail.
    Role.CASEWORKER: frozenset(
        {
            P.CLIENT_READ,
            P.CLIENT_WRITE,
            P.CASE_READ,
            P.CASE_WRITE,
            P.NOTE_WRITE,
            P.TASK_READ,
            P.TASK_WRITE,
        }
    ),
    Role.AUDITOR: frozenset(
        {P.CLIENT_READ, P.CASE_READ, P.CASE_READ_ALL, P.TASK_READ, P.AUDIT_READ, P.FINANCE_READ}
    ),
}


#: What a centre admin may grant to one user beyond their roles (``user:manage``). Managing
#: centres or users is never granted that way: an extra role would be, and is audited as
#: such, so a grant cannot make an administrator.
NOT_GRANTABLE: frozenset[Permission] = frozenset({P.CENTRE_MANAGE, P.USER_MANAGE})
GRANTABLE: frozenset[Permission] = frozenset(set(Permission) - NOT_GRANTABLE)


def permissions_for(roles: frozenset[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= PERMISSION_MATRIX[role]
    return frozenset(granted)


@functools.lru_cache(maxsize=1024)
def effective_permissions(
    roles: frozenset[Role], granted: frozenset[Permission]
) -> frozenset[Permission]:
    """``permissions_for(roles)`` plus ``granted``, remembered: a request asks it four or
    five times (guard, service, visibility), always for one of a few combinations, and the
    matrix is constant. Bounded: roles and grants come from verified tokens only."""
    return permissions_for(roles) | granted
