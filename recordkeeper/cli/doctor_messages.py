"""Texts of `recordkeeper doctor`, Swedish and English: one per check outcome and fix."""

from __future__ import annotations

from recordkeeper import i18n

_MESSAGES = {
    "doctor.all_ok": ("allt ser bra ut", "all good"),
    "doctor.problems": ("{errors} och {warnings}", "{errors} and {warnings}"),
    "doctor.errors.one": ("{count} fel", "{count} error"),
    "doctor.errors.many": ("{count} fel", "{count} errors"),
    "doctor.warnings.one": ("{count} varning", "{count} warning"),
    "doctor.warnings.many": ("{count} varningar", "{count} warnings"),
    "doctor.fix": ("åtgärd", "fix"),
    "doctor.config_ok": ("inställningarna är giltiga", "settings valid"),
    "doctor.config_invalid": ("{error}", "{error}"),
    "doctor.rules_ok": ("{count} regelfiler giltiga i {dir}", "{count} rule files valid in {dir}"),
    "doctor.rules_invalid": ("{problem}", "{problem}"),
    "doctor.db_open_failed": ("{error}", "{error}"),
    "doctor.db_unreachable": (
        "{dialect}: kan inte ansluta ({error})",
        "{dialect}: cannot connect ({error})",
    ),
    "doctor.db_behind": (
        "{dialect}: schemat är inte på senaste versionen ({branches} grenar efter)",
        "{dialect}: schema not at the newest revision ({branches} branches behind)",
    ),
    "doctor.db_ok": (
        "{dialect}: nåbar, schemat aktuellt",
        "{dialect}: reachable, schema up to date",
    ),
    "doctor.file_missing": ("{path} finns inte", "{path} does not exist"),
    "doctor.file_oserror": ("{path}: {error}", "{path}: {error}"),
    "doctor.secret_dir_unwritable": (
        "{path} saknas och {parent} är inte skrivbar",
        "{path} missing and {parent} not writable",
    ),
    "doctor.secret_created_later": (
        "{path} skapas (0600) vid första start",
        "{path} will be created (0600) at first start",
    ),
    "doctor.secret_loose": (
        "{path} har rättigheterna {mode}: läsbar för andra",
        "{path} has mode {mode}: readable by others",
    ),
    "doctor.secret_unreadable": (
        "{path} kan inte läsas av den här användaren",
        "{path} is not readable by this user",
    ),
    "doctor.secret_ok": ("{path}: rättigheterna är rätt", "{path}: permissions ok"),
    "doctor.state_ok": ("{path} är skrivbar", "{path} writable"),
    "doctor.state_created_later": ("{path} skapas vid start", "{path} will be created"),
    "doctor.state_bad": ("{path} är ingen skrivbar katalog", "{path} is not a writable directory"),
    "doctor.root_not_dir": ("{path} är ingen katalog", "{path} is not a directory"),
    "doctor.root_unreadable": (
        "{path} kan inte läsas av den här användaren",
        "{path} is not readable by this user",
    ),
    "doctor.root_ok": (
        "{path}: läsbar, filsystem {fs}, bevakning {mode}",
        "{path}: readable, filesystem {fs}, watch mode {mode}",
    ),
    "doctor.root_ok_polled": (
        "{path}: läsbar, filsystem {fs}, bevakning {mode} (nätverksfilsystem: inga "
        "ändringshändelser, avsöks)",
        "{path}: readable, filesystem {fs}, watch mode {mode} (network filesystem: "
        "no change events, polled)",
    ),
    "doctor.root_inotify_network": (
        "{path}: inotify tvingat på {fs}",
        "{path}: inotify forced on {fs}",
    ),
    "doctor.root_no_quarantine": (
        "karantänmappen {quarantine} saknas eller är inte skrivbar: godkända gallringar "
        "kan inte genomföras",
        "quarantine folder {quarantine} missing or not writable: approved deletions "
        "cannot be carried out",
    ),
    "doctor.smtp_off": (
        "e-post är avstängt ([email] enabled = false)",
        "e-mail is off ([email] enabled = false)",
    ),
    "doctor.smtp_no_recipients": (
        "e-post är på men inga mottagare är angivna",
        "e-mail is on but no recipients are configured",
    ),
    "doctor.smtp_failed": ("{where}: {error}", "{where}: {error}"),
    "doctor.smtp_ok": ("{where}: nåbar", "{where}: reachable"),
    "doctor.smtp_ok_tls": ("{where}: nåbar, STARTTLS", "{where}: reachable, STARTTLS"),
    "doctor.smtp_ok_login": ("{where}: nåbar, inloggad", "{where}: reachable, logged in"),
    "doctor.smtp_ok_tls_login": (
        "{where}: nåbar, STARTTLS, inloggad",
        "{where}: reachable, STARTTLS, logged in",
    ),
    "doctor.check_failed": ("kontrollen misslyckades: {error}", "check failed: {error}"),
    # fixes
    "doctor.fix.config": (
        "rätta nyckeln som anges ovan; `recordkeeper config check`",
        "fix the key named above; `recordkeeper config check`",
    ),
    "doctor.fix.rules": (
        "rätta regelfilen; `recordkeeper rules check`",
        "correct the rule file; `recordkeeper rules check`",
    ),
    "doctor.fix.db_url": ("kontrollera database_url", "check database_url"),
    "doctor.fix.db_server": (
        "kontrollera database_url, att servern kör och att rollen får logga in",
        "check database_url, that the server runs and that the role may log in",
    ),
    "doctor.fix.db_backup": (
        "tjänsten migrerar vid start; ta en säkerhetskopia först",
        "the service migrates at start; take a backup first",
    ),
    "doctor.fix.create_file": ("skapa {path}", "create {path}"),
    "doctor.fix.secret_dir": (
        "skapa {dir} skrivbar för tjänstens användare",
        "create {dir} writable by the service user",
    ),
    "doctor.fix.permissions": ("rätta rättigheterna", "fix the permissions"),
    "doctor.fix.chmod": ("chmod 0600 {path}", "chmod 0600 {path}"),
    "doctor.fix.chown": (
        "låt tjänstens användare äga filen (chown)",
        "make the service user own the file (chown)",
    ),
    "doctor.fix.state_dir": (
        "skapa {path} ägd av tjänstens användare",
        "create {path} owned by the service user",
    ),
    "doctor.fix.root_mount": (
        "montera utdelningen eller rätta sökvägen i [[roots]]",
        "mount the share or correct [[roots]] path",
    ),
    "doctor.fix.root_group": (
        "ge tjänstens användare läsrätt (SupplementaryGroups=)",
        "give the service user read access (SupplementaryGroups=)",
    ),
    "doctor.fix.root_mode": (
        'använd mode = "auto" eller "poll": nätverksutdelningar skickar inga händelser',
        'use mode = "auto" or "poll": network shares send no events',
    ),
    "doctor.fix.quarantine": (
        "skapa {quarantine} ägd av tjänstens användare, rättigheter 0750",
        "create {quarantine} owned by the service user, mode 0750",
    ),
    "doctor.fix.recipients": (
        "lägg till registrars, project_leads eller dpos under [email]",
        "add registrars, project_leads or dpos under [email]",
    ),
    "doctor.stages_ok": (
        "inga fel i stegen efter inläsning den senaste veckan; "
        "inga versioner väntar på diarieföringsfråga",
        "no failures in the stages after ingest in the last week; "
        "no version waits for a registration prompt",
    ),
    "doctor.stage_failed_recently": (
        "{stage}: {count} fel, senast {last_at} UTC ({error}); försöks igen automatiskt",
        "{stage}: {count} failures, last at {last_at} UTC ({error}); tried again automatically",
    ),
    "doctor.registration_unprompted": (
        "versioner som ska diarieföras men ännu saknar fråga till registrator: {count}",
        "versions to be registered still without a prompt to the registrar: {count}",
    ),
    "doctor.fix.stage_failures": (
        "se daemonens logg (stage_failures_recorded) och databasens skick; kommer felen tillbaka, "
        "åtgärda databasen och kör doctor igen",
        "see the daemon's log (stage_failures_recorded) and the database's health; if the failures "
        "keep coming back, fix the database and run doctor again",
    ),
    "doctor.fix.unprompted": (
        "daemonen skapar frågorna vid nästa genomsökning (var {minutes}:e minut); "
        "kör den inte, starta den",
        "the daemon makes the prompts at its next rescan (every {minutes} minutes); "
        "if it is not running, start it",
    ),
    "doctor.fix.smtp": (
        "kontrollera smtp_host/port, starttls, ca_file, smtp_user och lösenordet",
        "check smtp_host/port, starttls, ca_file, smtp_user and the password",
    ),
}


def register() -> None:
    i18n.register({key: {"sv": sv, "en": en} for key, (sv, en) in _MESSAGES.items()})
