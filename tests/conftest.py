"""Shared fixtures: settings in tmp_path, the real rules, a fake clock, a real store.

`store` is parametrised over SQLite and PostgreSQL: every test that takes it
runs on both, each on a fresh, empty database. `settings.database_url` points
at that same database, so a test may build its own Store or run the CLI or the
daemon against it. PostgreSQL comes from RECORDKEEPER_TEST_PG_URL (set by
`.ci/run`) or, when that is unset, from a throwaway server started here if the
distribution's binaries are installed (tests/pgserver.py); without either it
is skipped on a laptop and fails in CI.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import structlog
from sqlalchemy.engine import make_url

from recordkeeper.config import Settings, load_settings
from recordkeeper.ruleset.load import LoadedRules, load_ruleset
from recordkeeper.services import pipeline
from recordkeeper.services.context import Context
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

# the whole suite's log output and audit entries are scanned for personal data
pytest_plugins = ["tests.pii_scan"]

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "rules"
IN_CI = os.environ.get("CI") == "true"
PG_URL_ENV = "RECORDKEEPER_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _reset_structlog() -> Iterator[None]:
    yield
    structlog.reset_defaults()


@pytest.fixture(autouse=True)
def _no_ambient_config(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("RECORDKEEPER_") and not key.startswith("RECORDKEEPER_TEST_"):
            monkeypatch.delenv(key)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    return root


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str | None]:
    """URL of a PostgreSQL server we may create databases on, or None."""
    url = os.environ.get(PG_URL_ENV)
    if url:
        yield url
        return
    from tests import pgserver

    if pgserver.find_bin_dir() is None:
        yield None
        return
    # not under pytest's tmp dir: that is private to root, the server may run as postgres
    base = Path(tempfile.mkdtemp(prefix="rk-test-pg-"))
    try:
        yield pgserver.start(base)
    finally:
        pgserver.stop(base)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db_backend(request: pytest.FixtureRequest) -> str:
    """Runs a test once per database backend; `database_url` follows it.

    Take `store` for a migrated store; take `db_backend` + `database_url` for
    an empty database (migration tests).
    """
    return str(request.param)


def _backend(request: pytest.FixtureRequest) -> str:
    """The backend chosen for this test by `db_backend` (sqlite when not parametrised)."""
    callspec = getattr(request.node, "callspec", None)
    return str(callspec.params.get("db_backend", "sqlite")) if callspec else "sqlite"


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database for this test: SQLite in tmp_path or a new PostgreSQL one."""
    if _backend(request) == "sqlite":
        yield f"sqlite:///{tmp_path / 'state' / 'rk.db'}"
        return
    admin = request.getfixturevalue("pg_admin_url")
    require_service(admin is not None, f"PostgreSQL: set {PG_URL_ENV} or install postgresql")
    assert admin is not None
    name = f"rk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def settings(tmp_path: Path, share: Path, database_url: str) -> Settings:
    return load_settings(
        None,
        {
            "state_dir": str(tmp_path / "state"),
            "database_url": database_url,
            "rules_dir": str(RULES_DIR),
            "roots": [{"path": str(share), "mode": "auto"}],
            "audit": {
                "key_file": str(tmp_path / "state" / "keys" / "audit.pem"),
                "master_key_file": str(tmp_path / "state" / "keys" / "master.key"),
            },
            "retention": {"subject_key_file": str(tmp_path / "state" / "keys" / "subject.key")},
            # cheap password hashes: the suite hashes hundreds of them
            "web": {"password_time_cost": 1, "password_memory_kib": 1024},
        },
    )


@pytest.fixture(scope="session")
def rules() -> LoadedRules:
    return load_ruleset(RULES_DIR)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(db_backend: str, settings: Settings, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A migrated store on a fresh database; runs the test once per backend."""
    s = Store(settings.database_url)
    s.migrate()
    yield s
    from tests.pii_scan import scan_audit_leaves  # loaded as a plugin (pytest_plugins)

    scan_audit_leaves(request.node.nodeid, s)
    s.close()


def require_service(available: bool, reason: str) -> None:
    """Skip on a laptop without the service; fail in CI, where it must exist."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, clock: FakeClock) -> Context:
    """The services' context on the test store (modules needing more define their own)."""
    return Context(settings=settings, rules=rules, store=store, clock=clock)


@pytest.fixture
def ingest_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest's own changes only: the downstream stages are tested on their own."""
    monkeypatch.setattr(pipeline, "STAGES", [])
