"""The extraction pool: results in order, hostile files contained, workers replaced."""

from __future__ import annotations

import operator
import os
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import psutil
import pytest

from recordkeeper.ingest.extract import Limits, codec, extract_file
from recordkeeper.ingest.pool import ExtractionPool, Job, PoolError
from recordkeeper.ingest.scan import hash_file
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from recordkeeper.samples.builders import make_docx, make_pdf, make_xlsx
from tests import hostile
from tests.integration.test_extract_hostile import CASES


@pytest.fixture(scope="module")
def pool() -> Iterator[ExtractionPool]:
    with ExtractionPool(Limits(timeout_s=30), workers=2) as shared:
        yield shared


def test_map_returns_results_in_input_order(tmp_path: Path, pool: ExtractionPool) -> None:
    jobs = []
    for n in range(12):
        if n % 3 == 0:
            path = make_docx(tmp_path / f"{n}.docx", title=f"Dokument {n}")
        elif n % 3 == 1:
            path = make_pdf(tmp_path / f"{n}.pdf", [f"Dokument {n}"] * (1 + 40 * (n % 2)))
        else:
            path = make_xlsx(tmp_path / f"{n}.xlsx", [[f"Dokument {n}"]])
        jobs.append(Job(path, f"P1/{path.name}", "P1"))
    results = list(pool.map(jobs))
    assert [r.path for r in results] == [j.rel_path for j in jobs]
    for n, result in enumerate(results):
        assert isinstance(result, DocumentFacts)
        assert f"Dokument {n}" in result.text
        assert result.project == "P1"


def test_every_hostile_case_through_the_pool(tmp_path: Path, pool: ExtractionPool) -> None:
    jobs = []
    for case in sorted(CASES):
        name, build, _ = CASES[case]
        folder = tmp_path / case
        folder.mkdir()
        jobs.append(Job(build(folder, folder / name), f"{case}/{name}"))
    good = make_docx(tmp_path / "ok.docx", paragraphs=["Fungerar"])
    jobs.append(Job(good, "ok.docx"))
    results = list(pool.map(jobs))
    expected = [CASES[case][2] for case in sorted(CASES)]
    assert [r.reason for r in results[:-1] if isinstance(r, Unreadable)] == expected
    assert isinstance(results[-1], DocumentFacts)


def test_worker_killed_twice_on_one_file_reports_memory(tmp_path: Path) -> None:
    slow = hostile.huge_valid_docx(tmp_path / "slow.docx", paragraphs=150_000)
    with ExtractionPool(Limits(timeout_s=120), workers=1) as single:
        outcome: list[object] = []
        runner = threading.Thread(target=lambda: outcome.append(single.extract(slow, "s.docx")))
        runner.start()
        killed: set[int] = set()
        deadline = time.monotonic() + 60
        while len(killed) < 2 and time.monotonic() < deadline:
            (pid,) = single.worker_pids()
            if pid not in killed and _busy(pid):
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            time.sleep(0.01)  # polling interval
        runner.join(60)
        assert len(killed) == 2
        (result,) = outcome
        assert isinstance(result, Unreadable)
        assert result.reason is UnreadableReason.MEMORY
        assert "SIGKILL" in result.detail
        note = tmp_path / "after.txt"
        note.write_text("Efteråt", encoding="utf-8")
        assert isinstance(single.extract(note, "after.txt"), DocumentFacts)


def _busy(pid: int) -> bool:
    """The worker has spent CPU time on the current file (so it is past reading it)."""
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return False
    return times.user + times.system > 0.3


def test_slow_file_times_out_and_the_files_queued_behind_it_are_still_read(
    tmp_path: Path,
) -> None:
    slow = hostile.huge_valid_docx(tmp_path / "slow.docx", paragraphs=150_000)
    note = tmp_path / "note.txt"
    note.write_text("Minnesanteckning", encoding="utf-8")
    good = make_docx(tmp_path / "ok.docx", paragraphs=["Efteråt"])
    jobs = [Job(note, "a.txt"), Job(slow, "slow.docx"), Job(note, "b.txt"), Job(good, "ok.docx")]
    with ExtractionPool(Limits(timeout_s=0.3), workers=1) as tiny:
        pid_before = tiny.worker_pids()
        results = list(tiny.map(jobs))
        assert tiny.worker_pids() != pid_before
    assert [r.path for r in results] == ["a.txt", "slow.docx", "b.txt", "ok.docx"]
    assert isinstance(results[1], Unreadable)
    assert results[1].reason is UnreadableReason.TIMEOUT
    assert all(isinstance(r, DocumentFacts) for r in (results[0], results[2], results[3]))
    with ExtractionPool(Limits(timeout_s=60), workers=1) as patient:
        assert isinstance(patient.extract(slow, "slow.docx"), DocumentFacts)  # valid, only slow


