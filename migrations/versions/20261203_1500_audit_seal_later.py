"""Scale branch, step 1: view entries sealed into the audit chain off the request path.

A view's audit entry is written in the request's transaction *unsealed* (no chain
position or hash, so no chain lock); the background ``AuditSealer`` links committed
unsealed entries onto the centre's chain in write order. This revision:

- a partial index over the unsealed entries (``centre_id, seq WHERE hash IS NULL``), so
  the sealer finds them without scanning the log;
- on PostgreSQL, the append-only trigger admits exactly one kind of update: filling in
  an unsealed entry's three chain fields, once, with every other column unchanged.
  Deletes and any other update are still refused.

A branch of its own from the walking skeleton (depends on the security branch's 0300,
which made the chain).

Revision ID: 1500
Revises: 0001
Create Date: 2026-12-03 06:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1500"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("scale",)
depends_on: str | Sequence[str] | None = "0300"

_TRIGGER = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND OLD.hash IS NULL AND OLD.chain_seq IS NULL AND OLD.prev_hash IS NULL
       AND NEW.hash IS NOT NULL AND NEW.chain_seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.centre_id = OLD.centre_id
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
       AND NEW.entity_id = OLD.entity_id AND NEW.at = OLD.at
       AND NEW.fields::text = OLD.fields::text
       AND NEW.source_event_id IS NOT DISTINCT FROM OLD.source_event_id
    THEN
        RETURN NEW;  -- sealing an unsealed entry: the only update ever admitted
    END IF;
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$
"""

_STRICT = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def upgrade() -> None:
    op.create_index(
        "ix_audit_unsealed",
        "audit_log",
        ["centre_id", "seq"],
        postgresql_where=sa.text("hash IS NULL"),
        sqlite_where=sa.text("hash IS NULL"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_STRICT)
    op.drop_index("ix_audit_unsealed", table_name="audit_log")
