"""PURE process check: instruction steps evaluated for completeness from classified documents.

Public surface: `check_documents` (one project), `evaluate_project` (the
evaluator over gathered input), `find_people`, `parse_project_file`, and the
report helpers. Nothing here reads files, the clock or the database.
"""

from recordkeeper.process.check import check_documents
from recordkeeper.process.evaluate import ProjectInput, evaluate_project
from recordkeeper.process.people import Person, find_people
from recordkeeper.process.projectfile import PROJECT_FILE_NAMES, ProjectFile, parse_project_file
from recordkeeper.process.result import Evaluation, Finding, Missing, PersonResult, StepResult
from recordkeeper.process.text import ClassifiedDocument

__all__ = [
    "PROJECT_FILE_NAMES",
    "ClassifiedDocument",
    "Evaluation",
    "Finding",
    "Missing",
    "Person",
    "PersonResult",
    "ProjectFile",
    "ProjectInput",
    "StepResult",
    "check_documents",
    "evaluate_project",
    "find_people",
    "parse_project_file",
]
