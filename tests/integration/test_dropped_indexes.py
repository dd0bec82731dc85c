"""Migrations classify_0002 and audit_0003 drop indexes no statement reads by (each cost
every insert: a classification row per new document or version, two audit entries):
their tables' rows stay, and a downgrade makes the indexes again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alembic import command
from sqlalchemy import inspect, select

from recordkeeper.model import AuditEvent
from recordkeeper.store import bulk
from recordkeeper.store.migrate import alembic_config
from recordkeeper.store.tables import AuditEntryRow, DocumentRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.unit import Store

AT = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
CLASSIFICATIONS = {
    "ix_classifications_class": ["doc_class"],
    "ix_classifications_rules_hash": ["rules_hash"],
    "ix_classifications_sha256": ["sha256"],
}
AUDIT = {"ix_audit_entries_event": ["event"], "ix_audit_entries_project_id": ["project_id"]}


def _indexes(store: Store, table: str) -> dict[str, list[str]]:
    return {
        str(i["name"]): [str(c) for c in i["column_names"]]
        for i in inspect(store.engine).get_indexes(table)
    }


def _rows(store: Store, table: Any) -> list[tuple[object, ...]]:
    with store.read() as session:
        columns = table.c
        return [tuple(row) for row in session.execute(select(*columns).order_by(columns[0]))]


def _fill(store: Store) -> None:
    with store.transaction() as tx:
        bulk.insert_many(
            tx.session,
            DocumentRow,
            [{"id": f"{i:032x}", "root": "r", "path": f"p/{i}.pdf", "project": "p",
              "state": "present", "first_seen_at": AT, "last_seen_at": AT,
              "current_sha256": f"{i:064x}", "size": 1} for i in range(3)],
        )  # fmt: skip
        bulk.insert_many(
            tx.session,
            ClassificationRow,
            [{"document_id": f"{i:032x}", "sha256": f"{i:064x}", "doc_class": "other",
              "is_draft": False, "must_register": i == 1, "personal_data": False,
              "confidence": 0.5, "needs_review": True, "corrected": False,
              "reasons": '["other.reference"]', "personal_data_kinds": "{}",
              "error_reason": None, "rules_hash": "h", "classified_at": AT}
             for i in range(3)],
        )  # fmt: skip
        for i in range(3):
            tx.record(AuditEvent("document_added", AT, document_id=f"{i:032x}", project_id="p"))


def test_the_indexes_go_and_come_back_and_the_rows_stay(store: Store) -> None:
    _fill(store)
    tables = [
        (ClassificationRow.__table__, CLASSIFICATIONS, "classify_0001"),
        (AuditEntryRow.__table__, AUDIT, "audit_0002"),
    ]
    for table, dropped, before_revision in tables:
        rows = _rows(store, table)
        assert len(rows) == 3
        assert not set(dropped) & set(_indexes(store, table.name))

        config = alembic_config(store.engine)
        command.downgrade(config, before_revision)
        assert {n: c for n, c in _indexes(store, table.name).items() if n in dropped} == dropped
        assert _rows(store, table) == rows

        command.upgrade(config, "heads")
        assert not set(dropped) & set(_indexes(store, table.name))
        assert _rows(store, table) == rows
