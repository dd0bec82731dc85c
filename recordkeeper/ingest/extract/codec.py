"""Lossless (de)serialisation of extraction results for the database cache.

`dumps` gives compressed JSON; `loads` gives back an equal value (datetimes
stay timezone-aware). The payload carries a format version: `loads` raises
`ValueError` on anything it does not recognise, which the cache treats as a miss.

Formats (`loads` reads both, for the rows stored before):
- 1: `json.dumps(body, ensure_ascii=False)`, UTF-8, zlib level 6;
- 2 (written now): the same body as orjson writes it (UTF-8, no spaces), in a
  zstd frame (level 3). The workers encode every result; zlib level 6 and the
  stdlib encoder cost ~0.15 ms per file there, this about a third (a zstd
  context is kept per thread instead of zlib's 256 KB state allocated per call).
  A body orjson refuses (an integer beyond 64 bits, a lone surrogate) is written
  as format 1, which then succeeds or fails as it always did.
"""

from __future__ import annotations

import json
import threading
import zlib
from datetime import datetime
from typing import Any

import orjson
import zstandard

from recordkeeper.model import (
    DocumentFacts,
    EmailFacts,
    ExtractionResult,
    Unreadable,
    UnreadableReason,
)

__all__ = ["FORMAT_VERSION", "dumps", "loads", "loads_facts"]

FORMAT_VERSION = 2
_ZLIB_VERSION = 1
# `json.dumps(body, ensure_ascii=False)` builds this encoder anew on every call; one
# made once gives the same text (format 1).
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ZSTD_LEVEL = 3
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # never the start of a zlib stream (header check)
# zstd contexts are not thread-safe and cost ~1 MB to make: one per thread, kept.
_contexts = threading.local()


def _compressor() -> zstandard.ZstdCompressor:
    try:
        compressor: zstandard.ZstdCompressor = _contexts.compressor
    except AttributeError:
        compressor = _contexts.compressor = zstandard.ZstdCompressor(level=_ZSTD_LEVEL)
    return compressor


def _decompressor() -> zstandard.ZstdDecompressor:
    try:
        decompressor: zstandard.ZstdDecompressor = _contexts.decompressor
    except AttributeError:
        decompressor = _contexts.decompressor = zstandard.ZstdDecompressor()
    return decompressor


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("datetime must be a string")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("naive datetime in cache payload")
    return parsed


def _email(email: EmailFacts) -> dict[str, Any]:
    return {
        "sender": email.sender,
        "recipients": list(email.recipients),
        "cc": list(email.cc),
        "subject": email.subject,
        "sent_at": _time(email.sent_at),
        "attachment_names": list(email.attachment_names),
    }


def _facts(facts: DocumentFacts) -> dict[str, Any]:
    return {
        "type": "facts",
        "path": facts.path,
        "size": facts.size,
        "sha256": facts.sha256,
        "kind": facts.kind,
        "text": facts.text,
        "title": facts.title,
        "headings": list(facts.headings),
        "metadata": dict(facts.metadata),
        "modified_at": _time(facts.modified_at),
        "created_at": _time(facts.created_at),
        "page_count": facts.page_count,
        "has_text_layer": facts.has_text_layer,
        "has_comments": facts.has_comments,
        "has_tracked_changes": facts.has_tracked_changes,
        "email": _email(facts.email) if facts.email is not None else None,
        "project": facts.project,
    }


def dumps(result: ExtractionResult) -> bytes:
    """Serialise a result to compressed bytes."""
    if isinstance(result, DocumentFacts):
        body = _facts(result)
    else:
        body = {
            "type": "unreadable",
            "path": result.path,
            "reason": result.reason.value,
            "detail": result.detail,
            "size": result.size,
            "sha256": result.sha256,
        }
    body["v"] = FORMAT_VERSION
    try:
        text = orjson.dumps(body)
    except TypeError:  # orjson.JSONEncodeError: what format 1 did, exactly
        body["v"] = _ZLIB_VERSION
        return zlib.compress(_ENCODER.encode(body).encode("utf-8"), 6)
    return _compressor().compress(text)


def _load_email(data: dict[str, Any]) -> EmailFacts:
    return EmailFacts(
        sender=data["sender"],
        recipients=tuple(data["recipients"]),
        cc=tuple(data["cc"]),
        subject=data["subject"],
        sent_at=_parse_time(data["sent_at"]),
        attachment_names=tuple(data["attachment_names"]),
    )


def _body(payload: bytes) -> dict[str, Any]:
    """The JSON object of a format 2 or format 1 payload."""
    try:
        if payload[:4] == _ZSTD_MAGIC:
            version, data = FORMAT_VERSION, orjson.loads(_decompressor().decompress(payload))
        else:
            version = _ZLIB_VERSION
            data = json.loads(zlib.decompress(payload).decode("utf-8"))
    except (zstandard.ZstdError, zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("not an extraction cache payload") from exc
    if not isinstance(data, dict) or data.get("v") != version:
        raise ValueError("unknown extraction cache format")
    return data


def loads(payload: bytes) -> ExtractionResult:
    """Deserialise what `dumps` produced; ValueError for anything else."""
    data = _body(payload)
    try:
        if data["type"] == "unreadable":
            return Unreadable(
                path=data["path"],
                reason=UnreadableReason(data["reason"]),
                detail=data["detail"],
                size=data["size"],
                sha256=data["sha256"],
            )
        if data["type"] != "facts":
            raise ValueError("unknown result type")
        return DocumentFacts(
            path=data["path"],
            size=data["size"],
            sha256=data["sha256"],
            kind=data["kind"],
            text=data["text"],
            title=data["title"],
            headings=tuple(data["headings"]),
            metadata=dict(data["metadata"]),
            modified_at=_parse_time(data["modified_at"]),
            created_at=_parse_time(data["created_at"]),
            page_count=data["page_count"],
            has_text_layer=data["has_text_layer"],
            has_comments=data["has_comments"],
            has_tracked_changes=data["has_tracked_changes"],
            email=_load_email(data["email"]) if data["email"] is not None else None,
            project=data["project"],
        )
    except (KeyError, TypeError) as exc:
        raise ValueError("incomplete extraction cache payload") from exc


def loads_facts(payload: bytes | None) -> DocumentFacts | None:
    """The facts in a cache payload; None for no payload, an unreadable file's
    outcome or anything `loads` does not recognise (a cache miss)."""
    if payload is None:
        return None
    try:
        result = loads(payload)
    except ValueError:
        return None
    return result if isinstance(result, DocumentFacts) else None
