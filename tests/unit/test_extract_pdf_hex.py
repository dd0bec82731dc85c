"""pdf.read_hex_string reads hex strings exactly as pypdf's own reader does."""

from __future__ import annotations

import random
from typing import Any

from pypdf.generic import _data_structures
from pypdf.generic._utils import read_hex_string_from_stream

from recordkeeper.ingest.extract import pdf
from tests.pdf_string_support import ENCODINGS, assert_reads_alike

_FIXED = (
    b"<>",
    b"<0041>",
    b"<00410042> Tj",
    b"<FEFF00540069007400650x6c>",
    b"<FEFF005400690074006C0065>",
    b"<feff00e500e400f6>",
    b"<48 65\n6c\r6c\t6f\x0c\x00>",
    b"<4>",
    b"<414>",
    b"< 4 1 >",
    b"<41",
    b"<",
    b"<4G>",
    b"<41\x0b42>",
    b"<41>>",
    b"<" + b"41" * 3000 + b">",
    b"<" + b"41" * 2047 + b">",
    b"<" + b"41" * 2046 + b">",
    b"<d0e5e3e8f1f2f0e0f6e8ff>",
    b"<e5e4f6>",
    b"<00>",
    b"<ff>",
)
_PIECES: tuple[bytes, ...] = (b"0", b"4", b"1", b"a", b"F", b"f", b"e", b"9", b" ", b"\n")
_PIECES += (b"\r", b"\t", b"\x00", b"\x0c", b"\x0b", b"g", b"(", b">", b"<", b"FEFF", b"\xff")


def _same(data: bytes, at: int = 0, encoding: Any = None) -> None:
    assert_reads_alike(pdf.read_hex_string, read_hex_string_from_stream, data, at, encoding)


def test_fixed_strings_read_as_pypdf_reads_them() -> None:
    for data in _FIXED:
        for encoding in ENCODINGS:
            _same(data, 0, encoding)
            _same(b"q BT " + data + b" ET", 5, encoding)


def test_generated_strings_read_as_pypdf_reads_them() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        body = b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        tail = rng.choice((b">", b"> Tj", b"", b">>", b" >"))
        _same(b"<" + body + tail, 0, rng.choice(ENCODINGS))


def test_generated_well_formed_strings_read_as_pypdf_reads_them() -> None:
    rng = random.Random(12)
    digits = b"0123456789abcdefABCDEF"
    for _ in range(20_000):
        body = b"".join(
            bytes([rng.choice(digits)]) if rng.random() < 0.8 else rng.choice(_PIECES[8:14])
            for _ in range(rng.randint(0, 80))
        )
        _same(b"<" + body + b">" + rng.choice((b"", b" Tj", b">")), 0, rng.choice(ENCODINGS))


def test_pypdf_uses_it() -> None:
    assert getattr(_data_structures, "read_hex_string_from_stream") is pdf.read_hex_string  # noqa: B009
