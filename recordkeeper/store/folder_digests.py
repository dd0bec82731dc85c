"""Folder digests: the last verified listing of each folder, so a rescan skips unchanged ones.

A row (root, folder, digest, files, epoch) with a digest says: the store's present
documents directly in `folder` are exactly the `files` plain files whose listing
has that digest. The rescan compares a folder's listing with it and, when equal,
needs none of the folder's document rows.

Correctness never depends on the digests being fresh. Every write to `documents`
made through a session (ORM objects at flush, or an INSERT statement given its
rows, or `store.bulk.insert_many`) first upserts the touched folders' rows to
digest NULL and epoch + 1, in the same transaction (`watch`). An UPDATE or
DELETE statement on `documents` cannot say which folders it touches, so it is
refused (StoreError): change documents as ORM objects. A rescan writes a
digest only if the folder's epoch is still the one it read before loading the
documents it compared (`save`); a concurrent writer either bumped the epoch
first (the save does nothing) or blocks on the row and NULLs the digest after.
A stale or missing digest only costs the time of loading that folder's
documents. Only portable SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Table, and_, bindparam, func, null, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import ORMExecuteState, Session, attributes, sessionmaker
from sqlalchemy.sql import Delete, Insert, Update

from recordkeeper.errors import StoreError
from recordkeeper.ingest.scan import stat_key
from recordkeeper.store.repo_documents import PRESENT, KnownStat, known_stat_keys
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_ingest import FolderDigestRow

_TABLE: Table = FolderDigestRow.__table__  # type: ignore[assignment]
DOCUMENTS: Table = DocumentRow.__table__  # type: ignore[assignment]
# Beyond this many folders to look at, one query for the whole root is cheaper.
MAX_FOLDER_QUERIES = 64


class FolderState(NamedTuple):
    digest: str | None
    files: int
    epoch: int


class Verified(NamedTuple):
    """A folder whose documents a rescan found equal to its listing."""

    folder: str
    digest: str
    files: int
    epoch: int | None  # as read before the documents were loaded; None: no row then


def folder_of(path: str) -> str:
    return path.rpartition("/")[0]


# ---- reading and writing -------------------------------------------------------------------


def load(session: Session, root: str) -> dict[str, FolderState]:
    """Every folder row of a root. Read it *before* the documents a rescan compares."""
    query = select(
        FolderDigestRow.folder, FolderDigestRow.digest, FolderDigestRow.files, FolderDigestRow.epoch
    ).where(FolderDigestRow.root == root)
    return {f: FolderState(d, n, e) for f, d, n, e in session.execute(query)}


def count_present(session: Session, root: str) -> int:
    query = select(func.count()).where(DocumentRow.root == root, DocumentRow.state == PRESENT)
    return int(session.execute(query).scalar_one())


def known_for(
    session: Session,
    root: str,
    stored: Mapping[str, FolderState],
    matched: set[str],
    dirty: Sequence[str],
) -> tuple[dict[str, int], dict[str, KnownStat]]:
    """The known stats a rescan compares, besides the `matched` folders' (whose
    `stored` rows count their documents): the `dirty` folders' documents when with
    the matched ones they are every present document of the root; else the whole
    root's, less the matched folders'."""
    matched_files = sum(stored[f].files for f in matched)
    if len(dirty) <= MAX_FOLDER_QUERIES:
        total = count_present(session, root)
        clean, flagged = known_in(session, root, dirty)
        if total == matched_files + len(clean) + len(flagged):
            return clean, flagged
    clean, flagged = known_stat_keys(session, root)
    if matched:
        clean = {p: k for p, k in clean.items() if folder_of(p) not in matched}
        flagged = {p: k for p, k in flagged.items() if folder_of(p) not in matched}
    return clean, flagged


def known_in(
    session: Session, root: str, folders: Iterable[str]
) -> tuple[dict[str, int], dict[str, KnownStat]]:
    """Like `repo_documents.known_stat_keys`, for the documents directly in `folders`:
    one query per folder (by index on SQLite; the root folder "" scans the root)."""
    clean: dict[str, int] = {}
    flagged: dict[str, KnownStat] = {}
    sqlite_ = session.get_bind().dialect.name == "sqlite"
    for folder in folders:
        lo = folder + "/"
        query = select(
            DocumentRow.path, DocumentRow.size, DocumentRow.mtime_ns, DocumentRow.inode,
            DocumentRow.error_reason,
        ).where(DocumentRow.root == root, DocumentRow.state == PRESENT)  # fmt: skip
        if not folder:
            lo = ""
            query = query.where(~DocumentRow.path.contains("/"))
        elif sqlite_:  # BINARY collation is byte order: [folder/, folder0) is the prefix, by index
            query = query.where(DocumentRow.path >= lo, DocumentRow.path < folder + "0")
        else:
            query = query.where(DocumentRow.path.startswith(lo, autoescape=True))
        for path, size, mtime_ns, inode, error in session.execute(query):
            if not path.startswith(lo) or "/" in path[len(lo) :]:
                continue  # in a subfolder
            if error is None:
                clean[path] = stat_key(size, mtime_ns, inode)
            else:
                flagged[path] = (size, mtime_ns, inode, error)
    return clean, flagged


def save(session: Session, root: str, verified: Sequence[Verified]) -> None:
    """Write digests of verified folders, each only if its epoch is unchanged."""
    ordered = sorted(verified)  # the writers' lock order (see `invalidate`)
    known = [
        {"r": root, "f": v.folder, "d": v.digest, "n": v.files, "e": v.epoch}
        for v in ordered
        if v.epoch is not None
    ]
    fresh = [
        {"root": root, "folder": v.folder, "digest": v.digest, "files": v.files, "epoch": 0}
        for v in ordered
        if v.epoch is None
    ]
    connection = session.connection()
    if known:
        connection.execute(
            update(_TABLE)
            .where(
                and_(
                    _TABLE.c.root == bindparam("r"),
                    _TABLE.c.folder == bindparam("f"),
                    _TABLE.c.epoch == bindparam("e"),
                )
            )
            .values(digest=bindparam("d"), files=bindparam("n")),
            known,
        )
    if fresh:
        # a writer that created the row meanwhile wins: its row says "changed"
        connection.execute(_insert(session).on_conflict_do_nothing(), fresh)


def invalidate(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """Mark (root, folder) pairs changed: digest NULL, epoch + 1 (the row created if absent).

    NULL is written in the statement, not bound: the sqlite3 driver looks an adapter up for
    every None it binds (see `store.bulk`)."""
    # sorted: writers lock the rows in one order (PostgreSQL), so two cannot deadlock on them
    rows = [{"root": r, "folder": f, "files": 0, "epoch": 1} for r, f in sorted(set(pairs))]
    if not rows:
        return
    session.connection().execute(_INVALIDATE[_dialect(session)], rows)


def _dialect(session: Session) -> str:
    return "postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"


def _insert(session: Session) -> Any:
    if _dialect(session) == "postgresql":
        return postgresql.insert(_TABLE)
    return sqlite.insert(_TABLE)


# built once (each ingest chunk runs it): SQLAlchemy's compiled form is then looked up
# by the statement's memoised cache key instead of a new statement's every time
_INVALIDATE: dict[str, Any] = {
    name: insert(_TABLE).on_conflict_do_update(
        index_elements=[_TABLE.c.root, _TABLE.c.folder],
        set_={"digest": null(), "epoch": _TABLE.c.epoch + 1},
    )
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


# ---- the guard: every write to documents invalidates its folders -----------------------------


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    pairs: set[tuple[str, str]] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(obj, DocumentRow):
            continue
        for name in ("root", "path"):
            history = attributes.get_history(obj, name)
            if history.deleted:  # the value before this change (loaded: active_history)
                old_root = obj.root if name == "path" else history.deleted[0]
                old_path = obj.path if name == "root" else history.deleted[0]
                if old_root is not None and old_path is not None:
                    pairs.add((old_root, folder_of(old_path)))
        if obj.root is not None and obj.path is not None:
            pairs.add((obj.root, folder_of(obj.path)))
    invalidate(session, pairs)


def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if not isinstance(statement, (Insert, Update, Delete)):
        return
    if getattr(statement.table, "name", None) != DOCUMENTS.name:
        return
    params = state.parameters
    rows: Sequence[Mapping[str, Any]] = (
        [params] if isinstance(params, Mapping) else list(params or [])
    )
    inline = isinstance(statement, Insert) and (statement._values or statement._multi_values)
    if not isinstance(statement, Insert) or not rows or inline:
        raise StoreError(
            "documents may only change as ORM objects or by an INSERT given its rows"
            " (folder digests must see every changed folder)"
        )
    invalidate(state.session, ((row["root"], folder_of(row["path"])) for row in rows))


def watch(sessions: sessionmaker[Session]) -> None:
    from sqlalchemy import event

    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)
