"""Use case behind the metrics endpoint: gather the numbers operators watch, as values.

Read at scrape time from the store (no counters kept in memory), so every
instance reports the same truth and a restart loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from recordkeeper.services import ingest, registration_queue
from recordkeeper.services.context import Context
from recordkeeper.store.tables import AuditEntryRow


@dataclass(frozen=True, slots=True)
class MetricsSnapshot:
    documents_by_state: dict[str, int] = field(default_factory=dict)
    errors_by_reason: dict[str, int] = field(default_factory=dict)
    queue_length: int = 0
    last_scan_seconds: dict[str, float] = field(default_factory=dict)
    prompts_open: int = 0
    prompts_overdue: int = 0
    audit_entries: int = 0
    stage_failures: dict[str, int] = field(default_factory=dict)
    registration_unprompted: int = 0


def metrics_snapshot(ctx: Context) -> MetricsSnapshot:
    """Every number the metrics endpoint serves, read now."""
    status = ingest.status(ctx)
    prompts = registration_queue.open_prompts(ctx)
    with ctx.store.read() as session:
        audit = session.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()
    scans = {
        root: float(scan["duration_s"])
        for root, scan in status.last_scans.items()
        if isinstance(scan, dict) and isinstance(scan.get("duration_s"), int | float)
    }
    return MetricsSnapshot(
        documents_by_state=dict(status.documents),
        errors_by_reason=dict(status.errors),
        queue_length=status.queue or 0,
        last_scan_seconds=scans,
        prompts_open=len(prompts),
        prompts_overdue=sum(1 for p in prompts if p.escalation.is_overdue),
        audit_entries=int(audit),
        stage_failures={
            stage: int(seen.get("count", 0)) for stage, seen in status.stage_failures.items()
        },
        registration_unprompted=status.registration_unprompted,
    )
