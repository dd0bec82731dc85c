"""The command line: version, config check, rules check, exit codes."""

from pathlib import Path

from typer.testing import CliRunner

from recordkeeper import __version__
from recordkeeper.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_config_check_reports_bad_key_with_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "rk.toml"
    config.write_text('lang = "sv"\n\n[ingest]\nworkers = 0\n', encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "config", "check"])
    assert result.exit_code == 2
    assert f"{config} rad 4" in result.stderr  # the file says lang = "sv"
    assert "ingest.workers" in result.stderr


def test_config_check_accepts_the_example_file() -> None:
    example = Path(__file__).resolve().parents[2] / "config" / "recordkeeper.example.toml"
    result = runner.invoke(app, ["--config", str(example), "config", "check"])
    assert result.exit_code == 0, result.stderr


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "rk.toml"
    config.write_text("[ingest]\nworkers = 3\n", encoding="utf-8")
    monkeypatch.setenv("RECORDKEEPER_INGEST__WORKERS", "5")
    result = runner.invoke(app, ["--config", str(config), "config", "check", "--json"])
    assert result.exit_code == 0
    assert '"workers": 5' in result.stdout


def test_rules_check_fails_with_exit_2_on_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "classes.yaml").write_text("kind: classes\nclasses: 7\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "check", str(tmp_path)])
    assert result.exit_code == 2
    assert "classes.yaml line 2" in result.stderr
