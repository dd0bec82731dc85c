"""Migration classify_0002: the classifications table keeps only its primary key (no
statement reads it by class, rules hash or content hash; each index cost every insert),
its rows untouched; a downgrade makes the three indexes again."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, select

from recordkeeper.store import bulk
from recordkeeper.store.migrate import alembic_config
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.unit import Store

AT = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
DROPPED = {
    "ix_classifications_class": ["doc_class"],
    "ix_classifications_rules_hash": ["rules_hash"],
    "ix_classifications_sha256": ["sha256"],
}


def _indexes(store: Store) -> dict[str, list[str]]:
    return {
        str(i["name"]): [str(c) for c in i["column_names"]]
        for i in inspect(store.engine).get_indexes("classifications")
    }


def _rows(store: Store) -> list[tuple[object, ...]]:
    with store.read() as session:
        columns = ClassificationRow.__table__.c
        return [tuple(row) for row in session.execute(select(*columns).order_by(columns[0]))]


def test_the_indexes_go_and_come_back_and_the_rows_stay(store: Store) -> None:
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
    before = _rows(store)
    assert len(before) == 3
    assert not set(DROPPED) & set(_indexes(store))

    config = alembic_config(store.engine)
    command.downgrade(config, "classify_0001")
    assert {n: c for n, c in _indexes(store).items() if n in DROPPED} == DROPPED
    assert _rows(store) == before

    command.upgrade(config, "heads")
    assert not set(DROPPED) & set(_indexes(store))
    assert _rows(store) == before
