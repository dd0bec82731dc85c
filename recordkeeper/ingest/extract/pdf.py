"""PDF: text layer, document information, page count (pypdf).

A PDF whose pages yield no text is still facts, with `has_text_layer`
False (a scan); an encrypted PDF is read only when its user password is
empty (owner-restricted files open in every viewer), else refused.

Importing this module patches pypdf process-wide, for every `PdfReader` in the
process (ours and anyone else's): two pure functions in pypdf's private modules
are replaced by faster ones that return the same values (`patch_pypdf`):

- `encoding_dict_from_named_encoding` (in `pypdf.generic._font` and
  `pypdf._text_extraction._text_extractor`) -> `_named_encoding`, one table per
  encoding, copied out;
- `read_hex_string_from_stream` (in `pypdf.generic._data_structures`) ->
  `read_hex_string`, a regular expression instead of a byte-by-byte loop;
- `read_string_from_stream` (same module) -> `read_string`: a literal string
  without escapes or nested parentheses taken as it stands instead of byte by byte.

tests/unit/test_extract_pdf_hex.py and test_extract_pdf_strings.py hold them to
pypdf's own functions on odd input (white space inside, odd digit counts, either
case, escapes, nested parentheses, unclosed strings), so a pypdf upgrade that
changes what its function computes fails there.
`restore_pypdf()` undoes the patches.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from pypdf import PdfReader
from pypdf._codecs import encoding_dict_from_named_encoding as _pypdf_named_encoding
from pypdf._text_extraction import _text_extractor as pypdf_text_extractor
from pypdf._utils import parse_iso8824_date
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
from pypdf.generic import ByteStringObject, TextStringObject
from pypdf.generic import _data_structures as pypdf_data_structures
from pypdf.generic import _font as pypdf_font
from pypdf.generic._utils import create_string_object
from pypdf.generic._utils import read_hex_string_from_stream as _pypdf_read_hex_string
from pypdf.generic._utils import read_string_from_stream as _pypdf_read_string

from recordkeeper.ingest.extract.base import (
    Limits,
    Parsed,
    Refused,
    aware,
    cap_text,
    clean,
    new_parsed,
)
from recordkeeper.model import UnreadableReason

# pypdf logs what it cannot parse at WARNING, with the document's own bytes in the
# message (a malformed dictionary's key, the text around a bad object): names and
# personnummer from the file would reach stderr and the journal. The file's problem is
# reported as its Unreadable reason instead.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)

_NAMED_ENCODINGS: dict[str, dict[int, str]] = {}


def _named_encoding(encoding: str) -> dict[int, str]:
    """pypdf rebuilds the 256-entry cp1252 table (256 `bytes.decode` calls) for every
    page and font it reads, about a tenth of the PDF time: build it once per encoding
    and hand out a copy, since callers may change theirs."""
    table = _NAMED_ENCODINGS.get(encoding)
    if table is None:
        table = _NAMED_ENCODINGS[encoding] = _pypdf_named_encoding(encoding)
    return dict(table)


# A hex string `<...>` as pypdf reads it: hex digits and PDF white space (NUL, TAB,
# LF, FF, CR, space, skipped) up to ">"; an odd last digit is followed by 0.
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>")
_PDF_WHITESPACE = b"\x00\t\n\x0c\r "
_HEX_CHUNK = 4096


def read_hex_string(
    stream: Any, forced_encoding: str | list[str] | dict[int, str] | None = None
) -> TextStringObject | ByteStringObject:
    """`pypdf.generic._utils.read_hex_string_from_stream`, same value and stream
    position, with one regular expression and `bytes.fromhex` instead of a
    `stream.read(1)` and an `int(x, 16)` per digit in Python (titles in the
    document information and glyph codes in page content are hex strings; a
    UTF-16 title costs ~0.3 ms that way). A string not closed within 4 KB, or
    any byte that is neither a digit nor white space, goes to pypdf's reader
    (which raises its own error for the latter)."""
    start = stream.tell()
    chunk = stream.read(_HEX_CHUNK)
    found = _HEX_STRING.match(chunk)
    if found is None:
        stream.seek(start)
        return _pypdf_read_hex_string(stream, forced_encoding)
    stream.seek(start + found.end())
    digits = found.group(1).translate(None, _PDF_WHITESPACE)
    if len(digits) % 2:
        digits += b"0"
    return create_string_object(bytes.fromhex(digits.decode("ascii")), forced_encoding)


# A literal string `(...)` with neither a backslash nor a nested "(" before its ")":
# pypdf's reader gives its bytes as they stand (it only changes escapes and counts
# nested parentheses).
_LITERAL_STRING = re.compile(rb"\(([^()\\]*)\)")


def read_string(
    stream: Any, forced_encoding: str | list[str] | dict[int, str] | None = None
) -> TextStringObject | ByteStringObject:
    """`pypdf.generic._utils.read_string_from_stream`, same value and stream position,
    with one regular expression instead of a `stream.read(1)` per byte in Python
    (the dates and titles in the document information, text in page content). A
    string with an escape or a nested "(", or not closed within 4 KB, goes to
    pypdf's reader."""
    start = stream.tell()
    found = _LITERAL_STRING.match(stream.read(_HEX_CHUNK))
    if found is None:
        stream.seek(start)
        return _pypdf_read_string(stream, forced_encoding)
    stream.seek(start + found.end())
    return create_string_object(found.group(1), forced_encoding)


