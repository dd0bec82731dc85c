"""PURE: whether a document must be registered, and the proposed record (OSL 5:2).

From a document's facts, its classification and the registration rules this
module proposes: the date of arrival or drawing-up, sender or recipient, a
short description naming class and project only (never content), the
project's diarienummer when one is known, a secrecy marker where content
suggests it, and the reasons. It decides nothing: the registrar answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from recordkeeper.classify.views import forwarded_sender
from recordkeeper.model import UNREADABLE, Classification, DocumentFacts, EmailFacts
from recordkeeper.registry import evidence
from recordkeeper.ruleset.registration import RegistrationRules

RegisterRule = bool | str | None  # classes.yaml `register_when_final`; None: unknown class


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a proposal: an i18n key suffix plus identifier-only values."""

    code: str
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SentCopy:
    """A draft's trace in an outgoing e-mail: when it left and to whom."""

    sent_at: datetime
    recipients: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProposedRecord:
    """The proposed register entry. `counterpart` is personal data: keep it out of logs."""

    arrived_on: date
    date_source: str
    direction: str  # received | drawn_up
    counterpart: str | None
    counterpart_source: str | None
    description: str
    dnr: str | None
    secrecy: bool
    secrecy_cues: tuple[str, ...]
    secrecy_provisions: tuple[str, ...]
    reasons: tuple[Reason, ...]


# an address in a "Från:" line: "Per Lund <per@x.se>", "Per Lund [mailto:per@x.se]", "per@x.se"
_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().strip(">").lower() if "@" in address else ""


def is_agency_address(address: str, agency_domains: Sequence[str]) -> bool:
    domain = _domain(address)
    return bool(domain) and any(domain == d or domain.endswith("." + d) for d in agency_domains)


def external_recipients(email: EmailFacts, agency_domains: Sequence[str]) -> tuple[str, ...]:
    """Recipients (To and Cc) outside the agency, when the sender is inside it; else ()."""
    if email.sender is None or not is_agency_address(email.sender, agency_domains):
        return ()
    everyone = (*email.recipients, *email.cc)
    return tuple(a for a in everyone if not is_agency_address(a, agency_domains))


