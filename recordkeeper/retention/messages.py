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
        "retention.status.awaiting": {"sv": "väntar på beslut", "en": "awaiting decision"},
        "retention.status.approved": {"sv": "godkänt", "en": "approved"},
        "retention.status.rejected": {"sv": "avslaget", "en": "rejected"},
        "retention.status.quarantined": {"sv": "i karantän", "en": "quarantined"},
        "retention.status.done": {"sv": "genomfört", "en": "done"},
        "retention.status.stopped": {"sv": "stoppat", "en": "stopped"},
    }
)
