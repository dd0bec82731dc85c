"""The places' Hyperscan scanners (`hsscan`) answer as `re` does.

Pattern by pattern: each rule pattern rewritten for Hyperscan matches exactly where
`re.search` of the folded pattern does (or, approximated, at least there) on texts
made from the pattern and on texts of Swedish letters, digits, punctuation and line
ends; place by place: a scanner fires the signals the needles' search fires; and
where Hyperscan cannot run, the classifier searches as before.
"""

from __future__ import annotations

import functools
import pickle
import random
import re
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

import pytest

from recordkeeper.classify import hsscan
from recordkeeper.classify.classifier import classify_document
from recordkeeper.classify.compiled import compile_rules
from recordkeeper.model import DocumentFacts
from recordkeeper.ruleset.classes import _FLAGS, fold
from tests.unit.test_classify_scan import (
    COMPILED,
    RULES,
    SIGNALS,
    VOCABULARY,
    WARMED,
    _project_views,
    _sample,
    _scanner,
    _text_around,
)

hyperscan = pytest.importorskip("hyperscan")

PATTERNS = sorted({p for s in SIGNALS for p in s.any})
NAMED = tuple(sorted({c for p in PATTERNS for c in hsscan._named(_sre.parse(fold(p), _FLAGS))}))
TABLE = hsscan._table(NAMED)

# Swedish letters (as views fold them, and not), digits, punctuation, spaces and line ends
_PIECES = [
    *("å", "ä", "ö", "Å", "Ä", "Ö", "é", "ü", "ß", "æ", "ø", "a", "o", "e", "Z", "_", "x"),
    *("0", "1", "9", "12", "2024", "3,5", "0.3", "B280", "F32.1", "§", "%", "–", "—", "•"),
    *("…", "’", "“", "«", "°", "€", "@", "/", "\\", "-", ".", ",", ":", ";", "!", "?", "(", ")"),
    *("[", "]", "<", ">", "*", "|", "#", "&", "+", "=", "'", '"', "²", "½", "µ", "ª", "ж"),
    *(" ", "  ", "\t", "\n", "\r\n", "\n\n", "\x0b", "\x0c", "\x1c", "\x85", "\u00a0"),
    *("\u2009", "\u3000", "\u200b", "\u00ad", "\u0300", "😀", "一", "\x00", "\x7f", "\x80"),
]  # fmt: skip


@functools.lru_cache(maxsize=64)
def _database(written: str) -> Any:
    return hsscan._compiled([written])


def _hs_matches(written: str, text: str) -> bool:
    data = TABLE.project(text)
    assert data is not None, text
    database = _database(written)
    found: list[int] = []
    database.scan(data, match_event_handler=hsscan._on_match, context=found)
    return bool(found)


def _texts(pattern: str, rng: random.Random) -> list[str]:
    items = _sre.parse(fold(pattern), _FLAGS)
    texts = [_text_around("".join(_sample(items, rng, [])), rng) for _ in range(6)]
    return [fold(t) for t in texts if TABLE.project(fold(t)) is not None]


def test_every_rule_pattern_matches_in_both_engines_alike() -> None:
    rng = random.Random(5)
    database, kept = hsscan._database([hsscan._written(p, TABLE) for p in PATTERNS])
    # (pattern, exact): those Hyperscan takes (the rest is searched by `re`), in its ids' order
    written = [(p, e) for p, (w, e) in zip(PATTERNS, kept, strict=True) if w is not None]
    exact_ones = sum(e for _, e in written)
    assert exact_ones > 0.9 * len(PATTERNS) and len(written) > exact_ones
    shared = ["".join(rng.choice(_PIECES + VOCABULARY) for _ in range(40)) for _ in range(60)]
    shared = [fold(t) for t in shared if TABLE.project(fold(t)) is not None]
    matched = tried = 0
    for index, (pattern, exact) in enumerate(written):
        regex = re.compile(fold(pattern), _FLAGS)
        for text in _texts(pattern, rng) + shared:
            found: list[int] = []
            database.scan(TABLE.project(text), match_event_handler=hsscan._on_match, context=found)
            want, got = regex.search(text) is not None, index in found[::2]  # (id, end) pairs
            assert got == want if exact else got or not want, (pattern, text)
            matched += want
            tried += 1
    assert matched > 0.01 * tried  # the texts do match


