"""`recordkeeper rules ...`: validate rule files, export their JSON Schemas."""

from __future__ import annotations

from pathlib import Path

import typer

from recordkeeper import i18n
from recordkeeper.cli.common import print_json, state
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.ruleset.schema_export import write_schemas

rules_app = typer.Typer(help="Regelfiler / rule files.", no_args_is_help=True)


@rules_app.command("check")
def check(
    ctx: typer.Context,
    rules_dir: Path | None = typer.Argument(None, help="Rules directory (default: from config)."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Validate every rule file; each problem is reported with file, line and a message."""
    cli = state(ctx)
    directory = rules_dir or cli.settings().rules_dir
    loaded = load_ruleset(directory)  # raises RuleFileError (exit 2)
    if as_json:
        print_json({"ok": True, "files": list(loaded.files)})
    else:
        typer.echo(i18n.t("rules.ok", cli.lang, count=len(loaded.files)))


@rules_app.command("schema")
def schema(
    ctx: typer.Context,
    out_dir: Path | None = typer.Argument(
        None, help="Output directory (default: schema/ inside the rules directory)."
    ),
) -> None:
    """Write a JSON Schema per rule kind (<kind>.schema.json) for editors' autocompletion."""
    cli = state(ctx)
    directory = out_dir or cli.settings().rules_dir / "schema"
    for path in write_schemas(directory):
        typer.echo(str(path))
