"""The compiled scanner finds exactly what searching every pattern everywhere finds.

The scanner skips patterns whose needles are absent and searches only windows
around needles; these tests hold it to the plain, slow definition: a signal
fires in a place when `re.search` of one of its folded patterns matches there.
"""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Iterator
from pathlib import Path
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from recordkeeper.classify.compiled import (
    _WORD_CHARS,
    CompiledRules,
    _lazy_compiled,
    _Regex,
    caseless,
    compile_rules,
    needle_text,
)
from recordkeeper.classify.views import name_words
from recordkeeper.ruleset.classes import ClassRules, Signal, fold
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.samples.projects import DEMO_SCENARIOS, plan_share

RULES = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes")
COMPILED = compile_rules(RULES)
# the same rules with the places' Hyperscan scanners (`hsscan`), as a worker has them
WARMED = compile_rules(RULES)
WARMED.warm()


def _signals(rules: ClassRules) -> list[Signal]:
    groups = [c.signals for c in rules.classes]
    groups += [
        rules.draft.draft_markers,
        rules.draft.final_markers,
        rules.registration.sent_markers,
        rules.registration.adds_facts_markers,
        rules.registration.case_markers,
    ]
    return [s for group in groups for s in group]


SIGNALS = _signals(RULES)
PATTERNS = [[re.compile(fold(p), re.IGNORECASE | re.MULTILINE) for p in s.any] for s in SIGNALS]


