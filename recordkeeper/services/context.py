"""Context: what a use case needs, built once by the shell and passed in.

Ports are Protocols so that tests can hand in honest fakes (FakeClock,
RecordingNotifier) without inheritance; only the shell builds adapters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from recordkeeper.config import Settings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.store.unit import Store


class Clock(Protocol):
    """The time source. `now()` MUST return a timezone-aware datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class Context:
    """Everything a service may use. `extras` holds ports added by later features."""

    settings: Settings
    rules: LoadedRules
    store: Store
    clock: Clock = field(default_factory=SystemClock)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.settings.lang
