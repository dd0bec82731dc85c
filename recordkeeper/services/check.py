"""Use case: check one project folder against the process rules, without a database.

Walks the folder (skipping lock/temp/system files and the project file),
extracts every file through the given extractor (a worker pool in the shell,
so a hostile file cannot hang the check), classifies each document, reads the
optional project file, and calls the pure `process.check_documents`.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from recordkeeper.errors import ProjectFileError, UsageError
from recordkeeper.model import Classification, DocumentFacts, ExtractionResult, Unreadable
from recordkeeper.process import (
    PROJECT_FILE_NAMES,
    ClassifiedDocument,
    Evaluation,
    Finding,
    check_documents,
    parse_project_file,
)
from recordkeeper.process.projectfile import EMPTY, ProjectFile
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.ruleset.process import ProcessRules

Classifier = Callable[[DocumentFacts], Classification]
Job = tuple[Path, str, str | None]


class Extractor(Protocol):
    """Extracts many files; results come back in input order (ExtractionPool.map)."""

    def map(self, items: Iterable[Job]) -> Iterator[ExtractionResult]: ...


@dataclass(frozen=True, slots=True)
class ProjectCheck:
    """The outcome for one project folder."""

    project: str
    evaluation: Evaluation
    rules: ProcessRules
    unreadable: tuple[Unreadable, ...] = ()
    extra: tuple[Finding, ...] = field(default_factory=tuple)


def process_rules(rules: LoadedRules, rules_id: str | None = None) -> ProcessRules:
    """The process rule file to check against (the first, or the one with `rules_id`)."""
    candidates = [m for m in rules.all("process") if isinstance(m, ProcessRules)]
    if rules_id is not None:
        candidates = [m for m in candidates if m.id == rules_id]
    if not candidates:
        raise UsageError(f"no process rule file{f' with id {rules_id}' if rules_id else ''}")
    return candidates[0]


def project_files(project_dir: Path, ignore_patterns: Sequence[str]) -> list[tuple[Path, str]]:
    """Every regular file under the folder, sorted, with its POSIX path relative to it.

    Symlinks are listed (extraction refuses those leading outside); ignored names
    and the project file itself are not.
    """
    out: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(project_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not _ignored(d, ignore_patterns))
        base = Path(dirpath)
        for name in sorted(filenames):
            if _ignored(name, ignore_patterns):
                continue
            path = base / name
            rel = path.relative_to(project_dir).as_posix()
            if rel in PROJECT_FILE_NAMES:
                continue
            out.append((path, rel))
    return out


def _ignored(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def read_project_file(project_dir: Path, rules: ProcessRules) -> tuple[ProjectFile, str | None]:
    """The project file's content and name, or EMPTY; raises ProjectFileError."""
    for name in PROJECT_FILE_NAMES:
        path = project_dir / name
        if path.is_file() and not path.is_symlink():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                from recordkeeper.errors import RuleProblem

                raise ProjectFileError([RuleProblem(name, 0, f"cannot read: {exc}")]) from exc
            return parse_project_file(text, name, rules), name
    return EMPTY, None


def check_project(
    project_dir: Path,
    *,
    rules: LoadedRules,
    extractor: Extractor,
    classify: Classifier,
    today: date,
    ignore_patterns: Sequence[str] = (),
    rules_id: str | None = None,
    tolerate_bad_project_file: bool = False,
) -> ProjectCheck:
    """Check one project folder.

    Args:
        project_dir: the project folder.
        rules: the loaded rule set (must hold a `process` file).
        extractor: extracts files (a pool in production).
        classify: classifies one document's facts.
        today: the date time rules are measured against.
        ignore_patterns: file-name patterns that are never documents.
        rules_id: which process rule file, when there are several.
        tolerate_bad_project_file: report an invalid project file as a warning
            and go on (used by `--all`), instead of raising.

    Raises:
        UsageError: the folder does not exist or is not a directory.
        ProjectFileError: the project file is invalid (unless tolerated).
    """
    if not project_dir.is_dir():
        raise UsageError(f"not a project folder: {project_dir}")
    process = process_rules(rules, rules_id)
    extra: list[Finding] = []
    try:
        project_file, project_file_name = read_project_file(project_dir, process)
    except ProjectFileError as exc:
        if not tolerate_bad_project_file:
            raise
        project_file, project_file_name = EMPTY, None
        extra.append(
            Finding(
                "", "error", "process.warn.project_file", "project_file", {"problem": exc.message}
            )
        )
    files = project_files(project_dir, ignore_patterns)
    docs: list[ClassifiedDocument] = []
    unreadable: list[Unreadable] = []
    results = extractor.map((path, rel, project_dir.name) for path, rel in files)
    for result in results:
        if isinstance(result, Unreadable):
            unreadable.append(result)
            continue
        docs.append(ClassifiedDocument(result, classify(result)))
    if unreadable:
        extra.append(
            Finding(
                "", "info", "process.warn.unreadable", "unreadable", {"count": str(len(unreadable))}
            )
        )
    evaluation = check_documents(
        process,
        docs,
        today,
        project_name=project_dir.name,
        project_file=project_file,
        project_file_path=project_file_name,
    )
    return ProjectCheck(project_dir.name, evaluation, process, tuple(unreadable), tuple(extra))


def project_dirs(roots: Iterable[Path]) -> list[Path]:
    """Every project folder: each directory directly under a configured root."""
    out: list[Path] = []
    for root in roots:
        if not root.is_dir():
            continue
        out += sorted(
            p
            for p in root.iterdir()
            if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
        )
    return out
