"""SHELL: build the service `Context` and the extraction adapter from settings.

Used by the CLI and the daemon alike (the only place adapters are made): open
the store, bring its schema up to date, load and validate the rules, start
the extraction worker pool.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from recordkeeper.audit.keys import load_master_key, load_or_create_key
from recordkeeper.config import Settings
from recordkeeper.ingest.pool import Extracted, ExtractionPool, Job, NotReady
from recordkeeper.model import ExtractionResult
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.audit import SIGNER
from recordkeeper.services.context import Clock, Context, SystemClock
from recordkeeper.services.ingest import (
    Analyzed,
    Analyzer,
    ExtractJob,
    JobBatches,
    analyzes_in_workers,
    limits_from,
)
from recordkeeper.services.vault import VAULT, Vault
from recordkeeper.store.unit import Store


def build_context(
    settings: Settings, clock: Clock | None = None, *, migrate: bool = True
) -> Context:
    """Open the store (migrated to the newest schema) and load the rules.

    Raises:
        StoreError: the database cannot be opened or migrated (exit 3).
        RuleFileError: a rule file is invalid (exit 2).
        KeyPermissionError: the audit key or vault master key is open to others (exit 2).
    """
    rules = load_ruleset(settings.rules_dir)
    store = Store(settings.database_url)
    if migrate:
        store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store, clock=clock or SystemClock())
    ctx.extras.update(audit_ports(settings, ctx.clock))
    return ctx


def audit_ports(settings: Settings, clock: Clock | None = None) -> dict[str, Any]:
    """The audit signing key and the personal-data vault (key files created 0600 on first run).

    Raises:
        KeyPermissionError: a key file is open to other users; the service must not start.
    """
    return {
        SIGNER: load_or_create_key(settings.audit.key_file),
        VAULT: Vault(load_master_key(settings.audit.master_key_file), clock),
    }


class PoolExtractor:
    """The ingest service's `Extractor` port over worker processes (timeout, memory cap)."""

    def __init__(self, pool: ExtractionPool) -> None:
        self.pool = pool

    def extract_many(self, jobs: Sequence[ExtractJob]) -> list[ExtractionResult]:
        return list(self.pool.map([Job(j.file, j.rel_path, j.project) for j in jobs]))

    @property
    def workers(self) -> int:
        return len(self.pool.worker_pids())

    def extract_analyzed(self, jobs: Sequence[ExtractJob], analyzer: Analyzer) -> list[Analyzed]:
        """Extract and run `analyzer` in the workers (sent to them when it changes)."""
        self._use(analyzer)
        return list(self.pool.map_analyzed([Job(j.file, j.rel_path, j.project) for j in jobs]))

    def extract_read(
        self, jobs: Sequence[ExtractJob], analyzer: Analyzer | None, *, encode: bool
    ) -> list[Extracted]:
        """Read (`root` jobs), hash, extract, analyze and encode in the workers."""
        self._use(analyzer)
        work = _reading_jobs(jobs)
        return list(self.pool.map_extracted(work, analyze=analyzer is not None, encode=encode))

    def extract_stream(
        self, batches: JobBatches, analyzer: Analyzer | None, *, encode: bool
    ) -> Iterator[list[Extracted]]:
        """`extract_read` over chunk after chunk, the next one's files starting while
        the last of one still run (`ExtractionPool.map_batches`)."""
        self._use(analyzer)

        def jobs(wait: bool) -> list[Job] | NotReady | None:
            batch = batches(wait)
            if batch is None or isinstance(batch, NotReady):
                return batch
            return _reading_jobs(batch)

        return self.pool.map_batches(jobs, analyze=analyzer is not None, encode=encode)

    def _use(self, analyzer: Analyzer | None) -> None:
        """Have the workers run `analyzer` (sent to them only when it changes)."""
        if analyzer is not None and self.pool.analyzer != analyzer:
            self.pool.set_analyzer(analyzer)

    def close(self) -> None:
        self.pool.close()


def _reading_jobs(jobs: Sequence[ExtractJob]) -> list[Job]:
    """The pool's jobs for `jobs`, `root` jobs read by the workers as they are."""
    return [Job(j.path, j.rel_path, j.project, j.root, j.known) for j in jobs]


def open_extractor(settings: Settings, analyzer: Analyzer | None = None) -> PoolExtractor:
    """Start `ingest.workers` extraction workers; close them with `.close()`.

    With `analyzer` (`pipeline.worker_analyzer`), each worker has it ready (the
    classifier's rules compiled) before it takes its first file, when ingest has
    its workers analyze at all with this many of them.
    """
    workers = settings.ingest.workers
    pool = ExtractionPool(
        limits_from(settings),
        workers=workers,
        analyzer=analyzer if analyzes_in_workers(workers) else None,
        preload=["recordkeeper.services.classify_worker"],  # the classify stage's analyzer
    )
    return PoolExtractor(pool)
