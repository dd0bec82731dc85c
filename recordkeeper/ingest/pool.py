"""EDGE: run `extract_file` in worker processes with a per-file timeout and memory cap.

One hostile file must never stall or kill the caller. Each worker is a
process of its own (forkserver where available, else spawn) that caps its
address space with RLIMIT_AS and reads jobs from a pipe. The parent waits on
every busy worker's pipe and process sentinel with a deadline:

- no answer by the deadline: the worker is killed and replaced -> `timeout`;
- the worker dies (OOM killer, segfault in a C library) -> `memory` for SIGKILL,
  else `internal`; it is replaced and the pool goes on;
- a `MemoryError` inside the worker -> `memory`; the worker is replaced, since
  a process that ran out of memory is not trusted for the next file.

A pool is used by one thread at a time (the lock makes a second thread wait;
calling it again from inside a `map` loop raises instead of deadlocking).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import structlog

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import ExtractionResult, Unreadable, UnreadableReason

__all__ = ["ExtractionPool", "Job", "PoolError"]

log = structlog.get_logger(__name__)

_STARTUP_TIMEOUT_S = 60.0
_STOP_TIMEOUT_S = 2.0
_MIB = 1024 * 1024


class PoolError(RuntimeError):
    """The pool cannot work at all (workers do not start) or is misused."""


class Job(NamedTuple):
    """One file to extract."""

    path: Path
    rel_path: str
    project: str | None = None


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


def _worker_main(conn: Connection, limits: Limits) -> None:
    """Worker loop: receive (path, rel_path, project), send back the result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    _cap_memory(limits.memory_mb)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        path, rel_path, project = message
        result: ExtractionResult
        try:
            result = extract_file(Path(path), rel_path, limits, project)
        except MemoryError:
            result = Unreadable(rel_path, UnreadableReason.MEMORY, "out of memory in worker")
        except BaseException as exc:  # the worker must answer, whatever happened
            result = Unreadable(rel_path, UnreadableReason.INTERNAL, type(exc).__name__)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(Unreadable(rel_path, UnreadableReason.MEMORY, "result too large to send"))
        except (OSError, EOFError):
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    tasks: int = 0
    index: int | None = None
    job: Job | None = None
    deadline: float = 0.0
    retried: bool = False


