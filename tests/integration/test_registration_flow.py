"""Registration end to end: real files on a temp share, the ingest service and
the daemon, real SQLite; prompts and alerts appear through the pipeline stage."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recordkeeper.config import Settings, load_settings
from recordkeeper.daemon import Daemon
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx, make_eml
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, scan_roots
from recordkeeper.services.registration_answers import register
from recordkeeper.services.registration_queue import PromptView, open_alerts, open_prompts
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

DECLARATION = [
    "Deklaration av bindningar och jäv för sakkunnig i projektgrupp.",
    "Jag har inga bindningar.",
    "Ort och datum: Uppsala 2025-04-09",
    "Underskrift",
    "Namnförtydligande: Karin Ek",
]


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, clock: FakeClock) -> Iterator[Context]:
    clock.set(datetime(2025, 4, 10, 8, tzinfo=UTC))
    store = Store(settings.database_url)
    store.migrate()
    yield Context(settings=settings, rules=rules, store=store, clock=clock)
    store.close()


def _declaration(share: Path, rel: str = "Ländrygg/Jäv/Jävsdeklaration KE.docx") -> Path:
    return make_docx(share / rel, title="Jävsdeklaration", paragraphs=DECLARATION)


def _scan(ctx: Context) -> None:
    scan_roots(ctx, configured_roots(ctx.settings))


def _only(ctx: Context) -> PromptView:
    (view,) = open_prompts(ctx)
    return view


def test_a_received_declaration_is_prompted_with_the_proposed_record(
    ctx: Context, share: Path
) -> None:
    _declaration(share)
    _scan(ctx)
    view = _only(ctx)
    assert (view.doc_class, view.direction, view.kind) == (
        "coi_declaration",
        "received",
        "register",
    )
    assert (view.arrived_on, view.date_source) == (date(2025, 4, 9), "date_signature")
    assert view.due_on == date(2025, 4, 10)
    assert view.counterpart == "Karin Ek"
    assert view.description == "Jävsdeklaration – Ländrygg"
    assert view.path == "Ländrygg/Jäv/Jävsdeklaration KE.docx"


def test_rename_move_copy_and_rescan_never_prompt_twice(ctx: Context, share: Path) -> None:
    path = _declaration(share)
    _scan(ctx)
    first = _only(ctx)
    renamed = path.rename(path.with_name("jav-KE-signerad.docx"))
    _scan(ctx)
    moved = share / "Ländrygg" / "Arkiv" / renamed.name
    moved.parent.mkdir()
    renamed.rename(moved)
    _scan(ctx)
    (share / "Ländrygg" / "kopia.docx").write_bytes(moved.read_bytes())
    _scan(ctx)
    _scan(ctx)
    view = _only(ctx)
    assert view.id == first.id
    assert view.copies == 1


def test_registering_then_editing_raises_an_alert(ctx: Context, share: Path) -> None:
    path = _declaration(share)
    _scan(ctx)
    register(ctx, _only(ctx).id, "2.4-12345/2025", "registrator1")
    make_docx(path, title="Jävsdeklaration", paragraphs=[*DECLARATION, "Tillägg: nytt uppdrag."])
    _scan(ctx)
    (alert,) = open_alerts(ctx)
    assert (alert.kind, alert.dnr) == ("registered_changed", "2.4-12345/2025")
    assert (_only(ctx).kind, _only(ctx).proposed_dnr) == ("new_version", "2.4-12345/2025")


def test_deleting_a_registered_document_raises_an_alert(ctx: Context, share: Path) -> None:
    path = _declaration(share)
    _scan(ctx)
    register(ctx, _only(ctx).id, "2.4-12345/2025", "registrator1")
    path.unlink()
    _scan(ctx)
    (alert,) = open_alerts(ctx)
    assert (alert.kind, alert.document_state) == ("registered_gone", "gone")


def test_a_draft_is_prompted_only_when_emailed_out_of_the_agency(ctx: Context, share: Path) -> None:
    draft = make_docx(
        share / "Ländrygg" / "Text" / "Textförslag Kort om diagnosen.docx",
        title="UTKAST Textförslag Kort om diagnosen",
        paragraphs=["Kort om diagnosen", "Symtom, behandling, prognos."],
    )
    _scan(ctx)
    assert open_prompts(ctx) == []
    make_eml(
        share / "Ländrygg" / "Text" / "Till sakkunnig.eml",
        sender="Anna Lind <anna.lind@socialstyrelsen.se>",
        to=["expert@uni.example"],
        subject="Textförslag för synpunkter",
        body="Hej, här är utkastet för synpunkter.",
        sent_at=datetime(2025, 4, 11, 9, 0, tzinfo=UTC),
        attachments=[(draft.name, draft.read_bytes())],
    )
    _scan(ctx)
    view = _only(ctx)  # the e-mail that carried it is folded into the draft's record
    assert view.path == "Ländrygg/Text/Textförslag Kort om diagnosen.docx"
    assert (view.direction, view.arrived_on, view.counterpart) == (
        "drawn_up",
        date(2025, 4, 11),
        "expert@uni.example",
    )
    assert view.reasons[0].code == "draft_sent_by_email"


def test_the_daemon_prompts_a_new_declaration_once(
    tmp_path: Path, share: Path, rules: LoadedRules
) -> None:
    settings = load_settings(
        None,
        {
            "state_dir": str(tmp_path / "d"),
            "database_url": f"sqlite:///{tmp_path / 'd' / 'rk.db'}",
            "roots": [{"path": str(share), "mode": "poll"}],
            "ingest": {"stable_seconds": 0.2, "poll_interval_seconds": 0.2},
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store)
    daemon = Daemon(ctx, tick_interval_s=0.05)
    daemon.start()
    thread = threading.Thread(target=daemon.run, daemon=True)
    thread.start()
    try:
        path = _declaration(share)
        _wait_for(lambda: len(open_prompts(ctx)) == 1)
        path.rename(path.with_name("omdöpt.docx"))
        _wait_for(lambda: open_prompts(ctx)[0].path == "Ländrygg/Jäv/omdöpt.docx")
        assert len(open_prompts(ctx)) == 1
    finally:
        daemon.stop()
        thread.join(timeout=30)
        daemon.join()  # stops the observers and closes the store


def _wait_for(condition: object, timeout_s: float = 30.0) -> None:
    """Poll a real observer's outcome with a deadline (no sleeping to let time pass)."""
    assert callable(condition)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("condition not met before the deadline")
