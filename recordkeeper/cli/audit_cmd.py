"""`recordkeeper audit ...`: signed heads, verification, history, proofs, key, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from recordkeeper import i18n
from recordkeeper.bootstrap import audit_ports
from recordkeeper.cli.common import CliState, print_json, state
from recordkeeper.errors import AuditIntegrityError, NotFound, UsageError
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import audit as service
from recordkeeper.services.context import Context
from recordkeeper.store.unit import Store

audit_app = typer.Typer(
    help="Granskningslogg: signerade trädhuvuden, verifiering, bevis / audit log.",
    no_args_is_help=True,
)


def _context(cli: CliState) -> Context:
    """Store + audit ports; the audit commands need no rule files."""
    settings = cli.settings()
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=LoadedRules(by_kind={}, files=()), store=store)
    ctx.extras.update(audit_ports(settings, ctx.clock))
    return ctx


@audit_app.command("head")
def head(
    ctx: typer.Context,
    no_new: bool = typer.Option(
        False, "--no-new", help="Print the latest head without signing a new one."
    ),
) -> None:
    """Sign the current tree head (when the log grew) and print it as an anchor (JSON).

    Keep the output outside the system (mail it to the DPO, print it, copy it to
    another host); `audit verify --anchor FILE` checks the log against it later.
    """
    cli = state(ctx)
    context = _context(cli)
    try:
        found = service.latest_head(context) if no_new else service.make_tree_head(context)
    finally:
        context.store.close()
    if found is None:
        raise NotFound(i18n.t("audit.head.none", cli.lang))
    sys.stdout.write(json.dumps(found.anchor(), indent=2) + "\n")


def _read_anchor(path: Path) -> service.Anchor:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"anchor {path}: cannot read ({exc.strerror})") from exc
    try:
        return service.parse_anchor(text, path.name)
    except ValueError as exc:
        raise UsageError(f"anchor {path}: {exc}") from exc


@audit_app.command("verify")
def verify(
    ctx: typer.Context,
    anchors: list[Path] = typer.Option([], "--anchor", help="Anchor file from `audit head`."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Recompute the tree; check every head's signature and consistency, and the anchors.

    Exit status 4, with one line per problem (what and where), when the log was
    modified, entries deleted or reordered, the log truncated, or history forked.
    """
    cli = state(ctx)
    parsed = [_read_anchor(path) for path in anchors]
    context = _context(cli)
    try:
        report = service.verify_audit(context, parsed)
    finally:
        context.store.close()
    lines = report.lines(cli.lang)
    if as_json:
        print_json(
            {
                "ok": report.ok,
                "entries": report.entries,
                "heads": report.heads,
                "anchors": report.anchors,
                "root_hash": report.root.hex(),
                "uncovered": report.uncovered,
                "problems": [
                    {"kind": p.kind, "index": p.index, "message": line}
                    for p, line in zip(report.problems, lines, strict=True)
                ],
            }
        )
        if not report.ok:
            raise typer.Exit(AuditIntegrityError.exit_status)
        return
    if not report.ok:
        header = i18n.t("audit.verify.failed", cli.lang, count=len(lines))
        raise AuditIntegrityError("\n".join([header, *(f"- {line}" for line in lines)]))
    typer.echo(
        i18n.t(
            "audit.verify.ok",
            cli.lang,
            entries=report.entries,
            heads=report.heads,
            anchors=report.anchors,
            root=report.root.hex(),
        )
    )
    if report.uncovered:
        typer.echo(i18n.t("audit.verify.uncovered", cli.lang, count=report.uncovered))


@audit_app.command("show")
def show(
    ctx: typer.Context,
    document: str | None = typer.Option(None, "--document", help="Only this document's history."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the last N entries."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """List audit entries in order (a document's history with --document)."""
    cli = state(ctx)
    context = _context(cli)
    try:
        entries = service.show_entries(context, document, limit)
    finally:
        context.store.close()
    if as_json:
        print_json(entries)
        return
    if not entries:
        typer.echo(i18n.t("audit.show.none", cli.lang))
    for entry in entries:
        ids = " ".join(
            f"{key}={entry[key]}"
            for key in ("document_id", "project_id", "rule_id", "sha256")
            if key in entry
        )
        data = json.dumps(entry["data"], ensure_ascii=False) if "data" in entry else ""
        typer.echo(
            f"{entry.get('index')}\t{entry.get('at')}\t{entry.get('event')}\t"
            f"{entry.get('actor')}\t{ids} {data}".rstrip()
        )


@audit_app.command("prove")
def prove(
    ctx: typer.Context,
    entry: int = typer.Argument(..., min=0, help="Entry index."),
) -> None:
    """Print the inclusion proof (JSON) of an entry against the latest signed head."""
    cli = state(ctx)
    context = _context(cli)
    try:
        proof = service.prove_entry(context, entry)
    finally:
        context.store.close()
    print_json(proof.as_json())
    if not proof.verified:
        raise AuditIntegrityError(
            f"the inclusion proof of entry {entry} does not lead to the latest head; "
            "run `recordkeeper audit verify`"
        )


@audit_app.command("key")
def key(ctx: typer.Context) -> None:
    """Print the public key (PEM) that verifies the signed tree heads."""
    context = _context(state(ctx))
    context.store.close()
    sys.stdout.write(service.signer_of(context).public_pem())


@audit_app.command("export")
def export(
    ctx: typer.Context,
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default stdout)."),
) -> None:
    """Export the log as JSON lines, verifiable without recordkeeper.

    One {"index","leaf"} per entry (leaf = base64 of the exact bytes hashed), then
    one {"tree_size","root_hash","timestamp","signature","key_fingerprint"} per head.
    Verify with tools/verify_audit_export.py and the key from `audit key`.
    """
    context = _context(state(ctx))
    try:
        if output is None:
            for item in service.export_log(context):
                sys.stdout.write(json.dumps(item) + "\n")
            return
        with output.open("w", encoding="utf-8") as handle:
            for item in service.export_log(context):
                handle.write(json.dumps(item) + "\n")
    finally:
        context.store.close()
