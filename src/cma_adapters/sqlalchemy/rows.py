"""Row models: the database schema. Alembic migrations are written by hand from these.

Every tenant table has ``centre_id``; every query made through the unit of work filters
on it, and on PostgreSQL, Row Level Security policies filter on it again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cma_adapters.sqlalchemy.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON()}


class CentreRow(Base):
    __tablename__ = "centres"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime]


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime]
    # Second factor (migration 0301).
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled: Mapped[bool] = mapped_column(Boolean, default=False)


class MembershipRow(Base):
    """A user's role in a centre. Sign-in reads a user's memberships before any centre is
    chosen, so under RLS its policy also admits the rows of the signed-in user."""

    __tablename__ = "memberships"
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("centres.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class MembershipGrantRow(Base):
    """A permission given to one user in one centre beyond their roles (migration 0303).
    Read with the user at sign-in, like memberships, so its policy admits ``app.platform``."""

    __tablename__ = "membership_grants"
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("centres.id", ondelete="CASCADE"), primary_key=True
    )
    permission: Mapped[str] = mapped_column(String(64), primary_key=True)
    granted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    granted_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime | None]
    reason: Mapped[str] = mapped_column(Text)
    __table_args__ = (
        CheckConstraint("permission NOT IN ('centre:manage', 'user:manage')", name="grantable"),
    )


class RefreshTokenRow(Base):
    """Refresh tokens, by hash (migration 0301). Platform-level like memberships: refreshing
    happens before any centre is bound, so its RLS policy also admits ``app.platform``."""

    __tablename__ = "refresh_tokens"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]


class CentreDataKeyRow(Base):
    """A centre's data keys, *wrapped* by the key-management service (migration 0302)."""

    __tablename__ = "centre_data_keys"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime]


class ClientRow(Base):
    """Personal fields are sealed (``*_enc``, AES-256-GCM under the centre's data key
    ``key_version``); names and email are searchable through blind indexes (``*_bidx``).
    Migration 0302 replaced the plaintext columns."""

    __tablename__ = "clients"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    key_version: Mapped[int] = mapped_column(Integer)
    first_name_enc: Mapped[str] = mapped_column(Text)
    last_name_enc: Mapped[str] = mapped_column(Text)
    date_of_birth_enc: Mapped[str] = mapped_column(Text)
    email_enc: Mapped[str | None] = mapped_column(Text)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    ni_number_enc: Mapped[str | None] = mapped_column(Text)
    # Migration 0303: postal address (sealed JSON), suppression, health and vulnerability.
    address_enc: Mapped[str | None] = mapped_column(Text)
    address_suppressed: Mapped[bool] = mapped_column(Boolean, default=False)
    address_suppression_reason_enc: Mapped[str | None] = mapped_column(Text)
    health_notes_enc: Mapped[str | None] = mapped_column(Text)
    vulnerabilities_enc: Mapped[str | None] = mapped_column(Text)
    vulnerability_notes_enc: Mapped[str | None] = mapped_column(Text)
    health_data_consent_at: Mapped[dt.datetime | None]
    first_name_bidx: Mapped[str] = mapped_column(String(64))
    last_name_bidx: Mapped[str] = mapped_column(String(64))
    email_bidx: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        Index("ix_clients_centre_created", "centre_id", "created_at"),
        Index("ix_clients_centre_first_bidx", "centre_id", "first_name_bidx"),
        Index("ix_clients_centre_last_bidx", "centre_id", "last_name_bidx"),
        Index("ix_clients_centre_email_bidx", "centre_id", "email_bidx"),
        Index("ix_clients_centre_key_version", "centre_id", "key_version"),
    )


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("clients.id"))
    reference: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("users.id"))
    opened_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]
    close_reason: Mapped[str | None] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("centre_id", "reference", name="uq_cases_centre_reference"),
        Index("ix_cases_centre_opened", "centre_id", "opened_at"),
        Index("ix_cases_centre_status", "centre_id", "status"),
        Index("ix_cases_centre_adviser", "centre_id", "adviser_id"),
        Index("ix_cases_centre_client", "centre_id", "client_id"),
    )


class CaseNoteRow(Base):
    __tablename__ = "case_notes"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    author_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # A sensitive note's body is sealed in body_enc (key_version) and body is NULL.
    body: Mapped[str | None] = mapped_column(Text)
    body_enc: Mapped[str | None] = mapped_column(Text)
    key_version: Mapped[int | None] = mapped_column(Integer)
    sensitive: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime]
    __table_args__ = (Index("ix_case_notes_centre_case", "centre_id", "case_id", "created_at"),)


class TaskRow(Base):
    __tablename__ = "tasks"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    due_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime]
    source_event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    __table_args__ = (
        UniqueConstraint("centre_id", "source_event_id", name="uq_tasks_centre_source_event"),
        Index("ix_tasks_centre_assignee_due", "centre_id", "assignee_id", "due_at"),
    )


class AuditRow(Base):
    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime]
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    source_event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # The centre's hash chain (migration 0300): position, link to the previous entry, hash.
    chain_seq: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_audit_centre_entity", "centre_id", "entity_type", "entity_id"),
        Index("ix_audit_centre_seq", "centre_id", "seq"),
        UniqueConstraint("centre_id", "chain_seq", name="uq_audit_log_centre_chain_seq"),
    )


class AuditHeadRow(Base):
    """The last link of each centre's audit chain; locked (``FOR UPDATE``) while appending,
    which serialises one centre's appends and leaves other centres alone."""

    __tablename__ = "audit_heads"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxRow(Base):
    __tablename__ = "outbox"
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    name: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[dt.datetime]
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[dt.datetime | None]
    __table_args__ = (Index("ix_outbox_centre_published", "centre_id", "published_at"),)


class InboxRow(Base):
    __tablename__ = "inbox"
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    handler: Mapped[str] = mapped_column(String(100), primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    processed_at: Mapped[dt.datetime]


class CentreCounterRow(Base):
    __tablename__ = "centre_counters"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    case_seq: Mapped[int] = mapped_column(Integer)


#: Tables whose rows belong to one centre (Row Level Security applies to each).
TENANT_TABLES = tuple(t.name for t in Base.metadata.sorted_tables if "centre_id" in t.c)
