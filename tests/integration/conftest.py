"""Fixtures shared by the integration modules that scan a small share of their own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.fakes import FakeClock

SCAN_DAY = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def scan_day(clock: FakeClock) -> None:
    """The clock on the day these modules scan their share (Monday 3 March 2025, 09:00
    UTC); `ctx` (tests/conftest.py) runs on that clock."""
    clock.set(SCAN_DAY)
