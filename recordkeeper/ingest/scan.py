"""EDGE: walk a watched root safely and cheaply, and hash file versions.

What it guarantees:
- never follows a symbolic link out of the root (`link_outside_tree`), never
  descends into a linked directory (the real one is walked where it lives),
  and detects link loops (`link_loop`);
- never opens a FIFO, device or socket (`special_file`): it only lstat()s them;
- names that cannot be decoded as UTF-8 or are too long become `bad_name`
  entries carrying a safe, escaped form of the name;
- a directory it may not list is reported (`permission_denied`) so that the
  caller does not mistake its contents for deleted files;
- names matching the ignore patterns are counted as ignored, not as errors;
  Office lock files among them are reported so stability can honour them.

It leaves identity (moves, versions) to the service and stability to
`ingest.stability`. Speed matters: a rescan of an unchanged 100k-file tree is
one listing per directory (by descriptor) and one fstatat per file, one
compiled regex match per name, and one dict lookup of an int per file.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from recordkeeper.ingest.stability import is_lock_name
from recordkeeper.model import UnreadableReason, fast_constructor

__all__ = [
    "FileEntry",
    "HashOutcome",
    "ScanResult",
    "compile_ignore",
    "escape_name",
    "hash_file",
    "inspect_path",
    "lexists",
    "listing_digest",
    "project_of",
    "read_checked",
    "scan_tree",
    "stat_key",
]

# Relative paths longer than this are bad_name: Windows clients cannot open them anyway.
MAX_PATH_CHARS = 1024
_CHUNK = 1024 * 1024
_DIR_FLAGS = (
    os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
)
_SCANDIR_FD = os.scandir in os.supports_fd


class FileEntry(NamedTuple):
    """One non-directory entry under the root (a tuple: 100k of them must be cheap).

    `problem` is None for a regular file that can be read; otherwise the reason
    it will not be read. `rel_path` is POSIX, relative to the root; for a
    bad name it is the escaped form.
    """

    rel_path: str
    size: int
    mtime_ns: int
    inode: int
    problem: UnreadableReason | None = None


@dataclass(slots=True)
class ScanResult:
    """What one walk saw. `entries` excludes ignored names and directories."""

    entries: list[FileEntry] = field(default_factory=list)
    ignored: int = 0
    locks: set[str] = field(default_factory=set)  # rel paths of Office/LibreOffice lock files
    unlisted_dirs: dict[str, UnreadableReason] = field(default_factory=dict)  # rel dir -> reason
    dirs: int = 0
    unchanged: int = 0  # entries matching `known` or a folder digest, left out of `entries`
    # with `digests`: every listed folder -> (listing_digest, plain files), or None when
    # it also holds something else (a link, a special file, a bad name)
    folders: dict[str, tuple[str, int] | None] = field(default_factory=dict)
    matched: set[str] = field(default_factory=set)  # folders whose digest equalled the given one


def stat_key(size: int | None, mtime_ns: int | None, inode: int | None) -> int:
    """One int standing for (size, mtime_ns, inode): a compact 'unchanged' check for rescans."""
    return hash((size, mtime_ns, inode))


def listing_digest(parts: list[str]) -> str:
    """The digest of a folder's plain files, from `name\0size\0mtime_ns\0inode` strings.

    Sorted first (listing order is the file system's); a plain file's name is
    printable, so it holds neither NUL nor a newline and the join is unambiguous.
    """
    parts.sort()
    text = "\n".join(parts)
    return hashlib.blake2b(b"v1\n" + text.encode("utf-8"), digest_size=16).hexdigest()


def compile_ignore(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex for all shell-style ignore patterns (one match per name, not one per pattern)."""
    parts = [fnmatch.translate(p) for p in patterns]
    if not parts:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?:{p})" for p in parts))


