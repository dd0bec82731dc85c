"""The session-3 holdout: two more FMB project folders in habits the first four lack.

Written by hand (session 3, issue #4) and labelled before the classifier ever
ran on them; `build.py` writes them next to the others with `set: session3`,
so `score.py --set session3` scores them alone. Habits new here: English and
mixed-case file names (`PROJECT PLAN`, `.PDF`), numbered prefixes
(`03 Jäv - Jonas Ahl.docx`), declarations that arrive as e-mail attachments
(Swedish and English), spreadsheet exports from the survey tool, PDFs exported
from Word (title "Microsoft Word - …"), scanned-looking PDFs whose text layer
is OCR output, signed final versions next to their unsigned Word drafts,
`Gamla versioner/` chains, and files named only by a date.

Projects:
- `Migrän uppdatering 2026` — update, approved by EC and evaluated; an RG
  member without a declaration (Peter Nyberg), one declaration a textless scan
  named by date (Mats Holm's).
- `Whiplash nytt FMB` — new support, comments considered at the RG meeting and
  revision begun; an RG member without a declaration (Eva Nord).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"
PK = b"PK\x03\x04"


def _people(experts: list[str], rg: list[str], patient: str) -> list[dict[str, Any]]:
    return (
        [{"name": n, "roles": ["expert"]} for n in experts]
        + [{"name": n, "roles": ["rg_member"]} for n in rg]
        + [{"name": patient, "roles": ["patient_representative", "rg_member"]}]
    )


def _declaration_form(name: str, role: str, place_date: str) -> list[str]:
    return [
        "JÄVSDEKLARATION",
        "för sakkunniga och ledamöter i Socialstyrelsens arbetsgrupper",
        f"Namn: {name}",
        f"Uppdrag: {role}",
        "1. Anställningar och uppdrag: se nedan",
        "2. Ekonomiska intressen (aktier, konsultuppdrag) i berörda företag: Nej",
        "3. Forskningsanslag från industrin: Nej",
        "4. Andra förhållanden som kan påverka förtroendet för min opartiskhet: Nej",
        "Jag försäkrar att uppgifterna ovan är riktiga.",
        f"Ort och datum: {place_date}",
        "Underskrift",
    ]


# ---------------------------------------------------------------- project 5


def migran(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Migrän uppdatering 2026")
    ml = f"Malin Lind <malin.lind@{STAFF}>"
    experts = ["Jonas Ahl", "Karin Wiik"]
    rg = ["Lina Berg", "Eva Strand", "Mats Holm", "Peter Nyberg"]
    patient = "Ulla Ström"

    p.add(
        "01 Plan/PROJECT PLAN migraine update.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering av FMB migrän",
            headings=["Bakgrund", "Mål", "Organisation", "Tidplan"],
            paragraphs=[
                "Uppdatering av befintligt beslutsstöd för migrän (G43). Texterna är från 2017.",
                "Projektledare: Malin Lind. Två sakkunniga (neurologi, allmänmedicin) rekryteras "
                "via NPO Nervsystemets sjukdomar.",
                "Rekommendationsgruppen får textförslaget via webbenkät i maj. "
                "Möte hålls vid behov.",
                "Beslut om publicering fattas av enhetschef (EC).",
            ],
            author="Malin Lind",
            created=dt("2026-01-19 09:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "01 Plan/timeline.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Activity", "Owner", "Week", "Status"],
                ["Request experts (NPO)", "ML", "v. 5", "done"],
                ["CoI + agreements", "ML", "v. 8-10", "done"],
                ["Statistics FK", "ML", "v. 6-12", "done"],
                ["Kick-off experts", "ML", "v. 16", "done"],
                ["Survey RG", "ML", "v. 20-22", ""],
                ["EC decision", "ML", "v. 36", ""],
            ],
            sheet_title="Timeline",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "02 Experts/Request for experts NPO neuro.eml",
        lambda f: make_eml(
            f,
            sender=ml,
            to=["npo.nervsystemet@regionostergotland.se"],
            subject="Förfrågan om sakkunniga – uppdatering FMB migrän",
            body=(
                "Hej,\n\nVi ska uppdatera Socialstyrelsens försäkringsmedicinska beslutsstöd för "
                "migrän och söker två sakkunniga: en neurolog och en allmänläkare. Har ni förslag "
                "på lämpliga personer? Vi ber även om förslag på deltagare till "
                "rekommendationsgruppen.\n\nMed vänlig hälsning\nMalin Lind"
            ),
            sent_at=dt("2026-01-27 10:12"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "02 Experts/RE Request for experts NPO neuro.eml",
        lambda f: make_eml(
            f,
            sender="Henrik Moberg <henrik.moberg@regionostergotland.se>",
            to=[ml],
            subject="SV: Förfrågan om sakkunniga – uppdatering FMB migrän",
            body=(
                "Hej Malin!\nNPO föreslår Jonas Ahl, neurolog, Universitetssjukhuset i Linköping, "
                "och Karin Wiik, specialist i allmänmedicin, Region Östergötland.\n"
                "Till rekommendationsgruppen: Lina Berg, Eva Strand, Mats Holm och Peter Nyberg.\n"
                "Hälsningar Henrik"
            ),
            sent_at=dt("2026-02-09 15:40"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="inbound nominations",
    )
    p.add(
        "02 Experts/03 Jäv - Jonas Ahl.docx",
        lambda f: make_docx(
            f,
            paragraphs=_declaration_form("Jonas Ahl", "sakkunnig", "Linköping 2026-02-20"),
            author="Jonas Ahl",
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "02 Experts/04 Jäv - Karin Wiik.pdf",
        lambda f: make_pdf(
            f,
            _declaration_form("Karin Wiik", "sakkunnig", "Norrköping 2026-02-23"),
            title="Microsoft Word - 04 Jäv - Karin Wiik.docx",
            author="Karin Wiik",
        ),
        "coi_declaration",
        register=True,
        note="PDF printed from Word",
    )
    p.add(
        "02 Experts/05 Avtal - Jonas Ahl SIGNED.pdf",
        lambda f: make_pdf(
            f,
            [
                "SOCIALSTYRELSEN                              Dnr 4.1-1187/2026",
                "AVTAL OM UPPDRAG SOM SAKKUNNIG",
                "Mellan Socialstyrelsen och Jonas Ahl, nedan kallad uppdragstagaren, har",
                "f0ljande avtal tr~ffats.",
                "1. Uppdraget avser medverkan i uppdatering av FMB migran.",
                "2. Arvode utgar med 1 150 kr per timme mot faktura.",
                "3. Avtalsperiod: 2026-03-01 -- 2026-10-31",
                "Ort och datum                     Ort och datum",
                "Stockholm 2026-02-26              Linkoping 2026-03-02",
                "Malin Lind                        Jonas Ahl",
                "Sida 1 (1)",
            ],
            title="scan0017",
        ),
        "agreement",
        register=True,
        note="signed scan with an OCR text layer",
    )
    p.add(
        "02 Experts/06 Avtal - Karin Wiik.docx",
        lambda f: make_docx(
            f,
            title="Avtal om uppdrag som sakkunnig",
            paragraphs=[
                "Mellan Socialstyrelsen och Karin Wiik, nedan kallad uppdragstagaren, har "
                "följande avtal träffats.",
                "Uppdraget avser medverkan i uppdatering av FMB migrän.",
                "Arvode utgår med 1 150 kr per timme mot faktura.",
                "Avtalsperiod: 2026-03-01 – 2026-10-31",
                "Ort och datum ____________   Underskrift ____________",
            ],
            author="Malin Lind",
        ),
        "agreement",
        draft=True,
        register=False,
        note="unsigned Word copy next to the signed PDF",
    )
    p.add(
        "02 Experts/06 Avtal - Karin Wiik_signerat.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om uppdrag som sakkunnig",
                "Mellan Socialstyrelsen och Karin Wiik, nedan kallad uppdragstagaren, har "
                "följande avtal träffats.",
                "Arvode utgår med 1 150 kr per timme mot faktura.",
                "Avtalsperiod: 2026-03-01 – 2026-10-31",
                "Norrköping 2026-03-03   Karin Wiik (signerat)",
            ],
            title="Microsoft Word - 06 Avtal - Karin Wiik.docx",
        ),
        "agreement",
        register=True,
    )
    p.add(
        "02 Experts/Templates for the experts.eml",
        lambda f: make_eml(
            f,
            sender=ml,
            to=["jonas.ahl@regionostergotland.se", "karin.wiik@regionostergotland.se"],
            subject="Mallar efter uppstartsmötet",
            body=(
                "Hej båda,\ntack för ett bra möte i dag. Här kommer mallarna för textförslag och "
                "de befintliga ICF-texterna att revidera. Återkom senast 29 maj.\n/Malin"
            ),
            sent_at=dt("2026-04-14 16:05"),
            attachments=[("Mall textförslag FMB.docx", PK), ("ICF migrän befintlig.docx", PK)],
        ),
        "correspondence",
        register=False,
        note="blank templates and existing texts sent after the start-up",
    )
    p.add(
        "03 RG/Deltagare rekommendationsgrupp.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Profession", "Region", "Jäv inkommen"],
                ["Lina Berg", "Distriktsläkare", "Region Halland", "ja"],
                ["Eva Strand", "Företagsläkare", "Region Skåne", "ja"],
                ["Mats Holm", "Neurolog", "Region Uppsala", "ja (papper)"],
                ["Peter Nyberg", "Sjuksköterska", "Region Dalarna", ""],
                ["Ulla Ström", "Patientföreträdare", "Migränförbundet", "ja"],
            ],
            sheet_title="RG",
        ),
        "nomination_request",
        also=("other", "project_plan"),
        register=False,
        note="internal list of RG members",
    )
    p.add(
        "03 RG/SV_ Jävsdeklaration.eml",
        lambda f: make_eml(
            f,
            sender="Lina Berg <lina.berg@regionhalland.se>",
            to=[ml],
            subject="SV: Jävsdeklaration",
            body="Hej!\nHär kommer min ifyllda jävsdeklaration.\nMvh Lina Berg",
            sent_at=dt("2026-03-10 08:55"),
            attachments=[("Jävsdeklaration Lina Berg.pdf", b"%PDF-1.4 stub")],
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
        note="the declaration arrives as an attachment",
    )
    p.add(
        "03 RG/Declaration E Strand.eml",
        lambda f: make_eml(
            f,
            sender="Eva Strand <eva.strand@skane.se>",
            to=[ml],
            subject="Declaration of interests - FMB migraine",
            body=(
                "Dear Malin,\nplease find my signed declaration of interests attached.\n"
                "Best regards\nEva Strand"
            ),
            sent_at=dt("2026-03-12 19:20"),
            attachments=[("DoI_EStrand_signed.pdf", b"%PDF-1.4 stub")],
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "03 RG/20260305.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "coi_declaration",
        register=True,
        note="Mats Holm's declaration on paper, scanned without text; named by date",
    )
    p.add(
        "03 RG/JÄVSDEKLARATION patientrep.PDF",
        lambda f: make_pdf(
            f,
            [
                "JAVSDEKLARATION",
                "Namn : Ulla Strom",
                "Uppdrag : patientforetradare i rekommendationsgruppen, Migranforbundet",
                "Ekonomiska intressen : Nej",
                "Andra bindningar : Migranforbundet far bidrag fran ett lakemedelsforetag",
                "Vasteras 2026-03-09",
                ".... Ulla Strom ....",
            ],
            title="Scanned document",
        ),
        "coi_declaration",
        register=True,
        note="scanned, OCR without Swedish letters",
    )
    p.add(
        "04 Statistik/Beställning statistik Midas G43.eml",
        lambda f: make_eml(
            f,
            sender=ml,
            to=["statistik@forsakringskassan.se"],
            subject="Beställning av statistik ur Midas – migrän G43",
            body=(
                "Hej,\nSocialstyrelsen beställer statistik över sjukfall med diagnos G43 för "
                "2023–2025: antal sjukfall, sjukfallens längd (median och percentiler), "
                "uppdelat på kön och ålder.\n/Malin Lind"
            ),
            sent_at=dt("2026-02-02 11:00"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        "04 Statistik/G43 sjukfall 2023-2025.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median (dagar)", "P75", "P90"],
                ["G43", 2023, "Kvinnor", 4120, 9, 21, 48],
                ["G43", 2023, "Män", 1010, 7, 16, 39],
                ["G43", 2024, "Kvinnor", 4388, 9, 22, 51],
                ["G43", 2024, "Män", 1102, 7, 15, 37],
            ],
            sheet_title="Midas",
        ),
        "statistics",
        register=True,
    )
    p.add(
        "05 Texter/Gamla versioner/Kort om diagnosen migrän v0.1.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen",
                "Migrän ger återkommande anfall av huvudvärk, ofta med illamående.",
                "Behandling: anfallsbehandling och vid behov förebyggande läkemedel.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "05 Texter/Gamla versioner/Kort om diagnosen migrän v0.2 JA.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen",
                "Symtom: återkommande anfall av huvudvärk, ofta med illamående och ljuskänslighet.",
                "Behandling: anfallsbehandling, vid täta anfall förebyggande behandling.",
                "Prognos: anfallsfrekvensen minskar ofta med stigande ålder.",
            ],
            comment="Ska vi nämna aura? /JA",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "05 Texter/Kort om diagnosen migrän v1.0.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – migrän",
            paragraphs=[
                "Symtom: återkommande anfall av huvudvärk, ofta med illamående och "
                "ljuskänslighet; en tredjedel har aura.",
                "Behandling: anfallsbehandling med triptaner, vid täta anfall förebyggande "
                "behandling.",
                "Prognos: anfallsfrekvensen minskar ofta med stigande ålder.",
            ],
        ),
        "text_proposal",
        register=True,
        note="the version sent out with the proposal",
    )
    p.add(
        "05 Texter/ICF migrän - reviderade texter.docx",
        lambda f: make_docx(
            f,
            title="Funktionsnedsättning och aktivitetsbegränsning – reviderade texter",
            paragraphs=[
                "Funktionsnedsättning: under anfall nedsatt förmåga att uthärda ljus och ljud "
                "(b156), smärta (b280).",
                "Aktivitetsbegränsning: svårt att utföra arbete som kräver koncentration (d160) "
                "under anfall.",
            ],
        ),
        "text_proposal",
        also=("icf_assessment",),
        register=True,
    )
    p.add(
        "05 Texter/2026-04-14.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Uppstartsmöte FMB migrän 14 april",
                "Närvarande: Jonas Ahl, Karin Wiik, Malin Lind",
                "Malin gick igenom instruktionen och tidplanen. JA tar Kort om diagnosen, KW "
                "ICF-texterna.",
            ],
        ),
        "meeting_notes",
        register=False,
        note="start-up notes named only by date",
    )
    p.add(
        "05 Texter/Kick-off migraine.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppdatering av FMB migrän", "Uppstartsmöte med sakkunniga 2026-04-14"),
                ("Arbetsgång", "Textförslag – enkät till RG – revidering – beslut EC"),
                ("Tidplan", "Textförslag 29 maj, enkät v. 21–22, beslut september"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "06 Remiss/Textförslag och rekommendationer migrän.pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – migrän (G43)",
                "Förslag till reviderade rekommendationer, version till rekommendationsgruppen",
                "Kort om diagnosen: symtom, behandling och prognos enligt ovan.",
                "Rekommendation: vid migränanfall kan sjukskrivning på heltid i 1–3 dagar "
                "behövas. Vid täta anfall överväg deltid under insättning av förebyggande "
                "behandling.",
            ],
            title="Microsoft Word - Textförslag och rekommendationer migrän.docx",
            author="Malin Lind",
        ),
        "text_proposal",
        register=True,
        note="Word export sent out",
    )
    p.add(
        "06 Remiss/Missiv RG migrän.docx",
        lambda f: make_docx(
            f,
            title="Missiv – enkät till rekommendationsgruppen",
            paragraphs=[
                "Du får denna enkät som ledamot i rekommendationsgruppen för FMB migrän.",
                "Svara senast den 5 juni via länken till enkäten.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "06 Remiss/Survey export 2026-06-08.xlsx",
        lambda f: make_xlsx(
            f,
            [
                [
                    "ResponseID",
                    "Started",
                    "Completed",
                    "Q1 Stämmer rekommendationen?",
                    "Q2 Kommentar",
                ],
                ["R001", "2026-05-25 09:12", "2026-05-25 09:30", "Ja", ""],
                [
                    "R002",
                    "2026-05-27 13:01",
                    "2026-05-27 13:20",
                    "Delvis",
                    "Deltid bör nämnas tidigare",
                ],
                ["R003", "2026-06-01 20:45", "2026-06-01 21:02", "Ja", "Bra"],
            ],
            sheet_title="Export",
        ),
        "survey_response",
        register=True,
        note="raw export from the survey tool",
    )
    p.add(
        "06 Remiss/Remiss FMB migrän till FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=ml,
            to=["fmb@forsakringskassan.se", "npo.nervsystemet@regionostergotland.se"],
            subject="Remiss: textförslag FMB migrän",
            body="Hej,\nbifogat finns textförslaget. Vi tar gärna emot synpunkter senast 5 juni.",
            sent_at=dt("2026-05-20 10:00"),
            attachments=[("Textförslag och rekommendationer migrän.pdf", b"%PDF-1.4 stub")],
        ),
        "correspondence",
        also=("text_proposal",),
        register=True,
        note="proposal sent for comments",
    )
    p.add(
        "06 Remiss/FK synpunkter migrän.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringsmedicin FK <fmb@forsakringskassan.se>",
            to=[ml],
            subject="SV: Remiss: textförslag FMB migrän",
            body=(
                "Försäkringskassan har tagit del av förslaget och har följande synpunkter: "
                "rekommendationen om deltid bör förtydligas.\nMvh Försäkringsmedicin"
            ),
            sent_at=dt("2026-06-03 14:30"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "06 Remiss/RE_ Remiss FMB migrän - NPO.eml",
        lambda f: make_eml(
            f,
            sender="Henrik Moberg <henrik.moberg@regionostergotland.se>",
            to=[ml],
            subject="RE: Remiss: textförslag FMB migrän",
            body=(
                "Hi Malin,\nthe NPO has read the proposal and we support it. We would like the "
                "text on medication overuse headache to be kept.\nKind regards, Henrik"
            ),
            sent_at=dt("2026-06-04 09:10"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "07 Final/Hantering av synpunkter migrän.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av synpunkter och hur de hanterats",
            table=[
                ["Synpunkt", "Från", "Hantering"],
                ["Deltid bör nämnas tidigare", "RG", "Ändrat"],
                ["Förtydliga deltid", "FK", "Ändrat"],
                ["Behåll text om läkemedelsöverförbrukning", "NPO", "Behållet"],
            ],
        ),
        "comments",
        also=("text_proposal", "meeting_notes"),
        register=True,
    )
    p.add(
        "07 Final/FMB migrän slutversion.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – migrän",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=[
                "Slutversion 2026-08-28",
                "Vid migränanfall kan sjukskrivning på heltid i 1–3 dagar behövas.",
            ],
        ),
        "publication",
        register=True,
    )
    p.add(
        "07 Final/Kunskapsunderlag migrän.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – FMB migrän",
                "Litteratursökning i PubMed och Cochrane 2016–2026. Sökord: migraine, sick leave.",
                "Referenser",
            ],
            title="Microsoft Word - Kunskapsunderlag migrän.docx",
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "07 Final/PM EC migrän.docx",
        lambda f: make_docx(
            f,
            title="PM inför beslut – uppdaterat FMB migrän",
            paragraphs=[
                "Förslag till beslut: enhetschefen beslutar att publicera det uppdaterade "
                "beslutsstödet för migrän.",
                "Föredragande: Malin Lind",
            ],
        ),
        "approval",
        draft=True,
        register=False,
        note="unsigned Word copy of the decision memo",
    )
    p.add(
        "07 Final/PM EC migrän - signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "PM inför beslut – uppdaterat FMB migrän",
                "Enhetschefen beslutar att publicera det uppdaterade beslutsstödet för migrän.",
                "Beslutet har fattats av enhetschef Ola Sten. Föredragande: Malin Lind.",
                "2026-09-02  Ola Sten (elektroniskt signerad)",
            ],
        ),
        "approval",
        register=True,
    )
    p.add(
        "07 Final/Tack till rekommendationsgruppen.eml",
        lambda f: make_eml(
            f,
            sender=ml,
            to=["lina.berg@regionhalland.se", "eva.strand@skane.se", "mats.holm@regionuppsala.se"],
            subject="Tack för era synpunkter – FMB migrän",
            body=(
                "Hej,\ntack för era svar. Bifogat finns en sammanställning av hur synpunkterna "
                "har hanterats.\n/Malin"
            ),
            sent_at=dt("2026-09-07 09:00"),
            attachments=[("Hantering av synpunkter migrän.docx", PK)],
        ),
        "correspondence",
        register=True,
        note="feedback to the RG",
    )
    p.add(
        "08 Avslut/Erfarenheter migrän.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – FMB migrän",
            paragraphs=[
                "Vad gick bra: enkäten fick svar från alla utom en.",
                "Vad kan förbättras: jävsdeklarationer på papper försenade rekryteringen.",
            ],
        ),
        "experience_report",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Peter Nyberg
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "needs_confirmation",  # update: meeting only if needed
        "revise": "complete",
        "knowledge_basis": "complete",
        "approval": "complete",
        "vips": "needs_confirmation",
        "evaluate_close": "complete",
        "records_closure": "needs_confirmation",
    }
    meta = {
        "folder": p.folder,
        "variant": "update",
        "expected_steps": steps,
        "also_acceptable": {
            "consider_comments": ["complete"],
            "vips": ["missing"],
            "records_closure": ["missing"],
        },
        "missing_coi_for": ["Peter Nyberg"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project 6


def whiplash(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Whiplash nytt FMB")
    ao = f"Amir Osman <amir.osman@{STAFF}>"
    experts = ["Anna Berglund", "Olof Strid"]
    rg = ["Hanna Lund", "David Ek", "Maria Sol", "Ulf Brink", "Eva Nord"]
    patient = "Kjell Rask"

    p.add(
        "2026-01-12 projektplan.docx",
        lambda f: make_docx(
            f,
            title="Projektplan FMB whiplashrelaterade besvär",
            paragraphs=[
                "Socialstyrelsen tar fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "whiplashrelaterade besvär (S13.4). Det saknas beslutsstöd för diagnosen.",
                "Projektledare: Amir Osman. Två sakkunniga rekryteras; sjukskrivningen är ofta "
                "omdiskuterad.",
                "Möte med rekommendationsgruppen planeras i maj. Beslut av avdelningschef (AC).",
            ],
            author="Amir Osman",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Experts/Förfrågan sakkunniga whiplash.eml",
        lambda f: make_eml(
            f,
            sender=ao,
            to=["npo.rorelseorganen@rjl.se"],
            subject="Förfrågan om sakkunniga och RG-deltagare – nytt FMB whiplash",
            body=(
                "Hej,\nvi söker två sakkunniga (ortopedi/rehabiliteringsmedicin och "
                "allmänmedicin) och deltagare till rekommendationsgruppen. Svara gärna senast "
                "13 februari.\nVänliga hälsningar\nAmir Osman"
            ),
            sent_at=dt("2026-01-26 13:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Experts/01 Jäv - Anna Berglund.docx",
        lambda f: make_docx(
            f,
            paragraphs=_declaration_form(
                "Anna Berglund", "sakkunnig i projektgruppen", "Jönköping 2026-02-25"
            ),
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/02 Jäv - Olof Strid.docx",
        lambda f: make_docx(
            f,
            paragraphs=_declaration_form(
                "Olof Strid", "sakkunnig i projektgruppen", "Växjö 2026-02-26"
            ),
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/Avtal Anna Berglund (utkast).docx",
        lambda f: make_docx(
            f,
            title="Avtal om uppdrag som sakkunnig",
            paragraphs=[
                "Mellan Socialstyrelsen och Anna Berglund (uppdragstagare).",
                "Arvode: 1 100 kr per timme. Avtalsperiod mars–december 2026.",
            ],
        ),
        "agreement",
        draft=True,
        register=False,
    )
    p.add(
        "Experts/Avtal Anna Berglund - signerat.pdf",
        lambda f: make_pdf(
            f,
            [
                "AVTAL OM UPPDRAG SOM SAKKUNNIG",
                "Mellan Socialstyrelsen och Anna Berglund (uppdragstagare).",
                "Arvode: 1 100 kr per timme. Avtalsperiod mars-december 2026.",
                "J6nk6ping 2026-03-04        Stockholm 2026-03-05",
                "Anna Berglund               Amir Osman",
            ],
        ),
        "agreement",
        register=True,
        note="signed scan, OCR text",
    )
    p.add(
        "Experts/Avtal Olof Strid - signerat.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om uppdrag som sakkunnig",
                "Mellan Socialstyrelsen och Olof Strid (uppdragstagare).",
                "Arvode: 1 100 kr per timme.",
                "Växjö 2026-03-06  Olof Strid",
            ],
        ),
        "agreement",
        register=True,
    )
    p.add(
        "RG/Invitation recommendation group whiplash.eml",
        lambda f: make_eml(
            f,
            sender=ao,
            to=["hanna.lund@rjl.se", "david.ek@regionstockholm.se", "maria.sol@regionkalmar.se"],
            subject="Inbjudan att delta i rekommendationsgruppen – FMB whiplash",
            body=(
                "Hej,\nNPO har föreslagit dig till rekommendationsgruppen för det nya "
                "beslutsstödet. Fyll i bifogad jävsdeklaration och skicka tillbaka.\n/Amir"
            ),
            sent_at=dt("2026-02-20 09:30"),
            attachments=[("Jävsdeklaration blankett.docx", PK)],
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "RG/RG whiplash - deltagare.docx",
        lambda f: make_docx(
            f,
            title="Rekommendationsgrupp whiplash",
            paragraphs=[
                "Hanna Lund, fysioterapeut, Region Jönköpings län",
                "David Ek, distriktsläkare, Region Stockholm",
                "Maria Sol, ortoped, Region Kalmar län",
                "Ulf Brink, företagsläkare, Region Västerbotten",
                "Eva Nord, psykolog, Region Gävleborg",
                "Kjell Rask, patientföreträdare, Whiplashskadades förening",
            ],
        ),
        "nomination_request",
        also=("other",),
        register=False,
        note="internal list of RG members",
    )
    p.add(
        "RG/SV_ Inbjudan att delta i rekommendationsgruppen.eml",
        lambda f: make_eml(
            f,
            sender="Hanna Lund <hanna.lund@rjl.se>",
            to=[ao],
            subject="SV: Inbjudan att delta i rekommendationsgruppen – FMB whiplash",
            body="Hej Amir, jag deltar gärna. Jävsdeklarationen bifogas.\nHanna",
            sent_at=dt("2026-02-23 07:45"),
            attachments=[("Jävsdeklaration_HL.pdf", b"%PDF-1.4 stub")],
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
        note="the declaration arrives as an attachment",
    )
    p.add(
        "RG/Re_ Declaration of interests.eml",
        lambda f: make_eml(
            f,
            sender="David Ek <david.ek@regionstockholm.se>",
            to=[ao],
            subject="Re: Inbjudan att delta i rekommendationsgruppen – FMB whiplash",
            body="Hi Amir,\nattached is my signed declaration.\nBest regards\nDavid Ek",
            sent_at=dt("2026-02-24 21:02"),
            attachments=[("DoI David Ek signed.pdf", b"%PDF-1.4 stub")],
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "RG/JD Maria Sol.PDF",
        lambda f: make_pdf(
            f,
            _declaration_form("Maria Sol", "ledamot i rekommendationsgruppen", "Kalmar 2026-03-01"),
            title="Microsoft Word - Jävsdeklaration.docx",
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "RG/2026-03-18.pdf",
        lambda f: make_pdf(
            f,
            [
                "J A V S D E K L A R A T I O N",
                "Namn: Ulf Brink",
                "Uppdrag: ledamot i rekommendationsgruppen",
                "Ekonomiska intressen i berorda foretag: Nej",
                "Ort och datum: Umea 2026-03-16",
                "Underskrift ..........",
            ],
            title="Scan 2026-03-18",
        ),
        "coi_declaration",
        register=True,
        note="OCR'd scan named by date",
    )
    p.add(
        "RG/patientföreträdare - Jävsdeklaration.docx",
        lambda f: make_docx(
            f,
            paragraphs=_declaration_form(
                "Kjell Rask", "patientföreträdare, Whiplashskadades förening", "Lund 2026-03-02"
            ),
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "RG/Kallelse RG-möte 6 maj.eml",
        lambda f: make_eml(
            f,
            sender=ao,
            to=["hanna.lund@rjl.se", "david.ek@regionstockholm.se"],
            subject="Kallelse: möte med rekommendationsgruppen 6 maj",
            body="Välkomna till möte med rekommendationsgruppen 6 maj kl. 13–15 på Teams.",
            sent_at=dt("2026-03-20 10:00"),
        ),
        "correspondence",
        register=False,
        note="meeting booking",
    )
    p.add(
        "Statistik/Statistics request FK Midas.docx",
        lambda f: make_docx(
            f,
            title="Beställning av statistik ur Midas",
            paragraphs=[
                "Socialstyrelsen beställer statistik om sjukfall med diagnos S13.4 2023–2025: "
                "antal sjukfall och sjukfallens längd, uppdelat på kön.",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Statistik/fk_export_S134.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["diagnos", "ar", "kon", "antal_sjukfall", "median_dagar"],
                ["S13.4", 2024, "K", 2210, 34],
                ["S13.4", 2024, "M", 1305, 28],
            ],
            sheet_title="data",
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Texter/20260210.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Anteckningar uppstartsmöte FMB whiplash",
                "Närvarande: Anna Berglund, Olof Strid, Amir Osman",
                "Genomgång av instruktionen. AB skriver Kort om diagnosen, OS tar ICF-delen.",
            ],
        ),
        "meeting_notes",
        register=False,
        note="start-up notes named by date",
    )
    p.add(
        "Texter/Uppstart.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB whiplash", "Uppstart 10 februari"),
                ("Arbetsgång", "Textförslag, ICF, enkät, RG-möte, beslut AC"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "Texter/Underlag till sakkunniga efter uppstart.eml",
        lambda f: make_eml(
            f,
            sender=ao,
            to=["anna.berglund@rjl.se", "olof.strid@regionkronoberg.se"],
            subject="Underlag efter uppstartsmötet",
            body="Hej! Här är mallarna vi pratade om.\n/Amir",
            sent_at=dt("2026-02-10 16:30"),
            attachments=[("Mall - Kort om diagnosen.docx", PK), ("Mall ICF.docx", PK)],
        ),
        "correspondence",
        register=False,
        note="templates sent",
    )
    p.add(
        "Texter/ICF whiplash för bedömning.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – whiplash",
            table=[
                ["Kod", "Kategori", "Central/kompletterande"],
                ["b280", "Smärta", "central"],
                ["b710", "Rörlighet i leder", "central"],
                ["d415", "Att bibehålla en kroppsställning", "kompletterande"],
            ],
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "Texter/Draft text proposal whiplash.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen",
                "Symtom: nacksmärta och stelhet efter acceleration–deceleration.",
                "Behandling: information och tidig aktivitet.",
                "Prognos: de flesta blir bättre inom några veckor.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Texter/Gamla versioner/Textförslag whiplash v0.4.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Textförslag whiplash",
                "Rekommendation: sjukskrivning på deltid 2–4 veckor.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Texter/Textförslag och rekommendationer whiplash - till RG.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag och rekommendationer – whiplashrelaterade besvär (S13.4)",
                "Kort om diagnosen. Symtom: nacksmärta och stelhet. Behandling: information och "
                "tidig aktivitet. Prognos: god för de flesta.",
                "Rekommendation: överväg sjukskrivning på deltid 2–4 veckor vid "
                "okomplicerat förlopp.",
            ],
            title="Microsoft Word - Textförslag och rekommendationer whiplash.docx",
        ),
        "text_proposal",
        register=True,
        note="the version sent to the RG",
    )
    p.add(
        "Enkät/Survey RG whiplash.docx",
        lambda f: make_docx(
            f,
            title="Enkät till rekommendationsgruppen – FMB whiplash",
            paragraphs=[
                "Tack för att du besvarar enkäten. Svara senast 24 april.",
                "1. Stämmer rekommendationen om deltid med din erfarenhet?",
                "2. Övriga synpunkter",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Enkät/export_2026-04-27.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Svars-ID", "Startad", "Slutförd", "Fråga 1", "Fråga 2"],
                ["1", "2026-04-14", "2026-04-14", "Ja", ""],
                ["2", "2026-04-16", "2026-04-16", "Nej", "2–4 veckor är för kort"],
                ["3", "2026-04-20", "2026-04-20", "Ja", "Inga synpunkter"],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "Synpunkter/Remiss whiplash FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=ao,
            to=["fmb@forsakringskassan.se", "npo.rorelseorganen@rjl.se"],
            subject="Remiss – textförslag FMB whiplash",
            body="Hej, bifogat är textförslaget för synpunkter senast 24 april.\n/Amir",
            sent_at=dt("2026-04-10 09:00"),
            attachments=[("Textförslag och rekommendationer whiplash - till RG.pdf", b"%PDF")],
        ),
        "correspondence",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "Synpunkter/FK - synpunkter whiplash.eml",
        lambda f: make_eml(
            f,
            sender="FK Försäkringsmedicin <fmb@forsakringskassan.se>",
            to=[ao],
            subject="SV: Remiss – textförslag FMB whiplash",
            body="FK instämmer i förslaget men saknar en rekommendation för långvariga besvär.",
            sent_at=dt("2026-04-22 11:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "Synpunkter/NPO feedback.eml",
        lambda f: make_eml(
            f,
            sender="Kerstin Dahl <kerstin.dahl@rjl.se>",
            to=[ao],
            subject="FMB whiplash - NPO",
            body=(
                "Hi Amir,\nthe NPO has read the draft. We suggest that the prognosis section "
                "mentions risk factors for long-term symptoms.\nRegards, Kerstin"
            ),
            sent_at=dt("2026-04-23 15:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "Synpunkter/Meeting notes RG 2026-05-06.docx",
        lambda f: make_docx(
            f,
            title="Meeting notes – rekommendationsgruppen 6 maj",
            paragraphs=[
                "Närvarande: Hanna Lund, David Ek, Maria Sol, Kjell Rask, Anna Berglund, "
                "Amir Osman",
                "Vi gick igenom enkätsvaren. Gruppen enades om 2–6 veckor deltid vid "
                "kvarstående besvär.",
            ],
        ),
        "meeting_notes",
        register=True,
    )
    p.add(
        "Texter/Reviderat textförslag whiplash efter RG.docx",
        lambda f: make_docx(
            f,
            title="Reviderat textförslag – whiplash",
            paragraphs=[
                "Rekommendation: överväg sjukskrivning på deltid 2–6 veckor vid kvarstående besvär."
            ],
            tracked_changes=(("ins", " 2–6 veckor"), ("del", " 2–4 veckor")),
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Eva Nord
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # a revised draft, nothing final yet
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
        "also_acceptable": {},
        "missing_coi_for": ["Eva Nord"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (migran, whiplash)