def _plain_search(views: dict[str, str]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for i, signal in enumerate(SIGNALS):
        for location in signal.in_:
            text = views.get(location, "")
            if text and any(p.search(text) for p in PATTERNS[i]):
                found.setdefault(i, set()).add(location)
    return found


def _same(views: dict[str, str]) -> None:
    folded = {loc: fold(text) for loc, text in views.items()}
    want = _plain_search(folded)
    for rules in (COMPILED, WARMED):
        got = rules.scan(folded)  # type: ignore[arg-type]
        assert {SIGNALS[i].id: places for i, places in got.items()} == {
            SIGNALS[i].id: places for i, places in want.items()
        }


def test_compiled_signals_are_the_rule_signals_in_order() -> None:
    assert [s.id for s in COMPILED.signals] == [s.id for s in SIGNALS]
    assert [s.index for s in COMPILED.signals] == list(range(len(SIGNALS)))


def test_each_marker_group_holds_its_rule_list() -> None:
    # the classifier reads the markers by these group numbers, not by the order above
    marker_groups = {
        COMPILED.draft_markers: RULES.draft.draft_markers,
        COMPILED.final_markers: RULES.draft.final_markers,
        COMPILED.sent_markers: RULES.registration.sent_markers,
        COMPILED.adds_facts_markers: RULES.registration.adds_facts_markers,
        COMPILED.case_markers: RULES.registration.case_markers,
    }
    assert len(marker_groups) == 5
    for group, signals in marker_groups.items():
        assert [s.id for s in COMPILED.groups[group]] == [s.id for s in signals]
    for group, (cls, index) in enumerate(COMPILED.classes):
        assert index == group
        assert [s.id for s in COMPILED.groups[index]] == [s.id for s in cls.signals]


def _project_views() -> Iterator[dict[str, str]]:
    """The places of the documents of generated project folders (unfolded)."""
    specs, _ = plan_share(DEMO_SCENARIOS, seed=3)
    for spec in specs:
        rows = ["; ".join(map(str, row)) for row in (*spec.table, *spec.rows)]
        slides = [f"{title}\n{body}" for title, body in spec.slides]
        folder, _, name = spec.relpath.rpartition("/")
        yield {
            "title": spec.title or "",
            "headings": "\n".join(spec.headings),
            "content": "\n".join((*spec.paragraphs, *rows, *slides, spec.footer or "")),
            "filename": name_words(name),
            "folder": "\n".join(name_words(f) for f in folder.split("/")),
            "email_subject": spec.title or "" if spec.fmt == "eml" else "",
            "email_sender": spec.sender,
        }


def test_compiled_rules_sent_to_a_worker_scan_the_same() -> None:
    # an extraction worker unpickles the compiled rules (automata rebuilt, regexes lazy)
    copy: CompiledRules = pickle.loads(pickle.dumps(COMPILED))
    fired = 0
    for views in _project_views():
        folded = {loc: fold(text) for loc, text in views.items()}
        got = copy.scan(folded)  # type: ignore[arg-type]
        assert got == COMPILED.scan(folded)  # type: ignore[arg-type]
        fired += len(got)
    assert fired > 100


def test_generated_project_documents_fire_the_same_signals() -> None:
    fired = documents = 0
    for views in _project_views():
        _same(views)
        fired += len(COMPILED.scan({k: fold(v) for k, v in views.items()}))  # type: ignore[misc]
        documents += 1
    assert fired > documents  # the documents do carry signals


def _vocabulary() -> list[str]:
    words = {w for s in SIGNALS for p in s.any for w in re.findall(r"[a-zåäöé]{2,}", p)}
    pieces = sorted(words)
    pieces += [w.upper() for w in pieces[::7]] + [w.capitalize() for w in pieces[::5]]
    pieces += [
        " ", " ", "\n", "\t", ": ", "; ", ", ", ".", "-", "–", "/", "%", "§ ", "[", "]", "<", ">",
        "@", "x", "xxx", "v.", "v ", "12", "2024", "0.3", "3,5", "1-2", "B280", "F32.1",
        "ſ", "ı", "İ", "K", "Dnr 1.2-345/2024", "UTKAST", "Hej!", "Sv: ", "Från: ",
        "٣", "５", "b٢٨٠", "v٠.3", "v 0,3", "V. 12", "d450", "b1", "F٣2.1",
    ]  # fmt: skip
    return pieces


VOCABULARY = _vocabulary()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=60), st.integers(0, 400))
def test_random_texts_fire_the_same_signals(pieces: list[str], filler: int) -> None:
    text = "".join(pieces)
    # needles far apart and near the ends exercise the search windows
    padded = "lorem " * (filler // 6) + text + " ipsum" * (filler // 11)
    _same({"content": padded, "title": text, "filename": text, "headings": padded})


def test_ignorecase_twins_count_as_the_same_letter() -> None:
    # re.IGNORECASE matches `s` with the long s and `i` with the dotless i
    assert caseless("ſkiſſ") == "skiss"
    assert caseless("İNBJUDAN ıcf") == "inbjudan icf"
    assert caseless("Σίσυφος") == caseless("ΣΊΣΥΦΟΣ")
    # `\d` matches every script's digits; needles read them as 0-9
    for text in ("Diagnos F٣2.1 och b٢٨٠ samt d٤٥٠.", "v٠.3 v ١٢ och v. ٣", "ICD F３２.１"):
        _same({"content": text, "title": text, "filename": text})
    rng = random.Random(7)
    for _ in range(50):
        text = "".join(
            rng.choice(["ſ", "ı", "İ", "s", "i", "beslut", "kıss", " "]) for _ in range(30)
        )
        _same({"content": text, "title": text})


# characters whose case, IGNORECASE twin or digit value is beyond Latin-1 or reaches into
# it from outside: Turkish I's, Greek sigmas (final by context), long s, Kelvin sign,
# other scripts' digits, a capital sharp s, the micro sign and mu, Ÿ/ÿ, a NUL
_TRICKY = [
    *("İ", "ı", "I", "i", "Σ", "σ", "ς", "ΑΣ", "ſ", "s", "S", "\u212a", "k", "K", "٣", "５"),
    *("۴", "3", "ẞ", "ß", "µ", "μ", "Μ", "Ÿ", "ÿ", "\x00", "–", "’", "§", "É", "é", "Ä"),
    *(" ", "\n", "a", "Ⅻ", "①", "²", "😀", "\u0307", "ǅ", "ﬁ"),
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), max_size=40))
def test_needle_text_agrees_with_caseless_wherever_a_needle_can_be(pieces: list[str]) -> None:
    # a needle of Latin-1 characters other than NUL is found in both at the same
    # positions when they agree on every such character and differ only elsewhere
    text = "".join(pieces)
    want, got = caseless(text), needle_text(text)
    assert len(got) == len(want) == len(text)
    for w, g in zip(want, got, strict=True):
        assert g == (w if ord(w) < 256 else "\x00")


