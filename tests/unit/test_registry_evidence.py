"""The registry's evidence scans find what scans of the whole text, as first written, find."""

import re
from collections.abc import Iterable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.se import personalid

from recordkeeper.registry.evidence import (
    _PNR,
    _label_values,
    count_personal_identity_numbers,
    dnr_search_pattern,
    find_dnrs,
    find_labelled_date,
    find_labelled_name,
)

_RULES_DNR = r"^\d+(\.\d+)*-\d+/\d{4}$"


def _dnrs_by_finditer(text: str, pattern: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(0) for m in dnr_search_pattern(pattern).finditer(text)))


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("2.4-12345/2025", "12-3/2024", "2", "45", ".", "-", "/", "2025", "a", "_", " "),
                *("\n", "é", "٣", "x1-2/2025", "1-2/2025/", "1-2/20255", "Dnr "),
            ]
        ),
        max_size=30,
    )
)
@pytest.mark.parametrize("pattern", [_RULES_DNR, r"^[A-Z]{2}\d{3}$", r"^\d*$", r"^(?:\d+-)?\d+$"])
def test_dnrs_are_those_of_the_search_pattern(pattern: str, pieces: list[str]) -> None:
    # searched without the look-behind, which is checked at each hit; `^\d*$` matches
    # nothing too (the whole pattern's scan then)
    text = "".join(pieces)
    assert find_dnrs(text, pattern) == _dnrs_by_finditer(text, pattern)


def test_dnrs_where_the_character_before_decides() -> None:
    text = "a2.4-1/2025 .2-1/2025 -3-1/2025 _4-1/2025 é5-1/2025 (6-1/2025) 7-1/2025"
    assert find_dnrs(text, _RULES_DNR) == ("6-1/2025", "7-1/2025")
    assert find_dnrs(text, _RULES_DNR) == _dnrs_by_finditer(text, _RULES_DNR)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("8112289874", "19811228-9874", "811228-9874", "811228+9874", "701063-2391"),
                *("1", "23", "/", ".", ",", "-", "+", " ", "x", "\n", "٣", "٣٣٣٣٣٣٣٣٣٣"),
            ]
        ),
        max_size=30,
    )
)
def test_identity_numbers_are_counted_as_by_a_scan_of_the_whole_text(pieces: list[str]) -> None:
    # searched in the digit runs only (and the character after each, `/` and digits there)
    text = "".join(pieces)
    plain = sum(1 for m in _PNR.finditer(text) if personalid.is_valid(m.group(0)))
    assert count_personal_identity_numbers(text) == plain


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("811228-9874/", 0),
        ("811228-9874.", 1),
        ("8112289874", 1),
        ("a 811228-9874 och 19811228-9874", 2),
    ],
)
def test_identity_numbers_at_the_end_of_a_digit_run(text: str, count: int) -> None:
    assert count_personal_identity_numbers(text) == count


def _label_values_label_by_label(text: str, labels: Sequence[str]) -> Iterable[str]:
    """`_label_values` as first written: every line matched against every label's pattern."""
    lines = [line.strip() for line in text.splitlines()]
    for label in labels:
        pattern = re.compile(rf"^{re.escape(label)}\s*[:：]?\s*(.*)$", re.IGNORECASE)
        for number, line in enumerate(lines):
            match = pattern.match(line)
            if match is None:
                continue
            value = match.group(1).strip(" \t:")
            if not value:
                value = next((nxt for nxt in lines[number + 1 : number + 4] if nxt), "")
            if value:
                yield value


_LABELS = ["Namnförtydligande", "Namn", "Ort och datum", "Datum", "Date"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *("Namn", "NAMN", "namnförtydligande", "Datum", "DATE", "Ort och datum", "Ort"),
                *(":", "：", " ", "\t", "\n", "\r\n", "\u2028", "Anna Berg", "14 mars 2025"),
                *("2025-03-14", "x", "Datum:", "\n\n"),
            ]
        ),
        max_size=30,
    ),
    st.permutations(_LABELS),
)
def test_label_values_are_those_of_each_label_in_turn(pieces: list[str], labels: list[str]) -> None:
    # the lines starting with no label are passed over with one match for all labels;
    # the values still come label by label, in the labels' order
    text = "".join(pieces)
    assert list(_label_values(text, labels)) == list(_label_values_label_by_label(text, labels))


def test_a_later_label_on_an_earlier_line_still_comes_after_the_first_label() -> None:
    text = "Datum: 2025-01-02\nNamn: Anna Berg\nOrt och datum: Lund 2025-03-14"
    assert list(_label_values(text, ["Ort och datum", "Datum"])) == [
        "Lund 2025-03-14",
        "2025-01-02",
    ]
    assert str(find_labelled_date(text, ["Ort och datum", "Datum"])) == "2025-03-14"
    assert find_labelled_name(text, ["Namnförtydligande", "Namn"]) == "Anna Berg"
