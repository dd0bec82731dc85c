"""Word documents (.docx/.dotx/.docm): text, headings, comments, revisions, properties.

Parses only the parts that carry text, directly with lxml: python-docx's
`Document()` loads and parses every part and costs about 30 times more on
typical agency files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from recordkeeper.ingest.extract.base import (
    Limits,
    Parsed,
    Refused,
    cap_text,
    clean,
    new_parsed,
    parse_w3cdtf,
)
from recordkeeper.ingest.extract.ooxml import Package, core_properties
from recordkeeper.model import UnreadableReason

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
W_P, W_T, W_TAB, W_BR, W_CR = f"{W}p", f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
W_PPR, W_PSTYLE, W_OUTLINE = f"{W}pPr", f"{W}pStyle", f"{W}outlineLvl"
W_TXBX, W_VAL, W_BODY = f"{W}txbxContent", f"{W}val", f"{W}body"
W_STYLE, W_STYLE_ID, W_NAME = f"{W}style", f"{W}styleId", f"{W}name"
W_COMMENT = f"{W}comment"
_REVISIONS = (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
V_TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
_PARTS = re.compile(r"^word/(header|footer)\d{0,9}\.xml$")  # int() takes the number
_PART_PREFIXES = ("word/header", "word/footer")  # what every name _PARTS matches starts with
_NOTES = ("word/footnotes.xml", "word/endnotes.xml")
_KNOWN_HEADING_ID = re.compile(r"^(Heading|Rubrik)([1-9])$")
_PLAIN_IDS = frozenset({"Normal", "ListParagraph", "Liststycke", "NoSpacing", "Ingetavstnd"})


def _joined_text(root: etree._Element, *tags: str) -> str:
    """`"".join(root.itertext(*tags, with_tail=False))`: the text of each element with one
    of `tags`, in document order, `root` included. itertext walks with `iterwalk`, which
    makes a Python proxy for every element on the way (a run, its properties, ...), not
    only for those it reports; `iter` with the same tags makes one per match, about
    three times cheaper on a Word body."""
    return "".join([text for element in root.iter(*tags) if (text := element.text) is not None])


def _paragraph_text(paragraph: etree._Element) -> str:
    """Text of a paragraph that hosts a text box, without the box's own paragraphs."""
    return "".join(
        node.text or ""
        for node in paragraph.iter(W_T, W_TAB, W_BR, W_CR)
        if _host(node) is paragraph
    )


def _host(node: etree._Element) -> etree._Element | None:
    """The innermost paragraph that contains `node`."""
    parent = node.getparent()
    while parent is not None and parent.tag != W_P:
        parent = parent.getparent()
    return parent


def _drop_fallbacks(root: etree._Element) -> None:
    """mc:Fallback repeats the mc:Choice content (text boxes): keep one copy."""
    for fallback in list(root.iter(MC_FALLBACK)):
        parent = fallback.getparent()
        if parent is not None:
            parent.remove(fallback)


_NS = {"w": W[1:-1]}
# Paragraphs inside paragraphs, or text outside any paragraph: the one-pass split
# below would give their text to the wrong paragraph.
_IRREGULAR = etree.XPath(
    "boolean(//w:p//w:p | (//w:t | //w:tab | //w:br | //w:cr)[not(ancestor::w:p)])",
    namespaces=_NS,
)
# Marks where each paragraph starts in the one-pass text (a private-use character).
_START = "\ue000"


def _texts_by_paragraph(
    root: etree._Element,
) -> tuple[list[etree._Element], list[str]] | None:
    """The paragraphs, and each one's text as `_paragraphs` joins it, in one text pass
    (a paragraph's own text is set to a start mark); None where that pass
    could differ: nested paragraphs, text outside paragraphs, the mark in the text."""
    if _IRREGULAR(root):
        return None
    paragraphs = list(root.iter(W_P))
    for paragraph in paragraphs:
        paragraph.text = _START
    joined = _joined_text(root, W_P, W_T, W_TAB, W_BR, W_CR)
    texts = joined.split(_START)
    if len(texts) != len(paragraphs) + 1 or texts[0]:
        return None
    return paragraphs, texts[1:]


def _style_and_outline(properties: etree._Element) -> tuple[str | None, bool]:
    """A paragraph's style id and whether it has an outline level, from its w:pPr."""
    # next(iterchildren(tag)) is find(tag) without ElementPath's path machinery.
    style_el = next(properties.iterchildren(W_PSTYLE), None)
    style = style_el.get(W_VAL) if style_el is not None else None
    return style, next(properties.iterchildren(W_OUTLINE), None) is not None


def _paragraphs(root: etree._Element) -> list[tuple[str | None, str, bool]]:
    """(style id, text, has outline level) per paragraph, in document order."""
    hosts = {_host(box) for box in root.iter(W_TXBX)}
    # Give tabs and breaks their characters so that one text pass joins a paragraph.
    for node in root.iter(W_TAB, W_BR, W_CR):
        node.text = "\t" if node.tag == W_TAB else "\n"
    # A paragraph's properties: its first w:pPr child (document order visits it first).
    properties_of: dict[etree._Element, etree._Element] = {}
    for properties in root.iter(W_PPR):
        properties_of.setdefault(properties.getparent(), properties)
    split = None if hosts else _texts_by_paragraph(root)
    if split is not None:
        paragraphs, texts = split
        found: list[tuple[str | None, str, bool]] = [(None, text, False) for text in texts]
        if properties_of:  # usually a few paragraphs among many
            index_of = {paragraph: index for index, paragraph in enumerate(paragraphs)}
            for parent, properties in properties_of.items():
                index = index_of.get(parent)
                if index is not None:
                    style, outline = _style_and_outline(properties)
                    found[index] = (style, texts[index], outline)
        return found
    found = []
    for paragraph in root.iter(W_P):
        if paragraph in hosts:
            text = _paragraph_text(paragraph)
        else:
            text = _joined_text(paragraph, W_T, W_TAB, W_BR, W_CR)
        properties = properties_of.get(paragraph)
        style, outline = (None, False) if properties is None else _style_and_outline(properties)
        found.append((style, text, outline))
    return found


