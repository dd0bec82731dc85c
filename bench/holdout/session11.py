"""The session-11 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 11, helper accuracy) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session11`). Each file's label
names the step it evidences (`step`) and, where it is clear, whether it holds personal
data (`personal_data`). Habits:

- a Teams/SharePoint export: `Delade dokument/General/…`, Windows copies `… - Kopia`,
  SharePoint copies `Copy of …`, final versions in a `Publicerat/` folder;
- declarations collected as one scanned multi-page PDF (one declaration per page, an
  OCR layer of varying quality), agreements as Word files signed only with a picture
  of the signature;
- minutes kept as calendar invitations saved as .eml (text/calendar part, the notes
  in the description of an updated invitation);
- drafts marked only by Word comments, tracked changes or a watermark in the header;
- files named only by date and initials (`2026-02-10_SH.pdf`);
- a project kept in English by a contractor, with .odt and .rtf files and very long
  file names.

Labelling choices as in the earlier sets: a Word file signed with a picture of the
signature is the signed agreement (registered); a byte-identical copy beside its
original is a convenience copy (its class, not a draft, not registered); a calendar
invitation that only books a meeting is correspondence (not registered); one that
carries the minutes is the minutes; an expert's texts received are `text_proposal`
(official on arrival); a draft is never registered; the version in `Publicerat/` is
the publication.

Projects:
- `FMB Endometrios` — new support (Teams export), approved by AC, not evaluated;
  Ida Berglund (RG) has no declaration (the scanned bundle lacks her page).
- `Tinnitus uppdatering 2026` — update, every file named by date and initials,
  approved by EC and evaluated; every declaration is there.
- `Post-COVID condition FMB (contractor NordMed)` — new support kept in English by a
  contractor, stopped after the compiled proposal; Farid Amini (expert) has an
  agreement and no declaration.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import sys
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image, ImageDraw

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _latin, _noise, _people

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


# ---------------------------------------------------------------- builders


def _signature_png() -> bytes:
    image = Image.new("L", (360, 90), 255)
    draw = ImageDraw.Draw(image)
    draw.line([(10, 60), (60, 20), (90, 70), (140, 25), (200, 65), (260, 30), (340, 55)], 0, 3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _signed_docx(path: Path, title: str, lines: list[str]) -> Path:
    """An agreement whose only signature is a picture of it."""
    return make_docx(path, title=title, paragraphs=lines, images=[_signature_png()])


_WATERMARK = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
    'adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"/>'
    '<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:412pt;height:137pt;'
    'rotation:315;z-index:-251657216" fillcolor="silver" stroked="f">'
    '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" '
    'string="{text}"/></v:shape></w:pict></w:r>'
)


def _watermarked_docx(path: Path, mark: str, **kw: Any) -> Path:
    """A Word file whose only draft mark is a watermark (a VML text path in the header)."""
    make_docx(path, **kw)
    document = docx.Document(str(path))
    paragraph = document.sections[0].header.paragraphs[0]
    paragraph._p.append(parse_xml(_WATERMARK.replace("{text}", escape(mark))))
    document.save(str(path))
    return path


def _odt(
    path: Path, paragraphs: list[str], title: str = "", headings: tuple[str, ...] = ()
) -> Path:
    """An OpenDocument text (LibreOffice .odt)."""
    body = "".join(
        f'<text:h text:outline-level="1">{escape(h)}</text:h>' for h in ((title,) if title else ())
    )
    body += "".join(f'<text:h text:outline-level="2">{escape(h)}</text:h>' for h in headings)
    body += "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
        f"<dc:title>{escape(title)}</dc:title><meta:generator>LibreOffice/7.6</meta:generator>"
        "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype", (2026, 3, 1, 9, 0, 0)),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        for name, text in (
            ("content.xml", content),
            ("meta.xml", meta),
            ("META-INF/manifest.xml", manifest),
        ):
            archive.writestr(
                zipfile.ZipInfo(name, (2026, 3, 1, 9, 0, 0)), text, zipfile.ZIP_DEFLATED
            )
    return path


def _rtf_text(text: str) -> str:
    out = []
    for char in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        code = ord(char)
        if code < 128:
            out.append(char)
        elif code < 256:
            out.append(f"\\'{code:02x}")
        else:
            out.append(f"\\u{code}?")
    return "".join(out)


def _rtf(path: Path, paragraphs: list[str], title: str = "") -> Path:
    """A Rich Text Format file as WordPad or Word writes it."""
    parts = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0\\nouicompat\\deflang1053"
        "{\\fonttbl{\\f0\\fnil\\fcharset0 Calibri;}}",
        "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1",
    ]
    if title:
        parts.append(f"{{\\info{{\\title {_rtf_text(title)}}}}}")
        heading = _rtf_text(title)
        parts.append(f"\\pard\\sa200\\sl276\\slmult1\\b\\f0\\fs28 {heading}\\b0\\fs22\\par")
    for paragraph in paragraphs:
        parts.append(f"\\pard\\sa200\\sl276\\slmult1\\f0\\fs22 {_rtf_text(paragraph)}\\par")
    parts.append("}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\r\n".join(parts), encoding="ascii")
    return path


def _calendar_eml(
    path: Path,
    organizer: tuple[str, str],
    attendees: list[str],
    subject: str,
    start: str,
    description: str,
    sent_at: Any,
    *,
    sequence: int = 0,
) -> Path:
    """A meeting invitation saved from Outlook as .eml: text body plus a text/calendar part."""
    message = EmailMessage()
    message["From"] = f"{organizer[0]} <{organizer[1]}>"
    message["To"] = ", ".join(attendees)
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    digest = hashlib.sha256(f"{subject}\n{start}\n{sequence}".encode()).hexdigest()[:20]
    message["Message-ID"] = f"<{digest}-inv@example.invalid>"
    message.set_content(description)
    stamp = start.replace("-", "").replace(":", "").replace(" ", "T") + "00"
    folded = description.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    folded = folded.replace("\n", "\\n")
    ics = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
            "VERSION:2.0",
            "METHOD:REQUEST",
            "BEGIN:VEVENT",
            f"ORGANIZER;CN={organizer[0]}:mailto:{organizer[1]}",
            *[f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}" for a in attendees],
            f"DTSTART;TZID=W. Europe Standard Time:{stamp}",
            f"SUMMARY:{subject}",
            f"DESCRIPTION:{folded}",
            "LOCATION:Microsoft Teams-möte",
            f"SEQUENCE:{sequence}",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    message.add_alternative(ics, subtype="calendar", params={"method": "REQUEST"})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(message))
    return path


def _scanned_bundle(path: Path, seed: int, pages: list[list[str]]) -> Path:
    """One scanned multi-page PDF, an OCR layer (invisible text) on each page."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=9)
    for n, words in enumerate(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(_noise(seed + n)), x=0, y=0, w=210)
        pdf.text_mode = TextMode.INVISIBLE
        for k, word in enumerate(words):
            pdf.text(20, 30 + k * 14, _latin(word))
        pdf.text_mode = TextMode.FILL
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def _copy_of(original: Path) -> Any:
    def build(target: Path) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, target)
        return target

    return build


