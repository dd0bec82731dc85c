"""What the digests say, read from the store: the production `DigestSources`.

Each role's part reads the tables of the feature that owns the facts, through
that feature's service read functions, and returns plain values for
`notify.render`. Parts whose feature has not landed yet return nothing, so a
digest lists what the service knows today and grows as features are wired:
- registrar: open prompts new since the last digest, overdue prompts, open
  alerts (registry's `registration_queue`).
- DPO: retention proposals awaiting approval and deadlines past due (retention).
- project lead, audit status and signed head: wired as the process and audit
  read functions land (issue 9).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from recordkeeper.notify.render import DigestLine, DpoFindings, LeadFindings, RegistrarFindings
from recordkeeper.services import registration_queue, retention
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
        return LeadFindings()

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
        return DpoFindings(proposals_awaiting=awaiting, overdue_deletions=overdue)
