"""The main flows, fed files full of personal data, leave none in log events or the audit log.

A project folder holds a conflict-of-interest declaration and an e-mail that
carry names, personnummer, e-mail addresses and phone numbers (in the text, in
the metadata, in the file name). Ingest (with every pipeline stage), the vault,
signed heads, verification and export run while structlog's raw event dicts
are captured, before any redaction: the first defence is never passing
personal data to a logger at all. Then every event, every audit entry and the
export are scanned.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import structlog
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from structlog.testing import capture_logs

from recordkeeper import logs, pii
from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.samples.builders import make_docx, make_eml
from recordkeeper.services.audit import export_log, make_tree_head, verify_audit
from recordkeeper.services.ingest import configured_roots, scan_roots
from recordkeeper.services.vault import vault_of
from recordkeeper.store.unit import Store
from tests.audit_support import audit_context
from tests.fakes import FakeClock

PERSON = ("Anna Andersson", "19800101-1234", "anna.andersson@example.se", "070-123 45 67")


def _share(root: Path) -> None:
    project = root / "FMB Ländryggssmärta 2025"
    name, pnr, mail, phone = PERSON
    make_docx(
        project / "Jävsdeklaration" / f"Jävsdeklaration {name} {pnr}.docx",
        title="Jävsdeklaration",
        paragraphs=[f"Namn: {name}", f"Personnummer: {pnr}", f"E-post: {mail}", f"Tel: {phone}"],
        author=mail,
    )
    make_eml(
        project / "Synpunkter" / "synpunkter.eml",
        sender=f"{name} <{mail}>",
        to=["fmb@example.se"],
        subject=f"Synpunkter från {name}, tel {phone}",
        body=f"Hej! Mitt personnummer är {pnr}. Ring {phone}.",
    )


def test_no_personal_data_in_log_events_audit_entries_or_export(
    settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock, share: Path
) -> None:
    _share(share)
    ctx = audit_context(settings, store, clock)
    ctx.rules = rules
    with capture_logs() as events:
        scan_roots(ctx, configured_roots(settings))
        vault = vault_of(ctx)
        with store.transaction() as tx:
            vault.put(tx, PERSON[2], PERSON[0])
            subject = vault.subject_ref(tx.session, PERSON[2])
            assert subject is not None
            vault.shred(tx, subject, actor="dpo-1", at=clock.now())
        make_tree_head(ctx)
        assert verify_audit(ctx).ok
        exported = list(export_log(ctx))
    assert len(exported) > 2  # ingest and the shred wrote entries, one head was signed
    leaked = [(e.get("event"), pii.find_kinds(str(e))) for e in events if pii.find_kinds(str(e))]
    assert leaked == []
    leaves = [base64.b64decode(item["leaf"]).decode() for item in exported if "leaf" in item]
    assert [pii.find_kinds(leaf) for leaf in leaves if pii.find_kinds(leaf)] == []
    for leaf in leaves:
        for value in (PERSON[0], "Andersson"):
            assert value not in leaf, json.loads(leaf)["event"]


def test_a_database_error_is_logged_with_its_statement_but_no_value(store: Store) -> None:
    """A failed statement reaches a log line through `log.exception`: the line names
    the statement and the error's kind, never a value bound to it nor the server's
    message (PostgreSQL's DETAIL repeats the key: "Key (name)=(Anna Andersson)")."""
    name = PERSON[0]
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE pii_probe (name VARCHAR(40) PRIMARY KEY)"))
    insert = text("INSERT INTO pii_probe (name) VALUES (:name)")
    with store.engine.begin() as conn:
        conn.execute(insert, {"name": name})
    out, config = io.StringIO(), structlog.get_config()
    logs.configure("info", out)
    try:
        with store.engine.begin() as conn:
            conn.execute(insert, {"name": name})
    except IntegrityError as exc:
        assert name not in str(exc) or store.dialect == "postgresql"  # the engine's part
        structlog.get_logger().exception("store_failed")
    finally:
        structlog.configure(**config)
    line = json.loads(out.getvalue())
    assert line["event"] == "store_failed"
    assert "IntegrityError" in line["exception"]
    assert "INSERT INTO pii_probe (name) VALUES" in line["exception"]
    assert name not in out.getvalue()
