"""Habits of the session-14 holdout that the rules missed (bench/holdout/session14.py):
declarations written in a mail's body and forwarded twice (the colleague in between only
passed it on); stakeholders' comments under a subject that says nothing; version chains
"final" / "final FINAL", "v2" / "v3 klar", "02Mar2026" / "12Mar2026"; a statistics order
whose first line is the agency's name, a delivery as CSV with underscored columns; ICF codes
in a spreadsheet's cells; a Microsoft Forms export; a survey's cover letter called "bilaga
2.pdf"; minutes where the group reached "enighet". Real files, real extraction, the shipped
rules, the folder pass of `classify --json` (run on the folder "P", so that the test's own name,
which pytest gives `tmp_path`, is no folder the rules read), and `check` for who a forwarded
declaration is about."""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.classify.views import forwarded_sender
from recordkeeper.model import Classification
from recordkeeper.process.people import looks_like_name
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from tests.check_support import check_folder
from tests.classify_support import classified_by_name

ALL_RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
RULES = ALL_RULES.one("classes")
LEAD = "Karin Dahl <karin.dahl@socialstyrelsen.se>"


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def _forwarded_twice_sv(folder: Path) -> Path:
    """An RG member's declaration in a mail's body, sent to the lead's colleague, who
    forwarded it to the lead, who forwarded it to the registrar."""
    return make_eml(
        folder / "VB_ VB_ Intressedeklaration.eml",
        sender=LEAD,
        to=["Registrator <registrator@socialstyrelsen.se>"],
        subject="VB: VB: Intressedeklaration",
        body=(
            "För diarieföring.\n/Karin\n\n________________________________\n"
            "Från: Per Sund <per.sund@socialstyrelsen.se>\n"
            "Skickat: den 6 mars 2026 11:20\n"
            "Till: Karin Dahl <karin.dahl@socialstyrelsen.se>\n"
            "Ämne: VB: Intressedeklaration\n\n"
            "Hej Karin, Lars svarade mig i stället för dig. /Per\n\n"
            "________________________________\n"
            "Från: Lars Ekdahl <lars.ekdahl@regionorebrolan.se>\n"
            "Skickat: den 5 mars 2026 21:02\n"
            "Ämne: Intressedeklaration\n\n"
            "Jag, Lars Ekdahl, distriktsläkare i Region Örebro län, har inga arvoden från "
            "läkemedelsföretag och inga andra bindningar som kan påverka min opartiskhet.\n"
            "Lars Ekdahl"
        ),
    )


def test_a_declaration_in_a_mail_forwarded_twice_via_a_colleague_is_the_declaration(
    tmp_path: Path,
) -> None:
    """The colleague's hop ("Från: Per Sund …", its own subject "VB: …") only passed the
    mail on: the writer is the member below it, so the mail is no mail the agency sent out;
    "Jag, <name>, <yrke> i <region>, har inga arvoden" is a first-person declaration."""
    _forwarded_twice_sv(tmp_path / "P")
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["VB_ VB_ Intressedeklaration.eml"]) == ("coi_declaration", False, True)


def test_an_english_declaration_quoted_below_a_colleagues_forward_is_the_declaration(
    tmp_path: Path,
) -> None:
    """The member's mail is quoted with a reply's attribution line ("On …, Maria Lund
    <…> wrote:") below a colleague's forward: she is the writer."""
    make_eml(
        tmp_path / "P" / "FW FW DoI.eml",
        sender="Jenny Wallin <jenny.wallin@socialstyrelsen.se>",
        to=["Registrator <registrator@socialstyrelsen.se>"],
        subject="FW: FW: DoI",
        body=(
            "For registration.\nJenny\n\n-----Ursprungligt meddelande-----\n"
            "Från: Oskar Berg <oskar.berg@socialstyrelsen.se>\n"
            "Ämne: FW: DoI\n\nJenny, this came to the shared mailbox. /Oskar\n\n"
            "On Sun, 8 Mar 2026 at 20:14, Maria Lund <maria.lund@regionuppsala.se> wrote:\n"
            "> I, Maria Lund, occupational therapist at Region Uppsala, have no financial "
            "interests in companies concerned.\n> Maria Lund"
        ),
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["FW FW DoI.eml"]) == ("coi_declaration", False, True)


