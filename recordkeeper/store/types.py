"""Column types shared by every table."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time, stored as UTC and always read back timezone-aware.

    SQLite keeps no offset, so a plain `DateTime(timezone=True)` comes back naive
    there and aware on PostgreSQL; and an aware non-UTC value would be written as
    its local wall time. Normalising here keeps every reader free of that detail.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value  # naive values are already UTC by our convention
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
