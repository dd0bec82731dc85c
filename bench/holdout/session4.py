"""The session-4 holdout: two FMB project folders in habits none of the earlier sets use.

Written by hand (session 4, issue #4) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them; `build.py` writes them next
to the others with `set: session4`, so `score.py --set session4` scores them
alone. Habits new here:

- English file and folder names with the date first (`2026-02-02 Minutes
  kick-off.docx`) and the year as a folder (`2025/`, `2026/`);
- abbreviations as prefixes: `JV_` (jäv), `AVT_` (avtal), `KD_` (Kort om
  diagnosen), `MA` (minnesanteckningar), `PG`/`RG` folders;
- numbered prefixes in capitals (`0_ADMIN/1.1_PROJEKTPLAN_HÖFTARTROS.docx`) and
  whole names in capitals (`EC DECISION DEPRESSION.pdf`);
- e-mails that carry the declaration in the body or as an attachment;
- scanned PDFs whose text layer is OCR output: lost Swedish letters, a
  letter-spaced heading with Swedish letters (`D E K L A R A T I O N  O M  J Ä V`),
  an OCR agreement named `scan_…`, a textless scan with an informative name;
- survey-tool spreadsheet exports, slide decks from the RG meeting;
- blank Word templates (`.dotx`) saved into the project, never filled in;
- files in the wrong folder (a declaration under `Survey/`, a slide deck under
  texts, a statistics file under comments);
- unsigned Word copies next to their signed PDFs, and a Word file next to the
  PDF exported from it.

Labelling choices (from DOMAIN.md, "what a registrar would expect"):
- a blank template is no document of the matter: class `other` (a careful
  person could also name the class it is a template for), not a draft, never
  registered;
- an unsigned Word copy beside the signed PDF of the same document is the
  working copy: draft, not registered (the signed PDF is registered);
- a Word file beside the PDF it was exported to and sent as: the PDF is the
  registered document, the Word file a working copy (draft, not registered);
- an internal list of RG members is not sent or received: never registered.

Projects:
- `Depression FMB update` — update, approved by EC and evaluated; an RG member
  without a declaration (Olle Vik).
- `HÖFTARTROS NYTT FMB` — new support, survey answered and comments in, RG
  meeting booked but not yet held; an RG member without a declaration
  (Gustav Ek).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"
PK = b"PK\x03\x04"
PDF_STUB = b"%PDF-1.4 stub"


def _people(experts: list[str], rg: list[str], patient: str) -> list[dict[str, Any]]:
    return (
        [{"name": n, "roles": ["expert"]} for n in experts]
        + [{"name": n, "roles": ["rg_member"]} for n in rg]
        + [{"name": patient, "roles": ["patient_representative", "rg_member"]}]
    )


def _blank_template(path: Path, title: str, paragraphs: list[str]) -> Path:
    """A Word template (.dotx, template content type): headings and blanks, nothing filled in."""
    source = make_docx(path.with_suffix(".tmp.docx"), title=title, paragraphs=paragraphs)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, data)
    source.unlink()
    return path


# ---------------------------------------------------------------- project 7


def depression(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Depression FMB update")
    hs = f"Hanna Sjögren <hanna.sjogren@{STAFF}>"
    experts = ["Sara Lindgren", "David Okafor"]
    rg = ["Nadia Haddad", "Tomas Berglund", "Helena Nyqvist", "Olle Vik"]
    patient = "Birgitta Sund"

    p.add(
        "2025/2025-11-03 Project plan depression.docx",
        lambda f: make_docx(
            f,
            title="Project plan – update of FMB depression (F32–F33)",
            headings=["Background", "Aim", "Organisation", "Timeline", "Risks"],
            paragraphs=[
                "Uppdatering av befintligt beslutsstöd för depression. The texts date from 2018.",
                "Project lead: Hanna Sjögren. Two experts (psychiatry, general practice) are "
                "recruited through NPO Psykisk hälsa.",
                "The recommendation group comments by web survey in March; a meeting is held "
                "if needed. Approval by the unit head (EC).",
                "Risks: the experts have little time in the spring.",
            ],
            author="Hanna Sjögren",
            created=dt("2025-11-03 09:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "2025/2025-11-10 Expert request NPO psykisk hälsa.eml",
        lambda f: make_eml(
            f,
            sender=hs,
            to=["npo.psykiskhalsa@regionvasterbotten.se"],
            subject="Förfrågan om sakkunniga och RG – uppdatering FMB depression",
            body=(
                "Hej,\n\nSocialstyrelsen ska uppdatera det försäkringsmedicinska beslutsstödet för "
                "depression. Vi söker två sakkunniga (psykiatri och allmänmedicin) till "
                "projektgruppen samt deltagare till rekommendationsgruppen. Lämna gärna förslag "
                "senast 28 november.\n\nMed vänlig hälsning\nHanna Sjögren"
            ),
            sent_at=dt("2025-11-10 10:30"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "2025/2025-11-26 RE Expert request.eml",
        lambda f: make_eml(
            f,
            sender="Per Adolfsson <per.adolfsson@regionvasterbotten.se>",
            to=[hs],
            subject="SV: Förfrågan om sakkunniga och RG – uppdatering FMB depression",
            body=(
                "Hej Hanna,\nNPO Psykisk hälsa nominerar Sara Lindgren, psykiater, Umeå, och "
                "David Okafor, distriktsläkare, Skellefteå. Till RG föreslår vi Nadia Haddad, "
                "Tomas Berglund, Helena Nyqvist och Olle Vik.\nHälsningar Per"
            ),
            sent_at=dt("2025-11-26 14:12"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="inbound nominations, English file name, date first",
    )
    p.add(
        "2025/JV/JV_Lindgren_S.pdf",
        lambda f: make_pdf(
            f,
            [
                "SOCIALSTYRELSEN",
                "Javsdeklaration for extern sakkunnig",
                "Namn: Sara Lindgren",
                "Uppdrag: sakkunnig i projektgrupp, FMB depression",
                "1. Anstallningar och uppdrag: overlakare, Region Vasterbotten",
                "2. Ekonomiska intressen i lakemedelsforetag: Nej",
                "3. Andra omstandigheter som kan paverka fortroendet for min opartiskhet: Nej",
                "Umea 2025-12-04",
                "Sara Lindgren",
            ],
            title="scan_0041",
        ),
        "coi_declaration",
        register=True,
        note="scan with OCR text, no Swedish letters",
    )
    p.add(
        "2025/JV/JV_Okafor_D.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests",
                "Name: David Okafor",
                "Assignment: expert, project group for FMB depression",
                "Employment: general practitioner, Region Västerbotten",
                "Financial interests in companies concerned: none",
                "Research funding from industry: none",
                "Other circumstances that may affect my impartiality: none",
                "Skellefteå, 5 December 2025",
                "Signature: David Okafor",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "2025/AVT/AVT_Lindgren_S_signed.pdf",
        lambda f: make_pdf(
            f,
            [
                "AVTAL OM UPPDRAG SOM SAKKUNNIG",
                "Parter: Socialstyrelsen och Sara Lindgren (uppdragstagaren)",
                "Uppdraget avser medverkan i uppdatering av FMB depression.",
                "Arvode utgår med 1 200 kr per timme mot faktura.",
                "Avtalsperiod: 2026-01-01 – 2026-09-30",
                "Ort och datum: Umeå 2025-12-10",
                "Underskrift: Sara Lindgren",
            ],
        ),
        "agreement",
        register=True,
    )
    agreement_okafor = [
        "Parter: Socialstyrelsen och David Okafor (uppdragstagaren)",
        "Uppdraget avser medverkan i uppdatering av FMB depression.",
        "Arvode utgår med 1 200 kr per timme mot faktura.",
        "Avtalsperiod: 2026-01-01 – 2026-09-30",
    ]
    p.add(
        "2025/AVT/AVT_Okafor_D.docx",
        lambda f: make_docx(
            f,
            title="Avtal om uppdrag som sakkunnig",
            paragraphs=[*agreement_okafor, "Ort och datum ____________   Underskrift ____________"],
            author="Hanna Sjögren",
        ),
        "agreement",
        draft=True,
        register=False,
        note="unsigned Word copy next to the signed PDF",
    )
    p.add(
        "2025/AVT/AVT_Okafor_D_signed.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om uppdrag som sakkunnig",
                *agreement_okafor,
                "Skellefteå 2025-12-12   David Okafor (signerat)",
            ],
            title="Microsoft Word - AVT_Okafor_D.docx",
        ),
        "agreement",
        register=True,
    )
    p.add(
        "2025/AVT/Avtalsmall sakkunnig.dotx",
        lambda f: _blank_template(
            f,
            "Avtal om uppdrag som sakkunnig",
            [
                "Parter: Socialstyrelsen och [namn] (uppdragstagaren)",
                "Uppdraget avser medverkan i [uppdrag].",
                "Arvode utgår med [belopp] kr per timme mot faktura.",
                "Ort och datum ____________   Underskrift ____________",
            ],
        ),
        "other",
        also=("agreement",),
        register=False,
        note="blank template, never filled in",
    )
    p.add(
        "2025/STATISTIKBESTÄLLNING FK MIDAS F32-F33.eml",
        lambda f: make_eml(
            f,
            sender=hs,
            to=["statistik@forsakringskassan.se"],
            subject="STATISTIKBESTÄLLNING – FMB DEPRESSION",
            body=(
                "Hej,\nSocialstyrelsen önskar uppgifter ur Midas för diagnoserna F32 och F33, "
                "2023–2025: antal startade sjukfall, antal unika fall, median, medelvärde samt "
                "25:e och 75:e percentilen för sjukfallens längd, uppdelat på kön.\n/Hanna"
            ),
            sent_at=dt("2025-11-17 09:05"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        "2026/2026-01-15 Midas F32-F33 export.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnosis", "Year", "Sex", "Started cases", "Median days", "P25", "P75"],
                ["F32", 2024, "Women", 21400, 62, 28, 141],
                ["F32", 2024, "Men", 9800, 55, 24, 128],
                ["F33", 2024, "Women", 8100, 88, 35, 190],
                ["F33", 2024, "Men", 3100, 80, 31, 176],
            ],
            sheet_title="Midas",
        ),
        "statistics",
        register=True,
        note="English column names",
    )
    p.add(
        "2026/2026-02-02 Kick-off depression.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB depression – update", "Kick-off with the experts, 2 February 2026"),
                ("The instruction", "Texts, ICF categories, recommendations; survey to RG"),
                ("Timeline", "Texts back by 6 March; survey in March; EC in September"),
            ],
            author="Hanna Sjögren",
        ),
        "presentation",
        register=False,
    )
    p.add(
        "2026/2026-02-02 Minutes kick-off.docx",
        lambda f: make_docx(
            f,
            title="Minutes – kick-off FMB depression",
            paragraphs=[
                "Present: Sara Lindgren, David Okafor, Hanna Sjögren",
                "We went through the instruction and the existing texts.",
                "Decided: the experts revise Kort om diagnosen and the ICF sections by 6 March; "
                "the recommendation on part-time sick leave is kept.",
                "Next meeting: 10 March.",
            ],
        ),
        "meeting_notes",
        register=True,
        note="English minutes with decisions",
    )
    p.add(
        "2026/2026-02-03 Templates after kick-off.eml",
        lambda f: make_eml(
            f,
            sender=hs,
            to=["sara.lindgren@regionvasterbotten.se", "david.okafor@regionvasterbotten.se"],
            subject="Mallar efter uppstartsmötet – FMB depression",
            body=(
                "Hej,\ntack för i går! Här är mallen för textförslag med de befintliga texterna "
                "och ICF-avsnitten att se över. Återkom senast 6 mars.\n/Hanna"
            ),
            sent_at=dt("2026-02-03 08:40"),
            attachments=[("Mall textförslag depression.docx", PK), ("ICF depression.docx", PK)],
        ),
        "correspondence",
        register=False,
        note="templates sent after the start-up",
    )
    p.add(
        "2026/Templates/Mall_Textförslag FMB.dotx",
        lambda f: _blank_template(
            f,
            "Textförslag FMB [diagnos]",
            [
                "Kort om diagnosen",
                "Symtom: [fyll i]",
                "Behandling: [fyll i]",
                "Prognos: [fyll i]",
                "Rekommendationer: [fyll i]",
            ],
        ),
        "other",
        also=("text_proposal",),
        register=False,
        note="the agency's blank template",
    )
    p.add(
        "2026/Templates/Mall_ICF-kategorier för expertbedömning.dotx",
        lambda f: _blank_template(
            f,
            "ICF-kategorier för expertbedömning",
            [
                "Diagnos: [fyll i]",
                "Ange för varje kategori om den är central eller kompletterande.",
                "Kroppsfunktioner: b___  Aktivitet och delaktighet: d___",
            ],
        ),
        "other",
        also=("icf_assessment",),
        register=False,
    )
    p.add(
        "2026/KD/KD_depression_v0.2.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen",
                "Symtom: nedstämdhet, minskad energi, sömnstörning.",
                "Behandling: psykologisk behandling och/eller antidepressiva läkemedel.",
            ],
            comment="Prognos saknas ännu /SL",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "2026/KD/KD_depression_v1.0.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen depression",
                "Symtom: nedstämdhet, minskad energi och intresse, sömnstörning och "
                "koncentrationssvårigheter.",
                "Behandling: psykologisk behandling, antidepressiva läkemedel eller båda.",
                "Prognos: de flesta tillfrisknar inom ett halvår; återfall är vanliga.",
            ],
            author="Sara Lindgren",
        ),
        "text_proposal",
        register=True,
        note="returned by the expert and sent out with the proposal",
    )
    p.add(
        "2026/ICF depression - expert assessment SL.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – depression",
            table=[
                ["Kategori", "Central", "Kompletterande"],
                ["b130 Energi och driftfunktioner", "x", ""],
                ["b152 Emotionella funktioner", "x", ""],
                ["d230 Genomföra daglig rutin", "", "x"],
                ["d240 Hantera stress", "x", ""],
            ],
            author="Sara Lindgren",
        ),
        "icf_assessment",
        register=True,
        note="filled in by the expert",
    )
    p.add(
        "2026/Texts/Textförslag depression till RG.docx",
        lambda f: make_docx(
            f,
            title="Textförslag och rekommendationer – depression",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "Symtom: nedstämdhet, minskad energi. Behandling: psykologisk behandling. "
                "Prognos: de flesta tillfrisknar inom ett halvår.",
                "Överväg sjukskrivning på deltid 4–8 veckor vid medelsvår depression.",
            ],
        ),
        "text_proposal",
        register=True,
        note="the proposal sent to the RG and stakeholders",
    )
    p.add(
        "2026/Texts/Remiss textförslag FK NPO.eml",
        lambda f: make_eml(
            f,
            sender=hs,
            to=["fmb@forsakringskassan.se", "npo.rehab@regionorebrolan.se"],
            subject="Remiss: textförslag FMB depression – synpunkter senast 27 mars",
            body=(
                "Hej,\nbifogat finns textförslag och rekommendationer för det uppdaterade "
                "beslutsstödet för depression. Vi tar gärna emot era synpunkter senast 27 mars.\n"
                "Vänliga hälsningar\nHanna Sjögren"
            ),
            sent_at=dt("2026-03-13 10:00"),
            attachments=[("Textförslag depression till RG.docx", PK)],
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="the proposal e-mailed to FK and NPO: official once sent",
    )
    p.add(
        "2026/RG/RG members depression.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Name", "Profession", "Region", "DoI received"],
                ["Nadia Haddad", "Psykolog", "Region Stockholm", "yes"],
                ["Tomas Berglund", "Företagsläkare", "Region Gävleborg", "yes"],
                ["Helena Nyqvist", "Arbetsterapeut", "Region Skåne", "yes"],
                ["Olle Vik", "Distriktsläkare", "Region Norrbotten", ""],
                ["Birgitta Sund", "Patient representative", "Hjärnkoll", "yes"],
            ],
            sheet_title="RG",
        ),
        "nomination_request",
        also=("other", "project_plan"),
        register=False,
        note="internal list of RG members, English",
    )
    p.add(
        "2026/RG/RE_ Declaration of interest - FMB depression.eml",
        lambda f: make_eml(
            f,
            sender="Nadia Haddad <nadia.haddad@regionstockholm.se>",
            to=[hs],
            subject="RE: Declaration of interest - FMB depression",
            body="Hi Hanna,\nhere is my signed declaration.\nKind regards\nNadia Haddad",
            sent_at=dt("2026-01-20 12:10"),
            attachments=[("DoI signed NH.pdf", PDF_STUB)],
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
        note="declaration as an attachment, English",
    )
    p.add(
        "2026/RG/SV_ Jävsdeklaration RG depression.eml",
        lambda f: make_eml(
            f,
            sender="Tomas Berglund <tomas.berglund@regiongavleborg.se>",
            to=[hs],
            subject="SV: Jävsdeklaration RG depression",
            body=(
                "Hej Hanna,\nsom svar på din fråga om jäv:\n"
                "Jag har inga anställningar eller uppdrag hos läkemedelsföretag, inga aktier i "
                "berörda företag och inga andra bindningar som kan påverka förtroendet för min "
                "opartiskhet. Jag försäkrar att uppgifterna är riktiga.\n"
                "Gävle 2026-01-22\nTomas Berglund, företagsläkare"
            ),
            sent_at=dt("2026-01-22 16:45"),
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
        note="the declaration is the body of the mail",
    )
    p.add(
        "2026/RG/JV_Nyqvist_H.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Helena Nyqvist",
                "Uppdrag: ledamot i rekommendationsgruppen, FMB depression",
                "Ekonomiska intressen: Nej. Forskningsanslag från industrin: Nej.",
                "Ort och datum: Malmö 2026-01-24",
                "Underskrift: Helena Nyqvist",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "2026/RG/JV_patientrepresentant_BS.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "coi_declaration",
        register=True,
        note="Birgitta Sund's declaration, scanned without text; abbreviation in the name",
    )
    p.add(
        "2026/RG/2026-04-07 RG meeting depression.pptx",
        lambda f: make_pptx(
            f,
            [
                ("RG meeting – FMB depression", "7 April 2026"),
                ("Survey results", "14 of 17 answered; split views on sick-leave length"),
                ("Questions for today", "Part-time sick leave 4–8 weeks?"),
            ],
            author="Hanna Sjögren",
        ),
        "presentation",
        register=False,
        note="slides from the RG meeting",
    )
    p.add(
        "2026/RG/2026-04-07 RG meeting notes.docx",
        lambda f: make_docx(
            f,
            title="Meeting notes – recommendation group 7 April",
            paragraphs=[
                "Present: Nadia Haddad, Tomas Berglund, Helena Nyqvist, Birgitta Sund, "
                "Sara Lindgren, Hanna Sjögren",
                "The group went through the survey answers on sick-leave length.",
                "Agreed: part-time sick leave 4–8 weeks for moderate depression stays; a "
                "sentence on gradual return to work is added.",
            ],
        ),
        "meeting_notes",
        register=True,
    )
    p.add(
        "2026/Survey/Survey RG depression - invitation.eml",
        lambda f: make_eml(
            f,
            sender=hs,
            to=[f"fmb-rg-depression@{STAFF}"],
            subject="Enkät till rekommendationsgruppen – FMB depression",
            body=(
                "Hej,\nhär är länken till enkäten om textförslagen för depression. Svara senast "
                "27 mars; enkäten tar ca 20 minuter.\nTack för att du deltar!\n/Hanna Sjögren"
            ),
            sent_at=dt("2026-03-13 10:15"),
        ),
        "survey",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "2026/Survey/survey_export_2026-03-30.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Completed", "Q1 Kort om diagnosen", "Q2 Sick-leave length"],
                ["R1", "2026-03-16", "Agree", "4–8 weeks too long"],
                ["R2", "2026-03-18", "Agree", "OK"],
                ["R3", "2026-03-25", "Partly", "Add gradual return"],
            ],
            sheet_title="Responses",
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "2026/Survey/JV_Haddad_N.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Nadia Haddad",
                "Uppdrag: ledamot i rekommendationsgruppen",
                "Ekonomiska intressen: Nej",
                "Stockholm 2026-01-19",
                "Underskrift: Nadia Haddad",
            ],
        ),
        "coi_declaration",
        register=True,
        note="in the wrong folder",
    )
    p.add(
        "2026/Comments/FK comments FMB depression.eml",
        lambda f: make_eml(
            f,
            sender="FK Försäkringsmedicin <fmb@forsakringskassan.se>",
            to=[hs],
            subject="SV: Remiss: textförslag FMB depression – synpunkter senast 27 mars",
            body=(
                "Hej,\nFörsäkringskassan har följande synpunkter: rekommendationen om deltid bör "
                "förtydligas för återfallsdepression.\nMed vänlig hälsning\nFörsäkringskassan"
            ),
            sent_at=dt("2026-03-26 13:30"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "2026/Comments/NPO psykisk hälsa - yttrande.pdf",
        lambda f: make_pdf(
            f,
            [
                "Yttrande över textförslag FMB depression",
                "NPO Psykisk hälsa har tagit del av förslaget och ställer sig bakom det.",
                "Vi föreslår att avsnittet om prognos kompletteras med risk för återfall.",
                "Umeå 2026-03-27, för NPO Psykisk hälsa, Per Adolfsson",
            ],
        ),
        "comments",
        register=True,
    )
    p.add(
        "2026/Comments/F32 sjukfall per region.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Region", "Antal sjukfall", "Median (dagar)"],
                ["Stockholm", 5200, 60],
                ["Västra Götaland", 4100, 63],
                ["Skåne", 3300, 58],
            ],
            sheet_title="FK",
        ),
        "statistics",
        register=True,
        note="statistics delivery filed under comments",
    )
    p.add(
        "2026/Final/FMB depression - final version.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – depression",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "Slutversion 2026-08-20",
                "Symtom: nedstämdhet, minskad energi. Prognos: återfall är vanliga.",
                "Överväg sjukskrivning på deltid 4–8 veckor vid medelsvår depression.",
            ],
        ),
        "publication",
        register=True,
    )
    p.add(
        "2026/Final/Kunskapsunderlag och metod - depression.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – depression",
            paragraphs=[
                "Metod: litteratursökning i PubMed och Cochrane; relevansbedömning av två "
                "sakkunniga. Statistik från Försäkringskassan (Midas).",
                "Referenser: 1. SBU 2025. 2. Nationella riktlinjer för depression.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "2026/Final/PM EC depression.docx",
        lambda f: make_docx(
            f,
            title="Föredragning – uppdaterat FMB depression",
            paragraphs=[
                "Förslag till beslut: enhetschefen godkänner publicering av det uppdaterade "
                "beslutsstödet för depression.",
                "Föredragande: Hanna Sjögren",
            ],
            author="Hanna Sjögren",
        ),
        "approval",
        draft=True,
        register=False,
        note="Word file next to the PDF it was signed as",
    )
    p.add(
        "2026/Final/PM EC depression.pdf",
        lambda f: make_pdf(
            f,
            [
                "Föredragning – uppdaterat FMB depression",
                "Förslag till beslut: enhetschefen godkänner publicering av det uppdaterade "
                "beslutsstödet för depression.",
                "Föredragande: Hanna Sjögren",
                "Beslutat 2026-09-02 av enhetschef Lars Ekman (elektroniskt signerad)",
            ],
            title="Microsoft Word - PM EC depression.docx",
        ),
        "approval",
        register=True,
    )
    p.add(
        "2026/Final/EC DECISION DEPRESSION.pdf",
        lambda f: make_pdf(
            f,
            [
                "BESLUT",
                "Enhetschefen beslutar att det uppdaterade beslutsstödet för depression "
                "publiceras.",
                "Dnr 4.1-20031/2025",
                "2026-09-02 Lars Ekman, enhetschef",
            ],
        ),
        "approval",
        register=True,
    )
    p.add(
        "2026/Feedback to RG depression.eml",
        lambda f: make_eml(
            f,
            sender=hs,
            to=[f"fmb-rg-depression@{STAFF}"],
            subject="Återkoppling: så har vi hanterat era synpunkter på FMB depression",
            body=(
                "Hej,\ntack för era synpunkter i enkäten och på mötet. Bifogat finns en "
                "sammanställning av hur synpunkterna har hanterats och den slutliga versionen.\n"
                "/Hanna"
            ),
            sent_at=dt("2026-09-10 09:00"),
            attachments=[("Hantering av synpunkter.pdf", PDF_STUB)],
        ),
        "correspondence",
        register=True,
        note="feedback to the RG with how comments were handled",
    )
    p.add(
        "2026/2026-10-05 Experience report.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – FMB depression",
            paragraphs=[
                "What went well: the experts kept the deadlines; the survey got 14 answers.",
                "What could be improved: book the RG meeting earlier.",
                "Ekonomisk redovisning: 96 upparbetade timmar.",
            ],
        ),
        "experience_report",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Olle Vik
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",  # update: a meeting was held
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
            "consider_comments": ["needs_confirmation"],
            "vips": ["missing"],
            "records_closure": ["missing"],
        },
        "missing_coi_for": ["Olle Vik"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project 8


def hoftartros(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "HÖFTARTROS NYTT FMB")
    jn = f"Johan Nilsson <johan.nilsson@{STAFF}>"
    experts = ["Mikael Karlsson", "Anna Sjöberg"]
    rg = ["Bodil Nygren", "Karl Lund", "Gustav Ek", "Sofia Ahmadi"]
    patient = "Rolf Persson"

    p.add(
        "0_ADMIN/1.1_PROJEKTPLAN_HÖFTARTROS.docx",
        lambda f: make_docx(
            f,
            title="PROJEKTPLAN – NYTT FMB HÖFTARTROS",
            headings=["Bakgrund", "Syfte och mål", "Projektorganisation", "Tidplan"],
            paragraphs=[
                "Socialstyrelsen tar fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "höftartros (M16). Det saknas beslutsstöd för diagnosen.",
                "Projektledare: Johan Nilsson. Två sakkunniga (ortopedi, fysioterapi).",
                "Möte med rekommendationsgruppen hålls i september. Beslut av avdelningschef (AC).",
            ],
            author="Johan Nilsson",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "0_ADMIN/1.2_TIDPLAN.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["AKTIVITET", "ANSVARIG", "START", "KLAR"],
                ["Rekrytera PG och RG", "JN", "v. 10", "v. 16"],
                ["Statistik FK/PAR", "JN", "v. 12", "v. 18"],
                ["Uppstartsmöte", "JN", "v. 21", "v. 21"],
                ["Enkät RG", "JN", "v. 33", "v. 35"],
                ["RG-möte", "JN", "v. 38", "v. 38"],
                ["AC-föredragning", "JN", "v. 48", ""],
            ],
            sheet_title="TIDPLAN",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "0_ADMIN/1.3_Instruktion 3.1.3.5 kopia.pdf",
        lambda f: make_pdf(
            f,
            [
                "Instruktion 3.1.3.5 Ta fram och publicera försäkringsmedicinskt beslutsstöd",
                "Syfte och styrning",
                "Rekrytera projektgrupp. Ta in och bedöm jävsdeklaration för samtliga sakkunniga.",
                "Inhämta synpunkter från rekommendationsgrupp och övriga intressenter.",
            ],
        ),
        "other",
        register=False,
        note="a reference copy of the instruction",
    )
    p.add(
        "0_ADMIN/Mall_Jävsdeklaration.dotx",
        lambda f: _blank_template(
            f,
            "Jävsdeklaration",
            [
                "Namn: ____________________",
                "Uppdrag: ____________________",
                "Ekonomiska intressen: Ja / Nej",
                "Ort och datum ____________   Underskrift ____________",
            ],
        ),
        "other",
        also=("coi_declaration",),
        register=False,
        note="blank template",
    )
    p.add(
        "1_PG/1.4_NOMINERING NPO RÖRELSEORGANEN.eml",
        lambda f: make_eml(
            f,
            sender=jn,
            to=["npo.rorelseorganen@regionuppsala.se"],
            subject="Förfrågan om nominering av sakkunniga – nytt FMB höftartros",
            body=(
                "Hej,\nSocialstyrelsen tar fram ett nytt beslutsstöd för höftartros och ber NPO "
                "nominera en ortoped och en fysioterapeut till projektgruppen, samt deltagare "
                "till rekommendationsgruppen.\nVänliga hälsningar\nJohan Nilsson"
            ),
            sent_at=dt("2026-03-02 11:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "1_PG/JV_ortoped_MK.pdf",
        lambda f: make_pdf(
            f,
            [
                "D E K L A R A T I O N   O M   J Ä V",
                "Namn : Mikael Karlsson",
                "Uppdrag : sakkunnig i projektgruppen, FMB höftartros",
                "Anställningar och uppdrag : överläkare ortopedi, Akademiska sjukhuset",
                "Ekonomiska intressen i berörda företag : Nej",
                "Uppsala 2026-04-02",
                "Mikael Karlsson",
            ],
            title="Scanned document",
        ),
        "coi_declaration",
        register=True,
        note="OCR: letter-spaced heading with Swedish letters",
    )
    p.add(
        "1_PG/JV_fysioterapeut_AS.docx",
        lambda f: make_docx(
            f,
            table=[
                ["Jävsdeklaration", ""],
                ["Namn", "Anna Sjöberg"],
                ["Uppdrag", "Sakkunnig, projektgrupp FMB höftartros"],
                ["Bindningar till företag", "Inga"],
                ["Andra omständigheter som kan påverka förtroendet för min opartiskhet", "Inga"],
                ["Ort och datum", "Gävle 2026-04-03"],
            ],
            author="Anna Sjöberg",
        ),
        "coi_declaration",
        register=True,
        note="the whole form is a table",
    )
    p.add(
        "1_PG/AVT_MK_underskrivet.pdf",
        lambda f: make_pdf(
            f,
            [
                "UPPDRAGSAVTAL",
                "Parter: Socialstyrelsen och Mikael Karlsson, uppdragstagare",
                "Uppdrag: sakkunnig i projektgruppen för nytt FMB höftartros",
                "Ersättning utgår med 1 250 kr per timme mot faktura.",
                "Stockholm 2026-04-10            Uppsala 2026-04-14",
                "Johan Nilsson                    Mikael Karlsson",
            ],
        ),
        "agreement",
        register=True,
    )
    p.add(
        "1_PG/AVT_AS.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "agreement",
        register=True,
        note="textless scan, only the abbreviation in the name",
    )
    p.add(
        "1_PG/scan_20260612.pdf",
        lambda f: make_pdf(
            f,
            [
                "Tillagg till uppdragsavtal",
                "Parter: Socialstyrelsen och Anna Sjoberg",
                "Avtalsperioden forlangs till 2026-12-31. Arvode enligt ursprungligt avtal.",
                "Gavle 2026-06-12   Anna Sjoberg",
            ],
            title="scan_20260612",
        ),
        "agreement",
        register=True,
        note="OCR scan of an amendment, uninformative name",
    )
    p.add(
        "2_RG/2.1 RG SAMMANSÄTTNING.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["NAMN", "PROFESSION", "REGION", "JÄV"],
                ["Bodil Nygren", "Fysioterapeut", "Region Jämtland", "inkommen"],
                ["Karl Lund", "Allmänläkare", "Region Kalmar", "inkommen"],
                ["Gustav Ek", "Ortoped", "Region Värmland", ""],
                ["Sofia Ahmadi", "Arbetsterapeut", "Region Stockholm", "inkommen"],
                ["Rolf Persson", "Patientrepresentant", "Reumatikerförbundet", "inkommen"],
            ],
            sheet_title="RG",
        ),
        "nomination_request",
        also=("other", "project_plan"),
        register=False,
        note="internal list of RG members, capitals",
    )
    p.add(
        "2_RG/2.2 Inbjudan RG-möte 2026-09-15.eml",
        lambda f: make_eml(
            f,
            sender=jn,
            to=[f"fmb-rg-hoftartros@{STAFF}"],
            subject="Kallelse: möte med rekommendationsgruppen 15 september",
            body=(
                "Hej,\nvi bokar in mötet med rekommendationsgruppen för FMB höftartros den "
                "15 september kl. 13–15 (Teams).\n/Johan"
            ),
            sent_at=dt("2026-05-04 15:00"),
        ),
        "correspondence",
        register=False,
        note="the RG meeting booked",
    )
    p.add(
        "2_RG/2.3 JV RG/JV_BN.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Bodil Nygren",
                "Uppdrag: rekommendationsgruppen, FMB höftartros",
                "Jag har inga bindningar eller ekonomiska intressen som kan påverka min "
                "opartiskhet.",
                "Östersund 2026-04-20",
                "Underskrift: Bodil Nygren",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "2_RG/2.3 JV RG/JV_patientföreträdare_RP.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "JÄVSDEKLARATION",
                "Namn: Rolf Persson",
                "Uppdrag: patientföreträdare i rekommendationsgruppen (Reumatikerförbundet)",
                "Ekonomiska intressen: Nej",
                "Andra bindningar: förbundet får bidrag från ett läkemedelsföretag",
                "Ort och datum: Lund 2026-04-22",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "2_RG/2.3 JV RG/Re_ jävsdeklaration RG höftartros.eml",
        lambda f: make_eml(
            f,
            sender="Karl Lund <karl.lund@regionkalmar.se>",
            to=[jn],
            subject="Re: jävsdeklaration RG höftartros",
            body="Hej Johan,\nbifogar min ifyllda och underskrivna jävsdeklaration.\nMvh Karl Lund",
            sent_at=dt("2026-04-23 07:50"),
            attachments=[("Jävsdeklaration_Karl_Lund_underskriven.pdf", PDF_STUB)],
        ),
        "coi_declaration",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "2_RG/2.3 JV RG/SA jäv.pdf",
        lambda f: make_pdf(
            f,
            [
                "J ä v s d e k l a r a t i o n",
                "Namn: Sofia Ahmadi",
                "Uppdrag: ledamot i rekommendationsgruppen",
                "Bindningar: inga",
                "Stockholm 2026-04-25   Sofia Ahmadi",
            ],
            title="OCR",
        ),
        "coi_declaration",
        register=True,
        note="letter-spaced heading in lower case",
    )
    p.add(
        "3_STATISTIK/3.1 BESTÄLLNING MIDAS M16.eml",
        lambda f: make_eml(
            f,
            sender=jn,
            to=["statistik@forsakringskassan.se"],
            subject="BESTÄLLNING AV STATISTIK UR MIDAS – M16 HÖFTARTROS",
            body=(
                "Hej,\nvi beställer antal sjukfall och sjukfallens längd (median, 25:e och 75:e "
                "percentilen) för M16, 2023–2025, uppdelat på kön.\n/Johan Nilsson"
            ),
            sent_at=dt("2026-03-16 10:00"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        "3_STATISTIK/3.2 LEVERANS FK M16.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["DIAGNOS", "ÅR", "KÖN", "ANTAL SJUKFALL", "MEDIAN", "P25", "P75"],
                ["M16", 2024, "Kvinnor", 3900, 74, 35, 120],
                ["M16", 2024, "Män", 2800, 69, 32, 112],
            ],
            sheet_title="M16",
        ),
        "statistics",
        register=True,
    )
    p.add(
        "3_STATISTIK/3.3 PAR slutenvård höftartros.pdf",
        lambda f: make_pdf(
            f,
            [
                "Uttag ur patientregistret (PAR)",
                "Antal vårdtillfällen med huvuddiagnos M16, 2022–2024",
                "2022: 17 420   2023: 18 110   2024: 18 760",
                "Källa: Socialstyrelsen, patientregistret",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "4_TEXTER/4.1_KD_HÖFTARTROS_UTKAST.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen",
                "Symtom: smärta i ljumsken vid belastning, stelhet.",
                "Behandling: [fyll i]",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "4_TEXTER/4.2_Textförslag_höftartros_till_RG.docx",
        lambda f: make_docx(
            f,
            title="Textförslag och preliminära rekommendationer – höftartros",
            paragraphs=[
                "Symtom: smärta i ljumsken vid belastning, stelhet. Behandling: träning, "
                "smärtlindring, vid behov höftprotes. Prognos: långsamt fortskridande.",
                "Överväg sjukskrivning på heltid 6–12 veckor efter höftprotesoperation.",
            ],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "4_TEXTER/4.3_ICF_CORESET_ARTROS_MK.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för bedömning av sakkunnig – höftartros",
            table=[
                ["Kategori", "Central", "Kompletterande"],
                ["b280 Smärta", "x", ""],
                ["b710 Funktioner i lederna", "x", ""],
                ["d450 Gå", "x", ""],
                ["d850 Lönearbete", "", "x"],
            ],
            author="Mikael Karlsson",
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "4_TEXTER/4.4 UPPSTARTSMÖTE PG.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Nytt FMB höftartros", "Uppstartsmöte med projektgruppen 2026-05-20"),
                ("Arbetsgång", "Textförslag, ICF-kategorier, rekommendationer"),
            ],
            author="Johan Nilsson",
        ),
        "presentation",
        register=False,
        note="slide deck filed with the texts",
    )
    p.add(
        "4_TEXTER/MA uppstartsmöte 2026-05-20.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "MA uppstartsmöte FMB höftartros 2026-05-20",
                "Närvarande: Mikael Karlsson, Anna Sjöberg, Johan Nilsson",
                "Beslut: sakkunniga skickar textförslag och ICF-bedömning senast 26 juni.",
                "Mallarna skickas ut efter mötet.",
            ],
        ),
        "meeting_notes",
        register=True,
    )
    p.add(
        "4_TEXTER/Mallar till PG.eml",
        lambda f: make_eml(
            f,
            sender=jn,
            to=["mikael.karlsson@akademiska.se", "anna.sjoberg@regiongavleborg.se"],
            subject="Mallar efter uppstartsmötet",
            body="Hej,\nhär kommer mall för textförslag och ICF-kategorier.\n/Johan",
            sent_at=dt("2026-05-21 09:00"),
            attachments=[("Mall_Textförslag FMB.docx", PK), ("Mall_ICF-kategorier.docx", PK)],
        ),
        "correspondence",
        register=False,
    )
    p.add(
        "5_ENKÄT/5.1 Enkät RG höftartros - missiv.docx",
        lambda f: make_docx(
            f,
            title="Enkät till rekommendationsgruppen – missiv",
            paragraphs=[
                "Du är inbjuden att besvara en webbenkät om textförslagen till det nya "
                "beslutsstödet för höftartros.",
                "Svara senast den 28 augusti. Enkäten tar ca 20 minuter.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "5_ENKÄT/5.2 ENKÄTSVAR EXPORT 2026-08-30.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["SVARS-ID", "SLUTFÖRD", "FRÅGA 1", "FRÅGA 2", "FRITEXT"],
                ["1001", "2026-08-17", "Instämmer", "Instämmer", ""],
                ["1002", "2026-08-20", "Instämmer delvis", "Instämmer", "För lång tid"],
                ["1003", "2026-08-27", "Instämmer", "Tar ej ställning", ""],
            ],
            sheet_title="EXPORT",
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "5_ENKÄT/5.3 Enkätrapport höftartros.pdf",
        lambda f: make_pdf(
            f,
            [
                "Rapport – webbenkät FMB höftartros",
                "Antal svarande: 11 av 14 (svarsfrekvens 79 %)",
                "Fråga 1: 8 instämmer, 3 instämmer delvis.",
            ],
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "6_SYNPUNKTER/6.0 Utskick textförslag FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=jn,
            to=["fmb@forsakringskassan.se", "npo.rehab@regionorebrolan.se"],
            subject="Textförslag FMB höftartros – för synpunkter",
            body=(
                "Hej,\nbifogat textförslag och preliminära rekommendationer för höftartros. "
                "Lämna gärna synpunkter senast 28 augusti.\n/Johan Nilsson"
            ),
            sent_at=dt("2026-08-12 10:00"),
            attachments=[("4.2_Textförslag_höftartros_till_RG.docx", PK)],
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="the proposal mailed to FK and NPO",
    )
    p.add(
        "6_SYNPUNKTER/6.1 FK SYNPUNKTER.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <fmb@forsakringskassan.se>",
            to=[jn],
            subject="SV: Textförslag FMB höftartros – för synpunkter",
            body=(
                "Hej,\nFK har följande synpunkter: sjukskrivningstiden efter protesoperation bör "
                "anges för arbeten med tunga lyft.\nMvh Försäkringskassan"
            ),
            sent_at=dt("2026-08-26 14:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "6_SYNPUNKTER/6.2 NPO Rehab yttrande.pdf",
        lambda f: make_pdf(
            f,
            [
                "Yttrande – nytt FMB höftartros",
                "NPO Rehabilitering, habilitering och försäkringsmedicin tillstyrker förslaget.",
                "Vi föreslår att fysioterapi före operation nämns under behandling.",
                "Örebro 2026-08-27",
            ],
        ),
        "comments",
        register=True,
    )
    p.add(
        "Dokument3.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Telefonmöte med FK 2026-06-03",
                "Deltagare: Johan Nilsson, Lisa Aho (FK)",
                "Beslut: FK levererar statistik över sjukfall för M16 i juni; projektet "
                "beställer även ett uttag ur PAR.",
            ],
        ),
        "meeting_notes",
        register=True,
        note="uninformative name; notes with a decision",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Gustav Ek
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "partial",  # new support: the RG meeting is not yet held
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
        "also_acceptable": {"recruit_project_group": ["needs_confirmation"]},
        "missing_coi_for": ["Gustav Ek"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (depression, hoftartros)


# ---------------------------------------------------------------- project 9 (written last)


def _txt(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def knee(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    """Written and labelled after every session-4 fix had landed, scored once before any
    further change (`--set session4_fresh`): one flat-ish folder, lower-case names with
    `yyyymmdd_` prefixes and `_v2_FINAL` chains, other survey tools, English and Swedish."""
    p = project(share, "fmb_knaartros_uppdatering")
    el = f"Elin Larsson <elin.larsson@{STAFF}>"
    experts = ["Petra Holmgren"]
    rg = ["Jonas Åberg", "Lisa Dahl", "Ahmed Yusuf"]
    patient = "Gun Sjöstedt"

    p.add(
        "20260112_projektplan_knaartros.docx",
        lambda f: make_docx(
            f,
            title="Projektplan: uppdatering av FMB knäartros",
            paragraphs=[
                "Uppdatering av befintligt beslutsstöd för knäartros (M17). Sjukskrivningen är "
                "okomplicerad och rutinmässig; en sakkunnig räcker.",
                "Projektledare: Elin Larsson. Beslut av enhetschef (EC).",
                "Milstolpar: enkät till RG i april, EC-beslut i september.",
            ],
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "gantt_knaartros.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Vecka 4", "Vecka 8", "Vecka 14", "Vecka 36"],
                ["Sakkunnig + jäv", "x", "", "", ""],
                ["Statistik FK", "x", "x", "", ""],
                ["Enkät RG", "", "", "x", ""],
                ["EC", "", "", "", "x"],
            ],
            sheet_title="Gantt",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "20260120_mail_npo_forfragan_sakkunnig.eml",
        lambda f: make_eml(
            f,
            sender=el,
            to=["npo.rorelseorganen@rjl.se"],
            subject="Förfrågan: sakkunnig till uppdatering av FMB knäartros",
            body=(
                "Hej!\nVi uppdaterar FMB knäartros och söker en sakkunnig (ortoped eller "
                "fysioterapeut) samt några deltagare till rekommendationsgruppen. Har ni förslag?"
                "\nElin"
            ),
            sent_at=dt("2026-01-20 09:30"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "20260202_svar_npo.eml",
        lambda f: make_eml(
            f,
            sender="NPO Rörelseorganen <npo.rorelseorganen@rjl.se>",
            to=[el],
            subject="SV: Förfrågan: sakkunnig till uppdatering av FMB knäartros",
            body=(
                "Hej Elin!\nSom sakkunnig föreslår vi Petra Holmgren, ortoped, Jönköping.\n"
                "Till rekommendationsgruppen: Jonas Åberg, allmänläkare; Lisa Dahl, "
                "fysioterapeut; Ahmed Yusuf, företagsläkare; samt Gun Sjöstedt, "
                "patientföreträdare (Reumatikerförbundet).\nHälsningar NPO"
            ),
            sent_at=dt("2026-02-02 11:00"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="inbound nominations naming the RG",
    )
    p.add(
        "intressedeklaration_petra_holmgren.pdf",
        lambda f: make_pdf(
            f,
            [
                "Intressedeklaration",
                "Namn: Petra Holmgren",
                "Uppdrag: sakkunnig, FMB knäartros",
                "Bindningar till läkemedels- eller medicinteknikföretag: Inga",
                "Ort och datum: Jönköping 2026-02-03",
                "Underskrift: Petra Holmgren",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "uppdragsbekraftelse_holmgren.eml",
        lambda f: make_eml(
            f,
            sender=el,
            to=["petra.holmgren@rjl.se"],
            subject="Uppdragsbekräftelse – sakkunnig FMB knäartros",
            body=(
                "Hej Petra,\nhärmed bekräftar vi uppdraget som sakkunnig i uppdateringen av FMB "
                "knäartros, februari–september 2026. Arvode utgår med 1 100 kr per timme mot "
                "faktura enligt ramavtal.\nVänliga hälsningar\nElin Larsson"
            ),
            sent_at=dt("2026-02-05 14:00"),
        ),
        "agreement",
        also=("correspondence",),
        register=True,
        note="the agreement is a confirmation by e-mail",
    )
    p.add(
        "20260126_bestallning_statistik_fk.docx",
        lambda f: make_docx(
            f,
            title="Beställning av statistik ur Midas – knäartros (M17)",
            paragraphs=[
                "Socialstyrelsen begär uppgifter om antal startade sjukfall och sjukfallens längd "
                "(median, 25:e och 75:e percentilen) för M17, 2024–2025, uppdelat på kön.",
                "Dnr 4.1-2207/2026",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "statistik_inera_korta_sjukfall.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "Sjukfall < 15 dagar", "Median dagar"],
                ["M17", 2140, 8],
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "jav_rg/JD_Aberg.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Jonas Åberg",
                "Uppdrag: ledamot i rekommendationsgruppen",
                "Ekonomiska intressen: Nej",
                "Växjö 2026-02-20",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "jav_rg/intressedeklaration dahl.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Intressedeklaration för rekommendationsgruppen",
                "Namn: Lisa Dahl",
                "Anställning: distriktsfysioterapeut, Region Kalmar län",
                "Bindningar: inga",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "jav_rg/sjostedt_patientforening.pdf",
        lambda f: make_pdf(
            f,
            [
                "DEKLARATION AV INTRESSEN",
                "Namn: Gun Sjöstedt",
                "Uppdrag: patientföreträdare (Reumatikerförbundet) i rekommendationsgruppen",
                "Andra bindningar: förbundet får bidrag från läkemedelsindustrin",
                "Lund 2026-02-22   Gun Sjöstedt",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "20260302_ma_uppstart.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Minnesanteckningar uppstartsmöte FMB knäartros 2026-03-02",
                "Närvarande: Petra Holmgren, Elin Larsson",
                "Vi gick igenom instruktionen och de befintliga texterna. Mallen för textförslag "
                "skickas efter mötet.",
            ],
        ),
        "meeting_notes",
        register=False,
        note="notes without decisions",
    )
    p.add(
        "textforslag_knaartros_v2.docx",
        lambda f: make_docx(
            f,
            title="Textförslag – knäartros",
            paragraphs=[
                "Symtom: smärta vid belastning, stelhet efter vila. Behandling: träning och "
                "viktnedgång, vid behov protes. Prognos: långsamt förlopp.",
                "Överväg sjukskrivning på deltid 2–4 veckor vid tungt arbete.",
            ],
            comment="Ska vi skriva om protes här? /PH",
        ),
        "text_proposal",
        draft=True,
        register=False,
        note="a comment still in it",
    )
    p.add(
        "textforslag_knaartros_v2_FINAL.docx",
        lambda f: make_docx(
            f,
            title="Textförslag – knäartros",
            paragraphs=[
                "Symtom: smärta vid belastning, stelhet efter vila. Behandling: träning och "
                "viktnedgång, vid behov protes. Prognos: långsamt förlopp.",
                "Överväg sjukskrivning på deltid 2–4 veckor vid tungt arbete.",
            ],
        ),
        "text_proposal",
        register=True,
        note="the version sent to the RG",
    )
    p.add(
        "icf_bedomning_PH.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Benämning", "Central/kompletterande"],
                ["b280", "Smärtförnimmelse", "central"],
                ["b710", "Funktioner i lederna", "central"],
                ["d450", "Gå", "central"],
                ["d850", "Lönearbete", "kompletterande"],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "20260414_utskick_enkat_rg.eml",
        lambda f: make_eml(
            f,
            sender=el,
            to=[f"fmb-rg-knaartros@{STAFF}"],
            subject="Webbenkät: textförslag FMB knäartros",
            body=(
                "Hej,\nvälkommen att besvara enkäten om textförslagen för knäartros via länken "
                "nedan. Svara senast 28 april.\nElin Larsson"
            ),
            sent_at=dt("2026-04-14 08:00"),
        ),
        "survey",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "20260414_remiss_fk_npo.eml",
        lambda f: make_eml(
            f,
            sender=el,
            to=["fmb@forsakringskassan.se", "npo.rehab@regionorebrolan.se"],
            subject="För synpunkter: textförslag FMB knäartros",
            body="Hej,\nbifogat textförslag för knäartros. Synpunkter senast 28 april.\nElin",
            sent_at=dt("2026-04-14 08:10"),
            attachments=[("textforslag_knaartros_v2_FINAL.docx", PK)],
        ),
        "correspondence",
        also=("comments",),
        register=True,
    )
    p.add(
        "Netigate rapport knäartros.pdf",
        lambda f: make_pdf(
            f,
            [
                "Netigate – rapport",
                "FMB knäartros, rekommendationsgruppen",
                "Respondenter: 4 av 4 (100 %)",
                "Fråga 1 Instämmer du i rekommendationen? Ja: 3  Delvis: 1",
            ],
        ),
        "survey_response",
        register=True,
        note="another survey tool",
    )
    p.add(
        "svar_fk_knaartros.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <fmb@forsakringskassan.se>",
            to=[el],
            subject="SV: För synpunkter: textförslag FMB knäartros",
            body="Hej,\nFK har inga invändningar men föreslår att deltid förtydligas.\nMvh FK",
            sent_at=dt("2026-04-27 10:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "FMB knäartros slutversion.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – knäartros",
            paragraphs=["Slutversion 2026-08-28", "Överväg sjukskrivning på deltid 2–4 veckor."],
        ),
        "publication",
        register=True,
    )
    p.add(
        "methods and evidence summary knee OA.docx",
        lambda f: make_docx(
            f,
            title="Knowledge basis and method description – knee osteoarthritis",
            paragraphs=[
                "Literature search in PubMed and Cochrane, inclusion criteria: systematic reviews "
                "2015–2025. Statistics from Försäkringskassan (Midas) and Inera.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "beslut_EC_knaartros.docx",
        lambda f: make_docx(
            f,
            title="Beslut – publicering av uppdaterat FMB knäartros",
            paragraphs=["Enhetschefen beslutar att det uppdaterade beslutsstödet publiceras."],
        ),
        "approval",
        draft=True,
        register=False,
        note="Word file beside the signed PDF",
    )
    p.add(
        "beslut_EC_knaartros_signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslut – publicering av uppdaterat FMB knäartros",
                "Enhetschefen beslutar att det uppdaterade beslutsstödet publiceras.",
                "2026-09-04 Maria Ström, enhetschef (elektroniskt signerad)",
            ],
        ),
        "approval",
        register=True,
    )
    p.add(
        "att göra.txt",
        lambda f: _txt(f, "- boka RG-möte?\n- ring FK om statistiken\n- skicka mall till Petra\n"),
        "other",
        register=False,
        note="a to-do list",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",  # one expert, sick leave uncomplicated
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Ahmed Yusuf
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "partial",  # no sign that the templates were sent afterwards
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "needs_confirmation",  # update: meeting only if needed
        "revise": "partial",  # final version, no feedback to the RG, no record of handling
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
            "recruit_project_group": ["needs_confirmation"],
            "startup_meeting": ["complete"],
            "consider_comments": ["complete"],
            "vips": ["missing"],
        },
        "missing_coi_for": ["Ahmed Yusuf"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


FRESH = (knee,)
