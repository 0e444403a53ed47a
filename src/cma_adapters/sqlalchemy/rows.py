"""Row models: the database schema, every table of every area in this one module.
Alembic migrations are written by hand from these; nothing outside this package imports
them (an import-linter contract), and migrations read only ``metadata``.

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
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
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
    # Second factor (migration 0301); sealed since 2030, each under a data key of its own
    # that the key management wraps (``u1:…``, bound to this row: user_secrets.py).
    totp_secret: Mapped[str | None] = mapped_column(Text)
    totp_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # Stored version (migration 1720): every save is ``WHERE version = :read``.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # The centre a sign-in naming none lands in (migration 2150): written on its own, never
    # by a save, so it is outside ``version``. No foreign key: a membership decides.
    last_centre_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


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
    # Per-centre deactivation (migration 1720): every role row of a (user, centre) agrees.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))


class CentreSecondFactorRow(Base):
    """A centre's second-factor rule (migration 2070): the roles that must use TOTP there,
    comma-separated. Sign-in reads it before any centre's transaction, so its policy also
    admits ``app.platform``, like memberships."""

    __tablename__ = "centre_second_factor"
    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("centres.id", ondelete="CASCADE"), primary_key=True
    )
    roles: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    version: Mapped[int] = mapped_column(Integer)


class RecoveryCodeRow(Base):
    """One of a user's single-use recovery codes (migration 2080): only its digest (keyed
    HMAC-SHA256, ``cma_core.identity.recovery``), never the code. A user's, not a centre's:
    under RLS only platform-level transactions (``app.platform``) see the table at all."""

    __tablename__ = "user_recovery_codes"
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


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
    # Migration 1720: the family's last proof of identity, and where the token went to.
    authenticated_at: Mapped[dt.datetime | None]
    address: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(100))


class PasswordResetRequestRow(Base):
    """Forgotten-password requests waiting for the worker (migration 1840): the address
    sealed with a deployment key, no centre and no RLS (like ``password_resets``)."""

    __tablename__ = "password_reset_requests"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    email_sealed: Mapped[str] = mapped_column(Text)
    requested_at: Mapped[dt.datetime] = mapped_column(index=True)
    claimed_at: Mapped[dt.datetime | None]


class PasswordResetRow(Base):
    """Password-reset tokens by hash (migration 1720). Platform-level like users: a reset
    belongs to an account, not a centre, so no centre column and no RLS policy."""

    __tablename__ = "password_resets"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]


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
    # Nullable since migration 0700: a task may be free-standing (on no case).
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("cases.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    due_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime]
    source_event_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # Migration 0700: the work queue (priority, who created and closed it, outcome, version).
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    outcome_note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    updated_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        UniqueConstraint("centre_id", "source_event_id", name="uq_tasks_centre_source_event"),
        Index("ix_tasks_centre_assignee_due", "centre_id", "assignee_id", "due_at"),
        Index("ix_tasks_centre_case_status", "centre_id", "case_id", "status"),
        Index("ix_tasks_centre_status_due", "centre_id", "status", "due_at"),
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
    # The client address of the request behind the entry (migration 1200).
    source_address: Mapped[str | None] = mapped_column(String(45))
    # The centre's hash chain (migration 0300): position, link to the previous entry, hash.
    chain_seq: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (
        Index("ix_audit_centre_entity", "centre_id", "entity_type", "entity_id"),
        Index("ix_audit_centre_seq", "centre_id", "seq"),
        # The sealer's queue (migration 1500): entries written with ``seal_later``.
        Index(
            "ix_audit_unsealed",
            "centre_id",
            "seq",
            postgresql_where=text("hash IS NULL"),
            sqlite_where=text("hash IS NULL"),
        ),
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
    # Delivery is end to end (migration 0820): owed until every handler recorded the event
    # in the inbox, or a dead letter said why not.
    settled_at: Mapped[dt.datetime | None]
    dead_letter: Mapped[str | None] = mapped_column(Text)
    # Which worker's batch holds the event, until when (migration 2021): a lease, so two
    # workers do not take the same owed events and a dead worker's claim runs out.
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[dt.datetime | None]
    __table_args__ = (
        Index("ix_outbox_centre_published", "centre_id", "published_at"),
        Index("ix_outbox_centre_settled", "centre_id", "settled_at"),
    )


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


class CaseFactRow(Base):
    __tablename__ = "case_facts"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(48))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    withdrawn_at: Mapped[dt.datetime | None]
    withdrawn_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (Index("ix_case_facts_centre_case", "centre_id", "case_id"),)


class CaseDeadlineRow(Base):
    __tablename__ = "case_deadlines"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    fact_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("case_facts.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(48))
    due: Mapped[dt.date] = mapped_column(Date)
    trigger: Mapped[dt.date] = mapped_column(Date)
    counting: Mapped[str] = mapped_column(String(32))
    amount: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    is_earliest: Mapped[bool] = mapped_column(Boolean)
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime]
    task_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    closed_at: Mapped[dt.datetime | None]
    escalated_to: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    __table_args__ = (
        UniqueConstraint("fact_id", "kind", name="uq_case_deadlines_fact_kind"),
        Index("ix_case_deadlines_centre_status_due", "centre_id", "status", "due"),
        Index("ix_case_deadlines_centre_case", "centre_id", "case_id"),
    )


class AppointmentRow(Base):
    __tablename__ = "appointments"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    adviser_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    kind: Mapped[str] = mapped_column(String(16))
    start_at: Mapped[dt.datetime]
    end_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(300))
    sequence: Mapped[int] = mapped_column(Integer)
    cancel_reason: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime]
    __table_args__ = (
        Index("ix_appointments_centre_adviser_start", "centre_id", "adviser_id", "start_at"),
        Index("ix_appointments_centre_start", "centre_id", "start_at"),
    )


class AdviserAvailabilityRow(Base):
    __tablename__ = "adviser_availability"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    adviser_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    weekly_hours: Mapped[dict[str, Any]] = mapped_column(JSON)
    leave: Mapped[dict[str, Any]] = mapped_column(JSON)
    timezone: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime]


class ContactConsentRow(Base):
    __tablename__ = "contact_consents"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    email: Mapped[bool | None] = mapped_column(Boolean)
    sms: Mapped[bool | None] = mapped_column(Boolean)
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer, server_default="1")  # migration 0741


class ReminderRow(Base):
    __tablename__ = "reminders"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    audience: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(64))
    subject_kind: Mapped[str] = mapped_column(String(64))
    subject_ref: Mapped[str] = mapped_column(String(200))
    send_at: Mapped[dt.datetime]
    event_at: Mapped[dt.datetime]
    created_at: Mapped[dt.datetime]
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[dt.datetime | None]
    note: Mapped[str | None] = mapped_column(String(500))
    __table_args__ = (
        Index("ix_reminders_centre_status_send", "centre_id", "status", "send_at"),
        Index("ix_reminders_centre_case_send", "centre_id", "case_id", "send_at"),
    )


class ComplianceFindingRow(Base):
    __tablename__ = "compliance_findings"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
    )
    rule_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict[str, Any]] = mapped_column(JSON)
    fix: Mapped[str | None] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    evaluated_at: Mapped[dt.datetime]
    __table_args__ = (
        Index("ix_compliance_findings_centre_rule_status", "centre_id", "rule_id", "status"),
        Index("ix_compliance_findings_centre_adviser", "centre_id", "adviser_id"),
    )


class FindingHistoryRow(Base):
    """Migration 1801: each evaluation's changed outcome per rule, for pass rates over time."""

    __tablename__ = "compliance_finding_history"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    rule_id: Mapped[str] = mapped_column(String(16))
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16))
    evaluated_at: Mapped[dt.datetime]
    __table_args__ = (
        Index("ix_compliance_finding_history_centre_time", "centre_id", "evaluated_at"),
    )


