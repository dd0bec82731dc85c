"""The passes when ingest stores the worker classifications in its chunk transaction
(`classification.store_precomputed`), across chunks: a scan named by a person and the
declaration that completes it, a Word file and its signed PDF, a convenience copy, a
registrar's correction. The transaction takes short cuts (the rows ingest just wrote are
not read back; the counterpart pass asks for stored scans before reading whole projects):
each test holds what they store to the stage's way and to `classify --json`'s answer."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from recordkeeper.bootstrap import PoolExtractor
from recordkeeper.classify.counterparts import REASON as COUNTERPART
from recordkeeper.classify.siblings import REASON as WORKING_COPY
from recordkeeper.config import Settings
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services import classification, ingest, pipeline
from recordkeeper.services.classification import correct_classification
from recordkeeper.services.classify_files import COPY_REASON, classify_paths
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.services.pipeline import Written
from recordkeeper.store import repo_classification, repo_documents
from recordkeeper.store.tables import DocumentRow
from tests.fakes import FakeClock, InProcess
from tests.integration.test_classify_in_commit import Run, _second, _without_index
from tests.integration.test_classify_unread_scans import _scan

PROJECT = "OSA nytt beslutsstöd 2026"
SCAN = "2026-02-16/Wiklund.pdf"  # read in an early chunk
DECLARATION = "Jäv/Jävsdeklaration Tomas Wiklund.docx"  # read chunks later
WORD = "Avtal/06 Avtal - Karin Wiik.docx"
PDF = "Avtal/06 Avtal - Karin Wiik_signerat.pdf"
ORIGINAL = "Sakkunniga/Sanna Ek avtal.pdf"
AGREEMENT = ["Avtal om uppdrag som sakkunnig", "Parter: Socialstyrelsen och Karin Wiik"]
COPY = "Ulrikas filer/Sanna Ek avtal.pdf"


def _first(share: Path) -> None:
    """The first scan's files: a scan named by a person, a signed PDF, an original."""
    base = share / PROJECT
    _scan(base / SCAN)
    for n in range(5):
        make_docx(base / f"Möten/Minnesanteckningar {n}.docx", title="Minnesanteckningar",
                  paragraphs=[f"Möte {n}.", "Närvarande: projektgruppen."])  # fmt: skip
    make_pdf(base / PDF, [*AGREEMENT, "Underskrift: Karin Wiik"])
    make_pdf(base / ORIGINAL, ["Avtal om ersättning för sakkunnig", "Parter: Socialstyrelsen "
             "och Sanna Ek", "Underskrift: Sanna Ek"])  # fmt: skip


def _second_files(share: Path) -> None:
    """What arrives next, each completing a stored file: the declaration naming the scan's
    person, the Word file of the stored PDF, a copy of the original in a person's folder."""
    base = share / PROJECT
    make_docx(base / DECLARATION, title="Jävsdeklaration",
              paragraphs=["Namn: Tomas Wiklund", "Jag intygar att jag saknar jäv.",
                          "Underskrift: Tomas Wiklund"])  # fmt: skip
    make_docx(base / WORD, title=AGREEMENT[0], paragraphs=AGREEMENT[1:])
    (base / COPY).parent.mkdir(parents=True)
    shutil.copyfile(base / ORIGINAL, base / COPY)


def _by_path(run: Run) -> dict[str, tuple[Any, ...]]:
    """path under the project -> the classification row's columns but the document id."""
    with run.ctx.store.read() as s:
        paths = dict(s.execute(select(DocumentRow.id, DocumentRow.path)).all())
    return {paths[i].removeprefix(PROJECT + "/"): row[1:] for i, row in run.rows().items()}


def _cli(share: Path, ctx: Context) -> dict[str, tuple[str, bool, bool]]:
    out = {}
    for o in classify_paths([str(share)], ctx.rules.one("classes"), InProcess(), ()):
        c = o.classification
        assert c is not None
        out[o.path.removeprefix(f"{share}/{PROJECT}/")] = (c.doc_class, c.is_draft, c.must_register)
    return out


@pytest.fixture
def extractor() -> Any:
    pool = PoolExtractor(ExtractionPool(Limits(timeout_s=60), workers=2))
    try:
        yield pool
    finally:
        pool.close()


