"""A mail forwarded as an attachment is classed by the mail it carries (session 8).

Outlook's "forward as attachment" (and a mail dragged into a new one) sends a short line
("För diarieföring. /Ulrika") with the original mail attached whole (message/rfc822). The
extraction shows the original below that line as an inline forward shows it (a separator,
`Från:`, `Skickat:`, `Till:`, `Ämne:`, its text), so the classifier reads the same thing
either way. Real .eml files written by the stdlib, real extraction, the shipped rules.
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import olefile
import pytest
from structlog.testing import capture_logs

from recordkeeper.classify import classify_document
from recordkeeper.classify.classifier import PART_UNREADABLE
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import UNREADABLE_PARTS, Classification, DocumentFacts
from recordkeeper.registry import Reason, propose_record
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_pdf
from tests.msg_builder import make_msg, mapi_message

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
LEAD = "Ulrika Lind <ulrika.lind@socialstyrelsen.se>"
REGISTRAR = "registrator@socialstyrelsen.se"
FK = "Försäkringskassan <fmb@forsakringskassan.se>"
FK_TEXT = (
    "Hej,\nFörsäkringskassan anser att rekommendation 1 bör ange när deltid inte räcker, "
    "och att arbetsplatsdialog bör nämnas.\nEnheten för försäkringsmedicin"
)


def _mail(sender: str, to: str, subject: str, body: str, at: datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(at)
    message.set_content(body)
    return message


def _fk_mail() -> EmailMessage:
    subject = "Synpunkter på FMB generaliserat ångestsyndrom"
    return _mail(FK, LEAD, subject, FK_TEXT, datetime(2026, 4, 29, 15, 45, tzinfo=UTC))


def _write(path: Path, message: EmailMessage) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path


def _facts(path: Path, rel: str) -> DocumentFacts:
    facts = extract_file(path, rel, Limits())
    assert isinstance(facts, DocumentFacts)
    return facts


def _classify(root: Path, rel: str, message: EmailMessage) -> tuple[DocumentFacts, Classification]:
    facts = _facts(_write(root / rel, message), rel)
    return facts, classify_document(facts, RULES)


def _forward_whole(subject: str, body: str, inner: EmailMessage) -> EmailMessage:
    outer = _mail(LEAD, REGISTRAR, subject, body, datetime(2026, 4, 30, 9, 0, tzinfo=UTC))
    outer.add_attachment(inner)
    return outer


def test_comments_forwarded_whole_are_comments_from_their_sender(tmp_path: Path) -> None:
    rel = "GAD/Synpunkter/VB Synpunkter från FK.eml"
    outer = _forward_whole(
        "VB: " + str(_fk_mail()["Subject"]), "För diarieföring. /Ulrika", _fk_mail()
    )
    facts, result = _classify(tmp_path, rel, outer)
    assert facts.email is not None and facts.email.sender == LEAD  # the mail's own header
    assert facts.text.startswith("För diarieföring. /Ulrika\n\n-----Ursprungligt meddelande-----\n")
    assert "Från: Försäkringskassan <fmb@forsakringskassan.se>\n" in facts.text
    assert "Ämne: Synpunkter på FMB generaliserat ångestsyndrom\n" in facts.text
    assert facts.text.endswith("Enheten för försäkringsmedicin")
    assert (result.doc_class, result.is_draft, result.must_register) == ("comments", False, True)
    assert "comm.external_sender@email_sender" in result.reasons  # FK's, not the lead's


def test_forwarded_whole_and_inline_are_classed_alike(tmp_path: Path) -> None:
    """The same comments forwarded inline (Outlook's own forward header in the text) and
    forwarded whole: one class, one duty."""
    inline_body = (
        "För diarieföring. /Ulrika\n\n-----Ursprungligt meddelande-----\n"
        f"Från: {FK}\nSkickat: den 29 april 2026 17:45\nTill: {LEAD}\n"
        f"Ämne: Synpunkter på FMB generaliserat ångestsyndrom\n\n{FK_TEXT}"
    )
    subject = "VB: Synpunkter på FMB generaliserat ångestsyndrom"
    at = datetime(2026, 4, 30, 9, 0, tzinfo=UTC)
    _, inline = _classify(
        tmp_path, "a/inline.eml", _mail(LEAD, REGISTRAR, subject, inline_body, at)
    )
    _, whole = _classify(
        tmp_path, "b/whole.eml", _forward_whole(subject, "För diarieföring. /Ulrika", _fk_mail())
    )
    assert (whole.doc_class, whole.must_register) == (inline.doc_class, inline.must_register)
    assert whole.doc_class == "comments"


def test_a_declaration_forwarded_whole_is_the_declaration(tmp_path: Path) -> None:
    """The expert's own mail with her filled-in declaration ('COI …') and agreement, forwarded
    whole by the lead: from her, not the agency's form sent out (coi.sent_by_agency)."""
    inner = _mail(
        "Leila Moradi <leila.moradi@akademiska.se>",
        LEAD,
        "Signed documents",
        "Hi Ulrika,\nAttached are my conflict of interest declaration and the signed fee "
        "agreement.\nBest, Leila",
        datetime(2026, 2, 17, 19, 30, tzinfo=UTC),
    )
    for name, lines in (
        ("COI Leila Moradi.pdf", ["Conflict of interest declaration", "Leila Moradi"]),
        ("Fee agreement signed LM.pdf", ["Fee agreement", "Leila Moradi"]),
    ):
        content = make_pdf(tmp_path / "tmp" / name, lines).read_bytes()
        inner.add_attachment(content, maintype="application", subtype="pdf", filename=name)
    outer = _forward_whole(
        "FW: Signed documents – Leila Moradi (FMB OSA)",
        "Please register in the OSA case. The original mail is attached.\n/Ulrika",
        inner,
    )
    facts, result = _classify(tmp_path, "OSA/FW Signed documents Leila Moradi.eml", outer)
    assert facts.email is not None
    assert facts.email.attachment_names == ("COI Leila Moradi.pdf", "Fee agreement signed LM.pdf")
    assert (result.doc_class, result.must_register) == ("coi_declaration", True)
    assert "coi.sent_by_agency@email_sender" not in result.reasons


def test_a_mail_without_a_mail_inside_keeps_its_text(tmp_path: Path) -> None:
    """Only carried mails are added: a mail with a PDF attached has its own text only."""
    message = _fk_mail()
    content = make_pdf(tmp_path / "tmp" / "Synpunkter.pdf", ["Synpunkter"]).read_bytes()
    message.add_attachment(
        content, maintype="application", subtype="pdf", filename="Synpunkter.pdf"
    )
    facts, result = _classify(tmp_path, "GAD/Synpunkter FK.eml", message)
    assert facts.text == FK_TEXT
    assert result.doc_class == "comments"


def test_a_carried_mail_without_text_still_shows_its_sender(tmp_path: Path) -> None:
    """A carried mail with only an attachment: its header lines follow the forward's text."""
    inner = EmailMessage()
    inner["From"] = FK
    inner["Subject"] = "Statistikunderlag"
    inner.add_attachment(b"x", maintype="application", subtype="pdf", filename="Leverans.pdf")
    outer = _forward_whole("VB: Statistikunderlag", "", inner)
    facts = _facts(_write(tmp_path / "x.eml", outer), "x.eml")
    assert facts.text == (
        "-----Ursprungligt meddelande-----\nFrån: Försäkringskassan <fmb@forsakringskassan.se>\n"
        "Ämne: Statistikunderlag\n\n"
    )


# --- Outlook .msg: a message attached whole is an embedded message ---------------------


def test_an_outlook_msg_forwarded_whole_is_classed_by_the_mail_it_carries(tmp_path: Path) -> None:
    inner = mapi_message(
        sender_name="Försäkringskassan",
        sender_email="fmb@forsakringskassan.se",
        to=[("Ulrika Lind", "ulrika.lind@socialstyrelsen.se")],
        subject="Synpunkter på FMB generaliserat ångestsyndrom",
        body=FK_TEXT,
        attachments=[("Synpunkter FK GAD.pdf", b"%PDF-1.4 synpunkter")],
    )
    path = make_msg(
        tmp_path / "GAD" / "VB Synpunkter från FK.msg",
        sender_name="Ulrika Lind",
        sender_email="ulrika.lind@socialstyrelsen.se",
        to=[("Registrator", REGISTRAR)],
        subject="VB: Synpunkter på FMB generaliserat ångestsyndrom",
        body="För diarieföring. /Ulrika",
        carried=[("Synpunkter på FMB generaliserat ångestsyndrom.msg", inner)],
    )
    facts = _facts(path, "GAD/VB Synpunkter från FK.msg")
    assert facts.email is not None
    assert facts.email.attachment_names == (
        "Synpunkter på FMB generaliserat ångestsyndrom.msg",
        "Synpunkter FK GAD.pdf",
    )
    assert facts.text.startswith("För diarieföring. /Ulrika\n\n-----Ursprungligt meddelande-----\n")
    assert "Från: Försäkringskassan <fmb@forsakringskassan.se>\n" in facts.text
    assert facts.text.endswith("Enheten för försäkringsmedicin")
    result = classify_document(facts, RULES)
    assert (result.doc_class, result.must_register) == ("comments", True)
    assert "comm.external_sender@email_sender" in result.reasons


def test_an_outlook_msg_without_a_mail_inside_keeps_its_text(tmp_path: Path) -> None:
    path = make_msg(
        tmp_path / "x.msg",
        sender_name="Försäkringskassan",
        sender_email="fmb@forsakringskassan.se",
        to=[("Ulrika Lind", "ulrika.lind@socialstyrelsen.se")],
        subject="Synpunkter",
        body=FK_TEXT,
        attachments=[("Synpunkter.pdf", b"%PDF-1.4 x")],
    )
    facts = _facts(path, "x.msg")
    assert facts.text.strip() == FK_TEXT
    assert facts.email is not None and facts.email.attachment_names == ("Synpunkter.pdf",)


def test_the_registration_proposal_names_the_forwarded_mails_writer(tmp_path: Path) -> None:
    """The registrar registers Försäkringskassan's mail, received, not Ulrika's forward."""
    registration = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("registration")
    rel = "GAD/Synpunkter/VB Synpunkter från FK.eml"
    outer = _forward_whole("VB: Synpunkter", "För diarieföring. /Ulrika", _fk_mail())
    facts, result = _classify(tmp_path, rel, outer)
    record = propose_record(
        facts,
        result,
        class_name="Synpunkter",
        first_seen_at=datetime(2026, 4, 30, 9, 5, tzinfo=UTC),
        project_dnrs=(),
        rules=registration,  # type: ignore[arg-type]
        duty=Reason("class_must_register"),
    )
    assert record.direction == "received"
    assert (record.counterpart, record.counterpart_source) == (FK, "email_forwarded_from")
    # sent by FK on 29 April (17:45 in Stockholm), forwarded to the registrar on the 30th
    assert (record.arrived_on, record.date_source) == (date(2026, 4, 29), "date_forwarded_email")


BOUNCE = """\
From: Mail Delivery System <MAILER-DAEMON@socialstyrelsen.se>
To: ulrika.lind@socialstyrelsen.se
Subject: Undeliverable: Jävsdeklaration - underskriven
Date: Mon, 02 Mar 2026 10:00:00 +0100
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="XX"

--XX
Content-Type: text/plain; charset=utf-8

Delivery has failed to these recipients or groups:
karin.wiik@region.example
The recipient's mailbox is full.

--XX
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.socialstyrelsen.se

Final-Recipient: rfc822; karin.wiik@region.example
Action: failed
Status: 5.2.2

--XX
Content-Type: message/rfc822

From: Ulrika Lind <ulrika.lind@socialstyrelsen.se>
To: karin.wiik@region.example
Subject: Jävsdeklaration - underskriven
Date: Mon, 02 Mar 2026 09:59:00 +0100
Content-Type: text/plain; charset=utf-8

Hej Karin,
Här kommer min ifyllda jävsdeklaration.
Jag har inga bindningar till läkemedelsindustrin.
Underskrift: Karin Wiik
Ort och datum: Uppsala 2026-03-02

--XX--
"""


def test_a_delivery_failure_report_is_no_copy_of_the_mail_it_carries(tmp_path: Path) -> None:
    """A mail server's bounce carries the undelivered mail whole; since that mail's text now
    follows the report's, the report must still be read as a notice (correspondence, not
    registered), not as the declaration the undelivered mail was about."""
    rel = "GAD/Jäv/Undeliverable Jävsdeklaration.eml"
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    path.write_text(BOUNCE, encoding="utf-8")
    facts = _facts(path, rel)
    assert "Här kommer min ifyllda jävsdeklaration." in facts.text  # the carried mail is read
    result = classify_document(facts, RULES)
    assert (result.doc_class, result.must_register) == ("correspondence", False)
    assert "corr.delivery_report@email_sender" in result.reasons


def test_an_outlook_msg_forwarded_whole_near_midnight_is_dated_in_the_agencys_zone(
    tmp_path: Path,
) -> None:
    """FK sent it at 00:30 on 30 April in Stockholm (22:30 UTC on the 29th): the embedded
    message's Skickat: line is written as an .eml's Date header (RFC 5322, with its offset),
    so the proposal reads that moment in the agency's zone (session 9; it was an ISO moment
    in UTC, read as the 29th)."""
    registration = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("registration")
    inner = mapi_message(
        sender_name="Försäkringskassan",
        sender_email="fmb@forsakringskassan.se",
        to=[("Ulrika Lind", "ulrika.lind@socialstyrelsen.se")],
        subject="Synpunkter på FMB generaliserat ångestsyndrom",
        body=FK_TEXT,
        sent_at=datetime(2026, 4, 29, 22, 30, tzinfo=UTC),
    )
    rel = "GAD/Synpunkter/VB Synpunkter från FK.msg"
    path = make_msg(
        tmp_path / rel,
        sender_name="Ulrika Lind",
        sender_email="ulrika.lind@socialstyrelsen.se",
        to=[("Registrator", REGISTRAR)],
        subject="VB: Synpunkter på FMB generaliserat ångestsyndrom",
        body="För diarieföring. /Ulrika",
        sent_at=datetime(2026, 5, 4, 9, 0, tzinfo=UTC),
        carried=[("Synpunkter på FMB generaliserat ångestsyndrom.msg", inner)],
    )
    facts = _facts(path, rel)
    assert "\nSkickat: Wed, 29 Apr 2026 22:30:00 +0000\n" in facts.text
    result = classify_document(facts, RULES)
    assert (result.doc_class, result.must_register) == ("comments", True)
    record = propose_record(
        facts,
        result,
        class_name="Synpunkter",
        first_seen_at=datetime(2026, 5, 4, 9, 5, tzinfo=UTC),
        project_dnrs=(),
        rules=registration,  # type: ignore[arg-type]
        duty=Reason("class_must_register"),
    )
    assert (record.direction, record.counterpart_source) == ("received", "email_forwarded_from")
    assert (record.arrived_on, record.date_source) == (date(2026, 4, 30), "date_forwarded_email")


# --- an Outlook .msg whose carried mail cannot be read (session 9) ----------------------


def _break_carried_text(path: Path) -> None:
    """The carried mail's text stream (PR_BODY, UTF-16) becomes lone surrogates: its
    message cannot be read; the outer mail stays whole."""
    body = ["__attach_version1.0_#00000000", "__substg1.0_3701000D", "__substg1.0_1000001F"]
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        size = len(ole.openstream(body).read())
        ole.write_stream(body, b"\x00\xd8" * (size // 2))


def test_an_outlook_msg_whose_carried_mail_cannot_be_read_records_it(tmp_path: Path) -> None:
    inner = mapi_message(
        sender_name="Karin Wiik",
        sender_email="karin.wiik@region.example",
        to=[("Ulrika Lind", "ulrika.lind@socialstyrelsen.se")],
        subject="Jävsdeklaration Karin Wiik",
        body="Här kommer min ifyllda jävsdeklaration.",
    )
    rel = "GAD/VB Jävsdeklaration.msg"
    path = make_msg(
        tmp_path / rel,
        sender_name="Ulrika Lind",
        sender_email="ulrika.lind@socialstyrelsen.se",
        to=[("Registrator", REGISTRAR)],
        subject="VB: Jävsdeklaration",
        body="För diarieföring. /Ulrika",
        carried=[("Jävsdeklaration Karin Wiik.msg", inner)],
    )
    whole = _facts(path, rel)
    assert UNREADABLE_PARTS not in whole.metadata
    _break_carried_text(path)
    with capture_logs() as events:
        facts = _facts(path, rel)
    assert facts.text == "För diarieföring. /Ulrika"  # the outer mail is kept
    assert facts.email is not None
    assert facts.email.attachment_names == ("Jävsdeklaration Karin Wiik.msg",)
    assert facts.metadata[UNREADABLE_PARTS] == "1"
    result = classify_document(facts, RULES)
    assert PART_UNREADABLE in result.reasons
    assert result.needs_review
    assert PART_UNREADABLE not in classify_document(whole, RULES).reasons
    # logged with the file's hash, without a name, an address or a subject
    (logged,) = [e for e in events if e["event"] == "extract_part_unreadable"]
    assert (logged["sha256"], logged["kind"], logged["parts"]) == (facts.sha256, "msg", "1")
    text = str(events)
    for value in ("Karin", "Wiik", "Ulrika", "region.example", "Jävsdeklaration"):
        assert value not in text


# --- an .eml whose carried mail cannot be read (session 10) -----------------------------


def _carried_as(outer: EmailMessage, how: str) -> bytes:
    """`outer` with its carried mail (message/rfc822) written as a client that breaks it
    does: base64-encoded (RFC 2046 5.2.1 forbids any encoding but 7bit, 8bit or binary),
    or cut off after its part's header block."""
    raw = bytes(outer)
    start = raw.index(b"Content-Type: message/rfc822")
    head_end = raw.index(b"\n\n", start) + 2
    boundary = outer.get_boundary()
    assert boundary is not None
    end = raw.index(b"\n--" + boundary.encode(), head_end)
    if how == "base64":
        body = base64.encodebytes(raw[head_end:end])
        head = raw[start:head_end].replace(b"\n\n", b"\nContent-Transfer-Encoding: base64\n\n")
        return raw[:start] + head + body + raw[end:]
    return raw[:head_end] + raw[end:]


@pytest.mark.parametrize("how", ["base64", "cut_off"])
def test_an_eml_whose_carried_mail_cannot_be_read_records_it(tmp_path: Path, how: str) -> None:
    inner = _mail(
        "Karin Wiik <karin.wiik@region.example>",
        LEAD,
        "Jävsdeklaration Karin Wiik",
        "Här kommer min ifyllda jävsdeklaration.",
        datetime(2026, 4, 29, 15, 45, tzinfo=UTC),
    )
    outer = _forward_whole("VB: Jävsdeklaration", "För diarieföring. /Ulrika", inner)
    rel = "GAD/VB Jävsdeklaration.eml"
    whole = _facts(_write(tmp_path / rel, outer), rel)
    assert UNREADABLE_PARTS not in whole.metadata
    path = tmp_path / rel
    path.write_bytes(_carried_as(outer, how))
    with capture_logs() as events:
        facts = _facts(path, rel)
    assert facts.text == "För diarieföring. /Ulrika"  # the outer mail is kept, no garbage
    assert facts.email is not None
    assert facts.email.subject == "VB: Jävsdeklaration"
    assert facts.metadata[UNREADABLE_PARTS] == "1"
    result = classify_document(facts, RULES)
    assert PART_UNREADABLE in result.reasons
    assert result.needs_review
    assert PART_UNREADABLE not in classify_document(whole, RULES).reasons
    # logged with the file's hash, without a name, an address or a subject
    (logged,) = [e for e in events if e["event"] == "extract_part_unreadable"]
    assert (logged["sha256"], logged["kind"], logged["parts"]) == (facts.sha256, "eml", "1")
    text = str(events)
    for value in ("Karin", "Wiik", "Ulrika", "region.example", "Jävsdeklaration"):
        assert value not in text


def test_an_eml_read_receipt_carried_is_not_an_unreadable_mail(tmp_path: Path) -> None:
    """Only a carried mail is judged: a read receipt's fields (message/disposition-
    notification) hold no mail header and are read as before."""
    receipt = (
        "From: Karin Wiik <karin.wiik@region.example>\nTo: " + LEAD + "\n"
        "Subject: Läst: Jävsdeklaration\nDate: Wed, 29 Apr 2026 15:45:00 +0000\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="b"\n'
        "\n--b\nContent-Type: text/plain; charset=utf-8\n\nDitt meddelande har lästs.\n"
        "--b\nContent-Type: message/disposition-notification\n\n"
        "Reporting-UA: mail.region.example\nFinal-Recipient: rfc822;karin.wiik@region.example\n"
        "Disposition: manual-action/MDN-sent-manually; displayed\n--b--\n"
    )
    rel = "GAD/Läst Jävsdeklaration.eml"
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    path.write_text(receipt, encoding="utf-8")
    assert UNREADABLE_PARTS not in _facts(path, rel).metadata
