"""The worker classifications stored in ingest's chunk transaction (`pipeline.within_commit`).

With two extraction workers the classify stage's rows and audit events for the
documents the workers classified are written in the chunk's own transaction, and
so are those of the chunk's other changed documents (no or a stale worker
classification, a correction, unreadable or known content), classified there as
the stage after the commit would classify them. Each test runs the same ingest
twice, once so and once with everything left to the stage after the commit
(as before), on the same files with the same document ids and clock, and
compares what was stored.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from recordkeeper.bootstrap import PoolExtractor
from recordkeeper.config import Settings
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx
from recordkeeper.samples.corpus import generate_corpus
from recordkeeper.services import classification, ingest, pipeline
from recordkeeper.services.classification import (
    Precomputed,
    class_rules,
    correct_classification,
    rules_hash,
)
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.services.pipeline import DocumentChange
from recordkeeper.store import repo_documents
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock


@pytest.fixture
def extractor() -> Iterator[PoolExtractor]:
    pool = PoolExtractor(ExtractionPool(Limits(timeout_s=60), workers=2))
    try:
        yield pool
    finally:
        pool.close()


class Run:
    """One store ingesting the share, with document ids drawn from its own counter."""

    def __init__(self, ctx: Context, extractor: PoolExtractor, fast: bool) -> None:
        self.ctx, self.extractor, self.fast = ctx, extractor, fast
        self._ids = (
            hashlib.sha256(f"doc {n}".encode()).hexdigest()[:32] for n in itertools.count()
        )
        self.in_commit: list[str] = []  # documents whose classification the chunk stored
        self.by_stage: list[str] = []  # documents the stage after the commit classified

    def scan(self, monkeypatch: pytest.MonkeyPatch) -> None:
        store_precomputed = classification.store_precomputed
        classify_documents = classification.classify_documents

        def in_commit(tx: Any, ctx: Context, changes: Any, **kw: Any) -> set[str]:
            done = store_precomputed(tx, ctx, changes, **kw) if self.fast else set()
            self.in_commit.extend(done)
            return done

        def by_stage(ctx: Context, ids: Any, given: Any = None) -> int:
            self.by_stage.extend(ids)
            return classify_documents(ctx, ids, given)

        with monkeypatch.context() as m:
            m.setattr(repo_documents, "new_document_id", lambda: next(self._ids))
            m.setattr(pipeline, "store_precomputed", in_commit)
            m.setattr(classification, "classify_documents", by_stage)
            RootIngestor(self.ctx, configured_roots(self.ctx.settings)[0], self.extractor).scan()

    def rows(self) -> dict[str, tuple[Any, ...]]:
        """document id -> every column of its classification row."""
        columns = ClassificationRow.__table__.columns
        with self.ctx.store.read() as s:
            found = s.execute(select(*columns).order_by(ClassificationRow.document_id)).all()
        return {row[0]: tuple(row) for row in found}

    def entries(self) -> list[tuple[int, bytes]]:
        with self.ctx.store.read() as s:
            rows = s.execute(
                select(AuditEntryRow.idx, AuditEntryRow.leaf).order_by(AuditEntryRow.idx)
            )
            return [(idx, bytes(leaf)) for idx, leaf in rows]

    def path_of(self, name: str) -> str:
        with self.ctx.store.read() as s:
            rows = s.execute(select(DocumentRow.id, DocumentRow.path)).all()
        (found,) = [i for i, path in rows if path.endswith(name)]
        return str(found)


def _second(settings: Settings, rules: LoadedRules, tmp_path: Path, clock: FakeClock) -> Context:
    store = Store(f"sqlite:///{tmp_path / 'before.db'}")
    store.migrate()
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def _without_index(leaf: bytes) -> bytes:
    head, _, rest = leaf.partition(b'"index":')
    return head + rest[rest.index(b",") + 1 :]


def test_one_chunk_stores_the_same_rows_and_audit_chain_as_the_stage_after_the_commit(
    ctx: Context, settings: Settings, rules: LoadedRules, tmp_path: Path, share: Path,
    extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    generate_corpus(share, 40, seed=11)  # one chunk: every file is read by a worker
    fast = Run(ctx, extractor, fast=True)
    before = Run(_second(settings, rules, tmp_path, FakeClock()), extractor, fast=False)
    try:
        for run in (fast, before):
            run.scan(monkeypatch)
        assert len(fast.in_commit) == 40 and fast.by_stage == []  # all in the transaction
        assert before.in_commit == [] and len(before.by_stage) == 40
        assert fast.rows() == before.rows()
        assert len(fast.rows()) == 40
        assert fast.entries() == before.entries()  # the same chain, byte for byte
    finally:
        before.ctx.store.close()


def test_corrections_unreadable_files_and_known_content_are_classified_in_the_transaction_too(
    ctx: Context, settings: Settings, rules: LoadedRules, tmp_path: Path, share: Path,
    extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(ingest, "CHUNK", 8)  # many chunks: content met again in a later one
    generate_corpus(share, 30, seed=5)
    project = share / "Projekt Ländrygg"
    project.mkdir()
    make_docx(project / "möte.docx", title="Minnesanteckningar", paragraphs=["Närvarande: alla."])
    make_docx(project / "jäv.docx", title="Jävsdeklaration", paragraphs=["Jag intygar."])
    make_docx(project / "plan.docx", title="Projektplan", paragraphs=["Tidplan och mål."])
    (project / "trasig.docx").write_bytes(b"PK\x03\x04 not really a zip")
    fast = Run(ctx, extractor, fast=True)
    before = Run(_second(settings, rules, tmp_path, FakeClock()), extractor, fast=False)
    try:
        for run in (fast, before):
            run.scan(monkeypatch)
        assert fast.rows() == before.rows()
        broken = fast.path_of("trasig.docx")
        assert broken in fast.in_commit and broken not in fast.by_stage  # unreadable: here too
        assert before.in_commit == [] and broken in before.by_stage
        # a registrar's corrections: one on a document, one its copy gets through the content
        for run in (fast, before):
            correct_classification(run.ctx, run.path_of("möte.docx"), "reg1", doc_class="approval")
            correct_classification(run.ctx, run.path_of("jäv.docx"), "reg1", is_draft=True)
            run.ctx.clock.advance(60)  # type: ignore[attr-defined]
            run.in_commit.clear()
            run.by_stage.clear()
        make_docx(project / "möte.docx", title="Minnesanteckningar", paragraphs=["Ny version."])
        shutil.copy(project / "jäv.docx", share / "kopia av jäv.docx")  # a copy: known content
        (project / "plan.docx").rename(project / "plan v2.docx")  # moved
        make_docx(
            project / "ny.docx", title="Minnesanteckningar", paragraphs=["Fler anteckningar."]
        )
        for run in (fast, before):
            run.scan(monkeypatch)
        assert fast.rows() == before.rows()
        new_version, moved = fast.path_of("möte.docx"), fast.path_of("plan v2.docx")
        assert new_version in fast.in_commit  # corrected: classified here with the correction
        assert fast.rows()[new_version][2] == "approval"  # the correction still wins
        assert fast.path_of("ny.docx") in fast.in_commit
        assert moved in fast.in_commit  # known content: no worker classification
        copy = fast.path_of("kopia av jäv.docx")
        assert copy in fast.in_commit and fast.rows()[copy][3] is True  # corrected by content
        assert fast.by_stage == []  # nothing of these chunks left to the stage
        entries, earlier = fast.entries(), before.entries()
        assert [i for i, _ in entries] == list(range(len(entries)))  # no gap in the log
        # the same entries; only the order of classifications within a chunk may differ
        assert sorted(_without_index(leaf) for _, leaf in entries) == sorted(
            _without_index(leaf) for _, leaf in earlier
        )
    finally:
        before.ctx.store.close()


def test_a_worker_classification_is_stored_only_when_it_holds_else_the_stage_s(
    ctx: Context, share: Path, extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_docx(share / "Projekt" / "möte.docx", title="Minnesanteckningar", paragraphs=["Alla."])
    run = Run(ctx, extractor, fast=True)
    run.scan(monkeypatch)
    document_id = run.path_of("möte.docx")
    assert run.in_commit == [document_id] and run.by_stage == []
    digest = rules_hash(class_rules(ctx))
    other = Classification("approval", False, True, False, 0.9, ("test@worker",))
    with ctx.store.read() as s:
        doc = s.get(DocumentRow, document_id)
        assert doc is not None and doc.current_sha256 is not None
        path, project, sha = doc.path, doc.project, doc.current_sha256
    facts = extract_file(share / path, path, Limits(), project)
    assert isinstance(facts, DocumentFacts)

    def stored(made: Precomputed) -> str:
        """The class stored for the document after a transaction with this change."""
        change = DocumentChange(
            document_id, "new_version", ctx.clock.now(), project, sha, facts=facts, analysis=made
        )
        with ctx.store.transaction() as tx:
            assert classification.store_precomputed(tx, ctx, [change]) == {document_id}
        with ctx.store.read() as s:
            row = s.get(ClassificationRow, document_id)
            assert row is not None
            return row.doc_class

    with ctx.store.read() as s:
        row = s.get(ClassificationRow, document_id)
        assert row is not None and row.doc_class != "approval"
        ours = row.doc_class  # what the rules make of it (classified here, as the stage would)
    assert stored(Precomputed("0" * 64, path, project, sha, other)) == ours  # other rules
    assert stored(Precomputed(digest, f"{path}.x", project, sha, other)) == ours  # another path
    assert stored(Precomputed(digest, path, project, "f" * 64, other)) == ours  # other content
    assert stored(Precomputed(digest, path, project, sha, other)) == "approval"  # it holds
    correct_classification(ctx, document_id, "reg1", doc_class="coi_declaration")
    assert stored(Precomputed(digest, path, project, sha, other)) == "coi_declaration"
    with ctx.store.read() as s:
        row = s.get(ClassificationRow, document_id)
        assert row is not None and row.doc_class == "coi_declaration"
