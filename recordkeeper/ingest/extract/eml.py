"""E-mail (.eml): headers into EmailFacts, the text body, attachment names (stdlib email).

Reads header blocks into stdlib compat32 `Message` objects, and decodes
addresses (getaddresses), encoded words (RFC 2047) and dates itself:
policy.default builds a header object per access and reads every line of
every attachment, which made a mail with a 1 MB attachment cost ten times a
Word file. The header fields are read as the stdlib feed parser reads them
(`_headers`), without its line-by-line generator machinery, which cost about
0.1 ms per header block. Nothing here expands entities or fetches anything.
"""

from __future__ import annotations

import binascii
import email.base64mime
import email.errors
import email.header
import email.quoprimime
import email.utils
import functools
import io
import re
from collections.abc import Iterator
from datetime import datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple

from recordkeeper.ingest.extract.base import (
    Limits,
    Parsed,
    Refused,
    aware,
    cap_text,
    clean,
    new_parsed,
)
from recordkeeper.ingest.extract.htmltext import html_to_text
from recordkeeper.model import CALENDAR_ITEM, UNREADABLE_PARTS, EmailFacts, UnreadableReason

_REQUIRED_ANY = ("from", "to", "subject", "date", "message-id")
# A line end (CRLF, a lone CR or LF, as the feed parser splits lines) and an empty line.
_BLANK_LINE = re.compile(rb"(?:\r\n|\r(?!\n)|\n)(?:\r\n|\r|\n)")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_MAX_DEPTH = 8
# Header values longer than this are parsed each time, never kept (`_Fields`).
_MAX_CACHED_VALUE = 256
_NOT_FOUND = object()
# What the parser keeps of a header's 8-bit bytes: one surrogate escape per byte.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _eight_bit(value: str) -> str:
    """A header value written in raw 8-bit bytes (RFC 6532: many clients send UTF-8
    headers unencoded; older Windows ones cp1252) as text; compat32 turns it into a
    `Header` of charset unknown-8bit whose text has U+FFFD for every byte, so a subject
    "Jävsdeklaration" could not be read as one."""
    raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


class _EightBitHeaders(policy.Compat32):
    """compat32, except that a header value holding raw 8-bit bytes reads as text
    (`_eight_bit`) instead of a `Header` of U+FFFD: for `get`, `get_all` and so for
    every parameter (an attachment named in raw UTF-8)."""

    def header_fetch_parse(self, name: str, value: Any) -> Any:
        # compat32's `_sanitize_header` returns every other value as it is
        if type(value) is str and not value.isascii() and _ESCAPED_BYTE.search(value):
            return _eight_bit(value)
        return value


_POLICY = _EightBitHeaders()


class _Fields(Message):
    """A compat32 `Message` whose `get_param` (and so `get_filename`, `get_content_charset`,
    the boundary) remembers what the stdlib found for a header value: a body part asks
    its Content-Type for `name` and then `charset` (two parses), and most mails share
    the same few values (`text/plain; charset="utf-8"`). A parameter is a function of
    the header's value alone (`Message._get_params_preserve` reads the first field of
    that name and nothing else), so the answer is the stdlib's own, computed once per
    value in `_param`; a value that is not a plain string (a `Header`) or is long goes
    to the stdlib every time.
    """

    def get_param(
        self,
        param: str,
        failobj: Any = None,
        header: str = "content-type",
        unquote: bool = True,
    ) -> Any:
        value = self.get(header)
        try:
            if type(value) is not str or len(value) > _MAX_CACHED_VALUE:
                return super().get_param(param, failobj, header, unquote)
            found = _param(value, param, header, unquote)
        except TypeError:  # RFC 2231 `name*0*=` and `name*=` together: the stdlib sorts
            return failobj  # (None, int) pairs in decode_params; the field is unreadable
        return failobj if found is _NOT_FOUND else found


@functools.lru_cache(maxsize=512)
def _param(value: str, param: str, header: str, unquote: bool) -> Any:
    """`Message.get_param` of a message whose field `header` is `value` (`_NOT_FOUND`:
    not there). Its answer is a string or a tuple of strings: immutable, safe to share."""
    fields = Message(_POLICY)
    fields[header] = value
    return Message.get_param(fields, param, _NOT_FOUND, header, unquote)


