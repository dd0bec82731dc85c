"""The session-6 holdout: three FMB project folders in habits none of the earlier sets use.

Written by hand (session 6, issue #4) and labelled from docs/DOMAIN.md and the
instruction before the classifier ever ran on them (`set: session6`). Habits:

- folders by kind of document in lower case (`jäv/`, `avtal/`, `mejl/`, `möten/`),
  folders per expert (`Sakkunniga/<name>/`), and month folders (`2025-12/`);
- `yymmdd` date prefixes (`260312 …`), lower-case hyphenated names with the
  person's name in them (`jav_anna-karin_loof-hassan.pdf`), and a third of the
  files with names that say nothing (`Dokument1.docx`, `Book1.xlsx`, `scan0001.pdf`,
  `meddelande.msg`, `export.csv`, `anteckningar.txt`, `Presentation1.pptx`, `Bilaga 1.pdf`);
- Outlook `.msg` files (replies, forwards, attachments), CSV exports from a web
  form and a survey tool, plain-text notes, a CSV time plan;
- English and mixed Swedish/English documents (an English DoI and contract, English
  minutes, a survey report in English, a comments log);
- drafts marked in unusual ways: "KLADD", "ARBETSKOPIA – ej för spridning",
  "for internal review only", revision letters (`rev A`, `rev B`, `rev C (slutversion)`),
  date-stamped versions of one text;
- compound and hyphenated names (Anna-Karin Lööf Hassan, Jean-Marc Dubois,
  Maria Nilsson-Öberg, Karl-Erik von Essen, Björn af Klinteberg, Britt-Marie Lund,
  Eva Nilsson-Ahlqvist, Hans-Olof Brännström, Karin Lindahl Strömberg);
- senders from other domains (private mail addresses of experts, universities,
  regions, patient organisations).

Labelling choices as in the earlier sets: a textless scan is labelled with what it is
(the registrar knows); a Word file beside the signed PDF of the same document is the
working copy (draft, not registered); the older versions of a chain are drafts; the
version sent out for comment is official (not a draft, registered); a mail carrying
documents is classed by what it carries; material mailed to FK/NPO for comments and
feedback to the RG are correspondence that is registered; the group's own roster is
not registered.

Projects:
- `Postcovid U09.9` — new support, a government assignment approved by GD; no RG
  member's declaration is in the folder (labelled at first as Ahmed Al-Khatib's alone:
  corrected after the first run, see docs/benchmarks.md). Sara Ben Salem's declaration
  and agreement exist only as attachments of one forwarded mail.
- `endometrios uppd 2026` — update stopped after the survey; Hans-Olof Brännström
  (expert) has an agreement and no declaration.
- `SAS axelsmärta FMB` — update of subacromial pain, finished and evaluated; Britt-Marie
  Lund (RG) has no declaration.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_pptx, make_xlsx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repo, for tests.msg_builder
from tests.msg_builder import make_msg  # aspose-email-foss, a dev dependency

if TYPE_CHECKING:
    from bench.holdout.build import Project

STAFF = "socialstyrelsen.se"


def _people(experts: list[str], rg: list[str], patient: str | None) -> list[dict[str, Any]]:
    out = [{"name": n, "roles": ["expert"]} for n in experts]
    out += [{"name": n, "roles": ["rg_member"]} for n in rg]
    if patient:
        out.append({"name": patient, "roles": ["patient_representative", "rg_member"]})
    return out


def _txt(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def _pdf_bytes(lines: list[str], title: str | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_pdf(Path(tmp) / "a.pdf", lines, title=title).read_bytes()


def _docx_bytes(title: str, paragraphs: list[str]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_docx(Path(tmp) / "a.docx", title=title, paragraphs=paragraphs).read_bytes()


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        return make_xlsx(Path(tmp) / "a.xlsx", rows).read_bytes()


def _coi(name: str, role: str, date: str, place: str = "Stockholm") -> list[str]:
    return [
        "Jävsdeklaration",
        "Deklaration om jäv och andra intressen för externa experter",
        f"Namn: {name}",
        f"Uppdrag: {role} i arbetet med försäkringsmedicinskt beslutsstöd",
        "1. Anställningar och uppdrag de senaste tre åren: Region, överläkare",
        "2. Ekonomiska intressen (aktier, konsultuppdrag) i företag inom området: Nej",
        "3. Andra förhållanden som kan påverka förtroendet för min opartiskhet: Nej",
        f"{place} {date}",
        f"Underskrift: {name}",
    ]


def _agreement(name: str, fee: str, signed_on: str | None) -> list[str]:
    lines = [
        "AVTAL OM ERSÄTTNING",
        f"mellan Socialstyrelsen och {name} (nedan kallad den sakkunniga)",
        "1. Uppdraget: delta som sakkunnig i projektgruppen för försäkringsmedicinskt beslutsstöd.",
        f"2. Ersättning: {fee} per timme enligt redovisad tid, mot faktura.",
        "3. Sekretess och jäv: den sakkunniga har lämnat jävsdeklaration.",
    ]
    if signed_on:
        lines += [
            f"Stockholm {signed_on}",
            "För Socialstyrelsen: Helena Rask, enhetschef",
            f"Den sakkunniga: {name}",
        ]
    else:
        lines += ["Ort och datum: ________  Underskrift: ________________"]
    return lines


# ---------------------------------------------------------------- project A


def postcovid(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "Postcovid U09.9")
    lead = ("Tove Granath", f"tove.granath@{STAFF}")
    experts = ["Anna-Karin Lööf Hassan", "Jean-Marc Dubois", "Sara Ben Salem"]
    rg = ["Karl-Erik von Essen", "Maria Nilsson-Öberg", "Ahmed Al-Khatib"]
    patient = "Lena Sjö-Björk"

    p.add(
        "plan/260115 projektplan postcovid.docx",
        lambda f: make_docx(
            f,
            title="Projektplan: försäkringsmedicinskt beslutsstöd för postcovid",
            headings=["Bakgrund och uppdrag", "Organisation", "Tidplan", "Risker"],
            paragraphs=[
                "Socialstyrelsen har i regleringsbrevet för 2026 fått ett regeringsuppdrag att "
                "ta fram ett nytt försäkringsmedicinskt beslutsstöd för postcovid (U09.9).",
                "Sjukskrivningen vid postcovid är ofta lång och omdiskuterad; tre sakkunniga "
                "rekryteras via NPO Infektionssjukdomar och NPO Rehabilitering.",
                "Projektledare: Tove Granath. Beslut om publicering fattas av GD.",
                "Rekommendationsgrupp med patientföreträdare från Long Covid Sverige; "
                "RG-möte planeras till maj.",
            ],
            author="Tove Granath",
            created=dt("2026-01-15 13:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "plan/gantt.csv",
        lambda f: _txt(
            f,
            "Aktivitet;Start;Slut;Ansvarig\n"
            "Förfrågan NPO (sakkunniga och RG);2026-01-20;2026-02-13;TG\n"
            "Jäv och avtal;2026-02-16;2026-03-06;TG\n"
            "Midas-beställning;2026-01-26;2026-03-20;TG\n"
            "Uppstartsmöte;2026-03-05;2026-03-05;TG\n"
            "Webbenkät RG (2 v);2026-04-20;2026-05-04;TG\n"
            "RG-möte;2026-05-12;2026-05-12;alla\n"
            "Föredragning GD;2026-09-29;2026-09-29;TG\n",
        ),
        "project_plan",
        register=False,
        note="time plan as CSV, uninformative name",
    )
    p.add(
        "mejl/260120 förfrågan NPO infektion.msg",
        lambda f: make_msg(
            f,
            sender_name=lead[0],
            sender_email=lead[1],
            to=[("NPO Infektionssjukdomar", "npo.infektion@regionostergotland.se")],
            cc=[("NPO Rehabilitering", "npo.rehab@regionjh.se")],
            subject="Förfrågan om sakkunniga och deltagare till rekommendationsgrupp – FMB "
            "postcovid",
            body=(
                "Hej,\nSocialstyrelsen ska ta fram ett nytt försäkringsmedicinskt beslutsstöd för "
                "postcovid. Vi söker tre sakkunniga till projektgruppen och 4–6 deltagare till "
                "rekommendationsgruppen. Vänligen nominera senast 13 februari.\n"
                "Med vänlig hälsning\nTove Granath, projektledare"
            ),
            sent_at=dt("2026-01-20 10:12"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "mejl/meddelande1.msg",
        lambda f: make_msg(
            f,
            sender_name="Gunnel Ramberg",
            sender_email="gunnel.ramberg@regionostergotland.se",
            to=[(lead[0], lead[1])],
            subject="SV: Förfrågan om sakkunniga och deltagare till rekommendationsgrupp – FMB "
            "postcovid",
            body=(
                "Hej Tove,\nTill projektgruppen föreslår vi Anna-Karin Lööf Hassan (infektion, "
                "Linköping), Jean-Marc Dubois (rehabiliteringsmedicin, Umeå) och Sara Ben Salem "
                "(allmänmedicin, Malmö).\n"
                "Till RG föreslår vi Karl-Erik von Essen, Maria Nilsson-Öberg och Ahmed "
                "Al-Khatib.\nHälsningar\nGunnel Ramberg, NPO Infektionssjukdomar\n\n"
                "Från: Tove Granath\nSkickat: den 20 januari 2026 10:12\n"
                "Ämne: Förfrågan om sakkunniga och deltagare till rekommendationsgrupp\n"
                "Vi söker tre sakkunniga till projektgruppen ..."
            ),
            sent_at=dt("2026-02-10 15:40"),
        ),
        "nomination_request",
        also=("correspondence",),
        register=True,
        note="the NPO's nominations, a reply, uninformative name; several names in one line",
    )
    p.add(
        "jäv/jav_anna-karin_loof-hassan.pdf",
        lambda f: make_pdf(
            f, _coi("Anna-Karin Lööf Hassan", "Sakkunnig", "2026-02-18", "Linköping")
        ),
        "coi_declaration",
        register=True,
    )  # fmt: skip
    p.add(
        "jäv/jav_jean-marc_dubois.pdf",
        lambda f: make_pdf(
            f,
            [
                "Declaration of interests",
                "External expert – insurance medicine decision support (post COVID-19 condition)",
                "Full name: Jean-Marc Dubois",
                "Current employment: Norrlands universitetssjukhus, consultant in rehabilitation "
                "medicine",
                "Financial interests in companies in the field: none",
                "Research funding from industry in the last three years: none",
                "I confirm that the information above is correct. Umeå, 19 February 2026",
                "Signature: Jean-Marc Dubois",
            ],
        ),
        "coi_declaration",
        register=True,
        note="English declaration",
    )
    p.add(
        "avtal/avtal_loof-hassan_KLADD.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning – Anna-Karin Lööf Hassan",
            paragraphs=_agreement("Anna-Karin Lööf Hassan", "1 100 kr", None)[1:],
            author="Tove Granath",
        ),
        "agreement",
        draft=True,
        register=False,
        note="draft marked KLADD in the name",
    )
    p.add(
        "avtal/avtal_loof-hassan_underskrivet.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "agreement",
        register=True,
        note="textless scan of the signed agreement; the name says what it is",
    )
    p.add(
        "avtal/Dubois contract signed.pdf",
        lambda f: make_pdf(
            f,
            [
                "Agreement on compensation for an external expert",
                "between the National Board of Health and Welfare (Socialstyrelsen) and "
                "Jean-Marc Dubois (the expert)",
                "The expert takes part in the project group developing the insurance medicine "
                "decision support for post COVID-19 condition.",
                "Fee: SEK 1 100 per hour against invoice, at most 60 hours.",
                "Signed 2026-03-02 by Helena Rask, head of unit, and 2026-03-03 by "
                "Jean-Marc Dubois",
            ],
            title="Dubois contract",
        ),
        "agreement",
        register=True,
        note="English agreement",
    )
    sara_coi = _pdf_bytes(_coi("Sara Ben Salem", "Sakkunnig", "2026-02-24", "Malmö"))
    sara_avtal = _pdf_bytes(_agreement("Sara Ben Salem", "1 100 kr", "2026-03-04"))
    p.add(
        "mejl/VB jäv och avtal SBS.msg",
        lambda f: make_msg(
            f,
            sender_name=lead[0],
            sender_email=lead[1],
            to=[("Registrator", f"registrator@{STAFF}")],
            subject="VB: Underskrivna handlingar – Sara Ben Salem",
            body=(
                "För diarieföring i ärendet om FMB postcovid.\n/Tove\n\n"
                "Från: Sara Ben Salem <sara.bensalem@gmail.com>\nSkickat: den 4 mars 2026 21:05\n"
                "Till: Tove Granath\nÄmne: Underskrivna handlingar\n\n"
                "Hej! Här kommer min ifyllda jävsdeklaration och det underskrivna avtalet.\n"
                "Mvh Sara"
            ),
            sent_at=dt("2026-03-05 08:30"),
            attachments=[
                ("Jävsdeklaration Sara Ben Salem.pdf", sara_coi),
                ("Avtal om ersättning SBS signerat.pdf", sara_avtal),
            ],
        ),
        "coi_declaration",
        also=("agreement", "correspondence"),
        register=True,
        note="forwarded mail carrying her declaration and agreement (both only here)",
    )
    p.add(
        "statistik/begäran midas postcovid.docx",
        lambda f: make_docx(
            f,
            title="Begäran om uppgifter ur Midas",
            paragraphs=[
                "Till: Försäkringskassan, avdelningen för analys och prognos",
                "Socialstyrelsen begär uppgifter om sjukfall med diagnos U09.9 (postcovid) "
                "2021–2025: antal startade sjukfall, unika individer, median, medelvärde samt "
                "25:e och 75:e percentilen för sjukfallens längd, per kön och åldersgrupp.",
                "Kontaktperson: Tove Granath",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "statistik/U099_2021-2025.csv",
        lambda f: _txt(
            f,
            "diagnos,ar,kon,antal_sjukfall,median_dagar,p25,p75\n"
            "U09.9,2023,K,4120,212,96,401\n"
            "U09.9,2023,M,1630,176,80,350\n"
            "U09.9,2024,K,2870,230,101,433\n"
            "U09.9,2024,M,1105,181,77,362\n",
        ),
        "statistics",
        register=True,
        note="FK's delivery as CSV",
    )
    p.add(
        "möten/kickoff.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstart FMB postcovid", "Projektgruppen, 5 mars 2026"),
                ("Uppdraget", "Regeringsuppdrag: nytt beslutsstöd, beslut GD hösten 2026"),
                ("Nästa steg", "Mall för textförslag och ICF-mall skickas efter mötet"),
            ],
            author="Tove Granath",
        ),
        "presentation",
        register=False,
    )
    p.add(
        "möten/notes.txt",
        lambda f: _txt(
            f,
            "Uppstartsmöte postcovid 2026-03-05 (Teams)\n"
            "Närvarande: Tove Granath, Anna-Karin Lööf Hassan, Jean-Marc Dubois, Sara Ben Salem\n"
            "- Genomgång av uppdraget och tidplanen\n"
            "- Mallarna skickas ut efter mötet, textförslag senast 10 april\n",
        ),
        "meeting_notes",
        register=False,
        note="start-up notes as plain text",
    )
    p.add(
        "texter/Kort om diagnosen postcovid KLADD.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – postcovid",
            paragraphs=[
                "Symtom: trötthet, ansträngningsutlöst försämring, kognitiva besvär, andfåddhet.",
                "Behandling: symtomlindring, planering av aktivitet och vila, rehabilitering.",
                "Prognos: de flesta förbättras inom ett år, en del har besvär längre.",
            ],
            author="Tove Granath",
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "texter/ICF core set postcovid.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["ICF", "Kategori", "Relevant (ja/nej)", "Motivering"],
                ["b130", "Energi- och driftfunktioner", "", ""],
                ["b455", "Funktioner för uthållighet", "", ""],
                ["b140", "Uppmärksamhetsfunktioner", "", ""],
                ["d230", "Att genomföra daglig rutin", "", ""],
            ],
            sheet_title="ICF-kategorier",
        ),
        "icf_assessment",
        register=True,
        note="ICF categories sent to the experts for assessment",
    )
    chain = (("A", True, "2026-04-14 09:00"), ("B", True, "2026-04-17 16:00"))
    for letter, draft, created in chain:
        p.add(
            f"texter/Textförslag och rekommendationer postcovid rev {letter}.docx",
            lambda f, letter=letter, created=created: make_docx(
                f,
                title="Textförslag och rekommendationer – postcovid",
                headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
                paragraphs=[
                    f"Revision {letter}",
                    "Överväg sjukskrivning på deltid när ansträngningsutlöst försämring finns.",
                    "Överväg gradvis upptrappning av arbetstiden med uppföljning var fjärde vecka.",
                ],
                created=dt(created),
            ),
            "text_proposal",
            draft=draft,
            register=False,
            note="an earlier revision of the chain",
        )
    p.add(
        "texter/Textförslag och rekommendationer postcovid rev C (slutversion).docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – postcovid",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Aktivitetsbegränsning",
                      "Rekommendationer"],
            paragraphs=[
                "Slutversion efter synpunkter från rekommendationsgruppen och Försäkringskassan.",
                "Överväg sjukskrivning på deltid när ansträngningsutlöst försämring finns.",
                "Överväg heltidssjukskrivning i högst 8 veckor vid uttalad utmattning.",
            ],
            created=dt("2026-06-20 10:00"),
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )  # fmt: skip
    p.add(
        "enkät/Missiv och frågor RG postcovid.pdf",
        lambda f: make_pdf(
            f,
            [
                "Till rekommendationsgruppen för FMB postcovid",
                "Du har fått denna webbenkät eftersom du ingår i rekommendationsgruppen. "
                "Vi vill ha dina synpunkter på textförslaget och rekommendationerna senast 4 maj.",
                "Fråga 1: Instämmer du i rekommendation 1? (Ja/Delvis/Nej)",
                "Fråga 2: Kommentar",
            ],
            title="Webbenkät rekommendationsgrupp postcovid",
        ),
        "survey",
        register=True,
    )
    p.add(
        "enkät/export_responses_2026-05-04.csv",
        lambda f: _txt(
            f,
            "Respondent,Completed,Q1 Agree with recommendation 1,Q2 Comment\n"
            "1,2026-04-22 09:14,Yes,\n"
            "2,2026-04-24 16:02,Partly,Deltid bör nämnas först\n"
            "3,2026-04-30 11:47,Yes,Bra text\n"
            "4,2026-05-03 20:31,No,För kort tid för heltid\n",
        ),
        "survey_response",
        register=True,
        note="survey tool export, English headers",
    )
    p.add(
        "mejl/260422 underlag till FK och NPO.msg",
        lambda f: make_msg(
            f,
            sender_name=lead[0],
            sender_email=lead[1],
            to=[("Försäkringskassan", "fmb@forsakringskassan.se"),
                ("NPO Rehabilitering", "npo.rehab@regionjh.se")],
            subject="Underlag för synpunkter – FMB postcovid",
            body=(
                "Hej,\nBifogat finns textförslag och rekommendationer för FMB postcovid. "
                "Vi tar gärna emot era synpunkter senast 6 maj.\nTove Granath"
            ),
            sent_at=dt("2026-04-22 09:00"),
            attachments=[("Textförslag postcovid rev B.docx",
                          _docx_bytes("Textförslag postcovid", ["Rekommendationer ..."]))],
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="the proposal mailed to FK and NPO",
    )  # fmt: skip
    p.add(
        "mejl/SV_ Underlag för synpunkter.msg",
        lambda f: make_msg(
            f,
            sender_name="Försäkringskassan FMB",
            sender_email="fmb@forsakringskassan.se",
            to=[(lead[0], lead[1])],
            subject="SV: Underlag för synpunkter – FMB postcovid",
            body=(
                "Hej,\nFörsäkringskassan har följande synpunkter: rekommendation 2 bör ange hur "
                "uppföljningen dokumenteras; begreppet ansträngningsutlöst försämring behöver "
                "förklaras.\nMed vänlig hälsning\nEnheten för försäkringsmedicin\n\n"
                "Från: Tove Granath\nSkickat: den 22 april 2026\n"
                "Ämne: Underlag för synpunkter – FMB postcovid"
            ),
            sent_at=dt("2026-05-05 14:20"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "möten/RG 260512.docx",
        lambda f: make_docx(
            f,
            title="Minnesanteckningar RG-möte postcovid 12 maj 2026",
            paragraphs=[
                "Deltagare: Karl-Erik von Essen, Maria Nilsson-Öberg, Lena Sjö-Björk "
                "(patientföreträdare, Long Covid Sverige), Tove Granath (projektledare).",
                "Frånvarande: Ahmed Al-Khatib.",
                "Enkätsvaren diskuterades. Beslut: rekommendationen om heltid begränsas till 8 "
                "veckor och deltid lyfts fram som förstahandsval.",
            ],
        ),
        "meeting_notes",
        register=True,
        note="RG meeting with decisions",
    )
    p.add(
        "texter/Så har synpunkterna omhändertagits.docx",
        lambda f: make_docx(
            f,
            title="Sammanställning av synpunkter och hur de omhändertagits",
            table=[
                ["Från", "Synpunkt", "Omhändertagande"],
                ["FK", "Uppföljning bör dokumenteras", "Infört i rek 2"],
                ["RG", "Deltid först", "Ändrat"],
            ],
        ),
        "comments",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "mejl/Tack för era synpunkter.msg",
        lambda f: make_msg(
            f,
            sender_name=lead[0],
            sender_email=lead[1],
            to=[("Karl-Erik von Essen", "karl-erik.vonessen@regionstockholm.se"),
                ("Maria Nilsson-Öberg", "maria.nilsson-oberg@vgregion.se"),
                ("Ahmed Al-Khatib", "ahmed.al-khatib@regionskane.se"),
                ("Lena Sjö-Björk", "lena@longcovidsverige.se")],
            subject="Tack för era synpunkter – återkoppling FMB postcovid",
            body=(
                "Hej alla,\nTack för era synpunkter i enkäten och på mötet. Här är en "
                "återkoppling på hur vi hanterat dem: deltid lyfts nu fram först och heltid "
                "begränsas till 8 veckor.\nTove"
            ),
            sent_at=dt("2026-06-25 11:00"),
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="feedback to the RG",
    )  # fmt: skip
    p.add(
        "beslut/Kunskapsunderlag med metodbeskrivning postcovid.pdf",
        lambda f: make_pdf(
            f,
            [
                "Kunskapsunderlag med metodbeskrivning – postcovid",
                "Metod: sakkunnigas bedömning, systematisk litteratursökning, webbenkät till "
                "rekommendationsgruppen.",
                "Statistik: Försäkringskassan (Midas) 2021–2025.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "beslut/Beslut 2026-09-29.pdf",
        lambda f: make_pdf(
            f,
            [
                "BESLUT",
                "Dnr 5.1-04417/2026",
                "Generaldirektören beslutar att publicera försäkringsmedicinskt beslutsstöd för "
                "postcovid (U09.9) i enlighet med regeringsuppdraget.",
                "I ärendets slutliga handläggning har deltagit Tove Granath (föredragande).",
                "Olivia Wendt, generaldirektör",
            ],
        ),
        "approval",
        register=True,
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",  # Sara Ben Salem's papers are attachments of a mail
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # no RG declaration in the folder
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
        # corrected after the first run: the folder holds no RG declaration at all (the
        # labeller meant to add the others' and did not; the label now says what is there)
        "missing_coi_for": [
            "Karl-Erik von Essen",
            "Maria Nilsson-Öberg",
            "Ahmed Al-Khatib",
            "Lena Sjö-Björk",
        ],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project B


def endometrios(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "endometrios uppd 2026")
    lead = ("Pia Holmqvist", f"pia.holmqvist@{STAFF}")
    experts = ["Eva Nilsson-Ahlqvist", "Hans-Olof Brännström"]
    rg = ["Karin Lindahl Strömberg", "Mikael Ödqvist"]
    patient = "Ingrid Sjöström-Kaya"
    eva = "Sakkunniga/Eva Nilsson-Ahlqvist"
    hob = "Sakkunniga/Hans-Olof Brännström"

    p.add(
        "Dokument1.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Projektplan – uppdatering av FMB endometrios (N80)",
                "Bakgrund: beslutsstödet publicerades 2019. Uppdateringen gäller "
                "rekommendationerna om sjukskrivningens längd efter operation och vid smärtskov.",
                "Organisation: projektledare Pia Holmqvist; två sakkunniga (gynekologi, "
                "smärtmedicin); rekommendationsgrupp med patientföreträdare.",
                "Beslut: EC. Tidplan: uppstart mars, enkät i maj, beslut i oktober.",
            ],
            author="Pia Holmqvist",
            created=dt("2026-02-03 09:00"),
        ),
        "project_plan",
        register=False,
        note="project plan, uninformative name, no title",
    )
    p.add(
        "Book1.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Vecka", "Aktivitet", "Vem"],
                ["v. 8", "Nominering sakkunniga och RG via NPO", "PH"],
                ["v. 10", "Jäv och avtal sakkunniga", "PH"],
                ["v. 11", "Statistikbeställning FK", "PH"],
                ["v. 12", "Uppstartsmöte", "PH, EN-A, H-OB"],
                ["v. 19–20", "Enkät till RG", "PH"],
                ["v. 41", "EC-föredragning", "PH"],
            ],
        ),
        "project_plan",
        register=False,
        note="time plan, default workbook name",
    )
    p.add(
        f"{eva}/scan0001.pdf",
        lambda f: make_pdf(
            f,
            _coi("Eva Nilsson-Ahlqvist", "Sakkunnig", "2026-03-02", "Göteborg"),
            title="scan0001",
        ),
        "coi_declaration",
        register=True,
        note="OCR'd scan in the expert's own folder",
    )
    p.add(
        f"{eva}/Avtal.pdf",
        lambda f: make_pdf(f, _agreement("Eva Nilsson-Ahlqvist", "1 000 kr", "2026-03-06")),
        "agreement",
        register=True,
    )
    p.add(
        f"{eva}/Avtal.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning",
            paragraphs=_agreement("Eva Nilsson-Ahlqvist", "1 000 kr", None)[1:],
        ),
        "agreement",
        draft=True,
        register=False,
        note="Word working copy beside the signed PDF",
    )
    p.add(
        f"{hob}/Bilaga 1.pdf",
        lambda f: make_pdf(f, _agreement("Hans-Olof Brännström", "1 000 kr", "2026-03-09")),
        "agreement",
        register=True,
        note="signed agreement named as an annex",
    )
    p.add(
        f"{hob}/RE_ Uppdrag som sakkunnig.msg",
        lambda f: make_msg(
            f,
            sender_name="Hans-Olof Brännström",
            sender_email="hans-olof.brannstrom@regionvasterbotten.se",
            to=[(lead[0], lead[1])],
            subject="RE: Uppdrag som sakkunnig – FMB endometrios",
            body=(
                "Hej Pia,\nJag tackar ja till uppdraget. Avtalet skickar jag underskrivet med "
                "internposten; jävsdeklarationen återkommer jag med.\nHälsningar\nHans-Olof\n\n"
                "From: Pia Holmqvist\nSent: 2 March 2026\nSubject: Uppdrag som sakkunnig"
            ),
            sent_at=dt("2026-03-03 07:55"),
        ),
        "correspondence",
        register=False,
        note="the expert accepts; no facts beyond the agreement",
    )
    p.add(
        "RG/meddelande.msg",
        lambda f: make_msg(
            f,
            sender_name=lead[0],
            sender_email=lead[1],
            to=[("Karin Lindahl Strömberg", "karin.lindahl.stromberg@sll.se"),
                ("Mikael Ödqvist", "mikael.odqvist@regionhalland.se"),
                ("Ingrid Sjöström-Kaya", "ingrid@endometriosforeningen.se")],
            subject="Inbjudan att delta i rekommendationsgruppen – FMB endometrios",
            body=(
                "Hej,\nSocialstyrelsen uppdaterar beslutsstödet för endometrios och vill be dig "
                "delta i rekommendationsgruppen. Uppdraget är att besvara en webbenkät i maj. "
                "Fyll i jävsdeklarationen i formuläret (länk).\nPia Holmqvist"
            ),
            sent_at=dt("2026-02-25 13:00"),
        ),
        "nomination_request",
        register=True,
        note="request to RG members, uninformative name",
    )  # fmt: skip
    p.add(
        "RG/Formulär jäv RG.csv",
        lambda f: _txt(
            f,
            "Tidstämpel;Namn;E-post;Roll;Ekonomiska intressen i företag inom området;"
            "Andra uppdrag som kan påverka;Jag intygar att uppgifterna är riktiga\n"
            "2026-03-01 18:22;Karin Lindahl Strömberg;karin.lindahl.stromberg@sll.se;"
            "Specialist i allmänmedicin;Nej;Nej;Ja\n"
            "2026-03-02 08:03;Mikael Ödqvist;mikael.odqvist@regionhalland.se;Fysioterapeut;"
            "Nej;Nej;Ja\n"
            "2026-03-04 21:40;Ingrid Sjöström-Kaya;ingrid@endometriosforeningen.se;"
            "Patientföreträdare;Nej;Ordförande i Endometriosföreningen;Ja\n",
        ),
        "coi_declaration",
        register=True,
        note="declarations from a web form, CSV export (semicolons)",
    )
    p.add(
        "RG/deltagare.txt",
        lambda f: _txt(
            f,
            "Rekommendationsgrupp FMB endometrios 2026\n\n"
            "Karin Lindahl Strömberg, allmänläkare, Stockholm\n"
            "Mikael Ödqvist, fysioterapeut, Halmstad\n"
            "Ingrid Sjöström-Kaya, patientföreträdare (Endometriosföreningen)\n",
            encoding="cp1252",
        ),
        "nomination_request",
        also=("other", "project_plan"),
        register=False,
        note="the group's own roster, Windows-1252 text",
    )
    p.add(
        "Statistik/Beställning.docx",
        lambda f: make_docx(
            f,
            paragraphs=[
                "Beställning av statistik från Försäkringskassan",
                "Diagnos N80 endometrios, sjukfall 2020–2025 per kön och ålder: antal startade "
                "sjukfall, median och percentiler för sjukfallens längd (Midas).",
                "Beställare: Pia Holmqvist, Socialstyrelsen",
            ],
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Statistik/data.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Diagnos", "År", "Åldersgrupp", "Antal sjukfall", "Median (dagar)"],
                ["N80", 2024, "20–29", 812, 21],
                ["N80", 2024, "30–39", 1540, 28],
                ["N80", 2024, "40–49", 990, 30],
            ],
            sheet_title="Midas N80",
            creator="Försäkringskassan",
        ),
        "statistics",
        register=True,
    )
    p.add(
        "Presentation1.pptx",
        lambda f: make_pptx(
            f,
            [
                ("Uppstartsmöte – uppdatering FMB endometrios", "16 mars 2026"),
                ("Vad ska uppdateras?", "Rekommendationer efter laparoskopi och vid smärtskov"),
                ("Arbetsgång", "Befintlig text i Mall_textförslag skickas till er efter mötet"),
            ],
        ),
        "presentation",
        register=False,
    )
    p.add(
        "anteckningar.txt",
        lambda f: _txt(
            f,
            "Minnesanteckningar uppstartsmöte 16/3\n"
            "Närvarande: Pia Holmqvist, Eva Nilsson-Ahlqvist, Hans-Olof Brännström\n"
            "Befintlig text i mallen skickas till sakkunniga, svar senast 17/4.\n"
            "Hans-Olof skickar jävsdeklarationen.\n",
        ),
        "meeting_notes",
        register=False,
    )
    p.add(
        "Texter/Dokument2.docx",
        lambda f: make_docx(
            f,
            title="Kort om diagnosen – endometrios",
            header="ARBETSKOPIA – ej för spridning",
            paragraphs=[
                "Symtom: smärta vid menstruation, buksmärta, trötthet.",
                "Behandling: hormonell behandling, smärtlindring, kirurgi.",
                "Prognos: besvären varierar och minskar ofta efter klimakteriet.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
        note="draft marked only in the page header",
    )
    p.add(
        "Texter/endometrios_rek_2026-04-20.docx",
        lambda f: make_docx(
            f,
            title="Textförslag med rekommendationer – endometrios",
            headings=["Funktionsnedsättning", "Aktivitetsbegränsning", "Rekommendationer"],
            paragraphs=["Överväg sjukskrivning 1–2 veckor efter laparoskopi."],
            created=dt("2026-04-20 10:00"),
        ),
        "text_proposal",
        draft=True,
        register=False,
        note="older date-stamped version",
    )
    p.add(
        "Texter/endometrios_rek_2026-05-04.docx",
        lambda f: make_docx(
            f,
            title="Textförslag med rekommendationer – endometrios",
            headings=["Funktionsnedsättning", "Aktivitetsbegränsning", "Rekommendationer"],
            paragraphs=[
                "Överväg sjukskrivning 1–2 veckor efter laparoskopi.",
                "Överväg deltidssjukskrivning vid återkommande smärtskov.",
            ],
            created=dt("2026-05-04 10:00"),
        ),
        "text_proposal",
        register=True,
        note="the version sent with the survey",
    )
    p.add(
        "Texter/ICF texter reviderade HOB.docx",
        lambda f: make_docx(
            f,
            title="Reviderade ICF-baserade texter – endometrios",
            headings=["Funktionsnedsättning", "Aktivitetsbegränsning"],
            paragraphs=["Smärtan kan ge nedsatt uthållighet (b455) och koncentration (b140)."],
            author="Hans-Olof Brännström",
        ),
        "text_proposal",
        also=("icf_assessment",),
        register=True,
        note="the expert's revised ICF texts, received",
    )
    p.add(
        "Enkät/missiv.pdf",
        lambda f: make_pdf(
            f,
            [
                "Missiv – webbenkät till rekommendationsgruppen, FMB endometrios",
                "Vi ber dig som ingår i rekommendationsgruppen att svara på enkäten om de "
                "uppdaterade rekommendationerna senast den 19 maj 2026.",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "Enkät/export.csv",
        lambda f: _txt(
            f,
            '"Svars-ID","Inskickat","Fråga 1: Håller du med om rekommendationen?","Kommentar"\n'
            '"101","2026-05-08","Ja",""\n'
            '"102","2026-05-12","Delvis","Ange även deltid efter större ingrepp"\n'
            '"103","2026-05-18","Ja","Bra"\n',
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "Synpunkter/SV_ Synpunkter FMB endometrios.msg",
        lambda f: make_msg(
            f,
            sender_name="Sofie Marklund",
            sender_email="sofie.marklund@regionsormland.se",
            to=[(lead[0], lead[1])],
            subject="SV: Synpunkter på uppdaterat FMB endometrios",
            body=(
                "Hej,\nBifogat finns NPO Kvinnosjukdomars synpunkter. In short: the "
                "recommendation after laparoscopy should distinguish between diagnostic and "
                "extensive surgery.\nVänliga hälsningar\nSofie Marklund, NPO Kvinnosjukdomar och "
                "förlossning"
            ),
            sent_at=dt("2026-05-15 10:30"),
            attachments=[("Synpunkter NPO endometrios.docx",
                          _docx_bytes("Synpunkter",
                                      ["Skilj på diagnostisk och omfattande kirurgi."]))],
        ),
        "comments",
        register=True,
        note="mixed-language reply with the comments attached",
    )  # fmt: skip
    steps = {
        "plan": "complete",
        "recruit_project_group": "partial",  # Hans-Olof Brännström: no declaration
        "statistics": "complete",
        "recruit_recommendation_group": "complete",
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "needs_confirmation",  # update: meeting only if needed
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
            "consider_comments": ["complete"],
            "collect_comments": ["partial"],
            "startup_meeting": ["partial"],
            "vips": ["not_applicable", "needs_confirmation"],
        },
        "missing_coi_for": ["Hans-Olof Brännström"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


# ---------------------------------------------------------------- project C


def axel(project: type[Project], share: Path, dt: Any) -> tuple[Project, dict[str, Any]]:
    p = project(share, "SAS axelsmärta FMB")
    lead = f"Niklas Persson <niklas.persson@{STAFF}>"
    experts = ["Mari-Liis Tamm", "Björn af Klinteberg"]
    rg = ["Sofia Karlsson Berg", "Omar Hadzic", "Britt-Marie Lund"]
    patient = "Leif Östman"

    p.add(
        "2025-11/SAS project plan v1.0.docx",
        lambda f: make_docx(
            f,
            title="SAS – projektplan (project plan)",
            headings=["Background", "Organisation", "Timeline"],
            paragraphs=[
                "Uppdatering av försäkringsmedicinskt beslutsstöd för subakromiellt "
                "smärtsyndrom (SAS, M75.4). The existing recommendations are from 2018.",
                "Project lead: Niklas Persson. Two experts (orthopaedics, physiotherapy) via "
                "NPO Rörelseorganens sjukdomar. Approval by EC.",
                "Timeline: start December 2025, survey in March, publication in June 2026.",
            ],
            author="Niklas Persson",
            created=dt("2025-11-20 14:00"),
        ),
        "project_plan",
        register=False,
    )
    p.add(
        "2025-11/SAS_nominations_request_NPO.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["npo.rorelse@regionostergotland.se"],
            subject="Request for experts – update of FMB subacromial pain (SAS)",
            body=(
                "Hej,\nVi uppdaterar beslutsstödet för subakromiellt smärtsyndrom och ber NPO "
                "nominera två sakkunniga till projektgruppen (ortoped, fysioterapeut).\n"
                "Best regards,\nNiklas Persson"
            ),
            sent_at=dt("2025-11-24 09:30"),
        ),
        "nomination_request",
        register=True,
    )
    p.add(
        "2025-12/DoI_Tamm.pdf",
        lambda f: make_pdf(
            f,
            [
                "DECLARATION OF INTERESTS / JÄVSDEKLARATION",
                "Name / Namn: Mari-Liis Tamm",
                "Role: expert, project group FMB SAS",
                "Interests in companies in the field: none / inga",
                "Date: 2025-12-08   Signature: Mari-Liis Tamm",
            ],
        ),
        "coi_declaration",
        register=True,
        note="bilingual form",
    )
    p.add(
        "2025-12/DoI_afKlinteberg_scan.pdf",
        lambda f: make_pdf(f, [], text_layer=False),
        "coi_declaration",
        register=True,
        note="textless scan; the name says DoI and the surname",
    )
    for name, short in (("Mari-Liis Tamm", "Tamm"), ("Björn af Klinteberg", "afKlinteberg")):
        p.add(
            f"2025-12/SAS_contract_{short}_signed.pdf",
            lambda f, name=name: make_pdf(f, _agreement(name, "1 200 kr", "2025-12-12")),
            "agreement",
            register=True,
        )
    p.add(
        "2025-12/SAS_contract_Tamm.docx",
        lambda f: make_docx(
            f,
            title="Avtal om ersättning",
            paragraphs=_agreement("Mari-Liis Tamm", "1 200 kr", None),
        ),
        "agreement",
        draft=True,
        register=False,
        note="Word copy beside the signed PDF",
    )
    p.add(
        "2026-01/Midas order SAS.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["statistik@forsakringskassan.se"],
            subject="Beställning Midas: M75.4 subakromiellt smärtsyndrom",
            body=(
                "Hej,\nSocialstyrelsen beställer uppgifter ur Midas för M75.4, 2020–2025: antal "
                "sjukfall, längd (median, p25, p75) per kön.\nNiklas Persson"
            ),
            sent_at=dt("2026-01-08 10:00"),
        ),
        "statistics",
        register=True,
    )
    p.add(
        "2026-01/Re_ Midas order SAS.eml",
        lambda f: make_eml(
            f,
            sender="Försäkringskassan statistik <statistik@forsakringskassan.se>",
            to=["niklas.persson@socialstyrelsen.se"],
            subject="Re: Beställning Midas: M75.4 subakromiellt smärtsyndrom",
            body="Hej,\nHär kommer det beställda uttaget.\nMvh Analysavdelningen",
            sent_at=dt("2026-02-02 13:45"),
            attachments=[("sjukfall_M754_2020-2025.xlsx",
                          _xlsx_bytes([["År", "Antal sjukfall"], [2024, 3120], [2025, 2980]]))],
        ),
        "statistics",
        register=True,
        note="the statistics delivery as an attachment",
    )  # fmt: skip
    p.add(
        "2026-01/kickoff_SAS_minutes.docx",
        lambda f: make_docx(
            f,
            title="Minutes – kick-off meeting, FMB SAS update",
            paragraphs=[
                "Present: Niklas Persson, Mari-Liis Tamm, Björn af Klinteberg.",
                "The existing texts were presented. Mall_textförslag with the current text is "
                "sent to the experts after the meeting; revised texts due 20 February.",
            ],
        ),
        "meeting_notes",
        register=False,
    )
    p.add(
        "2026-01/RG invitation.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["sofia.karlsson.berg@regionorebrolan.se", "omar.hadzic@regiongavleborg.se",
                "britt-marie.lund@regionkalmar.se", "leif.ostman@reumatikerforbundet.org"],
            subject="Inbjudan: rekommendationsgrupp FMB subakromiellt smärtsyndrom",
            body=(
                "Hej,\nVill du ingå i rekommendationsgruppen för uppdateringen av FMB SAS? "
                "Uppdraget är en webbenkät i mars. Bifoga en ifylld jävsdeklaration i ditt svar."
                "\nNiklas"
            ),
            sent_at=dt("2026-01-19 15:00"),
        ),
        "nomination_request",
        register=True,
    )  # fmt: skip
    p.add(
        "2026-02/RG_DoI_forms.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Name", "Organisation", "Role", "Interests declared", "Date"],
                ["Sofia Karlsson Berg", "Region Örebro län", "GP", "None", "2026-02-02"],
                ["Omar Hadzic", "Region Gävleborg", "Physiotherapist", "None", "2026-02-03"],
                ["Leif Östman", "Reumatikerförbundet", "Patient representative", "None",
                 "2026-02-05"],
            ],
            sheet_title="DoI received",
        ),
        "coi_declaration",
        register=True,
        note="declarations collected in a sheet, English",
    )  # fmt: skip
    p.add(
        "2026-02/SAS text proposal (for internal review only).docx",
        lambda f: make_docx(
            f,
            title="SAS – textförslag",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "For internal review only – not to be circulated.",
                "Överväg sjukskrivning 2–4 veckor vid tungt överhuvudarbete.",
            ],
        ),
        "text_proposal",
        draft=True,
        register=False,
    )
    p.add(
        "2026-03/SAS text proposal incl recommendations - sent to RG.docx",
        lambda f: make_docx(
            f,
            title="SAS – textförslag med rekommendationer",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Aktivitetsbegränsning",
                      "Rekommendationer"],
            paragraphs=[
                "Symtom: smärta i axeln vid lyft över axelhöjd. Prognos: god för de flesta.",
                "Överväg sjukskrivning 2–4 veckor vid tungt överhuvudarbete.",
                "Överväg arbetsanpassning före sjukskrivning vid lätt arbete.",
            ],
        ),
        "text_proposal",
        register=True,
        note="the version sent out for comment",
    )  # fmt: skip
    p.add(
        "2026-03/Cover letter and survey RG.pdf",
        lambda f: make_pdf(
            f,
            [
                "Webbenkät till rekommendationsgruppen – FMB SAS",
                "Hej! Du får denna enkät som deltagare i rekommendationsgruppen. Svara senast "
                "den 24 mars 2026.",
                "Question 1: Do you agree with recommendation 1? Instämmer du?",
            ],
        ),
        "survey",
        register=True,
    )
    p.add(
        "2026-03/Survey report SAS.pdf",
        lambda f: make_pdf(
            f,
            [
                "Survey report – recommendation group, FMB SAS",
                "Responses: 4 of 4 (100 %)",
                "Q1 agree with recommendation 1: 3 yes, 1 partly",
                "Comments: 'Mention part-time sick leave', 'Good'",
            ],
            title="Survey report",
        ),
        "survey_response",
        register=True,
    )
    p.add(
        "2026-04/FW_ Comments from FK on SAS.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=[f"registrator@{STAFF}"],
            subject="FW: Synpunkter FMB SAS",
            body=(
                "For registration.\n\n-----Original Message-----\n"
                "From: Försäkringskassan <fmb@forsakringskassan.se>\nSent: 2 April 2026\n"
                "Subject: Synpunkter FMB SAS\n\n"
                "Försäkringskassan anser att rekommendation 2 bör ange tidsgräns för "
                "arbetsanpassning."
            ),
            sent_at=dt("2026-04-02 16:00"),
        ),
        "comments",
        register=True,
    )
    p.add(
        "2026-04/comments_log.xlsx",
        lambda f: make_xlsx(
            f,
            [
                ["Source", "Comment", "Response / action", "Changed"],
                ["RG", "Mention part-time sick leave", "Added to rec 1", "Yes"],
                ["FK", "Time limit for adjustment", "Added 4 weeks", "Yes"],
            ],
            sheet_title="Handling of comments",
        ),
        "comments",
        also=("text_proposal",),
        register=True,
        note="record of how comments were handled, English",
    )
    p.add(
        "2026-05/SAS final version.docx",
        lambda f: make_docx(
            f,
            title="Försäkringsmedicinskt beslutsstöd – subakromiellt smärtsyndrom",
            headings=["Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"],
            paragraphs=[
                "Final version after comments (slutversion).",
                "Överväg deltidssjukskrivning 2–4 veckor vid tungt överhuvudarbete.",
            ],
        ),
        "publication",
        also=("text_proposal",),
        register=True,
    )
    p.add(
        "2026-05/Knowledge basis and method SAS.docx",
        lambda f: make_docx(
            f,
            title="Kunskapsunderlag med metodbeskrivning – SAS",
            paragraphs=[
                "Method: expert assessment, literature search, recommendation group survey.",
                "Statistik: Försäkringskassan, Midas 2020–2025.",
            ],
        ),
        "knowledge_basis",
        register=True,
    )
    p.add(
        "2026-06/Beslutsprotokoll EC 2026-06-10.pdf",
        lambda f: make_pdf(
            f,
            [
                "Beslutsprotokoll",
                "Enhetschefen beslutar att den uppdaterade versionen av försäkringsmedicinskt "
                "beslutsstöd för subakromiellt smärtsyndrom publiceras.",
                "2026-06-10, Helena Rask, enhetschef. Föredragande: Niklas Persson.",
            ],
        ),
        "approval",
        register=True,
    )
    p.add(
        "2026-06/thank you RG.eml",
        lambda f: make_eml(
            f,
            sender=lead,
            to=["sofia.karlsson.berg@regionorebrolan.se", "omar.hadzic@regiongavleborg.se",
                "britt-marie.lund@regionkalmar.se", "leif.ostman@reumatikerforbundet.org"],
            subject="Thank you / tack – FMB SAS",
            body=(
                "Hej,\nTack för era svar! Återkoppling: deltid nämns nu i rekommendation 1 och "
                "arbetsanpassning har en tidsgräns på 4 veckor. Publicering i juni.\nNiklas"
            ),
            sent_at=dt("2026-06-12 09:00"),
        ),
        "correspondence",
        also=("comments",),
        register=True,
        note="feedback to the RG",
    )  # fmt: skip
    p.add(
        "2026-09/lessons.txt",
        lambda f: _txt(
            f,
            "Erfarenhetsrapport FMB SAS (uppdatering) – lessons learned\n"
            "Bra: snabba svar från sakkunniga, full svarsfrekvens i enkäten.\n"
            "Förbättra: boka EC-föredragningen tidigare; en jävsdeklaration från RG kom "
            "aldrig in.\n",
        ),
        "experience_report",
        register=True,
        note="experience report as plain text",
    )
    steps = {
        "plan": "complete",
        "recruit_project_group": "complete",
        "statistics": "complete",
        "recruit_recommendation_group": "partial",  # Britt-Marie Lund: no declaration
        "brief_diagnosis_text": "complete",
        "icf_sections": "complete",
        "startup_meeting": "complete",
        "compile_proposals": "complete",
        "collect_comments": "complete",
        "consider_comments": "needs_confirmation",  # update: no RG meeting, none needed?
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
            "collect_comments": ["partial"],
            "startup_meeting": ["partial"],
            "vips": ["missing"],
            "records_closure": ["missing"],
        },
        "missing_coi_for": ["Britt-Marie Lund"],
        "people": _people(experts, rg, patient),
    }
    return p, meta


PROJECTS = (postcovid, endometrios, axel)