def test_workers_are_recycled_after_their_task_budget(tmp_path: Path) -> None:
    paths = [make_docx(tmp_path / f"{n}.docx", title=f"D{n}") for n in range(7)]
    with ExtractionPool(Limits(), workers=2, max_tasks_per_worker=2) as recycling:
        first = recycling.worker_pids()
        results = list(recycling.map(Job(p, p.name) for p in paths))
        assert not set(first) & set(recycling.worker_pids())
    assert [r.path for r in results] == [p.name for p in paths]
    assert all(isinstance(r, DocumentFacts) for r in results)


def test_a_worker_is_not_recycled_after_a_few_thousand_files(tmp_path: Path) -> None:
    # A replacement costs the fresh worker its start-up (the analyzer compiled) and holds
    # the parent: with the default budget (10,000) a long ingest keeps its workers.
    note = tmp_path / "note.txt"
    note.write_text("Protokoll", encoding="utf-8")
    with ExtractionPool(Limits(), workers=1) as default:
        first = default.worker_pids()
        results = list(default.map(Job(note, f"{n}.txt") for n in range(2_500)))
        assert default.worker_pids() == first
    assert [r.path for r in results] == [f"{n}.txt" for n in range(2_500)]
    assert all(isinstance(r, DocumentFacts) for r in results)


def test_memory_hog_gets_memory_and_the_worker_is_replaced(tmp_path: Path) -> None:
    hog = tmp_path / "hog.txt"
    with hog.open("wb") as stream:
        stream.truncate(96 * 1024 * 1024)  # sparse: cheap on disk, 96 MiB to read
    good = make_docx(tmp_path / "ok.docx", paragraphs=["Efteråt"])
    with ExtractionPool(Limits(memory_mb=64), workers=1) as capped:
        result = capped.extract(hog, "hog.txt")
        assert isinstance(result, Unreadable)
        assert result.reason is UnreadableReason.MEMORY
        assert isinstance(capped.extract(good, "ok.docx"), DocumentFacts)


def test_worker_killed_from_outside_is_replaced(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "ok.docx", paragraphs=["Efteråt"])
    with ExtractionPool(Limits(), workers=1) as single:
        (pid,) = single.worker_pids()
        os.kill(pid, signal.SIGKILL)
        assert isinstance(single.extract(good, "ok.docx"), DocumentFacts)
        assert single.worker_pids() != (pid,)


def test_closed_pool_refuses_work(tmp_path: Path) -> None:
    single = ExtractionPool(Limits(), workers=1)
    single.close()
    single.close()
    with pytest.raises(PoolError):
        single.extract(tmp_path / "x.txt", "x.txt")


def test_abandoned_map_leaves_the_pool_usable(tmp_path: Path, pool: ExtractionPool) -> None:
    paths = [make_docx(tmp_path / f"{n}.docx", title=f"D{n}") for n in range(6)]
    iterator = pool.map(Job(p, p.name) for p in paths)
    first = next(iterator)
    iterator.close()
    assert first.path == "0.docx"
    assert [r.path for r in pool.map(Job(p, p.name) for p in paths[:2])] == ["0.docx", "1.docx"]


