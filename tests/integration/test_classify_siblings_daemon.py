"""The sibling pass (a Word file beside the finished PDF is its working copy) in the daemon
and in `check`, as `classify --json` runs it: real files, real extraction, real SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify.siblings import REASON
from recordkeeper.ingest.extract import Limits
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx, make_pdf
from recordkeeper.services.classification import correct_classification
from recordkeeper.services.classify_files import classify_paths
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from tests.check_support import checked_classifications
from tests.daemon_support import classified_events, scan
from tests.daemon_support import document_id as _id
from tests.daemon_support import stored_classifications as _stored
from tests.fakes import FakeClock, InProcess

PROJECT = "FMB Artros"
AGREEMENT = [
    "Avtal om uppdrag som sakkunnig",
    "Parter: Socialstyrelsen och Karin Wiik (uppdragstagaren)",
    "Arvode utgår med 1 150 kr per timme mot faktura.",
    "Avtalsperiod: 2026-03-01 – 2026-10-31",
]
WORD = "06 Avtal - Karin Wiik.docx"
PDF = "06 Avtal - Karin Wiik_signerat.pdf"


def _word(path: Path) -> Path:
    return make_docx(
        path,
        title=AGREEMENT[0],
        paragraphs=[*AGREEMENT[1:], "Ort och datum ____________   Underskrift ____________"],
    )


def _signed(path: Path) -> Path:
    lines = [*AGREEMENT, "Ort och datum: Norrköping 2026-03-03", "Underskrift: Karin Wiik"]
    return make_pdf(path, lines)


def _cli_view(share: Path, ctx: Context) -> dict[str, tuple[str | None, bool | None, bool | None]]:
    out = {}
    for o in classify_paths([str(share / PROJECT)], ctx.rules.one("classes"), InProcess(), ()):
        c = o.classification
        assert c is not None
        out[o.path.rpartition("/")[2]] = (c.doc_class, c.is_draft, c.must_register)
    return out


def test_the_daemon_agrees_with_classify_json_on_a_word_copy_beside_its_signed_pdf(
    ctx: Context, share: Path
) -> None:
    _word(share / PROJECT / "Avtal" / WORD)
    _signed(share / PROJECT / "Avtal" / PDF)
    _word(share / PROJECT / "Avtal" / "Avtal Olof Strid.docx")  # no PDF beside it
    scan(ctx)
    stored = _stored(ctx)
    assert (stored[WORD].is_draft, stored[WORD].must_register) == (True, False)
    assert REASON in stored[WORD].reasons
    assert (stored[PDF].is_draft, stored[PDF].must_register) == (False, True)
    assert stored["Avtal Olof Strid.docx"].must_register
    daemon = {n: (c.doc_class, c.is_draft, c.must_register) for n, c in stored.items()}
    assert daemon == _cli_view(share, ctx)


def test_a_pdf_arriving_later_makes_the_stored_word_file_its_working_copy_audited(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _word(share / PROJECT / WORD)
    scan(ctx)
    word_id = _id(ctx, WORD)
    assert _stored(ctx)[WORD].must_register
    assert classified_events(ctx, word_id) == 1
    clock.advance(60)
    _signed(share / PROJECT / PDF)
    scan(ctx)
    word = _stored(ctx)[WORD]
    assert (word.is_draft, word.must_register) == (True, False)
    assert classified_events(ctx, word_id) == 2  # the change is audited
    clock.advance(60)
    scan(ctx)  # nothing changed: no new event
    assert classified_events(ctx, word_id) == 2


def test_a_word_file_arriving_after_its_pdf_is_a_working_copy_at_once(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _signed(share / PROJECT / PDF)
    scan(ctx)
    clock.advance(60)
    _word(share / PROJECT / WORD)
    scan(ctx)
    word = _stored(ctx)[WORD]
    assert (word.is_draft, word.must_register) == (True, False)
    assert classified_events(ctx, _id(ctx, WORD)) == 1


def test_when_the_pdf_goes_the_word_file_is_registrable_again(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _word(share / PROJECT / WORD)
    pdf = _signed(share / PROJECT / PDF)
    scan(ctx)
    assert not _stored(ctx)[WORD].must_register
    clock.advance(60)
    pdf.unlink()
    scan(ctx)
    word = _stored(ctx)[WORD]
    assert (word.is_draft, word.must_register) == (False, True)
    assert REASON not in word.reasons
    assert classified_events(ctx, _id(ctx, WORD)) == 2


def test_a_second_pdf_of_that_name_ends_the_pairing(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _word(share / PROJECT / WORD)
    _signed(share / PROJECT / PDF)
    scan(ctx)
    clock.advance(60)
    _signed(share / PROJECT / "06 Avtal - Karin Wiik.pdf")  # which one is finished? ask
    scan(ctx)
    assert _stored(ctx)[WORD].must_register


def test_a_registrars_correction_of_the_word_file_wins(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _word(share / PROJECT / WORD)
    scan(ctx)
    correct_classification(ctx, _id(ctx, WORD), "registrator1", not_official=False, is_draft=False)
    clock.advance(60)
    _signed(share / PROJECT / PDF)
    scan(ctx)
    word = _stored(ctx)[WORD]
    assert word.corrected and not word.is_draft and word.must_register


def test_when_the_pdf_moves_to_another_folder_the_word_file_is_registrable_again(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _word(share / PROJECT / "Avtal" / WORD)
    pdf = _signed(share / PROJECT / "Avtal" / PDF)
    scan(ctx)
    assert not _stored(ctx)[WORD].must_register
    clock.advance(60)
    (share / PROJECT / "Arkiv").mkdir()
    pdf.rename(share / PROJECT / "Arkiv" / PDF)
    scan(ctx)
    stored = _stored(ctx)
    assert (stored[WORD].is_draft, stored[WORD].must_register) == (False, True)
    assert REASON not in stored[WORD].reasons
    assert stored[PDF].must_register  # the same document, in its new folder
    assert classified_events(ctx, _id(ctx, WORD)) == 2


def test_a_registrars_correction_of_the_pdf_reclassifies_its_word_copy(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    _word(share / PROJECT / WORD)
    _signed(share / PROJECT / PDF)
    scan(ctx)
    assert not _stored(ctx)[WORD].must_register
    clock.advance(60)
    # the PDF is no agreement: the Word file is no working copy of it
    correct_classification(ctx, _id(ctx, PDF), "registrator1", doc_class="correspondence")
    stored = _stored(ctx)
    assert stored[PDF].doc_class == "correspondence" and stored[PDF].corrected
    assert (stored[WORD].doc_class, stored[WORD].is_draft, stored[WORD].must_register) == (
        "agreement",
        False,
        True,
    )
    assert REASON not in stored[WORD].reasons
    assert classified_events(ctx, _id(ctx, WORD)) == 2
    clock.advance(60)
    # and back: corrected to the agreement it is, the Word file is its working copy again
    correct_classification(ctx, _id(ctx, PDF), "registrator1", doc_class="agreement")
    stored = _stored(ctx)
    assert (stored[WORD].is_draft, stored[WORD].must_register) == (True, False)
    assert REASON in stored[WORD].reasons


def test_check_runs_the_same_pass(share: Path, rules: LoadedRules, monkeypatch) -> None:
    folder = share / PROJECT
    _word(folder / WORD)
    _signed(folder / PDF)
    got = checked_classifications(folder, rules, monkeypatch)
    assert (got[WORD].is_draft, got[WORD].must_register) == (True, False)
    assert got[PDF].must_register


def test_the_same_pass_when_the_workers_classifications_are_stored_in_the_chunk(
    ctx: Context, share: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recordkeeper.bootstrap import PoolExtractor
    from recordkeeper.ingest.pool import ExtractionPool
    from recordkeeper.services import classification, pipeline

    stored_in_chunk: list[str] = []
    store_precomputed = classification.store_precomputed

    def spy(tx: Any, c: Context, changes: Any, **kw: Any) -> set[str]:
        done = store_precomputed(tx, c, changes, **kw)
        stored_in_chunk.extend(done)
        return done

    monkeypatch.setattr(pipeline, "store_precomputed", spy)
    pool = PoolExtractor(ExtractionPool(Limits(timeout_s=60), workers=2))
    try:
        _word(share / PROJECT / "Avtal" / WORD)
        _word(share / PROJECT / "Avtal" / "PM EC.docx")
        RootIngestor(ctx, configured_roots(ctx.settings)[0], pool).scan()
        clock.advance(60)
        _signed(share / PROJECT / "Avtal" / PDF)  # the stored Word file's PDF arrives
        RootIngestor(ctx, configured_roots(ctx.settings)[0], pool).scan()
    finally:
        pool.close()
    assert _id(ctx, PDF) in stored_in_chunk  # the chunk stored it, and the Word file with it
    stored = _stored(ctx)
    assert (stored[WORD].is_draft, stored[WORD].must_register) == (True, False)
    assert stored["PM EC.docx"].must_register
    assert classified_events(ctx, _id(ctx, WORD)) == 2
    daemon = {n: (c.doc_class, c.is_draft, c.must_register) for n, c in stored.items()}
    cli = {}
    for o in classify_paths([str(share / PROJECT)], ctx.rules.one("classes"), InProcess(), ()):
        assert o.classification is not None
        c = o.classification
        cli[o.path.rpartition("/")[2]] = (c.doc_class, c.is_draft, c.must_register)
    assert daemon == cli
