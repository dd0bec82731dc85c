"""Store and its unit of work: the only way to write.

`Store.transaction()` opens one session, commits when the block succeeds and
rolls back otherwise. `Tx.record()` is the single function through which a
state change writes its audit event, in the same transaction as the change.
Foreign database errors are translated to `StoreError` here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from recordkeeper.audit.log import canonical_entry, check_identifiers_only
from recordkeeper.errors import StoreError
from recordkeeper.model import AuditEvent
from recordkeeper.store.tables import AuditEntryRow

# Any constant works; it only has to be the same in every instance (PostgreSQL).
_AUDIT_LOCK_KEY = 0x52_4B_41_55  # "RKAU"


@dataclass
class Tx:
    """One open transaction: the session plus the audit append."""

    session: Session
    dialect: str

    def record(self, event_: AuditEvent) -> int:
        """Append `event_` to the audit log inside this transaction; returns its index.

        Raises:
            PersonalDataInAuditEntry: a value looks like personal data; nothing is written
                (and the caller's transaction rolls back with it).
        """
        check_identifiers_only(event_)
        if self.dialect == "postgresql":
            # serialise appenders so indexes stay dense; released at commit/rollback
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _AUDIT_LOCK_KEY})
        last = self.session.execute(select(func.max(AuditEntryRow.idx))).scalar_one_or_none()
        index = 0 if last is None else last + 1
        self.session.add(
            AuditEntryRow(
                idx=index,
                leaf=canonical_entry(event_, index),
                event=event_.event,
                document_id=event_.document_id,
                project_id=event_.project_id,
                created_at=event_.at,
            )
        )
        self.session.flush()
        return index


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # autocommit mode at the driver level; we emit BEGIN ourselves (below) so that
    # SQLAlchemy's transaction boundaries are the real ones (pysqlite quirk).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock at BEGIN: no deadlock upgrading a read lock later.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """Create an engine for a SQLite path URL or a PostgreSQL URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    return create_engine(url, pool_pre_ping=True)


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
                try:
                    yield Tx(session=session, dialect=self.dialect)
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
