"""The process evaluator: rules + a project's classified documents -> per-step status (pure).

Everything specific to the instruction is in the rule file; this module only
knows the rule shapes (evidence, per-person evidence, people rules, approver,
prerequisites, time rules, confirmations). Status of a step:

- `not_applicable`: the step is not for this variant, or the project file says so;
- `complete`: every required item is there (or the project file confirms the step);
- `needs_confirmation`: everything required is there, but something the
  instruction leaves to a person is open (or the step has no document at all,
  like VIPS, and the project has reached it);
- `partial`: begun (some evidence or people) but a required item is missing;
- `missing`: nothing yet. A step after the project's current point is simply
  missing; warnings are raised only for gaps behind work already done.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from recordkeeper.process.people import Person
from recordkeeper.process.result import Evaluation, Finding, Missing, PersonResult, StepResult
from recordkeeper.process.text import ClassifiedDocument, DocView, fold, has_word
from recordkeeper.ruleset.process import Evidence, PeopleRule, ProcessRules, Step, Terms

_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class ProjectInput:
    """Everything the evaluator needs about one project, already gathered."""

    docs: Sequence[ClassifiedDocument]
    people: Sequence[Person]
    variant: str | None
    variant_source: str = "unknown"
    facts: Mapping[str, bool] = field(default_factory=dict)
    confirmations: frozenset[str] = frozenset()  # step ids and step.item ids
    not_applicable: frozenset[str] = frozenset()
    project_file: str | None = None  # path of the project file, cited as evidence
    named_documents: frozenset[str] = frozenset()  # documents whose subject has a readable name


@dataclass(slots=True)
class _ItemOutcome:
    """One rule item: documents used, whether they show the step begun, what is missing."""

    docs: list[str]
    anchor: bool  # documents of an anchor item: the step was begun with real work
    begun: bool  # any sign of the step (documents or people)
    missing: list[Missing]


@dataclass(slots=True)
class _Run:
    rules: ProcessRules
    project: ProjectInput
    today: date
    views: list[DocView]
    results: dict[str, StepResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    person_docs: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    pools: dict[str, _Pool] = field(default_factory=dict)
    readable: dict[str, _Readable] = field(default_factory=dict)


def evaluate_project(
    rules: ProcessRules,
    project: ProjectInput,
    today: date,
    views: Sequence[DocView] | None = None,
) -> Evaluation:
    """Evaluate every step of `rules` for one project.

    Args:
        rules: the process rule file.
        project: documents, people, variant, facts and confirmations.
        today: the date time rules are measured against.
        views: the documents' folded fields, when the caller already built them.

    Returns:
        Statuses in rule order, people with their evidence, and findings.
    """
    views = list(views) if views is not None else [DocView(d) for d in project.docs]
    if rules.not_evidence is not None:
        ignore = rules.not_evidence
        views = [v for v in views if not v.matches(ignore.any, ignore.fields)]
    if rules.not_evidence_signals:
        views = [v for v in views if not _fired_any(v.doc, rules.not_evidence_signals)]
    run = _Run(rules, project, today, views)
    for step in rules.steps:
        run.results[step.id] = _evaluate_step(run, step)
    current = _current_index(run)
    for index, step in enumerate(rules.steps):
        if step.confirmation and run.results[step.id].status == "missing":
            run.results[step.id] = _confirmation_step(run, step, index, current)
    _prerequisite_findings(run)
    _person_findings(run)
    for step in rules.steps:
        _due_findings(run, step)
    if project.variant is None:
        run.findings.append(Finding("", "info", "process.warn.variant_unknown", "variant"))
    return Evaluation(
        rules_id=rules.id,
        variant=project.variant,
        variant_source=project.variant_source,
        facts=dict(project.facts),
        steps=tuple(run.results[s.id] for s in rules.steps),
        people=tuple(_person_results(run)),
        findings=tuple(sorted(run.findings, key=lambda f: -_RANK[f.severity])),
        current_step=rules.steps[current].id if current >= 0 else None,
    )


def _evaluate_step(run: _Run, step: Step) -> StepResult:
    project = run.project
    variant = project.variant
    if step.id in project.not_applicable or (variant is not None and variant not in step.variants):
        return StepResult(step.id, "not_applicable")
    if step.id in project.confirmations:
        cited = (project.project_file,) if project.project_file else ()
        return StepResult(step.id, "complete", cited, started=True, confirmed=True)
    outcomes = [o for item in step.evidence if (o := _evidence(run, step, item)) is not None]
    outcomes += [_people_rule(run, step, rule) for rule in step.people]
    approver = _approver(run, step)
    if approver is not None:
        outcomes.append(approver)
    return _status(step, outcomes)


def _status(step: Step, outcomes: list[_ItemOutcome]) -> StepResult:
    if step.confirmation and not outcomes:
        return StepResult(step.id, "missing", missing=_confirmation_missing(step))
    evidence = tuple(sorted({p for o in outcomes for p in o.docs}))
    missing = tuple(m for o in outcomes for m in o.missing)
    anchored = any(o.anchor for o in outcomes)
    if not any(o.begun for o in outcomes):
        return StepResult(step.id, "missing", (), missing)
    if any(m.need == "required" for m in missing):
        status = "partial"
    elif missing:
        status = "needs_confirmation"
    else:
        status = "complete"
    return StepResult(step.id, status, evidence, missing, started=anchored)


def _confirmation_missing(step: Step) -> tuple[Missing, ...]:
    return (Missing("confirmation", "confirmation", "confirm", params={"step": step.id}),)


def _matching_docs(run: _Run, item: Evidence) -> list[DocView]:
    out = []
    for view in run.views:
        doc = view.doc
        if doc.doc_class not in item.classes and not (
            doc.doc_class == "other" and _named_as(view, item)
        ):
            continue
        if item.version == "final" and doc.is_draft:
            continue
        if item.terms is not None and not _has_terms(view, item.terms):
            continue
        if item.exclude is not None and view.matches(item.exclude.any, item.exclude.fields):
            continue
        out.append(view)
    return out


def _has_terms(view: DocView, terms: Terms) -> bool:
    if view.matches(terms.any, terms.fields):
        return True
    return bool(terms.in_text) and view.matches(terms.in_text, ("text",))


def _named_as(view: DocView, item: Evidence) -> bool:
    """An unclassified document whose name or title says it is this evidence
    (a declaration in English the classifier did not recognise)."""
    return item.named is not None and view.matches(item.named.any, item.named.fields)


def _evidence(run: _Run, step: Step, item: Evidence) -> _ItemOutcome | None:
    need = item.need(run.project.variant)
    if need is None or (item.unless_fact and run.project.facts.get(item.unless_fact)):
        return None
    views = _matching_docs(run, item)
    paths = sorted(v.doc.path for v in views)
    anchor = bool(paths) and item.anchor
    if f"{step.id}.{item.id}" in run.project.confirmations:
        return _ItemOutcome(paths, anchor, anchor, [])
    if item.per_person:
        holders = [p for p in run.project.people if item.per_person in p.roles]
        if holders:
            return _per_person(run, step, item, views, holders, need)
        # nobody in this role yet: a document of a person in another role (an expert's
        # declaration, for the RG step) shows nothing of this step (issue #4)
        attributed = {path for paths in _pool(run, item).by_person.values() for path in paths}
        views = [v for v in views if v.doc.path not in attributed]
        paths = sorted(v.doc.path for v in views)
        anchor = bool(paths) and item.anchor
    if len(paths) >= item.min_count or need == "optional":
        return _ItemOutcome(paths, anchor, anchor, [])
    params = {"count": str(len(paths)), "min": str(item.min_count)}
    what = item.classes[0] if item.per_person else item.id
    return _ItemOutcome(paths, anchor, anchor, [Missing(what, item.id, need, params=params)])


@dataclass(slots=True)
class _Pool:
    """Documents of one per-person class (e.g. declarations) across every role.

    Unnamed documents (scans with no readable name) are matched by elimination
    over all roles at once: when there are at least as many as people lacking
    one, they are counted for those people (and a person is asked to confirm);
    otherwise nobody can be credited and every such person is reported.
    """

    by_person: dict[str, list[str]]
    unnamed: list[str]
    covered: set[str]


_Readable = tuple[list[Evidence], list[str], dict[str, list[str]], set[str]]


def _readable(run: _Run, what: str) -> _Readable:
    """For one per-person class: its rules, its documents with no named subject, the
    documents by person, and the people lacking one (before any elimination)."""
    cached = run.readable.get(what)
    if cached is not None:
        return cached
    variant = run.project.variant
    items = [
        e
        for s in run.rules.steps
        for e in s.evidence
        if e.per_person and e.classes[0] == what and e.need(variant) not in (None, "optional")
    ]
    views = {v.doc.path: v for e in items for v in _matching_docs(run, e)}
    by_person = _attribute(list(views.values()), run.project.people)
    named = {p for paths in by_person.values() for p in paths} | run.project.named_documents
    unnamed = sorted(path for path in views if path not in named)
    roles = {e.per_person for e in items}
    lacking = {
        p.name
        for p in run.project.people
        if roles & p.roles and len(by_person.get(p.name, [])) < min(e.min_count for e in items)
    }
    run.readable[what] = (items, unnamed, by_person, lacking)
    return run.readable[what]


def _pool(run: _Run, item: Evidence) -> _Pool:
    what = item.classes[0]
    cached = run.pools.get(what)
    if cached is not None:
        return cached
    items, unnamed, by_person, lacking = _readable(run, what)
    unnamed = list(unnamed)
    # a scan with no text that nothing could classify may be one of them too, but the
    # same scans may also be the agreements someone lacks: they count only when there
    # are enough for every gap they could fill, else one scan would hide two (issue #4)
    matched = {path for e in items for path in (v.doc.path for v in _matching_docs(run, e))}
    per_person = {e.classes[0] for s in run.rules.steps for e in s.evidence if e.per_person}
    unknown = [v.doc.path for v in run.views if _unreadable_unknown(v, per_person)]
    unknown = sorted(path for path in unknown if path not in matched)
    others = per_person - {what}
    gaps = len(lacking) + sum(_gap(run, other) for other in others)
    if len(unnamed) + len(unknown) >= gaps:
        unnamed += unknown
    if len(unnamed) < len(lacking):
        lacking = _handing_in_alone(run, lacking, by_person, {e.per_person for e in items})
    covered = lacking if lacking and len(unnamed) >= len(lacking) else set()
    if unnamed:
        first = next(s.id for s in run.rules.steps if any(e in s.evidence for e in items))
        params = {"what": what, "count": str(len(unnamed))}
        run.findings.append(
            Finding(first, "info", "process.warn.unnamed_documents", f"{first}.{what}", params)
        )
    run.pools[what] = _Pool(by_person, unnamed, covered)
    return run.pools[what]


def _handing_in_alone(
    run: _Run, lacking: set[str], by_person: dict[str, list[str]], roles: set[str | None]
) -> set[str]:
    """Of the people lacking a document, those an unnamed one (a scan) may be: when there
    are fewer unnamed documents than such people, not a person whose role's other members
    all handed theirs in through collective documents (a register or a web form's export
    naming several of them, "RG jävsdeklarationer.xlsx"): missing from it, they did not
    send a paper of their own as the others of another role did (session 15's RA project:
    the expert's scan beside the RG's register). Unchanged when that leaves nobody or
    everyone; the people left out stay reported."""
    sharers: dict[str, int] = {}
    for paths in by_person.values():
        for path in paths:
            sharers[path] = sharers.get(path, 0) + 1
    people = {p.name: p for p in run.project.people}

    def collective(role: str | None) -> bool:
        others = [
            p.name
            for p in run.project.people
            if role in p.roles and p.name not in lacking and by_person.get(p.name)
        ]
        return bool(others) and all(
            sharers[path] > 1 for name in others for path in by_person[name]
        )

    alone = {name for name in lacking if not all(collective(r) for r in people[name].roles & roles)}
    return alone if alone and alone != lacking else lacking


def _gap(run: _Run, what: str) -> int:
    """How many people lack a document of `what` that its own unnamed ones cannot cover."""
    _items, unnamed, _by_person, lacking = _readable(run, what)
    return len(lacking) if len(unnamed) < len(lacking) else 0


def _unreadable_unknown(view: DocView, per_person: set[str]) -> bool:
    """A PDF without text (a scan) that nothing classified: it could be anything. One
    its name placed (`AVT_AS.pdf`: an agreement) is not someone's declaration (issue #4);
    nor is one whose name or folder points only to a class that is nobody's document
    (`Beslut/scan_0063.pdf`: the classifier's `candidate:approval`)."""
    doc = view.doc
    if doc.facts.text.strip() or doc.facts.kind != "pdf" or doc.doc_class != "other":
        return False
    candidates = {
        r.partition(":")[2] for r in doc.classification.reasons if r.startswith("candidate:")
    }
    return not candidates or bool(candidates & per_person)


def _per_person(
    run: _Run, step: Step, item: Evidence, views: list[DocView], holders: list[Person], need: str
) -> _ItemOutcome:
    pool = _pool(run, item)
    what = item.classes[0]
    used: list[str] = []
    missing: list[Missing] = []
    for person in holders:
        docs = pool.by_person.get(person.name, [])
        if person.name in pool.covered:
            docs = pool.unnamed
        docs = sorted(docs)
        run.person_docs[(person.name, what)] = docs
        used += docs
        if len(docs) < item.min_count and need != "optional":
            missing.append(Missing(what, item.id, need, person=person.name))
    # a declaration nobody could be matched to still shows the step was begun; one of a
    # person in another role (an expert's, for the RG step) does not (issue #4)
    names = {p.name for p in holders}
    elsewhere = {path for n, paths in pool.by_person.items() if n not in names for path in paths}
    anchor = item.anchor and any(v.doc.path not in elsewhere for v in views)
    return _ItemOutcome(sorted(set(used)), anchor, True, missing)


def _attribute(views: list[DocView], people: Sequence[Person]) -> dict[str, list[str]]:
    """Person name -> documents about them: the subject found by `people`, else the
    one project person whose full name the document mentions, else the one person
    whose surname alone names the file ("Jäv Ek.pdf", a scan with no text)."""
    out: dict[str, list[str]] = {}
    for view in views:
        path = view.doc.path
        subjects = [p.name for p in people if path in p.subject_of]
        if not subjects:
            haystack = view.field("name") + view.field("title") + view.field("text")[:20_000]
            subjects = [p.name for p in people if _mentions(haystack, p)]
        if not subjects:
            label = view.field("name") + view.field("title")
            subjects = [p.name for p in people if f" {p.key.surname} " in label]
        if not subjects:
            subjects = _by_initials(view.field("name"), people)
        if len(subjects) != 1 and not any(path in p.subject_of for p in people):
            continue
        for name in subjects:
            out.setdefault(name, []).append(path)
    return out


_INITIALS = re.compile(r"(?<![0-9a-z])[a-z]{2,3}(?![0-9a-z])")


def _by_initials(name: str, people: Sequence[Person]) -> list[str]:
    """The one person whose initials name the file ("260305_JD_KL.PDF", "KOL_JD_MH.pdf":
    a scan with no text, sessions 14 and 16); nobody when the name's short words are the
    initials of two people or more (then "JD" may be a person too)."""
    tokens = set(_INITIALS.findall(name))
    if not tokens:
        return []
    found = []
    for person in people:
        given, surname = person.key.given, person.key.surname
        if not given or not surname:
            continue
        forms = {given[0][:1] + surname[:1], "".join(g[:1] for g in given) + surname[:1]}
        if forms & tokens:
            found.append(person.name)
    return found if len(found) == 1 else []


def _mentions(haystack: str, person: Person) -> bool:
    given = " ".join(person.key.given)
    forms = {f"{given} {person.key.surname}", f"{person.key.surname} {given}"}
    forms |= {fold(a) for a in person.aliases}
    return any(f" {f} " in haystack for f in forms if f.strip())


def _people_rule(run: _Run, step: Step, rule: PeopleRule) -> _ItemOutcome:
    """At least `min` people; down to `min_with_fact` when the fact holds, and when it
    is not established a person confirms (if_fewer: confirm)."""
    count = sum(1 for p in run.project.people if rule.role in p.roles)
    begun = count > 0
    fact = run.project.facts.get(rule.fact) if rule.fact else None
    floor = rule.min_with_fact if rule.min_with_fact is not None else 0
    if count >= rule.min or f"{step.id}.{rule.id}" in run.project.confirmations:
        return _ItemOutcome([], False, begun, [])
    if rule.min_with_fact is not None and count >= floor and fact:
        return _ItemOutcome([], False, begun, [])
    confirm = rule.if_fewer == "confirm" and count >= floor and fact is not False
    params = {"count": str(count), "min": str(rule.min)}
    need = "confirm" if confirm else "required"
    return _ItemOutcome([], False, begun, [Missing(rule.id, rule.id, need, params=params)])


def _approver(run: _Run, step: Step) -> _ItemOutcome | None:
    rule = step.approver
    if rule is None:
        return None
    expected = next((a for f, a in rule.by_fact.items() if run.project.facts.get(f)), None)
    if expected is None and run.project.variant is not None:
        expected = rule.by_variant.get(run.project.variant)
    item = next(e for e in step.evidence if e.id == rule.evidence)
    views = _matching_docs(run, item)
    if expected is None or not views:
        return None
    named = {
        approver
        for view in views
        for approver, phrases in rule.phrases.items()
        if any(
            has_word(view.field(f), p)
            for p in phrases
            for f in ("title", "headings", "text", "name")
        )
    }
    if not named or expected in named:
        return None
    params = {"expected": expected, "found": ", ".join(sorted(named))}
    run.findings.append(
        Finding(
            step.id, rule.severity, "process.warn.wrong_approver", f"{step.id}.approver", params
        )
    )
    missing = [Missing("approver", "approver", "required", params=params)]
    return _ItemOutcome([], False, False, missing)


def _current_index(run: _Run) -> int:
    """Index of the last step begun with documents (-1 when none)."""
    current = -1
    for index, step in enumerate(run.rules.steps):
        result = run.results[step.id]
        if result.started and not result.confirmed:
            current = index
    return current


def _confirmation_step(run: _Run, step: Step, index: int, current: int) -> StepResult:
    """A step no document shows: it needs confirmation once the project has passed it
    (a later step has documents) or, when only such steps follow, once its
    prerequisites have begun. Otherwise it lies ahead and is simply missing."""
    later = run.rules.steps[index + 1 :]
    last_with_documents = all(s.confirmation for s in later)
    prerequisites_begun = bool(step.prerequisites) and all(
        run.results[p].status not in ("missing",) for p in step.prerequisites
    )
    missing = _confirmation_missing(step)
    if index < current or (last_with_documents and prerequisites_begun):
        return StepResult(step.id, "needs_confirmation", missing=missing)
    return StepResult(step.id, "missing", missing=missing)


def _prerequisite_findings(run: _Run) -> None:
    incomplete: dict[str, tuple[str, str]] = {}  # prerequisite -> (severity, later step)
    for step in run.rules.steps:
        if not run.results[step.id].started:
            continue
        gaps = [p for p in step.prerequisites if run.results[p].status in ("missing", "partial")]
        for gap in gaps:
            known = incomplete.get(gap)
            if known is None or _RANK[step.prerequisite_severity] > _RANK[known[0]]:
                incomplete[gap] = (step.prerequisite_severity, step.id)
        if gaps and step.prerequisite_severity == "error":
            params = {"step": step.id, "gaps": ",".join(gaps)}
            run.findings.append(
                Finding(
                    step.id,
                    "error",
                    "process.warn.started_before_done",
                    f"{step.id}.prerequisites",
                    params,
                )
            )
    for gap, (severity, later) in incomplete.items():
        key = f"process.warn.gap_{run.results[gap].status}"
        run.findings.append(
            Finding(gap, severity, key, f"{later}.prerequisites", {"step": gap, "later": later})
        )


def _person_findings(run: _Run) -> None:
    role_step = {r.id: r.takes_part_at for r in run.rules.roles}
    for step in run.rules.steps:
        for missing in run.results[step.id].missing:
            if missing.person is None:
                continue
            person = next(p for p in run.project.people if p.name == missing.person)
            took_part = any(run.results[s].started for r in person.roles if (s := role_step.get(r)))
            run.findings.append(
                Finding(
                    step.id,
                    "error" if took_part else "warning",
                    f"process.warn.person_missing_{'late' if took_part else 'now'}",
                    f"{step.id}.{missing.item}",
                    {"what": missing.what, "step": step.id},
                    person=missing.person,
                )
            )


def _doc_date(view: DocView) -> date | None:
    facts = view.doc.facts
    when = (facts.email.sent_at if facts.email else None) or facts.created_at or facts.modified_at
    return when.date() if when else None


def _due_findings(run: _Run, step: Step) -> None:
    """Time rules: the awaited evidence is overdue `days` (+ grace) after the earlier step's."""
    result = run.results[step.id]
    for due in step.due:
        awaited = due.evidence or step.id
        still_missing = result.status == "missing" or any(m.item == awaited for m in result.missing)
        if result.status == "not_applicable" or not still_missing:
            continue
        earlier = run.rules.step(due.after_step)
        items = [e for e in earlier.evidence if due.after_evidence in (None, e.id)]
        dates = [d for item in items for v in _matching_docs(run, item) if (d := _doc_date(v))]
        if not dates:
            continue
        deadline = min(dates) + timedelta(days=due.days)
        params = {"deadline": deadline.isoformat(), "what": awaited, "after": due.after_step}
        rule_id = f"{step.id}.{due.id}"
        if run.today > deadline + timedelta(days=due.grace_days):
            run.findings.append(
                Finding(step.id, due.severity, "process.warn.overdue", rule_id, params)
            )
        elif run.today <= deadline:
            run.findings.append(Finding(step.id, "info", "process.warn.waiting", rule_id, params))


def _person_results(run: _Run) -> list[PersonResult]:
    order = [r.id for r in run.rules.roles]
    out = []
    for person in run.project.people:
        evidence = {
            what: tuple(paths)
            for (name, what), paths in run.person_docs.items()
            if name == person.name
        }
        missing = tuple(
            sorted(
                {
                    m.what
                    for r in run.results.values()
                    for m in r.missing
                    if m.person == person.name and m.need == "required"
                }
            )
        )
        roles = tuple(sorted(person.roles, key=lambda r: order.index(r) if r in order else 99))
        out.append(PersonResult(person.name, roles, evidence, missing, person.explicit))
    return out


def _fired_any(doc: ClassifiedDocument, signals: tuple[str, ...]) -> bool:
    """Whether the document's classification fired one of `signals` ("other.blank_form"
    for the reason "other.blank_form@content")."""
    return any(reason.partition("@")[0] in signals for reason in doc.classification.reasons)
