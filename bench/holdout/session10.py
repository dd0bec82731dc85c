"""The session-10 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 10, helper accuracy) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session10`). Each file's label
also names the step it evidences (`step`, a canonical id of DOMAIN.md). Habits:

- folders named by step number, not by step name: `01` ... `13` in one project,
  `Steg 1` ... `Steg 16` in another, a mix (`02 Rekrytering`, `03`, `Steg 4`,
  `05-06 Texter`, `Mejl`) in the third;
- file names in capitals with underscores and version or status suffixes
  (`PROJEKTPLAN_BIPOLÄR_v2`, `BESLUTSSTÖD_BIPOLÄR_slutlig_v3_GRANSKAD`,
  `..._v4_TILL_REMISS`, `..._v1.0_FASTSTÄLLD`, `_scan`), `Gamla versioner/<date>/` and
  `Gamla versioner <date>/` folders holding the older versions;
- documents exported from the e-diarium: the diarienummer first in the name
  (`2.4-20815_2026 Avtal om ersättning Lina Forsgren.pdf`) and a cover page
  ("Utskrift från diariet", case, document type, registered) before the document;
- declarations filled in as Word forms with content controls (`w:sdt`; labels in the
  text, values in the controls, some still showing the placeholder text) or as PDF
  forms (values only in form fields);
- agreements and declarations as scanned PDFs with a tiny, poor OCR text layer
  (`Avta1 om ers@ttninq`, `Sida 1 (2)`);
- meeting notes as .txt or .md, an experience report as .md;
- survey exports and statistics with an information sheet first and the data on the
  second sheet;
- Outlook .msg files whose real content is an attached PDF ("Se bifogad fil.");
- English-language contributions from experts and societies.

Labelling choices as in the earlier sets: a textless (or nearly textless) scan is
labelled with what it is; a Word file beside the signed PDF of the same document is
the working copy (draft, not registered); older versions are drafts; the version sent
out for comment is registered; material mailed to FK/NPO and feedback to the RG are
registered correspondence; a mail carrying documents is classed by what it carries; a
record of how comments were handled is `comments`; an expert's texts received are
`text_proposal` (official on arrival); an e-diarium export is the document it carries.

Projects:
- `BIPOLÄR_SJUKDOM_NYTT_FMB` — new support, approved by AC, not evaluated; Amir Rahimi
  (RG) has no declaration.
- `FMB Celiaki - uppdatering 2026` — update with one expert (uncomplicated sick leave),
  approved by EC and evaluated; every declaration is there.
- `ATOPISKT EKSEM nytt beslutsstöd` — new support stopped while the survey is out;
  Klara Westin (expert) has an agreement and no declaration; the patient
  representative's declaration is only in a mail's attachment.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo, for tests.msg_builder
from tests.msg_builder import make_msg  # aspose-email-foss, a dev dependency

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"
PLACEHOLDER = "Klicka eller tryck här för att ange text."


def _people(experts: list[str], rg: list[str], patient: str | None) -> list[dict[str, Any]]:
    out = [{"name": n, "roles": ["expert"]} for n in experts]
    out += [{"name": n, "roles": ["rg_member"]} for n in rg]
    if patient:
        out.append({"name": patient, "roles": ["patient_representative", "rg_member"]})
    return out


def _txt(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _latin(line: str) -> str:
    return line.replace("–", "-").encode("latin-1", "replace").decode("latin-1")


def _pages(path: Path, pages: list[list[str]], title: str | None = None) -> Path:
    """A PDF with a text layer, one list of lines per page."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, _latin(line), new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _cover(dnr: str, kind: str, title: str, registered: str, party: str) -> list[str]:
    """The cover page the e-diarium prints before an exported document."""
    return [
        "Socialstyrelsen",
        "Utskrift från diariet",
        f"Diarienummer: {dnr}",
        "Ärende: Försäkringsmedicinskt beslutsstöd",
        f"Handlingstyp: {kind}",
        f"Handlingens rubrik: {title}",
        f"Registrerad: {registered}",
        f"Avsändare/mottagare: {party}",
        "Sekretess: Nej",
        "Utskriven av: registrator",
    ]


def _exported(path: Path, cover: list[str], body: list[str]) -> Path:
    return _pages(path, [cover, body])


def _noise(seed: int) -> bytes:
    rng = random.Random(seed)
    page = Image.frombytes("L", (300, 420), bytes(rng.randrange(200, 256) for _ in range(126000)))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=60)
    return buffer.getvalue()


