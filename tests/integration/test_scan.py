"""The scanner on hostile trees: links out and in loops, FIFOs, sockets, bad names, no access."""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from recordkeeper.ingest.scan import (
    MAX_PATH_CHARS,
    compile_ignore,
    hash_file,
    inspect_path,
    lexists,
    project_of,
    read_checked,
    scan_tree,
    stat_key,
)
from recordkeeper.model import UnreadableReason

IGNORE = compile_ignore(["~$*", "~WRL*.tmp", ".DS_Store", "Thumbs.db", "desktop.ini"])


def problems(root: Path) -> dict[str, str | None]:
    return {e.rel_path: e.problem for e in scan_tree(root, IGNORE).entries}


def test_regular_files_are_found_with_size_mtime_and_inode(share: Path) -> None:
    (share / "P" / "sub").mkdir(parents=True)
    f = share / "P" / "sub" / "a.txt"
    f.write_text("abc")
    (entry,) = scan_tree(share, IGNORE).entries
    st = f.stat()
    assert (entry.rel_path, entry.size, entry.mtime_ns, entry.inode, entry.problem) == (
        "P/sub/a.txt", 3, st.st_mtime_ns, st.st_ino, None,
    )  # fmt: skip


def test_a_link_out_of_the_root_is_reported_and_never_followed(share: Path, tmp_path: Path) -> None:
    secret_dir = tmp_path / "outside"
    secret_dir.mkdir()
    (secret_dir / "secret.txt").write_text("secret")
    (share / "to_file").symlink_to(secret_dir / "secret.txt")
    (share / "to_dir").symlink_to(secret_dir)
    assert problems(share) == {
        "to_file": UnreadableReason.LINK_OUTSIDE_TREE,
        "to_dir": UnreadableReason.LINK_OUTSIDE_TREE,
    }


def test_a_relative_link_climbing_out_is_caught(share: Path, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    (share / "P").mkdir()
    (share / "P" / "up").symlink_to("../../x.txt")
    assert problems(share) == {"P/up": UnreadableReason.LINK_OUTSIDE_TREE}


def test_link_loops_are_detected(share: Path) -> None:
    (share / "P").mkdir()
    (share / "P" / "parent").symlink_to("..")
    (share / "a").symlink_to("b")
    (share / "b").symlink_to("a")
    assert problems(share) == {
        "P/parent": UnreadableReason.LINK_LOOP,
        "a": UnreadableReason.LINK_LOOP,
        "b": UnreadableReason.LINK_LOOP,
    }


def test_a_linked_folder_inside_the_root_is_walked_only_where_it_lives(share: Path) -> None:
    (share / "Real").mkdir()
    (share / "Real" / "doc.txt").write_text("d")
    (share / "Alias").symlink_to("Real")
    assert problems(share) == {"Real/doc.txt": None}


def test_a_linked_file_inside_the_root_is_tracked_at_the_link(share: Path) -> None:
    (share / "doc.txt").write_text("d")
    (share / "alias.txt").symlink_to("doc.txt")
    assert problems(share) == {"doc.txt": None, "alias.txt": None}
    assert hash_file(share, "alias.txt").sha256 == hash_file(share, "doc.txt").sha256


def test_fifos_and_sockets_are_special_files_and_never_opened(share: Path) -> None:
    os.mkfifo(share / "pipe")
    sock = socket.socket(socket.AF_UNIX)
    short = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        sock.bind(str(short / "s"))
        (share / "sock").symlink_to(short / "s")  # outside: reported as such, not opened
        assert problems(share)["pipe"] == UnreadableReason.SPECIAL_FILE
        # hashing a FIFO must not block (no writer): O_NONBLOCK + fstat check
        assert hash_file(share, "pipe").problem == UnreadableReason.SPECIAL_FILE
    finally:
        sock.close()
        shutil.rmtree(short)


def test_a_socket_inside_the_root_is_a_special_file(share: Path) -> None:
    short = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(short / "s"))
            assert problems(short) == {"s": UnreadableReason.SPECIAL_FILE}
    finally:
        shutil.rmtree(short)


