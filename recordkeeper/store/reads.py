"""Reading rows with the queries of an ingest chunk, without SQLAlchemy's per-statement work.

`select_rows(session, statement, params)` runs a SELECT built once (its IN
lists are expanding bind parameters) and returns its rows as tuples, as
`session.execute(statement, params)` would (pending ORM changes are flushed
first). On SQLite the SQL rendered for each length of the IN lists is kept,
with the bind and result processors SQLAlchemy would apply, and the driver
gets the values as a tuple: for the sub-millisecond queries of an ingest
chunk, SQLAlchemy rendering the IN list and building result rows cost more
than SQLite answering (issue #3). Other dialects take the session's path. It
is for reads of plain tables: a statement reading `audit_entries` goes through
the session, which writes the queued audit entries first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import CompoundSelect, Select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

Processor = Callable[[Any], Any]
# a SELECT, or several joined by UNION ALL
Query = Select[*tuple[Any, ...]] | CompoundSelect[*tuple[Any, ...]]


# (statement, dialect name) -> its compiled form; with the IN lists' lengths -> the SQL,
# where each bound value comes from, and the result columns' processors (None: none has
# one). A value comes from (parameter, index in its list or None, processor), or is a
# constant of the statement: (None, its processed value, None).
_COMPILED: dict[tuple[Query, str], SQLCompiler] = {}
Getter = tuple[str | None, Any, Processor | None]
Expanded = tuple[str, list[Getter], list[Processor | None] | None]
_EXPANDED: dict[tuple[Query, str, tuple[int, ...]], Expanded] = {}
_MAX_EXPANDED = 256


def select_rows(
    session: Session, statement: Query, params: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """The rows of `statement` (built once, IN lists as expanding bind parameters)
    with `params`, as tuples."""
    if session.autoflush:  # what session.execute does (not inside `no_autoflush`)
        session.flush()
    connection = session.connection()
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        return [tuple(row) for row in session.execute(statement, params)]
    sql, getters, results = _expanded(statement, dialect, params)
    values: list[Any] = []
    for name, index, process in getters:
        if name is None:
            values.append(index)  # a constant, processed already
            continue
        value = params[name] if index is None else params[name][index]
        values.append(value if process is None else process(value))
    rows = connection.exec_driver_sql(sql, tuple(values)).all()
    if results is None:
        return [tuple(row) for row in rows]
    return [
        tuple(v if p is None else p(v) for v, p in zip(row, results, strict=True)) for row in rows
    ]


def _expanded(statement: Query, dialect: Dialect, params: Mapping[str, Any]) -> Expanded:
    compiled = _COMPILED.get((statement, dialect.name))
    if compiled is None:
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        if len(_COMPILED) >= _MAX_EXPANDED:  # statements are meant to be module constants
            _COMPILED.clear()
        _COMPILED[(statement, dialect.name)] = compiled
    lists = tuple(
        len(params.get(name, bind.value)) for name, bind in compiled.binds.items() if bind.expanding
    )
    key = (statement, dialect.name, lists)
    found = _EXPANDED.get(key)
    if found is not None:
        return found
    state = compiled.construct_expanded_state(params)
    source: dict[str, tuple[str, int | None]] = {}
    for name, expanded in state.parameter_expansion.items():
        source.update((item, (name, i)) for i, item in enumerate(expanded))
    processor = {
        name: bind.type.dialect_impl(dialect).bind_processor(dialect)
        for name, bind in compiled.binds.items()
    }
    getters: list[Getter] = []
    for name in state.positiontup or ():
        given, index = source.get(name, (name, None))
        if given in params:
            getters.append((given, index, processor[given]))
            continue
        value = state.parameters[name]  # bound in the statement itself
        process = state.processors.get(name) or processor.get(given)
        getters.append((None, value if process is None else process(value), None))
    processors: list[Processor | None] = [
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in statement.selected_columns
    ]
    plan: Expanded = (state.statement, getters, processors if any(processors) else None)
    if len(_EXPANDED) >= _MAX_EXPANDED:  # one per statement and length of its IN lists
        _EXPANDED.clear()
    _EXPANDED[key] = plan
    return plan
