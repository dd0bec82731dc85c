"""What 2 workers could reach at best: the ingest's own work per file, with no pipeline.

`bench/ingest.py` compares the whole ingest with a floor (the least work any correct
extraction does). This script asks a different question, for issue #3's 2-worker
goal (>= 0.9 x the floor): how fast is the work that every ingest of a file must do,
split over 2 processes on this machine, with no pool, no messages, no parent, no
store? Per file: read and hash it (`scan.read_checked`), extract it
(`extract_bytes`), classify it (the workers' analyzer, `worker_classifier`) and
encode it for the store (`codec.dumps`). Nothing else: whatever the daemon adds
(scheduling, answers over pipes, storing rows, the audit chain) comes on top.

Every run gets new processes forked from a parent that has prepared the classifier but
never classified a file, so the classifier's memos (`TextMemo`, the decisions memo) start
cold as in a fresh ingest; only the first 8 files of each process warm it (imports, the
interpreter's specialisation). Until session 16 "work" ran in the parent itself and the
2-process run forked from it afterwards, so every round after the first measured memo
hits (1.33 x the floor then; 1.00 x with cold memos on the same machine).

Runs, interleaved per round, best of rounds kept:
- floor / floor-2: as in bench/ingest.py, in 1 process and split over 2;
- work / work-2: the work above in 1 process, and split over 2 processes;
- extract-2: the same without classify and encode (read, hash, extract), split over 2;
- work-2-again: the 2 processes of work-2 doing the same files a second time (memo hits:
  what the classifier's memos save when content recurs, not what a new file costs).

Usage: .venv/bin/python bench/ingest_bound.py --dir /tmp/ing1000 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.*

from bench.ingest import RULES, _load, _machine, floor_one
from recordkeeper import logs
from recordkeeper.config import load_settings
from recordkeeper.ingest.extract import Limits, codec, extract_bytes
from recordkeeper.ingest.scan import read_checked
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.classification import worker_classifier
from recordkeeper.services.context import Context

_KEEP = 64 * 1024 * 1024  # bytes kept for extraction: every corpus file

# set in each process before the clock starts (fork copies them)
_ROOT: Path = Path()
_ANALYZER: Callable[[DocumentFacts], Any] | None = None
_LIMITS = Limits()


def _work_one(rel: str, classify: bool) -> int:
    outcome, data = read_checked(_ROOT, rel, _KEEP)
    if data is None or outcome.sha256 is None:
        return 0
    result = extract_bytes(data, rel, _LIMITS, None, outcome.sha256)
    if not classify:
        return 1
    if isinstance(result, DocumentFacts) and _ANALYZER is not None:
        _ANALYZER(result)
    codec.dumps(result)
    return 1


def _work_part(rels: Sequence[str]) -> int:
    return sum(_work_one(rel, True) for rel in rels)


def _extract_part(rels: Sequence[str]) -> int:
    return sum(_work_one(rel, False) for rel in rels)


def _floor_part(rels: Sequence[str]) -> int:
    return sum(1 for rel in rels if floor_one(_ROOT / rel) >= 0)


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _timed_split(
    part: Callable[[Sequence[str]], int], rels: Sequence[str], n: int, *, again: bool = False
) -> float:
    """Wall seconds of `part` over `rels` split over `n` new processes started (and warmed on
    8 files each) first; with `again`, of their second pass over the same files."""
    context = get_context("fork")
    shares = [rels[i::n] for i in range(n)]
    with context.Pool(n) as pool:
        pool.map(part, [rels[i : i + 8] for i in range(n)], chunksize=1)  # warm each
        if again:
            pool.map(part, shares, chunksize=1)
        start = time.perf_counter()
        pool.map(part, shares, chunksize=1)
        return time.perf_counter() - start


def main() -> None:
    global _ROOT, _ANALYZER
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dir", type=Path, required=True, help="a corpus (bench/ingest.py --dir)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    logs.configure("warning")
    _ROOT = args.dir.resolve()
    rels = sorted(p.relative_to(_ROOT).as_posix() for p in _ROOT.rglob("*") if p.is_file())
    for rel in rels:  # warm the page cache
        (_ROOT / rel).read_bytes()
    settings = load_settings(None, {"rules_dir": str(RULES), "roots": [{"path": str(_ROOT)}]})
    analyzer = worker_classifier(Context(settings=settings, rules=load_ruleset(RULES), store=None))  # type: ignore[arg-type]
    analyzer.prepare()
    _ANALYZER = analyzer
    print(f"files: {len(rels)}; {_machine()}; load before: {_load()}")

    runs: dict[str, Callable[[], float]] = {
        "floor": lambda: _timed_split(_floor_part, rels, 1),
        "floor-2": lambda: _timed_split(_floor_part, rels, 2),
        "work": lambda: _timed_split(_work_part, rels, 1),
        "work-2": lambda: _timed_split(_work_part, rels, 2),
        "extract-2": lambda: _timed_split(_extract_part, rels, 2),
        "work-2-again": lambda: _timed_split(_work_part, rels, 2, again=True),
    }
    best: dict[str, float] = {}
    for round_no in range(1, args.rounds + 1):
        line = []
        for name, run in runs.items():
            wall = run()
            best[name] = min(best.get(name, wall), wall)
            line.append(f"{name} {wall * 1000 / len(rels):.3f}")
        print(f"round {round_no} (ms/file wall): " + ", ".join(line), flush=True)

    floor = best["floor"]
    print(f"\nbest of {args.rounds} rounds; load after: {_load()}")
    print("| run | ms/file wall | x floor (files/s) |")
    print("|---|---:|---:|")
    for name in runs:
        print(f"| {name} | {best[name] * 1000 / len(rels):.3f} | {floor / best[name]:.2f} |")


if __name__ == "__main__":
    main()
