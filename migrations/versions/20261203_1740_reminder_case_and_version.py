"""Console branch, step 1: each reminder keeps its case and a version.

``case_id`` lets ``GET /reminders?case_id=`` answer one case's reminders (a caseworker
their own cases') instead of the console filtering the first page of the centre's in
the browser; existing rows get it from their subject (a deadline's reference starts with
the case id; an appointment's is the appointment's id; an escalation's the deadline's).
``version`` lets cancelling take ``If-Match`` like any other edit.

Revision ID: 1740
Revises: 0741
Create Date: 2026-12-03 09:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1740"
down_revision: str | None = "0741"
branch_labels: str | Sequence[str] | None = ("console",)
depends_on: str | Sequence[str] | None = None

_BACKFILL_POSTGRES = """
UPDATE reminders r SET case_id = a.case_id
  FROM appointments a
 WHERE r.case_id IS NULL AND r.subject_kind = 'appointment'
   AND a.centre_id = r.centre_id AND a.id::text = r.subject_ref;
UPDATE reminders r SET case_id = d.case_id
  FROM case_deadlines d
 WHERE r.case_id IS NULL AND r.key LIKE 'escalation:%'
   AND d.centre_id = r.centre_id AND d.id::text = r.subject_ref;
UPDATE reminders r SET case_id = c.id
  FROM cases c
 WHERE r.case_id IS NULL AND r.subject_kind <> 'appointment'
   AND c.centre_id = r.centre_id AND c.id::text = split_part(r.subject_ref, ':', 1);
"""


def upgrade() -> None:
    with op.batch_alter_table("reminders") as batch:
        batch.add_column(sa.Column("case_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.create_index(
        "ix_reminders_centre_case_send", "reminders", ["centre_id", "case_id", "send_at"]
    )
    if op.get_bind().dialect.name == "postgresql":
        for statement in _BACKFILL_POSTGRES.split(";"):
            if statement.strip():
                op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_reminders_centre_case_send", table_name="reminders")
    with op.batch_alter_table("reminders") as batch:
        batch.drop_column("version")
        batch.drop_column("case_id")
