"""The ``app`` fixture: services on in-memory adapters, a fixed clock, no mocks."""

from __future__ import annotations

import pytest

from .support import App, build_app


@pytest.fixture
def app() -> App:
    return build_app()
