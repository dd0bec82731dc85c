"""`model.fast_constructor` makes the same values as the class, without its frozen __init__."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from recordkeeper.classify.classifier import _Choice, _Decision
from recordkeeper.classify.views import Views
from recordkeeper.ingest.extract import Limits, extract_bytes
from recordkeeper.ingest.extract.base import Parsed
from recordkeeper.model import (
    AuditEvent,
    Classification,
    DocumentFacts,
    PersonalDataFindings,
    fast_constructor,
)
from recordkeeper.ruleset.load import load_ruleset
from recordkeeper.services.classify_worker import Precomputed
from recordkeeper.services.pipeline import DocumentChange

AT = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
CASES: list[tuple[Any, tuple[Any, ...], dict[str, Any]]] = [
    (AuditEvent, ("document_added", AT), {}),  # every default
    (AuditEvent, (), {"event": "x", "at": AT, "document_id": "d1", "data": {"copy_of": "d0"}}),
    (AuditEvent, ("e", AT, "alice", "d", "p", "r", "ab" * 32, {"k": 1}), {}),
    (DocumentChange, ("d1", "new", AT), {"facts": None, "classified": True}),
    (DocumentFacts, ("a/b.docx", 3, "ab" * 32, "docx"), {"title": "T", "page_count": 2}),
    (Classification, ("protocol", False, True, False, 0.5), {"reasons": ("r",)}),
    (PersonalDataFindings, (), {"counts": {"email": 1}}),
    (Parsed, (), {"text": "x", "headings": ("h",), "page_count": 2, "has_comments": True}),
    # made per document by the classifier and its worker (their constructors are these)
    (PersonalDataFindings, ({"name": 2},), {}),
    (Views, ({"title": "t", "content": "c"}, "C"), {}),
    (
        Precomputed,
        ("h", "a/b.docx", "a", "ab" * 32, Classification("x", False, False, True, 0.0)),
        {},
    ),
]
_SPEC = load_ruleset(Path(__file__).resolve().parents[2] / "rules").one("classes").classes[0]
CASES += [
    (_Choice, (_SPEC, 0.5, False, ("r@title",)), {}),
    (_Decision, (_SPEC, 0.5, False, True, False, ("r@title", "d@content"), 1), {}),
]


@pytest.mark.parametrize(("cls", "args", "kwargs"), CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_makes_the_value_the_class_makes(cls: Any, args: Any, kwargs: Any) -> None:
    made = fast_constructor(cls)(*args, **kwargs)
    expected = cls(*args, **kwargs)
    assert type(made) is cls
    assert made == expected
    assert repr(made) == repr(expected)
    for f in fields(cls):
        assert getattr(made, f.name) == getattr(expected, f.name), f.name
    with pytest.raises(FrozenInstanceError):
        setattr(made, fields(cls)[0].name, None)


def test_default_factories_make_a_fresh_value_each_time() -> None:
    make = fast_constructor(AuditEvent)
    one, two = make("e", AT), make("e", AT)
    assert one.data == {} and one.data is not two.data


def test_wrong_arguments_fail_as_the_class_does() -> None:
    make: Any = fast_constructor(AuditEvent)
    with pytest.raises(TypeError):
        make("e")  # `at` missing
    with pytest.raises(TypeError):
        make("e", AT, nope=1)


def test_a_class_it_cannot_make_is_refused() -> None:
    @dataclass(frozen=True, slots=True)
    class Later:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Hidden:
        a: int
        b: int = field(init=False, default=0)

    for cls in (Later, Hidden):
        with pytest.raises(TypeError):
            fast_constructor(cls)


def test_extraction_hands_the_parsed_fields_to_the_facts_in_their_order() -> None:
    # `extract_bytes` makes its DocumentFacts positionally (`model.new_facts`): path,
    # size, sha256, kind, then Parsed's fields in Parsed's order, then the project.
    names = [f.name for f in fields(DocumentFacts)]
    assert names == ["path", "size", "sha256", "kind", *(f.name for f in fields(Parsed)), "project"]
    data = b"# Protokoll\n\nDatum: 2026-12-04\n"
    facts = extract_bytes(data, "p/Protokoll.md", Limits(), "p")
    assert type(facts) is DocumentFacts
    assert (facts.path, facts.size, facts.kind, facts.project) == (
        "p/Protokoll.md",
        len(data),
        "text",
        "p",
    )
    assert facts.title == "Protokoll" and facts.headings == ("Protokoll",)
