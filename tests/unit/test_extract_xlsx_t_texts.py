"""xlsx._t_texts finds exactly the t elements the general pattern finds."""

from __future__ import annotations

import random

from recordkeeper.ingest.extract import xlsx

_PIECES = (
    b"<t>",
    b"</t>",
    b"<x:t>",
    b"</x:t>",
    b"<t xml:space='preserve'>",
    b"<t\n>",
    b"<t\t",
    b"<tt>",
    b"</tt>",
    b"<is>",
    b"</is>",
    b'<c r="A1" t="inlineStr">',
    b"</c>",
    b"<",
    b">",
    b":t ",
    b"t>",
    b"text",
    b"&#229;",
    b" ",
)


def test_same_matches_as_the_general_pattern() -> None:
    rng = random.Random(9)
    for _ in range(20_000):
        raw = b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        assert xlsx._t_texts(raw) == xlsx._T_ELEMENT.findall(raw), raw


def test_a_sheet_as_excel_writes_it() -> None:
    raw = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        b' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
        b'<sheetData><row r="1" x14ac:dyDescent="0.25">'
        b'<c r="A1" t="inlineStr"><is><t>Fr&#229;ga</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t></t></is></c>'
        b'<c r="C1" t="n"><v>2</v></c></row></sheetData></worksheet>'
    )
    assert xlsx._t_texts(raw) == [b"Fr&#229;ga", b""] == xlsx._T_ELEMENT.findall(raw)
