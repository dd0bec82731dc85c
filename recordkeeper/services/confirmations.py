"""Use case: a person confirms a process step that no document can show (e.g. VIPS).

Stored confirmations count like the project file's `confirmations:` (the
project file wins where both exist); each confirmation is audited with the
user id and re-evaluates the project at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from recordkeeper.errors import UsageError
from recordkeeper.model import AuditEvent
from recordkeeper.process.projectfile import Confirmation
from recordkeeper.services.check import process_rules
from recordkeeper.services.context import Context
from recordkeeper.store.tables_web import StepConfirmationRow


def stored_confirmations(session: Session, project: str) -> dict[str, Confirmation]:
    rows = session.scalars(
        select(StepConfirmationRow).where(StepConfirmationRow.project == project)
    ).all()
    return {r.step_id: Confirmation(by=r.actor, on=r.confirmed_at.date()) for r in rows}


def confirm_step(ctx: Context, project: str, step_id: str, actor: str) -> None:
    """Record that `actor` confirms `step_id` of `project`, then re-evaluate the project."""
    from recordkeeper.services.process_status import reevaluate_project

    steps = {s.id: s for s in process_rules(ctx.rules).steps}
    if step_id not in steps:
        raise UsageError(f"unknown step '{step_id}'")
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        row = tx.session.get(StepConfirmationRow, (project, step_id))
        if row is None:
            tx.session.add(
                StepConfirmationRow(project=project, step_id=step_id, actor=actor, confirmed_at=now)
            )
        tx.record(
            AuditEvent("step_confirmed", now, actor=actor, project_id=project, rule_id=step_id)
        )
    reevaluate_project(ctx, project)
