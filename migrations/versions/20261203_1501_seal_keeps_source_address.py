"""Scale branch, step 2: sealing may not change an entry's source address either.

1500 taught the append-only trigger to admit one update (an unsealed view entry's chain
fields filled in, once) with every other column unchanged; the security branch's 1200
added ``audit_log.source_address`` after that list was written. The trigger now also
requires the address to stay as it was, so a sealer (or anyone posing as one) cannot
rewrite where a view came from before it is hashed.

Revision ID: 1501
Revises: 1500
Create Date: 2026-12-03 07:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "1501"
down_revision: str | None = "1500"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = "1200"

_BODY = """
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
       {extra}
    THEN
        RETURN NEW;  -- sealing an unsealed entry: the only update ever admitted
    END IF;
    RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            _BODY.format(extra="AND NEW.source_address IS NOT DISTINCT FROM OLD.source_address")
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_BODY.format(extra=""))
