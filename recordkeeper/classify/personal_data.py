"""PURE: find personal data in text and report counts per kind, never the values.

Kinds: `personnummer`, `samordningsnummer` (coordination number: day + 60),
`email`, `phone`, `name` (a capitalised name next to a signature or contact
cue such as "Med vänlig hälsning", "Namnförtydligande", "Kontaktperson"),
`statement` (a name right before a verb of saying: "Rolf Axelsson berättade").

A number counts as a personnummer only when its date exists (leap years,
month lengths) and its Luhn check digit is right (`stdnum.luhn`, maintained;
`stdnum.se.personnummer` itself rejects coordination numbers, so the date
rule is ours). Ten digits without a separator are accepted only next to a
cue ("personnummer", "pnr"), since bare ten-digit numbers are often phone or
reference numbers. Functional mailboxes (registrator@, info@) are not people.

Where the rules were warmed (an extraction worker), one Hyperscan pass
(`PersonalDataScan`) finds where the name cues end, where the verbs of saying
are that no letter follows, and whether a digit run and an identity number's ten
digits are there at all; the checks (digit runs, Luhn, dates, phones, name and
speaker windows) then run only where they can count something. The
counts are those of the automaton-and-`re` way (`_detected`), which answers
where Hyperscan cannot run (tests/unit/test_personal_data.py holds them equal).
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
from collections.abc import Iterable
from datetime import date
from typing import Any

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick
from stdnum import luhn

from recordkeeper.classify.hsscan import hyperscan, scan_alone
from recordkeeper.model import PersonalDataFindings, fast_constructor

_PNR = re.compile(
    r"(?<![\d/-])(?<!\d[.,])(?P<century>18|19|20)?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+ ]?)(?P<serial>\d{3})(?P<check>\d)(?![\d/]|[.,]\d)"
)
_PNR_CUE = re.compile(r"(person|pers\.?|födelse|samordnings)\s*-?(nummer|nr)|\bpnr\b", re.I)
# Runs possessive (`{1,64}+`: no walking back), the same matches: what follows a run
# (`@`, `.`, the end) is no character of it, so a shorter run cannot match either.
_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]{1,64}+)@([\w-]{1,63}+(?:\.[\w-]{1,63}+)+)")
_DOMAIN_CHARS = re.compile(r"[\w.-]*")  # what an address's domain can span
_PHONE = re.compile(
    r"(?<![\w+])(?:\+46|0046)[ -]?(?:\(0\)[ -]?)?[1-9]\d{0,2}(?:[ -]?\d{2,3}){2,3}(?![\d])"
    r"|(?<![\w+-])0[1-9]\d{0,3}[ /-]?\d{2,3}(?:[ -]?\d{2,3}){1,2}(?![\d-])"
)
# Lower-case cue texts, all found in one pass over the lower-cased text.
_NAME_CUES = (
    "med vänlig", "vänliga hälsningar", "vänlig hälsning", "mvh", "hälsningar",
    "namnförtydligande", "underskrift", "kontaktperson", "handläggare", "projektledare",
    "sakkunnig:", "namn:", "från:", "ansvarig:", "deltagare:", "närvarande:", "kontakt:",
    "undertecknad", "signerad av", "/s/", "best regards", "kind regards", "name:",
)  # fmt: skip

# Verbs of saying right after a person's name: what a named person said, proposed or told
# about themselves ("Rolf Axelsson berättade om sin sjukskrivning", "Hassan Amini pointed
# out", "Søren Kjærgaard fortalte"; minutes of sessions 14-17). A name before one is a
# `statement`; an attendee list alone is none (docs/samples.md). Found in the same pass as
# the cues: the automaton holds both, the verbs after the cues.
_STATEMENT_VERBS = (
    "berättade", "föreslog", "menade", "påpekade", "framhöll", "framförde", "betonade",
    "tyckte", "ansåg", "undrade", "frågade", "lyfte", "sa", "sade", "redogjorde", "ville",
    "poängterade", "önskade", "berattade", "papekade", "framholl", "ansag", "fragade",
    "said", "suggested", "noted", "proposed", "asked", "raised", "explained", "pointed out",
    "stressed", "fortalte", "foreslo", "mente", "ønsket", "ønskede", "påpekte", "sagde",
)  # fmt: skip
_VERB_TEXTS = tuple(f" {verb}" for verb in _STATEMENT_VERBS)
_CUES = AhoCorasick((*_NAME_CUES, *_VERB_TEXTS))
# A text of Latin-1 characters (most Swedish text) is searched as its Latin-1 bytes, one
# byte a character, so positions agree: lower-cased by one table lookup a byte (str.lower()
# maps each Latin-1 character to one Latin-1 character: building the table checks that)
# instead of a case lookup a character, its cues found without a UTF-8 copy first.
_LATIN1_LOWER = bytes(ord(chr(c).lower()) for c in range(256))
_CUES_LATIN1 = BytesAhoCorasick([cue.encode("latin-1") for cue in (*_NAME_CUES, *_VERB_TEXTS)])
_CAPITAL = "[A-ZÅÄÖÉ]"
_WORD_REST = "[a-zåäöéüø]{1,20}(?:-[A-ZÅÄÖ][a-zåäöéü]{1,20})?"
_WORD = _CAPITAL + _WORD_REST
# The same words with possessive letter runs (`{1,20}+`, which never give letters back),
# the same matches: what may follow a run (`-`, a space, `,`, `\b`) is no letter of it,
# so a shorter run leaves a letter of it next, where none of those can match. A greedy
# run walks back letter by letter at every capitalised word that is no name (most of
# them): the name search takes about half the time (tests/unit/test_personal_data.py).
_WORD_REST_KEPT = "[a-zåäöéüø]{1,20}+(?:-[A-ZÅÄÖ][a-zåäöéü]{1,20}+)?"
_WORD_KEPT = _CAPITAL + _WORD_REST_KEPT
# `\b{_WORD}(?: {_WORD}){1,2}\b`, the same matches: before a capital (a word character)
# `\b` says only that no word character precedes it, which a look-behind after the
# capital says too. Starting with a character class, the pattern lets `re` skip to
# the capitals instead of trying it at every position of each cue's window.
_NAME = re.compile(rf"{_CAPITAL}(?<!\w{_CAPITAL}){_WORD_REST_KEPT}(?: {_WORD_KEPT}){{1,2}}\b")
_NOT_NAMES = frozenset(
    {
        "socialstyrelsen",
        "försäkringskassan",
        "region",
        "regionen",
        "npo",
        "enheten",
        "avdelningen",
        "med",
        "vänlig",
        "vänliga",
        "hälsningar",
        "projektgrupp",
        "projektgruppen",
        "rekommendationsgruppen",
        "kunskapsstöd",
        "beslutsstöd",
        "datum",
        "ort",
        "telefon",
        "mobil",
        "e-post",
        "epost",
        "sverige",
        "stockholm",
        "göteborg",
        "malmö",
        "uppsala",
        "inera",
        "kontaktperson",
        "handläggare",
        "projektledare",
        "sakkunnig",
        "the",
        "best",
        "regards",
        "kind",
        "hälsning",
        "underskrift",
        "namnförtydligande",
    }
)
_CUE_WINDOW = 160
# a name right before a verb of saying (Nordic letters too: "Søren Kjærgaard fortalte")
_SPEAKER = re.compile(
    r"(?<![\w-])[A-ZÅÄÖÉØÆ][a-zåäöéüøæ]{1,20}(?:-[A-ZÅÄÖØÆ][a-zåäöéüøæ]{1,20})?"
    r"(?: [A-ZÅÄÖÉØÆ][a-zåäöéüøæ]{1,20}(?:-[A-ZÅÄÖØÆ][a-zåäöéüøæ]{1,20})?){1,2}$"
)
_SPEAKER_WINDOW = 70
_PNR_CUE_WINDOW = 40


def _date_exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _id_number_kind(match: re.Match[str], text: str) -> str | None:
    """'personnummer', 'samordningsnummer' or None for a look-alike."""
    century, sep = match["century"], match["sep"]
    ten = match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"]
    if not century and not sep:
        before = text[max(0, match.start() - _PNR_CUE_WINDOW) : match.start()]
        if not _PNR_CUE.search(before):
            return None
    if sep == " " and not century:
        return None  # "850101 1234" is as likely two unrelated numbers
    if not luhn.is_valid(ten):
        return None
    month, day = int(match["mm"]), int(match["dd"])
    kind = "personnummer"
    if day > 60:
        kind, day = "samordningsnummer", day - 60
    years = (
        [int(century + match["yy"])]
        if century
        else [1900 + int(match["yy"]), 2000 + int(match["yy"])]
    )
    return kind if any(_date_exists(y, month, day) for y in years) else None


# Runs of digits with separators (`\+?\d[\d \-+/()]{6,}\d`): the only places
# an identity or phone number can be. One cheap scan finds them; the precise
# patterns run only there. Starting the pattern with a digit lets `re` skip to
# digits; a `+` just before the run is then added to it (the same spans).
_DIGIT_RUN = re.compile(r"\d[\d \-+/()]{6,}\d")
# The same for a text of Latin-1 characters, where `\d` matches only 0-9 (checked here):
# a range is checked inline, `\d` asks the Unicode database for each character.
_LATIN1_DIGITS = "".join(c for c in map(chr, range(256)) if re.match(r"\d", c))
_ASCII_DIGIT_RUN = (
    re.compile(r"[0-9][0-9 \-+/()]{6,}[0-9]") if _LATIN1_DIGITS == "0123456789" else _DIGIT_RUN
)


# The same run in `_lowered(text)` after one more byte table: each digit as `0`, each
# separator as a space, anything else as `x`. A pattern that starts with one character
# lets `re` skip to it byte by byte; a class (`[0-9]`) is tested at every position.
_RUN_CLASSES = bytes(
    ord("0") if chr(b) in "0123456789" else ord(" ") if chr(b) in " -+/()" else ord("x")
    for b in range(256)
)
_CLASSES_DIGIT_RUN = re.compile(rb"0[0 ]{6,}0")


def _latin1(text: str) -> bytes | None:
    """`text` as Latin-1 bytes, or None when it holds another character."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


