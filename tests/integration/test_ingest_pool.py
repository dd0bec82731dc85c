"""Ingest through the real worker pool (issue #3): each file is read, hashed, extracted
and encoded once, in a worker, and content extracted before is not extracted again.
The store ends up as with in-process extraction."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.bootstrap import PoolExtractor
from recordkeeper.config import Settings
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import ExtractionPool, NotReady
from recordkeeper.ingest.scan import hash_file
from recordkeeper.model import ExtractionResult
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import (
    KNOWN_PER_JOB,
    Analyzer,
    Extracted,
    ExtractJob,
    IngestReport,
    JobBatches,
    RootIngestor,
    configured_roots,
)
from recordkeeper.store.tables import AuditEntryRow, DocumentRow, ExtractionRow
from recordkeeper.store.unit import Store
from tests import hostile

pytestmark = pytest.mark.usefixtures("ingest_only")


@pytest.fixture(scope="module")
def pool() -> Iterator[PoolExtractor]:
    extractor = PoolExtractor(ExtractionPool(Limits(timeout_s=30), workers=1))
    yield extractor
    extractor.close()


class Recording:
    """The real pool extractor, keeping the jobs it was given."""

    def __init__(self, inner: PoolExtractor) -> None:
        self.inner = inner
        self.jobs: list[ExtractJob] = []
        self.answers: list[Extracted] = []

    @property
    def workers(self) -> int:
        return self.inner.workers

    def extract_many(self, jobs: Sequence[ExtractJob]) -> list[ExtractionResult]:
        self.jobs.extend(jobs)
        return self.inner.extract_many(jobs)

    def extract_read(
        self, jobs: Sequence[ExtractJob], analyzer: Analyzer | None, *, encode: bool
    ) -> list[Extracted]:
        self.jobs.extend(jobs)
        answers = self.inner.extract_read(jobs, analyzer, encode=encode)
        self.answers.extend(answers)
        return answers

    def extract_stream(
        self, batches: JobBatches, analyzer: Analyzer | None, *, encode: bool
    ) -> Iterator[list[Extracted]]:
        def recorded(wait: bool) -> Sequence[ExtractJob] | NotReady | None:
            batch = batches(wait)
            if batch is not None and not isinstance(batch, NotReady):
                self.jobs.extend(batch)
            return batch

        for answers in self.inner.extract_stream(recorded, analyzer, encode=encode):
            self.answers.extend(answers)
            yield answers


@pytest.fixture
def reader(pool: PoolExtractor) -> Recording:
    return Recording(pool)


def scan(ctx: Context, extractor: Recording | None = None) -> IngestReport:
    return RootIngestor(ctx, configured_roots(ctx.settings)[0], extractor).scan()


def stored(store: Store) -> list[tuple[object, ...]]:
    """What a scan recorded, without ids or times."""
    with store.read() as s:
        documents = s.execute(
            select(
                DocumentRow.path, DocumentRow.state, DocumentRow.current_sha256,
                DocumentRow.size, DocumentRow.error_reason, DocumentRow.project,
            ).order_by(DocumentRow.path)
        )  # fmt: skip
        extractions = s.execute(
            select(
                ExtractionRow.sha256, ExtractionRow.kind, ExtractionRow.facts,
                ExtractionRow.error_reason, ExtractionRow.error_detail,
            ).order_by(ExtractionRow.sha256)
        )  # fmt: skip
        audit = s.execute(select(AuditEntryRow.event).order_by(AuditEntryRow.idx))
        return [*map(tuple, documents), *map(tuple, extractions), *audit.scalars()]


def docs(store: Store) -> list[DocumentRow]:
    with store.read() as s:
        rows = list(s.execute(select(DocumentRow).order_by(DocumentRow.path)).scalars())
        s.expunge_all()
        return rows


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_new_files_are_read_by_the_workers_and_stored_as_extracted_in_process(
    ctx: Context, share: Path, reader: Recording, settings: Settings, tmp_path: Path
) -> None:
    write(share / "P1" / "note.txt", "Minnesanteckning från mötet")
    write(share / "P1" / "copy.txt", "Minnesanteckning från mötet")
    make_docx(share / "P1" / "beslut.docx", title="Beslut")
    (share / "empty.txt").touch()
    hostile.garbage(share / "broken.docx")
    report = scan(ctx, reader)
    assert report.changes == {"new": 4, "copied": 1, "unreadable": 2}
    assert [(j.root, j.sha256) for j in reader.jobs] == [(share, None)] * 5
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.migrate()
    try:
        scan(Context(settings=settings, rules=ctx.rules, store=other, clock=ctx.clock))
        assert stored(ctx.store) == stored(other)
    finally:
        other.close()


def test_a_moved_file_is_read_by_a_worker_and_not_extracted_again(
    ctx: Context, share: Path, reader: Recording
) -> None:
    write(share / "a.txt", "Protokoll")
    write(share / "c.txt", "Protokol!")  # same size, other content
    scan(ctx, reader)
    (doc,) = [d for d in docs(ctx.store) if d.path == "a.txt"]
    reader.jobs.clear()
    reader.answers.clear()
    (share / "b.txt").write_bytes((share / "a.txt").read_bytes())
    os.unlink(share / "a.txt")
    report = scan(ctx, reader)
    assert report.changes == {"moved": 1}
    assert [(j.rel_path, j.sha256) for j in reader.jobs] == [("b.txt", None)]
    assert reader.jobs[0].known == {doc.current_sha256, hash_file(share, "c.txt").sha256}
    (answer,) = reader.answers
    assert answer[0] is None  # known content: hashed, not extracted
    assert answer[3] == hash_file(share, "b.txt")


def test_a_new_version_of_a_new_size_is_read_by_a_worker(
    ctx: Context, share: Path, reader: Recording
) -> None:
    write(share / "a.txt", "Utkast")
    scan(ctx, reader)
    reader.jobs.clear()
    write(share / "a.txt", "Utkast, nu längre")
    report = scan(ctx, reader)
    assert report.changes == {"new_version": 1}
    assert [(j.rel_path, j.sha256) for j in reader.jobs] == [("a.txt", None)]


def test_a_file_whose_worker_timed_out_is_hashed_here_and_recorded_as_timeout(
    ctx: Context, share: Path, tmp_path: Path
) -> None:
    hostile.huge_valid_docx(tmp_path / "slow.docx", paragraphs=150_000)
    shutil.copy(tmp_path / "slow.docx", share / "slow.docx")
    write(share / "note.txt", "Anteckning")
    with ExtractionPool(Limits(timeout_s=0.3), workers=1) as tiny:
        report = scan(ctx, Recording(PoolExtractor(tiny)))
    assert report.changes == {"new": 2, "unreadable": 1}
    with ctx.store.read() as s:
        slow = s.execute(select(DocumentRow).where(DocumentRow.path == "slow.docx")).scalar_one()
    assert slow.error_reason == "timeout"
    assert slow.current_sha256 is not None


def test_a_file_of_a_size_many_contents_share_is_hashed_here(
    ctx: Context, share: Path, reader: Recording
) -> None:
    for n in range(KNOWN_PER_JOB + 1):
        write(share / f"{n:03d}.txt", f"Export {n:03d}")
    scan(ctx, reader)
    reader.jobs.clear()
    write(share / "new.txt", "Export new")
    report = scan(ctx, reader)
    assert report.changes == {"new": 1}
    assert [(j.rel_path, j.root) for j in reader.jobs] == [("new.txt", None)]
