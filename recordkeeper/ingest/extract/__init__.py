"""EDGE: one module per format turns a file into DocumentFacts or Unreadable.

Contract (every extractor and `extract_file` SHALL keep it):
- never raise for bad input: return `Unreadable(reason)` with a stable reason code;
- never follow links, never resolve XML entities or external references;
- never put document content or names into `Unreadable.detail`.
`extract_file` runs in-process; `recordkeeper.ingest.pool` runs it in worker
processes with a timeout and a memory cap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from recordkeeper.model import DocumentFacts, ExtractionResult, Unreadable, UnreadableReason


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 200 * 1024 * 1024
    max_uncompressed_bytes: int = 500 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_text_chars: int = 2_000_000
    timeout_s: float = 60.0
    memory_mb: int = 1024


def extract_file(
    path: Path, rel_path: str, limits: Limits, project: str | None = None
) -> ExtractionResult:
    """Read one file. Placeholder until the extraction work lands: text only."""
    try:
        data = path.read_bytes()
    except OSError:
        return Unreadable(rel_path, UnreadableReason.PERMISSION_DENIED)
    digest = hashlib.sha256(data).hexdigest()
    if not data:
        return Unreadable(rel_path, UnreadableReason.EMPTY, size=0, sha256=digest)
    if path.suffix.lower() in (".txt", ".md", ".csv"):
        return DocumentFacts(
            path=rel_path,
            size=len(data),
            sha256=digest,
            kind="text",
            text=data.decode("utf-8", "replace")[: limits.max_text_chars],
            project=project,
        )
    return Unreadable(rel_path, UnreadableReason.UNSUPPORTED, size=len(data), sha256=digest)
