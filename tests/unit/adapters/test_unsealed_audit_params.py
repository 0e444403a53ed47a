"""The view's unsealed audit insert builds its parameters directly (``_unsealed_params``)
and remembers the ``fields`` column's JSON: both must stay what the general path
(``m.audit_to_row`` through the JSON type's bind processor) would send."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.dialects import postgresql

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.uow import (
    _INSERT_UNSEALED_RAW,
    _fields_value,
    _unsealed_params,
)
from cma_core.audit.model import AuditEntry
from cma_core.shared.ids import AuditId, CentreId, EventId, UserId


def _entry(fields: tuple[str, ...]) -> AuditEntry:
    return AuditEntry(
        id=AuditId(uuid.uuid4()),
        centre_id=CentreId(uuid.uuid4()),
        actor_id=UserId(uuid.uuid4()),
        action="case.viewed",
        entity_type="case",
        entity_id=str(uuid.uuid4()),
        at=dt.datetime(2026, 12, 4, 19, 40, tzinfo=dt.UTC),
        fields=fields,
        source_event_id=EventId(uuid.uuid4()),
        source_address="203.0.113.7",
        chain_seq=3,
        prev_hash="a" * 64,
        hash="b" * 64,
    )


def test_the_direct_parameters_are_the_general_paths_for_every_column() -> None:
    entry = _entry(("first_name", "notes"))
    general = {"a_" + k: v for k, v in m.audit_to_row(entry).items()}
    direct = _unsealed_params(entry, general["a_fields"])
    assert direct == general
    _, names, _ = _INSERT_UNSEALED_RAW.compiled(postgresql.asyncpg.dialect())
    assert set(names) == set(direct)


def test_the_remembered_fields_value_is_what_the_json_type_makes() -> None:
    dialect = postgresql.asyncpg.dialect()
    processor = _INSERT_UNSEALED_RAW.processor_of(dialect, "a_fields")
    assert processor is not None
    for fields in [(), ("first_name", "notes"), ("notes",)]:
        expected = processor(m.audit_to_row(_entry(fields))["fields"])
        assert _fields_value(processor, fields) == expected
        assert _fields_value(processor, fields) == expected  # remembered, unchanged
    # The statement's own processor for it is skipped: the caller passes it converted.
    _, names, processors = _INSERT_UNSEALED_RAW.compiled(dialect)
    assert processors[names.index("a_fields")] is None
