"""SHELL: build the service `Context` from settings (the only place adapters are made).

Used by the CLI and the daemon alike: open the store, bring its schema up to
date, load and validate the rules.
"""

from __future__ import annotations

from recordkeeper.config import Settings
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.context import Clock, Context, SystemClock
from recordkeeper.store.unit import Store


def build_context(
    settings: Settings, clock: Clock | None = None, *, migrate: bool = True
) -> Context:
    """Open the store (migrated to the newest schema) and load the rules.

    Raises:
        StoreError: the database cannot be opened or migrated (exit 3).
        RuleFileError: a rule file is invalid (exit 2).
    """
    rules = load_ruleset(settings.rules_dir)
    store = Store(settings.database_url)
    if migrate:
        store.migrate()
    return Context(settings=settings, rules=rules, store=store, clock=clock or SystemClock())
