"""Convenience copies in the daemon (session 8): the same answer as `classify --json` for a
file in a person's own folder whose bytes equal a proposed file elsewhere, whichever arrives
first, and the copy proposed again when its original goes. Real files, real SQLite, audited."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from recordkeeper.model import Classification
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services.classification import correct_classification
from recordkeeper.services.classify_files import COPY_REASON, classify_paths
from recordkeeper.services.context import Context
from recordkeeper.store.tables import DocumentRow
from tests.daemon_support import classified_events, scan, stored_classifications
from tests.fakes import FakeClock, InProcess

PROJECT = "FMB GAD uppdatering"
ORIGINAL = "Sakkunniga/Sanna Ek avtal.pdf"
COPY = "Ulrikas filer/Sanna Ek avtal.pdf"
DRAFT = "Utkast/Textförslag utkast.docx"
DRAFT_COPY = "Mina dokument/Textförslag GAD.docx"
AGREEMENT = [
    "Avtal om ersättning för sakkunnig",
    "Parter: Socialstyrelsen och Sanna Ek",
    "Ersättning: 1 200 kr per timme mot faktura.",
    "Stockholm 2026-02-24",
    "Underskrift: Sanna Ek",
]


def _stored(ctx: Context) -> dict[str, Classification]:
    return stored_classifications(ctx, lambda path: path.removeprefix(PROJECT + "/"))


def _cli(ctx: Context, share: Path) -> dict[str, Classification]:
    rules = ctx.rules.one("classes")
    out = {}
    for o in classify_paths([str(share / PROJECT)], rules, InProcess(), ()):
        assert o.classification is not None
        out[o.path.removeprefix(str(share / PROJECT) + "/")] = o.classification
    return out


def _state(c: Classification) -> tuple[str, bool, bool]:
    return (c.doc_class, c.is_draft, c.must_register)


def _events(ctx: Context, path: str) -> int:
    with ctx.store.read() as s:
        (doc_id,) = s.execute(
            select(DocumentRow.id).where(DocumentRow.path == f"{PROJECT}/{path}")
        ).one()
    return classified_events(ctx, doc_id)


def _original(share: Path) -> None:
    make_pdf(share / PROJECT / ORIGINAL, AGREEMENT)


def _copy(share: Path, src: str, dst: str) -> None:
    (share / PROJECT / dst).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(share / PROJECT / src, share / PROJECT / dst)


def _draft(share: Path) -> None:
    make_docx(
        share / PROJECT / DRAFT,
        title="Textförslag – generaliserat ångestsyndrom",
        paragraphs=["Symtom: oro.", "Behandling: KBT.", "Prognos: god."],
    )


def test_the_daemon_agrees_with_classify_json(ctx: Context, share: Path) -> None:
    _original(share)
    _copy(share, ORIGINAL, COPY)
    _draft(share)
    _copy(share, DRAFT, DRAFT_COPY)  # a copy of a draft (not proposed) keeps its own answer
    scan(ctx)
    stored = _stored(ctx)
    assert {n: _state(c) for n, c in stored.items()} == {
        n: _state(c) for n, c in _cli(ctx, share).items()
    }
    assert _state(stored[COPY]) == ("agreement", False, False)
    assert COPY_REASON in stored[COPY].reasons
    assert stored[ORIGINAL].must_register
    assert COPY_REASON not in stored[DRAFT_COPY].reasons


def test_a_copy_stored_before_its_original_arrives_is_classified_again_audited(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    make_pdf(share / PROJECT / COPY, AGREEMENT)
    scan(ctx)
    assert _stored(ctx)[COPY].must_register  # alone: the only copy
    clock.advance(60)
    _copy(share, COPY, ORIGINAL)
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[COPY]) == ("agreement", False, False)
    assert COPY_REASON in stored[COPY].reasons
    assert stored[ORIGINAL].must_register
    assert _events(ctx, COPY) == 2
    assert {n: _state(c) for n, c in stored.items()} == {
        n: _state(c) for n, c in _cli(ctx, share).items()
    }
    clock.advance(60)
    (share / PROJECT / ORIGINAL).unlink()  # the original goes: the copy is proposed again
    scan(ctx)
    stored = _stored(ctx)
    assert stored[COPY].must_register and COPY_REASON not in stored[COPY].reasons
    assert _events(ctx, COPY) == 3


def test_a_copy_is_proposed_again_when_its_originals_content_changes(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    """The original gets a new version (its text changed): the stored copy holds what the
    original was, so it is no convenience copy any more (session 9; audited)."""
    _original(share)
    _copy(share, ORIGINAL, COPY)
    scan(ctx)
    assert COPY_REASON in _stored(ctx)[COPY].reasons
    assert _events(ctx, COPY) == 1
    clock.advance(60)
    make_pdf(share / PROJECT / ORIGINAL, [*AGREEMENT, "Tillägg: arvodet höjs från 1 juli."])
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[COPY]) == ("agreement", False, True)
    assert COPY_REASON not in stored[COPY].reasons
    assert _events(ctx, COPY) == 2
    assert stored[ORIGINAL].must_register
    assert {n: _state(c) for n, c in stored.items()} == {
        n: _state(c) for n, c in _cli(ctx, share).items()
    }


def test_a_copy_stays_one_when_another_original_of_its_content_remains(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _original(share)
    _copy(share, ORIGINAL, COPY)
    _copy(share, ORIGINAL, "Diarieförda/Sanna Ek avtal.pdf")
    scan(ctx)
    clock.advance(60)
    make_pdf(share / PROJECT / ORIGINAL, [*AGREEMENT, "Tillägg: arvodet höjs från 1 juli."])
    scan(ctx)
    stored = _stored(ctx)
    assert _state(stored[COPY]) == ("agreement", False, False)
    assert COPY_REASON in stored[COPY].reasons
    assert {n: _state(c) for n, c in stored.items()} == {
        n: _state(c) for n, c in _cli(ctx, share).items()
    }


def test_a_copy_follows_its_originals_correction_at_once(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    """A registrar corrects the original to a class that is not registered: the correction
    holds for its content, so the stored copy is classified again in the same transaction
    (audited) instead of keeping the old class (and its retention rule) until the next full
    reclassification (session 9). A registered class already reached the copy."""
    _original(share)
    _copy(share, ORIGINAL, COPY)
    scan(ctx)
    assert _stored(ctx)[COPY].doc_class == "agreement"
    with ctx.store.read() as s:
        (original_id,) = s.execute(
            select(DocumentRow.id).where(DocumentRow.path == f"{PROJECT}/{ORIGINAL}")
        ).one()
    clock.advance(60)
    correct_classification(ctx, original_id, "reg1", doc_class="project_plan")
    stored = _stored(ctx)
    assert _state(stored[ORIGINAL]) == ("project_plan", False, False)
    assert _state(stored[COPY]) == ("project_plan", False, False)
    assert stored[COPY].corrected
    assert _events(ctx, COPY) == 2
    clock.advance(60)
    correct_classification(ctx, original_id, "reg1", doc_class="coi_declaration")
    stored = _stored(ctx)
    assert _state(stored[COPY]) == ("coi_declaration", False, False)
    assert COPY_REASON in stored[COPY].reasons


def test_files_named_as_copies_are_convenience_copies_in_both(ctx: Context, share: Path) -> None:
    """Session 11: SharePoint's `Copy of X` and Windows' `X - Kopia` beside X, same bytes
    (copies.copy_names); a copy with other bytes is a document of its own."""
    _original(share)
    _copy(share, ORIGINAL, "Sakkunniga/Copy of Sanna Ek avtal.pdf")
    _copy(share, ORIGINAL, "Sakkunniga/Sanna Ek avtal - Kopia.pdf")
    make_pdf(share / PROJECT / "Sakkunniga/Copy of Lina Ek avtal.pdf", AGREEMENT[:3])
    scan(ctx)
    stored = _stored(ctx)
    assert {n: _state(c) for n, c in stored.items()} == {
        n: _state(c) for n, c in _cli(ctx, share).items()
    }
    for copy in ("Sakkunniga/Copy of Sanna Ek avtal.pdf", "Sakkunniga/Sanna Ek avtal - Kopia.pdf"):
        assert _state(stored[copy]) == ("agreement", False, False)
        assert COPY_REASON in stored[copy].reasons
    assert stored[ORIGINAL].must_register
    assert stored["Sakkunniga/Copy of Lina Ek avtal.pdf"].must_register
