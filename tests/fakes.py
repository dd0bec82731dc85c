"""Hand-written fakes that satisfy our Protocols; nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import ExtractionResult
from recordkeeper.services.classify_files import ExtractJob


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2025, 6, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, **delta: float) -> datetime:
        self._now += timedelta(seconds=seconds, **delta)
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when


class InProcess:
    """The Extractor port, reading each file in this process (no pool needed in tests)."""

    def extract_many(
        self, jobs: Iterable[ExtractJob]
    ) -> Iterator[tuple[ExtractJob, ExtractionResult]]:
        for job in jobs:
            yield job, extract_file(job.path, job.rel_path, Limits())
