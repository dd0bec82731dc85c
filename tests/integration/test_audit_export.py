"""`audit export` verified by the standalone script, which imports nothing of ours."""

from __future__ import annotations

import ast
import base64
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from recordkeeper.cli import app
from recordkeeper.config import Settings
from recordkeeper.services.audit import export_log, make_tree_head, signer_of
from recordkeeper.store.unit import Store
from tests.audit_support import append_events, audit_context, build_log
from tests.fakes import FakeClock

TOOL = Path(__file__).resolve().parents[2] / "tools" / "verify_audit_export.py"


def _export(
    settings: Settings, store: Store, clock: FakeClock, tmp_path: Path
) -> tuple[Path, Path]:
    ctx = audit_context(settings, store, clock)
    build_log(ctx, clock, [3, 8, 13])
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(x) + "\n" for x in export_log(ctx)), encoding="utf-8")
    key = tmp_path / "audit.pub.pem"
    key.write_text(signer_of(ctx).public_pem(), encoding="utf-8")
    return export, key


def _run(*args: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, check=False
    )


def test_the_verifier_imports_only_the_stdlib_and_cryptography() -> None:
    tree = ast.parse(TOOL.read_text(encoding="utf-8"))
    roots = {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    } | {
        a.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for a in node.names
    }
    assert "recordkeeper" not in roots
    assert roots - set(sys.stdlib_module_names) == {"cryptography"}


def test_an_export_verifies(
    settings: Settings, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    export, key = _export(settings, store, clock, tmp_path)
    lines = export.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]).keys() == {"index", "leaf"}
    assert set(json.loads(lines[-1])) >= {"tree_size", "root_hash", "timestamp", "signature"}
    result = _run(export, key)
    assert result.returncode == 0, result.stdout
    assert "OK: 13 entries, 3 signed heads" in result.stdout


def test_a_changed_byte_in_an_exported_entry_fails(
    settings: Settings, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    export, key = _export(settings, store, clock, tmp_path)
    lines = export.read_text(encoding="utf-8").splitlines()
    item = json.loads(lines[5])
    raw = base64.b64decode(item["leaf"]).replace(b'"system"', b'"systen"')
    lines[5] = json.dumps({"index": 5, "leaf": base64.b64encode(raw).decode()})
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run(export, key)
    assert result.returncode == 1
    assert "head 2: root of the first 8 entries does not match" in result.stdout
    assert "head 1:" not in result.stdout


def test_a_dropped_entry_and_a_foreign_key_fail(
    settings: Settings, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    export, key = _export(settings, store, clock, tmp_path)
    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join(lines[:4] + lines[5:]) + "\n", encoding="utf-8")
    result = _run(export, key)
    assert result.returncode == 1
    assert "entry index 5, expected 4" in result.stdout
    other = tmp_path / "other"
    settings2 = settings.model_copy(
        update={"audit": settings.audit.model_copy(update={"key_file": other / "k.pem"})}
    )
    from recordkeeper.audit.keys import load_or_create_key

    key.write_text(load_or_create_key(settings2.audit.key_file).public_pem(), encoding="utf-8")
    assert "bad signature" in _run(export, key).stdout


def test_the_cli_export_and_an_anchor_verify(
    settings: Settings, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = audit_context(settings, store, clock)
    append_events(ctx, clock, 6)
    head = make_tree_head(ctx)
    assert head is not None
    anchor = tmp_path / "anchor.json"
    anchor.write_text(json.dumps(head.anchor()), encoding="utf-8")
    env = {
        "RECORDKEEPER_DATABASE_URL": settings.database_url,
        "RECORDKEEPER_AUDIT__KEY_FILE": str(settings.audit.key_file),
        "RECORDKEEPER_AUDIT__MASTER_KEY_FILE": str(settings.audit.master_key_file),
    }
    runner = CliRunner()
    export = tmp_path / "export.jsonl"
    assert runner.invoke(app, ["audit", "export", "-o", str(export)], env=env).exit_code == 0
    key = tmp_path / "key.pem"
    key.write_text(runner.invoke(app, ["audit", "key"], env=env).stdout, encoding="utf-8")
    result = _run(export, key, "--anchor", anchor)
    assert result.returncode == 0, result.stdout
    assert "6 entries, 1 signed heads, 1 anchors" in result.stdout
