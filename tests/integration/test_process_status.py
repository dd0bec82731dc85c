"""The daemon re-evaluates a project when its documents change and keeps its warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.process_status import open_warnings, project_status
from recordkeeper.store.tables import AuditEntryRow
from recordkeeper.store.tables_process import ProcessWarningRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.webclient import PROJECT, declare, make_project_missing_a_declaration, scan


@pytest.fixture
def ctx(settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    return Context(settings=settings, rules=rules, store=store, clock=clock)


def _audit(store: Store, event: str) -> list[bytes]:
    with store.read() as s:
        rows = s.execute(select(AuditEntryRow).where(AuditEntryRow.event == event)).scalars()
        return [bytes(r.leaf) for r in rows]


def test_a_missing_declaration_is_raised_then_resolved_without_storing_names(
    ctx: Context, share: Path, clock: FakeClock
) -> None:
    folder = make_project_missing_a_declaration(share)
    scan(ctx)
    status = project_status(ctx, PROJECT)
    assert status is not None
    assert dict(status.steps)["recruit_project_group"] == "partial"
    (warning,) = [w for w in open_warnings(ctx, PROJECT) if w.code == "person_missing_now"]
    assert (warning.rule_id, warning.count) == ("recruit_project_group.expert_coi", 1)
    (leaf,) = _audit(ctx.store, "process_warning_raised")
    assert b"recruit_project_group.expert_coi" in leaf
    assert b"Lars" not in leaf and b"Berg" not in leaf
    with ctx.store.read() as s:
        stored = " ".join(r.params for r in s.execute(select(ProcessWarningRow)).scalars())
    assert "Lars" not in stored

    live = project_status(ctx, PROJECT, live=True)
    assert live is not None and live.live is not None
    assert [p.name for p in live.live.people if p.missing] == ["Lars Berg"]

    clock.advance(days=1)
    declare(folder, "Lars Berg")
    scan(ctx)
    assert [w for w in open_warnings(ctx, PROJECT) if w.code == "person_missing_now"] == []
    assert len(_audit(ctx.store, "process_warning_resolved")) >= 1
    status = project_status(ctx, PROJECT)
    assert status is not None
    assert dict(status.steps)["recruit_project_group"] == "complete"


def test_a_project_never_evaluated_has_no_status(ctx: Context) -> None:
    assert project_status(ctx, "nothing here") is None
    assert open_warnings(ctx) == []


def test_the_project_file_is_read_by_the_daemon(ctx: Context, share: Path) -> None:
    folder = make_project_missing_a_declaration(share)
    (folder / "recordkeeper-project.yaml").write_text(
        "variant: update\nconfirmations:\n  vips: {note: inlagt}\n", encoding="utf-8"
    )
    scan(ctx)
    status = project_status(ctx, PROJECT)
    assert status is not None
    assert status.variant == "update"
    assert dict(status.steps)["vips"] == "complete"
    assert [w for w in status.warnings if w.code == "project_file"] == []


def test_the_daemon_counts_a_mails_attachments_as_check_does(ctx: Context, share: Path) -> None:
    from tests.integration.test_check_attachments import _project

    _project(share / "FMB Postcovid", attachments=True)
    scan(ctx)
    status = project_status(ctx, "FMB Postcovid", live=True)
    assert status is not None and status.live is not None
    sara = {p.name: p for p in status.live.people}["Sara Ben Salem"]
    assert not sara.missing
    agreements = sara.evidence["agreement"]
    assert any(p.endswith("/Avtal om ersättning SBS signerat.pdf") for p in agreements)
