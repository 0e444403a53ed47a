"""A centre admin's reference data over the API: spending guidelines and overrides.

``cma reference load`` (the CLI) replaces a centre's guidelines file; this service does the
same for the console, with what a person needs around it: the periods loaded (source and
dates), a preview of what an import changes before anything is stored, errors that name
the file's line and column, a history of imports, and the centre's threshold overrides
(:mod:`cma_core.reference.overrides`), edited as one list under ``If-Match``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Sequence

from attrs import define, field, frozen

from cma_core.audit.service import commit_audited
from cma_core.budgets.catalogue import Category
from cma_core.budgets.guidelines import Guideline, GuidelineTable, parse_guideline_rows
from cma_core.debts.service import national_thresholds_of
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.overrides import OverrideRequest, ThresholdOverride, check_overrides
from cma_core.reference.ports import (
    CentreReference,
    GuidelineImport,
    ReferenceDataRepository,
    ReferenceLoaded,
)
from cma_core.reference.thresholds import Threshold
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CentreId
from cma_core.shared.service import IdFactory, check_version
from cma_core.shared.text import check_line
from cma_core.shared.uow import RepositoryFactory, UnitOfWorkFactory

#: Largest guidelines file (characters): a real table is a few hundred lines.
MAX_FILE_CHARS = 1_000_000
#: The longest ``source`` an import may name (it is printed beside every figure).
MAX_SOURCE_CHARS = 200
#: Most data lines in one file.
MAX_ROWS = 20_000
#: Imports remembered, newest first.
MAX_IMPORT_HISTORY = 50
_ROW_FIELD = re.compile(r"guidelines\[(\d+)\]\.(\w+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_guidelines_file(text: str) -> GuidelineTable:
    """Parse a guidelines CSV as the CLI does; errors name the line: ``line[7].adults``.

    Raises:
        ValidationError: too big, a control character, or a malformed row (its field is
            ``line[N].<column>``, N counting every line of the file from 1).
    """
    if len(text) > MAX_FILE_CHARS:
        raise ValidationError("content", f"must be at most {MAX_FILE_CHARS} characters")
    numbered: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _CONTROL.search(line):
            raise ValidationError(f"line[{number}]", "contains a control character")
        if line.strip() and not line.lstrip().startswith("#"):
            numbered.append((number, line))
    if not numbered:
        raise ValidationError("content", "has no header line and no rows")
    if len(numbered) - 1 > MAX_ROWS:
        raise ValidationError("content", f"must have at most {MAX_ROWS} rows")
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in numbered)))
    try:
        return parse_guideline_rows(reader)
    except ValidationError as exc:
        m = _ROW_FIELD.fullmatch(exc.field or "")
        if m is None:
            raise
        at = numbered[int(m.group(1)) + 1][0]
        raise ValidationError(f"line[{at}].{m.group(2)}", exc.detail) from None
    except csv.Error as exc:
        raise ValidationError("content", f"not CSV: {exc}") from None


@frozen(kw_only=True)
class GuidelinePeriod:
    """The rows of one period of the table (one ``valid_from``/``valid_to``/source)."""

    valid_from: dt.date
    valid_to: dt.date | None
    source: str
    rows: int
    households: tuple[str, ...]
    in_force: bool


@frozen(kw_only=True)
class GuidelineChange:
    """A figure an import adds, removes or changes (``before``/``after`` in pence)."""

    adults: int
    children: int
    category: Category
    valid_from: dt.date
    before: int | None
    after: int | None


@frozen(kw_only=True)
class GuidelineDiff:
    added: tuple[GuidelineChange, ...]
    removed: tuple[GuidelineChange, ...]
    changed: tuple[GuidelineChange, ...]


def _household(g: Guideline) -> str:
    return f"{g.composition.adults}A{g.composition.children}C"


def periods(table: GuidelineTable | None, today: dt.date) -> tuple[GuidelinePeriod, ...]:
    """The table's periods, newest first."""
    if table is None:
        return ()
    groups: dict[tuple[dt.date, dt.date | None, str], list[Guideline]] = {}
    for g in table.records:
        groups.setdefault((g.valid_from, g.valid_to, g.source), []).append(g)
    out = [
        GuidelinePeriod(
            valid_from=start,
            valid_to=end,
            source=source,
            rows=len(rows),
            households=tuple(sorted({_household(g) for g in rows})),
            in_force=start <= today and (end is None or today <= end),
        )
        for (start, end, source), rows in groups.items()
    ]
    return tuple(sorted(out, key=lambda p: (p.valid_from, p.source), reverse=True))


