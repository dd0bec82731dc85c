"""`recordkeeper doctor`: is this installation ready to run, and if not, what to fix.

Checks, in order: settings, rule files, database (reachable, migrated),
key files (permissions), state directory, every root (exists, readable,
filesystem type and the watch mode it gets, quarantine folder), SMTP
(reachable, STARTTLS, login; password file permissions), and the stages after
ingest (failures in the last week; must-register versions still without a
registration prompt). Each check gives
ok / warning / error, a message and, when not ok, what to do, in Swedish or
English (`--lang`); `--json` adds a stable `code` per message for monitoring.
Exit status: 0 when nothing is an error, 3 when the database is the problem,
2 otherwise. Messages name settings and configured folders (set by the
operator), never documents.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import typer

from recordkeeper import i18n
from recordkeeper.cli.common import print_json, stage_label, state
from recordkeeper.cli.doctor_messages import register as _register_messages
from recordkeeper.config import Settings
from recordkeeper.errors import (
    EXIT_OK,
    EXIT_STORE,
    EXIT_USAGE,
    NotifyError,
    RecordkeeperError,
    RuleFileError,
)

_register_messages()
doctor_app = typer.Typer()

Status = Literal["ok", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Check:
    check: str
    status: Status
    code: str
    message: str
    fix: str = ""


class _Say:
    """Builds Checks with their texts in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(
        self, check: str, status: Status, code: str, fix: str = "", **values: object
    ) -> Check:
        message = i18n.t(f"doctor.{code}", self.lang, **values)
        fix_text = i18n.t(f"doctor.fix.{fix}", self.lang, **values) if fix else ""
        return Check(check, status, code, message, fix_text)


def _check_rules(settings: Settings, say: _Say) -> list[Check]:
    from recordkeeper.ruleset.load import load_ruleset

    try:
        rules = load_ruleset(settings.rules_dir)
    except RuleFileError as exc:
        return [say("rules", "error", "rules_invalid", "rules", problem=p) for p in exc.problems]
    return [say("rules", "ok", "rules_ok", count=len(rules.files), dir=settings.rules_dir)]


def _check_database(settings: Settings, say: _Say) -> list[Check]:
    from sqlalchemy import text

    from recordkeeper.store.migrate import current_heads, script_heads
    from recordkeeper.store.unit import Store

    try:
        store = Store(settings.database_url)
    except RecordkeeperError as exc:
        return [say("database", "error", "db_open_failed", "db_url", error=exc.message)]
    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        have, want = current_heads(store.engine), script_heads(store.engine)
    except Exception as exc:  # any driver error: unreachable, auth, missing database
        return [
            say("database", "error", "db_unreachable", "db_server",
                dialect=store.dialect, error=type(exc).__name__)
        ]  # fmt: skip
    finally:
        store.close()
    if have != want:
        return [
            say("database", "warning", "db_behind", "db_backup",
                dialect=store.dialect, branches=len(want - have))
        ]  # fmt: skip
    return [say("database", "ok", "db_ok", dialect=store.dialect)]


def _check_secret_file(say: _Say, name: str, path: Path, *, must_exist: bool) -> Check:
    try:
        info = path.stat()
    except FileNotFoundError:
        if must_exist:
            return say(name, "error", "file_missing", "create_file", path=path)
        parent = path.parent
        while not parent.exists():
            parent = parent.parent
        if not os.access(parent, os.W_OK):
            return say(name, "error", "secret_dir_unwritable", "secret_dir",
                       path=path, parent=parent, dir=path.parent)  # fmt: skip
        return say(name, "ok", "secret_created_later", path=path)
    except OSError as exc:
        return say(name, "error", "file_oserror", "permissions", path=path, error=exc.strerror)
    loose = stat.S_IMODE(info.st_mode) & 0o077
    if name.endswith("password_file"):
        loose &= 0o007  # group-readable (root:recordkeeper 0640) is the documented setup
    if loose:
        return say(name, "error", "secret_loose", "chmod",
                   path=path, mode=oct(stat.S_IMODE(info.st_mode)))  # fmt: skip
    if not os.access(path, os.R_OK):
        return say(name, "error", "secret_unreadable", "chown", path=path)
    return say(name, "ok", "secret_ok", path=path)


