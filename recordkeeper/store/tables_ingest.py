"""Ingest's own tables: links between documents that share content.

A copy in two places is two documents; the link records which one the copy
was first seen beside (the older document holding the same SHA-256).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from recordkeeper.store.tables import Base
from recordkeeper.store.types import UTCDateTime


class DocumentLinkRow(Base):
    """`document_id` was first seen as a `kind` (copy) of `source_document_id`."""

    __tablename__ = "document_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    source_document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # copy
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FolderDigestRow(Base):
    """The last verified listing of one folder's plain files, for cheap rescans.

    `digest` (see `ingest.scan.listing_digest`) is the digest of the folder's
    (name, size, mtime_ns, inode) when a rescan found the store's present
    documents directly in the folder equal to that listing; `files` is their
    number. Any change to a document in the folder sets `digest` to NULL and
    bumps `epoch` in the same transaction (`store.folder_digests`), so a row
    with a digest always describes the store as it is. A rescan writes a digest
    only if `epoch` is still the one it read before loading the documents.
    """

    __tablename__ = "folder_digests"

    root: Mapped[str] = mapped_column(String(200), primary_key=True)
    folder: Mapped[str] = mapped_column(Text, primary_key=True)
    digest: Mapped[str | None] = mapped_column(String(32))
    files: Mapped[int] = mapped_column(Integer)
    epoch: Mapped[int] = mapped_column(Integer)
