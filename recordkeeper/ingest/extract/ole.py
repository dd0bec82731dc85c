"""olefile's and extract-msg's directory lookups made linear; a cap on directory entries.

olefile 0.47 keeps the streams it has seen in a list (`_check_duplicate_stream`: each
new entry is compared with every earlier one) and finds a stream by comparing its name
with every sibling (`_find`). An Outlook message holds about 10 directory entries per
attachment, so one with 10,000 attachments (100,000 entries) took minutes and ended as
`timeout`, its body and headers lost. `install()` replaces those two methods by ones that
give the same answers from a set and from the `kids_dict` olefile already builds (a name
that occurs twice in a storage is refused by olefile itself while the directory loads).

A directory of more than `MAX_DIRECTORY_ENTRIES` entries is refused while it loads
(`OleTooManyEntries`, recorded `too_many_parts`), before an entry is parsed: a file of
200 MB can declare 1.6 million entries, whose objects alone would pass the worker's
memory cap.

extract-msg 0.57 does the same one level up (`install_extract_msg`): `MSGFile.exists`
searches a tuple of every path, `attachments` de-duplicates its folders in a list, and
`listDir` of a mail carried inside another lists the whole file and filters it, once per
carried mail (200 carried mails: 5 s; 1,000: 290 s). The replacements search a set, a
dict, and list only the carried mail's own storage, in the same order.

The replacements are installed only on the versions they were written against; another
version keeps its own methods (correct, only slow), which the tests of a message with
10,000 attachments and of one carrying 1,000 mails then show.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import olefile

# An Outlook message takes about 10 entries per attachment: 150,000 is 15,000 attachments
# (10,000 take 4-7 s and 350 MB to read). Past it a file's directory objects alone would
# approach the worker's memory cap and its time the timeout.
MAX_DIRECTORY_ENTRIES = 150_000
_DIRENTRY_SIZE = 128
_VERSIONS = frozenset({"0.47"})
_NOT_STREAMS = (olefile.DIFSECT, olefile.FATSECT, olefile.ENDOFCHAIN, olefile.FREESECT)


class OleTooManyEntries(Exception):
    """The OLE directory declares more than `MAX_DIRECTORY_ENTRIES` entries."""

    def __init__(self, entries: int) -> None:
        super().__init__(f"{entries} directory entries")
        self.entries = entries


def _check_duplicate_stream(self: Any, first_sect: int, minifat: bool = False) -> None:
    """olefile's check that no two streams start at the same sector, with a set."""
    if minifat:
        used = self.__dict__.setdefault("_rk_used_minifat", set())
    else:
        if first_sect in _NOT_STREAMS:
            return
        used = self.__dict__.setdefault("_rk_used_fat", set())
    if first_sect in used:
        self._raise_defect(olefile.DEFECT_INCORRECT, "Stream referenced twice")
    else:
        used.add(first_sect)


def _find(self: Any, filename: str | list[str]) -> int:
    """olefile's lookup of a path (case-insensitive), through each storage's kids_dict."""
    if isinstance(filename, str):
        filename = filename.split("/")
    node = self.root
    for name in filename:
        kid = node.kids_dict.get(name.lower())
        if kid is None:
            raise OSError("file not found")
        node = kid
    return int(node.sid)


def _loaddirectory(self: Any, sect: int) -> None:
    """olefile's `loaddirectory`, refusing a directory of more than the cap first, and
    building the tree without recursion (`_build_storage_tree`)."""
    self.directory_fp = self._open(sect, force_FAT=True)
    max_entries = self.directory_fp.size // _DIRENTRY_SIZE
    if max_entries > MAX_DIRECTORY_ENTRIES:
        raise OleTooManyEntries(max_entries)
    self.direntries = [None] * max_entries
    self._load_direntry(0)
    self.root = self.direntries[0]
    _build_storage_tree(self.root)


_Walk = Iterator[tuple[Any, int]]


