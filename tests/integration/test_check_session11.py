"""`check` on the session-11 contractor's project (bench/holdout/session11.py): an English
expert agreement that names the expert last on its "between ... and ..." line, beside a blank
declaration template saved into the project. Real files, real extraction, the real
classifier and process rules."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_pdf
from tests.check_support import check_folder

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")


def _agreement(folder: Path, name: str, file_name: str) -> None:
    make_pdf(
        folder / "02 Recruitment" / "Agreements" / file_name,
        [
            "Agreement on compensation for expert",
            f"between the National Board of Health and Welfare and {name}",
            "The expert takes part in the project group developing an insurance medicine "
            "decision support for post-COVID condition.",
            "Compensation: SEK 1,150 per hour, at most 40 hours, against invoice.",
        ],
    )


def test_an_expert_named_last_in_an_english_agreement_is_found_and_a_template_is_nobodys(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "Post-COVID condition FMB (contractor NordMed)"
    _agreement(folder, "Farid Amini", "Expert fee agreement - Farid Amini - clinical expert FMB "
               "post-COVID condition - signed.pdf")  # fmt: skip
    _agreement(folder, "Linnea Vik", "Expert fee agreement - Linnea Vik - signed.pdf")
    make_pdf(
        folder / "02 Recruitment" / "Declarations" / "DoI_Vik_Linnea_signed.pdf",
        ["Declaration of interests", "Name: Linnea Vik", "Role: clinical expert",
         "Financial interests: none", "Stockholm, 9 February 2026   Linnea Vik"],
    )  # fmt: skip
    make_pdf(
        folder / "02 Recruitment" / "Declarations" / "DoI template - blank - master copy for all "
        "experts - do not fill in this file.pdf",
        ["Declaration of interests", "Name:", "Role:", "Employer:",
         "Financial interests in companies in the field:", "Place and date:   Signature:"],
    )  # fmt: skip
    result = check_folder(folder, RULES)
    people = {p.name: p for p in result.evaluation.people}
    assert people["Farid Amini"].roles == ("expert",)
    assert people["Farid Amini"].evidence["agreement"]
    assert not people["Farid Amini"].evidence.get("coi_declaration")
    assert [p.name for p in result.evaluation.people if "coi_declaration" in p.missing] == [
        "Farid Amini"
    ]
