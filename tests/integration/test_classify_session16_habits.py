"""Habits of the session-16 holdout that the rules missed (bench/holdout/session16.py):
Danish minutes and agendas; "Svar webbenkät" and a survey tool's invitation; the RG's
declarations as an English register; a log of the declarations received; an agreement
saved under a declaration's name; a note to a colleague signed by initials in a draft;
a read-me; English minutes with "Decision:" mid-line. And in the check: a nominations
table with a role column, a clinic after a name, a place after a contractor's name, a
name wrapped across a PDF's lines, a declaration named by initials only, a Danish
start-up meeting, "(uppdragstagaren)". Real files, real extraction, the shipped rules,
the folder pass of `classify --json` (run on the folder "P")."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.model import Classification
from recordkeeper.process.people import _unwrapped, looks_like_name
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from tests.check_support import check_folder
from tests.classify_support import classified_by_name

ALL_RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
RULES = ALL_RULES.one("classes")
LEAD = "Therese Holm <therese.holm@socialstyrelsen.se>"


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def test_danish_minutes_and_agenda(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_docx(
        folder / "Referat fra opstartsmøde 16.3.2026.docx",
        title="Referat fra opstartsmøde",
        paragraphs=[
            "Dato: 16.3.2026 (Teams). Deltagere: Therese Holm, Mette Kjær, Johan Westerlund.",
            "Beslutninger: Mette Kjær skriver udkast til Kort om diagnosen.",
            "Næste møde: 14.4.2026.",
        ],
    )
    make_docx(
        folder / "Dagsorden opstartsmøde 16.3.2026.docx",
        title="Dagsorden – opstartsmøde",
        paragraphs=["1. Velkomst og præsentation", "2. Tidsplanen", "3. Eventuelt"],
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["Referat fra opstartsmøde 16.3.2026.docx"]) == ("meeting_notes", False, True)
    assert _state(got["Dagsorden opstartsmøde 16.3.2026.docx"]) == (
        "meeting_notes",
        False,
        False,
    )


def test_english_minutes_with_a_decision_mid_line_add_facts(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    make_pdf(
        folder / "RG meeting 2026-06-09 minutes.pdf",
        [
            "Minutes – meeting with the recommendation group, 9 June 2026",
            "Present: Jessica Strand, Ola Persson, Hugo Falk.",
            "The survey answers were discussed. Decision: add agoraphobia at work.",
        ],
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["RG meeting 2026-06-09 minutes.pdf"]) == ("meeting_notes", False, True)


def test_survey_answers_and_a_survey_tools_invitation(tmp_path: Path) -> None:
    folder = tmp_path / "P"
    answers = "Respondent;Fråga 1;Fråga 2\r\n1;Ja;\r\n2;Delvis;Nämn morgonstelhet\r\n"
    (folder).mkdir(parents=True)
    (folder / "Svar webbenkät RG.csv").write_text(answers, encoding="utf-8")
    make_pdf(
        folder / "Survey to RG (Netigate) invitation.pdf",
        [
            "Web survey to the recommendation group – panic disorder",
            "Covering letter: you are a member of the recommendation group. Please answer "
            "by 29 May.",
            "Q1: Are the recommendations on sick leave reasonable?",
        ],
    )
    make_xlsx(
        folder / "Netigate export RG answers.xlsx",
        [["Response ID", "Q1", "Q2"], [101, "Yes", ""], [102, "Partly", "More on work"]],
    )
    got = classified_by_name(folder, RULES)
    assert got["Svar webbenkät RG.csv"].doc_class == "survey_response"
    assert got["Survey to RG (Netigate) invitation.pdf"].doc_class == "survey"
    assert got["Netigate export RG answers.xlsx"].doc_class == "survey_response"


def test_declarations_register_log_and_a_misnamed_agreement(tmp_path: Path) -> None:
    """The RG's declarations as an English register's rows are the declarations; a log of
    which declarations came in is none (a person decides, not registered); an agreement
    saved under a declaration's name is the agreement its text says it is."""
    folder = tmp_path / "P"
    make_xlsx(
        folder / "RG declarations register.xlsx",
        [
            ["Name", "Role", "Employer", "Financial interests", "Industry fees", "Signed"],
            ["Hugo Falk", "RG", "Vårdcentralen Tranås", "No", "No", "2026-02-20"],
        ],
    )
    make_xlsx(
        folder / "RG_JD_INKOMNA.XLSX",
        [
            ["Namn", "Roll", "JD inkom", "Bedömning"],
            ["Elin Fors", "RG", "2026-02-16", "Inget jäv"],
            ["Tobias Wall", "RG", "", "påminnelse 3/3"],
        ],
    )
    make_pdf(
        folder / "Jävsdeklaration Ola Persson signerad.pdf",
        [
            "Avtal om ersättning för sakkunnig",
            "Mellan Socialstyrelsen (beställaren) och Ola Persson (uppdragstagaren).",
            "Ersättning: 1 000 kronor per timme, högst 40 timmar, mot faktura.",
            "Stockholm 2026-02-16 Jessica Strand      Huddinge 2026-02-17 Ola Persson",
        ],
    )
    got = classified_by_name(folder, RULES)
    assert _state(got["RG declarations register.xlsx"]) == ("coi_declaration", False, True)
    log = got["RG_JD_INKOMNA.XLSX"]
    assert (log.doc_class, log.must_register) == ("other", False)
    assert got["Jävsdeklaration Ola Persson signerad.pdf"].doc_class == "agreement"


