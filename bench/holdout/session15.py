"""The session-15 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 15, helper accuracy) and labelled from DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session15`). Each file's label
names the step it evidences (`step`) and whether it holds personal data (`personal_data`)
where it is clear. Habits:

- a folder exported from the e-archive by date, three levels deep (`2026/03/14/...`), most
  files named only by the case's diarienummer and a running number
  (`2.4-10233-2026-7.pdf`), the rest in CAPITALS with upper-case extensions
  (`JÄVSDEKLARATION PETRA NORD.PDF`, `TIDPLAN RA.XLSX`);
- mails printed to PDF from Outlook (the printing user's name first, then `Från:`,
  `Skickat:`, `Till:`, `Ämne:` or `From:`, `Sent:`, `To:`, `Subject:`, then the body);
- drafts marked only in the file's core properties (Word's and Excel's Status field:
  `Utkast`, `Draft`), nothing in the name or the text;
- declarations as a table in a workbook (one row per member) and as a Microsoft Forms
  export (.csv) that is no survey;
- agreements as .odt, naming the expert only in the text, and as an English "Statement of
  Work";
- experts and RG members from Finland and Norway writing in Finland-Swedish
  ("Redogörelse för bindningar", "utlåtande", "promemoria", dates `12.3.2026`) and in
  Norwegian ("Habilitetserklæring", "Oppdragsavtale", "høringsinnspill", "møtereferat");
- a project run in English throughout ("Scope, milestones and resourcing", "Expert call",
  "Conflict disclosure", "Readout", "Debrief", "Consultation draft", "Response to
  consultation", "Sign-off memo", "Lessons log", a Qualtrics export);
- session 14's leftovers in new forms: start-up minutes with no title whose first line is
  "UPPSTARTSMÖTE 10 MARS", nominations written in a sentence ("nominerar härmed …", "puts
  forward …"), a revised proposal named "efter remiss".

Labelling choices as in the earlier sets: a textless scan is labelled with what it is; a
draft is never registered; the version sent out for comment is registered (a "consultation
draft" is the version sent out, not a draft); an agenda is `meeting_notes` that adds no
facts; minutes with decisions are registered; a mail printed to PDF is classed as the mail
would be; material mailed to FK/NPO and feedback to the RG are registered correspondence; a
plan is never registered. personal_data: true for declarations, agreements, named comments
and mails between named people, minutes naming external participants with what they said;
false for plans, statistics, texts, anonymous survey results.

Projects:
- `Reumatoid artrit uppdatering 2026` — update, e-archive date folders, diarienummer
  names, CAPITALS, printed mails, drafts in core properties; approved by EC, published,
  evaluated; Vilhelm Krantz (RG) has no declaration.
- `Lymfödem – nordiskt FMB` — new, experts and RG members from Finland and Norway,
  stopped after the RG meeting; Robert Carlsson (RG) has no declaration.
- `Hypermobility spectrum disorder (HSD) – new FMB, English` — new, run in English,
  approved by AC and evaluated; Oskar Lind (RG) has no declaration, Hannah Okafor (expert)
  no agreement.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import openpyxl

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _msg, _people, _txt
from session11 import _adder, _odt, _rtf
from session13 import _pdf_bytes, _scan
from session14 import _csv, _md

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


# ---------------------------------------------------------------- builders


def _status_docx(path: Path, status: str, **kw: Any) -> Path:
    """A Word file whose only draft mark is its Status core property (cp:contentStatus)."""
    make_docx(path, **kw)
    document = docx.Document(str(path))
    document.core_properties.content_status = status
    document.save(str(path))
    return path


def _status_xlsx(path: Path, status: str, rows: list[list[object]], **kw: Any) -> Path:
    make_xlsx(path, rows, **kw)
    book = openpyxl.load_workbook(path)
    book.properties.contentStatus = status
    book.save(path)
    return path


def _printed_mail(
    path: Path,
    printed_by: str,
    header: list[str],
    body: list[str],
    *,
    title: str | None = None,
) -> Path:
    """A mail printed to PDF from Outlook: the user's name, the header lines, the body."""
    return make_pdf(path, [printed_by, *header, "", *body], title=title)


def _hdr_sv(sender: str, sent: str, to: str, subject: str, attached: str = "") -> list[str]:
    lines = [f"Från: {sender}", f"Skickat: {sent}", f"Till: {to}", f"Ämne: {subject}"]
    if attached:
        lines.append(f"Bifogade filer: {attached}")
    return lines


def _hdr_en(sender: str, sent: str, to: str, subject: str, attached: str = "") -> list[str]:
    lines = [f"From: {sender}", f"Sent: {sent}", f"To: {to}", f"Subject: {subject}"]
    if attached:
        lines.append(f"Attachments: {attached}")
    return lines


# ---------------------------------------------------------------- project A


