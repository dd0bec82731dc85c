"""Content sniffing: what a file's first bytes say it is, whatever its name says."""

from __future__ import annotations

import io
import zipfile

import olefile

from recordkeeper.ingest.extract import ole

ole.install()  # olefile's directory lookups made linear (a hostile OLE named .docx)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"PK\x07\x08", "zip"),
    (OLE_MAGIC, "ole"),
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!", "rar"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
    (b"PK", "zip_fragment"),
)
_CONTROL = bytes([*range(9), *range(14, 32)])


# Containers whose signature at the very start outranks a "%PDF-" further on: an Outlook
# message or an Office file whose first sectors hold a small attached or embedded PDF
# (a .msg "Se bifogad fil." with the PDF attached) is that container, not a PDF.
_CONTAINERS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08", OLE_MAGIC)


def sniff(data: bytes) -> str:
    """A content kind: pdf, zip, ole, a known binary type, "text" or "binary"."""
    if b"%PDF-" in data[:1024] and not data.startswith(_CONTAINERS):
        return "pdf"
    for magic, kind in _MAGICS:
        if data.startswith(magic):
            return kind
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "text"
    controls = len(head) - len(head.translate(None, _CONTROL))  # counted at C speed
    return "text" if controls <= len(head) // 100 else "binary"


def ooxml_kind(data: bytes) -> str | None:
    """docx, xlsx or pptx from the part names of a zip (None when it is none of them)."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError):  # zip version > 6.3
        return None
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    return None


def ole_is_encrypted_ooxml(data: bytes) -> bool:
    """An Office document encrypted with a password: an OLE file with EncryptionInfo."""
    try:
        with olefile.OleFileIO(data) as container:
            return bool(container.exists("EncryptionInfo") and container.exists("EncryptedPackage"))
    except (OSError, ValueError, IndexError, TypeError, ole.OleTooManyEntries):
        return False
