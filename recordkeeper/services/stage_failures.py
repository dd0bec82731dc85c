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
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog

from recordkeeper import i18n
from recordkeeper.services.context import Context
from recordkeeper.store import repo_documents as repo

log = structlog.get_logger(__name__)

KEY_PREFIX = "stage_failures."
_PENDING = "stage_failures.pending"
RECENT = timedelta(days=7)  # a failure this recent is news (doctor warns, the web marks it)
HISTORY_DAYS = 31  # failures per UTC day are kept for this many days (`days`)

i18n.register(
    {
        "stage.classify": {"sv": "klassificering", "en": "classification"},
        "stage.registration": {"sv": "diarieföringsfrågor", "en": "registration prompts"},
        "stage.retention": {"sv": "gallringsfrister", "en": "retention deadlines"},
        "stage.privacy": {"sv": "personuppgifter", "en": "personal data"},
        "stage.process": {"sv": "processteg", "en": "process steps"},
    }
)


def label(stage: str, lang: str) -> str:
    """A pipeline stage's name for people (status, doctor, the web); an unknown one as it is."""
    key = f"stage.{stage}"
    return i18n.t(key, lang) if key in i18n.catalogue() else stage


@dataclass(slots=True)
class _Pending:
    count: int
    first_at: datetime
    last_at: datetime
    error: str
    days: dict[str, int]  # UTC day (YYYY-MM-DD) -> failures that day


def note(ctx: Context, stage: str, error: BaseException) -> None:
    """Count one failure of `stage` (in memory until `flush`); never raises."""
    pending: dict[str, _Pending] = ctx.extras.setdefault(_PENDING, {})
    now = ctx.clock.now()
    seen = pending.get(stage)
    day = _day(now)
    if seen is None:
        pending[stage] = _Pending(1, now, now, type(error).__name__, {day: 1})
    else:
        seen.count += 1
        seen.last_at = now
        seen.error = type(error).__name__
        seen.days[day] = seen.days.get(day, 0) + 1


def _day(at: datetime) -> str:
    return at.astimezone(UTC).date().isoformat()


def _merged_days(old: object, new: dict[str, int], now: datetime) -> dict[str, int]:
    """The stored per-day counts plus the new ones, the last `HISTORY_DAYS` days only."""
    days = (
        {k: int(v) for k, v in old.items() if isinstance(v, int)} if isinstance(old, dict) else {}
    )
    for day, count in new.items():
        days[day] = days.get(day, 0) + count
    oldest = _day(now - timedelta(days=HISTORY_DAYS - 1))
    return {day: days[day] for day in sorted(days) if day >= oldest}


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
                        "days": _merged_days(old.get("days"), seen.days, seen.last_at),
                    },
                )
    except Exception as exc:  # the store may be what failed: try again on the next flush
        log.warning("stage_failures_unrecorded", stages=sorted(pending), error=type(exc).__name__)
        return
    for stage, seen in pending.items():
        log.warning("stage_failures_recorded", stage=stage, failures=seen.count, error=seen.error)
    pending.clear()


def recorded(session: Any) -> dict[str, dict[str, Any]]:
    """The stored failures by stage: {stage: {count, first_at, last_at, error, days}}, `days`
    the failures per UTC day of the last `HISTORY_DAYS` days with any (missing from counts
    stored before the days were kept)."""
    return {
        stage: value
        for stage, value in repo.states_with_prefix(session, KEY_PREFIX).items()
        if isinstance(value, dict)
    }


@dataclass(frozen=True, slots=True)
class Recorded:
    """One stage's stored failures, as people are shown them."""

    stage: str
    count: int
    first_at: datetime | None
    last_at: datetime | None
    error: str
    recent: bool  # the last one within `RECENT` of now
    days: tuple[tuple[str, int], ...] = ()  # (UTC day, failures) of the last `RECENT`, oldest first


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def summary(session: Any, now: datetime) -> list[Recorded]:
    """The stored failures by stage name, each marked recent or not."""
    found = []
    for stage, seen in sorted(recorded(session).items()):
        last = _time(seen.get("last_at"))
        found.append(
            Recorded(
                stage=stage,
                count=int(seen.get("count", 0)),
                first_at=_time(seen.get("first_at")),
                last_at=last,
                error=str(seen.get("error", "")),
                recent=last is not None and now - last <= RECENT,
                days=_recent_days(seen.get("days"), now),
            )
        )
    return found


def _recent_days(days: object, now: datetime) -> tuple[tuple[str, int], ...]:
    if not isinstance(days, dict):
        return ()
    oldest = _day(now - RECENT)
    return tuple(
        (day, int(count))
        for day, count in sorted(days.items())
        if isinstance(count, int) and count and day >= oldest
    )


def recent_days(
    failures: dict[str, dict[str, Any]], now: datetime
) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each stage's failures per UTC day of the last week (`recorded()`'s shape in)."""
    return {stage: _recent_days(seen.get("days"), now) for stage, seen in failures.items()}
