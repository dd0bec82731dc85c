"""EDGE: run `extract_file` in worker processes with a per-file timeout and memory cap.

One hostile file must never stall or kill the caller. Each worker is a
process of its own (forkserver where available, else spawn) that caps its
address space with RLIMIT_AS and reads jobs from a pipe. The parent waits on
every busy worker's pipe and process sentinel with a deadline:

- a file not done within `timeout_s`: the worker is killed and replaced -> `timeout`;
- the worker dies (OOM killer, segfault in a C library) -> `memory` for SIGKILL,
  else `internal`; it is replaced and the pool goes on;
- a `MemoryError` inside the worker -> `memory`; the worker is replaced, since
  a process that ran out of memory is not trusted for the next file.

A timeout or a death is blamed on the file the worker was on (a shared cell says
which, and since when), not on the first unanswered one: a worker extracts a group
of up to `_REFILL` files of a task message before it analyzes them (see
`_worker_main`). The other files queued on it, done but not answered or not
started, run again on a fresh worker.

`map_batches` takes jobs in batches (ingest's chunks) as the workers have room
for them, so a batch's jobs start while the last of the previous batch still
run: the workers are not left idle at each batch's end.

A pool is used by one thread at a time (the lock makes a second thread wait;
calling it again from inside a `map` loop raises instead of deadlocking).

Messages are batched both ways (several files per task message; per answer
message, the results of a group of files, with those of any later group ready
by then), so the parent's cost per file stays small next to the extraction itself.
An optional `analyzer` (a picklable callable, e.g. the classifier with its rules)
runs in the worker on each file's facts, so that work is spread over the workers
too; its answer travels back with the facts. A worker also hands back, on request,
the result already encoded for the store (`codec.dumps`), and for a job with a
`root` it reads the file as `scan.read_checked` does and returns the SHA-256 and
stat of the very bytes it extracted: the parent then neither reads, hashes nor encodes (issue #3).
"""

from __future__ import annotations

import contextlib
import ctypes
import enum
import gc
import math
import mmap
import multiprocessing
import os
import queue
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import structlog

from recordkeeper.ingest.extract import Limits, codec, extract_bytes, extract_file
from recordkeeper.ingest.scan import HashOutcome, new_outcome, read_checked
from recordkeeper.model import (
    DocumentFacts,
    ExtractionResult,
    Unreadable,
    UnreadableReason,
    fast_constructor,
)

__all__ = [
    "NOT_READY",
    "Analyzed",
    "Analyzer",
    "BatchSource",
    "Extracted",
    "ExtractionPool",
    "Job",
    "NotReady",
    "PoolError",
]

log = structlog.get_logger(__name__)

_STARTUP_TIMEOUT_S = 60.0
_STOP_TIMEOUT_S = 2.0
# Tasks queued per worker: slack for a parent that is slow to be scheduled. Every
# message either way costs both processes a wake-up, two or three system calls and a
# pass of the scheduling loop; with 8 (4 files a message) the pool's own CPU was
# ~0.10 ms per file beside extraction, with 16 ~0.085 (bench/pool_cost.py; 32 no
# better). A worker that dies or times out leaves at most this many to run again.
_DEPTH = 16
_REFILL = _DEPTH // 2  # a worker's queue is topped up when it is this short (batched sends)
_ANSWER_MAX = 64  # results per answer message (a group's are never split)
_MIB = 1024 * 1024
# A worker extracts up to _REFILL files of a task message before it analyzes and
# encodes them (see `_worker_main`), fewer once they hold this much text: so a group
# holds little more memory than one file at a time may.
_GROUP_TEXT = 1_000_000
_MS_MASK = 0xFFFFFFFF  # a worker's `cell`: task number << 32 | start in ms, modulo 2**32
# Files a worker extracts before it is replaced (bounds leaks in the parsing libraries).
# A fresh worker spends ~0.11 s of CPU before its first file (the analyzer unpickled and
# `prepare`d: the classifier compiles its rules) while the parent waits for it: ~0.055 ms
# per file at 2,000. A worker's memory stays flat far beyond that (76-86 MiB RSS over
# 8,000 files of the bench corpus, docs/benchmarks.md session 13).
_MAX_TASKS = 10_000
# glibc malloc in a worker (`_keep_heap`): freed memory stays in the heap up to this much
# at its top (default: 128 KiB, rising with the largest block freed), and blocks up to
# this size come from the heap rather than a mapping of their own (default: 128 KiB,
# rising to 32 MiB). mallopt's parameter numbers (malloc.h).
_HEAP_KEPT = 64 * _MIB
_HEAP_BLOCK_MAX = 32 * _MIB
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# A fresh worker grows its heap by this much and touches it before it says it is ready
# (`_grow_heap`), at most a quarter of its memory cap: what its first 500-1,000 files
# of the bench corpus grow it by (3.4 -> 12-14 MiB), one page fault each otherwise.
_HEAP_GROWN = 16 * _MIB
_MADV_POPULATE_WRITE = 23  # Linux 5.14; older kernels say EINVAL and the pages are written


