"""OpenDocument text (.odt) and Rich Text Format (.rtf): read, not classified by name only.

A contractor's project kept in LibreOffice and WordPad files (bench/holdout/session11.py)
had its plan, ICF template and compiled proposal as .odt and its declarations and
minutes as .rtf; both were `unsupported` and classified by their names alone. Real
files, written here byte by byte as LibreOffice and WordPad write them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from recordkeeper.ingest.extract import Limits, codec, extract_file
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.classify_files import classify_paths
from tests.fakes import InProcess

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_MIME = "application/vnd.oasis.opendocument.text"


def make_odt(
    path: Path,
    body: str,
    *,
    title: str = "",
    mimetype: str = _MIME,
    manifest_extra: str = "",
    prolog: str = "",
) -> Path:
    """An .odt package; `body` is the office:text content (ODF XML)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<office:document-content xmlns:office="{_OFFICE}" xmlns:text="{_TEXT}" '
        f'office:version="1.3"><office:body><office:text>{body}</office:text></office:body>'
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="{_OFFICE}" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta>'
        f"<dc:title>{escape(title)}</dc:title><meta:initial-creator>NordMed</meta:initial-creator>"
        "<meta:creation-date>2026-02-02T10:00:00</meta:creation-date></office:meta>"
        "</office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        f'manifest:full-path="content.xml" manifest:media-type="text/xml">{manifest_extra}'
        "</manifest:file-entry></manifest:manifest>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def _p(text: str) -> str:
    return f"<text:p>{escape(text)}</text:p>"


def _facts(path: Path) -> DocumentFacts:
    result = extract_file(path, path.name, Limits())
    assert isinstance(result, DocumentFacts), result
    return result


def _reason(path: Path, limits: Limits | None = None) -> UnreadableReason:
    result = extract_file(path, path.name, limits or Limits())
    assert isinstance(result, Unreadable), result
    return result.reason


PLAN_BODY = (
    '<text:h text:outline-level="1">Background</text:h>'
    + _p("The Agency develops a new insurance medicine decision support for post-COVID.")
    + '<text:h text:outline-level="1">Timeline</text:h>'
    + '<text:p>Kick-off<text:s text:c="3"/>3 March<text:tab/>survey in <text:span>May</text:span>'
    "<office:annotation><text:p>James: check the date</text:p></office:annotation>.</text:p>"
)


def test_odt_text_headings_title_and_comment_are_read(tmp_path: Path) -> None:
    facts = _facts(make_odt(tmp_path / "Project plan v1.0.odt", PLAN_BODY, title="Project plan"))
    assert facts.kind == "odt"
    assert facts.title == "Project plan"
    assert facts.headings == ("Background", "Timeline")
    assert facts.text.splitlines()[:4] == [
        "Background",
        "The Agency develops a new insurance medicine decision support for post-COVID.",
        "Timeline",
        "Kick-off   3 March\tsurvey in May.",
    ]
    assert facts.text.endswith("James: check the date")
    assert facts.has_comments is True
    assert facts.has_tracked_changes is False
    assert facts.metadata["author"] == "NordMed"


@pytest.mark.parametrize(
    ("count", "spaces"), [("²", 1), ("9" * 5000, 1), ("٣", 1), ("-5", 1), ("3", 3), ("200", 64)]
)
def test_odt_space_counts_are_small_ascii_numbers(tmp_path: Path, count: str, spaces: int) -> None:
    # int() raised ValueError for "²" (str.isdigit says yes) and for 4,301+ digits
    # (Python's int string limit): the file was `internal`
    path = make_odt(tmp_path / "a.odt", f'<text:p>Plan<text:s text:c="{count}"/>2026</text:p>')
    assert _facts(path).text == "Plan" + " " * spaces + "2026"


def test_odt_tracked_deletions_are_flagged_and_left_out(tmp_path: Path) -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        + _p("Full-time sick leave for six months.")
        + "</text:deletion></text:changed-region></text:tracked-changes>"
        + _p("Part-time sick leave first.")
    )
    facts = _facts(make_odt(tmp_path / "Proposal.odt", body))
    assert facts.text == "Part-time sick leave first."
    assert facts.has_tracked_changes is True


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (
            lambda p: make_odt(p, _p("x"), prolog='<!DOCTYPE d [<!ENTITY e "x">]>'),
            UnreadableReason.XML_ENTITIES,
        ),
        (
            lambda p: make_odt(p, _p("x"), manifest_extra="<manifest:encryption-data/>"),
            UnreadableReason.ENCRYPTED,
        ),
        (
            lambda p: make_odt(p, _p("x"), mimetype=f"{_MIME[:-4]}spreadsheet"),
            UnreadableReason.WRONG_EXTENSION,
        ),
        (
            lambda p: p.write_bytes(make_docx(p.with_suffix(".docx"), title="A").read_bytes()),
            UnreadableReason.WRONG_EXTENSION,
        ),
        (
            lambda p: make_odt(p, _p("Ersättning " * 200_000)),
            UnreadableReason.ZIP_BOMB,
        ),
    ],
    ids=["doctype", "encrypted", "spreadsheet", "docx_renamed", "budget"],
)
def test_hostile_odt_is_refused_with_its_reason(tmp_path, build, reason) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.odt"
    build(path)
    limits = Limits(max_uncompressed_bytes=1_000_000)
    assert _reason(path, limits) == reason


RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang1053{\fonttbl{\f0\fnil\fcharset0 Calibri;}}"
    "\r\n"
    r"{\colortbl ;\red255\green0\blue0;}{\*\generator Riched20 10.0.19041}"
    r"{\info{\title J\'e4vsdeklaration}{\author Linnea Vik}{\operator Kontoret}}"
    "\r\n"
    r"\viewkind4\uc1\pard\sa200\sl276\slmult1\f0\fs22 Namn: Linnea Vik\par"
    "\r\n"
    r"Anst\'e4llning: Danderyds sjukhus\par"
    "\r\n"
    r"Uppdrag \endash  sakkunnig; \u8364?100 per timme{\*\bkmkstart x}\par"
    "\r\n"
    r"{\pict\wmetafile8 0a0b0c0d}{\deleted borttagen text }Stockholm 9 februari 2026\par"
    "\r\n}"
)


def test_rtf_text_title_and_code_page_are_read(tmp_path: Path) -> None:
    path = tmp_path / "DoI_Vik.rtf"
    path.write_bytes(RTF.encode("ascii"))
    facts = _facts(path)
    assert facts.kind == "rtf"
    assert facts.title == "Jävsdeklaration"
    assert facts.metadata == {"title": "Jävsdeklaration", "author": "Linnea Vik"}
    assert facts.text == (
        "Namn: Linnea Vik\nAnställning: Danderyds sjukhus\n"
        "Uppdrag – sakkunnig; €100 per timme\nStockholm 9 februari 2026"
    )
    assert facts.has_tracked_changes is True


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}", UnreadableReason.CORRUPT),
        (b"Namn: Linnea Vik\n", UnreadableReason.WRONG_EXTENSION),
    ],
    ids=["nested_too_deep", "plain_text_named_rtf"],
)
def test_hostile_rtf_is_refused_with_its_reason(tmp_path: Path, data: bytes, reason) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.rtf"
    path.write_bytes(data)
    assert _reason(path) == reason


def test_rtf_surrogate_pairs_and_8_bit_text_are_decoded(tmp_path: Path) -> None:
    # Word writes a character beyond the BMP as two \\uN (a UTF-16 pair); WordPad may leave
    # 8-bit text unescaped, in the file's code page (0x96 is an en dash in cp1252)
    path = tmp_path / "notes.rtf"
    path.write_bytes(
        b"{\\rtf1\\ansi\\ansicpg1252 Klart \\u-10179?\\u-8704? m\xf6te 3 \x96 4 maj"
        b" \\u-10179?slut\\par}"
    )
    facts = _facts(path)
    assert facts.text == "Klart \U0001f600 möte 3 \u2013 4 maj \ufffdslut"
    assert isinstance(codec.loads(codec.dumps(facts)), DocumentFacts)  # storable as UTF-8


def test_a_huge_rtf_of_unicode_escapes_is_read_within_the_memory_cap(tmp_path: Path) -> None:
    # Every \\uN was kept as a string of its own (~80 bytes each) until the end, where
    # the text was cut: 3 million of them (21 MB of file) took ~300 MB and the worker
    # hit its memory cap (`memory`); now the text is cut while it is collected
    path = tmp_path / "a.rtf"
    path.write_bytes(b"{\\rtf1\\ansi{\\info{\\title Protokoll}}" + b"\\u1234 " * 3_000_000 + b"}")
    limits = Limits(max_text_chars=10_000, memory_mb=128, timeout_s=120)
    with ExtractionPool(limits, workers=1) as pool:
        facts = pool.extract(path, "P1/a.rtf")
    assert isinstance(facts, DocumentFacts), facts
    assert facts.title == "Protokoll"
    assert facts.text == "\u04d2" * 10_000


def test_a_binary_run_in_rtf_is_skipped_not_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "a.rtf"
    path.write_bytes(b"{\\rtf1 Avtal\\par {\\*\\blipuid \\bin6 {{{}}x}Ers\\'e4ttning\\par}")
    assert _facts(path).text == "Avtal\nErsättning"


def test_odt_and_rtf_files_are_classified_from_their_content(tmp_path: Path) -> None:
    """Names that say nothing: without reading the files both would be `other`."""
    root = tmp_path / "Post-COVID"
    make_odt(
        root / "Document 3.odt",
        PLAN_BODY.replace("Timeline", "Project organisation and timeline"),
        title="Project plan – FMB post-COVID condition",
    )
    (root / "Document 4.rtf").write_bytes(RTF.encode("ascii"))
    got = {}
    for outcome in classify_paths([str(root)], RULES, InProcess(), ()):
        assert outcome.classification is not None
        got[outcome.path.rpartition("/")[2]] = outcome.classification
    assert got["Document 3.odt"].doc_class == "project_plan"
    assert got["Document 4.rtf"].doc_class == "coi_declaration"
    assert got["Document 4.rtf"].must_register is True
