"""What happens after ingest records a change: the downstream stages, in order.

Ingest calls `after_changes()` with the changes it committed. Each stage
(classification, registration prompts, process re-evaluation, retention
deadlines) is one function taking the context and the changes; a stage's
failure is logged and recorded, and never stops the next stage or the daemon.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import structlog

from recordkeeper.model import DocumentFacts, fast_constructor
from recordkeeper.services import stage_failures
from recordkeeper.services.classification import (
    classify_stage,
    store_precomputed,
    worker_classifier,
)
from recordkeeper.services.context import Context
from recordkeeper.services.privacy import privacy_stage
from recordkeeper.services.process_status import process_stage
from recordkeeper.services.registration import registration_stage
from recordkeeper.services.retention import retention_stage
from recordkeeper.store.repo_classification import PresentDocument
from recordkeeper.store.unit import Tx

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class DocumentChange:
    """One committed change to a tracked document.

    `facts` is the extraction made for this change, when there was one (in memory,
    so a stage need not read it back from the store); `analysis` is what the
    pipeline's worker analyzer (see `worker_analyzer`) made of those facts;
    `classified`: its document's classification was stored in the same transaction
    as the change (`within_commit`), so the classify stage leaves it;
    `previous_project`: for a move, the project the document left (None: it was in
    none, or the change is no move), so the stages can look at what it left behind.
    """

    document_id: str
    change: str  # new | new_version | moved | gone | copied | unreadable | returned
    at: datetime
    project: str | None = None
    sha256: str | None = None
    previous_sha256: str | None = None
    facts: DocumentFacts | None = None
    analysis: Any = None
    previous_project: str | None = None
    classified: bool = False


# made once or twice per file ingested: without its frozen __init__ (issue #3)
new_change = fast_constructor(DocumentChange)


Stage = Callable[[Context, Sequence[DocumentChange]], None]

# Stages run in this order; each feature appends its stage here (one line each).
STAGES: list[tuple[str, Stage]] = [
    ("classify", classify_stage),  # first: later stages read the classifications
    ("registration", registration_stage),  # after classification
    ("retention", retention_stage),
    ("privacy", privacy_stage),
    ("process", process_stage),  # after classification: reads the stored classes
]


def worker_analyzer(ctx: Context) -> Callable[[DocumentFacts], Any] | None:
    """What the extraction workers should compute for the stages (None: nothing).

    The classify stage's pure classifier runs beside extraction, in the workers,
    when that stage is on; the stage then only stores the result.
    """
    if any(stage is classify_stage for _, stage in STAGES):
        return worker_classifier(ctx)
    return None


@dataclass(frozen=True, slots=True)
class Written:
    """What ingest wrote in a chunk's transaction, as it is now in that transaction, so
    the stages storing within it need not read it back.

    `documents`: the rows of documents it inserted, by id; `holders`: for some contents,
    every present document that holds it (ids of `documents`; no other document does).
    """

    documents: Mapping[str, PresentDocument]
    holders: Mapping[str, tuple[str, ...]]


def within_commit(
    ctx: Context,
    tx: Tx,
    changes: Sequence[DocumentChange],
    written: Written | None = None,
) -> list[DocumentChange]:
    """What the stages store inside ingest's transaction of `changes`, before its commit.

    The classify stage's worker classifications are stored there with their audit
    events (`classification.store_precomputed`: one commit and no read-back less per
    chunk); the changes of those documents come back marked `classified`. The
    stages still run after the commit (`after_changes`) and see the same stored rows.
    `written`: what ingest wrote in this transaction (not read back).
    """
    if not changes or not any(stage is classify_stage for _, stage in STAGES):
        return list(changes)
    done = store_precomputed(tx, ctx, changes, written=written)
    if not done:
        return list(changes)
    return [_classified(c) if c.document_id in done else c for c in changes]


def _classified(c: DocumentChange) -> DocumentChange:
    """`replace(c, classified=True)` without its field-by-field introspection or the
    frozen __init__ (once per file of a chunk; tests/unit/test_memoised_values.py holds
    them equal)."""
    return new_change(
        c.document_id, c.change, c.at, c.project, c.sha256, c.previous_sha256, c.facts,
        c.analysis, c.previous_project, True,
    )  # fmt: skip


def after_changes(ctx: Context, changes: Sequence[DocumentChange]) -> None:
    """Run every stage over `changes`; a failing stage is logged, the rest still run."""
    if not changes:
        return
    for name, stage in STAGES:
        try:
            stage(ctx, changes)
        except Exception as exc:
            log.exception("pipeline_stage_failed", stage=name, changes=len(changes))
            stage_failures.note(ctx, name, exc)
    stage_failures.flush(ctx)
