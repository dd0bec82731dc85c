"""Label conventions decided in session 18, applied to the holdout labels written before them.

The holdout sets were labelled by hand, session by session; on two questions their labels
disagreed with each other (and with docs/samples.md). Session 18 decided both from the work
instruction and DOMAIN.md (docs/rules.md, "Label conventions"); the labels of the earlier
sets are brought in line here, by path, so every set is scored on the same definitions. Each
corrected label's note says so; nothing else of a label changes.

- A person's address in an e-mail's headers is personal data, a staff member's work address
  too (GDPR art. 4(1); docs/samples.md: "an e-mail address ... of a person (in an e-mail's
  headers too; functional mailboxes alone do not count)"). Sessions 11-17 labelled 34 mails
  (2 of them printed to PDF) whose only personal data is such an address `false` (session 13
  labelled three alike `true`).
- An update's revised ICF-based text sections ("ICF-avsnitt reviderade", "F och A
  reviderat") are the decision support's texts, a `text_proposal`; `icf_assessment` is the
  ICF categories template for the experts' assessment (instruction 3.1.3.5, "Påbörja arbetet
  med ICF-baserade textavsnitt": for an update the expert "se över de befintliga texterna";
  for a new support the categories go to the expert in "Mall_ICF-kategorier för bedömning av
  sakkunnig"). Sessions 3, 6, 10 and the tuned set labelled such files `text_proposal`,
  sessions 11-17 `icf_assessment`; the other class stays acceptable (`also`).
"""

from __future__ import annotations

from typing import Any

STAFF_ADDRESS_IS_PERSONAL_DATA = frozenset(
    {
        "FMB Endometrios/Delade dokument/Utskick/"
        "Webbenkät till rekommendationsgruppen endometrios.eml",
        "FMB Endometrios/Delade dokument/Utskick/"
        "Förslag FMB endometrios för synpunkter – FK och NPO.eml",
        "FMB Endometrios/Delade dokument/Statistik/Beställning av statistik ur Midas N80.eml",
        "Tinnitus uppdatering 2026/2026-02-03_PL.eml",
        "Tinnitus uppdatering 2026/2026-04-20_PL.eml",
        "Tinnitus uppdatering 2026/2026-04-21_PL.eml",
        "Post-COVID condition FMB (contractor NordMed)/01 Project management/"
        "Weekly status report to the Agency - week 15 - NordMed.eml",
        "Post-COVID condition FMB (contractor NordMed)/03 Statistics/"
        "Request for sick-leave statistics from Midas - U09.9.eml",
        "Psoriasisartrit nytt FMB (zip-export)/Psoriasisartrit nytt FMB/02_Rekrytering/"
        "2.1 Förfrågan NPO/Förfrågan om sakkunniga - NPO Reumatologi.msg",
        "Psoriasisartrit nytt FMB (zip-export)/Psoriasisartrit nytt FMB/03_Statistik/"
        "3.1 Beställning Midas.eml",
        "Psoriasisartrit nytt FMB (zip-export)/Psoriasisartrit nytt FMB/05_Möten/"
        "5.1 Uppstartsmöte (inbjudan).eml",
        "Psoriasisartrit nytt FMB (zip-export)/Psoriasisartrit nytt FMB/06_Remiss/"
        "6.3 Synpunkter från FK.msg",
        "MS uppdatering 2026/Rekrytering/Förfrågan NPO Nervsystemets sjukdomar.eml",
        "MS uppdatering 2026/Remiss/Synpunkter NPO Nervsystemets sjukdomar.eml",
        "MS uppdatering 2026/Statistik/Beställning statistik FK.msg",
        "ADHD vuxna - nytt FMB/Rekrytering/RG/Möte rekommendationsgruppen 20 maj.eml",
        "ADHD vuxna - nytt FMB/Remiss/Utskick till FK och NPO.msg",
        "ADHD vuxna - nytt FMB/Remiss/RE_ Synpunkter ADHD från Attention.eml",
        "ADHD vuxna - nytt FMB/Administration/Lokalbokning RG-möte.eml",
        "ADHD vuxna - nytt FMB/Statistik/Fwd_ Statistikleverans ADHD F90.eml",
        "MENIÈRES SJUKDOM - UPPDATERING/02 UPPRÄTTAT/260512_REMISS_FK_NPO.EML",
        "MENIÈRES SJUKDOM - UPPDATERING/01 INKOMMET/260526_SYNPUNKTER_NPO.EML",
        "Axial spondylartrit – nordisk arbetsgrupp/Synpunkter FK axSpA.eml",
        "Paniksyndrom nytt FMB 2026/Comments from FK 2026-06-01.eml",
        "frusen_skuldra_uppdatering_2026/03_statistik/bestallning_midas.eml",
        "frusen_skuldra_uppdatering_2026/06_remiss/synpunkter_fk.eml",
        "frusen_skuldra_uppdatering_2026/06_remiss/utskick_enkat_rg.eml",
        "Epikondylit nytt FMB/Remiss/Synpunkter från FK.eml",
        "Epikondylit nytt FMB/Statistik/Beställning statistik Midas epikondylit.eml",
        "Hjärtinfarkt uppdatering – nordiskt samarbete/HI-BREV-03 Remiss till FK och NPO.eml",
        "Hjärtinfarkt uppdatering – nordiskt samarbete/HI-BREV-05 Synpunkter FK.eml",
        "Hjärtinfarkt uppdatering – nordiskt samarbete/HI-STAT-01 Beställning Midas.eml",
        # mails printed to PDF from Outlook: their header lines are the mail's headers
        "Reumatoid artrit uppdatering 2026/2026/03/02/2.4-10233-2026-8.pdf",
        "Hypermobility spectrum disorder (HSD) – new FMB, English/"
        "Data request – Försäkringskassan.pdf",
    }
)

