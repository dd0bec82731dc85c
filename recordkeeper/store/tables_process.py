"""Tables of the process check: each project's latest step statuses and its warnings.

No names here: a warning about people is stored as its rule id, code and how
many people it concerns; the names are recomputed from the documents when a
project lead looks (services/process_status.py). Keys and messages are
rendered at read time, in the reader's language.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class ProcessStatusRow(Base):
    """The latest evaluation of one project folder."""

    __tablename__ = "process_status"

    project: Mapped[str] = mapped_column(String(400), primary_key=True)
    rules_id: Mapped[str] = mapped_column(String(100))
    variant: Mapped[str | None] = mapped_column(String(32))
    current_step: Mapped[str | None] = mapped_column(String(64))
    steps: Mapped[str] = mapped_column(Text)  # JSON [[step id, status], ...] in rule order
    evaluated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProcessWarningRow(Base):
    """One warning for a project lead, from when it was raised until it was resolved."""

    __tablename__ = "process_warnings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project: Mapped[str] = mapped_column(String(400))
    step_id: Mapped[str | None] = mapped_column(String(64))
    rule_id: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    count: Mapped[int] = mapped_column(Integer)  # people or occurrences it concerns
    params: Mapped[str] = mapped_column(Text)  # JSON of name-free message parameters
    state: Mapped[str] = mapped_column(String(16))  # open | resolved
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_process_warnings_project_state", "project", "state"),)
