"""Settings: embedded defaults < config file (TOML) < environment < CLI flags.

`load_settings()` is called once, by the shell, and the result is passed down
inside the service `Context`. Nothing here reads the environment at import.
Every key is documented in `config/recordkeeper.example.toml`; unknown keys
are errors reported with file and line (`recordkeeper config check`).
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from recordkeeper.config_messages import problem_texts, texts, toml_texts
from recordkeeper.errors import ConfigError
from recordkeeper.i18n import LANGUAGES

CONFIG_ENV = "RECORDKEEPER_CONFIG"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _default_rules_dir() -> Path:
    """The repository's `rules/` beside the package, else `./rules`."""
    beside = _PACKAGE_DIR.parent / "rules"
    return beside if beside.is_dir() else Path("rules")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RootConfig(_Section):
    """One watched share."""

    path: Path
    mode: Literal["auto", "inotify", "poll"] = "auto"
    name: str | None = None  # label in reports; defaults to the folder name


class IngestConfig(_Section):
    stable_seconds: float = Field(2.0, ge=0)
    rescan_minutes: float = Field(15.0, gt=0)
    poll_interval_seconds: float = Field(5.0, gt=0)
    workers: int = Field(2, ge=1, le=64)
    max_file_bytes: int = Field(200 * 1024 * 1024, gt=0)
    max_uncompressed_bytes: int = Field(500 * 1024 * 1024, gt=0)
    max_compression_ratio: float = Field(200.0, gt=1)
    extract_timeout_seconds: float = Field(60.0, gt=0)
    extract_memory_mb: int = Field(1024, ge=64)
    max_text_chars: int = Field(2_000_000, gt=0)
    ignore_patterns: tuple[str, ...] = (
        "~$*",
        "~WRL*.tmp",
        ".~lock.*#",
        ".DS_Store",
        "Thumbs.db",
        "desktop.ini",
        "*.tmp",
        ".git",
        "@eaDir",
        ".recordkeeper-quarantine",
    )


class AuditConfig(_Section):
    key_file: Path = Path("var/keys/audit-ed25519.pem")
    master_key_file: Path = Path("var/keys/master.key")
    head_interval_minutes: float = Field(60.0, gt=0)


class RetentionConfig(_Section):
    # Folder at the top of each root where approved files wait before deletion;
    # on the same filesystem as the share, so moving there is an atomic rename.
    quarantine_dir_name: str = ".recordkeeper-quarantine"
    grace_days: float = Field(30.0, ge=0)
    job_interval_minutes: float = Field(60.0, gt=0)
    # Key of the keyed hashes in the subject index (privacy find); created 0600.
    subject_key_file: Path = Path("var/keys/subject-index.key")


_CRON_FIELDS = 5


class RecipientConfig(_Section):
    """One person who gets a digest; `projects` narrows a project lead's digest."""

    address: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    lang: Literal["sv", "en"] | None = None  # default: the top-level `lang`
    projects: tuple[str, ...] = ()  # project leads: their project ids; empty = every project


class EmailConfig(_Section):
    """E-mail digests per role, sent through an outbox (see docs/install.md)."""

    enabled: bool = False
    smtp_host: str = "localhost"
    smtp_port: int = Field(25, ge=1, le=65535)
    starttls: bool = False
    smtp_user: str | None = None
    # the password lives in its own file (mode 0600/0640), never in the config
    smtp_password_file: Path | None = None
    # extra CA certificate(s) to trust for STARTTLS, e.g. the agency's own CA
    ca_file: Path | None = None
    sender: str = Field("recordkeeper@localhost", pattern=r"^[^@\s]+@[^@\s]+$")
    timeout_seconds: float = Field(30.0, gt=0)
    registrars: tuple[RecipientConfig, ...] = ()
    project_leads: tuple[RecipientConfig, ...] = ()
    dpos: tuple[RecipientConfig, ...] = ()
    # crontab lines (minute hour day month weekday), local time of the server
    registrar_schedule: str = "30 7 * * mon-fri"
    project_lead_schedule: str = "0 8 * * mon-fri"
    dpo_schedule: str = "0 8 * * mon"
    # how often unsent messages are retried (doubling up to an hour after failures)
    retry_minutes: float = Field(5.0, gt=0)

    @field_validator("registrar_schedule", "project_lead_schedule", "dpo_schedule")
    @classmethod
    def _crontab(cls, value: str) -> str:
        from apscheduler.triggers.cron import CronTrigger

        if len(value.split()) != _CRON_FIELDS:
            raise PydanticCustomError(  # named, so config check says it in Swedish too
                "crontab_fields", "expected 5 crontab fields: minute hour day month weekday"
            )
        CronTrigger.from_crontab(value)  # ValueError names the bad field
        return value


