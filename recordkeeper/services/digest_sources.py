"""What the digests say, read from the store: the production `DigestSources`.

Each role's part reads the tables of the feature that owns the facts, through
that feature's service read functions, and returns plain values for
`notify.render`. Parts whose feature has not landed yet return nothing, so a
digest lists what the service knows today and grows as features are wired:
- DPO: retention proposals awaiting approval and deadlines past due (retention).
- registrar, project lead, audit status and signed head: wired as the registry,
  process and audit read functions land (issue 9).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from recordkeeper.notify.render import DigestLine, DpoFindings, LeadFindings, RegistrarFindings
from recordkeeper.services import retention
from recordkeeper.services.context import Context


class StoreDigestSources:
    """Reads the findings of each role from the store (see the module docstring)."""

    def registrar(self, ctx: Context, since: datetime, now: datetime) -> RegistrarFindings:
        return RegistrarFindings()

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
