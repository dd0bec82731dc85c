"""Retention deadlines, holds, grouping and approval are pure functions of their inputs."""

from datetime import date
from pathlib import Path

import pytest

from recordkeeper.errors import RuleFileError
from recordkeeper.retention import (
    Approval,
    ApprovalStatus,
    RetentionFacts,
    add_period,
    approval_status,
    check_before_execution,
    compute_deadline,
    due_deadlines,
    group_due,
)
from recordkeeper.ruleset.load import LoadedRules, load_rule_file
from recordkeeper.ruleset.retention import ApprovalPolicy, Period, RetentionRules


@pytest.fixture(scope="module")
def retention(rules: LoadedRules) -> RetentionRules:
    return rules.one("retention")


def _facts(doc_class: str, official: bool = True, **dates: date) -> RetentionFacts:
    return RetentionFacts(
        document_id="d1", doc_class=doc_class, is_official=official, project="P", **dates
    )


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        (date(2024, 1, 31), Period(months=1), date(2024, 2, 29)),
        (date(2023, 1, 31), Period(months=1), date(2023, 2, 28)),
        (date(2024, 2, 29), Period(years=1), date(2025, 2, 28)),
        (date(2025, 6, 2), Period(years=2, days=1), date(2027, 6, 3)),
    ],
)
def test_periods_follow_the_calendar(start: date, period: Period, expected: date) -> None:
    assert add_period(start, period) == expected


def test_declarations_are_kept_for_ever(retention: RetentionRules) -> None:
    deadline = compute_deadline(retention, _facts("coi_declaration"))
    assert (deadline.action, deadline.rule_id, deadline.due_on) == ("keep", "coi.keep", None)


def test_a_draft_of_a_kept_class_is_weeded_after_closure(retention: RetentionRules) -> None:
    facts = _facts("coi_declaration", official=False, project_closed_on=date(2025, 3, 1))
    deadline = compute_deadline(retention, facts)
    assert (deadline.rule_id, deadline.due_on) == ("drafts.after_closure", date(2026, 3, 1))


def test_an_open_project_leaves_the_deadline_pending(retention: RetentionRules) -> None:
    deadline = compute_deadline(retention, _facts("survey_response"))
    assert deadline.is_pending
    assert due_deadlines([deadline], date(2100, 1, 1)) == []


def test_an_unmatched_class_is_kept_with_the_archive_law_as_basis() -> None:
    only_drafts = RetentionRules.model_validate(
        {
            "kind": "retention",
            "rules": [
                {
                    "id": "x",
                    "description_sv": "s",
                    "description_en": "e",
                    "classes": ["other"],
                    "state": "non_official",
                    "action": "keep",
                    "basis": "IHP 1",
                }
            ],
        }
    )
    deadline = compute_deadline(only_drafts, _facts("agreement"))
    assert (deadline.action, deadline.rule_id) == ("keep", "default.keep")
    assert "Arkivlagen" in deadline.basis


def test_due_respects_today_and_holds(retention: RetentionRules) -> None:
    closed = date(2020, 1, 1)
    a = compute_deadline(retention, _facts("survey_response", project_closed_on=closed))
    assert a.due_on == date(2022, 1, 1)
    assert due_deadlines([a], date(2021, 12, 31)) == []
    assert due_deadlines([a], date(2022, 1, 1)) == [a]
    assert due_deadlines([a], date(2030, 1, 1), held_documents=frozenset({"d1"})) == []
    assert due_deadlines([a], date(2030, 1, 1), held_projects=frozenset({"P"})) == []


def test_due_deadlines_group_per_project_and_rule(retention: RetentionRules) -> None:
    closed = date(2020, 1, 1)
    items = [
        compute_deadline(
            retention,
            RetentionFacts(
                document_id=f"d{i}",
                doc_class=cls,
                is_official=True,
                project=project,
                project_closed_on=closed,
            ),
        )
        for i, (cls, project) in enumerate(
            [
                ("survey_response", "A"),
                ("survey_response", "A"),
                ("comments", "A"),
                ("survey_response", "B"),
            ]
        )
    ]
    groups = group_due(due_deadlines(items, date(2030, 1, 1)))
    assert {k: len(v) for k, v in groups.items()} == {
        ("A", "comments.weed", "weed"): 1,
        ("A", "survey_responses.weed", "weed"): 2,
        ("B", "survey_responses.weed", "weed"): 1,
    }


def test_two_approvals_need_two_different_people() -> None:
    policy = ApprovalPolicy(approvals_required=2)
    same_twice = [Approval("ann", "dpo"), Approval("ann", "dpo")]
    assert approval_status(same_twice, policy) is ApprovalStatus.AWAITING
    two = [Approval("ann", "dpo"), Approval("bo", "archivist")]
    assert approval_status(two, policy) is ApprovalStatus.APPROVED


def test_an_unauthorised_role_does_not_count() -> None:
    policy = ApprovalPolicy(approvals_required=1)
    assert approval_status([Approval("cy", "registrar")], policy) is ApprovalStatus.AWAITING


def test_a_rejection_by_an_authorised_person_rejects() -> None:
    policy = ApprovalPolicy(approvals_required=1)
    votes = [Approval("ann", "dpo"), Approval("bo", "dpo", approve=False)]
    assert approval_status(votes, policy) is ApprovalStatus.REJECTED


def test_execution_stops_for_changed_missing_and_held_files() -> None:
    check = check_before_execution(
        {"a": "h1", "b": "h2", "c": "h3", "d": "h4"},
        {"a": "h1", "b": "other", "c": None, "d": "h4"},
        held=frozenset({"d"}),
    )
    assert (check.runnable, check.changed, check.missing, check.held) == (
        ("a",),
        ("b",),
        ("c",),
        ("d",),
    )


def test_a_rule_without_basis_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "retention.yaml"
    path.write_text(
        "kind: retention\nrules:\n  - id: x\n    description_sv: s\n    description_en: e\n"
        "    classes: [other]\n    action: keep\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert "basis" in str(caught.value)
    assert caught.value.problems[0].line == 3


def test_a_weed_rule_without_period_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "retention.yaml"
    path.write_text(
        "kind: retention\nrules:\n  - id: x\n    description_sv: s\n    description_en: e\n"
        "    classes: [other]\n    action: weed\n    basis: IHP 1\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="needs 'after' and 'trigger'"):
        load_rule_file(path)


def test_bulk_computation_agrees_with_one_by_one(retention: RetentionRules) -> None:
    from recordkeeper.retention import compute_deadlines

    facts = [
        RetentionFacts(
            f"d{i}", cls, official, "P", project_closed_on=closed, last_change_on=date(2024, 1, 31)
        )
        for i, (cls, official, closed) in enumerate(
            [
                ("survey_response", True, date(2024, 1, 31)),
                ("survey_response", True, None),
                ("coi_declaration", False, date(2023, 5, 1)),
                ("correspondence", True, None),
                ("other", True, None),
                ("survey_response", True, date(2024, 1, 31)),
            ]
        )
    ]
    assert compute_deadlines(retention, facts) == [compute_deadline(retention, f) for f in facts]