def test_undecodable_names_get_a_safe_escaped_form(share: Path) -> None:
    raw = os.fsencode(share) + b"/Avtal \xff\xfe.docx"
    with open(raw, "wb") as handle:
        handle.write(b"x")
    (entry,) = scan_tree(share, IGNORE).entries
    assert entry.problem == UnreadableReason.BAD_NAME
    assert entry.rel_path == "Avtal \\xff\\xfe.docx"
    entry.rel_path.encode("utf-8")  # storable


def test_an_undecodable_folder_name_is_reported_not_walked(share: Path) -> None:
    raw = os.fsencode(share) + b"/Projekt \xe5"
    os.mkdir(raw)
    with open(raw + b"/inner.txt", "wb") as handle:
        handle.write(b"x")
    assert problems(share) == {"Projekt \\xe5": UnreadableReason.BAD_NAME}


def test_very_long_paths_are_bad_names(share: Path) -> None:
    folder = share
    for i in range(6):
        folder = folder / (f"{i}" * 200)
    folder.mkdir(parents=True)
    (folder / "deep.txt").write_text("x")
    found = scan_tree(share, IGNORE).entries
    assert [e.problem for e in found] == [UnreadableReason.BAD_NAME]
    assert len(found[0].rel_path) <= MAX_PATH_CHARS


def test_control_characters_in_names_are_bad_names(share: Path) -> None:
    (share / "a\nb.txt").write_text("x")
    assert problems(share) == {"a\\nb.txt": UnreadableReason.BAD_NAME} or problems(share) == {
        "a\nb.txt": UnreadableReason.BAD_NAME
    }


def test_ignored_names_are_counted_and_locks_remembered(share: Path) -> None:
    (share / "P").mkdir()
    for name in ("~$Rapport.docx", "~WRL0005.tmp", ".DS_Store", "Thumbs.db", "desktop.ini"):
        (share / "P" / name).write_text("x")
    (share / "P" / "Rapport.docx").write_text("r")
    result = scan_tree(share, IGNORE)
    assert result.ignored == 5
    assert result.locks == {"P/~$Rapport.docx"}
    assert [e.rel_path for e in result.entries] == ["P/Rapport.docx"]


def test_inspect_path_sees_files_folders_and_gone_paths(share: Path) -> None:
    (share / "P" / "d").mkdir(parents=True)
    (share / "P" / "d" / "x.txt").write_text("x")
    assert inspect_path(share, "P/nothing.txt", IGNORE) is None
    folder = inspect_path(share, "P", IGNORE)
    assert folder is not None
    assert [e.rel_path for e in folder.entries] == ["P/d/x.txt"]
    one = inspect_path(share, "P/d/x.txt", IGNORE)
    assert one is not None
    assert [e.rel_path for e in one.entries] == ["P/d/x.txt"]


