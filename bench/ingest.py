"""Ingest throughput: our extraction against the least work any correct extraction does.

    .venv/bin/python bench/ingest.py [--files 1000] [--seed 1] [--dir DIR] [--no-scan]

Generates a mixed corpus (recordkeeper.samples.corpus), warms the page cache,
then measures in one run, files per second:

- floor: read + SHA-256 every file; parse with lxml only the text-bearing
  OOXML parts (document body, headers, footers, comments, core properties;
  shared strings; slides); read each PDF's text layer with pypdf;
- extract_file in-process (reference), the ExtractionPool with 1 and 2 workers;
- `recordkeeper scan` (hash, extract, store) on the same tree, if the command exists.

Prints a Markdown block for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import psutil
from lxml import etree
from pypdf import PdfReader

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.pool import ExtractionPool, Job
from recordkeeper.model import DocumentFacts
from recordkeeper.samples.corpus import generate_corpus

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


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def _cpu_self() -> float:
    times = os.times()
    return times.user + times.system


def _cpu_of(pids: Sequence[int]) -> float:
    """CPU seconds (user + system) used so far by other processes (the pool's workers)."""
    total = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
    return total


def _timed(label: str, run: Callable[[list[float]], int], count: int) -> tuple[float, float]:
    """(wall files/s, CPU files/s) of one run; `run` adds its workers' CPU seconds."""
    extra: list[float] = []
    start, cpu_start = time.perf_counter(), _cpu_self()
    checked = run(extra)
    elapsed = time.perf_counter() - start
    cpu = _cpu_self() - cpu_start + sum(extra)
    rate, cpu_rate = _rate(count, elapsed), _rate(count, cpu)
    print(
        f"  {label:<12} {elapsed:7.2f} s wall {rate:7.1f} files/s | "
        f"{cpu:6.2f} s CPU {cpu_rate:7.1f} files/CPU-s ({checked} readable)",
        flush=True,
    )
    return rate, cpu_rate


def _machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    cpus = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    return f"nproc {cpus}, {model}, Python {platform.python_version()}, load {load:.1f}"


def _scan(root: Path, work: Path) -> int | None:
    """Whole ingest with the CLI; None when `recordkeeper scan` is not available."""
    exe = Path(sys.executable).with_name("recordkeeper")
    if not exe.exists():
        return None
    help_text = subprocess.run([str(exe), "scan", "--help"], capture_output=True, text=True)
    if help_text.returncode != 0:
        return None
    state = work / "state"
    state.mkdir()
    env = {
        **os.environ,
        "RECORDKEEPER_STATE_DIR": str(state),
        "RECORDKEEPER_DATABASE_URL": f"sqlite:///{state / 'rk.db'}",
    }
    done = subprocess.run(
        [str(exe), "scan", str(root)], env=env, capture_output=True, text=True, cwd=work
    )
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None, help="reuse/keep the corpus here")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (best kept)")
    parser.add_argument("--no-scan", action="store_true", help="skip the whole-ingest run")
    args = parser.parse_args()

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

        def floor(extra: list[float]) -> int:
            return sum(1 for p in paths if floor_one(p) >= 0)

        def in_process(extra: list[float]) -> int:
            return sum(
                isinstance(extract_file(j.path, j.rel_path, limits), DocumentFacts) for j in jobs
            )

        def pooled(workers: int) -> Callable[[list[float]], int]:
            def run(extra: list[float]) -> int:
                with ExtractionPool(limits, workers) as pool:
                    readable = sum(isinstance(r, DocumentFacts) for r in pool.map(jobs))
                    extra.append(_cpu_of(pool.worker_pids()))
                return readable

            return run

        print(f"machine: {_machine()}")
        runs: dict[str, Callable[[list[float]], int]] = {
            "floor": floor,
            "in-process": in_process,
            "pool-1": pooled(1),
            "pool-2": pooled(2),
        }
        wall: dict[str, float] = dict.fromkeys(runs, 0.0)
        cpu: dict[str, float] = dict.fromkeys(runs, 0.0)
        for round_no in range(1, args.repeat + 1):  # interleaved rounds; best of each
            print(f"round {round_no}:")
            for name, run in runs.items():
                rate, cpu_rate = _timed(name, run, len(paths))
                wall[name], cpu[name] = max(wall[name], rate), max(cpu[name], cpu_rate)
        scan_rate = None
        if not args.no_scan:
            start = time.perf_counter()
            if _scan(root, work) is not None:
                scan_rate = _rate(len(paths), time.perf_counter() - start)
                print(f"  {'recordkeeper scan':<26} {scan_rate:8.1f} files/s")
        print(f"\nmachine: {_machine()}\n")
        print(
            "| run (best of rounds) | wall files/s | ratio (wall) | files per CPU-s | ratio (CPU) |"
        )
        print("|---|---:|---:|---:|---:|")
        for name, label in (
            ("floor", "floor: read+hash, lxml text parts, pypdf text"),
            ("in-process", "extract_file in-process"),
            ("pool-1", "ExtractionPool, 1 worker"),
            ("pool-2", "ExtractionPool, 2 workers"),
        ):
            print(
                f"| {label} | {wall[name]:.1f} | {wall[name] / wall['floor']:.2f} × floor "
                f"| {cpu[name]:.1f} | {cpu[name] / cpu['floor']:.2f} × floor |"
            )
        print(f"\n2 workers / 1 worker (wall): {wall['pool-2'] / wall['pool-1']:.2f}×")
        if scan_rate is not None:
            print(
                f"recordkeeper scan (hash, extract, store): {scan_rate:.1f} files/s wall, "
                f"{scan_rate / wall['floor']:.2f} × floor"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
