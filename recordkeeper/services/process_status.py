"""Use cases of the process check in the daemon: re-evaluate projects, keep their warnings.

- `process_stage` (services/pipeline.py STAGES, after classification): every
  project folder with a changed document is re-evaluated from the stored
  classifications and the extraction cache (no file is read again, except the
  project file when its text was not extracted);
- `reevaluate_project` stores the step statuses and opens or resolves
  warnings, each change with its audit event (project id, step id, rule id,
  code; never a name), in one transaction;
- `project_status` / `open_warnings` are the read side for the project lead's
  e-mail and web pages.
Names are never stored: a warning about people keeps its rule id and how many
people it concerns; `project_status(..., live=True)` recomputes the names in
memory from the documents when someone looks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from recordkeeper import i18n
from recordkeeper.classify import classify_document, compiled
from recordkeeper.errors import ProjectFileError, UsageError
from recordkeeper.ingest.extract import codec
from recordkeeper.logs import log_ref
from recordkeeper.model import AuditEvent, Classification, DocumentFacts
from recordkeeper.process import (
    PROJECT_FILE_NAMES,
    ClassifiedDocument,
    Evaluation,
    Finding,
    check_documents,
    parse_project_file,
)
from recordkeeper.process.projectfile import EMPTY, ProjectFile
from recordkeeper.process.report import Renderer
from recordkeeper.ruleset.process import ProcessRules
from recordkeeper.services import stage_failures
from recordkeeper.services.check import attachments_as_documents, process_rules
from recordkeeper.services.confirmations import stored_confirmations
from recordkeeper.services.context import Context
from recordkeeper.store import repo_classification
from recordkeeper.store.tables import DocumentRow, ExtractionRow
from recordkeeper.store.tables_process import ProcessStatusRow, ProcessWarningRow
from recordkeeper.store.unit import Tx

if TYPE_CHECKING:  # pipeline imports this module for its STAGES line
    from recordkeeper.services.pipeline import DocumentChange

__all__ = [
    "DailyRefresh",
    "ProjectStatus",
    "StoredWarning",
    "evaluate_pending",
    "evaluate_stored_project",
    "mark_all_pending",
    "open_warnings",
    "process_stage",
    "project_status",
    "reevaluate_project",
]

log = structlog.get_logger(__name__)

i18n.register(
    {
        "process.people_count": {
            "sv": "{count} person(er) (se projektsidan)",
            "en": "{count} person(s) (see the project page)",
        }
    }
)

MIN_INTERVAL_S = 30.0
BULK_CHANGES = 50
_PENDING = "process.pending_projects"
_FAILED_AT = "process.failed_at"  # {project: when its evaluation last failed}
_HELD_UNTIL = "process.held_until"  # after a failed look at the pending ones
_UNKNOWN = Classification("other", False, False, False, 0.0, ("not_classified",), True)
_RANK = {"info": 0, "warning": 1, "error": 2}
# message parameters that never hold a name (everything else is dropped before storing)
_SAFE_PARAMS = frozenset(
    {"step", "what", "later", "gaps", "deadline", "after", "expected", "found", "count", "min"}
)


@dataclass(frozen=True, slots=True)
class StoredWarning:
    """An open or resolved warning, as stored (no names)."""

    id: int
    project: str
    step_id: str | None
    rule_id: str
    code: str
    severity: str
    count: int
    params: dict[str, str]
    state: str
    first_seen_at: datetime
    last_seen_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True, slots=True)
class ProjectStatus:
    """A project's latest stored statuses, its open warnings and, when asked, the live
    evaluation (with names, in memory only)."""

    project: str
    rules_id: str
    variant: str | None
    current_step: str | None
    steps: tuple[tuple[str, str], ...]
    evaluated_at: datetime
    warnings: tuple[StoredWarning, ...]
    live: Evaluation | None = None


# ---- gathering a project from the store ------------------------------------------------------


def _facts(
    session: Session,
    row: DocumentRow,
    rel: str,
    extractions: dict[str, ExtractionRow | None] | None = None,
) -> DocumentFacts:
    """The cached extraction of a document (path relative to its project), else name only."""
    sha = row.current_sha256
    if sha and extractions is not None and sha in extractions:
        cached = extractions[sha]
    else:
        cached = session.get(ExtractionRow, sha) if sha else None
    facts = codec.loads_facts(cached.facts if cached is not None else None)
    if facts is not None:
        return replace(facts, path=rel, project=row.project)
    kind = rel.rsplit(".", 1)[-1].lower() if "." in rel else ""
    return DocumentFacts(path=rel, size=row.size or 0, sha256=row.current_sha256 or "", kind=kind)


def _extractions(session: Session, shas: Sequence[str]) -> dict[str, ExtractionRow | None]:
    """A project's cached extractions, one query per 500 instead of one per document."""
    unique = sorted(set(shas))
    out: dict[str, ExtractionRow | None] = dict.fromkeys(unique)
    for start in range(0, len(unique), 500):
        part = unique[start : start + 500]
        for cached in session.scalars(select(ExtractionRow).where(ExtractionRow.sha256.in_(part))):
            out[cached.sha256] = cached
    return out


