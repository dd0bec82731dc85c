"""Retention on a real temp share and real SQLite: propose, approve, quarantine, delete."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from structlog.testing import capture_logs

from recordkeeper import jobs
from recordkeeper.config import Settings
from recordkeeper.errors import DecisionRequired
from recordkeeper.retention import ApprovalStatus, RetentionFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import retention as svc
from recordkeeper.services.context import Context
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.tables_retention import TombstoneRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

CLOSED = date(2022, 1, 10)
AFTER_DUE = date(2024, 2, 1)  # survey answers: closed + 2 years


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    clock.set(datetime(2024, 2, 1, 8, 0, tzinfo=UTC))
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def _add_document(ctx: Context, share: Path, doc_id: str, rel: str, body: bytes) -> Path:
    path = share / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id=doc_id,
                root=str(share),
                path=rel,
                project=rel.split("/")[0],
                state="present",
                first_seen_at=now,
                last_seen_at=now,
                current_sha256=hashlib.sha256(body).hexdigest(),
                size=len(body),
            )
        )
    return path


def _survey_answers(ctx: Context, share: Path, n: int = 2) -> list[Path]:
    paths = [
        _add_document(
            ctx, share, f"doc{i}", f"FMB Lumbago/Enkät/svar{i}.xlsx", f"svar {i}".encode()
        )
        for i in range(n)
    ]
    svc.store_deadlines(
        ctx,
        [
            RetentionFacts(
                f"doc{i}",
                "survey_response",
                True,
                "FMB Lumbago",
                personal_data=True,
                project_closed_on=CLOSED,
            )
            for i in range(n)
        ],
    )
    return paths


def _quarantine_files(ctx: Context, share: Path) -> list[Path]:
    qdir = share / ctx.settings.retention.quarantine_dir_name
    return sorted(qdir.iterdir()) if qdir.exists() else []


def test_a_due_rule_becomes_one_proposal_per_project_and_rule(ctx: Context, share: Path) -> None:
    _survey_answers(ctx, share)
    assert svc.make_proposals(ctx, date(2024, 1, 9)) == []
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    assert (proposal.rule_id, sorted(proposal.documents)) == (
        "survey_responses.weed",
        ["doc0", "doc1"],
    )
    assert svc.make_proposals(ctx, AFTER_DUE) == []  # never proposed twice


def test_an_unapproved_proposal_deletes_nothing(ctx: Context, share: Path) -> None:
    paths = _survey_answers(ctx, share)
    svc.make_proposals(ctx, AFTER_DUE)
    ctx.clock.advance(days=400)  # type: ignore[attr-defined]
    report = svc.execute(ctx)
    assert report.quarantined == report.deleted == []
    assert all(p.exists() for p in paths)


def test_approved_files_are_quarantined_then_deleted_with_tombstones(
    ctx: Context, share: Path
) -> None:
    paths = _survey_answers(ctx, share)
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    assert svc.decide(ctx, proposal.id, "dpo-anna", "dpo") is ApprovalStatus.APPROVED
    report = svc.execute(ctx)
    assert sorted(report.quarantined) == ["doc0", "doc1"]
    assert not any(p.exists() for p in paths)
    assert len(_quarantine_files(ctx, share)) == 2
    assert svc.execute(ctx).deleted == []  # grace period not over
    ctx.clock.advance(days=ctx.settings.retention.grace_days + 1)  # type: ignore[attr-defined]
    assert sorted(svc.execute(ctx).deleted) == ["doc0", "doc1"]
    assert _quarantine_files(ctx, share) == []
    with ctx.store.read() as session:
        stones = list(session.execute(select(TombstoneRow)).scalars())
        events = list(session.execute(select(AuditEntryRow.event)).scalars())
    assert {s.rule_id for s in stones} == {"survey_responses.weed"}
    assert {s.approvers for s in stones} == {'["dpo-anna"]'}
    assert events.count("retention_deleted") == 2


def test_dry_run_changes_nothing(ctx: Context, share: Path) -> None:
    paths = _survey_answers(ctx, share)
    assert len(svc.make_proposals(ctx, AFTER_DUE, dry_run=True)) == 1
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    svc.decide(ctx, proposal.id, "dpo-anna", "dpo")
    report = svc.execute(ctx, dry_run=True)
    assert sorted(report.quarantined) == ["doc0", "doc1"]
    assert all(p.exists() for p in paths)
    assert sorted(svc.execute(ctx).quarantined) == ["doc0", "doc1"]


def test_a_file_changed_after_approval_is_not_destroyed(ctx: Context, share: Path) -> None:
    paths = _survey_answers(ctx, share)
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    svc.decide(ctx, proposal.id, "dpo-anna", "dpo")
    paths[0].write_bytes(b"edited after approval")
    report = svc.execute(ctx)
    assert report.changed == ["doc0"]
    assert report.quarantined == []
    assert all(p.exists() for p in paths)


def test_a_hold_blocks_proposal_and_execution(ctx: Context, share: Path) -> None:
    paths = _survey_answers(ctx, share)
    hold = svc.add_hold(ctx, project="FMB Lumbago", reason="JO-granskning", actor="dpo-anna")
    assert svc.make_proposals(ctx, AFTER_DUE) == []
    svc.lift_hold(ctx, hold, actor="dpo-anna")
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    svc.decide(ctx, proposal.id, "dpo-anna", "dpo")
    svc.add_hold(ctx, document_id="doc1", reason="begäran", actor="dpo-anna")
    report = svc.execute(ctx)
    assert (report.quarantined, report.held) == (["doc0"], ["doc1"])
    assert paths[1].exists()


def test_a_role_outside_the_policy_is_refused(ctx: Context, share: Path) -> None:
    _survey_answers(ctx, share)
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    with pytest.raises(DecisionRequired):
        svc.decide(ctx, proposal.id, "reg-bo", "registrar")


def test_quarantine_survives_a_restart(ctx: Context, share: Path, settings: Settings) -> None:
    _survey_answers(ctx, share)
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    svc.decide(ctx, proposal.id, "dpo-anna", "dpo")
    svc.execute(ctx)
    ctx.store.close()
    reopened = Context(
        settings=ctx.settings, rules=ctx.rules, store=Store(settings.database_url), clock=ctx.clock
    )
    ctx.clock.advance(days=31)  # type: ignore[attr-defined]
    try:
        assert sorted(svc.execute(reopened).deleted) == ["doc0", "doc1"]
    finally:
        reopened.store.close()


def test_deleting_personal_data_never_touches_the_file(ctx: Context, share: Path) -> None:
    from recordkeeper.ruleset.retention import RetentionRules

    rules = ctx.rules.one("retention")
    pd_rule = rules.rules[0].model_copy(
        update={
            "id": "pd.strip",
            "classes": ("survey_response",),
            "state": "any",
            "action": "delete_personal_data",
        }
    )
    ctx.rules.by_kind["retention"] = [
        RetentionRules.model_validate(
            {
                **rules.model_dump(),
                "rules": [pd_rule.model_dump(), *(r.model_dump() for r in rules.rules)],
            }
        )
    ]
    try:
        paths = _survey_answers(ctx, share)
        (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
        assert proposal.action == "delete_personal_data"
        svc.decide(ctx, proposal.id, "dpo-anna", "dpo")
        report = svc.execute(ctx)
        assert sorted(report.deleted) == ["doc0", "doc1"]
        assert all(p.exists() for p in paths)
        assert _quarantine_files(ctx, share) == []
    finally:
        ctx.rules.by_kind["retention"] = [rules]


def test_a_failed_quarantine_move_in_the_job_is_logged_without_paths_and_retried(
    ctx: Context, share: Path
) -> None:
    paths = _survey_answers(ctx, share)
    (proposal,) = svc.make_proposals(ctx, AFTER_DUE)
    svc.decide(ctx, proposal.id, "dpo-anna", "dpo")
    # a plain file where the quarantine folder belongs: mkdir raises FileExistsError,
    # whose message names the path (project folder and all)
    blocker = share / ctx.settings.retention.quarantine_dir_name
    blocker.write_bytes(b"not a folder")
    with capture_logs() as logged:
        jobs.run_retention(ctx)  # must not raise: the scheduler would log the message
    (failure,) = [e for e in logged if e["event"] == "job_failed"]
    assert (failure["job"], failure["error"]) == ("retention", "FileExistsError")
    assert not any(str(share) in repr(e) or "Lumbago" in repr(e) for e in logged)
    assert all(p.exists() for p in paths)  # nothing moved, nothing recorded as moved
    assert [p.state for p in svc.open_proposals(ctx)] == ["approved"]

    blocker.unlink()
    jobs.run_retention(ctx)  # the next run carries the decision out
    assert not any(p.exists() for p in paths)
    assert [p.state for p in svc.open_proposals(ctx)] == ["quarantined"]
