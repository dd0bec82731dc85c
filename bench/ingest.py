"""Ingest throughput: the whole ingest against the least work any correct extraction does.

    .venv/bin/python bench/ingest.py [--files 1000] [--seed 1] [--dir DIR] [--repeat 3]
                                     [--full-pipeline]

Generates a mixed corpus (recordkeeper.samples.corpus), warms the page cache,
then measures in interleaved rounds (best of each kept), files per second on
the wall clock and per CPU-second (this process plus its worker processes):

- floor: read + SHA-256 every file; parse with lxml only the text-bearing
  OOXML parts (document body, headers, footers, comments, core properties;
  shared strings; slides); read each PDF's text layer with pypdf;
- the same floor split over 2 processes (every other file each): what this
  machine gives two CPU-bound processes, the ceiling for any 2-worker figure;
- the WHOLE ingest, as the daemon runs it: `RootIngestor.scan()` over the tree
  (walk, hash, extract in the worker pool, store documents/versions/extractions
  with their audit events, then the classify stage) on a fresh SQLite database
  per run, with 1 and 2 extraction workers; the same with the classify stage
  left out, for issue #4's "classification adds no more than 20 %";
- diagnostics: `extract_file` in-process and `ExtractionPool.map` alone.

The pools are started (and the database created) before the clock starts: the
daemon keeps both for its lifetime. `--full-pipeline` adds one run with every
pipeline stage (registration, retention, privacy, process), as
`recordkeeper scan` does. Prints a Markdown block for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import platform
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import psutil
from lxml import etree
from pypdf import PdfReader

from recordkeeper import logs
from recordkeeper.bootstrap import audit_ports, open_extractor
from recordkeeper.config import load_settings
from recordkeeper.daemon import settle_heap
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.pool import ExtractionPool, Job
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.corpus import generate_corpus
from recordkeeper.services import pipeline
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, RootSpec, root_key
from recordkeeper.store.unit import Store

RULES = Path(__file__).resolve().parent.parent / "rules"
_DOCX_PART = ("word/document.xml", "word/comments.xml", "docProps/core.xml")


def _ooxml_floor(data: bytes, wanted: Callable[[str], bool]) -> int:
    chars = 0
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if wanted(name):
                root = etree.fromstring(package.read(name))
                chars += sum(len(t) for t in root.itertext())
    return chars


def floor_one(path: Path) -> int:
    """The least work: read, hash, parse the text-bearing parts."""
    data = path.read_bytes()
    hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _ooxml_floor(
            data,
            lambda n: n in _DOCX_PART or n.startswith(("word/header", "word/footer")),
        )
    if suffix == ".xlsx":
        return _ooxml_floor(data, lambda n: n in ("xl/sharedStrings.xml", "docProps/core.xml"))
    if suffix == ".pptx":
        return _ooxml_floor(
            data,
            lambda n: n.startswith("ppt/slides/slide") or n == "docProps/core.xml",
        )
    if suffix == ".pdf":
        return sum(len(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages)
    return len(data)


# ---- timing ---------------------------------------------------------------------------------


def _floor_part(paths: Sequence[Path]) -> int:
    return sum(1 for p in paths if floor_one(p) >= 0)


def _floor_split(paths: Sequence[Path], processes: int) -> Run:
    """The floor over `processes` processes started before the clock (as the pool is)."""

    def run(meter: Meter) -> int:
        context = get_context("fork")  # the bench process holds no threads or pools here
        before = set(context.active_children())
        with context.Pool(processes) as pool:
            pids = tuple(p.pid for p in set(context.active_children()) - before if p.pid)
            pool.map(_floor_part, [paths[i : i + 8] for i in range(processes)], chunksize=1)
            meter.pids = lambda: pids
            parts = [paths[i::processes] for i in range(processes)]
            with meter.running():
                return sum(pool.map(_floor_part, parts, chunksize=1))

    return run


def _cpu_self() -> float:
    times = os.times()
    return times.user + times.system


def _cpu_of(pids: Sequence[int]) -> dict[int, float]:
    """CPU seconds (user + system) used so far by other processes (the pool's workers)."""
    found: dict[int, float] = {}
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            found[pid] = times.user + times.system
    return found


@dataclass
class Sample:
    wall_s: float
    cpu_s: float
    parent_s: float  # of cpu_s: this process (all its threads)


class Meter:
    """Wall and CPU time of one run: this process plus the worker processes it names."""

    def __init__(self) -> None:
        self.pids: Callable[[], Sequence[int]] = tuple
        self.sample: Sample | None = None

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        before = _cpu_of(self.pids())
        start, cpu_start = time.perf_counter(), _cpu_self()
        yield
        wall = time.perf_counter() - start
        parent = _cpu_self() - cpu_start
        after = _cpu_of(self.pids())
        # a worker replaced during the run counts from 0; one gone is lost (rare, small)
        workers = sum(v - before.get(pid, 0.0) for pid, v in after.items())
        self.sample = Sample(wall, parent + workers, parent)


Run = Callable[[Meter], int]


def _machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    cpus = len(os.sched_getaffinity(0))
    return f"nproc {cpus}, {model}, Python {platform.python_version()}"


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


# ---- the whole ingest -----------------------------------------------------------------------


def _ingest_run(
    share: Path, work: Path, rules: LoadedRules, workers: int, stages: str
) -> Callable[[Meter], int]:
    """A whole-ingest run on a fresh database: scan() with `stages` after each chunk."""

    def run(meter: Meter) -> int:
        state = work / f"state-{workers}-{stages}"
        shutil.rmtree(state, ignore_errors=True)
        settings = load_settings(
            None,
            {
                "state_dir": str(state),
                "database_url": f"sqlite:///{state / 'rk.db'}",
                "rules_dir": str(RULES),
                "roots": [{"path": str(share)}],
                "ingest": {"workers": workers},
            },
        )
        store = Store(settings.database_url)
        store.migrate()
        ctx = Context(settings=settings, rules=rules, store=store)
        ctx.extras.update(audit_ports(settings))
        saved = list(pipeline.STAGES)
        if stages == "none":
            pipeline.STAGES[:] = []
        elif stages == "classify":
            pipeline.STAGES[:] = [s for s in saved if s[0] == "classify"]
        # as the daemon starts its workers (with the classifier when that stage is on)
        extractor = open_extractor(settings, pipeline.worker_analyzer(ctx))
        pool = extractor.pool
        try:
            meter.pids = pool.worker_pids
            ingestor = RootIngestor(ctx, RootSpec(root_key(share), share), extractor)
            settle_heap()  # as the daemon does once started
            with meter.running():
                report = ingestor.scan()
        finally:
            pipeline.STAGES[:] = saved
            pool.close()
            store.close()
        return sum(report.changes.values())

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None, help="reuse/keep the corpus here")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (best kept)")
    parser.add_argument("--no-diagnostics", action="store_true", help="whole ingest only")
    parser.add_argument("--full-pipeline", action="store_true", help="add an all-stages run")
    args = parser.parse_args()
    logs.configure("warning")

    work = Path(tempfile.mkdtemp(prefix="rk-bench-"))
    root = args.dir or work / "share"
    try:
        if not (root.exists() and any(root.rglob("*.*"))):
            start = time.perf_counter()
            generate_corpus(root, args.files, args.seed)
            print(f"corpus: {args.files} files in {time.perf_counter() - start:.1f} s")
        paths = sorted(p for p in root.rglob("*") if p.is_file())
        total = sum(p.stat().st_size for p in paths)
        kinds: dict[str, int] = {}
        for p in paths:
            kinds[p.suffix.lower()] = kinds.get(p.suffix.lower(), 0) + 1
        print(f"files: {len(paths)}, {total / 1e6:.1f} MB, {dict(sorted(kinds.items()))}")
        for p in paths:  # warm the page cache so that every run reads from memory
            p.read_bytes()
        limits = Limits()
        jobs = [Job(p, p.relative_to(root).as_posix()) for p in paths]
        rules = load_ruleset(RULES)  # loaded once, as the daemon does

        def floor(meter: Meter) -> int:
            with meter.running():
                return sum(1 for p in paths if floor_one(p) >= 0)

        def in_process(meter: Meter) -> int:
            with meter.running():
                return sum(
                    isinstance(extract_file(j.path, j.rel_path, limits), DocumentFacts)
                    for j in jobs
                )

        def pooled(workers: int) -> Run:
            def run(meter: Meter) -> int:
                with ExtractionPool(limits, workers) as pool:
                    meter.pids = pool.worker_pids
                    with meter.running():
                        return sum(isinstance(r, DocumentFacts) for r in pool.map(jobs))

            return run

        runs: dict[str, tuple[str, Run]] = {
            "floor": ("floor: read+hash, lxml text parts, pypdf text", floor),
            "floor-2": (
                "the floor split over 2 processes (this machine's 2-worker ceiling)",
                _floor_split(paths, 2),
            ),
            "ingest-1": (
                "**whole ingest, 1 worker** (hash, extract, store, classify)",
                _ingest_run(root, work, rules, 1, "classify"),
            ),
            "ingest-2": (
                "**whole ingest, 2 workers**",
                _ingest_run(root, work, rules, 2, "classify"),
            ),
            "noclass-1": (
                "whole ingest without classify stage, 1 worker",
                _ingest_run(root, work, rules, 1, "none"),
            ),
            "noclass-2": (
                "whole ingest without classify stage, 2 workers",
                _ingest_run(root, work, rules, 2, "none"),
            ),
        }
        if not args.no_diagnostics:
            runs["in-process"] = ("diagnostic: extract_file in-process", in_process)
            runs["pool-1"] = ("diagnostic: ExtractionPool.map, 1 worker", pooled(1))
            runs["pool-2"] = ("diagnostic: ExtractionPool.map, 2 workers", pooled(2))
        print(f"machine: {_machine()}; load before: {_load()}", flush=True)
        best: dict[str, Sample] = {}
        best_cpu: dict[str, float] = {}
        best_parent: dict[str, float] = {}
        for round_no in range(1, args.repeat + 1):  # interleaved rounds; best of each
            print(f"round {round_no}:", flush=True)
            for name, (_, run) in runs.items():
                meter = Meter()
                count = run(meter)
                s = meter.sample
                assert s is not None
                print(
                    f"  {name:<11} {s.wall_s:7.2f} s wall {len(paths) / s.wall_s:7.1f} files/s | "
                    f"{s.cpu_s:6.2f} s CPU ({s.parent_s:5.2f} in this process) "
                    f"{len(paths) / s.cpu_s:7.1f} files/CPU-s ({count})",
                    flush=True,
                )
                if name not in best or s.wall_s < best[name].wall_s:
                    best[name] = s
                best_cpu[name] = min(best_cpu.get(name, s.cpu_s), s.cpu_s)
                best_parent[name] = min(best_parent.get(name, s.parent_s), s.parent_s)
        if args.full_pipeline:
            meter = Meter()
            _ingest_run(root, work, rules, 2, "all")(meter)
            assert meter.sample is not None
            best["full-2"] = meter.sample
            best_cpu["full-2"] = meter.sample.cpu_s
            best_parent["full-2"] = meter.sample.parent_s
            runs["full-2"] = ("all pipeline stages (as `recordkeeper scan`), 2 workers", floor)
        _report(args, len(paths), total, runs, best, best_cpu, best_parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _report(
    args: argparse.Namespace,
    count: int,
    total: int,
    runs: dict[str, tuple[str, Run]],
    best: dict[str, Sample],
    best_cpu: dict[str, float],
    best_parent: dict[str, float],
) -> None:
    wall = {k: count / s.wall_s for k, s in best.items()}
    cpu = {k: count / s for k, s in best_cpu.items()}
    print(
        f"\n`.venv/bin/python bench/ingest.py --files {args.files} --seed {args.seed} "
        f"--repeat {args.repeat}` — {count} files, {total / 1e6:.1f} MB; {_machine()}; "
        f"load after: {_load()}\n"
    )
    print(
        "| run (best of rounds) | wall files/s | ms/file | ratio (wall) "
        "| files per CPU-s | ratio (CPU) | CPU ms/file: this process + workers |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (label, _) in runs.items():
        own = best_parent[name] * 1000 / count
        rest = best_cpu[name] * 1000 / count - own
        split = f"{own:.2f} + {rest:.2f}" if rest > 0.005 else f"{own:.2f}"
        print(
            f"| {label} | {wall[name]:.1f} | {1000 / wall[name]:.2f} "
            f"| {wall[name] / wall['floor']:.2f} × floor "
            f"| {cpu[name]:.1f} | {cpu[name] / cpu['floor']:.2f} × floor | {split} |"
        )
    print(
        f"\nwhole ingest, 1 worker: {wall['ingest-1'] / wall['floor']:.2f} × floor "
        f"(goal ≥ 0.50); 2 workers / 1 worker: {wall['ingest-2'] / wall['ingest-1']:.2f}× "
        f"(goal ≥ 1.8); 2 workers: {wall['ingest-2'] / wall['floor']:.2f} × floor (read: ≥ 0.9)"
    )
    print(
        f"this machine: the floor in 2 processes runs {wall['floor-2'] / wall['floor']:.2f}× "
        f"the floor in 1 ({cpu['floor-2'] / cpu['floor']:.2f}× its files per CPU-second); "
        f"2 workers: {wall['ingest-2'] / wall['floor-2']:.2f} × the 2-process floor"
    )
    for workers in (1, 2):
        on, off = best[f"ingest-{workers}"].wall_s, best[f"noclass-{workers}"].wall_s
        on_cpu, off_cpu = best_cpu[f"ingest-{workers}"], best_cpu[f"noclass-{workers}"]
        print(
            f"classify stage adds {(on - off) / off:+.1%} wall, {(on_cpu - off_cpu) / off_cpu:+.1%}"
            f" CPU to the whole ingest with {workers} worker(s) (goal ≤ +20 %)"
        )
    if "pool-1" in wall:
        print(f"diagnostic: pool 2 workers / 1 worker: {wall['pool-2'] / wall['pool-1']:.2f}×")


if __name__ == "__main__":
    main()
