"""systemd notifications (sd_notify): readiness, watchdog keep-alives, reload and stop.

`Type=notify` units wait for READY=1; `WatchdogSec=` units must receive
WATCHDOG=1 more often than every WATCHDOG_USEC. Outside systemd (no
NOTIFY_SOCKET) every call is a no-op, so the daemon calls these
unconditionally. Messages are ASCII protocol lines; STATUS= texts carry codes
and counts, never names or paths.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Mapping
from typing import Protocol

__all__ = ["Notifier", "SystemdNotifier"]


class Notifier(Protocol):
    """What the daemon tells its supervisor. Implementations MUST NOT raise."""

    def ready(self, status: str = "") -> None: ...
    def watchdog(self) -> None: ...
    def reloading(self) -> None: ...
    def stopping(self) -> None: ...
    def status(self, text: str) -> None: ...


class SystemdNotifier:
    """sd_notify over the NOTIFY_SOCKET unix datagram socket.

    Written here rather than with the `sdnotify` package: that one reads the
    environment itself, encodes latin-1, and leaves an open socket behind when
    there is no NOTIFY_SOCKET. This one sends one datagram per call to the
    address given (a path, or "@name" for the abstract namespace) and ignores
    send errors: a supervisor that went away must not stop the service.

    `watchdog()` may be called on every turn of the main loop: it sends at most
    once per third of WATCHDOG_USEC (systemd's advice is "about half"; a third
    leaves room for a slow turn), and never when the watchdog is off or meant
    for another process (WATCHDOG_PID).
    """

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        env = os.environ if environ is None else environ
        self._monotonic = monotonic
        address = env.get("NOTIFY_SOCKET", "")
        self._address = "\0" + address[1:] if address.startswith("@") else address
        self.watchdog_interval_s = _watchdog_interval_s(env)
        self._last_keepalive = float("-inf")

    @property
    def is_enabled(self) -> bool:
        return bool(self._address)

    def _send(self, *lines: str) -> None:
        if not self._address:
            return
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.sendto("\n".join(lines).encode(), self._address)
        except OSError:
            pass  # see the class docstring

    def ready(self, status: str = "") -> None:
        """Startup (or a reload) is complete."""
        self._send("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> None:
        """Keep-alive from the main loop; rate-limited, see the class docstring."""
        if self.watchdog_interval_s is None:
            return
        now = self._monotonic()
        if now - self._last_keepalive >= self.watchdog_interval_s / 3:
            self._last_keepalive = now
            self._send("WATCHDOG=1")

    def reloading(self) -> None:
        """A SIGHUP reload started; send `ready()` when it is done."""
        self._send("RELOADING=1")

    def stopping(self) -> None:
        """A clean stop started (SIGTERM)."""
        self._send("STOPPING=1")

    def status(self, text: str) -> None:
        """A one-line status shown by `systemctl status`."""
        self._send(f"STATUS={text}")


def _watchdog_interval_s(env: Mapping[str, str]) -> float | None:
    """WATCHDOG_USEC in seconds, or None when the watchdog is off or for another PID."""
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
        pid = int(env.get("WATCHDOG_PID", "0"))
    except ValueError:
        return None
    if usec <= 0 or (pid and pid != os.getpid()):
        return None
    return usec / 1_000_000
