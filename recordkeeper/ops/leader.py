"""Who runs the scheduled work: one leader per database.

PostgreSQL: several instances may share a database. The leader holds a
*session* advisory lock on its own connection; only it runs the scheduler,
sends e-mail and executes deletions, the others stand by (and may ingest).
If the leader dies its session ends, PostgreSQL releases the lock, and the
next `poll()` of a standby takes it: failover within `poll` interval plus the
time the server needs to notice a dead client (TCP keepalives set below keep
that under 30 s even when the leader's machine vanishes). A leader whose
connection breaks steps down at once, because the lock went with it.

SQLite: one instance only. `SingleInstanceLock` takes an exclusive `flock`
on a file beside the database; a second instance fails at start with a
clear message. The kernel drops the lock when the process dies, however it dies.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO, Protocol

import structlog
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from recordkeeper.errors import StoreError

log = structlog.get_logger(__name__)

__all__ = ["AlwaysLeader", "Leadership", "PostgresLeadership", "SingleInstanceLock", "for_url"]

# Any constant works as long as every instance uses it ("RKLD").
LEADER_LOCK_KEY = 0x52_4B_4C_44
# libpq keepalives: a vanished leader's session is dropped after ~10 + 3*5 s.
_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
               "keepalives_count": 3, "connect_timeout": 10}  # fmt: skip


class Leadership(Protocol):
    """`poll()` is called from the main loop; it MUST NOT raise and returns is_leader."""

    def poll(self) -> bool: ...
    def release(self) -> None: ...


class AlwaysLeader:
    """SQLite: the one instance (guarded by SingleInstanceLock) always leads."""

    def poll(self) -> bool:
        return True

    def release(self) -> None:
        return None


class PostgresLeadership:
    """A session advisory lock on a connection of its own (not the store's pool)."""

    def __init__(self, url: str, key: int = LEADER_LOCK_KEY) -> None:
        parsed = make_url(url)
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        self._engine = create_engine(
            parsed, poolclass=NullPool, connect_args=_KEEPALIVES, hide_parameters=True
        )
        self._key = key
        self._conn: Connection | None = None
        self.is_leader = False

    def poll(self) -> bool:
        try:
            if self.is_leader:
                assert self._conn is not None
                self._conn.execute(text("SELECT 1"))  # still our session, still our lock
            else:
                self._try_acquire()
        except SQLAlchemyError as exc:
            if self.is_leader:
                log.error("leadership_lost", error=type(exc).__name__)
            self._drop()
        return self.is_leader

    def _try_acquire(self) -> None:
        if self._conn is None:
            self._conn = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        got = self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key})
        if got.scalar_one():
            self.is_leader = True
            log.info("leadership_acquired", pid=os.getpid())

    def _drop(self) -> None:
        self.is_leader = False
        if self._conn is not None:
            with contextlib.suppress(SQLAlchemyError):
                self._conn.invalidate()
                self._conn.close()
        self._conn = None

    def release(self) -> None:
        """Give the lock back (clean stop): a standby takes over at its next poll."""
        if self._conn is not None and self.is_leader:
            with contextlib.suppress(SQLAlchemyError):
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
            log.info("leadership_released")
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self.is_leader = False
        self._engine.dispose()


class SingleInstanceLock:
    """An exclusive flock on `<database>.lock`; held for the life of the process."""

    def __init__(self, database_path: Path) -> None:
        self.path = database_path.with_name(database_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Raises StoreError when another instance holds the lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="ascii")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            other = handle.read().strip() or "?"
            handle.close()
            raise StoreError(
                f"another recordkeeper instance (pid {other}) is using this SQLite database; "
                "SQLite supports one instance only: stop the other one, or use PostgreSQL "
                "(database_url) to run several",
                code="already_running",
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def for_url(url: str) -> tuple[Leadership, SingleInstanceLock | None]:
    """The leadership for a database URL, plus the instance lock SQLite needs."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return PostgresLeadership(url), None
    database = parsed.database or ""
    if database in ("", ":memory:"):
        return AlwaysLeader(), None
    return AlwaysLeader(), SingleInstanceLock(Path(database))
