"""Write real .docx/.xlsx/.pptx/.pdf/.eml files with chosen content.

Each builder writes one file and returns its path. Content is given as plain
values (title, paragraphs, core properties, dates) so tests and corpus
generators can plant exactly the signals they need.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
import pptx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FPDF
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_docx(
    path: Path,
    *,
    title: str | None = None,
    paragraphs: Sequence[str] = (),
    headings: Sequence[str] = (),
    table: Sequence[Sequence[str]] = (),
    header: str | None = None,
    footer: str | None = None,
    author: str | None = None,
    core_title: str | None = None,
    created: datetime | None = None,
    modified: datetime | None = None,
    comment: str | None = None,
    template: str | None = None,
    tracked_changes: Sequence[tuple[str, str]] = (),
    images: Sequence[bytes] = (),
) -> Path:
    """A Word document: optional Title-styled heading, headings, paragraphs, a table.

    `template` is written to docProps/app.xml (Word's "Template" property, e.g.
    "Mall_Textförslag FMB.dotx"); `tracked_changes` are ("ins" | "del", text)
    revisions appended as a last paragraph; `images` (JPEG/PNG bytes) are
    embedded as pictures, which gives files a realistic size.
    """
    document = docx.Document()
    if title:
        document.add_heading(title, level=0)
    for heading in headings:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    if tracked_changes:
        _add_tracked_changes(document, tracked_changes, author or "Reviewer")
    for image in images:
        document.add_picture(io.BytesIO(image), width=docx.shared.Cm(12))
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if comment and document.paragraphs:
        document.add_comment(
            document.paragraphs[-1].runs or [document.paragraphs[-1].add_run(" ")],
            text=comment,
            author="Reviewer",
        )
    props = document.core_properties
    props.author = author or ""
    props.title = core_title or ""
    props.created = created or datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    props.modified = modified or props.created
    if template is not None:
        _set_template(document, template)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _add_tracked_changes(
    document: docx.document.Document, changes: Sequence[tuple[str, str]], author: str
) -> None:
    """Append one paragraph holding w:ins / w:del revisions (Word's track changes)."""
    paragraph = document.add_paragraph()
    for number, (kind, text) in enumerate(changes, start=1):
        revision = OxmlElement("w:ins" if kind == "ins" else "w:del")
        revision.set(qn("w:id"), str(900 + number))
        revision.set(qn("w:author"), author)
        revision.set(qn("w:date"), "2025-03-01T09:00:00Z")
        run = OxmlElement("w:r")
        node = OxmlElement("w:t" if kind == "ins" else "w:delText")
        node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        node.text = text
        run.append(node)
        revision.append(run)
        paragraph._p.append(revision)


def _set_template(document: docx.document.Document, template: str) -> None:
    """Replace docProps/app.xml so it names the template the document was made from."""
    app_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes"><Template>{escape(template)}</Template>'
        "<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>"
        "</Properties>"
    ).encode()
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = app_xml  # generic Part keeps its bytes here; no public setter


