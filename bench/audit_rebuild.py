"""How long migration audit_0004 (the audit entries' rowid on SQLite) takes on a large log.

    .venv/bin/python bench/audit_rebuild.py [--entries 1000000] [--dir DIR]

Makes a SQLite database at audit_0003 holding N entries shaped as a bulk ingest writes
them (`document_added` / `document_classified` pairs, ~400-byte leaves), then times
`upgrade heads`, `downgrade audit_0003` and `upgrade heads` again (wall and CPU) and
prints the file's size after each: docs/install.md (Upgrading) quotes it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from alembic import command

from recordkeeper.audit.log import canonical_entry
from recordkeeper.model import AuditEvent
from recordkeeper.store.migrate import alembic_config
from recordkeeper.store.unit import Store

_AT = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
_PROJECT = "FMB Lumbago (nytt beslutsstöd)"
_CLASSIFIED = {
    "class": "text_proposal", "draft": False, "must_register": True, "personal_data": False,
    "corrected": False, "rules_hash": "ab" * 32,
    "signals": "text_proposal.title,text_proposal.recommendation",
}  # fmt: skip


def _rows(count: int) -> Iterator[tuple[object, ...]]:
    for index in range(count):
        doc = f"{index // 2:016x}"
        if index % 2 == 0:
            event = AuditEvent(
                "document_added", _AT, "system", doc, _PROJECT, None, f"{index:064x}",
                {"size": 12345},
            )  # fmt: skip
        else:
            event = AuditEvent(
                "document_classified", _AT, "system", doc, _PROJECT, "text_proposal",
                f"{index - 1:064x}", _CLASSIFIED,
            )  # fmt: skip
        leaf = canonical_entry(event, index)
        yield (index, leaf, event.event, doc, _PROJECT, "2026-12-04 12:00:00.000000")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=None, help="where the database goes")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rk-rebuild-", dir=args.dir))
    path = work / "rk.db"
    try:
        store = Store(f"sqlite:///{path}")
        store.migrate()
        command.downgrade(alembic_config(store.engine), "audit_0003")
        store.close()
        con = sqlite3.connect(path)
        con.executemany(
            "INSERT INTO audit_entries (idx, leaf, event, document_id, project_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            _rows(args.entries),
        )
        con.commit()
        (leaf_bytes,) = con.execute("SELECT avg(length(leaf)) FROM audit_entries").fetchone()
        con.close()
        size = os.path.getsize(path) / 1e6
        print(f"{args.entries} entries, leaf {leaf_bytes:.0f} bytes, file {size:.0f} MB")
        store = Store(f"sqlite:///{path}")
        config = alembic_config(store.engine)
        for step, target in (
            ("upgrade", "heads"),
            ("downgrade", "audit_0003"),
            ("upgrade", "heads"),
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            getattr(command, step)(config, target)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            size = os.path.getsize(path) / 1e6
            print(f"{step} {target}: {wall:.1f} s wall, {cpu:.1f} s CPU, file {size:.0f} MB")
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
