"""In-process extraction CPU per file kind, ours against the floor, optionally against a baseline.

    .venv/bin/python bench/extract_kinds.py --dir /tmp/ing1000 [--rounds 5]
                                            [--baseline /path/to/other/checkout] [--encode]

Per file (as the pool worker does it, `_extract_job`: read + SHA-256 + extract)
against `bench.ingest.floor_one` (read + SHA-256, lxml on the text-bearing OOXML
parts, pypdf text), timed with `time.process_time`, floor and ours one after the
other on each file, over the whole corpus; each round is a fresh process making two
passes (the first pass of a process costs ~0.6 ms more per PDF for both versions:
the heap growing), and the best pass per kind over all rounds is kept. With
`--baseline`, rounds alternate between a process importing that checkout's
`recordkeeper` and one importing this one, so both see the same machine load; the
ratio ours/floor is taken within each process. `--encode` adds `codec.dumps` of each
result to ours, as the worker encodes every result for the store. The corpus:
`bench/ingest.py --dir DIR` writes one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _measure(root: Path, encode: bool = False) -> dict[str, list[float]]:
    """{suffix: [files, floor s, ours s]} for one pass over the corpus (after a warm-up)."""
    from bench.ingest import floor_one
    from recordkeeper.ingest.extract import Limits, codec
    from recordkeeper.ingest.pool import _extract_job

    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    limits = Limits()
    for rel in files[:50]:
        _extract_job(str(root / rel), rel, None, str(root), frozenset(), limits)
    found: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for rel in files:
        suffix = Path(rel).suffix.lower()
        start = time.process_time()
        floor_one(root / rel)
        middle = time.process_time()
        result, _ = _extract_job(str(root / rel), rel, None, str(root), frozenset(), limits)
        if encode and result is not None:
            codec.dumps(result)
        end = time.process_time()
        row = found[suffix]
        row[0] += 1
        row[1] += middle - start
        row[2] += end - middle
    return dict(found)


def _child(root: Path, rounds: int, encode: bool = False) -> dict[str, list[float]]:
    """Best floor and best ours per kind over `rounds` passes (in a process whose
    `recordkeeper` is the checkout measured)."""
    best: dict[str, list[float]] = {}
    for _ in range(rounds):
        for suffix, (count, floor, ours) in _measure(root, encode).items():
            row = best.setdefault(suffix, [count, floor, ours])
            row[1], row[2] = min(row[1], floor), min(row[2], ours)
    return best


def _run(code: Path, root: Path, rounds: int, encode: bool) -> dict[str, list[float]]:
    # `recordkeeper` (and bench.ingest's floor) from `code`; this file loaded by path.
    script = (
        "import importlib.util, json, sys; from pathlib import Path; "
        "spec = importlib.util.spec_from_file_location('extract_kinds', sys.argv[1]); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        "import recordkeeper; print(recordkeeper.__file__, file=sys.stderr); "
        "print(json.dumps(module._child(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == '1')))"
    )
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run(
        [sys.executable, "-c", script, __file__, str(root), str(rounds), str(int(encode))],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=code,  # `python -c` puts the working directory first on sys.path
    ).stdout
    result: dict[str, list[float]] = json.loads(out.strip().splitlines()[-1])
    return result


def _merge(best: dict[str, list[float]], new: dict[str, list[float]]) -> None:
    for suffix, (count, floor, ours) in new.items():
        row = best.setdefault(suffix, [count, floor, ours])
        row[1], row[2] = min(row[1], floor), min(row[2], ours)


def _table(name: str, best: dict[str, list[float]]) -> str:
    files = sum(row[0] for row in best.values())
    floor = sum(row[1] for row in best.values())
    ours = sum(row[2] for row in best.values())
    lines = [
        f"{name}: total {1000 * ours / files:.3f} ms/file, floor {1000 * floor / files:.3f}, "
        f"ours/floor {ours / floor:.2f}",
        "| kind | files | floor ms/file | ours ms/file | ours/floor | share of excess |",
        "|---|---|---|---|---|---|",
    ]
    for suffix, (count, fl, ou) in sorted(best.items(), key=lambda kv: -kv[1][2]):
        share = (ou - fl) / (ours - floor) if ours > floor else 0.0
        lines.append(
            f"| {suffix} | {count:.0f} | {1000 * fl / count:.3f} | {1000 * ou / count:.3f} "
            f"| {ou / fl:.2f} | {share:.0%} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dir", type=Path, required=True, help="a corpus (bench/ingest.py --dir)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (best kept)")
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout")
    parser.add_argument("--encode", action="store_true", help="codec.dumps each result too")
    args = parser.parse_args()
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"load before: {load}")
    ours: dict[str, list[float]] = {}
    base: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        if args.baseline is not None:
            _merge(base, _run(args.baseline, args.dir, 2, args.encode))
        _merge(ours, _run(HERE, args.dir, 2, args.encode))
    if args.baseline is not None:
        print(_table(f"baseline {args.baseline}", base))
    print(_table(f"this checkout {HERE}", ours))
    print(f"load after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
