"""`recordkeeper registry ...`: the registrar's queue, answers and export.

Parse, call one service, render. The command acts as a named user (`--as`,
else the operating-system user); that id is recorded in each audit event.
"""

from __future__ import annotations

import csv
import io
import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from recordkeeper.cli.common import class_label, current_actor, open_context, print_json, state
from recordkeeper.errors import UsageError
from recordkeeper.i18n import catalogue, t
from recordkeeper.registry.messages import ReasonNames, reason_text
from recordkeeper.services import registration_answers as answers
from recordkeeper.services import registration_queue as queue
from recordkeeper.services.registration import class_names, reason_names
from recordkeeper.services.registration_queue import AlertView, PromptView

registry_app = typer.Typer(
    help="Diarieföring: förslag att diarieföra, svar och export / registration queue.",
    no_args_is_help=True,
)

AS_USER = typer.Option(None, "--as", help="Agera som denna användare / act as this user.")
JSON = typer.Option(False, "--json", help="Maskinläsbar utdata / machine-readable output.")
_STATUSES = {
    "open": ("open",),
    "registered": ("registered",),
    "all": ("open", "registered", "dismissed", "reclassified"),
}


def prompt_json(view: PromptView, lang: str, names: ReasonNames | None = None) -> dict[str, Any]:
    """A prompt as JSON: stable ids and codes, plus rendered reasons."""
    return {
        "id": view.id,
        "document_id": view.document_id,
        "kind": view.kind,
        "status": view.status,
        "doc_class": view.doc_class,
        "project": view.project,
        "description": view.description,
        "record_date": view.arrived_on.isoformat(),
        "date_source": view.date_source,
        "due_on": view.due_on.isoformat(),
        "overdue": view.escalation.is_overdue,
        "working_days_late": view.escalation.working_days_late,
        "escalation": view.escalation.level,
        "direction": view.direction,
        "counterpart": view.counterpart,
        "counterpart_source": view.counterpart_source,
        "proposed_dnr": view.proposed_dnr,
        "dnr": view.dnr,
        "secrecy": view.secrecy,
        "secrecy_cues": list(view.secrecy_cues),
        "secrecy_provisions": list(view.secrecy_provisions),
        "reasons": [
            {"code": r.code, "text": reason_text(r.code, r.values, lang, names)}
            for r in view.reasons
        ],
        "path": view.path,
        "document_state": view.document_state,
        "copies": view.copies,
        "previous_prompt_id": view.previous_prompt_id,
        "answered_by": view.answered_by,
        "answered_at": view.answered_at.isoformat() if view.answered_at else None,
        "dismiss_code": view.dismiss_code,
    }


def alert_json(alert: AlertView, lang: str) -> dict[str, Any]:
    return {
        "id": alert.id,
        "kind": alert.kind,
        "text": t(f"registry.alert.{alert.kind}", lang),
        "document_id": alert.document_id,
        "prompt_id": alert.prompt_id,
        "dnr": alert.dnr,
        "sha256": alert.sha256,
        "created_at": alert.created_at.isoformat(),
        "path": alert.path,
        "document_state": alert.document_state,
    }


def _due_cell(view: PromptView, lang: str) -> str:
    level = view.escalation.level
    if level is None:
        return view.due_on.isoformat()
    return f"{view.due_on.isoformat()} {t(f'registry.level.{level}', lang)}"


def _yes_no(value: bool, lang: str) -> str:
    return t("registry.yes" if value else "registry.no", lang)


