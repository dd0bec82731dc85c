"""Use case: check one project folder against the process rules, without a database.

Walks the folder (skipping lock/temp/system files and the project file),
extracts every file through the given extractor (a worker pool in the shell,
so a hostile file cannot hang the check), classifies each document (with the
sibling pass of `classify --json` and the daemon), reads the
optional project file, and calls the pure `process.check_documents`.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Protocol

from recordkeeper.classify import classify_document
from recordkeeper.classify.classifier import COUNTERPART_REASON
from recordkeeper.classify.counterparts import Filed, counterpart_classes
from recordkeeper.classify.siblings import Sibling, working_copies
from recordkeeper.classify.views import forwarded_sender, is_forward
from recordkeeper.errors import ProjectFileError, UsageError
from recordkeeper.ingest.extract import kind_for_name
from recordkeeper.model import (
    Classification,
    DocumentFacts,
    EmailFacts,
    ExtractionResult,
    Unreadable,
)
from recordkeeper.process import (
    PROJECT_FILE_NAMES,
    ClassifiedDocument,
    Evaluation,
    Finding,
    check_documents,
    parse_project_file,
)
from recordkeeper.process.projectfile import EMPTY, ProjectFile
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.ruleset.process import ProcessRules, blank_attachment_pattern

Classifier = Callable[[DocumentFacts], Classification]
Job = tuple[Path, str, str | None]


class Extractor(Protocol):
    """Extracts many files; results come back in input order (ExtractionPool.map)."""

    def map(self, items: Iterable[Job]) -> Iterator[ExtractionResult]: ...


class Reused(Protocol):
    """What a cache gives for a folder: documents by relative path, and how to classify
    the others (None: with the caller's classifier)."""

    @property
    def documents(self) -> Mapping[str, ClassifiedDocument]: ...

    @property
    def classify(self) -> Classifier | None: ...


class KnownDocuments(Protocol):
    """Documents already extracted and classified (the daemon's store: services/check_known)."""

    def lookup(self, project_dir: Path, files: Sequence[tuple[Path, str]]) -> Reused: ...


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
    known: KnownDocuments | None = None,
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
        known: documents already extracted and classified (the daemon's store);
            only the other files are extracted, and the extractor is not called at
            all when every file is known.

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
    reused = known.lookup(project_dir, files) if known is not None else None
    ready = reused.documents if reused is not None else {}
    classify = (reused.classify if reused is not None else None) or classify
    todo = [(path, rel) for path, rel in files if rel not in ready]
    fresh: dict[str, ClassifiedDocument] = {}
    unreadable: list[Unreadable] = []
    if todo:
        for (_, rel), result in zip(
            todo, extractor.map((path, rel, project_dir.name) for path, rel in todo), strict=True
        ):
            if isinstance(result, Unreadable):
                unreadable.append(result)
                continue
            fresh[rel] = ClassifiedDocument(result, classify(result))
    # in folder order, as when every file is extracted (people are listed as first seen)
    docs = [d for _, rel in files if (d := ready.get(rel) or fresh.get(rel)) is not None]
    if rules.by_kind.get("classes"):
        docs = with_counterparts(docs, rules.one("classes"))
        docs = with_working_copies(docs, rules.one("classes"))
    docs += attachments_as_documents(docs, classify, process)
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


def with_working_copies(
    docs: Sequence[ClassifiedDocument], class_rules: ClassRules
) -> list[ClassifiedDocument]:
    """The documents with the sibling pass applied, as `classify --json` and the daemon
    apply it: a Word file beside the finished PDF of the same document is its working
    copy (a draft, not registered)."""
    siblings = [Sibling(d.facts.path, d.classification, d.facts.title) for d in docs]
    changed = working_copies(siblings, class_rules)
    if not changed:
        return list(docs)
    return [
        replace(d, classification=changed[d.facts.path]) if d.facts.path in changed else d
        for d in docs
    ]


def with_counterparts(
    docs: Sequence[ClassifiedDocument], class_rules: ClassRules
) -> list[ClassifiedDocument]:
    """The documents with the counterpart pass applied, as `classify --json` applies it
    (`classify.counterparts`): a scan named by a person for whom the project has a
    declaration and no signed agreement (or the other way round) is proposed as the
    missing one."""
    unread = class_rules.scoring.unread_scan
    if unread is None or unread.counterparts is None:
        return list(docs)
    docs = [  # each scan as classified without the pass
        replace(d, classification=classify_document(d.facts, class_rules))
        if COUNTERPART_REASON in d.classification.reasons and not d.classification.corrected
        else d
        for d in docs
    ]
    missing = counterpart_classes(
        [Filed(d.facts.path, "", d.classification) for d in docs], class_rules
    )
    if not missing:
        return docs
    return [
        replace(d, classification=classify_document(d.facts, class_rules, counterpart=cls))
        if (cls := missing.get(d.facts.path)) is not None
        else d
        for d in docs
    ]


def attachments_as_documents(
    docs: Sequence[ClassifiedDocument], classify: Classifier, process: ProcessRules
) -> list[ClassifiedDocument]:
    """A mail's attachments as documents of their own classes, for the process check.

    The check sees only files; a declaration and an agreement that arrived as two
    attachments of one mail are two documents (issue #4). Each attachment is classified
    by its name, as if it were saved beside the mail; its path is the mail's path, then
    its name (`mejl/SV_ Avtal.msg/Avtal signerat.pdf`). It is about the mail's sender
    (for a forwarded mail, the original one; nobody when the forward does not show it, as
    when the original was attached whole: the colleague who forwarded it sent nothing in)
    unless its own name says whom. Blank
    templates (the process rules' `blank_attachment_names`) and attachments whose name
    says nothing (`other`) are left out.
    """
    blank = blank_attachment_pattern(process.blank_attachment_names)
    out: list[ClassifiedDocument] = []
    for doc in docs:
        email = doc.facts.email
        if email is None or not email.attachment_names:
            continue
        sender = forwarded_sender(email.subject, doc.facts.text)
        if sender is None and not is_forward(email.subject):
            sender = email.sender
        folder = doc.path.rsplit("/", 1)[0] + "/" if "/" in doc.path else ""
        for name in dict.fromkeys(email.attachment_names):
            kind = kind_for_name(name)
            if kind is None or "/" in name:
                continue
            if blank is not None and blank.search(name.rsplit(".", 1)[0]):
                continue
            facts = DocumentFacts(
                path=folder + name,
                size=0,
                sha256="",
                kind=kind,
                email=EmailFacts(sender=sender, sent_at=email.sent_at),
                project=doc.facts.project,
            )
            classification = classify(facts)
            if classification.doc_class == "other":
                continue
            inside = replace(facts, path=f"{doc.path}/{name}")
            out.append(ClassifiedDocument(inside, classification))
    return out


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
