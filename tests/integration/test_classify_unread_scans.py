"""A scan nothing identifies, named only by a person or by the scanner or phone camera
(`scoring.unread_scan` in classes.yaml, session 7): proposed as a declaration, registered,
for a person to confirm. Real textless PDFs (a JPEG page, no text layer), the real
extractor, the shipped rules."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image

from recordkeeper.classify import classify_document
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.builders import make_pdf

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")


def _scan(path: Path, seed: int = 1) -> Path:
    """A phone or scanner image of a paper: one page of grey noise, no text layer."""
    rng = random.Random(seed)
    page = Image.frombytes("L", (120, 170), bytes(rng.randrange(200, 256) for _ in range(20400)))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=60)
    return make_pdf(path, [], text_layer=False, scan_pages=[buffer.getvalue()])


def classify(path: Path, rel: str) -> Classification:
    facts = extract_file(path, rel, Limits())
    assert isinstance(facts, DocumentFacts)
    assert not facts.has_text_layer
    return classify_document(facts, RULES)


@pytest.mark.parametrize(
    "rel",
    [
        "RG/Mats Kjellberg.pdf",
        "RG/Lars-Göran Pihl.pdf",
        "Sakkunniga/Björn af Klinteberg.pdf",
        "2026-02-16/Wiklund.pdf",
        "IMG_20260311_0932.pdf",
        "PXL_20260311_093200123.pdf",
        "scan0001.pdf",
        "Skanning_20250224_1512.pdf",
        "03 RG/20260305.pdf",
    ],
)
def test_a_scan_named_by_a_person_or_a_scanner_is_proposed_as_a_declaration(
    tmp_path: Path, rel: str
) -> None:
    c = classify(_scan(tmp_path / rel), rel)
    assert (c.doc_class, c.is_draft, c.must_register) == ("coi_declaration", False, True)
    assert c.needs_review
    assert c.reasons[:2] == ("textless:unread_scan", "low_score")
    assert c.confidence == RULES.scoring.unread_scan.confidence
    assert c.personal_data


@pytest.mark.parametrize(
    "rel",
    [
        "från kontoret igår.pdf",  # words, not a name
        "Mats Kjellberg kopia till Eva.pdf",  # more than a name
        "Dokument1.pdf",
    ],
)
def test_a_scan_with_another_name_stays_for_a_person_to_decide(tmp_path: Path, rel: str) -> None:
    c = classify(_scan(tmp_path / rel), rel)
    assert (c.doc_class, c.must_register, c.needs_review) == ("other", False, True)
    assert "textless:unread_scan" not in c.reasons


def test_a_scan_named_for_what_it_is_keeps_its_class(tmp_path: Path) -> None:
    rel = "Avtal Helena Widén signerat.pdf"
    c = classify(_scan(tmp_path / rel), rel)
    assert c.doc_class == "agreement"
    assert "textless:unread_scan" not in c.reasons


def test_a_document_with_text_named_by_a_person_is_not_a_scan(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "Mats Kjellberg.pdf", ["Hej, här kommer bilderna från i fredags."])
    facts = extract_file(path, "Mats Kjellberg.pdf", Limits())
    assert isinstance(facts, DocumentFacts) and facts.has_text_layer
    c = classify_document(facts, RULES)
    assert "textless:unread_scan" not in c.reasons
    assert c.doc_class != "coi_declaration"


def test_without_the_rule_such_a_scan_is_other(tmp_path: Path) -> None:
    rules = RULES.model_copy(
        update={"scoring": RULES.scoring.model_copy(update={"unread_scan": None})}
    )
    path = _scan(tmp_path / "Mats Kjellberg.pdf")
    facts = extract_file(path, "Mats Kjellberg.pdf", Limits())
    assert isinstance(facts, DocumentFacts)
    c = classify_document(facts, rules)
    assert (c.doc_class, c.must_register, c.reasons) == ("other", False, ("low_score",))


@pytest.mark.parametrize(
    "rel",
    [
        "Avtal/Anna Svensson.pdf",
        "Avtal/Anna Svensson 2023-04-02.pdf",
        "Sakkunniga/Avtal/Anna Svensson 2023-04-02.pdf",
        "Avtal sakkunniga/Björn af Klinteberg.pdf",
        "Contracts/IMG_20230402_0931.pdf",
    ],
)
def test_a_scan_named_by_a_person_in_a_folder_of_agreements_is_proposed_as_the_agreement(
    tmp_path: Path, rel: str
) -> None:
    # the folder's agr.word (3) stays below min_score; it is the context (context_classes)
    c = classify(_scan(tmp_path / rel), rel)
    assert (c.doc_class, c.is_draft, c.must_register) == ("agreement", False, True)
    assert c.needs_review
    assert c.reasons[:3] == ("textless:unread_scan", "low_score", "candidate:agreement")
    assert c.confidence == RULES.scoring.unread_scan.confidence
    assert c.personal_data


@pytest.mark.parametrize(
    "rel",
    [
        "Anna Svensson 2023-04-02.pdf",
        "2023-04-02 Anna Svensson.pdf",
        "RG/Anna Svensson 2023-04-02.pdf",
        "Jäv/Anna Svensson 2023-04-02.pdf",
        "02.2 Jäv och avtal/Anna Svensson.pdf",
    ],
)
def test_a_scan_named_by_a_person_and_a_day_elsewhere_stays_a_declaration(
    tmp_path: Path, rel: str
) -> None:
    c = classify(_scan(tmp_path / rel), rel)
    assert (c.doc_class, c.must_register, c.needs_review) == ("coi_declaration", True, True)


def test_without_context_classes_a_scan_in_a_folder_of_agreements_is_a_declaration(
    tmp_path: Path,
) -> None:
    unread = RULES.scoring.unread_scan.model_copy(update={"context_classes": ()})
    rules = RULES.model_copy(
        update={"scoring": RULES.scoring.model_copy(update={"unread_scan": unread})}
    )
    rel = "Avtal/Anna Svensson.pdf"
    facts = extract_file(_scan(tmp_path / rel), rel, Limits())
    assert isinstance(facts, DocumentFacts)
    assert classify_document(facts, rules).doc_class == "coi_declaration"
