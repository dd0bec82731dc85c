"""The exception tree of recordkeeper; nothing else lives here.

    RecordkeeperError                 code (stable snake_case id, also the i18n key), exit_status
    ├── ConfigError                   settings missing/invalid                     -> exit 2
    ├── RuleFileError                 file, line, plain message                    -> exit 2
    │   └── ProjectFileError          a project's own file (projekt.yaml) is invalid -> exit 2
    ├── UsageError                    a command was called wrongly                 -> exit 2
    ├── StoreError                    database unreachable, schema not migrated    -> exit 3
    ├── NotFound                      an id that does not exist                    -> exit 2
    ├── AuditIntegrityError           a tree that does not verify, bad signature   -> exit 4
    ├── DecisionRequired              deletion without an approved decision        -> exit 5
    └── NotifyError                   SMTP failed; the job retries later           -> never fatal

Messages never carry personal data: they name documents by id, never by a
path that may hold a name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_STORE = 3
EXIT_AUDIT = 4
EXIT_REFUSED = 5


class RecordkeeperError(Exception):
    """Root of every error recordkeeper raises on purpose."""

    code: str = "error"
    exit_status: int = EXIT_INTERNAL

    def __init__(
        self, message: str, *, code: str | None = None, texts: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.texts = dict(texts or {})  # {lang: message} where the raiser rendered them
        if code is not None:
            self.code = code

    def in_lang(self, lang: str) -> str:
        """The message in `lang` when the raiser gave it in `texts`, else `message`."""
        return self.texts.get(lang, self.message)


class ConfigError(RecordkeeperError):
    code = "config_invalid"
    exit_status = EXIT_USAGE


class UsageError(RecordkeeperError):
    code = "usage"
    exit_status = EXIT_USAGE


class NotFound(RecordkeeperError):
    code = "not_found"
    exit_status = EXIT_USAGE


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One problem in one rule file, located by line (1-based; 0 when unknown)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class RuleFileError(RecordkeeperError):
    """One or more rule files are invalid; `problems` lists each with file and line."""

    code = "rules_invalid"
    exit_status = EXIT_USAGE

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ProjectFileError(RuleFileError):
    """A project file (projekt.yaml / recordkeeper-project.yaml) is invalid."""

    code = "project_file_invalid"


class StoreError(RecordkeeperError):
    code = "store_unavailable"
    exit_status = EXIT_STORE


class AuditIntegrityError(RecordkeeperError):
    code = "audit_integrity"
    exit_status = EXIT_AUDIT


class DecisionRequired(RecordkeeperError):
    code = "decision_required"
    exit_status = EXIT_REFUSED


class NotifyError(RecordkeeperError):
    code = "notify_failed"
    exit_status = EXIT_INTERNAL
