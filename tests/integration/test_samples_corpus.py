"""The benchmark corpus generator: deterministic, every format, real readable files."""

from __future__ import annotations

import email
from pathlib import Path

import docx
import openpyxl
from pypdf import PdfReader

from recordkeeper.samples.corpus import generate_corpus, generate_labelled_corpus


def _relative(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_same_seed_gives_same_files(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 30, seed=7)
    second = generate_corpus(tmp_path / "b", 30, seed=7)
    assert _relative(first, tmp_path / "a") == _relative(second, tmp_path / "b")
    assert [p.stat().st_size // 1000 for p in first] == [p.stat().st_size // 1000 for p in second]


def test_corpus_has_every_format_and_the_requested_count(tmp_path: Path) -> None:
    paths = generate_corpus(tmp_path, 120, seed=1)
    assert len(set(paths)) == 120
    assert {p.suffix for p in paths} == {".docx", ".pdf", ".xlsx", ".eml", ".pptx", ".txt"}


def test_corpus_files_open_with_their_libraries(tmp_path: Path) -> None:
    paths = generate_corpus(tmp_path, 60, seed=3)
    for path in paths:
        if path.suffix == ".docx":
            assert docx.Document(str(path)).paragraphs
        elif path.suffix == ".xlsx":
            assert openpyxl.load_workbook(path, read_only=True).sheetnames
        elif path.suffix == ".pdf":
            assert len(PdfReader(path).pages) >= 1
        elif path.suffix == ".eml":
            assert email.message_from_bytes(path.read_bytes())["Subject"]


def test_labelled_corpus_labels_every_written_file(tmp_path: Path) -> None:
    truth = generate_labelled_corpus(tmp_path, 50, seed=2)
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert written == {f["path"] for f in truth.files}
    assert len(truth.files) == 50
