"""English names and texts for the canonical classes (session 7): agencies also name files
and write in English. Real files built with the sample builders, read by the real extractor,
classified with the shipped rules; the Swedish documents beside them keep their answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recordkeeper.classify import classify_document
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf, make_xlsx
from tests.check_support import check_folder

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
RULES = load_ruleset(RULES_DIR)
CLASSES = RULES.one("classes")
STAFF = "Hanna Berglund <hanna.berglund@socialstyrelsen.se>"


def classify(root: Path, rel: str, build: Callable[[Path], Path]) -> Classification:
    build(root / rel)
    facts = extract_file(root / rel, rel, Limits())
    assert isinstance(facts, DocumentFacts)
    return classify_document(facts, CLASSES)


CASES: list[tuple[str, Callable[[Path], Path], str, bool]] = [
    (  # notes whose title says "notes" and "meeting" with a word between them
        "Kick-off notes.docx",
        lambda f: make_docx(
            f,
            title="Notes – kick-off meeting FMB sleep apnoea",
            paragraphs=[
                "Present: Hanna Berglund, Tomas Wiklund, Leila Moradi.",
                "The ICF template is sent to the experts after the meeting.",
            ],
        ),
        "meeting_notes",
        False,
    ),
    (  # a record of how comments were handled, named in English only
        "Comments and responses OSA.xlsx",
        lambda f: make_xlsx(
            f,
            [["From", "Comment", "Response"], ["RG", "Name professional drivers", "Added"]],
            sheet_title="Comments",
        ),
        "comments",
        True,
    ),
    (  # the invitation to join the recommendation group (the Swedish 'Inbjudan … RG')
        "RG invitation.eml",
        lambda f: make_eml(
            f,
            sender=STAFF,
            to=["annika.fors@region.se", "johan.skold@region.se"],
            subject="Invitation – recommendation group FMB obstructive sleep apnoea",
            body="Hello,\nWelcome to the recommendation group. Please send your declaration.",
        ),
        "nomination_request",
        True,
    ),
    (
        "Approval memo OSA.docx",
        lambda f: make_docx(
            f,
            title="Approval memo – new decision support, obstructive sleep apnoea",
            paragraphs=["Proposed decision: the head of department decides that it is published."],
        ),
        "approval",
        True,
    ),
    (
        "Statistics request sick leave.pdf",
        lambda f: make_pdf(
            f, ["Statistics request", "Sick leave data for G47.3, 2021-2025, by sex and age."]
        ),
        "statistics",
        True,
    ),
    (
        "Time and activity plan.docx",
        lambda f: make_docx(
            f, title="Time and activity plan", paragraphs=["Kick-off in March, approval in June."]
        ),
        "project_plan",
        False,
    ),
    (
        "Experience report OSA.docx",
        lambda f: make_docx(
            f,
            title="Experience report – FMB obstructive sleep apnoea",
            paragraphs=["What went well: the declarations came in on time."],
        ),
        "experience_report",
        True,
    ),
    (  # 'COI' and 'interest declaration' in a name
        "COI form Leila Moradi.pdf",
        lambda f: make_pdf(
            f,
            [
                "Interest declaration – external experts",
                "Financial interests in companies in the field: none",
                "Signature: Leila Moradi",
            ],
        ),
        "coi_declaration",
        True,
    ),
    (  # an English contract named by the word alone
        "Contract Wiklund signed.pdf",
        lambda f: make_pdf(
            f,
            ["Between the agency and the contractor", "Fee: SEK 1 150 per hour, against invoice."],
        ),
        "agreement",
        True,
    ),
    (
        "ICF categories for expert assessment.xlsx",
        lambda f: make_xlsx(f, [["ICF code", "Category"], ["b134", "Sleep functions"]]),
        "icf_assessment",
        True,
    ),
]


@pytest.mark.parametrize(("rel", "build", "want", "register"), CASES, ids=[c[0] for c in CASES])
def test_english_names_and_texts(
    tmp_path: Path, rel: str, build: Callable[[Path], Path], want: str, register: bool
) -> None:
    c = classify(tmp_path, rel, build)
    assert (c.doc_class, c.is_draft, c.must_register) == (want, False, register), c.reasons


def test_decision_support_in_a_folder_name_is_no_decision(tmp_path: Path) -> None:
    """'decision' names an approval, 'decision support' the product (beslutsstöd): a project
    folder called '... new decision support 2026' adds nothing to every file in it."""
    c = classify(
        tmp_path,
        "OSA new decision support 2026/Project plan OSA.docx",
        lambda f: make_docx(f, title="Project plan", paragraphs=["Background and aim."]),
    )
    assert "appr.short_name@folder" not in c.reasons
    assert c.doc_class == "project_plan"


def test_recommendation_group_in_a_name_is_no_text_proposal(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "Recommendation group members.xlsx",
        lambda f: make_xlsx(f, [["Name", "Role"], ["Annika Fors", "GP"]]),
    )
    assert "text.short_name@filename" not in c.reasons


def test_a_blank_signature_line_is_no_final_marker(tmp_path: Path) -> None:
    c = classify(
        tmp_path,
        "Fee agreement Tomas Wiklund.docx",
        lambda f: make_docx(
            f,
            title="Fee agreement for experts",
            paragraphs=["Fee: SEK 1 150 per hour.", "Signature: ______________"],
        ),
    )
    assert not any(r.startswith("final.") for r in c.reasons), c.reasons


def test_the_english_handling_sheet_documents_how_comments_were_handled(tmp_path: Path) -> None:
    """Step `revise` needs a record of how comments were handled: an English sheet is one."""

    folder = tmp_path / "OSA"
    make_xlsx(
        folder / "Comments and responses OSA.xlsx",
        [["From", "Comment", "Response"], ["NPO", "Name professional drivers", "Added"]],
    )
    result = check_folder(folder, RULES)
    revise = result.evaluation.step("revise")
    assert "comments_handling" not in {m.what for m in revise.missing}
    assert any(e.endswith("Comments and responses OSA.xlsx") for e in revise.evidence)
