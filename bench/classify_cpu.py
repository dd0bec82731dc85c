"""The classifier's CPU per file on the ingest bench corpus, against a baseline tree.

    .venv/bin/python bench/classify_cpu.py [--baseline-tree DIR] [--files 1000] [--seed 1]
                                           [--dir DIR] [--rounds 7] [--callgrind]

Generates the corpus of `bench/ingest.py` (recordkeeper.samples.corpus, same
files and seed) unless `--dir` already holds it, extracts every file once
(`extract_file`, this tree), then in interleaved rounds runs one pass of
`classify_document` over all the facts in a fresh process per tree and round,
with the rules as an extraction worker gets them (a pickled `WorkerClassifier`,
`prepare()`d before the clock): process CPU time of the pass, best and median
of the rounds. A fresh process each pass, so no memo or cache is warmer than in
a real ingest. `--baseline-tree`: a tree with its own `.venv` (e.g. a `git
archive` of main, `make install`), using its own `rules/`; every file's result
is compared between the trees (exits 1 if any differs). `--callgrind` also
counts the instructions of one pass per tree (`valgrind --tool=callgrind`,
collecting inside `functools.reduce` only, which drives the pass).

`--groups K [--stride S]`: the classifier as an extraction worker runs it. The
fresh process extracts the files itself (every S-th: one of 2 workers sees about
every other file, and keeps its own memos), K at a time, and classifies each
group right after extracting it, with what it inherited frozen (`gc.freeze()`,
as `pool._worker_main`); only the classification is timed (thread CPU time).
Extraction in between leaves the CPU caches cold for the classifier: with K=8
(the pool's groups) a file's classification takes ≈ 1.6× the CPU of the pass
over facts extracted beforehand, with the same instructions (docs/benchmarks.md,
session 14).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TREE = Path(__file__).resolve().parent.parent


def _extract(root: Path, files: int, seed: int) -> list[Any]:
    from recordkeeper.ingest.extract import Limits, extract_file
    from recordkeeper.model import DocumentFacts
    from recordkeeper.samples.corpus import generate_corpus

    if not (root.exists() and any(root.rglob("*.*"))):
        generate_corpus(root, files, seed)
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    found = [extract_file(p, p.relative_to(root).as_posix(), Limits()) for p in paths]
    return [f for f in found if isinstance(f, DocumentFacts)]


def _worker(facts_file: Path, out_file: Path) -> None:
    """One pass over the facts; writes its CPU and wall time and every result."""
    import functools

    from recordkeeper.classify import classify_document, compiled
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services.classify_worker import WorkerClassifier

    facts: list[Any] = pickle.loads(facts_file.read_bytes())
    rules = load_ruleset(Path.cwd() / "rules").one("classes")
    worker = pickle.loads(pickle.dumps(WorkerClassifier(compiled(rules), "0" * 64)))
    worker.prepare()
    rules_c = worker.rules
    results: list[Any] = []
    add = results.append

    def step(_: None, doc: Any) -> None:
        add(classify_document(doc, rules_c))

    cpu, wall = time.process_time(), time.perf_counter()
    functools.reduce(step, facts, None)  # callgrind collects inside reduce only
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    _write(out_file, cpu, wall, list(zip(facts, results, strict=True)))


def _grouped_worker(root: Path, groups: int, stride: int, out_file: Path) -> None:
    """Extract every `stride`-th file of `root`, `groups` at a time, and classify each
    group right after it (as a pool worker does); writes the classification's thread
    CPU time and every result."""
    import functools
    import gc

    from recordkeeper.classify import classify_document, compiled
    from recordkeeper.ingest.extract import Limits, extract_file, parsers
    from recordkeeper.model import DocumentFacts
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services.classify_worker import WorkerClassifier

    assert parsers  # imported before the freeze, as the pool's fork server preloads it
    rules = load_ruleset(Path.cwd() / "rules").one("classes")
    blob = pickle.dumps(WorkerClassifier(compiled(rules), "0" * 64))
    del rules
    worker = pickle.loads(blob)
    gc.collect()
    gc.freeze()  # as `pool._worker_main` does, before `prepare()`
    worker.prepare()
    rules_c = worker.rules
    paths = sorted(p for p in root.rglob("*") if p.is_file())[::stride]
    limits = Limits()
    done: list[tuple[Any, Any]] = []
    add = done.append

    def step(_: None, doc: Any) -> None:
        add((doc, classify_document(doc, rules_c)))

    cpu = wall = 0.0
    for start in range(0, len(paths), groups):
        found = [
            extract_file(p, p.relative_to(root).as_posix(), limits)
            for p in paths[start : start + groups]
        ]
        docs = [f for f in found if isinstance(f, DocumentFacts)]
        del found
        begin, begin_wall = time.thread_time(), time.perf_counter()
        functools.reduce(step, docs, None)  # callgrind collects inside reduce only
        cpu += time.thread_time() - begin
        wall += time.perf_counter() - begin_wall
        del docs
    _write(out_file, cpu, wall, done)


def _write(out_file: Path, cpu: float, wall: float, done: list[tuple[Any, Any]]) -> None:
    rows = {
        doc.path: [
            c.doc_class, c.is_draft, c.must_register, c.personal_data, c.confidence,
            list(c.reasons), c.needs_review, dict(c.personal_data_findings.counts),
        ]
        for doc, c in done
    }  # fmt: skip
    out_file.write_text(json.dumps({"cpu": cpu, "wall": wall, "results": rows}), "utf-8")


def _run(
    tree: Path, facts_file: Path, out_file: Path, prefix: tuple[str, ...] = (), mode: Any = ()
) -> Any:
    python = tree / ".venv" / "bin" / "python"
    job = ("--worker", str(facts_file)) if not mode else ("--grouped", *map(str, mode))
    subprocess.run(
        [*prefix, str(python), __file__, *job, str(out_file)],
        check=True,
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if prefix else None,
    )
    return json.loads(out_file.read_text("utf-8"))


def _instructions(tree: Path, facts_file: Path, tmp: Path, mode: Any = ()) -> int:
    out = tmp / "callgrind.out"
    prefix = (
        "valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
        f"--callgrind-out-file={out}",
    )  # fmt: skip
    _run(tree, facts_file, tmp / "cg.json", prefix, mode)
    for line in out.read_text("utf-8").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError("no instruction total in callgrind's output")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        _worker(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    if len(sys.argv) == 6 and sys.argv[1] == "--grouped":
        _grouped_worker(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-tree", type=Path, help="a tree with its own .venv")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="the corpus (generated there if missing)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--groups", type=int, default=0, help="classify as a worker: K at a time")
    parser.add_argument("--stride", type=int, default=1, help="with --groups: every S-th file")
    args = parser.parse_args()
    trees = {"candidate": TREE}
    if args.baseline_tree is not None:
        trees = {"baseline": args.baseline_tree.resolve(), **trees}
    with tempfile.TemporaryDirectory(prefix="rk-classify-cpu-") as name:
        tmp = Path(name)
        root = args.dir or tmp / "share"
        facts = _extract(root, args.files, args.seed)
        facts_file = tmp / "facts.pickle"
        facts_file.write_bytes(pickle.dumps(facts))
        mode = (root.resolve(), args.groups, args.stride) if args.groups > 0 else ()
        runs: dict[str, list[Any]] = {t: [] for t in trees}
        for _ in range(args.rounds):  # interleaved: load changes hit both alike
            for label, tree in trees.items():
                runs[label].append(_run(tree, facts_file, tmp / f"{label}.json", mode=mode))
        counts = {t: _instructions(p, facts_file, tmp, mode) for t, p in trees.items()} if (
            args.callgrind
        ) else {}  # fmt: skip
        classified = len(runs["candidate"][0]["results"])
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    grouped = f" --groups {args.groups} --stride {args.stride}" if mode else ""
    print(
        f"`python bench/classify_cpu.py --files {args.files} --seed {args.seed} "
        f"--rounds {args.rounds}{grouped}` — {platform.machine()}, {os.cpu_count()} cores, load "
        f"{load} (at the end), Python {platform.python_version()}, {classified} documents\n"
    )
    print("| tree | CPU ms per file, best | median | wall ms per file, best | instructions |")
    print("|---|---:|---:|---:|---:|")
    per = {t: sorted(r["cpu"] for r in rs) for t, rs in runs.items()}
    for label, rs in runs.items():
        cpu = [x / classified * 1000 for x in per[label]]
        wall = min(r["wall"] for r in rs) / classified * 1000
        icount = f"{counts[label] / 1e6:,.0f} M" if label in counts else "–"
        print(f"| {label} | {cpu[0]:.3f} | {statistics.median(cpu):.3f} | {wall:.3f} | {icount} |")
    if "baseline" in runs:
        best = per["baseline"][0] / per["candidate"][0]
        median = statistics.median(per["baseline"]) / statistics.median(per["candidate"])
        print(f"\nbaseline / candidate CPU: best {best:.2f}x, median {median:.2f}x", end="")
        if counts:
            print(f", instructions {counts['baseline'] / counts['candidate']:.2f}x", end="")
        base, cand = runs["baseline"][0]["results"], runs["candidate"][0]["results"]
        same = sum(base.get(k) == cand.get(k) for k in set(base) | set(cand))
        total = len(set(base) | set(cand))
        print(f"\nresults compared file by file: {same} of {total} identical")
        if same != total:
            sys.exit(1)


if __name__ == "__main__":
    main()
