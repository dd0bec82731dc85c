"""`recordkeeper classify`: the JSON-lines contract, ignored and unreadable files, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from recordkeeper.cli import app

runner = CliRunner()
KEYS = {
    "path", "class", "draft", "must_register", "personal_data", "ignored",
    "confidence", "reasons", "error", "needs_review",
}  # fmt: skip


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "Projekt Ländrygg"
    (root / "Jäv").mkdir(parents=True)
    (root / "Jäv" / "Dokument1.txt").write_text(
        "Jävsdeklaration\nJag intygar att jag saknar bindningar.\n", encoding="utf-8"
    )
    (root / "~$Dokument1.docx").write_bytes(b"lock")
    (root / "tom.txt").write_bytes(b"")
    return root


def test_json_lines_one_per_file_with_the_contract_keys(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = runner.invoke(app, ["classify", "--json", str(root)])
    assert result.exit_code == 0, result.stderr
    by_path = {line["path"]: line for line in _lines(result.stdout)}
    assert set(by_path) == {
        f"{root}/Jäv/Dokument1.txt",
        f"{root}/~$Dokument1.docx",
        f"{root}/tom.txt",
    }
    assert all(set(line) == KEYS for line in by_path.values())
    declaration = by_path[f"{root}/Jäv/Dokument1.txt"]
    assert (declaration["class"], declaration["must_register"]) == ("coi_declaration", True)
    assert by_path[f"{root}/~$Dokument1.docx"]["ignored"] is True


def test_unreadable_file_has_its_reason_and_exit_is_zero(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = runner.invoke(app, ["classify", "--json", str(root / "tom.txt")])
    assert result.exit_code == 0
    ((line,),) = [_lines(result.stdout)]
    assert (line["error"], line["ignored"]) == ("empty", False)


def test_link_out_of_the_tree_is_not_followed(tmp_path: Path) -> None:
    root = _project(tmp_path)
    secret = tmp_path / "utanför.txt"
    secret.write_text("Jävsdeklaration", encoding="utf-8")
    os.symlink(secret, root / "länk.txt")
    result = runner.invoke(app, ["classify", "--json", str(root)])
    by_path = {line["path"]: line for line in _lines(result.stdout)}
    assert by_path[f"{root}/länk.txt"]["error"] == "link_outside_tree"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["classify", "--json", str(tmp_path / "finns-inte")])
    assert result.exit_code == 2
    assert "finns-inte" in result.stderr
    assert result.stdout == ""


def test_table_is_swedish_by_default_and_english_on_request(tmp_path: Path) -> None:
    root = _project(tmp_path)
    sv = runner.invoke(app, ["classify", str(root)])
    en = runner.invoke(app, ["--lang", "en", "classify", str(root)])
    en_local = runner.invoke(app, ["classify", "--lang", "en", str(root)])
    assert "Jävsdeklaration" in sv.stdout
    assert "Conflict-of-interest declaration" in en.stdout
    assert "Conflict-of-interest declaration" in en_local.stdout


def test_names_that_are_not_utf8_stay_distinct_in_the_output(tmp_path: Path) -> None:
    """Two files whose names differ only in undecodable bytes (a Latin-1 'ä' and 'þ'
    from an old share) are two lines with two paths, written as the daemon stores
    such names (`escape_name`: the bytes as \\xNN), not both as 'Avtal �.txt'."""
    root = tmp_path / "Projekt"
    root.mkdir()
    for raw in (b"Avtal \xe4.txt", b"Avtal \xfe.txt"):
        with open(os.fsencode(root) + b"/" + raw, "wb") as handle:
            handle.write("Avtal om ersättning".encode())
    result = runner.invoke(app, ["classify", "--json", str(root)])
    assert result.exit_code == 0, result.stderr
    paths = sorted(str(line["path"]) for line in _lines(result.stdout))
    assert paths == [f"{root}/Avtal \\xe4.txt", f"{root}/Avtal \\xfe.txt"]


def test_a_name_with_a_line_break_is_one_row_of_the_table(tmp_path: Path) -> None:
    root = tmp_path / "Projekt"
    root.mkdir()
    (root / "Avtal\nsignerat.txt").write_text("Avtal om ersättning", encoding="utf-8")
    result = runner.invoke(app, ["classify", str(root)])
    assert result.exit_code == 0, result.stderr
    _header, row = result.stdout.splitlines()
    assert row.endswith(f"{root}/Avtal\\x0asignerat.txt")
