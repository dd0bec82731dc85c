"""EDGE: watchdog observers that turn file events into paths on a queue, nothing more.

Events are hints: the daemon looks at each path itself (and re-scans every
root periodically, because watchers miss things). SMB/CIFS, NFS and other
network or FUSE filesystems deliver no inotify events for changes made by
other machines, so mode "auto" reads the filesystem type from
/proc/self/mountinfo and polls those; "poll" and "inotify" force a mode.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

__all__ = ["PathQueue", "RootWatcher", "choose_mode", "filesystem_type"]

Mode = Literal["inotify", "poll"]

# Filesystems where the local kernel does not see (all) changes: poll them.
NETWORK_FILESYSTEMS = frozenset(
    {
        "cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "afs", "ceph", "glusterfs", "lustre",
        "gpfs", "ocfs2", "gfs2", "vboxsf", "davfs", "fuse.sshfs", "fuse.glusterfs",
        "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.vmhgfs-fuse", "fuse.cephfs",
    }
)  # fmt: skip
# Events that say nothing about content (dramatiq's watcher drops them too).
_SILENT = frozenset({"opened", "closed_no_write"})


def _unescape_mount(field: str) -> str:
    """mountinfo escapes space, tab, newline and backslash as octal."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The filesystem type of the mount holding `path` (None when unknown).

    `mountinfo` is the text of /proc/self/mountinfo; read when not given.
    """
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right:
            continue
        mount_point = _unescape_mount(fields[4])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, right.split()[0]
    return best_type


def choose_mode(configured: str, fs_type: str | None) -> Mode:
    """inotify on local filesystems, polling on network/FUSE ones or when forced."""
    if configured == "poll":
        return "poll"
    if configured == "inotify":
        return "inotify"
    return "poll" if fs_type in NETWORK_FILESYSTEMS else "inotify"


class PathQueue:
    """Thread-safe set of (root key, relative path); a storm on one path is one entry."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[str, str], None] = {}
        self.wakeup = threading.Event()

    def put(self, root: str, rel: str) -> None:
        with self._lock:
            self._items[(root, rel)] = None
        self.wakeup.set()

    def drain(self) -> list[tuple[str, str]]:
        with self._lock:
            items = list(self._items)
            self._items.clear()
            self.wakeup.clear()
        return items

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


class _Handler(FileSystemEventHandler):
    def __init__(self, root_real: str, key: str, queue: PathQueue) -> None:
        self.root_real = root_real
        self.key = key
        self.queue = queue

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _SILENT:
            return
        if event.is_directory and event.event_type in ("modified", "attrib", "closed"):
            return  # a folder's mtime moves with every child; the children have their own events
        for raw in _paths(event):
            rel = os.path.relpath(raw, self.root_real)
            if rel == "." or rel.startswith(".." + os.sep) or rel == "..":
                continue
            self.queue.put(self.key, rel.replace(os.sep, "/"))


def _paths(event: FileSystemEvent) -> Iterable[str]:
    for raw in (event.src_path, getattr(event, "dest_path", "")):
        if raw:
            yield os.fsdecode(raw)


class RootWatcher:
    """One observer for one root; start/stop/join like a thread."""

    def __init__(
        self, key: str, path: Path, queue: PathQueue, mode: Mode, poll_interval_s: float
    ) -> None:
        self.key = key
        self.mode = mode
        root_real = os.path.realpath(path)
        observer: BaseObserver
        observer = PollingObserver(timeout=poll_interval_s) if mode == "poll" else Observer()
        observer.schedule(_Handler(root_real, key, queue), root_real, recursive=True)
        self._observer = observer

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        self._observer.stop()

    def join(self, timeout: float | None = None) -> None:
        self._observer.join(timeout)

    def is_alive(self) -> bool:
        return bool(self._observer.is_alive())
