"""Presentations (.pptx/.potx/.pptm): slide text, slide titles, notes, properties."""

from __future__ import annotations

import posixpath
import re

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
from recordkeeper.ingest.extract.ooxml import NS_REL, Package, core_properties
from recordkeeper.model import UnreadableReason

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
A_P, A_T, A_BR = f"{A}p", f"{A}t", f"{A}br"
P_SP, P_PH, P_SLDID = f"{P}sp", f"{P}ph", f"{P}sldId"
# At most nine digits: int() refuses 4,301 and more (a part named so was an internal error)
_SLIDE = re.compile(r"^ppt/slides/slide(\d{1,9})\.xml$")
_NOTES = re.compile(r"^ppt/notesSlides/notesSlide(\d{1,9})\.xml$")
_TITLE_TYPES = frozenset({"title", "ctrTitle"})


def _paragraph_lines(element: etree._Element) -> list[str]:
    lines: list[str] = []
    for paragraph in element.iter(A_P):
        text = "".join(
            (node.text or "") if node.tag == A_T else "\n" for node in paragraph.iter(A_T, A_BR)
        )
        if text.strip():
            lines.append(text)
    return lines


def _slide_order(package: Package) -> list[str]:
    """Slide parts in presentation order (sldIdLst), falling back to their numbers."""
    numbered = sorted((int(m.group(1)), n) for n in package.names if (m := _SLIDE.match(n)))
    fallback = [name for _, name in numbered]
    rels_name = "ppt/_rels/presentation.xml.rels"
    if not (package.has("ppt/presentation.xml") and package.has(rels_name)):
        return fallback
    targets = {
        rel.get("Id"): posixpath.normpath(posixpath.join("ppt", rel.get("Target") or ""))
        for rel in package.xml(rels_name).iter(f"{{{NS_REL}}}Relationship")
    }
    ordered = [
        targets[sld.get(R_ID)]
        for sld in package.xml("ppt/presentation.xml").iter(P_SLDID)
        if sld.get(R_ID) in targets and package.has(targets[sld.get(R_ID)])
    ]
    return ordered or fallback


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse a PresentationML package."""
    package = Package(data, limits)
    package.require("pptx")
    if not package.has("ppt/presentation.xml"):
        raise Refused(UnreadableReason.CORRUPT, "no presentation part")
    slides = _slide_order(package)
    lines: list[str] = []
    titles: list[str] = []
    for name in slides:
        root = package.xml(name)
        for shape in root.iter(P_SP):
            placeholder = next(shape.iter(P_PH), None)
            if placeholder is not None and placeholder.get("type") in _TITLE_TYPES:
                title = clean(" ".join(_paragraph_lines(shape)))
                if title:
                    titles.append(title)
        lines.extend(_paragraph_lines(root))
    notes = sorted((int(m.group(1)), n) for n in package.names if (m := _NOTES.match(n)))
    for _, name in notes:
        lines.extend(_paragraph_lines(package.xml(name)))
    metadata = core_properties(package)
    return new_parsed(
        text=cap_text("\n".join(lines), limits.max_text_chars),
        title=metadata.get("title") or (titles[0] if titles else None),
        headings=tuple(titles),
        metadata=metadata,
        created_at=parse_w3cdtf(metadata.get("created")),
        modified_at=parse_w3cdtf(metadata.get("modified")),
        page_count=len(slides),
        has_comments=any(
            n.startswith(("ppt/comments/", "ppt/comments/modernComment")) for n in package.names
        ),
    )
