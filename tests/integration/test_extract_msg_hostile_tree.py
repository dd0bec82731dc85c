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


def _carried_deep(path: Path, depth: int) -> Path:
    """A message carrying a message carrying ... `depth` levels (Outlook's "forward as
    attachment" again and again), the innermost with the words."""
    from tests.msg_builder import mapi_message

    inner = mapi_message(
        sender_name="Karin Ek",
        sender_email="karin.ek@example.se",
        to=[("Registrator", "registrator@example.se")],
        subject="Jävsdeklaration",
        body="Jävsdeklaration innerst inne",
    )
    for level in range(depth - 1, 0, -1):
        outer = mapi_message(
            sender_name="Anna Berg",
            sender_email="anna.berg@example.se",
            to=[("Registrator", "registrator@example.se")],
            subject=f"VB: nivå {level}",
            body=f"nivå {level}",
        )
        outer.add_embedded_message_attachment(inner, filename=f"nivå {level}.msg")
        inner = outer
    return make_msg(
        path,
        sender_name="Anna Berg",
        sender_email="anna.berg@example.se",
        to=[("Registrator", "registrator@example.se")],
        subject="VB: nivå 0",
        body="nivå 0",
        carried=[("nivå 1.msg", inner)],
    )


def test_mails_carried_150_deep_are_read_to_our_depth_in_linear_time(tmp_path: Path) -> None:
    """Each carried message's existence checks listed every path below it, lower-cased, path
    by path: quadratic in the depth (100 deep 1.9 s CPU, 200 deep 7.9 s, past the worker's
    timeout not much deeper). They now walk the tree by name: 200 deep 0.8 s."""
    import time

    path = _carried_deep(tmp_path / "vidarebefordrat.msg", 150)
    started = time.process_time()
    facts = extract_file(path, "vidarebefordrat.msg", Limits())
    spent = time.process_time() - started
    assert isinstance(facts, DocumentFacts), facts
    assert "nivå 7" in facts.text  # read to msg._MAX_DEPTH (8) levels, not further
    assert "nivå 20" not in facts.text and "innerst inne" not in facts.text
    assert spent < 2.5, spent  # 4.4 s before
