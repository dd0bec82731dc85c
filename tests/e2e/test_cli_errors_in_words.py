"""An id that does not exist, a role that may not decide, a short password: the command line
answers in the user's language (Swedish by default, `--lang en`), with exit 2 or 5.

`registry show`, `retention approve`, `hold remove`, `audit prove` and `user add` answered in
English whatever the language ("registration prompt 99999 does not exist", "no retention
proposal '9999'", "the password must have at least 12 characters"). Real SQLite store, real
command line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from recordkeeper.cli import app
from tests.conftest import RULES_DIR

runner = CliRunner()


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    share = tmp_path / "share"
    (share / "P").mkdir(parents=True)
    path = tmp_path / "rk.toml"
    path.write_text(
        f'state_dir = "{tmp_path / "state"}"\n'
        f'database_url = "sqlite:///{tmp_path / "rk.db"}"\nrules_dir = "{RULES_DIR}"\n'
        f'[[roots]]\npath = "{share}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("RECORDKEEPER_CONFIG", str(path))
    assert runner.invoke(app, ["scan"]).exit_code == 0  # the store migrated, nothing in it
    return path


CASES = [
    (
        ["registry", "show", "99999"],
        2,
        "Registreringsförslag 99999 finns inte",
        "Registration prompt 99999 does not exist",
    ),
    (
        ["registry", "register", "99999", "--dnr", "2.4-12345/2025"],
        2,
        "Registreringsförslag 99999 finns inte",
        "Registration prompt 99999 does not exist",
    ),
    # it said '1 finns inte' (ack takes an alert's id, A1 as `registry list` shows it)
    (["registry", "ack", "1"], 2, "Larm A1 finns inte", "Alert A1 does not exist"),
    (["registry", "ack", "A7"], 2, "Larm A7 finns inte", "Alert A7 does not exist"),
    (["registry", "ack", "x"], 2, "Larm x finns inte", "Alert x does not exist"),
    (
        ["retention", "approve", "nope", "--role", "dpo"],
        2,
        "gallringsförslaget 'nope' finns inte",
        "no retention proposal 'nope'",
    ),
    (
        ["retention", "approve", "nope", "--role", "registrar"],
        5,
        "rollen 'registrar' får inte besluta om gallringsförslag",
        "role 'registrar' may not decide on retention proposals",
    ),
    (["hold", "remove", "nope"], 2, "ingen aktiv spärr 'nope'", "no active hold 'nope'"),
    (
        ["audit", "prove", "99999"],
        2,
        "post 99999 finns inte i granskningsloggen",
        "audit entry 99999 does not exist",
    ),
    (
        ["user", "add", "anna", "--role", "boss", "--no-password"],
        2,
        "okänd roll 'boss'",
        "unknown role 'boss'",
    ),
]


@pytest.mark.parametrize(("args", "status", "swedish", "english"), CASES)
def test_a_refused_command_says_why_in_the_users_language(
    config: Path, args: list[str], status: int, swedish: str, english: str
) -> None:
    sv = runner.invoke(app, args)
    assert (sv.exit_code, sv.stdout) == (status, "")
    assert swedish in sv.stderr, sv.stderr
    en = runner.invoke(app, ["--lang", "en", *args])
    assert en.exit_code == status
    assert english in en.stderr, en.stderr


def test_a_short_password_is_refused_in_swedish(config: Path) -> None:
    result = runner.invoke(
        app, ["user", "add", "anna", "--role", "dpo", "--password-stdin"], input="kort\n"
    )
    assert result.exit_code == 2
    assert "lösenordet måste ha minst 12 tecken" in result.stderr
