"""pdf.read_string reads literal strings exactly as pypdf's own reader does."""

from __future__ import annotations

import random
from typing import Any

from pypdf.generic import _data_structures
from pypdf.generic._utils import read_string_from_stream

from recordkeeper.ingest.extract import pdf
from tests.pdf_string_support import ENCODINGS, assert_reads_alike

_FIXED = (
    b"()",
    b"(D:20261202224505Z)",
    b"(D:20240101120000+01'00')",
    b"(Hello) Tj",
    b"(a(b)c)",
    b"(a(b)",
    b"(a\\)b)",
    b"(a\\(b)",
    b"(a\\\\b)",
    b"(\\376\\377\\000T\\000i)",
    b"(\\0053)",
    b"(\\777)",
    b"(\\q)",
    b"(line\\\r\nbreak)",
    b"(line\\\nbreak)",
    b"(raw\r\nbreak)",
    b"(r\xe5 \xe4\xf6)",
    b"(\xfe\xff\x00T\x00i)",
    b"(\xef\xbb\xbftitle)",
    b"(unclosed",
    b"(",
    b"(\\",
    b"x(not at the start)",
    b"(" + b"a" * 5000 + b")",
    b"(" + b"a" * 4094 + b")",
    b"(" + b"a" * 4093 + b")",
    b"(a)(b)",
    b"(a))",
)
_PIECES: tuple[bytes, ...] = (b"a", b"Z", b" ", b"\n", b"\r", b"\t", b"(", b")", b"\\")
_PIECES += (b"0", b"3", b"7", b"8", b"n", b"\xfe\xff", b"\xe5", b"\x00", b"\xff", b"D:2026")


def _same(data: bytes, at: int = 0, encoding: Any = None) -> None:
    assert_reads_alike(pdf.read_string, read_string_from_stream, data, at, encoding)


def test_fixed_strings_read_as_pypdf_reads_them() -> None:
    for data in _FIXED:
        for encoding in ENCODINGS:
            _same(data, 0, encoding)
            _same(b"q BT " + data + b" ET", 5, encoding)


def test_generated_strings_read_as_pypdf_reads_them() -> None:
    rng = random.Random(13)
    for _ in range(20_000):
        body = b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        tail = rng.choice((b")", b") Tj", b"", b"))", b" )"))
        _same(b"(" + body + tail, 0, rng.choice(ENCODINGS))


def test_generated_plain_strings_read_as_pypdf_reads_them() -> None:
    """Mostly the fast path: no escape, no nested parenthesis."""
    rng = random.Random(14)
    plain = [bytes([b]) for b in range(256) if b not in b"()\\"]
    for _ in range(20_000):
        body = b"".join(rng.choice(plain) for _ in range(rng.randint(0, 80)))
        _same(b"(" + body + b")" + rng.choice((b"", b" Tj", b")")), 0, rng.choice(ENCODINGS))


def test_pypdf_uses_it() -> None:
    assert getattr(_data_structures, "read_string_from_stream") is pdf.read_string  # noqa: B009