def _adder(p: Project) -> Any:
    def add(
        rel: str, build: Any, cls: str, step: str, *, pd: bool | None = None, **kw: Any
    ) -> Path:
        p.add(rel, build, cls, **kw)
        p.files[-1]["step"] = step
        if pd is not None:
            p.files[-1]["personal_data"] = pd
        return p.root / rel

    return add


def _coi_page(name: str, role: str, employer: str, place_date: str) -> list[str]:
    return [
        "Socialstyrelsen",
        "Jävsdeklaration",
        f"Namn: {name}",
        f"Uppdrag: {role}",
        f"Anställning: {employer}",
        "Ekonomiska intressen i företag inom området: Nej",
        "Uppdrag för läkemedelsindustrin de senaste tre åren: Nej",
        "Andra omständigheter som kan påverka förtroendet för min opartiskhet: Nej",
        place_date,
        f"Namnteckning: {name}",
    ]


def _agreement(name: str, subject: str, fee: str, period: str) -> list[str]:
    return [
        "mellan Socialstyrelsen (beställaren) och",
        f"{name} (uppdragstagaren)",
        f"Uppdrag: medverka som sakkunnig i projektgruppen för försäkringsmedicinskt "
        f"beslutsstöd för {subject}.",
        f"Ersättning: {fee} kronor per timme, högst 40 timmar, mot faktura.",
        f"Avtalsperiod: {period}.",
        "Uppdragstagaren har lämnat en jävsdeklaration och anmäler ändrade förhållanden.",
        "För Socialstyrelsen                    Uppdragstagaren",
    ]


# ---------------------------------------------------------------- project A