# `_lowered`: a text holding characters beyond Latin-1 (a dash, a quote: a quarter of the
# texts) is searched as Latin-1 bytes too, each such character as one byte: `0` for a
# `\d` digit, its lower case when that is one Latin-1 character other than a digit or
# a separator of a digit run, else NUL. No cue holds a digit or NUL (checked here): cues
# are found where they are in `text.lower()`, digit runs where they are in `text`.
_RUN_CHARS = frozenset("0123456789 -+/()")
assert not any(c in cue for cue in _NAME_CUES for c in "0123456789\x00")


class _LengthChanges(Exception):
    """`str.lower()` turns a character of the text into several (`İ`)."""


_ANY_DIGIT = re.compile(r"\d")  # compiled at import (the pool's fork server imports this)


# bounded: a worker lives long and hostile text may hold any of Unicode's characters
# (a character that raises is not cached, as before)
@functools.lru_cache(maxsize=4096)
def _lowered_char(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:
        raise _LengthChanges
    if _ANY_DIGIT.match(char):
        return "0"
    if lower in _RUN_CHARS:  # (no such character: then its cues could differ)
        raise _LengthChanges
    return lower if ord(lower) < 256 else "\x00"


def _lowered_chars(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: each character beyond Latin-1 as `_lowered_char`."""
    assert isinstance(error, UnicodeEncodeError)
    run = error.object[error.start : error.end]
    return "".join([_lowered_char(c) for c in run]), error.end


codecs.register_error("recordkeeper.lowered_chars", _lowered_chars)


def _lowered(text: str) -> bytes | None:
    """`text.lower()` as Latin-1 bytes, one a character, where cues and digit runs are
    the same as in `text.lower()` (see above); None when `lower()` changes its length."""
    data = _unlowered(text)
    return None if data is None else data.translate(_LATIN1_LOWER)


def _unlowered(text: str) -> bytes | None:
    """`_lowered(text)` before its Latin-1 characters are lowered: each of them as itself
    (case kept), each other as `_lowered_char`; None when `lower()` changes the length."""
    try:
        return text.encode("latin-1", "recordkeeper.lowered_chars")
    except _LengthChanges:
        return None


# What may stand after an identity number, looked at by `_PNR`'s look-ahead (`(?![\d/]|[.,]\d)`):
# searched in a digit run with the run's end as `endpos`, a match would see the text end
# there; searched up to this many characters further, it sees what it would in the text.
_PNR_AHEAD = 2


def number_windows(text: str) -> list[tuple[int, int]]:
    """Where in `text` to search for identity numbers: each digit run (`_digit_runs`) and the
    `_PNR_AHEAD` characters after it (the look-aheads' view). Every match of `_PNR` (and of
    any pattern of digits with `-`, `+` or a space between them, starting and ending with
    a digit, at least eight long) lies in a digit run, and `pattern.finditer(text, start,
    end)` over these windows finds the same matches as over the whole text, when the
    pattern looks at most `_PNR_AHEAD` characters past a match (look-behinds see before
    `start`). A scan of the whole text tries `_PNR` at every position (issue #3)."""
    lowered = _lowered(text)
    if lowered is not None and _ASCII_DIGIT_RUN is not _DIGIT_RUN:  # as `detect_personal_data`
        runs = _class_runs(text, lowered.translate(_RUN_CLASSES))
    else:
        runs = _digit_runs(text, _latin1(text) is not None)
    size = len(text)
    return [(start, min(size, end + _PNR_AHEAD)) for start, end in runs]


def _digit_runs(text: str, latin1: bool = False) -> list[tuple[int, int]]:
    """Spans of `\\+?\\d[\\d \\-+/()]{6,}\\d`; `latin1`: `text` holds only Latin-1 characters
    (`_class_runs` finds the same from `_lowered(text)` when that exists)."""
    runs = _ASCII_DIGIT_RUN if latin1 or text.isascii() else _DIGIT_RUN
    return _with_plus(text, runs.finditer(text))


def _class_runs(text: str, classes: bytes) -> list[tuple[int, int]]:
    """`_digit_runs(text)` given `classes`: `_lowered(text).translate(_RUN_CLASSES)`."""
    return _with_plus(text, _CLASSES_DIGIT_RUN.finditer(classes))


def _with_plus(text: str, found: Iterable[re.Match[Any]]) -> list[tuple[int, int]]:
    """The spans `found`, each widened by the `+` before it (`+46 ...`), if any."""
    spans = []
    for match in found:
        start, end = match.span()
        spans.append((start - 1 if start and text[start - 1] == "+" else start, end))
    return spans


# An identity number holds ten `\d` digits (twelve with its century): a stretch of `text`
# with fewer holds none. `_digits(classes)` counts them: in `_lowered(text)` translated by
# `_RUN_CLASSES` each `\d` of `text` is `0`, and nothing else is (see `_lowered_char`).
_PNR_DIGITS = 10
_ZERO = ord("0")


def _id_numbers(
    text: str, runs: list[tuple[int, int]], classes: bytes | None = None
) -> dict[str, int]:
    """Identity numbers by kind in the digit `runs` of `text`; `classes`: as `_class_runs`
    reads (then a run with fewer than ten digits is not searched: no match fits in it)."""
    counts: dict[str, int] = {}
    for start, end in runs:
        if classes is not None and classes.count(_ZERO, start, end) < _PNR_DIGITS:
            continue
        for match in _PNR.finditer(text, start, end):
            kind = _id_number_kind(match, text)
            if kind is not None:
                counts[kind] = counts.get(kind, 0) + 1
    return counts


def _phones(
    text: str, runs: list[tuple[int, int]], classes: bytes | None = None, pnr: bool = True
) -> int:
    """Phone numbers in the digit `runs` of `text` (`classes`: as for `_id_numbers`;
    not `pnr`: `text` holds no identity number's ten digits, so no run is one)."""
    found = 0
    for start, end in runs:
        first = max(0, start - 1)
        run = text[first : end + 1]
        if (
            not pnr
            or (classes is not None and classes.count(_ZERO, first, end + 1) < _PNR_DIGITS)
            or _PNR.search(run) is None
        ):  # identity-number look-alikes are not phones
            found += len(_PHONE.findall(run))  # (no capturing group: one item a match)
    return found


def _emails(text: str) -> list[re.Match[str]]:
    """`_EMAIL.finditer(text)`, scanning only from 64 characters before the first `@`
    (a local part is at most 64) to the end of the last `@`'s domain: the same
    matches, without trying every position of a long text that has no address."""
    first = text.find("@")
    if first < 0:
        return []
    end = _DOMAIN_CHARS.match(text, text.rfind("@") + 1)
    assert end is not None  # `*` matches the empty string
    return list(_EMAIL.finditer(text, max(0, first - 64), end.end()))


def _without(text: str, matches: list[re.Match[str]]) -> str:
    """`_EMAIL.sub(" ", text)` given `_EMAIL`'s matches in `text`."""
    if not matches:
        return text
    pieces, at = [], 0
    for match in matches:
        pieces += [text[at : match.start()], " "]
        at = match.end()
    pieces.append(text[at:])
    return "".join(pieces)


@functools.lru_cache(maxsize=8)
def _casefolded(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n.casefold() for n in names)  # the rules' mailboxes: the same each call


def _generic(base: str, generic: frozenset[str]) -> bool:
    """`any(base == g or base.startswith(g + ".") for g in generic)`, by lookups: `base`
    starts with `g + "."` exactly when a dot stands at `len(g)` and `g` is what precedes it."""
    if base in generic:
        return True
    at = base.find(".")
    while at >= 0:
        if base[:at] in generic:
            return True
        at = base.find(".", at + 1)
    return False


def _personal_addresses(addresses: Iterable[tuple[str, str]], generic: frozenset[str]) -> int:
    people = set()
    for local, domain in addresses:
        base = local.casefold()
        if _generic(base, generic):
            continue
        people.add(f"{base}@{domain.casefold()}")
    return len(people)


def personal_addresses(addresses: Iterable[str], generic_mailboxes: Iterable[str] = ()) -> int:
    """How many different people's addresses `addresses` (e-mail header fields) hold: the
    addresses whose local part is no function (`generic_mailboxes`); never the values."""
    generic = _casefolded(tuple(generic_mailboxes))
    pairs = [(m.group(1), m.group(2)) for a in addresses for m in _EMAIL.finditer(a)]
    return _personal_addresses(pairs, generic)


def _cue_hits(text: str, lowered: bytes | None = None) -> tuple[set[int], set[int]]:
    """Where every occurrence of every name cue ends in `text.lower()` (overlapping ones
    too), and where every verb of saying starts (at its space) that no letter follows;
    `lowered`: `_lowered(text)` when known."""
    if lowered is None:
        lowered = _lowered(text)
    if lowered is not None:  # the same positions: one byte a character, lower() keeps length
        found = _CUES_LATIN1.find_matches_as_indexes(lowered, overlapping=True)
    else:
        found = _CUES.find_matches_as_indexes(text.lower(), overlapping=True)
    cues = len(_NAME_CUES)
    ends = {end for index, _, end in found if index < cues}
    verbs = _said(text, [(start, end) for index, start, end in found if index >= cues])
    return ends, verbs


def _said(text: str, verbs: Iterable[tuple[int, int]]) -> set[int]:
    """Where the verbs of saying at `verbs` (start, end) start that no letter follows."""
    size = len(text)
    return {start for start, end in verbs if not (end < size and text[end].isalpha())}


def _cue_ends(text: str, lowered: bytes | None = None) -> set[int]:
    """Where every occurrence of every name cue ends in `text.lower()`."""
    return _cue_hits(text, lowered)[0]


def _names(
    text: str, lowered: bytes | None = None, hits: tuple[set[int], set[int]] | None = None
) -> tuple[int, int]:
    """Names after a cue, and names before a verb of saying (`statement`s); `hits`:
    `_cue_hits(text)` when known."""
    found: set[str] = set()
    ends, verbs = _cue_hits(text, lowered) if hits is None else hits
    for end in sorted(ends):
        window = text[end : end + _CUE_WINDOW]
        for match in _NAME.finditer(window):
            words = match.group(0).split()
            if not any(w.casefold() in _NOT_NAMES for w in words):
                found.add(match.group(0))
    speakers: set[str] = set()
    for start in verbs:
        said = _SPEAKER.search(text, max(0, start - _SPEAKER_WINDOW), start)
        if said is not None and not any(w.casefold() in _NOT_NAMES for w in said[0].split()):
            speakers.add(said[0])
    return len(found), len(speakers)


# --- one Hyperscan pass (hsscan's engine) over `_unlowered(text)`: where the cues end, where
# the verbs of saying are, and whether a digit run or an identity number's digits are there ---
#
# Lowering maps no byte to a digit or a separator of a digit run, nor one from them, so
# in `_unlowered(text)` the digits and separators are those of `_lowered(text)` and
# `_RUN_CLASSES` reads it alike; a cue is written as the bytes that lower to each of its
# characters, so it matches where it does in `_lowered(text)`, ending at the same places.
assert bytes(_RUN_CLASSES[b] for b in _LATIN1_LOWER) == _RUN_CLASSES
# a digit run (`_CLASSES_DIGIT_RUN`), and ten digits with at most a separator after the
# sixth: what every `_PNR` match holds, in a run or a slice of one (`_phones`)
_DIGIT_PATTERNS = (rb"[0-9][0-9 \-+/()]{6,}[0-9]", rb"[0-9]{6}[\-+ ]?[0-9]{4}")
# A verb counts only where no letter follows (`_said`); the scan reports it only there:
# followed by a byte of no Latin-1 letter (NUL: a character beyond, maybe a letter, checked
# by `_said`), or at the end. A character beyond Latin-1 that is no letter is no letter's
# byte either (`_lowered_char`; tests/unit/test_personal_data.py).
_NOT_LETTERS = "[" + "".join(f"\\x{b:02x}" for b in range(256) if not chr(b).isalpha()) + "]"
# Hyperscan's ids: the name cues, the verbs of saying (`_VERB_TEXTS`) followed by no letter,
# the same at the end, then the two digit patterns above
_CUE_IDS = len(_NAME_CUES)
_VERB_IDS = _CUE_IDS + 2 * len(_VERB_TEXTS)
_RUN, _PNR_DIGITS_FOUND = _VERB_IDS, _VERB_IDS + 1
# by id, how far before the match's end a verb starts (at its space) and ends
_VERB_SPANS = (
    *((0, 0) for _ in _NAME_CUES),
    *((len(verb) + 1, 1) for verb in _VERB_TEXTS),
    *((len(verb), 0) for verb in _VERB_TEXTS),
)


def _cue_expression(cue: str) -> bytes:
    """`cue` as the bytes that `_LATIN1_LOWER` turns into each of its characters."""
    classes = []
    for char in cue.encode("latin-1"):
        found = [b for b in range(256) if _LATIN1_LOWER[b] == char]
        classes.append("[" + "".join(f"\\x{b:02x}" for b in found) + "]")
    return "".join(classes).encode("ascii")


class _Hits:
    """What one scan found in `_unlowered(text)`."""

    __slots__ = ("digits", "ends", "verbs")

    def __init__(self) -> None:
        self.ends: set[int] = set()  # where every name cue ends
        self.verbs: list[tuple[int, int]] = []  # each verb of saying's (start, end)
        self.digits: set[int] = set()  # `_RUN` when a digit run is there, `_PNR_DIGITS_FOUND`


class PersonalDataScan:
    """The Hyperscan database of the name cues, the verbs of saying and the two digit
    patterns, and its scratch.

    Building it takes ≈ 0.2 s, so it is built where the rules are warmed (`CompiledRules.warm`:
    the process that pickles them for the extraction workers) and pickles as the serialized
    database (loaded in ≈ 10 µs); a database that does not load there is built again."""

    def __init__(self, serialized: bytes | None = None) -> None:
        database = None
        if serialized is not None:
            try:
                database = hyperscan.loadb(serialized, hyperscan.HS_MODE_BLOCK)
            except hyperscan.error:  # another platform or version: built again
                database = None
        if database is None:
            expressions = [_cue_expression(cue) for cue in _NAME_CUES]
            verbs = [_cue_expression(verb) for verb in _VERB_TEXTS]
            expressions += [verb + _NOT_LETTERS.encode("ascii") for verb in verbs]
            expressions += [verb + rb"\z" for verb in verbs]
            expressions += _DIGIT_PATTERNS
            ids = list(range(len(expressions)))
            flags = [0] * _VERB_IDS + [hyperscan.HS_FLAG_SINGLEMATCH] * len(_DIGIT_PATTERNS)
            database = hyperscan.Database()
            database.compile(expressions=expressions, ids=ids, elements=len(ids), flags=flags)
        self.database = database
        self.scratch = hyperscan.Scratch(self.database)
        self.lock = threading.Lock()  # one scan at a time on the scratch space

    def __reduce__(self) -> tuple[Any, ...]:
        return (_loaded, (hyperscan.dumpb(self.database),))

    def scan(self, data: bytes) -> _Hits | None:
        """Every cue's end and verb's span in `data` (`_unlowered(text)`), and whether a
        digit run and an identity number's digits are there; None when the scan cannot
        run now (another thread's, an error): the caller's own way."""
        found = _Hits()
        if not scan_alone(self.database, self.scratch, self.lock, data, _on_match, found):
            return None
        return found


def _on_match(pattern: int, _start: int, end: int, _flags: int, found: _Hits) -> None:
    if pattern < _CUE_IDS:
        found.ends.add(end)
    elif pattern < _VERB_IDS:
        before, after = _VERB_SPANS[pattern]
        found.verbs.append((end - before, end - after))
    else:
        found.digits.add(pattern)


def _loaded(serialized: bytes) -> PersonalDataScan | None:
    if hyperscan is None:  # unpickled where it is not installed
        return None
    try:
        return PersonalDataScan(serialized)
    except hyperscan.error:
        return None


@functools.cache
def personal_data_scan() -> PersonalDataScan | None:
    """The scan (built once a process), or None where Hyperscan is not installed or
    cannot run (no SSSE3): `detect_personal_data` then finds cues by the automaton."""
    if hyperscan is None or _ASCII_DIGIT_RUN is _DIGIT_RUN:  # (Latin-1's digits are 0-9)
        return None
    try:
        return PersonalDataScan()
    except hyperscan.error:
        return None


_new_findings = fast_constructor(PersonalDataFindings)  # see `model.fast_constructor`


def detect_personal_data(
    text: str,
    *,
    addresses: Iterable[str] = (),
    generic_mailboxes: Iterable[str] = (),
    scan: PersonalDataScan | None = None,
) -> PersonalDataFindings:
    """Count personal data in `text` and in e-mail header `addresses`.

    Args:
        text: body text (the caller caps its length).
        addresses: e-mail header addresses (sender, recipients), counted as e-mail.
        generic_mailboxes: local parts that name a function, not a person.
        scan: `personal_data_scan()`, where the rules were warmed: the same counts,
            with less work (cues, and whether digits are there, found in one pass).

    Returns:
        Counts per kind, only kinds found; never the values.
    """
    data = _unlowered(text) if scan is not None else None
    found = scan.scan(data) if scan is not None and data is not None else None
    if found is None:  # no Hyperscan, or a text whose lower() is longer: the automaton's way
        return _detected(text, tuple(addresses), tuple(generic_mailboxes))
    assert data is not None
    # only what can change the counts: runs where a run is, identity numbers where their
    # digits are, names after the cues and before the verbs the scan found
    # (tests/unit/test_personal_data.py)
    runs: list[tuple[int, int]] = []
    classes = None
    if _RUN in found.digits:
        classes = data.translate(_RUN_CLASSES)  # as from `_lowered(text)` (see above)
        runs = _class_runs(text, classes)
    pnr = _PNR_DIGITS_FOUND in found.digits
    counts = _id_numbers(text, runs, classes) if pnr else {}
    generic = _casefolded(tuple(generic_mailboxes))
    in_text = _emails(text)
    pairs = [(m.group(1), m.group(2)) for m in in_text]
    pairs += [(m.group(1), m.group(2)) for a in addresses for m in _EMAIL.finditer(a)]
    emails = _personal_addresses(pairs, generic)
    phones = _phones(text, runs, classes, pnr)
    if in_text:  # the addresses blanked out: cues searched again
        names, statements = _names(_without(text, in_text))
    elif found.ends or found.verbs:
        names, statements = _names(text, hits=(found.ends, _said(text, found.verbs)))
    else:
        names = statements = 0
    kinds = (("email", emails), ("phone", phones), ("name", names), ("statement", statements))
    for kind, n in kinds:
        if n:
            counts[kind] = n
    return _new_findings(dict(sorted(counts.items())))


def _detected(
    text: str, addresses: Iterable[str], generic_mailboxes: Iterable[str]
) -> PersonalDataFindings:
    """`detect_personal_data` without the scan: the cue automaton and `re` everywhere."""
    lowered = _lowered(text)
    classes = None
    if lowered is not None and _ASCII_DIGIT_RUN is not _DIGIT_RUN:  # Latin-1 digits: 0-9
        classes = lowered.translate(_RUN_CLASSES)
        runs = _class_runs(text, classes)
    else:
        runs = _digit_runs(text, _latin1(text) is not None)
    counts = _id_numbers(text, runs, classes)
    generic = _casefolded(tuple(generic_mailboxes))
    in_text = _emails(text)
    pairs = [(m.group(1), m.group(2)) for m in in_text]
    pairs += [(m.group(1), m.group(2)) for a in addresses for m in _EMAIL.finditer(a)]
    emails = _personal_addresses(pairs, generic)
    phones = _phones(text, runs, classes)
    names_text = _without(text, in_text) if pairs else text
    names, statements = _names(names_text, lowered if names_text is text else None)
    kinds = (("email", emails), ("phone", phones), ("name", names), ("statement", statements))
    for kind, n in kinds:
        if n:
            counts[kind] = n
    return _new_findings(dict(sorted(counts.items())))


# `\b{_WORD}, {_WORD}(?: {_WORD})?\b`, the same matches, written as `_NAME` is (its `\b` in
# a look-behind after the first capital, possessive letter runs): a leading `\b` lets `re`
# skip nothing, so it tried the whole pattern at every position of the text.
_SURNAME_FIRST = re.compile(
    rf"{_CAPITAL}(?<!\w{_CAPITAL}){_WORD_REST_KEPT}, {_WORD_KEPT}(?: {_WORD_KEPT})?\b"
)


def personal_identifiers(text: str, *, addresses: Iterable[str] = ()) -> set[tuple[str, str]]:
    """The identifiers themselves, normalised, for a keyed-hash subject index.

    Used only to build keyed hashes (`recordkeeper.privacy`); the values never
    leave the caller. Kinds: `pnr` (ten digits, samordningsnummer included),
    `email` (case-folded), `name` (raw capitalised name; the caller normalises).
    """
    found: set[tuple[str, str]] = set()
    for start, end in number_windows(text):
        for match in _PNR.finditer(text, start, end):
            if _id_number_kind(match, text) is not None:
                found.add(
                    (
                        "pnr",
                        match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"],
                    )
                )
    in_text = _emails(text)
    for m in (*in_text, *(m for a in addresses for m in _EMAIL.finditer(a))):
        found.add(("email", f"{m.group(1)}@{m.group(2)}".casefold()))
    without_mail = _without(text, in_text)
    for pattern in (_NAME, _SURNAME_FIRST):
        for m in pattern.finditer(without_mail):
            words = m.group(0).replace(",", " ").split()
            if not any(w.casefold() in _NOT_NAMES for w in words):
                found.add(("name", m.group(0)))
    return found
