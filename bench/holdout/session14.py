"""The session-14 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 14, helper accuracy) and labelled from DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session14`). Each file's label
names the step it evidences (`step`) and, where it is clear, whether it holds personal
data (`personal_data`). Habits:

- another agency's naming convention of abbreviations, explained only in a legend file
  (`KOL_PP_v3 klar.docx`, `KOL_JD_AL_260210.pdf`, `KOL_AVT_MH_260301.pdf`,
  `KOL_MA_uppstart_v11.docx`, `KOL_TF_final FINAL.docx`, `KOL_FÖR_EC_261015.pdf`): six-digit
  dates (`yymmdd`) and week numbers (`v11`, which is no version) in names, folders named
  by the same abbreviations (`ADM/`, `SAK/`, `RG/`, `STAT/`, `TEXT/`, `REM/`, `MÖTE/`,
  `BESL/`);
- English file names in a Swedish project with English abbreviations (`DoI`, `MoM`,
  `Kick-off`), dates written `12Mar2026` and `2026.03.02`, `FINAL`, `v3 klar`, `draft`;
- a third of one project's names say nothing (`Dokument1.docx`, `Nytt dokument (3).docx`,
  `IMG_4471.pdf`, `ATT00001.pdf`, `Book1.xlsx`, `Presentation1.pptx`, `Mail.eml`,
  `export (1).csv`, `bilaga 2.pdf`, `final.docx`, `New Microsoft Word Document.docx`);
- signed agreements and declarations as phone or copier scans with no text layer or a
  few OCR words; a bundle of RG declarations in one OCR'd PDF;
- declarations written in a mail's body and forwarded twice before they reach the lead or
  the registrar (.msg and .eml), in Swedish and in English;
- survey exports as .csv (semicolon, BOM, Microsoft Forms and Netigate columns) and .xlsx,
  statistics deliveries as .csv;
- minutes as .docx, .txt and Markdown (.md, Teams notes), an agenda beside them;
- drafts marked only by tracked changes or comments, `utkast`, `draft`, the older of
  `final` and `final FINAL`, the older of `v2` and `v3 klar`, the older of two dated plans.

Labelling choices as in the earlier sets: a textless scan is labelled with what it is; older
versions of a chain are drafts, the newest (or the one sent out) is not; the version sent out
for comment is registered; an agenda is `meeting_notes` that adds no facts (not registered);
minutes with decisions are registered; a mail carrying a document, in an attachment or in
its body, is classed by what it carries; material mailed to FK/NPO and feedback to the RG are
registered correspondence; a roster is never registered; a blank template is `other`.
personal_data: true for declarations, agreements, named survey answers, minutes naming
external participants with what they said, and mails between named people; false for plans,
statistics, texts, anonymous survey answers; left out where a careful DPO could go either way.

Projects:
- `KOL uppdatering 2026` — update, abbreviation names, approved by EC, published, not
  evaluated; Tove Ringdahl (RG) has no declaration.
- `Stroke – new decision support` — new support, English names, approved by AC and
  evaluated; Elin Sjöqvist (RG) has no declaration.
- `Parkinson FMB` — new support, names that say nothing, stopped after the comments;
  Ahmed Yusuf (RG) has no declaration, Nora Bergström (expert) no agreement.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _msg, _ocr_scan, _pages, _people, _txt
from session11 import _adder, _calendar_eml, _scanned_bundle
from session13 import _pdf_bytes, _quoted, _quoted_en, _scan

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


# ---------------------------------------------------------------- builders


def _csv(path: Path, rows: list[list[object]], *, sep: str = ";", bom: bool = True) -> Path:
    """A CSV as Excel or a survey tool exports it (semicolons, a BOM, CRLF)."""
    lines = [sep.join(str(cell) for cell in row) for row in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\ufeff" if bom else "").encode() + "\r\n".join(lines).encode() + b"\r\n")
    return path


def _md(path: Path, text: str) -> Path:
    return _txt(path, text)


def _fwd_sv(header: list[str], body: str) -> str:
    """A quoted message below Outlook's Swedish separator line."""
    return "\n\n________________________________\n" + "\n".join(header) + "\n\n" + body


# ---------------------------------------------------------------- project A


