"""Stability: a file is released once (size, mtime) held still for stable_seconds and no lock."""

from recordkeeper.ingest.stability import StabilityTracker, is_lock_name, lock_names_for
from tests.fakes import FakeClock


def _t(clock: FakeClock) -> float:
    return clock.now().timestamp()


def test_a_file_is_not_ready_before_stable_seconds() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0)
    tracker.observe("P/a.docx", 10, 1, _t(clock))
    clock.advance(1.9)
    assert tracker.pop_ready(_t(clock)) == []


def test_a_file_unchanged_for_stable_seconds_is_ready_once() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0)
    tracker.observe("P/a.docx", 10, 1, _t(clock))
    clock.advance(2)
    assert tracker.pop_ready(_t(clock)) == ["P/a.docx"]
    assert tracker.pop_ready(_t(clock)) == []
    assert len(tracker) == 0


def test_a_growing_file_restarts_the_wait() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0)
    tracker.observe("P/a.docx", 10, 1, _t(clock))
    clock.advance(1.5)
    tracker.observe("P/a.docx", 20, 2, _t(clock))
    clock.advance(1.5)
    assert tracker.pop_ready(_t(clock)) == []
    clock.advance(0.5)
    assert tracker.pop_ready(_t(clock)) == ["P/a.docx"]


def test_an_event_storm_on_one_path_is_one_job() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0)
    for _ in range(500):
        tracker.observe("P/a.docx", 10, 1, _t(clock))
        clock.advance(0.001)
    clock.advance(2)
    assert tracker.pop_ready(_t(clock)) == ["P/a.docx"]


def test_repeating_the_same_observation_does_not_restart_the_wait() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0)
    tracker.observe("a.txt", 1, 1, _t(clock))
    clock.advance(1.5)
    tracker.observe("a.txt", 1, 1, _t(clock))
    clock.advance(0.5)
    assert tracker.pop_ready(_t(clock)) == ["a.txt"]


def test_an_office_lock_file_beside_it_holds_the_file_back() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(2.0)
    tracker.observe("P/Rapport.docx", 10, 1, _t(clock))
    tracker.set_lock("P/~$Rapport.docx", present=True)
    clock.advance(5)
    assert tracker.pop_ready(_t(clock)) == []
    tracker.set_lock("P/~$Rapport.docx", present=False)
    assert tracker.pop_ready(_t(clock)) == ["P/Rapport.docx"]


def test_word_lock_names_for_long_names_drop_leading_characters() -> None:
    tracker = StabilityTracker(0)
    tracker.set_lock("P/~$pport2025.docx", present=True)
    assert tracker.is_locked("P/Rapport2025.docx")
    assert not tracker.is_locked("Q/Rapport2025.docx")
    assert not tracker.is_locked("P/Other.docx")


def test_libreoffice_locks_count_too() -> None:
    tracker = StabilityTracker(0)
    tracker.set_lock(".~lock.plan.odt#", present=True)
    assert tracker.is_locked("plan.odt")


def test_replace_locks_forgets_locks_of_the_walked_prefix_only() -> None:
    tracker = StabilityTracker(0)
    tracker.set_lock("A/~$x.docx", present=True)
    tracker.set_lock("B/~$y.docx", present=True)
    tracker.replace_locks("A", set())
    assert not tracker.is_locked("A/x.docx")
    assert tracker.is_locked("B/y.docx")
    tracker.replace_locks("", {"C/~$z.docx"})
    assert not tracker.is_locked("B/y.docx")
    assert tracker.is_locked("C/z.docx")


def test_vanished_paths_come_after_present_ones_so_moves_pair_up() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(1.0)
    tracker.observe("A/old.docx", None, None, _t(clock))
    tracker.observe("B/new.docx", 5, 1, _t(clock))
    clock.advance(1)
    assert tracker.pop_ready(_t(clock)) == ["B/new.docx", "A/old.docx"]


def test_a_locked_file_does_not_hold_back_a_vanished_one() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(1.0)
    tracker.set_lock("~$a.docx", present=True)
    tracker.observe("a.docx", None, None, _t(clock))
    clock.advance(1)
    assert tracker.pop_ready(_t(clock)) == ["a.docx"]


def test_limit_leaves_the_rest_for_later() -> None:
    tracker = StabilityTracker(0)
    for i in range(5):
        tracker.observe(f"f{i}", 1, 1, 0.0)
    assert tracker.pop_ready(0.0, limit=2) == ["f0", "f1"]
    assert len(tracker) == 3


def test_next_due_is_the_earliest_release_time() -> None:
    tracker = StabilityTracker(2.0)
    assert tracker.next_due() is None
    tracker.observe("a", 1, 1, 10.0)
    tracker.observe("b", 1, 1, 11.0)
    assert tracker.next_due() == 12.0


def test_lock_names() -> None:
    assert is_lock_name("~$x.docx")
    assert is_lock_name(".~lock.x.docx#")
    assert not is_lock_name("x.docx")
    assert "~$Rapport.docx" in lock_names_for("Rapport.docx")
