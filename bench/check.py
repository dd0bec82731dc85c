"""Time `check --json` on a 200-file project whose documents are already extracted.

Usage: python bench/check.py [--rounds 15] [--workdir DIR]

Writes the samples helper's LARGE_SCENARIO (one busy FMB project of about
210 files), extracts every file once through the worker pool (what the daemon
caches), then times, per round and interleaved:
- baseline: classification of every document alone;
- check: classification + people + variant + the evaluator + the JSON report,
  i.e. everything `check --json` does after extraction;
- evaluate: the same without classification (the daemon reads stored classes).
Reports the best and median of each and the check/baseline ratio (budget: 200 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from recordkeeper.classify import classify_document, compiled
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import DocumentFacts
from recordkeeper.process import ClassifiedDocument, check_documents
from recordkeeper.process.report import Renderer, to_json
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.projects import LARGE_SCENARIO, generate_share
from recordkeeper.services.check import project_files

RULES = Path(__file__).resolve().parent.parent / "rules"
TODAY = date(2026, 11, 25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.workdir or Path(tmp)
        folder = root / LARGE_SCENARIO.folder
        if not folder.is_dir():
            generate_share(root, (LARGE_SCENARIO,), seed=1)
        files = project_files(folder, ())
        with ExtractionPool(Limits(), workers=2) as pool:
            results = list(pool.map((path, rel, folder.name) for path, rel in files))
    facts = [r for r in results if isinstance(r, DocumentFacts)]
    rules = load_ruleset(RULES)
    process = rules.one("process")
    classes = compiled(rules.one("classes"))
    names = {str(c.id): (str(c.name_sv), str(c.name_en)) for c in rules.one("classes").classes}

    def baseline() -> None:
        for f in facts:
            classify_document(f, classes)

    def check() -> None:
        docs = [ClassifiedDocument(f, classify_document(f, classes)) for f in facts]
        evaluation = check_documents(process, docs, TODAY, project_name=folder.name)
        json.dumps(to_json(evaluation, process, folder.name, Renderer(process, names, "sv")))

    classified = [ClassifiedDocument(f, classify_document(f, classes)) for f in facts]

    def evaluate() -> None:
        evaluation = check_documents(process, classified, TODAY, project_name=folder.name)
        json.dumps(to_json(evaluation, process, folder.name, Renderer(process, names, "sv")))

    check()  # warm caches (compiled rules, imports)
    times: dict[str, list[float]] = {"baseline": [], "check": [], "evaluate": []}
    for _ in range(args.rounds):
        for name, fn in (("baseline", baseline), ("check", check), ("evaluate", evaluate)):
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    machine = platform.processor() or platform.machine()
    print(f"# {machine}, {os.cpu_count()} cores, load {load:.1f}")
    print(f"project: {len(files)} files, {len(facts)} extracted, {args.rounds} rounds")
    for name, values in times.items():
        print(f"{name:9s} best {min(values):7.1f} ms  median {statistics.median(values):7.1f} ms")
    ratio = statistics.median(times["check"]) / statistics.median(times["baseline"])
    print(f"check / classification alone: {ratio:.2f}x; budget 200 ms")
    share = statistics.median(times["evaluate"]) / statistics.median(times["check"])
    print(f"evaluate / check: {share:.2f}")


if __name__ == "__main__":
    main()
