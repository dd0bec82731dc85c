"""`check` on the session-13 update project (bench/holdout/session13.py): its start-up was
the first expert meeting ("Expertmöte 1 – anteckningar.docx", "Expertmöte 1.pptx"); a
later expert meeting is no start-up. Real files, real extraction, the real classifier and
process rules."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf, make_pptx
from tests.check_support import check_folder

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules")


def _status(folder: Path, step: str) -> str:
    (found,) = [s for s in check_folder(folder, RULES).evaluation.steps if s.step_id == step]
    return str(found.status)


def test_the_first_expert_meeting_is_the_start_up_meeting(tmp_path: Path) -> None:
    folder = tmp_path / "Hjärtsvikt FMB revision 2026"
    make_docx(
        folder / "Admin" / "Projektdirektiv.docx",
        title="Projektdirektiv: revidering av FMB hjärtsvikt",
    )
    make_docx(
        folder / "Texts" / "Expertmöte 1 – anteckningar.docx",
        paragraphs=[
            "Anteckningar expertmöte 1, 5 mars 2026",
            "Deltog: Birgitta Rönn, Hamid Sadeghi, Oskar Lindahl",
            "Vi kom överens om att Birgitta reviderar Kort om diagnosen.",
        ],
    )
    make_pptx(
        folder / "Texts" / "Expertmöte 1.pptx", [("Revidering FMB hjärtsvikt", "Expertmöte 1")]
    )
    assert _status(folder, "startup_meeting") != "missing"


def test_a_later_expert_meeting_is_no_start_up_meeting(tmp_path: Path) -> None:
    folder = tmp_path / "Hjärtsvikt FMB revision 2026"
    make_docx(
        folder / "Admin" / "Projektdirektiv.docx",
        title="Projektdirektiv: revidering av FMB hjärtsvikt",
    )
    make_docx(
        folder / "Texts" / "Expertmöte 3 – anteckningar.docx",
        paragraphs=[
            "Anteckningar expertmöte 3, 5 maj 2026",
            "Deltog: Birgitta Rönn, Oskar Lindahl",
        ],
    )
    assert _status(folder, "startup_meeting") == "missing"


def test_declarations_and_agreements_named_in_other_words_name_their_person(
    tmp_path: Path,
) -> None:
    """ "Jonas Berglund förklaring opartiskhet 2026-03-02.pdf" is Jonas Berglund's declaration
    (the form's name is no part of his, "Jonas Berglund Förklaring Opartiskhet" before);
    "Capio Hjärtkliniken.pdf", an agreement named by the employer, names no person."""
    folder = tmp_path / "Insomni – nytt FMB"
    make_pdf(
        folder / "Jonas Berglund förklaring opartiskhet 2026-03-02.pdf",
        [
            "Förklaring om opartiskhet",
            "Undertecknad, Jonas Berglund, företagsläkare, förklarar härmed att jag inte har "
            "några ekonomiska eller andra intressen som kan påverka min bedömning.",
        ],
    )
    make_pdf(
        folder / "Capio Hjärtkliniken.pdf",
        [
            "Överenskommelse",
            "Parter: Socialstyrelsen och Capio Hjärtkliniken AB.",
            "Timarvode 1 350 kr/tim exkl. moms, mot faktura.",
        ],
    )
    result = check_folder(folder, RULES)
    people = {p.name: p for p in result.evaluation.people}
    assert sorted(people) == ["Jonas Berglund"]
