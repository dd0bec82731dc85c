"""classes.yaml: validation with file and line, canonical ids, committed JSON Schemas."""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.errors import RuleFileError
from recordkeeper.ruleset.load import load_rule_file, load_ruleset
from recordkeeper.ruleset.schema_export import schema_documents

REPO = Path(__file__).resolve().parents[2]

CANONICAL = {
    "coi_declaration", "agreement", "nomination_request", "statistics", "project_plan",
    "text_proposal", "icf_assessment", "meeting_notes", "presentation", "survey",
    "survey_response", "comments", "knowledge_basis", "approval", "publication",
    "experience_report", "correspondence", "other",
}  # fmt: skip

HEAD = "kind: classes\nclasses:\n"
OTHER = "  - id: other\n    name_sv: Ö\n    name_en: O\n"


def _problems(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "classes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert all(p.file == str(path) for p in caught.value.problems)
    return [(p.line, p.message) for p in caught.value.problems]


def test_shipped_classes_are_exactly_the_canonical_ones() -> None:
    classes = load_ruleset(REPO / "rules").one("classes")
    assert set(classes.class_ids()) == CANONICAL


def test_every_class_has_both_names_and_a_duty() -> None:
    classes = load_ruleset(REPO / "rules").one("classes")
    for cls in classes.classes:
        assert cls.name_sv and cls.name_en
    by_id = {c.id: c for c in classes.classes}
    assert by_id["nomination_request"].register_when_final == "when_sent"
    assert by_id["meeting_notes"].register_when_final == "if_adds_facts"
    assert by_id["correspondence"].register_when_final == "case_by_case"
    assert by_id["project_plan"].register_when_final is False


def test_bad_regex_is_reported_at_its_line(tmp_path: Path) -> None:
    text = (
        HEAD
        + OTHER
        + (
            "    signals:\n"
            "      - id: o.x\n"
            "        in: [title]\n"
            "        weight: 1\n"
            "        any: ['ok', '(unclosed']\n"
        )
    )
    ((line, message),) = _problems(tmp_path, text)
    assert line == 10
    assert "'(unclosed' is not a valid regular expression" in message


def test_pattern_matching_empty_text_is_refused(tmp_path: Path) -> None:
    text = HEAD + OTHER + "    signals:\n      - {id: o.x, in: [title], weight: 1, any: ['x*']}\n"
    ((_, message),) = _problems(tmp_path, text)
    assert "matches empty text" in message


def test_duplicate_class_id_is_reported_at_the_second(tmp_path: Path) -> None:
    ((line, message),) = _problems(tmp_path, HEAD + OTHER + OTHER)
    assert (line, message) == (6, "class id 'other' is listed twice")


def test_duplicate_signal_id_is_reported(tmp_path: Path) -> None:
    signals = (
        "    signals:\n"
        "      - {id: o.x, in: [title], weight: 1, any: ['a']}\n"
        "      - {id: o.x, in: [content], weight: 1, any: ['b']}\n"
    )
    ((line, message),) = _problems(tmp_path, HEAD + OTHER + signals)
    assert line == 8
    assert "signal id 'o.x' is used twice" in message


def test_unknown_fallback_class_is_reported(tmp_path: Path) -> None:
    text = "kind: classes\nscoring:\n  fallback_class: okänd\nclasses:\n" + OTHER
    ((line, message),) = _problems(tmp_path, text)
    assert line == 3
    assert "fallback_class 'okänd'" in message


def test_unknown_place_is_reported(tmp_path: Path) -> None:
    text = HEAD + OTHER + "    signals:\n      - {id: o.x, in: [body], weight: 1, any: ['a']}\n"
    ((line, message),) = _problems(tmp_path, text)
    assert line == 7
    assert "in.0" in message


def test_signal_needs_patterns_or_a_fact(tmp_path: Path) -> None:
    text = HEAD + OTHER + "    signals:\n      - {id: o.x, weight: 1}\n"
    ((_, message),) = _problems(tmp_path, text)
    assert "needs 'in' and 'any' patterns, or 'when'" in message


@pytest.mark.parametrize(
    ("versions", "line", "message"),
    [
        ("  tokens: ['\\bv(?P<x>\\d+)']\n", 2, "needs the named group(s) v"),
        ("  tokens: ['(?P<v>\\d*)']\n", 2, "matches empty text"),
        ("  date_tokens: ['(?P<y>\\d{4})-(?P<m>\\d\\d)']\n", 2, "named group(s) d"),
        ("  dated_classes: [other, protokoll]\n", 2, "dated class 'protokoll' is not a class"),
        ("  dated_anonymous_keys: ['[a-z']\n", 2, "is not a valid regular expression"),
        ("  dated_anonymous_keys: ['[a-z]{0,3}']\n", 2, "matches empty text"),
    ],
)
def test_bad_version_rules_are_reported_at_their_line(
    tmp_path: Path, versions: str, line: int, message: str
) -> None:
    text = "kind: classes\nversions:\n" + versions + "classes:\n" + OTHER
    ((got_line, got),) = _problems(tmp_path, text)
    assert message in got
    assert got_line in (line, line + 1)


def test_committed_json_schemas_are_up_to_date() -> None:
    schema_dir = REPO / "rules" / "schema"
    expected = schema_documents()
    stale = [
        name
        for name, text in expected.items()
        if not (schema_dir / name).is_file()
        or (schema_dir / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"regenerate with `recordkeeper rules schema rules/schema`: {stale}"


def test_unknown_unread_scan_class_is_reported(tmp_path: Path) -> None:
    text = (
        "kind: classes\nscoring:\n  unread_scan:\n    class: okänd\n    names: ['x']\n"
        "classes:\n" + OTHER
    )
    ((line, message),) = _problems(tmp_path, text)
    assert line == 4
    assert "unread_scan class 'okänd'" in message


def test_unknown_unread_scan_context_class_is_reported(tmp_path: Path) -> None:
    text = (
        "kind: classes\nscoring:\n  unread_scan:\n    class: other\n    names: ['x']\n"
        "    context_classes: [other, avtal]\n"
        "classes:\n" + OTHER
    )
    ((line, message),) = _problems(tmp_path, text)
    assert line == 6
    assert "unread_scan context class 'avtal'" in message


def test_unknown_unread_scan_counterpart_class_is_reported(tmp_path: Path) -> None:
    text = (
        "kind: classes\nscoring:\n  unread_scan:\n    class: other\n    names: ['x']\n"
        "    counterparts:\n      pairs: [[other, avtal]]\n      names: ['x']\n"
        "classes:\n" + OTHER
    )
    ((_, message),) = _problems(tmp_path, text)
    assert "unread_scan counterpart class 'avtal'" in message


def test_unread_scan_counterparts_need_pairs_of_two(tmp_path: Path) -> None:
    text = (
        "kind: classes\nscoring:\n  unread_scan:\n    class: other\n    names: ['x']\n"
        "    counterparts:\n      pairs: [[other]]\n      names: ['x']\n"
        "classes:\n" + OTHER
    )
    assert _problems(tmp_path, text)


def test_unread_scan_name_matching_empty_text_is_refused(tmp_path: Path) -> None:
    text = (
        "kind: classes\nscoring:\n  unread_scan:\n    class: other\n    names: ['[A-Z]*']\n"
        "classes:\n" + OTHER
    )
    ((_, message),) = _problems(tmp_path, text)
    assert "matches empty text" in message


@pytest.mark.parametrize(
    ("pattern", "message"),
    [("'\\d*'", "matches empty text"), ("'möte ('", "is not a valid regular expression")],
)
def test_bad_series_folders_are_reported_at_their_line(
    tmp_path: Path, pattern: str, message: str
) -> None:
    text = "kind: classes\nseries_folders: ['möte \\d+',\n  " + pattern + "]\nclasses:\n" + OTHER
    ((line, got),) = _problems(tmp_path, text)
    assert message in got
    assert line in (2, 3)
