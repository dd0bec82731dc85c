"""The daemon keeps what start-up loaded out of the collector's full passes."""

from __future__ import annotations

import gc
import weakref

from recordkeeper.daemon import YOUNG_GC_THRESHOLD, settle_heap


class _Cyclic:
    me: object = None


def test_settle_heap_freezes_what_is_loaded_and_keeps_no_garbage() -> None:
    garbage = _Cyclic()
    garbage.me = garbage  # a cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    before = gc.get_threshold()
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert gone() is None  # collected first, not frozen for ever
        assert gc.get_threshold() == (YOUNG_GC_THRESHOLD, *before[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_cyclic_garbage_is_still_collected_after_settling() -> None:
    before = gc.get_threshold()
    try:
        settle_heap()
        garbage = _Cyclic()
        garbage.me = garbage
        gone = weakref.ref(garbage)
        del garbage
        kept = [[] for _ in range(YOUNG_GC_THRESHOLD + 1)]  # new container objects
        assert gone() is None  # a young pass ran on its own and freed the cycle
        del kept
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
