"""PURE: class rules compiled once into regular expressions ready to run.

`compiled(rules)` memoises per rules object, so a daemon or a CLI run that
classifies thousands of files compiles the patterns once; a reloaded rule set
is a new object and gets its own compilation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recordkeeper.ruleset.classes import (
    ClassRules,
    DocumentClass,
    Flag,
    Location,
    Signal,
    compile_patterns,
)


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    id: str
    weight: float
    locations: tuple[Location, ...]
    pattern: re.Pattern[str] | None
    when: Flag | None


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


def _signal(signal: Signal) -> CompiledSignal:
    pattern = compile_patterns(signal.any) if signal.any else None
    return CompiledSignal(signal.id, signal.weight, signal.in_, pattern, signal.when)


def _signals(signals: tuple[Signal, ...]) -> tuple[CompiledSignal, ...]:
    return tuple(_signal(s) for s in signals)


def compile_rules(rules: ClassRules) -> CompiledRules:
    """Compile every pattern of `rules` (already validated at load)."""
    return CompiledRules(
        rules=rules,
        classes=tuple(CompiledClass(c, _signals(c.signals)) for c in rules.classes),
        draft_markers=_signals(rules.draft.draft_markers),
        final_markers=_signals(rules.draft.final_markers),
        sent_markers=_signals(rules.registration.sent_markers),
        adds_facts_markers=_signals(rules.registration.adds_facts_markers),
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
