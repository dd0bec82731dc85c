"""Rewire a real OLE file's directory in place, as a hostile or broken writer would leave it.

Outlook writes each storage's children as a balanced red-black tree. These helpers keep
every entry and change only the tree links (left, right, child SIDs) of a file written by
`tests/msg_builder.py`, so the streams stay whole and only the tree's shape is hostile.
"""

from __future__ import annotations

import struct
from pathlib import Path

import olefile

_NOSTREAM = 0xFFFFFFFF
_LINKS = 0x44  # left, right and child SIDs: three little-endian uint32 from here


def _entry_offsets(path: Path) -> tuple[list[int], olefile.OleFileIO]:
    ole = olefile.OleFileIO(str(path))
    size = ole.sectorsize
    chain, sect = [], ole.first_dir_sector
    while sect not in (olefile.ENDOFCHAIN, olefile.FREESECT):
        chain.append(sect)
        sect = ole.fat[sect]
    per = size // 128
    count = len(ole.direntries)
    offsets = [(chain[sid // per] + 1) * size + (sid % per) * 128 for sid in range(count)]
    return offsets, ole


def _link(data: bytearray, offset: int, left: int, right: int, child: int | None = None) -> None:
    struct.pack_into("<II", data, offset + _LINKS, left, right)
    if child is not None:
        struct.pack_into("<I", data, offset + _LINKS + 8, child)


def chain_root(path: Path, *, side: str = "right") -> int:
    """The root storage's children as one chain of right (or left) siblings: a tree as
    deep as the root has children. Returns how many."""
    offsets, ole = _entry_offsets(path)
    kids = [kid.sid for kid in ole.root.kids]
    ole.close()
    data = bytearray(path.read_bytes())
    for n, sid in enumerate(kids):
        following = kids[n + 1] if n + 1 < len(kids) else _NOSTREAM
        if side == "right":
            _link(data, offsets[sid], _NOSTREAM, following)
        else:
            _link(data, offsets[sid], following, _NOSTREAM)
    _link(data, offsets[0], _NOSTREAM, _NOSTREAM, kids[0])
    path.write_bytes(bytes(data))
    return len(kids)


def nest_attachments(path: Path) -> int:
    """Each attachment's storage made the only child of the one before: storages nested
    as deep as the message has attachments (the root keeps its other children, chained).
    Returns the depth."""
    offsets, ole = _entry_offsets(path)
    storages = [k.sid for k in ole.root.kids if k.name.startswith("__attach")]
    others = [k.sid for k in ole.root.kids if not k.name.startswith("__attach")]
    ole.close()
    data = bytearray(path.read_bytes())
    top = [*others, storages[0]]
    for n, sid in enumerate(top):
        _link(data, offsets[sid], _NOSTREAM, top[n + 1] if n + 1 < len(top) else _NOSTREAM)
    for n, sid in enumerate(storages):  # the innermost keeps its own streams
        _link(data, offsets[sid], _NOSTREAM, _NOSTREAM, *storages[n + 1 : n + 2])
    _link(data, offsets[0], _NOSTREAM, _NOSTREAM, top[0])
    path.write_bytes(bytes(data))
    return len(storages)
