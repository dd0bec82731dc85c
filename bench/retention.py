"""Retention at scale: deadlines for 100k documents, and what is due among 1M deadlines.

    .venv/bin/python bench/retention.py [--documents 100000] [--deadlines 1000000]

- compute: `compute_deadline` (pure) over N documents of mixed classes and
  states, against a baseline loop that only builds the same fact values;
- due query: the job's question "which deadlines are due today and not held"
  (indexed `due_on <= today`) on a SQLite store holding M deadlines, of which
  about 0.1 % are due; best of 5 runs, page cache warm.
Goal: each < 50 ms. Prints one JSON document; docs/benchmarks.md records it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from recordkeeper.retention import RetentionFacts, compute_deadlines
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.store.tables_retention import RetentionDeadlineRow
from recordkeeper.store.unit import Store

REPO = Path(__file__).resolve().parent.parent
CLASSES = [
    "coi_declaration",
    "agreement",
    "survey_response",
    "comments",
    "project_plan",
    "presentation",
    "meeting_notes",
    "correspondence",
    "text_proposal",
    "other",
]


def _facts(n: int, rng: random.Random) -> list[RetentionFacts]:
    base = date(2020, 1, 1)
    return [
        RetentionFacts(
            document_id=f"d{i}",
            doc_class=rng.choice(CLASSES),
            is_official=rng.random() > 0.3,
            project=f"P{i % 300}",
            personal_data=rng.random() > 0.5,
            document_on=base + timedelta(days=rng.randrange(1500)),
            last_change_on=base + timedelta(days=rng.randrange(1500)),
            project_closed_on=(
                base + timedelta(days=rng.randrange(1500)) if rng.random() > 0.4 else None
            ),
        )
        for i in range(n)
    ]


def bench_compute(n: int) -> dict[str, float]:
    rules = load_ruleset(REPO / "rules").one("retention")
    facts = _facts(n, random.Random(1))
    start = time.perf_counter()
    baseline = _facts(n, random.Random(1))
    baseline_s = time.perf_counter() - start
    start = time.perf_counter()
    deadlines = compute_deadlines(rules, facts)
    compute_s = time.perf_counter() - start
    assert len(deadlines) == len(baseline) == n
    return {
        "documents": n,
        "compute_ms": round(compute_s * 1000, 1),
        "baseline_build_facts_ms": round(baseline_s * 1000, 1),
        "per_document_us": round(compute_s / n * 1e6, 2),
    }


def bench_due(m: int, workdir: Path) -> dict[str, float]:
    store = Store(f"sqlite:///{workdir / 'bench.db'}")
    store.migrate()
    rng = random.Random(2)
    today = date(2026, 6, 1)
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with store.engine.begin() as conn:
        batch = []
        for i in range(m):
            due = None if rng.random() < 0.5 else today + timedelta(days=rng.randrange(1, 4000))
            if rng.random() < 0.001:
                due = today - timedelta(days=rng.randrange(1, 30))
            batch.append(
                {
                    "document_id": f"d{i}",
                    "project": f"P{i % 300}",
                    "rule_id": "r",
                    "action": "weed" if due else "keep",
                    "basis": "IHP",
                    "due_on": due,
                    "personal_data": False,
                    "doc_class": "x",
                    "computed_at": now,
                }
            )
            if len(batch) == 20000:
                conn.execute(insert(RetentionDeadlineRow), batch)
                batch = []
        if batch:
            conn.execute(insert(RetentionDeadlineRow), batch)
    query = select(
        RetentionDeadlineRow.document_id, RetentionDeadlineRow.project, RetentionDeadlineRow.rule_id
    ).where(RetentionDeadlineRow.due_on.is_not(None), RetentionDeadlineRow.due_on <= today)
    timings, found = [], 0
    with store.engine.connect() as conn:
        conn.execute(query).all()  # warm
        for _ in range(5):
            start = time.perf_counter()
            found = len(conn.execute(query).all())
            timings.append(time.perf_counter() - start)
        full_scan_start = time.perf_counter()
        conn.exec_driver_sql("SELECT count(*) FROM retention_deadlines WHERE rule_id = 'r'").all()
        full_scan_s = time.perf_counter() - full_scan_start
    store.close()
    return {
        "deadlines": m,
        "due": found,
        "due_query_ms": round(min(timings) * 1000, 2),
        "baseline_full_table_scan_ms": round(full_scan_s * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--deadlines", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "load": os.getloadavg(),
            },
            "compute": bench_compute(args.documents),
            "due": bench_due(args.deadlines, Path(tmp)),
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
