"""The session-7 holdout: three FMB project folders in habits none of the earlier sets use.

Written by hand (session 7, helper review) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session7`). Habits:

- a folder per working day (`2026-02-16/`), English file names throughout one project
  ("Conflict of interest", "Fee agreement", "Brief description of the diagnosis",
  "Consultation", "Approval memo", "Kick-off");
- files named by the person only (`Sanna Ek.pdf`, `Annika Fors.pdf`, `Wiklund.pdf`),
  textless scans among them, and a phone-camera scan `IMG_20260311_0932.pdf`;
- byte-identical convenience copies in a personal subfolder (`Ulrikas filer/`);
- mails forwarded *as attachments* (message/rfc822 parts, the documents inside the
  inner message) and reply threads quoting two earlier mails, Outlook's
  `ATT00001.pdf` for a saved attachment;
- workbooks with several sheets (survey results with summary, answers and free text;
  FK's delivery with notes; a time plan with milestones);
- agreements as a signed PDF plus the Word file it was made from;
- a project that skipped steps (no statistics, no start-up meeting, no recommendation
  group) and still went to approval.

Labelling choices as in the earlier sets (textless scans labelled with what they are; a
Word file beside the signed PDF of the same document is the working copy; older
versions are drafts; the version sent out for comment is registered; material mailed to
FK/NPO and feedback to the RG are registered correspondence; a mail carrying documents
is classed by what it carries). New here: a byte-identical copy in a personal folder is
a convenience copy of a document kept elsewhere in the project: its own class, not a
draft, not registered (DOMAIN: convenience copies are non-official; registering it
again would be a duplicate record).

Projects:
- `OSA new decision support 2026` — obstructive sleep apnoea, new support, approved by
  AC, not evaluated; Johan Sköld (RG) has no declaration.
- `Generaliserat ångestsyndrom - uppdatering` — update, approved by EC and evaluated;
  every declaration is there (two of them textless scans named by the person).
- `Knäartros uppd 2026` — update with one expert that skipped statistics, the start-up
  meeting and the recommendation group; comments only from FK and NPO by mail;
  approved by EC.
"""

from __future__ import annotations

import io
import random
import shutil
import tempfile
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


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


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def _scan(path: Path, seed: int) -> Path:
    """A textless scan: one full page of greyscale noise (a JPEG), different per seed."""
    rng = random.Random(seed)
    page = Image.frombytes("L", (300, 420), bytes(rng.randrange(200, 256) for _ in range(126000)))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=60)
    return make_pdf(path, [], text_layer=False, scan_pages=[buffer.getvalue()])


