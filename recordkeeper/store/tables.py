"""Declarative ORM tables (rows, not domain objects).

Core tables live here; each feature keeps its tables in its own module
(`tables_<feature>.py`) imported at the bottom, so `Base.metadata` is whole.
Only portable SQL: everything must run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from recordkeeper.store.types import UTCDateTime


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    """One document: a file identity that survives renames and moves.

    `path` is relative to its root (POSIX); a gone document keeps its last path.
    A copy in two places is two documents sharing `current_sha256`.
    """

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # active_history: the folder digests' guard needs a moved document's old folder
    root: Mapped[str] = mapped_column(String(200), active_history=True)
    path: Mapped[str] = mapped_column(Text, active_history=True)
    project: Mapped[str | None] = mapped_column(String(400))
    state: Mapped[str] = mapped_column(String(16))  # present | gone | ignored
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    gone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    current_sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    mtime_ns: Mapped[int | None] = mapped_column(BigInteger)
    inode: Mapped[int | None] = mapped_column(BigInteger)
    error_reason: Mapped[str | None] = mapped_column(String(32))
    error_detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_documents_root_path", "root", "path"),
        Index("ix_documents_sha256", "current_sha256"),
        Index("ix_documents_project", "project"),
        Index("ix_documents_state", "state"),
        # a rescan counts a root's present documents (store.folder_digests.count_present)
        Index("ix_documents_root_state", "root", "state"),
    )


class VersionRow(Base):
    """One content version of a document (a new SHA-256 is a new version)."""

    __tablename__ = "versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger, index=True)  # ingest: known content?
    mtime_ns: Mapped[int | None] = mapped_column(BigInteger)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ExtractionRow(Base):
    """Extracted facts per content hash (copies share one row).

    `facts` is compressed JSON (`ingest.extract.codec`); it is a cache of document
    content and is purged together with the last document holding that content (weeding).
    """

    __tablename__ = "extractions"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(16))
    facts: Mapped[bytes | None] = mapped_column(LargeBinary)
    error_reason: Mapped[str | None] = mapped_column(String(32))
    error_detail: Mapped[str | None] = mapped_column(Text)
    extracted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    extractor_version: Mapped[int] = mapped_column(Integer, default=1)


class AuditEntryRow(Base):
    """One leaf of the audit log. `leaf` holds the exact bytes that were hashed."""

    __tablename__ = "audit_entries"

    # on SQLite the rowid (INTEGER PRIMARY KEY: one b-tree an entry, migration audit_0004)
    idx: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=False
    )
    leaf: Mapped[bytes] = mapped_column(LargeBinary)
    # indexed: the key and the document (a document's history); event and project are
    # read only with the leaf, so no index (each cost every entry: migration audit_0003)
    event: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[str | None] = mapped_column(String(32), index=True)
    project_id: Mapped[str | None] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StateRow(Base):
    """Small key/value facts about the service (last scan time, rules hash, ...)."""

    __tablename__ = "service_state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Feature tables register themselves on Base.metadata when imported:
# (one import line per feature module, e.g. `from recordkeeper.store import tables_audit`)
from recordkeeper.store import tables_audit as tables_audit  # noqa: E402
from recordkeeper.store import tables_classify as tables_classify  # noqa: E402
from recordkeeper.store import tables_ingest as tables_ingest  # noqa: E402
from recordkeeper.store import tables_notify as tables_notify  # noqa: E402
from recordkeeper.store import tables_process as tables_process  # noqa: E402
from recordkeeper.store import tables_registry as tables_registry  # noqa: E402
from recordkeeper.store import tables_retention as tables_retention  # noqa: E402
from recordkeeper.store import tables_vault as tables_vault  # noqa: E402
from recordkeeper.store import tables_web as tables_web  # noqa: E402
