"""The optional project file: a project's own statement of variant, people and confirmations.

A project folder may hold `recordkeeper-project.yaml` (or `projekt.yaml`). What
it says wins over what recordkeeper infers from the documents. Format and
examples: docs/rules.md ("The project file"). Pure: `parse_project_file` takes
the text; the caller reads the file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from recordkeeper.errors import ProjectFileError, RuleFileError, RuleProblem
from recordkeeper.ruleset.load import parse_yaml
from recordkeeper.ruleset.process import ProcessRules

# Looked for in this order in the project folder's top level.
PROJECT_FILE_NAMES = ("recordkeeper-project.yaml", "projekt.yaml", "projekt.yml")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonEntry(_Model):
    name: str = Field(min_length=3)
    roles: tuple[str, ...] = Field(min_length=1)
    aliases: tuple[str, ...] = ()


class Confirmation(_Model):
    by: str | None = None
    on: date | None = None
    note: str = ""


class ProjectFile(_Model):
    """What a project states about itself. Every field is optional."""

    title: str | None = None
    variant: str | None = None
    facts: dict[str, bool] = Field(default_factory=dict)
    people: tuple[PersonEntry, ...] = ()
    confirmations: dict[str, Confirmation] = Field(default_factory=dict)
    not_applicable: dict[str, str] = Field(default_factory=dict)


EMPTY = ProjectFile()


def parse_project_file(text: str, file: str, rules: ProcessRules) -> ProjectFile:
    """Validate a project file against its schema and the process rules.

    Raises:
        ProjectFileError: every problem, each with file and line.
    """
    try:
        data, lines = parse_yaml(text, file)
    except RuleFileError as exc:
        raise ProjectFileError(exc.problems) from exc
    if not isinstance(data, dict):
        raise ProjectFileError([RuleProblem(file, 1, "the file must be a mapping of fields")])
    try:
        model = ProjectFile.model_validate(data)
    except ValidationError as exc:
        problems = [
            RuleProblem(file, lines.line_of(tuple(e["loc"])), _plain(e)) for e in exc.errors()
        ]
        raise ProjectFileError(problems) from exc
    problems = [
        RuleProblem(file, lines.line_of(loc), message)
        for loc, message in _unknown_ids(model, rules)
    ]
    if problems:
        raise ProjectFileError(problems)
    return model


def _plain(err: Any) -> str:
    loc = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden":
        return f"unknown field '{loc}'; see docs/rules.md (The project file)"
    return f"{loc}: {err['msg']}"


def _unknown_ids(model: ProjectFile, rules: ProcessRules) -> list[tuple[tuple[Any, ...], str]]:
    variants = [v.id for v in rules.variants]
    roles = {r.id for r in rules.roles}
    facts = {f.id for f in rules.facts}
    steps = {s.id for s in rules.steps}
    items = {f"{s.id}.{e.id}" for s in rules.steps for e in s.evidence}
    items |= {f"{s.id}.{p.id}" for s in rules.steps for p in s.people}
    out: list[tuple[tuple[Any, ...], str]] = []
    if model.variant is not None and model.variant not in variants:
        out.append((("variant",), f"variant '{model.variant}' is not one of {', '.join(variants)}"))
    for index, person in enumerate(model.people):
        out += [
            (("people", index, "roles"), f"unknown role '{r}'; known: {', '.join(sorted(roles))}")
            for r in person.roles
            if r not in roles
        ]
    out += [(("facts", k), f"unknown fact '{k}'") for k in model.facts if k not in facts]
    out += [
        (("confirmations", k), f"'{k}' is neither a step id nor step.item")
        for k in model.confirmations
        if k not in steps and k not in items
    ]
    out += [
        (("not_applicable", k), f"unknown step '{k}'")
        for k in model.not_applicable
        if k not in steps
    ]
    return out
