"""Store and its unit of work: the only way to write.

`Store.transaction()` opens one session, commits when the block succeeds and
rolls back otherwise. `Tx.record()` (or `Tx.record_many()` for a batch) is the
single way a state change writes its audit event, in the same transaction as
the change.
Foreign database errors are translated to `StoreError` here, once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker
from sqlalchemy.sql import ClauseElement, Delete, Insert, Select, TableClause, TextClause, Update
from sqlalchemy.sql.util import find_tables

from recordkeeper.audit.log import canonical_entry, check_identifiers_only
from recordkeeper.errors import StoreError
from recordkeeper.model import AuditEvent
from recordkeeper.store import bulk, folder_digests
from recordkeeper.store.tables import AuditEntryRow

# Any constant works; it only has to be the same in every instance (PostgreSQL).
_AUDIT_LOCK_KEY = 0x52_4B_41_55  # "RKAU"
_TX_KEY = "recordkeeper.tx"  # Session.info key of the session's open Tx
_AUDIT_TABLE: Table = AuditEntryRow.__table__  # type: ignore[assignment]
_LAST_INDEX = select(func.max(AuditEntryRow.idx))


@dataclass
class _Mark:
    """A savepoint's audit state: the first index recorded inside it (None: no
    index handed out yet) and the rows written to SQL while it was open."""

    start: int | None
    written: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Tx:
    """One open transaction: the session plus the audit append.

    Appending is cheap: the first `record()` takes the audit lock (PostgreSQL
    advisory xact lock; SQLite's BEGIN IMMEDIATE already holds the write lock)
    and reads max(idx) once; later ones take the next index from a counter and
    queue the row. The queue is written in one multi-row insert before commit,
    before any ORM statement in this session that touches `audit_entries`, and
    by `flush()`/`write_pending()`. A savepoint (`savepoint()`, or
    `session.begin_nested()`) that rolls back drops the entries recorded inside
    it and rewinds the counter, so indexes stay dense and gap-free.
    """

    session: Session
    dialect: str
    _next: int | None = field(default=None, init=False, repr=False)
    _queue: list[dict[str, Any]] = field(default_factory=list, init=False, repr=False)
    _marks: dict[SessionTransaction, _Mark] = field(default_factory=dict, init=False, repr=False)
    _ended: tuple[SessionTransaction, _Mark, _Mark | None, int] | None = field(
        default=None, init=False, repr=False
    )

    def record(self, event_: AuditEvent) -> int:
        """Append `event_` to the audit log inside this transaction; returns its index.

        Raises:
            PersonalDataInAuditEntry: a value looks like personal data; nothing is written
                (and the caller's transaction rolls back with it).
        """
        return self.record_many((event_,))[0]

    def record_many(self, events: Sequence[AuditEvent]) -> range:
        """Append `events` in order, as `record` one by one would (the same indexes and
        entries); returns their indexes. Each is checked before any is queued.

        Raises:
            PersonalDataInAuditEntry: a value looks like personal data; none of `events`
                is written (and the caller's transaction rolls back with them).
        """
        for event_ in events:
            check_identifiers_only(event_)
        if not events:
            return range(0)
        start = self._next
        if start is None:
            start = self._first_index()
        append = self._queue.append
        for index, event_ in enumerate(events, start):
            append(
                {
                    "idx": index,
                    "leaf": canonical_entry(event_, index),
                    "event": event_.event,
                    "document_id": event_.document_id,
                    "project_id": event_.project_id,
                    "created_at": event_.at,
                }
            )
        self._next = start + len(events)
        return range(start, self._next)

    def _first_index(self) -> int:
        # the queue is empty whenever no index is handed out, so max(idx) is complete
        if self.dialect == "postgresql":
            # serialise appenders so indexes stay dense; released at commit/rollback
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _AUDIT_LOCK_KEY})
        if self.session.autoflush:  # as session.execute would; then Core's cheaper execution
            self.session.flush()
        last = self.session.connection().execute(_LAST_INDEX).scalar_one_or_none()
        return 0 if last is None else int(last) + 1

    def write_pending(self) -> None:
        """Insert the queued audit entries now, in one multi-row statement.

        Called before commit and before ORM statements that read the log; call
        it yourself before reading `audit_entries` through `session.connection()`.
        """
        if not self._queue:
            return
        rows, self._queue = self._queue, []
        if self._marks:  # they now live in the innermost savepoint's SQL state
            next(reversed(self._marks.values())).written.extend(rows)
        bulk.insert_many(self.session, _AUDIT_TABLE, rows)

    def flush(self) -> None:
        """Write the queued audit entries and flush the session's pending ORM changes."""
        self.write_pending()
        self.session.flush()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """One item of a batch: on an exception its changes and audit entries roll
        back to the savepoint and the exception propagates; otherwise they stay."""
        with self.session.begin_nested():
            yield

    # --- savepoint bookkeeping (session events, see _watch) ------------------------

    def _savepoint_began(self, transaction: SessionTransaction) -> None:
        self._marks[transaction] = _Mark(self._next)

    def _savepoint_ended(self, transaction: SessionTransaction) -> None:
        # commit or rollback: SQLAlchemy says which only afterwards (after_soft_rollback),
        # so hand the written rows to the parent now and take them back on rollback
        mark = self._marks.pop(transaction, None)
        if mark is None:
            return
        parent = next(reversed(self._marks.values()), None)
        self._ended = (transaction, mark, parent, len(parent.written) if parent else 0)
        if parent is not None:
            parent.written.extend(mark.written)

    def _savepoint_rolled_back(self, transaction: SessionTransaction) -> None:
        if self._ended is None or self._ended[0] is not transaction:
            return
        _, mark, parent, kept = self._ended
        self._ended = None
        if parent is not None:
            del parent.written[kept:]
        start = mark.start
        if start is None:
            # no index before the savepoint: nothing of ours survives, and PostgreSQL
            # released a lock taken inside it; the next record() locks and reads again
            self._queue.clear()
            self._next = None
            return
        # rows recorded before the savepoint but written inside it were lost with it
        survivors = [row for row in mark.written if row["idx"] < start]
        survivors += [row for row in self._queue if row["idx"] < start]
        self._queue = sorted(survivors, key=lambda row: int(row["idx"]))
        self._next = start


def _tx_of(session: Session) -> Tx | None:
    tx = session.info.get(_TX_KEY)
    return tx if isinstance(tx, Tx) else None


def _on_create(session: Session, transaction: SessionTransaction) -> None:
    tx = _tx_of(session)
    if tx is not None and transaction.nested:
        tx._savepoint_began(transaction)


def _on_end(session: Session, transaction: SessionTransaction) -> None:
    tx = _tx_of(session)
    if tx is not None and transaction.nested:
        tx._savepoint_ended(transaction)


def _on_soft_rollback(session: Session, previous: SessionTransaction) -> None:
    tx = _tx_of(session)
    if tx is not None and previous.nested:
        tx._savepoint_rolled_back(previous)


def _on_orm_execute(state: ORMExecuteState) -> None:
    tx = _tx_of(state.session)
    if tx is not None and tx._queue and _touches_audit(state.statement):
        tx.write_pending()


def _touches_audit(statement: Any) -> bool:
    """Whether a statement reads or writes `audit_entries` (in its FROM clause, for a
    SELECT). Runs before every ORM statement while entries are queued, so a SELECT's
    FROM list is read directly (~10 µs) instead of walking the whole statement."""
    if isinstance(statement, TextClause):
        return _AUDIT_TABLE.name in statement.text
    if isinstance(statement, Select):
        try:
            froms = [
                *statement.columns_clause_froms,
                *statement._from_obj,
                *(join[0] for join in statement._setup_joins),
            ]
        except AttributeError:  # another SQLAlchemy's internals: walk the statement
            return _walk_touches_audit(statement)
        return any(_from_touches_audit(item) for item in froms)
    if isinstance(statement, (Insert, Update, Delete)):
        return _from_touches_audit(statement.table)
    if isinstance(statement, ClauseElement):
        return _walk_touches_audit(statement)
    return True


def _from_touches_audit(item: Any) -> bool:
    if isinstance(item, TableClause):  # ORM statements hold annotated copies: compare names
        return item.name == _AUDIT_TABLE.name
    clause = getattr(item, "__clause_element__", None)
    element = clause() if callable(clause) else item
    return not isinstance(element, ClauseElement) or _walk_touches_audit(element)


def _walk_touches_audit(statement: ClauseElement) -> bool:
    tables = find_tables(statement, include_crud=True, include_aliases=True, include_joins=True)
    return any(getattr(t, "name", None) == _AUDIT_TABLE.name for t in tables)


def _watch(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "after_transaction_create", _on_create)
    event.listen(sessions, "after_transaction_end", _on_end)
    event.listen(sessions, "after_soft_rollback", _on_soft_rollback)
    event.listen(sessions, "do_orm_execute", _on_orm_execute)
    folder_digests.watch(sessions)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # autocommit mode at the driver level; we emit BEGIN ourselves (below) so that
    # SQLAlchemy's transaction boundaries are the real ones (pysqlite quirk).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Savepoint (statement) journals in memory: an ingest chunk's inserts run inside
    # savepoints, and past 64 KiB SQLite spilled the pages' old contents to a temp
    # file (issue #3: ~1.4 page writes per file ingested). Only for rolling back a
    # savepoint in a live transaction: crash recovery is the WAL's, unchanged.
    # Temporary tables and sort indexes are in memory too.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock at BEGIN: no deadlock upgrading a read lock later.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """Create an engine for a SQLite path URL or a PostgreSQL URL.

    `hide_parameters`: a database error's text names its statement but never the
    values bound to it (paths, names, a document's text), since such an error may
    reach a log line through its traceback (`logs.database_errors_without_values`
    drops the server's own message there too)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


class Store:
    """The database: migrations, transactions, read sessions."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open database: {type(exc).__name__}") from exc
        self.dialect = self.engine.dialect.name
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        _watch(self._sessions)

    def migrate(self) -> None:
        """Bring the schema to the newest revision (Alembic `upgrade heads`)."""
        from recordkeeper.store.migrate import upgrade

        try:
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"database migration failed: {exc.__class__.__name__}") from exc

    @contextmanager
    def transaction(self, *, dry_run: bool = False) -> Iterator[Tx]:
        """One unit of work: commit on success, roll back on any exception.

        With `dry_run` the block runs as usual and is then always rolled back,
        so a command can show what it would change.
        """
        try:
            with self._sessions() as session:
                transaction = session.begin()
                tx = Tx(session=session, dialect=self.dialect)
                session.info[_TX_KEY] = tx
                try:
                    yield tx
                    if not dry_run:
                        tx.write_pending()
                except BaseException:
                    transaction.rollback()
                    raise
                if dry_run:
                    transaction.rollback()
                else:
                    transaction.commit()
        except SQLAlchemyError as exc:
            orig = getattr(exc, "orig", None)
            detail = f": {type(orig).__name__}" if orig is not None else ""
            raise StoreError(f"database error: {type(exc).__name__}{detail}") from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed."""
        try:
            # closing (not rolling back) keeps loaded rows readable after the block
            with self._sessions() as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {exc.__class__.__name__}") from exc

    def close(self) -> None:
        self.engine.dispose()
