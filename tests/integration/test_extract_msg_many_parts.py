"""Outlook messages with thousands of attachments or carried mails are read, not `timeout`.

olefile and extract-msg found each stream by searching every one before it, so the time
grew with the square of the number of parts: 2,000 attachments took 17 s, 10,000 were
killed at the timeout and the message's body and headers were lost. `ole.py` makes the
lookups linear; past `MAX_DIRECTORY_ENTRIES` a file is refused `too_many_parts` before
its directory is parsed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recordkeeper.ingest.extract import Limits, extract_file, ole
from recordkeeper.ingest.pool import ExtractionPool
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from tests.msg_builder import make_msg, mapi_message

# Each case took 30-60 s before (quadratic); 1-3 s now, also on a loaded machine.
_LIMITS = Limits(timeout_s=15)


def _many_attachments(path: Path, count: int) -> Path:
    return make_msg(
        path,
        sender_name="Anna Berg",
        sender_email="anna.berg@example.se",
        to=[("Registrator", "registrator@example.se")],
        subject="Underlag till FK och NPO",
        body="Hej! Här kommer underlaget med alla bilagor.",
        attachments=[(f"bilaga-{n:05d}.txt", b"x") for n in range(count)],
    )


def test_a_msg_with_5000_attachments_is_read_within_the_timeout(tmp_path: Path) -> None:
    path = _many_attachments(tmp_path / "bilagor.msg", 5000)
    with ExtractionPool(_LIMITS, workers=1) as pool:
        facts = pool.extract(path, "bilagor.msg")
    assert isinstance(facts, DocumentFacts), facts
    assert facts.email is not None
    assert facts.email.subject == "Underlag till FK och NPO"
    assert facts.email.sender == "Anna Berg <anna.berg@example.se>"
    assert "alla bilagor" in facts.text
    assert len(facts.email.attachment_names) == 5000
    assert sorted(facts.email.attachment_names)[-1] == "bilaga-04999.txt"


def test_a_msg_carrying_300_mails_is_read_within_the_timeout(tmp_path: Path) -> None:
    carried = [
        (
            f"synpunkt-{n}.msg",
            mapi_message(
                sender_name="Karin Ek",
                sender_email="karin.ek@example.se",
                to=[("Projektledare", "pl@example.se")],
                subject=f"Synpunkter {n}",
                body=f"Synpunkt nummer {n} på textförslaget.",
            ),
        )
        for n in range(300)
    ]
    path = make_msg(
        tmp_path / "synpunkter.msg",
        sender_name="Projektledare",
        sender_email="pl@example.se",
        to=[("Registrator", "registrator@example.se")],
        subject="VB: Synpunkter från RG",
        body="Vidarebefordrar alla synpunkter.",
        carried=carried,
    )
    with ExtractionPool(_LIMITS, workers=1) as pool:
        facts = pool.extract(path, "synpunkter.msg")
    assert isinstance(facts, DocumentFacts), facts
    assert facts.text.startswith("Vidarebefordrar alla synpunkter.")
    assert all(f"Synpunkt nummer {n} på" in facts.text for n in range(300))
    assert facts.metadata.get("unreadable_parts") is None


def test_a_directory_past_the_cap_is_refused_with_its_own_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _many_attachments(tmp_path / "bilagor.msg", 60)  # 636 directory entries
    monkeypatch.setattr(ole, "MAX_DIRECTORY_ENTRIES", 500)
    result = extract_file(path, "bilagor.msg", Limits())
    assert isinstance(result, Unreadable)
    assert result.reason is UnreadableReason.TOO_MANY_PARTS
    assert "directory entries" in result.detail
    # named as a Word file, the content sniffing that looks for an encrypted package
    # is refused the same way and the file is what it is: an OLE file, not a docx
    docx = tmp_path / "bilagor.docx"
    docx.write_bytes(path.read_bytes())
    named = extract_file(docx, "bilagor.docx", Limits())
    assert isinstance(named, Unreadable)
    assert named.reason is UnreadableReason.WRONG_EXTENSION


def test_the_replacements_are_installed_on_the_versions_they_were_written_for() -> None:
    # another olefile or extract-msg keeps its own (slow) methods: this test says so first
    assert ole.install()
    assert ole.install_extract_msg()
