"""PURE: canonical bytes of audit entries (what the Merkle tree hashes).

An entry is canonical JSON: keys sorted, no insignificant whitespace, UTF-8,
timestamps in UTC ISO 8601 with microseconds. It holds identifiers, hashes,
rule ids and user ids only, never names or text.
"""

from __future__ import annotations

import json
from datetime import UTC

from recordkeeper.model import AuditEvent

ENTRY_VERSION = 1


def canonical_entry(event: AuditEvent, index: int) -> bytes:
    """The exact bytes stored and hashed as leaf `index` of the log."""
    body: dict[str, object] = {
        "v": ENTRY_VERSION,
        "index": index,
        "event": event.event,
        "at": event.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": event.actor,
    }
    for key in ("document_id", "project_id", "rule_id", "sha256"):
        value = getattr(event, key)
        if value is not None:
            body[key] = value
    if event.data:
        body["data"] = dict(event.data)
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
