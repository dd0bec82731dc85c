"""Prometheus metrics served over real HTTP, read from the real store (both backends)."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from recordkeeper.model import AuditEvent
from recordkeeper.ops.metrics import serve_metrics
from recordkeeper.services.context import Context
from recordkeeper.services.metrics import metrics_snapshot
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store

AT = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _document(doc_id: str, state: str, error: str | None = None) -> DocumentRow:
    return DocumentRow(
        id=doc_id, root="share", path=f"p/{doc_id}.docx", state=state,
        first_seen_at=AT, last_seen_at=AT, error_reason=error,
    )  # fmt: skip


@pytest.fixture
def scrape() -> Iterator[Any]:
    servers: list[Any] = []

    def _scrape(snapshot: Any) -> str:
        port = _free_port()
        server, _thread = serve_metrics("127.0.0.1", port, snapshot)
        servers.append(server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
            return str(response.read().decode())

    yield _scrape
    for server in servers:
        server.shutdown()
        server.server_close()


def test_metrics_report_files_errors_prompts_and_audit_size(
    ctx: Context, store: Store, scrape: Any
) -> None:
    with store.transaction() as tx:
        tx.session.add_all(
            [
                _document("d1", "present"),
                _document("d2", "present", "corrupt"),
                _document("d3", "gone"),
            ]
        )
        for _ in range(3):
            tx.record(AuditEvent("test_event", AT))

    body = scrape(lambda: metrics_snapshot(ctx))

    assert "recordkeeper_up 1.0" in body
    assert 'recordkeeper_files_tracked{state="present"} 2.0' in body
    assert 'recordkeeper_files_tracked{state="gone"} 1.0' in body
    assert 'recordkeeper_errors{reason="corrupt"} 1.0' in body
    assert "recordkeeper_queue_length 0.0" in body
    assert "recordkeeper_prompts_open 0.0" in body
    assert "recordkeeper_prompts_overdue 0.0" in body
    assert "recordkeeper_audit_entries 3.0" in body


def test_an_unreadable_store_shows_as_down_not_as_an_error_page(scrape: Any) -> None:
    def broken() -> Any:
        raise RuntimeError("store gone")

    body = scrape(broken)
    assert "recordkeeper_up 0.0" in body
    assert "recordkeeper_audit_entries" not in body


@pytest.fixture
def ctx(settings: Any, rules: Any, store: Store) -> Context:
    from tests.fakes import FakeClock

    return Context(settings, rules, store, FakeClock(AT))