class QaSampleRow(Base):
    __tablename__ = "qa_samples"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    seed: Mapped[str] = mapped_column(String(200))
    quota: Mapped[int] = mapped_column(Integer)
    picks: Mapped[dict[str, Any]] = mapped_column(JSON)
    drawn_at: Mapped[dt.datetime]
    drawn_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class QaReviewRow(Base):
    __tablename__ = "qa_reviews"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reviewer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reviewed_on: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    percent: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean)
    actions: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    __table_args__ = (Index("ix_qa_reviews_centre_case", "centre_id", "case_id"),)


class CompliancePolicyRow(Base):
    """Migration 0501."""

    __tablename__ = "compliance_policies"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime]
    updated_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class CentreClosureRow(Base):
    """Migration 0501."""

    __tablename__ = "centre_closures"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime]
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class CentreWorkingHoursRow(Base):
    """Migration 1800: the centre's opening hours (one row per centre)."""

    __tablename__ = "centre_working_hours"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    weekly_hours: Mapped[dict[str, Any]] = mapped_column(JSON)
    timezone: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime]


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    # Migration 1700: the name is sealed in filename_enc and ``filename`` is "".
    filename: Mapped[str] = mapped_column(String(200))
    filename_enc: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(512))
    status: Mapped[str] = mapped_column(String(16))
    uploaded_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    uploaded_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    attempts: Mapped[int] = mapped_column(Integer)
    pages: Mapped[list[Any]] = mapped_column(JSON)
    document_class: Mapped[str | None] = mapped_column(String(32))
    class_confidence: Mapped[float | None] = mapped_column(Float)
    # Migration 2130: other kinds it may be, [{"document_class", "probability"}], or NULL.
    class_alternatives: Mapped[list[Any] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("centre_id", "case_id", "sha256", name="uq_documents_case_sha256"),
        Index("ix_documents_centre_case_uploaded", "centre_id", "case_id", "uploaded_at"),
    )


