"""The daemon as a subprocess, seen by its operators: systemd notifications,
the SQLite single-instance guard, and leader failover on a real PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR

DEADLINE_S = 60.0


def _config(tmp_path: Path, database_url: str, share: Path) -> Path:
    config = tmp_path / "rk.toml"
    config.write_text(
        f"""
state_dir = "{tmp_path / "state"}"
database_url = "{database_url}"
rules_dir = "{RULES_DIR}"
log_level = "info"

[[roots]]
path = "{share}"
mode = "poll"

[audit]
key_file = "{tmp_path / "state" / "keys" / "audit.pem"}"
master_key_file = "{tmp_path / "state" / "keys" / "master.key"}"
"""
    )
    return config


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECORDKEEPER_")}
    env.pop("NOTIFY_SOCKET", None)
    env.pop("WATCHDOG_USEC", None)
    return env | extra


def _start(config: Path, log_file: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log_file.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "recordkeeper", "--config", str(config), "run"],
            stdout=log,
            stderr=log,
            env=env,
            cwd=config.parent,  # relative defaults (var/keys) stay in the test dir
        )


def _wait_for(predicate: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)  # polling a real process, not letting time pass


def _events(log_file: Path) -> list[dict[str, object]]:
    found = []
    for line in log_file.read_text(errors="replace").splitlines():
        try:
            found.append(json.loads(line))
        except ValueError:
            continue
    return found


def _stop(proc: subprocess.Popen[bytes]) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=DEADLINE_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[socket.socket]:
    path = Path(f"/tmp/rk-e2e-notify-{os.getpid()}-{tmp_path.name[-16:]}.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(DEADLINE_S)
    yield sock
    sock.close()
    path.unlink(missing_ok=True)


def _recv_until(sock: socket.socket, wanted: bytes) -> list[bytes]:
    seen: list[bytes] = []
    while True:
        message = sock.recv(4096)
        seen.append(message)
        if message.split(b"\n")[0] == wanted:
            return seen


def test_daemon_sends_ready_watchdog_reload_and_stopping_to_systemd(
    tmp_path: Path, share: Path, notify_socket: socket.socket
) -> None:
    config = _config(tmp_path, f"sqlite:///{tmp_path / 'state' / 'rk.db'}", share)
    env = _env(NOTIFY_SOCKET=notify_socket.getsockname(), WATCHDOG_USEC="1500000")
    proc = _start(config, tmp_path / "daemon.log", env)
    try:
        ready = _recv_until(notify_socket, b"READY=1")
        assert ready[-1] == b"READY=1\nSTATUS=watching 1 roots"
        assert _recv_until(notify_socket, b"WATCHDOG=1")[-1] == b"WATCHDOG=1"
        assert _recv_until(notify_socket, b"WATCHDOG=1")[-1] == b"WATCHDOG=1"  # keeps coming

        proc.send_signal(signal.SIGHUP)
        assert _recv_until(notify_socket, b"RELOADING=1")
        assert _recv_until(notify_socket, b"READY=1")[-1] == b"READY=1\nSTATUS=reloaded"

        proc.send_signal(signal.SIGTERM)
        assert _recv_until(notify_socket, b"STOPPING=1")
        assert proc.wait(timeout=DEADLINE_S) == 0
    finally:
        _stop(proc)


def test_a_second_instance_on_the_same_sqlite_database_refuses_to_start(
    tmp_path: Path, share: Path
) -> None:
    config = _config(tmp_path, f"sqlite:///{tmp_path / 'state' / 'rk.db'}", share)
    first_log = tmp_path / "first.log"
    first = _start(config, first_log, _env())
    try:
        _wait_for(lambda: any(e.get("event") == "daemon_started" for e in _events(first_log)),
                  "the first instance")  # fmt: skip
        second = subprocess.run(
            [sys.executable, "-m", "recordkeeper", "--config", str(config), "run"],
            capture_output=True, text=True, env=_env(), timeout=DEADLINE_S, check=False,
        )  # fmt: skip
        assert second.returncode == 3
        assert f"another recordkeeper instance (pid {first.pid})" in second.stderr
        assert "SQLite supports one instance only" in second.stderr
    finally:
        assert _stop(first) == 0


def _count(log_file: Path, event: str) -> int:
    return sum(1 for e in _events(log_file) if e.get("event") == event)


def _leaders(log_file: Path) -> int:
    return _count(log_file, "leadership_acquired")


@pytest.mark.postgres
@pytest.mark.parametrize("db_backend", ["postgresql"], indirect=True)
def test_standby_takes_over_within_30_s_when_the_leader_is_killed(
    db_backend: str, database_url: str, tmp_path: Path, share: Path
) -> None:
    config = _config(tmp_path, database_url, share)
    log_a, log_b = tmp_path / "a.log", tmp_path / "b.log"
    a = _start(config, log_a, _env())
    b: subprocess.Popen[bytes] | None = None
    try:
        _wait_for(lambda: _leaders(log_a) == 1, "instance A to lead")
        b = _start(config, log_b, _env())
        _wait_for(lambda: _count(log_b, "standing_by") == 1, "instance B to stand by")
        assert _leaders(log_b) == 0
        assert _count(log_b, "scheduler_started") == 0  # only the leader runs jobs

        a.send_signal(signal.SIGKILL)
        a.wait(timeout=DEADLINE_S)
        killed_at = time.monotonic()
        _wait_for(lambda: _leaders(log_b) == 1, "instance B to take over")
        assert time.monotonic() - killed_at < 30
        _wait_for(lambda: _count(log_b, "scheduler_started") == 1, "B's scheduler")
    finally:
        _stop(a)
        if b is not None:
            assert _stop(b) == 0
