"""PURE: class rules compiled once into a scanner that finds every firing signal.

`compiled(rules)` memoises per rules object, so a daemon or a CLI run that
classifies thousands of files compiles the patterns once; a reloaded rule set
is a new object and gets its own compilation.

Speed: most signals fire on few documents, and a regular-expression search
costs far more than finding plain strings. So every pattern is parsed once for
*needles*: sets of lower-case strings of which a match must contain one each
(`(?:sjukskrivning (pa )?(heltid|deltid))` needs `sjukskrivning ` and one of
`heltid`/`deltid`). Per place, one multi-string search (Aho-Corasick) finds
which needles occur; only patterns whose needles are all there are searched,
and a plain-text pattern is decided by its needle alone. The answer is the
same as searching every pattern, only cheaper (tests/unit/test_classify_scan.py
checks that against the plain search).

Where the rules are warmed (`warm()`: an extraction worker's `prepare()`, and the
process that pickles the rules for the workers), each place also gets a Hyperscan
scanner (`hsscan`): one pass over the text says which of the place's patterns match,
with `re`'s answers (patterns rewritten into what both engines read alike; the rest
confirmed or searched by `re`). The needles' way stays for texts the scanner cannot
take and wherever Hyperscan cannot run. Building the scanners takes ≈ 2 s, so a
short-lived run (the `classify` command, tests) does without them.

The compiled rules pickle without their automata (rebuilt from the needles)
and compile each pattern on first use (or all at once: `warm()`), so ingest's
extraction workers get them from the parent in ~15 ms, plus ~25 ms for the
regular expressions, instead of parsing every pattern again (~100 ms each).
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import itemgetter
from re import _casefix  # type: ignore[attr-defined]
from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick

from recordkeeper.classify.hsscan import Scanner, scanner
from recordkeeper.classify.personal_data import PersonalDataScan, personal_data_scan
from recordkeeper.memo import TextMemo, by_identity
from recordkeeper.model import PersonalDataFindings
from recordkeeper.ruleset.classes import (
    _FLAGS,
    ClassRules,
    DocumentClass,
    Flag,
    Location,
    Signal,
    compile_patterns,
    fold,
)

# A needle shorter than this occurs almost everywhere: testing it saves nothing.
# One character is worth testing when it is rare in prose (`%`, `§`, `[`, `@`).
_MIN_NEEDLE = 2
_RARE_CHARS = frozenset("%§[]<>@/#&$€£|{}~^=\\")
# A pattern whose match can be wider than this is searched whole: windows that
# large save nothing.
_MAX_ANCHOR = 1000
# What trying the pattern at one place costs (a call from Python), in characters
# of a whole-text search (one `re` search reads ~15 ns per character, a call ~250 ns):
# windows are searched while they cost less than the whole text would.
_CALL_CHARS = 16
# Needles a run of few-character items may expand to (`[bd]\\d\\d`: 200).
_MAX_NEEDLES = 300
# A pattern of unbounded width is tried at each possible start before a needle
# when there are at most this many per needle.
_MAX_STARTS = 4
# Answers kept per place by text (kinds, folders, templates recur; so do whole bodies: a
# copied file, a version saved again): texts up to a body's window (`scoring.text_window`,
# 8,001 characters in rules/classes.yaml), at most this many and this many characters.
_MEMO_LONGEST = 10_000
_MEMO_TEXTS = 1024
_MEMO_HELD = 1_000_000
# Personal data kept by text (`CompiledRules.findings`): texts up to what it reads of a
# body (`personal_data.text_chars`, 60,000 characters in rules/classes.yaml).
_FINDINGS_LONGEST = 60_000
_FINDINGS_TEXTS = 1024
_FINDINGS_HELD = 2_000_000
# flag combinations kept with the `when` signals they set (`CompiledRules.facts_on`)
_FLAGGED = 256


def _casefix_table() -> dict[int, str]:
    """Characters `re.IGNORECASE` treats as one letter (`ſ`/`s`, `ı`/`i`, `ς`/`σ`), to one."""
    groups: dict[int, set[int]] = {}
    for key, others in _casefix._EXTRA_CASES.items():
        group = {key, *others}
        for member in list(group):
            group |= groups.get(member, set())
        for member in group:
            groups[member] = group
    return {c: chr(min(group)) for c, group in groups.items() if c != min(group)}


_CASEFIX = _casefix_table()
_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # what `\d` matches beyond 0-9 (other scripts)
# After str.lower(): characters that need _CASEFIX, the combining dot that
# lower() adds to `İ` (which IGNORECASE matches as a plain `i`); other digits are
# _OTHER_DIGIT. Two searches for one class each: `re` then skips to a candidate
# character in C (an alternation of the two tries each position).
_NEEDS_CASEFIX = re.compile("[" + re.escape("".join(map(chr, _CASEFIX))) + "\u0307]")


def _ascii_digit(match: re.Match[str]) -> str:
    return str(unicodedata.decimal(match.group()))


def caseless(text: str) -> str:
    """`text` lower-cased the way `re.IGNORECASE` compares letters (needles and texts),
    with every `\\d` digit as 0-9, keeping its length (positions stay valid)."""
    lowered = text.lower()
    if lowered.isascii() or (
        _NEEDS_CASEFIX.search(lowered) is None and _OTHER_DIGIT.search(lowered) is None
    ):
        return lowered
    lowered = text.replace("\u0130", "i").lower().translate(_CASEFIX)
    return _OTHER_DIGIT.sub(_ascii_digit, lowered)


# `needle_text`: a character's caseless form when it is one Latin-1 character (every
# Latin-1 character's is: checked here), else NUL. No needle holds NUL or a character
# beyond Latin-1 (each place checks its own), so needles are found where they are in
# caseless(text), at the same positions, by one byte table a character instead of
# str.lower() and two searches over the text.
_CASELESS_LATIN1 = "".join(caseless(chr(c)) for c in range(256)).encode("latin-1")
assert len(_CASELESS_LATIN1) == 256  # one Latin-1 character each
assert _CASELESS_LATIN1.translate(_CASELESS_LATIN1) == _CASELESS_LATIN1


# bounded: a worker lives long and hostile text may hold any of Unicode's characters
@functools.lru_cache(maxsize=4096)
def _needle_char(char: str) -> str:
    form = caseless(char)
    return form if len(form) == 1 and ord(form) < 256 else "\x00"


def _needle_chars(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: each character beyond Latin-1 as `_needle_char`."""
    assert isinstance(error, UnicodeEncodeError)
    run = error.object[error.start : error.end]
    return "".join([_needle_char(c) for c in run]), error.end


