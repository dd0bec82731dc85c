"""PDF extraction on real files built with fpdf2 and pypdf."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pypdf._codecs import encoding_dict_from_named_encoding
from pypdf.generic import _data_structures, _font
from pypdf.generic._utils import read_hex_string_from_stream

from recordkeeper.ingest.extract import Limits, extract_file, pdf
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from recordkeeper.samples.builders import make_pdf
from tests.hostile import encrypted_pdf, owner_only_pdf, truncated


def test_pdf_text_metadata_and_page_count(tmp_path: Path) -> None:
    lines = [f"Rad {n} i kunskapsunderlaget med metodbeskrivning" for n in range(120)]
    path = make_pdf(tmp_path / "k.pdf", lines, title="Kunskapsunderlag", author="FMB")
    result = extract_file(path, "k.pdf", Limits())
    assert isinstance(result, DocumentFacts)
    assert result.kind == "pdf"
    assert result.title == "Kunskapsunderlag"
    assert result.metadata["author"] == "FMB"
    assert result.page_count is not None and result.page_count >= 2
    assert "Rad 119 i kunskapsunderlaget" in result.text
    assert result.has_text_layer
    assert result.created_at is not None and result.created_at.tzinfo is not None


def test_scanned_pdf_has_no_text_layer_but_is_facts(tmp_path: Path) -> None:
    result = extract_file(make_pdf(tmp_path / "scan.pdf", [], text_layer=False), "s.pdf", Limits())
    assert isinstance(result, DocumentFacts)
    assert not result.has_text_layer
    assert result.page_count == 1


def test_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    result = extract_file(owner_only_pdf(tmp_path / "o.pdf"), "o.pdf", Limits())
    assert isinstance(result, DocumentFacts)
    assert "Öppen rad" in result.text


def test_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    result = extract_file(encrypted_pdf(tmp_path / "e.pdf"), "e.pdf", Limits())
    assert isinstance(result, Unreadable)
    assert result.reason is UnreadableReason.ENCRYPTED


def test_truncated_pdf_is_incomplete(tmp_path: Path) -> None:
    source = make_pdf(tmp_path / "full.pdf", ["Rad"] * 50)
    result = extract_file(truncated(source, tmp_path / "t.pdf"), "t.pdf", Limits())
    assert isinstance(result, Unreadable)
    assert result.reason is UnreadableReason.INCOMPLETE


def test_filled_form_values_are_text(tmp_path: Path) -> None:
    # a declaration filled in a PDF reader: the labels are page text, the answers only fields
    path = make_pdf(
        tmp_path / "jd.pdf",
        ["DEKLARATION OM JÄV", "Namn:", "Befattning:"],
        form_fields=[("Namn", "Emma Karlsson"), ("Text7", "Fysioterapeut"), ("Datum", "")],
    )
    result = extract_file(path, "jd.pdf", Limits())
    assert isinstance(result, DocumentFacts)
    assert "DEKLARATION OM JÄV" in result.text
    assert "Namn: Emma Karlsson" in result.text
    assert "\nFysioterapeut" in result.text  # a field named like "Text7" gives its value alone
    assert "Datum" not in result.text  # an empty field adds nothing


def test_pypdf_patches_are_undone_and_read_the_same(tmp_path: Path) -> None:
    """Importing the PDF extractor patches pypdf process-wide; `restore_pypdf` undoes
    it, and a PDF (a UTF-16 title as a hex string) reads the same either way."""
    title = "J\u00e4v \u03a9"
    path = make_pdf(tmp_path / "h.pdf", ["J\u00e4vsdeklaration \u2013 \u03a9 \u2713"], title=title)
    patched = extract_file(path, "h.pdf", Limits())
    pdf.restore_pypdf()
    try:
        assert vars(_data_structures)["read_hex_string_from_stream"] is read_hex_string_from_stream
        assert vars(_font)["encoding_dict_from_named_encoding"] is encoding_dict_from_named_encoding
        plain = extract_file(path, "h.pdf", Limits())
    finally:
        pdf.patch_pypdf()
    assert vars(_data_structures)["read_hex_string_from_stream"] is pdf.read_hex_string
    assert isinstance(patched, DocumentFacts)
    assert patched.title == title
    assert patched == plain


def test_a_malformed_pdf_puts_none_of_its_text_in_the_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    """pypdf logs a bad dictionary key with the key's text: a name and a personnummer
    from the file must not reach the log (stderr, the journal)."""
    good = make_pdf(tmp_path / "ok.pdf", ["Avtal om ersättning"]).read_bytes()
    bad = good.replace(b"/Type /Catalog", b"/Type /Catalog (Anna Svensson 19121212-1212) /Q")
    assert bad != good
    path = tmp_path / "trasig.pdf"
    path.write_bytes(bad)
    caplog.set_level(logging.DEBUG)
    extract_file(path, "trasig.pdf", Limits())
    logged = caplog.text + "".join(capfd.readouterr())
    assert "Svensson" not in logged and "1212" not in logged
