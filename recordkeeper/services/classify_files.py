"""Use case: classify files and folders given on the command line, no database.

Expands the arguments (`ingest.paths`), reads each file through the
`Extractor` port (the shell hands in the worker pool, so a hostile file
cannot hang or exhaust the caller) and classifies the facts with the pure
classifier. Outcomes stream out as files finish; a Word file beside the
finished PDF of the same name waits for that PDF, then may be marked its
working copy (`classify.siblings`). A file in a person's own folder
(`copies.personal_folders`) whose bytes equal a file outside such folders that
is proposed for registration is a convenience copy: not proposed again (reason
`copy:convenience`), as the daemon links a copy to the first one's prompt; so is a
file named as a copy (`copies.copy_names`: 'Copy of X', 'X - Kopia');
such files wait until every file was read. An unreadable file is an
outcome, not an error: it is still classified from its name and folders
alone (a person must review it) and carries the reason code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from recordkeeper.classify import CompiledRules, classify_document, compiled
from recordkeeper.classify.counterparts import Filed, counterpart_classes, is_unread_scan, person_of
from recordkeeper.classify.siblings import Sibling, pairs, working_copy
from recordkeeper.classify.versions import Newer, newer_versions, superseded
from recordkeeper.ingest.paths import FoundFile, expand_paths
from recordkeeper.model import (
    UNREADABLE,
    Classification,
    DocumentFacts,
    ExtractionResult,
    Unreadable,
)
from recordkeeper.ruleset.classes import ClassRules, Counterparts, compile_patterns, fold

_KINDS = {
    "docx": "docx", "docm": "docx", "dotx": "docx", "doc": "doc", "pdf": "pdf",
    "xlsx": "xlsx", "xlsm": "xlsx", "xls": "xls", "pptx": "pptx", "ppt": "ppt",
    "eml": "eml", "msg": "msg", "txt": "text", "md": "text", "csv": "text", "rtf": "rtf",
    "odt": "odt", "ods": "ods", "odp": "odp",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ExtractJob:
    """One file to read: its index in the run, where it is, its relative path."""

    key: int
    path: Path
    rel_path: str


class Extractor(Protocol):
    """Reads files into facts.

    `extract_many` SHALL yield exactly one `(job, result)` per job, in any
    order, as soon as each finishes, and SHALL NOT raise for a bad file
    (it returns `Unreadable` with a reason code instead).
    """

    def extract_many(
        self, jobs: Iterable[ExtractJob]
    ) -> Iterator[tuple[ExtractJob, ExtractionResult]]: ...


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """One line of `classify --json`."""

    path: str
    ignored: bool = False
    classification: Classification | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        c = self.classification
        return {
            "path": self.path,
            "class": c.doc_class if c else None,
            "draft": c.is_draft if c else None,
            "must_register": c.must_register if c else None,
            "personal_data": c.personal_data if c else None,
            "ignored": self.ignored,
            "confidence": c.confidence if c else None,
            "reasons": list(c.reasons) if c else [],
            "error": self.error,
            "needs_review": c.needs_review if c else None,
        }


COPY_REASON = "copy:convenience"


def kind_of(name: str) -> str:
    """File kind from the extension (for files that could not be read)."""
    _, _, ext = name.rpartition(".")
    return _KINDS.get(ext.lower(), ext.lower() or "unknown")


def name_only_facts(
    path: str,
    size: int | None,
    sha256: str | None,
    project: str | None = None,
    unreadable: str | None = None,
) -> DocumentFacts:
    """What is known of a file that could not be read: its path, size, hash and kind by
    its name's extension (the classifier then judges it by name and folders alone);
    `unreadable`, a reason code, marks the facts so (`model.UNREADABLE`) for a proposal
    that must say it."""
    return DocumentFacts(
        path=path, size=size or 0, sha256=sha256 or "", kind=kind_of(path.rsplit("/", 1)[-1]),
        project=project, metadata={UNREADABLE: unreadable} if unreadable else {},
    )  # fmt: skip


def _from_name_only(rel_path: str, result: Unreadable | None) -> DocumentFacts:
    if result is None:
        return name_only_facts(rel_path, None, None)
    return name_only_facts(rel_path, result.size, result.sha256)


def _unreadable_outcome(
    item: FoundFile, reason: str, rules: CompiledRules, result: Unreadable | None
) -> FileOutcome:
    """Classified from name and folders only; a person must look at it."""
    c = classify_document(_from_name_only(item.rel_path, result), rules)
    c = replace(c, needs_review=True, reasons=(*c.reasons, "name_only"))
    return FileOutcome(path=item.shown, classification=c, error=reason)


def classify_paths(
    arguments: Iterable[str],
    rules: ClassRules,
    extractor: Extractor,
    ignore_patterns: tuple[str, ...],
) -> Iterator[FileOutcome]:
    """Classify every file under `arguments`; yields outcomes as files finish.

    Args:
        arguments: files or folders, as the user typed them (they must exist).
        rules: the `classes` rule set.
        extractor: reads files (the worker pool in the shell).
        ignore_patterns: names reported as ignored (lock, temp, system files).
    """
    outcomes = _classified(arguments, rules, extractor, ignore_patterns)
    if not rules.copies.active:
        return (outcome for _, _, outcome in outcomes)
    return _convenience_copies(outcomes, rules)


def _classified(
    arguments: Iterable[str],
    rules: ClassRules,
    extractor: Extractor,
    ignore_patterns: tuple[str, ...],
) -> Iterator[tuple[str, str, FileOutcome]]:
    """(relative path, content hash or "", outcome) of every file, as files finish."""
    rules_c = compiled(rules)
    found: dict[int, FoundFile] = {}
    jobs: list[ExtractJob] = []
    for key, item in enumerate(expand_paths(arguments, ignore_patterns)):
        if item.ignored:
            yield item.rel_path, "", FileOutcome(path=item.shown, ignored=True)
        elif item.error is not None:
            yield item.rel_path, "", _unreadable_outcome(item, item.error.value, rules_c, None)
        else:
            found[key] = item
            jobs.append(ExtractJob(key, item.path, item.rel_path))
    # a Word file beside the finished PDF of the same name waits for that PDF's answer
    # (classify.siblings); every other file streams out as soon as it is classified
    partner = pairs((item.shown for item in found.values()), rules)
    # a file beside a newer version of the same document is decided by names alone
    # (classify.versions): it streams out as soon as it is classified, too
    newer = newer_versions((item.shown for item in found.values()), rules)
    word_of = {pdf: word for word, pdf in partner.items()}
    # Word file -> (relative path, content, outcome), until its PDF's outcome is known
    held: dict[str, tuple[str, str, FileOutcome]] = {}
    pdfs: dict[str, tuple[FileOutcome, str | None]] = {}  # PDF -> (outcome, title)
    # scans named by a person wait for the rest (classify.counterparts): every file's class
    unread = rules.scoring.unread_scan
    scans = unread.counterparts if unread is not None else None
    held_scans: list[tuple[FoundFile, str, FileOutcome, Any]] = []
    filed: list[Filed] = []
    for job, result in extractor.extract_many(jobs):
        item = found[job.key]
        content = (result.sha256 or "") if result.size else ""  # empty files: no content
        if isinstance(result, Unreadable):
            outcome = _unreadable_outcome(item, result.reason.value, rules_c, result)
        else:
            classification = classify_document(result, rules_c)
            outcome = FileOutcome(path=item.shown, classification=classification)
            if scans is not None:  # every file read, as check and the daemon give it
                filed.append(Filed(item.rel_path, _project(item.rel_path), classification))
        if item.shown in partner:
            pdf = pdfs.get(partner[item.shown])
            if pdf is None:
                held[item.shown] = (item.rel_path, content, outcome)
            else:
                yield (
                    item.rel_path,
                    content,
                    _as_version(_as_sibling(outcome, *pdf, rules), newer, rules),
                )
            continue
        if (
            scans is not None
            and item.shown not in word_of  # a Word file's PDF: the sibling pass reads it
            and _unread_scan_of(outcome, item.rel_path, scans, result)
        ):
            # waits for the rest of the project: its files may name the class it is
            held_scans.append((item, content, outcome, result))
            continue
        yield item.rel_path, content, _as_version(outcome, newer, rules)
        if item.shown in word_of:
            title = None if isinstance(result, Unreadable) else result.title
            pdfs[item.shown] = (outcome, title)
            word = held.pop(word_of[item.shown], None)
            if word is not None:
                rel, word_content, word_outcome = word
                answer = _as_version(_as_sibling(word_outcome, outcome, title, rules), newer, rules)
                yield rel, word_content, answer
    yield from held.values()  # not reached: every job answers (Extractor's contract)
    missing = counterpart_classes(filed, rules) if held_scans else {}
    for item, content, outcome, facts in held_scans:
        if item.rel_path in missing:
            again = classify_document(facts, rules_c, counterpart=missing[item.rel_path])
            outcome = replace(outcome, classification=again)
        yield item.rel_path, content, _as_version(outcome, newer, rules)


def _project(rel_path: str) -> str:
    """The project of a file found under a folder argument: the folder under it (its own
    name is `rel_path`'s first), as a project is the folder under the daemon's root."""
    parts = rel_path.split("/")
    return parts[1] if len(parts) > 2 else ""


def _unread_scan_of(
    outcome: FileOutcome, rel_path: str, scans: Counterparts, result: object
) -> bool:
    """Whether an outcome is a scan nothing identifies, named by a person
    (`classify.counterparts`), read from a file (not unreadable)."""
    c = outcome.classification
    return (
        c is not None
        and not isinstance(result, Unreadable)
        and is_unread_scan(c)
        and person_of(rel_path, scans) is not None
    )


@functools.lru_cache(maxsize=8)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return compile_patterns(tuple(f"(?:{p})" for p in patterns))


def kept_as_copy(rel_path: str, rules: ClassRules) -> bool:
    """Whether a file is kept as a copy: it lies in a person's own folder
    (`copies.personal_folders`) or carries a copy's name (`copies.copy_names`: 'Copy of
    X.xlsx', 'X - Kopia.pdf'); each folder name read once (the daemon asks for every
    proposed file of a batch)."""
    patterns = rules.copies.personal_folders
    *folders, name = rel_path.split("/")
    if patterns and any(_personal_name(folder, patterns) for folder in folders):
        return True
    names = rules.copies.copy_names
    return bool(names) and _copy_name(name.rpartition(".")[0] or name, names)


@functools.lru_cache(maxsize=16384)
def _personal_name(folder: str, patterns: tuple[str, ...]) -> bool:
    return _compiled(patterns).match(fold(folder)) is not None


def _copy_name(stem: str, patterns: tuple[str, ...]) -> bool:
    return _compiled(patterns).search(fold(stem)) is not None


def as_convenience_copy(classification: Classification) -> Classification:
    """A classification as a convenience copy's: not proposed again (`COPY_REASON`)."""
    c = classification
    return replace(c, must_register=False, reasons=(*c.reasons, COPY_REASON))