_PART_HEADERS = BytesParser(_Fields, policy=_POLICY)
# email.feedparser's header line and line-end patterns.
_HEADER_LINE = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
_LINE_END = re.compile(r"(\r\n|\r|\n)\Z")


def _headers(block: bytes) -> tuple[Message, bool]:
    """The header fields of a header block (up to and including its blank line),
    as compat32's feed parser stores them, and whether that parser's body would
    start right after the block (False: it ends the header section earlier, at a
    line that is not a header, or gives a closing "From " line to the body).

    The same steps as `email.feedparser.FeedParser._parsegen` and `_parse_headers`:
    lines end at CR, LF or CRLF; the headers end at the first line that is not a
    header or continuation line; a leading "From " line is the envelope line, a
    later one is dropped (or, last, goes to the body); a continuation line with
    no field before it and a line starting with ":" are dropped.
    """
    message = _Fields(_POLICY)
    lines, count = _header_lines(block)
    body_follows = count == len(lines) or (count == len(lines) - 1 and lines[-1][0] in "\r\n")
    field: list[str] = []
    for index in range(count):
        line = lines[index]
        if line[0] in " \t":
            if field:
                field.append(line)
            continue
        if field:
            name, value = field[0].split(":", 1)
            message.set_raw(name, (value.lstrip(" \t") + "".join(field[1:])).rstrip("\r\n"))
            field = []
        if line.startswith("From "):
            if index == 0:
                found = _LINE_END.search(line)
                message.set_unixfrom(line[: -len(found.group(0))] if found else line)
                continue
            if index == count - 1:
                return message, False
            continue
        if line.find(":") == 0:
            continue
        field = [line]
    if field:
        name, value = field[0].split(":", 1)
        message.set_raw(name, (value.lstrip(" \t") + "".join(field[1:])).rstrip("\r\n"))
    return message, body_follows


def _header_lines(block: bytes) -> tuple[list[str], int]:
    """A header block's lines (line ends kept) and how many of them, from the first,
    are header or continuation lines."""
    lines = io.StringIO(block.decode("ascii", "surrogateescape"), newline="").readlines()
    for index, line in enumerate(lines):
        if not _HEADER_LINE.match(line):
            return lines, index
    return lines, len(lines)


def _early_body(block: bytes) -> int:
    """Where the body starts in a header block whose header section ends early
    (`_headers` said so): at its first line that is not a header line, or at a
    "From " line just before that, which the feed parser gives to the body."""
    lines, count = _header_lines(block)
    if count > 1 and lines[count - 1].startswith("From "):
        count -= 1
    return sum(len(line) for line in lines[:count])


def _decoded(raw: str) -> str:
    """An RFC 2047 encoded-word header value as text."""
    if "=?" not in raw:
        return raw
    if not raw.isascii():  # raw 8-bit text (`_eight_bit`) with encoded words in it
        return _ENCODED_WORD.sub(lambda word: _decoded_words(word.group(0)), raw)
    return _decoded_words(raw)


def _decoded_words(raw: str) -> str:
    fast = _decoded_utf8(raw)
    if fast is not None:
        return fast
    try:
        return str(email.header.make_header(email.header.decode_header(raw)))
    except (ValueError, LookupError, email.errors.MessageError):  # CharsetError: =?utf-ä?q?
        return raw


_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e\t\r\n]*")
# The stdlib's own encoded-word pattern, so that both split a value alike.
_ENCODED_WORD: re.Pattern[str] = email.header.ecre  # type: ignore[attr-defined]


def _nonctext(text: str) -> bool:
    return text.isspace() or text in ("(", ")", "\\")


