"""Alembic migrations on SQLite and PostgreSQL: from empty, step by step, and back.

Every revision on every feature branch is applied one at a time, then every
downgrade is run one step at a time (`<rev>@-1`), then everything is applied
again. After the upgrades the schema must equal the ORM tables exactly
(Alembic's autogenerate comparison), so a table edited without a migration,
or a migration that differs from its table, fails here on both backends.
"""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import inspect

from recordkeeper.store.migrate import alembic_config, current_heads, script_heads
from recordkeeper.store.tables import Base
from recordkeeper.store.unit import Store


def _revisions_base_first(store: Store) -> list[Script]:
    script = ScriptDirectory.from_config(alembic_config(store.engine))
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def _schema_differences(store: Store) -> list[Any]:
    with store.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), Base.metadata))


def _tables(store: Store) -> set[str]:
    return set(inspect(store.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_from_empty_builds_exactly_the_orm_tables(
    db_backend: str, database_url: str
) -> None:
    store = Store(database_url)
    try:
        store.migrate()
        assert current_heads(store.engine) == script_heads(store.engine)
        assert _schema_differences(store) == []
    finally:
        store.close()


def test_every_revision_upgrades_and_downgrades_one_step_at_a_time(
    db_backend: str, database_url: str
) -> None:
    store = Store(database_url)
    try:
        config = alembic_config(store.engine)
        revisions = _revisions_base_first(store)
        for revision in revisions:
            command.upgrade(config, revision.revision)
            assert revision.revision in current_heads(store.engine)
        assert current_heads(store.engine) == script_heads(store.engine)

        for revision in reversed(revisions):
            command.downgrade(config, f"{revision.revision}@-1")
            assert revision.revision not in current_heads(store.engine)
        assert current_heads(store.engine) == set()
        assert _tables(store) == set()

        command.upgrade(config, "heads")
        assert _schema_differences(store) == []
    finally:
        store.close()