def endometrios(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "FMB Endometrios")
    add = _adder(p)
    lead = ("Karin Sjöberg", f"karin.sjoberg@{STAFF}")
    experts = ["Elin Forsberg", "Tomas Hedén"]
    rg = ["Malin Ståhl", "Jonas Pihl", "Ida Berglund"]
    patient = "Annelie Rask"
    gen = "Delade dokument/General"
    plan = add(
        f"{gen}/Projektplan endometrios.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – nytt försäkringsmedicinskt beslutsstöd för endometrios",
            headings=["Bakgrund", "Mål", "Organisation", "Tidplan"],
            paragraphs=[
                "Det saknas beslutsstöd för endometrios (N80). Ett nytt beslutsstöd tas fram "
                "enligt instruktion 3.1.3.5.",
                "Projektledare Karin Sjöberg. Två sakkunniga via NPO Kvinnosjukdomar och "
                "förlossning; rekommendationsgrupp med patientföreträdare från "
                "Endometriosföreningen.",
                "Uppstart i mars, webbenkät i maj, möte med rekommendationsgruppen 20 maj, "
                "föredragning för avdelningschef i oktober.",
            ],
            author="Karin Sjöberg",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        f"{gen}/Projektplan endometrios - Kopia.docx",
        _copy_of(plan),
        "project_plan",
        "plan",
        register=False,
        pd=False,
        note="Windows copy, byte-identical",
    )
    add(
        f"{gen}/Tidplan endometrios.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Vem", "Från", "Till"],
                ["Förfrågan NPO", "KS", "2026-01-12", "2026-01-30"],
                ["Jävsdeklarationer och avtal", "KS", "2026-02-02", "2026-02-27"],
                ["Statistik från FK", "KS", "2026-02-02", "2026-02-27"],
                ["Uppstartsmöte sakkunniga", "KS", "2026-03-05", "2026-03-05"],
                ["Webbenkät rekommendationsgrupp", "KS", "2026-05-04", "2026-05-18"],
                ["Möte rekommendationsgrupp", "alla", "2026-05-20", "2026-05-20"],
                ["Föredragning AC", "KS", "2026-10-07", "2026-10-07"],
            ],
            sheet_title="Tidplan",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        f"{gen}/Förfrågan om sakkunniga och RG – NPO Kvinnosjukdomar.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=["npo.kvinnosjukdomar@regionvasterbotten.se"],
            subject=(
                "Förfrågan om sakkunniga och deltagare i rekommendationsgrupp – FMB endometrios"
            ),
            body=(
                "Hej!\n\nSocialstyrelsen ska ta fram ett nytt försäkringsmedicinskt beslutsstöd "
                "för endometrios. Vi ber NPO nominera två sakkunniga till projektgruppen och "
                "tre deltagare till rekommendationsgruppen senast 30 januari.\n\n"
                "Vänliga hälsningar\nKarin Sjöberg, projektledare"
            ),
            sent_at=dt("2026-01-12 09:30"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
    )
    add(
        "Delade dokument/Jäv och avtal/Jävsdeklarationer sakkunniga och RG (skannade).pdf",
        lambda f: _scanned_bundle(
            f,
            300,
            [
                _coi_page(
                    "Elin Forsberg",
                    "Sakkunnig",
                    "Karolinska Universitetssjukhuset",
                    "Stockholm 2026-02-09",
                ),
                _coi_page(
                    "Tomas Hedén", "Sakkunnig", "Region Östergötland", "Linköping 2026-02-10"
                ),
                _coi_page(
                    "Malin Ståhl", "Rekommendationsgruppen", "Region Halland", "Halmstad 2026-02-16"
                ),
                _coi_page(
                    "Jonas Pihl", "Rekommendationsgruppen", "Region Dalarna", "Falun 2026-02-17"
                ),
                _coi_page(
                    patient,
                    "Patientföreträdare, rekommendationsgruppen",
                    "Endometriosföreningen",
                    "Göteborg 2026-02-18",
                ),
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="five declarations scanned into one PDF, one a page, OCR; Ida Berglund's missing",
    )
    for name, period in (
        ("Elin Forsberg", "2026-03-01 – 2026-10-31"),
        ("Tomas Hedén", "2026-03-01 – 2026-10-31"),
    ):
        add(
            f"Delade dokument/Jäv och avtal/Avtal {name}.docx",
            lambda f, name=name, period=period: _signed_docx(
                f, "Avtal om ersättning", _agreement(name, "endometrios", "1 150", period)
            ),
            "agreement",
            "recruit_project_group",
            register=True,
            pd=True,
            note="Word file signed with a picture of the signature",
        )
    add(
        "Delade dokument/Statistik/Beställning av statistik ur Midas N80.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=["statistik@forsakringskassan.se"],
            subject="Beställning av statistik ur Midas – endometrios (N80)",
            body=(
                "Hej,\nInför ett nytt beslutsstöd för endometrios beställer vi ur Midas antal "
                "sjukfall med diagnos N80 2024–2025, median och kvartiler för sjukfallens "
                "längd, per åldersgrupp.\nKarin Sjöberg, Socialstyrelsen"
            ),
            sent_at=dt("2026-02-02 10:15"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    stats = add(
        "Delade dokument/Statistik/Sjukfallsstatistik N80 2024-2025.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Åldersgrupp", "Antal sjukfall", "Median dagar", "P25", "P75"],
                ["N80", 2024, "16-29", 1830, 21, 9, 58],
                ["N80", 2024, "30-44", 2964, 26, 10, 71],
                ["N80", 2025, "16-29", 1905, 22, 9, 60],
                ["N80", 2025, "30-44", 3050, 27, 11, 74],
            ],
            sheet_title="Midas",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Delade dokument/Statistik/Copy of Sjukfallsstatistik N80 2024-2025.xlsx",
        _copy_of(stats),
        "statistics",
        "statistics",
        register=False,
        pd=False,
        note="SharePoint 'Copy of', byte-identical convenience copy",
    )
    add(
        "Delade dokument/Texter/Kort om endometrios.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – endometrios",
            paragraphs=[
                "Endometrios innebär att vävnad som liknar livmoderslemhinnan växer utanför "
                "livmodern. Symtomen är framför allt smärta vid menstruation, långvarig "
                "buksmärta och trötthet.",
                "Behandlingen är hormonell och smärtlindrande, ibland kirurgisk. Prognosen är "
                "god för de flesta men besvären kan återkomma.",
            ],
            author="Karin Sjöberg",
            comment="Elin: kan vi skriva mer om fertilitet här? /KS",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="draft marked only by a Word comment",
    )
    add(
        "Delade dokument/Texter/ICF-kategorier för expertbedömning endometrios.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – endometrios",
            table=[
                ["ICF-kod", "Kategori", "Bedömning sakkunnig"],
                ["b280", "Smärtförnimmelse", "Ofta påverkad"],
                ["b130", "Energi och driftfunktioner", "Påverkad vid skov"],
                ["d850", "Lönearbete", "Begränsning under skov"],
            ],
            author="Tomas Hedén",
            tracked_changes=[("del", "Sällan påverkad"), ("ins", "Påverkad vid skov")],
        ),
        "icf_assessment",
        "icf_sections",
        draft=True,
        register=False,
        pd=False,
        note="draft marked only by tracked changes",
    )
    add(
        "Delade dokument/Möten/Uppstartsmöte sakkunniga endometrios.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            ["elin.forsberg@regionstockholm.se", "tomas.heden@regionostergotland.se"],
            "Uppstartsmöte FMB endometrios",
            "2026-03-05 13:00",
            "Välkomna till uppstartsmöte för FMB endometrios.\n"
            "Agenda: presentation av uppdraget och instruktionen, tidplan, mallar för "
            "textförslag och ICF-bedömning.",
            dt("2026-02-20 08:40"),
        ),
        "correspondence",
        "startup_meeting",
        register=False,
        also=("meeting_notes",),
        note="calendar invitation that only books the meeting",
    )
    add(
        "Delade dokument/Möten/Uppstartsmöte endometrios.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstartsmöte FMB endometrios", "5 mars 2026"),
                ("Uppdraget", "Nytt beslutsstöd\nInstruktion 3.1.3.5\nRoller och tidplan"),
                ("Mallar", "Kort om diagnosen\nICF-kategorier\nRekommendationer"),
            ],
            author="Karin Sjöberg",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Delade dokument/Möten/Uppdaterad - Uppstartsmöte FMB endometrios (anteckningar).eml",
        lambda f: _calendar_eml(
            f,
            lead,
            ["elin.forsberg@regionstockholm.se", "tomas.heden@regionostergotland.se"],
            "Uppdaterad: Uppstartsmöte FMB endometrios",
            "2026-03-05 13:00",
            "Anteckningar från uppstartsmötet 5 mars.\n"
            "Närvarande: Karin Sjöberg, Elin Forsberg, Tomas Hedén.\n"
            "Vi gick igenom uppdraget och tidplanen. Elin skriver förslag till Kort om "
            "diagnosen, Tomas ICF-bedömningen. Mallarna skickas ut efter mötet.",
            dt("2026-03-05 15:10"),
            sequence=1,
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        also=("correspondence",),
        pd=True,
        note="minutes in the description of an updated calendar invitation",
    )
    proposal = [
        "Rekommendationer – endometrios",
        "Sjukskrivning är sällan nödvändig. Vid svåra smärtskov kan sjukskrivning på heltid "
        "under 1–7 dagar vara motiverad.",
        "Efter kirurgisk behandling: sjukskrivning 1–4 veckor beroende på ingreppets omfattning.",
    ]
    draft_text = add(
        "Delade dokument/Texter/Textförslag rekommendationer endometrios.docx",
        lambda f: _watermarked_docx(
            f, "UTKAST", title="Textförslag – endometrios", paragraphs=proposal
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="draft marked only by a watermark in the header",
    )
    add(
        "Delade dokument/Texter/Textförslag rekommendationer endometrios (1).docx",
        _copy_of(draft_text),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="SharePoint duplicate of the watermarked draft",
    )
    add(
        "Delade dokument/Utskick/Webbenkät till rekommendationsgruppen endometrios.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=[
                "malin.stahl@regionhalland.se",
                "jonas.pihl@regiondalarna.se",
                "ida.berglund@regionvarmland.se",
                "annelie.rask@endometriosforeningen.se",
            ],
            subject="Webbenkät: synpunkter på förslag till FMB endometrios",
            body=(
                "Hej,\nHär är länken till webbenkäten om förslaget till beslutsstöd för "
                "endometrios: https://enkat.socialstyrelsen.se/s/endo26\n"
                "Svara senast 18 maj (två veckor).\nKarin Sjöberg"
            ),
            sent_at=dt("2026-05-04 08:00"),
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Delade dokument/Utskick/Förslag FMB endometrios för synpunkter – FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=["remiss@forsakringskassan.se", "npo.kvinnosjukdomar@regionvasterbotten.se"],
            subject="Förslag till FMB endometrios för synpunkter",
            body=(
                "Hej,\nBifogat finns förslaget till försäkringsmedicinskt beslutsstöd för "
                "endometrios. Vi tar gärna emot era synpunkter senast 22 maj.\nKarin Sjöberg"
            ),
            sent_at=dt("2026-05-04 08:20"),
            attachments=[("Förslag FMB endometrios.pdf", make_pdf_bytes(proposal))],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Delade dokument/Synpunkter/Enkätsvar endometrios export.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Roll", "Fråga 1: Är rekommendationerna rimliga?", "Kommentar"],
                ["Malin Ståhl", "Gynekolog", "Ja", "Lägg till deltid efter operation."],
                ["Jonas Pihl", "Distriktsläkare", "Delvis", "1–7 dagar är kort vid svåra skov."],
                [patient, "Patientföreträdare", "Delvis", "Trötthet behöver nämnas."],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Delade dokument/Synpunkter/SV_ Förslag FMB endometrios för synpunkter.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <remiss@forsakringskassan.se>",
            to=[f"{lead[0]} <{lead[1]}>"],
            subject="SV: Förslag till FMB endometrios för synpunkter",
            body=(
                "Hej,\nFörsäkringskassan har inga invändningar mot förslaget men önskar att "
                "rekommendationen efter kirurgi anger när deltidssjukskrivning kan prövas.\n"
                "Med vänlig hälsning\nFörsäkringskassan, avdelningen för försäkringsmedicin"
            ),
            sent_at=dt("2026-05-20 16:05"),
        ),
        "comments",
        "consider_comments",
        register=True,
    )
    add(
        "Delade dokument/Möten/Möte med rekommendationsgruppen 20 maj.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            [
                "malin.stahl@regionhalland.se",
                "jonas.pihl@regiondalarna.se",
                "annelie.rask@endometriosforeningen.se",
            ],
            "Uppdaterad: Möte med rekommendationsgruppen FMB endometrios",
            "2026-05-20 09:00",
            "Minnesanteckningar från mötet med rekommendationsgruppen 20 maj.\n"
            "Närvarande: Malin Ståhl, Jonas Pihl, Annelie Rask, Elin Forsberg, Karin Sjöberg.\n"
            "Enkätsvaren gicks igenom. Gruppen enades om att höja vägledningen vid svåra skov "
            "till 1–14 dagar och att nämna trötthet under Kort om diagnosen.",
            dt("2026-05-20 11:30"),
            sequence=2,
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        also=("correspondence",),
        pd=True,
        note="minutes kept in the updated invitation; they add facts to the matter",
    )
    add(
        "Delade dokument/General/Hantering av inkomna synpunkter endometrios.docx",
        lambda f: make_docx(
            f,
            title="Hantering av inkomna synpunkter",
            table=[
                ["Synpunkt", "Från", "Hantering"],
                ["Deltid efter kirurgi", "FK", "Infört i rekommendation 2"],
                ["Längre sjukskrivning vid svåra skov", "RG", "Ändrat till 1–14 dagar"],
                ["Trötthet", "RG", "Infört i Kort om diagnosen"],
            ],
        ),
        "comments",
        "revise",
        register=True,
        also=("text_proposal",),
        pd=False,
    )
    add(
        "Delade dokument/General/Återkoppling till rekommendationsgruppen.eml",
        lambda f: make_eml(
            f,
            sender=f"{lead[0]} <{lead[1]}>",
            to=[
                "malin.stahl@regionhalland.se",
                "jonas.pihl@regiondalarna.se",
                "annelie.rask@endometriosforeningen.se",
            ],
            subject="Återkoppling: så hanterades era synpunkter på FMB endometrios",
            body=(
                "Hej,\nTack för era synpunkter. Vi har ändrat rekommendationen vid svåra skov "
                "och lagt till trötthet. Den reviderade versionen går nu till beslut.\nKarin"
            ),
            sent_at=dt("2026-06-15 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
    )
    published = add(
        "Publicerat/Endometrios – försäkringsmedicinskt beslutsstöd.pdf",
        lambda f: make_pdf(
            f,
            [
                "Endometrios",
                "Försäkringsmedicinskt beslutsstöd",
                "Kort om diagnosen",
                "Endometrios innebär att vävnad som liknar livmoderslemhinnan växer utanför "
                "livmodern. Symtomen är smärta, trötthet och blödningsrubbningar.",
                "Rekommendationer",
                "Vid svåra smärtskov kan sjukskrivning på heltid under 1–14 dagar vara motiverad.",
                "Efter kirurgi: 1–4 veckor, därefter deltid vid behov.",
            ],
            title="Endometrios – försäkringsmedicinskt beslutsstöd",
        ),
        "publication",
        "revise",
        register=True,
        also=("text_proposal",),
        pd=False,
    )
    add(
        "Publicerat/Kunskapsunderlag med metodbeskrivning – endometrios.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning",
                "Endometrios",
                "Metod: litteratursökning, sakkunnigas bedömning, statistik ur Midas, "
                "synpunkter från rekommendationsgruppen.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Delade dokument/Beslut/Föredragning AC endometrios.pdf",
        lambda f: make_pdf(
            f,
            [
                "Föredragningspromemoria",
                "Beslut om publicering av nytt försäkringsmedicinskt beslutsstöd för endometrios",
                "Avdelningschefen beslutar att beslutsstödet publiceras.",
                "2026-10-07, avdelningschef Göran Wennberg",
                "Föredragande: Karin Sjöberg",
            ],
        ),
        "approval",
        "approval",
        register=True,
    )
    add(
        "Publicerat/Endometrios – försäkringsmedicinskt beslutsstöd - Kopia.pdf",
        _copy_of(published),
        "publication",
        "revise",
        register=False,
        also=("text_proposal",),
        pd=False,
        note="Windows copy of the published PDF, byte-identical",
    )
    add(
        "Delade dokument/Möten/Möte med rekommendationsgruppen endometrios.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Möte med rekommendationsgruppen", "20 maj 2026"),
                ("Enkätsvaren", "Tre svar\nSynpunkter på längd vid svåra skov"),
                ("Förslag till ändringar", "1–14 dagar\nTrötthet i Kort om diagnosen"),
            ],
            author="Karin Sjöberg",
        ),
        "presentation",
        "consider_comments",
        register=False,
        pd=False,
    )
    add(
        "Delade dokument/Beslut/Föredragning AC endometrios.docx",
        lambda f: _watermarked_docx(
            f,
            "KONCEPT",
            title="Föredragningspromemoria – FMB endometrios",
            paragraphs=[
                "Beslut om publicering av nytt försäkringsmedicinskt beslutsstöd för endometrios.",
                "Förslag till beslut: avdelningschefen beslutar att beslutsstödet publiceras.",
                "Föredragande: Karin Sjöberg",
            ],
        ),
        "approval",
        "approval",
        draft=True,
        register=False,
        pd=False,
        note="the memo's Word draft, marked only by a KONCEPT watermark",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Ida Berglund
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
        "also_acceptable": {"vips": ["missing"], "records_closure": ["needs_confirmation"]},
        "missing_coi_for": ["Ida Berglund"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


def make_pdf_bytes(lines: list[str]) -> bytes:
    buffer = io.BytesIO()
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, _latin(line), new_x="LMARGIN", new_y="NEXT")
    buffer.write(pdf.output())
    return buffer.getvalue()


# ---------------------------------------------------------------- project B


def tinnitus(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Tinnitus uppdatering 2026")
    add = _adder(p)
    lead = ("Per Lundgren", f"per.lundgren@{STAFF}")
    experts = ["Sara Holm", "Mikael Strand"]
    rg = ["Hanna Lind", "Oskar Berg"]
    patient = "Ulla Nord"
    sender = f"{lead[0]} <{lead[1]}>"
    add(
        "2026-01-12_PL.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering av FMB tinnitus",
            paragraphs=[
                "Beslutsstödet för tinnitus (H93.1) uppdateras enligt instruktion 3.1.3.5. "
                "Befintliga texter revideras; möte med rekommendationsgruppen hålls vid behov.",
                "Projektledare: Per Lundgren. Sakkunniga: två, via NPO Öron-, näs- och "
                "halssjukdomar.",
                "Tidplan: start januari, remiss i april, beslut av enhetschef i juni.",
            ],
            author="Per Lundgren",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "2026-01-14_PL.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Ansvarig", "Start", "Slut"],
                ["Nominering NPO", "PL", "2026-01-19", "2026-02-06"],
                ["Jäv och avtal", "PL", "2026-02-09", "2026-02-20"],
                ["Statistik Midas", "PL", "2026-02-03", "2026-03-02"],
                ["Uppstart", "PL, SH, MS", "2026-03-09", "2026-03-09"],
                ["Remiss RG, FK, NPO", "PL", "2026-04-20", "2026-05-04"],
                ["Beslut EC", "PL", "2026-06-10", "2026-06-10"],
            ],
            sheet_title="Plan",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "2026-01-19_PL.eml",
        lambda f: make_eml(
            f,
            sender=sender,
            to=["npo.onh@regionorebrolan.se"],
            subject="Förfrågan om sakkunniga – uppdatering av FMB tinnitus",
            body=(
                "Hej,\nVi uppdaterar det försäkringsmedicinska beslutsstödet för tinnitus och "
                "söker två sakkunniga till projektgruppen samt deltagare i "
                "rekommendationsgruppen. Förslag senast 6 februari.\nPer Lundgren"
            ),
            sent_at=dt("2026-01-19 13:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
    )
    add(
        "2026-02-02_NPO.eml",
        lambda f: make_eml(
            f,
            sender="Annika Wallin <annika.wallin@regionorebrolan.se>",
            to=[sender],
            subject="SV: Förfrågan om sakkunniga – uppdatering av FMB tinnitus",
            body=(
                "Hej Per,\nNPO föreslår Sara Holm (audiolog, Region Örebro län) och Mikael "
                "Strand (öronläkare, Region Gävleborg) som sakkunniga. Till "
                "rekommendationsgruppen: Hanna Lind och Oskar Berg. Ulla Nord från "
                "Hörselskadades Riksförbund kan vara patientföreträdare.\nAnnika Wallin, NPO"
            ),
            sent_at=dt("2026-02-02 11:20"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        also=("correspondence",),
        pd=True,
    )
    add(
        "2026-02-03_PL.eml",
        lambda f: make_eml(
            f,
            sender=sender,
            to=["statistik@forsakringskassan.se"],
            subject="Statistikbeställning Midas H93.1",
            body=(
                "Hej,\nVi beställer uppgifter ur Midas om sjukfall med diagnos H93.1 "
                "2024–2025: antal, median och kvartiler för längd, per kön.\nPer Lundgren"
            ),
            sent_at=dt("2026-02-03 09:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "2026-02-10_SH.pdf",
        lambda f: make_pdf(
            f,
            _coi_page("Sara Holm", "Sakkunnig", "Region Örebro län", "Örebro 2026-02-10"),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "2026-02-11_MS.pdf",
        lambda f: make_pdf(
            f,
            _coi_page("Mikael Strand", "Sakkunnig", "Region Gävleborg", "Gävle 2026-02-11"),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "2026-02-16_SH.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om ersättning",
                *_agreement("Sara Holm", "tinnitus", "1 100", "2026-03-01 – 2026-06-30"),
                "Stockholm 2026-02-16   Per Lundgren          Örebro 2026-02-16   Sara Holm",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "2026-02-16_MS.docx",
        lambda f: _signed_docx(
            f,
            "Avtal om ersättning",
            _agreement("Mikael Strand", "tinnitus", "1 100", "2026-03-01 – 2026-06-30"),
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="signed with a picture of the signature only",
    )
    add(
        "2026-02-20_HL_OB_UN.pdf",
        lambda f: _scanned_bundle(
            f,
            320,
            [
                [
                    "J@vsdeklaration",
                    "Namn: Hanna Lind",
                    "Rekommendationsgruppen",
                    "Region Orebro l@n",
                    "2026-02-18",
                ],
                ["J@vsdeklaration", "Namn: Oskar Berg", "Rekommendationsgruppen", "2026-02-19"],
                [
                    "J@vsdeklaration",
                    "Namn: Ulla Nord",
                    "Patientf0retr@dare",
                    "Horselskadades Riksforbund",
                    "2026-02-20",
                ],
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="three RG declarations scanned into one PDF, poor OCR",
    )
    add(
        "2026-03-02_FK.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P25", "P75"],
                ["H93.1", 2024, "Kvinnor", 610, 28, 12, 75],
                ["H93.1", 2024, "Män", 540, 24, 10, 66],
                ["H93.1", 2025, "Kvinnor", 634, 29, 12, 79],
                ["H93.1", 2025, "Män", 552, 25, 11, 70],
            ],
            sheet_title="Midas H93.1",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "2026-03-09_PL.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppdatering FMB tinnitus – uppstart", "9 mars 2026"),
                ("Vad ska revideras", "Kort om diagnosen\nICF-avsnitten\nRekommendationer"),
                ("Tidplan", "Texter in 7 april\nRemiss 20 april\nBeslut EC juni"),
            ],
            author="Per Lundgren",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "2026-03-10_PL.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar uppstartsmöte 9 mars",
            paragraphs=[
                "Närvarande: Per Lundgren, Sara Holm, Mikael Strand.",
                "Sara reviderar Kort om diagnosen och rekommendationerna, Mikael ICF-avsnitten.",
                "Mallar med nuvarande texter skickas efter mötet.",
            ],
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        pd=True,
    )
    add(
        "2026-03-24_PL.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – tinnitus",
            paragraphs=[
                "Tinnitus är ljud i öronen eller huvudet utan yttre ljudkälla. Besvären kan "
                "förvärras av stress och ljudexponering.",
                "Behandlingen består av information, ljudterapi och KBT. Prognosen är god; "
                "de flesta vänjer sig vid ljudet.",
            ],
            author="Per Lundgren",
            tracked_changes=[("del", "Prognosen är oviss."), ("ins", "Prognosen är god.")],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="revised text with tracked changes, not accepted",
    )
    add(
        "2026-04-07_SH.docx",
        lambda f: make_docx(
            f,
            title="Rekommendationer tinnitus – förslag",
            paragraphs=[
                "Sjukskrivning behövs sällan vid tinnitus. Vid svår tinnitus med sömnstörning "
                "kan sjukskrivning på deltid under 2–4 veckor vara motiverad.",
                "Arbetsplatsanpassning (ljudmiljö) bör övervägas före sjukskrivning.",
                "Sara Holm 2026-04-07",
            ],
            author="Sara Holm",
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the expert's revised recommendations, received",
    )
    add(
        "2026-04-07_MS.docx",
        lambda f: make_docx(
            f,
            title="ICF – tinnitus, reviderade avsnitt",
            table=[
                ["ICF", "Funktion/aktivitet", "Text"],
                ["b240", "Förnimmelser i samband med hörsel", "Ljud som stör koncentration."],
                ["b134", "Sömnfunktioner", "Insomningssvårigheter är vanliga."],
                ["d240", "Att hantera stress", "Förvärrar besvären."],
            ],
            author="Mikael Strand",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        also=("text_proposal",),
        pd=False,
        note="the expert's revised ICF texts, received",
    )
    add(
        "2026-04-20_PL.eml",
        lambda f: make_eml(
            f,
            sender=sender,
            to=["hanna.lind@regionorebrolan.se", "oskar.berg@regionjh.se", "ulla.nord@hrf.se"],
            subject="Enkät: synpunkter på uppdaterat beslutsstöd för tinnitus",
            body=(
                "Hej,\nVi ber om era synpunkter på det uppdaterade beslutsstödet för tinnitus "
                "via webbenkäten: https://enkat.socialstyrelsen.se/s/tin26 \nSista svarsdag "
                "4 maj.\nPer Lundgren"
            ),
            sent_at=dt("2026-04-20 08:30"),
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "2026-04-21_PL.eml",
        lambda f: make_eml(
            f,
            sender=sender,
            to=["remiss@forsakringskassan.se", "npo.onh@regionorebrolan.se"],
            subject="Remiss: uppdaterat FMB tinnitus",
            body=(
                "Hej,\nBifogat finns förslaget till uppdaterat beslutsstöd för tinnitus. "
                "Synpunkter senast 5 maj.\nPer Lundgren"
            ),
            sent_at=dt("2026-04-21 09:00"),
            attachments=[
                (
                    "FMB tinnitus remissversion.pdf",
                    make_pdf_bytes(["Tinnitus – remissversion", "Rekommendationer ..."]),
                )
            ],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "2026-05-04_FK.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <remiss@forsakringskassan.se>",
            to=[sender],
            subject="SV: Remiss: uppdaterat FMB tinnitus",
            body=(
                "Hej,\nFörsäkringskassan ser positivt på att arbetsplatsanpassning lyfts fram. "
                "Vi föreslår att deltid anges som förstahandsval.\nFörsäkringskassan"
            ),
            sent_at=dt("2026-05-04 15:40"),
        ),
        "comments",
        "consider_comments",
        register=True,
    )
    add(
        "2026-05-06_PL.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Instämmer du i rekommendationerna?", "Synpunkter"],
                ["Hanna Lind", "Ja", "-"],
                ["Oskar Berg", "Ja, delvis", "Nämn hörselskydd och ljudmiljö tydligare."],
                ["Ulla Nord", "Delvis", "Sömnsvårigheter underskattas."],
            ],
            sheet_title="Enkätsvar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "2026-05-12_PL.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning och hantering av synpunkter – tinnitus",
            table=[
                ["Synpunkt", "Från", "Hantering"],
                ["Deltid som förstahandsval", "FK", "Infört"],
                ["Ljudmiljö", "RG", "Förtydligat"],
                ["Sömnsvårigheter", "RG", "Tillagt i ICF b134"],
            ],
            paragraphs=["Inget möte med rekommendationsgruppen behövdes."],
        ),
        "comments",
        "revise",
        register=True,
        also=("text_proposal",),
        pd=False,
    )
    add(
        "2026-02-24_PL.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            ["sara.holm@regionorebro.se", "mikael.strand@regiongavleborg.se"],
            "Uppstartsmöte uppdatering FMB tinnitus",
            "2026-03-09 10:00",
            "Hej! Välkomna till uppstartsmöte för uppdateringen av beslutsstödet för tinnitus. "
            "Vi går igenom uppdraget, tidplanen och de texter som ska revideras.",
            dt("2026-02-24 14:00"),
        ),
        "correspondence",
        "startup_meeting",
        register=False,
        also=("meeting_notes",),
        note="calendar invitation, books the meeting",
    )
    add(
        "2026-05-20_PL.docx",
        lambda f: make_docx(
            f,
            title="Rekommendationer – tinnitus",
            paragraphs=[
                "Sjukskrivning behövs sällan vid tinnitus. Deltid är förstahandsval vid svår "
                "tinnitus med sömnstörning, 2–4 veckor.",
                "Arbetsplatsanpassning (ljudmiljö, hörselskydd) bör övervägas före sjukskrivning.",
            ],
            author="Per Lundgren",
            comment="Sara – stämmer formuleringen om hörselskydd? /Per",
        ),
        "text_proposal",
        "revise",
        draft=True,
        register=False,
        pd=False,
        note="revised text, draft marked only by a Word comment",
    )
    add(
        "2026-05-26_PL.docx",
        lambda f: make_docx(
            f,
            title="Tinnitus – försäkringsmedicinskt beslutsstöd, slutversion",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=[
                "Tinnitus är ljud i öronen eller huvudet utan yttre ljudkälla.",
                "Sjukskrivning behövs sällan. Vid svår tinnitus med sömnstörning: deltid 2–4 "
                "veckor. Arbetsplatsanpassning först.",
            ],
        ),
        "publication",
        "revise",
        register=True,
        also=("text_proposal",),
        pd=False,
    )
    add(
        "2026-06-02_PL.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – tinnitus (uppdatering 2026)",
                "Metod: genomgång av ny litteratur, sakkunnigas bedömning, statistik ur Midas, "
                "synpunkter från rekommendationsgruppen, FK och NPO.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "2026-06-10_EC.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslut",
                "Enhetschefen beslutar att det uppdaterade försäkringsmedicinska "
                "beslutsstödet för tinnitus ska publiceras.",
                "2026-06-10 Marie Ekström, enhetschef",
            ],
        ),
        "approval",
        "approval",
        register=True,
    )
    add(
        "2026-06-12_PL.eml",
        lambda f: make_eml(
            f,
            sender=sender,
            to=["hanna.lind@regionorebrolan.se", "oskar.berg@regionjh.se", "ulla.nord@hrf.se"],
            subject="Tack för era synpunkter – FMB tinnitus",
            body=(
                "Hej,\nHär är en sammanställning av hur era synpunkter har hanterats. "
                "Beslutsstödet publiceras i augusti.\nPer Lundgren"
            ),
            sent_at=dt("2026-06-12 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
    )
    add(
        "2026-09-15_PL.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – uppdatering av FMB tinnitus",
            paragraphs=[
                "Vad gick bra: snabba svar från NPO, bra samarbete med de sakkunniga.",
                "Vad kan bli bättre: remisstiden sammanföll med påskledigheten.",
            ],
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
        "recruit_recommendation_group": "complete",
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "needs_confirmation",  # update: no meeting held; none needed
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
        "missing_coi_for": [],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def postcovid(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Post-COVID condition FMB (contractor NordMed)")
    add = _adder(p)
    pm = ("James Whitfield", "james.whitfield@nordmed-consulting.com")
    owner = ("Anders Holmberg", f"anders.holmberg@{STAFF}")
    experts = ["Linnea Vik", "Farid Amini"]
    rg = ["Karolina Björk", "Emil Sandström"]
    patient = "Marita Ohlsson"
    pm_addr = f"{pm[0]} <{pm[1]}>"
    long_brief = (
        "FMB post-COVID condition - Brief description of the diagnosis (Kort om diagnosen) - "
        "draft for expert review - version 0.2 - 2026-03-18 - NordMed Consulting - "
        "internal working document do not distribute.docx"
    )
    add(
        "01 Project management/Project plan - FMB post-COVID condition - NordMed - v1.0.odt",
        lambda f: _odt(
            f,
            [
                "Background: the Agency has commissioned NordMed Consulting to develop a new "
                "insurance medicine decision support (FMB) for post-COVID condition (U09.9) "
                "following work instruction 3.1.3.5.",
                "Organisation: project owner Anders Holmberg (the Agency); project manager "
                "James Whitfield (NordMed); two clinical experts nominated by the NPO; a "
                "recommendation group including a patient representative.",
                "Timeline: kick-off 3 March 2026, survey in May, recommendation group meeting "
                "booked for 10 June 2026, approval by the head of department in November.",
                "Version 1.0, approved by the project owner 2026-02-02.",
            ],
            title="Project plan – FMB post-COVID condition",
            headings=("Background", "Organisation", "Timeline", "Risks"),
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "01 Project management/Consultancy agreement NordMed Consulting AB - project "
        "management FMB post-COVID condition - signed by both parties.pdf",
        lambda f: make_pdf(
            f,
            [
                "Consultancy agreement",
                "between the National Board of Health and Welfare (the Agency) and NordMed "
                "Consulting AB (the Contractor)",
                "Assignment: project management of the development of an insurance medicine "
                "decision support for post-COVID condition.",
                "Fee: SEK 1,450 per hour, ceiling SEK 480,000. Term: 2026-01-15 – 2026-12-31.",
                "Signed: Anders Holmberg, the Agency, 2026-01-14; James Whitfield, NordMed "
                "Consulting AB, 2026-01-14",
            ],
        ),
        "agreement",
        "plan",
        register=True,
        pd=True,
        note="the agency's agreement with the contractor, not an expert's",
    )
    add(
        "02 Recruitment/Request for nomination of experts and recommendation group - NPO.eml",
        lambda f: make_eml(
            f,
            sender=pm_addr,
            to=["npo.infektion@regionskane.se"],
            subject="Request for nominations: experts and recommendation group, FMB post-COVID",
            body=(
                "Dear colleagues,\nOn behalf of the National Board of Health and Welfare we are "
                "developing a new insurance medicine decision support for post-COVID "
                "condition. Could the NPO nominate two clinical experts for the project group "
                "and three members of the recommendation group by 6 February?\n"
                "Kind regards,\nJames Whitfield, NordMed Consulting, for the Agency"
            ),
            sent_at=dt("2026-01-20 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
    )
    add(
        "02 Recruitment/Declarations/DoI_Vik_Linnea_2026-02-09_signed.rtf",
        lambda f: _rtf(
            f,
            [
                "Name: Linnea Vik",
                "Role: clinical expert, project group",
                "Employer: Danderyd University Hospital, rehabilitation medicine",
                "Financial interests in companies in the field: none",
                "Paid assignments for the pharmaceutical industry in the last three years: none",
                "Other circumstances that may affect confidence in my impartiality: none",
                "I confirm that the information above is correct.",
                "Stockholm, 9 February 2026   Linnea Vik",
            ],
            title="Declaration of interests",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "02 Recruitment/Declarations/DoI_Bjork_Karolina_recommendation_group.odt",
        lambda f: _odt(
            f,
            [
                "Name: Karolina Björk",
                "Role: member of the recommendation group",
                "Employer: Region Västerbotten, primary care",
                "Financial interests in companies in the field: none",
                "Other circumstances that may affect confidence in my impartiality: none",
                "Umeå, 16 February 2026   Karolina Björk",
            ],
            title="Declaration of interests",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "02 Recruitment/Declarations/DoI_Sandstrom_Emil_recommendation_group.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests",
                "Name: Emil Sandström",
                "Role: member of the recommendation group",
                "Employer: Region Uppsala, occupational therapy",
                "Financial interests: none. Other circumstances: none.",
                "Uppsala, 17 February 2026, Emil Sandström",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "02 Recruitment/Declarations/DoI_Ohlsson_Marita_patient_representative.rtf",
        lambda f: _rtf(
            f,
            [
                "Name: Marita Ohlsson",
                "Role: patient representative, recommendation group",
                "Organisation: Riksförbundet för post-covid",
                "Financial interests: none",
                "Other circumstances: I am chair of a patient organisation.",
                "Göteborg, 18 February 2026   Marita Ohlsson",
            ],
            title="Declaration of interests",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    for name, seed in (("Linnea Vik", 0), ("Farid Amini", 1)):
        last = name.split()[1]
        add(
            f"02 Recruitment/Agreements/Expert fee agreement - {name} - clinical expert FMB "
            f"post-COVID condition - signed.pdf",
            lambda f, name=name, seed=seed: make_pdf(
                f,
                [
                    "Agreement on compensation for expert",
                    f"between the National Board of Health and Welfare and {name}",
                    "The expert takes part in the project group developing an insurance medicine "
                    "decision support for post-COVID condition.",
                    "Compensation: SEK 1,150 per hour, at most 40 hours, against invoice.",
                    f"Signed in Stockholm 2026-02-2{seed + 3}: Anders Holmberg; {name}",
                ],
            ),
            "agreement",
            "recruit_project_group",
            register=True,
            pd=True,
            note="" if last != "Amini" else "no declaration from Farid Amini in the folder",
        )
    add(
        "02 Recruitment/Declarations/DoI template - blank - NordMed master copy to be sent to "
        "all experts and recommendation group members - do not fill in this file.rtf",
        lambda f: _rtf(
            f,
            [
                "Name:",
                "Role:",
                "Employer:",
                "Financial interests in companies in the field:",
                "Paid assignments for the pharmaceutical industry in the last three years:",
                "Other circumstances that may affect confidence in my impartiality:",
                "Place and date:            Signature:",
            ],
            title="Declaration of interests",
        ),
        "other",
        "recruit_project_group",
        register=False,
        also=("coi_declaration",),
        pd=False,
        note="blank template",
    )
    add(
        "02 Recruitment/Recommendation group members and contact details.odt",
        lambda f: _odt(
            f,
            [
                "Karolina Björk – general practitioner, Region Västerbotten – DoI received",
                "Emil Sandström – occupational therapist, Region Uppsala – DoI received",
                "Marita Ohlsson – patient representative, Riksförbundet för post-covid – DoI "
                "received",
                "Meeting with the recommendation group booked: 10 June 2026, 13:00–15:30.",
            ],
            title="Recommendation group – members",
        ),
        "nomination_request",
        "recruit_recommendation_group",
        register=False,
        also=("other", "project_plan"),
        pd=True,
        note="the contractor's own roster",
    )
    add(
        "06 Survey/Survey to the recommendation group - questions - DRAFT not yet sent.odt",
        lambda f: _odt(
            f,
            [
                "DRAFT",
                "Cover letter: The recommendation group is invited to comment on the proposed "
                "decision support for post-COVID condition. Please answer within two weeks.",
                "Question 1: Do you agree with the recommendation on part-time sick leave?",
                "Question 2: Is the expected duration reasonable?",
            ],
            title="Web survey – recommendation group",
        ),
        "survey",
        "collect_comments",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "03 Statistics/Request for sick-leave statistics from Midas - U09.9.eml",
        lambda f: make_eml(
            f,
            sender=pm_addr,
            to=["statistik@forsakringskassan.se"],
            subject="Request for statistics from Midas – post-COVID condition (U09.9)",
            body=(
                "Hello,\nFor the Agency's new decision support on post-COVID condition we would "
                "like to order data from Midas: number of sick-leave spells with diagnosis "
                "U09.9, 2023–2025, median and quartiles of duration, by sex and age.\n"
                "Best regards,\nJames Whitfield, NordMed Consulting on behalf of the Agency"
            ),
            sent_at=dt("2026-02-03 14:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "03 Statistics/Försäkringskassan delivery - sick-leave spells U09.9 2023-2025 by sex "
        "and age group - Midas extract 2026-02-25.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P25", "P75"],
                ["U09.9", 2023, "Kvinnor", 3120, 142, 48, 365],
                ["U09.9", 2024, "Kvinnor", 2410, 131, 45, 340],
                ["U09.9", 2025, "Kvinnor", 1980, 120, 41, 310],
                ["U09.9", 2025, "Män", 820, 98, 35, 260],
            ],
            sheet_title="Tabell",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        f"04 Texts/{long_brief}",
        lambda f: make_docx(
            f,
            title="Brief description of the diagnosis – post-COVID condition",
            paragraphs=[
                "Post-COVID condition means symptoms lasting more than three months after a "
                "COVID-19 infection: fatigue, post-exertional malaise, cognitive difficulties.",
                "Treatment is symptomatic: pacing, rehabilitation, treatment of accompanying "
                "conditions. Prognosis: most improve within a year, some have long-lasting "
                "symptoms.",
            ],
            author="James Whitfield",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="draft marked only in its very long name",
    )
    add(
        "04 Texts/ICF categories for expert assessment - post-COVID condition - template sent "
        "to experts after kick-off 2026-03-03.odt",
        lambda f: _odt(
            f,
            [
                "Please assess how often each category is affected, and describe typical "
                "limitations of activity and participation.",
                "b130 Energy and drive functions – assessment:",
                "b455 Exercise tolerance functions – assessment:",
                "b140 Attention functions – assessment:",
                "d850 Remunerative employment – assessment:",
            ],
            title="ICF categories for expert assessment",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
        note="the template sent out to the experts",
    )
    add(
        "04 Texts/Expert input - recommendations on sick leave - Linnea Vik - 2026-04-02.rtf",
        lambda f: _rtf(
            f,
            [
                "Recommendations (proposal from Linnea Vik)",
                "Sick leave is often needed in the first months, part-time rather than "
                "full-time, with gradual return to work guided by pacing.",
                "Expected duration: 3–6 months, in severe cases longer.",
                "Work capacity: reduced tolerance for cognitive and physical load.",
            ],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="an expert's text received, official on arrival",
    )
    add(
        "04 Texts/Compiled text proposal with recommendations - post-COVID condition - v0.5.odt",
        lambda f: _odt(
            f,
            [
                "DRAFT – for discussion in the project group",
                "Brief description of the diagnosis: see separate document.",
                "Recommendations: part-time sick leave during 3–6 months with gradual increase; "
                "full-time sick leave for at most 4 weeks after severe post-exertional malaise.",
            ],
            title="Text proposal with recommendations – post-COVID condition",
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "05 Meetings/Kick-off meeting with clinical experts - minutes - 2026-03-03.rtf",
        lambda f: _rtf(
            f,
            [
                "Minutes, kick-off meeting, 3 March 2026",
                "Present: Anders Holmberg (the Agency), James Whitfield (NordMed), Linnea Vik, "
                "Farid Amini.",
                "The assignment and work instruction 3.1.3.5 were presented. Linnea drafts the "
                "recommendations; Farid the ICF sections. Templates will be sent after the "
                "meeting.",
            ],
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        pd=True,
    )
    add(
        "05 Meetings/Kick-off slides.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB post-COVID condition – kick-off", "3 March 2026\nNordMed Consulting"),
                ("The work instruction", "Steps\nRoles\nTimeline"),
                ("Templates", "Brief description\nICF categories\nRecommendations"),
            ],
            author="James Whitfield",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "05 Meetings/Project group meeting 2 - minutes - 2026-04-14.odt",
        lambda f: _odt(
            f,
            [
                "Present: James Whitfield, Linnea Vik, Farid Amini.",
                "The compiled text proposal v0.4 was discussed. Agreed to recommend part-time "
                "sick leave as the first choice.",
                "Next: v0.5 to the Agency for review before the survey.",
            ],
            title="Minutes – project group meeting 2",
        ),
        "meeting_notes",
        "compile_proposals",
        register=False,
        pd=True,
    )
    add(
        "01 Project management/Weekly status report to the Agency - week 15 - NordMed.eml",
        lambda f: make_eml(
            f,
            sender=pm_addr,
            to=[f"{owner[0]} <{owner[1]}>"],
            subject="FMB post-COVID: status week 15",
            body=(
                "Hi Anders,\nStatus: compiled text proposal v0.5 ready for your review; survey "
                "to the recommendation group planned for week 19. No risks to report.\n"
                "Best,\nJames"
            ),
            sent_at=dt("2026-04-10 16:00"),
        ),
        "correspondence",
        "compile_proposals",
        register=False,
        pd=False,
        note="routine status from the contractor to the project owner",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # no declaration from Farid Amini
        "statistics": "complete",
        "recruit_recommendation_group": "complete",  # meeting booked in the plan
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "missing",
        "consider_comments": "missing",
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
            "recruit_recommendation_group": ["partial"],
            "brief_diagnosis_text": ["partial"],
            "compile_proposals": ["partial"],
        },
        "missing_coi_for": ["Farid Amini"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (endometrios, tinnitus, postcovid)
