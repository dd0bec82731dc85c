"""Batched audit appends: one lock and max(idx) per transaction, a queue written
at commit, and savepoints that take their entries with them when they roll back."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from recordkeeper.audit.log import PersonalDataInAuditEntry
from recordkeeper.config import Settings
from recordkeeper.model import AuditEvent
from recordkeeper.services.audit import make_tree_head, verify_audit
from recordkeeper.store.tables import AuditEntryRow, DocumentRow, StateRow
from recordkeeper.store.unit import Store
from tests.audit_support import audit_context
from tests.fakes import FakeClock

AT = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def _log(store: Store) -> list[tuple[int, str]]:
    with store.read() as session:
        rows = session.execute(select(AuditEntryRow.idx, AuditEntryRow.event).order_by("idx"))
        return [(int(i), str(e)) for i, e in rows]


def test_many_events_cost_one_max_and_one_insert(store: Store) -> None:
    statements: list[str] = []

    def count(_c: object, _cur: object, statement: str, *_args: object) -> None:
        if "audit_entries" in statement:
            statements.append(statement.split()[0].upper())

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.transaction() as tx:
            indexes = [tx.record(AuditEvent(f"e{i}", AT)) for i in range(50)]
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert indexes == list(range(50))
    assert statements == ["SELECT", "INSERT"]
    assert [e for _, e in _log(store)] == [f"e{i}" for i in range(50)]


def test_a_rolled_back_savepoint_takes_its_events_and_leaves_no_gap(store: Store) -> None:
    with store.transaction() as tx:
        tx.record(AuditEvent("before", AT))
        with pytest.raises(RuntimeError), tx.savepoint():
            tx.session.add(StateRow(key="k", value="v"))
            tx.record(AuditEvent("inside", AT))
            raise RuntimeError("one document failed")
        with tx.savepoint():
            tx.record(AuditEvent("kept", AT))
        assert tx.record(AuditEvent("after", AT)) == 2
    assert _log(store) == [(0, "before"), (1, "kept"), (2, "after")]
    with store.read() as session:
        assert session.get(StateRow, "k") is None


def test_a_savepoint_that_recorded_first_rolls_back_cleanly(store: Store) -> None:
    # the lock and max(idx) were taken inside the savepoint: both are taken again
    with store.transaction() as tx:
        tx.record(AuditEvent("earlier", AT))
    with store.transaction() as tx:
        with pytest.raises(RuntimeError), tx.session.begin_nested():
            tx.record(AuditEvent("lost", AT))
            raise RuntimeError
        assert tx.record(AuditEvent("next", AT)) == 1
    assert _log(store) == [(0, "earlier"), (1, "next")]


def test_entries_written_inside_a_savepoint_are_requeued_when_it_rolls_back(
    store: Store,
) -> None:
    with store.transaction() as tx:
        tx.record(AuditEvent("a", AT))
        with pytest.raises(RuntimeError), tx.savepoint():
            tx.record(AuditEvent("b", AT))
            with tx.savepoint():
                tx.record(AuditEvent("c", AT))
                tx.flush()  # a and b and c now sit in the savepoints' SQL state
            count = select(func.count()).select_from(AuditEntryRow)
            assert tx.session.scalar(count) == 3
            raise RuntimeError
        assert tx.record(AuditEvent("d", AT)) == 1
    assert _log(store) == [(0, "a"), (1, "d")]


def test_reads_in_the_transaction_see_queued_entries(store: Store) -> None:
    with store.transaction() as tx:
        tx.record(AuditEvent("x", AT))
        assert tx.session.scalar(select(func.max(AuditEntryRow.idx))) == 0
        tx.record(AuditEvent("y", AT, document_id="d1"))
        assert tx.session.execute(text("SELECT count(*) FROM audit_entries")).scalar() == 2
        tx.record(AuditEvent("z", AT, document_id="d1"))
        tx.session.add(
            DocumentRow(
                id="d1", root="r", path="p", state="present", first_seen_at=AT, last_seen_at=AT
            )
        )
        joined = (
            select(func.count())
            .select_from(DocumentRow)
            .join(AuditEntryRow, AuditEntryRow.document_id == DocumentRow.id)
        )
        assert tx.session.scalar(joined) == 2


def test_a_dry_run_writes_no_entry(store: Store) -> None:
    with store.transaction(dry_run=True) as tx:
        assert tx.record(AuditEvent("would", AT)) == 0
    with store.transaction() as tx:
        assert tx.record(AuditEvent("did", AT)) == 0
    assert _log(store) == [(0, "did")]


def test_concurrent_batches_with_failing_savepoints_keep_the_log_dense_and_verifiable(
    store: Store, settings: Settings, clock: FakeClock
) -> None:
    def append(worker: int) -> None:
        for n in range(6):
            with store.transaction() as tx:
                for doc in range(4):
                    try:
                        with tx.savepoint():
                            tx.record(AuditEvent("doc", AT, document_id=f"w{worker}n{n}d{doc}"))
                            if (worker + n + doc) % 3 == 0:
                                raise ValueError("this document fails")
                    except ValueError:
                        pass

    threads = [threading.Thread(target=append, args=(w,)) for w in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = sum(1 for w in range(3) for n in range(6) for d in range(4) if (w + n + d) % 3 != 0)
    assert [i for i, _ in _log(store)] == list(range(expected))
    ctx = audit_context(settings, store, clock)
    assert make_tree_head(ctx) is not None
    assert verify_audit(ctx).ok


def _events() -> list[AuditEvent]:
    plus_two = timezone(timedelta(hours=2))
    return [
        AuditEvent("document_added", AT + timedelta(microseconds=i), document_id=f"{i:032x}",
                   project_id="Projekt Åby" if i % 2 else None, sha256=f"{i:064x}",
                   data={"copy_of": f"{i + 1:032x}"} if i % 3 == 0 else {})
        for i in range(5)
    ] + [
        AuditEvent("document_classified", datetime(2025, 6, 2, 11, 0, 1, 5, tzinfo=plus_two),
                   document_id="ab" * 16, project_id="p", rule_id="beslut", sha256="cd" * 32,
                   data={"class": "beslut", "draft": False, "must_register": True,
                         "personal_data": False, "corrected": False, "rules_hash": "ef" * 32,
                         "signals": "a,b"}),
        AuditEvent("classification_corrected", AT, actor="u42", data={"not_official": None}),
    ]  # fmt: skip


def _entries(store: Store) -> list[tuple[object, ...]]:
    with store.read() as session:
        rows = session.execute(select(AuditEntryRow).order_by(AuditEntryRow.idx)).scalars()
        return [
            (r.idx, bytes(r.leaf), r.event, r.document_id, r.project_id, r.created_at) for r in rows
        ]


def test_record_many_writes_the_entries_recording_one_by_one_writes(
    store: Store, settings: Settings, clock: FakeClock, tmp_path: Path
) -> None:
    one_by_one = Store(f"sqlite:///{tmp_path / 'one_by_one.db'}")
    one_by_one.migrate()
    try:
        for target, batched in ((one_by_one, False), (store, True)):
            with target.transaction() as tx:
                tx.record(AuditEvent("first", AT))
                if batched:
                    assert tx.record_many(_events()) == range(1, 8)
                else:
                    assert [tx.record(e) for e in _events()] == list(range(1, 8))
                assert tx.record(AuditEvent("last", AT)) == 8
        assert _entries(store) == _entries(one_by_one)
    finally:
        one_by_one.close()
    ctx = audit_context(settings, store, clock)
    assert make_tree_head(ctx) is not None
    assert verify_audit(ctx).ok


def test_record_many_refuses_the_whole_batch_for_one_bad_event(store: Store) -> None:
    bad = AuditEvent("document_added", AT, data={"ref": "anna.andersson@example.se"})
    with store.transaction() as tx:
        tx.record(AuditEvent("kept", AT))
        with pytest.raises(PersonalDataInAuditEntry):
            tx.record_many([AuditEvent("good", AT), bad])
        assert tx.record_many([]) == range(0)
        assert tx.record(AuditEvent("next", AT)) == 1
    assert _log(store) == [(0, "kept"), (1, "next")]
