"""Text that a file's own decoder gives must still be storable (session 12, helper robust).

A mail may name any charset Python knows (UTF-7, unicode-escape) and a PDF font's
ToUnicode map any UTF-16 code unit; both can give a lone surrogate, which no UTF-8
encoder accepts: the extraction cache (codec), the vault and the log all encode.
Before, such a file's facts could not be stored, so it was recorded as `internal` and
tried again on every pass, and a mail whose sender's name held one was never proposed
for registration (`registration_change_failed` from the vault).
"""

from __future__ import annotations

from pathlib import Path

from recordkeeper.ingest.extract import Limits, codec, extract_file
from recordkeeper.model import DocumentFacts
from tests import hostile


def _stored(path: Path) -> DocumentFacts:
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert codec.loads(codec.dumps(facts)) == facts
    return facts


def test_a_pdf_font_mapping_to_a_lone_surrogate_gives_storable_text(tmp_path: Path) -> None:
    facts = _stored(hostile.lone_surrogate_pdf(tmp_path / "scan.pdf"))
    assert facts.text == "\ufffdB\ufffdB\n"


def test_a_mail_in_utf_7_with_a_lone_surrogate_gives_storable_facts(tmp_path: Path) -> None:
    path = tmp_path / "synpunkter.eml"
    path.write_bytes(
        b"From: =?utf-7?q?Anna_Ek+2AA-?= <anna.ek@example.se>\n"
        b"To: per@example.org\nSubject: =?unicode-escape?q?Svar=5Cud800?=\n"
        b"Content-Type: text/plain; charset=utf-7\n\nSynpunkter +2D3eAA- och +2AA-slut\n"
    )
    facts = _stored(path)
    assert facts.email is not None
    assert facts.email.sender == "Anna Ek\ufffd <anna.ek@example.se>"
    assert facts.email.subject == "Svar\ufffd"
    assert facts.text == "Synpunkter \U0001f600 och \ufffdslut\n"