codecs.register_error("recordkeeper.needle_chars", _needle_chars)


def needle_text(text: str) -> str:
    """`caseless(text)` as far as needles can tell: same length, every Latin-1 character
    of it the same; a character whose caseless form lies beyond Latin-1 is NUL.

    Where a needle of Latin-1 characters other than NUL occurs is the same in both:
    `caseless` changes characters one by one (`İ` too, and a Greek sigma, which
    context can change, is beyond Latin-1 either way), and an occurrence of such a
    needle covers no position where they differ.
    """
    if text.isascii():
        return text.lower()
    return needle_bytes(text).decode("latin-1")


def needle_bytes(text: str) -> bytes:
    """`needle_text(text)` as Latin-1 bytes, one a character (what the automata of a place
    whose needles are all Latin-1 search: no UTF-8 copy, no offsets to map back)."""
    return text.encode("latin-1", "recordkeeper.needle_chars").translate(_CASELESS_LATIN1)


# ASCII word characters, as characters and as bytes: where `needle_text`/`needle_bytes` (or
# `caseless`) holds one, the text holds a word character (`\\w`): only letters and digits
# have a caseless form that is an ASCII letter or digit (tests/unit/test_classify_scan.py
# checks every character)
_WORD_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz_"
_WORD_ASCII: frozenset[str | int] = frozenset([*_WORD_CHARS, *_WORD_CHARS.encode()])


def _latin1_needles(needles: Iterable[str]) -> bool:
    """Whether `needle_text` finds `needles` where `caseless` does (see there)."""
    return all("\x00" not in n and max(map(ord, n), default=0) < 256 for n in needles)


class Hit(NamedTuple):
    """What a fired signal adds: its value where it counts ("fact": a `when` signal),
    and the reason shown for it (`coi.phrase@title`)."""

    signal_id: str
    value: float
    where: str
    reason: str


def new_hit(signal_id: str, value: float, where: str) -> Hit:
    return Hit(signal_id, value, where, f"{signal_id}@{where}")


