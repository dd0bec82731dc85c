"""SHELL: the long-running service.

Lifecycle (dramatiq's Worker shape): `start()` starts one observer per root
and returns; `run()` loops calling `tick()` until `stop()`; `join()` stops
the observers, waits for them and closes the store. `tick()` is the one place
work happens, so features extend it with `tick_hooks` (sd_notify, leader
election, scheduled jobs) without touching the loop.

One tick: reload rules if asked (only if they validate), run the reconciling
scan when due, turn queued event paths into observations, and ingest the
paths that are stable. A failing file is recorded and skipped; a failing
tick is logged and the next one runs: nothing escapes to kill the daemon.
Log lines carry ids, hashes and counts, never paths or names.
"""

from __future__ import annotations

import faulthandler
import gc
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import structlog

from recordkeeper import jobs, logs
from recordkeeper.bootstrap import build_context, open_extractor
from recordkeeper.config import Settings
from recordkeeper.errors import EXIT_OK, RuleFileError
from recordkeeper.ingest.scan import inspect_path
from recordkeeper.ingest.stability import StabilityTracker, is_lock_name
from recordkeeper.ingest.watcher import PathQueue, RootWatcher, choose_mode, filesystem_type
from recordkeeper.jobs import tree_head_hook
from recordkeeper.ops import leader
from recordkeeper.ops.metrics import serve_metrics
from recordkeeper.ops.sdnotify import SystemdNotifier
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services import stage_failures
from recordkeeper.services.classification import RulesWatch
from recordkeeper.services.context import Context
from recordkeeper.services.digest_sources import StoreDigestSources
from recordkeeper.services.ingest import (
    CHUNK,
    Extractor,
    IngestReport,
    RootIngestor,
    RootSpec,
    configured_roots,
    record_queue_length,
)
from recordkeeper.services.metrics import metrics_snapshot
from recordkeeper.services.pipeline import worker_analyzer
from recordkeeper.services.process_status import DailyRefresh, evaluate_pending
from recordkeeper.services.registration_catchup import RegistrationCatchUp
from recordkeeper.store import repo_documents as repo
from recordkeeper.web.server import WebServer

log = structlog.get_logger(__name__)

TickHook = Callable[["Daemon"], None]
_QUEUE_REPORT_S = 5.0


