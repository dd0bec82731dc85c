"""Write real .docx/.xlsx/.pptx/.pdf/.eml files with chosen content.

Each builder writes one file and returns its path. Content is given as plain
values (title, paragraphs, core properties, dates) so tests and corpus
generators can plant exactly the signals they need.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx
import openpyxl
import pptx
from fpdf import FPDF


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
) -> Path:
    """A Word document: optional Title-styled heading, headings, paragraphs, a table."""
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
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def make_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    sheet_title: str = "Blad1",
    creator: str | None = None,
) -> Path:
    """A workbook with one sheet of rows (e.g. survey answers, statistics)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title
    for row in rows:
        sheet.append(list(row))
    if creator:
        book.properties.creator = creator
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def make_pptx(path: Path, slides: Sequence[tuple[str, str]]) -> Path:
    """A presentation: one (title, body) per slide."""
    deck = pptx.Presentation()
    layout = deck.slide_layouts[1]
    for title, body in slides:
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
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
) -> Path:
    """A PDF with a text layer (or, with text_layer=False, only a drawn shape, like a scan)."""
    pdf = FPDF()
    pdf.add_page()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if text_layer:
        font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        if font.exists():
            pdf.add_font("DejaVu", fname=str(font))
            pdf.set_font("DejaVu", size=11)
        else:
            pdf.set_font("helvetica", size=11)
        for line in lines:
            text = line if font.exists() else line.encode("latin-1", "replace").decode("latin-1")
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.rect(20, 20, 100, 60)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


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
    message["Message-ID"] = f"<{abs(hash((sender, subject, body)))}@example.invalid>"
    message.set_content(body)
    for name, content in attachments:
        message.add_attachment(
            content, maintype="application", subtype="octet-stream", filename=name
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path
