"""Identity: moves, renames, versions, copies, deletions and unreadable files, on a real store."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.ingest.extract import codec
from recordkeeper.model import DocumentFacts, ExtractionResult
from recordkeeper.services import pipeline
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import (
    ExtractJob,
    IngestReport,
    RootIngestor,
    configured_roots,
    ingest_paths,
    list_files,
    status,
)
from recordkeeper.services.pipeline import DocumentChange
from recordkeeper.store.tables import AuditEntryRow, DocumentRow, VersionRow
from recordkeeper.store.tables_ingest import DocumentLinkRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

pytestmark = pytest.mark.usefixtures("ingest_only")


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[DocumentChange]:
    """Changes handed to the pipeline, through a real stage appended to STAGES."""
    received: list[DocumentChange] = []

    def stage(_ctx: Context, changes: Sequence[DocumentChange]) -> None:
        received.extend(changes)

    monkeypatch.setattr(pipeline, "STAGES", [*pipeline.STAGES, ("recorder", stage)])
    return received


def scan(ctx: Context) -> IngestReport:
    return RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()


def docs(store: Store) -> list[DocumentRow]:
    with store.read() as s:
        rows = list(s.execute(select(DocumentRow).order_by(DocumentRow.path)).scalars())
        s.expunge_all()
        return rows


def events(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.execute(select(AuditEntryRow.event).order_by(AuditEntryRow.idx)).scalars())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_new_file_becomes_a_document_with_a_version_and_an_audit_event(
    ctx: Context, share: Path, seen: list[DocumentChange]
) -> None:
    write(share / "FMB Ländryggssmärta" / "Projektplan.txt", "Plan")
    report = scan(ctx)
    (doc,) = docs(ctx.store)
    assert doc.project == "FMB Ländryggssmärta"
    assert doc.state == "present"
    assert len(doc.id) == 32 and doc.current_sha256 and len(doc.current_sha256) == 64
    assert events(ctx.store) == ["document_added"]
    assert report.changes == {"new": 1}
    assert [(c.document_id, c.change) for c in seen] == [(doc.id, "new")]


def test_a_rescan_of_unchanged_files_records_nothing(ctx: Context, share: Path) -> None:
    write(share / "P" / "a.txt", "one")
    scan(ctx)
    report = scan(ctx)
    assert report.unchanged == 1
    assert report.changes == {}
    assert events(ctx.store) == ["document_added"]


def test_a_rename_is_a_move_of_the_same_document(
    ctx: Context, share: Path, seen: list[DocumentChange]
) -> None:
    write(share / "P" / "utkast.txt", "text")
    scan(ctx)
    (before,) = docs(ctx.store)
    (share / "P" / "utkast.txt").rename(share / "P" / "slutversion.txt")
    scan(ctx)
    (after,) = docs(ctx.store)
    assert after.id == before.id
    assert after.path == "P/slutversion.txt"
    assert events(ctx.store) == ["document_added", "document_moved"]
    assert seen[-1].change == "moved"


def test_a_move_to_another_project_changes_the_project(ctx: Context, share: Path) -> None:
    write(share / "A" / "x.txt", "content")
    scan(ctx)
    (share / "B").mkdir()
    (share / "A" / "x.txt").rename(share / "B" / "x.txt")
    scan(ctx)
    (doc,) = docs(ctx.store)
    assert (doc.path, doc.project, doc.state) == ("B/x.txt", "B", "present")


def test_a_moved_folder_moves_every_document_in_it(ctx: Context, share: Path) -> None:
    for i in range(3):
        write(share / "Old" / "sub" / f"{i}.txt", f"file {i}")
    scan(ctx)
    ids = {d.id for d in docs(ctx.store)}
    (share / "Old").rename(share / "New")
    report = scan(ctx)
    assert report.changes == {"moved": 3}
    after = docs(ctx.store)
    assert {d.id for d in after} == ids
    assert all(d.path.startswith("New/sub/") and d.project == "New" for d in after)


def test_a_changed_file_is_a_new_version_of_the_same_document(
    ctx: Context, share: Path, seen: list[DocumentChange]
) -> None:
    path = write(share / "P" / "text.txt", "first")
    scan(ctx)
    (before,) = docs(ctx.store)
    first_sha = before.current_sha256
    write(path, "second, longer")
    scan(ctx)
    (after,) = docs(ctx.store)
    assert after.id == before.id
    assert after.current_sha256 != first_sha
    with ctx.store.read() as s:
        versions = s.execute(select(VersionRow.sha256).order_by(VersionRow.id)).scalars().all()
    assert versions == [first_sha, after.current_sha256]
    assert seen[-1].change == "new_version"
    assert seen[-1].previous_sha256 == first_sha


def test_a_touched_but_identical_file_is_not_a_new_version(ctx: Context, share: Path) -> None:
    path = write(share / "P" / "same.txt", "same")
    scan(ctx)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    report = scan(ctx)
    assert report.changes == {}
    assert events(ctx.store) == ["document_added"]


def test_a_deleted_file_is_marked_gone_with_time_and_kept(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    path = write(share / "P" / "x.txt", "x")
    scan(ctx)
    clock.advance(hours=1)
    path.unlink()
    scan(ctx)
    (doc,) = docs(ctx.store)
    assert doc.state == "gone"
    assert doc.gone_at is not None
    assert doc.gone_at.replace(tzinfo=None) == clock.now().replace(tzinfo=None)
    assert events(ctx.store) == ["document_added", "document_gone"]


def test_a_deleted_file_that_comes_back_is_the_same_document_returned(
    ctx: Context, share: Path
) -> None:
    path = write(share / "P" / "x.txt", "kept text")
    scan(ctx)
    (first,) = docs(ctx.store)
    path.unlink()
    scan(ctx)
    write(share / "P" / "restored.txt", "kept text")
    scan(ctx)
    (doc,) = docs(ctx.store)
    assert doc.id == first.id
    assert (doc.state, doc.path, doc.gone_at) == ("present", "P/restored.txt", None)
    assert events(ctx.store)[-1] == "document_returned"


def test_a_copy_is_a_second_document_linked_to_the_first(
    ctx: Context, share: Path, seen: list[DocumentChange]
) -> None:
    write(share / "A" / "avtal.txt", "agreement")
    scan(ctx)
    write(share / "B" / "avtal kopia.txt", "agreement")
    scan(ctx)
    original, copy = docs(ctx.store)
    assert original.id != copy.id
    assert original.current_sha256 == copy.current_sha256
    with ctx.store.read() as s:
        (link,) = s.execute(select(DocumentLinkRow)).scalars()
        s.expunge_all()
    assert (link.document_id, link.source_document_id, link.kind) == (copy.id, original.id, "copy")
    assert seen[-1].change == "copied"
    listed = {f.id: f for f in list_files(ctx)}
    assert listed[copy.id].copy_of == original.id


def test_copies_found_in_one_scan_share_one_extraction(ctx: Context, share: Path) -> None:
    for name in ("a", "b", "c"):
        write(share / name / "same.txt", "identical")
    report = scan(ctx)
    assert report.changes == {"new": 1, "copied": 2}


def test_copies_of_known_content_found_together_link_to_the_oldest_holder(
    ctx: Context, share: Path
) -> None:
    write(share / "A" / "avtal.txt", "agreement")
    scan(ctx)
    (original,) = docs(ctx.store)
    write(share / "B" / "kopia 1.txt", "agreement")
    write(share / "C" / "kopia 2.txt", "agreement")
    write(share / "D" / "annat.txt", "other")
    report = scan(ctx)
    assert report.changes == {"new": 1, "copied": 2}
    with ctx.store.read() as s:
        links = list(s.execute(select(DocumentLinkRow)).scalars())
        s.expunge_all()
    copies = {d.id for d in docs(ctx.store) if d.path.endswith(("kopia 1.txt", "kopia 2.txt"))}
    assert {link.document_id for link in links} == copies
    assert {link.source_document_id for link in links} == {original.id}
    assert events(ctx.store).count("document_added") == 4


def test_content_of_a_gone_document_found_with_other_files_is_that_document_returned(
    ctx: Context, share: Path
) -> None:
    first = write(share / "A" / "avtal.txt", "agreement")
    scan(ctx)
    (original,) = docs(ctx.store)
    first.unlink()
    scan(ctx)
    write(share / "B" / "avtal igen.txt", "agreement")
    write(share / "B" / "nytt.txt", "new")
    report = scan(ctx)
    assert report.changes == {"returned": 1, "new": 1}
    back = next(d for d in docs(ctx.store) if d.id == original.id)
    assert (back.state, back.path) == ("present", "B/avtal igen.txt")


def test_a_file_swapped_with_another_keeps_identity_by_content(ctx: Context, share: Path) -> None:
    a = write(share / "P" / "a.txt", "alpha")
    b = write(share / "P" / "b.txt", "beta")
    scan(ctx)
    ids = {d.current_sha256: d.id for d in docs(ctx.store)}
    tmp = share / "P" / "tmp"
    a.rename(tmp)
    b.rename(a)
    tmp.rename(b)
    scan(ctx)
    # same paths, swapped content: each path got a new version; no document was lost
    after = docs(ctx.store)
    assert {d.id for d in after} == set(ids.values())
    assert all(d.state == "present" for d in after)


def test_an_empty_file_is_recorded_as_unreadable_with_its_reason(
    ctx: Context, share: Path, seen: list[DocumentChange]
) -> None:
    write(share / "P" / "empty.txt", "")
    scan(ctx)
    (doc,) = docs(ctx.store)
    assert doc.error_reason == "empty"
    assert [c.change for c in seen] == ["new", "unreadable"]
    assert events(ctx.store) == ["document_added", "document_unreadable"]
    assert status(ctx).errors == {"empty": 1}


def test_audit_events_carry_no_paths_or_names(ctx: Context, share: Path) -> None:
    write(share / "Projekt Anna Andersson" / "Jävsdeklaration Anna.txt", "x")
    scan(ctx)
    (share / "Projekt Anna Andersson" / "Jävsdeklaration Anna.txt").rename(
        share / "Projekt Anna Andersson" / "Anna.txt"
    )
    scan(ctx)
    with ctx.store.read() as s:
        rows = s.execute(select(AuditEntryRow.event, AuditEntryRow.leaf)).all()
    leaves = [bytes(leaf) for _event, leaf in rows]
    # ingest's own two events; later stages (registration) may add theirs
    assert [e for e, _ in rows if e.startswith("document_")] == ["document_added", "document_moved"]
    assert not any(b"Deklaration" in leaf or b".txt" in leaf for leaf in leaves)


def test_a_locked_file_waits_until_the_lock_is_gone(ctx: Context, share: Path) -> None:
    write(share / "P" / "Rapport.docx", "x")
    lock = write(share / "P" / "~$Rapport.docx", "owner")
    report = scan(ctx)
    assert report.pending == ["P/Rapport.docx"]
    assert docs(ctx.store) == []
    lock.unlink()
    scan(ctx)
    assert [d.path for d in docs(ctx.store)] == ["P/Rapport.docx"]


def test_a_lock_file_that_is_a_broken_link_still_holds_the_file_back(
    ctx: Context, share: Path
) -> None:
    write(share / "P" / "Rapport.docx", "x")
    (share / "P" / ".~lock.Rapport.docx#").symlink_to(share / "P" / "owner-gone")
    assert scan(ctx).pending == ["P/Rapport.docx"]
    (share / "P" / ".~lock.Rapport.docx#").unlink()
    scan(ctx)
    assert [d.path for d in docs(ctx.store)] == ["P/Rapport.docx"]


def test_ignored_names_are_counted_not_recorded(ctx: Context, share: Path) -> None:
    for name in (".DS_Store", "Thumbs.db", "desktop.ini", "~WRL0001.tmp", "~$x.docx"):
        write(share / "P" / name, "junk")
    report = scan(ctx)
    assert report.ignored == 5
    assert docs(ctx.store) == []
    assert report.errors == {}


def test_ingest_paths_handles_a_deleted_folder(ctx: Context, share: Path) -> None:
    for i in range(2):
        write(share / "P" / "sub" / f"{i}.txt", f"{i}")
    scan(ctx)
    for f in (share / "P" / "sub").iterdir():
        f.unlink()
    (share / "P" / "sub").rmdir()
    report = ingest_paths(ctx, configured_roots(ctx.settings)[0], ["P/sub"])
    assert report.changes == {"gone": 2}
    assert {d.state for d in docs(ctx.store)} == {"gone"}


def test_an_empty_root_does_not_mark_everything_gone(ctx: Context, share: Path) -> None:
    path = write(share / "P" / "x.txt", "x")
    scan(ctx)
    path.unlink()
    (share / "P").rmdir()  # looks like an unmounted share
    scan(ctx)
    assert [d.state for d in docs(ctx.store)] == ["present"]


def test_a_second_writer_does_not_record_a_file_twice(ctx: Context, share: Path) -> None:
    write(share / "P" / "x.txt", "x")
    root = configured_roots(ctx.settings)[0]
    first = RootIngestor(ctx, root)
    second = RootIngestor(ctx, root)
    plan_a, plan_b = first.plan(), second.plan()  # both decide before either writes
    first.process(list(plan_a.candidates))
    second.process(list(plan_b.candidates))
    assert len(docs(ctx.store)) == 1
    assert events(ctx.store) == ["document_added"]


def test_one_failing_file_does_not_stop_the_others(ctx: Context, share: Path) -> None:
    write(share / "a.txt", "boom")
    write(share / "b.txt", "fine")

    def encode(result: ExtractionResult) -> bytes:
        if isinstance(result, DocumentFacts) and "boom" in result.text:
            raise ValueError("cannot encode")
        return codec.dumps(result)

    root = configured_roots(ctx.settings)[0]
    report = RootIngestor(ctx, root, encode_facts=encode).scan()
    assert [d.path for d in docs(ctx.store)] == ["b.txt"]
    assert report.errors == {"internal": 1}
    assert report.pending == ["a.txt"]
    assert events(ctx.store) == ["document_added"]
    RootIngestor(ctx, root).scan()  # the next pass picks it up
    assert [d.path for d in docs(ctx.store)] == ["a.txt", "b.txt"]


class _BrokenExtractor:
    def extract_many(self, jobs: Sequence[ExtractJob]) -> list[ExtractionResult]:
        raise RuntimeError("worker pool gone")


def test_a_broken_extractor_records_files_as_unreadable_internal(ctx: Context, share: Path) -> None:
    write(share / "a.txt", "a")
    root = configured_roots(ctx.settings)[0]
    report = RootIngestor(ctx, root, _BrokenExtractor()).scan()
    (doc,) = docs(ctx.store)
    assert doc.error_reason == "internal"
    assert report.errors == {"internal": 1}
    report = RootIngestor(ctx, root).scan()  # internal errors are retried, not cached
    (doc,) = docs(ctx.store)
    assert doc.error_reason is None
