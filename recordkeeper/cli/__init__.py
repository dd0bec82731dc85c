"""SHELL: the `recordkeeper` command. Parse, load settings, call one service, render.

Exit statuses (also in README and `--help`):
  0 ran (findings and unreadable files are output, not failure)
  1 internal error            2 usage, config or rule files invalid
  3 database unavailable      4 audit log integrity failure
  5 refused (a decision is required)

Each command group lives in its own module and is added below with one line
of `COMMANDS`. The modules are imported when the app is built, not when this
package is: `recordkeeper check ...` builds an app holding only `check` (a
command's start-up time is part of its speed; the other groups pull in the web
server, the sample builders, the audit bootstrap...). `app` (tests, `--help`,
every other command) is the whole app, built on first use.
"""

from __future__ import annotations

import sys
from importlib import import_module

import typer

from recordkeeper import __version__, logs
from recordkeeper.cli.common import CliState, RecordkeeperGroup, quiet_broken_pipe

HELP = """recordkeeper: diarieföring, gallring och processkontroll för FMB-projekt.

Records compliance for FMB project folders.

Exit status: 0 ok, 1 internal error, 2 usage/config/rules, 3 database,
4 audit integrity, 5 refused (decision required).
"""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recordkeeper {__version__}")
        raise typer.Exit(0)


def _global(
    ctx: typer.Context,
    config: str | None = typer.Option(
        None, "--config", envvar="RECORDKEEPER_CONFIG", help="Config file (TOML)."
    ),
    lang: str | None = typer.Option(
        None, "--lang", is_eager=True, help="Language of messages and help: sv or en."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    # Warnings and errors only, as JSON lines on stderr: stdout is the commands' output
    # (JSON with --json), and structlog's default renderer would print there, tracebacks
    # with their local variables (file text, names) included. `run` and `web` set the
    # configured level.
    logs.configure("warning")
    ctx.obj = CliState(config_path=config, lang_flag=lang)


# (name, module, attribute, kind): "group" is added with add_typer (name None: its
# commands are top-level), "command" is one top-level command. Order = help order.
COMMANDS: tuple[tuple[str | None, str, str, str], ...] = (
    ("config", "recordkeeper.cli.config_cmd", "config_app", "group"),
    (None, "recordkeeper.cli.doctor_cmd", "doctor_app", "group"),  # doctor
    ("rules", "recordkeeper.cli.rules_cmd", "rules_app", "group"),
    ("demo-share", "recordkeeper.cli.demo_cmd", "demo_share", "command"),
    ("retention", "recordkeeper.cli.retention_cmd", "retention_app", "group"),
    ("hold", "recordkeeper.cli.retention_cmd", "hold_app", "group"),
    ("project", "recordkeeper.cli.retention_cmd", "project_app", "group"),
    ("dpo", "recordkeeper.cli.retention_cmd", "dpo_app", "group"),
    ("privacy", "recordkeeper.cli.retention_cmd", "privacy_app", "group"),
    (None, "recordkeeper.cli.ingest_cmd", "ingest_app", "group"),  # run, scan, status, files
    ("classify", "recordkeeper.cli.classify_cmd", "classify", "command"),
    ("user", "recordkeeper.cli.web_cmd", "user_app", "group"),
    ("web", "recordkeeper.cli.web_cmd", "web", "command"),
    ("registry", "recordkeeper.cli.registry_cmd", "registry_app", "group"),
    ("check", "recordkeeper.cli.check_cmd", "check", "command"),
    ("audit", "recordkeeper.cli.audit_cmd", "audit_app", "group"),
)
# global options that take a value (to find the command name in argv)
_VALUE_OPTIONS = frozenset({"--config", "--lang"})


def build_app(only: str | None = None) -> typer.Typer:
    """The command-line app: every command, or only the top-level command `only`."""
    built = typer.Typer(
        cls=RecordkeeperGroup,
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    built.callback()(_global)
    for name, module, attribute, kind in COMMANDS:
        if only is not None and (kind != "command" or name != only):
            continue
        target = getattr(import_module(module), attribute)
        if kind == "command":
            built.command(name)(target)
        elif name is None:
            built.add_typer(target)
        else:
            built.add_typer(target, name=name)
    return built


_FULL: list[typer.Typer] = []


def __getattr__(name: str) -> typer.Typer:
    """`recordkeeper.cli.app`: the whole app, built once on first use."""
    if name != "app":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not _FULL:
        _FULL.append(build_app())
    return _FULL[0]


def _command_name(args: list[str]) -> str | None:
    """The first argument that is not a global option (or an option's value)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    """Console entry point: a plain top-level command gets an app of its own."""
    name = _command_name(sys.argv[1:])
    plain = {n for n, _, _, kind in COMMANDS if kind == "command"}
    try:
        (build_app(name) if name in plain else __getattr__("app"))()
    finally:
        try:  # JSON output is written unflushed; a reader gone by now is no error
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_broken_pipe()
