"""PURE: which retention rule applies to a document, and when it falls due.

A deadline whose trigger has not happened yet (the project is still open, the
document is not registered) has no date: it is `pending`, and it is never due.
Holds are applied by `due_deadlines`, so a held document is never proposed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from recordkeeper.ruleset.retention import Period, RetentionRule, RetentionRules


@dataclass(frozen=True, slots=True)
class RetentionFacts:
    """What retention needs to know about one document; dates only, no content."""

    document_id: str
    doc_class: str
    is_official: bool
    project: str | None = None
    personal_data: bool = False
    document_on: date | None = None
    registered_on: date | None = None
    last_change_on: date | None = None
    project_closed_on: date | None = None
    participation_ended_on: date | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """The applicable rule for a document and, once its trigger happened, the due date."""

    document_id: str
    project: str | None
    rule_id: str
    action: str  # keep | weed | delete_personal_data
    basis: str
    due_on: date | None  # None: kept for ever (keep) or trigger not yet reached

    @property
    def is_pending(self) -> bool:
        return self.action != "keep" and self.due_on is None


NO_RULE_ID = "default.keep"
NO_RULE_BASIS = "Arkivlagen (1990:782) 10 §: allmänna handlingar bevaras om inte gallring beslutats"


def add_period(start: date, period: Period) -> date:
    """`start` plus a calendar period (31 Jan + 1 month = 28/29 Feb)."""
    return start + relativedelta(years=period.years, months=period.months, days=period.days)


def select_rule(rules: RetentionRules, doc_class: str, is_official: bool) -> RetentionRule | None:
    """The first rule in file order whose classes and state match; None if none does."""
    state = "official" if is_official else "non_official"
    for rule in rules.rules:
        if rule.state not in ("any", state):
            continue
        if "*" in rule.classes or doc_class in rule.classes:
            return rule
    return None


_TRIGGER_FIELDS = {
    "project_closed": "project_closed_on",
    "registered": "registered_on",
    "document_date": "document_on",
    "participation_ended": "participation_ended_on",
    "last_change": "last_change_on",
}


def _trigger_date(trigger: str, facts: RetentionFacts) -> date | None:
    value: date | None = getattr(facts, _TRIGGER_FIELDS[trigger])
    return value


def compute_deadline(rules: RetentionRules, facts: RetentionFacts) -> Deadline:
    """The deadline for one document under `rules`."""
    rule = select_rule(rules, facts.doc_class, facts.is_official)
    if rule is None:
        return Deadline(facts.document_id, facts.project, NO_RULE_ID, "keep", NO_RULE_BASIS, None)
    due_on = None
    if rule.action != "keep":
        assert rule.trigger is not None and rule.after is not None  # enforced by the schema
        start = _trigger_date(rule.trigger, facts)
        due_on = add_period(start, rule.after) if start else None
    return Deadline(facts.document_id, facts.project, rule.id, rule.action, rule.basis, due_on)


def compute_deadlines(rules: RetentionRules, facts: Iterable[RetentionFacts]) -> list[Deadline]:
    """`compute_deadline` over many documents, selecting each rule and date sum once."""
    chosen: dict[tuple[str, bool], RetentionRule | None] = {}
    sums: dict[tuple[date, str], date] = {}
    out: list[Deadline] = []
    for fact in facts:
        key = (fact.doc_class, fact.is_official)
        if key not in chosen:
            chosen[key] = select_rule(rules, fact.doc_class, fact.is_official)
        rule = chosen[key]
        if rule is None:
            out.append(
                Deadline(fact.document_id, fact.project, NO_RULE_ID, "keep", NO_RULE_BASIS, None)
            )
            continue
        due_on = None
        if rule.action != "keep":
            assert rule.trigger is not None and rule.after is not None  # enforced by the schema
            start = _trigger_date(rule.trigger, fact)
            if start is not None:
                if (start, rule.id) not in sums:
                    sums[(start, rule.id)] = add_period(start, rule.after)
                due_on = sums[(start, rule.id)]
        out.append(
            Deadline(fact.document_id, fact.project, rule.id, rule.action, rule.basis, due_on)
        )
    return out


def due_deadlines(
    deadlines: Iterable[Deadline],
    today: date,
    held_documents: frozenset[str] = frozenset(),
    held_projects: frozenset[str] = frozenset(),
) -> list[Deadline]:
    """Deadlines due on or before `today`, except those under a legal hold."""
    return [
        d
        for d in deadlines
        if d.due_on is not None
        and d.due_on <= today
        and d.document_id not in held_documents
        and (d.project is None or d.project not in held_projects)
    ]


def group_due(due: Sequence[Deadline]) -> Mapping[tuple[str | None, str, str], list[Deadline]]:
    """Group due deadlines per (project, rule, action): one proposal per group."""
    groups: dict[tuple[str | None, str, str], list[Deadline]] = {}
    for deadline in sorted(due, key=lambda d: (d.project or "", d.rule_id, d.document_id)):
        groups.setdefault((deadline.project, deadline.rule_id, deadline.action), []).append(
            deadline
        )
    return groups
