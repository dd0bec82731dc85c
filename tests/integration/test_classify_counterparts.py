"""A scan nothing identifies, named by a person, completed by its project's other files
(`scoring.unread_scan.counterparts`, session 9): with a declaration naming the person and
no signed agreement, the scan is proposed as the agreement, the same in `classify --json`,
`check` and the daemon; without such evidence it stays the declaration. Real files (a PDF
without a text layer, a readable declaration .docx), the real extractor, real SQLite."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.classify.counterparts import REASON
from recordkeeper.model import Classification
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.classification import correct_classification
from recordkeeper.services.classify_files import classify_paths
from recordkeeper.services.context import Context
from tests.check_support import check_folder
from tests.daemon_support import classified_events, document_id, scan, stored_classifications
from tests.fakes import FakeClock, InProcess
from tests.integration.test_classify_unread_scans import _scan

PROJECT = "OSA nytt beslutsstöd 2026"
SCAN = "2026-02-16/Wiklund.pdf"
DECLARATION = "Jäv/Jävsdeklaration Tomas Wiklund.docx"
AGREEMENT_WORD = "Avtal/Avtal om ersättning Tomas Wiklund.docx"


def _declaration(share: Path) -> None:
    make_docx(
        share / PROJECT / DECLARATION,
        title="Jävsdeklaration",
        paragraphs=[
            "Deklaration om jäv för sakkunnig",
            "Namn: Tomas Wiklund",
            "Jag intygar att jag inte har några bindningar eller intressen som kan "
            "påverka min opartiskhet i uppdraget.",
            "Ort och datum: Stockholm 2026-02-10",
            "Underskrift: Tomas Wiklund",
        ],
    )


def _agreement_word(share: Path) -> None:
    make_docx(
        share / PROJECT / AGREEMENT_WORD,
        title="Avtal om ersättning för sakkunnig",
        paragraphs=[
            "Parter: Socialstyrelsen och Tomas Wiklund",
            "Ersättning: 1 200 kr per timme mot faktura.",
        ],
    )


def _cli(share: Path, rules: LoadedRules) -> dict[str, Classification]:
    out = {}
    for o in classify_paths([str(share)], rules.one("classes"), InProcess(), ()):
        assert o.classification is not None
        out[o.path.removeprefix(f"{share}/{PROJECT}/")] = o.classification
    return out


def _stored(ctx: Context) -> dict[str, Classification]:
    return stored_classifications(ctx, lambda path: path.removeprefix(PROJECT + "/"))


def _state(c: Classification) -> tuple[str, bool, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register, c.needs_review)


def _evidence(share: Path, rules: LoadedRules, doc_class: str) -> set[str]:
    checked = check_folder(share / PROJECT, rules)
    (person,) = [p for p in checked.evaluation.people if p.name == "Tomas Wiklund"]
    return set(person.evidence.get(doc_class, ()))


def test_a_scan_of_a_person_with_a_declaration_and_no_signed_agreement_is_the_agreement(
    share: Path, ctx: Context, rules: LoadedRules
) -> None:
    _scan(share / PROJECT / SCAN)
    _declaration(share)
    _agreement_word(share)  # the Word file: not signed
    cli = _cli(share, rules)
    assert cli[DECLARATION].doc_class == "coi_declaration"
    c = cli[SCAN]
    assert _state(c) == ("agreement", False, True, True)
    assert c.reasons[:2] == (REASON, "textless:unread_scan")
    assert c.confidence == rules.one("classes").scoring.unread_scan.confidence
    assert SCAN in _evidence(share, rules, "agreement")
    scan(ctx)
    stored = _stored(ctx)
    assert {n: _state(x) for n, x in stored.items()} == {n: _state(x) for n, x in cli.items()}
    assert stored[SCAN].reasons[:1] == (REASON,)


def test_the_daemon_completes_a_stored_scan_when_the_declaration_arrives_and_undoes_it(
    share: Path, ctx: Context
) -> None:
    _scan(share / PROJECT / SCAN)
    scan(ctx)
    assert _stored(ctx)[SCAN].doc_class == "coi_declaration"
    _declaration(share)
    scan(ctx)
    assert _stored(ctx)[SCAN].doc_class == "agreement"
    (share / PROJECT / DECLARATION).unlink()
    scan(ctx)
    after = _stored(ctx)[SCAN]
    assert after.doc_class == "coi_declaration"
    assert REASON not in after.reasons


def test_without_such_evidence_the_scan_stays_the_declaration(
    share: Path, ctx: Context, rules: LoadedRules
) -> None:
    _scan(share / PROJECT / SCAN)
    _agreement_word(share)  # an agreement, no declaration: nothing says which is missing
    make_docx(  # a declaration of somebody else
        share / PROJECT / "Jäv/Jävsdeklaration Anna Berg.docx",
        title="Jävsdeklaration",
        paragraphs=["Namn: Anna Berg", "Underskrift: Anna Berg"],
    )
    cli = _cli(share, rules)
    c = cli[SCAN]
    assert _state(c) == ("coi_declaration", False, True, True)
    assert REASON not in c.reasons
    assert c.reasons[0] == "textless:unread_scan"
    scan(ctx)
    assert _state(_stored(ctx)[SCAN]) == _state(c)


# --- what the daemon reads again when evidence leaves or is corrected (session 10) --------

ELSEWHERE = "GAD uppdatering 2026"


def test_the_scans_left_behind_are_read_again_when_the_declaration_moves_out(
    share: Path, ctx: Context
) -> None:
    """The declaration filed in the wrong project is moved to its own: the scan it
    completed in the project it left is the declaration again (before, only the project
    it moved to was looked at)."""
    _scan(share / PROJECT / SCAN)
    _declaration(share)
    scan(ctx)
    assert _stored(ctx)[SCAN].doc_class == "agreement"
    scan_id = document_id(ctx, "Wiklund.pdf")
    events = classified_events(ctx, scan_id)
    target = share / ELSEWHERE / DECLARATION
    target.parent.mkdir(parents=True)
    (share / PROJECT / DECLARATION).rename(target)
    scan(ctx)
    after = _stored(ctx)[SCAN]
    assert _state(after) == ("coi_declaration", False, True, True)
    assert REASON not in after.reasons
    assert classified_events(ctx, scan_id) == events + 1  # audited


def test_the_scans_left_behind_are_read_again_when_a_scan_moves_out(
    share: Path, ctx: Context, clock: FakeClock
) -> None:
    """A second scan of the same person, which the registrar said is the signed agreement,
    kept the first from being proposed as it; when that scan moves to another project,
    the first is the missing agreement again."""
    _scan(share / PROJECT / SCAN)
    _scan(share / PROJECT / "Avtal/Tomas Wiklund.pdf", seed=2)
    _declaration(share)
    scan(ctx)
    clock.advance(60)
    correct_classification(ctx, document_id(ctx, "Tomas Wiklund.pdf"), "reg1", "agreement")
    assert _stored(ctx)[SCAN].doc_class == "coi_declaration"
    target = share / ELSEWHERE / "Avtal/Tomas Wiklund.pdf"
    target.parent.mkdir(parents=True)
    (share / PROJECT / "Avtal/Tomas Wiklund.pdf").rename(target)
    scan(ctx)
    after = _stored(ctx)[SCAN]
    assert _state(after) == ("agreement", False, True, True)
    assert after.reasons[:1] == (REASON,)


def test_a_corrected_declaration_has_its_projects_scans_read_again_at_once(
    share: Path, ctx: Context, clock: FakeClock
) -> None:
    """The registrar says the declaration is correspondence: in the same transaction as
    the correction, the scan it completed is the declaration again (audited); corrected
    back, the scan is the agreement again."""
    _scan(share / PROJECT / SCAN)
    _declaration(share)
    scan(ctx)
    assert _stored(ctx)[SCAN].doc_class == "agreement"
    scan_id = document_id(ctx, "Wiklund.pdf")
    declaration_id = document_id(ctx, "Jävsdeklaration Tomas Wiklund.docx")
    events = classified_events(ctx, scan_id)
    clock.advance(60)
    correct_classification(ctx, declaration_id, "reg1", doc_class="correspondence")
    after = _stored(ctx)[SCAN]
    assert _state(after) == ("coi_declaration", False, True, True)
    assert REASON not in after.reasons
    assert classified_events(ctx, scan_id) == events + 1
    clock.advance(60)
    correct_classification(ctx, declaration_id, "reg1", doc_class="coi_declaration")
    assert _stored(ctx)[SCAN].doc_class == "agreement"
    assert classified_events(ctx, scan_id) == events + 2
