"""PURE: identifiers -> keyed hashes (HMAC-SHA-256), for documents and for a query.

The key is an argument (the service reads it from a 0600 file), so a copy of
the database alone cannot be searched by guessing numbers. Names are reduced
to "first given name + surname", folded (case, diacritics), so "Ek, Karin",
"KARIN EK" and "Karin Maria Ek" give the same token.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable

from recordkeeper.classify.personal_data import personal_identifiers
from recordkeeper.process.names import parse_name

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DIGITS = re.compile(r"\d")


def _name_value(raw: str) -> str | None:
    key = parse_name(raw)
    if key is None or not key.given:
        return None
    return f"{key.given[0]} {key.surname}"


def _token(key: bytes, kind: str, value: str) -> str:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _normalised(identifiers: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for kind, value in identifiers:
        if kind == "name":
            name = _name_value(value)
            if name:
                out.add(("name", name))
        else:
            out.add((kind, value))
    return out


def document_tokens(text: str, key: bytes, addresses: Iterable[str] = ()) -> set[str]:
    """Keyed hashes of every identifier found in a document's text and addresses."""
    found = personal_identifiers(text, addresses=tuple(addresses))
    return {_token(key, kind, value) for kind, value in _normalised(found)}


def query_tokens(subject: str, key: bytes) -> tuple[str, set[str]]:
    """(kind, tokens) for what a person asks about: a personnummer, an e-mail or a name."""
    text = subject.strip()
    if _EMAIL.match(text):
        return "email", {_token(key, "email", text.casefold())}
    digits = "".join(_DIGITS.findall(text))
    if len(digits) in (10, 12) and len(digits) >= len(text.replace(" ", "")) - 2:
        return "pnr", {_token(key, "pnr", digits[-10:])}
    name = _name_value(text)
    return "name", ({_token(key, "name", name)} if name else set())
