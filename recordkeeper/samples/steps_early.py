"""Documents of the first steps: plan, recruitment, statistics, first texts, start-up meeting.

Each function adds one step's documents to a `ProjectDraft`, following
instruction 3.1.3.5 and the scenario's variant and gaps. Labels are decided
here, next to the content that justifies them.
"""

from __future__ import annotations

from recordkeeper.samples.documents import AGENCY, ProjectDraft, label
from recordkeeper.samples.people import Person, fake_personnummer, name_variant
from recordkeeper.samples.scenario import Scenario, Team
from recordkeeper.samples.spec import DocSpec, Format
from recordkeeper.samples.texts import ICF, filler_paragraphs

__all__ = [
    "add_brief_text",
    "add_icf",
    "add_plan",
    "add_project_group",
    "add_recommendation_group",
    "add_startup",
    "add_statistics",
]

NPO_MAIL = "npo.rehab-fm@example-rcc.se"
FK_MAIL = "statistik@forsakringskassan.se"
TEXT_TEMPLATE = "Mall_Textförslag FMB i ny dokumentmall.dotx"


def _signoff(person: Person, *, phone: bool = True) -> str:
    lines = ["Vänliga hälsningar", person.name, person.organisation]
    if phone:
        lines.append(f"Tel. {person.phone}")
    return "\n".join(lines)


def _variant_sentence(pd: ProjectDraft) -> str:
    d = pd.diagnosis
    if pd.variant == "new":
        return f"Uppdraget är att ta fram ett nytt försäkringsmedicinskt beslutsstöd för {d.name}."
    return f"Uppdraget är en uppdatering av det befintliga beslutsstödet för {d.name} ({d.icd})."


