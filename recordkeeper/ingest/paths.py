"""EDGE: expand command-line paths (files or folders) into the files to read, safely.

Used by `recordkeeper classify PATH...`, which needs no database. Walks
folders recursively in a stable order and never follows a link out of the
given tree: a file link pointing inside the tree is read, one pointing
outside is reported as `link_outside_tree`, a loop as `link_loop`; folder
links are not descended (their targets inside the tree are walked anyway).
FIFOs, sockets and devices are reported as `special_file` and never opened.
Names matching the ignore patterns (lock, temp and system files) are
reported as ignored; ignored folders (`.git`) are skipped whole.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from recordkeeper.model import UnreadableReason


@dataclass(frozen=True, slots=True)
class FoundFile:
    """One file found under an argument.

    `shown` is the path as found under the argument (what the user typed,
    joined with the path below it); `rel_path` is the POSIX path given to
    extraction and classification: the argument folder's own name (or, for a
    file argument, its parent folder's name) followed by the path below it,
    so folder names the user pointed at still count as signals.
    """

    shown: str
    path: Path
    rel_path: str
    ignored: bool = False
    error: UnreadableReason | None = None


def is_ignored(name: str, patterns: Iterable[str]) -> bool:
    lowered = name.lower()
    return any(fnmatch(lowered, p.lower()) for p in patterns)


def _printable(text: str) -> str:
    """Undecodable bytes in a name become `\\xNN`, so the name can be printed as JSON
    and stays distinct (U+FFFD made 'Avtal \\xe4' and 'Avtal \\xfe' one name); the same
    form as the daemon's `scan.escape_name`."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _join(shown_root: str, rel: str) -> str:
    return f"{shown_root.rstrip('/')}/{rel}" if rel else shown_root


def _link_error(path: Path, root: Path) -> UnreadableReason | None:
    """None when the link resolves inside `root`, else why it is refused."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return UnreadableReason.LINK_LOOP
    except OSError as exc:
        return UnreadableReason.LINK_LOOP if exc.errno == 40 else UnreadableReason.VANISHED
    if target != root and root not in target.parents:
        return UnreadableReason.LINK_OUTSIDE_TREE
    return None


def _special(mode: int) -> bool:
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode))


def _walk_dir(root: Path, shown_root: str, patterns: tuple[str, ...]) -> Iterator[FoundFile]:
    base = root.name or "."
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            yield FoundFile(
                _printable(_join(shown_root, rel)),
                folder,
                f"{base}/{rel}".rstrip("/"),
                error=UnreadableReason.PERMISSION_DENIED,
            )
            continue
        subdirs: list[tuple[Path, str]] = []
        for entry in entries:
            entry_rel = f"{rel}/{entry.name}" if rel else entry.name
            found = _entry(entry, root, entry_rel, base, shown_root, patterns)
            if found is None:
                continue
            if isinstance(found, FoundFile):
                yield found
            else:
                subdirs.append((Path(entry.path), entry_rel))
        stack.extend(reversed(subdirs))


def _entry(
    entry: os.DirEntry[str],
    root: Path,
    rel: str,
    base: str,
    shown_root: str,
    patterns: tuple[str, ...],
) -> FoundFile | bool | None:
    """A FoundFile, True for a folder to descend, None to skip."""
    shown, rel_path, path = (
        _printable(_join(shown_root, rel)),
        _printable(f"{base}/{rel}"),
        Path(entry.path),
    )
    try:
        mode = entry.stat(follow_symlinks=False).st_mode
    except OSError:
        return FoundFile(shown, path, rel_path, error=UnreadableReason.VANISHED)
    if stat.S_ISDIR(mode):
        return None if is_ignored(entry.name, patterns) else True
    if is_ignored(entry.name, patterns):
        return FoundFile(shown, path, rel_path, ignored=True)
    if stat.S_ISLNK(mode):
        error = _link_error(path, root)
        if error is None and path.is_dir():
            return None  # its target inside the tree is walked anyway
        if error is None:
            path = path.resolve()  # read the target, which lies inside the tree
        return FoundFile(shown, path, rel_path, error=error)
    if _special(mode):
        return FoundFile(shown, path, rel_path, error=UnreadableReason.SPECIAL_FILE)
    return FoundFile(shown, path, rel_path)


def expand_paths(arguments: Iterable[str], ignore_patterns: tuple[str, ...]) -> Iterator[FoundFile]:
    """Every file under the arguments, in order. Missing arguments are the caller's check."""
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            yield from _walk_dir(path.resolve(), argument, ignore_patterns)
            continue
        parent = path.resolve().parent.name
        rel_path = _printable(f"{parent}/{path.name}" if parent else path.name)
        if is_ignored(path.name, ignore_patterns):
            yield FoundFile(_printable(argument), path, rel_path, ignored=True)
            continue
        try:
            mode = path.stat().st_mode  # an argument the user named may be a link
        except OSError:
            yield FoundFile(_printable(argument), path, rel_path, error=UnreadableReason.VANISHED)
            continue
        error = UnreadableReason.SPECIAL_FILE if _special(mode) else None
        yield FoundFile(_printable(argument), path, rel_path, error=error)