class Daemon:
    """Watches the roots and ingests what changes. Thread-safe `stop()` and `request_reload()`."""

    def __init__(
        self,
        ctx: Context,
        extractor: Extractor | None = None,
        *,
        tick_interval_s: float = 0.25,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ctx = ctx
        self.roots = configured_roots(ctx.settings)
        self.queue = PathQueue()
        self.tick_interval_s = tick_interval_s
        self.tick_hooks: list[TickHook] = []
        self._monotonic = monotonic
        stable_s = ctx.settings.ingest.stable_seconds
        self.trackers = {r.key: StabilityTracker(stable_s) for r in self.roots}
        self.ingestors = {r.key: RootIngestor(ctx, r, extractor) for r in self.roots}
        self.watchers: list[RootWatcher] = []
        self._stop = threading.Event()
        self._reload = threading.Event()
        self._next_rescan = 0.0
        self._next_queue_report = 0.0
        self._last_queue: int | None = None

    # ---- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Start one observer per root; a root that cannot be watched is still rescanned."""
        for root in self.roots:
            mode = choose_mode(root.mode, filesystem_type(root.path))
            try:
                watcher = RootWatcher(
                    root.key,
                    root.path,
                    self.queue,
                    mode,
                    self.ctx.settings.ingest.poll_interval_seconds,
                )
                watcher.start()
            except Exception as exc:  # missing root, inotify limits: rescans still cover it
                log.error("watch_failed", root=root.key, mode=mode, error=type(exc).__name__)
                continue
            self.watchers.append(watcher)
            log.info("watching", root=root.key, mode=mode)

    def run(self) -> None:
        """Tick until `stop()`; returns after the tick in progress has finished."""
        while not self._stop.is_set():
            self.tick()
            self.queue.wakeup.wait(self.tick_interval_s)

    def stop(self) -> None:
        self._stop.set()
        self.queue.wakeup.set()

    def request_reload(self) -> None:
        self._reload.set()
        self.queue.wakeup.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def join(self) -> None:
        """Stop the observers, wait for them, close the store."""
        for watcher in self.watchers:
            watcher.stop()
        for watcher in self.watchers:
            watcher.join(timeout=10)
        self.ctx.store.close()

    def queue_length(self) -> int:
        return len(self.queue) + sum(len(t) for t in self.trackers.values())

    # ---- work ----------------------------------------------------------------------------

    def tick(self) -> None:
        """One round of work; never raises."""
        for name, step in (
            ("reload", self._maybe_reload),
            ("rescan", self._maybe_rescan),
            ("events", self._take_events),
            ("ingest", self._ingest_ready),
            ("queue", self._report_queue),
        ):
            if self._stop.is_set():
                return
            try:
                step()
            except Exception as exc:
                log.exception("tick_step_failed", step=name, error=type(exc).__name__)
        for hook in list(self.tick_hooks):
            if self._stop.is_set():  # a stop waits for no hook: the next start catches up
                return
            try:
                hook(self)
            except Exception as exc:
                log.exception(
                    "tick_hook_failed",
                    hook=getattr(hook, "__name__", "?"),
                    error=type(exc).__name__,
                )

    def _maybe_reload(self) -> None:
        if not self._reload.is_set():
            return
        self._reload.clear()
        try:
            rules = load_ruleset(self.ctx.settings.rules_dir)
        except RuleFileError as exc:
            first = exc.problems[0] if exc.problems else None
            log.error(
                "rules_reload_rejected",
                problems=len(exc.problems),
                first_file=Path(first.file).name if first else None,
                first_line=first.line if first else None,
                kept="previous rules",
            )
            return
        self.ctx.rules = rules
        gc.unfreeze()  # the old rules may be collected (see settle_heap)
        log.info("rules_reloaded", files=len(rules.files))

    def _maybe_rescan(self) -> None:
        now = self._monotonic()
        if now < self._next_rescan:
            return
        for root in self.roots:
            if self._stop.is_set():
                return
            self._rescan(root, now)
        self._next_rescan = self._monotonic() + self.ctx.settings.ingest.rescan_minutes * 60

    def _rescan(self, root: RootSpec, now: float) -> None:
        """Reconciling scan: everything new, changed or missing goes through stability."""
        ingestor = self.ingestors[root.key]
        tracker = self.trackers[root.key]
        started = time.monotonic()
        plan = ingestor.plan()
        tracker.replace_locks("", plan.locks)
        problems = [e for e in plan.candidates if e.problem is not None]
        if problems:  # never read, so nothing to wait for
            ingestor.process(problems, should_stop=self._stop.is_set)
        report = IngestReport(root=root.key, seen=plan.seen, ignored=plan.ignored)
        for entry in plan.candidates:
            if entry.problem is None:
                tracker.observe(entry.rel_path, entry.size, entry.mtime_ns, now)
                report.pending.append(entry.rel_path)  # `status` shows what waits for stability
        for rel in plan.missing:
            tracker.observe(rel, None, None, now)
            report.pending.append(rel)
        report.unchanged = plan.unchanged
        report.unlisted_dirs.update(r.value for r in plan.unlisted_dirs.values())
        report.duration_s = time.monotonic() - started
        ingestor.record_scan(report)
        log.info(
            "rescan_planned",
            root=root.key,
            files=plan.seen,
            unchanged=plan.unchanged,
            candidates=len(plan.candidates),
            missing=len(plan.missing),
            seconds=round(time.monotonic() - started, 3),
        )

    def _take_events(self) -> None:
        now = self._monotonic()
        for key, rel in self.queue.drain():
            ingestor = self.ingestors.get(key)
            if ingestor is None:
                continue
            tracker = self.trackers[key]
            found = inspect_path(ingestor.root.path, rel, ingestor.ignore)
            if found is None:
                name = rel.rsplit("/", 1)[-1]
                if is_lock_name(name):
                    tracker.set_lock(rel, present=False)
                    continue
                for doc_path in self._known_under(ingestor.root.key, rel) or [rel]:
                    tracker.observe(doc_path, None, None, now)
                continue
            for lock in found.locks:
                tracker.set_lock(lock, present=True)
            problems = [e for e in found.entries if e.problem is not None]
            if problems:
                ingestor.process(problems, should_stop=self._stop.is_set)
            for entry in found.entries:
                if entry.problem is None:
                    tracker.observe(entry.rel_path, entry.size, entry.mtime_ns, now)

    def _known_under(self, root_key: str, rel: str) -> list[str]:
        with self.ctx.store.read() as session:
            return [d.path for d in repo.present_under(session, root_key, rel)]

    def _ingest_ready(self) -> None:
        now = self._monotonic()
        for key, tracker in self.trackers.items():
            ready = tracker.pop_ready(now, limit=CHUNK * 4)
            if not ready:
                continue
            report = self.ingestors[key].process(ready, should_stop=self._stop.is_set)
            later = self._monotonic()
            for rel in report.pending:  # still being written, or locked: look again later
                tracker.observe(rel, -2, -2, later)
            if report.changes or report.errors:
                log.info(
                    "ingested",
                    root=key,
                    changes=dict(report.changes),
                    errors=dict(report.errors),
                    pending=len(report.pending),
                )

    def _report_queue(self) -> None:
        now = self._monotonic()
        length = self.queue_length()
        if now < self._next_queue_report and length == self._last_queue:
            return
        if now < self._next_queue_report and length != 0:
            return
        record_queue_length(self.ctx, length)
        self._last_queue = length
        self._next_queue_report = now + _QUEUE_REPORT_S


def _pending_projects_hook(refresh: DailyRefresh) -> TickHook:
    """Once the queue is drained, evaluate the projects a bulk scan or the interval
    deferred, and every project at start, on each new day and after a rules reload."""

    def hook(daemon: Daemon) -> None:
        refresh(daemon.ctx)
        if daemon.queue_length() == 0:
            evaluate_pending(daemon.ctx)

    return hook


def _reclassify_hook(watch: RulesWatch, catch_up: RegistrationCatchUp) -> TickHook:
    """Re-classify, in batches per tick, after start and after each rules reload; then
    judge the must-register versions left without a prompt (`registration_catchup`)."""

    def hook(daemon: Daemon) -> None:
        watch(daemon.ctx)
        catch_up(daemon.ctx, watch.current)

    return hook


def settle_heap() -> None:
    """Keep what start-up loaded (modules, rules, the compiled classifier: some 200,000
    objects) out of the garbage collector's full passes from now on.

    Each full pass walked all of it (~0.1 s, about once per 2,000 files ingested, in
    this process that stores every file). A rules reload unfreezes, so that the old
    rules can be collected; the collector then walks everything again, as before.

    The young generation is collected after `YOUNG_GC_THRESHOLD` new container objects
    instead of 700: an ingest chunk's rows, events and changes outlive a few hundred
    allocations, so with 700 they were walked by some 31 young and 2 middle passes per
    1,000 files (≈ 8 ms of this process's ≈ 230 ms); with 10,000, one young pass or none
    (issue #3, docs/benchmarks.md session 14). Cyclic garbage waits a little longer.
    """
    gc.collect()  # nothing that is garbage already is kept for ever
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_GC_THRESHOLD, middle, old)


