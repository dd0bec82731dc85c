"""`recordkeeper doctor`: is this installation ready to run, and if not, what to fix.

Checks, in order: settings, rule files, database (reachable, migrated),
key files (permissions), state directory, every root (exists, readable,
filesystem type and the watch mode it gets, quarantine folder), SMTP
(reachable, STARTTLS, login; password file permissions). Each check gives
ok / warning / error with a message and, when not ok, what to do. Exit
status: 0 when nothing is an error, 3 when the database is the problem, 2
otherwise. Messages name settings and configured folders (set by the
operator), never documents.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import typer

from recordkeeper import i18n
from recordkeeper.cli.common import print_json, state
from recordkeeper.config import Settings
from recordkeeper.errors import (
    EXIT_OK,
    EXIT_STORE,
    EXIT_USAGE,
    NotifyError,
    RecordkeeperError,
    RuleFileError,
)

doctor_app = typer.Typer()

Status = Literal["ok", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Check:
    check: str
    status: Status
    message: str
    fix: str = ""


i18n.register(
    {
        "doctor.ok": {"sv": "allt ser bra ut", "en": "all good"},
        "doctor.problems": {
            "sv": "{errors} fel och {warnings} varningar",
            "en": "{errors} errors and {warnings} warnings",
        },
        "doctor.fix": {"sv": "åtgärd", "en": "fix"},
    }
)


def _check_rules(settings: Settings) -> list[Check]:
    from recordkeeper.ruleset.load import load_ruleset

    try:
        rules = load_ruleset(settings.rules_dir)
    except RuleFileError as exc:
        return [
            Check("rules", "error", str(p), "correct the rule file; `recordkeeper rules check`")
            for p in exc.problems
        ]
    return [Check("rules", "ok", f"{len(rules.files)} rule files valid in {settings.rules_dir}")]


def _check_database(settings: Settings) -> list[Check]:
    from sqlalchemy import text

    from recordkeeper.store.migrate import current_heads, script_heads
    from recordkeeper.store.unit import Store

    try:
        store = Store(settings.database_url)
    except RecordkeeperError as exc:
        return [Check("database", "error", exc.message, "check database_url")]
    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        have, want = current_heads(store.engine), script_heads(store.engine)
    except Exception as exc:  # any driver error: unreachable, auth, missing database
        return [
            Check(
                "database",
                "error",
                f"{store.dialect}: cannot connect ({type(exc).__name__})",
                "check database_url, that the server runs and that the role may log in",
            )
        ]
    finally:
        store.close()
    if have != want:
        return [
            Check(
                "database",
                "warning",
                f"{store.dialect}: schema not at the newest revision ({len(want - have)} "
                "branches behind)",
                "the service migrates at start; take a backup first",
            )
        ]
    return [Check("database", "ok", f"{store.dialect}: reachable, schema up to date")]


def _check_secret_file(name: str, path: Path, *, must_exist: bool) -> Check:
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            return Check(name, "error", f"{path} does not exist", f"create {path}")
        parent = path.parent
        while not parent.exists():
            parent = parent.parent
        if not os.access(parent, os.W_OK):
            return Check(
                name,
                "error",
                f"{path} missing and {parent} not writable",
                f"create {path.parent} writable by the service user",
            )
        return Check(name, "ok", f"{path} will be created (0600) at first start")
    except OSError as exc:
        return Check(name, "error", f"{path}: {exc.strerror}", "fix the permissions")
    loose = stat.S_IMODE(info.st_mode) & 0o077
    if name.endswith("password_file"):
        loose &= 0o007  # group-readable (root:recordkeeper 0640) is the documented setup
    if loose:
        mode = oct(stat.S_IMODE(info.st_mode))
        return Check(
            name, "error", f"{path} has mode {mode}: readable by others", f"chmod 0600 {path}"
        )
    if not os.access(path, os.R_OK):
        return Check(
            name,
            "error",
            f"{path} is not readable by this user",
            "chown the file to the service user",
        )
    return Check(name, "ok", f"{path}: permissions ok")


def _check_keys(settings: Settings) -> list[Check]:
    return [
        _check_secret_file("audit.key_file", settings.audit.key_file, must_exist=False),
        _check_secret_file(
            "audit.master_key_file", settings.audit.master_key_file, must_exist=False
        ),
    ]


def _check_state_dir(settings: Settings) -> list[Check]:
    path = settings.state_dir
    if path.is_dir() and os.access(path, os.W_OK | os.X_OK):
        return [Check("state_dir", "ok", f"{path} writable")]
    if not path.exists() and os.access(path.parent if path.parent.exists() else Path(), os.W_OK):
        return [Check("state_dir", "ok", f"{path} will be created")]
    return [
        Check(
            "state_dir",
            "error",
            f"{path} is not a writable directory",
            f"create {path} owned by the service user",
        )
    ]


def _check_roots(settings: Settings) -> list[Check]:
    from recordkeeper.ingest.watcher import choose_mode, filesystem_type

    found: list[Check] = []
    for root in settings.roots:
        name = f"root {root.name or root.path.name}"
        path = root.path
        if not path.is_dir():
            found.append(
                Check(
                    name,
                    "error",
                    f"{path} is not a directory",
                    "mount the share or correct [[roots]] path",
                )
            )
            continue
        if not os.access(path, os.R_OK | os.X_OK):
            found.append(
                Check(
                    name,
                    "error",
                    f"{path} is not readable by this user",
                    "give the service user read access (SupplementaryGroups=)",
                )
            )
            continue
        fs = filesystem_type(path)
        mode = choose_mode(root.mode, fs)
        note = " (network filesystem: no change events, polled)" if mode == "poll" else ""
        found.append(
            Check(
                name,
                "ok",
                f"{path}: readable, filesystem {fs or 'unknown'}, watch mode {mode}{note}",
            )
        )
        if root.mode == "inotify" and mode == "inotify" and fs in _network():
            found.append(
                Check(
                    name,
                    "warning",
                    f"{path}: inotify forced on {fs}",
                    'use mode = "auto" or "poll": network shares send no events',
                )
            )
        quarantine = path / settings.retention.quarantine_dir_name
        if not quarantine.is_dir() or not os.access(quarantine, os.W_OK | os.X_OK):
            found.append(
                Check(
                    name,
                    "warning",
                    f"quarantine folder {quarantine} missing or "
                    "not writable: approved deletions cannot be carried out",
                    f"create {quarantine} owned by the service user, mode 0750",
                )
            )
    return found


def _network() -> frozenset[str]:
    from recordkeeper.ingest.watcher import NETWORK_FILESYSTEMS

    return NETWORK_FILESYSTEMS


def _check_smtp(settings: Settings) -> list[Check]:
    from recordkeeper.jobs import build_mailer

    email = settings.email
    if not email.enabled:
        return [Check("smtp", "ok", "e-mail is off ([email] enabled = false)")]
    found: list[Check] = []
    if email.smtp_password_file is not None:
        found.append(
            _check_secret_file(
                "email.smtp_password_file", email.smtp_password_file, must_exist=True
            )
        )
    if not (email.registrars or email.project_leads or email.dpos):
        found.append(
            Check(
                "smtp",
                "warning",
                "e-mail is on but no recipients are configured",
                "add registrars, project_leads or dpos under [email]",
            )
        )
    where = f"{email.smtp_host}:{email.smtp_port}"
    try:
        build_mailer(settings).check()
    except (NotifyError, RecordkeeperError) as exc:
        found.append(
            Check(
                "smtp",
                "error",
                f"{where}: {exc.message}",
                "check smtp_host/port, starttls, ca_file, smtp_user and the password",
            )
        )
        return found
    tls = ", STARTTLS" if email.starttls else ""
    auth = ", logged in" if email.smtp_user else ""
    found.append(Check("smtp", "ok", f"{where}: reachable{tls}{auth}"))
    return found


_CHECKS: tuple[Callable[[Settings], list[Check]], ...] = (
    _check_rules,
    _check_database,
    _check_keys,
    _check_state_dir,
    _check_roots,
    _check_smtp,
)


def run_checks(load: Callable[[], Settings]) -> list[Check]:
    """Every check; a broken config stops there (the rest would only repeat it)."""
    try:
        settings = load()
    except RecordkeeperError as exc:
        return [
            Check(
                "config",
                "error",
                exc.message,
                "fix the key named above; `recordkeeper config check`",
            )
        ]
    found = [Check("config", "ok", "settings valid")]
    for check in _CHECKS:
        try:
            found.extend(check(settings))
        except Exception as exc:  # a check must never hide the others
            found.append(
                Check(
                    check.__name__.removeprefix("_check_"),
                    "error",
                    f"check failed: {type(exc).__name__}",
                )
            )
    return found


def exit_status(found: list[Check]) -> int:
    errors = [c for c in found if c.status == "error"]
    if not errors:
        return EXIT_OK
    return EXIT_STORE if any(c.check == "database" for c in errors) else EXIT_USAGE


_MARK = {"ok": "✓", "warning": "!", "error": "✗"}


@doctor_app.command("doctor")
def doctor(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="One JSON document with every check."),
) -> None:
    """Kontrollera installationen / check the installation: config, database, rules, keys,
    roots, SMTP. Prints what to fix; exit 0 when nothing is wrong, else 2 (3: database)."""
    cli = state(ctx)
    found = run_checks(cli.settings)
    status = exit_status(found)
    if as_json:
        print_json({"ok": status == EXIT_OK, "checks": [asdict(c) for c in found]})
    else:
        for c in found:
            typer.echo(f"{_MARK[c.status]} {c.check}: {c.message}")
            if c.fix and c.status != "ok":
                typer.echo(f"    {i18n.t('doctor.fix', cli.lang)}: {c.fix}")
        errors = sum(c.status == "error" for c in found)
        warnings = sum(c.status == "warning" for c in found)
        summary = "doctor.ok" if not errors and not warnings else "doctor.problems"
        typer.echo(i18n.t(summary, cli.lang, errors=errors, warnings=warnings))
    raise typer.Exit(status)
