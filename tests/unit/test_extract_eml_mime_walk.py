"""eml's MIME walk by offsets finds the body and attachment names the stdlib finds.

The reference parses the whole message with the compat32 feed parser and walks
its leaves, attached messages (message/rfc822) included, with the same choice
of body and names. Two differences are the walk's own and stay out of the
comparison: a delivery report's header blocks (message/delivery-status) are one
leaf, and a part's trailing line breaks are all dropped (the stdlib drops the
one before the boundary).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from email import policy
from email.message import Message
from email.parser import BytesParser

from recordkeeper.ingest.extract import eml

_STDLIB = BytesParser(policy=policy.compat32)


def _leaves(message: Message) -> Iterator[Message]:
    if message.is_multipart() and message.get_content_type() != "message/delivery-status":
        for part in message.get_payload():
            yield from _leaves(part)
    else:
        yield message


def _stdlib(data: bytes) -> tuple[str, tuple[str, ...]]:
    plain: Message | None = None
    html: Message | None = None
    names: list[str] = []
    for part in _leaves(_STDLIB.parsebytes(data)):
        filename = eml._filename(part)
        disposition = part.get_content_disposition()
        if filename and disposition in ("attachment", "inline", None):
            names.append(filename)
        elif disposition != "attachment":
            content_type = part.get_content_type()
            if content_type == "text/plain" and plain is None:
                plain = part
            elif content_type == "text/html" and html is None:
                html = part
    chosen = plain if plain is not None else html
    return (eml._content(chosen) if chosen is not None else ""), tuple(names)


def _walked(data: bytes) -> tuple[str, tuple[str, ...]]:
    top = eml._headers(data[: eml._head_end(data, 0, len(data))])
    return eml._body_and_attachments(data, top)


_BOUNDARIES = ("b", "b1", "bb", "b-x", "=_x", "b'c", "a b")
_AFTER_MARKER = ("", "", " ", "x", "\t", "-")  # a boundary line, or one that only begins as one
_FILENAMES = (
    "",
    "; filename=a.txt",
    '; filename="=?utf-8?q?b=C3=A4?="',
    "; filename*=utf-8''c.pdf",
)


def _leaf(rng: random.Random) -> list[str]:
    lines = []
    content_type = rng.choice(("text/plain", "text/html", "application/pdf", "TEXT/PLAIN", ""))
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    if rng.random() < 0.4:
        disposition = rng.choice(("attachment", "inline", "bogus"))
        lines.append(f"Content-Disposition: {disposition}{rng.choice(_FILENAMES)}")
    if rng.random() < 0.2:
        lines.append("Content-Transfer-Encoding: base64")
    lines += rng.sample((" folded", "From junk", "not a header", "X: y"), rng.randrange(2))
    lines.append("" if rng.random() < 0.9 else "x")
    lines += rng.choice((["hello"], ["aGVsbG8="], [], ["line", "", "line2"], ["x", "", ""]))
    return lines


def _entity(
    rng: random.Random, depth: int, kinds: tuple[str, ...] = ("mixed", "alternative")
) -> list[str]:
    """A MIME entity as lines: multiparts whose boundaries may extend each other, lines
    that begin like a boundary, missing closings, attached messages, odd leaves."""
    if depth < 3 and rng.random() < 0.35:
        boundary = rng.choice(_BOUNDARIES) + rng.choice(("", str(depth)))
        quoted = rng.choice((f'"{boundary}"', boundary))
        kind = rng.choice(kinds)
        lines = [f"Content-Type: multipart/{kind}; boundary={quoted}", ""]
        lines += rng.choice(([], ["preamble"]))
        for _ in range(rng.randrange(4)):
            lines.append(f"--{boundary}" + rng.choice(_AFTER_MARKER))
            lines += _entity(rng, depth + 1, kinds)
        if rng.random() < 0.8:
            lines.append(f"--{boundary}--{rng.choice(('', ' ', 'junk'))}")
        return lines + rng.choice(([], ["epilogue"]))
    if depth < 3 and rng.random() < 0.1:
        inner = _entity(rng, depth + 1, kinds)
        return ["Content-Type: message/rfc822", "", "Subject: inner", *inner]
    return _leaf(rng)


def test_random_messages_give_the_stdlib_body_and_attachment_names() -> None:
    rng = random.Random(17)
    texts = 0
    for _ in range(3000):
        lines = ["From: a@example.org", "Subject: s", *_entity(rng, 0)]
        data = rng.choice(("\n", "\r\n")).join(lines).encode()
        body, names = _walked(data)
        want_body, want_names = _stdlib(data)
        assert (body.rstrip("\r\n"), names) == (want_body.rstrip("\r\n"), want_names), data
        texts += bool(body)
    assert texts > 500  # bodies are found, not only missed alike


def test_cr_only_line_ends_and_digests_give_the_stdlib_body_and_attachment_names() -> None:
    """Lines may end in a lone CR (old Mac mail, some gateways), and a part of a
    multipart/digest without a Content-Type is a message (message/rfc822), as the
    stdlib reads both."""
    rng = random.Random(29)
    texts = 0
    for _ in range(3000):
        lines = ["From: a@example.org", "Subject: s", *_entity(rng, 0, ("mixed", "digest"))]
        data = rng.choice(("\r", "\n", "\r\n")).join(lines).encode()
        body, names = _walked(data)
        want_body, want_names = _stdlib(data)
        assert (body.rstrip("\r\n"), names) == (want_body.rstrip("\r\n"), want_names), data
        texts += bool(body)
    assert texts > 500
