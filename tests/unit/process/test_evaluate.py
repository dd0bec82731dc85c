"""The evaluator, per step and per condition, for both variants (documents as values)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from recordkeeper.model import EmailFacts
from recordkeeper.process import ClassifiedDocument, ProjectFile, check_documents
from recordkeeper.process.projectfile import Confirmation, PersonEntry
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.ruleset.process import ProcessRules
from tests.unit.process.helpers import TODAY, doc, project

RULES_DIR = Path(__file__).resolve().parents[3] / "rules"
VARIANTS = ("new", "update")


@pytest.fixture(scope="module")
def rules() -> ProcessRules:
    model = load_ruleset(RULES_DIR).one("process")
    assert isinstance(model, ProcessRules)
    return model


def statuses(rules: ProcessRules, docs, **kwargs) -> dict[str, str]:
    evaluation = check_documents(rules, docs, kwargs.pop("today", TODAY), **kwargs)
    return {s.step_id: s.status for s in evaluation.steps}


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_complete_project_is_complete_except_the_steps_a_person_confirms(rules, variant) -> None:
    evaluation = check_documents(rules, project(variant), TODAY)
    assert evaluation.variant == variant
    result = {s.step_id: s.status for s in evaluation.steps}
    assert result.pop("vips") == "needs_confirmation"
    assert result.pop("records_closure") == "needs_confirmation"
    assert set(result.values()) == {"complete"}
    assert [f for f in evaluation.findings if f.severity != "info"] == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_expert_without_declaration_is_reported_per_person(rules, variant) -> None:
    evaluation = check_documents(rules, project(variant, coi_missing_for=("Lars Berg",)), TODAY)
    step = evaluation.step("recruit_project_group")
    assert step.status == "partial"
    assert [(m.what, m.person) for m in step.missing] == [("coi_declaration", "Lars Berg")]
    person = next(p for p in evaluation.people if p.name == "Lars Berg")
    assert person.missing == ("coi_declaration",)
    warning = next(f for f in evaluation.findings if f.person == "Lars Berg")
    assert warning.severity == "error"  # the expert already took part in the start-up meeting


def test_missing_declaration_is_raised_as_soon_as_the_person_appears(rules) -> None:
    only_plan = [d for d in project("new") if d.doc_class == "project_plan"]
    evaluation = check_documents(rules, only_plan, TODAY)
    people = {
        f.person for f in evaluation.findings if f.key.startswith("process.warn.person_missing")
    }
    assert people == {"Karin Ek", "Lars Berg"}
    assert all(f.severity == "warning" for f in evaluation.findings if f.person)


def test_patient_representative_without_declaration_makes_the_rg_step_partial(rules) -> None:
    evaluation = check_documents(rules, project("update", coi_missing_for=("Nils Holm",)), TODAY)
    step = evaluation.step("recruit_recommendation_group")
    assert step.status == "partial"
    assert [(m.what, m.person) for m in step.missing] == [("coi_declaration", "Nils Holm")]


@pytest.mark.parametrize("variant", VARIANTS)
def test_project_stopped_mid_way_has_later_steps_missing_without_warnings(rules, variant) -> None:
    keep = ("plan", "stat_request", "stat_data", "startup", "brief", "icf", "icf_texts", "rg_list")
    docs = [d for d in project(variant) if not _late(d.path)]
    evaluation = check_documents(rules, docs, TODAY)
    result = {s.step_id: s.status for s in evaluation.steps}
    assert result["startup_meeting"] == "complete"
    for later in (
        "compile_proposals",
        "collect_comments",
        "consider_comments",
        "revise",
        "knowledge_basis",
        "approval",
        "vips",
        "evaluate_close",
        "records_closure",
    ):
        assert result[later] == "missing", later
    assert [f for f in evaluation.findings if f.severity != "info"] == []
    assert keep  # the kept documents are those of steps 1-7


def _late(path: str) -> bool:
    return int(path[:2]) >= 8


def test_update_without_rg_meeting_needs_confirmation(rules) -> None:
    result = statuses(rules, project("update", drop=("rg_meeting",)))
    assert result["consider_comments"] == "needs_confirmation"


def test_new_support_without_rg_meeting_is_partial(rules) -> None:
    result = statuses(rules, project("new", drop=("rg_meeting", "rg_booking")))
    assert result["consider_comments"] == "partial"
    assert result["recruit_recommendation_group"] == "partial"


def test_update_needs_no_booked_rg_meeting(rules) -> None:
    assert (
        statuses(rules, project("update", drop=("rg_booking",)))["recruit_recommendation_group"]
        == "complete"
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_statistics_request_makes_statistics_partial(rules, variant) -> None:
    evaluation = check_documents(rules, project(variant, drop=("stat_request",)), TODAY)
    step = evaluation.step("statistics")
    assert step.status == "partial"
    assert [m.what for m in step.missing] == ["statistics_request"]


def test_no_statistics_at_all_is_missing_and_loud_at_approval(rules) -> None:
    evaluation = check_documents(rules, project("new", drop=("stat_request", "stat_data")), TODAY)
    assert evaluation.step("statistics").status == "missing"
    loud = [f for f in evaluation.findings if f.key == "process.warn.started_before_done"]
    assert len(loud) == 1
    assert loud[0].severity == "error"
    assert loud[0].params["gaps"] == "statistics"


def test_one_expert_needs_confirmation_unless_sick_leave_is_uncomplicated(rules) -> None:
    docs = project("new", experts=("Karin Ek",))
    assert statuses(rules, docs)["recruit_project_group"] == "needs_confirmation"
    stated = ProjectFile(facts={"uncomplicated_sick_leave": True})
    assert statuses(rules, docs, project_file=stated)["recruit_project_group"] == "complete"
    denied = ProjectFile(facts={"uncomplicated_sick_leave": False})
    assert statuses(rules, docs, project_file=denied)["recruit_project_group"] == "partial"


def test_uncomplicated_sick_leave_is_read_from_the_plan(rules) -> None:
    docs = project("new", experts=("Karin Ek",))
    docs.append(
        doc(
            "01 Plan/Bakgrund.docx",
            "project_plan",
            "Sjukskrivning vid diagnosen bedöms okomplicerad.",
        )
    )
    assert statuses(rules, docs)["recruit_project_group"] == "complete"


def test_negated_uncomplicated_sick_leave_does_not_count(rules) -> None:
    docs = project("new", experts=("Karin Ek",))
    docs.append(
        doc("01 Plan/Bakgrund.docx", "project_plan", "Sjukskrivningen är inte okomplicerad.")
    )
    assert statuses(rules, docs)["recruit_project_group"] == "needs_confirmation"


def test_approval_by_the_wrong_body_is_flagged(rules) -> None:
    docs = [d for d in project("update") if d.doc_class != "approval"]
    docs.append(doc("13 Beslut/Beslut.docx", "approval", "Beslut av AC, avdelningschef."))
    evaluation = check_documents(rules, docs, TODAY)
    assert evaluation.step("approval").status == "partial"
    warning = next(f for f in evaluation.findings if f.key == "process.warn.wrong_approver")
    assert warning.params == {"expected": "EC", "found": "AC"}


def test_government_assignment_is_approved_by_gd(rules) -> None:
    docs = project("new")
    docs.append(doc("01 Plan/Uppdrag.docx", "project_plan", "Detta är ett regeringsuppdrag."))
    assert statuses(rules, docs)["approval"] == "partial"  # the memo names AC, not GD
    docs = [d for d in docs if d.doc_class != "approval"]
    docs.append(doc("13 Beslut/Beslut.docx", "approval", "Beslut av GD."))
    assert statuses(rules, docs)["approval"] == "complete"


def test_survey_answers_overdue_after_two_weeks_and_grace(rules) -> None:
    docs = [d for d in project("new") if not d.path.startswith(("10", "11", "12", "13", "15"))]
    late = check_documents(rules, docs, date(2025, 10, 1))
    overdue = [f for f in late.findings if f.key == "process.warn.overdue"]
    assert [f.params["deadline"] for f in overdue] == ["2025-09-15"]
    early = check_documents(rules, docs, date(2025, 9, 10))
    assert [f.key for f in early.findings if f.step_id == "consider_comments"] == [
        "process.warn.waiting"
    ]


def test_vips_needs_confirmation_only_once_passed(rules) -> None:
    stopped_at_approval = [d for d in project("new") if not d.path.startswith("15")]
    result = statuses(rules, stopped_at_approval)
    assert result["vips"] == "missing"
    assert result["records_closure"] == "missing"


def test_project_file_confirmation_and_not_applicable(rules) -> None:
    stated = ProjectFile(
        confirmations={"vips": Confirmation(note="inlagt")},
        not_applicable={"statistics": "ingen statistik finns"},
    )
    docs = project("new", drop=("stat_request", "stat_data"))
    evaluation = check_documents(
        rules, docs, TODAY, project_file=stated, project_file_path="projekt.yaml"
    )
    assert evaluation.step("vips").status == "complete"
    assert evaluation.step("vips").evidence == ("projekt.yaml",)
    assert evaluation.step("statistics").status == "not_applicable"
    assert not [f for f in evaluation.findings if f.severity == "error"]


def test_project_file_variant_and_people_win(rules) -> None:
    stated = ProjectFile(
        variant="update",
        people=(
            PersonEntry(name="Karin Ek", roles=("expert",)),
            PersonEntry(name="Eva Strand", roles=("expert",)),
        ),
    )
    evaluation = check_documents(rules, project("new"), TODAY, project_file=stated)
    assert evaluation.variant == "update"
    assert evaluation.variant_source == "project_file"
    experts = [p.name for p in evaluation.people if "expert" in p.roles]
    assert experts == ["Karin Ek", "Eva Strand"]
    step = evaluation.step("recruit_project_group")
    assert {(m.what, m.person) for m in step.missing} == {
        ("coi_declaration", "Eva Strand"),
        ("agreement", "Eva Strand"),
    }


def test_unknown_variant_is_reported_and_variant_specific_items_need_confirmation(rules) -> None:
    docs = [d for d in project("new") if d.doc_class != "project_plan"]
    evaluation = check_documents(rules, docs, TODAY)
    assert evaluation.variant is None
    assert any(f.key == "process.warn.variant_unknown" for f in evaluation.findings)
    assert evaluation.step("consider_comments").status == "complete"  # RG meeting notes exist
    assert evaluation.step("icf_sections").status == "complete"  # both kinds of ICF evidence exist


def test_variant_is_read_from_the_folder_name(rules) -> None:
    docs = [d for d in project("new") if d.doc_class != "project_plan"]
    evaluation = check_documents(rules, docs, TODAY, project_name="FMB Lumbago uppdatering 2025")
    assert evaluation.variant == "update"


def test_a_scanned_declaration_named_by_surname_counts_for_that_person(rules) -> None:
    docs = project("new", coi_missing_for=("Lars Berg",))
    docs.append(doc("02 Projektgrupp/Jäv Berg.pdf", "coi_declaration", ""))
    assert statuses(rules, docs)["recruit_project_group"] == "complete"


def test_draft_does_not_count_where_a_final_version_is_required(rules) -> None:
    model = rules.model_copy()
    item = model.step("revise").evidence[0]
    assert item.version == "any"
    step = rules.step("plan")
    assert step.evidence[0].version == "any"


def test_unnamed_scans_cover_people_only_when_there_are_enough(rules) -> None:
    docs = project("new", coi_missing_for=("Karin Ek", "Maria Lind"))
    docs.append(doc("02 Projektgrupp/scan_0001.pdf", "coi_declaration", ""))
    evaluation = check_documents(rules, docs, TODAY)
    assert {p.name for p in evaluation.people if "coi_declaration" in p.missing} == {
        "Karin Ek",
        "Maria Lind",
    }
    docs.append(doc("04 RG/scan_0002.pdf", "coi_declaration", ""))
    evaluation = check_documents(rules, docs, TODAY)
    assert not [p for p in evaluation.people if p.missing]
    assert any(f.key == "process.warn.unnamed_documents" for f in evaluation.findings)


def test_an_unclassified_declaration_in_english_still_counts(rules) -> None:
    docs = project("new", coi_missing_for=("Lars Berg",))
    docs.append(doc("Declaration of interests Lars Berg.pdf", "other", "Name: Lars Berg"))
    assert statuses(rules, docs)["recruit_project_group"] == "complete"


def test_a_copy_of_the_instruction_is_never_evidence(rules) -> None:
    stopped = [d for d in project("new") if not _late(d.path)]
    stopped.append(
        doc(
            "Instruktion 3.1.3.5 kopia.pdf",
            "publication",
            "Dokumentera hur de inkomna synpunkterna har omhändertagits. Slutversion.",
        )
    )
    assert statuses(rules, stopped)["revise"] == "missing"


def test_the_final_version_counts_as_the_revised_proposal(rules) -> None:
    # many folders keep no separate "reviderat" file: the final version is the last revision
    docs = project("new", drop=("revised", "icf_texts"))
    assert statuses(rules, docs)["revise"] == "complete"


def test_notes_named_with_the_rg_abbreviation_are_the_rg_meeting(rules) -> None:
    notes = doc("10 Svar/Anteckningar RG 2025-10-02.docx", "meeting_notes", "Deltagare: ...")
    docs = [*project("new", drop=("rg_meeting",)), notes]
    assert statuses(rules, docs)["consider_comments"] == "complete"


def test_notes_that_name_the_rg_meeting_only_in_the_body_are_the_rg_meeting(rules) -> None:
    notes = doc(
        "06 Möte/Anteckningar 2025-05-14.docx",
        "meeting_notes",
        "Deltagare: Maria Lind, Olof Sund\nMötet med rekommendationsgruppen hölls eftersom "
        "enkätsvaren var motstridiga.",
        title="Minnesanteckningar",
    )
    docs = [*project("update", drop=("rg_meeting",)), notes]
    assert statuses(rules, docs)["consider_comments"] == "complete"


def test_notes_that_merely_mention_the_rg_are_not_the_rg_meeting(rules) -> None:
    notes = doc(
        "06 Möte/Anteckningar 2025-05-14.docx",
        "meeting_notes",
        "Deltagare: Karin Ek, Lars Berg\nTextförslaget skickas till rekommendationsgruppen.",
        title="Minnesanteckningar",
    )
    docs = [*project("update", drop=("rg_meeting",)), notes]
    assert statuses(rules, docs)["consider_comments"] == "needs_confirmation"


def _textless_pdf(path: str) -> ClassifiedDocument:
    scan = doc(path, "other", "")
    return ClassifiedDocument(replace(scan.facts, kind="pdf"), scan.classification)


def test_one_unreadable_scan_never_fills_two_gaps(rules) -> None:
    # a declaration lacking for one person, an agreement for another: one scan nothing
    # could read may be either, so crediting it would hide a gap (issue #4)
    docs = project("new", coi_missing_for=("Maria Lind",), drop=("agreement Lars Berg",))
    docs.append(_textless_pdf("04 RG/IMG_4411.pdf"))
    evaluation = check_documents(rules, docs, TODAY)
    missing = {(p.name, what) for p in evaluation.people for what in p.missing}
    assert missing == {("Maria Lind", "coi_declaration"), ("Lars Berg", "agreement")}
    docs.append(_textless_pdf("04 RG/IMG_4412.pdf"))
    evaluation = check_documents(rules, docs, TODAY)
    assert not [p for p in evaluation.people if p.missing]


def test_thanks_with_how_the_comments_were_handled_is_the_feedback_to_the_rg(rules) -> None:
    thanks = doc(
        "11 Revidering/Tack till rekommendationsgruppen.eml",
        "correspondence",
        "Tack för era svar. Bifogat finns en sammanställning av hur synpunkterna har hanterats.",
        email=EmailFacts(sender="anna.berg@sos.se", subject="Tack för era synpunkter – FMB"),
    )
    docs = [*project("new", drop=("feedback",)), thanks]
    assert statuses(rules, docs)["revise"] == "complete"


def test_a_proposal_revised_after_the_comments_shows_revision_began(rules) -> None:
    stopped = [d for d in project("new") if not _late(d.path) or d.path.startswith("10 ")]
    assert statuses(rules, stopped)["revise"] == "missing"
    revised = doc(
        "11 Revidering/Reviderat textförslag efter RG.docx",
        "text_proposal",
        "Rekommendation: deltid 2–6 veckor.",
        title="Reviderat textförslag efter synpunkter",
        draft=True,
    )
    assert statuses(rules, [*stopped, revised])["revise"] == "partial"


def test_a_scan_its_name_placed_and_a_blank_template_cover_nobody(rules) -> None:
    # issue #4, session 4: a textless agreement scan (`AVT_AS.pdf`, class agreement from
    # its name) is no unnamed declaration, and a blank template is nobody's document
    docs = project("new", coi_missing_for=("Maria Lind",))
    avt = _textless_pdf("02 PG/AVT_AS.pdf")
    docs.append(ClassifiedDocument(avt.facts, replace(avt.classification, doc_class="agreement")))
    docs.append(doc("0_ADMIN/Mall_Jävsdeklaration.dotx", "other", "Namn: ____"))
    evaluation = check_documents(rules, docs, TODAY)
    assert {p.name for p in evaluation.people if "coi_declaration" in p.missing} == {"Maria Lind"}
    docs.append(_textless_pdf("04 RG/IMG_4411.pdf"))  # a scan nothing classified still counts
    evaluation = check_documents(rules, docs, TODAY)
    assert not [p for p in evaluation.people if "coi_declaration" in p.missing]


def test_an_english_final_version_and_how_comments_were_handled_complete_the_revision(
    rules,
) -> None:
    docs = project("new", drop=("feedback", "revised", "handling", "final"))
    assert statuses(rules, docs)["revise"] == "missing"
    docs.append(
        doc(
            "Final/FMB depression - final version.docx",
            "publication",
            "Slutversion 2026-08-20",
            title="Försäkringsmedicinskt beslutsstöd – depression",
        )
    )
    docs.append(
        doc(
            "Feedback to RG.eml",
            "correspondence",
            "Bifogat finns en sammanställning av hur synpunkterna har hanterats.",
            email=EmailFacts(
                sender="hanna.sjogren@socialstyrelsen.se",
                subject="Återkoppling: så har vi hanterat era synpunkter",
            ),
        )
    )
    assert statuses(rules, docs)["revise"] == "complete"


def test_a_scan_whose_folder_says_decision_is_nobodys_declaration(rules) -> None:
    # issue #4, session 5: a textless scan in "Beslut/" (the classifier's candidate:
    # approval) never fills a person's gap by elimination; one with no hint may
    docs = project("new", coi_missing_for=("Maria Lind",))
    decision = _textless_pdf("Beslut/scan_0063.pdf")
    decision = ClassifiedDocument(
        decision.facts,
        replace(decision.classification, reasons=("low_score", "candidate:approval")),
    )
    evaluation = check_documents(rules, [*docs, decision], TODAY)
    assert {p.name for p in evaluation.people if "coi_declaration" in p.missing} == {"Maria Lind"}
    evaluation = check_documents(rules, [*docs, _textless_pdf("Jäv/scan_0064.pdf")], TODAY)
    assert not [p for p in evaluation.people if p.missing]


def test_an_experts_declaration_shows_nothing_of_the_rg_step(rules) -> None:
    # issue #4, session 5: a project stopped while recruiting experts has no RG yet; the
    # experts' declarations do not make the RG step begun
    docs = [
        d
        for d in project("update", rg=(), patient_rep="")
        if d.path.startswith(("01", "02", "03")) and "Lars Berg" not in d.path
    ]
    assert {d.path for d in docs} >= {"02 Projektgrupp/Jävsdeklaration Karin Ek.pdf"}
    assert statuses(rules, docs)["recruit_recommendation_group"] == "missing"
    rg_scan = doc("04 RG/Jäv/scan_0001.pdf", "coi_declaration", "")  # an unnamed one does
    assert statuses(rules, [*docs, rg_scan])["recruit_recommendation_group"] != "missing"