YOUNG_GC_THRESHOLD = 10_000


def run_daemon(settings: Settings) -> int:
    """Build the context, run until SIGTERM/SIGINT, stop cleanly; returns the exit status.

    Raises:
        RecordkeeperError: configuration, rules or store unusable at start (mapped by the CLI).
    """
    logs.configure(settings.log_level)
    leadership, instance_lock = leader.for_url(settings.database_url)
    if instance_lock is not None:
        instance_lock.acquire()  # SQLite: refuse a second instance before touching the db
    try:
        return _run(settings, leadership)
    finally:
        if instance_lock is not None:
            instance_lock.release()


def _start_web(ctx: Context) -> WebServer | None:
    """The web interface, when enabled; a port in use is logged, never fatal."""
    web = ctx.settings.web
    if not web.enabled:
        return None
    try:
        return WebServer(ctx, web.host, web.port).start()
    except (RuntimeError, OSError) as exc:
        log.error("web_failed", error=type(exc).__name__, port=web.port)
        return None


def _dump_stacks(_signum: int, _frame: FrameType | None) -> None:
    """`kill -USR1`: every thread's stack to stderr (the journal), how an operator sees where
    a daemon that does not stop is waiting; code locations only, never values.

    A Python handler, so it runs holding the GIL: `faulthandler.register` dumps from the
    signal itself while the other threads run, and crashed the daemon (SIGSEGV) in a test.
    """
    faulthandler.dump_traceback(file=sys.stderr, all_threads=True)