def _style_kinds(package: Package, ids: set[str]) -> dict[str, str]:
    """Map style ids to "title" or "heading"; reads styles.xml only for unknown ids."""
    kinds: dict[str, str] = {}
    unknown: set[str] = set()
    for style_id in ids:
        if style_id == "Title":
            kinds[style_id] = "title"
        elif _KNOWN_HEADING_ID.match(style_id):
            kinds[style_id] = "heading"
        elif style_id not in _PLAIN_IDS:
            unknown.add(style_id)
    if unknown and package.has("word/styles.xml"):
        for style in package.xml("word/styles.xml").iter(W_STYLE):
            style_id = style.get(W_STYLE_ID)
            if style_id not in unknown:
                continue
            name_el = style.find(W_NAME)
            name = (name_el.get(W_VAL) or "").lower() if name_el is not None else ""
            properties = style.find(W_PPR)
            outlined = properties is not None and properties.find(W_OUTLINE) is not None
            if name == "title":
                kinds[style_id] = "title"
            elif name.startswith("heading") or outlined:
                kinds[style_id] = "heading"
    return kinds


def _header_first(name: str) -> tuple[bool, int, str]:
    digits = "".join(c for c in name if c.isdigit())
    return ("footer" in name, int(digits or 0), name)


def _header_footer_parts(names: Iterable[str]) -> list[str]:
    """The header and footer parts, headers first, each in part-number order."""
    candidates = (n for n in names if n.startswith(_PART_PREFIXES))  # before the regex
    return sorted((n for n in candidates if _PARTS.match(n)), key=_header_first)


def _part_text(package: Package, name: str) -> str:
    root = package.xml(name)
    _drop_fallbacks(root)
    lines = [text for _, text, _ in _paragraphs(root) if text.strip()]
    # A watermark (Design > Watermark: "UTKAST", "DRAFT", "KONFIDENTIELLT") is a VML text
    # path in a header, its words in an attribute, not in a run: each on a line of its own.
    marks = _watermarks(root)
    if marks:  # a set: `mark not in lines` was quadratic (60,000 paths took 18 s)
        seen = set(lines)
        for mark in marks:
            if mark not in seen:
                seen.add(mark)
                lines.append(mark)
    return "\n".join(lines)


def _watermarks(root: etree._Element) -> list[str]:
    """The words of the VML text paths (Word's watermarks) in a part, in order."""
    marks = (clean(path.get("string") or "") for path in root.iter(V_TEXTPATH))
    return [mark for mark in marks if mark]


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse a WordprocessingML package."""
    package = Package(data, limits)
    package.require("docx")
    main = package.main_part("word/document.xml")
    root = package.xml(main)
    if not root.tag.startswith(W):
        raise Refused(UnreadableReason.CORRUPT, "main part is not WordprocessingML")
    _drop_fallbacks(root)
    paragraphs = _paragraphs(root)
    kinds = _style_kinds(package, {style for style, _, _ in paragraphs if style})
    title_para: str | None = None
    first_heading: str | None = None
    headings: list[str] = []
    lines = [text for _, text, _ in paragraphs if text.strip()]
    # Only a paragraph with a style or an outline level can be the title or a heading.
    for style, text, outline in [p for p in paragraphs if p[0] or p[2]]:
        stripped = text.strip()
        if not stripped:
            continue
        kind = kinds.get(style) if style else None
        if kind == "title" and title_para is None:
            title_para = clean(stripped)
        elif kind == "heading" or (outline and kind is None):
            heading = clean(stripped)
            if heading:
                headings.append(heading)
                first_heading = first_heading or heading
    has_revisions = next(root.iter(*_REVISIONS), None) is not None
    extra: list[str] = []
    # Headers before footers, each in part-number order.
    for name in _header_footer_parts(package.names):
        part_text = _part_text(package, name)
        if part_text and part_text not in extra:
            extra.append(part_text)
    for name in _NOTES:
        if package.has(name):
            part_text = _part_text(package, name)
            if part_text:
                extra.append(part_text)
    has_comments = False
    if package.has("word/comments.xml"):
        comments = package.xml("word/comments.xml")
        has_comments = next(comments.iter(W_COMMENT), None) is not None
        comment_text = "\n".join(t for _, t, _ in _paragraphs(comments) if t.strip())
        if comment_text:
            extra.append(comment_text)
    metadata = core_properties(package)
    text = "\n".join(lines)
    if extra:
        text = text + "\n\n" + "\n\n".join(extra)
    return new_parsed(
        text=cap_text(text, limits.max_text_chars),
        title=metadata.get("title") or title_para or first_heading,
        headings=tuple(headings),
        metadata=metadata,
        created_at=parse_w3cdtf(metadata.get("created")),
        modified_at=parse_w3cdtf(metadata.get("modified")),
        has_comments=has_comments,
        has_tracked_changes=has_revisions,
    )
