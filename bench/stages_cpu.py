"""The registration and privacy stages' CPU per file in a whole ingest, against a baseline tree.

    .venv/bin/python bench/stages_cpu.py [--baseline-tree DIR] [--dir /tmp/ing1000]
                                         [--rounds 5] [--callgrind] [--stages registration,privacy]

A whole ingest of the share as `bench/ingest_dump.py` runs it (2 workers, every pipeline
stage, a fixed clock, document ids from a counter, `ingest._AHEAD = 0`), on a fresh
SQLite database, in a fresh process per tree and round (no memo warmer than in a real
scan). Each call of a measured stage is timed by the daemon thread's CPU time
(`time.thread_time`; the workers are other processes). Rounds are interleaved between
the trees; the best and the median of the rounds are printed, in ms per file.

`--callgrind`: one more run per tree under `valgrind --tool=callgrind --collect-atstart=no`
(the workers are not traced): collection is switched on around each call of a measured
stage only (`CALLGRIND_TOGGLE_COLLECT` through a small C library built here with the
valgrind headers) and dumped after it (`CALLGRIND_DUMP_STATS_AT(stage)`), so each stage's
instructions are summed over its calls. Run with `PYTHONHASHSEED=0`.

`--baseline-tree`: a tree with its own `.venv` (e.g. `git archive` of main into
/tmp/you/base17, `make install`), run with its own `rules/`. Whether the two trees store
the same rows is `bench/ingest_dump.py`'s job (run it per tree and `cmp`).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

TREE = Path(__file__).resolve().parent.parent
_C_SOURCE = """#include <valgrind/callgrind.h>
void cg_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
void cg_dump(const char *what) { CALLGRIND_DUMP_STATS_AT(what); }
"""


def _ingest(state: Path, share: Path, rules_dir: Path, wanted: Sequence[str], cg: Any) -> Any:
    """One whole ingest (this process's tree); CPU seconds and calls per measured stage."""
    from ingest_dump import fixed_context  # this script's folder: the candidate's bench/

    from recordkeeper.bootstrap import open_extractor
    from recordkeeper.services import ingest, pipeline

    ctx = fixed_context(state, share, rules_dir)
    settings, store = ctx.settings, ctx.store
    spent: dict[str, list[float]] = {name: [0.0, 0] for name in wanted}

    def measured(name: str, stage: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
        def run(c: Any, changes: Any) -> None:
            if cg is not None:
                cg.cg_toggle()
            start = time.thread_time()
            try:
                stage(c, changes)
            finally:
                spent[name][0] += time.thread_time() - start
                spent[name][1] += 1
                if cg is not None:
                    cg.cg_toggle()
                    cg.cg_dump(name.encode())

        return run

    pipeline.STAGES[:] = [(n, measured(n, f) if n in wanted else f) for n, f in pipeline.STAGES]
    extractor = open_extractor(settings, pipeline.worker_analyzer(ctx))
    try:
        root = ingest.RootSpec(ingest.root_key(share), share)
        report = ingest.RootIngestor(ctx, root, extractor).scan()
    finally:
        extractor.pool.close()
        store.close()
    return {"stages": spent, "files": report.as_dict().get("seen")}


def _child(args: Sequence[str]) -> None:
    out, state, share, rules, wanted, lib = args
    cg = ctypes.CDLL(lib) if lib else None
    result = _ingest(Path(state), Path(share), Path(rules), wanted.split(","), cg)
    Path(out).write_text(json.dumps(result), "utf-8")


def _build_lib(tmp: Path) -> Path:
    source, lib = tmp / "cg.c", tmp / "libcg.so"
    source.write_text(_C_SOURCE, "utf-8")
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(lib), str(source)], check=True)
    return lib