def _run(settings: Settings, leadership: leader.Leadership) -> int:
    ctx = build_context(settings)  # migrated before READY=1
    extractor = open_extractor(settings, worker_analyzer(ctx))
    daemon = Daemon(ctx, extractor)
    catch_up = RegistrationCatchUp(settings.ingest.rescan_minutes * 60, time.monotonic)
    watch = RulesWatch(interval_s=settings.ingest.rescan_minutes * 60)
    daemon.tick_hooks += [
        _reclassify_hook(watch, catch_up),
        _pending_projects_hook(DailyRefresh()),
    ]
    notifier = SystemdNotifier()
    setups = jobs.leader_job_setups(ctx, StoreDigestSources(), jobs.build_mailer(settings))
    leader_jobs = jobs.LeaderScheduler(ctx, leadership, setups)
    reload_pending = threading.Event()

    def watchdog_keepalive(_daemon: Daemon) -> None:
        notifier.watchdog()

    def leader_election(_daemon: Daemon) -> None:
        leader_jobs.tick()

    def reload_done(_daemon: Daemon) -> None:
        if reload_pending.is_set():  # hooks run after the tick's reload step
            reload_pending.clear()
            notifier.ready(status="reloaded")

    def stage_failures_kept(daemon_: Daemon) -> None:
        # a stage failure counted while the store could not take it (status shows them)
        stage_failures.flush(daemon_.ctx)

    daemon.tick_hooks += [watchdog_keepalive, leader_election, reload_done, stage_failures_kept]
    metrics_server = None
    if settings.metrics.enabled:  # every instance serves its view; the numbers come from the db
        metrics_server, _thread = serve_metrics(
            settings.metrics.host, settings.metrics.port, lambda: metrics_snapshot(ctx)
        )
    interval_s = settings.audit.head_interval_minutes * 60
    sign_heads = tree_head_hook(interval_s, time.monotonic)

    def tree_heads_while_leading(daemon_: Daemon) -> None:
        if leader_jobs.is_running:  # one signer per cluster, like the scheduled jobs
            sign_heads(daemon_)

    daemon.tick_hooks.append(tree_heads_while_leading)

    def _on_term(signum: int, _frame: FrameType | None) -> None:
        log.info("stopping", signal=signal.Signals(signum).name)
        notifier.stopping()
        daemon.stop()

    def _on_hup(_signum: int, _frame: FrameType | None) -> None:
        notifier.reloading()
        reload_pending.set()
        daemon.request_reload()

    signal.signal(signal.SIGTERM, _on_term)
    signal.signal(signal.SIGINT, _on_term)
    signal.signal(signal.SIGHUP, _on_hup)
    signal.signal(signal.SIGUSR1, _dump_stacks)
    log.info("daemon_started", roots=len(daemon.roots))
    settle_heap()
    daemon.start()
    web_server = _start_web(ctx)
    # the first tick starts the reconciling scan at once
    notifier.ready(status=f"watching {len(daemon.roots)} roots")
    try:
        daemon.run()
    finally:
        leader_jobs.stop()
        if metrics_server is not None:
            metrics_server.shutdown()
        if web_server is not None:
            web_server.stop()
        stage_failures_kept(daemon)  # the hooks stopped with the daemon; keep what they held
        daemon.join()
        extractor.close()
    log.info("daemon_stopped")
    return EXIT_OK
