"""What classification adds to ingest: a full scan with and without the classify stage.

    .venv/bin/python bench/classify_speed.py [--files 300] [--seed 1] [--rounds 2]

Generates a mixed corpus (recordkeeper.samples.corpus), then, in interleaved
rounds on fresh SQLite databases, times `RootIngestor.scan()` (hash, extract,
store, audit) with no pipeline stage (baseline) and with only the classify
stage (as the daemon runs it: read the cached facts, classify, store the
classification with its audit event); later stages are left out of both, as
they do more work once documents have classes. Also times the pure classifier alone
over the extracted facts (CPU time, best of as many passes as rounds; to compare it
with an earlier version see bench/classify_pure.py). Best of the rounds; prints a
Markdown block for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from recordkeeper.classify import classify_document, compiled
from recordkeeper.config import load_settings
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.corpus import generate_corpus
from recordkeeper.services import pipeline
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.store.unit import Store

RULES = Path(__file__).resolve().parent.parent / "rules"


def _scan(share: Path, work: Path, with_classify: bool, rules: LoadedRules) -> float:
    if work.exists():
        shutil.rmtree(work)
    settings = load_settings(
        None,
        {
            "state_dir": str(work),
            "database_url": f"sqlite:///{work / 'rk.db'}",
            "rules_dir": str(RULES),
            "roots": [{"path": str(share)}],
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store)
    saved = list(pipeline.STAGES)
    # only ingest itself, plus classify when measured: later stages (registration,
    # retention, privacy) do more work once documents have classes, which is theirs
    pipeline.STAGES[:] = [s for s in saved if with_classify and s[0] == "classify"]
    try:
        started = time.perf_counter()
        RootIngestor(ctx, configured_roots(settings)[0]).scan()
        return time.perf_counter() - started
    finally:
        pipeline.STAGES[:] = saved
        store.close()


def _pure(files: list[Path], share: Path, rounds: int) -> tuple[float, float, int]:
    """(extract seconds, classify CPU seconds: best of `rounds` passes, documents) in-process."""
    rules = compiled(load_ruleset(RULES).one("classes"))  # compiled outside the timing
    facts: list[DocumentFacts] = []
    started = time.perf_counter()
    for path in files:
        result = extract_file(path, path.relative_to(share).as_posix(), Limits())
        if isinstance(result, DocumentFacts):
            facts.append(result)
    extract_s = time.perf_counter() - started
    best = float("inf")
    for _ in range(max(rounds, 1)):
        started = time.process_time()
        for one in facts:
            classify_document(one, rules)
        best = min(best, time.process_time() - started)
    return extract_s, best, len(facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rk-classify-bench-") as tmp:
        share = Path(tmp) / "share"
        files = generate_corpus(share, args.files, args.seed)
        for path in files:  # warm the page cache
            path.read_bytes()
        rules = load_ruleset(RULES)  # loaded and compiled once, as the daemon does
        started = time.perf_counter()
        compiled(rules.one("classes"))
        compile_s = time.perf_counter() - started
        base, full = [], []
        for _ in range(args.rounds):
            base.append(_scan(share, Path(tmp) / "db-base", False, rules))
            full.append(_scan(share, Path(tmp) / "db-full", True, rules))
        extract_s, classify_s, docs = _pure(files, share, args.rounds)
    b, f = min(base), min(full)
    load = os.getloadavg()[0]
    print(f"`python bench/classify_speed.py --files {args.files} --seed {args.seed}` — "
          f"{platform.machine()}, {os.cpu_count()} cores, load {load:.1f}, Python "
          f"{platform.python_version()}\n")  # fmt: skip
    print("| measure | seconds | per file |")
    print("|---|---:|---:|")
    print(f"| scan without classify stage (baseline) | {b:.2f} | {b / len(files) * 1000:.1f} ms |")
    print(f"| scan with classify stage | {f:.2f} | {f / len(files) * 1000:.1f} ms |")
    print(f"| extract_file in-process ({docs} readable) | {extract_s:.2f} | "
          f"{extract_s / len(files) * 1000:.1f} ms |")  # fmt: skip
    per_doc_ms = classify_s / max(docs, 1) * 1000
    print(f"| classify_document alone (CPU, best pass) | {classify_s:.2f} | {per_doc_ms:.2f} ms |")
    print(f"| compiling the class rules (once per start or reload) | {compile_s:.2f} | |")
    print(f"\nclassify stage adds {(f - b) / b:.1%} to the scan; "
          f"the pure classifier is {classify_s / extract_s:.1%} of extraction time.")  # fmt: skip


if __name__ == "__main__":
    main()