def _ocr_scan(path: Path, seed: int, words: list[str]) -> Path:
    """A scanned page with a tiny, poor OCR text layer (invisible text over the image)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(_noise(seed)), x=0, y=0, w=210)
    pdf.set_font("helvetica", size=9)
    pdf.text_mode = TextMode.INVISIBLE
    for n, word in enumerate(words):
        pdf.text(20, 30 + n * 40, _latin(word))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _pdf_bytes(lines: list[str]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_pdf(Path(tmp) / "a.pdf", lines).read_bytes()


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_xlsx(Path(tmp) / "a.xlsx", rows).read_bytes()


def _control(tag: str, value: str | None) -> Any:
    """A run-level content control (w:sdt) with `value`, or its placeholder text."""
    sdt = OxmlElement("w:sdt")
    props = OxmlElement("w:sdtPr")
    for name in ("w:alias", "w:tag"):
        element = OxmlElement(name)
        element.set(qn("w:val"), tag)
        props.append(element)
    if value is None:
        props.append(OxmlElement("w:showingPlcHdr"))
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = value if value is not None else PLACEHOLDER
    run.append(text)
    content.append(run)
    sdt.append(props)
    sdt.append(content)
    return sdt


def _form_docx(
    path: Path,
    heading: str,
    intro: list[str],
    fields: list[tuple[str, str | None]],
    signature: list[str],
    template_title: str = "",
) -> Path:
    """A Word form: labels in the text, each value in a content control; the signature
    block is a block-level content control."""
    document = docx.Document()
    document.core_properties.title = template_title
    document.core_properties.author = "Socialstyrelsen"
    document.add_paragraph(heading, style="Title")
    for line in intro:
        document.add_paragraph(line)
    for label, value in fields:
        paragraph = document.add_paragraph(f"{label}: ")
        paragraph._p.append(_control(label.lower().replace(" ", "_")[:20], value))
    block = OxmlElement("w:sdt")
    block.append(OxmlElement("w:sdtPr"))
    content = OxmlElement("w:sdtContent")
    for line in signature:
        paragraph = document.add_paragraph(line)
        content.append(paragraph._p)  # moved from the body into the control
    block.append(content)
    body = document.element.body
    body.insert(len(body) - 1, block)  # before the section properties
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


_COI_INTRO = [
    "Socialstyrelsen – deklaration av jäv och intressen",
    "Fyll i formuläret. Deklarationen ska lämnas innan du deltar i arbetet.",
]


def _coi_fields(name: str, role: str, employer: str, interests: str | None) -> list[Any]:
    return [
        ("Namn", name),
        ("Roll i projektet", role),
        ("Nuvarande anställning", employer),
        ("Ekonomiska intressen i företag inom området", interests),
        ("Uppdrag för läkemedelsindustrin de senaste tre åren", "Nej"),
        ("Andra omständigheter som kan påverka förtroendet för din opartiskhet", None),
    ]


def _coi_lines(name: str, role: str, date: str, place: str) -> list[str]:
    return [
        "Jävsdeklaration",
        f"Namn: {name}",
        f"Roll: {role}",
        "Anställningar och uppdrag de senaste tre åren: Region, specialistläkare",
        "Ekonomiska intressen i företag inom området: Nej",
        "Andra förhållanden som kan påverka förtroendet för min opartiskhet: Nej",
        f"{place} {date}",
        f"Underskrift: {name}",
    ]


def _agreement_lines(name: str, fee: str, signed: str | None) -> list[str]:
    lines = [
        "Avtal om ersättning för sakkunnig",
        f"Parter: Socialstyrelsen och {name}",
        "Uppdrag: medverka som sakkunnig i projektgruppen för försäkringsmedicinskt beslutsstöd.",
        f"Ersättning: {fee} per timme mot faktura, högst 40 timmar.",
        "Den sakkunniga har lämnat en jävsdeklaration och ska anmäla ändrade förhållanden.",
    ]
    if signed:
        lines += [f"Stockholm {signed}", "Enhetschef, Socialstyrelsen", name]
    return lines


def _msg(
    path: Path,
    sender: tuple[str, str],
    to: list[tuple[str, str]],
    subject: str,
    body: str,
    at: Any,
    attachments: tuple[tuple[str, bytes], ...] = (),
) -> Path:
    return make_msg(
        path,
        sender_name=sender[0],
        sender_email=sender[1],
        to=to,
        subject=subject,
        body=body,
        sent_at=at,
        attachments=attachments,
    )


# ---------------------------------------------------------------- project A


def bipolar(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "BIPOLÄR_SJUKDOM_NYTT_FMB")
    lead = ("Maria Lindqvist", f"maria.lindqvist@{STAFF}")
    experts = ["Henrik Ålund", "Sofia Marklund"]
    rg = ["Petra Grahn", "Nils Ekdahl", "Amir Rahimi"]
    patient = "Birgitta Sjöholm"
    plan = [
        "Bakgrund: det saknas ett försäkringsmedicinskt beslutsstöd för bipolär sjukdom "
        "(F31). Ett nytt beslutsstöd tas fram enligt instruktion 3.1.3.5.",
        "Projektorganisation: projektledare Maria Lindqvist, två sakkunniga (psykiatri) "
        "via NPO Psykisk hälsa, rekommendationsgrupp med patientföreträdare.",
        "Tidplan: uppstart mars 2026, webbenkät i maj, RG-möte 19 maj, föredragning för AC "
        "i oktober.",
    ]

    def add(rel: str, build: Any, cls: str, step: str, **kw: Any) -> None:
        p.add(rel, build, cls, **kw)
        p.files[-1]["step"] = step

    add(
        "01/PROJEKTPLAN_BIPOLÄR_v2.docx",
        lambda f: make_docx(
            f,
            title="PROJEKTPLAN – FMB BIPOLÄR SJUKDOM",
            paragraphs=[*plan, "Version 2"],
            headings=["Bakgrund", "Organisation", "Tidplan"],
            author="Maria Lindqvist",
        ),
        "project_plan",
        "plan",
        register=False,
    )
    add(
        "01/Gamla versioner/2026-01-15/PROJEKTPLAN_BIPOLÄR_v1.docx",
        lambda f: make_docx(
            f,
            title="PROJEKTPLAN – FMB BIPOLÄR SJUKDOM",
            paragraphs=[*plan[:2], "Version 1"],
            author="Maria Lindqvist",
        ),
        "project_plan",
        "plan",
        draft=True,
        register=False,
        note="older version in a dated Gamla versioner folder",
    )
    add(
        "01/TIDPLAN_BIPOLÄR_2026.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["AKTIVITET", "ANSVARIG", "START", "KLART"],
                ["Förfrågan NPO sakkunniga och RG", "ML", "2026-01-19", "2026-02-06"],
                ["Jäv och avtal", "ML", "2026-02-09", "2026-02-27"],
                ["Beställning Midas", "ML", "2026-02-02", "2026-02-20"],
                ["Uppstartsmöte", "ML", "2026-03-04", "2026-03-04"],
                ["Webbenkät RG", "ML", "2026-05-04", "2026-05-18"],
                ["RG-möte", "alla", "2026-05-19", "2026-05-19"],
                ["Föredragning AC", "ML", "2026-10-06", "2026-10-06"],
            ],
            sheet_title="TIDPLAN",
        ),
        "project_plan",
        "plan",
        register=False,
    )
    add(
        "02/FÖRFRÅGAN_SAKKUNNIGA_NPO_PSYKIATRI.msg",
        lambda f: _msg(
            f,
            lead,
            [("NPO Psykisk hälsa", "npo.psykiskhalsa@regionstockholm.se")],
            "Förfrågan om sakkunniga och deltagare i rekommendationsgrupp – FMB bipolär sjukdom",
            "Hej,\nSocialstyrelsen ska ta fram ett nytt försäkringsmedicinskt beslutsstöd för "
            "bipolär sjukdom. Vi ber er nominera två sakkunniga till projektgruppen och tre "
            "deltagare till rekommendationsgruppen senast den 6 februari.\n"
            "Med vänlig hälsning\nMaria Lindqvist, projektledare",
            dt("2026-01-19 09:10"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
    )
    add(
        "02/JÄVSDEKLARATION_HENRIK_ÅLUND_IFYLLD.docx",
        lambda f: _form_docx(
            f,
            "Jävsdeklaration",
            _COI_INTRO,
            _coi_fields("Henrik Ålund", "Sakkunnig", "Region Skåne, överläkare psykiatri", "Nej"),
            ["Datum: 2026-02-11", "Underskrift: Henrik Ålund"],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        note="Word form with content controls, filled in",
    )
    add(
        "02/JÄVSDEKLARATION_SOFIA_MARKLUND.docx",
        lambda f: _form_docx(
            f,
            "Jävsdeklaration",
            _COI_INTRO,
            _coi_fields("Sofia Marklund", "Sakkunnig", "Norrlands universitetssjukhus", None),
            ["Datum: 2026-02-13", "Underskrift: Sofia Marklund"],
            template_title="Mall jävsdeklaration",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        note="content-control form, two answers still showing the placeholder text",
    )
    add(
        "02/AVTAL_ÅLUND_SIGNERAT.pdf",
        lambda f: _ocr_scan(f, 101, ["AVTAL", "Sida 1 (2)"]),
        "agreement",
        "recruit_project_group",
        register=True,
        note="scanned signed agreement, OCR layer of two words",
    )
    add(
        "02/AVTAL_MARKLUND_SIGNERAT.pdf",
        lambda f: _ocr_scan(f, 102, ["Socia1styre1sen", "Avta1 om ers@ttninq", "M@rklund"]),
        "agreement",
        "recruit_project_group",
        register=True,
        note="scanned signed agreement, garbled OCR",
    )
    add(
        "02/AVTAL_MARKLUND_UTKAST_v1.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement_lines("Sofia Marklund", "1 200 kr", None)[1:],
            author="Maria Lindqvist",
        ),
        "agreement",
        "recruit_project_group",
        draft=True,
        register=False,
        note="the unsigned Word draft of the signed agreement",
    )
    add(
        "03/BESTÄLLNING_MIDAS_F31.msg",
        lambda f: _msg(
            f,
            lead,
            [("Försäkringskassan statistik", "statistik@forsakringskassan.se")],
            "Beställning av statistik ur Midas – F31 bipolär sjukdom",
            "Hej,\nSocialstyrelsen beställer uppgifter ur Midas om sjukfall med diagnos F31 "
            "2021–2025: antal sjukfall, median och kvartiler för sjukfallens längd per kön "
            "och ålder.\nMaria Lindqvist",
            dt("2026-02-02 10:00"),
        ),
        "statistics",
        "statistics",
        register=True,
    )
    add(
        "03/FK_LEVERANS_F31_2026-02-20.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Information"],
                ["Källa: Midas, Försäkringskassan"],
                ["Uttag: 2026-02-19"],
                ["Tabellerna finns på nästa flik."],
            ],
            sheet_title="Info",
            creator="Försäkringskassan",
            extra_sheets={
                "Tabell 1": [
                    ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P25", "P75"],
                    ["F31", 2024, "Kvinnor", 2210, 94, 38, 212],
                    ["F31", 2024, "Män", 1380, 88, 35, 190],
                    ["F31", 2025, "Kvinnor", 2302, 97, 40, 220],
                ]
            },
        ),
        "statistics",
        "statistics",
        register=True,
        note="information sheet first, the data on the second sheet",
    )
    for rel, name, seed in (
        ("04/JÄV_RG_PETRA_GRAHN.pdf", "Petra Grahn", 0),
        ("04/JÄV_RG_NILS_EKDAHL.pdf", "Nils Ekdahl", 1),
        ("04/JÄV_RG_BIRGITTA_SJÖHOLM_PATIENTFÖRETRÄDARE.pdf", patient, 2),
    ):
        add(
            rel,
            lambda f, name=name, seed=seed: make_pdf(
                f,
                ["Socialstyrelsen", "Deklaration av jäv och intressen", "Fyll i fälten nedan."],
                form_fields=[
                    ("Namn", name),
                    ("Roll", "Rekommendationsgrupp"),
                    ("Ekonomiska intressen", "Nej"),
                    ("Datum", f"2026-03-0{seed + 2}"),
                ],
            ),
            "coi_declaration",
            "recruit_recommendation_group",
            register=True,
            note="PDF form, the values only in form fields",
        )
    add(
        "04/KALLELSE_RG_MÖTE_2026-05-19.msg",
        lambda f: _msg(
            f,
            lead,
            [(n, f"{n.split()[0].lower()}@region.example") for n in rg],
            "Kallelse: möte med rekommendationsgruppen 19 maj",
            "Hej,\nVälkomna till möte med rekommendationsgruppen för FMB bipolär sjukdom "
            "tisdag 19 maj kl. 13–15 via Teams. Underlag skickas ut senare.\n/Maria",
            dt("2026-03-10 11:00"),
        ),
        "correspondence",
        "recruit_recommendation_group",
        register=False,
        note="meeting booked; practical arrangements",
    )
    add(
        "05/KORT_OM_DIAGNOSEN_BIPOLÄR_v1.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – bipolär sjukdom",
            paragraphs=[
                "Utkast.",
                "Bipolär sjukdom kännetecknas av återkommande episoder av depression och mani "
                "eller hypomani. Behandlingen består av stämningsstabiliserande läkemedel och "
                "psykopedagogisk behandling. Prognosen varierar.",
            ],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
    )
    add(
        "06/ICF_KATEGORIER_EXPERTBEDÖMNING_BIPOLÄR.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-KOD", "KATEGORI", "RELEVANT (JA/NEJ)", "KOMMENTAR"],
                ["b126", "Temperament och personlighetsfunktioner", "", ""],
                ["b130", "Energi- och driftfunktioner", "", ""],
                ["b152", "Emotionella funktioner", "", ""],
                ["d240", "Att hantera stress och andra psykologiska krav", "", ""],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        note="ICF template sent to the experts",
    )
    add(
        "06/Expert input ICF - Sofia Marklund.docx",
        lambda f: make_docx(
            f,
            title="Expert assessment of ICF categories – bipolar disorder",
            paragraphs=[
                "I have gone through the proposed ICF categories.",
                "b152 Emotional functions and b130 Energy and drive functions are the most "
                "relevant during episodes; d240 Handling stress is relevant for return to work.",
                "I suggest adding b144 Memory functions for patients after ECT.",
                "Sofia Marklund, 2026-03-25",
            ],
            author="Sofia Marklund",
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        register=True,
        note="English expert contribution, received",
    )
    add(
        "07/UPPSTARTSMÖTE_2026-03-04.md",
        lambda f: _txt(
            f,
            "# Uppstartsmöte FMB bipolär sjukdom 2026-03-04\n\n"
            "**Närvarande:** Maria Lindqvist, Henrik Ålund, Sofia Marklund\n\n"
            "- Instruktionen och tidplanen gicks igenom.\n"
            "- Mall för textförslag och ICF-mallen skickas till sakkunniga efter mötet.\n"
            "- Första textförslag senast 10 april.\n",
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        note="Markdown notes of the start-up meeting",
    )
    add(
        "07/UPPSTARTSMÖTE_BILDER.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstartsmöte – FMB bipolär sjukdom", "Projektgruppen 4 mars 2026"),
                ("Uppdraget", "Nytt beslutsstöd, beslut av AC"),
                ("Att göra", "Textförslag och ICF-kategorier efter mötet"),
            ],
            author="Maria Lindqvist",
        ),
        "presentation",
        "startup_meeting",
        register=False,
    )
    recs = [
        "Rekommendationer",
        "Överväg sjukskrivning på heltid under en manisk episod, i regel 4–12 veckor.",
        "Överväg deltidssjukskrivning vid återgång i arbete efter en depressiv episod.",
    ]
    add(
        "08/Gamla versioner/2026-03-30/TEXTFÖRSLAG_REKOMMENDATIONER_v1.docx",
        lambda f: make_docx(f, title="Textförslag och rekommendationer", paragraphs=recs[:2]),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
    )
    add(
        "08/TEXTFÖRSLAG_REKOMMENDATIONER_v2.docx",
        lambda f: make_docx(f, title="Textförslag och rekommendationer", paragraphs=recs),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
    )
    add(
        "08/TEXTFÖRSLAG_REKOMMENDATIONER_v4_TILL_REMISS.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag och rekommendationer – bipolär sjukdom",
                "Remissversion 2026-05-04",
                *recs,
            ],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        note="the version sent out with the survey",
    )
    add(
        "09/ENKÄT_RG_MISSIV.docx",
        lambda f: make_docx(
            f,
            title="Enkät till rekommendationsgruppen – FMB bipolär sjukdom",
            paragraphs=[
                "Missiv: Socialstyrelsen ber dig som deltagare i rekommendationsgruppen att "
                "lämna synpunkter på textförslagen senast 18 maj.",
                "Fråga 1: Är rekommendationerna rimliga?",
                "Fråga 2: Saknas något?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
    )
    add(
        "09/UNDERLAG_TILL_FK_OCH_NPO.msg",
        lambda f: _msg(
            f,
            lead,
            [
                ("Försäkringskassan", "fmb@forsakringskassan.se"),
                ("NPO Psykisk hälsa", "npo.psykiskhalsa@regionstockholm.se"),
            ],
            "Underlag för synpunkter – FMB bipolär sjukdom",
            "Hej,\nBifogat finns textförslag och rekommendationer för FMB bipolär sjukdom. "
            "Vi tar gärna emot era synpunkter senast 18 maj.\nMaria Lindqvist",
            dt("2026-05-04 09:00"),
            (("TEXTFÖRSLAG_REKOMMENDATIONER_v4_TILL_REMISS.pdf", _pdf_bytes(recs)),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal", "comments"),
        register=True,
        note="the proposal mailed to FK and NPO",
    )
    add(
        "10/ENKÄTSVAR_RG_EXPORT.xlsx",
        lambda f: make_xlsx(
            f,
            [["Om enkäten"], ["Enkät: FMB bipolär sjukdom"], ["Antal svar: 4"]],
            sheet_title="Om enkäten",
            extra_sheets={
                "Svar": [
                    ["Respondent", "Fråga 1", "Fråga 2"],
                    ["1", "Ja, rimliga", "Nej"],
                    ["2", "Delvis – längre tid vid mani", "Arbetsplatsens roll"],
                    ["3", "Ja", ""],
                ]
            },
        ),
        "survey_response",
        "consider_comments",
        register=True,
        note="survey export: information first, the answers on the second sheet",
    )
    add(
        "10/SYNPUNKTER_FK.msg",
        lambda f: _msg(
            f,
            ("Enheten för försäkringsmedicin", "fmb@forsakringskassan.se"),
            [lead],
            "FMB bipolär sjukdom",
            "Hej,\nSe bifogad fil.\nVänliga hälsningar\nFK",
            dt("2026-05-15 14:20"),
            (
                (
                    "Synpunkter FMB bipolär sjukdom.pdf",
                    _pdf_bytes(
                        [
                            "Försäkringskassans synpunkter",
                            "Rekommendation 1 bör ange när deltid räcker.",
                        ]
                    ),
                ),
            ),
        ),
        "comments",
        "consider_comments",
        register=True,
        note="FK's comments only in the attached PDF",
    )
    add(
        "10/Comments from NPO Psychiatry - expert panel.pdf",
        lambda f: make_pdf(
            f,
            [
                "Comments on the draft decision support for bipolar disorder",
                "National programme area Psychiatry, expert panel",
                "We support the recommendations. Recommendation 2 should mention graded return "
                "to work and follow-up with the occupational health service.",
                "On behalf of the panel, Lars Öhman, 2026-05-17",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        note="English comments from the NPO",
    )
    add(
        "10/RG_MÖTE_2026-05-19_ANTECKNINGAR.txt",
        lambda f: _txt(
            f,
            "MINNESANTECKNINGAR RG-MÖTE 2026-05-19\n"
            "Närvarande: Maria Lindqvist, Petra Grahn, Nils Ekdahl, Amir Rahimi, "
            "Birgitta Sjöholm, Henrik Ålund\n\n"
            "1. Enkätsvaren gicks igenom.\n"
            "2. Beslut: rekommendation 1 ändras till 4–12 veckor vid manisk episod.\n"
            "3. Beslut: arbetsplatsens roll vid återgång läggs till.\n",
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        note="RG meeting notes with decisions, plain text",
    )
    add(
        "11/SAMMANSTÄLLNING_HANTERING_AV_SYNPUNKTER.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Från", "Synpunkt", "Hantering"],
                ["FK", "Ange när deltid räcker", "Infört i rek. 2"],
                ["NPO", "Gradvis återgång", "Infört"],
                ["RG", "Längre tid vid mani", "Ändrat till 4–12 veckor"],
            ],
            sheet_title="Synpunkter",
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        note="record of how comments were handled",
    )
    add(
        "11/BESLUTSSTÖD_BIPOLÄR_slutlig_v3_GRANSKAD.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – bipolär sjukdom",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=["Slutlig version, granskad 2026-06-10.", *recs[1:]],
        ),
        "publication",
        "revise",
        also=("text_proposal",),
        register=True,
        note="the final version",
    )
    add(
        "11/ÅTERKOPPLING_TILL_RG.msg",
        lambda f: _msg(
            f,
            lead,
            [(n, f"{n.split()[0].lower()}@region.example") for n in rg],
            "Återkoppling: så hanterades era synpunkter – FMB bipolär sjukdom",
            "Hej,\nTack för era synpunkter. Rekommendation 1 har ändrats till 4–12 veckor och "
            "arbetsplatsens roll har lagts till. Slutversionen föredras för AC i oktober.\n"
            "Maria",
            dt("2026-06-12 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
        note="feedback to the RG",
    )
    add(
        "12/KUNSKAPSUNDERLAG_MED_METODBESKRIVNING_BIPOLÄR_v2.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – bipolär sjukdom",
            headings=["Metod", "Litteratursökning", "Statistik"],
            paragraphs=["Bilaga till beslutsstödet.", "Sökning i PubMed och Cochrane 2026-03."],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
    )
    add(
        "13/2.4-10377_2026 Föredragningspromemoria beslutsstöd bipolär sjukdom.pdf",
        lambda f: _exported(
            f,
            _cover(
                "2.4-10377/2026",
                "Upprättad",
                "Föredragningspromemoria",
                "2026-09-28",
                "Avdelningschef",
            ),
            [
                "Föredragningspromemoria",
                "Förslag till beslut: avdelningschefen beslutar att "
                "det nya beslutsstödet för bipolär sjukdom publiceras.",
                "Föredragande: Maria Lindqvist.",
            ],
        ),
        "approval",
        "approval",
        register=True,
        note="e-diarium export with a cover page",
    )
    add(
        "13/BESLUT_AC_BIPOLÄR_SIGNERAT.pdf",
        lambda f: _ocr_scan(f, 103, ["BESLUT", "2.4-10377/2026"]),
        "approval",
        "approval",
        register=True,
        note="scanned signed decision, OCR layer of a heading and the diarienummer",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Amir Rahimi: no declaration
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
            "startup_meeting": ["partial"],
            "vips": ["missing"],
            "records_closure": ["needs_confirmation"],
        },
        "missing_coi_for": ["Amir Rahimi"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def celiaki(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "FMB Celiaki - uppdatering 2026")
    lead = ("Jonas Berg", f"jonas.berg@{STAFF}")
    experts = ["Lina Forsgren"]
    rg = ["Oskar Nyberg", "Maja Holm"]
    patient = "Gösta Ljung"
    dnr = "2.4-20815/2026"
    texts = [
        "Överväg ingen eller kort sjukskrivning vid nydiagnostiserad celiaki; symtomen "
        "avtar i regel inom några veckor med glutenfri kost.",
        "Överväg deltidssjukskrivning vid uttalad trötthet under de första månaderna.",
    ]

    def add(rel: str, build: Any, cls: str, step: str, **kw: Any) -> None:
        p.add(rel, build, cls, **kw)
        p.files[-1]["step"] = step

    add(
        "Steg 1/Projektplan celiaki uppdatering.docx",
        lambda f: make_docx(
            f,
            title="Projektplan uppdatering FMB celiaki",
            paragraphs=[
                "Uppdatering av det försäkringsmedicinska beslutsstödet för celiaki (K90.0).",
                "En sakkunnig räcker: sjukskrivningen är okomplicerad. Beslut av EC.",
                "Tidplan: januari–juni 2026.",
            ],
            author="Jonas Berg",
        ),
        "project_plan",
        "plan",
        register=False,
    )
    add(
        "Steg 2/2.4-20815_2026 Jävsdeklaration sakkunnig Lina Forsgren.pdf",
        lambda f: _exported(
            f,
            _cover(dnr, "Inkommande", "Jävsdeklaration", "2026-01-28", "Lina Forsgren"),
            _coi_lines("Lina Forsgren", "Sakkunnig", "2026-01-26", "Linköping"),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        note="e-diarium export with a cover page",
    )
    add(
        "Steg 2/2.4-20815_2026 Avtal om ersättning Lina Forsgren.pdf",
        lambda f: _exported(
            f,
            _cover(dnr, "Upprättad", "Avtal om ersättning", "2026-02-03", "Lina Forsgren"),
            _agreement_lines("Lina Forsgren", "1 100 kr", "2026-02-02"),
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        note="e-diarium export with a cover page",
    )
    add(
        "Steg 2/Avtal Forsgren.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement_lines("Lina Forsgren", "1 100 kr", None)[1:],
            author="Jonas Berg",
        ),
        "agreement",
        "recruit_project_group",
        draft=True,
        register=False,
        note="the Word file of the registered agreement",
    )
    add(
        "Steg 3/SV_ Beställning statistik K90.0.msg",
        lambda f: _msg(
            f,
            ("Försäkringskassan statistik", "statistik@forsakringskassan.se"),
            [lead],
            "SV: Beställning statistik K90.0",
            "Hej Jonas,\nHär kommer den beställda statistiken, se bifogad fil.\n"
            "Vänliga hälsningar\nAnalysavdelningen",
            dt("2026-02-16 13:00"),
            (
                (
                    "Midas K90.0 2021-2025.xlsx",
                    _xlsx_bytes([["Diagnos", "Antal sjukfall"], ["K90.0", 412]]),
                ),
            ),
        ),
        "statistics",
        "statistics",
        register=True,
        note="FK's delivery only in the attached workbook",
    )
    add(
        "Steg 3/Statistik celiaki K90.0 FK.xlsx",
        lambda f: make_xlsx(
            f,
            [["Läs mig"], ["Data ur Midas, uttag 2026-02-13."], ["Se fliken Sjukfall."]],
            sheet_title="Läs mig",
            creator="Försäkringskassan",
            extra_sheets={
                "Sjukfall": [
                    ["Diagnos", "År", "Antal startade sjukfall", "Median (dagar)"],
                    ["K90.0", 2024, 201, 14],
                    ["K90.0", 2025, 211, 13],
                ]
            },
        ),
        "statistics",
        "statistics",
        register=True,
        note="information sheet first, the data on the second sheet",
    )
    for rel, name, role, value in (
        (
            "Steg 4/Jävsdeklaration_RG_Oskar_Nyberg.docx",
            "Oskar Nyberg",
            "Rekommendationsgrupp",
            "Nej",
        ),
        (
            "Steg 4/Jävsdeklaration_patientföreträdare_Gösta_Ljung.docx",
            patient,
            "Patientföreträdare",
            None,
        ),
    ):
        add(
            rel,
            lambda f, name=name, role=role, value=value: _form_docx(
                f,
                "Jävsdeklaration",
                _COI_INTRO,
                _coi_fields(name, role, "Region Östergötland", value),
                ["Datum: 2026-02-20", f"Underskrift: {name}"],
            ),
            "coi_declaration",
            "recruit_recommendation_group",
            register=True,
            note="Word form with content controls",
        )
    add(
        "Steg 4/Jävsdeklaration_RG_Maja_Holm.pdf",
        lambda f: _ocr_scan(f, 201, ["JÄVSDEKLARATI0N", "Namn: Maja H0lm"]),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        note="scanned paper form, tiny OCR layer",
    )
    add(
        "Steg 5/Kort om diagnosen celiaki - reviderad text.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – celiaki",
            paragraphs=[
                "Reviderad text (uppdatering), arbetsversion.",
                "Celiaki är en kronisk autoimmun sjukdom där gluten skadar tunntarmens slemhinna. "
                "Behandlingen är livslång glutenfri kost. Prognosen är god.",
            ],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
    )
    add(
        "Steg 6/ICF-texter celiaki reviderade av sakkunnig.docx",
        lambda f: make_docx(
            f,
            title="Funktionsnedsättning och aktivitetsbegränsning – celiaki",
            paragraphs=[
                "Reviderat av Lina Forsgren 2026-03-02.",
                "b130 Energi- och driftfunktioner: trötthet under de första månaderna.",
                "b525 Avföringsfunktioner: diarré vid glutenintag.",
            ],
            author="Lina Forsgren",
        ),
        "text_proposal",
        "icf_sections",
        also=("icf_assessment",),
        register=True,
        note="the expert's revised ICF texts, received",
    )
    add(
        "Steg 7/Uppstartsmöte celiaki 2026-02-10.txt",
        lambda f: _txt(
            f,
            "Uppstartsmöte FMB celiaki 10/2\n"
            "Deltagare: Jonas Berg, Lina Forsgren\n"
            "- gick igenom instruktionen och tidplanen\n"
            "- mallen för textförslag skickas efter mötet\n",
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
    )
    add(
        "Steg 8/Textförslag celiaki_v2.docx",
        lambda f: make_docx(f, title="Textförslag FMB celiaki", paragraphs=texts[:1]),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
    )
    add(
        "Steg 8/Textförslag celiaki_v5_TILL_SYNPUNKTER.docx",
        lambda f: make_docx(
            f,
            title="Textförslag och rekommendationer FMB celiaki",
            paragraphs=["Version för synpunkter 2026-04-06.", *texts],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        note="the version sent out for comments",
    )
    add(
        "Steg 9/2.4-20815_2026 Enkät till rekommendationsgrupp celiaki.pdf",
        lambda f: _exported(
            f,
            _cover(
                dnr,
                "Upprättad",
                "Enkät till rekommendationsgrupp",
                "2026-04-06",
                "Rekommendationsgruppen",
            ),
            [
                "Enkät – FMB celiaki",
                "Missiv: Du ombeds lämna synpunkter på textförslaget senast 20 april.",
                "Fråga 1: Instämmer du i rekommendationerna?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        note="e-diarium export with a cover page",
    )
    add(
        "Steg 9/Underlag för synpunkter celiaki till FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=["fmb@forsakringskassan.se", "npo.mage.tarm@regionuppsala.se"],
            subject="Underlag för synpunkter – uppdaterat FMB celiaki",
            body="Hej,\nBifogat finns det uppdaterade textförslaget för celiaki. Synpunkter "
            "senast 20 april.\nJonas Berg",
            sent_at=dt("2026-04-06 09:30"),
            attachments=(("Textförslag celiaki_v5.pdf", _pdf_bytes(texts)),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal", "comments"),
        register=True,
        note="the proposal mailed to FK and NPO",
    )
    add(
        "Steg 10/Enkätresultat celiaki.xlsx",
        lambda f: make_xlsx(
            f,
            [["Sammanfattning"], ["Svarsfrekvens 3 av 3"]],
            sheet_title="Sammanfattning",
            extra_sheets={
                "Svar": [
                    ["Svarande", "Instämmer", "Kommentar"],
                    ["1", "Ja", ""],
                    ["2", "Delvis", "Trötthet kan vara långvarig"],
                ]
            },
        ),
        "survey_response",
        "consider_comments",
        register=True,
        note="survey results, the answers on the second sheet",
    )
    add(
        "Steg 10/Feedback from the Swedish Society of Gastroenterology.docx",
        lambda f: make_docx(
            f,
            title="Feedback on the updated decision support for coeliac disease",
            paragraphs=[
                "The Swedish Society of Gastroenterology has reviewed the draft.",
                "We agree with the recommendations but suggest mentioning that fatigue may "
                "persist for several months in some patients.",
                "Kind regards, the board",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        note="English comments from a society",
    )
    add(
        "Steg 10/VB_ Synpunkter från FK.msg",
        lambda f: _msg(
            f,
            lead,
            [("Registrator", f"registrator@{STAFF}")],
            "VB: Synpunkter från FK",
            "För diarieföring i 2.4-20815/2026.\n/Jonas\n\n"
            "Från: Försäkringskassan\nSkickat: den 17 april 2026 11:02\n"
            "Ämne: Synpunkter FMB celiaki\n\nHej, se bifogad fil.",
            dt("2026-04-17 13:00"),
            (
                (
                    "Yttrande FMB celiaki.pdf",
                    _pdf_bytes(
                        ["Försäkringskassans yttrande", "Vi har inga invändningar mot förslaget."]
                    ),
                ),
            ),
        ),
        "comments",
        "consider_comments",
        register=True,
        note="FK's comments forwarded to the registrar, only in the attached PDF",
    )
    add(
        "Steg 11/Hantering av synpunkter celiaki.docx",
        lambda f: make_docx(
            f,
            title="Hantering av inkomna synpunkter – FMB celiaki",
            table=[
                ["Avsändare", "Synpunkt", "Hantering"],
                ["Svensk Gastroenterologisk Förening", "Långvarig trötthet", "Infört"],
                ["FK", "Inga invändningar", "-"],
            ],
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        note="record of how comments were handled",
    )
    add(
        "Steg 11/Gamla versioner/2026-04-02 FMB celiaki.docx",
        lambda f: make_docx(f, title="FMB celiaki", paragraphs=texts[:1]),
        "text_proposal",
        "revise",
        also=("publication",),
        draft=True,
        register=False,
        note="older version in Gamla versioner",
    )
    add(
        "Steg 11/FMB celiaki SLUTVERSION.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – celiaki",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=[*texts, "Trötthet kan kvarstå i flera månader hos vissa patienter."],
        ),
        "publication",
        "revise",
        also=("text_proposal",),
        register=True,
    )
    add(
        "Steg 12/Kunskapsunderlag_metodbeskrivning_celiaki.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – celiaki",
            paragraphs=["Metod: litteratursökning och statistik från Försäkringskassan."],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
    )
    add(
        "Steg 13/2.4-20815_2026 Beslut om publicering FMB celiaki.pdf",
        lambda f: _exported(
            f,
            _cover(dnr, "Upprättad", "Beslut", "2026-05-27", "Enhetschef"),
            [
                "Beslut",
                "Enhetschefen beslutar att det uppdaterade försäkringsmedicinska "
                "beslutsstödet för celiaki ska publiceras.",
                "Stockholm 2026-05-26",
            ],
        ),
        "approval",
        "approval",
        register=True,
        note="e-diarium export with a cover page",
    )
    add(
        "Steg 15/Erfarenhetsrapport celiaki.md",
        lambda f: _txt(
            f,
            "# Erfarenhetsrapport – uppdatering FMB celiaki\n\n"
            "## Vad gick bra\nEn sakkunnig räckte; tidplanen höll.\n\n"
            "## Vad kan förbättras\nTidigare beställning av statistik.\n",
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        note="experience report as Markdown",
    )
    add(
        "Steg 16/Diarieföringslista celiaki.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Handling", "Diarienummer", "Datum"],
                ["Jävsdeklaration sakkunnig", "2.4-20815/2026-2", "2026-01-28"],
                ["Avtal", "2.4-20815/2026-3", "2026-02-03"],
                ["Beslut", "2.4-20815/2026-9", "2026-05-27"],
            ],
            sheet_title="Lista",
        ),
        "other",
        "records_closure",
        register=False,
        note="the lead's list of what was registered",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "complete",
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "needs_confirmation",  # update: no meeting; none needed?
        "revise": "partial",  # no feedback to the RG
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
            "recruit_project_group": ["needs_confirmation"],  # one expert: a person's call
            "consider_comments": ["complete"],
            "revise": ["complete"],
            "vips": ["missing"],
            "records_closure": ["missing"],
        },
        "missing_coi_for": [],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def eksem(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "ATOPISKT EKSEM nytt beslutsstöd")
    lead = ("Sara Holmgren", f"sara.holmgren@{STAFF}")
    experts = ["Emil Strand", "Klara Westin"]
    rg = ["Ida Sundberg", "Ronja Åberg"]
    patient = "Leif Dahlgren"
    recs = [
        "Överväg sjukskrivning vid svåra skov med påverkan på sömn och handfunktion.",
        "Överväg arbetsanpassning vid exponering för irriterande ämnen.",
    ]

    def add(rel: str, build: Any, cls: str, step: str, **kw: Any) -> None:
        p.add(rel, build, cls, **kw)
        p.files[-1]["step"] = step

    add(
        "PLAN_ATOPISKT_EKSEM_v1.0_FASTSTÄLLD.docx",
        lambda f: make_docx(
            f,
            title="Projektplan nytt FMB atopiskt eksem",
            paragraphs=[
                "Nytt försäkringsmedicinskt beslutsstöd för atopiskt eksem (L20).",
                "Två sakkunniga (dermatologi, yrkesmedicin), rekommendationsgrupp med "
                "patientföreträdare. Beslut av AC.",
                "Fastställd 2026-02-01.",
            ],
            author="Sara Holmgren",
        ),
        "project_plan",
        "plan",
        register=False,
    )
    add(
        "02 Rekrytering/NOMINERING_FRÅN_NPO_HUD.msg",
        lambda f: _msg(
            f,
            ("Anna Lund", "anna.lund@regionhalland.se"),
            [lead],
            "SV: Förfrågan om sakkunniga – FMB atopiskt eksem",
            "Hej Sara,\nNPO Hud föreslår Emil Strand (dermatolog) och Klara Westin "
            "(yrkesmedicin) som sakkunniga, och Ida Sundberg och Ronja Åberg till "
            "rekommendationsgruppen. Leif Dahlgren från Astma- och Allergiförbundet kan vara "
            "patientföreträdare.\nAnna",
            dt("2026-02-12 15:40"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        note="the NPO's nominations",
    )
    add(
        "02 Rekrytering/JAV_STRAND_EMIL.pdf",
        lambda f: make_pdf(
            f,
            ["Deklaration av jäv och intressen", "Socialstyrelsen"],
            form_fields=[
                ("Namn", "Emil Strand"),
                ("Roll", "Sakkunnig"),
                ("Bindningar", "Inga"),
                ("Datum", "2026-02-20"),
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        note="PDF form, values only in form fields",
    )
    add(
        "02 Rekrytering/AVTAL_STRAND_E_scan.pdf",
        lambda f: _ocr_scan(f, 301, ["Avtal", "1(2)"]),
        "agreement",
        "recruit_project_group",
        register=True,
        note="scanned signed agreement, OCR layer of two words",
    )
    add(
        "02 Rekrytering/AVTAL_WESTIN_K_scan.pdf",
        lambda f: _ocr_scan(f, 302, ["AVTAL OM ERS ATTNING", "W estin"]),
        "agreement",
        "recruit_project_group",
        register=True,
        note="scanned signed agreement, broken OCR",
    )
    add(
        "02 Rekrytering/Avtal_Westin_K_v2_FINAL.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement_lines("Klara Westin", "1 250 kr", None)[1:],
            author="Sara Holmgren",
        ),
        "agreement",
        "recruit_project_group",
        draft=True,
        register=False,
        note="the Word file the scanned agreement was printed from",
    )
    add(
        "03/STATISTIK_L20_PAR_SOCIALSTYRELSEN.xlsx",
        lambda f: make_xlsx(
            f,
            [["Källa"], ["Patientregistret (PAR), Socialstyrelsen"], ["Data på nästa flik"]],
            sheet_title="Källa",
            extra_sheets={
                "PAR": [
                    ["Diagnos", "År", "Antal patienter i specialiserad öppenvård"],
                    ["L20", 2024, 41200],
                    ["L20", 2025, 42950],
                ]
            },
        ),
        "statistics",
        "statistics",
        register=True,
        note="PAR data on the second sheet",
    )
    add(
        "03/Beställning statistik FK L20.msg",
        lambda f: _msg(
            f,
            lead,
            [("Försäkringskassan", "statistik@forsakringskassan.se")],
            "Beställning Midas L20 atopiskt eksem",
            "Hej,\nVi beställer statistik ur Midas för diagnos L20 för åren 2021–2025: antal "
            "sjukfall och sjukfallens längd.\nSara Holmgren",
            dt("2026-02-23 08:30"),
        ),
        "statistics",
        "statistics",
        register=True,
    )
    for rel, name in (
        ("Steg 4/JAV_RG_IDA_SUNDBERG.docx", "Ida Sundberg"),
        ("Steg 4/JAV_RG_RONJA_ÅBERG.docx", "Ronja Åberg"),
    ):
        add(
            rel,
            lambda f, name=name: _form_docx(
                f,
                "JÄVSDEKLARATION",
                _COI_INTRO,
                _coi_fields(name, "Rekommendationsgrupp", "Region Halland", "Nej"),
                ["Datum: 2026-03-02", f"Underskrift: {name}"],
            ),
            "coi_declaration",
            "recruit_recommendation_group",
            register=True,
            note="Word form with content controls",
        )
    add(
        "Mejl/Jävsdeklaration bifogad - Leif Dahlgren.msg",
        lambda f: _msg(
            f,
            ("Leif Dahlgren", "leif.dahlgren@astmaoallergi.example"),
            [lead],
            "Jävsdeklaration",
            "Hej,\nSe bifogad fil.\nLeif",
            dt("2026-03-05 20:12"),
            (
                (
                    "Jävsdeklaration Leif Dahlgren.pdf",
                    _pdf_bytes(_coi_lines(patient, "Patientföreträdare", "2026-03-05", "Göteborg")),
                ),
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        also=("correspondence",),
        register=True,
        note="the patient representative's declaration only as the mail's attachment",
    )
    add(
        "05-06 Texter/KORT_OM_DIAGNOSEN_ATOPISKT_EKSEM_v2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – atopiskt eksem",
            paragraphs=[
                "Atopiskt eksem är en kronisk, kliande hudsjukdom som går i skov. Behandlingen "
                "är mjukgörande och antiinflammatoriska medel. Prognosen är oftast god.",
            ],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
    )
    add(
        "Gamla versioner 2026-03-15/KORT_OM_DIAGNOSEN_ATOPISKT_EKSEM_v1.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – atopiskt eksem",
            paragraphs=["Atopiskt eksem är en kronisk hudsjukdom."],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
    )
    add(
        "05-06 Texter/ICF_CORE_SET_EKSEM_BEDÖMNING_KW.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF", "Kategori", "Bedömning KW"],
                ["b280", "Smärtförnimmelse", "Relevant"],
                ["b134", "Sömnfunktioner", "Relevant"],
                ["d440", "Handens finmotoriska användning", "Relevant vid handeksem"],
            ],
            sheet_title="Core set",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        note="ICF core set assessed by the expert",
    )
    add(
        "05-06 Texter/Expert contribution - work capacity and prognosis (E Strand).docx",
        lambda f: make_docx(
            f,
            title="Work capacity and prognosis in atopic dermatitis",
            paragraphs=[
                "Contribution to the text proposal from Emil Strand.",
                "Most patients can keep working during flares with adjustments; sick leave is "
                "mainly needed for severe hand eczema in wet or exposed work.",
                "Prognosis: symptoms often lessen with age; occupational exposure is the main "
                "risk factor for persistent hand eczema.",
            ],
            author="Emil Strand",
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        note="English text contribution from the expert, received",
    )
    add(
        "07/Uppstartsmöte anteckningar 2026-03-12.md",
        lambda f: _txt(
            f,
            "## Uppstartsmöte 2026-03-12\n\n"
            "Närvarande: Sara Holmgren, Emil Strand, Klara Westin\n\n"
            "* Genomgång av instruktion och tidplan\n"
            "* Mall_textförslag och Mall_ICF-kategorier skickas efter mötet\n",
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
    )
    add(
        "07/UPPSTART_PRESENTATION.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstart FMB atopiskt eksem", "12 mars 2026"),
                ("Arbetet", "Textförslag, ICF-kategorier, rekommendationer"),
            ],
            author="Sara Holmgren",
        ),
        "presentation",
        "startup_meeting",
        register=False,
    )
    add(
        "Gamla versioner 2026-03-15/TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v1.docx",
        lambda f: make_docx(f, title="Textförslag och rekommendationer", paragraphs=recs[:1]),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
    )
    add(
        "08/TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v3.docx",
        lambda f: make_docx(f, title="Textförslag och rekommendationer", paragraphs=recs),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
    )
    add(
        "08/TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v4_SKICKAD_RG.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag och rekommendationer – atopiskt eksem",
                "Skickad till RG 2026-05-11",
                *recs,
            ],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        note="the version sent to the RG with the survey",
    )
    add(
        "09/ENKÄT_RG_ATOPISKT_EKSEM.pdf",
        lambda f: make_pdf(
            f,
            [
                "Webbenkät till rekommendationsgruppen – FMB atopiskt eksem",
                "Fråga 1: Är rekommendationerna tydliga?",
                "Fråga 2: Övriga synpunkter",
                "Sista svarsdag 25 maj 2026",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
    )
    add(
        "09/Missiv enkät RG.txt",
        lambda f: _txt(
            f,
            "Hej!\n\nSom deltagare i rekommendationsgruppen för försäkringsmedicinskt "
            "beslutsstöd för atopiskt eksem får du här en länk till en webbenkät. Vi vill ha "
            "dina synpunkter på textförslag och rekommendationer senast den 25 maj.\n\n"
            "Sara Holmgren, Socialstyrelsen\n",
        ),
        "survey",
        "collect_comments",
        register=True,
        note="the survey's covering letter as plain text",
    )
    add(
        "Mejl/UNDERLAG_FK_NPO_ATOPISKT_EKSEM.msg",
        lambda f: _msg(
            f,
            lead,
            [
                ("Försäkringskassan", "fmb@forsakringskassan.se"),
                ("NPO Hud", "npo.hud@regionhalland.se"),
            ],
            "Underlag för synpunkter – FMB atopiskt eksem",
            "Hej,\nSe bifogat underlag. Synpunkter senast 25 maj.\nSara",
            dt("2026-05-11 09:00"),
            (("TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v4.pdf", _pdf_bytes(recs)),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal", "comments"),
        register=True,
        note="the proposal mailed to FK and NPO",
    )
    add(
        "Mejl/SV_ Fråga om mötestid.msg",
        lambda f: _msg(
            f,
            ("Klara Westin", "klara.westin@regionhalland.se"),
            [lead],
            "SV: Fråga om mötestid",
            "Hej Sara,\nTorsdag efter lunch passar bra.\n/Klara",
            dt("2026-03-09 16:45"),
        ),
        "correspondence",
        "startup_meeting",
        register=False,
        note="practical arrangements only",
    )
    add(
        "Mejl/RE_ Comments on draft FMB atopic eczema.msg",
        lambda f: _msg(
            f,
            ("Peter Nilsson", "peter.nilsson@derm-society.example"),
            [lead],
            "RE: Comments on draft FMB atopic eczema",
            "Dear Sara,\nThank you for the draft. Our comments: recommendation 1 should "
            "mention that severe hand eczema in wet work may need longer sick leave, and "
            "occupational dermatology referral should be considered.\nBest regards,\nPeter",
            dt("2026-05-20 10:10"),
        ),
        "comments",
        "collect_comments",
        register=True,
        note="English comments received by mail",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # Klara Westin: no declaration
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no RG meeting booked
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "partial",  # comments coming in, no report, no meeting yet
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
        "also_acceptable": {
            "recruit_recommendation_group": ["complete"],
            "collect_comments": ["partial"],
            "consider_comments": ["missing"],
            "vips": ["needs_confirmation"],
        },
        "missing_coi_for": ["Klara Westin"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (bipolar, celiaki, eksem)
