"""Tables of classification: the current classification per document, and corrections.

`classifications` holds one row per document (its newest version's class,
draft flag, duties, personal-data kinds and the rules hash it was computed
with). `classification_corrections` keeps every registrar correction for
ever; the newest value of each field wins. No names, paths or text here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class ClassificationRow(Base):
    """The current classification of one document."""

    __tablename__ = "classifications"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    doc_class: Mapped[str] = mapped_column(String(64))
    is_draft: Mapped[bool] = mapped_column(Boolean)
    must_register: Mapped[bool] = mapped_column(Boolean)
    personal_data: Mapped[bool] = mapped_column(Boolean)
    confidence: Mapped[float] = mapped_column(Float)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    corrected: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[str] = mapped_column(Text)  # JSON list of stable reason strings
    personal_data_kinds: Mapped[str] = mapped_column(Text)  # JSON {kind: count}
    error_reason: Mapped[str | None] = mapped_column(String(32))
    rules_hash: Mapped[str] = mapped_column(String(64))
    classified_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # no index beside the primary key: every statement reads a classification by its
    # document's id, and each index cost every insert (migration classify_0002)


class ClassificationCorrectionRow(Base):
    """One registrar correction; None in a field means "no opinion on this field"."""

    __tablename__ = "classification_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    doc_class: Mapped[str | None] = mapped_column(String(64))
    is_draft: Mapped[bool | None] = mapped_column(Boolean)
    not_official: Mapped[bool | None] = mapped_column(Boolean)
    actor: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