# (pypdf module, attribute, pypdf's function, ours): see the module docstring
_PYPDF_PATCHES: tuple[tuple[Any, str, Any, Any], ...] = (
    (pypdf_font, "encoding_dict_from_named_encoding", _pypdf_named_encoding, _named_encoding),
    (
        pypdf_text_extractor,
        "encoding_dict_from_named_encoding",
        _pypdf_named_encoding,
        _named_encoding,
    ),
    (pypdf_data_structures, "read_hex_string_from_stream", _pypdf_read_hex_string, read_hex_string),
    (pypdf_data_structures, "read_string_from_stream", _pypdf_read_string, read_string),
)


def patch_pypdf() -> None:
    """Put our faster, same-valued functions into pypdf's modules (done on import).

    Only where the attribute is still pypdf's own function: a pypdf that moved
    or changed it, or another library's patch, is left as it is.
    """
    for module, name, theirs, ours in _PYPDF_PATCHES:
        if getattr(module, name, None) is theirs:
            setattr(module, name, ours)


def restore_pypdf() -> None:
    """Put pypdf's own functions back where `patch_pypdf` replaced them."""
    for module, name, theirs, ours in _PYPDF_PATCHES:
        if getattr(module, name, None) is ours:
            setattr(module, name, theirs)


patch_pypdf()

_INFO_KEYS = {
    "/Title": "title",
    "/Author": "author",
    "/Subject": "subject",
    "/Keywords": "keywords",
    "/Creator": "creator",
    "/Producer": "producer",
}


# The full form D:YYYYMMDDHHmmSS[+-HHmm], after pypdf's normalisation below.
_FULL_DATE = re.compile(
    r"D:([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})(?:([+-])([0-9]{2})([0-9]{2}))?"
)


def _pdf_date(raw: str | None) -> datetime | None:
    """`pypdf._utils.parse_iso8824_date`, same answers, without its up to seven
    `strptime` attempts for the full form that nearly every producer writes
    (≈ 0.15 ms per date). Anything else, or out of range, goes to pypdf's parser."""
    if not raw:
        return parse_iso8824_date(raw)
    text = "D:" + raw if raw[0].isdigit() else str(raw)
    if text.endswith(("Z", "z")):
        text += "0000"
    text = text.replace("z", "+").replace("Z", "+").replace("'", "")
    i = max(text.find("+"), text.find("-"))
    if i > 0 and i != len(text) - 5:
        text += "00"
    match = _FULL_DATE.fullmatch(text)
    if match is not None:
        year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
        sign, tz_hours, tz_minutes = match.groups()[6:]
        if 1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59 and second <= 59:
            tz: timezone | None = None
            if sign is not None:
                if int(tz_hours) > 23 or int(tz_minutes) > 59:
                    return parse_iso8824_date(raw)
                offset = timedelta(hours=int(tz_hours), minutes=int(tz_minutes))
                tz = timezone(-offset if sign == "-" else offset)
                if text.endswith("+0000"):
                    tz = UTC
            try:
                return datetime(year, month, day, hour, minute, second, tzinfo=tz)
            except ValueError:
                pass  # 31 April: pypdf's parser gives its own answer (an error)
    return parse_iso8824_date(raw)


