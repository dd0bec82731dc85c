"""Queries and writes for classifications and registrar corrections.

Functions take an open session (from `Store.transaction()` or `Store.read()`)
and return plain values (`StoredClassification`, `Correction`); what a
classification *is* stays the pure classifier's job. Only portable SQL.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from recordkeeper.model import Classification, Correction, PersonalDataFindings
from recordkeeper.store import bulk, reads
from recordkeeper.store.tables import DocumentRow, ExtractionRow
from recordkeeper.store.tables_classify import ClassificationCorrectionRow, ClassificationRow

PRESENT = "present"


@dataclass(frozen=True, slots=True)
class StoredClassification:
    """A document's current classification as stored, with when and under which rules."""

    document_id: str
    sha256: str | None
    classification: Classification
    rules_hash: str
    classified_at: datetime
    error_reason: str | None = None

    @property
    def doc_class(self) -> str:
        return self.classification.doc_class


def _value(row: ClassificationRow | _Stored) -> StoredClassification:
    return StoredClassification(
        document_id=row.document_id,
        sha256=row.sha256,
        classification=Classification(
            doc_class=row.doc_class,
            is_draft=row.is_draft,
            must_register=row.must_register,
            personal_data=row.personal_data,
            confidence=row.confidence,
            reasons=tuple(json.loads(row.reasons)),
            needs_review=row.needs_review,
            personal_data_findings=PersonalDataFindings(json.loads(row.personal_data_kinds)),
            corrected=row.corrected,
        ),
        rules_hash=row.rules_hash,
        classified_at=row.classified_at,
        error_reason=row.error_reason,
    )


def _same(row: ClassificationRow, c: Classification, sha256: str | None) -> bool:
    """Whether the stored row already says what `c` says (for audit-worthy changes)."""
    return (
        row.sha256 == sha256
        and row.doc_class == c.doc_class
        and row.is_draft == c.is_draft
        and row.must_register == c.must_register
        and row.personal_data == c.personal_data
        and row.corrected == c.corrected
    )


# json.dumps(value, sort_keys=True) without making an encoder for each call
_sorted_json = json.JSONEncoder(sort_keys=True).encode


def _reasons_json(reasons: Sequence[str]) -> str:
    """json.dumps(list(reasons)), memoised: the documents of a share share their reasons."""
    try:
        return _reasons_text(reasons)
    except TypeError:  # not hashable (a list)
        return json.dumps(list(reasons))


@functools.lru_cache(maxsize=4096)
def _reasons_text(reasons: tuple[str, ...]) -> str:
    return json.dumps(list(reasons))


def _kinds_json(counts: Mapping[str, int]) -> str:
    """_sorted_json(dict(counts)); most documents have none, the others share a few
    (memoised for text keys and int counts: 1 == True, 1 == 1.0 are written apart)."""
    if not counts:
        return "{}"
    items = tuple(counts.items())
    for key, value in items:
        if type(key) is not str or type(value) is not int:
            return _sorted_json(dict(items))
    return _kinds_text(items)


@functools.lru_cache(maxsize=1024)
def _kinds_text(items: tuple[tuple[str, int], ...]) -> str:
    return _sorted_json(dict(items))


def save_classification(
    session: Session,
    document_id: str,
    sha256: str | None,
    c: Classification,
    *,
    rules_hash: str,
    at: datetime,
    error_reason: str | None = None,
    existing: dict[str, ClassificationRow] | None = None,
    inserts: list[dict[str, Any]] | None = None,
) -> bool:
    """Insert or replace the document's classification; True when its meaning changed.

    `existing` (from `classification_rows`) saves a query per document in a batch.
    With `inserts`, a document that has no row yet gets its row's values appended
    there instead of an ORM object; the caller writes them with
    `insert_classifications` (one statement for the batch).
    """
    row = existing.get(document_id) if existing is not None else None
    if existing is None:
        row = session.get(ClassificationRow, document_id)
    changed = row is None or not _same(row, c, sha256)
    values = {
        "document_id": document_id,
        "sha256": sha256,
        "doc_class": c.doc_class,
        "is_draft": c.is_draft,
        "must_register": c.must_register,
        "personal_data": c.personal_data,
        "confidence": c.confidence,
        "needs_review": c.needs_review,
        "corrected": c.corrected,
        "reasons": _reasons_json(c.reasons),
        "personal_data_kinds": _kinds_json(c.personal_data_findings.counts),
        "error_reason": error_reason,
        "rules_hash": rules_hash,
        "classified_at": at,
    }
    if row is None and inserts is not None:
        inserts.append(values)
        return changed
    del values["document_id"]
    if row is None:
        row = ClassificationRow(document_id=document_id)
        session.add(row)
    for key, value in values.items():
        setattr(row, key, value)
    if existing is not None:
        existing[document_id] = row
    return changed


