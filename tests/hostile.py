"""Builders for hostile and broken files: each writes one file and returns its path.

They start from real documents made by `recordkeeper.samples.builders` and
break them the way real shares and attackers do.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import msoffcrypto.format.ooxml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from recordkeeper.samples.builders import make_docx, make_pdf

BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE doc [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>
"""

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_bytes(tmp: Path) -> bytes:
    return make_docx(tmp, title="Jävsdeklaration", paragraphs=["Underlag"]).read_bytes()


def replace_part(source: Path, path: Path, part: str, content: bytes) -> Path:
    """Copy an OOXML package, replacing (or adding) one part."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != part:
                new.writestr(info, old.read(info))
        new.writestr(part, content)
    return path


def docx_with_document_xml(path: Path, xml: bytes) -> Path:
    """A docx whose body part is the given XML (entities, DTDs, huge bodies)."""
    source = make_docx(path.with_suffix(".src.docx"), paragraphs=["x"])
    replace_part(source, path, "word/document.xml", xml)
    source.unlink()
    return path


def billion_laughs_docx(path: Path) -> Path:
    return docx_with_document_xml(path, BILLION_LAUGHS)


def external_entity_docx(path: Path) -> Path:
    return docx_with_document_xml(path, EXTERNAL_ENTITY)


def encrypted_docx(path: Path, password: str = "hemligt") -> Path:
    """A password-protected Word file: an OLE container holding EncryptionInfo."""
    plain = make_docx(path.with_suffix(".plain.docx"), title="Avtal", paragraphs=["Ersättning"])
    with plain.open("rb") as source, path.open("wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt(password, target)
    plain.unlink()
    return path


def encrypted_pdf(path: Path, password: str = "hemligt") -> Path:
    """A PDF that needs a user password to open."""
    plain = make_pdf(path.with_suffix(".plain.pdf"), ["Hemlig rad"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="AES-256")
    with path.open("wb") as target:
        writer.write(target)
    plain.unlink()
    return path


def owner_only_pdf(path: Path) -> Path:
    """A PDF encrypted with an empty user password: opens in every viewer."""
    plain = make_pdf(path.with_suffix(".plain.pdf"), ["Öppen rad"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="agare", algorithm="AES-128")
    with path.open("wb") as target:
        writer.write(target)
    plain.unlink()
    return path


def truncated(source: Path, path: Path, keep: float = 0.5) -> Path:
    """The first part of a file, as left by an interrupted copy."""
    data = source.read_bytes()
    path.write_bytes(data[: max(1, int(len(data) * keep))])
    return path


def ratio_bomb_docx(path: Path, inflated_bytes: int = 8 * 1024 * 1024) -> Path:
    """A small docx whose body inflates to many MB of nothing (huge ratio)."""
    body = (
        f'<w:document xmlns:w="{WORD_NS}"><w:body><w:p><w:r><w:t>'.encode()
        + b" " * inflated_bytes
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx_with_document_xml(path, body)


def declared_size_bomb(path: Path, declared_bytes: int) -> Path:
    """A docx whose central directory claims a part larger than any budget."""
    source = make_docx(path.with_suffix(".src.docx"), paragraphs=["x"])
    data = bytearray(source.read_bytes())
    source.unlink()
    # Patch the uncompressed size of the first central-directory entry.
    offset = data.rfind(b"PK\x05\x06")
    central = int.from_bytes(data[offset + 16 : offset + 20], "little")
    assert data[central : central + 4] == b"PK\x01\x02"
    data[central + 24 : central + 28] = min(declared_bytes, 0xFFFFFFFE).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def lying_header_docx(path: Path, actual_bytes: int = 4 * 1024 * 1024) -> Path:
    """A docx whose body declares a small size but inflates to much more."""
    big = ratio_bomb_docx(path.with_suffix(".big.docx"), actual_bytes)
    data = bytearray(big.read_bytes())
    big.unlink()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
        local = info.header_offset
    # Local header and central directory both say 1,000 bytes.
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")
    position = data.rfind(b"PK\x05\x06")
    central = int.from_bytes(data[position + 16 : position + 20], "little")
    while data[central : central + 4] == b"PK\x01\x02":
        name_len = int.from_bytes(data[central + 28 : central + 30], "little")
        extra_len = int.from_bytes(data[central + 30 : central + 32], "little")
        comment_len = int.from_bytes(data[central + 32 : central + 34], "little")
        name = bytes(data[central + 46 : central + 46 + name_len])
        if name == b"word/document.xml":
            data[central + 24 : central + 28] = (1000).to_bytes(4, "little")
        central += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))
    return path


def zero_bytes(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def garbage(path: Path, size: int = 4096, seed: int = 7) -> Path:
    """Random bytes (no known signature)."""
    import random

    data = bytearray(random.Random(seed).randbytes(size))
    data[:4] = b"\x13\x37\x00\x01"
    path.write_bytes(bytes(data))
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def huge_valid_docx(path: Path, paragraphs: int = 60_000, seed: int = 3) -> Path:
    """A valid docx that takes long to parse (for timeout tests): varied text, normal ratio."""
    import random

    rng = random.Random(seed)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyzåäö") for _ in range(rng.randint(2, 12)))
        for _ in range(5000)
    ]
    runs = "".join(
        f"<w:p><w:r><w:t>{' '.join(rng.choices(words, k=12))}</w:t></w:r></w:p>"
        for _ in range(paragraphs)
    )
    xml = f'<w:document xmlns:w="{WORD_NS}"><w:body>{runs}</w:body></w:document>'.encode()
    return docx_with_document_xml(path, xml)


def lone_surrogate_pdf(path: Path) -> Path:
    """A PDF whose font maps glyph "A" to a lone UTF-16 surrogate (U+D800) in its
    ToUnicode CMap, as broken font subsets do; pypdf decodes such maps with
    "surrogatepass", so "ABAB" reads back as "\\ud800B\\ud800B"."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    cmap = DecodedStreamObject()
    cmap.set_data(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /X def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfchar <41> <D800> <42> <0042> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/ToUnicode"): writer._add_object(cmap),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 10 100 Td (ABAB) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    with path.open("wb") as target:
        writer.write(target)
    return path


def newer_zip_version_docx(path: Path) -> Path:
    """A Word file whose central directory says each entry needs zip version 11.2 (the
    newest there is, 6.3, is what zipfile reads): zipfile raises NotImplementedError."""
    data = bytearray(_docx_bytes(path))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6] = 112  # version needed to extract
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def bad_utf8_name_docx(path: Path) -> Path:
    """A Word file with one more entry whose name is flagged UTF-8 (general purpose bit 11)
    but is not UTF-8 (Latin-1 "Ö"): zipfile raises UnicodeDecodeError reading the directory."""
    data = io.BytesIO(_docx_bytes(path))
    with zipfile.ZipFile(data, "a") as archive:
        archive.writestr("word/media/Bild.png", b"\x89PNG")
    # the name is written twice (local header, central directory): Latin-1 in both
    raw = data.getvalue().replace(b"word/media/Bild.png", b"word/media/Bil\xd6.png")
    at = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"word/media/Bil"))
    flags = int.from_bytes(raw[at + 8 : at + 10], "little") | 0x800
    path.write_bytes(raw[: at + 8] + flags.to_bytes(2, "little") + raw[at + 10 :])
    return path