class SuggestionRow(Base):
    __tablename__ = "document_suggestions"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    document_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("documents.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime]
    creditor_name: Mapped[str | None] = mapped_column(String(200))
    account_reference: Mapped[str | None] = mapped_column(String(100))
    balance_pence: Mapped[int | None] = mapped_column(BigInteger)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    deadline_basis: Mapped[str | None] = mapped_column(Text)
    court_claim_number: Mapped[str | None] = mapped_column(String(40))
    debt_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    previous_balance_pence: Mapped[int | None] = mapped_column(BigInteger)
    fact_date: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[list[Any] | None] = mapped_column(JSON)
    """Migration 0900: where each value was read (page, box) and the alternatives;
    ``{"sealed": ...}`` since migration 1700."""
    sealed: Mapped[str | None] = mapped_column(Text)
    """Migration 1841: title, creditor, account reference and claim number, sealed
    together (those columns then hold "" / NULL)."""
    budget_line: Mapped[str | None] = mapped_column(String(60))
    frequency: Mapped[str | None] = mapped_column(String(20))
    debt_type: Mapped[str | None] = mapped_column(String(40))
    """Migration 2170: ``new_debt``: the type the debt is added as (NULL before it)."""
    enforcement_stage: Mapped[str | None] = mapped_column(String(40))
    """Migration 2171: ``new_debt``: the stage of recovery the debt is added at."""
    as_read: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    """Migration 2140: accepted with the adviser's changes, what the reader had proposed
    for the fields changed; sealed with the title (``sealed``) where keys are set."""
    to_check: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    """Migration 2160: how many of the values the suggestion is made of are to be checked
    against the page (``Suggestion.fields_to_check``: hard to read, or the reader unsure
    which), in clear beside the sealed evidence so that the work queue counts them without
    opening it. A count, never a value."""
    status: Mapped[str] = mapped_column(String(16))
    decided_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    decided_at: Mapped[dt.datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        Index("ix_document_suggestions_centre_case", "centre_id", "case_id", "created_at"),
        Index("ix_document_suggestions_document", "document_id"),
    )


class ExampleRow(Base):
    """An adviser's decision on a suggestion as a labelled example (migration 1680).

    The labels stand in columns (class, outcome, budget line); the values read and their
    printed labels, and a statement's payee, are in ``data``, sealed with the centre's
    data key (``{"sealed": ...}``). No text of the document: training reads it from the
    document, and the example goes with the document (foreign key, cascade)."""

    __tablename__ = "assistant_examples"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("cases.id", ondelete="CASCADE"))
    document_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("documents.id", ondelete="CASCADE")
    )
    suggestion_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    """``None``: the adviser said what kind the document is (migration 2120)."""
    outcome: Mapped[str] = mapped_column(String(16))
    suggested_class: Mapped[str | None] = mapped_column(String(40))
    document_class: Mapped[str | None] = mapped_column(String(40))
    budget_line: Mapped[str | None] = mapped_column(String(60))
    income: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[dt.datetime]
    recorded_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (
        Index("ix_assistant_examples_centre_recorded", "centre_id", "recorded_at"),
        Index("ix_assistant_examples_document", "document_id"),
    )