def diff(old: GuidelineTable | None, new: GuidelineTable) -> GuidelineDiff:
    """What replacing ``old`` with ``new`` changes, figure by figure."""

    def keyed(t: GuidelineTable | None) -> dict[tuple[int, int, str, dt.date], Guideline]:
        recs = t.records if t else ()
        return {
            (g.composition.adults, g.composition.children, g.category.value, g.valid_from): g
            for g in recs
        }

    before, after = keyed(old), keyed(new)

    def change(key: tuple[int, int, str, dt.date]) -> GuidelineChange:
        b, a = before.get(key), after.get(key)
        return GuidelineChange(
            adults=key[0],
            children=key[1],
            category=Category(key[2]),
            valid_from=key[3],
            before=b.monthly.pence if b else None,
            after=a.monthly.pence if a else None,
        )

    def both_differ(k: tuple[int, int, str, dt.date]) -> bool:
        b, a = before[k], after[k]
        return (b.monthly, b.valid_to, b.source) != (a.monthly, a.valid_to, a.source)

    return GuidelineDiff(
        added=tuple(change(k) for k in sorted(after.keys() - before.keys())),
        removed=tuple(change(k) for k in sorted(before.keys() - after.keys())),
        changed=tuple(change(k) for k in sorted(after.keys() & before.keys()) if both_differ(k)),
    )


@frozen(kw_only=True)
class GuidelinesView:
    loaded: bool
    source: str | None
    updated_at: dt.datetime | None
    periods: tuple[GuidelinePeriod, ...]
    imports: tuple[GuidelineImport, ...]


@frozen(kw_only=True)
class ImportResult:
    dry_run: bool
    rows: int
    diff: GuidelineDiff
    periods: tuple[GuidelinePeriod, ...]
    record: GuidelineImport | None


@frozen(kw_only=True)
class ThresholdsView:
    overrides: tuple[ThresholdOverride, ...]
    version: int
    national: tuple[Threshold, ...]


def _stored_table(ref: CentreReference | None) -> GuidelineTable | None:
    if ref is None or ref.guidelines_csv is None:
        return None
    return parse_guidelines_file(ref.guidelines_csv)


def import_record(
    new_id: IdFactory,
    ctx: TenantContext,
    old: CentreReference | None,
    table: GuidelineTable,
    *,
    source: str | None,
    at: dt.datetime,
) -> GuidelineImport:
    """The history entry of loading ``table`` in place of ``old``'s (the CLI's loads too)."""
    changes = diff(_stored_table(old), table)
    return GuidelineImport(
        id=new_id(),
        source=source,
        imported_at=at,
        imported_by=ctx.user_id,
        rows=len(table.records),
        added=len(changes.added),
        removed=len(changes.removed),
        changed=len(changes.changed),
    )


def with_import(
    history: tuple[GuidelineImport, ...], record: GuidelineImport
) -> tuple[GuidelineImport, ...]:
    """``record`` first, then the history, at most ``MAX_IMPORT_HISTORY`` entries."""
    return (record, *history)[:MAX_IMPORT_HISTORY]


