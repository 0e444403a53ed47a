"""The layout families' shared fixture (``blind_families.renders_once``)."""

from tests.unit.documents.blind_families import renders_once

__all__ = ["renders_once"]
