"""Ports of the reference area: a centre's reference data (thresholds, guidelines) and
its profile."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Protocol

from attrs import define, frozen

from cma_core.reference.centre import CentreProfile
from cma_core.reference.overrides import ThresholdOverride
from cma_core.shared.events import DomainEvent
from cma_core.shared.ids import CentreId


@frozen(kw_only=True)
class ReferenceLoaded(DomainEvent):
    """A centre loaded reference data (``fields``: ``guidelines``, ``thresholds``). It
    has no case: compliance re-evaluates every open case of the centre (CR-08 reads the
    guidelines, the DRO and limitation rules the thresholds)."""

    name = "ReferenceLoaded"
    fields: tuple[str, ...]
    source: str | None


@frozen(kw_only=True)
class GuidelineImport:
    """One spending-guidelines file a centre loaded: who, when, where from, what changed."""

    id: uuid.UUID
    source: str | None
    imported_at: dt.datetime
    imported_by: uuid.UUID | None
    rows: int
    added: int
    removed: int
    changed: int


@define(kw_only=True)
class CentreReference:
    """Reference data a centre loaded: spending guidelines (CSV text) and threshold
    records (JSON text, ``{"records": [...]}``) that replace the shipped table."""

    centre_id: CentreId
    guidelines_csv: str | None = None
    guidelines_source: str | None = None
    thresholds_json: str | None = None
    #: The centre's own figures in place of national ones (edited as one list).
    threshold_overrides: tuple[ThresholdOverride, ...] = ()
    #: Bumped by each edit of the overrides (their ``ETag``), apart from ``version``.
    overrides_version: int = 0
    #: The guidelines files loaded, newest first (at most ``MAX_IMPORT_HISTORY``).
    guideline_imports: tuple[GuidelineImport, ...] = ()
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CentreId:
        return self.centre_id


class ReferenceDataRepository(Protocol):
    async def get(self) -> CentreReference | None:
        """The reference data the centre loaded, or ``None`` (shipped defaults apply)."""
        ...

    async def add(self, ref: CentreReference) -> None: ...

    async def save(self, ref: CentreReference) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class CentreProfileRepository(Protocol):
    """The profile of the centre the unit of work is bound to (one row per centre)."""

    async def get(self) -> CentreProfile | None:
        """The centre's profile, or ``None`` if none was saved yet."""
        ...

    async def add(self, profile: CentreProfile) -> None:
        """Stage the first profile; ``Conflict`` if there is one, ``CrossTenantAccess``
        for another centre's."""
        ...

    async def save(self, profile: CentreProfile) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...
