"""Write the independent holdout: eight FMB project folders and their labels.

Usage: python bench/holdout/build.py OUTDIR

Written by hand, without looking at the sample generator (recordkeeper/samples/*
apart from the file builders), in the habits of a real agency's shared folders:
initials and "signerad" in file names, textless scans called
`Skanning_<date>_<time>.pdf`, "Re_ "/"SV_" mail file names, forms whose answers
sit in tables, a declaration as a filled PDF form (values only in form fields),
tracked changes and comments, "Slutversion"/"FINAL"/"ver 1.0", minutes that
name the recommendation group only in the body, English mails from the NPO,
flat folders and deep numbered folders, typos and abbreviations.

Projects:
- `Fibromyalgi FMB 2025` — new support, finished (flat folder).
- `KTS uppdatering` — update of carpal tunnel syndrome, approved by EC, not
  yet evaluated (deep numbered folders).
- `Ländryggssmärta nytt FMB` — new support stopped while the survey is out,
  with planted gaps: an expert with an agreement and no declaration, an RG
  member with no declaration, no statistics at all.

Session 3 adds two more (`session3.py`, `set: session3`): `Migrän uppdatering
2026` and `Whiplash nytt FMB`. Session 4 adds two more (`session4.py`,
`set: session4`): `Depression FMB update` and `HÖFTARTROS NYTT FMB`. Session 5 adds
three (`session5.py`, `set: session5`) in another agency's habits; session 6 three more
(`session6.py`, `set: session6`); session 7 three more (`session7.py`, `set: session7`);
session 10 three more (`session10.py`, `set: session10`);
session 11 three more (`session11.py`, `set: session11`);
session 12 three more (`session12.py`, `set: session12`);
session 13 three more (`session13.py`, `set: session13`);
session 14 three more (`session14.py`, `set: session14`);
session 15 three more (`session15.py`, `set: session15`); session 16 three more (`session16.py`,
`set: session16`); session 17 three more (`session17.py`, `set: session17`); session 18 three
more (`session18.py`, `set: session18`).

Writes OUTDIR/share/<project>/... and OUTDIR/labels.json:
files: path (under share), project, class, also (other classes a careful
person could accept), draft, must_register, note; projects: folder, variant,
expected_steps, also_acceptable, missing_coi_for, people.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parent))  # run as a script: session3 beside it
import conventions
import session3
import session4
import session5
import session6
import session7
import session10
import session11
import session12
import session13
import session14
import session15
import session16
import session17
import session18

STAFF = "socialstyrelsen.se"


def dt(text: str) -> datetime:
    """'2025-03-12 09:31' -> aware datetime."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


class Project:
    """Collects the files of one project folder with their labels."""

    def __init__(self, share: Path, folder: str) -> None:
        self.root = share / folder
        self.folder = folder
        self.files: list[dict[str, Any]] = []

    def add(
        self,
        rel: str,
        build: Callable[[Path], Path],
        cls: str,
        *,
        draft: bool = False,
        register: bool,
        also: tuple[str, ...] = (),
        note: str = "",
    ) -> None:
        build(self.root / rel)
        self.files.append(
            {
                "path": f"{self.folder}/{rel}",
                "project": self.folder,
                "class": cls,
                "also": list(also),
                "draft": draft,
                "must_register": register,
                "note": note,
            }
        )


# ---------------------------------------------------------------- project 1


