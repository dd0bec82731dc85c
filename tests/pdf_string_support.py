"""Compare one of our pypdf string readers with pypdf's own, outcome by outcome (value,
type, encoding flags, stream position, or the error), for tests/unit/test_extract_pdf_*.py."""

from __future__ import annotations

import io
from typing import Any

ENCODINGS: tuple[Any, ...] = (None, "bytes", "latin-1", "utf-16-be", ["a", "b", "c"], {65: "x"})


def outcome(reader: Any, data: bytes, at: int, encoding: Any) -> tuple[Any, ...]:
    stream = io.BytesIO(data)
    stream.seek(at)
    try:
        value = reader(stream, encoding)
    except Exception as exc:
        return ("error", type(exc), str(exc), stream.tell())
    return (
        type(value),
        value,
        getattr(value, "_original_bytes", None),
        getattr(value, "autodetect_pdfdocencoding", None),
        getattr(value, "autodetect_utf16", None),
        stream.tell(),
    )


def assert_reads_alike(ours: Any, theirs: Any, data: bytes, at: int, encoding: Any) -> None:
    assert outcome(ours, data, at, encoding) == outcome(theirs, data, at, encoding), (
        data[:80],
        at,
        encoding,
    )
