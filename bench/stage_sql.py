"""SQL statements and time per document in the pipeline stages after ingest.

    .venv/bin/python bench/stage_sql.py [--files 512] [--seed 1] [--rounds 3]
        [--baseline-tree DIR]

Ingests a generated mixed corpus (recordkeeper.samples.corpus) with the real
ingest and classification (chunks of `ingest.CHUNK` files), keeps each chunk's
`DocumentChange`s, then runs the registration, retention, privacy and process
stages over the same chunks as the daemon would, counting the statements each
sends to the database (SQLAlchemy `before_cursor_execute`; an executemany
counts once) and its wall and CPU time.

With `--baseline-tree DIR` (e.g. `git archive main | tar -x -C DIR`) each
round runs the code in DIR and then this tree, each in a fresh process on a
fresh SQLite database, and the table shows both (best of `--rounds`).
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
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

STAGE_NAMES = ("registration", "retention", "privacy", "process")
RULES = Path(__file__).resolve().parent.parent / "rules"


def measure(share: Path, work: Path) -> dict[str, Any]:
    """Ingest `share` into a fresh database under `work`, then time and count each stage."""
    from sqlalchemy import event

    from recordkeeper.config import load_settings
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services import pipeline
    from recordkeeper.services.context import Context
    from recordkeeper.services.ingest import RootIngestor, configured_roots
    from recordkeeper.store.unit import Store

    settings = load_settings(
        None,
        {
            "state_dir": str(work / "state"),
            "database_url": f"sqlite:///{work / 'state' / 'rk.db'}",
            "rules_dir": str(RULES),
            "roots": [{"path": str(share), "mode": "auto"}],
            "audit": {
                "key_file": str(work / "keys" / "audit.pem"),
                "master_key_file": str(work / "keys" / "master.key"),
            },
            "retention": {"subject_key_file": str(work / "keys" / "subject.key")},
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=load_ruleset(RULES), store=store)
    stages = dict(pipeline.STAGES)
    chunks: list[Sequence[Any]] = []

    def keep(_ctx: Context, changes: Sequence[Any]) -> None:
        chunks.append(list(changes))

    saved = list(pipeline.STAGES)
    pipeline.STAGES[:] = [("classify", stages["classify"]), ("keep", keep)]
    try:
        RootIngestor(ctx, configured_roots(settings)[0]).scan()
    finally:
        pipeline.STAGES[:] = saved

    kinds: Counter[str] = Counter()

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        kinds[statement.lstrip().split(None, 1)[0].upper()] += 1

    out: dict[str, Any] = {"documents": sum(len(c) for c in chunks), "chunks": len(chunks)}
    event.listen(store.engine, "before_cursor_execute", count)
    for name in STAGE_NAMES:
        kinds.clear()
        wall = cpu = 0.0
        for changes in chunks:
            start, cpu0 = time.perf_counter(), time.process_time()
            stages[name](ctx, changes)
            wall += time.perf_counter() - start
            cpu += time.process_time() - cpu0
        out[name] = {
            "statements": sum(kinds.values()),
            "kinds": dict(kinds),
            "wall": wall,
            "cpu": cpu,
        }
    event.remove(store.engine, "before_cursor_execute", count)
    store.close()
    return out


def _run(tree: Path | None, share: Path) -> dict[str, Any]:
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    with tempfile.TemporaryDirectory(prefix="rk-bench-stage-") as work:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(share), work],
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        raise SystemExit(f"stage bench child failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    best = dict(runs[0])
    for name in STAGE_NAMES:
        best[name] = dict(runs[0][name])
        best[name]["wall"] = min(r[name]["wall"] for r in runs)
        best[name]["cpu"] = min(r[name]["cpu"] for r in runs)
    return best


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(measure(Path(sys.argv[2]), Path(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=512)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-tree", type=Path)
    args = parser.parse_args()
    from recordkeeper.samples.corpus import generate_corpus

    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="rk-bench-share-") as tmp:
        share = Path(tmp) / "share"
        generate_corpus(share, args.files, args.seed)
        base_runs: list[dict[str, Any]] = []
        runs: list[dict[str, Any]] = []
        for _ in range(args.rounds):
            if args.baseline_tree is not None:
                base_runs.append(_run(args.baseline_tree.resolve(), share))
            runs.append(_run(None, share))
    load1 = os.getloadavg()[0]
    now = _best(runs)
    base = _best(base_runs) if base_runs else None
    docs = now["documents"]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, SQLite; load {load0:.1f} -> {load1:.1f}; "
        f"{docs} documents in {now['chunks']} chunks; best of {args.rounds}"
    )
    print()
    if base is None:
        print("| stage | statements / document | wall ms / document | CPU ms / document |")
        print("|---|---|---|---|")
        for name in STAGE_NAMES:
            s = now[name]
            print(
                f"| {name} | {s['statements'] / docs:.2f} | {s['wall'] * 1e3 / docs:.2f} "
                f"| {s['cpu'] * 1e3 / docs:.2f} |"
            )
        return
    print("| stage | statements / doc (before -> after) | wall ms / doc | CPU ms / doc |")
    print("|---|---|---|---|")
    for name in (*STAGE_NAMES, "total"):
        if name == "total":
            b = {k: sum(base[n][k] for n in STAGE_NAMES) for k in ("statements", "wall", "cpu")}
            s = {k: sum(now[n][k] for n in STAGE_NAMES) for k in ("statements", "wall", "cpu")}
        else:
            b, s = base[name], now[name]
        print(
            f"| {name} | {b['statements'] / docs:.2f} -> **{s['statements'] / docs:.2f}** "
            f"| {b['wall'] * 1e3 / docs:.2f} -> {s['wall'] * 1e3 / docs:.2f} "
            f"| {b['cpu'] * 1e3 / docs:.2f} -> {s['cpu'] * 1e3 / docs:.2f} |"
        )
    for name in STAGE_NAMES:
        print(f"\n{name}: before {base[name]['kinds']}, after {now[name]['kinds']}")


if __name__ == "__main__":
    main()
