"""Plain text and e-mail extraction on real files."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from PIL import Image

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts
from recordkeeper.samples.builders import make_eml, make_pdf
from tests.msg_builder import make_msg


def _facts(path: Path) -> DocumentFacts:
    result = extract_file(path, path.name, Limits())
    assert isinstance(result, DocumentFacts), result
    return result


def test_utf8_markdown_headings(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# Projektplan\n\nText om planen.\n\n## Tidplan ##\n", encoding="utf-8")
    facts = _facts(path)
    assert facts.kind == "text"
    assert facts.title == "Projektplan"
    assert facts.headings == ("Projektplan", "Tidplan")


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("Minnesanteckningar från mötet i Örebro".encode("cp1252"))
    assert _facts(path).text == "Minnesanteckningar från mötet i Örebro"


def test_short_windows_1252_text_is_not_read_as_east_asian(tmp_path: Path) -> None:
    path = tmp_path / "kort.txt"
    path.write_bytes("Åsa är här".encode("cp1252"))
    assert _facts(path).text == "Åsa är här"


def test_utf16_csv_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "stat.csv"
    path.write_bytes("Län;Antal\nSkåne;12\n".encode("utf-16"))
    assert "Skåne;12" in _facts(path).text


def test_eml_headers_body_and_attachments(tmp_path: Path) -> None:
    path = make_eml(
        tmp_path / "synpunkter.eml",
        sender="Karin Ek <karin.ek@npo.example>",
        to=["fmb@myndighet.example", "Per Ås <per@fk.example>"],
        subject="Synpunkter på textförslag",
        body="Hej!\nHär kommer våra synpunkter.",
        sent_at=datetime(2025, 5, 6, 14, 0, tzinfo=UTC),
        attachments=[("synpunkter.docx", b"PK\x03\x04")],
    )
    facts = _facts(path)
    assert facts.kind == "eml"
    assert facts.email is not None
    assert facts.email.sender == "Karin Ek <karin.ek@npo.example>"
    assert facts.email.recipients == ("fmb@myndighet.example", "Per Ås <per@fk.example>")
    assert facts.email.subject == "Synpunkter på textförslag"
    assert facts.email.sent_at == datetime(2025, 5, 6, 14, 0, tzinfo=UTC)
    assert facts.email.attachment_names == ("synpunkter.docx",)
    assert facts.title == "Synpunkter på textförslag"
    assert "våra synpunkter" in facts.text


def test_html_only_eml_body_becomes_text(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "a@example.org"
    message["To"] = "b@example.org"
    message["Cc"] = "c@example.org, d@example.org"
    message["Subject"] = "Enkät"
    message.set_content(
        "<html><head><style>p{}</style></head><body><p>Svara på enkäten</p>"
        "<p>senast fredag</p></body></html>",
        subtype="html",
    )
    path = tmp_path / "html.eml"
    path.write_bytes(bytes(message))
    facts = _facts(path)
    assert facts.text == "Svara på enkäten\nsenast fredag"
    assert facts.email is not None
    assert facts.email.cc == ("c@example.org", "d@example.org")


def test_msg_headers_body_and_attachments(tmp_path: Path) -> None:
    path = make_msg(
        tmp_path / "svar.msg",
        sender_name="Karin Ek",
        sender_email="karin.ek@npo.example",
        to=[("FMB", "fmb@myndighet.example")],
        cc=[("Per Ås", "per@fk.example")],
        subject="Synpunkter på textförslag",
        body="Hej!\nHär är våra synpunkter.",
        sent_at=datetime(2025, 5, 6, 14, 0, tzinfo=UTC),
        attachments=[("synpunkter.docx", b"PK\x03\x04")],
    )
    facts = _facts(path)
    assert facts.kind == "msg"
    assert facts.email is not None
    assert facts.email.sender == "Karin Ek <karin.ek@npo.example>"
    assert any("fmb@myndighet.example" in r for r in facts.email.recipients)
    assert any("per@fk.example" in r for r in facts.email.cc)
    assert facts.email.subject == "Synpunkter på textförslag"
    assert facts.email.sent_at == datetime(2025, 5, 6, 14, 0, tzinfo=UTC)
    assert facts.email.attachment_names == ("synpunkter.docx",)
    assert "våra synpunkter" in facts.text


def test_eml_encoded_words_and_large_attachment(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "=?utf-8?q?=C3=85sa_=C3=96berg?= <asa@example.org>"
    message["To"] = "fmb@example.org"
    message["Subject"] = "=?utf-8?q?Statistikbest=C3=A4llning?="
    message.set_content("Bifogat finns underlaget.")
    message.add_attachment(
        b"x" * 2_000_000, maintype="application", subtype="pdf", filename="Underlag för FK.pdf"
    )
    path = tmp_path / "stat.eml"
    path.write_bytes(bytes(message))
    facts = _facts(path)
    assert facts.email is not None
    assert facts.email.sender == "Åsa Öberg <asa@example.org>"
    assert facts.email.subject == "Statistikbeställning"
    assert facts.email.attachment_names == ("Underlag för FK.pdf",)
    assert facts.text.strip() == "Bifogat finns underlaget."


def test_msg_whose_first_sectors_hold_an_attached_pdf_is_read_as_a_mail(tmp_path: Path) -> None:
    """A mail "Se bifogad fil." with a PDF attached: the compound file may store the PDF in
    its first sector, within the file's first 1,024 bytes, where a PDF's "%PDF-" is looked
    for; the OLE signature at the very start says what the file is (session 10: such a
    mail was refused as wrong_extension, content pdf)."""
    rng = random.Random(3)
    page = Image.frombytes("L", (120, 170), bytes(rng.randrange(200, 256) for _ in range(20400)))
    jpeg = io.BytesIO()
    page.save(jpeg, format="JPEG", quality=60)
    pdf = make_pdf(tmp_path / "yttrande.pdf", [], text_layer=False, scan_pages=[jpeg.getvalue()])
    pdf_bytes = pdf.read_bytes()
    assert len(pdf_bytes) >= 4096  # a stream of its own (a smaller one: in the mini stream)
    path = make_msg(
        tmp_path / "SYNPUNKTER_FK.msg",
        sender_name="Ulrika Lind",
        sender_email="ulrika.lind@myndighet.example",
        to=[("Försäkringskassan", "fmb@fk.example"), ("NPO", "npo@region.example")],
        subject="Underlag för synpunkter",
        body="Hej,\nSe bifogat underlag.\nUlrika",
        sent_at=datetime(2026, 5, 4, 9, 0, tzinfo=UTC),
        attachments=[("Yttrande FK.pdf", pdf_bytes)],
    )
    assert b"%PDF-" in path.read_bytes()[:1024]
    facts = _facts(path)
    assert facts.kind == "msg"
    assert facts.email is not None
    assert facts.email.attachment_names == ("Yttrande FK.pdf",)
    assert "Se bifogat underlag." in facts.text


# Sniffing finds "%PDF-" anywhere in the first 1,024 bytes: a mail or a note naming it
# near its start was `wrong_extension` (content pdf) and classified by its name only, so
# a sender could keep a mail that must be registered from being read (session 12)


def test_a_mail_whose_subject_names_a_pdf_header_is_read(tmp_path: Path) -> None:
    path = tmp_path / "Fel i bilagan.eml"
    path.write_bytes(
        b"From: anna.ek@example.se\nTo: registrator@example.org\n"
        b"Subject: Bilagan (%PDF-1.7) gick inte att =?utf-8?q?=C3=B6ppna?=\n"
        b"Content-Type: text/plain; charset=utf-8\n\nHej, filen verkar trasig.\n"
    )
    facts = _facts(path)
    assert facts.email is not None
    assert facts.email.subject == "Bilagan (%PDF-1.7) gick inte att öppna"
    assert facts.text == "Hej, filen verkar trasig.\n"


def test_a_note_naming_a_pdf_header_is_read(tmp_path: Path) -> None:
    path = tmp_path / "anteckning.txt"
    path.write_bytes("Filen saknar sitt huvud %PDF-1.4 och kan inte läsas.\n".encode())
    assert _facts(path).text == "Filen saknar sitt huvud %PDF-1.4 och kan inte läsas.\n"
