"""The daemon as a subprocess: start, ingest, SIGHUP reload, SIGTERM exit 0, SIGKILL recovery."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from recordkeeper.store.tables import AuditEntryRow, DocumentRow, ExtractionRow, VersionRow
from recordkeeper.store.tables_classify import ClassificationRow
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR

DEADLINE_S = 60.0
STOP_DEADLINE_S = 30


def write_config(tmp_path: Path, share: Path, rules_dir: Path = RULES_DIR) -> Path:
    config = tmp_path / "rk.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path}/rk.db"\n'
        f'rules_dir = "{rules_dir}"\n'
        f'[[roots]]\npath = "{share}"\nmode = "inotify"\n'
        "[ingest]\nstable_seconds = 0.0\nrescan_minutes = 600\n",
        encoding="utf-8",
    )
    return config


def start(config: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECORDKEEPER_")}
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "recordkeeper", "--config", str(config), "run"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            cwd=config.parent,  # relative defaults (var/keys) stay in the test dir
        )


def stop_daemon(proc: subprocess.Popen[bytes], log: Path) -> int:
    """SIGTERM, then its exit code; a daemon still running after 30 s dumps its threads'
    stacks (SIGUSR1) into the failure message and is killed."""
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=STOP_DEADLINE_S)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGUSR1)
        time.sleep(1)
        proc.kill()
        proc.wait()
        pytest.fail(f"no exit {STOP_DEADLINE_S} s after SIGTERM:\n{log.read_text()[-6000:]}")


def wait_for(proc: subprocess.Popen[bytes], done: Callable[[], bool]) -> None:
    """Poll `done` until true; fail if the daemon died or the deadline passed."""
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if done():
            return
        try:
            proc.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        pytest.fail(f"daemon exited early with {proc.returncode}")
    pytest.fail("deadline passed")


def present_count(db: Path) -> int:
    if not db.exists():
        return 0
    store = Store(f"sqlite:///{db}")
    try:
        with store.read() as s:
            return int(
                s.execute(
                    select(func.count())
                    .select_from(DocumentRow)
                    .where(DocumentRow.state == "present")
                ).scalar_one()
            )
    except Exception:
        return 0  # not migrated yet
    finally:
        store.close()


def classified_count(db: Path) -> int:
    """Present documents with a classification of their current content."""
    store = Store(f"sqlite:///{db}")
    try:
        with store.read() as s:
            query = (
                select(func.count())
                .select_from(DocumentRow)
                .join(ClassificationRow, ClassificationRow.document_id == DocumentRow.id)
                .where(DocumentRow.state == "present")
                .where(ClassificationRow.sha256 == DocumentRow.current_sha256)
            )
            return int(s.execute(query).scalar_one())
    finally:
        store.close()


def log_events(log: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]


def test_daemon_ingests_and_exits_0_on_sigterm(tmp_path: Path, share: Path) -> None:
    (share / "Projekt Anna").mkdir()
    (share / "Projekt Anna" / "Jävsdeklaration Anna Andersson.txt").write_text("jäv")
    log = tmp_path / "daemon.log"
    proc = start(write_config(tmp_path, share), log)
    try:
        wait_for(proc, lambda: present_count(tmp_path / "rk.db") == 1)
        (share / "Projekt Anna" / "second.txt").write_text("two")
        wait_for(proc, lambda: present_count(tmp_path / "rk.db") == 2)
        assert stop_daemon(proc, log) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = log.read_text()
    events = [e["event"] for e in log_events(log)]
    assert events[0] == "daemon_started"
    assert events[-1] == "daemon_stopped"
    assert "Anna" not in text and "Jävsdeklaration" not in text  # no names or paths in logs


def test_sighup_keeps_the_old_rules_when_the_new_ones_are_invalid(
    tmp_path: Path, share: Path
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    log = tmp_path / "daemon.log"
    proc = start(write_config(tmp_path, share, rules), log)
    try:
        wait_for(proc, lambda: any(e["event"] == "watching" for e in log_events(log)))
        (rules / "classes.yaml").write_text("kind: classes\nclasses: 7\n")
        proc.send_signal(signal.SIGHUP)
        wait_for(proc, lambda: any(e["event"] == "rules_reload_rejected" for e in log_events(log)))
        rejected = next(e for e in log_events(log) if e["event"] == "rules_reload_rejected")
        assert rejected["first_file"] == "classes.yaml"
        assert rejected["first_line"] == 2
        shutil.copy(RULES_DIR / "classes.yaml", rules / "classes.yaml")
        proc.send_signal(signal.SIGHUP)
        wait_for(proc, lambda: any(e["event"] == "rules_reloaded" for e in log_events(log)))
        assert proc.poll() is None  # still running
        assert stop_daemon(proc, log) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_bad_config_exits_2_without_starting(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[ingest]\nworkers = 0\n")
    result = subprocess.run(
        [sys.executable, "-m", "recordkeeper", "--config", str(config), "run"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "rad 2: nyckeln 'ingest.workers': ska vara minst 1" in result.stderr.decode()


@pytest.mark.slow
@pytest.mark.timeout(1200)  # ten daemon starts on a loaded 2-core machine take minutes
def test_sigkill_at_random_moments_loses_nothing_and_records_nothing_twice(
    tmp_path: Path, share: Path
) -> None:
    rng = random.Random(20250602)
    expected = set()
    for i in range(2000):
        folder = share / f"Projekt {i % 20:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"dokument {i:04d}.txt").write_text(f"innehåll {i}\n" * (1 + i % 7))
        expected.add(f"Projekt {i % 20:02d}/dokument {i:04d}.txt")
    config = write_config(tmp_path, share)
    db = tmp_path / "rk.db"
    log = tmp_path / "daemon.log"
    kills = 0
    while kills < 10:
        before = present_count(db)
        if before >= 2000:
            break
        target = rng.randint(before + 1, min(2000, before + 400))
        proc = start(config, log)
        try:
            wait_for(proc, lambda t=target: present_count(db) >= t)  # type: ignore[misc]
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        kills += 1
    assert kills >= 5  # the kills landed while work was in progress
    offset = log.stat().st_size
    proc = start(config, log)

    def settled() -> bool:
        with log.open("rb") as handle:
            handle.seek(offset)
            fresh = handle.read().decode("utf-8", "replace")
        # and no document left without its classification (in its chunk's transaction,
        # or by the stage after it, or at the restart: RulesWatch classifies what is missing)
        return (
            '"rescan_planned"' in fresh
            and present_count(db) == 2000
            and classified_count(db) == 2000
        )

    try:
        wait_for(proc, settled)
        assert stop_daemon(proc, log) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    store = Store(f"sqlite:///{db}")
    try:
        with store.read() as s:
            paths = s.execute(select(DocumentRow.path)).scalars().all()
            versions = s.execute(select(func.count()).select_from(VersionRow)).scalar_one()
            extractions = s.execute(select(func.count()).select_from(ExtractionRow)).scalar_one()
            added = s.execute(
                select(func.count())
                .select_from(AuditEntryRow)
                .where(AuditEntryRow.event == "document_added")
            ).scalar_one()
            indexes = (
                s.execute(select(AuditEntryRow.idx).order_by(AuditEntryRow.idx)).scalars().all()
            )
    finally:
        store.close()
    assert sorted(paths) == sorted(expected)  # nothing lost, no path twice
    assert versions == 2000
    assert extractions == 2000
    assert added == 2000
    assert indexes == list(range(len(indexes)))  # the audit log has no holes


def test_sigusr1_writes_the_threads_stacks_and_the_daemon_goes_on(
    tmp_path: Path, share: Path
) -> None:
    log = tmp_path / "daemon.log"
    proc = start(write_config(tmp_path, share), log)
    try:
        wait_for(proc, lambda: any(e["event"] == "watching" for e in log_events(log)))
        for _ in range(5):  # repeated while the daemon's threads run: never a crash
            proc.send_signal(signal.SIGUSR1)
            time.sleep(0.2)
        wait_for(proc, lambda: log.read_text().count("Current thread") == 5)
        assert 'File "' in log.read_text()
        assert proc.poll() is None  # still running
        assert stop_daemon(proc, log) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