def _same(fast: Run, before: Run) -> None:
    assert fast.rows() == before.rows()
    entries, earlier = fast.entries(), before.entries()
    assert [i for i, _ in entries] == list(range(len(entries)))  # no gap in the log
    # the same entries; only the order of classifications within a chunk may differ
    assert sorted(_without_index(leaf) for _, leaf in entries) == sorted(
        _without_index(leaf) for _, leaf in earlier
    )


def test_the_passes_across_chunks_store_what_the_stage_and_classify_json_say(
    ctx: Context, settings: Settings, rules: LoadedRules, tmp_path: Path, share: Path,
    extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(ingest, "CHUNK", 3)
    _first(share)
    fast = Run(ctx, extractor, fast=True)
    before = Run(_second(settings, rules, tmp_path, FakeClock()), extractor, fast=False)
    try:
        for run in (fast, before):
            run.scan(monkeypatch)
        _second_files(share)
        for run in (fast, before):
            run.ctx.clock.advance(60)  # type: ignore[attr-defined]
            run.scan(monkeypatch)
        _same(fast, before)
        stored = _by_path(fast)
        assert COUNTERPART in stored[SCAN][8]  # completed by the declaration now
        assert WORKING_COPY in stored[WORD][8]
        assert COPY_REASON in stored[COPY][8]
        assert {p: (r[1], r[2], r[3]) for p, r in stored.items()} == _cli(share, ctx)
        # a registrar's correction of the original: a new copy of it takes it by content
        for run in (fast, before):
            correct_classification(run.ctx, run.path_of("Sakkunniga/Sanna Ek avtal.pdf"),
                                   "reg1", doc_class="approval")  # fmt: skip
            run.ctx.clock.advance(60)  # type: ignore[attr-defined]
        shutil.copyfile(share / PROJECT / ORIGINAL, share / PROJECT / "Mina dokument.pdf")
        (share / PROJECT / DECLARATION).unlink()  # the scan is the declaration again
        for run in (fast, before):
            run.scan(monkeypatch)
        _same(fast, before)
        stored = _by_path(fast)
        assert stored["Mina dokument.pdf"][1] == "approval"
        assert COUNTERPART not in stored[SCAN][8]
    finally:
        before.ctx.store.close()


def test_what_ingest_hands_over_is_what_the_store_holds(
    ctx: Context, share: Path, extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "CHUNK", 4)
    _first(share)
    handed: list[Written] = []
    store_precomputed = classification.store_precomputed

    def spy(tx: Any, c: Context, changes: Any, written: Written | None = None) -> set[str]:
        if written is not None:
            ids = list(written.documents)
            read = repo_classification.present_documents(tx.session, ids)
            assert [written.documents[d.id] for d in read] == read
            assert len(read) == len(ids)
            found = repo_documents.content_holders(tx.session, list(written.holders))
            for sha, holders in written.holders.items():
                present = [h.id for h in found[sha] if h.state == repo_documents.PRESENT]
                assert sorted(present) == sorted(holders)
            handed.append(written)
        return store_precomputed(tx, c, changes, written)

    monkeypatch.setattr(pipeline, "store_precomputed", spy)
    root = configured_roots(ctx.settings)[0]
    RootIngestor(ctx, root, extractor).scan()
    _second_files(share)  # a copy of a stored original: that content is not handed over
    make_docx(share / "Nytt" / "a.docx", title="Minnesanteckningar", paragraphs=["Lika."])
    shutil.copyfile(share / "Nytt" / "a.docx", share / "Nytt" / "b.docx")  # new content twice
    monkeypatch.setattr(ingest, "CHUNK", 8)  # in one chunk
    RootIngestor(ctx, root, extractor).scan()
    assert sum(len(w.documents) for w in handed) >= 8  # chunks with other work are not
    assert any(len(ids) == 2 for w in handed for ids in w.holders.values())
    (copy,) = [d for w in handed for d in w.documents.values() if d.path.endswith(COPY)]
    (with_copy,) = [w for w in handed if copy.id in w.documents]
    assert copy.current_sha256 not in with_copy.holders  # its original holds it too