@dataclass(frozen=True, slots=True)
class CompiledSignal:
    """One signal: its weight at each of its places, in the rule's order.

    Its hits are made once here, not per document: `hit` when the signal has one
    answer (a `when` fact, or a single place), `at` for each of its places.
    """

    index: int  # position in CompiledRules.signals
    id: str
    weight: float
    values: tuple[tuple[Location, float], ...]  # weight x place factor
    when: Flag | None
    hit: Hit | None = field(init=False, repr=False, compare=False)
    at: Mapping[str, Hit] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        at = {where: new_hit(self.id, value, where) for where, value in self.values}
        hit = None
        if self.when is not None:
            hit = new_hit(self.id, self.weight, "fact")
        elif len(self.values) == 1:
            hit = at[self.values[0][0]]
        object.__setattr__(self, "at", at)
        object.__setattr__(self, "hit", hit)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            CompiledSignal,
            (self.index, self.id, self.weight, self.values, self.when),
        )


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a match can be, given where its needles are.

    Every match holds one of `needles` (ids in its place's automaton) or of the
    strings `find` (which the automaton does not look for), starting at most
    `before` characters after the match's start. When the search reads no
    further than `reach` characters past the match's start (lookaheads and
    `\\b` included), only windows around the needles are searched; otherwise
    the pattern is tried at each of the few possible starts. The automaton's
    pass already says where its needles are; `find` is looked for in the
    caseless text (`str.find`). A pattern whose own needles are not the
    requirement it is anchored on gets that requirement's strings as needles
    of the automaton (which wake nothing: they only say where they are), but
    for two-letter strings, common in prose, which are looked for with `find`
    when the pattern is searched: `\\b(jäv\\w*|jd|doi|coi)\\W{0,3}(inkommen|status)\\b`
    is anchored on `jav`, `doi`, `coi` (automaton) and `jd` (`find`).
    """

    needles: frozenset[int]
    before: int
    reach: int | None
    find: tuple[str, ...] = ()
    # `^x*` then the rest, `x` one character: `before` counts from the rest's start,
    # and a match is tried at the line starts from there back to its line's start
    line: bool = False
    # the match starts with `\\b` where its needle starts, with a word character: a needle
    # right after a word character starts no match (see `_WORD_ASCII`)
    word: bool = False
    # `find` as Latin-1 bytes (searched in `needle_bytes`), when they all are Latin-1
    find_latin1: tuple[bytes, ...] = field(init=False, repr=False, compare=False)
    # the needle, when `needles` is one
    one: int | None = field(init=False, repr=False, compare=False)
    # the cost of the windows (at most one per occurrence) against one whole search
    each: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        latin1 = _latin1_needles(self.find)
        found = tuple(n.encode("latin-1") for n in self.find) if latin1 else ()
        object.__setattr__(self, "find_latin1", found)
        object.__setattr__(
            self, "one", next(iter(self.needles)) if len(self.needles) == 1 else None
        )
        before, reach = self.before, self.reach
        each = _CALL_CHARS * (before + 1) if reach is None else _CALL_CHARS + before + reach
        object.__setattr__(self, "each", each)

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (self.needles, self.before, self.reach, self.find, self.line, self.word)
        return (_Anchor, fields)

    def search(
        self,
        pattern: _Regex,
        text: str,
        where: Mapping[int, list[int]],
        lowered: str | bytes,
    ) -> bool:
        """Whether `pattern` matches `text`, given `where`: needle id -> where it starts
        in `lowered` (ascending, as the automaton reports them), the caseless form of
        `text` (or its `needle_text`, or `needle_bytes`; same length: positions agree)."""
        before, reach = self.before, self.reach
        most = len(text) // self.each  # more occurrences than this: one whole search
        if self.find:
            starts = self._found(lowered, most, where)
            if starts is None:
                return pattern.anywhere(text)
        else:
            one = self.one
            if one is not None:  # one needle: its starts come in order, each once
                starts = where.get(one, [])
                if len(starts) > most:
                    return pattern.anywhere(text)
            else:
                # (`intersection` reads `where`'s keys in place; `&` copied them to a set first)
                needles = self.needles.intersection(where)
                if sum(len(where[needle]) for needle in needles) > most:
                    return pattern.anywhere(text)
                starts = sorted({at for needle in needles for at in where[needle]})
        if self.word:  # `\\b` cannot hold between two word characters
            starts = [at for at in starts if not at or lowered[at - 1] not in _WORD_ASCII]
        regex = pattern.ready or pattern.compiled
        if self.line:
            return _line_search(regex, text, starts, before)
        floor = 0  # no match starts before this (earlier windows)
        if reach is None:
            match = regex.match
            for at in starts:
                for i in range(floor if at - before < floor else at - before, at + 1):
                    if match(text, i):
                        return True
                floor = at + 1
            return False
        search = regex.search
        for at in starts:
            # searching up to `at + reach` reads exactly what a full search
            # would for matches starting by `at`; a later start may see a cut text
            found = search(text, floor if at - before < floor else at - before, at + reach)
            if found is not None and found.start() <= at:
                return True
            floor = at + 1
        return False

    def _found(
        self, lowered: str | bytes, most: int, where: Mapping[int, list[int]]
    ) -> list[int] | None:
        """Where the strings of `find` (overlapping) and the `needles` (from `where`) start
        in `lowered`, ascending, or None: more often than `most`."""
        find: tuple[Any, ...] = self.find if isinstance(lowered, str) else self.find_latin1
        starts: set[int] = set()
        if self.needles:
            for needle in self.needles.intersection(where):
                starts.update(where[needle])
            if len(starts) > most:
                return None
        elif len(find) == 1:  # one string: its starts come in order, each once
            (needle,) = find
            found: list[int] = []
            at = lowered.find(needle)
            while at >= 0:
                found.append(at)
                if len(found) > most:
                    return None
                at = lowered.find(needle, at + 1)
            return found
        for needle in find:
            at = lowered.find(needle)
            while at >= 0:
                starts.add(at)
                if len(starts) > most:
                    return None
                at = lowered.find(needle, at + 1)
        return sorted(starts)


def _line_search(regex: re.Pattern[str], text: str, starts: list[int], before: int) -> bool:
    """Whether `regex` (`^x*` then the rest, `x` one character, the rest's needles at
    `starts`, at most `before` characters into the rest) matches `text`.

    A match from a line start puts `x*` over the characters up to where the rest
    starts; from any later line start up to there, `x*` can take fewer of them
    (`x*` may take none) and the rest matches the same. So it is enough to try
    the line start of the rest's first possible start, and the line starts after it.
    """
    tried = -1
    for at in starts:
        start = text.rfind("\n", 0, max(at - before, 0)) + 1
        while start <= at:
            if start > tried:
                tried = start
                if regex.match(text, start):
                    return True
            newline = text.find("\n", start, at)
            if newline < 0:
                break
            start = newline + 1
    return False


def _searcher(pattern: str) -> Callable[[str, int], bool]:
    """Whether `pattern` matches a text (folded) at or after a position, as the probes
    search it: by the probes' own `_Regex` (`_regex_of`), not a second compilation."""
    return _regex_of(pattern).anywhere


class _Regex:
    """One rule pattern, compiled on first use: most never need a search (their
    needles are absent), so a worker that unpickles the rules compiles few of them."""

    __slots__ = ("_lines", "pattern", "ready")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.ready: re.Pattern[str] | None = None  # once compiled
        self._lines: re.Pattern[str] | None = None  # `\n` + the rest of a `^…` pattern

    def __reduce__(self) -> tuple[Any, ...]:
        return (_regex_of, (self.pattern,))

    @property
    def compiled(self) -> re.Pattern[str]:
        if self.ready is None:
            self._lines = _after_newline(self.pattern)
            self.ready = _lazy_compiled(self.pattern)
        return self.ready

    def anywhere(self, text: str, start: int = 0) -> bool:
        """Whether the pattern matches `text` at or after `start` (`compiled.search(text,
        start)`, answered faster for a pattern that starts at a line start: at the text's
        start, or a search for a newline followed by the rest, which `re` skips to instead
        of trying `^` at every position: many times cheaper)."""
        regex = self.ready or self.compiled
        lines = self._lines
        if lines is None:
            return regex.search(text, start) is not None
        if not start and regex.match(text) is not None:
            return True
        return lines.search(text, max(start - 1, 0)) is not None


# One `_Regex` a pattern in a process: the places and rule sets that search it (a pattern
# in several places, a rule set loaded again, a worker's unpickled rules) and the scanners
# confirming its approximated hits (`_searcher`) compile it once. Bounded: rules reloaded
# with other patterns (a dropped one is then a second object at worst, never a wrong one).
@functools.lru_cache(maxsize=4096)
def _regex_of(pattern: str) -> _Regex:
    return _Regex(pattern)


# Parse codes after which lazy and greedy repeats can match different sets of texts
# (backreferences read what a group took; atomic and possessive parts keep it).
_COMMITTING = frozenset(
    {_sre.GROUPREF, _sre.GROUPREF_EXISTS, _sre.ATOMIC_GROUP, _sre.POSSESSIVE_REPEAT}
)


