"""The rule loader reports file, line and a plain message."""

from pathlib import Path

import pytest

from recordkeeper.errors import RuleFileError
from recordkeeper.ruleset.load import load_rule_file, load_ruleset


def _write(tmp_path: Path, text: str, name: str = "classes.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_field_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "kind: classes\nclasses:\n  - id: other\n    name_sv: Ö\n    name_en: O\n    colour: red\n",
    )
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    (problem,) = caught.value.problems
    assert problem.line == 6
    assert "colour" in problem.message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "kind: classes\nclasses: [\n  - id: x\n")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert caught.value.problems[0].line >= 3


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "kind: classes\nkind: classes\nclasses: []\n")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert caught.value.problems[0].line == 2


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "kind: colours\n")
    with pytest.raises(RuleFileError, match="unknown kind 'colours'"):
        load_rule_file(path)


def test_every_problem_in_a_directory_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "kind: nope\n", "a.yaml")
    _write(tmp_path, "kind: classes\n", "b.yaml")
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(tmp_path)
    files = {Path(p.file).name for p in caught.value.problems}
    assert files == {"a.yaml", "b.yaml"}


def test_shipped_rules_are_valid() -> None:
    loaded = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
    assert loaded.one("classes").kind == "classes"