def _decoded_utf8(raw: str) -> str | None:
    """`str(make_header(decode_header(raw)))` for a printable ASCII value (folded
    lines allowed) whose encoded words are all UTF-8 (what mail clients write), without the
    `Header` and `Charset` objects; None for anything else or any decoding error
    (then the stdlib answers, or raises, as before).

    The same steps as `email.header.decode_header` (split each line on its `ecre`,
    strip the line's start, drop white space between encoded words, decode Q or B,
    collapse runs of one charset) and `Header.__str__` (a space between an
    encoded and a plain chunk unless one side has it).
    """
    if not _PRINTABLE_ASCII.fullmatch(raw):
        return None
    if not _ENCODED_WORD.search(raw):
        return raw  # no encoded word after all: one plain chunk
    words: list[tuple[str, str | None, str | None]] = []
    for line in raw.splitlines():
        # unencoded, then (charset, encoding, text, unencoded) per encoded word; read by
        # index (popping from the front was quadratic in the number of words)
        parts = _ENCODED_WORD.split(line)
        for at in range(0, len(parts), 4):
            unencoded = parts[at].lstrip() if at == 0 else parts[at]
            if unencoded:
                words.append((unencoded, None, None))
            if at + 3 < len(parts):
                words.append((parts[at + 3], parts[at + 2].lower(), parts[at + 1].lower()))
    drop = [
        n - 1
        for n, word in enumerate(words)
        if n > 1 and word[1] and words[n - 2][1] and words[n - 1][0].isspace()
    ]
    if drop:  # one pass: deleting each in place was quadratic in the number of words
        dropped = set(drop)
        words = [word for n, word in enumerate(words) if n not in dropped]
    runs: list[tuple[list[bytes], str | None]] = []  # words of one charset, joined once below
    for text, encoding, charset in words:
        if encoding is None:
            word = text.encode("ascii")
        elif charset != "utf-8":
            return None
        elif encoding == "q":
            word = email.quoprimime.header_decode(text).encode("raw-unicode-escape")
        else:
            missing = len(text) % 4  # the stdlib adds missing padding
            padded = text + "==="[: 4 - missing] if missing else text
            try:
                word = email.base64mime.decode(padded)
            except binascii.Error:
                return None
        if runs and runs[-1][1] == charset:
            runs[-1][0].append(word)
        else:
            runs.append(([word], charset))
    collapsed = [(b" ".join(run) if c is None else b"".join(run), c) for run, c in runs]
    chunks: list[str] = []
    last_encoded = False
    last_space: bool | str = False
    for word, charset in collapsed:
        if charset is None:
            text = word.decode("ascii")
        else:
            try:
                text = word.decode("utf-8")
            except UnicodeDecodeError:
                return None
        encoded = charset is not None
        if chunks:
            has_space = bool(text) and _nonctext(text[0])
            if last_encoded:
                if not encoded and not has_space:
                    chunks.append(" ")
            elif encoded and not last_space:
                chunks.append(" ")
        last_space = bool(text) and _nonctext(text[-1])
        last_encoded = encoded
        chunks.append(text)
    return "".join(chunks)


# The address lists most mail carries: `a@b.c`, `Name Surname <a@b.c>`, `"Ek, Karin"
# <a@b.c>`, `<a@b.c>`, comma-separated, in ASCII; no comments, routes, groups or
# escapes. `email.utils.getaddresses` reads them character by character in Python.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_ADDR = rf"{_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*"
_WORD = r"(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+|\"[^\"\\\r\n]*\")"
_SIMPLE_ENTRY = re.compile(
    rf"[ \t\r\n]*(?:({_ADDR})|((?:{_WORD}(?: {_WORD})*)?) ?<({_ADDR})>)[ \t\r\n]*"
)
_PHRASE_WORD = re.compile(_WORD)


def _getaddresses(values: list[str]) -> list[tuple[str, str]]:
    """`email.utils.getaddresses(values)`; address lists of the simple form above are
    read with one regular expression per address, giving the same pairs (the display
    name is the phrase's words, quotes removed, joined by one space)."""
    field = ", ".join(values)
    if not field.isascii():
        return email.utils.getaddresses(values)
    found: list[tuple[str, str]] = []
    position = 0
    while True:
        entry = _SIMPLE_ENTRY.match(field, position)
        if entry is None:
            return email.utils.getaddresses(values)
        bare, phrase, routed = entry.groups()
        if bare is not None:
            found.append(("", bare))
        else:
            words = _PHRASE_WORD.findall(phrase)
            display = " ".join(w[1:-1] if w.startswith('"') else w for w in words)
            found.append((display, routed))
        position = entry.end()
        if position == len(field):
            return found
        if field[position] != ",":
            return email.utils.getaddresses(values)
        position += 1


def _addresses(message: Message, name: str) -> tuple[str, ...]:
    """Addresses as `Name <addr>` (or `addr`); compat32 headers plus getaddresses (fast)."""
    values = [str(v) for v in (message.get_all(name) or [])]
    found: list[str] = []
    for display, address in _getaddresses(values):
        display = clean(_decoded(display)) or ""
        address = address.strip()
        if not address and not display:
            continue
        found.append(f"{display} <{address}>" if display and address else address or display)
    return tuple(found)


