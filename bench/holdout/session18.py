"""The session-18 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 18, helper accuracy) and labelled from DOMAIN.md, the instruction
and docs/rules.md's "Label conventions" before the classifier ever ran on them (`set:
session18`). Every file's label names the step it evidences (`step`) and whether it holds
personal data (`personal_data`). Habits:

- a registrar's e-diarium export: every file named "Dok <n> (I|U) <what>" (I: inkommen,
  U: upprättad) in one flat folder; mails exported by Outlook's "Spara som text" (.txt with
  "Från:", "Skickat:", "Till:", "Ämne:" lines); versions marked "_korr1", "_korr2"
  (korrektur), not v1/v2; a declaration photographed and pasted into a Word file (no text);
- an e-signature service: each signed agreement and declaration "<document> - signerat.pdf"
  with the service's receipt beside it ("Verifikat - <document>.pdf": transaction id, signers
  by BankID, the document's SHA-256); a running project logbook holding several meetings'
  notes; OneDrive's sync-conflict copy of a text ("… v3-LAPTOP-K3J2.docx");
- an intern's dotted lower-case names without Swedish letters ("jav.dekl.malin.aberg.pdf",
  "kort.om.diagnosen.ljumskbrack.docx"), status folders instead of process folders
  ("Pågående/", "Skickat/", "Inkommet/", "Klart/"): the working copies in "Pågående/", the
  versions sent in "Skickat/".

Labelling choices as in the earlier sets (and session 18's conventions): a draft or an older
version is never registered; the version sent out for comment is registered; minutes with
decisions are registered; material mailed to FK/NPO and feedback to the RG are registered
correspondence; a plan is never registered; a signing service's receipt goes with the signed
document it certifies (its class, registered with it; `other` also acceptable); a sync
conflict copy is a working copy (a draft). personal_data: true for declarations,
agreements, a receipt naming the signers, every mail with a person's address (a staff
member's too), answers with the respondents' names, minutes recording what a named member
said; false for plans, statistics, texts, templates, minutes listing attendees only.

Projects:
- `Akillessenruptur nytt FMB` — new, e-diarium export, approved by AC, not evaluated;
  Maja Rehn (RG) has no declaration.
- `Graviditetsrelaterad bäckensmärta – uppdatering` — update, e-signature service and a
  logbook, approved by EC and evaluated; Henrik Moberg (RG) has no declaration.
- `Ljumskbråck nytt FMB` — new, the intern's names and status folders, stopped while the
  comments are considered; Viktor Sandin (expert) has an agreement but no declaration.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _noise, _people, _txt
from session11 import _adder
from session14 import _csv

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


def _coi(name: str, role: str, employer: str, place_date: str) -> list[str]:
    return [
        "Jävsdeklaration",
        f"Namn: {name}",
        f"Uppdrag: {role}",
        f"Anställning: {employer}",
        "Ekonomiska intressen i företag inom området: Nej",
        "Uppdrag för läkemedelsindustrin de senaste tre åren: Nej",
        "Andra omständigheter som kan påverka förtroendet för min opartiskhet: Nej",
        place_date,
        name,
    ]


def _agreement(name: str, subject: str, fee: str) -> list[str]:
    return [
        "Avtal om ersättning för sakkunnig",
        f"Parter: Socialstyrelsen (beställaren) och {name} (uppdragstagaren).",
        f"Uppdrag: sakkunnig i projektgruppen för försäkringsmedicinskt beslutsstöd för {subject}.",
        f"Ersättning: {fee} kronor per timme, högst 40 timmar, mot faktura.",
        "Avtalsperiod: 2026-03-01 – 2026-12-31.",
    ]


def _saved_mail(sender: str, sent: str, to: str, subject: str, body: str) -> str:
    """A mail as Outlook's "Spara som" writes it in text format."""
    return f"Från:\t{sender}\nSkickat:\t{sent}\nTill:\t{to}\nÄmne:\t{subject}\n\n{body}\n"


def _esigned(lines: list[str], signer: str, day: str) -> list[str]:
    return [*lines, f"Signerat elektroniskt med BankID av {signer} {day}."]


def _receipt(document: str, signers: list[tuple[str, str]], tx: str) -> list[str]:
    return [
        "Verifikat",
        f"Transaktion {tx}",
        f"Dokument: {document}",
        "Signerare",
        *[f"{who} – signerat med BankID {when}" for who, when in signers],
        "Dokumentets fingeravtryck (SHA-256): "
        "9f2c1e7a44b0d1c3e8a5f6b7c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192",
        "Verifikatet är utfärdat av signeringstjänsten och hör till dokumentet ovan.",
    ]


# ---------------------------------------------------------------- project A