def test_a_place_with_a_needle_beyond_latin1_searches_the_caseless_text() -> None:
    assert not _scanner(["beslut", r"\bdnr\b", "§ ?3"]).places["content"].exact
    assert _scanner(["beslut", "1–2 veckor"]).places["content"].exact
    patterns = ["1–2 veckor", "İcf", r"\bσ\d"]
    scanner = _scanner(patterns)
    for text in ("1–2 VECKOR", "1-2 veckor", "icf", "ICF", "ıcf", "ΑΣ٣", "aς3", "x σ1"):
        want = {i for i, p in enumerate(patterns) if re.search(p, text, re.I | re.M)}
        assert set(scanner.scan({"content": text})) == want, text


def _scanner(patterns: list[str]) -> CompiledRules:
    return compile_rules(
        ClassRules.model_validate(
            {
                "kind": "classes",
                "scoring": {"fallback_class": "other"},
                "classes": [
                    {
                        "id": "other",
                        "name_sv": "Övrigt",
                        "name_en": "Other",
                        "signals": [
                            {"id": f"s{i}", "in": ["content"], "weight": 1, "any": [p]}
                            for i, p in enumerate(patterns)
                        ],
                    }
                ],
            }
        )
    )


def test_a_search_window_never_answers_for_a_text_it_cut() -> None:
    # "ab" at 0 starts a window ending at 5; in "abcab|c" the second "ab" would
    # seem to match there, but the full text goes on with "c"
    patterns = ["ab(?!c)", r"\bkod\b", r"(?<=x)yz\d", "fmb 2024", r"^rad$"]
    scanner = _scanner(patterns)
    cases = {
        "abcabc": False, "abcabcab": True, "abcabd": True, "kodkod kodx": False,
        "xkod kod": True, "ayz1 xyz": False, "ayz1xyz2": True, "rad2\nrad": True, "radrad\n": False,
        "FMB ٢٠٢٤": False, "FMB 2024": True,
    }  # fmt: skip
    for text, fires in cases.items():
        got = {i for i in scanner.scan({"content": text}) if patterns[i] != "^rad$"}
        want = {i for i, p in enumerate(patterns[:4]) if re.search(p, text, re.I | re.M)}
        assert got == want, text
        assert bool(scanner.scan({"content": text})) == fires, text


def test_anchors_inside_groups_and_on_later_requirements_find_what_search_finds() -> None:
    # needles inside a leading group start where the group does; a pattern whose
    # most selective needles can be anywhere is anchored on another requirement;
    # few needles are searched in windows, many (for the text's length) whole
    patterns = [
        r"\b(jäv\w*|jd|doi|coi)\W{0,3}(inkommen|mottagen|status)\b",
        r"\bnpo\b.*(förslag|nominer)",
        r"(?:x|y)(ab|cd){2,}\d",
        r"\[(namn|datum|xx+)[^\]]{0,20}\]",
        r"(?-i:\b[A-Z]\d\d\.\d\b)",
        r"\btid\s*:\s*\d",
        r"\bsymtom[\s\S]{0,600}\bbehandling[\s\S]{0,60}\bprognos",
    ]
    scanner = _scanner(patterns)
    pieces = [
        "jäv", "jävsdekl", "jd", "doi", "coi", " ", ": ", "-", "inkommen", "mottagen", "Status",
        "npo", "NPO ", "förslag", "nominering", "\n", "x", "y", "ab", "cd", "abcd", "1", "[",
        "]", "namn", "Datum", "xxx", "F32.1", "f32.1", "M54.5 ", "A1.2", "tid", "Tid: ", "tidig",
        "symtom", "behandling", "prognos", "lorem ipsum ", "å",
    ]  # fmt: skip
    rng = random.Random(11)
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.choice([3, 10, 40, 200])))
        got = set(scanner.scan({"content": text}))
        want = {i for i, p in enumerate(patterns) if re.search(fold(p), text, re.I | re.M)}
        assert got == want, text
        checked += len(want)
    assert checked > 500  # the patterns do match, often


