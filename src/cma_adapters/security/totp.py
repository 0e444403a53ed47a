"""TOTP second factor with pyotp (RFC 6238, 30-second steps, 6 digits)."""

from __future__ import annotations

import datetime as dt

import pyotp

from cma_core.identity.ports import OneTimePasswords


class PyOtpOneTimePasswords(OneTimePasswords):
    def new_secret(self) -> str:
        return pyotp.random_base32()

    def verify(self, secret: str, code: str, at: dt.datetime) -> bool:
        if not secret or not code.isdigit():
            return False
        return bool(pyotp.TOTP(secret).verify(code, for_time=at, valid_window=1))

    def provisioning_uri(self, secret: str, *, account: str, issuer: str) -> str:
        return str(pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer))