REVISED_ICF_TEXTS = frozenset(
    {
        "Tinnitus uppdatering 2026/2026-04-07_MS.docx",
        "MS uppdatering 2026/Texter/ICF MS uppdaterade avsnitt.docx",
        "Hjärtsvikt FMB revision 2026/Texts/"
        "Reviderade ICF-avsnitt hjärtsvikt (spårade ändringar).docx",
        "KOL uppdatering 2026/TEXT/KOL_ICF_reviderad.docx",
        "Reumatoid artrit uppdatering 2026/2026/04/20/ICF-avsnitt RA reviderade.docx",
        "MENIÈRES SJUKDOM - UPPDATERING/02 UPPRÄTTAT/ICF_MENIERE_REVIDERADE AVSNITT.DOCX",
        "frusen_skuldra_uppdatering_2026/04_texter/ICF_avsnitt_reviderade.docx",
        "Hjärtinfarkt uppdatering – nordiskt samarbete/"
        "HI-NOT-02 ICF-baserade textavsnitt – reviderade.docx",
    }
)


def _noted(label: dict[str, Any], what: str) -> str:
    note = label.get("note") or ""
    return f"{note}; {what}" if note else what


def apply(files: list[dict[str, Any]]) -> None:
    """Brings the labels in `files` (labels.json's) in line with the conventions, in place."""
    found: set[str] = set()
    for label in files:
        path = label["path"]
        if path in STAFF_ADDRESS_IS_PERSONAL_DATA:
            found.add(path)
            label["personal_data"] = True
            label["note"] = _noted(label, "personal_data: a person's address in the headers (s18)")
        if path in REVISED_ICF_TEXTS:
            found.add(path)
            label["class"], label["also"] = "text_proposal", ["icf_assessment"]
            label["note"] = _noted(label, "revised ICF texts are a text_proposal (s18)")
    missing = (STAFF_ADDRESS_IS_PERSONAL_DATA | REVISED_ICF_TEXTS) - found
    if missing:  # a set renamed a file: the convention must follow it
        raise SystemExit(f"label conventions name files no set holds: {sorted(missing)}")
