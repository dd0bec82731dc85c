"""Use cases of ingest: scan a root, ingest paths, report status, list files.

Identity rules (each change is one transaction with its audit event):
- a file at a new path whose content (SHA-256) belongs to a present document
  whose path no longer exists is that document, *moved*;
- new content at a known path is a *new version* of the same document;
- a path that no longer exists marks its document *gone* (kept, with time);
- content of a gone document appearing again is that document *returned*;
- content that a present document also holds is a new document, a *copy*,
  linked to the older one;
- a file that cannot be read is recorded with its reason (`unreadable`).

Unchanged files (same size, mtime and inode as stored) are never re-read.
After each committed chunk the changes go to `pipeline.after_changes`.
Hashing and extraction happen before the transaction; decisions inside it,
on fresh rows, so two writers (daemon and a manual scan) cannot record a
file twice.

Who reads a file (issue #3): an extractor that can (`ReadingExtractor`, the
worker pool) reads, hashes, extracts and encodes it in one go, so the file is
read once and this process does not touch its bytes. Content already known is
never extracted again: each such job carries the hashes of the extracted
contents of its size, and the worker only hashes a file that has one of them.
Other extractors get files hashed here first, as do files over the size cap.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar, runtime_checkable

import structlog

from recordkeeper.config import Settings
from recordkeeper.errors import StoreError
from recordkeeper.ingest.extract import Limits, codec, extract_file
from recordkeeper.ingest.pool import NOT_READY, Extracted, NotReady
from recordkeeper.ingest.scan import (
    FileEntry,
    HashOutcome,
    ScanResult,
    compile_ignore,
    hash_file,
    inspect_path,
    lexists,
    project_of,
    scan_tree,
    stat_key,
)
from recordkeeper.ingest.stability import lock_names_for
from recordkeeper.logs import log_ref
from recordkeeper.model import (
    AuditEvent,
    DocumentFacts,
    ExtractionResult,
    Unreadable,
    UnreadableReason,
    fast_constructor,
    new_audit_event,
)
from recordkeeper.services import stage_failures
from recordkeeper.services.context import Context
from recordkeeper.services.pipeline import (
    DocumentChange,
    Written,
    after_changes,
    new_change,
    within_commit,
    worker_analyzer,
)
from recordkeeper.services.registration_catchup import count_unprompted
from recordkeeper.services.roots import RootSpec as RootSpec  # re-exported: roots live there
from recordkeeper.services.roots import configured_roots as configured_roots
from recordkeeper.services.roots import resolve_roots as resolve_roots
from recordkeeper.services.roots import root_key as root_key
from recordkeeper.store import bulk, folder_digests
from recordkeeper.store import repo_documents as repo
from recordkeeper.store.repo_classification import PresentDocument
from recordkeeper.store.tables import DocumentRow, ExtractionRow, VersionRow
from recordkeeper.store.tables_ingest import DocumentLinkRow
from recordkeeper.store.unit import Tx

log = structlog.get_logger(__name__)

# Reasons that may go away without the file changing (chmod does not touch mtime).
RETRY_REASONS = frozenset({"permission_denied", "vanished", "internal"})
LAST_SCAN_KEY = "ingest.last_scan."
QUEUE_KEY = "ingest.queue"
# Files per chunk (one transaction, one batch for the workers). Each commit writes every
# page the chunk touched (random ids and hashes: most leaf pages of a dozen indexes) and
# each chunk runs ~10 queries and two savepoints: 128 costs this process ~15 % less CPU
# than 64 (docs/benchmarks.md, session 7). 256 commits so rarely that a kill or a crash
# loses more work, and the daemon's SIGKILL test saw too few commits.
CHUNK = 128
_AHEAD = 2  # chunks read ahead of the one being stored
# The last chunk's files come in this many smaller chunks (when there are at least
# _TAIL_MIN of them): the last chunk is stored while the workers have nothing left to do,
# so a smaller one ends the scan sooner (at ~0.18 ms of this process's CPU a file, the
# bench's last 104 files were ~19 ms, its last 26 ~5 ms: an estimate, not a timing).
_TAIL_PARTS = 4
_TAIL_MIN = 32
T = TypeVar("T")
# A file of a size that this many extracted contents share is hashed here: the hashes
# would travel to a worker with the file (a fixed-size export format, say).
KNOWN_PER_JOB = 64


@dataclass(frozen=True, slots=True)
class ExtractJob:
    """A file to extract: hashed already (`sha256`), or to read and hash under `root`
    (and not to extract if its hash is among `known`). A `root` job's `path` is None:
    the extractor reads `rel_path` under `root` (`file` joins them when needed), so no
    `Path` is made and sent for each file a worker reads (issue #3)."""

    path: Path | None
    rel_path: str
    project: str | None
    sha256: str | None
    root: Path | None = None
    known: frozenset[str] = frozenset()

    @property
    def file(self) -> Path:
        """The file: `path`, or `rel_path` under `root`."""
        if self.path is not None:
            return self.path
        if self.root is None:
            raise ValueError("an ExtractJob needs a path or a root")
        return self.root / self.rel_path


class Extractor(Protocol):
    """Turns files into facts. Implementations SHALL return one result per job, in order,
    and SHALL NOT raise for bad input (return `Unreadable`). They MAY run jobs in parallel."""

    def extract_many(self, jobs: Sequence[ExtractJob]) -> list[ExtractionResult]: ...


Analyzer = Callable[[DocumentFacts], Any]
Analyzed = tuple[ExtractionResult, Any]


@runtime_checkable
class AnalyzingExtractor(Extractor, Protocol):
    """An extractor with worker processes that can also run `analyzer` on each readable
    result where it extracts: one `(result, analysis)` per job, in order; analysis None
    when the file is unreadable or the analyzer failed."""

    @property
    def workers(self) -> int: ...

    def extract_analyzed(
        self, jobs: Sequence[ExtractJob], analyzer: Analyzer
    ) -> list[Analyzed]: ...


_Fresh = tuple[ExtractionResult | None, Any, bytes | None]  # an Extracted without outcome


@runtime_checkable
class ReadingExtractor(Protocol):
    """An extractor whose workers also read and hash files and encode results.

    `extract_read` SHALL return one `Extracted` per job, in order, and SHALL NOT
    raise for bad input. A job with a `root` SHALL be read under it as
    `scan.read_checked` does, hashed and (when readable, unchanged while read and
    its hash not among the job's `known`) extracted from those same bytes, with the
    outcome beside the result (None when not extracted); the outcome MAY be None
    when the worker failed (the result says how). With
    `encode`, a result to be stored SHALL come encoded by `codec.dumps` too.
    `analyzer` (None: none) runs on each readable result.
    """

    @property
    def workers(self) -> int: ...

    def extract_read(
        self, jobs: Sequence[ExtractJob], analyzer: Analyzer | None, *, encode: bool
    ) -> list[Extracted]: ...


# The next chunk's jobs (never empty), None when there are no more, or NOT_READY (with
# its argument True the source waits instead): see `pool.BatchSource`.
JobBatches = Callable[[bool], "Sequence[ExtractJob] | NotReady | None"]


@runtime_checkable
class StreamingExtractor(ReadingExtractor, Protocol):
    """A `ReadingExtractor` that also takes jobs chunk after chunk, as `extract_read`
    would take each chunk, starting a chunk's jobs while the previous chunk's last
    ones still run. `extract_stream` SHALL yield each batch's answers, in order."""

    def extract_stream(
        self, batches: JobBatches, analyzer: Analyzer | None, *, encode: bool
    ) -> Iterator[list[Extracted]]: ...


class InProcessExtractor:
    """Extraction in this process (no isolation): used until a worker pool is handed in."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def extract_many(self, jobs: Sequence[ExtractJob]) -> list[ExtractionResult]:
        return [extract_file(j.file, j.rel_path, self.limits, j.project) for j in jobs]


def analyzes_in_workers(workers: int) -> bool:
    """Whether ingest has its extraction workers run the stages' analyzer (the
    classifier) beside extraction; see `RootIngestor._worker_analyzer`."""
    return workers >= 2


def limits_from(settings: Settings) -> Limits:
    cfg = settings.ingest
    return Limits(
        max_file_bytes=cfg.max_file_bytes,
        max_uncompressed_bytes=cfg.max_uncompressed_bytes,
        max_compression_ratio=cfg.max_compression_ratio,
        max_text_chars=cfg.max_text_chars,
        timeout_s=cfg.extract_timeout_seconds,
        memory_mb=cfg.extract_memory_mb,
    )


FactsEncoder = Callable[[ExtractionResult], bytes]


@dataclass
class IngestReport:
    """What one pass did; `pending` holds paths to try again (still written, or locked)."""

    root: str
    seen: int = 0
    ignored: int = 0
    unchanged: int = 0
    changes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    unlisted_dirs: Counter[str] = field(default_factory=Counter)
    pending: list[str] = field(default_factory=list)
    duration_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "seen": self.seen,
            "ignored": self.ignored,
            "unchanged": self.unchanged,
            "changes": dict(self.changes),
            "errors": dict(self.errors),
            "unlisted_dirs": dict(self.unlisted_dirs),
            "pending": len(self.pending),
            "duration_s": round(self.duration_s, 3),
        }


@dataclass(frozen=True, slots=True)
class Plan:
    """A full walk compared with the store: what to look at, and what is missing."""

    candidates: list[FileEntry]
    missing: list[str]
    locks: set[str]
    seen: int
    ignored: int
    unchanged: int
    unlisted_dirs: dict[str, UnreadableReason]


Progress = Callable[[int, int], None]
StopCheck = Callable[[], bool]


def _is_unchanged(known: repo.KnownStat | None, entry: FileEntry) -> bool:
    if known is None:
        return False
    size, mtime_ns, inode, error = known
    if (size, mtime_ns, inode) != (entry.size, entry.mtime_ns, entry.inode):
        return False
    if error in RETRY_REASONS:
        return False
    return entry.problem is None or error == entry.problem.value


def _under(path: str, prefixes: Iterable[str]) -> bool:
    return any(p == "" or path == p or path.startswith(p + "/") for p in prefixes)


class RootIngestor:
    """Applies what is on disk under one root to the store."""

    def __init__(
        self,
        ctx: Context,
        root: RootSpec,
        extractor: Extractor | None = None,
        encode_facts: FactsEncoder | None = None,
    ) -> None:
        self.ctx = ctx
        self.root = root
        self.ignore = compile_ignore(ctx.settings.ingest.ignore_patterns)
        self.extractor = extractor or InProcessExtractor(limits_from(ctx.settings))
        self.encode_facts = encode_facts or codec.dumps
        self._max_bytes = ctx.settings.ingest.max_file_bytes

    # ---- planning --------------------------------------------------------------------------

    def plan(self) -> Plan:
        """Walk the root and compare (size, mtime, inode) with the store; nothing is read.

        A folder whose listing has the digest last verified for it is unchanged
        without loading its documents (`store.folder_digests`); the documents of
        the other folders are loaded and compared file by file, and those found
        equal to their listing get a digest for the next time.
        """
        key = self.root.key
        with self.ctx.store.read() as session:
            stored = folder_digests.load(session, key)  # before any document: see its save()
        given = {f: s.digest for f, s in stored.items() if s.digest is not None}
        if given:
            walk = scan_tree(self.root.path, self.ignore, digests=given)
            dirty = [f for f in walk.folders if f not in walk.matched]
            with self.ctx.store.read() as session:
                clean, flagged = folder_digests.known_for(session, key, stored, walk.matched, dirty)
        else:  # no digest to go by: every row is needed; the walk compares as it goes
            with self.ctx.store.read() as session:
                clean, flagged = repo.known_stat_keys(session, key)
            walk = scan_tree(self.root.path, self.ignore, known=clean, digests=given)
            dirty = list(walk.folders)
        candidates: list[FileEntry] = []
        unchanged = walk.unchanged
        for entry in walk.entries:
            rel = entry.rel_path
            known_key = clean.pop(rel, None)
            if known_key is not None:
                if entry.problem is None and known_key == stat_key(
                    entry.size, entry.mtime_ns, entry.inode
                ):
                    unchanged += 1
                else:
                    candidates.append(entry)
            elif _is_unchanged(flagged.pop(rel, None), entry):
                unchanged += 1
            else:
                candidates.append(entry)
        known = [*clean, *flagged]  # what the walk did not see
        self._save_digests(walk, stored, dirty, candidates, known)
        unlisted = walk.unlisted_dirs
        missing = [p for p in known if not _under(p, unlisted)]
        seen_nothing = not walk.entries and not walk.unchanged and not walk.ignored
        if missing and seen_nothing and walk.dirs <= 1:
            # An empty root with documents on record is an unmounted share, not mass deletion.
            log.warning("root_empty_refusing_gone", root=self.root.key, documents=len(missing))
            missing = []
        return Plan(
            candidates,
            sorted(missing),
            walk.locks,
            len(walk.entries) + walk.unchanged,
            walk.ignored,
            unchanged,
            unlisted,
        )

    def _save_digests(
        self,
        walk: ScanResult,
        stored: dict[str, folder_digests.FolderState],
        dirty: list[str],
        candidates: list[FileEntry],
        unseen: list[str],
    ) -> None:
        """Digest the dirty folders found equal to the store (no candidate, nothing unseen)."""
        folder_of = folder_digests.folder_of
        changed = {folder_of(e.rel_path) for e in candidates} | {folder_of(p) for p in unseen}
        verified = []
        for folder in dirty:
            listing = walk.folders[folder]
            if listing is not None and folder not in changed:
                state = stored.get(folder)
                epoch = None if state is None else state.epoch
                verified.append(folder_digests.Verified(folder, *listing, epoch))
        if verified:
            with self.ctx.store.transaction() as tx:
                folder_digests.save(tx.session, self.root.key, verified)

    def scan(
        self, progress: Progress | None = None, should_stop: StopCheck | None = None
    ) -> IngestReport:
        """One full pass: plan, then process every new, changed or missing path."""
        started = time.monotonic()
        plan = self.plan()
        report = IngestReport(root=self.root.key, seen=plan.seen, ignored=plan.ignored)
        report.unchanged = plan.unchanged
        report.unlisted_dirs.update(r.value for r in plan.unlisted_dirs.values())
        items: list[str | FileEntry] = [*plan.candidates, *plan.missing]
        self.process(items, report, progress, should_stop)
        report.duration_s = time.monotonic() - started
        self.record_scan(report)
        log.info("scan_finished", **report.as_dict())
        return report

    def record_scan(self, report: IngestReport) -> None:
        value = {"at": self.ctx.clock.now().isoformat(), **report.as_dict()}
        with self.ctx.store.transaction() as tx:
            repo.put_state(tx.session, LAST_SCAN_KEY + self.root.key, value)

    # ---- processing ------------------------------------------------------------------------

    def process(
        self,
        paths: Sequence[str | FileEntry],
        report: IngestReport | None = None,
        progress: Progress | None = None,
        should_stop: StopCheck | None = None,
    ) -> IngestReport:
        """Record what changed at each path (a file, a folder, or gone) or seen entry.

        Paths that are still being written or are locked come back in `report.pending`.
        """
        report = report or IngestReport(root=self.root.key)
        total = len(paths)
        chunks = chunked(paths, CHUNK)
        done = 0
        # Three stages overlap, one thread each: looking at and hashing a chunk, extracting
        # it in the workers, storing it here; so the workers are never left waiting for
        # this process. With a streaming extractor (the pool) the reading thread hands the
        # workers the next chunk's files while the last of a chunk still run, so they do not
        # wait at each chunk's end either (their idle time in all, measured idle, did not fall:
        # docs/benchmarks.md, session 17).
        # Decisions stay inside each chunk's transaction, so a chunk read early is still
        # recorded correctly.
        feed = _Feed() if isinstance(self.extractor, StreamingExtractor) else None
        with (
            ThreadPoolExecutor(1, thread_name_prefix="ingest-hash") as hasher,
            ThreadPoolExecutor(1, thread_name_prefix="ingest-read") as reader,
        ):
            if feed is not None:
                reader.submit(self._read_stream, feed)
            ahead: deque[Future[_Prepared]] = deque()
            try:
                for index, chunk in enumerate(chunks):
                    if should_stop is not None and should_stop():
                        report.pending.extend(_rel(p) for p in paths[done:])
                        break
                    while len(ahead) <= _AHEAD and index + len(ahead) < len(chunks):
                        looked = hasher.submit(self._look, chunks[index + len(ahead)])
                        if feed is not None:
                            ahead.append(feed.add(looked))
                        else:
                            ahead.append(reader.submit(self._read, looked))
                    changes = self._store_chunk(ahead.popleft().result(), report)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
                    after_changes(self.ctx, changes)
            finally:
                for future in ahead:
                    future.cancel()
                if feed is not None:
                    feed.close()  # the stream ends once it has the chunks handed to it
        return report

    def _look(self, paths: Sequence[str | FileEntry]) -> _Looked:
        """Look at and hash a chunk (no writes); counts go to a report of its own."""
        report = IngestReport(root=self.root.key)
        entries: list[FileEntry] = []
        vanished: list[str] = []
        work: list[_Work] = []
        for rel in paths:
            if isinstance(rel, FileEntry):
                entries.append(rel)
                continue
            found = inspect_path(self.root.path, rel, self.ignore)
            if found is None:
                vanished.append(rel)
                continue
            entries.extend(found.entries)
            report.unlisted_dirs.update(r.value for r in found.unlisted_dirs.values())
            if found.ignored and not found.entries:
                work.append(_Work(rel, self._mark_ignored, (rel,)))
        to_read: list[tuple[FileEntry, frozenset[str]]] = []
        hashed = self._hash_entries(entries, report, work, vanished, to_read)
        return _Looked(work, report, hashed, vanished, to_read)

    def _read(self, looked: Future[_Looked]) -> _Prepared:
        """Extract what a looked-at chunk needs (in the workers) and line up its work."""
        planned = self._plan(looked.result())
        return self._prepare(planned, self._run_extractor(planned.jobs) if planned.jobs else [])

    def _read_stream(self, feed: _Feed) -> None:
        """The reading thread with a streaming extractor: every chunk `feed` hands over,
        in one stream of jobs. No chunk's future is left unsettled, whatever happens."""
        taken: deque[tuple[Future[_Prepared], _Planned]] = deque()
        try:
            self._stream_chunks(feed, taken)
        except BaseException as exc:
            for prepared, _ in taken:
                if not prepared.done():
                    prepared.set_exception(exc)
            feed.fail(exc)
            raise

    def _stream_chunks(self, feed: _Feed, taken: deque[tuple[Future[_Prepared], _Planned]]) -> None:
        extractor = self.extractor
        assert isinstance(extractor, StreamingExtractor)

        def next_batch(wait: bool) -> list[ExtractJob] | NotReady | None:
            while (entry := feed.next(wait)) is not None:
                if isinstance(entry, NotReady):
                    return entry
                prepared, looked = entry
                if not prepared.set_running_or_notify_cancel():
                    continue  # the storing thread stopped before this chunk
                try:
                    planned = self._plan(looked.result())
                except BaseException as exc:  # raised in the storing thread, as before
                    prepared.set_exception(exc)
                    continue
                if not planned.jobs:
                    _settle(prepared, self._prepare, planned, [])
                    continue
                taken.append((prepared, planned))
                return planned.jobs
            return None

        encode = self.encode_facts is codec.dumps
        analyzer = self._worker_analyzer()
        try:
            for answers in extractor.extract_stream(next_batch, analyzer, encode=encode):
                prepared, planned = taken.popleft()
                _settle(prepared, self._prepare, planned, answers)
        except Exception as exc:  # an extractor breaking its contract must not lose the chunks
            log.error("extractor_failed", root=self.root.key, error=type(exc).__name__)
            while taken:
                prepared, planned = taken.popleft()
                _settle(prepared, self._prepare, planned, _internal(planned.jobs, exc))
            while (entry := feed.next(True)) is not None:  # the rest one chunk at a time
                assert not isinstance(entry, NotReady)
                prepared, looked = entry
                if prepared.set_running_or_notify_cancel():
                    _settle(prepared, self._read, looked)

    def _prepare(self, planned: _Planned, answers: list[Extracted]) -> _Prepared:
        """Line up a chunk's work from its extractor's `answers` to `planned.jobs`."""
        work, report, hashed, vanished, to_read = planned.looked
        jobs = planned.jobs
        results: dict[str, _Fresh] = {
            job.sha256: (result, analysis, payload)
            for job, (result, analysis, payload, _) in zip(jobs, answers, strict=True)
            if job.sha256 is not None
        }
        read = answers[len(jobs) - len(to_read) :]
        # a copy in the chunk is extracted and analyzed at its own path too: the stages
        # can take its own analysis (the first file's is for another path)
        analyzed: dict[str, Any] = {}
        for (entry, _), (fresh, analysis, payload, outcome) in zip(to_read, read, strict=True):
            if outcome is None:  # the worker failed on it: hash here, keep what it said
                outcome = hash_file(self.root.path, entry.rel_path)
            if self._sort_outcome(entry, outcome, report, work, vanished):
                hashed.append((entry, outcome))
                if fresh is not None:  # None: known content, extracted before
                    results.setdefault(outcome.sha256 or "", (fresh, analysis, payload))
                    analyzed[entry.rel_path] = analysis
        for fresh, _, _ in results.values():
            if isinstance(fresh, Unreadable):
                report.errors[fresh.reason.value] += 1
        for entry, outcome in hashed:
            result, analysis, payload = results.get(outcome.sha256 or "", (None, None, None))
            analysis = analyzed.get(entry.rel_path, analysis)
            args = (entry, outcome, result, analysis, payload)
            work.append(_new_work(entry.rel_path, self._apply_content, args))
        work.extend(_Work(rel, self._apply_vanished, (rel,)) for rel in vanished)
        return _Prepared(work, report)

    def _store_chunk(self, prepared: _Prepared, report: IngestReport) -> list[DocumentChange]:
        part = prepared.report
        report.unchanged += part.unchanged
        report.errors.update(part.errors)
        report.unlisted_dirs.update(part.unlisted_dirs)
        report.pending.extend(part.pending)
        changes = self._commit(prepared.work, report)
        for change in changes:
            report.changes[change.change] += 1
        return changes

    def _commit(self, work: list[_Work], report: IngestReport) -> list[DocumentChange]:
        """Apply a chunk in one transaction, each file in a savepoint of its own.

        A file that fails rolls back to its savepoint, is logged and counted, and
        the others commit. If the transaction itself fails (database locked, disk
        full), each file is retried in a transaction of its own.
        """
        if not work:
            return []
        changes: list[DocumentChange] = []
        failed: list[tuple[str, Exception]] = []
        try:
            with self.ctx.store.transaction() as tx:
                rest, written = self._apply_fresh(tx, work, changes)
                for item in rest:
                    try:
                        with tx.savepoint():
                            changes.extend(item.fn(tx, *item.args))
                    except Exception as exc:
                        failed.append((item.rel, exc))
                # the rows inserted in bulk are as written unless other work of the chunk ran
                changes = within_commit(self.ctx, tx, changes, None if rest else written)
        except StoreError:
            log.warning("ingest_chunk_retried_per_file", root=self.root.key, files=len(work))
            changes, failed = [], []
            for item in work:
                try:
                    with self.ctx.store.transaction() as tx:
                        changes.extend(item.fn(tx, *item.args))
                except Exception as exc:
                    failed.append((item.rel, exc))
        for rel, error in failed:
            self._failed(rel, report, error)
        return changes

    def _failed(self, rel: str, report: IngestReport, exc: Exception) -> None:
        """One file's failure is logged and counted; the pass goes on (no path in the log)."""
        report.errors["internal"] += 1
        report.pending.append(rel)
        log.error(
            "ingest_file_failed",
            root=self.root.key,
            path_sha256=log_ref(rel, 16),
            error=type(exc).__name__,
            exc_info=exc,
        )

    def _hash_entries(
        self,
        entries: list[FileEntry],
        report: IngestReport,
        work: list[_Work],
        vanished: list[str],
        to_read: list[tuple[FileEntry, frozenset[str]]],
    ) -> list[tuple[FileEntry, HashOutcome]]:
        """Line up the entries to look at: the extractor's workers read them (`to_read`,
        with the extracted contents of their size), or they are hashed here."""
        hashed: list[tuple[FileEntry, HashOutcome]] = []
        reads = isinstance(self.extractor, ReadingExtractor)
        with self.ctx.store.read() as session:
            known = repo.known_stats_of(session, self.root.key, [e.rel_path for e in entries])
            sizes = {e.size for e in entries if e.size <= self._max_bytes} if reads else set()
            extracted = repo.extracted_by_size(session, sizes) if sizes else {}
        for entry in entries:
            if _is_unchanged(known.get(entry.rel_path), entry):
                report.unchanged += 1
                continue
            if entry.problem is not None:
                report.errors[entry.problem.value] += 1
                work.append(_Work(entry.rel_path, self._apply_problem, (entry, None)))
                continue
            if self._is_locked(entry.rel_path):
                report.pending.append(entry.rel_path)
                continue
            same_size = extracted.get(entry.size, frozenset())
            if entry.size in sizes and len(same_size) <= KNOWN_PER_JOB:
                to_read.append((entry, same_size))
                continue
            outcome = hash_file(self.root.path, entry.rel_path)
            if self._sort_outcome(entry, outcome, report, work, vanished):
                hashed.append((entry, outcome))
        return hashed

    def _sort_outcome(
        self,
        entry: FileEntry,
        outcome: HashOutcome,
        report: IngestReport,
        work: list[_Work],
        vanished: list[str],
    ) -> bool:
        """File a read that went wrong (gone, a problem, still written); True if it did not."""
        if outcome.problem == UnreadableReason.VANISHED:
            vanished.append(entry.rel_path)
        elif outcome.problem is not None:
            report.errors[outcome.problem.value] += 1
            work.append(_Work(entry.rel_path, self._apply_problem, (entry, outcome.problem)))
        elif not outcome.is_stable:
            report.pending.append(entry.rel_path)
        else:
            return True
        return False

    def _is_locked(self, rel: str) -> bool:
        # strings, not Paths: four Path joins per file cost more than the lstat()s
        folder, _, name = rel.rpartition("/")
        base = f"{self.root.path}/{folder}" if folder else str(self.root.path)
        return any(lexists(f"{base}/{lock}") for lock in lock_names_for(name))

    def _plan(self, looked: _Looked) -> _Planned:
        """The jobs for the extractor: the hashed contents not extracted yet, then one
        job per file of `to_read` (in order)."""
        hashed, to_read = looked.hashed, looked.to_read
        missing: set[str] = set()
        if hashed:
            with self.ctx.store.read() as session:
                missing = repo.missing_extractions(session, [h.sha256 or "" for _, h in hashed])
        jobs: list[ExtractJob] = []
        for entry, outcome in hashed:
            if outcome.sha256 in missing:
                missing.discard(outcome.sha256)  # copies in one chunk are read once
                path, rel = self.root.path / entry.rel_path, entry.rel_path
                jobs.append(ExtractJob(path, rel, project_of(rel), outcome.sha256))
        root = self.root.path
        for entry, extracted in to_read:
            rel = entry.rel_path
            jobs.append(_new_job(None, rel, project_of(rel), None, root, extracted))
        return _Planned(looked, jobs)

    def _run_extractor(self, jobs: list[ExtractJob]) -> list[Extracted]:
        analyzer = self._worker_analyzer()
        try:
            if isinstance(self.extractor, ReadingExtractor):
                encode = self.encode_facts is codec.dumps
                return self.extractor.extract_read(jobs, analyzer, encode=encode)
            if analyzer is not None and isinstance(self.extractor, AnalyzingExtractor):
                analyzed = self.extractor.extract_analyzed(jobs, analyzer)
                return [Extracted(r, a) for r, a in analyzed]
            return [Extracted(r) for r in self.extractor.extract_many(jobs)]
        except Exception as exc:  # an extractor breaking its contract must not lose the chunk
            log.error("extractor_failed", root=self.root.key, error=type(exc).__name__)
            return _internal(jobs, exc)

    def _worker_analyzer(self) -> Analyzer | None:
        """The stages' worker-side work (classification), when the workers should do it.

        With one extraction worker this process has a core's worth of room beside it
        and does that work in its stages, in parallel with the worker's extraction;
        with two or more, this process would become the bottleneck, so they do it.
        """
        extractor = self.extractor
        if isinstance(extractor, (AnalyzingExtractor, ReadingExtractor)) and analyzes_in_workers(
            extractor.workers
        ):
            return worker_analyzer(self.ctx)
        return None

    # ---- one transaction per file ----------------------------------------------------------

    def _audit(
        self, tx: Tx, event: str, doc: DocumentRow | _DocRef, **data: str | int | None
    ) -> None:
        tx.record(self._event(event, doc, **data))

    def _event(
        self, event: str, doc: DocumentRow | _DocRef, **data: str | int | None
    ) -> AuditEvent:
        return self._event_at(event, doc, self.ctx.clock.now(), data)

    def _event_at(
        self, event: str, doc: DocumentRow | _DocRef, at: datetime, data: dict[str, Any]
    ) -> AuditEvent:
        return new_audit_event(
            event=event,
            at=at,
            document_id=doc.id,
            project_id=doc.project,
            sha256=doc.current_sha256,
            data={k: v for k, v in data.items() if v is not None},
        )

    def _change(
        self,
        doc: DocumentRow | _DocRef,
        change: str,
        previous: str | None = None,
        result: ExtractionResult | None = None,
        analysis: Any = None,
        previous_project: str | None = None,
    ) -> DocumentChange:
        facts = result if isinstance(result, DocumentFacts) else None
        return new_change(
            document_id=doc.id,
            change=change,
            at=self.ctx.clock.now(),
            project=doc.project,
            sha256=doc.current_sha256,
            previous_sha256=previous,
            facts=facts,
            analysis=analysis if facts is not None else None,
            previous_project=previous_project,
        )

    def _save_extraction(
        self, tx: Tx, sha256: str, result: ExtractionResult | None, payload: bytes | None = None
    ) -> str | None:
        """Store a fresh extraction (`payload`: already encoded); return the content's
        error reason (None: readable)."""
        if result is None:
            return repo.extraction_error(tx.session, sha256)
        if isinstance(result, DocumentFacts):
            facts = payload or self.encode_facts(result)
            repo.save_extraction(
                tx.session, sha256, kind=result.kind, facts=facts, error_reason=None,
                error_detail=None, at=self.ctx.clock.now(),
            )  # fmt: skip
            return None
        if result.reason == UnreadableReason.INTERNAL:
            return result.reason.value  # not cached: the next pass tries again
        repo.save_extraction(
            tx.session, sha256, kind=None, facts=payload or self.encode_facts(result),
            error_reason=result.reason.value,
            error_detail=result.detail or None, at=self.ctx.clock.now(),
        )  # fmt: skip
        return result.reason.value

    def _apply_content(
        self,
        tx: Tx,
        entry: FileEntry,
        outcome: HashOutcome,
        result: ExtractionResult | None,
        analysis: Any = None,
        payload: bytes | None = None,
    ) -> list[DocumentChange]:
        sha = outcome.sha256
        assert sha is not None
        now = self.ctx.clock.now()
        rel = entry.rel_path
        error = self._save_extraction(tx, sha, result, payload)
        doc = repo.present_at(tx.session, self.root.key, rel)
        previous = doc.current_sha256 if doc is not None else None
        if doc is not None and previous == sha:
            _set_stat(doc, outcome, now)
            doc.error_reason, doc.error_detail = error, None
            return []
        left: str | None = None  # the project a moved document left
        if doc is not None:
            kind = "new_version"
            _set_stat(doc, outcome, now)
            self._add_content(tx, doc, outcome, now)
            self._audit(tx, "document_version_added", doc, previous_sha256=previous)
        else:
            doc, kind, previous, left = self._place_new_path(tx, rel, outcome, now)
        doc.error_reason, doc.error_detail = error, None
        changes = [self._change(doc, kind, previous, result, analysis, left)]
        if error is not None:
            self._audit(tx, "document_unreadable", doc, reason=error)
            changes.append(self._change(doc, "unreadable"))
        return changes

    def _apply_fresh(
        self,
        tx: Tx,
        work: list[_Work],
        changes: list[DocumentChange],
    ) -> tuple[list[_Work], Written | None]:
        """Record, in a few statements, every file of the chunk that is simply new or a copy.

        That is a file with no document (in any state) at its path whose content is
        held by no document that could make it a move or a return: none gone in this
        root, none present in this root at a path that no longer exists. It becomes
        a new document, linked as a copy to the oldest present holder of its content
        (or to the first file of the chunk with it). The rows are inserted in bulk
        with their audit events, in a savepoint; if that fails, every file goes the
        per-file way. Returns the work left to do and what it wrote (None: nothing).
        """
        content = [w for w in work if w.fn == self._apply_content]
        if len(content) < 2:
            return work, None
        session = tx.session
        try:
            with tx.savepoint():
                taken = repo.paths_with_documents(session, self.root.key, [w.rel for w in content])
                holders = repo.content_holders(session, [w.args[1].sha256 for w in content])
                plan: list[tuple[_Work, str | None]] = []  # (file, copy source id or "")
                first: dict[str, _Work] = {}  # content -> first file of the chunk planned here
                slow: set[str] = set()  # contents that must go the per-file way
                for item in content:
                    sha = item.args[1].sha256
                    if sha in slow or item.rel in taken or self._may_move(holders.get(sha, ())):
                        slow.add(sha)
                        continue
                    present = [h.id for h in holders.get(sha, ()) if h.state == repo.PRESENT]
                    plan.append((item, present[0] if present else ("" if sha in first else None)))
                    first.setdefault(sha, item)
                if not plan:
                    return work, None
                done, rows = self._insert_new(tx, plan)
        except Exception as exc:  # the per-file way isolates what failed
            log.warning("ingest_bulk_insert_failed", root=self.root.key, error=type(exc).__name__)
            return work, None
        changes.extend(done)
        handled = {id(w) for w, _ in plan}
        return [w for w in work if id(w) not in handled], _written(rows, holders)

    def _may_move(self, holders: Sequence[repo.Holder]) -> bool:
        """Whether a holder of the content could make a new path a move or a return."""
        return any(
            h.root == self.root.key
            and (h.state == repo.GONE or (h.state == repo.PRESENT and not self._exists(h.path)))
            for h in holders
        )

    def _exists(self, rel: str) -> bool:
        return os.path.lexists(self.root.path / rel)

    def _insert_new(
        self, tx: Tx, plan: list[tuple[_Work, str | None]]
    ) -> tuple[list[DocumentChange], list[PresentDocument]]:
        """Insert the planned files; a source "" means the first file of the chunk with
        the same content (already planned, so its document id is known by then).
        Returns their changes and their rows as classifying reads them."""
        session = tx.session
        now = self.ctx.clock.now()
        cached = repo.extraction_errors(session, [w.args[1].sha256 for w, _ in plan])
        extractions: dict[str, dict[str, Any]] = {}
        errors: dict[str, str | None] = {}
        documents: list[dict[str, Any]] = []
        versions: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        events: list[tuple[str, _DocRef, dict[str, str | None]]] = []
        made: dict[str, str] = {}  # content -> document id of its first new document here
        changes: list[DocumentChange] = []
        for item, source in plan:
            entry, outcome, result, analysis, payload = item.args
            sha = outcome.sha256
            if sha not in errors:
                if result is None:
                    errors[sha] = cached.get(sha)
                else:
                    errors[sha], row = self._extraction_row(sha, result, now, payload)
                    if row is not None and sha not in cached:
                        extractions[sha] = row
            error = errors[sha]
            doc = _DocRef(repo.new_document_id(), project_of(entry.rel_path), sha)
            documents.append(
                {"id": doc.id, "root": self.root.key, "path": entry.rel_path,
                 "project": doc.project, "state": repo.PRESENT, "first_seen_at": now,
                 "last_seen_at": now, "gone_at": None, "current_sha256": sha,
                 "size": outcome.size, "mtime_ns": outcome.mtime_ns, "inode": outcome.inode,
                 "error_reason": error, "error_detail": None}
            )  # fmt: skip
            versions.append(
                {"document_id": doc.id, "sha256": sha, "size": outcome.size,
                 "mtime_ns": outcome.mtime_ns, "seen_at": now}
            )  # fmt: skip
            copy_of = made.get(sha) if source == "" else source
            made.setdefault(sha, doc.id)
            if copy_of is None:
                events.append(("document_added", doc, {}))
                changes.append(self._change(doc, "new", None, result, analysis))
            else:
                links.append(
                    {"document_id": doc.id, "source_document_id": copy_of, "kind": "copy",
                     "sha256": sha, "created_at": now}
                )  # fmt: skip
                events.append(("document_added", doc, {"copy_of": copy_of}))
                changes.append(self._change(doc, "copied", None, result, analysis))
            if error is not None:
                events.append(("document_unreadable", doc, {"reason": error}))
                changes.append(self._change(doc, "unreadable"))
        bulk.insert_many(session, ExtractionRow, list(extractions.values()))
        bulk.insert_many(session, DocumentRow, documents)
        bulk.insert_many(session, VersionRow, versions)
        bulk.insert_many(session, DocumentLinkRow, links)
        # the entries share the chunk's one clock reading with its rows
        tx.record_many([self._event_at(event, ref, now, data) for event, ref, data in events])
        columns = ("id", "path", "project", "current_sha256", "error_reason", "size", "root")
        return changes, [PresentDocument(*(d[c] for c in columns)) for d in documents]

    def _extraction_row(
        self, sha: str, result: ExtractionResult, now: datetime, payload: bytes | None
    ) -> tuple[str | None, dict[str, Any] | None]:
        """(the content's error reason, the extraction row to insert) as `_save_extraction`."""
        if isinstance(result, DocumentFacts):
            facts, error, detail = payload or self.encode_facts(result), None, None
        elif result.reason == UnreadableReason.INTERNAL:
            return result.reason.value, None  # not cached: the next pass tries again
        else:
            facts = payload or self.encode_facts(result)
            error, detail = result.reason.value, result.detail
        kind = result.kind if isinstance(result, DocumentFacts) else None
        row = {
            "sha256": sha, "kind": kind, "facts": facts, "error_reason": error,
            "error_detail": detail or None, "extracted_at": now, "extractor_version": 1,
        }  # fmt: skip
        return error, row

    def _add_content(self, tx: Tx, doc: DocumentRow, outcome: HashOutcome, now: datetime) -> None:
        assert outcome.sha256 is not None
        doc.current_sha256 = outcome.sha256
        repo.add_version(tx.session, doc.id, outcome.sha256, outcome.size, outcome.mtime_ns, now)

    def _place_new_path(
        self, tx: Tx, rel: str, outcome: HashOutcome, now: datetime
    ) -> tuple[DocumentRow, str, str | None, str | None]:
        """A path with no present document: a move, a return, a copy or a new document;
        with the change, its previous content (a return) and the project it left (a move)."""
        sha = outcome.sha256
        assert sha is not None
        holders = repo.with_content(tx.session, sha)
        moved = self._moved_from(holders, rel, outcome.inode)
        if moved is not None:
            left = moved.project
            moved.path, moved.project = rel, project_of(rel)
            _set_stat(moved, outcome, now)
            self._audit(tx, "document_moved", moved)
            return moved, "moved", None, left
        returning = repo.gone_at_path(tx.session, self.root.key, rel) or next(
            (d for d in reversed(holders) if d.root == self.root.key and d.state == repo.GONE), None
        )
        if returning is not None:
            previous = returning.current_sha256
            returning.state, returning.gone_at = repo.PRESENT, None
            returning.path, returning.project = rel, project_of(rel)
            _set_stat(returning, outcome, now)
            if previous != sha:
                self._add_content(tx, returning, outcome, now)
            self._audit(tx, "document_returned", returning, previous_sha256=previous)
            return returning, "returned", previous, None
        doc = repo.add_document(
            tx.session, root=self.root.key, path=rel, project=project_of(rel), state=repo.PRESENT,
            first_seen_at=now, last_seen_at=now,
        )  # fmt: skip
        _set_stat(doc, outcome, now)
        self._add_content(tx, doc, outcome, now)
        source = next((d for d in holders if d.state == repo.PRESENT and d.id != doc.id), None)
        if source is None:
            self._audit(tx, "document_added", doc)
            return doc, "new", None, None
        repo.add_link(tx.session, doc.id, source.id, sha, now)
        self._audit(tx, "document_added", doc, copy_of=source.id)
        return doc, "copied", None, None

    def _moved_from(self, holders: list[DocumentRow], rel: str, inode: int) -> DocumentRow | None:
        """A present document with this content whose own path has disappeared."""
        candidates = [
            d
            for d in holders
            if d.root == self.root.key
            and d.state == repo.PRESENT
            and d.path != rel
            and not os.path.lexists(self.root.path / d.path)
        ]
        same_inode = [d for d in candidates if d.inode == inode]
        best = same_inode or candidates
        return best[0] if best else None

    def _apply_problem(
        self, tx: Tx, entry: FileEntry, reason: UnreadableReason | None
    ) -> list[DocumentChange]:
        reason = reason or entry.problem
        assert reason is not None
        now = self.ctx.clock.now()
        doc = repo.present_at(tx.session, self.root.key, entry.rel_path)
        if doc is None:
            doc = repo.add_document(
                tx.session, root=self.root.key, path=entry.rel_path,
                project=project_of(entry.rel_path), state=repo.PRESENT,
                first_seen_at=now, last_seen_at=now,
            )  # fmt: skip
        elif doc.error_reason == reason.value:
            _set_entry_stat(doc, entry, now)
            return []
        _set_entry_stat(doc, entry, now)
        doc.error_reason, doc.error_detail = reason.value, None
        self._audit(tx, "document_unreadable", doc, reason=reason.value)
        return [self._change(doc, "unreadable")]

    def _apply_vanished(self, tx: Tx, rel: str) -> list[DocumentChange]:
        changes: list[DocumentChange] = []
        now = self.ctx.clock.now()
        for doc in repo.present_under(tx.session, self.root.key, rel):
            if os.path.lexists(self.root.path / doc.path):
                continue  # back already (or never gone): the next look records it
            doc.state, doc.gone_at = repo.GONE, now
            self._audit(tx, "document_gone", doc)
            changes.append(self._change(doc, "gone"))
        return changes

    def _mark_ignored(self, tx: Tx, rel: str) -> list[DocumentChange]:
        now = self.ctx.clock.now()
        doc = repo.present_at(tx.session, self.root.key, rel)
        if doc is None:
            return []
        doc.state, doc.last_seen_at = repo.IGNORED, now
        self._audit(tx, "document_ignored", doc)
        return []


