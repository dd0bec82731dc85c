"""Value types the process evaluator returns (pure, frozen).

Messages are not rendered here: a finding carries a message key and its
parameters, so the same evaluation renders in Swedish or English and can be
stored without names (the daemon keeps keys and rule ids only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

STATUSES = ("complete", "partial", "missing", "not_applicable", "needs_confirmation")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Missing:
    """One thing a step lacks. `what` is a document class for per-person
    evidence (e.g. `coi_declaration`), else the rule item's id."""

    what: str
    item: str
    need: str  # required | confirm
    person: str | None = None
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StepResult:
    step_id: str
    status: str
    evidence: tuple[str, ...] = ()
    missing: tuple[Missing, ...] = ()
    started: bool = False  # documents show the step was begun
    confirmed: bool = False  # the project file confirms it


@dataclass(frozen=True, slots=True)
class Finding:
    """A warning for the project lead. `rule_id` is `step.item` (no names)."""

    step_id: str
    severity: str
    key: str  # i18n message key
    rule_id: str
    params: Mapping[str, str] = field(default_factory=dict)
    person: str | None = None


@dataclass(frozen=True, slots=True)
class PersonResult:
    name: str
    roles: tuple[str, ...]
    evidence: Mapping[str, tuple[str, ...]]  # document class -> paths
    missing: tuple[str, ...]  # document classes required and not found
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The process check of one project."""

    rules_id: str
    variant: str | None
    variant_source: str
    facts: Mapping[str, bool]
    steps: tuple[StepResult, ...]
    people: tuple[PersonResult, ...]
    findings: tuple[Finding, ...]
    current_step: str | None = None

    def step(self, step_id: str) -> StepResult:
        return next(s for s in self.steps if s.step_id == step_id)
