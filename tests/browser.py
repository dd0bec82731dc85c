"""Real-browser tests: the distribution's Chromium driven by Playwright, axe-core for accessibility.

Chromium comes from the distribution (`apt-get install chromium`, done by .ci/run);
Playwright never downloads a browser here. Missing Chromium skips locally and
fails in CI (conftest.require_service).
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from recordkeeper.services.context import Context
from recordkeeper.web.server import WebServer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).resolve().parent / "fixtures" / "js" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(ctx: Context) -> Iterator[str]:
    """Run the real app as the daemon does, on a free local port; yields its base URL."""
    server = WebServer(ctx, "127.0.0.1", _free_port()).start()
    try:
        yield server.url
    finally:
        server.stop()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations (WCAG 2.1 A/AA rules) on the current page."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
