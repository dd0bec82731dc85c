"""PURE: decides from observed (size, mtime, time) which files are done being written.

Watcher events and scans report what they saw about a path; the tracker
releases the path once the same (size, mtime) has been seen for
`stable_seconds` and no Office/LibreOffice lock file sits beside it. Many
events on one path coalesce into one entry, so an event storm becomes one
job. A vanished path (size None) waits the same time, so that a move's old
and new path are released together and recorded as one move.

No clock, no filesystem: the caller passes `now` (seconds, any monotonic
origin) and tells the tracker about lock files it saw.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StabilityTracker", "is_lock_name", "lock_names_for"]


def is_lock_name(name: str) -> bool:
    """Office (`~$x.docx`) and LibreOffice (`.~lock.x.docx#`) lock file names."""
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def lock_names_for(name: str) -> tuple[str, ...]:
    """Lock file names that, beside `name`, mean someone has it open.

    Word writes `~$` + name for short names and drops the first one or two
    characters of longer ones, so all three forms count.
    """
    forms = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return tuple(sorted(forms))


@dataclass(slots=True)
class _Seen:
    size: int | None
    mtime_ns: int | None
    since: float  # when this exact (size, mtime) was first seen


class StabilityTracker:
    """Paths waiting to be processed, keyed by POSIX path relative to a root."""

    def __init__(self, stable_seconds: float) -> None:
        self.stable_seconds = stable_seconds
        self._pending: dict[str, _Seen] = {}
        self._locks: set[str] = set()

    def __len__(self) -> int:
        return len(self._pending)

    def __contains__(self, path: object) -> bool:
        return path in self._pending

    def observe(self, path: str, size: int | None, mtime_ns: int | None, now: float) -> None:
        """Record what was seen at `path` (size None: it does not exist)."""
        seen = self._pending.get(path)
        if seen is None:
            self._pending[path] = _Seen(size, mtime_ns, now)
        elif (seen.size, seen.mtime_ns) != (size, mtime_ns):
            seen.size, seen.mtime_ns, seen.since = size, mtime_ns, now

    def set_lock(self, lock_path: str, *, present: bool) -> None:
        """A lock file appeared (present) or went away."""
        if present:
            self._locks.add(lock_path)
        else:
            self._locks.discard(lock_path)

    def replace_locks(self, prefix: str, lock_paths: set[str]) -> None:
        """After a walk of `prefix` ("" = everything): these are all its lock files."""
        if prefix:
            kept = {p for p in self._locks if not (p == prefix or p.startswith(prefix + "/"))}
        else:
            kept = set()
        self._locks = kept | lock_paths

    def is_locked(self, path: str) -> bool:
        """True when a lock file for `path` sits in the same directory."""
        if not self._locks:
            return False
        folder, _, name = path.rpartition("/")
        return any(
            (f"{folder}/{lock}" if folder else lock) in self._locks for lock in lock_names_for(name)
        )

    def forget(self, path: str) -> None:
        self._pending.pop(path, None)

    def pop_ready(self, now: float, limit: int | None = None) -> list[str]:
        """Remove and return the paths that are stable and unlocked.

        Existing paths come first and vanished ones last, so that a move's new
        path is recorded before its old one is considered gone.
        """
        present: list[str] = []
        vanished: list[str] = []
        for path, seen in self._pending.items():
            if now - seen.since < self.stable_seconds:
                continue
            if seen.size is None:
                vanished.append(path)
            elif not self.is_locked(path):
                present.append(path)
        ready = sorted(present) + sorted(vanished)
        if limit is not None:
            ready = ready[:limit]
        for path in ready:
            del self._pending[path]
        return ready

    def next_due(self) -> float | None:
        """The earliest time at which some pending path may become ready (None: nothing pending)."""
        if not self._pending:
            return None
        return min(seen.since for seen in self._pending.values()) + self.stable_seconds