def test_a_timeout_inside_a_batch_loses_none_of_the_other_files(tmp_path: Path) -> None:
    slow = hostile.huge_valid_docx(tmp_path / "slow.docx", paragraphs=150_000)
    notes = []
    for n in range(30):
        note = tmp_path / f"{n}.txt"
        note.write_text(f"Anteckning {n}", encoding="utf-8")
        notes.append(Job(note, f"{n}.txt"))
    jobs = [*notes[:10], Job(slow, "slow.docx"), *notes[10:]]
    with ExtractionPool(Limits(timeout_s=0.3), workers=1) as tiny:
        results = list(tiny.map(jobs))
    assert [r.path for r in results] == [j.rel_path for j in jobs]
    reasons = [r.reason for r in results if isinstance(r, Unreadable)]
    assert reasons == [UnreadableReason.TIMEOUT]
    texts = [r.text for r in results if isinstance(r, DocumentFacts)]
    assert texts == [f"Anteckning {n}" for n in range(30)]


def test_the_analyzer_runs_in_the_workers_and_can_be_replaced(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "ok.docx", title="Beslut")
    empty = tmp_path / "empty.txt"
    empty.touch()
    jobs = [Job(good, "ok.docx"), Job(empty, "empty.txt")]
    with ExtractionPool(Limits(), workers=2, analyzer=operator.attrgetter("kind")) as analyzing:
        first = list(analyzing.map_analyzed(jobs))
        analyzing.set_analyzer(operator.attrgetter("title"))
        second = list(analyzing.map_analyzed(jobs))
        analyzing.set_analyzer(operator.attrgetter("no_such_field"))  # raises in the worker
        third = list(analyzing.map_analyzed(jobs))
    assert [extra for _, extra in first] == ["docx", None]  # unreadable: not analyzed
    assert isinstance(first[1][0], Unreadable)
    assert [extra for _, extra in second] == ["Beslut", None]
    assert isinstance(third[0][0], DocumentFacts)  # a failing analyzer loses only its answer
    assert [extra for _, extra in third] == [None, None]


def test_a_root_job_is_read_hashed_extracted_and_encoded_once_in_the_worker(
    tmp_path: Path, pool: ExtractionPool
) -> None:
    root = tmp_path / "share"
    (root / "P1").mkdir(parents=True)
    path = make_docx(root / "P1" / "a.docx", title="Beslut")
    (done,) = pool.map_extracted([Job(path, "P1/a.docx", "P1", root)], encode=True)
    assert done.outcome == hash_file(root, "P1/a.docx")
    assert done.result == extract_file(path, "P1/a.docx", Limits(timeout_s=30), "P1")
    assert isinstance(done.result, DocumentFacts)
    assert done.result.sha256 == done.outcome.sha256
    assert done.payload == codec.dumps(done.result)


def test_a_root_job_does_not_follow_a_link_out_of_the_root_nor_read_a_gone_file(
    tmp_path: Path, pool: ExtractionPool
) -> None:
    root = tmp_path / "share"
    root.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("Utanför", encoding="utf-8")
    (root / "link.txt").symlink_to(outside)
    jobs = [Job(root / n, n, None, root) for n in ("link.txt", "gone.txt")]
    done = list(pool.map_extracted(jobs, encode=True))
    assert [(d.result, d.payload) for d in done] == [(None, None), (None, None)]
    assert [d.outcome.problem if d.outcome else None for d in done] == [
        UnreadableReason.LINK_OUTSIDE_TREE,
        UnreadableReason.VANISHED,
    ]


def test_a_root_job_with_known_content_is_hashed_and_not_extracted(
    tmp_path: Path, pool: ExtractionPool
) -> None:
    (tmp_path / "a.txt").write_text("Protokoll", encoding="utf-8")
    outcome = hash_file(tmp_path, "a.txt")
    assert outcome.sha256 is not None
    jobs = [Job(tmp_path / "a.txt", "a.txt", None, tmp_path, frozenset({outcome.sha256}))]
    (done,) = pool.map_extracted(jobs, encode=True)
    assert done == (None, None, None, outcome)


def test_map_refuses_a_root_job(tmp_path: Path, pool: ExtractionPool) -> None:
    with pytest.raises(PoolError):
        list(pool.map([Job(tmp_path / "a.txt", "a.txt", None, tmp_path)]))


def test_the_analyzer_runs_only_when_asked(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "ok.docx", title="Beslut")
    with ExtractionPool(Limits(), workers=1, analyzer=operator.attrgetter("title")) as analyzing:
        (plain,) = analyzing.map_extracted([Job(good, "ok.docx")], analyze=False)
        (asked,) = analyzing.map_extracted([Job(good, "ok.docx")])
    assert (plain.analysis, asked.analysis) == (None, "Beslut")
    assert (plain.payload, asked.payload) == (None, None)  # not asked to encode


