"""`recordkeeper check`: the JSON contract, the board, exit codes, the project file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.samples.builders import make_docx
from tests.unit.test_process_rules import DOMAIN_STEPS

runner = CliRunner()


def _project(root: Path) -> Path:
    folder = root / "FMB Lumbago uppdatering"
    (folder / "Plan").mkdir(parents=True)
    # plain text: every extractor reads it, so this test does not depend on one format
    (folder / "Plan" / "Projektplan.txt").write_text(
        "Projektplan\n"
        "Uppdraget är en uppdatering av det befintliga beslutsstödet.\n"
        "Sakkunniga i projektgruppen: Karin Ek, Lars Berg.\n",
        encoding="utf-8",
    )
    return folder


def test_check_json_prints_one_object_with_every_step_in_order(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    result = runner.invoke(app, ["check", "--json", str(folder)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["project"] == "FMB Lumbago uppdatering"
    assert data["variant"] == "update"
    assert [s["id"] for s in data["steps"]] == list(DOMAIN_STEPS)
    assert {s["status"] for s in data["steps"]} <= {
        "complete",
        "partial",
        "missing",
        "not_applicable",
        "needs_confirmation",
    }
    assert {p["name"] for p in data["people"]} == {"Karin Ek", "Lars Berg"}
    assert sorted(data["missing_coi_for"]) == ["Karin Ek", "Lars Berg"]
    assert all({"step", "severity", "message"} <= set(w) for w in data["warnings"])


def test_messages_are_swedish_by_default_and_english_on_request(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    sv = json.loads(runner.invoke(app, ["check", "--json", str(folder)]).stdout)
    en = json.loads(runner.invoke(app, ["--lang", "en", "check", "--json", str(folder)]).stdout)
    assert "saknas för Karin Ek" in sv["warnings"][0]["message"]
    assert "Rekrytera projektgrupp" in sv["warnings"][0]["message"]
    assert "missing for Karin Ek" in en["warnings"][0]["message"]


def test_nonexistent_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--json", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_project_file_sets_variant_and_bad_one_names_its_line(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    (folder / "recordkeeper-project.yaml").write_text("variant: new\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["check", "--json", str(folder)]).stdout)
    assert (data["variant"], data["variant_source"]) == ("new", "project_file")
    (folder / "recordkeeper-project.yaml").write_text(
        "variant: new\npeople:\n  - name: Karin Ek\n    roles: [boss]\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check", "--json", str(folder)])
    assert result.exit_code == 2
    assert "recordkeeper-project.yaml line 4" in result.stderr
    assert "unknown role 'boss'" in result.stderr


def test_board_without_json_shows_headings(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 0
    assert "Inhämta statistikunderlag" in result.stdout
    assert "Karin Ek" in result.stdout
    # the variant and the roles by the rule file's names, not their ids ("Variant: update")
    assert "Variant: Uppdatering" in result.stdout
    assert "Sakkunnig" in result.stdout and "expert" not in result.stdout
    assert "Namn" in result.stdout
    english = runner.invoke(app, ["--lang", "en", "check", str(folder)])
    assert "Variant: Update" in english.stdout
    assert "Expert" in english.stdout and "Name" in english.stdout


def test_check_all_reports_each_project_folder(tmp_path: Path) -> None:
    share = tmp_path / "share"
    _project(share)
    make_docx(share / "FMB Migrän" / "plan.docx", paragraphs=["Nytt beslutsstöd."])
    (share / ".snapshot").mkdir()  # hidden folders are not projects
    config = tmp_path / "rk.toml"
    config.write_text(f'[[roots]]\npath = "{share}"\n', encoding="utf-8")
    result = runner.invoke(app, ["--config", str(config), "check", "--all", "--json"])
    assert result.exit_code == 0, result.stderr
    projects = [json.loads(line)["project"] for line in result.stdout.splitlines()]
    assert projects == ["FMB Lumbago uppdatering", "FMB Migrän"]