def _project_file_text(roots: dict[str, Path], row: DocumentRow) -> str | None:
    """The project file is YAML, which extraction does not read: read it from its root."""
    base = roots.get(row.root)
    if base is None:
        return None
    try:
        return (base / row.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _gather(
    session: Session, project: str, rules: ProcessRules, roots: dict[str, Path]
) -> tuple[list[ClassifiedDocument], ProjectFile, str | None, list[Finding]]:
    rows = session.scalars(
        select(DocumentRow).where(DocumentRow.project == project, DocumentRow.state == "present")
    ).all()
    stored = repo_classification.classifications_in_project(session, project)
    extractions = _extractions(session, [r.current_sha256 for r in rows if r.current_sha256])
    docs: list[ClassifiedDocument] = []
    project_file, project_file_name, extra = EMPTY, None, []
    prefix = f"{project}/"
    for row in rows:
        rel = row.path[len(prefix) :] if row.path.startswith(prefix) else row.path
        facts = _facts(session, row, rel, extractions)
        if rel in PROJECT_FILE_NAMES:
            text = facts.text or _project_file_text(roots, row) or ""
            try:
                project_file, project_file_name = parse_project_file(text, rel, rules), rel
            except ProjectFileError:
                params = {"step": "", "problem": "project_file"}
                extra.append(
                    Finding("", "error", "process.warn.project_file", "project_file", params)
                )
            continue
        found = stored.get(row.id)
        docs.append(ClassifiedDocument(facts, found.classification if found else _UNKNOWN))
    return docs, project_file, project_file_name, extra


def evaluate_stored_project(ctx: Context, project: str) -> Evaluation | None:
    """Evaluate a project from the store (in memory; nothing is written)."""
    try:
        rules = process_rules(ctx.rules)
    except UsageError:
        return None
    # ingest imports the pipeline, which imports this module: import at call time
    from recordkeeper.services.ingest import configured_roots

    roots = {spec.key: spec.path for spec in configured_roots(ctx.settings)}
    with ctx.store.read() as session:
        docs, project_file, name, extra = _gather(session, project, rules, roots)
        confirmed = stored_confirmations(session, project)
    if confirmed:  # people's confirmations in the web; the project file wins on conflict
        project_file = project_file.model_copy(
            update={"confirmations": {**confirmed, **project_file.confirmations}}
        )
    if ctx.rules.by_kind.get("classes"):  # as `check` counts them (services/check.py)
        classes = compiled(ctx.rules.one("classes"))
        docs += attachments_as_documents(
            docs, lambda facts: classify_document(facts, classes), rules
        )
    evaluation = check_documents(
        rules,
        docs,
        ctx.clock.now().date(),
        project_name=project,
        project_file=project_file,
        project_file_path=name,
    )
    return replace(evaluation, findings=(*evaluation.findings, *extra))


# ---- storing the outcome ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Key:
    rule_id: str
    code: str


def _aggregate(findings: Sequence[Finding]) -> dict[_Key, tuple[Finding, int]]:
    """One stored warning per rule and code; people collapse into a count."""
    out: dict[_Key, tuple[Finding, int]] = {}
    for finding in findings:
        key = _Key(finding.rule_id, finding.key.rsplit(".", 1)[-1])
        known = out.get(key)
        if known is None:
            out[key] = (finding, 1)
        else:
            worst = finding if _RANK[finding.severity] > _RANK[known[0].severity] else known[0]
            out[key] = (worst, known[1] + 1)
    return out


def _safe(params: dict[str, str] | object) -> str:
    values = dict(params) if isinstance(params, dict) else {}
    return json.dumps({k: v for k, v in values.items() if k in _SAFE_PARAMS}, sort_keys=True)


def _event(name: str, project: str, rule_id: str, at: datetime, **data: str | int) -> AuditEvent:
    return AuditEvent(event=name, at=at, project_id=project, rule_id=rule_id, data=data)


def _store_status(tx: Tx, project: str, evaluation: Evaluation, at: datetime) -> None:
    steps = [[s.step_id, s.status] for s in evaluation.steps]
    row = tx.session.get(ProcessStatusRow, project)
    before = json.loads(row.steps) if row is not None else []
    if row is None:
        row = ProcessStatusRow(project=project, steps="[]", rules_id=evaluation.rules_id)
        tx.session.add(row)
    row.rules_id, row.variant = evaluation.rules_id, evaluation.variant
    row.current_step, row.steps, row.evaluated_at = evaluation.current_step, json.dumps(steps), at
    changed = [s for s in steps if s not in before]
    if changed:
        tx.record(
            _event(
                "process_status_changed", project, evaluation.rules_id, at,
                changed=len(changed), current_step=evaluation.current_step or "",
            )
        )  # fmt: skip


def _store_warnings(tx: Tx, project: str, evaluation: Evaluation, at: datetime) -> None:
    current = _aggregate([f for f in evaluation.findings if f.severity != "info"])
    rows = tx.session.scalars(
        select(ProcessWarningRow).where(
            ProcessWarningRow.project == project, ProcessWarningRow.state == "open"
        )
    ).all()
    open_by_key = {_Key(r.rule_id, r.code): r for r in rows}
    for key, (finding, count) in current.items():
        row = open_by_key.pop(key, None)
        if row is not None:
            row.last_seen_at, row.count, row.severity = at, count, finding.severity
            row.params = _safe(finding.params)
            continue
        tx.session.add(
            ProcessWarningRow(
                project=project, step_id=finding.step_id or None, rule_id=key.rule_id,
                code=key.code, severity=finding.severity, count=count,
                params=_safe(finding.params), state="open", first_seen_at=at, last_seen_at=at,
            )
        )  # fmt: skip
        tx.record(
            _event(
                "process_warning_raised", project, key.rule_id, at,
                step=finding.step_id, code=key.code, severity=finding.severity, count=count,
            )
        )  # fmt: skip
    for key, row in open_by_key.items():
        row.state, row.resolved_at = "resolved", at
        tx.record(
            _event(
                "process_warning_resolved", project, key.rule_id, at,
                step=row.step_id or "", code=key.code,
            )
        )  # fmt: skip


def _log_ref(project: str) -> str:
    """A folder name may hold a person's name: logs get a short hash of it instead."""
    return log_ref(project)


def reevaluate_project(ctx: Context, project: str) -> Evaluation | None:
    """Evaluate a project from the store and record statuses and warnings (one transaction)."""
    evaluation = evaluate_stored_project(ctx, project)
    if evaluation is None:
        return None
    at = ctx.clock.now()
    with ctx.store.transaction() as tx:
        _store_status(tx, project, evaluation, at)
        _store_warnings(tx, project, evaluation, at)
    log.info("process_evaluated", project=_log_ref(project), current_step=evaluation.current_step)
    return evaluation


def _due(ctx: Context) -> list[str]:
    """Pending projects to evaluate now: at most one evaluation per project every
    `MIN_INTERVAL_S`, so a burst of thousands of new files (a first scan) does not
    re-evaluate a project per batch. Skipped ones stay pending and are evaluated on
    the next call after their interval."""
    pending: set[str] = ctx.extras.setdefault(_PENDING, set())
    now = ctx.clock.now()
    with ctx.store.read() as session:
        rows = session.scalars(
            select(ProcessStatusRow).where(ProcessStatusRow.project.in_(sorted(pending)))
        ).all()
        last = {r.project: r.evaluated_at for r in rows}
    last.update(ctx.extras.get(_FAILED_AT, {}))  # a failed evaluation waits the interval too
    due = []
    for project in sorted(pending):
        seen = last.get(project)
        if seen is None or (now - seen).total_seconds() >= MIN_INTERVAL_S:
            due.append(project)
    pending -= set(due)
    return due


def process_stage(ctx: Context, changes: Sequence[DocumentChange]) -> None:
    """Pipeline stage: re-evaluate the projects that had a document change."""
    ctx.extras.setdefault(_PENDING, set()).update(c.project for c in changes if c.project)
    if len(changes) >= BULK_CHANGES:
        return  # a bulk scan (first run, a restored share): wait for its last, smaller chunk
    evaluate_pending(ctx)


def mark_all_pending(ctx: Context) -> int:
    """Make every project with a present document pending; returns how many.

    Time rules ("survey answers due 14 days after it was sent") turn overdue with the
    calendar, not with a change in the folder, and a daemon killed between ingest's
    commit and this stage leaves a project's status behind its documents; so the
    daemon marks every project once at start, on each new day and after a rules
    reload, and `evaluate_pending` evaluates them once it is idle.
    """
    with ctx.store.read() as session:
        projects = set(
            session.scalars(
                select(DocumentRow.project)
                .where(DocumentRow.state == "present", DocumentRow.project.is_not(None))
                .distinct()
            )
        )
    ctx.extras.setdefault(_PENDING, set()).update(p for p in projects if p)
    return len(projects)


class DailyRefresh:
    """Daemon tick hook: `mark_all_pending` at start, on each new day, after a reload."""

    def __init__(self) -> None:
        self._day: object = None
        self._rules: object = None

    def __call__(self, ctx: Context) -> None:
        today = ctx.clock.now().date()
        if today == self._day and ctx.rules is self._rules:
            return
        rules = ctx.rules
        projects = mark_all_pending(ctx)  # a store error: tried again on the next tick
        self._day, self._rules = today, rules
        log.info("process_refresh_planned", projects=projects)


def evaluate_pending(ctx: Context) -> int:
    """Evaluate the projects a bulk scan or the per-project interval left pending.

    Called by the daemon when its queue is empty, so a project whose last change
    arrived in a bulk chunk, or within `MIN_INTERVAL_S` of its previous evaluation,
    gets its status without waiting for another change. Returns how many ran.

    Never raises: a store error is logged and counted as a failure of the `process`
    stage (`stage_failures`: status, the metrics, doctor), here and when the pipeline's
    process stage calls it. The projects not evaluated stay pending and are tried again
    after `MIN_INTERVAL_S` (not every 0.25 s tick while the store is away).
    """
    if not ctx.extras.get(_PENDING):
        return 0
    now = ctx.clock.now()
    held: datetime | None = ctx.extras.get(_HELD_UNTIL)
    if held is not None and now < held:
        return 0
    try:
        due = _due(ctx)
    except Exception as exc:  # they stay pending: looked at again after the interval
        log.exception("process_evaluation_failed", error=type(exc).__name__)
        ctx.extras[_HELD_UNTIL] = now + timedelta(seconds=MIN_INTERVAL_S)
        stage_failures.note(ctx, "process", exc)
        stage_failures.flush(ctx)
        return 0
    ctx.extras.pop(_HELD_UNTIL, None)
    if _reevaluate_each(ctx, due):
        stage_failures.flush(ctx)
    return len(due)


def _reevaluate_each(ctx: Context, projects: Sequence[str]) -> int:
    """One project's failure is logged, counted and does not stop the others; the
    project stays pending, tried again after the interval. Returns how many failed."""
    failed: dict[str, datetime] = ctx.extras.setdefault(_FAILED_AT, {})
    for project in projects:
        try:
            reevaluate_project(ctx, project)
        except Exception as exc:
            log.exception("process_evaluation_failed", project=_log_ref(project))
            stage_failures.note(ctx, "process", exc)
            failed[project] = ctx.clock.now()
            ctx.extras.setdefault(_PENDING, set()).add(project)
        else:
            failed.pop(project, None)
    return sum(1 for project in projects if project in failed)


# ---- reading ---------------------------------------------------------------------------------


def _warning(row: ProcessWarningRow) -> StoredWarning:
    return StoredWarning(
        id=row.id, project=row.project, step_id=row.step_id, rule_id=row.rule_id, code=row.code,
        severity=row.severity, count=row.count, params=json.loads(row.params), state=row.state,
        first_seen_at=row.first_seen_at, last_seen_at=row.last_seen_at,
        resolved_at=row.resolved_at,
    )  # fmt: skip


def warning_text(renderer: Renderer, warning: StoredWarning) -> str:
    """A stored warning in the reader's language; people appear as a count (no names stored)."""
    finding = Finding(
        warning.step_id or "",
        warning.severity,
        f"process.warn.{warning.code}",
        warning.rule_id,
        warning.params,
        person=i18n.t("process.people_count", renderer.lang, count=warning.count),
    )
    return renderer.finding_text(finding)


def warnings_since(
    ctx: Context, since: datetime
) -> tuple[list[StoredWarning], list[StoredWarning]]:
    """(raised, resolved) since `since`: the project lead's news for a digest."""
    with ctx.store.read() as session:
        raised = session.scalars(
            select(ProcessWarningRow).where(
                ProcessWarningRow.state == "open", ProcessWarningRow.first_seen_at >= since
            )
        ).all()
        resolved = session.scalars(
            select(ProcessWarningRow).where(
                ProcessWarningRow.state != "open", ProcessWarningRow.resolved_at >= since
            )
        ).all()
        return [_warning(r) for r in raised], [_warning(r) for r in resolved]


def project_statuses(ctx: Context) -> list[ProjectStatus]:
    """Every evaluated project's stored statuses (no warnings, no live evaluation)."""
    with ctx.store.read() as session:
        rows = session.scalars(select(ProcessStatusRow).order_by(ProcessStatusRow.project)).all()
        return [
            ProjectStatus(
                project=r.project,
                rules_id=r.rules_id,
                variant=r.variant,
                current_step=r.current_step,
                steps=tuple((str(s), str(v)) for s, v in json.loads(r.steps)),
                evaluated_at=r.evaluated_at,
                warnings=(),
            )
            for r in rows
        ]


def open_warnings(ctx: Context, project: str | None = None) -> list[StoredWarning]:
    """Open warnings, most severe first (every project, or one)."""
    query = select(ProcessWarningRow).where(ProcessWarningRow.state == "open")
    if project is not None:
        query = query.where(ProcessWarningRow.project == project)
    with ctx.store.read() as session:
        rows = session.scalars(query.order_by(ProcessWarningRow.id)).all()
        found = [_warning(r) for r in rows]
    return sorted(found, key=lambda w: (-_RANK.get(w.severity, 0), w.project, w.id))


def project_status(ctx: Context, project: str, *, live: bool = False) -> ProjectStatus | None:
    """The stored status of a project (None before its first evaluation).

    With `live`, the project is also evaluated now, in memory, so a reader gets
    the names of the people concerned without any name ever being stored.
    """
    with ctx.store.read() as session:
        row = session.get(ProcessStatusRow, project)
        if row is None:
            return None
        steps = tuple((str(s), str(v)) for s, v in json.loads(row.steps))
        status = ProjectStatus(
            project=project, rules_id=row.rules_id, variant=row.variant,
            current_step=row.current_step, steps=steps, evaluated_at=row.evaluated_at,
            warnings=(),
        )  # fmt: skip
    warnings = tuple(open_warnings(ctx, project))
    evaluation = evaluate_stored_project(ctx, project) if live else None
    return replace(status, warnings=warnings, live=evaluation)
