"""Retention fed by the real pipeline: ingest -> classification -> deadlines -> weeding."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.samples.builders import make_docx, make_xlsx
from recordkeeper.services import retention as svc
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import RootIngestor, configured_roots
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_retention import RetentionDeadlineRow

PROJECT = "FMB Lumbago"


pytestmark = pytest.mark.usefixtures("scan_day")


def _scan(ctx: Context) -> None:
    RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()


def _deadlines(ctx: Context) -> dict[str, tuple[str, str, date | None]]:
    with ctx.store.read() as session:
        paths = {d.id: d.path for d in session.execute(select(DocumentRow)).scalars()}
        return {
            paths[r.document_id].rsplit("/", 1)[-1]: (r.rule_id, r.action, r.due_on)
            for r in session.execute(select(RetentionDeadlineRow)).scalars()
        }


def _project(share: Path) -> None:
    make_docx(
        share / PROJECT / "Jäv" / "jävsdeklaration.docx",
        title="Jävsdeklaration",
        paragraphs=[
            "Jag intygar att jag saknar bindningar till läkemedelsföretag.",
            "Underskrift",
            "Ort och datum: Uppsala 2025-01-10",
        ],
    )
    make_xlsx(
        share / PROJECT / "Enkät" / "enkätsvar.xlsx",
        [
            ["Enkätsvar rekommendationsgrupp"],
            ["Fråga", "Svar"],
            ["Vad tycker du om rekommendationen?", "Bra, men sjukskrivningstiden är lång"],
        ],
    )
    make_docx(
        share / PROJECT / "utkast textförslag.docx",
        title="UTKAST Textförslag",
        paragraphs=["Arbetsmaterial", "Kort om diagnosen: ländryggssmärta"],
    )


def test_ingested_documents_get_deadlines_that_start_when_the_project_closes(
    ctx: Context, share: Path
) -> None:
    _project(share)
    _scan(ctx)
    before = _deadlines(ctx)
    assert before["jävsdeklaration.docx"][:2] == ("coi.keep", "keep")
    assert before["utkast textförslag.docx"] == ("drafts.after_closure", "weed", None)
    svc.close_project(ctx, PROJECT, date(2025, 3, 1), actor="pl-karin")
    after = _deadlines(ctx)
    assert after["utkast textförslag.docx"] == ("drafts.after_closure", "weed", date(2026, 3, 1))
    assert after["jävsdeklaration.docx"][2] is None


def test_the_job_proposes_and_a_deleted_file_loses_its_deadline(ctx: Context, share: Path) -> None:
    _project(share)
    _scan(ctx)
    svc.close_project(ctx, PROJECT, date(2023, 1, 1), actor="pl-karin")
    svc.retention_job(ctx)
    proposals = svc.open_proposals(ctx)
    assert {p.rule_id for p in proposals} >= {"drafts.after_closure"}
    (share / PROJECT / "Jäv" / "jävsdeklaration.docx").unlink()
    _scan(ctx)
    assert "jävsdeklaration.docx" not in _deadlines(ctx)
