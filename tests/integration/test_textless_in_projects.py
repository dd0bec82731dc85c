"""repo_classification.textless_in_projects: the present documents of a root's projects with
a `textless:` reason, read by the projects' index (not every present document of the root)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from sqlalchemy import text

from recordkeeper.store import bulk
from recordkeeper.store import repo_classification as repo
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.unit import Store

AT = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
ROOTS = ("r", "other")
PROJECTS = ("P", "Q", "R")
STATES = ("present", "gone")
REASONS = ('["textless:unread_scan","name:x"]', '["other.reference"]')


def _fill(store: Store) -> list[tuple[str, str, str, str, str]]:
    """Documents in every root, project, state and kind of reasons (ids not in that
    order); returns (id, root, project, state, reasons) of each."""
    combos = list(itertools.product(ROOTS, PROJECTS, STATES, REASONS, range(2)))
    docs = [
        (f"{(i * 7919) % 1000:04d}{i:028x}", root, project, state, reasons)
        for i, (root, project, state, reasons, _) in enumerate(combos)
    ]
    with store.transaction() as tx:
        bulk.insert_many(
            tx.session,
            DocumentRow,
            [
                {"id": doc, "root": root, "path": f"{project}/{doc}.pdf", "project": project,
                 "state": state, "first_seen_at": AT, "last_seen_at": AT,
                 "gone_at": AT if state == "gone" else None, "current_sha256": f"{i:064x}",
                 "size": 1, "mtime_ns": None, "inode": None, "error_reason": None,
                 "error_detail": None}
                for i, (doc, root, project, state, _) in enumerate(docs)
            ],
        )  # fmt: skip
        bulk.insert_many(
            tx.session,
            ClassificationRow,
            [
                {"document_id": doc, "sha256": f"{i:064x}", "doc_class": "other",
                 "is_draft": False, "must_register": False, "personal_data": False,
                 "confidence": 0.5, "needs_review": True, "corrected": False,
                 "reasons": reasons, "personal_data_kinds": "{}", "error_reason": None,
                 "rules_hash": "h", "classified_at": AT}
                for i, (doc, _, _, _, reasons) in enumerate(docs)
            ],
        )  # fmt: skip
    return docs


def test_only_the_present_documents_of_that_root_and_those_projects(store: Store) -> None:
    docs = _fill(store)
    with store.read() as session:
        found = repo.textless_in_projects(session, "r", ["P", "R"])
    expected = sorted(
        (doc, f"{project}/{doc}.pdf")
        for doc, root, project, state, reasons in docs
        if root == "r" and project in ("P", "R") and state == "present" and "textless:" in reasons
    )
    assert [(c.document_id, path) for path, c in found] == expected  # by id
    assert len(expected) == 4
    assert all(c.classification.reasons[0] == "textless:unread_scan" for _, c in found)
    with store.read() as session:
        assert repo.textless_in_projects(session, "elsewhere", ["P", "Q", "R"]) == []
        assert repo.textless_in_projects(session, "other", []) == []


def test_sqlite_reads_the_projects_by_their_index(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        return  # PostgreSQL plans by its statistics
    _fill(store)
    statement = repo._TEXTLESS_IN_PROJECTS.params(projects=["P", "Q"], like="%textless:%")
    sql = str(
        statement.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})
    )
    with store.engine.connect() as connection:
        plan = connection.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_documents_project" in details, details