def _check_keys(settings: Settings, say: _Say) -> list[Check]:
    audit = settings.audit
    # the personnummer index's HMAC key: the service refuses one others can read
    # (services.privacy.subject_key), so a loose one is an error here too
    subject = settings.retention.subject_key_file
    return [
        _check_secret_file(say, "audit.key_file", audit.key_file, must_exist=False),
        _check_secret_file(say, "audit.master_key_file", audit.master_key_file, must_exist=False),
        _check_secret_file(say, "retention.subject_key_file", subject, must_exist=False),
    ]


def _check_state_dir(settings: Settings, say: _Say) -> list[Check]:
    path = settings.state_dir
    if path.is_dir() and os.access(path, os.W_OK | os.X_OK):
        return [say("state_dir", "ok", "state_ok", path=path)]
    parent = path.parent if path.parent.exists() else Path()
    if not path.exists() and os.access(parent, os.W_OK):
        return [say("state_dir", "ok", "state_created_later", path=path)]
    return [say("state_dir", "error", "state_bad", "state_dir", path=path)]


def _check_roots(settings: Settings, say: _Say) -> list[Check]:
    from recordkeeper.ingest.watcher import NETWORK_FILESYSTEMS, choose_mode, filesystem_type

    found: list[Check] = []
    for root in settings.roots:
        name = f"root {root.name or root.path.name}"
        path = root.path
        if not path.is_dir():
            found.append(say(name, "error", "root_not_dir", "root_mount", path=path))
            continue
        if not os.access(path, os.R_OK | os.X_OK):
            found.append(say(name, "error", "root_unreadable", "root_group", path=path))
            continue
        fs = filesystem_type(path)
        mode = choose_mode(root.mode, fs)
        code = "root_ok_polled" if mode == "poll" else "root_ok"
        found.append(say(name, "ok", code, path=path, fs=fs or "?", mode=mode))
        if mode == "inotify" and fs in NETWORK_FILESYSTEMS:
            found.append(
                say(name, "warning", "root_inotify_network", "root_mode", path=path, fs=fs)
            )
        quarantine = path / settings.retention.quarantine_dir_name
        if not quarantine.is_dir() or not os.access(quarantine, os.W_OK | os.X_OK):
            found.append(
                say(name, "warning", "root_no_quarantine", "quarantine", quarantine=quarantine)
            )
    return found


def _check_smtp(settings: Settings, say: _Say) -> list[Check]:
    from recordkeeper.jobs import build_mailer

    email = settings.email
    if not email.enabled:
        return [say("smtp", "ok", "smtp_off")]
    found: list[Check] = []
    if email.smtp_password_file is not None:
        found.append(
            _check_secret_file(
                say, "email.smtp_password_file", email.smtp_password_file, must_exist=True
            )
        )
    if not (email.registrars or email.project_leads or email.dpos):
        found.append(say("smtp", "warning", "smtp_no_recipients", "recipients"))
    where = f"{email.smtp_host}:{email.smtp_port}"
    try:
        build_mailer(settings).check()
    except (NotifyError, RecordkeeperError) as exc:
        found.append(say("smtp", "error", "smtp_failed", "smtp", where=where, error=exc.message))
        return found
    code = {
        (False, False): "smtp_ok",
        (True, False): "smtp_ok_tls",
        (False, True): "smtp_ok_login",
        (True, True): "smtp_ok_tls_login",
    }[(email.starttls, bool(email.smtp_user))]
    found.append(say("smtp", "ok", code, where=where))
    return found


