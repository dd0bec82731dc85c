"""Mail header fields the stdlib cannot read are left as they are, never an internal error
(session 12, helper robust: found by a seeded mutation fuzzer over real mails)."""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts

_BODY = b"Content-Type: text/plain; charset=utf-8\n\nHej, se bifogat.\n"


def _mail(tmp_path: Path, headers: bytes) -> DocumentFacts:
    path = tmp_path / "mail.eml"
    path.write_bytes(b"From: anna.ek@example.se\nTo: per@example.org\n" + headers + _BODY)
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert facts.email is not None
    return facts


def test_an_encoded_word_naming_a_non_ascii_charset_is_left_as_written(tmp_path: Path) -> None:
    # 8-bit bytes in the charset name: make_header raised email.errors.CharsetError,
    # which is no ValueError, and the mail was `internal`
    facts = _mail(tmp_path, b"Subject: Svar =?utf-\xe4?q?x?=\n")
    assert facts.email is not None
    assert facts.email.subject == "Svar =?utf-ä?q?x?="  # the 8-bit byte read as cp1252
    assert facts.text == "Hej, se bifogat.\n"


def test_a_date_with_a_huge_year_or_offset_is_no_date(tmp_path: Path) -> None:
    # parsedate_to_datetime raised OverflowError (Python int too large to convert to C
    # long/int), which _sent_at did not catch: the mail was `internal`
    for date in (b"Mon, 15 Feb 2021 09:13:00 +0000" + b"9" * 30, b"Mon, 15 Feb 2021 " + b"9" * 30):
        facts = _mail(tmp_path, b"Subject: Svar\nDate: " + date + b"\n")
        assert facts.email is not None
        assert facts.email.sent_at is None
        assert facts.email.subject == "Svar"


def test_a_parameter_split_two_ways_under_rfc_2231_is_unreadable_not_fatal(tmp_path: Path) -> None:
    # `filename*0*=` and `filename*=` in one field: email.utils.decode_params sorted
    # (None, 0) against (0, ...) and raised TypeError; the mail was `internal`
    path = tmp_path / "mail.eml"
    path.write_bytes(
        b"From: anna.ek@example.se\nTo: per@example.org\nSubject: Avtal\n"
        b"Content-Type: multipart/mixed; boundary=b\n\n--b\n" + _BODY + b"--b\n"
        b"Content-Type: application/pdf\nContent-Disposition: attachment;"
        b" filename*0*=utf-8''Avtal%20; filename*=x.pdf\n\nJVBERi0xLjQK\n--b\n"
        b"Content-Type: application/pdf\nContent-Disposition: attachment; filename=bilaga.pdf\n"
        b"\nJVBERi0xLjQK\n--b--\n"
    )
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert facts.email is not None
    assert facts.email.attachment_names == ("bilaga.pdf",)
    assert facts.text == "Hej, se bifogat."


@pytest.mark.parametrize("charset", ["undefined", "idna", "punycode"])
def test_a_body_in_a_codec_that_cannot_replace_is_read_as_utf_8(
    tmp_path: Path, charset: str
) -> None:
    # These Python codecs raise UnicodeError whatever the error handler ("undefined"
    # always, "idna" and "punycode" do not take "replace"); _content caught only
    # LookupError, so a sender naming one made the mail `internal` on every pass
    path = tmp_path / "mail.eml"
    path.write_bytes(
        b"From: anna.ek@example.se\nTo: per@example.org\nSubject: Synpunkter\n"
        b"Content-Type: text/plain; charset="
        + charset.encode()
        + b"\n\n"
        + "Hej, här är synpunkterna.\n".encode()
    )
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert facts.text == "Hej, här är synpunkterna.\n"
