"""eml's `_Fields` (header parameters remembered per value) answers as the stdlib's Message.

Each header block is read twice, by `eml._headers` (a `_Fields`) and by the compat32
parser (a stdlib `Message`), and every parameter question the extractor asks is put
to both, twice in a row and in shuffled order, so that an answer remembered from
another value, another header, another parameter or another `unquote` would differ.
"""

from __future__ import annotations

import random
from email import message_from_string, policy
from email.message import Message
from email.parser import BytesParser

from recordkeeper.ingest.extract import eml

_STDLIB = BytesParser(policy=policy.compat32)

_CONTENT_TYPES = (
    "text/plain",
    'text/plain; charset="utf-8"',
    "text/plain; charset=UTF-8",
    "Text/HTML; Charset=iso-8859-1; name=a.htm",
    'text/plain; name="r\\"apport.txt"; charset=us-ascii',
    "text/plain; charset*=utf-8''%C3%A5",
    "application/pdf; name*0=del; name*1=ar.pdf",
    "application/pdf; name*0*=utf-8''%C3%A5; name*1=.pdf",
    'multipart/mixed; boundary="===============0988694249882937363=="',
    "multipart/alternative; boundary=b; boundary=c",
    "multipart/mixed; BOUNDARY=x;",
    "multipart/mixed; boundary",
    "message/rfc822; name=",
    "text/plain; charset=\"utf-8\"; name='q'",
    "text/plain; charset=" + "x" * 300,  # longer than any value kept
    'text/plain; charset="utf-8" (comment)',
    "text/plain;charset=utf-8;format=flowed",
    ";;;",
    "",
)
_DISPOSITIONS = (
    None,
    "attachment",
    'attachment; filename="bilaga.pdf"',
    "inline; filename=a.txt",
    "attachment; filename*=utf-8''%C3%A5r.pdf",
    "attachment; filename*0=a; filename*1=b.pdf",
    'attachment; FILENAME="Ek, Karin.docx"; size=12',
    "attachment; filename=" + "y" * 300 + ".pdf",
    'inline; filename="=?utf-8?q?F=C3=B6r.pdf?="',
)
_QUESTIONS = (
    ("charset", "content-type", True),
    ("charset", "content-type", False),
    ("name", "content-type", True),
    ("boundary", "content-type", True),
    ("boundary", "Content-Type", False),
    ("filename", "content-disposition", True),
    ("filename", "Content-Disposition", False),
    ("size", "content-disposition", True),
    ("format", "content-type", True),
)


def _block(content_type: str | None, disposition: str | None) -> bytes:
    lines = ["From: a@b.se"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
    if disposition is not None:
        lines.append(f"Content-Disposition: {disposition}")
    return ("\n".join(lines) + "\n\n").encode("utf-8", "surrogateescape")


def _answers(message: Message, questions: list[tuple[str, str, bool]]) -> list[object]:
    missing = object()
    found: list[object] = []
    for param, header, unquote in questions:
        value = message.get_param(param, missing, header, unquote)
        found.append("<missing>" if value is missing else value)
        found.append(message.get_param(param, None, header, unquote))
    found += [message.get_filename(), message.get_content_charset(), message.get_boundary()]
    return found


def test_parameters_are_the_stdlib_ones() -> None:
    rng = random.Random(9)
    blocks = [_block(t, d) for t in (*_CONTENT_TYPES, None) for d in _DISPOSITIONS]
    for _ in range(3):  # again and shuffled: answers now come from what is remembered
        rng.shuffle(blocks)
        for block in blocks:
            fields, _ = eml._headers(block)
            assert isinstance(fields, eml._Fields)
            reference = _STDLIB.parsebytes(block)
            assert type(reference) is Message
            questions = list(_QUESTIONS)
            rng.shuffle(questions)
            assert _answers(fields, questions) == _answers(reference, questions), block


def test_a_value_in_raw_8_bit_bytes_is_answered_as_its_text() -> None:
    # compat32 gives such a value as a Header of U+FFFD; eml reads its bytes as UTF-8, else
    # cp1252 (eml._eight_bit), and answers as the stdlib does for that text
    for raw, text in ((b"\xe5r", "år"), ("år".encode(), "år")):
        block = (
            b'From: a@b.se\nContent-Type: text/plain; name="' + raw + b'.txt"; charset=latin-1\n\n'
        )
        fields, _ = eml._headers(block)
        reference = message_from_string(
            block.decode("latin-1").replace(raw.decode("latin-1"), text)
        )
        questions = list(_QUESTIONS)
        assert _answers(fields, questions) == _answers(reference, questions)
        assert fields.get_filename() == f"{text}.txt"


def test_parts_parsed_by_the_stdlib_parser_are_fields_too() -> None:
    # a header section that ends early goes through `_PART_HEADERS`: same answers
    data = b"Content-Type: text/plain; charset=utf-8\nnot a header\n\nbody"
    part = eml._PART_HEADERS.parsebytes(data)
    reference = _STDLIB.parsebytes(data)
    assert isinstance(part, eml._Fields)
    assert _answers(part, list(_QUESTIONS)) == _answers(reference, list(_QUESTIONS))
