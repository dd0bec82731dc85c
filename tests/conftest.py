"""Shared fixtures: settings in tmp_path, the real rules, a fake clock, a real store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from recordkeeper.config import Settings, load_settings
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "rules"
IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()


@pytest.fixture(autouse=True)
def _no_ambient_config(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("RECORDKEEPER_"):
            monkeypatch.delenv(key)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture
def settings(tmp_path: Path, share: Path) -> Settings:
    return load_settings(
        None,
        {
            "state_dir": str(tmp_path / "state"),
            "database_url": f"sqlite:///{tmp_path / 'state' / 'rk.db'}",
            "rules_dir": str(RULES_DIR),
            "roots": [{"path": str(share), "mode": "auto"}],
            "audit": {
                "key_file": str(tmp_path / "state" / "keys" / "audit.pem"),
                "master_key_file": str(tmp_path / "state" / "keys" / "master.key"),
            },
        },
    )


@pytest.fixture(scope="session")
def rules() -> LoadedRules:
    return load_ruleset(RULES_DIR)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    s = Store(settings.database_url)
    s.migrate()
    yield s
    s.close()


def require_service(available: bool, reason: str) -> None:
    """Skip on a laptop without the service; fail in CI, where it must exist."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)
