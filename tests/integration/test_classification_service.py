"""Classification in the daemon: stored per document, corrections that stick, rules changes."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from recordkeeper.bootstrap import PoolExtractor
from recordkeeper.errors import NotFound, UsageError
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.builders import make_docx
from recordkeeper.services import classification
from recordkeeper.services.classification import (
    RULES_HASH_KEY,
    Precomputed,
    RulesWatch,
    class_rules,
    classify_stage,
    correct_classification,
    current_classification,
    project_classifications,
    rules_hash,
)
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.services.pipeline import DocumentChange
from recordkeeper.store import repo_documents
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR
from tests.fakes import FakeClock

PROJECT = "FMB Ländryggssmärta"


@pytest.fixture
def ctx(settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def scan(ctx: Context) -> None:
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()


def doc_id(store: Store, name: str) -> str:
    with store.read() as s:
        rows = s.execute(select(DocumentRow).where(DocumentRow.state == "present")).scalars()
        (found,) = [r.id for r in rows if r.path.endswith(name)]
        return found


def _declaration(path: Path) -> Path:
    return make_docx(
        path,
        title="Jävsdeklaration",
        paragraphs=["Jag intygar att jag saknar bindningar till läkemedelsföretag."],
    )


def _minutes(path: Path, text: str = "Närvarande: projektgruppen.") -> Path:
    return make_docx(path, title="Minnesanteckningar uppstartsmöte", paragraphs=[text])


def test_a_new_document_is_classified_and_audited_without_names(ctx: Context, share: Path) -> None:
    _declaration(share / PROJECT / "Jäv" / "Anna Andersson.docx")
    scan(ctx)
    document_id = doc_id(ctx.store, "Anna Andersson.docx")
    with ctx.store.read() as s:
        stored = current_classification(s, document_id)
        leaves = [
            bytes(row.leaf)
            for row in s.execute(
                select(AuditEntryRow).where(AuditEntryRow.event == "document_classified")
            ).scalars()
        ]
    assert stored is not None
    assert (stored.doc_class, stored.classification.must_register) == ("coi_declaration", True)
    (leaf,) = leaves
    assert b"coi_declaration" in leaf
    assert b"Anna" not in leaf and b".docx" not in leaf


def test_project_classifications_lists_the_present_documents(ctx: Context, share: Path) -> None:
    _declaration(share / PROJECT / "jäv.docx")
    _minutes(share / PROJECT / "möte.docx")
    scan(ctx)
    with ctx.store.read() as s:
        by_doc = project_classifications(s, PROJECT)
    assert sorted(c.doc_class for c in by_doc.values()) == ["coi_declaration", "meeting_notes"]


def test_correction_wins_and_sticks_across_rename_and_new_version(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    path = _minutes(share / PROJECT / "möte.docx")
    scan(ctx)
    document_id = doc_id(ctx.store, "möte.docx")
    corrected = correct_classification(
        ctx, document_id, "registrator1", doc_class="approval", not_official=True
    )
    assert (corrected.doc_class, corrected.must_register, corrected.corrected) == (
        "approval", False, True,
    )  # fmt: skip
    moved = share / PROJECT / "Arkiv" / "möte-2.docx"
    moved.parent.mkdir()
    path.rename(moved)
    clock.advance(60)
    scan(ctx)
    _minutes(moved, "Närvarande: alla. Nytt stycke i en ny version.")
    clock.advance(60)
    scan(ctx)
    assert doc_id(ctx.store, "möte-2.docx") == document_id
    with ctx.store.read() as s:
        stored = current_classification(s, document_id)
    assert stored is not None
    assert (stored.doc_class, stored.classification.must_register) == ("approval", False)


def test_a_copy_inherits_the_correction_through_its_content(ctx: Context, share: Path) -> None:
    original = _minutes(share / PROJECT / "möte.docx")
    scan(ctx)
    correct_classification(ctx, doc_id(ctx.store, "möte.docx"), "reg", is_draft=True)
    shutil.copyfile(original, share / PROJECT / "kopia.docx")
    scan(ctx)
    with ctx.store.read() as s:
        copy = current_classification(s, doc_id(ctx.store, "kopia.docx"))
    assert copy is not None
    assert (copy.classification.is_draft, copy.classification.corrected) == (True, True)


def test_correction_is_audited_with_the_actor(ctx: Context, share: Path) -> None:
    _minutes(share / PROJECT / "möte.docx")
    scan(ctx)
    correct_classification(ctx, doc_id(ctx.store, "möte.docx"), "reg7", doc_class="other")
    with ctx.store.read() as s:
        leaf = s.execute(
            select(AuditEntryRow.leaf).where(AuditEntryRow.event == "classification_corrected")
        ).scalar_one()
    entry = json.loads(bytes(leaf))
    assert entry["actor"] == "reg7"


def test_correction_refuses_unknown_classes_and_documents(ctx: Context, share: Path) -> None:
    _minutes(share / PROJECT / "möte.docx")
    scan(ctx)
    with pytest.raises(UsageError, match="unknown class 'memo'"):
        correct_classification(ctx, doc_id(ctx.store, "möte.docx"), "reg", doc_class="memo")
    with pytest.raises(UsageError):
        correct_classification(ctx, doc_id(ctx.store, "möte.docx"), "reg")
    with pytest.raises(NotFound):
        correct_classification(ctx, "0" * 32, "reg", doc_class="other")


def test_changed_rules_reclassify_every_present_document(
    ctx: Context, share: Path, tmp_path: Path
) -> None:
    _minutes(share / PROJECT / "möte.docx")
    scan(ctx)
    watch = RulesWatch(batch=1)
    watch(ctx)
    with ctx.store.read() as s:
        first_hash = repo_documents.get_state(s, RULES_HASH_KEY)
    changed_dir = tmp_path / "rules"
    shutil.copytree(RULES_DIR, changed_dir)
    classes = changed_dir / "classes.yaml"
    text = classes.read_text(encoding="utf-8").replace("min_score: 4.0", "min_score: 400.0")
    classes.write_text(text, encoding="utf-8")
    ctx.rules = load_ruleset(changed_dir)  # what a SIGHUP reload does
    for _ in range(5):
        watch(ctx)
    with ctx.store.read() as s:
        stored = current_classification(s, doc_id(ctx.store, "möte.docx"))
        second_hash = repo_documents.get_state(s, RULES_HASH_KEY)
    assert stored is not None and stored.doc_class == "other"
    assert first_hash is not None and second_hash not in (None, first_hash)


def test_a_worker_classification_is_taken_only_for_the_same_rules_path_and_content(
    ctx: Context, share: Path
) -> None:
    rel = f"{PROJECT}/möte.docx"
    _minutes(share / rel)
    scan(ctx)
    document_id = doc_id(ctx.store, "möte.docx")
    with ctx.store.read() as s:
        stored = current_classification(s, document_id)
        doc = s.get(DocumentRow, document_id)
    assert stored is not None and doc is not None and doc.current_sha256 is not None
    sha, own_class = doc.current_sha256, stored.doc_class
    facts = extract_file(share / rel, rel, Limits(), PROJECT)
    assert isinstance(facts, DocumentFacts)
    digest = rules_hash(class_rules(ctx))
    other = Classification("approval", False, True, False, 0.9, ("test@worker",))
    assert own_class != "approval"

    def stage(rules: str, path: str, content: str) -> str:
        made = Precomputed(rules, path, PROJECT, content, other)
        change = DocumentChange(document_id, "new_version", ctx.clock.now(), PROJECT, sha)
        classify_stage(ctx, [replace(change, facts=replace(facts, sha256=sha), analysis=made)])
        with ctx.store.read() as s:
            now = current_classification(s, document_id)
        assert now is not None
        return now.doc_class

    assert stage("0" * 64, rel, sha) == own_class  # made under other rules: classified again
    assert stage(digest, f"{PROJECT}/annan.docx", sha) == own_class  # for another path
    assert stage(digest, rel, "f" * 64) == own_class  # for other content
    assert stage(digest, rel, sha) == "approval"  # current: stored as the worker made it
    correct_classification(ctx, document_id, "registrator1", doc_class="coi_declaration")
    assert stage(digest, rel, sha) == "coi_declaration"  # a correction still wins


def _refuse_class_rows(store: Store, doc_class: str) -> None:
    """Make the database refuse classification rows of one class, as a constraint would."""
    when = f"NEW.doc_class = '{doc_class}'"
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.exec_driver_sql(
                f"CREATE TRIGGER refuse_class BEFORE INSERT ON classifications WHEN {when} "
                "BEGIN SELECT RAISE(ABORT, 'row refused'); END"
            )
            return
        conn.exec_driver_sql(
            "CREATE FUNCTION refuse_row() RETURNS trigger AS "
            "$$ BEGIN RAISE EXCEPTION 'row refused'; END $$ LANGUAGE plpgsql"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER refuse_class BEFORE INSERT ON classifications "
            f"FOR EACH ROW WHEN ({when}) EXECUTE FUNCTION refuse_row()"
        )


def test_a_document_whose_row_is_refused_is_skipped_and_the_others_are_kept(
    ctx: Context, share: Path
) -> None:
    _declaration(share / PROJECT / "jäv.docx")
    _minutes(share / PROJECT / "möte.docx")
    _refuse_class_rows(ctx.store, "meeting_notes")
    scan(ctx)  # one batch: both documents are classified in the same transaction
    ids = doc_id(ctx.store, "jäv.docx"), doc_id(ctx.store, "möte.docx")
    with ctx.store.read() as s:
        declaration, minutes = (current_classification(s, i) for i in ids)
        events = s.execute(select(AuditEntryRow.idx, AuditEntryRow.event)).all()
    assert declaration is not None and declaration.doc_class == "coi_declaration"
    assert minutes is None  # refused: no row, and no audit event for it
    assert [e for _, e in events].count("document_classified") == 1
    assert sorted(i for i, _ in events) == list(range(len(events)))  # no gap in the log


def test_copies_in_one_chunk_take_each_their_own_worker_classification(
    ctx: Context, share: Path, settings, rules: LoadedRules, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # the same content at three paths of one chunk: each is read and classified by a
    # worker at its own path, and the stage stores those without classifying again
    _minutes(share / PROJECT / "möte.docx")
    shutil.copy(share / PROJECT / "möte.docx", share / PROJECT / "Kopia av möte.docx")
    (share / "Utkast").mkdir()
    shutil.copy(share / PROJECT / "möte.docx", share / "Utkast" / "möte utkast.docx")
    _declaration(share / PROJECT / "jäv.docx")
    in_parent: list[str] = []
    classified = classification._classified

    def counting(given: Any, rules_: Any, correction: Any) -> Classification:
        in_parent.append(given.facts.path)
        return classified(given, rules_, correction)

    monkeypatch.setattr(classification, "_classified", counting)
    extractor = PoolExtractor(ExtractionPool(Limits(timeout_s=30), workers=2))
    try:
        RootIngestor(ctx, configured_roots(ctx.settings)[0], extractor).scan()
    finally:
        extractor.close()
    assert in_parent == []
    # the same classifications as this process makes itself
    alone = Store(f"sqlite:///{tmp_path / 'alone.db'}")
    alone.migrate()
    try:
        own = Context(settings=settings, rules=rules, store=alone, clock=ctx.clock)
        scan(own)
        names = ("möte.docx", "Kopia av möte.docx", "jäv.docx")
        paths = [*(f"{PROJECT}/{n}" for n in names), "Utkast/möte utkast.docx"]
        assert sorted(in_parent) == sorted(paths)  # this process classified them all

        def by_path(store: Store) -> dict[str, object]:
            with store.read() as s:
                rows = s.execute(select(DocumentRow.id, DocumentRow.path)).all()
                return {
                    path: replace(stored, document_id="", classified_at=None)
                    for i, path in rows
                    if (stored := current_classification(s, i)) is not None
                }

        assert by_path(ctx.store) == by_path(alone)
        assert len(by_path(alone)) == 4
    finally:
        alone.close()
