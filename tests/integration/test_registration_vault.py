"""Registration keeps senders through the real personal-data vault, and shredding hides them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from recordkeeper.bootstrap import audit_ports
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.registration import judge_version
from recordkeeper.services.registration_queue import open_prompts
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_registry import RegistryPromptRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

T0 = datetime(2025, 4, 10, 8, 0, tzinfo=UTC)
TEXT = (
    "Jävsdeklaration\nJag har inga bindningar.\n"
    "Ort och datum: Uppsala 2025-04-09\nNamnförtydligande: Karin Ek\n"
)


def test_the_sender_is_sealed_in_the_vault_and_read_back(
    settings, rules: LoadedRules, store: Store, clock: FakeClock
) -> None:
    clock.set(T0)
    ctx = Context(settings=settings, rules=rules, store=store, clock=clock)
    ctx.extras.update(audit_ports(settings, clock))
    with store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id="d1",
                root="share",
                path="P/jav.docx",
                project="P",
                state="present",
                first_seen_at=T0,
                last_seen_at=T0,
                current_sha256="a" * 64,
            )
        )
    facts = DocumentFacts(
        path="P/jav.docx", size=1, sha256="a" * 64, kind="docx", text=TEXT, project="P"
    )
    judge_version(ctx, "d1", facts, Classification("coi_declaration", False, True, True, 0.9))
    with store.read() as session:
        (row,) = session.execute(select(RegistryPromptRow)).scalars()
    assert row.counterpart_ref is not None and row.counterpart_ref.startswith("vault:")
    assert "Karin" not in row.counterpart_ref
    (view,) = open_prompts(ctx)
    assert view.counterpart == "Karin Ek"
