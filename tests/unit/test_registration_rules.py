"""The registration rule file: the shipped one loads; mistakes name file and line."""

from pathlib import Path

import pytest

from recordkeeper.errors import RuleFileError
from recordkeeper.registry.messages import ReasonNames, reason_text
from recordkeeper.ruleset.load import LoadedRules, load_rule_file, load_ruleset
from recordkeeper.ruleset.registration import DEFAULT_DNR_PATTERN, RegistrationRules
from tests.conftest import RULES_DIR


def test_the_shipped_rules_load(rules: LoadedRules) -> None:
    loaded = rules.one("registration")
    assert isinstance(loaded, RegistrationRules)
    assert loaded.dnr_pattern == DEFAULT_DNR_PATTERN
    assert "socialstyrelsen.se" in loaded.agency_domains


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("dnr_pattern: '([0-9'\n", 2, "not a valid regular expression"),
        ("timezone: Europe/Nowhere\n", 2, "unknown time zone"),
        ('description_template: "{class_name} {subject}"\n', 2, "unknown placeholder"),
        (
            "escalation:\n  - {id: a, after_working_days: 3}\n  - {id: b, after_working_days: 1}\n",
            3,  # the list starts on line 3
            "strictly increasing",
        ),
        ("secrecy_cues:\n  - id: empty\n", 3, "needs 'terms' or a 'detector'"),
        ("holiday_categories: [public, christmas]\n", 2, "public"),
        ("colour: red\n", 2, "unknown field 'colour'"),
    ],
)
def test_mistakes_are_reported_with_their_line(
    tmp_path: Path, body: str, line: int, words: str
) -> None:
    path = tmp_path / "registration.yaml"
    path.write_text("kind: registration\n" + body, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    problem = caught.value.problems[0]
    assert (problem.line, words in problem.message) == (line, True), problem


def test_a_class_unknown_to_the_classes_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "classes.yaml").write_text(
        (RULES_DIR / "classes.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "registration.yaml").write_text(
        "kind: registration\nclasses:\n  jav: {direction: received}\n", encoding="utf-8"
    )
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(tmp_path)
    assert "'jav' is not defined" in str(caught.value)


def test_every_shipped_secrecy_cue_has_a_swedish_and_an_english_name(rules: LoadedRules) -> None:
    """The registrar reads a cue's name in the reason; the shipped cues all have one."""
    loaded = rules.one("registration")
    assert isinstance(loaded, RegistrationRules)
    assert [(c.id, bool(c.name_sv), bool(c.name_en)) for c in loaded.secrecy_cues] == [
        (c.id, True, True) for c in loaded.secrecy_cues
    ]


@pytest.mark.parametrize(
    ("lang", "names", "shown"),
    [
        ("sv", ReasonNames(cues={"health_data": ("uppgifter om hälsa", "health data")}),
         "innehållet tyder på att sekretess kan gälla (uppgifter om hälsa); pröva sekretessen"),
        ("en", ReasonNames(cues={"health_data": ("uppgifter om hälsa", "health data")}),
         "the content suggests secrecy may apply (health data); assess secrecy"),
        ("sv", None,  # a cue the rule file does not name keeps its id
         "innehållet tyder på att sekretess kan gälla (health_data); pröva sekretessen"),
    ],
)  # fmt: skip
def test_a_secrecy_reason_shows_the_cues_name(
    lang: str, names: ReasonNames | None, shown: str
) -> None:
    assert reason_text("secrecy_cue", {"cue": "health_data"}, lang, names) == shown