def _run(
    tree: Path, tmp: Path, share: Path, wanted: str, lib: Path | None = None
) -> dict[str, Any]:
    out = tmp / "out.json"
    prefix: list[str] = []
    if lib is not None:
        prefix = [
            "valgrind", "--tool=callgrind", "--collect-atstart=no",
            f"--callgrind-out-file={tmp / 'cg' / 'callgrind.out'}",
        ]  # fmt: skip
        shutil.rmtree(tmp / "cg", ignore_errors=True)
        (tmp / "cg").mkdir()
    python = tree / ".venv" / "bin" / "python"
    job = [str(out), str(tmp / "state"), str(share), str(tree / "rules"), wanted, str(lib or "")]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run(
        [*prefix, str(python), __file__, "--child", *job],
        check=True,
        cwd=tmp,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if prefix else None,
    )
    result: dict[str, Any] = json.loads(out.read_text("utf-8"))
    if lib is not None:
        result["instructions"] = _dumped(tmp / "cg")
    return result


def _dumped(folder: Path) -> dict[str, int]:
    """Instructions per stage, summed over callgrind's dumps (one per call)."""
    totals: dict[str, int] = {}
    for path in folder.iterdir():
        stage, count = None, None
        for line in path.read_text("utf-8", "replace").splitlines():
            if line.startswith("desc: Trigger: Client Request: "):
                stage = line.rsplit(" ", 1)[1]
            elif line.startswith(("summary:", "totals:")):
                count = int(line.split()[1])
        if stage is not None and count is not None:
            totals[stage] = totals.get(stage, 0) + count
    return totals


def main() -> None:
    if len(sys.argv) == 8 and sys.argv[1] == "--child":
        _child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-tree", type=Path, help="a tree with its own .venv")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/ing1000"), help="the share")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--stages", default="registration,privacy")
    args = parser.parse_args()
    wanted = args.stages.split(",")
    trees = {"candidate": TREE}
    if args.baseline_tree is not None:
        trees = {"baseline": args.baseline_tree.resolve(), **trees}
    runs: dict[str, list[dict[str, Any]]] = {t: [] for t in trees}
    counts: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="rk-stages-cpu-") as name:
        tmp = Path(name)
        share = args.dir.resolve()
        for _ in range(args.rounds):  # interleaved: load changes hit both alike
            for label, tree in trees.items():
                runs[label].append(_run(tree, tmp, share, args.stages))
        if args.callgrind:
            lib = _build_lib(tmp)
            for label, tree in trees.items():
                counts[label] = _run(tree, tmp, share, args.stages, lib)["instructions"]
    files = max(int(r["files"] or 0) for rs in runs.values() for r in rs) or 1
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"`python bench/stages_cpu.py --dir {args.dir} --rounds {args.rounds} --stages "
        f"{args.stages}` — {platform.machine()}, {os.cpu_count()} cores, load {load} (at the "
        f"end), Python {platform.python_version()}, {files} files\n"
    )
    print("| tree | stage | CPU ms per file, best | median | calls | instructions per file |")
    print("|---|---|---:|---:|---:|---:|")
    medians: dict[tuple[str, str], float] = {}
    for label, rs in runs.items():
        for stage in [*wanted, "together"]:
            cpu = sorted(
                (sum(r["stages"][s][0] for s in wanted) if stage == "together"
                 else r["stages"][stage][0]) / files * 1000
                for r in rs
            )  # fmt: skip
            medians[label, stage] = statistics.median(cpu)
            calls = rs[0]["stages"][stage][1] if stage != "together" else "–"
            found = counts.get(label, {})
            total = sum(found.values()) if stage == "together" else found.get(stage)
            icount = f"{total / files / 1e3:,.0f} k" if found and total is not None else "–"
            print(f"| {label} | {stage} | {cpu[0]:.3f} | {medians[label, stage]:.3f} | "
                  f"{calls} | {icount} |")  # fmt: skip
    if "baseline" in runs:
        print()
        for stage in [*wanted, "together"]:
            ratio = medians["baseline", stage] / max(medians["candidate", stage], 1e-9)
            line = f"{stage}: baseline / candidate median CPU {ratio:.2f}x"
            if counts:
                base = counts["baseline"]
                cand = counts["candidate"]
                b = sum(base.values()) if stage == "together" else base.get(stage, 0)
                c = sum(cand.values()) if stage == "together" else cand.get(stage, 0)
                line += (
                    f", instructions {b / max(c, 1):.2f}x ({b / 1e6:,.1f} M -> {c / 1e6:,.1f} M)"
                )
            print(line)


if __name__ == "__main__":
    main()
