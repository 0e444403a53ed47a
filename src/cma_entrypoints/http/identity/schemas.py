"""Request and response shapes of the identity routes: sign-in, tokens, the second
factor and permission grants."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from msgspec import Meta, Struct

from cma_core.identity.directory import StaffMember
from cma_core.identity.permissions import Role
from cma_entrypoints.http.common.schemas import (
    LINE,
    Code,
    Email,
    Input,
    Moment,
    Name,
    PageOf,
    Reason,
)


class RefreshIn(Input):
    #: Omitted by a browser that holds it in the ``cma_refresh`` cookie (send
    #: ``X-CMA-Refresh-Cookie: 1``).
    refresh_token: Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)] | None = None


class SwitchCentreIn(Input):
    centre_id: uuid.UUID


class OtpIn(Input):
    otp: Annotated[str, Meta(min_length=6, max_length=8, pattern=r"^\d+$(?!\n)")]


class TotpEnrolmentOut(Struct):
    secret: str
    otpauth_uri: str


#: A recovery code as typed: ``xxxxx-xxxxx``; case, spaces and hyphens do not matter.
RecoveryCode = Annotated[str, Meta(min_length=1, max_length=32, pattern=LINE)]


class RecoveryCodesOut(Struct):
    """New recovery codes: shown this once (only digests are kept). Each works once, in
    place of a TOTP code (``recovery_code`` at sign-in, step-up or password change)."""

    recovery_codes: list[str]
    remaining: int


class RecoveryCodesLeftOut(Struct):
    #: How many of your recovery codes are still unused (0 without 2-step verification).
    remaining: int
    #: Whether you have 2-step verification on.
    second_factor: bool


class GrantIn(Input):
    permission: Code
    #: Why this person needs it (kept with the grant; audited by name only).
    reason: Reason
    #: When the grant lapses; ``null``: until revoked.
    expires_at: Moment | None = None


class GrantOut(Struct):
    user_id: uuid.UUID
    permission: str
    reason: str
    granted_by: uuid.UUID | None
    granted_at: dt.datetime
    expires_at: dt.datetime | None
    #: False once ``expires_at`` has passed (an expired grant allows nothing).
    active: bool


class GrantPage(PageOf[GrantOut]):
    items: list[GrantOut]


class LoginIn(Input):
    email: Email
    password: Annotated[str, Meta(max_length=1024, pattern=LINE)]
    centre_id: (
        Annotated[
            uuid.UUID,
            Meta(
                description="The centre to sign in to. Without it: the centre last signed in "
                "to by name or switched to, while the person still works there; else their "
                "first."
            ),
        ]
        | None
    ) = None
    #: The current code from the user's authenticator app, when they enabled TOTP.
    otp: Annotated[str, Meta(max_length=8, pattern=LINE)] | None = None
    #: Instead of ``otp``: one of the user's unused recovery codes (spent by this sign-in).
    recovery_code: RecoveryCode | None = None


class TokenOut(Struct):
    access_token: str
    token_type: str
    expires_in: int
    centre_id: uuid.UUID
    roles: list[str]
    #: Single-use: trade it at POST /api/v1/auth/refresh for a new pair.
    refresh_token: str | None = None
    refresh_expires_in: int | None = None
    #: The centre requires a second factor of your role and you have none: this token
    #: only sets one up (TOTP enrol and confirm, step-up, who-am-I, sign-out); refresh
    #: after confirming for a normal one.
    second_factor_setup_required: bool = False


class MeOut(Struct):
    user_id: uuid.UUID | None
    centre_id: uuid.UUID
    roles: list[str]
    permissions: list[str]
    #: As in ``TokenOut``: this token may only set up the second factor (no permissions).
    second_factor_setup_required: bool = False
    #: Your own name and sign-in email (``null`` for a system token).
    display_name: str | None = None
    email: str | None = None
    #: The name of the centre this token acts for.
    centre_name: str | None = None


class CentreChoiceOut(Struct):
    """A centre you work for: what ``POST /api/v1/auth/switch-centre`` can be asked for."""

    centre_id: uuid.UUID
    name: str
    #: Your roles in that centre.
    roles: list[Role]
    #: True for the centre this token acts for.
    current: bool
    #: False when that centre's admin has switched your membership off: no token there.
    active: bool


class CentreChoicePage(PageOf[CentreChoiceOut]):
    items: list[CentreChoiceOut]


class StaffOut(Struct):
    """A member of staff of the signed-in centre: roles in this centre only."""

    id: uuid.UUID
    display_name: str
    roles: list[Role]
    active: bool
    #: The ``ETag`` value (unquoted) to send as ``If-Match`` when editing this member.
    version: int = 0

    @classmethod
    def of(cls, s: StaffMember) -> StaffOut:
        return cls(
            id=s.id,
            display_name=s.display_name,
            roles=list(s.roles),
            active=s.active,
            version=s.version,
        )


#: A role given within a centre (``platform_admin`` is refused, field ``roles``).
Roles = Annotated[list[Role], Meta(min_length=1, max_length=len(Role))]


class MemberIn(Input):
    """A new member of staff of the signed-in centre."""

    email: Email
    display_name: Name
    roles: Roles
    #: Their first password (the policy of ``cma user create``: 12+ characters, not a
    #: common or guessable one). Ignored for someone who already has an account.
    password: Annotated[str, Meta(min_length=1, max_length=1024, pattern=LINE)]


class RolesIn(Input):
    roles: Roles


class StaffPage(PageOf[StaffOut]):
    items: list[StaffOut]


#: A new password: 12 to 128 characters, any Unicode but control characters; the policy
#: (common and breached passwords) is checked by the service (422 naming the field).
NewPassword = Annotated[str, Meta(min_length=1, max_length=128, pattern=LINE)]
#: A password being proven (sign-in's bound: older passwords may be longer than 128).
GivenPassword = Annotated[str, Meta(min_length=1, max_length=1024, pattern=LINE)]
Otp = Annotated[str, Meta(max_length=8, pattern=LINE)]


class PasswordChangeIn(Input):
    current_password: GivenPassword
    new_password: NewPassword
    #: The current code, when the user enabled TOTP.
    otp: Otp | None = None
    #: Instead of ``otp``: an unused recovery code (spent).
    recovery_code: RecoveryCode | None = None


class ReauthenticateIn(Input):
    password: GivenPassword
    #: The current code, when the user enabled TOTP.
    otp: Otp | None = None
    #: Instead of ``otp``: an unused recovery code (spent).
    recovery_code: RecoveryCode | None = None


class ResetRequestIn(Input):
    email: Email


class ResetConfirmIn(Input):
    #: The code from the reset email.
    token: Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)]
    new_password: NewPassword


class ResetRequestedOut(Struct):
    #: Always the same, whether or not the address has an account.
    detail: str


class SessionOut(Struct):
    """One of your signed-in sessions (a sign-in on one device, kept alive by refreshes)."""

    id: uuid.UUID
    centre_id: uuid.UUID
    created_at: dt.datetime
    #: The last sign-in or token refresh of the session (every few minutes while in use).
    last_used_at: dt.datetime
    #: The client address it was last refreshed from.
    address: str | None
    #: A summary of the browser or program ("Firefox on Linux"); never the whole header.
    user_agent: str | None
    #: True for the session of the token making this request.
    current: bool


class SessionPage(PageOf[SessionOut]):
    items: list[SessionOut]
