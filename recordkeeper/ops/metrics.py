"""Prometheus metrics in text format on a local port (prometheus_client).

The collector calls `snapshot()` at every scrape and turns its values into
gauges; a failing snapshot yields `recordkeeper_up 0` instead of an error
page, so an alert can fire on it. Binds to 127.0.0.1 by default: the numbers
carry no personal data, but nothing needs them off the host except a scraper.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

log = structlog.get_logger(__name__)

__all__ = ["SnapshotCollector", "serve_metrics"]


class SnapshotCollector(Collector):
    """Builds gauges from a snapshot object (see services/metrics.py) at scrape time."""

    def __init__(self, snapshot: Callable[[], Any]) -> None:
        self._snapshot = snapshot

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("recordkeeper_up", "1 when the store could be read")
        try:
            s = self._snapshot()
        except Exception as exc:  # a scrape must never take the service down
            log.warning("metrics_snapshot_failed", error=type(exc).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield _labelled(
            "recordkeeper_files_tracked", "Documents by state", "state", s.documents_by_state
        )
        yield _labelled(
            "recordkeeper_errors",
            "Unreadable files and folders by reason",
            "reason",
            s.errors_by_reason,
        )
        yield _gauge("recordkeeper_queue_length", "Paths waiting to be ingested", s.queue_length)
        yield _labelled(
            "recordkeeper_last_scan_duration_seconds",
            "Duration of the last full scan per root",
            "root",
            s.last_scan_seconds,
        )
        yield _gauge("recordkeeper_prompts_open", "Registration prompts open", s.prompts_open)
        yield _gauge(
            "recordkeeper_prompts_overdue", "Registration prompts overdue", s.prompts_overdue
        )
        yield _gauge("recordkeeper_audit_entries", "Entries in the audit log", s.audit_entries)
        yield _labelled(
            "recordkeeper_stage_failures",
            "Failures of the stages after ingest since install, by stage",
            "stage",
            s.stage_failures,
        )
        yield _gauge(
            "recordkeeper_registration_unprompted",
            "Must-register versions still without a registration prompt",
            s.registration_unprompted,
        )


def _gauge(name: str, doc: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, doc, value=value)


def _labelled(name: str, doc: str, label: str, values: dict[str, Any]) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, doc, labels=[label])
    for key, value in sorted(values.items()):
        family.add_metric([key], float(value))
    return family


def serve_metrics(host: str, port: int, snapshot: Callable[[], Any]) -> Any:
    """Start the HTTP endpoint in a daemon thread; returns (server, thread)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(SnapshotCollector(snapshot))
    result = start_http_server(port, addr=host, registry=registry)
    log.info("metrics_serving", port=port)
    return result
