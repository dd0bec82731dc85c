"""Hostile files through `recordkeeper classify --json`: each is a line with its reason, exit 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.samples.builders import make_docx
from tests import hostile

runner = CliRunner()


def _hostile_folder(tmp_path: Path) -> Path:
    root = tmp_path / "Projekt"
    root.mkdir()
    hostile.billion_laughs_docx(root / "Jävsdeklaration entiteter.docx")
    hostile.encrypted_docx(root / "Avtal om ersättning låst.docx")
    hostile.encrypted_pdf(root / "krypterad.pdf")
    hostile.ratio_bomb_docx(root / "bomb.docx")
    hostile.zero_bytes(root / "tom.docx")
    hostile.garbage(root / "skräp.pdf")
    hostile.truncated(make_docx(tmp_path / "hel.docx", title="Projektplan"), root / "halv.docx")
    hostile.fifo(root / "rör.txt")
    os.symlink("/etc/hostname", root / "utanför.txt")
    os.symlink(root / "loop-a", root / "loop-b")
    os.symlink(root / "loop-b", root / "loop-a")
    make_docx(
        root / "Minnesanteckningar.docx", title="Minnesanteckningar", paragraphs=["Närvarande:"]
    )
    return root


def test_hostile_files_are_reported_not_fatal(tmp_path: Path) -> None:
    root = _hostile_folder(tmp_path)
    result = runner.invoke(app, ["classify", "--json", str(root)])
    assert result.exit_code == 0, result.stderr
    by_name = {
        Path(line["path"]).name: line for line in map(json.loads, result.stdout.splitlines())
    }
    assert {name: line["error"] for name, line in by_name.items()} == {
        "Jävsdeklaration entiteter.docx": "xml_entities",
        "Avtal om ersättning låst.docx": "encrypted",
        "krypterad.pdf": "encrypted",
        "bomb.docx": "zip_bomb",
        "tom.docx": "empty",
        "skräp.pdf": "corrupt",
        "halv.docx": "incomplete",
        "rör.txt": "special_file",
        "utanför.txt": "link_outside_tree",
        "loop-a": "link_loop",
        "loop-b": "link_loop",
        "Minnesanteckningar.docx": None,
    }
    assert by_name["Minnesanteckningar.docx"]["class"] == "meeting_notes"


def test_unreadable_files_are_still_classified_by_name_for_review(tmp_path: Path) -> None:
    root = _hostile_folder(tmp_path)
    result = runner.invoke(app, ["classify", "--json", str(root)])
    by_name = {
        Path(line["path"]).name: line for line in map(json.loads, result.stdout.splitlines())
    }
    locked = by_name["Avtal om ersättning låst.docx"]
    assert (locked["class"], locked["must_register"], locked["needs_review"]) == (
        "agreement", True, True,
    )  # fmt: skip
    assert "name_only" in locked["reasons"]


def test_warnings_go_to_stderr_and_stdout_stays_json(tmp_path: Path) -> None:
    """A file that times out makes the pool log a warning: on stderr as a JSON line,
    never on stdout between the output's JSON lines (an evaluator parses stdout)."""
    root = tmp_path / "Projekt"
    root.mkdir()
    hostile.huge_valid_docx(root / "lång.docx", paragraphs=150_000)
    make_docx(
        root / "Minnesanteckningar.docx", title="Minnesanteckningar", paragraphs=["Närvarande:"]
    )
    config = tmp_path / "rk.toml"
    config.write_text("[ingest]\nworkers = 1\nextract_timeout_seconds = 0.3\n", encoding="utf-8")
    for command in (["classify", "--json"], ["check", "--json", "--fresh"]):
        proc = subprocess.run(
            [sys.executable, "-m", "recordkeeper", "--config", str(config), *command, str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs = [json.loads(line) for line in proc.stdout.splitlines()]  # nothing else
        assert outputs, command
        warnings = [json.loads(line) for line in proc.stderr.splitlines()]
        assert "extract_timeout" in {w["event"] for w in warnings}, proc.stderr
