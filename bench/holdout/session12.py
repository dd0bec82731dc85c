"""The session-12 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 12, helper accuracy) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session12`). Each file's label
names the step it evidences (`step`) and, where it is clear, whether it holds personal
data (`personal_data`). Habits:

- a project folder unpacked from a zip export, the project's name repeated inside it
  (`X (zip-export)/X/…`), numbered folders and files (`02_Rekrytering/2.2 Sakkunniga/`,
  `1.1 Projektplan`, `01_JD …`);
- file names that contradict their content (a `Projektplan.docx` holding the start-up
  minutes and a `Mötesanteckningar.docx` holding the plan, `Avtal <name>.pdf` holding
  the person's declaration and `Jävsdeklaration <name>.pdf` her agreement, `Enkät.xlsx`
  holding FK's statistics, `Textförslag v3.docx` holding the survey's cover letter);
- PDF/A exports from a scanner whose only words are the PDF's metadata title
  (`Document_PDFA_20260216.pdf`, `0007_PDFA.pdf`);
- declaration bundles scanned with a badly broken OCR layer (`1`/`l` for `i`/`l`, `0` for
  `O`, `q` for `g`, `a` for `ä`, words split by hyphens at line ends);
- blank declaration forms saved into the project under an ordinary name (labels with
  empty fields, `____`), one as .docx and one as .rtf;
- minutes kept in updated calendar invitations (.eml, text/calendar part) with decisions
  in them, beside an invitation that only books the meeting;
- mails forwarding a signed agreement to the registrar (`VB:`/`FW:`, .eml and .msg) and a
  forwarded statistics delivery;
- decision memos whose diarienummer is only in the page footer;
- mixed Swedish/English headings (`Bakgrund / Background`), survey exports in .xlsx
  with free-text answers.

Labelling choices as in the earlier sets: a file is labelled by its content, never by a
name that contradicts it; a blank form is no document of the matter (class `other`, the
class it is a form for also acceptable; not a draft, never registered); a scanned PDF
is labelled with what it is; a mail carrying a document is classed by what it carries;
an invitation that only books a meeting is correspondence (not registered), one that
carries minutes with decisions is the minutes (registered: they add facts); an expert's
texts received are `text_proposal` (official on arrival); material mailed to FK/NPO and
feedback to the RG are registered correspondence; the version sent out is registered.

Projects:
- `Psoriasisartrit nytt FMB (zip-export)` — new support, approved by AC, not evaluated;
  Mikael Strand (RG) has no declaration.
- `MS uppdatering 2026` — update of multiple sclerosis, approved by EC and evaluated;
  Aziz Karimi (RG) has no declaration.
- `ADHD vuxna - nytt FMB` — new support stopped after the comments came in; Oscar Lind
  (RG) has no declaration.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fpdf import FPDF

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _msg, _noise, _people, _txt
from session11 import _adder, _agreement, _calendar_eml, _coi_page, _odt, _rtf, _scanned_bundle

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


# ---------------------------------------------------------------- builders


def _pdfa_scan(path: Path, seed: int, title: str, pages: int = 1) -> Path:
    """A scanner's PDF/A export: page images only, the words only in the metadata title."""
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_creator("Canon iR-ADV C5535 PDF/A-1b")
    pdf.set_producer("Canon PDF/A")
    for n in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(_noise(seed + n)), x=0, y=0, w=210)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _pdf_bytes(lines: list[str], title: str | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_pdf(Path(tmp) / "a.pdf", lines, title=title).read_bytes()


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_xlsx(Path(tmp) / "a.xlsx", rows).read_bytes()


def _blank_coi() -> list[str]:
    return [
        "Socialstyrelsen",
        "Jävsdeklaration för externa experter",
        "Namn: ______________________________",
        "Uppdrag: ___________________________",
        "Anställning och andra uppdrag: ______________________",
        "Ekonomiska intressen i företag inom området (ja/nej): ____",
        "Uppdrag för läkemedelsindustrin de senaste tre åren (ja/nej): ____",
        "Andra omständigheter som kan påverka förtroendet för din opartiskhet: ____",
        "Ort och datum: ____________________",
        "Namnteckning: _____________________",
    ]


def _broken_ocr(lines: list[str]) -> list[str]:
    """What a bad OCR engine makes of a clean page: i->1, l->1, O->0, g->q, ä->a, å->a."""
    table = str.maketrans({"i": "1", "l": "1", "O": "0", "g": "q", "ä": "a", "å": "a", "ö": "o"})
    out = []
    for n, line in enumerate(lines):
        broken = line.translate(table)
        if n % 3 == 1 and len(broken) > 12:  # a word split at a line end
            half = len(broken) // 2
            out += [broken[:half] + "-", broken[half:]]
        else:
            out.append(broken)
    return out


def _coi_en(name: str, role: str, employer: str, place_date: str) -> list[str]:
    return [
        "Declaration of interests",
        f"Name: {name}",
        f"Role: {role}",
        f"Employment: {employer}",
        "Financial interests in companies in the field: none",
        "Assignments for the pharmaceutical industry in the last three years: none",
        "Other circumstances that could affect confidence in my impartiality: none",
        place_date,
        f"Signature: {name}",
    ]


# ---------------------------------------------------------------- project A


def psoriasisartrit(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Psoriasisartrit nytt FMB (zip-export)")
    add = _adder(p)
    root = "Psoriasisartrit nytt FMB"
    lead = ("Helena Borg", f"helena.borg@{STAFF}")
    experts = ["Ulf Brandt", "Sanna Lidén"]
    rg = ["Hanna Öhman", "Mikael Strand", "Yusuf Demir"]
    patient = "Eva-Lena Kvist"
    add(
        f"{root}/01_Planering/1.1 Projektplan PsA.docx",
        lambda f: make_docx(
            f,
            title="Projektplan / Project plan – FMB psoriasisartrit",
            headings=["Bakgrund / Background", "Mål / Objectives", "Organisation", "Tidplan"],
            paragraphs=[
                "Det finns inget försäkringsmedicinskt beslutsstöd för psoriasisartrit (L40.5). "
                "Ett nytt beslutsstöd tas fram enligt instruktion 3.1.3.5.",
                "Projektledare Helena Borg. Två sakkunniga nomineras av NPO Reumatologi; "
                "rekommendationsgrupp med patientföreträdare från Psoriasisförbundet.",
                "Uppstartsmöte i mars, webbenkät i maj, möte med rekommendationsgruppen 27 maj, "
                "föredragning för avdelningschef (AC) i oktober.",
            ],
            author="Helena Borg",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        f"{root}/01_Planering/1.2 Tid- och aktivitetsplan.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet / Activity", "Ansvarig", "Start", "Slut"],
                ["Förfrågan NPO Reumatologi", "HB", "2026-01-19", "2026-02-06"],
                ["Jäv och avtal sakkunniga", "HB", "2026-02-09", "2026-02-27"],
                ["Statistik Midas", "HB", "2026-02-09", "2026-03-06"],
                ["Uppstartsmöte", "HB", "2026-03-12", "2026-03-12"],
                ["Webbenkät RG", "HB", "2026-05-04", "2026-05-18"],
                ["RG-möte", "alla", "2026-05-27", "2026-05-27"],
                ["Föredragning AC", "HB", "2026-10-14", "2026-10-14"],
            ],
            sheet_title="Plan",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        f"{root}/02_Rekrytering/2.1 Förfrågan NPO/Förfrågan om sakkunniga - NPO Reumatologi.msg",
        lambda f: _msg(
            f,
            lead,
            [("NPO Reumatologi", "npo.reumatologi@regionuppsala.se")],
            "Förfrågan om sakkunniga och ledamöter i rekommendationsgrupp – FMB psoriasisartrit",
            "Hej!\r\nSocialstyrelsen tar fram ett nytt försäkringsmedicinskt beslutsstöd för "
            "psoriasisartrit. Vi ber NPO föreslå två sakkunniga till projektgruppen och tre "
            "ledamöter till rekommendationsgruppen. Svara senast 6 februari.\r\n"
            "Vänliga hälsningar\r\nHelena Borg, projektledare",
            dt("2026-01-19 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=False,
    )
    add(
        f"{root}/02_Rekrytering/2.1 Förfrågan NPO/SV_ Förfrågan om sakkunniga.eml",
        lambda f: make_eml(
            f,
            sender="Anders Wiik <anders.wiik@regionuppsala.se>",
            to=[f"{lead[0]} <{lead[1]}>"],
            subject="SV: Förfrågan om sakkunniga och ledamöter i rekommendationsgrupp",
            body=(
                "Hej Helena,\nNPO Reumatologi föreslår som sakkunniga Ulf Brandt (reumatolog, "
                "Akademiska sjukhuset) och Sanna Lidén (specialist i allmänmedicin, Region "
                "Gävleborg). Till rekommendationsgruppen: Hanna Öhman, Mikael Strand och Yusuf "
                "Demir. Psoriasisförbundet föreslår Eva-Lena Kvist som patientföreträdare.\n"
                "Hälsningar\nAnders Wiik, ordförande NPO Reumatologi"
            ),
            sent_at=dt("2026-02-04 15:20"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="inbound nominations",
    )
    add(
        f"{root}/02_Rekrytering/2.2 Sakkunniga/01_JD Ulf Brandt.pdf",
        lambda f: make_pdf(
            f,
            _coi_page("Ulf Brandt", "Sakkunnig", "Akademiska sjukhuset", "Uppsala 2026-02-12"),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        f"{root}/02_Rekrytering/2.2 Sakkunniga/02_JD Sanna Lidén.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration / Declaration of interests",
            table=[
                ["Namn / Name", "Sanna Lidén"],
                ["Uppdrag / Role", "Sakkunnig, FMB psoriasisartrit"],
                ["Anställning / Employment", "Region Gävleborg"],
                ["Ekonomiska intressen / Financial interests", "Nej / No"],
                ["Uppdrag för industrin / Industry assignments", "Nej / No"],
                ["Datum och underskrift / Date and signature", "2026-02-13 Sanna Lidén"],
            ],
            author="Sanna Lidén",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        f"{root}/02_Rekrytering/2.2 Sakkunniga/0007_PDFA.pdf",
        lambda f: _pdfa_scan(f, 1201, "Avtal om ersättning - sakkunnig Ulf Brandt (signerat)", 2),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="scanner's PDF/A, words only in the metadata title",
    )
    sanna_agreement = [
        "Avtal om ersättning",
        *_agreement("Sanna Lidén", "psoriasisartrit", "1 150", "2026-03-01 – 2026-11-30"),
        "Stockholm 2026-02-20   Helena Borg        Gävle 2026-02-23   Sanna Lidén",
    ]
    add(
        f"{root}/02_Rekrytering/2.2 Sakkunniga/VB_ Avtal Sanna Lidén signerat.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=[f"Registrator <registrator@{STAFF}>"],
            subject="VB: Avtal Sanna Lidén signerat",
            body=(
                "Hej! Vidarebefordrar det signerade avtalet för diarieföring i ärendet FMB "
                "psoriasisartrit.\nHelena\n\n"
                "-----Ursprungligt meddelande-----\n"
                "Från: Sanna Lidén <sanna.liden@regiongavleborg.se>\n"
                "Skickat: den 23 februari 2026 16:02\n"
                f"Till: {lead[0]} <{lead[1]}>\n"
                "Ämne: Avtal signerat\n\n"
                "Hej Helena, här kommer avtalet underskrivet. Mvh Sanna"
            ),
            sent_at=dt("2026-02-24 08:30"),
            attachments=[("Avtal Sanna Lidén signerat.pdf", _pdf_bytes(sanna_agreement))],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="the only copy of her signed agreement, forwarded to the registrar",
    )
    add(
        f"{root}/02_Rekrytering/2.3 Rekommendationsgrupp/2.3.1 Jävsdeklarationer RG inskannade.pdf",
        lambda f: _scanned_bundle(
            f,
            1210,
            [
                _broken_ocr(
                    _coi_page(
                        "Hanna Öhman",
                        "Rekommendationsgruppen",
                        "Region Västmanland",
                        "Västerås 2026-02-18",
                    )
                ),
                _broken_ocr(
                    _coi_page(
                        "Yusuf Demir",
                        "Rekommendationsgruppen",
                        "Region Örebro län",
                        "Örebro 2026-02-19",
                    )
                ),
                _broken_ocr(
                    _coi_page(
                        patient,
                        "Patientföreträdare",
                        "Psoriasisförbundet",
                        "Stockholm 2026-02-20",
                    )
                ),
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="three declarations, broken OCR; Mikael Strand's missing",
    )
    add(
        f"{root}/02_Rekrytering/2.3 Rekommendationsgrupp/2.3.4 Jävsdeklaration.docx",
        lambda f: make_docx(f, paragraphs=_blank_coi(), author="Helena Borg"),
        "other",
        "recruit_recommendation_group",
        also=("coi_declaration",),
        register=False,
        pd=False,
        note="blank form, fields empty",
    )
    add(
        f"{root}/03_Statistik/3.1 Beställning Midas.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=["statistik@forsakringskassan.se"],
            subject="Beställning av statistik – psoriasisartrit L40.5",
            body=(
                "Hej,\nVi beställer ur Midas antal sjukfall med diagnos L40.5 2023–2025, median "
                "och kvartiler för sjukfallens längd, per kön.\nHelena Borg, Socialstyrelsen"
            ),
            sent_at=dt("2026-02-09 09:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        f"{root}/03_Statistik/3.2 Leverans FK L40.5.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P25", "P75"],
                ["L40.5", 2023, "Kvinnor", 1420, 45, 14, 120],
                ["L40.5", 2023, "Män", 980, 38, 12, 101],
                ["L40.5", 2025, "Kvinnor", 1510, 47, 15, 126],
                ["L40.5", 2025, "Män", 1012, 40, 13, 104],
            ],
            sheet_title="Midas",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    brief = [
        "Psoriasisartrit är en inflammatorisk ledsjukdom som drabbar en del av personerna med "
        "psoriasis. Symtom: ledsmärta, svullnad, morgonstelhet, trötthet.",
        "Behandling: NSAID, sjukdomsmodifierande läkemedel, biologiska läkemedel, fysioterapi.",
        "Prognos: med modern behandling kan de flesta arbeta; skov förekommer.",
    ]
    add(
        f"{root}/04_Texter/4.1 Kort om diagnosen PsA v1.docx",
        lambda f: make_docx(f, title="Kort om diagnosen – psoriasisartrit", paragraphs=brief),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="older version of v2",
    )
    add(
        f"{root}/04_Texter/4.1 Kort om diagnosen PsA v2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – psoriasisartrit",
            paragraphs=[*brief, "Version 2, skickad till rekommendationsgruppen 2026-05-04."],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
        note="the version sent out",
    )
    add(
        f"{root}/04_Texter/4.2 ICF-kategorier för expertbedömning.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – psoriasisartrit",
            paragraphs=[
                "Bedöm hur ofta kategorin påverkas och beskriv typiska begränsningar.",
                "b280 Smärtförnimmelse – bedömning:",
                "b710 Funktioner för rörlighet i leder – bedömning:",
                "b130 Energi och driftfunktioner – bedömning:",
                "d850 Betalt arbete – bedömning:",
            ],
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        f"{root}/04_Texter/4.3 Textförslag med rekommendationer - sammanställt.docx",
        lambda f: make_docx(
            f,
            title="Textförslag med rekommendationer – psoriasisartrit",
            headings=["Rekommendationer / Recommendations", "Sjukskrivning / Sick leave"],
            paragraphs=[
                "Vid skov kan sjukskrivning på deltid under 2–4 veckor vara motiverad.",
                "Vid nydebuterad sjukdom med hög inflammatorisk aktivitet: sjukskrivning "
                "upp till 3 månader i väntan på behandlingseffekt.",
                "Sammanställt av projektgruppen inför webbenkäten, maj 2026.",
            ],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the compiled proposal sent with the survey",
    )
    attendees = ["ulf.brandt@akademiska.se", "sanna.liden@regiongavleborg.se"]
    add(
        f"{root}/05_Möten/5.1 Uppstartsmöte (inbjudan).eml",
        lambda f: _calendar_eml(
            f,
            lead,
            attendees,
            "Uppstartsmöte FMB psoriasisartrit",
            "2026-03-12 09:00",
            "Välkomna till uppstartsmötet för FMB psoriasisartrit. Länk till Teams-mötet nedan.",
            dt("2026-02-25 11:00"),
        ),
        "correspondence",
        "startup_meeting",
        also=("meeting_notes",),
        register=False,
        pd=False,
        note="invitation that only books the meeting",
    )
    add(
        f"{root}/05_Möten/5.2 Uppstartsmöte - anteckningar.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            attendees,
            "Uppdaterad: Uppstartsmöte FMB psoriasisartrit",
            "2026-03-12 09:00",
            "Minnesanteckningar från uppstartsmötet 12 mars.\n"
            "Närvarande: Helena Borg, Ulf Brandt, Sanna Lidén.\n"
            "Instruktion 3.1.3.5 och tidplanen gicks igenom.\n"
            "Beslutades att Sanna skriver Kort om diagnosen och Ulf ICF-avsnitten; "
            "mallarna skickas ut efter mötet.",
            dt("2026-03-12 11:30"),
            sequence=1,
        ),
        "meeting_notes",
        "startup_meeting",
        also=("correspondence",),
        register=True,
        pd=True,
        note="minutes with a decision in an updated invitation",
    )
    add(
        f"{root}/05_Möten/5.3 Presentation uppstart.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB psoriasisartrit – uppstartsmöte", "12 mars 2026"),
                ("Instruktionen", "Steg\nRoller\nTidplan"),
                ("Mallar", "Kort om diagnosen\nICF-kategorier\nRekommendationer"),
            ],
            author="Helena Borg",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        f"{root}/05_Möten/5.4 RG-möte 2026-05-27 minnesanteckningar.txt",
        lambda f: _txt(
            f,
            "Minnesanteckningar möte med rekommendationsgruppen 2026-05-27\n"
            "Närvarande: Helena Borg, Ulf Brandt, Hanna Öhman, Mikael Strand, Yusuf Demir, "
            "Eva-Lena Kvist\n\n"
            "1. Enkätsvaren gicks igenom.\n"
            "2. Beslut: rekommendationen om deltidssjukskrivning vid skov behålls; "
            "tidsangivelsen för nydebuterad sjukdom förtydligas.\n",
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        f"{root}/06_Remiss/6.1 Enkät till rekommendationsgruppen.docx",
        lambda f: make_docx(
            f,
            title="Webbenkät till rekommendationsgruppen – FMB psoriasisartrit",
            paragraphs=[
                "Missiv: Socialstyrelsen ber dig lämna synpunkter på bifogat textförslag. "
                "Svara senast 18 maj 2026 via länken.",
                "Fråga 1: Är texten Kort om diagnosen korrekt?",
                "Fråga 2: Är rekommendationerna om sjukskrivningens längd rimliga?",
                "Fråga 3: Övriga synpunkter?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        f"{root}/06_Remiss/6.2 Enkätsvar export.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Fråga 1", "Fråga 2", "Fråga 3 (fritext)"],
                [
                    "Hanna Öhman",
                    "Ja",
                    "Delvis",
                    "Tidsangivelsen för nydebuterad sjukdom är "
                    "för lång; de flesta kan arbeta deltid efter 6 veckor.",
                ],
                ["Yusuf Demir", "Ja", "Ja", "Bra text. Lägg till något om trötthet."],
                [
                    "Eva-Lena Kvist",
                    "Delvis",
                    "Ja",
                    "Patienter upplever att trötthet underskattas i bedömningen av arbetsförmåga.",
                ],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        f"{root}/06_Remiss/6.3 Synpunkter från FK.msg",
        lambda f: _msg(
            f,
            ("Karl Nordin", "karl.nordin@forsakringskassan.se"),
            [lead],
            "Synpunkter på textförslag FMB psoriasisartrit",
            "Hej,\r\nFörsäkringskassan har följande synpunkter på textförslaget: "
            "rekommendationen vid skov bör ange att deltid är förstahandsval. "
            "I övrigt inga synpunkter.\r\nKarl Nordin, försäkringsmedicinsk rådgivare",
            dt("2026-05-15 13:40"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        f"{root}/06_Remiss/6.4 Textförslag reviderat efter remiss.docx",
        lambda f: make_docx(
            f,
            title="Textförslag med rekommendationer – psoriasisartrit (reviderat)",
            paragraphs=[
                "Reviderat efter synpunkter från rekommendationsgruppen, FK och NPO, juni 2026.",
                "Vid skov är deltidssjukskrivning under 2–4 veckor förstahandsval.",
                "Vid nydebuterad sjukdom: sjukskrivning upp till 6 veckor, därefter deltid.",
            ],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
        note="the revised, final proposal",
    )
    add(
        f"{root}/07_Beslut/7.1 Kunskapsunderlag med metodbeskrivning PsA.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – psoriasisartrit",
                "Metod: litteratursökning i PubMed och Cochrane, statistik från Midas och PAR, "
                "bedömning av sakkunniga och synpunkter från rekommendationsgruppen.",
                "Resultat och referenser.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        f"{root}/07_Beslut/7.2 PM.pdf",
        lambda f: make_pdf(
            f,
            [
                "Promemoria",
                "Föredragning för avdelningschef: nytt försäkringsmedicinskt beslutsstöd för "
                "psoriasisartrit",
                "Projektgruppen har tagit fram texter och rekommendationer enligt instruktion "
                "3.1.3.5. Synpunkter har inhämtats från rekommendationsgruppen, FK och NPO.",
                "Avdelningschefen beslutar att beslutsstödet publiceras.",
                "Beslutet har fattats av avdelningschef Maria Ek efter föredragning av "
                "projektledare Helena Borg. 2026-10-14",
                "",
                "Socialstyrelsen   Dnr 2.4-44120/2026   Sida 1 (1)",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
        note="decision memo; the diarienummer only in the footer line",
    )
    add(
        f"{root}/07_Beslut/7.3 Beslutsstöd psoriasisartrit publicerad version.pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – psoriasisartrit",
                "Kort om diagnosen: psoriasisartrit är en inflammatorisk ledsjukdom.",
                "Rekommendationer: vid skov deltidssjukskrivning 2–4 veckor.",
                "Publicerad 2026-11-02.",
            ],
        ),
        "publication",
        "approval",
        register=True,
        pd=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Mikael Strand has no declaration
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
        "variant": "new",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing"],
            "records_closure": ["needs_confirmation"],
            "collect_comments": ["partial"],
            "revise": ["partial"],
        },
        "missing_coi_for": ["Mikael Strand"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def ms(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "MS uppdatering 2026")
    add = _adder(p)
    lead = ("Jonas Falk", f"jonas.falk@{STAFF}")
    experts = ["Jenny Holmström", "Olof Rydén"]
    rg = ["Camilla Berggren", "Aziz Karimi", "Therese Wall"]
    patient = "Rolf Sundin"
    add(
        "Planering/Mötesanteckningar.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering av FMB multipel skleros",
            headings=["Bakgrund / Background", "Syfte / Purpose", "Tidplan / Timeline"],
            paragraphs=[
                "Beslutsstödet för multipel skleros (G35) publicerades 2019 och ska uppdateras "
                "enligt instruktion 3.1.3.5 (uppdatering).",
                "Projektledare Jonas Falk; två sakkunniga via NPO Nervsystemets sjukdomar; "
                "rekommendationsgrupp med patientföreträdare från Neuroförbundet.",
                "Uppstart februari, webbenkät april, föredragning för enhetschef (EC) i september.",
            ],
            author="Jonas Falk",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
        note="the plan, saved under the name of minutes",
    )
    add(
        "Planering/Projektplan.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar uppstartsmöte 2026-02-12",
            paragraphs=[
                "Närvarande: Jonas Falk, Jenny Holmström, Olof Rydén.",
                "Uppdraget och instruktionen presenterades. Nuvarande texter gicks igenom.",
                "Beslut: Jenny reviderar Kort om diagnosen, Olof ICF-avsnitten och "
                "rekommendationerna. Mallarna skickas ut i veckan.",
            ],
            author="Jonas Falk",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="the start-up minutes, saved under the name of the plan",
    )
    add(
        "Rekrytering/Förfrågan NPO Nervsystemets sjukdomar.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=["npo.nervsystemet@regionstockholm.se"],
            subject="Förfrågan om sakkunniga och RG – uppdatering FMB multipel skleros",
            body=(
                "Hej,\nVi uppdaterar beslutsstödet för multipel skleros och ber NPO nominera "
                "två sakkunniga och tre ledamöter till rekommendationsgruppen. Vi ber om svar "
                "senast 30 januari.\nJonas Falk, Socialstyrelsen"
            ),
            sent_at=dt("2026-01-13 10:30"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=False,
    )
    add(
        "Rekrytering/Avtal Jenny Holmström.pdf",
        lambda f: make_pdf(
            f,
            _coi_page(
                "Jenny Holmström",
                "Sakkunnig",
                "Sahlgrenska universitetssjukhuset",
                "Göteborg 2026-02-02",
            ),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="her declaration, saved under the name of her agreement",
    )
    add(
        "Rekrytering/Jävsdeklaration Jenny Holmström.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om ersättning",
                *_agreement(
                    "Jenny Holmström", "multipel skleros", "1 200", "2026-02-15 – 2026-09-30"
                ),
                "Stockholm 2026-02-05 Jonas Falk      Göteborg 2026-02-06 Jenny Holmström",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="her agreement, saved under the name of her declaration",
    )
    add(
        "Rekrytering/JD Olof Rydén.docx",
        lambda f: make_docx(
            f,
            title="Declaration of interests – Jävsdeklaration",
            paragraphs=[
                "Namn / Name: Olof Rydén",
                "Uppdrag / Role: Sakkunnig (expert), FMB multipel skleros",
                "Anställning / Employment: Region Skåne, neurologiska kliniken",
                "Ekonomiska intressen / Financial interests: Nej",
                "Föreläsningsuppdrag för industrin / Paid lectures for industry: 2024, Biogen",
                "Lund 2026-02-03, Olof Rydén",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    olof_agreement = [
        "Avtal om ersättning",
        *_agreement("Olof Rydén", "multipel skleros", "1 200", "2026-02-15 – 2026-09-30"),
        "Stockholm 2026-02-05 Jonas Falk      Lund 2026-02-09 Olof Rydén",
    ]
    add(
        "Rekrytering/FW_ Avtal Olof Rydén.msg",
        lambda f: _msg(
            f,
            lead,
            [("Registrator", f"registrator@{STAFF}")],
            "FW: Avtal Olof Rydén – underskrivet",
            "Vidarebefordrar underskrivet avtal för diarieföring.\r\n/Jonas\r\n\r\n"
            "From: Olof Rydén <olof.ryden@skane.se>\r\nSent: 9 February 2026 18:10\r\n"
            "Subject: Avtal\r\n\r\nHej, bifogat finns avtalet underskrivet. /Olof",
            dt("2026-02-10 08:15"),
            attachments=(("Avtal Olof Rydén underskrivet.pdf", _pdf_bytes(olof_agreement)),),
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="the only copy of his signed agreement, forwarded to the registrar",
    )
    add(
        "Rekrytering/RG/Camilla Berggren JD.pdf",
        lambda f: make_pdf(
            f,
            _coi_page(
                "Camilla Berggren",
                "Ledamot i rekommendationsgruppen",
                "Region Jämtland Härjedalen",
                "Östersund 2026-02-16",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/RG/Therese Wall - DoI.rtf",
        lambda f: _rtf(
            f,
            _coi_en(
                "Therese Wall",
                "Member of the recommendation group",
                "Region Kalmar",
                "Kalmar, 17 February 2026",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/RG/Rolf Sundin jäv.odt",
        lambda f: _odt(
            f,
            _coi_page(
                "Rolf Sundin", "Patientföreträdare", "Neuroförbundet", "Stockholm 2026-02-18"
            )[2:],
            title="Jävsdeklaration",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/RG/Jävsdeklaration - blankett.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            table=[
                ["Namn", ""],
                ["Uppdrag", ""],
                ["Anställning", ""],
                ["Ekonomiska intressen", ""],
                ["Uppdrag för läkemedelsföretag", ""],
                ["Datum och underskrift", ""],
            ],
            author="Jonas Falk",
        ),
        "other",
        "recruit_recommendation_group",
        also=("coi_declaration",),
        register=False,
        pd=False,
        note="blank form, the value column empty",
    )
    add(
        "Statistik/Beställning statistik FK.msg",
        lambda f: _msg(
            f,
            lead,
            [("FK statistik", "statistik@forsakringskassan.se")],
            "Beställning av statistik ur Midas – multipel skleros G35",
            "Hej,\r\nVi beställer antal sjukfall med diagnos G35 2021–2025 samt median och "
            "kvartiler för sjukfallens längd.\r\nJonas Falk",
            dt("2026-02-02 14:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Statistik/Enkät.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Antal sjukfall", "Median dagar", "P25", "P75"],
                ["G35", 2021, 2210, 88, 30, 240],
                ["G35", 2023, 2175, 85, 29, 232],
                ["G35", 2025, 2090, 81, 27, 225],
            ],
            sheet_title="G35",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
        note="FK's delivery, saved under the name of a survey",
    )
    add(
        "Texter/Textförslag v3.docx",
        lambda f: make_docx(
            f,
            title="Missiv – webbenkät om uppdaterat beslutsstöd för multipel skleros",
            paragraphs=[
                "Till rekommendationsgruppen. Socialstyrelsen har uppdaterat beslutsstödet för "
                "multipel skleros och ber dig svara på enkäten om textförslaget.",
                "Svara senast 8 maj 2026. Enkäten tar cirka 20 minuter.",
                "Frågor: 1. Kort om diagnosen. 2. Rekommendationerna. 3. Övrigt.",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
        note="the survey's cover letter, saved under the name of a text version",
    )
    add(
        "Texter/Kort om diagnosen MS - reviderad.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – multipel skleros",
            paragraphs=[
                "Multipel skleros är en kronisk inflammatorisk sjukdom i centrala nervsystemet. "
                "Symtom: trötthet, synstörningar, känselbortfall, gångsvårigheter.",
                "Behandling: sjukdomsmodifierande läkemedel, rehabilitering.",
                "Prognos: varierande; många har långa perioder utan skov.",
                "Reviderad version, skickad till rekommendationsgruppen 2026-04-24.",
            ],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
    )
    add(
        "Texter/Rekommendationer MS (Recommendations) arbetsversion.docx",
        lambda f: make_docx(
            f,
            title="Rekommendationer – multipel skleros",
            headings=["Sjukskrivning / Sick leave", "Arbetsförmåga / Work capacity"],
            paragraphs=[
                "Vid skov: sjukskrivning 2–6 veckor, ofta på deltid.",
                "Vid uttalad fatigue kan deltidssjukskrivning under längre tid vara motiverad.",
            ],
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="working version",
    )
    add(
        "Texter/ICF MS uppdaterade avsnitt.docx",
        lambda f: make_docx(
            f,
            title="ICF-baserade textavsnitt – multipel skleros (uppdaterade)",
            paragraphs=[
                "b130 Energi och driftfunktioner: fatigue är vanligt och påverkar arbetsförmågan.",
                "b210 Synfunktioner: synnervsinflammation ger övergående nedsättning.",
                "d450 Att gå: gångsvårigheter vid måttlig och svår sjukdom.",
                "Reviderade av de sakkunniga mars 2026.",
            ],
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Remiss/Webbenkät svar RG.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Svarsdatum", "Roll", "Fråga 1", "Fråga 2", "Fritext"],
                [
                    "2026-04-28",
                    "Läkare",
                    "Instämmer",
                    "Instämmer delvis",
                    "Fatigue borde få större utrymme i rekommendationerna.",
                ],
                [
                    "2026-04-30",
                    "Arbetsterapeut",
                    "Instämmer",
                    "Instämmer",
                    "Bra att deltid lyfts fram.",
                ],
                [
                    "2026-05-06",
                    "Patientföreträdare",
                    "Instämmer delvis",
                    "Instämmer",
                    "Kognitiva symtom saknas i texten.",
                ],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous survey export with free-text answers",
    )
    add(
        "Remiss/Synpunkter NPO Nervsystemets sjukdomar.eml",
        lambda f: make_eml(
            f,
            sender="Petra Lund <petra.lund@regionstockholm.se>",
            to=[f"{lead[0]} <{lead[1]}>"],
            subject="Synpunkter på uppdaterat beslutsstöd MS",
            body=(
                "Hej Jonas,\nNPO har gått igenom textförslaget. Vi anser att rekommendationen "
                "vid skov bör ange 2–4 veckor i stället för 2–6. I övrigt stöder vi förslaget.\n"
                "Petra Lund, NPO Nervsystemets sjukdomar"
            ),
            sent_at=dt("2026-05-07 09:45"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Remiss/Enkätrapport MS.pdf",
        lambda f: make_pdf(
            f,
            [
                "Enkätrapport – webbenkät till rekommendationsgruppen, FMB multipel skleros",
                "Antal svar: 4 av 4.",
                "Sammanfattning: de flesta instämmer i rekommendationerna; fatigue och kognitiva "
                "symtom bör beskrivas tydligare.",
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Remiss/Sammanställning av synpunkter och hantering.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av inkomna synpunkter och hur de har hanterats",
            table=[
                ["Synpunkt", "Från", "Hantering"],
                ["Skov 2–4 veckor i stället för 2–6", "NPO", "Ändrat"],
                ["Fatigue större utrymme", "RG", "Nytt stycke om fatigue"],
                ["Kognitiva symtom saknas", "RG", "Tillagt i Kort om diagnosen"],
            ],
        ),
        "comments",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "Beslut/Föredragningspromemoria.docx",
        lambda f: make_docx(
            f,
            title="Föredragning: uppdaterat försäkringsmedicinskt beslutsstöd för multipel skleros",
            paragraphs=[
                "Projektgruppen har uppdaterat beslutsstödet enligt instruktion 3.1.3.5. "
                "Synpunkter från rekommendationsgruppen och NPO har omhändertagits.",
                "Enhetschefen beslutar att det uppdaterade beslutsstödet ska publiceras.",
                "Karin Engström, enhetschef",
            ],
            footer="Socialstyrelsen | Dnr 2.4-51877/2026 | 2026-09-16",
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
        note="the diarienummer only in the footer",
    )
    add(
        "Beslut/Kunskapsunderlag MS 2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Bilaga: Kunskapsunderlag med metodbeskrivning – multipel skleros",
                "Metod: uppdaterad litteratursökning 2019–2026, statistik från Midas.",
                "Referenser.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Slutversion/FMB MS – slutlig text för VIPS.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – multipel skleros",
            paragraphs=[
                "Slutlig version för inläggning i VIPS, fastställd 2026-09-16.",
                "Kort om diagnosen: kronisk inflammatorisk sjukdom i centrala nervsystemet.",
                "Rekommendationer: vid skov 2–4 veckor, ofta deltid.",
            ],
        ),
        "publication",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "Avslut/Erfarenhetsrapport MS.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – uppdatering FMB multipel skleros",
            paragraphs=[
                "Vad gick bra: rekryteringen via NPO gick snabbt.",
                "Vad kan förbättras: enkätsvaren kom sent; längre svarstid behövs.",
            ],
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        pd=False,
    )
    add(
        "Avslut/Återkoppling till RG.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=[
                "camilla.berggren@regionjh.se",
                "therese.wall@regionkalmar.se",
                "rolf.sundin@neuroforbundet.se",
            ],
            subject="Återkoppling: så hanterade vi era synpunkter på FMB multipel skleros",
            body=(
                "Hej,\nTack för era synpunkter. Bifogat finns sammanställningen av hur vi har "
                "hanterat dem. Beslutsstödet publiceras i oktober.\nJonas Falk"
            ),
            sent_at=dt("2026-09-20 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
        note="feedback to the RG",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Aziz Karimi has no declaration
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
        "records_closure": "needs_confirmation",
    }
    meta = {
        "folder": p.folder,
        "variant": "update",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing"],
            "records_closure": ["missing"],
            "compile_proposals": ["partial"],
            "collect_comments": ["partial"],
        },
        "missing_coi_for": ["Aziz Karimi"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def adhd(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "ADHD vuxna - nytt FMB")
    add = _adder(p)
    lead = ("Sofia Nyqvist", f"sofia.nyqvist@{STAFF}")
    experts = ["Pontus Wahl", "Leila Nasser"]
    rg = ["Kristin Ådahl", "Oscar Lind", "Marja Niemi"]
    patient = "Sten Boman"
    add(
        "Projektplan_ADHD_vuxna.odt",
        lambda f: _odt(
            f,
            [
                "Det saknas ett försäkringsmedicinskt beslutsstöd för ADHD hos vuxna (F90). Ett "
                "nytt beslutsstöd tas fram enligt instruktion 3.1.3.5.",
                "Project lead / projektledare: Sofia Nyqvist. Two experts via NPO Psykisk hälsa; "
                "recommendation group with a patient representative from Attention.",
                "Tidplan: uppstart mars 2026, webbenkät maj, RG-möte 20 maj, AC i november.",
            ],
            title="Projektplan / Project plan – ADHD hos vuxna",
            headings=("Bakgrund / Background", "Organisation", "Tidplan / Timeline"),
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Plan/Time plan - Tidplan ADHD.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Activity / Aktivitet", "Owner", "Start", "End"],
                ["Nominations NPO", "SN", "2026-01-26", "2026-02-13"],
                ["DoI + agreements", "SN", "2026-02-16", "2026-03-06"],
                ["Statistics FK", "SN", "2026-02-16", "2026-03-13"],
                ["Kick-off", "SN", "2026-03-10", "2026-03-10"],
                ["Survey RG", "SN", "2026-05-04", "2026-05-15"],
                ["RG meeting", "all", "2026-05-20", "2026-05-20"],
            ],
            sheet_title="Plan",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Rekrytering/Nominering sakkunniga ADHD.msg",
        lambda f: _msg(
            f,
            ("Mats Öberg", "mats.oberg@regionvasterbotten.se"),
            [lead],
            "SV: Förfrågan om sakkunniga – FMB ADHD vuxna",
            "Hej Sofia,\r\nNPO Psykisk hälsa nominerar Pontus Wahl (psykiater, Region "
            "Västerbotten) och Leila Nasser (specialist i allmänmedicin, Region Stockholm) som "
            "sakkunniga, och Kristin Ådahl, Oscar Lind och Marja Niemi till "
            "rekommendationsgruppen.\r\nMats Öberg, NPO Psykisk hälsa",
            dt("2026-02-11 16:05"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="inbound nominations",
    )
    add(
        "Rekrytering/Document_PDFA_20260216.pdf",
        lambda f: _pdfa_scan(f, 1301, "Jävsdeklaration - Pontus Wahl"),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="scanner's PDF/A, words only in the metadata title",
    )
    add(
        "Rekrytering/Document_PDFA_20260218.pdf",
        lambda f: _pdfa_scan(f, 1302, "Avtal om ersättning för sakkunnig - Pontus Wahl", 2),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="scanner's PDF/A, words only in the metadata title",
    )
    add(
        "Rekrytering/Leila Nasser - declaration of interests.pdf",
        lambda f: make_pdf(
            f,
            _coi_en(
                "Leila Nasser",
                "Expert, decision support ADHD in adults",
                "Region Stockholm",
                "Stockholm, 17 February 2026",
            ),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/Leila Nasser - avtal.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning",
            paragraphs=[
                *_agreement("Leila Nasser", "ADHD hos vuxna", "1 150", "2026-03-01 – 2026-12-31"),
                "Signerat digitalt med BankID 2026-02-20 av Sofia Nyqvist och Leila Nasser.",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/RG/Skannade JD RG (OCR).pdf",
        lambda f: _scanned_bundle(
            f,
            1310,
            [
                _broken_ocr(
                    _coi_page(
                        "Kristin Ådahl",
                        "Rekommendationsgruppen",
                        "Region Värmland",
                        "Karlstad 2026-03-02",
                    )
                ),
                _broken_ocr(
                    _coi_page(
                        "Marja Niemi",
                        "Rekommendationsgruppen",
                        "Region Norrbotten",
                        "Luleå 2026-03-03",
                    )
                ),
                _broken_ocr(
                    _coi_page(
                        patient,
                        "Patientföreträdare",
                        "Riksförbundet Attention",
                        "Stockholm 2026-03-04",
                    )
                ),
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="three declarations, broken OCR; Oscar Lind's missing",
    )
    add(
        "Rekrytering/RG/JD ADHD.rtf",
        lambda f: _rtf(f, _blank_coi()),
        "other",
        "recruit_recommendation_group",
        also=("coi_declaration",),
        register=False,
        pd=False,
        note="blank form in RTF",
    )
    add(
        "Rekrytering/RG/Möte rekommendationsgruppen 20 maj.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            [
                "kristin.adahl@regionvarmland.se",
                "oscar.lind@regionhalland.se",
                "marja.niemi@norrbotten.se",
                "sten.boman@attention.se",
            ],
            "Möte rekommendationsgruppen FMB ADHD vuxna",
            "2026-05-20 13:00",
            "Hej! Här är inbjudan till mötet med rekommendationsgruppen den 20 maj. "
            "Dagordning kommer senare.",
            dt("2026-03-16 09:00"),
        ),
        "correspondence",
        "recruit_recommendation_group",
        also=("meeting_notes",),
        register=False,
        pd=False,
        note="invitation that only books the meeting",
    )
    stats = [
        ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P25", "P75"],
        ["F90", 2024, "Kvinnor", 5210, 62, 21, 170],
        ["F90", 2024, "Män", 3340, 55, 19, 150],
        ["F90", 2025, "Kvinnor", 5580, 64, 22, 176],
    ]
    add(
        "Statistik/Fwd_ Statistikleverans ADHD F90.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=[f"Registrator <registrator@{STAFF}>"],
            subject="Fwd: Statistikleverans F90 från Försäkringskassan",
            body=(
                "För diarieföring.\n/Sofia\n\n---------- Forwarded message ---------\n"
                "From: FK Statistik <statistik@forsakringskassan.se>\n"
                "Subject: Statistikleverans F90\n\n"
                "Hej, bifogat finns beställd statistik ur Midas för F90 2024–2025.\n"
                "Försäkringskassan, Analys och prognos"
            ),
            sent_at=dt("2026-03-09 08:20"),
            attachments=[("Midas F90 2024-2025.xlsx", _xlsx_bytes(stats))],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Statistik/PAR diagnoser F90 vuxna.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Källa: patientregistret (PAR)", "", ""],
                ["Åldersgrupp", "Antal patienter med F90 2025", "Andel kvinnor"],
                ["18-29", 41200, "52 %"],
                ["30-49", 38900, "55 %"],
                ["50-64", 9100, "57 %"],
            ],
            sheet_title="PAR",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    brief = [
        "ADHD hos vuxna innebär svårigheter med uppmärksamhet, impulsivitet och "
        "överaktivitet som påverkar vardag och arbete.",
        "Behandling: läkemedel, psykoedukation, anpassningar i arbetet.",
        "Prognos: god med behandling; samsjuklighet försämrar prognosen.",
    ]
    add(
        "Texter/Kort om diagnosen - brief description ADHD.docx",
        lambda f: make_docx(
            f, title="Kort om diagnosen – ADHD hos vuxna", paragraphs=brief, header="UTKAST"
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="draft marked in the header",
    )
    add(
        "Texter/Kort om diagnosen ADHD (skickad till RG).pdf",
        lambda f: make_pdf(f, ["Kort om diagnosen – ADHD hos vuxna", *brief]),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
        note="the version sent out",
    )
    add(
        "Texter/ICF-kategorier ADHD - mall till sakkunniga.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – ADHD hos vuxna",
            paragraphs=[
                "Bedöm för varje kategori hur ofta den påverkas.",
                "b140 Uppmärksamhetsfunktioner – bedömning:",
                "b164 Högre kognitiva funktioner – bedömning:",
                "d230 Att genomföra daglig rutin – bedömning:",
            ],
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        "Texter/Expertbidrag Pontus Wahl rekommendationer.txt",
        lambda f: _txt(
            f,
            "Förslag till rekommendationer (Pontus Wahl, 2026-04-06)\n\n"
            "Sjukskrivning är sällan nödvändig vid välbehandlad ADHD. Vid nyinsatt behandling "
            "eller samtidig utmattning kan deltidssjukskrivning 2–8 veckor vara motiverad.\n"
            "Arbetsförmåga: anpassningar på arbetsplatsen bör prövas före sjukskrivning.\n",
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="an expert's text received",
    )
    add(
        "Texter/Sammanställt textförslag ADHD v0.3.odt",
        lambda f: _odt(
            f,
            [
                "Arbetsmaterial – får ej spridas",
                "Rekommendationer: vid nyinsatt behandling deltidssjukskrivning 2–8 veckor.",
                "Vid samtidig depression: se beslutsstöd för depression.",
            ],
            title="Textförslag med rekommendationer – ADHD hos vuxna",
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Texter/Sammanställt textförslag ADHD v1.0 till remiss.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag med rekommendationer – ADHD hos vuxna",
                "Version 1.0 för synpunkter från rekommendationsgruppen, FK och NPO.",
                "Rekommendationer: vid nyinsatt behandling deltidssjukskrivning 2–8 veckor; "
                "anpassningar på arbetsplatsen prövas först.",
            ],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
    )
    add(
        "Möten/Uppstartsmöte 2026-03-10 – minnesanteckningar.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            ["pontus.wahl@regionvasterbotten.se", "leila.nasser@regionstockholm.se"],
            "Uppdaterad: Kick-off FMB ADHD vuxna",
            "2026-03-10 14:00",
            "Minutes / minnesanteckningar från uppstartsmötet 10 mars.\n"
            "Närvarande: Sofia Nyqvist, Pontus Wahl, Leila Nasser.\n"
            "Vi enades om att Pontus skriver rekommendationerna och Leila Kort om diagnosen. "
            "ICF-mallen skickas ut i morgon.",
            dt("2026-03-10 16:30"),
            sequence=2,
        ),
        "meeting_notes",
        "startup_meeting",
        also=("correspondence",),
        register=True,
        pd=True,
        note="minutes with an agreement reached, in an updated invitation",
    )
    add(
        "Möten/Kick-off ADHD.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Kick-off – FMB ADHD hos vuxna", "10 mars 2026"),
                ("Instruktion 3.1.3.5", "Steg\nRoller\nTidplan"),
                ("Mallar till sakkunniga", "Kort om diagnosen\nICF-kategorier"),
            ],
            author="Sofia Nyqvist",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Möten/Projektgruppsmöte 2 notes.txt",
        lambda f: _txt(
            f,
            "Project group meeting 2 / Projektgruppsmöte 2 – 2026-04-14\n"
            "Present / Närvarande: Sofia Nyqvist, Pontus Wahl, Leila Nasser\n\n"
            "- Pontus presented his draft recommendations.\n"
            "- Leila will look at the text on comorbidity.\n"
            "- Next meeting in May.\n",
        ),
        "meeting_notes",
        "compile_proposals",
        register=False,
        pd=True,
        note="notes with no decision",
    )
    add(
        "Remiss/Enkät till RG - missiv och frågor.pdf",
        lambda f: make_pdf(
            f,
            [
                "Webbenkät till rekommendationsgruppen – FMB ADHD hos vuxna",
                "Missiv: vi ber dig lämna synpunkter på textförslaget. Svara senast 15 maj 2026.",
                "1. Kort om diagnosen  2. Rekommendationerna  3. Övriga synpunkter",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Remiss/Survey answers ADHD (export).xlsx",
        lambda f: make_xlsx(
            f,
            [
                [
                    "Timestamp",
                    "Name",
                    "Q1 Brief description",
                    "Q2 Recommendations",
                    "Q3 Other comments (free text)",
                ],
                [
                    "2026-05-06 10:12",
                    "Kristin Ådahl",
                    "Agree",
                    "Partly agree",
                    "2–8 veckor är ett brett intervall; ange vad som styr längden.",
                ],
                [
                    "2026-05-11 21:40",
                    "Sten Boman",
                    "Agree",
                    "Agree",
                    "Viktigt att anpassningar på arbetsplatsen nämns först.",
                ],
                [
                    "2026-05-14 08:03",
                    "Marja Niemi",
                    "Partly agree",
                    "Agree",
                    "Samsjuklighet med autism bör nämnas.",
                ],
            ],
            sheet_title="Responses",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Remiss/Utskick till FK och NPO.msg",
        lambda f: _msg(
            f,
            lead,
            [
                ("FK försäkringsmedicin", "forsakringsmedicin@forsakringskassan.se"),
                ("NPO Psykisk hälsa", "npo.psykiskhalsa@regionvasterbotten.se"),
            ],
            "Textförslag FMB ADHD vuxna för synpunkter",
            "Hej,\r\nBifogat finns textförslaget för ADHD hos vuxna. Vi ber om era synpunkter "
            "senast 15 maj.\r\nSofia Nyqvist, Socialstyrelsen",
            dt("2026-05-04 09:00"),
            attachments=(
                (
                    "Textförslag ADHD v1.0.pdf",
                    _pdf_bytes(["Textförslag med rekommendationer – ADHD hos vuxna", *brief]),
                ),
            ),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal",),
        register=True,
        pd=False,
        note="material mailed to FK and NPO",
    )
    add(
        "Remiss/RE_ Synpunkter ADHD från Attention.eml",
        lambda f: make_eml(
            f,
            sender="Sten Boman <sten.boman@attention.se>",
            to=[f"{lead[0]} <{lead[1]}>"],
            subject="RE: Textförslag FMB ADHD vuxna – synpunkter från Attention",
            body=(
                "Hej Sofia,\nRiksförbundet Attention har följande synpunkter: texten bör "
                "betona anpassningar på arbetsplatsen och att sjukskrivning på heltid sällan "
                "är bra vid ADHD.\nMed vänlig hälsning\nSten Boman"
            ),
            sent_at=dt("2026-05-13 19:30"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Remiss/Comments from the Swedish Psychiatric Association.rtf",
        lambda f: _rtf(
            f,
            [
                "Comments on the proposed decision support: ADHD in adults",
                "The Swedish Psychiatric Association welcomes the proposal. We suggest that the "
                "recommendations mention comorbid depression and anxiety, which often prolong "
                "sick leave.",
                "On behalf of the board, Dr. Erik Lönn, 12 May 2026",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Administration/Lokalbokning RG-möte.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=[f"lokalbokning@{STAFF}"],
            subject="Lokalbokning 20 maj",
            body="Hej, jag vill boka rum Rålambshov för 8 personer den 20 maj kl 13–16. /Sofia",
            sent_at=dt("2026-04-20 11:00"),
        ),
        "correspondence",
        "recruit_recommendation_group",
        register=False,
        pd=False,
        note="routine",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Oscar Lind has no declaration
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "partial",  # comments in, no RG meeting notes (new: required)
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
        "also_acceptable": {"consider_comments": ["complete"]},
        "missing_coi_for": ["Oscar Lind"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (psoriasisartrit, ms, adhd)
