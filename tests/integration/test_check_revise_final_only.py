"""`check`: a project that kept only the final version of its text (session 8).

Many teams overwrite the proposal as they revise it and keep only the final version
("Knäartros slutlig version.docx"). That file is the result of the step `revise`
("Sammanställ slutversionen av beslutsstödet enligt mall"), so a project lead expects the
step to show as begun, with what is still missing (how the comments were handled, the
feedback to the recommendation group), not as not begun. A body text that merely says
"slutversion" shows nothing. Real files, real extraction, the shipped rules.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml
from tests.check_support import check_folder

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")
LEAD = "Sofia Rehn <sofia.rehn@socialstyrelsen.se>"


def _project(folder: Path) -> Path:
    make_docx(
        folder / "Projektplan knäartros.docx",
        title="Projektplan – uppdatering av FMB knäartros",
        paragraphs=["Uppdatering av befintligt beslutsstöd.", "Sakkunnig: Helena Widén."],
    )
    make_docx(
        folder / "Knäartros textförslag 2026-05.docx",
        title="Textförslag och rekommendationer – knäartros",
        headings=["Kort om diagnosen", "Rekommendationer"],
        paragraphs=["Överväg sjukskrivning på deltid vid tungt arbete."],
    )
    make_eml(
        folder / "Remiss FMB knäartros till FK och NPO.eml",
        sender=LEAD,
        to=["fm@forsakringskassan.se", "npo.rorelse@regionostergotland.se"],
        subject="Remiss: FMB knäartros, synpunkter senast 2026-06-01",
        body="Härmed översänds textförslaget för synpunkter.",
        sent_at=datetime(2026, 5, 12, 9, 0, tzinfo=UTC),
    )
    make_eml(
        folder / "SV Remiss FMB knäartros.eml",
        sender="Försäkringskassan <fm@forsakringskassan.se>",
        to=[LEAD],
        subject="SV: Remiss: FMB knäartros",
        body="Vi har följande synpunkter på textförslaget: rekommendation 1 bör nämna deltid.",
        sent_at=datetime(2026, 5, 28, 14, 0, tzinfo=UTC),
    )
    return folder


def _revise(folder: Path) -> tuple[str, list[str]]:
    (step,) = [s for s in check_folder(folder, RULES).evaluation.steps if s.step_id == "revise"]
    return step.status, [m.what for m in step.missing]


def test_only_the_final_version_kept_shows_the_revision_begun(tmp_path: Path) -> None:
    folder = _project(tmp_path / "Knäartros uppd 2026")
    assert _revise(folder)[0] == "missing"
    make_docx(
        folder / "Knäartros slutlig version.docx",
        title="Försäkringsmedicinskt beslutsstöd – knäartros",
        headings=["Kort om diagnosen", "Rekommendationer"],
        paragraphs=["Slutversion efter synpunkter från FK och NPO."],
    )
    status, missing = _revise(folder)
    assert status == "partial"
    assert set(missing) == {"comments_handling", "feedback_to_rg"}


def test_a_body_text_saying_final_version_does_not_begin_the_step(tmp_path: Path) -> None:
    folder = _project(tmp_path / "Knäartros uppd 2026")
    make_docx(
        folder / "Kort om diagnosen knäartros.docx",
        title="Textförslag Kort om diagnosen – knäartros",
        paragraphs=["Texten blir en del av slutversionen av beslutsstödet."],
    )
    assert _revise(folder)[0] == "missing"