def _info(reader: PdfReader) -> tuple[dict[str, str], datetime | None, datetime | None]:
    info = reader.metadata
    if info is None:
        return {}, None, None
    found: dict[str, str] = {}
    for key, name in _INFO_KEYS.items():
        raw = info.get(key)
        value = clean(str(raw)) if raw is not None else None
        if value:
            found[name] = value
    dates: list[datetime | None] = []
    for key in ("/CreationDate", "/ModDate"):  # as info.creation_date / .modification_date
        try:
            dates.append(aware(_pdf_date(_text(info.get(key)))))
        except (ValueError, TypeError):
            dates.append(None)
    for key, date in zip(("created", "modified"), dates, strict=True):
        if date is not None:
            found[key] = date.isoformat()
    return found, dates[0], dates[1]


def _text(value: object) -> str | None:
    """`DocumentInformation._get_text`: a text or byte string as str, else None."""
    if isinstance(value, TextStringObject):
        return value
    if isinstance(value, ByteStringObject):
        return str(value)
    return None


_FIELD_LABEL = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,3}")
_MAX_FIELDS = 500


def _form_text(reader: PdfReader) -> str:
    """What was typed into a fillable form: the values live in its fields, not in the page
    text (a declaration filled in and saved in a PDF reader). One line per filled field,
    "Label: value" when the field's name is a word ("Namn"), else the value alone."""
    try:
        fields = reader.get_form_text_fields()
    except Exception:  # a broken form must not cost the page text already read
        return ""
    lines: list[str] = []
    for name, value in list(fields.items())[:_MAX_FIELDS]:
        text = " ".join(str(value or "").split())
        if not text:
            continue
        label = str(name).rsplit(".", 1)[-1].strip()
        lines.append(f"{label}: {text}" if _FIELD_LABEL.fullmatch(label) else text)
    return "\n".join(lines)


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse a PDF with pypdf in non-strict mode (real files are often slightly broken)."""
    if b"%%EOF" not in data[-2048:]:
        raise Refused(UnreadableReason.INCOMPLETE, "no %%EOF trailer")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except (DependencyError, NotImplementedError) as exc:
                    raise Refused(UnreadableReason.ENCRYPTED, "unsupported encryption") from exc
                if not opened:
                    raise Refused(UnreadableReason.ENCRYPTED, "PDF needs a password")
            metadata, created_at, modified_at = _info(reader)
            pieces: list[str] = []
            total = 0
            page_count = len(reader.pages)
            for page in reader.pages:
                text = page.extract_text() or ""
                pieces.append(text)
                total += len(text)
                if total >= limits.max_text_chars:
                    break
            pieces.append(_form_text(reader))
        except FileNotDecryptedError as exc:
            raise Refused(UnreadableReason.ENCRYPTED, "PDF needs a password") from exc
        except Refused:
            raise
        except MemoryError:
            raise
        except (PdfReadError, Exception) as exc:  # pypdf has no single error root for bad files
            raise Refused(UnreadableReason.CORRUPT, f"pdf: {type(exc).__name__}") from exc
    text = "\n".join(pieces)
    return new_parsed(
        text=cap_text(text, limits.max_text_chars),
        title=metadata.get("title"),
        metadata=metadata,
        created_at=created_at,
        modified_at=modified_at,
        page_count=page_count,
        has_text_layer=bool(text.strip()),
    )