def add_plan(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Project plan (final and old drafts), time and activity plan."""
    d, when = pd.diagnosis, pd.at(0)
    experts = ", ".join(name_variant(p, pd.rng) for p in team.experts)
    body = [
        _variant_sentence(pd),
        f"Projektledare: {team.lead.name}.",
        f"Sakkunniga i projektgruppen: {experts}.",
        "Rekommendationsgruppen rekryteras via ansvarigt NPO och ska omfatta berörda professioner "
        "samt en patientrepresentant.",
        "Statistik beställs från Försäkringskassan (Midas) och redovisas i bilagan "
        "Kunskapsunderlag med metodbeskrivning.",
        "Godkännande: "
        + ("AC (nytt beslutsstöd)." if pd.variant == "new" else "EC (uppdatering)."),
        *filler_paragraphs(pd.rng, pd.rng.randint(3, 10)),
    ]
    table = [
        ["Aktivitet", "Start", "Klart"],
        ["Rekrytera projektgrupp", pd.at(7).date().isoformat(), pd.at(30).date().isoformat()],
        ["Uppstartsmöte", pd.at(40).date().isoformat(), pd.at(40).date().isoformat()],
        ["Enkät till rekommendationsgrupp", pd.at(100).date().isoformat(), "+2 veckor"],
        ["Föredragning", pd.at(165).date().isoformat(), ""],
    ]
    stem = f"Projektplan FMB {d.name}"
    lab = label("project_plan", "plan")
    pd.add_draft("plan", stem, pd.at(-10), lab, title=stem, paragraphs=body[:3])
    pd.add(
        DocSpec(
            pd.path("plan", stem + f" {sc.year}", "docx"),
            "docx",
            when,
            lab,
            title=f"Projektplan – försäkringsmedicinskt beslutsstöd {d.name}",
            headings=("Bakgrund och syfte", "Organisation", "Tidplan"),
            paragraphs=body,
            table=table,
            footer=f"Fastställd {when.date().isoformat()} av enhetschef",
            author=team.lead.name,
        )
    )
    rows: list[list[object]] = [["Processteg", "Aktivitet", "Ansvarig", "Vecka"]]
    for week, step in enumerate(("Plan", "Rekrytera", "Statistik", "Uppstart", "Enkät"), 1):
        rows.append([step, f"{step} enligt 3.1.3.5", team.lead.short, week * 3])
    pd.add(
        DocSpec(
            pd.path("plan", "Tid- och aktivitetsplan", "xlsx"),
            "xlsx",
            pd.at(2),
            lab,
            rows=rows,
            sheet_title="Tidplan",
            author=team.lead.name,
        )
    )
    if sc.english:
        pd.add(
            DocSpec(
                pd.path("plan", "Project plan summary (EN)", "docx", informative=True),
                "docx",
                pd.at(3),
                label("project_plan", "plan", lang="en"),
                title=f"Project plan – insurance medicine decision support, {d.name}",
                paragraphs=[
                    "This is an update of the existing decision support."
                    if pd.variant == "update"
                    else "This project develops a new decision support.",
                    f"Project lead: {team.lead.name}. Experts: {experts}.",
                ],
            )
        )


def _declaration(
    pd: ProjectDraft, sc: Scenario, person: Person, where: str, day: int, step: str
) -> None:
    """A conflict-of-interest declaration: a scan, a signed PDF or a signed Word file."""
    when = pd.at(day)
    english = sc.english and pd.rng.random() < 0.3
    lab = label(
        "coi_declaration",
        step,
        personal_data=True,
        people=(person.name,),
        lang="en" if english else "sv",
    )
    kind = pd.rng.random()
    if kind < 0.4:
        stem = pd.rng.choice((f"Jäv {person.family}", "Jävsdeklaration", "Undertecknad"))
        pd.add(
            DocSpec(
                pd.path(where, stem, "pdf"),
                "pdf",
                when,
                lab,
                text_layer=False,
                images=pd.rng.randint(1, 2),
            )
        )
        return
    if english:
        title = "Declaration of interests"
        body = [
            f"Name: {person.name}",
            f"Employer: {person.organisation}",
            "Do you have any employment, assignment or financial interest that could affect "
            "your impartiality? No.",
            "I confirm that the information above is correct.",
        ]
    else:
        title = "Jävsdeklaration för extern sakkunnig"
        body = [
            f"Namn: {name_variant(person, pd.rng)}",
            f"Arbetsgivare: {person.organisation}",
            "Har du anställning, uppdrag eller ekonomiska intressen som kan påverka din "
            "opartiskhet i uppdraget? " + pd.rng.choice(("Nej.", "Ja, föreläsningsuppdrag 2024.")),
            "Jag intygar att uppgifterna är riktiga och anmäler ändringar.",
        ]
        if pd.rng.random() < 0.5:
            body.insert(1, f"Personnummer: {person.personnummer}")
    body += pd.signature(person, when)
    fmt: Format = "pdf" if kind < 0.7 else "docx"
    stem = f"{'Declaration of interests' if english else 'Jävsdeklaration'} {person.short}"
    pd.add(
        DocSpec(
            pd.path(where, stem, fmt),
            fmt,
            when,
            lab,
            title=title,
            paragraphs=body,
            author=person.name,
        )
    )


def _agreement(pd: ProjectDraft, person: Person, day: int) -> None:
    when = pd.at(day)
    lab = label("agreement", "recruit_project_group", personal_data=True, people=(person.name,))
    stem = f"Avtal om ersättning {person.family}"
    body = [
        f"Mellan {AGENCY} (uppdragsgivare) och {person.name}, personnummer "
        f"{person.personnummer} (uppdragstagare).",
        f"Uppdraget: medverka som sakkunnig i projektgruppen för FMB {pd.diagnosis.name}.",
        f"Ersättning: {pd.rng.choice((1100, 1200, 1350))} kr per timme, högst "
        f"{pd.rng.choice((40, 60, 80))} timmar.",
        "Uppdragstagaren har lämnat jävsdeklaration.",
    ]
    if pd.rng.random() < 0.3:
        pd.add_draft(
            "agreement", stem, pd.at(day - 5), lab, title="Avtal om ersättning", paragraphs=body
        )
    fmt: Format = "pdf" if pd.rng.random() < 0.5 else "docx"
    pd.add(
        DocSpec(
            pd.path("agreement", stem, fmt),
            fmt,
            when,
            lab,
            title="Avtal om ersättning för uppdrag som sakkunnig",
            header=f"Dnr {pd.dnr(when)}",
            paragraphs=[*body, *pd.signature(person, when), *pd.signature(pd.lead, when)],
        )
    )


def add_project_group(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Nomination request and answer, a declaration and an agreement per expert."""
    d, lead = pd.diagnosis, team.lead
    pd.add(
        DocSpec(
            pd.path("project_group", f"Förfrågan om nominering sakkunniga FMB {d.name}", "eml"),
            "eml",
            pd.at(5),
            label("nomination_request", "recruit_project_group", personal_data=True),
            sender=lead.email,
            to=(NPO_MAIL,),
            subject=f"Förfrågan om nominering av sakkunniga till FMB {d.name}",
            paragraphs=[
                "Hej,",
                f"{AGENCY} ska {'ta fram' if sc.variant == 'new' else 'uppdatera'} "
                f"försäkringsmedicinskt beslutsstöd för {d.name} och efterfrågar nominering av "
                "sakkunniga till projektgruppen. Vi förvarnar även om kommande förfrågan om "
                "deltagare till rekommendationsgruppen.",
                _signoff(lead),
            ],
        )
    )
    nominees = "\n".join(f"{p.name}, {p.profession}, {p.email}" for p in team.experts)
    pd.add(
        DocSpec(
            pd.path("project_group", f"SV Förfrågan om nominering {d.name}", "eml"),
            "eml",
            pd.at(14),
            label("nomination_request", "recruit_project_group", personal_data=True),
            sender=NPO_MAIL,
            to=(lead.email,),
            subject=f"SV: Förfrågan om nominering av sakkunniga till FMB {d.name}",
            paragraphs=["Hej! NPO nominerar följande sakkunniga:", nominees, "Hälsningar, NPO"],
        )
    )
    for index, expert in enumerate(team.experts):
        if not ("missing_coi_expert" in sc.gaps and index == len(team.experts) - 1):
            _declaration(pd, sc, expert, "coi", 18 + index, "recruit_project_group")
        _agreement(pd, expert, 22 + index)


def add_statistics(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Formal request to FK (Midas), FK's delivery, and shorter sick leave data from Inera."""
    d = pd.diagnosis
    lab = label("statistics", "statistics")
    if "no_statistics_request" not in sc.gaps:
        title = f"Beställning av statistik ur Midas – {d.name} ({d.icd})"
        body = [
            f"{AGENCY} begär uppgifter ur Försäkringskassans databas Midas för diagnos {d.icd}.",
            "Vi önskar antalet startade sjukfall, antalet unika fall, median, medelvärde samt "
            "25:e och 75:e percentilen för sjukfallens längd, uppdelat på kön och totalt.",
            "Beställ de senaste data ni har och ett år tillbaka i tiden.",
        ]
        if pd.rng.random() < 0.5:
            pd.add(
                DocSpec(
                    pd.path("statistics", "Statistikbeställning Midas", "docx"),
                    "docx",
                    pd.at(12),
                    lab,
                    title=title,
                    paragraphs=body,
                    header=f"Dnr {pd.dnr(pd.at(12))}",
                )
            )
        else:
            pd.add(
                DocSpec(
                    pd.path("statistics", f"Statistikbeställning {d.name}", "eml"),
                    "eml",
                    pd.at(12),
                    label("statistics", "statistics", personal_data=True),
                    sender=team.lead.email,
                    to=(FK_MAIL,),
                    subject=title,
                    paragraphs=[*body, _signoff(team.lead)],
                )
            )
        pd.add(
            DocSpec(
                pd.path("statistics", f"Statistik FK Midas {d.icd} {sc.year}", "xlsx"),
                "xlsx",
                pd.at(35),
                lab,
                rows=_midas_rows(pd, sc),
                sheet_title="Midas",
                author="Försäkringskassan",
            )
        )
    rows: list[list[object]] = [["Diagnos", "Sjukfall < 14 dagar", "Median dagar"]]
    rows.append([d.icd, pd.rng.randint(800, 9000), pd.rng.randint(5, 13)])
    pd.add(
        DocSpec(
            pd.path("statistics", f"Inera kortare sjukfall {d.icd}", "xlsx"),
            "xlsx",
            pd.at(33),
            lab,
            rows=rows,
        )
    )


def _midas_rows(pd: ProjectDraft, sc: Scenario) -> list[list[object]]:
    rows: list[list[object]] = [
        ["År", "Kön", "Startade sjukfall", "Unika fall", "Median", "Medel", "P25", "P75"]
    ]
    for year in (sc.year - 2, sc.year - 1):
        for sex in ("Kvinnor", "Män", "Totalt"):
            median = pd.rng.randint(20, 120)
            cases = pd.rng.randint(500, 20000)
            spread = [median + pd.rng.randint(5, 40), median // 2, median * 2]
            rows.append([year, sex, cases, cases * 3 // 4, median, *spread])
    # FK's extract id looks like a personnummer but fails the check digit: not personal data.
    rows.append(["Uttags-id", fake_personnummer(pd.rng), "", "", "", "", "", ""])
    return rows


def add_recommendation_group(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Nomination via NPO, member list, a declaration per member, meeting booking."""
    d, lead = pd.diagnosis, team.lead
    pd.add(
        DocSpec(
            pd.path("rg", f"Förfrågan deltagare rekommendationsgrupp {d.name}", "eml"),
            "eml",
            pd.at(15),
            label("nomination_request", "recruit_recommendation_group", personal_data=True),
            sender=lead.email,
            to=(NPO_MAIL,),
            subject=f"Förfrågan om deltagare till rekommendationsgrupp, FMB {d.name}",
            paragraphs=[
                "Vi söker deltagare med aktuell erfarenhet av patientgruppen, från berörda "
                "professioner och om möjligt en patientförening.",
                _signoff(lead),
            ],
        )
    )
    rows: list[list[object]] = [["Namn", "Profession", "Organisation", "E-post"]]
    rows += [[name_variant(p, pd.rng), p.profession, p.organisation, p.email] for p in team.rg]
    pd.add(
        DocSpec(
            pd.path("rg", "Nominerade till rekommendationsgruppen", "xlsx"),
            "xlsx",
            pd.at(25),
            label("nomination_request", "recruit_recommendation_group", personal_data=True),
            rows=rows,
            author="NPO",
        )
    )
    for index, member in enumerate(team.rg):
        if "missing_coi_patient_rep" in sc.gaps and member is team.patient_rep:
            continue
        _declaration(pd, sc, member, "rg_coi", 28 + index, "recruit_recommendation_group")
    if sc.rg_meeting:
        meeting = pd.at(125).date().isoformat()
        pd.add(
            DocSpec(
                pd.path("rg", f"Kallelse möte rekommendationsgruppen {meeting}", "eml"),
                "eml",
                pd.at(30),
                label("correspondence", "recruit_recommendation_group", personal_data=True),
                sender=lead.email,
                to=tuple(p.email for p in team.rg),
                subject=f"Kallelse: möte med rekommendationsgruppen FMB {d.name} {meeting}",
                paragraphs=[
                    f"Välkomna till möte med rekommendationsgruppen den {meeting} kl. 13-15 "
                    "via Teams. Boka in datumet redan nu.",
                    _signoff(lead, phone=False),
                ],
            )
        )


def add_brief_text(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Kort om diagnosen: written by the agency (new) or the existing text put in the template."""
    d = pd.diagnosis
    stem = f"Kort om diagnosen {d.name}"
    body = [f"Symtom: {d.symptoms}", f"Behandling: {d.treatment}", f"Prognos: {d.prognosis}"]
    lab = label("text_proposal", "brief_diagnosis_text")
    if sc.variant == "new":
        pd.add_draft("texts", stem, pd.at(30), lab, title=stem, paragraphs=body[:2])
        title = f"Textförslag Kort om diagnosen – {d.name}"
    else:
        title = f"Befintlig text Kort om diagnosen – {d.name} (för översyn)"
    pd.add(
        DocSpec(
            pd.path("texts", stem + " textförslag", "docx"),
            "docx",
            pd.at(38),
            lab,
            title=title,
            headings=("Symtom", "Behandling", "Prognos"),
            paragraphs=body,
            template=TEXT_TEMPLATE,
            author=team.lead.name,
        )
    )


def add_icf(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """ICF template for expert assessment (new) or the expert's revised texts (update)."""
    d, expert = pd.diagnosis, team.experts[0]
    if sc.variant == "new":
        table = [["ICF-kod", "Kategori", "Central", "Kompletterande"]]
        table += [[code, ICF[code], "", ""] for code in d.icf]
        pd.add(
            DocSpec(
                pd.path("texts", f"ICF-kategorier för expertbedömning {d.name}", "docx"),
                "docx",
                pd.at(41),
                label("icf_assessment", "icf_sections"),
                title=f"ICF-kategorier för bedömning av sakkunnig – {d.name}",
                paragraphs=[f"Core set för {d.name} har använts som utgångspunkt."],
                table=table,
                template="Mall_ICF kategorier for expertbedomning.dotx",
            )
        )
        assessed = [["ICF-kod", "Kategori", "Central", "Kompletterande"]]
        for code in d.icf:
            central = pd.rng.random() < 0.6
            assessed.append([code, ICF[code], "X" if central else "", "" if central else "X"])
        pd.add(
            DocSpec(
                pd.path("texts", f"ICF bedömning {expert.family}", "docx"),
                "docx",
                pd.at(60),
                label("icf_assessment", "icf_sections"),
                title=f"ICF-kategorier för bedömning av sakkunnig – {d.name}",
                paragraphs=[f"Bedömning av {expert.name}."],
                table=assessed,
                author=expert.name,
                template="Mall_ICF kategorier for expertbedomning.dotx",
            )
        )
        return
    pd.add(
        DocSpec(
            pd.path("texts", f"Reviderade ICF-texter {d.name} {expert.family}", "docx"),
            "docx",
            pd.at(62),
            label("text_proposal", "icf_sections"),
            title=f"Funktionsnedsättning och aktivitetsbegränsning – översyn {d.name}",
            paragraphs=[f"{code} {ICF[code]}: texten ses över." for code in d.icf],
            author=expert.name,
            template=TEXT_TEMPLATE,
        )
    )


def add_startup(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Start-up meeting: presentation, notes, templates sent to the experts afterwards."""
    d, when = pd.diagnosis, pd.at(40)
    slides = [
        (f"Uppstartsmöte FMB {d.name}", f"{when.date().isoformat()}, {team.lead.name}"),
        ("Om försäkringsmedicinskt beslutsstöd", "Rekommendationer om sjukskrivning"),
        ("Arbetsgång enligt instruktion 3.1.3.5", "Textförslag, enkät, föredragning"),
        ("Texterna ska vara kortfattade", "Standardformuleringar för ICF-kategorier"),
        ("Nästa steg", "Mall_textförslag skickas efter mötet"),
    ]
    pd.add(
        DocSpec(
            pd.path("startup", f"Uppstartsmöte FMB {d.name}", "pptx"),
            "pptx",
            when,
            label("presentation", "startup_meeting"),
            slides=slides,
            author=team.lead.name,
            images=pd.rng.choice((0, 1)),
        )
    )
    present = ", ".join(name_variant(p, pd.rng) for p in (team.lead, *team.experts))
    pd.add(
        DocSpec(
            pd.path(
                "startup", f"Minnesanteckningar uppstartsmöte {when.date().isoformat()}", "docx"
            ),
            "docx",
            pd.at(41),
            # Notes that record decisions add facts to the matter, so they are registered.
            label("meeting_notes", "startup_meeting", must_register=True),
            title=f"Minnesanteckningar uppstartsmöte FMB {d.name}",
            paragraphs=[
                f"Närvarande: {present}",
                "Projektledaren presenterade arbetsgången och tidplanen.",
                f"Beslut: textförslag lämnas senast {pd.at(65).date().isoformat()}.",
            ],
        )
    )
    templates = (
        "Mall_textförslag och Mall_ICF-kategorier" if sc.variant == "new" else "Mall_textförslag"
    )
    pd.add(
        DocSpec(
            pd.path("startup", "Mallar efter uppstartsmötet", "eml"),
            "eml",
            pd.at(42),
            label("correspondence", "startup_meeting", personal_data=True),
            sender=team.lead.email,
            to=tuple(p.email for p in team.experts),
            subject=f"Mallar efter uppstartsmötet – FMB {d.name}",
            paragraphs=[f"Tack för mötet! Här kommer {templates}.", _signoff(team.lead)],
            attachments=[("Mall_textförslag.docx", "Mall_textförslag".encode())],
        )
    )
