"""Tables of retention: deadlines, proposals and their items, approvals, holds, tombstones.

A tombstone is kept for ever and holds identifiers, hashes, rule, basis,
decision and dates only: never names, paths or content.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class RetentionDeadlineRow(Base):
    """The current deadline of one document (recomputed when facts or rules change)."""

    __tablename__ = "retention_deadlines"

    document_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    project: Mapped[str | None] = mapped_column(String(400))
    rule_id: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    basis: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False)
    doc_class: Mapped[str | None] = mapped_column(String(64))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_retention_deadlines_due", "due_on", "action"),)


class ProjectEventRow(Base):
    """Project-level facts retention counts from, e.g. the date a project was closed."""

    __tablename__ = "project_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project: Mapped[str] = mapped_column(String(400), index=True)
    event: Mapped[str] = mapped_column(String(32))  # closed | reopened
    on: Mapped[date] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProposalRow(Base):
    """A destruction proposal: one project, one rule, one action."""

    __tablename__ = "retention_proposals"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    project: Mapped[str | None] = mapped_column(String(400), index=True)
    rule_id: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    basis: Mapped[str] = mapped_column(Text)
    # awaiting | approved | rejected | quarantined | done | stopped
    state: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quarantined_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purge_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    stop_reason: Mapped[str | None] = mapped_column(String(64))


class ProposalItemRow(Base):
    """One document in a proposal, with the content hash the approvers saw."""

    __tablename__ = "retention_proposal_items"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("retention_proposals.id"), primary_key=True)
    document_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    doc_class: Mapped[str | None] = mapped_column(String(64))
    # proposed | quarantined | deleted | pd_deleted | changed | missing | held | restored
    state: Mapped[str] = mapped_column(String(16))
    quarantine_name: Mapped[str | None] = mapped_column(String(200))
    original_root: Mapped[str | None] = mapped_column(String(200))
    original_path: Mapped[str | None] = mapped_column(Text)


class ApprovalRow(Base):
    __tablename__ = "retention_approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    proposal_id: Mapped[str] = mapped_column(ForeignKey("retention_proposals.id"), index=True)
    user: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    approve: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class HoldRow(Base):
    """A legal hold on one document or a whole project; blocks proposals and execution."""

    __tablename__ = "legal_holds"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    document_id: Mapped[str | None] = mapped_column(String(32), index=True)
    project: Mapped[str | None] = mapped_column(String(400), index=True)
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lifted_by: Mapped[str | None] = mapped_column(String(100))
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TombstoneRow(Base):
    """What remains of a destroyed document, for ever."""

    __tablename__ = "tombstones"

    document_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    doc_class: Mapped[str | None] = mapped_column(String(64))
    project: Mapped[str | None] = mapped_column(String(400))
    rule_id: Mapped[str] = mapped_column(String(100))
    basis: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    proposal_id: Mapped[str] = mapped_column(String(32))
    approvers: Mapped[str] = mapped_column(Text)  # JSON list of user ids
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    quarantined_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SubjectTokenRow(Base):
    """A keyed hash of one identifier found in one content version (no clear values)."""

    __tablename__ = "subject_tokens"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    token: Mapped[str] = mapped_column(String(64), primary_key=True)

    __table_args__ = (Index("ix_subject_tokens_token", "token"),)


class SubjectRequestRow(Base):
    """A data subject's request (art. 15 access / art. 17 erasure) and our answer."""

    __tablename__ = "subject_requests"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # access | erasure
    subject_kind: Mapped[str] = mapped_column(String(16))  # pnr | email | name
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answer: Mapped[str] = mapped_column(Text)  # JSON: per document id, outcome and rule
