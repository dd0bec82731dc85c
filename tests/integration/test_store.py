"""The store: migrations from empty, one transaction per change with its audit entry."""

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recordkeeper.model import AuditEvent
from recordkeeper.store.migrate import current_heads, script_heads
from recordkeeper.store.tables import AuditEntryRow, StateRow
from recordkeeper.store.unit import Store

AT = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def test_migrations_reach_every_head(store: Store) -> None:
    assert current_heads(store.engine) == script_heads(store.engine)


def test_audit_entries_get_dense_indexes(store: Store) -> None:
    with store.transaction() as tx:
        first = tx.record(AuditEvent("a", AT))
        second = tx.record(AuditEvent("b", AT))
    with store.transaction() as tx:
        third = tx.record(AuditEvent("c", AT))
    assert (first, second, third) == (0, 1, 2)


def test_a_failed_change_leaves_no_audit_entry(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as tx:
        tx.session.add(StateRow(key="k", value="v"))
        tx.record(AuditEvent("state_set", AT))
        raise RuntimeError("boom")
    with store.read() as session:
        assert session.execute(select(func.count()).select_from(AuditEntryRow)).scalar() == 0
        assert session.get(StateRow, "k") is None


def test_concurrent_appenders_keep_audit_indexes_dense(store: Store) -> None:
    def append(n: int) -> None:
        for _ in range(n):
            with store.transaction() as tx:
                tx.record(AuditEvent("concurrent", AT))

    threads = [threading.Thread(target=append, args=(10,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store.read() as session:
        indexes = session.execute(select(AuditEntryRow.idx).order_by(AuditEntryRow.idx)).scalars()
        assert list(indexes) == list(range(40))


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        store.close()


def test_sqlite_keeps_savepoint_journals_in_memory_and_durability_as_before(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'mem.db'}")
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL (WAL)
    finally:
        store.close()
