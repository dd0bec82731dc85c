"""The daemon process's CPU per file in a whole ingest, by where it goes; this tree vs a baseline.

    .venv/bin/python bench/ingest_parent.py [--files 1000] [--seed 1] [--dir DIR]
        [--rounds 3] [--workers 2] [--stages classify,none] [--baseline-tree DIR]

Runs the whole ingest as bench/ingest.py does (`RootIngestor.scan()` on a fresh
SQLite database, the worker pool started before the clock) and reports the CPU
of this process (all its threads) per file, and of it the CPU its threads
spent in: planning (the walk), looking at and hashing chunks (`_look`),
waiting for and lining up extraction (`_read`), storing chunks (`_commit`) and
the pipeline stages after each chunk (the classify stage). Thread CPU
(`time.thread_time`) is counted inside each, so a thread waiting costs nothing.

With `--baseline-tree DIR` (e.g. `git archive main | tar -x -C DIR`) each round
runs the code in DIR and then this tree, each in a fresh process (one warm-up
ingest, then the measured one), interleaved; best of `--rounds` per figure.
Prints a Markdown block for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
PARTS = ("plan", "look", "read", "commit", "stages")


def measure(share: Path, work: Path, workers: int, stages: str) -> dict[str, float]:
    """One warm-up ingest and one measured ingest of `share`; CPU seconds by part."""
    import shutil

    from recordkeeper import daemon, logs
    from recordkeeper.bootstrap import audit_ports, open_extractor
    from recordkeeper.config import load_settings
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services import ingest, pipeline
    from recordkeeper.services.context import Context
    from recordkeeper.store.unit import Store

    logs.configure("warning")
    rules_dir = Path(os.environ.get("RK_RULES", HERE / "rules"))
    rules = load_ruleset(rules_dir)
    spent = dict.fromkeys(PARTS, 0.0)

    def timed(part: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[part] += time.thread_time() - start

        return wrapper

    cls = ingest.RootIngestor
    cls.plan = timed("plan", cls.plan)  # type: ignore[method-assign]
    cls._look = timed("look", cls._look)  # type: ignore[method-assign]
    cls._read = timed("read", cls._read)  # type: ignore[method-assign]
    cls._commit = timed("commit", cls._commit)  # type: ignore[method-assign]
    ingest.after_changes = timed("stages", ingest.after_changes)

    def run() -> dict[str, float]:
        state = work / "state"
        shutil.rmtree(state, ignore_errors=True)
        settings = load_settings(
            None,
            {
                "state_dir": str(state),
                "database_url": f"sqlite:///{state / 'rk.db'}",
                "rules_dir": str(rules_dir),
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
        extractor = open_extractor(settings, pipeline.worker_analyzer(ctx))
        try:
            ingestor = ingest.RootIngestor(
                ctx, ingest.RootSpec(ingest.root_key(share), share), extractor
            )
            for part in PARTS:
                spent[part] = 0.0
            if hasattr(daemon, "settle_heap"):  # as the daemon does once started
                daemon.settle_heap()
            times = os.times()
            cpu, wall = times.user + times.system, time.perf_counter()
            report = ingestor.scan()
            times = os.times()
            out = dict(spent)
            out["parent"] = times.user + times.system - cpu
            out["wall"] = time.perf_counter() - wall
            out["changes"] = sum(report.changes.values())
        finally:
            pipeline.STAGES[:] = saved
            extractor.pool.close()
            store.close()
        return out

    run()  # warm-up: imports, mapper configuration, memoised rule compilation
    return run()


def replay(share: Path, work: Path, workers: int, stages: str, times: int = 5) -> dict[str, float]:
    """The storing alone: ingest once keeping each chunk as the workers handed it over,
    then store those chunks `times` over on fresh databases, in this thread only (no
    pool, no other thread beside it); best thread CPU of the chunks' transactions
    (`commit`) and of the stages after them (`stages`)."""
    import shutil

    from recordkeeper import logs
    from recordkeeper.bootstrap import audit_ports, open_extractor
    from recordkeeper.config import load_settings
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services import ingest, pipeline
    from recordkeeper.services.context import Context
    from recordkeeper.store.unit import Store

    logs.configure("warning")
    rules_dir = Path(os.environ.get("RK_RULES", HERE / "rules"))
    rules = load_ruleset(rules_dir)
    saved = list(pipeline.STAGES)
    if stages == "none":
        pipeline.STAGES[:] = []
    elif stages == "classify":
        pipeline.STAGES[:] = [s for s in saved if s[0] == "classify"]

    def context(n: int) -> Context:
        state = work / f"state{n}"
        shutil.rmtree(state, ignore_errors=True)
        settings = load_settings(
            None,
            {
                "state_dir": str(state),
                "database_url": f"sqlite:///{state / 'rk.db'}",
                "rules_dir": str(rules_dir),
                "roots": [{"path": str(share)}],
                "ingest": {"workers": workers},
            },
        )
        store = Store(settings.database_url)
        store.migrate()
        ctx = Context(settings=settings, rules=rules, store=store)
        ctx.extras.update(audit_ports(settings))
        return ctx

    ctx = context(0)
    prepared: list[Any] = []
    cls = ingest.RootIngestor
    original = cls._read

    def keep(self: Any, looked: Any) -> Any:
        got = original(self, looked)
        prepared.append(got)
        return got

    cls._read = keep  # type: ignore[method-assign]
    extractor = open_extractor(ctx.settings, pipeline.worker_analyzer(ctx))
    try:
        ingestor = ingest.RootIngestor(
            ctx, ingest.RootSpec(ingest.root_key(share), share), extractor
        )
        ingestor.scan()
    finally:
        cls._read = original  # type: ignore[method-assign]
        extractor.pool.close()
        ctx.store.close()
    best = {"commit": float("inf"), "stages": float("inf")}
    for n in range(1, times + 1):
        ctx = context(n)
        ingestor.ctx = ctx
        report = ingest.IngestReport(root=ingestor.root.key)
        commit = stage = 0.0
        for chunk in prepared:
            start = time.thread_time()
            changes = ingestor._store_chunk(chunk, report)
            middle = time.thread_time()
            ingest.after_changes(ctx, changes)
            stage += time.thread_time() - middle
            commit += middle - start
        ctx.store.close()
        best["commit"] = min(best["commit"], commit)
        best["stages"] = min(best["stages"], stage)
    pipeline.STAGES[:] = saved
    return best


def _child(tree: Path, share: Path, workers: int, stages: str, fn: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="rk-parent-") as work:
        env = {**os.environ, "PYTHONPATH": str(tree), "RK_RULES": str(tree / "rules")}
        code = (
            "import json, sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
            "sys.path.insert(1, sys.argv[2]); import ingest_parent as b;"
            "print(json.dumps(getattr(b, sys.argv[7])(Path(sys.argv[3]), Path(sys.argv[4]),"
            " int(sys.argv[5]), sys.argv[6])))"
        )
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                code,
                str(tree),
                str(HERE / "bench"),
                str(share),
                work,
                str(workers),
                stages,
                fn,
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
            cwd=work,
        )
        result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
        return result


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None, help="reuse/keep the corpus here")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", default="classify,none", help="comma list: classify, none")
    parser.add_argument("--baseline-tree", type=Path)
    parser.add_argument(
        "--replay", action="store_true", help="time the storing alone (see `replay`)"
    )
    args = parser.parse_args()

    from recordkeeper.samples.corpus import generate_corpus

    tmp = Path(tempfile.mkdtemp(prefix="rk-parent-share-"))
    share = args.dir or tmp / "share"
    if not (share.exists() and any(share.rglob("*.*"))):
        generate_corpus(share, args.files, args.seed)
    files = sum(1 for p in share.rglob("*") if p.is_file())
    for p in share.rglob("*"):  # warm the page cache
        if p.is_file():
            p.read_bytes()
    trees = {"this": HERE}
    if args.baseline_tree is not None:
        trees = {"baseline": args.baseline_tree.resolve(), "this": HERE}
    configs = args.stages.split(",")
    load_before = _load()
    best: dict[tuple[str, str], dict[str, float]] = {}
    for round_no in range(1, args.rounds + 1):
        for stages in configs:
            for name, tree in trees.items():
                if args.replay:
                    got = _child(tree, share, args.workers, stages, "replay")
                    ms = {k: v * 1000 / files for k, v in got.items()}
                    print(
                        f"round {round_no} {stages:<8} {name:<8} storing alone: commit "
                        f"{ms['commit']:.3f} stages {ms['stages']:.3f} ms/file",
                        flush=True,
                    )
                    key = (stages, name)
                    old = best.setdefault(key, ms)
                    for k, v in ms.items():
                        old[k] = min(old[k], v)
                    continue
                got = _child(tree, share, args.workers, stages, "measure")
                ms = {k: v * 1000 / files for k, v in got.items() if k != "changes"}
                print(
                    f"round {round_no} {stages:<8} {name:<8} parent {ms['parent']:.3f} ms/file "
                    + " ".join(f"{p} {ms[p]:.3f}" for p in PARTS)
                    + f" | wall {got['wall']:.2f} s ({int(got['changes'])} changes)",
                    flush=True,
                )
                key = (stages, name)
                old = best.setdefault(key, ms)
                for k, v in ms.items():
                    old[k] = min(old[k], v)
    model = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        "?",
    )
    print(
        f"\n`.venv/bin/python bench/ingest_parent.py --files {args.files} --seed {args.seed} "
        f"--rounds {args.rounds} --workers {args.workers}"
        + (" --baseline-tree DIR" if args.baseline_tree else "")
        + f"` — {files} files; nproc {os.cpu_count()}, {model}, Python "
        f"{platform.python_version()}; load before {load_before}, after {_load()}\n"
    )
    if args.replay:
        print("| stages | tree | storing alone, CPU ms/file: chunk transactions | stages |")
        print("|---|---|---:|---:|")
        for (stages, name), ms in best.items():
            print(f"| {stages} | {name} | {ms['commit']:.3f} | {ms['stages']:.3f} |")
        for stages in configs:
            if args.baseline_tree is not None:
                base, this = best[(stages, "baseline")], best[(stages, "this")]
                print(
                    f"\n{stages}: this/baseline chunk transactions "
                    f"{this['commit'] / base['commit']:.2f}×, stages "
                    f"{this['stages'] / max(base['stages'], 1e-9):.2f}×"
                )
        return
    print("| stages | tree | parent CPU ms/file | " + " | ".join(PARTS) + " | wall s |")
    print("|---|---|---:|" + "---:|" * len(PARTS) + "---:|")
    for (stages, name), ms in best.items():
        cells = " | ".join(f"{ms[p]:.3f}" for p in PARTS)
        print(
            f"| {stages} | {name} | {ms['parent']:.3f} | {cells} "
            f"| {ms['wall'] / 1000 * files:.2f} |"
        )
    if args.baseline_tree is not None:
        for stages in configs:
            base, this = best[(stages, "baseline")], best[(stages, "this")]
            print(
                f"\n{stages}: parent CPU this/baseline {this['parent'] / base['parent']:.2f}×, "
                f"commit {this['commit'] / max(base['commit'], 1e-9):.2f}×, "
                f"stages {this['stages'] / max(base['stages'], 1e-9):.2f}×"
            )
    if args.dir is None:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
