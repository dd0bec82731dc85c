"""`recordkeeper run | scan | status | files`: the daemon and ingest's read commands.

Each command loads settings, builds the context, calls one service and
renders its result as text (Swedish by default) or `--json`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from recordkeeper import i18n, logs
from recordkeeper.bootstrap import build_context, open_extractor
from recordkeeper.cli.common import print_json, require_paths, shown_name, stage_label, state
from recordkeeper.services import ingest as ingest_service
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import Progress as ProgressFn
from recordkeeper.services.pipeline import worker_analyzer
from recordkeeper.services.stage_failures import recent_days as summary_days

ingest_app = typer.Typer()

i18n.register(
    {
        "scan.progress": {"sv": "Läser {root}", "en": "Reading {root}"},
        "scan.summary": {
            "sv": "{root}: {seen} filer, {unchanged} oförändrade, {ignored} ignorerade, "
            "{pending} väntar (skrivs eller är låsta)",
            "en": "{root}: {seen} files, {unchanged} unchanged, {ignored} ignored, "
            "{pending} waiting (being written or locked)",
        },
        "scan.changes": {"sv": "  ändringar: {changes}", "en": "  changes: {changes}"},
        "scan.errors": {
            "sv": "  kunde inte läsas: {errors}",
            "en": "  could not be read: {errors}",
        },
        "scan.folders": {
            "sv": "  mappar som inte kunde listas: {folders}",
            "en": "  folders that could not be listed: {folders}",
        },
        "change.new": {"sv": "ny", "en": "new"},
        "change.new_version": {"sv": "ny version", "en": "new version"},
        "change.moved": {"sv": "flyttad", "en": "moved"},
        "change.gone": {"sv": "borttagen", "en": "gone"},
        "change.copied": {"sv": "kopia", "en": "copy"},
        "change.returned": {"sv": "återkommen", "en": "returned"},
        "change.unreadable": {"sv": "oläsbar", "en": "unreadable"},
        "state.present": {"sv": "finns", "en": "present"},
        "state.gone": {"sv": "borttagen", "en": "gone"},
        "state.ignored": {"sv": "ignorerad", "en": "ignored"},
        "state.quarantined": {"sv": "i karantän (gallras)", "en": "quarantined (being weeded)"},
        "state.destroyed": {"sv": "gallrad", "en": "weeded"},
        "col.days": {"sv": "per dag, senaste veckan", "en": "by day, last week"},
        "status.documents": {"sv": "Dokument per tillstånd", "en": "Documents by state"},
        "status.errors": {"sv": "Fel per orsak", "en": "Errors by reason"},
        "status.last_scans": {"sv": "Senaste genomsökning", "en": "Last scan"},
        "status.queue": {"sv": "Kö: {queue}", "en": "Queue: {queue}"},
        "status.queue_unknown": {
            "sv": "Kö: okänd (tjänsten körs inte)",
            "en": "Queue: unknown (the service is not running)",
        },
        "status.none": {"sv": "(inga)", "en": "(none)"},
        "status.stage_failures": {
            "sv": "Fel i stegen efter inläsning (försöks igen automatiskt)",
            "en": "Failures in the stages after ingest (tried again automatically)",
        },
        "status.unprompted": {
            "sv": "Versioner som ska diarieföras men ännu saknar fråga till registrator: {count}",
            "en": "Versions to be registered still without a prompt to the registrar: {count}",
        },
        "col.stage": {"sv": "steg", "en": "stage"},
        "col.first": {"sv": "första", "en": "first"},
        "col.last": {"sv": "senaste", "en": "last"},
        "col.error": {"sv": "fel", "en": "error"},
        "col.state": {"sv": "tillstånd", "en": "state"},
        "col.count": {"sv": "antal", "en": "count"},
        "col.reason": {"sv": "orsak", "en": "reason"},
        "col.root": {"sv": "rot", "en": "root"},
        "col.at": {"sv": "tid", "en": "at"},
        "col.files": {"sv": "filer", "en": "files"},
        "col.id": {"sv": "id", "en": "id"},
        "col.project": {"sv": "projekt", "en": "project"},
        "col.path": {"sv": "sökväg", "en": "path"},
        "col.size": {"sv": "storlek", "en": "size"},
        "col.problem": {"sv": "problem", "en": "problem"},
        "files.none": {"sv": "Inga filer.", "en": "No files."},
        "folder.reason": {"sv": "mapp: {reason}", "en": "folder: {reason}"},
    }
)


def _context(ctx: typer.Context) -> Context:
    # one-shot commands log warnings and errors only, as JSON lines on stderr (stdout is output)
    logs.configure("warning")
    return build_context(state(ctx).settings())


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _reason_text(reason: str, lang: str) -> str:
    if reason.startswith("folder_"):
        inner = reason.removeprefix("folder_")
        return i18n.t("folder.reason", lang, reason=i18n.t(f"unreadable.{inner}", lang))
    return i18n.t(f"unreadable.{reason}", lang)


def _counts_text(counts: dict[str, int], prefix: str, lang: str) -> str:
    def label(key: str) -> str:
        return (
            _reason_text(key, lang) if prefix == "unreadable" else i18n.t(f"{prefix}.{key}", lang)
        )

    return ", ".join(f"{label(k)} {v}" for k, v in sorted(counts.items()))


@contextmanager
def _progress_bar(enabled: bool, label: str) -> Iterator[ProgressFn | None]:
    """A rich progress bar on a terminal; nothing at all otherwise (pipes, CI, --json)."""
    if not enabled:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        transient=True,
    ) as bar:  # fmt: skip
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@ingest_app.command("scan")
def scan(
    ctx: typer.Context,
    roots: list[Path] | None = typer.Argument(None, help="Roots to scan (default: from config)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Gå igenom rotmapparna en gång / one ingest pass over the roots."""
    cli = state(ctx)
    require_paths(list(roots or []), cli.lang)
    context = _context(ctx)
    extractor = open_extractor(context.settings, worker_analyzer(context))
    try:
        reports = []
        for root in ingest_service.resolve_roots(context.settings, list(roots or [])):
            show = sys.stdout.isatty() and not as_json
            with _progress_bar(show, i18n.t("scan.progress", cli.lang, root=root.key)) as bar:
                ingestor = ingest_service.RootIngestor(context, root, extractor)
                reports.append(ingestor.scan(progress=bar))
    finally:
        extractor.close()
        context.store.close()
    if as_json:
        print_json({"roots": [r.as_dict() for r in reports]})
        return
    for report in reports:
        data = report.as_dict()
        typer.echo(i18n.t("scan.summary", cli.lang, **data))
        if data["changes"]:
            typer.echo(
                i18n.t(
                    "scan.changes",
                    cli.lang,
                    changes=_counts_text(data["changes"], "change", cli.lang),
                )
            )
        if data["errors"]:
            typer.echo(
                i18n.t(
                    "scan.errors",
                    cli.lang,
                    errors=_counts_text(data["errors"], "unreadable", cli.lang),
                )
            )
        if data["unlisted_dirs"]:
            folders = _counts_text(data["unlisted_dirs"], "unreadable", cli.lang)
            typer.echo(i18n.t("scan.folders", cli.lang, folders=folders))


