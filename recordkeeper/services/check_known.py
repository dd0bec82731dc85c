"""The daemon's store as `check`'s cache: reuse what it already extracted and classified.

A project folder under a configured root has usually been read by the daemon:
its store holds each document's extraction (per content hash) and its current
classification (with the content hash and the class rules' hash it was made
for). `check` reuses them for every file whose (size, mtime_ns, inode) is the
one on record, the test the daemon's own rescan trusts, so an unchanged
200-file project is checked without opening a file:

- extraction and classification both current: both reused (a registrar's
  correction included, as on the project board);
- extraction current, classification missing, made for older content or under
  other class rules: the facts are classified again in memory, as the daemon
  would (path relative to the root, the document's corrections);
- anything else (a new or changed file, a symlink, a file the daemon could not
  read): left to the caller, which extracts it; it is classified the daemon's
  way too (`Reuse.classify`), so one project never mixes two views.
Nothing is written: `check` stays a read-only command. Any store problem
(no database yet, an older schema) means no reuse, never a failed check.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import structlog
from sqlalchemy import select

from recordkeeper.classify import classify_document, compiled
from recordkeeper.errors import StoreError
from recordkeeper.ingest.extract import codec
from recordkeeper.model import Classification, Correction, DocumentFacts
from recordkeeper.process import ClassifiedDocument
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.services.classification import rules_hash
from recordkeeper.services.roots import RootSpec
from recordkeeper.store import repo_classification as repo
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store

log = structlog.get_logger(__name__)

Classifier = Callable[[DocumentFacts], Classification]


@dataclass(frozen=True, slots=True)
class Reuse:
    """What the store gives for one project folder.

    `documents`: path relative to the project -> the document, ready to evaluate.
    `classify`: how to classify the files not in `documents` (None: the caller's way).
    """

    documents: Mapping[str, ClassifiedDocument] = field(default_factory=dict)
    classify: Classifier | None = None
    reclassified: int = 0


NOTHING = Reuse()


@dataclass(frozen=True, slots=True)
class _Row:
    id: str
    size: int | None
    mtime_ns: int | None
    inode: int | None
    sha256: str | None


def _on_disk(path: Path) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of a regular file, not following a symlink."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino) if stat.S_ISREG(st.st_mode) else None


class StoreDocuments:
    """Looks a project's files up in the daemon's store (read only)."""

    def __init__(self, store: Store, roots: Sequence[RootSpec], class_rules: ClassRules) -> None:
        self.store = store
        self.roots = [(r.key, os.path.realpath(r.path)) for r in roots]
        self.class_rules = class_rules

    def _locate(self, project_dir: Path) -> tuple[str, str] | None:
        """(root key, folder path relative to the root) for a folder inside a root."""
        real = os.path.realpath(project_dir)
        for key, root in self.roots:
            if real != root and real.startswith(root.rstrip(os.sep) + os.sep):
                return key, Path(os.path.relpath(real, root)).as_posix()
        return None

    def lookup(self, project_dir: Path, files: Sequence[tuple[Path, str]]) -> Reuse:
        """The reusable documents among `files` ((path, path relative to the folder))."""
        located = self._locate(project_dir)
        if located is None:
            return NOTHING
        try:
            return self._lookup(project_dir, files, *located)
        except StoreError as exc:
            log.warning("check_store_unusable", error=exc.message)
            return NOTHING

    def _lookup(
        self, project_dir: Path, files: Sequence[tuple[Path, str]], root: str, prefix: str
    ) -> Reuse:
        project = prefix.split("/", 1)[0]
        digest = rules_hash(self.class_rules)
        with self.store.read() as session:
            query = select(
                DocumentRow.path, DocumentRow.id, DocumentRow.size, DocumentRow.mtime_ns,
                DocumentRow.inode, DocumentRow.current_sha256,
            ).where(
                DocumentRow.root == root, DocumentRow.project == project,
                DocumentRow.state == "present",
            )  # fmt: skip
            known = {r[0]: _Row(*r[1:]) for r in session.execute(query)}
            current: dict[str, _Row] = {}
            for path, rel in files:
                row = known.get(f"{prefix}/{rel}")
                if (
                    row is not None
                    and row.sha256
                    and _on_disk(path)
                    == (
                        row.size,
                        row.mtime_ns,
                        row.inode,
                    )
                ):
                    current[rel] = row
            if not current:
                return Reuse(classify=self._classifier(prefix, project))
            shas = [r.sha256 for r in current.values() if r.sha256]
            extractions = repo.extractions(session, shas)
            stored = repo.classifications_of(session, [r.id for r in current.values()])
            stale = [
                (r.id, r.sha256)
                for r in current.values()
                if not _fresh(stored.get(r.id), r.sha256, digest)
            ]
            corrections = repo.corrections_for_many(session, stale) if stale else {}
        documents: dict[str, ClassifiedDocument] = {}
        reclassified = 0
        for rel, row in current.items():
            cached = extractions.get(row.sha256 or "")
            facts = codec.loads_facts(cached.facts if cached is not None else None)
            if facts is None:
                continue  # not extracted, or unreadable: the caller reads it again
            facts = replace(facts, path=rel, project=project_dir.name)
            found = stored.get(row.id)
            if found is not None and _fresh(found, row.sha256, digest):
                classification = found.classification
            else:
                classification = self._classify(facts, prefix, project, corrections.get(row.id))
                reclassified += 1
            documents[rel] = ClassifiedDocument(facts, classification)
        return Reuse(documents, self._classifier(prefix, project), reclassified)

    def _classify(
        self, facts: DocumentFacts, prefix: str, project: str, correction: Correction | None
    ) -> Classification:
        """As the daemon classifies: with the path relative to the root."""
        at_root = replace(facts, path=f"{prefix}/{facts.path}", project=project)
        return classify_document(at_root, compiled(self.class_rules), correction)

    def _classifier(self, prefix: str, project: str) -> Classifier:
        """For files the daemon has not seen in this version (no correction applies yet)."""

        def classify(facts: DocumentFacts) -> Classification:
            return self._classify(facts, prefix, project, None)

        return classify


def _fresh(found: repo.StoredClassification | None, sha256: str | None, digest: str) -> bool:
    """Made for this content under these class rules (and not a name-only guess)."""
    return (
        found is not None
        and found.sha256 == sha256
        and found.rules_hash == digest
        and found.error_reason is None
    )
