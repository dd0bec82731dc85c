"""Gather what retention needs about documents from what other stages stored.

Class, draft flag and personal data come from classification (with registrar
corrections); the registration date and "not an official document" answers
from registration; the project's closing date from project events. Reading
only, in bulk: 100k documents in a few queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from recordkeeper.retention import RetentionFacts
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_classify import ClassificationCorrectionRow, ClassificationRow
from recordkeeper.store.tables_registry import RegistryPromptRow
from recordkeeper.store.tables_retention import ProjectEventRow

_CHUNK = 900  # stays under SQLite's bound-parameter limit


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def project_closures(session: Session) -> dict[str, date]:
    """project -> closing date, for projects whose latest event is a closure."""
    closed: dict[str, date | None] = {}
    for row in session.execute(select(ProjectEventRow).order_by(ProjectEventRow.id)).scalars():
        closed[row.project] = row.on if row.event == "closed" else None
    return {project: on for project, on in closed.items() if on is not None}


def _mtime_date(mtime_ns: int | None) -> date | None:
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC).date() if mtime_ns else None


def collect_facts(
    session: Session, document_ids: Sequence[str] | None = None
) -> list[RetentionFacts]:
    """RetentionFacts for present, classified documents (all, or the given ids)."""
    query = (
        select(DocumentRow, ClassificationRow)
        .join(ClassificationRow, ClassificationRow.document_id == DocumentRow.id)
        .where(DocumentRow.state == "present")
    )
    pairs: list[tuple[DocumentRow, ClassificationRow]] = []
    if document_ids is None:
        pairs = [(d, c) for d, c in session.execute(query).all()]
    else:
        for chunk in _chunks(list(document_ids)):
            pairs.extend(
                (d, c) for d, c in session.execute(query.where(DocumentRow.id.in_(chunk))).all()
            )
    ids = [d.id for d, _ in pairs]
    registered: dict[str, date] = {}
    dismissed: set[str] = set()
    not_official: dict[str, bool] = {}
    for chunk in _chunks(ids):
        for p in session.execute(
            select(RegistryPromptRow).where(RegistryPromptRow.document_id.in_(chunk))
        ).scalars():
            if p.status == "registered" and p.answered_at is not None:
                registered[p.document_id] = p.answered_at.date()
            elif p.status == "dismissed":
                dismissed.add(p.document_id)
        for c in session.execute(
            select(ClassificationCorrectionRow)
            .where(
                ClassificationCorrectionRow.document_id.in_(chunk),
                ClassificationCorrectionRow.not_official.is_not(None),
            )
            .order_by(ClassificationCorrectionRow.id)
        ).scalars():
            not_official[c.document_id] = bool(c.not_official)
    closures = project_closures(session)
    return [
        RetentionFacts(
            document_id=doc.id,
            doc_class=cls.doc_class,
            is_official=not cls.is_draft
            and not not_official.get(doc.id, False)
            and (doc.id in registered or doc.id not in dismissed),
            project=doc.project,
            personal_data=cls.personal_data,
            document_on=doc.first_seen_at.date(),
            registered_on=registered.get(doc.id),
            last_change_on=_mtime_date(doc.mtime_ns) or doc.last_seen_at.date(),
            project_closed_on=closures.get(doc.project or ""),
        )
        for doc, cls in pairs
    ]
