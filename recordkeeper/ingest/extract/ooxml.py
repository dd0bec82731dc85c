"""Safe access to OOXML packages (zip + XML) shared by docx, xlsx and pptx.

Zip bombs are refused twice: before reading, from the central directory
(declared sizes, ratios, entry count), and while reading, by streaming each
part with a byte cap so that a lying header cannot push us past the budget.
XML is parsed with lxml and never expands entities, loads a DTD or touches
the network; a part that carries a DOCTYPE is refused outright, since no
legitimate OOXML part has one.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from recordkeeper.ingest.extract.base import Limits, Refused, clean, parse_w3cdtf
from recordkeeper.model import UnreadableReason

MAX_ENTRIES = 20_000
# Small parts compress extremely well (repeated XML); ratios only mean something on big ones.
_RATIO_MIN_BYTES = 1024 * 1024
_CHUNK = 256 * 1024
_KIND_FOLDERS = {"docx": "word", "xlsx": "xl", "pptx": "ppt"}

NS_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_DCTERMS = "http://purl.org/dc/terms/"
NS_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


class Entry(NamedTuple):
    """The central-directory fields of one zip entry that reading a part needs."""

    filename: str
    flag_bits: int
    compress_type: int
    CRC: int  # zipfile.ZipInfo's name
    compress_size: int
    file_size: int
    header_offset: int


_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
# zipfile.structCentralDir ("<4s4B4HL2L5H2L") with the fields not read skipped as pad
# bytes: magic, extract version, flag bits, compression, CRC, compressed and file
# size, name, extra and comment lengths, local header offset.
_CENTRAL = struct.Struct("<4s2xB1xHH4xLLLHHH8xL")
_new_entry = functools.partial(tuple.__new__, Entry)  # Entry(...) without its Python __new__
_CENTRAL_MAGIC = b"PK\x01\x02"
_EXTRA_HEADER = struct.Struct("<HH")


def central_directory(data: bytes) -> list[Entry] | None:
    """The entries of a plain zip, read as `zipfile.ZipFile(...).infolist()` reads them,
    without building a ZipInfo per entry; None for anything but the plain case (an
    archive comment, zip64, multiple disks, a damaged directory, a newer version):
    those are left to zipfile, which then gives its own answer or error.

    The plain case is what Office and every library write: the end record last,
    the central directory right before it.
    """
    size = len(data)
    if size < 42 or data[-22:-18] != _EOCD or data[-2:] != b"\0\0":
        return None
    if data[-42:-38] == _ZIP64_LOCATOR:
        return None
    disk, _, _, _, cd_size, cd_offset = struct.unpack_from("<4H2L", data, size - 18)
    start = size - 22 - cd_size  # zipfile's start_dir: offset_cd + concat
    if disk != 0 or start < 0:
        return None
    concat = start - cd_offset
    entries: list[Entry] = []
    position, end = start, size - 22
    unpack = _CENTRAL.unpack_from
    newest = zipfile.MAX_EXTRACT_VERSION
    while position < end:
        if position + 46 > end:
            return None
        (
            magic,
            version,
            flags,
            method,
            crc,
            packed,
            unpacked,
            name_len,
            extra_len,
            comment_len,
            offset,
        ) = unpack(data, position)
        if magic != _CENTRAL_MAGIC or version > newest:
            return None
        name_end = position + 46 + name_len
        extra_end = name_end + extra_len
        next_entry = extra_end + comment_len
        if next_entry > end:
            return None
        raw_name = data[position + 46 : name_end]
        if raw_name.isascii():  # cp437 and UTF-8 agree on ASCII; the ascii codec is C
            name = raw_name.decode("ascii")
        else:
            try:
                name = raw_name.decode("utf-8") if flags & 0x800 else raw_name.decode("cp437")
            except UnicodeDecodeError:
                return None
        extra = name_end
        while extra_end - extra >= 4:  # ZipInfo._decodeExtra: only zip64 changes a field
            kind, length = _EXTRA_HEADER.unpack_from(data, extra)
            if kind == 0x0001 or extra + 4 + length > extra_end:
                return None
            extra += 4 + length
        if "\0" in name:
            name = name[: name.find("\0")]
        entries.append(_new_entry((name, flags, method, crc, packed, unpacked, offset + concat)))
        position = next_entry
    return entries


_BANGS_MAX = 64


def has_markup(raw: bytes) -> bool:
    """`b"<!" in raw`, found from the "!" (memchr, rare in OOXML parts) instead of from
    every "<" (a bytes search checks each one: ~1 us per KB of XML); a part with many
    "!" (formulas naming other sheets) is left to the plain search."""
    bang = raw.find(b"!")
    for _ in range(_BANGS_MAX):
        if bang == -1:
            return False
        if bang and raw[bang - 1] == 0x3C:  # "<"
            return True
        bang = raw.find(b"!", bang + 1)
    # every "!" before this one was checked: a "<!" can only start from its "<" on
    return bang != -1 and raw.find(b"<!", bang - 1) != -1


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one XML part; refuse DTDs/entities, map syntax errors to CORRUPT."""
    head = data[:2]
    probe = (
        data.decode("utf-16", "replace").encode() if head in (b"\xff\xfe", b"\xfe\xff") else data
    )
    # both declarations start with "<!": without one (nearly every part) neither is searched
    if has_markup(probe) and (b"<!DOCTYPE" in probe or b"<!ENTITY" in probe):
        raise Refused(UnreadableReason.XML_ENTITIES, f"DOCTYPE in {part}")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if "XML_PARSE_HUGE" in str(exc):  # libxml2's limits (huge_tree=False): not damage
            detail = f"XML nesting or text past the parser's limits in {part}"
            raise Refused(UnreadableReason.TOO_LARGE, detail) from exc
        raise Refused(UnreadableReason.CORRUPT, f"XML syntax error in {part}") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise Refused(UnreadableReason.XML_ENTITIES, f"DOCTYPE in {part}")
    return root