def _record_table(name: str, *, case_scoped: bool) -> Table:
    case_fk: list[Any] = [ForeignKey("cases.id", ondelete="CASCADE")] if case_scoped else []
    return Table(
        name,
        Base.metadata,
        Column("id", Uuid, primary_key=True),
        Column("centre_id", Uuid, ForeignKey("centres.id"), nullable=False),
        Column("case_id", Uuid, *case_fk, nullable=True),
        Column("kind", String(64), nullable=True),
        Column("sort_key", String(200), nullable=True),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("version", Integer, nullable=False),
        Column("data", JSON, nullable=False),
        Index(f"ix_{name}_centre_case", "centre_id", "case_id", "created_at"),
    )


#: name -> whether rows belong to a case. The migration 0400 creates the same tables
#: (0740 the centre profiles).
ADVICE_TABLES: dict[str, bool] = {
    "advice_creditors": False,
    "advice_debts": True,
    "advice_facts": True,
    "advice_budgets": True,
    "advice_appraisals": True,
    "advice_offer_plans": True,
    "advice_records": True,
    "advice_letter_templates": False,
    "advice_letters": True,
    "advice_reference": False,
    "centre_profiles": False,  # migration 0740
}

#: The casework records (issue 11); the migration 0720 creates the same tables.
CASEWORK_TABLES: dict[str, bool] = {
    "casework_contacts": True,
    "casework_checklists": True,
    "casework_screenings": True,
    "casework_credit_reports": True,
    "casework_eligibility": True,
    "casework_settlements": True,  # migration 1120 (CR-19)
    "casework_complaints": True,  # migration 1120 (CR-24)
    "casework_breathing_spaces": True,  # migration 1760 (CR-15…CR-17)
}

#: The privacy registers (migration 1121): data-subject requests and legal holds, kept
#: apart from any case (a request outlives the client's erasure; a hold has no foreign
#: key, so the eraser's ``case_id`` sweep removes a released hold with its case).
PRIVACY_TABLES: dict[str, bool] = {
    "privacy_requests": False,
    "privacy_legal_holds": False,
}

TABLES: dict[str, Table] = {
    name: _record_table(name, case_scoped=scoped)
    for name, scoped in (ADVICE_TABLES | CASEWORK_TABLES | PRIVACY_TABLES).items()
}
# A debt's ``sort_key`` is the blind index of its creditor's id (``debts.CREDITOR_INDEX``,
# for a debt with a reference): the centre's debts owed to one creditor, found without
# opening the others, and no creditor readable from it (migration 2110).
Index(
    "ix_advice_debts_centre_creditor",
    TABLES["advice_debts"].c.centre_id,
    TABLES["advice_debts"].c.sort_key,
)


class CaseListEntryRow(Base):
    """The case list's read model (migration 1620, ``cma_core.readmodels``): one row per
    case, rewritten by the ``case_list`` projection; derived data, no foreign keys (a
    rebuild fills it again). ``client_name_enc`` is the client's display name sealed with
    the centre's data key, bound to this table and the case id, as the clients' columns are.
    The case eraser's ``case_id`` sweep removes a row with its case."""

    __tablename__ = "case_list_rows"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    reference: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    close_reason: Mapped[str | None] = mapped_column(String(32))
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    client_name_enc: Mapped[str | None] = mapped_column(Text)
    adviser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    opened_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]
    case_version: Mapped[int] = mapped_column(Integer)
    next_deadline: Mapped[dt.date | None] = mapped_column(Date)
    open_tasks: Mapped[int] = mapped_column(Integer)
    failing: Mapped[int] = mapped_column(Integer)
    findings: Mapped[dict[str, Any]] = mapped_column(JSON)
    last_activity_at: Mapped[dt.datetime]
    as_of: Mapped[dt.datetime]
    __table_args__ = (
        Index("ix_case_list_rows_opened", "centre_id", "opened_at", "case_id"),
        Index("ix_case_list_rows_adviser", "centre_id", "adviser_id", "opened_at", "case_id"),
        Index("ix_case_list_rows_status", "centre_id", "status", "opened_at", "case_id"),
        Index("ix_case_list_rows_client", "centre_id", "client_id"),
        # The page's total (count(*) of the centre's rows) reads this one: the narrowest.
        Index("ix_case_list_rows_centre", "centre_id"),
    )