def kol(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "KOL uppdatering 2026")
    add = _adder(p)
    lead = ("Karin Dahl", f"karin.dahl@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Anna Lindgren", "Mikael Holm"]
    rg = ["Lars Ekdahl", "Sara Nyberg", "Omar Aziz", "Tove Ringdahl"]
    patient = "Birgitta Falk"

    add(
        "Namnkonvention KOL.md",
        lambda f: _md(
            f,
            "# Namnkonvention för projektets filer\n\n"
            "Filnamn: KOL_<typ>_<ev. initialer>_<ååmmdd>. Typer:\n\n"
            "- PP = projektplan, TAP = tids- och aktivitetsplan\n"
            "- NOM = nominering, JD = jävsdeklaration, AVT = avtal\n"
            "- STAT = statistik, TF = textförslag, KoD = Kort om diagnosen\n"
            "- ENK = enkät, REM = remiss, SAMM = sammanställning\n"
            "- MA = minnesanteckningar, FÖR = föredragning, KU = kunskapsunderlag\n\n"
            "Veckonummer skrivs v11, v23. Slutversion markeras 'klar' eller 'slutlig'.\n",
        ),
        "other",
        "plan",
        register=False,
        pd=False,
        note="legend of the abbreviations",
    )
    plan = [
        "Bakgrund: Beslutsstödet för kroniskt obstruktiv lungsjukdom (J44) uppdateras enligt "
        "instruktion 3.1.3.5. Nytt underlag om exacerbationer och rehabilitering.",
        "Projektorganisation: projektledare Karin Dahl, två sakkunniga (lungmedicin, "
        "fysioterapi), rekommendationsgrupp om fem personer inklusive patientföreträdare.",
        "Tidplan: uppstart mars, remiss maj, föredragning för enhetschef i oktober.",
    ]
    add(
        "ADM/KOL_PP_v2.docx",
        lambda f: make_docx(
            f,
            title="Projektplan uppdatering KOL",
            paragraphs=[*plan, "Budget: ?"],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        draft=True,
        register=False,
        pd=False,
        note="older version",
    )
    add(
        "ADM/KOL_PP_v3 klar.docx",
        lambda f: make_docx(
            f,
            title="Projektplan uppdatering KOL",
            paragraphs=[*plan, "Budget: 180 timmar sakkunniga, enligt avtal."],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "ADM/KOL_TAP_260120.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Ansvarig", "Start", "Klart", "Status"],
                ["Rekrytera sakkunniga via NPO", "KD", "2026-01-15", "2026-02-28", "Klar"],
                ["Beställa statistik FK", "KD", "2026-02-01", "2026-03-15", "Klar"],
                ["Uppstartsmöte", "KD", "2026-03-12", "2026-03-12", ""],
                ["Remiss till RG, FK, NPO", "KD", "2026-05-12", "2026-05-26", ""],
                ["Föredragning EC", "KD", "2026-10-15", "2026-10-15", ""],
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
        "SAK/KOL_NOM_NPO_260115.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["Göran Isaksson <goran.isaksson@regionvasterbotten.se>"],
            subject="Förfrågan om sakkunniga – uppdatering av FMB KOL",
            body=(
                "Hej Göran,\n\nSocialstyrelsen uppdaterar det försäkringsmedicinska "
                "beslutsstödet för KOL. Vi ber NPO Lung- och allergisjukdomar föreslå två "
                "sakkunniga (lungmedicin och fysioterapi) samt personer till "
                "rekommendationsgruppen. Svar gärna senast 30 januari.\n\n"
                "Vänliga hälsningar\nKarin Dahl\nSocialstyrelsen"
            ),
            sent_at=dt("2026-01-15 09:12"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "SAK/KOL_NOM_svar_NPO_260202.msg",
        lambda f: _msg(
            f,
            ("Göran Isaksson", "goran.isaksson@regionvasterbotten.se"),
            [lead],
            "SV: Förfrågan om sakkunniga – uppdatering av FMB KOL",
            "Hej Karin,\n\nNPO föreslår Anna Lindgren, överläkare lungmedicin, Umeå, och "
            "Mikael Holm, fysioterapeut, Region Jämtland Härjedalen. Till "
            "rekommendationsgruppen: Lars Ekdahl, Sara Nyberg, Omar Aziz och Tove Ringdahl. "
            "Patientföreträdare: Birgitta Falk, Hjärt- och Lungsjukas riksförbund.\n\n"
            "Hälsningar Göran Isaksson, ordförande NPO"
            + _quoted(
                ["Från: Karin Dahl", "Skickat: den 15 januari 2026 09:12", "Ämne: Förfrågan"],
                "Vi ber NPO föreslå två sakkunniga ...",
            ),
            dt("2026-02-02 14:03"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="inbound nominations",
    )
    add(
        "SAK/KOL_JD_AL_260210.pdf",
        lambda f: make_pdf(
            f,
            [
                "Intressedeklaration för sakkunnig",
                "Namn: Anna Lindgren",
                "Befattning: överläkare, lungmedicin, Norrlands universitetssjukhus",
                "1. Anställningar och uppdrag de senaste tre åren: Region Västerbotten.",
                "2. Arvoden från läkemedels- eller medicinteknikföretag: Inga.",
                "3. Aktieinnehav i berörda företag: Inga.",
                "4. Övriga omständigheter som kan ifrågasätta min opartiskhet: Inga.",
                "Jag intygar att uppgifterna är riktiga och anmäler ändringar utan dröjsmål.",
                "Umeå 2026-02-10   Anna Lindgren",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "SAK/KOL_JD_MH_260211.pdf",
        lambda f: _scan(f, 1401),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="scan, no text layer",
    )
    add(
        "SAK/KOL_AVT_AL_signerat.pdf",
        lambda f: _scan(f, 1402),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="signed agreement scanned, no text layer",
    )
    agreement_mh = [
        "Avtal om ersättning",
        "Parter: Socialstyrelsen, 106 30 Stockholm, och Mikael Holm, fysioterapeut.",
        "Uppdraget: delta som sakkunnig i uppdateringen av försäkringsmedicinskt "
        "beslutsstöd för KOL.",
        "Arvode: 950 kr per timme, högst 60 timmar. Faktura ställs till Socialstyrelsen.",
        "Giltighet: 2026-03-01 till 2026-12-31.",
    ]
    add(
        "SAK/KOL_AVT_MH_260220_utkast.docx",
        lambda f: make_docx(
            f,
            paragraphs=[*agreement_mh, "Underskrifter: ____________  ____________"],
            author=lead[0],
        ),
        "agreement",
        "recruit_project_group",
        draft=True,
        register=False,
        pd=True,
        note="the unsigned draft; the signed PDF is beside it",
    )
    add(
        "SAK/KOL_AVT_MH_260301.pdf",
        lambda f: make_pdf(
            f,
            [
                *agreement_mh,
                "Stockholm 2026-03-01            Östersund 2026-03-01",
                "Enhetschef Socialstyrelsen       Mikael Holm",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "RG/KOL_RG_JD_samlade.pdf",
        lambda f: _scanned_bundle(
            f,
            1403,
            [
                [
                    "Intressedeklaration",
                    "Namn: Sara Nyberg",
                    "Roll: rekommendationsgrupp",
                    "Arvoden från företag: Inga",
                    "Ovriga omstandigheter: Inga",
                    "Lulea 2026-03-03 Sara Nyberg",
                ],
                [
                    "Intressedeklaration",
                    "Namn: Omar Aziz",
                    "Roll: rekommendationsgrupp",
                    "Arvoden från företag: föreläsning AstraZeneca 2025",
                    "Malmo 2026-03-04 Omar Aziz",
                ],
                [
                    "Intressedeklaration",
                    "Namn: Birgitta Falk",
                    "Roll: patientföreträdare",
                    "Arvoden från företag: Inga",
                    "Stockholm 2026-03-05 Birgitta Falk",
                ],
            ],
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="three RG declarations scanned into one PDF with OCR",
    )
    add(
        "RG/VB_ VB_ Intressedeklaration.msg",
        lambda f: _msg(
            f,
            lead,
            [("Registrator", f"registrator@{STAFF}")],
            "VB: VB: Intressedeklaration",
            "För diarieföring, KOL-projektet.\n/Karin"
            + _fwd_sv(
                [
                    f"Från: Per Sund <per.sund@{STAFF}>",
                    "Skickat: den 6 mars 2026 11:20",
                    f"Till: Karin Dahl <{lead[1]}>",
                    "Ämne: VB: Intressedeklaration",
                ],
                "Hej Karin, Lars svarade mig i stället för dig. Se nedan. /Per",
            )
            + _fwd_sv(
                [
                    "Från: Lars Ekdahl <lars.ekdahl@regionorebrolan.se>",
                    "Skickat: den 5 mars 2026 21:02",
                    f"Till: Per Sund <per.sund@{STAFF}>",
                    "Ämne: Intressedeklaration",
                ],
                "Hej,\nJag har inte tillgång till blanketten, så jag skriver här.\n"
                "Jag, Lars Ekdahl, distriktsläkare i Region Örebro län, har inga arvoden från "
                "läkemedelsföretag, inga aktier i berörda företag och inga andra bindningar "
                "som kan påverka min opartiskhet i rekommendationsgruppen för KOL.\n"
                "Örebro 5 mars 2026\nLars Ekdahl",
            ),
            dt("2026-03-06 13:45"),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="declaration in a mail body forwarded twice",
    )
    add(
        "RG/KOL_RG_deltagarlista.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Roll", "Region/organisation", "E-post", "JD inkommen"],
                ["Lars Ekdahl", "RG", "Region Örebro län", "lars.ekdahl@regionorebrolan.se", "ja"],
                ["Sara Nyberg", "RG", "Region Norrbotten", "sara.nyberg@norrbotten.se", "ja"],
                ["Omar Aziz", "RG", "Region Skåne", "omar.aziz@skane.se", "ja"],
                ["Tove Ringdahl", "RG", "Region Gävleborg", "tove.ringdahl@regiongavleborg.se", ""],
                ["Birgitta Falk", "Patientföreträdare", "HLR", "birgitta.falk@hjart-lung.se", "ja"],
            ],
            sheet_title="RG",
            creator=lead[0],
        ),
        "nomination_request",
        "recruit_recommendation_group",
        also=("other", "project_plan"),
        register=False,
        pd=True,
        note="roster",
    )
    add(
        "STAT/KOL_STAT_best_FK_260205.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["Försäkringskassan statistik <statistik@forsakringskassan.se>"],
            subject="Beställning av statistik ur Midas – KOL (J44)",
            body=(
                "Hej,\n\nSocialstyrelsen beställer härmed statistik ur Midas för "
                "uppdateringen av FMB KOL: antal sjukfall, sjukfallslängd (median och "
                "percentiler) och andel som återgår i arbete, per kön och åldersgrupp, "
                "diagnos J44, åren 2016–2025.\n\nMed vänlig hälsning\nKarin Dahl"
            ),
            sent_at=dt("2026-02-05 10:01"),
        ),
        "statistics",
        "statistics",
        register=True,
        note="formal request to FK",
    )
    add(
        "STAT/KOL_STAT_FK_leverans_2016-2025.csv",
        lambda f: _csv(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median dagar", "P75 dagar"],
                ["J44", "2016", "Kvinnor", "2140", "41", "118"],
                ["J44", "2016", "Män", "1870", "38", "104"],
                ["J44", "2025", "Kvinnor", "2460", "44", "126"],
                ["J44", "2025", "Män", "1990", "40", "111"],
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
        note="FK's delivery as CSV",
    )
    text_blocks = [
        "Rekommendationer vid KOL",
        "Vid lindrig KOL (GOLD 1) behövs sällan sjukskrivning. Vid exacerbation kan "
        "sjukskrivning på heltid i 1–2 veckor vara rimlig.",
        "Vid svår KOL med nedsatt fysisk förmåga kan partiell sjukskrivning under "
        "lungrehabilitering vara motiverad i upp till 3 månader.",
    ]
    add(
        "TEXT/KOL_KoD_v1_kommentarer.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – KOL",
            paragraphs=[
                "KOL är en kronisk inflammatorisk lungsjukdom som främst orsakas av rökning. "
                "Symtomen är andfåddhet, hosta och slem.",
                "Behandlingen består av rökstopp, inhalationsläkemedel och fysisk träning.",
            ],
            comment="AL: Lägg till prognos och exacerbationer?",
            author=lead[0],
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="comments only",
    )
    add(
        "TEXT/KOL_TF_v0.4 spårade ändringar.docx",
        lambda f: make_docx(
            f,
            title="Textförslag FMB KOL",
            paragraphs=text_blocks,
            tracked_changes=[("del", "2–4 veckor"), ("ins", "1–2 veckor")],
            author="Anna Lindgren",
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="tracked changes only",
    )
    add(
        "TEXT/KOL_TF_final.docx",
        lambda f: make_docx(f, title="Textförslag FMB KOL", paragraphs=text_blocks, author=lead[0]),
        "text_proposal",
        "revise",
        draft=True,
        register=False,
        pd=False,
        note="older than final FINAL",
    )
    add(
        "TEXT/KOL_TF_final FINAL.docx",
        lambda f: make_docx(
            f,
            title="Textförslag FMB KOL",
            paragraphs=[*text_blocks, "Reviderad efter remiss 2026-06."],
            author=lead[0],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
        note="the final version",
    )
    add(
        "TEXT/KOL_ICF_reviderad.docx",
        lambda f: make_docx(
            f,
            title="ICF-baserade textavsnitt KOL – reviderade",
            headings=["Funktionsnedsättning", "Aktivitetsbegränsning"],
            paragraphs=[
                "b440 Andningsfunktioner: nedsatt lungfunktion ger andfåddhet vid ansträngning.",
                "b455 Funktioner för fysisk uthållighet: nedsatt ork.",
                "d430 Lyfta och bära föremål: begränsad vid måttlig till svår KOL.",
            ],
            author="Mikael Holm",
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "REM/KOL_ENK_missiv_RG.docx",
        lambda f: make_docx(
            f,
            title="Missiv – webbenkät till rekommendationsgruppen",
            paragraphs=[
                "Socialstyrelsen uppdaterar beslutsstödet för KOL. Du får denna enkät som "
                "medlem i rekommendationsgruppen.",
                "Besvara enkäten senast 2026-05-26 via länken nedan. Det tar cirka 20 minuter.",
            ],
            author=lead[0],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "REM/KOL_ENK_export_260528.xlsx",
        lambda f: make_xlsx(
            f,
            [
                [
                    "ID",
                    "Starttid",
                    "Sluttid",
                    "E-post",
                    "Namn",
                    "Instämmer du i rekommendationen?",
                    "Kommentar",
                ],
                [
                    1,
                    "2026-05-13 08:10",
                    "2026-05-13 08:31",
                    "sara.nyberg@norrbotten.se",
                    "Sara Nyberg",
                    "Ja",
                    "Bra, men nämn syrgasbehandling.",
                ],
                [
                    2,
                    "2026-05-14 19:02",
                    "2026-05-14 19:20",
                    "omar.aziz@skane.se",
                    "Omar Aziz",
                    "Delvis",
                    "1–2 veckor är kort vid svår exacerbation.",
                ],
                [
                    3,
                    "2026-05-20 12:44",
                    "2026-05-20 13:01",
                    "birgitta.falk@hjart-lung.se",
                    "Birgitta Falk",
                    "Ja",
                    "",
                ],
            ],
            sheet_title="Form1",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
        note="Microsoft Forms export with names",
    )
    add(
        "REM/KOL_REM_FK_NPO_260512.msg",
        lambda f: _msg(
            f,
            lead,
            [
                ("Försäkringskassan", "fmb@forsakringskassan.se"),
                ("Göran Isaksson", "goran.isaksson@regionvasterbotten.se"),
            ],
            "Remiss: uppdaterat textförslag FMB KOL",
            "Hej,\n\nBifogat finns förslaget till uppdaterat beslutsstöd för KOL. Vi tar "
            "gärna emot era synpunkter senast 2026-05-26.\n\nKarin Dahl, Socialstyrelsen",
            dt("2026-05-12 08:30"),
            attachments=(("KOL_TF_v1.0 remiss.pdf", _pdf_bytes(text_blocks)),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal",),
        register=True,
        pd=True,
        note="material sent out for comment",
    )
    add(
        "REM/SV_ Remiss uppdaterat textförslag FMB KOL.eml",
        lambda f: make_eml(
            f,
            sender="Göran Isaksson <goran.isaksson@regionvasterbotten.se>",
            to=[lead_s],
            subject="SV: Remiss: uppdaterat textförslag FMB KOL",
            body=(
                "Hej Karin,\n\nNPO har följande synpunkter: rekommendationen vid exacerbation "
                "bör ange att återinsjuknande är vanligt; hänvisa till lungrehabilitering.\n\n"
                "Göran Isaksson"
                + _quoted(
                    ["Från: Karin Dahl", "Skickat: den 12 maj 2026 08:30", "Ämne: Remiss"],
                    "Vi tar gärna emot era synpunkter senast 2026-05-26.",
                )
            ),
            sent_at=dt("2026-05-25 16:12"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "REM/KOL_SAMM_synpunkter.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av inkomna synpunkter och hur de hanterats",
            table=[
                ["Från", "Synpunkt", "Hantering"],
                ["NPO", "Återinsjuknande vanligt", "Tillagt i rekommendationen"],
                ["RG", "Nämn syrgasbehandling", "Tillagt i Kort om diagnosen"],
                ["FK", "Förtydliga partiell sjukskrivning", "Omformulerat"],
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
        "MÖTE/KOL_MA_uppstart_v11.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar uppstartsmöte KOL",
            paragraphs=[
                "Datum: 2026-03-12. Närvarande: Karin Dahl, Anna Lindgren, Mikael Holm.",
                "Karin presenterade instruktionen och tidplanen.",
                "Anna Lindgren föreslog att exacerbationer får ett eget avsnitt. Beslutades "
                "att Mikael Holm reviderar ICF-avsnitten till den 15 april.",
                "Mallar skickas till de sakkunniga efter mötet.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "MÖTE/KOL_uppstart_bilder.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppdatering FMB KOL", "Uppstartsmöte 12 mars 2026"),
                ("Instruktion 3.1.3.5", "Steg, roller och tidplan"),
                ("Ert uppdrag", "Revidera ICF-avsnitt och rekommendationer"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "MÖTE/KOL_MA_RG_v23.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar möte med rekommendationsgruppen",
            paragraphs=[
                "Datum: 2026-06-04 (Teams). Deltagare: Lars Ekdahl, Sara Nyberg, Omar Aziz, "
                "Birgitta Falk; Karin Dahl (Socialstyrelsen).",
                "Omar Aziz ansåg att två veckor är för kort vid svår exacerbation. Gruppen "
                "enades om att skriva 'vanligen 1–2 veckor, längre vid svår exacerbation'.",
                "Birgitta Falk lyfte patienternas trötthet efter sjukhusvård.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "BESL/KOL_KU_v2.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – KOL",
            headings=["Metod", "Litteratursökning"],
            paragraphs=["Sökning i PubMed och Cochrane 2015–2025.", "Referenser: TODO"],
            author=lead[0],
        ),
        "knowledge_basis",
        "knowledge_basis",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "BESL/KOL_KU_slutlig.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – KOL",
            headings=["Metod", "Litteratursökning", "Referenser"],
            paragraphs=[
                "Sökning i PubMed och Cochrane 2015–2025 med sökord COPD, sick leave, return "
                "to work.",
                "Urval och bedömning gjordes av de sakkunniga.",
                "1. GOLD 2025. 2. Socialstyrelsens nationella riktlinjer för astma och KOL.",
            ],
            author=lead[0],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "BESL/KOL_FÖR_EC_261015.pdf",
        lambda f: _pages(
            f,
            [
                [
                    "Föredragningspromemoria",
                    "Dnr 2.4-2231/2026",
                    "Ärende: Uppdatering av försäkringsmedicinskt beslutsstöd för KOL",
                    "Förslag till beslut: Enhetschefen beslutar att det uppdaterade "
                    "beslutsstödet publiceras.",
                    "Beslut: Enhetschefen har beslutat enligt förslaget 2026-10-15.",
                ]
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "KOL_FMB_publicerad_261101.pdf",
        lambda f: _pages(
            f,
            [
                [
                    "Försäkringsmedicinskt beslutsstöd",
                    "Kroniskt obstruktiv lungsjukdom (KOL), J44",
                    "Kort om diagnosen",
                    "KOL är en kronisk inflammatorisk lungsjukdom ...",
                    *text_blocks,
                    "Publicerad 2026-11-01",
                ]
            ],
        ),
        "publication",
        "vips",
        register=True,
        pd=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Tove Ringdahl
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "partial",  # no feedback to the RG
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
            "vips": ["missing", "complete"],
            "records_closure": ["needs_confirmation"],
            "revise": ["complete"],
        },
        "missing_coi_for": ["Tove Ringdahl"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def stroke(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Stroke – new decision support")
    add = _adder(p)
    lead = ("Jenny Wallin", f"jenny.wallin@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Karin Sjöberg", "Hassan Amini"]
    rg = ["Maria Lund", "Patrik Öhman", "Elin Sjöqvist"]
    patient = "Ulla Törnqvist"
    plan = [
        "Background: There is no insurance-medicine decision support for stroke (I63, I61). "
        "Socialstyrelsen develops a new one under instruction 3.1.3.5.",
        "Organisation: project lead Jenny Wallin; two experts (neurology, rehabilitation "
        "medicine) nominated by NPO Nervsystemets sjukdomar; recommendation group with a "
        "patient representative.",
        "Timeline: kick-off March, survey to the recommendation group May, RG meeting June, "
        "approval by the head of department (AC) in October.",
    ]
    add(
        "Project plan stroke 02Mar2026.docx",
        lambda f: make_docx(f, title="Project plan – FMB stroke", paragraphs=plan, author=lead[0]),
        "project_plan",
        "plan",
        draft=True,
        register=False,
        pd=False,
        note="older dated version",
    )
    add(
        "Project plan stroke 12Mar2026.docx",
        lambda f: make_docx(
            f,
            title="Project plan – FMB stroke",
            paragraphs=[*plan, "Risks: experts' availability in the summer."],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Timeline.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Task", "Owner", "Start", "End"],
                ["Recruit experts (NPO)", "JW", "2026-01-10", "2026-02-20"],
                ["Order statistics from FK (Midas)", "JW", "2026-02-01", "2026-03-10"],
                ["Kick-off", "JW", "2026-03-20", "2026-03-20"],
                ["Web survey to RG", "JW", "2026-05-11", "2026-05-25"],
                ["RG meeting", "JW", "2026-06-03", "2026-06-03"],
                ["Approval AC", "JW", "2026-10-08", "2026-10-08"],
            ],
            sheet_title="Gantt",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Request for experts - NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["Lena Forsberg <lena.forsberg@regionhalland.se>"],
            subject="Request: experts and RG members for FMB stroke",
            body=(
                "Dear Lena,\n\nSocialstyrelsen is developing a new insurance-medicine decision "
                "support for stroke. We kindly ask NPO Nervsystemets sjukdomar to nominate two "
                "experts (neurology and rehabilitation medicine) and members of the "
                "recommendation group by 6 February.\n\nBest regards\nJenny Wallin"
            ),
            sent_at=dt("2026-01-12 10:20"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "DoI Karin Sjöberg 2026.03.02.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests",
                "Name: Karin Sjöberg",
                "Position: consultant neurologist, Sahlgrenska University Hospital",
                "Employment and assignments, past three years: Region Västra Götaland.",
                "Fees from pharmaceutical or medical device companies: none.",
                "Shares in companies concerned: none.",
                "Other circumstances that could call my impartiality into question: none.",
                "Gothenburg, 2 March 2026   Karin Sjöberg",
            ],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "DoI Hassan Amini.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            table=[
                ["Namn", "Hassan Amini"],
                ["Roll", "Sakkunnig, rehabiliteringsmedicin"],
                ["Anställning", "Danderyds sjukhus"],
                ["Uppdrag från läkemedelsföretag", "Nej"],
                ["Andra intressen", "Nej"],
                ["Ort och datum", "Stockholm 2026-03-03"],
            ],
            author="Hassan Amini",
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Contract H Amini signed.pdf",
        lambda f: _scan(f, 1411),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="scan, no text layer",
    )
    add(
        "Contract K Sjoberg signed.pdf",
        lambda f: _ocr_scan(f, 1412, ["AVTAL", "ersattning sakkunnig", "Karin Sjoberg"]),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="scan with a few OCR words",
    )
    add(
        "Contract template expert.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning – sakkunnig",
            paragraphs=[
                "Parter: Socialstyrelsen och [namn], [personnummer].",
                "Uppdrag: [beskriv uppdraget].",
                "Ersättning: [belopp] kr per timme, högst [antal] timmar.",
                "Underskrifter: ____________  ____________",
            ],
        ),
        "other",
        "recruit_project_group",
        also=("agreement",),
        register=False,
        pd=False,
        note="blank template",
    )
    add(
        "RG/DoI RG members (scanned).pdf",
        lambda f: _scan(f, 1413),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="Patrik Öhman's and Ulla Törnqvist's declarations, scan with no text",
    )
    add(
        "RG/FW FW DoI.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[f"Registrator <registrator@{STAFF}>"],
            subject="FW: FW: DoI",
            body=(
                "For registration (FMB stroke).\nJenny"
                + _quoted(
                    [
                        f"Från: Oskar Berg <oskar.berg@{STAFF}>",
                        "Skickat: den 9 mars 2026 08:55",
                        f"Till: Jenny Wallin <{lead[1]}>",
                        "Ämne: FW: DoI",
                    ],
                    "Jenny, this came to the unit's shared mailbox. /Oskar",
                )
                + _quoted_en(
                    "Maria Lund <maria.lund@regionuppsala.se>",
                    "Sun, 8 Mar 2026 at 20:14",
                    "Hello,\nI could not open the form, so here is my declaration.\n"
                    "I, Maria Lund, occupational therapist at Region Uppsala, have no "
                    "financial interests in companies concerned, receive no fees from the "
                    "pharmaceutical industry and have no other ties that could affect my "
                    "impartiality in the recommendation group for stroke.\nMaria Lund",
                )
            ),
            sent_at=dt("2026-03-09 09:30"),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="declaration in a mail body forwarded twice",
    )
    add(
        "RG/RG meeting 3 June.eml",
        lambda f: _calendar_eml(
            f,
            lead,
            [
                "maria.lund@regionuppsala.se",
                "patrik.ohman@regionvarmland.se",
                "ulla.tornqvist@strokeforbundet.se",
            ],
            "RG meeting FMB stroke",
            "2026-06-03 13:00",
            "Welcome to the recommendation group's meeting on the survey results.",
            dt("2026-04-20 11:00"),
        ),
        "correspondence",
        "recruit_recommendation_group",
        also=("meeting_notes", "other"),
        register=False,
        pd=True,
        note="booking only",
    )
    add(
        "Data/FK Midas order.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beställning av statistik",
                "Till: Försäkringskassan, Analys och prognos",
                "Från: Socialstyrelsen, FMB stroke",
                "Underlag ur Midas: sjukfall med diagnos I61, I63 och I69, 2016–2025: antal, "
                "längd (median, kvartiler), andel partiell sjukskrivning, per kön och ålder.",
                "Datum: 2026-02-03",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Data/sjukskrivning_stroke_FK_export.csv",
        lambda f: _csv(
            f,
            [
                ["diagnos", "ar", "kon", "antal_sjukfall", "median_dagar"],
                ["I63", "2025", "K", "3120", "96"],
                ["I63", "2025", "M", "4410", "88"],
                ["I61", "2025", "K", "610", "152"],
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
        "Texts/Short about the diagnosis DRAFT.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – stroke",
            paragraphs=[
                "Stroke är ett samlingsnamn för hjärninfarkt och hjärnblödning. Symtomen beror "
                "på var i hjärnan skadan sitter: förlamning, tal- och synpåverkan, trötthet.",
                "Behandling: trombolys eller trombektomi, sedan rehabilitering.",
            ],
            author="Karin Sjöberg",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Texts/ICF categories for expert review.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Kategori", "Relevant vid stroke? (ja/nej)", "Kommentar"],
                ["b130", "Energi och driftfunktioner", "", ""],
                ["b140", "Uppmärksamhetsfunktioner", "", ""],
                ["b730", "Muskelkraftsfunktioner", "", ""],
                ["d450", "Gå", "", ""],
            ],
            sheet_title="ICF",
            creator=lead[0],
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
        note="template sent to the experts",
    )
    tp = [
        "Rekommendationer vid stroke",
        "Vid TIA eller lindrig stroke utan kvarstående besvär: sjukskrivning 2–4 veckor.",
        "Vid måttlig stroke: sjukskrivning på heltid upp till 3 månader, därefter gradvis "
        "återgång under rehabilitering.",
        "Vid svår stroke: bedömning av arbetsförmåga efter 6–12 månader.",
    ]
    add(
        "Texts/Text proposal v2 (comments KS).docx",
        lambda f: make_docx(
            f,
            title="Textförslag stroke",
            paragraphs=tp,
            comment="KS: Nämn kognitiv trötthet som hinder för återgång.",
            author=lead[0],
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Texts/Text proposal v3 klar.docx",
        lambda f: make_docx(
            f,
            title="Textförslag stroke",
            paragraphs=[*tp, "Kognitiv trötthet kan begränsa återgången även vid lindrig stroke."],
            author=lead[0],
        ),
        "text_proposal",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "Texts/Feedback to RG.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "Maria Lund <maria.lund@regionuppsala.se>",
                "Patrik Öhman <patrik.ohman@regionvarmland.se>",
                "Ulla Törnqvist <ulla.tornqvist@strokeforbundet.se>",
            ],
            subject="Thank you – how we handled your comments on FMB stroke",
            body=(
                "Dear all,\n\nThank you for your answers to the survey and for the meeting on "
                "3 June. We have added cognitive fatigue to the recommendations and clarified "
                "partial sick leave. The final text goes to the head of department in "
                "October.\n\nJenny Wallin"
            ),
            sent_at=dt("2026-09-01 10:00"),
        ),
        "correspondence",
        "revise",
        register=True,
        pd=True,
        note="feedback to the RG",
    )
    add(
        "Consultation/Survey cover letter.docx",
        lambda f: make_docx(
            f,
            title="Webbenkät till rekommendationsgruppen – stroke",
            paragraphs=[
                "Hej! Du är med i rekommendationsgruppen för beslutsstödet om stroke.",
                "Vi vill ha dina synpunkter på textförslaget. Svara senast 25 maj via länken.",
            ],
            author=lead[0],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "Consultation/survey_export_2026-06-10.csv",
        lambda f: _csv(
            f,
            [
                ["Respondent", "Submitted", "Q1 Agree with recommendation?", "Q2 Comments"],
                ["1", "2026-05-12 09:14", "Agree", "Mention cognitive fatigue"],
                ["2", "2026-05-15 21:40", "Partly", "3 months is short for aphasia"],
                ["3", "2026-05-22 07:55", "Agree", ""],
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous export",
    )
    add(
        "Consultation/Survey report.pdf",
        lambda f: make_pdf(
            f,
            [
                "Enkätrapport – rekommendationsgrupp stroke",
                "Svarsfrekvens: 4 av 4.",
                "Fråga 1: Instämmer du i rekommendationen? Ja 3, delvis 1.",
                "Fråga 2: Fritextsvar: kognitiv trötthet bör nämnas; afasi kräver längre tid.",
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Consultation/RE_ RE_ Comments from FK.msg",
        lambda f: _msg(
            f,
            ("Sven Ahl", "sven.ahl@forsakringskassan.se"),
            [lead],
            "RE: RE: Comments from FK",
            "Hi Jenny,\n\nHere are FK's comments on the proposal: the recommendation for "
            "moderate stroke should say when a reassessment is due, and 'gradvis återgång' "
            "needs a time frame.\n\nSven Ahl, Försäkringskassan"
            + _quoted_en(
                lead_s,
                "Tue, 19 May 2026 at 10:02",
                "Thanks Sven, when can we expect them?",
            )
            + _quoted_en(
                "Sven Ahl <sven.ahl@forsakringskassan.se>",
                "Mon, 18 May 2026 at 16:40",
                "We will send our comments this week.",
            ),
            dt("2026-05-22 15:05"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Meetings/Kick-off MoM 2026-03-20.docx",
        lambda f: make_docx(
            f,
            title="Minutes of meeting – kick-off FMB stroke",
            paragraphs=[
                "Present: Jenny Wallin, Karin Sjöberg, Hassan Amini.",
                "Jenny went through the instruction, roles and the timeline.",
                "Hassan Amini pointed out that aphasia should be covered. Decided: Karin "
                "drafts 'Kort om diagnosen' by 15 April; Hassan assesses the ICF categories.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "Meetings/Kick-off.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB stroke", "Kick-off 20 March 2026"),
                ("The process", "Instruction 3.1.3.5, 16 steps"),
                ("Your tasks", "Text proposals, ICF categories"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Meetings/Agenda RG meeting.docx",
        lambda f: make_docx(
            f,
            title="Agenda – recommendation group meeting 3 June",
            paragraphs=["1. Welcome", "2. Survey results", "3. Open questions", "4. Next steps"],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        also=("other",),
        register=False,
        pd=False,
    )
    rg_mom = [
        "Present: Maria Lund, Patrik Öhman, Ulla Törnqvist; Jenny Wallin, Karin Sjöberg.",
        "Patrik Öhman argued that three months is too short with aphasia. Agreed: the text "
        "will say 'upp till 3 månader, längre vid afasi'.",
        "Ulla Törnqvist asked that cognitive fatigue is named.",
    ]
    add(
        "Meetings/RG meeting MoM draft.docx",
        lambda f: make_docx(
            f, title="Minutes – RG meeting 3 June", paragraphs=rg_mom[:2], author=lead[0]
        ),
        "meeting_notes",
        "consider_comments",
        draft=True,
        register=False,
        pd=True,
    )
    add(
        "Meetings/RG meeting MoM final.docx",
        lambda f: make_docx(
            f, title="Minutes – RG meeting 3 June", paragraphs=rg_mom, author=lead[0]
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Approval/Knowledge base and method description FINAL.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – stroke",
            headings=["Method", "Search", "References"],
            paragraphs=[
                "Literature search in PubMed, Cochrane and SBU 2010–2025 (stroke, return to work, "
                "sick leave).",
                "The experts assessed the evidence; the recommendation group commented.",
            ],
            author=lead[0],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "Approval/Memo to AC - decision.pdf",
        lambda f: make_pdf(
            f,
            [
                "Föredragning för avdelningschef",
                "Dnr 2.4-1187/2026",
                "Förslag: avdelningschefen beslutar att nytt försäkringsmedicinskt "
                "beslutsstöd för stroke publiceras.",
                "Beslut 2026-10-08: Avdelningschefen beslutar i enlighet med förslaget.",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "Close-out/Published FMB stroke (web copy).pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – Stroke (I61, I63)",
                "Kort om diagnosen",
                *tp,
                "Publicerad 2026-10-20",
            ],
        ),
        "publication",
        "vips",
        register=True,
        pd=False,
    )
    add(
        "Close-out/Lessons learned stroke.docx",
        lambda f: make_docx(
            f,
            title="Lessons learned – FMB stroke",
            headings=["What went well", "What to improve"],
            paragraphs=[
                "The experts delivered on time; the RG meeting resolved the aphasia question.",
                "FK's comments came late; ask earlier next time.",
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
        "recruit_recommendation_group": "partial",  # Elin Sjöqvist
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
        "variant": "new",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing", "complete"],
            "records_closure": ["needs_confirmation"],
            "collect_comments": ["partial"],  # nothing mailed to FK/NPO is in the folder
        },
        "missing_coi_for": ["Elin Sjöqvist"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def parkinson(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Parkinson FMB")
    add = _adder(p)
    lead = ("Mats Engström", f"mats.engstrom@{STAFF}")
    lead_s = f"{lead[0]} <{lead[1]}>"
    experts = ["Gustav Wiklund", "Nora Bergström"]
    rg = ["Ahmed Yusuf", "Helena Strand"]
    patient = "Rolf Grahn"

    add(
        "Dokument1.docx",
        lambda f: make_docx(
            f,
            title="Projektplan FMB Parkinsons sjukdom",
            headings=["Bakgrund", "Mål", "Organisation", "Tidplan"],
            paragraphs=[
                "Ett nytt försäkringsmedicinskt beslutsstöd för Parkinsons sjukdom (G20) tas "
                "fram enligt instruktion 3.1.3.5.",
                "Mål: publicering under 2027.",
                "Projektledare Mats Engström; två sakkunniga; rekommendationsgrupp.",
                "Uppstart april 2026, webbenkät september.",
            ],
            author=lead[0],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Untitled spreadsheet.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Vecka", "Aktivitet", "Vem"],
                ["v14", "Förfrågan NPO om sakkunniga", "ME"],
                ["v16", "Uppstartsmöte", "ME"],
                ["v20", "Statistikbeställning FK", "ME"],
                ["v36", "Webbenkät RG", "ME"],
            ],
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "Mail.eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=["Ingrid Sandell <ingrid.sandell@regionostergotland.se>"],
            subject="Förslag på sakkunniga",
            body=(
                "Hej Ingrid,\n\nSocialstyrelsen tar fram ett nytt beslutsstöd för Parkinsons "
                "sjukdom. Kan NPO Nervsystemets sjukdomar nominera två sakkunniga och tre "
                "deltagare till en rekommendationsgrupp?\n\nMvh Mats Engström"
            ),
            sent_at=dt("2026-03-30 13:10"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Re_ Förslag på sakkunniga.eml",
        lambda f: make_eml(
            f,
            sender="Ingrid Sandell <ingrid.sandell@regionostergotland.se>",
            to=[lead_s],
            subject="Re: Förslag på sakkunniga",
            body=(
                "Hej Mats,\nVi nominerar Gustav Wiklund (neurolog, Linköping) och Nora "
                "Bergström (arbetsterapeut, Lund). RG: Ahmed Yusuf, Helena Strand; "
                "patientföreträdare Rolf Grahn, Parkinsonförbundet.\n/Ingrid"
                + _quoted_en(lead_s, "30 mars 2026 13:10", "Kan NPO nominera två sakkunniga?")
            ),
            sent_at=dt("2026-04-08 09:45"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "IMG_4471.pdf",
        lambda f: _ocr_scan(f, 1421, ["Avtal om ersattning", "sakkunnig", "Gustav Wiklund"]),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="phone scan of the signed agreement, a few OCR words",
    )
    add(
        "scan0003.pdf",
        lambda f: _ocr_scan(
            f, 1422, ["Javsdek1aration", "Namn: Gustav W1klund", "Inga b1ndningar"]
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="broken OCR",
    )
    add(
        "20260415_093112.pdf",
        lambda f: _ocr_scan(
            f,
            1423,
            ["DEKLARATION AV INTRESSEN", "Nora Bergstrom", "arvoden: inga", "Lund 15/4 2026"],
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "New Microsoft Word Document.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Jävsdeklaration – rekommendationsgrupp",
                "Namn: Rolf Grahn",
                "Organisation: Parkinsonförbundet (patientföreträdare)",
                "Ekonomiska intressen i läkemedelsföretag: nej",
                "Andra förhållanden som kan påverka min opartiskhet: nej",
                "Göteborg 2026-05-02, Rolf Grahn",
            ],
            author="Rolf Grahn",
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Scan_20260502.pdf",
        lambda f: _scan(f, 1424),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="Helena Strand's declaration, no text layer",
    )
    add(
        "Nytt dokument (3).docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Uppstartsmöte 2026-04-16",
                "Närvarande: Mats Engström, Gustav Wiklund, Nora Bergström.",
                "Genomgång av instruktionen. Gustav Wiklund betonade att fluktuationer gör "
                "arbetsförmågan svår att bedöma. Beslut: Nora tar fram ICF-kategorier, Gustav "
                "skriver Kort om diagnosen.",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
    )
    add(
        "Presentation1.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Nytt FMB Parkinsons sjukdom", "Uppstart 16 april"),
                ("Arbetsgång", "Textförslag, ICF, remiss till rekommendationsgrupp"),
            ],
            author=lead[0],
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "Re_ fråga.eml",
        lambda f: make_eml(
            f,
            sender="Gustav Wiklund <gustav.wiklund@regionostergotland.se>",
            to=[lead_s],
            subject="Re: fråga",
            body=(
                "Hej, jag kan tyvärr inte på torsdag eftermiddag, går fredag förmiddag?\n/Gustav"
                + _quoted_en(
                    lead_s, "12 maj 2026 08:01", "Passar torsdag kl 14 för ett avstämningsmöte?"
                )
            ),
            sent_at=dt("2026-05-12 09:30"),
        ),
        "correspondence",
        "compile_proposals",
        register=False,
        pd=True,
        note="practical",
    )
    add(
        "doc.pdf",
        lambda f: make_pdf(
            f,
            [
                "Socialstyrelsen",
                "Beställning av statistik ur Midas",
                "Mottagare: Försäkringskassan",
                "Diagnos G20, åren 2016–2025: antal sjukfall, sjukfallens längd, andel med "
                "sjukersättning, per kön och åldersgrupp.",
                "2026-05-18, Mats Engström",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "svar.eml",
        lambda f: make_eml(
            f,
            sender="Lina Kask <lina.kask@forsakringskassan.se>",
            to=[lead_s],
            subject="Leverans statistik G20",
            body=(
                "Hej Mats,\nHär kommer den beställda statistiken ur Midas för G20.\n"
                "Vänliga hälsningar Lina Kask, Försäkringskassan"
            ),
            sent_at=dt("2026-06-11 14:20"),
            attachments=(
                (
                    "G20_2016_2025.csv",
                    b"ar;antal;median\r\n2016;410;64\r\n2025;455;71\r\n",
                ),
            ),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=True,
    )
    add(
        "ATT00001.pdf",
        lambda f: make_pdf(
            f,
            [
                "Patientregistret – utdrag",
                "Diagnos G20 Parkinsons sjukdom, vårdtillfällen och besök i specialiserad "
                "öppenvård 2016–2025, per kön och åldersgrupp 20–64 år.",
                "2016: 3 210 besök; 2025: 3 840 besök.",
            ],
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
        note="PAR data",
    )
    add(
        "Dokument2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – Parkinsons sjukdom",
            paragraphs=[
                "Parkinsons sjukdom är en neurologisk sjukdom med skakningar, stelhet och "
                "långsamma rörelser. Sjukdomen fortskrider långsamt.",
                "Behandling med levodopa ger god effekt de första åren.",
            ],
            tracked_changes=[("ins", " Fluktuationer är vanliga efter några år.")],
            author="Gustav Wiklund",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="tracked changes only",
    )
    add(
        "Book1.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Kod", "Kategori", "Relevant", "Motivering"],
                ["b147", "Psykomotoriska funktioner", "ja", "bradykinesi"],
                ["b765", "Ofrivilliga rörelsefunktioner", "ja", "tremor"],
                ["d170", "Skriva", "ja", "mikrografi"],
                ["d450", "Gå", "ja", "frysningar"],
            ],
            creator="Nora Bergström",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
        note="the expert's filled ICF assessment",
    )
    add(
        "notes.md",
        lambda f: _md(
            f,
            "# Expertmöte 2 – Parkinson\n\n"
            "**Datum:** 2026-06-17  \n**Deltagare:** Mats Engström, Gustav Wiklund, Nora "
            "Bergström\n\n## Beslut\n\n- Rekommendation vid tidig sjukdom: sjukskrivning "
            "sällan motiverad.\n- Vid fluktuationer: partiell sjukskrivning kan övervägas.\n\n"
            "## Att göra\n\n- Mats sammanställer textförslaget till enkäten.\n",
        ),
        "meeting_notes",
        "compile_proposals",
        register=True,
        pd=True,
        note="Teams notes exported as Markdown",
    )
    add(
        "final.docx",
        lambda f: make_docx(
            f,
            title="Textförslag med rekommendationer – Parkinsons sjukdom",
            paragraphs=[
                "Vid tidig Parkinsons sjukdom är sjukskrivning sällan motiverad.",
                "Vid motoriska fluktuationer kan partiell sjukskrivning vara motiverad under "
                "medicininställning, vanligen 1–3 månader.",
                "Vid avancerad sjukdom: bedöm arbetsförmågan mot aktivitetsbegränsningarna.",
            ],
            author=lead[0],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent to the survey",
    )
    add(
        "bilaga 2.pdf",
        lambda f: make_pdf(
            f,
            [
                "Till rekommendationsgruppen för beslutsstöd om Parkinsons sjukdom",
                "Vi vill ha dina synpunkter på förslaget till rekommendationer. Enkäten "
                "besvaras via länken i mejlet senast den 25 september.",
                "Mats Engström, projektledare",
            ],
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
        note="the survey's cover letter",
    )
    add(
        "export (1).csv",
        lambda f: _csv(
            f,
            [
                ["Respondent ID", "E-postadress", "Fråga 1", "Fråga 2 (fritext)"],
                ["8812", "helena.strand@rjl.se", "Instämmer", ""],
                [
                    "8813",
                    "rolf.grahn@parkinsonforbundet.se",
                    "Instämmer delvis",
                    "Trötthet och smärta saknas",
                ],
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
        note="Netigate export with addresses",
    )
    add(
        "VB_.msg",
        lambda f: _msg(
            f,
            lead,
            [("Gustav Wiklund", "gustav.wiklund@regionostergotland.se")],
            "VB: ",
            "Till kännedom.\n/Mats"
            + _fwd_sv(
                [
                    "Från: Ingrid Sandell <ingrid.sandell@regionostergotland.se>",
                    "Skickat: den 28 september 2026 16:02",
                    f"Till: Mats Engström <{lead[1]}>",
                    "Ämne: Synpunkter från NPO",
                ],
                "Hej,\nNPO:s synpunkter på förslaget: fluktuationer bör beskrivas tydligare och "
                "rekommendationen för avancerad sjukdom saknar tidsram.\nIngrid Sandell",
            ),
            dt("2026-09-29 08:15"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="NPO's comments forwarded internally to the expert",
    )
    add(
        "anteckningar.txt",
        lambda f: _txt(
            f,
            "Möte rekommendationsgruppen 2026-10-06\n"
            "Närvarande: Ahmed Yusuf, Helena Strand, Rolf Grahn, Mats Engström\n\n"
            "Rolf Grahn: trötthet och smärta måste med. Enighet om att lägga till ett stycke "
            "om icke-motoriska symtom.\n"
            "Ahmed Yusuf tyckte att tidsramen 1-3 månader är rimlig.\n",
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
    )
    proposal = [
        "Vid tidig Parkinsons sjukdom är sjukskrivning sällan motiverad.",
        "Vid motoriska fluktuationer kan partiell sjukskrivning vara motiverad under "
        "medicininställning, vanligen 1–3 månader.",
    ]
    add(
        "Dokument4.docx",
        lambda f: make_docx(
            f,
            title="Textförslag med rekommendationer – Parkinsons sjukdom",
            paragraphs=proposal,
            comment="GW: ska avancerad sjukdom med?",
            author=lead[0],
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="an earlier compilation, with a comment",
    )
    add(
        "Mail (2).eml",
        lambda f: make_eml(
            f,
            sender=lead_s,
            to=[
                "FMB Försäkringskassan <fmb@forsakringskassan.se>",
                "Ingrid Sandell <ingrid.sandell@regionostergotland.se>",
            ],
            subject="För synpunkter",
            body=(
                "Hej,\nBifogat är förslaget till beslutsstöd för Parkinsons sjukdom. Vi tar "
                "gärna emot era synpunkter senast den 25 september.\nMats Engström"
            ),
            sent_at=dt("2026-09-10 10:00"),
            attachments=(("final.docx.pdf", _pdf_bytes(proposal)),),
        ),
        "correspondence",
        "collect_comments",
        also=("text_proposal",),
        register=True,
        pd=True,
        note="material sent to FK and NPO",
    )
    add(
        "Re_ Re_ fråga.eml",
        lambda f: make_eml(
            f,
            sender="Lina Kask <lina.kask@forsakringskassan.se>",
            to=[lead_s],
            subject="Re: Re: fråga",
            body=(
                "Hej Mats,\nFörsäkringskassans synpunkter på förslaget: ange när arbetsförmågan "
                "bör bedömas på nytt vid fluktuationer, och förtydliga vad som avses med "
                "medicininställning.\nLina Kask"
                + _quoted_en(lead_s, "10 sep 2026 10:05", "Hann ni titta på förslaget?")
                + _quoted_en(
                    "Lina Kask <lina.kask@forsakringskassan.se>",
                    "10 sep 2026 09:12",
                    "Har ni en fråga till oss?",
                )
            ),
            sent_at=dt("2026-09-24 15:30"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="FK's comments under an old subject",
    )
    add(
        "sammanställning.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Fråga", "Instämmer", "Instämmer delvis", "Instämmer inte", "Antal svar"],
                ["Rekommendation tidig sjukdom", 3, 0, 0, 3],
                ["Rekommendation fluktuationer", 2, 1, 0, 3],
            ],
            sheet_title="Resultat",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="the survey's summary, anonymous",
    )
    add(
        "Dokument3.docx",
        lambda f: make_docx(
            f,
            title="Dagordning",
            paragraphs=[
                "Möte med rekommendationsgruppen 6 oktober",
                "1. Inledning 2. Enkätsvaren 3. Fluktuationer 4. Fortsatt arbete",
            ],
            author=lead[0],
        ),
        "meeting_notes",
        "consider_comments",
        also=("other",),
        register=False,
        pd=False,
        note="agenda",
    )
    add(
        "Presentation2.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Rekommendationsgruppen 6 oktober", "Parkinsons sjukdom"),
                ("Enkätresultat", "3 svar: i stort sett instämmer alla"),
                ("Frågor", "Tidsram vid fluktuationer"),
            ],
            author=lead[0],
        ),
        "presentation",
        "consider_comments",
        register=False,
        pd=False,
    )
    add(
        "Ny textfil.txt",
        lambda f: _txt(
            f,
            "- boka lokal RG\n- påminn Ahmed om JD!!\n- Nora avtal?\n- skicka enkät v36\n",
        ),
        "other",
        "plan",
        also=("project_plan",),
        register=False,
        pd=False,
        note="a to-do list",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # Nora Bergström has no agreement
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Ahmed Yusuf
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "partial",
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
            "consider_comments": ["complete"],
            "brief_diagnosis_text": ["partial"],  # only a draft
        },
        "missing_coi_for": ["Ahmed Yusuf"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (kol, stroke, parkinson)
