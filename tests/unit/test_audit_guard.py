"""Audit entries carry identifiers only: personal data is refused before it is written."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recordkeeper import pii
from recordkeeper.audit import log
from recordkeeper.audit.log import PersonalDataInAuditEntry, check_identifiers_only
from recordkeeper.model import AuditEvent

AT = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("event", "field"),
    [
        (AuditEvent("x", AT, actor="anna.andersson@example.se"), "actor"),
        (AuditEvent("x", AT, document_id="19900101-1234"), "document_id"),
        (AuditEvent("x", AT, data={"reviewer": "070-123 45 67"}), "data.reviewer"),
        (AuditEvent("x", AT, data={"who": "pnr 900101-1234"}), "data.who"),
        (AuditEvent("x", AT, data={"tel": "+46 70 123 45 67"}), "data.tel"),
        (AuditEvent("x", AT, data={"name": "d1"}), "data.name"),
        (AuditEvent("x", AT, data={"path": "p1/x.docx"}), "data.path"),
    ],
)
def test_personal_data_is_refused(event: AuditEvent, field: str) -> None:
    with pytest.raises(PersonalDataInAuditEntry, match=field):
        check_identifiers_only(event)


def test_the_refusal_never_repeats_the_value() -> None:
    with pytest.raises(PersonalDataInAuditEntry) as caught:
        check_identifiers_only(AuditEvent("x", AT, actor="anna.andersson@example.se"))
    assert "anna" not in str(caught.value)


@pytest.mark.parametrize(
    "value",
    [
        "3f1234567890ab" + "0" * 50,  # a hash with a long digit run inside
        "1234567890" + "ab" * 27,  # a hash starting with digits
        "2025-06-02T09:00:00.000000+00:00",
        "2.4-12345/2025",  # diarienummer
        "classes.coi_declaration",
        "d41d8cd98f00b204e9800998ecf8427e",
        "postgresql://rk@127.0.0.1/rk_test",  # a database URL is not an e-mail address
    ],
)
def test_identifiers_hashes_and_times_pass(value: str) -> None:
    check_identifiers_only(AuditEvent("x", AT, sha256=value, data={"ref": value}))
    assert pii.find_kinds(value) == ()


def test_mask_names_the_kind() -> None:
    text = "mail anna@example.se, ring 070-123 45 67, pnr 19900101-1234"
    assert pii.mask(text) == "mail [email], ring [phone], pnr [pnr]"


@pytest.mark.parametrize(
    "value",
    [
        "0701234567",  # a phone number is hex too: digits only take the full scan
        "199001011234",
        "0",
        "0701234567a",
        "a0701234567",
        "abc",
        "d41d8cd98f00b204e9800998ecf8427e",
        "1234567890" + "ab" * 27,
        "3f1234567890ab" + "0" * 50,
        "ab" + "0" * 62,
        "D41D8CD98F00B204E9800998ECF8427E",
        "x0701234567",
        "0701234567x",
        "X199001011234",
        "19900101-1234",
        "0701234567\u0661",  # a digit outside ASCII: the full scan
        "\u0660701234567",
        "",
        "anna@example.se",
        "ring 070-123 45 67 eller anna.a@example.se",
        "draft.name,draft.old_versions,text.phrase",
    ],
)
def test_the_hex_shortcut_finds_what_the_patterns_find(value: str) -> None:
    full = tuple(kind for kind, pattern, _ in pii.PATTERNS if pattern.search(value))
    assert pii.find_kinds(value) == full


_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALNUM + "0" * 20 + "-+ @."), max_size=20))
def test_the_shortcut_agrees_with_the_patterns(value: str) -> None:
    # letters and digits only (the shortcut) or with a separator (the full scan): the
    # patterns' own verdict either way; digits are drawn often so numbers turn up
    full = tuple(kind for kind, pattern, _ in pii.PATTERNS if pattern.search(value))
    assert pii.find_kinds(value) == full


def test_a_value_found_clean_once_passes_again_and_a_new_one_is_scanned() -> None:
    ok = AuditEvent("x", AT, document_id="ab12", project_id="P 1", data={"c": "a.b", "n": 3})
    check_identifiers_only(ok)
    assert {"ab12", "P 1", "a.b", 3} <= log._clean
    check_identifiers_only(ok)  # from the set alone
    with pytest.raises(PersonalDataInAuditEntry, match="field project_id"):
        check_identifiers_only(AuditEvent("x", AT, document_id="ab12", project_id="070-1234567"))
    assert "070-1234567" not in log._clean


def test_the_field_named_is_the_first_in_order_when_several_look_personal() -> None:
    event = AuditEvent(
        "x", AT, actor="anna@example.se", project_id="070-1234567", data={"who": "900101-1234"}
    )
    with pytest.raises(PersonalDataInAuditEntry, match="field actor"):
        check_identifiers_only(event)


def test_a_denied_key_is_refused_before_the_values_are_looked_at() -> None:
    with pytest.raises(PersonalDataInAuditEntry, match=r"data\.Name is not allowed"):
        check_identifiers_only(AuditEvent("x", AT, actor="a@example.se", data={"Name": "x"}))
    check_identifiers_only(AuditEvent("x", AT, data={"kind": "x"}))
    with pytest.raises(PersonalDataInAuditEntry, match=r"data\.email"):
        check_identifiers_only(AuditEvent("x", AT, data={"kind": "x", "email": "x"}))


def test_a_str_subclass_is_scanned_and_never_kept() -> None:
    class Text(str):
        pass

    with pytest.raises(PersonalDataInAuditEntry, match=r"data\.who"):
        check_identifiers_only(AuditEvent("x", AT, data={"who": Text("070-123 45 67")}))
    check_identifiers_only(AuditEvent("x", AT, data={"ref": Text("q-77")}))
    assert not any(type(v) is Text for v in log._clean)


def test_unhashable_data_is_checked_field_by_field() -> None:
    event = AuditEvent("x", AT, data={"list": ["900101-1234"], "who": "900101-1234"})  # type: ignore[dict-item]
    with pytest.raises(PersonalDataInAuditEntry, match=r"data\.who"):
        check_identifiers_only(event)
    check_identifiers_only(AuditEvent("x", AT, data={"list": ["070-1234567"]}))  # type: ignore[dict-item]


def test_the_clean_values_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log, "_CLEAN_MAX", 50)
    for n in range(200):
        check_identifiers_only(AuditEvent("x", AT, document_id=f"d{n:08x}", sha256=f"s{n:08x}"))
    assert len(log._clean) <= 50
    assert {None, True, False} <= log._clean
    with pytest.raises(PersonalDataInAuditEntry, match="field sha256"):
        check_identifiers_only(AuditEvent("x", AT, document_id="d00000001", sha256="0701234567"))


@pytest.mark.parametrize("digest", ["005937567424" + "a" * 52, "201234567890" + "b" * 52])
def test_a_hash_prefix_of_digits_only_is_logged_as_no_number(digest: str) -> None:
    # issue #4, session 5: a rules hash whose first 12 characters were all digits was a
    # "phone number" to the log scanner; as the log line shows it, it is none, while the
    # same digits alone still are (the check is not weakened)
    from recordkeeper.services.classification import log_hash

    assert pii.find_kinds(f"classification_current rules_hash={log_hash(digest)}") == ()
    assert pii.mask(log_hash(digest)) == log_hash(digest)
    assert pii.find_kinds(f"rules_hash={digest[:12]}") != ()


def _text_whose_hash_starts_with_digits(chars: int) -> str:
    """A name whose SHA-256 begins with `chars` decimal digits (found by counting)."""
    n = 0
    while True:
        text = f"Projekt {n}"
        if hashlib.sha256(text.encode()).hexdigest()[:chars].isdigit():
            return text
        n += 1


@pytest.mark.parametrize("chars", [12, 16])
def test_every_hashed_log_reference_survives_the_log_masking(chars: int) -> None:
    # the project and path references of process_status and ingest are hashes too: one of
    # only digits must neither be blanked by the log processor nor read as a number
    from recordkeeper import logs

    text = _text_whose_hash_starts_with_digits(chars)
    ref = logs.log_ref(text, chars)
    assert ref == "0x" + hashlib.sha256(text.encode()).hexdigest()[:chars]
    assert logs.mask(ref) == ref
    assert pii.find_kinds(f"process_evaluated project={ref}") == ()


def test_a_log_reference_to_an_undecodable_name_is_no_error() -> None:
    from recordkeeper import logs

    name = b"Projekt \xff".decode("utf-8", "surrogateescape")
    assert logs.log_ref(name) == "0x" + hashlib.sha256(b"Projekt \xff").hexdigest()[:12]
