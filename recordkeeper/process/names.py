"""Person names: parse, normalise and match tolerantly (pure).

Matching survives what real project folders do to a name: case, diacritics
("Åsa Öberg" / "Asa Oberg"), the register order "Ek, Karin" or "Ek Karin",
middle names ("Karin Maria Ek"), initials ("K. Ek", "K M Ek"), hyphens
("Anna-Karin" / "Anna Karin") and a typo in a long name (rapidfuzz). A
surname alone never matches: "Ek" is not evidence about Karin Ek.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

_HONORIFICS = frozenset(
    {"dr", "med", "doc", "docent", "prof", "professor", "leg", "mr", "mrs", "ms", "fru", "herr"}
)
_TOKEN = re.compile(r"[a-z0-9]+")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# Letters NFKD leaves whole (no combining mark to strip): the Nordic colleagues' "Søren
# Kjærgaard" is "Soren Kjaergaard" in a file name (session 17); without this "ø" and "æ"
# were dropped and split the name ("kj", "rgaard").
UNDECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}
)


def _fold(text: str) -> str:
    plain = _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return plain.translate(UNDECOMPOSED)


@dataclass(frozen=True, slots=True)
class NameKey:
    """A parsed name: given names (maybe initials) and the surname, all folded."""

    given: tuple[str, ...]
    surname: str

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset((*self.given, self.surname))

    @property
    def has_full_given(self) -> bool:
        return any(len(g) > 1 for g in self.given)


def parse_name(raw: str) -> NameKey | None:
    """Parse "Karin Ek", "Ek, Karin", "K. Ek", "Dr Karin M. Ek"; None if not a name."""
    text = _caps_surname_last(raw.strip())
    if "," in text:
        surname_part, _, given_part = text.partition(",")
        ordered = f"{given_part} {surname_part}"
    else:
        ordered = text
    tokens = [t for t in _TOKEN.findall(_fold(ordered.replace("-", " "))) if not t.isdigit()]
    while tokens and tokens[0] in _HONORIFICS:
        tokens.pop(0)
    # "Nilsson Ek J." (surname, then initials): the initials are the given names
    initials = 0
    while initials < len(tokens) - 1 and len(tokens[-1 - initials]) == 1:
        initials += 1
    if initials and len(tokens[0]) > 1:
        tokens = tokens[-initials:] + tokens[:-initials]
    if len(tokens) < 2:
        return None
    return NameKey(given=tuple(tokens[:-1]), surname=tokens[-1])


def _caps_surname_last(text: str) -> str:
    """'NILSSON EK Håkan' -> 'Håkan NILSSON EK': leading all-caps words are the surname."""
    words = text.split()
    caps = 0
    while caps < len(words) and len(words[caps]) > 1 and words[caps].isupper():
        caps += 1
    if 0 < caps < len(words) and "," not in text:
        return " ".join(words[caps:] + words[:caps])
    return text


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """First given names agree, allowing initials and dropped middle names."""
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    # "Anna Karin" vs "Annakarin" (hyphen dropped and joined)
    return "".join(a) == "".join(b) or _close(first_a, first_b)


def _close(a: str, b: str) -> bool:
    """One typo in a long word (>= 6 letters) is the same word."""
    return min(len(a), len(b)) >= 6 and Levenshtein.distance(a, b) <= 1


def same_person(a: NameKey, b: NameKey) -> bool:
    """Whether two parsed names plausibly denote the same person."""
    if a.tokens == b.tokens:
        return True  # same words in any order: "Ek Karin" vs "Karin Ek"
    if a.surname == b.surname or _close(a.surname, b.surname):
        return _given_compatible(a.given, b.given)
    # a double surname written as one word: "Nilssonek" (from an e-mail address)
    if len(b.given) > 1 and a.surname == b.given[-1] + b.surname:
        return _given_compatible(a.given, b.given[:-1])
    if len(a.given) > 1 and b.surname == a.given[-1] + a.surname:
        return _given_compatible(a.given[:-1], b.given)
    # register order without a comma: "Ek Karin" parsed as given=(ek,), surname=karin
    if len(a.given) == 1 and a.given[0] == b.surname:
        return _given_compatible((a.surname,), b.given)
    if len(b.given) == 1 and b.given[0] == a.surname:
        return _given_compatible(a.given, (b.surname,))
    return False


def display_score(raw: str) -> tuple[int, int, int]:
    """Prefer full given names, then more words, then proper capitalisation, for display."""
    key = parse_name(raw)
    if key is None:
        return (0, 0, 0)
    words = raw.split()
    proper = sum(1 for w in words if w[:1].isupper() and not w.isupper())
    accents = sum(1 for c in raw if ord(c) > 127)  # "Sören" over "Soren" from an address
    return (int(key.has_full_given), len(key.tokens), proper + accents)


def display_form(raw: str) -> str:
    """'Ek, Karin' -> 'Karin Ek', 'EK Karin' -> 'Karin Ek'; collapses spaces."""
    text = _caps_surname_last(" ".join(raw.split()))
    if text != " ".join(raw.split()):
        text = " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in text.split())
    if "," in text:
        surname, _, given = text.partition(",")
        text = f"{given.strip()} {surname.strip()}".strip()
    return text