def insert_classifications(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Write the rows `save_classification` collected in `inserts` (one statement)."""
    bulk.insert_many(session, ClassificationRow, rows)


def _chunks(values: Sequence[str], size: int = 500) -> list[list[str]]:
    unique = sorted(set(values))
    return [unique[i : i + size] for i in range(0, len(unique), size)]


_CLASSIFIED = select(ClassificationRow.document_id).where(
    ClassificationRow.document_id.in_(bindparam("ids", expanding=True))
)


def classification_rows(
    session: Session, document_ids: Sequence[str]
) -> dict[str, ClassificationRow]:
    """The classification rows of these documents, as ORM objects (to update them);
    first asks which exist (documents just ingested have none)."""
    out: dict[str, ClassificationRow] = {}
    for chunk in _chunks(document_ids):
        found = [doc for (doc,) in reads.select_rows(session, _CLASSIFIED, {"ids": chunk})]
        if not found:
            continue
        rows = session.execute(
            select(ClassificationRow).where(ClassificationRow.document_id.in_(found))
        ).scalars()
        out.update((row.document_id, row) for row in rows)
    return out


class PresentDocument(NamedTuple):
    """What classifying a document needs of its row (columns, not an ORM object)."""

    id: str
    path: str
    project: str | None
    current_sha256: str | None
    error_reason: str | None
    size: int | None
    root: str


# the state is compared here, not in SQL: with `state = 'present'` beside the IN list
# SQLite took the state index and read every present document (a whole root per batch)
_DOCUMENTS = (
    select(
        DocumentRow.id, DocumentRow.path, DocumentRow.project, DocumentRow.current_sha256,
        DocumentRow.error_reason, DocumentRow.size, DocumentRow.root, DocumentRow.state,
    )
    .where(DocumentRow.id.in_(bindparam("ids", expanding=True)))
    .order_by(DocumentRow.id)
)  # fmt: skip


def present_documents(session: Session, document_ids: Sequence[str]) -> list[PresentDocument]:
    """The present ones of these documents, by id."""
    out: list[PresentDocument] = []
    for chunk in _chunks(document_ids):
        rows = reads.select_rows(session, _DOCUMENTS, {"ids": chunk})
        out += (PresentDocument(*row[:7]) for row in rows if row[7] == PRESENT)
    return out


class CachedExtraction(NamedTuple):
    """What classifying reads of a stored extraction (columns of its row)."""

    sha256: str
    facts: bytes | None
    error_reason: str | None


_EXTRACTIONS = select(ExtractionRow.sha256, ExtractionRow.facts, ExtractionRow.error_reason).where(
    ExtractionRow.sha256.in_(bindparam("shas", expanding=True))
)


def extractions(session: Session, shas: Sequence[str]) -> dict[str, CachedExtraction]:
    """content hash -> its stored extraction, for those of `shas` that have one."""
    out: dict[str, CachedExtraction] = {}
    for chunk in _chunks(shas):
        for row in reads.select_rows(session, _EXTRACTIONS, {"shas": chunk}):
            out[row[0]] = CachedExtraction(*row)
    return out


class _CorrectionValues(Protocol):
    @property
    def doc_class(self) -> str | None: ...
    @property
    def is_draft(self) -> bool | None: ...
    @property
    def not_official(self) -> bool | None: ...


class _Correction(NamedTuple):
    """A correction row's values (`corrections_for_many` reads columns, not objects)."""

    document_id: str
    sha256: str | None
    doc_class: str | None
    is_draft: bool | None
    not_official: bool | None


def _merge(rows: Sequence[_CorrectionValues]) -> Correction:
    merged = Correction()
    for row in rows:  # oldest first: later rows overwrite
        merged = Correction(
            doc_class=row.doc_class if row.doc_class is not None else merged.doc_class,
            is_draft=row.is_draft if row.is_draft is not None else merged.is_draft,
            not_official=row.not_official if row.not_official is not None else merged.not_official,
        )
    return merged


_C = ClassificationCorrectionRow
_CORRECTIONS = select(_C.document_id, _C.sha256, _C.doc_class, _C.is_draft, _C.not_official)
_CORRECTIONS_OF = _CORRECTIONS.where(
    or_(
        _C.document_id.in_(bindparam("ids", expanding=True)),
        _C.sha256.in_(bindparam("shas", expanding=True)),
    )
).order_by(_C.created_at, _C.id)
_CORRECTIONS_OF_DOCUMENTS = _CORRECTIONS.where(
    _C.document_id.in_(bindparam("ids", expanding=True))
).order_by(_C.created_at, _C.id)
_CORRECTIONS_OF_CONTENT = _CORRECTIONS.where(
    _C.sha256.in_(bindparam("shas", expanding=True))
).order_by(_C.created_at, _C.id)


_ANY_CORRECTION = select(_C.id).limit(1)


def corrections_for_many(
    session: Session, documents: Sequence[tuple[str, str | None]]
) -> dict[str, Correction]:
    """`correction_for` for many (document id, sha256) pairs: one query for a batch
    of up to 500 documents (corrections by id or by content), else two per 500;
    none when there is no correction at all (most of the time: a cheaper query)."""
    if not documents or not reads.select_rows(session, _ANY_CORRECTION, {}):
        return {}
    by_doc: dict[str, list[_Correction]] = {}
    by_sha: dict[str, list[_Correction]] = {}
    ids, shas = _chunks([d for d, _ in documents]), _chunks([s for _, s in documents if s])
    if len(ids) <= 1 and len(shas) <= 1:
        wanted_ids, wanted_shas = set(ids[0] if ids else ()), set(shas[0] if shas else ())
        if ids or shas:
            params = {"ids": ids[0] if ids else [], "shas": shas[0] if shas else []}
            for row in reads.select_rows(session, _CORRECTIONS_OF, params):  # oldest first
                correction = _Correction(*row)
                if correction.document_id in wanted_ids:
                    by_doc.setdefault(correction.document_id, []).append(correction)
                if correction.sha256 in wanted_shas:
                    by_sha.setdefault(correction.sha256 or "", []).append(correction)
    else:
        for chunk in ids:
            for row in reads.select_rows(session, _CORRECTIONS_OF_DOCUMENTS, {"ids": chunk}):
                correction = _Correction(*row)
                by_doc.setdefault(correction.document_id, []).append(correction)
        for chunk in shas:
            for row in reads.select_rows(session, _CORRECTIONS_OF_CONTENT, {"shas": chunk}):
                correction = _Correction(*row)
                by_sha.setdefault(correction.sha256 or "", []).append(correction)
    out: dict[str, Correction] = {}
    for document_id, sha in documents:
        rows = by_doc.get(document_id) or (by_sha.get(sha, []) if sha else [])
        if rows:
            out[document_id] = _merge(rows)
    return out


class _Stored(NamedTuple):
    """A classification row's columns (`classifications_of` reads columns, not objects)."""

    document_id: str
    sha256: str | None
    doc_class: str
    is_draft: bool
    must_register: bool
    personal_data: bool
    confidence: float
    needs_review: bool
    corrected: bool
    reasons: str
    personal_data_kinds: str
    error_reason: str | None
    rules_hash: str
    classified_at: datetime


_CLASSIFICATIONS = select(*(ClassificationRow.__table__.c[name] for name in _Stored._fields)).where(
    ClassificationRow.document_id.in_(bindparam("ids", expanding=True))
)


def get_classification(session: Session, document_id: str) -> StoredClassification | None:
    row = session.get(ClassificationRow, document_id)
    return None if row is None else _value(row)


def classifications_of(
    session: Session, document_ids: Sequence[str]
) -> dict[str, StoredClassification]:
    """document id -> its stored classification, for those of `document_ids` that have one."""
    out: dict[str, StoredClassification] = {}
    for chunk in _chunks(document_ids):
        for row in reads.select_rows(session, _CLASSIFICATIONS, {"ids": chunk}):
            out[row[0]] = _value(_Stored(*row))
    return out


# the root and the state are compared by the caller, not in SQL: with `root = ? AND state
# = ?` beside the project list SQLite took the (root, state) index and read every present
# document of the root for each chunk an ingest stores (as `_DOCUMENTS` above); by the
# projects alone it takes the project index and reads only their documents (issue #3)
_TEXTLESS_IN_PROJECTS = (
    select(
        DocumentRow.root,
        DocumentRow.state,
        DocumentRow.path,
        *(ClassificationRow.__table__.c[name] for name in _Stored._fields),
    )
    .join(ClassificationRow, ClassificationRow.document_id == DocumentRow.id)
    .where(
        DocumentRow.project.in_(bindparam("projects", expanding=True)),
        ClassificationRow.reasons.like(bindparam("like")),
    )
    .order_by(DocumentRow.id)
)


def textless_in_projects(
    session: Session, root: str, projects: Sequence[str]
) -> list[tuple[str, StoredClassification]]:
    """(path, classification) of the present documents of these projects of a root whose
    stored reasons hold a `textless:` signal (the unread scans among them; the reasons
    are JSON text, so LIKE may also match a few others: the caller checks)."""
    out: list[tuple[str, StoredClassification]] = []
    for chunk in _chunks(projects):
        params = {"projects": chunk, "like": "%textless:%"}
        for doc_root, state, path, *row in reads.select_rows(
            session, _TEXTLESS_IN_PROJECTS, params
        ):
            if doc_root == root and state == PRESENT:
                out.append((path, _value(_Stored(*row))))
    return out


def classifications_in_project(
    session: Session, project: str | None, *, present_only: bool = True
) -> dict[str, StoredClassification]:
    """document id -> classification for the documents of one project folder."""
    query = (
        select(ClassificationRow)
        .join(DocumentRow, DocumentRow.id == ClassificationRow.document_id)
        .where(
            DocumentRow.project == project if project is not None else DocumentRow.project.is_(None)
        )
    )
    if present_only:
        query = query.where(DocumentRow.state == PRESENT)
    return {row.document_id: _value(row) for row in session.execute(query).scalars()}


def add_correction(
    session: Session,
    document_id: str,
    sha256: str | None,
    correction: Correction,
    *,
    actor: str,
    at: datetime,
) -> None:
    session.add(
        ClassificationCorrectionRow(
            document_id=document_id,
            sha256=sha256,
            doc_class=correction.doc_class,
            is_draft=correction.is_draft,
            not_official=correction.not_official,
            actor=actor,
            created_at=at,
        )
    )
    session.flush()


def correction_for(session: Session, document_id: str, sha256: str | None) -> Correction | None:
    """The merged correction of a document: its own first, else one made on the same content.

    Within the chosen history the newest value of each field wins.
    """
    rows = _correction_rows(session, ClassificationCorrectionRow.document_id == document_id)
    if not rows and sha256:
        rows = _correction_rows(session, ClassificationCorrectionRow.sha256 == sha256)
    return _merge(rows) if rows else None


def _correction_rows(session: Session, condition: object) -> list[ClassificationCorrectionRow]:
    query = (
        select(ClassificationCorrectionRow)
        .where(condition)  # type: ignore[arg-type]
        .order_by(ClassificationCorrectionRow.created_at, ClassificationCorrectionRow.id)
    )
    return list(session.execute(query).scalars())


def stale_documents(session: Session, rules_hash: str, limit: int) -> list[DocumentRow]:
    """Present documents never classified, classified under other rules, or for older content."""
    query = (
        select(DocumentRow)
        .outerjoin(ClassificationRow, ClassificationRow.document_id == DocumentRow.id)
        .where(DocumentRow.state == PRESENT)
        .where(
            or_(
                ClassificationRow.document_id.is_(None),
                ClassificationRow.rules_hash != rules_hash,
                ClassificationRow.sha256.is_distinct_from(DocumentRow.current_sha256),
            )
        )
        .order_by(DocumentRow.id)
        .limit(limit)
    )
    return list(session.execute(query).scalars())
