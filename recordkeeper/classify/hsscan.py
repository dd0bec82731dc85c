"""PURE: a place's patterns searched all at once by Hyperscan, with `re`'s answers.

Hyperscan (Intel's multi-pattern regular-expression engine, PyPI `hyperscan`) says
in one pass over a text which of a few hundred patterns match anywhere in it. Its
regular expressions are not Python's: `\\w`, `\\b` and `\\s` are ASCII ones (and
`\\b` is not supported with its Unicode mode), case folding is ASCII only. So a
pattern is not handed over as written: it is rewritten from Python's own parse
into a handful of constructs whose meaning is the same in both engines (byte
classes, sequences, alternation, groups, repeats, `^`, `$`, `\\A`, `\\z`, `\\b`,
`\\B`), over the text *projected* onto bytes:

- each character of the scanner's table (ASCII, the characters beyond ASCII that
  the patterns name, other punctuation) is one byte of its own;
- any other word character (`\\w`: letters and digits beyond ASCII, which the
  patterns do not name) is `_`; any other space (`\\s`) is one byte, anything
  else another: characters of one such kind match every allowed item alike;
- a text holding a character that case-insensitive matching ties to an ASCII one
  (`K` KELVIN SIGN, `ſ`, `ı`, `İ`) or a digit beyond ASCII (which `\\d` matches,
  `[0-9]` does not) is not projected: the caller searches it the other way.

Each character item of a pattern (a literal, a class, `.`) becomes the class of the
bytes whose characters Python's `re` itself matches with that item and its flags,
so case-insensitivity, `\\w`/`\\s`/`\\d` and negation are decided by `re`. `\\b`
agrees because a byte is an ASCII word character exactly when its characters are
word characters. A pattern with anything else (look-arounds, `_` or a letter beyond
ASCII named, a `^` inside) or that Hyperscan will not take as written is *approximated*:
the construct is dropped or widened to any byte, so Hyperscan matches at least
where `re` does, and a hit is checked with `re`. A pattern that can match an empty
string is searched with `re` every time. tests/unit/test_classify_hsscan.py runs
every pattern of the rules through both engines.

A scanner pickles as Hyperscan's serialized database (built once by the process that
pickles the rules for the extraction workers); a database that does not load there
(another CPU, another library version) is compiled again, and where Hyperscan is not
installed or the CPU lacks what it needs (SSSE3) there is no scanner: the caller
keeps its own search.
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from re import _casefix  # type: ignore[attr-defined]
from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

from recordkeeper.ruleset.classes import _FLAGS, fold

hyperscan: Any  # the module, or None: not installed (the caller's own search answers)
try:
    import hyperscan as _hyperscan

    hyperscan = _hyperscan
except ImportError:  # pragma: no cover - no wheel for this platform (x86-64 Linux only)
    hyperscan = None

_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")
_ASCII_CASE = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
_HS_FLAGS = 0 if hyperscan is None else hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_MULTILINE
_ANY = "[\\x00-\\xff]"
_WORD_BYTE = ord("_")
# Characters that get a byte of their own though no pattern names them: common
# punctuation beyond ASCII is then looked up in C instead of the error handler.
_COMMON = (
    "\u2013\u2014\u2019\u2018\u201c\u201d\u2022\u2026\u20ac\u2122\u2212\u00a0"
    + "".join(map(chr, range(0x80, 0x100)))
    + "".join(map(chr, range(0x2010, 0x2070)))
    + "".join(map(chr, range(0x2190, 0x2200)))
    + "".join(map(chr, range(0x25A0, 0x2600)))
)
# a few characters of each kind the projection puts on one byte, to check that an
# item matches them alike
_WORDS = "_\u00df\u00aa\u00b2\u0436\u4e00\u01c6\u0300"
_SPACES = "\u2009\u3000\u0085\u202f\u1680\u00a0"
_OTHERS = "\u2603\U0001f600\ufffd\u0378\x80"


class Unsupported(Exception):
    """A construct whose meaning the rewrite does not keep."""


class _Unprojectable(Exception):
    """A character the projection cannot keep apart (see the module's docstring)."""


def _odd(char: str) -> bool:
    """Whether `char` (beyond ASCII) is a `\\d` digit or matches an ASCII character
    when case is ignored: texts holding one are not projected."""
    return _DIGIT.fullmatch(char) is not None or _ASCII_CASE.fullmatch(char) is not None


def _plain(char: str) -> bool:
    """Whether a character beyond ASCII can be a byte of its own: no word character,
    no case, no tie to another character when case is ignored."""
    return (
        _WORD.fullmatch(char) is None
        and char.lower() == char == char.upper()
        and ord(char) not in _casefix._EXTRA_CASES
        and not _odd(char)
    )


class _Table:
    """The projection: byte -> the character it stands for, and its encoder."""

    def __init__(self, named: Iterable[str]) -> None:
        chars = [chr(b) for b in range(128)]
        taken = set(chars)
        space = next(c for c in _SPACES if c not in named)
        other = next(c for c in _OTHERS if c not in named)
        for char in (*named, space, other, *_COMMON):
            if len(chars) == 256:
                break
            if char not in taken and (char in (space, other) or _plain(char)):
                chars.append(char)
                taken.add(char)
        self.chars = "".join(chars)
        self.space = self.chars.index(space)
        self.other = self.chars.index(other)
        # the characters of each byte that stands for many (as the projection puts them)
        self.kinds = {
            byte: char
            + "".join(c for c in many if c not in taken and self._kind_byte(c)[0] == byte)
            for byte, char, many in (
                (_WORD_BYTE, "_", _WORDS),
                (self.space, space, _SPACES),
                (self.other, other, _OTHERS),
            )
        }
        self.encoding = codecs.charmap_build(self.chars)
        # a text of Latin-1 characters (most, once folded): encoded as such, then one table
        latin1 = [self.chars.find(chr(b)) for b in range(256)]
        self.latin1: bytes | None = None
        if not any(_odd(chr(b)) for b in range(256) if latin1[b] < 0):
            self.latin1 = bytes(
                b if b >= 0 else self._kind_byte(chr(c))[0] for c, b in enumerate(latin1)
            )
        self.errors = f"recordkeeper.hsscan.{id(self)}"
        codecs.register_error(self.errors, self._unmapped)
        self._byte = functools.lru_cache(maxsize=4096)(self._kind_byte)
        self._items: dict[tuple[str, int, bool], list[int] | Unsupported] = {}
        self.written: dict[str, tuple[str | None, bool]] = {}  # pattern -> `_written`

    def _kind_byte(self, char: str) -> bytes:
        if _odd(char):
            raise _Unprojectable
        if _WORD.fullmatch(char) is not None:
            return b"_"
        return bytes((self.space if _SPACE.fullmatch(char) is not None else self.other,))

    def _unmapped(self, error: UnicodeError) -> tuple[bytes, int]:
        assert isinstance(error, UnicodeEncodeError)
        run = error.object[error.start : error.end]
        return b"".join([self._byte(c) for c in run]), error.end

    def project(self, text: str) -> bytes | None:
        """`text` as the scanner's bytes, one a character; None: not projectable."""
        if text.isascii():
            return text.encode("ascii")
        if self.latin1 is not None:
            try:
                return text.encode("latin-1").translate(self.latin1)
            except UnicodeEncodeError:  # a character beyond: the table with its handler
                pass
        try:
            return codecs.charmap_encode(text, self.errors, self.encoding)[0]
        except _Unprojectable:
            return None

    def item_bytes(self, item: Any, flags: int, exact: bool) -> list[int]:
        """The bytes whose characters `re` matches with one character item under `flags`."""
        key = (str(item), flags, exact)
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = self._item_bytes(item, flags, exact)
        if isinstance(found, Unsupported):
            raise found
        return found

    def _item_bytes(self, item: Any, flags: int, exact: bool) -> list[int] | Unsupported:
        state = _sre.State()  # no flags of its own: the compiler adds a state's flags
        regex = _sre_compiler.compile(_sre.SubPattern(state, [item]), flags)
        found = []
        for byte in range(256):
            answers = {
                regex.fullmatch(c) is not None for c in self.kinds.get(byte, self.chars[byte])
            }
            if len(answers) > 1 and exact:
                return Unsupported("an item matches characters of one byte differently")
            if True in answers:
                found.append(byte)
        return found


_AT = {
    _sre.AT_BEGINNING: "^",
    _sre.AT_END: "$",
    _sre.AT_BEGINNING_STRING: "\\A",
    _sre.AT_END_STRING: "\\z",
    _sre.AT_BOUNDARY: "\\b",
    _sre.AT_NON_BOUNDARY: "\\B",
}
_ITEMS = (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _named(items: Any) -> set[str]:
    """The characters beyond ASCII a parsed pattern names (in literals and classes)."""
    found: set[str] = set()
    for op, arg in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL) and arg > 127:
            found.add(chr(arg))
        elif op is _sre.IN:
            found.update(chr(v) for k, v in arg if k is _sre.LITERAL and v > 127)
        elif op is _sre.SUBPATTERN:
            found |= _named(arg[3])
        elif op is _sre.BRANCH:
            for alternative in arg[1]:
                found |= _named(alternative)
        elif op in _REPEATS:
            found |= _named(arg[2])
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            found |= _named(arg[1])
    return found


class _Rewrite:
    """A parsed pattern as a Hyperscan expression over `table`'s bytes; `exact`: every
    construct kept (else Unsupported), or else widened where it is not."""

    def __init__(self, table: _Table, exact: bool) -> None:
        self.table, self.exact = table, exact

    def item(self, op: Any, arg: Any, flags: int) -> str:
        named = [arg] if op in (_sre.LITERAL, _sre.NOT_LITERAL) else []
        if op is _sre.IN:
            for kind, value in arg:
                if kind is _sre.LITERAL:
                    named.append(value)
                elif kind is _sre.RANGE and value[1] > 127:
                    return self.widen("a range beyond ASCII")
                elif kind not in (_sre.RANGE, _sre.CATEGORY, _sre.NEGATE):
                    return self.widen(str(kind))
        if any(c > 127 and chr(c) not in self.table.chars for c in named):
            return self.widen("a character without a byte of its own")
        try:
            found = self.table.item_bytes((op, arg), flags, self.exact)
        except Unsupported:
            return self.widen("an item matches characters of one byte differently")
        if not found:
            raise Unsupported("an item matching nothing")
        return "[" + "".join(f"\\x{b:02x}" for b in found) + "]"

    def widen(self, why: str) -> str:
        if self.exact:
            raise Unsupported(why)
        return _ANY

    def sequence(self, items: Any, flags: int, start: bool, end: bool) -> str:
        """`items` rewritten; `start`/`end`: nothing can come before / after them in a
        match (where Hyperscan takes `^`, `\\A` / `$`, `\\z`)."""
        out: list[str] = []
        last = len(items) - 1
        for index, (op, arg) in enumerate(items):
            first, final = start and index == 0, end and index == last
            if op in _ITEMS:
                out.append(self.item(op, arg, flags))
            elif op is _sre.AT:
                anchor = _AT.get(arg)
                if arg in (_sre.AT_BEGINNING, _sre.AT_END) and not flags & re.MULTILINE:
                    anchor = None
                if arg in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING) and not first:
                    anchor = None  # Hyperscan takes no anchor inside
                if arg in (_sre.AT_END, _sre.AT_END_STRING) and not final:
                    anchor = None
                if anchor is not None:
                    out.append(anchor)
                elif self.exact:
                    raise Unsupported(str(arg))
                # else dropped: matches at least as much
            elif op in _REPEATS:
                low, high, body = arg
                if op is _sre.POSSESSIVE_REPEAT and self.exact:
                    raise Unsupported("a possessive repeat")
                most = "" if high is _sre.MAXREPEAT else str(high)
                out.append(f"(?:{self.sequence(body, flags, False, False)}){{{low},{most}}}")
            elif op is _sre.SUBPATTERN:
                _group, add, remove, body = arg
                if (add | remove) & ~re.IGNORECASE:
                    raise Unsupported("inline flags other than i")
                inner = self.sequence(body, (flags | add) & ~remove, first, final)
                out.append(f"(?:{inner})")
            elif op is _sre.ATOMIC_GROUP and not self.exact:
                out.append(f"(?:{self.sequence(arg, flags, first, final)})")
            elif op is _sre.BRANCH:
                alternatives = [self.sequence(a, flags, first, final) for a in arg[1]]
                out.append("(?:" + "|".join(alternatives) + ")")
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT) and not self.exact:
                continue  # a zero-width condition dropped: matches at least as much
            else:
                raise Unsupported(str(op))
        return "".join(out)


