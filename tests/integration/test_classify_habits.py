"""The shipped classes.yaml on real files in habits of other agencies (issue #4, session 4).

Each case writes a real file with the sample builders, reads it with the real
extractor and classifies it with the shipped rules: what an outside evaluator's
folder would go through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from recordkeeper.classify import classify_document
from recordkeeper.classify.siblings import REASON, Sibling, pairs, working_copy
from recordkeeper.classify.views import unspace
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from recordkeeper.services.classify_files import classify_paths
from tests.classify_support import classified_by_name
from tests.fakes import InProcess

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
STAFF = "Hanna Sjögren <hanna.sjogren@socialstyrelsen.se>"


def classify(root: Path, rel: str, build: Callable[[Path], Path]) -> Classification:
    build(root / rel)
    facts = extract_file(root / rel, rel, Limits())
    assert isinstance(facts, DocumentFacts)
    return classify_document(facts, RULES)


def _template(path: Path) -> Path:
    """A blank Word template (.dotx): python-docx writes the parts, the name says template."""
    source = make_docx(
        path.with_suffix(".tmp.docx"),
        title="Jävsdeklaration",
        paragraphs=[
            "Namn: [namn]",
            "Ekonomiska intressen: Ja / Nej",
            "Ort och datum ____________   Underskrift ____________",
        ],
    )
    source.rename(path)
    return path


# --- letter-spaced headings (OCR) -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("J A V S D E K L A R A T I O N", "JAVSDEKLARATION"),
        ("D E K L A R A T I O N   O M   J Ä V", "DEKLARATION OM JÄV"),
        ("J ä v s d e k l a r a t i o n", "Jävsdeklaration"),
        # ordinary text stays as it is: short runs, initials, numbers
        ("Avtal med A B", "Avtal med A B"),
        ("Namn: K L Ek", "Namn: K L Ek"),
        ("1 2 3 4 5", "1 2 3 4 5"),
        ("b 1 3 0 Energi", "b 1 3 0 Energi"),
    ],
)
def test_a_letter_spaced_heading_reads_as_its_words(line: str, read: str) -> None:
    assert unspace(line) == read


def test_an_ocr_declaration_with_a_letter_spaced_heading_is_a_declaration(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "PG/JV_ortoped_MK.pdf",
        lambda f: make_pdf(
            f,
            [
                "D E K L A R A T I O N   O M   J Ä V",
                "Namn : Mikael Karlsson",
                "Ekonomiska intressen i berörda företag : Nej",
                "Uppsala 2026-04-02",
            ],
            title="Scanned document",
        ),
    )
    assert (c.doc_class, c.must_register) == ("coi_declaration", True)
    assert "coi.phrase@headings" in c.reasons


# --- titles a tool wrote -----------------------------------------------------------


def test_a_scanner_title_is_no_title_so_the_first_line_counts(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "PG/scan_20260612.pdf",
        lambda f: make_pdf(
            f,
            [
                "Tillagg till uppdragsavtal",
                "Parter: Socialstyrelsen och Anna Sjoberg",
                "Avtalsperioden forlangs till 2026-12-31.",
            ],
            title="scan_20260612",
        ),
    )
    assert (c.doc_class, c.must_register) == ("agreement", True)
    assert "agr.phrase@headings" in c.reasons


def test_a_pdf_printed_from_word_is_read_by_its_first_line_and_source_name(
    tmp_path: Path,
) -> None:
    c = classify(
        tmp_path,
        "AVT/AVT_Okafor_D_signed.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om uppdrag som sakkunnig",
                "Parter: Socialstyrelsen och David Okafor (uppdragstagaren)",
                "Skellefteå 2025-12-12   David Okafor (signerat)",
            ],
            title="Microsoft Word - 06 Avtal - David Okafor.docx",
        ),
    )
    assert c.doc_class == "agreement"
    assert "agr.phrase@headings" in c.reasons
    assert "agr.word@filename" in c.reasons  # "Avtal" from the name it was printed from


def test_a_real_title_is_kept(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "x.pdf",
        lambda f: make_pdf(f, ["Något helt annat"], title="Projektplan FMB migrän"),
    )
    assert "plan.phrase@title" in c.reasons


# --- abbreviations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "want"),
    [("RG/JV_patientrepresentant_BS.pdf", "coi_declaration"), ("PG/AVT_AS.pdf", "agreement")],
)
def test_abbreviated_names_of_textless_scans(tmp_path: Path, rel: str, want: str) -> None:
    c = classify(tmp_path, rel, lambda f: make_pdf(f, [], text_layer=False))
    assert (c.doc_class, c.must_register) == (want, True)


def test_kd_is_kort_om_diagnosen(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "KD/KD_depression_v1.0.docx",
        lambda f: make_docx(f, paragraphs=["Nedstämdhet, minskad energi."]),
    )
    assert c.doc_class == "text_proposal"


# --- templates ----------------------------------------------------------------------


def test_a_blank_template_is_no_document_of_the_matter(tmp_path: Path) -> None:
    c = classify(tmp_path, "ADMIN/Mall_Jävsdeklaration.dotx", _template)
    assert (c.doc_class, c.is_draft, c.must_register) == ("other", False, False)
    assert c.needs_review
    assert "other.template@filename" in c.reasons


def test_a_filled_in_document_named_after_its_template_keeps_its_class(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "JV/Mall_Jävsdeklaration ifylld Karin Ek.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            paragraphs=["Namn: Karin Ek", "Ekonomiska intressen: Nej", "Lund 2026-01-02"],
        ),
    )
    assert c.doc_class == "coi_declaration"


# --- English minutes ---------------------------------------------------------------


def test_english_minutes_with_decisions_are_registered(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "2026/2026-02-02 Minutes kick-off.docx",
        lambda f: make_docx(
            f,
            title="Minutes – kick-off FMB depression",
            paragraphs=[
                "Present: Sara Lindgren, David Okafor",
                "Decided: the experts revise the texts by 6 March.",
            ],
        ),
    )
    assert (c.doc_class, c.must_register) == ("meeting_notes", True)


def test_english_minutes_without_decisions_are_not(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "2026/2026-02-09 Minutes check-in.docx",
        lambda f: make_docx(
            f,
            title="Minutes – check-in",
            paragraphs=["Present: Sara Lindgren", "We went through the texts."],
        ),
    )
    assert (c.doc_class, c.must_register) == ("meeting_notes", False)


# --- a meeting invitation is no request for nominations ----------------------------


def test_an_invitation_to_a_meeting_is_correspondence(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "RG/2.2 Inbjudan RG-möte 2026-09-15.eml",
        lambda f: make_eml(
            f,
            sender=STAFF,
            to=["fmb-rg@socialstyrelsen.se"],
            subject="Kallelse: möte med rekommendationsgruppen 15 september",
            body="Hej,\nvi bokar in mötet den 15 september kl. 13–15 (Teams).\n/Hanna",
        ),
    )
    assert (c.doc_class, c.must_register) == ("correspondence", False)


def test_an_invitation_to_take_part_is_still_a_request(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "RG/Inbjudan att delta i RG.eml",
        lambda f: make_eml(
            f,
            sender=STAFF,
            to=["npo@regionuppsala.se"],
            subject="Inbjudan att delta i rekommendationsgruppen",
            body="Hej,\nvi söker deltagare till rekommendationsgruppen.\n/Hanna",
        ),
    )
    assert (c.doc_class, c.must_register) == ("nomination_request", True)


# --- the group's own roster is not sent --------------------------------------------


def test_an_internal_member_list_is_not_registered(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "RG/RG members depression.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Name", "Profession", "Region", "DoI received"],
                ["Nadia Haddad", "Psykolog", "Region Stockholm", "yes"],
                ["Olle Vik", "Distriktsläkare", "Region Norrbotten", ""],
            ],
        ),
    )
    assert (c.doc_class, c.must_register) == ("nomination_request", False)
    assert "sent.internal_roster@filename" in c.reasons


def test_a_received_list_of_nominees_is_registered(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "RG/Nominerade till rekommendationsgruppen.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Profession", "Organisation", "E-post"],
                ["Nadia Haddad", "Psykolog", "Region Stockholm", "nadia.haddad@sll.se"],
            ],
        ),
    )
    assert (c.doc_class, c.must_register) == ("nomination_request", True)


def test_a_mailed_list_of_participants_is_registered(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "RG/SV Förfrågan deltagare rekommendationsgrupp.eml",
        lambda f: make_eml(
            f,
            sender="NPO <npo@regionuppsala.se>",
            to=["hanna.sjogren@socialstyrelsen.se"],
            subject="SV: Förfrågan om deltagare till rekommendationsgrupp",
            body="Hej! NPO föreslår följande deltagare:\nNadia Haddad, psykolog",
        ),
    )
    assert (c.doc_class, c.must_register) == ("nomination_request", True)


# --- a Word file beside its finished PDF (classify.siblings) ------------------------


AGREEMENT = [
    "Avtal om uppdrag som sakkunnig",
    "Parter: Socialstyrelsen och Karin Wiik (uppdragstagaren)",
    "Arvode utgår med 1 150 kr per timme mot faktura.",
    "Avtalsperiod: 2026-03-01 – 2026-10-31",
]


def _word(path: Path) -> Path:
    return make_docx(
        path,
        title=AGREEMENT[0],
        paragraphs=[*AGREEMENT[1:], "Ort och datum ____________   Underskrift ____________"],
    )


def _run(root: Path) -> dict[str, Classification]:
    return classified_by_name(root, RULES)


def test_the_unsigned_word_copy_beside_the_signed_pdf_is_its_working_copy(
    tmp_path: Path,
) -> None:
    _word(tmp_path / "Avtal" / "06 Avtal - Karin Wiik.docx")
    make_pdf(
        tmp_path / "Avtal" / "06 Avtal - Karin Wiik_signerat.pdf",
        [*AGREEMENT, "Ort och datum: Norrköping 2026-03-03", "Underskrift: Karin Wiik"],
    )
    got = _run(tmp_path / "Avtal")
    word, pdf = got["06 Avtal - Karin Wiik.docx"], got["06 Avtal - Karin Wiik_signerat.pdf"]
    assert (word.doc_class, word.is_draft, word.must_register) == ("agreement", True, False)
    assert REASON in word.reasons
    assert (pdf.doc_class, pdf.is_draft, pdf.must_register) == ("agreement", False, True)


def test_a_pdf_printed_from_the_word_file_makes_it_the_working_copy(tmp_path: Path) -> None:
    memo = ["Föredragning – uppdaterat FMB depression", "Förslag till beslut: enhetschefen "
            "godkänner publicering.", "Föredragande: Hanna Sjögren"]  # fmt: skip
    make_docx(tmp_path / "Final" / "PM EC depression.docx", title=memo[0], paragraphs=memo[1:])
    make_pdf(
        tmp_path / "Final" / "PM EC depression.pdf",
        memo,
        title="Microsoft Word - PM EC depression.docx",
    )
    got = _run(tmp_path / "Final")
    assert got["PM EC depression.docx"].is_draft
    assert not got["PM EC depression.docx"].must_register
    assert got["PM EC depression.pdf"].must_register


def test_a_word_file_beside_an_unsigned_pdf_is_its_working_copy(tmp_path: Path) -> None:
    # session 7: the PDF shows no signature, no diarienummer and is no print of the Word
    # file; still the registrar keeps one record of the document, the PDF
    _word(tmp_path / "Avtal" / "Avtal Karin Wiik.docx")
    make_pdf(tmp_path / "Avtal" / "Avtal Karin Wiik.pdf", AGREEMENT)
    got = _run(tmp_path / "Avtal")
    word, pdf = got["Avtal Karin Wiik.docx"], got["Avtal Karin Wiik.pdf"]
    assert (word.doc_class, word.is_draft, word.must_register) == ("agreement", True, False)
    assert REASON in word.reasons
    assert (pdf.doc_class, pdf.is_draft, pdf.must_register) == ("agreement", False, True)


def test_a_word_file_and_an_unfinished_pdf_stay_as_they_are_when_the_rules_ask_for_a_finished_pdf(
    tmp_path: Path,
) -> None:
    # the rules' `siblings.finished_pdf_only`: the PDF must show it is finished
    strict = RULES.model_copy(
        update={"siblings": RULES.siblings.model_copy(update={"finished_pdf_only": True})}
    )
    _word(tmp_path / "Avtal" / "Avtal Karin Wiik.docx")
    make_pdf(tmp_path / "Avtal" / "Avtal Karin Wiik.pdf", AGREEMENT)
    got = {
        o.path.rpartition("/")[2]: o.classification
        for o in classify_paths([str(tmp_path / "Avtal")], strict, InProcess(), ())
    }
    word = got["Avtal Karin Wiik.docx"]
    assert word is not None
    assert not word.is_draft
    assert word.must_register


def test_a_word_file_beside_a_draft_pdf_or_a_pdf_of_another_class_stays(tmp_path: Path) -> None:
    _word(tmp_path / "Avtal" / "Avtal Karin Wiik.docx")
    make_pdf(tmp_path / "Avtal" / "Avtal Karin Wiik.pdf", ["UTKAST", *AGREEMENT])
    kd = ["Kort om diagnosen", "Symtom: smärta.", "Behandling: läkemedel.", "Prognos: god."]
    _word(tmp_path / "Avtal" / "Bilaga 2.docx")
    make_pdf(tmp_path / "Avtal" / "Bilaga 2.pdf", kd)
    got = _run(tmp_path / "Avtal")
    assert got["Avtal Karin Wiik.pdf"].is_draft
    for name in ("Avtal Karin Wiik.docx", "Bilaga 2.docx"):
        assert REASON not in got[name].reasons, name
        assert got[name].must_register, name


def test_no_pairing_across_folders_names_or_classes(tmp_path: Path) -> None:
    signed = [*AGREEMENT, "Underskrift: Karin Wiik"]
    _word(tmp_path / "P" / "a" / "Avtal Karin Wiik.docx")
    make_pdf(tmp_path / "P" / "b" / "Avtal Karin Wiik signerat.pdf", signed)  # other folder
    _word(tmp_path / "P" / "Avtal Olof Strid.docx")
    make_pdf(tmp_path / "P" / "Avtal Olof Strid v2 signerat.pdf", signed)  # other name
    make_docx(
        tmp_path / "P" / "Jäv Eva Nord.docx",
        title="Jävsdeklaration",
        paragraphs=["Namn: Eva Nord", "Ekonomiska intressen: Nej"],
    )
    make_pdf(tmp_path / "P" / "Jäv Eva Nord signerad.pdf", signed)  # other class
    got = _run(tmp_path / "P")
    for name in ("Avtal Karin Wiik.docx", "Avtal Olof Strid.docx", "Jäv Eva Nord.docx"):
        assert REASON not in got[name].reasons, name
        assert got[name].must_register, name


def test_pairs_come_from_names_alone() -> None:
    found = pairs(
        [
            "P/06 Avtal - Karin Wiik.docx",
            "P/06 Avtal - Karin Wiik_signerat.pdf",
            "P/PM EC.docx",
            "P/PM EC FINAL.pdf",
            "P/PM EC (kopia).pdf",  # a second PDF of another name: no effect
            "P/Textförslag.docx",
            "P/Textförslag.doc",  # two Word files under one name: no pair
            "P/Textförslag signed.pdf",
        ],
        RULES,
    )
    assert found == {
        "P/06 Avtal - Karin Wiik.docx": "P/06 Avtal - Karin Wiik_signerat.pdf",
        "P/PM EC.docx": "P/PM EC FINAL.pdf",
    }


def test_a_correction_wins_over_the_pass() -> None:
    corrected = Classification("agreement", False, True, False, 1.0, corrected=True)
    pdf = Classification("agreement", False, True, False, 1.0, reasons=("final.signature@content",))
    assert working_copy(Sibling("P/A.docx", corrected), Sibling("P/A.pdf", pdf), RULES) is None
    plain = replace(corrected, corrected=False)
    copy = working_copy(Sibling("P/A.docx", plain), Sibling("P/A.pdf", pdf), RULES)
    assert copy is not None
    assert (copy.is_draft, copy.must_register) == (True, False)


def test_a_request_for_an_expert_without_om_is_a_nomination_request(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "20260120_mail_npo_forfragan_sakkunnig.eml",
        lambda f: make_eml(
            f,
            sender=STAFF,
            to=["npo.rorelseorganen@rjl.se"],
            subject="Förfrågan: sakkunnig till uppdatering av FMB knäartros",
            body="Hej!\nVi söker en sakkunnig. Har ni förslag?\nElin",
        ),
    )
    assert (c.doc_class, c.must_register) == ("nomination_request", True)


def test_a_report_from_another_survey_tool_is_a_survey_report(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "Netigate rapport knäartros.pdf",
        lambda f: make_pdf(
            f, ["Netigate – rapport", "FMB knäartros", "Respondenter: 4 av 4 (100 %)"]
        ),
    )
    assert (c.doc_class, c.must_register) == ("survey_response", True)


# --- session 5: another agency's registrar and project leads -------------------------


def _forwarded(subject: str, original: str, text: str) -> Callable[[Path], Path]:
    body = (
        f"För diarieföring.\n\n-----Ursprungligt meddelande-----\nFrån: {original}\n"
        f"Skickat: den 20 maj 2026 15:02\nÄmne: {subject}\n\n{text}"
    )
    return lambda f: make_eml(f, sender=STAFF, to=["registrator@socialstyrelsen.se"],
                              subject=f"FW: {subject}", body=body)  # fmt: skip


@pytest.mark.parametrize(
    ("rel", "build", "want", "register"),
    [
        (  # a forwarded mail is from the original sender: comments from FK, not the agency's
            "FW_ Comments from FK.eml",
            _forwarded(
                "Comments from FK – FMB epicondylitis",
                "Försäkringskassan <fm@forsakringskassan.se>",
                "Försäkringskassan lämnar följande synpunkter: rekommendationen bör ändras.",
            ),
            "comments",
            True,
        ),
        (  # English request for experts
            "Request for experts FMB epicondylitis.eml",
            lambda f: make_eml(
                f,
                sender=STAFF,
                to=["npo@region.se"],
                subject="Request for experts – update of FMB lateral epicondylitis",
                body="Dear NPO,\nWe ask you to nominate two experts for the project group.",
            ),
            "nomination_request",
            True,
        ),
        (  # an OCR'd declaration: "l" for "i" in the heading
            "Skannat formulär 2026-03-11.pdf",
            lambda f: make_pdf(
                f,
                [
                    "JÄVSDEKLARATlON",
                    "Namn: Inger Bodin",
                    "Ekonomiska lntressen: Nej",
                    "Underskrift: Inger Bodin   2026-03-11",
                ],
                title="Skannat formulär 2026-03-11",
            ),
            "coi_declaration",
            True,
        ),
        (  # an English engagement letter is an agreement
            "Engagement letter Dahlberg_signerad.pdf",
            lambda f: make_pdf(
                f,
                [
                    "Engagement letter – expert assignment",
                    "Compensation: fee of SEK 1 200 per hour against invoice.",
                ],
            ),
            "agreement",
            True,
        ),
        (  # a registrar's name for an NPO statement: the diarienummer only
            "2.4-31562-2026-14.pdf",
            lambda f: make_pdf(
                f,
                [
                    "NPO Rörelseorganens sjukdomar",
                    "Yttrande över remissversion: beslutsstöd reumatoid artrit",
                    "NPO ställer sig bakom förslaget.",
                ],
            ),
            "comments",
            True,
        ),
        (
            "Resultat webbenkät epikondylit.pdf",
            lambda f: make_pdf(f, ["Resultat webbenkät", "Antal svar: 4 av 4"]),
            "survey_response",
            True,
        ),
        (
            "Handling of comments - epicondylitis.xlsx",
            lambda f: make_xlsx(f, [["Från", "Synpunkt", "Hantering"], ["FK", "Skilj", "Infört"]]),
            "comments",
            True,
        ),
    ],
)
def test_session5_habits(
    tmp_path: Path, rel: str, build: Callable[[Path], Path], want: str, register: bool
) -> None:
    c = classify(tmp_path, rel, build)
    assert (c.doc_class, c.must_register) == (want, register)


def test_zero_padded_version_numbers_are_working_versions(tmp_path: Path) -> None:
    kd = ["Symtom: smärta.", "Behandling: läkemedel.", "Prognos: god."]
    c = classify(
        tmp_path,
        "Kort om diagnosen RA_v03.docx",
        lambda f: make_docx(f, title="Kort om diagnosen", paragraphs=kd),
    )
    assert (c.doc_class, c.is_draft, c.must_register) == ("text_proposal", True, False)


def test_a_consultation_version_is_sent_out_so_no_draft(tmp_path: Path) -> None:
    # DOMAIN.md: a draft sent for comment is official; a "remissversion" is that version
    c = classify(
        tmp_path,
        "Textförslag och rekommendationer RA - remissversion.pdf",
        lambda f: make_pdf(f, ["Textförslag och rekommendationer", "Symtom: smärta.",
                               "Behandling: läkemedel.", "Prognos: god."]),
    )  # fmt: skip
    assert (c.doc_class, c.is_draft, c.must_register) == ("text_proposal", False, True)


def test_a_word_file_beside_its_signed_pdf_a_export_is_the_working_copy(tmp_path: Path) -> None:
    _word(tmp_path / "Avtal" / "Uppdragsavtal Wiik.docx")
    make_pdf(
        tmp_path / "Avtal" / "Uppdragsavtal Wiik_signed_PDF-A.pdf",
        [*AGREEMENT, "Ort och datum: Norrköping 2026-03-03", "Underskrift: Karin Wiik"],
    )
    got = _run(tmp_path / "Avtal")
    word = got["Uppdragsavtal Wiik.docx"]
    assert (word.is_draft, word.must_register) == (True, False)


# --- session 7: an answer to an invitation is no comments --------------------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "RE: Uppdrag som sakkunnig – FMB endometrios",
            "Hej Pia,\nJag tackar ja till uppdraget. Avtalet skickar jag underskrivet med "
            "internposten.\nHälsningar\nHans-Olof",
        ),
        (
            "SV: Förfrågan – sakkunnig till FMB knäartros",
            "Hej!\nJag accepterar uppdraget och återkommer med jävsdeklarationen.\nMvh Eva",
        ),
        (
            "Re: Invitation – expert group, FMB long covid",
            "Dear Hanna,\nI am happy to accept the assignment.\nBest regards\nAnne Smith",
        ),
    ],
)
def test_an_experts_answer_to_the_assignment_is_correspondence(
    tmp_path: Path, subject: str, body: str
) -> None:
    c = classify(
        tmp_path,
        "Sakkunniga/svar.eml",
        lambda f: make_eml(
            f, sender="Eva Nord <eva.nord@regionjh.se>", to=[STAFF], subject=subject, body=body
        ),
    )
    assert (c.doc_class, c.must_register) == ("correspondence", False)


def test_comments_in_a_reply_stay_comments(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "Synpunkter/svar.eml",
        lambda f: make_eml(
            f,
            sender="Eva Nord <eva.nord@regionjh.se>",
            to=[STAFF],
            subject="SV: Textförslag FMB knäartros",
            body="Hej!\nJag har följande synpunkter på textförslaget: rekommendation 2 bör "
            "förtydligas.\nMvh Eva",
        ),
    )
    assert (c.doc_class, c.must_register) == ("comments", True)


# --- session 7: English names of the project's documents (blind holdout) -------------


def test_english_kick_off_notes_are_meeting_notes(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "2026-03-02/Kick-off notes.docx",
        lambda f: make_docx(
            f,
            title="Kick-off notes",
            paragraphs=["Present: Ulrika Berg, Tomas Wiklund", "The templates go out next week."],
        ),
    )
    assert c.doc_class == "meeting_notes"


def test_an_english_rg_invitation_is_a_nomination_request(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "2026-03-20/RG invitation and meeting booking.eml",
        lambda f: make_eml(
            f,
            sender=STAFF,
            to=["johan.skold@regionvast.se"],
            subject="RG invitation and meeting booking – FMB OSA",
            body="Dear Johan,\nWe invite you to the recommendation group. The meeting is on "
            "20 May.\nHanna",
        ),
    )
    assert (c.doc_class, c.must_register) == ("nomination_request", True)


def test_a_sheet_of_comments_and_responses_is_comments(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "2026-06-05/Comments and responses OSA.xlsx",
        lambda f: make_xlsx(
            f,
            [["From", "Comment", "Response"], ["NPO", "Add CPAP", "Added to recommendation 2"]],
        ),
    )
    assert (c.doc_class, c.must_register) == ("comments", True)


def test_a_versioned_word_file_beside_the_scan_of_its_signed_print_is_its_working_copy(
    tmp_path: Path,
) -> None:
    """`Avtal_Westin_K_v2_FINAL.docx` beside `AVTAL_WESTIN_K_scan.pdf` (session 10): the
    Word file's version and "final", and the PDF's "scan", say nothing about which
    document it is. A PDF with a version of its own stays another version."""
    _word(tmp_path / "P" / "Avtal_Westin_K_v2_FINAL.docx")
    make_pdf(
        tmp_path / "P" / "AVTAL_WESTIN_K_scan.pdf",
        [*AGREEMENT, "Ort och datum: Halmstad 2026-02-24", "Underskrift: Klara Westin"],
    )
    _word(tmp_path / "P" / "Avtal Olof Strid v3.docx")
    make_pdf(tmp_path / "P" / "Avtal Olof Strid v2 signerat.pdf", [*AGREEMENT, "Underskrift"])
    got = _run(tmp_path / "P")
    word = got["Avtal_Westin_K_v2_FINAL.docx"]
    assert (word.doc_class, word.is_draft, word.must_register) == ("agreement", True, False)
    assert REASON in word.reasons
    assert got["AVTAL_WESTIN_K_scan.pdf"].must_register
    assert REASON not in got["Avtal Olof Strid v3.docx"].reasons
    assert pairs(["P/Avtal Olof Strid v3.docx", "P/Avtal Olof Strid v2 signerat.pdf"], RULES) == {}
