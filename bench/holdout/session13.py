"""The session-13 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 13, helper accuracy) and labelled from DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session13`). Each file's label
names the step it evidences (`step`) and, where it is clear, whether it holds personal
data (`personal_data`). Habits:

- a flat folder whose every name ends in a date written in a different way (`2026-01-08`,
  `22 jan`, `12.2.2026`, `20260302`, `uppd 12 feb`) and version chains in many spellings
  (`v0.3`/`v1.0`, `_rev1`/`_rev2`, `_final`/`_final_FINAL`, `v0.9 till remiss`);
- English folder names for a Swedish project (`Admin/`, `Experts and RG/`, `Data/`,
  `Texts/`, `Consultation/`, `Sign-off/`, `Close-out/`) and registrar-style folders
  (`Inkommet/`, `Utgående/`, `Internt/`);
- Word files made from other templates: a metadata table first (`Dokumenttyp`,
  `Status`, `Version`, `Diarienummer`), headings interleaved with the text;
- agreements named only by the counterpart (`Region Västmanland.pdf`,
  `Capio Hjärtkliniken.pdf`) or by the person and `uppdrag`;
- declarations in varied phrasing ("Redovisning av bindningar och andra intressen",
  "Anmälan om intressen och uppdrag", "Förklaring om opartiskhet", "Intyg om jävsfrihet",
  "Statement of interests", "Disclosure of potential conflicts", "Interests and
  relationships – self-report") and one carried in a mail body three forwards deep;
- scanned PDFs with no text at all, named by a person and a date, or with a few OCR words;
- mails forwarded and answered with long quote chains (`SV: SV: VB:`, `RE: RE: FW:`),
  the substance in the newest or in the innermost message;
- survey exports with the answers spread over one sheet per question;
- slide decks from expert meetings (one reviewing ICF categories);
- agendas beside minutes of the same meeting; documents in Swedish and English, or
  both in one file (`sv-en`), an English translation of the plan beside the Swedish.

Labelling choices as in the earlier sets: a textless scan is labelled with what it is;
older versions of a chain are drafts, the newest (or the one sent out) is not; the version
sent out for comment is registered; an agenda is `meeting_notes` (or `other`), not
registered (it adds no facts); minutes with decisions are registered; a mail carrying a
document, in an attachment or quoted, is classed by what it carries; material mailed to
FK/NPO and feedback to the RG are registered correspondence; an internal roster is never
registered; an unsigned Word agreement sent for signature is a draft once the signed PDF
is back. personal_data: true for declarations, agreements, named survey answers, minutes
naming external participants with what they said, and mails between named people (an
address is personal data); false for plans, statistics, texts, anonymous survey answers;
left out where a careful DPO could go either way.

Projects:
- `Insomni – nytt FMB` — new support, flat folder, approved by AC, not evaluated; Marit
  Olofsson (RG) has no declaration.
- `Hjärtsvikt FMB revision 2026` — update, English folder names, approved by EC and
  evaluated; Peter Holm (RG) has no declaration.
- `CKD kronisk njursjukdom – new FMB (sv-en)` — new support on a government assignment,
  approved by GD and evaluated; Erik Lund (expert) has a signed agreement and no
  declaration.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _msg, _noise, _ocr_scan, _people
from session11 import _adder

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


# ---------------------------------------------------------------- builders


def _doc(
    path: Path,
    blocks: list[tuple[str, str]],
    *,
    meta: list[tuple[str, str]] | None = None,
    author: str = "",
    footer: str | None = None,
) -> Path:
    """A Word file from another template: an optional metadata table first, then blocks.

    Each block is ("h", heading), ("t", title) or ("p", paragraph), in the order given.
    """
    document = docx.Document()
    if meta:
        grid = document.add_table(rows=len(meta), cols=2)
        for r, (key, value) in enumerate(meta):
            grid.cell(r, 0).text = key
            grid.cell(r, 1).text = value
    for kind, text in blocks:
        if kind == "t":
            document.add_heading(text, level=0)
        elif kind == "h":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    document.core_properties.author = author
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def _scan(path: Path, seed: int) -> Path:
    """A scan with no text layer at all: one page image."""
    return make_pdf(path, [], text_layer=False, scan_pages=[_noise(seed)])


def _pdf_bytes(lines: list[str]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_pdf(Path(tmp) / "a.pdf", lines).read_bytes()


def _quoted(header: list[str], body: str) -> str:
    """An earlier message quoted below an Outlook separator."""
    return "\n\n-----Ursprungligt meddelande-----\n" + "\n".join(header) + "\n\n" + body


def _quoted_en(who: str, when: str, body: str) -> str:
    lines = body.splitlines()
    return f"\n\nOn {when}, {who} wrote:\n" + "\n".join("> " + line for line in lines)


def _agreement_lines(party: str, person: str, subject: str, fee: str) -> list[str]:
    return [
        "Uppdragsavtal",
        f"mellan Socialstyrelsen och {party}",
        f"Avtalet avser {person}s medverkan som sakkunnig i arbetet med "
        f"försäkringsmedicinskt beslutsstöd för {subject}.",
        f"Ersättning: {fee} kronor per timme, högst 40 timmar, betalas mot faktura.",
        "Avtalsperiod: 2026-03-01 – 2026-12-31.",
        "Avtalet har upprättats i två likalydande exemplar.",
        "För Socialstyrelsen                    För uppdragstagaren",
    ]


# ---------------------------------------------------------------- project A


def insomni(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Insomni – nytt FMB")
    add = _adder(p)
    lead = ("Petra Nyman", f"petra.nyman@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Anders Kvist", "Leila Haddad"]
    rg = ["Sofia Ek", "Jonas Berglund", "Marit Olofsson"]
    patient = "Kent Åberg"
    plan_blocks = [
        ("t", "Projektplan – FMB insomni"),
        ("h", "Bakgrund"),
        (
            "p",
            "Försäkringsmedicinskt beslutsstöd saknas för insomni (G47.0, F51.0). Ett nytt "
            "beslutsstöd tas fram enligt instruktion 3.1.3.5.",
        ),
        ("h", "Organisation"),
        (
            "p",
            "Projektledare Petra Nyman. Två sakkunniga (sömnmedicin, allmänmedicin) via NPO "
            "Psykisk hälsa; rekommendationsgrupp med patientföreträdare.",
        ),
        ("h", "Tidplan"),
        (
            "p",
            "Uppstart i mars, webbenkät i maj, möte med rekommendationsgruppen i slutet av "
            "maj, föredragning för avdelningschef i oktober.",
        ),
    ]
    add(
        "Projektplan insomni v0.3 2026-01-08.docx",
        lambda f: _doc(f, [*plan_blocks, ("p", "Att göra: risker, budget?")], author=lead[0]),
        "project_plan",
        "plan",
        draft=True,
        register=False,
        pd=False,
        note="older version of the plan",
    )
    add(
        "Projektplan insomni v1.0 2026-01-20.docx",
        lambda f: _doc(
            f,
            [*plan_blocks, ("h", "Risker"), ("p", "Få sakkunniga med tid under våren.")],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Aktivitetsplan insomni uppd 12 feb.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Vecka", "Aktivitet", "Ansvarig", "Status"],
                ["v4", "Förfrågan NPO", "PN", "klar"],
                ["v6-8", "Jäv och avtal", "PN", "pågår"],
                ["v6", "Midas-beställning", "PN", "klar"],
                ["v11", "Uppstartsmöte sakkunniga", "PN", ""],
                ["v19-20", "Webbenkät RG", "PN", ""],
                ["v22", "RG-möte", "alla", ""],
                ["v42", "Föredragning AC", "PN", ""],
            ],
            sheet_title="Aktiviteter",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Till NPO psykisk hälsa 22 jan.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["npo.psykiskhalsa@regionstockholm.se"],
            subject="FMB insomni – vi söker sakkunniga och deltagare till rekommendationsgrupp",
            body=(
                "Hej,\n\nSocialstyrelsen ska ta fram ett nytt försäkringsmedicinskt "
                "beslutsstöd för insomni. Vi vänder oss till NPO för att få namn på två "
                "läkare som kan ingå i projektgruppen som sakkunniga, och tre personer till "
                "rekommendationsgruppen. Återkom gärna med namnförslag senast 3 februari.\n\n"
                "Vänliga hälsningar\nPetra Nyman\nProjektledare"
            ),
            sent_at=dt("2026-01-22 10:05"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Namnförslag från NPO 3 feb.eml",
        lambda f: make_eml(
            f,
            sender="Karl Höglund <karl.hoglund@regionstockholm.se>",
            to=[lead_s],
            subject="SV: FMB insomni – vi söker sakkunniga och deltagare till rekommendationsgrupp",
            body=(
                "Hej Petra,\n\nHär kommer våra namnförslag.\nSakkunniga: Anders Kvist, "
                "sömnmedicin, Karolinska; Leila Haddad, allmänmedicin, Region Uppsala.\n"
                "Rekommendationsgrupp: Sofia Ek (psykolog), Jonas Berglund (företagsläkare), "
                "Marit Olofsson (distriktsläkare).\n\nMvh Karl Höglund, NPO Psykisk hälsa"
                + _quoted(
                    [
                        "Från: Petra Nyman",
                        "Skickat: den 22 januari 2026 10:05",
                        "Till: NPO Psykisk hälsa",
                        "Ämne: FMB insomni – vi söker sakkunniga",
                    ],
                    "Hej,\nSocialstyrelsen ska ta fram ett nytt beslutsstöd för insomni. "
                    "Vi vänder oss till NPO för att få namn på två läkare ...",
                )
            ),
            sent_at=dt("2026-02-03 15:40"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="inbound nominations",
    )
    add(
        "Jävsdeklaration Anders Kvist 2026-02-10.pdf",
        lambda f: _scan(f, 1301),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="textless scan, only the name says what it is",
    )
    add(
        "Leila Haddad - redovisning av bindningar 12.2.2026.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Redovisning av bindningar och andra intressen"),
                ("p", "Namn: Leila Haddad"),
                ("p", "Roll i projektet: sakkunnig, FMB insomni"),
                ("p", "Nuvarande anställning: Region Uppsala, Gottsunda vårdcentral"),
                (
                    "p",
                    "Har du under de senaste tre åren haft uppdrag åt företag som "
                    "tillverkar sömnmedel? Nej",
                ),
                ("p", "Äger du eller närstående andelar i sådana företag? Nej"),
                ("p", "Finns det något annat som kan ifrågasättas? Nej"),
                ("p", "Uppsala 12.2.2026   Leila Haddad"),
            ],
            author="Leila Haddad",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    kvist = _agreement_lines("Anders Kvist", "Anders Kvist", "insomni", "1 200")
    add(
        "Avtal Anders Kvist 2026-02-16.docx",
        lambda f: make_docx(f, paragraphs=kvist, author=lead[0]),
        "agreement",
        "recruit_project_group",
        draft=True,
        register=False,
        pd=True,
        note="Word file the signed PDF was made from",
    )
    add(
        "Avtal Anders Kvist 2026-02-16 signerat.pdf",
        lambda f: make_pdf(f, [*kvist, "Petra Nyman          Anders Kvist", "(signerat)"]),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Haddad uppdrag 2026-02-18.pdf",
        lambda f: make_pdf(
            f,
            [
                *_agreement_lines("Leila Haddad", "Leila Haddad", "insomni", "1 200"),
                "Stockholm 2026-02-18       Uppsala 2026-02-18",
                "Petra Nyman               Leila Haddad",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Statistikbeställning Midas G47 2026-02-05.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["statistik@forsakringskassan.se"],
            subject="Uttag ur Midas – insomni G47.0 och F51.0",
            body=(
                "Hej,\n\nVi tar fram ett försäkringsmedicinskt beslutsstöd för insomni och "
                "behöver antal pågående och avslutade sjukfall, sjukfallens längd (median, "
                "P25, P75) per kön och åldersgrupp, 2022–2025, för G47.0 och F51.0.\n\n"
                "Hälsningar\nPetra Nyman, Socialstyrelsen"
            ),
            sent_at=dt("2026-02-05 09:00"),
        ),
        "statistics",
        "statistics",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "FK leverans G47 20260302.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P25", "P75"],
                ["G47.0", 2024, "K", 1840, 42, 14, 120],
                ["G47.0", 2024, "M", 910, 35, 12, 98],
                ["F51.0", 2024, "K", 2230, 51, 17, 140],
                ["F51.0", 2024, "M", 1105, 44, 15, 121],
            ],
            sheet_title="Midas",
            extra_sheets={"Om uttaget": [["Källa: Försäkringskassan, Midas. Uttag 2026-03-02."]]},
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Intressen och uppdrag – Sofia Ek 24 feb.pdf",
        lambda f: make_pdf(
            f,
            [
                "Anmälan om intressen och uppdrag",
                "för deltagare i Socialstyrelsens rekommendationsgrupper",
                "Namn: Sofia Ek",
                "Arbetsplats: Psykologhuset i Lund",
                "Uppdrag från läkemedelsföretag eller företag som säljer sömnprodukter: inga",
                "Anställning hos intresseorganisation: nej",
                "Lund den 24 februari 2026",
                "Sofia Ek",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Jonas Berglund förklaring opartiskhet 2026-03-02.pdf",
        lambda f: make_pdf(
            f,
            [
                "Förklaring om opartiskhet",
                "Undertecknad, Jonas Berglund, företagsläkare vid Feelgood i Sundsvall, "
                "förklarar härmed att jag inte har några ekonomiska eller andra intressen "
                "som kan påverka min bedömning i arbetet med beslutsstödet för insomni.",
                "Jag anmäler genast om förhållandena ändras.",
                "Sundsvall 2026-03-02",
                "Jonas Berglund",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Kent Åberg 2026-03-04.pdf",
        lambda f: _scan(f, 1302),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="patient representative's signed declaration, textless scan",
    )
    add(
        "Dagordning uppstartsmöte 10 mars.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Dagordning – uppstartsmöte FMB insomni"),
                ("p", "Tid: 10 mars 2026 kl. 13–15, Teams"),
                ("p", "1. Presentation av deltagarna"),
                ("p", "2. Uppdraget och instruktionen för FMB"),
                ("p", "3. Tidplan och arbetsformer"),
                ("p", "4. Mallar för textförslag och ICF-kategorier"),
                ("p", "5. Övriga frågor"),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        also=("other", "correspondence"),
        register=False,
        pd=False,
        note="agenda only",
    )
    add(
        "Minnesanteckningar uppstartsmöte 2026-03-10.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Minnesanteckningar – uppstartsmöte FMB insomni"),
                ("p", "Datum: 2026-03-10. Närvarande: Anders Kvist, Leila Haddad, Petra Nyman."),
                ("h", "1. Uppdraget"),
                ("p", "Petra gick igenom instruktionen och tidplanen."),
                ("h", "2. Arbetsfördelning"),
                (
                    "p",
                    "Beslutades att Anders skriver Kort om diagnosen och Leila gör den första "
                    "bedömningen av ICF-kategorierna. Leila påpekade att KBT-I bör nämnas "
                    "som förstahandsbehandling.",
                ),
                ("h", "3. Nästa möte"),
                ("p", "7 april."),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "Uppstart sakkunniga 10 mars.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB insomni – uppstart", "Sakkunnigmöte 10 mars 2026"),
                ("Vad är FMB?", "Rekommendationer om sjukskrivning för läkare"),
                ("Tidplan", "Textförslag april, webbenkät maj, föredragning oktober"),
                ("Era uppdrag", "Kort om diagnosen, ICF-kategorier, rekommendationer"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    kod = [
        ("t", "Kort om diagnosen – insomni"),
        ("h", "Symtom"),
        (
            "p",
            "Svårt att somna, täta uppvaknanden eller för tidigt uppvaknande minst tre nätter "
            "i veckan under minst tre månader, med nedsatt funktion dagtid.",
        ),
        ("h", "Behandling"),
        ("p", "KBT för insomni är förstahandsbehandling; läkemedel kortvarigt."),
        ("h", "Prognos"),
    ]
    add(
        "Kort om diagnosen insomni v0.2 2026-03-20.docx",
        lambda f: _doc(f, [*kod, ("p", "xxx")], author="Anders Kvist"),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Kort om diagnosen insomni v0.4 2026-03-27.docx",
        lambda f: _doc(
            f,
            [*kod, ("p", "Många blir bättre inom ett år; kronisk insomni är vanlig.")],
            author="Anders Kvist",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="a working version (v0.x) kept inside; its text went into the compiled proposal",
    )
    add(
        "ICF-kategorier för bedömning insomni 2026-03-24.docx",
        lambda f: _doc(
            f,
            [
                ("t", "ICF-kategorier för expertbedömning – insomni"),
                (
                    "p",
                    "Inget core set finns för insomni. Bedöm för varje kategori om den är "
                    "vanlig vid diagnosen (ja/nej/ibland).",
                ),
                ("p", "b134 Sömnfunktioner"),
                ("p", "b130 Energi och driftfunktioner"),
                ("p", "b140 Uppmärksamhetsfunktioner"),
                ("p", "d230 Att genomföra daglig rutin"),
                ("p", "d240 Att hantera stress och andra psykologiska krav"),
            ],
            author=lead[0],
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    tp = [
        ("t", "Textförslag och rekommendationer – insomni"),
        ("h", "Kort om diagnosen"),
        ("p", "Insomni innebär svårigheter att somna eller sova hela natten."),
        ("h", "Rekommendationer"),
        (
            "p",
            "Sjukskrivning är sällan nödvändig. Vid samtidig depression eller uttalad "
            "trötthet kan sjukskrivning på deltid upp till 4 veckor övervägas.",
        ),
    ]
    add(
        "Textförslag och rekommendationer insomni v0.7 2026-04-15.docx",
        lambda f: _doc(f, tp, author=lead[0]),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    sent = "Textförslag och rekommendationer insomni v0.9 till remiss 2026-05-04.pdf"
    remiss_lines = [t for _, t in tp] + ["Remissversion 2026-05-04"]
    add(
        sent,
        lambda f: make_pdf(f, remiss_lines),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent out for comment",
    )
    add(
        "Webbenkät RG insomni - missiv 2026-05-04.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Till rekommendationsgruppen för FMB insomni"),
                (
                    "p",
                    "Du får den här webbenkäten som deltagare i rekommendationsgruppen. "
                    "Vi vill veta vad du tycker om förslagen till rekommendationer.",
                ),
                ("p", "Länk till enkäten: https://enkat.socialstyrelsen.se/insomni"),
                ("p", "Svara senast den 18 maj. Enkäten tar ca 20 minuter."),
                ("p", "Frågor: 1) Är rekommendationerna rimliga? 2) Saknas något? 3) Övrigt"),
            ],
            author=lead[0],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Remiss FK och NPO 4 maj.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["remiss@forsakringskassan.se", "npo.psykiskhalsa@regionstockholm.se"],
            subject="Remiss – textförslag FMB insomni",
            body=(
                "Hej,\n\nBifogat finns förslaget till beslutsstöd för insomni. Vi tar gärna "
                "emot synpunkter senast 18 maj.\n\nPetra Nyman"
            ),
            sent_at=dt("2026-05-04 11:00"),
            attachments=[(sent, _pdf_bytes(remiss_lines))],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=True,
    )
    add(
        "Enkätsvar RG insomni 2026-05-19.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Rimliga?", "Saknas något?", "Övrigt"],
                ["Sofia Ek", "Ja", "Skiftarbete", ""],
                ["Jonas Berglund", "Delvis", "Arbetsanpassning", "4 veckor kan vara för kort"],
                ["Kent Åberg", "Ja", "", "Bra att KBT-I lyfts"],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "SV SV VB Remiss textförslag insomni.eml",
        lambda f: make_eml(
            f,
            sender="Ylva Berg <ylva.berg@forsakringskassan.se>",
            to=[lead_s],
            subject="SV: SV: VB: Remiss – textförslag FMB insomni",
            body=(
                "Hej igen Petra,\n\nHär är Försäkringskassans synpunkter: vi instämmer i "
                "huvudsak men vill att rekommendationen om deltid förtydligas, och att "
                "skiftarbete tas upp under arbetsanpassning.\n\nMed vänlig hälsning\nYlva Berg, "
                "försäkringsmedicinsk rådgivare"
                + _quoted(
                    [
                        "Från: Petra Nyman",
                        "Skickat: den 12 maj 2026 08:30",
                        "Till: Ylva Berg",
                        "Ämne: SV: VB: Remiss – textförslag FMB insomni",
                    ],
                    "Tack Ylva! Ni får gärna några dagar till.",
                )
                + _quoted(
                    [
                        "Från: Ylva Berg",
                        "Skickat: den 11 maj 2026 16:02",
                        "Till: Petra Nyman",
                        "Ämne: VB: Remiss – textförslag FMB insomni",
                    ],
                    "Hej, remissen har kommit till mig. Kan vi få till den 20 maj?",
                )
                + _quoted(
                    [
                        "Från: Remiss FK",
                        "Skickat: den 5 maj 2026 07:12",
                        "Till: Ylva Berg",
                        "Ämne: VB: Remiss – textförslag FMB insomni",
                    ],
                    "För handläggning.",
                )
                + _quoted(
                    [
                        "Från: Petra Nyman",
                        "Skickat: den 4 maj 2026 11:00",
                        "Till: Remiss FK; NPO Psykisk hälsa",
                        "Ämne: Remiss – textförslag FMB insomni",
                    ],
                    "Hej, bifogat finns förslaget till beslutsstöd för insomni.",
                )
            ),
            sent_at=dt("2026-05-19 14:20"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Minnesanteckningar RG-möte 2026-05-27.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Minnesanteckningar – möte med rekommendationsgruppen, insomni"),
                (
                    "p",
                    "27 maj 2026. Närvarande: Sofia Ek, Jonas Berglund, Kent Åberg, Anders "
                    "Kvist, Leila Haddad, Petra Nyman.",
                ),
                ("p", "Enkätsvaren och FK:s synpunkter gicks igenom."),
                (
                    "p",
                    "Gruppen enades om att skiftarbete ska tas upp. Jonas Berglund ansåg att "
                    "4 veckor är för kort vid samtidig depression; beslutades att skriva "
                    "'upp till 6 veckor'.",
                ),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    rek = [
        ("t", "Insomni – rekommendationer om sjukskrivning"),
        ("h", "Kort om diagnosen"),
        ("p", "Insomni innebär svårigheter att somna eller sova hela natten."),
        ("h", "Rekommendationer"),
        (
            "p",
            "Sjukskrivning är sällan nödvändig. Vid samtidig depression kan sjukskrivning "
            "på deltid upp till 6 veckor övervägas. Skiftarbete kan behöva anpassas.",
        ),
    ]
    add(
        "Rekommendationer insomni_final.docx",
        lambda f: _doc(f, rek, author=lead[0]),
        "text_proposal",
        "revise",
        also=("publication",),
        draft=True,
        register=False,
        pd=False,
        note="superseded by _final_FINAL",
    )
    add(
        "Rekommendationer insomni_final_FINAL.docx",
        lambda f: _doc(f, [*rek, ("p", "Fastställd version 2026-09-15.")], author=lead[0]),
        "text_proposal",
        "revise",
        also=("publication",),
        register=True,
        pd=False,
    )
    kb = [
        ("t", "Kunskapsunderlag med metodbeskrivning – insomni"),
        ("h", "Metod"),
        (
            "p",
            "Litteratursökning i PubMed och Cochrane; sakkunnigas bedömning; "
            "statistik från Försäkringskassan.",
        ),
    ]
    add(
        "Kunskapsunderlag insomni_rev1.docx",
        lambda f: _doc(f, kb, author=lead[0]),
        "knowledge_basis",
        "knowledge_basis",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Kunskapsunderlag insomni_rev2.docx",
        lambda f: _doc(
            f, [*kb, ("h", "Referenser"), ("p", "1. Riemann D et al. 2023.")], author=lead[0]
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Föredragning AC insomni 14 okt.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Föredragningspromemoria"),
                ("p", "Ärende: Publicering av nytt försäkringsmedicinskt beslutsstöd för insomni"),
                ("p", "Föredragande: Petra Nyman"),
                (
                    "p",
                    "Förslag till beslut: Avdelningschefen beslutar att publicera beslutsstödet.",
                ),
                ("p", "Beslut: Enligt förslaget. 2026-10-14"),
            ],
            meta=[("Dokumenttyp", "PM"), ("Diarienummer", "2.4-10931/2026")],
            author=lead[0],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Marit Olofsson has no declaration
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # no feedback to the recommendation group
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
            "revise": ["complete"],
        },
        "missing_coi_for": ["Marit Olofsson"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def hjartsvikt(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Hjärtsvikt FMB revision 2026")
    add = _adder(p)
    lead = ("Oskar Lindahl", f"oskar.lindahl@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Birgitta Rönn", "Hamid Sadeghi"]
    rg = ["Ulrika Sten", "Peter Holm"]
    patient = "Anita Lund"
    add(
        "Admin/PM projektdirektiv hjärtsvikt.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Projektdirektiv: revidering av FMB hjärtsvikt"),
                ("h", "Uppdrag"),
                (
                    "p",
                    "Beslutsstödet för hjärtsvikt (I50) uppdateras enligt instruktion "
                    "3.1.3.5. Nuvarande version är från 2019.",
                ),
                ("h", "Genomförande"),
                (
                    "p",
                    "Två sakkunniga via NPO Hjärt- och kärlsjukdomar. Rekommendationsgruppen "
                    "tillfrågas via webbenkät; möte vid behov.",
                ),
                ("h", "Tidsram"),
                ("p", "Start februari, föredragning för enhetschef i september."),
            ],
            meta=[
                ("Dokumenttyp", "Projektdirektiv"),
                ("Status", "Fastställd"),
                ("Version", "1.0"),
                ("Ägare", "Oskar Lindahl"),
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Admin/Gantt hjärtsvikt.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Moment", "v6", "v8", "v10", "v12", "v18", "v20", "v36"],
                ["Sakkunniga: jäv, avtal", "x", "x", "", "", "", "", ""],
                ["Midas", "x", "x", "", "", "", "", ""],
                ["Expertmöte 1", "", "", "x", "", "", "", ""],
                ["Reviderade texter", "", "", "x", "x", "", "", ""],
                ["Webbenkät RG", "", "", "", "", "x", "x", ""],
                ["Föredragning EC", "", "", "", "", "", "", "x"],
            ],
            sheet_title="Gantt",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Experts and RG/Namnförslag sakkunniga hjärtsvikt.msg",
        lambda f: _msg(
            f,
            lead,
            [("NPO Hjärt- och kärlsjukdomar", "npo.hjartkarl@regionorebrolan.se")],
            "Medverkan i revidering av FMB hjärtsvikt – namnförslag?",
            "Hej!\r\nVi ska revidera det försäkringsmedicinska beslutsstödet för hjärtsvikt "
            "och behöver två kardiologer eller internmedicinare som sakkunniga, samt två "
            "personer till rekommendationsgruppen. Har NPO namnförslag? Gärna inom två "
            "veckor.\r\nHälsningar\r\nOskar Lindahl, Socialstyrelsen",
            dt("2026-02-02 09:15"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Experts and RG/Region Västmanland.pdf",
        lambda f: make_pdf(
            f,
            [
                *_agreement_lines(
                    "Region Västmanland", "överläkare Birgitta Rönn", "hjärtsvikt", "1 350"
                ),
                "Ersättningen betalas till Region Västmanland, som frigör Birgitta Rönns tid.",
                "Västerås 2026-02-20          Stockholm 2026-02-23",
                "Signerat elektroniskt",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="agreement named by the counterpart only",
    )
    add(
        "Experts and RG/Capio Hjärtkliniken.pdf",
        lambda f: make_pdf(
            f,
            [
                "Överenskommelse",
                "Parter: Socialstyrelsen, 106 30 Stockholm, och Capio Hjärtkliniken AB "
                "(org.nr 556000-0000).",
                "Capio Hjärtkliniken ställer specialistläkare Hamid Sadeghi till förfogande "
                "som sakkunnig i revideringen av beslutsstödet för hjärtsvikt.",
                "Timarvode 1 350 kr/tim exkl. moms, högst 35 timmar, mot faktura.",
                "Stockholm 2026-02-24",
                "Elektroniskt signerat via Scrive av båda parter",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="agreement named by the counterpart only",
    )
    add(
        "Experts and RG/Birgitta Rönn.pdf",
        lambda f: _scan(f, 1310),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="her signed declaration, textless scan named by the person",
    )
    add(
        "Experts and RG/Hamid Sadeghi - Statement of interests.pdf",
        lambda f: make_pdf(
            f,
            [
                "Statement of interests",
                "Name: Hamid Sadeghi",
                "Position: Consultant cardiologist, Capio Hjärtkliniken",
                "Paid lectures or advisory boards for the industry, last three years: "
                "two lectures (AstraZeneca, 2024)",
                "Shares in companies in the field: none",
                "Other ties that may be seen as relevant: none",
                "I confirm the above is correct. Stockholm, 25 February 2026",
                "Hamid Sadeghi",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Experts and RG/Ulrika Sten intressedeklaration.docx",
        lambda f: _doc(
            f,
            [
                ("p", "Intressedeklaration"),
                (
                    "p",
                    "Ledamot: Ulrika Sten, specialistsjuksköterska hjärtsviktsmottagningen, "
                    "Region Gävleborg",
                ),
                ("p", "Uppdrag eller anställning hos företag med intressen inom området: nej"),
                ("p", "Ekonomiskt stöd från industrin: nej"),
                ("p", "Gävle 2026-03-09, Ulrika Sten"),
            ],
            meta=[("Blankett", "SoS 2201"), ("Version", "2024-1")],
            author="Ulrika Sten",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Experts and RG/Anita Lund.pdf",
        lambda f: _ocr_scan(f, 1311, ["Dek1aration", "Anita Lund", "Hjart- och Lungsjukas"]),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="patient representative's declaration, scanned with a few OCR words",
    )
    add(
        "Experts and RG/RG members and declarations.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Name", "Role", "Organisation", "Declaration received"],
                ["Ulrika Sten", "RG", "Region Gävleborg", "2026-03-09"],
                ["Peter Holm", "RG", "Region Skåne", ""],
                ["Anita Lund", "RG, patient", "Hjärt- och Lungsjukas Riksförbund", "2026-03-12"],
            ],
            sheet_title="RG",
        ),
        "nomination_request",
        "recruit_recommendation_group",
        also=("other", "project_plan"),
        register=False,
        pd=True,
        note="internal roster",
    )
    add(
        "Data/Uttag Midas I50.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["statistik@forsakringskassan.se"],
            subject="Begäran om uttag ur Midas – hjärtsvikt I50",
            body=(
                "Hej,\n\ninför revideringen av beslutsstödet för hjärtsvikt ber vi om "
                "sjukfallsstatistik för I50 2021–2025: antal sjukfall, längd (median, "
                "kvartiler), per kön och åldersgrupp.\n\nOskar Lindahl"
            ),
            sent_at=dt("2026-02-06 13:00"),
        ),
        "statistics",
        "statistics",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "Data/I50_Midas_2021-2025_leverans.xlsx",
        lambda f: make_xlsx(
            f,
            [["Leverans från Försäkringskassan"], ["Diagnos I50, sjukfall 2021–2025"]],
            sheet_title="Info",
            extra_sheets={
                "Data": [
                    ["År", "Kön", "Antal", "Median", "Q1", "Q3"],
                    [2024, "K", 820, 61, 22, 180],
                    [2024, "M", 1470, 58, 21, 171],
                ]
            },
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Texts/Agenda expertmöte 1.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Agenda"),
                ("p", "Expertmöte 1, FMB hjärtsvikt, 5 mars 2026, 09.00–11.00"),
                ("p", "1. Välkommen och presentationsrunda"),
                ("p", "2. Instruktionen och vad som ska revideras"),
                ("p", "3. Genomgång av nuvarande texter"),
                ("p", "4. Fördelning av avsnitt"),
                ("p", "5. Nästa steg"),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        also=("other", "correspondence"),
        register=False,
        pd=False,
        note="agenda only",
    )
    add(
        "Texts/Expertmöte 1 – anteckningar.docx",
        lambda f: _doc(
            f,
            [
                ("p", "Anteckningar expertmöte 1, 5 mars 2026"),
                ("p", "Deltog: Birgitta Rönn, Hamid Sadeghi, Oskar Lindahl"),
                (
                    "p",
                    "Hamid menade att NYHA-klass bör styra rekommendationerna. Vi kom "
                    "överens om att Birgitta reviderar Kort om diagnosen och Hamid "
                    "rekommendationerna. Mallar skickas ut efter mötet.",
                ),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "Texts/Expertmöte 1.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Revidering FMB hjärtsvikt", "Expertmöte 1"),
                ("Instruktionen", "Steg, roller, tidplan"),
                ("Vad ändras?", "Nya riktlinjer 2025, NYHA-klass"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Texts/Expertmöte 2 ICF genomgång.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Expertmöte 2", "Genomgång av ICF-avsnitten"),
                (
                    "Funktionsnedsättningar",
                    "b455 Funktioner för fysisk uthållighet\n"
                    "b410 Hjärtfunktioner\nb130 Energi och driftfunktioner",
                ),
                ("Aktivitetsbegränsningar", "d430 Lyfta och bära\nd450 Gå\nd850 Betalt arbete"),
                ("Diskussion", "Vad behöver ändras i texterna?"),
            ],
            author=lead[0],
        ),
        "presentation",
        "icf_sections",
        also=("icf_assessment",),
        register=False,
        pd=False,
    )
    add(
        "Texts/Reviderade ICF-avsnitt hjärtsvikt (spårade ändringar).docx",
        lambda f: make_docx(
            f,
            title="Funktionsnedsättning och aktivitetsbegränsning vid hjärtsvikt",
            paragraphs=[
                "Funktionsnedsättning: nedsatt fysisk uthållighet (b455), andfåddhet.",
                "Aktivitetsbegränsning: svårt att lyfta och bära (d430) och att gå längre "
                "sträckor (d450).",
            ],
            tracked_changes=[("ins", " Vid NYHA III ofta även d850.")],
            author="Birgitta Rönn",
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        draft=True,
        register=False,
        pd=False,
    )
    tf = [
        ("t", "Hjärtsvikt – reviderat textförslag"),
        ("h", "Kort om diagnosen"),
        ("p", "Hjärtsvikt innebär att hjärtat inte orkar pumpa tillräckligt."),
        ("h", "Rekommendationer"),
        (
            "p",
            "Vid NYHA II: sjukskrivning sällan motiverad. Vid NYHA III: heltid eller deltid "
            "upp till 3 månader, med avstämning.",
        ),
    ]
    add(
        "Texts/FMB hjärtsvikt – reviderat textförslag_rev1.docx",
        lambda f: _doc(f, tf[:4], author="Hamid Sadeghi"),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Texts/FMB hjärtsvikt – reviderat textförslag_rev2.docx",
        lambda f: _doc(f, tf, author="Hamid Sadeghi"),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent to the RG, FK and NPO",
    )
    add(
        "Consultation/Utskick webbenkät hjärtsvikt.docx",
        lambda f: _doc(
            f,
            [
                ("p", "Hej!"),
                (
                    "p",
                    "Som ledamot i rekommendationsgruppen för beslutsstödet om hjärtsvikt får "
                    "du här en länk till en webbenkät om de reviderade rekommendationerna.",
                ),
                ("p", "Vi ber dig besvara enkäten senast den 15 maj 2026."),
                ("p", "https://enkat.socialstyrelsen.se/hjartsvikt2026"),
                ("p", "Tack för din medverkan! Oskar Lindahl"),
            ],
            author=lead[0],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Consultation/Webbenkät svar per fråga.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Fråga 1: Är rekommendationen vid NYHA II rimlig?"],
                ["Svar", "Antal"],
                ["Ja", 2],
                ["Nej", 0],
                ["Vet ej", 1],
            ],
            sheet_title="Fråga 1",
            extra_sheets={
                "Fråga 2": [
                    ["Fråga 2: Är 3 månader rimligt vid NYHA III?"],
                    ["Svar", "Antal"],
                    ["Ja", 1],
                    ["Nej, för kort", 2],
                ],
                "Fråga 3": [
                    ["Fråga 3: Saknas något?"],
                    ["Respondent", "Svar"],
                    ["Ulrika Sten", "Egenvård och vätskerestriktion"],
                    ["Anita Lund", "Oron hos patienten"],
                    ["Peter Holm", "Nej"],
                ],
            },
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Consultation/Re_ Remiss FMB hjärtsvikt - FK.eml",
        lambda f: make_eml(
            f,
            sender="Maria Hedlund <maria.hedlund@forsakringskassan.se>",
            to=[lead_s],
            subject="RE: Remiss FMB hjärtsvikt",
            body=(
                "Hej Oskar,\n\nFörsäkringskassan har följande synpunkter på det reviderade "
                "förslaget: tidsangivelsen vid NYHA III bör kompletteras med när "
                "arbetsförmågan ska bedömas på nytt. I övrigt inga invändningar.\n\n"
                "Maria Hedlund, FK"
                + _quoted_en(
                    "Oskar Lindahl",
                    "28 April 2026 10:02",
                    "Hej,\nbifogat det reviderade textförslaget för hjärtsvikt.\n"
                    "Synpunkter senast 15 maj.\n/Oskar",
                )
            ),
            sent_at=dt("2026-05-13 15:30"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Consultation/NPO synpunkter hjärtsvikt.pdf",
        lambda f: make_pdf(
            f,
            [
                "Yttrande",
                "NPO Hjärt- och kärlsjukdomar över remiss om reviderat försäkringsmedicinskt "
                "beslutsstöd för hjärtsvikt",
                "NPO välkomnar revideringen. Vi föreslår att hjärtsvikt med bevarad "
                "ejektionsfraktion nämns särskilt, och att rehabilitering tas upp.",
                "För NPO Hjärt- och kärlsjukdomar, 2026-05-14",
                "Ordförande",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Sign-off/Hantering av synpunkter hjärtsvikt.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Från", "Synpunkt", "Hantering"],
                ["FK", "Ny bedömning av arbetsförmågan vid NYHA III", "Infört"],
                ["NPO", "HFpEF särskilt", "Infört i Kort om diagnosen"],
                ["RG", "Egenvård", "Infört under rehabilitering"],
            ],
            sheet_title="Synpunkter",
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Sign-off/FMB hjärtsvikt slutversion 2026-09-01.docx",
        lambda f: _doc(
            f,
            [
                *tf[:3],
                ("p", "Hjärtsvikt med bevarad ejektionsfraktion (HFpEF) är vanlig hos äldre."),
                tf[3],
                (
                    "p",
                    "Vid NYHA III: heltid eller deltid upp till 3 månader; arbetsförmågan "
                    "bedöms på nytt efter 6 veckor.",
                ),
            ],
            author=lead[0],
        ),
        "publication",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Sign-off/Kunskapsunderlag och metod – hjärtsvikt.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Bilaga: kunskapsunderlag och metod"),
                (
                    "p",
                    "Beslutsstödet om hjärtsvikt bygger på Socialstyrelsens nationella "
                    "riktlinjer för hjärtsjukvård 2025, ESC:s riktlinjer och de sakkunnigas "
                    "bedömning. Sjukfallsstatistiken kommer från Försäkringskassan (Midas).",
                ),
                ("h", "Så har vi arbetat"),
                (
                    "p",
                    "Sakkunniga har reviderat texterna; rekommendationsgruppen har lämnat "
                    "synpunkter i en webbenkät.",
                ),
            ],
            author=lead[0],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Sign-off/Beslutsunderlag EC hjärtsvikt.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslutsunderlag",
                "Uppdatering av försäkringsmedicinskt beslutsstöd för hjärtsvikt",
                "Enhetschefen beslutar att den uppdaterade versionen publiceras.",
                "Dnr 2.4-8802/2026",
                "Stockholm 2026-09-10, Lena Berg, enhetschef",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "Close-out/Återblick och lärdomar FMB hjärtsvikt.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Återblick – revidering av FMB hjärtsvikt 2026"),
                ("h", "Vad gick bra?"),
                ("p", "Sakkunniga rekryterades snabbt via NPO; webbenkäten gav bra svar."),
                ("h", "Vad kan förbättras?"),
                ("p", "Avtal med regioner tar tid; börja tidigare. Ett RG-möte hade behövts."),
                ("h", "Lärdomar inför nästa uppdatering"),
                ("p", "Planera föredragningen före semestern."),
            ],
            author=lead[0],
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        pd=False,
    )
    add(
        "Close-out/Återkoppling till rekommendationsgruppen.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "ulrika.sten@regiongavleborg.se",
                "anita.lund@hjart-lung.se",
                "peter.holm@skane.se",
            ],
            subject="FMB hjärtsvikt – så tog vi hand om era synpunkter",
            body=(
                "Hej,\n\ntack för era svar på webbenkäten. Vi har lagt till egenvård under "
                "rehabilitering och förtydligat när arbetsförmågan ska bedömas på nytt. Den "
                "uppdaterade versionen publiceras i oktober.\n\nOskar Lindahl"
            ),
            sent_at=dt("2026-09-14 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Peter Holm has no declaration
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
            "vips": ["missing"],
            "records_closure": ["needs_confirmation"],
            "brief_diagnosis_text": ["not_applicable", "partial"],
            "collect_comments": ["partial"],
        },
        "missing_coi_for": ["Peter Holm"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def ckd(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "CKD kronisk njursjukdom – new FMB (sv-en)")
    add = _adder(p)
    lead = ("Maja Ström", f"maja.strom@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Tobias Wren", "Nadia Karimi", "Erik Lund"]
    rg = ["Henrik Moberg", "Sara Dahl"]
    patient = "Bo Nilsson"
    plan_sv = [
        ("t", "Projektplan – FMB kronisk njursjukdom"),
        ("h", "Bakgrund"),
        (
            "p",
            "Regeringen har gett Socialstyrelsen i uppdrag att ta fram ett nytt "
            "försäkringsmedicinskt beslutsstöd för kronisk njursjukdom (N18).",
        ),
        ("h", "Organisation och tidplan"),
        (
            "p",
            "Tre sakkunniga (sjukskrivningen är komplicerad), varav en engelskspråkig. "
            "Rekommendationsgrupp med patientföreträdare från Njurförbundet. Uppstart mars, "
            "webbenkät maj, RG-möte juni, föredragning för generaldirektören i november.",
        ),
    ]
    add(
        "Internt/Projektplan CKD sv.docx",
        lambda f: _doc(f, plan_sv, author=lead[0]),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Internt/Project plan CKD en.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Project plan – FMB chronic kidney disease (translation)"),
                ("h", "Background"),
                (
                    "p",
                    "The Government has commissioned the National Board of Health and Welfare "
                    "to develop new insurance medicine decision support for chronic kidney "
                    "disease (N18).",
                ),
                ("h", "Organisation and timeline"),
                (
                    "p",
                    "Three experts, one English-speaking. A recommendation group with a "
                    "patient representative. Kick-off in March, web survey in May, meeting "
                    "with the recommendation group in June, approval by the Director-General "
                    "in November.",
                ),
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Internt/Tidplan.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Milstolpe / Milestone", "Datum / Date"],
                ["Sakkunniga klara / Experts signed", "2026-02-27"],
                ["Uppstart / Kick-off", "2026-03-03"],
                ["Webbenkät / Survey", "2026-05-11"],
                ["RG-möte / RG meeting", "2026-06-10"],
                ["Föredragning GD / DG approval", "2026-11-05"],
            ],
            sheet_title="Milstolpar",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Utgående/Förfrågan NPO Njursjukdomar.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["npo.njur@regionvasterbotten.se"],
            subject="Regeringsuppdrag FMB kronisk njursjukdom – namn på experter och RG",
            body=(
                "Hej,\n\nSocialstyrelsen har fått regeringens uppdrag att ta fram ett "
                "beslutsstöd för kronisk njursjukdom. Vi ber NPO Njursjukdomar om namn på "
                "tre sakkunniga och två deltagare i rekommendationsgruppen senast 6 februari."
                "\n\nMaja Ström, projektledare"
            ),
            sent_at=dt("2026-01-19 08:40"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Utgående/Invitation to serve as expert - T Wren.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["Tobias Wren <tobias.wren@ki.se>"],
            subject="Invitation to take part as an expert – decision support on CKD",
            body=(
                "Dear Dr Wren,\n\nNPO Njursjukdomar has proposed you as an expert for our "
                "new insurance medicine decision support on chronic kidney disease. Would you "
                "be willing to take part? The work runs March–October 2026, about 40 hours, "
                "with compensation. If yes, we will send you the declaration form and the "
                "agreement.\n\nKind regards\nMaja Ström, project lead"
            ),
            sent_at=dt("2026-02-09 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    lund = _agreement_lines("Erik Lund", "Erik Lund", "kronisk njursjukdom", "1 300")
    add(
        "Utgående/Avtal Erik Lund för underskrift.docx",
        lambda f: make_docx(f, paragraphs=lund, author=lead[0]),
        "agreement",
        "recruit_project_group",
        draft=True,
        register=False,
        pd=True,
        note="the unsigned Word file sent for signature; the signed PDF is in Inkommet/",
    )
    add(
        "Inkommet/Avtal Erik Lund underskrivet.pdf",
        lambda f: make_pdf(
            f, [*lund, "Stockholm 2026-02-20      Umeå 2026-02-23", "Maja Ström   Erik Lund"]
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/Agreement Tobias Wren signed.pdf",
        lambda f: make_pdf(
            f,
            [
                "Agreement on assignment as expert",
                "between the National Board of Health and Welfare and Tobias Wren",
                "The expert takes part in developing decision support on chronic kidney "
                "disease. Fee: SEK 1,300 per hour, at most 40 hours, paid against invoice.",
                "Period: 1 March – 31 December 2026.",
                "Signed: Maja Ström, 24 February 2026; Tobias Wren, 25 February 2026",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/Nadia Karimi avtal.pdf",
        lambda f: _scan(f, 1320),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="signed agreement scanned, no text",
    )
    add(
        "Inkommet/Tobias Wren - disclosure form.pdf",
        lambda f: make_pdf(
            f,
            [
                "Disclosure of potential conflicts",
                "Expert: Tobias Wren, MD PhD, Karolinska Institutet",
                "Employment and assignments in the last three years: Karolinska University "
                "Hospital, Department of Nephrology",
                "Consulting fees from companies with products for kidney disease: none",
                "Research grants from industry: one (2023, unrestricted)",
                "Anything else that could call my independence into question: no",
                "Stockholm, 26 Feb 2026. Tobias Wren",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/Nadia Karimi - jävsintyg.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Intyg om jävsfrihet"),
                (
                    "p",
                    "Jag, Nadia Karimi, specialist i njurmedicin vid Skånes "
                    "universitetssjukhus, intygar att jag saknar kopplingar till företag "
                    "eller organisationer som kan påverka min objektivitet i uppdraget om "
                    "kronisk njursjukdom.",
                ),
                ("p", "Malmö 2026-02-27"),
                ("p", "Nadia Karimi"),
            ],
            author="Nadia Karimi",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    inner = (
        "Hi Maja,\nhere is my declaration as requested:\n"
        "I, Henrik Moberg, nephrologist at Sunderby Hospital, have no financial interests, "
        "assignments or other ties to companies in the field that could affect my "
        "impartiality in the recommendation group. I will tell you if this changes.\n"
        "Henrik Moberg, Luleå 2 March 2026"
    )
    add(
        "Inkommet/Fwd_ Fwd_ RE_ declaration.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[f"Registrator <registrator@{STAFF}>"],
            subject="Fwd: Fwd: RE: declaration",
            body=(
                "För registrering, RG-ledamot FMB CKD.\n/Maja"
                + "\n\n---------- Forwarded message ---------\nFrom: Maja Ström\n"
                "Date: 3 March 2026\nSubject: Fwd: RE: declaration\nTo: Jonas Ek\n\n"
                "Jonas, kan du lägga in Henrik i listan?"
                + "\n\n---------- Forwarded message ---------\nFrom: Henrik Moberg "
                "<henrik.moberg@norrbotten.se>\nDate: 2 March 2026\nSubject: RE: "
                "declaration\nTo: Maja Ström\n\n"
                + inner
                + _quoted_en(
                    "Maja Ström",
                    "27 February 2026",
                    "Dear Henrik, could you send "
                    "us your declaration of interests before the kick-off?",
                )
            ),
            sent_at=dt("2026-03-03 16:00"),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="the declaration is the innermost quoted message",
    )
    add(
        "Inkommet/Sara Dahl interests.pdf",
        lambda f: make_pdf(
            f,
            [
                "Interests and relationships – self-report",
                "Recommendation group, decision support on chronic kidney disease",
                "Name: Sara Dahl",
                "Workplace: Dialysis unit, Region Jämtland Härjedalen",
                "Relationships with industry (fees, grants, shares): none",
                "Personal relationships of relevance: none",
                "Date and signature: 2026-03-05 Sara Dahl",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/Bo Nilsson JD.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Bo Nilsson, Njurförbundet (patientföreträdare)",
                "Jag har inga intressen att redovisa.",
                "2026-03-06 Bo Nilsson",
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Utgående/Beställning Midas N18.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["statistik@forsakringskassan.se"],
            subject="Statistikförfrågan N18 kronisk njursjukdom",
            body=(
                "Hej,\n\nvi behöver sjukfallsdata ur Midas för N18: antal sjukfall, "
                "sjukskrivningens längd (median och percentiler) och omfattning, 2021–2025, "
                "per kön.\n\nTack!\nMaja Ström"
            ),
            sent_at=dt("2026-02-02 09:30"),
        ),
        "statistics",
        "statistics",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "Inkommet/Statistik från FK CKD N18.xlsx",
        lambda f: make_xlsx(
            f,
            [
                [
                    "Diagnos",
                    "Kön",
                    "Antal sjukfall",
                    "Median (dagar)",
                    "P25",
                    "P75",
                    "Andel deltid",
                ],
                ["N18", "Kvinnor", 640, 88, 30, 230, "41 %"],
                ["N18", "Män", 910, 79, 27, 205, "37 %"],
            ],
            sheet_title="N18",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Internt/Möten/Agenda kick-off 2026-03-03 (sv-en).docx",
        lambda f: _doc(
            f,
            [
                ("t", "Dagordning / Agenda"),
                ("p", "Uppstartsmöte / Kick-off meeting, 3 March 2026, 13:00–15:30"),
                ("p", "1. Välkomna / Welcome"),
                ("p", "2. Regeringsuppdraget / The government assignment"),
                ("p", "3. Arbetssätt och tidplan / Ways of working and timeline"),
                ("p", "4. Mallar / Templates"),
                ("p", "5. Övrigt / AOB"),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        also=("other", "correspondence"),
        register=False,
        pd=False,
        note="agenda only",
    )
    add(
        "Internt/Möten/Minnesanteckningar uppstart - Minutes kick-off 2026-03-03.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Minnesanteckningar / Minutes"),
                ("p", "Uppstartsmöte / Kick-off, 2026-03-03"),
                ("p", "Närvarande / Present: Tobias Wren, Nadia Karimi, Erik Lund, Maja Ström"),
                (
                    "p",
                    "Beslut / Decisions: Nadia Karimi skriver Kort om diagnosen; Tobias Wren "
                    "drafts the recommendations in English, translated by the agency; Erik "
                    "Lund assesses the ICF categories.",
                ),
                ("p", "Nästa möte / Next meeting: 7 April."),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "Internt/Möten/Kick-off CKD.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB CKD – uppstart / kick-off", "3 mars / 3 March 2026"),
                ("Uppdraget / The assignment", "Regeringsuppdrag, beslut av GD"),
                ("Tidplan / Timeline", "Mars–november 2026"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Internt/Texter/Kort om diagnosen CKD sv-en v0.5.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Kort om diagnosen / Brief description of the diagnosis"),
                (
                    "p",
                    "Kronisk njursjukdom innebär nedsatt njurfunktion i mer än tre månader. "
                    "Symtom: trötthet, klåda, ödem. Behandling: blodtryckskontroll, "
                    "SGLT2-hämmare, dialys vid njursvikt.",
                ),
                (
                    "p",
                    "Chronic kidney disease means reduced kidney function for more than three "
                    "months. Symptoms: fatigue, itching, oedema. Treatment: blood pressure "
                    "control, SGLT2 inhibitors, dialysis in kidney failure.",
                ),
            ],
            author="Nadia Karimi",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Inkommet/Textförslag från Tobias Wren (engelska).docx",
        lambda f: _doc(
            f,
            [
                ("t", "Recommendations on sick leave – chronic kidney disease"),
                (
                    "p",
                    "Stage 3–4: sick leave is usually not needed; part-time sick leave may "
                    "be needed during the start of dialysis.",
                ),
                (
                    "p",
                    "Haemodialysis: part-time sick leave, often 50 %, for as long as "
                    "treatment continues; work capacity is assessed individually.",
                ),
                ("p", "Return to work after kidney transplantation: usually within 3–6 months."),
            ],
            author="Tobias Wren",
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="an expert's text received (official on arrival)",
    )
    add(
        "Internt/Texter/ICF assessment CKD.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Kategori", "Vanlig? (ja/nej/ibland)", "Kommentar"],
                ["b455", "Funktioner för fysisk uthållighet", "", ""],
                ["b130", "Energi och driftfunktioner", "", ""],
                ["b610", "Urinutsöndringsfunktioner", "", ""],
                ["d850", "Betalt arbete", "", ""],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
        note="the template sent to the experts for assessment",
    )
    sent = "Textförslag CKD för synpunkter.pdf"
    sent_lines = [
        "Förslag: försäkringsmedicinskt beslutsstöd för kronisk njursjukdom",
        "Kort om diagnosen",
        "Kronisk njursjukdom innebär nedsatt njurfunktion i mer än tre månader.",
        "Rekommendationer",
        "Vid hemodialys: sjukskrivning på deltid, ofta 50 procent, under behandlingstiden.",
        "Efter njurtransplantation: återgång i arbete inom 3–6 månader.",
    ]
    add(
        f"Utgående/{sent}",
        lambda f: make_pdf(f, sent_lines),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
    )
    add(
        "Utgående/Missiv enkät rekommendationsgrupp CKD.pdf",
        lambda f: make_pdf(
            f,
            [
                "Missiv",
                "Till rekommendationsgruppen, FMB kronisk njursjukdom",
                "Här är länken till webbenkäten om förslaget: https://enkat.socialstyrelsen.se/ckd",
                "Svara senast den 25 maj 2026. Svaren redovisas utan namn.",
                "Maja Ström, projektledare",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Utgående/FW_ Remiss textförslag CKD.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["remiss@forsakringskassan.se", "npo.njur@regionvasterbotten.se"],
            subject="FW: Remiss textförslag CKD",
            body=(
                "Hej,\n\nvidarebefordrar förslaget till beslutsstöd för kronisk njursjukdom "
                "för synpunkter senast 25 maj.\n\nMaja"
                + _quoted(
                    [
                        "Från: Maja Ström",
                        "Skickat: den 11 maj 2026 09:00",
                        "Till: Tobias Wren; Nadia Karimi; Erik Lund",
                        "Ämne: Remiss textförslag CKD",
                    ],
                    "Hej, här är versionen som går på remiss. Tack för ert arbete!",
                )
            ),
            sent_at=dt("2026-05-11 09:20"),
            attachments=[(sent, _pdf_bytes(sent_lines))],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/Survey export CKD.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Q1 Agree with the recommendation on dialysis?"],
                ["Answer", "n"],
                ["Yes", 2],
                ["Partly", 1],
            ],
            sheet_title="Q1",
            extra_sheets={
                "Q2": [
                    ["Q2 Agree with the return-to-work timeline after transplant?"],
                    ["Answer", "n"],
                    ["Yes", 3],
                ],
                "Q3": [
                    ["Q3 Other comments (free text)"],
                    ["Fatigue after dialysis sessions deserves a line."],
                    ["Travel time to dialysis matters for work capacity."],
                ],
            },
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous answers",
    )
    add(
        "Inkommet/RE_ RE_ FW_ Remiss textförslag CKD.eml",
        lambda f: make_eml(
            f,
            sender="Lars Öhman <lars.ohman@regionvasterbotten.se>",
            to=[lead_s],
            subject="RE: RE: FW: Remiss textförslag CKD",
            body=(
                "Hej Maja,\n\nNPO Njursjukdomars samlade synpunkter: rekommendationen om "
                "deltid vid dialys är bra; lägg till att restid till dialysen påverkar. "
                "Peritonealdialys nämns inte alls och bör läggas till.\n\nLars Öhman, NPO"
                + _quoted_en("Maja Ström", "20 May 2026", "Hej Lars, hinner ni till den 29 maj?")
                + _quoted_en(
                    "Lars Öhman",
                    "19 May 2026",
                    "Vi behöver några dagar till för att samla in synpunkter.",
                )
                + _quoted_en(
                    "Maja Ström",
                    "11 May 2026",
                    "Hej,\nvidarebefordrar förslaget till beslutsstöd för kronisk "
                    "njursjukdom för synpunkter senast 25 maj.",
                )
            ),
            sent_at=dt("2026-05-28 17:05"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Internt/Möten/RG-möte 2026-06-10 minnesanteckningar.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Minnesanteckningar – rekommendationsgruppens möte"),
                (
                    "p",
                    "10 juni 2026, Teams. Deltagare: Henrik Moberg, Sara Dahl, Bo Nilsson, "
                    "Nadia Karimi, Maja Ström.",
                ),
                (
                    "p",
                    "Bo Nilsson tog upp trötthet efter dialys. Mötet enades om att lägga "
                    "till peritonealdialys och restid. Beslut: rekommendationen om deltid "
                    "vid dialys står kvar.",
                ),
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Internt/Texter/Bemötande av synpunkter CKD.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Bemötande av inkomna synpunkter – kronisk njursjukdom"),
                ("p", "NPO: peritonealdialys saknas – tillagt."),
                (
                    "p",
                    "NPO och RG: restid till dialys – tillagt under försäkringsmedicinsk "
                    "information.",
                ),
                ("p", "RG: trötthet efter dialys – tillagt i Kort om diagnosen."),
                ("p", "FK: inga synpunkter."),
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
        "Utgående/Beslutsstöd CKD – slutversion (sv).pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd: kronisk njursjukdom (N18)",
                "Kort om diagnosen",
                "Kronisk njursjukdom innebär nedsatt njurfunktion i mer än tre månader. "
                "Trötthet efter dialys är vanlig.",
                "Rekommendationer",
                "Hemodialys eller peritonealdialys: sjukskrivning på deltid under "
                "behandlingstiden; restid till dialysen beaktas.",
            ],
        ),
        "publication",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Utgående/Kunskapsunderlag med metodbeskrivning CKD.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning",
                "Försäkringsmedicinskt beslutsstöd för kronisk njursjukdom",
                "Metod: litteraturgenomgång, KDIGO 2024, sakkunnigas bedömning, statistik "
                "från Försäkringskassan.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Utgående/Föredragning GD – regeringsuppdrag FMB CKD.docx",
        lambda f: _doc(
            f,
            [
                ("t", "Föredragning för generaldirektören"),
                (
                    "p",
                    "Regeringsuppdrag: försäkringsmedicinskt beslutsstöd för kronisk njursjukdom",
                ),
                (
                    "p",
                    "Förslag: Generaldirektören beslutar att beslutsstödet publiceras och "
                    "att uppdraget redovisas till regeringen.",
                ),
                ("p", "Generaldirektören har beslutat i enlighet med förslaget 2026-11-05."),
            ],
            meta=[("Dnr", "2.4-4410/2026"), ("Datum", "2026-11-05")],
            author=lead[0],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "Internt/Project retrospective CKD (en).docx",
        lambda f: _doc(
            f,
            [
                ("t", "Project retrospective – FMB chronic kidney disease"),
                ("h", "What worked"),
                (
                    "p",
                    "Three experts covered dialysis, transplantation and primary care; the "
                    "bilingual kick-off let the English-speaking expert take part fully.",
                ),
                ("h", "What did not"),
                ("p", "The NPO needed more time for comments; translations took two weeks."),
                ("h", "For next time"),
                ("p", "Plan translation time and ask the NPO for comments four weeks ahead."),
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
        "recruit_project_group": "partial",  # Erik Lund has no declaration
        "statistics": "complete",
        "recruit_recommendation_group": "complete",
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # no feedback to the recommendation group
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
            "vips": ["missing"],
            "records_closure": ["needs_confirmation"],
            "revise": ["complete"],
        },
        "missing_coi_for": ["Erik Lund"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (insomni, hjartsvikt, ckd)
