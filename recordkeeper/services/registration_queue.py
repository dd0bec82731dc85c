"""Read side of registration: the registrar's queue, alerts, one prompt, and
the export of OSL 5:2 records for import into an e-diarium.

`open_prompts` and `open_alerts` are the functions e-mail digests and web
pages use; each view carries its escalation as of the context's clock.
Views hold names (sender/recipient) for the registrar's eyes: never log them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from recordkeeper import i18n
from recordkeeper.errors import NotFound
from recordkeeper.registry import Escalation, Reason, WorkCalendar, escalation
from recordkeeper.services.context import Context
from recordkeeper.services.registration import (
    LINKED,
    OPEN,
    registration_rules,
    unseal,
    work_calendar,
)
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_registry import RegistryAlertRow, RegistryPromptRow


@dataclass(frozen=True, slots=True)
class PromptView:
    """One prompt as the registrar sees it."""

    id: int
    document_id: str
    kind: str
    status: str
    doc_class: str
    project: str | None
    description: str
    arrived_on: date
    date_source: str
    due_on: date
    direction: str
    counterpart: str | None
    counterpart_source: str | None
    proposed_dnr: str | None
    secrecy: bool
    secrecy_cues: tuple[str, ...]
    secrecy_provisions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    escalation: Escalation
    path: str | None
    document_state: str | None
    copies: int
    dnr: str | None
    answered_by: str | None
    answered_at: datetime | None
    dismiss_code: str | None
    previous_prompt_id: int | None


@dataclass(frozen=True, slots=True)
class AlertView:
    id: int
    kind: str
    document_id: str
    prompt_id: int | None
    dnr: str | None
    sha256: str
    created_at: datetime
    path: str | None
    document_state: str | None


def _today(ctx: Context) -> date:
    return ctx.clock.now().astimezone(ZoneInfo(registration_rules(ctx).timezone)).date()


@dataclass(frozen=True, slots=True)
class _Clock:
    """What every view of one listing shares: computed once, not per prompt."""

    today: date
    calendar: WorkCalendar
    levels: list[tuple[str, int]]


def _clock(ctx: Context) -> _Clock:
    rules = registration_rules(ctx)
    return _Clock(
        _today(ctx),
        work_calendar(rules),
        [(level.id, level.after_working_days) for level in rules.escalation],
    )


def _view(
    ctx: Context,
    session: Session,
    clock: _Clock,
    row: RegistryPromptRow,
    doc: DocumentRow | None,
    copies: int,
) -> PromptView:
    state = (
        escalation(row.due_on, clock.today, clock.calendar, clock.levels)
        if row.status == OPEN
        else Escalation(row.due_on, False, 0, None)
    )
    return PromptView(
        id=row.id,
        document_id=row.document_id,
        kind=row.kind,
        status=row.status,
        doc_class=row.doc_class,
        project=row.project,
        description=row.description,
        arrived_on=row.arrived_on,
        date_source=row.date_source,
        due_on=row.due_on,
        direction=row.direction,
        counterpart=unseal(ctx, session, row.counterpart_ref),
        counterpart_source=row.counterpart_source,
        proposed_dnr=row.proposed_dnr,
        secrecy=row.secrecy,
        secrecy_cues=tuple(json.loads(row.secrecy_cues)),
        secrecy_provisions=tuple(json.loads(row.secrecy_provisions)),
        reasons=tuple(Reason(r["code"], r.get("values", {})) for r in json.loads(row.reasons)),
        escalation=state,
        path=doc.path if doc is not None else None,
        document_state=doc.state if doc is not None else None,
        copies=copies,
        dnr=row.dnr,
        answered_by=row.answered_by,
        answered_at=row.answered_at,
        dismiss_code=row.dismiss_code,
        previous_prompt_id=row.previous_prompt_id,
    )


def _copies(session: Session, ids: Iterable[int]) -> dict[int, int]:
    wanted, found = list(ids), {}
    for start in range(0, len(wanted), 900):  # under SQLite's bound-parameter limit
        stmt = (
            select(RegistryPromptRow.linked_to, func.count())
            .where(RegistryPromptRow.linked_to.in_(wanted[start : start + 900]))
            .group_by(RegistryPromptRow.linked_to)
        )
        found.update({int(k): int(n) for k, n in session.execute(stmt) if k is not None})
    return found


def _documents(session: Session, ids: list[str]) -> dict[str, DocumentRow]:
    found: dict[str, DocumentRow] = {}
    for start in range(0, len(ids), 900):  # under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        found.update(
            (d.id, d) for d in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(chunk)))
        )
    return found


def _views(
    ctx: Context, statuses: tuple[str, ...], limit: int | None = None, offset: int = 0
) -> list[PromptView]:
    with ctx.store.read() as session:
        stmt = select(RegistryPromptRow).where(RegistryPromptRow.status.in_(statuses))
        stmt = stmt.order_by(RegistryPromptRow.due_on, RegistryPromptRow.id)
        stmt = stmt.limit(limit).offset(offset)
        rows = list(session.scalars(stmt))
        copies = _copies(session, [r.id for r in rows])
        docs = _documents(session, [r.document_id for r in rows])
        clock = _clock(ctx)
        return [
            _view(ctx, session, clock, row, docs.get(row.document_id), copies.get(row.id, 0))
            for row in rows
        ]


def queue_counts(ctx: Context) -> tuple[int, int]:
    """(open prompts, of which overdue), counted in the database."""
    today = _today(ctx)
    with ctx.store.read() as session:
        base = select(func.count()).select_from(RegistryPromptRow)
        base = base.where(RegistryPromptRow.status == OPEN)
        total = session.execute(base).scalar_one()
        overdue = session.execute(base.where(RegistryPromptRow.due_on < today)).scalar_one()
    return int(total), int(overdue)


def open_prompts(
    ctx: Context, overdue_only: bool = False, limit: int | None = None, offset: int = 0
) -> list[PromptView]:
    """The registrar's queue: open prompts sorted by due date (then id); one page of it
    when `limit`/`offset` are given."""
    views = _views(ctx, (OPEN,), *((None, 0) if overdue_only else (limit, offset)))
    return [v for v in views if v.escalation.is_overdue] if overdue_only else views


def prompts(ctx: Context, statuses: tuple[str, ...]) -> list[PromptView]:
    """Prompts in any of `statuses` (open, registered, dismissed, reclassified)."""
    return _views(ctx, statuses)


def get_prompt(ctx: Context, prompt_id: int) -> PromptView:
    """One prompt by id; a linked copy's id names its primary prompt."""
    with ctx.store.read() as session:
        row = session.get(RegistryPromptRow, prompt_id)
        if row is not None and row.status == LINKED and row.linked_to is not None:
            row = session.get(RegistryPromptRow, row.linked_to)
        if row is None:
            raise NotFound(
                i18n.t("registry.not_found", ctx.lang, id=prompt_id), code="registry.not_found"
            )
        doc = session.get(DocumentRow, row.document_id)
        copies = _copies(session, [row.id]).get(row.id, 0)
        return _view(ctx, session, _clock(ctx), row, doc, copies)


