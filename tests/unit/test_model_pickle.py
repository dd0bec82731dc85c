"""The value types an extraction worker sends to its parent survive pickling whole.

`model` pickles them as their field values, rebuilt in a plain slotted twin of
the class that then becomes the class (faster than a slotted dataclass's default
and than its frozen `__init__`); a field left out or out of order fails here, and so
does a copy that is not of the class, not frozen or not equal.
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, fields
from datetime import UTC, datetime
from typing import Any

import pytest

from recordkeeper.model import (
    Classification,
    DocumentFacts,
    EmailFacts,
    PersonalDataFindings,
    Unreadable,
    UnreadableReason,
)
from recordkeeper.services.classify_worker import Precomputed

WHEN = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
EMAIL = EmailFacts(
    sender="anna@example.se",
    recipients=("bo@example.se", "cia@example.se"),
    cc=("dan@example.se",),
    subject="Protokoll",
    sent_at=WHEN,
    attachment_names=("protokoll.pdf",),
)
FACTS = DocumentFacts(
    path="P1/möte/protokoll.eml",
    size=1234,
    sha256="ab" * 32,
    kind="eml",
    text="Protokoll från mötet\nMed vänlig hälsning",
    title="Protokoll",
    headings=("Närvarande", "Beslut"),
    metadata={"author": "Anna", "template": "Normal.dotm"},
    modified_at=WHEN,
    created_at=datetime(2025, 1, 2, tzinfo=UTC),
    page_count=3,
    has_text_layer=False,
    has_comments=True,
    has_tracked_changes=True,
    email=EMAIL,
    project="P1",
)
FINDINGS = PersonalDataFindings(counts={"email": 2, "name": 1})
CLASSIFICATION = Classification(
    doc_class="protocol",
    is_draft=True,
    must_register=True,
    personal_data=True,
    confidence=0.87,
    reasons=("protocol.title@title", "pd:email"),
    needs_review=True,
    personal_data_findings=FINDINGS,
    corrected=True,
)
VALUES: list[Any] = [
    EMAIL,
    FACTS,
    DocumentFacts(path="a.txt", size=0, sha256="", kind="text"),  # every default
    Unreadable("x.pdf", UnreadableReason.ENCRYPTED, "password"),
    FINDINGS,
    CLASSIFICATION,
    Precomputed("rules", FACTS.path, FACTS.project, FACTS.sha256, CLASSIFICATION),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_a_pickled_value_comes_back_equal_field_by_field(value: Any) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(value, protocol))
        assert type(copy) is type(value)
        assert copy == value
        for f in fields(value):
            assert getattr(copy, f.name) == getattr(value, f.name), f.name
            assert type(getattr(copy, f.name)) is type(getattr(value, f.name)), f.name


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_an_unpickled_value_is_frozen_and_of_its_class(value: Any) -> None:
    again = pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    assert type(again) is type(value)
    assert isinstance(again, type(value))
    name = fields(value)[0].name
    with pytest.raises(FrozenInstanceError):
        setattr(again, name, getattr(value, name))
    assert repr(again) == repr(value)
    if isinstance(value, (EmailFacts, Unreadable)):  # the others hold a dict
        assert hash(again) == hash(value)
    for made in (copy.copy(value), copy.deepcopy(value)):
        assert type(made) is type(value) and made == value


def test_the_pickle_names_the_rebuilding_function_not_a_local() -> None:
    data = pickle.dumps(FACTS, pickle.HIGHEST_PROTOCOL)
    assert b"DocumentFacts._unpickle" in data
    precomputed = pickle.dumps(VALUES[-1], pickle.HIGHEST_PROTOCOL)
    assert isinstance(VALUES[-1], Precomputed)
    assert b"_new_precomputed" in precomputed  # not rebuilt by its frozen __init__
