"""Habits of the session-13 holdout that the rules missed (bench/holdout/session13.py):
declarations in other agencies' phrasing and in English, one written in a mail's body and
forwarded twice; a mail someone forwards of their own; nomination requests that ask for
"namnförslag"; agendas beside minutes; the version "till remiss"; an agreement "för
underskrift"; a project retrospective; an agreement headed "Överenskommelse". Real files,
real extraction, the shipped rules, the folder pass of `classify --json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.model import Classification
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf
from tests.classify_support import classified_by_name

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
LEAD = "Maja Ström <maja.strom@socialstyrelsen.se>"


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


@pytest.mark.parametrize(
    "lines",
    [
        [
            "Anmälan om intressen och uppdrag",
            "Namn: Sofia Ek",
            "Arbetsplats: Psykologhuset i Lund",
            "Lund den 24 februari 2026",
        ],
        [
            "Förklaring om opartiskhet",
            "Undertecknad, Jonas Berglund, företagsläkare, förklarar härmed att jag inte har "
            "några ekonomiska eller andra intressen som kan påverka min bedömning.",
            "Sundsvall 2026-03-02",
        ],
        [
            "Statement of interests",
            "Name: Hamid Sadeghi",
            "Paid lectures or advisory boards for the industry: two lectures",
            "Hamid Sadeghi",
        ],
        [
            "Disclosure of potential conflicts",
            "Expert: Tobias Wren, Karolinska Institutet",
            "Consulting fees from companies: none",
        ],
        [
            "Interests and relationships – self-report",
            "Name: Sara Dahl",
            "Relationships with industry (fees, grants, shares): none",
        ],
    ],
    ids=["anmalan", "forklaring", "statement", "disclosure", "relationships"],
)
def test_a_declaration_in_another_agencys_words_is_a_declaration(
    tmp_path: Path, lines: list[str]
) -> None:
    """The form's heading in another agency's or an English wording, under a file name that
    says nothing of it ("Bilaga 3.pdf"): the declaration, registered."""
    make_pdf(tmp_path / "P" / "Bilaga 3.pdf", lines)
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Bilaga 3.pdf"]) == ("coi_declaration", False, True)


def test_a_declaration_written_in_a_mail_forwarded_twice_is_the_declaration(
    tmp_path: Path,
) -> None:
    """An RG member declares in a mail's body ("I, …, have no financial interests"), the
    project lead forwards it to a colleague and then to the registrar: the mail is the
    declaration, registered. The sender is the member below the lead's own two hops (the
    lead's address would make it a mail the agency sent out)."""
    make_eml(
        tmp_path / "P" / "Fwd_ Fwd_ RE_ declaration.eml",
        sender=LEAD,
        to=["Registrator <registrator@socialstyrelsen.se>"],
        subject="Fwd: Fwd: RE: declaration",
        body=(
            "För registrering.\n/Maja\n\n---------- Forwarded message ---------\n"
            "From: Maja Ström\nSubject: Fwd: RE: declaration\n\nKan du lägga in honom?\n\n"
            "---------- Forwarded message ---------\n"
            "From: Henrik Moberg <henrik.moberg@norrbotten.se>\nSubject: RE: declaration\n\n"
            "Hi Maja,\nhere is my declaration as requested:\nI, Henrik Moberg, nephrologist, "
            "have no financial interests or ties to companies in the field.\nHenrik Moberg"
        ),
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Fwd_ Fwd_ RE_ declaration.eml"]) == ("coi_declaration", False, True)


def test_a_mail_forwarded_by_its_own_sender_is_sent_by_the_agency(tmp_path: Path) -> None:
    """The lead forwards her own mail with the proposal to FK and the NPO ("FW: Remiss …",
    the quoted "Från: Maja Ström" without an address): material sent out (correspondence,
    registered), not comments received. The same forward of FK's mail is FK's comments."""
    pdf = make_pdf(tmp_path / "Textförslag.pdf", ["Textförslag", "Rekommendationer"]).read_bytes()
    folder = tmp_path / "P"
    make_eml(
        folder / "FW_ Remiss textförslag CKD.eml",
        sender=LEAD,
        to=["remiss@forsakringskassan.se", "npo.njur@regionvasterbotten.se"],
        subject="FW: Remiss textförslag CKD",
        body=(
            "Hej,\nvidarebefordrar förslaget för synpunkter senast 25 maj.\nMaja\n\n"
            "-----Ursprungligt meddelande-----\nFrån: Maja Ström\n"
            "Ämne: Remiss textförslag CKD\n\nHej, här är versionen som går på remiss."
        ),
        attachments=[("Textförslag CKD för synpunkter.pdf", pdf)],
    )
    make_eml(
        folder / "FW_ Synpunkter FK.eml",
        sender=LEAD,
        to=["Registrator <registrator@socialstyrelsen.se>"],
        subject="FW: Remiss textförslag CKD",
        body=(
            "För diarieföring.\n/Maja\n\n-----Ursprungligt meddelande-----\n"
            "Från: Ylva Berg <ylva.berg@forsakringskassan.se>\n"
            "Ämne: SV: Remiss textförslag CKD\n\n"
            "Försäkringskassan har följande synpunkter på textförslaget: deltid bör "
            "förtydligas."
        ),
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["FW_ Remiss textförslag CKD.eml"]) == ("correspondence", False, True)
    assert got["FW_ Synpunkter FK.eml"].doc_class == "comments"


def test_a_request_for_namnforslag_is_a_nomination_request(tmp_path: Path) -> None:
    """ "… – vi söker sakkunniga och deltagare" and "… – namnförslag?": the request for
    experts (registered when sent), as "Förfrågan om sakkunniga" is."""
    folder = tmp_path / "P"
    make_eml(
        folder / "Till NPO 22 jan.eml",
        sender="Petra Nyman <petra.nyman@socialstyrelsen.se>",
        to=["npo.psykiskhalsa@regionstockholm.se"],
        subject="FMB insomni – vi söker sakkunniga och deltagare till rekommendationsgrupp",
        body="Hej,\nvi vänder oss till NPO för att få namn på två läkare.\nPetra",
    )
    make_eml(
        folder / "Revidering.eml",
        sender="Oskar Lindahl <oskar.lindahl@socialstyrelsen.se>",
        to=["npo.hjartkarl@regionorebrolan.se"],
        subject="Medverkan i revidering av FMB hjärtsvikt – namnförslag?",
        body="Hej!\nVi behöver två kardiologer som sakkunniga. Har NPO namnförslag?\nOskar",
    )
    got = classified_by_name(tmp_path, RULES)
    for name in ("Till NPO 22 jan.eml", "Revidering.eml"):
        assert _state(got[name]) == ("nomination_request", False, True), name


def test_an_agenda_is_about_the_meeting_and_minutes_agreeing_add_facts(tmp_path: Path) -> None:
    """An agenda ("Dagordning – uppstartsmöte", "Agenda") is meeting_notes that add no facts:
    not registered. Minutes where the group "kom överens om" a division of work add facts:
    registered."""
    folder = tmp_path / "P"
    agenda = ["1. Presentation", "2. Uppdraget och instruktionen", "3. Tidplan", "4. Övrigt"]
    make_docx(
        folder / "Uppstart 10 mars.docx", title="Dagordning – uppstartsmöte", paragraphs=agenda
    )
    make_docx(folder / "Möte 1.docx", title="Agenda", paragraphs=agenda)
    make_docx(
        folder / "Expertmöte 1 – anteckningar.docx",
        paragraphs=[
            "Anteckningar expertmöte 1, 5 mars 2026",
            "Deltog: Birgitta Rönn, Hamid Sadeghi, Oskar Lindahl",
            "Vi kom överens om att Birgitta reviderar Kort om diagnosen.",
        ],
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Uppstart 10 mars.docx"]) == ("meeting_notes", False, False)
    assert _state(got["Möte 1.docx"]) == ("meeting_notes", False, False)
    assert _state(got["Expertmöte 1 – anteckningar.docx"]) == ("meeting_notes", False, True)


def test_the_version_sent_for_consultation_is_no_draft(tmp_path: Path) -> None:
    """ "… v0.9 till remiss 2026-05-04.pdf": a v0.x name, but the version sent out for
    comment: no draft, registered. The same name without "till remiss" is a draft."""
    lines = ["Textförslag och rekommendationer – insomni", "Kort om diagnosen", "Rekommendationer"]
    folder = tmp_path / "P"
    make_pdf(folder / "Textförslag insomni v0.9 till remiss 2026-05-04.pdf", lines)
    make_pdf(folder / "Kort om diagnosen insomni v0.4 2026-03-27.pdf", lines)
    got = classified_by_name(tmp_path, RULES)
    sent = got["Textförslag insomni v0.9 till remiss 2026-05-04.pdf"]
    assert _state(sent) == ("text_proposal", False, True)
    assert got["Kort om diagnosen insomni v0.4 2026-03-27.pdf"].is_draft


def test_an_agreement_named_for_signature_is_a_draft(tmp_path: Path) -> None:
    """ "Avtal Erik Lund för underskrift.docx" (the Word file sent to be signed, the signed
    PDF filed elsewhere): a draft, not registered; the signed one is registered."""
    lines = [
        "Uppdragsavtal",
        "mellan Socialstyrelsen och Erik Lund",
        "Ersättning: 1 300 kronor per timme, betalas mot faktura.",
    ]
    make_docx(tmp_path / "Utgående" / "Avtal Erik Lund för underskrift.docx", paragraphs=lines)
    make_pdf(tmp_path / "Inkommet" / "Avtal Erik Lund underskrivet.pdf", lines)
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Avtal Erik Lund för underskrift.docx"]) == ("agreement", True, False)
    assert _state(got["Avtal Erik Lund underskrivet.pdf"]) == ("agreement", False, True)


def test_a_retrospective_is_an_experience_report(tmp_path: Path) -> None:
    """ "Project retrospective" / "Återblick" with what worked and what not: the experience
    report (registered)."""
    folder = tmp_path / "P"
    make_docx(
        folder / "Close-out CKD (en).docx",
        title="Project retrospective – FMB chronic kidney disease",
        headings=["What worked", "What did not", "For next time"],
        paragraphs=["The NPO needed more time for comments."],
    )
    make_docx(
        folder / "Hjärtsvikt 2026.docx",
        title="Återblick – revidering av FMB hjärtsvikt",
        paragraphs=["Vad gick bra? Sakkunniga rekryterades snabbt."],
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Close-out CKD (en).docx"]) == ("experience_report", False, True)
    assert _state(got["Hjärtsvikt 2026.docx"]) == ("experience_report", False, True)


def test_an_agreement_headed_overenskommelse_is_an_agreement(tmp_path: Path) -> None:
    """A PDF named by the counterpart only ("Capio Hjärtkliniken.pdf") whose first line is
    "Överenskommelse": the agreement, registered."""
    make_pdf(
        tmp_path / "Experts and RG" / "Capio Hjärtkliniken.pdf",
        [
            "Överenskommelse",
            "Parter: Socialstyrelsen och Capio Hjärtkliniken AB.",
            "Capio ställer specialistläkare Hamid Sadeghi till förfogande som sakkunnig.",
            "Timarvode 1 350 kr/tim exkl. moms, mot faktura.",
        ],
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Capio Hjärtkliniken.pdf"]) == ("agreement", False, True)


def test_a_scan_headed_deklaration_is_a_declaration(tmp_path: Path) -> None:
    """A scan whose OCR layer reads three words, the first a heading "Dek1aration" (l read
    as 1), then the person and her organisation: the declaration, registered."""
    make_pdf(
        tmp_path / "Experts and RG" / "Anita Lund.pdf",
        ["Dek1aration", "Anita Lund", "Hjart- och Lungsjukas"],
    )
    got = classified_by_name(tmp_path, RULES)
    assert _state(got["Anita Lund.pdf"]) == ("coi_declaration", False, True)
