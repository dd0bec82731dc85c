"""Swedish/English help of every command and option (`recordkeeper --help`, `... CMD --help`).

The help a person reads comes from here, in the language of `--lang` or the settings
(Swedish by default); `common.RecordkeeperGroup` puts it on the commands before Click
prints their help. A command's docstring and an option's `help=` in its module stay
what a reader of the code sees. Keys: "PATH" for a command ("registry list"; the root
is "recordkeeper"), "PATH:PARAM" for a parameter by its Python name, "*:PARAM" for a
parameter that says the same everywhere. tests/e2e/test_cli_help.py checks that every
command and every parameter has both languages.
"""

from __future__ import annotations

from typing import Any

from recordkeeper.cli import click_texts

_JSON = ("Maskinläsbar utdata (JSON).", "Machine-readable output (JSON).")
_AS_OS_USER = (
    "Agera som denna användare (standard: operativsystemets användare).",
    "Act as this user (default: the OS user).",
)
_DATE = "(ÅÅÅÅ-MM-DD)", "(YYYY-MM-DD)"

HELP: dict[str, tuple[str, str]] = {
    # shared by many commands
    "*:help": ("Visa den här hjälpen och avsluta.", "Show this message and exit."),
    "*:as_json": _JSON,
    "*:as_user": _AS_OS_USER,
    "*:dry_run": (
        "Visa vad som skulle hända; ändra ingenting.",
        "Show what would happen; change nothing.",
    ),
    # the root
    "recordkeeper": (
        "recordkeeper: diarieföring, gallring och processkontroll för FMB-projekt.\n\n"
        "Returkod: 0 klart, 1 internt fel, 2 användning/konfiguration/regler, 3 databas,\n"
        "4 granskningsloggens integritet, 5 vägrat (ett beslut krävs).",
        "recordkeeper: registration, weeding and process checks for FMB projects.\n\n"
        "Exit status: 0 ok, 1 internal error, 2 usage/config/rules, 3 database,\n"
        "4 audit integrity, 5 refused (decision required).",
    ),
    "recordkeeper:config": ("Konfigurationsfil (TOML).", "Config file (TOML)."),
    "recordkeeper:lang": (
        "Språk för texter och hjälp: sv eller en.",
        "Language of messages and help: sv or en.",
    ),
    "recordkeeper:version": ("Visa versionen.", "Print the version."),
    # demo-share
    "demo-share": (
        "Skapa en exempelmapp med FMB-projekt.",
        "Create an example share of FMB projects.",
    ),
    "demo-share:directory": ("Mappen som skapas.", "Share to create."),
    "demo-share:seed": ("Samma frö ger samma mapp.", "Same seed, same share."),
    "demo-share:labels": (
        "Facit som JSON (standard: DIR.labels.json bredvid DIR).",
        "Ground truth JSON (default: DIR.labels.json beside DIR).",
    ),
    # classify
    "classify": (
        "Klassificera filer och mappar (ingen databas behövs).\n\n"
        "Varje fil får en klass, utkast ja/nej, diarieföringsplikt, personuppgifter ja/nej,\n"
        "en säkerhet och skälen. Returkod 0 även när filer inte går att läsa;\n"
        "2 när en sökväg inte finns.",
        "Classify files and folders (no database needed).\n\n"
        "Each file gets a class, a draft flag, a registration duty, a personal-data\n"
        "flag, a confidence and the reasons. Exit 0 also when files are unreadable;\n"
        "exit 2 when a path does not exist.",
    ),
    "classify:paths": ("Filer eller mappar (med undermappar).", "Files or folders (recursive)."),
    "classify:as_json": ("Ett JSON-objekt per fil och rad.", "One JSON object per file per line."),
    "classify:lang": (
        "Tabellens språk: sv eller en (finns också som global flagga).",
        "Language of the table: sv or en (also a global option).",
    ),
    # web
    "web": (
        "Starta webbgränssnittet (registratorns inkorg, projekttavlan, dataskyddsombudets sida).",
        "Serve the web interface (registrar inbox, project board, DPO dashboard).",
    ),
    "web:host": (
        "Adress att lyssna på (standard: från konfigurationen).",
        "Address to listen on (default from config).",
    ),
    "web:port": ("Port (standard: från konfigurationen).", "Port (default from config)."),
    # check
    "check": (
        "Processkontroll av en projektmapp mot arbetsinstruktionens steg.\n\n"
        "Returkod 0 när kontrollen gick att göra (fynden skrivs ut), 2 när mappen inte\n"
        "finns eller en regelfil eller projektfil är ogiltig.",
        "Check a project folder against the work instruction's steps.\n\n"
        "Exit 0 when the check ran (findings are output), 2 when the folder does not\n"
        "exist or a rule or project file is invalid.",
    ),
    "check:project_dir": ("Projektmappen som kontrolleras.", "Project folder to check."),
    "check:as_json": (
        "Ett JSON-objekt (ett per projekt med --all).",
        "One JSON object (per project with --all).",
    ),
    "check:all_projects": (
        "Kontrollera varje projektmapp under de konfigurerade rotmapparna.",
        "Check every project folder under the configured roots.",
    ),
    "check:today": (
        f"Bedöm tidsregler som om detta datum vore i dag {_DATE[0]}.",
        f"Evaluate time rules as of this date {_DATE[1]}.",
    ),
    "check:rules_dir": ("Mapp med regelfiler.", "Rules directory."),
    "check:fresh": (
        "Läs och klassificera varje fil på nytt; använd inte tjänstens databas.",
        "Read and classify every file; do not reuse the daemon's store.",
    ),
    # config, doctor, rules
    "config": ("Konfiguration.", "Configuration."),
    "config check": (
        "Kontrollera konfigurationsfilen och miljövariablerna; varje ogiltig nyckel\n"
        "anges med fil och rad.",
        "Validate the config file and environment; report invalid keys with file and line.",
    ),
    "config check:as_json": (
        "Skriv ut de gällande inställningarna som JSON.",
        "Print the effective settings as JSON.",
    ),
    "doctor": (
        "Kontrollera installationen: konfiguration, databas, regler, nycklar, rotmappar,\n"
        "SMTP. Skriver vad som ska åtgärdas; returkod 0 när inget är fel, annars 2\n"
        "(3: databasen).",
        "Check the installation: config, database, rules, keys, roots, SMTP. Prints what\n"
        "to fix; exit 0 when nothing is wrong, else 2 (3: database).",
    ),
    "doctor:as_json": (
        "Ett JSON-dokument med varje kontroll.",
        "One JSON document with every check.",
    ),
    "rules": ("Regelfiler.", "Rule files."),
    "rules check": (
        "Kontrollera varje regelfil; varje problem anges med fil, rad och beskrivning.",
        "Validate every rule file; each problem is reported with file, line and a message.",
    ),
    "rules check:rules_dir": (
        "Mapp med regelfiler (standard: från konfigurationen).",
        "Rules directory (default: from config).",
    ),
    "rules schema": (
        "Skriv ett JSON Schema per regelsort (<sort>.schema.json) för redigerarens\n"
        "autokomplettering.",
        "Write a JSON Schema per rule kind (<kind>.schema.json) for editors' autocompletion.",
    ),
    "rules schema:out_dir": (
        "Mapp att skriva till (standard: schema/ i regelmappen).",
        "Output directory (default: schema/ inside the rules directory).",
    ),
    # retention
    "retention": ("Gallring och bevarande.", "Retention and weeding."),
    "retention plan": (
        "Kommande tidpunkter för gallring och radering av personuppgifter, närmast först.",
        "Upcoming weeding and deletion deadlines, soonest first.",
    ),
    "retention plan:until": (
        f"Bara tidpunkter till och med detta datum {_DATE[0]}.",
        f"Only deadlines up to this date {_DATE[1]}.",
    ),
    "retention propose": (
        "Gör förslag av tidpunkter som har infallit (det periodiska jobbet gör det också).",
        "Turn due deadlines into proposals (the periodic job does this too).",
    ),
    "retention propose:on": (
        f"Räkna med detta datum som i dag {_DATE[0]}.",
        f"Treat this date as today {_DATE[1]}.",
    ),
    "retention proposals": (
        "Öppna förslag: väntar på beslut, godkända eller i karantän.",
        "Open proposals: awaiting a decision, approved, or in quarantine.",
    ),
    "retention approve": (
        "Godkänn (eller avslå) ett förslag; vägras (returkod 5) för en roll som\n"
        "reglerna inte tillåter.",
        "Approve (or reject) a proposal; refused (exit 5) for a role the rules do not allow.",
    ),
    "retention approve:proposal_id": ("Förslagets id.", "Proposal id."),
    "retention approve:role": (
        "Rollen du beslutar i (måste vara tillåten i reglerna).",
        "The role you decide in (must be allowed by the rules).",
    ),
    "retention approve:reject": ("Avslå i stället för att godkänna.", "Reject instead of approve."),
    "retention execute": (
        "Flytta godkända förslag till karantän; radera filer i karantän när\n"
        "ångerfristen har gått ut.",
        "Quarantine approved proposals; delete quarantined files past the grace period.",
    ),
    # hold, project
    "hold": ("Spärrar (legal hold).", "Legal holds."),
    "hold add": (
        "Spärra en handling eller ett projekt: inget under spärren föreslås för gallring\n"
        "eller förstörs.",
        "Put a legal hold on a document or a project: nothing under it is proposed or destroyed.",
    ),
    "hold add:reason": (
        "Varför spärren behövs (inga personuppgifter).",
        "Why the hold is needed (no personal data).",
    ),
    "hold add:document": ("Handlingens id.", "Document id."),
    "hold add:project": ("Projektets namn.", "Project name."),
    "hold remove": ("Häv en spärr.", "Lift a legal hold."),
    "hold remove:hold_id": ("Spärrens id.", "Hold id."),
    "hold list": ("Aktiva spärrar.", "Active legal holds."),
    "project": ("Projekthändelser.", "Project events."),
    "project close": (
        "Anteckna att ett projekt är avslutat: de flesta bevarandetider räknas därifrån.",
        "Record that a project is closed: the start of most retention periods.",
    ),
    "project close:project": ("Projektmappens namn.", "Project folder name."),
    "project close:on": (
        f"Datum då projektet avslutades {_DATE[0]}; standard: i dag.",
        f"Closing date {_DATE[1]}; default today.",
    ),
    # dpo, privacy
    "dpo": ("Dataskyddsombud.", "Data protection officer."),
    "dpo report": (
        "Personuppgifter per klass och projekt, tidpunkter, förslag, raderingar, spärrar,\n"
        "registerförteckning (art. 30).",
        "Personal data per class and project, deadlines, proposals, deletions, holds, art. 30.",
    ),
    "dpo report:fmt": ("html, csv eller json.", "html, csv or json."),
    "dpo report:output": ("Skriv till denna fil.", "Write to this file."),
    "privacy": ("De registrerades rättigheter.", "Data subject requests."),
    "privacy find": (
        "Hitta handlingar som nämner en person, och vad arkivlagen säger om var och en.",
        "Find documents that mention a person, with what happens to each under archive law.",
    ),
    "privacy find:subject": (
        "Personnummer, e-postadress eller namn.",
        "Personnummer, e-mail address or name.",
    ),
    "privacy find:request": (
        "access (tillgång, art. 15) eller erasure (radering, art. 17).",
        "access (art. 15) or erasure (art. 17).",
    ),
    # ingest
    "scan": ("Gå igenom rotmapparna en gång.", "One ingest pass over the roots."),
    "scan:roots": (
        "Rotmappar att gå igenom (standard: från konfigurationen).",
        "Roots to scan (default: from config).",
    ),
    "status": (
        "Läget: dokument per tillstånd, fel, senaste genomsökning, kö.",
        "Ingest status: documents by state, errors, last scan, queue.",
    ),
    "files": (
        "Spårade filer (med --errors: bara de som inte gick att läsa).",
        "Tracked files (with --errors: only those that could not be read).",
    ),
    "files:errors": ("Bara filer som inte gick att läsa.", "Only files that could not be read."),
    "run": (
        "Kör tjänsten: bevaka, läs in, klassificera (loggrader som JSON på stderr).",
        "Run the daemon: watch, ingest, classify (JSON log lines on stderr).",
    ),
    # users
    "user": ("Användarkonton.", "User accounts."),
    "user add": (
        "Skapa eller ändra ett lokalt konto (lösenordet lagras som argon2-hash).",
        "Create or update a local account (argon2 password hash).",
    ),
    "user add:username": (
        "Användarnamn (också id:t i granskningsloggen).",
        "User name (also the id in the audit log).",
    ),
    "user add:role": (
        "En av: registrar, project_lead, dpo, admin.",
        "One of: registrar, project_lead, dpo, admin.",
    ),
    "user add:project": ("Ett projekt som projektledaren äger.", "A project a project lead owns."),
    "user add:lang": ("Användarens språk: sv eller en.", "The user's language: sv or en."),
    "user add:password_stdin": (
        "Läs lösenordet från standard in.",
        "Read the password from standard input.",
    ),
    "user add:no_password": (
        "Inloggning bara genom den betrodda proxyn för single sign-on.",
        "Sign-in only through the trusted single-sign-on proxy.",
    ),
    "user add:as_user": ("Agera som denna användare.", "Act as this user."),
    "user list": ("Konton och deras roller.", "Accounts and their roles."),
    # registry
    "registry": (
        "Diarieföring: förslag att diarieföra, svar och export.",
        "Registration: prompts to register, answers and export.",
    ),
    "registry list": (
        "Handlingar att diarieföra, efter sista dag; försenade markeras.",
        "Prompts by due date, overdue marked.",
    ),
    "registry list:overdue": ("Bara försenade.", "Only overdue prompts."),
    "registry show": ("Visa ett förslag med skälen.", "Show one prompt with its reasons."),
    "registry register": (
        "Handlingen är diarieförd med diarienummer.",
        "The document is registered under a diarienummer.",
    ),
    "registry register:dnr": (
        "Diarienumret från diariet, t.ex. 2.4-12345/2025.",
        "The diarienummer from the register, e.g. 2.4-12345/2025.",
    ),
    "registry dismiss": ("Inte allmän handling.", "Not an official document."),
    "registry dismiss:reason": (
        "Skäl: draft, working_copy, duplicate, internal_note, not_received eller fritext.",
        "Reason: draft, working_copy, duplicate, internal_note, not_received or free text.",
    ),
    "registry reclassify": (
        "Fel dokumentklass: klassa om (klassificeringen lär sig).",
        "Wrong class: reclassify (the classifier learns).",
    ),
    "registry reclassify:doc_class": ("Rätt dokumentklass (id).", "The right class id."),
    "registry ack": ("Kvittera ett larm.", "Acknowledge an alert."),
    "registry ack:alert_id": ("Larmets id, t.ex. A3.", "Alert id, e.g. A3."),
    "registry export": (
        "Poster enligt OSL 5 kap. 2 § för import i e-diariet.",
        "OSL 5:2 records for import into an e-diarium.",
    ),
    "registry export:fmt": ("csv eller json.", "csv or json."),
    "registry export:status": (
        "Vilka förslag: open, registered eller all.",
        "Which prompts: open, registered or all.",
    ),
    "*:prompt_id": ("Förslagets id.", "Prompt id."),
    # audit
    "audit": (
        "Granskningslogg: signerade trädhuvuden, verifiering, bevis.",
        "Audit log: signed tree heads, verification, proofs.",
    ),
    "audit head": (
        "Signera det aktuella trädhuvudet (när loggen har vuxit) och skriv ut det som\n"
        "ankare (JSON).\n\n"
        "Förvara utdata utanför systemet (mejla det till dataskyddsombudet, skriv ut det,\n"
        "kopiera det till en annan dator); `audit verify --anchor FIL` kontrollerar\n"
        "loggen mot det senare.",
        "Sign the current tree head (when the log grew) and print it as an anchor (JSON).\n\n"
        "Keep the output outside the system (mail it to the DPO, print it, copy it to\n"
        "another host); `audit verify --anchor FILE` checks the log against it later.",
    ),
    "audit head:no_new": (
        "Skriv ut det senaste huvudet utan att signera ett nytt.",
        "Print the latest head without signing a new one.",
    ),
    "audit verify": (
        "Räkna om trädet; kontrollera varje huvuds signatur och konsistens, och ankarna.\n\n"
        "Returkod 4, med en rad per problem (vad och var), när loggen har ändrats,\n"
        "poster tagits bort eller bytt ordning, loggen kortats eller historiken grenats.",
        "Recompute the tree; check every head's signature and consistency, and the anchors.\n\n"
        "Exit status 4, with one line per problem (what and where), when the log was\n"
        "modified, entries deleted or reordered, the log truncated, or history forked.",
    ),
    "audit verify:anchors": ("Ankarfil från `audit head`.", "Anchor file from `audit head`."),
    "audit show": (
        "Lista loggens poster i ordning (en handlings historik med --document).",
        "List audit entries in order (a document's history with --document).",
    ),
    "audit show:document": ("Bara denna handlings historik.", "Only this document's history."),
    "audit show:limit": ("Bara de N senaste posterna.", "Only the last N entries."),
    "audit prove": (
        "Skriv ut beviset (JSON) för att en post ingår, mot det senaste signerade huvudet.",
        "Print the inclusion proof (JSON) of an entry against the latest signed head.",
    ),
    "audit prove:entry": ("Postens nummer.", "Entry index."),
    "audit key": (
        "Skriv ut den publika nyckeln (PEM) som verifierar de signerade trädhuvudena.",
        "Print the public key (PEM) that verifies the signed tree heads.",
    ),
    "audit export": (
        "Exportera loggen som JSON-rader, som kan verifieras utan recordkeeper.\n\n"
        'Ett {"index","leaf"} per post (leaf = base64 av exakt de byte som hashats), sedan\n'
        'ett {"tree_size","root_hash","timestamp","signature","key_fingerprint"} per huvud.\n'
        "Verifiera med tools/verify_audit_export.py och nyckeln från `audit key`.",
        "Export the log as JSON lines, verifiable without recordkeeper.\n\n"
        'One {"index","leaf"} per entry (leaf = base64 of the exact bytes hashed), then\n'
        'one {"tree_size","root_hash","timestamp","signature","key_fingerprint"} per head.\n'
        "Verify with tools/verify_audit_export.py and the key from `audit key`.",
    ),
    "audit export:output": ("Fil (standard: standard ut).", "File (default stdout)."),
}

