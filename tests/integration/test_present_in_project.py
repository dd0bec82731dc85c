"""repo_documents.present_in_project: the present documents of a project of a root, by id,
read by the project index (not every present document of the root)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from sqlalchemy import text

from recordkeeper.store import bulk, repo_documents
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store

AT = datetime(2026, 3, 1, 12, 30, 15, 123456, tzinfo=UTC)
ROOTS = ("r", "other")
PROJECTS = ("P", "Q", None)
STATES = ("present", "gone", "ignored")


def _fill(store: Store) -> list[tuple[str, str, str | None, str]]:
    """Documents in every root, project and state, inserted in an order that is not their
    ids' order; returns (id, root, project, state) of each."""
    combos = list(itertools.product(ROOTS, PROJECTS, STATES, range(3)))
    docs = [
        (f"{(i * 7919) % 1000:04d}{i:028x}", root, project, state)
        for i, (root, project, state, _) in enumerate(combos)
    ]
    with store.transaction() as tx:
        bulk.insert_many(
            tx.session,
            DocumentRow,
            [
                {"id": doc, "root": root, "path": f"{project or '-'}/{doc}.pdf",
                 "project": project, "state": state, "first_seen_at": AT, "last_seen_at": AT,
                 "gone_at": AT if state == "gone" else None, "current_sha256": f"{i:064x}",
                 "size": 1, "mtime_ns": None, "inode": None, "error_reason": None,
                 "error_detail": None}
                for i, (doc, root, project, state) in enumerate(docs)
            ],
        )  # fmt: skip
    return docs


def test_the_present_documents_of_that_root_and_project_by_id(store: Store) -> None:
    docs = _fill(store)
    assert [d[0] for d in docs] != sorted(d[0] for d in docs)  # inserted out of id order
    for root, project in itertools.product((*ROOTS, "elsewhere"), (*PROJECTS, "S")):
        expected = sorted(
            (doc, f"{p or '-'}/{doc}.pdf")
            for doc, r, p, state in docs
            if r == root and p == project and state == "present"
        )
        with store.read() as session:
            found = repo_documents.present_in_project(session, root, project)
        assert found == expected, (root, project)
        assert len(found) == (3 if root in ROOTS and project in PROJECTS else 0)


def test_sqlite_reads_a_project_by_its_index(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        return  # PostgreSQL plans by its statistics
    _fill(store)
    statement = repo_documents._PRESENT_IN_PROJECT.params(project="P")
    sql = str(
        statement.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})
    )
    with store.engine.connect() as connection:
        plan = connection.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_documents_project" in details, details
