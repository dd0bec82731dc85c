"""A NUL character in what a file says (an Outlook property, RTF's \\'00) is stored.

PostgreSQL's text columns cannot hold NUL: a .msg whose sender's name held one ("Anna",
NUL, "Berg", as a broken or hostile writer leaves it) was read, but its registration
prompt failed with DataError on every pass (the catch-up tried again forever) and the
registrar never saw it. Extraction now gives a space for a NUL in the kinds that can
hold one. Real files, the ingest service, SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from recordkeeper import logs
from recordkeeper.config import Settings
from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import ingest
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import configured_roots, scan_roots
from recordkeeper.services.registration_queue import open_prompts
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock
from tests.msg_builder import make_msg

NUL = "\x00"


def _declaration_mail(path: Path) -> Path:
    return make_msg(
        path,
        sender_name=f"Anna{NUL}Berg",
        sender_email="anna.berg@example.se",
        to=[(f"Regi{NUL}strator", "registrator@example.se")],
        subject=f"Jävsdeklaration{NUL}Anna Berg",
        body=f"Deklaration av bindningar och jäv.{NUL}Jag har inga bindningar.\n"
        "Namnförtydligande: Anna Berg",
        attachments=[(f"jäv{NUL}.pdf", b"%PDF-1.4 x")],
    )


def test_the_extracted_facts_hold_a_space_for_each_nul(tmp_path: Path) -> None:
    facts = extract_file(_declaration_mail(tmp_path / "jäv.msg"), "jäv.msg", Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert facts.email is not None
    assert facts.email.sender == "Anna Berg <anna.berg@example.se>"
    assert facts.email.recipients == ("Regi strator <registrator@example.se>",)
    assert facts.email.attachment_names == ("jäv .pdf",)
    assert "jäv. Jag har" in facts.text
    rtf = tmp_path / "brev.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Hej\\'00d\\u0 ?r {\\b Anna}\\par}")
    facts = extract_file(rtf, "brev.rtf", Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert NUL not in facts.text


def test_a_mail_whose_sender_holds_a_nul_gets_its_registration_prompt(
    db_backend: str,
    settings: Settings,
    rules: LoadedRules,
    clock: FakeClock,
    share: Path,
) -> None:
    clock.set(datetime(2025, 4, 10, 8, tzinfo=UTC))
    log = io.StringIO()
    logs.configure("info", log)
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=rules, store=store, clock=clock)
    try:
        _declaration_mail(share / "Ländrygg" / "Jäv" / "jäv.msg")
        scan_roots(ctx, configured_roots(ctx.settings))
        status = ingest.status(ctx)
        assert status.errors == {}
        assert status.stage_failures == {}
        assert status.registration_unprompted == 0
        (prompt,) = open_prompts(ctx)
        assert prompt.counterpart == "Anna Berg <anna.berg@example.se>"
        assert "Anna" not in log.getvalue()
    finally:
        store.close()