def _header(message: Message, name: str) -> str | None:
    value = message.get(name)
    return clean(_decoded(str(value))) if value is not None else None


def _sent_at(message: Message) -> datetime | None:
    raw = _header(message, "date")
    if not raw:
        return None
    try:
        return aware(parsedate_to_datetime(raw))
    except (TypeError, ValueError, IndexError, OverflowError):  # a year or offset of 30 digits
        return None


def _content(part: Message) -> str:
    """Decoded text of a text/plain or text/html leaf (transfer encoding, then charset)."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        content = payload.decode(charset, "replace")
    except (LookupError, UnicodeError):  # "undefined", "idna", "punycode": no "replace"
        content = payload.decode("utf-8", "replace")
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def _head_end(data: bytes, start: int, end: int) -> int:
    """Where the header block of the entity `data[start:end]` ends (`end`: no blank line).

    An entity that begins with an empty line has no header fields: its body follows
    that line (a digest's part, whose header block is usually empty)."""
    first = _LINE_BREAK.match(data, start, end)
    if first is not None:
        return first.end()
    found = _BLANK_LINE.search(data, start, end)
    return end if found is None else found.end()


def _rstrip_newlines(data: bytes, start: int, end: int) -> int:
    """The end of `data[start:end].rstrip(b"\r\n")`, without copying a large part."""
    tail_start = max(start, end - 64)
    tail = data[tail_start:end].rstrip(b"\r\n")
    if tail or tail_start == start:
        return tail_start + len(tail)
    return start + len(data[start:end].rstrip(b"\r\n"))


# What follows `--boundary` on a boundary line, as the feed parser's `boundaryre`
# reads it: `--` on the closing one, blanks, the line break (or the end).
_BOUNDARY_TAIL = re.compile(rb"(--)?[ \t]*(?:\r\n|\r|\n|\Z)")


def _boundary_lines(
    data: bytes, start: int, end: int, marker: bytes
) -> Iterator[tuple[int, int, bool]]:
    """The boundary lines of the multipart body `data[start:end]` (`marker`: `--boundary`)
    as (start, end after the line break, whether it closes), lazily.

    A line that merely starts with the marker (`--b2` for boundary `b`, an inner
    boundary that extends an outer one) is no boundary line, as for the stdlib;
    lines end at CR, LF or CRLF, as for its feed parser.
    """
    at = data.find(marker, start, end)
    while at != -1:
        if at == start or data[at - 1] in (0x0A, 0x0D):  # at the start of a line
            tail = _BOUNDARY_TAIL.match(data, at + len(marker), end)
            if tail is not None:
                yield at, tail.end(), tail.group(1) is not None
        at = data.find(marker, at + 1, end)


def _split_parts(
    data: bytes, start: int, end: int, boundary: bytes
) -> list[tuple[int, int]] | None:
    """The parts (as offsets) between the boundary lines of the multipart body
    `data[start:end]` (None: no boundary line).

    As the feed parser reads them: a part begins after a boundary line and the
    boundary lines right after it (a closing one too: "double boundaries" hold no
    part), ends at the next boundary line, and a closing line there ends the body.
    """
    parts: list[tuple[int, int]] = []
    part: int | None = None  # where the open part begins
    opened = -1  # the end of the boundary line that opened it
    found = False
    for at, after, closing in _boundary_lines(data, start, end, b"--" + boundary):
        found = True
        if at != opened:
            if part is not None:
                parts.append((part, _rstrip_newlines(data, part, at)))
            if closing:
                return parts
        part = opened = after
    if part is not None:
        parts.append((part, _rstrip_newlines(data, part, end)))
    return parts if found else None


class _Leaf(NamedTuple):
    """A leaf entity: its header fields and where it lies in the message."""

    headers: Message
    content_type: str  # headers.get_content_type(), read once by `_walk`
    body_follows: bool  # as `_headers` says
    start: int
    head_end: int
    end: int
    owner: int = 0  # the message it belongs to: 0 the mail, n the n-th attached message


def _walk(
    data: bytes,
    start: int,
    end: int,
    parsed: tuple[Message, bool] | None = None,
    depth: int = 0,
    in_digest: bool = False,
    messages: list[Message | None] | None = None,
    owner: int = 0,
) -> Iterator[_Leaf]:
    """Leaf entities of `data[start:end]`, splitting multiparts on boundaries and
    going into attached messages, as the stdlib's walk does (`parsed`: `_headers`
    of its header block, if read already).

    With `messages`, each attached message's header fields are appended to it as
    the walk enters the message, and its leaves carry its number (`_Leaf.owner`);
    a carried mail that cannot be read (`_readable_message`) is appended as None and
    not entered.

    The stdlib parser reads every line of every attachment in Python; here
    only header blocks are read and bodies are found by offset at C speed,
    never copied, so a message with a large attachment costs about what a
    small one does.
    """
    head_end = _head_end(data, start, end)
    headers, body_follows = parsed or _headers(data[start:head_end])
    if in_digest:  # RFC 2046 5.1.5: a digest's part is a message unless it says otherwise
        headers.set_default_type("message/rfc822")
    # get_content_maintype() is get_content_type().split("/")[0]: one read for all three
    content_type = headers.get_content_type()
    maintype = content_type.split("/")[0]
    boundary = headers.get_param("boundary") if maintype == "multipart" else None
    if isinstance(boundary, str) and depth < _MAX_DEPTH:
        marker = email.utils.unquote(boundary).encode("ascii", "replace")
        body = head_end if body_follows else start + _early_body(data[start:head_end])
        parts = _split_parts(data, body, end, marker)
        if parts is not None:
            digest = content_type == "multipart/digest"
            for part_start, part_end in parts:
                yield from _walk(
                    data, part_start, part_end, None, depth + 1, digest, messages, owner
                )
            return
    if _is_attached_message(maintype, content_type) and depth < _MAX_DEPTH:
        body = head_end if body_follows else start + _early_body(data[start:head_end])
        inner: tuple[Message, bool] | None = None
        if messages is not None:
            inner = _headers(data[body : _head_end(data, body, end)])
            if not _readable_message(content_type, inner[0], data, body, end):
                messages.append(None)  # counted by the caller; nothing of it is read
                return
            messages.append(inner[0])
            owner = len(messages)
        yield from _walk(data, body, end, inner, depth + 1, False, messages, owner)
        return
    yield _Leaf(headers, content_type, body_follows, start, head_end, end, owner)


def _readable_message(
    content_type: str, headers: Message, data: bytes, start: int, end: int
) -> bool:
    """Whether a carried mail (message/rfc822 or message/global, the entity `data[start:end]`
    with `headers`) can be read as a mail: False when a file of its own would be refused
    (`extract`: binary data, no e-mail header field), e.g. a forwarded mail that a client
    wrote base64-encoded (RFC 2046 5.2.1 forbids it) or that was cut off. Other message
    types (a read receipt's fields, message/partial) are read as before."""
    if content_type not in ("message/rfc822", "message/global"):
        return True
    if data.find(b"\x00", start, min(end, start + 8192)) != -1:
        return False
    return any(key in headers for key in _REQUIRED_ANY)


def _is_attached_message(maintype: str, content_type: str) -> bool:
    """Whether the entity holds a whole message (a forwarded mail, message/rfc822),
    whose parts the stdlib's walk gives as the mail's own (a delivery report's
    message/delivery-status holds header blocks, no message)."""
    return maintype == "message" and content_type != "message/delivery-status"


def _filename(headers: Message) -> str | None:
    raw = headers.get_filename()
    if not raw:
        return None
    return " ".join(_decoded(raw).split()) or None


def _body_and_attachments(
    data: bytes,
    top: tuple[Message, bool],
    forwarded: list[str] | None = None,
    calendar: list[bool] | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The body text and the attachment names, as the stdlib's walk finds them: the first
    text/plain leaf of the whole message, else its first text/html leaf.

    With `calendar`, True is appended to it when the mail itself (not a mail it carries)
    has a text/calendar part: it is a meeting invitation or its update.

    With `forwarded`, a mail that carries other mails whole (message/rfc822, Outlook's
    "forward as attachment", a digest) has as its body its own text only, and each
    carried mail is appended to `forwarded` as an inline forward shows it (`_forward`);
    one that cannot be read is left out and `forwarded` gets an empty string for it
    (`extract` counts them), as a .msg's embedded message is (`msg._carried`).
    """
    messages: list[Message | None] | None = [] if forwarded is not None else None
    plain: dict[int, Message] = {}
    html: dict[int, Message] = {}
    names: list[str] = []
    for leaf in _walk(data, 0, len(data), top, messages=messages):
        if calendar is not None and leaf.content_type == "text/calendar" and not leaf.owner:
            calendar.append(True)
        headers = leaf.headers
        filename = _filename(headers)
        disposition = headers.get_content_disposition()
        if filename and disposition in ("attachment", "inline", None):
            names.append(filename)
            continue
        if disposition == "attachment":
            continue
        content_type = leaf.content_type
        if content_type == "text/plain" and leaf.owner not in plain:
            plain[leaf.owner] = _parse(data, leaf)
        elif content_type == "text/html" and leaf.owner not in html:
            html[leaf.owner] = _parse(data, leaf)
    if forwarded is None or not messages:  # as the stdlib: the first of all leaves
        chosen = next(iter(plain.values()), None)  # (a Message without fields is false)
        if chosen is None:
            chosen = next(iter(html.values()), None)
        return (_content(chosen) if chosen is not None else ""), tuple(names)
    texts = [
        _content(plain[n] if n in plain else html[n]) if n in plain or n in html else ""
        for n in range(len(messages) + 1)
    ]
    forwarded += ["" if m is None else _forward(m, texts[n]) for n, m in enumerate(messages, 1)]
    return texts[0], tuple(names)


def _forward(message: Message, text: str) -> str:
    """A mail carried whole, as an inline forward shows it (`forward_block`)."""
    return forward_block(
        ", ".join(_addresses(message, "from")),
        _header(message, "date"),
        ", ".join(_addresses(message, "to")),
        _header(message, "subject"),
        text,
    )


def forward_block(
    sender: str | None, sent: str | None, to: str | None, subject: str | None, text: str
) -> str:
    """A mail carried whole (.eml message/rfc822, .msg embedded message), as an inline
    forward shows it (Outlook, Swedish): a separator, the original's header lines, its text."""
    lines = ["-----Ursprungligt meddelande-----"]
    for label, value in (("Från", sender), ("Skickat", sent), ("Till", to), ("Ämne", subject)):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines) + "\n\n" + text.strip("\r\n")


def _parse(data: bytes, leaf: _Leaf) -> Message:
    """The leaf as the stdlib parser reads it: its header fields with the rest as payload."""
    if not leaf.body_follows:  # a header section that ends early: the parser decides
        return _PART_HEADERS.parsebytes(data[leaf.start : leaf.end])
    leaf.headers.set_payload(data[leaf.head_end : leaf.end].decode("ascii", "surrogateescape"))
    return leaf.headers


def email_parsed(
    email: EmailFacts, body: str, limits: Limits, unreadable: int = 0, calendar: bool = False
) -> Parsed:
    """The Parsed value shared by .eml and .msg (`unreadable`: parts that could not be read,
    recorded as metadata `UNREADABLE_PARTS`; `calendar`: a calendar item, `CALENDAR_ITEM`)."""
    metadata = {"subject": email.subject} if email.subject else {}
    if unreadable:
        metadata[UNREADABLE_PARTS] = str(unreadable)
    if calendar:
        metadata[CALENDAR_ITEM] = "1"
    return new_parsed(
        text=cap_text(body, limits.max_text_chars),
        title=email.subject,
        metadata=metadata,
        created_at=email.sent_at,
        modified_at=email.sent_at,
        email=email,
    )


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse an RFC 5322 message."""
    if data.find(b"\x00", 0, 8192) != -1:
        raise Refused(UnreadableReason.CORRUPT, "binary data in e-mail")
    top = _headers(data[: _head_end(data, 0, len(data))])
    message = top[0]
    if not any(key in message for key in _REQUIRED_ANY):
        raise Refused(UnreadableReason.CORRUPT, "no e-mail headers")
    forwarded: list[str] = []
    calendar: list[bool] = []
    body, names = _body_and_attachments(data, top, forwarded, calendar)
    carried = [block for block in forwarded if block]
    if carried:  # mails carried whole follow the mail's own text, as an inline forward's
        body = "\n\n".join([body.rstrip("\r\n"), *carried]).lstrip("\r\n")
    email = EmailFacts(
        sender=next(iter(_addresses(message, "from")), None),
        recipients=_addresses(message, "to"),
        cc=_addresses(message, "cc"),
        subject=_header(message, "subject"),
        sent_at=_sent_at(message),
        attachment_names=names,
    )
    return email_parsed(email, body, limits, len(forwarded) - len(carried), bool(calendar))
