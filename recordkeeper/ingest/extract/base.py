"""Shared pieces of the extractors: limits, the refusal exception, the parsed value.

Format modules take the file's bytes and return `Parsed`; they signal hostile
or unreadable input by raising `Refused(reason, detail)`. Only
`extract_file` turns these into `DocumentFacts` or `Unreadable`, so the
never-raise contract is kept in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from recordkeeper.model import EmailFacts, UnreadableReason, fast_constructor


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied to every file; built from `IngestConfig` by the shell."""

    max_file_bytes: int = 200 * 1024 * 1024
    max_uncompressed_bytes: int = 500 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_text_chars: int = 2_000_000
    timeout_s: float = 60.0
    memory_mb: int = 1024


class Refused(Exception):
    """Raised by a format module for input it will not or cannot read.

    `detail` is technical (a part name inside a container, a byte count);
    it must never hold document text or a person's name.
    """

    def __init__(self, reason: UnreadableReason, detail: str = "") -> None:
        super().__init__(reason.value, detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a format module found; `extract_file` adds path, size, hash, kind."""

    text: str = ""
    title: str | None = None
    headings: tuple[str, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    modified_at: datetime | None = None
    created_at: datetime | None = None
    page_count: int | None = None
    has_text_layer: bool = True
    has_comments: bool = False
    has_tracked_changes: bool = False
    email: EmailFacts | None = None


# A `Parsed` made without its frozen __init__ (one per file extracted; see
# `model.fast_constructor`): ≈ 2.6 of 4.8 us saved.
new_parsed = fast_constructor(Parsed)


def aware(value: datetime | None) -> datetime | None:
    """A timezone-aware datetime; naive values from file metadata are taken as UTC."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def parse_w3cdtf(value: str | None) -> datetime | None:
    """Parse an OOXML core-properties date (W3CDTF, usually `2025-03-01T09:00:00Z`)."""
    if not value:
        return None
    text = value.strip()
    for candidate in (text, text[:10]):
        try:
            return aware(datetime.fromisoformat(candidate))
        except ValueError:
            continue
    return None


def clean(value: str | None) -> str | None:
    """Strip a metadata value; empty becomes None."""
    if value is None:
        return None
    stripped = " ".join(value.split())
    return stripped or None


def paired_surrogates(text: str) -> str:
    """`text` with each UTF-16 surrogate pair made one character (RTF's `\\uN` pairs, as
    Word writes an emoji) and a lone surrogate U+FFFD: a lone one cannot be encoded as
    UTF-8, so facts holding it could not be stored."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def cap_text(text: str, max_chars: int) -> str:
    """Cut text at the configured maximum (classification never needs more)."""
    return text if len(text) <= max_chars else text[:max_chars]