class CaseListCountRow(Base):
    """How many case list rows a centre has per (status, adviser) (migration 2050): what
    the list's ``total`` sums instead of counting the centre's rows. Kept by the case list
    adapter in the transaction that writes the rows (its changes summed per key and applied
    at commit, in key order), rebuilt from the rows by ``cma projections rebuild``.
    ``adviser_key`` is the adviser's id in 32 hex digits, ``""`` for none (a key column)."""

    __tablename__ = "case_list_counts"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    adviser_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class TimelineEntryRow(Base):
    """A case's timeline (migration 1980, ``cma_core.readmodels.timeline``): one row per
    entry, a case's rows rewritten whole by the ``case_timeline`` projection; derived data,
    no foreign keys (a rebuild fills it again). ``detail_enc`` is the record's own words
    (a note's body, a filename) sealed with the centre's data key, bound to this table and
    the entry id; ``title`` is fixed wording. The case eraser's ``case_id`` sweep removes a
    case's rows with it."""

    __tablename__ = "case_timeline_entries"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    kind: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[dt.datetime]
    subject_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(120))
    detail_enc: Mapped[str | None] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean)
    __table_args__ = (
        Index("ix_case_timeline_entries_at", "centre_id", "case_id", "at", "entry_id"),
        Index("ix_case_timeline_entries_client", "centre_id", "client_id"),
    )


class WorkItemRow(Base):
    """Each user's work queue (migration 1981, ``cma_core.readmodels.workqueue``): one row
    per item, a scope's rows (a case's, or a free-standing task's) rewritten whole by the
    ``work_queue`` projection; derived data, no foreign keys. No personal data beyond a
    task's own title (stored in clear in ``tasks`` too). The case eraser's ``case_id``
    sweep removes a case's rows with it."""

    __tablename__ = "work_queue_items"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    scope_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    section: Mapped[str] = mapped_column(String(16), primary_key=True)
    item_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    at: Mapped[dt.datetime]
    title: Mapped[str] = mapped_column(String(300))
    label: Mapped[str | None] = mapped_column(String(64))
    #: A task's kind, due time and version (migration 2020); null for other sections.
    kind: Mapped[str | None] = mapped_column(String(32))
    due_at: Mapped[dt.datetime | None]
    version: Mapped[int | None]
    #: The case's reference (migration 2090); null for a free-standing task.
    case_reference: Mapped[str | None] = mapped_column(String(32))
    #: A suggestion's values to check (migration 2161); null for other sections.
    to_check: Mapped[int | None] = mapped_column(SmallInteger)
    __table_args__ = (
        Index("ix_work_queue_items_user", "centre_id", "user_id", "at", "item_id"),
        Index("ix_work_queue_items_case", "centre_id", "case_id"),
    )


#: Tables whose rows belong to one centre (Row Level Security applies to each).
TENANT_TABLES = tuple(t.name for t in Base.metadata.sorted_tables if "centre_id" in t.c)


class ClientLookupTermRow(Base):
    """One keyed blind index of a client's look-up term (migration 0701): HMAC-SHA256 under
    the index key of data key ``key_version``. Neither the term nor its kind is stored
    (docs/CLIENT-LOOKUP.md)."""

    __tablename__ = "client_lookup_terms"
    client_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"))
    key_version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_client_lookup_terms_centre_digest", "centre_id", "digest"),)


class ImportRefRow(Base):
    """Which record a back-office import made from another system's id (migration 1640):
    ``cma import csv`` skips a row whose ``external_id`` is here, so a re-run imports
    nothing twice. Exactly one of ``client_id``, ``case_id`` and ``debt_id`` is set; each
    cascades, so erasing the record erases its external id too."""

    __tablename__ = "import_refs"
    centre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("centres.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("clients.id", ondelete="CASCADE"), nullable=True
    )
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("cases.id", ondelete="CASCADE"), nullable=True
    )
    debt_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("advice_debts.id", ondelete="CASCADE"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