def escape_name(name: str) -> str:
    """A printable, valid-UTF-8 form of a name that may hold undecodable bytes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _is_bad_name(name: str) -> bool:
    if name.isascii():
        return not name.isprintable()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return not name.isprintable()


_ACCESS_NOFOLLOW = os.access in os.supports_follow_symlinks


def lexists(path: str) -> bool:
    """`os.path.lexists` (a link counts, even a broken one) without raising and catching
    an exception for every missing path: faccessat(F_OK, AT_SYMLINK_NOFOLLOW) answers
    with a bool. Ingest looks for up to four lock file names beside every file it reads,
    nearly always absent: ~2 us per name less."""
    if not _ACCESS_NOFOLLOW:
        return os.path.lexists(path)
    try:
        return os.access(path, os.F_OK, follow_symlinks=False)
    except ValueError:  # an embedded NUL or an unencodable name, as lexists answers it
        return False


def project_of(rel_path: str) -> str | None:
    """The project is the first path component under the root, when there is a folder."""
    head, sep, _ = rel_path.partition("/")
    return head if sep else None


def _join(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real + os.sep)


def _classify_link(abs_path: str, rel: str, root_real: str, st: os.stat_result) -> FileEntry | None:
    """What a symlink is: an entry to track or report, or None for a linked directory.

    A linked directory inside the root is never walked: the real one is walked
    where it lives, so nothing is seen twice and no link can make a loop.
    """
    try:
        real = os.path.realpath(abs_path, strict=True)
    except OSError as exc:
        reason = (
            UnreadableReason.LINK_LOOP
            if exc.errno == errno.ELOOP or isinstance(exc, RuntimeError)
            else UnreadableReason.VANISHED
        )
        return FileEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino, reason)
    if not _inside(real, root_real):
        return FileEntry(
            rel, st.st_size, st.st_mtime_ns, st.st_ino, UnreadableReason.LINK_OUTSIDE_TREE
        )
    try:
        target = os.stat(real)
    except OSError:
        return FileEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino, UnreadableReason.VANISHED)
    if stat.S_ISDIR(target.st_mode):
        abs_real = os.path.realpath(os.path.dirname(abs_path))
        if _inside(abs_real, real):  # a link to an ancestor: walking it would never end
            return FileEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino, UnreadableReason.LINK_LOOP)
        return None
    if not stat.S_ISREG(target.st_mode):
        return FileEntry(
            rel, target.st_size, target.st_mtime_ns, target.st_ino, UnreadableReason.SPECIAL_FILE
        )
    return FileEntry(rel, target.st_size, target.st_mtime_ns, target.st_ino)


def scan_tree(
    root: Path,
    ignore: re.Pattern[str],
    prefix: str = "",
    known: dict[str, int] | None = None,
    digests: dict[str, str] | None = None,
) -> ScanResult:
    """Walk `root/prefix` (prefix "" = the whole root) without following links out of it.

    Never raises for what it finds in the tree; a root that cannot be listed is
    reported in `unlisted_dirs` under the key `prefix`. With `known` (path ->
    `stat_key`), every path seen is removed from it, and a regular file whose
    stat key matches is only counted (`unchanged`): what stays in `known` was
    not seen. With `digests` (folder -> `listing_digest`), each folder's plain
    files are digested (`folders`); a folder holding only plain files whose
    digest equals the given one is only counted (`matched`, `unchanged`), the
    files of every other folder are in `entries` (with `known` too: those that
    do not match it).
    """
    result = ScanResult()
    entries = result.entries
    append = entries.append
    pop = (known if known is not None else {}).pop
    root_real = os.path.realpath(root)
    seen_dirs: set[tuple[int, int]] = set()
    stack = [prefix]
    match = ignore.fullmatch
    unchanged = ignored = 0
    plain: list[str] | None = None
    while stack:
        rel_dir = stack.pop()
        abs_dir = f"{root_real}/{rel_dir}" if rel_dir else root_real
        try:
            fd = os.open(abs_dir, _DIR_FLAGS)  # O_NOFOLLOW: a directory swapped for a link fails
        except OSError as exc:
            result.unlisted_dirs[rel_dir] = _dir_reason(exc)
            continue
        try:
            dir_stat = os.fstat(fd)
            key = (dir_stat.st_dev, dir_stat.st_ino)
            if key in seen_dirs:  # bind mounts can make a tree loop without a symlink
                result.unlisted_dirs[rel_dir] = UnreadableReason.LINK_LOOP
                continue
            seen_dirs.add(key)
            result.dirs += 1
            base = f"{rel_dir}/" if rel_dir else ""
            room = MAX_PATH_CHARS - len(base)  # longer names make a bad_name
            others = len(entries)  # entries before this folder's: more after means not only plain
            if digests is not None:
                plain = []
            # Listing by descriptor: each stat is an fstatat() relative to this
            # directory, not a walk of the whole path from / again.
            with os.scandir(fd if _SCANDIR_FD else abs_dir) as listing:
                for entry in listing:
                    name = entry.name
                    if match(name):
                        ignored += 1
                        if is_lock_name(name):
                            result.locks.add(base + name)
                        continue
                    try:
                        if entry.is_file(follow_symlinks=False):
                            if len(name) <= room and name.isprintable():
                                # fast path: a plain file with a good name (almost every entry)
                                st = entry.stat(follow_symlinks=False)
                                if plain is not None:
                                    plain.append(
                                        f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}"
                                    )
                                    continue
                                rel = base + name
                                # stat_key inlined (a call per file is ~1% of a rescan);
                                # test_scan pins that the two agree
                                if pop(rel, None) == hash((st.st_size, st.st_mtime_ns, st.st_ino)):
                                    unchanged += 1
                                else:
                                    append(FileEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino))
                                continue
                        elif (
                            entry.is_dir(follow_symlinks=False)
                            and len(name) <= room
                            and name.isprintable()
                        ):
                            stack.append(base + name)
                            continue
                    except OSError:
                        continue  # vanished between listing and stat: the next look sees it
                    pop(base + name, None)
                    _visit(entry, base + name, f"{abs_dir}/{name}", root_real, result, stack)
            if plain is not None and digests is not None:
                unchanged += _settle_folder(
                    rel_dir, base, plain, len(entries) > others, digests, pop, result
                )
        except OSError as exc:  # the listing failed half-way
            result.unlisted_dirs[rel_dir] = _dir_reason(exc)
        finally:
            os.close(fd)
    result.unchanged = unchanged
    result.ignored = ignored
    return result


def _settle_folder(
    rel_dir: str,
    base: str,
    plain: list[str],
    mixed: bool,
    digests: dict[str, str],
    pop: Callable[[str, None], int | None],
    result: ScanResult,
) -> int:
    """Digest a listed folder's plain files; returns how many are unchanged: all when
    the digest matches, else those matching their stat key (`pop` from `known`)."""
    digest = listing_digest(plain)
    result.folders[rel_dir] = None if mixed else (digest, len(plain))
    if not mixed and digests.get(rel_dir) == digest:
        result.matched.add(rel_dir)
        return len(plain)
    append = result.entries.append
    unchanged = 0
    for part in plain:
        name, size, mtime_ns, inode = part.split("\0")
        rel = base + name
        key = (int(size), int(mtime_ns), int(inode))
        if pop(rel, None) == hash(key):  # stat_key, inlined as in the walk
            unchanged += 1
        else:
            append(FileEntry(rel, *key))
    return unchanged


# what an OSError's errno means for a folder or a file; anything else is an internal error
_ERRNO_REASONS = {
    errno.EACCES: UnreadableReason.PERMISSION_DENIED,
    errno.EPERM: UnreadableReason.PERMISSION_DENIED,
    errno.ELOOP: UnreadableReason.LINK_LOOP,
    errno.ENOENT: UnreadableReason.VANISHED,
    errno.ENOTDIR: UnreadableReason.VANISHED,
    errno.ENAMETOOLONG: UnreadableReason.BAD_NAME,
}
# only opening a file can meet a device or socket (a folder's walk never opens one)
_FILE_ERRNO_REASONS = {
    **_ERRNO_REASONS,
    errno.ENXIO: UnreadableReason.SPECIAL_FILE,
    errno.ENODEV: UnreadableReason.SPECIAL_FILE,
}


def _dir_reason(exc: OSError) -> UnreadableReason:
    return _ERRNO_REASONS.get(exc.errno or 0, UnreadableReason.INTERNAL)


def _visit(
    entry: os.DirEntry[str],
    rel: str,
    abs_path: str,
    root_real: str,
    result: ScanResult,
    stack: list[str],
) -> None:
    """The slow path: links, special files, bad or long names, and odd directories."""
    try:
        st = entry.stat(follow_symlinks=False)
    except OSError:
        return  # vanished between listing and stat: the next event or scan sees it
    mode = st.st_mode
    bad = _is_bad_name(entry.name) or len(rel) > MAX_PATH_CHARS
    if stat.S_ISDIR(mode):
        if bad:
            result.entries.append(
                FileEntry(_escape_rel(rel), 0, st.st_mtime_ns, st.st_ino, UnreadableReason.BAD_NAME)
            )
        else:
            stack.append(rel)
        return
    if bad:
        result.entries.append(
            FileEntry(
                _escape_rel(rel), st.st_size, st.st_mtime_ns, st.st_ino, UnreadableReason.BAD_NAME
            )
        )
        return
    if stat.S_ISREG(mode):
        result.entries.append(FileEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino))
    elif stat.S_ISLNK(mode):
        found = _classify_link(abs_path, rel, root_real, st)
        if found is not None:
            result.entries.append(found)
    else:
        result.entries.append(
            FileEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino, UnreadableReason.SPECIAL_FILE)
        )


def _escape_rel(rel: str) -> str:
    escaped = escape_name(rel)
    if len(escaped) > MAX_PATH_CHARS:
        digest = hashlib.sha256(os.fsencode(rel)).hexdigest()[:16]
        escaped = f"{escaped[: MAX_PATH_CHARS - 20]}...{digest}"
    return escaped


def inspect_path(root: Path, rel: str, ignore: re.Pattern[str]) -> ScanResult | None:
    """Look at one path under the root (from an event): a file, a directory (walked) or gone.

    Returns None when the path no longer exists. Never follows a link out of the root.
    """
    root_real = os.path.realpath(root)
    abs_path = os.path.join(root_real, rel)
    parent_real = os.path.realpath(os.path.dirname(abs_path))
    if not _inside(parent_real, root_real):
        return ScanResult()  # reached through a linked directory: seen at its real place
    try:
        st = os.stat(abs_path, follow_symlinks=False)
    except FileNotFoundError:
        return None
    except OSError as exc:
        result = ScanResult()
        result.unlisted_dirs[rel] = _dir_reason(exc)
        return result
    if stat.S_ISDIR(st.st_mode) and not any(ignore.fullmatch(p) for p in rel.split("/")):
        return scan_tree(root, ignore, rel)
    result = ScanResult()
    name = rel.rsplit("/", 1)[-1]
    if any(ignore.fullmatch(p) for p in rel.split("/")):
        result.ignored = 1
        if is_lock_name(name):
            result.locks.add(rel)
        return result
    entry = _StatEntry(name, st)
    _visit(entry, rel, abs_path, root_real, result, [])  # type: ignore[arg-type]
    return result


@dataclass(frozen=True, slots=True)
class _StatEntry:
    """The part of os.DirEntry `_visit` uses, for a path we already lstat()ed."""

    name: str
    st: os.stat_result

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        return self.st


@dataclass(frozen=True, slots=True)
class HashOutcome:
    """A file's SHA-256 with the stat seen while reading it, or why it could not be read.

    `is_stable` is False when size or mtime changed while reading: the caller
    tries again later instead of recording a half-written version.
    """

    sha256: str | None
    size: int
    mtime_ns: int
    inode: int
    problem: UnreadableReason | None = None
    is_stable: bool = True


# A HashOutcome made without its frozen __init__: one per file read, and one per answer in
# the pool's parent (≈ 0.8 us against 2.2).
new_outcome = fast_constructor(HashOutcome)


def hash_file(root: Path, rel: str) -> HashOutcome:
    """Hash one regular file under `root` without following a link out of it.

    Opens with O_NOFOLLOW|O_NONBLOCK and checks the opened object is a regular
    file, so a file swapped for a FIFO or a link after the scan is never read.
    A link inside the tree is opened at its (checked) target.
    """
    return read_checked(root, rel, -1)[0]


_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _open_unlinked(abs_path: str, flags: int) -> int | None:
    """Open a path that is its own real path (no symlink, ".." or "//" in it), or None.

    The kernel names the file it opened (/proc/self/fd); when that name is the
    path itself, `os.path.realpath` (an lstat per path component, in Python)
    would give the path unchanged, so its check and the second open are not
    needed. Anything else (a link on the way, an error, no /proc) gives None
    and the caller resolves the path as before.
    """
    try:
        fd = os.open(abs_path, flags)
    except OSError:
        return None
    try:
        opened = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        opened = None
    if opened != abs_path:
        os.close(fd)
        return None
    return fd


def _open_resolved(root: str | Path, rel: str, flags: int) -> int | UnreadableReason:
    """Open root/rel after resolving the root (and, if need be, links inside the tree),
    or why not: a path that is its own real path under the real root is opened and
    checked by the kernel's name for it (`_open_unlinked`); any other is resolved and
    opened at its target when that is inside the root."""
    root_real = os.path.realpath(root)
    abs_path = os.path.join(root_real, rel)
    fd = _open_unlinked(abs_path, flags) if _inside(abs_path, root_real) else None
    if fd is not None:
        return fd
    try:
        real = os.path.realpath(abs_path, strict=True)
    except FileNotFoundError:
        return UnreadableReason.VANISHED
    except OSError as exc:
        return _file_reason(exc)
    if not _inside(real, root_real):
        return UnreadableReason.LINK_OUTSIDE_TREE
    try:
        return os.open(real, flags)
    except OSError as exc:
        return _file_reason(exc)


def read_checked(root: str | Path, rel: str, keep_bytes: int) -> tuple[HashOutcome, bytes | None]:
    """`hash_file`, also returning the bytes read when the file has at most `keep_bytes`.

    One read serves both the hash and an extraction (issue #3: ingest hashes in
    its extraction workers). A larger file is hashed in pieces and no bytes come
    back; so do they not for a problem or a file that changed while read.
    """
    flags = _READ_FLAGS
    # The root as given is usually its own real path already: then the kernel's name
    # for the file opened at root/rel is that very string (see `_open_unlinked`), which
    # proves the root real and the file inside it, without realpath's lstat per
    # component of the root. A root that is or goes through a link, or is not in
    # normal form (relative, "..", a trailing "/"), never names a file that way and is
    # resolved first, as is any path whose kernel name differs.
    root_text = os.fspath(root)
    fd = _open_unlinked(f"{root_text}/{rel}", flags) if root_text[:1] == "/" else None
    if fd is None:
        opened = _open_resolved(root, rel, flags)
        if isinstance(opened, UnreadableReason):
            return HashOutcome(None, 0, 0, 0, opened), None
        fd = opened
    data: bytes | None = None
    grew = False
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            problem = UnreadableReason.SPECIAL_FILE
            return HashOutcome(
                None, before.st_size, before.st_mtime_ns, before.st_ino, problem
            ), None
        try:
            if before.st_size <= keep_bytes:
                # One read(2), as FileIO.read does, without building a file object.
                data = os.read(fd, before.st_size + 1)  # +1: notice growth
                digest = hashlib.sha256(data).hexdigest()
                grew = len(data) > before.st_size
            else:
                with os.fdopen(fd, "rb", buffering=0, closefd=False) as handle:
                    digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as exc:
            return (
                HashOutcome(
                    None, before.st_size, before.st_mtime_ns, before.st_ino, _file_reason(exc)
                ),
                None,
            )
        after = os.fstat(fd)
    finally:
        os.close(fd)
    is_stable = not grew and (before.st_size, before.st_mtime_ns) == (
        after.st_size,
        after.st_mtime_ns,
    )
    outcome = new_outcome(digest, after.st_size, after.st_mtime_ns, after.st_ino, None, is_stable)
    return outcome, data if is_stable else None


def _file_reason(exc: OSError) -> UnreadableReason:
    return _FILE_ERRNO_REASONS.get(exc.errno or 0, UnreadableReason.INTERNAL)
