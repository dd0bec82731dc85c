"""Failures of the stages after ingest, counted where registrars and operators look.

A stage that fails on a document (a store error while its registration prompt is
written) is logged and, for registration, healed later by the catch-up
(`registration_catchup`); until then the registrar is not asked and nobody is told.
`note()` counts each failure by stage in memory (it may be called inside a transaction
that is about to roll back); `flush()` adds the counts to the store's service state
(`stage_failures.<stage>`: count, first and last time, the last exception's class) in a
transaction of its own. A flush that fails keeps the counts for the next one (the
daemon flushes every tick), so a failure during a store outage is counted once the
store is back. `recorded()` reads them for `status`, the metrics and `doctor`.

Only a stage name, a count, times and an exception class name are kept: never a path,
a document's text or a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import structlog

from recordkeeper.services.context import Context
from recordkeeper.store import repo_documents as repo

log = structlog.get_logger(__name__)

KEY_PREFIX = "stage_failures."
_PENDING = "stage_failures.pending"


@dataclass(slots=True)
class _Pending:
    count: int
    first_at: datetime
    last_at: datetime
    error: str


def note(ctx: Context, stage: str, error: BaseException) -> None:
    """Count one failure of `stage` (in memory until `flush`); never raises."""
    pending: dict[str, _Pending] = ctx.extras.setdefault(_PENDING, {})
    now = ctx.clock.now()
    seen = pending.get(stage)
    if seen is None:
        pending[stage] = _Pending(1, now, now, type(error).__name__)
    else:
        seen.count += 1
        seen.last_at = now
        seen.error = type(error).__name__


def flush(ctx: Context) -> None:
    """Add the counted failures to the store; on a store error keep them (never raises)."""
    pending: dict[str, _Pending] | None = ctx.extras.get(_PENDING)
    if not pending:
        return
    try:
        with ctx.store.transaction() as tx:
            for stage, seen in pending.items():
                old = repo.get_state(tx.session, KEY_PREFIX + stage) or {}
                repo.put_state(
                    tx.session,
                    KEY_PREFIX + stage,
                    {
                        "count": int(old.get("count", 0)) + seen.count,
                        "first_at": old.get("first_at") or seen.first_at.isoformat(),
                        "last_at": seen.last_at.isoformat(),
                        "error": seen.error,
                    },
                )
    except Exception as exc:  # the store may be what failed: try again on the next flush
        log.warning("stage_failures_unrecorded", stages=sorted(pending), error=type(exc).__name__)
        return
    for stage, seen in pending.items():
        log.warning("stage_failures_recorded", stage=stage, failures=seen.count, error=seen.error)
    pending.clear()


def recorded(session: Any) -> dict[str, dict[str, Any]]:
    """The stored failures by stage: {stage: {count, first_at, last_at, error}}."""
    return {
        stage: value
        for stage, value in repo.states_with_prefix(session, KEY_PREFIX).items()
        if isinstance(value, dict)
    }
