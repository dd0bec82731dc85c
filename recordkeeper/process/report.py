"""Render an `Evaluation` as the `check --json` object and as message text (pure).

The JSON contract (README, docs/rules.md):
    {"project", "variant",
     "steps": [{"id", "status", "evidence", "missing": [{"what", "person"?}]}],
     "people": [{"name", "roles", "coi_declaration", "agreement"}], "missing_coi_for": [names],
     "warnings": [{"step", "severity", "message"}]}
Further keys (headings, messages, rule ids, evidence per person) are additions
a reader may ignore.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import recordkeeper.process.messages  # noqa: F401  (registers the messages)
from recordkeeper import i18n
from recordkeeper.process.result import Evaluation, Finding, Missing, StepResult
from recordkeeper.ruleset.process import ProcessRules, Step

# The contract's per-person fields are these document classes (DOMAIN.md ids).
COI_CLASS = "coi_declaration"
AGREEMENT_CLASS = "agreement"


class Renderer:
    """Turns ids into words in one language, using the rule files' own names."""

    def __init__(self, rules: ProcessRules, class_names: Mapping[str, tuple[str, str]], lang: str):
        self.rules = rules
        self.lang = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANG
        self.class_names = class_names
        self.steps = {s.id: s for s in rules.steps}
        self.items: dict[tuple[str, str], tuple[str, str]] = {
            (s.id, e.id): (e.what_sv, e.what_en) for s in rules.steps for e in s.evidence
        }
        self.items |= {(s.id, p.id): (p.what_sv, p.what_en) for s in rules.steps for p in s.people}

    def heading(self, step_id: str) -> str:
        step = self.steps.get(step_id)
        if step is None:
            return step_id
        return step.heading_sv if self.lang == "sv" else step.heading_en

    def variant_name(self, variant_id: str | None) -> str:
        """The variant's name from the rule file ("Uppdatering"); unknown: the id or "?"."""
        for variant in self.rules.variants:
            if variant.id == variant_id:
                return variant.name_sv if self.lang == "sv" else variant.name_en
        return variant_id or "?"

    def role_names(self, role_ids: Iterable[str]) -> str:
        """People's roles in words from the rule file, comma-separated."""
        names = {r.id: (r.name_sv, r.name_en) for r in self.rules.roles}
        return ", ".join(
            (names[r][0] if self.lang == "sv" else names[r][1]) if r in names else r
            for r in role_ids
        )

    def class_name(self, class_id: str) -> str:
        names = self.class_names.get(class_id)
        if names is None:
            return class_id
        return (names[0] if self.lang == "sv" else names[1]).lower()

    def what(self, step_id: str, missing: Missing) -> str:
        if missing.person is not None:
            return self.class_name(missing.what)
        if missing.what == "confirmation":
            step = self.steps[step_id]
            return step.confirmation_what_sv if self.lang == "sv" else step.confirmation_what_en
        names = self.items.get((step_id, missing.item))
        if names is None:
            return missing.what
        return names[0] if self.lang == "sv" else names[1]

    def missing_text(self, step_id: str, missing: Missing) -> str:
        what = self.what(step_id, missing)
        if missing.person is not None:
            return i18n.t("process.missing.for_person", self.lang, what=what, person=missing.person)
        if missing.what == "approver":
            return i18n.t("process.missing.approver", self.lang, **missing.params)
        if "count" in missing.params and (step_id, missing.item) in self.items:
            step = self.steps[step_id]
            if any(p.id == missing.item for p in step.people):
                return i18n.t("process.missing.people", self.lang, what=what, **missing.params)
        return what

    def finding_text(self, finding: Finding) -> str:
        params: dict[str, str] = dict(finding.params)
        params["heading"] = self.heading(finding.step_id)
        if "later" in params:
            params["later"] = self.heading(params["later"])
        if "gaps" in params:
            params["gaps"] = ", ".join(f"«{self.heading(g)}»" for g in params["gaps"].split(","))
        if "what" in params:
            params["what"] = self._what_param(finding.step_id, params["what"])
        if finding.person is not None:
            params["person"] = finding.person
        return i18n.t(finding.key, self.lang, **params)

    def _what_param(self, step_id: str, what: str) -> str:
        if what in self.class_names:
            return self.class_name(what)
        names = self.items.get((step_id, what))
        if names is not None:
            return names[0] if self.lang == "sv" else names[1]
        return what

    def status(self, status: str) -> str:
        return i18n.t(f"process.status.{status}", self.lang)


def _step_json(result: StepResult, step: Step, render: Renderer) -> dict[str, Any]:
    missing = []
    for item in result.missing:
        entry: dict[str, Any] = {"what": item.what}
        if item.person is not None:
            entry["person"] = item.person
        entry["need"] = item.need
        entry["message"] = render.missing_text(step.id, item)
        missing.append(entry)
    return {
        "id": result.step_id,
        "heading": render.heading(step.id),
        "status": result.status,
        "evidence": list(result.evidence),
        "missing": missing,
    }


def to_json(
    evaluation: Evaluation,
    rules: ProcessRules,
    project: str,
    render: Renderer,
    extra: Sequence[Finding] = (),
) -> dict[str, Any]:
    """The one object `recordkeeper check --json` prints for a project."""
    steps = [_step_json(r, rules.step(r.step_id), render) for r in evaluation.steps]
    people = [
        {
            "name": p.name,
            "roles": list(p.roles),
            COI_CLASS: bool(p.evidence.get(COI_CLASS)),
            AGREEMENT_CLASS: bool(p.evidence.get(AGREEMENT_CLASS)),
            "evidence": {k: list(v) for k, v in p.evidence.items()},
            "missing": list(p.missing),
            "from_project_file": p.explicit,
        }
        for p in evaluation.people
    ]
    rank = {"error": 0, "warning": 1, "info": 2}
    findings = sorted([*evaluation.findings, *extra], key=lambda f: rank.get(f.severity, 3))
    return {
        "project": project,
        "rules": evaluation.rules_id,
        "variant": evaluation.variant,
        "variant_source": evaluation.variant_source,
        "facts": dict(evaluation.facts),
        "current_step": evaluation.current_step,
        "steps": steps,
        "people": people,
        "missing_coi_for": [p.name for p in evaluation.people if COI_CLASS in p.missing],
        "warnings": [
            {
                "step": f.step_id or None,
                "severity": f.severity,
                "message": render.finding_text(f),
                "code": f.key.rsplit(".", 1)[-1],
                "rule": f.rule_id,
                **({"person": f.person} if f.person else {}),
            }
            for f in findings
        ],
    }
