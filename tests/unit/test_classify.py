"""The pure classifier: signals per place, weighting, drafts, duties, corrections."""

from __future__ import annotations

from typing import Any

import pytest

from recordkeeper.classify import classify_document
from recordkeeper.model import Correction, DocumentFacts, EmailFacts
from recordkeeper.ruleset.classes import ClassRules

PLACES = [
    "title",
    "headings",
    "content",
    "filename",
    "folder",
    "template",
    "property",
    "email_subject",
    "email_sender",
    "email_recipient",
    "attachment",
]


def _rules(**overrides: Any) -> ClassRules:
    data: dict[str, Any] = {
        "kind": "classes",
        "scoring": {"min_score": 4.0, "review_margin": 1.0},
        "draft": {
            "threshold": 2.0,
            "draft_markers": [
                {"id": "draft.name", "in": ["filename"], "weight": 3, "any": ["utkast"]},
                {"id": "draft.stamp", "in": ["content"], "weight": 3, "any": ["(?-i:UTKAST)"]},
                {"id": "draft.old", "in": ["folder"], "weight": 3, "any": ["gamla versioner"]},
                {"id": "draft.comments", "when": "has_comments", "weight": 2},
                {"id": "draft.tracked", "when": "has_tracked_changes", "weight": 2},
            ],
            "final_markers": [
                {"id": "final.name", "in": ["filename"], "weight": 3, "any": ["slutversion"]},
                {"id": "final.dnr", "in": ["content"], "weight": 2, "any": [r"\bdnr\b"]},
            ],
        },
        "registration": {
            "sent_markers": [{"id": "sent.email", "when": "is_email", "weight": 1}],
            "adds_facts_markers": [
                {"id": "facts.decision", "in": ["content"], "weight": 1, "any": ["beslutades"]}
            ],
        },
        "classes": [
            {
                "id": "alpha",
                "name_sv": "A",
                "name_en": "A",
                "register_when_final": True,
                "signals": [{"id": "a.sig", "in": PLACES, "weight": 5, "any": ["zebraförslag"]}],
            },
            {
                "id": "beta",
                "name_sv": "B",
                "name_en": "B",
                "register_when_final": "when_sent",
                "personal_data": "sometimes",
                "signals": [{"id": "b.sig", "in": PLACES, "weight": 5, "any": ["giraff"]}],
            },
            {
                "id": "gamma",
                "name_sv": "G",
                "name_en": "G",
                "register_when_final": "if_adds_facts",
                "signals": [{"id": "g.sig", "in": ["title"], "weight": 5, "any": ["möte"]}],
            },
            {
                "id": "other",
                "name_sv": "Ö",
                "name_en": "O",
                "register_when_final": "case_by_case",
                "personal_data": "unknown",
            },
        ],
    }
    data.update(overrides)
    return ClassRules.model_validate(data)


RULES = _rules()


def facts(path: str = "P/Dokument1.docx", **kw: Any) -> DocumentFacts:
    kind = kw.pop("kind", "docx")
    return DocumentFacts(path=path, size=10, sha256="0" * 64, kind=kind, **kw)


def _placed(place: str, phrase: str) -> DocumentFacts:
    """Facts carrying `phrase` in exactly one place."""
    if place == "title":
        return facts(title=phrase)
    if place == "headings":
        return facts(headings=(phrase,))
    if place == "content":
        return facts(text=f"Inledning.\nHär står {phrase} i texten.")
    if place == "filename":
        return facts(path=f"P/{phrase}_2025.docx")
    if place == "folder":
        return facts(path=f"P/{phrase}/Dokument1.docx")
    if place in ("template", "property"):
        key = "template" if place == "template" else "subject"
        return facts(metadata={key: f"{phrase}.dotx"})
    mail = {
        "email_subject": EmailFacts(subject=phrase),
        "email_sender": EmailFacts(sender=f"{phrase}@example.se"),
        "email_recipient": EmailFacts(recipients=(f"{phrase}@example.se",)),
        "attachment": EmailFacts(attachment_names=(f"{phrase}.pdf",)),
    }[place]
    return facts(path="P/meddelande.eml", kind="eml", email=mail)


