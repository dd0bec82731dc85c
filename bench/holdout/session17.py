"""The session-17 holdout: three FMB project folders in habits no earlier set uses.

Written by hand (session 17, helper accuracy) and labelled from DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session17`). Every file's label
names the step it evidences (`step`) and whether it holds personal data (`personal_data`).
Habits:

- Swedish folded to ASCII by a lead's keyboard or an old export: the lead's own texts and
  names have no å, ä or ö ("Javsdeklaration", "Overenskommelse om uppdrag och ersattning",
  "Minnesanteckningar fran uppstartsmote", "Forfragan", "Bestallning", "Enkat"), mixed
  case in names (`JaV_lena_ohman_signerad.pdf`), while what came in from outside is
  written properly (so "Per Hagstrom" and "Per Hagström" are one person); old versions in
  `_arkiv/`, `zz_OLD/` and `historik/` folders; an agreement template with placeholders;
- documents that speak of a class without being one: the instruction's support material
  saved into the project ("Information om jävshantering", "Rutin för efterfrågan av
  experter från regioner", "Lathund statistikbeställningar", blank forms), a project
  directive that lists the declarations, agreements and survey to come, a reminder to
  the RG about missing declarations, a slide deck whose timeline names them; a region's
  words for the agency's documents ("Projektdirektiv", "Tjänsteskrivelse",
  "Remissammanställning", "Slutrapport", "Protokoll"); the web survey kept as the
  spreadsheet of its questions; minutes that record what named members said about
  themselves (personal data); comments and deliveries from function mailboxes;
- a Nordic collaboration with a code convention (`HI-ERK-03`, `HI-AVT-01`, `HI-REF-01`,
  `HI-BREV-04`): Danish and Norwegian names with ø and æ (Søren Kjærgaard, Bjørn
  Ødegård, Mette Dæhli) that files spell in ASCII (`Kjaergaard S erklaering.pdf`,
  `Javsdeklaration Bjorn Odegard.pdf`), a declaration carried in a Norwegian mail
  forwarded twice (`VS: VS:`), a Danish fee agreement ("Aftale om honorar"), Norwegian
  consultation comments ("Høringssvar").

Labelling choices as in the earlier sets: a textless scan is labelled with what it is; a
draft (or an older version in an archive folder) is never registered; the version sent
out for comment is registered; minutes with decisions are registered, an agenda is not;
material mailed to FK/NPO is registered correspondence; a plan or directive is never
registered; support material, a template or a blank form is `other` (a careful person could
name the class it is for), not registered; a routine reminder is correspondence of little
importance (OSL 5:1), not registered. personal_data: true for declarations, agreements,
mails between named people, comments signed by a person, minutes naming external
participants with what they said; false for plans, statistics, texts, templates, support
material, anonymous survey results, mails from and to function mailboxes with no person
named.

Projects:
- `frusen_skuldra_uppdatering_2026` — update (adhesive capsulitis), ASCII-folded, approved
  by EC, not evaluated; Johanna Ek (RG) has no declaration.
- `Epikondylit nytt FMB` — new (lateral epicondylitis), a region's words and the agency's
  support material, approved by AC and evaluated; Ulrika Sand (RG) has no declaration.
- `Hjärtinfarkt uppdatering – nordiskt samarbete` — update, Nordic members and a code
  convention, stopped after the comments; Karl Svensson (RG) has no declaration.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from session10 import _people, _txt
from session11 import _adder
from session13 import _pdf_bytes, _scan
from session14 import _csv

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


def _coi_ascii(name: str, role: str, employer: str, place_date: str) -> list[str]:
    """A declaration typed on a keyboard without Swedish letters."""
    return [
        "JAVSDEKLARATION",
        "Socialstyrelsen - forsakringsmedicinskt beslutsstod",
        f"Namn: {name}",
        f"Uppdrag: {role}",
        f"Anstallning: {employer}",
        "Ekonomiska intressen i foretag inom omradet: Nej",
        "Uppdrag for lakemedelsindustrin de senaste tre aren: Nej",
        "Andra omstandigheter som kan paverka fortroendet for min opartiskhet: Nej",
        place_date,
        f"Underskrift: {name}",
    ]


def _coi(name: str, role: str, employer: str, place_date: str) -> list[str]:
    return [
        "Jävsdeklaration",
        f"Namn: {name}",
        f"Uppdrag: {role}",
        f"Arbetsgivare: {employer}",
        "Ekonomiska intressen i företag inom området: Nej",
        "Uppdrag för läkemedels- eller medicinteknisk industri: Nej",
        "Andra omständigheter som kan rubba förtroendet för min opartiskhet: Nej",
        place_date,
        f"Namnteckning: {name}",
    ]


# ---------------------------------------------------------------- project A


def frusen_skuldra(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "frusen_skuldra_uppdatering_2026")
    add = _adder(p)
    lead = f"Tomas Lindgren <tomas.lindgren@{STAFF}>"
    experts = ["Per Hagström", "Lena Öhman"]
    rg = ["Sara Åberg", "Mikael Törnqvist", "Johanna Ek"]
    patient = "Gösta Ärlig"
    npo = "NPO Rörelseorganens sjukdomar <npo.rorelseorgan@rjl.se>"
    text = [
        "Kort om diagnosen: frusen skuldra (adhesiv kapsulit, M75.0) ger smarta och gradvis "
        "minskad rorlighet i axeln. Forloppet ar ofta langt, 1-3 ar, men de flesta blir "
        "aterstallda.",
        "Rekommendationer: vid tungt eller overhuvudarbete sjukskrivning 2-6 veckor i "
        "smartfasen, darefter deltid; vid stillasittande arbete sallan sjukskrivning.",
    ]
    add(
        "00_admin/projektplan_frusen_skuldra_v1.0.docx",
        lambda f: make_docx(
            f,
            title="Projektplan - uppdatering av FMB frusen skuldra (M75.0)",
            headings=["Bakgrund", "Organisation", "Tidplan"],
            paragraphs=[
                "Beslutsstodet for frusen skuldra publicerades 2019 och ska uppdateras enligt "
                "instruktion 3.1.3.5.",
                "Projektledare Tomas Lindgren. Tva sakkunniga (ortopedi, fysioterapi) och en "
                "rekommendationsgrupp med patientforetradare.",
                "Tidplan: nominering v4-v6, statistik v9, uppstartsmote v8, remiss v18, "
                "foredragning EC v35.",
            ],
            author="Tomas Lindgren",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "00_admin/tidplan.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Vecka", "Aktivitet", "Ansvarig", "Status"],
                ["v4", "Forfragan NPO", "TL", "klar"],
                ["v8", "Uppstartsmote", "TL", "klar"],
                ["v9", "Bestallning Midas", "TL", "klar"],
                ["v18", "Remiss RG, FK, NPO", "TL", ""],
                ["v35", "Foredragning EC", "TL", ""],
            ],
            sheet_title="Tidplan",
            creator="Tomas Lindgren",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
    )
    add(
        "00_admin/MALL_overenskommelse_om_uppdrag.docx",
        lambda f: make_docx(
            f,
            title="Overenskommelse om uppdrag och ersattning",
            paragraphs=[
                "Mellan Socialstyrelsen (bestallaren) och [Namn] (uppdragstagaren).",
                "Uppdrag: sakkunnig i projektgruppen for [diagnos].",
                "Ersattning: XX kronor per timme, hogst XX timmar, mot faktura.",
                "Avtalsperiod: [datum] - [datum].",
                "Ort och datum ______________  Underskrift ______________",
            ],
        ),
        "other",
        "plan",
        also=("agreement",),
        register=False,
        pd=False,
        note="a blank agreement template with placeholders, ASCII",
    )
    add(
        "01_rekrytering/forfragan_npo_sakkunniga.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=[npo],
            subject="Forfragan om sakkunniga och RG - uppdatering FMB frusen skuldra",
            body="Hej,\n\nSocialstyrelsen ska uppdatera det forsakringsmedicinska "
            "beslutsstodet for frusen skuldra. Vi ber NPO foresla tva sakkunniga (ortopedi och "
            "fysioterapi) och tre personer till rekommendationsgruppen samt en "
            "patientforetradare. Svara garna senast 6 februari.\n\nMvh\nTomas Lindgren\n"
            "Projektledare",
            sent_at=dt("2026-01-21 09:12"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "01_rekrytering/SV_forfragan_npo.eml",
        lambda f: make_eml(
            f,
            sender=npo,
            to=[lead],
            subject="SV: Forfragan om sakkunniga och RG - uppdatering FMB frusen skuldra",
            body="Hej Tomas!\n\nNPO Rörelseorganens sjukdomar föreslår:\n\nSakkunniga: Per "
            "Hagström, överläkare ortopedi, Region Örebro län, och Lena Öhman, leg. "
            "fysioterapeut, Region Västerbotten.\n\nRekommendationsgrupp: Sara Åberg "
            "(allmänläkare), Mikael Törnqvist (företagsläkare), Johanna Ek (arbetsterapeut). "
            "Gösta Ärlig, Reumatikerförbundet, som patientföreträdare.\n\nVänliga hälsningar\n"
            "Kansliet, NPO Rörelseorganens sjukdomar\n\n"
            "-----Ursprungligt meddelande-----\nFrån: Tomas Lindgren\nSkickat: den 21 januari "
            "2026 09:12\nÄmne: Forfragan om sakkunniga och RG\n\nHej, Socialstyrelsen ska "
            "uppdatera ...",
            sent_at=dt("2026-02-04 13:40"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
        note="proper Swedish from outside, the lead's ASCII quoted below",
    )
    add(
        "01_rekrytering/jav/javsdeklaration_per_hagstrom.pdf",
        lambda f: make_pdf(
            f,
            _coi_ascii(
                "Per Hagstrom",
                "sakkunnig, FMB frusen skuldra",
                "Region Orebro lan, ortopedkliniken",
                "Orebro 2026-02-12",
            ),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="ASCII-folded form",
    )
    add(
        "01_rekrytering/jav/JaV_lena_ohman_signerad.pdf",
        lambda f: _scan(f, 1701),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="textless scan, mixed-case abbreviation",
    )
    add(
        "01_rekrytering/avtal/overenskommelse_uppdrag_hagstrom.pdf",
        lambda f: make_pdf(
            f,
            [
                "Overenskommelse om uppdrag och ersattning",
                "Mellan Socialstyrelsen (bestallaren) och Per Hagstrom (uppdragstagaren).",
                "Uppdrag: sakkunnig i projektgruppen for uppdatering av FMB frusen skuldra.",
                "Ersattning: 1 050 kronor per timme, hogst 40 timmar, mot faktura.",
                "Avtalsperiod: 2026-02-20 - 2026-10-31.",
                "Stockholm 2026-02-16 Tomas Lindgren      Orebro 2026-02-18 Per Hagstrom",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="'överenskommelse' folded to ASCII",
    )
    add(
        "01_rekrytering/avtal/overenskommelse_ohman_underskriven.pdf",
        lambda f: make_pdf(
            f,
            [
                "OVERENSKOMMELSE OM UPPDRAG OCH ERSATTNING",
                "Parter: Socialstyrelsen och Lena Ohman, leg. fysioterapeut (uppdragstagare).",
                "Uppdraget avser medverkan som sakkunnig i uppdateringen av beslutsstodet for "
                "frusen skuldra.",
                "Arvode 950 kr/tim, hogst 35 timmar. Faktureras efter avslutat uppdrag.",
                "Umea 2026-02-23 Lena Ohman",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "02_rg/jav_sara_aberg.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Sara Åberg",
                "ledamot i rekommendationsgruppen",
                "Region Uppsala, Vårdcentralen Gränby",
                "Uppsala 2026-02-25",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "02_rg/jav_mikael_tornqvist.docx",
        lambda f: make_docx(
            f,
            paragraphs=_coi_ascii(
                "Mikael Tornqvist",
                "ledamot, rekommendationsgruppen",
                "Feelgood foretagshalsovard",
                "Vasteras 2026-02-26",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="Word form, ASCII, no title style",
    )
    add(
        "02_rg/jav_gosta_arlig_patientforetradare.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Gösta Ärlig",
                "patientföreträdare i rekommendationsgruppen",
                "Reumatikerförbundet (ideellt)",
                "Stockholm 2026-03-02",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "03_statistik/bestallning_midas.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["Försäkringskassan <statistik@forsakringskassan.se>"],
            subject="Bestallning av statistik ur Midas - frusen skuldra M75.0",
            body="Hej,\n\nSocialstyrelsen bestaller harmed statistik ur Midas for diagnos "
            "M75.0 for 2023-2025: antal startade sjukfall, antal unika fall, median och "
            "medelvarde samt 25:e och 75:e percentilen for sjukfallens langd, uppdelat pa "
            "kon och alder.\n\nMvh\nTomas Lindgren",
            sent_at=dt("2026-02-24 10:05"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "03_statistik/leverans_fk_M750.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Startade sjukfall", "Median dagar", "P25", "P75"],
                ["M75.0", 2023, "Kvinnor", 2140, 58, 24, 121],
                ["M75.0", 2023, "Män", 1310, 47, 19, 102],
                ["M75.0", 2024, "Kvinnor", 2215, 61, 25, 128],
                ["M75.0", 2024, "Män", 1288, 49, 20, 99],
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
        "04_texter/_arkiv/kort_om_diagnosen_v0.3.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen - frusen skuldra",
            paragraphs=[text[0], "Prognos: [komplettera med FK-statistik]"],
            author="Tomas Lindgren",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
        note="an old version in an '_arkiv' folder",
    )
    add(
        "04_texter/zz_OLD/textforslag_rek_2026-03-30.docx",
        lambda f: make_docx(
            f,
            title="Textforslag och rekommendationer - frusen skuldra",
            paragraphs=text,
            author="Tomas Lindgren",
        ),
        "text_proposal",
        "compile_proposals",
        draft=True,
        register=False,
        pd=False,
        note="an older version in a 'zz_OLD' folder",
    )
    add(
        "04_texter/textforslag_frusen_skuldra_remissversion.docx",
        lambda f: make_docx(
            f,
            title="Textforslag med rekommendationer - frusen skuldra (remissversion)",
            paragraphs=[*text, "Synpunkter lamnas senast 2026-05-15."],
            author="Tomas Lindgren",
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
        note="the version sent out for comment",
    )
    add(
        "04_texter/ICF_avsnitt_reviderade.docx",
        lambda f: make_docx(
            f,
            title="ICF-baserade textavsnitt - reviderade",
            table=[
                ["ICF-kod", "Kategori", "Reviderad text"],
                ["b280", "Smartupplevelse", "Smarta vid rorelse och nattetid."],
                ["b710", "Ledrorlighet", "Kraftigt nedsatt rorlighet i axelleden."],
                ["d430", "Lyfta och bara", "Svart att lyfta over axelhojd."],
            ],
            author="Tomas Lindgren",
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        register=True,
        pd=False,
        note="session 16's leftover in ASCII",
    )
    add(
        "05_moten/minnesanteckningar_uppstartsmote_2026-02-19.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar fran uppstartsmote 2026-02-19",
            paragraphs=[
                "Narvarande: Per Hagstrom, Lena Ohman, Tomas Lindgren.",
                "Per Hagstrom berattade att han sjalv haft frusen skuldra och varit "
                "sjukskriven i tre manader 2021.",
                "Lena Ohman framholl att fysioterapi i smartfasen ska vara skonsam.",
                "Beslut: rekommendationen om deltidssjukskrivning behalls; ICF-mallen skickas "
                "till de sakkunniga efter motet.",
            ],
            author="Tomas Lindgren",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="minutes with a member's own health",
    )
    add(
        "05_moten/dagordning_uppstartsmote.docx",
        lambda f: make_docx(
            f,
            title="Dagordning uppstartsmote",
            paragraphs=[
                "1. Presentation av deltagarna",
                "2. Instruktionen och tidplanen",
                "3. Kort om diagnosen och ICF-avsnitten",
                "4. Ovriga fragor",
            ],
            author="Tomas Lindgren",
        ),
        "meeting_notes",
        "startup_meeting",
        register=False,
        pd=False,
    )
    add(
        "06_remiss/utskick_enkat_rg.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["rg-frusen-skuldra@lists.socialstyrelsen.se"],
            subject="Enkat: synpunkter pa textforslag FMB frusen skuldra",
            body="Hej alla i rekommendationsgruppen,\n\nHar ar lanken till webbenkaten med "
            "textforslaget och rekommendationerna: https://enkat.socialstyrelsen.se/fs26\n"
            "Svara senast den 15 maj.\n\nTack pa forhand!\nTomas",
            sent_at=dt("2026-04-30 08:30"),
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
        note="the survey's cover mail to a list address, ASCII",
    )
    add(
        "06_remiss/enkatsvar_export_2026-05-16.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Fråga 1: Är rekommendationen rimlig?", "Kommentar"],
                ["Sara Åberg", "Ja", "Bra med deltid."],
                ["Mikael Törnqvist", "Delvis", "Överhuvudarbete behöver exempel."],
                ["Gösta Ärlig", "Ja", "Smärtan nattetid borde nämnas."],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=True,
        note="answers with the respondents' names",
    )
    add(
        "06_remiss/synpunkter_fk.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <registrator@forsakringskassan.se>",
            to=[lead],
            subject="Synpunkter på remiss: FMB frusen skuldra",
            body="Hej,\n\nFörsäkringskassan har följande synpunkter på textförslaget: ange "
            "tydligare hur länge smärtfasen brukar pågå.\n\nMed vänlig hälsning\n"
            "Försäkringskassan, Försäkringsmedicin",
            sent_at=dt("2026-05-13 15:10"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
        note="a function mailbox, nobody named but the recipient",
    )
    add(
        "06_remiss/remissvar_npo.pdf",
        lambda f: make_pdf(
            f,
            [
                "Remissvar – uppdaterat FMB frusen skuldra",
                "NPO Rörelseorganens sjukdomar har tagit del av textförslaget.",
                "Synpunkter: rekommendationen för tunga yrken bör ange 4–8 veckor; nämn "
                "kortisoninjektion som behandling.",
                "Jönköping 2026-05-12",
                "Kerstin Dahl, ordförande NPO Rörelseorganens sjukdomar",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
        note="signed by a named person",
    )
    add(
        "07_beslut/beslut_EC_publicering.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslut",
                "Uppdaterat forsakringsmedicinskt beslutsstod: frusen skuldra (M75.0)",
                "Enhetschefen (EC) beslutar att det uppdaterade beslutsstodet ska publiceras.",
                "Dnr 2.4-4411/2026",
                "Stockholm 2026-09-01 Eva Holm, enhetschef",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
    )
    add(
        "07_beslut/FMB_frusen_skuldra_slutversion.pdf",
        lambda f: make_pdf(
            f,
            [
                "Forsakringsmedicinskt beslutsstod: frusen skuldra (M75.0) - slutversion",
                *text,
                "Faststalld av enhetschef 2026-09-01.",
            ],
        ),
        "publication",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "07_beslut/historik/FMB_frusen_skuldra_slutversion_2026-08-20.docx",
        lambda f: make_docx(
            f,
            title="Forsakringsmedicinskt beslutsstod: frusen skuldra - slutversion",
            paragraphs=[*text, "Infor foredragning."],
            author="Tomas Lindgren",
        ),
        "publication",
        "revise",
        also=("text_proposal",),
        draft=True,
        register=False,
        pd=False,
        note="an earlier version in 'historik/'",
    )
    add(
        "07_beslut/kunskapsunderlag_med_metodbeskrivning.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning - frusen skuldra",
                "Bilaga till det forsakringsmedicinska beslutsstodet.",
                "Metod: litteratursokning i PubMed och Cochrane 2015-2026; urval av "
                "systematiska oversikter om arbetsformaga och sjukskrivning.",
                "Resultat: de flesta aterfar full rorlighet inom tva ar.",
            ],
        ),
        "knowledge_basis",
        "knowledge_basis",
        register=True,
        pd=False,
    )
    add(
        "las_mig.txt",
        lambda f: _txt(f, "Aldre versioner ligger i _arkiv, zz_OLD och historik. Ror ej.\n"),
        "other",
        "plan",
        register=False,
        pd=False,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Johanna Ek
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
        "variant": "update",
        "expected_steps": steps,
        "also_acceptable": {
            "vips": ["missing", "complete"],
            "records_closure": ["needs_confirmation"],
            "brief_diagnosis_text": ["partial"],  # only a draft of the brief text itself
            "collect_comments": ["partial"],  # nothing says the text went to FK and NPO
            "consider_comments": ["needs_confirmation"],  # an update meets the RG only if needed
            "revise": ["partial"],  # no record of how the comments were handled
        },
        "missing_coi_for": ["Johanna Ek"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def epikondylit(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Epikondylit nytt FMB")
    add = _adder(p)
    lead = f"Maria Sjöberg <maria.sjoberg@{STAFF}>"
    experts = ["Anders Nyqvist", "Helena Brandt"]
    rg = ["Omar Khalil", "Ulrika Sand", "Petra Lönn"]
    patient = "Rolf Axelsson"
    stod = "Stöd och mallar"
    text = [
        "Kort om diagnosen: lateral epikondylit (tennisarmbåge, M77.1) ger smärta på "
        "armbågens utsida vid grepp och lyft. De flesta besvär går över inom ett år.",
        "Rekommendationer: vid repetitivt eller tungt handarbete sjukskrivning 1–4 veckor, "
        "därefter arbetsanpassning; vid kontorsarbete sällan sjukskrivning.",
    ]
    add(
        "Projektdirektiv epikondylit.docx",
        lambda f: make_docx(
            f,
            title="Projektdirektiv – nytt försäkringsmedicinskt beslutsstöd, lateral epikondylit",
            headings=["Uppdrag", "Organisation", "Leveranser", "Tidplan"],
            paragraphs=[
                "Socialstyrelsen tar fram ett nytt beslutsstöd för lateral epikondylit (M77.1).",
                "Två sakkunniga rekryteras via NPO. Varje sakkunnig lämnar en jävsdeklaration "
                "och tecknar avtal om ersättning innan arbetet börjar.",
                "Rekommendationsgruppen lämnar jävsdeklarationer och svarar på en webbenkät; "
                "ett möte med gruppen hålls efter enkäten.",
                "Statistik beställs från Försäkringskassan (Midas) och ur patientregistret.",
                "Föredragning för avdelningschef (AC) hösten 2026.",
            ],
            author="Maria Sjöberg",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
        note="a region's word for the plan; names every class to come",
    )
    add(
        f"{stod}/Information om jävshantering.pdf",
        lambda f: make_pdf(
            f,
            [
                "Information om jävshantering",
                "Socialstyrelsen – stöd för projektledare",
                "Alla externa experter och ledamöter i rekommendationsgrupper ska lämna en "
                "jävsdeklaration innan de deltar i arbetet.",
                "Projektledaren bedömer deklarationen och dokumenterar bedömningen. Vid jäv "
                "kontaktas enhetschefen.",
                "Jävsdeklarationer är allmänna handlingar som ska diarieföras.",
            ],
        ),
        "other",
        "recruit_project_group",
        register=False,
        pd=False,
        note="the instruction's support material, speaks of declarations",
    )
    add(
        f"{stod}/Rutin för efterfrågan av experter från regioner.docx",
        lambda f: make_docx(
            f,
            title="Rutin för efterfrågan av experter från regioner",
            paragraphs=[
                "Förfrågan om sakkunniga skickas till det ansvariga NPO:t så snart en "
                "uppdatering är beslutad.",
                "Be samtidigt om förslag på deltagare till rekommendationsgruppen.",
                "Använd stödmaterialet Mail-förfrågan FMB om nomineringar till NPO.",
            ],
        ),
        "other",
        "recruit_project_group",
        register=False,
        pd=False,
    )
    add(
        f"{stod}/Lathund statistikbeställningar.pdf",
        lambda f: make_pdf(
            f,
            [
                "Lathund – statistikbeställningar",
                "PAR: antal vårdtillfällen och unika patienter i slutenvård där diagnosen är "
                "huvuddiagnos. Beställs via intranätet.",
                "Midas (Försäkringskassan): antal startade sjukfall, unika fall, median, "
                "medelvärde, 25:e och 75:e percentilen, uppdelat på kön och ålder. Formell "
                "förfrågan till Försäkringskassan.",
            ],
        ),
        "other",
        "statistics",
        register=False,
        pd=False,
    )
    add(
        f"{stod}/Mall jävsdeklaration.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            paragraphs=[
                "Namn: ____________________",
                "Uppdrag: ____________________",
                "Ekonomiska intressen i företag inom området: Ja / Nej",
                "Uppdrag för läkemedelsindustrin: Ja / Nej",
                "Ort och datum: ____________________",
                "Namnteckning: ____________________",
            ],
        ),
        "other",
        "recruit_project_group",
        also=("coi_declaration",),
        register=False,
        pd=False,
        note="a blank form saved as 'Mall …'",
    )
    add(
        f"{stod}/Mall missiv webbenkät.docx",
        lambda f: make_docx(
            f,
            title="Missiv – webbenkät till rekommendationsgruppen",
            paragraphs=[
                "Hej!",
                "Socialstyrelsen tar fram ett försäkringsmedicinskt beslutsstöd för [diagnos]. "
                "Vi vill ha dina synpunkter på textförslaget via webbenkäten: [länk].",
                "Svara senast [datum].",
            ],
        ),
        "other",
        "collect_comments",
        also=("survey",),
        register=False,
        pd=False,
    )
    add(
        "Rekrytering/Nominering från NPO Rörelseorganen.eml",
        lambda f: make_eml(
            f,
            sender="NPO Rörelseorganens sjukdomar <kansli.npo-rorelse@rjl.se>",
            to=[lead],
            subject="Nominering: sakkunniga och RG till FMB lateral epikondylit",
            body="Hej Maria,\n\nVi nominerar följande.\nSakkunniga: Anders Nyqvist, "
            "handkirurg, Region Skåne; Helena Brandt, arbetsterapeut, Region Stockholm.\n"
            "Rekommendationsgrupp: Omar Khalil (allmänläkare), Ulrika Sand "
            "(företagssköterska), Petra Lönn (fysioterapeut). Patientföreträdare: Rolf "
            "Axelsson.\n\nVänliga hälsningar\nNPO:s kansli",
            sent_at=dt("2026-02-10 11:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/Påminnelse jävsdeklaration RG.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["Ulrika Sand <ulrika.sand@regionhalland.se>", "Petra Lönn <petra.lonn@rvn.se>"],
            subject="Påminnelse: jävsdeklaration till rekommendationsgruppen",
            body="Hej!\n\nVi saknar fortfarande er jävsdeklaration. Blanketten finns bifogad "
            "i mitt tidigare mejl. Skicka den gärna senast fredag, annars kan ni inte delta "
            "i enkäten.\n\nHälsningar\nMaria",
            sent_at=dt("2026-03-20 08:15"),
        ),
        "correspondence",
        "recruit_recommendation_group",
        register=False,
        pd=True,
        note="speaks of declarations; a routine reminder",
    )
    add(
        "Rekrytering/Jävsdeklaration Anders Nyqvist.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Anders Nyqvist",
                "sakkunnig, FMB lateral epikondylit",
                "Region Skåne, Handkirurgiska kliniken",
                "Malmö 2026-02-24",
            ),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/Jävsdeklaration Helena Brandt.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Helena Brandt",
                "sakkunnig, FMB lateral epikondylit",
                "Region Stockholm, Danderyds sjukhus",
                "Stockholm 2026-02-25",
            ),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    for name, fee, signed in (
        ("Anders Nyqvist", "1 100", "Malmö 2026-03-02"),
        ("Helena Brandt", "950", "Stockholm 2026-03-03"),
    ):
        add(
            f"Rekrytering/Avtal om ersättning {name}.pdf",
            lambda f, name=name, fee=fee, signed=signed: make_pdf(
                f,
                [
                    "Avtal om ersättning för sakkunnig",
                    f"Mellan Socialstyrelsen (beställaren) och {name} (uppdragstagaren).",
                    "Uppdrag: sakkunnig i projektgruppen för FMB lateral epikondylit.",
                    f"Ersättning: {fee} kronor per timme, högst 40 timmar, mot faktura.",
                    f"{signed} {name}",
                ],
            ),
            "agreement",
            "recruit_project_group",
            register=True,
            pd=True,
        )
    add(
        "Rekrytering/RG/JD Omar Khalil.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Omar Khalil",
                "ledamot i rekommendationsgruppen",
                "Capio Vårdcentral Hovås",
                "Göteborg 2026-03-09",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/RG/JD Petra Lönn.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Petra Lönn",
                "ledamot i rekommendationsgruppen",
                "Region Västernorrland",
                "Sundsvall 2026-03-23",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "Rekrytering/RG/JD Rolf Axelsson patientföreträdare.pdf",
        lambda f: _scan(f, 1702),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="textless scan",
    )
    add(
        "Statistik/Beställning statistik Midas epikondylit.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["Försäkringskassan <statistik@forsakringskassan.se>"],
            subject="Formell förfrågan om statistik ur Midas – M77.1",
            body="Hej,\n\nSocialstyrelsen ber om uppgifter ur Midas för diagnos M77.1 "
            "2023–2025: antal startade sjukfall, antal unika fall, median och medelvärde för "
            "sjukfallens längd, uppdelat på kön.\n\nMed vänlig hälsning\nMaria Sjöberg",
            sent_at=dt("2026-03-04 09:20"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Statistik/Leverans Midas M77.1.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Kön", "Antal sjukfall", "Median (dagar)", "Medel (dagar)"],
                ["M77.1", 2023, "K", 3120, 28, 44],
                ["M77.1", 2023, "M", 2875, 24, 39],
                ["M77.1", 2024, "K", 3254, 29, 45],
                ["M77.1", 2024, "M", 2901, 25, 40],
            ],
            sheet_title="Leverans",
            creator="Försäkringskassan",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "Möten/Protokoll uppstartsmöte 2026-03-12.docx",
        lambda f: make_docx(
            f,
            title="Protokoll – uppstartsmöte 2026-03-12",
            paragraphs=[
                "Närvarande: Anders Nyqvist, Helena Brandt, Maria Sjöberg (ordf.).",
                "Anders Nyqvist föreslog att operation nämns som sista utväg.",
                "Helena Brandt menade att ortos och arbetsanpassning ska stå först.",
                "Beslut: ICF-kategorier för expertbedömning skickas till de sakkunniga; "
                "textförslag lämnas senast 30 april.",
            ],
            author="Maria Sjöberg",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="'Protokoll', named experts with their views",
    )
    add(
        "Möten/Presentation uppstartsmöte.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Nytt FMB lateral epikondylit", "Uppstartsmöte 12 mars 2026"),
                (
                    "Tidplan",
                    "Jävsdeklarationer och avtal klara i mars\nWebbenkät till RG i maj\n"
                    "Möte med RG i juni\nFöredragning AC i oktober",
                ),
                ("Ert uppdrag", "Textförslag, ICF-bedömning, granska synpunkter"),
            ],
            author="Maria Sjöberg",
        ),
        "presentation",
        "startup_meeting",
        register=False,
        pd=False,
        note="its timeline names declarations, agreements, survey",
    )
    add(
        "Texter/Kort om diagnosen epikondylit – utkast.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – lateral epikondylit",
            paragraphs=[text[0]],
            author="Helena Brandt",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "Texter/ICF-kategorier för expertbedömning epikondylit.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF-kod", "Kategori", "Relevant (ja/nej)", "Kommentar"],
                ["b280", "Smärtupplevelse", "ja", "Vid grepp"],
                ["b730", "Muskelkraft", "ja", "Nedsatt greppstyrka"],
                ["d440", "Handens finmotoriska användning", "ja", ""],
                ["d445", "Användning av hand och arm", "ja", "Lyft med utsträckt arm"],
            ],
            sheet_title="ICF",
            creator="Anders Nyqvist",
        ),
        "icf_assessment",
        "icf_sections",
        register=True,
        pd=False,
    )
    add(
        "Texter/Textförslag och rekommendationer epikondylit – remissversion.pdf",
        lambda f: make_pdf(
            f,
            ["Textförslag och rekommendationer – lateral epikondylit (remissversion)", *text],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
    )
    add(
        "Remiss/Enkätfrågor RG epikondylit.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Nr", "Fråga", "Svarsalternativ"],
                [1, "Är beskrivningen i Kort om diagnosen korrekt?", "Ja / Delvis / Nej"],
                [2, "Är rekommendationen om sjukskrivningens längd rimlig?", "Ja / Delvis / Nej"],
                [3, "Saknas något om arbetsanpassning?", "Fritext"],
            ],
            sheet_title="Enkät",
            extra_sheets={
                "Missiv": [["Till rekommendationsgruppen: svara på webbenkäten senast 2026-05-20."]]
            },
            creator="Maria Sjöberg",
        ),
        "survey",
        "collect_comments",
        register=True,
        pd=False,
        note="the web survey kept as the spreadsheet of its questions",
    )
    add(
        "Remiss/Enkätrapport epikondylit.pdf",
        lambda f: make_pdf(
            f,
            [
                "Enkätrapport – webbenkät till rekommendationsgruppen, lateral epikondylit",
                "Svarsfrekvens: 4 av 4.",
                "Fråga 2: 3 ja, 1 delvis. Fritext: arbetsanpassning behöver exempel.",
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous",
    )
    add(
        "Remiss/Remissvar Sveriges Arbetsterapeuter.pdf",
        lambda f: make_pdf(
            f,
            [
                "Remissvar: nytt försäkringsmedicinskt beslutsstöd för lateral epikondylit",
                "Sveriges Arbetsterapeuter lämnar följande synpunkter.",
                "Rekommendationen bör nämna handledsortos och arbetsanpassning tidigt.",
                "Stockholm 2026-05-18",
                "Camilla Ros, förbundsordförande",
            ],
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "Remiss/Synpunkter från FK.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <registrator@forsakringskassan.se>",
            to=[lead],
            subject="Synpunkter – FMB lateral epikondylit",
            body="Hej,\n\nFörsäkringskassan har inga invändningar men föreslår att "
            "deltidssjukskrivning nämns.\n\nMed vänlig hälsning\nFörsäkringskassan",
            sent_at=dt("2026-05-19 13:30"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "Möten/Protokoll RG-möte 2026-06-03.docx",
        lambda f: make_docx(
            f,
            title="Protokoll – möte med rekommendationsgruppen 2026-06-03",
            paragraphs=[
                "Närvarande: Omar Khalil, Petra Lönn, Rolf Axelsson, Maria Sjöberg.",
                "Rolf Axelsson berättade om sin egen sjukskrivning för tennisarmbåge 2019 och "
                "hur arbetsgivaren anpassade hans arbete.",
                "Omar Khalil ville ha kortare sjukskrivning vid kontorsarbete.",
                "Beslut: rekommendationen ändras till 1–3 veckor; arbetsanpassning först.",
            ],
            author="Maria Sjöberg",
        ),
        "meeting_notes",
        "consider_comments",
        register=True,
        pd=True,
        note="a member's own sick leave",
    )
    add(
        "Remiss/Remissammanställning epikondylit.docx",
        lambda f: make_docx(
            f,
            title="Remissammanställning – synpunkter och hantering",
            table=[
                ["Avsändare", "Synpunkt", "Hantering"],
                ["Sveriges Arbetsterapeuter", "Ortos och arbetsanpassning", "Tillagt"],
                ["Försäkringskassan", "Nämn deltid", "Tillagt"],
                ["RG (enkät)", "Exempel på anpassning", "Tillagt"],
            ],
            author="Maria Sjöberg",
        ),
        "comments",
        "revise",
        also=("text_proposal",),
        register=True,
        pd=False,
    )
    add(
        "Beslut/Beslutsstöd epikondylit slutversion.pdf",
        lambda f: make_pdf(
            f,
            [
                "Försäkringsmedicinskt beslutsstöd – lateral epikondylit (M77.1)",
                "Slutversion",
                *text,
            ],
        ),
        "publication",
        "revise",
        register=True,
        pd=False,
    )
    add(
        "Beslut/Tjänsteskrivelse publicering epikondylit.pdf",
        lambda f: make_pdf(
            f,
            [
                "Tjänsteskrivelse",
                "Ärende: publicering av nytt försäkringsmedicinskt beslutsstöd för lateral "
                "epikondylit",
                "Förslag till beslut: avdelningschefen (AC) beslutar att beslutsstödet publiceras.",
                "Beslut: enligt förslaget. 2026-10-06, Anna Lundqvist, avdelningschef",
            ],
        ),
        "approval",
        "approval",
        register=True,
        pd=False,
        note="a municipality's or region's word for the decision memo",
    )
    add(
        "Slutrapport epikondylit.docx",
        lambda f: make_docx(
            f,
            title="Slutrapport – nytt FMB lateral epikondylit",
            headings=["Vad gick bra", "Vad kan förbättras"],
            paragraphs=[
                "Rekryteringen via NPO gick snabbt och enkäten fick hög svarsfrekvens.",
                "Statistiken borde ha beställts tidigare; påminnelser om jävsdeklarationer tog "
                "tid.",
            ],
            author="Maria Sjöberg",
        ),
        "experience_report",
        "evaluate_close",
        register=True,
        pd=False,
        note="'Slutrapport', a region's name for the experience report",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Ulrika Sand
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
        "revise": "complete",
        "knowledge_basis": "missing",
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
            "brief_diagnosis_text": ["partial"],
            "collect_comments": ["partial"],
            "revise": ["partial"],
        },
        "missing_coi_for": ["Ulrika Sand"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def hjartinfarkt(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Hjärtinfarkt uppdatering – nordiskt samarbete")
    add = _adder(p)
    lead = f"Erik Wallin <erik.wallin@{STAFF}>"
    experts = ["Søren Kjærgaard", "Ingrid Solberg"]
    rg = ["Bjørn Ødegård", "Mette Dæhli", "Karl Svensson", "Anna Björk"]
    patient = "Lars Nordgren"
    npo = "NPO Hjärt- och kärlsjukdomar <npo.hjartkarl@regionstockholm.se>"
    text = [
        "Kort om diagnosen: akut hjärtinfarkt (I21) behandlas med PCI eller trombolys. "
        "Hjärtrehabilitering ingår. De flesta kan återgå i arbete inom 1–3 månader.",
        "Rekommendationer: efter okomplicerad infarkt sjukskrivning 2–6 veckor; vid "
        "hjärtsvikt eller tungt fysiskt arbete individuell bedömning.",
    ]
    add(
        "HI-PLAN-01 Projektplan hjärtinfarkt uppdatering.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – uppdatering av FMB akut hjärtinfarkt",
            paragraphs=[
                "Uppdatering enligt instruktion 3.1.3.5 i samarbete med nordiska experter.",
                "Dokument namnges HI-<typ>-<nr>: PLAN, BREV, ERK (erklæring/jäv), AVT, STAT, "
                "REF (referat), NOT (notat), RAP.",
                "Tidplan: rekrytering feb, uppstart mars, remiss maj, föredragning EC sept.",
            ],
            author="Erik Wallin",
        ),
        "project_plan",
        "plan",
        register=False,
        pd=False,
        note="the plan explains the code convention",
    )
    add(
        "HI-BREV-01 Förfrågan sakkunniga NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=[npo],
            subject="Förfrågan om sakkunniga och RG – uppdatering FMB hjärtinfarkt",
            body="Hej,\n\nVi uppdaterar beslutsstödet för akut hjärtinfarkt och söker två "
            "sakkunniga och fyra deltagare till rekommendationsgruppen. Gärna även "
            "nordiska kardiologer med erfarenhet av arbetsåtergång.\n\nHälsningar\nErik Wallin",
            sent_at=dt("2026-01-26 10:00"),
        ),
        "nomination_request",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "HI-BREV-02 SV Förfrågan sakkunniga.eml",
        lambda f: make_eml(
            f,
            sender=npo,
            to=[lead],
            subject="SV: Förfrågan om sakkunniga och RG – uppdatering FMB hjärtinfarkt",
            body="Hej Erik,\n\nVåra förslag:\nSakkunniga: Søren Kjærgaard, overlæge, "
            "Rigshospitalet København; Ingrid Solberg, kardiolog, Sahlgrenska.\n"
            "Rekommendationsgrupp: Bjørn Ødegård (bedriftslege, Oslo), Mette Dæhli "
            "(fysioterapeut, Bergen), Karl Svensson (distriktsläkare), Anna Björk "
            "(arbetsterapeut). Lars Nordgren, Hjärt- och Lungsjukas förbund, som "
            "patientföreträdare.\n\nMvh\nNPO Hjärt- och kärlsjukdomar",
            sent_at=dt("2026-02-09 16:05"),
        ),
        "nomination_request",
        "recruit_project_group",
        also=("correspondence",),
        register=True,
        pd=True,
    )
    add(
        "HI-ERK-01 Kjaergaard S erklaering.pdf",
        lambda f: _scan(f, 1703),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
        note="textless scan, Danish name in ASCII",
    )
    add(
        "HI-ERK-02 Jävsdeklaration Ingrid Solberg.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Ingrid Solberg",
                "sakkunnig, FMB akut hjärtinfarkt",
                "Sahlgrenska universitetssjukhuset",
                "Göteborg 2026-02-20",
            ),
        ),
        "coi_declaration",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "HI-ERK-03 Javsdeklaration Bjorn Odegard.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Bjørn Ødegård",
                "medlem av rekommendationsgruppen",
                "Bedriftshelsetjenesten Oslo",
                "Oslo 2026-02-27",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="ø in the text, ASCII in the name",
    )
    add(
        "HI-ERK-04 VS VS Habilitet Mette Daehli.eml",
        lambda f: make_eml(
            f,
            sender="Anna Björk <anna.bjork@regionvarmland.se>",
            to=[lead],
            subject="VS: VS: Habilitet – Mette Dæhli",
            body="Hej Erik, Mette bad mig skicka vidare detta till dig.\n/Anna\n\n"
            "-----Ursprungligt meddelande-----\nFrån: Mette Dæhli\nSkickat: 2 mars 2026\n"
            "Till: Anna Björk\nÄmne: VS: Habilitet\n\nHei Anna, kan du sende dette videre til "
            "Erik?\n\n-----Opprinnelig melding-----\nFra: Mette Dæhli\nEmne: Habilitet\n\n"
            "Egenerklæring om habilitet\nNavn: Mette Dæhli\nRolle: medlem av "
            "rekommendasjonsgruppen, FMB hjerteinfarkt\nØkonomiske interesser i "
            "legemiddelindustrien: Nei\nVerv eller oppdrag som kan påvirke min habilitet: "
            "Nei\nBergen 1. mars 2026, Mette Dæhli",
            sent_at=dt("2026-03-03 07:55"),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
        note="a Norwegian declaration forwarded twice in the body",
    )
    add(
        "HI-ERK-05 JD Anna Bjork.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Anna Björk",
                "ledamot i rekommendationsgruppen",
                "Region Värmland",
                "Karlstad 2026-02-26",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "HI-ERK-06 JD Lars Nordgren patientforetradare.pdf",
        lambda f: make_pdf(
            f,
            _coi(
                "Lars Nordgren",
                "patientföreträdare i rekommendationsgruppen",
                "Hjärt- och Lungsjukas förbund",
                "Stockholm 2026-03-04",
            ),
        ),
        "coi_declaration",
        "recruit_recommendation_group",
        register=True,
        pd=True,
    )
    add(
        "HI-AVT-01 Aftale om honorar Søren Kjærgaard.pdf",
        lambda f: make_pdf(
            f,
            [
                "Aftale om honorar for ekspertbistand / Avtal om ersättning",
                "Mellem Socialstyrelsen (Sverige) og Søren Kjærgaard (opdragstager).",
                "Opgave: sagkyndig i projektgruppen for opdatering af FMB akut hjerteinfarkt.",
                "Honorar: 1 200 SEK pr. time, højst 40 timer, mod faktura.",
                "København 2026-02-24 Søren Kjærgaard",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
        note="Danish fee agreement",
    )
    add(
        "HI-AVT-02 Avtal om ersättning Ingrid Solberg.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om ersättning för sakkunnig",
                "Mellan Socialstyrelsen (beställaren) och Ingrid Solberg (uppdragstagaren).",
                "Uppdrag: sakkunnig i projektgruppen för uppdatering av FMB akut hjärtinfarkt.",
                "Ersättning: 1 000 kronor per timme, högst 40 timmar.",
                "Göteborg 2026-02-25 Ingrid Solberg",
            ],
        ),
        "agreement",
        "recruit_project_group",
        register=True,
        pd=True,
    )
    add(
        "HI-STAT-01 Beställning Midas.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["Försäkringskassan <statistik@forsakringskassan.se>"],
            subject="Beställning av statistik ur Midas – akut hjärtinfarkt I21",
            body="Hej,\n\nVi beställer antal startade sjukfall, unika fall och sjukfallens "
            "längd (median, medelvärde, 25:e och 75:e percentilen) för I21, 2022–2025, per "
            "kön.\n\nMvh\nErik Wallin",
            sent_at=dt("2026-02-16 09:00"),
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "HI-STAT-02 PAR-uttag I21.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Vårdtillfällen", "Unika patienter"],
                ["I21", 2023, 24810, 21990],
                ["I21", 2024, 24105, 21344],
            ],
            sheet_title="PAR",
            creator="Socialstyrelsen, registerservice",
        ),
        "statistics",
        "statistics",
        register=True,
        pd=False,
    )
    add(
        "HI-REF-01 Referat oppstartsmøte 2026-03-10.docx",
        lambda f: make_docx(
            f,
            title="Referat fra oppstartsmøte 10. mars 2026",
            paragraphs=[
                "Til stede: Søren Kjærgaard, Ingrid Solberg, Erik Wallin.",
                "Søren Kjærgaard fortalte at han selv hadde vært sykmeldt etter et hjerteinfarkt "
                "i 2018.",
                "Ingrid Solberg ønsket at hjerterehabilitering nevnes tidlig.",
                "Beslutning: ICF-malen sendes til ekspertene; tekstforslag innen 20. april.",
            ],
            author="Erik Wallin",
        ),
        "meeting_notes",
        "startup_meeting",
        register=True,
        pd=True,
        note="Norwegian start-up minutes with a member's own health",
    )
    add(
        "HI-NOT-01 Kort om diagnosen reviderad (utkast).docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – akut hjärtinfarkt, reviderad (utkast)",
            paragraphs=[text[0]],
            author="Ingrid Solberg",
        ),
        "text_proposal",
        "brief_diagnosis_text",
        draft=True,
        register=False,
        pd=False,
    )
    add(
        "HI-NOT-02 ICF-baserade textavsnitt – reviderade.docx",
        lambda f: make_docx(
            f,
            title="ICF-baserade textavsnitt – reviderade",
            table=[
                ["ICF", "Kategori", "Reviderad text"],
                ["b455", "Funktioner för fysisk uthållighet", "Nedsatt under första månaden."],
                ["b130", "Energi och driftfunktioner", "Trötthet vanligt efter infarkt."],
                ["d430", "Lyfta och bära föremål", "Undvik tunga lyft i 4 veckor."],
            ],
            author="Søren Kjærgaard",
        ),
        "icf_assessment",
        "icf_sections",
        also=("text_proposal",),
        register=True,
        pd=False,
        note="session 16's leftover title",
    )
    add(
        "HI-NOT-03 Textförslag remiss 2026-05-04.pdf",
        lambda f: make_pdf(
            f,
            ["Textförslag med rekommendationer – akut hjärtinfarkt (till remiss)", *text],
        ),
        "text_proposal",
        "compile_proposals",
        register=True,
        pd=False,
    )
    add(
        "HI-BREV-03 Remiss till FK och NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["registrator@forsakringskassan.se", npo],
            subject="Remiss: uppdaterat FMB akut hjärtinfarkt – synpunkter senast 25 maj",
            body="Hej,\n\nBifogat finns textförslaget med rekommendationer. Vi tar gärna "
            "emot synpunkter senast den 25 maj.\n\nHälsningar\nErik Wallin",
            sent_at=dt("2026-05-04 11:00"),
            attachments=[
                (
                    "HI-NOT-03 Textförslag remiss 2026-05-04.pdf",
                    _pdf_bytes(["Textförslag med rekommendationer – akut hjärtinfarkt", *text]),
                )
            ],
        ),
        "correspondence",
        "collect_comments",
        register=True,
        pd=False,
    )
    add(
        "HI-BREV-04 Høringssvar fra Bjørn Ødegård.eml",
        lambda f: make_eml(
            f,
            sender="Bjørn Ødegård <bjorn.odegard@bht-oslo.no>",
            to=[lead],
            subject="Høringssvar – FMB hjerteinfarkt",
            body="Hei Erik,\n\nMine innspill til tekstforslaget: anbefalingen for tungt "
            "fysisk arbeid bør være 6–8 uker; nevn gradert sykmelding.\n\nVennlig hilsen\n"
            "Bjørn Ødegård, bedriftslege",
            sent_at=dt("2026-05-20 19:12"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=True,
    )
    add(
        "HI-BREV-05 Synpunkter FK.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <registrator@forsakringskassan.se>",
            to=[lead],
            subject="Synpunkter på remiss – FMB akut hjärtinfarkt",
            body="Hej,\n\nFörsäkringskassan föreslår att deltidssjukskrivning vid "
            "återgång nämns.\n\nMed vänlig hälsning\nFörsäkringskassan",
            sent_at=dt("2026-05-22 10:40"),
        ),
        "comments",
        "consider_comments",
        register=True,
        pd=False,
    )
    add(
        "HI-RAP-01 Enkätsvar RG.csv",
        lambda f: _csv(
            f,
            [
                ["Svar-ID", "Inskickat", "Rekommendationen rimlig?", "Kommentar"],
                [1, "2026-05-12 20:01", "Ja", ""],
                [2, "2026-05-13 08:40", "Delvis", "Tunga yrken behöver längre tid"],
                [3, "2026-05-15 12:02", "Ja", "Nämn rehabilitering"],
            ],
        ),
        "survey_response",
        "consider_comments",
        register=True,
        pd=False,
        note="anonymous survey export",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Karl Svensson
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "complete",
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
            "vips": ["needs_confirmation"],
            "records_closure": ["needs_confirmation"],
            "brief_diagnosis_text": ["partial"],
            "collect_comments": ["partial"],  # the survey itself is not in the folder
            "consider_comments": ["needs_confirmation"],  # an update meets the RG only if needed
            "revise": ["partial"],
        },
        "missing_coi_for": ["Karl Svensson"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (frusen_skuldra, epikondylit, hjartinfarkt)
