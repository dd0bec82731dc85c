"""eml._decoded_utf8 decodes RFC 2047 header values exactly as the stdlib does."""

from __future__ import annotations

import base64
import email.errors
import email.header
import random

from recordkeeper.ingest.extract import eml


def _stdlib(raw: str) -> str:
    try:
        return str(email.header.make_header(email.header.decode_header(raw)))
    except (ValueError, LookupError, email.errors.HeaderParseError):
        return raw


_FIXED = (
    "SV: =?utf-8?q?F=C3=B6rfr=C3=A5gan?= om nominering av sakkunniga till",
    "=?utf-8?q?F=C3=B6rfr=C3=A5gan?= om deltagare till",
    "=?utf-8?q?Beg=C3=A4ran_om_synpunkter=3A_f=C3=B6rslag?= till FMB",
    "Mallar efter =?utf-8?q?uppstartsm=C3=B6tet_=E2=80=93?= FMB",
    "=?UTF-8?B?RsO2cmZyw6VnYW4=?=",
    "=?utf-8?b?RsO2cmZyw6VnYW4?=",
    "=?utf-8?q?a?= =?utf-8?q?b?=",
    "=?utf-8?q?a?=   =?utf-8?q?b?= c",
    "x=?utf-8?q?a?=y",
    "(=?utf-8?q?a?=)",
    "\\=?utf-8?q?a?=\\",
    "  =?utf-8?q?a?=  ",
    "=?utf-8?q?=C3?=",
    "=?utf-8?b?w?=",
    "=?utf-8?b?!!!?=",
    "=?utf-8?q??=",
    "=?iso-8859-1?q?f=F6r?= och =?utf-8?q?f=C3=B6r?=",
    "=?utf-8?x?abc?=",
    "=? utf-8?q?a?=",
    "=?utf-8?q?a?= =?iso-8859-1?q?b?=",
    "plain =? not encoded",
    "=?utf-8?q?r=C3=A4ksm=C3=B6rg=C3=A5s?=\n =?utf-8?q?_igen?=",
    "=?utf-8?q?a\tb?=",
    "=?utf-8*sv?q?a?=",
)
_PLAIN = ("SV:", "Re:", "om", "till", "FMB", " ", "  ", "(", ")", "\\", "x", ",", "\t", "=?")
_TEXTS = ("Förfrågan", "räksmörgås", "–", "a b", "_", "=", "?", "€", "ö", "", "a=b")


def _encoded_word(rng: random.Random) -> str:
    charset = rng.choice(("utf-8", "UTF-8", "Utf-8", "iso-8859-1", "us-ascii", "bogus"))
    text = rng.choice(_TEXTS)
    data = text.encode("utf-8", "replace")
    if rng.random() < 0.1:
        data = data[: max(0, len(data) - 1)]  # cut inside a character
    if rng.random() < 0.5:
        body = "".join(
            f"={b:02X}" if b > 126 or chr(b) in "=?_ \t" or rng.random() < 0.2 else chr(b)
            for b in data
        )
        if rng.random() < 0.1:
            body += rng.choice(("=", "=4", "=ZZ", "_"))
        return f"=?{charset}?{rng.choice('qQ')}?{body}?="
    body = base64.b64encode(data).decode("ascii")
    if rng.random() < 0.3:
        body = body.rstrip("=")
    if rng.random() < 0.05:
        body += rng.choice(("!", "A", "=="))
    return f"=?{charset}?{rng.choice('bB')}?{body}?="


def test_fixed_values_decode_as_the_stdlib_decodes_them() -> None:
    for raw in _FIXED:
        assert eml._decoded(raw) == _stdlib(raw), raw
        fast = eml._decoded_utf8(raw)
        assert fast is None or fast == _stdlib(raw), raw
    assert eml._decoded_utf8(_FIXED[0]) == "SV: Förfrågan om nominering av sakkunniga till"


def test_encoded_words_in_a_value_with_raw_non_ascii_text_are_decoded() -> None:
    # unlike the stdlib, which leaves the whole value as written: such values come from
    # headers sent in raw 8-bit bytes (eml._eight_bit) with encoded words beside them
    assert eml._decoded("f\u00f6r =?utf-8?q?a?=") == "f\u00f6r a"
    assert (
        eml._decoded("Svar: =?iso-8859-1?q?f=F6r?= \u2013 \u00e4rende")
        == "Svar: f\u00f6r \u2013 \u00e4rende"
    )
    assert eml._decoded("=?utf-\u00e4?q?x?= s\u00e5") == "=?utf-\u00e4?q?x?= s\u00e5"  # no charset


def test_generated_values_decode_as_the_stdlib_decodes_them() -> None:
    rng = random.Random(5)
    taken = 0
    for _ in range(30_000):
        pieces = [
            _encoded_word(rng) if rng.random() < 0.4 else rng.choice(_PLAIN)
            for _ in range(rng.randint(1, 6))
        ]
        raw = rng.choice(("", " ", " ", "\n ", "\r\n\t", "\n")).join(pieces)
        fast = eml._decoded_utf8(raw)
        if fast is not None:
            taken += 1
            assert fast == _stdlib(raw), raw
        assert eml._decoded(raw) == _stdlib(raw), raw
    assert taken > 5_000  # the fast path is exercised, not only the fallback


def test_long_values_of_many_words_decode_as_the_stdlib_decodes_them() -> None:
    """Thousands of encoded and plain words in one value (a hostile Subject): the
    same text as the stdlib's. The fast path reads them in one pass (it popped the
    front of a list and grew one bytes object word by word: quadratic, a 4 MB
    Subject held a worker until the extraction timeout; see docs/benchmarks.md)."""
    rng = random.Random(11)
    for _ in range(5):
        pieces = [
            _encoded_word(rng) if rng.random() < 0.7 else rng.choice(_PLAIN) for _ in range(3000)
        ]
        raw = rng.choice((" ", "\n ", "")).join(pieces)
        assert eml._decoded(raw) == _stdlib(raw)
    utf8 = " ".join(f"=?utf-8?q?f=C3=B6r{n}?=" for n in range(3000))
    assert eml._decoded_utf8(utf8) == "".join(f"för{n}" for n in range(3000))
