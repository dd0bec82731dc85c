"""The registration and privacy stages take the facts ingest extracted for a chunk's new
contents (`DocumentChange.facts`) instead of reading their payloads back from the
extraction cache and decoding them (issue #3: `codec.loads` per file, twice)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from recordkeeper.ingest.extract import extract_file
from recordkeeper.ingest.scan import project_of
from recordkeeper.model import DocumentFacts
from recordkeeper.samples.builders import make_eml, make_pdf
from recordkeeper.services import privacy, registration_inputs
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots, limits_from
from recordkeeper.services.privacy import find_subject
from recordkeeper.services.registration_inputs import StoreInputs
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_registry import RegistryPromptRow
from tests.privacy_support import PNR, make_declaration

pytestmark = pytest.mark.usefixtures("scan_day")


def _share(share: Path) -> None:
    declaration = make_declaration(share)
    # the same content in a second place: its facts carry the first path
    copy = share / "P" / "Kopior" / "jävsdeklaration kopia.docx"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(declaration, copy)
    make_eml(
        share / "P" / "Mejl" / "Inbjudan.eml",
        sender="Per Holm <per.holm@example.se>",
        to=["Karin Ek <karin.ek@extern.example>"],
        subject="Inbjudan att delta i arbetsgrupp",
        body="Hej Karin,\n\nVi vill bjuda in dig till arbetsgruppen.\n\nPer Holm",
        sent_at=datetime(2025, 2, 3, 10, 15, tzinfo=UTC),
    )
    make_pdf(
        share / "P" / "protokoll.pdf", ["Protokoll", "Närvarande: Karin Ek"], title="Protokoll"
    )


def _counting(calls: list[Any], decode: Any) -> Any:
    def counted(payload: bytes) -> Any:
        calls.append(payload)
        return decode(payload)

    return counted


def test_the_stages_take_the_extracted_facts_instead_of_decoding_them(
    ctx: Context, share: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _share(share)
    decoded: list[Any] = []
    monkeypatch.setattr(
        registration_inputs, "_decode", _counting(decoded, registration_inputs._decode)
    )
    monkeypatch.setattr(privacy, "loads", _counting(decoded, privacy.loads))
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()
    assert decoded == []
    # and they did their work with them: the contents are indexed, the mail judged
    monkeypatch.undo()
    by_pnr = find_subject(ctx, PNR, request="access", actor="dpo-anna")
    assert sorted(m.doc_class for m in by_pnr.matches) == ["coi_declaration"] * 2
    with ctx.store.read() as session:
        assert session.scalar(select(RegistryPromptRow.id).limit(1)) is not None


def test_the_facts_handed_over_are_those_the_cache_gives(ctx: Context, share: Path) -> None:
    _share(share)
    root = configured_roots(ctx.settings)[0]
    RootIngestor(ctx, root).scan()
    with ctx.store.read() as session:
        docs = session.execute(
            select(DocumentRow.id, DocumentRow.current_sha256, DocumentRow.path)
        ).all()
    assert len(docs) == 4
    first = "P/Jäv/jävsdeklaration.docx"
    for doc_id, sha, path in docs:
        # what ingest hands over: the extraction of the content's first file
        handed_path = first if path.startswith("P/Kopior/") else path
        fresh = extract_file(
            root.path / handed_path, handed_path, limits_from(ctx.settings), project_of(path)
        )
        assert isinstance(fresh, DocumentFacts) and fresh.sha256 == sha
        cached, handed = StoreInputs(), StoreInputs()
        cached.prefetch(ctx, [(doc_id, sha)])
        handed.prefetch(ctx, [(doc_id, sha)], {sha: fresh})
        from_cache = cached.facts(ctx, doc_id, sha)
        from_ingest = handed.facts(ctx, doc_id, sha)
        assert from_cache is not None and from_cache.path == path
        assert from_ingest == from_cache
        assert repr(from_ingest) == repr(from_cache)
        if handed_path == path:
            assert from_ingest is fresh  # taken as it is, not decoded or copied