def test_the_rewrite_is_exact_for_what_it_keeps() -> None:
    # case-sensitive parts, classes with categories, anchors at the edges, bounded repeats
    patterns = [
        r"(?-i:\b[A-Z]\d\d\.\d\b)",
        r"\bv\.?\s?\d+[.,]\d",
        r"^\s*(från|from)\s*:",
        r"utkast\s*$",
        r"\Aoriginal\b",
        r"slut\Z",
        r"[^\w\s]{2,}",
        r"\Bkiss",
        r"[–-]\s*\d{1,3}\s*%",
        r"x[\s\S]{0,20}?y",
    ]
    rng = random.Random(11)
    words = ["x", "y", "v.", "A12.3", "a12.3", "kiss", "utkast", "från", "original", "slut"]
    for pattern in patterns:
        written = hsscan.expression(pattern, TABLE, True)
        regex = re.compile(fold(pattern), _FLAGS)
        for _ in range(300):
            pieces = [rng.choice(_PIECES + words) for _ in range(rng.randint(0, 30))]
            text = fold("".join(pieces))
            assert _hs_matches(written, text) == (regex.search(text) is not None), (pattern, text)


def test_what_the_rewrite_cannot_keep_it_approximates_or_refuses() -> None:
    with pytest.raises(hsscan.Unsupported):
        hsscan.expression(r"webbenkät(?!rapport)", TABLE, True)  # a lookahead
    with pytest.raises(hsscan.Unsupported):
        hsscan.expression(r"mall[_ ]text", TABLE, True)  # `_` stands for other letters too
    with pytest.raises(hsscan.Unsupported):
        hsscan.expression(r"(a)\1", TABLE, False)  # a backreference: `re` searches it
    with pytest.raises(hsscan.Unsupported):
        hsscan.expression(r"\b", TABLE, False)  # matches an empty string
    approximated = hsscan.expression(r"webbenkät(?!rapport)", TABLE, False)
    assert _hs_matches(approximated, "webbenkatrapport")  # wider: `re` confirms a hit


def test_the_projection_keeps_word_characters_line_ends_and_case_twins_apart() -> None:
    chars = [chr(c) for c in range(0x3000) if c < 0x300 or c % 7 == 0]
    chars += ["\u212a", "\u017f", "\u0131", "\u0130", "\u0663", "\uff15", "😀", "\U00010400"]
    for char in chars:
        data = TABLE.project(char)
        if data is None:  # a `\d` beyond ASCII, or an IGNORECASE twin of an ASCII character
            assert re.fullmatch(r"\d", char) or re.fullmatch(r"[\x00-\x7f]", char, re.I), char
            continue
        assert len(data) == 1
        byte = chr(data[0])
        assert (re.fullmatch(r"[A-Za-z0-9_]", byte) is not None) == (
            re.fullmatch(r"\w", char) is not None
        ), char
        assert (byte == "\n") == (char == "\n")
        assert char.isascii() <= (byte == char)
    assert TABLE.project("b٢٨٠") is None and TABLE.project("ſkiss") is None


def test_each_place_scanner_fires_what_the_needles_find() -> None:
    rng = random.Random(3)
    pieces = _PIECES + VOCABULARY
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 80))) for _ in range(400)]
    texts += [fold(t) for views in _project_views() for t in views.values() if t]
    compared = fired = 0
    for location, place in WARMED.places.items():
        assert place.scanner is not None, location
        for text in texts:
            got = place.scanner.fired(fold(text))
            if got is not None:
                assert got == place._searched(fold(text)), (location, text)
                compared += 1
                fired += len(got)
    assert compared > 0.9 * len(texts) * len(WARMED.places) and fired > 1000


def _documents() -> list[DocumentFacts]:
    docs = []
    for i, views in enumerate(_project_views()):
        docs.append(
            DocumentFacts(
                path=f"p/{views['filename'].replace(' ', '_')}{i}.docx",
                size=100,
                sha256=f"{i:064x}",
                kind="docx",
                title=views["title"],
                text=views["content"],
            )
        )
    return docs


def test_without_hyperscan_the_classifier_searches_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs = _documents()
    want = [classify_document(d, COMPILED) for d in docs]
    assert [classify_document(d, WARMED) for d in docs] == want
    # not installed, or a CPU it cannot run on (no SSSE3): no scanners, the same answers
    monkeypatch.setattr(hsscan, "hyperscan", None)
    missing = compile_rules(RULES)
    missing.warm()
    assert all(p.scanner is None for p in missing.places.values())
    assert [classify_document(d, missing) for d in docs] == want
    monkeypatch.undo()

    def refuse(_expressions: list[str]) -> None:
        raise hyperscan.ArchitectureError("no SSSE3")

    monkeypatch.setattr(hsscan, "_compiled", refuse)
    hsscan._built.cache_clear()
    unable = compile_rules(RULES)
    unable.warm()
    assert all(p.scanner is None for p in unable.places.values())
    assert [classify_document(d, unable) for d in docs] == want
    monkeypatch.undo()
    hsscan._built.cache_clear()


