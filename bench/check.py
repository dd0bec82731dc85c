"""Time `check --json` on a 200-file project whose documents are already extracted.

Usage: python bench/check.py [--rounds 15] [--workdir DIR] [--cli-rounds 5]

Writes the samples helper's LARGE_SCENARIO (one busy FMB project of about
210 files) under DIR/share, lets the daemon's ingest read it into a SQLite
store (DIR/store.db: extraction, classification, as the running daemon keeps
them), then times, per round and interleaved (wall and CPU time):
- baseline: classification of every document alone (facts in memory);
- check (classify): classification + people + variant + the evaluator + the
  JSON report, i.e. what `check --json` did after extraction before the store
  was reused (and still does for a folder the daemon has not read);
- check (store): what `check --json` does now for a folder under a watched
  root: list the folder, stat every file, read facts and classes from the
  store, evaluate, render the JSON; the extractor must not be called;
- evaluate: people + variant + evaluator + JSON alone (classes in memory).
Then `recordkeeper check --json` as a command, end to end (a fresh process per
round: imports, settings, rules, store, check, output), against `--fresh`
(every file extracted in worker processes and classified) and `python -c pass`.
Reports best and median of each; the budget is 200 ms for `check --json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from recordkeeper.classify import classify_document, compiled
from recordkeeper.config import load_settings
from recordkeeper.ingest.extract import Limits
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.logs import configure as configure_logs
from recordkeeper.model import DocumentFacts, ExtractionResult
from recordkeeper.process import ClassifiedDocument, check_documents
from recordkeeper.process.report import Renderer, to_json
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.projects import LARGE_SCENARIO, generate_share
from recordkeeper.services.check import Job, check_project, project_files
from recordkeeper.services.check_known import StoreDocuments
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, scan_roots
from recordkeeper.store.unit import Store

RULES = Path(__file__).resolve().parent.parent / "rules"
TODAY = date(2026, 11, 25)


class _NoExtraction:
    """The store must answer for every file: a call here is a bench failure."""

    def map(self, items: Iterable[Job]) -> Iterator[ExtractionResult]:
        raise SystemExit("check read a file the store already knew")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _prepare(root: Path, database: Path) -> tuple[Path, dict[str, object]]:
    """The share and a store the daemon's ingest has filled (reused when current)."""
    folder = root / LARGE_SCENARIO.folder
    if not folder.is_dir():
        generate_share(root, (LARGE_SCENARIO,), seed=1)
    config = {
        "database_url": f"sqlite:///{database}",
        "rules_dir": str(RULES),
        "roots": [{"path": str(root)}],
        "state_dir": str(database.parent / "state"),
    }
    settings = load_settings(None, config)
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=load_ruleset(RULES), store=store)
    scan_roots(ctx, configured_roots(settings))  # unchanged files are not read again
    store.close()
    return folder, config


def _time(fn: Callable[[], object], wall: list[float], cpu: list[float]) -> None:
    start, start_cpu = time.perf_counter(), _cpu()
    fn()
    wall.append((time.perf_counter() - start) * 1000)
    cpu.append((_cpu() - start_cpu) * 1000)


def _cli(args: list[str], env: dict[str, str], wall: list[float], cpu: list[float]) -> str:
    start, start_cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
    wall.append((time.perf_counter() - start) * 1000)
    cpu.append((_children_cpu() - start_cpu) * 1000)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--cli-rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    configure_logs("warning")  # the ingest's per-document lines would bury the figures
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        _run(work, args.rounds, args.cli_rounds)