def expression(pattern: str, table: _Table, exact: bool) -> str:
    """`pattern` (a rule's, folded and compiled with `_FLAGS` as the classifier does)
    as a Hyperscan expression over `table`'s bytes: matching where `re` does (`exact`)
    or at least there. Unsupported: neither can be written."""
    items = _sre.parse(fold(pattern), _FLAGS)
    flags = items.state.flags
    if flags & ~(re.IGNORECASE | re.MULTILINE | re.UNICODE):
        raise Unsupported("global flags")
    written = _Rewrite(table, exact).sequence(items, flags, True, True)
    if items.getwidth()[0] == 0 or not written:
        raise Unsupported("can match an empty string")
    return written


def scan_alone(
    database: Any, scratch: Any, lock: threading.Lock, data: bytes, on_match: Any, context: Any
) -> bool:
    """Scan `data`, `on_match` told of each match with `context`, unless another thread
    holds the scratch space (one scan at a time on it) or Hyperscan fails: False then,
    and the caller answers its own way."""
    if not lock.acquire(blocking=False):
        return False
    try:
        database.scan(data, match_event_handler=on_match, context=context, scratch=scratch)
    except hyperscan.error:
        return False
    finally:
        lock.release()
    return True


def _on_match(pattern: int, _start: int, end: int, _flags: int, found: list[int]) -> None:
    found.append(pattern)
    found.append(end)