class MetricsConfig(_Section):
    """Prometheus text format on a local port (off by default)."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(9464, ge=1, le=65535)


class WebConfig(_Section):
    # The web interface; the daemon serves it when enabled, `recordkeeper web` always.
    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(8470, ge=1, le=65535)
    session_hours: float = Field(8.0, gt=0)
    # Cookies carry the Secure flag; browsers accept that on http://localhost too.
    secure_cookies: bool = True
    login_attempts_per_window: int = Field(5, ge=1)
    login_window_minutes: float = Field(15.0, gt=0)
    # Single sign-on through a reverse proxy: trust this header for the user name,
    # only from these client addresses. Off (empty) by default.
    trusted_user_header: str = ""
    trusted_proxies: tuple[str, ...] = ()
    # argon2id cost of password hashes (RFC 9106 second recommendation by default)
    password_time_cost: int = Field(3, ge=1)
    password_memory_kib: int = Field(65536, ge=1024)


class Settings(BaseSettings):
    """All settings. Nested keys map to `RECORDKEEPER_SECTION__KEY` variables."""

    model_config = SettingsConfigDict(
        env_prefix="RECORDKEEPER_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    lang: Literal["sv", "en"] = "sv"
    state_dir: Path = Path("var")
    database_url: str = "sqlite:///var/recordkeeper.db"
    rules_dir: Path = Field(default_factory=_default_rules_dir)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    roots: tuple[RootConfig, ...] = (RootConfig(path=Path("var/share")),)
    ingest: IngestConfig = IngestConfig()
    audit: AuditConfig = AuditConfig()
    retention: RetentionConfig = RetentionConfig()
    email: EmailConfig = EmailConfig()
    metrics: MetricsConfig = MetricsConfig()
    web: WebConfig = WebConfig()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # load_settings merges file, environment and flags itself (in that order of
        # precedence, lowest first) and passes the result as init kwargs.
        return (init_settings,)


def _locate(text: str, loc: tuple[str | int, ...]) -> int:
    """Best-effort 1-based line of a dotted key in TOML text (0 if not found)."""
    keys = [str(k) for k in loc if isinstance(k, str)]
    if not keys:
        return 0
    section, key = ".".join(keys[:-1]), keys[-1]
    current = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            current = line.strip("[]").strip()
            if current == ".".join(keys):
                return number
        elif current == section and re.match(rf"{re.escape(key)}\s*=", line):
            return number
    return 0


def read_config_file(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML config file; raises ConfigError with the line on syntax errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise _error(texts("config.cannot_read", path=path, reason=exc.strerror)) from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise _error(toml_texts(path, str(exc))) from exc


def load_settings(
    config_path: Path | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    """Build Settings from defaults, the config file, the environment and overrides.

    Args:
        config_path: TOML file; when None, `RECORDKEEPER_CONFIG` is consulted.
        overrides: values from command-line flags (highest precedence).

    Raises:
        ConfigError: naming file and line for each invalid or unknown key.
    """
    if config_path is None and os.environ.get(CONFIG_ENV):
        config_path = Path(os.environ[CONFIG_ENV])
    file_values: dict[str, Any] = {}
    text = ""
    if config_path is not None:
        file_values, text = read_config_file(config_path)
    merged = _deep_merge(file_values, overrides or {})
    try:
        return _with_env(merged)
    except ValidationError as exc:
        where = str(config_path) if config_path else None
        problems = [
            problem_texts(where, _locate(text, tuple(err["loc"])) if text else 0, err)
            for err in exc.errors()
        ]
        raise _error({lang: "\n".join(p[lang] for p in problems) for lang in LANGUAGES}) from exc


def _error(texts: dict[str, str]) -> ConfigError:
    """English in `message` (logs, tests), every language in `texts` (what a person reads)."""
    return ConfigError(texts["en"], texts=texts)


def _with_env(file_values: dict[str, Any]) -> Settings:
    """Environment beats the file: overlay RECORDKEEPER_* values on the file values."""
    source = EnvSettingsSource(Settings, env_prefix="RECORDKEEPER_", env_nested_delimiter="__")
    env_values = {k: v for k, v in source().items() if k != "config"}
    return Settings(**_deep_merge(file_values, env_values))


def _deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out