def make_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    sheet_title: str = "Blad1",
    creator: str | None = None,
    extra_sheets: Mapping[str, Sequence[Sequence[object]]] | None = None,
) -> Path:
    """A workbook with one sheet of rows (e.g. survey answers, statistics), plus extra sheets."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title
    for row in rows:
        sheet.append(list(row))
    for title, extra_rows in (extra_sheets or {}).items():
        extra = book.create_sheet(title)
        for row in extra_rows:
            extra.append(list(row))
    if creator:
        book.properties.creator = creator
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def make_pptx(
    path: Path,
    slides: Sequence[tuple[str, str]],
    *,
    author: str | None = None,
    images: Sequence[bytes] = (),
) -> Path:
    """A presentation: one (title, body) per slide, then one picture slide per image."""
    deck = pptx.Presentation()
    layout = deck.slide_layouts[1]
    for title, body in slides:
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    for image in images:
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        slide.shapes.add_picture(io.BytesIO(image), pptx.util.Cm(2), pptx.util.Cm(2))
    if author:
        deck.core_properties.author = author
    path.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(path))
    return path


def make_pdf(
    path: Path,
    lines: Sequence[str],
    *,
    title: str | None = None,
    author: str | None = None,
    text_layer: bool = True,
    scan_pages: Sequence[bytes] = (),
    form_fields: Sequence[tuple[str, str]] = (),
) -> Path:
    """A PDF with a text layer, or with text_layer=False no text at all, like a scan.

    A scan is a drawn shape, or with `scan_pages` one full-page image (JPEG
    bytes) per page, which gives a realistic size. Text that fits Latin-1
    (all Swedish letters do) uses a core font, which is much faster than
    embedding DejaVu; other text embeds DejaVu when it is installed.
    `form_fields` ((name, value) pairs) makes it a filled-in form: the values
    live only in text fields on the first page, not in the page text.
    """
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if text_layer:
        pdf.add_page()
        _set_pdf_font(pdf, lines)
        for line in lines:
            pdf.multi_cell(0, 6, _pdf_text(pdf, line), new_x="LMARGIN", new_y="NEXT")
    elif scan_pages:
        for image in scan_pages:
            pdf.add_page()
            pdf.image(io.BytesIO(image), x=0, y=0, w=210)
    else:
        pdf.add_page()
        pdf.rect(20, 20, 100, 60)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    if form_fields:
        _fill_form(path, form_fields)
    return path


def _fill_form(path: Path, fields: Sequence[tuple[str, str]]) -> None:
    """Add filled text fields (AcroForm widgets with a value) to the PDF's first page."""
    writer = PdfWriter(clone_from=str(path))
    widgets = ArrayObject()
    for number, (name, value) in enumerate(fields):
        top = 700 - number * 40
        widget = writer.add_annotation(
            0,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Widget"),
                    NameObject("/FT"): NameObject("/Tx"),
                    NameObject("/T"): TextStringObject(name),
                    NameObject("/V"): TextStringObject(value),
                    NameObject("/F"): NumberObject(4),
                    NameObject("/Rect"): ArrayObject(
                        [FloatObject(x) for x in (300, top, 560, top + 18)]
                    ),
                }
            ),
        )
        widgets.append(widget.indirect_reference)
    writer.set_need_appearances_writer(True)  # creates /AcroForm; viewers draw the values
    acroform = writer.root_object[NameObject("/AcroForm")]
    assert isinstance(acroform, DictionaryObject)
    acroform[NameObject("/Fields")] = widgets
    with path.open("wb") as handle:
        writer.write(handle)


def _set_pdf_font(pdf: FPDF, lines: Sequence[str]) -> None:
    try:
        "".join(lines).encode("latin-1")
    except UnicodeEncodeError:
        if _DEJAVU.exists():
            pdf.add_font("DejaVu", fname=str(_DEJAVU))
            pdf.set_font("DejaVu", size=11)
            return
    pdf.set_font("helvetica", size=11)


def _pdf_text(pdf: FPDF, line: str) -> str:
    if pdf.font_family == "dejavu":
        return line
    return line.encode("latin-1", "replace").decode("latin-1")


def make_eml(
    path: Path,
    *,
    sender: str,
    to: Sequence[str],
    subject: str,
    body: str,
    sent_at: datetime | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> Path:
    """An RFC 5322 e-mail, optionally with attachments (name, bytes)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at or datetime(2025, 4, 2, 10, 30, tzinfo=UTC))
    # A digest, not hash(): str hashes change per process and the corpus must be reproducible.
    digest = hashlib.sha256(f"{sender}\n{subject}\n{body}".encode()).hexdigest()[:24]
    message["Message-ID"] = f"<{digest}@example.invalid>"
    message.set_content(body)
    for name, content in attachments:
        message.add_attachment(
            content, maintype="application", subtype="octet-stream", filename=name
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path
