"""Data-subject requests on a real share: found by keyed hashes, answered per archive law."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.privacy import document_tokens, query_tokens
from recordkeeper.samples.builders import make_docx
from recordkeeper.services import retention
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.services.privacy import find_subject
from recordkeeper.store.tables import AuditEntryRow
from recordkeeper.store.tables_retention import SubjectRequestRow, SubjectTokenRow
from tests.lost_stage import stage_lost
from tests.privacy_support import PNR, make_declaration

KEY = b"k" * 32
pytestmark = pytest.mark.usefixtures("scan_day")


def _share(share: Path) -> None:
    make_declaration(share, "E-post: karin.ek@example.se")
    make_docx(
        share / "P" / "utkast minnesanteckningar.docx",
        title="UTKAST Minnesanteckningar",
        paragraphs=["Arbetsmaterial", "Närvarande: Ek, Karin och Per Holm"],
    )
    make_docx(
        share / "P" / "presentation.docx",
        title="Uppstartsmöte",
        paragraphs=["Om projektet", "Kontakt: Per Holm"],
    )


@pytest.mark.parametrize("query", ["Karin Ek", "ek, karin", "KARIN MARIA EK"])
def test_name_forms_meet_in_one_token(query: str) -> None:
    text = "Namnförtydligande: Karin Ek"
    assert query_tokens(query, KEY)[1] <= document_tokens(text, KEY)


def test_an_invalid_personnummer_is_not_indexed() -> None:
    assert query_tokens("19850101-1237", KEY)[1].isdisjoint(
        document_tokens("Personnummer: 19850101-1237", KEY)
    )
    assert query_tokens(PNR, KEY)[1] <= document_tokens(f"Personnummer: {PNR}", KEY)


def test_an_erasure_request_keeps_official_documents_and_proposes_the_draft(
    ctx: Context, share: Path
) -> None:
    _share(share)
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()
    answer = find_subject(ctx, "Karin Ek", request="erasure", actor="dpo-anna")
    outcomes = sorted((m.doc_class, m.outcome) for m in answer.matches)
    assert ("coi_declaration", "kept_for_ever") in outcomes
    assert any(o == "proposed_for_deletion" for _, o in outcomes)
    assert not any(m.doc_class == "presentation" for m in answer.matches)
    assert answer.proposal_id is not None
    assert [p.id for p in retention.open_proposals(ctx)] == [answer.proposal_id]
    by_pnr = find_subject(ctx, PNR, request="access", actor="dpo-anna")
    assert [m.doc_class for m in by_pnr.matches] == ["coi_declaration"]


def test_a_content_whose_indexing_was_lost_is_still_found(
    ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the daemon killed between ingest's commit and the privacy stage, as if that stage
    # never ran: no rescan brings the unchanged files back, the request must index them
    _share(share)
    with stage_lost(monkeypatch, "privacy"):
        RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()
    with ctx.store.read() as session:
        assert session.scalar(select(SubjectTokenRow.sha256).limit(1)) is None
    by_pnr = find_subject(ctx, PNR, request="access", actor="dpo-anna")
    assert [m.doc_class for m in by_pnr.matches] == ["coi_declaration"]
    by_name = find_subject(ctx, "Per Holm", request="access", actor="dpo-anna")
    assert len(by_name.matches) == 2


def test_no_identifier_is_stored_or_logged_in_clear(ctx: Context, share: Path) -> None:
    _share(share)
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()
    find_subject(ctx, "karin.ek@example.se", request="access", actor="dpo-anna")
    with ctx.store.read() as session:
        stored = " ".join(
            [r.answer for r in session.execute(select(SubjectRequestRow)).scalars()]
            + [r.token for r in session.execute(select(SubjectTokenRow)).scalars()]
            + [r.leaf.decode() for r in session.execute(select(AuditEntryRow)).scalars()]
        ).casefold()
    for value in ("karin", "example.se", "8501011236", "850101"):
        assert value not in stored


def test_weeding_a_document_drops_its_subject_index(ctx: Context, share: Path) -> None:
    _share(share)
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()
    answer = find_subject(ctx, "Karin Ek", request="erasure", actor="dpo-anna")
    assert answer.proposal_id is not None
    retention.decide(ctx, answer.proposal_id, "dpo-anna", "dpo")
    retention.execute(ctx)
    ctx.clock.advance(days=ctx.settings.retention.grace_days + 1)  # type: ignore[attr-defined]
    assert retention.execute(ctx).deleted
    again = find_subject(ctx, "Karin Ek", request="erasure", actor="dpo-anna")
    assert [m.outcome for m in again.matches] == ["kept_for_ever"]
