"""Swedish/English texts of registration: reasons, kinds, alerts, CLI labels, errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from recordkeeper import i18n

MESSAGES: dict[str, dict[str, str]] = {
    # reasons for a proposal (Reason.code)
    "registry.reason.class_must_register": {
        "sv": "dokumentklassen {class} ska diarieföras när den är slutlig",
        "en": "document class {class} is registered when final",
    },
    "registry.reason.draft_sent_by_email": {
        "sv": "utkastet har skickats med e-post utanför myndigheten och är därmed upprättat",
        "en": "the draft was e-mailed outside the agency and is therefore drawn up",
    },
    "registry.reason.file_unreadable": {
        "sv": "filen kunde inte läsas ({reason}): förslaget bygger bara på filnamn och mapp; "
        "öppna filen och kontrollera datum, avsändare/mottagare, klass och sekretess för hand",
        "en": "the file could not be read ({reason}): the proposal rests on its name and folder "
        "only; open the file and check date, sender/recipient, class and secrecy by hand",
    },
    "registry.reason.classification_needs_review": {
        "sv": "klassningen är osäker; kontrollera dokumentklassen",
        "en": "the classification is uncertain; check the document class",
    },
    "registry.reason.date_sent_by_email": {
        "sv": "datum då utkastet skickades med e-post: {date}",
        "en": "date the draft was e-mailed: {date}",
    },
    "registry.reason.date_email": {
        "sv": "datum från e-postens Date-rubrik: {date}",
        "en": "date from the e-mail Date header: {date}",
    },
    "registry.reason.date_signature": {
        "sv": "datum vid underskrift/datumrad: {date}",
        "en": "date from the signature/date line: {date}",
    },
    "registry.reason.date_forwarded_email": {
        "sv": "datum då det vidarebefordrade meddelandet skickades (raden Skickat:): {date}",
        "en": "date the forwarded message was sent (its Sent: line): {date}",
    },
    "registry.reason.date_document": {
        "sv": "dokumentets datum (egenskaper): {date}",
        "en": "the document's date (properties): {date}",
    },
    "registry.reason.date_first_seen": {
        "sv": "inget datum i handlingen; datum då filen först sågs: {date}",
        "en": "no date in the document; date the file was first seen: {date}",
    },
    "registry.reason.date_after_first_seen": {
        "sv": "datumet i handlingen ({source}) ligger efter att filen sågs; "
        "datum då filen först sågs används",
        "en": "the document's date ({source}) is later than the file was seen; "
        "the first-seen date is used",
    },
    "registry.reason.direction_received": {"sv": "inkommen handling", "en": "received document"},
    "registry.reason.direction_drawn_up": {"sv": "upprättad handling", "en": "drawn-up document"},
    "registry.reason.counterpart_email_from": {
        "sv": "avsändare från e-postens From-rubrik",
        "en": "sender from the e-mail From header",
    },
    "registry.reason.counterpart_email_forwarded_from": {
        "sv": "avsändare från raden Från: i det vidarebefordrade meddelandet "
        "(en kollega vidarebefordrade det till myndigheten)",
        "en": "sender from the From: line of the forwarded message "
        "(a colleague forwarded it into the agency)",
    },
    "registry.reason.counterpart_email_to": {
        "sv": "mottagare från e-postens To/Cc-rubriker (utanför myndigheten)",
        "en": "recipient from the e-mail To/Cc headers (outside the agency)",
    },
    "registry.reason.counterpart_signer": {
        "sv": "avsändare: den som undertecknat (namnförtydligande)",
        "en": "sender: the person who signed (name in print)",
    },
    "registry.reason.counterpart_agreement_party": {
        "sv": "motpart i avtalet",
        "en": "the other party of the agreement",
    },
    "registry.reason.counterpart_not_found": {
        "sv": "avsändare/mottagare hittades inte; fyll i vid registrering",
        "en": "sender/recipient not found; fill in when registering",
    },
    "registry.reason.dnr_from_project": {
        "sv": "projektets diarienummer {dnr} finns redan i dess handlingar",
        "en": "the project's diarienummer {dnr} is already in its documents",
    },
    "registry.reason.dnr_not_found": {
        "sv": "inget diarienummer hittades för projektet",
        "en": "no diarienummer found for the project",
    },
    "registry.reason.secrecy_cue": {
        "sv": "innehållet tyder på att sekretess kan gälla ({cue}); pröva sekretessen",
        "en": "the content suggests secrecy may apply ({cue}); assess secrecy",
    },
    "registry.reason.copy_of_prompt": {
        "sv": "kopia av handling i förslag {prompt_id}",
        "en": "copy of the document in prompt {prompt_id}",
    },
    # kinds, directions, statuses, alerts
    "registry.kind.register": {"sv": "diarieför", "en": "register"},
    "registry.kind.new_version": {
        "sv": "ny version av diarieförd handling",
        "en": "new version of registered document",
    },
    "registry.direction.received": {"sv": "inkommen", "en": "received"},
    "registry.direction.drawn_up": {"sv": "upprättad", "en": "drawn up"},
    "registry.direction_short.received": {"sv": "I", "en": "R"},
    "registry.direction_short.drawn_up": {"sv": "U", "en": "D"},
    "registry.field.level": {"sv": "Läge", "en": "State"},
    "registry.status.open": {"sv": "väntar", "en": "open"},
    "registry.status.registered": {"sv": "diarieförd", "en": "registered"},
    "registry.status.dismissed": {"sv": "inte allmän handling", "en": "not an official document"},
    "registry.status.reclassified": {"sv": "omklassad", "en": "reclassified"},
    "registry.level.overdue": {"sv": "FÖRSENAD", "en": "OVERDUE"},
    "registry.level.escalated": {"sv": "ESKALERAD", "en": "ESCALATED"},
    "registry.alert.registered_changed": {
        "sv": "ny version av diarieförd handling",
        "en": "new version of registered document",
    },
    "registry.alert.registered_gone": {
        "sv": "diarieförd handling har försvunnit",
        "en": "registered document has disappeared",
    },
    "registry.alert.prompted_gone": {
        "sv": "handling som väntar på diarieföring har försvunnit",
        "en": "document awaiting registration has disappeared",
    },
    # CLI
    "registry.list.empty": {
        "sv": "inga handlingar väntar på diarieföring",
        "en": "no documents await registration",
    },
    "registry.list.alerts": {"sv": "Larm", "en": "Alerts"},
    "registry.registered": {
        "sv": "förslag {id} diariefört som {dnr}",
        "en": "prompt {id} registered as {dnr}",
    },
    "registry.dismissed": {
        "sv": "förslag {id} avfört: inte allmän handling ({code})",
        "en": "prompt {id} dismissed: not an official document ({code})",
    },
    "registry.reclassified": {
        "sv": "förslag {id} omklassat till {doc_class}; status: {status}",
        "en": "prompt {id} reclassified as {doc_class}; status: {status}",
    },
    "registry.export.usage": {
        "sv": "--format ska vara csv eller json och --status open, registered eller all",
        "en": "--format must be csv or json and --status open, registered or all",
    },
    "registry.acknowledged": {"sv": "larm {id} kvitterat", "en": "alert {id} acknowledged"},
    "registry.exported": {"sv": "{count} poster exporterade", "en": "{count} records exported"},
    "registry.field.id": {"sv": "Id", "en": "Id"},
    "registry.field.due_on": {"sv": "Senast", "en": "Due"},
    "registry.field.arrived_on": {"sv": "Datum", "en": "Date"},
    "registry.field.direction": {"sv": "Inkommen/upprättad", "en": "Received/drawn up"},
    "registry.field.direction_short": {"sv": "I/U", "en": "R/D"},
    "registry.field.secrecy_short": {"sv": "Sekr.", "en": "Secr."},
    "registry.field.proposed_dnr_short": {"sv": "Dnr (förslag)", "en": "Dnr (proposed)"},
    "registry.field.counterpart": {"sv": "Avsändare/mottagare", "en": "Sender/recipient"},
    "registry.field.description": {"sv": "Beskrivning", "en": "Description"},
    "registry.field.dnr": {"sv": "Diarienummer", "en": "Diarienummer"},
    "registry.field.proposed_dnr": {"sv": "Föreslaget diarienummer", "en": "Proposed diarienummer"},
    "registry.field.secrecy": {"sv": "Sekretessmarkering", "en": "Secrecy marker"},
    "registry.field.doc_class": {"sv": "Dokumentklass", "en": "Document class"},
    "registry.field.project": {"sv": "Projekt", "en": "Project"},
    "registry.field.kind": {"sv": "Typ", "en": "Kind"},
    "registry.field.status": {"sv": "Status", "en": "Status"},
    "registry.field.document": {"sv": "Dokument", "en": "Document"},
    "registry.field.path": {"sv": "Fil", "en": "File"},
    "registry.field.copies": {"sv": "Kopior", "en": "Copies"},
    "registry.field.reasons": {"sv": "Skäl", "en": "Reasons"},
    "registry.field.answered": {"sv": "Besvarad", "en": "Answered"},
    "registry.yes": {"sv": "ja", "en": "yes"},
    "registry.no": {"sv": "nej", "en": "no"},
    # errors (code -> text)
    "registry.dnr_invalid": {
        "sv": "diarienumret '{dnr}' följer inte mönstret {pattern} (regelfilen registration, "
        "dnr_pattern); kontrollera numret som diariet gav",
        "en": "diarienummer '{dnr}' does not match the pattern {pattern} (rule file "
        "registration, dnr_pattern); check the number the register assigned",
    },
    "registry.not_found": {
        "sv": "Registreringsförslag {id} finns inte; se `recordkeeper registry list`",
        "en": "Registration prompt {id} does not exist; see `recordkeeper registry list`",
    },
    "registry.alert_not_found": {
        "sv": "Larm {id} finns inte; se Larm i `recordkeeper registry list`",
        "en": "Alert {id} does not exist; see Alerts in `recordkeeper registry list`",
    },
    "registry.already_answered": {
        "sv": "Registreringsförslag {id} är redan besvarat ({status})",
        "en": "Registration prompt {id} is already answered ({status})",
    },
    "registry.alert_already_acknowledged": {
        "sv": "Larm {id} är redan kvitterat",
        "en": "Alert {id} is already acknowledged",
    },
    "registry.reason_required": {
        "sv": "ange ett skäl med --reason (t.ex. draft, working_copy, duplicate)",
        "en": "give a reason with --reason (e.g. draft, working_copy, duplicate)",
    },
    "registry.unknown_class": {
        "sv": "okänd dokumentklass '{doc_class}'; kända: {known}",
        "en": "unknown document class '{doc_class}'; known: {known}",
    },
}

i18n.register(MESSAGES)


@dataclass(frozen=True, slots=True)
class ReasonNames:
    """The rule files' names for the ids a reason carries, {id: (sv, en)}: document
    classes (classes.yaml) and secrecy cues (registration.yaml's `name_sv`/`name_en`)."""

    classes: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    cues: Mapping[str, tuple[str, str]] = field(default_factory=dict)


def reason_text(
    code: str,
    values: Iterable[tuple[str, object]] | Mapping[str, object],
    lang: str,
    names: ReasonNames | None = None,
) -> str:
    """A reason in words: a document class by its name in the rule file ("avtal (om
    ersättning, uppdrag)"), not its id ("agreement"), and a secrecy cue by its name
    ("uppgifter om hälsa"), not its id ("health_data"), where `names` knows them."""
    shown = dict(values)
    known = names or ReasonNames()
    class_name = known.classes.get(str(shown.get("class", "")))
    if class_name is not None:
        shown["class"] = (class_name[0] if lang == "sv" else class_name[1]).lower()
    if code == "file_unreadable":  # the reason code in words ("filen är krypterad ...")
        shown["reason"] = i18n.t(f"unreadable.{shown.get('reason', '')}", lang)
    cue_name = known.cues.get(str(shown.get("cue", "")))
    if cue_name is not None:
        shown["cue"] = cue_name[0] if lang == "sv" else cue_name[1]
    return i18n.t(f"registry.reason.{code}", lang, **shown)
