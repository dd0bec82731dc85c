"""Folding and letter-spaced lines: the table and the quick pre-test give the plain answers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from recordkeeper.classify.views import _SPACED_GAP, _SPACED_RUN, _WIDE_GAP, unspace
from recordkeeper.ruleset.classes import _ACCENTED, _PLAIN, fold

_TABLE = str.maketrans(_ACCENTED + _ACCENTED.upper(), _PLAIN + _PLAIN.upper())
_PIECES = [
    *_ACCENTED, *_ACCENTED.upper(), "a", "Z", " ", "  ", "\n", "1", "_", "§", "×", "ß", "ÿ",
    "–", "’", "İ", "Ω", "D E K", " J Ä V ", "O M", "x y",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_fold_is_the_letter_table(pieces: list[str]) -> None:
    # Latin-1 texts go through a byte table, others letter by letter: both are this
    text = "".join(pieces)
    folded = fold(text)
    assert folded == text.translate(_TABLE)
    assert (folded is text) == (folded == text)  # unchanged: the same object back


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_unspace_is_the_plain_rewrite(pieces: list[str]) -> None:
    # a line without a single letter between spaces is returned before the run is searched
    line = "".join(pieces)
    want = (
        line if _SPACED_RUN.search(line) is None else _WIDE_GAP.sub(" ", _SPACED_GAP.sub("", line))
    )
    assert unspace(line) == want


def test_letter_spaced_headings_are_still_read_as_words() -> None:
    assert unspace("D E K L A R A T I O N   O M   J Ä V") == "DEKLARATION OM JÄV"
    assert unspace("J Ä V S D E K L A R A T I O N") == "JÄVSDEKLARATION"
    assert re.fullmatch(r"\w+", unspace("A B C D"))
