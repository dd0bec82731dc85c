"""Shared CLI plumbing: global state, error mapping, JSON/table rendering."""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog
import typer
from typer._click.core import Context as ClickContext  # typer >= 0.29 vendors click
from typer._click.exceptions import ClickException
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from recordkeeper import i18n
from recordkeeper.cli import click_texts, help_texts
from recordkeeper.config import CONFIG_ENV, Settings, load_settings
from recordkeeper.errors import EXIT_INTERNAL, EXIT_OK, RecordkeeperError, UsageError

if TYPE_CHECKING:
    from recordkeeper.services.context import Context

log = structlog.get_logger(__name__)


@dataclass
class CliState:
    """Global options; settings are loaded lazily, once, on first use."""

    config_path: str | None = None
    lang_flag: str | None = None
    _settings: Settings | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        if self._settings is None:
            overrides: dict[str, Any] = {}
            if self.lang_flag:
                overrides["lang"] = self.lang_flag
            path = Path(self.config_path) if self.config_path else None
            self._settings = load_settings(path, overrides)
        return self._settings

    @property
    def lang(self) -> str:
        if self.lang_flag in i18n.LANGUAGES:
            return self.lang_flag
        try:
            return self.settings().lang
        except RecordkeeperError:
            return self._lang_hint()

    def _lang_hint(self) -> str:
        """The language the settings ask for even when they do not validate (a broken
        config's errors are then said in it): environment, else the file's `lang`."""
        wanted = os.environ.get("RECORDKEEPER_LANG")
        path = self.config_path or os.environ.get(CONFIG_ENV)
        if wanted is None and path:
            try:
                wanted = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("lang")
            except (OSError, ValueError):
                wanted = None
        return wanted if wanted in i18n.LANGUAGES else i18n.DEFAULT_LANG


# `ctx.meta` key of the root context: the `--lang` value as typed (`_lang_argument`)
_LANG_ARGUMENT = "recordkeeper.lang_argument"


def _lang_argument(args: list[str]) -> str | None:
    """The value of the global `--lang` among the arguments before the command name.

    Click runs eager options in the order they are typed, so `recordkeeper --help --lang
    en` printed the help before `--lang` was seen (in Swedish); `--lang en --help` in
    English. Read from the arguments, both follow `--lang`."""
    found: str | None = None
    rest = iter(args)
    for arg in rest:
        if arg == "--lang":
            found = next(rest, None)
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
        elif arg == "--config":
            next(rest, None)
        elif not arg.startswith("-"):
            break  # the command: what follows is its own
    return found


def help_lang(ctx: ClickContext) -> str:
    """The language of help and of Click's own messages: `--lang` wherever it stands
    among the global options, else the settings' language, else Swedish."""
    root = ctx.find_root()
    params = root.params
    flag = params.get("lang") or root.meta.get(_LANG_ARGUMENT)
    return CliState(config_path=params.get("config"), lang_flag=flag).lang


