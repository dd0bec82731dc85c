"""PURE: memoise a one-argument function on its argument's identity.

Rule sets are pydantic models: not hashable, and compared field by field, so
`functools.lru_cache` cannot key on them and an equality lookup would cost as much
as the work. A loaded rule set is one object until a reload replaces it, so its
identity is the key; the cache keeps the argument alive, so its id stays unique.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

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
