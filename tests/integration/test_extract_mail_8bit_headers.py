"""Mail headers written in raw 8-bit bytes (RFC 6532; many clients send UTF-8 headers
unencoded, older Windows ones cp1252) are read as the text they are. Before, compat32
gave U+FFFD for every byte, so a subject "Jävsdeklaration" or an attachment
"Avtal_Åberg.pdf" lost the very words the classifier looks for."""

from __future__ import annotations

from pathlib import Path

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts


def _facts(tmp_path: Path, headers: bytes, body: bytes) -> DocumentFacts:
    path = tmp_path / "mail.eml"
    path.write_bytes(headers + body)
    facts = extract_file(path, path.name, Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert facts.email is not None
    return facts


def test_raw_utf8_subject_sender_and_attachment_name_are_read_as_text(tmp_path: Path) -> None:
    facts = _facts(
        tmp_path,
        "From: Karin Åberg <karin.aberg@example.se>\nTo: registrator@example.se\n"
        "Subject: Jävsdeklaration för expertgruppen\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n'.encode(),
        "--b\nContent-Type: text/plain; charset=utf-8\n\nHär är min deklaration.\n"
        "--b\nContent-Type: application/pdf\n"
        'Content-Disposition: attachment; filename="Jäv_Åberg.pdf"\n'
        "\nJVBERi0=\n--b--\n".encode(),
    )
    assert facts.email is not None
    assert facts.email.subject == "Jävsdeklaration för expertgruppen"
    assert facts.title == "Jävsdeklaration för expertgruppen"
    assert facts.email.sender == "Karin Åberg <karin.aberg@example.se>"
    assert facts.email.attachment_names == ("Jäv_Åberg.pdf",)
    assert "\ufffd" not in facts.text


def test_raw_cp1252_subject_is_read_as_text(tmp_path: Path) -> None:
    facts = _facts(
        tmp_path,
        b"From: a@example.se\nSubject: Avtal f\xe4rdigt f\xf6r underskrift\n",
        b"Content-Type: text/plain; charset=windows-1252\n\nHej\n",
    )
    assert facts.email is not None
    assert facts.email.subject == "Avtal färdigt för underskrift"


def test_encoded_words_beside_raw_utf8_are_decoded(tmp_path: Path) -> None:
    facts = _facts(
        tmp_path,
        "From: a@example.se\nSubject: Svar: =?utf-8?q?J=C3=A4v?= – ärende\n".encode(),
        b"\nHej\n",
    )
    assert facts.email is not None
    assert facts.email.subject == "Svar: Jäv – ärende"