def quiet_broken_pipe() -> None:
    """The reader of stdout went away: what is left goes to /dev/null, so neither the
    command's next line nor the interpreter's last flush fails."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def state(ctx: typer.Context) -> CliState:
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


class RecordkeeperGroup(TyperGroup):
    """Maps our exception tree to one line on stderr and a documented exit status, and
    shows every command's help and Click's own messages in the user's language
    (cli/help_texts.py, cli/click_texts.py)."""

    context_class = click_texts.LocalizedContext

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        if ctx.parent is None:  # before --help, wherever it stands, prints anything
            ctx.meta[_LANG_ARGUMENT] = _lang_argument(args)
        try:
            return super().parse_args(ctx, args)
        except ClickUsageError as exc:  # `recordkeeper --nope`
            raise _said_in_users_lang(exc, ctx) from None

    def resolve_command(
        self, ctx: ClickContext, args: list[str]
    ) -> tuple[str | None, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:  # before its own parsing sees --help
            lang = help_lang(ctx)
            help_texts.localize(command, ctx, lang, name or "")
            help_texts.localize_library(lang)
        return name, command, rest

    def format_help(self, ctx: ClickContext, formatter: Any) -> None:
        lang = help_lang(ctx)
        help_texts.localize(self, ctx, lang)
        help_texts.localize_library(lang)
        super().format_help(ctx, formatter)

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:  # a command called wrongly: 'Missing option ...'
            raise _said_in_users_lang(exc, ctx) from None
        except (typer.Exit, typer.Abort, typer.TyperException, ClickException):
            raise
        except RecordkeeperError as exc:
            lang = ctx.obj.lang if isinstance(ctx.obj, CliState) else i18n.DEFAULT_LANG
            typer.echo(exc.in_lang(lang), err=True)
            raise typer.Exit(exc.exit_status) from None
        except BrokenPipeError:
            # `recordkeeper registry list | head`: the reader has what it wanted; this
            # said "internal error" and logged a traceback
            quiet_broken_pipe()
            raise typer.Exit(EXIT_OK) from None
        except Exception:
            event_id = uuid.uuid4().hex[:12]
            log.exception("internal_error", event_id=event_id)
            lang = ctx.obj.lang if isinstance(ctx.obj, CliState) else i18n.DEFAULT_LANG
            typer.echo(i18n.t("error.internal", lang, event_id=event_id), err=True)
            raise typer.Exit(EXIT_INTERNAL) from None


def _said_in_users_lang(exc: ClickUsageError, ctx: ClickContext) -> ClickUsageError:
    """Click's usage error in the user's language, its usage line and hint included."""
    lang = help_lang(ctx)
    help_texts.localize_library(lang)  # "Fel", "Skriv '... --help' för hjälp", "Användning:"
    if exc.ctx is not None:  # its usage line: "[FLAGGOR]" (`recordkeeper --nope`)
        click_texts.localize_usage(exc.ctx.command, lang)
    return click_texts.localized_error(exc, lang)


# C0/C1 control characters and the bidirectional marks and overrides: in a file name
# they would move the cursor, erase or colour a line, or reverse the text after them.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown_name(name: str) -> str:
    """A name from a share as the human-readable output shows it: its control and
    bidi characters as `\\xNN`/`\\uNNNN` (JSON output escapes them itself)."""
    return _UNSHOWABLE.sub(_escaped, name)


def stage_label(stage: str, lang: str) -> str:
    """A pipeline stage's name for people (`status`, `doctor`); an unknown one as it is."""
    from recordkeeper.services.stage_failures import label

    return label(stage, lang)


def class_label(
    names: Mapping[str, tuple[str, str]], doc_class: str | None, lang: str, *, with_id: bool = False
) -> str:
    """A document class for people: its name in the rule file ("Avtal (om ersättning,
    uppdrag)"), with its id in brackets where the reader may type it back
    (`registry reclassify --class`); an unknown class as its id."""
    if not doc_class:
        return ""
    found = names.get(doc_class)
    if found is None:
        return doc_class
    name = found[0] if lang == "sv" else found[1]
    return f"{name} [{doc_class}]" if with_id else name


def print_json(value: Any) -> None:
    """One JSON document on stdout (UTF-8, no ASCII escaping)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def print_json_line(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def require_paths(paths: list[Path], lang: str) -> None:
    """A path that does not exist is a usage error (exit 2)."""
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise UsageError(i18n.t("error.path_missing", lang, path=path))


def current_actor(as_user: str | None) -> str:
    """The user a command acts as: `--as`, else the operating-system user."""
    import getpass

    return as_user or getpass.getuser()


def open_context(ctx: typer.Context) -> Context:
    """Settings, validated rules, a migrated store and the audit key and personal-data vault
    (as the daemon has them), built once per command. Without the vault the registrar's
    commands and `recordkeeper web` showed no sender or recipient (they are sealed in it) and
    `registry export` gave the e-diarium records without them."""
    from recordkeeper.bootstrap import audit_ports
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services.context import Context
    from recordkeeper.store.unit import Store

    settings = state(ctx).settings()
    rules = load_ruleset(settings.rules_dir)
    store = Store(settings.database_url)
    store.migrate()
    ctx.call_on_close(store.close)
    context = Context(settings=settings, rules=rules, store=store)
    context.extras.update(audit_ports(settings, context.clock))
    return context