@registry_app.command("list")
def list_(
    ctx: typer.Context,
    overdue: bool = typer.Option(False, "--overdue", help="Bara försenade / only overdue prompts."),
    as_json: bool = JSON,
) -> None:
    """Handlingar att diarieföra, efter sista dag / prompts by due date, overdue marked."""
    lang = state(ctx).lang
    context = open_context(ctx)
    views = queue.open_prompts(context, overdue_only=overdue)
    alerts = queue.open_alerts(context)
    if as_json:
        names = reason_names(context)
        print_json(
            {
                "prompts": [prompt_json(v, lang, names) for v in views],
                "alerts": [alert_json(a, lang) for a in alerts],
            }
        )
        return
    console = Console(width=max(Console().width, 140))
    if not views:
        typer.echo(t("registry.list.empty", lang))
    else:
        table = Table()
        # short columns never wrap; the description takes what is left
        for key in (
            "id",
            "due_on",
            "level",
            "arrived_on",
            "direction_short",
            "secrecy_short",
            "proposed_dnr_short",
        ):
            table.add_column(t(f"registry.field.{key}", lang), no_wrap=True)
        table.add_column(t("registry.field.description", lang), ratio=1, min_width=20)
        for v in views:
            style = (
                "bold red"
                if v.escalation.level == "escalated"
                else ("red" if v.escalation.is_overdue else None)
            )
            kind = "" if v.kind == "register" else f" ({t('registry.kind.new_version', lang)})"
            level = v.escalation.level
            table.add_row(
                str(v.id),
                v.due_on.isoformat(),
                t(f"registry.level.{level}", lang) if level else "",
                v.arrived_on.isoformat(),
                t(f"registry.direction_short.{v.direction}", lang),
                _yes_no(v.secrecy, lang),
                v.proposed_dnr or "",
                v.description + kind,
                style=style,
            )
        console.print(table)
    if alerts:
        table = Table(title=t("registry.list.alerts", lang))
        for key in ("id", "kind", "document", "dnr"):
            table.add_column(t(f"registry.field.{key}", lang))
        for a in alerts:
            table.add_row(
                f"A{a.id}", t(f"registry.alert.{a.kind}", lang), a.document_id, a.dnr or ""
            )
        console.print(table)


def _state_text(document_state: str | None, lang: str) -> str:
    """The document's state in words ("finns"; it said "present" in Swedish too)."""
    key = f"state.{document_state}"
    return t(key, lang) if key in catalogue() else (document_state or "?")


@registry_app.command("show")
def show(
    ctx: typer.Context,
    prompt_id: int = typer.Argument(..., metavar="ID", help="Förslagets id / prompt id."),
    as_json: bool = JSON,
) -> None:
    """Visa ett förslag med skälen / show one prompt with its reasons."""
    lang = state(ctx).lang
    context = open_context(ctx)
    view = queue.get_prompt(context, prompt_id)
    names = reason_names(context)
    if as_json:
        print_json(prompt_json(view, lang, names))
        return
    secrecy = _yes_no(view.secrecy, lang)
    if view.secrecy_provisions:
        secrecy += f" ({'; '.join(view.secrecy_provisions)})"
    lines = [
        ("id", str(view.id)),
        ("kind", t(f"registry.kind.{view.kind}", lang)),
        ("status", t(f"registry.status.{view.status}", lang)),
        ("due_on", _due_cell(view, lang)),
        ("arrived_on", view.arrived_on.isoformat()),
        ("direction", t(f"registry.direction.{view.direction}", lang)),
        ("counterpart", view.counterpart or "–"),
        ("description", view.description),
        ("proposed_dnr", view.proposed_dnr or "–"),
        ("dnr", view.dnr or "–"),
        ("secrecy", secrecy),
        ("doc_class", class_label(names.classes, view.doc_class, lang, with_id=True)),
        ("project", view.project or "–"),
        ("document", f"{view.document_id} ({_state_text(view.document_state, lang)})"),
        ("path", view.path or "–"),
        ("copies", str(view.copies)),
    ]
    if view.answered_by:
        lines.append(("answered", f"{view.answered_by} {view.answered_at:%Y-%m-%d %H:%M}"))
    for key, value in lines:
        typer.echo(f"{t(f'registry.field.{key}', lang)}: {value}")
    typer.echo(f"{t('registry.field.reasons', lang)}:")
    for r in view.reasons:
        typer.echo(f"  - {reason_text(r.code, r.values, lang, names)}")


