"""`recordkeeper config ...`: inspect and validate settings."""

from __future__ import annotations

import typer

from recordkeeper import i18n
from recordkeeper.cli.common import print_json, state

config_app = typer.Typer(help="Konfiguration / configuration.", no_args_is_help=True)


@config_app.command("check")
def check(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the effective settings as JSON."),
) -> None:
    """Validate the config file and environment; report invalid keys with file and line."""
    cli = state(ctx)
    settings = cli.settings()  # raises ConfigError (exit 2) with file and line
    if as_json:
        print_json({"ok": True, "settings": settings.model_dump(mode="json")})
    else:
        typer.echo(i18n.t("config.ok", cli.lang))
