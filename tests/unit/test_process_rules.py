"""The process rule file: every DOMAIN step in order, validated with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recordkeeper.errors import RuleFileError
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.ruleset.process import ProcessRules

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
DOMAIN_STEPS = (
    "plan", "recruit_project_group", "statistics", "recruit_recommendation_group",
    "brief_diagnosis_text", "icf_sections", "startup_meeting", "compile_proposals",
    "collect_comments", "consider_comments", "revise", "knowledge_basis", "approval",
    "vips", "evaluate_close", "records_closure",
)  # fmt: skip


def test_rule_file_has_every_domain_step_in_order() -> None:
    rules = load_ruleset(RULES_DIR).one("process")
    assert isinstance(rules, ProcessRules)
    assert tuple(s.id for s in rules.steps) == DOMAIN_STEPS
    assert all(s.heading_sv and s.reference.section for s in rules.steps)


def test_vips_is_a_confirmation_without_documents() -> None:
    rules = load_ruleset(RULES_DIR).one("process")
    assert rules.step("vips").confirmation
    assert rules.step("vips").evidence == ()


def _copy(tmp_path: Path, edit: tuple[str, str]) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    path = target / "fmb-3.1.3.5.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("classes: [project_plan]", "classes: [projekt_plan]"), "document class 'projekt_plan'"),
        (("  - id: statistics\n", "  - id: plan\n"), "step id 'plan' is defined twice"),
        (("prerequisites: [plan]", "prerequisites: [approval]"), "prerequisite 'approval'"),
        (("per_person: expert", "per_person: sakkunnig"), "unknown role 'sakkunnig'"),
        (("    heading_sv: Plan\n", "    heading_sv: Plan\n    colour: red\n"), "unknown field"),
        (("'^mall', ", "'^(mall', "), "'^(mall' is not a valid regular expression"),
        (("'^mall', ", "'(mall)?', "), "'(mall)?' matches empty text"),
        (("'avtal(et)?', ", "'avtal(et', "), "'avtal(et' is not a valid regular expression"),
        (("'avtal(et)?', ", "'(avtalet)?', "), "'(avtalet)?' matches empty text"),
    ],
)
def test_invalid_rule_files_are_reported(
    tmp_path: Path, edit: tuple[str, str], message: str
) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(_copy(tmp_path, edit))
    assert message in str(caught.value)
    assert "fmb-3.1.3.5" in str(caught.value)


def test_unknown_field_is_located_by_line(tmp_path: Path) -> None:
    rules_dir = _copy(
        tmp_path, ("    heading_sv: Plan\n", "    heading_sv: Plan\n    colour: red\n")
    )
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(rules_dir)
    (problem,) = caught.value.problems
    text = (rules_dir / "fmb-3.1.3.5.yaml").read_text(encoding="utf-8").splitlines()
    assert text[problem.line - 1].strip() == "colour: red"
