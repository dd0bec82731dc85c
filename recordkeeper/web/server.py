"""SHELL: run the web app with uvicorn in a background thread (the daemon, tests, benches).

uvicorn's own signal handlers are not installed: the daemon owns SIGTERM/SIGHUP
and stops the server through `WebServer.stop()`.
"""

from __future__ import annotations

import threading
import time

import structlog
import uvicorn

from recordkeeper.services.context import Context
from recordkeeper.web.app import create_app

log = structlog.get_logger(__name__)


class _QuietServer(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the daemon handles signals
        return None


class WebServer:
    """The web interface on `host:port`, in a daemon thread; `stop()` waits for it."""

    def __init__(self, ctx: Context, host: str, port: int) -> None:
        config = uvicorn.Config(
            create_app(ctx),
            host=host,
            port=port,
            log_level="warning",
            lifespan="off",
            proxy_headers=False,
        )
        self._server = _QuietServer(config)
        self._thread = threading.Thread(target=self._server.run, name="web", daemon=True)
        self.url = f"http://{'localhost' if host in ('127.0.0.1', '::1') else host}:{port}"

    def start(self, timeout_s: float = 10.0) -> WebServer:
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the web server did not start (port in use?)")
            time.sleep(0.02)
        log.info("web_started", url=self.url)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
