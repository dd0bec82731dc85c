"""PURE: checking a registrar's answer before the service applies it."""

from __future__ import annotations

import re

from recordkeeper import i18n
from recordkeeper.errors import UsageError

# Dismissal reasons with a stable code; anything else is recorded as "other"
# (the free text stays in the registry row, never in the audit log).
DISMISS_CODES = ("draft", "working_copy", "duplicate", "internal_note", "not_received", "other")


class InvalidDnr(UsageError):
    code = "registry.dnr_invalid"


def validate_dnr(value: str, pattern: str, lang: str = i18n.DEFAULT_LANG) -> str:
    """The diarienummer stripped of surrounding space, if it matches `pattern`.

    Raises:
        InvalidDnr: naming the expected pattern.
    """
    dnr = value.strip()
    if not re.fullmatch(pattern, dnr):
        raise InvalidDnr(i18n.t(InvalidDnr.code, lang, dnr=dnr, pattern=pattern))
    return dnr


def dismiss_code(reason: str) -> str:
    """The stable code of a dismissal reason: the reason itself when it is a known code."""
    word = reason.strip().casefold()
    return word if word in DISMISS_CODES else "other"
