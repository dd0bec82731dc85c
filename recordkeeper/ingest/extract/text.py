"""Plain text (.txt/.md/.csv): decode with a detected encoding; Markdown headings."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from recordkeeper.ingest.extract.base import Limits, Parsed, Refused, cap_text, clean, new_parsed
from recordkeeper.model import UnreadableReason

_SAMPLE_BYTES = 64 * 1024
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
# Non-ASCII characters of Swedish/Nordic text and office typography in Windows-1252.
_NORDIC = frozenset("åäöÅÄÖéÉèÈüÜæÆøØáàíóúÁÓÚñç§°½¼–—‘’“”„€´·×…•«»")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _reads_as_nordic_cp1252(sample: bytes) -> bool:
    """Windows-1252 is the legacy encoding on these shares; prefer it when it reads as Nordic.

    Statistical detection needs more text than a short note gives, and picks
    Central European or East Asian code pages for a few Swedish words.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    special = [c for c in text if ord(c) > 127]
    return bool(special) and sum(c in _NORDIC for c in special) >= 0.9 * len(special)


def decode(data: bytes) -> str:
    """Decode text: BOM, then UTF-8, then charset-normalizer's guess on a sample."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        # UTF-16 without a BOM: one byte of each pair is mostly zero.
        half = max(len(sample) // 2, 1)
        if sample[1::2].count(0) > half * 0.4:
            return data.decode("utf-16-le", "replace")
        if sample[0::2].count(0) > half * 0.4:
            return data.decode("utf-16-be", "replace")
        raise Refused(UnreadableReason.CORRUPT, "binary data in a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _reads_as_nordic_cp1252(sample):
        return data.decode("cp1252", "replace")
    best = from_bytes(sample).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return data.decode("cp1252", "replace")


def extract(data: bytes, limits: Limits, *, markdown: bool = False) -> Parsed:
    """Parse a text file; Markdown `#` lines become headings, the first `# ` the title."""
    text = cap_text(decode(data), limits.max_text_chars)
    headings: tuple[str, ...] = ()
    title: str | None = None
    if markdown:
        headings = tuple(h for m in _MD_HEADING.finditer(text) if (h := clean(m.group(1))))
        first = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
        title = clean(first.group(1)) if first else None
    return new_parsed(text=text, title=title, headings=headings)
