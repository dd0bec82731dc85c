"""Use cases of classification in the daemon: classify new versions, apply corrections,
re-classify when the rules change, and let other features read the result.

- `classify_stage` is the pipeline stage (services/pipeline.py STAGES): every
  new, changed, moved, copied or returned document is classified from its
  extraction (handed over in memory by ingest when it was just made, else the
  cached one; name and folders only when it could not be read). Ingest runs
  `worker_classifier` beside extraction in its worker processes; the stage
  takes that result when it was made under the current rules, for this very
  path and content, and no correction applies; otherwise it classifies itself;
  then the sibling pass of `classify --json` runs over the batch's folders
  (services/classify_siblings.py: a Word file beside the finished PDF of the same
  document is its working copy; a stored Word file is classified again when its
  PDF arrives or goes), and the convenience-copy pass (services/classify_copies.py: a
  file in a person's own folder whose bytes equal a proposed file elsewhere is not
  proposed again; classified again when its original goes or gets new content).
  `store_precomputed` stores the workers' results already in ingest's chunk
  transaction (pipeline.within_commit); the stage leaves those;
- `correct_classification` stores a registrar's correction (kept for ever,
  with an audit event) and re-classifies the document at once; a correction
  sticks to the document id across renames and new versions, and to the
  content hash for copies, and wins over the rules;
- `reclassify_stale` classifies, in bounded batches, every present document
  whose classification is missing, older than its content, or made under
  other rules; `RulesWatch` runs it when the rules object changes (start,
  SIGHUP) and keeps the rules hash in service_state;
- `current_classification` / `project_classifications` are the read side.
Each write is one transaction with its audit event; audit events carry ids,
hashes, the class id and signal (rule) ids only.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

import structlog
from sqlalchemy.orm import Session

from recordkeeper.classify import classify_document, compiled
from recordkeeper.errors import NotFound, UsageError
from recordkeeper.ingest.extract import codec
from recordkeeper.logs import log_hash
from recordkeeper.memo import by_identity
from recordkeeper.model import (
    AuditEvent,
    Classification,
    Correction,
    DocumentFacts,
    Unreadable,
    new_audit_event,
)
from recordkeeper.ruleset.classes import ClassRules
from recordkeeper.services import classify_copies, classify_counterparts, classify_siblings
from recordkeeper.services.classify_files import name_only_facts
from recordkeeper.services.classify_worker import Precomputed, WorkerClassifier
from recordkeeper.services.context import Context
from recordkeeper.store import repo_classification as repo
from recordkeeper.store import repo_documents
from recordkeeper.store.repo_classification import (
    CachedExtraction,
    PresentDocument,
    StoredClassification,
)
from recordkeeper.store.tables import DocumentRow, ExtractionRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.unit import Tx

if TYPE_CHECKING:  # pipeline imports this module for its STAGES line
    from recordkeeper.services.pipeline import DocumentChange, Written

__all__ = [
    "RULES_HASH_KEY",
    "Precomputed",
    "RulesWatch",
    "StoredClassification",
    "WorkerClassifier",
    "classify_stage",
    "correct_classification",
    "current_classification",
    "project_classifications",
    "reclassify_stale",
    "rules_hash",
    "store_precomputed",
    "worker_classifier",
]

log = structlog.get_logger(__name__)

RULES_HASH_KEY = "classify.rules_hash"
CLASSIFY_CHANGES = frozenset({"new", "new_version", "moved", "copied", "returned", "unreadable"})
BATCH = 200


@by_identity(maxsize=1)
def rules_hash(rules: ClassRules) -> str:
    """SHA-256 of the class rules' canonical JSON (memoised per rules object)."""
    text = json.dumps(rules.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def class_rules(ctx: Context) -> ClassRules:
    rules: ClassRules = ctx.rules.one("classes")
    return rules


def _session(source: Session | Tx) -> Session:
    return source.session if isinstance(source, Tx) else source


# ---- read side ------------------------------------------------------------------------------


def current_classification(source: Session | Tx, document_id: str) -> StoredClassification | None:
    """The stored classification of a document (None until it has been classified)."""
    return repo.get_classification(_session(source), document_id)


def project_classifications(
    source: Session | Tx, project: str | None
) -> dict[str, StoredClassification]:
    """document id -> classification for every present document of a project folder."""
    return repo.classifications_in_project(_session(source), project)


# ---- classifying one document ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Input:
    facts: DocumentFacts
    error_reason: str | None


# a document as classifying reads it: its ORM row, or its columns in a batch
Document = DocumentRow | PresentDocument


def _facts_of(doc: Document, row: ExtractionRow | CachedExtraction | None) -> _Input:
    """Cached extraction at the document's current path; name-only facts if unreadable."""
    sha = doc.current_sha256
    error = doc.error_reason or (row.error_reason if row is not None else None)
    if row is not None and row.facts is not None:
        try:
            result = codec.loads(row.facts)
        except ValueError:
            result = None
        if isinstance(result, DocumentFacts):
            return _Input(replace(result, path=doc.path, project=doc.project), None)
        if isinstance(result, Unreadable):
            error = result.reason.value
    name_only = name_only_facts(doc.path, doc.size, sha, project=doc.project)
    return _Input(name_only, error or "not_extracted")


def worker_classifier(ctx: Context) -> WorkerClassifier:
    rules = class_rules(ctx)
    return WorkerClassifier(compiled(rules), rules_hash(rules))


def _precomputed(
    analysis: Any, doc: Document, digest: str, correction: Correction | None
) -> Classification | None:
    """The worker's classification if it still holds for `doc` as it is now."""
    if not isinstance(analysis, Precomputed) or correction is not None:
        return None
    if (analysis.rules_hash, analysis.path, analysis.project, analysis.sha256) != (
        digest,
        doc.path,
        doc.project,
        doc.current_sha256,
    ):
        return None
    return analysis.classification


def _given_facts(change: DocumentChange | None, doc: Document) -> _Input | None:
    """Facts handed over in memory by ingest, if they are this document's current content."""
    if change is None or change.facts is None or change.facts.sha256 != doc.current_sha256:
        return None
    facts = change.facts
    if (facts.path, facts.project) != (doc.path, doc.project):
        facts = replace(facts, path=doc.path, project=doc.project)
    return _Input(facts, None)


def _classified(given: _Input, rules: ClassRules, correction: Correction | None) -> Classification:
    result = classify_document(given.facts, compiled(rules), correction)
    if given.error_reason is not None:
        result = replace(result, needs_review=True, reasons=(*result.reasons, "name_only"))
    return result


def _store(
    tx: Tx,
    doc: Document,
    given: _Input,
    result: Classification,
    digest: str,
    ctx: Context,
    existing: dict[str, ClassificationRow] | None = None,
    inserts: list[dict[str, Any]] | None = None,
    events: list[AuditEvent] | None = None,
    at: datetime | None = None,
) -> bool:
    """Save a classification (at `at`, else now); its audit event is recorded now, or
    appended to `events` for the caller to record (in order, in the same savepoint)."""
    now = at or ctx.clock.now()
    changed = repo.save_classification(
        tx.session, doc.id, doc.current_sha256, result,
        rules_hash=digest, at=now, error_reason=given.error_reason, existing=existing,
        inserts=inserts,
    )  # fmt: skip
    if changed:
        event = _audit("document_classified", doc, result, digest, now)
        if events is None:
            tx.record(event)
        else:
            events.append(event)
    return changed


def _classify_row(tx: Tx, doc: DocumentRow, rules: ClassRules, digest: str, ctx: Context) -> bool:
    """Classify one document inside `tx`; True when its classification changed."""
    row = tx.session.get(ExtractionRow, doc.current_sha256) if doc.current_sha256 else None
    given = _facts_of(doc, row)
    correction = repo.correction_for(tx.session, doc.id, doc.current_sha256)
    result = _classified(given, rules, correction)
    changed = _store(tx, doc, given, result, digest, ctx)
    tx.session.flush()
    return changed


def _audit(event: str, doc: Document, c: Classification, digest: str, at: datetime) -> AuditEvent:
    data: dict[str, str | bool] = {
        "class": c.doc_class,
        "draft": c.is_draft,
        "must_register": c.must_register,
        "personal_data": c.personal_data,
        "corrected": c.corrected,
        "rules_hash": digest,
        "signals": _signals(c.reasons),
    }
    # AuditEvent's fields in order (event, at, actor, document, project, rule, sha256,
    # data): by position, without a keyword dict per file (issue #3)
    actor = "system"
    return new_audit_event(
        event, at, actor, doc.id, doc.project, c.doc_class, doc.current_sha256, data
    )


def _signals(reasons: tuple[str, ...]) -> str:
    """The signal (rule) ids of a classification's reasons, sorted, comma-separated."""
    try:
        return _signals_of(reasons)
    except TypeError:  # not hashable (a list): as it is
        return _signals_of.__wrapped__(reasons)


@functools.lru_cache(maxsize=4096)  # documents of a share share their reasons
def _signals_of(reasons: tuple[str, ...]) -> str:
    return ",".join(sorted({r.split("@", 1)[0] for r in reasons if "@" in r}))


def classify_documents(
    ctx: Context,
    document_ids: Sequence[str],
    given: dict[str, DocumentChange] | None = None,
) -> int:
    """Classify the given documents (present ones only); returns how many changed.

    One transaction per batch with a handful of queries for the whole batch
    (a commit or a query per document would cost more than classifying it).
    A document whose classification fails is logged and skipped; the others
    are kept. `given` holds ingest's changes by document id, with their
    in-memory facts and worker classification (see `classify_stage`).
    """
    rules = class_rules(ctx)
    digest = rules_hash(rules)
    changed = 0
    unique = list(dict.fromkeys(document_ids))
    for start in range(0, len(unique), BATCH):
        with ctx.store.transaction() as tx:
            batch = unique[start : start + BATCH]
            changed += _classify_batch(tx, batch, rules, digest, ctx, given or {})
    return changed


def _classify_batch(
    tx: Tx,
    document_ids: Sequence[str],
    rules: ClassRules,
    digest: str,
    ctx: Context,
    given: dict[str, DocumentChange],
) -> int:
    made = _classify_present(tx.session, document_ids, rules, digest, given)
    again = partial(_classify_present, tx.session, rules=rules, digest=digest, given={})
    made = classify_counterparts.with_counterparts(tx.session, made, rules, again)
    made = classify_siblings.with_working_copies(tx.session, made, rules, again)
    made = classify_copies.with_convenience_copies(tx.session, made, rules, again)
    existing = repo.classification_rows(tx.session, [doc.id for doc, _, _ in made])
    return _store_all(tx, made, digest, ctx, existing)


def _classify_present(
    session: Session,
    document_ids: Sequence[str],
    rules: ClassRules,
    digest: str,
    given: dict[str, DocumentChange],
) -> list[tuple[Document, _Input, Classification]]:
    """The present ones of these documents, each with its input and classification."""
    return _classify_docs(
        session, repo.present_documents(session, document_ids), rules, digest, given
    )


def _classify_docs(
    session: Session,
    docs: Sequence[Document],
    rules: ClassRules,
    digest: str,
    given: Mapping[str, DocumentChange],
    corrections: Mapping[str, Correction] | None = None,
) -> list[tuple[Document, _Input, Classification]]:
    """These documents (present), each with its input and classification; `corrections`:
    those of their corrections read already (of every one of them)."""
    inputs = {d.id: _given_facts(given.get(d.id), d) for d in docs}
    cached = repo.extractions(
        session, [d.current_sha256 for d in docs if d.current_sha256 and inputs[d.id] is None]
    )
    if corrections is None:
        corrections = repo.corrections_for_many(session, [(d.id, d.current_sha256) for d in docs])
    made: list[tuple[Document, _Input, Classification]] = []
    for doc in docs:
        try:
            facts = inputs[doc.id] or _facts_of(doc, cached.get(doc.current_sha256 or ""))
            correction = corrections.get(doc.id)
            change = given.get(doc.id)
            analysis = change.analysis if change is not None else None
            result = _precomputed(analysis, doc, digest, correction) or _classified(
                facts, rules, correction
            )
        except Exception as exc:  # a loop survives its items (STYLE §9.6)
            log.exception("classify_failed", doc_id=doc.id, error=type(exc).__name__)
            continue
        made.append((doc, facts, result))
    return made


def _store_all(
    tx: Tx,
    made: list[tuple[Document, _Input, Classification]],
    digest: str,
    ctx: Context,
    existing: dict[str, ClassificationRow],
) -> int:
    """Store a batch's classifications with their audit events; how many changed.

    The whole batch goes in one savepoint with one insert for its new rows. If
    anything in it fails, the batch goes again document by document, each in a
    savepoint of its own with its own insert: a document whose row or audit event
    is refused rolls back alone (row, audit entries) and is logged; the others stay.
    """
    inserts: list[dict[str, Any]] = []
    events: list[AuditEvent] = []
    try:
        with tx.savepoint():
            changed = sum(
                _store(tx, *item, digest, ctx, existing, inserts, events) for item in made
            )
            tx.record_many(events)
            repo.insert_classifications(tx.session, inserts)
        return changed
    except Exception as exc:  # the per-document way isolates what failed
        log.warning("classify_batch_stored_per_document", error=type(exc).__name__)
    changed = 0
    for doc, facts, result in made:
        inserts = []
        try:
            with tx.savepoint():
                stored = _store(tx, doc, facts, result, digest, ctx, existing, inserts)
                repo.insert_classifications(tx.session, inserts)
        except Exception as exc:
            log.exception("classify_store_failed", doc_id=doc.id, error=type(exc).__name__)
            continue
        changed += stored
    return changed


def classify_stage(ctx: Context, changes: Sequence[DocumentChange]) -> None:
    """Pipeline stage: classify every document a change gave new content or a new place
    (but those whose worker classification ingest stored already: `store_precomputed`)."""
    ids = [c.document_id for c in changes if c.change in CLASSIFY_CHANGES and not c.classified]
    gone = [c.document_id for c in changes if c.change == "gone"]
    moved = [c.document_id for c in changes if c.change == "moved"]
    # the projects moved documents left (a scan there may have rested on one of them)
    left = {
        c.document_id: c.previous_project
        for c in changes
        if c.change == "moved" and c.previous_project and c.previous_project != c.project
    }
    # what documents held before their new version: its convenience copies are none any more
    before = [
        c.previous_sha256
        for c in changes
        if c.change == "new_version" and c.previous_sha256 and c.previous_sha256 != c.sha256
    ]
    if gone or moved or before:  # a Word file whose finished PDF went is no working copy now
        with ctx.store.read() as session:
            ids += classify_siblings.orphans(session, gone, class_rules(ctx))
            ids += classify_siblings.orphans_of_moves(session, moved, class_rules(ctx))
            # a copy in a personal folder whose original went or changed is proposed again
            ids += classify_copies.copies_of_gone(session, gone, class_rules(ctx))
            ids += classify_copies.copies_of_contents(session, before, class_rules(ctx))
            # a scan a declaration or agreement that went or moved completed is read again
            ids += classify_counterparts.scans_of_projects(session, gone + moved, class_rules(ctx))
            ids += classify_counterparts.scans_left_behind(session, left, class_rules(ctx))
    if ids:
        given = {c.document_id: c for c in changes if c.facts is not None}
        changed = classify_documents(ctx, ids, given)
        log.info("documents_classified", documents=len(ids), changed=changed)


# changes whose document was made in the very transaction: it has no classification yet
_FRESH = frozenset({"new", "copied"})


def store_precomputed(
    tx: Tx,
    ctx: Context,
    changes: Sequence[DocumentChange],
    written: Written | None = None,
) -> set[str]:
    """The classify stage's part inside ingest's chunk transaction, before its commit:
    store the worker classifications that hold (made under the current rules, for the
    document's path and content as they are now, and no correction applies) with their
    audit events, exactly as `classify_stage` would store them after the commit, and
    return those documents' ids (the stage leaves them). When the workers classified
    some of the chunk's documents, the rest it changed (a correction, no or a stale
    worker classification, content known from an earlier chunk so not extracted again,
    unreadable content) are classified here as the stage would classify them, after
    those, in the same batch: a transaction, its queries and passes less after the
    commit (issue #3: one for a copy or two in most chunks, ~4.7 % of storing
    /tmp/ing1000). If storing fails everything is left to the stage (the savepoint
    rolls back). The sibling pass runs over them as in the stage (`classify_siblings`):
    a stored Word file it makes a working copy of a PDF in this chunk is classified
    again and stored here too. `written`: what ingest wrote in this transaction, as it
    is now (not read back).
    """
    given = {c.document_id: c for c in changes if c.facts is not None}
    ids = list(dict.fromkeys(c.document_id for c in changes if c.change in CLASSIFY_CHANGES))
    held = {i for i in ids if i in given and isinstance(given[i].analysis, Precomputed)}
    if not held:
        return set()
    fresh = {c.document_id for c in changes if c.change in _FRESH}  # made in this transaction
    rules = class_rules(ctx)
    digest = rules_hash(rules)
    session = tx.session
    now = ctx.clock.now()  # one reading for the batch: its rows and entries share it
    done: set[str] = set()
    changed = 0
    try:
        with tx.savepoint():
            for start in range(0, len(ids), BATCH):  # the stage's batches, documents by id
                known = written.documents if written is not None else {}
                docs = _present(session, ids[start : start + BATCH], known)
                pairs = [(d.id, d.current_sha256) for d in docs]
                corrections = repo.corrections_for_many(session, pairs) if pairs else {}
                made: list[tuple[Document, _Input, Classification]] = []
                rest: list[Document] = []  # the stage's work, done after the others
                for doc in docs:
                    change = given.get(doc.id)
                    result = None
                    if doc.id in held and change is not None:
                        correction = corrections.get(doc.id)
                        result = _precomputed(change.analysis, doc, digest, correction)
                    # the stage would take these facts (`_given_facts`), so no error reason
                    facts = change.facts if change is not None else None
                    if (
                        result is not None
                        and facts is not None
                        and facts.sha256 == doc.current_sha256
                    ):
                        made.append((doc, _Input(facts, None), result))
                    else:
                        rest.append(doc)
                if rest:
                    made += _classify_docs(session, rest, rules, digest, given, corrections)
                again = partial(_classify_present, session, rules=rules, digest=digest, given={})
                made = classify_counterparts.with_counterparts(session, made, rules, again)
                made = classify_siblings.with_working_copies(session, made, rules, again)
                holders = written.holders if written is not None else None
                made = classify_copies.with_convenience_copies(session, made, rules, again, holders)
                older = [d.id for d, _, _ in made if d.id not in fresh]
                existing = repo.classification_rows(session, older) if older else {}
                inserts: list[dict[str, Any]] = []
                events: list[AuditEvent] = []
                for item in made:
                    changed += _store(tx, *item, digest, ctx, existing, inserts, events, now)
                tx.record_many(events)
                repo.insert_classifications(session, inserts)
                done.update(d.id for d, _, _ in made)
    except Exception as exc:  # the stage classifies them after the commit, as without this
        log.warning("classify_in_commit_failed", error=type(exc).__name__)
        return set()
    if done:
        log.info("documents_classified", documents=len(done), changed=changed, in_commit=True)
    return done


def _present(
    session: Session, ids: Sequence[str], known: Mapping[str, PresentDocument]
) -> list[PresentDocument]:
    """`repo.present_documents(session, ids)`, from `known` when it holds them all."""
    if known and all(i in known for i in ids):
        return [known[i] for i in sorted(set(ids))]
    return repo.present_documents(session, ids)


# ---- corrections -----------------------------------------------------------------------------


def correct_classification(
    ctx: Context,
    document_id: str,
    actor: str,
    doc_class: str | None = None,
    is_draft: bool | None = None,
    not_official: bool | None = None,
) -> Classification:
    """Store a registrar's correction and re-classify the document with it.

    Args:
        ctx: the service context.
        document_id: the document (its id survives renames and new versions).
        actor: user id of the registrar (recorded in the audit log).
        doc_class: the right class id, or None to leave the class to the rules.
        is_draft: True/False to fix the draft flag, None to leave it.
        not_official: True when the document is not an official document.

    Returns:
        The document's classification after the correction.

    Raises:
        UsageError: nothing to correct, or an unknown class id.
        NotFound: no such document.
    """
    correction = Correction(doc_class, is_draft, not_official)
    rules = class_rules(ctx)
    if correction.is_empty:
        raise UsageError("a correction needs a class, a draft flag or not-official")
    if doc_class is not None and rules.by_id(doc_class) is None:
        known = ", ".join(rules.class_ids())
        raise UsageError(f"unknown class '{doc_class}'; known classes: {known}")
    digest = rules_hash(rules)
    with ctx.store.transaction() as tx:
        doc = tx.session.get(DocumentRow, document_id)
        if doc is None:
            raise NotFound(f"no document with id {document_id}")
        now = ctx.clock.now()
        before = repo.get_classification(tx.session, doc.id)
        repo.add_correction(tx.session, doc.id, doc.current_sha256, correction, actor=actor, at=now)
        tx.record(
            AuditEvent(
                event="classification_corrected",
                at=now,
                actor=actor,
                document_id=doc.id,
                project_id=doc.project,
                rule_id=doc_class,
                sha256=doc.current_sha256,
                data={"class": doc_class, "draft": is_draft, "not_official": not_official},
            )
        )
        if doc.state == repo_documents.PRESENT:
            # with the sibling pass: a corrected PDF makes or unmakes its Word working copy;
            # its stored convenience copies follow it (the correction holds for its content);
            # so do the scans of its project a corrected declaration or agreement completed
            content = [doc.current_sha256] if doc.current_sha256 else []
            copies = classify_copies.copies_of_contents(tx.session, content, rules)
            previous = before.classification if before is not None else None
            scans = classify_counterparts.scans_beside_correction(
                tx.session, doc.id, previous, rules
            )
            ids = list(dict.fromkeys([doc.id, *copies, *scans]))
            _classify_batch(tx, ids, rules, digest, ctx, {})
            tx.session.flush()
        else:
            _classify_row(tx, doc, rules, digest, ctx)
        stored = repo.get_classification(tx.session, doc.id)
    assert stored is not None
    return stored.classification


# ---- rules changes ---------------------------------------------------------------------------


def reclassify_stale(ctx: Context, limit: int = BATCH) -> int:
    """Classify up to `limit` documents whose classification is missing or stale.

    Returns how many documents were looked at; 0 means everything is current,
    and the rules hash is then recorded in service_state.
    """
    rules = class_rules(ctx)
    digest = rules_hash(rules)
    with ctx.store.read() as session:
        ids = [d.id for d in repo.stale_documents(session, digest, limit)]
    if ids:
        classify_documents(ctx, ids)
        return len(ids)
    with ctx.store.transaction() as tx:
        if repo_documents.get_state(tx.session, RULES_HASH_KEY) != digest:
            repo_documents.put_state(tx.session, RULES_HASH_KEY, digest)
            log.info("classification_current", rules_hash=log_hash(digest))
    return 0


class RulesWatch:
    """Daemon tick hook: after start or a rules reload, re-classify until current; then,
    every `interval_s`, look again.

    The second look is for a document whose classify stage failed on a store error: it
    has no classification, so it is neither prompted for registration (the catch-up
    judges classified versions) nor counted in its project, and before this it stayed so
    until the daemon restarted or the rules were reloaded. A look that finds nothing
    stale is one query; it runs within the tick, so `current` stays True for the
    catch-up unless something was found.

    Cheap when nothing changed: it compares the rules object it saw last and
    touches the database only while a pass is in progress or a look is due.
    """

    def __init__(
        self,
        batch: int = BATCH,
        interval_s: float | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.batch = batch
        self.interval_s = interval_s
        self._monotonic = monotonic
        self._seen: ClassRules | None = None
        self._pending = True
        self._next_look = 0.0

    @property
    def current(self) -> bool:
        """Every present document's classification is from the rules seen last."""
        return not self._pending

    def __call__(self, ctx: Context) -> None:
        rules = class_rules(ctx)
        if rules is not self._seen:
            self._seen, self._pending = rules, True
        elif self.interval_s is not None and self._monotonic() >= self._next_look:
            self._pending = True  # a classification a store error left out
        if self._pending:
            self._pending = reclassify_stale(ctx, self.batch) > 0
            if not self._pending and self.interval_s is not None:
                self._next_look = self._monotonic() + self.interval_s
