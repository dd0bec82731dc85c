"""The proposed OSL 5:2 record and the registration duty, from values only."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from recordkeeper.model import UNREADABLE, Classification, DocumentFacts, EmailFacts
from recordkeeper.registry import (
    Reason,
    SentCopy,
    attachment_key,
    external_recipients,
    propose_record,
    registration_duty,
)
from recordkeeper.registry.evidence import (
    count_personal_identity_numbers,
    find_dnrs,
    find_forwarded_date,
    find_labelled_date,
    find_labelled_name,
    parse_date,
)
from recordkeeper.ruleset.registration import RegistrationRules, SecrecyCue

RULES = RegistrationRules(
    kind="registration",
    agency_domains=("socialstyrelsen.se",),
    classes={"coi_declaration": {"direction": "received", "counterpart": "signer"}},  # type: ignore[dict-item]
    secrecy_cues=(
        SecrecyCue(id="health_data", classes=("survey_response",), terms=("min diagnos",)),
        SecrecyCue(id="personal_identity_number", detector="personal_identity_number"),
    ),
)
SEEN = datetime(2025, 4, 10, 8, 0, tzinfo=UTC)
DECLARATION_TEXT = (
    "Jävsdeklaration\nUppdrag: sakkunnig\nJag har inga bindningar.\n"
    "Ort och datum: Uppsala 2025-04-03\nNamnförtydligande: Karin Ek\n"
)


def _facts(text: str = DECLARATION_TEXT, **kw: object) -> DocumentFacts:
    base: dict[str, object] = {
        "path": "Ländryggssmärta/Jäv/karin.docx",
        "size": 10,
        "sha256": "a" * 64,
        "kind": "docx",
        "text": text,
        "project": "Ländryggssmärta",
    }
    base.update(kw)
    return DocumentFacts(**base)  # type: ignore[arg-type]


def _cls(
    doc_class: str = "coi_declaration", *, draft: bool = False, must: bool = True
) -> Classification:
    return Classification(doc_class, draft, must, True, 0.9)


def _propose(facts: DocumentFacts, cls: Classification, **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "class_name": "Jävsdeklaration",
        "first_seen_at": SEEN,
        "project_dnrs": (),
        "rules": RULES,
        "duty": Reason("class_must_register"),
    }
    args.update(kw)
    return propose_record(facts, cls, **args)  # type: ignore[arg-type]


def test_received_declaration_proposes_signature_date_signer_and_description() -> None:
    record = _propose(_facts(), _cls())
    assert record.arrived_on == date(2025, 4, 3)
    assert record.date_source == "date_signature"
    assert record.direction == "received"
    assert record.counterpart == "Karin Ek"
    assert record.description == "Jävsdeklaration – Ländryggssmärta"
    assert record.secrecy is False


def test_description_never_carries_content_or_names() -> None:
    record = _propose(_facts(), _cls())
    assert "Karin" not in record.description
    assert "bindningar" not in record.description


def test_email_date_and_sender_win_for_a_received_email() -> None:
    email = EmailFacts(
        sender="Per Lund <per.lund@region.example>",
        recipients=("fmb@socialstyrelsen.se",),
        subject="Synpunkter",
        sent_at=datetime(2025, 4, 8, 22, 30, tzinfo=UTC),  # 00:30 on 9 April in Stockholm
    )
    record = _propose(_facts("Hej, mina synpunkter.", kind="eml", email=email), _cls("comments"))
    assert (record.arrived_on, record.date_source) == (date(2025, 4, 9), "date_email")
    assert record.direction == "received"
    assert record.counterpart == "Per Lund <per.lund@region.example>"


def test_document_date_then_first_seen_are_the_fallbacks() -> None:
    with_props = _facts("Ingen datumrad", created_at=datetime(2025, 2, 1, 9, tzinfo=UTC))
    assert _propose(with_props, _cls()).date_source == "date_document"
    bare = _propose(_facts("Ingen datumrad"), _cls())
    assert (bare.arrived_on, bare.date_source) == (date(2025, 4, 10), "date_first_seen")


def test_a_date_after_first_seen_is_not_believed() -> None:
    record = _propose(_facts("Datum: 2030-01-01\n"), _cls())
    assert (record.arrived_on, record.date_source) == (date(2025, 4, 10), "date_first_seen")
    assert Reason("date_after_first_seen", {"source": "date_signature"}) in record.reasons


def test_project_dnr_is_proposed() -> None:
    record = _propose(_facts(), _cls(), project_dnrs=("2.4-12345/2025",))
    assert record.dnr == "2.4-12345/2025"


@pytest.mark.parametrize(
    ("doc_class", "text", "cues"),
    [
        ("survey_response", "Jag tycker att min diagnos beskrivs fel.", ("health_data",)),
        ("survey_response", "Rekommendationen är bra.", ()),
        ("statistics", "min diagnos", ()),  # cue limited to survey answers
        ("coi_declaration", "Personnummer: 811218-9876", ("personal_identity_number",)),
        ("coi_declaration", "Telefon 811218-9875", ()),  # fails the Luhn check
    ],
)
def test_secrecy_marker_is_proposed_from_cues(
    doc_class: str, text: str, cues: tuple[str, ...]
) -> None:
    record = _propose(_facts(text), _cls(doc_class))
    assert record.secrecy_cues == cues
    assert record.secrecy is bool(cues)


def test_agreement_party_is_the_counterpart() -> None:
    rules = RULES.model_copy(
        update={"classes": {"agreement": RULES.classes["coi_declaration"].model_copy(
            update={"counterpart": "agreement_party"})}}
    )  # fmt: skip
    text = "Avtal om ersättning\nUppdragstagare: Maria Holm\nSocialstyrelsen\n"
    record = _propose(_facts(text), _cls("agreement"), rules=rules)
    assert (record.counterpart, record.counterpart_source) == ("Maria Holm", "agreement_party")


def test_sent_draft_is_drawn_up_on_the_sending_date_to_its_recipients() -> None:
    sent = SentCopy(datetime(2025, 4, 7, 9, tzinfo=UTC), ("expert@uni.example",))
    record = _propose(_facts("Utkast"), _cls("text_proposal", draft=True), sent=sent)
    assert (record.arrived_on, record.direction) == (date(2025, 4, 7), "drawn_up")
    assert record.counterpart == "expert@uni.example"


@pytest.mark.parametrize(
    ("draft", "must", "rule", "sent", "expected"),
    [
        (False, True, True, False, "class_must_register"),
        (False, False, True, False, None),  # classify said no (e.g. corrected: not official)
        (False, False, False, False, None),
        (False, False, "when_sent", False, None),
        (False, False, "when_sent", True, "class_must_register"),
        (True, False, True, False, None),  # a draft is never prompted
        (True, True, True, False, None),
        (True, False, True, True, "draft_sent_by_email"),
        (True, False, False, True, None),  # a project plan sent out is still not registered
    ],
)
def test_registration_duty(
    draft: bool, must: bool, rule: bool | str, sent: bool, expected: str | None
) -> None:
    duty = registration_duty(_cls("x", draft=draft, must=must), rule, is_sent=sent)
    assert (duty.code if duty else None) == expected


def test_external_recipients_only_when_sent_from_the_agency() -> None:
    out = EmailFacts(
        sender="Anna <anna@socialstyrelsen.se>",
        recipients=("kollega@socialstyrelsen.se", "expert@uni.example"),
        cc=("npo@region.example",),
    )
    assert external_recipients(out, ("socialstyrelsen.se",)) == (
        "expert@uni.example",
        "npo@region.example",
    )
    incoming = EmailFacts(sender="expert@uni.example", recipients=("anna@socialstyrelsen.se",))
    assert external_recipients(incoming, ("socialstyrelsen.se",)) == ()


def test_attachment_key_matches_a_pdf_of_the_same_draft() -> None:
    assert attachment_key("Projekt/Textförslag_v3.docx") == attachment_key("textförslag v3.pdf")


def test_labelled_values_in_table_cells_on_the_next_line() -> None:
    text = "Namnförtydligande\n\nKarin Ek\nDatum\n3 april 2025\n"
    assert find_labelled_name(text, ("Namnförtydligande",)) == "Karin Ek"
    assert find_labelled_date(text, ("Datum",)) == date(2025, 4, 3)


def test_dnrs_are_found_in_running_text() -> None:
    text = "Dnr 2.4-12345/2025 och (dnr 3.1-77/2024); inte 12-3/20251 eller 2.4-1/25."
    assert find_dnrs(text, r"^\d+(\.\d+)*-\d+/\d{4}$") == ("2.4-12345/2025", "3.1-77/2024")


def test_personal_identity_numbers_are_luhn_checked() -> None:
    assert count_personal_identity_numbers("19811218-9876 och 811218-9876, 811218-9875") == 2


def _forward(sender: str, text: str, subject: str = "VB: Synpunkter") -> DocumentFacts:
    email = EmailFacts(
        sender=sender,
        recipients=("registrator@socialstyrelsen.se",),
        subject=subject,
        sent_at=datetime(2025, 4, 9, 7, 0, tzinfo=UTC),
    )
    return _facts(text, kind="eml", email=email)


FORWARDED = (
    "Till registrator.\n\n-----Ursprungligt meddelande-----\n"
    "Från: Per Lund [mailto:per.lund@region.example]\nSkickat: den 8 april 2025 14:02\n"
    "Till: Anna Berg <anna.berg@socialstyrelsen.se>\nÄmne: Synpunkter\n\nMina synpunkter.\n"
)


def test_a_mail_a_colleague_forwarded_in_is_received_from_its_outside_writer() -> None:
    facts = _forward("Anna Berg <anna.berg@socialstyrelsen.se>", FORWARDED)
    record = _propose(facts, _cls("comments"))
    assert record.direction == "received"
    assert record.counterpart == "Per Lund [mailto:per.lund@region.example]"
    assert record.counterpart_source == "email_forwarded_from"
    assert Reason("counterpart_email_forwarded_from") in record.reasons
    # it arrived when Per sent it to Anna, not when she forwarded it on
    assert (record.arrived_on, record.date_source) == (date(2025, 4, 8), "date_forwarded_email")


def test_a_forwarded_mails_header_date_is_read_in_the_agencys_zone() -> None:
    zone = ZoneInfo("Europe/Stockholm")
    text = FORWARDED.replace("den 8 april 2025 14:02", "Mon, 07 Apr 2025 22:30:00 +0000")
    assert find_forwarded_date(text, ("Skickat",), zone) == date(2025, 4, 8)  # 00:30 here
    assert find_forwarded_date(text.replace("Från:", "Av:"), ("Skickat",), zone) is None
    unreadable = FORWARDED.replace("den 8 april 2025 14:02", "tisdag kväll")
    assert find_forwarded_date(unreadable, ("Skickat",), zone) is None
    record = _propose(_forward("anna.berg@socialstyrelsen.se", unreadable), _cls("comments"))
    assert record.date_source == "date_email"  # the forward's own date, as before


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-07 22:30+00:00", date(2025, 4, 8)),  # a .msg's line before session 9
        ("2025-04-07T22:30:00Z", date(2025, 4, 8)),
        ("2025-04-08 00:30+02:00", date(2025, 4, 8)),
        ("2025-04-07 22:30", date(2025, 4, 7)),  # no offset: the day as written
        ("2025-04-07", date(2025, 4, 7)),
    ],
)
def test_a_forwarded_mails_iso_moment_is_read_in_the_agencys_zone(
    value: str, expected: date
) -> None:
    text = FORWARDED.replace("den 8 april 2025 14:02", value)
    assert find_forwarded_date(text, ("Skickat",), ZoneInfo("Europe/Stockholm")) == expected


@pytest.mark.parametrize(
    ("sender", "text", "subject"),
    [
        # forwarded inside the agency: the colleague's own mail, drawn up here
        ("anna.berg@socialstyrelsen.se", FORWARDED.replace("region.example", "socialstyrelsen.se"),
         "VB: Synpunkter"),
        # a name without an address cannot say the writer is outside
        ("anna.berg@socialstyrelsen.se", FORWARDED.replace(" [mailto:per.lund@region.example]", ""),
         "VB: Synpunkter"),
        # no forward in the subject: a "Från:" line in running text is no forward
        ("anna.berg@socialstyrelsen.se", FORWARDED, "Synpunkter"),
    ],
)  # fmt: skip
def test_a_forward_is_received_only_from_a_known_outside_writer(
    sender: str, text: str, subject: str
) -> None:
    record = _propose(_forward(sender, text, subject), _cls("comments"))
    assert record.direction == "drawn_up"
    assert record.counterpart_source != "email_forwarded_from"


def test_a_forward_sent_in_from_outside_keeps_its_own_sender() -> None:
    facts = _forward("Per Lund <per.lund@region.example>", FORWARDED)
    record = _propose(facts, _cls("comments"))
    assert (record.direction, record.counterpart_source) == ("received", "email_from")
    assert record.counterpart == "Per Lund <per.lund@region.example>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tuesday, April 8, 2025 2:02 PM", date(2025, 4, 8)),
        ("8 April 2025 14:02", date(2025, 4, 8)),
        ("Stockholm, 3rd March 2026", date(2026, 3, 3)),
        ("den 8 april 2025 14:02", date(2025, 4, 8)),  # Swedish: as before
        ("May 2025", None),  # no day: no date
        ("February 30, 2025", None),  # no such day
    ],
)
def test_english_long_dates_are_read_where_no_iso_or_swedish_one_is(
    value: str, expected: date | None
) -> None:
    assert parse_date(value) == expected


def test_an_english_forwarded_mails_sent_line_dates_it() -> None:
    text = FORWARDED.replace(
        "Skickat: den 8 april 2025 14:02", "Sent: Tuesday, April 8, 2025 2:02 PM"
    )
    record = _propose(_forward("anna.berg@socialstyrelsen.se", text), _cls("comments"))
    assert (record.arrived_on, record.date_source) == (date(2025, 4, 8), "date_forwarded_email")


def test_a_file_that_could_not_be_read_says_so_after_its_duty() -> None:
    name_only = _facts("", kind="pdf", metadata={UNREADABLE: "encrypted"})
    record = _propose(name_only, _cls())
    assert record.reasons[:2] == (
        Reason("class_must_register"),
        Reason("file_unreadable", {"reason": "encrypted"}),
    )
    assert (record.date_source, record.counterpart) == ("date_first_seen", None)
