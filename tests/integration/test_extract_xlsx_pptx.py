"""Spreadsheet and presentation extraction on real files (openpyxl, python-pptx)."""

from __future__ import annotations

import random
from pathlib import Path

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.extract.base import Refused
from recordkeeper.ingest.extract.ooxml import has_markup, parse_xml
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from recordkeeper.samples.builders import make_pptx, make_xlsx
from tests.hostile import replace_part


def test_xlsx_shared_strings_sheet_names_and_creator(tmp_path: Path) -> None:
    rows = [["Fråga", "Svar"], ["Är texten tydlig?", "Ja"], ["Antal", 12]]
    path = make_xlsx(tmp_path / "enkat.xlsx", rows, sheet_title="Enkätsvar", creator="Bo Berg")
    result = extract_file(path, "enkat.xlsx", Limits())
    assert isinstance(result, DocumentFacts)
    assert result.kind == "xlsx"
    assert "Är texten tydlig?" in result.text
    assert result.headings == ("Enkätsvar",)
    assert result.metadata["author"] == "Bo Berg"
    assert result.page_count == 1


def test_xlsx_inline_strings_are_read(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "a.xlsx", [["x"]])
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Inbäddad text</t></is></c>'
        "</row></sheetData></worksheet>"
    ).encode()
    replace_part(path, tmp_path / "inline.xlsx", "xl/worksheets/sheet1.xml", sheet)
    result = extract_file(tmp_path / "inline.xlsx", "inline.xlsx", Limits())
    assert isinstance(result, DocumentFacts)
    assert "Inbäddad text" in result.text


def test_pptx_slide_titles_text_and_count(tmp_path: Path) -> None:
    path = make_pptx(
        tmp_path / "upp.pptx",
        [("Uppstartsmöte", "Introduktion av sakkunniga"), ("Tidplan", "Vecka 12: enkät")],
    )
    result = extract_file(path, "upp.pptx", Limits())
    assert isinstance(result, DocumentFacts)
    assert result.kind == "pptx"
    assert result.title == "Uppstartsmöte"
    assert result.headings == ("Uppstartsmöte", "Tidplan")
    assert result.page_count == 2
    assert "Introduktion av sakkunniga" in result.text
    assert result.text.index("Uppstartsmöte") < result.text.index("Tidplan")


def _inline_sheet(tmp_path: Path, name: str, head: str, cells: str) -> Path:
    path = make_xlsx(tmp_path / "base.xlsx", [["x"]])
    sheet = (
        f'{head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{cells}</row></sheetData></worksheet>'
    ).encode()
    return replace_part(path, tmp_path / name, "xl/worksheets/sheet1.xml", sheet)


def test_xlsx_inline_string_forms_and_markup(tmp_path: Path) -> None:
    """Prefixed and attributed t tags, CDATA, formula strings, character references
    and a DOCTYPE: each read (or refused) as the sheet's XML says."""
    cells = {
        "plain": '<c t="inlineStr"><is><t>Svar &#229;tta</t></is></c>',
        "prefixed": '<c t="inlineStr"><x:is><x:t>Prefix</x:t></x:is></c>',
        "attributed": '<c t="inlineStr"><is><t xml:space="preserve"> Mellanslag </t></is></c>',
        "cdata": '<c t="inlineStr"><is><t><![CDATA[Rå <data>]]></t></is></c>',
        "formula": '<c t="str"><f>A1</f><v>Formeltext</v></c>'
        '<c t="inlineStr"><is><t>Efter</t></is></c>',
    }
    expected = {
        "plain": "Svar åtta",
        "prefixed": "Prefix",
        "attributed": " Mellanslag ",
        "cdata": "Rå <data>",
        "formula": "Efter\nFormeltext",
    }
    for name, cell in cells.items():
        path = _inline_sheet(tmp_path, f"{name}.xlsx", "", cell)
        result = extract_file(path, path.name, Limits())
        assert isinstance(result, DocumentFacts), name
        assert result.text == expected[name], name
    doctype = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "x">]>'
    path = _inline_sheet(tmp_path, "doctype.xlsx", doctype, cells["plain"])
    result = extract_file(path, path.name, Limits())
    assert isinstance(result, Unreadable)
    assert result.reason is UnreadableReason.XML_ENTITIES


def test_xlsx_markup_is_found_after_many_exclamation_marks(tmp_path: Path) -> None:
    """Formulas naming other sheets put many "!" in a sheet: CDATA or a DOCTYPE after
    them is still seen (the "!" scan hands over to a plain search)."""
    formula = '<c r="A1"><f>Blad2!A1+Blad3!B2</f><v>1</v></c>'
    cdata = '<c t="inlineStr"><is><t><![CDATA[Rå <data>]]></t></is></c>'
    for count, name in ((1, "few"), (70, "many")):
        path = _inline_sheet(tmp_path, f"{name}.xlsx", "", formula * count + cdata)
        result = extract_file(path, path.name, Limits())
        assert isinstance(result, DocumentFacts), name
        assert result.text == "Rå <data>", name


def test_xlsx_markup_scan_answers_as_a_plain_search() -> None:
    rng = random.Random(7)
    pieces = [b"<", b"!", b"<!", b"!!", b"<t>x</t>", b"Blad2!A1", b"a" * 20]
    samples = [b"", b"!", b"<", b"<!", b"!<", b"!<!", b"<" + b"!" * 200, b"!" * 200 + b"<!"]
    samples += [b"!" * n + b"<!" for n in (62, 63, 64, 65, 66)]
    for _ in range(20_000):
        size = rng.randrange(0, 150)
        samples.append(b"".join(rng.choice(pieces) for _ in range(size)))
    for raw in samples:
        assert has_markup(raw) == (b"<!" in raw), raw


def test_parse_xml_refuses_a_doctype_or_entity_after_many_exclamation_marks() -> None:
    """parse_xml looks for DOCTYPE and ENTITY only where a "<!" is (`has_markup`): one
    after 70 "!" (past the "!" scan's limit), in UTF-8 and UTF-16, is still refused."""
    for count in (0, 1, 63, 64, 65, 70):
        for declaration in ('<!DOCTYPE a [<!ENTITY e "x">]>', '<!ENTITY e "x">'):
            text = f'<?xml version="1.0"?><?p {"!" * count}?>{declaration}<a>&e;</a>'
            for data in (text.encode(), text.encode("utf-16")):
                try:
                    parse_xml(data, "word/document.xml")
                except Refused as refused:
                    assert refused.reason is UnreadableReason.XML_ENTITIES, (count, data)
                else:
                    raise AssertionError((count, data))
        plain = f'<?xml version="1.0"?><?p {"!" * count}?><a>x!</a>'.encode()
        assert parse_xml(plain, "word/document.xml").text == "x!"