def test_anchor_strings_beyond_the_own_needles_are_found_by_the_automaton() -> None:
    # a pattern anchored on a requirement that is not its own (woken) needles gets that
    # requirement's strings as needles of the automaton, the two-letter ones excepted
    # (common in prose: looked for with str.find when the pattern is searched); the
    # starts of both, in windows, or the whole text when they are too many
    patterns = [
        r"\b(jäv\w*|jd|doi|coi)\W{0,3}(inkommen|mottagen|status)\b",
        r"\b(avtal\w*|doc)\W{0,3}(inkommen|mottagen)\b",
        r"\b(år|ar)\s*[;\t,| ]\s*(20|19)\d\d",
    ]
    scanner = _scanner(patterns)
    place = scanner.places["content"]
    anchors = [p.anchor for p in place.probes]
    assert all(a is not None for a in anchors)
    strings = [(sorted(place.needles[n] for n in a.needles), a.find) for a in anchors if a]
    assert strings == [
        (["coi", "doi", "jav"], ("jd",)),
        (["avtal", "doc"], ()),
        ([], ("ar",)),
    ]
    for anchor in anchors:  # they only say where they are: they decide and wake nothing
        assert anchor is not None
        assert all(place.by_needle[n] == ((), ()) for n in anchor.needles)
    pieces = [
        "jäv", "Jävsdekl", "jd", "JD", "doi", "coi", "avtal", "Avtalet", "DOC", "doc", " ", ": ",
        "-", "\t", ";", "|", "inkommen", "mottagen", "Status", "klar", "år", "ar", "År", "2024",
        "1999", "20", "x", "lorem ipsum ", "ä", "–",
    ]  # fmt: skip
    rng = random.Random(5)
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.choice([3, 10, 40, 200, 600])))
        got = set(scanner.scan({"content": fold(text)}))
        want = {i for i, p in enumerate(patterns) if re.search(fold(p), fold(text), re.I | re.M)}
        assert got == want, text
        checked += len(want)
    assert checked > 500  # the patterns do match, often


def test_a_needle_after_a_word_character_starts_no_match_of_a_word_boundary_pattern() -> None:
    # `\b` then needles starting with a word character: the scanner skips the needles whose
    # preceding character's caseless form is an ASCII letter, digit or `_`; that character
    # is a word character whatever it was in the text (Kelvin sign, dotless i, other digits)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        if needle_text(char) in _WORD_CHARS or caseless(char)[:1] in _WORD_CHARS:
            assert re.match(r"\w", char), hex(code)
    patterns = [r"\b(år|ar)\s*[;\t,| ]\s*(20|19)\d\d", r"\btid\s*:\s*\d", r"\bicf\b"]
    scanner = _scanner(patterns)
    assert all(p.anchor is not None and p.anchor.word for p in scanner.places["content"].probes)
    pieces = [
        "år", "ar", "AR", "tid", "Tid", "icf", "ICF", " ", "; ", "|", ":", "2024", "1999", "7",
        "x", "_", "é", "\u212a", "\u0131", "\u0660", "\u017f", "–", "\n", "lorem ",
    ]  # fmt: skip
    rng = random.Random(7)
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.choice([3, 10, 40, 200])))
        got = set(scanner.scan({"content": fold(text)}))
        want = {i for i, p in enumerate(patterns) if re.search(fold(p), fold(text), re.I | re.M)}
        assert got == want, text
        checked += len(want)
    assert checked > 300


