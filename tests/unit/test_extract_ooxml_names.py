"""Part-name shortcuts give what the plain definitions give: the kind check of
`ooxml.Package.require` and the header/footer parts of a Word package."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from recordkeeper.ingest.extract import docx, ooxml
from recordkeeper.ingest.extract.base import Limits, Refused
from recordkeeper.model import UnreadableReason

_NAMES = (
    "word/document.xml",
    "word",
    "wordy/x.xml",
    "words.xml",
    "xl/workbook.xml",
    "xl",
    "ppt/slides/slide1.xml",
    "docProps/core.xml",
    "[Content_Types].xml",
    "word/header1.xml",
    "word/header.xml",
    "word/header10.xml",
    "word/header2.xml",
    "word/footer1.xml",
    "word/footer3.xml",
    "word/headerA.xml",
    "word/header1.xml.bak",
    "word/footers/footer1.xml",
    "xword/header1.xml",
    "Word/header1.xml",
)


def _package(names: tuple[str, ...]) -> ooxml.Package:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, b"<x/>")
    return ooxml.Package(buffer.getvalue(), Limits())


def _required_by_definition(names: tuple[str, ...], kind: str) -> UnreadableReason | None:
    """`require` as first written: the first path segments as a set."""
    folders = {name.split("/", 1)[0] for name in names}
    folder_of = {"docx": "word", "xlsx": "xl", "pptx": "ppt"}
    if folder_of[kind] in folders:
        return None
    if any(folder in folders for folder in folder_of.values()):
        return UnreadableReason.WRONG_EXTENSION
    return UnreadableReason.CORRUPT


def _required(package: ooxml.Package, kind: str) -> UnreadableReason | None:
    try:
        package.require(kind)
    except Refused as refused:
        return refused.reason
    return None


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx"])
@pytest.mark.parametrize("start", range(0, len(_NAMES), 2))
def test_require_answers_as_the_folder_set_does(kind: str, start: int) -> None:
    for size in (1, 2, 3):
        names = _NAMES[start : start + size]
        assert _required(_package(names), kind) == _required_by_definition(names, kind), names


def test_require_accepts_a_bare_folder_entry_and_refuses_a_longer_folder_name() -> None:
    assert _required(_package(("word",)), "docx") is None
    assert _required(_package(("wordy/document.xml",)), "docx") is UnreadableReason.CORRUPT
    assert _required(_package(("xl/workbook.xml",)), "docx") is UnreadableReason.WRONG_EXTENSION


def test_header_footer_parts_are_those_the_pattern_names_in_order() -> None:
    pattern = re.compile(r"^word/(header|footer)\d*\.xml$")
    expected = sorted((n for n in _NAMES if pattern.match(n)), key=docx._header_first)
    assert docx._header_footer_parts(_NAMES) == expected
    assert expected == [
        "word/header.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/header10.xml",
        "word/footer1.xml",
        "word/footer3.xml",
    ]
