"""One project's process check from its classified documents (pure).

Joins the pieces: people from the documents (or the project file), the
variant and facts (project file first, else inferred), then the evaluator.
The service layer gathers the documents; this module never reads a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from recordkeeper.process.evaluate import ProjectInput, evaluate_project
from recordkeeper.process.infer import infer_facts, infer_variant, merge_facts
from recordkeeper.process.people import find_people_and_subjects
from recordkeeper.process.projectfile import EMPTY, ProjectFile
from recordkeeper.process.result import Evaluation
from recordkeeper.process.text import ClassifiedDocument, DocView
from recordkeeper.ruleset.process import ProcessRules


def check_documents(
    rules: ProcessRules,
    docs: Sequence[ClassifiedDocument],
    today: date,
    *,
    project_name: str = "",
    project_file: ProjectFile = EMPTY,
    project_file_path: str | None = None,
) -> Evaluation:
    """Evaluate one project.

    Args:
        rules: the process rule file.
        docs: the project's documents with paths relative to the project folder.
        today: the date time rules are measured against.
        project_name: the folder name (it may state the variant: "... uppdatering").
        project_file: what the project states about itself; wins over inference.
        project_file_path: cited as evidence for what the project file confirms.
    """
    views = [DocView(d) for d in docs]
    explicit = [(p.name, p.roles, p.aliases) for p in project_file.people]
    people, named = find_people_and_subjects(rules, docs, explicit, views)
    variant: str | None
    if project_file.variant is not None:
        variant, source = project_file.variant, "project_file"
    else:
        inferred = infer_variant(rules, views, project_name, rules.variant_from)
        variant, source = inferred.value, inferred.source
    facts = merge_facts(infer_facts(rules, views), project_file.facts)
    project = ProjectInput(
        docs=docs,
        people=people,
        variant=variant,
        variant_source=source,
        facts=facts,
        confirmations=frozenset(project_file.confirmations),
        not_applicable=frozenset(project_file.not_applicable),
        project_file=project_file_path,
        named_documents=named,
    )
    return evaluate_project(rules, project, today, views)
