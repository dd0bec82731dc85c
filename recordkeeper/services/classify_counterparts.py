"""The counterpart pass (`classify.counterparts`) in the daemon, as `classify --json` and
`check` run it.

A scan nothing identifies, named by a person, is proposed as the declaration; when its
project has a declaration naming that person and no signed agreement (or the other way
round), as the missing one (reason `textless:counterpart_missing`). The daemon classifies
a batch at a time, so for each batch this module looks the batch's projects up in the
store:

- a scan of the batch named by a person takes the pass over its project's stored files;
- a declaration or agreement of the batch: the stored scans of its project are
  classified again and take the pass, in the same batch;
- when a document goes or moves, the stored scans of its project are classified again
  (`scans_of_projects`), and when it moves, those of the project it left
  (`scans_left_behind`);
- when a registrar corrects a declaration or agreement (its class before the correction
  pairs up), the stored scans of its project are classified again with it, in the
  correction's transaction (`scans_beside_correction`; a class the correction gives that
  pairs up reaches them through `with_counterparts`).

`with_counterparts` only rewrites the batch's list of classifications; the caller stores
them (one row and one audit event per change, in its transaction). It runs before the
sibling and copy passes, which read the classes it gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from recordkeeper.classify import classify_document, compiled
from recordkeeper.classify.counterparts import (
    Filed,
    counterpart_classes,
    is_unread_scan,
    person_of,
)
from recordkeeper.model import Classification
from recordkeeper.ruleset.classes import ClassRules, Counterparts
from recordkeeper.services.classify_siblings import Made, Reclassify
from recordkeeper.store import repo_classification as repo
from recordkeeper.store import repo_documents


def _rules(rules: ClassRules) -> Counterparts | None:
    unread = rules.scoring.unread_scan
    return unread.counterparts if unread is not None else None


def _concerns(path: str, c: Classification, parts: Counterparts) -> bool:
    """Whether a classification takes part in the pass: a scan named by a person, or a
    file of a class that pairs up."""
    if is_unread_scan(c):
        return person_of(path, parts) is not None
    return any(c.doc_class in pair for pair in parts.pairs)


def _named_scans(
    rows: Sequence[tuple[str, str]],
    found: Mapping[str, repo.StoredClassification],
    parts: Counterparts,
) -> list[str]:
    """Of stored (id, path) rows with their stored classifications (`found`), the ids of
    the scans nothing identifies that are named by a person: those the pass may complete."""
    return [
        doc_id
        for doc_id, path in rows
        if doc_id in found
        and is_unread_scan(found[doc_id].classification)
        and person_of(path, parts) is not None
    ]


def with_counterparts(
    session: Session, made: list[Made], rules: ClassRules, reclassify: Reclassify
) -> list[Made]:
    """`made` with the counterpart pass applied; stored scans of the batch's projects that
    were not in the batch are classified again and appended."""
    parts = _rules(rules)
    if parts is None:
        return made
    projects = sorted(
        {(d.root, d.project) for d, _, c in made if d.project and _concerns(d.path, c, parts)}
    )
    if not projects:
        return made
    in_batch = {d.id for d, _, _ in made}
    if not _may_complete(session, made, projects, in_batch, parts):
        return made
    out = list(made)
    stored: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for root, project in projects:
        rows = repo_documents.present_in_project(session, root, project)
        stored[(root, project)] = [row for row in rows if row[0] not in in_batch]
    others = [doc_id for rows in stored.values() for doc_id, _ in rows]
    found = repo.classifications_of(session, others)
    scans = _named_scans([row for rows in stored.values() for row in rows], found, parts)
    if scans:
        out += reclassify(scans)
    again = {d.id for d, _, _ in out} - in_batch
    files = [Filed(d.path, d.project or "", c) for d, _, c in out]
    for key, rows in stored.items():
        files += [
            Filed(path, key[1], found[doc_id].classification)
            for doc_id, path in rows
            if doc_id in found and doc_id not in again
        ]
    missing = counterpart_classes(files, rules)
    if not missing:
        return out
    return [_completed(item, missing, rules) for item in out]


def _may_complete(
    session: Session,
    made: Sequence[Made],
    projects: Sequence[tuple[str, str]],
    in_batch: set[str],
    parts: Counterparts,
) -> bool:
    """Whether the pass can change anything: there is a scan named by a person in the
    batch, or stored in its projects. Without one, `counterpart_classes` completes
    nothing and no stored scan is classified again, so the batch stays as it is; asked
    with one query per root for the few stored `textless:` classifications, instead of
    reading every file of the projects and their classifications (issue #3)."""
    if any(is_unread_scan(c) and person_of(d.path, parts) is not None for d, _, c in made):
        return True
    by_root: dict[str, list[str]] = {}
    for root, project in projects:
        by_root.setdefault(root, []).append(project)
    return any(
        doc.document_id not in in_batch
        and is_unread_scan(doc.classification)
        and person_of(path, parts) is not None
        for root, names in by_root.items()
        for path, doc in repo.textless_in_projects(session, root, names)
    )


def _completed(item: Made, missing: Mapping[str, str], rules: ClassRules) -> Made:
    doc, given, c = item
    cls = missing.get(doc.path) if doc.project else None
    if cls is None or not is_unread_scan(c):
        return item
    again = classify_document(given.facts, compiled(rules), counterpart=cls)
    if given.error_reason is not None:
        again = replace(again, needs_review=True, reasons=(*again.reasons, "name_only"))
    return (doc, given, again)


def scans_of_projects(session: Session, ids: Sequence[str], rules: ClassRules) -> list[str]:
    """The stored scans a counterpart may have made, in the projects of these documents
    (gone or moved): they are classified again."""
    if _rules(rules) is None or not ids:
        return []
    return _scans_in(session, repo_documents.projects_of(session, ids), rules)


def scans_left_behind(session: Session, left: Mapping[str, str], rules: ClassRules) -> list[str]:
    """The stored scans named by a person in the projects that these moved documents left
    (document id -> the project it left; a move stays in its root): the declaration or
    agreement that completed them, or a file that kept them from it, is gone from there."""
    if _rules(rules) is None or not left:
        return []
    moved = repo.present_documents(session, list(left))
    return _scans_in(session, {(d.root, left[d.id]) for d in moved}, rules)


def scans_beside_correction(
    session: Session, doc_id: str, before: Classification | None, rules: ClassRules
) -> list[str]:
    """The stored scans named by a person in the project of a document a registrar
    corrects, when its class before the correction pairs up (a declaration corrected to
    another class no longer completes them); they are classified again with it."""
    parts = _rules(rules)
    if parts is None or before is None or not any(before.doc_class in p for p in parts.pairs):
        return []
    places = repo_documents.projects_of(session, [doc_id])
    return [i for i in _scans_in(session, places, rules) if i != doc_id]


def _scans_in(session: Session, places: Iterable[tuple[str, str]], rules: ClassRules) -> list[str]:
    """The stored scans named by a person among the present documents of these
    (root, project) places."""
    parts = _rules(rules)
    assert parts is not None
    out: list[str] = []
    for root, project in sorted(places):
        rows = repo_documents.present_in_project(session, root, project)
        found = repo.classifications_of(session, [doc_id for doc_id, _ in rows])
        out += _named_scans(rows, found, parts)
    return out
