"""Documents of the later steps: proposals, comments, revision, annex, approval, closing.

Same contract as `steps_early.py`: one function per step (or pair of steps),
adding `DocSpec`s with their labels to a `ProjectDraft`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from recordkeeper.samples.documents import AGENCY, ProjectDraft, label
from recordkeeper.samples.people import Person, make_person, name_variant
from recordkeeper.samples.scenario import Scenario, Team
from recordkeeper.samples.spec import DocSpec
from recordkeeper.samples.steps_early import NPO_MAIL, TEXT_TEMPLATE
from recordkeeper.samples.texts import ICF, filler_paragraphs

__all__ = [
    "add_approval",
    "add_close",
    "add_collect_comments",
    "add_compile",
    "add_consider_comments",
    "add_knowledge_basis",
    "add_noise",
    "add_revise",
]

FK_FMB_MAIL = "fmb@forsakringskassan.se"
_KB_TEMPLATE = "Mall_Kunskapsunderlag med metodbeskrivning FMB.docx"


def _proposal_body(pd: ProjectDraft) -> list[str]:
    d = pd.diagnosis
    return [
        f"Symtom: {d.symptoms}",
        f"Behandling: {d.treatment}",
        f"Prognos: {d.prognosis}",
        "Funktionsnedsättning: " + ", ".join(ICF[c] for c in d.icf[:3]) + ".",
        "Aktivitetsbegränsning: " + ", ".join(ICF[c] for c in d.icf[3:] or d.icf[:1]) + ".",
        f"Rekommendation: {d.recommendation}",
        *filler_paragraphs(pd.rng, pd.rng.randint(2, 8)),
    ]


def add_compile(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Expert contributions, drafts and the compiled proposal with recommendations."""
    d, expert = pd.diagnosis, team.experts[0]
    stem = f"Textförslag och rekommendationer FMB {d.name}"
    lab = label("text_proposal", "compile_proposals")
    pd.add(
        DocSpec(
            pd.path("texts", f"Textförslag från {expert.family}", "eml"),
            "eml",
            pd.at(66),
            # Received from an external expert and substantive: registered on arrival.
            label("correspondence", "compile_proposals", personal_data=True, must_register=True),
            sender=expert.email,
            to=(team.lead.email,),
            subject=f"Textförslag FMB {d.name}",
            paragraphs=[
                "Hej! Bifogar mina textförslag enligt mallen.",
                f"Hälsningar {expert.name}\n{expert.organisation}\n{expert.phone}",
            ],
            attachments=[(f"Textförslag {d.name} {expert.family}.docx", b"see share")],
        )
    )
    draft = replace(lab, draft=True, must_register=False)
    versions = pd.rng.randint(1, 3) + 4 * (sc.draft_rounds - 1)
    for version in range(1, versions + 1):
        # A version chain in "Gamla versioner/": the version number is the only draft mark.
        pd.add(
            DocSpec(
                pd.old_path("texts", f"{stem} v0.{version}", "docx"),
                "docx",
                pd.at(68 + 12 * version // versions),
                draft,
                title=stem,
                paragraphs=_proposal_body(pd)[: 2 + version],
                template=TEXT_TEMPLATE,
            )
        )
    for round_ in range(1, sc.draft_rounds):
        _expert_reply(pd, team, team.experts[round_ % len(team.experts)], round_)
    pd.add_draft("texts", stem, pd.at(80), lab, title=stem, paragraphs=_proposal_body(pd))
    pd.add(
        DocSpec(
            pd.path("texts", stem + " till RG", "docx"),
            "docx",
            pd.at(90),
            lab,
            title=f"Textförslag med preliminära rekommendationer – {d.name}",
            headings=("Kort om diagnosen", "Funktionsnedsättning", "Rekommendationer"),
            paragraphs=_proposal_body(pd),
            template=TEXT_TEMPLATE,
            author=team.lead.name,
        )
    )


def _expert_reply(pd: ProjectDraft, team: Team, expert: Person, round_: int) -> None:
    """A busy project's back-and-forth: an expert's comments on one more version."""
    pd.add(
        DocSpec(
            pd.path("texts", f"SV Textförslag version {round_}", "eml"),
            "eml",
            pd.at(70 + round_ % 15),
            label("correspondence", "compile_proposals", personal_data=True, must_register=True),
            sender=expert.email,
            to=(team.lead.email,),
            subject=f"SV: Textförslag FMB {pd.diagnosis.name}, version 0.{round_}",
            paragraphs=[
                pd.rng.choice(
                    (
                        "Jag har gått igenom versionen och har några ändringar under Prognos.",
                        "Rekommendationen om deltid bör förtydligas, se mina kommentarer.",
                        "Ser bra ut. Ett par språkliga justeringar bifogas.",
                    )
                ),
                f"Hälsningar {expert.short}\n{expert.phone}",
            ],
        )
    )


def add_collect_comments(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Web survey with cover letter (missiv) to the RG; material e-mailed to FK and NPO."""
    d, sent = pd.diagnosis, pd.at(100)
    deadline = (sent + timedelta(days=14)).date().isoformat()
    if "no_survey" not in sc.gaps:
        pd.add(
            DocSpec(
                pd.path("survey", f"Missiv enkät FMB {d.name}", "docx"),
                "docx",
                sent,
                label("survey", "collect_comments"),
                title=f"Missiv – webbenkät om textförslag till FMB {d.name}",
                paragraphs=[
                    f"Du tillfrågas som deltagare i rekommendationsgruppen för FMB {d.name}.",
                    f"Sista svarsdag är {deadline}. Svaren används för att revidera förslagen.",
                    f"Frågor besvaras av projektledare {team.lead.name}.",
                ],
                header=f"Dnr {pd.dnr(sent)}",
            )
        )
        pd.add(
            DocSpec(
                pd.path("survey", f"Enkät rekommendationsgrupp FMB {d.name}", "pdf"),
                "pdf",
                sent,
                label("survey", "collect_comments"),
                title=f"Enkät till rekommendationsgruppen – FMB {d.name}",
                paragraphs=[
                    "Fråga 1. Hur väl beskriver texten Kort om diagnosen symtom och prognos? (1-5)",
                    "Fråga 2. Har du synpunkter på rekommendationerna om sjukskrivning?",
                    "Fråga 3. Övriga synpunkter.",
                    f"Svarstid: två veckor, senast {deadline}.",
                ],
            )
        )
    pd.add(
        DocSpec(
            pd.path("comments", f"Underlag för synpunkter FMB {d.name} till FK och NPO", "eml"),
            "eml",
            pd.at(101),
            label("correspondence", "collect_comments", personal_data=True, must_register=True),
            sender=team.lead.email,
            to=(FK_FMB_MAIL, NPO_MAIL),
            subject=f"Begäran om synpunkter: förslag till FMB {d.name}",
            paragraphs=[
                f"Bifogat finns förslag till {'nytt' if sc.variant == 'new' else 'uppdaterat'} "
                f"beslutsstöd för {d.name}. Vi tar gärna emot synpunkter senast {deadline}.",
                f"Vänliga hälsningar\n{team.lead.name}\n{AGENCY}",
            ],
            attachments=[(f"Textförslag {d.name}.pdf", b"%PDF-1.4 placeholder")],
        )
    )


def _survey_rows(pd: ProjectDraft, team: Team) -> list[list[object]]:
    rows: list[list[object]] = [["Svars-id", "Namn", "E-post", "Yrke", "Fråga 1", "Synpunkter"]]
    for n, member in enumerate(team.rg, 1):
        comment = pd.rng.choice(
            (
                "Rekommendationen om sjukskrivningens längd bör nyanseras.",
                "Bra och tydligt. Inga synpunkter.",
                "Texten om prognos är för optimistisk enligt min erfarenhet.",
            )
        )
        if "patient_representative" in member.roles:
            comment = (
                f"Som patient själv, sjukskriven på grund av {pd.diagnosis.name.lower()} sedan "
                f"{pd.rng.randint(2019, 2023)}, saknar jag text om hur besvären varierar."
            )
            if pd.rng.random() < 0.5:
                comment += f" Ring mig gärna, pnr {member.personnummer}."
        rows.append([f"R{n:03d}", member.name, member.email, member.profession, n % 5 + 1, comment])
    return rows


def add_consider_comments(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Survey answers and report, comments from FK and NPO, RG meeting notes when held."""
    d = pd.diagnosis
    if "no_survey" not in sc.gaps:
        pd.add(
            DocSpec(
                pd.path("survey", f"Enkätsvar FMB {d.name}", "xlsx"),
                "xlsx",
                pd.at(116),
                label("survey_response", "consider_comments", personal_data=True),
                rows=_survey_rows(pd, team),
                sheet_title="Svar",
                author="SurveyGenerator",
            )
        )
        pd.add(
            DocSpec(
                pd.path("survey", f"Enkätrapport FMB {d.name}", "pdf"),
                "pdf",
                pd.at(117),
                label("survey_response", "consider_comments", personal_data=True),
                title=f"Rapport webbenkät – rekommendationsgrupp FMB {d.name}",
                paragraphs=[f"Antal svar: {len(team.rg)}"]
                + [f"{r[1]} ({r[2]}): {r[5]}" for r in _survey_rows(pd, team)[1:]],
            )
        )
    handler = _fk_handler(pd)
    pd.add(
        DocSpec(
            pd.path("comments", f"Synpunkter från Försäkringskassan FMB {d.name}", "eml"),
            "eml",
            pd.at(113),
            label("comments", "consider_comments", personal_data=True),
            sender=handler.email,
            to=(team.lead.email,),
            subject=f"SV: Begäran om synpunkter: förslag till FMB {d.name}",
            paragraphs=[
                "Försäkringskassan har följande synpunkter: rekommendationerna bör ange "
                "tidsintervall för sjukskrivningens längd.",
                f"Med vänlig hälsning\n{handler.name}\nFörsäkringskassan\nTel. {handler.phone}",
            ],
        )
    )
    pd.add(
        DocSpec(
            pd.path("comments", f"Yttrande NPO FMB {d.name}", "pdf"),
            "pdf",
            pd.at(114),
            label("comments", "consider_comments"),
            title=f"Synpunkter från NPO Rehabilitering, habilitering och försäkringsmedicin – "
            f"FMB {d.name}",
            paragraphs=[
                "NPO ställer sig i huvudsak bakom förslaget.",
                "Texten om behandling bör hänvisa till nationellt vårdförlopp.",
                "För NPO, ordförande",
            ],
        )
    )
    if sc.english:
        reviewer = _fk_handler(pd)
        pd.add(
            DocSpec(
                pd.path("comments", "Comments on draft decision support", "eml"),
                "eml",
                pd.at(115),
                label("comments", "consider_comments", personal_data=True, lang="en"),
                sender=reviewer.email,
                to=(team.lead.email,),
                subject=f"Comments on the draft decision support for {d.name}",
                paragraphs=[
                    "Dear colleagues, please find our comments below. The prognosis section "
                    "could mention factors that delay return to work.",
                    f"Kind regards,\n{reviewer.name}\n{reviewer.phone}",
                ],
            )
        )
    if sc.rg_meeting:
        _rg_meeting(pd, team)


def _fk_handler(pd: ProjectDraft) -> Person:
    person = make_person(pd.rng, ("external",), set())
    return Person(
        person.given,
        person.family,
        None,
        person.email.split("@")[0] + "@forsakringskassan.se",
        person.phone,
        "Försäkringskassan",
        "försäkringsmedicinsk rådgivare",
        person.personnummer,
        ("external",),
    )


def _rg_meeting(pd: ProjectDraft, team: Team) -> None:
    when = pd.at(125)
    present = "; ".join(name_variant(p, pd.rng) for p in (team.lead, *team.rg[:-1]))
    pd.add(
        DocSpec(
            pd.path("rg", f"Minnesanteckningar möte rekommendationsgruppen {when.date()}", "docx"),
            "docx",
            pd.at(126),
            label("meeting_notes", "consider_comments", must_register=True),
            title=f"Minnesanteckningar från möte med rekommendationsgruppen – FMB "
            f"{pd.diagnosis.name}",
            paragraphs=[
                f"Datum: {when.date().isoformat()}",
                f"Närvarande: {present}",
                "Motstridiga synpunkter om sjukskrivningens längd diskuterades.",
                "Gruppen enades om att rekommendationen anger ett intervall.",
            ],
        )
    )


def add_revise(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Revised proposal, how comments were handled, final version, feedback to the RG."""
    d = pd.diagnosis
    stem = f"Textförslag FMB {d.name} reviderat efter synpunkter"
    lab = label("text_proposal", "revise")
    for round_ in range(sc.draft_rounds):
        pd.add_draft(
            "revise", stem, pd.at(128 + round_), lab, title=stem, paragraphs=_proposal_body(pd)
        )
    pd.add(
        DocSpec(
            pd.path("revise", stem, "docx"),
            "docx",
            pd.at(134),
            lab,
            title=f"Reviderat textförslag – {d.name}",
            paragraphs=_proposal_body(pd),
            template=TEXT_TEMPLATE,
        )
    )
    handling = [["Synpunkt", "Från", "Hur den omhändertagits"]]
    handling += [
        ["Ange tidsintervall för sjukskrivning", "Försäkringskassan", "Infört"],
        ["Hänvisa till nationellt vårdförlopp", "NPO", "Infört under Behandling"],
        ["Prognostexten för optimistisk", "Rekommendationsgruppen", "Omformulerat"],
    ]
    pd.add(
        DocSpec(
            pd.path("revise", "Sammanställning synpunkter och omhändertagande", "docx"),
            "docx",
            pd.at(136),
            # Records how comments were handled (instruction: "Dokumentera hur ...").
            label("comments", "revise"),
            title="Sammanställning av inkomna synpunkter och hur de har omhändertagits",
            table=handling,
        )
    )
    when = pd.at(140)
    pd.add(
        DocSpec(
            pd.path("revise", f"FMB {d.name} slutversion", "docx"),
            "docx",
            when,
            label("publication", "revise"),
            title=f"Försäkringsmedicinskt beslutsstöd – {d.name}",
            headings=("Kort om diagnosen", "Rekommendationer"),
            paragraphs=_proposal_body(pd),
            footer=f"Slutversion {when.date().isoformat()}",
            template=TEXT_TEMPLATE,
        )
    )
    pd.add(
        DocSpec(
            pd.path("rg", "Återkoppling till rekommendationsgruppen", "eml"),
            "eml",
            pd.at(142),
            label("correspondence", "revise", personal_data=True, must_register=True),
            sender=team.lead.email,
            to=tuple(p.email for p in team.rg),
            subject=f"Återkoppling: FMB {d.name}",
            paragraphs=[
                "Tack för era synpunkter. Här är en sammanfattning av hur de har omhändertagits.",
                f"Hälsningar\n{team.lead.name}",
            ],
        )
    )


def add_knowledge_basis(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """The annex Kunskapsunderlag med metodbeskrivning, draft then final."""
    d = pd.diagnosis
    stem = f"Kunskapsunderlag med metodbeskrivning FMB {d.name}"
    lab = label("knowledge_basis", "knowledge_basis")
    experts = ", ".join(p.name for p in team.experts)
    body = [
        f"Sakkunniga i projektgruppen: {experts}. Samtliga har lämnat jävsdeklaration.",
        "Rekommendationsgruppen har lämnat synpunkter via webbenkät.",
        "Statistik från Försäkringskassan (Midas) avser sjukfall längre än 14 dagar.",
        "Litteratursökning har gjorts endast i undantagsfall.",
        *filler_paragraphs(pd.rng, pd.rng.randint(4, 12)),
    ]
    pd.add_draft("knowledge_basis", stem, pd.at(148), lab, title=stem, paragraphs=body[:2])
    pd.add(
        DocSpec(
            pd.path("knowledge_basis", stem, "docx"),
            "docx",
            pd.at(152),
            lab,
            title=f"Bilaga: Kunskapsunderlag med metodbeskrivning – {d.name}",
            headings=("Metod", "Projektgrupp och rekommendationsgrupp", "Statistik"),
            paragraphs=body,
            table=[["År", "Startade sjukfall", "Median"], [str(sc.year - 1), "4 210", "48"]],
            template=_KB_TEMPLATE,
            images=1,
        )
    )


def add_approval(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Presentation memo and decision: AC for a new support, EC for an update."""
    d, when = pd.diagnosis, pd.at(165)
    who = "AC" if sc.variant == "new" else "EC"
    role = "avdelningschef (AC)" if who == "AC" else "enhetschef (EC)"
    pd.add(
        DocSpec(
            pd.path("approval", f"Föredragning {who} FMB {d.name}", "docx"),
            "docx",
            when,
            label("approval", "approval"),
            title=f"Föredragning för {role}: publicering av FMB {d.name}",
            paragraphs=[
                f"Förslag till beslut: att {role} godkänner publicering av "
                f"{'nytt' if sc.variant == 'new' else 'uppdaterat'} beslutsstöd för {d.name}.",
                "Underlag: beslutsstödet och bilaga Kunskapsunderlag med metodbeskrivning.",
                f"Föredragande: {team.lead.name}",
            ],
        )
    )
    for spec in list(pd.specs):
        if spec.label.doc_class in ("publication", "knowledge_basis") and not spec.label.draft:
            pd.copy_to(spec, "approval")
    decided = pd.at(168)
    pd.add(
        DocSpec(
            pd.path("approval", f"Beslut publicering FMB {d.name}", "pdf"),
            "pdf",
            decided,
            label("approval", "approval"),
            title=f"Beslut om publicering – FMB {d.name}",
            paragraphs=[
                f"Dnr {pd.dnr(decided)}",
                f"{role[0].upper()}{role[1:]} beslutar att beslutsstödet för {d.name} "
                "ska publiceras.",
                f"Stockholm {decided.date().isoformat()}",
                "Underskrift: ______________________",
            ],
            text_layer=pd.rng.random() < 0.7,
            images=1,
        )
    )


def add_close(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Experience report (erfarenhetsrapport)."""
    d = pd.diagnosis
    pd.add(
        DocSpec(
            pd.path("close", f"Erfarenhetsrapport FMB {d.name}", "docx"),
            "docx",
            pd.at(190),
            label("experience_report", "evaluate_close"),
            title=f"Erfarenhetsrapport – FMB {d.name}",
            headings=("Vad gick bra", "Vad kan förbättras"),
            paragraphs=[
                "Rekryteringen via NPO tog längre tid än planerat.",
                "Webbenkäten gav många och konstruktiva svar.",
            ],
            template="erfarenhetsrapport-mall.dotx",
        )
    )


def add_noise(pd: ProjectDraft, sc: Scenario, team: Team) -> None:
    """Files that belong to no step: a catering order, a copy of the instruction, loose notes."""
    pd.add(
        DocSpec(
            pd.path("misc", "Fika till uppstartsmötet", "docx"),
            "docx",
            pd.at(36),
            label("other", None),
            title="Beställning av fika",
            paragraphs=["8 personer, kaffe och smörgås, rum Lärkan."],
        )
    )
    pd.add(
        DocSpec(
            pd.path("misc", "Instruktion 3.1.3.5 kopia", "pdf"),
            "pdf",
            pd.at(1),
            label("other", None),
            title="Instruktion 3.1.3.5 Ta fram och publicera försäkringsmedicinskt beslutsstöd",
            paragraphs=["Syfte och styrning", "Genomförande", "Processbild"],
        )
    )
    pd.add(
        DocSpec(
            pd.path("misc", "att göra", "txt"),
            "txt",
            pd.at(50),
            label("other", None),
            paragraphs=[
                "- påminn sakkunniga om textförslag",
                f"- boka rum till möte {pd.at(125).date().isoformat()}",
            ],
        )
    )
