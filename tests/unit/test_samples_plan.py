"""The project generator as values: deterministic, complete, with the planted gaps."""

from __future__ import annotations

import random
import re

import pytest

from recordkeeper.samples.documents import REGISTER_WHEN_FINAL
from recordkeeper.samples.people import (
    fake_personnummer,
    luhn_check_digit,
    personnummer,
    samordningsnummer,
)
from recordkeeper.samples.projects import (
    EVAL_SCENARIOS,
    GAPS,
    LARGE_SCENARIO,
    STEP_IDS,
    expected_steps,
    plan_share,
    random_scenarios,
)
from recordkeeper.samples.scenario import Scenario
from recordkeeper.samples.spec import DocSpec

# DOMAIN.md's canonical class ids.
CLASSES = {
    "coi_declaration", "agreement", "nomination_request", "statistics", "project_plan",
    "text_proposal", "icf_assessment", "meeting_notes", "presentation", "survey",
    "survey_response", "comments", "knowledge_basis", "approval", "publication",
    "experience_report", "correspondence", "other",
}  # fmt: skip
_NUMBER = re.compile(r"\b(\d{2})?(\d{6})-(\d{3})(\d)\b")
_UNINFORMATIVE = re.compile(
    r"^(Dokument\d|Nytt dokument|ny\d|temp|Namnlöst|scan_|Skannat|IMG_|doc\d|svar|Bok\d|export"
    r"|Blad\d|Presentation\d|ppt\d|Meddelande|SV_ FMB|VB_|RE_|anteckningar|Ny textfil)"
)


def _text(spec: DocSpec) -> str:
    cells = [str(c) for row in (*spec.table, *spec.rows) for c in row]
    parts = [spec.title or "", *spec.paragraphs, *cells, spec.subject, spec.header or ""]
    return "\n".join(parts)


def _by_folder(folder: str) -> list[DocSpec]:
    specs, _ = plan_share(EVAL_SCENARIOS, seed=0)
    return [s for s in specs if s.relpath.startswith(folder + "/")]


def test_same_seed_gives_the_same_share() -> None:
    first, truth_a = plan_share(EVAL_SCENARIOS, seed=5)
    second, truth_b = plan_share(EVAL_SCENARIOS, seed=5)
    assert [(s.relpath, s.label, _text(s)) for s in first] == [
        (s.relpath, s.label, _text(s)) for s in second
    ]
    assert [t.as_json() for t in truth_a] == [t.as_json() for t in truth_b]


def test_another_seed_gives_other_people() -> None:
    _, truth_a = plan_share(EVAL_SCENARIOS, seed=1)
    _, truth_b = plan_share(EVAL_SCENARIOS, seed=2)
    assert [p.name for p in truth_a[0].people] != [p.name for p in truth_b[0].people]


def test_every_canonical_class_and_format_occurs() -> None:
    specs, _ = plan_share(EVAL_SCENARIOS, seed=0)
    assert {s.label.doc_class for s in specs} == CLASSES == set(REGISTER_WHEN_FINAL)
    assert {s.fmt for s in specs} == {"docx", "xlsx", "pptx", "pdf", "eml", "txt"}


def test_eval_set_is_large_and_about_a_third_badly_named() -> None:
    specs, _ = plan_share(EVAL_SCENARIOS, seed=0)
    unnamed = [s for s in specs if _UNINFORMATIVE.match(s.relpath.rsplit("/", 1)[1])]
    assert len(specs) >= 150
    assert 0.2 < len(unnamed) / len(specs) < 0.45


def test_drafts_are_never_to_be_registered() -> None:
    specs, _ = plan_share(EVAL_SCENARIOS, seed=0)
    drafts = [s for s in specs if s.label.draft]
    assert len(drafts) >= 20
    assert not any(s.label.must_register for s in drafts)
    assert any("Gamla versioner/" in s.relpath for s in drafts)


def test_valid_personnummer_in_text_means_personal_data() -> None:
    specs, _ = plan_share(EVAL_SCENARIOS, seed=0)
    valid_seen = invalid_seen = 0
    for spec in specs:
        for match in _NUMBER.finditer(_text(spec)):
            nine = match.group(2) + match.group(3)
            if luhn_check_digit(nine) == int(match.group(4)):
                valid_seen += 1
                assert spec.label.personal_data, spec.relpath
            else:
                invalid_seen += 1
    assert valid_seen >= 10
    assert invalid_seen >= 1


def test_look_alike_number_alone_is_not_personal_data() -> None:
    specs, _ = plan_share(EVAL_SCENARIOS, seed=0)
    statistics = [s for s in specs if s.fmt == "xlsx" and s.label.doc_class == "statistics"]
    planted = [s for s in statistics if "Uttags-id" in _text(s)]
    assert planted
    assert not any(s.label.personal_data for s in planted)


