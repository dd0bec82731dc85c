"""`check` in other agencies' habits (session 7): a role in a declarations sheet's row, a
recommendation written without the word. Real files, real extraction, the real classifier
and process rules."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx, make_eml, make_xlsx
from recordkeeper.services import check as check_service
from tests.check_support import check_folder

STAFF = "socialstyrelsen.se"


def _check(folder: Path, rules: LoadedRules) -> check_service.ProjectCheck:
    return check_folder(folder, rules)


def _project(folder: Path) -> None:
    make_docx(
        folder / "Projektplan.docx",
        title="Projektplan",
        paragraphs=["Uppdatering av beslutsstödet för axelsmärta.", "Projektledare: Niklas Berg"],
    )
    make_eml(
        folder / "RG invitation.eml",
        sender=f"Niklas Berg <niklas.berg@{STAFF}>",
        to=["sofia.karlsson@regionorebro.se", "omar.hadzic@regiongavleborg.se",
            "leif.ostman@reumatikerforbundet.org"],
        subject="Inbjudan: rekommendationsgrupp FMB axelsmärta",
        body="Hej,\nVill du ingå i rekommendationsgruppen? Bifoga en ifylld jävsdeklaration.",
        sent_at=datetime(2026, 1, 19, 15, 0, tzinfo=UTC),
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_patient_representative_named_only_in_a_sheets_role_column(
    share: Path, rules: LoadedRules, kind: str
) -> None:
    folder = share / "FMB axelsmärta"
    _project(folder)
    rows = [
        ["Name", "Organisation", "Role", "Interests declared", "Date"],
        ["Sofia Karlsson", "Region Örebro län", "GP", "None", "2026-02-02"],
        ["Omar Hadzic", "Region Gävleborg", "Physiotherapist", "None", "2026-02-03"],
        ["Leif Östman", "Reumatikerförbundet", "Patient representative", "None", "2026-02-05"],
    ]
    if kind == "xlsx":
        make_xlsx(folder / "RG_DoI_forms.xlsx", rows, sheet_title="DoI received")
    else:
        (folder / "RG_DoI_forms.csv").write_text(
            "\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8"
        )
    result = _check(folder, rules)
    roles = {p.name: set(p.roles) for p in result.evaluation.people}
    assert roles["Leif Östman"] == {"patient_representative", "rg_member"}
    assert roles["Sofia Karlsson"] == roles["Omar Hadzic"] == {"rg_member"}
    step = result.evaluation.step("recruit_recommendation_group")
    assert "patient_representative" not in {m.what for m in step.missing}
    people = {p.name: p for p in result.evaluation.people}
    assert not people["Leif Östman"].missing


def test_without_a_role_in_the_row_nobody_is_the_patient_representative(
    share: Path, rules: LoadedRules
) -> None:
    folder = share / "FMB axelsmärta"
    _project(folder)
    rows = [
        ["Name", "Organisation", "Interests declared", "Date"],
        ["Sofia Karlsson", "Region Örebro län", "None", "2026-02-02"],
        ["Leif Östman", "Reumatikerförbundet", "None", "2026-02-05"],
    ]
    make_xlsx(folder / "RG_DoI_forms.xlsx", rows, sheet_title="DoI received")
    result = _check(folder, rules)
    roles = {p.name: set(p.roles) for p in result.evaluation.people}
    assert roles["Leif Östman"] == {"rg_member"}
    step = result.evaluation.step("recruit_recommendation_group")
    assert "patient_representative" in {m.what for m in step.missing}


def test_a_proposal_whose_recommendations_say_overvag_sjukskrivning(
    share: Path, rules: LoadedRules
) -> None:
    folder = share / "FMB knäartros"
    _project(folder)
    make_docx(
        folder / "textforslag_knaartros_v2_FINAL.docx",
        title="Textförslag – knäartros",
        paragraphs=[
            "Symtom: smärta vid belastning. Behandling: träning. Prognos: långsamt förlopp.",
            "Överväg sjukskrivning på deltid 2–4 veckor vid tungt arbete.",
        ],
    )
    result = _check(folder, rules)
    step = result.evaluation.step("compile_proposals")
    assert "textforslag_knaartros_v2_FINAL.docx" in step.evidence
    assert "proposal_with_recommendations" not in {m.what for m in step.missing}
