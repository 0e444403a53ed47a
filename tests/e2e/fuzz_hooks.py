"""Schemathesis hooks for the fuzz gate (``SCHEMATHESIS_HOOKS=tests.e2e.fuzz_hooks``).

The run signs in the way a client does, and signs in again when its session has ended.
Schemathesis reuses ids it has seen in answers, so it finds the run's own session in
``GET /api/v1/auth/sessions`` and ends it with ``DELETE /api/v1/auth/sessions/{id}``; with a
fixed ``Authorization`` header every later request was 401 and most operations were never
reached (130 of 181 answered only 401/403 in one run). Schemathesis refetches on a 401
(``retry_on``), so a 401 costs one sign-in and the next request is made as a signed-in user.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import schemathesis


@schemathesis.auth()
class SignIn:
    """Signs in as ``CMA_FUZZ_EMAIL`` at ``CMA_FUZZ_BASE``; the token is sent as a bearer."""

    def get(self, case: Any, context: Any) -> str:
        answer = httpx.post(
            f"{os.environ['CMA_FUZZ_BASE']}/api/v1/auth/login",
            json={
                "email": os.environ["CMA_FUZZ_EMAIL"],
                "password": os.environ["CMA_FUZZ_PASSWORD"],
            },
            timeout=30,
        )
        answer.raise_for_status()
        token: str = answer.json()["access_token"]
        return token

    def set(self, case: Any, data: str, context: Any) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
