"""Name-only facts of a file that could not be read: one builder for the classify command,
the daemon's classify stage and the registration stage."""

from __future__ import annotations

from recordkeeper.model import UNREADABLE
from recordkeeper.services.classify_files import name_only_facts


def test_the_kind_comes_from_the_files_own_name_not_a_dotted_folder() -> None:
    # the daemon's stage took the kind from the whole path: 'v2/readme' here
    assert name_only_facts("Projekt.v2/README", 10, "ab").kind == "readme"
    assert name_only_facts("P/Avtal.DOCX", None, None).kind == "docx"


def test_what_is_not_known_is_empty_and_the_reason_marks_the_facts() -> None:
    plain = name_only_facts("P/a.pdf", None, None, project="P")
    assert (plain.size, plain.sha256, plain.project, dict(plain.metadata)) == (0, "", "P", {})
    marked = name_only_facts("P/a.pdf", 5, "cd", unreadable="encrypted")
    assert marked.metadata[UNREADABLE] == "encrypted"
    assert (marked.size, marked.sha256) == (5, "cd")
