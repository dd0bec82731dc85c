"""`check` counts a mail's attachments as documents of their own classes (issue #4): real
files, real extraction, the real classifier and process rules."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from recordkeeper.classify import classify_document, compiled
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts
from recordkeeper.process import ClassifiedDocument
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.samples.builders import make_docx, make_eml, make_pdf
from recordkeeper.services import check as check_service
from tests.check_support import check_folder

STAFF = "socialstyrelsen.se"
REPO_RULES = Path(__file__).resolve().parents[2] / "rules"


def _check(folder: Path, rules: LoadedRules) -> check_service.ProjectCheck:
    return check_folder(folder, rules)


def _project(folder: Path, *, attachments: bool) -> None:
    make_docx(
        folder / "Projektplan.docx",
        title="Projektplan",
        paragraphs=["Sakkunniga i projektgruppen: Sara Ben Salem och Karin Ek."],
    )
    for name in ("Karin Ek",):
        make_pdf(folder / f"Jävsdeklaration {name}.pdf", ["Jävsdeklaration", f"Namn: {name}"])
        make_pdf(
            folder / f"Avtal om ersättning {name} signerat.pdf",
            ["Avtal om ersättning", f"Parter: Socialstyrelsen och {name} (uppdragstagare)"],
        )
    coi = make_pdf(folder / "tmp" / "a.pdf", ["Jävsdeklaration", "Namn: Sara Ben Salem"])
    make_eml(
        folder / "VB underskrivna handlingar.eml",
        sender=f"Tove Granath <tove.granath@{STAFF}>",
        to=[f"registrator@{STAFF}"],
        subject="VB: Underskrivna handlingar",
        body=(
            "För diarieföring.\n\nFrån: Sara Ben Salem <sara.bensalem@example.com>\n"
            "Ämne: Underskrivna handlingar\n\nHär kommer min jävsdeklaration och avtalet."
        ),
        sent_at=datetime(2026, 3, 5, 8, 30, tzinfo=UTC),
        attachments=[
            ("Jävsdeklaration Sara Ben Salem.pdf", coi.read_bytes()),
            ("Avtal om ersättning SBS signerat.pdf", coi.read_bytes()),
            ("Mall_textförslag.docx", b"blank"),
        ]
        if attachments
        else [],
    )
    coi.unlink()
    coi.parent.rmdir()


def test_a_mails_attachments_are_documents_of_their_own_classes(
    share: Path, rules: LoadedRules
) -> None:
    folder = share / "FMB Postcovid"
    _project(folder, attachments=True)
    result = _check(folder, rules)
    people = {p.name: p for p in result.evaluation.people}
    sara = people["Sara Ben Salem"]
    mail = "VB underskrivna handlingar.eml"
    assert f"{mail}/Avtal om ersättning SBS signerat.pdf" in sara.evidence["agreement"]
    assert f"{mail}/Jävsdeklaration Sara Ben Salem.pdf" in sara.evidence["coi_declaration"]
    assert not sara.missing
    # a blank template sent along is nobody's document and no evidence
    evidence = {p for s in result.evaluation.steps for p in s.evidence}
    assert not [p for p in evidence if "Mall_" in p]
    assert result.evaluation.step("recruit_project_group").status == "complete"


def test_without_the_attachments_the_agreement_is_missing(share: Path, rules: LoadedRules) -> None:
    folder = share / "FMB Postcovid"
    _project(folder, attachments=False)
    result = _check(folder, rules)
    sara = {p.name: p for p in result.evaluation.people}["Sara Ben Salem"]
    assert "agreement" in sara.missing


def test_which_attachments_are_blank_forms_is_rule_data(
    share: Path, rules: LoadedRules, tmp_path: Path
) -> None:
    """With `blank_attachment_names` emptied in the process rules, the template sent
    along counts as the document its name says (the list is data, not code)."""
    folder = share / "FMB Postcovid"
    folder.mkdir(parents=True)
    edited = tmp_path / "rules"
    shutil.copytree(REPO_RULES, edited)
    process_file = edited / "fmb-3.1.3.5.yaml"
    text = process_file.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("blank_attachment_names:"))
    process_file.write_text(text.replace(line, "blank_attachment_names: []"), encoding="utf-8")
    classes = compiled(rules.one("classes"))
    eml = "Mallar.eml"
    make_eml(
        folder / eml,
        sender="Sara Ben Salem <sara.bensalem@example.com>",
        to=[f"registrator@{STAFF}"],
        subject="Mallar",
        body="Här är mallen för avtal och min jävsdeklaration.",
        sent_at=datetime(2026, 3, 5, 8, 30, tzinfo=UTC),
        attachments=[("Mall för avtal.docx", b"blank"), ("Jävsdeklaration SBS.pdf", b"x")],
    )
    mail = extract_file(folder / eml, eml, Limits(), folder.name)
    assert isinstance(mail, DocumentFacts)
    docs = [ClassifiedDocument(mail, classify_document(mail, classes))]

    def names(process_rules: LoadedRules) -> set[str]:
        found = check_service.attachments_as_documents(
            docs,
            lambda facts: classify_document(facts, classes),
            check_service.process_rules(process_rules),
        )
        return {d.facts.path.rsplit("/", 1)[1] for d in found}

    assert "Mall för avtal.docx" not in names(rules)
    assert "Mall för avtal.docx" in names(load_ruleset(edited))
    assert "Jävsdeklaration SBS.pdf" in names(rules)