class ExtractionPool:
    """Worker processes that extract files; see the module docstring for the guarantees.

    Args:
        limits: size/ratio/text caps, plus `timeout_s` per file and `memory_mb` per worker.
        workers: number of worker processes.
        max_tasks_per_worker: a worker is replaced after this many files (bounds leaks).
        start_method: multiprocessing start method; forkserver where available.
    """

    def __init__(
        self,
        limits: Limits,
        workers: int = 2,
        *,
        max_tasks_per_worker: int = 2000,
        start_method: str | None = None,
    ) -> None:
        if workers < 1:
            raise PoolError("a pool needs at least one worker")
        method = start_method or (
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        )
        self._ctx: BaseContext = multiprocessing.get_context(method)
        if method == "forkserver":
            # Workers fork from a server that has already imported lxml, pypdf and the rest.
            self._ctx.set_forkserver_preload(["recordkeeper.ingest.extract"])
        self._limits = limits
        self._max_tasks = max_tasks_per_worker
        self._lock = threading.Lock()
        self._owner: int | None = None
        self._closed = False
        self._workers: list[_Worker] = [self._start() for _ in range(workers)]

    # -- public API ---------------------------------------------------------

    @property
    def limits(self) -> Limits:
        return self._limits

    def worker_pids(self) -> tuple[int, ...]:
        """Process ids of the current workers (for monitoring)."""
        return tuple(w.process.pid for w in self._workers if w.process.pid is not None)

    def extract(self, path: Path, rel_path: str, project: str | None = None) -> ExtractionResult:
        """Extract one file in a worker."""
        return next(iter(self.map([Job(path, rel_path, project)])))

    def map(
        self, items: Iterable[Job | tuple[Path, str, str | None]]
    ) -> Iterator[ExtractionResult]:
        """Extract many files on all workers; results come back in input order."""
        if self._owner == threading.get_ident():
            raise PoolError("the pool is already in use by this thread (nested call)")
        with self._lock:
            if self._closed:
                raise PoolError("the pool is closed")
            self._owner = threading.get_ident()
            try:
                yield from self._run(iter(items))
            finally:
                self._owner = None
                self._abandon_busy()

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

    def _run(
        self, items: Iterator[Job | tuple[Path, str, str | None]]
    ) -> Iterator[ExtractionResult]:
        window = len(self._workers) * 8  # bound on results held back for ordering
        done: dict[int, ExtractionResult] = {}
        next_index = 0
        next_out = 0
        exhausted = False
        while True:
            for worker in self._workers:
                if exhausted or worker.job is not None or next_index - next_out >= window:
                    continue
                try:
                    item = next(items)
                except StopIteration:
                    exhausted = True
                    break
                self._dispatch(worker, next_index, Job(*item))
                next_index += 1
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.job is not None]
            if not busy:
                if exhausted:
                    return
                continue
            self._collect(busy, done)

    def _dispatch(self, worker: _Worker, index: int, job: Job, *, retry: bool = False) -> None:
        message = (str(job.path), job.rel_path, job.project)
        if not worker.process.is_alive():  # died while idle (killed from outside)
            self._replace(worker)
        for attempt in range(2):
            try:
                worker.conn.send(message)
                break
            except (OSError, EOFError):  # the idle worker died; the job never started
                if attempt:
                    raise PoolError("workers die on start") from None
                self._replace(worker)
        worker.index, worker.job, worker.retried = index, job, retry
        worker.deadline = time.monotonic() + self._limits.timeout_s

    def _collect(self, busy: list[_Worker], done: dict[int, ExtractionResult]) -> None:
        """Wait for the first answer, death or deadline among the busy workers."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        handles: list[object] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout=timeout))  # type: ignore[arg-type]
        now = time.monotonic()
        for worker in busy:
            job, index = worker.job, worker.index
            assert job is not None and index is not None
            result: ExtractionResult | None = None
            replace = False
            if worker.conn in ready or worker.process.sentinel in ready:
                result, replace = self._answer(worker, job)
                if result is None:  # died before answering: one more try on a fresh worker
                    self._replace(worker)
                    self._dispatch(worker, index, job, retry=True)
                    continue
            elif now >= worker.deadline:
                log.warning("extract_timeout", worker=worker.process.pid)
                result = Unreadable(
                    job.rel_path,
                    UnreadableReason.TIMEOUT,
                    f"no result within {self._limits.timeout_s:g} s",
                )
                replace = True
            if result is None:
                continue
            done[index] = result
            worker.job, worker.index = None, None
            worker.tasks += 1
            if replace or worker.tasks >= self._max_tasks:
                self._replace(worker)

    def _answer(self, worker: _Worker, job: Job) -> tuple[ExtractionResult | None, bool]:
        """Read the worker's result, or explain its death (None: retry the job once).

        The retry covers a worker killed from outside between jobs; a file that
        kills its worker twice is reported.
        """
        try:
            if worker.conn.poll():
                result: ExtractionResult = worker.conn.recv()
                memory = isinstance(result, Unreadable) and result.reason is UnreadableReason.MEMORY
                return result, memory
        except (EOFError, OSError):
            pass
        worker.process.join(_STOP_TIMEOUT_S)
        code = worker.process.exitcode
        log.warning("extract_worker_died", worker=worker.process.pid, exitcode=code)
        if not worker.retried:
            return None, True
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            reason = (
                UnreadableReason.MEMORY if -code == signal.SIGKILL else UnreadableReason.INTERNAL
            )
            return Unreadable(job.rel_path, reason, f"worker killed by {name}"), True
        return Unreadable(job.rel_path, UnreadableReason.INTERNAL, f"worker exited ({code})"), True

    # -- worker lifecycle ---------------------------------------------------

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, self._limits), daemon=True
        )
        process.start()
        child.close()
        try:
            if not parent.poll(_STARTUP_TIMEOUT_S):
                raise PoolError("extraction worker did not start in time")
            parent.recv()
        except (EOFError, OSError) as exc:
            process.kill()
            raise PoolError("extraction worker died on start") from exc
        except PoolError:
            process.kill()
            raise
        return _Worker(process=process, conn=parent)

    def _stop(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, EOFError):
            if worker.job is None and worker.process.is_alive():
                worker.conn.send(None)
        worker.process.join(_STOP_TIMEOUT_S if worker.job is None else 0)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(_STOP_TIMEOUT_S)
        worker.conn.close()
        with contextlib.suppress(ValueError):
            worker.process.close()

    def _replace(self, worker: _Worker) -> None:
        """Kill `worker` (if alive) and put a fresh process in its slot."""
        worker.job = None  # a killed worker's job is answered by the caller
        if worker.process.is_alive():
            worker.process.kill()
        self._stop(worker)
        fresh = self._start()
        worker.process, worker.conn, worker.tasks = fresh.process, fresh.conn, 0
        worker.index = None

    def _abandon_busy(self) -> None:
        """A consumer stopped iterating: jobs still running are not wanted any more."""
        for worker in self._workers:
            if worker.job is not None:
                worker.job, worker.index = None, None
                self._replace(worker)
