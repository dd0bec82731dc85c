"""Projects deferred by the evaluation interval get evaluated once the daemon is idle."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from recordkeeper.errors import StoreError
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.process_status import (
    MIN_INTERVAL_S,
    DailyRefresh,
    evaluate_pending,
    open_warnings,
    project_status,
)
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.lost_stage import stage_lost
from tests.webclient import PROJECT, declare, make_project_missing_a_declaration, scan


@pytest.fixture
def ctx(settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def _missing(ctx: Context) -> list[int]:
    return [w.count for w in open_warnings(ctx, PROJECT) if w.code == "person_missing_now"]


def test_a_change_within_the_interval_is_evaluated_when_pending_work_runs(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    assert _missing(ctx) == [1]

    declare(folder, "Lars Berg")  # within the interval: the stage defers the project
    scan(ctx)
    assert _missing(ctx) == [1]
    assert evaluate_pending(ctx) == 0  # still inside the interval

    clock.advance(seconds=MIN_INTERVAL_S)
    assert evaluate_pending(ctx) == 1
    assert _missing(ctx) == []
    assert evaluate_pending(ctx) == 0  # nothing left pending


def test_a_project_whose_stage_was_lost_is_evaluated_after_the_refresh(
    ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the daemon killed between ingest's commit and the process stage: the files are
    # unchanged, so only the refresh at the next start brings the project's status
    make_project_missing_a_declaration(share)
    with stage_lost(monkeypatch, "process"):
        scan(ctx)
    assert project_status(ctx, PROJECT) is None
    DailyRefresh()(ctx)
    assert evaluate_pending(ctx) == 1
    assert _missing(ctx) == [1]


def test_every_project_is_evaluated_again_on_a_new_day(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    # time rules turn overdue with the calendar, not with a change in the folder
    make_project_missing_a_declaration(share)
    scan(ctx)
    refresh = DailyRefresh()
    refresh(ctx)
    clock.advance(seconds=MIN_INTERVAL_S)
    assert evaluate_pending(ctx) == 1
    refresh(ctx)
    assert evaluate_pending(ctx) == 0  # the same day: nothing more
    clock.advance(days=1)
    refresh(ctx)
    assert evaluate_pending(ctx) == 1
    status = project_status(ctx, PROJECT)
    assert status is not None and status.evaluated_at == clock.now()


def test_a_refresh_the_store_refused_is_tried_again_the_same_day(
    ctx: Context, share: Path, clock: FakeClock, tmp_path: Path
) -> None:
    make_project_missing_a_declaration(share)
    scan(ctx)
    clock.advance(seconds=MIN_INTERVAL_S)
    refresh = DailyRefresh()
    unreachable = Store(f"sqlite:///{tmp_path / 'no such folder' / 'rk.db'}")
    try:
        with pytest.raises(StoreError):
            refresh(replace(ctx, store=unreachable))
    finally:
        unreachable.close()
    refresh(ctx)  # same day, same rules: the failed refresh still counts as not done
    assert evaluate_pending(ctx) == 1
