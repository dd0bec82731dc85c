"""PURE: class rules compiled once into a scanner that finds every firing signal.

`compiled(rules)` memoises per rules object, so a daemon or a CLI run that
classifies thousands of files compiles the patterns once; a reloaded rule set
is a new object and gets its own compilation.

Speed: most signals fire on few documents, and a regular-expression search
costs far more than finding plain strings. So every pattern is parsed once for
*needles*: sets of lower-case strings of which a match must contain one each
(`(?:sjukskrivning (pa )?(heltid|deltid))` needs `sjukskrivning ` and one of
`heltid`/`deltid`). Per place, one multi-string search (Aho-Corasick) finds
which needles occur; only patterns whose needles are all there are searched,
and a plain-text pattern is decided by its needle alone. The answer is the
same as searching every pattern, only cheaper (tests/unit/test_classify_scan.py
checks that against the plain search).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from re import _casefix  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

from ahocorasick_rs import AhoCorasick

from recordkeeper.ruleset.classes import (
    ClassRules,
    DocumentClass,
    Flag,
    Location,
    Signal,
    compile_patterns,
    fold,
)

# A needle shorter than this occurs almost everywhere: testing it saves nothing.
# One character is worth testing when it is rare in prose (`%`, `§`, `[`, `@`).
_MIN_NEEDLE = 2
_RARE_CHARS = frozenset("%§[]<>@/#&$€£|{}~^=\\")
# A pattern whose match can be wider than this is searched whole: windows that
# large save nothing. Past this many needle occurrences, one search is cheaper too.
_MAX_ANCHOR = 1000
_MAX_WINDOWS = 24


def _casefix_table() -> dict[int, str]:
    """Characters `re.IGNORECASE` treats as one letter (`ſ`/`s`, `ı`/`i`, `ς`/`σ`), to one."""
    groups: dict[int, set[int]] = {}
    for key, others in _casefix._EXTRA_CASES.items():
        group = {key, *others}
        for member in list(group):
            group |= groups.get(member, set())
        for member in group:
            groups[member] = group
    return {c: chr(min(group)) for c, group in groups.items() if c != min(group)}


_CASEFIX = _casefix_table()
# After str.lower(): characters that need _CASEFIX, and the combining dot that
# lower() adds to `İ` (which IGNORECASE matches as a plain `i`).
_NEEDS_CASEFIX = re.compile("[" + re.escape("".join(map(chr, _CASEFIX))) + "\u0307]")


def caseless(text: str) -> str:
    """`text` lower-cased the way `re.IGNORECASE` compares letters (needles and texts)."""
    lowered = text.lower()
    if lowered.isascii() or _NEEDS_CASEFIX.search(lowered) is None:
        return lowered
    return text.replace("\u0130", "i").lower().translate(_CASEFIX)


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    """One signal: its weight at each of its places, in the rule's order."""

    index: int  # position in CompiledRules.signals
    id: str
    weight: float
    values: tuple[tuple[Location, float], ...]  # weight x place factor
    when: Flag | None


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a match can be, given where its needles are.

    Every match holds one of `needles` starting at most `before` characters
    after the match's start, and the search reads no further than `reach`
    characters past the match's start (lookaheads and `\\b` included). So only
    windows around the needles are searched, never the whole text.
    """

    needles: tuple[str, ...]
    before: int
    reach: int

    def search(self, regex: re.Pattern[str], text: str, lowered: str) -> bool:
        """Whether `regex` matches `text` (`lowered`: its caseless form, same length)."""
        starts: list[int] = []
        for needle in self.needles:
            at = lowered.find(needle)
            while at >= 0:
                if len(starts) == _MAX_WINDOWS:  # windows would cost more than one search
                    return regex.search(text) is not None
                starts.append(at)
                at = lowered.find(needle, at + 1)
        starts.sort()
        floor = 0  # no match starts before this (earlier windows)
        for at in starts:
            # searching up to `at + reach` reads exactly what a full search would
            # for matches starting by `at`; a later start may see a cut text
            found = regex.search(text, max(floor, at - self.before), at + self.reach)
            if found is not None and found.start() <= at:
                return True
            floor = at + 1
        return False


@dataclass(frozen=True, slots=True)
class _Probe:
    """One pattern of one signal in one place."""

    signal: int
    regex: re.Pattern[str] | None  # None: plain text, its needle decides
    requires: tuple[frozenset[int], ...]  # needle ids: one of each set must occur
    anchor: _Anchor | None = None  # None: search the whole text

    def matches(self, text: str, lowered: str | None) -> bool:
        """Whether the pattern matches `text`, once its needles are known to be there.

        `lowered`: `caseless(text)` when it has the same length (positions agree).
        """
        if self.regex is None:
            return True
        if self.anchor is not None and lowered is not None:
            return self.anchor.search(self.regex, text, lowered)
        return self.regex.search(text) is not None


@dataclass(frozen=True, slots=True)
class _Place:
    """Everything searched in one place (title, content, ...)."""

    finder: AhoCorasick  # the place's needles; a match's index is the needle id
    probes_by_needle: Mapping[int, tuple[int, ...]]  # needle id -> probe ids it wakes
    probes: tuple[_Probe, ...]
    always: tuple[int, ...]  # probe ids with no usable needle: always searched

    def fired(self, text: str) -> set[int]:
        """Ids of the signals with a pattern that matches `text` (folded)."""
        lowered = caseless(text)
        aligned = len(lowered) == len(text)
        present = {m[0] for m in self.finder.find_matches_as_indexes(lowered, overlapping=True)}
        woken: set[int] = set(self.always)
        by_needle = self.probes_by_needle
        for needle in present:
            woken.update(by_needle.get(needle, ()))
        fired: set[int] = set()
        probes = self.probes
        for probe_id in woken:
            probe = probes[probe_id]
            if probe.signal in fired:
                continue
            if probe.requires and any(r.isdisjoint(present) for r in probe.requires):
                continue
            if probe.matches(text, lowered if aligned else None):
                fired.add(probe.signal)
        return fired


@dataclass(frozen=True, slots=True)
class CompiledRules:
    rules: ClassRules
    signals: tuple[CompiledSignal, ...]  # every signal, in the order of the groups below
    classes: tuple[tuple[DocumentClass, tuple[CompiledSignal, ...]], ...]
    draft_markers: tuple[CompiledSignal, ...]
    final_markers: tuple[CompiledSignal, ...]
    sent_markers: tuple[CompiledSignal, ...]
    adds_facts_markers: tuple[CompiledSignal, ...]
    case_markers: tuple[CompiledSignal, ...]
    places: Mapping[Location, _Place]

    def scan(self, views: Mapping[Location, str]) -> dict[int, set[Location]]:
        """Signal index -> the places where one of its patterns matches (folded views)."""
        found: dict[int, set[Location]] = {}
        for location, text in views.items():
            place = self.places.get(location)
            if place is None or not text:
                continue
            for signal in place.fired(text):
                found.setdefault(signal, set()).add(location)
        return found


# --- needles: what a match must contain, read from the parsed pattern ---

# (needle set, how far after the match's start one of them starts at most;
# None when unbounded or inside a group)
_Requirement = tuple[frozenset[str], int | None]


def _usable(needles: frozenset[str]) -> bool:
    shortest = min(needles, key=len, default="")
    return len(shortest) >= _MIN_NEEDLE or (
        len(shortest) == 1 and all(len(n) > 1 or n in _RARE_CHARS for n in needles)
    )


def _selectivity(needles: frozenset[str]) -> int:
    return min(map(len, needles))


def _max_width(items: Any) -> int | None:
    """The most characters a parsed (sub)pattern can match, or None: unbounded."""
    widest = items.getwidth()[1]
    return widest if widest < _MAX_ANCHOR else None


def _requirements(items: Any, top: bool) -> list[_Requirement]:
    """Needle sets of which a match of the parsed sequence contains one each.

    `top`: `items` is the whole pattern, so the offsets of its needles are known.
    """
    found: list[_Requirement] = []
    run: list[str] = []
    run_offset: list[int | None] = [None]

    def offset(upto: int) -> int | None:  # widest match of items[:upto]
        return _max_width(_sre.SubPattern(items.state, list(items[:upto]))) if top else None

    def flush() -> None:
        if run:
            found.append((frozenset({caseless("".join(run))}), run_offset[0]))
            run.clear()

    for i, (op, arg) in enumerate(items):
        if op is _sre.LITERAL:
            if not run:
                run_offset[0] = offset(i)
            run.append(chr(arg))
            continue
        repeated = op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1
        if repeated and len(arg[2]) == 1 and arg[2][0][0] is _sre.LITERAL:
            # `x{3,}`: at least three x, ending the run before it and starting the next
            chars = chr(arg[2][0][1]) * min(arg[0], 8)
            if not run:
                run_offset[0] = offset(i)
            run.append(chars)
            flush()
            run_offset[0] = offset(i + 1)  # the next run starts within the repeat
            run.append(chars)
            continue
        flush()
        inner: list[_Requirement] = []
        if op is _sre.SUBPATTERN:
            inner = _requirements(arg[3], False)
        elif op is _sre.BRANCH:
            best = [_best(_requirements(alt, False)) for alt in arg[1]]
            if best and all(b is not None for b in best):
                inner = [(frozenset().union(*[b[0] for b in best if b is not None]), None)]
        elif repeated:
            inner = _requirements(arg[2], False)
        if inner:
            within = offset(i + 1)  # anything inside item i starts by its end
            found += [(needles, within) for needles, _ in inner]
    flush()
    return [(n, at) for n, at in found if n and _usable(n)]


def _best(requirements: list[_Requirement]) -> _Requirement | None:
    """The most selective requirement: the one whose shortest needle is longest."""
    return max(requirements, key=lambda r: _selectivity(r[0]), default=None)


def _lookahead_width(items: Any) -> int | None:
    """How far all lookaheads of a parsed pattern can read, added up; None: unbounded."""
    total = 0
    for op, arg in items:
        nested: list[Any] = []
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if arg[0] == 1:  # a lookahead (-1: a lookbehind, which reads backwards)
                width = _max_width(arg[1])
                if width is None:
                    return None
                total += width
            nested = [arg[1]]
        elif op is _sre.SUBPATTERN:
            nested = [arg[3]]
        elif op is _sre.BRANCH:
            nested = list(arg[1])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            nested = [arg[2]]
        elif op is _sre.ATOMIC_GROUP:
            nested = [arg]
        elif op is _sre.GROUPREF_EXISTS:
            nested = [a for a in arg[1:] if a is not None]
        for sub in nested:
            width = _lookahead_width(sub)
            if width is None:
                return None
            total += width
    return total


@dataclass(frozen=True, slots=True)
class _Needles:
    """What parsing one pattern found."""

    literal: str | None  # the pattern is this plain text (caseless)
    requirements: tuple[frozenset[str], ...]  # most selective first
    anchor: _Anchor | None  # windows around the first requirement's needles


def _pattern_needles(pattern: str) -> _Needles:
    try:
        items = _sre.parse(fold(pattern), re.IGNORECASE | re.MULTILINE)
        if len(items) and all(op is _sre.LITERAL for op, _ in items):
            return _Needles(caseless("".join(chr(c) for _, c in items)), (), None)
        found = sorted(_requirements(items, True), key=lambda r: _selectivity(r[0]), reverse=True)
        width, ahead = _max_width(items), _lookahead_width(items)
    except Exception:  # an unexpected parser shape: no needles, always searched
        return _Needles(None, (), None)
    requirements = tuple(dict.fromkeys(n for n, _ in found))
    anchor = None
    if found and found[0][1] is not None and width is not None and ahead is not None:
        # +2: `\\b` and `$` look one character past the match's end
        reach = width + ahead + 2
        if reach <= _MAX_ANCHOR:
            anchor = _Anchor(tuple(sorted(found[0][0])), found[0][1], reach)
    return _Needles(None, requirements, anchor)


# --- compiling ---


def _compile_signals(
    signals: Iterable[Signal], start: int, factors: Mapping[Location, float]
) -> tuple[CompiledSignal, ...]:
    return tuple(
        CompiledSignal(
            start + i,
            s.id,
            s.weight,
            tuple((loc, s.weight * factors.get(loc, 1.0)) for loc in s.in_),
            s.when,
        )
        for i, s in enumerate(signals)
    )


class _PlaceBuilder:
    def __init__(self) -> None:
        self.needle_ids: dict[str, int] = {}
        self.probes: list[_Probe] = []
        self.by_needle: dict[int, list[int]] = {}
        self.always: list[int] = []

    def _id(self, needle: str) -> int:
        return self.needle_ids.setdefault(needle, len(self.needle_ids))

    def add(self, signal: int, needles: _Needles, regex: re.Pattern[str] | None) -> None:
        probe_id = len(self.probes)
        if needles.literal is not None:
            self.probes.append(_Probe(signal, None, ()))
            self.by_needle.setdefault(self._id(needles.literal), []).append(probe_id)
            return
        sets = tuple(frozenset(map(self._id, r)) for r in needles.requirements)
        self.probes.append(_Probe(signal, regex, sets[1:], needles.anchor))
        if not sets:
            self.always.append(probe_id)
        for needle in sets[0] if sets else ():
            self.by_needle.setdefault(needle, []).append(probe_id)

    def build(self) -> _Place:
        return _Place(
            AhoCorasick(self.needle_ids),  # ids are insertion order: a match's index
            {n: tuple(p) for n, p in self.by_needle.items()},
            tuple(self.probes),
            tuple(self.always),
        )


def compile_rules(rules: ClassRules) -> CompiledRules:
    """Compile every pattern of `rules` (already validated at load)."""
    factors = rules.scoring.location_factor
    groups: list[tuple[Signal, ...]] = [c.signals for c in rules.classes]
    groups += [
        rules.draft.draft_markers,
        rules.draft.final_markers,
        rules.registration.sent_markers,
        rules.registration.adds_facts_markers,
        rules.registration.case_markers,
    ]
    compiled_groups: list[tuple[CompiledSignal, ...]] = []
    builders: dict[Location, _PlaceBuilder] = {}
    index = 0
    for group in groups:
        compiled_groups.append(_compile_signals(group, index, factors))
        for offset, signal in enumerate(group):
            for pattern in signal.any:
                needles = _pattern_needles(pattern)
                regex = None if needles.literal is not None else compile_patterns((pattern,))
                for location in dict.fromkeys(signal.in_):
                    builder = builders.setdefault(location, _PlaceBuilder())
                    builder.add(index + offset, needles, regex)
        index += len(group)
    n = len(rules.classes)
    markers = compiled_groups[n:]
    return CompiledRules(
        rules=rules,
        signals=tuple(s for g in compiled_groups for s in g),
        classes=tuple(zip(rules.classes, compiled_groups[:n], strict=True)),
        draft_markers=markers[0],
        final_markers=markers[1],
        sent_markers=markers[2],
        adds_facts_markers=markers[3],
        case_markers=markers[4],
        places={loc: b.build() for loc, b in builders.items()},
    )


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
