"""Time the benchmark-corpus generator against copying the same tree (the floor).

Usage: python bench/samples_speed.py [N_FILES] [--seed N]

Prints a Markdown row for docs/benchmarks.md: files, MB, generation wall and
CPU time, and the ratio to `shutil.copytree` of the generated tree in the
same run (what any generator must at least do: write those bytes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

from recordkeeper.samples.corpus import generate_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_files", type=int, nargs="?", default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        wall, cpu = time.perf_counter(), time.process_time()
        paths = generate_corpus(root / "corpus", args.n_files, args.seed)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size_mb = sum(p.stat().st_size for p in paths) / 1e6
        floor = time.perf_counter()
        shutil.copytree(root / "corpus", root / "copy")
        floor = time.perf_counter() - floor
    load = os.getloadavg()[0]
    print("| files | MB | wall s | CPU s | copytree s | wall / copytree | load avg |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {len(paths)} | {size_mb:.0f} | {wall:.1f} | {cpu:.1f} | {floor:.2f} | "
        f"{wall / floor:.0f}x | {load:.1f} |"
    )


if __name__ == "__main__":
    main()
