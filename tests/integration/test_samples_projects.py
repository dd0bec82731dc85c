"""The project generator writes real, readable files whose labels sit beside the share."""

from __future__ import annotations

import email
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pptx
import pytest
from pypdf import PdfReader

from recordkeeper.samples.projects import DEMO_SCENARIOS, ShareTruth, generate_share, write_truth


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ShareTruth]:
    root = tmp_path_factory.mktemp("share")
    return root, generate_share(root, DEMO_SCENARIOS, seed=0, image_scale=0.2)


def _open(path: Path) -> None:
    if path.suffix == ".docx":
        docx.Document(str(path))
    elif path.suffix == ".xlsx":
        openpyxl.load_workbook(path, read_only=True).close()
    elif path.suffix == ".pptx":
        pptx.Presentation(str(path))
    elif path.suffix == ".pdf":
        assert PdfReader(path).pages
    elif path.suffix == ".eml":
        assert email.message_from_bytes(path.read_bytes())["From"]


def test_every_label_names_a_written_file_and_nothing_else_is_written(
    demo: tuple[Path, ShareTruth],
) -> None:
    root, truth = demo
    written = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert written == {f["path"] for f in truth.files}


def test_every_file_opens_with_its_library(demo: tuple[Path, ShareTruth]) -> None:
    root, truth = demo
    for label in truth.files:
        _open(root / label["path"])


def test_scanned_declarations_have_no_text_layer(demo: tuple[Path, ShareTruth]) -> None:
    root, truth = demo
    scans = []
    for label in truth.files:
        if label["class"] == "coi_declaration" and label["format"] == "pdf":
            text = "".join(p.extract_text() for p in PdfReader(root / label["path"]).pages)
            if not text.strip():
                scans.append(label["path"])
    assert scans


def test_template_and_tracked_changes_reach_the_files(demo: tuple[Path, ShareTruth]) -> None:
    root, truth = demo
    templates, tracked = 0, 0
    for label in truth.files:
        if label["format"] != "docx":
            continue
        with zipfile.ZipFile(root / label["path"]) as package:
            templates += "Mall_" in package.read("docProps/app.xml").decode()
            tracked += "<w:ins " in package.read("word/document.xml").decode()
    assert templates >= 5
    assert tracked >= 1


def test_file_times_follow_the_project_timeline(demo: tuple[Path, ShareTruth]) -> None:
    root, truth = demo
    years = {int((root / f["path"]).stat().st_mtime // (365.25 * 86400)) + 1970
             for f in truth.files}  # fmt: skip
    assert years <= {2023, 2024, 2025}


def test_truth_is_written_as_documented_json(demo: tuple[Path, ShareTruth], tmp_path: Path) -> None:
    _, truth = demo
    data = json.loads(write_truth(truth, tmp_path / "labels.json").read_text(encoding="utf-8"))
    assert data["format"] == "recordkeeper-samples/1"
    assert set(data["files"][0]) == {
        "path", "project", "format", "class", "draft", "must_register", "personal_data",
        "step", "people", "lang",
    }  # fmt: skip
    lumbago = next(p for p in data["projects"] if p["folder"] == "FMB Lumbago uppdatering 2025")
    assert lumbago["variant"] == "update"
    assert lumbago["expected_steps"]["consider_comments"] == "complete"
    assert {"recommendation_group", "patient_representative"} in [
        set(p["roles"]) for p in lumbago["people"]
    ]