def _convenience_copies(
    outcomes: Iterable[tuple[str, str, FileOutcome]], rules: ClassRules
) -> Iterator[FileOutcome]:
    """The outcomes, where a file proposed for registration in a person's own folder whose
    bytes equal a file outside such folders that is proposed too is that file's
    convenience copy: not proposed again (`COPY_REASON`). The files proposed in personal
    folders go out last, once every file's outcome is known; the others at once."""
    proposed: set[str] = set()  # contents proposed outside personal folders
    waiting: list[tuple[str, FileOutcome]] = []
    for rel_path, content, outcome in outcomes:
        c = outcome.classification
        if content and c is not None and c.must_register:
            if kept_as_copy(rel_path, rules):
                waiting.append((content, outcome))
                continue
            proposed.add(content)
        yield outcome
    for content, outcome in waiting:
        yield _as_copy(outcome) if content in proposed else outcome


def _as_copy(outcome: FileOutcome) -> FileOutcome:
    c = outcome.classification
    assert c is not None
    return replace(outcome, classification=as_convenience_copy(c))


def _as_version(outcome: FileOutcome, newer: Mapping[str, Newer], rules: ClassRules) -> FileOutcome:
    """The outcome as a superseded version when a newer version of it is beside it (after
    the sibling pass, as `classify.siblings.working_copies` runs them)."""
    found = newer.get(outcome.path)
    if found is None or outcome.classification is None or outcome.error:
        return outcome
    changed = superseded(outcome.classification, found, rules)
    return outcome if changed is None else replace(outcome, classification=changed)


def _as_sibling(
    word: FileOutcome, pdf: FileOutcome, pdf_title: str | None, rules: ClassRules
) -> FileOutcome:
    """The Word file's outcome, as the working copy of its finished PDF when it is one."""
    if word.classification is None or pdf.classification is None or word.error or pdf.error:
        return word
    copy = working_copy(
        Sibling(word.path, word.classification),
        Sibling(pdf.path, pdf.classification, pdf_title),
        rules,
    )
    return word if copy is None else replace(word, classification=copy)
