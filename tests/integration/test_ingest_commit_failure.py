"""A chunk whose transaction fails at COMMIT (disk full, I/O error) loses no file.

The failure is injected at the one place a real server or disk would fail: the
connection's COMMIT, after every row of the chunk was written in the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from recordkeeper.bootstrap import audit_ports
from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.audit import verify_audit
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import IngestReport, RootIngestor, configured_roots
from recordkeeper.store.tables import AuditEntryRow, DocumentRow, VersionRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

pytestmark = pytest.mark.usefixtures("ingest_only")


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    ctx = Context(settings=settings, rules=rules, store=store, clock=clock)
    ctx.extras.update(audit_ports(settings, clock))
    return ctx


class CommitFailure:
    """Makes the first COMMIT of a transaction that wrote documents fail once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.wrote_documents = False
        self.failed = 0

    def before_execute(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO DOCUMENTS"):
            self.wrote_documents = True

    def commit(self, conn: Any) -> None:
        if self.wrote_documents and not self.failed:
            self.failed += 1
            # as a server does when COMMIT fails: the transaction is gone
            conn.connection.dbapi_connection.rollback()
            raise OperationalError("COMMIT", None, sqlite3.OperationalError("disk I/O error"))
        self.wrote_documents = False

    def rollback(self, _conn: Any) -> None:
        self.wrote_documents = False

    @classmethod
    def installed(cls, store: Store) -> Iterator[CommitFailure]:
        failure = cls(store)
        hooks = {
            "before_cursor_execute": failure.before_execute,
            "commit": failure.commit,
            "rollback": failure.rollback,
        }
        for name, fn in hooks.items():
            event.listen(store.engine, name, fn)
        try:
            yield failure
        finally:
            for name, fn in hooks.items():
                event.remove(store.engine, name, fn)


@pytest.fixture
def commit_fails_once(store: Store) -> Iterator[CommitFailure]:
    yield from CommitFailure.installed(store)


def scan(ctx: Context) -> IngestReport:
    return RootIngestor(ctx, configured_roots(ctx.settings)[0]).scan()


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def stored(store: Store) -> tuple[dict[str, str], int, list[str]]:
    with store.read() as s:
        docs = dict(s.execute(select(DocumentRow.path, DocumentRow.state)).all())
        versions = len(s.execute(select(VersionRow.sha256)).all())
        events = list(s.execute(select(AuditEntryRow.event).order_by(AuditEntryRow.idx)).scalars())
    return docs, versions, events


def test_a_failed_chunk_commit_records_every_file_once_after_the_retry(
    ctx: Context, share: Path, commit_fails_once: CommitFailure
) -> None:
    write(share / "P" / "known.txt", "first text")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(commit_fails_once, "failed", 1)  # let the first scan through
        scan(ctx)
    commit_fails_once.failed = 0
    write(share / "P" / "known.txt", "second text")  # a new version: the per-file path
    names = [f"new-{i}.txt" for i in range(5)]
    for i, name in enumerate(names):  # new files: the bulk-insert path
        write(share / "Q" / name, f"content {i}")

    report = scan(ctx)

    assert commit_fails_once.failed == 1, "the injected failure must have happened"
    docs, versions, events = stored(ctx.store)
    assert docs == {"P/known.txt": "present", **{f"Q/{n}": "present" for n in names}}
    assert versions == 1 + 1 + len(names)
    assert sorted(events) == sorted(
        ["document_added"] * (1 + len(names)) + ["document_version_added"]
    )
    assert report.pending == [] and report.errors == {}
    assert report.changes == {"new": len(names), "new_version": 1}
    assert verify_audit(ctx).problems == ()
    assert scan(ctx).changes == {}  # nothing left half-done for the next pass
