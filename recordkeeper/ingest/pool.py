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
import gc
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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
_DEPTH = 6  # tasks queued per worker: slack for a parent that is slow to be scheduled
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


def _send_results(conn: Connection, outbox: queue.SimpleQueue[ExtractionResult | None]) -> None:
    """Worker's sender thread: a large result waiting for the parent to read the pipe
    must not keep the worker from starting its next file."""
    while (result := outbox.get()) is not None:
        try:
            conn.send(result)
        except MemoryError:
            reason, detail = UnreadableReason.MEMORY, "result too large to send"
            conn.send(Unreadable(result.path, reason, detail))
        except (OSError, EOFError):
            return


def _worker_main(conn: Connection, limits: Limits) -> None:
    """Worker loop: receive (path, rel_path, project), hand the result to the sender."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    # Objects inherited from the fork server stay out of the collector's scans, so
    # they are neither walked again nor copied on write page by page.
    gc.freeze()
    _cap_memory(limits.memory_mb)
    conn.send(("ready", os.getpid()))
    outbox: queue.SimpleQueue[ExtractionResult | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_results, args=(conn, outbox), daemon=True)
    sender.start()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        path, rel_path, project = message
        result: ExtractionResult
        try:
            result = extract_file(Path(path), rel_path, limits, project)
        except MemoryError:
            result = Unreadable(rel_path, UnreadableReason.MEMORY, "out of memory in worker")
        except BaseException as exc:  # the worker must answer, whatever happened
            result = Unreadable(rel_path, UnreadableReason.INTERNAL, type(exc).__name__)
        outbox.put(result)
    outbox.put(None)
    sender.join(_STOP_TIMEOUT_S)


@dataclass(frozen=True, slots=True)
class _Task:
    index: int
    job: Job
    retried: bool = False


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    pid: int
    tasks: int = 0
    queue: deque[_Task] = field(default_factory=deque)
    deadline: float = 0.0  # for the task at the head of the queue (the one running)


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
            self._ctx.set_forkserver_preload(["recordkeeper.ingest.extract.parsers"])
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
        return tuple(w.pid for w in self._workers)  # safe from any thread

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
    #
    # Each worker has up to _DEPTH tasks queued in its pipe, so that it starts the
    # next file as soon as it has sent a result instead of waiting for this process
    # to be scheduled (on a loaded machine that wait costs more than small files).
    # The worker runs its queue in order, so the head task is the running one and
    # its deadline starts when the result before it arrived.

    def _run(
        self, items: Iterator[Job | tuple[Path, str, str | None]]
    ) -> Iterator[ExtractionResult]:
        window = len(self._workers) * _DEPTH * 4  # bound on results held back for ordering
        done: dict[int, ExtractionResult] = {}
        again: deque[_Task] = deque()  # queued on a worker that had to be replaced
        next_index = 0
        next_out = 0
        exhausted = False
        while True:
            for depth in range(1, _DEPTH + 1):  # spread work before queueing deeper
                for worker in self._workers:
                    if len(worker.queue) >= depth or worker.tasks + depth > self._max_tasks:
                        continue
                    if again:
                        task = again.popleft()
                    elif exhausted or next_index - next_out >= window:
                        continue
                    else:
                        try:
                            item = next(items)
                        except StopIteration:
                            exhausted = True
                            continue
                        task = _Task(next_index, Job(*item))
                        next_index += 1
                    self._dispatch(worker, task, again)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.queue]
            if not busy:
                if exhausted and not again:
                    return
                continue
            self._collect(busy, done, again)

    def _dispatch(self, worker: _Worker, task: _Task, again: deque[_Task]) -> None:
        if not worker.queue and not worker.process.is_alive():  # died while idle
            self._replace(worker, again)
        message = (str(task.job.path), task.job.rel_path, task.job.project)
        try:
            worker.conn.send(message)
        except (OSError, EOFError):  # died: the task never started; a fresh worker takes it
            self._replace(worker, again)
            worker.conn.send(message)
        if not worker.queue:
            worker.deadline = time.monotonic() + self._limits.timeout_s
        worker.queue.append(task)

    def _collect(
        self, busy: list[_Worker], done: dict[int, ExtractionResult], again: deque[_Task]
    ) -> None:
        """Wait for answers, deaths or the first deadline among the busy workers."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        handles: list[object] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout=timeout))  # type: ignore[arg-type]
        for worker in busy:
            replace = False
            if worker.conn in ready or worker.process.sentinel in ready:
                replace = self._drain(worker, done, again)
            elif time.monotonic() >= worker.deadline:
                task = worker.queue.popleft()
                log.warning("extract_timeout", worker=worker.process.pid)
                done[task.index] = Unreadable(
                    task.job.rel_path,
                    UnreadableReason.TIMEOUT,
                    f"no result within {self._limits.timeout_s:g} s",
                )
                replace = True
            if replace:
                self._replace(worker, again)

    def _drain(
        self, worker: _Worker, done: dict[int, ExtractionResult], again: deque[_Task]
    ) -> bool:
        """Take every result the worker has sent; True when it must be replaced."""
        try:
            while worker.queue and worker.conn.poll():
                result: ExtractionResult = worker.conn.recv()
                task = worker.queue.popleft()
                done[task.index] = result
                worker.tasks += 1
                worker.deadline = time.monotonic() + self._limits.timeout_s
                if isinstance(result, Unreadable) and result.reason is UnreadableReason.MEMORY:
                    return True  # a process that ran out of memory is not trusted further
            if worker.process.is_alive() or not worker.queue:
                spent = not worker.queue and worker.tasks >= self._max_tasks
                return spent or not worker.process.is_alive()
        except (EOFError, OSError):
            pass
        # The worker died with its head task running.
        task = worker.queue.popleft()
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
            done[task.index] = Unreadable(task.job.rel_path, reason, f"worker killed by {name}")
        else:
            done[task.index] = Unreadable(
                task.job.rel_path, UnreadableReason.INTERNAL, f"worker exited ({code})"
            )
        return True

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
        return _Worker(process=process, conn=parent, pid=process.pid or 0)

    def _stop(self, worker: _Worker) -> None:
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

    def _replace(self, worker: _Worker, again: deque[_Task] | None = None) -> None:
        """Kill `worker` (if alive) and put a fresh process in its slot.

        Tasks still queued on it never started; they go back to `again`, in order.
        """
        if again is not None:
            again.extendleft(reversed(worker.queue))
        worker.queue.clear()
        if worker.process.is_alive():
            worker.process.kill()
        self._stop(worker)
        fresh = self._start()
        worker.process, worker.conn, worker.pid = fresh.process, fresh.conn, fresh.pid
        worker.tasks = 0

    def _abandon_busy(self) -> None:
        """A consumer stopped iterating: jobs still running are not wanted any more."""
        for worker in self._workers:
            if worker.queue:
                self._replace(worker)