def _wide(body: Any) -> bool:
    """Whether a repeated item is one character of any kind (`.`, `[\\s\\S]`)."""
    if len(body) != 1:
        return False
    op, arg = body[0]
    if op is _sre.ANY:
        return True
    if op is not _sre.IN:
        return False
    categories = {value for kind, value in arg if kind is _sre.CATEGORY}
    return any((a in categories and b in categories) for a, b in _COMPLEMENTS)


_COMPLEMENTS = (
    (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_SPACE),
    (_sre.CATEGORY_WORD, _sre.CATEGORY_NOT_WORD),
    (_sre.CATEGORY_DIGIT, _sre.CATEGORY_NOT_DIGIT),
)


def _lazier(items: Any) -> bool:
    """Make every repeat of one character of any kind lazy (`[\\s\\S]{0,600}` ->
    `[\\s\\S]{0,600}?`), in place; False (nothing changed) when the pattern
    holds anything for which that could change whether it matches."""
    changes: list[tuple[Any, int]] = []

    def walk(sequence: Any) -> bool:
        for index, (op, arg) in enumerate(sequence):
            if op in _COMMITTING:
                return False
            nested: list[Any] = []
            if op is _sre.MAX_REPEAT:
                if _wide(arg[2]):
                    changes.append((sequence, index))
                nested = [arg[2]]
            elif op is _sre.MIN_REPEAT:
                nested = [arg[2]]
            elif op is _sre.SUBPATTERN:
                nested = [arg[3]]
            elif op is _sre.BRANCH:
                nested = list(arg[1])
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
                nested = [arg[1]]
            if not all(walk(sub) for sub in nested):
                return False
        return True

    if not walk(items):
        return False
    for sequence, index in changes:
        sequence[index] = (_sre.MIN_REPEAT, sequence[index][1])
    return bool(changes)


def _after_newline(pattern: str) -> re.Pattern[str] | None:
    """`\\n` followed by the rest of a pattern `^rest` (`^` at a line start, outside any
    group or alternation), or None for any other pattern.

    `^rest` matches at a position after the text's start exactly when a newline
    precedes it and `rest` matches there, that is when `\\nrest` matches one character
    earlier; the rest is read against the same text, look-behinds included.
    """
    try:
        items = _sre.parse(fold(pattern), _FLAGS)
        if not (
            len(items) > 0
            and items[0] == (_sre.AT, _sre.AT_BEGINNING)
            and items.state.flags & re.MULTILINE
        ):
            return None
        _lazier(items)  # as `_lazy_compiled` (whether a match exists does not change)
        rest = _sre.SubPattern(items.state, [(_sre.LITERAL, ord("\n")), *items[1:]])
        compiled: re.Pattern[str] = _sre_compiler.compile(rest, _FLAGS)
    except Exception:  # an unexpected parser shape: searched as written
        return None
    return compiled


def _lazy_compiled(pattern: str) -> re.Pattern[str]:
    """`compile_patterns((pattern,))`, with wide repeats lazy where that is safe.

    The scanner asks only whether a pattern matches and where the leftmost match
    starts. Without backreferences, atomic groups or possessive repeats, a match
    at a position exists whatever order the repeats try their lengths in, so
    both answers are the same; a lazy `[\\s\\S]{0,600}` finds the next words
    after `symtom` in a few steps where a greedy one reads 600 characters and
    walks back (four times cheaper on the evaluation sets' documents).
    """
    try:
        items = _sre.parse(fold(pattern), _FLAGS)
        lazy = _lazier(items)
    except Exception:  # an unexpected parser shape: the pattern as written
        lazy = False
    if lazy:
        compiled: re.Pattern[str] = _sre_compiler.compile(items, _FLAGS)
        return compiled
    return compile_patterns((pattern,))


@dataclass(frozen=True, slots=True)
class _Probe:
    """One pattern of one signal in one place."""

    signal: int
    regex: _Regex | None  # None: plain text, its needle decides
    requires: tuple[frozenset[int], ...]  # needle ids: one of each set must occur
    anchor: _Anchor | None = None  # None: search the whole text

    def matches(
        self, text: str, where: Mapping[int, list[int]] | None, lowered: str | bytes
    ) -> bool:
        """Whether the pattern matches `text`, once its needles are known to be there.

        `lowered`: `caseless(text)` (or `needle_bytes(text)`); `where`: needle id -> its
        starts in `lowered` when that has the same length as `text` (positions agree),
        else None.
        """
        if self.regex is None:
            return True
        if self.anchor is not None and where is not None:
            return self.anchor.search(self.regex, text, where, lowered)
        return self.regex.anywhere(text)


_NEEDLE = itemgetter(0)  # of an automaton's match: (needle id, start, end)


