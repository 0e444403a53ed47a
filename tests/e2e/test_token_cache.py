"""Verified access tokens are remembered only until they expire."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest
from litestar.exceptions import NotAuthorizedException

from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId, UserId
from cma_entrypoints.http import auth
from cma_entrypoints.settings import Settings


def codec() -> auth.TokenCodec:
    settings = Settings.from_env(
        {"CMA_DATABASE_URL": "sqlite:///:memory:", "CMA_SECRET_KEY": "k" * 40}
    )
    return auth.TokenCodec(settings)


CTX = TenantContext(
    centre_id=CentreId(uuid.uuid4()), user_id=UserId(uuid.uuid4()), roles=frozenset({Role.ADVISER})
)


def test_a_cached_token_is_refused_once_expired(monkeypatch: pytest.MonkeyPatch) -> None:
    c = codec()
    token = c.issue(CTX, dt.datetime.now(dt.UTC))
    assert c.verify(token) == CTX
    assert c.verify(token) == CTX  # from the cache
    later = time.time() + c.ttl + 5
    monkeypatch.setattr(auth.time, "time", lambda: later)
    monkeypatch.setattr("jwt.api_jwt.datetime", _FrozenDatetime(later))
    with pytest.raises(NotAuthorizedException):
        c.verify(token)


def test_a_different_token_is_verified_not_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    c = codec()
    token = c.issue(CTX, dt.datetime.now(dt.UTC))
    c.verify(token)
    with pytest.raises(NotAuthorizedException):
        c.verify(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))


class _FrozenDatetime:
    """Stands in for PyJWT's ``datetime`` module attribute so its expiry check sees ``at``."""

    def __init__(self, at: float) -> None:
        self._at = at

    def now(self, tz: dt.tzinfo | None = None) -> dt.datetime:
        return dt.datetime.fromtimestamp(self._at, tz=tz or dt.UTC)

    def __getattr__(self, name: str) -> object:
        return getattr(dt.datetime, name)
