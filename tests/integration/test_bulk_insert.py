"""store.bulk.insert_many stores exactly what SQLAlchemy's own INSERT stores, in one
statement, and keeps the folder digests' guarantee for documents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Table, event, insert, select

from recordkeeper.store import bulk, folder_digests
from recordkeeper.store.tables import AuditEntryRow, DocumentRow, ExtractionRow, VersionRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.tables_ingest import DocumentLinkRow, FolderDigestRow
from recordkeeper.store.unit import Store

NOW = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
LOCAL = datetime(2026, 3, 1, 14, 0, 0, 7, tzinfo=timezone(timedelta(hours=2)))
NAIVE = datetime(2025, 12, 31, 23, 59, 59, 999999)


def _document(i: int, prefix: str) -> dict[str, Any]:
    at = (NOW, LOCAL, NAIVE)[i % 3]
    return {
        "id": f"{prefix}{i:031x}", "root": "/srv/share", "path": f"proj {i % 2}/sub/f{i}.docx",
        "project": f"proj {i % 2}" if i % 4 else None, "state": "present",
        "first_seen_at": at, "last_seen_at": NOW, "gone_at": None if i % 2 else LOCAL,
        "current_sha256": f"{i:064x}", "size": 2**40 + i, "mtime_ns": 1_700_000_000_123_456_789,
        "inode": i, "error_reason": None if i % 3 else "encrypted", "error_detail": None,
    }  # fmt: skip


def _raw(store: Store, table: Table, order: str) -> list[tuple[Any, ...]]:
    """Every row as the driver returns it (no SQLAlchemy result processing)."""
    with store.read() as session:
        cursor = session.connection().exec_driver_sql(
            f"SELECT * FROM {table.name} ORDER BY {order}"
        )
        return [tuple(row) for row in cursor]


def _both_ways(
    store: Store, target: type[Any], make: Any, order: str, key: str, skip: str = "id"
) -> None:
    """Insert rows made by `make(i, prefix)` SQLAlchemy's way ("a") and bulk's way ("b");
    the stored rows must be equal apart from the key column's prefix (and `skip`, a
    column numbered by the database)."""
    table: Table = target.__table__
    with store.transaction() as tx:
        tx.session.execute(insert(table), [make(i, "a") for i in range(7)])
        bulk.insert_many(tx.session, target, [make(i, "b") for i in range(7)])
    names = list(table.c.keys())
    by_prefix: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
    for row in _raw(store, table, order):
        values = dict(zip(names, row, strict=True))
        values.pop(skip, None)
        prefix, values[key] = str(values[key])[0], str(values[key])[1:]
        by_prefix[prefix].append(values)
    assert len(by_prefix["a"]) == 7
    assert by_prefix["a"] == by_prefix["b"]


def test_documents_are_stored_as_sqlalchemy_stores_them(store: Store) -> None:
    _both_ways(store, DocumentRow, _document, "id", "id", skip="")


def test_versions_extractions_links_and_audit_entries_too(store: Store) -> None:
    with store.transaction() as tx:
        bulk.insert_many(tx.session, DocumentRow, [_document(i, "d") for i in range(7)])
    doc = [f"d{i:031x}" for i in range(7)]
    _both_ways(
        store,
        VersionRow,
        lambda i, p: {"document_id": doc[i], "sha256": f"{p}{i:063x}", "size": i,
                      "mtime_ns": None if i == 3 else i * 10**15, "seen_at": (NOW, LOCAL)[i % 2]},
        "sha256",
        "sha256",
    )  # fmt: skip
    _both_ways(
        store,
        ExtractionRow,
        lambda i, p: {"sha256": f"{p}{i:063x}", "kind": "pdf", "facts": bytes([i]) * (i * 100),
                      "error_reason": None, "error_detail": "é ∑" if i == 2 else None,
                      "extracted_at": LOCAL, "extractor_version": 1},
        "sha256",
        "sha256",
    )  # fmt: skip
    _both_ways(
        store,
        DocumentLinkRow,
        lambda i, p: {"document_id": doc[i], "source_document_id": doc[0], "kind": "copy",
                      "sha256": f"{p}{i:063x}", "created_at": NOW},
        "sha256",
        "sha256",
    )  # fmt: skip
    _both_ways(
        store,
        AuditEntryRow,
        lambda i, p: {"idx": i if p == "a" else 100 + i, "leaf": b'{"v":1}' * i,
                      "event": f"{p}document_added", "document_id": doc[i],
                      "project_id": None, "created_at": (NOW, LOCAL, NAIVE)[i % 3]},
        "event, document_id",
        "event",
        skip="idx",
    )  # fmt: skip


def test_classifications_are_stored_as_sqlalchemy_stores_them(store: Store) -> None:
    with store.transaction() as tx:
        bulk.insert_many(tx.session, DocumentRow, [_document(i, p) for p in "ab" for i in range(7)])

    def make(i: int, p: str) -> dict[str, Any]:
        return {"document_id": f"{p}{i:031x}", "sha256": None if i == 1 else f"{i:064x}",
                "doc_class": "beslut", "is_draft": bool(i % 2), "must_register": i == 3,
                "personal_data": False, "confidence": 0.1 * i, "needs_review": True,
                "corrected": False, "reasons": '["a","b"]', "personal_data_kinds": "{}",
                "error_reason": None, "rules_hash": "ab" * 32, "classified_at": NOW}  # fmt: skip

    _both_ways(store, ClassificationRow, make, "document_id", "document_id")


def test_a_left_out_column_gets_its_default(store: Store) -> None:
    row = {"sha256": "f" * 64, "kind": None, "facts": None, "error_reason": "encrypted",
           "error_detail": None, "extracted_at": NOW}  # fmt: skip
    with store.transaction() as tx:
        bulk.insert_many(tx.session, ExtractionRow, [row])
    with store.read() as session:
        assert session.execute(select(ExtractionRow.extractor_version)).scalar_one() == 1


def test_documents_mark_their_folders_changed(store: Store) -> None:
    with store.transaction() as tx:
        folder_digests.save(
            tx.session, "/srv/share", [folder_digests.Verified("proj 0/sub", "d" * 32, 0, None)]
        )
    with store.transaction() as tx:
        bulk.insert_many(tx.session, DocumentRow, [_document(i, "d") for i in range(4)])
    with store.read() as session:
        rows = session.execute(
            select(FolderDigestRow.folder, FolderDigestRow.digest, FolderDigestRow.epoch)
        ).all()
    assert sorted(tuple(r) for r in rows) == [("proj 0/sub", None, 1), ("proj 1/sub", None, 1)]


def test_many_rows_are_one_statement(store: Store) -> None:
    statements: list[str] = []

    def count(_c: object, _cur: object, statement: str, *_args: object) -> None:
        if "versions" in statement:
            statements.append(statement.split()[0].upper())

    with store.transaction() as tx:
        bulk.insert_many(tx.session, DocumentRow, [_document(0, "d")])
    event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.transaction() as tx:
            bulk.insert_many(
                tx.session,
                VersionRow,
                [{"document_id": f"d{0:031x}", "sha256": f"{i:064x}", "size": i, "mtime_ns": i,
                  "seen_at": NOW} for i in range(100)],
            )  # fmt: skip
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert statements == ["INSERT"]


def test_a_column_none_in_every_row_is_left_out_and_stored_as_null(store: Store) -> None:
    """The driver binds no None it need not (an adapter lookup each on SQLite); the
    stored rows are the same, NULL where the rows said None, blobs as blobs."""
    statements: list[str] = []

    def keep(_c: object, _cur: object, statement: str, *_args: object) -> None:
        if statement.startswith("INSERT INTO extractions"):
            statements.append(statement)

    rows = [
        {"sha256": f"{i:064x}", "kind": None, "facts": b"\x00{}" * i, "error_reason": None,
         "error_detail": "pdf" if i == 2 and store.dialect == "sqlite" else None,
         "extracted_at": NOW, "extractor_version": 1}
        for i in range(4)
    ]  # fmt: skip
    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        with store.transaction() as tx:
            bulk.insert_many(tx.session, ExtractionRow, rows)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    if store.dialect == "sqlite":
        assert len(statements) == 1
        assert "kind" not in statements[0] and "error_reason" not in statements[0]
        assert "error_detail" in statements[0]  # not None in every row
    table: Table = ExtractionRow.__table__  # type: ignore[assignment]
    stored = [r[:5] for r in _raw(store, table, "sha256")]
    assert stored == [
        (row["sha256"], None, row["facts"], None, row["error_detail"]) for row in rows
    ]
    if store.dialect == "sqlite":
        with store.read() as session:
            kinds = session.connection().exec_driver_sql(
                "SELECT DISTINCT typeof(facts), typeof(kind) FROM extractions"
            )
            assert sorted(tuple(k) for k in kinds) == [("blob", "null")]