def test_missing_declaration_is_planted_for_exactly_one_expert() -> None:
    specs = _by_folder("FMB Långvarig covid nytt beslutsstöd")
    declared = {p for s in specs if s.label.doc_class == "coi_declaration" for p in s.label.people}
    contracted = {p for s in specs if s.label.doc_class == "agreement" for p in s.label.people}
    assert len(contracted) == 3
    assert len(contracted - declared) == 1


def test_stopped_project_has_nothing_after_its_stop() -> None:
    specs = _by_folder("Utmattningssyndrom - nytt FMB")
    later = set(STEP_IDS[STEP_IDS.index("startup_meeting") + 1 :])
    assert specs
    assert not [s for s in specs if s.label.step in later]


def test_new_support_without_meeting_has_no_meeting_notes() -> None:
    specs = _by_folder("FMB Fibromyalgi nytt beslutsstöd 2025")
    notes = [s for s in specs if s.label.doc_class == "meeting_notes"]
    assert [s.label.step for s in notes] == ["startup_meeting"]


def test_missing_statistics_request_leaves_only_inera_data() -> None:
    specs = _by_folder("Utmattningssyndrom - nytt FMB")
    statistics = [s for s in specs if s.label.doc_class == "statistics"]
    assert [s.fmt for s in statistics] == ["xlsx"]
    assert "Midas" not in _text(statistics[0])


@pytest.mark.parametrize(
    ("gaps", "stop_after", "step", "status"),
    [
        ((), None, "plan", "complete"),
        (("missing_coi_expert",), None, "recruit_project_group", "partial"),
        (("no_statistics_request",), None, "statistics", "partial"),
        (("no_rg_meeting_update",), None, "consider_comments", "complete"),
        (("stopped",), "startup_meeting", "compile_proposals", "missing"),
        (("stopped",), "startup_meeting", "startup_meeting", "complete"),
        ((), None, "vips", "needs_confirmation"),
        (("stopped",), "revise", "records_closure", "missing"),
    ],
)
def test_expected_status_follows_gaps(
    gaps: tuple[str, ...], stop_after: str | None, step: str, status: str
) -> None:
    sc = Scenario("P", "lumbago", "update", 2025, "flat", gaps=gaps, stop_after=stop_after)
    steps, _ = expected_steps(sc)
    assert list(steps) == list(STEP_IDS)
    assert steps[step] == status


def test_new_support_without_meeting_is_partial() -> None:
    sc = Scenario("P", "covid", "new", 2025, "flat", gaps=("no_rg_meeting_new",))
    steps, _ = expected_steps(sc)
    assert steps["consider_comments"] == "partial"
    assert steps["recruit_recommendation_group"] == "partial"


def test_personnummer_generators_check_digits() -> None:
    rng = random.Random(3)
    for _ in range(50):
        for number in (personnummer(rng), samordningsnummer(rng)):
            digits = number.replace("-", "")[2:]
            assert luhn_check_digit(digits[:9]) == int(digits[9])
        wrong = fake_personnummer(rng).replace("-", "")[2:]
        assert luhn_check_digit(wrong[:9]) != int(wrong[9])
    assert int(samordningsnummer(rng)[6:8]) > 60


def test_large_scenario_has_two_hundred_files() -> None:
    specs, _ = plan_share([LARGE_SCENARIO], seed=0)
    assert len(specs) >= 200


def test_random_scenarios_use_only_documented_gaps_and_unique_folders() -> None:
    scenarios = random_scenarios(random.Random(4), 40)
    assert len({s.folder for s in scenarios}) == 40
    assert {g for s in scenarios for g in s.gaps} <= set(GAPS)
    assert {s.variant for s in scenarios} == {"new", "update"}


def test_unattributable_scan_makes_confirmation_acceptable_only_for_a_complete_step() -> None:
    sc = Scenario("P", "covid", "new", 2025, "flat", gaps=("missing_coi_expert",))
    unattributed = frozenset({"recruit_project_group", "recruit_recommendation_group"})
    steps, also = expected_steps(sc, unattributed)
    assert steps["recruit_project_group"] == "partial"
    assert "recruit_project_group" not in also
    assert also["recruit_recommendation_group"] == ["needs_confirmation"]


def test_single_expert_is_a_judgement_a_person_may_confirm() -> None:
    sc = Scenario("P", "radius", "update", 2024, "flat", n_experts=1)
    _, also = expected_steps(sc)
    assert also["recruit_project_group"] == ["needs_confirmation"]
