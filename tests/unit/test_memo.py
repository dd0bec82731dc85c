"""recordkeeper.memo.by_identity: keyed on the object, not on its value."""

from __future__ import annotations

from recordkeeper.memo import TextMemo, by_identity


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


def test_text_memo_keeps_answers_within_its_bounds() -> None:
    memo: TextMemo[str, int] = TextMemo(keys=3, chars=10, longest=6)
    memo.put("abc", 3, 1)
    memo.put("defg", 4, 2)
    assert (memo.get("abc"), memo.get("defg"), memo.get("x")) == (1, 2, None)
    memo.put("toolong", 7, 3)  # longer than `longest`: not kept, the others stay
    assert memo.get("toolong") is None
    assert len(memo) == 2
    memo.put("hijk", 4, 4)  # 3 + 4 + 4 characters > 10: emptied first
    assert (memo.get("abc"), memo.get("defg"), memo.get("hijk")) == (None, None, 4)
    memo.put("a", 1, 5)
    memo.put("b", 1, 6)
    memo.put("c", 1, 7)  # a fourth key: emptied first
    assert len(memo) == 1
    assert memo.get("c") == 7
    memo.clear()
    assert len(memo) == 0
    memo.put("123456", 6, 8)
    memo.put("7890", 4, 9)  # exactly 10 characters: both kept
    assert (memo.get("123456"), memo.get("7890")) == (8, 9)
