"""EDGE: send one e-mail over SMTP (smtplib); every failure becomes a NotifyError.

STARTTLS (verifying the server's certificate against the system CAs plus an
optional CA file) and AUTH are supported. Each message carries a Message-ID
derived from its outbox key, so if a crash between "server accepted" and
"marked sent" ever makes the outbox send it again, mail clients show it once.
Error messages carry the failure class and SMTP code, never an address.
"""

from __future__ import annotations

import hashlib
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from recordkeeper.errors import ConfigError, NotifyError
from recordkeeper.notify.render import RenderedMail

__all__ = ["OutgoingMail", "SmtpMailer", "SmtpSettings", "message_id"]


@dataclass(frozen=True, slots=True)
class OutgoingMail:
    key: str
    recipient: str
    mail: RenderedMail
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    starttls: bool = False
    user: str | None = None
    password_file: Path | None = None
    ca_file: Path | None = None
    timeout_s: float = 30.0


def message_id(key: str, sender: str) -> str:
    """A stable Message-ID for an outbox key."""
    domain = sender.rpartition("@")[2] or "recordkeeper.invalid"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def _build(mail: OutgoingMail, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = mail.recipient
    msg["Subject"] = mail.mail.subject
    msg["Message-ID"] = message_id(mail.key, sender)
    if mail.created_at is not None:
        msg["Date"] = format_datetime(mail.created_at)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    msg.set_content(mail.mail.text)
    msg.add_alternative(mail.mail.html, subtype="html")
    return msg


class SmtpMailer:
    """Sends through one SMTP server; a new connection per batch."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._password = _read_password(settings.password_file)

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.settings.ca_file is not None:
            context.load_verify_locations(cafile=str(self.settings.ca_file))
        return context

    def _session(self) -> smtplib.SMTP:
        s = self.settings
        client = smtplib.SMTP(s.host, s.port, timeout=s.timeout_s)
        try:
            if s.starttls:
                client.starttls(context=self._tls_context())
            if s.user:
                client.login(s.user, self._password or "")
        except BaseException:
            client.close()
            raise
        return client

    def send(self, mail: OutgoingMail) -> None:
        """Send one mail on its own connection (digests are few; no partial batches).

        Raises:
            NotifyError: code `notify_unreachable` when no session could be set up
                (server down, TLS or login refused), `notify_failed` when the
                server refused this message.
        """
        try:
            client = self._session()
        except (smtplib.SMTPException, OSError) as exc:
            raise _notify_error(exc, "notify_unreachable") from exc
        try:
            with client:
                client.send_message(_build(mail, self.settings.sender))
        except (smtplib.SMTPException, OSError) as exc:
            raise _notify_error(exc, "notify_failed") from exc

    def check(self) -> None:
        """Connect, STARTTLS and log in without sending (for `doctor`)."""
        try:
            with self._session() as client:
                client.noop()
        except (smtplib.SMTPException, OSError) as exc:
            raise _notify_error(exc, "notify_unreachable") from exc


def _notify_error(exc: BaseException, code_id: str) -> NotifyError:
    code = ""
    if isinstance(exc, smtplib.SMTPResponseException):
        code = f" {exc.smtp_code}"
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({c for c, _ in exc.recipients.values()})
        code = " " + ",".join(str(c) for c in codes)
    elif isinstance(exc, TimeoutError):
        code = " timeout"
    return NotifyError(f"smtp: {type(exc).__name__}{code}", code=code_id)


def _read_password(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"email.smtp_password_file: cannot read ({exc.strerror})") from exc
