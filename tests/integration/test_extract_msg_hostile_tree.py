"""An Outlook message whose directory tree is not balanced is read, or refused with a
specific reason: never a RecursionError.

Outlook writes each storage's children as a balanced red-black tree; olefile walked it
recursively, once per sibling along a chain, so a message whose root's 1,500 children
were chained as right (or left) siblings was recorded `corrupt` ("msg: RecursionError")
and its body and headers were lost. `ole.py` walks the tree with its own stack, in
olefile's order. Real messages (tests/msg_builder.py) with their tree links rewired
(tests/ole_rewire.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recordkeeper.ingest.extract import Limits, extract_file
from recordkeeper.model import DocumentFacts, Unreadable, UnreadableReason
from tests.msg_builder import make_msg
from tests.ole_rewire import chain_root, nest_attachments

_COUNT = 1500  # past Python's recursion limit (1,000 frames) when chained


@pytest.fixture(scope="module")
def balanced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_msg(
        tmp_path_factory.mktemp("msg") / "bilagor.msg",
        sender_name="Anna Berg",
        sender_email="anna.berg@example.se",
        to=[("Registrator", "registrator@example.se")],
        subject="Underlag till FK och NPO",
        body="Hej! Här kommer underlaget med alla bilagor.",
        attachments=[(f"bilaga-{n:05d}.txt", b"x") for n in range(_COUNT)],
    )


def _copy(balanced: Path, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    shutil.copy(balanced, path)
    return path


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_msg_whose_root_children_form_one_chain_is_read_as_the_balanced_one(
    balanced: Path, tmp_path: Path, side: str
) -> None:
    path = _copy(balanced, tmp_path, "bilagor.msg")
    assert chain_root(path, side=side) > _COUNT
    expected = extract_file(balanced, "bilagor.msg", Limits())
    facts = extract_file(path, "bilagor.msg", Limits())
    assert isinstance(facts, DocumentFacts), facts
    assert isinstance(expected, DocumentFacts), expected
    assert facts.email is not None
    assert facts.email.sender == "Anna Berg <anna.berg@example.se>"
    assert len(facts.email.attachment_names) == _COUNT
    assert (facts.text, facts.email, facts.metadata) == (
        expected.text,
        expected.email,
        expected.metadata,
    )


def test_the_chained_msg_named_docx_is_the_wrong_extension_not_corrupt(
    balanced: Path, tmp_path: Path
) -> None:
    path = _copy(balanced, tmp_path, "bilagor.docx")
    chain_root(path)
    result = extract_file(path, "bilagor.docx", Limits())
    assert isinstance(result, Unreadable), result
    assert result.reason == UnreadableReason.WRONG_EXTENSION


def test_storages_nested_1500_deep_are_refused_corrupt_without_recursion(
    balanced: Path, tmp_path: Path
) -> None:
    # each attachment's storage the only child of the one before: no message Outlook
    # writes; extract-msg finds an attachment storage with no properties
    path = _copy(balanced, tmp_path, "bilagor.msg")
    assert nest_attachments(path) == _COUNT
    result = extract_file(path, "bilagor.msg", Limits())
    assert isinstance(result, Unreadable), result
    assert result.reason == UnreadableReason.CORRUPT
    assert "Recursion" not in result.detail and "nesting" not in result.detail
    assert "Anna" not in result.detail
