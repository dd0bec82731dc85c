"""The pure classifier against an earlier version of itself: same answers, how much faster.

    .venv/bin/python bench/classify_pure.py --baseline REF [--rounds 5] [--files 300]

Writes three corpora (the labelled evaluation sets of seeds 0 and 5, and a
mixed `generate_corpus` share), extracts them once, then in interleaved
rounds runs `classify_document` over the extracted facts in fresh processes:
one importing the package as it was at git REF (`git archive` into a
temporary directory), one importing the working tree. Both use this tree's
`rules/`. Reports the best round's CPU time per document (process time,
and wall time beside it), and compares every result file by file: class,
draft, registration duty, personal data, confidence, reasons, review flag,
personal-data counts. Exits 1 if any result differs.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
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


def _extract(tmp: Path, files: int) -> dict[str, list[Any]]:
    """Corpus name -> DocumentFacts of its readable files."""
    from recordkeeper.ingest.extract import Limits, extract_file
    from recordkeeper.model import DocumentFacts
    from recordkeeper.samples.corpus import generate_corpus
    from recordkeeper.samples.projects import write_eval_set

    corpora: dict[str, tuple[list[Path], Path]] = {}
    for seed in (0, 5):
        share, _ = write_eval_set(tmp / f"eval{seed}", seed)
        corpora[f"eval seed {seed}"] = sorted(p for p in share.rglob("*") if p.is_file()), share
    mixed = tmp / "mixed"
    corpora[f"generate_corpus {files}"] = generate_corpus(mixed, files, 1), mixed
    facts: dict[str, list[Any]] = {}
    for name, (paths, root) in corpora.items():
        found = [extract_file(p, p.relative_to(root).as_posix(), Limits()) for p in paths]
        facts[name] = [f for f in found if isinstance(f, DocumentFacts)]
    return facts


def _worker(facts_file: Path, out_file: Path, repeat: int) -> None:
    """Classify every corpus `repeat` times (best kept); write times and results."""
    from recordkeeper.classify import classify_document, compiled
    from recordkeeper.ruleset.load import load_ruleset

    facts: dict[str, list[Any]] = pickle.loads(facts_file.read_bytes())
    rules = compiled(load_ruleset(RULES).one("classes"))
    warm = getattr(rules, "warm", None)  # patterns compiled before the clock, if compiled lazily
    if callable(warm):
        warm()
    times: dict[str, tuple[float, float]] = {}
    results: dict[str, list[Any]] = {}
    for name, docs in facts.items():
        best_cpu = best_wall = float("inf")
        for _ in range(repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            got = [classify_document(doc, rules) for doc in docs]
            best_cpu = min(best_cpu, time.process_time() - cpu)
            best_wall = min(best_wall, time.perf_counter() - wall)
        times[name] = (best_cpu, best_wall)
        for doc, c in zip(docs, got, strict=True):
            results[f"{name}/{doc.path}"] = [
                c.doc_class, c.is_draft, c.must_register, c.personal_data, c.confidence,
                list(c.reasons), c.needs_review, dict(c.personal_data_findings.counts),
            ]  # fmt: skip
    out_file.write_text(json.dumps({"times": times, "results": results}), encoding="utf-8")


def _run(tree: Path | None, facts_file: Path, out_file: Path, repeat: int) -> dict[str, Any]:
    env = dict(os.environ)
    if tree is not None:  # the baseline package shadows the installed working tree
        env["PYTHONPATH"] = str(tree)
    subprocess.run(
        [sys.executable, __file__, "--worker", str(facts_file), str(out_file), str(repeat)],
        check=True,
        env=env,
        cwd=tree or REPO,
    )
    data: dict[str, Any] = json.loads(out_file.read_text(encoding="utf-8"))
    return data


def _baseline_tree(ref: str, into: Path) -> Path:
    archive = into / "base.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", ref, "recordkeeper"], cwd=REPO, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "base", filter="data")
    return into / "base"


def _differences(base: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(set(base) | set(new)):
        if base.get(key) != new.get(key):
            lines.append(f"{key}:\n  baseline  {base.get(key)}\n  candidate {new.get(key)}")
    return lines


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--worker":
        _worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="git ref of the version to beat")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="passes per round and process")
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", args.baseline],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="rk-classify-pure-") as name:
        tmp = Path(name)
        facts = _extract(tmp, args.files)
        facts_file = tmp / "facts.pickle"
        facts_file.write_bytes(pickle.dumps(facts))
        base_tree = _baseline_tree(args.baseline, tmp)
        runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "candidate": []}
        for _ in range(args.rounds):  # interleaved: load changes hit both alike
            runs["baseline"].append(_run(base_tree, facts_file, tmp / "b.json", args.repeat))
            runs["candidate"].append(_run(None, facts_file, tmp / "c.json", args.repeat))
    diffs = _differences(runs["baseline"][0]["results"], runs["candidate"][0]["results"])
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"`python bench/classify_pure.py --baseline {args.baseline} --rounds {args.rounds}` "
          f"(baseline {commit}) — {platform.machine()}, {os.cpu_count()} cores, load "
          f"{load}, Python {platform.python_version()}\n")  # fmt: skip
    print("| corpus | documents | baseline CPU (wall) per doc | candidate CPU (wall) per doc | "
          "speed-up (CPU) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    for corpus, docs in facts.items():
        b = [min(r["times"][corpus][i] for r in runs["baseline"]) for i in (0, 1)]
        c = [min(r["times"][corpus][i] for r in runs["candidate"]) for i in (0, 1)]
        per = [f"{t / max(len(docs), 1) * 1000:.3f}" for t in (*b, *c)]
        print(f"| {corpus} | {len(docs)} | {per[0]} ms ({per[1]}) | {per[2]} ms ({per[3]}) | "
              f"{b[0] / c[0]:.1f}x |")  # fmt: skip
    total = len(runs["baseline"][0]["results"])
    print(f"\nresults compared file by file: {total - len(diffs)} of {total} identical")
    if diffs:
        print("\n".join(diffs[:20]))
        sys.exit(1)


if __name__ == "__main__":
    main()
