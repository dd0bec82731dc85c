"""EDGE: one module per format turns a file into DocumentFacts or Unreadable.

Contract (every extractor and `extract_file` SHALL keep it):
- never raise for bad input: return `Unreadable(reason)` with a stable reason code;
- never follow links, never resolve XML entities or external references;
- never put document content or names into `Unreadable.detail`.
`extract_file` runs in-process; `recordkeeper.ingest.pool` runs it in worker
processes with a timeout and a memory cap. The parsers (`parsers`) are imported
on first use, not with this package: the daemon parent imports this package
but never parses, and the parsing libraries cost ~40 MB of memory.

Dispatch is by extension AND content: the extension says what the file claims
to be, the first bytes say what it is. A mismatch is `wrong_extension`; an
Office file that is an OLE container with `EncryptionInfo` is `encrypted`.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
import stat
from pathlib import Path

import structlog

from recordkeeper.ingest.extract.base import Limits, Parsed, Refused, paired_surrogates
from recordkeeper.ingest.extract.sniff import ole_is_encrypted_ooxml, ooxml_kind, sniff
from recordkeeper.model import (
    UNREADABLE_PARTS,
    ExtractionResult,
    Unreadable,
    UnreadableReason,
    new_facts,
)

__all__ = ["FORMATS", "Limits", "extract_bytes", "extract_file", "kind_for_name"]

log = structlog.get_logger(__name__)

FORMATS: dict[str, str] = {
    **dict.fromkeys((".docx", ".dotx", ".docm", ".dotm"), "docx"),
    **dict.fromkeys((".xlsx", ".xlsm", ".xltx", ".xltm"), "xlsx"),
    **dict.fromkeys((".pptx", ".pptm", ".potx", ".potm", ".ppsx"), "pptx"),
    ".pdf": "pdf",
    ".odt": "odt",
    ".rtf": "rtf",
    ".eml": "eml",
    ".msg": "msg",
    **dict.fromkeys((".txt", ".md", ".markdown", ".csv", ".tsv"), "text"),
}


# The content kind each format must have; eml and text are checked by their extractor.
_EXPECTED = {
    "docx": "zip",
    "xlsx": "zip",
    "pptx": "zip",
    "odt": "zip",
    "pdf": "pdf",
    "msg": "ole",
    "rtf": "rtf",
}
_OPEN_ERRORS = {
    errno.ENOENT: UnreadableReason.VANISHED,
    errno.ENOTDIR: UnreadableReason.VANISHED,
    errno.EACCES: UnreadableReason.PERMISSION_DENIED,
    errno.EPERM: UnreadableReason.PERMISSION_DENIED,
    errno.ELOOP: UnreadableReason.LINK_LOOP,
    errno.ENAMETOOLONG: UnreadableReason.BAD_NAME,
    errno.EISDIR: UnreadableReason.SPECIAL_FILE,
}


def kind_for_name(name: str) -> str | None:
    """The format a file name claims (None: not a format we extract)."""
    dot = name.rfind(".")
    return FORMATS.get(name[dot:].lower()) if dot > 0 else None


def _read(path: Path, limits: Limits) -> bytes:
    """Read a regular file without blocking on FIFOs/devices and without exceeding the cap."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise Refused(UnreadableReason.SPECIAL_FILE, "not a regular file")
        if info.st_size > limits.max_file_bytes:
            raise Refused(UnreadableReason.TOO_LARGE, f"{info.st_size} bytes")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason = _OPEN_ERRORS.get(exc.errno or 0, UnreadableReason.INTERNAL)
        raise Refused(reason, f"open: errno {exc.errno}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise Refused(UnreadableReason.SPECIAL_FILE, "not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            # Read what stat announced (+1 to notice growth): never allocate the whole cap.
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += stream.read(limits.max_file_bytes + 1 - len(data))
    except OSError as exc:
        raise Refused(UnreadableReason.INTERNAL, f"read: errno {exc.errno}") from exc
    finally:
        os.close(fd)
    if len(data) > limits.max_file_bytes:
        raise Refused(UnreadableReason.TOO_LARGE, "grew past the limit while read")
    return data


def _starts_pdf(data: bytes) -> bool:
    """Whether a file begins as a PDF: its first line is `%PDF-` (after blanks). Sniffing
    finds `%PDF-` anywhere in the first 1,024 bytes, as readers accept junk before it;
    a mail or a note naming it in its subject or first lines is no PDF."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def _choose(name: str, data: bytes) -> str:
    """The format to parse as, or Refused when name and content disagree."""
    claimed = kind_for_name(name)
    content = sniff(data)
    if claimed is None:
        if content == "pdf":
            return "pdf"
        if content == "zip" and (kind := ooxml_kind(data)):
            return kind
        raise Refused(UnreadableReason.UNSUPPORTED, f"content {content}")
    expected = _EXPECTED.get(claimed)
    if expected is None:  # eml, text: anything but a known binary container
        if content in ("text", "binary") or (content == "pdf" and not _starts_pdf(data)):
            return claimed
        raise Refused(UnreadableReason.WRONG_EXTENSION, f"content {content}")
    if content == expected:  # an OOXML package of another kind is caught by its extractor
        return claimed
    if content == "ole" and expected == "zip" and ole_is_encrypted_ooxml(data):
        raise Refused(UnreadableReason.ENCRYPTED, "OLE container with EncryptionInfo")
    if content == "zip_fragment" and expected == "zip":
        raise Refused(UnreadableReason.INCOMPLETE, "truncated zip header")
    if content == "binary":
        raise Refused(UnreadableReason.CORRUPT, f"no {expected} signature")
    raise Refused(UnreadableReason.WRONG_EXTENSION, f"content {content}")


# Kinds whose text comes through a decoder the file chooses (a mail's charset such as
# UTF-7, a PDF font's ToUnicode map, which pypdf decodes with "surrogatepass"), which
# can give a lone UTF-16 surrogate, or that may hold a NUL character (an Outlook
# property, a PDF string, RTF's \'00, a mail's or a text file's bytes past the part
# sniffed). XML (lxml) never holds either; rtf.py joins its own surrogates.
_MAY_HOLD_UNSTORABLE = frozenset({"pdf", "eml", "msg", "text", "rtf"})


def _has_surrogate(value: str) -> bool:
    if value.isascii():  # O(1): a flag of the string
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _unstorable(value: str) -> bool:
    return "\x00" in value or _has_surrogate(value)


def _storable_text(value: str) -> str:
    return paired_surrogates(value).replace("\x00", " ")


def _storable_parsed(parsed: Parsed) -> Parsed:
    """`parsed` with every string valid Unicode and without NUL: a lone surrogate cannot
    be encoded as UTF-8, so such facts could not be stored (codec) nor a name in them
    sealed in the vault: the file was lost to an internal error on every pass. A NUL
    (here a space) cannot be stored in a PostgreSQL text column: a sender "Anna\0Berg"
    of a .msg left its registration prompt failing (DataError) on every pass."""
    email = parsed.email
    strings = [parsed.text, parsed.title or "", *parsed.headings]
    strings += [*parsed.metadata.keys(), *parsed.metadata.values()]
    if email is not None:
        strings += [email.sender or "", email.subject or "", *email.recipients, *email.cc]
        strings += email.attachment_names
    if not any(_unstorable(value) for value in strings):
        return parsed

    def fixed(value: str | None) -> str | None:
        return None if value is None else _storable_text(value)

    if email is not None:
        email = dataclasses.replace(
            email,
            sender=fixed(email.sender),
            recipients=tuple(map(_storable_text, email.recipients)),
            cc=tuple(map(_storable_text, email.cc)),
            subject=fixed(email.subject),
            attachment_names=tuple(map(_storable_text, email.attachment_names)),
        )
    return dataclasses.replace(
        parsed,
        text=_storable_text(parsed.text),
        title=fixed(parsed.title),
        headings=tuple(map(_storable_text, parsed.headings)),
        metadata={
            _storable_text(key): _storable_text(value) for key, value in parsed.metadata.items()
        },
        email=email,
    )


def _parse(kind: str, rel_path: str, data: bytes, limits: Limits) -> Parsed:
    # Imported here, not at the top: see the module docstring (a no-op after the first file).
    from recordkeeper.ingest.extract import parsers

    if rel_path.lower().endswith((".md", ".markdown")):
        return parsers.extract_markdown(data, limits)
    return parsers.EXTRACTORS[kind](data, limits)


def extract_bytes(
    data: bytes,
    rel_path: str,
    limits: Limits,
    project: str | None = None,
    sha256: str | None = None,
) -> ExtractionResult:
    """Extract from bytes already read (the caller checked the size limit); `sha256`
    is their hash when the caller has computed it already."""
    digest = sha256 or hashlib.sha256(data).hexdigest()
    size = len(data)
    if not data:
        return Unreadable(rel_path, UnreadableReason.EMPTY, size=0, sha256=digest)
    try:
        kind = _choose(rel_path.rsplit("/", 1)[-1], data)
        parsed = _parse(kind, rel_path, data, limits)
        if kind in _MAY_HOLD_UNSTORABLE:
            parsed = _storable_parsed(parsed)
    except Refused as refused:
        return Unreadable(rel_path, refused.reason, refused.detail, size=size, sha256=digest)
    except MemoryError:
        return Unreadable(rel_path, UnreadableReason.MEMORY, "out of memory", size, digest)
    except RecursionError:
        return Unreadable(rel_path, UnreadableReason.CORRUPT, "nesting too deep", size, digest)
    except Exception as exc:  # the contract: bad input never raises out of here
        where = exc.__traceback__
        while where is not None and where.tb_next is not None:
            where = where.tb_next
        detail = type(exc).__name__
        if where is not None:
            module = where.tb_frame.f_code.co_filename.rsplit("/", 1)[-1]
            detail = f"{detail} at {module}:{where.tb_lineno}"
        log.warning("extract_failed", sha256=digest, error=detail)
        return Unreadable(rel_path, UnreadableReason.INTERNAL, detail, size=size, sha256=digest)
    if UNREADABLE_PARTS in parsed.metadata:  # read, but not all of it (a carried mail)
        log.warning("extract_part_unreadable", sha256=digest, kind=kind,
                    parts=parsed.metadata[UNREADABLE_PARTS])  # fmt: skip
    return new_facts(  # DocumentFacts's fields in their order (see `model.new_facts`)
        rel_path,
        size,
        digest,
        kind,
        parsed.text,
        parsed.title,
        parsed.headings,
        parsed.metadata,
        parsed.modified_at,
        parsed.created_at,
        parsed.page_count,
        parsed.has_text_layer,
        parsed.has_comments,
        parsed.has_tracked_changes,
        parsed.email,
        project,
    )


def extract_file(
    path: Path, rel_path: str, limits: Limits, project: str | None = None
) -> ExtractionResult:
    """Read and extract one file; never raises for anything the file contains.

    Args:
        path: where to read the file now.
        rel_path: POSIX path relative to the watched root, stored in the result.
        limits: size, ratio and text caps.
        project: the project folder the file belongs to, if any.
    """
    try:
        data = _read(path, limits)
    except Refused as refused:
        return Unreadable(rel_path, refused.reason, refused.detail)
    except MemoryError:
        return Unreadable(rel_path, UnreadableReason.MEMORY, "out of memory while reading")
    return extract_bytes(data, rel_path, limits, project)
