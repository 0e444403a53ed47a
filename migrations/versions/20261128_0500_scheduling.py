"""Case clock and compliance: facts, deadlines, appointments, availability, consents,
reminders, stored compliance findings, QA samples and reviews.

A branch from 0001 (areas add their tables on their own branches; ``cma migrate`` goes to
every head). Every table has centre_id and gets forced Row Level Security on PostgreSQL.

Revision ID: 0500
Revises: 0001
Create Date: 2026-11-28 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0500"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("scheduling",)
depends_on: str | Sequence[str] | None = None

TZ = sa.DateTime(timezone=True)

TABLES = (
    "case_facts",
    "case_deadlines",
    "appointments",
    "adviser_availability",
    "contact_consents",
    "reminders",
    "compliance_findings",
    "qa_samples",
    "qa_reviews",
)


def _centre_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["centre_id"], ["centres.id"], name=f"fk_{table}_centre_id_centres"
    )


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["case_id"], ["cases.id"], name=f"fk_{table}_case_id_cases", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "case_facts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(48), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_facts"),
        _centre_fk("case_facts"),
        _case_fk("case_facts"),
    )
    op.create_index("ix_case_facts_centre_case", "case_facts", ["centre_id", "case_id"])

    op.create_table(
        "case_deadlines",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("fact_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(48), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("trigger", sa.Date(), nullable=False),
        sa.Column("counting", sa.String(32), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("is_earliest", sa.Boolean(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("closed_at", TZ, nullable=True),
        sa.Column("escalated_to", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_case_deadlines"),
        sa.UniqueConstraint("fact_id", "kind", name="uq_case_deadlines_fact_kind"),
        _centre_fk("case_deadlines"),
        _case_fk("case_deadlines"),
        sa.ForeignKeyConstraint(
            ["fact_id"],
            ["case_facts.id"],
            name="fk_case_deadlines_fact_id_case_facts",
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_case_deadlines_centre_status_due", "case_deadlines", ["centre_id", "status", "due"]
    )
    op.create_index("ix_case_deadlines_centre_case", "case_deadlines", ["centre_id", "case_id"])

    op.create_table(
        "appointments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("start_at", TZ, nullable=False),
        sa.Column("end_at", TZ, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("location", sa.String(300), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("cancel_reason", sa.String(500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_appointments"),
        _centre_fk("appointments"),
        _case_fk("appointments"),
    )
    op.create_index(
        "ix_appointments_centre_adviser_start",
        "appointments",
        ["centre_id", "adviser_id", "start_at"],
    )
    op.create_index("ix_appointments_centre_start", "appointments", ["centre_id", "start_at"])

    op.create_table(
        "adviser_availability",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=False),
        sa.Column("weekly_hours", sa.JSON(), nullable=False),
        sa.Column("leave", sa.JSON(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "adviser_id", name="pk_adviser_availability"),
        _centre_fk("adviser_availability"),
    )

    op.create_table(
        "contact_consents",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.Boolean(), nullable=True),
        sa.Column("sms", sa.Boolean(), nullable=True),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("centre_id", "client_id", name="pk_contact_consents"),
        _centre_fk("contact_consents"),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name="fk_contact_consents_client_id_clients",
            ondelete="CASCADE",
        ),
    )

    op.create_table(
        "reminders",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("recipient", sa.String(64), nullable=False),
        sa.Column("subject_kind", sa.String(64), nullable=False),
        sa.Column("subject_ref", sa.String(200), nullable=False),
        sa.Column("send_at", TZ, nullable=False),
        sa.Column("event_at", TZ, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", TZ, nullable=True),
        sa.Column("note", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("centre_id", "key", name="pk_reminders"),
        _centre_fk("reminders"),
    )
    op.create_index(
        "ix_reminders_centre_status_send", "reminders", ["centre_id", "status", "send_at"]
    )

    op.create_table(
        "compliance_findings",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=True),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("fix", sa.Text(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("evaluated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("centre_id", "case_id", "rule_id", name="pk_compliance_findings"),
        _centre_fk("compliance_findings"),
        _case_fk("compliance_findings"),
    )
    op.create_index(
        "ix_compliance_findings_centre_rule_status",
        "compliance_findings",
        ["centre_id", "rule_id", "status"],
    )
    op.create_index(
        "ix_compliance_findings_centre_adviser", "compliance_findings", ["centre_id", "adviser_id"]
    )

    op.create_table(
        "qa_samples",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("seed", sa.String(200), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=False),
        sa.Column("picks", sa.JSON(), nullable=False),
        sa.Column("drawn_at", TZ, nullable=False),
        sa.Column("drawn_by", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_qa_samples"),
        _centre_fk("qa_samples"),
    )

    op.create_table(
        "qa_reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("adviser_id", sa.Uuid(), nullable=True),
        sa.Column("reviewer_id", sa.Uuid(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("actions", sa.Text(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_qa_reviews"),
        _centre_fk("qa_reviews"),
        _case_fk("qa_reviews"),
    )
    op.create_index("ix_qa_reviews_centre_case", "qa_reviews", ["centre_id", "case_id"])

    for table in TABLES:
        enable_rls(op, table)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
