"""The session-5 holdout: three FMB project folders in another agency's habits.

Written by hand (session 5, issue #4) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session5`). The habits
are a registrar's and project leads' that none of the earlier sets use:

- a SharePoint library synced to disk (`Dokument/01 Styrning/…`) under a project
  folder named by its diarienummer; registered incoming documents renamed by the
  registrar to their diarienummer only (`2.4-31562-2026-4.pdf`) or with a word
  after it;
- OneDrive/SharePoint conflict copies (`… (1).docx`, `… (2).pdf`);
- PDF/A exports named so (`…_PDFA.pdf`, `(PDF-A)`), an unsigned Word file beside
  the signed PDF/A;
- declarations collected with a web form and kept as its spreadsheet export
  (one row per person), and a scanned form with OCR errors (`l` for `i`);
- mail threads forwarded inside the agency (`VB:`, `FW:`, `Fwd:`) with the
  original message quoted below the forward header, attachments carried along;
- document codes as prefixes (`EPI-00 …`) and English words for Swedish
  documents ("engagement letter", "lessons learned", "DoI", "handling of
  comments"), a survey export as CSV;
- numbered version suffixes without a dot (`_v03`, `ver 5`, `draft 2`).

Labelling choices, as in the earlier sets (DOMAIN.md, "what a registrar would
expect"): a declaration export is the declarations received (registered); a
conflict copy is what its original is; a Word file beside the signed PDF/A of the
same document is the working copy (draft, not registered); a forwarded mail is
classed by what it carries; the group's own roster is never registered.

Projects:
- `Dnr 2.4-31562-2026 Reumatoid artrit` — new support; survey answered, comments
  in, RG meeting held, revision begun; Fredrik Sandell (RG) has no declaration.
- `FMB_Epikondylit_update` — update, approved by EC and evaluated; Göran Viklund
  (RG) has no declaration.
- `Tinnitus 2026 (uppdatering)` — update stopped early in recruitment; Ove
  Karlsson (expert) has no declaration and an unsigned agreement draft only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def _pdf_bytes(lines: list[str], title: str | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_pdf(Path(tmp) / "a.pdf", lines, title=title).read_bytes()


def _forward(sender: str, original_from: str, sent: str, subject: str, body: str) -> str:
    """An Outlook forward: a line from the forwarder, then the original below its header."""
    return (
        f"{body}\n\n-----Ursprungligt meddelande-----\nFrån: {original_from}\n"
        f"Skickat: {sent}\nÄmne: {subject}\n\n"
    )


def _coi_lines(name: str, role: str, extra: str = "") -> list[str]:
    return [
        "Jävsdeklaration",
        f"Namn: {name}",
        f"Uppdrag: {role}, försäkringsmedicinskt beslutsstöd",
        "Har du ekonomiska intressen i företag inom området? Nej",
        "Har du uppdrag eller anställning som kan påverka din bedömning? Nej",
        *([extra] if extra else []),
        "Jag intygar att uppgifterna är riktiga.",
        f"Ort och datum: Göteborg 2026-03-09   Underskrift: {name}",
    ]


def _agreement_lines(name: str, signed: bool) -> list[str]:
    lines = [
        "Uppdragsavtal – sakkunnig i projektgrupp",
        f"Parter: Socialstyrelsen och {name} (uppdragstagaren)",
        "Uppdraget: medverka som sakkunnig vid framtagandet av försäkringsmedicinskt beslutsstöd.",
        "Ersättning: arvode 1 200 kr per timme, högst 40 timmar, mot faktura.",
        "Avtalstid: 2026-03-01 – 2026-12-31",
    ]
    if signed:
        lines += [
            "För Socialstyrelsen: Karin Holm, enhetschef   2026-03-12",
            f"Uppdragstagare: {name}   2026-03-14   (signerat)",
        ]
    else:
        lines += ["Ort och datum ____________   Underskrift ____________"]
    return lines


# ---------------------------------------------------------------- project A


def reumatoid(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Dnr 2.4-31562-2026 Reumatoid artrit")
    kh = f"Karin Holm <karin.holm@{STAFF}>"
    experts = ["Mikael Strand", "Sofia Berggren"]
    rg = ["Anders Wallin", "Fredrik Sandell", "Maja Eklöf"]
    patient = "Inger Bodin"
    lib = "Dokument"

    plan = [
        "Bakgrund: det finns inget beslutsstöd för reumatoid artrit (M05–M06). "
        "Nytt beslutsstöd tas fram enligt instruktion 3.1.3.5.",
        "Projektorganisation: projektledare Karin Holm; två sakkunniga (reumatologi, "
        "arbetsterapi) rekryteras via NPO Rörelseorganens sjukdomar; rekommendationsgrupp "
        "med patientföreträdare.",
        "Tidplan: uppstart mars, enkät till RG i april, RG-möte i maj, beslut av AC i december.",
    ]
    p.add(
        f"{lib}/01 Styrning/Projektdirektiv RA.docx",
        lambda f: make_docx(f, title="Projektdirektiv – FMB reumatoid artrit", paragraphs=plan,
                            author="Karin Holm", created=dt("2026-02-02 09:00")),
        "project_plan",
        register=False,
    )  # fmt: skip
    p.add(
        f"{lib}/01 Styrning/Projektdirektiv RA (1).docx",
        lambda f: make_docx(f, title="Projektdirektiv – FMB reumatoid artrit", paragraphs=plan,
                            author="Karin Holm", created=dt("2026-02-02 09:00")),
        "project_plan",
        register=False,
        note="OneDrive conflict copy",
    )  # fmt: skip
    p.add(
        f"{lib}/01 Styrning/Tids- och aktivitetsplan RA.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Ansvarig", "Start", "Klart"],
                ["Rekrytera sakkunniga, jäv och avtal", "KH", "2026-02-09", "2026-03-13"],
                ["Statistik från FK (Midas)", "KH", "2026-02-16", "2026-03-31"],
                ["Uppstartsmöte", "KH", "2026-03-02", "2026-03-02"],
                ["Webbenkät RG", "KH", "2026-04-13", "2026-04-27"],
                ["RG-möte", "KH", "2026-05-20", "2026-05-20"],
                ["Föredragning AC", "KH", "2026-12-07", ""],
            ],
            sheet_title="Plan",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        f"{lib}/01 Styrning/Startmöte projektgrupp RA.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Startmöte – FMB reumatoid artrit", "Projektgruppen 2 mars 2026"),
                ("Uppdraget", "Nytt försäkringsmedicinskt beslutsstöd enligt instruktion"),
                ("Arbetssätt", "ICF-mall till sakkunniga efter mötet; textförslag i april"),
            ],
            author="Karin Holm",
        ),
        "presentation",
        register=False,
    )
    p.add(
        f"{lib}/01 Styrning/Anteckningar startmöte 2026-03-02.docx",
        lambda f: make_docx(
            f,
            title="Anteckningar från startmöte med projektgruppen",
            paragraphs=[
                "Närvarande: Karin Holm, Mikael Strand, Sofia Berggren.",
                "Karin presenterade uppdraget och arbetssättet. Mall för ICF-kategorier "
                "skickas till de sakkunniga efter mötet.",
                "Nästa möte: 2026-04-06.",
            ],
        ),
        "meeting_notes",
        register=False,
        note="startup notes, no new facts for the matter",
    )
    # 02 Projektgrupp
    nominees = (
        "Hej,\nNPO Rörelseorganens sjukdomar föreslår Mikael Strand, reumatolog, Linköping, "
        "och Sofia Berggren, arbetsterapeut, Örebro, som sakkunniga i projektgruppen.\n"
        "Vänliga hälsningar\nÅsa Nord, NPO-samordnare"
    )
    p.add(
        f"{lib}/02 Projektgrupp/VB_ Förslag på sakkunniga reumatologi.eml",
        lambda f: make_eml(
            f,
            sender=kh,
            to=[f"registrator@{STAFF}"],
            subject="VB: Förslag på sakkunniga – FMB reumatoid artrit",
            body=_forward(kh, "NPO Rörelseorganens sjukdomar <npo.rorelse@regionostergotland.se>",
                          "den 16 februari 2026 14:02", "Förslag på sakkunniga – FMB reumatoid "
                          "artrit", "För diarieföring.") + nominees,
            sent_at=dt("2026-02-16 15:10"),
        ),
        "nomination_request",
        register=True,
        note="the NPO's nominations, forwarded to the registrar",
    )  # fmt: skip
    p.add(
        f"{lib}/02 Projektgrupp/2.4-31562-2026-4.pdf",
        lambda f: make_pdf(f, _coi_lines("Mikael Strand", "Sakkunnig")),
        "coi_declaration",
        register=True,
        note="named by the registrar with the diarienummer only",
    )
    p.add(
        f"{lib}/02 Projektgrupp/2.4-31562-2026-5 Avtal Mikael Strand.pdf",
        lambda f: make_pdf(f, _agreement_lines("Mikael Strand", signed=True)),
        "agreement",
        register=True,
    )
    p.add(
        f"{lib}/02 Projektgrupp/Conflict of interest form - S Berggren (PDF-A).pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests (conflict of interest form)",
                "Name: Sofia Berggren",
                "Assignment: expert in the project group, decision support rheumatoid arthritis",
                "Financial interests in companies in the field: none",
                "Other assignments that may affect my assessment: none",
                "Date and signature: 2026-03-10, Sofia Berggren",
            ],
            title="Conflict of interest form - S Berggren",
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        f"{lib}/02 Projektgrupp/Uppdragsavtal Berggren_signed_PDFA.pdf",
        lambda f: make_pdf(f, _agreement_lines("Sofia Berggren", signed=True)),
        "agreement",
        register=True,
    )
    p.add(
        f"{lib}/02 Projektgrupp/Uppdragsavtal Berggren.docx",
        lambda f: make_docx(
            f, title="Uppdragsavtal – sakkunnig i projektgrupp",
            paragraphs=_agreement_lines("Sofia Berggren", signed=False)[1:],
        ),
        "agreement",
        draft=True,
        register=False,
        note="unsigned Word copy beside the signed PDF/A",
    )  # fmt: skip
    # 03 Rekommendationsgrupp
    p.add(
        f"{lib}/03 Rekommendationsgrupp/Förfrågan om deltagande i rekommendationsgrupp RA.eml",
        lambda f: make_eml(
            f,
            sender=kh,
            to=["anders.wallin@regionvarmland.se", "fredrik.sandell@vgregion.se",
                "maja.eklof@regionuppsala.se", "inger.bodin@reumatikerforbundet.org"],
            subject="Förfrågan om deltagande i rekommendationsgrupp – FMB reumatoid artrit",
            body=(
                "Hej,\nSocialstyrelsen tar fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "reumatoid artrit. Vill du delta i rekommendationsgruppen? Uppdraget är att "
                "besvara en webbenkät i april och delta i ett möte den 20 maj. Alla deltagare "
                "fyller i en jävsdeklaration i formuläret i länken.\nKarin Holm"
            ),
            sent_at=dt("2026-03-02 16:00"),
        ),
        "nomination_request",
        register=True,
    )  # fmt: skip
    p.add(
        f"{lib}/03 Rekommendationsgrupp/Jävsdeklarationer RG (svar).xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ID", "Starttid", "Slutförandetid", "E-post", "Namn",
                 "Har du ekonomiska intressen i företag inom området?",
                 "Har du uppdrag som kan påverka din bedömning?",
                 "Intygar att uppgifterna stämmer"],
                [1, "2026-03-04 08:12", "2026-03-04 08:19", "anders.wallin@regionvarmland.se",
                 "Anders Wallin", "Nej", "Nej", "Ja"],
                [2, "2026-03-05 13:40", "2026-03-05 13:52", "maja.eklof@regionuppsala.se",
                 "Eklöf, Maja", "Nej", "Ja, styrelseledamot i patientförening (avslutat 2024)",
                 "Ja"],
            ],
            sheet_title="Form1",
        ),
        "coi_declaration",
        register=True,
        note="declarations received through a web form, kept as its export",
    )  # fmt: skip
    p.add(
        f"{lib}/03 Rekommendationsgrupp/Skannat formulär 2026-03-11.pdf",
        lambda f: make_pdf(
            f,
            [
                "JÄVSDEKLARATlON",
                "för deltagare i rekommendationsgrupp",
                "Namn: Inger Bodin",
                "Organisation: Reumatikerförbundet (patientföreträdare)",
                "Ekonomiska lntressen: Nej",
                "Övriga uppdrag: Nej",
                "Underskrift: Inger Bodin   2026-03-11",
            ],
            title="Skannat formulär 2026-03-11",
        ),
        "coi_declaration",
        register=True,
        note="scanned paper form with OCR errors",
    )
    p.add(
        f"{lib}/03 Rekommendationsgrupp/Kallelse RG-möte 20 maj.eml",
        lambda f: make_eml(
            f,
            sender=kh,
            to=["anders.wallin@regionvarmland.se", "maja.eklof@regionuppsala.se",
                "inger.bodin@reumatikerforbundet.org", "fredrik.sandell@vgregion.se"],
            subject="Kallelse: RG-möte 20 maj kl. 13–16 (Teams)",
            body="Välkomna till mötet med rekommendationsgruppen den 20 maj. Länk nedan.\nKarin",
            sent_at=dt("2026-04-30 10:00"),
        ),
        "correspondence",
        register=False,
        note="meeting booked",
    )  # fmt: skip
    p.add(
        f"{lib}/03 Rekommendationsgrupp/RG-möte 2026-05-20 minnesanteckningar.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar – möte med rekommendationsgruppen 2026-05-20",
            paragraphs=[
                "Närvarande: Anders Wallin, Maja Eklöf, Inger Bodin, Karin Holm. "
                "Förhinder: Fredrik Sandell.",
                "Enkätsvaren gicks igenom. Gruppen enades om att rekommendationen om "
                "sjukskrivningens längd vid skov ska förtydligas.",
                "Beslut: texten om arbetsanpassning skrivs om till nästa version.",
            ],
        ),
        "meeting_notes",
        register=True,
        note="adds facts: decisions of the RG meeting",
    )
    # 04 Underlag
    p.add(
        f"{lib}/04 Underlag/Beställning statistik Midas RA.eml",
        lambda f: make_eml(
            f,
            sender=kh,
            to=["statistik@forsakringskassan.se"],
            subject="Beställning av statistik ur Midas – reumatoid artrit (M05–M06)",
            body=(
                "Hej,\nSocialstyrelsen beställer härmed statistik om sjukfall med diagnos "
                "M05–M06 åren 2019–2025: antal sjukfall, sjukfallens längd per kön och ålder.\n"
                "Dnr 2.4-31562-2026\nKarin Holm"
            ),
            sent_at=dt("2026-02-17 09:00"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        f"{lib}/04 Underlag/FK_leverans_sjukfall_M05-M06.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar"],
                ["M05", 2024, "K", 1412, 88],
                ["M05", 2024, "M", 533, 74],
                ["M06", 2024, "K", 2210, 95],
                ["M06", 2024, "M", 801, 80],
            ],
            sheet_title="Sjukfall",
            creator="Försäkringskassan",
        ),
        "statistics",
        register=True,
    )
    p.add(
        f"{lib}/04 Underlag/ICF core set RA - bedömning sakkunniga.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Kategori", "Relevant för arbetsförmåga (ja/nej)", "Kommentar"],
                ["b280", "Smärtförnimmelse", "ja", ""],
                ["b710", "Funktioner för rörlighet i leder", "ja", ""],
                ["b455", "Funktioner för uthållighet", "ja", "trötthet vid skov"],
                ["d430", "Att lyfta och bära föremål", "ja", ""],
            ],
            sheet_title="Core set RA",
        ),
        "icf_assessment",
        register=True,
    )
    # 05 Texter
    kd = [
        "Reumatoid artrit är en kronisk inflammatorisk ledsjukdom.",
        "Symtom: smärta, svullnad och stelhet i händernas och fötternas leder, trötthet.",
        "Behandling: sjukdomsmodifierande läkemedel, fysioterapi och arbetsterapi.",
        "Prognos: de flesta når låg sjukdomsaktivitet med tidig behandling.",
    ]
    p.add(
        f"{lib}/05 Texter/Kort om diagnosen RA_v03.docx",
        lambda f: make_docx(f, title="Kort om diagnosen – reumatoid artrit", paragraphs=kd[:3]),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        f"{lib}/05 Texter/Kort om diagnosen RA_v04.docx",
        lambda f: make_docx(f, title="Kort om diagnosen – reumatoid artrit", paragraphs=kd),
        "text_proposal",
        draft=True,
        register=False,
        note="working version, never sent",
    )
    p.add(
        f"{lib}/05 Texter/Textförslag och rekommendationer RA - remissversion.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag och rekommendationer – reumatoid artrit (remissversion)",
                *kd,
                "Rekommendation: vid skov med nedsatt gripförmåga kan sjukskrivning på heltid "
                "under 2–4 veckor vara motiverad.",
            ],
            title="Textförslag och rekommendationer RA",
        ),
        "text_proposal",
        register=True,
        note="the version sent out with the survey",
    )
    p.add(
        f"{lib}/05 Texter/Rekommendationer RA ver 5 (spårade ändringar).docx",
        lambda f: make_docx(
            f,
            title="Rekommendationer – reumatoid artrit, reviderade efter RG-mötet",
            paragraphs=kd[1:],
            tracked_changes=[("2–4 veckor", "2–6 veckor")],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    # 06 Utskick och synpunkter
    p.add(
        f"{lib}/06 Utskick och synpunkter/Enkät RG - missiv och frågor.pdf",
        lambda f: make_pdf(
            f,
            [
                "Enkät till rekommendationsgruppen – FMB reumatoid artrit",
                "Missiv: Tack för att du deltar. Svara senast 2026-04-27 via länken.",
                "Fråga 1: Håller du med om rekommendationen om sjukskrivningens längd?",
                "Fråga 2: Vad saknas i texten Kort om diagnosen?",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        f"{lib}/06 Utskick och synpunkter/survey_results_RA_2026-04-30.csv",
        lambda f: _txt(
            f,
            "respondent;q1_agree;q2_missing\n"
            "1;Ja;Trötthet bör nämnas tidigare\n"
            "2;Delvis;Arbetsanpassning saknas\n"
            "3;Ja;\n",
        ),
        "survey_response",
        register=True,
        note="answers exported from the survey tool as CSV",
    )
    fk_comments = (
        "Försäkringskassan har tagit del av remissversionen och lämnar följande synpunkter: "
        "rekommendationen om sjukskrivning vid skov bör ange hur arbetsförmågan bedöms. "
        "Vi tillstyrker i övrigt förslaget.\nMed vänlig hälsning\nFörsäkringsmedicin, "
        "Försäkringskassan"
    )
    p.add(
        f"{lib}/06 Utskick och synpunkter/Fwd_ Synpunkter från FK på textförslag RA.eml",
        lambda f: make_eml(
            f,
            sender=kh,
            to=[f"registrator@{STAFF}"],
            subject="Fwd: Synpunkter från FK på textförslag RA",
            body=_forward(kh, "Försäkringskassan <fm@forsakringskassan.se>",
                          "den 5 maj 2026 11:20", "Synpunkter på textförslag RA",
                          "Vidarebefordrar för diarieföring, dnr 2.4-31562-2026.") + fk_comments,
            sent_at=dt("2026-05-05 13:00"),
            attachments=[("Synpunkter FK RA.pdf", _pdf_bytes(["Synpunkter", fk_comments]))],
        ),
        "comments",
        register=True,
    )  # fmt: skip
    p.add(
        f"{lib}/06 Utskick och synpunkter/2.4-31562-2026-14.pdf",
        lambda f: make_pdf(
            f,
            [
                "NPO Rörelseorganens sjukdomar",
                "Yttrande över remissversion: försäkringsmedicinskt beslutsstöd reumatoid artrit",
                "NPO ställer sig bakom förslaget men vill att texten om arbetsterapeutiska "
                "insatser utvecklas.",
                "För NPO: Åsa Nord, samordnare",
            ],
        ),
        "comments",
        register=True,
        note="named by the registrar with the diarienummer only",
    )
    p.add(
        f"{lib}/06 Utskick och synpunkter/Utskick remissversion till FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=kh,
            to=["fm@forsakringskassan.se", "npo.rorelse@regionostergotland.se"],
            subject="Remissversion FMB reumatoid artrit – synpunkter senast 4 maj",
            body=(
                "Hej,\nBifogat finns textförslag och rekommendationer för reumatoid artrit. "
                "Vi tar gärna emot era synpunkter senast den 4 maj.\nKarin Holm"
            ),
            sent_at=dt("2026-04-13 10:00"),
            attachments=[("Textförslag RA remissversion.pdf", _pdf_bytes(kd))],
        ),
        "correspondence",
        also=("comments", "text_proposal"),
        register=True,
        note="the proposal mailed to FK and NPO",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Fredrik Sandell has no declaration
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # revised after the RG meeting, no final version yet
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
            "startup_meeting": ["partial"],
            "vips": ["not_applicable", "needs_confirmation"],
            "records_closure": ["partial"],
        },
        "missing_coi_for": ["Fredrik Sandell"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def epikondylit(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "FMB_Epikondylit_update")
    jb = f"Jakob Brandt <jakob.brandt@{STAFF}>"
    experts = ["Henrik Dahlberg", "Amira Nasser"]
    rg = ["Lotta Fors", "Göran Viklund", "Sanna Pettersson"]
    patient = "Rolf Åström"

    p.add(
        "EPI-00 Project plan epicondylitis update.docx",
        lambda f: make_docx(
            f,
            title="Project plan – update of FMB lateral epicondylitis (M77.1)",
            headings=["Background", "Scope", "Organisation", "Milestones"],
            paragraphs=[
                "Uppdatering av beslutsstödet för epikondylit från 2017.",
                "Project lead Jakob Brandt; two experts (orthopaedics, physiotherapy); "
                "recommendation group of three practitioners and a patient representative.",
                "Milestones: survey in May, EC decision in September, lessons learned in October.",
            ],
            author="Jakob Brandt",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "EPI-00 Timeline.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Week", "Activity", "Owner"],
                [6, "Request experts from NPO", "JB"],
                [10, "DoI + engagement letters", "JB"],
                [12, "Kick-off with experts", "JB"],
                [19, "Survey to RG (2 weeks)", "JB"],
                [36, "EC decision", "JB"],
            ],
            sheet_title="Timeline",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Mail/Request for experts FMB epicondylitis.eml",
        lambda f: make_eml(
            f,
            sender=jb,
            to=["npo.rorelse@regionostergotland.se"],
            subject="Request for experts – update of FMB lateral epicondylitis",
            body=(
                "Dear NPO,\nWe are updating the insurance medicine decision support for lateral "
                "epicondylitis and ask you to nominate two experts (orthopaedics and "
                "physiotherapy) for the project group.\nBest regards\nJakob Brandt"
            ),
            sent_at=dt("2026-02-03 09:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Mail/FW_ Nomination of experts – epicondylitis.eml",
        lambda f: make_eml(
            f,
            sender=jb,
            to=[f"registrator@{STAFF}"],
            subject="FW: Nomination of experts – epicondylitis",
            body=_forward(jb, "NPO Rörelseorganens sjukdomar <npo.rorelse@regionostergotland.se>",
                          "den 17 februari 2026 08:45", "Nomination of experts – epicondylitis",
                          "FYI + för diarieföring") +
                 "Hej Jakob,\nVi nominerar Henrik Dahlberg, ortoped, Kalmar, och Amira Nasser, "
                 "fysioterapeut, Malmö, som sakkunniga.\nMvh\nNPO Rörelseorganens sjukdomar",
            sent_at=dt("2026-02-17 09:30"),
        ),
        "nomination_request",
        register=True,
    )  # fmt: skip
    p.add(
        "Experts/DoI_Dahlberg_Henrik_2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests",
                "Name: Dahlberg, Henrik",
                "Role: expert, project group FMB epicondylitis",
                "Financial interests: none. Other assignments: none.",
                "Signed: Henrik Dahlberg, Kalmar 2026-03-02",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/Engagement letter Dahlberg_signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "Engagement letter – expert assignment",
                "Between Socialstyrelsen and Henrik Dahlberg (the expert).",
                "Compensation: fee of SEK 1 200 per hour, at most 30 hours, against invoice.",
                "Period: 2026-03-01 – 2026-10-31",
                "Signed for Socialstyrelsen: Jakob Brandt 2026-03-03; "
                "signed by the expert: Henrik Dahlberg 2026-03-04",
            ],
        ),
        "agreement",
        register=True,
    )
    p.add(
        "Experts/Amira Nasser - jäv och avtal.eml",
        lambda f: make_eml(
            f,
            sender="Amira Nasser <amira.nasser@skane.se>",
            to=[jb],
            subject="Jävsdeklaration och signerat avtal",
            body=(
                "Hej Jakob,\nHär kommer min ifyllda jävsdeklaration och det signerade avtalet.\n"
                "Hälsningar\nAmira Nasser"
            ),
            sent_at=dt("2026-03-06 17:20"),
            attachments=[
                ("Jävsdeklaration Amira Nasser.pdf",
                 _pdf_bytes(_coi_lines("Amira Nasser", "Sakkunnig"))),
                ("Avtal Amira Nasser signerat.pdf",
                 _pdf_bytes(_agreement_lines("Amira Nasser", signed=True))),
            ],
        ),
        "coi_declaration",
        also=("agreement",),
        register=True,
        note="declaration and agreement as attachments to one mail",
    )  # fmt: skip
    p.add(
        "RG/RG members epicondylitis.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Name", "Profession", "Region", "DoI received"],
                ["Lotta Fors", "distriktsläkare", "Gävleborg", "yes"],
                ["Göran Viklund", "företagsläkare", "Norrbotten", "no"],
                ["Sanna Pettersson", "fysioterapeut", "Halland", "yes"],
                ["Rolf Åström", "patient representative", "", "yes"],
            ],
            sheet_title="RG",
        ),
        "nomination_request",
        also=("other", "project_plan"),
        register=False,
        note="internal roster",
    )
    p.add(
        "RG/DoI RG - Lotta Fors.pdf",
        lambda f: make_pdf(f, _coi_lines("Lotta Fors", "Deltagare i rekommendationsgrupp")),
        "coi_declaration",
        register=True,
    )
    p.add(
        "RG/DoI RG - Rolf Åström (patient representative).pdf",
        lambda f: make_pdf(f, _coi_lines("Rolf Åström", "Patientföreträdare i RG")),
        "coi_declaration",
        register=True,
    )
    p.add(
        "RG/Scan_0007.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaratlon för deltagare i rekommendationsgruppen",
                "Namn: Sanna Pettersson",
                "Har du ekonomiska lntressen inom omrädet? Nej",
                "Ort och datum: Halmstad 2026-04-02 Underskrlft: S. Pettersson",
            ],
            title="Scan_0007",
        ),
        "coi_declaration",
        register=True,
        note="OCR'd scan with i/l confusions",
    )
    p.add(
        "Statistics/Midas request epicondylitis.docx",
        lambda f: make_docx(
            f,
            title="Beställning av statistik ur Midas",
            paragraphs=[
                "Till: Försäkringskassan, avdelningen för analys och prognos",
                "Socialstyrelsen beställer uppgifter om sjukfall med diagnos M77.1 åren "
                "2019–2025: antal, längd och andel som återgår i arbete.",
                "Kontaktperson: Jakob Brandt",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Statistics/Sjukskrivning epikondylit 2019-2025 (FK).xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["År", "Antal sjukfall M77.1", "Median längd (dagar)"],
                [2023, 3120, 41],
                [2024, 3055, 39],
                [2025, 2987, 40],
            ],
            sheet_title="M77.1",
            creator="Försäkringskassan",
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Texts/Brief about the diagnosis - draft 2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – lateral epikondylit (utkast)",
            paragraphs=[
                "Symtom: smärta på utsidan av armbågen vid grepp och lyft.",
                "Behandling: avlastning, träning, ibland ortos.",
                "Prognos: god; de flesta blir bra inom ett år.",
            ],
            comment="JB: kortare?",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Texts/Text proposal and recommendations v1.0 sent to RG.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag och rekommendationer – lateral epikondylit",
                "Kort om diagnosen: smärta på utsidan av armbågen; god prognos.",
                "Rekommendation: vid arbete med repetitiva grepp kan sjukskrivning på deltid "
                "under 2–4 veckor vara motiverad.",
            ],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "Survey/Webbenkät RG epikondylit - utskick.eml",
        lambda f: make_eml(
            f,
            sender=jb,
            to=["lotta.fors@regiongavleborg.se", "goran.viklund@norrbotten.se",
                "sanna.pettersson@regionhalland.se", "rolf.astrom@reumatikerforbundet.org"],
            subject="Webbenkät: synpunkter på FMB epikondylit – svara senast 25 maj",
            body=(
                "Hej,\nHär är länken till webbenkäten med textförslag och rekommendationer. "
                "Svarstiden är två veckor.\nTack på förhand!\nJakob Brandt"
            ),
            sent_at=dt("2026-05-11 09:00"),
        ),
        "survey",
        register=True,
    )  # fmt: skip
    p.add(
        "Survey/Resultat webbenkät epikondylit.pdf",
        lambda f: make_pdf(
            f,
            [
                "Resultat webbenkät – FMB epikondylit",
                "Antal svar: 4 av 4",
                "Fråga 1: Instämmer du i rekommendationen? Ja 3, Delvis 1",
                "Fritextsvar: förtydliga deltidssjukskrivning vid manuellt arbete.",
            ],
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "Comments/FW_ Comments from FK.eml",
        lambda f: make_eml(
            f,
            sender=jb,
            to=[f"registrator@{STAFF}"],
            subject="FW: Comments from FK – FMB epicondylitis",
            body=_forward(jb, "Försäkringskassan <fm@forsakringskassan.se>",
                          "den 20 maj 2026 15:02", "Synpunkter FMB epikondylit", "För dnr.") +
                 "Försäkringskassan lämnar följande synpunkter: rekommendationen bör skilja "
                 "mellan lätt och tungt manuellt arbete. I övrigt inga invändningar.",
            sent_at=dt("2026-05-21 08:10"),
        ),
        "comments",
        register=True,
    )  # fmt: skip
    p.add(
        "Texts/Handling of comments - epicondylitis.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Från", "Synpunkt", "Hantering"],
                ["FK", "Skilj mellan lätt och tungt arbete", "Infört i rekommendation 2"],
                ["RG", "Förtydliga deltid", "Infört"],
                ["NPO", "Inga synpunkter", "–"],
            ],
            sheet_title="Handling of comments",
        ),
        "comments",
        also=("text_proposal", "other"),
        register=True,
        note="record of how the comments were handled",
    )
    p.add(
        "Texts/Final version FMB epicondylitis 2026-09.pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – lateral epikondylit (slutversion)",
                "Kort om diagnosen: smärta på utsidan av armbågen; god prognos.",
                "Rekommendationer: vid lätt arbete normalt ingen sjukskrivning; vid tungt "
                "manuellt arbete deltid 2–4 veckor.",
            ],
        ),
        "publication",
        register=True,
    )
    decision = [
        "Beslut – publicering av uppdaterat FMB lateral epikondylit",
        "Enhetschefen beslutar att det uppdaterade beslutsstödet publiceras.",
        "Föredragande: Jakob Brandt",
    ]
    p.add(
        "Decision/EC decision epicondylitis_signed.pdf",
        lambda f: make_pdf(f, [*decision, "2026-09-08 Eva Sundin, enhetschef (signerat)"]),
        "approval",
        register=True,
    )
    p.add(
        "Decision/EC decision epicondylitis.docx",
        lambda f: make_docx(f, title=decision[0], paragraphs=decision[1:]),
        "approval",
        draft=True,
        register=False,
        note="Word copy beside the signed PDF",
    )
    p.add(
        "Knowledge basis/Kunskapsunderlag med metodbeskrivning - epikondylit (PDF-A).pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – lateral epikondylit",
                "Metod: litteratursökning i PubMed och Cochrane 2017–2026, urval och "
                "granskning av sakkunniga.",
                "Referenser: 24 studier.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "Mail/Thank you and feedback to the RG.eml",
        lambda f: make_eml(
            f,
            sender=jb,
            to=["lotta.fors@regiongavleborg.se", "sanna.pettersson@regionhalland.se",
                "rolf.astrom@reumatikerforbundet.org", "goran.viklund@norrbotten.se"],
            subject="Thank you – feedback on how your comments were handled",
            body=(
                "Hej,\nTack för era synpunkter! Här är en återkoppling på hur vi har hanterat "
                "dem: deltidssjukskrivning har förtydligats. Slutversionen publiceras i "
                "september.\nJakob"
            ),
            sent_at=dt("2026-09-10 10:00"),
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="feedback to the RG",
    )  # fmt: skip
    p.add(
        "Close/Lessons learned epicondylitis.docx",
        lambda f: make_docx(
            f,
            title="Lessons learned – FMB epicondylitis update (erfarenhetsrapport)",
            paragraphs=[
                "What went well: the experts answered quickly; the survey had full response.",
                "What to improve: book the EC presentation earlier.",
            ],
        ),
        "experience_report",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Göran Viklund: no declaration
        "brief_diagnosis_text": "complete",
        "icf_sections": "missing",  # no ICF texts or assessment in the folder
        "startup_meeting": "missing",
        "compile_proposals": "complete",
        "collect_comments": "partial",  # survey, FK's comments, but no mail sending the material
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
            "consider_comments": ["needs_confirmation"],
            "collect_comments": ["complete"],
            "icf_sections": ["partial", "needs_confirmation"],
            "startup_meeting": ["partial", "needs_confirmation"],
            "vips": ["missing"],
            "records_closure": ["partial", "needs_confirmation"],
        },
        "missing_coi_for": ["Göran Viklund"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def tinnitus(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Tinnitus 2026 (uppdatering)")
    mb = f"Malin Berg <malin.berg@{STAFF}>"
    experts = ["Linnea Sjöberg", "Ove Karlsson"]
    plan_v = [
        "Uppdatering av FMB tinnitus (H93.1).",
        "Projektledare Malin Berg. Sakkunniga: audiolog och ÖNH-läkare via NPO.",
        "Enkät till rekommendationsgruppen planeras till februari 2027.",
    ]
    p.add(
        "Projektplan tinnitus v0.2.docx",
        lambda f: make_docx(f, title="Projektplan – uppdatering FMB tinnitus", paragraphs=plan_v),
        "project_plan",
        draft=True,
        register=False,
    )
    p.add(
        "Projektplan tinnitus v0.2 (1).docx",
        lambda f: make_docx(f, title="Projektplan – uppdatering FMB tinnitus", paragraphs=plan_v),
        "project_plan",
        draft=True,
        register=False,
        note="OneDrive conflict copy of a draft",
    )
    p.add(
        "Projektplan tinnitus.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering FMB tinnitus",
            paragraphs=[*plan_v, "Fastställd av enhetschef 2026-09-01."],
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Förfrågan sakkunniga tinnitus - NPO Öron-näsa-hals.eml",
        lambda f: make_eml(
            f,
            sender=mb,
            to=["npo.onh@regionstockholm.se"],
            subject="Förfrågan om sakkunniga – uppdatering av FMB tinnitus",
            body=(
                "Hej,\nVi uppdaterar beslutsstödet för tinnitus och behöver två sakkunniga, "
                "gärna en audiolog och en ÖNH-läkare. Kan NPO nominera?\nMalin Berg"
            ),
            sent_at=dt("2026-09-07 10:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Svar från NPO ÖNH.eml",
        lambda f: make_eml(
            f,
            sender="NPO Öron-näsa-hals <npo.onh@regionstockholm.se>",
            to=[mb],
            subject="SV: Förfrågan om sakkunniga – uppdatering av FMB tinnitus",
            body=(
                "Hej Malin,\nVi nominerar: Linnea Sjöberg, audiolog, Karolinska; "
                "Ove Karlsson, överläkare ÖNH, Sundsvall.\nVänligen\nNPO ÖNH"
            ),
            sent_at=dt("2026-09-21 13:30"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Jävsdeklaration Linnea Sjöberg.pdf",
        lambda f: make_pdf(f, _coi_lines("Linnea Sjöberg", "Sakkunnig")),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Avtal Linnea Sjöberg (2).pdf",
        lambda f: make_pdf(f, _agreement_lines("Linnea Sjöberg", signed=True)),
        "agreement",
        register=True,
        note="SharePoint copy number in the name",
    )
    p.add(
        "Avtal Ove Karlsson - utkast.docx",
        lambda f: make_docx(
            f,
            title="Uppdragsavtal – sakkunnig i projektgrupp",
            paragraphs=_agreement_lines("Ove Karlsson", signed=False)[1:],
        ),
        "agreement",
        draft=True,
        register=False,
    )
    p.add(
        "Statistikbeställning tinnitus H93.1.docx",
        lambda f: make_docx(
            f,
            title="Statistikbeställning – tinnitus (H93.1)",
            paragraphs=[
                "Till Försäkringskassan: Socialstyrelsen beställer uppgifter ur Midas om "
                "sjukfall med diagnos H93.1 åren 2020–2025.",
                "Kontakt: Malin Berg",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Tinnitus - Kort om diagnosen (reviderad) ver 2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – tinnitus",
            paragraphs=[
                "Symtom: ljud i öronen utan yttre ljudkälla, ofta med sömnstörning.",
                "Behandling: information, ljudterapi, KBT.",
                "Prognos: besvären minskar för de flesta med tiden.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Tinnitus ICF-kategorier till sakkunniga.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – tinnitus",
            table=[
                ["ICF-kod", "Kategori", "Bedömning"],
                ["b240", "Förnimmelser i samband med hörsel", ""],
                ["b134", "Sömnfunktioner", ""],
                ["d240", "Att hantera stress", ""],
            ],
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "Uppstart tinnitus 2026-10-05.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstartsmöte FMB tinnitus", "5 oktober 2026"),
                ("Upplägg", "ICF-mall skickas efter mötet; textförslag i december"),
            ],
        ),
        "presentation",
        register=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # Ove Karlsson: no declaration, agreement unsigned
        "statistics": "partial",  # request only, no data yet
        "recruit_recommendation_group": "missing",
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "partial",  # slides, no notes or templates sent
        "compile_proposals": "missing",
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
        "variant": "update",
        "expected_steps": steps,
        "also_acceptable": {
            "startup_meeting": ["complete"],
            "brief_diagnosis_text": ["partial"],
            "vips": ["not_applicable", "needs_confirmation"],
        },
        "missing_coi_for": ["Ove Karlsson"],
        "people": _people(experts, [], None),
    }
    return p, meta


PROJECTS = (reumatoid, epikondylit, tinnitus)
