"""Migration audit_0004: on SQLite the audit entries' index becomes the table's rowid
(INTEGER PRIMARY KEY, one b-tree an entry); PostgreSQL keeps its BIGINT key. Either way
every entry stays as it was, and the log verifies and proves alike after each step."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, select, text

from recordkeeper.config import Settings
from recordkeeper.jobs import make_tree_head_job
from recordkeeper.services.audit import prove_entry, verify_audit
from recordkeeper.services.context import Context
from recordkeeper.store.migrate import alembic_config
from recordkeeper.store.tables import AuditEntryRow
from recordkeeper.store.unit import Store
from tests.audit_support import append_events, audit_context
from tests.fakes import FakeClock


def _entries(store: Store) -> list[tuple[object, ...]]:
    columns = AuditEntryRow.__table__.c
    with store.read() as session:
        return [tuple(r) for r in session.execute(select(*columns).order_by(columns.idx))]


def _idx_type(store: Store) -> str:
    columns = inspect(store.engine).get_columns("audit_entries")
    return str(next(c["type"] for c in columns if c["name"] == "idx"))


def _sqlite_indexes(store: Store) -> set[str]:
    """Every index SQLite keeps for the table, its automatic ones included."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT name FROM pragma_index_list('audit_entries')"))
        return {str(name) for (name,) in rows}


def _proofs(ctx: Context) -> list[tuple[object, ...]]:
    proofs = [prove_entry(ctx, i) for i in range(5)]
    return [(p.leaf, p.proof, p.verified) for p in proofs]


def test_the_index_is_the_rowid_on_sqlite_and_the_log_reads_alike(
    settings: Settings, store: Store, clock: FakeClock
) -> None:
    ctx = audit_context(settings, store, clock)
    append_events(ctx, clock, 5)
    make_tree_head_job(ctx)
    entries, proofs, root = _entries(store), _proofs(ctx), verify_audit(ctx).root
    sqlite = store.engine.dialect.name == "sqlite"
    assert _idx_type(store) == ("INTEGER" if sqlite else "BIGINT")
    if sqlite:  # the key is the rowid: no index of its own
        assert _sqlite_indexes(store) == {"ix_audit_entries_document_id"}

    config = alembic_config(store.engine)
    command.downgrade(config, "audit_0003")
    assert _idx_type(store) == "BIGINT"
    if sqlite:  # BIGINT PRIMARY KEY: a table keyed by rowid beside the key's own index
        assert _sqlite_indexes(store) == {
            "ix_audit_entries_document_id",
            "sqlite_autoindex_audit_entries_1",
        }
    assert _entries(store) == entries
    assert verify_audit(ctx).ok and verify_audit(ctx).root == root
    assert _proofs(ctx) == proofs

    command.upgrade(config, "heads")
    assert _idx_type(store) == ("INTEGER" if sqlite else "BIGINT")
    if sqlite:
        assert _sqlite_indexes(store) == {"ix_audit_entries_document_id"}
    assert _entries(store) == entries
    report = verify_audit(ctx)
    assert report.ok and report.root == root and report.entries == 5
    assert _proofs(ctx) == proofs
    append_events(ctx, clock, 2, 5)  # appending goes on after the last index
    assert [e[0] for e in _entries(store)] == list(range(7))
    assert verify_audit(ctx).ok