@dataclass(frozen=True)
class _Preparing:
    """An analyzer that leaves a mark (the worker's pid) when it is prepared."""

    mark: str

    def prepare(self) -> None:
        Path(self.mark).write_text(str(os.getpid()), encoding="utf-8")

    def __call__(self, facts: DocumentFacts) -> str | None:
        return facts.title


def test_an_analyzer_is_prepared_before_its_worker_takes_a_file(tmp_path: Path) -> None:
    mark = tmp_path / "prepared"
    with ExtractionPool(Limits(), workers=1, analyzer=_Preparing(str(mark))) as prepared:
        assert mark.read_text(encoding="utf-8") == str(prepared.worker_pids()[0])


def _refuse_to_unpickle() -> None:
    raise RuntimeError("this analyzer cannot be unpickled in a worker")


@dataclass(frozen=True)
class _Unpicklable:
    """An analyzer that pickles in the parent but fails to unpickle in a worker."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_refuse_to_unpickle, ())

    def __call__(self, facts: DocumentFacts) -> str | None:
        return facts.title


def test_a_worker_that_cannot_unpickle_its_analyzer_fails_the_map_and_the_pool_closes(
    tmp_path: Path,
) -> None:
    good = make_docx(tmp_path / "ok.docx", title="Beslut")
    single = ExtractionPool(Limits(), workers=1)
    try:
        (first,) = single.worker_pids()
        single.set_analyzer(_Unpicklable())
        # the worker dies on the new analyzer, and its replacement cannot start with it
        with pytest.raises(PoolError):
            list(single.map_analyzed([Job(good, "ok.docx")]))
        assert not psutil.pid_exists(first) or psutil.Process(first).status() == "zombie"
        single.set_analyzer(operator.attrgetter("title"))  # the next map starts a worker again
        assert [extra for _, extra in single.map_analyzed([Job(good, "ok.docx")])] == ["Beslut"]
        pids = single.worker_pids()
        single.set_analyzer(_Unpicklable())
        with pytest.raises(PoolError):
            list(single.map_analyzed([Job(good, "ok.docx")]))
    finally:
        single.close()  # raised "process object is closed" before
    single.close()
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != "zombie" for p in pids)


def test_a_pool_whose_workers_cannot_unpickle_the_analyzer_does_not_start(tmp_path: Path) -> None:
    with pytest.raises(PoolError):
        ExtractionPool(Limits(), workers=2, analyzer=_Unpicklable())


# -- groups: a worker extracts the files of a task message, then analyzes them ----------


@dataclass(frozen=True)
class _Hostile:
    """An analyzer that kills its worker on `crash`, hangs on `hang`, takes `pause`
    seconds on every other file, and answers with the file's text."""

    crash: str = ""
    hang: str = ""
    pause: float = 0.0

    def __call__(self, facts: DocumentFacts) -> str:
        if facts.path == self.crash:
            os.kill(os.getpid(), signal.SIGKILL)
        if facts.path == self.hang:
            time.sleep(600)
        time.sleep(self.pause)
        return facts.text


def _notes(tmp_path: Path, count: int) -> list[Job]:
    jobs = []
    for n in range(count):
        note = tmp_path / f"{n}.txt"
        note.write_text(f"Anteckning {n}", encoding="utf-8")
        jobs.append(Job(note, f"{n}.txt"))
    return jobs


