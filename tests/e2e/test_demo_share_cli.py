"""`recordkeeper demo-share`: creates the example share once, then leaves it alone."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from recordkeeper.cli import app

runner = CliRunner()


def test_demo_share_creates_projects_and_labels_beside(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()  # an empty folder is filled, as a missing one is created
    result = runner.invoke(app, ["demo-share", str(share), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["created"] is True
    assert report["projects"] == 4
    assert sorted(p.name for p in share.iterdir()) == [
        "FMB Lumbago uppdatering 2025",
        "FMB Långvarig covid nytt beslutsstöd",
        "FMB Radiusfraktur 2024",
        "Utmattningssyndrom - nytt FMB",
    ]
    labels = json.loads((tmp_path / "share.labels.json").read_text(encoding="utf-8"))
    assert (
        len(labels["files"]) == report["files"] == sum(1 for p in share.rglob("*") if p.is_file())
    )
    assert not list(tmp_path.glob(".demo-share-*"))


def test_demo_share_leaves_a_non_empty_folder_untouched(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "mine.txt").write_text("keep", encoding="utf-8")
    result = runner.invoke(app, ["--lang", "en", "demo-share", str(share)])
    assert result.exit_code == 0
    assert "not empty; nothing was changed" in result.stdout
    assert [p.name for p in share.iterdir()] == ["mine.txt"]


def test_demo_share_on_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["demo-share", str(target)])
    assert result.exit_code == 2
    assert "inte en mapp" in result.stderr


def test_demo_share_into_a_missing_folder_reports_in_swedish(tmp_path: Path) -> None:
    share = tmp_path / "var" / "share"
    result = runner.invoke(app, ["demo-share", str(share), "--seed", "3"])
    assert result.exit_code == 0
    assert "Exempelmapp skapad" in result.stdout
    assert len(list(share.iterdir())) == 4