def test_inspect_path_never_goes_through_a_linked_folder(share: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.txt").write_text("x")
    (share / "L").symlink_to(tmp_path / "out")
    found = inspect_path(share, "L/x.txt", IGNORE)
    assert found is not None
    assert found.entries == []


def test_hash_file_reports_a_file_that_vanished(share: Path) -> None:
    assert hash_file(share, "gone.txt").problem == UnreadableReason.VANISHED


# ---- rescans: comparing with what the store knows ---------------------------------------------


def _known_tree(share: Path) -> dict[str, int]:
    """P/same (recorded as is), P/sub/edited (recorded before an edit), P/new, and a link."""
    (share / "P" / "sub").mkdir(parents=True)
    for name in ("P/same.txt", "P/sub/edited.txt", "P/new.txt"):
        (share / name).write_text(name)
    (share / "P" / "alias.txt").symlink_to("same.txt")
    same, edited = (share / "P/same.txt").lstat(), (share / "P/sub/edited.txt").lstat()
    return {
        "P/same.txt": stat_key(same.st_size, same.st_mtime_ns, same.st_ino),
        "P/sub/edited.txt": stat_key(edited.st_size + 1, edited.st_mtime_ns, edited.st_ino),
        "P/alias.txt": 0,
        "P/deleted.txt": 0,
    }


def test_a_rescan_counts_unchanged_files_and_leaves_the_unseen_in_known(share: Path) -> None:
    known = _known_tree(share)
    walk = scan_tree(share, IGNORE, known=known)
    assert walk.unchanged == 1
    assert sorted(e.rel_path for e in walk.entries) == [
        "P/alias.txt", "P/new.txt", "P/sub/edited.txt",
    ]  # fmt: skip
    assert known == {"P/deleted.txt": 0}  # what the walk did not see


def test_a_folder_swapped_for_a_link_is_not_listed_through_it(share: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "secret.txt").write_text("s")
    (share / "P").symlink_to(tmp_path / "out")
    walk = scan_tree(share, IGNORE, prefix="P")  # as after an event on a folder since replaced
    assert walk.entries == []
    assert walk.unlisted_dirs == {"P": UnreadableReason.VANISHED}  # the folder is gone


def test_project_is_the_first_folder() -> None:
    assert project_of("FMB Ryggsmärta/Avtal/a.docx") == "FMB Ryggsmärta"
    assert project_of("loose.txt") is None


# ---- permission denied: as root, the check runs in a child process as `nobody` ---------------


def _probe_in_child(root: Path) -> dict[str, object]:
    walk = scan_tree(root, compile_ignore([]))
    problem = hash_file(root, "P/secret.txt").problem
    return {
        "entries": sorted(e.rel_path for e in walk.entries),
        "unlisted": {k: v.value for k, v in walk.unlisted_dirs.items()},
        "hash": problem.value if problem else "ok",
    }


def _probe(root: Path) -> dict[str, object]:
    """Run the probe in a forked child that drops root (root reads everything)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            os.write(write_end, json.dumps(_probe_in_child(root)).encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return json.loads(data)


@pytest.fixture
def open_tree() -> Iterator[Path]:
    """A tree a non-root user can reach (tmp_path's parents are private to root)."""
    top = Path(tempfile.mkdtemp(prefix="rk-perm-", dir="/tmp"))
    top.chmod(0o755)
    yield top
    for path in top.rglob("*"):
        path.chmod(0o755)
    shutil.rmtree(top)


def test_permission_denied_on_a_folder_and_a_file_is_reported(open_tree: Path) -> None:
    (open_tree / "P").mkdir()
    (open_tree / "P" / "secret.txt").write_text("s")
    (open_tree / "P" / "ok.txt").write_text("o")
    (open_tree / "Closed").mkdir()
    (open_tree / "Closed" / "x.txt").write_text("x")
    for path in open_tree.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    (open_tree / "P" / "secret.txt").chmod(0o000)
    (open_tree / "Closed").chmod(0o000)
    result = _probe(open_tree)
    assert result["unlisted"] == {"Closed": "permission_denied"}
    assert result["entries"] == ["P/ok.txt", "P/secret.txt"]
    assert result["hash"] == "permission_denied"


def test_read_checked_hashes_like_hash_file_and_keeps_the_bytes_up_to_a_size(share: Path) -> None:
    (share / "doc.txt").write_bytes(b"Protokoll " * 100)
    small, data = read_checked(share, "doc.txt", 1000)
    large, none = read_checked(share, "doc.txt", 999)
    assert small == large == hash_file(share, "doc.txt")
    assert (data, none) == (b"Protokoll " * 100, None)


def test_read_checked_takes_the_root_as_a_string_and_closes_what_it_opens(share: Path) -> None:
    """The pool's workers pass the root as the string they were sent."""
    (share / "doc.txt").write_bytes(b"Protokoll " * 100)
    (share / "empty.txt").write_bytes(b"")
    before = len(os.listdir("/proc/self/fd"))
    for rel in ("doc.txt", "empty.txt"):
        for keep in (1000, 999, 0, -1):
            assert read_checked(str(share), rel, keep) == read_checked(share, rel, keep)
    assert read_checked(str(share), "empty.txt", 0)[1] == b""
    assert len(os.listdir("/proc/self/fd")) == before


def test_read_checked_does_not_follow_a_link_out_of_the_root(tmp_path: Path, share: Path) -> None:
    (tmp_path / "outside.txt").write_text("hemligt", encoding="utf-8")
    (share / "link.txt").symlink_to(tmp_path / "outside.txt")
    outcome, data = read_checked(share, "link.txt", 1000)
    assert (outcome.problem, data) == (UnreadableReason.LINK_OUTSIDE_TREE, None)


def test_read_checked_resolves_every_path_component(tmp_path: Path, share: Path) -> None:
    """Links in a folder position and paths that climb out are resolved before the read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text("hemligt", encoding="utf-8")
    (share / "P").mkdir()
    (share / "P" / "b.txt").write_text("protokoll", encoding="utf-8")
    (share / "out").symlink_to(outside, target_is_directory=True)
    (share / "in").symlink_to(share / "P", target_is_directory=True)
    for rel in ("out/a.txt", str(outside / "a.txt"), "P/../../outside/a.txt"):
        outcome, data = read_checked(share, rel, 1000)
        assert (outcome.problem, data) == (UnreadableReason.LINK_OUTSIDE_TREE, None), rel
    for rel in ("in/b.txt", "P/b.txt", "P/../P/b.txt", "P//b.txt"):
        outcome, data = read_checked(share, rel, 1000)
        assert (outcome.problem, data) == (None, b"protokoll"), rel
    linked_root = tmp_path / "linked_share"
    linked_root.symlink_to(share, target_is_directory=True)
    outcome, data = read_checked(linked_root, "in/b.txt", 1000)
    assert (outcome.problem, data) == (None, b"protokoll")
    assert read_checked(share, "P/none.txt", 1000)[0].problem is UnreadableReason.VANISHED


def test_read_checked_through_a_root_link_follows_it_where_it_points_now(tmp_path: Path) -> None:
    """A root that is a link (or lies under one) is resolved at every read: re-pointed,
    it is read where it points now, and a link under it still cannot lead out."""
    first, second, outside = tmp_path / "first", tmp_path / "second", tmp_path / "outside"
    for folder, text in ((first, "första"), (second, "andra"), (outside, "hemligt")):
        (folder / "P").mkdir(parents=True)
        (folder / "P" / "a.txt").write_text(text, encoding="utf-8")
    parent_link = tmp_path / "via"
    parent_link.symlink_to(first, target_is_directory=True)
    root_link = tmp_path / "share"
    root_link.symlink_to(first, target_is_directory=True)
    for root in (root_link, parent_link / "P" / "..", str(first) + "/", "/" + str(first)):
        assert read_checked(root, "P/a.txt", 100)[1] == "första".encode(), root
    root_link.unlink()
    root_link.symlink_to(second, target_is_directory=True)
    parent_link.unlink()
    parent_link.symlink_to(second, target_is_directory=True)
    assert read_checked(root_link, "P/a.txt", 100)[1] == b"andra"
    assert read_checked(parent_link / "P" / "..", "P/a.txt", 100)[1] == b"andra"
    (second / "out").symlink_to(outside / "P", target_is_directory=True)
    for root in (root_link, second):
        outcome, data = read_checked(root, "out/a.txt", 100)
        assert (outcome.problem, data) == (UnreadableReason.LINK_OUTSIDE_TREE, None), root


def test_read_checked_sees_a_folder_swapped_for_a_link_after_the_scan(
    tmp_path: Path, share: Path
) -> None:
    """Between the walk and the read, a folder on the way becomes a link: out of the
    root it is refused, inside it is read at the link's target, in a loop it is a loop."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.txt").write_text("hemligt", encoding="utf-8")
    (share / "P").mkdir()
    (share / "P" / "a.txt").write_text("protokoll", encoding="utf-8")
    (share / "Q").mkdir()
    (share / "Q" / "a.txt").write_text("kopia", encoding="utf-8")
    assert {e.rel_path for e in scan_tree(share, IGNORE).entries} == {"P/a.txt", "Q/a.txt"}
    assert read_checked(share, "P/a.txt", 100)[1] == b"protokoll"
    (share / "P").rename(share / "P.old")
    (share / "P").symlink_to(outside, target_is_directory=True)
    outcome, data = read_checked(share, "P/a.txt", 100)
    assert (outcome.problem, data) == (UnreadableReason.LINK_OUTSIDE_TREE, None)
    (share / "P").unlink()
    (share / "P").symlink_to(share / "Q", target_is_directory=True)
    assert read_checked(share, "P/a.txt", 100)[1] == b"kopia"
    (share / "P").unlink()
    (share / "P").symlink_to(share / "R", target_is_directory=True)
    (share / "R").symlink_to(share / "P", target_is_directory=True)
    outcome, data = read_checked(share, "P/a.txt", 100)
    assert (outcome.problem, data) == (UnreadableReason.LINK_LOOP, None)
    (share / "P").unlink()
    (share / "P").symlink_to(outside / "a.txt")  # the file itself a link out
    outcome, data = read_checked(share, "P", 100)
    assert (outcome.problem, data) == (UnreadableReason.LINK_OUTSIDE_TREE, None)


def test_read_checked_skips_realpath_only_for_a_path_the_kernel_names_as_given(
    share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cheap path (no realpath) is taken for a plain root and file, and only then."""
    (share / "P").mkdir()
    (share / "P" / "a.txt").write_text("protokoll", encoding="utf-8")
    (share / "in").symlink_to(share / "P", target_is_directory=True)
    real = os.path.realpath(share)
    calls: list[str] = []

    def counting(path: str | os.PathLike[str], *, strict: bool = False) -> str:
        calls.append(os.fspath(path))
        return real_realpath(path, strict=strict)

    real_realpath = os.path.realpath
    monkeypatch.setattr(os.path, "realpath", counting)
    assert read_checked(real, "P/a.txt", 100)[1] == b"protokoll"
    assert calls == []
    assert read_checked(real, "in/a.txt", 100)[1] == b"protokoll"
    assert calls == [real, f"{real}/in/a.txt"]


def test_lexists_answers_as_os_path_lexists(share: Path) -> None:
    """Ingest's lock file check: a link counts, even a broken one, and nothing raises."""
    (share / "file.txt").write_text("x", encoding="utf-8")
    (share / "dir").mkdir()
    (share / "broken").symlink_to(share / "nowhere")
    (share / "alias").symlink_to(share / "file.txt")
    (share / "loop").symlink_to(share / "loop")
    os.mkfifo(share / "fifo")
    paths = [
        str(share / name)
        for name in ("file.txt", "dir", "broken", "alias", "loop", "fifo", "gone", "loop/x")
    ]
    paths += [
        f"{share}/file.txt/x",  # through a file: ENOTDIR
        f"{share}/{'x' * 300}",  # ENAMETOOLONG
        f"{share}/nul\0.txt",
        f"{share}/\udcff.txt",  # an undecodable byte, surrogate-escaped
        f"{share}/\ud800.txt",  # a lone surrogate: not encodable at all
        "",
    ]
    assert [lexists(p) for p in paths] == [os.path.lexists(p) for p in paths]
    assert [lexists(p) for p in paths[:8]] == [True] * 6 + [False, False]
