"""Read use cases about one document: its facts, versions and audit history."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from recordkeeper.services.context import Context
from recordkeeper.store.tables import AuditEntryRow, DocumentRow, VersionRow


@dataclass(frozen=True)
class HistoryEntry:
    index: int
    event: str
    at: str
    actor: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentDetail:
    id: str
    root: str
    path: str
    project: str | None
    state: str
    first_seen_at: datetime
    sha256: str | None
    versions: tuple[tuple[str, int, datetime], ...]
    history: tuple[HistoryEntry, ...]


def document_detail(ctx: Context, document_id: str) -> DocumentDetail | None:
    """Everything shown on a document's page, or None when the id is unknown."""
    with ctx.store.read() as session:
        doc = session.get(DocumentRow, document_id)
        if doc is None:
            return None
        versions = tuple(
            (v.sha256, v.size, v.seen_at)
            for v in session.execute(
                select(VersionRow)
                .where(VersionRow.document_id == document_id)
                .order_by(VersionRow.id)
            ).scalars()
        )
        entries = []
        for row in session.execute(
            select(AuditEntryRow)
            .where(AuditEntryRow.document_id == document_id)
            .order_by(AuditEntryRow.idx)
        ).scalars():
            leaf = json.loads(row.leaf)
            entries.append(
                HistoryEntry(
                    row.idx,
                    row.event,
                    leaf.get("at", ""),
                    leaf.get("actor", ""),
                    leaf.get("data", {}),
                )
            )
        return DocumentDetail(
            doc.id,
            doc.root,
            doc.path,
            doc.project,
            doc.state,
            doc.first_seen_at,
            doc.current_sha256,
            versions,
            tuple(entries),
        )


def document_preview(ctx: Context, document_id: str, chars: int = 600) -> str | None:
    """The first characters of a document's extracted text, for a person's eyes only."""
    from recordkeeper.ingest.extract.codec import loads
    from recordkeeper.model import DocumentFacts
    from recordkeeper.store.tables import ExtractionRow

    with ctx.store.read() as session:
        doc = session.get(DocumentRow, document_id)
        if doc is None or doc.current_sha256 is None:
            return None
        row = session.get(ExtractionRow, doc.current_sha256)
        if row is None or row.facts is None:
            return None
    facts = loads(row.facts)
    if not isinstance(facts, DocumentFacts):
        return None
    text = " ".join(facts.text.split())
    return text[:chars] + ("…" if len(text) > chars else "")
