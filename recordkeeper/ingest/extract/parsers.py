"""EDGE: the format parsers, by kind; importing this module loads every parsing library.

Kept apart from the package so that the daemon parent, which only hashes,
sniffs and dispatches, never loads lxml, pypdf, openpyxl, extract_msg and the
rest (~40 MB): `extract_bytes` imports this on first use, and the extraction
pool preloads it in its fork server so every worker starts with it loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from recordkeeper.ingest.extract import docx, eml, msg, odf, pdf, pptx, rtf, text, xlsx
from recordkeeper.ingest.extract.base import Limits, Parsed

__all__ = ["EXTRACTORS", "extract_markdown"]

Extractor = Callable[[bytes, Limits], Parsed]


def extract_markdown(data: bytes, limits: Limits) -> Parsed:
    return text.extract(data, limits, markdown=True)


EXTRACTORS: dict[str, Extractor] = {
    "docx": docx.extract,
    "xlsx": xlsx.extract,
    "pptx": pptx.extract,
    "pdf": pdf.extract,
    "eml": eml.extract,
    "msg": msg.extract,
    "text": text.extract,
    "odt": odf.extract,
    "rtf": rtf.extract,
}
