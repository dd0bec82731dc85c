"""The store: migrations from empty, one transaction per change with its audit entry."""

from datetime import UTC, datetime

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


def test_sqlite_runs_in_wal_mode(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
