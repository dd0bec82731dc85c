"""The daemon process's storing and receiving of an ingest, counted in instructions.

    # 1. keep the chunks one ingest hands to storing, and the answers it unpickled
    .venv/bin/python bench/storing_instructions.py capture /tmp/me/chunks.pkl
    # 2. store them again on a fresh database (a warm-up round, then the counted one)
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=OUT \\
        .venv/bin/python bench/storing_instructions.py store /tmp/me/chunks.pkl
    callgrind_annotate OUT | grep TOTALS
    # the workers' answers unpickled again (`loads`), the same way

Run from a tree (or with `PYTHONPATH` on a `git archive` of another and `--rules` on its
rules) to compare two trees over the same chunks: the pickle holds `_Prepared` chunks
with each file's work by method name, so both trees must lay a chunk out alike.
Instrumentation is switched on (`callgrind_control -i on`) around the counted part only
when `--callgrind` is given; each switch costs ≈ 0.4 M instructions. Timing figures
(`time.thread_time`) are printed too, for a run without valgrind.

Setup as `bench/ingest_parent.py`: /tmp/ing1000 (`bench/ingest.py --files 1000 --seed 1
--dir /tmp/ing1000`), 2 workers, only the classify stage, `ingest._AHEAD = 0` while
capturing (so which file a worker skips as known content does not depend on timing).
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def _context(state: Path, share: Path, rules_dir: Path, rules: Any) -> Any:
    from recordkeeper.bootstrap import audit_ports
    from recordkeeper.config import load_settings
    from recordkeeper.services.context import Context
    from recordkeeper.store.unit import Store

    shutil.rmtree(state, ignore_errors=True)
    settings = load_settings(
        None,
        {
            "state_dir": str(state),
            "database_url": f"sqlite:///{state / 'rk.db'}",
            "rules_dir": str(rules_dir),
            "roots": [{"path": str(share)}],
            "ingest": {"workers": 2},
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store)
    ctx.extras.update(audit_ports(settings))
    return ctx


def _setup(rules_dir: Path) -> Any:
    from recordkeeper import logs
    from recordkeeper.classify import compiled
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services import pipeline

    logs.configure("warning")
    pipeline.STAGES[:] = [s for s in pipeline.STAGES if s[0] == "classify"]
    rules = load_ruleset(rules_dir)
    compiled(rules.one("classes")).warm()  # as the daemon has them before its first chunk
    return rules


def capture(out: Path, share: Path, rules_dir: Path) -> None:
    import multiprocessing.connection as mc

    from recordkeeper.bootstrap import open_extractor
    from recordkeeper.services import ingest, pipeline

    rules = _setup(rules_dir)
    answers: list[bytes] = []
    loads = mc._ForkingPickler.loads  # type: ignore[attr-defined]

    def keep_answer(buf: Any, *args: Any, **kwargs: Any) -> Any:
        answers.append(bytes(buf))
        return loads(buf, *args, **kwargs)

    mc._ForkingPickler.loads = keep_answer  # type: ignore[attr-defined]
    ingest._AHEAD = 0  # type: ignore[misc]
    prepared: list[Any] = []
    original = ingest.RootIngestor._store_chunk

    def keep(self: Any, chunk: Any, report: Any) -> Any:
        prepared.append(chunk)  # as storing takes it (a chunk stream does not `_read`)
        return original(self, chunk, report)

    ingest.RootIngestor._store_chunk = keep  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="rk-storing-") as work:
        ctx = _context(Path(work) / "state", share, rules_dir, rules)
        extractor = open_extractor(ctx.settings, pipeline.worker_analyzer(ctx))
        try:
            root = ingest.RootSpec(ingest.root_key(share), share)
            ingest.RootIngestor(ctx, root, extractor).scan()
        finally:
            extractor.pool.close()
            ctx.store.close()
    chunks = [([(w.rel, w.fn.__name__, w.args) for w in p.work], p.report) for p in prepared]
    with out.open("wb") as f:
        pickle.dump((chunks, answers), f, pickle.HIGHEST_PROTOCOL)
    print(f"{len(chunks)} chunks, {len(answers)} answers, {sum(map(len, answers))} bytes")


def _switch(on: bool, callgrind: bool) -> None:
    if callgrind:
        flag = "on" if on else "off"
        subprocess.run(["callgrind_control", "-i", flag, str(os.getpid())], check=True)


def store(path: Path, share: Path, rules_dir: Path, callgrind: bool) -> None:
    from recordkeeper.services import ingest

    rules = _setup(rules_dir)
    with path.open("rb") as f:
        chunks, _ = pickle.load(f)
    with tempfile.TemporaryDirectory(prefix="rk-storing-") as work:
        for round_no in range(2):  # a warm-up, then the counted round
            ctx = _context(Path(work) / f"state{round_no}", share, rules_dir, rules)
            ingestor = ingest.RootIngestor(ctx, ingest.RootSpec(ingest.root_key(share), share))
            prepared = [
                ingest._Prepared(
                    [ingest._Work(rel, getattr(ingestor, fn), args) for rel, fn, args in work],
                    report,
                )
                for work, report in chunks
            ]
            report = ingest.IngestReport(root=ingestor.root.key)
            gc.collect()
            counted = round_no == 1
            _switch(counted, callgrind and counted)
            start = time.thread_time()
            for chunk in prepared:
                ingest.after_changes(ctx, ingestor._store_chunk(chunk, report))
            spent = time.thread_time() - start
            _switch(False, callgrind and counted)
            ctx.store.close()
    print(f"storing {spent * 1000:.1f} ms, changes {dict(report.changes)}")


def unpickle(path: Path, callgrind: bool) -> None:
    from recordkeeper.services import classification, ingest  # noqa: F401  (as the parent has)

    with path.open("rb") as f:
        _, answers = pickle.load(f)
    for answer in answers[:3]:
        pickle.loads(answer)
    gc.collect()
    _switch(True, callgrind)
    start = time.thread_time()
    for answer in answers:
        pickle.loads(answer)
    spent = time.thread_time() - start
    _switch(False, callgrind)
    print(f"unpickling {len(answers)} answers {spent * 1000:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("mode", choices=("capture", "store", "loads"))
    parser.add_argument("chunks", type=Path, help="the pickle written by capture")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/ing1000"), help="the share")
    parser.add_argument("--rules", type=Path, default=HERE / "rules")
    parser.add_argument("--callgrind", action="store_true", help="switch instrumentation")
    args = parser.parse_args()
    if args.mode == "capture":
        capture(args.chunks, args.dir, args.rules)
    elif args.mode == "store":
        store(args.chunks, args.dir, args.rules, args.callgrind)
    else:
        unpickle(args.chunks, args.callgrind)


if __name__ == "__main__":
    main()
