"""Use case: gather the data-protection officer's report from the store."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from recordkeeper.retention.report import (
    DeadlineLine,
    DeletionLine,
    DpoReport,
    HoldLine,
    ProposalLine,
    build_report,
)
from recordkeeper.ruleset.processing import ProcessingRules
from recordkeeper.services.context import Context
from recordkeeper.store.tables_retention import (
    ApprovalRow,
    HoldRow,
    ProposalItemRow,
    ProposalRow,
    RetentionDeadlineRow,
    TombstoneRow,
)


def dpo_report(ctx: Context, today: date | None = None) -> DpoReport:
    """Everything the DPO report shows, as of `today` (default: the clock's date)."""
    now = ctx.clock.now()
    today = today or now.date()
    with ctx.store.read() as session:
        deadlines = [
            DeadlineLine(
                r.document_id,
                r.project,
                r.doc_class,
                r.rule_id,
                r.action,
                r.basis,
                r.due_on,
                r.personal_data,
                overdue=r.due_on is not None and r.due_on < today,
            )
            for r in session.execute(select(RetentionDeadlineRow)).scalars()
        ]
        counts = dict(
            session.execute(
                select(ProposalItemRow.proposal_id, func.count()).group_by(
                    ProposalItemRow.proposal_id
                )
            ).all()
        )
        approvals: dict[str, list[str]] = {}
        for a in session.execute(
            select(ApprovalRow).where(ApprovalRow.approve.is_(True))
        ).scalars():
            approvals.setdefault(a.proposal_id, []).append(a.user)
        proposals = [
            ProposalLine(
                p.id,
                p.project,
                p.rule_id,
                p.action,
                p.basis,
                p.state,
                counts.get(p.id, 0),
                p.created_at,
                tuple(approvals.get(p.id, ())),
            )
            for p in session.execute(select(ProposalRow)).scalars()
        ]
        deletions = [
            DeletionLine(
                s.document_id,
                s.project,
                s.doc_class,
                s.rule_id,
                s.basis,
                s.proposal_id,
                tuple(json.loads(s.approvers)),
                s.approved_at,
                s.deleted_at,
            )
            for s in session.execute(select(TombstoneRow)).scalars()
        ]
        holds = [
            HoldLine(h.id, h.document_id, h.project, h.reason, h.created_by, h.created_at)
            for h in session.execute(select(HoldRow).where(HoldRow.lifted_at.is_(None))).scalars()
        ]
    processing: list[ProcessingRules] = ctx.rules.all("processing")
    triggers = {
        rule.id: rule.trigger
        for model in ctx.rules.all("retention")
        for rule in getattr(model, "rules", ())
        if rule.trigger is not None
    }
    return build_report(
        today=today,
        generated_at=now,
        deadlines=deadlines,
        proposals=proposals,
        deletions=deletions,
        holds=holds,
        processing=processing[0] if processing else None,
        triggers=triggers,
    )
