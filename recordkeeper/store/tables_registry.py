"""Registration tables (owned by registration): prompts, alerts, the
diarienummer seen per project, and drafts traced in outgoing e-mail.

A prompt row exists per (document, content hash) the registry has judged.
Exactly one row per content hash is the *primary* (`content_key` set, unique):
a copy of the same content elsewhere gets a `linked` row pointing to it, so
duplicates are never prompted twice. Names of senders and recipients are
personal data and are held only as a sealed reference (`counterpart_ref`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class RegistryPromptRow(Base):
    __tablename__ = "registry_prompts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(32))
    sha256: Mapped[str] = mapped_column(String(64))
    content_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    linked_to: Mapped[int | None] = mapped_column(ForeignKey("registry_prompts.id"))
    kind: Mapped[str] = mapped_column(String(16))  # register | new_version
    previous_prompt_id: Mapped[int | None] = mapped_column(Integer)
    project: Mapped[str | None] = mapped_column(String(400))
    doc_class: Mapped[str] = mapped_column(String(64))
    # open | registered | dismissed | reclassified | linked
    status: Mapped[str] = mapped_column(String(16))
    arrived_on: Mapped[date] = mapped_column(Date)
    date_source: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date] = mapped_column(Date)
    direction: Mapped[str] = mapped_column(String(16))
    counterpart_ref: Mapped[str | None] = mapped_column(Text)
    counterpart_source: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    proposed_dnr: Mapped[str | None] = mapped_column(String(64))
    secrecy: Mapped[bool] = mapped_column(Boolean, default=False)
    secrecy_cues: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of cue ids
    secrecy_provisions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{code, values}]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_by: Mapped[str | None] = mapped_column(String(100))
    dnr: Mapped[str | None] = mapped_column(String(64))
    dismiss_code: Mapped[str | None] = mapped_column(String(32))
    dismiss_text: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("document_id", "sha256", name="uq_registry_prompts_doc_sha"),
        Index("ix_registry_prompts_status_due", "status", "due_on"),
        Index("ix_registry_prompts_document", "document_id"),
        Index("ix_registry_prompts_sha256", "sha256"),
    )


class RegistryAlertRow(Base):
    __tablename__ = "registry_alerts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(32))
    prompt_id: Mapped[int | None] = mapped_column(ForeignKey("registry_prompts.id"))
    kind: Mapped[str] = mapped_column(String(32))  # registered_changed | registered_gone | ...
    sha256: Mapped[str] = mapped_column(String(64))
    previous_sha256: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # open | acknowledged
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("document_id", "kind", "sha256", name="uq_registry_alerts_once"),
        Index("ix_registry_alerts_status", "status"),
    )


class RegistryDnrRow(Base):
    """A diarienummer seen in a project: written in a document, or assigned on registration."""

    __tablename__ = "registry_dnrs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project: Mapped[str] = mapped_column(String(400))
    dnr: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))  # text | registered
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint("project", "dnr", "document_id", "source", name="uq_registry_dnrs"),
    )


class RegistrySentRow(Base):
    """An attachment of an e-mail sent from the agency to outside it."""

    __tablename__ = "registry_sent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email_document_id: Mapped[str] = mapped_column(String(32))
    email_sha256: Mapped[str] = mapped_column(String(64))
    project: Mapped[str | None] = mapped_column(String(400))
    attachment_key: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recipients_ref: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("email_sha256", "attachment_key", name="uq_registry_sent"),
        Index("ix_registry_sent_key", "attachment_key"),
    )
