"""EDGE: Rich Text Format (.rtf, WordPad and Word) read into `Parsed`.

A small tokenizer, no RTF library: the body's text with `\\par`/`\\line` as line
breaks, `\\'hh` decoded with the file's code page (`\\ansicpg`, cp1252 by
default), `\\uN` as Unicode with its `\\ucN` fallback characters skipped.
Destinations that are not text (font, colour and style tables, pictures,
objects, field instructions, every `{\\*\\…}` group) are skipped; `\\info`
gives the title and author. Comments (`\\annotation`) and revisions
(`\\revtbl`, `\\deleted`, `\\revised`) are flagged; deleted text is left out.

Hostile input: nesting deeper than `_MAX_DEPTH` is refused as corrupt, `\\binN`
skips at most the bytes that are there, and the text is capped while it is
collected (memory stays bounded however many tokens a file has).
"""

from __future__ import annotations

import codecs
import re

from recordkeeper.ingest.extract.base import (
    Limits,
    Parsed,
    Refused,
    cap_text,
    clean,
    new_parsed,
    paired_surrogates,
)
from recordkeeper.model import UnreadableReason

__all__ = ["extract"]

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with its number
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z])"  # control symbol
    rb"|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
_MAX_DEPTH = 512
_SKIP = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "listtable", "listoverridetable", "rsidtbl",
        "generator", "xmlnstbl", "themedata", "colorschememapping", "latentstyles",
        "datastore", "pict", "object", "fldinst", "filetbl", "revtbl", "pgdsctbl",
        "operator", "company", "doccomm", "keywords", "subject", "category", "comment",
        "atnid", "atnauthor", "atndate", "atnref", "bkmkstart", "bkmkend", "nonshppict",
        "shppict", "objdata", "footer", "footerl", "footerr", "footerf",
    }
)  # fmt: skip
_INFO_FIELDS = {"title": "title", "author": "author"}
_BREAKS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "cell": "\t",
    "tab": "\t", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’",
    "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": " ", "enspace": " ",
}  # fmt: skip
_SYMBOLS = {b"~": "\u00a0", b"_": "‑", b"\\": "\\", b"{": "{", b"}": "}", b"-": ""}


class _State:
    __slots__ = ("deleted", "field", "skip", "uc")

    def __init__(self, skip: bool = False, uc: int = 1, field: str | None = None) -> None:
        self.skip, self.uc, self.field, self.deleted = skip, uc, field, False

    def copy(self) -> _State:
        state = _State(self.skip, self.uc, self.field)
        state.deleted = self.deleted
        return state


def _codec(number: int | None) -> str:
    name = f"cp{number}" if number else "cp1252"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


class _Reader:
    """Walks the tokens once, collecting body text and the \\info fields."""

    def __init__(self, data: bytes, max_chars: int) -> None:
        self.data = data
        # characters still kept: the text is cut at max_text_chars anyway, and each
        # kept piece is a string object (~80 bytes for one \\uN character)
        self.room = self.field_room = max_chars
        self.encoding = "cp1252"
        self.body: list[str] = []
        self.fields: dict[str, list[str]] = {}
        self.pending = bytearray()  # \'hh bytes, decoded together (multi-byte code pages)
        self.has_comments = False
        self.has_revisions = False
        self.skip_chars = 0

    def _out(self, state: _State, text: str) -> None:
        if state.skip or state.deleted:
            return
        if state.field is not None:
            if self.field_room > 0:
                self.field_room -= len(text)
                self.fields.setdefault(state.field, []).append(text)
        elif self.room > 0:
            self.room -= len(text)
            self.body.append(text)

    def _flush(self, state: _State) -> None:
        if self.pending:
            self._out(state, self.pending.decode(self.encoding, "replace"))
            self.pending.clear()

    def _word(self, state: _State, word: str, arg: int | None, star: bool) -> bool:
        """Apply one control word; True when it opens a skipped destination."""
        if word in ("annotation", "atnid"):
            self.has_comments = True
        if word in ("revtbl", "deleted", "revised"):
            self.has_revisions = True
        if star or word in _SKIP or word == "annotation":
            return True
        if word == "ansicpg":
            self.encoding = _codec(arg)
        elif word == "uc" and arg is not None:
            state.uc = max(0, min(arg, 8))
        elif word == "u" and arg is not None:
            self._out(state, chr(arg % 65536 if arg < 0 else min(arg, 0x10FFFF)))
            self.skip_chars = state.uc
        elif word == "deleted":
            state.deleted = arg != 0
        elif word == "info":
            state.field = ""  # inside \info only the named fields are text
        elif word in _INFO_FIELDS and state.field == "":
            state.field = _INFO_FIELDS[word]
        elif word in _BREAKS and state.field != "":
            self._out(state, _BREAKS[word])
        return False

    def run(self) -> None:
        stack: list[_State] = []
        state = _State()
        star = False
        position = 0
        for match in _TOKEN.finditer(self.data):
            if match.start() < position:  # inside \binN data
                continue
            word, arg, hexa, symbol, brace, text = match.groups()
            if hexa is not None and self.skip_chars:
                self.skip_chars -= 1
                continue
            if hexa is None:
                self._flush(state)
            if brace == b"{":
                if len(stack) >= _MAX_DEPTH:
                    raise Refused(UnreadableReason.CORRUPT, "RTF groups nested too deep")
                stack.append(state)
                state = state.copy()
                star = False
            elif brace == b"}":
                state = stack.pop() if stack else state
                self.skip_chars = 0
            elif word is not None:
                name = word.decode("ascii")
                number = int(arg) if arg is not None else None
                if name == "bin" and number:
                    position = match.end() + max(number, 0)
                    continue
                if self._word(state, name, number, star):
                    state.skip = True
                star = False
            elif hexa is not None:
                self.pending.append(int(hexa, 16))
            elif symbol is not None:
                if symbol == b"*":
                    star = True
                elif symbol in (b"\r", b"\n"):
                    self._out(state, "\n")
                else:
                    self._out(state, _SYMBOLS.get(symbol, ""))
            elif text is not None:
                chars = text.decode(self.encoding, "replace")  # 8-bit text is in the code page
                if self.skip_chars:
                    dropped = min(self.skip_chars, len(chars))
                    chars, self.skip_chars = chars[dropped:], self.skip_chars - dropped
                self._out(state, chars)
        self._flush(state)


def _joined(parts: list[str]) -> str:
    """The parts as one text, `\\uN` surrogate pairs joined (`paired_surrogates`)."""
    return paired_surrogates("".join(parts))


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse an RTF document."""
    if not data.lstrip()[:5] == b"{\\rtf":  # sniffing found it; a BOM or blank may precede
        raise Refused(UnreadableReason.CORRUPT, "no RTF header")
    reader = _Reader(data, limits.max_text_chars)
    reader.run()
    raw = _joined(reader.body)
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    text = "\n".join(line for line in lines if line)
    title = clean(_joined(reader.fields.get("title", [])))
    author = clean(_joined(reader.fields.get("author", [])))
    metadata = {key: value for key, value in (("title", title), ("author", author)) if value}
    return new_parsed(
        text=cap_text(text, limits.max_text_chars),
        title=title,
        metadata=metadata,
        has_comments=reader.has_comments,
        has_tracked_changes=reader.has_revisions,
    )
