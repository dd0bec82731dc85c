"""Word extraction on real files built with python-docx."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.oxml import parse_xml

from recordkeeper.classify import classify_document
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx
from tests.hostile import WORD_NS, docx_with_document_xml, replace_part

LIMITS = Limits()


def _facts(path: Path, rel: str = "P1/doc.docx") -> DocumentFacts:
    result = extract_file(path, rel, LIMITS, project="P1")
    assert isinstance(result, DocumentFacts), result
    return result


def test_docx_body_tables_headers_footers_comments_and_properties(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "j.docx",
        title="Jävsdeklaration",
        headings=["Bakgrund", "Uppdrag"],
        paragraphs=["Jag intygar att uppgifterna är riktiga.", "Andra stycket"],
        table=[["Namn", "Datum"], ["Sakkunnig", "2025-03-01"]],
        header="Försäkringsmedicinskt beslutsstöd",
        footer="Sida 1",
        author="Anna Andersson",
        created=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
        modified=datetime(2025, 3, 2, 10, 0, tzinfo=UTC),
        comment="Kontrollera datum",
    )
    facts = _facts(path)
    assert facts.kind == "docx"
    assert facts.project == "P1"
    assert facts.path == "P1/doc.docx"
    assert facts.title == "Jävsdeklaration"
    assert facts.headings == ("Bakgrund", "Uppdrag")
    for expected in (
        "Jag intygar att uppgifterna är riktiga.",
        "Sakkunnig",
        "2025-03-01",
        "Försäkringsmedicinskt beslutsstöd",
        "Sida 1",
        "Kontrollera datum",
    ):
        assert expected in facts.text
    assert facts.text.index("Försäkringsmedicinskt") < facts.text.index("Sida 1")
    assert facts.has_comments
    assert not facts.has_tracked_changes
    assert facts.metadata["author"] == "Anna Andersson"
    assert facts.created_at == datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    assert facts.modified_at == datetime(2025, 3, 2, 10, 0, tzinfo=UTC)
    assert facts.size == path.stat().st_size
    assert len(facts.sha256) == 64


def test_core_title_wins_over_title_paragraph(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", title="Styckets titel", core_title="Avtal om ersättning")
    assert _facts(path).title == "Avtal om ersättning"


def test_first_heading_is_title_when_nothing_else(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", headings=["Minnesanteckningar", "Närvarande"])
    assert _facts(path).title == "Minnesanteckningar"


def _body(inner: str) -> bytes:
    return f'<w:document xmlns:w="{WORD_NS}"><w:body>{inner}</w:body></w:document>'.encode()


def test_tracked_changes_are_detected_and_deleted_text_left_out(tmp_path: Path) -> None:
    body = _body(
        "<w:p><w:r><w:t>Kvar </w:t></w:r>"
        '<w:ins w:id="1" w:author="R"><w:r><w:t>tillagd</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="R"><w:r><w:delText>borttagen</w:delText></w:r></w:del></w:p>'
    )
    facts = _facts(docx_with_document_xml(tmp_path / "t.docx", body))
    assert facts.has_tracked_changes
    assert "Kvar tillagd" in facts.text
    assert "borttagen" not in facts.text


def test_localized_heading_styles_resolve_through_styles_part(tmp_path: Path) -> None:
    body = _body(
        '<w:p><w:pPr><w:pStyle w:val="Rubrik"/></w:pPr><w:r><w:t>Projektplan</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="FKRubrik"/></w:pPr><w:r><w:t>Syfte</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Brödtext</w:t><w:tab/><w:t>kolumn</w:t></w:r></w:p>"
    )
    styles = (
        f'<w:styles xmlns:w="{WORD_NS}">'
        '<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="FKRubrik"><w:name w:val="FK rubrik"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>'
    ).encode()
    path = docx_with_document_xml(tmp_path / "s.docx", body)
    replace_part(path, tmp_path / "styled.docx", "word/styles.xml", styles)
    facts = _facts(tmp_path / "styled.docx")
    assert facts.title == "Projektplan"
    assert facts.headings == ("Syfte",)
    assert "Brödtext\tkolumn" in facts.text


def test_text_box_content_is_not_duplicated(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:txbxContent><w:p><w:r><w:t>Ruta</w:t></w:r></w:p></w:txbxContent>"
    body = _body(
        f'<w:p xmlns:mc="{mc}"><w:r><w:t>Före</w:t></w:r><w:r><mc:AlternateContent>'
        f"<mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    facts = _facts(docx_with_document_xml(tmp_path / "box.docx", body))
    assert facts.text.count("Ruta") == 1
    assert "Före" in facts.text


def test_template_name_and_macro_enabled_extension(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "mall.docm", paragraphs=["Mall"])
    facts = _facts(path, "mall.docm")
    assert facts.metadata.get("template") == "Normal.dotm"
    assert "Mall" in facts.text


def test_text_is_capped_at_the_limit(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "long.docx", paragraphs=["ord " * 500])
    result = extract_file(path, "long.docx", Limits(max_text_chars=100))
    assert isinstance(result, DocumentFacts)
    assert len(result.text) == 100


# Word's Design > Watermark, as Word writes it into the header: a VML text path whose
# words are in its `string` attribute, not in a run.
_WATERMARK_RUN = (
    f'<w:r xmlns:w="{WORD_NS}" xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:o="urn:schemas-microsoft-com:office:office"><w:pict>'
    '<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136"'
    ' style="position:absolute;rotation:315" fillcolor="silver" stroked="f">'
    '<v:textpath style="font-family:&quot;Calibri&quot;" string="{mark}"/>'
    "</v:shape></w:pict></w:r>"
)


def _watermarked(path: Path, mark: str) -> Path:
    make_docx(
        path,
        title="Kort om diagnosen",
        paragraphs=["Beslutsstödet beskriver sjukskrivning vid diagnosen.", "Rekommendationer."],
        header="Försäkringsmedicinskt beslutsstöd",
    )
    document = docx.Document(str(path))
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph._p.append(parse_xml(_WATERMARK_RUN.replace("{mark}", mark)))
    document.save(str(path))
    return path


def test_a_watermark_in_the_header_is_read_as_a_line_of_its_own(tmp_path: Path) -> None:
    facts = _facts(_watermarked(tmp_path / "kort.docx", "UTKAST"))
    lines = facts.text.splitlines()
    assert "UTKAST" in lines
    assert "Försäkringsmedicinskt beslutsstöd" in lines
    # the body comes first; the header and its watermark follow it
    assert lines.index("UTKAST") > lines.index("Rekommendationer.")


def test_a_header_of_100000_text_paths_is_read_before_the_timeout(tmp_path: Path) -> None:
    # Each path's words were looked up in the list of the lines before them: 60,000
    # distinct paths took 18 s of CPU, 100,000 well over a minute (`timeout` every pass)
    source = _watermarked(tmp_path / "src.docx", "UTKAST")
    paths = "".join(f'<v:textpath string="m{n}"/>' for n in range(100_000))
    header = (
        f'<w:hdr xmlns:w="{WORD_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><w:p><w:r>'
        f'<w:pict><v:shape>{paths}<v:textpath string="m7"/></v:shape></w:pict></w:r></w:p></w:hdr>'
    )
    path = replace_part(source, tmp_path / "a.docx", "word/header1.xml", header.encode())
    with ExtractionPool(Limits(timeout_s=20), workers=1) as pool:
        facts = pool.extract(path, "P1/a.docx")
    assert isinstance(facts, DocumentFacts), facts
    lines = facts.text.splitlines()
    assert lines[-100_000:] == [f"m{n}" for n in range(100_000)]  # each once, in order


def test_a_watermark_alone_makes_the_text_a_draft(tmp_path: Path) -> None:
    rules = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
    plain = make_docx(
        tmp_path / "plain" / "Kort om diagnosen.docx",
        title="Kort om diagnosen",
        paragraphs=["Beslutsstödet beskriver sjukskrivning vid diagnosen.", "Rekommendationer."],
        header="Försäkringsmedicinskt beslutsstöd",
    )
    marked = _watermarked(tmp_path / "marked" / "Kort om diagnosen.docx", "UTKAST")
    assert not classify_document(_facts(plain), rules).is_draft
    assert classify_document(_facts(marked), rules).is_draft
