"""Memoised serialisations on the storing path give what the plain expressions give."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta, timezone

from recordkeeper.audit.log import _timestamp, canonical_entry
from recordkeeper.model import AuditEvent, Classification
from recordkeeper.services.classification import _audit, _signals
from recordkeeper.services.pipeline import DocumentChange, _classified
from recordkeeper.store.repo_classification import (
    PresentDocument,
    _kinds_json,
    _reasons_json,
    _sorted_json,
)

REASONS = [
    (),
    ("text.phrase@title",),
    ("text.phrase@title", "draft.name@filename", "text.phrase@content", "no_at_sign"),
    ('å "quoted" \\ back@x', "ctrl\x01@y", "emoji 😀@z"),
]


def test_reasons_and_signals_as_the_plain_expressions() -> None:
    for reasons in REASONS * 2:  # the second time from the memo
        assert _reasons_json(reasons) == json.dumps(list(reasons))
        assert _reasons_json(list(reasons)) == json.dumps(list(reasons))
        plain = ",".join(sorted({r.split("@", 1)[0] for r in reasons if "@" in r}))
        assert _signals(reasons) == plain
        assert _signals(list(reasons)) == plain  # type: ignore[arg-type]


def test_personal_data_kinds_as_sorted_json() -> None:
    cases: list[dict[str, object]] = [
        {},
        {"email": 2},
        {"phone": 1, "email": 3, "personnummer": 0},
        {"email": 3, "personnummer": 0, "phone": 1},  # the same, in another order
        {"email": True},  # equal to {"email": 1}: written apart, not from its memo
        {"email": 1},
        {"email": 1.0},
        {"email": 2**70},
    ]
    for counts in cases * 2:  # the second time from the memo
        assert _kinds_json(counts) == _sorted_json(dict(counts))  # type: ignore[arg-type]
    assert _kinds_json({"email": True}) == '{"email": true}'  # type: ignore[dict-item]
    assert _kinds_json({"email": 1}) == '{"email": 1}'


def test_a_classification_event_is_the_one_made_by_keywords() -> None:
    doc = PresentDocument("d1", "P/a.pdf", "P", "ab" * 32, None, 3, "root")
    result = Classification(
        "coi_declaration", False, True, True, 0.9, ("coi.short_name@title", "x"),
        corrected=True,
    )  # fmt: skip
    at = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    made = _audit("document_classified", doc, result, "f" * 64, at)
    assert made == AuditEvent(
        event="document_classified", at=at, actor="system", document_id="d1",
        project_id="P", rule_id="coi_declaration", sha256="ab" * 32,
        data={
            "class": "coi_declaration", "draft": False, "must_register": True,
            "personal_data": True, "corrected": True, "rules_hash": "f" * 64,
            "signals": "coi.short_name",
        },
    )  # fmt: skip
    assert type(made) is AuditEvent


def test_an_entry_time_is_written_the_same_when_events_share_it() -> None:
    at = datetime(2026, 12, 3, 4, 5, 6, 7, tzinfo=timezone(timedelta(hours=1)))
    other = at + timedelta(microseconds=1)
    for when in (at, at, other, at, datetime(2026, 1, 1, tzinfo=UTC)):
        assert _timestamp(when) == when.astimezone(UTC).isoformat(timespec="microseconds")
        leaf = canonical_entry(AuditEvent(event="e", at=when), 3)
        assert json.loads(leaf)["at"] == when.astimezone(UTC).isoformat(timespec="microseconds")


def test_a_change_marked_classified_is_replace_with_classified_true() -> None:
    # every field set to a value of its own, so a field left out or out of order fails
    change = DocumentChange(
        **{f.name: f"value of {f.name}" for f in fields(DocumentChange)}  # type: ignore[arg-type]
    )
    marked = _classified(change)
    assert marked == replace(change, classified=True)
    assert [getattr(marked, f.name) for f in fields(DocumentChange)][:-1] == [
        getattr(change, f.name) for f in fields(DocumentChange)
    ][:-1]
