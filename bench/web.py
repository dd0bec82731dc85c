"""Server time of the registrar inbox with 5,000 open prompts and the board with 50 projects.

    .venv/bin/python bench/web.py [--prompts 5000] [--projects 50]

Rows are bulk-inserted as the pipeline would leave them; pages are requested
through Starlette's TestClient (in process, so the time is server time: query,
template, no network), best of 5 after one warm-up. The baseline is the same
client fetching a static file in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from recordkeeper.config import load_settings
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.check import process_rules
from recordkeeper.services.context import Context
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.tables_process import ProcessStatusRow
from recordkeeper.store.tables_registry import RegistryPromptRow
from recordkeeper.store.unit import Store

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the tests' sign-in helpers drive the app like a browser

from tests.webclient import add_test_users, client_for, sign_in  # noqa: E402


def _seed(ctx: Context, prompts: int, projects: int) -> None:
    now = datetime(2026, 6, 1, 9, tzinfo=UTC)
    today = now.date()
    steps = [s.id for s in process_rules(ctx.rules).steps]
    statuses = ["complete", "partial", "missing", "needs_confirmation", "not_applicable"]
    with ctx.store.engine.begin() as conn:
        conn.execute(
            insert(DocumentRow),
            [
                {
                    "id": f"d{i}",
                    "root": "share",
                    "path": f"P{i % projects}/doc{i}.docx",
                    "project": f"P{i % projects}",
                    "state": "present",
                    "first_seen_at": now,
                    "last_seen_at": now,
                    "current_sha256": f"{i:064d}",
                }
                for i in range(prompts)
            ],
        )
        conn.execute(
            insert(RegistryPromptRow),
            [
                {
                    "document_id": f"d{i}",
                    "sha256": f"{i:064d}",
                    "content_key": f"{i:064d}",
                    "kind": "register",
                    "project": f"P{i % projects}",
                    "doc_class": "coi_declaration",
                    "status": "open",
                    "arrived_on": today - timedelta(days=i % 20),
                    "date_source": "first_seen",
                    "due_on": today - timedelta(days=i % 20 - 1),
                    "direction": "received",
                    "description": f"Jävsdeklaration, projekt P{i % projects}",
                    "secrecy": False,
                    "secrecy_cues": "[]",
                    "secrecy_provisions": "[]",
                    "reasons": json.dumps([{"code": "class_must_register", "values": {}}]),
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(prompts)
            ],
        )
        conn.execute(
            insert(ProcessStatusRow),
            [
                {
                    "project": f"P{p}",
                    "rules_id": "fmb-3.1.3.5",
                    "variant": "new",
                    "current_step": steps[p % len(steps)],
                    "steps": json.dumps(
                        [[s, statuses[(p + k) % len(statuses)]] for k, s in enumerate(steps)]
                    ),
                    "evaluated_at": now,
                }
                for p in range(projects)
            ],
        )


def _best(client: object, path: str, runs: int = 5) -> float:
    client.get(path)  # type: ignore[attr-defined]
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return round(min(timings) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompts", type=int, default=5000)
    parser.add_argument("--projects", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            None,
            {
                "database_url": f"sqlite:///{Path(tmp) / 'web.db'}",
                "rules_dir": str(REPO / "rules"),
                "web": {"password_time_cost": 1, "password_memory_kib": 1024},
            },
        )
        store = Store(settings.database_url)
        store.migrate()
        ctx = Context(settings=settings, rules=load_ruleset(settings.rules_dir), store=store)
        add_test_users(ctx)
        _seed(ctx, args.prompts, args.projects)
        client = client_for(ctx)
        sign_in(client, "admin")
        result = {
            "machine": {"cpus": os.cpu_count(), "load": os.getloadavg()},
            "prompts": args.prompts,
            "projects": args.projects,
            "baseline_static_file_ms": _best(client, "/static/app.css"),
            "registrar_inbox_ms": _best(client, "/registrar"),
            "registrar_inbox_last_page_ms": _best(client, f"/registrar?page={args.prompts // 100}"),
            "project_board_ms": _best(client, "/projects"),
            "today": date.today().isoformat(),
        }
        store.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
