"""SHELL: build the service `Context` and the extraction adapter from settings.

Used by the CLI and the daemon alike (the only place adapters are made): open
the store, bring its schema up to date, load and validate the rules, start
the extraction worker pool.
"""

from __future__ import annotations

from collections.abc import Sequence

from recordkeeper.config import Settings
from recordkeeper.ingest.pool import ExtractionPool, Job
from recordkeeper.model import ExtractionResult
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.context import Clock, Context, SystemClock
from recordkeeper.services.ingest import ExtractJob, limits_from
from recordkeeper.store.unit import Store


def build_context(
    settings: Settings, clock: Clock | None = None, *, migrate: bool = True
) -> Context:
    """Open the store (migrated to the newest schema) and load the rules.

    Raises:
        StoreError: the database cannot be opened or migrated (exit 3).
        RuleFileError: a rule file is invalid (exit 2).
    """
    rules = load_ruleset(settings.rules_dir)
    store = Store(settings.database_url)
    if migrate:
        store.migrate()
    return Context(settings=settings, rules=rules, store=store, clock=clock or SystemClock())


class PoolExtractor:
    """The ingest service's `Extractor` port over worker processes (timeout, memory cap)."""

    def __init__(self, pool: ExtractionPool) -> None:
        self.pool = pool

    def extract_many(self, jobs: Sequence[ExtractJob]) -> list[ExtractionResult]:
        return list(self.pool.map([Job(j.path, j.rel_path, j.project) for j in jobs]))

    def close(self) -> None:
        self.pool.close()


def open_extractor(settings: Settings) -> PoolExtractor:
    """Start `ingest.workers` extraction workers; close them with `.close()`."""
    return PoolExtractor(ExtractionPool(limits_from(settings), workers=settings.ingest.workers))