@dataclass(frozen=True, slots=True)
class _Place:
    """Everything searched in one place (title, content, ...).

    Pickles without its automaton, which is rebuilt from `needles` (an extraction
    worker gets the compiled rules this way, instead of parsing every pattern again).
    """

    needles: tuple[str, ...]  # a needle's id is its position
    # needle id -> (signals of plain-text patterns it decides, probe ids it wakes)
    by_needle: Mapping[int, tuple[tuple[int, ...], tuple[int, ...]]]
    probes: tuple[_Probe, ...]
    always: tuple[int, ...]  # probe ids with no usable needle: always searched
    # every (signal, pattern) of the place, in rule order (what `warm()`'s scanner searches)
    patterns: tuple[tuple[int, str], ...] = ()
    # all patterns at once (`hsscan`), once `warm()` built it; None: the needles' way
    scanner: Scanner | None = field(default=None, repr=False, compare=False)
    # finds `needles`: in `needle_bytes(text)` unless `exact`, else in `caseless(text)`
    finder: AhoCorasick | BytesAhoCorasick = field(init=False, repr=False, compare=False)
    # texts recur (a file's kind, its folders, a template, a copied body): their answers
    memo: TextMemo[str, frozenset[int]] = field(init=False, repr=False, compare=False)

    # `needle_text` finds every needle (and `find` string) where `caseless` does
    exact: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "memo", TextMemo(_MEMO_TEXTS, _MEMO_HELD, _MEMO_LONGEST))
        found = [n for p in self.probes if p.anchor is not None for n in p.anchor.find]
        exact = not _latin1_needles((*self.needles, *found))
        object.__setattr__(self, "exact", exact)
        finder: AhoCorasick | BytesAhoCorasick = (
            AhoCorasick(self.needles)
            if exact
            else BytesAhoCorasick([n.encode("latin-1") for n in self.needles])
        )
        object.__setattr__(self, "finder", finder)

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (self.needles, self.by_needle, self.probes, self.always, self.patterns)
        return (_Place, (*fields, self.scanner))

    def warm(self) -> None:
        """Build the scanner (Hyperscan), where it can run; texts it cannot project, or
        every text where it cannot run, are searched the needles' way."""
        if self.scanner is None and self.patterns:
            object.__setattr__(self, "scanner", scanner(self.patterns, _searcher))

    def fired(self, text: str) -> frozenset[int]:
        """Ids of the signals with a pattern that matches `text` (folded)."""
        known = self.memo.get(text)
        if known is not None:
            return known
        found = frozenset(self._fired(text))
        self.memo.put(text, len(text), found)
        return found

    def _fired(self, text: str) -> set[int]:
        if self.scanner is not None:
            found = self.scanner.fired(text)
            if found is not None:
                return found
        return self._searched(text)

    def _searched(self, text: str) -> set[int]:
        lowered = caseless(text) if self.exact else needle_bytes(text)
        found = self.finder.find_matches_as_indexes(lowered, overlapping=True)  # type: ignore[arg-type]
        present = set(map(_NEEDLE, found))
        fired: set[int] = set()
        woken: set[int] = set(self.always)
        by_needle = self.by_needle
        for needle in present:
            signals, wakes = by_needle[needle]
            if signals:
                fired.update(signals)
            if wakes:
                woken.update(wakes)
        probes = self.probes
        where: dict[int, list[int]] | None = None  # needle -> starts, once an anchor needs it
        aligned = len(lowered) == len(text)
        for probe_id in woken:
            probe = probes[probe_id]
            if probe.signal in fired:
                continue
            if probe.requires and any(r.isdisjoint(present) for r in probe.requires):
                continue
            if where is None and aligned and probe.anchor is not None:
                where = {}
                for needle, at, _ in found:
                    starts = where.get(needle)
                    if starts is None:
                        where[needle] = [at]
                    else:
                        starts.append(at)
            if probe.matches(text, where if aligned else None, lowered):
                fired.add(probe.signal)
        return fired


FiredAt = tuple[Location, frozenset[int]]  # a place, the signals that fire there


def ranked_hits(signals: Iterable[CompiledSignal]) -> dict[Location, dict[int, tuple[int, Hit]]]:
    """Per place, each signal with a pattern there: (rank, the signal's hit there).

    A signal that fires in several places counts at its best one: the largest |value|, the
    first of equals in the rule's order of places (`values`). Ranks order a signal's places
    that way, so the best place where it fired is the one of least rank, found by comparing
    ranks instead of walking the signal's places per document.
    """
    out: dict[Location, dict[int, tuple[int, Hit]]] = {}
    for signal in signals:
        values = signal.values
        order = sorted(range(len(values)), key=lambda i: (-abs(values[i][1]), i))
        for rank, i in enumerate(order):
            location = values[i][0]
            hit = signal.hit if signal.hit is not None else signal.at[location]
            out.setdefault(location, {}).setdefault(signal.index, (rank, hit))
    return out


