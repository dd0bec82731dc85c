"""Swedish/English texts of the web interface."""

from recordkeeper import i18n

i18n.register(
    {
        "web.app": {"sv": "recordkeeper", "en": "recordkeeper"},
        "web.skip": {"sv": "Hoppa till innehållet", "en": "Skip to content"},
        "web.nav": {"sv": "Huvudmeny", "en": "Main menu"},
        "web.nav.registrar": {"sv": "Registrering", "en": "Registration"},
        "web.nav.projects": {"sv": "Projekt", "en": "Projects"},
        "web.nav.dpo": {"sv": "Dataskydd", "en": "Data protection"},
        "web.nav.status": {"sv": "Driftstatus", "en": "Service status"},
        "web.status.title": {"sv": "Driftstatus", "en": "Service status"},
        "web.status.unprompted": {
            "sv": "Versioner som ska diarieföras men ännu saknar fråga till registrator: {count}",
            "en": "Versions to be registered still without a prompt to the registrar: {count}",
        },
        "web.status.stages": {
            "sv": "Fel i stegen efter inläsning",
            "en": "Failures in the stages after ingest",
        },
        "web.status.caption": {
            "sv": "Fel per steg sedan installationen",
            "en": "Failures by stage since installation",
        },
        "web.status.stage": {"sv": "Steg", "en": "Stage"},
        "web.status.count": {"sv": "Antal", "en": "Count"},
        "web.status.first": {"sv": "Första", "en": "First"},
        "web.status.last": {"sv": "Senaste", "en": "Last"},
        "web.status.error": {"sv": "Feltyp", "en": "Error type"},
        "web.status.recent": {"sv": "senaste veckan", "en": "in the last week"},
        "web.status.days": {"sv": "Per dag, senaste veckan", "en": "By day, last week"},
        "web.status.documents": {"sv": "Filer per tillstånd", "en": "Files by state"},
        "web.status.state": {"sv": "Tillstånd", "en": "State"},
        "web.status.state.present": {"sv": "finns", "en": "present"},
        "web.status.state.gone": {"sv": "borttagna", "en": "gone"},
        "web.status.state.ignored": {"sv": "ignorerade", "en": "ignored"},
        "web.status.unreadable": {
            "sv": "Filer och mappar som inte kunde läsas, per orsak",
            "en": "Files and folders that could not be read, by reason",
        },
        "web.status.reason": {"sv": "Orsak", "en": "Reason"},
        "web.status.folder": {"sv": "mapp: {reason}", "en": "folder: {reason}"},
        "web.status.none_unreadable": {
            "sv": "Alla filer gick att läsa.",
            "en": "Every file could be read.",
        },
        "web.status.scans": {"sv": "Senaste genomsökning", "en": "Last scan"},
        "web.status.root": {"sv": "Mapp", "en": "Folder"},
        "web.status.scanned_at": {"sv": "Tidpunkt", "en": "Time"},
        "web.status.files": {"sv": "Filer", "en": "Files"},
        "web.status.seconds": {"sv": "Sekunder", "en": "Seconds"},
        "web.status.no_scans": {
            "sv": "Ingen genomsökning ännu.",
            "en": "No scan yet.",
        },
        "web.status.queue": {
            "sv": "Filer som väntar på att läsas in: {queue}",
            "en": "Files waiting to be read: {queue}",
        },
        "web.status.queue_unknown": {
            "sv": "Filer som väntar på att läsas in: okänt (tjänsten körs inte).",
            "en": "Files waiting to be read: unknown (the service is not running).",
        },
        "web.status.heals": {
            "sv": "Tjänsten försöker igen automatiskt: saknade diarieföringsfrågor skapas vid "
            "nästa genomgång. Kommer felen tillbaka, be driftansvarig se över databasen "
            "(recordkeeper doctor).",
            "en": "The service tries again by itself: missing registration prompts are made on "
            "its next pass. If the failures keep coming back, ask the operator to check the "
            "database (recordkeeper doctor).",
        },
        "web.status.no_failures": {
            "sv": "Inga fel i stegen efter inläsning.",
            "en": "No failures in the stages after ingest.",
        },
        "web.reg.stage_warning.one": {
            "sv": "{count} version som ska diarieföras saknar ännu fråga här: ett steg efter "
            "inläsningen misslyckades och görs om automatiskt.",
            "en": "{count} version to be registered has no prompt here yet: a stage after "
            "ingest failed and is being retried automatically.",
        },
        "web.reg.stage_warning": {
            "sv": "{count} versioner som ska diarieföras saknar ännu fråga här: ett steg efter "
            "inläsningen misslyckades och görs om automatiskt.",
            "en": "{count} versions to be registered have no prompt here yet: a stage after "
            "ingest failed and is being retried automatically.",
        },
        "web.signed_in_as": {
            "sv": "Inloggad som {user} ({role})",
            "en": "Signed in as {user} ({role})",
        },
        "web.sign_out": {"sv": "Logga ut", "en": "Sign out"},
        "web.other_lang": {"sv": "English", "en": "Svenska"},
        "web.login.title": {"sv": "Logga in", "en": "Sign in"},
        "web.login.user": {"sv": "Användarnamn", "en": "User name"},
        "web.login.password": {"sv": "Lösenord", "en": "Password"},
        "web.login.submit": {"sv": "Logga in", "en": "Sign in"},
        "web.login.failed": {
            "sv": "Fel användarnamn eller lösenord, eller för många försök. Försök igen senare.",
            "en": "Wrong user name or password, or too many attempts. Try again later.",
        },
        "web.role.registrar": {"sv": "registrator", "en": "registrar"},
        "web.role.project_lead": {"sv": "projektledare", "en": "project lead"},
        "web.role.dpo": {"sv": "dataskyddsombud", "en": "data protection officer"},
        "web.role.admin": {"sv": "administratör", "en": "administrator"},
        "web.none": {"sv": "Inga.", "en": "None."},
        "web.done": {"sv": "Klart.", "en": "Done."},
        "web.approve": {"sv": "Godkänn", "en": "Approve"},
        "web.reject": {"sv": "Avslå", "en": "Reject"},
        "web.dpo.title": {"sv": "Dataskydd och gallring", "en": "Data protection and weeding"},
        "web.dpo.timeline": {
            "sv": "Kommande gallring per månad (12 månader)",
            "en": "Upcoming weeding per month (12 months)",
        },
        "web.dpo.month": {"sv": "Månad", "en": "Month"},
        "web.dpo.hold.add": {"sv": "Lägg spärr", "en": "Add hold"},
        "web.dpo.hold.lift": {"sv": "Häv spärr", "en": "Lift hold"},
        "web.dpo.hold.target": {
            "sv": "Handlings-id eller projektnamn",
            "en": "Document id or project name",
        },
        "web.dpo.hold.kind": {"sv": "Gäller", "en": "Applies to"},
        "web.dpo.hold.kind.document": {"sv": "handling", "en": "document"},
        "web.dpo.hold.kind.project": {"sv": "projekt", "en": "project"},
        "web.dpo.audit": {"sv": "Revisionsloggen", "en": "The audit log"},
        "web.dpo.head_size": {"sv": "Antal poster", "en": "Entries"},
        "web.dpo.head_root": {"sv": "Rothash", "en": "Root hash"},
        "web.dpo.head_time": {"sv": "Signerad", "en": "Signed"},
        "web.dpo.head_key": {"sv": "Nyckel", "en": "Key"},
        "web.dpo.no_head": {
            "sv": "Inget signerat trädhuvud ännu.",
            "en": "No signed tree head yet.",
        },
        "web.dpo.verify": {"sv": "Verifiera loggen nu", "en": "Verify the log now"},
        "web.msg.audit_ok": {
            "sv": "Revisionsloggen är oförändrad: alla poster och signaturer stämmer.",
            "en": "The audit log is intact: every entry and signature checks out.",
        },
        "web.msg.audit_failed": {
            "sv": "Revisionsloggen stämmer inte! Kör `recordkeeper audit verify` för detaljer.",
            "en": "The audit log does not verify! Run `recordkeeper audit verify` for details.",
        },
        "web.msg.decision_required": {
            "sv": "Åtgärden kräver ett beslut av någon med rätt roll.",
            "en": "This needs a decision by someone with the right role.",
        },
        "web.msg.not_found": {"sv": "Hittades inte.", "en": "Not found."},
        "web.msg.usage": {"sv": "Ogiltig uppgift; försök igen.", "en": "Invalid input; try again."},
        "web.msg.registry.dnr_invalid": {
            "sv": "Diarienumret följer inte mönstret i regelfilen (t.ex. 2.4-12345/2025); "
            "kontrollera numret som diariet gav.",
            "en": "The diarienummer does not match the rule file's pattern (e.g. "
            "2.4-12345/2025); check the number the register assigned.",
        },
        "web.msg.registry.not_found": {
            "sv": "Förslaget eller larmet finns inte längre.",
            "en": "The prompt or alert no longer exists.",
        },
        "web.msg.registry.already_answered": {
            "sv": "Förslaget är redan besvarat (kanske av någon annan).",
            "en": "The prompt is already answered (perhaps by someone else).",
        },
        "web.msg.registry.alert_already_acknowledged": {
            "sv": "Larmet är redan kvitterat (kanske av någon annan).",
            "en": "The alert is already acknowledged (perhaps by someone else).",
        },
        "web.msg.registry.reason_required": {
            "sv": "Ange ett skäl (t.ex. utkast, arbetskopia, dubblett).",
            "en": "Give a reason (e.g. draft, working copy, duplicate).",
        },
        "web.msg.registry.unknown_class": {
            "sv": "Okänd dokumentklass; välj en i listan.",
            "en": "Unknown document class; choose one from the list.",
        },
        "web.msg.unknown": {
            "sv": "Det gick inte; försök igen.",
            "en": "That did not work; try again.",
        },
        "web.msg.config_invalid": {
            "sv": "Inställningarna saknar något (t.ex. signeringsnyckeln).",
            "en": "A setting is missing (e.g. the signing key).",
        },
        "web.doc.title": {"sv": "Handling {id}", "en": "Document {id}"},
        "web.doc.facts": {"sv": "Uppgifter", "en": "Facts"},
        "web.doc.versions": {"sv": "Versioner", "en": "Versions"},
        "web.doc.history": {"sv": "Historik (revisionsloggen)", "en": "History (audit log)"},
        "web.doc.state": {"sv": "Status", "en": "State"},
        "web.doc.project": {"sv": "Projekt", "en": "Project"},
        "web.doc.location": {"sv": "Plats", "en": "Location"},
        "web.doc.first_seen": {"sv": "Först sedd", "en": "First seen"},
        "web.doc.hash": {"sv": "SHA-256", "en": "SHA-256"},
        "web.doc.event": {"sv": "Händelse", "en": "Event"},
        "web.doc.when": {"sv": "Tidpunkt", "en": "Time"},
        "web.doc.actor": {"sv": "Utförd av", "en": "Actor"},
        "web.doc.index": {"sv": "Post", "en": "Entry"},
        "web.reg.title": {"sv": "Att diarieföra", "en": "To register"},
        "web.reg.summary": {
            "sv": "{total} förslag, varav {overdue} försenade",
            "en": "{total} prompts, {overdue} overdue",
        },
        "web.reg.overdue": {"sv": "Försenad", "en": "Overdue"},
        "web.reg.due": {"sv": "Senast {due}", "en": "Due {due}"},
        "web.reg.record": {"sv": "Förslag till diarieuppgifter", "en": "Proposed record"},
        "web.reg.reasons": {"sv": "Skäl", "en": "Reasons"},
        "web.reg.preview": {"sv": "Förhandsvisning av texten", "en": "Preview of the text"},
        "web.reg.register": {"sv": "Diarieför", "en": "Register"},
        "web.reg.dnr": {"sv": "Diarienummer", "en": "Diarienummer"},
        "web.reg.dismiss": {"sv": "Inte allmän handling", "en": "Not an official document"},
        "web.reg.dismiss_reason": {"sv": "Skäl", "en": "Reason"},
        "web.reg.reclassify": {"sv": "Fel klass", "en": "Wrong class"},
        "web.reg.new_class": {"sv": "Rätt klass", "en": "Correct class"},
        "web.reg.alerts": {
            "sv": "Varningar om diarieförda handlingar",
            "en": "Alerts on registered documents",
        },
        "web.reg.ack": {"sv": "Kvittera", "en": "Acknowledge"},
        "web.reg.export": {
            "sv": "Exportera (CSV för e-diariet)",
            "en": "Export (CSV for the e-diarium)",
        },
        "web.reg.pages": {"sv": "Sidor", "en": "Pages"},
        "web.reg.page": {"sv": "Sida {page} av {pages}.", "en": "Page {page} of {pages}."},
        "web.reg.previous": {"sv": "Föregående sida", "en": "Previous page"},
        "web.reg.next": {"sv": "Nästa sida", "en": "Next page"},
        "web.board.title": {"sv": "Projekt och processteg", "en": "Projects and process steps"},
        "web.board.caption": {
            "sv": "Status per steg i instruktion 3.1.3.5 (numren förklaras nedan)",
            "en": "Status per step of instruction 3.1.3.5 (numbers explained below)",
        },
        "web.board.legend": {"sv": "Stegen", "en": "The steps"},
        "web.project.variant": {"sv": "Variant", "en": "Variant"},
        "web.project.current": {"sv": "Nuvarande steg", "en": "Current step"},
        "web.project.warnings": {"sv": "Varningar", "en": "Warnings"},
        "web.project.steps": {"sv": "Steg", "en": "Steps"},
        "web.project.step": {"sv": "Steg", "en": "Step"},
        "web.project.evidence": {"sv": "Underlag", "en": "Evidence"},
        "web.project.missing": {"sv": "Saknas", "en": "Missing"},
        "web.project.confirm": {"sv": "Bekräfta", "en": "Confirm"},
        "web.project.people": {"sv": "Personer", "en": "People"},
        "web.project.name": {"sv": "Namn", "en": "Name"},
        "web.project.roles": {"sv": "Roller", "en": "Roles"},
        "web.project.lacks": {"sv": "saknas", "en": "missing"},
        "web.severity.info": {"sv": "Info", "en": "Info"},
        "web.severity.warning": {"sv": "Varning", "en": "Warning"},
        "web.severity.error": {"sv": "Allvarligt", "en": "Serious"},
        "web.yes": {"sv": "ja", "en": "yes"},
        "web.no": {"sv": "nej", "en": "no"},
        "web.not_found": {"sv": "Sidan finns inte", "en": "Page not found"},
        "web.not_found.why": {
            "sv": "Adressen leder inte till någon sida, projekt eller handling som du kan se.",
            "en": "The address leads to no page, project or document that you can see.",
        },
        "web.forbidden.title": {
            "sv": "Du har inte behörighet till den här sidan",
            "en": "You do not have access to this page",
        },
        "web.forbidden.for_roles": {
            "sv": "Sidan är till för {roles}. Du är inloggad som {user} med rollen {role}.",
            "en": "This page is for {roles}. You are signed in as {user} with the role {role}.",
        },
        "web.forbidden.ask": {
            "sv": "Behöver du sidan i ditt arbete? Be en administratör att ge dig rätt roll.",
            "en": "If you need this page for your work, ask an administrator for the right role.",
        },
        "web.forbidden.or": {"sv": "eller", "en": "or"},
        "web.csrf.title": {
            "sv": "Formuläret kunde inte skickas",
            "en": "The form could not be sent",
        },
        "web.csrf.why": {
            "sv": "Sidan du skickade från är för gammal, eller så loggade du in på nytt under "
            "tiden. Ingenting har ändrats. Gå tillbaka, ladda om sidan och försök igen.",
            "en": "The page you sent it from is out of date, or you signed in again meanwhile. "
            "Nothing was changed. Go back, reload the page and try again.",
        },
        "web.to_start": {"sv": "Till din startsida", "en": "Go to your start page"},
    }
)