def fibromyalgi(share: Path) -> tuple[Project, dict[str, Any]]:
    p = Project(share, "Fibromyalgi FMB 2025")
    lw = f"Lena Wikström <lena.wikstrom@{STAFF}>"
    experts = ["Lars Berg", "Maria Åkesson"]
    rg = ["Eva Lindqvist", "Johan Nyström", "Fatima Haddad", "Per-Olof Sandberg"]
    patient = "Gunilla Ek"

    p.add(
        "Projektplan Fibromyalgi ver 1.0.docx",
        lambda f: make_docx(
            f,
            title="Projektplan – FMB fibromyalgi",
            headings=["Bakgrund", "Syfte och mål", "Projektorganisation", "Tidplan", "Risker"],
            paragraphs=[
                "Socialstyrelsen har fått i uppdrag att ta fram ett nytt försäkringsmedicinskt "
                "beslutsstöd för fibromyalgi (M79.7). "
                "Det finns idag inget beslutsstöd för diagnosen.",
                "Målet är att publicera beslutsstödet under hösten 2025.",
                "Projektledare: Lena Wikström. Sakkunniga i projektgruppen rekryteras via NPO "
                "Rörelseorganens sjukdomar (minst två, sjukskrivningen är ofta omdiskuterad).",
                "Rekommendationsgruppen rekryteras samtidigt. Möte med RG planeras till juni.",
                "Risker: svårt att hitta sakkunniga med tid under våren.",
                "ver 1.0 2025-01-20",
            ],
            author="Lena Wikström",
            created=dt("2025-01-20 10:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Tidplan FMB fibro.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Ansvarig", "Start", "Klart", "Kommentar"],
                ["Förfrågan NPO sakkunniga + RG", "LW", "2025-01-27", "2025-02-14", ""],
                ["Jäv + avtal", "LW", "2025-02-17", "2025-03-07", ""],
                ["Beställa statistik FK", "LW", "2025-02-03", "2025-03-15", "Midas"],
                ["Uppstartsmöte", "LW/sakk", "2025-03-20", "2025-03-20", "Teams"],
                ["Textförslag in från sakk.", "LB, MÅ", "2025-03-21", "2025-04-30", ""],
                ["Webbenkät RG", "LW", "2025-05-12", "2025-05-26", "2 v svarstid"],
                ["RG-möte", "alla", "2025-06-04", "2025-06-04", ""],
                ["Föredragning AC", "LW", "2025-09-10", "2025-09-10", ""],
            ],
            sheet_title="Plan",
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Förfrågan till NPO om sakkunniga och RG.eml",
        lambda f: make_eml(
            f,
            sender=lw,
            to=["npo.rorelseorganen@rjl.se"],
            subject="Förfrågan om sakkunniga och deltagare till rekommendationsgrupp – FMB fibro",
            body=(
                "Hej!\n\nSocialstyrelsen ska ta fram ett nytt försäkringsmedicinskt "
                "beslutsstöd för fibromyalgi. Vi söker två sakkunniga till projektgruppen "
                "(läkare med erfarenhet av "
                "sjukskrivning vid långvarig smärta) samt deltagare till rekommendationsgruppen.\n"
                "Har ni förslag på lämpliga personer? Svara gärna senast 14 februari.\n\n"
                "Med vänlig hälsning\nLena Wikström\nProjektledare, Socialstyrelsen"
            ),
            sent_at=dt("2025-01-27 08:45"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "SV_ Förfrågan om sakkunniga FMB fibromyalgi.eml",
        lambda f: make_eml(
            f,
            sender="Kerstin Dahl <kerstin.dahl@rjl.se>",
            to=[lw],
            subject="SV: Förfrågan om sakkunniga och deltagare till RG – FMB fibromyalgi",
            body=(
                "Hej Lena,\n\nNPO föreslår följande:\n"
                "Sakkunniga: Lars Berg, överläkare reumatologi, Region Jönköpings län; "
                "Maria Åkesson, spec. allmänmedicin, Region Kronoberg.\n"
                "Rekommendationsgrupp: Eva Lindqvist (distriktsläkare), Johan Nyström "
                "(fysioterapeut), Fatima Haddad (reumatolog), Per-Olof Sandberg (arbetsterapeut).\n"
                "Gunilla Ek från Reumatikerförbundet kan vara patientrepresentant.\n\n"
                "Mvh Kerstin\nSamordnare NPO rörelseorganens sjukdomar"
            ),
            sent_at=dt("2025-02-12 14:02"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="inbound nominations",
    )
    p.add(
        "JD_LB_signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "Socialstyrelsen",
                "Deklaration av jäv och intressen för externa experter",
                "Namn: Lars Berg",
                "Uppdrag: Sakkunnig, FMB fibromyalgi",
                "1. Anställningar och uppdrag de senaste tre åren: Region Jönköpings län",
                "2. Ekonomiska intressen i läkemedelsföretag: Nej",
                "3. Forskningsfinansiering från industrin: Nej",
                "4. Andra omständigheter som kan påverka förtroendet för min opartiskhet: Nej",
                "Jag intygar att uppgifterna är riktiga.",
                "Ort och datum: Jönköping 2025-02-20",
                "Underskrift: Lars Berg (elektroniskt signerad)",
            ],
            title="JD_LB",
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Skanning_20250224_1512.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "coi_declaration",
        register=True,
        note="Maria Åkesson's signed declaration, scanned, no text",
    )
    for name, date in (("Lars Berg", "2025-02-21"), ("Maria Åkesson", "2025-02-26")):
        p.add(
            f"Avtal Sakkunnig - {name} (underskrivet).pdf",
            lambda f, name=name, date=date: make_pdf(
                f,
                [
                    "AVTAL",
                    "mellan Socialstyrelsen (beställare) och",
                    f"{name} (uppdragstagare)",
                    "Uppdraget: medverka som sakkunnig i framtagandet av försäkringsmedicinskt "
                    "beslutsstöd för fibromyalgi.",
                    "Ersättning: 1 100 kr/tim, högst 40 timmar. Fakturering sker månadsvis.",
                    "Avtalsperiod: 2025-03-01 – 2025-10-31.",
                    "Avtalet har upprättats i två exemplar varav parterna tagit var sitt.",
                    f"Stockholm {date}",
                    "Lena Wikström, Socialstyrelsen",
                    f"{name}",
                ],
            ),
            "agreement",
            register=True,
        )
    p.add(
        "Deltagare RG fibro.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Namn", "Profession", "Region/org", "Nominerad av", "JD inkommen"],
                ["Eva Lindqvist", "Distriktsläkare", "Region Skåne", "NPO", "ja"],
                ["Johan Nyström", "Fysioterapeut", "Region Uppsala", "NPO", "ja"],
                ["Fatima Haddad", "Reumatolog", "VGR", "NPO", "ja"],
                ["Per-Olof Sandberg", "Arbetsterapeut", "Region Norrbotten", "NPO", "ja"],
                ["Gunilla Ek", "Patientrepresentant", "Reumatikerförbundet", "förbundet", "ja"],
            ],
            sheet_title="Rekommendationsgrupp",
        ),
        "nomination_request",
        also=("other", "project_plan"),
        register=False,
        note="internal list of RG members",
    )
    p.add(
        "jävsdeklaration eva lindqvist.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            paragraphs=["Fylls i av den som anlitas som expert av Socialstyrelsen."],
            table=[
                ["Namn", "Eva Lindqvist"],
                ["Uppdrag", "Ledamot i rekommendationsgruppen, FMB fibromyalgi"],
                ["Anställning", "Vårdcentralen Höör, Region Skåne"],
                ["Uppdrag för läkemedelsföretag", "Nej"],
                ["Aktieinnehav i berörda företag", "Nej"],
                ["Övrigt som kan innebära jäv", "-"],
                ["Datum och underskrift", "2025-03-03 Eva Lindqvist"],
            ],
            author="Eva Lindqvist",
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Jäv_JN.pdf",
        lambda f: make_pdf(
            f,
            [
                "Deklaration om jäv",
                "Johan Nyström, leg. fysioterapeut",
                "Jag har inga bindningar eller ekonomiska intressen som kan påverka min "
                "opartiskhet i arbetet med FMB fibromyalgi.",
                "Uppsala 4/3 2025",
                "Johan Nyström",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Declaration of interests - F Haddad.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests",
                "Name: Fatima Haddad",
                "Role: member of the recommendation group, FMB fibromyalgia",
                "Employment: Sahlgrenska University Hospital",
                "Financial interests in pharmaceutical companies: none",
                "Lectures paid by industry during the last three years: one (2023, Pfizer)",
                "Signed: Fatima Haddad, Gothenburg, 5 March 2025",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "POS jävsdekl 2025.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "JÄVSDEKLARATION",
                "Namn: Per-Olof Sandberg",
                "Arbetsgivare: Region Norrbotten",
                "Har du uppdrag eller anställning hos företag med intresse i frågan? Nej",
                "Har du framfört offentliga ståndpunkter i frågan? Nej",
                "Luleå 2025-03-06",
                "Per-Olof Sandberg",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Gunilla Ek_JD.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration – patientrepresentant",
                "Namn: Gunilla Ek",
                "Organisation: Reumatikerförbundet",
                "Inga jävsförhållanden att redovisa.",
                "Datum: 2025-03-10   Namnteckning: Gunilla Ek",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Statistikbeställning FK fibromyalgi.eml",
        lambda f: make_eml(
            f,
            sender=lw,
            to=["statistik@forsakringskassan.se"],
            subject="Beställning av statistik ur Midas – fibromyalgi M79.7",
            body=(
                "Hej,\n\nInför arbetet med ett nytt försäkringsmedicinskt beslutsstöd för "
                "fibromyalgi vill vi beställa uppgifter ur Midas: antal startade sjukfall, antal "
                "unika fall, median, medelvärde samt 25:e och 75:e percentilen för sjukfallens "
                "längd, uppdelat på kön och totalt, för 2023 och 2024.\n\nTack på förhand!\n"
                "Lena Wikström, Socialstyrelsen"
            ),
            sent_at=dt("2025-02-03 09:10"),
        ),
        "statistics",
        also=("correspondence",),
        register=True,
    )
    stats = [
        ["Diagnos", "År", "Kön", "Antal startade sjukfall", "Median (dagar)", "P25", "P75"],
        ["M79.7", "2023", "Kvinnor", 4120, 98, 35, 240],
        ["M79.7", "2023", "Män", 610, 74, 28, 190],
        ["M79.7", "2024", "Kvinnor", 4388, 101, 36, 251],
        ["M79.7", "2024", "Män", 655, 77, 30, 199],
    ]
    p.add(
        "Sjukfall_M797_2023-2024.xlsx",
        lambda f: make_xlsx(f, stats, sheet_title="Midas"),
        "statistics",
        register=True,
    )
    p.add(
        "RE_ Beställning av statistik ur Midas.eml",
        lambda f: make_eml(
            f,
            sender="Statistikenheten FK <statistik@forsakringskassan.se>",
            to=[lw],
            subject="RE: Beställning av statistik ur Midas – fibromyalgi M79.7",
            body="Hej Lena,\nHär kommer beställd statistik, se bifogad fil.\nMvh\nAnalys",
            sent_at=dt("2025-03-12 13:30"),
            attachments=[("Sjukfall_M797_2023-2024.xlsx", b"PK\x03\x04stub")],
        ),
        "statistics",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "PAR uttag M79.7.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Uttag ur patientregistret (PAR), huvuddiagnos M79.7"],
                ["År", "Öppenvård, unika patienter", "Slutenvård, vårdtillfällen"],
                [2022, 10112, 233],
                [2023, 10678, 241],
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Dokument1.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Kort om diagnosen",
                "Symtom: långvarig generaliserad smärta, trötthet, sömnstörning, "
                "kognitiva besvär (”fibrodimma”).",
                "Behandling: fysisk aktivitet, KBT, ev läkemedel mot sömn. [ref?]",
                "Prognos: XXX",
            ],
            author="Lena Wikström",
        ),
        "text_proposal",
        draft=True,
        register=False,
        note="first draft, uninformative name",
    )
    p.add(
        "Kort om diagnosen_LW_kommentarer.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – fibromyalgi",
            headings=["Symtom", "Behandling", "Prognos"],
            paragraphs=[
                "Fibromyalgi kännetecknas av långvarig utbredd smärta och ökad smärtkänslighet.",
                "Behandlingen bygger på fysisk aktivitet och psykologisk behandling.",
                "Prognosen varierar; många har kvarstående besvär men kan arbeta.",
            ],
            comment="LB: kan vi skriva något om sömn här?",
            author="Lena Wikström",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "ICF kärnset fibro - för bedömning.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för bedömning av sakkunnig – fibromyalgi",
            paragraphs=[
                "Kategorierna nedan kommer från ICF Core Set för kronisk utbredd smärta. "
                "Markera om kategorin är central eller kompletterande för diagnosen.",
            ],
            table=[
                ["Kod", "Kategori", "Central", "Kompletterande"],
                ["b130", "Energi och driftfunktioner", "", ""],
                ["b134", "Sömnfunktioner", "", ""],
                ["b280", "Smärtförnimmelse", "", ""],
                ["d230", "Att genomföra daglig rutin", "", ""],
                ["d850", "Avlönad sysselsättning", "", ""],
            ],
            template="Mall_ICF kategorier for expertbedomning.dotx",
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "Uppstart 2025-03-20.pptx",
        lambda f: make_pptx(
            f,
            [
                ("FMB fibromyalgi – uppstartsmöte", "20 mars 2025"),
                ("Vad är FMB?", "Rekommendationer om sjukskrivning till läkare och FK"),
                ("Arbetsgång", "Textförslag – enkät RG – möte – slutversion – beslut AC"),
                ("Tidplan", "Textförslag in senast 30/4"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "Anteckningar uppstart sakkunniga.docx",
        lambda f: make_docx(
            f,
            title="Anteckningar uppstartsmöte 20/3",
            paragraphs=[
                "Närvarande: Lars Berg, Maria Åkesson, Lena Wikström",
                "LW gick igenom arbetsgången och tidplanen.",
                "LB tar fram förslag på rekommendationer, MÅ skriver om funktionsnedsättningar.",
                "Mallar skickas ut efter mötet.",
            ],
        ),
        "meeting_notes",
        register=False,
    )
    p.add(
        "Mallar till sakkunniga.eml",
        lambda f: make_eml(
            f,
            sender=lw,
            to=["lars.berg@rjl.se", "maria.akesson@kronoberg.se"],
            subject="Mallar efter uppstartsmötet",
            body=(
                "Hej båda,\ntack för idag! Här kommer Mall_textförslag och Mall_ICF-kategorier "
                "för bedömning. Återkom gärna senast 30/4.\n/Lena"
            ),
            sent_at=dt("2025-03-20 15:40"),
            attachments=[
                ("Mall_textförslag.docx", b"PK\x03\x04"),
                ("Mall_ICF.docx", b"PK\x03\x04"),
            ],
        ),
        "correspondence",
        register=False,
        note="blank templates sent",
    )
    p.add(
        "Textförslag fibromyalgi v3 spårade ändringar.docx",
        lambda f: make_docx(
            f,
            title="Fibromyalgi – textförslag",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "Överväg sjukskrivning på deltid vid försämringsperiod, 2–4 veckor.",
                "Sjukskrivning på heltid bör undvikas.",
            ],
            tracked_changes=[("del", "4–8 veckor"), ("ins", "2–4 veckor")],
            author="Lars Berg",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Textförslag och rekommendationer fibromyalgi_till RG.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – fibromyalgi",
            headings=[
                "Kort om diagnosen",
                "Funktionsnedsättning",
                "Aktivitetsbegränsning",
                "Rekommendationer",
            ],
            paragraphs=[
                "Textförslag och preliminära rekommendationer, version som skickas till "
                "rekommendationsgruppen 2025-05-12.",
                "Symtom: långvarig utbredd smärta. Prognos: varierande.",
                "Överväg sjukskrivning på deltid i upp till 4 veckor vid tydlig försämring.",
            ],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "Enkät RG fibromyalgi - missiv.docx",
        lambda f: make_docx(
            f,
            title="Till dig i rekommendationsgruppen för FMB fibromyalgi",
            paragraphs=[
                "Socialstyrelsen tar fram ett nytt beslutsstöd för fibromyalgi. Vi vill gärna "
                "ha dina synpunkter på textförslagen och rekommendationerna.",
                "Länken till enkäten finns nedan. Svara senast 26 maj.",
                "Frågorna gäller om du instämmer i rekommendationerna och om något saknas.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Sammanställning enkät.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Respondent", "Inskickad", "Instämmer i rek 1", "Kommentar"],
                ["Eva Lindqvist", "2025-05-14", "Ja", "Bra, tydligt"],
                ["Johan Nyström", "2025-05-19", "Delvis", "Lägg till fysisk aktivitet"],
                ["Fatima Haddad", "2025-05-20", "Ja", ""],
                ["Gunilla Ek", "2025-05-25", "Nej", "4 veckor är för kort"],
            ],
            sheet_title="Svar",
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "Re_ synpunkter utkast v3.eml",
        lambda f: make_eml(
            f,
            sender="Anders Kvist <anders.kvist@forsakringskassan.se>",
            to=[lw],
            subject="Re: synpunkter utkast v3",
            body=(
                "Hej Lena!\nFK har gått igenom utkastet. Vi saknar en rekommendation för "
                "arbetsträning och tycker att avsnittet om prognos bör förtydligas.\n"
                "Hälsningar\nAnders Kvist, försäkringsmedicinsk rådgivare"
            ),
            sent_at=dt("2025-05-22 11:05"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "Comments on draft FMB fibromyalgia.eml",
        lambda f: make_eml(
            f,
            sender="Jens Holm Nielsen <jens.nielsen@regionstockholm.se>",
            to=[lw],
            subject="Comments on the draft decision support – fibromyalgia",
            body=(
                "Dear Lena,\n\nOn behalf of NPO Rehabilitation, habilitation and insurance "
                "medicine, please find our comments below. We agree with the recommendations "
                "in general, but suggest adding graded return to work.\n\nBest regards,\nJens"
            ),
            sent_at=dt("2025-05-23 16:20"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "protokoll rg-möte 2025-06-04.docx",
        lambda f: make_docx(
            f,
            title="Protokoll möte med rekommendationsgruppen",
            paragraphs=[
                "Datum: 2025-06-04, Teams",
                "Närvarande: Eva Lindqvist, Johan Nyström, Fatima Haddad, Per-Olof Sandberg, "
                "Gunilla Ek, Lars Berg, Lena Wikström",
                "§ 1 Enkätsvaren gicks igenom.",
                "§ 2 Rekommendationen om deltid diskuterades. Beslutades att ändra till "
                "upp till 6 veckor.",
                "§ 3 Nästa steg: LW reviderar texten.",
            ],
        ),
        "meeting_notes",
        register=True,
    )
    p.add(
        "Hantering av synpunkter fibro.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Synpunkt", "Från", "Hur den omhändertagits"],
                ["Rekommendation om arbetsträning saknas", "FK", "Tillagd"],
                ["Graded return to work", "NPO", "Tillagd under rekommendationer"],
                ["4 veckor för kort", "RG", "Ändrat till 6 veckor efter RG-möte"],
            ],
        ),
        "comments",
        also=("text_proposal", "meeting_notes"),
        register=True,
        note="record of how comments were handled",
    )
    p.add(
        "FMB Fibromyalgi SLUTVERSION.docx",
        lambda f: make_docx(
            f,
            title="Fibromyalgi",
            headings=[
                "Kort om diagnosen",
                "Funktionsnedsättning",
                "Aktivitetsbegränsning",
                "Rekommendationer om sjukskrivning",
            ],
            paragraphs=[
                "Fibromyalgi (M79.7) kännetecknas av långvarig utbredd smärta.",
                "Överväg sjukskrivning på deltid i upp till 6 veckor vid försämringsperiod.",
            ],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "Kunskapsunderlag med metodbeskrivning_fibromyalgi_FINAL.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – fibromyalgi",
            headings=["Metod", "Statistik", "Referenser"],
            paragraphs=[
                "Underlaget bygger på sakkunnigas bedömning och nationella riktlinjer.",
                "Statistik från Försäkringskassan (Midas) och patientregistret redovisas nedan.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "Föredragning AC fibromyalgi.docx",
        lambda f: make_docx(
            f,
            title="Föredragning – publicering av FMB fibromyalgi",
            paragraphs=[
                "Avdelningschefen beslutar att det nya försäkringsmedicinska beslutsstödet för "
                "fibromyalgi publiceras.",
                "Föredragande: Lena Wikström. Beslutande: Björn Strand, avdelningschef.",
                "Stockholm 2025-09-10",
            ],
        ),
        "approval",
        register=True,
    )
    p.add(
        "Återkoppling till RG.eml",
        lambda f: make_eml(
            f,
            sender=lw,
            to=["eva.lindqvist@skane.se", "gunilla.ek@reumatikerforbundet.org"],
            subject="Återkoppling – FMB fibromyalgi publicerat",
            body=(
                "Hej alla i rekommendationsgruppen,\ntack för era synpunkter! Beslutsstödet är "
                "nu beslutat och publiceras 1 oktober. Så här tog vi hand om era synpunkter: se "
                "bifogad sammanställning.\nHälsningar Lena"
            ),
            sent_at=dt("2025-09-15 10:00"),
            attachments=[("Hantering av synpunkter fibro.xlsx", b"PK\x03\x04")],
        ),
        "correspondence",
        register=True,
    )
    p.add(
        "Erfarenhetsrapport FMB fibromyalgi.docx",
        lambda f: make_docx(
            f,
            title="Erfarenhetsrapport",
            paragraphs=[
                "Projekt: FMB fibromyalgi. Projektledare: Lena Wikström.",
                "Vad gick bra: rekryteringen via NPO gick snabbt.",
                "Vad kan förbättras: statistiken från FK dröjde.",
            ],
        ),
        "experience_report",
        register=True,
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
        "variant": "new",
        "expected_steps": steps,
        "also_acceptable": {"records_closure": ["missing"]},
        "missing_coi_for": [],
        "people": [{"name": n, "roles": ["expert"]} for n in experts]
        + [{"name": n, "roles": ["rg_member"]} for n in rg]
        + [{"name": patient, "roles": ["patient_representative", "rg_member"]}],
    }
    return p, meta


# ---------------------------------------------------------------- project 2


def kts(share: Path) -> tuple[Project, dict[str, Any]]:
    p = Project(share, "KTS uppdatering")
    hb = f"Helena Borg <helena.borg@{STAFF}>"
    experts = ["Karin Ek", "Anders Holm"]
    rg = ["Mikael Lund", "Sara Johansson", "Ali Rezaei", "Birgitta Ståhl"]
    patient = "Ingrid Nilsson"

    p.add(
        "01 Planering/01.1 Projektplan/Projektplan KTS.docx",
        lambda f: make_docx(
            f,
            title="Projektplan",
            paragraphs=[
                "Uppdatering av försäkringsmedicinskt beslutsstöd: Karpaltunnelsyndrom (G56.0)",
                "Beslutsstödet publicerades 2017 och ska ses över. Befintliga texter revideras; "
                "möte med rekommendationsgruppen hålls vid behov.",
                "Projektledare Helena Borg. Godkännande: enhetschef (EC).",
                "Sjukskrivningen vid diagnosen är rutinmässig men två sakkunniga rekryteras "
                "(handkirurgi och arbetsterapi).",
            ],
            table=[
                ["Milstolpe", "Datum"],
                ["Projektgrupp klar", "v. 10"],
                ["Enkät till RG", "v. 17"],
                ["EC-föredragning", "v. 36"],
            ],
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "01 Planering/01.2 Tidplan/T&A-plan KTS 2025.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Vecka", "Aktivitet", "Vem"],
                ["6", "Förfrågan NPO", "HB"],
                ["8", "Statistik FK", "HB"],
                ["11", "Uppstart", "HB, KE, AH"],
                ["17-19", "Webbenkät", "HB"],
                ["20", "Ev. möte RG", "alla"],
                ["36", "EC", "HB"],
            ],
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "02 Projektgrupp/02.1 Förfrågan/Nominering sakkunnig KTS.eml",
        lambda f: make_eml(
            f,
            sender=hb,
            to=["npo.rorelseorganen@rjl.se", "npo.nervsystemet@regionorebrolan.se"],
            subject="Förfrågan: sakkunniga till uppdatering av FMB karpaltunnelsyndrom",
            body=(
                "Hej,\nvi ska uppdatera beslutsstödet för karpaltunnelsyndrom och behöver en "
                "handkirurg och en arbetsterapeut till projektgruppen, ca 30 h under våren. "
                "Vi vill också ha förslag på deltagare till rekommendationsgruppen.\n"
                "Mvh Helena Borg, Socialstyrelsen"
            ),
            sent_at=dt("2025-02-04 10:12"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "02 Projektgrupp/02.2 Jäv och avtal/JD_KE_signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "DEKLARATION AV JÄV OCH INTRESSEN",
                "Namn: Karin Ek      Befattning: överläkare handkirurgi",
                "Har du under de senaste tre åren haft uppdrag för företag som kan ha intresse "
                "i ärendet? Nej",
                "Har du ekonomiska intressen (aktier, andelar) i sådana företag? Nej",
                "Finns det andra omständigheter som kan rubba förtroendet för din opartiskhet? Nej",
                "Linköping 2025-03-03    Karin Ek",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "02 Projektgrupp/02.2 Jäv och avtal/JD_AH_signerad.pdf",
        lambda f: make_pdf(
            f,
            [
                "DEKLARATION AV JÄV OCH INTRESSEN",
                "Namn: Anders Holm      Befattning: arbetsterapeut",
                "Uppdrag för företag: Nej. Ekonomiska intressen: Nej.",
                "Göteborg 2025-03-04    Anders Holm",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "02 Projektgrupp/02.2 Jäv och avtal/Avtal om ersättning_Karin Ek.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om ersättning för sakkunnig",
                "Parter: Socialstyrelsen och Karin Ek",
                "Uppdrag: sakkunnig vid uppdatering av FMB karpaltunnelsyndrom",
                "Arvode 1 050 kr per timme, högst 30 timmar.",
                "Linköping 2025-03-05   Karin Ek      Stockholm 2025-03-05   Helena Borg",
            ],
        ),
        "agreement",
        register=True,
    )
    p.add(
        "02 Projektgrupp/02.2 Jäv och avtal/Avtal_AH_underskrivet.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "agreement",
        register=True,
        note="scanned signed agreement, no text",
    )
    p.add(
        "03 Statistik/Beställning Midas KTS.docx",
        lambda f: make_docx(
            f,
            title="Beställning av uppgifter ur Midas",
            paragraphs=[
                "Till: Försäkringskassan, Analys och prognos",
                "Socialstyrelsen beställer uppgifter om sjukfall med diagnos G56.0 "
                "(karpaltunnelsyndrom) för 2023 och 2024: antal sjukfall, median och percentiler "
                "för sjukfallens längd, uppdelat på kön.",
                "Kontaktperson: Helena Borg",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "03 Statistik/FK leverans G560.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Kön", "Antal sjukfall 2024", "Median", "Medel", "P25", "P75"],
                ["Kvinnor", 2210, 28, 41, 14, 56],
                ["Män", 980, 24, 36, 14, 42],
                ["Totalt", 3190, 27, 39, 14, 51],
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "04 Rekommendationsgrupp/04.1 Deltagare/RG KTS deltagare.docx",
        lambda f: make_docx(
            f,
            title="Rekommendationsgrupp – karpaltunnelsyndrom",
            table=[
                ["Namn", "Profession", "Region"],
                ["Mikael Lund", "Ortoped", "Region Halland"],
                ["Sara Johansson", "Arbetsterapeut", "Region Dalarna"],
                ["Ali Rezaei", "Distriktsläkare", "Region Stockholm"],
                ["Birgitta Ståhl", "Fysioterapeut", "Region Gävleborg"],
                ["Ingrid Nilsson", "Patientrepresentant", "Neuroförbundet"],
            ],
        ),
        "nomination_request",
        also=("other",),
        register=False,
        note="internal list of RG members",
    )
    for name, file in (
        ("Mikael Lund", "JD Mikael Lund.pdf"),
        ("Sara Johansson", "jävsdeklaration SJ.pdf"),
        ("Ali Rezaei", "JD_AR.pdf"),
        ("Ingrid Nilsson", "JD patientrep Ingrid Nilsson.pdf"),
    ):
        p.add(
            f"04 Rekommendationsgrupp/04.2 Jäv RG/{file}",
            lambda f, name=name: make_pdf(
                f,
                [
                    "Jävsdeklaration",
                    f"Namn: {name}",
                    "Uppdrag: deltagare i rekommendationsgruppen, FMB karpaltunnelsyndrom",
                    "Jag har inga uppdrag eller intressen som kan påverka min opartiskhet.",
                    f"Datum 2025-03-1{len(name) % 9}   Underskrift {name}",
                ],
            ),
            "coi_declaration",
            register=True,
        )
    p.add(
        "04 Rekommendationsgrupp/04.2 Jäv RG/Skanning_20250312_0931.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "coi_declaration",
        register=True,
        note="Birgitta Ståhl's declaration, scanned, no text",
    )
    p.add(
        "05 Texter/05.1 Befintlig text/Befintlig text KTS (från webben).docx",
        lambda f: make_docx(
            f,
            title="Karpaltunnelsyndrom",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "Symtom: domningar och stickningar i tumme, pek- och långfinger, ofta nattliga.",
                "Behandling: ortos, vid behov operation. Prognos: god efter operation.",
                "Sjukskrivning efter operation 2–4 veckor beroende på arbetets art.",
            ],
            template="Mall_Textförslag FMB i ny dokumentmall.dotx",
        ),
        "text_proposal",
        register=True,
        note="existing text put in the template and sent to the experts",
    )
    p.add(
        "05 Texter/05.2 Uppstart/Uppstartsmöte KTS.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppdatering FMB Karpaltunnelsyndrom", "Uppstartsmöte 11 mars"),
                ("Upplägg", "Befintliga texter ses över av sakkunniga"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "05 Texter/05.3 Från sakkunniga/KTS textförslag KE kommentarer.docx",
        lambda f: make_docx(
            f,
            title="Karpaltunnelsyndrom – textförslag",
            paragraphs=[
                "Kort om diagnosen: se befintlig text, små ändringar.",
                "Rekommendation: överväg sjukskrivning 2–6 veckor efter öppen operation vid "
                "handintensivt arbete.",
            ],
            comment="KE: stämmer 6 veckor?",
            tracked_changes=[("ins", " vid handintensivt arbete")],
            author="Karin Ek",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "05 Texter/05.3 Från sakkunniga/F och A reviderat AH.docx",
        lambda f: make_docx(
            f,
            title="Funktionsnedsättning och aktivitetsbegränsning – reviderade texter",
            paragraphs=[
                "Funktionsnedsättning: nedsatt känsel och finmotorik (b265, b760).",
                "Aktivitetsbegränsning: svårt med handintensiva arbetsuppgifter (d440, d445).",
            ],
            author="Anders Holm",
        ),
        "text_proposal",
        also=("icf_assessment",),
        register=True,
        note="revised ICF texts for an update, sent by the expert",
    )
    p.add(
        "05 Texter/Gamla versioner/Textförslag KTS v0.3.docx",
        lambda f: make_docx(
            f,
            title="Textförslag KTS",
            paragraphs=["Rekommendationer: överväg sjukskrivning 2–4 v."],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "05 Texter/Textförslag och rekommendationer KTS ver 1.0.pdf",
        lambda f: make_pdf(
            f,
            [
                "Karpaltunnelsyndrom – textförslag och rekommendationer",
                "Version till rekommendationsgruppen och övriga intressenter",
                "Kort om diagnosen. Symtom: domningar. Prognos: god.",
                "Rekommendationer: Överväg sjukskrivning på heltid 2–6 veckor efter öppen "
                "operation vid handintensivt arbete.",
            ],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "06 Synpunkter/06.1 Enkät/Missiv och enkätfrågor RG KTS.pdf",
        lambda f: make_pdf(
            f,
            [
                "Till deltagarna i rekommendationsgruppen",
                "Vi skickar härmed textförslag och rekommendationer för karpaltunnelsyndrom. "
                "Besvara enkäten senast 2025-05-09.",
                "Fråga 1: Instämmer du i rekommendationen?",
                "Fråga 2: Saknas något?",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "06 Synpunkter/06.1 Enkät/Rapport_SurveyGenerator_KTS.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Rapport", "FMB KTS – rekommendationsgrupp"],
                ["Antal svar", 5],
                ["Fråga", "Instämmer", "Instämmer delvis", "Instämmer inte"],
                ["Rek 1", 3, 2, 0],
                ["Rek 2", 4, 1, 0],
            ],
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "06 Synpunkter/06.2 Mejl/Synpunkter från FK KTS.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <remiss@forsakringskassan.se>",
            to=[hb],
            subject="Synpunkter på uppdaterat FMB karpaltunnelsyndrom",
            body=(
                "Försäkringskassan har följande synpunkter: rekommendationen för lätt arbete "
                "bör förtydligas.\nMed vänlig hälsning\nFörsäkringskassan"
            ),
            sent_at=dt("2025-05-06 09:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "06 Synpunkter/06.2 Mejl/Feedback from NPO - carpal tunnel.eml",
        lambda f: make_eml(
            f,
            sender="Olav Haugen <olav.haugen@regionostergotland.se>",
            to=[hb],
            subject="Feedback: carpal tunnel syndrome FMB",
            body=(
                "Hi Helena,\nthe NPO working group has read the proposal. We support it, but "
                "would like a note on bilateral surgery.\nRegards, Olav"
            ),
            sent_at=dt("2025-05-07 12:30"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "06 Synpunkter/06.3 Möte/Anteckningar 2025-05-14.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar",
            paragraphs=[
                "Datum 2025-05-14, Teams, 14–15.30",
                "Deltagare: Mikael Lund, Sara Johansson, Ali Rezaei, Ingrid Nilsson, Karin Ek, "
                "Helena Borg",
                "Mötet med rekommendationsgruppen hölls eftersom enkätsvaren var motstridiga om "
                "sjukskrivningstiden efter operation.",
                "Gruppen enades om 2–6 veckor vid handintensivt arbete.",
            ],
        ),
        "meeting_notes",
        register=True,
        note="RG meeting named only in the body; a decision is recorded",
    )
    p.add(
        "07 Slutversion/Sammanställning synpunkter och hur de omhändertagits.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av inkomna synpunkter",
            table=[
                ["Synpunkt", "Avsändare", "Omhändertagande"],
                ["Förtydliga lätt arbete", "FK", "Ny mening i rek 2"],
                ["Bilateral operation", "NPO", "Tillagt"],
            ],
        ),
        "comments",
        also=("text_proposal", "meeting_notes"),
        register=True,
        note="record of how comments were handled",
    )
    p.add(
        "07 Slutversion/KTS FMB ver 1.0 (slutversion).docx",
        lambda f: make_docx(
            f,
            title="Karpaltunnelsyndrom",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=[
                "Slutversion 2025-08-20.",
                "Överväg sjukskrivning 2–6 veckor efter öppen operation vid handintensivt arbete.",
            ],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "07 Slutversion/Kunskapsunderlag KTS.docx",
        lambda f: make_docx(
            f,
            title="Bilaga: Kunskapsunderlag med metodbeskrivning",
            paragraphs=[
                "Karpaltunnelsyndrom. Metod: sakkunnigas genomgång av befintliga texter.",
                "Statistik: Försäkringskassan, Midas 2023–2024.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "07 Slutversion/Tack och återkoppling RG.eml",
        lambda f: make_eml(
            f,
            sender=hb,
            to=["mikael.lund@regionhalland.se", "ingrid.nilsson@neuro.se"],
            subject="Tack för er medverkan – FMB karpaltunnelsyndrom",
            body=(
                "Hej!\nHär är en återkoppling på hur vi tagit hand om era synpunkter. "
                "Slutversionen går till enhetschefen för beslut i september.\nHälsningar Helena"
            ),
            sent_at=dt("2025-08-25 09:15"),
        ),
        "correspondence",
        register=True,
    )
    p.add(
        "08 Beslut/PM föredragning EC KTS.docx",
        lambda f: make_docx(
            f,
            title="PM inför beslut",
            paragraphs=[
                "Ärende: publicering av uppdaterat FMB karpaltunnelsyndrom.",
                "Förslag till beslut: Enhetschefen godkänner att beslutsstödet publiceras.",
                "Beslut: Godkänt 2025-09-03, Peter Lind, enhetschef.",
            ],
        ),
        "approval",
        register=True,
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
        # approved, nothing after it yet: asking for the VIPS confirmation and "not begun"
        # both tell the lead what is open
        "also_acceptable": {"vips": ["missing"]},
        "missing_coi_for": [],
        "people": [{"name": n, "roles": ["expert"]} for n in experts]
        + [{"name": n, "roles": ["rg_member"]} for n in rg]
        + [{"name": patient, "roles": ["patient_representative", "rg_member"]}],
    }
    return p, meta


# ---------------------------------------------------------------- project 3


def landrygg(share: Path) -> tuple[Project, dict[str, Any]]:
    p = Project(share, "Ländryggssmärta nytt FMB")
    mo = f"Malin Öberg <malin.oberg@{STAFF}>"
    experts = ["Karin Sjöberg", "Nils Holm"]
    rg = ["Sven Olsson", "Emma Karlsson", "David Berg", "Leila Hosseini"]
    patient = "Tomas Wennberg"

    p.add(
        "Plan/projektplan ländrygg 2026.docx",
        lambda f: make_docx(
            f,
            title="Projektplan FMB långvarig ländryggssmärta",
            paragraphs=[
                "Uppdrag: ta fram ett nytt beslutsstöd för långvarig ländryggssmärta (M54.5).",
                "Sjukskrivning vid långvarig smärta är inte okomplicerad, därför två sakkunniga.",
                "Projektledare: Malin Öberg",
                "Tidplan: start aug 2026, webbenkät nov, RG-möte 2026-12-09, AC-beslut mars 2027.",
            ],
            created=dt("2026-08-10 09:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Plan/Aktivitetsplan.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Aktivitet", "Start", "Slut", "Status"],
                ["Rekrytera sakkunniga", "2026-08-17", "2026-09-11", "klar"],
                ["Rekrytera RG", "2026-08-17", "2026-09-25", "klar"],
                ["Uppstartsmöte", "2026-09-15", "2026-09-15", "klar"],
                ["Webbenkät", "2026-11-16", "2026-11-30", "pågår"],
                ["Möte RG", "2026-12-09", "2026-12-09", ""],
            ],
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Rekrytering/Förfrågan NPO experter och RG.eml",
        lambda f: make_eml(
            f,
            sender=mo,
            to=["npo.rorelseorganen@rjl.se"],
            subject="Förfrågan om sakkunniga och RG – nytt FMB ländryggssmärta",
            body=(
                "Hej!\nVi behöver två sakkunniga till projektgrupp (ortoped/fysioterapeut) och "
                "ca 5 personer till rekommendationsgrupp inkl. patientrepresentant.\n"
                "Tacksam för förslag senast 4 sept.\nMalin Öberg"
            ),
            sent_at=dt("2026-08-17 10:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Rekrytering/JD Karin Sjöberg.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration för sakkunnig",
                "Namn: Karin Sjöberg, ortoped",
                "Bindningar till företag: Nej. Aktier: Nej. Arvoden från industrin: Nej.",
                "Umeå 2026-09-02 Karin Sjöberg",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    for name, date in (("Karin Sjöberg", "2026-09-03"), ("Nils Holm", "2026-09-04")):
        p.add(
            f"Rekrytering/Avtal Sakkunnig - {name} (underskrivet).pdf",
            lambda f, name=name, date=date: make_pdf(
                f,
                [
                    "Uppdragsavtal",
                    f"Uppdragstagare: {name}",
                    "Uppdrag: sakkunnig i projektgrupp, FMB långvarig ländryggssmärta",
                    "Ersättning: 1 100 kr/timme. Fakturering efter avslutat uppdrag.",
                    f"Datum {date}. Underskrifter: Malin Öberg, {name}",
                ],
            ),
            "agreement",
            register=True,
        )
    p.add(
        "Rekrytering/RG medlemmar.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Rekommendationsgrupp FMB ländrygg"],
                ["Namn", "Yrke", "Arbetsplats", "E-post"],
                ["Sven Olsson", "Distriktsläkare", "Region Västernorrland", "sven.olsson@rvn.se"],
                ["Emma Karlsson", "Fysioterapeut", "Region Örebro län", "emma.karlsson@rol.se"],
                ["David Berg", "Företagsläkare", "Previa", "david.berg@previa.se"],
                ["Leila Hosseini", "Psykolog", "Region Skåne", "leila.hosseini@skane.se"],
                ["Tomas Wennberg", "Patientrepresentant", "Ryggföreningen", "tomas@rygg.se"],
            ],
        ),
        "nomination_request",
        also=("other",),
        register=False,
        note="internal list of RG members",
    )
    p.add(
        "Rekrytering/JD-blankett ifylld EK.pdf",
        lambda f: make_pdf(
            f,
            [
                "DEKLARATION OM JÄV",
                "Blankett för externa experter och deltagare i rekommendationsgrupp",
                "Namn:",
                "Uppdrag:",
                "Har du bindningar eller intressen som kan påverka din opartiskhet?",
                "Datum och underskrift:",
            ],
            form_fields=[
                ("namn", "Emma Karlsson"),
                ("uppdrag", "Rekommendationsgrupp FMB ländryggssmärta"),
                ("bindningar", "Nej"),
                ("datum", "2026-09-20 Emma Karlsson"),
            ],
        ),
        "coi_declaration",
        register=True,
        note="filled PDF form: the name is only in a form field",
    )
    p.add(
        "Rekrytering/DB jäv.docx",
        lambda f: make_docx(
            f,
            title="Jävsdeklaration",
            table=[
                ["Namn", "David Berg"],
                ["Roll", "Deltagare i rekommendationsgrupp"],
                ["Uppdrag för försäkringsbolag", "Ja, medicinsk rådgivare åt Folksam 2024"],
                ["Underskrift", "David Berg 2026-09-21"],
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Rekrytering/Declaration of interest Leila Hosseini.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests for experts",
                "Name: Leila Hosseini",
                "I have no financial or other interests that could affect my impartiality.",
                "Malmö, 22 September 2026, Leila Hosseini",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Rekrytering/Jävsdeklaration_patientrep_TW.pdf",
        lambda f: make_pdf(
            f,
            [
                "Jävsdeklaration",
                "Namn: Tomas Wennberg",
                "Patientrepresentant, Ryggföreningen",
                "Inga bindningar.",
                "2026-09-23 Tomas Wennberg",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Kallelse möte med rekommendationsgruppen 9 dec.eml",
        lambda f: make_eml(
            f,
            sender=mo,
            to=["sven.olsson@rvn.se", "emma.karlsson@regionorebrolan.se", "david.berg@previa.se"],
            subject="Kallelse: möte med rekommendationsgruppen 9 december",
            body=(
                "Hej!\nBoka in 9 december kl 13–15 för möte med rekommendationsgruppen (Teams). "
                "Dagordning kommer.\n/Malin"
            ),
            sent_at=dt("2026-09-25 08:30"),
        ),
        "correspondence",
        register=False,
        note="meeting booking",
    )
    p.add(
        "Kort om diagnosen ländrygg UTKAST.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen",
            paragraphs=[
                "UTKAST",
                "Symtom: smärta i ländryggen > 12 veckor, ibland utstrålning.",
                "Behandling: fysisk aktivitet, multimodal rehabilitering.",
                "Prognos: de flesta förbättras men återfall är vanliga.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "ICF/Core set LBP för expertbedömning.docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för expertbedömning – ländryggssmärta",
            table=[
                ["ICF-kod", "Benämning", "Central", "Kompletterande"],
                ["b280", "Smärtförnimmelse", "x", ""],
                ["b710", "Funktioner för lederas rörlighet", "", "x"],
                ["d415", "Att bibehålla en kroppsställning", "x", ""],
                ["d430", "Att lyfta och bära föremål", "x", ""],
            ],
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "Uppstartsmöte 15 sept/introduktion sakkunniga.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Välkommen till FMB-arbetet", "Långvarig ländryggssmärta"),
                ("Er roll som sakkunnig", "Textförslag och rekommendationer"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "Uppstartsmöte 15 sept/minnesant.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Minnesanteckningar uppstart 2026-09-15",
                "Närvarande: Karin Sjöberg, Nils Holm, Malin Öberg",
                "Genomgång av arbetsgång. KS ansvarar för rekommendationer, NH för ICF.",
            ],
        ),
        "meeting_notes",
        register=False,
    )
    p.add(
        "Texter/Textförslag_KS_2026-10-12.docx",
        lambda f: make_docx(
            f,
            title="Textförslag – långvarig ländryggssmärta",
            headings=["Rekommendationer"],
            paragraphs=[
                "Överväg sjukskrivning på deltid under multimodal rehabilitering.",
                "Heltidssjukskrivning längre än 4 veckor bör undvikas.",
            ],
            comment="MÖ: källa?",
            author="Karin Sjöberg",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Texter/Textförslag och rek ländrygg - version till RG.docx",
        lambda f: make_docx(
            f,
            title="Långvarig ländryggssmärta – textförslag och rekommendationer",
            headings=[
                "Kort om diagnosen",
                "Funktionsnedsättning",
                "Aktivitetsbegränsning",
                "Rekommendationer",
            ],
            paragraphs=[
                "Symtom: långvarig smärta. Prognos: varierande.",
                "Överväg sjukskrivning på deltid under multimodal rehabilitering, 4–12 veckor.",
            ],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "Enkät/missiv RG ländrygg.docx",
        lambda f: make_docx(
            f,
            title="Missiv",
            paragraphs=[
                "Hej! Du deltar i rekommendationsgruppen för FMB långvarig ländryggssmärta.",
                "Vi ber dig besvara enkäten om textförslagen senast 30 november 2026.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Enkät/Enkätfrågor.pdf",
        lambda f: make_pdf(
            f,
            [
                "Webbenkät – rekommendationsgrupp, ländryggssmärta",
                "1. Instämmer du i rekommendation 1? (Ja / Delvis / Nej)",
                "2. Kommentar",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Underlag för synpunkter - FMB ländryggssmärta.eml",
        lambda f: make_eml(
            f,
            sender=mo,
            to=["remiss@forsakringskassan.se", "npo.rehab@regionvasterbotten.se"],
            subject="Underlag för synpunkter – FMB långvarig ländryggssmärta",
            body=(
                "Hej,\nbifogat finns textförslag och rekommendationer. Vi tar gärna emot era "
                "synpunkter senast 30 november.\nMalin Öberg, Socialstyrelsen"
            ),
            sent_at=dt("2026-11-16 09:00"),
            attachments=[("Textförslag och rek ländrygg - version till RG.docx", b"PK\x03\x04")],
        ),
        "correspondence",
        register=True,
    )
    p.add(
        "SV_ Underlag för synpunkter - FMB ländryggssmärta.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <remiss@forsakringskassan.se>",
            to=[mo],
            subject="SV: Underlag för synpunkter – FMB långvarig ländryggssmärta",
            body=(
                "Hej Malin,\nFK ställer sig bakom förslaget men anser att rekommendationen om "
                "deltid bör kompletteras med arbetsplatsens roll.\nMvh FK"
            ),
            sent_at=dt("2026-11-23 15:00"),
        ),
        "comments",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",
        "statistics": "missing",
        "recruit_recommendation_group": "partial",
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
        # the survey is still out (answers due 30 Nov): "not begun" is as right as "partial"
        "also_acceptable": {
            "consider_comments": ["missing"],
        },
        "missing_coi_for": ["Nils Holm", "Sven Olsson"],
        "people": [{"name": n, "roles": ["expert"]} for n in experts]
        + [{"name": n, "roles": ["rg_member"]} for n in rg]
        + [{"name": patient, "roles": ["patient_representative", "rg_member"]}],
    }
    return p, meta


# ---------------------------------------------------------------- project 4 (fresh)


def utmattning(share: Path) -> tuple[Project, dict[str, Any]]:
    """Written after the fixes from projects 1-3 and scored once: the fresh slice."""
    p = Project(share, "UMS nytt beslutsstöd")
    jw = f"Jenny Wahlberg <jenny.wahlberg@{STAFF}>"
    experts = ["Sofia Lindgren", "Erik Nordin"]
    rg = ["Anna Sund", "Pekka Virtanen", "Omar Farah", "Johanna Berg"]
    patient = "Lisa Ek"

    p.add(
        "Admin/Uppdragsbeskrivning UMS.docx",
        lambda f: make_docx(
            f,
            title="Uppdragsbeskrivning – FMB utmattningssyndrom",
            headings=["Syfte", "Organisation", "Tidplan"],
            paragraphs=[
                "Ett nytt försäkringsmedicinskt beslutsstöd för utmattningssyndrom (F43.8A) "
                "ska tas fram. Diagnosen saknar beslutsstöd idag.",
                "Projektledare: Jenny Wahlberg. Två sakkunniga (psykiatri, allmänmedicin).",
                "RG-möte 2025-10-02. AC-beslut planeras till december.",
            ],
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "Experts/Expertförfrågan NPO psykiatri.eml",
        lambda f: make_eml(
            f,
            sender=jw,
            to=["npo.psykiatri@regionvarmland.se"],
            subject="Expertförfrågan – FMB utmattningssyndrom",
            body=(
                "Hej! Vi behöver två sakkunniga och 5–6 personer till en "
                "rekommendationsgrupp. Kan NPO psykiatri föreslå namn?\nVänliga hälsningar\n"
                "Jenny Wahlberg"
            ),
            sent_at=dt("2025-04-07 09:00"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "Experts/Re_ Expertförfrågan NPO psykiatri.eml",
        lambda f: make_eml(
            f,
            sender="Maj Persson <maj.persson@regionvarmland.se>",
            to=[jw],
            subject="Re: Expertförfrågan – FMB utmattningssyndrom",
            body=(
                "Hej Jenny, förslag:\nSakkunniga: Sofia Lindgren (psykiater), Erik Nordin "
                "(allmänläkare)\nRG: Anna Sund, Pekka Virtanen, Omar Farah, Johanna Berg\n"
                "Vänliga hälsningar\nMaj"
            ),
            sent_at=dt("2025-04-22 13:00"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "Experts/intressedeklaration_Sofia_Lindgren.pdf",
        lambda f: make_pdf(
            f,
            [
                "Intressedeklaration",
                "Namn: Sofia Lindgren",
                "Jag har inga uppdrag för läkemedelsföretag och inga andra bindningar.",
                "Karlstad 2025-05-05  Sofia Lindgren",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/Jävsdeklaration Erik Nordin - signed.pdf",
        lambda f: make_pdf(
            f,
            [
                "JÄVSDEKLARATION",
                "Namn: Erik Nordin",
                "Styrelseuppdrag: inga. Aktier i berörda företag: nej.",
                "2025-05-06 Erik Nordin",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/Avtal_Sofia_Lindgren_sign.pdf",
        lambda f: make_pdf(
            f,
            [
                "Avtal om uppdrag som sakkunnig",
                "Socialstyrelsen och Sofia Lindgren, nedan kallad uppdragstagaren",
                "Arvode: 1 100 kr per timme. Avtalsperiod maj–december 2025.",
                "Underskrifter: Jenny Wahlberg, Sofia Lindgren",
            ],
        ),
        "agreement",
        register=True,
    )
    p.add(
        "Experts/RG sammansättning.docx",
        lambda f: make_docx(
            f,
            title="Rekommendationsgruppens sammansättning",
            table=[
                ["Namn", "Yrke", "Region"],
                ["Anna Sund", "Psykolog", "Region Värmland"],
                ["Pekka Virtanen", "Företagsläkare", "Region Norrbotten"],
                ["Omar Farah", "Distriktsläkare", "Region Stockholm"],
                ["Johanna Berg", "Arbetsterapeut", "Region Jämtland Härjedalen"],
                ["Lisa Ek", "Patientföreträdare", "Riksförbundet för utmattning"],
            ],
        ),
        "nomination_request",
        also=("other",),
        register=False,
    )
    p.add(
        "Experts/JD RG Anna Sund.pdf",
        lambda f: make_pdf(
            f,
            ["Jävsdeklaration", "Namn: Anna Sund", "Inga bindningar.", "2025-05-20 Anna Sund"],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/jäv - Pekka Virtanen.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Deklaration av intressen och jäv",
                "Pekka Virtanen, företagsläkare",
                "Uppdrag för försäkringsbolag: nej",
                "Luleå 21/5 2025",
            ],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Experts/IMG_4411.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "coi_declaration",
        register=True,
        note="Omar Farah's declaration photographed, no text",
    )
    p.add(
        "Experts/Intressedeklaration patientföreträdare Lisa Ek.pdf",
        lambda f: make_pdf(
            f,
            ["Intressedeklaration", "Namn: Lisa Ek", "Inga intressen att redovisa.", "Lisa Ek"],
        ),
        "coi_declaration",
        register=True,
    )
    p.add(
        "Stats/Midas-beställning F43.8.eml",
        lambda f: make_eml(
            f,
            sender=jw,
            to=["statistik@forsakringskassan.se"],
            subject="Midas-beställning F43.8A",
            body=(
                "Hej, vi vill beställa antal sjukfall, median och percentiler för sjukfallens "
                "längd för F43.8A, 2023–2024, per kön.\n/Jenny"
            ),
            sent_at=dt("2025-04-14 10:00"),
        ),
        "statistics",
        also=("correspondence",),
        register=True,
    )
    p.add(
        "Stats/Midas F438A 2024.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["F43.8A", "Kvinnor", "Män", "Totalt"],
                ["Antal sjukfall", 21050, 6120, 27170],
                ["Median dagar", 182, 150, 175],
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Drafts/Kort om diagnosen - utmattningssyndrom.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen",
            paragraphs=[
                "Symtom: uttalad trötthet, kognitiva besvär, sömnstörning.",
                "Behandling: KBT, gradvis återgång i aktivitet.",
                "Prognos: återhämtningen tar ofta månader.",
            ],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "Drafts/ICF-kategorier UMS (Core set saknas).docx",
        lambda f: make_docx(
            f,
            title="ICF-kategorier för bedömning",
            paragraphs=[
                "Core set saknas för diagnosen; kategorierna är valda efter litteratursökning.",
                "b130 Energi och driftfunktioner, b140 Uppmärksamhet, b144 Minne, d240 Att "
                "hantera stress.",
            ],
        ),
        "icf_assessment",
        register=True,
    )
    p.add(
        "Drafts/Introduktion sakkunniga.pptx",
        lambda f: make_pptx(
            f,
            [("Introduktion för sakkunniga", "FMB utmattningssyndrom, 12 maj"), ("Uppdraget", "")],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "Drafts/Textförslag UMS_SL_ÄNDRINGAR.docx",
        lambda f: make_docx(
            f,
            title="Textförslag utmattningssyndrom",
            paragraphs=["Överväg sjukskrivning på heltid initialt, därefter gradvis upptrappning."],
            tracked_changes=[("ins", " under 2–3 månader")],
            author="Sofia Lindgren",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "Drafts/Textförslag och rekommendationer UMS remiss.docx",
        lambda f: make_docx(
            f,
            title="Utmattningssyndrom – textförslag och rekommendationer",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=["Överväg sjukskrivning på heltid i 4–12 veckor, därefter deltid."],
        ),
        "text_proposal",
        register=True,
    )
    p.add(
        "Synpunkter/Enkät till rekommendationsgruppen.pdf",
        lambda f: make_pdf(
            f,
            [
                "Enkät till rekommendationsgruppen – utmattningssyndrom",
                "Svara senast 2025-09-15.",
                "1. Instämmer du i rekommendationen? 2. Övriga synpunkter",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Synpunkter/Remiss FMB utmattningssyndrom.eml",
        lambda f: make_eml(
            f,
            sender=jw,
            to=["remiss@forsakringskassan.se", "npo.rhf@regionuppsala.se"],
            subject="Remiss: FMB utmattningssyndrom",
            body="Hej, bifogat textförslag för synpunkter senast 15 september.\n/Jenny",
            sent_at=dt("2025-09-01 08:00"),
            attachments=[("Textförslag och rekommendationer UMS remiss.docx", b"PK\x03\x04")],
        ),
        "correspondence",
        register=True,
    )
    p.add(
        "Synpunkter/Enkätsvar RG UMS.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Svarande", "Fråga 1", "Övrigt"],
                ["1", "Instämmer", ""],
                ["2", "Instämmer delvis", "För kort tid"],
            ],
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "Synpunkter/SV_ Remiss FMB utmattningssyndrom.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan <remiss@forsakringskassan.se>",
            to=[jw],
            subject="SV: Remiss: FMB utmattningssyndrom",
            body="FK instämmer i huvudsak men anser att deltid bör nämnas tidigare.\nMvh FK",
            sent_at=dt("2025-09-12 14:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "Synpunkter/Anteckningar RG 2025-10-02.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Anteckningar från möte med rekommendationsgruppen 2 oktober",
                "Deltagare: Anna Sund, Pekka Virtanen, Omar Farah, Lisa Ek, Sofia Lindgren",
                "Vi gick igenom enkätsvaren. Gruppen enades om 4–12 veckor heltid.",
            ],
        ),
        "meeting_notes",
        register=True,
    )
    p.add(
        "Final/Omhändertagande av synpunkter.docx",
        lambda f: make_docx(
            f,
            title="Omhändertagande av inkomna synpunkter",
            table=[["Synpunkt", "Åtgärd"], ["Deltid tidigare (FK)", "Infört i rek 1"]],
        ),
        "comments",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "Final/UMS FMB slutlig.docx",
        lambda f: make_docx(
            f,
            title="Utmattningssyndrom",
            headings=["Kort om diagnosen", "Rekommendationer"],
            paragraphs=["Överväg sjukskrivning på heltid i 4–12 veckor, därefter deltid."],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "Final/Kunskapsunderlag UMS.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning",
            paragraphs=["Metod: sakkunnigas bedömning, litteratursökning i PubMed."],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "Final/Beslut AC UMS.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslut",
                "Avdelningschefen beslutar att publicera FMB utmattningssyndrom.",
                "2025-12-03 Kristina Holm, avdelningschef",
            ],
        ),
        "approval",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # no agreement for Erik Nordin
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no declaration from Johanna Berg
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
        "also_acceptable": {"vips": ["missing"]},
        "missing_coi_for": ["Johanna Berg"],
        "people": [{"name": n, "roles": ["expert"]} for n in experts]
        + [{"name": n, "roles": ["rg_member"]} for n in rg]
        + [{"name": patient, "roles": ["patient_representative", "rg_member"]}],
    }
    return p, meta


def build(out: Path) -> Path:
    share = out / "share"
    files: list[dict[str, Any]] = []
    projects: list[dict[str, Any]] = []
    for make, part in (
        (fibromyalgi, "tuned"),
        (kts, "tuned"),
        (landrygg, "tuned"),
        (utmattning, "fresh"),
    ):
        project, meta = make(share)
        files += [{**f, "set": part} for f in project.files]
        projects.append({**meta, "set": part})
    for make3 in session3.PROJECTS:  # session 3: habits the four above lack
        project, meta = make3(Project, share, dt)
        files += [{**f, "set": "session3"} for f in project.files]
        projects.append({**meta, "set": "session3"})
    for make4 in session4.PROJECTS:  # session 4: habits none of the six above use
        project, meta = make4(Project, share, dt)
        files += [{**f, "set": "session4"} for f in project.files]
        projects.append({**meta, "set": "session4"})
    for make4 in session4.FRESH:  # written after the session-4 fixes, scored once before more
        project, meta = make4(Project, share, dt)
        files += [{**f, "set": "session4_fresh"} for f in project.files]
        projects.append({**meta, "set": "session4_fresh"})
    for make5 in session5.PROJECTS:  # session 5: another agency's registrar and leads
        project, meta = make5(Project, share, dt)
        files += [{**f, "set": "session5"} for f in project.files]
        projects.append({**meta, "set": "session5"})
    for make6 in session6.PROJECTS:  # session 6: other layouts, .msg/.csv/.txt, English
        project, meta = make6(Project, share, dt)
        files += [{**f, "set": "session6"} for f in project.files]
        projects.append({**meta, "set": "session6"})
    for make7 in session7.PROJECTS:  # session 7: date folders, person-named files, copies
        project, meta = make7(Project, share, dt)
        files += [{**f, "set": "session7"} for f in project.files]
        projects.append({**meta, "set": "session7"})
    for make10 in session10.PROJECTS:  # session 10: step-number folders, forms, e-diarium
        project, meta = make10(Project, share, dt)
        files += [{**f, "set": "session10"} for f in project.files]
        projects.append({**meta, "set": "session10"})
    for make11 in session11.PROJECTS:  # session 11: Teams export, date+initials, contractor
        project, meta = make11(Project, share, dt)
        files += [{**f, "set": "session11"} for f in project.files]
        projects.append({**meta, "set": "session11"})
    for make12 in session12.PROJECTS:  # session 12: zip export, names against content, PDF/A
        project, meta = make12(Project, share, dt)
        files += [{**f, "set": "session12"} for f in project.files]
        projects.append({**meta, "set": "session12"})
    for make13 in session13.PROJECTS:  # session 13: dated flat names, English folders, quotes
        project, meta = make13(Project, share, dt)
        files += [{**f, "set": "session13"} for f in project.files]
        projects.append({**meta, "set": "session13"})
    for make14 in session14.PROJECTS:  # session 14: abbreviations, English names, no names
        project, meta = make14(Project, share, dt)
        files += [{**f, "set": "session14"} for f in project.files]
        projects.append({**meta, "set": "session14"})
    for make15 in session15.PROJECTS:  # session 15: date folders, Nordic, English, properties
        project, meta = make15(Project, share, dt)
        files += [{**f, "set": "session15"} for f in project.files]
        projects.append({**meta, "set": "session15"})
    for make16 in session16.PROJECTS:  # session 16: registrar's capitals, Danish, spreadsheets
        project, meta = make16(Project, share, dt)
        files += [{**f, "set": "session16"} for f in project.files]
        projects.append({**meta, "set": "session16"})
    for make17 in session17.PROJECTS:  # session 17: ASCII-folded, support material, Nordic codes
        project, meta = make17(Project, share, dt)
        files += [{**f, "set": "session17"} for f in project.files]
        projects.append({**meta, "set": "session17"})
    for make18 in session18.PROJECTS:  # session 18: e-diarium export, e-signing, status folders
        project, meta = make18(Project, share, dt)
        files += [{**f, "set": "session18"} for f in project.files]
        projects.append({**meta, "set": "session18"})
    conventions.apply(files)  # session 18's label conventions over the earlier sets
    labels = out / "labels.json"
    labels.write_text(
        json.dumps({"files": files, "projects": projects}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return labels


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    labels = build(Path(sys.argv[1]))
    data = json.loads(labels.read_text(encoding="utf-8"))
    print(f"{len(data['files'])} files in {len(data['projects'])} projects -> {labels}")


if __name__ == "__main__":
    main()
