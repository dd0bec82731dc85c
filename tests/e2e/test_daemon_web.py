"""The daemon serves the web interface on its configured port, and stops it on SIGTERM."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from pathlib import Path

from tests.e2e.test_daemon import start, stop_daemon, wait_for, write_config


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


def test_the_daemon_serves_the_sign_in_page_and_stops_cleanly(tmp_path: Path, share: Path) -> None:
    port = _free_port()
    config = write_config(tmp_path, share)
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f'[web]\nport = {port}\n[retention]\nsubject_key_file = "{tmp_path}/s.key"\n')
    log = tmp_path / "daemon.log"
    proc = start(config, log)
    try:
        wait_for(proc, lambda: _status(f"http://127.0.0.1:{port}/login") == 200)
        assert _status(f"http://127.0.0.1:{port}/registrar") == 200  # redirected to sign-in
        assert stop_daemon(proc, log) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert _status(f"http://127.0.0.1:{port}/login") is None