def attachment_key(name: str) -> str:
    """Name key matching a file to an e-mail attachment: stem, case- and space-folded
    (a draft is often sent as PDF of the same name)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return " ".join(stem.casefold().replace("_", " ").split())


def registration_duty(
    classification: Classification, register_rule: RegisterRule, *, is_sent: bool
) -> Reason | None:
    """Why this version must be registered, or None.

    A draft is never prompted unless it was e-mailed out of the agency, which
    makes it an official document (TF 2:10).
    """
    if classification.is_draft:
        # classify never marks a draft "must register"; the class rule decides once sent
        if is_sent and register_rule in (True, "when_sent"):
            return Reason("draft_sent_by_email", {"class": classification.doc_class})
        return None
    # a final document: classify's verdict (it applies the class rule and a registrar's
    # "not an official document"); our own e-mail trace adds evidence for "when_sent"
    if classification.must_register or (register_rule == "when_sent" and is_sent):
        return Reason("class_must_register", {"class": classification.doc_class})
    return None


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _record_date(
    facts: DocumentFacts,
    first_seen_at: datetime,
    sent: SentCopy | None,
    rules: RegistrationRules,
    zone: ZoneInfo,
    forwarded: bool,
) -> tuple[date, str, list[Reason]]:
    seen_on = local_date(first_seen_at, zone)
    candidates: list[tuple[date | None, str]] = [
        (local_date(sent.sent_at, zone) if sent else None, "date_sent_by_email"),
        (evidence.find_forwarded_date(facts.text, rules.forwarded_date_labels, zone)
         if forwarded else None, "date_forwarded_email"),
        (local_date(facts.email.sent_at, zone) if facts.email and facts.email.sent_at else None,
         "date_email"),
        (evidence.find_labelled_date(facts.text, rules.date_labels), "date_signature"),
        (local_date(facts.created_at, zone) if facts.created_at else None, "date_document"),
    ]  # fmt: skip
    for found, source in candidates:
        if found is None:
            continue
        # a date in the file later than the file itself cannot be its arrival (a sent
        # draft is drawn up when it leaves, which may well be after we first saw it)
        if found > seen_on and source != "date_sent_by_email":
            return seen_on, "date_first_seen", [Reason("date_after_first_seen", {"source": source})]
        return found, source, [Reason(source, {"date": found.isoformat()})]
    return seen_on, "date_first_seen", [Reason("date_first_seen", {"date": seen_on.isoformat()})]


def forwarded_in(facts: DocumentFacts, agency_domains: Sequence[str]) -> str | None:
    """Who wrote the mail a colleague forwarded into the agency ("VB: …" from a staff
    address, with a "Från:" line naming an address outside it), or None.

    Such a mail is a received document: the registrar registers the outside sender's
    mail, not the colleague's forward. The "Från:" value is personal data.
    """
    email = facts.email
    if email is None or email.sender is None:
        return None
    if not is_agency_address(email.sender, agency_domains):
        return None  # sent in from outside: its own sender is the counterpart
    original = forwarded_sender(email.subject, facts.text)
    address = _ADDRESS.search(original) if original else None
    if original is None or address is None:
        return None  # a name alone cannot say whether the writer is outside
    return None if is_agency_address(address.group(0), agency_domains) else original


def _direction(
    facts: DocumentFacts,
    doc_class: str,
    sent: SentCopy | None,
    rules: RegistrationRules,
    forwarded_from: str | None,
) -> str:
    if sent is not None:
        return "drawn_up"
    configured = rules.classes.get(doc_class)
    if configured is not None and configured.direction is not None:
        return configured.direction
    if forwarded_from is not None:
        return "received"
    if facts.email is not None and facts.email.sender is not None:
        inside = is_agency_address(facts.email.sender, rules.agency_domains)
        return "drawn_up" if inside else "received"
    return "drawn_up"


def _counterpart(
    facts: DocumentFacts,
    doc_class: str,
    direction: str,
    sent: SentCopy | None,
    rules: RegistrationRules,
    forwarded_from: str | None,
) -> tuple[str | None, str | None]:
    if sent is not None:
        return "; ".join(sent.recipients) or None, "email_to"
    email = facts.email
    if email is not None:
        if direction == "received" and forwarded_from is not None:
            return forwarded_from, "email_forwarded_from"
        if direction == "received" and email.sender:
            return email.sender, "email_from"
        outside = external_recipients(email, rules.agency_domains) or email.recipients
        if outside:
            return "; ".join(outside), "email_to"
    how = rules.classes[doc_class].counterpart if doc_class in rules.classes else "signer"
    if how == "none":
        return None, None
    if how == "agreement_party":
        party = evidence.find_labelled_name(facts.text, rules.agreement_party_labels)
        if party:
            return party, "agreement_party"
    signer = evidence.find_labelled_name(facts.text, rules.signer_labels)
    return (signer, "signer") if signer else (None, None)


def _secrecy(
    facts: DocumentFacts, doc_class: str, rules: RegistrationRules
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cues: list[str] = []
    provisions: list[str] = []
    for cue in rules.secrecy_cues:
        if cue.classes and doc_class not in cue.classes:
            continue
        fired = False
        if cue.detector == "personal_identity_number":
            fired = evidence.count_personal_identity_numbers(facts.text) > 0
        if not fired and cue.terms:
            fired = evidence.matched_terms(facts.text, cue.terms) >= cue.min_matches
        if fired:
            cues.append(cue.id)
            if cue.provision and cue.provision not in provisions:
                provisions.append(cue.provision)
    return tuple(cues), tuple(provisions)


def describe(class_name: str, project: str | None, rules: RegistrationRules) -> str:
    """The short description: class and project only, never content or names."""
    if project:
        return rules.description_template.format(class_name=class_name, project=project)
    return rules.description_template_no_project.format(class_name=class_name, project="")


def propose_record(
    facts: DocumentFacts,
    classification: Classification,
    *,
    class_name: str,
    first_seen_at: datetime,
    project_dnrs: Sequence[str],
    rules: RegistrationRules,
    duty: Reason,
    sent: SentCopy | None = None,
) -> ProposedRecord:
    """The proposed OSL 5:2 record for one document version.

    Args:
        facts: what extraction found in this version (name-only, marked
            `model.UNREADABLE`, when the file could not be read: the proposal
            then says so, and that it must be checked by hand).
        classification: its current classification.
        class_name: the class's display name (Swedish, from classes.yaml).
        first_seen_at: when recordkeeper first saw the document (fallback date).
        project_dnrs: diarienummer already used in the project, most relevant first.
        rules: the registration rules.
        duty: why the document must be registered (from `registration_duty`).
        sent: set when a draft became official by being e-mailed out.

    Returns:
        The proposal with its reasons; nothing is decided here.
    """
    zone = ZoneInfo(rules.timezone)
    doc_class = classification.doc_class
    reasons: list[Reason] = [duty]
    if UNREADABLE in facts.metadata:  # name-only facts: date, sender, secrecy unknown
        reasons.append(Reason("file_unreadable", {"reason": facts.metadata[UNREADABLE]}))
    if classification.needs_review:
        reasons.append(Reason("classification_needs_review"))
    forwarded_from = forwarded_in(facts, rules.agency_domains)  # personal data
    arrived_on, date_source, date_reasons = _record_date(
        facts, first_seen_at, sent, rules, zone, forwarded_from is not None
    )
    reasons.extend(date_reasons)
    direction = _direction(facts, doc_class, sent, rules, forwarded_from)
    reasons.append(Reason(f"direction_{direction}"))
    counterpart, counterpart_source = _counterpart(
        facts, doc_class, direction, sent, rules, forwarded_from
    )
    reasons.append(Reason(f"counterpart_{counterpart_source or 'not_found'}"))
    dnr = project_dnrs[0] if project_dnrs else None
    reasons.append(Reason("dnr_from_project", {"dnr": dnr}) if dnr else Reason("dnr_not_found"))
    cues, provisions = _secrecy(facts, doc_class, rules)
    reasons.extend(Reason("secrecy_cue", {"cue": cue}) for cue in cues)
    return ProposedRecord(
        arrived_on=arrived_on,
        date_source=date_source,
        direction=direction,
        counterpart=counterpart,
        counterpart_source=counterpart_source,
        description=describe(class_name, facts.project, rules),
        dnr=dnr,
        secrecy=bool(cues),
        secrecy_cues=cues,
        secrecy_provisions=provisions,
        reasons=tuple(reasons),
    )
