"""PURE: patterns for personal data that must never reach a log line or the audit log.

Shared by the log redaction processor (`recordkeeper.logs`, shell) and the
audit-entry guard (`recordkeeper.audit.log`, core), so both agree on what
counts as a personnummer, an e-mail address or a phone number.

The patterns err on the side of masking: a false positive costs a masked
number in a log line, a false negative leaks a person. Digit runs must stand
on their own (no letter or digit beside them) so that hexadecimal hashes and
identifiers such as `3f1234567890ab` are not mistaken for numbers.
"""

from __future__ import annotations

import re

__all__ = ["DENY_KEYS", "PATTERNS", "find_kinds", "mask"]

# Keys whose values are personal data or may hold it (names, paths, free text).
DENY_KEYS = frozenset({"name", "email", "text", "path", "person", "subject", "sender"})

_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_ALNUM_AFTER = r"(?![0-9A-Za-z])"

PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # personnummer / samordningsnummer, with or without century and separator
    (
        "personnummer",
        re.compile(_ALNUM_BEFORE + r"(?:19|20)?\d{6}[-+ ]?\d{4}" + _ALNUM_AFTER),
        "[pnr]",
    ),
    # the top-level domain is letters, so a database URL's user@127.0.0.1 is not an address
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])"), "[email]"),
    # Swedish numbers: +46 or a leading 0, then 6-11 more digits in groups. Not after
    # '.', ':' or a digit, so fractions of seconds in timestamps are left alone.
    (
        "phone",
        re.compile(r"(?<![\w.:+/-])(?:\+46|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,3}){2,4}" + _ALNUM_AFTER),
        "[phone]",
    ),
)


def mask(text: str) -> str:
    """Replace anything that looks like a personnummer, e-mail address or phone number."""
    for _kind, pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


# ASCII letters and digits with a letter among them (document ids, hashes, rule ids): no
# pattern above can match it. Each needs an '@', or a run of digits (with separators that
# are no letters or digits) with no letter or digit beside it, and in such a string that
# run would be the whole string. Checked first because every audit event carries one or
# two of these, each new (issue #3: the three scans were the larger part of an audit
# append); by three string methods in C, not a regular expression (issue #3, session 17).
# tests/unit/test_audit_guard.py holds the cases and the patterns' verdicts alike.


def find_kinds(text: str) -> tuple[str, ...]:
    """The kinds of personal data found in `text` (never the values themselves)."""
    if text.isascii() and text.isalnum() and not text.isdigit():
        return ()
    # an address needs its '@': without one the e-mail pattern is not run (it tried every
    # run of word characters before failing, ~5 us for a project name, ~19 for a list of
    # signal ids)
    return tuple(
        kind
        for kind, pattern, _ in PATTERNS
        if (kind != "email" or "@" in text) and pattern.search(text)
    )