def test_forwarded_sender_skips_hops_that_only_passed_the_mail_on() -> None:
    text = (
        "Till kännedom\n\nFrån: Per Sund <per.sund@x.se>\nÄmne: VB: Frågan\n\nSe nedan.\n\n"
        "Från: Lars Ek <lars.ek@y.se>\nÄmne: Frågan\n\nHej"
    )
    assert forwarded_sender("VB: VB: Frågan", text, LEAD) == "Lars Ek <lars.ek@y.se>"
    # a hop that wrote something of its own (its subject no forward) is the writer, as before
    replied = text.replace("Ämne: VB: Frågan", "Ämne: SV: Frågan")
    assert forwarded_sender("VB: SV: Frågan", replied, LEAD) == "Per Sund <per.sund@x.se>"
    # every hop only passed it on, and nothing below them: the first of them, as before
    alone = "x\n\nFrån: Per Sund <per.sund@x.se>\nÄmne: VB: Frågan\n\nSe nedan."
    assert forwarded_sender("VB: VB: Frågan", alone, LEAD) == "Per Sund <per.sund@x.se>"


def test_check_ties_a_declaration_forwarded_twice_to_its_writer(tmp_path: Path) -> None:
    """`check` finds whom the mail's declaration is about from the writer below the two
    forwards, not from the lead who sent it to the registrar."""
    folder = tmp_path / "KOL uppdatering 2026"
    make_docx(folder / "Projektplan.docx", title="Projektplan uppdatering FMB KOL")
    _forwarded_twice_sv(folder / "RG")
    result = check_folder(folder, ALL_RULES)
    people = {p.name: p for p in result.evaluation.people}
    assert "Lars Ekdahl" in people
    assert people["Lars Ekdahl"].evidence["coi_declaration"] == (
        "RG/VB_ VB_ Intressedeklaration.eml",
    )


@pytest.mark.parametrize(
    ("subject", "sender", "body"),
    [
        (
            "Re: Re: fråga",
            "Lina Kask <lina.kask@forsakringskassan.se>",
            "Hej Mats,\nFörsäkringskassans synpunkter på förslaget: ange när arbetsförmågan "
            "bör bedömas på nytt.\nLina Kask",
        ),
        (
            "RE: meeting",
            "Sven Ahl <sven.ahl@forsakringskassan.se>",
            "Hi Jenny,\nHere are FK's comments on the proposal: the reassessment needs a "
            "date.\nSven",
        ),
    ],
    ids=["sv", "en"],
)
def test_comments_under_a_subject_that_says_nothing_are_comments(
    tmp_path: Path, subject: str, sender: str, body: str
) -> None:
    make_eml(
        tmp_path / "P" / "svar.eml",
        sender=sender,
        to=["Mats Engström <mats.engstrom@socialstyrelsen.se>"],
        subject=subject,
        body=body,
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["svar.eml"]) == ("comments", False, True)


def test_the_agency_asking_for_comments_on_the_proposal_is_no_comments(tmp_path: Path) -> None:
    make_eml(
        tmp_path / "P" / "fråga.eml",
        sender="Mats Engström <mats.engstrom@socialstyrelsen.se>",
        to=["Lina Kask <lina.kask@forsakringskassan.se>"],
        subject="fråga",
        body="Hej Lina,\nHann ni titta på förslaget? Vi väntar på era synpunkter.\nMats",
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert got["fråga.eml"].doc_class != "comments"


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        ("KOL_TF_final.docx", "KOL_TF_final FINAL.docx"),
        ("KOL_PP_v2.docx", "KOL_PP_v3 klar.docx"),
        ("Project plan stroke 02Mar2026.docx", "Project plan stroke 12Mar2026.docx"),
        ("Projektplan 2 mars 2026.docx", "Projektplan 12 april 2026.docx"),
    ],
    ids=["final-FINAL", "klar", "02Mar2026", "2-mars-2026"],
)
def test_the_older_of_two_versions_is_superseded(tmp_path: Path, older: str, newer: str) -> None:
    for name in (older, newer):
        make_docx(
            tmp_path / "P" / name,
            title="Projektplan FMB KOL",
            paragraphs=["Bakgrund, organisation och tidplan för projektet."],
        )
    got = classified_by_name(tmp_path / "P", RULES)
    assert got[older].is_draft and not got[older].must_register
    assert "version:superseded" in got[older].reasons
    assert "version:superseded" not in got[newer].reasons


def test_a_statistics_order_whose_first_line_is_the_agency_is_statistics(tmp_path: Path) -> None:
    make_pdf(
        tmp_path / "P" / "doc.pdf",
        [
            "Socialstyrelsen",
            "Beställning av statistik ur Midas",
            "Mottagare: Försäkringskassan",
            "Diagnos G20, åren 2016–2025, per kön och åldersgrupp.",
        ],
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["doc.pdf"]) == ("statistics", False, True)