def test_a_scanner_pickles_with_its_database_and_rebuilds_one_that_does_not_load() -> None:
    place = WARMED.places["content"]
    assert place.scanner is not None
    texts = [fold(views["content"]) for views in _project_views()][:60]
    copy = pickle.loads(pickle.dumps(place))
    assert copy.scanner is not None
    assert [copy.scanner.fired(t) for t in texts] == [place.scanner.fired(t) for t in texts]
    # another CPU or library version: its database is compiled again
    built = (place.scanner.named, place.scanner.written, b"not a database")
    again = hsscan.scanner(place.scanner.entries, place.scanner.search, built)
    assert again is not None
    assert [again.fired(t) for t in texts] == [place.scanner.fired(t) for t in texts]


def test_a_busy_scanner_or_an_unprojectable_text_is_searched_the_needles_way() -> None:
    place = WARMED.places["content"]
    assert place.scanner is not None
    text = fold("Jävsdeklaration inkommen, beslut om remiss")
    assert place.scanner._lock.acquire()
    try:  # another thread scanning with the same scratch space
        assert place.scanner.fired(text) is None
        assert place._fired(text) == place._searched(text) != set()
    finally:
        place.scanner._lock.release()
    twin = fold("Jävsdeklaration ınkommen, beſlut om remiss \u212a ٣")
    assert place.scanner.fired(twin) is None
    assert place._fired(twin) == place._searched(twin)


def test_an_approximated_hit_is_confirmed_from_where_a_match_can_start() -> None:
    # look-arounds dropped, an inner anchor dropped, `_` named: `re` confirms from the first
    # hit's end less the pattern's widest match (a match of the pattern is one of the
    # approximation's: it ends no earlier, and starts at most that far before its end)
    patterns = [
        r"ort och datum(?!\s*:?\s*_{4})",
        r"\bbeslut(?!sstöd)\w*",
        r"(?<!consultation )draft",
        r"(\b|_)sjukfall",
        r"^\s*(aktivitet|moment)\s*$\s*^\s*(ansvarig|vem)\s*$",
        r"inbjudan(?!\W+(till\W+)?([\w-]+\W+)?möte)",
    ]
    rules = _scanner(patterns)
    rules.warm()
    place = rules.places["content"]
    assert place.scanner is not None and all(c is not None for c in place.scanner.check)
    pieces = ["ort och datum", ": ____", " ok", "beslut", "sstöd", "sbeslut", "consultation ",
              "draft", "_", "sjukfall", "ж", "\n", "aktivitet", "ansvarig", " ", "inbjudan",
              " till ", "möte", "x", "ö"]  # fmt: skip
    rng = random.Random(29)
    matched = 0
    for _ in range(3000):
        text = fold("".join(rng.choice(pieces) for _ in range(rng.choice([1, 4, 12, 40]))))
        want = {i for i, p in enumerate(patterns) if re.search(fold(p), text, _FLAGS)}
        got = place.scanner.fired(text)
        assert got is not None and got == want, text
        matched += len(want)
    assert matched > 2000


def _confirmers(rules: Any) -> list[tuple[Any, Any]]:
    """(a place's probe `_Regex`, its scanner's confirmation of that pattern) per
    approximated pattern of every warmed place."""
    pairs = []
    for place in rules.places.values():
        if place.scanner is None:
            continue
        probes = {p.regex.pattern: p.regex for p in place.probes if p.regex is not None}
        entries = zip(place.scanner.entries, place.scanner.written, strict=True)
        ids = [pattern for (_, pattern), (written, _) in entries if written is not None]
        for pattern, check in zip(ids, place.scanner.check, strict=True):
            if check is not None:
                pairs.append((probes[pattern], check))
    return pairs


def test_an_approximated_pattern_is_confirmed_by_the_probes_own_regex() -> None:
    # one `_Regex` a pattern: the scanner confirms by the probe's, compiled once, in the
    # process that warms the rules and in a worker that unpickles them
    pairs = _confirmers(WARMED)
    assert WARMED.personal is not None  # personal data's scan: warmed and pickled alike
    assert len(pairs) > 20
    assert all(check.__self__ is regex for regex, check in pairs)
    copy = pickle.loads(pickle.dumps(WARMED))
    copied = _confirmers(copy)
    assert copy.personal is not None and copy.personal is not WARMED.personal
    assert len(copied) == len(pairs)
    assert all(check.__self__ is regex for regex, check in copied)
