"""Documents and the suggestions drawn from them.

A branch from the walking skeleton (areas add their tables on branches that start at 0001;
``cma migrate`` upgrades to every head). Both tables carry centre_id and get Row Level
Security on PostgreSQL. A case holds one document per checksum (duplicate detection's
last word when two uploads race).

Revision ID: 0600
Revises: 0001
Create Date: 2026-11-28 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0600"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("documents",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=512), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.Uuid(), nullable=True),
        sa.Column("failure_reason", sa.String(length=500), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("pages", sa.JSON(), nullable=False),
        sa.Column("document_class", sa.String(length=32), nullable=True),
        sa.Column("class_confidence", sa.Float(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_documents_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_documents_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("centre_id", "case_id", "sha256", name="uq_documents_case_sha256"),
    )
    op.create_index(
        "ix_documents_centre_case_uploaded",
        "documents",
        ["centre_id", "case_id", "uploaded_at"],
    )
    op.create_table(
        "document_suggestions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("creditor_name", sa.String(length=200), nullable=True),
        sa.Column("account_reference", sa.String(length=100), nullable=True),
        sa.Column("balance_pence", sa.BigInteger(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_basis", sa.Text(), nullable=True),
        sa.Column("court_claim_number", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rejection_reason", sa.String(length=500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_document_suggestions_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_document_suggestions_centre_id_centres")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_suggestions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_suggestions")),
    )
    op.create_index(
        "ix_document_suggestions_centre_case",
        "document_suggestions",
        ["centre_id", "case_id", "created_at"],
    )
    op.create_index("ix_document_suggestions_document", "document_suggestions", ["document_id"])
    for table in ("documents", "document_suggestions"):
        enable_rls(op, table)


def downgrade() -> None:
    op.drop_index("ix_document_suggestions_document", table_name="document_suggestions")
    op.drop_index("ix_document_suggestions_centre_case", table_name="document_suggestions")
    op.drop_table("document_suggestions")
    op.drop_index("ix_documents_centre_case_uploaded", table_name="documents")
    op.drop_table("documents")