def open_alerts(ctx: Context) -> list[AlertView]:
    """Unacknowledged alerts on registered (or waiting) documents, oldest first."""
    with ctx.store.read() as session:
        stmt = select(RegistryAlertRow).where(RegistryAlertRow.status == OPEN)
        out: list[AlertView] = []
        for alert in session.scalars(stmt.order_by(RegistryAlertRow.id)):
            prompt = session.get(RegistryPromptRow, alert.prompt_id) if alert.prompt_id else None
            doc = session.get(DocumentRow, alert.document_id)
            out.append(
                AlertView(
                    id=alert.id,
                    kind=alert.kind,
                    document_id=alert.document_id,
                    prompt_id=alert.prompt_id,
                    dnr=prompt.dnr if prompt is not None else None,
                    sha256=alert.sha256,
                    created_at=alert.created_at,
                    path=doc.path if doc is not None else None,
                    document_state=doc.state if doc is not None else None,
                )
            )
        return out


EXPORT_COLUMNS = (
    "prompt_id",
    "document_id",
    "status",
    "record_date",
    "direction",
    "dnr",
    "counterpart",
    "description",
    "secrecy",
    "secrecy_provisions",
    "doc_class",
    "project",
    "due_on",
)


def export_row(view: PromptView) -> dict[str, Any]:
    """One OSL 5:2 record: date, number, sender/recipient, description, secrecy marker."""
    return {
        "prompt_id": view.id,
        "document_id": view.document_id,
        "status": view.status,
        "record_date": view.arrived_on.isoformat(),
        "direction": view.direction,
        "dnr": view.dnr or view.proposed_dnr or "",
        "counterpart": view.counterpart or "",
        "description": view.description,
        "secrecy": view.secrecy,
        "secrecy_provisions": "; ".join(view.secrecy_provisions),
        "doc_class": view.doc_class,
        "project": view.project or "",
        "due_on": view.due_on.isoformat(),
    }
