"""Audit log costs: append overhead per state change, and `audit verify` throughput.

    .venv/bin/python bench/audit.py [--appends 3000] [--entries 200000] [--heads 8]

1. Append: one state change per transaction on a real SQLite file (upsert of a
   service_state row), with and without `tx.record(AuditEvent)`, and with the
   former per-event append (lock, max(idx), ORM row, flush; kept here as the
   baseline), interleaved in rounds; reports the median of each and the
   difference (the overhead).
   Bulk: `--bulk` events in one transaction (as a pipeline chunk writes them),
   `tx.record` against the former per-event append, interleaved, best of
   `--rounds`.
2. Verify: fills the log with `--entries` canonical entries (bulk insert of the
   exact bytes `Tx.record` writes), signs `--heads` tree heads along the way,
   then times `verify_audit` (read every entry, recompute the tree, check all
   heads and their consistency) against a floor of reading every leaf and
   hashing it once.

Prints a Markdown block for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, text

from recordkeeper.audit.log import canonical_entry, check_identifiers_only
from recordkeeper.bootstrap import audit_ports
from recordkeeper.config import load_settings
from recordkeeper.model import AuditEvent
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.audit import make_tree_head, verify_audit
from recordkeeper.services.context import Context
from recordkeeper.store.tables import AuditEntryRow, StateRow
from recordkeeper.store.unit import Store, Tx

T0 = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def _event(i: int) -> AuditEvent:
    return AuditEvent(
        "document_classified",
        T0 + timedelta(seconds=i),
        actor="system",
        document_id=f"{i:032x}",
        project_id="p-0042",
        rule_id="classes.coi_declaration",
        sha256=hashlib.sha256(i.to_bytes(8, "big")).hexdigest(),
        data={"doc_class": "coi_declaration", "confidence": 0.92},
    )


def _context(base: Path) -> Context:
    settings = load_settings(
        None,
        {
            "database_url": f"sqlite:///{base / 'rk.db'}",
            "audit": {"key_file": str(base / "k.pem"), "master_key_file": str(base / "m.key")},
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=LoadedRules(by_kind={}, files=()), store=store)
    ctx.extras.update(audit_ports(settings))
    return ctx


def _change(store: Store, i: int, record: bool, legacy: bool = False) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    with store.transaction() as tx:
        row = tx.session.get(StateRow, "bench")
        if row is None:
            tx.session.add(StateRow(key="bench", value=str(i)))
        else:
            row.value = str(i)
        if record and legacy:
            legacy_record(tx, _event(i))
        elif record:
            tx.record(_event(i))
    return time.perf_counter() - start, time.process_time() - cpu


def legacy_record(tx: Tx, event: AuditEvent) -> int:
    """The per-event append `Tx.record` did before batching: the baseline."""
    check_identifiers_only(event)
    if tx.dialect == "postgresql":
        tx.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": 0x524B4155})
    last = tx.session.execute(select(func.max(AuditEntryRow.idx))).scalar_one_or_none()
    index = 0 if last is None else last + 1
    tx.session.add(
        AuditEntryRow(
            idx=index,
            leaf=canonical_entry(event, index),
            event=event.event,
            document_id=event.document_id,
            project_id=event.project_id,
            created_at=event.at,
        )
    )
    tx.session.flush()
    return index


Sample = tuple[float, float]


def bench_append(ctx: Context, count: int) -> tuple[Sample, Sample, Sample]:
    """Median (wall, CPU) seconds per state change: no audit, `tx.record`, former append."""
    plain: list[Sample] = []
    audited: list[Sample] = []
    legacy: list[Sample] = []
    for i in range(50):  # warm up
        _change(ctx.store, i, i % 2 == 0)
    for i in range(count):
        plain.append(_change(ctx.store, i, False))
        # distinct events throughout: the personal-data guard memoises values
        audited.append(_change(ctx.store, 2 * i, True))
        legacy.append(_change(ctx.store, 2 * i + 1, True, legacy=True))

    def medians(xs: list[Sample]) -> Sample:
        return statistics.median(x[0] for x in xs), statistics.median(x[1] for x in xs)

    return medians(plain), medians(audited), medians(legacy)


def _bulk(store: Store, events: list[AuditEvent], legacy: bool) -> Sample:
    start, cpu = time.perf_counter(), time.process_time()
    with store.transaction() as tx:
        for event in events:
            if legacy:
                legacy_record(tx, event)
            else:
                tx.record(event)
    return time.perf_counter() - start, time.process_time() - cpu


def bench_bulk(ctx: Context, size: int, rounds: int) -> tuple[Sample, Sample]:
    """Best-of-`rounds` (wall, CPU) seconds for `size` events in one transaction."""
    new: list[Sample] = []
    old: list[Sample] = []
    base = 10_000_000
    for r in range(rounds):
        events = [_event(base + 2 * r * size + i) for i in range(2 * size)]
        new.append(_bulk(ctx.store, events[:size], legacy=False))
        old.append(_bulk(ctx.store, events[size:], legacy=True))
    return min(new), min(old)


def _rows(start: int, stop: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i in range(start, stop):
        event = _event(i)
        rows.append(
            {
                "idx": i,
                "leaf": canonical_entry(event, i),
                "event": event.event,
                "document_id": event.document_id,
                "project_id": event.project_id,
                "created_at": event.at,
            }
        )
    return rows


def fill(ctx: Context, entries: int, heads: int) -> None:
    """Bulk-insert `entries` canonical entries, signing a head after each of `heads` parts."""
    with ctx.store.read() as session:
        last = session.scalar(select(func.max(AuditEntryRow.idx)))
    start = 0 if last is None else last + 1
    stop = start + entries
    bounds = [start + (entries * k) // heads for k in range(1, heads + 1)]
    for part_end in bounds:
        while start < part_end:
            chunk = min(part_end, start + 10_000)
            with ctx.store.transaction() as tx:
                tx.session.execute(insert(AuditEntryRow), _rows(start, chunk))
            start = chunk
        make_tree_head(ctx, at=T0 + timedelta(hours=part_end))
    assert start == stop


def floor_read_hash(ctx: Context) -> tuple[float, float]:
    """Wall and CPU seconds to read every leaf and hash it once."""
    start, cpu = time.perf_counter(), time.process_time()
    with ctx.store.read() as session:
        for (leaf,) in session.execute(
            select(AuditEntryRow.leaf).order_by(AuditEntryRow.idx).execution_options(yield_per=5000)
        ):
            hashlib.sha256(b"\x00" + leaf).digest()
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appends", type=int, default=3000)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--heads", type=int, default=8)
    parser.add_argument("--bulk", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rk-bench-audit-") as tmp:
        ctx = _context(Path(tmp))
        plain, audited, legacy = bench_append(ctx, args.appends)
        bulk_new, bulk_old = bench_bulk(ctx, args.bulk, args.rounds)
        fill(ctx, args.entries, args.heads)
        floor, floor_cpu = floor_read_hash(ctx)
        start, cpu = time.perf_counter(), time.process_time()
        report = verify_audit(ctx)
        elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - cpu
        ctx.store.close()
    assert report.ok, [p.kind for p in report.problems]
    rate = report.entries / elapsed
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    print(f"machine: {machine}, Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}")
    print()
    print("| measure | wall | CPU |")
    print("|---|---|---|")
    print(
        f"| state change, no audit append (median) | {plain[0] * 1e3:.3f} ms "
        f"| {plain[1] * 1e3:.3f} ms |"
    )
    print(
        f"| state change + `tx.record` (median) | {audited[0] * 1e3:.3f} ms "
        f"| {audited[1] * 1e3:.3f} ms |"
    )
    print(
        f"| state change + former per-event append (median) | {legacy[0] * 1e3:.3f} ms "
        f"| {legacy[1] * 1e3:.3f} ms |"
    )
    print(
        f"| **append overhead per state change** | **{(audited[0] - plain[0]) * 1e3:.3f} ms** "
        f"| **{(audited[1] - plain[1]) * 1e3:.3f} ms** |"
    )
    print(
        f"| former append overhead | {(legacy[0] - plain[0]) * 1e3:.3f} ms "
        f"| {(legacy[1] - plain[1]) * 1e3:.3f} ms |"
    )
    n = args.bulk
    print(
        f"| {n} events in one transaction, `tx.record` (best of {args.rounds}) "
        f"| {bulk_new[0] * 1e3:.1f} ms ({bulk_new[0] / n * 1e6:.1f} µs/event) "
        f"| {bulk_new[1] * 1e3:.1f} ms |"
    )
    print(
        f"| {n} events in one transaction, former append (best of {args.rounds}) "
        f"| {bulk_old[0] * 1e3:.1f} ms ({bulk_old[0] / n * 1e6:.1f} µs/event) "
        f"| {bulk_old[1] * 1e3:.1f} ms |"
    )
    print(
        f"| **bulk speed-up** | **{bulk_old[0] / bulk_new[0]:.1f}x** wall "
        f"| {bulk_old[1] / bulk_new[1]:.1f}x CPU |"
    )
    print()
    print("| measure | value |")
    print("|---|---|")
    print(f"| entries verified / heads checked | {report.entries} / {report.heads} |")
    n = report.entries
    print(
        f"| floor: read every leaf + one SHA-256 | {n / floor:,.0f} entries/s "
        f"({n / floor_cpu:,.0f} per CPU-second) |"
    )
    print(
        f"| **`verify_audit`** | **{rate:,.0f} entries/s** ({n / elapsed_cpu:,.0f} per "
        f"CPU-second; {elapsed:.2f} s, {floor / elapsed:.2f} of floor speed) |"
    )


if __name__ == "__main__":
    main()
