"""Folder digests on real trees and a real store (SQLite and PostgreSQL).

A digest may only spare time: every change on disk must still be seen, and
every change the store makes to a document must void its folder's digest.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from sqlalchemy import select, update

from recordkeeper.errors import StoreError
from recordkeeper.ingest.scan import compile_ignore, listing_digest, scan_tree
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import IngestReport, RootIngestor, configured_roots
from recordkeeper.store import folder_digests
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_ingest import FolderDigestRow
from recordkeeper.store.unit import Store

IGNORE = compile_ignore(["~$*"])


pytestmark = pytest.mark.usefixtures("ingest_only")


def ingestor(ctx: Context) -> RootIngestor:
    return RootIngestor(ctx, configured_roots(ctx.settings)[0])


def scan(ctx: Context) -> IngestReport:
    return ingestor(ctx).scan()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def digests(store: Store) -> dict[str, str | None]:
    with store.read() as s:
        rows = s.execute(select(FolderDigestRow.folder, FolderDigestRow.digest)).all()
        return {row[0]: row[1] for row in rows}


def current_sha(store: Store, path: str) -> str | None:
    with store.read() as s:
        return s.execute(
            select(DocumentRow.current_sha256).where(
                DocumentRow.path == path, DocumentRow.state == "present"
            )
        ).scalar_one_or_none()


def settled(ctx: Context, share: Path, files: Sequence[str]) -> None:
    """Ingest `files`, then rescan until every folder holds a digest."""
    for rel in files:
        write(share / rel, f"content of {rel}")
    scan(ctx)  # records the files: their folders' digests are voided
    report = scan(ctx)  # finds them equal: writes the digests
    assert report.changes == {} and report.unchanged == len(files)
    assert all(d is not None for d in digests(ctx.store).values())


# ---- the walk --------------------------------------------------------------------------------


def test_a_folder_with_its_digest_is_counted_not_listed(share: Path) -> None:
    write(share / "P" / "a.txt", "a")
    write(share / "P" / "b.txt", "bb")
    write(share / "Q" / "c.txt", "c")
    first = scan_tree(share, IGNORE, digests={})
    assert first.folders.keys() == {"", "P", "Q"}
    assert {e.rel_path for e in first.entries} == {"P/a.txt", "P/b.txt", "Q/c.txt"}
    given = {"P": first.folders["P"][0]}  # type: ignore[index]
    second = scan_tree(share, IGNORE, digests=given)
    assert second.matched == {"P"}
    assert second.unchanged == 2
    assert [e.rel_path for e in second.entries] == ["Q/c.txt"]


def test_the_digest_covers_name_size_mtime_and_inode(share: Path) -> None:
    path = write(share / "P" / "a.txt", "abc")
    st = path.stat()

    def digest() -> str:
        listing = scan_tree(share, IGNORE, digests={}).folders["P"]
        assert listing is not None
        return listing[0]

    before = digest()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    assert digest() != before
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert digest() == before
    # same size, same mtime, new inode
    write(share / "P" / "tmp", "xyz")
    os.utime(share / "P" / "tmp", ns=(st.st_atime_ns, st.st_mtime_ns))
    (share / "P" / "tmp").replace(path)
    assert path.stat().st_ino != st.st_ino
    assert digest() != before
    assert listing_digest(["a\x000\x000\x000"]) != listing_digest(["b\x000\x000\x000"])


def test_a_folder_holding_a_link_or_an_ignored_name_is_never_matched(
    share: Path, tmp_path: Path
) -> None:
    write(share / "P" / "a.txt", "a")
    (share / "P" / "out").symlink_to(tmp_path)
    write(share / "Q" / "b.txt", "b")
    write(share / "Q" / "~$lock.docx", "lock")
    first = scan_tree(share, IGNORE, digests={})
    assert first.folders["P"] is None  # a link: its entry needs the file-by-file path
    listing = first.folders["Q"]
    assert listing is not None and listing[1] == 1  # the ignored name is not in the listing
    second = scan_tree(share, IGNORE, digests={"Q": listing[0]})
    assert second.matched == {"Q"}
    assert {e.rel_path for e in second.entries} == {"P/a.txt", "P/out"}


# ---- the rescan ------------------------------------------------------------------------------


def test_a_rescan_writes_digests_and_then_sees_nothing_new(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["P/a.txt", "P/sub/b.txt", "Q/c.txt"])
    assert set(digests(ctx.store)) >= {"P", "P/sub", "Q"}
    report = scan(ctx)
    assert (report.unchanged, report.changes, report.seen) == (3, {}, 3)


def test_a_changed_file_in_a_digested_folder_is_seen(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["P/a.txt", "P/b.txt"])
    write(share / "P" / "a.txt", "a longer content")
    report = scan(ctx)
    assert report.changes == {"new_version": 1}
    assert digests(ctx.store)["P"] is None  # the recorded version voided it
    assert scan(ctx).changes == {}
    assert digests(ctx.store)["P"] is not None


def test_same_size_and_restored_mtime_but_a_new_inode_is_seen(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["P/a.txt", "P/b.txt"])
    path = share / "P" / "a.txt"
    st = path.stat()
    new = write(share / "P" / "a.new", "CONTENT OF P/a.txt")  # same length
    os.utime(new, ns=(st.st_atime_ns, st.st_mtime_ns))
    new.replace(path)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    report = scan(ctx)
    assert report.changes == {"new_version": 1}
    assert current_sha(ctx.store, "P/a.txt") == hashlib.sha256(b"CONTENT OF P/a.txt").hexdigest()


def test_a_change_the_store_recorded_voids_a_digest_written_before(
    ctx: Context, share: Path
) -> None:
    """The listing comes back to the digested one, but the store moved on meanwhile:
    the folder must be compared file by file, not trusted."""
    settled(ctx, share, ["P/a.txt", "P/b.txt"])
    path = share / "P" / "a.txt"
    st = path.stat()
    # in place (same inode), same size: recorded by the daemon's per-event path
    path.write_text("content of P/a.XXX", encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    ingestor(ctx).process(["P/a.txt"])
    assert digests(ctx.store)["P"] is None
    # changed again in place, and the first mtime restored: the listing is the digested one
    path.write_text("content of P/a.YYY", encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    report = scan(ctx)
    assert report.changes == {"new_version": 1}
    assert current_sha(ctx.store, "P/a.txt") == hashlib.sha256(b"content of P/a.YYY").hexdigest()


def test_added_deleted_and_moved_files_are_seen(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["P/a.txt", "P/b.txt", "Q/c.txt", "R/d.txt"])
    write(share / "P" / "new.txt", "new")
    (share / "Q" / "c.txt").unlink()
    (share / "R" / "d.txt").rename(share / "P" / "d.txt")
    report = scan(ctx)
    assert report.changes == {"new": 1, "gone": 1, "moved": 1}
    assert scan(ctx).changes == {}


def test_a_deleted_folder_marks_its_documents_gone(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["P/a.txt", "P/sub/b.txt", "Q/c.txt"])
    (share / "P" / "sub" / "b.txt").unlink()
    (share / "P" / "sub").rmdir()
    report = scan(ctx)
    assert report.changes == {"gone": 1}
    assert report.unchanged == 2


def test_many_dirty_folders_load_the_whole_root(ctx: Context, share: Path) -> None:
    files = [f"F{i:03d}/x.txt" for i in range(folder_digests.MAX_FOLDER_QUERIES + 2)]
    settled(ctx, share, [*files, "Keep/y.txt"])
    for rel in files:
        write(share / rel, f"changed {rel}, longer")
    report = scan(ctx)
    assert report.changes == {"new_version": len(files)}
    assert report.unchanged == 1


def test_an_error_document_keeps_its_folder_on_the_file_by_file_path(
    ctx: Context, share: Path
) -> None:
    write(share / "P" / "empty.txt", "")  # recorded with an error reason
    write(share / "P" / "a.txt", "a")
    scan(ctx)
    assert scan(ctx).changes == {}
    assert scan(ctx).unchanged == 2


# ---- the guard -------------------------------------------------------------------------------


def test_any_orm_change_to_a_document_voids_its_old_and_new_folders(
    ctx: Context, share: Path
) -> None:
    settled(ctx, share, ["P/a.txt", "Q/b.txt"])
    with ctx.store.transaction() as tx:
        doc = tx.session.execute(
            select(DocumentRow).where(DocumentRow.path == "P/a.txt")
        ).scalar_one()
        doc.path = "Q/a.txt"
    assert digests(ctx.store)["P"] is None
    assert digests(ctx.store)["Q"] is None
    scan(ctx)  # the store said Q/a.txt: recorded back as a move to P
    scan(ctx)
    assert digests(ctx.store)["Q"] is not None
    with ctx.store.transaction() as tx:
        doc = tx.session.execute(
            select(DocumentRow).where(DocumentRow.path == "Q/b.txt")
        ).scalar_one()
        doc.state = "quarantined"
    assert digests(ctx.store)["Q"] is None


def test_a_bulk_update_of_documents_is_refused(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["P/a.txt"])
    with pytest.raises(StoreError), ctx.store.transaction() as tx:
        tx.session.execute(update(DocumentRow).values(size=1))
    assert digests(ctx.store)["P"] is not None


def test_a_save_after_a_concurrent_change_writes_nothing(ctx: Context, share: Path) -> None:
    """A rescan read epoch e, then a writer changed the folder: the stale digest is dropped,
    whether the row existed when the rescan read or not."""
    settled(ctx, share, ["P/a.txt"])
    key = configured_roots(ctx.settings)[0].key
    with ctx.store.read() as s:
        before = folder_digests.load(s, key)
    with ctx.store.transaction() as tx:
        folder_digests.invalidate(tx.session, [(key, "P"), (key, "New")])
    stale = [
        folder_digests.Verified("P", "0" * 32, 1, before["P"].epoch),
        folder_digests.Verified("New", "0" * 32, 0, None),  # no row when the rescan read
    ]
    with ctx.store.transaction() as tx:
        folder_digests.save(tx.session, key, stale)
    assert digests(ctx.store)["P"] is None
    assert digests(ctx.store)["New"] is None


def test_files_directly_in_the_root_are_compared_too(ctx: Context, share: Path) -> None:
    settled(ctx, share, ["top.txt", "P/a.txt"])
    assert digests(ctx.store)[""] is not None
    write(share / "top.txt", "changed, and longer")
    (share / "P" / "a.txt").unlink()
    report = scan(ctx)
    assert report.changes == {"new_version": 1, "gone": 1}
    assert scan(ctx).changes == {}
