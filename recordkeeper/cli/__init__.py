"""SHELL: the `recordkeeper` command. Parse, load settings, call one service, render.

Exit statuses (also in README and `--help`):
  0 ran (findings and unreadable files are output, not failure)
  1 internal error            2 usage, config or rule files invalid
  3 database unavailable      4 audit log integrity failure
  5 refused (a decision is required)

Each command group lives in its own module and is added below with one line.
"""

from __future__ import annotations

import typer

from recordkeeper import __version__
from recordkeeper.cli.audit_cmd import audit_app
from recordkeeper.cli.check_cmd import check as check_command
from recordkeeper.cli.classify_cmd import classify
from recordkeeper.cli.common import CliState, RecordkeeperGroup
from recordkeeper.cli.config_cmd import config_app
from recordkeeper.cli.demo_cmd import demo_share
from recordkeeper.cli.doctor_cmd import doctor_app
from recordkeeper.cli.ingest_cmd import ingest_app
from recordkeeper.cli.registry_cmd import registry_app
from recordkeeper.cli.retention_cmd import (
    dpo_app,
    hold_app,
    privacy_app,
    project_app,
    retention_app,
)
from recordkeeper.cli.rules_cmd import rules_app
from recordkeeper.cli.web_cmd import user_app, web

HELP = """recordkeeper: diarieföring, gallring och processkontroll för FMB-projekt.

Records compliance for FMB project folders.

Exit status: 0 ok, 1 internal error, 2 usage/config/rules, 3 database,
4 audit integrity, 5 refused (decision required).
"""

app = typer.Typer(
    cls=RecordkeeperGroup,
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recordkeeper {__version__}")
        raise typer.Exit(0)


@app.callback()
def _global(
    ctx: typer.Context,
    config: str | None = typer.Option(
        None, "--config", envvar="RECORDKEEPER_CONFIG", help="Config file (TOML)."
    ),
    lang: str | None = typer.Option(None, "--lang", help="Language of messages: sv or en."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    ctx.obj = CliState(config_path=config, lang_flag=lang)


app.add_typer(config_app, name="config")
app.add_typer(doctor_app)  # doctor (top-level command)
app.add_typer(rules_app, name="rules")
app.command("demo-share")(demo_share)
app.add_typer(retention_app, name="retention")
app.add_typer(hold_app, name="hold")
app.add_typer(project_app, name="project")
app.add_typer(dpo_app, name="dpo")
app.add_typer(privacy_app, name="privacy")
app.add_typer(ingest_app)  # run, scan, status, files (top-level commands)
app.command("classify")(classify)
app.add_typer(user_app, name="user")
app.command("web")(web)
app.add_typer(registry_app, name="registry")
app.command("check")(check_command)
app.add_typer(audit_app, name="audit")


def main() -> None:
    """Console entry point."""
    app()