def _run(work: Path, rounds: int, cli_rounds: int) -> None:
    root, database = work / "share", work / "store.db"
    folder, config = _prepare(root, database)
    files = project_files(folder, ())
    with ExtractionPool(Limits(), workers=2) as pool:
        results = list(pool.map((path, rel, folder.name) for path, rel in files))
    facts = [r for r in results if isinstance(r, DocumentFacts)]
    rules = load_ruleset(RULES)
    process = rules.one("process")
    class_rules = rules.one("classes")
    classes = compiled(class_rules)
    names = {str(c.id): (str(c.name_sv), str(c.name_en)) for c in class_rules.classes}
    settings = load_settings(None, config)
    store = Store(settings.database_url)
    known = StoreDocuments(store, configured_roots(settings), class_rules)

    def baseline() -> None:
        for f in facts:
            classify_document(f, classes)

    def check_classify() -> None:
        docs = [ClassifiedDocument(f, classify_document(f, classes)) for f in facts]
        evaluation = check_documents(process, docs, TODAY, project_name=folder.name)
        json.dumps(to_json(evaluation, process, folder.name, Renderer(process, names, "sv")))

    def check_store() -> None:
        result = check_project(
            folder, rules=rules, extractor=_NoExtraction(), classify=lambda f: None,  # type: ignore[arg-type,return-value]
            today=TODAY, known=known,
        )  # fmt: skip
        data = to_json(result.evaluation, process, folder.name, Renderer(process, names, "sv"))
        json.dumps(data, ensure_ascii=False)

    classified = [ClassifiedDocument(f, classify_document(f, classes)) for f in facts]

    def evaluate() -> None:
        evaluation = check_documents(process, classified, TODAY, project_name=folder.name)
        json.dumps(to_json(evaluation, process, folder.name, Renderer(process, names, "sv")))

    reuse = known.lookup(folder, files)
    print(f"store: {len(reuse.documents)} of {len(files)} files reused, "
          f"{reuse.reclassified} reclassified")  # fmt: skip
    runs = {
        "baseline": baseline,
        "check (classify)": check_classify,
        "check (store)": check_store,
        "evaluate": evaluate,
    }
    for fn in runs.values():
        fn()  # warm caches (compiled rules, imports)
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, fn in runs.items():
            _time(fn, wall[name], cpu[name])
    store.close()

    cli_wall: dict[str, list[float]] = {}
    cli_cpu: dict[str, list[float]] = {}
    if cli_rounds:
        env = {**os.environ, "RECORDKEEPER_CONFIG": str(work / "bench.toml")}
        _write_config(work / "bench.toml", config)
        command = [sys.executable, "-m", "recordkeeper", "check", "--json", str(folder)]
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "CLI check --json (store)": [*command, "--today", TODAY.isoformat()],
            "CLI check --json --fresh": [*command, "--today", TODAY.isoformat(), "--fresh"],
        }
        outputs = {}
        for _ in range(cli_rounds):
            for name, args in commands.items():
                outputs[name] = _cli(
                    args, env, cli_wall.setdefault(name, []), cli_cpu.setdefault(name, [])
                )
        stored = json.loads(outputs["CLI check --json (store)"])
        fresh = json.loads(outputs["CLI check --json --fresh"])
        same = [s["status"] for s in stored["steps"]] == [s["status"] for s in fresh["steps"]]
        print(f"CLI: store and --fresh agree on every step status: {same}")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    machine = platform.processor() or platform.machine()
    python = platform.python_version()
    print(f"# {machine}, {os.cpu_count()} cores, load {load:.1f}, Python {python}")
    print(f"project: {len(files)} files, {len(facts)} extracted, {rounds} rounds")
    for table_wall, table_cpu in ((wall, cpu), (cli_wall, cli_cpu)):
        for name, values in table_wall.items():
            print(
                f"{name:26s} best {min(values):7.1f} ms  median {statistics.median(values):7.1f}"
                f" ms  (CPU best {min(table_cpu[name]):7.1f} ms)"
            )
    ratio = statistics.median(wall["check (store)"]) / statistics.median(wall["baseline"])
    print(f"check (store) / classification alone: {ratio:.2f}x; budget 200 ms")


def _write_config(path: Path, config: dict[str, object]) -> None:
    roots = config["roots"]
    assert isinstance(roots, list)
    lines = [
        f'database_url = "{config["database_url"]}"',
        f'rules_dir = "{config["rules_dir"]}"',
        f'state_dir = "{config["state_dir"]}"',
        *(f'[[roots]]\npath = "{r["path"]}"' for r in roots),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