def test_lazy_repeats_find_the_same_matches_at_the_same_starts() -> None:
    # the scanner makes wide repeats lazy: whether a pattern matches, and where its
    # leftmost match starts, must not change (in windows, too)
    patterns = [
        r"\bsymtom[\s\S]{0,60}\bbehandling[\s\S]{0,60}\bprognos",
        r"\b[bd]\d{3}\b.{0,20}\b[bd]\d{3}\b",
        r"^(?!.*(rapport|svar)).*(\benkät\b|survey)",
        r"\bnpo\b.*(förslag|nominer)(?=.{0,5}x)",
        r"(a.*b)(?<=b)c.*\1",  # a backreference: kept greedy
        r"(?>a.*)b|a.*+c|ab.*d",  # atomic and possessive parts: kept greedy
    ]
    rewritten = [_lazy_compiled(p) for p in patterns]
    assert [r.pattern is None for r in rewritten] == [True] * 4 + [False] * 2
    pieces = ["symtom", "behandling", "prognos", "b280", "d450", "rapport", "enkät", "survey",
              "npo", "förslag", "a", "b", "c", "d", "x", " ", "\n", "lorem "]  # fmt: skip
    rng = random.Random(5)
    matched = 0
    for _ in range(3000):
        text = fold("".join(rng.choice(pieces) for _ in range(rng.choice([2, 8, 30]))))
        lo = rng.randrange(len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        for pattern, lazy in zip(patterns, rewritten, strict=True):
            plain = re.compile(fold(pattern), re.IGNORECASE | re.MULTILINE)
            for args in ((text,), (text, lo, hi)):
                want, got = plain.search(*args), lazy.search(*args)
                assert (want and want.start()) == (got and got.start()), (pattern, args)
                matched += want is not None
    assert matched > 800


def test_line_anchors_find_what_search_finds() -> None:
    # `^x*` then the rest: tried at the line starts before each needle of the rest
    patterns = [
        r"^\s*(från|from)\s*:",
        r"^\W*slutversion\b",
        r"^\s*?hej\b",
        r"^ {0,2}ab",
        r"^a*ab\b",
        r"^\W*(fastställd|publicerad) (version|\d{4})",
        r"^\s*(till|to)\s*:.*@",
        r"^.*tv\w*$",
    ]
    scanner = _scanner(patterns)
    pieces = ["från", "From", ":", " ", "  ", "\n", "\n\n", "-", "* ", "slutversion", "hej",
              "a", "ab", "aab", "fastställd", "version", "2024", "till", "to", "@", "x", "tv",
              "tvätt"]  # fmt: skip
    rng = random.Random(13)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.choice([2, 6, 20, 80])))
        got = set(scanner.scan({"content": text}))
        want = {i for i, p in enumerate(patterns) if re.search(fold(p), text, re.I | re.M)}
        assert got == want, text
        matched += len(want)
    assert matched > 1500


# --- every rule pattern, on texts made from the pattern itself ---

_SAMPLE_CHARS = {
    _sre.CATEGORY_DIGIT: "0123456789\u0663\uff15",
    _sre.CATEGORY_NOT_DIGIT: "aZ .-\n\u00df",
    _sre.CATEGORY_SPACE: " \t\n\r\x0b\u00a0",
    _sre.CATEGORY_NOT_SPACE: "aZ9.-\u0130",
    _sre.CATEGORY_WORD: "aZ9_\u00e5\u017f\u0131",
    _sre.CATEGORY_NOT_WORD: " .-:\n\r/",
}
_ANY_CHARS = "aZ9 .-\n\r_\u00df\u0130\ufb01"


def _sample_class(items: Any, rng: random.Random) -> str:
    chars: list[str] = []
    negated = False
    for kind, value in items:
        if kind is _sre.NEGATE:
            negated = True
        elif kind is _sre.LITERAL:
            chars.append(chr(value))
        elif kind is _sre.RANGE:
            chars.append(chr(rng.randint(*value)))
        elif kind is _sre.CATEGORY:
            chars.append(rng.choice(_SAMPLE_CHARS.get(value, "a")))
    if negated or not chars:
        return rng.choice([c for c in _ANY_CHARS if c not in chars] or ["#"])
    return rng.choice(chars)


