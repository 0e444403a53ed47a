"""Security branch, step 1: the per-centre audit hash chain.

Adds ``chain_seq``/``prev_hash``/``hash`` to ``audit_log``, a per-centre ``audit_heads``
table (RLS forced, like every tenant table) and links any entries written before this
revision, oldest first. On PostgreSQL a trigger makes ``audit_log`` append-only: the
application role cannot update or delete entries even if it tried.

Revision ID: 0300
Revises: 0001
Create Date: 2026-11-28 08:20:00
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0300"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("security",)
depends_on: str | Sequence[str] | None = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_seq", _BIG, nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            "uq_audit_log_centre_chain_seq", ["centre_id", "chain_seq"]
        )
    op.create_table(
        "audit_heads",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("seq", _BIG, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_audit_heads_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("centre_id", name=op.f("pk_audit_heads")),
    )
    enable_rls(op, "audit_heads")
    _link_existing_entries()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END $$
            """
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def _uuid(v: object) -> uuid.UUID | None:
    return v if isinstance(v, uuid.UUID) else (uuid.UUID(str(v)) if v else None)


def _link_existing_entries() -> None:
    """Chain entries written before this revision (migrations run as the owner, which RLS
    does not restrict when it is a superuser; ``app.centre_id`` is set per centre anyway)."""
    from cma_core.audit.chain import link
    from cma_core.audit.model import AuditEntry, ChainHead
    from cma_core.shared.ids import AuditId, CentreId, EventId, UserId

    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    centres = [r[0] for r in bind.execute(sa.text("SELECT id FROM centres")).all()]
    for centre in centres:
        if pg:
            bind.execute(
                sa.text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        rows = bind.execute(
            sa.text(
                "SELECT seq, id, actor_id, action, entity_type, entity_id, at, fields, "
                "source_event_id FROM audit_log WHERE centre_id = :c ORDER BY seq"
            ),
            {"c": centre if pg else str(centre).replace("-", "")},
        ).all()
        head: ChainHead | None = None
        for r in rows:
            fields = r.fields if isinstance(r.fields, dict) else json.loads(r.fields)
            at = r.at if isinstance(r.at, dt.datetime) else dt.datetime.fromisoformat(r.at)
            if at.tzinfo is None:
                at = at.replace(tzinfo=dt.UTC)
            entry = AuditEntry(
                id=AuditId(_uuid(r.id)),  # type: ignore[arg-type]
                centre_id=CentreId(_uuid(centre)),  # type: ignore[arg-type]
                actor_id=UserId(a) if (a := _uuid(r.actor_id)) else None,
                action=r.action,
                entity_type=r.entity_type,
                entity_id=r.entity_id,
                at=at,
                fields=tuple(fields.get("names", ())),
                source_event_id=EventId(s) if (s := _uuid(r.source_event_id)) else None,
            )
            linked, head = link(entry, head)
            bind.execute(
                sa.text(
                    "UPDATE audit_log SET chain_seq = :n, prev_hash = :p, hash = :h "
                    "WHERE seq = :seq"
                ),
                {"n": linked.chain_seq, "p": linked.prev_hash, "h": linked.hash, "seq": r.seq},
            )
        if head is not None:
            bind.execute(
                sa.text("INSERT INTO audit_heads (centre_id, seq, hash) VALUES (:c, :n, :h)"),
                {"c": centre, "n": head.seq, "h": head.hash},
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_table("audit_heads")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint("uq_audit_log_centre_chain_seq", type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("chain_seq")
