"""The case list's total counts one narrow index: ``ix_case_list_rows_centre`` (issue 15).

A branch of its own ("case_list_count") from the case list's (1620). Every
``GET /api/v1/cases`` page carries ``total``, a ``count(*)`` of the centre's rows; it read
the narrowest index that covered it, ``ix_case_list_rows_client`` (centre and client id),
about 100 pages for 5,000 cases on SQLite, and the 10 centres of the scale benchmark did not
fit SQLite's page cache together, so at 1,000,000 cases over 200 centres every list
re-read them (146 KB a list, against 0.1 KB at 10,000 cases; benchmarks/README.md). An
index of the centre id alone is half as wide (about 50 pages for 5,000 cases; on
PostgreSQL its duplicate keys are deduplicated). The count still grows with the centre's
cases; this makes each of them cheaper, it does not make it constant.

Revision ID: 2040
Revises: 1620
Create Date: 2026-12-04 10:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "2040"
down_revision: str | None = "1620"
branch_labels: str | Sequence[str] | None = ("case_list_count",)
depends_on: str | Sequence[str] | None = None

_INDEX = "ix_case_list_rows_centre"


def upgrade() -> None:
    op.create_index(_INDEX, "case_list_rows", ["centre_id"])


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="case_list_rows")
