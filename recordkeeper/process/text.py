"""Normalised text and phrase matching for process rules (pure).

Phrases in rule files are matched case- and diacritic-insensitively, from the
start of a word ("rekommendation" finds "Rekommendationerna", not
"nyrekommendation"). Each document's fields are normalised once and cached in
a `DocView`, which is what makes a 200-file project cheap to evaluate.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from recordkeeper.classify.views import printed_mail
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.process.names import UNDECOMPOSED

_WORD = re.compile(r"[0-9a-z]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# a document's text is read up to this many characters: evidence phrases sit near the top
_MAX_TEXT = 200_000


def fold(text: str) -> str:
    """Lower-case, strip diacritics, turn every non-alphanumeric run into one space."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    if not plain.isascii():
        plain = _COMBINING.sub("", plain).replace("ß", "ss").translate(UNDECOMPOSED)
    # the words joined by one space: what `_NON_WORD.sub(" ", plain).strip()` gives, in a
    # third of the time on running text (no replacement per blank)
    return " ".join(_WORD.findall(plain))


@lru_cache(maxsize=8192)
def fold_phrase(phrase: str) -> str:
    """`fold` for rule phrases, which recur on every document (cached)."""
    return fold(phrase)


def padded(text: str) -> str:
    """`fold(text)` with a space on each side, ready for word-start matching."""
    return f" {fold(text)} "


def has_phrase(haystack_padded: str, phrase: str) -> bool:
    """True when `phrase` starts at a word start in the padded, folded haystack."""
    needle = fold_phrase(phrase)
    return bool(needle) and f" {needle}" in haystack_padded


def has_word(haystack_padded: str, phrase: str) -> bool:
    """True when `phrase` occurs as whole words (for short codes such as 'AC')."""
    needle = fold_phrase(phrase)
    return bool(needle) and f" {needle} " in haystack_padded


def any_phrase(haystack_padded: str, phrases: Iterable[str]) -> bool:
    return any(has_phrase(haystack_padded, p) for p in phrases)


@lru_cache(maxsize=4096)
def needles(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """`has_phrase` as plain substring tests: " " + each folded, non-empty phrase (cached:
    a rule's phrases are tested against every document)."""
    return tuple(f" {n}" for n in map(fold_phrase, phrases) if n)


def any_needle(haystack_padded: str, wanted: tuple[str, ...]) -> bool:
    """`any_phrase` over phrases already turned into `needles`."""
    for needle in wanted:  # noqa: SIM110  (a loop: twice as fast as any() over a generator)
        if needle in haystack_padded:
            return True
    return False


@dataclass(frozen=True, slots=True)
class ClassifiedDocument:
    """One document of a project: what extraction found and what it was classified as.

    `facts.path` is relative to the project folder (POSIX).
    """

    facts: DocumentFacts
    classification: Classification

    @property
    def path(self) -> str:
        return self.facts.path

    @property
    def doc_class(self) -> str:
        return self.classification.doc_class

    @property
    def is_draft(self) -> bool:
        return self.classification.is_draft


@dataclass(slots=True)
class DocView:
    """Lazily folded fields of one document (internal cache; not shared across calls)."""

    doc: ClassifiedDocument
    _cache: dict[str, str] = field(default_factory=dict)

    def field(self, name: str) -> str:
        cached = self._cache.get(name)
        if cached is None:
            cached = padded(_raw_field(self.doc.facts, name))
            self._cache[name] = cached
        return cached

    def matches(self, phrases: Iterable[str], fields: Iterable[str]) -> bool:
        """Any of `phrases` in any of `fields`."""
        wanted = needles(tuple(phrases))
        if not wanted:
            return False
        return any(any_needle(self.field(f), wanted) for f in fields)

    def joined(self, fields: tuple[str, ...]) -> str:
        """The padded fields joined by a newline (which `fold` never leaves), so a needle
        is in the result exactly when it is in one of the fields: one test instead of six."""
        key = "\n".join(fields)
        cached = self._cache.get(key)
        if cached is None:
            cached = "\n".join(self.field(f) for f in fields)
            self._cache[key] = cached
        return cached


def _raw_field(facts: DocumentFacts, name: str) -> str:
    if name == "name":
        return facts.name.rsplit(".", 1)[0] if "." in facts.name else facts.name
    if name == "folders":
        return " / ".join(facts.folders)
    if name == "title":
        return " ".join(x for x in (facts.title or "", facts.metadata.get("title", "")) if x)
    if name == "headings":
        return " \n ".join(facts.headings)
    if name == "subject":
        if facts.email:
            return facts.email.subject or ""
        # a mail printed to PDF: the subject line of its printed header
        return printed_mail(facts.text).get("email_subject", "") if facts.kind == "pdf" else ""
    if name == "text":
        return facts.text[:_MAX_TEXT]
    if name == "extension":  # "dotx": a template, whatever it is called
        return facts.name.rsplit(".", 1)[1] if "." in facts.name else ""
    raise ValueError(f"unknown document field '{name}'")
