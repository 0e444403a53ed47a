"""Errors the core raises. Entrypoints translate them (HTTP problem+json, CLI exit codes)."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error the core raises on purpose."""

    code = "domain-error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Input breaks a rule; ``field`` names the input at fault (dotted path)."""

    code = "validation-error"

    def __init__(self, field: str, message: str, *, allowed: tuple[str, ...] | None = None) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.detail = message
        #: For a value outside a closed set: the values the field takes.
        self.allowed = allowed


class NotFound(DomainError):
    """The record does not exist *in the caller's centre*.

    A record of another centre is reported exactly like one that does not exist.
    """

    code = "not-found"

    def __init__(self, entity: str, entity_id: object) -> None:
        super().__init__(f"{entity} {entity_id} not found")
        self.entity = entity
        self.entity_id = entity_id


class Conflict(DomainError):
    """The change cannot be applied to the record's current state."""

    code = "conflict"


class StaleVersion(Conflict):
    """Optimistic concurrency: the caller edited an older version than the stored one."""

    code = "stale-version"

    def __init__(self, entity: str, expected: int, actual: int) -> None:
        super().__init__(
            f"{entity} was changed by someone else (you had version {expected}, "
            f"it is now {actual}); reload and try again"
        )
        self.expected = expected
        self.actual = actual


class InvalidTransition(Conflict):
    """A state machine was asked for a move it does not allow (e.g. close a closed case)."""

    code = "invalid-transition"


class CaseIsClosed(InvalidTransition):
    """A change to what a closed case records (its debts, budget, options, advice,
    checklist, case clock, appointments, notes, adviser): the record stays as it was when
    the case was closed until someone reopens it."""

    code = "case-closed"


class AuthenticationFailed(DomainError):
    """Credentials are wrong. Deliberately says nothing about which part."""

    code = "authentication-failed"

    def __init__(self) -> None:
        super().__init__("email or password is incorrect")


class PermissionDenied(DomainError):
    """The acting user's roles do not grant the permission needed."""

    code = "permission-denied"


class CrossTenantAccess(DomainError):
    """A repository was asked to write a record belonging to another centre.

    This is a programming error, never user input: it means a wall held.
    """

    code = "cross-tenant"