class PoolError(RuntimeError):
    """The pool cannot work at all (workers do not start) or is misused."""


# Runs in the worker on readable facts; must be picklable and should not raise for
# ordinary input (an exception only loses the analysis, never the facts).
Analyzer = Callable[[DocumentFacts], Any]


# An extraction result and what the analyzer made of it (None: no analyzer, or unreadable).
Analyzed = tuple[ExtractionResult, Any]


class Job(NamedTuple):
    """One file to extract; with `root`, `rel_path` is read under it as `read_checked`
    does (no link out of the tree, regular files only, unchanged while read) and the
    answer carries the `HashOutcome` of what was read; content whose SHA-256 is in
    `known` (extracted before) is then not extracted again; its `path` is not used
    (None: not sent)."""

    path: Path | None
    rel_path: str
    project: str | None = None
    root: Path | None = None
    known: frozenset[str] = frozenset()


class Extracted(NamedTuple):
    """A job's answer: the result (None when a `root` job's file could not be read,
    changed while read, or holds `known` content: see `outcome`), the analyzer's
    answer, the result encoded by `codec.dumps` (None unless asked for, or not to be
    stored: `internal`), and the outcome of reading a `root` job (None: another job,
    or the worker failed)."""

    result: ExtractionResult | None
    analysis: Any = None
    payload: bytes | None = None
    outcome: HashOutcome | None = None


class NotReady(enum.Enum):
    """A batch source's answer when its next batch is not ready yet."""

    NOT_READY = "not_ready"


NOT_READY = NotReady.NOT_READY
# The next batch's jobs (never empty), None when there are no more, or NOT_READY; with
# its argument True the source waits for the next batch instead of answering NOT_READY.
BatchSource = Callable[[bool], "Sequence[Job] | NotReady | None"]


class _Stream:
    """The jobs of a `BatchSource`'s batches one at a time, NOT_READY between two
    batches while the next one is not ready; `sizes` gets each batch's length."""

    def __init__(self, source: BatchSource, sizes: deque[int]) -> None:
        self._source = source
        self._sizes = sizes
        self._jobs: Iterator[Job] = iter(())
        self._ended = False

    def __iter__(self) -> _Stream:
        return self

    def __next__(self) -> Job | NotReady:
        for job in self._jobs:
            return job
        if self._ended or not self._take(wait=False):
            if self._ended:
                raise StopIteration
            return NOT_READY
        return next(self._jobs)

    def wait(self) -> None:
        """Block until the next batch is ready (or there is none)."""
        if not self._ended:
            self._take(wait=True)

    def _take(self, wait: bool) -> bool:
        batch = self._source(wait)
        if batch is None:
            self._ended = True
            return False
        if isinstance(batch, NotReady):
            return False
        if not batch:
            raise PoolError("a batch source gave an empty batch")
        self._sizes.append(len(batch))
        self._jobs = iter(batch)
        return True


# as sent by a worker: the outcome as a plain tuple (a slotted dataclass unpickles slowly)
_Answer = tuple[ExtractionResult | None, Any, bytes | None, tuple[Any, ...] | None]