def test_a_note_signed_by_initials_makes_a_draft_and_a_read_me_is_no_publication(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "P"
    make_docx(
        folder / "TEXTFÖRSLAG_MENIERE_REV A_JL.DOCX",
        title="Textförslag – Ménières sjukdom",
        paragraphs=[
            "Kort om diagnosen: attacker av yrsel, tinnitus och nedsatt hörsel.",
            "[JL: stäm av sjukskrivningstiderna med Magnus]",
        ],
    )
    (folder / "LÄS MIG.TXT").write_text("Slutversioner i 02. Utkast här.\n", encoding="utf-8")
    (folder / "readme.md").write_text("Final versions are marked FINAL.\n", encoding="utf-8")
    got = classified_by_name(folder, RULES)
    assert _state(got["TEXTFÖRSLAG_MENIERE_REV A_JL.DOCX"]) == ("text_proposal", True, False)
    assert got["LÄS MIG.TXT"].doc_class != "publication"
    assert got["readme.md"].doc_class != "publication"


def test_names_a_clinic_and_a_place_are_not_people() -> None:
    assert not looks_like_name("HUS Reumatologi")
    assert not looks_like_name("HUS Plastikkirurgi")
    assert looks_like_name("Johan Westerlund")


def test_a_name_wrapped_across_a_pdfs_lines_is_joined() -> None:
    lines = [
        "sakkunniga.  Till  rekommendationsgruppen  föreslår  vi  Camilla  Brandt,  Amira",
        "Saleh och Vilhelm Krantz. Ulla Stenlund från förbundet.",
        "Karin Ek, Lund",
        "Lars Berg, Malmö",
    ]
    assert _unwrapped(lines) == [
        "sakkunniga.  Till  rekommendationsgruppen  föreslår  vi  Camilla  Brandt,  Amira "
        "Saleh och Vilhelm Krantz. Ulla Stenlund från förbundet.",
        "Karin Ek, Lund",
        "Lars Berg, Malmö",
    ]


def test_check_reads_the_session16_habits(tmp_path: Path) -> None:
    """A nominations table's role column; a clinic after a name ("HUS Reumatologi"); a
    place after a contractor's name; a wrapped name; a textless declaration named by
    initials only; a Danish start-up meeting; an agreement's "(uppdragstagaren)"."""
    folder = tmp_path / "Paniksyndrom nytt FMB"
    make_docx(folder / "Projektplan.docx", title="Projektplan – nytt FMB paniksyndrom")
    make_eml(
        folder / "NPO svar nomineringar.eml",
        sender="NPO Psykisk hälsa <npo.psykiskhalsa@vgregion.se>",
        to=[LEAD],
        subject="SV: Förfrågan om sakkunniga – nytt FMB paniksyndrom",
        body="Hej,\n\nHär är våra förslag:\n\nNamn | Roll | Arbetsplats\n"
        "Ola Persson | sakkunnig | Psykiatri Sydväst\n"
        "Hugo Falk | RG | vårdcentralen Tranås\n\nHälsningar\nNPO",
    )
    make_pdf(
        folder / "Nomineringar NPO (utskrift).pdf",
        [
            "Från: NPO Rörelseorganens sjukdomar <npo.rorelse@regionorebrolan.se>",
            "Skickat: den 3 februari 2026 11:02",
            f"Till: {LEAD}",
            "Ämne: SV: Förfrågan om sakkunniga",
            "",
            "Hej Therese,",
            "NPO föreslår Johan Westerlund, HUS Reumatologi, som sakkunnig. Till",
            "rekommendationsgruppen föreslår vi Sara Nyström, Region Jämtland, och Pekka",
            "Laine och Lise Dahl.",
        ],
    )
    make_pdf(
        folder / "Uppdragsavtal JW.pdf",
        [
            "Avtal om arvode för sakkunniguppdrag",
            "Uppdragsgivare: Socialstyrelsen",
            "Uppdragstagare: Johan Westerlund, Helsingfors",
            "Arvodet är 90 euro per timme mot faktura.",
        ],
    )
    make_pdf(
        folder / "Uppdragsavtal OP.pdf",
        [
            "Uppdragsavtal",
            "Parter: Socialstyrelsen (beställaren), och Ola Persson, psykiater (uppdragstagaren).",
            "Ersättning: 1 000 kronor per timme mot faktura.",
        ],
    )
    make_pdf(folder / "JD_OP.pdf", [], text_layer=False)
    make_docx(
        folder / "Referat fra opstartsmøde.docx",
        title="Referat fra opstartsmøde",
        paragraphs=["Deltagere: Therese Holm, Ola Persson.", "Beslutninger: skabeloner sendes."],
    )
    result = check_folder(folder, ALL_RULES)
    people = {p.name: p for p in result.evaluation.people}
    assert "expert" in people["Ola Persson"].roles
    assert people["Hugo Falk"].roles == ("rg_member",)
    assert not any("Reumatologi" in name or "Helsingfors" in name for name in people)
    assert "expert" in people["Johan Westerlund"].roles
    assert "rg_member" in people["Pekka Laine"].roles
    assert "rg_member" in people["Lise Dahl"].roles
    assert people["Ola Persson"].evidence["coi_declaration"] == ("JD_OP.pdf",)
    assert people["Ola Persson"].evidence["agreement"] == ("Uppdragsavtal OP.pdf",)
    assert result.evaluation.step("startup_meeting").status == "complete"


def test_an_agreements_clause_about_the_declaration_makes_no_declaration(tmp_path: Path) -> None:
    """Session 12's MS: an agreement saved under a declaration's name whose clause says the
    contractor "har lämnat en jävsdeklaration" is the agreement (sent to review: its name
    says otherwise)."""
    folder = tmp_path / "P"
    make_pdf(
        folder / "Jävsdeklaration Jenny Holmström.pdf",
        [
            "Avtal om ersättning",
            "mellan Socialstyrelsen (beställaren) och",
            "Jenny Holmström (uppdragstagaren)",
            "Ersättning: 1 200 kronor per timme, högst 40 timmar, mot faktura.",
            "Avtalsperiod: 2026-02-15 – 2026-09-30.",
            "Uppdragstagaren har lämnat en jävsdeklaration och anmäler ändrade förhållanden.",
        ],
    )
    got = classified_by_name(folder, RULES)["Jävsdeklaration Jenny Holmström.pdf"]
    assert (got.doc_class, got.must_register) == ("agreement", True)
