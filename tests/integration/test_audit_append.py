"""Appending to the audit log: refusal of personal data, heads made by the job."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from recordkeeper.audit.log import PersonalDataInAuditEntry
from recordkeeper.config import Settings
from recordkeeper.jobs import make_tree_head_job, tree_head_hook
from recordkeeper.model import AuditEvent
from recordkeeper.services.audit import latest_head, verify_audit
from recordkeeper.services.context import Context
from recordkeeper.store.tables import AuditEntryRow, StateRow
from recordkeeper.store.unit import Store
from tests.audit_support import append_events, audit_context, sql
from tests.fakes import FakeClock


def test_an_event_with_personal_data_rolls_the_change_back(store: Store, clock: FakeClock) -> None:
    with pytest.raises(PersonalDataInAuditEntry), store.transaction() as tx:
        tx.session.add(StateRow(key="k", value="v"))
        tx.record(AuditEvent("state_set", clock.now(), actor="anna@example.se"))
    with store.read() as session:
        assert session.execute(select(func.count()).select_from(AuditEntryRow)).scalar() == 0
        assert session.get(StateRow, "k") is None


def test_the_job_signs_a_head_only_when_the_log_grew(
    settings: Settings, store: Store, clock: FakeClock
) -> None:
    ctx = audit_context(settings, store, clock)
    make_tree_head_job(ctx)
    assert latest_head(ctx) is None  # empty log: nothing to sign
    append_events(ctx, clock, 3)
    make_tree_head_job(ctx)
    first = latest_head(ctx)
    clock.advance(3600)
    make_tree_head_job(ctx)
    assert latest_head(ctx) == first
    append_events(ctx, clock, 2, 3)
    clock.advance(3600)
    make_tree_head_job(ctx)
    second = latest_head(ctx)
    assert first is not None and second is not None
    assert (first.tree_size, second.tree_size) == (3, 5)
    assert second.timestamp == "2025-06-02T11:05:00.000000Z"
    assert verify_audit(ctx).ok


def test_the_job_survives_a_tampered_log(
    settings: Settings, store: Store, clock: FakeClock
) -> None:
    ctx = audit_context(settings, store, clock)
    append_events(ctx, clock, 3)
    make_tree_head_job(ctx)
    sql(settings, "UPDATE audit_entries SET leaf = :x WHERE idx = 0", {"x": b"\x00"})
    append_events(ctx, clock, 1, 3)
    make_tree_head_job(ctx)  # refuses, logs, does not raise
    head = latest_head(ctx)
    assert head is not None and head.tree_size == 3


def test_the_daemon_hook_signs_at_start_and_then_every_interval(
    settings: Settings, store: Store, clock: FakeClock
) -> None:
    ctx = audit_context(settings, store, clock)
    seconds = [0.0]
    hook = tree_head_hook(3600.0, lambda: seconds[0])

    class _Daemon:
        def __init__(self, context: Context) -> None:
            self.ctx = context

    daemon = _Daemon(ctx)
    append_events(ctx, clock, 2)
    hook(daemon)
    assert latest_head(ctx) is not None
    append_events(ctx, clock, 1, 2)
    seconds[0] = 3599.0
    hook(daemon)
    head = latest_head(ctx)
    assert head is not None and head.tree_size == 2
    seconds[0] = 3600.0
    hook(daemon)
    head = latest_head(ctx)
    assert head is not None and head.tree_size == 3