def akillessen(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Akillessenruptur nytt FMB")
    add = _adder(p)
    lead = f"Elin Strand <elin.strand@{STAFF}>"
    experts = ["Lars Nyström", "Karin Holmgren"]
    rg = ["Pia Sundqvist", "Oskar Ljung", "Maja Rehn"]
    patient = "Sven Alm"
    rg_mails = "pia.sundqvist@regionhalland.se; oskar.ljung@vgregion.se; maja.rehn@rjl.se; "
    rg_mails += "sven.alm@patientforeningen.se"
    add(
        "Dok 1 (U) Projektplan akillessenruptur.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – nytt försäkringsmedicinskt beslutsstöd för akillessenruptur",
            paragraphs=[
                "Syfte och mål: ta fram ett nytt beslutsstöd för akillessenruptur (S86.0).",
                "Projektorganisation: projektledare Elin Strand, två sakkunniga, "
                "rekommendationsgrupp med patientföreträdare.",
                "Tidplan: uppstartsmöte i mars, webbenkät i maj, föredragning för AC i oktober.",
            ],
            author="Elin Strand",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Dok 2 (U) Förfrågan om sakkunniga NPO.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                lead,
                "den 12 januari 2026 10:14",
                "NPO Rörelseorganens sjukdomar <npo.rorelse@regionorebrolan.se>",
                "Förfrågan om sakkunniga – nytt FMB akillessenruptur",
                "Hej,\n\nSocialstyrelsen tar fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "akillessenruptur. Vi ber NPO föreslå två sakkunniga (ortopedi och "
                "fysioterapi) och deltagare till rekommendationsgruppen. Svara gärna senast "
                "den 30 januari.\n\nVänliga hälsningar\nElin Strand\nSocialstyrelsen",
            ),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
        note="a mail saved as text by Outlook",
    )
    add(
        "Dok 3 (I) SV Förfrågan om sakkunniga.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                "Anders Vik <anders.vik@regionorebrolan.se>",
                "den 28 januari 2026 15:02",
                lead,
                "SV: Förfrågan om sakkunniga – nytt FMB akillessenruptur",
                "Hej Elin,\n\nNPO nominerar Lars Nyström, överläkare i ortopedi, och Karin "
                "Holmgren, fysioterapeut, som sakkunniga. Till rekommendationsgruppen "
                "föreslår vi Pia Sundqvist, Oskar Ljung och Maja Rehn, och Sven Alm från "
                "Patientföreningen som patientföreträdare.\n\nHälsningar\nAnders Vik, NPO",
            ),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "Dok 4 (I) Jävsdeklaration Lars Nyström.pdf",
        lambda f: make_pdf(
            f, _coi("Lars Nyström", "sakkunnig", "Region Örebro län", "Örebro 2026-02-09")
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Dok 5 (I) Jävsdeklaration Karin Holmgren.docx",
        lambda f: make_docx(f, images=[_noise(1801)]),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="a photo of the signed paper pasted into Word: no text",
    )
    for n, name in ((6, "Lars Nyström"), (7, "Karin Holmgren")):
        add(
            f"Dok {n} (U) Avtal om ersättning {name}.pdf",
            lambda f, name=name: make_pdf(
                f,
                [
                    *_agreement(name, "akillessenruptur", "1 000"),
                    "Stockholm 2026-02-16",
                    f"För Socialstyrelsen: Elin Strand          Uppdragstagaren: {name}",
                ],
            ),
            "agreement",
            "recruit_project_group",
            register=True,
            pd=True,
        )
    add(
        "Dok 8 (U) Beställning statistik Midas S86.0.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                lead,
                "den 2 februari 2026 09:40",
                "Försäkringskassan <statistik@forsakringskassan.se>",
                "Beställning av statistik ur Midas – S86.0",
                "Hej,\n\nVi beställer härmed statistik ur Midas för diagnos S86.0 "
                "(akillessenruptur) 2021–2025: antal startade sjukfall, sjukfallens längd "
                "(median, 25:e och 75:e percentilen), uppdelat på kön och ålder.\n\n"
                "Vänliga hälsningar\nElin Strand",
            ),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=True,
    )
    add(
        "Dok 9 (I) Statistik FK akillessenruptur.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P75 dagar"],
                ["S86.0", 2024, "Kvinnor", 412, 96, 151],
                ["S86.0", 2024, "Män", 988, 104, 166],
                ["S86.0", 2025, "Kvinnor", 430, 92, 147],
                ["S86.0", 2025, "Män", 1015, 101, 160],
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
        "Dok 10 (U) Inbjudan till rekommendationsgruppen.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                lead,
                "den 16 februari 2026 13:20",
                rg_mails,
                "Inbjudan att delta i rekommendationsgruppen – FMB akillessenruptur",
                "Hej,\n\nNi har föreslagits av NPO och vi vill gärna att ni ingår i "
                "rekommendationsgruppen för det nya beslutsstödet. Bifogat finns "
                "jävsdeklarationen att fylla i. Mötet med gruppen hålls den 20 maj.\n\n"
                "Vänliga hälsningar\nElin Strand",
            ),
        ),
        "nomination_request",
        "recruit_recommendation_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    for n, name, employer in (
        (11, "Pia Sundqvist", "Region Halland, företagsläkare"),
        (12, "Oskar Ljung", "Västra Götalandsregionen, distriktsläkare"),
        (13, "Sven Alm", "Patientföreningen, patientföreträdare"),
    ):
        suffix = " patientföreträdare" if name == patient else ""
        add(
            f"Dok {n} (I) Jävsdeklaration {name}{suffix}.pdf",
            lambda f, name=name, employer=employer: make_pdf(
                f, _coi(name, "rekommendationsgruppen", employer, "2026-02-24")
            ),
            "coi_declaration",
            "recruit_recommendation_group",
            register=True,
            pd=True,
        )
    add(
        "Dok 14 (U) Minnesanteckningar uppstartsmöte 2026-03-04.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar uppstartsmöte 2026-03-04",
            paragraphs=[
                "Närvarande: Elin Strand, Lars Nyström, Karin Holmgren.",
                "Elin presenterade instruktionen och tidplanen.",
                "Beslut: textförslaget till Kort om diagnosen skickas till sakkunniga 20 mars; "
                "ICF-kategorierna bedöms till 3 april.",
            ],
            author="Elin Strand",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=False,
    )
    brief = [
        "Akillessenruptur är en hel eller partiell bristning av hälsenan, vanligast hos män "
        "30–50 år vid idrott.",
        "Symtom: plötslig smärta och svaghet vid frånskjut. Behandling: operation eller "
        "ortos. Prognos: god, läkningstid 6–12 månader.",
    ]
    add(
        "Dok 15 (U) Kort om diagnosen akillessenruptur_korr1.docx",
        lambda f: make_docx(
            f, title="Kort om diagnosen – akillessenruptur", paragraphs=brief, author="Elin Strand"
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="the first proof (korrektur 1), superseded by korr2",
    )
    add(
        "Dok 16 (U) Kort om diagnosen akillessenruptur_korr2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – akillessenruptur",
            paragraphs=[*brief, "Uppdaterad efter sakkunnigas kommentarer."],
            author="Elin Strand",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
        note="the version sent out with the survey",
    )
    add(
        "Dok 17 (U) ICF-kategorier för expertbedömning akillessenruptur.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Kod", "Kategori", "Central", "Kompletterande"],
                ["b280", "Smärtförnimmelse", "X", ""],
                ["b730", "Muskelkraftsfunktioner", "X", ""],
                ["d450", "Gå", "X", ""],
                ["d850", "Avlönad sysselsättning", "", "X"],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        "Dok 18 (U) Textförslag och rekommendationer akillessenruptur_korr3.docx",
        lambda f: make_docx(
            f,
            title="Textförslag och rekommendationer – akillessenruptur",
            paragraphs=[
                "Rekommendation: vid stillasittande arbete sjukskrivning 2–4 veckor; vid "
                "tungt fysiskt arbete upp till 6 månader.",
                "Funktionsnedsättning: nedsatt muskelkraft i vaden. Aktivitetsbegränsning: "
                "svårt att gå längre sträckor och stå länge.",
            ],
            author="Elin Strand",
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent to the RG (korrektur 3)",
    )
    add(
        "Dok 19 (U) Webbenkät till rekommendationsgruppen.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                lead,
                "den 5 maj 2026 08:30",
                rg_mails,
                "Webbenkät: textförslag FMB akillessenruptur",
                "Hej,\n\nHär är länken till webbenkäten om textförslaget och "
                "rekommendationerna. Svara senast den 19 maj. Det tar cirka 20 minuter.\n\n"
                "Vänliga hälsningar\nElin Strand",
            ),
        ),
        "survey",
        "collect_comments",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "Dok 20 (I) Synpunkter från Försäkringskassan.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                "Försäkringskassan <registrator@forsakringskassan.se>",
                "den 18 maj 2026 11:05",
                lead,
                "Synpunkter på förslag till FMB akillessenruptur",
                "Hej,\n\nFörsäkringskassan har följande synpunkter på förslaget: ange "
                "sjukskrivningstid efter operation respektive ortosbehandling var för sig.\n\n"
                "Med vänlig hälsning\nFörsäkringskassan",
            ),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="personal data: the lead's address (session 18's convention)",
    )
    add(
        "Dok 21 (I) Enkätsvar RG akillessenruptur.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Rimlig rekommendation?", "Kommentar"],
                ["Pia Sundqvist", "Ja", ""],
                ["Oskar Ljung", "Delvis", "Längre tid för tunga yrken"],
                ["Sven Alm", "Ja", "Nämn rehabilitering"],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Dok 22 (U) Minnesanteckningar RG-möte 2026-05-20.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar möte med rekommendationsgruppen 2026-05-20",
            paragraphs=[
                "Närvarande: Elin Strand, Pia Sundqvist, Oskar Ljung, Sven Alm.",
                "Oskar Ljung berättade att han själv var sjukskriven fyra månader efter sin "
                "egen ruptur.",
                "Beslut: rekommendationen för tunga yrken ändras till upp till 6 månader.",
            ],
            author="Elin Strand",
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Dok 23 (U) Sammanställning av synpunkter och hur de hanterats.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av synpunkter och hur de hanterats",
            table=[
                ["Från", "Synpunkt", "Hantering"],
                ["FK", "Skilj operation och ortos", "Infört"],
                ["RG", "Längre tid för tunga yrken", "Infört: upp till 6 månader"],
            ],
            author="Elin Strand",
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Dok 24 (U) Textförslag och rekommendationer akillessenruptur slutversion.pdf",
        lambda f: make_pdf(
            f,
            [
                "Textförslag och rekommendationer – akillessenruptur (slutversion)",
                "Rekommendation: efter operation 2–4 veckor vid stillasittande arbete; vid "
                "tungt fysiskt arbete upp till 6 månader.",
                "Ortosbehandling: sjukskrivning 4–8 veckor vid stillasittande arbete.",
            ],
        ),
        "text_proposal",
        "revise",
        also=("publication",),
        register=True,
        pd=False,
    )
    add(
        "Dok 25 (U) Återkoppling till rekommendationsgruppen.txt",
        lambda f: _txt(
            f,
            _saved_mail(
                lead,
                "den 15 juni 2026 10:00",
                rg_mails,
                "Återkoppling: så hanterade vi era synpunkter",
                "Hej,\n\nTack för era svar på enkäten och för mötet. Återkoppling: "
                "rekommendationen för tunga yrken är nu upp till sex månader, och "
                "rehabiliteringen nämns i texten.\n\nVänliga hälsningar\nElin Strand",
            ),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
    )
    add(
        "Dok 26 (U) Kunskapsunderlag med metodbeskrivning akillessenruptur.pdf",
        lambda f: make_pdf(
            f,
            [
                "Bilaga: Kunskapsunderlag med metodbeskrivning – akillessenruptur",
                "Litteratursökning i PubMed och Cochrane 2015–2026; sökord: achilles tendon "
                "rupture, return to work, sick leave.",
                "Urval av studier: inklusionskriterier och relevansbedömning. Referenser.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Dok 27 (U) Föredragning AC publicering akillessenruptur.pdf",
        lambda f: make_pdf(
            f,
            [
                "Föredragning – publicering av nytt försäkringsmedicinskt beslutsstöd",
                "Ärende: akillessenruptur. Förslag till beslut: avdelningschefen (AC) beslutar "
                "att beslutsstödet publiceras.",
                "Föredragande: Elin Strand. Beslutet har fattats 2026-10-06.",
            ],
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
        "recruit_recommendation_group": "partial",  # Maja Rehn
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
            "recruit_project_group": ["needs_confirmation"],  # the photographed declaration
            "collect_comments": ["partial"],  # nothing shows the material mailed to FK/NPO
            "vips": ["missing"],
            "records_closure": ["needs_confirmation", "partial"],
        },
        "missing_coi_for": ["Maja Rehn"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def backensmarta(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Graviditetsrelaterad bäckensmärta – uppdatering")
    add = _adder(p)
    lead_name = "Eva Ström"
    lead = f"{lead_name} <eva.strom@{STAFF}>"
    experts = ["Hanna Berglund", "Amir Haddad"]
    rg = ["Lotta Wiik", "Henrik Moberg", "Sara Engdahl"]
    patient = "Jenny Falk"
    add(
        "01 Planering/Projektplan uppdatering bäckensmärta.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering av FMB graviditetsrelaterad bäckensmärta",
            paragraphs=[
                "Bakgrund: beslutsstödet (O26.7) uppdateras enligt instruktion 3.1.3.5.",
                "Projektorganisation: projektledare Eva Ström, två sakkunniga, "
                "rekommendationsgrupp.",
                "Tidplan: uppstart i februari, remiss i maj, föredragning för EC i september.",
            ],
            author=lead_name,
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "01 Planering/Projektlogg bäckensmärta.docx",
        lambda f: make_docx(
            f,
            title="Projektlogg – bäckensmärta",
            paragraphs=[
                "2026-02-10 Uppstartsmöte med sakkunniga. Närvarande: Eva Ström, Hanna "
                "Berglund, Amir Haddad. Beslut: de befintliga texterna ses över till 15 mars.",
                "2026-03-20 Avstämning. Beslut: ICF-avsnitten kompletteras med d430 Lyfta och "
                "bära.",
                "2026-05-27 Genomgång av enkätsvaren. Beslut: inget möte med "
                "rekommendationsgruppen behövs.",
            ],
            author=lead_name,
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=False,
        note="a running logbook of meetings and decisions",
    )
    add(
        "02 Rekrytering/Förfrågan sakkunniga NPO Kvinnosjukdomar.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["NPO Kvinnosjukdomar <npo.kvinnosjukdomar@regionvasterbotten.se>"],
            subject="Förfrågan om sakkunniga – uppdatering FMB bäckensmärta",
            body="Hej,\n\nVi uppdaterar beslutsstödet för graviditetsrelaterad bäckensmärta "
            "och ber NPO föreslå två sakkunniga och deltagare till rekommendationsgruppen.\n\n"
            "Vänliga hälsningar\nEva Ström",
            sent_at=dt("2026-01-13 09:12"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    for name, employer, tx in (
        ("Hanna Berglund", "Region Västerbotten, överläkare i obstetrik", "0922-2115-5574"),
        ("Amir Haddad", "Region Skåne, fysioterapeut", "0922-2115-5611"),
    ):
        add(
            f"02 Rekrytering/Avtal om ersättning - {name} - signerat.pdf",
            lambda f, name=name: make_pdf(
                f,
                _esigned(
                    _agreement(name, "graviditetsrelaterad bäckensmärta", "950"), name, "2026-02-03"
                ),
            ),
            "agreement",
            "recruit_project_group",
            register=True,
            pd=True,
        )
        add(
            f"02 Rekrytering/Verifikat - Avtal om ersättning - {name}.pdf",
            lambda f, name=name, tx=tx: make_pdf(
                f,
                _receipt(
                    f"Avtal om ersättning - {name}",
                    [(name, "2026-02-03 14:22"), (lead_name, "2026-02-04 08:10")],
                    tx,
                ),
            ),
            "agreement",
            "recruit_project_group",
            also=("other",),
            register=True,
            pd=True,
            note="the signing service's receipt for the agreement",
        )
        add(
            f"02 Rekrytering/Jävsdeklaration - {name} - signerat.pdf",
            lambda f, name=name, employer=employer: make_pdf(
                f, _esigned(_coi(name, "sakkunnig", employer, "2026-02-03"), name, "2026-02-03")
            ),
            "coi_declaration",
            "recruit_project_group",
            register=True,
            pd=True,
        )
    for name, employer in (
        ("Lotta Wiik", "Region Uppsala, barnmorska"),
        ("Sara Engdahl", "Capio, företagsläkare"),
        ("Jenny Falk", "Föreningen för bäckenhälsa, patientföreträdare"),
    ):
        add(
            f"02 Rekrytering/RG/Jävsdeklaration - {name} - signerat.pdf",
            lambda f, name=name, employer=employer: make_pdf(
                f,
                _esigned(
                    _coi(name, "rekommendationsgruppen", employer, "2026-02-20"),
                    name,
                    "2026-02-20",
                ),
            ),
            "coi_declaration",
            "recruit_recommendation_group",
            register=True,
            pd=True,
        )
    add(
        "02 Rekrytering/RG/Verifikat - Jävsdeklaration - Jenny Falk.pdf",
        lambda f: make_pdf(
            f,
            _receipt(
                "Jävsdeklaration - Jenny Falk", [("Jenny Falk", "2026-02-20 19:45")], "0922-2116"
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        also=("other",),
        register=True,
        pd=True,
        note="the signing service's receipt for a declaration",
    )
    add(
        "02 Rekrytering/RG/Deltagare rekommendationsgrupp.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Roll", "Organisation"],
                ["Lotta Wiik", "Ledamot", "Region Uppsala"],
                ["Henrik Moberg", "Ledamot", "Region Jönköpings län"],
                ["Sara Engdahl", "Ledamot", "Capio"],
                ["Jenny Falk", "Patientföreträdare", "Föreningen för bäckenhälsa"],
            ],
            sheet_title="RG",
        ),
        "nomination_request",
        "recruit_recommendation_group",
        register=False,
        pd=False,
        note="the group's own roster, not sent",
    )
    add(
        "03 Statistik/Beställning Midas O26.7.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["Försäkringskassan <statistik@forsakringskassan.se>"],
            subject="Beställning av statistik ur Midas – O26.7",
            body="Hej,\n\nVi beställer härmed statistik ur Midas för O26.7 2021–2025: antal "
            "sjukfall och sjukfallens längd (median, percentiler).\n\nVänliga hälsningar\nEva",
            sent_at=dt("2026-02-02 10:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=True,
    )
    add(
        "03 Statistik/Statistik Midas O26.7 2021-2025.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["År", "Antal sjukfall", "Median dagar", "P25", "P75"],
                [2024, 5210, 61, 28, 112],
                [2025, 5088, 59, 27, 108],
            ],
            sheet_title="O26.7",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    recs = [
        "Rekommendation: vid lindriga besvär sjukskrivning på deltid 2–4 veckor; vid "
        "uttalade besvär heltid under återstoden av graviditeten.",
        "Överväg arbetsanpassning före sjukskrivning.",
    ]
    add(
        "04 Texter/Reviderade rekommendationer bäckensmärta v2.docx",
        lambda f: make_docx(
            f, title="Reviderade rekommendationer – bäckensmärta", paragraphs=recs[:1]
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "04 Texter/Reviderade rekommendationer bäckensmärta v3.docx",
        lambda f: make_docx(f, title="Reviderade rekommendationer – bäckensmärta", paragraphs=recs),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent out for comment",
    )
    add(
        "04 Texter/Reviderade rekommendationer bäckensmärta v3-LAPTOP-K3J2.docx",
        lambda f: make_docx(
            f,
            title="Reviderade rekommendationer – bäckensmärta",
            paragraphs=[*recs, "Eva: lägg till hänvisning till kunskapsunderlaget."],
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="OneDrive's sync-conflict copy: a working copy",
    )
    add(
        "04 Texter/Kort om diagnosen bäckensmärta reviderad.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – graviditetsrelaterad bäckensmärta (reviderad)",
            paragraphs=[
                "Graviditetsrelaterad bäckensmärta är smärta i bäckenlederna under graviditet.",
                "Symtom: smärta vid gång och vändning i sängen. Behandling: information, "
                "bäckenbälte, fysioterapi. Prognos: god, oftast över efter förlossningen.",
            ],
            author=lead_name,
        ),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
        note="the existing text revised, sent out with the recommendations",
    )
    add(
        "04 Texter/ICF-avsnitt reviderade bäckensmärta.docx",
        lambda f: make_docx(
            f,
            title="ICF-baserade textavsnitt – reviderade",
            paragraphs=[
                "Funktionsnedsättning: smärta i bäckenet (b280), nedsatt rörlighet i "
                "bäckenlederna (b710).",
                "Aktivitetsbegränsning: svårt att gå (d450), lyfta och bära (d430) och sitta "
                "länge (d415).",
            ],
        ),
        "text_proposal",
        "icf_sections",
        also=("icf_assessment",),
        register=True,
        pd=False,
        note="an update's revised ICF texts (session 18's convention)",
    )
    add(
        "05 Remiss/Webbenkät RG - frågor och missiv.docx",
        lambda f: make_docx(
            f,
            title="Missiv och frågor – webbenkät till rekommendationsgruppen",
            paragraphs=[
                "Vi vill gärna ha dina synpunkter på de reviderade rekommendationerna. "
                "Enkäten besvaras via länken i mejlet senast den 26 maj.",
                "Fråga 1: Är rekommendationen om deltid rimlig?",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "05 Remiss/Remiss till FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=[
                "Försäkringskassan <remiss@forsakringskassan.se>",
                "NPO Kvinnosjukdomar <npo.kvinnosjukdomar@regionvasterbotten.se>",
            ],
            subject="Remiss: reviderat FMB graviditetsrelaterad bäckensmärta",
            body="Hej,\n\nHärmed översänds förslaget till reviderat beslutsstöd för synpunkter "
            "senast den 26 maj.\n\nVänliga hälsningar\nEva Ström",
            sent_at=dt("2026-05-12 09:00"),
            attachments=[("Reviderade rekommendationer bäckensmärta v3.pdf", b"%PDF-1.4\n")],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=True,
    )
    add(
        "05 Remiss/Synpunkter NPO Kvinnosjukdomar.eml",
        lambda f: make_eml(
            f,
            sender="Kristina Alm <kristina.alm@regionvasterbotten.se>",
            to=[lead],
            subject="SV: Remiss: reviderat FMB graviditetsrelaterad bäckensmärta",
            body="Hej Eva,\n\nNPO:s synpunkter på förslaget: nämn att besvären oftast går "
            "över efter förlossningen.\n\nMed vänlig hälsning\nKristina Alm, NPO",
            sent_at=dt("2026-05-25 16:30"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "05 Remiss/Enkätsvar RG bäckensmärta.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Rimlig rekommendation?", "Kommentar"],
                ["Lotta Wiik", "Ja", ""],
                ["Sara Engdahl", "Delvis", "Deltid bör vara förstahandsval"],
                ["Jenny Falk", "Ja", "Bra att arbetsanpassning nämns"],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "06 Beslut/Beslut EC publicering bäckensmärta.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslut om publicering",
                "Enhetschefen (EC) beslutar att det reviderade beslutsstödet för "
                "graviditetsrelaterad bäckensmärta publiceras.",
                "Föredragande: Eva Ström. 2026-09-08",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "06 Beslut/Kunskapsunderlag med metodbeskrivning bäckensmärta 2026.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – graviditetsrelaterad bäckensmärta",
                "Litteratursökning i PubMed, Cochrane och CINAHL; sökstrategi och "
                "inklusionskriterier. Referenser.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "06 Beslut/FMB bäckensmärta slutversion.pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – graviditetsrelaterad bäckensmärta",
                "Slutversion, fastställd 2026-09-08.",
                *recs,
            ],
        ),
        "publication",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "07 Avslut/Erfarenhetsrapport bäckensmärta.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport – uppdatering av FMB bäckensmärta",
            paragraphs=[
                "Vad gick bra: signeringstjänsten kortade tiden för avtal och jävsdeklarationer.",
                "Vad kan förbättras: påminn tidigare om jävsdeklarationer.",
            ],
            author=lead_name,
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
        "recruit_recommendation_group": "partial",  # Henrik Moberg
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # no record of how comments were handled, no feedback to the RG
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
            "consider_comments": ["needs_confirmation"],  # an update meets the RG only if needed
            "vips": ["missing", "complete"],
            "records_closure": ["partial", "missing"],
        },
        "missing_coi_for": ["Henrik Moberg"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def ljumskbrack(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Ljumskbråck nytt FMB")
    add = _adder(p)
    lead = f"Nils Berg <nils.berg@{STAFF}>"
    experts = ["Viktor Sandin", "Malin Åberg"]
    rg = ["Erik Holm", "Nora Lind", "Tove Strand"]
    patient = "Bengt Rask"
    add(
        "Pågående/projektplan.ljumskbrack.docx",
        lambda f: make_docx(
            f,
            title="Projektplan nytt FMB ljumskbrack",
            paragraphs=[
                "Syfte: ta fram ett nytt beslutsstod for ljumskbrack (K40).",
                "Projektorganisation: projektledare Nils Berg, tva sakkunniga, "
                "rekommendationsgrupp.",
                "Tidplan: uppstart mars, webbenkat maj, foredragning AC hosten 2026.",
            ],
            author="Nils Berg",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Skickat/forfragan.npo.kirurgi.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["NPO Kirurgi <npo.kirurgi@regionstockholm.se>"],
            subject="Forfragan om sakkunniga - nytt FMB ljumskbrack",
            body="Hej,\n\nVi tar fram ett nytt beslutsstod for ljumskbrack och ber NPO foresla "
            "tva sakkunniga och deltagare till rekommendationsgruppen.\n\nHalsningar\nNils",
            sent_at=dt("2026-01-20 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/sv.forfragan.npo.kirurgi.eml",
        lambda f: make_eml(
            f,
            sender="Maria Lund <maria.lund@regionstockholm.se>",
            to=[lead],
            subject="SV: Forfragan om sakkunniga - nytt FMB ljumskbrack",
            body="Hej Nils,\n\nNPO Kirurgi nominerar Viktor Sandin, kirurg, och Malin Åberg, "
            "fysioterapeut, som sakkunniga. Till rekommendationsgruppen föreslår vi Erik "
            "Holm, Nora Lind och Tove Strand; Bengt Rask kan vara patientföreträdare.\n\n"
            "Med vänlig hälsning\nMaria Lund, NPO Kirurgi",
            sent_at=dt("2026-02-02 14:10"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "Inkommet/jav.dekl.malin.aberg.pdf",
        lambda f: make_pdf(
            f, _coi("Malin Åberg", "sakkunnig", "Region Stockholm, fysioterapeut", "2026-02-12")
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    for name, stem in (("Viktor Sandin", "viktor.sandin"), ("Malin Åberg", "malin.aberg")):
        add(
            f"Inkommet/avtal.{stem}.signerat.pdf",
            lambda f, name=name: make_pdf(
                f,
                [
                    *_agreement(name, "ljumskbråck", "1 050"),
                    f"Stockholm 2026-02-18   Uppdragstagaren: {name}",
                ],
            ),
            "agreement",
            "recruit_project_group",
            register=True,
            pd=True,
        )
    for name, stem, employer in (
        ("Erik Holm", "erik.holm", "Region Skåne, distriktsläkare"),
        ("Nora Lind", "nora.lind", "Region Gävleborg, företagssköterska"),
        ("Tove Strand", "tove.strand", "Region Dalarna, fysioterapeut"),
        ("Bengt Rask", "bengt.rask", "Bråckföreningen, patientföreträdare"),
    ):
        add(
            f"Inkommet/jav.dekl.{stem}.pdf",
            lambda f, name=name, employer=employer: make_pdf(
                f, _coi(name, "rekommendationsgruppen", employer, "2026-03-02")
            ),
            "coi_declaration",
            "recruit_recommendation_group",
            register=True,
            pd=True,
        )
    add(
        "Skickat/midas.bestallning.K40.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["Försäkringskassan <statistik@forsakringskassan.se>"],
            subject="Bestallning av statistik ur Midas - K40",
            body="Hej,\n\nVi bestaller harmed statistik ur Midas for K40 2021-2025: antal "
            "sjukfall och sjukfallens langd (median, percentiler).\n\nHalsningar\nNils",
            sent_at=dt("2026-02-05 09:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/midas.leverans.K40.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Antal sjukfall", "Median dagar"],
                ["K40", 2024, 6120, 14],
                ["K40", 2025, 6302, 13],
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
        "Klart/minnesanteckningar.uppstartsmote.2026-03-18.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar uppstartsmote 2026-03-18",
            paragraphs=[
                "Narvarande: Nils Berg, Viktor Sandin, Malin Åberg.",
                "Beslut: Kort om diagnosen skickas till sakkunniga 1 april; ICF-kategorierna "
                "bedoms till 15 april.",
            ],
            author="Nils Berg",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=False,
    )
    add(
        "Klart/uppstartsmote.presentation.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstartsmöte – nytt FMB ljumskbråck", "Välkommen till projektgruppen"),
                ("Instruktion 3.1.3.5", "Steg, tidplan och roller"),
            ],
            author="Nils Berg",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    brief = [
        "Ljumskbråck är ett utbuktande bråck i ljumsken, vanligast hos män.",
        "Symtom: svullnad och värk vid ansträngning. Behandling: operation. Prognos: god; "
        "återgång i arbete efter 1–4 veckor.",
    ]
    add(
        "Pågående/kort.om.diagnosen.ljumskbrack.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen ljumskbrack",
            paragraphs=brief,
            author="Nils Berg",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="the working copy in 'Pågående/'",
    )
    add(
        "Skickat/kort.om.diagnosen.ljumskbrack.pdf",
        lambda f: make_pdf(f, ["Kort om diagnosen ljumskbrack", *brief]),
        "text_proposal",
        "brief_diagnosis_text",
        register=True,
        pd=False,
        note="the version sent to the experts",
    )
    add(
        "Skickat/icf.kategorier.expertbedomning.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Kod", "Kategori", "Central/kompletterande"],
                ["b280", "Smärtförnimmelse", ""],
                ["d430", "Lyfta och bära", ""],
                ["d850", "Avlönad sysselsättning", ""],
            ],
            sheet_title="ICF",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    recs = [
        "Rekommendation: efter planerad operation sjukskrivning 1–2 veckor vid lätt arbete, "
        "2–4 veckor vid tungt arbete.",
        "Vid komplicerat förlopp: individuell bedömning.",
    ]
    add(
        "Skickat/textforslag.rekommendationer.v4.docx",
        lambda f: make_docx(
            f, title="Textforslag och rekommendationer ljumskbrack", paragraphs=recs
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent to the RG",
    )
    add(
        "Pågående/textforslag.rekommendationer.v5.docx",
        lambda f: make_docx(
            f,
            title="Textforslag och rekommendationer ljumskbrack",
            paragraphs=[*recs, "Lägg till: laparoskopisk operation kortare tid?"],
        ),
        "text_proposal",
        "revise",
        draft=True,
        register=False,
        pd=False,
        note="being revised after the comments, in 'Pågående/'",
    )
    add(
        "Skickat/enkat.rg.missiv.docx",
        lambda f: make_docx(
            f,
            title="Missiv - webbenkat till rekommendationsgruppen",
            paragraphs=[
                "Hej! Vi vill ha dina synpunkter pa textforslaget for ljumskbrack. Enkäten "
                "besvaras via länken i mejlet senast den 22 maj.",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Inkommet/synpunkter.fk.eml",
        lambda f: make_eml(
            f,
            sender="Lena Persson <lena.persson@forsakringskassan.se>",
            to=[lead],
            subject="Synpunkter pa forslag till FMB ljumskbrack",
            body="Hej Nils,\n\nFörsäkringskassans synpunkter på förslaget: skilj öppen och "
            "laparoskopisk operation.\n\nMed vänlig hälsning\nLena Persson, försäkringsmedicin",
            sent_at=dt("2026-05-20 13:00"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Inkommet/enkat.svar.export.csv",
        lambda f: _csv(
            f,
            [
                ["Namn", "Svarsdatum", "Rimlig rekommendation?", "Kommentar"],
                ["Erik Holm", "2026-05-14", "Ja", ""],
                ["Nora Lind", "2026-05-15", "Delvis", "Längre vid tunga lyft"],
                ["Bengt Rask", "2026-05-18", "Ja", ""],
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # Viktor Sandin
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no RG meeting booked (new)
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "partial",  # a new support always meets the RG: no notes
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
            "recruit_recommendation_group": ["complete"],  # the booking may be in a mail
            "collect_comments": ["partial"],  # nothing shows the material mailed to FK/NPO
            "revise": ["partial"],  # a revised version is being worked on
            "vips": ["not_applicable"],
            "records_closure": ["partial"],
        },
        "missing_coi_for": ["Viktor Sandin"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (akillessen, backensmarta, ljumskbrack)
