"""The daemon keeps what start-up loaded out of the collector's full passes."""

from __future__ import annotations

import gc
import weakref

from recordkeeper.daemon import settle_heap


class _Cyclic:
    me: object = None


def test_settle_heap_freezes_what_is_loaded_and_keeps_no_garbage() -> None:
    garbage = _Cyclic()
    garbage.me = garbage  # a cycle: only the collector frees it
    gone = weakref.ref(garbage)
    del garbage
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert gone() is None  # collected first, not frozen for ever
    finally:
        gc.unfreeze()