def test_a_task_to_order_statistics_in_a_time_plan_is_no_order(tmp_path: Path) -> None:
    make_xlsx(
        tmp_path / "P" / "Untitled spreadsheet.xlsx",
        [
            ["Vecka", "Aktivitet", "Vem"],
            ["v14", "Förfrågan NPO om sakkunniga", "ME"],
            ["v16", "Uppstartsmöte", "ME"],
            ["v20", "Statistikbeställning FK", "ME"],
            ["v36", "Webbenkät RG", "ME"],
        ],
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert got["Untitled spreadsheet.xlsx"].doc_class != "statistics"


def test_a_statistics_export_with_underscored_columns_is_statistics(tmp_path: Path) -> None:
    csv = tmp_path / "P" / "Data" / "sjukskrivning_stroke_FK_export.csv"
    csv.parent.mkdir(parents=True)
    csv.write_text(
        "diagnos,ar,kon,antal_sjukfall,median_dagar\nI63,2025,K,3120,96\nI63,2025,M,4410,88\n",
        encoding="utf-8",
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["sjukskrivning_stroke_FK_export.csv"]) == ("statistics", False, True)


def test_icf_codes_in_a_spreadsheets_cells_are_an_icf_assessment(tmp_path: Path) -> None:
    make_xlsx(
        tmp_path / "P" / "Book1.xlsx",
        [
            ["Kod", "Kategori", "Relevant", "Motivering"],
            ["b147", "Psykomotoriska funktioner", "ja", "bradykinesi"],
            ["b765", "Ofrivilliga rörelsefunktioner", "ja", "tremor"],
            ["d450", "Gå", "ja", "frysningar"],
        ],
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["Book1.xlsx"]) == ("icf_assessment", False, True)


def test_a_microsoft_forms_export_is_survey_responses(tmp_path: Path) -> None:
    make_xlsx(
        tmp_path / "P" / "KOL_ENK_export_260528.xlsx",
        [
            ["ID", "Starttid", "Sluttid", "E-post", "Namn", "Instämmer du i rekommendationen?"],
            [1, "2026-05-13 08:10", "2026-05-13 08:31", "sara.nyberg@x.se", "Sara Nyberg", "Ja"],
            [2, "2026-05-14 19:02", "2026-05-14 19:20", "omar.aziz@y.se", "Omar Aziz", "Delvis"],
        ],
        sheet_title="Form1",
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["KOL_ENK_export_260528.xlsx"]) == ("survey_response", False, True)


def test_a_cover_letter_called_bilaga_is_the_survey(tmp_path: Path) -> None:
    make_pdf(
        tmp_path / "P" / "bilaga 2.pdf",
        [
            "Till rekommendationsgruppen för beslutsstöd om Parkinsons sjukdom",
            "Vi vill ha dina synpunkter på förslaget till rekommendationer. Enkäten besvaras "
            "via länken i mejlet senast den 25 september.",
        ],
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["bilaga 2.pdf"]) == ("survey", False, True)


def test_minutes_where_the_group_reached_agreement_add_facts(tmp_path: Path) -> None:
    notes = tmp_path / "P" / "anteckningar.txt"
    notes.parent.mkdir(parents=True)
    notes.write_text(
        "Möte rekommendationsgruppen 2026-10-06\n"
        "Närvarande: Ahmed Yusuf, Helena Strand, Mats Engström\n\n"
        "Enighet om att lägga till ett stycke om icke-motoriska symtom.\n",
        encoding="utf-8",
    )
    got = classified_by_name(tmp_path / "P", RULES)
    assert _state(got["anteckningar.txt"]) == ("meeting_notes", False, True)


def test_abbreviations_and_initials_are_no_name() -> None:
    assert not looks_like_name("KOL AL")
    assert not looks_like_name("PP AB")
    assert looks_like_name("Anna Lindgren")
    assert looks_like_name("Karin EK")


def test_a_web_forms_column_is_no_name() -> None:
    assert not looks_like_name("Respondent ID")


def _step(folder: Path, step: str) -> tuple[str, list[str]]:
    (found,) = [s for s in check_folder(folder, ALL_RULES).evaluation.steps if s.step_id == step]
    return str(found.status), [m.what for m in found.missing]


def test_a_compilation_of_the_comments_received_and_how_they_were_handled_counts(
    tmp_path: Path,
) -> None:
    """ "Sammanställning av inkomna synpunkter och hur de hanterats" is the record of how
    the comments were handled (step `revise`)."""
    folder = tmp_path / "KOL uppdatering 2026"
    make_docx(folder / "ADM" / "Projektplan.docx", title="Projektplan uppdatering FMB KOL")
    make_docx(
        folder / "REM" / "KOL_SAMM_synpunkter.docx",
        title="Sammanställning av inkomna synpunkter och hur de hanterats",
        table=[
            ["Från", "Synpunkt", "Hantering"],
            ["NPO", "Återinsjuknande vanligt", "Tillagt i rekommendationen"],
        ],
    )
    _, missing = _step(folder, "revise")
    assert "comments_handling" not in missing