@registry_app.command("register")
def register(
    ctx: typer.Context,
    prompt_id: int = typer.Argument(..., metavar="ID", help="Förslagets id / prompt id."),
    dnr: str = typer.Option(..., "--dnr", help="Diarienumret från diariet, t.ex. 2.4-12345/2025."),
    as_user: str | None = AS_USER,
) -> None:
    """Diarieförd med diarienummer / registered under a diarienummer."""
    number = answers.register(open_context(ctx), prompt_id, dnr, current_actor(as_user))
    typer.echo(t("registry.registered", state(ctx).lang, id=prompt_id, dnr=number))


@registry_app.command("dismiss")
def dismiss(
    ctx: typer.Context,
    prompt_id: int = typer.Argument(..., metavar="ID", help="Förslagets id / prompt id."),
    reason: str = typer.Option(
        ...,
        "--reason",
        help="Skäl: draft, working_copy, duplicate, internal_note, not_received "
        "eller fritext / reason code or free text.",
    ),
    as_user: str | None = AS_USER,
) -> None:
    """Inte allmän handling / not an official document."""
    code = answers.dismiss(
        open_context(ctx),
        prompt_id,
        reason,
        current_actor(as_user),
        answers.default_not_official(),
    )
    typer.echo(t("registry.dismissed", state(ctx).lang, id=prompt_id, code=code))


@registry_app.command("reclassify")
def reclassify(
    ctx: typer.Context,
    prompt_id: int = typer.Argument(..., metavar="ID", help="Förslagets id / prompt id."),
    doc_class: str = typer.Option(..., "--class", help="Rätt dokumentklass / the right class id."),
    as_user: str | None = AS_USER,
) -> None:
    """Fel dokumentklass: klassa om / wrong class: reclassify (the classifier learns)."""
    context = open_context(ctx)
    status = answers.reclassify(
        context, prompt_id, doc_class, current_actor(as_user), answers.default_corrector()
    )
    lang = state(ctx).lang
    shown = t(f"registry.status.{status}", lang)
    label = class_label(class_names(context), doc_class, lang, with_id=True)
    typer.echo(t("registry.reclassified", lang, id=prompt_id, doc_class=label, status=shown))


@registry_app.command("ack")
def ack(
    ctx: typer.Context,
    alert_id: str = typer.Argument(..., metavar="ALERT", help="Larmets id, t.ex. A3 / alert id."),
    as_user: str | None = AS_USER,
) -> None:
    """Kvittera ett larm / acknowledge an alert."""
    number = alert_id.upper().removeprefix("A")
    if not number.isdigit():
        raise UsageError(t("registry.alert_not_found", state(ctx).lang, id=alert_id))
    answers.acknowledge_alert(open_context(ctx), int(number), current_actor(as_user))
    typer.echo(t("registry.acknowledged", state(ctx).lang, id=alert_id))


def _csv_row(row: dict[str, object], lang: str) -> dict[str, object]:
    """A record as a registrar reads it in a spreadsheet: the secrecy marker 'ja'/'nej'
    ('yes'/'no'), not Python's 'True'/'False'; the codes (status, direction, class) stay
    the documented ids an e-diarium import maps, and JSON keeps its booleans."""
    return {**row, "secrecy": t("registry.yes" if row["secrecy"] else "registry.no", lang)}


@registry_app.command("export")
def export(
    ctx: typer.Context,
    fmt: str = typer.Option("csv", "--format", help="csv eller json / csv or json."),
    status: str = typer.Option(
        "open", "--status", help="open, registered eller all / which prompts."
    ),
) -> None:
    """Poster enligt OSL 5:2 för import i e-diariet / OSL 5:2 records for an e-diarium."""
    lang = state(ctx).lang
    if fmt not in ("csv", "json") or status not in _STATUSES:
        raise UsageError(t("registry.export.usage", lang))
    rows = [queue.export_row(v) for v in queue.prompts(open_context(ctx), _STATUSES[status])]
    if fmt == "json":
        print_json(rows)
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=queue.EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_csv_row(row, lang) for row in rows)
    sys.stdout.write(buffer.getvalue())
