"""A scan nothing identifies, completed by its project's other files (pure).

A textless scan named only by a person (`scoring.unread_scan`) is proposed as the
declaration by default. Each expert has a declaration and a signed agreement
(`unread_scan.counterparts.pairs`): when the project already has a file of the
scan's class naming that person, and no signed file (`signed_extensions`) of the
other class naming them, the scan is most likely the missing one ("Wiklund.pdf"
beside "Conflict of interest - Tomas Wiklund.pdf" and the Word file "Fee agreement
Tomas Wiklund.docx"). It is proposed as the other class, with the reason
`textless:counterpart_missing`, the same low confidence, and review on.

A person is named by a file when every word of the scan's name (digits left out) is a
word of that file's name. `classify --json`, `check` and the daemon give this function
the same files (each with its project: the folder under the root, or under the folder
`classify --json` was given; and the classification made before the passes) and
classify each scan it returns again with the class it names
(`classifier.classify_document(..., counterpart=...)`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from recordkeeper.classify.classifier import COUNTERPART_REASON
from recordkeeper.classify.siblings import pairs
from recordkeeper.classify.views import name_words
from recordkeeper.model import Classification
from recordkeeper.ruleset.classes import ClassRules, Counterparts, compile_patterns, fold

REASON = COUNTERPART_REASON
UNREAD = "textless:unread_scan"


@dataclass(frozen=True, slots=True)
class Filed:
    """A file: its path (as the sibling pass reads it), its project (the files of one
    project are each other's evidence) and its classification."""

    path: str
    project: str
    classification: Classification


def _split(path: str) -> tuple[str, str]:
    """(file name stem, extension in lower case)."""
    name = path.rpartition("/")[2]
    stem, dot, ext = name.rpartition(".")
    return (stem if dot else name, ext.lower() if dot else "")


def _words(stem: str) -> frozenset[str]:
    return frozenset(w for w in fold(name_words(stem)).casefold().split() if not w.isdigit())


@functools.lru_cache(maxsize=8)
def _person_names(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return compile_patterns(tuple(f"(?:{p})$" for p in patterns))


def is_unread_scan(classification: Classification) -> bool:
    """Whether a classification is an unread scan's (by default or completed)."""
    reasons = classification.reasons
    return not classification.corrected and (UNREAD in reasons or REASON in reasons)


def person_of(path: str, rules: Counterparts) -> frozenset[str] | None:
    """The words of a scan's name when it names a person (`counterparts.names`), else None."""
    stem = _split(path)[0]
    if _person_names(rules.names).match(fold(name_words(stem))) is None:
        return None
    return _words(stem) - {fold(w).casefold() for w in rules.not_names} or None


def counterpart_classes(files: Iterable[Filed], rules: ClassRules) -> Mapping[str, str]:
    """Path -> the class an unread scan among `files` is proposed as instead of its own.

    `files` holds every file of the projects concerned, each scan as classified without
    this pass (its class the default or the one its folder gave)."""
    unread = rules.scoring.unread_scan
    parts = unread.counterparts if unread is not None else None
    if parts is None:
        return {}
    other = dict(parts.pairs) | {b: a for a, b in parts.pairs}
    signed = frozenset(parts.signed_extensions)
    scans: list[tuple[str, str, frozenset[str], str]] = []  # path, project, person, class
    # project -> class -> [(name words, signed)] of the files that are no unread scan
    evidence: dict[str, dict[str, list[tuple[frozenset[str], bool]]]] = {}
    paths: list[str] = []  # every file, for the sibling pass's pairs
    for f in files:
        paths.append(f.path)
        stem, ext = _split(f.path)
        project = f.project
        c = f.classification
        if is_unread_scan(c):
            person = person_of(f.path, parts)
            if person is not None and c.doc_class in other:
                scans.append((f.path, project, person, c.doc_class))
        elif c.doc_class in other:
            by_class = evidence.setdefault(project, {}).setdefault(c.doc_class, [])
            by_class.append((_words(stem), ext in signed))
    # the PDF of a Word file beside it is the sibling pass's (classify.siblings): left as it is
    printed = set(pairs(paths, rules).values()) if scans else set()
    out: dict[str, str] = {}
    for path, project, person, doc_class in scans:
        if path in printed:
            continue
        found = evidence.get(project, {})
        has_own = any(person <= words for words, _ in found.get(doc_class, ()))
        missing = other[doc_class]
        has_signed = any(person <= words and ok for words, ok in found.get(missing, ()))
        if has_own and not has_signed:
            out[path] = missing
    return out
