"""A centre's second-factor rule: the roles whose members must use TOTP there (ASVS 2.2.2).

A centre admin chooses the roles (``SecondFactorPolicy``). A member holding any of them
in that centre who has not enabled TOTP is let in only to set it up: every path into the
centre (sign-in, refresh, centre switch) gives them a *setup-only* context
(``TenantContext.setup_only``), whose access token is refused everywhere but TOTP
enrolment, step-up, who-am-I and sign-out (403 ``second-factor-setup-required``). Once
they confirm a code, the next refresh gives a normal token. A member who has TOTP enabled
gives the code at sign-in as before, whatever the rule.

Nobody is locked out by it: a setup-only token can always enrol, the last centre admin
included; and a deployment with no one-time passwords cannot turn the rule on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from attrs import frozen

from cma_core.identity.permissions import Role
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId, UserId

#: The roles a centre may ask a second factor of: its own (running the platform is not).
CENTRE_ROLE_CHOICES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.PLATFORM_ADMIN)


@frozen(kw_only=True)
class SecondFactorPolicy:
    """The roles that must use a second factor in one centre. Version 0: never saved
    (nobody is required to); each save raises it (``ETag``/``If-Match``)."""

    centre_id: CentreId
    roles: frozenset[Role] = frozenset()
    updated_at: dt.datetime | None = None
    updated_by: UserId | None = None
    version: int = 0

    def requires(self, roles: Iterable[Role]) -> bool:
        """True if anyone holding ``roles`` in this centre must use a second factor."""
        return not self.roles.isdisjoint(roles)

    @property
    def ordered_roles(self) -> list[Role]:
        """The roles in the order the matrix lists them (stable output)."""
        return [r for r in CENTRE_ROLE_CHOICES if r in self.roles]


def policy_roles(values: Iterable[str | Role]) -> frozenset[Role]:
    """The roles a centre may require a second factor of, each once; ``ValidationError``
    on ``roles`` naming the choices for anything else (``platform_admin`` included)."""
    allowed = tuple(r.value for r in CENTRE_ROLE_CHOICES)
    chosen: set[Role] = set()
    for value in values:
        try:
            role = Role(value)
        except ValueError:
            role = None
        if role is None or role not in CENTRE_ROLE_CHOICES:
            raise ValidationError(
                "roles",
                f"{value!s} is not a role of a centre",
                allowed=allowed,
            )
        chosen.add(role)
    return frozenset(chosen)


def must_set_up(
    policy: SecondFactorPolicy | None, roles: Iterable[Role], *, totp_enabled: bool
) -> bool:
    """True if someone with ``roles`` in the policy's centre and without TOTP enabled may
    only set it up there."""
    return policy is not None and not totp_enabled and policy.requires(roles)
