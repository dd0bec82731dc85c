"""EDGE: OpenDocument text (.odt, LibreOffice/OpenOffice) read into `Parsed`.

The package is read through `ooxml.Package` (the same zip-bomb budget, entry
count and compression-ratio checks as Word files) and its XML through
`ooxml.parse_xml` (no DTD, no entities, no network). The text is the body's
paragraphs and headings in order; comments (`office:annotation`) and tracked
changes (`text:tracked-changes`) are flagged, and comment text is appended
after the body as the docx extractor does. Spreadsheets and presentations in
ODF are not read here.
"""

from __future__ import annotations

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
from recordkeeper.ingest.extract.ooxml import Package
from recordkeeper.model import UnreadableReason

__all__ = ["extract"]

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_P, _H = f"{_TEXT}p", f"{_TEXT}h"
_SPACE, _TAB, _BREAK = f"{_TEXT}s", f"{_TEXT}tab", f"{_TEXT}line-break"
_ANNOTATION, _CHANGES = f"{_OFFICE}annotation", f"{_TEXT}tracked-changes"
_CHANGE_MARKS = (f"{_TEXT}change-start", f"{_TEXT}change", f"{_TEXT}change-end")
_MAX_SPACES = 64  # text:s c="…" is a count the file chooses; a few are enough for text


def _text_of(element: etree._Element) -> str:
    """A paragraph's text: spans flattened, text:s/tab/line-break as whitespace."""
    out: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _SPACE:
            count = child.get(f"{_TEXT}c") or "1"
            # ASCII digits, at most three: int() refuses "²" (isdigit) and 4,301+ digits
            number = int(count) if count.isascii() and count.isdigit() and len(count) < 4 else 1
            out.append(" " * min(number, _MAX_SPACES))
        elif tag == _TAB:
            out.append("\t")
        elif tag == _BREAK:
            out.append("\n")
        elif tag not in (_P, _H):  # a nested paragraph (a note's body) is read on its own
            out.append(_text_of(child))
        out.append(child.tail or "")
    return "".join(out)


def _paragraphs(root: etree._Element) -> list[tuple[str, str, str | None]]:
    """(tag, text, style) of every paragraph and heading, in document order."""
    return [
        (node.tag, _text_of(node), node.get(f"{_TEXT}style-name")) for node in root.iter(_P, _H)
    ]


def _remove_keeping_tail(node: etree._Element) -> None:
    """Remove an element but keep the text after it (lxml's remove drops the tail)."""
    parent, previous, tail = node.getparent(), node.getprevious(), node.tail
    if parent is None:
        return
    parent.remove(node)
    if tail and previous is not None:
        previous.tail = (previous.tail or "") + tail
    elif tail:
        parent.text = (parent.text or "") + tail


def _check_package(package: Package) -> None:
    if package.has("mimetype"):
        mimetype = package.read("mimetype").strip()
        if mimetype != _MIMETYPE:
            raise Refused(UnreadableReason.WRONG_EXTENSION, "content another ODF kind")
    elif any(name.startswith("word/") for name in package.names):
        raise Refused(UnreadableReason.WRONG_EXTENSION, "content docx")
    if package.has("META-INF/manifest.xml") and b"encryption-data" in package.read(
        "META-INF/manifest.xml"
    ):
        raise Refused(UnreadableReason.ENCRYPTED, "encrypted ODF package")
    if not package.has("content.xml"):
        raise Refused(UnreadableReason.CORRUPT, "no content.xml")


def _meta(package: Package) -> dict[str, str]:
    found: dict[str, str] = {}
    if not package.has("meta.xml"):
        return found
    root = package.xml("meta.xml")
    for key, tag in (
        ("title", f"{_DC}title"),
        ("author", f"{_META}initial-creator"),
        ("last_modified_by", f"{_DC}creator"),
        ("subject", f"{_DC}subject"),
        ("description", f"{_DC}description"),
        ("created", f"{_META}creation-date"),
        ("modified", f"{_DC}date"),
        ("application", f"{_META}generator"),
    ):
        element = next(root.iter(tag), None)
        value = clean(element.text) if element is not None else None
        if value:
            found[key] = value
    if "author" not in found and "last_modified_by" in found:
        found["author"] = found["last_modified_by"]
    return found


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse an OpenDocument text package."""
    package = Package(data, limits)
    _check_package(package)
    root = package.xml("content.xml")
    if root.tag != f"{_OFFICE}document-content":
        raise Refused(UnreadableReason.CORRUPT, "content.xml is not an ODF document")
    changes = next(root.iter(_CHANGES), None)
    has_changes = changes is not None or next(root.iter(*_CHANGE_MARKS), None) is not None
    if changes is not None:  # the deleted text lives here, not in the document's text
        _remove_keeping_tail(changes)
    annotations = list(root.iter(_ANNOTATION))
    comments = []
    for note in annotations:
        comments += [t for _, t, _ in _paragraphs(note) if t.strip()]
        _remove_keeping_tail(note)
    paragraphs = _paragraphs(root)
    lines = [text for _, text, _ in paragraphs if text.strip()]
    headings = tuple(h for tag, text, _ in paragraphs if tag == _H and (h := clean(text)))
    styled_title = next(
        (clean(t) for _, t, style in paragraphs if style == "Title" and t.strip()), None
    )
    metadata = _meta(package)
    text = "\n".join(lines)
    if comments:
        text = text + "\n\n" + "\n".join(comments)
    return new_parsed(
        text=cap_text(text, limits.max_text_chars),
        title=metadata.get("title") or styled_title or (headings[0] if headings else None),
        headings=headings,
        metadata=metadata,
        created_at=parse_w3cdtf(metadata.get("created")),
        modified_at=parse_w3cdtf(metadata.get("modified")),
        has_comments=bool(annotations),
        has_tracked_changes=has_changes,
    )
