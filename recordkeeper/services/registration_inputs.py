"""Where the registration stage reads a version's facts and classification.

Facts come from the extraction cache (`extractions.facts`, the extract
codec); when the cache holds none for that content, the file is read again
with the same limits ingest uses, and only if it still has that content.
The classification is the one classify's stage stored for that content
(corrections included); when none is stored for it yet, classify's pure
classifier judges the facts under the current rules. Both return None,
never raise, when something is unknown.
"""

from __future__ import annotations

from dataclasses import replace

import structlog

from recordkeeper.classify import classify_document
from recordkeeper.ingest.extract import extract_file
from recordkeeper.ingest.extract.codec import loads
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.services.classification import current_classification
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, limits_from
from recordkeeper.store.tables import DocumentRow, ExtractionRow

log = structlog.get_logger(__name__)


class StoreInputs:
    """The store-backed `Inputs` of the registration stage."""

    def facts(self, ctx: Context, document_id: str, sha256: str) -> DocumentFacts | None:
        with ctx.store.read() as session:
            doc = session.get(DocumentRow, document_id)
            cached = session.get(ExtractionRow, sha256)
            payload = cached.facts if cached is not None else None
            if doc is None:
                return None
            root, path, project, current = doc.root, doc.path, doc.project, doc.current_sha256
        facts = _decode(payload) if payload else None
        if facts is None and current == sha256:
            facts = _read_again(ctx, root, path, project, sha256)
        if facts is None:
            return None
        # the cache is per content: a copy elsewhere carries its own path and project
        return replace(facts, path=path, project=project)

    def classification(
        self, ctx: Context, document_id: str, facts: DocumentFacts
    ) -> Classification | None:
        with ctx.store.read() as session:
            stored = current_classification(session, document_id)
        if stored is not None and stored.sha256 == facts.sha256 and stored.error_reason is None:
            return stored.classification
        try:
            rules = ctx.rules.one("classes")
        except KeyError:
            return None
        return classify_document(facts, rules)


def _decode(payload: bytes) -> DocumentFacts | None:
    try:
        result = loads(payload)
    except ValueError:
        return None
    return result if isinstance(result, DocumentFacts) else None


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