# the help screens' own words (typer's panels), by the name typer gives them
LIBRARY_TEXTS: dict[str, tuple[str, str]] = {
    "ARGUMENTS_PANEL_TITLE": ("Argument", "Arguments"),
    "OPTIONS_PANEL_TITLE": ("Flaggor", "Options"),
    "COMMANDS_PANEL_TITLE": ("Kommandon", "Commands"),
    "DEFAULT_STRING": ("[standard: {}]", "[default: {}]"),
    "REQUIRED_LONG_STRING": ("[krävs]", "[required]"),
    "ENVVAR_STRING": ("[miljövariabel: {}]", "[env var: {}]"),
    # a command called wrongly (the sentence inside stays Click's English)
    "ERRORS_PANEL_TITLE": ("Fel", "Error"),
    "RICH_HELP": (
        "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
        "Try [blue]'{command_path} {help_option}'[/] for help.",
    ),
}


def help_text(path: str, param: str | None, lang: str) -> str | None:
    """The help of command `path` ("" = the root) or of its parameter `param`, or None."""
    key = path or "recordkeeper"
    if param is not None:
        found = HELP.get(f"{key}:{param}") or HELP.get(f"*:{param}")
    else:
        found = HELP.get(key)
    if found is None:
        return None
    text = found[0] if lang == "sv" else found[1]
    # a line break inside a paragraph is only the source's; the terminal wraps
    return "\n\n".join(part.replace("\n", " ") for part in text.split("\n\n"))


def localize(command: Any, ctx: Any, lang: str, path: str = "") -> None:
    """Put `lang`'s help on `command`, its parameters (`--help` included) and its
    subcommands, in place. A text this catalogue lacks keeps the code's."""
    command.help = help_text(path, None, lang) or command.help
    command.short_help = None  # Click derives the list's line from the help
    command.context_class = click_texts.LocalizedContext  # "Användning:", not "Usage:"
    click_texts.localize_usage(command, lang)  # "[FLAGGOR]", not "[OPTIONS]"
    for param in [*command.params, command.get_help_option(ctx)]:
        if param is not None and hasattr(param, "help"):
            param.help = help_text(path, param.name, lang) or param.help
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, ctx, lang, f"{path} {name}".strip())


def localize_library(lang: str) -> None:
    """The help screen's own words (panel titles, "[default: ...]", "Usage:") in `lang`."""
    import typer.rich_utils

    click_texts.use_lang(lang)
    for name, (sv, en) in LIBRARY_TEXTS.items():
        if hasattr(typer.rich_utils, name):  # a typer without them keeps its own
            setattr(typer.rich_utils, name, sv if lang == "sv" else en)