class Scanner:
    """Which of a place's patterns match a text, by one Hyperscan pass.

    `entries`: (signal, pattern) in the place's order; `search(pattern)`: a function
    that says whether `re` finds the pattern in a text (folded) at or after a position,
    for the patterns approximated or left out. `fired(text)` answers the signals of the matching
    patterns, or None when the text is not projectable or the scan cannot run now
    (the caller then searches the text its own way).
    """

    def __init__(
        self,
        entries: Sequence[tuple[int, str]],
        search: Callable[[str], Callable[[str, int], bool]],
        built: tuple[Any, ...] | None = None,
    ) -> None:
        """`built`: what `__reduce__` keeps of a scanner built before (the characters
        its table names, each pattern's expression and exactness, the serialized database)."""
        if hyperscan is None:
            raise Unsupported("hyperscan is not installed")
        self.entries = tuple(entries)
        self.search = search
        database = None
        if built is not None:
            named, written, serialized = built
            database = _load(serialized)
        else:
            named = set()
            for _, pattern in self.entries:
                try:
                    named |= _named(_sre.parse(fold(pattern), _FLAGS))
                except Exception:  # noqa: S112  (searched by `re`: see `_written`)
                    continue
        self.named = tuple(sorted(named))
        self.table = _table(self.named)
        if built is None:
            written = [_written(pattern, self.table) for _, pattern in self.entries]
        if database is None:
            database, written = _database(written)
        self.database = database
        self.written: tuple[tuple[str | None, bool], ...] = tuple(written)
        self.signal: list[int] = []  # Hyperscan's id -> the signal
        # Hyperscan's id -> how to confirm its hit with `re` (approximated), or None
        self.check: list[Callable[[str, int], bool] | None] = []
        # Hyperscan's id -> the widest match of an approximated pattern (None: unbounded):
        # a match of the pattern is one of the approximation's, so it ends no earlier than
        # the first hit and starts at most this far before
        self.widest: list[int | None] = []
        # (signal, how to search it): patterns Hyperscan does not take, searched by `re`
        self.always: list[tuple[int, Callable[[str, int], bool]]] = []
        for (signal, pattern), (expression_, exact) in zip(self.entries, self.written, strict=True):
            if expression_ is None:
                self.always.append((signal, search(pattern)))
            else:
                self.signal.append(signal)
                self.check.append(None if exact else search(pattern))
                self.widest.append(None if exact else _widest(pattern))
        self.scratch = hyperscan.Scratch(self.database)
        self._lock = threading.Lock()  # one scan at a time on the scratch space

    def __reduce__(self) -> tuple[Any, ...]:
        built = (self.named, self.written, hyperscan.dumpb(self.database))
        return (_loaded, (self.entries, self.search, built))

    def fired(self, text: str) -> set[int] | None:
        data = self.table.project(text)
        found: list[int] = []
        if data is None or not scan_alone(
            self.database, self.scratch, self._lock, data, _on_match, found
        ):
            return None
        fired: set[int] = set()
        signal, check = self.signal, self.check
        for index in range(0, len(found), 2):
            hit = found[index]
            if signal[hit] in fired:
                continue
            confirm = check[hit]
            if confirm is None:
                fired.add(signal[hit])
                continue
            widest = self.widest[hit]
            start = 0 if widest is None else max(found[index + 1] - widest, 0)
            if confirm(text, start):
                fired.add(signal[hit])
        for each, search in self.always:
            if each not in fired and search(text, 0):
                fired.add(each)
        return fired


