"""The extraction cache codec round-trips every field losslessly."""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime, timedelta, timezone

import orjson
import pytest
import zstandard

from recordkeeper.ingest.extract.codec import dumps, loads, loads_facts
from recordkeeper.model import DocumentFacts, EmailFacts, Unreadable, UnreadableReason

STOCKHOLM = timezone(timedelta(hours=2))


def test_document_facts_round_trip() -> None:
    facts = DocumentFacts(
        path="P1/Jävsdeklaration Åsa.docx",
        size=1234,
        sha256="ab" * 32,
        kind="eml",
        text="Hej\n\tåäö 😀",
        title="Titel",
        headings=("A", "B"),
        metadata={"author": "Åsa", "created": "2025-01-01T00:00:00+00:00"},
        modified_at=datetime(2025, 3, 2, 10, 0, tzinfo=STOCKHOLM),
        created_at=datetime(2025, 3, 1, 9, 0, 0, 123456, tzinfo=UTC),
        page_count=3,
        has_text_layer=False,
        has_comments=True,
        has_tracked_changes=True,
        email=EmailFacts(
            sender="a@b.se",
            recipients=("c@d.se",),
            cc=("e@f.se", "g@h.se"),
            subject="Ämne",
            sent_at=datetime(2025, 4, 2, 10, 30, tzinfo=STOCKHOLM),
            attachment_names=("x.pdf",),
        ),
        project="P1",
    )
    back = loads(dumps(facts))
    assert back == facts
    assert isinstance(back, DocumentFacts)
    assert back.modified_at is not None and back.modified_at.utcoffset() == timedelta(hours=2)


def test_minimal_facts_and_unreadable_round_trip() -> None:
    for value in (
        DocumentFacts(path="a.txt", size=0, sha256="0" * 64, kind="text"),
        Unreadable("a.docx", UnreadableReason.ZIP_BOMB, "ratio 900", size=10, sha256="1" * 64),
        Unreadable("b.docx", UnreadableReason.VANISHED),
    ):
        assert loads(dumps(value)) == value


_TRICKY = DocumentFacts(
    path="P/Åsa.docx",
    size=1,
    sha256="0" * 64,
    kind="docx",
    text='Hej "citat" \\ \t tab \u2028 😀 \x00',
    headings=("Ä",),
    metadata={"ö": "1", "created": "2025-01-01T00:00:00+00:00"},
    created_at=datetime(2025, 3, 1, 9, 0, tzinfo=STOCKHOLM),
)


def _format_1(body: dict[str, object]) -> bytes:
    """A payload as format 1 wrote it (the rows stored before format 2)."""
    return zlib.compress(json.dumps({**body, "v": 1}, ensure_ascii=False).encode(), 6)


def test_payload_is_compressed_json() -> None:
    payload = dumps(DocumentFacts(path="a", size=1, sha256="0", kind="text", text="x" * 10_000))
    assert len(payload) < 1000
    assert zstandard.ZstdDecompressor().decompress(payload).startswith(b"{")


def test_payload_bytes_are_orjson_in_a_zstd_frame_at_level_3() -> None:
    """Format 2: exactly orjson's text of the body, compressed by zstd level 3."""
    payload = dumps(_TRICKY)
    body = json.loads(zstandard.ZstdDecompressor().decompress(payload))
    assert body["v"] == 2
    assert payload == zstandard.ZstdCompressor(level=3).compress(orjson.dumps(body))
    assert body["text"] == _TRICKY.text


def test_format_1_payloads_stored_before_still_load() -> None:
    """A row written by format 1 (zlib level 6 of `json.dumps(..., ensure_ascii=False)`)
    reads back as the same value as the format 2 payload of that value."""
    for value in (
        _TRICKY,
        Unreadable("a.docx", UnreadableReason.ZIP_BOMB, "ratio 900", size=10, sha256="1" * 64),
    ):
        body = json.loads(zstandard.ZstdDecompressor().decompress(dumps(value)))
        old = _format_1(body)
        assert zlib.decompress(old).startswith(b"{")
        assert loads(old) == value
        assert loads_facts(old) == (value if isinstance(value, DocumentFacts) else None)


def test_a_body_orjson_refuses_is_written_as_format_1() -> None:
    """An integer beyond 64 bits: orjson refuses it, format 1 writes it exactly as before."""
    facts = DocumentFacts(path="a", size=2**70, sha256="0" * 64, kind="text", text="åäö")
    payload = dumps(facts)
    body = json.loads(zlib.decompress(payload))
    assert body["v"] == 1
    assert payload == zlib.compress(json.dumps(body, ensure_ascii=False).encode(), 6)
    assert loads(payload) == facts


def test_a_lone_surrogate_fails_as_format_1_failed() -> None:
    facts = DocumentFacts(path="a", size=1, sha256="0" * 64, kind="text", text="a\ud800")
    with pytest.raises(UnicodeEncodeError):
        dumps(facts)


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"not zlib",
        zlib.compress(b"[]"),
        zlib.compress(b'{"v": 99}'),
        zlib.compress(b'{"v": 2, "type": "facts"}'),  # format 2 is only read from zstd
        zstandard.ZstdCompressor().compress(b'{"v": 1, "type": "unreadable"}'),
        zstandard.ZstdCompressor().compress(b"[]"),
        zstandard.ZstdCompressor().compress(b"\xff{"),
        b"\x28\xb5\x2f\xfd" + b"\0" * 8,  # a broken zstd frame
    ],
)
def test_foreign_payload_is_a_value_error(payload: bytes) -> None:
    with pytest.raises(ValueError):
        loads(payload)


def test_loads_facts_gives_facts_only() -> None:
    facts = DocumentFacts(path="a.txt", size=0, sha256="0" * 64, kind="text", title="T")
    assert loads_facts(dumps(facts)) == facts
    assert loads_facts(dumps(Unreadable("b.docx", UnreadableReason.VANISHED))) is None
    assert loads_facts(b"not zlib") is None
    assert loads_facts(None) is None
