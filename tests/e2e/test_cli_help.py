"""Every command's help is in Swedish by default and in English with `--lang en`.

`--help` was English for most commands ("Validate the config file and environment"),
and both languages at once for some ("Konfiguration / configuration."), whatever the
user's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.cli.help_texts import help_text

runner = CliRunner()


def _commands(command: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, f"{path} {name}".strip())


def test_every_command_and_parameter_has_help_in_swedish_and_english() -> None:
    missing = []
    for path, command in _commands(typer.main.get_command(app)):
        names: list[str | None] = [None, "help"]
        names += [p.name for p in command.params if not getattr(p, "hidden", False)]
        for name in names:
            sv, en = help_text(path, name, "sv"), help_text(path, name, "en")
            if not sv or not en or (name is None and sv == en):
                missing.append(f"{path or 'recordkeeper'}:{name}")
    assert missing == []


def test_help_is_swedish_by_default() -> None:
    result = runner.invoke(app, ["config", "check", "--help"])
    assert result.exit_code == 0
    assert "Kontrollera konfigurationsfilen och miljövariablerna" in result.stdout
    assert "Skriv ut de gällande inställningarna som JSON." in result.stdout
    assert "Visa den här hjälpen och avsluta." in result.stdout
    assert "Validate" not in result.stdout and "Show this message" not in result.stdout


def test_help_is_english_with_lang_en() -> None:
    result = runner.invoke(app, ["--lang", "en", "registry", "list", "--help"])
    assert result.exit_code == 0
    assert "Prompts by due date, overdue marked." in result.stdout
    assert "Only overdue prompts." in result.stdout
    assert "Handlingar" not in result.stdout


def test_the_commands_list_follows_the_language() -> None:
    sv = runner.invoke(app, ["--help"]).stdout
    en = runner.invoke(app, ["--lang", "en", "--help"]).stdout
    assert "Kontrollera installationen" in sv and "Kommandon" in sv
    assert "Check the installation" in en and "Commands" in en
    assert "Kontrollera installationen" not in en


@pytest.mark.parametrize(
    "args",
    [
        ["--help", "--lang", "en"],  # it was Swedish: --help ran before --lang was read
        ["--lang", "en", "--help"],
        ["--help", "--lang=en"],
        ["--config", "none.toml", "--help", "--lang", "en"],
    ],
)
def test_help_follows_lang_wherever_it_stands(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "registration, weeding and process checks" in result.stdout
    assert "Kommandon" not in result.stdout


def test_help_follows_the_configured_language(tmp_path: Path) -> None:
    config = tmp_path / "rk.toml"
    config.write_text('lang = "en"\n', encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "retention", "plan", "--help"])
    assert "Upcoming weeding and deletion deadlines, soonest first." in result.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], ["rk.toml rad 4: nyckeln 'ingest.workers': ska vara minst 1",
              "rk.toml rad 5: nyckeln 'ingest.colour': okänd nyckel"]),
        (["--lang", "en"], ["rk.toml line 4: key 'ingest.workers': must be at least 1",
                            "rk.toml line 5: key 'ingest.colour': unknown key"]),
    ],
)  # fmt: skip
def test_config_check_says_what_is_wrong_in_the_users_language(
    tmp_path: Path, args: list[str], said: list[str]
) -> None:
    """It said "key 'ingest.workers': Input should be greater than or equal to 1" in
    Swedish too."""
    config = tmp_path / "rk.toml"
    config.write_text('state_dir = "x"\n\n[ingest]\nworkers = 0\ncolour = 1\n', encoding="utf-8")
    result = runner.invoke(app, [*args, "--config", str(config), "config", "check"])
    assert result.exit_code == 2
    for text in said:
        assert text in result.stderr


def test_a_toml_syntax_error_is_said_in_swedish_with_line_and_column(tmp_path: Path) -> None:
    config = tmp_path / "rk.toml"
    config.write_text("database_url = \n", encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "config", "check"])
    assert result.exit_code == 2
    assert f"{config} rad 1, kolumn 16: ogiltig TOML-syntax" in result.stderr


CALLED_WRONGLY = [
    (
        ["registry", "register", "5"],
        ["Användning: recordkeeper registry register", "Skriv 'recordkeeper registry register "
         "--help' för hjälp.", "Fel", "Flaggan '--dnr' saknas."],
        ["Usage: recordkeeper registry register", "Try 'recordkeeper registry register --help' "
         "for help.", "Error", "Missing option '--dnr'."],
    ),
    (["registry", "register"], ["Argumentet 'ID' saknas."], ["Missing argument 'ID'."]),
    (["--nope"], ["Användning: recordkeeper [FLAGGOR] KOMMANDO", "Flaggan --nope finns inte"],
     ["Usage: recordkeeper [OPTIONS] COMMAND", "No such option: --nope"]),
    (["registry", "list", "--nope"], ["Flaggan --nope finns inte"], ["No such option: --nope"]),
    (["registy"], ["Kommandot 'registy' finns inte. Menade du 'registry'?"],
     ["No such command 'registy'. Did you mean 'registry'?"]),
    (["registry", "show", "abc"], ["Ogiltigt värde för 'ID': ska vara ett heltal"],
     ["Invalid value for 'ID': Input should be a valid integer"]),
    (["registry", "list", "extra"], ["Oväntade argument (extra)"],
     ["Got unexpected extra argument(s) (extra)"]),
    (["registry", "register", "5", "--dnr"], ["Flaggan '--dnr' kräver ett värde."],
     ["Option '--dnr' requires an argument."]),
]  # fmt: skip


@pytest.mark.parametrize(("args", "swedish", "english"), CALLED_WRONGLY)
def test_a_command_called_wrongly_is_told_in_the_users_language(
    args: list[str], swedish: list[str], english: list[str]
) -> None:
    sv = runner.invoke(app, args, prog_name="recordkeeper")
    assert sv.exit_code == 2
    assert all(text in sv.stderr for text in swedish), sv.stderr
    assert "Usage:" not in sv.stderr and "Error" not in sv.stderr
    en = runner.invoke(app, ["--lang", "en", *args], prog_name="recordkeeper")
    assert en.exit_code == 2
    assert all(text in en.stderr for text in english), en.stderr


def test_the_usage_line_of_help_follows_the_language() -> None:
    sv = runner.invoke(app, ["registry", "list", "--help"], prog_name="recordkeeper").stdout
    assert "Användning: recordkeeper registry list [FLAGGOR]" in sv
    top = runner.invoke(app, ["--help"], prog_name="recordkeeper").stdout
    assert "Användning: recordkeeper [FLAGGOR] KOMMANDO [ARGUMENT]..." in top
    en = runner.invoke(app, ["--lang", "en", "registry", "list", "--help"], prog_name="rk").stdout
    assert "Usage: rk registry list [OPTIONS]" in en