@dataclass(frozen=True, slots=True)
class CompiledRules:
    """Signals in groups: one per class (in rule order), then the five marker lists."""

    rules: ClassRules
    signals: tuple[CompiledSignal, ...]  # every signal, group after group
    groups: tuple[tuple[CompiledSignal, ...], ...]
    group_of: tuple[int, ...]  # signal index -> its group
    facts: tuple[tuple[CompiledSignal, ...], ...]  # per group: its `when` signals
    places: Mapping[Location, _Place]
    classes: tuple[tuple[DocumentClass, int], ...]  # (class, its group)
    # what the classifier decided from a document's fired signals (and the few facts it
    # reads besides), by those: documents alike in them recur (`classifier._decided`)
    decisions: dict[Any, Any] = field(init=False, repr=False, compare=False)
    # personal data found by (text, e-mail addresses) (`classifier._personal_data`)
    findings: TextMemo[tuple[str, tuple[str, ...]], PersonalDataFindings] = field(
        init=False, repr=False, compare=False
    )
    # per place, each signal searched there: (the place's rank among the signal's, its hit)
    # (`ranked_hits`; `classifier._Fired` takes a fired signal's hit of least rank)
    hits_at: Mapping[Location, Mapping[int, tuple[int, Hit]]] = field(
        init=False, repr=False, compare=False
    )
    # `facts_on`'s answers by the flags (few combinations occur)
    flagged: dict[tuple[tuple[Flag, bool], ...], Mapping[int, tuple[CompiledSignal, ...]]] = field(
        init=False, repr=False, compare=False
    )
    # personal data's cues and digits found in one pass (Hyperscan), once `warm()` built it
    personal: PersonalDataScan | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "decisions", {})
        object.__setattr__(self, "hits_at", ranked_hits(self.signals))
        object.__setattr__(self, "flagged", {})
        object.__setattr__(
            self, "findings", TextMemo(_FINDINGS_TEXTS, _FINDINGS_HELD, _FINDINGS_LONGEST)
        )

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (self.rules, self.signals, self.groups, self.group_of, self.facts)
        return (CompiledRules, (*fields, self.places, self.classes, self.personal))

    # the marker groups follow the classes
    @property
    def draft_markers(self) -> int:
        return len(self.rules.classes)

    @property
    def final_markers(self) -> int:
        return len(self.rules.classes) + 1

    @property
    def sent_markers(self) -> int:
        return len(self.rules.classes) + 2

    @property
    def adds_facts_markers(self) -> int:
        return len(self.rules.classes) + 3

    @property
    def case_markers(self) -> int:
        return len(self.rules.classes) + 4

    def facts_on(self, flags: Mapping[Flag, bool]) -> Mapping[int, tuple[CompiledSignal, ...]]:
        """Per group, its `when` signals whose flag is set in `flags`, in rule order (a group
        with none is left out)."""
        key = tuple(flags.items())
        found = self.flagged.get(key)
        if found is None:
            found = {}
            for group, facts in enumerate(self.facts):
                on = tuple(s for s in facts if s.when is not None and flags.get(s.when))
                if on:
                    found[group] = on
            if len(self.flagged) >= _FLAGGED:
                self.flagged.clear()
            self.flagged[key] = found
        return found

    def warm(self) -> None:
        """Compile every pattern now instead of on first use, and build the places'
        scanners (a worker about to take files; the process that pickles the rules
        for the workers, so they get the scanners' databases built)."""
        if self.personal is None:
            object.__setattr__(self, "personal", personal_data_scan())
        for place in self.places.values():
            place.warm()
            for probe in place.probes:
                if probe.regex is not None:
                    probe.regex.compiled  # noqa: B018  (the property compiles and keeps it)

    def scan(self, views: Mapping[Location, str]) -> dict[int, set[Location]]:
        """Signal index -> the places where one of its patterns matches (folded views)."""
        return self.places_of(self.fired_at(views))

    def fired_at(self, views: Mapping[Location, str]) -> tuple[FiredAt, ...]:
        """(place, the signals with a pattern that matches there) for each place of
        `views` (folded) where one does, in the order of `views`."""
        found: list[FiredAt] = []
        for location, text in views.items():
            place = self.places.get(location)
            if place is not None and text:
                fired = place.fired(text)
                if fired:
                    found.append((location, fired))
        return tuple(found)

    @staticmethod
    def places_of(fired: Iterable[FiredAt]) -> dict[int, set[Location]]:
        """`fired_at`'s answer by signal: signal index -> the places where it fires."""
        found: dict[int, set[Location]] = {}
        for location, signals in fired:
            for signal in signals:
                found.setdefault(signal, set()).add(location)
        return found


# --- needles: what a match must contain, read from the parsed pattern ---

# (needle set, how far after the match's start one of them starts at most;
# None when unbounded or inside a group)
_Requirement = tuple[frozenset[str], int | None]


def _usable(needles: frozenset[str]) -> bool:
    shortest = min(needles, key=len, default="")
    return len(shortest) >= _MIN_NEEDLE or (
        len(shortest) == 1 and all(len(n) > 1 or n in _RARE_CHARS for n in needles)
    )


def _rare(needles: frozenset[str]) -> bool:
    """Whether every needle is longer than two characters or a character rare in prose."""
    return all(len(n) > 2 or n in _RARE_CHARS for n in needles)


def _selectivity(needles: frozenset[str]) -> tuple[int, int]:
    """Longer shortest needle first, then fewer needles."""
    return min(map(len, needles)), -len(needles)


def _max_width(items: Any) -> int | None:
    """The most characters a parsed (sub)pattern can match, or None: unbounded."""
    widest = items.getwidth()[1]
    return widest if widest < _MAX_ANCHOR else None


def _chars(op: Any, arg: Any) -> frozenset[str] | None:
    """The strings one parsed item matches (caseless), when they are few: a
    character, a small class, or a group of such (`(20|19)`, `(ar|år)`)."""
    if op is _sre.LITERAL:
        return frozenset({caseless(chr(arg))})
    if op is _sre.SUBPATTERN:
        return _sequence_strings(arg[3])
    if op is _sre.BRANCH:
        options = [_sequence_strings(alt) for alt in arg[1]]
        if any(o is None for o in options):
            return None
        union = frozenset().union(*[o for o in options if o is not None])
        return union if len(union) <= _MAX_NEEDLES else None
    if op is not _sre.IN:
        return None
    chars: set[str] = set()
    for kind, value in arg:
        if kind is _sre.LITERAL:
            chars.add(chr(value))
        elif kind is _sre.RANGE and value[1] - value[0] < 26:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT:
            chars.update("0123456789")  # other scripts' digits: see caseless()
        else:  # a negated or wide class
            return None
    return frozenset(caseless(c) for c in chars)


def _sequence_strings(items: Any) -> frozenset[str] | None:
    """Every string a parsed sequence of such items matches, or None: too many or not fixed."""
    strings = frozenset({""})
    for op, arg in items:
        chars = _chars(op, arg)
        if chars is None and op is _sre.MAX_REPEAT and arg[:2] == (0, 1) and len(arg[2]) == 1:
            chars = _chars(*arg[2][0])  # `x?`
            chars = None if chars is None else chars | {""}
        if chars is None or len(strings) * len(chars) > _MAX_NEEDLES:
            return None
        strings = frozenset(a + b for a in strings for b in chars)
    return strings