@define
class ReferenceAdminService:
    """Guidelines imports and threshold overrides for a centre admin."""

    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    reference: RepositoryFactory[ReferenceDataRepository] = field(kw_only=True)

    async def _get(self, ctx: TenantContext) -> CentreReference | None:
        async with self.uow(ctx.centre_id) as uow:
            return await self.reference(uow).get()

    async def guidelines(self, ctx: TenantContext) -> GuidelinesView:
        """The periods of the guidelines loaded and the imports that loaded them."""
        ctx.require(Permission.FINANCE_READ)
        ref = await self._get(ctx)
        table = _stored_table(ref)
        return GuidelinesView(
            loaded=table is not None,
            source=ref.guidelines_source if ref else None,
            updated_at=ref.updated_at if ref and table else None,
            periods=periods(table, self.clock.now().date()),
            imports=ref.guideline_imports if ref else (),
        )

    async def import_guidelines(
        self, ctx: TenantContext, content: str, *, source: str | None, dry_run: bool
    ) -> ImportResult:
        """Validate a guidelines file and show what it changes; unless ``dry_run``, store
        it in place of the centre's (one transaction, audited, compliance re-evaluated).

        Raises:
            ValidationError: naming ``line[N].<column>`` or ``source``.
        """
        ctx.require(Permission.CENTRE_SETTINGS)
        if source:
            source = check_line(source.strip(), "source", max_length=MAX_SOURCE_CHARS)
        else:
            source = None
        table = parse_guidelines_file(content)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.reference(uow)
            ref = await repo.get()
            changes = diff(_stored_table(ref), table)
            shown = periods(table, now.date())
            if dry_run:
                return ImportResult(
                    dry_run=True, rows=len(table.records), diff=changes, periods=shown, record=None
                )
            record = GuidelineImport(
                id=self.new_id(),
                source=source,
                imported_at=now,
                imported_by=ctx.user_id,
                rows=len(table.records),
                added=len(changes.added),
                removed=len(changes.removed),
                changed=len(changes.changed),
            )
            if ref is None:
                ref = CentreReference(
                    centre_id=CentreId(ctx.centre_id), created_at=now, updated_at=now
                )
                ref.guidelines_csv, ref.guidelines_source = content, source
                ref.guideline_imports = (record,)
                await repo.add(ref)
            else:
                ref.guidelines_csv, ref.guidelines_source, ref.updated_at = content, source, now
                ref.guideline_imports = with_import(ref.guideline_imports, record)
                await repo.save(ref)
            uow.emit(
                ReferenceLoaded(
                    centre_id=CentreId(ctx.centre_id),
                    occurred_at=now,
                    fields=("guidelines",),
                    source=source,
                )
            )
            await commit_audited(
                uow, ctx, self.new_id, "reference.guidelines_imported", "centre",
                ctx.centre_id, now, ("guidelines",),
            )  # fmt: skip
        return ImportResult(
            dry_run=False, rows=len(table.records), diff=changes, periods=shown, record=record
        )

    async def thresholds(self, ctx: TenantContext) -> ThresholdsView:
        """The centre's overrides and every national figure in force today."""
        ctx.require(Permission.FINANCE_READ)
        return self._view(await self._get(ctx))

    def _view(self, ref: CentreReference | None) -> ThresholdsView:
        table = national_thresholds_of(ref)
        today = self.clock.now().date()
        keys = sorted({(r.jurisdiction.value, r.param) for r in table.records})
        national = tuple(
            rec
            for jur, param in keys
            if (rec := table.find(Jurisdiction(jur), param, today)) is not None
        )
        return ThresholdsView(
            overrides=ref.threshold_overrides if ref else (),
            version=ref.overrides_version if ref else 0,
            national=national,
        )

    async def set_overrides(
        self,
        ctx: TenantContext,
        requests: Sequence[OverrideRequest],
        *,
        expected_version: int | None,
    ) -> ThresholdsView:
        """Replace the centre's overrides (version 0 before the first save).

        Raises:
            StaleVersion: someone saved since ``expected_version``.
            ValidationError: naming ``overrides[i].<field>``.
        """
        ctx.require(Permission.CENTRE_SETTINGS)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            repo = self.reference(uow)
            ref = await repo.get()
            check_version(
                "threshold overrides", expected_version, ref.overrides_version if ref else 0
            )
            stored = check_overrides(
                requests,
                national_thresholds_of(ref),
                now=now,
                by=ctx.user_id,
                previous=ref.threshold_overrides if ref else (),
            )
            if ref is None:
                ref = CentreReference(
                    centre_id=CentreId(ctx.centre_id), created_at=now, updated_at=now
                )
                ref.threshold_overrides, ref.overrides_version = stored, 1
                await repo.add(ref)
            else:
                ref.threshold_overrides = stored
                ref.overrides_version += 1
                ref.updated_at = now
                await repo.save(ref)
            uow.emit(
                ReferenceLoaded(
                    centre_id=CentreId(ctx.centre_id), occurred_at=now, fields=("thresholds",),
                    source="centre overrides",
                )
            )  # fmt: skip
            await commit_audited(
                uow, ctx, self.new_id, "reference.thresholds_overridden", "centre",
                ctx.centre_id, now, tuple(f"{o.jurisdiction}:{o.param}" for o in stored),
            )  # fmt: skip
        return self._view(ref)
