"""Inserting many rows in one statement, without SQLAlchemy's per-row work (issue #3).

`insert_many(session, table, rows)` writes rows given as dicts (every row the
same keys) in one executemany on the session's connection, inside its
transaction. SQLAlchemy's own `session.execute(insert(table), rows)` builds,
checks and converts every row in Python (about as much CPU as SQLite's insert
of it); here, on SQLite, the statement is SQLAlchemy's compiled INSERT for
those columns, each value goes through the same bind processor SQLAlchemy
would apply (so what is stored is the same), but once per distinct object
for values with a processor (a chunk's rows share their timestamps), and the
rows are handed to the driver as tuples. Other dialects, and rows that leave
out a column with a Python-side default, take SQLAlchemy's own path.

Rows for `documents` first mark their folders changed (`folder_digests.invalidate`),
exactly as the session guard does for an INSERT statement given its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from recordkeeper.store import folder_digests

Processor = Callable[[Any], Any]
Plan = tuple[str, list[tuple[str, Processor | None]]]  # SQL, (column, processor) in bind order
# (table, dialect name, columns) -> its plan; None when SQLAlchemy's path must be
# taken (a column left out has a default to fill in)
_PLANS: dict[tuple[Table, str, tuple[str, ...]], Plan | None] = {}


def insert_many(
    session: Session, target: Table | type[Any], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert `rows` (dicts with the same keys) into `target` (a table or a mapped
    class) in one executemany. For rows that nothing in this session has loaded or
    will load as objects before the commit."""
    if not rows:
        return
    table: Table = target if isinstance(target, Table) else target.__table__
    connection = session.connection()
    dialect = connection.dialect
    plan = _plan(table, dialect, tuple(rows[0])) if dialect.paramstyle == "qmark" else None
    if plan is None:
        session.execute(insert(table), [dict(row) for row in rows])
        return
    if table is folder_digests.DOCUMENTS:
        folder_digests.invalidate(
            session, ((row["root"], folder_digests.folder_of(row["path"])) for row in rows)
        )
    sql, binds = plan
    columns: list[list[Any]] = []
    for name, process in binds:
        values = [row[name] for row in rows]
        if process is not None:
            done: dict[int, Any] = {}  # by identity: rows share their timestamp objects
            for i, value in enumerate(values):
                key = id(value)
                if key not in done:
                    done[key] = process(value)
                values[i] = done[key]
        columns.append(values)
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _plan(table: Table, dialect: Dialect, keys: tuple[str, ...]) -> Plan | None:
    cache_key = (table, dialect.name, keys)
    if cache_key in _PLANS:
        return _PLANS[cache_key]
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    order = list(compiled.positiontup or ())
    plan: Plan | None = None
    if set(order) == set(keys) and len(order) == len(keys):
        binds: list[tuple[str, Processor | None]] = [
            (name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in order
        ]
        plan = (compiled.string, binds)
    _PLANS[cache_key] = plan
    return plan