def _check_stages(settings: Settings, say: _Say) -> list[Check]:
    """The stages after ingest: failures in the last week (a store error while a prompt or a
    classification was written) and must-register versions still without a prompt. Both
    heal by themselves while the daemon runs (the catch-up every rescan interval); a
    warning here says they have not yet, or keep coming back."""
    from recordkeeper.services import stage_failures
    from recordkeeper.services.registration_catchup import count_unprompted
    from recordkeeper.store.unit import Store

    try:
        store = Store(settings.database_url)
        try:
            with store.read() as session:
                failures = stage_failures.summary(session, datetime.now(UTC))
                unprompted = count_unprompted(session)
        finally:
            store.close()
    except Exception:  # unreachable or not migrated: the database check says so already
        return []
    found: list[Check] = []
    for failed in failures:  # older ones are history (`status --json` keeps every count)
        if not failed.recent or failed.last_at is None:
            continue
        found.append(
            say("stages", "warning", "stage_failed_recently", "stage_failures",
                stage=stage_label(failed.stage, say.lang), count=failed.count,
                last_at=failed.last_at.strftime("%Y-%m-%d %H:%M"), error=failed.error)
        )  # fmt: skip
    if unprompted:
        found.append(
            say("stages", "warning", "registration_unprompted", "unprompted",
                count=unprompted, minutes=f"{settings.ingest.rescan_minutes:g}")
        )  # fmt: skip
    return found or [say("stages", "ok", "stages_ok")]


_CHECKS: tuple[Callable[[Settings, _Say], list[Check]], ...] = (
    _check_rules,
    _check_database,
    _check_keys,
    _check_state_dir,
    _check_roots,
    _check_smtp,
    _check_stages,
)


def run_checks(load: Callable[[], Settings], lang: str) -> list[Check]:
    """Every check; a broken config stops there (the rest would only repeat it)."""
    say = _Say(lang)
    try:
        settings = load()
    except RecordkeeperError as exc:
        return [say("config", "error", "config_invalid", "config", error=exc.in_lang(lang))]
    found = [say("config", "ok", "config_ok")]
    for check in _CHECKS:
        try:
            found.extend(check(settings, say))
        except Exception as exc:  # a check must never hide the others
            name = check.__name__.removeprefix("_check_")
            found.append(say(name, "error", "check_failed", error=type(exc).__name__))
    return found


def exit_status(found: list[Check]) -> int:
    errors = [c for c in found if c.status == "error"]
    if not errors:
        return EXIT_OK
    return EXIT_STORE if any(c.check == "database" for c in errors) else EXIT_USAGE


_MARK = {"ok": "✓", "warning": "!", "error": "✗"}


def _counted(key: str, count: int, lang: str) -> str:
    """'1 varning', '2 varningar' (the summary said '1 varningar')."""
    return i18n.t(f"{key}.{'one' if count == 1 else 'many'}", lang, count=count)


@doctor_app.command("doctor")
def doctor(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="One JSON document with every check."),
) -> None:
    """Kontrollera installationen / check the installation: config, database, rules, keys,
    roots, SMTP. Prints what to fix; exit 0 when nothing is wrong, else 2 (3: database)."""
    cli = state(ctx)
    found = run_checks(cli.settings, cli.lang)
    status = exit_status(found)
    if as_json:
        print_json({"ok": status == EXIT_OK, "checks": [asdict(c) for c in found]})
        raise typer.Exit(status)
    for c in found:
        typer.echo(f"{_MARK[c.status]} {c.check}: {c.message}")
        if c.fix and c.status != "ok":
            typer.echo(f"    {i18n.t('doctor.fix', cli.lang)}: {c.fix}")
    errors = sum(c.status == "error" for c in found)
    warnings = sum(c.status == "warning" for c in found)
    summary = "doctor.all_ok" if not errors and not warnings else "doctor.problems"
    typer.echo(
        i18n.t(
            summary,
            cli.lang,
            errors=_counted("doctor.errors", errors, cli.lang),
            warnings=_counted("doctor.warnings", warnings, cli.lang),
        )
    )
    raise typer.Exit(status)