def _requirements(items: Any, top: bool) -> list[_Requirement]:
    """Needle sets of which a match of the parsed sequence contains one each.

    Consecutive items that match one of few characters (`ab`, `[bd]\\d`,
    `v\\.?`) give every string they can match, up to `_MAX_NEEDLES` of them.
    `top`: `items` is the whole pattern, so the offsets of its needles are known.
    """
    found: list[_Requirement] = []
    run: set[str] = set()  # strings of the current stretch of such items; empty: none
    run_offset = 0  # the run starts by the end of items[:run_offset]

    def offset(upto: int) -> int | None:  # widest match of items[:upto]
        return _max_width(_sre.SubPattern(items.state, list(items[:upto]))) if top else None

    def flush() -> None:
        nonlocal run
        if run and _usable(frozenset(run)):
            found.append((frozenset(run), offset(run_offset)))
        run = set()

    def extend(chars: frozenset[str], at: int) -> None:
        """The run followed by one of `chars` (`at`: they start by the end of items[:at])."""
        nonlocal run, run_offset
        if run and len(run) * len(chars) <= _MAX_NEEDLES:
            run = {s + c for s in run for c in chars}
            return
        flush()
        run, run_offset = set(chars), at

    for i, (op, arg) in enumerate(items):
        chars = _chars(op, arg)
        if chars is not None:
            extend(chars, i)
            continue
        repeats = op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
        one = _chars(*arg[2][0]) if repeats and len(arg[2]) == 1 else None
        optional = one is not None and arg[0] == 0 and arg[1] == 1
        if optional and run and len(run) * (len(one or ()) + 1) <= _MAX_NEEDLES:
            # `x?`: the run goes on with or without it
            run = {s + c for s in run for c in (*(one or ()), "")}
            continue
        if one is not None and arg[0] >= 1:
            # `x{3,}`: the run goes on through the first copies; the next run
            # starts with the last copies, just before the next item
            copies = min(arg[0], 8)
            for _ in range(copies):
                if run and len(run) * len(one) > _MAX_NEEDLES:
                    break
                extend(one, i)
            flush()
            while copies > 1 and len(one) ** copies > _MAX_NEEDLES:
                copies -= 1
            for _ in range(copies):
                extend(one, i + 1)
            continue
        flush()
        # inside item i: offsets are from its start (of its first copy, for a repeat)
        inner: list[_Requirement] = []
        if op is _sre.SUBPATTERN:
            inner = _requirements(arg[3], top)
        elif op is _sre.BRANCH:
            best = [_best(_requirements(alt, top)) for alt in arg[1]]
            if best and all(b is not None for b in best):
                needles = frozenset().union(*[b[0] for b in best if b is not None])
                offsets = [b[1] for b in best if b is not None]
                latest = None if None in offsets else max(o for o in offsets if o is not None)
                inner = [(needles, latest)]
        elif repeats and arg[0] >= 1:
            inner = _requirements(arg[2], top)
        if inner:
            start = offset(i)  # item i starts by this
            within = offset(i + 1)  # anything inside item i starts by its end
            for needles, at in inner:
                bounds = [] if within is None else [within]
                if start is not None and at is not None:
                    bounds.append(start + at)
                found.append((needles, min(bounds, default=None)))
    flush()
    return [(n, at) for n, at in found if n and _usable(n)]


def _best(requirements: list[_Requirement]) -> _Requirement | None:
    """The most selective requirement: the one whose shortest needle is longest."""
    return max(requirements, key=lambda r: _selectivity(r[0]), default=None)


def _lookahead_width(items: Any) -> int | None:
    """How far all lookaheads of a parsed pattern can read, added up; None: unbounded."""
    total = 0
    for op, arg in items:
        nested: list[Any] = []
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if arg[0] == 1:  # a lookahead (-1: a lookbehind, which reads backwards)
                width = _max_width(arg[1])
                if width is None:
                    return None
                total += width
            nested = [arg[1]]
        elif op is _sre.SUBPATTERN:
            nested = [arg[3]]
        elif op is _sre.BRANCH:
            nested = list(arg[1])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            nested = [arg[2]]
        elif op is _sre.ATOMIC_GROUP:
            nested = [arg]
        elif op is _sre.GROUPREF_EXISTS:
            nested = [a for a in arg[1:] if a is not None]
        for sub in nested:
            width = _lookahead_width(sub)
            if width is None:
                return None
            total += width
    return total


@dataclass(frozen=True, slots=True)
class _Needles:
    """What parsing one pattern found."""

    literal: str | None  # the pattern is this plain text (caseless)
    requirements: tuple[frozenset[str], ...]  # most selective first
    anchor: tuple[int, int | None] | None  # (before, reach) of an _Anchor on `anchor_on`
    anchor_on: frozenset[str] = frozenset()  # one of `requirements`, else found by str.find
    line: bool = False  # a line anchor (`_line_search`)
    word: bool = False  # `\\b` then the anchor's needles, each starting with a word character


def _pattern_needles(pattern: str) -> _Needles:
    try:
        items = _sre.parse(fold(pattern), re.IGNORECASE | re.MULTILINE)
        plain = "".join(chr(arg) for op, arg in items if op is _sre.LITERAL)
        if len(plain) == len(items) > 0 and not any(c.isdigit() for c in plain):
            # plain text: the needle decides (digits are searched: caseless()
            # makes other scripts' digits ASCII, which a plain `1` does not match)
            return _Needles(caseless(plain), (), None)
        found = sorted(_requirements(items, True), key=lambda r: _selectivity(r[0]), reverse=True)
        width, ahead = _max_width(items), _lookahead_width(items)
    except Exception:  # an unexpected parser shape: no needles, always searched
        return _Needles(None, (), None)
    # further requirements are worth testing only when their needles are rarer
    # than a two-letter string, which turns up in nearly every text: longer
    # strings, or characters rare in prose (`%`, `@`, `§`)
    requirements = tuple(dict.fromkeys(n for i, (n, _) in enumerate(found) if i == 0 or _rare(n)))
    # the anchor: the most selective requirement whose needles start a bounded
    # way into a match (not always the first: in `\bnpo\b.*(förslag|nominer)`, `npo`)
    anchor: tuple[int, int | None] | None = None
    anchor_on: frozenset[str] = frozenset()
    # +2: `\\b` and `$` look one character past the match's end
    reach = width + ahead + 2 if width is not None and ahead is not None else None
    # needles the automaton looks for first; others (`str.find`) when none will do
    ranked = [r for r in found if r[0] in requirements] + [
        r for r in found if r[0] not in requirements
    ]
    for needles, before in ranked:
        if before is None:
            continue
        if reach is not None and reach <= _MAX_ANCHOR:
            anchor, anchor_on = (before, reach), needles
        elif before <= _MAX_STARTS:
            anchor, anchor_on = (before, None), needles
        else:
            continue
        break
    if anchor is None and _line_start(items):
        # `^\s*(från|from)\s*:`: anchored on the needles of what follows `^\s*`
        rest = _sre.SubPattern(items.state, list(items[2:]))
        after = {n: at for n, at in _requirements(rest, True) if at is not None}
        for needles, _ in ranked:
            if needles in after:
                return _Needles(None, requirements, (after[needles], None), needles, line=True)
    # `\\b` at the match's start, where a needle starting with a word character starts
    word = (
        anchor is not None
        and anchor[0] == 0
        and items[0] == (_sre.AT, _sre.AT_BOUNDARY)
        and all(n[:1] in _WORD_ASCII for n in anchor_on)
    )
    return _Needles(None, requirements, anchor, anchor_on, word=word)


