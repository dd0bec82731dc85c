"""Whole-ingest wall time by chunk size, interleaved in one process.

    .venv/bin/python bench/ingest_chunk.py --dir DIR [--chunks 64 256] [--rounds 3]

DIR holds a corpus kept by `bench/ingest.py --dir DIR` (its `--seed 1` corpus
is the one docs/benchmarks.md uses). Each round runs, for every chunk size,
`bench/ingest.py`'s whole ingest with 1 worker, 2 workers, and 2 workers
without the classify stage; the best wall time of the rounds is printed, so
machine noise hits every size alike.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for bench.*

import recordkeeper.services.ingest as ingest
from bench.ingest import RULES, Meter, _ingest_run
from recordkeeper.ruleset.load import load_ruleset

RUNS = ((1, "classify"), (2, "classify"), (2, "none"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dir", type=Path, required=True, help="a corpus kept by bench/ingest.py")
    parser.add_argument("--chunks", type=int, nargs="+", default=[64, 256])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("bench/out/ingest_chunk"))
    args = parser.parse_args()
    rules = load_ruleset(RULES)
    best: dict[tuple[int, int, str], float] = {}
    for _ in range(args.rounds):
        for chunk in args.chunks:
            for workers, stages in RUNS:
                ingest.CHUNK = chunk
                meter = Meter()
                _ingest_run(args.dir, args.work, rules, workers, stages)(meter)
                assert meter.sample is not None
                key = (chunk, workers, stages)
                best[key] = min(best.get(key, float("inf")), meter.sample.wall_s)
    print("| chunk | workers | stages | best wall s |\n|---:|---:|---|---:|")
    for (chunk, workers, stages), wall in sorted(best.items()):
        print(f"| {chunk} | {workers} | {stages} | {wall:.3f} |")


if __name__ == "__main__":
    main()