class Package:
    """A zip opened for reading under the limits; every read is budgeted."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        self._limits = limits
        self._data = data
        self._zip: zipfile.ZipFile | None = None
        infos: list[Entry] | list[zipfile.ZipInfo] | None = central_directory(data)
        if infos is None:
            infos = self._open_zip().infolist()
        if len(infos) > MAX_ENTRIES:
            raise Refused(UnreadableReason.ZIP_BOMB, f"{len(infos)} zip entries")
        self._infos = {info.filename: info for info in infos}
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_uncompressed_bytes:
            raise Refused(UnreadableReason.ZIP_BOMB, f"declared {declared} bytes uncompressed")
        for info in infos:
            if info.flag_bits & 0x1:
                raise Refused(UnreadableReason.ENCRYPTED, "encrypted zip entry")
            if info.file_size >= _RATIO_MIN_BYTES:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_compression_ratio:
                    raise Refused(UnreadableReason.ZIP_BOMB, f"compression ratio {ratio:.0f}")
        self._budget = limits.max_uncompressed_bytes

    def _open_zip(self) -> zipfile.ZipFile:
        """zipfile's reader (for what `central_directory` leaves to it, and for
        compression methods other than stored and deflated)."""
        if self._zip is None:
            try:
                self._zip = zipfile.ZipFile(io.BytesIO(self._data))
            except zipfile.BadZipFile as exc:
                reason = (
                    UnreadableReason.INCOMPLETE
                    if self._data.startswith(b"PK\x03\x04")
                    else UnreadableReason.CORRUPT
                )
                raise Refused(reason, "no zip central directory") from exc
            except NotImplementedError as exc:  # "zip file version 11.2": a version > 6.3
                raise Refused(UnreadableReason.CORRUPT, "unknown zip version") from exc
            except UnicodeDecodeError as exc:  # a name flagged UTF-8 that is not UTF-8
                raise Refused(UnreadableReason.CORRUPT, "zip entry name not UTF-8") from exc
        return self._zip

    def require(self, kind: str) -> None:
        """Refuse a package of another OOXML kind (a .xlsx renamed .docx)."""
        wanted = _KIND_FOLDERS[kind]
        prefix = wanted + "/"
        # the usual case, found among the first names without splitting every name
        if any(name.startswith(prefix) or name == wanted for name in self._infos):
            return
        folders = {name.split("/", 1)[0] for name in self._infos}
        for other, folder in _KIND_FOLDERS.items():
            if folder in folders:
                raise Refused(UnreadableReason.WRONG_EXTENSION, f"content {other}")
        raise Refused(UnreadableReason.CORRUPT, f"zip without {kind} parts")

    @property
    def names(self) -> Iterable[str]:
        return self._infos.keys()

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """Read a part, capped at its declared size and the package budget.

        Stored and deflated parts (all that Office writes) are inflated here in
        one call with a maximum output length: more output than declared is a
        bomb (a lying header), less is corruption, and the CRC is checked.
        """
        info = self._infos.get(name)
        if info is None:
            raise Refused(UnreadableReason.CORRUPT, f"missing part {name}")
        cap = min(info.file_size, self._budget)
        if info.file_size >= _RATIO_MIN_BYTES:
            cap = min(cap, int(max(info.compress_size, 1) * self._limits.max_compression_ratio))
        if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            data = self._inflate(info, cap)
        else:
            data = self._stream(info, cap)
        self._budget -= len(data)
        return data

    def _inflate(self, info: Entry | zipfile.ZipInfo, cap: int) -> bytes:
        name = info.filename
        header = self._data[info.header_offset : info.header_offset + 30]
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise Refused(UnreadableReason.CORRUPT, f"bad local header for {name}")
        start = (
            info.header_offset
            + 30
            + int.from_bytes(header[26:28], "little")
            + int.from_bytes(header[28:30], "little")
        )
        raw = self._data[start : start + info.compress_size]
        if len(raw) < info.compress_size:
            raise Refused(UnreadableReason.INCOMPLETE, f"part {name} is cut short")
        if info.compress_type == zipfile.ZIP_STORED:
            data = raw
        else:
            try:
                data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, cap + 1)
            except zlib.error as exc:
                raise Refused(UnreadableReason.CORRUPT, f"bad deflate data in {name}") from exc
        if len(data) > cap:
            raise Refused(UnreadableReason.ZIP_BOMB, f"part {name} exceeds its size")
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            raise Refused(UnreadableReason.CORRUPT, f"bad size or CRC in {name}")
        return data

    def _stream(self, info: Entry | zipfile.ZipInfo, cap: int) -> bytes:
        """Other compression methods: zipfile's reader, streamed with the byte cap."""
        name = info.filename
        chunks: list[bytes] = []
        total = 0
        try:
            with self._open_zip().open(name) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > cap:
                        raise Refused(UnreadableReason.ZIP_BOMB, f"part {name} exceeds its cap")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise Refused(UnreadableReason.CORRUPT, f"unreadable part {name}") from exc
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), name)

    def main_part(self, default: str) -> str:
        """The officeDocument target from _rels/.rels (falls back to the usual name)."""
        if self.has(default):
            return default
        if self.has("_rels/.rels"):
            for rel in self.xml("_rels/.rels").iter(f"{{{NS_REL}}}Relationship"):
                if rel.get("Type") == REL_OFFICE_DOCUMENT:
                    target = (rel.get("Target") or "").lstrip("/")
                    if self.has(target):
                        return target
        raise Refused(UnreadableReason.CORRUPT, "no main document part")