def reumatoid(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Reumatoid artrit uppdatering 2026")
    add = _adder(p)
    lead = ("Sofia Engqvist", f"sofia.engqvist@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Petra Nord", "Hannes Lövgren"]
    rg = ["Camilla Brandt", "Teodor Sjöberg", "Amira Saleh", "Vilhelm Krantz"]
    patient = "Ulla Stenlund"
    dnr = "2.4-10233-2026"
    plan = [
        "Bakgrund: Det försäkringsmedicinska beslutsstödet för reumatoid artrit (M05, M06) "
        "uppdateras enligt instruktion 3.1.3.5. Ny kunskap om biologiska läkemedel.",
        "Projektorganisation: projektledare Sofia Engqvist, två sakkunniga (reumatologi, "
        "arbetsterapi), rekommendationsgrupp med patientföreträdare.",
        "Tidplan: uppstart i mars, remiss i maj, föredragning för enhetschef (EC) i september.",
        "Risker: sakkunnigas tid under våren.",
    ]
    add(
        f"2026/01/12/{dnr}-1.pdf",
        lambda f: make_pdf(f, ["Projektplan – uppdatering av FMB reumatoid artrit", *plan]),
        "project_plan",
        "plan",
        register=False,
        pd=False,
        note="the plan printed to PDF, named by the case number",
    )
    add(
        "2026/01/12/Projektplan RA.docx",
        lambda f: _status_docx(
            f,
            "Utkast",
            title="Projektplan – uppdatering av FMB reumatoid artrit",
            paragraphs=plan[:3],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        draft=True,
        register=False,
        pd=False,
        note="Status property Utkast only",
    )
    add(
        "2026/01/12/TIDPLAN RA.XLSX",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Ansvarig", "Start", "Klart"],
                ["Nominering via NPO", "SE", "2026-01-15", "2026-02-06"],
                ["Statistik från FK", "SE", "2026-03-02", "2026-03-20"],
                ["Uppstartsmöte", "SE", "2026-03-10", "2026-03-10"],
                ["Remiss RG, FK, NPO", "SE", "2026-05-12", "2026-05-26"],
                ["Föredragning EC", "SE", "2026-09-02", "2026-09-02"],
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
        f"2026/01/15/{dnr}-2.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                lead_s,
                "den 15 januari 2026 09:02",
                "NPO Rörelseorganens sjukdomar <npo.rorelse@regionorebrolan.se>",
                "Förfrågan om sakkunniga – uppdatering FMB reumatoid artrit",
            ),
            [
                "Hej,",
                "Socialstyrelsen uppdaterar det försäkringsmedicinska beslutsstödet för "
                "reumatoid artrit. Vi ber NPO föreslå två sakkunniga (reumatologi och "
                "arbetsterapi) och personer till rekommendationsgruppen. Svara gärna senast "
                "den 6 februari.",
                "Vänliga hälsningar",
                "Sofia Engqvist, Socialstyrelsen",
            ],
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
        note="request printed from Outlook",
    )
    add(
        f"2026/02/03/{dnr}-3.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                "Gunnar Hedin <gunnar.hedin@regionorebrolan.se>",
                "den 3 februari 2026 16:40",
                lead_s,
                "SV: Förfrågan om sakkunniga – uppdatering FMB reumatoid artrit",
            ),
            [
                "Hej Sofia,",
                "NPO Rörelseorganens sjukdomar nominerar härmed Petra Nord, överläkare i "
                "reumatologi vid Universitetssjukhuset Örebro, och Hannes Lövgren, "
                "arbetsterapeut i Region Värmland, som sakkunniga. Till "
                "rekommendationsgruppen föreslår vi Camilla Brandt, Teodor Sjöberg, Amira "
                "Saleh och Vilhelm Krantz. Ulla Stenlund från Reumatikerförbundet kan vara "
                "patientföreträdare.",
                "Hälsningar",
                "Gunnar Hedin, ordförande NPO",
            ],
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="nominations in a sentence, printed from Outlook",
    )
    add(
        "2026/02/10/JÄVSDEKLARATION PETRA NORD.PDF",
        lambda f: make_pdf(
            f,
            [
                "JÄVSDEKLARATION",
                "Namn: Petra Nord",
                "Uppdrag: sakkunnig, FMB reumatoid artrit",
                "Anställning: Region Örebro län, överläkare",
                "Ekonomiska intressen i företag inom området: Nej",
                "Uppdrag för läkemedelsindustrin de senaste tre åren: föreläsning 2024 (arvode)",
                "Andra omständigheter som kan påverka förtroendet för min opartiskhet: Nej",
                "Örebro 2026-02-10",
                "Petra Nord",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="capitals and an upper-case extension",
    )
    add(
        f"2026/02/12/{dnr}-5.pdf",
        lambda f: _scan(f, 1501),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Hannes Lövgren's declaration scanned, no text, named by the case number",
    )
    add(
        "2026/02/20/AVTAL OM ERSÄTTNING - PETRA NORD.PDF",
        lambda f: make_pdf(
            f,
            [
                "AVTAL OM ERSÄTTNING FÖR SAKKUNNIG",
                "Parter: Socialstyrelsen och Petra Nord",
                "Uppdrag: sakkunnig i projektgruppen för uppdatering av FMB reumatoid artrit.",
                "Ersättning: 950 kronor per timme mot faktura, högst 40 timmar.",
                "Avtalsperiod: 2026-03-01 – 2026-12-31.",
                "Stockholm 2026-02-20",
                "Enhetschef, Socialstyrelsen          Petra Nord",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "2026/02/20/Uppdragsavtal sakkunnig 2.odt",
        lambda f: _odt(
            f,
            [
                "Parter: Socialstyrelsen, 106 30 Stockholm (beställaren), och Hannes Lövgren, "
                "arbetsterapeut (uppdragstagaren).",
                "Uppdraget avser medverkan som sakkunnig vid uppdateringen av det "
                "försäkringsmedicinska beslutsstödet för reumatoid artrit.",
                "Ersättning: 850 kronor per timme, högst 40 timmar, mot faktura.",
                "Avtalet har upprättats i två likalydande exemplar.",
                "Karlstad 2026-02-21   Hannes Lövgren",
            ],
            title="Uppdragsavtal",
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note=".odt, names the expert only in the text",
    )
    add(
        "2026/02/24/RG jävsdeklarationer.xlsx",
        lambda f: make_xlsx(
            f,
            [
                [
                    "Namn",
                    "Roll",
                    "Arbetsgivare",
                    "Uppdrag för läkemedelsföretag",
                    "Aktieinnehav i berörda företag",
                    "Övriga bindningar",
                    "Datum",
                ],
                ["Camilla Brandt", "RG", "Region Uppsala", "Nej", "Nej", "Nej", "2026-02-18"],
                ["Teodor Sjöberg", "RG", "Capio", "Nej", "Nej", "Nej", "2026-02-19"],
                [
                    "Amira Saleh",
                    "RG",
                    "Region Skåne",
                    "Föreläsning 2025",
                    "Nej",
                    "Nej",
                    "2026-02-20",
                ],
                [
                    "Ulla Stenlund",
                    "Patientföreträdare",
                    "Reumatikerförbundet",
                    "Nej",
                    "Nej",
                    "Nej",
                    "2026-02-23",
                ],
            ],
            sheet_title="Deklarationer",
            creator=lead[0],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="RG members' declarations as rows of a table",
    )
    add(
        f"2026/03/02/{dnr}-8.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                lead_s,
                "den 2 mars 2026 10:15",
                "Statistik Försäkringskassan <statistik@forsakringskassan.se>",
                "Beställning – sjukfall reumatoid artrit 2021–2025",
            ),
            [
                "Hej,",
                "Vi beställer härmed statistik ur Midas över sjukfall med diagnos M05 och M06, "
                "åren 2021–2025, uppdelat på kön och ålder: antal sjukfall, sjukfallens längd "
                "(median och percentiler).",
                "Vänliga hälsningar",
                "Sofia Engqvist",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
        note="order to FK printed from Outlook",
    )
    add(
        "2026/03/20/FK LEVERANS RA.CSV",
        lambda f: _csv(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P75 dagar"],
                ["M05", 2024, "Kvinnor", 812, 64, 151],
                ["M05", 2024, "Män", 301, 58, 140],
                ["M06", 2024, "Kvinnor", 1404, 49, 122],
                ["M06", 2024, "Män", 520, 45, 118],
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "2026/03/10/anteckningar.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "UPPSTARTSMÖTE 10 MARS",
                "Deltog: Sofia Engqvist, Petra Nord, Hannes Lövgren.",
                "Genomgång av instruktionen och tidplanen. Petra reviderar "
                "rekommendationerna om sjukskrivning, Hannes avsnitten om aktivitet och "
                "delaktighet.",
                "Beslut: reviderade texter till Sofia senast 20 april. Mallar skickas efter mötet.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="no title; the first line names the meeting in capitals",
    )
    add(
        "2026/03/10/RA uppstart.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppdatering FMB reumatoid artrit", "Uppstart 10 mars"),
                ("Processen", "Instruktion 3.1.3.5"),
                ("Tidplan", "Remiss i maj, föredragning i september"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "2026/04/20/Sjukskrivningsrekommendationer RA.docx",
        lambda f: _status_docx(
            f,
            "Utkast",
            title="Rekommendationer om sjukskrivning vid reumatoid artrit",
            paragraphs=[
                "Vid skov: överväg sjukskrivning på heltid 2–4 veckor.",
                "Vid stabil sjukdom behövs sällan sjukskrivning.",
            ],
            author="Petra Nord",
        ),
        "text_proposal",
        "icf_sections",
        draft=True,
        register=False,
        pd=False,
        note="Status property Utkast only",
    )
    add(
        "2026/04/20/ICF-avsnitt RA reviderade.docx",
        lambda f: _status_docx(
            f,
            "Draft",
            title="Aktivitetsbegränsning och funktionsnedsättning – reviderade avsnitt",
            paragraphs=[
                "b280 Smärta och b710 Funktioner för rörlighet i leder påverkar förmågan till "
                "finmotoriska uppgifter (d440).",
                "Aktivitetsbegränsning: svårt med långvarigt stående arbete vid skov.",
            ],
            author="Hannes Lövgren",
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        draft=True,
        register=False,
        pd=False,
        note="Status property Draft only",
    )
    proposal = [
        "Förslag till reviderat beslutsstöd – reumatoid artrit",
        "Kort om diagnosen: kronisk inflammatorisk ledsjukdom med skov.",
        "Rekommendationer: vid skov överväg sjukskrivning på heltid 2–4 veckor, därefter deltid.",
        "Aktivitetsbegränsning: svårt med finmotorik och långvarigt stående.",
    ]
    add(
        f"2026/05/11/{dnr}-14.pdf",
        lambda f: make_pdf(f, proposal),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the proposal sent out, named by the case number",
    )
    add(
        f"2026/05/12/{dnr}-15.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                lead_s,
                "den 12 maj 2026 08:30",
                "Camilla Brandt; Teodor Sjöberg; Amira Saleh; Vilhelm Krantz; Ulla Stenlund",
                "Webbenkät – förslag till reviderat FMB reumatoid artrit",
            ),
            [
                "Hej,",
                "Här kommer enkäten om förslaget till reviderat beslutsstöd. Enkäten besvaras "
                "via länken nedan senast den 26 maj. Det tar ungefär 20 minuter.",
                "https://www.netigate.se/a/s.aspx?s=00000X000",
                "Tack för din medverkan!",
                "Sofia Engqvist",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=True,
        note="the survey's cover letter printed from Outlook",
    )
    add(
        f"2026/05/12/{dnr}-16.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                lead_s,
                "den 12 maj 2026 09:10",
                "FMB Försäkringskassan <fmb@forsakringskassan.se>; Gunnar Hedin",
                "Förslag till reviderat FMB reumatoid artrit – för synpunkter",
                f"{dnr}-14.pdf",
            ),
            [
                "Hej,",
                "Bifogat finns förslaget till reviderat beslutsstöd för reumatoid artrit. Vi tar "
                "gärna emot era synpunkter senast den 26 maj.",
                "Sofia Engqvist",
            ],
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal",),
        register=True,
        pd=True,
        note="material sent to FK and NPO, printed",
    )
    add(
        f"2026/05/27/{dnr}-17.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                "Johan Wiik <johan.wiik@forsakringskassan.se>",
                "den 26 maj 2026 15:02",
                lead_s,
                "SV: Förslag till reviderat FMB reumatoid artrit – för synpunkter",
            ),
            [
                "Hej Sofia,",
                "Försäkringskassan har följande synpunkter på förslaget: tidsangivelsen vid skov "
                "bör förtydligas, och det bör framgå när deltidssjukskrivning är aktuell.",
                "Med vänlig hälsning",
                "Johan Wiik, försäkringsmedicinsk rådgivare",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="FK's comments printed from Outlook",
    )
    add(
        "2026/05/28/NPO YTTRANDE RA.PDF",
        lambda f: make_pdf(
            f,
            [
                "YTTRANDE",
                "NPO Rörelseorganens sjukdomar – förslag till reviderat FMB reumatoid artrit",
                "NPO ställer sig bakom förslaget. Vi föreslår att rekommendationen vid stabil "
                "sjukdom kompletteras med arbetsanpassning.",
                "Örebro 2026-05-28  Gunnar Hedin, ordförande",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "2026/05/29/Enkätrapport RA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Fråga", "Instämmer", "Instämmer delvis", "Instämmer inte", "Antal svar"],
                ["Rekommendation vid skov", 3, 1, 0, 4],
                ["Rekommendation vid stabil sjukdom", 2, 2, 0, 4],
            ],
            sheet_title="Rapport",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous",
    )
    add(
        "2026/06/09/Sammanställning synpunkter och hantering.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av synpunkter och hur de hanterats",
            table=[
                ["Från", "Synpunkt", "Hantering"],
                ["FK", "Förtydliga tidsangivelse vid skov", "Ändrat: 2–4 veckor"],
                ["NPO", "Arbetsanpassning vid stabil sjukdom", "Tillagt"],
                ["RG (enkät)", "Deltid efter skov", "Tillagt"],
            ],
            author=lead[0],
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "2026/06/15/RA textförslag efter remiss.docx",
        lambda f: make_docx(
            f,
            title="Reumatoid artrit – rekommendationer",
            paragraphs=[
                "Vid skov: överväg sjukskrivning på heltid 2–4 veckor, därefter deltid.",
                "Vid stabil sjukdom behövs sällan sjukskrivning; överväg arbetsanpassning.",
            ],
            author=lead[0],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
        note="the revised proposal, 'efter remiss'",
    )
    add(
        f"2026/06/16/{dnr}-21.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_sv(
                lead_s,
                "den 16 juni 2026 13:20",
                "Camilla Brandt; Teodor Sjöberg; Amira Saleh; Vilhelm Krantz; Ulla Stenlund",
                "Återkoppling – så hanterade vi era synpunkter",
            ),
            [
                "Hej,",
                "Tack för era svar på enkäten. Här är en sammanfattning av hur vi har hanterat "
                "synpunkterna: deltid efter skov är tillagt, tidsangivelsen förtydligad.",
                "Sofia Engqvist",
            ],
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
        note="feedback to the RG, printed",
    )
    add(
        "2026/06/20/Kunskapsunderlag RA 2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – reumatoid artrit",
                "Metod: litteratursökning i PubMed och Cochrane 2020–2026, sakkunnigas bedömning.",
                "Referenser",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        f"2026/09/02/{dnr}-24.pdf",
        lambda f: make_pdf(
            f,
            [
                "Föredragnings-PM",
                f"Dnr {dnr}",
                "Uppdatering av försäkringsmedicinskt beslutsstöd för reumatoid artrit",
                "Förslag till beslut: enhetschefen beslutar att publicera det uppdaterade "
                "beslutsstödet.",
                "Föredragande: Sofia Engqvist",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        f"2026/09/02/{dnr}-25.pdf",
        lambda f: make_pdf(
            f,
            [
                "BESLUT",
                f"{dnr}",
                "Enhetschefen beslutar att det uppdaterade försäkringsmedicinska beslutsstödet "
                "för reumatoid artrit publiceras den 15 september 2026.",
                "Karin Alm, enhetschef",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "2026/09/15/FMB REUMATOID ARTRIT.PDF",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – reumatoid artrit",
                "Kort om diagnosen",
                "Rekommendationer: vid skov överväg sjukskrivning på heltid 2–4 veckor, därefter "
                "deltid. Vid stabil sjukdom: arbetsanpassning.",
            ],
        ),
        "publication",
        "approval",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        f"2026/10/20/{dnr}-27.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – uppdatering FMB reumatoid artrit",
            paragraphs=[
                "Vad gick bra: sakkunnigas texter kom i tid.",
                "Vad kan förbättras: statistiken från FK kom sent.",
                "Upparbetade timmar: 72 av 80.",
            ],
            author=lead[0],
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        pd=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Vilhelm Krantz
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
        "variant": "update",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing", "complete"],
            "records_closure": ["needs_confirmation"],
            "consider_comments": ["needs_confirmation"],  # an update meets only when needed
            "icf_sections": ["partial"],  # the revised ICF texts are only a draft
        },
        "missing_coi_for": ["Vilhelm Krantz"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def lymfodem(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Lymfödem – nordiskt FMB")
    add = _adder(p)
    lead = ("Jonas Almqvist", f"jonas.almqvist@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Karin Westerlund", "Mikaela Lindroos", "Øystein Haugland"]
    rg = ["Sanna Nieminen", "Ingrid Bakke", "Elsa Holmqvist", "Robert Carlsson"]
    patient = "Märta Flink"

    add(
        "Projektplan lymfödem.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – nytt FMB lymfödem",
            headings=["Bakgrund", "Organisation", "Tidplan"],
            paragraphs=[
                "Det finns inget försäkringsmedicinskt beslutsstöd för lymfödem (I89.0, I97.2). "
                "Ett nytt tas fram enligt instruktion 3.1.3.5.",
                "Eftersom kunskapen om lymfterapi finns i Finland och Norge ingår en sakkunnig "
                "från Helsingfors och en från Oslo; projektets möten hålls på svenska och "
                "skandinaviska.",
                "Tidplan: uppstart mars, webbenkät maj, möte med rekommendationsgruppen juni.",
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Tids- och aktivitetsplan lymfödem.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Ansvarig", "Start", "Klart"],
                ["Förfrågan experter SE/FI/NO", "JA", "2026-01-20", "2026-02-20"],
                ["Jäv och avtal", "JA", "2026-02-20", "2026-03-10"],
                ["Uppstartsmöte", "JA", "2026-03-12", "2026-03-12"],
                ["Webbenkät RG", "JA", "2026-05-18", "2026-06-01"],
                ["RG-möte", "JA", "2026-06-15", "2026-06-15"],
            ],
            sheet_title="Plan",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Förfrågan om experter – Finland och Norge.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "Tuula Laine <tuula.laine@hus.fi>",
                "Kari Solberg <kari.solberg@ous-hf.no>",
                "NPO Hjärt- och kärlsjukdomar <npo.hjartkarl@regionstockholm.se>",
            ],
            subject="Förfrågan om experter till nytt FMB lymfödem",
            body=(
                "Hej,\n\nSocialstyrelsen tar fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "lymfödem. Vi söker sakkunniga med erfarenhet av lymfterapi och personer till "
                "rekommendationsgruppen. Har ni förslag på lämpliga personer? Svara gärna "
                "senast 20 februari.\n\nVänliga hälsningar\nJonas Almqvist"
            ),
            sent_at=dt("2026-01-20 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Svar från HUS – förslag på sakkunnig.eml",
        lambda f: make_eml(
            f,
            sender="Tuula Laine <tuula.laine@hus.fi>",
            to=[lead_s],
            subject="Sv: Anhållan om förslag på sakkunniga, lymfödem",
            body=(
                "Bäste Jonas,\n\nTack för er anhållan. Vi föreslår överläkare Mikaela Lindroos, "
                "HUS Plastikkirurgi, som sakkunnig och fysioterapeut Sanna Nieminen till "
                "rekommendationsgruppen. Båda har gett sitt samtycke.\n\n"
                "Bästa hälsningar\nTuula Laine\navdelningsöverskötare, HUS"
            ),
            sent_at=dt("2026-02-09 13:45"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="Finland-Swedish reply ('anhållan', 'bäste')",
    )
    add(
        "SV_ Forespørsel om eksperter.eml",
        lambda f: make_eml(
            f,
            sender="Kari Solberg <kari.solberg@ous-hf.no>",
            to=[lead_s],
            subject="SV: Forespørsel om eksperter – lymfødem",
            body=(
                "Hei Jonas,\n\nVi foreslår overlege Øystein Haugland, Oslo universitetssykehus, "
                "som ekspert i prosjektgruppen, og fysioterapeut Ingrid Bakke til "
                "anbefalingsgruppen. Begge har sagt ja.\n\nMed vennlig hilsen\nKari Solberg"
            ),
            sent_at=dt("2026-02-12 09:20"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="Norwegian reply",
    )
    add(
        "SV_ Rekommendationsgrupp lymfödem.msg",
        lambda f: _msg(
            f,
            ("Linnea Ström", "linnea.strom@regionstockholm.se"),
            [lead],
            "SV: Förfrågan om experter till nytt FMB lymfödem",
            "Hej Jonas,\n\nNPO föreslår Karin Westerlund, specialist i fysioterapi, som "
            "sakkunnig. Till rekommendationsgruppen: Elsa Holmqvist (distriktsläkare) och "
            "Robert Carlsson (arbetsterapeut). Märta Flink från Lymfförbundet kan vara "
            "patientföreträdare.\n\nHälsningar Linnea Ström, NPO",
            dt("2026-02-16 11:02"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "Jävsdeklaration Karin Westerlund.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Karin Westerlund",
                "Roll: sakkunnig",
                "Ekonomiska intressen i företag inom området: Nej",
                "Uppdrag för läkemedels- eller medicinteknikföretag: Nej",
                "Stockholm 2026-02-25   Karin Westerlund",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Redogörelse för bindningar – Mikaela Lindroos.pdf",
        lambda f: make_pdf(
            f,
            [
                "Redogörelse för bindningar",
                "Namn: Mikaela Lindroos",
                "Tjänst: överläkare, HUS",
                "Förtroendeuppdrag och bisysslor: styrelsemedlem i Finlands Lymfologiska förening",
                "Ekonomiska bindningar till företag inom branschen: inga",
                "Jag försäkrar att jag inte har bindningar som kan äventyra min opartiskhet.",
                "Helsingfors 26.2.2026   Mikaela Lindroos",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Finland-Swedish form",
    )
    add(
        "Habilitetserklæring Øystein Haugland.pdf",
        lambda f: make_pdf(
            f,
            [
                "Habilitetserklæring",
                "Navn: Øystein Haugland",
                "Stilling: overlege, Oslo universitetssykehus",
                "Økonomiske interesser i selskaper på området: ingen",
                "Verv og oppdrag for legemiddelindustrien de siste tre årene: ingen",
                "Andre forhold som kan svekke tilliten til min upartiskhet: ingen",
                "Oslo, 27.02.2026   Øystein Haugland",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Norwegian form",
    )
    add(
        "Egenerklæring Ingrid Bakke.docx",
        lambda f: make_docx(
            f,
            title="Egenerklæring om interesser og tilknytninger",
            paragraphs=[
                "Navn: Ingrid Bakke",
                "Rolle: medlem av anbefalingsgruppen",
                "Jeg har ingen økonomiske interesser eller tilknytninger til industrien som kan "
                "påvirke min vurdering.",
                "Bergen, 2.3.2026",
            ],
            author="Ingrid Bakke",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="Norwegian self-declaration",
    )
    add(
        "Anmälan om intressebindningar Sanna Nieminen.pdf",
        lambda f: make_pdf(
            f,
            [
                "Anmälan om intressebindningar",
                "Sanna Nieminen, fysioterapeut, HUS",
                "Jag har inga intressebindningar till företag inom området.",
                "Esbo 3.3.2026",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="Finland-Swedish",
    )
    add(
        "Elsa Holmqvist JD.rtf",
        lambda f: _rtf(
            f,
            [
                "Namn: Elsa Holmqvist",
                "Roll: ledamot i rekommendationsgruppen",
                "Ekonomiska intressen i företag inom området: Nej",
                "Andra omständigheter som kan påverka förtroendet för min opartiskhet: Nej",
                "Uppsala 2026-03-04",
            ],
            title="Jävsdeklaration",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Märta Flink.pdf",
        lambda f: _scan(f, 1511),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="scan named by the person",
    )
    add(
        "Avtal Karin Westerlund.odt",
        lambda f: _odt(
            f,
            [
                "Parter: Socialstyrelsen och Karin Westerlund",
                "Uppdrag: sakkunnig i projektgruppen för nytt FMB lymfödem.",
                "Ersättning: 900 kronor per timme mot faktura, högst 40 timmar.",
                "Stockholm 2026-03-02",
            ],
            title="Avtal om ersättning",
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Uppdragsavtal – Mikaela Lindroos.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om arvode för sakkunniguppdrag",
                "Uppdragsgivare: Socialstyrelsen, Sverige",
                "Uppdragstagare: Mikaela Lindroos, Helsingfors",
                "Arvodet är 90 euro per timme. Arvodet betalas mot faktura; mervärdesskatt "
                "tillkommer inte.",
                "Helsingfors 5.3.2026   Mikaela Lindroos",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Oppdragsavtale Øystein Haugland.pdf",
        lambda f: make_pdf(
            f,
            [
                "Oppdragsavtale",
                "Partene: Socialstyrelsen (oppdragsgiver) og Øystein Haugland (oppdragstaker)",
                "Oppdraget: ekspert i prosjektgruppen for beslutningsstøtte om lymfødem.",
                "Honorar: 1 000 kroner per time etter faktura, høyst 40 timer.",
                "Oslo, 6.3.2026   Øystein Haugland",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Norwegian",
    )
    add(
        "Begäran om statistik – lymfödem.docx",
        lambda f: make_docx(
            f,
            title="Begäran om statistik",
            paragraphs=[
                "Till Försäkringskassan, avdelningen för analys",
                "Socialstyrelsen begär uppgifter ur Midas om sjukfall med diagnos I89.0 och "
                "I97.2, 2021–2025: antal sjukfall och sjukfallens längd, uppdelat på kön.",
                "Jonas Almqvist, projektledare",
            ],
            author=lead[0],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Sykefraværsstatistikk lymfødem NAV.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnose", "År", "Kjønn", "Antall sykefravær", "Median varighet (dager)"],
                ["I89", 2024, "Kvinner", 214, 41],
                ["I89", 2024, "Menn", 63, 35],
            ],
            sheet_title="NAV",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
        note="Norwegian statistics from NAV, sent by the Norwegian expert",
    )
    add(
        "FK svar statistik lymfödem.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median"],
                ["I89.0", 2024, "Kvinnor", 388, 52],
                ["I89.0", 2024, "Män", 97, 44],
            ],
            sheet_title="Midas",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Promemoria från startmötet 12.3.2026.docx",
        lambda f: make_docx(
            f,
            title="Promemoria från startmötet 12.3.2026",
            paragraphs=[
                "Närvarande: Jonas Almqvist, Karin Westerlund, Mikaela Lindroos, "
                "Øystein Haugland (per Teams).",
                "Genomgång av instruktionen, tidtabellen och ICF-mallen.",
                "Beslöts att Mikaela skriver utkastet till Kort om diagnosen och Øystein "
                "ICF-bedömningen.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="Finland-Swedish 'promemoria', Finnish date",
    )
    add(
        "Startmöte bilder.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Nytt FMB lymfödem", "Startmöte 12.3.2026"),
                ("Uppdraget", "Instruktion 3.1.3.5"),
                ("Tidtabell", "Webbenkät i maj, RG-möte i juni"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Kort om diagnosen lymfödem.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – lymfödem",
            paragraphs=[
                "Symtom: svullnad, tyngdkänsla och nedsatt rörlighet i armen eller benet.",
                "Behandling: kompression, lymfdränage och fysisk träning.",
                "Prognos: kroniskt tillstånd, men med behandling kan de flesta arbeta.",
            ],
            author="Mikaela Lindroos",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
    )
    add(
        "ICF-vurdering Øystein Haugland.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kode", "Kategori", "Vurdering (sentral/supplerende)"],
                ["b415", "Funksjoner i blodkar", "sentral"],
                ["b710", "Funksjoner for bevegelighet i ledd", "sentral"],
                ["d430", "Løfte og bære gjenstander", "sentral"],
                ["d850", "Lønnet arbeid", "supplerende"],
            ],
            sheet_title="ICF",
            creator="Øystein Haugland",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
        note="Norwegian ICF assessment",
    )
    add(
        "Sammanställt textförslag lymfödem 20.5.2026.docx",
        lambda f: make_docx(
            f,
            title="Textförslag – försäkringsmedicinskt beslutsstöd för lymfödem",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=[
                "Vid nydebuterat lymfödem under intensivbehandling: överväg sjukskrivning på "
                "heltid 2–4 veckor.",
                "Vid stabilt lymfödem behövs sällan sjukskrivning.",
            ],
            author=lead[0],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
    )
    add(
        "Enkät till rekommendationsgruppen.msg",
        lambda f: _msg(
            f,
            lead,
            [
                ("Sanna Nieminen", "sanna.nieminen@hus.fi"),
                ("Ingrid Bakke", "ingrid.bakke@helse-bergen.no"),
            ],
            "Webbenkät: förslag till FMB lymfödem",
            "Hej,\n\nHär är länken till webbenkäten om förslaget. Enkäten besvaras senast den "
            "1 juni. Dina svar behandlas konfidentiellt.\n\nJonas Almqvist",
            dt("2026-05-18 09:00"),
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=True,
    )
    add(
        "Material till FK och NPO för synpunkter.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "FMB Försäkringskassan <fmb@forsakringskassan.se>",
                "Linnea Ström <linnea.strom@regionstockholm.se>",
            ],
            subject="Förslag till FMB lymfödem – för synpunkter",
            body=(
                "Hej,\nBifogat är förslaget till beslutsstöd för lymfödem. Vi tar gärna emot era "
                "synpunkter senast den 1 juni.\nJonas Almqvist"
            ),
            sent_at=dt("2026-05-18 09:30"),
            attachments=(("Textförslag lymfödem.pdf", _pdf_bytes(["Textförslag lymfödem"])),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal",),
        register=True,
        pd=True,
    )
    add(
        "Høringsinnspill Ingrid Bakke.eml",
        lambda f: make_eml(
            f,
            sender="Ingrid Bakke <ingrid.bakke@helse-bergen.no>",
            to=[lead_s],
            subject="Innspill til forslaget",
            body=(
                "Hei Jonas,\n\nHer er mine innspill til forslaget: anbefalingen om sykmelding ved "
                "nydebutert lymfødem bør nevne gradert sykmelding, og kompresjonsbehandling bør "
                "omtales tidligere i teksten.\n\nMvh Ingrid Bakke"
            ),
            sent_at=dt("2026-05-29 14:10"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="Norwegian comments",
    )
    add(
        "Utlåtande från HUS.pdf",
        lambda f: make_pdf(
            f,
            [
                "Utlåtande",
                "HUS, Plastikkirurgi – förslag till beslutsstöd för lymfödem",
                "Vi omfattar förslaget i huvudsak. Rekommendationen om heltid bör kompletteras "
                "med en hänvisning till lymfterapeut.",
                "Helsingfors 30.5.2026   Tuula Laine",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="Finland-Swedish 'utlåtande' (a statement)",
    )
    add(
        "Rapport webbenkät lymfödem.pdf",
        lambda f: make_pdf(
            f,
            [
                "Rapport – webbenkät till rekommendationsgruppen, lymfödem",
                "Antal svar: 5 av 6. Svarsfrekvens 83 %.",
                "Rekommendation vid intensivbehandling: 4 instämmer, 1 instämmer delvis.",
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Mötesreferat RG 15.6.2026.docx",
        lambda f: make_docx(
            f,
            title="Referat från möte med rekommendationsgruppen 15.6.2026",
            paragraphs=[
                "Närvarande: Jonas Almqvist, Sanna Nieminen, Ingrid Bakke, Elsa Holmqvist, "
                "Märta Flink.",
                "Enkätsvaren gicks igenom. Ingrid Bakke föreslog gradvis återgång.",
                "Gruppen kom överens om att lägga till deltidssjukskrivning efter "
                "intensivbehandling.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
        note="'referat' for minutes",
    )
    add(
        "Textförslag lymfödem – version efter RG-mötet.docx",
        lambda f: make_docx(
            f,
            title="Textförslag – lymfödem",
            paragraphs=[
                "Vid nydebuterat lymfödem under intensivbehandling: överväg sjukskrivning på "
                "heltid 2–4 veckor, därefter deltid.",
            ],
            author=lead[0],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "läs mig.txt",
        lambda f: _txt(
            f,
            "Mappen innehåller projektets filer. Norska och finländska dokument har "
            "sparats som de kom in.\n",
        ),
        "other",
        "plan",
        register=False,
        pd=False,
        note="a read-me",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Robert Carlsson
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # no feedback to the RG yet
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
        "also_acceptable": {"revise": ["complete"]},
        "missing_coi_for": ["Robert Carlsson"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def hsd(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Hypermobility spectrum disorder (HSD) – new FMB, English")
    add = _adder(p)
    lead = ("Alice Brandt", f"alice.brandt@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Lukas Meier", "Hannah Okafor"]
    rg = ["Emma Sundin", "Oskar Lind", "Priya Raman"]
    patient = "Jenny Ahl"

    add(
        "Scope, milestones and resourcing.docx",
        lambda f: make_docx(
            f,
            title="HSD decision support – scope, milestones and resourcing",
            headings=["Scope", "Milestones", "Resourcing", "Risks"],
            paragraphs=[
                "Socialstyrelsen develops a new insurance-medicine decision support for "
                "hypermobility spectrum disorder (M35.7) following instruction 3.1.3.5. The "
                "working language is English because one expert works abroad.",
                "Milestones: kick-off in March, consultation in May, RG meeting in June, "
                "sign-off by the head of department (AC) in October.",
                "Resourcing: project lead Alice Brandt, two experts, a recommendation group.",
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Milestones.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Milestone", "Owner", "Due", "Status"],
                ["Experts nominated", "AB", "2026-02-13", "Done"],
                ["Statistics from FK", "AB", "2026-03-06", "Done"],
                ["Kick-off", "AB", "2026-03-18", "Done"],
                ["Consultation (RG survey, FK, NPO)", "AB", "2026-05-25", "Done"],
                ["Sign-off AC", "AB", "2026-10-07", ""],
            ],
            sheet_title="Milestones",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Expert call – NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["NPO Rörelseorganens sjukdomar <npo.rorelse@regionorebrolan.se>"],
            subject="Expert call: HSD decision support",
            body=(
                "Dear colleagues,\n\nSocialstyrelsen is developing a new decision support for "
                "hypermobility spectrum disorder. Could the NPO put forward two clinical experts "
                "for the project group and three or four members for the recommendation group? "
                "Please reply by 13 February.\n\nKind regards\nAlice Brandt"
            ),
            sent_at=dt("2026-01-23 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "RE_ Expert call – NPO.msg",
        lambda f: _msg(
            f,
            ("Gunnar Hedin", "gunnar.hedin@regionorebrolan.se"),
            [lead],
            "RE: Expert call: HSD decision support",
            "Dear Alice,\n\nThe NPO puts forward Lukas Meier (rheumatologist, Karolinska) and "
            "Hannah Okafor (physiotherapist, University of Leeds) as experts. For the "
            "recommendation group we suggest Emma Sundin, Oskar Lind and Priya Raman; Jenny Ahl "
            "of the EDS/HSD association can represent patients.\n\nBest regards\nGunnar Hedin",
            dt("2026-02-10 15:30"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="nominations in a sentence ('puts forward')",
    )
    add(
        "Conflict disclosure – L Meier.pdf",
        lambda f: make_pdf(
            f,
            [
                "Conflict disclosure form",
                "Name: Lukas Meier",
                "Position: consultant rheumatologist, Karolinska University Hospital",
                "Honoraria, speaker's bureau or consultancy in the last 36 months: none",
                "Equity holdings in health-care companies: none",
                "Other relationships that could be perceived as a conflict: none",
                "Signed: Lukas Meier, Stockholm, 20 February 2026",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Okafor H - interests.docx",
        lambda f: make_docx(
            f,
            title="Statement of competing interests",
            paragraphs=[
                "Name: Hannah Okafor",
                "I have received no fees from industry and hold no shares in companies in the "
                "field. I sit on the board of a physiotherapy society (unpaid).",
                "Leeds, 21 February 2026",
            ],
            author="Hannah Okafor",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Emma Sundin DOI signed.pdf",
        lambda f: _scan(f, 1521),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="scan, no text",
    )
    add(
        "Forms export – RG interests.csv",
        lambda f: _csv(
            f,
            [
                [
                    "ID",
                    "Start time",
                    "Completion time",
                    "Email",
                    "Name",
                    "Do you have financial interests in companies in the field?",
                    "Have you received honoraria from industry in the last 3 years?",
                    "Other circumstances that may affect your impartiality",
                ],
                [
                    1,
                    "2026-03-02 09:01",
                    "2026-03-02 09:07",
                    "priya.raman@regionvasterbotten.se",
                    "Priya Raman",
                    "No",
                    "No",
                    "None",
                ],
                [
                    2,
                    "2026-03-03 18:40",
                    "2026-03-03 18:44",
                    "jenny.ahl@edsforeningen.se",
                    "Jenny Ahl",
                    "No",
                    "No",
                    "Chair of the patient association",
                ],
            ],
            sep=",",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        also=("survey_response",),
        register=True,
        pd=True,
        note="declarations collected by a form, exported",
    )
    add(
        "Statement of Work – Lukas Meier.pdf",
        lambda f: make_pdf(
            f,
            [
                "Statement of Work",
                "Client: Socialstyrelsen. Consultant: Lukas Meier.",
                "Deliverables: expert review of the draft recommendations and ICF sections.",
                "Fee: SEK 1,100 per hour, max 40 hours, payable against invoice.",
                "Term: 1 March – 31 December 2026.",
                "Signed for Socialstyrelsen: Karin Alm     Signed: Lukas Meier",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Data request – Försäkringskassan.pdf",
        lambda f: _printed_mail(
            f,
            lead[0],
            _hdr_en(
                lead_s,
                "Monday, 2 March 2026 11:05",
                "statistik@forsakringskassan.se",
                "Data request – sick leave, hypermobility (M35.7)",
            ),
            [
                "Hej,",
                "Socialstyrelsen begär statistik ur Midas: antal sjukfall med M35.7 2021–2025 "
                "och sjukfallens längd (median), uppdelat på kön.",
                "Vänliga hälsningar, Alice Brandt",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
        note="request printed from an English Outlook",
    )
    add(
        "FK_extract_M357.csv",
        lambda f: _csv(
            f,
            [
                ["diagnos", "ar", "kon", "antal_sjukfall", "median_dagar"],
                ["M35.7", 2024, "K", 233, 38],
                ["M35.7", 2024, "M", 41, 30],
            ],
            sep=",",
            bom=False,
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Kick-off readout.md",
        lambda f: _md(
            f,
            "# Readout – kick-off 18 March 2026\n\n"
            "**Attendees:** Alice Brandt, Lukas Meier, Hannah Okafor (Teams)\n\n"
            "- Walked through the instruction and the milestones.\n"
            "- Agreed: Lukas drafts the recommendations, Hannah the ICF sections.\n"
            "- Templates to be sent after the meeting.\n",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="'readout' for minutes",
    )
    add(
        "Kick-off.pptx",
        lambda f: make_pptx(
            f,
            [
                ("HSD decision support", "Kick-off 18 March 2026"),
                ("The process", "Instruction 3.1.3.5"),
                ("Milestones", "Consultation May, sign-off October"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "About the condition HSD.docx",
        lambda f: _status_docx(
            f,
            "Draft",
            title="About the condition – hypermobility spectrum disorder",
            paragraphs=[
                "Symptoms: joint pain, fatigue, recurrent subluxations.",
                "Treatment: physiotherapy and graded exercise.",
                "Prognosis: variable; most can work with adjustments.",
            ],
            author="Lukas Meier",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="Status property Draft only",
    )
    add(
        "ICF core set shortlist.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Code", "Category", "Core/Supplementary"],
                ["b280", "Sensation of pain", "core"],
                ["b710", "Mobility of joint functions", "core"],
                ["b455", "Exercise tolerance functions", "core"],
                ["d850", "Remunerative employment", "supplementary"],
            ],
            sheet_title="ICF",
            creator="Hannah Okafor",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        "Draft recommendations v0.3.docx",
        lambda f: make_docx(
            f,
            title="Recommendations on sick leave – HSD",
            paragraphs=["Consider part-time sick leave during flares, 2–4 weeks."],
            author="Lukas Meier",
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Consultation draft v1.0.docx",
        lambda f: make_docx(
            f,
            title="Decision support for hypermobility spectrum disorder – consultation draft",
            headings=["About the condition", "Recommendations"],
            paragraphs=[
                "Consider part-time sick leave during flares, 2–4 weeks; full-time sick leave "
                "is rarely needed.",
                "Work capacity: adjust tasks that load hypermobile joints.",
            ],
            author=lead[0],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent out for consultation",
    )
    add(
        "Survey invitation – recommendation group.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "Emma Sundin <emma.sundin@regionuppsala.se>",
                "Oskar Lind <oskar.lind@regionhalland.se>",
                "Priya Raman <priya.raman@regionvasterbotten.se>",
                "Jenny Ahl <jenny.ahl@edsforeningen.se>",
            ],
            subject="Survey: consultation draft, HSD decision support",
            body=(
                "Dear members of the recommendation group,\n\nPlease complete the survey on the "
                "consultation draft by 25 May. The link to the survey: "
                "https://survey.example.invalid/hsd\n\nAlice Brandt"
            ),
            sent_at=dt("2026-05-11 09:00"),
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=True,
    )
    add(
        "Materials sent for consultation.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "FMB Försäkringskassan <fmb@forsakringskassan.se>",
                "Gunnar Hedin <gunnar.hedin@regionorebrolan.se>",
            ],
            subject="HSD decision support – for consultation",
            body=(
                "Dear colleagues,\nAttached is the consultation draft. We welcome your comments "
                "by 25 May.\nAlice Brandt"
            ),
            sent_at=dt("2026-05-11 09:30"),
            attachments=(("Consultation draft v1.0.pdf", _pdf_bytes(["Consultation draft"])),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal",),
        register=True,
        pd=True,
    )
    add(
        "Qualtrics export HSD.csv",
        lambda f: _csv(
            f,
            [
                [
                    "ResponseId",
                    "StartDate",
                    "EndDate",
                    "Finished",
                    "Q1_agree",
                    "Q2_agree",
                    "Q3_text",
                ],
                ["R_1", "2026-05-12", "2026-05-12", "True", "Agree", "Agree", ""],
                ["R_2", "2026-05-14", "2026-05-14", "True", "Partly", "Agree", "Mention pacing"],
                ["R_3", "2026-05-20", "2026-05-20", "True", "Agree", "Partly", ""],
            ],
            sep=",",
            bom=False,
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous",
    )
    add(
        "FW_ Comments from FK.msg",
        lambda f: _msg(
            f,
            ("Maria Holm", "maria.holm@forsakringskassan.se"),
            [lead],
            "HSD decision support – for consultation",
            "Hi Alice,\n\nFörsäkringskassans synpunkter på förslaget: state how long part-time "
            "sick leave is usually needed, and when a new assessment is due.\n\nMaria Holm",
            dt("2026-05-22 16:10"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "NPO response to consultation.pdf",
        lambda f: make_pdf(
            f,
            [
                "Response to consultation",
                "NPO Rörelseorganens sjukdomar on the HSD decision support",
                "The NPO supports the draft. We suggest the recommendations mention pacing and "
                "graded return to work.",
                "Örebro, 24 May 2026, Gunnar Hedin",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Agenda RG meeting.docx",
        lambda f: make_docx(
            f,
            title="Agenda – recommendation group meeting 4 June",
            paragraphs=["1. Survey results 2. Pacing 3. Next steps"],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        register=False,
        pd=False,
        note="agenda",
    )
    add(
        "RG meeting debrief.docx",
        lambda f: make_docx(
            f,
            title="Debrief – recommendation group meeting 4 June 2026",
            paragraphs=[
                "Present: Alice Brandt, Emma Sundin, Oskar Lind, Priya Raman, Jenny Ahl.",
                "Oskar Lind asked for a clearer time frame; Jenny Ahl stressed pacing.",
                "Decisions: add pacing and a time frame of 2–4 weeks to the recommendations.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Comment log and responses.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["From", "Comment", "Response"],
                ["FK", "Duration of part-time sick leave", "Added 2–4 weeks"],
                ["NPO", "Pacing", "Added"],
                ["RG meeting", "Time frame", "Added"],
            ],
            sheet_title="Log",
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Revised proposal after consultation.docx",
        lambda f: make_docx(
            f,
            title="Decision support for HSD – revised after consultation",
            paragraphs=[
                "Consider part-time sick leave during flares for 2–4 weeks, with pacing and a "
                "graded return to work.",
            ],
            author=lead[0],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "Feedback to RG – how comments were handled.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "Emma Sundin <emma.sundin@regionuppsala.se>",
                "Oskar Lind <oskar.lind@regionhalland.se>",
                "Priya Raman <priya.raman@regionvasterbotten.se>",
                "Jenny Ahl <jenny.ahl@edsforeningen.se>",
            ],
            subject="Feedback: how your comments were handled",
            body=(
                "Dear all,\nThank you for your comments. Here is how we have handled them: pacing "
                "and a time frame are added.\nAlice Brandt"
            ),
            sent_at=dt("2026-06-20 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
    )
    add(
        "Knowledge base and methods annex.docx",
        lambda f: make_docx(
            f,
            title="Knowledge basis with method description – HSD",
            paragraphs=["Literature search in PubMed and Cochrane 2015–2026; inclusion criteria."],
            author=lead[0],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Sign-off memo (AC).pdf",
        lambda f: make_pdf(
            f,
            [
                "Sign-off memo",
                "New insurance-medicine decision support: hypermobility spectrum disorder",
                "The head of department approves the decision support for publication.",
                "7 October 2026, Anders Ek, head of department",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "Lessons log.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Lesson", "What happened", "For next time"],
                ["English working language", "Texts needed translation", "Budget translation"],
                ["Statistics", "FK data came in two weeks", "Order earlier"],
            ],
            sheet_title="Lessons",
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        pd=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # Hannah Okafor has no agreement
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Oskar Lind
        "brief_diagnosis_text": "partial",  # only a draft
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
            "brief_diagnosis_text": ["complete"],  # the consultation draft holds the text
        },
        "missing_coi_for": ["Oskar Lind"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (reumatoid, lymfodem, hsd)
