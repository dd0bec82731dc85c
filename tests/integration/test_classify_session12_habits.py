"""Habits of the session-12 holdout that the rules missed (bench/holdout/session12.py):
minutes kept in an updated calendar invitation beside one that only books the meeting
(.eml with a text/calendar part, an Outlook meeting request .msg); blank declaration
forms saved under an ordinary name; a signed agreement forwarded to the registrar. Real
files, real extraction, the shipped rules, the folder pass of `classify --json`."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from recordkeeper.ingest.extract import extract_file
from recordkeeper.ingest.extract.base import Limits
from recordkeeper.model import CALENDAR_ITEM, Classification, DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from tests.classify_support import classified_by_name
from tests.msg_builder import make_msg, mapi_message

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
LEAD = ("Helena Borg", "helena.borg@socialstyrelsen.se")
EXPERTS = ["ulf.brandt@akademiska.se", "sanna.liden@regiongavleborg.se"]


def _invitation(path: Path, subject: str, description: str, sequence: int = 0) -> Path:
    """A meeting invitation saved from Outlook as .eml: a text body and a text/calendar
    part (METHOD:REQUEST) whose DESCRIPTION repeats it."""
    message = EmailMessage()
    message["From"] = f"{LEAD[0]} <{LEAD[1]}>"
    message["To"] = ", ".join(EXPERTS)
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 3, 12, 11, 30, tzinfo=UTC))
    message["Message-ID"] = f"<{sequence}-{len(subject)}-inv@example.invalid>"
    message.set_content(description)
    ics = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
            "VERSION:2.0",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            f"ORGANIZER;CN={LEAD[0]}:mailto:{LEAD[1]}",
            *[f"ATTENDEE;RSVP=TRUE:mailto:{a}" for a in EXPERTS],
            "DTSTART;TZID=W. Europe Standard Time:20260312T090000",
            f"SUMMARY:{subject}",
            "DESCRIPTION:" + description.replace(",", "\\,").replace("\n", "\\n"),
            f"SEQUENCE:{sequence}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    message.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path


MINUTES = (
    "Minnesanteckningar från uppstartsmötet 12 mars.\n"
    "Närvarande: Helena Borg, Ulf Brandt, Sanna Lidén.\n"
    "Instruktionen och tidplanen gicks igenom.\n"
    "Beslutades att Sanna skriver Kort om diagnosen och Ulf ICF-avsnitten."
)
BOOKING = "Välkomna till uppstartsmötet. Dagordning och länk till Teams-mötet nedan."


def _facts(path: Path) -> DocumentFacts:
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts)
    return facts


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def test_a_mail_with_a_calendar_part_is_a_calendar_item(tmp_path: Path) -> None:
    invitation = _invitation(tmp_path / "inbjudan.eml", "Uppstartsmöte", BOOKING)
    mail = make_eml(
        tmp_path / "mejl.eml", sender=LEAD[1], to=EXPERTS, subject="Uppstartsmöte", body=BOOKING
    )
    assert _facts(invitation).metadata.get(CALENDAR_ITEM) == "1"
    assert CALENDAR_ITEM not in _facts(mail).metadata


def test_an_outlook_meeting_request_is_a_calendar_item(tmp_path: Path) -> None:
    def msg(name: str, message_class: str | None) -> Path:
        from aspose.email_foss import msg as mapi

        message = mapi_message(
            sender_name=LEAD[0],
            sender_email=LEAD[1],
            to=[("Ulf Brandt", EXPERTS[0])],
            subject="Uppstartsmöte",
            body=BOOKING,
        )
        if message_class:
            message.set_property(mapi.PropertyId.MESSAGE_CLASS, message_class)
        message.save(str(tmp_path / name))
        return tmp_path / name

    assert (
        _facts(msg("möte.msg", "IPM.Schedule.Meeting.Request")).metadata.get(CALENDAR_ITEM) == "1"
    )
    assert CALENDAR_ITEM not in _facts(msg("mejl.msg", None)).metadata


def test_minutes_in_an_updated_invitation_are_the_minutes(tmp_path: Path) -> None:
    """The notes in the description of an updated invitation, with a decision: the minutes
    (registered: they add facts); the invitation that only booked the meeting, named
    "(inbjudan)", stays correspondence, not registered and no request for nominations."""
    folder = tmp_path / "Psoriasisartrit nytt FMB" / "05_Möten"
    _invitation(folder / "5.1 Uppstartsmöte (inbjudan).eml", "Uppstartsmöte FMB PsA", BOOKING)
    _invitation(
        folder / "5.2 Uppstartsmöte - anteckningar.eml",
        "Uppdaterad: Uppstartsmöte FMB PsA",
        MINUTES,
        sequence=1,
    )
    _invitation(
        folder / "Möte rekommendationsgruppen 20 maj.eml",
        "Möte rekommendationsgruppen FMB PsA",
        "Här är inbjudan till mötet med rekommendationsgruppen. Dagordning kommer senare.",
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["5.2 Uppstartsmöte - anteckningar.eml"]) == ("meeting_notes", False, True)
    assert _state(got["5.1 Uppstartsmöte (inbjudan).eml"]) == ("correspondence", False, False)
    booking = got["Möte rekommendationsgruppen 20 maj.eml"]
    assert _state(booking) == ("correspondence", False, False)
    assert "case.calendar_item@fact" in booking.reasons


def test_minutes_mailed_as_an_ordinary_mail_stay_correspondence(tmp_path: Path) -> None:
    """The calendar part is what makes the difference: the same words in a plain mail are
    a mail (every e-mail is kept out of meeting_notes, `notes.not_email`)."""
    make_eml(
        tmp_path / "P" / "Uppstartsmöte - anteckningar.eml",
        sender=f"{LEAD[0]} <{LEAD[1]}>",
        to=EXPERTS,
        subject="Uppstartsmöte FMB PsA",
        body=MINUTES,
    )
    got = classified_by_name(tmp_path, RULES)
    assert got["Uppstartsmöte - anteckningar.eml"].doc_class == "correspondence"


BLANK = [
    "Socialstyrelsen",
    "Jävsdeklaration för externa experter",
    "Namn: ______________________________",
    "Uppdrag: ___________________________",
    "Ekonomiska intressen i företag inom området (ja/nej): ____",
    "Andra omständigheter som kan påverka förtroendet för din opartiskhet: ____",
    "Ort och datum: ____________________",
    "Namnteckning: _____________________",
]


def test_a_blank_declaration_form_is_no_declaration(tmp_path: Path) -> None:
    """A form with its fields empty, named as a declaration is ("2.3.4 Jävsdeklaration"): a
    blank form (class other, for a person to decide), not registered; "Name:", "Role:" with
    nothing after them alike. The same form filled in is the declaration."""
    folder = tmp_path / "PsA" / "2.3 Rekommendationsgrupp"
    make_docx(folder / "2.3.4 Jävsdeklaration.docx", paragraphs=BLANK)
    make_docx(
        folder / "DoI form.docx",
        title="Declaration of interests",
        paragraphs=["Name:", "Role:", "Employer:", "Financial interests in companies:"],
    )
    filled = [
        line.replace("______________________________", "Hanna Öhman")
        .replace("___________________________", "Rekommendationsgruppen")
        .replace("____________________", "Västerås 2026-02-18")
        .replace("_____________________", "Hanna Öhman")
        .replace("____", "Nej")
        for line in BLANK
    ]
    make_docx(folder / "2.3.1 Jävsdeklaration Hanna Öhman.docx", paragraphs=filled)
    got = classified_by_name(tmp_path, RULES)
    for name in ("2.3.4 Jävsdeklaration.docx", "DoI form.docx"):
        assert _state(got[name]) == ("other", False, False), name
        assert got[name].needs_review
    assert _state(got["2.3.1 Jävsdeklaration Hanna Öhman.docx"]) == (
        "coi_declaration",
        False,
        True,
    )


def test_a_signature_block_or_a_header_row_is_no_blank_form(tmp_path: Path) -> None:
    """An agreement whose signature block has empty lines ("Namn: ____", "Datum: ____") is
    the agreement; a roster whose header row reads "Namn", "Profession", "Organisation" one
    cell a line (no colons) is not a blank form either."""
    make_pdf(
        tmp_path / "P" / "Avtal om ersättning Ulf Brandt.pdf",
        [
            "Avtal om ersättning",
            "mellan Socialstyrelsen (beställaren) och Ulf Brandt (uppdragstagaren)",
            "Ersättning: 1 150 kronor per timme, högst 40 timmar, mot faktura.",
            "För Socialstyrelsen",
            "Namn: ______________________",
            "Datum: ______________________",
        ],
    )
    make_xlsx(
        tmp_path / "P" / "Nominerade till rekommendationsgruppen.xlsx",
        [
            ["Namn", "Profession", "Organisation", "E-post"],
            ["Hanna Öhman", "distriktsläkare", "Region Västmanland", "hanna.ohman@rv.se"],
        ],
    )
    got = classified_by_name(tmp_path, RULES)
    assert got["Avtal om ersättning Ulf Brandt.pdf"].doc_class == "agreement"
    assert got["Nominerade till rekommendationsgruppen.xlsx"].doc_class == "nomination_request"


AGREEMENT = [
    "Avtal om ersättning",
    "mellan Socialstyrelsen (beställaren) och Olof Rydén (uppdragstagaren)",
    "Ersättning: 1 200 kronor per timme, högst 40 timmar, mot faktura.",
    "Stockholm 2026-02-05 Jonas Falk      Lund 2026-02-09 Olof Rydén",
]


def _pdf_bytes(tmp: Path, lines: list[str]) -> bytes:
    return make_pdf(tmp / "attachment.pdf", lines).read_bytes()


def test_a_signed_agreement_forwarded_to_the_registrar_is_the_agreement(tmp_path: Path) -> None:
    """ "VB: Avtal … signerat" (.eml) and "FW: Avtal … underskrivet" (.msg), the signed
    agreement attached: the mail is the agreement (registered), as a mail carrying a
    declaration is the declaration. The agreement the agency sends out to be signed is not
    one, and a mail carrying both a declaration and an agreement stays the declaration's."""
    pdf = _pdf_bytes(tmp_path, AGREEMENT)
    folder = tmp_path / "MS" / "Rekrytering"
    make_eml(
        folder / "VB_ Avtal Sanna Lidén signerat.eml",
        sender="Jonas Falk <jonas.falk@socialstyrelsen.se>",
        to=["Registrator <registrator@socialstyrelsen.se>"],
        subject="VB: Avtal Sanna Lidén signerat",
        body=(
            "Hej! Vidarebefordrar det signerade avtalet för diarieföring.\n/Jonas\n\n"
            "-----Ursprungligt meddelande-----\n"
            "Från: Sanna Lidén <sanna.liden@regiongavleborg.se>\n"
            "Ämne: Avtal signerat\n\nHej, här kommer avtalet underskrivet. Mvh Sanna"
        ),
        attachments=[("Avtal Sanna Lidén signerat.pdf", pdf)],
    )
    make_msg(
        folder / "FW_ Avtal Olof Rydén.msg",
        sender_name="Jonas Falk",
        sender_email="jonas.falk@socialstyrelsen.se",
        to=[("Registrator", "registrator@socialstyrelsen.se")],
        subject="FW: Avtal Olof Rydén – underskrivet",
        body="Vidarebefordrar underskrivet avtal för diarieföring.\r\n/Jonas\r\n\r\n"
        "From: Olof Rydén <olof.ryden@skane.se>\r\nSubject: Avtal\r\n\r\n"
        "Hej, bifogat finns avtalet underskrivet. /Olof",
        attachments=[("Avtal Olof Rydén underskrivet.pdf", pdf)],
    )
    make_eml(
        folder / "Utskick till Olof.eml",
        sender="Jonas Falk <jonas.falk@socialstyrelsen.se>",
        to=["Olof Rydén <olof.ryden@skane.se>"],
        subject="Uppdrag som sakkunnig",
        body="Hej Olof! Bifogat finns avtalet. Skriv under och skicka tillbaka. /Jonas",
        attachments=[("Avtal Olof Rydén för underskrift.pdf", pdf)],
    )
    make_eml(
        folder / "SV_ Handlingar.eml",
        sender="Olof Rydén <olof.ryden@skane.se>",
        to=["Jonas Falk <jonas.falk@socialstyrelsen.se>"],
        subject="SV: Handlingar",
        body="Hej, här kommer jävsdeklarationen och avtalet. /Olof",
        attachments=[
            ("Jävsdeklaration Olof Rydén.pdf", pdf),
            ("Avtal Olof Rydén signerat.pdf", pdf),
        ],
    )
    got = classified_by_name(tmp_path, RULES)
    for name in ("VB_ Avtal Sanna Lidén signerat.eml", "FW_ Avtal Olof Rydén.msg"):
        assert _state(got[name]) == ("agreement", False, True), name
        assert "agr.attached@attachment" in got[name].reasons
    assert "agr.attached@attachment" not in got["Utskick till Olof.eml"].reasons
    both = got["SV_ Handlingar.eml"]
    assert both.doc_class == "coi_declaration" and not both.needs_review
