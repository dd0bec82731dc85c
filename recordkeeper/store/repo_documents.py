"""Queries and writes for documents, versions, extractions and copy links.

Functions take an open session (from `Store.transaction()` or `Store.read()`)
and return rows or plain values; deciding what a change *is* (move, version,
copy) is the ingest service's job. Only portable SQL.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from recordkeeper.ingest.scan import stat_key
from recordkeeper.store import reads
from recordkeeper.store.tables import DocumentRow, ExtractionRow, StateRow, VersionRow
from recordkeeper.store.tables_ingest import DocumentLinkRow

PRESENT = "present"
GONE = "gone"
IGNORED = "ignored"

# (size, mtime_ns, inode, error_reason) per path: all a rescan needs to skip unchanged files
KnownStat = tuple[int | None, int | None, int | None, str | None]


def new_document_id() -> str:
    """Opaque random id: says nothing about the file (no path, no time, no name)."""
    return uuid.uuid4().hex


def known_stats(session: Session, root: str) -> dict[str, KnownStat]:
    """path -> (size, mtime_ns, inode, error_reason) of every present document of a root."""
    query = select(
        DocumentRow.path, DocumentRow.size, DocumentRow.mtime_ns, DocumentRow.inode,
        DocumentRow.error_reason,
    ).where(DocumentRow.root == root, DocumentRow.state == PRESENT)  # fmt: skip
    return {
        row[0]: (row[1], row[2], row[3], row[4])
        for row in session.execute(query.execution_options(yield_per=5000))
    }


def known_stat_keys(session: Session, root: str) -> tuple[dict[str, int], dict[str, KnownStat]]:
    """The present documents of a root, for a rescan, in little memory.

    Returns (path -> `stat_key` for documents without an error, path -> full
    stat for those with one). The statement is SQLAlchemy's, the rows are read
    with the driver's own cursor: for 100k rows, Row objects would cost about as
    much as SQLite itself (and a rescan waits for this).
    """
    query = select(
        DocumentRow.path, DocumentRow.size, DocumentRow.mtime_ns, DocumentRow.inode,
        DocumentRow.error_reason,
    ).where(DocumentRow.root == root, DocumentRow.state == PRESENT)  # fmt: skip
    connection = session.connection()
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.construct_params()
    args: Any = (
        [params[name] for name in compiled.positiontup]
        if compiled.positional and compiled.positiontup is not None
        else params
    )
    clean: dict[str, int] = {}
    flagged: dict[str, KnownStat] = {}
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(str(compiled), args)
        while rows := cursor.fetchmany(5000):
            for path, size, mtime_ns, inode, error in rows:
                if error is None:
                    clean[path] = stat_key(size, mtime_ns, inode)
                else:
                    flagged[path] = (size, mtime_ns, inode, error)
    finally:
        cursor.close()
    return clean, flagged


# The queries of each ingest chunk, built once (reads.select_rows runs them): the IN
# lists are the bind parameters "paths", "shas" and "sizes".
_KNOWN_STATS_OF = select(
    DocumentRow.path, DocumentRow.size, DocumentRow.mtime_ns, DocumentRow.inode,
    DocumentRow.error_reason,
).where(
    DocumentRow.root == bindparam("root"),
    DocumentRow.state == PRESENT,
    DocumentRow.path.in_(bindparam("paths", expanding=True)),
)  # fmt: skip
_EXTRACTED = select(ExtractionRow.sha256).where(
    ExtractionRow.sha256.in_(bindparam("shas", expanding=True))
)
_EXTRACTED_BY_SIZE = (
    select(VersionRow.size, VersionRow.sha256)
    .join(ExtractionRow, ExtractionRow.sha256 == VersionRow.sha256)
    .where(VersionRow.size.in_(bindparam("sizes", expanding=True)))
    .distinct()
)
_PATHS_WITH_DOCUMENTS = select(DocumentRow.path).where(
    DocumentRow.root == bindparam("root"), DocumentRow.path.in_(bindparam("paths", expanding=True))
)
_CONTENT_HOLDERS = (
    select(
        DocumentRow.current_sha256, DocumentRow.id, DocumentRow.root, DocumentRow.path,
        DocumentRow.state,
    )
    .where(DocumentRow.current_sha256.in_(bindparam("shas", expanding=True)))
    .order_by(DocumentRow.first_seen_at, DocumentRow.id)
)  # fmt: skip
_EXTRACTION_ERRORS = select(ExtractionRow.sha256, ExtractionRow.error_reason).where(
    ExtractionRow.sha256.in_(bindparam("shas", expanding=True))
)


def _in_500(values: Iterable[Any]) -> Iterator[list[Any]]:
    """The distinct values, sorted, 500 at a time (one IN list each)."""
    unique = sorted(set(values))
    for start in range(0, len(unique), 500):
        yield unique[start : start + 500]


def known_stats_of(session: Session, root: str, paths: Sequence[str]) -> dict[str, KnownStat]:
    """Like `known_stats`, for the given paths only (one query per 500 paths)."""
    found: dict[str, KnownStat] = {}
    for chunk in _in_500(paths):
        rows = reads.select_rows(session, _KNOWN_STATS_OF, {"root": root, "paths": chunk})
        found.update((r[0], (r[1], r[2], r[3], r[4])) for r in rows)
    return found


def present_at(session: Session, root: str, path: str) -> DocumentRow | None:
    return session.execute(
        select(DocumentRow).where(
            DocumentRow.root == root, DocumentRow.path == path, DocumentRow.state == PRESENT
        )
    ).scalar_one_or_none()


def present_under(session: Session, root: str, prefix: str) -> list[DocumentRow]:
    """Present documents at `prefix` or anywhere below it."""
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
    return list(
        session.execute(
            select(DocumentRow).where(
                DocumentRow.root == root,
                DocumentRow.state == PRESENT,
                or_(DocumentRow.path == prefix, DocumentRow.path.like(like, escape="\\")),
            )
        ).scalars()
    )


def gone_at_path(session: Session, root: str, path: str) -> DocumentRow | None:
    """The most recently gone document that last lived at `path`."""
    return (
        session.execute(
            select(DocumentRow)
            .where(DocumentRow.root == root, DocumentRow.path == path, DocumentRow.state == GONE)
            .order_by(DocumentRow.gone_at.desc())
            .limit(1)
        )
        .scalars()
        .first()
    )


def with_content(session: Session, sha256: str) -> list[DocumentRow]:
    """Every document whose current content is `sha256`, oldest first."""
    return list(
        session.execute(
            select(DocumentRow)
            .where(DocumentRow.current_sha256 == sha256)
            .order_by(DocumentRow.first_seen_at, DocumentRow.id)
        ).scalars()
    )


def add_document(session: Session, **values: Any) -> DocumentRow:
    row = DocumentRow(id=new_document_id(), **values)
    session.add(row)
    return row


def add_version(
    session: Session, document_id: str, sha256: str, size: int, mtime_ns: int, at: datetime
) -> None:
    session.add(
        VersionRow(document_id=document_id, sha256=sha256, size=size, mtime_ns=mtime_ns, seen_at=at)
    )


def add_link(session: Session, document_id: str, source_id: str, sha256: str, at: datetime) -> None:
    session.add(
        DocumentLinkRow(
            document_id=document_id,
            source_document_id=source_id,
            kind="copy",
            sha256=sha256,
            created_at=at,
        )
    )


def has_extraction(session: Session, sha256: str) -> bool:
    return session.get(ExtractionRow, sha256) is not None


def extraction_error(session: Session, sha256: str) -> str | None:
    row = session.get(ExtractionRow, sha256)
    return None if row is None else row.error_reason


def save_extraction(
    session: Session,
    sha256: str,
    *,
    kind: str | None,
    facts: bytes | None,
    error_reason: str | None,
    error_detail: str | None,
    at: datetime,
) -> None:
    """Insert the extraction of `sha256` unless another writer already did."""
    if session.get(ExtractionRow, sha256) is not None:
        return
    session.add(
        ExtractionRow(
            sha256=sha256,
            kind=kind,
            facts=facts,
            error_reason=error_reason,
            error_detail=error_detail,
            extracted_at=at,
            extractor_version=1,
        )
    )


def missing_extractions(session: Session, shas: Sequence[str]) -> set[str]:
    """Those of `shas` that have no extraction row yet."""
    found: set[str] = set()
    for chunk in _in_500(shas):
        found.update(sha for (sha,) in reads.select_rows(session, _EXTRACTED, {"shas": chunk}))
    return set(shas) - found


def extracted_by_size(session: Session, sizes: set[int]) -> dict[int, frozenset[str]]:
    """size -> SHA-256 of the stored versions of that size whose content has an
    extraction (content of another size, or another hash, is not known)."""
    found: dict[int, set[str]] = {}
    for chunk in _in_500(sizes):
        for size, sha in reads.select_rows(session, _EXTRACTED_BY_SIZE, {"sizes": chunk}):
            found.setdefault(size, set()).add(sha)
    return {size: frozenset(shas) for size, shas in found.items()}


def paths_with_documents(session: Session, root: str, paths: Sequence[str]) -> set[str]:
    """Those of `paths` under `root` where any document (present, gone or ignored) lives."""
    found: set[str] = set()
    for chunk in _in_500(paths):
        rows = reads.select_rows(session, _PATHS_WITH_DOCUMENTS, {"root": root, "paths": chunk})
        found.update(path for (path,) in rows)
    return found


class Holder(NamedTuple):
    """A document holding some content (for deciding copy, move or return in bulk)."""

    id: str
    root: str
    path: str
    state: str


def content_holders(session: Session, shas: Sequence[str]) -> dict[str, list[Holder]]:
    """sha256 -> the documents (any state) whose current content it is, oldest first."""
    found: dict[str, list[Holder]] = {}
    for chunk in _in_500(shas):
        for sha, *rest in reads.select_rows(session, _CONTENT_HOLDERS, {"shas": chunk}):
            found.setdefault(sha or "", []).append(Holder(*rest))
    return found


_CONTENTS_OF = select(DocumentRow.current_sha256).where(
    DocumentRow.id.in_(bindparam("ids", expanding=True))
)


def contents_of(session: Session, document_ids: Sequence[str]) -> set[str]:
    """The current contents (sha256) of these documents, whatever their state."""
    found: set[str] = set()
    for chunk in _in_500(document_ids):
        found.update(
            sha for (sha,) in reads.select_rows(session, _CONTENTS_OF, {"ids": chunk}) if sha
        )
    return found


# a project's documents are read by the project index, the root and the state compared in
# Python: with `root = ? AND state = ?` in SQL SQLite took the (root, state) index and read
# every present document of the root for each project asked (issue #3). Ordered by id, so
# the callers (the order in which scans are classified again, and their audit entries)
# do not depend on the plan or the database
_PRESENT_IN_PROJECT = (
    select(DocumentRow.id, DocumentRow.path, DocumentRow.root, DocumentRow.state)
    .where(DocumentRow.project == bindparam("project"))
    .order_by(DocumentRow.id)
)
_PRESENT_OUTSIDE_PROJECTS = (
    select(DocumentRow.id, DocumentRow.path)
    .where(
        DocumentRow.root == bindparam("root"),
        DocumentRow.state == PRESENT,
        DocumentRow.project.is_(None),
    )
    .order_by(DocumentRow.id)
)


def present_in_project(session: Session, root: str, project: str | None) -> list[tuple[str, str]]:
    """(id, path) of the present documents of a project of a root (None: those of the
    root outside any project), by id."""
    if project is None:
        return list(reads.select_rows(session, _PRESENT_OUTSIDE_PROJECTS, {"root": root}))
    rows = reads.select_rows(session, _PRESENT_IN_PROJECT, {"project": project})
    return [
        (doc_id, path)
        for doc_id, path, doc_root, state in rows
        if doc_root == root and state == PRESENT
    ]


_PROJECTS_OF = select(DocumentRow.root, DocumentRow.project).where(
    DocumentRow.id.in_(bindparam("ids", expanding=True)), DocumentRow.project.is_not(None)
)


def projects_of(session: Session, document_ids: Sequence[str]) -> set[tuple[str, str]]:
    """(root, project) of these documents (whatever their state) that are in a project."""
    found: set[tuple[str, str]] = set()
    for chunk in _in_500(document_ids):
        found.update(reads.select_rows(session, _PROJECTS_OF, {"ids": chunk}))
    return found


def extraction_errors(session: Session, shas: Sequence[str]) -> dict[str, str | None]:
    """sha256 -> error reason (None: readable) for those of `shas` with an extraction row."""
    found: dict[str, str | None] = {}
    for chunk in _in_500(shas):
        rows = reads.select_rows(session, _EXTRACTION_ERRORS, {"shas": chunk})
        found.update((sha, error) for sha, error in rows)
    return found


# ---- reading for status and listings ---------------------------------------------------------


def count_by_state(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(DocumentRow.state, func.count()).group_by(DocumentRow.state)
    ).all()
    return dict(rows)


def errors_by_reason(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(DocumentRow.error_reason, func.count())
        .where(DocumentRow.state == PRESENT, DocumentRow.error_reason.is_not(None))
        .group_by(DocumentRow.error_reason)
    ).all()
    return {str(reason): count for reason, count in rows}


@dataclass(frozen=True, slots=True)
class DocumentListing:
    """One row of `recordkeeper files`."""

    id: str
    root: str
    path: str
    project: str | None
    state: str
    sha256: str | None
    size: int | None
    error_reason: str | None
    first_seen_at: datetime
    last_seen_at: datetime
    gone_at: datetime | None
    versions: int
    copy_of: str | None


def list_documents(
    session: Session, *, errors_only: bool = False, include_gone: bool = True
) -> Iterator[DocumentListing]:
    """Documents ordered by root and path, with their version count and copy source."""
    versions = (
        select(VersionRow.document_id, func.count().label("n"))
        .group_by(VersionRow.document_id)
        .subquery()
    )
    links = (
        select(DocumentLinkRow.document_id, func.min(DocumentLinkRow.source_document_id).label("s"))
        .group_by(DocumentLinkRow.document_id)
        .subquery()
    )
    query = (
        select(DocumentRow, versions.c.n, links.c.s)
        .outerjoin(versions, versions.c.document_id == DocumentRow.id)
        .outerjoin(links, links.c.document_id == DocumentRow.id)
        .order_by(DocumentRow.root, DocumentRow.path, DocumentRow.first_seen_at)
    )
    if errors_only:
        query = query.where(DocumentRow.error_reason.is_not(None), DocumentRow.state == PRESENT)
    if not include_gone:
        query = query.where(DocumentRow.state != GONE)
    for doc, n_versions, copy_of in session.execute(query.execution_options(yield_per=2000)):
        yield DocumentListing(
            id=doc.id,
            root=doc.root,
            path=doc.path,
            project=doc.project,
            state=doc.state,
            sha256=doc.current_sha256,
            size=doc.size,
            error_reason=doc.error_reason,
            first_seen_at=doc.first_seen_at,
            last_seen_at=doc.last_seen_at,
            gone_at=doc.gone_at,
            versions=n_versions or 0,
            copy_of=copy_of,
        )


# ---- service state (last scan, queue length) -------------------------------------------------


def put_state(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, sort_keys=True, default=str)
    row = session.get(StateRow, key)
    if row is None:
        session.add(StateRow(key=key, value=text))
    else:
        row.value = text


def get_state(session: Session, key: str) -> Any:
    row = session.get(StateRow, key)
    return None if row is None else json.loads(row.value)


def states_with_prefix(session: Session, prefix: str) -> dict[str, Any]:
    rows = session.execute(select(StateRow).where(StateRow.key.startswith(prefix))).scalars()
    return {row.key[len(prefix) :]: json.loads(row.value) for row in rows}
