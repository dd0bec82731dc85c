"""A file that must be registered but cannot be read (encrypted, corrupt) is prompted
anyway: a proposal from what is known without reading it (path, project, the class its
name and folders give, the reason), saying it must be checked by hand. Before, such a
file never got a prompt and status and doctor counted it unprompted for ever. Real
files on a temp share, the ingest service, real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.registry import Reason
from recordkeeper.registry.messages import reason_text
from recordkeeper.samples.builders import make_docx
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, scan_roots, status
from recordkeeper.services.registration_catchup import count_unprompted, judge_unprompted
from recordkeeper.services.registration_queue import open_prompts
from tests.hostile import encrypted_pdf, truncated
from tests.lost_stage import stage_lost

pytestmark = pytest.mark.usefixtures("scan_day")

UNREADABLE_ENCRYPTED = Reason("file_unreadable", {"reason": "encrypted"})


def _scan(ctx: Context) -> None:
    scan_roots(ctx, configured_roots(ctx.settings))


def test_an_encrypted_declaration_gets_a_prompt_that_says_it_could_not_be_read(
    db_backend: str, ctx: Context, share: Path
) -> None:
    encrypted_pdf(share / "Ländrygg" / "Jäv" / "Jävsdeklaration Karin Ek.pdf")

    _scan(ctx)

    (view,) = open_prompts(ctx)
    assert (view.doc_class, view.kind, view.path) == (
        "coi_declaration",
        "register",
        "Ländrygg/Jäv/Jävsdeklaration Karin Ek.pdf",
    )
    assert view.project == "Ländrygg"
    assert view.reasons[1] == UNREADABLE_ENCRYPTED
    assert Reason("classification_needs_review") in view.reasons
    assert view.description == "Jävsdeklaration – Ländrygg"
    with ctx.store.read() as session:
        assert count_unprompted(session) == 0
    assert status(ctx).registration_unprompted == 0


def test_a_corrupt_agreement_whose_stage_was_lost_is_caught_up(
    ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = make_docx(share.parent / "whole.docx", title="Avtal", paragraphs=["Ersättning"] * 40)
    target = share / "Ländrygg" / "Avtal" / "Avtal om ersättning Karin Ek.docx"
    target.parent.mkdir(parents=True)
    truncated(whole, target)
    with stage_lost(monkeypatch, "registration"):
        _scan(ctx)
    with ctx.store.read() as session:
        assert count_unprompted(session) == 1

    assert len(judge_unprompted(ctx)) == 1

    (view,) = open_prompts(ctx)
    assert view.doc_class == "agreement"
    assert view.reasons[1].code == "file_unreadable"
    with ctx.store.read() as session:
        assert count_unprompted(session) == 0


def test_a_readable_declaration_has_no_unreadable_reason(ctx: Context, share: Path) -> None:
    make_docx(
        share / "Ländrygg" / "Jäv" / "Jävsdeklaration Karin Ek.docx",
        title="Jävsdeklaration",
        paragraphs=["Deklaration av bindningar och jäv för sakkunnig.", "Jag har inga bindningar."],
    )
    _scan(ctx)
    (view,) = open_prompts(ctx)
    assert all(r.code != "file_unreadable" for r in view.reasons)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "filen kunde inte läsas (filen är krypterad eller lösenordsskyddad): förslaget "
            "bygger bara på filnamn och mapp; öppna filen och kontrollera datum, "
            "avsändare/mottagare, klass och sekretess för hand",
        ),
        (
            "en",
            "the file could not be read (the file is encrypted or password protected): the "
            "proposal rests on its name and folder only; open the file and check date, "
            "sender/recipient, class and secrecy by hand",
        ),
    ],
)
def test_the_unreadable_reason_is_said_in_words(lang: str, text: str) -> None:
    reason = UNREADABLE_ENCRYPTED
    assert reason_text(reason.code, reason.values, lang) == text
