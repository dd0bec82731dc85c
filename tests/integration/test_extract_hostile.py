"""Hostile and broken input: each gets a specific reason, in-process, never an exception."""

from __future__ import annotations

import base64
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from recordkeeper.samples.builders import make_docx, make_pdf, make_pptx, make_xlsx
from tests import hostile

R = UnreadableReason


def _docx(tmp: Path) -> Path:
    return make_docx(tmp / "src" / "ok.docx", title="Avtal", paragraphs=["Ersättning"] * 40)


def _pdf(tmp: Path) -> Path:
    return make_pdf(tmp / "src" / "ok.pdf", ["Rad"] * 80)


CASES: dict[str, tuple[str, Callable[[Path, Path], Path], UnreadableReason]] = {
    "billion_laughs": ("a.docx", lambda t, p: hostile.billion_laughs_docx(p), R.XML_ENTITIES),
    "external_entity": ("a.docx", lambda t, p: hostile.external_entity_docx(p), R.XML_ENTITIES),
    "encrypted_docx": ("a.docx", lambda t, p: hostile.encrypted_docx(p), R.ENCRYPTED),
    "encrypted_pdf": ("a.pdf", lambda t, p: hostile.encrypted_pdf(p), R.ENCRYPTED),
    "truncated_docx": ("a.docx", lambda t, p: hostile.truncated(_docx(t), p), R.INCOMPLETE),
    "truncated_pdf": ("a.pdf", lambda t, p: hostile.truncated(_pdf(t), p), R.INCOMPLETE),
    "ratio_bomb": ("a.docx", lambda t, p: hostile.ratio_bomb_docx(p), R.ZIP_BOMB),
    "declared_bomb": (
        "a.docx",
        lambda t, p: hostile.declared_size_bomb(p, 4_000_000_000),
        R.ZIP_BOMB,
    ),
    "lying_header": ("a.docx", lambda t, p: hostile.lying_header_docx(p), R.ZIP_BOMB),
    "zero_bytes": ("a.docx", lambda t, p: hostile.zero_bytes(p), R.EMPTY),
    "pdf_named_docx": (
        "a.docx",
        lambda t, p: p.write_bytes(_pdf(t).read_bytes()) and p,
        R.WRONG_EXTENSION,
    ),
    "docx_named_pdf": (
        "a.pdf",
        lambda t, p: p.write_bytes(_docx(t).read_bytes()) and p,
        R.WRONG_EXTENSION,
    ),
    "garbage_docx": ("a.docx", lambda t, p: hostile.garbage(p), R.CORRUPT),
    "garbage_pdf": ("a.pdf", lambda t, p: hostile.garbage(p), R.CORRUPT),
    "garbage_txt": ("a.txt", lambda t, p: hostile.garbage(p), R.CORRUPT),
    "garbage_eml": ("a.eml", lambda t, p: hostile.garbage(p), R.CORRUPT),
    "garbage_msg": ("a.msg", lambda t, p: hostile.garbage(p), R.CORRUPT),
    "fifo": ("a.txt", lambda t, p: hostile.fifo(p), R.SPECIAL_FILE),
    "legacy_doc": ("a.doc", lambda t, p: hostile.garbage(p), R.UNSUPPORTED),
    # zipfile raised NotImplementedError ("zip file version 11.2"): was `internal`
    "zip_version_docx": ("a.docx", lambda t, p: hostile.newer_zip_version_docx(p), R.CORRUPT),
    # zipfile raised UnicodeDecodeError for a name flagged UTF-8 that is not: was `internal`
    "zip_name_not_utf8": ("a.docx", lambda t, p: hostile.bad_utf8_name_docx(p), R.CORRUPT),
    "zip_version_no_extension": (
        "avtal",
        lambda t, p: hostile.newer_zip_version_docx(p),
        R.UNSUPPORTED,
    ),
    # past libxml2's limits without huge_tree: was `corrupt` "XML syntax error" (session 15)
    "xml_nested_300_deep": ("a.docx", lambda t, p: _nested_docx(p, 300), R.TOO_LARGE),
    "xml_attribute_11_mb": ("a.docx", lambda t, p: _huge_attribute_docx(p), R.TOO_LARGE),
}

_W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'


def _nested_docx(path: Path, depth: int) -> Path:
    xml = _W + b"<w:body>" + b"<w:sdt><w:sdtContent>" * depth
    xml += b"<w:p><w:r><w:t>Avtal</w:t></w:r></w:p>"
    xml += b"</w:sdtContent></w:sdt>" * depth + b"</w:body></w:document>"
    return hostile.docx_with_document_xml(path, xml)


def _huge_attribute_docx(path: Path) -> Path:
    value = base64.b64encode(random.Random(1).randbytes(8 << 20))  # 11 MB, ratio ~1.3
    xml = _W + b'<w:body><w:p w:rsidR="' + value + b'"><w:r><w:t>Avtal</w:t></w:r></w:p>'
    return hostile.docx_with_document_xml(path, xml + b"</w:body></w:document>")


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_gets_its_specific_reason(tmp_path: Path, case: str) -> None:
    name, build, expected = CASES[case]
    path = build(tmp_path, tmp_path / name)
    result = extract_file(path, f"P1/{name}", Limits())
    assert isinstance(result, Unreadable), result
    assert result.reason is expected, result.detail
    assert result.path == f"P1/{name}"
    assert "Avtal" not in result.detail and "Ersättning" not in result.detail


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "big.docx", paragraphs=["x"])
    result = extract_file(path, "big.docx", Limits(max_file_bytes=1000))
    assert isinstance(result, Unreadable)
    assert result.reason is R.TOO_LARGE


def test_vanished_file(tmp_path: Path) -> None:
    result = extract_file(tmp_path / "gone.docx", "gone.docx", Limits())
    assert isinstance(result, Unreadable)
    assert result.reason is R.VANISHED


def test_external_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = hostile.EXTERNAL_ENTITY.replace(b"file:///etc/passwd", secret.as_uri().encode())
    result = extract_file(hostile.docx_with_document_xml(tmp_path / "x.docx", xml), "x", Limits())
    assert isinstance(result, Unreadable)
    assert "TOPSECRET" not in repr(result)


def _with_part(source: Path, path: Path, name: str, content: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, old.read(item.filename))
        new.writestr(name, content)
    return path


@pytest.mark.parametrize(
    ("kind", "part"),
    [
        ("docx", "word/header{n}.xml"),
        ("xlsx", "xl/worksheets/sheet{n}.xml"),
        ("pptx", "ppt/slides/slide{n}.xml"),
        ("pptx", "ppt/notesSlides/notesSlide{n}.xml"),
    ],
)
def test_a_part_numbered_with_5000_digits_is_not_read(tmp_path: Path, kind: str, part: str) -> None:
    # The part number was taken with int(), which refuses more than 4,300 digits
    # (ValueError): the whole file was `internal`; now such a part is no known part
    if kind == "docx":
        source = make_docx(tmp_path / "a.docx", title="Avtal", paragraphs=["Ersättning"])
    elif kind == "xlsx":
        source = make_xlsx(tmp_path / "a.xlsx", [["Ersättning", 100]])
    else:
        source = make_pptx(tmp_path / "a.pptx", [("Avtal", "Ersättning")])
    expected = extract_file(source, f"P1/a.{kind}", Limits())
    assert isinstance(expected, DocumentFacts), expected
    name = part.format(n="9" * 5000)
    path = _with_part(source, tmp_path / f"b.{kind}", name, "<x/>")
    facts = extract_file(path, f"P1/a.{kind}", Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert (facts.text, facts.title) == (expected.text, expected.title)
