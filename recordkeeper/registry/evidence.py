"""PURE: find record evidence in a document's text: labelled names and dates,
diarienummer, personal identity numbers and secrecy cues.

Every finder takes text and rule values and returns values; none logs or
keeps what it found beyond its return value (names are personal data).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from stdnum.se import personalid

from recordkeeper.classify.personal_data import number_windows
from recordkeeper.classify.views import forwarded_headers

_MONTHS_SV = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
_ISO_DATE = r"(\d{4})-(\d{2})-(\d{2})"
# a moment with its offset: '2025-04-07 22:30+00:00', '2025-04-07T22:30:00Z'
_ISO_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})(?!\d)"
)
_LONG_DATE = r"(\d{1,2})\s+(" + "|".join(_MONTHS_SV) + r")\s+(\d{4})"
_MONTHS_EN = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_EN_MONTH = "(" + "|".join(_MONTHS_EN) + ")"
# English long forms: "8 April 2025", "April 8, 2025" (Outlook's "Sent: Tuesday, April 8, 2025")
_EN_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _EN_MONTH + r",?\s+(\d{4})\b", re.I)
_EN_MONTH_FIRST = re.compile(
    r"\b" + _EN_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I
)
_PNR = re.compile(r"(?<![\d.-])(\d{6}|\d{8})([-+]?)(\d{4})(?![\d/])")
_NAME = re.compile(r"^[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_][^\W\d_.'-]*)+$")
_MAX_NAME_CHARS = 80


@functools.lru_cache(maxsize=32)
def _label_patterns(labels: tuple[str, ...]) -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    """One pattern matching a line that starts with any of `labels`, and each label's own."""
    anyone = re.compile("|".join(re.escape(label) for label in labels), re.IGNORECASE)
    each = [re.compile(rf"^{re.escape(label)}\s*[:：]?\s*(.*)$", re.IGNORECASE) for label in labels]
    return anyone, each


def _label_values(text: str, labels: Sequence[str]) -> Iterable[str]:
    """Values written after a label: "Label: value", or the label alone on a
    line (a table cell) with the value on the next non-empty line."""
    lines = [line.strip() for line in text.splitlines()]
    anyone, patterns = _label_patterns(tuple(labels))
    # a label's pattern matches a line exactly when the line starts with the label (what
    # follows it always matches: `(.*)$`, and no line holds a line end); the lines that
    # start with none are passed over with one match each instead of one per label
    labelled = [(n, line) for n, line in enumerate(lines) if anyone.match(line)]
    for pattern in patterns:
        for number, line in labelled:
            match = pattern.match(line)
            if match is None:
                continue
            value = match.group(1).strip(" \t:")
            if not value:
                value = next((nxt for nxt in lines[number + 1 : number + 4] if nxt), "")
            if value:
                yield value


def find_labelled_name(text: str, labels: Sequence[str]) -> str | None:
    """The first value after one of `labels` that looks like a person's or an
    organisation's name (letters, at least two words, no digits)."""
    for value in _label_values(text, labels):
        candidate = " ".join(value.split("\t")[0].split())
        if len(candidate) <= _MAX_NAME_CHARS and _NAME.match(candidate):
            return candidate
    return None


def parse_date(value: str) -> date | None:
    """The first ISO (2025-03-14) or Swedish long-form (14 mars 2025) date in `value`;
    else the first English one (14 March 2025, March 14, 2025)."""
    iso = re.search(_ISO_DATE, value)
    long_form = re.search(_LONG_DATE, value, re.IGNORECASE)
    try:
        if iso and (long_form is None or iso.start() <= long_form.start()):
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if long_form:
            month = _MONTHS_SV[long_form.group(2).lower()]
            return date(int(long_form.group(3)), month, int(long_form.group(1)))
    except ValueError:
        return None
    return _english_date(value)


