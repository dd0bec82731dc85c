"""The session-16 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 16, helper accuracy) and labelled from DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session16`). Each file's label
names the step it evidences (`step`) and whether it holds personal data (`personal_data`)
where it is clear. Habits:

- a registrar's layout in CAPITALS: `01 INKOMMET/`, `02 UPPRÄTTAT/`, `03 ARBETSMATERIAL/`,
  names in capitals with underscores, a six-digit date first (`260312_JD_MB.PDF`,
  year-month-day), declarations named by the person's initials only, one of them a scan
  with no text, versions marked `REV A`, `REV B_MB KOMMENTARER`, `REV C_REMISS`, `SLUTLIG`;
- mails whose only content is an attachment (no body, subject `VB:` or none), and a
  workbook that is a log of the declarations received (a register, not the declarations);
- a Nordic working group writing Danish ("Erklæring om interesser", "Referat fra
  opstartsmøde", "Dagsorden", "Høringssvar", "Tekstforslag") and Finland-Swedish
  ("Redogörelse för bindningar", "Uppdragsbeskrivning", dates `2.3.2026` before a signature,
  an organisation after a name: "Johan Westerlund, HUS Reumatologi, som sakkunnig"), dates
  in names as `12-02-2026` and `16.3.2026`; a nomination printed to PDF whose person's name
  wraps across two lines;
- a team writing its working papers in English with registers as spreadsheets (a document
  register, the RG's declarations as rows), versions by dates and initials
  (`rev3 (JS edits)`, `FINAL 2026.04.20`, `14-Apr-2026`), very short (a one-line read-me) and
  very long documents (a 40-page knowledge basis), and a misnamed pair: an agreement saved
  under a declaration's name.

Labelling choices as in the earlier sets: a textless scan is labelled with what it is; a
draft is never registered; the version sent out for comment is registered; an agenda is
`meeting_notes` that adds no facts; minutes with decisions are registered; a mail whose
only content is an attachment is classed as the attachment; material mailed to FK/NPO and
feedback to the RG are registered correspondence; a plan is never registered; a working
log of what came in is `other` (also acceptable: the class of what it logs), not
registered. personal_data: true for declarations, agreements, named comments and mails
between named people, minutes naming external participants with what they said; false for
plans, statistics, texts, anonymous survey results.

Projects:
- `MENIÈRES SJUKDOM - UPPDATERING` — update, registrar's capitals layout, approved by EC,
  not evaluated; Tobias Wall (RG) has no declaration.
- `Axial spondylartrit – nordisk arbetsgrupp` — new, Danish and Finland-Swedish members,
  stopped after the RG meeting; Pekka Laine (RG) has no declaration (named only in the
  wrapped nomination).
- `Paniksyndrom nytt FMB 2026` — new, English working papers and spreadsheets, approved by
  AC and evaluated; Yusuf Demir (RG) has no declaration.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _msg, _people, _txt
from session11 import _adder
from session13 import _pdf_bytes, _scan
from session14 import _csv, _md

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


def _long_basis(subject: str, code: str, pages: int) -> list[str]:
    """A long knowledge basis: method, search, then one block of findings per section."""
    lines = [
        f"Kunskapsunderlag med metodbeskrivning – {subject}",
        "Bilaga till det försäkringsmedicinska beslutsstödet",
        "1 Metod",
        f"Litteratursökning i PubMed, Embase och Cochrane Library 2010–2026 för {code}. "
        "Urval av systematiska översikter och kohortstudier om arbetsförmåga och sjukskrivning.",
        "2 Sökstrategi",
        "Sökord: sjukskrivning, arbetsförmåga, återgång i arbete, prognos, behandling.",
    ]
    for n in range(pages):
        lines += [
            f"{n + 3} Resultat, avsnitt {n + 1}",
            f"Studie {n + 1}: kohort med {120 + 7 * n} deltagare, "
            f"uppföljning {6 + n % 18} månader. "
            "Andelen som återgick i arbete ökade med tiden; symtomens svårighetsgrad och "
            "samsjuklighet påverkade prognosen. Evidensstyrkan bedömdes som låg till måttlig.",
            "Sammanfattande bedömning: underlaget stöder rekommendationen om sjukskrivningens "
            "längd vid okomplicerat förlopp; vid svår samsjuklighet krävs individuell bedömning.",
        ]
    lines.append("Referenser: 1–" + str(pages + 40) + ".")
    return lines


# ---------------------------------------------------------------- project A


def meniere(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "MENIÈRES SJUKDOM - UPPDATERING")
    add = _adder(p)
    lead = ("Jonas Lindahl", f"jonas.lindahl@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Magnus Berg", "Karin Lund"]
    rg = ["Elin Fors", "Tobias Wall", "Nadia Haddad"]
    patient = "Bo Ekström"
    npo = "NPO Öron-, näs- och halssjukdomar <npo.onh@regionuppsala.se>"
    inn, upp, arb = "01 INKOMMET", "02 UPPRÄTTAT", "03 ARBETSMATERIAL"
    text = [
        "Kort om diagnosen: Ménières sjukdom ger attacker av yrsel, tinnitus och nedsatt "
        "hörsel. Behandling med betahistin, vestibulär rehabilitering och ibland kirurgi.",
        "Rekommendationer: vid attack sjukskrivning 1–2 veckor; vid täta attacker och arbete "
        "på höjd eller med fordon individuell bedömning.",
    ]
    add(
        f"{arb}/260108_PROJEKTPLAN_MENIERE.DOCX",
        lambda f: make_docx(
            f,
            title="PROJEKTPLAN – UPPDATERING FMB MÉNIÈRES SJUKDOM (H81.0)",
            paragraphs=[
                "Syfte: uppdatera beslutsstödet enligt instruktion 3.1.3.5.",
                "Organisation: projektledare Jonas Lindahl, två sakkunniga (ÖNH, audiologi), "
                "rekommendationsgrupp.",
                "Tidplan: nominering v3–v5, statistik v10, remiss v20, föredragning EC v36.",
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        f"{arb}/TIDPLAN_V2-V36.XLSX",
        lambda f: make_xlsx(
            f,
            [
                ["Vecka", "Aktivitet", "Ansvarig"],
                ["v3", "Förfrågan NPO om sakkunniga", "JL"],
                ["v10", "Beställning Midas", "JL"],
                ["v11", "Uppstartsmöte", "JL"],
                ["v20", "Remiss RG, FK, NPO", "JL"],
                ["v36", "Föredragning EC", "JL"],
            ],
            sheet_title="Tidplan",
            creator=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        f"{upp}/260112_FÖRFRÅGAN_NPO_ÖNH.EML",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[npo],
            subject="Förfrågan om sakkunniga och RG – uppdatering FMB Ménières sjukdom",
            body="Hej,\n\nSocialstyrelsen uppdaterar beslutsstödet för Ménières sjukdom. Vi "
            "ber NPO ÖNH föreslå två sakkunniga (öron-näsa-hals och audiologi) samt tre "
            "personer till rekommendationsgruppen, senast 30 januari.\n\nHälsningar\nJonas "
            "Lindahl",
            sent_at=dt("2026-01-12 10:04"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        f"{inn}/260129_SVAR_NPO_ÖNH.EML",
        lambda f: make_eml(
            f,
            sender=npo,
            to=[lead_s],
            subject="SV: Förfrågan om sakkunniga och RG – uppdatering FMB Ménières sjukdom",
            body="Hej Jonas,\n\nNPO ÖNH föreslår följande.\n\nSakkunniga:\n- Magnus Berg, "
            "överläkare ÖNH, Sahlgrenska\n- Karin Lund, leg. audionom, Region Skåne\n\n"
            "Rekommendationsgrupp:\n- Elin Fors, distriktsläkare, Region Uppsala\n- Tobias "
            "Wall, fysioterapeut, Region Gävleborg\n- Nadia Haddad, företagsläkare, Avonova\n"
            "- Bo Ekström, Hörselskadades Riksförbund (patientföreträdare)\n\nMvh\nNPO ÖNH, "
            "kansliet",
            sent_at=dt("2026-01-29 15:20"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="nominations as lists under role headings",
    )
    add(
        f"{inn}/260205_JD_MB.PDF",
        lambda f: make_pdf(
            f,
            [
                "JÄVSDEKLARATION",
                "NAMN: MAGNUS BERG",
                "UPPDRAG: SAKKUNNIG, FMB MÉNIÈRES SJUKDOM",
                "ANSTÄLLNING: SAHLGRENSKA UNIVERSITETSSJUKHUSET",
                "EKONOMISKA INTRESSEN I FÖRETAG INOM OMRÅDET: NEJ",
                "UPPDRAG FÖR LÄKEMEDELS- ELLER MEDICINTEKNISK INDUSTRI: NEJ",
                "ANDRA OMSTÄNDIGHETER SOM KAN RUBBA FÖRTROENDET FÖR MIN OPARTISKHET: NEJ",
                "GÖTEBORG 2026-02-05",
                "MAGNUS BERG",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="capitals throughout, initials in the name",
    )
    add(
        f"{inn}/260305_JD_KL.PDF",
        lambda f: _scan(f, 1601),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Karin Lund's declaration, a scan without text named by initials only",
    )
    agreement_mb = [
        "Avtal om ersättning för sakkunnig",
        "Mellan Socialstyrelsen (beställaren) och Magnus Berg (uppdragstagaren).",
        "Uppdrag: sakkunnig i projektgruppen för uppdatering av FMB Ménières sjukdom.",
        "Ersättning: 1 000 kronor per timme, högst 40 timmar, mot faktura.",
        "Avtalsperiod: 2026-02-15 – 2026-10-31.",
        "Stockholm 2026-02-09 Jonas Lindahl        Göteborg 2026-02-11 Magnus Berg",
    ]
    add(
        f"{inn}/260211_VB.EML",
        lambda f: make_eml(
            f,
            sender="Magnus Berg <magnus.berg@vgregion.se>",
            to=[lead_s],
            subject="VB:",
            body="",
            sent_at=dt("2026-02-11 21:47"),
            attachments=[("Avtal Magnus Berg signerat.pdf", _pdf_bytes(agreement_mb))],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="no body, the signed agreement attached",
    )
    agreement_kl = [
        "Avtal om ersättning för sakkunnig",
        "Mellan Socialstyrelsen (beställaren) och Karin Lund (uppdragstagaren).",
        "Uppdrag: sakkunnig i projektgruppen för uppdatering av FMB Ménières sjukdom.",
        "Ersättning: 900 kronor per timme, högst 30 timmar, mot faktura.",
        "Avtalsperiod: 2026-03-01 – 2026-10-31.",
        "Stockholm 2026-02-09 Jonas Lindahl        Lund 2026-03-04 Karin Lund",
    ]
    add(
        f"{inn}/260304_(INGET ÄMNE).EML",
        lambda f: make_eml(
            f,
            sender="Karin Lund <karin.lund@skane.se>",
            to=[lead_s],
            subject="",
            body="",
            sent_at=dt("2026-03-04 07:12"),
            attachments=[("AVTAL_KL_SIGN.pdf", _pdf_bytes(agreement_kl))],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="no subject, no body, the agreement attached",
    )
    add(
        f"{upp}/260302_BESTÄLLNING_MIDAS_H81.PDF",
        lambda f: make_pdf(
            f,
            [
                "Beställning av statistik ur Midas",
                "Till: Försäkringskassan, enheten för statistik",
                "Socialstyrelsen beställer antal sjukfall och sjukfallslängd för diagnoskod "
                "H81.0 (Ménières sjukdom), 2016–2025, per kön och åldersgrupp.",
                "Kontakt: Jonas Lindahl, Socialstyrelsen. Dnr 2.4-11870/2026",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        f"{inn}/260320_FK_LEVERANS_H81.XLSX",
        lambda f: make_xlsx(
            f,
            [
                ["År", "Kön", "Antal sjukfall", "Median dagar"],
                [2016, "K", 412, 38],
                [2016, "M", 301, 31],
                [2025, "K", 455, 41],
                [2025, "M", 322, 33],
            ],
            sheet_title="H81.0",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        f"{arb}/RG_JD_INKOMNA.XLSX",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Roll", "JD inkom", "Dnr", "Bedömd", "Bedömning"],
                ["Elin Fors", "RG", "2026-02-16", "2.4-11870/2026-9", "JL", "Inget jäv"],
                ["Nadia Haddad", "RG", "2026-02-18", "2.4-11870/2026-10", "JL", "Inget jäv"],
                ["Bo Ekström", "RG/pat", "2026-02-20", "2.4-11870/2026-11", "JL", "Inget jäv"],
                ["Tobias Wall", "RG", "", "", "", "påminnelse 3/3"],
            ],
            sheet_title="Logg",
            creator=lead[0],
        ),
        "other",
        "recruit_recommendation_group",
        also=("coi_declaration",),
        register=False,
        pd=True,
        note="a log of the declarations received, not the declarations",
    )
    add(
        f"{inn}/260216_JD_EF.PDF",
        lambda f: make_pdf(
            f,
            [
                "JÄVSDEKLARATION – REKOMMENDATIONSGRUPP",
                "Namn: Elin Fors",
                "Uppdrag: ledamot i rekommendationsgruppen, FMB Ménières sjukdom",
                "Anställning: Region Uppsala, distriktsläkare",
                "Ekonomiska intressen i företag inom området: Nej",
                "Uppdrag för industrin de senaste tre åren: Nej",
                "Uppsala 2026-02-16 Elin Fors",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        f"{inn}/260218_JD_NH.DOCX",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            table=[
                ["Namn", "Nadia Haddad"],
                ["Uppdrag", "Rekommendationsgruppen, Ménières sjukdom"],
                ["Arbetsgivare", "Avonova"],
                ["Ekonomiska intressen", "Nej"],
                ["Uppdrag för industrin", "Nej"],
                ["Datum", "2026-02-18"],
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        f"{inn}/260220_JD_BE.PDF",
        lambda f: make_pdf(
            f,
            [
                "JÄVSDEKLARATION – PATIENTFÖRETRÄDARE",
                "NAMN: BO EKSTRÖM",
                "ORGANISATION: HÖRSELSKADADES RIKSFÖRBUND",
                "EKONOMISKA INTRESSEN I FÖRETAG INOM OMRÅDET: NEJ",
                "BIDRAG TILL ORGANISATIONEN FRÅN INDUSTRIN: NEJ",
                "STOCKHOLM 2026-02-20   BO EKSTRÖM",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        f"{arb}/260311_UPPSTART_DAGORDNING.DOCX",
        lambda f: make_docx(
            f,
            title="DAGORDNING UPPSTARTSMÖTE 11 MARS",
            paragraphs=[
                "1. Presentation av deltagarna",
                "2. Instruktionen och tidplanen",
                "3. Fördelning av avsnitt",
                "4. Övrigt",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        pd=False,
        note="agenda",
    )
    add(
        f"{arb}/260311_UPPSTART.PPTX",
        lambda f: make_pptx(
            f,
            [
                ("UPPSTARTSMÖTE FMB MÉNIÈRES", "11 mars 2026"),
                ("Uppdraget", "Uppdatera beslutsstödet enligt instruktion 3.1.3.5"),
                ("Tidplan", "Remiss v20, föredragning EC v36"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        f"{upp}/260311_MINNESANTECKNINGAR_UPPSTART.PDF",
        lambda f: make_pdf(
            f,
            [
                "MINNESANTECKNINGAR – UPPSTARTSMÖTE 2026-03-11",
                "Närvarande: Jonas Lindahl (Socialstyrelsen), Magnus Berg, Karin Lund "
                "(sakkunniga).",
                "Beslut: Magnus Berg skriver Kort om diagnosen och rekommendationerna, Karin "
                "Lund de ICF-baserade avsnitten om hörsel och balans. Mallarna skickas efter "
                "mötet.",
                "Nästa möte: 2026-04-08.",
            ],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        f"{arb}/TEXTFÖRSLAG_MENIERE_REV A_JL.DOCX",
        lambda f: make_docx(
            f,
            title="Textförslag – Ménières sjukdom",
            paragraphs=[*text, "[JL: stäm av sjukskrivningstiderna med Magnus]"],
            author=lead[0],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="REV A with the lead's initials and a bracketed note",
    )
    add(
        f"{arb}/TEXTFÖRSLAG_MENIERE_REV B_MB KOMMENTARER.DOCX",
        lambda f: make_docx(
            f,
            title="Textförslag – Ménières sjukdom",
            paragraphs=text,
            author="Magnus Berg",
            comment="Lägg till arbete på hög höjd under rekommendationerna.",
            tracked_changes=[("ins", "Vid yrselattacker i yrkestrafik krävs läkarintyg.")],
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="REV B, the expert's comments and tracked changes",
    )
    add(
        f"{upp}/260512_TEXTFÖRSLAG_MENIERE_REV C_REMISS.PDF",
        lambda f: make_pdf(f, ["Textförslag med rekommendationer – Ménières sjukdom", *text]),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent out for comment",
    )
    add(
        f"{upp}/ICF_MENIERE_REVIDERADE AVSNITT.DOCX",
        lambda f: make_docx(
            f,
            title="ICF-baserade textavsnitt – reviderade",
            table=[
                ["ICF-kategori", "Reviderad text"],
                ["b240 Hörsel- och vestibulära funktioner", "Yrsel i attacker, tinnitus."],
                ["d450 Att gå", "Osäker gång under och efter attack."],
                ["d475 Att köra", "Körning olämplig vid täta attacker."],
            ],
            author="Karin Lund",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        f"{upp}/260512_REMISS_FK_NPO.EML",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["registrator@forsakringskassan.se", npo],
            subject="Remiss: uppdaterat FMB Ménières sjukdom – synpunkter senast 26 maj",
            body="Hej,\n\nBifogat finns textförslaget för Ménières sjukdom. Vi tar gärna emot "
            "synpunkter senast den 26 maj.\n\nHälsningar\nJonas Lindahl",
            sent_at=dt("2026-05-12 09:00"),
            attachments=[
                (
                    "TEXTFÖRSLAG_MENIERE_REV C_REMISS.pdf",
                    _pdf_bytes(["Textförslag med rekommendationer – Ménières sjukdom", *text]),
                )
            ],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        f"{upp}/260512_ENKÄT_RG.PDF",
        lambda f: make_pdf(
            f,
            [
                "Webbenkät till rekommendationsgruppen – Ménières sjukdom",
                "Missiv: Du är med i rekommendationsgruppen. Svara på enkäten senast 26 maj.",
                "Fråga 1: Är rekommendationerna om sjukskrivningens längd rimliga? (Ja/Nej)",
                "Fråga 2: Saknas något i texten Kort om diagnosen?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        f"{inn}/260527_ENKÄTSVAR_RG.XLSX",
        lambda f: make_xlsx(
            f,
            [
                ["Svar-ID", "Fråga 1", "Fråga 2"],
                [1, "Ja", "Nej"],
                [2, "Ja", "Nämn hörapparat"],
                [3, "Nej, för kort vid täta attacker", ""],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        f"{inn}/260525_YTTRANDE_FK.PDF",
        lambda f: make_pdf(
            f,
            [
                "Försäkringskassan",
                "Yttrande över textförslag till uppdaterat beslutsstöd för Ménières sjukdom",
                "Försäkringskassan har inga invändningar mot rekommendationerna men föreslår "
                "att texten om yrkestrafik förtydligas.",
                "Stockholm 2026-05-25, Eva Blom, verksamhetsområde sjukförsäkring",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        f"{inn}/260526_SYNPUNKTER_NPO.EML",
        lambda f: make_eml(
            f,
            sender=npo,
            to=[lead_s],
            subject="SV: Remiss: uppdaterat FMB Ménières sjukdom – synpunkter senast 26 maj",
            body="Hej,\n\nNPO ÖNH har följande synpunkter: beskriv vestibulär rehabilitering "
            "tydligare och nämn att hörselnedsättningen kan bli bestående.\n\nMvh\nNPO ÖNH",
            sent_at=dt("2026-05-26 16:05"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        f"{arb}/SAMMANSTÄLLNING SYNPUNKTER REV 1.XLSX",
        lambda f: make_xlsx(
            f,
            [
                ["Avsändare", "Synpunkt", "Hantering"],
                ["FK", "Förtydliga yrkestrafik", "Infört"],
                ["NPO ÖNH", "Vestibulär rehabilitering", "Infört"],
                ["RG svar 3", "För kort vid täta attacker", "Ej infört, individuell bedömning"],
            ],
            sheet_title="Synpunkter",
        ),
        "comments",
        "revise",
        register=True,
        pd=False,
        note="how the comments were handled",
    )
    add(
        f"{upp}/260615_TEXTFÖRSLAG_MENIERE_SLUTLIG.PDF",
        lambda f: make_pdf(
            f,
            [
                "Textförslag med rekommendationer – Ménières sjukdom (slutlig version)",
                *text,
                "Vestibulär rehabilitering beskrivs; hörselnedsättningen kan bli bestående.",
            ],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
    )
    add(
        f"{upp}/260616_ÅTERKOPPLING_RG.EML",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "Elin Fors <elin.fors@regionuppsala.se>",
                "Tobias Wall <tobias.wall@regiongavleborg.se>",
                "Nadia Haddad <nadia.haddad@avonova.se>",
                "Bo Ekström <bo.ekstrom@hrf.se>",
            ],
            subject="Tack för era synpunkter – FMB Ménières sjukdom",
            body="Hej,\n\nTack för era svar på enkäten. Här är en sammanfattning av hur "
            "synpunkterna har hanterats i den slutliga versionen.\n\nHälsningar\nJonas",
            sent_at=dt("2026-06-16 13:30"),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
    )
    add(
        f"{upp}/KUNSKAPSUNDERLAG_MED_METODBESKRIVNING.PDF",
        lambda f: make_pdf(f, _long_basis("Ménières sjukdom", "H81.0", 60)),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
        note="long",
    )
    add(
        f"{upp}/260903_FÖREDRAGNING_EC.PDF",
        lambda f: make_pdf(
            f,
            [
                "PM inför föredragning",
                "Uppdaterat försäkringsmedicinskt beslutsstöd för Ménières sjukdom.",
                "Enhetschefen beslutar att det uppdaterade beslutsstödet publiceras.",
                "2026-09-03, Ulrika Ståhl, enhetschef",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        f"{arb}/LÄS MIG.TXT",
        lambda f: _txt(f, "Slutversioner i 02. Utkast här.\n"),
        "other",
        "plan",
        register=False,
        pd=False,
        note="one line",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Tobias Wall
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "complete",
        "knowledge_basis": "complete",
        "approval": "complete",
        "vips": "needs_confirmation",
        "evaluate_close": "missing",
        "records_closure": "missing",
    }
    meta = {
        "folder": p.folder,
        "variant": "update",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing", "complete"],
            "records_closure": ["needs_confirmation"],
            "consider_comments": ["needs_confirmation"],  # an update meets only when needed
            "recruit_project_group": ["needs_confirmation"],  # a textless scan by initials
        },
        "missing_coi_for": ["Tobias Wall"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def axspa(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Axial spondylartrit – nordisk arbetsgrupp")
    add = _adder(p)
    lead = ("Therese Holm", f"therese.holm@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Mette Kjær", "Johan Westerlund"]
    rg = ["Sara Nyström", "Lise Dahl", "Pekka Laine"]
    patient = "Karl Öberg"
    text = [
        "Kort om diagnosen: axial spondylartrit är en inflammatorisk ryggsjukdom med "
        "smärta och stelhet i ländrygg och bäckenleder, debut oftast före 45 års ålder.",
        "Behandling: NSAID, fysioterapi, vid otillräcklig effekt TNF-hämmare eller IL-17-hämmare.",
        "Rekommendationer: vid skov sjukskrivning upp till fyra veckor; vid stabil sjukdom "
        "sällan behov av sjukskrivning.",
    ]
    add(
        "Uppdragsbeskrivning och tidsplan.docx",
        lambda f: make_docx(
            f,
            title="Uppdragsbeskrivning – nytt FMB axial spondylartrit (M45)",
            paragraphs=[
                "Bakgrund: nytt försäkringsmedicinskt beslutsstöd enligt instruktion 3.1.3.5, "
                "med sakkunniga från Danmark och Finland i en nordisk arbetsgrupp.",
                "Arbetsgrupp: projektledare Therese Holm; sakkunniga inom reumatologi.",
                "Tidsplan: rekrytering januari–februari, uppstart 16.3.2026, remiss i maj, "
                "möte med rekommendationsgruppen 2.6.2026.",
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
        note="Finland-Swedish name of the plan",
    )
    add(
        "Förfrågan om sakkunniga.msg",
        lambda f: _msg(
            f,
            lead,
            [("NPO Rörelseorganens sjukdomar", "npo.rorelse@regionorebrolan.se")],
            "Förfrågan om sakkunniga och ledamöter i rekommendationsgrupp – axial spondylartrit",
            "Hej,\n\nSocialstyrelsen tar fram ett nytt beslutsstöd för axial spondylartrit i en "
            "nordisk arbetsgrupp. Kan NPO föreslå en sakkunnig och två till tre personer till "
            "rekommendationsgruppen?\n\nVänliga hälsningar\nTherese Holm",
            dt("2026-01-14 09:15"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Nomineringar NPO (utskrift).pdf",
        lambda f: make_pdf(
            f,
            [
                "Från: NPO Rörelseorganens sjukdomar <npo.rorelse@regionorebrolan.se>",
                "Skickat: den 3 februari 2026 11:02",
                "Till: Therese Holm <therese.holm@socialstyrelsen.se>",
                "Ämne: SV: Förfrågan om sakkunniga och ledamöter i rekommendationsgrupp",
                "",
                "Hej Therese,",
                "NPO föreslår Johan Westerlund, HUS Reumatologi, som sakkunnig. Till",
                "rekommendationsgruppen föreslår vi Sara Nyström, Region Jämtland Härjedalen, och",
                "Pekka Laine, företagshälsovården i Haparanda. Karl Öberg från",
                "Riksförbundet för axial spondylartrit kan vara patientföreträdare.",
                "Hälsningar",
                "Anders Gren, NPO",
            ],
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="printed mail; the RG member's name wraps across lines",
    )
    add(
        "Interesseerklæring Mette Kjær 12-02-2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Erklæring om interesser og habilitet",
                "Navn: Mette Kjær",
                "Stilling: overlæge, Rigshospitalet, Reumatologisk afdeling",
                "Opgave: sagkyndig, svensk FMB axial spondylartrit",
                "Økonomiske interesser i virksomheder på området: Nej",
                "Honorar fra lægemiddelindustrien de seneste tre år: foredrag 2025",
                "Aktier i relevante virksomheder: Nej",
                "København, 12-02-2026",
                "Mette Kjær",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Danish declaration",
    )
    add(
        "Redogörelse för bindningar JW.pdf",
        lambda f: make_pdf(
            f,
            [
                "Redogörelse för bindningar",
                "Namn: Johan Westerlund",
                "Uppdrag: sakkunnig, FMB axial spondylartrit",
                "Arbetsgivare: HUS, Reumatologiska kliniken",
                "Ekonomiska bindningar till läkemedelsföretag: Nej",
                "Arvoden för föreläsningar de senaste tre åren: Nej",
                "Helsingfors 2.3.2026 Johan Westerlund",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Finland-Swedish, a Finnish date before the signature",
    )
    add(
        "Avtal om ersättning Mette Kjær.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om ersättning för sakkunnig",
                "Mellan Socialstyrelsen (beställaren) och Mette Kjær (uppdragstagaren).",
                "Uppdrag: sakkunnig i projektgruppen för nytt FMB axial spondylartrit.",
                "Ersättning: 1 100 kronor per timme, högst 40 timmar, mot faktura.",
                "Stockholm 2026-02-16 Therese Holm       København 18-02-2026 Mette Kjær",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Uppdragsavtal Westerlund.docx",
        lambda f: make_docx(
            f,
            title="Uppdragsavtal",
            paragraphs=[
                "Parter: Socialstyrelsen och Johan Westerlund (uppdragstagare), Helsingfors.",
                "Uppdraget: sakkunnig i den nordiska arbetsgruppen för FMB axial spondylartrit.",
                "Arvode: 1 000 kronor per timme, högst 40 timmar.",
                "Helsingfors 4.3.2026 Johan Westerlund",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Statistikbeställning M45 Midas.docx",
        lambda f: make_docx(
            f,
            title="Beställning av statistik ur Midas – M45",
            paragraphs=[
                "Till Försäkringskassan. Socialstyrelsen beställer sjukfall och sjukfallslängd "
                "för M45 (pelvospondylit), 2019–2025, per kön och ålder.",
                "Kontaktperson: Therese Holm",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "FK M45 2019-2025.csv",
        lambda f: _csv(
            f,
            [["år", "kön", "sjukfall", "median_dagar"], [2019, "M", 388, 45], [2025, "K", 402, 52]],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Jävsdeklaration Sara Nyström.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration – rekommendationsgrupp",
            table=[
                ["Namn", "Sara Nyström"],
                ["Arbetsgivare", "Region Jämtland Härjedalen"],
                ["Ekonomiska intressen", "Nej"],
                ["Uppdrag för industrin", "Nej"],
                ["Datum", "2026-02-20"],
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Interesseerklæring Lise Dahl 24-02-2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Erklæring om interesser og habilitet",
                "Navn: Lise Dahl",
                "Opgave: medlem af anbefalingsgruppen (rekommendationsgruppen)",
                "Økonomiske interesser i virksomheder på området: Nej",
                "Honorar fra lægemiddelindustrien: Nej",
                "Aarhus, 24-02-2026 Lise Dahl",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Jävsdeklaration patientföreträdare.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Karl Öberg",
                "Uppdrag: patientföreträdare i rekommendationsgruppen",
                "Organisation: Riksförbundet för axial spondylartrit",
                "Ekonomiska intressen: Nej. Bidrag från industrin till förbundet: 2025.",
                "Göteborg 2026-02-25 Karl Öberg",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Kort om diagnosen – första utkast.docx",
        lambda f: make_docx(
            f, title="Kort om diagnosen – axial spondylartrit", paragraphs=text[:2]
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "ICF-kategorier för expertbedömning axSpA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Kategori", "Relevant (ja/nej)", "Kommentar"],
                ["b280", "Smärtförnimmelse", "", ""],
                ["b710", "Funktioner i lederna", "", ""],
                ["d415", "Att bibehålla en kroppsställning", "", ""],
                ["d850", "Avlönat arbete", "", ""],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        "Dagsorden opstartsmøde 16.3.2026.docx",
        lambda f: make_docx(
            f,
            title="Dagsorden – opstartsmøde",
            paragraphs=[
                "1. Velkomst og præsentation",
                "2. Instruktionen og tidsplanen",
                "3. Fordeling af afsnit",
                "4. Eventuelt",
            ],
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        pd=False,
        note="Danish agenda",
    )
    add(
        "Referat fra opstartsmøde 16.3.2026.docx",
        lambda f: make_docx(
            f,
            title="Referat fra opstartsmøde",
            paragraphs=[
                "Dato: 16.3.2026 (Teams). Deltagere: Therese Holm, Mette Kjær, Johan Westerlund.",
                "Beslutninger: Mette Kjær skriver udkast til Kort om diagnosen, Johan "
                "Westerlund vurderer ICF-kategorierne. Skabelonerne sendes efter mødet.",
                "Næste møde: 14.4.2026.",
            ],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="Danish minutes",
    )
    add(
        "Tekstforslag axSpA v1.0 til RG.pdf",
        lambda f: make_pdf(f, ["Textförslag med rekommendationer – axial spondylartrit", *text]),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="Danish file name",
    )
    add(
        "Webbenkät RG – missiv och frågor.docx",
        lambda f: make_docx(
            f,
            title="Webbenkät till rekommendationsgruppen – axial spondylartrit",
            paragraphs=[
                "Missiv: Du ingår i rekommendationsgruppen för beslutsstödet. Svara senast 26.5.",
                "Fråga 1: Är rekommendationerna rimliga?",
                "Fråga 2: Övriga synpunkter på textförslaget?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Svar webbenkät RG.csv",
        lambda f: _csv(
            f,
            [
                ["Respondent", "Fråga 1", "Fråga 2"],
                ["1", "Ja", ""],
                ["2", "Delvis", "Nämn morgonstelhet"],
                ["3", "Ja", "Bra"],
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Høringssvar Dansk Reumatologisk Selskab.pdf",
        lambda f: make_pdf(
            f,
            [
                "Høringssvar vedrørende forslag til beslutningsstøtte for aksial spondylartritis",
                "Dansk Reumatologisk Selskab takker for muligheden for at afgive høringssvar.",
                "Vi foreslår, at anbefalingerne om sygemelding ved opblussen nævner "
                "fysioterapi tydeligere.",
                "Med venlig hilsen, bestyrelsen",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
        note="Danish comments",
    )
    add(
        "Synpunkter FK axSpA.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <registrator@forsakringskassan.se>",
            to=[lead_s],
            subject="Synpunkter på textförslag axial spondylartrit",
            body="Hej,\n\nFörsäkringskassan har tagit del av textförslaget och har följande "
            "synpunkter: förtydliga skillnaden mellan skov och stabil sjukdom.\n\n"
            "Med vänlig hälsning\nFörsäkringskassan",
            sent_at=dt("2026-05-25 14:00"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "RG-möte 2.6.2026 promemoria.docx",
        lambda f: make_docx(
            f,
            title="Promemoria från mötet med rekommendationsgruppen 2.6.2026",
            paragraphs=[
                "Deltog: Therese Holm, Mette Kjær, Sara Nyström, Lise Dahl, Karl Öberg.",
                "Enkätsvaren och remissvaren gicks igenom. Beslut: morgonstelhet och fysioterapi "
                "läggs till; rekommendationen om skov behålls.",
            ],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Pekka Laine
        "brief_diagnosis_text": "partial",  # only a draft
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "missing",
        "knowledge_basis": "missing",
        "approval": "missing",
        "vips": "missing",
        "evaluate_close": "missing",
        "records_closure": "missing",
    }
    meta = {
        "folder": p.folder,
        "variant": "new",
        "expected_steps": steps,
        "also_acceptable": {"brief_diagnosis_text": ["complete"]},  # v1.0 holds the text
        "missing_coi_for": ["Pekka Laine"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def panik(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Paniksyndrom nytt FMB 2026")
    add = _adder(p)
    lead = ("Jessica Strand", f"jessica.strand@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Ola Persson", "Rebecka Sand"]
    rg = ["Hugo Falk", "Maja Ekdahl", "Yusuf Demir"]
    patient = "Anneli Roos"
    npo = "NPO Psykisk hälsa <npo.psykiskhalsa@vgregion.se>"
    text = [
        "Kort om diagnosen: paniksyndrom (F41.0) innebär återkommande oväntade panikattacker "
        "och oro för nya attacker. Behandling med KBT och vid behov SSRI.",
        "Rekommendationer: sjukskrivning sällan motiverad; vid svår agorafobi deltid under "
        "behandlingens början, högst fyra veckor.",
    ]
    add(
        "Project plan panic disorder.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Milestone", "Owner", "Due", "Status"],
                ["Expert request to NPO", "JS", "2026-01-20", "done"],
                ["Midas order", "JS", "2026-03-02", "done"],
                ["Kickoff", "JS", "2026-03-18", "done"],
                ["Consultation RG/FK/NPO", "JS", "2026-05-15", ""],
                ["AC sign-off", "JS", "2026-10-05", ""],
            ],
            sheet_title="Plan",
            creator=lead[0],
            extra_sheets={"Risks": [["Risk", "Mitigation"], ["Expert time", "Book early"]]},
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Dokumentregister.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Dnr", "Datum", "Handling", "In/Ut", "Motpart"],
                ["2.4-14402/2026-1", "2026-01-20", "Förfrågan om sakkunniga", "Ut", "NPO"],
                ["2.4-14402/2026-2", "2026-02-04", "Nomineringar", "In", "NPO"],
                ["2.4-14402/2026-3", "2026-02-11", "Jävsdeklaration", "In", "Sakkunnig"],
                ["2.4-14402/2026-4", "2026-03-02", "Statistikbeställning", "Ut", "FK"],
            ],
            sheet_title="Register",
            creator=lead[0],
        ),
        "other",
        "records_closure",
        register=False,
        pd=False,
        note="the team's own register of documents",
    )
    add(
        "Expert request NPO Psykisk hälsa.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[npo],
            subject="Förfrågan om sakkunniga – nytt FMB paniksyndrom",
            body="Hej,\n\nSocialstyrelsen tar fram ett nytt beslutsstöd för paniksyndrom. Vi ber "
            "NPO Psykisk hälsa föreslå två sakkunniga (psykiatri, psykologi) och tre till "
            "fyra personer till rekommendationsgruppen.\n\nVänliga hälsningar\nJessica Strand",
            sent_at=dt("2026-01-20 08:40"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "NPO svar nomineringar.eml",
        lambda f: make_eml(
            f,
            sender=npo,
            to=[lead_s],
            subject="SV: Förfrågan om sakkunniga – nytt FMB paniksyndrom",
            body="Hej Jessica,\n\nHär är våra förslag:\n\n"
            "Namn | Roll | Arbetsplats\n"
            "Ola Persson | sakkunnig | Psykiatri Sydväst, Huddinge\n"
            "Rebecka Sand | sakkunnig | leg. psykolog, Region Kronoberg\n"
            "Hugo Falk | RG | vårdcentralen Tranås\n"
            "Maja Ekdahl | RG | Feelgood företagshälsa\n"
            "Yusuf Demir | RG | psykiatriska öppenvården Malmö\n"
            "Anneli Roos | RG, patientföreträdare | Ångestförbundet\n\n"
            "Hälsningar\nNPO Psykisk hälsa",
            sent_at=dt("2026-02-04 12:10"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="nominations as a pipe table",
    )
    add(
        "Jävsdekl OP 2026-02-11.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Ola Persson",
                "Uppdrag: sakkunnig, FMB paniksyndrom",
                "Anställning: Region Stockholm, Psykiatri Sydväst",
                "Ekonomiska intressen i företag inom området: Nej",
                "Uppdrag för läkemedelsindustrin: föreläsning 2025 (arvode)",
                "Huddinge 2026-02-11 Ola Persson",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Jävsdeklaration Ola Persson signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om ersättning för sakkunnig",
                "Mellan Socialstyrelsen (beställaren) och Ola Persson (uppdragstagaren).",
                "Uppdrag: sakkunnig i projektgruppen för nytt FMB paniksyndrom.",
                "Ersättning: 1 000 kronor per timme, högst 40 timmar, mot faktura.",
                "Avtalsperiod: 2026-03-01 – 2026-11-30.",
                "Stockholm 2026-02-16 Jessica Strand      Huddinge 2026-02-17 Ola Persson",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="his agreement, saved under a declaration's name",
    )
    add(
        "COI form R Sand.docx",
        lambda f: make_docx(
            f,
            title="Declaration of interests",
            table=[
                ["Name", "Rebecka Sand"],
                ["Role", "Expert, decision support panic disorder"],
                ["Employer", "Region Kronoberg"],
                ["Financial interests in companies in the field", "No"],
                ["Fees from the pharmaceutical industry (3 years)", "No"],
                ["Date", "2026-02-12"],
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Contract R Sand 14-Feb-2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Agreement on compensation for expert assignment",
                "Between the National Board of Health and Welfare (Socialstyrelsen) and "
                "Rebecka Sand (the contractor).",
                "Assignment: expert in the project group for the decision support on panic "
                "disorder. Fee: SEK 950 per hour, at most 40 hours, against invoice.",
                "Stockholm 14-Feb-2026 Jessica Strand      Växjö 15-Feb-2026 Rebecka Sand",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Midas F41.0 order 2026.03.02.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beställning av statistik ur Midas",
                "Till Försäkringskassan: sjukfall och sjukfallslängd för F41.0, 2016–2025, per "
                "kön och åldersgrupp.",
                "Socialstyrelsen, Jessica Strand, 2026.03.02",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "F41_FK_2016-2025.xlsx",
        lambda f: make_xlsx(
            f,
            [["År", "Sjukfall", "Median dagar"], [2016, 5120, 61], [2025, 6340, 58]],
            sheet_title="F41.0",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "RG declarations register.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Name", "Role", "Employer", "Financial interests", "Industry fees", "Signed"],
                ["Hugo Falk", "RG", "Vårdcentralen Tranås", "No", "No", "2026-02-20"],
                ["Maja Ekdahl", "RG", "Feelgood", "No", "No", "2026-02-21"],
                ["Anneli Roos", "RG/patient", "Ångestförbundet", "No", "No", "2026-02-24"],
            ],
            sheet_title="Declarations",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="the RG's declarations as rows",
    )
    add(
        "Kort om diagnosen rev3 (JS edits).docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – paniksyndrom",
            paragraphs=text[:1],
            author=lead[0],
            comment="JS: kortare, max 800 tecken",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Kort om diagnosen FINAL 2026.04.20.pdf",
        lambda f: make_pdf(f, ["Kort om diagnosen – paniksyndrom", text[0]]),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
    )
    add(
        "ICF categories for expert assessment.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF code", "Category", "Relevant (yes/no)", "Comment"],
                ["b152", "Emotional functions", "", ""],
                ["d240", "Handling stress and other psychological demands", "", ""],
                ["d470", "Using transportation", "", ""],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        "Kickoff slides.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Kickoff – decision support panic disorder", "18 March 2026"),
                ("The assignment", "Instruction 3.1.3.5, new decision support"),
                ("Timeline", "Consultation in May, AC sign-off in October"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Kickoff 2026-03-18 notes.docx",
        lambda f: make_docx(
            f,
            title="Kickoff meeting 18 March 2026 – notes",
            paragraphs=[
                "Present: Jessica Strand (Socialstyrelsen), Ola Persson, Rebecka Sand (experts).",
                "Decisions: Ola Persson drafts the recommendations, Rebecka Sand the ICF "
                "sections. Templates are sent after the meeting.",
                "Next meeting: 15 April.",
            ],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "Text proposal with recommendations v1.0 (for RG).pdf",
        lambda f: make_pdf(f, ["Text proposal with recommendations – panic disorder", *text]),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
    )
    add(
        "Survey to RG (Netigate) invitation.pdf",
        lambda f: make_pdf(
            f,
            [
                "Web survey to the recommendation group – panic disorder",
                "Covering letter: you are a member of the recommendation group. Please answer "
                "by 29 May.",
                "Q1: Are the recommendations on sick leave reasonable?",
                "Q2: Anything missing from the text?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Netigate export RG answers.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Response ID", "Q1", "Q2"],
                [101, "Yes", ""],
                [102, "Partly", "Mention agoraphobia at work"],
            ],
            sheet_title="Export",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Comments from FK 2026-06-01.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <registrator@forsakringskassan.se>",
            to=[lead_s],
            subject="Synpunkter: nytt FMB paniksyndrom",
            body="Hej,\n\nFörsäkringskassan lämnar följande synpunkter på textförslaget: "
            "ange tydligare när deltidssjukskrivning är aktuell.\n\nMed vänlig hälsning\n"
            "Försäkringskassan",
            sent_at=dt("2026-06-01 10:30"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "RG meeting 2026-06-09 minutes.pdf",
        lambda f: make_pdf(
            f,
            [
                "Minutes – meeting with the recommendation group, 9 June 2026",
                "Present: Jessica Strand, Ola Persson, Hugo Falk, Maja Ekdahl, Anneli Roos.",
                "The survey answers and FK's comments were discussed. Decision: add agoraphobia "
                "at work; keep the four-week limit.",
            ],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Revised text proposal v2.0 final.docx",
        lambda f: make_docx(
            f,
            title="Text proposal with recommendations – panic disorder (final, revised)",
            paragraphs=[*text, "Agoraphobia at work is described; part-time sick leave clarified."],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "Thank you and feedback to RG.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "Hugo Falk <hugo.falk@rjl.se>",
                "Maja Ekdahl <maja.ekdahl@feelgood.se>",
                "Yusuf Demir <yusuf.demir@skane.se>",
                "Anneli Roos <anneli.roos@angest.se>",
            ],
            subject="Thank you – how your comments were handled",
            body="Hi all,\n\nThank you for your answers. Attached is the final version and a "
            "note on how each comment was handled.\n\nBest regards\nJessica",
            sent_at=dt("2026-06-22 15:00"),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
    )
    add(
        "Knowledge basis annex.pdf",
        lambda f: make_pdf(f, _long_basis("paniksyndrom", "F41.0", 90)),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
        note="very long",
    )
    add(
        "Approval AC 2026-10-05.pdf",
        lambda f: make_pdf(
            f,
            [
                "Decision",
                "New insurance-medicine decision support: panic disorder (F41.0)",
                "The head of department (AC) decides that the decision support is published.",
                "5 October 2026, Karin Wiberg, head of department",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "Retrospective.docx",
        lambda f: make_docx(
            f,
            title="Retrospective – decision support panic disorder",
            paragraphs=[
                "What went well: the experts delivered on time; the RG meeting was useful.",
                "What to improve: order statistics earlier; fewer versions of the text.",
            ],
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        pd=False,
    )
    add(
        "readme.md",
        lambda f: _md(f, "Final versions are marked FINAL.\n"),
        "other",
        "plan",
        register=False,
        pd=False,
        note="one line",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Yusuf Demir
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "complete",
        "knowledge_basis": "complete",
        "approval": "complete",
        "vips": "needs_confirmation",
        "evaluate_close": "complete",
        "records_closure": "missing",
    }
    meta = {
        "folder": p.folder,
        "variant": "new",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing", "complete"],
            "records_closure": ["needs_confirmation"],
            "collect_comments": ["partial"],  # nothing says the text went to FK and NPO
        },
        "missing_coi_for": ["Yusuf Demir"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (meniere, axspa, panik)
