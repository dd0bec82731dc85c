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

What the driver binds without work of its own (issue #3): Python 3.11's sqlite3
binds an exact int, float, str or bytearray directly, but looks every other value
(None, bytes, the memoryview SQLAlchemy wraps a blob in) up in its adapter registry
first, making and dropping an AttributeError on the way (~2,500 instructions a value;
about nine a file ingested). So a column that is None in every row and has no
default of any kind is left out of the statement (SQLite stores NULL for it, as for
None), and a blob goes as a bytearray of its bytes (the same BLOB stored).

Rows for `documents` first mark their folders changed (`folder_digests.invalidate`),
exactly as the session guard does for an INSERT statement given its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.types import LargeBinary

from recordkeeper.store import folder_digests

Processor = Callable[[Any], Any]
# SQL, (column, processor, whether the processor is memoised by identity) in bind order
Plan = tuple[str, list[tuple[str, Processor | None, bool]]]
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
    plan = None
    if dialect.paramstyle == "qmark":
        plan = _plan(table, dialect, _bound_keys(table, tuple(rows[0]), rows))
    if plan is None:
        session.execute(insert(table), [dict(row) for row in rows])
        return
    if table is folder_digests.DOCUMENTS:
        folder_digests.invalidate(
            session, ((row["root"], folder_digests.folder_of(row["path"])) for row in rows)
        )
    sql, binds = plan
    columns: list[list[Any]] = []
    for name, process, memoised in binds:
        values = [row[name] for row in rows]
        if process is not None and not memoised:
            values = [process(value) for value in values]
        elif process is not None:
            done: dict[int, Any] = {}  # by identity: rows share their timestamp objects
            for i, value in enumerate(values):
                key = id(value)
                if key not in done:
                    done[key] = process(value)
                values[i] = done[key]
        columns.append(values)
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _bound_keys(
    table: Table, keys: tuple[str, ...], rows: Sequence[Mapping[str, Any]]
) -> tuple[str, ...]:
    """`keys` without the columns that are None in every row and stored as NULL when
    left out (nullable, no default or server default)."""
    optional = _OPTIONAL.get(table)
    if optional is None:
        optional = _OPTIONAL[table] = frozenset(
            c.key
            for c in table.c
            if c.nullable and c.default is None and c.server_default is None
            and not c.primary_key
        )  # fmt: skip
    return tuple(
        key for key in keys if key not in optional or any(row[key] is not None for row in rows)
    )


_OPTIONAL: dict[Table, frozenset[str]] = {}


def _blob(value: Any) -> bytearray | None:
    """A blob's bytes as the driver binds them without an adapter lookup (see above)."""
    return None if value is None else bytearray(value)


def _plan(table: Table, dialect: Dialect, keys: tuple[str, ...]) -> Plan | None:
    cache_key = (table, dialect.name, keys)
    if cache_key in _PLANS:
        return _PLANS[cache_key]
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    order = list(compiled.positiontup or ())
    plan: Plan | None = None
    if set(order) == set(keys) and len(order) == len(keys):
        binds: list[tuple[str, Processor | None, bool]] = []
        for name in order:
            impl = table.c[name].type.dialect_impl(dialect)
            if isinstance(impl, LargeBinary):  # SQLAlchemy's processor: a memoryview
                binds.append((name, _blob, False))
            else:
                binds.append((name, impl.bind_processor(dialect), True))
        plan = (compiled.string, binds)
    _PLANS[cache_key] = plan
    return plan
