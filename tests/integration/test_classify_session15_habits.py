"""Habits of the session-15 holdout that the rules missed (bench/holdout/session15.py):
mails printed to PDF from Outlook; drafts marked only in the Status core property; scans
named only by the case's diarienummer; declarations, agreements, comments and minutes in
Finland-Swedish and Norwegian; a project run in English ("Expert call", "Conflict disclosure
form", "Statement of Work", "Readout", "Consultation draft", "Response to consultation",
"Milestones", "Lessons log"); untitled minutes whose first line names the meeting; a
declarations form exported as CSV; a report on a survey. Real files, real extraction, the
shipped rules, the folder pass of `classify --json` (run on the folder "P", so that the
test's own name, which pytest gives `tmp_path`, is no folder the rules read)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from recordkeeper.classify.views import printed_mail
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.process.people import looks_like_name
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from tests.check_support import check_folder
from tests.classify_support import classified_by_name

ALL_RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
RULES = ALL_RULES.one("classes")
LEAD = "Sofia Engqvist <sofia.engqvist@socialstyrelsen.se>"


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def _printed(path: Path, header: list[str], body: list[str]) -> Path:
    return make_pdf(path, ["Sofia Engqvist", *header, "", *body])


def test_printed_mails_are_classed_as_the_mails_they_are(tmp_path: Path) -> None:
    """A mail printed to PDF is read as a mail: its "Ämne:" is the subject, its "Från:"
    the sender (a request the lead sent is no comment received)."""
    folder = tmp_path / "P"
    _printed(
        folder / "2.4-10233-2026-2.pdf",
        [
            f"Från: {LEAD}",
            "Skickat: den 15 januari 2026 09:02",
            "Till: NPO <npo@regionorebrolan.se>",
            "Ämne: Förfrågan om sakkunniga – uppdatering FMB reumatoid artrit",
        ],
        ["Hej,", "Vi ber NPO föreslå två sakkunniga.", "Sofia Engqvist"],
    )
    _printed(
        folder / "2.4-10233-2026-16.pdf",
        [
            f"From: {LEAD}",
            "Sent: Tuesday, 12 May 2026 09:10",
            "To: FMB Försäkringskassan <fmb@forsakringskassan.se>",
            "Subject: Förslag till reviderat FMB – för synpunkter",
        ],
        ["Hej,", "Bifogat finns förslaget. Vi tar gärna emot era synpunkter.", "Sofia"],
    )
    _printed(
        folder / "2.4-10233-2026-17.pdf",
        [
            "Från: Johan Wiik <johan.wiik@forsakringskassan.se>",
            "Skickat: den 26 maj 2026 15:02",
            f"Till: {LEAD}",
            "Ämne: SV: Förslag till reviderat FMB – för synpunkter",
        ],
        ["Hej Sofia,", "Försäkringskassan har följande synpunkter på förslaget: förtydliga."],
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["2.4-10233-2026-2.pdf"]) == ("nomination_request", False, True)
    assert _state(got["2.4-10233-2026-16.pdf"]) == ("correspondence", False, True)
    assert _state(got["2.4-10233-2026-17.pdf"]) == ("comments", False, True)


def test_printed_mail_reads_only_a_header_at_the_top() -> None:
    header = "Sofia\nFrån: A <a@x.se>\nSkickat: i dag\nÄmne: Hej\n\nText"
    assert printed_mail(header) == {
        "email_sender": "A <a@x.se>",
        "email_subject": "Hej",
    }
    # a quoted mail further down, or a header with no date or recipient line, is no print
    assert printed_mail("Rubrik\nText\nText\nText\nFrån: A\nSkickat: i dag\nÄmne: Hej") == {}
    assert printed_mail("Från: Region Skåne\nÄmne: Hej") == {}


def _status_docx(path: Path, status: str, **kw: object) -> Path:
    make_docx(path, **kw)  # type: ignore[arg-type]
    document = docx.Document(str(path))
    document.core_properties.content_status = status
    document.save(str(path))
    return path


def test_a_draft_marked_only_in_the_status_property_is_a_draft(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    _status_docx(
        folder / "Sjukskrivningsrekommendationer RA.docx",
        "Utkast",
        title="Rekommendationer om sjukskrivning vid reumatoid artrit",
        paragraphs=["Vid skov: överväg sjukskrivning på heltid 2–4 veckor."],
    )
    _status_docx(
        folder / "Rekommendationer KOL.docx",
        "Slutlig",
        title="Rekommendationer om sjukskrivning vid KOL",
        paragraphs=["Vid exacerbation: överväg sjukskrivning på heltid 1–2 veckor."],
    )
    facts = extract_file(folder / "Sjukskrivningsrekommendationer RA.docx", "x.docx", Limits())
    assert isinstance(facts, DocumentFacts)
    assert facts.metadata["content_status"] == "Utkast"
    got = classified_by_name(folder, RULES)
    assert _state(got["Sjukskrivningsrekommendationer RA.docx"]) == ("text_proposal", True, False)
    assert _state(got["Rekommendationer KOL.docx"]) == ("text_proposal", False, True)


def test_a_textless_scan_named_by_the_case_number_goes_to_a_person_as_a_declaration(
    tmp_path: Path,
) -> None:
    make_pdf(tmp_path / "P" / "2.4-10233-2026-5.pdf", [], text_layer=False)
    got = classified_by_name(tmp_path / "P", RULES)["2.4-10233-2026-5.pdf"]
    assert _state(got) == ("coi_declaration", False, True)
    assert got.needs_review


NORDIC = [
    (
        "Redogörelse för bindningar – M L.pdf",
        ["Redogörelse för bindningar", "Namn: Mikaela Lindroos", "Ekonomiska bindningar: inga"],
        "coi_declaration",
    ),
    (
        "Habilitetserklæring Ø H.pdf",
        ["Habilitetserklæring", "Navn: Øystein Haugland", "Økonomiske interesser: ingen"],
        "coi_declaration",
    ),
    (
        "Anmälan S N.pdf",
        ["Anmälan om intressebindningar", "Sanna Nieminen", "Jag har inga intressebindningar."],
        "coi_declaration",
    ),
    (
        "Conflict disclosure L M.pdf",
        ["Conflict disclosure form", "Name: Lukas Meier", "Honoraria: none"],
        "coi_declaration",
    ),
    (
        "Oppdragsavtale Ø H.pdf",
        ["Oppdragsavtale", "Partene: Socialstyrelsen og Øystein Haugland", "Honorar: 1 000"],
        "agreement",
    ),
    (
        "Statement of Work L M.pdf",
        ["Statement of Work", "Consultant: Lukas Meier", "Fee: SEK 1,100 per hour"],
        "agreement",
    ),
    (
        "Utlåtande från HUS.pdf",
        ["Utlåtande", "Vi omfattar förslaget i huvudsak.", "Helsingfors 30.5.2026"],
        "comments",
    ),
    (
        "NPO response to consultation.pdf",
        ["Response to consultation", "The NPO supports the draft."],
        "comments",
    ),
    (
        "Promemoria från startmötet 12.3.2026.pdf",
        ["Promemoria från startmötet 12.3.2026", "Närvarande: J A, K W", "Beslöts att …"],
        "meeting_notes",
    ),
    (
        "RG meeting debrief.pdf",
        ["Debrief – recommendation group meeting 4 June", "Decisions: add pacing."],
        "meeting_notes",
    ),
]


@pytest.mark.parametrize(("name", "lines", "expected"), NORDIC, ids=[n for n, _, _ in NORDIC])
def test_finland_swedish_norwegian_and_english_names_of_the_documents(
    tmp_path: Path, name: str, lines: list[str], expected: str
) -> None:
    make_pdf(tmp_path / "P" / name, lines)
    assert classified_by_name(tmp_path / "P", RULES)[name].doc_class == expected


def test_mails_in_norwegian_and_english(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_eml(
        folder / "SV_ Forespørsel om eksperter.eml",
        sender="Kari Solberg <kari.solberg@ous-hf.no>",
        to=[LEAD],
        subject="SV: Forespørsel om eksperter – lymfødem",
        body="Hei Jonas,\nVi foreslår overlege Øystein Haugland som ekspert i prosjektgruppen.",
    )
    make_eml(
        folder / "Høringsinnspill.eml",
        sender="Ingrid Bakke <ingrid.bakke@helse-bergen.no>",
        to=[LEAD],
        subject="Innspill til forslaget",
        body="Hei Jonas,\nHer er mine innspill til forslaget: nevn gradert sykmelding.",
    )
    make_eml(
        folder / "Expert call.eml",
        sender=LEAD,
        to=["NPO <npo@regionorebrolan.se>"],
        subject="Expert call: HSD decision support",
        body="Dear colleagues,\nCould the NPO put forward two clinical experts?",
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["SV_ Forespørsel om eksperter.eml"]) == ("nomination_request", False, True)
    assert _state(got["Høringsinnspill.eml"]) == ("comments", False, True)
    assert _state(got["Expert call.eml"]) == ("nomination_request", False, True)


def test_a_consultation_draft_is_the_version_sent_out_and_a_v0_draft_stays_a_draft(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "P"
    make_docx(
        folder / "Consultation draft v1.0.docx",
        title="Decision support for HSD – consultation draft",
        paragraphs=["Consider part-time sick leave during flares, 2–4 weeks."],
    )
    make_docx(
        folder / "Draft recommendations v0.3.docx",
        title="Recommendations on sick leave – HSD",
        paragraphs=["Consider part-time sick leave during flares, 2–4 weeks."],
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["Consultation draft v1.0.docx"]) == ("text_proposal", False, True)
    assert _state(got["Draft recommendations v0.3.docx"]) == ("text_proposal", True, False)


def test_english_plans_and_lessons_log(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_xlsx(
        folder / "Milestones.xlsx",
        [["Milestone", "Owner", "Due", "Status"], ["Kick-off", "AB", "2026-03-18", "Done"]],
    )
    make_docx(
        folder / "Scope, milestones and resourcing.docx",
        title="HSD decision support – scope, milestones and resourcing",
        headings=["Scope", "Milestones"],
        paragraphs=["Sign-off by the head of department in October."],
    )
    make_xlsx(
        folder / "Lessons log.xlsx",
        [["Lesson", "What happened", "For next time"], ["Statistics", "Late", "Order earlier"]],
    )
    got = classified_by_name(folder, RULES)
    assert got["Milestones.xlsx"].doc_class == "project_plan"
    assert got["Scope, milestones and resourcing.docx"].doc_class == "project_plan"
    assert got["Lessons log.xlsx"].doc_class == "experience_report"


def test_untitled_minutes_whose_first_line_names_the_meeting(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_docx(
        folder / "anteckningar.docx",
        paragraphs=[
            "UPPSTARTSMÖTE 10 MARS",
            "Deltog: Sofia Engqvist, Petra Nord, Hannes Lövgren.",
            "Beslut: reviderade texter senast 20 april.",
        ],
    )
    assert classified_by_name(folder, RULES)["anteckningar.docx"].doc_class == "meeting_notes"


def test_a_forms_export_of_declarations_is_no_survey_and_a_survey_report_no_survey(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "P"
    folder.mkdir()
    (folder / "Forms export – RG interests.csv").write_text(
        "ID,Start time,Completion time,Email,Name,Do you have financial interests in companies"
        " in the field?,Have you received honoraria from industry?,Other circumstances that "
        "may affect your impartiality\n1,2026-03-02 09:01,2026-03-02 09:07,p@x.se,Priya "
        "Raman,No,No,None\n",
        encoding="utf-8",
    )
    make_pdf(
        folder / "Rapport webbenkät.pdf",
        ["Rapport – webbenkät till rekommendationsgruppen, lymfödem", "Antal svar: 5 av 6."],
    )
    got = classified_by_name(folder, RULES)
    assert got["Forms export – RG interests.csv"].doc_class == "coi_declaration"
    assert got["Rapport webbenkät.pdf"].doc_class == "survey_response"


def test_form_and_agreement_names_and_greetings_name_no_one() -> None:
    assert not looks_like_name("Bäste Jonas")
    assert looks_like_name("Jonas Almqvist")


def test_check_does_not_take_those_asked_to_nominate_for_experts(tmp_path: Path) -> None:
    """A request asking the NPO to propose experts goes to those who nominate: its
    recipients get no role from its subject ("Förfrågan om experter"); an invitation that
    asks the person to take part still gives its recipient the role. A Norwegian form's
    "Navn:" names whose declaration it is."""
    folder = tmp_path / "Lymfödem – nordiskt FMB"
    make_docx(folder / "Projektplan.docx", title="Projektplan – nytt FMB lymfödem")
    make_eml(
        folder / "Förfrågan om experter.eml",
        sender=LEAD,
        to=["Tuula Laine <tuula.laine@hus.fi>"],
        subject="Förfrågan om experter till nytt FMB lymfödem",
        body="Hej,\nVi söker sakkunniga. Har ni förslag på lämpliga personer?\nSofia",
    )
    make_eml(
        folder / "Förfrågan om att delta som sakkunnig.eml",
        sender=LEAD,
        to=["Karin Westerlund <karin.westerlund@regionstockholm.se>"],
        subject="Förfrågan om att delta som sakkunnig",
        body="Hej Karin,\nVill du delta som sakkunnig i projektgruppen?\nSofia",
    )
    make_docx(
        folder / "Egenerklæring Ingrid Bakke.docx",
        title="Egenerklæring om interesser og tilknytninger",
        paragraphs=["Navn: Ingrid Bakke", "Jeg har ingen økonomiske interesser."],
    )
    people = {p.name: p for p in check_folder(folder, ALL_RULES).evaluation.people}
    assert "Tuula Laine" not in people
    assert "expert" in people["Karin Westerlund"].roles
    assert "Ingrid Bakke" in people
    assert not any("Tilknytninger" in name for name in people)