class _DocRef(NamedTuple):
    """What audit events and changes need of a document inserted in bulk."""

    id: str
    project: str | None
    current_sha256: str


@dataclass(frozen=True, slots=True)
class _Work:
    """One file's change, applied inside the chunk's transaction."""

    rel: str
    fn: Callable[..., list[DocumentChange]]
    args: tuple[Any, ...]


# made once per file read by a worker: without their frozen __init__ (issue #3)
_new_work = fast_constructor(_Work)
_new_job = fast_constructor(ExtractJob)


class _Looked(NamedTuple):
    """A chunk looked at and hashed, waiting for extraction (`to_read`: not hashed yet,
    the extractor reads them, with the extracted contents of their size)."""

    work: list[_Work]
    report: IngestReport
    hashed: list[tuple[FileEntry, HashOutcome]]
    vanished: list[str]
    to_read: list[tuple[FileEntry, frozenset[str]]]


class _Planned(NamedTuple):
    """A looked-at chunk and the jobs its extraction takes."""

    looked: _Looked
    jobs: list[ExtractJob]


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A chunk read and extracted, waiting for its transaction."""

    work: list[_Work]
    report: IngestReport


class _Feed:
    """Chunks on their way from the storing thread to a streaming reading thread, in
    order: each one's future of being looked at, and the future of its prepared work
    that the reading thread settles."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._chunks: deque[tuple[Future[_Prepared], Future[_Looked]]] = deque()
        self._closed = False
        self._failure: BaseException | None = None

    def add(self, looked: Future[_Looked]) -> Future[_Prepared]:
        prepared: Future[_Prepared] = Future()
        with self._changed:
            if self._failure is not None:  # the stream is gone: nothing would settle it
                prepared.set_exception(self._failure)
                return prepared
            self._chunks.append((prepared, looked))
            self._changed.notify()
        looked.add_done_callback(self._wake)
        return prepared

    def next(self, wait: bool) -> tuple[Future[_Prepared], Future[_Looked]] | NotReady | None:
        """The next chunk once it has been looked at; None once closed and empty;
        NOT_READY when not `wait` and the next one is not ready."""
        with self._changed:
            while True:
                if self._chunks and self._chunks[0][1].done():
                    return self._chunks.popleft()
                if self._closed and not self._chunks:
                    return None
                if not wait:
                    return NOT_READY
                self._changed.wait()

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify()

    def fail(self, exc: BaseException) -> None:
        """The stream broke: every chunk handed over, and any handed over later, fails."""
        with self._changed:
            self._failure = exc
            while self._chunks:
                prepared, _ = self._chunks.popleft()
                if prepared.set_running_or_notify_cancel():
                    prepared.set_exception(exc)

    def _wake(self, _: Future[_Looked]) -> None:
        with self._changed:
            self._changed.notify()


