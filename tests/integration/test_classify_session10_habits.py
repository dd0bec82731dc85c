"""Habits of the session-10 holdout that the rules missed (bench/holdout/session10.py):
version names with a status after the version, a draft stamp with a full stop, Markdown
notes, an English text contribution. Real files, real extraction, the shipped rules, the
folder pass of `classify --json`."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.model import Classification
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_pdf
from tests.classify_support import classified_by_name

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
RECS = [
    "Rekommendationer",
    "Överväg sjukskrivning på heltid under en manisk episod, i regel 4–12 veckor.",
    "Överväg deltidssjukskrivning vid återgång i arbete efter en depressiv episod.",
]


def _run(root: Path) -> dict[str, Classification]:
    return classified_by_name(root, RULES)


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def test_a_status_after_the_version_leaves_the_older_version_a_draft(tmp_path: Path) -> None:
    """`…_v2.docx` beside `…_v5_TILL_SYNPUNKTER.docx` and `…_v3.docx` beside
    `…_v4_SKICKAD_RG.pdf`: what the newer version was for is no part of the name."""
    folder = tmp_path / "P" / "08"
    make_docx(folder / "Textförslag celiaki_v2.docx", title="Textförslag", paragraphs=RECS[:2])
    make_docx(
        folder / "Textförslag celiaki_v5_TILL_SYNPUNKTER.docx", title="Textförslag", paragraphs=RECS
    )
    make_docx(folder / "TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v3.docx", title="Textförslag",
              paragraphs=RECS)  # fmt: skip
    make_pdf(folder / "TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v4_SKICKAD_RG.pdf", ["Textförslag", *RECS])
    got = _run(tmp_path / "P")
    assert _state(got["Textförslag celiaki_v2.docx"]) == ("text_proposal", True, False)
    assert _state(got["Textförslag celiaki_v5_TILL_SYNPUNKTER.docx"]) == (
        "text_proposal", False, True,
    )  # fmt: skip
    assert _state(got["TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v3.docx"]) == ("text_proposal", True, False)
    assert _state(got["TEXTFÖRSLAG_OCH_REKOMMENDATIONER_v4_SKICKAD_RG.pdf"]) == (
        "text_proposal", False, True,
    )  # fmt: skip


def test_a_draft_stamp_line_with_a_full_stop_makes_a_draft(tmp_path: Path) -> None:
    text = "Bipolär sjukdom kännetecknas av återkommande episoder av depression och mani."
    make_docx(tmp_path / "P" / "05" / "KORT_OM_DIAGNOSEN_v1.docx",
              title="Kort om diagnosen", paragraphs=["Utkast.", text])  # fmt: skip
    make_docx(tmp_path / "P" / "05" / "Kort om diagnosen - reviderad text.docx",
              title="Kort om diagnosen",
              paragraphs=["Reviderad text (uppdatering), arbetsversion.", text])  # fmt: skip
    make_docx(tmp_path / "P" / "05" / "Kort om diagnosen slutlig.docx",
              title="Kort om diagnosen",
              paragraphs=[text, "Arbetsversionen skickades till sakkunniga i mars."])  # fmt: skip
    got = _run(tmp_path / "P")
    assert _state(got["KORT_OM_DIAGNOSEN_v1.docx"]) == ("text_proposal", True, False)
    assert _state(got["Kort om diagnosen - reviderad text.docx"]) == ("text_proposal", True, False)
    assert _state(got["Kort om diagnosen slutlig.docx"]) == ("text_proposal", False, True)


def test_markdown_notes_with_a_bold_attendance_label_are_meeting_notes(tmp_path: Path) -> None:
    path = tmp_path / "P" / "07" / "UPPSTARTSMÖTE_2026-03-04.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        "# Uppstartsmöte FMB bipolär sjukdom 2026-03-04\n\n"
        "**Närvarande:** Maria Lindqvist, Henrik Ålund, Sofia Marklund\n\n"
        "- Instruktionen och tidplanen gicks igenom.\n"
        "- Mall för textförslag och ICF-mallen skickas till sakkunniga efter mötet.\n",
        encoding="utf-8",
    )
    got = _run(tmp_path / "P")
    assert _state(got["UPPSTARTSMÖTE_2026-03-04.md"]) == ("meeting_notes", False, False)


def test_an_english_text_contribution_from_an_expert_is_a_text_proposal(tmp_path: Path) -> None:
    make_docx(
        tmp_path / "P" / "Texter" / "Expert contribution - work capacity (E Strand).docx",
        title="Work capacity and prognosis in atopic dermatitis",
        paragraphs=[
            "Contribution to the text proposal from Emil Strand.",
            "Most patients can keep working during flares with adjustments; sick leave is "
            "mainly needed for severe hand eczema in wet or exposed work.",
            "Prognosis: symptoms often lessen with age.",
        ],
    )
    got = _run(tmp_path / "P")
    c = got["Expert contribution - work capacity (E Strand).docx"]
    assert _state(c) == ("text_proposal", False, True)
