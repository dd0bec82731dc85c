"""Schema of a process rule file (kind: process), e.g. `rules/fmb-3.1.3.5.yaml`.

A process rule file turns a work instruction into data: its variants, the
roles people have in a project, project facts read from documents, and the
steps in order, each with the evidence it requires, the people rules, the
prerequisites and the time rules. `recordkeeper.process` evaluates it; it
never names a step or a class in code. Field reference: docs/rules.md.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from recordkeeper.ruleset.load import check_patterns, register_cross_check, register_kind

Need = Literal["required", "confirm", "optional"]
Severity = Literal["info", "warning", "error"]
Field_ = Literal["name", "folders", "title", "headings", "subject", "text", "extension"]

_ID = r"^[a-z][a-z0-9_]*$"


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Reference(_Rule):
    """Where in the instruction a step or rule comes from."""

    section: str
    quote: str = ""


class Terms(_Rule):
    """Phrases looked for (case- and diacritic-insensitive) in chosen fields."""

    any: tuple[str, ...] = Field(min_length=1)
    fields: tuple[Field_, ...] = ("name", "folders", "title", "headings", "subject")
    # phrases that also count when found in the body text: only ones that say what
    # the document is ("möte med rekommendationsgruppen"), since a body mentions much
    in_text: tuple[str, ...] = ()


class Signal(_Rule):
    """A weighted phrase; used to infer the variant and project facts."""

    term: str = Field(min_length=1)
    weight: float = 1.0


class Variant(_Rule):
    id: str = Field(pattern=_ID)
    name_sv: str
    name_en: str
    signals: tuple[Signal, ...] = ()


class Role(_Rule):
    """A role people hold in a project (expert, RG member, ...)."""

    id: str = Field(pattern=_ID)
    name_sv: str
    name_en: str
    implies: tuple[str, ...] = ()
    # phrases that, in a heading, label or nearby text, mark a list of people with this role
    signals: tuple[str, ...] = ()
    # further phrases that mark the role only as a folder's name ("RG/", "2_RG"): too short
    # or ambiguous for running text, where "RG-möte | alla" is no list of members
    folder_signals: tuple[str, ...] = ()
    # document classes whose subject person holds this role (an agreement -> expert)
    from_classes: tuple[str, ...] = ()
    # document classes whose e-mail recipients hold this role (a survey's recipients -> RG)
    recipients_of: tuple[str, ...] = ()
    # document classes whose listed names hold this role (survey answers -> RG)
    listed_in: tuple[str, ...] = ()
    # the step at which people with this role take part; declarations are due before it
    takes_part_at: str | None = None


class ProjectFact(_Rule):
    """A yes/no fact about the project that conditions rules (e.g. government assignment)."""

    id: str = Field(pattern=_ID)
    name_sv: str
    name_en: str
    signals: tuple[str, ...] = Field(min_length=1)
    negations: tuple[str, ...] = ()
    look_in: tuple[str, ...] = ()  # document classes searched; empty = every document


class Evidence(_Rule):
    """One piece of evidence a step requires.

    `needed` maps a variant to required / confirm / optional; variants not in
    it use `default_need`. `confirm` means the instruction leaves it to a
    person: when absent, the step needs confirmation rather than being
    incomplete.
    """

    id: str = Field(pattern=_ID)
    what_sv: str
    what_en: str
    classes: tuple[str, ...] = Field(min_length=1)
    version: Literal["any", "final"] = "any"
    terms: Terms | None = None  # at least one must match (narrows the classes)
    exclude: Terms | None = None  # none may match
    named: Terms | None = None  # a document of any class whose name/title says it is this
    min_count: int = Field(1, ge=1)
    per_person: str | None = None
    variants: tuple[str, ...] = ()
    default_need: Need = "required"
    needed: dict[str, Need] = Field(default_factory=dict)
    unless_fact: str | None = None
    anchor: bool = True  # does finding it show the step was started?

    def need(self, variant: str | None) -> Need | None:
        """How much this evidence is needed in `variant`; None when it does not apply."""
        if variant is not None and self.variants and variant not in self.variants:
            return None
        if variant is None:
            if self.variants or self.needed:
                return "confirm"  # variant unknown: a person must say
            return self.default_need
        return self.needed.get(variant, self.default_need)


class PeopleRule(_Rule):
    """At least `min` people with `role`; fewer is allowed when a fact holds.

    With fewer than `min` people but at least `min_with_fact`, and the fact
    not established, the step needs confirmation (a person judges).
    """

    id: str = Field(pattern=_ID)
    what_sv: str
    what_en: str
    role: str
    min: int = Field(ge=1)
    min_with_fact: int | None = Field(None, ge=0)
    fact: str | None = None
    if_fewer: Literal["missing", "confirm"] = "missing"
    reference: Reference | None = None


class Approver(_Rule):
    """Who approves, by variant and by fact; recognised by phrases in the evidence."""

    evidence: str  # id of the evidence item whose documents are read
    by_variant: dict[str, str]
    by_fact: dict[str, str] = Field(default_factory=dict)
    phrases: dict[str, tuple[str, ...]]
    severity: Severity = "warning"


class Due(_Rule):
    """Time rule: this step's evidence is expected within `days` of another step's evidence."""

    id: str = Field(pattern=_ID)
    after_step: str
    after_evidence: str | None = None
    days: int = Field(ge=0)
    grace_days: int = Field(0, ge=0)
    evidence: str | None = None  # which of this step's items is awaited; None = the step
    severity: Severity = "warning"
    reference: Reference | None = None


class Step(_Rule):
    id: str = Field(pattern=_ID)
    heading_sv: str
    heading_en: str
    reference: Reference
    variants: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    people: tuple[PeopleRule, ...] = ()
    approver: Approver | None = None
    confirmation: bool = False  # no document exists for it: a person confirms
    confirmation_what_sv: str = ""
    confirmation_what_en: str = ""
    prerequisites: tuple[str, ...] = ()
    prerequisite_severity: Severity = "warning"
    due: tuple[Due, ...] = ()

    @model_validator(mode="after")
    def _unique_items(self) -> Step:
        ids = [e.id for e in self.evidence] + [p.id for p in self.people]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"step '{self.id}': item id '{dupes[0]}' is used twice")
        if not self.evidence and not self.confirmation:
            raise ValueError(f"step '{self.id}' needs evidence or 'confirmation: true'")
        return self


class Instruction(_Rule):
    id: str
    title: str
    version: str


class ProcessRules(_Rule):
    kind: Literal["process"]
    id: str
    version: int = 1
    instruction: Instruction
    variants: tuple[Variant, ...] = Field(min_length=1)
    roles: tuple[Role, ...] = ()
    facts: tuple[ProjectFact, ...] = ()
    staff_labels: tuple[str, ...] = ()  # labels naming agency staff, never members
    staff_email_domains: tuple[str, ...] = ()  # addresses here belong to agency staff
    # phrases in a mail's text that ask its recipients to propose people ("Vi ber NPO föreslå
    # två sakkunniga"): its recipients nominate, the role its subject names is not theirs
    asks_for_names: tuple[str, ...] = ()
    variant_from: tuple[str, ...] = ()  # classes where a project states its variant (weigh more)
    unknown_class: str = "other"  # the class of documents the classifier could not place
    not_evidence: Terms | None = None  # documents never counted (copies of the instruction)
    # classifier signals (ids, e.g. "other.blank_form") that make a document nobody's
    # evidence when its classification fired one: a blank form, a template, support material
    not_evidence_signals: tuple[str, ...] = ()
    # an e-mail attachment whose name (without extension) matches one of these regular
    # expressions (case-insensitive) is a blank form or template sent out: nobody's document
    blank_attachment_names: tuple[str, ...] = ()
    # words in a file or folder name that are never part of a person's name (what the
    # document is, its state, mail prefixes): left out to read whose declaration or
    # agreement a file is; regular expressions, each matched as a whole word, any case
    name_noise_words: tuple[str, ...] = ()
    steps: tuple[Step, ...] = Field(min_length=1)

    @field_validator("blank_attachment_names")
    @classmethod
    def _blank_names_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(
            patterns, lambda p: re.compile(p, re.IGNORECASE), "it matches every name"
        )

    @field_validator("name_noise_words")
    @classmethod
    def _noise_words_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        return check_patterns(
            patterns, lambda p: re.compile(p, re.IGNORECASE), "it would take every word away"
        )

    @model_validator(mode="after")
    def _references(self) -> ProcessRules:
        problems = _reference_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def all_classes(self) -> set[str]:
        """Every document class the file names (for the cross-check with classes.yaml)."""
        names: set[str] = set()
        for step in self.steps:
            for item in step.evidence:
                names.update(item.classes)
        for role in self.roles:
            names.update(role.from_classes)
            names.update(role.recipients_of)
            names.update(role.listed_in)
        for fact in self.facts:
            names.update(fact.look_in)
        names.update(self.variant_from)
        names.add(self.unknown_class)
        return names


def _dupes(ids: list[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


def _reference_problems(rules: ProcessRules) -> list[str]:
    """Every id a rule refers to must be defined (steps before the referring step)."""
    problems: list[str] = []
    variants = {v.id for v in rules.variants}
    roles = {r.id for r in rules.roles}
    facts = {f.id for f in rules.facts}
    for kind, ids in (
        ("step", [s.id for s in rules.steps]),
        ("variant", [v.id for v in rules.variants]),
        ("role", [r.id for r in rules.roles]),
        ("fact", [f.id for f in rules.facts]),
    ):
        problems += [f"{kind} id '{d}' is defined twice; keep one" for d in _dupes(ids)]
    step_ids = [s.id for s in rules.steps]
    for role in rules.roles:
        problems += [
            f"role '{role.id}' implies unknown role '{i}'" for i in role.implies if i not in roles
        ]
        if role.takes_part_at and role.takes_part_at not in step_ids:
            problems.append(f"role '{role.id}': unknown step '{role.takes_part_at}'")
    for index, step in enumerate(rules.steps):
        earlier = set(step_ids[:index])
        where = f"step '{step.id}'"
        problems += [f"{where}: unknown variant '{v}'" for v in step.variants if v not in variants]
        problems += [
            f"{where}: prerequisite '{p}' is not an earlier step"
            for p in step.prerequisites
            if p not in earlier
        ]
        for item in step.evidence:
            problems += _item_problems(where, item, variants, roles, facts)
        for rule in step.people:
            if rule.role not in roles:
                problems.append(
                    f"{where}: people rule '{rule.id}' names unknown role '{rule.role}'"
                )
            if rule.fact and rule.fact not in facts:
                problems.append(
                    f"{where}: people rule '{rule.id}' names unknown fact '{rule.fact}'"
                )
        problems += _approver_problems(where, step, variants, facts)
        for due in step.due:
            if due.after_step not in earlier:
                problems.append(f"{where}: time rule '{due.id}' waits for unknown step")
    return problems


def _item_problems(
    where: str, item: Evidence, variants: set[str], roles: set[str], facts: set[str]
) -> list[str]:
    problems = [
        f"{where}: evidence '{item.id}' names unknown variant '{v}'"
        for v in (*item.variants, *item.needed)
        if v not in variants
    ]
    if item.per_person and item.per_person not in roles:
        problems.append(f"{where}: evidence '{item.id}' names unknown role '{item.per_person}'")
    if item.unless_fact and item.unless_fact not in facts:
        problems.append(f"{where}: evidence '{item.id}' names unknown fact '{item.unless_fact}'")
    return problems


def _approver_problems(where: str, step: Step, variants: set[str], facts: set[str]) -> list[str]:
    approver = step.approver
    if approver is None:
        return []
    problems: list[str] = []
    if approver.evidence not in {e.id for e in step.evidence}:
        problems.append(f"{where}: approver reads unknown evidence '{approver.evidence}'")
    problems += [
        f"{where}: approver for unknown variant '{v}'"
        for v in approver.by_variant
        if v not in variants
    ]
    problems += [
        f"{where}: approver for unknown fact '{f}'" for f in approver.by_fact if f not in facts
    ]
    named = {*approver.by_variant.values(), *approver.by_fact.values()}
    problems += [
        f"{where}: approver '{a}' has no phrases" for a in sorted(named - set(approver.phrases))
    ]
    return problems


def _check_classes(
    by_kind: dict[str, list[BaseModel]],
) -> list[tuple[str, tuple[str | int, ...], str]]:
    """Every class a process rule file names must be defined in the classes file."""
    if not by_kind.get("classes"):
        return []  # no classes file loaded: nothing to check against
    known: set[str] = set()
    for model in by_kind.get("classes", []):
        known.update(str(c.id) for c in getattr(model, "classes", ()))
    out: list[tuple[str, tuple[str | int, ...], str]] = []
    for model in by_kind.get("process", []):
        if not isinstance(model, ProcessRules):
            continue
        for name in sorted(model.all_classes() - known):
            out.append(
                (
                    f"process rules '{model.id}'",
                    (),
                    f"document class '{name}' is not defined in the classes file",
                )
            )
    return out


register_kind("process", ProcessRules)
register_cross_check(_check_classes)


@lru_cache(maxsize=8)
def blank_attachment_pattern(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """`ProcessRules.blank_attachment_names` as one pattern (None: no attachment is blank)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=8)
def name_noise_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """`ProcessRules.name_noise_words` as one pattern of whole words (None: no word is noise)."""
    if not words:
        return None
    return re.compile(r"(?i)\b(?:" + "|".join(f"(?:{w})" for w in words) + r")\b")
