"""Dump what a whole ingest stores, to compare two trees' storing byte for byte.

    PYTHONHASHSEED=0 .venv/bin/python bench/ingest_dump.py /tmp/me/this.dump
    PYTHONHASHSEED=0 PYTHONPATH=/tmp/me/base .venv/bin/python bench/ingest_dump.py \\
        /tmp/me/base.dump --rules /tmp/me/base/rules
    diff /tmp/me/base.dump /tmp/me/this.dump

Scans the share (default /tmp/ing1000) with 2 workers and every stage, a fixed clock,
document ids from a counter and `ingest._AHEAD = 0` (else which file a worker skips as
known content depends on timing), then writes every table sorted, audit leaves as text.
Left out, as they come from key material or secrets outside these seams: vault
references, lookups and times, nonces, ciphertexts, wrapped keys, HMACs, and the last
scan's state (its duration). The privacy stage's subject tokens are kept: the subject key
is fixed (32 bytes `k`) in the state directory. The names behind the registration
stage's vault references (a prompt's counterpart, a sent mail's recipients) are written
unsealed after the tables, so the stages' output is compared whole.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
_SECRET = ("nonce", "ciphertext", "wrapped", "hmac", "token")


class _Clock:
    def now(self) -> datetime:
        return datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


_SUBJECT_KEY = b"k" * 32


def fixed_context(state: Path, share: Path, rules_dir: Path) -> Any:
    """A fresh SQLite state under `state` for a repeatable ingest of `share`: document ids
    from a counter, a fixed clock and subject key, `ingest._AHEAD = 0`, 2 workers (also
    `bench/stages_cpu.py`'s)."""
    from recordkeeper import logs
    from recordkeeper.bootstrap import audit_ports
    from recordkeeper.config import load_settings
    from recordkeeper.ruleset.load import load_ruleset
    from recordkeeper.services import ingest
    from recordkeeper.services.context import Context
    from recordkeeper.store import repo_documents
    from recordkeeper.store.unit import Store

    logs.configure("warning")
    ids = (f"{i:032x}" for i in itertools.count(1))
    repo_documents.new_document_id = lambda: next(ids)
    ingest._AHEAD = 0  # type: ignore[misc]
    shutil.rmtree(state, ignore_errors=True)
    subject_key = state / "subject-index.key"
    subject_key.parent.mkdir(parents=True)
    subject_key.write_bytes(_SUBJECT_KEY)
    subject_key.chmod(0o600)
    settings = load_settings(
        None,
        {
            "state_dir": str(state),
            "database_url": f"sqlite:///{state / 'rk.db'}",
            "rules_dir": str(rules_dir),
            "roots": [{"path": str(share)}],
            "ingest": {"workers": 2},
            "retention": {"subject_key_file": str(subject_key)},
        },
    )
    store = Store(settings.database_url)
    store.migrate()
    ctx = Context(settings=settings, rules=load_ruleset(rules_dir), store=store, clock=_Clock())
    ctx.extras.update(audit_ports(settings))
    return ctx


def _ingest(state: Path, share: Path, rules_dir: Path) -> tuple[dict[str, Any], list[str]]:
    from recordkeeper.bootstrap import open_extractor
    from recordkeeper.services import ingest, pipeline
    from recordkeeper.services.registration import unseal
    from recordkeeper.store.tables_registry import RegistryPromptRow, RegistrySentRow

    ctx = fixed_context(state, share, rules_dir)
    settings, store = ctx.settings, ctx.store
    extractor = open_extractor(settings, pipeline.worker_analyzer(ctx))
    try:
        root = ingest.RootSpec(ingest.root_key(share), share)
        report = ingest.RootIngestor(ctx, root, extractor).scan()
        with store.read() as session:
            prompts = session.query(RegistryPromptRow.id, RegistryPromptRow.counterpart_ref)
            sent = session.query(RegistrySentRow.id, RegistrySentRow.recipients_ref)
            names = sorted(
                json.dumps([table, row_id, unseal(ctx, session, ref)], ensure_ascii=False)
                for table, rows in (("registry_prompts", prompts), ("registry_sent", sent))
                for row_id, ref in rows
            )
    finally:
        extractor.pool.close()
        store.close()
    return {k: v for k, v in report.as_dict().items() if k != "duration_s"}, names


def _kept(table: str, column: str) -> bool:
    if table == "subject_tokens":
        return True  # keyed by the fixed subject key
    if any(s in column for s in _SECRET) or column == "lookup":
        return False
    if column == "ref" or column.endswith("_ref"):
        return False
    return not (table.startswith("vault") and column.endswith("_at"))


def _value(value: Any) -> Any:
    return value.decode() if isinstance(value, bytes) and value.isascii() else value


def dump(out: Path, share: Path, rules_dir: Path) -> None:
    state = out.parent / (out.name + ".state")
    report, names = _ingest(state, share, rules_dir)
    db = sqlite3.connect(state / "rk.db")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    with out.open("w") as f:
        f.write(json.dumps(report, sort_keys=True) + "\n")
        for table in sorted(t for t in tables if t != "alembic_version"):
            columns = [r[1] for r in db.execute(f"PRAGMA table_info('{table}')")]
            keep = [i for i, c in enumerate(columns) if _kept(table, c)]
            rows = db.execute(f"SELECT * FROM {table}").fetchall()
            if table == "service_state":  # the last scan's state holds its duration
                rows = [r for r in rows if not str(r[0]).startswith("ingest.last_scan")]
            lines = sorted(
                json.dumps([_value(r[i]) for i in keep], ensure_ascii=False, default=bytes.hex)
                for r in rows
            )
            f.write(f"## {table} {[columns[i] for i in keep]} {len(rows)}\n")
            f.writelines(line + "\n" for line in lines)
        f.write(f"## unsealed names [table, id, names] {len(names)}\n")
        f.writelines(line + "\n" for line in names)
    print(f"dumped {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/ing1000"), help="the share")
    parser.add_argument("--rules", type=Path, default=HERE / "rules")
    args = parser.parse_args()
    dump(args.out, args.dir, args.rules)


if __name__ == "__main__":
    main()
