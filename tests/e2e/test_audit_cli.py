"""`recordkeeper audit ...` against a real SQLite file: each kind of tampering is caught.

Each test builds a signed log through the services, tampers with the database
file through plain sqlite3 (as an administrator with file access could), and
runs `audit verify` through the CLI: exit 4 and a message naming what and where.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recordkeeper.audit.log import canonical_json
from recordkeeper.cli import app
from recordkeeper.config import Settings
from recordkeeper.services.audit import make_tree_head
from recordkeeper.services.context import Context
from recordkeeper.store.unit import Store
from tests.audit_support import audit_context, build_log, leaf, sql
from tests.fakes import FakeClock

runner = CliRunner()


@pytest.fixture
def config(tmp_path: Path, settings: Settings) -> Path:
    path = tmp_path / "rk.toml"
    path.write_text(
        f'lang = "en"\ndatabase_url = "{settings.database_url}"\n'
        f'rules_dir = "{settings.rules_dir}"\n\n[audit]\n'
        f'key_file = "{settings.audit.key_file}"\n'
        f'master_key_file = "{settings.audit.master_key_file}"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def ctx(settings: Settings, store: Store, clock: FakeClock) -> Context:
    context = audit_context(settings, store, clock)
    build_log(context, clock, [5, 10])
    return context


def audit(config: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--config", str(config), "audit", *args])
    return result.exit_code, result.stdout, result.stderr


def rewrite(settings: Settings, index: int, **changes: object) -> None:
    body = json.loads(leaf(settings, index))
    body.update(changes)
    sql(
        settings,
        "UPDATE audit_entries SET leaf = :leaf WHERE idx = :i",
        {"leaf": canonical_json(body), "i": index},
    )


def test_an_untouched_log_verifies(ctx: Context, config: Path) -> None:
    code, out, err = audit(config, "verify")
    assert (code, err) == (0, "")
    assert "audit log verified: 10 entries, 2 signed tree heads, 0 anchors" in out


def test_a_modified_entry_is_reported_with_its_index(
    ctx: Context, config: Path, settings: Settings
) -> None:
    rewrite(settings, 3, event="document_weeded")
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "modified entry: entry 3 disagrees with its indexed columns" in err


def test_a_subtly_modified_entry_is_located_between_two_heads(
    ctx: Context, config: Path, settings: Settings
) -> None:
    rewrite(settings, 7, actor="admin")  # no indexed column to compare with
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "modified entry: entries 5–9 do not match signed tree head #2" in err
    assert "#1" not in err  # the first head (entries 0-4) still holds


def test_a_deleted_entry_is_reported(ctx: Context, config: Path, settings: Settings) -> None:
    sql(settings, "DELETE FROM audit_entries WHERE idx = 4")
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "deleted entry: entry 4–4 is missing from the log" in err


def test_a_deletion_hidden_by_renumbering_is_reported(
    ctx: Context, config: Path, settings: Settings
) -> None:
    sql(settings, "DELETE FROM audit_entries WHERE idx = 4")
    for idx in range(5, 10):
        sql(
            settings,
            "UPDATE audit_entries SET idx = :new WHERE idx = :old",
            {"new": idx - 1, "old": idx},
        )
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "deleted entry: entry 4–4 is missing from the log" in err


def test_reordered_entries_are_reported(ctx: Context, config: Path, settings: Settings) -> None:
    first, second = leaf(settings, 2), leaf(settings, 6)
    sql(settings, "UPDATE audit_entries SET leaf = :leaf WHERE idx = 2", {"leaf": second})
    sql(settings, "UPDATE audit_entries SET leaf = :leaf WHERE idx = 6", {"leaf": first})
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "reordered entries: 2 entries are out of place (indexes 2, 6)" in err


def test_truncation_is_caught_by_a_stored_head(
    ctx: Context, config: Path, settings: Settings
) -> None:
    sql(settings, "DELETE FROM audit_entries WHERE idx >= 8")
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "truncated log: the log holds 8 entries but signed tree head #2" in err


def test_truncation_with_heads_removed_is_caught_by_an_anchor(
    ctx: Context, config: Path, settings: Settings, tmp_path: Path
) -> None:
    code, out, _ = audit(config, "head", "--no-new")
    anchor = tmp_path / "anchor.json"
    anchor.write_text(out, encoding="utf-8")
    sql(settings, "DELETE FROM audit_entries WHERE idx >= 7")
    sql(settings, "DELETE FROM tree_heads WHERE tree_size > 5")
    assert audit(config, "verify")[0] == 0  # without the anchor the cut cannot be seen
    code, _, err = audit(config, "verify", "--anchor", str(anchor))
    assert code == 4
    assert "truncated log: the log holds 7 entries but anchor anchor.json" in err


def test_a_rewritten_and_resigned_history_is_a_fork(
    ctx: Context, config: Path, settings: Settings, tmp_path: Path
) -> None:
    anchor = tmp_path / "anchor.json"
    anchor.write_text(audit(config, "head", "--no-new")[1], encoding="utf-8")
    # an insider with the signing key rewrites entry 2 and signs the new history
    rewrite(settings, 2, actor="someone-else")
    sql(settings, "DELETE FROM tree_heads")
    make_tree_head(ctx)
    code, _, err = audit(config, "verify", "--anchor", str(anchor))
    assert code == 4
    assert "forked history: anchor anchor.json" in err
    assert "signed tree head #3" in err


def test_a_forged_signature_is_reported(ctx: Context, config: Path, settings: Settings) -> None:
    sql(settings, "UPDATE tree_heads SET root_hash = :r WHERE id = 1", {"r": "00" * 32})
    code, _, err = audit(config, "verify")
    assert code == 4
    assert "bad signature: signed tree head #1" in err


def test_no_new_head_is_signed_over_a_tampered_log(
    ctx: Context, config: Path, settings: Settings
) -> None:
    rewrite(settings, 1, actor="admin")
    code, _, err = audit(config, "head")
    assert code == 4
    assert "refusing to sign" in err


def test_head_prints_an_anchor_and_skips_signing_when_nothing_changed(
    ctx: Context, config: Path
) -> None:
    code, out, _ = audit(config, "head")
    anchor = json.loads(out)
    assert code == 0
    assert anchor["format"] == "recordkeeper-sth-v1"
    assert anchor["tree_size"] == 10
    assert anchor["key_fingerprint"].startswith("sha256:")
    assert json.loads(audit(config, "head")[1]) == anchor


def test_show_lists_a_documents_history(ctx: Context, config: Path) -> None:
    code, out, _ = audit(config, "show", "--document", "d1", "--json")
    entries = json.loads(out)
    assert code == 0
    assert [e["index"] for e in entries] == [1, 5, 9]


def test_prove_gives_an_inclusion_proof_that_verifies(ctx: Context, config: Path) -> None:
    code, out, _ = audit(config, "prove", "6")
    proof = json.loads(out)
    assert code == 0
    assert proof["verified"] is True
    assert proof["tree_size"] == 10
    assert len(proof["proof"]) == 4  # ceil(log2(10))
    assert json.loads(base64.b64decode(proof["leaf"]))["index"] == 6


def test_prove_refuses_an_entry_no_head_covers_yet(
    ctx: Context, config: Path, clock: FakeClock
) -> None:
    from tests.audit_support import append_events

    append_events(ctx, clock, 1, 10)
    code, _, err = audit(config, "prove", "10")
    assert code == 2
    assert "not covered by the latest tree head" in err


def test_key_prints_the_public_key(ctx: Context, config: Path) -> None:
    code, out, _ = audit(config, "key")
    assert code == 0
    assert out.startswith("-----BEGIN PUBLIC KEY-----")
