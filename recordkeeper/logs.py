"""Configure structlog once (JSON lines) and redact what must never be logged.

The first defence is not passing personal data to a logger at all; the
processors here are the last line: they drop deny-listed keys and mask
personnummer, e-mail addresses and phone numbers in every string value
(patterns shared with the audit-entry guard in `recordkeeper.pii`).
"""

from __future__ import annotations

import hashlib
import logging
import sys
import traceback
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

from recordkeeper import pii

DENY_KEYS = pii.DENY_KEYS


def mask(text: str) -> str:
    """Replace anything that looks like personnummer, e-mail or phone number."""
    return pii.mask(text)


def log_hash(digest: str, chars: int = 12) -> str:
    """A hex digest's prefix as log lines show it: "0x" first, so that one made only of
    digits ("005937567424") is never taken for a phone number or personnummer by `mask`
    (which would blank the reference) or by the log scanners (`recordkeeper.pii`: a digit
    run right after a letter is no number)."""
    return f"0x{digest[:chars]}"


def log_ref(text: str, chars: int = 12) -> str:
    """A reference to `text` (a path, a folder name: it may hold a person's name) for a log
    line: a short hash of it, never the text (`log_hash`). Undecodable names (surrogate
    escapes) are hashed as their bytes, never an error."""
    return log_hash(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest(), chars)


def redact(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: drop deny-listed keys, mask personal data in strings."""
    for key in list(event_dict):
        if key in DENY_KEYS:
            event_dict[key] = "[redacted]"
        elif isinstance(event_dict[key], str) and key not in ("timestamp", "level"):
            event_dict[key] = mask(event_dict[key])
    return event_dict


def database_errors_without_values(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: a database error's traceback names its statement, never its
    message. The engine hides bound values (`store.unit.make_engine`), but the server's
    own message does not: PostgreSQL's DETAIL repeats a key's value ("Key (path)=(...)
    already exists"), and a path or a column may hold a person's name."""
    exc_info = event_dict.get("exc_info")
    if exc_info is True:
        exc = sys.exc_info()[1]
    elif isinstance(exc_info, tuple):
        exc = exc_info[1]
    else:
        exc = exc_info if isinstance(exc_info, BaseException) else None
    # duck-typed: importing SQLAlchemy here would load it into every extraction worker
    if exc is None or not type(exc).__module__.startswith("sqlalchemy."):
        return event_dict
    del event_dict["exc_info"]
    origin = getattr(exc, "orig", None)
    kind = type(exc).__name__ + (f" ({type(origin).__name__})" if origin is not None else "")
    statement = " ".join(str(getattr(exc, "statement", "") or "").split())
    frames = "".join(traceback.format_tb(exc.__traceback__))
    event_dict["exception"] = f"Traceback (most recent call last):\n{frames}{kind}: {statement}"
    return event_dict


def configure(level: str = "info", stream: TextIO | None = None) -> None:
    """Configure structlog for JSON lines on `stream` (stderr by default)."""
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            database_errors_without_values,
            structlog.processors.format_exc_info,
            redact,
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(
            getattr(logging, level.upper(), logging.INFO)
        ),
        logger_factory=structlog.PrintLoggerFactory(stream or sys.stderr),
        cache_logger_on_first_use=False,
    )
