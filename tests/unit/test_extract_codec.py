"""The extraction cache codec round-trips every field losslessly."""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime, timedelta, timezone

import pytest

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


def test_payload_is_compressed_json() -> None:
    payload = dumps(DocumentFacts(path="a", size=1, sha256="0", kind="text", text="x" * 10_000))
    assert len(payload) < 1000
    assert zlib.decompress(payload).startswith(b"{")


def test_payload_bytes_are_json_dumps_compressed_at_level_6() -> None:
    """The stored bytes stay exactly what `json.dumps(..., ensure_ascii=False)` and
    zlib level 6 made: a cached payload is compared and deduplicated as bytes."""
    facts = DocumentFacts(
        path="P/Åsa.docx",
        size=1,
        sha256="0" * 64,
        kind="docx",
        text='Hej "citat" \\ \t tab \u2028 😀 \x00',
        headings=("Ä",),
        metadata={"ö": "1", "created": "2025-01-01T00:00:00+00:00"},
        created_at=datetime(2025, 3, 1, 9, 0, tzinfo=STOCKHOLM),
    )
    body = json.loads(zlib.decompress(dumps(facts)))
    assert dumps(facts) == zlib.compress(json.dumps(body, ensure_ascii=False).encode(), 6)
    assert body["text"] == facts.text


@pytest.mark.parametrize(
    "payload", [b"", b"not zlib", zlib.compress(b"[]"), zlib.compress(b'{"v": 99}')]
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
