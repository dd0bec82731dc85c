"""recordkeeper.memo.by_identity: keyed on the object, not on its value."""

from __future__ import annotations

from recordkeeper.memo import by_identity


def test_the_same_object_is_computed_once_and_an_equal_one_again() -> None:
    calls: list[list[int]] = []

    @by_identity(maxsize=2)
    def total(values: list[int]) -> int:
        calls.append(values)
        return sum(values)

    first, equal = [1, 2], [1, 2]
    assert total(first) == 3
    assert total(first) == 3
    assert len(calls) == 1
    assert total(equal) == 3  # unhashable and equal: still its own entry
    assert len(calls) == 2
    assert calls[1] is equal


def test_the_oldest_entry_goes_beyond_maxsize() -> None:
    calls: list[object] = []

    @by_identity(maxsize=1)
    def seen(arg: object) -> int:
        calls.append(arg)
        return len(calls)

    a, b = object(), object()
    assert seen(a) == 1
    assert seen(b) == 2
    assert seen(a) == 3  # a was dropped when b came
    assert seen(a) == 3
