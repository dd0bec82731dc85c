"""Rescan of an unchanged tree against `find -printf '%s %T@\\n'`, and peak RSS.

    .venv/bin/python bench/rescan.py [--files 100000] [--dir bench/out/rescan]

Builds a tree of small files (20 projects x 50 folders), records every file in
a SQLite store as the ingest would (bulk insert: identical rows, minutes
faster than ingesting 100k files), warms the page cache, then measures, in
`--repeat` interleaved rounds (find, then rescan: shared-machine noise hits
both alike), best of the rounds for each:

- baseline: `find TREE -printf '%s %T@\\n' > /dev/null` (wall time, and its
  CPU time from the children's rusage);
- rescan: `RootIngestor.scan()` in a fresh process: load the folder digests,
  walk, compare each folder's listing with its digest (and the documents of
  folders without one, file by file), record the scan (wall and CPU time of the
  call, all threads, and the process's peak RSS). The first round finds no
  digests (the bulk insert invalidated them) and writes them: `first_rescan_s`;
  the best of the rounds is the steady state of a daemon rescanning;
- tracking: the daemon's start-up case, where every file is pending in the
  stability tracker at once (peak RSS of that process).

Prints one JSON document; docs/benchmarks.md records the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from recordkeeper.ingest.scan import compile_ignore, project_of, scan_tree
from recordkeeper.services.ingest import root_key
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store

REPO = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from pathlib import Path
from recordkeeper.config import load_settings
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.ingest.stability import StabilityTracker
from recordkeeper.store.unit import Store

tree, db, rules, mode = sys.argv[1:5]
settings = load_settings(None, {"database_url": f"sqlite:///{db}", "rules_dir": rules,
                                "roots": [{"path": tree}]})
store = Store(settings.database_url)
ctx = Context(settings=settings, rules=load_ruleset(Path(rules)), store=store)
ingestor = RootIngestor(ctx, configured_roots(settings)[0])
rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS:"))
baseline_mb = int(rss.split()[1]) / 1024  # interpreter + every imported library, before any work
started, cpu = time.perf_counter(), time.process_time()
if mode == "rescan":
    report = ingestor.scan()
    result = {"seconds": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
              "seen": report.seen, "unchanged": report.unchanged,
              "changes": dict(report.changes)}
else:  # tracking: everything pending in the stability tracker (daemon start on a new share)
    plan = ingestor.plan()
    tracker = StabilityTracker(2.0)
    for entry in plan.candidates:
        tracker.observe(entry.rel_path, entry.size, entry.mtime_ns, 0.0)
    result = {"seconds": time.perf_counter() - started, "tracked": len(tracker)}
# VmHWM, not ru_maxrss: on Linux ru_maxrss carries the parent's peak across fork+exec
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
result["peak_rss_mb"] = int(hwm.split()[1]) / 1024
result["baseline_rss_mb"] = baseline_mb
print(json.dumps(result))
"""


def build_tree(tree: Path, files: int) -> None:
    marker = tree.parent / "tree.complete"
    if marker.exists() and marker.read_text() == str(files):
        return
    shutil.rmtree(tree, ignore_errors=True)
    per_folder = max(1, files // 1000)
    made = 0
    for p in range(20):
        for f in range(50):
            folder = tree / f"FMB projekt {p:02d}" / f"{f:02d} Underlag"
            folder.mkdir(parents=True, exist_ok=True)
            for i in range(per_folder):
                if made >= files:
                    break
                (folder / f"Dokument {i:03d} version 2.docx").write_bytes(b"x" * (100 + i))
                made += 1
    marker.write_text(str(files))


def fill_store(tree: Path, db: Path) -> int:
    """Record every file of the tree as a present document (what an ingest leaves behind)."""
    db.unlink(missing_ok=True)
    store = Store(f"sqlite:///{db}")
    store.migrate()
    walk = scan_tree(tree, compile_ignore([]))
    now = datetime.now(UTC)
    key = root_key(tree)
    rows = [
        {
            "id": f"{n:032x}",
            "root": key,
            "path": e.rel_path,
            "project": project_of(e.rel_path),
            "state": "present",
            "first_seen_at": now,
            "last_seen_at": now,
            "current_sha256": f"{n:064x}",
            "size": e.size,
            "mtime_ns": e.mtime_ns,
            "inode": e.inode,
        }
        for n, e in enumerate(walk.entries)
    ]
    with store.transaction() as tx:
        tx.session.execute(insert(DocumentRow), rows)
    store.close()
    return len(rows)


def time_find(tree: Path) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one find run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        ["find", str(tree), "-printf", "%s %T@\n"], stdout=subprocess.DEVNULL, check=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def run_child(tree: Path, db: Path, mode: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), str(db), str(REPO / "rules"), mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> dict[str, object]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "kernel": platform.release(),
        "load_1m": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=REPO / "bench" / "out" / "rescan")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tree, db = args.dir / "tree", args.dir / "rk.db"
    args.dir.mkdir(parents=True, exist_ok=True)
    build_tree(tree, args.files)
    recorded = fill_store(tree, db)
    time_find(tree)  # warm the page cache for both contenders
    load_before = os.getloadavg()[0]
    finds: list[tuple[float, float]] = []
    rescans: list[dict[str, float]] = []
    for _ in range(args.repeat):
        finds.append(time_find(tree))
        rescans.append(run_child(tree, db, "rescan"))
    find_s, find_cpu = min(f[0] for f in finds), min(f[1] for f in finds)
    best = min(rescans, key=lambda r: r["seconds"])
    assert best["unchanged"] == recorded and not best["changes"], best
    # tracking: a fresh store, so every file is new and pending at once
    db.unlink()
    Store(f"sqlite:///{db}").migrate()
    tracking = run_child(tree, db, "tracking")
    print(
        json.dumps(
            {
                "files": recorded,
                "rounds": args.repeat,
                "find_s": round(find_s, 3),
                "rescan_s": round(best["seconds"], 3),
                "ratio": round(best["seconds"] / find_s, 2),
                "first_rescan_s": round(rescans[0]["seconds"], 3),
                "find_cpu_s": round(find_cpu, 3),
                "rescan_cpu_s": round(min(r["cpu_s"] for r in rescans), 3),
                "cpu_ratio": round(min(r["cpu_s"] for r in rescans) / find_cpu, 2),
                "load_1m_before": round(load_before, 2),
                "baseline_rss_mb": round(best["baseline_rss_mb"], 1),
                "rescan_peak_rss_mb": round(max(r["peak_rss_mb"] for r in rescans), 1),
                "tracking_files": tracking["tracked"],
                "tracking_peak_rss_mb": round(tracking["peak_rss_mb"], 1),
                "machine": machine(),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
