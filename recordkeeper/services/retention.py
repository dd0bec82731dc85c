"""Use cases of retention: deadlines, proposals, approval, holds, execution.

The only path to destroying a file runs through here: a proposal made from
due deadlines, approved by enough authorised people, re-checked against the
content hash the approvers saw, moved to a quarantine folder on the same
filesystem, kept there for the grace period, then deleted with a tombstone.
Every step is one transaction with its audit event. `dry_run` reports what
would happen and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import delete, select

import recordkeeper.retention.messages  # noqa: F401  (registers the texts)
from recordkeeper.audit.log import new_id
from recordkeeper.errors import DecisionRequired, NotFound, UsageError
from recordkeeper.i18n import t
from recordkeeper.model import AuditEvent
from recordkeeper.retention import (
    Approval,
    ApprovalStatus,
    Deadline,
    RetentionFacts,
    approval_status,
    check_before_execution,
    compute_deadlines,
    due_deadlines,
    group_due,
)
from recordkeeper.ruleset.retention import RetentionRules
from recordkeeper.services.context import Context

if TYPE_CHECKING:  # pipeline imports this module for STAGES; avoid the cycle at run time
    from recordkeeper.services.pipeline import DocumentChange
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_retention import (
    ApprovalRow,
    HoldRow,
    ProjectEventRow,
    ProposalItemRow,
    ProposalRow,
    RetentionDeadlineRow,
    SubjectTokenRow,
    TombstoneRow,
)
from recordkeeper.store.unit import Tx

log = structlog.get_logger(__name__)

OPEN_PROPOSAL_STATES = ("awaiting", "approved", "quarantined")


def retention_rules(ctx: Context) -> RetentionRules:
    rules: RetentionRules = ctx.rules.one("retention")
    return rules


# --- project events ------------------------------------------------------------


def refresh_deadlines(ctx: Context, document_ids: Sequence[str] | None = None) -> int:
    """Recompute the deadlines of the given (or all present) documents from stored facts."""
    from recordkeeper.services.retention_facts import collect_facts

    with ctx.store.read() as session:
        facts = collect_facts(session, document_ids)
    return store_deadlines(ctx, facts)


def retention_stage(ctx: Context, changes: Sequence[DocumentChange]) -> None:
    """Pipeline stage: new versions and returns get their deadline; gone ones lose it."""
    changed = [c.document_id for c in changes if c.change != "gone"]
    if changed:
        refresh_deadlines(ctx, changed)
    gone = [c.document_id for c in changes if c.change == "gone"]
    if gone:
        with ctx.store.transaction() as tx:
            tx.session.execute(
                delete(RetentionDeadlineRow).where(RetentionDeadlineRow.document_id.in_(gone))
            )


def retention_job(ctx: Context) -> None:
    """Periodic: refresh every deadline, propose what is due, carry out approved decisions."""
    refresh_deadlines(ctx)
    make_proposals(ctx, ctx.clock.now().date())
    report = execute(ctx)
    log.info(
        "retention_job_done",
        quarantined=len(report.quarantined),
        deleted=len(report.deleted),
        stopped=len(report.changed) + len(report.missing),
    )


def close_project(ctx: Context, project: str, on: date, actor: str) -> None:
    """Record that `project` was closed on `on` (the trigger of most rules)."""
    with ctx.store.transaction() as tx:
        tx.session.add(
            ProjectEventRow(
                project=project, event="closed", on=on, actor=actor, recorded_at=ctx.clock.now()
            )
        )
        tx.record(
            AuditEvent(
                "project_closed",
                ctx.clock.now(),
                actor=actor,
                project_id=project,
                data={"on": on.isoformat()},
            )
        )
    refresh_deadlines(ctx)


def project_closed_on(tx_or_session: Tx, project: str | None) -> date | None:
    if project is None:
        return None
    rows = tx_or_session.session.execute(
        select(ProjectEventRow)
        .where(ProjectEventRow.project == project)
        .order_by(ProjectEventRow.id)
    ).scalars()
    closed: date | None = None
    for row in rows:
        closed = row.on if row.event == "closed" else None
    return closed


# --- deadlines -----------------------------------------------------------------


def store_deadlines(ctx: Context, facts: Iterable[RetentionFacts]) -> int:
    """Compute and store the deadline of each document; returns how many changed."""
    facts = list(facts)
    deadlines = compute_deadlines(retention_rules(ctx), facts)
    now = ctx.clock.now()
    changed = 0
    with ctx.store.transaction() as tx:
        existing = {
            r.document_id: r
            for chunk in _chunks([f.document_id for f in facts])
            for r in tx.session.execute(
                select(RetentionDeadlineRow).where(RetentionDeadlineRow.document_id.in_(chunk))
            ).scalars()
        }
        for fact, deadline in zip(facts, deadlines, strict=True):
            row = existing.get(fact.document_id)
            key = (deadline.rule_id, deadline.action, deadline.due_on)
            if row is not None and (row.rule_id, row.action, row.due_on) == key:
                continue
            if row is None:
                row = RetentionDeadlineRow(document_id=fact.document_id)
                tx.session.add(row)
            row.project, row.rule_id, row.action = fact.project, deadline.rule_id, deadline.action
            row.basis, row.due_on, row.computed_at = deadline.basis, deadline.due_on, now
            row.personal_data, row.doc_class = fact.personal_data, fact.doc_class
            changed += 1
            tx.record(
                AuditEvent(
                    "retention_deadline_set",
                    now,
                    document_id=fact.document_id,
                    project_id=fact.project,
                    rule_id=deadline.rule_id,
                    data={
                        "action": deadline.action,
                        "due_on": deadline.due_on.isoformat() if deadline.due_on else None,
                    },
                )
            )
    return changed


def _chunks(ids: Sequence[str], size: int = 900) -> Iterable[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _as_deadline(row: RetentionDeadlineRow) -> Deadline:
    return Deadline(row.document_id, row.project, row.rule_id, row.action, row.basis, row.due_on)


def active_holds(tx: Tx) -> tuple[frozenset[str], frozenset[str]]:
    """(held document ids, held projects) for holds not lifted."""
    rows = tx.session.execute(select(HoldRow).where(HoldRow.lifted_at.is_(None))).scalars()
    docs: set[str] = set()
    projects: set[str] = set()
    for row in rows:
        if row.document_id:
            docs.add(row.document_id)
        if row.project:
            projects.add(row.project)
    return frozenset(docs), frozenset(projects)


def upcoming(ctx: Context, until: date | None = None) -> list[RetentionDeadlineRow]:
    """Deadlines with a date (weed or delete), soonest first; optionally up to `until`."""
    with ctx.store.read() as session:
        query = select(RetentionDeadlineRow).where(RetentionDeadlineRow.due_on.is_not(None))
        if until is not None:
            query = query.where(RetentionDeadlineRow.due_on <= until)
        query = query.order_by(RetentionDeadlineRow.due_on, RetentionDeadlineRow.document_id)
        return list(session.execute(query).scalars())


# --- proposals -----------------------------------------------------------------


@dataclass
class ProposalSummary:
    id: str
    project: str | None
    rule_id: str
    action: str
    documents: list[str] = field(default_factory=list)


def make_proposals(ctx: Context, today: date, *, dry_run: bool = False) -> list[ProposalSummary]:
    """Turn due deadlines into proposals, one per (project, rule, action).

    A document already in an open proposal, or under a hold, is not proposed again.
    """
    now = ctx.clock.now()
    made: list[ProposalSummary] = []
    with ctx.store.transaction(dry_run=dry_run) as tx:
        held_docs, held_projects = active_holds(tx)
        rows = list(
            tx.session.execute(
                select(RetentionDeadlineRow).where(
                    RetentionDeadlineRow.due_on.is_not(None), RetentionDeadlineRow.due_on <= today
                )
            ).scalars()
        )
        classes = {r.document_id: r.doc_class for r in rows}
        already = set(
            tx.session.execute(
                select(ProposalItemRow.document_id)
                .join(ProposalRow, ProposalRow.id == ProposalItemRow.proposal_id)
                .where(ProposalRow.state.in_(OPEN_PROPOSAL_STATES))
            ).scalars()
        )
        due = [
            d
            for d in due_deadlines([_as_deadline(r) for r in rows], today, held_docs, held_projects)
            if d.document_id not in already
        ]
        documents = {
            row.id: row
            for row in tx.session.execute(
                select(DocumentRow).where(DocumentRow.id.in_([d.document_id for d in due]))
            ).scalars()
        }
        for (project, rule_id, action), items in group_due(due).items():
            present = [
                d
                for d in items
                if d.document_id in documents and documents[d.document_id].state == "present"
            ]
            if not present:
                continue
            summary = ProposalSummary(
                new_id(), project, rule_id, action, [d.document_id for d in present]
            )
            made.append(summary)
            if dry_run:
                continue
            tx.session.add(
                ProposalRow(
                    id=summary.id,
                    project=project,
                    rule_id=rule_id,
                    action=action,
                    basis=present[0].basis,
                    state="awaiting",
                    created_at=now,
                )
            )
            tx.session.flush()
            for d in present:
                doc = documents[d.document_id]
                tx.session.add(
                    ProposalItemRow(
                        proposal_id=summary.id,
                        document_id=d.document_id,
                        sha256=doc.current_sha256 or "",
                        doc_class=classes.get(d.document_id),
                        state="proposed",
                        original_root=doc.root,
                        original_path=doc.path,
                    )
                )
            tx.record(
                AuditEvent(
                    "retention_proposed",
                    now,
                    project_id=project,
                    rule_id=rule_id,
                    data={"proposal": summary.id, "action": action, "documents": len(present)},
                )
            )
    return made


def open_proposals(ctx: Context, state: str | None = None) -> list[ProposalRow]:
    """Proposals not finished, newest first; optionally only those in `state`."""
    with ctx.store.read() as session:
        query = select(ProposalRow).where(ProposalRow.state.in_(OPEN_PROPOSAL_STATES))
        if state is not None:
            query = select(ProposalRow).where(ProposalRow.state == state)
        return list(session.execute(query.order_by(ProposalRow.created_at.desc())).scalars())


def decide(
    ctx: Context, proposal_id: str, user: str, role: str, *, approve: bool = True
) -> ApprovalStatus:
    """Record an approval (or rejection) by `user` acting as `role`; returns the new status."""
    policy = retention_rules(ctx).approval
    if role not in policy.roles:
        raise DecisionRequired(
            t(
                "retention.error.role_not_allowed",
                ctx.lang,
                role=role,
                roles=", ".join(policy.roles),
            )
        )
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        proposal = tx.session.get(ProposalRow, proposal_id)
        if proposal is None:
            raise NotFound(t("retention.error.no_proposal", ctx.lang, id=proposal_id))
        if proposal.state != "awaiting":
            raise UsageError(
                t("retention.error.not_awaiting", ctx.lang, id=proposal_id, state=proposal.state)
            )
        tx.session.add(
            ApprovalRow(proposal_id=proposal_id, user=user, role=role, approve=approve, at=now)
        )
        tx.session.flush()
        votes = [
            Approval(a.user, a.role, a.approve)
            for a in tx.session.execute(
                select(ApprovalRow).where(ApprovalRow.proposal_id == proposal_id)
            ).scalars()
        ]
        status = approval_status(votes, policy)
        if status is not ApprovalStatus.AWAITING:
            proposal.state = status.value
            proposal.decided_at = now
        tx.record(
            AuditEvent(
                "retention_approved" if approve else "retention_rejected",
                now,
                actor=user,
                project_id=proposal.project,
                rule_id=proposal.rule_id,
                data={"proposal": proposal_id, "role": role, "status": status.value},
            )
        )
    return status


# --- holds ---------------------------------------------------------------------


def add_hold(
    ctx: Context,
    *,
    reason: str,
    actor: str,
    document_id: str | None = None,
    project: str | None = None,
) -> str:
    if (document_id is None) == (project is None):
        raise UsageError(t("retention.error.hold_target", ctx.lang))
    hold_id = new_id()
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        tx.session.add(
            HoldRow(
                id=hold_id,
                document_id=document_id,
                project=project,
                reason=reason,
                created_by=actor,
                created_at=now,
            )
        )
        tx.record(
            AuditEvent(
                "hold_added",
                now,
                actor=actor,
                document_id=document_id,
                project_id=project,
                data={"hold": hold_id},
            )
        )
    return hold_id


def list_holds(ctx: Context) -> list[HoldRow]:
    with ctx.store.read() as session:
        return list(
            session.execute(
                select(HoldRow).where(HoldRow.lifted_at.is_(None)).order_by(HoldRow.created_at)
            ).scalars()
        )


def lift_hold(ctx: Context, hold_id: str, actor: str) -> None:
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        hold = tx.session.get(HoldRow, hold_id)
        if hold is None or hold.lifted_at is not None:
            raise NotFound(t("retention.error.no_hold", ctx.lang, id=hold_id))
        hold.lifted_by, hold.lifted_at = actor, now
        tx.record(
            AuditEvent(
                "hold_lifted",
                now,
                actor=actor,
                document_id=hold.document_id,
                project_id=hold.project,
                data={"hold": hold_id},
            )
        )


# --- execution -----------------------------------------------------------------


@dataclass
class ExecutionReport:
    quarantined: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)


def _root_dir(ctx: Context, root: str) -> Path:
    for configured in ctx.settings.roots:
        if root in (configured.name, str(configured.path), str(configured.path.resolve())):
            return configured.path
    return Path(root)


def _file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _quarantine_dir(ctx: Context, root: Path) -> Path:
    return root / ctx.settings.retention.quarantine_dir_name


def execute(ctx: Context, *, dry_run: bool = False) -> ExecutionReport:
    """Quarantine approved proposals; delete quarantined files whose grace period is over."""
    report = ExecutionReport()
    with ctx.store.read() as session:
        approved = list(
            session.execute(select(ProposalRow.id).where(ProposalRow.state == "approved")).scalars()
        )
        ripe = list(
            session.execute(
                select(ProposalRow.id).where(
                    ProposalRow.state == "quarantined", ProposalRow.purge_after <= ctx.clock.now()
                )
            ).scalars()
        )
    for proposal_id in approved:
        if _action_of(ctx, proposal_id) == "delete_personal_data":
            _delete_personal_data(ctx, proposal_id, report, dry_run=dry_run)
        else:
            _quarantine(ctx, proposal_id, report, dry_run=dry_run)
    for proposal_id in ripe:
        _purge(ctx, proposal_id, report, dry_run=dry_run)
    return report


def _items(tx: Tx, proposal_id: str, state: str | None = None) -> list[ProposalItemRow]:
    query = select(ProposalItemRow).where(ProposalItemRow.proposal_id == proposal_id)
    if state is not None:
        query = query.where(ProposalItemRow.state == state)
    return list(tx.session.execute(query).scalars())


def _item_event(
    event: str, now: datetime, proposal: ProposalRow, item: ProposalItemRow, **extra: str
) -> AuditEvent:
    """The audit event for one document of a proposal being acted on."""
    return AuditEvent(
        event,
        now,
        document_id=item.document_id,
        project_id=proposal.project,
        rule_id=proposal.rule_id,
        sha256=item.sha256,
        data={"proposal": proposal.id, **extra},
    )


def _action_of(ctx: Context, proposal_id: str) -> str | None:
    with ctx.store.read() as session:
        proposal = session.get(ProposalRow, proposal_id)
        return proposal.action if proposal is not None else None


def _delete_personal_data(
    ctx: Context, proposal_id: str, report: ExecutionReport, *, dry_run: bool
) -> None:
    """Delete what recordkeeper itself keeps about the people in these documents.

    The files are never touched: personal data in an official document goes
    only when the document is weeded (archive law). What goes here is the
    service's own copy: the keyed-hash subject index of the content.
    """
    now = ctx.clock.now()
    with ctx.store.transaction(dry_run=dry_run) as tx:
        proposal = tx.session.get(ProposalRow, proposal_id)
        if proposal is None or proposal.state != "approved":
            raise DecisionRequired(f"proposal '{proposal_id}' is not approved")
        held_docs, held_projects = active_holds(tx)
        items = _items(tx, proposal_id)
        report.proposals.append(proposal_id)
        for item in items:
            if item.document_id in held_docs or proposal.project in held_projects:
                report.held.append(item.document_id)
                continue
            tx.session.execute(delete(SubjectTokenRow).where(SubjectTokenRow.sha256 == item.sha256))
            item.state = "pd_deleted"
            report.deleted.append(item.document_id)
            tx.record(_item_event("personal_data_deleted", now, proposal, item))
        proposal.state, proposal.finished_at = "done", now


def _quarantine(ctx: Context, proposal_id: str, report: ExecutionReport, *, dry_run: bool) -> None:
    now = ctx.clock.now()
    with ctx.store.transaction(dry_run=dry_run) as tx:
        proposal = tx.session.get(ProposalRow, proposal_id)
        if proposal is None or proposal.state != "approved":
            raise DecisionRequired(f"proposal '{proposal_id}' is not approved")
        items = _items(tx, proposal_id)
        held_docs, held_projects = active_holds(tx)
        if proposal.project in held_projects:
            report.held.extend(i.document_id for i in items)
            return
        paths = {
            i.document_id: _root_dir(ctx, i.original_root or "") / (i.original_path or "")
            for i in items
        }
        check = check_before_execution(
            {i.document_id: i.sha256 for i in items},
            {doc: _file_sha256(path) for doc, path in paths.items()},
            held=held_docs,
        )
        report.changed.extend(check.changed)
        report.missing.extend(check.missing)
        report.held.extend(check.held)
        report.proposals.append(proposal_id)
        if dry_run:
            report.quarantined.extend(check.runnable)
            return
        if check.changed or check.missing:
            # a person must look again: never destroy what the approvers did not see
            proposal.state, proposal.stop_reason = "stopped", "content_changed_or_missing"
        by_id = {i.document_id: i for i in items}
        for doc_id in check.changed:
            by_id[doc_id].state = "changed"
        for doc_id in check.missing:
            by_id[doc_id].state = "missing"
        if proposal.state == "stopped":
            tx.record(
                AuditEvent(
                    "retention_stopped",
                    now,
                    project_id=proposal.project,
                    rule_id=proposal.rule_id,
                    data={
                        "proposal": proposal_id,
                        "changed": len(check.changed),
                        "missing": len(check.missing),
                    },
                )
            )
            return
        moved: list[tuple[Path, Path]] = []
        try:
            for doc_id in check.runnable:
                moved.append(_quarantine_item(ctx, tx, proposal, by_id[doc_id], paths[doc_id], now))
                report.quarantined.append(doc_id)
        except BaseException:
            # the transaction rolls back; put back what already moved so disk matches it
            for original, target in reversed(moved):
                target.rename(original)
            raise
        proposal.state = "quarantined"
        proposal.quarantined_at = now
        proposal.purge_after = now + timedelta(days=ctx.settings.retention.grace_days)


def _quarantine_item(
    ctx: Context, tx: Tx, proposal: ProposalRow, item: ProposalItemRow, path: Path, now: datetime
) -> tuple[Path, Path]:
    """Record the move of one file into quarantine, then move it; returns (from, to)."""
    target_dir = _quarantine_dir(ctx, _root_dir(ctx, item.original_root or ""))
    target_dir.mkdir(mode=0o700, exist_ok=True)
    item.quarantine_name = f"{proposal.id}-{item.document_id}"
    item.state = "quarantined"
    document = tx.session.get(DocumentRow, item.document_id)
    if document is not None:
        document.state = "quarantined"
    tx.record(_item_event("retention_quarantined", now, proposal, item))
    tx.session.flush()
    target = target_dir / item.quarantine_name
    path.rename(target)  # last: if it fails, the transaction rolls back and nothing moved
    return path, target


def _purge(ctx: Context, proposal_id: str, report: ExecutionReport, *, dry_run: bool) -> None:
    now = ctx.clock.now()
    # files go only after their tombstones are committed: a failed commit must not
    # leave a destroyed file without the record of the decision behind it
    to_unlink: list[tuple[str, Path]] = []
    with ctx.store.transaction(dry_run=dry_run) as tx:
        proposal = tx.session.get(ProposalRow, proposal_id)
        if proposal is None or proposal.state != "quarantined":
            return
        held_docs, held_projects = active_holds(tx)
        items = _items(tx, proposal_id, state="quarantined")
        approvers = sorted(
            {
                a.user
                for a in tx.session.execute(
                    select(ApprovalRow).where(
                        ApprovalRow.proposal_id == proposal_id, ApprovalRow.approve.is_(True)
                    )
                ).scalars()
            }
        )
        report.proposals.append(proposal_id)
        for item in items:
            if item.document_id in held_docs or proposal.project in held_projects:
                report.held.append(item.document_id)
                continue
            path = _quarantine_dir(ctx, _root_dir(ctx, item.original_root or "")) / (
                item.quarantine_name or ""
            )
            if _file_sha256(path) != item.sha256:
                item.state = "changed"
                report.changed.append(item.document_id)
                continue
            report.deleted.append(item.document_id)
            if dry_run:
                continue
            _tombstone(tx, proposal, item, approvers, now)
            to_unlink.append((item.document_id, path))
        if dry_run:
            return
        if all(i.state == "deleted" for i in items):
            proposal.state, proposal.finished_at = "done", now
    for document_id, path in to_unlink:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:  # the tombstone stands; the file waits in quarantine
            log.error("quarantine_delete_failed", doc_id=document_id, error=type(exc).__name__)


def _tombstone(
    tx: Tx, proposal: ProposalRow, item: ProposalItemRow, approvers: Sequence[str], now: datetime
) -> None:
    item.state = "deleted"
    document = tx.session.get(DocumentRow, item.document_id)
    if document is not None:
        document.state = "destroyed"
        document.gone_at = now
    tx.session.add(
        TombstoneRow(
            document_id=item.document_id,
            sha256=item.sha256,
            doc_class=item.doc_class,
            project=proposal.project,
            rule_id=proposal.rule_id,
            basis=proposal.basis,
            action=proposal.action,
            proposal_id=proposal.id,
            approvers=json.dumps(list(approvers)),
            approved_at=proposal.decided_at,
            quarantined_at=proposal.quarantined_at,
            deleted_at=now,
        )
    )
    tx.session.execute(
        delete(RetentionDeadlineRow).where(RetentionDeadlineRow.document_id == item.document_id)
    )
    still_held = tx.session.execute(
        select(DocumentRow.id).where(
            DocumentRow.current_sha256 == item.sha256, DocumentRow.state == "present"
        )
    ).first()
    if still_held is None:  # nobody holds this content any more: drop its subject index
        tx.session.execute(delete(SubjectTokenRow).where(SubjectTokenRow.sha256 == item.sha256))
    tx.record(_item_event("retention_deleted", now, proposal, item, approvers=",".join(approvers)))