def _sample(items: Any, rng: random.Random, out: list[str]) -> list[str]:
    """A random text the parsed pattern (nearly always) matches: lookarounds and
    backreferences are left out, letters come in either case."""
    for op, arg in items:
        if op is _sre.LITERAL:
            out.append(chr(arg) if rng.random() < 0.7 else chr(arg).swapcase())
        elif op is _sre.NOT_LITERAL:
            out.append(rng.choice([c for c in _ANY_CHARS if ord(c) != arg]))
        elif op is _sre.ANY:
            out.append(rng.choice(_ANY_CHARS))
        elif op is _sre.IN:
            out.append(_sample_class(arg, rng))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, body = arg
            for _ in range(rng.randint(low, min(high, low + 3))):
                _sample(body, rng, out)
        elif op is _sre.SUBPATTERN:
            _sample(arg[3], rng, out)
        elif op is _sre.BRANCH:
            _sample(rng.choice(arg[1]), rng, out)
        elif op is _sre.AT and arg in (_sre.AT_BEGINNING, _sre.AT_END) and rng.random() < 0.7:
            out.append("\n" if arg is _sre.AT_BEGINNING else rng.choice(("\n", "\r\n")))
    return out


_AROUND = ("", "", " ", "\n", "\r\n", "x", ": ", "\u00df", "\u0130", "\ufb01", "\u017f", "\u0663")


def _text_around(sample: str, rng: random.Random) -> str:
    """The sample at the start, the end or inside a text, twice (overlapping windows),
    with CRLF line ends, upper case, or far from the text's ends."""
    text = rng.choice(_AROUND) + sample + rng.choice(_AROUND)
    if rng.random() < 0.3:
        text += rng.choice(("", " ", sample[: len(sample) // 2])) + sample
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.2:
        text = text.upper()
    if rng.random() < 0.4:  # long enough that windows around needles are searched
        filler = "lorem ipsum dolor\n" * rng.randint(1, 150)
        text = rng.choice(("", filler)) + text + rng.choice(("", filler))
    return text


def test_every_rule_pattern_on_texts_made_from_it_fires_as_search_does() -> None:
    rng = random.Random(23)
    matched = 0
    for signal in SIGNALS:
        for pattern in signal.any:
            items = _sre.parse(fold(pattern), re.IGNORECASE | re.MULTILINE)
            for _ in range(2):
                text = _text_around("".join(_sample(items, rng, [])), rng)
                _same({rng.choice(signal.in_): text})
                matched += re.search(fold(pattern), fold(text), re.I | re.M) is not None
    assert matched > 0.8 * 2 * sum(len(s.any) for s in SIGNALS)  # the texts do match


def test_patterns_at_line_starts_are_found_as_search_finds_them() -> None:
    # a pattern `^rest` is searched whole as "at the start, or `\\n` then the rest";
    # it must answer as `re.search` does, in the scanner too (no needle to anchor
    # `^\\s*[-*•]\\s*(boka|ring)`; many `från` make the line anchor search whole)
    patterns = [
        r"^\s*[-*•]\s*(boka|ring)\b[^\n]*\n\s",
        r"^\s*(från|from)\s*:",
        r"^\W*slutversion\b",
        r"^\s*utkast\s*$",
        r"^$\nx",
        r"^(?<=\n)a",
        r"^(?=.*b)a",
        r"^a|b\n",  # an alternation: searched as written
        r"(?-m:^)ab",  # no line start: searched as written
        r"^(a)\1",
    ]
    scanner = _scanner(patterns)
    whole = [_Regex(p) for p in patterns]
    assert [w.compiled is not None and w._lines is not None for w in whole] == [True] * 7 + [
        False,
        False,
        True,
    ]
    pieces = ["från", "From", ":", " ", "\n", "\n\n", "- ", "* ", "•", "boka", "ring", "x",
              "slutversion", "utkast", "a", "b", "aa", "\t", "å"]  # fmt: skip
    rng = random.Random(17)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.choice([0, 2, 6, 20, 300])))
        want = {i for i, p in enumerate(patterns) if re.search(fold(p), text, re.I | re.M)}
        assert {i for i, w in enumerate(whole) if w.anywhere(text)} == want, text
        assert set(scanner.scan({"content": text})) == want, text
        matched += len(want)
    assert matched > 3000
