"""PURE: the data-protection officer's report, built from values and rendered as JSON, CSV or HTML.

The report holds document ids, classes, projects, rule ids and dates, never
names or content: it can be mailed and printed without exposing anyone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

import recordkeeper.retention.messages  # noqa: F401  (registers the texts)
from recordkeeper.i18n import t
from recordkeeper.ruleset.processing import ProcessingRules

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True, slots=True)
class DeadlineLine:
    document_id: str
    project: str | None
    doc_class: str | None
    rule_id: str
    action: str
    basis: str
    due_on: date | None
    personal_data: bool
    overdue: bool


@dataclass(frozen=True, slots=True)
class ProposalLine:
    id: str
    project: str | None
    rule_id: str
    action: str
    basis: str
    state: str
    documents: int
    created_at: datetime
    approvals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DeletionLine:
    document_id: str
    project: str | None
    doc_class: str | None
    rule_id: str
    basis: str
    proposal_id: str
    approvers: tuple[str, ...]
    approved_at: datetime | None
    deleted_at: datetime


@dataclass(frozen=True, slots=True)
class HoldLine:
    id: str
    document_id: str | None
    project: str | None
    reason: str
    created_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PersonalDataGroup:
    """Documents with personal data of one project and class. `next_due_on` None and
    `waits_for` set: a rule's deadline starts when that happens (its trigger, e.g.
    `project_closed`), not that they are kept (`is_partly_kept`: some others are);
    both None: kept for ever."""

    project: str | None
    doc_class: str | None
    documents: int
    rules: tuple[str, ...]
    next_due_on: date | None
    waits_for: str | None = None
    is_partly_kept: bool = False


@dataclass(frozen=True)
class DpoReport:
    today: date
    generated_at: datetime
    personal_data: tuple[PersonalDataGroup, ...]
    deadlines: tuple[DeadlineLine, ...]
    overdue: tuple[DeadlineLine, ...]
    awaiting: tuple[ProposalLine, ...]
    deletions: tuple[DeletionLine, ...]
    holds: tuple[HoldLine, ...]
    processing: ProcessingRules | None = None
    audit_status: dict[str, Any] = field(default_factory=dict)


def build_report(
    *,
    today: date,
    generated_at: datetime,
    deadlines: Sequence[DeadlineLine],
    proposals: Sequence[ProposalLine],
    deletions: Sequence[DeletionLine],
    holds: Sequence[HoldLine],
    processing: ProcessingRules | None = None,
    audit_status: dict[str, Any] | None = None,
    triggers: Mapping[str, str] | None = None,
) -> DpoReport:
    """Group and select what the DPO needs from the stored lines.

    `triggers`: each retention rule's trigger by rule id, so a group whose deadline
    waits for it (a rule that weeds once the project is closed) says so instead of
    "kept" (bevaras)."""
    with_pd = [d for d in deadlines if d.personal_data]
    groups: dict[tuple[str | None, str | None], list[DeadlineLine]] = {}
    for line in with_pd:
        groups.setdefault((line.project, line.doc_class), []).append(line)
    personal = tuple(
        PersonalDataGroup(
            project=project,
            doc_class=doc_class,
            documents=len(lines),
            rules=tuple(sorted({x.rule_id for x in lines})),
            next_due_on=min((x.due_on for x in lines if x.due_on), default=None),
            waits_for=_waits_for(lines, triggers or {}),
            is_partly_kept=any(x.action == "keep" for x in lines),
        )
        for (project, doc_class), lines in sorted(
            groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")
        )
    )
    return DpoReport(
        today=today,
        generated_at=generated_at,
        personal_data=personal,
        deadlines=tuple(sorted(with_pd, key=lambda d: (d.due_on or date.max, d.document_id))),
        overdue=tuple(d for d in deadlines if d.overdue),
        awaiting=tuple(p for p in proposals if p.state == "awaiting"),
        deletions=tuple(sorted(deletions, key=lambda d: d.deleted_at, reverse=True)),
        holds=tuple(holds),
        processing=processing,
        audit_status=dict(audit_status or {}),
    )


def _waits_for(lines: Sequence[DeadlineLine], triggers: Mapping[str, str]) -> str | None:
    """The trigger a group's undated weeding or deletion waits for (the first by name)."""
    waiting = {
        triggers[x.rule_id]
        for x in lines
        if x.due_on is None and x.action != "keep" and x.rule_id in triggers
    }
    return min(waiting) if waiting else None


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def render_json(report: DpoReport) -> str:
    body = asdict(report)
    body["processing"] = report.processing.model_dump(mode="json") if report.processing else None
    return json.dumps(_plain(body), ensure_ascii=False, indent=2)


def render_csv(report: DpoReport, lang: str = "sv") -> str:
    """One row per document with personal data (the register the DPO filters in a sheet)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            t(f"retention.col.{k}", lang)
            for k in ("document", "project", "class", "rule", "action", "due", "basis")
        ]
        + [t("retention.col.overdue", lang)]
    )
    for d in report.deadlines:
        writer.writerow(
            [
                d.document_id,
                d.project or "",
                d.doc_class or "",
                d.rule_id,
                t(f"retention.action.{d.action}", lang),
                d.due_on.isoformat() if d.due_on else "",
                d.basis,
                "x" if d.overdue else "",
            ]
        )
    return out.getvalue()


def render_html(report: DpoReport, lang: str = "sv") -> str:
    env = Environment(
        loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"])
    )
    template = env.get_template("dpo_report.html.j2")
    return template.render(r=report, lang=lang, t=lambda key, **kw: t(key, lang, **kw))
