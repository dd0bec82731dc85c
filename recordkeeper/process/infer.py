"""Infer a project's variant and facts from its documents (pure).

The variant is read where a project states it: the project plan first (its
signals weigh three times), then the folder name, then every other document.
A tie or no signal leaves the variant unknown, which the evaluator reports
instead of guessing. Facts (e.g. a government assignment) are phrases in the
document classes a rule names, cancelled by a negation in the same document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from recordkeeper.process.text import DocView, any_phrase, fold_phrase, has_phrase, padded
from recordkeeper.ruleset.process import ProcessRules

_PLAN_WEIGHT = 3.0
_NAME_WEIGHT = 2.0
_FIELDS = ("name", "folders", "title", "headings", "subject", "text")


@dataclass(frozen=True, slots=True)
class Inferred:
    """A value and where it came from: 'project_file', 'documents' or 'unknown'."""

    value: str | None
    source: str
    evidence: tuple[str, ...] = ()


def infer_variant(
    rules: ProcessRules,
    views: Sequence[DocView],
    project_name: str = "",
    plan_classes: Sequence[str] = (),
) -> Inferred:
    """The variant whose signals score highest; unknown on a tie or no signal."""
    scores = {v.id: 0.0 for v in rules.variants}
    sources: dict[str, set[str]] = {v.id: set() for v in rules.variants}
    name_padded = padded(project_name)
    for variant in rules.variants:
        for signal in variant.signals:
            if has_phrase(name_padded, signal.term):
                scores[variant.id] += signal.weight * _NAME_WEIGHT
    signals = [
        (variant.id, [(s.weight, f" {n}") for s in variant.signals if (n := fold_phrase(s.term))])
        for variant in rules.variants
    ]
    for view in views:
        factor = _PLAN_WEIGHT if view.doc.doc_class in plan_classes else 1.0
        fields = view.joined(_FIELDS)
        for variant_id, wanted in signals:
            found = [weight for weight, needle in wanted if needle in fields]
            if found:
                scores[variant_id] += max(found) * factor
                sources[variant_id].add(view.doc.path)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return Inferred(None, "unknown")
    best = ranked[0][0]
    return Inferred(best, "documents", tuple(sorted(sources[best])))


def infer_facts(rules: ProcessRules, views: Sequence[DocView]) -> dict[str, Inferred]:
    """Each fact: 'true' when a document of the listed classes states it (not negated)."""
    out: dict[str, Inferred] = {}
    for fact in rules.facts:
        holding: list[str] = []
        for view in views:
            if fact.look_in and view.doc.doc_class not in fact.look_in:
                continue
            text = view.field("text") + view.field("title") + view.field("headings")
            if any_phrase(text, fact.signals) and not any_phrase(text, fact.negations):
                holding.append(view.doc.path)
        if holding:
            out[fact.id] = Inferred("true", "documents", tuple(sorted(holding)))
    return out


def merge_facts(inferred: Mapping[str, Inferred], stated: Mapping[str, bool]) -> dict[str, bool]:
    """The project file's facts win over inferred ones."""
    facts = {k: v.value == "true" for k, v in inferred.items()}
    facts.update(stated)
    return facts