@pytest.mark.parametrize("place", PLACES)
def test_each_place_is_searched_for_signals(place: str) -> None:
    result = classify_document(_placed(place, "zebraförslag"), RULES)
    assert result.doc_class == "alpha"
    assert f"a.sig@{place}" in result.reasons


def test_patterns_match_names_typed_without_swedish_letters() -> None:
    result = classify_document(facts(path="P/ZEBRAFORSLAG.docx"), RULES)
    assert result.doc_class == "alpha"


def test_kind_signal_fires_on_the_file_kind() -> None:
    rules = _rules(
        classes=[
            {
                "id": "slides",
                "name_sv": "S",
                "name_en": "S",
                "signals": [{"id": "s.kind", "in": ["kind"], "weight": 5, "any": ["^pptx$"]}],
            },
            {"id": "other", "name_sv": "Ö", "name_en": "O"},
        ]
    )
    assert classify_document(facts(path="P/x.pptx", kind="pptx"), rules).doc_class == "slides"


def test_title_outweighs_body_text() -> None:
    doc = facts(title="Giraff", text="Här nämns zebraförslag i förbigående.")
    assert classify_document(doc, RULES).doc_class == "beta"


def test_content_decides_when_the_file_name_says_nothing() -> None:
    doc = facts(path="P/Dokument1.docx", text="Om zebraförslag.\nZebraförslag är bra.")
    result = classify_document(doc, RULES)
    assert (result.doc_class, result.needs_review) == ("alpha", False)


def test_low_best_score_is_other_and_needs_review() -> None:
    result = classify_document(facts(text="Ingenting av intresse."), RULES)
    assert (result.doc_class, result.needs_review, result.confidence) == ("other", True, 0.0)
    assert "low_score" in result.reasons


def test_close_runner_up_needs_review() -> None:
    result = classify_document(facts(text="zebraförslag och giraff"), RULES)
    assert result.needs_review is True
    assert any(r.startswith("ambiguous:") for r in result.reasons)


def test_bad_regex_is_never_reached_at_classification_time() -> None:
    with pytest.raises(ValueError, match="not a valid regular expression"):
        _rules(
            classes=[
                {
                    "id": "other",
                    "name_sv": "Ö",
                    "name_en": "O",
                    "signals": [{"id": "x", "in": ["title"], "weight": 1, "any": ["(unclosed"]}],
                }
            ]
        )


@pytest.mark.parametrize(
    ("doc", "marker"),
    [
        (facts(path="P/zebraförslag_utkast.docx"), "draft.name@filename"),
        (facts(title="Zebraförslag", text="UTKAST\nText."), "draft.stamp@content"),
        (facts(path="P/Gamla versioner/zebraförslag.docx"), "draft.old@folder"),
        (facts(title="Zebraförslag", has_comments=True), "draft.comments@fact"),
        (facts(title="Zebraförslag", has_tracked_changes=True), "draft.tracked@fact"),
    ],
)
def test_draft_markers_make_a_draft_that_is_not_registered(doc: DocumentFacts, marker: str) -> None:
    result = classify_document(doc, RULES)
    assert (result.doc_class, result.is_draft, result.must_register) == ("alpha", True, False)
    assert marker in result.reasons


def test_lower_case_utkast_in_running_text_is_not_a_stamp() -> None:
    doc = facts(title="Zebraförslag", text="Vi diskuterade utkastet till rapporten.")
    assert classify_document(doc, RULES).is_draft is False


def test_final_markers_outweigh_draft_markers() -> None:
    doc = facts(path="P/zebraförslag_utkast_slutversion.docx", text="Dnr 4711")
    result = classify_document(doc, RULES)
    assert (result.is_draft, result.must_register) == (False, True)
    assert "final.name@filename" in result.reasons


def test_emails_are_never_drafts() -> None:
    doc = facts(path="P/utkast.eml", kind="eml", email=EmailFacts(subject="giraff"))
    assert classify_document(doc, RULES).is_draft is False


