"""Texts of the e-mail digests, Swedish and English (registered in the i18n catalogue)."""

from __future__ import annotations

from recordkeeper import i18n

i18n.register(
    {
        "digest.registrar.subject": {
            "sv": "recordkeeper: {new} nya och {overdue} försenade att diarieföra, {alerts} larm",
            "en": "recordkeeper: {new} new and {overdue} overdue to register, {alerts} alerts",
        },
        "digest.project_lead.subject": {
            "sv": "recordkeeper: {new} nya och {resolved} åtgärdade varningar i {projects} projekt",
            "en": "recordkeeper: {new} new and {resolved} resolved warnings in {projects} projects",
        },
        "digest.dpo.subject": {
            "sv": "recordkeeper: {proposals} förslag att godkänna, {overdue} försenade "
            "gallringar, granskningslogg {audit}",
            "en": "recordkeeper: {proposals} proposals to approve, {overdue} overdue "
            "deletions, audit log {audit}",
        },
        "digest.greeting": {"sv": "Hej!", "en": "Hello,"},
        "digest.period": {
            "sv": "Sammanställning {start} – {end}.",
            "en": "Digest for {start} – {end}.",
        },
        "digest.registrar.intro": {
            "sv": "Handlingar som väntar på diarieföring; id inom hakparentes anges "
            "när du svarar i recordkeeper.",
            "en": "Documents waiting to be registered; quote the id in brackets "
            "when you answer in recordkeeper.",
        },
        "digest.registrar.new": {"sv": "Nya att diarieföra", "en": "New to register"},
        "digest.registrar.overdue": {
            "sv": "Försenade (borde ha diarieförts)",
            "en": "Overdue (should have been registered)",
        },
        "digest.registrar.alerts": {
            "sv": "Larm: diarieförda handlingar som ändrats eller försvunnit",
            "en": "Alerts: registered documents changed or gone",
        },
        "digest.project_lead.intro": {
            "sv": "Steg i arbetsinstruktionen 3.1.3.5 som saknar underlag, per projekt.",
            "en": "Steps of work instruction 3.1.3.5 missing evidence, per project.",
        },
        "digest.project_lead.new": {"sv": "Nya varningar", "en": "New warnings"},
        "digest.project_lead.resolved": {"sv": "Åtgärdade", "en": "Resolved"},
        "digest.dpo.intro": {
            "sv": "Gallring och personuppgifter: beslut som väntar och granskningsloggens status.",
            "en": "Weeding and personal data: decisions waiting and the audit log's status.",
        },
        "digest.dpo.proposals": {
            "sv": "Gallringsförslag som väntar på godkännande",
            "en": "Weeding proposals awaiting approval",
        },
        "digest.dpo.overdue": {
            "sv": "Försenade gallringar och raderingar",
            "en": "Overdue weeding and deletions",
        },
        "digest.dpo.audit": {"sv": "Granskningsloggen", "en": "Audit log"},
        "digest.dpo.audit_line": {
            "sv": "Verifiering: {state} ({entries} poster, kontrollerad {checked_at}).",
            "en": "Verification: {state} ({entries} entries, checked {checked_at}).",
        },
        "digest.dpo.head": {
            "sv": "Senaste signerade trädhuvud: storlek {size}, rothash {root_hash}, "
            "signerat {signed_at}.",
            "en": "Latest signed tree head: size {size}, root hash {root_hash}, "
            "signed {signed_at}.",
        },
        "digest.dpo.no_head": {
            "sv": "Inget signerat trädhuvud ännu.",
            "en": "No signed tree head yet.",
        },
        "digest.audit.ok": {"sv": "verifierad", "en": "verified"},
        "digest.audit.failed": {"sv": "VERIFIERING MISSLYCKADES", "en": "VERIFICATION FAILED"},
        "digest.audit.unknown": {"sv": "ej verifierad", "en": "not verified"},
        "digest.none": {"sv": "Inget.", "en": "None."},
        "digest.due": {"sv": "senast {date}", "en": "due {date}"},
        "digest.ref.prompt": {"sv": "förslag {id}", "en": "prompt {id}"},
        "digest.late": {"sv": "{days} arbetsdagar sen", "en": "{days} working days late"},
        "digest.project": {"sv": "Projekt", "en": "Project"},
        "digest.footer": {
            "sv": "Skickat automatiskt av recordkeeper. Mottagare och tider ställs in i "
            "avsnittet [email] i konfigurationen.",
            "en": "Sent automatically by recordkeeper. Recipients and times are set in "
            "the [email] section of the configuration.",
        },
    }
)
