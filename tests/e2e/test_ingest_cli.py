"""`recordkeeper scan | status | files` through the real command line (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recordkeeper.cli import app

runner = CliRunner()


@pytest.fixture
def config(tmp_path: Path, share: Path) -> Path:
    path = tmp_path / "rk.toml"
    path.write_text(
        f'database_url = "sqlite:///{tmp_path}/rk.db"\n[[roots]]\npath = "{share}"\n',
        encoding="utf-8",
    )
    return path


def rk(config: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--config", str(config), *args])
    return result.exit_code, result.stdout, result.stderr


def test_scan_json_reports_new_files_then_nothing_on_rescan(config: Path, share: Path) -> None:
    (share / "P").mkdir()
    (share / "P" / "a.txt").write_text("a")
    (share / "P" / "Thumbs.db").write_text("junk")
    code, out, _ = rk(config, "scan", "--json")
    assert code == 0
    (root,) = json.loads(out)["roots"]
    assert (root["seen"], root["ignored"], root["changes"]) == (1, 1, {"new": 1})
    code, out, _ = rk(config, "scan", "--json")
    (root,) = json.loads(out)["roots"]
    assert (root["unchanged"], root["changes"]) == (1, {})


def test_status_json_counts_states_and_errors(config: Path, share: Path) -> None:
    (share / "P").mkdir()
    (share / "P" / "a.txt").write_text("a")
    (share / "P" / "empty.txt").write_text("")
    (share / "gone.txt").write_text("g")
    rk(config, "scan")
    (share / "gone.txt").unlink()
    rk(config, "scan")
    code, out, _ = rk(config, "status", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["documents"] == {"present": 2, "gone": 1}
    assert data["errors"] == {"empty": 1}
    assert data["queue"] is None
    (last,) = data["last_scans"].values()
    assert last["seen"] == 2


def test_files_json_and_errors_filter(config: Path, share: Path) -> None:
    (share / "P").mkdir()
    (share / "P" / "a.txt").write_text("a")
    (share / "P" / "empty.txt").write_text("")
    rk(config, "scan")
    code, out, _ = rk(config, "files", "--json")
    assert code == 0
    files = json.loads(out)["files"]
    assert [f["path"] for f in files] == ["P/a.txt", "P/empty.txt"]
    assert files[0]["project"] == "P"
    assert files[0]["first_seen_at"].endswith("+00:00")
    code, out, _ = rk(config, "files", "--json", "--errors")
    assert [(f["path"], f["error"]) for f in json.loads(out)["files"]] == [("P/empty.txt", "empty")]


def test_readable_output_is_swedish_by_default_and_english_on_request(
    config: Path, share: Path
) -> None:
    (share / "empty.txt").write_text("")
    _, out_sv, _ = rk(config, "scan")
    assert "1 filer" in out_sv and "filen är tom" in out_sv
    _, out_en, _ = rk(config, "--lang", "en", "files", "--errors")
    assert "the file is empty" in out_en
    _, status_en, _ = rk(config, "--lang", "en", "status")
    assert "Documents by state" in status_en


def test_scan_of_an_explicit_root(config: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("x")
    code, out, _ = rk(config, "scan", "--json", str(other))
    assert code == 0
    (root,) = json.loads(out)["roots"]
    assert root["root"] == str(other.resolve())
    assert root["changes"] == {"new": 1}


def test_scan_of_a_missing_root_is_a_usage_error(config: Path, tmp_path: Path) -> None:
    code, _, err = rk(config, "scan", str(tmp_path / "nope"))
    assert code == 2
    assert "nope" in err


def test_commands_work_with_no_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "var" / "share" / "P").mkdir(parents=True)
    (tmp_path / "var" / "share" / "P" / "a.txt").write_text("a")
    result = runner.invoke(app, ["scan", "--json"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "var" / "recordkeeper.db").exists()
    status = runner.invoke(app, ["status", "--json"])
    assert json.loads(status.stdout)["documents"] == {"present": 1}
    files = runner.invoke(app, ["files", "--json"])
    assert [f["path"] for f in json.loads(files.stdout)["files"]] == ["P/a.txt"]


def test_json_output_has_no_log_lines_mixed_in(config: Path, share: Path) -> None:
    (share / "a.txt").write_text("a")
    _, out, _ = rk(config, "scan", "--json")
    json.loads(out)  # the whole stdout is one JSON document


def test_names_are_shown_as_they_are_not_as_terminal_codes_or_markup(
    config: Path, share: Path
) -> None:
    """A file name holding an escape sequence (erase the line) or console markup is
    shown with the control character escaped and the brackets as they are."""
    (share / "P").mkdir()
    (share / "P" / "a\x1b[2Kb.txt").write_text("a")
    (share / "P" / "Avtal [reverse]klart.txt").write_text("b")
    rk(config, "scan")
    code, out, _ = rk(config, "files")
    assert code == 0
    assert "\x1b" not in out
    assert "a\\x1b[2Kb.txt" in out
    assert "Avtal [reverse]klart.txt" in out
