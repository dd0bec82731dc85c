"""`recordkeeper doctor`: what is wrong with an installation, and what to do about it."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR

runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_subject_key_others_can_read_is_an_error_with_a_fix(tmp_path: Path) -> None:
    """doctor said nothing of the personnummer index's key; the service then refused it
    at the first document ("key file must be readable by the service only")."""
    config = _install(tmp_path)
    keys = tmp_path / "state" / "keys"
    keys.mkdir(parents=True)
    key = keys / "subject-index.key"
    key.write_bytes(b"k" * 32)
    key.chmod(0o640)

    status, report = _doctor(config)

    assert status == 2
    (check,) = _by_check(report)["retention.subject_key_file"]
    assert (check["status"], check["code"]) == ("error", "secret_loose")
    assert check["message"] == f"{key} has mode 0o640: readable by others"
    assert check["fix"] == f"chmod 0600 {key}"
    key.chmod(0o600)
    status, report = _doctor(config)
    (check,) = _by_check(report)["retention.subject_key_file"]
    assert check["status"] == "ok"


def _install(tmp_path: Path, database_url: str | None = None, extra: str = "") -> Path:
    share = tmp_path / "share"
    (share / ".recordkeeper-quarantine").mkdir(parents=True)
    url = database_url or f"sqlite:///{tmp_path / 'state' / 'rk.db'}"
    config = tmp_path / "rk.toml"
    config.write_text(
        f"""
state_dir = "{tmp_path / "state"}"
database_url = "{url}"
rules_dir = "{RULES_DIR}"

[[roots]]
path = "{share}"
name = "fmb"

[audit]
key_file = "{tmp_path / "state" / "keys" / "audit.pem"}"
master_key_file = "{tmp_path / "state" / "keys" / "master.key"}"

[retention]
subject_key_file = "{tmp_path / "state" / "keys" / "subject-index.key"}"
{extra}
"""
    )
    return config


def _doctor(config: Path) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["--config", str(config), "--lang", "en", "doctor", "--json"])
    return result.exit_code, json.loads(result.stdout)


def _by_check(report: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for check in report["checks"]:
        found.setdefault(check["check"], []).append(check)
    return found


def test_a_healthy_installation_passes(tmp_path: Path) -> None:
    config = _install(tmp_path)
    store = Store(f"sqlite:///{tmp_path / 'state' / 'rk.db'}")
    store.migrate()
    store.close()

    status, report = _doctor(config)

    assert status == 0, report
    assert report["ok"] is True
    checks = _by_check(report)
    assert checks["database"][0]["message"] == "sqlite: reachable, schema up to date"
    root = checks["root fmb"][0]["message"]
    assert "readable, filesystem" in root
    assert "watch mode" in root


def test_missing_root_and_loose_key_are_errors_with_a_fix(tmp_path: Path) -> None:
    config = _install(tmp_path)
    keys = tmp_path / "state" / "keys"
    keys.mkdir(parents=True)
    (keys / "audit.pem").write_text("key")
    (keys / "audit.pem").chmod(0o644)
    config.write_text(config.read_text().replace(str(tmp_path / "share"), "/nonexistent/share"))

    status, report = _doctor(config)

    assert status == 2
    checks = _by_check(report)
    assert checks["audit.key_file"][0]["status"] == "error"
    assert checks["audit.key_file"][0]["fix"] == f"chmod 0600 {keys / 'audit.pem'}"
    assert checks["root fmb"][0] == {
        "check": "root fmb",
        "status": "error",
        "code": "root_not_dir",
        "message": "/nonexistent/share is not a directory",
        "fix": "mount the share or correct [[roots]] path",
    }


def test_unreachable_smtp_is_reported(tmp_path: Path) -> None:
    port = _free_port()  # nothing listens here
    config = _install(
        tmp_path,
        extra=f"""
[email]
enabled = true
smtp_host = "127.0.0.1"
smtp_port = {port}
timeout_seconds = 5
dpos = [{{ address = "dso@myndighet.example" }}]
""",
    )
    status, report = _doctor(config)
    assert status == 2
    smtp = _by_check(report)["smtp"][-1]
    assert smtp["status"] == "error"
    assert smtp["message"] == f"127.0.0.1:{port}: smtp: ConnectionRefusedError"


def test_an_unreachable_database_exits_3(tmp_path: Path) -> None:
    port = _free_port()
    config = _install(tmp_path, database_url=f"postgresql://rk@127.0.0.1:{port}/nowhere")
    status, report = _doctor(config)
    assert status == 3
    database = _by_check(report)["database"][0]
    assert database["status"] == "error"
    assert database["message"].startswith("postgresql: cannot connect")


def test_an_invalid_config_stops_at_the_config_check(tmp_path: Path) -> None:
    config = tmp_path / "rk.toml"
    config.write_text("[ingest]\nworkers = 0\n")
    status, report = _doctor(config)
    assert status == 2
    assert [c["check"] for c in report["checks"]] == ["config"]
    assert f"{config} line 2" in report["checks"][0]["message"]


def test_plain_output_prints_what_to_fix(tmp_path: Path) -> None:
    config = _install(tmp_path)
    config.write_text(config.read_text().replace(str(tmp_path / "share"), "/nonexistent/share"))
    result = runner.invoke(app, ["--config", str(config), "doctor"])
    assert result.exit_code == 2
    assert "✗ root fmb: /nonexistent/share är ingen katalog" in result.stdout
    assert "    åtgärd: montera utdelningen eller rätta sökvägen i [[roots]]" in result.stdout
    assert result.stdout.endswith("1 fel och 1 varning\n")  # not "1 varningar"
    english = runner.invoke(app, ["--lang", "en", "--config", str(config), "doctor"])
    assert english.stdout.endswith("1 error and 1 warning\n")
