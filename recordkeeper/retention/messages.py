"""Swedish/English texts of retention (CLI output, DPO report)."""

from recordkeeper import i18n

i18n.register(
    {
        "retention.col.due": {"sv": "Förfaller", "en": "Due"},
        "retention.col.document": {"sv": "Handling", "en": "Document"},
        "retention.col.project": {"sv": "Projekt", "en": "Project"},
        "retention.col.class": {"sv": "Klass", "en": "Class"},
        "retention.col.rule": {"sv": "Regel", "en": "Rule"},
        "retention.col.action": {"sv": "Åtgärd", "en": "Action"},
        "retention.col.basis": {"sv": "Grund", "en": "Basis"},
        "retention.col.state": {"sv": "Status", "en": "State"},
        "retention.col.count": {"sv": "Antal", "en": "Count"},
        "retention.col.id": {"sv": "Id", "en": "Id"},
        "retention.col.reason": {"sv": "Skäl", "en": "Reason"},
        "retention.action.keep": {"sv": "bevaras", "en": "kept"},
        "retention.action.weed": {"sv": "gallras", "en": "weeded"},
        "retention.action.delete_personal_data": {
            "sv": "personuppgifter raderas",
            "en": "personal data deleted",
        },
        "retention.plan.title": {"sv": "Kommande gallring", "en": "Upcoming weeding"},
        "retention.plan.none": {
            "sv": "Inga kommande gallringstillfällen.",
            "en": "No upcoming deadlines.",
        },
        "retention.proposals.title": {"sv": "Gallringsförslag", "en": "Weeding proposals"},
        "retention.proposals.none": {"sv": "Inga öppna förslag.", "en": "No open proposals."},
        "retention.proposed": {
            "sv": "{count} förslag skapade",
            "en": "{count} proposals created",
        },
        "retention.decided": {
            "sv": "Förslag {id}: {status}",
            "en": "Proposal {id}: {status}",
        },
        "retention.executed": {
            "sv": "Karantän: {quarantined}, raderade: {deleted}, ändrade (stoppade): {changed}, "
            "saknas: {missing}, spärrade: {held}",
            "en": "Quarantined: {quarantined}, deleted: {deleted}, changed (stopped): {changed}, "
            "missing: {missing}, held: {held}",
        },
        "retention.error.role_not_allowed": {
            "sv": "rollen '{role}' får inte besluta om gallringsförslag; tillåtna: {roles}",
            "en": "role '{role}' may not decide on retention proposals; allowed: {roles}",
        },
        "retention.error.no_proposal": {
            "sv": "gallringsförslaget '{id}' finns inte; se `recordkeeper retention proposals`",
            "en": "no retention proposal '{id}'; see `recordkeeper retention proposals`",
        },
        "retention.error.not_awaiting": {
            "sv": "förslaget '{id}' väntar inte på beslut (status: {state})",
            "en": "proposal '{id}' is not awaiting a decision (state: {state})",
        },
        "retention.error.hold_target": {
            "sv": "en spärr gäller antingen en handling eller ett projekt "
            "(--document eller --project)",
            "en": "a hold names exactly one of a document or a project (--document or --project)",
        },
        "retention.error.no_hold": {
            "sv": "det finns ingen aktiv spärr '{id}'; se `recordkeeper hold list`",
            "en": "no active hold '{id}'; see `recordkeeper hold list`",
        },
        "retention.would_propose": {
            "sv": "{count} förslag skulle skapas",
            "en": "{count} proposals would be created",
        },
        "retention.dry_run": {
            "sv": "Provkörning: inget har ändrats.",
            "en": "Dry run: nothing was changed.",
        },
        "retention.hold.added": {"sv": "Spärr {id} lagd", "en": "Hold {id} added"},
        "retention.hold.lifted": {"sv": "Spärr {id} hävd", "en": "Hold {id} lifted"},
        "retention.project.closed": {
            "sv": "Projektet {project} registrerat som avslutat {on}",
            "en": "Project {project} recorded as closed on {on}",
        },
        "retention.col.overdue": {"sv": "Försenad", "en": "Overdue"},
        "dpo.title": {
            "sv": "Dataskyddsrapport: personuppgifter, gallring och radering",
            "en": "Data protection report: personal data, weeding and deletion",
        },
        "dpo.generated": {"sv": "Framtagen {at}", "en": "Generated {at}"},
        "dpo.section.personal_data": {
            "sv": "Handlingar med personuppgifter per projekt och klass",
            "en": "Documents with personal data by project and class",
        },
        "dpo.section.overdue": {
            "sv": "Försenad gallring eller radering",
            "en": "Overdue weeding or deletion",
        },
        "dpo.section.awaiting": {
            "sv": "Förslag som väntar på beslut",
            "en": "Proposals awaiting a decision",
        },
        "dpo.section.deletions": {"sv": "Genomförd gallring", "en": "Deletions done"},
        "dpo.section.holds": {"sv": "Spärrar", "en": "Legal holds"},
        "dpo.section.art30": {
            "sv": "Registerförteckning (art. 30)",
            "en": "Record of processing (art. 30)",
        },
        "dpo.none": {"sv": "Inga.", "en": "None."},
        "dpo.kept": {"sv": "bevaras", "en": "kept"},
        "dpo.kept_rest": {"sv": "övriga bevaras", "en": "the others are kept"},
        # a deadline that has not started: its rule's trigger has not happened yet
        "dpo.starts_when.project_closed": {
            "sv": "fristen börjar när projektet avslutas",
            "en": "the deadline starts when the project closes",
        },
        "dpo.starts_when.registered": {
            "sv": "fristen börjar när handlingen diarieförs",
            "en": "the deadline starts when the document is registered",
        },
        "dpo.starts_when.document_date": {
            "sv": "fristen börjar vid handlingens datum",
            "en": "the deadline starts at the document's date",
        },
        "dpo.starts_when.participation_ended": {
            "sv": "fristen börjar när medverkan i projektet upphör",
            "en": "the deadline starts when the participation in the project ends",
        },
        "dpo.starts_when.last_change": {
            "sv": "fristen börjar vid handlingens senaste ändring",
            "en": "the deadline starts at the document's last change",
        },
        "dpo.approved_by": {"sv": "Beslutat av", "en": "Approved by"},
        "dpo.deleted_at": {"sv": "Raderad", "en": "Deleted"},
        "dpo.controller": {"sv": "Personuppgiftsansvarig", "en": "Controller"},
        "dpo.contact": {"sv": "Dataskyddsombud", "en": "Data protection officer"},
        "dpo.purpose": {"sv": "Ändamål", "en": "Purpose"},
        "dpo.legal_basis": {"sv": "Rättslig grund", "en": "Legal basis"},
        "dpo.subjects": {"sv": "Registrerade", "en": "Data subjects"},
        "dpo.categories": {
            "sv": "Kategorier av personuppgifter",
            "en": "Categories of personal data",
        },
        "dpo.recipients": {"sv": "Mottagare", "en": "Recipients"},
        "dpo.security": {"sv": "Säkerhetsåtgärder", "en": "Security measures"},
        "privacy.outcome.kept_until": {
            "sv": "allmän handling: bevaras enligt arkivlagen till {due} (regel {rule}); "
            "art. 17.3 b/d",
            "en": "official document: kept under archive law until {due} (rule {rule}); "
            "art. 17(3)(b)/(d)",
        },
        "privacy.outcome.kept_for_ever": {
            "sv": "allmän handling: bevaras (regel {rule}); art. 17.3 b/d",
            "en": "official document: kept (rule {rule}); art. 17(3)(b)/(d)",
        },
        "privacy.outcome.pending": {
            "sv": "allmän handling: gallras enligt regel {rule} när projektet avslutats; "
            "art. 17.3 b/d",
            "en": "official document: weeded under rule {rule} once the project is closed; "
            "art. 17(3)(b)/(d)",
        },
        "privacy.outcome.proposed_for_deletion": {
            "sv": "inte allmän handling: föreslås för radering (förslag {proposal})",
            "en": "not an official document: proposed for deletion (proposal {proposal})",
        },
        "privacy.found": {
            "sv": "Begäran {request}: {count} handlingar nämner den registrerade.",
            "en": "Request {request}: {count} documents mention the data subject.",
        },
        "privacy.found.one": {
            "sv": "Begäran {request}: 1 handling nämner den registrerade.",
            "en": "Request {request}: 1 document mentions the data subject.",
        },
        "dpo.error.format": {
            "sv": "okänt format '{fmt}'; ange html, csv eller json",
            "en": "unknown format '{fmt}'; use html, csv or json",
        },
        "privacy.error.request": {
            "sv": "--request ska vara access (tillgång, art. 15) eller erasure (radering, "
            "art. 17), inte '{request}'",
            "en": "--request must be access (art. 15) or erasure (art. 17), not '{request}'",
        },
        "retention.status.awaiting": {"sv": "väntar på beslut", "en": "awaiting decision"},
        "retention.status.approved": {"sv": "godkänt", "en": "approved"},
        "retention.status.rejected": {"sv": "avslaget", "en": "rejected"},
        "retention.status.quarantined": {"sv": "i karantän", "en": "quarantined"},
        "retention.status.done": {"sv": "genomfört", "en": "done"},
        "retention.status.stopped": {"sv": "stoppat", "en": "stopped"},
    }
)
