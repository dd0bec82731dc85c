"""Helpers for the audit tests: a context with the real key and vault, a sample log."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from recordkeeper.bootstrap import audit_ports
from recordkeeper.config import Settings
from recordkeeper.model import AuditEvent
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.audit import make_tree_head
from recordkeeper.services.context import Context
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock


def audit_context(settings: Settings, store: Store, clock: FakeClock) -> Context:
    ctx = Context(settings=settings, rules=LoadedRules(by_kind={}, files=()), store=store)
    ctx.clock = clock
    ctx.extras.update(audit_ports(settings, clock))
    return ctx


def append_events(ctx: Context, clock: FakeClock, count: int, start: int = 0) -> None:
    """`count` identifier-only events, one transaction each, documents d0, d1, ..."""
    for i in range(start, start + count):
        clock.advance(60)
        with ctx.store.transaction() as tx:
            tx.record(
                AuditEvent(
                    "document_classified",
                    clock.now(),
                    actor="system",
                    document_id=f"d{i % 4}",
                    project_id="p1",
                    rule_id="classes.coi_declaration",
                    sha256=f"{i:064x}",
                    data={"doc_class": "coi_declaration", "n": i},
                )
            )


def build_log(ctx: Context, clock: FakeClock, head_sizes: list[int]) -> None:
    """Append entries and sign a head at each of `head_sizes` (ascending)."""
    done = 0
    for size in head_sizes:
        append_events(ctx, clock, size - done, done)
        done = size
        clock.advance(3600)
        make_tree_head(ctx)


def db_file(settings: Settings) -> Path | None:
    """The SQLite database file, or None on PostgreSQL."""
    url = settings.database_url
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def sql(settings: Settings, statement: str, params: dict[str, object] | None = None) -> None:
    """Tamper with the database directly (plain SQL, no recordkeeper code), as an
    administrator with database access would: sqlite3 on the file, or PostgreSQL."""
    path = db_file(settings)
    if path is not None:
        with closing(sqlite3.connect(path)) as conn, conn:
            conn.execute(statement, params or {})
        return
    engine = create_engine(settings.database_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            conn.execute(text(statement), params or {})
    finally:
        engine.dispose()


def query(settings: Settings, statement: str, params: dict[str, object] | None = None) -> list[Any]:
    path = db_file(settings)
    if path is not None:
        with closing(sqlite3.connect(path)) as conn:
            return list(conn.execute(statement, params or {}).fetchall())
    engine = create_engine(settings.database_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(statement), params or {})]
    finally:
        engine.dispose()


def leaf(settings: Settings, index: int) -> bytes:
    rows = query(settings, "SELECT leaf FROM audit_entries WHERE idx = :i", {"i": index})
    return bytes(rows[0][0])