def _widest(pattern: str) -> int | None:
    """The most characters a match of `pattern` spans (look-arounds read more but span
    nothing), or None: unbounded."""
    try:
        widest = _sre.parse(fold(pattern), _FLAGS).getwidth()[1]
    except Exception:  # searched from the text's start
        return None
    return widest if widest < 100_000 else None


@functools.lru_cache(maxsize=8)  # places naming the same characters share one
def _table(named: tuple[str, ...]) -> _Table:
    return _Table(named)


def _written(pattern: str, table: _Table) -> tuple[str | None, bool]:
    """`pattern` as an exact expression, else an approximate one, or None: neither."""
    known = table.written.get(pattern)
    if known is not None:
        return known
    found: tuple[str | None, bool] = (None, False)
    for exact in (True, False):
        try:
            found = (expression(pattern, table, exact), exact)
        except Exception:  # noqa: S112  (Unsupported, or a shape the rewrite does not know)
            continue
        break
    table.written[pattern] = found
    return found


def _database(
    written: Sequence[tuple[str | None, bool]],
) -> tuple[Any, list[tuple[str | None, bool]]]:
    """The database of the expressions `written`, and `written` without the ones
    Hyperscan does not take (an anchor it counts as inside, a pattern too large),
    which it finds out one by one only when the whole set fails."""
    kept = list(written)
    try:
        return _compiled([w for w, _ in kept if w is not None]), kept
    except hyperscan.error:
        kept = [(w, e) if w is None or _takes(w) else (None, False) for w, e in kept]
        return _compiled([w for w, _ in kept if w is not None]), kept


