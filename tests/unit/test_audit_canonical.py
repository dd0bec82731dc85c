"""Canonical entries are exactly `json.dumps` with the canonical settings (issue #3:
`audit.log` builds the C encoder once instead of on every append)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recordkeeper.audit.log import canonical_entry, canonical_json
from recordkeeper.model import AuditEvent


def _plain(body: object) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


TEXT = st.text(
    alphabet=st.characters(codec="utf-8"),  # no lone surrogates (not UTF-8)
    max_size=40,
)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | TEXT
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(body=st.dictionaries(TEXT, VALUES, max_size=8))
def test_canonical_json_is_json_dumps_with_the_canonical_settings(body: dict[str, object]) -> None:
    assert canonical_json(body) == _plain(body)


@settings(max_examples=200, deadline=None)
@given(
    event=TEXT,
    actor=TEXT,
    document_id=st.none() | TEXT,
    project_id=st.none() | TEXT,
    rule_id=st.none() | TEXT,
    sha256=st.none() | TEXT,
    data=st.dictionaries(TEXT, st.none() | st.booleans() | st.integers() | st.floats() | TEXT),
    index=st.integers(min_value=0, max_value=2**62),
    offset=st.integers(min_value=-12 * 60, max_value=12 * 60),
)
def test_an_entry_is_json_dumps_of_its_body(
    event: str,
    actor: str,
    document_id: str | None,
    project_id: str | None,
    rule_id: str | None,
    sha256: str | None,
    data: dict[str, object],
    index: int,
    offset: int,
) -> None:
    at = datetime(2026, 12, 3, 8, 9, 10, 123456, tzinfo=timezone(timedelta(minutes=offset)))
    given_event = AuditEvent(
        event=event, at=at, actor=actor, document_id=document_id, project_id=project_id,
        rule_id=rule_id, sha256=sha256, data=data,  # type: ignore[arg-type]
    )  # fmt: skip
    body: dict[str, object] = {
        "v": 1,
        "index": index,
        "event": event,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
    }
    for key, value in (
        ("document_id", document_id),
        ("project_id", project_id),
        ("rule_id", rule_id),
        ("sha256", sha256),
    ):
        if value is not None:
            body[key] = value
    if data:
        body["data"] = data
    assert canonical_entry(given_event, index) == _plain(body)


def test_special_floats_and_escapes_as_json_dumps() -> None:
    text = 'å "q" \\ \x01 \u2028 😀'
    body = {"n": float("nan"), "i": float("inf"), "m": -float("inf"), "s": text}
    assert canonical_json(body) == _plain(body)


def test_what_json_cannot_encode_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(TypeError):
        _plain({"x": object()})
    with pytest.raises(TypeError):
        canonical_json({"x": object()})


def test_entries_with_equal_data_of_other_types_are_written_each_as_json_dumps() -> None:
    # the memo of an entry's data must not take one value for another it equals
    at = datetime(2026, 12, 3, 8, 9, 10, 123456, tzinfo=UTC)
    datas: list[dict[object, object]] = [
        {"draft": True}, {"draft": 1}, {"draft": 1.0}, {"draft": True}, {"n": 0.0}, {"n": -0.0},
        {"n": 0}, {"n": False}, {"n": None}, {"n": "None"}, {"a": "x", "b": False},
        {"b": False, "a": "x"}, {"a": "x", "b": 0}, {1: "x"}, {"class": "c", "signals": "s,t"},
    ]  # fmt: skip
    for _ in range(2):
        for data in datas:
            event = AuditEvent(event="e", at=at, document_id="d", data=data)  # type: ignore[arg-type]
            body = {"v": 1, "index": 7, "event": "e", "at": "2026-12-03T08:09:10.123456+00:00"}
            body.update({"actor": "system", "document_id": "d", "data": data})
            assert canonical_entry(event, 7) == _plain(body)


class _Text(str):
    pass


def test_an_entry_of_unusual_field_types_is_json_dumps_of_its_body() -> None:
    at = datetime(2026, 12, 3, 8, 9, 10, tzinfo=UTC)
    cases: list[tuple[dict[str, object], object]] = [
        ({"actor": _Text('a\\"b'), "rule_id": _Text("r")}, 3),
        ({"actor": 5, "project_id": 1.5}, 3),
        ({"sha256": None, "document_id": ["x"]}, 3),
        ({}, True),
        ({}, 2**70),
    ]
    for fields, index in cases:
        event = AuditEvent(event="e", at=at, **fields)  # type: ignore[arg-type]
        body: dict[str, object] = {"v": 1, "index": index, "event": "e"}
        body["at"] = "2026-12-03T08:09:10.000000+00:00"
        body["actor"] = fields.get("actor", "system")
        body.update((k, v) for k, v in fields.items() if k != "actor" and v is not None)
        assert canonical_entry(event, index) == _plain(body)  # type: ignore[arg-type]


class _Equal(str):
    """Equal to and hashed as another text, but written as its own."""

    def __eq__(self, other: object) -> bool:
        return str.__eq__("p", other) or str.__eq__(self, other)

    def __hash__(self) -> int:
        return hash("p")


def test_quoted_texts_kept_between_entries_are_written_as_json_dumps_writes_each() -> None:
    # project ids, actors, events and the batch's time are quoted once and kept (bounded):
    # each entry is still json.dumps of its own fields, over more texts than are kept
    start = datetime(2026, 12, 3, 8, 9, 10, tzinfo=UTC)
    for i in range(5000):
        at = start + timedelta(seconds=i // 1000)  # a batch shares its time
        project = "p" if i % 3 == 0 else _Equal(f"q{i}") if i % 3 == 1 else f'Projekt "{i}" ö'
        event = AuditEvent(f"e{i % 7}", at, f"u{i % 11}", "d", project, f"r{i % 5}", "s")
        body: dict[str, object] = {"v": 1, "index": i, "event": f"e{i % 7}", "actor": f"u{i % 11}"}
        body["at"] = at.isoformat(timespec="microseconds")
        body.update(document_id="d", project_id=str(project), rule_id=f"r{i % 5}", sha256="s")
        assert canonical_entry(event, i) == _plain(body)