def _settle(future: Future[_Prepared], make: Callable[..., _Prepared], *args: Any) -> None:
    """Settle a chunk's running future with what `make(*args)` gives or raises."""
    try:
        future.set_result(make(*args))
    except BaseException as exc:  # raised in the storing thread, as from a pool thread
        future.set_exception(exc)


def _internal(jobs: Sequence[ExtractJob], exc: BaseException) -> list[Extracted]:
    """Each job's answer when the extractor itself broke."""
    reason = UnreadableReason.INTERNAL
    return [Extracted(Unreadable(j.rel_path, reason, type(exc).__name__)) for j in jobs]


def chunked(paths: Sequence[T], size: int) -> list[Sequence[T]]:
    """`paths` in chunks of `size`, in order, the files of the last one in `_TAIL_PARTS`
    smaller chunks (see `_TAIL_PARTS`)."""
    total = len(paths)
    if not total:
        return []
    last = (total - 1) // size * size  # where the last chunk of `size` would start
    chunks = [paths[start : start + size] for start in range(0, last, size)]
    rest = total - last
    step = -(-rest // _TAIL_PARTS) if rest >= _TAIL_MIN else rest  # ceiling
    chunks.extend(paths[start : start + step] for start in range(last, total, step))
    return chunks


def _written(rows: list[PresentDocument], before: Mapping[str, Sequence[repo.Holder]]) -> Written:
    """What `_insert_new` wrote (`rows`), given the holders of the contents before it: a
    content no present document held before is held by its new documents alone."""
    held = {sha for sha, found in before.items() if any(h.state == repo.PRESENT for h in found)}
    alone: dict[str, list[str]] = {}
    for row in rows:
        if row.current_sha256 not in held:
            alone.setdefault(row.current_sha256 or "", []).append(row.id)
    return Written({row.id: row for row in rows}, {k: tuple(v) for k, v in alone.items()})


def _rel(item: str | FileEntry) -> str:
    return item.rel_path if isinstance(item, FileEntry) else item


def _set_stat(doc: DocumentRow, outcome: HashOutcome, now: datetime) -> None:
    doc.size, doc.mtime_ns, doc.inode, doc.last_seen_at = (
        outcome.size,
        outcome.mtime_ns,
        outcome.inode,
        now,
    )


def _set_entry_stat(doc: DocumentRow, entry: FileEntry, now: datetime) -> None:
    doc.size, doc.mtime_ns, doc.inode, doc.last_seen_at = (
        entry.size,
        entry.mtime_ns,
        entry.inode,
        now,
    )


# ---- use cases for the CLI -------------------------------------------------------------------


def scan_roots(
    ctx: Context,
    roots: Sequence[RootSpec],
    extractor: Extractor | None = None,
    progress: Progress | None = None,
) -> list[IngestReport]:
    """One full pass over each root."""
    return [RootIngestor(ctx, root, extractor).scan(progress) for root in roots]


def ingest_paths(
    ctx: Context, root: RootSpec, rel_paths: Sequence[str], extractor: Extractor | None = None
) -> IngestReport:
    """Look at these paths under `root` now (files, folders, or paths that are gone)."""
    return RootIngestor(ctx, root, extractor).process(list(rel_paths))


@dataclass(frozen=True, slots=True)
class IngestStatus:
    documents: dict[str, int]
    errors: dict[str, int]
    last_scans: dict[str, Any]
    queue: int | None
    # failures of the stages after ingest by stage (`stage_failures`), and the
    # must-register versions still waiting for their prompt (the catch-up judges them)
    stage_failures: dict[str, dict[str, Any]] = field(default_factory=dict)
    registration_unprompted: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "last_scans": self.last_scans,
            "queue": self.queue,
            "stage_failures": self.stage_failures,
            "registration_unprompted": self.registration_unprompted,
        }


def status(ctx: Context) -> IngestStatus:
    """Counts by state, errors by reason (files and unlisted folders), last scans, queue."""
    with ctx.store.read() as session:
        documents = repo.count_by_state(session)
        errors = Counter(repo.errors_by_reason(session))
        scans = repo.states_with_prefix(session, LAST_SCAN_KEY)
        queue = repo.get_state(session, QUEUE_KEY)
        failures = stage_failures.recorded(session)
        unprompted = count_unprompted(session)
    for scan in scans.values():
        errors.update({f"folder_{k}": v for k, v in (scan.get("unlisted_dirs") or {}).items()})
    queue_len = int(queue["length"]) if isinstance(queue, dict) else None
    return IngestStatus(documents, dict(errors), scans, queue_len, failures, unprompted)


def list_files(ctx: Context, *, errors_only: bool = False) -> list[repo.DocumentListing]:
    with ctx.store.read() as session:
        return list(repo.list_documents(session, errors_only=errors_only))


def record_queue_length(ctx: Context, length: int) -> None:
    with ctx.store.transaction() as tx:
        repo.put_state(tx.session, QUEUE_KEY, {"length": length, "at": ctx.clock.now().isoformat()})
