"""Word paragraph text and styles in irregular bodies: what the one-pass paragraph
split must give exactly as the per-paragraph walk does (or leave to it)."""

from __future__ import annotations

import random
from pathlib import Path

from lxml import etree

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.ingest.extract.docx import W_BR, W_CR, W_P, W_T, W_TAB, _joined_text
from recordkeeper.ingest.extract.ooxml import _PARSER
from recordkeeper.model import DocumentFacts
from tests.hostile import WORD_NS, docx_with_document_xml


def _facts(tmp_path: Path, inner: str, name: str = "d.docx") -> DocumentFacts:
    body = f'<w:document xmlns:w="{WORD_NS}"><w:body>{inner}</w:body></w:document>'
    path = docx_with_document_xml(tmp_path / name, body.encode())
    result = extract_file(path, name, Limits())
    assert isinstance(result, DocumentFacts), result
    return result


def _p(text: str, props: str = "") -> str:
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_regular_paragraphs_tabs_breaks_and_blank_paragraphs(tmp_path: Path) -> None:
    facts = _facts(
        tmp_path,
        _p("Ett")
        + "<w:p/>"
        + "<w:p><w:r><w:t xml:space='preserve'>  </w:t></w:r></w:p>"
        + "<w:p><w:r><w:t>Två</w:t><w:tab/><w:t>kolumn</w:t><w:br/><w:t>rad</w:t>"
        "<w:cr/></w:r><w:r><w:t xml:space='preserve'> slut </w:t></w:r></w:p>"
        + "<w:tbl><w:tr><w:tc>"
        + _p("Cell")
        + "</w:tc></w:tr></w:tbl>",
    )
    assert facts.text == "Ett\nTvå\tkolumn\nrad\n slut \nCell"


def test_paragraph_inside_a_paragraph_keeps_its_text_in_both(tmp_path: Path) -> None:
    facts = _facts(
        tmp_path,
        "<w:p><w:r><w:t>A</w:t></w:r><w:customXml>"
        + _p("B")
        + "</w:customXml><w:r><w:t>C</w:t></w:r></w:p>"
        + _p("D"),
    )
    assert facts.text == "ABC\nB\nD"


def test_text_outside_any_paragraph_is_left_out(tmp_path: Path) -> None:
    facts = _facts(
        tmp_path,
        "<w:r><w:t>före</w:t></w:r>"
        + _p("Ett")
        + "<w:r><w:t>mellan</w:t><w:tab/></w:r>"
        + _p("Två"),
    )
    assert facts.text == "Ett\nTvå"


def test_private_use_characters_in_the_text_are_kept(tmp_path: Path) -> None:
    facts = _facts(tmp_path, _p("A\ue000B") + _p("\ue000") + _p("C"))
    assert facts.text == "A\ue000B\n\ue000\nC"


def test_paragraph_style_is_read_from_the_first_ppr_child_only(tmp_path: Path) -> None:
    heading = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
    title = '<w:pPr><w:pStyle w:val="Title"/></w:pPr>'
    changed = (
        '<w:pPr><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Title"/></w:pPr>'
        "</w:pPrChange></w:pPr>"
    )
    outlined = '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>'
    late = f"<w:p><w:r><w:t>Sen</w:t></w:r>{heading}{title}</w:p>"
    facts = _facts(
        tmp_path,
        _p("Ändrad", changed)
        + late
        + _p("Disposition", outlined)
        + _p("Huvudtitel", title + heading)
        + _p("Brödtext"),
    )
    assert facts.title == "Huvudtitel"
    assert facts.headings == ("Sen", "Disposition")
    assert facts.text == "Ändrad\nSen\nDisposition\nHuvudtitel\nBrödtext"
    assert facts.has_tracked_changes is False


def test_text_box_document_keeps_host_and_box_apart(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + _p("Ruta") + "</w:txbxContent>"
    facts = _facts(
        tmp_path,
        _p("Först") + f"<w:p><w:r><w:t>Värd</w:t></w:r><w:r><w:drawing>{box}</w:drawing></w:r>"
        "<w:r><w:t>efter</w:t></w:r></w:p>" + _p("Sist"),
    )
    assert facts.text == "Först\nVärdefter\nRuta\nSist"


def _random_xml(rng: random.Random, depth: int = 0) -> str:
    """A random element in and out of the Word namespace: text, CDATA, character and
    entity references, comments and processing instructions (the parser drops those
    two), empty and self-closed elements, tails."""
    name = rng.choice(["w:p", "w:t", "w:tab", "w:br", "w:cr", "w:r", "w:pPr", "x:t", "t"])
    pieces: list[str] = []
    for _ in range(rng.randrange(0, 4 if depth < 5 else 1)):
        kind = rng.randrange(8)
        if kind == 0:
            pieces.append(rng.choice(["a", "Å", " ", "\n", "&amp;", "&#229;", "x y"]))
        elif kind == 1:
            pieces.append(f"<![CDATA[{rng.choice(['', 'c', '<d>'])}]]>")
        elif kind == 2:
            pieces.append(rng.choice(["<!-- k -->", "<?pi x?>"]))
        else:
            pieces.append(_random_xml(rng, depth + 1))
    inner = "".join(pieces)
    return f"<{name}>{inner}</{name}>" if inner or rng.random() < 0.5 else f"<{name}/>"


def test_joined_text_is_itertext_without_tails() -> None:
    """The one text pass (`_joined_text`, lxml `iter`) gives what lxml's
    `itertext(tags, with_tail=False)` gives, from any element, for any tag set."""
    rng = random.Random(11)
    namespaces = f'xmlns:w="{WORD_NS}" xmlns:x="urn:x"'
    tag_sets = [
        (W_P, W_T, W_TAB, W_BR, W_CR),
        (W_T, W_TAB, W_BR, W_CR),
        (W_T,),
        ("{urn:x}t", "t", W_P),
    ]
    checked = 0
    for _ in range(3000):
        body = _random_xml(rng)
        root = etree.fromstring(f"<w:body {namespaces}>{body}</w:body>".encode(), _PARSER)
        for element in [root, *rng.sample(list(root.iter()), min(3, len(root)))]:
            for tags in tag_sets:
                expected = "".join(element.itertext(*tags, with_tail=False))
                assert _joined_text(element, *tags) == expected, body
                checked += 1
    assert checked > 12_000