@ingest_app.command("status")
def status(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Läget: dokument per tillstånd, fel, senaste genomsökning, kö / ingest status."""
    cli = state(ctx)
    context = _context(ctx)
    try:
        result = ingest_service.status(context)
    finally:
        context.store.close()
    if as_json:
        print_json(result.as_dict())
        return
    console = Console(highlight=False, width=200 if not sys.stdout.isatty() else None)
    lang = cli.lang
    docs = Table(title=i18n.t("status.documents", lang))
    docs.add_column(i18n.t("col.state", lang))
    docs.add_column(i18n.t("col.count", lang), justify="right")
    for key, count in sorted(result.documents.items()):
        docs.add_row(i18n.t(f"state.{key}", lang), str(count))
    console.print(docs)
    errors = Table(title=i18n.t("status.errors", lang))
    errors.add_column(i18n.t("col.reason", lang))
    errors.add_column(i18n.t("col.count", lang), justify="right")
    for key, count in sorted(result.errors.items()):
        errors.add_row(_reason_text(key, lang), str(count))
    console.print(
        errors
        if result.errors
        else f"{i18n.t('status.errors', lang)}: {i18n.t('status.none', lang)}"
    )
    scans = Table(title=i18n.t("status.last_scans", lang))
    for col in ("col.root", "col.at", "col.files"):
        scans.add_column(i18n.t(col, lang))
    for root, info in sorted(result.last_scans.items()):
        scans.add_row(root, str(info.get("at", "")), str(info.get("seen", "")))
    console.print(scans)
    if result.queue is None:
        console.print(i18n.t("status.queue_unknown", lang))
    else:
        console.print(i18n.t("status.queue", lang, queue=result.queue))
    _print_stage_failures(console, result, lang, context.clock.now())


def _print_stage_failures(console: Console, result: Any, lang: str, now: datetime) -> None:
    """The stages' failures (only when there were any) and the versions still unprompted."""
    if result.stage_failures:
        table = Table(title=i18n.t("status.stage_failures", lang))
        for col in ("col.stage", "col.count", "col.first", "col.last", "col.days", "col.error"):
            table.add_column(i18n.t(col, lang))
        week = summary_days(result.stage_failures, now)
        for stage, seen in sorted(result.stage_failures.items()):
            row = [str(seen.get(k, "")) for k in ("count", "first_at", "last_at")]
            days = "\n".join(f"{day}: {n}" for day, n in week.get(stage, ())) or "–"
            table.add_row(stage_label(stage, lang), *row, days, str(seen.get("error", "")))
        console.print(table)
    if result.registration_unprompted:
        console.print(i18n.t("status.unprompted", lang, count=result.registration_unprompted))


def _listing_dict(item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "root": item.root,
        "path": item.path,
        "project": item.project,
        "state": item.state,
        "sha256": item.sha256,
        "size": item.size,
        "error": item.error_reason,
        "versions": item.versions,
        "copy_of": item.copy_of,
        "first_seen_at": _iso(item.first_seen_at),
        "last_seen_at": _iso(item.last_seen_at),
        "gone_at": _iso(item.gone_at),
    }


@ingest_app.command("files")
def files(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
    errors: bool = typer.Option(False, "--errors", help="Only files that could not be read."),
) -> None:
    """Spårade filer / tracked files (with --errors: only those that could not be read)."""
    cli = state(ctx)
    context = _context(ctx)
    try:
        items = ingest_service.list_files(context, errors_only=errors)
    finally:
        context.store.close()
    if as_json:
        print_json({"files": [_listing_dict(i) for i in items]})
        return
    lang = cli.lang
    if not items:
        typer.echo(i18n.t("files.none", lang))
        return
    table = Table()
    for col in ("col.id", "col.state", "col.project", "col.path", "col.size", "col.problem"):
        table.add_column(i18n.t(col, lang))
    for item in items:
        table.add_row(
            item.id[:12],
            i18n.t(f"state.{item.state}", lang),
            Text(shown_name(item.project or "")),  # a Text: no console markup in names
            Text(shown_name(item.path)),
            "" if item.size is None else str(item.size),
            _reason_text(item.error_reason, lang) if item.error_reason else "",
        )
    Console(highlight=False, width=200 if not sys.stdout.isatty() else None).print(table)


@ingest_app.command("run")
def run(ctx: typer.Context) -> None:
    """Kör tjänsten: bevaka, läs in, klassificera / run the daemon (JSON log lines on stderr)."""
    from recordkeeper.daemon import run_daemon

    raise typer.Exit(run_daemon(state(ctx).settings()))
