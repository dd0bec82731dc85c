"""PURE: class rules compiled once into regular expressions ready to run.

`compiled(rules)` memoises per rules object, so a daemon or a CLI run that
classifies thousands of files compiles the patterns once; a reloaded rule set
is a new object and gets its own compilation.

Speed: most signals fire on few documents, and a regular-expression search
costs far more than a substring test. Each signal therefore carries
*needles*: strings of which any match must contain at least one (derived
from the parsed patterns). When no needle occurs in the lower-cased text the
search is skipped; the answer is the same, only cheaper.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from recordkeeper.ruleset.classes import (
    ClassRules,
    DocumentClass,
    Flag,
    Location,
    Signal,
    compile_patterns,
    fold,
)

try:  # the stdlib's own regex parser; without it every search simply runs
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _sre = None

_MIN_NEEDLE = 2


@dataclass(frozen=True, slots=True)
class Part:
    """One pattern of a signal, with the cheapest exact test for it."""

    regex: re.Pattern[str] | None  # None for a plain-text pattern (never needs one)
    literal: str | None  # the pattern is this plain text: a substring test decides
    needles: frozenset[str] | None  # a match contains one of these; None: search always

    def found_in(self, text: str, present: frozenset[str] | None) -> bool:
        """Whether the pattern matches `text`, given the needles `present` in it.

        `present` None means "not pre-tested": plain text is then looked up directly.
        """
        if self.literal is not None:
            return self.literal in (present if present is not None else text.lower())
        if present is not None and self.needles is not None and self.needles.isdisjoint(present):
            return False
        return self.regex is not None and self.regex.search(text) is not None


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    id: str
    weight: float
    locations: tuple[Location, ...]
    parts: tuple[Part, ...]
    when: Flag | None
    literals: frozenset[str] = frozenset()  # plain-text patterns: one set test decides them
    searched: tuple[Part, ...] = ()  # the other patterns

    def found_in(self, text: str, present: frozenset[str] | None) -> bool:
        """Whether any pattern matches `text` (`present`: needles found, None: unknown)."""
        if present is None:
            return any(part.found_in(text, None) for part in self.parts)
        if not self.literals.isdisjoint(present):
            return True
        return any(part.found_in(text, present) for part in self.searched)


@dataclass(frozen=True, slots=True)
class CompiledClass:
    spec: DocumentClass
    signals: tuple[CompiledSignal, ...]


@dataclass(frozen=True, slots=True)
class CompiledRules:
    rules: ClassRules
    classes: tuple[CompiledClass, ...]
    draft_markers: tuple[CompiledSignal, ...]
    final_markers: tuple[CompiledSignal, ...]
    sent_markers: tuple[CompiledSignal, ...]
    adds_facts_markers: tuple[CompiledSignal, ...]
    case_markers: tuple[CompiledSignal, ...]
    needles_by_location: dict[Location, tuple[str, ...]]

    def present(self, location: Location, lowered: str) -> frozenset[str]:
        """The needles of `location` that occur in its lower-cased text."""
        return frozenset(n for n in self.needles_by_location.get(location, ()) if n in lowered)

    def all_signals(self) -> Iterable[CompiledSignal]:
        for cls in self.classes:
            yield from cls.signals
        yield from self.draft_markers
        yield from self.final_markers
        yield from self.sent_markers
        yield from self.adds_facts_markers
        yield from self.case_markers


def _best(candidates: Iterable[frozenset[str]]) -> frozenset[str] | None:
    """The candidate whose shortest needle is longest (the most selective test)."""
    usable = [c for c in candidates if c and min(map(len, c)) >= _MIN_NEEDLE]
    return max(usable, key=lambda c: min(map(len, c)), default=None)


def _needles_of(items: Sequence[Any]) -> frozenset[str] | None:
    """Strings of which every match of the parsed sequence contains one, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _sre.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run = []
        found: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            found = _needles_of(arg[3])
        elif op is _sre.BRANCH:
            alternatives = [_needles_of(alt) for alt in arg[1]]
            if alternatives and all(a is not None for a in alternatives):
                found = frozenset().union(*[a for a in alternatives if a is not None])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
            found = _needles_of(arg[2])
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset({"".join(run).lower()}))
    return _best(candidates)


def _part(pattern: str) -> Part:
    if _sre is None:
        return Part(compile_patterns((pattern,)), None, None)
    try:
        items = list(_sre.parse(fold(pattern), re.IGNORECASE | re.MULTILINE))
        hints = _needles_of(items)
    except Exception:  # an unexpected parser shape: search always
        return Part(compile_patterns((pattern,)), None, None)
    if items and all(op is _sre.LITERAL for op, _ in items):
        return Part(None, "".join(chr(c) for _, c in items).lower(), None)
    return Part(compile_patterns((pattern,)), None, hints)


def needles(patterns: Sequence[str]) -> frozenset[str] | None:
    """Needles for a group of patterns (any may match), or None when one has none."""
    found: set[str] = set()
    for part in map(_part, patterns):
        hints = {part.literal} if part.literal is not None else part.needles
        if not hints:
            return None
        found |= hints
    return frozenset(found)


def _signal(signal: Signal) -> CompiledSignal:
    parts = tuple(_part(p) for p in signal.any)
    literals = frozenset(p.literal for p in parts if p.literal is not None)
    searched = tuple(p for p in parts if p.literal is None)
    return CompiledSignal(
        signal.id, signal.weight, signal.in_, parts, signal.when, literals, searched
    )


def _signals(signals: tuple[Signal, ...]) -> tuple[CompiledSignal, ...]:
    return tuple(_signal(s) for s in signals)


def _by_location(signals: Iterable[CompiledSignal]) -> dict[Location, tuple[str, ...]]:
    found: dict[Location, set[str]] = {}
    for signal in signals:
        for part in signal.parts:
            hints = {part.literal} if part.literal is not None else part.needles or set()
            for location in signal.locations:
                found.setdefault(location, set()).update(hints)
    return {loc: tuple(sorted(hints)) for loc, hints in found.items()}


def compile_rules(rules: ClassRules) -> CompiledRules:
    """Compile every pattern of `rules` (already validated at load)."""
    partial = CompiledRules(
        rules=rules,
        classes=tuple(CompiledClass(c, _signals(c.signals)) for c in rules.classes),
        draft_markers=_signals(rules.draft.draft_markers),
        final_markers=_signals(rules.draft.final_markers),
        sent_markers=_signals(rules.registration.sent_markers),
        adds_facts_markers=_signals(rules.registration.adds_facts_markers),
        case_markers=_signals(rules.registration.case_markers),
        needles_by_location={},
    )
    return replace(partial, needles_by_location=_by_location(partial.all_signals()))


# id(rules) -> (rules, compiled); keeping `rules` alive keeps its id unique.
_CACHE: dict[int, tuple[ClassRules, CompiledRules]] = {}
_CACHE_MAX = 8


def compiled(rules: ClassRules | CompiledRules) -> CompiledRules:
    """The compiled form of `rules`, compiling on first use only."""
    if isinstance(rules, CompiledRules):
        return rules
    hit = _CACHE.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.pop(next(iter(_CACHE)))
    result = compile_rules(rules)
    _CACHE[id(rules)] = (rules, result)
    return result
