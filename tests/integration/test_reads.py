"""store.reads.select_rows returns what session.execute returns for the same statement."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import bindparam, select

from recordkeeper.store import bulk, reads
from recordkeeper.store.tables import DocumentRow, VersionRow
from recordkeeper.store.tables_classify import ClassificationCorrectionRow
from recordkeeper.store.unit import Store

AT = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)

BY_PATHS = select(DocumentRow.path, DocumentRow.first_seen_at, DocumentRow.size).where(
    DocumentRow.root == bindparam("root"), DocumentRow.path.in_(bindparam("paths", expanding=True))
)
BY_TIME = (
    select(DocumentRow.id, DocumentRow.gone_at)
    .where(DocumentRow.first_seen_at >= bindparam("since"))
    .where(DocumentRow.state == "present", DocumentRow.last_seen_at < AT + timedelta(days=1))
    .where(DocumentRow.root.in_(["r", "elsewhere"]))
    .where(DocumentRow.id.in_(bindparam("ids", expanding=True)))
    .where(DocumentRow.size.in_(bindparam("sizes", expanding=True)))
    .order_by(DocumentRow.id)
)
CORRECTIONS = select(
    ClassificationCorrectionRow.document_id, ClassificationCorrectionRow.is_draft
).where(ClassificationCorrectionRow.document_id.in_(bindparam("ids", expanding=True)))


def _documents(store: Store) -> list[str]:
    ids = [f"{i:032x}" for i in range(40)]
    with store.transaction() as tx:
        bulk.insert_many(
            tx.session,
            DocumentRow,
            [
                {"id": doc, "root": "r", "path": f"p/{i}.pdf", "project": None, "state": "present",
                 "first_seen_at": AT + timedelta(hours=i), "last_seen_at": AT,
                 "gone_at": AT if i % 2 else None, "current_sha256": None, "size": i % 7,
                 "mtime_ns": None, "inode": None, "error_reason": None, "error_detail": None}
                for i, doc in enumerate(ids)
            ],
        )  # fmt: skip
    return ids


@pytest.mark.parametrize("count", [1, 3, 40])
def test_the_rows_are_those_of_session_execute(store: Store, count: int) -> None:
    ids = _documents(store)
    cases = [
        (BY_PATHS, {"root": "r", "paths": [f"p/{i}.pdf" for i in range(0, count * 2, 2)]}),
        (BY_TIME, {"since": AT + timedelta(hours=2), "ids": ids[:count], "sizes": [1, 2, 3]}),
        (BY_TIME, {"since": AT, "ids": ids[-count:], "sizes": list(range(count))}),
    ]
    with store.read() as session:
        for statement, params in cases:
            expected = [tuple(row) for row in session.execute(statement, params)]
            assert reads.select_rows(session, statement, params) == expected
            assert reads.select_rows(session, statement, params) == expected  # cached SQL


def test_booleans_come_back_as_booleans(store: Store) -> None:
    ids = _documents(store)
    with store.transaction() as tx:
        for i, doc in enumerate(ids[:3]):
            tx.session.add(
                ClassificationCorrectionRow(
                    document_id=doc, is_draft=bool(i % 2), actor="u1", created_at=AT
                )
            )
    with store.read() as session:
        rows = reads.select_rows(session, CORRECTIONS, {"ids": ids})
    assert sorted(rows) == [(ids[0], False), (ids[1], True), (ids[2], False)]
    assert all(type(is_draft) is bool for _, is_draft in rows)


def test_pending_changes_are_flushed_first(store: Store) -> None:
    ids = _documents(store)
    with store.transaction() as tx:
        doc = tx.session.get(DocumentRow, ids[0])
        assert doc is not None
        doc.path = "moved/0.pdf"
        tx.session.add(VersionRow(document_id=ids[0], sha256="a" * 64, size=1, seen_at=AT))
        rows = reads.select_rows(tx.session, BY_PATHS, {"root": "r", "paths": ["moved/0.pdf"]})
        assert rows == [("moved/0.pdf", AT, 0)]


def test_classifications_and_extractions_read_as_columns_equal_the_orm_rows(store: Store) -> None:
    from recordkeeper.model import Classification, PersonalDataFindings
    from recordkeeper.store import repo_classification as repo
    from recordkeeper.store.tables import ExtractionRow

    ids = _documents(store)
    with store.transaction() as tx:
        for i, doc in enumerate(ids[:5]):
            c = Classification(
                f"class{i}", bool(i % 2), not i % 2, i == 3, 0.25 * i, (f"r{i}@x", "sibling:w"),
                needs_review=i == 1, personal_data_findings=PersonalDataFindings({"email": i}),
                corrected=i == 4,
            )  # fmt: skip
            repo.save_classification(
                tx.session, doc, None if i == 2 else f"{i:064x}", c, rules_hash="h" * 64,
                at=AT + timedelta(minutes=i), error_reason="too_big" if i == 3 else None,
            )  # fmt: skip
        for i in range(3):
            tx.session.add(
                ExtractionRow(
                    sha256=f"{i:064x}", kind="pdf" if i else None, facts=b"\x00\x01" if i else None,
                    error_reason="encrypted" if i == 2 else None, extracted_at=AT,
                )
            )  # fmt: skip
    shas = [f"{i:064x}" for i in range(4)]
    with store.read() as session:
        columns = repo.classifications_of(session, [*ids[:6], ids[0]])
        extractions = repo.extractions(session, shas)
    with store.read() as session:
        orm = {i: repo.get_classification(session, i) for i in ids[:6]}
        rows = {s: session.get(ExtractionRow, s) for s in shas}
    assert columns == {i: found for i, found in orm.items() if found is not None}
    assert len(columns) == 5 and columns[ids[3]].classified_at.tzinfo is not None
    assert {s: (e.sha256, e.facts, e.error_reason) for s, e in extractions.items()} == {
        s: (r.sha256, r.facts, r.error_reason) for s, r in rows.items() if r is not None
    }
    assert len(extractions) == 3