def test_when_sent_duty_registers_and_says_whether_sending_is_confirmed() -> None:
    on_disk = classify_document(facts(title="Giraff"), RULES)
    sent = classify_document(
        facts(path="P/m.eml", kind="eml", email=EmailFacts(subject="Giraff")), RULES
    )
    assert (on_disk.must_register, sent.must_register) == (True, True)
    assert "register:when_sent:unconfirmed" in on_disk.reasons
    assert "sent.email@fact" in sent.reasons


def test_when_sent_draft_is_not_registered() -> None:
    draft = classify_document(facts(path="P/giraff_utkast.docx"), RULES)
    assert (draft.is_draft, draft.must_register) == (True, False)


CASE_RULES = _rules(
    registration={
        "case_markers": [
            {"id": "case.attachment", "when": "has_attachment", "weight": 1},
            {"id": "case.routine", "in": ["email_subject"], "weight": -3, "any": ["kallelse"]},
        ]
    },
    classes=[
        {
            "id": "letters",
            "name_sv": "B",
            "name_en": "L",
            "register_when_final": "case_by_case",
            "signals": [{"id": "l.kind", "in": ["kind"], "weight": 5, "any": ["^eml$"]}],
        },
        {"id": "other", "name_sv": "Ö", "name_en": "O", "register_when_final": "case_by_case"},
    ],
)


@pytest.mark.parametrize(
    ("email", "registered"),
    [
        (EmailFacts(subject="Textförslag", attachment_names=("förslag.docx",)), True),
        (EmailFacts(subject="Kallelse till möte", attachment_names=("agenda.pdf",)), False),
        (EmailFacts(subject="Hej"), False),
    ],
)
def test_case_by_case_duty_follows_the_case_markers(email: EmailFacts, registered: bool) -> None:
    doc = facts(path="P/m.eml", kind="eml", email=email)
    assert classify_document(doc, CASE_RULES).must_register is registered


def test_the_fallback_class_is_never_registered_by_the_rules() -> None:
    doc = facts(path="P/okänd.pdf", kind="pdf")
    result = classify_document(doc, CASE_RULES)
    assert (result.doc_class, result.must_register, result.needs_review) == ("other", False, True)


def test_names_alone_do_not_flag_personal_data_but_contacts_do() -> None:
    signed = "Med vänlig hälsning\nKarin Berg"
    names = classify_document(facts(title="Giraff", text=signed), RULES)
    contact = classify_document(facts(title="Giraff", text=signed + "\nkarin.berg@fk.se"), RULES)
    assert (names.personal_data, contact.personal_data) == (False, True)
    assert "pd:name" in names.reasons


def test_if_adds_facts_duty_follows_the_content() -> None:
    plain = classify_document(facts(title="Möte", text="Vi pratade."), RULES)
    decided = classify_document(facts(title="Möte", text="Det beslutades att gå vidare."), RULES)
    assert (plain.must_register, decided.must_register) == (False, True)


def test_class_default_or_findings_decide_personal_data() -> None:
    plain = classify_document(facts(title="Giraff"), RULES)
    with_pnr = classify_document(facts(title="Giraff", text="pnr 19811228-9874"), RULES)
    assert (plain.personal_data, with_pnr.personal_data) == (False, True)
    assert "pd:personnummer" in with_pnr.reasons


def test_correction_wins_over_the_rules() -> None:
    doc = facts(title="Zebraförslag")
    result = classify_document(doc, RULES, Correction(doc_class="beta", is_draft=True))
    assert (result.doc_class, result.is_draft, result.corrected) == ("beta", True, True)
    assert (result.confidence, result.needs_review) == (1.0, False)


def test_not_official_correction_removes_the_registration_duty() -> None:
    doc = facts(title="Zebraförslag")
    result = classify_document(doc, RULES, Correction(not_official=True))
    assert (result.doc_class, result.must_register) == ("alpha", False)
    assert "correction:not_official" in result.reasons


def test_same_facts_give_the_same_answer() -> None:
    doc = facts(title="Zebraförslag", text="pnr 19811228-9874")
    assert classify_document(doc, RULES) == classify_document(doc, RULES)
