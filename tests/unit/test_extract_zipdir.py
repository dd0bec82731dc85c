"""ooxml.central_directory reads zip entries exactly as zipfile does, or leaves them to it."""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile

from recordkeeper.ingest.extract import ooxml

_FIELDS = ("filename", "flag_bits", "compress_type", "CRC", "compress_size", "file_size")


def _zipfile_entries(data: bytes) -> list[tuple[object, ...]] | str:
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception as exc:  # the answer to compare is the error itself
        return type(exc).__name__
    return [(*(getattr(i, f) for f in _FIELDS), i.header_offset) for i in infos]


def _zip(rng: random.Random, *, zip64: bool = False) -> bytes:
    buffer = io.BytesIO()
    method = rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are part of the test
        with zipfile.ZipFile(buffer, "w", method) as archive:
            for _ in range(rng.randint(0, 6)):
                name = rng.choice(("word/document.xml", "wörd/ä.xml", "x\0hidden", "dup", "ü"))
                info = zipfile.ZipInfo(name)
                if rng.random() < 0.3:
                    info.extra = struct.pack("<HH", 0x5455, 5) + b"\x01abcd"
                with archive.open(info, "w", force_zip64=zip64) as part:
                    part.write(b"<x/>" * rng.randint(0, 60))
            if rng.random() < 0.2:
                archive.comment = b"a comment"
    data = buffer.getvalue()
    return b"prefix" * rng.randint(1, 4) + data if rng.random() < 0.2 else data


def _damaged(rng: random.Random, data: bytes) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.choice((0, 1, 2, 4))):
        roll = rng.random()
        if roll < 0.6 and len(damaged) > 60:  # the central directory and end record
            damaged[len(damaged) - 1 - rng.randint(0, min(len(damaged) - 1, 400))] = rng.randrange(
                256
            )
        elif roll < 0.8:
            del damaged[rng.randrange(len(damaged) + 1) :]
        else:
            damaged += bytes(rng.randrange(256) for _ in range(rng.randint(1, 30)))
    return bytes(damaged)


def test_entries_are_zipfiles_or_left_to_it() -> None:
    rng = random.Random(11)
    read = 0
    for _ in range(3000):
        data = _damaged(rng, _zip(rng, zip64=rng.random() < 0.1))
        entries = ooxml.central_directory(data)
        if entries is not None:
            read += 1
            assert [tuple(e) for e in entries] == _zipfile_entries(data), data
    assert read > 500  # the fast path is taken for most intact archives


def test_archives_it_leaves_to_zipfile() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<x/>")
        info = zipfile.ZipInfo("big.xml")
        info.extra = struct.pack("<HHQ", 0x0001, 8, 4)
        archive.writestr(info, b"<y/>")
    data = buffer.getvalue()
    assert isinstance(_zipfile_entries(data), list)
    assert ooxml.central_directory(data) is None  # a zip64 extra field
    plain = _zip(random.Random(1))
    assert ooxml.central_directory(plain) is not None
    assert ooxml.central_directory(plain[:-2] + b"\x03\x00abc") is None  # a comment
    assert ooxml.central_directory(plain[:30]) is None
