"""The value types an extraction worker sends to its parent survive pickling whole.

`model` pickles them as their field values rebuilt by `__init__` (faster than
a slotted dataclass's default); a field left out or out of order fails here.
"""

from __future__ import annotations

import pickle
from dataclasses import fields
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
