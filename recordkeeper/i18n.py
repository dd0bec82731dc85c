"""Swedish/English message catalogue; Swedish is the default.

Each subject contributes its own messages with `register()` at import (for
example `recordkeeper.process.messages`), so catalogues stay with their
owners. `t()` renders a key in a language; a key missing in the requested
language falls back to Swedish, then to the key itself, so a forgotten
translation never crashes a report. `tests/test_structure.py` checks that
every key has both languages.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("sv", "en")
DEFAULT_LANG = "sv"

_CATALOGUE: dict[str, dict[str, str]] = {}


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages: key -> {"sv": ..., "en": ...}. Re-registering a key replaces it."""
    for key, texts in messages.items():
        _CATALOGUE[key] = dict(texts)


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Render message `key` in `lang`, formatting `values` into it."""
    texts = _CATALOGUE.get(key)
    if texts is None:
        return key
    template = texts.get(lang) or texts.get(DEFAULT_LANG) or key
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def catalogue() -> Mapping[str, Mapping[str, str]]:
    """The whole catalogue, for checks and documentation."""
    return _CATALOGUE


register(
    {
        "error.internal": {
            "sv": "internt fel, se logghändelse {event_id}",
            "en": "internal error, see log event {event_id}",
        },
        "error.path_missing": {
            "sv": "sökvägen finns inte: {path}",
            "en": "path does not exist: {path}",
        },
        "config.ok": {"sv": "konfigurationen är giltig", "en": "configuration is valid"},
        "rules.ok": {
            "sv": "{count} regelfiler är giltiga",
            "en": "{count} rule files are valid",
        },
        # unreadable reasons, shown to people
        "unreadable.corrupt": {"sv": "filen är skadad", "en": "the file is corrupt"},
        "unreadable.encrypted": {
            "sv": "filen är krypterad eller lösenordsskyddad",
            "en": "the file is encrypted or password protected",
        },
        "unreadable.too_large": {
            "sv": "filen är större än tillåten gräns",
            "en": "the file exceeds the size limit",
        },
        "unreadable.zip_bomb": {
            "sv": "filen packas upp till orimlig storlek (zip-bomb)",
            "en": "the file decompresses to an unreasonable size (zip bomb)",
        },
        "unreadable.too_many_parts": {
            "sv": "filen har orimligt många delar (t.ex. bilagor) och läses inte",
            "en": "the file has an unreasonable number of parts (e.g. attachments) and is not read",
        },
        "unreadable.xml_entities": {
            "sv": "filen innehåller XML-entiteter som inte tillåts",
            "en": "the file contains XML entities that are not allowed",
        },
        "unreadable.unsupported": {
            "sv": "filformatet stöds inte",
            "en": "the file format is not supported",
        },
        "unreadable.incomplete": {
            "sv": "filen är ofullständig (avkortad eller skrivs fortfarande)",
            "en": "the file is incomplete (truncated or still being written)",
        },
        "unreadable.empty": {"sv": "filen är tom", "en": "the file is empty"},
        "unreadable.wrong_extension": {
            "sv": "filens innehåll stämmer inte med filändelsen",
            "en": "the file content does not match its extension",
        },
        "unreadable.link_outside_tree": {
            "sv": "länken pekar utanför den bevakade mappen",
            "en": "the link points outside the watched folder",
        },
        "unreadable.link_loop": {"sv": "länken bildar en slinga", "en": "the link forms a loop"},
        "unreadable.special_file": {
            "sv": "specialfil (FIFO, enhet eller socket) öppnas inte",
            "en": "special file (FIFO, device or socket) is never opened",
        },
        "unreadable.permission_denied": {
            "sv": "behörighet saknas för att läsa filen",
            "en": "permission denied reading the file",
        },
        "unreadable.bad_name": {
            "sv": "filnamnet kan inte avkodas eller är för långt",
            "en": "the file name cannot be decoded or is too long",
        },
        "unreadable.timeout": {
            "sv": "läsningen tog för lång tid och avbröts",
            "en": "reading took too long and was stopped",
        },
        "unreadable.memory": {
            "sv": "läsningen krävde för mycket minne och avbröts",
            "en": "reading needed too much memory and was stopped",
        },
        "unreadable.vanished": {
            "sv": "filen försvann medan den lästes",
            "en": "the file vanished while being read",
        },
        "unreadable.internal": {
            "sv": "internt fel vid läsning",
            "en": "internal error while reading",
        },
    }
)
