"""Where the registration stage reads a version's facts and classification.

Facts come from the extraction cache (`extractions.facts`, the extract
codec); when the cache holds none for that content, the file is read again
with the same limits ingest uses, and only if it still has that content.
Facts ingest hands over in memory with a chunk's changes (`prefetch`'s `given`:
what the workers extracted and ingest stored as that content's cache entry) are
taken as they are instead of being read back and decoded.
The classification is the one classify's stage stored for that content
(corrections included); when none is stored for it yet, classify's pure
classifier judges the facts under the current rules. Both return None,
never raise, when something is unknown.

A content that could not be read (encrypted, corrupt, ...: its cache entry is an
`Unreadable`) has name-only facts marked with the reason (`model.UNREADABLE`), and is
judged by the class its name and folders gave (classify's stage stores it with the
reason): without them a must-register file that cannot be read was never prompted,
and status and doctor counted it unprompted for ever.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import structlog
from sqlalchemy import select

from recordkeeper.classify import classify_document
from recordkeeper.ingest.extract import extract_file
from recordkeeper.ingest.extract.codec import loads
from recordkeeper.model import (
    UNREADABLE,
    Classification,
    DocumentFacts,
    Unreadable,
    UnreadableReason,
)
from recordkeeper.services.classification import current_classification
from recordkeeper.services.classify_files import name_only_facts
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, limits_from
from recordkeeper.store.repo_classification import StoredClassification, classifications_of
from recordkeeper.store.tables import DocumentRow, ExtractionRow

log = structlog.get_logger(__name__)


_IN_BATCH = 500  # values per IN (...) list
_Doc = tuple[str, str, str | None, str | None]  # root, path, project, current sha256


class StoreInputs:
    """The store-backed `Inputs` of the registration stage.

    `prefetch` reads a whole batch's documents, cached extractions and stored
    classifications with one query each; lookups it did not cover go to the store.
    """

    def __init__(self) -> None:
        self._docs: dict[str, _Doc | None] = {}
        self._payloads: dict[str, bytes | None] = {}
        self._given: dict[str, DocumentFacts] = {}
        self._classes: dict[str, StoredClassification | None] = {}

    def prefetch(
        self,
        ctx: Context,
        versions: Sequence[tuple[str, str]],
        given: Mapping[str, DocumentFacts] | None = None,
    ) -> None:
        """Load the inputs of these (document id, sha256) pairs in one read.

        `given`: facts by sha256 that ingest extracted and stored as those contents'
        cache entries in this chunk (`DocumentChange.facts`): used as they are, so their
        payloads are neither read nor decoded again (`codec.loads` ≈ 11 us a file and a
        frozen `replace`, issue #3); equal to what decoding the stored payload gives.
        """
        if given:
            self._given.update(given)
        docs = sorted({d for d, _ in versions})
        shas = sorted({s for _, s in versions if s not in self._given})
        with ctx.store.read() as session:
            for start in range(0, len(docs), _IN_BATCH):
                part = docs[start : start + _IN_BATCH]
                self._docs.update(dict.fromkeys(part))
                stmt = select(
                    DocumentRow.id,
                    DocumentRow.root,
                    DocumentRow.path,
                    DocumentRow.project,
                    DocumentRow.current_sha256,
                ).where(DocumentRow.id.in_(part))
                for doc_id, root, path, project, current in session.execute(stmt):
                    self._docs[doc_id] = (root, path, project, current)
            for start in range(0, len(shas), _IN_BATCH):
                part = shas[start : start + _IN_BATCH]
                self._payloads.update(dict.fromkeys(part))
                stmt2 = select(ExtractionRow.sha256, ExtractionRow.facts).where(
                    ExtractionRow.sha256.in_(part)
                )
                self._payloads.update((sha, facts) for sha, facts in session.execute(stmt2))
            self._classes.update(dict.fromkeys(docs))
            self._classes.update(classifications_of(session, docs))

    def _doc_and_payload(
        self, ctx: Context, document_id: str, sha256: str
    ) -> tuple[_Doc | None, bytes | None]:
        if document_id in self._docs and sha256 in self._payloads:
            return self._docs[document_id], self._payloads[sha256]
        with ctx.store.read() as session:
            doc = session.get(DocumentRow, document_id)
            cached = session.get(ExtractionRow, sha256)
            payload = cached.facts if cached is not None else None
            if doc is None:
                return None, payload
            return (doc.root, doc.path, doc.project, doc.current_sha256), payload

    def facts(self, ctx: Context, document_id: str, sha256: str) -> DocumentFacts | None:
        facts = self._given.get(sha256)
        if facts is not None and document_id in self._docs:
            doc = self._docs[document_id]
        else:
            doc, payload = self._doc_and_payload(ctx, document_id, sha256)
            facts = _decode(payload, sha256) if payload else None
        if doc is None:
            return None
        root, path, project, current = doc
        if facts is None and current == sha256:
            facts = _read_again(ctx, root, path, project, sha256)
        if facts is None:
            return None
        if (facts.path, facts.project) == (path, project):
            return facts  # frozen: the equal value `replace` would make
        # the cache is per content: a copy elsewhere carries its own path and project
        return replace(facts, path=path, project=project)

    def classification(
        self, ctx: Context, document_id: str, facts: DocumentFacts
    ) -> Classification | None:
        if document_id in self._classes:
            stored = self._classes[document_id]
        else:
            with ctx.store.read() as session:
                stored = current_classification(session, document_id)
        unreadable = UNREADABLE in facts.metadata
        # a file that was not read is stored with its reason, classified by name and folders
        if (
            stored is not None
            and stored.sha256 == facts.sha256
            and (stored.error_reason is None or unreadable)
        ):
            return stored.classification
        try:
            rules = ctx.rules.one("classes")
        except KeyError:
            return None
        if not unreadable:
            return classify_document(facts, rules)
        # as classify's stage judges a file it cannot read: by its name and folders only
        found = classify_document(replace(facts, metadata={}), rules)
        return replace(found, needs_review=True, reasons=(*found.reasons, "name_only"))


def _decode(payload: bytes, sha256: str) -> DocumentFacts | None:
    try:
        result = loads(payload)
    except ValueError:
        return None
    if isinstance(result, Unreadable):
        return _name_only(result, sha256)
    return result


def _name_only(result: Unreadable, sha256: str) -> DocumentFacts | None:
    """What is known of a content that could not be read, marked with the reason; None
    for a reason that is retried (internal) or leaves no file (vanished)."""
    if result.reason in (UnreadableReason.INTERNAL, UnreadableReason.VANISHED):
        return None
    return name_only_facts(result.path, result.size, sha256, unreadable=result.reason.value)


def _read_again(
    ctx: Context, root_key: str, path: str, project: str | None, sha256: str
) -> DocumentFacts | None:
    root = next((r for r in configured_roots(ctx.settings) if r.key == root_key), None)
    if root is None:
        return None
    result = extract_file(root.path / path, path, limits_from(ctx.settings), project)
    if not isinstance(result, DocumentFacts) or result.sha256 != sha256:
        log.info("registration_facts_unavailable", sha256=sha256)
        return None
    return result
