"""Click's own words in the user's language: "Usage:" and the messages of a command
called wrongly ("Missing option '--dnr'.", "No such option: --x", ...).

Typer >= 0.29 vendors Click without its gettext calls (`typer._click`), so there is no
catalogue to hook: the usage line gets its prefix from a formatter of ours (set on
every command by `help_texts.localize`), and a Click usage error is said again in
Swedish at the command group's border (`common.RecordkeeperGroup`) from the
English sentence Click built, which these patterns read. A sentence they do not know
stays Click's English; English users get Click's texts unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from typer._click.core import Context as ClickContext
from typer._click.exceptions import NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer._click.formatting import HelpFormatter

USAGE_PREFIX = {"sv": "Användning: ", "en": "Usage: "}
_shown_lang = ["sv"]  # the usage prefix's language; set with the help's (`use_lang`)


def use_lang(lang: str) -> None:
    """Say the usage line's prefix in `lang` from now on (as the help's panel titles)."""
    _shown_lang[0] = lang if lang in USAGE_PREFIX else "sv"


# the usage line's placeholders, named as the help's panels are ("Flaggor", "Kommandon")
USAGE_METAVARS = {
    "sv": ("[FLAGGOR]", "KOMMANDO [ARGUMENT]..."),
    "en": ("[OPTIONS]", "COMMAND [ARGS]..."),
}


def localize_usage(command: object, lang: str) -> None:
    """Put `lang`'s placeholders in `command`'s usage line, in place."""
    options, subcommand = USAGE_METAVARS.get(lang, USAGE_METAVARS["sv"])
    if getattr(command, "options_metavar", None):
        command.options_metavar = options  # type: ignore[attr-defined]
    if getattr(command, "subcommand_metavar", None):
        command.subcommand_metavar = subcommand  # type: ignore[attr-defined]


class LocalizedFormatter(HelpFormatter):
    """Click's help formatter with the usage prefix in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        shown = USAGE_PREFIX[_shown_lang[0]] if prefix is None else prefix
        super().write_usage(prog, args, shown)


class LocalizedContext(ClickContext):
    """Click's context, formatting usage and help with `LocalizedFormatter`."""

    formatter_class = LocalizedFormatter


# (Click's English sentence, its Swedish); a group's text is kept as Click wrote it
_Table = tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...]

_SWEDISH: _Table = (
    (
        re.compile(r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<options>.*)\))?"),
        lambda m: (
            f"Flaggan {m['name']} finns inte"
            + (f" (möjliga flaggor: {m['options']})" if m["options"] else "")
        ),
    ),
    (
        re.compile(r"No such command (?P<name>'.*?')\.(?: Did you mean (?P<options>.*)\?)?"),
        lambda m: (
            f"Kommandot {m['name']} finns inte."
            + (f" Menade du {m['options']}?" if m["options"] else "")
        ),
    ),
    (re.compile(r"Missing command\."), lambda m: "Ange ett kommando."),
    (
        re.compile(r"Missing option (?P<name>.+?)\.(?P<rest> .*)?", re.DOTALL),
        lambda m: f"Flaggan {m['name']} saknas.{m['rest'] or ''}",
    ),
    (
        re.compile(r"Missing argument (?P<name>.+?)\.(?P<rest> .*)?", re.DOTALL),
        lambda m: f"Argumentet {m['name']} saknas.{m['rest'] or ''}",
    ),
    (
        re.compile(r"Invalid value for (?P<name>.+?): (?P<rest>.*)", re.DOTALL),
        lambda m: f"Ogiltigt värde för {m['name']}: {_value_error(m['rest'])}",
    ),
    (
        re.compile(r"Invalid value: (?P<rest>.*)", re.DOTALL),
        lambda m: f"Ogiltigt värde: {_value_error(m['rest'])}",
    ),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", re.DOTALL),
        lambda m: f"Oväntade argument ({m['args']})",
    ),
    (
        re.compile(r"Option (?P<name>'.*?') requires an argument\."),
        lambda m: f"Flaggan {m['name']} kräver ett värde.",
    ),
    (
        re.compile(r"Option (?P<name>'.*?') requires (?P<count>\d+) arguments\."),
        lambda m: f"Flaggan {m['name']} kräver {m['count']} värden.",
    ),
    (
        re.compile(r"Option (?P<name>'.*?') does not take a value\."),
        lambda m: f"Flaggan {m['name']} tar inget värde.",
    ),
)

# why a value was refused (pydantic's and Click's sentences behind "Invalid value for")
_VALUE_ERRORS: _Table = (
    (
        re.compile(r"Input should be a valid integer.*", re.DOTALL),
        lambda m: "ska vara ett heltal",
    ),
    (
        re.compile(r"Input should be a valid number.*", re.DOTALL),
        lambda m: "ska vara ett tal",
    ),
    (
        re.compile(r"Input should be a valid boolean.*", re.DOTALL),
        lambda m: "ska vara sant eller falskt",
    ),
    (
        re.compile(r"(?P<value>.*) is not one of (?P<choices>.*)\.", re.DOTALL),
        lambda m: f"{m['value']} är inte något av {m['choices']}.",
    ),
    (
        re.compile(r"Value (?P<value>.*) is not a valid (?P<label>.*)\.", re.DOTALL),
        lambda m: f"värdet {m['value']} är inte giltigt ({m['label']}).",
    ),
)


def _said(text: str, table: _Table) -> str | None:
    for pattern, swedish in table:
        found = pattern.fullmatch(text)
        if found is not None:
            return swedish(found)
    return None


def _value_error(text: str) -> str:
    return _said(text, _VALUE_ERRORS) or text


def swedish(message: str) -> str | None:
    """Click's English usage message in Swedish, or None for one these patterns lack."""
    return _said(message, _SWEDISH)


def localized_error(exc: ClickUsageError, lang: str) -> ClickUsageError:
    """`exc` said in `lang`: a new usage error with the same context and exit status
    (Click prints it with its usage line and help hint), or `exc` itself."""
    if lang != "sv" or isinstance(exc, NoArgsIsHelpError):
        return exc
    text = swedish(exc.format_message())
    if text is None:
        return exc
    said = ClickUsageError(text, exc.ctx)
    said.exit_code = exc.exit_code
    return said