def _english_date(value: str) -> date | None:
    """The first English long-form date in `value` (only where no ISO or Swedish one is)."""
    found = [m for m in (_EN_DAY_FIRST.search(value), _EN_MONTH_FIRST.search(value)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    if first.re is _EN_DAY_FIRST:
        day, month, year = first.group(1), first.group(2), first.group(3)
    else:
        month, day, year = first.group(1), first.group(2), first.group(3)
    try:
        return date(int(year), _MONTHS_EN[month.lower()], int(day))
    except ValueError:
        return None


def find_labelled_date(text: str, labels: Sequence[str]) -> date | None:
    """The first date written after one of `labels` (a signature or document date)."""
    for value in _label_values(text, labels):
        found = parse_date(value)
        if found is not None:
            return found
    return None


def find_forwarded_date(text: str, labels: Sequence[str], zone: ZoneInfo) -> date | None:
    """When the writer of a forwarded mail sent it: the first date after one of `labels`
    below the forwarded mail's first "Från:"/"From:" line, as an e-mail Date header
    (its moment in `zone`), an ISO or a Swedish long-form date."""
    headers = forwarded_headers(text)
    if headers is None:
        return None
    for value in _label_values(headers, labels):
        moment = _header_moment(value)
        if moment is not None:
            return moment.astimezone(zone).date()
        found = parse_date(value)
        if found is not None:
            return found
    return None


def _header_moment(value: str) -> datetime | None:
    """An RFC 5322 date ("Tue, 08 Apr 2025 14:02:00 +0200") with its zone, or an ISO
    moment with its offset ("2025-04-07 22:30+00:00", as .msg extraction wrote the line
    before session 9), or None."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        iso = _ISO_MOMENT.match(value.strip())
        if iso is None:
            return None
        try:
            moment = datetime.fromisoformat(iso.group(0))
        except ValueError:
            return None
    return moment if moment.tzinfo is not None else None


def dnr_search_pattern(validation_pattern: str) -> re.Pattern[str]:
    """The configured (anchored) diarienummer pattern turned into a search
    pattern that finds a number inside running text."""
    core = validation_pattern.removeprefix("^").removesuffix("$")
    return re.compile(rf"(?<![\w.-])(?:{core})(?![\w/-])")


# what may not stand just before a diarienummer: `dnr_search_pattern`'s look-behind
_BEFORE_DNR = re.compile(r"[\w.-]")


@functools.lru_cache(maxsize=8)
def _dnr_finder(validation_pattern: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(`dnr_search_pattern` without its look-behind, `dnr_search_pattern`); see `find_dnrs`."""
    core = validation_pattern.removeprefix("^").removesuffix("$")
    return re.compile(rf"(?:{core})(?![\w/-])"), dnr_search_pattern(validation_pattern)


def find_dnrs(text: str, validation_pattern: str) -> tuple[str, ...]:
    """Distinct diarienummer in `text`, in order of first appearance.

    The matches of `dnr_search_pattern(validation_pattern).finditer(text)`, found by the
    pattern without its look-behind (`(?<![\\w.-])`), checked at each hit: a pattern that
    starts with a look-behind lets `re` skip nothing, so it was tried at every position
    of the text (issue #3). A match of the whole pattern at a position is a match there
    without the look-behind, the same one, so the hits where the character before passes
    are its matches, in order; where it does not, the search goes on from the next
    position, as the whole pattern's would."""
    bare, whole = _dnr_finder(validation_pattern)
    seen: dict[str, None] = {}
    at, size = 0, len(text)
    # (`re` searches from the end when given a start past it: stop there)
    while at <= size and (match := bare.search(text, at)) is not None:
        start, end = match.span()
        if start and _BEFORE_DNR.match(text, start - 1):
            at = start + 1
            continue
        if end == start:  # a configured pattern matching nothing: as `finditer` steps on
            return tuple(dict.fromkeys(m.group(0) for m in whole.finditer(text)))
        seen.setdefault(match.group(0), None)
        at = end
    return tuple(seen)


def count_personal_identity_numbers(text: str) -> int:
    """Valid Swedish personal identity or coordination numbers (Luhn-checked), searched
    in the text's digit runs only (`number_windows`: the same matches, `_PNR` looks one
    character past a match)."""
    return sum(
        1
        for start, end in number_windows(text)
        for m in _PNR.finditer(text, start, end)
        if personalid.is_valid(m.group(0))
    )


def matched_terms(text: str, terms: Sequence[str]) -> int:
    """How many of `terms` occur in `text` (case-insensitive substrings)."""
    folded = text.casefold()
    return sum(1 for term in terms if term.casefold() in folded)