def _pdf_bytes(lines: list[str]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_pdf(Path(tmp) / "a.pdf", lines).read_bytes()


def _docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_docx(Path(tmp) / "a.docx", title=title, paragraphs=paragraphs).read_bytes()


def _mail(
    sender: str,
    to: list[str],
    subject: str,
    body: str,
    sent_at: Any,
    attachments: tuple[tuple[str, bytes], ...] = (),
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    message.set_content(body)
    for name, content in attachments:
        message.add_attachment(
            content, maintype="application", subtype="octet-stream", filename=name
        )
    return message


def _forward_as_attachment(
    path: Path,
    *,
    sender: str,
    to: list[str],
    subject: str,
    body: str,
    sent_at: Any,
    inner: EmailMessage,
) -> Path:
    """A mail that carries another mail as a message/rfc822 attachment (Outlook's
    "Forward as attachment"); the documents sit inside the inner message."""
    outer = _mail(sender, to, subject, body, sent_at)
    outer.add_attachment(inner)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(outer))
    return path


def _coi(name: str, role: str, date: str, place: str) -> list[str]:
    return [
        "Jävsdeklaration för externa experter",
        f"Namn: {name}",
        f"Uppdrag: {role}",
        "Anställningar och uppdrag de senaste tre åren: Region, specialistläkare",
        "Ekonomiska intressen i företag inom området (aktier, konsultuppdrag): Nej",
        "Andra förhållanden som kan påverka förtroendet för min opartiskhet: Nej",
        f"{place} {date}",
        f"Underskrift: {name}",
    ]


def _coi_en(name: str, role: str, date: str, place: str) -> list[str]:
    return [
        "Conflict of interest declaration – external experts",
        f"Full name: {name}",
        f"Assignment: {role}, insurance medicine decision support (FMB)",
        "Employment and assignments during the last three years: regional health care",
        "Financial interests in companies in the field (shares, consultancies): none",
        "Other circumstances that may affect confidence in my impartiality: none",
        f"{place}, {date}",
        f"Signature: {name}",
    ]


def _agreement(name: str, fee: str, signed_on: str | None, head: str) -> list[str]:
    lines = [
        "Avtal om ersättning för sakkunnig",
        f"Parter: Socialstyrelsen och {name}",
        "Uppdrag: medverka som sakkunnig i projektgruppen för försäkringsmedicinskt beslutsstöd.",
        f"Ersättning: {fee} per timme mot faktura, högst 50 timmar.",
        "Den sakkunniga har lämnat en jävsdeklaration och ska anmäla ändrade förhållanden.",
    ]
    if signed_on:
        lines += [f"Stockholm {signed_on}", f"{head}, Socialstyrelsen", name]
    return lines


# ---------------------------------------------------------------- project A


def osa(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "OSA new decision support 2026")
    lead = f"Hanna Berglund <hanna.berglund@{STAFF}>"
    experts = ["Tomas Wiklund", "Leila Moradi"]
    rg = ["Annika Fors", "Johan Sköld", "Rebecka Lindh"]
    patient = "Mats Kjellberg"
    rg_addr = [
        "annika.fors@regionvasterbotten.se",
        "johan.skold@regionstockholm.se",
        "rebecka.lindh@vgregion.se",
        "mats.kjellberg@sovapnoe.se",
    ]

    p.add(
        "2026-01-12/Project plan OSA.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – nytt försäkringsmedicinskt beslutsstöd för obstruktiv sömnapné",
            headings=["Bakgrund", "Mål", "Organisation", "Tidplan"],
            paragraphs=[
                "Det finns inget försäkringsmedicinskt beslutsstöd för obstruktiv sömnapné "
                "(G47.3). Ett nytt beslutsstöd tas fram enligt instruktion 3.1.3.5.",
                "Projektledare: Hanna Berglund. Två sakkunniga (öron-näsa-hals, lungmedicin) "
                "rekryteras via NPO; rekommendationsgrupp med patientföreträdare.",
                "Beslut om publicering: avdelningschef (AC). Publicering planeras hösten 2026.",
            ],
            author="Hanna Berglund",
            created=dt("2026-01-12 09:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "2026-01-12/Time and activity plan OSA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Activity", "Owner", "Start", "End"],
                ["Request to NPO (experts, RG)", "HB", "2026-01-19", "2026-02-06"],
                ["Conflict of interest + fee agreements", "HB", "2026-02-09", "2026-02-27"],
                ["Statistics request FK (Midas)", "HB", "2026-02-23", "2026-03-20"],
                ["Kick-off with experts", "HB", "2026-03-02", "2026-03-02"],
                ["Web survey RG (2 weeks)", "HB", "2026-04-20", "2026-05-04"],
                ["RG meeting", "all", "2026-05-20", "2026-05-20"],
                ["Approval AC", "HB", "2026-09-08", "2026-09-08"],
            ],
            sheet_title="Activities",
            extra_sheets={
                "Milestones": [
                    ["Milestone", "Date"],
                    ["Text proposal for consultation", "2026-04-17"],
                    ["Final version", "2026-06-12"],
                ]
            },
        ),
        "project_plan",
        register=False,
        note="time plan with a second sheet of milestones",
    )
    p.add(
        "2026-01-19/Request for experts and RG members - NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["npo.lungsjukdomar@regionuppsala.se", "npo.onh@regionorebrolan.se"],
            subject="Förfrågan: sakkunniga och rekommendationsgrupp – nytt FMB obstruktiv sömnapné",
            body=(
                "Hej,\nSocialstyrelsen ska ta fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "obstruktiv sömnapné. Vi ber er nominera två sakkunniga till projektgruppen och "
                "tre till fyra deltagare till rekommendationsgruppen, senast 6 februari.\n"
                "Med vänlig hälsning\nHanna Berglund, projektledare"
            ),
            sent_at=dt("2026-01-19 10:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "2026-02-02/RE RE Request for experts - answer from NPO.eml",
        lambda f: make_eml(
            f,
            sender="Ingela Hedström <ingela.hedstrom@regionuppsala.se>",
            to=[lead],
            subject="RE: RE: Förfrågan: sakkunniga och rekommendationsgrupp – nytt FMB obstruktiv "
            "sömnapné",
            body=(
                "Hej Hanna,\nNu är vi klara. Sakkunniga: Tomas Wiklund (öron-näsa-hals, "
                "Umeå) och Leila Moradi (lungmedicin, Uppsala).\n"
                "Rekommendationsgrupp: Annika Fors (distriktsläkare), Johan Sköld "
                "(företagsläkare), Rebecka Lindh (sjuksköterska, sömnmottagning). "
                "Mats Kjellberg från Sömnapnéförbundet är patientföreträdare.\n"
                "Hälsningar\nIngela\n\n"
                "From: Hanna Berglund\nSent: 28 January 2026 15:02\n"
                "Subject: RE: Förfrågan: sakkunniga och rekommendationsgrupp\n\n"
                "Hej Ingela, har ni hunnit titta på nomineringarna? /Hanna\n\n"
                "From: Ingela Hedström\nSent: 21 January 2026 08:40\n"
                "Subject: RE: Förfrågan\n\nVi återkommer nästa vecka. /Ingela"
            ),
            sent_at=dt("2026-02-02 11:15"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="NPO's nominations at the top of a thread quoting two earlier mails",
    )
    p.add(
        "2026-02-16/Conflict of interest - Tomas Wiklund.pdf",
        lambda f: make_pdf(f, _coi_en("Tomas Wiklund", "Expert", "16 February 2026", "Umeå")),
        "coi_declaration",
        register=True,
    )
    p.add(
        "2026-02-16/Wiklund.pdf",
        lambda f: _scan(f, 1),
        "agreement",
        register=True,
        note="textless scan of his signed fee agreement, named by surname only",
    )
    leila_coi = _pdf_bytes(_coi_en("Leila Moradi", "Expert", "12 February 2026", "Uppsala"))
    leila_avtal = _pdf_bytes(
        _agreement("Leila Moradi", "1 150 kr", "2026-02-13", "Karin Edholm, enhetschef")
    )
    p.add(
        "2026-02-18/FW Signed documents Leila Moradi.eml",
        lambda f: _forward_as_attachment(
            f,
            sender=lead,
            to=[f"registrator@{STAFF}"],
            subject="FW: Signed documents – Leila Moradi (FMB OSA)",
            body="Please register in the OSA case. The original mail is attached.\n/Hanna",
            sent_at=dt("2026-02-18 08:05"),
            inner=_mail(
                "Leila Moradi <leila.moradi@akademiska.se>",
                [lead],
                "Signed documents",
                "Hi Hanna,\nAttached are my conflict of interest declaration and the signed "
                "fee agreement.\nBest, Leila",
                dt("2026-02-17 19:30"),
                (
                    ("COI Leila Moradi.pdf", leila_coi),
                    ("Fee agreement signed LM.pdf", leila_avtal),
                ),
            ),
        ),
        "coi_declaration",
        also=("agreement", "correspondence"),
        register=True,
        note="forwarded as an attachment; her declaration and agreement only inside it",
    )
    p.add(
        "2026-02-20/Fee agreement Tomas Wiklund.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement("Tomas Wiklund", "1 150 kr", None, "")[1:],
            author="Hanna Berglund",
        ),
        "agreement",
        draft=True,
        register=False,
        note="the Word file the signed scan (Wiklund.pdf) was printed from",
    )
    p.add(
        "2026-02-23/Statistics request Midas OSA.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["statistik@forsakringskassan.se"],
            subject="Beställning av statistik ur Midas – G47.3 obstruktiv sömnapné",
            body=(
                "Hej,\nSocialstyrelsen beställer uppgifter ur Midas om sjukfall med diagnos G47.3 "
                "2021–2025: antal startade sjukfall, median samt 25:e och 75:e percentilen för "
                "sjukfallens längd, per kön och åldersgrupp.\nHanna Berglund"
            ),
            sent_at=dt("2026-02-23 09:30"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        "2026-03-16/FK delivery sleep apnoea G47.3.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal startade sjukfall", "Median (dagar)", "P25", "P75"],
                ["G47.3", 2024, "Kvinnor", 610, 24, 10, 61],
                ["G47.3", 2024, "Män", 1480, 19, 8, 45],
                ["G47.3", 2025, "Kvinnor", 655, 25, 11, 64],
                ["G47.3", 2025, "Män", 1502, 20, 8, 47],
            ],
            sheet_title="Sjukfall",
            creator="Försäkringskassan",
            extra_sheets={
                "Ålder": [["Åldersgrupp", "Antal"], ["30–49", 980], ["50–64", 1760]],
                "Notes": [["Källa: Midas, Försäkringskassan. Uttag 2026-03-13."]],
            },
        ),
        "statistics",
        register=True,
        note="FK's delivery, three sheets",
    )
    p.add(
        "2026-03-02/Kick-off slides.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Kick-off – FMB obstructive sleep apnoea", "Project group, 2 March 2026"),
                ("The assignment", "New decision support, approval by AC"),
                ("Next steps", "ICF template and text template are sent after the meeting"),
            ],
            author="Hanna Berglund",
        ),
        "presentation",
        register=False,
    )
    p.add(
        "2026-03-02/Kick-off notes.docx",
        lambda f: make_docx(
            f,
            title="Notes – kick-off meeting FMB OSA",
            paragraphs=[
                "Present: Hanna Berglund, Tomas Wiklund, Leila Moradi (Teams).",
                "The instruction and the time plan were presented. The ICF template and the "
                "text template are sent to the experts after the meeting; first texts due 9 April.",
            ],
        ),
        "meeting_notes",
        register=False,
    )
    p.add(
        "2026-03-02/ICF categories for expert assessment OSA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Kategori", "Relevant? (ja/nej)", "Kommentar"],
                ["b130", "Energi- och driftfunktioner", "", ""],
                ["b134", "Sömnfunktioner", "", ""],
                ["b140", "Uppmärksamhetsfunktioner", "", ""],
                ["d240", "Att hantera stress och andra psykologiska krav", "", ""],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        register=True,
        note="sent to the experts after the kick-off",
    )
    p.add(
        "2026-03-09/Brief description of the diagnosis - first draft.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – obstruktiv sömnapné",
            paragraphs=[
                "FIRST DRAFT",
                "Symtom: snarkning, andningsuppehåll under sömn, dagtrötthet.",
                "Behandling: viktnedgång, bettskena, CPAP.",
                "Prognos: god med behandling.",
            ],
            author="Hanna Berglund",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "2026-03-20/RG invitation and meeting booking.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=rg_addr,
            subject="Invitation – recommendation group FMB obstructive sleep apnoea",
            body=(
                "Hej,\nVälkommen till rekommendationsgruppen för det nya beslutsstödet för "
                "obstruktiv sömnapné. Webbenkäten skickas i april och RG-mötet är bokat till "
                "20 maj 2026 kl. 13–15 (Teams). Skicka din ifyllda jävsdeklaration till mig "
                "senast 27 mars.\nHanna"
            ),
            sent_at=dt("2026-03-20 14:00"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="invitation to the RG with the meeting date booked",
    )
    p.add(
        "2026-03-27/Annika Fors.pdf",
        lambda f: make_pdf(
            f,
            _coi("Annika Fors", "Ledamot i rekommendationsgruppen", "2026-03-24", "Skellefteå"),
        ),
        "coi_declaration",
        register=True,
        note="named by the person only",
    )
    p.add(
        "2026-03-27/Rebecka Lindh.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            table=[
                ["Namn", "Rebecka Lindh"],
                ["Uppdrag", "Rekommendationsgruppen, FMB obstruktiv sömnapné"],
                ["Bindningar till företag inom området", "Nej"],
                ["Övrigt", "-"],
                ["Datum", "2026-03-25"],
            ],
            author="Rebecka Lindh",
        ),
        "coi_declaration",
        register=True,
        note="named by the person only",
    )
    p.add(
        "2026-03-27/Mats Kjellberg.pdf",
        lambda f: _scan(f, 2),
        "coi_declaration",
        register=True,
        note="the patient representative's declaration, textless scan, named by the person",
    )
    p.add(
        "2026-04-10/Text proposal and recommendations OSA v3.docx",
        lambda f: make_docx(
            f,
            title="Textförslag och rekommendationer – obstruktiv sömnapné",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=["v3", "Överväg sjukskrivning 1–2 veckor under insättning av CPAP."],
            created=dt("2026-04-10 10:00"),
        ),
        "text_proposal",
        draft=True,
        register=False,
        note="older version",
    )
    proposal = [
        "Textförslag och rekommendationer – obstruktiv sömnapné",
        "Version 4, för synpunkter",
        "Kort om diagnosen: snarkning, andningsuppehåll, dagtrötthet; god prognos med CPAP.",
        "Rekommendation 1: Överväg sjukskrivning 1–2 veckor under insättning av CPAP vid "
        "trafiksäkerhetskrävande arbete.",
        "Rekommendation 2: Sjukskrivning behövs vanligen inte vid lindrig sömnapné.",
    ]
    p.add(
        "2026-04-17/Text proposal and recommendations OSA v4 - for consultation.pdf",
        lambda f: make_pdf(f, proposal),
        "text_proposal",
        register=True,
        note="the version sent to the RG, FK and NPO",
    )
    p.add(
        "2026-04-17/Text proposal and recommendations OSA v4 - for consultation.docx",
        lambda f: make_docx(f, title=proposal[0], paragraphs=proposal[1:]),
        "text_proposal",
        draft=True,
        register=False,
        note="the Word file beside the PDF sent out",
    )
    p.add(
        "2026-04-20/Web survey RG - cover letter and questions.docx",
        lambda f: make_docx(
            f,
            title="Webbenkät till rekommendationsgruppen – FMB obstruktiv sömnapné",
            paragraphs=[
                "Du får denna enkät som deltagare i rekommendationsgruppen. Svara senast "
                "4 maj 2026.",
                "Fråga 1: Instämmer du i rekommendation 1? Fråga 2: Instämmer du i "
                "rekommendation 2? Fråga 3: Övriga synpunkter.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "2026-04-20/Consultation FK and NPO - OSA.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["fmb@forsakringskassan.se", "npo.lungsjukdomar@regionuppsala.se"],
            subject="Consultation: text proposal FMB obstructive sleep apnoea",
            body=(
                "Hej,\nBifogat finns textförslag och rekommendationer för det nya beslutsstödet "
                "för obstruktiv sömnapné. Vi tar gärna emot era synpunkter senast 8 maj.\nHanna"
            ),
            sent_at=dt("2026-04-20 09:00"),
            attachments=[("OSA v4 for consultation.pdf", _pdf_bytes(proposal))],
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="material sent to FK and NPO for comments",
    )
    p.add(
        "2026-05-06/Survey results OSA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Question", "Agree", "Partly", "Disagree"],
                ["Rec 1", 3, 1, 0],
                ["Rec 2", 2, 1, 1],
            ],
            sheet_title="Summary",
            extra_sheets={
                "Responses": [
                    ["Respondent", "Submitted", "Q1", "Q2", "Q3"],
                    [1, "2026-04-22", "Agree", "Agree", ""],
                    [2, "2026-04-27", "Agree", "Partly", "Ange yrkesförare särskilt"],
                    [3, "2026-04-30", "Partly", "Disagree", "Lindrig apné kan ge trötthet"],
                    [4, "2026-05-03", "Agree", "Agree", ""],
                ],
                "Free text": [
                    ["Comment"],
                    ["Ange yrkesförare särskilt"],
                    ["Lindrig apné kan ge trötthet"],
                ],
            },
        ),
        "survey_response",
        register=True,
        note="survey results, three sheets",
    )
    npo_comments = _docx_bytes(
        "Synpunkter från NPO Lungsjukdomar",
        ["Rekommendation 1 bör nämna yrkesförare och andra trafiksäkerhetskrävande yrken."],
    )
    p.add(
        "2026-05-08/FW Comments from NPO on OSA.eml",
        lambda f: _forward_as_attachment(
            f,
            sender=lead,
            to=[f"registrator@{STAFF}"],
            subject="FW: Synpunkter FMB obstruktiv sömnapné",
            body="For registration in the OSA case.\n/Hanna",
            sent_at=dt("2026-05-08 13:00"),
            inner=_mail(
                "Ingela Hedström <ingela.hedstrom@regionuppsala.se>",
                [lead],
                "Synpunkter FMB obstruktiv sömnapné",
                "Hej,\nHär kommer NPO Lungsjukdomars synpunkter på textförslaget.\n/Ingela",
                dt("2026-05-07 16:20"),
                (("Synpunkter NPO OSA.docx", npo_comments),),
            ),
        ),
        "comments",
        also=("correspondence",),
        register=True,
        note="the NPO's comments, forwarded as an attachment",
    )
    p.add(
        "2026-05-20/RG meeting minutes.docx",
        lambda f: make_docx(
            f,
            title="Minutes – recommendation group meeting, FMB OSA, 20 May 2026",
            paragraphs=[
                "Present: Annika Fors, Rebecka Lindh, Mats Kjellberg (patient representative), "
                "Hanna Berglund, Tomas Wiklund. Absent: Johan Sköld.",
                "Decision: recommendation 1 names professional drivers; recommendation 2 is "
                "kept but mentions daytime sleepiness.",
            ],
        ),
        "meeting_notes",
        register=True,
        note="RG meeting with decisions",
    )
    p.add(
        "2026-06-05/Comments and responses OSA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["From", "Comment", "Response"],
                ["RG", "Ange yrkesförare", "Added to rec 1"],
                ["NPO", "Trafiksäkerhetskrävande yrken", "Added to rec 1"],
                ["RG", "Dagtrötthet vid lindrig apné", "Mentioned in rec 2"],
            ],
            sheet_title="Comments",
        ),
        "comments",
        also=("text_proposal",),
        register=True,
        note="record of how comments were handled",
    )
    p.add(
        "2026-06-12/OSA final version.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – obstruktiv sömnapné",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "Final version after the consultation.",
                "Överväg sjukskrivning 1–2 veckor under insättning av CPAP för yrkesförare.",
            ],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "2026-06-12/Knowledge basis and methods OSA.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – obstruktiv sömnapné",
            paragraphs=[
                "Method: expert assessment, literature search, web survey and meeting with the "
                "recommendation group. Statistik: Försäkringskassan, Midas 2021–2025.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "2026-06-15/Feedback to RG.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=rg_addr,
            subject="Feedback – FMB obstructive sleep apnoea",
            body=(
                "Hej alla,\nTack för era synpunkter. Återkoppling: yrkesförare nämns nu i "
                "rekommendation 1 och dagtrötthet i rekommendation 2. Beslut av AC i september.\n"
                "Hanna"
            ),
            sent_at=dt("2026-06-15 10:00"),
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="feedback to the RG",
    )
    p.add(
        "2026-09-08/Approval memo AC OSA.pdf",
        lambda f: make_pdf(
            f,
            [
                "Föredragningspromemoria och beslut",
                "Ärende: publicering av nytt försäkringsmedicinskt beslutsstöd för obstruktiv "
                "sömnapné.",
                "Avdelningschefen beslutar att beslutsstödet publiceras.",
                "2026-09-08 Per Ivarsson, avdelningschef. Föredragande: Hanna Berglund.",
            ],
        ),
        "approval",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Johan Sköld: no declaration
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
        "missing_coi_for": ["Johan Sköld"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def gad(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Generaliserat ångestsyndrom - uppdatering")
    lead = f"Ulrika Strand <ulrika.strand@{STAFF}>"
    experts = ["Sanna Ek", "Jonas Lindholm"]
    rg = ["Karin Åberg", "Mehmet Yilmaz", "Elin Sandström"]
    patient = "Lars-Göran Pihl"
    rg_addr = [
        "karin.aberg@regionjh.se",
        "mehmet.yilmaz@regionhalland.se",
        "elin.sandstrom@regionkalmar.se",
        "lars-goran.pihl@rsmh.se",
    ]
    mine = "Ulrikas filer"

    p.add(
        "Projektplan GAD uppdatering 2026.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering av FMB generaliserat ångestsyndrom (F41.1)",
            paragraphs=[
                "Beslutsstödet från 2017 uppdateras: rekommendationerna om sjukskrivningens "
                "längd och deltid ses över.",
                "Projektledare Ulrika Strand; två sakkunniga (psykiatri, allmänmedicin) via NPO "
                "Psykisk hälsa; rekommendationsgrupp med patientföreträdare (RSMH).",
                "Beslut: enhetschef (EC). Webbenkät till RG i april; möte bara vid behov.",
            ],
            author="Ulrika Strand",
            created=dt("2026-01-26 09:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Tidplan.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Vecka", "Ansvarig"],
                ["Nominering sakkunniga och RG", "6–7", "US"],
                ["Jäv och avtal", "8–9", "US"],
                ["Statistik FK", "8–11", "US"],
                ["Uppstartsmöte", "10", "US"],
                ["Enkät RG", "16–17", "US"],
                ["EC", "38", "US"],
            ],
            sheet_title="Tidplan",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Förfrågan NPO psykisk hälsa.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["npo.psykiskhalsa@regionstockholm.se"],
            subject="Förfrågan om sakkunniga och RG – uppdatering FMB generaliserat ångestsyndrom",
            body=(
                "Hej,\nVi uppdaterar beslutsstödet för generaliserat ångestsyndrom och ber NPO "
                "Psykisk hälsa nominera två sakkunniga och deltagare till rekommendationsgruppen "
                "senast 13 februari.\nUlrika Strand"
            ),
            sent_at=dt("2026-02-02 08:30"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Svar NPO.eml",
        lambda f: make_eml(
            f,
            sender="Björn Wahlgren <bjorn.wahlgren@regionstockholm.se>",
            to=[lead],
            subject="SV: Förfrågan om sakkunniga och RG – uppdatering FMB generaliserat "
            "ångestsyndrom",
            body=(
                "Hej Ulrika,\nNPO föreslår Sanna Ek (psykiater, Stockholm) och Jonas Lindholm "
                "(allmänläkare, Falun) som sakkunniga, och Karin Åberg, Mehmet Yilmaz och Elin "
                "Sandström till rekommendationsgruppen. RSMH föreslår Lars-Göran Pihl som "
                "patientföreträdare.\nMvh Björn Wahlgren, NPO Psykisk hälsa"
            ),
            sent_at=dt("2026-02-12 16:10"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "Sakkunniga/Sanna Ek.pdf",
        lambda f: make_pdf(f, _coi("Sanna Ek", "Sakkunnig", "2026-02-19", "Stockholm")),
        "coi_declaration",
        register=True,
        note="named by the person only",
    )
    p.add(
        "Sakkunniga/Sanna Ek avtal.pdf",
        lambda f: make_pdf(
            f, _agreement("Sanna Ek", "1 200 kr", "2026-02-24", "Marie Lönn, enhetschef")
        ),
        "agreement",
        register=True,
    )
    p.add(
        "Sakkunniga/Sanna Ek avtal.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement("Sanna Ek", "1 200 kr", None, "")[1:],
        ),
        "agreement",
        draft=True,
        register=False,
        note="the Word file beside the signed PDF",
    )
    p.add(
        "Sakkunniga/Jonas Lindholm.pdf",
        lambda f: _scan(f, 3),
        "coi_declaration",
        register=True,
        note="textless scan named by the person only",
    )
    p.add(
        "Sakkunniga/Lindholm J - underskrivet.pdf",
        lambda f: make_pdf(
            f, _agreement("Jonas Lindholm", "1 200 kr", "2026-02-26", "Marie Lönn, enhetschef")
        ),
        "agreement",
        register=True,
    )
    p.add(
        "Sakkunniga/Lindholm J.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement("Jonas Lindholm", "1 200 kr", None, "")[1:],
        ),
        "agreement",
        draft=True,
        register=False,
        note="the Word file beside the signed PDF",
    )
    p.add(
        "Statistik/Beställning Midas F41.1.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["statistik@forsakringskassan.se"],
            subject="Statistikbeställning Midas – F41.1",
            body=(
                "Hej,\nVi beställer antal startade sjukfall och sjukfallens längd (median, "
                "p25, p75) för F41.1, 2020–2025, per kön och omfattning (hel/deltid).\nUlrika"
            ),
            sent_at=dt("2026-02-23 10:00"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Statistik/F411 sjukfall 2020-2025.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["År", "Kön", "Antal startade sjukfall", "Median (dagar)"],
                [2024, "Kvinnor", 9120, 58],
                [2024, "Män", 3980, 51],
            ],
            sheet_title="Per kön",
            creator="Försäkringskassan",
            extra_sheets={
                "Omfattning": [["Omfattning", "Andel"], ["Heltid", "61 %"], ["Deltid", "39 %"]]
            },
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Uppstart/Uppstartsmöte GAD.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstartsmöte – uppdatering FMB GAD", "9 mars 2026"),
                ("Vad ska ses över", "Sjukskrivningens längd, deltid"),
                ("Efter mötet", "Befintlig text i mallen skickas till er"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "Uppstart/Anteckningar uppstart.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar uppstartsmöte 9 mars",
            paragraphs=[
                "Närvarande: Ulrika Strand, Sanna Ek, Jonas Lindholm.",
                "Befintlig text skickas i mallen; reviderade texter senast 3 april.",
            ],
        ),
        "meeting_notes",
        register=False,
    )
    p.add(
        "Texter/Reviderade texter JL.docx",
        lambda f: make_docx(
            f,
            title="Reviderade texter – generaliserat ångestsyndrom",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Aktivitetsbegränsning"],
            paragraphs=[
                "Oro och ängslan större delen av tiden i minst sex månader; muskelspänning, "
                "sömnstörning. Nedsatt koncentrationsförmåga (b140) och uthållighet (b455)."
            ],
            author="Jonas Lindholm",
        ),
        "text_proposal",
        also=("icf_assessment",),
        register=True,
        note="an expert's revised texts, received",
    )
    remiss = [
        "Generaliserat ångestsyndrom – textförslag med rekommendationer (remissversion)",
        "Rekommendation 1: Överväg deltidssjukskrivning 2–6 veckor vid måttliga symtom.",
        "Rekommendation 2: Överväg heltid i högst 4 veckor vid uttalade symtom.",
    ]
    p.add(
        "Texter/GAD rekommendationer remissversion.pdf",
        lambda f: make_pdf(f, remiss),
        "text_proposal",
        register=True,
        note="the version sent out for comments",
    )
    p.add(
        "Texter/GAD rekommendationer remissversion.docx",
        lambda f: make_docx(f, title=remiss[0], paragraphs=remiss[1:]),
        "text_proposal",
        draft=True,
        register=False,
        note="the Word file beside the PDF sent out",
    )
    p.add(
        "Enkät/Missiv webbenkät RG.pdf",
        lambda f: make_pdf(
            f,
            [
                "Missiv – webbenkät till rekommendationsgruppen, FMB generaliserat ångestsyndrom",
                "Vi ber dig svara på enkäten om de uppdaterade rekommendationerna senast "
                "28 april 2026.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Enkät/Enkätresultat GAD.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Fråga", "Instämmer", "Delvis", "Instämmer inte"],
                ["Rek 1", 3, 1, 0],
                ["Rek 2", 4, 0, 0],
            ],
            sheet_title="Sammanfattning",
            extra_sheets={
                "Svar": [
                    ["Svars-ID", "Datum", "Rek 1", "Rek 2", "Kommentar"],
                    [1, "2026-04-16", "Instämmer", "Instämmer", ""],
                    [2, "2026-04-20", "Delvis", "Instämmer", "Nämn arbetsplatsdialog"],
                    [3, "2026-04-23", "Instämmer", "Instämmer", ""],
                    [4, "2026-04-27", "Instämmer", "Instämmer", "Bra"],
                ],
                "Fritext": [["Kommentar"], ["Nämn arbetsplatsdialog"], ["Bra"]],
            },
        ),
        "survey_response",
        register=True,
        note="survey results, three sheets",
    )
    p.add(
        "Synpunkter/VB Synpunkter från FK.eml",
        lambda f: _forward_as_attachment(
            f,
            sender=lead,
            to=[f"registrator@{STAFF}"],
            subject="VB: Synpunkter på FMB generaliserat ångestsyndrom",
            body="För diarieföring. /Ulrika",
            sent_at=dt("2026-04-30 09:00"),
            inner=_mail(
                "Försäkringskassan <fmb@forsakringskassan.se>",
                [lead],
                "Synpunkter på FMB generaliserat ångestsyndrom",
                "Hej,\nFörsäkringskassan anser att rekommendation 1 bör ange när deltid "
                "inte räcker, och att arbetsplatsdialog bör nämnas.\nEnheten för "
                "försäkringsmedicin",
                dt("2026-04-29 15:45"),
            ),
        ),
        "comments",
        register=True,
        note="FK's comments, forwarded as an attachment",
    )
    p.add(
        "Synpunkter/Omhändertagande synpunkter.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Från", "Synpunkt", "Omhändertagande"],
                ["FK", "När räcker inte deltid?", "Förtydligat i rek 1"],
                ["RG", "Arbetsplatsdialog", "Infört"],
            ],
            sheet_title="Synpunkter",
        ),
        "comments",
        also=("text_proposal",),
        register=True,
    )
    for name, lines in (
        ("Karin Åberg", _coi("Karin Åberg", "Rekommendationsgruppen", "2026-03-03", "Östersund")),
        (
            "Mehmet Yilmaz",
            _coi("Mehmet Yilmaz", "Rekommendationsgruppen", "2026-03-04", "Halmstad"),
        ),
    ):
        p.add(
            f"RG/{name}.pdf",
            lambda f, lines=lines: make_pdf(f, lines),
            "coi_declaration",
            register=True,
            note="named by the person only",
        )
    p.add(
        "RG/Elin Sandström.docx",
        lambda f: make_docx(
            f,
            paragraphs=_coi("Elin Sandström", "Rekommendationsgruppen", "2026-03-05", "Kalmar"),
            author="Elin Sandström",
        ),
        "coi_declaration",
        register=True,
        note="named by the person only",
    )
    p.add(
        "RG/Lars-Göran Pihl.pdf",
        lambda f: _scan(f, 4),
        "coi_declaration",
        register=True,
        note="the patient representative's declaration, textless scan",
    )
    final = [
        "Försäkringsmedicinskt beslutsstöd – generaliserat ångestsyndrom",
        "Slutversion efter synpunkter.",
        "Rekommendation 1: Överväg deltidssjukskrivning 2–6 veckor; arbetsplatsdialog.",
    ]
    p.add(
        "Slutversion/GAD FMB slutversion 2026-09.docx",
        lambda f: make_docx(
            f, title=final[0], headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=final[1:],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )  # fmt: skip
    p.add(
        "Slutversion/Kunskapsunderlag GAD.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – generaliserat ångestsyndrom",
                "Metod: sakkunnigas bedömning, litteratursökning, webbenkät till "
                "rekommendationsgruppen. Statistik: Midas 2020–2025.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "Återkoppling till RG.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=rg_addr,
            subject="Återkoppling – FMB generaliserat ångestsyndrom",
            body=(
                "Hej,\nTack för era svar. Arbetsplatsdialog nämns nu i rekommendation 1 och vi "
                "har förtydligat när deltid inte räcker. Beslut av EC i september.\nUlrika"
            ),
            sent_at=dt("2026-06-02 11:00"),
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="feedback to the RG",
    )
    p.add(
        "Beslut/EC-beslut GAD.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslut",
                "Enhetschefen beslutar att det uppdaterade försäkringsmedicinska beslutsstödet "
                "för generaliserat ångestsyndrom publiceras.",
                "2026-09-16 Marie Lönn, enhetschef. Föredragande: Ulrika Strand.",
            ],
        ),
        "approval",
        register=True,
    )
    p.add(
        "Erfarenhetsrapport GAD.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – uppdatering FMB generaliserat ångestsyndrom",
            paragraphs=[
                "Det gick bra: alla jävsdeklarationer kom in i tid.",
                "Att förbättra: boka EC tidigare.",
            ],
        ),
        "experience_report",
        register=True,
    )
    # convenience copies in the lead's personal folder (byte for byte the same files)
    for src, dst, cls, note in (
        ("Sakkunniga/Sanna Ek avtal.pdf", "Sanna Ek avtal.pdf", "agreement", ""),
        ("Sakkunniga/Jonas Lindholm.pdf", "Jonas Lindholm.pdf", "coi_declaration", "a scan"),
        (
            "Slutversion/GAD FMB slutversion 2026-09.docx",
            "GAD FMB slutversion 2026-09.docx",
            "publication",
            "",
        ),
        ("Enkät/Enkätresultat GAD.xlsx", "Enkätresultat GAD.xlsx", "survey_response", ""),
    ):
        p.add(
            f"{mine}/{dst}",
            lambda f, src=src: _copy(p.root / src, f),
            cls,
            also=("text_proposal",) if cls == "publication" else (),
            register=False,
            note=f"convenience copy of {src} in a personal folder {note}".strip(),
        )
    p.add(
        f"{mine}/att göra.txt",
        lambda f: _txt(
            f,
            "Att göra GAD\n- påminn RG om enkäten\n- boka EC v. 38\n- skicka återkoppling "
            "till RG\n- erfarenhetsrapport\n",
        ),
        "other",
        also=("project_plan",),
        register=False,
        note="the lead's own to-do list",
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
        "consider_comments": "needs_confirmation",  # update: no meeting, none needed?
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
            # two declarations are textless scans: named by the file, but a careful
            # check may still ask a person to confirm them
            "recruit_project_group": ["needs_confirmation"],
            "recruit_recommendation_group": ["needs_confirmation"],
            "consider_comments": ["complete"],
            "collect_comments": ["partial"],
            "startup_meeting": ["partial"],
            "vips": ["missing"],
            "records_closure": ["missing"],
        },
        "missing_coi_for": [],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def knee(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Knäartros uppd 2026")
    lead = f"Oskar Lund <oskar.lund@{STAFF}>"
    expert = "Helena Widén"
    proposal = [
        "Knäartros (M17) – textförslag med rekommendationer, uppdatering 2026",
        "Kort om diagnosen: smärta och stelhet i knäleden; behandling med träning, "
        "viktnedgång, ibland protes.",
        "Rekommendation: Överväg sjukskrivning 6–12 veckor efter knäprotes vid fysiskt "
        "tungt arbete.",
    ]

    p.add(
        "Projektplan knäartros.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering FMB knäartros",
            paragraphs=[
                "Förenklad uppdatering av rekommendationen efter knäprotes. En sakkunnig "
                "(ortopedi). Ingen ny statistik och ingen rekommendationsgrupp; texten skickas "
                "till FK och NPO för synpunkter.",
                "Projektledare Oskar Lund. Beslut av enhetschef (EC).",
            ],
            author="Oskar Lund",
            created=dt("2026-02-23 10:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Förfrågan sakkunnig ortopedi.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["npo.rorelse@regionostergotland.se"],
            subject="Förfrågan om sakkunnig – uppdatering FMB knäartros",
            body=(
                "Hej,\nVi gör en mindre uppdatering av beslutsstödet för knäartros och behöver "
                "en sakkunnig ortoped. Har ni ett namn?\nOskar Lund"
            ),
            sent_at=dt("2026-02-25 09:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "IMG_20260311_0932.pdf",
        lambda f: _scan(f, 5),
        "coi_declaration",
        register=True,
        note="Helena Widén's declaration photographed with a phone; name says nothing",
    )
    p.add(
        "Avtal Helena Widén.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning för sakkunnig",
            paragraphs=_agreement(expert, "1 100 kr", None, "")[1:],
        ),
        "agreement",
        draft=True,
        register=False,
        note="the Word file beside the signed PDF",
    )
    p.add(
        "Avtal Helena Widén signerat.pdf",
        lambda f: make_pdf(
            f, _agreement(expert, "1 100 kr", "2026-03-12", "Sofia Rehn, enhetschef")
        ),
        "agreement",
        register=True,
    )  # fmt: skip
    p.add(
        "Helena Widén - reviderade texter.docx",
        lambda f: make_docx(
            f,
            title="Reviderade texter knäartros",
            headings=["Funktionsnedsättning", "Rekommendationer"],
            paragraphs=["Efter knäprotes: nedsatt rörlighet och uthållighet (b710, b455)."],
            author=expert,
        ),
        "text_proposal",
        also=("icf_assessment",),
        register=True,
        note="the expert's revised texts, received",
    )
    p.add(
        "Knäartros textförslag 2026-05.docx",
        lambda f: make_docx(f, title=proposal[0], paragraphs=proposal[1:]),
        "text_proposal",
        register=True,
        note="the version mailed to FK and NPO",
    )
    p.add(
        "Remiss FMB knäartros till FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["fmb@forsakringskassan.se", "npo.rorelse@regionostergotland.se"],
            subject="Remiss: uppdaterat FMB knäartros",
            body=(
                "Hej,\nBifogat finns det uppdaterade textförslaget för knäartros. Synpunkter "
                "senast 5 juni.\nOskar"
            ),
            sent_at=dt("2026-05-18 09:00"),
            attachments=[("Knäartros textförslag 2026-05.docx",
                          _docx_bytes(proposal[0], proposal[1:]))],
        ),
        "correspondence",
        also=("comments",),
        register=True,
    )  # fmt: skip
    p.add(
        "SV Remiss FMB knäartros.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <fmb@forsakringskassan.se>",
            to=[lead],
            subject="SV: Remiss: uppdaterat FMB knäartros",
            body=(
                "Hej,\nFörsäkringskassan har inga invändningar men föreslår att deltid nämns "
                "vid återgång i arbete efter protes.\nMvh FK"
            ),
            sent_at=dt("2026-06-03 14:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "RE_ RE_ Remiss FMB knäartros - NPO.eml",
        lambda f: make_eml(
            f,
            sender="Anders Blom <anders.blom@regionostergotland.se>",
            to=[lead],
            subject="RE: RE: Remiss: uppdaterat FMB knäartros",
            body=(
                "Hej Oskar,\nNPO:s synpunkter i korthet: 6–12 veckor är rimligt, men ange "
                "kortare tid vid stillasittande arbete. Yttrandet i sin helhet kommer i ett "
                "separat mejl.\n"
                "Anders\n\n"
                "From: Oskar Lund\nSent: 1 June 2026\nSubject: RE: Remiss\n\n"
                "Hej Anders, hinner ni svara till 5 juni?\n\n"
                "From: Anders Blom\nSent: 19 May 2026\nSubject: RE: Remiss\n\nVi tittar på det."
            ),
            sent_at=dt("2026-06-04 17:30"),
        ),
        "comments",
        register=True,
        note="the NPO's comments at the top of a thread",
    )
    p.add(
        "ATT00001.pdf",
        lambda f: make_pdf(
            f,
            [
                "Synpunkter från NPO Rörelseorganens sjukdomar",
                "Remiss: uppdaterat försäkringsmedicinskt beslutsstöd för knäartros",
                "Rekommendationen 6–12 veckor efter knäprotes är rimlig vid tungt arbete. Ange "
                "kortare tid (2–4 veckor) vid stillasittande arbete.",
                "Linköping 2026-06-04, Anders Blom",
            ],
        ),
        "comments",
        register=True,
        note="the NPO's comments saved from the mail under Outlook's attachment name",
    )
    p.add(
        "Mejl från Helena om tider.eml",
        lambda f: make_eml(
            f,
            sender="Helena Widén <helena.widen@regionostergotland.se>",
            to=[lead],
            subject="Tider",
            body="Hej Oskar,\nJag kan ringa på torsdag efter kl. 15.\n/Helena",
            sent_at=dt("2026-04-08 12:00"),
        ),
        "correspondence",
        register=False,
        note="practical arrangements only, no facts of the matter",
    )
    p.add(
        "Knäartros slutlig version.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – knäartros",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=[
                "Slutlig version.",
                "Överväg sjukskrivning 6–12 veckor efter knäprotes vid fysiskt tungt arbete och "
                "2–4 veckor vid stillasittande arbete; deltid vid återgång.",
            ],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "Föredragningspromemoria knäartros.docx",
        lambda f: make_docx(
            f,
            title="Föredragningspromemoria – uppdatering av FMB knäartros",
            paragraphs=[
                "Förslag till beslut: enhetschefen beslutar att det uppdaterade beslutsstödet "
                "för knäartros publiceras.",
                "Föredragande: Oskar Lund. Synpunkter har inhämtats från Försäkringskassan och "
                "NPO Rörelseorganens sjukdomar.",
            ],
        ),
        "approval",
        register=True,
        note="the memo presented to EC",
    )
    p.add(
        "Beslut EC knäartros signerat.pdf",
        lambda f: _scan(f, 6),
        "approval",
        register=True,
        note="textless scan of the signed decision; the name says what it is",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "missing",  # skipped
        "recruit_recommendation_group": "missing",  # skipped: no RG at all
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "missing",  # skipped
        "compile_proposals": "complete",
        "collect_comments": "partial",  # FK and NPO by mail, no survey to an RG
        "consider_comments": "partial",  # comments in, no survey report
        "revise": "partial",  # final version, no record of handling, no feedback
        "knowledge_basis": "missing",
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
            # one expert (enough only if sick leave is uncomplicated: a person's call) and
            # an anonymous scan as the only declaration
            "recruit_project_group": ["needs_confirmation"],
            "statistics": ["partial"],
            "recruit_recommendation_group": ["partial"],
            "startup_meeting": ["partial"],
            "consider_comments": ["needs_confirmation"],
            "vips": ["missing"],
            "records_closure": ["needs_confirmation"],
        },
        "missing_coi_for": [],
        "people": _people([expert], [], None),
    }
    return p, meta


PROJECTS = (osa, gad, knee)
