"""OpenAPI examples of the identity routes, built with the response shapes themselves."""

from __future__ import annotations

import datetime as dt

from cma_core.identity.permissions import Role
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.identity.schemas import (
    CentreChoiceOut,
    GrantOut,
    MeOut,
    RecoveryCodesLeftOut,
    RecoveryCodesOut,
    ResetRequestedOut,
    SessionOut,
    StaffOut,
    TokenOut,
    TotpEnrolmentOut,
)

TOKEN_EXAMPLE = TokenOut(
    access_token="eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI5ZThkN2M2YiJ9.c2lnbmF0dXJl",  # noqa: S106
    token_type="bearer",  # noqa: S106 - the OAuth 2 token type
    expires_in=900,
    centre_id=ex.CENTRE_ID,
    roles=["adviser"],
    refresh_token="q1XcB7m2kP9sVt4yZ0aR6wLd3nH8fJ5g",  # noqa: S106 - made up
    refresh_expires_in=1_209_600,
)

ME_EXAMPLE = MeOut(
    user_id=ex.ADVISER_ID,
    centre_id=ex.CENTRE_ID,
    roles=["adviser"],
    permissions=["case:read", "case:write", "client:read", "client:write", "finance:read"],
    display_name="Ada Adviser",
    email="adviser@northside.example",
    centre_name="Northside Money Advice",
)


TOTP_EXAMPLE = TotpEnrolmentOut(
    secret="JBSWY3DPEHPK3PXP",  # noqa: S106 - a made-up example
    otpauth_uri="otpauth://totp/CMA:adviser%40centre.example?secret=JBSWY3DPEHPK3PXP&issuer=CMA",
)

RECOVERY_CODES_EXAMPLE = RecoveryCodesOut(
    recovery_codes=[
        "7k2mq-x9vha",
        "c4r8d-1tzwe",
        "m0gh3-5pnbs",
        "q9vx2-e7kfa",
        "2wdj6-rh0mt",
        "zb5nc-83qgy",
        "f1t7s-kmx4d",
        "h6ewa-z2r9p",
        "s3ypq-0vbc8",
        "x8nkf-j4dt1",
    ],
    remaining=10,
)

RECOVERY_LEFT_EXAMPLE = RecoveryCodesLeftOut(remaining=7, second_factor=True)

GRANT_EXAMPLE = GrantOut(
    user_id=ex.ADVISER_ID,
    permission="sensitive:read",
    reason="Vulnerable client: health notes needed for the DRO application",
    granted_by=ex.MANAGER_ID,
    granted_at=ex.AT,
    expires_at=ex.AT + dt.timedelta(days=30),
    active=True,
)

STAFF_EXAMPLE = StaffOut(
    id=ex.ADVISER_ID,
    display_name="Ada Adviser",
    roles=[Role.ADVISER],
    active=True,
    version=183746291057,
)

SESSION_EXAMPLE = SessionOut(
    id=ex.ADVISER_ID,
    centre_id=ex.CENTRE_ID,
    created_at=ex.AT,
    last_used_at=ex.AT + dt.timedelta(minutes=42),
    address="203.0.113.7",
    user_agent="Firefox on Linux",
    current=True,
)

CENTRE_CHOICE_EXAMPLE = CentreChoiceOut(
    centre_id=ex.CENTRE_ID,
    name="Northside Money Advice",
    roles=[Role.ADVISER, Role.SUPERVISOR],
    current=True,
    active=True,
)

RESET_REQUESTED_EXAMPLE = ResetRequestedOut(
    detail="If that address has an account, we have sent it a link to set a new password. "
    "It works once, for a short time."
)
