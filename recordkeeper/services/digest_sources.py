"""What the digests say, read from the store: the production `DigestSources`.

Each role's part reads the tables of the feature that owns the facts, through
that feature's service read functions, and returns plain values for
`notify.render`. Parts whose feature has not landed yet return nothing, so a
digest lists what the service knows today and grows as features are wired:
- registrar: open prompts new since the last digest, overdue prompts, open
  alerts (registry's `registration_queue`).
- DPO: retention proposals awaiting approval and deadlines past due (retention).
- project lead: process warnings raised and resolved since the last digest,
  per project, in the instruction's words (process_status).
- DPO, audit: the log verified at digest time and its latest signed head.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from recordkeeper.errors import RecordkeeperError
from recordkeeper.notify.render import (
    AuditStatus,
    DigestLine,
    DpoFindings,
    LeadFindings,
    ProjectWarnings,
    RegistrarFindings,
    SignedHead,
)
from recordkeeper.process.report import Renderer
from recordkeeper.services import audit, check, process_status, registration_queue, retention
from recordkeeper.services.context import Context


def _prompt_line(p: registration_queue.PromptView) -> DigestLine:
    late = f"{p.escalation.working_days_late} arbetsdagar sen" if p.escalation.is_overdue else ""
    return DigestLine(
        ref=f"prompt {p.id}",
        text=f"{p.doc_class}: {p.description}",
        project=p.project,
        due_on=p.due_on,
        detail=late,
    )


class StoreDigestSources:
    """Reads the findings of each role from the store (see the module docstring)."""

    def registrar(self, ctx: Context, since: datetime, now: datetime) -> RegistrarFindings:
        prompts = registration_queue.open_prompts(ctx)
        overdue = [p for p in prompts if p.escalation.is_overdue]
        new = [p for p in prompts if not p.escalation.is_overdue and p.arrived_on >= since.date()]
        return RegistrarFindings(
            new_prompts=tuple(_prompt_line(p) for p in new),
            overdue_prompts=tuple(_prompt_line(p) for p in overdue),
            alerts=tuple(
                DigestLine(ref=f"alert {a.id}", text=a.kind, detail=a.dnr or "")
                for a in registration_queue.open_alerts(ctx)
            ),
        )

    def project_lead(self, ctx: Context, since: datetime, now: datetime) -> LeadFindings:
        raised, resolved = process_status.warnings_since(ctx, since)
        if not raised and not resolved:
            return LeadFindings()
        classes = ctx.rules.one("classes")
        renderer = Renderer(
            check.process_rules(ctx.rules),
            {c.id: (c.name_sv, c.name_en) for c in classes.classes},
            ctx.lang,
        )

        def line(w: process_status.StoredWarning) -> DigestLine:
            text = process_status.warning_text(renderer, w)
            return DigestLine(ref=w.rule_id, text=text, project=w.project, detail=w.severity)

        projects = sorted({w.project for w in (*raised, *resolved)})
        return LeadFindings(
            projects=tuple(
                ProjectWarnings(
                    project=p,
                    new=tuple(line(w) for w in raised if w.project == p),
                    resolved=tuple(line(w) for w in resolved if w.project == p),
                )
                for p in projects
            )
        )

    def dpo(self, ctx: Context, since: datetime, now: datetime) -> DpoFindings:
        awaiting = tuple(
            DigestLine(
                ref=p.id,
                text=f"{p.action} · {p.rule_id}",
                project=p.project,
                detail=p.basis,
            )
            for p in retention.open_proposals(ctx, "awaiting")
        )
        yesterday = (now - timedelta(days=1)).date()
        overdue = tuple(
            DigestLine(
                ref=d.document_id,
                text=f"{d.action} · {d.doc_class or 'other'}",
                project=d.project,
                due_on=d.due_on,
                detail=d.rule_id,
            )
            for d in retention.upcoming(ctx, until=yesterday)
        )
        return DpoFindings(
            proposals_awaiting=awaiting, overdue_deletions=overdue, **_audit_findings(ctx, now)
        )


def _audit_findings(ctx: Context, now: datetime) -> dict[str, Any]:
    """The audit log's verification result and latest signed head (empty without a key)."""
    try:
        report = audit.verify_audit(ctx)
    except RecordkeeperError:
        return {}
    head = report.latest
    return {
        "audit": AuditStatus(
            is_verified=report.ok,
            entries=report.entries,
            checked_at=now,
            detail="; ".join(report.lines(ctx.lang)),
        ),
        "head": SignedHead(
            size=head.tree_size,
            root_hash=head.root_hash.hex(),
            signed_at=datetime.fromisoformat(head.timestamp.replace("Z", "+00:00")),
        )
        if head is not None
        else None,
    }