def _line_start(items: Any) -> bool:
    """Whether a parsed pattern is `^x*` (`x`: one character) and then something."""
    if len(items) < 3 or not items.state.flags & re.MULTILINE:
        return False
    (op, arg), (repeat, spec) = items[0], items[1]
    return (
        op is _sre.AT
        and arg is _sre.AT_BEGINNING
        and repeat in (_sre.MAX_REPEAT, _sre.MIN_REPEAT)
        and spec[0] == 0
        and spec[2].getwidth() == (1, 1)
    )


# --- compiling ---


def _compile_signals(
    signals: Iterable[Signal], start: int, factors: Mapping[Location, float]
) -> tuple[CompiledSignal, ...]:
    return tuple(
        CompiledSignal(
            start + i,
            s.id,
            s.weight,
            tuple((loc, s.weight * factors.get(loc, 1.0)) for loc in s.in_),
            s.when,
        )
        for i, s in enumerate(signals)
    )


class _PlaceBuilder:
    def __init__(self) -> None:
        self.needle_ids: dict[str, int] = {}
        self.probes: list[_Probe] = []
        self.decides: dict[int, set[int]] = {}  # needle id -> signals of plain-text patterns
        self.wakes: dict[int, list[int]] = {}  # needle id -> probes to try
        self.always: list[int] = []
        self.patterns: list[tuple[int, str]] = []

    def _id(self, needle: str) -> int:
        return self.needle_ids.setdefault(needle, len(self.needle_ids))

    def add(self, signal: int, pattern: str, needles: _Needles, regex: _Regex | None) -> None:
        self.patterns.append((signal, pattern))
        if needles.literal is not None:
            self.decides.setdefault(self._id(needles.literal), set()).add(signal)
            return
        probe_id = len(self.probes)
        sets = tuple(frozenset(map(self._id, r)) for r in needles.requirements)
        anchor = None
        if needles.anchor is not None and needles.anchor_on in needles.requirements:
            anchor = _Anchor(frozenset(map(self._id, needles.anchor_on)), *needles.anchor)
        elif needles.anchor is not None:
            # the automaton reads the text anyway: it says where the anchor's strings are,
            # but for two-letter ones, too common in prose (`ar`), looked for when needed
            common = sorted(n for n in needles.anchor_on if not _rare(frozenset({n})))
            rare = frozenset(self._id(n) for n in sorted(needles.anchor_on) if n not in common)
            anchor = _Anchor(rare, *needles.anchor, tuple(common))
        if anchor is not None and needles.line:
            anchor = replace(anchor, line=True)
        if anchor is not None and needles.word:
            anchor = replace(anchor, word=True)
        self.probes.append(_Probe(signal, regex, sets[1:], anchor))
        if not sets:
            self.always.append(probe_id)
        for needle in sets[0] if sets else ():
            self.wakes.setdefault(needle, []).append(probe_id)

    def build(self) -> _Place:
        return _Place(
            tuple(self.needle_ids),  # ids are insertion order: a match's index
            {
                n: (
                    tuple(sorted(self.decides.get(n, ()))),
                    tuple(self.wakes.get(n, ())),
                )
                for n in self.needle_ids.values()
            },
            tuple(self.probes),
            tuple(self.always),
            tuple(self.patterns),
        )


def compile_rules(rules: ClassRules) -> CompiledRules:
    """Compile every pattern of `rules` (already validated at load)."""
    factors = rules.scoring.location_factor
    groups: list[tuple[Signal, ...]] = [c.signals for c in rules.classes]
    groups += [
        rules.draft.draft_markers,
        rules.draft.final_markers,
        rules.registration.sent_markers,
        rules.registration.adds_facts_markers,
        rules.registration.case_markers,
    ]
    compiled_groups: list[tuple[CompiledSignal, ...]] = []
    builders: dict[Location, _PlaceBuilder] = {}
    index = 0
    for group in groups:
        compiled_groups.append(_compile_signals(group, index, factors))
        for offset, signal in enumerate(group):
            for pattern in signal.any:
                needles = _pattern_needles(pattern)
                found = None if needles.literal is not None else _regex_of(pattern)
                for location in dict.fromkeys(signal.in_):
                    builder = builders.setdefault(location, _PlaceBuilder())
                    builder.add(index + offset, pattern, needles, found)
        index += len(group)
    return CompiledRules(
        rules=rules,
        signals=tuple(s for g in compiled_groups for s in g),
        groups=tuple(compiled_groups),
        group_of=tuple(i for i, g in enumerate(compiled_groups) for _ in g),
        facts=tuple(tuple(s for s in g if s.when is not None) for g in compiled_groups),
        places={loc: b.build() for loc, b in builders.items()},
        classes=tuple((c, i) for i, c in enumerate(rules.classes)),
    )


def compiled(rules: ClassRules | CompiledRules) -> CompiledRules:
    """The compiled form of `rules`, compiling on first use only."""
    if isinstance(rules, CompiledRules):
        return rules
    return _compiled_once(rules)


_compiled_once = by_identity(maxsize=8)(compile_rules)
