"""The shipped classes.yaml on documents written with varied agency habits (not the generator's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify import classify_document
from recordkeeper.model import DocumentFacts, EmailFacts
from recordkeeper.ruleset.load import load_ruleset

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")


def f(path: str, kind: str = "docx", **kw: Any) -> DocumentFacts:
    return DocumentFacts(path=path, size=1, sha256="0" * 64, kind=kind, **kw)


CASES = [
    (
        "project_plan",
        f(
            "P/PP_FMB_Artros_2025.docx",
            text="Bakgrund\nSyfte och mål\nTidplan\nAktivitet Ansvarig Klar",
            title="Projektplan",
        ),
    ),
    (
        "project_plan",
        f(
            "P/Tidplan.xlsx",
            kind="xlsx",
            text="Aktivitet;Ansvarig;Start;Klar\nRekrytera projektgrupp;AS;v.12;v.14",
        ),
    ),
    (
        "meeting_notes",
        f(
            "P/Möten/2025-03-04 anteckningar.docx",
            text=(
                "Anteckningar från möte med projektgruppen 4 mars\n"
                "Deltagare: AS, BE\n"
                "1. Genomgång av textförslag"
            ),
        ),
    ),
    (
        "meeting_notes",
        f(
            "P/Protokoll RG-möte.pdf",
            kind="pdf",
            text=(
                "Protokoll fört vid möte med rekommendationsgruppen\n"
                "§ 1 Mötets öppnande\n"
                "§ 2 Beslutades att"
            ),
        ),
    ),
    (
        "agreement",
        f(
            "P/Avtal/Uppdragsavtal_Karlsson_signerat.pdf",
            kind="pdf",
            text=(
                "UPPDRAGSAVTAL\n"
                "Parter\n"
                "Uppdragsgivare: Socialstyrelsen\n"
                "Uppdragstagare: Per Karlsson\n"
                "Arvode 1000 kr/tim"
            ),
        ),
    ),
    (
        "coi_declaration",
        f(
            "P/Jäv/JD_Karlsson.pdf",
            kind="pdf",
            text="Deklaration av intressen och jäv\nHar du bindningar till läkemedelsföretag? Nej",
        ),
    ),
    (
        "statistics",
        f(
            "P/Statistik/Midas_uttag_M17.xlsx",
            kind="xlsx",
            text="Diagnos;Antal sjukfall;Median;Kvinnor;Män\nM17;1234;45;700;534",
        ),
    ),
    (
        "text_proposal",
        f(
            "P/Texter/FMB Artros textförslag v0.2.docx",
            text="Textförslag\nKort om diagnosen\nSymtom\nBehandling\nPrognos",
        ),
    ),
    (
        "publication",
        f(
            "P/Slutversion/FMB Artros slutversion.pdf",
            kind="pdf",
            title="Försäkringsmedicinskt beslutsstöd – Artros",
            text="Kort om diagnosen\nRekommendationer\nSlutversion 2025-09-01",
        ),
    ),
    (
        "approval",
        f(
            "P/Beslut/Beslut publicering FMB Artros.pdf",
            kind="pdf",
            text=(
                "Beslut\n"
                "Dnr 2.4-4321/2025\n"
                "Avdelningschefen beslutar att beslutsstödet ska publiceras."
            ),
        ),
    ),
    (
        "knowledge_basis",
        f(
            "P/Bilaga Kunskapsunderlag med metodbeskrivning Artros.docx",
            text="Kunskapsunderlag med metodbeskrivning\nLitteratursökning\nSökstrategi PubMed",
        ),
    ),
    (
        "experience_report",
        f(
            "P/Erfarenhetsrapport FMB Artros.docx",
            text="Erfarenhetsrapport\nVad gick bra\nVad kan förbättras",
        ),
    ),
    (
        "survey",
        f(
            "P/Enkät/Missiv till RG.docx",
            text="Missiv\nHär kommer en länk till enkäten. Svara senast 15 maj.",
        ),
    ),
    (
        "survey_response",
        f(
            "P/Enkät/export_2025-05-20.xlsx",
            kind="xlsx",
            text="Respondent;Fråga 1;Fråga 2\n1;Instämmer helt;Bra",
        ),
    ),
    (
        "comments",
        f(
            "P/Synpunkter/Synpunkter NPO.pdf",
            kind="pdf",
            text=(
                "Synpunkter på förslag till försäkringsmedicinskt beslutsstöd för artros\n"
                "NPO har följande synpunkter"
            ),
        ),
    ),
    (
        "nomination_request",
        f(
            "P/Förfrågan om sakkunniga till FMB Artros.docx",
            text="Förfrågan om nominering av sakkunniga\nVi ber NPO föreslå två sakkunniga",
        ),
    ),
    (
        "icf_assessment",
        f(
            "P/ICF/Mall_ICF-kategorier Artros.docx",
            text=(
                "ICF-kategorier för expertbedömning\n"
                "b280 Smärtförnimmelse central/kompletterande\n"
                "d450 Gå"
            ),
        ),
    ),
    (
        "presentation",
        f("P/Uppstart.pptx", kind="pptx", title="Uppstartsmöte FMB Artros", text="Välkomna\nSyfte"),
    ),
    (
        "correspondence",
        f(
            "P/Mejl/Ang. mötestid.msg",
            kind="msg",
            email=EmailFacts(sender="anna@socialstyrelsen.se", subject="Ang. mötestid"),
            text="Hej, passar torsdag?",
        ),
    ),
    ("other", f("P/Dokument1.docx", text="Lorem")),
    ("coi_declaration", f("P/javsdeklaration_ps.pdf", kind="pdf", text="", has_text_layer=False)),
    (
        "coi_declaration",
        f(
            "P/Experter/Declaration of interest - J Smith.pdf",
            kind="pdf",
            text="Declaration of interests\nName: John Smith",
        ),
    ),
    ("meeting_notes", f("P/MINNESANTECKNINGAR_startmote.docx", text="Närvarande\nDagordning")),
    ("meeting_notes", f("P/Minutes kick-off.docx", text="Minutes\nAttendees: ...\nAction items")),
    ("agreement", f("P/avtal_ersattning_sakkunnig_ok.pdf", kind="pdf", text="")),
    (
        "statistics",
        f(
            "P/Beställning statistik FK.docx",
            text="Begäran om uppgifter ur Midas\nAntal startade sjukfall",
        ),
    ),
    (
        "text_proposal",
        f("P/TF_artros_v0.3_kommentarer AS.docx", text="Symtom\nBehandling", has_comments=True),
    ),
    (
        "text_proposal",
        f(
            "P/Rekommendationer artros.docx",
            text="Rekommendationer\nÖverväg sjukskrivning på heltid 2–4 veckor",
        ),
    ),
    ("survey_response", f("P/Enkätsvar RG.xlsx", kind="xlsx", text="Namn;Svar")),
    ("project_plan", f("P/Projektplan_FMB_Artros_UTKAST.docx", text="UTKAST\nProjektplan")),
    (
        "comments",
        f(
            "P/Re Synpunkter.eml",
            kind="eml",
            email=EmailFacts(
                sender="kalle@forsakringskassan.se", subject="SV: Synpunkter på FMB artros"
            ),
            text="Hej, här kommer våra synpunkter.",
        ),
    ),
    (
        "nomination_request",
        f(
            "P/SV Nominering RG.eml",
            kind="eml",
            email=EmailFacts(
                sender="npo@regionX.se", subject="SV: Nominering till rekommendationsgrupp"
            ),
            text="Vi föreslår följande",
        ),
    ),
    (
        "statistics",
        f(
            "P/Statistikbeställning.eml",
            kind="eml",
            email=EmailFacts(
                sender="a@socialstyrelsen.se", subject="Beställning av statistik ur Midas"
            ),
            text="Hej",
        ),
    ),
    # survey reports named after what they are, or after the survey tool that exported them
    (
        "survey_response",
        f(
            "P/Sammanställning webbenkät.xlsx",
            kind="xlsx",
            text="Respondent;Inskickad;Svar\n1;2025-05-02;Ja",
        ),
    ),
    (
        "survey_response",
        f(
            "P/06 Synpunkter/Export SurveyGenerator 2025-05-02.xlsx",
            kind="xlsx",
            text="Antal svar;12\nFråga;Instämmer;Instämmer inte",
        ),
    ),
    # an English reply from the NPO whose subject starts with "Feedback"
    (
        "comments",
        f(
            "P/Mejl/Feedback hip fracture.eml",
            kind="eml",
            email=EmailFacts(
                sender="Ola Nordmann <ola.nordmann@regionY.se>",
                subject="Feedback: hip fracture decision support",
            ),
            text="We support the proposal but would like a note on return to work.",
        ),
    ),
    # a start-up slide deck with a "Tidplan" slide is still a presentation
    (
        "presentation",
        f(
            "P/Uppstart höftfraktur.pptx",
            kind="pptx",
            title="FMB höftfraktur – uppstartsmöte",
            headings=("Arbetsgång", "Tidplan"),
            text="Arbetsgång\nTidplan\nTextförslag in v. 18, enkät v. 20",
        ),
    ),
    # "slutlig" in the name marks the final decision support
    (
        "publication",
        f(
            "P/Final/Höftfraktur FMB slutlig.docx",
            title="Höftfraktur",
            headings=("Kort om diagnosen", "Rekommendationer"),
            text="Överväg sjukskrivning på heltid i 6–12 veckor vid stillasittande arbete.",
        ),
    ),
    # "expertförfrågan" is the request for experts, also when the reply names FMB
    (
        "nomination_request",
        f(
            "P/Re_ Expertförfrågan.eml",
            kind="eml",
            email=EmailFacts(
                sender="Maj Persson <maj.persson@regionZ.se>",
                subject="Re: Expertförfrågan – FMB höftfraktur",
            ),
            text="Hej, förslag: Sakkunniga: Eva Ström",
        ),
    ),
    # "Kort om diagnosen" is symptoms, treatment, prognosis, whatever the file is called
    (
        "text_proposal",
        f(
            "P/Dokument3.docx",
            text=(
                "Symtom: smärta och svullnad.\nBehandling: gips i fyra veckor.\n"
                "Prognos: god, de flesta återfår full funktion."
            ),
        ),
    ),
]


@pytest.mark.parametrize(("want", "doc"), CASES, ids=[d.path for _, d in CASES])
def test_shipped_rules_recognise_the_document(want: str, doc: DocumentFacts) -> None:
    assert classify_document(doc, RULES).doc_class == want


# issue #4: a "Drafts"/"Utkast" folder also holds the versions that were sent out
@pytest.mark.parametrize(
    ("doc", "draft"),
    [
        (f("P/Drafts/Textförslag UMS remiss.docx", title="Textförslag"), False),
        (f("P/Utkast/Kort om diagnosen.docx", title="Kort om diagnosen"), False),
        (f("P/Drafts/Textförslag.docx", title="Textförslag", has_tracked_changes=True), True),
        (f("P/Gamla versioner/Textförslag.docx", title="Textförslag"), True),
    ],
    ids=["drafts-folder", "utkast-folder", "drafts-folder-tracked", "old-versions"],
)
def test_a_drafts_folder_alone_does_not_make_a_draft(doc: DocumentFacts, draft: bool) -> None:
    assert classify_document(doc, RULES).is_draft is draft


def test_a_scan_placed_by_its_folder_alone_goes_to_review() -> None:
    scan = f("P/Jäv RG/Skanning_0931.pdf", kind="pdf", has_text_layer=False)
    result = classify_document(scan, RULES)
    assert (result.doc_class, result.needs_review) == ("coi_declaration", True)
    assert "textless:weak_evidence" in result.reasons


def test_a_scan_named_for_what_it_is_is_not_sent_to_review_for_that() -> None:
    scan = f("P/Jäv RG/Jävsdeklaration Karin Ek.pdf", kind="pdf", has_text_layer=False)
    result = classify_document(scan, RULES)
    assert (result.doc_class, result.needs_review) == ("coi_declaration", False)


# issue #4, session-3 holdout habits: names and forms the rules had not seen
SESSION3_CASES = [
    (
        "survey_response",
        f(
            "P/06 Remiss/Survey export 2026-06-08.xlsx",
            kind="xlsx",
            text="ResponseID\nStarted\nCompleted\nQ1 Stämmer rekommendationen?\nR001\nJa",
        ),
    ),
    (
        "nomination_request",
        f(
            "P/03 RG/Deltagare rekommendationsgrupp.xlsx",
            kind="xlsx",
            text="Namn\tProfession\tRegion\nLina Berg\tDistriktsläkare\tRegion Halland",
        ),
    ),
    (
        "meeting_notes",
        f(
            "P/05 Texter/2026-04-14.docx",
            text=(
                "Uppstartsmöte FMB migrän 14 april\nNärvarande: Jonas Ahl, Karin Wiik\n"
                "JA tar Kort om diagnosen, KW ICF-texterna."
            ),
        ),
    ),
    (
        "meeting_notes",
        f(
            "P/Texter/20260210.docx",
            text="Anteckningar uppstartsmöte FMB whiplash\nGenomgång av instruktionen.",
        ),
    ),
    (
        "presentation",
        f("P/Texter/Uppstart.pptx", kind="pptx", title="FMB whiplash", text="Uppstart 10 februari"),
    ),
    (
        "coi_declaration",
        f(
            "P/RG/SV_ Inbjudan att delta i rekommendationsgruppen.eml",
            kind="eml",
            text="Hej Amir, jag deltar gärna. Jävsdeklarationen bifogas.",
            email=EmailFacts(
                sender="Hanna Lund <hanna.lund@rjl.se>",
                subject="SV: Inbjudan att delta i rekommendationsgruppen – FMB whiplash",
                attachment_names=("Jävsdeklaration_HL.pdf",),
            ),
        ),
    ),
    (
        "coi_declaration",
        f(
            "P/RG/Re_ Declaration of interests.eml",
            kind="eml",
            text="Hi Amir,\nattached is my signed declaration.",
            email=EmailFacts(
                sender="David Ek <david.ek@regionstockholm.se>",
                subject="Re: Inbjudan att delta i rekommendationsgruppen – FMB whiplash",
                attachment_names=("DoI David Ek signed.pdf",),
            ),
        ),
    ),
    # the agency's invitation with the form attached stays the invitation
    (
        "nomination_request",
        f(
            "P/RG/Inbjudan rekommendationsgrupp.eml",
            kind="eml",
            text="Hej, NPO har föreslagit dig. Fyll i bifogad jävsdeklaration.",
            email=EmailFacts(
                sender="Amir Osman <amir.osman@socialstyrelsen.se>",
                subject="Inbjudan att delta i rekommendationsgruppen – FMB whiplash",
                attachment_names=("Jävsdeklaration.docx",),
            ),
        ),
    ),
]


@pytest.mark.parametrize(("want", "doc"), SESSION3_CASES, ids=[d.path for _, d in SESSION3_CASES])
def test_session3_habits_are_recognised(want: str, doc: DocumentFacts) -> None:
    assert classify_document(doc, RULES).doc_class == want