def _append_kids(storage: Any, child_sid: int) -> _Walk:
    """olefile's `append_kids` and the `build_storage_tree` it ends with, step by step:
    each recursive call of the original is yielded as (storage, sid) for `_build_storage_tree`
    to walk, so the entries are visited, checked and appended in the original's order."""
    ole = storage.olefile
    if child_sid < 0 or child_sid >= len(ole.direntries):
        ole._raise_defect(olefile.DEFECT_INCORRECT, "OLE DirEntry index out of range")
        return
    child = ole._load_direntry(child_sid)
    if child.used:
        ole._raise_defect(olefile.DEFECT_INCORRECT, "OLE Entry referenced more than once")
        return
    child.used = True
    if child.sid_left != olefile.NOSTREAM:
        yield storage, child.sid_left
    name_lower = child.name.lower()
    if name_lower in storage.kids_dict:
        ole._raise_defect(olefile.DEFECT_INCORRECT, "Duplicate filename in OLE storage")
    storage.kids.append(child)
    storage.kids_dict[name_lower] = child
    if child.sid_right != olefile.NOSTREAM:
        yield storage, child.sid_right
    if child.sid_child != olefile.NOSTREAM:  # the kid's own build_storage_tree
        yield child, child.sid_child
        child.kids.sort()


def _build_storage_tree(root: Any) -> None:
    """olefile's `root.build_storage_tree()` without recursion. The original recurses once
    per sibling along a chain and once per nested storage: Outlook writes balanced trees,
    but a directory whose root holds 2,000 entries chained as right siblings raised
    RecursionError (recorded `corrupt`). The walk keeps its own stack (one generator per
    entry on the path, at most `MAX_DIRECTORY_ENTRIES`)."""
    if root.sid_child == olefile.NOSTREAM:
        return
    stack = [_append_kids(root, root.sid_child)]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
        else:
            stack.append(_append_kids(*step))
    root.kids.sort()


def _list(
    self: Any,
    files: list[list[str]],
    prefix: list[str],
    node: Any,
    streams: bool = True,
    storages: bool = False,
) -> None:
    """olefile's `_list` (`listdir`'s walk) without recursion: the same paths in the same
    order, however deep the storages nest."""
    stack = [([*prefix, node.name], iter(node.kids))]
    while stack:
        path, kids = stack[-1]
        entry = next(kids, None)
        if entry is None:
            stack.pop()
        elif entry.entry_type == olefile.STGTY_STORAGE:
            if storages:
                files.append([*path[1:], entry.name])
            stack.append(([*path, entry.name], iter(entry.kids)))
        elif entry.entry_type == olefile.STGTY_STREAM:
            if streams:
                files.append([*path[1:], entry.name])
        else:
            self._raise_defect(
                olefile.DEFECT_INCORRECT,
                "The directory tree contains an entry which is not a stream nor a storage.",
            )


def install() -> bool:
    """Install the replacements (idempotent); False on an olefile they were not written for."""
    if olefile.__version__ not in _VERSIONS:
        return False
    cls: Any = olefile.OleFileIO
    cls._check_duplicate_stream = _check_duplicate_stream
    cls._find = _find
    cls.loaddirectory = _loaddirectory
    cls._list = _list
    return True


_EXTRACT_MSG_VERSIONS = frozenset({"0.57.0"})


_LISTED = (olefile.STGTY_STORAGE, olefile.STGTY_STREAM)


def _exists(self: Any, filename: Any, prefix: bool = True) -> bool:
    """extract-msg's `MSGFile.exists`: whether the lower-cased path is one of the lower-cased
    paths `listDir(True, True, True)` gives (the storages and streams below this message's own
    storage), found by walking the directory tree by name instead of listing it. A listing per
    message cost every entry below it times its path's length: mails carried in mails 100 deep
    took 7 s, 200 deep 37 s (quadratic), past the worker's timeout not much deeper."""
    parts = self.fixPath(filename, prefix).lower().split("/")
    if parts[-1] == "":
        parts.pop()
    node = _own_storage(self)
    names = [name for name in self._MSGFile__prefix.split("/") if name]
    if node is None or len(parts) <= len(names):
        return False
    if parts[: len(names)] != [name.lower() for name in names]:
        return False
    by_name = self._MSGFile__ole.__dict__.setdefault("_rk_kids_by_name", {})
    storages = [node]
    for depth, part in enumerate(parts[len(names) :], start=len(names) + 1):
        found = [kid for storage in storages for kid in _kids_named(by_name, storage, part)]
        if depth == len(parts):
            return bool(found)
        storages = [kid for kid in found if kid.entry_type == olefile.STGTY_STORAGE]
        if not storages:
            return False
    return False


