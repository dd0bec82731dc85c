"""`recordkeeper retention|hold|project ...`: weeding deadlines, proposals, decisions, holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

import recordkeeper.retention.messages  # noqa: F401  (registers the texts)
from recordkeeper.cli.common import (
    class_label,
    current_actor,
    open_context,
    print_json,
    state,
)
from recordkeeper.i18n import t
from recordkeeper.services import retention as svc
from recordkeeper.services.registration import class_names

retention_app = typer.Typer(help="Gallring / retention and weeding.", no_args_is_help=True)
hold_app = typer.Typer(help="Spärr (legal hold) / legal holds.", no_args_is_help=True)
project_app = typer.Typer(help="Projekt / project events.", no_args_is_help=True)

AS_USER = typer.Option(None, "--as", help="Act as this user (default: the OS user).")
JSON = typer.Option(False, "--json", help="Machine-readable output.")
DRY_RUN = typer.Option(False, "--dry-run", help="Show what would happen; change nothing.")


def _show(
    items: list[dict[str, Any]],
    as_json: bool,
    lang: str,
    listing: str,
    columns: tuple[str, ...],
    cells: Callable[[dict[str, Any]], tuple[str, ...]],
) -> None:
    """Print `items` as JSON, or as a table titled `retention.<listing>.title`."""
    if as_json:
        print_json(items)
        return
    if not items:
        typer.echo(t(f"retention.{listing}.none", lang))
        return
    table = Table(title=t(f"retention.{listing}.title", lang))
    for key in columns:
        table.add_column(t(f"retention.col.{key}", lang))
    for item in items:
        table.add_row(*cells(item))
    # piped or in a narrow terminal, rich cut ids and names to "correspond…"
    Console(width=max(Console().width, 140)).print(table)


@retention_app.command("plan")
def plan(
    ctx: typer.Context,
    until: str | None = typer.Option(None, help="Only deadlines up to this date (YYYY-MM-DD)."),
    as_json: bool = JSON,
) -> None:
    """Upcoming weeding and deletion deadlines, soonest first."""
    lang = state(ctx).lang
    context = open_context(ctx)
    rows = svc.upcoming(context, date.fromisoformat(until) if until else None)
    names = class_names(context)
    items = [
        {
            "document_id": r.document_id,
            "project": r.project,
            "class": r.doc_class,
            "rule": r.rule_id,
            "action": r.action,
            "due_on": r.due_on,
            "basis": r.basis,
            "personal_data": r.personal_data,
        }
        for r in rows
    ]
    _show(
        items,
        as_json,
        lang,
        "plan",
        ("due", "document", "project", "class", "rule", "action"),
        lambda i: (
            str(i["due_on"]),
            str(i["document_id"]),
            str(i["project"] or ""),
            class_label(names, i["class"], lang),
            str(i["rule"]),
            t(f"retention.action.{i['action']}", lang),
        ),
    )


@retention_app.command("propose")
def propose(
    ctx: typer.Context,
    on: str | None = typer.Option(None, help="Treat this date as today (YYYY-MM-DD)."),
    dry_run: bool = DRY_RUN,
    as_json: bool = JSON,
) -> None:
    """Turn due deadlines into proposals (the periodic job does this too)."""
    context = open_context(ctx)
    today = date.fromisoformat(on) if on else context.clock.now().date()
    made = svc.make_proposals(context, today, dry_run=dry_run)
    if as_json:
        print_json({"dry_run": dry_run, "proposals": [dataclasses.asdict(p) for p in made]})
        return
    lang = state(ctx).lang
    typer.echo(
        t("retention.would_propose" if dry_run else "retention.proposed", lang, count=len(made))
    )
    if dry_run:
        typer.echo(t("retention.dry_run", lang))


@retention_app.command("proposals")
def proposals(ctx: typer.Context, as_json: bool = JSON) -> None:
    """Open proposals: awaiting a decision, approved, or in quarantine."""
    lang = state(ctx).lang
    rows = svc.open_proposals(open_context(ctx))
    items = [
        {
            "id": p.id,
            "project": p.project,
            "rule": p.rule_id,
            "action": p.action,
            "basis": p.basis,
            "state": p.state,
            "created_at": p.created_at,
            "purge_after": p.purge_after,
        }
        for p in rows
    ]
    _show(
        items,
        as_json,
        lang,
        "proposals",
        ("id", "project", "rule", "action", "state", "basis"),
        lambda i: (
            str(i["id"]),
            str(i["project"] or ""),
            str(i["rule"]),
            t(f"retention.action.{i['action']}", lang),
            t(f"retention.status.{i['state']}", lang),
            str(i["basis"]),
        ),
    )


@retention_app.command("approve")
def approve(
    ctx: typer.Context,
    proposal_id: str = typer.Argument(..., help="Proposal id."),
    role: str = typer.Option("dpo", help="The role you decide in (must be allowed by the rules)."),
    reject: bool = typer.Option(False, "--reject", help="Reject instead of approve."),
    as_user: str | None = AS_USER,
) -> None:
    """Approve (or reject) a proposal; refused (exit 5) for a role the rules do not allow."""
    status = svc.decide(
        open_context(ctx), proposal_id, current_actor(as_user), role, approve=not reject
    )
    lang = state(ctx).lang
    typer.echo(
        t(
            "retention.decided",
            lang,
            id=proposal_id,
            status=t(f"retention.status.{status.value}", lang),
        )
    )


@retention_app.command("execute")
def execute(ctx: typer.Context, dry_run: bool = DRY_RUN, as_json: bool = JSON) -> None:
    """Quarantine approved proposals; delete quarantined files past the grace period."""
    report = svc.execute(open_context(ctx), dry_run=dry_run)
    if as_json:
        print_json({"dry_run": dry_run, **dataclasses.asdict(report)})
        return
    lang = state(ctx).lang
    typer.echo(
        t(
            "retention.executed",
            lang,
            quarantined=len(report.quarantined),
            deleted=len(report.deleted),
            changed=len(report.changed),
            missing=len(report.missing),
            held=len(report.held),
        )
    )
    if dry_run:
        typer.echo(t("retention.dry_run", lang))


@hold_app.command("add")
def hold_add(
    ctx: typer.Context,
    reason: str = typer.Option(..., help="Why the hold is needed (no personal data)."),
    document: str | None = typer.Option(None, help="Document id."),
    project: str | None = typer.Option(None, help="Project name."),
    as_user: str | None = AS_USER,
) -> None:
    """Put a legal hold on a document or a project: nothing under it is proposed or destroyed."""
    hold_id = svc.add_hold(
        open_context(ctx),
        reason=reason,
        actor=current_actor(as_user),
        document_id=document,
        project=project,
    )
    typer.echo(t("retention.hold.added", state(ctx).lang, id=hold_id))


@hold_app.command("remove")
def hold_remove(
    ctx: typer.Context,
    hold_id: str = typer.Argument(..., help="Hold id."),
    as_user: str | None = AS_USER,
) -> None:
    """Lift a legal hold."""
    svc.lift_hold(open_context(ctx), hold_id, current_actor(as_user))
    typer.echo(t("retention.hold.lifted", state(ctx).lang, id=hold_id))


@hold_app.command("list")
def hold_list(ctx: typer.Context, as_json: bool = JSON) -> None:
    """Active legal holds."""
    holds = svc.list_holds(open_context(ctx))
    items = [
        {
            "id": h.id,
            "document_id": h.document_id,
            "project": h.project,
            "reason": h.reason,
            "created_by": h.created_by,
            "created_at": h.created_at,
        }
        for h in holds
    ]
    if as_json:
        print_json(items)
        return
    lang = state(ctx).lang
    table = Table()
    for key in ("id", "document", "project", "reason"):
        table.add_column(t(f"retention.col.{key}", lang))
    for i in items:
        table.add_row(
            str(i["id"]), str(i["document_id"] or ""), str(i["project"] or ""), str(i["reason"])
        )
    Console().print(table)


@project_app.command("close")
def project_close(
    ctx: typer.Context,
    project: str = typer.Argument(..., help="Project folder name."),
    on: str | None = typer.Option(None, help="Closing date (YYYY-MM-DD); default today."),
    as_user: str | None = AS_USER,
) -> None:
    """Record that a project is closed: the start of most retention periods."""
    context = open_context(ctx)
    closed_on = date.fromisoformat(on) if on else context.clock.now().date()
    svc.close_project(context, project, closed_on, current_actor(as_user))
    typer.echo(t("retention.project.closed", state(ctx).lang, project=project, on=closed_on))


dpo_app = typer.Typer(help="Dataskyddsombud / data protection officer.", no_args_is_help=True)


@dpo_app.command("report")
def dpo_report(
    ctx: typer.Context,
    fmt: str = typer.Option("html", "--format", help="html, csv or json."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """Personal data per class and project, deadlines, proposals, deletions, holds, art. 30."""
    from recordkeeper.errors import UsageError
    from recordkeeper.retention.report import render_csv, render_html, render_json
    from recordkeeper.services.dpo import dpo_report as build

    lang = state(ctx).lang
    if fmt not in ("html", "csv", "json"):
        raise UsageError(t("dpo.error.format", lang, fmt=fmt))
    report = build(open_context(ctx))
    if fmt == "html":
        text = render_html(report, lang)
    elif fmt == "csv":
        text = render_csv(report, lang)
    else:
        text = render_json(report)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        typer.echo(text)


privacy_app = typer.Typer(
    help="Registrerades rättigheter / data subject requests.", no_args_is_help=True
)


@privacy_app.command("find")
def privacy_find(
    ctx: typer.Context,
    subject: str = typer.Option(..., "--subject", help="Personnummer, e-mail address or name."),
    request: str = typer.Option(
        "access", "--request", help="access (art. 15) or erasure (art. 17)."
    ),
    as_user: str | None = AS_USER,
    as_json: bool = JSON,
) -> None:
    """Find documents that mention a person, with what happens to each under archive law."""
    from recordkeeper.errors import UsageError
    from recordkeeper.services.privacy import find_subject

    lang = state(ctx).lang
    if request not in ("access", "erasure"):
        raise UsageError(t("privacy.error.request", lang, request=request))
    context = open_context(ctx)
    answer = find_subject(context, subject, request=request, actor=current_actor(as_user))
    if as_json:
        print_json(
            {
                "request_id": answer.request_id,
                "request": answer.kind,
                "subject_kind": answer.subject_kind,
                "proposal": answer.proposal_id,
                "documents": [dataclasses.asdict(m) for m in answer.matches],
            }
        )
        return
    count = len(answer.matches)
    found = "privacy.found.one" if count == 1 else "privacy.found"
    typer.echo(t(found, lang, request=answer.request_id, count=count))
    names = class_names(context)
    for m in answer.matches:
        outcome = t(
            f"privacy.outcome.{m.outcome}",
            lang,
            due=m.due_on,
            rule=m.rule_id,
            proposal=answer.proposal_id,
        )
        shown = class_label(names, m.doc_class, lang)
        typer.echo(f"  {m.document_id}  {m.project or ''}  {shown}  {outcome}")
