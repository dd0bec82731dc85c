"""sd_notify messages arrive on a real unix datagram socket, as systemd would read them."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from recordkeeper.ops.sdnotify import SystemdNotifier


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[socket.socket]:
    # AF_UNIX paths are limited to 108 bytes; pytest's tmp_path can be longer
    path = Path(f"/tmp/rk-notify-{os.getpid()}-{tmp_path.name[-20:]}.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(5)
    yield sock
    sock.close()
    path.unlink(missing_ok=True)


def _env(sock: socket.socket, **extra: str) -> dict[str, str]:
    return {"NOTIFY_SOCKET": sock.getsockname(), **extra}


def test_ready_is_sent_with_a_status(notify_socket: socket.socket) -> None:
    SystemdNotifier(_env(notify_socket)).ready(status="watching 1 root")
    assert notify_socket.recv(4096) == b"READY=1\nSTATUS=watching 1 root"


def test_reloading_and_stopping_are_sent(notify_socket: socket.socket) -> None:
    notifier = SystemdNotifier(_env(notify_socket))
    notifier.reloading()
    notifier.stopping()
    assert [notify_socket.recv(4096), notify_socket.recv(4096)] == [
        b"RELOADING=1",
        b"STOPPING=1",
    ]


def test_watchdog_keepalives_are_rate_limited_to_a_third_of_the_interval(
    notify_socket: socket.socket,
) -> None:
    now = [100.0]
    notifier = SystemdNotifier(
        _env(notify_socket, WATCHDOG_USEC="30000000"), monotonic=lambda: now[0]
    )
    for at in (100.0, 105.0, 110.0, 119.0, 120.0):  # 30 s watchdog: every 10 s at most
        now[0] = at
        notifier.watchdog()
    notifier.status("marker")
    received = []
    while (message := notify_socket.recv(4096)) != b"STATUS=marker":
        received.append(message)
    assert received == [b"WATCHDOG=1", b"WATCHDOG=1", b"WATCHDOG=1"]


def test_watchdog_for_another_process_is_not_ours(notify_socket: socket.socket) -> None:
    env = _env(notify_socket, WATCHDOG_USEC="30000000", WATCHDOG_PID=str(os.getpid() + 1))
    assert SystemdNotifier(env).watchdog_interval_s is None


def test_without_notify_socket_every_call_is_a_no_op() -> None:
    notifier = SystemdNotifier({})
    notifier.ready()
    notifier.watchdog()
    notifier.stopping()
    assert not notifier.is_enabled
