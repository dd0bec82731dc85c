"""eml._headers reads header blocks exactly as the stdlib compat32 feed parser does."""

from __future__ import annotations

import email.utils
import random
from email import policy
from email.parser import BytesParser

from recordkeeper.ingest.extract import eml

_STDLIB = BytesParser(policy=policy.compat32)
_PIECES = (
    b"From ",
    b"From: a@b",
    b":",
    b" ",
    b"\t",
    b"\r",
    b"\n",
    b"\r\n",
    b"\n\n",
    b"\r\n\r\n",
    b"\r\r",
    b"a",
    b"Subject",
    b"Content-Type: text/plain",
    b"Content-Type: multipart/mixed; boundary=x",
    b"Content-Type: message/rfc822",
    b"Content-Transfer-Encoding: quoted-printable",
    b"\xe9",
    b"=?utf-8?q?x?=",
    b"=C3=A5",
    b"\x0c",
    b"\x1c",
    b"\x85",
    b"To: c <d@e>",
    b"--x",
    b"body text",
)
_EXAMPLES = (
    b"",
    b"\n",
    b"Subject: a\n\n",
    b"Subject: a\r\n folded\r\n\tagain\r\n\r\n",
    b"From someone@example Mon Jan  1 00:00:00 2024\nSubject: a\n\n",
    b"Subject: a\nFrom inside\nTo: b\n\n",
    b"Subject: a\nFrom last\n\n",
    b" continuation first\nSubject: a\n\n",
    b": no name\n more\nSubject: a\n\n",
    b"Subject: a\nnot a header line\nTo: b\n\n",
    b"Subject: a\rTo: b\r\r",
    b"Subject: \xc3\xa5\xe9\n\n",
    b"Subject: a\x0cb\n\n",
    b"Subject:a",
)


def _check(entity: bytes) -> None:
    head_end = eml._head_end(entity, 0, len(entity))
    headers, body_follows = eml._headers(entity[:head_end])
    expected = _STDLIB.parsebytes(entity[:head_end])
    assert headers._headers == expected._headers, entity
    assert headers.get_unixfrom() == expected.get_unixfrom(), entity
    if body_follows:  # then the whole entity's payload is the rest after the block
        whole = _STDLIB.parsebytes(entity)
        assert whole._headers == headers._headers, entity
        if whole.get_content_maintype() not in ("multipart", "message"):
            headers.set_payload(entity[head_end:].decode("ascii", "surrogateescape"))
            assert headers.get_payload(decode=True) == whole.get_payload(decode=True), entity


def test_examples_read_as_the_stdlib_reads_them() -> None:
    for entity in _EXAMPLES:
        _check(entity)
        _check(entity + b"body\r\nmore\n")


def test_random_blocks_read_as_the_stdlib_reads_them() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        _check(b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25))))


_ADDRESS_PIECES = (
    "a",
    "first.last",
    "o'neil",
    "@",
    "dom.example",
    ".",
    " ",
    ",",
    ", ",
    "<",
    ">",
    '"',
    '"Ek, Karin"',
    '""',
    "Karin",
    "J.",
    "(c)",
    "\\",
    "\t",
    "\r\n ",
    "x@y.z",
    "<x@y.z>",
    "é",
    ":",
    ";",
    "[1.2.3.4]",
    "..",
)
_ADDRESS_EXAMPLES = (
    [],
    [""],
    ["a@b.c"],
    ["Karin Ek <karin.ek@npo.example>", "fmb@myndighet.example"],
    ['"Ek, Karin" <k@x.example>, <only@x.example>,\r\n J. Doe <j@x.example>'],
    ["a@b.c,"],
    ["a@b.c, , d@e.f"],
    ["Karin  Ek <k@x>"],
    ["k@x (Karin)"],
    ["=?utf-8?q?=C3=85sa?= <asa@example.org>"],
    ["undisclosed-recipients:;"],
    ["a@b@c"],
)


def test_address_lists_read_as_the_stdlib_reads_them() -> None:
    for values in _ADDRESS_EXAMPLES:
        assert eml._getaddresses(list(values)) == email.utils.getaddresses(values), values
    rng = random.Random(8)
    for _ in range(20_000):
        values = [
            "".join(rng.choice(_ADDRESS_PIECES) for _ in range(rng.randint(0, 10)))
            for _ in range(rng.randint(0, 3))
        ]
        assert eml._getaddresses(values) == email.utils.getaddresses(values), values
