"""The extraction pool's own cost per file, against an earlier version of itself.

    .venv/bin/python bench/pool_cost.py --baseline REF --dir DIR [--rounds 3] [--workers 2]

Runs `ExtractionPool.map_extracted` over every file under DIR as ingest does
(root jobs: read, hash, extract and encode in the worker) with and without the
classifier as the workers' analyzer, in fresh processes importing the package
as it was at git REF (`git archive` into a temporary directory) and as it is
in the working tree, interleaved round by round. Each process starts its pool
(and the classifier's rules) before the clock, makes one pass to warm the
workers, then measures a second pass: CPU of this process (the parent's side
of the pool: dispatch, waits, unpickling) and of the workers (extraction,
encoding, the sender thread, the analyzer), per file, best of the rounds.
"Analyzer adds" is the workers' CPU with the classifier minus without it.
Both versions use this tree's `rules/`. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"


def _worker(root: Path, workers: int, analyze: bool, out_file: Path) -> None:
    """Two passes of one pool over `root`; the second one's CPU goes to `out_file`."""
    import psutil

    from recordkeeper import logs
    from recordkeeper.classify import compiled
    from recordkeeper.ingest.extract import Limits
    from recordkeeper.ingest.pool import ExtractionPool, Job
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services.classification import rules_hash
    from recordkeeper.services.classify_worker import WorkerClassifier

    logs.configure("warning")
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    jobs = [Job(p, p.relative_to(root).as_posix(), None, root) for p in paths]
    analyzer = None
    if analyze:
        rules = load_ruleset(RULES).one("classes")
        analyzer = WorkerClassifier(compiled(rules), rules_hash(rules))

    def cpu(pids: tuple[int, ...]) -> float:
        return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids)

    with ExtractionPool(
        Limits(),
        workers,
        max_tasks_per_worker=10 * len(jobs),  # never replaced during the two passes
        analyzer=analyzer,
        preload=["recordkeeper.services.classify_worker"],
    ) as pool:
        for _ in pool.map_extracted(jobs, encode=True):  # warm: first files, lazy imports
            pass
        pids = pool.worker_pids()
        before, parent, wall = cpu(pids), time.process_time(), time.perf_counter()
        count = sum(1 for _ in pool.map_extracted(jobs, encode=True))
        wall, parent = time.perf_counter() - wall, time.process_time() - parent
        spent = cpu(pids) - before
        if pool.worker_pids() != pids:
            sys.exit("a worker was replaced during the pass: its CPU is not counted")
    result = {"files": count, "wall": wall, "parent": parent, "workers": spent}
    out_file.write_text(json.dumps(result), encoding="utf-8")


def _run(
    tree: Path | None, root: Path, workers: int, analyze: bool, out_file: Path
) -> dict[str, Any]:
    env = dict(os.environ)
    if tree is not None:  # the baseline package shadows the installed working tree
        env["PYTHONPATH"] = str(tree)
    argv = [sys.executable, __file__, "--worker", str(root), str(workers), str(int(analyze))]
    subprocess.run([*argv, str(out_file)], check=True, env=env, cwd=tree or REPO)
    data: dict[str, Any] = json.loads(out_file.read_text(encoding="utf-8"))
    return data


def _baseline_tree(ref: str, into: Path) -> Path:
    archive = into / "base.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", ref, "recordkeeper"], cwd=REPO, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "base", filter="data")
    return into / "base"


def main() -> None:
    if len(sys.argv) == 6 and sys.argv[1] == "--worker":
        _worker(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", Path(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="git ref of the version to beat")
    parser.add_argument("--dir", type=Path, required=True, help="a corpus (bench/ingest.py --dir)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", args.baseline],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    load_before = "/".join(f"{x:.1f}" for x in os.getloadavg())
    best: dict[tuple[str, bool], dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="rk-pool-cost-") as name:
        tmp = Path(name)
        trees = {"baseline": _baseline_tree(args.baseline, tmp), "candidate": None}
        for _ in range(args.rounds):  # interleaved: load changes hit both alike
            for analyze in (False, True):
                for label, tree in trees.items():
                    got = _run(tree, args.dir.resolve(), args.workers, analyze, tmp / "out.json")
                    per_file = {
                        k: got[k] * 1000 / got["files"] for k in ("wall", "parent", "workers")
                    }
                    kept = best.setdefault((label, analyze), per_file)
                    for key, value in per_file.items():
                        kept[key] = min(kept[key], value)
    load_after = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"`python bench/pool_cost.py --baseline {args.baseline} --dir {args.dir} "
        f"--rounds {args.rounds} --workers {args.workers}`; baseline {commit}; "
        f"Python {platform.python_version()}; load {load_before} -> {load_after}\n"
    )
    print("| ms/file, best of rounds | baseline | candidate | candidate / baseline |")
    print("|---|---:|---:|---:|")
    rows: list[tuple[str, float, float]] = []
    for analyze in (False, True):
        what = "with the classifier" if analyze else "no analyzer"
        for key, unit in (("parent", "CPU"), ("workers", "CPU"), ("wall", "")):
            b, c = best[("baseline", analyze)][key], best[("candidate", analyze)][key]
            rows.append((f"{what}: {key} {unit}".strip(), b, c))
    b, c = (best[(lb, True)]["workers"] - best[(lb, False)]["workers"] for lb in trees)
    rows.append(("the classifier adds to the workers' CPU", b, c))
    for what, b, c in rows:
        print(f"| {what} | {b:.3f} | {c:.3f} | {c / b:.2f} |")


if __name__ == "__main__":
    main()