@pytest.mark.parametrize("workers", [1, 2])
def test_a_file_that_kills_its_worker_in_analysis_is_blamed_not_the_files_of_its_group(
    tmp_path: Path, workers: int
) -> None:
    notes = _notes(tmp_path, 12)
    (tmp_path / "crash.txt").write_text("Krasch", encoding="utf-8")
    jobs = [*notes[:5], Job(tmp_path / "crash.txt", "crash.txt"), *notes[5:]]
    with ExtractionPool(Limits(), workers=workers, analyzer=_Hostile(crash="crash.txt")) as pool:
        done = list(pool.map_analyzed(jobs))
        assert [extra for _, extra in pool.map_analyzed(notes[:2])] == [
            "Anteckning 0",
            "Anteckning 1",
        ]
    assert [result.path for result, _ in done] == [j.rel_path for j in jobs]
    crashed, _ = done[5]
    assert isinstance(crashed, Unreadable)
    assert crashed.reason is UnreadableReason.MEMORY
    assert "SIGKILL" in crashed.detail
    rest = done[:5] + done[6:]
    assert [extra for _, extra in rest] == [f"Anteckning {n}" for n in range(12)]
    assert all(isinstance(result, DocumentFacts) for result, _ in rest)


def test_a_file_whose_analysis_hangs_times_out_alone_inside_its_group(tmp_path: Path) -> None:
    notes = _notes(tmp_path, 12)
    (tmp_path / "hang.txt").write_text("Häng", encoding="utf-8")
    jobs = [*notes[:5], Job(tmp_path / "hang.txt", "hang.txt"), *notes[5:]]
    analyzer = _Hostile(hang="hang.txt")
    with ExtractionPool(Limits(timeout_s=0.5), workers=1, analyzer=analyzer) as pool:
        done = list(pool.map_analyzed(jobs))
    assert [result.path for result, _ in done] == [j.rel_path for j in jobs]
    hung, extra = done[5]
    assert isinstance(hung, Unreadable)
    assert (hung.reason, extra) == (UnreadableReason.TIMEOUT, None)
    rest = done[:5] + done[6:]
    assert [extra for _, extra in rest] == [f"Anteckning {n}" for n in range(12)]


def test_a_file_that_kills_its_worker_in_extraction_is_blamed_not_the_files_before_it(
    tmp_path: Path,
) -> None:
    slow = hostile.huge_valid_docx(tmp_path / "slow.docx", paragraphs=150_000)
    notes = _notes(tmp_path, 10)
    jobs = [*notes[:5], Job(slow, "slow.docx"), *notes[5:]]
    with ExtractionPool(Limits(timeout_s=120), workers=1) as single:
        outcome: list[list[Any]] = []
        runner = threading.Thread(target=lambda: outcome.append(list(single.map(jobs))))
        runner.start()
        killed: set[int] = set()
        deadline = time.monotonic() + 60
        while len(killed) < 2 and time.monotonic() < deadline:
            (pid,) = single.worker_pids()
            if pid not in killed and _busy(pid):  # on the slow file: the notes take no time
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            time.sleep(0.01)  # polling interval
        runner.join(60)
    assert len(killed) == 2
    (results,) = outcome
    assert [r.path for r in results] == [j.rel_path for j in jobs]
    assert isinstance(results[5], Unreadable)
    assert results[5].reason is UnreadableReason.MEMORY
    texts = [r.text for r in results[:5] + results[6:] if isinstance(r, DocumentFacts)]
    assert texts == [f"Anteckning {n}" for n in range(10)]


def test_a_group_longer_than_the_timeout_is_no_timeout_when_each_file_is_within_it(
    tmp_path: Path,
) -> None:
    notes = _notes(tmp_path, 12)
    with ExtractionPool(Limits(timeout_s=0.5), workers=1, analyzer=_Hostile(pause=0.1)) as pool:
        done = list(pool.map_analyzed(notes))
    assert [extra for _, extra in done] == [f"Anteckning {n}" for n in range(12)]


def test_a_groups_answers_come_back_in_one_message_however_long_its_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each message costs both processes a wake-up; the worker's sender thread once woke
    # per answer of a group whose analysis took longer than its 10 ms linger.
    notes = _notes(tmp_path, 16)
    with ExtractionPool(Limits(), workers=1, analyzer=_Hostile(pause=0.02)) as pool:
        received: list[object] = []
        recv = Connection.recv

        def counted(conn: Connection) -> object:
            message = recv(conn)
            received.append(message)
            return message

        monkeypatch.setattr(Connection, "recv", counted)
        done = list(pool.map_analyzed(notes))
    assert [extra for _, extra in done] == [f"Anteckning {n}" for n in range(16)]
    assert 1 <= len(received) <= 2  # two groups of 8 (_REFILL), joined when both are ready
