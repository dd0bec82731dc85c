"""Ingest hands the workers chunk after chunk in one stream (issue #3): the next chunk's
files start while the last of a chunk still run, each chunk is still stored on its own,
and an extractor that breaks inside the stream loses no file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.bootstrap import PoolExtractor
from recordkeeper.config import Settings
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import NOT_READY, ExtractionPool, Job, NotReady, PoolError
from recordkeeper.model import DocumentFacts
from recordkeeper.services import ingest
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import (
    Analyzer,
    Extracted,
    ExtractJob,
    JobBatches,
    RootIngestor,
    configured_roots,
)
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.unit import Store

pytestmark = pytest.mark.usefixtures("ingest_only")


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    with ExtractionPool(Limits(timeout_s=30), workers=2) as shared:
        yield shared


def _files(folder: Path, count: int, prefix: str = "f") -> list[Job]:
    folder.mkdir(parents=True, exist_ok=True)
    jobs = []
    for n in range(count):
        path = folder / f"{prefix}{n}.txt"
        path.write_text(f"Minnesanteckning {prefix}{n}", encoding="utf-8")
        jobs.append(Job(path, path.name))
    return jobs


def test_the_next_batch_is_taken_before_a_batch_is_answered(
    tmp_path: Path, pool: ExtractionPool
) -> None:
    batches = [_files(tmp_path / str(n), 3, f"b{n}-") for n in range(3)]
    events: list[str] = []

    def source(wait: bool) -> Sequence[Job] | NotReady | None:
        taken = sum(e.startswith("took") for e in events)
        if taken == len(batches):
            return None
        events.append(f"took {taken}")
        return batches[taken]

    answered = []
    for answers in pool.map_batches(source, analyze=False):
        events.append(f"answered {len(answered)}")
        answered.append([a.result.path for a in answers if a.result is not None])
    assert answered == [[j.rel_path for j in batch] for batch in batches]
    # one batch at a time (a map per chunk) would answer batch 0 before taking batch 1
    assert events.index("took 1") < events.index("answered 0")


def test_a_source_not_ready_is_asked_to_wait_once_every_answer_is_out(
    tmp_path: Path, pool: ExtractionPool
) -> None:
    first, second = _files(tmp_path / "a", 4, "a"), _files(tmp_path / "b", 2, "b")
    calls: list[tuple[bool, int]] = []  # (wait, batches answered so far)
    answered: list[list[Extracted]] = []
    given = 0

    def source(wait: bool) -> Sequence[Job] | NotReady | None:
        nonlocal given
        calls.append((wait, len(answered)))
        if given == 0:
            given = 1
            return first
        if given == 1 and wait:
            given = 2
            return second
        return None if given == 2 else NOT_READY

    for answers in pool.map_batches(source, analyze=False):
        answered.append(answers)
    assert [len(a) for a in answered] == [4, 2]
    assert all(isinstance(a.result, DocumentFacts) for batch in answered for a in batch)
    waits = [done for wait, done in calls if wait]
    assert waits and waits[0] == 1  # asked to wait only after the first batch was answered
    assert (False, 0) in calls  # asked without waiting while the first batch ran


def test_an_empty_batch_is_refused(tmp_path: Path) -> None:
    with (
        ExtractionPool(Limits(timeout_s=30), workers=1) as single,
        pytest.raises(PoolError, match="empty batch"),
    ):
        list(single.map_batches(lambda wait: [], analyze=False))


def test_a_map_after_a_stream_still_works(tmp_path: Path, pool: ExtractionPool) -> None:
    jobs = _files(tmp_path, 2)
    given = iter([jobs])
    assert len(list(pool.map_batches(lambda wait: next(given, None), analyze=False))) == 1
    assert [r.path for r in pool.map(jobs)] == [j.rel_path for j in jobs]


class _Streaming:
    """The real pool extractor; with `break_after` its stream raises after that many
    chunks (an extractor breaking its contract)."""

    def __init__(self, inner: PoolExtractor, break_after: int | None = None) -> None:
        self.inner = inner
        self.break_after = break_after
        self.streamed = 0  # chunks answered through the stream
        self.chunked = 0  # chunks answered one at a time (`extract_read`)

    @property
    def workers(self) -> int:
        return self.inner.workers

    def extract_read(
        self, jobs: Sequence[ExtractJob], analyzer: Analyzer | None, *, encode: bool
    ) -> list[Extracted]:
        self.chunked += 1
        return self.inner.extract_read(jobs, analyzer, encode=encode)

    def extract_stream(
        self, batches: JobBatches, analyzer: Analyzer | None, *, encode: bool
    ) -> Iterator[list[Extracted]]:
        for answers in self.inner.extract_stream(batches, analyzer, encode=encode):
            if self.streamed == self.break_after:
                raise RuntimeError("stream broke")
            self.streamed += 1
            yield answers


@pytest.fixture
def extractor(pool: ExtractionPool) -> PoolExtractor:
    return PoolExtractor(pool)  # not closed: the module's pool is shared


def _stored(store: Store) -> list[tuple[object, ...]]:
    with store.read() as s:
        documents = s.execute(
            select(DocumentRow.path, DocumentRow.state, DocumentRow.error_reason).order_by(
                DocumentRow.path
            )
        )
        audit = s.execute(select(AuditEntryRow.event).order_by(AuditEntryRow.idx))
        return [*map(tuple, documents), *audit.scalars()]


def _share(share: Path, count: int) -> None:
    for n in range(count):
        folder = share / "FMB Ländryggssmärta" / ("Gamla versioner" if n % 3 else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"anteckning {n}.txt").write_text(f"Anteckning {n}", encoding="utf-8")


def test_chunks_streamed_to_the_workers_are_stored_as_chunk_by_chunk(
    ctx: Context,
    share: Path,
    settings: Settings,
    tmp_path: Path,
    extractor: PoolExtractor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ingest, "CHUNK", 3)
    _share(share, 11)
    root = configured_roots(ctx.settings)[0]
    streaming = _Streaming(extractor)
    report = RootIngestor(ctx, root, streaming).scan()
    assert report.changes == {"new": 11}
    assert (streaming.streamed, streaming.chunked) == (4, 0)
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.migrate()
    try:  # the same share read in process, a chunk at a time
        RootIngestor(
            Context(settings=settings, rules=ctx.rules, store=other, clock=ctx.clock), root
        ).scan()
        assert _stored(ctx.store) == _stored(other)
    finally:
        other.close()


def test_a_stream_that_breaks_loses_no_file(
    ctx: Context, share: Path, extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "CHUNK", 3)
    _share(share, 30)  # 10 chunks of 3
    root = configured_roots(ctx.settings)[0]
    broken = _Streaming(extractor, break_after=1)
    report = RootIngestor(ctx, root, broken).scan()
    assert report.changes["new"] == 30
    # It broke on chunk 1's answers, before chunk 1 was stored: the storing thread had handed
    # over at most chunks 0-3 (_AHEAD), so 1 to 3 chunks were taken and are 'internal'; the
    # stream had not had chunks 4-9, which went one at a time.
    assert ingest.CHUNK <= report.errors["internal"] <= 3 * ingest.CHUNK
    assert broken.streamed == 1 and broken.chunked >= 6
    documents = [r for r in _stored(ctx.store) if isinstance(r, tuple)]
    assert len(documents) == 30  # each file recorded once
    assert sum(r[2] == "internal" for r in documents) == report.errors["internal"]
    RootIngestor(ctx, root, extractor).scan()  # internal errors are retried
    assert [r[2] for r in _stored(ctx.store) if isinstance(r, tuple)] == [None] * 30


@pytest.mark.parametrize(
    ("total", "sizes"),
    [
        (0, []),
        (5, [5]),
        (31, [31]),
        (32, [8, 8, 8, 8]),
        (129, [128, 1]),
        (160, [128, 8, 8, 8, 8]),
        (1000, [128] * 7 + [26] * 4),
    ],
)
def test_the_last_chunk_comes_in_quarters(total: int, sizes: list[int]) -> None:
    paths = [f"f{n}.txt" for n in range(total)]
    chunks = ingest.chunked(paths, 128)
    assert [len(c) for c in chunks] == sizes
    assert [p for chunk in chunks for p in chunk] == paths


def test_a_scan_stopped_between_chunks_leaves_the_rest_pending(
    ctx: Context, share: Path, extractor: PoolExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "CHUNK", 64)
    _share(share, 100)  # a chunk of 64, then the last 36 in chunks of 9
    root = configured_roots(ctx.settings)[0]
    ingestor = RootIngestor(ctx, root, extractor)
    paths = sorted(p.relative_to(share).as_posix() for p in share.rglob("*.txt"))
    stored = 0

    def progress(done: int, total: int) -> None:
        nonlocal stored
        stored = done

    report = ingestor.process(paths, progress=progress, should_stop=lambda: stored >= 73)
    assert stored == 73  # 64 + 9
    assert report.pending == paths[73:]
    recorded = [r[0] for r in _stored(ctx.store) if isinstance(r, tuple)]
    assert sorted(recorded) == sorted(paths[:73])