def core_properties(package: Package) -> dict[str, str]:
    """docProps/core.xml and app.xml as plain strings (dates as ISO 8601)."""
    found: dict[str, str] = {}
    if package.has("docProps/core.xml"):
        root = package.xml("docProps/core.xml")
        # The first child with each tag, as root.find(tag) gives, in one pass in C.
        first: dict[object, etree._Element] = {}
        for child in root.iterchildren():
            first.setdefault(child.tag, child)
        for key, tag in (
            ("title", f"{{{NS_DC}}}title"),
            ("author", f"{{{NS_DC}}}creator"),
            ("last_modified_by", f"{{{NS_CP}}}lastModifiedBy"),
            ("subject", f"{{{NS_DC}}}subject"),
            ("keywords", f"{{{NS_CP}}}keywords"),
            ("category", f"{{{NS_CP}}}category"),
            ("description", f"{{{NS_DC}}}description"),
            # Word's and Excel's "Status" field ("Utkast", "Draft", "Final")
            ("content_status", f"{{{NS_CP}}}contentStatus"),
            ("created", f"{{{NS_DCTERMS}}}created"),
            ("modified", f"{{{NS_DCTERMS}}}modified"),
        ):
            element = first.get(tag)
            value = clean(element.text) if element is not None else None
            if value:
                found[key] = value
        for key in ("created", "modified"):
            if key in found:
                parsed = parse_w3cdtf(found[key])
                if parsed is None:
                    del found[key]
                else:
                    found[key] = parsed.isoformat()
    if package.has("docProps/app.xml"):
        root = package.xml("docProps/app.xml")
        for key, tag in (("template", "Template"), ("application", "Application")):
            element = next(root.iterchildren(f"{{{NS_EP}}}{tag}"), None)
            value = clean(element.text) if element is not None else None
            if value:
                found[key] = value
    return found