def _kids_named(by_name: dict[int, dict[str, list[Any]]], storage: Any, name: str) -> list[Any]:
    """The listed kids (storages and streams) of `storage` whose lower-cased name is `name`,
    in their order; the index of a storage's kids by name is made once per file."""
    index = by_name.get(id(storage))
    if index is None:
        index = by_name[id(storage)] = {}
        for kid in storage.kids:
            if kid.entry_type in _LISTED:
                index.setdefault(kid.name.lower(), []).append(kid)
    return index.get(name, [])


def _own_storage(self: Any) -> Any:
    """This message's own storage (the root for a file's message), found by its exact names as
    `listDir` finds it; None when it is not there."""
    node = self._MSGFile__ole.root
    for name in self._MSGFile__prefix.split("/"):
        if name:
            node = _kid(node, name)
            if node is None:
                return None
    return node


def _kid(node: Any, name: str) -> Any:
    """The child storage or stream called exactly `name` (the original filters the paths
    case-sensitively), or None."""
    kid = node.kids_dict.get(name.lower())
    if kid is not None and kid.name == name:
        return kid
    return next((kid for kid in node.kids if kid.name == name), None)


def _list_dir(
    self: Any,
    streams: bool = True,
    storages: bool = False,
    includePrefix: bool = True,  # noqa: N803 - extract-msg's own name for it
) -> tuple[tuple[str, ...], ...]:
    """extract-msg's `MSGFile.listDir`: the paths under this message's prefix, listed from
    its own storage instead of filtered from the whole file's (same paths, same order)."""
    key = (streams, storages, includePrefix)
    cached: dict[tuple[bool, bool, bool], tuple[tuple[str, ...], ...]]
    cached = self._MSGFile__listDirRes
    if key in cached:
        return cached[key]
    ole = self._MSGFile__ole
    names = [name for name in self._MSGFile__prefix.split("/") if name]
    files: list[list[str]] = []
    node = ole.root
    for name in names:
        node = _kid(node, name)
        if node is None:
            break
    else:  # _list names each entry by the path below its first argument's root entry
        ole._list(files, [ole.root.name, *names[:-1]] if names else [], node, streams, storages)
    entries = tuple(tuple(path) for path in files)
    if names and not includePrefix:
        entries = tuple(path[len(names) :] for path in entries)
    cached[key] = entries
    return entries


def _attachments(self: Any) -> list[Any]:
    """extract-msg's `MSGFile.attachments`, its folders de-duplicated by a dict: the first names
    of `listDir(False, True, False)`'s paths, i.e. the storages directly in this message's own,
    taken from there instead of from a listing of everything below it."""
    node = _own_storage(self)
    kids = node.kids if node is not None else ()
    folders = dict.fromkeys(
        kid.name
        for kid in kids
        if kid.entry_type == olefile.STGTY_STORAGE and kid.name.startswith("__attach")
    )
    attachments = [self.initAttachmentFunc(self, folder) for folder in folders]
    self._MSGFile__attachmentsReady = True
    return attachments


def install_extract_msg() -> bool:
    """Install extract-msg's replacements (idempotent), after olefile's; False on an
    extract-msg they were not written for."""
    import extract_msg  # here: only the extraction workers load extract-msg
    from extract_msg.msg_classes.msg import MSGFile

    if (
        not install()
        or extract_msg.__version__ not in _EXTRACT_MSG_VERSIONS
        or not isinstance(MSGFile.__dict__.get("attachments"), functools.cached_property)
    ):
        return False
    cls: Any = MSGFile
    cls.exists = _exists
    cls.listDir = _list_dir
    attachments = functools.cached_property(_attachments)
    attachments.__set_name__(cls, "attachments")
    cls.attachments = attachments
    return True