def _compiled(expressions: list[str]) -> Any:
    database = hyperscan.Database()
    ids = list(range(len(expressions)))
    encoded = [e.encode("ascii") for e in expressions]
    database.compile(expressions=encoded, ids=ids, elements=len(ids), flags=_HS_FLAGS)
    return database


@functools.lru_cache(maxsize=4096)
def _takes(written: str) -> bool:
    """Whether Hyperscan takes `written` alone (not: an embedded `^`, too large)."""
    try:
        _compiled([written])
    except hyperscan.error:
        return False
    return True


def _load(serialized: bytes | None) -> Any:
    if serialized is None:
        return None
    try:
        return hyperscan.loadb(serialized, hyperscan.HS_MODE_BLOCK)
    except hyperscan.error:  # another platform or version: compiled again
        return None


def _loaded(
    entries: Sequence[tuple[int, str]],
    search: Callable[[str], Callable[[str, int], bool]],
    built: tuple[Any, ...],
) -> Scanner | None:
    return scanner(entries, search, built)


def scanner(
    entries: Sequence[tuple[int, str]],
    search: Callable[[str], Callable[[str, int], bool]],
    built: tuple[Any, ...] | None = None,
) -> Scanner | None:
    """A Scanner of `entries` ((signal, pattern); `search(pattern)`: a function that says
    whether `re` finds the pattern in a text), or None where Hyperscan is not installed
    or cannot run (e.g. a CPU without SSSE3)."""
    if hyperscan is None:
        return None
    if built is None:
        return _built(tuple(entries), search)
    try:
        return Scanner(entries, search, built)
    except (hyperscan.error, Unsupported):
        return None


# rule sets loaded again (a reload of the same files, a test's) share their scanners
@functools.lru_cache(maxsize=32)
def _built(
    entries: tuple[tuple[int, str], ...], search: Callable[[str], Callable[[str, int], bool]]
) -> Scanner | None:
    try:
        return Scanner(entries, search)
    except (hyperscan.error, Unsupported):
        return None
