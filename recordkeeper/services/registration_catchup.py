"""Registration prompts a document should have and has not: judged again.

The registration stage runs after ingest's commit (`pipeline.after_changes`). A daemon
killed between the two, a stage that failed on a database error, or a rules reload that
made a class registrable (re-classification stores classes, it does not judge) leaves a
final must-register version without a prompt, and no later change of the file would
bring it back: the registrar would never be asked. Judging is idempotent
(`registration.judge_version`), so the daemon looks for such versions at start, after
each re-classification pass and then every rescan interval, and judges them again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import structlog
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from recordkeeper.services.context import Context
from recordkeeper.services.pipeline import DocumentChange
from recordkeeper.services.registration import registration_stage
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.tables_registry import RegistryPromptRow

log = structlog.get_logger(__name__)

BATCH = 200


def _unprompted() -> Any:
    """The present documents whose current version is classified final and must-register
    and has no prompt row of its own (every judged such version has one: open, linked,
    registered, dismissed)."""
    prompted = exists().where(
        RegistryPromptRow.document_id == ClassificationRow.document_id,
        RegistryPromptRow.sha256 == ClassificationRow.sha256,
    )
    return (
        select(ClassificationRow.document_id, ClassificationRow.sha256)
        .join(DocumentRow, DocumentRow.id == ClassificationRow.document_id)
        .where(
            DocumentRow.state == "present",
            DocumentRow.current_sha256 == ClassificationRow.sha256,
            ClassificationRow.must_register.is_(True),
            ClassificationRow.is_draft.is_(False),
            ~prompted,
        )
    )


def unprompted_versions(session: Session, after: str, limit: int) -> list[tuple[str, str]]:
    """(document id, sha256) of the unprompted versions (`_unprompted`), ids above
    `after` in id order."""
    stmt = (
        _unprompted()
        .where(ClassificationRow.document_id > after)
        .order_by(ClassificationRow.document_id)
        .limit(limit)
    )
    return [(doc_id, sha) for doc_id, sha in session.execute(stmt) if sha is not None]


def count_unprompted(session: Session) -> int:
    """How many must-register versions wait for their prompt (the catch-up judges them)."""
    stmt = select(func.count()).select_from(_unprompted().subquery())
    return int(session.execute(stmt).scalar_one())


def judge_unprompted(ctx: Context, after: str = "", limit: int = BATCH) -> Sequence[str]:
    """Judge up to `limit` unprompted versions (ids above `after`); their document ids.

    A version that still cannot be judged (its facts missing, a store error) is logged
    by the registration stage and comes back on the next pass, never blocks the rest.
    """
    with ctx.store.read() as session:
        found = unprompted_versions(session, after, limit)
    if not found:
        return []
    at = ctx.clock.now()
    registration_stage(
        ctx, [DocumentChange(doc_id, "new_version", at, sha256=sha) for doc_id, sha in found]
    )
    log.info("registration_caught_up", documents=len(found))  # failures: stage_failures
    return [doc_id for doc_id, _ in found]


class RegistrationCatchUp:
    """Daemon tick hook: one batch per tick while a pass is in progress.

    A pass starts once classification is current after start or a rules reload, and
    every `interval_s` after the last pass ended; it walks the unprompted versions in
    document id order, so versions that keep failing cannot hold up the others.
    """

    def __init__(
        self, interval_s: float, monotonic: Callable[[], float], batch: int = BATCH
    ) -> None:
        self.interval_s = interval_s
        self.batch = batch
        self._monotonic = monotonic
        self._rules_seen: object = None
        self._next_pass = 0.0
        self._cursor: str | None = None  # None: no pass in progress

    def __call__(self, ctx: Context, classification_current: bool) -> None:
        if not classification_current:
            return  # the stored classes are about to change; judge them once they have
        if ctx.rules is not self._rules_seen:
            self._rules_seen, self._next_pass = ctx.rules, 0.0
        if self._cursor is None:
            if self._monotonic() < self._next_pass:
                return
            self._cursor = ""
        judged = judge_unprompted(ctx, self._cursor, self.batch)
        if len(judged) < self.batch:
            self._cursor = None
            self._next_pass = self._monotonic() + self.interval_s
        else:
            self._cursor = judged[-1]
