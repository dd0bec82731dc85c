"""PURE: memoise a one-argument function on its argument's identity; keep answers by text.

Rule sets are pydantic models: not hashable, and compared field by field, so
`functools.lru_cache` cannot key on them and an equality lookup would cost as much
as the work. A loaded rule set is one object until a reload replaces it, so its
identity is the key; the cache keeps the argument alive, so its id stays unique.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


def by_identity(maxsize: int) -> Callable[[Callable[[K], V]], Callable[[K], V]]:
    """Decorator: remember `function(arg)` for the last `maxsize` distinct `arg` objects."""

    def decorate(function: Callable[[K], V]) -> Callable[[K], V]:
        cache: dict[int, tuple[K, V]] = {}

        def cached(arg: K) -> V:
            hit = cache.get(id(arg))
            if hit is not None and hit[0] is arg:
                return hit[1]
            if len(cache) >= maxsize:
                cache.pop(next(iter(cache)))  # the oldest: a reload replaced it
            value = function(arg)
            cache[id(arg)] = (arg, value)
            return value

        cached.__doc__ = function.__doc__
        cached.__name__ = function.__name__
        return cached

    return decorate


class TextMemo(Generic[K, V]):
    """Answers by a key that holds text, kept while they fit: at most `keys` keys and
    `chars` characters of text (the sizes the caller gives); a key of more than `longest`
    characters is not kept. Full, it is emptied (no order kept per hit: a hit costs one
    lookup). For pure answers of texts that recur (a file's folders, a copied file's
    text): memory stays bounded in a worker that lives long."""

    __slots__ = ("_answers", "_held", "chars", "keys", "longest")

    def __init__(self, keys: int, chars: int, longest: int) -> None:
        self.keys, self.chars, self.longest = keys, chars, longest
        self._answers: dict[K, V] = {}
        self._held = 0  # characters of the keys kept

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: K) -> V | None:
        return self._answers.get(key)

    def put(self, key: K, size: int, answer: V) -> None:
        """Keep `answer` for `key`, whose text is `size` characters long."""
        if size > self.longest:
            return
        if len(self._answers) >= self.keys or self._held + size > self.chars:
            self._answers.clear()
            self._held = 0
        self._answers[key] = answer
        self._held += size

    def clear(self) -> None:
        self._answers.clear()
        self._held = 0
