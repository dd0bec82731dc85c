"""The class choice made cheaply is the one the plain definition makes.

The classifier ranks only the classes where something fired (and the first two
where nothing did) and reads each fired signal's hit at its best place from a
table of ranked places made at compile time (`compiled.ranked_hits`); these tests
hold it to the plain definition: every class scored (the sum of its signals'
values, each at its best place, first of equals), sorted best first keeping rule
order among equals, on random fired signals in random places, given in a random
order of places.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from recordkeeper.classify.classifier import _choose_class, _Fired
from recordkeeper.classify.compiled import CompiledRules, FiredAt, compile_rules
from recordkeeper.ruleset.classes import ClassRules, Flag
from recordkeeper.ruleset.load import load_ruleset

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
FLAGS: list[Flag] = [
    "has_comments", "has_tracked_changes", "has_attachment", "is_email", "no_text_layer",
]  # fmt: skip


def _plain_hits(
    rules: CompiledRules, group: int, places: dict[int, set[str]], flags: Any
) -> list[tuple[str, float, str]]:
    hits: list[tuple[str, float, str]] = []
    for signal in rules.groups[group]:
        if signal.when is not None:
            if flags.get(signal.when):
                hits.append((signal.id, signal.weight, "fact"))
            continue
        if signal.index not in places:
            continue
        where, best = "", 0.0
        for location, value in signal.values:
            if location in places[signal.index] and (not where or abs(value) > abs(best)):
                where, best = location, value
        hits.append((signal.id, best, where))
    return hits


def _plain_choice(rules: CompiledRules, places: dict[int, set[str]], flags: Any) -> tuple[Any, ...]:
    scored = []
    for spec, group in rules.classes:
        hits = _plain_hits(rules, group, places, flags)
        scored.append((sum(h[1] for h in hits), spec, hits))
    scored.sort(key=lambda s: s[0], reverse=True)  # stable: rule order among equals
    (best, spec, hits), second = scored[0], scored[1][0]
    reasons = [f"{h[0]}@{h[2]}" for h in sorted(hits, key=lambda h: -h[1])]
    return best, second, spec.id, scored[1][1].id, reasons


def _fired_at(places: dict[int, set[str]], rng: random.Random) -> tuple[FiredAt, ...]:
    """`places` (signal -> where it fired) as the scan gives it: per place, its signals."""
    at: dict[str, set[int]] = {}
    for signal, where in places.items():
        for location in where:
            at.setdefault(location, set()).add(signal)
    order = sorted(at)
    rng.shuffle(order)
    return tuple((loc, frozenset(at[loc])) for loc in order)  # type: ignore[misc]


def _check(rules: CompiledRules, seed: int) -> int:
    rng = random.Random(seed)
    signals = [s for s in rules.signals if s.when is None]
    differ = 0
    for _ in range(400):
        places: dict[int, set[str]] = {}
        for signal in rng.sample(signals, rng.choice([0, 1, 2, 4, 8, 16])):
            locations = [loc for loc, _ in signal.values]
            places[signal.index] = set(rng.sample(locations, rng.randint(1, len(locations))))
        flags: dict[Flag, bool] = {f: rng.random() < 0.2 for f in FLAGS}
        flags["no_final_marker"] = False
        best, second, first_id, second_id, reasons = _plain_choice(rules, places, flags)
        choice = _choose_class(rules, _Fired(rules, _fired_at(places, rng)), flags)
        scoring = rules.rules.scoring
        if best < scoring.min_score:
            assert choice.spec.id == scoring.fallback_class
            hint = [f"candidate:{first_id}"] if best > 0 else []
            assert choice.reasons == ("low_score", *hint, *reasons)
            continue
        differ += 1
        assert choice.spec.id == first_id
        want = reasons + (
            [f"ambiguous:{second_id}"] if best - second < scoring.review_margin else []
        )
        assert list(choice.reasons[: len(want)]) == want
    return differ


def test_the_rules_choose_as_the_plain_ranking_does() -> None:
    assert _check(compile_rules(RULES), 1) > 50


def test_negative_and_equal_scores_rank_as_a_stable_sort() -> None:
    # classes whose signals sum to 0 or below rank after or among the classes
    # where nothing fired, in rule order
    data = RULES.model_dump(by_alias=True, exclude_none=True)
    for number, cls in enumerate(data["classes"]):
        for signal in cls["signals"]:
            if "when" not in signal:
                signal["weight"] = [-2.0, 0.0, 1.0, 2.5, 6.0][number % 5]
    rules = compile_rules(ClassRules.model_validate(data))
    assert _check(rules, 2) > 20


def test_a_signal_counts_at_the_first_of_its_equally_weighted_places() -> None:
    # every place weighs the same: a signal fired in several counts at the first of them in
    # the rule's order (its reason names that place), whichever order the scan gives them in
    data = RULES.model_dump(by_alias=True, exclude_none=True)
    data["scoring"]["location_factor"] = dict.fromkeys(data["scoring"]["location_factor"], 1.0)
    rules = compile_rules(ClassRules.model_validate(data))
    assert _check(rules, 3) > 50
    several = [s for s in rules.signals if len(s.values) > 2]
    assert several
    for signal in several:
        fired = {signal.index: {loc for loc, _ in signal.values[1:]}}
        hits = _Fired(rules, _fired_at(fired, random.Random(4))).hits(
            rules.group_of[signal.index], {}
        )
        assert [h.where for h in hits] == [signal.values[1][0]]
