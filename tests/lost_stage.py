"""A pipeline stage that never ran for a scan: what a daemon killed between ingest's
commit and the stages (or a stage that failed) leaves behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from recordkeeper.services import pipeline


@contextmanager
def stage_lost(monkeypatch: pytest.MonkeyPatch, name: str) -> Iterator[None]:
    """Within the block, the pipeline runs every stage but `name`."""
    assert any(n == name for n, _ in pipeline.STAGES), name
    kept = [(n, stage) for n, stage in pipeline.STAGES if n != name]
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "STAGES", kept)
        yield