def _cap_memory(memory_mb: int) -> None:
    """Limit this process's address space to what it uses now plus `memory_mb`."""
    try:
        import resource
    except ImportError:  # not on POSIX: the timeout still protects the caller
        return
    base = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        base = pages * os.sysconf("SC_PAGE_SIZE")
    cap = base + memory_mb * _MIB
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _keep_heap() -> None:
    """Let glibc keep freed memory for the next file instead of giving it back to the
    kernel after each large one (a parse tree, a decompressed part) and faulting it in
    again, zeroed page by page, for the next: with 2 workers a worker took 2-5 page
    faults per file when warm and 10-14 in its first pass (0.5 and 7-8 with this), each
    2.5-20 us of CPU on this VM (docs/benchmarks.md, session 14). The peak stays what
    the largest file needs (RSS at most the high-water mark, which is unchanged) and
    the address-space cap (`_cap_memory`) counts the kept heap as before. A C library
    without glibc's mallopt is left as it is."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    mallopt(_M_MMAP_THRESHOLD, _HEAP_BLOCK_MAX)
    mallopt(_M_TRIM_THRESHOLD, _HEAP_KEPT)


def _grow_heap(size: int) -> None:
    """Grow the heap by `size` and fault its pages in at once, before the worker takes
    files: its first files would otherwise fault the heap in page by page as it grows,
    2-20 us of CPU a page on this VM (memory the host has not backed yet costs most), in
    the middle of the ingest (docs/benchmarks.md, session 15). Freed, the block stays
    in the heap (`_keep_heap`'s trim threshold is above it) for the files to allocate
    from; it counts against the memory cap as the files' own growth would. Nothing
    happens when the memory is not there or the C library is not glibc."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        malloc, free, madvise = libc.malloc, libc.free, libc.madvise
    except (OSError, AttributeError):
        return
    malloc.argtypes, malloc.restype = (ctypes.c_size_t,), ctypes.c_void_p
    free.argtypes, free.restype = (ctypes.c_void_p,), None
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    madvise.restype = ctypes.c_int
    block = malloc(size)
    if not block:
        return
    try:
        page = mmap.PAGESIZE
        start = -(-block // page) * page
        # one system call instead of a fault per page (≈ 20 % less CPU for the same pages)
        if madvise(start, (block + size - start) // page * page, _MADV_POPULATE_WRITE):
            ctypes.memset(block, 0, size)
    finally:
        free(block)


def _send_results(conn: Connection, outbox: queue.SimpleQueue[list[_Answer] | None]) -> None:
    """Worker's sender thread: a large result waiting for the parent to read the pipe
    must not keep the worker from starting its next file. A group's answers come
    as one list, so the thread wakes once per group (each wake-up is a context switch
    and a GIL hand-over beside the extraction); every group ready by the time the
    pipe is free goes in the same message."""
    stop = False
    while not stop:
        batch = outbox.get()
        if batch is None:
            return
        while len(batch) < _ANSWER_MAX:
            try:
                more = outbox.get_nowait()
            except queue.Empty:
                break
            if more is None:
                stop = True
                break
            batch += more
        try:
            _send_batch(conn, batch)
        except (OSError, EOFError):
            return


def _send_batch(conn: Connection, batch: list[_Answer]) -> None:
    try:
        conn.send(batch)
        return
    except MemoryError:
        pass
    for answer in batch:  # one at a time; what still does not fit is reported
        try:
            conn.send([answer])
        except MemoryError:
            reason, detail = UnreadableReason.MEMORY, "result too large to send"
            path = answer[0].path if answer[0] is not None else ""
            conn.send([(Unreadable(path, reason, detail), None, None, None)])


def _prepare(analyzer: Analyzer | None) -> None:
    """Let an analyzer with a `prepare()` (the classifier compiling its rules) do its
    one-time work now: before the worker says it is ready, or when a new one comes."""
    prepare = getattr(analyzer, "prepare", None)
    if callable(prepare):
        try:
            prepare()
        except Exception as exc:  # it will fail again on use, where failures are handled
            log.warning("analyzer_prepare_failed", error=type(exc).__name__)


def _extract_job(
    path: str | None,
    rel_path: str,
    project: str | None,
    root: str | None,
    known: frozenset[str],
    limits: Limits,
) -> tuple[ExtractionResult | None, HashOutcome | None]:
    """Extract one job; a `root` job reads (and hashes) its file once, as `read_checked`."""
    if root is None:
        return extract_file(Path(path or ""), rel_path, limits, project), None
    outcome, data = read_checked(root, rel_path, limits.max_file_bytes)
    if outcome.problem is not None or not outcome.is_stable or outcome.sha256 in known:
        return None, outcome
    if data is None:  # replaced by a larger file since the walk
        return Unreadable(rel_path, UnreadableReason.TOO_LARGE, f"{outcome.size} bytes"), outcome
    return extract_bytes(data, rel_path, limits, project, outcome.sha256), outcome


def _outcome_fields(outcome: HashOutcome) -> tuple[Any, ...]:
    return (
        outcome.sha256,
        outcome.size,
        outcome.mtime_ns,
        outcome.inode,
        outcome.problem,
        outcome.is_stable,
    )


def _encoded(result: ExtractionResult | None) -> bytes | None:
    if result is None or (
        isinstance(result, Unreadable) and result.reason is UnreadableReason.INTERNAL
    ):
        return None  # not stored: the next pass tries again
    return codec.dumps(result)


def _analyze(analyzer: Analyzer | None, result: ExtractionResult | None) -> Any:
    if analyzer is None or not isinstance(result, DocumentFacts):
        return None
    try:
        return analyzer(result)
    except Exception as exc:  # the facts stand; the parent does the analysis itself
        log.warning("analyzer_failed", error=type(exc).__name__)
        return None


def _mark(cell: Any, seq: int, started: float) -> None:
    """Tell the parent which task (by number) the worker is on, since when (see `_running`)."""
    if cell is not None:
        cell.value = (seq << 32) | (int(started * 1000) & _MS_MASK)


def _worker_main(
    conn: Connection, limits: Limits, analyzer: Analyzer | None = None, cell: Any = None
) -> None:
    """Worker loop: receive ("tasks", (items, analyze, encode)) with items of
    (path, rel_path, project, root, known), hand one `_Answer` per item to the sender.

    The items of a message go in groups of up to `_REFILL`: the worker extracts a
    group, then analyzes and encodes its files one after the other (the analyzer's
    code and data stay in the CPU caches across the group instead of being evicted by
    every extraction), and sends the group's answers as one message, so that the
    parent tops its queue up while the next group is worked on. A group ends early
    once it holds `_GROUP_TEXT` characters of text (memory). `cell` (a
    shared 64-bit value) always says which task the worker is on and since when, so
    the parent blames a hang or a death on that file, not on the first unanswered
    one; a file's time in analysis counts on from its time in extraction.

    Other messages: ("analyzer", callable) replaces the analyzer; None stops.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    # Objects inherited from the fork server stay out of the collector's scans, so
    # they are neither walked again nor copied on write page by page.
    gc.freeze()
    _keep_heap()
    _cap_memory(limits.memory_mb)
    _prepare(analyzer)
    _grow_heap(min(_HEAP_GROWN, limits.memory_mb * _MIB // 4))  # for the files: after prepare
    conn.send(("ready", os.getpid()))
    outbox: queue.SimpleQueue[list[_Answer] | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_results, args=(conn, outbox), daemon=True)
    sender.start()
    seq = 0  # tasks received before the current group (the parent counts them alike)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        kind, body = message
        if kind == "analyzer":
            analyzer = body
            _prepare(analyzer)
            continue
        items, analyze, encode = body
        start = 0
        while start < len(items):
            group = _extract_group(items, start, limits, cell, seq)
            answers: list[_Answer] = []
            for at, (result, outcome, spent) in enumerate(group):
                if outcome is not _FAILED:  # extracted: analysis and encoding still to do
                    _mark(cell, seq + at, time.monotonic() - spent)
                    answers.append(
                        _completed(result, outcome, items[start + at][1], analyzer, analyze, encode)
                    )
                else:
                    answers.append((result, None, None, None))
            # A group's answers leave at once: the parent tops this worker's queue up
            # when it reads them, while the next group is worked on.
            outbox.put(answers)
            seq += len(group)
            start += len(group)
    outbox.put(None)
    sender.join(_STOP_TIMEOUT_S)


# An extraction that raised: its result is the `Unreadable` it was turned into.
_FAILED: Any = object()


def _extract_group(
    items: Sequence[tuple[str | None, str, str | None, str | None, frozenset[str]]],
    start: int,
    limits: Limits,
    cell: Any,
    seq: int,
) -> list[tuple[ExtractionResult | None, HashOutcome | None, float]]:
    """Extract up to `_REFILL` items from `start` on (the worker's task `seq` is
    `items[start]`), fewer once `_GROUP_TEXT` characters of text are held:
    (result, outcome or `_FAILED`, seconds spent) each."""
    group: list[tuple[ExtractionResult | None, HashOutcome | None, float]] = []
    held = 0
    for path, rel_path, project, root, known in items[start:]:
        started = time.monotonic()
        _mark(cell, seq + len(group), started)
        result: ExtractionResult | None
        outcome: HashOutcome | None
        try:
            result, outcome = _extract_job(path, rel_path, project, root, known, limits)
        except BaseException as exc:  # the worker must answer, whatever happened
            result, outcome = _failure(rel_path, exc), _FAILED
        group.append((result, outcome, time.monotonic() - started))
        if len(group) >= _REFILL:
            break
        if isinstance(result, DocumentFacts):
            held += len(result.text)
            if held >= _GROUP_TEXT:
                break
    return group


def _completed(
    result: ExtractionResult | None,
    outcome: HashOutcome | None,
    rel_path: str,
    analyzer: Analyzer | None,
    analyze: bool,
    encode: bool,
) -> _Answer:
    """An extracted file's answer, with its analysis and encoding as asked for."""
    try:
        extra = _analyze(analyzer, result) if analyze else None
        payload = _encoded(result) if encode else None
    except BaseException as exc:  # the worker must answer, whatever happened
        return _failure(rel_path, exc), *_NONE
    return result, extra, payload, None if outcome is None else _outcome_fields(outcome)


def _failure(rel_path: str, exc: BaseException) -> Unreadable:
    """What a worker answers for a file whose extraction or analysis raised `exc`."""
    if isinstance(exc, MemoryError):
        return Unreadable(rel_path, UnreadableReason.MEMORY, "out of memory in worker")
    return Unreadable(rel_path, UnreadableReason.INTERNAL, type(exc).__name__)


_NONE = (None, None, None)


@dataclass(frozen=True, slots=True)
class _Task:
    index: int
    job: Job
    retried: bool = False


# A _Task made without its frozen __init__ (one per file, in the parent, whose CPU is
# the scarcest: see `model.fast_constructor`).
_new_task = fast_constructor(_Task)


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    pid: int
    tasks: int = 0
    analyzer_gen: int = 0  # which `ExtractionPool._analyzer` this worker has
    queue: deque[_Task] = field(default_factory=deque)
    deadline: float = 0.0  # when to look whether the task running has run out of time
    stopped: bool = False  # its process is stopped and closed (a replacement failed to start)
    cell: Any = None  # shared with the process: the task it is on, since when (`_mark`)


class ExtractionPool:
    """Worker processes that extract files; see the module docstring for the guarantees.

    Args:
        limits: size/ratio/text caps, plus `timeout_s` per file and `memory_mb` per worker.
        workers: number of worker processes.
        max_tasks_per_worker: a worker is replaced after this many files (bounds leaks).
        start_method: multiprocessing start method; forkserver where available.
        analyzer: run in the workers on each readable file's facts (see `map_analyzed`).
        preload: further modules the fork server imports once for every worker.
    """

    def __init__(
        self,
        limits: Limits,
        workers: int = 2,
        *,
        max_tasks_per_worker: int = _MAX_TASKS,
        start_method: str | None = None,
        analyzer: Analyzer | None = None,
        preload: Sequence[str] = (),
    ) -> None:
        if workers < 1:
            raise PoolError("a pool needs at least one worker")
        method = start_method or (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        self._ctx: BaseContext = multiprocessing.get_context(method)
        if method == "forkserver":
            # Workers fork from a server that has already imported lxml, pypdf and the rest
            # (and `preload`, e.g. the analyzer's module). The first pool of a process
            # starts the server, so its list is the one that counts.
            self._ctx.set_forkserver_preload(["recordkeeper.ingest.extract.parsers", *preload])
        self._limits = limits
        self._analyzer = analyzer
        self._analyzer_gen = 0
        self._flags = (False, False)  # (analyze, encode) of the running map call
        self._max_tasks = max_tasks_per_worker
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._closed = False
        self._workers: list[_Worker] = []
        try:
            for _ in range(workers):
                self._workers.append(self._start())
        except BaseException:
            for started in self._workers:  # do not leave the ones that did start running
                self._stop(started)
            raise

    # -- public API ---------------------------------------------------------

    @property
    def limits(self) -> Limits:
        return self._limits

    def worker_pids(self) -> tuple[int, ...]:
        """Process ids of the current workers (for monitoring)."""
        return tuple(w.pid for w in self._workers)  # safe from any thread

    def extract(self, path: Path, rel_path: str, project: str | None = None) -> ExtractionResult:
        """Extract one file in a worker."""
        return next(iter(self.map([Job(path, rel_path, project)])))

    def map(
        self, items: Iterable[Job | tuple[Path, str, str | None]]
    ) -> Iterator[ExtractionResult]:
        """Extract many files on all workers; results come back in input order."""
        for done in self.map_extracted(_plain(items), analyze=False):
            assert done.result is not None  # only `root` jobs answer None
            yield done.result

    def map_analyzed(
        self, items: Iterable[Job | tuple[Path, str, str | None]]
    ) -> Iterator[Analyzed]:
        """Like `map`, with the analyzer's answer beside each result (None if none)."""
        for done in self.map_extracted(_plain(items)):
            assert done.result is not None  # only `root` jobs answer None
            yield done.result, done.analysis

    def map_extracted(
        self, items: Iterable[Job], *, analyze: bool = True, encode: bool = False
    ) -> Iterator[Extracted]:
        """Extract many jobs on all workers, in input order, with what was asked for:
        the analyzer's answer (`analyze`, when the pool has an analyzer), the encoded
        result (`encode`), and for `root` jobs the outcome of reading the file."""
        return self._locked_run(iter(items), None, analyze, encode)

    def map_batches(
        self, source: BatchSource, *, analyze: bool = True, encode: bool = False
    ) -> Iterator[list[Extracted]]:
        """Like `map_extracted` over the batches `source` gives (see `BatchSource`):
        each batch's answers, in order, once all of them are in. The next batch is
        asked for whenever a worker has room, so its jobs start while the previous
        batch's last ones still run; the source is asked to wait only when no job is
        running. A batch's answers are yielded before the source is asked to wait."""
        sizes: deque[int] = deque()
        stream = _Stream(source, sizes)
        answers: list[Extracted] = []
        for done in self._locked_run(stream, stream.wait, analyze, encode):
            answers.append(done)
            if len(answers) == sizes[0]:
                sizes.popleft()
                yield answers
                answers = []

    def _locked_run(
        self,
        items: Iterator[Job | NotReady],
        wait: Callable[[], None] | None,
        analyze: bool,
        encode: bool,
    ) -> Iterator[Extracted]:
        if self._owner == threading.get_ident():
            raise PoolError("the pool is already in use by this thread (nested call)")
        with self._lock:
            if self._closed:
                raise PoolError("the pool is closed")
            self._owner = threading.get_ident()
            self._flags = (analyze, encode)
            try:
                yield from self._run(items, wait)
            finally:
                self._owner = None
                self._abandon_busy()

    def set_analyzer(self, analyzer: Analyzer | None) -> None:
        """Use `analyzer` from the next file on (each worker gets it once, before its next task)."""
        with self._lock:
            self._analyzer = analyzer
            self._analyzer_gen += 1

    @property
    def analyzer(self) -> Analyzer | None:
        return self._analyzer

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for worker in self._workers:
                self._stop(worker)
            self._workers = []

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- scheduling ---------------------------------------------------------
    #
    # Each worker has up to _DEPTH tasks queued in its pipe, so that it starts the
    # next file as soon as it has sent a result instead of waiting for this process
    # to be scheduled (on a loaded machine that wait costs more than small files).
    # The worker runs its queue in order, in groups of up to _REFILL files (extracted,
    # then analyzed): the task it is on is the one its `cell` names, which may be behind
    # files done but not yet answered. A worker's deadline starts when its last answer
    # arrived; when it passes, the cell tells whether the running task has had its
    # `timeout_s` (file time counted from its own start) or the deadline moves on.

    def _run(
        self, items: Iterator[Job | NotReady], wait: Callable[[], None] | None = None
    ) -> Iterator[Extracted]:
        """`items` may say NOT_READY (a batch stream between batches): the loop goes on
        with what runs and asks again, and calls `wait` once nothing runs."""
        window = len(self._workers) * _DEPTH * 4  # bound on results held back for ordering
        done: dict[int, Extracted] = {}
        again: deque[_Task] = deque()  # queued on a worker that had to be replaced
        next_index = 0
        next_out = 0
        exhausted = False
        while True:
            stalled = False  # the items said NOT_READY in this round
            assigned: list[list[_Task]] = [[] for _ in self._workers]
            for depth in range(1, _DEPTH + 1):  # spread work before queueing deeper
                for slot, worker in enumerate(self._workers):
                    queued = len(worker.queue) + len(assigned[slot])
                    if queued >= depth or worker.tasks + depth > self._max_tasks:
                        continue
                    if not assigned[slot] and worker.queue and len(worker.queue) > _REFILL:
                        continue  # still busy enough: top up later, with one message
                    if again:
                        task = again.popleft()
                    elif exhausted or stalled or next_index - next_out >= window:
                        continue
                    else:
                        try:
                            item = next(items)
                        except StopIteration:
                            exhausted = True
                            continue
                        if isinstance(item, NotReady):
                            stalled = True
                            continue
                        task = _new_task(next_index, item)
                        next_index += 1
                    assigned[slot].append(task)
            for worker, tasks in zip(self._workers, assigned, strict=True):
                if tasks:
                    self._dispatch(worker, tasks, again)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.queue]
            if not busy:
                if exhausted and not again:
                    return
                if stalled and not again and wait is not None:
                    wait()  # every answer is out: block until there is more to do
                continue
            self._collect(busy, done, again)

    def _dispatch(self, worker: _Worker, tasks: list[_Task], again: deque[_Task]) -> None:
        if not worker.queue and (worker.stopped or not worker.process.is_alive()):
            # died while idle, or its replacement did not start (tried again now)
            self._replace(worker, again)
        items = [
            (
                None if j.root is not None or j.path is None else str(j.path),
                j.rel_path,
                j.project,
                None if j.root is None else str(j.root),
                j.known,
            )
            for j in (t.job for t in tasks)
        ]
        body = ("tasks", (items, *self._flags))
        try:
            self._send_analyzer(worker)
            worker.conn.send(body)
        except (OSError, EOFError):  # died: these tasks never started; a fresh worker takes them
            self._replace(worker, again)
            self._send_analyzer(worker)
            worker.conn.send(body)
        if not worker.queue:
            worker.deadline = time.monotonic() + self._limits.timeout_s
        worker.queue.extend(tasks)

    def _send_analyzer(self, worker: _Worker) -> None:
        if worker.analyzer_gen != self._analyzer_gen:
            worker.conn.send(("analyzer", self._analyzer))
            worker.analyzer_gen = self._analyzer_gen

    def _collect(
        self, busy: list[_Worker], done: dict[int, Extracted], again: deque[_Task]
    ) -> None:
        """Wait for answers, deaths or the first deadline among the busy workers."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = _ready(
            [w.conn.fileno() for w in busy] + [w.process.sentinel for w in busy], timeout
        )
        for worker in busy:
            replace = False
            exited = worker.process.sentinel in ready
            readable = worker.conn.fileno() in ready
            if exited or readable:
                replace = self._drain(worker, done, again, exited, readable)
            elif time.monotonic() >= worker.deadline:
                running = _running(worker)
                left = 0.0 if running is None else self._limits.timeout_s - running[1]
                if left > 0:  # answers are late because the worker had a group to extract
                    worker.deadline = time.monotonic() + left
                    continue
                task = _pop(worker.queue, 0 if running is None else running[0])
                log.warning("extract_timeout", worker=worker.process.pid)
                done[task.index] = Extracted(
                    Unreadable(
                        task.job.rel_path,
                        UnreadableReason.TIMEOUT,
                        f"no result within {self._limits.timeout_s:g} s",
                    )
                )
                replace = True
            if replace:
                self._replace(worker, again)

    def _drain(
        self,
        worker: _Worker,
        done: dict[int, Extracted],
        again: deque[_Task],
        exited: bool,
        readable: bool,
    ) -> bool:
        """Take every result the worker has sent; True when it must be replaced.

        `exited`, `readable`: its process sentinel, its pipe was ready. A process
        whose sentinel was not was alive a moment ago; if it has died since, the next
        wait sees the sentinel (asking again costs a wait() of its own, per answer).
        """
        try:
            while worker.queue and (readable or _ready([worker.conn.fileno()], 0.0)):
                readable = False
                answer: list[_Answer] = worker.conn.recv()
                for result, extra, payload, sent in answer:
                    task = worker.queue.popleft()
                    outcome = None if sent is None else new_outcome(*sent)
                    done[task.index] = Extracted(result, extra, payload, outcome)
                    worker.tasks += 1
                    if isinstance(result, Unreadable) and result.reason is UnreadableReason.MEMORY:
                        # a process that ran out of memory is not trusted further: what it
                        # answered after this is dropped, and those files are read again
                        return True
                worker.deadline = time.monotonic() + self._limits.timeout_s
            alive = not exited and (worker.queue or worker.process.is_alive())
            if alive or not worker.queue:
                spent = not worker.queue and worker.tasks >= self._max_tasks
                return spent or not alive
        except (EOFError, OSError):
            pass
        # The worker died with a task running: the one its cell names, else the first
        # unanswered. The ones before it were done but not sent: run again, not blamed.
        running = _running(worker)
        task = _pop(worker.queue, 0 if running is None else running[0])
        worker.process.join(_STOP_TIMEOUT_S)
        code = worker.process.exitcode
        log.warning("extract_worker_died", worker=worker.process.pid, exitcode=code)
        if not task.retried:
            # Once more on a fresh worker: covers a worker killed from outside; a file
            # that kills its worker twice is reported.
            again.appendleft(_Task(task.index, task.job, retried=True))
            return True
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            reason = (
                UnreadableReason.MEMORY if -code == signal.SIGKILL else UnreadableReason.INTERNAL
            )
            done[task.index] = Extracted(
                Unreadable(task.job.rel_path, reason, f"worker killed by {name}")
            )
        else:
            done[task.index] = Extracted(
                Unreadable(task.job.rel_path, UnreadableReason.INTERNAL, f"worker exited ({code})")
            )
        return True

    # -- worker lifecycle ---------------------------------------------------

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        cell = self._ctx.RawValue(ctypes.c_int64, -1)
        process = self._ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, self._limits, self._analyzer, cell), daemon=True
        )
        process.start()
        child.close()
        try:
            if not parent.poll(_STARTUP_TIMEOUT_S):
                raise PoolError("extraction worker did not start in time")
            parent.recv()
        except (EOFError, OSError) as exc:
            _discard(process, parent)
            raise PoolError("extraction worker died on start") from exc
        except PoolError:
            _discard(process, parent)
            raise
        return _Worker(
            process=process,
            conn=parent,
            pid=process.pid or 0,
            analyzer_gen=self._analyzer_gen,
            cell=cell,
        )

    def _stop(self, worker: _Worker) -> None:
        if worker.stopped:  # already stopped, its process object closed
            return
        with contextlib.suppress(OSError, EOFError):
            if not worker.queue and worker.process.is_alive():
                worker.conn.send(None)
        worker.process.join(_STOP_TIMEOUT_S if not worker.queue else 0)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(_STOP_TIMEOUT_S)
        worker.conn.close()
        with contextlib.suppress(ValueError):
            worker.process.close()
        worker.stopped = True

    def _replace(self, worker: _Worker, again: deque[_Task] | None = None) -> None:
        """Kill `worker` (if alive) and put a fresh process in its slot.

        Tasks still queued on it never started; they go back to `again`, in order.
        If the fresh process does not start (PoolError, e.g. it cannot unpickle the
        analyzer), the slot stays stopped: `close()` skips it and the next dispatch
        tries again.
        """
        if again is not None:
            again.extendleft(reversed(worker.queue))
        worker.queue.clear()
        if not worker.stopped and worker.process.is_alive():
            worker.process.kill()
        self._stop(worker)
        fresh = self._start()
        worker.process, worker.conn, worker.pid = fresh.process, fresh.conn, fresh.pid
        worker.cell = fresh.cell
        worker.tasks, worker.analyzer_gen, worker.stopped = 0, fresh.analyzer_gen, False

    def _abandon_busy(self) -> None:
        """A consumer stopped iterating: jobs still running are not wanted any more."""
        for worker in self._workers:
            if worker.queue:
                self._replace(worker)


def _discard(process: BaseProcess, conn: Connection) -> None:
    """A worker that did not start: killed, reaped, its pipe and process object closed."""
    process.kill()
    process.join(_STOP_TIMEOUT_S)
    conn.close()
    with contextlib.suppress(ValueError):  # still running after the join: left to exit
        process.close()


def _running(worker: _Worker) -> tuple[int, float] | None:
    """Where in its queue the task is that `worker` is on, and the seconds it has spent
    on it (None: it is on none of them, e.g. between two); read from its `cell`."""
    value = -1 if worker.cell is None else worker.cell.value
    if value < 0:
        return None
    at = (value >> 32) - worker.tasks  # the parent counts the answered tasks alike
    if not 0 <= at < len(worker.queue):
        return None
    spent_ms = (int(time.monotonic() * 1000) - value) & _MS_MASK
    return at, spent_ms / 1000


def _pop(tasks: deque[_Task], at: int) -> _Task:
    task = tasks[at]
    del tasks[at]
    return task


def _ready(fds: list[int], timeout: float) -> set[int]:
    """The file descriptors among `fds` that are readable (or closed) within `timeout`
    seconds: `multiprocessing.connection.wait` without building a selector per call."""
    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN)
    return {fd for fd, _ in poller.poll(math.ceil(timeout * 1000))}


def _plain(items: Iterable[Job | tuple[Path, str, str | None]]) -> Iterator[Job]:
    """Jobs of `map`/`map_analyzed`: never `root` jobs (their answer may hold no result)."""
    for item in items:
        job = Job(*item)
        if job.root is not None:
            raise PoolError("a job with a root needs map_extracted")
        yield job
