"""E-mail (.eml): headers into EmailFacts, the text body, attachment names (stdlib email)."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.headerregistry import AddressHeader
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from recordkeeper.ingest.extract.base import Limits, Parsed, Refused, aware, cap_text, clean
from recordkeeper.ingest.extract.htmltext import html_to_text
from recordkeeper.model import EmailFacts, UnreadableReason

_REQUIRED_ANY = ("from", "to", "subject", "date", "message-id")


def _addresses(message: Message, name: str) -> tuple[str, ...]:
    try:
        header = message.get(name)
    except (ValueError, IndexError, TypeError):
        return ()
    if header is None:
        return ()
    if isinstance(header, AddressHeader):
        return tuple(str(address) for address in header.addresses if str(address))
    return tuple(p for part in str(header).split(",") if (p := clean(part)))


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):
        return None
    return clean(str(value)) if value is not None else None


def _sent_at(message: Message) -> datetime | None:
    raw = _header(message, "date")
    if not raw:
        return None
    try:
        return aware(parsedate_to_datetime(raw))
    except (TypeError, ValueError, IndexError):
        return None


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, KeyError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def _attachment_names(message: EmailMessage) -> tuple[str, ...]:
    names: list[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if filename and disposition in ("attachment", "inline", None):
            names.append(" ".join(filename.split()))
    return tuple(names)


def email_parsed(email: EmailFacts, body: str, limits: Limits) -> Parsed:
    """The Parsed value shared by .eml and .msg."""
    metadata = {"subject": email.subject} if email.subject else {}
    return Parsed(
        text=cap_text(body, limits.max_text_chars),
        title=email.subject,
        metadata=metadata,
        created_at=email.sent_at,
        modified_at=email.sent_at,
        email=email,
    )


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse an RFC 5322 message."""
    if b"\x00" in data[:8192]:
        raise Refused(UnreadableReason.CORRUPT, "binary data in e-mail")
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):
        raise Refused(UnreadableReason.CORRUPT, "not an e-mail message")
    if not any(key in message for key in _REQUIRED_ANY):
        raise Refused(UnreadableReason.CORRUPT, "no e-mail headers")
    email = EmailFacts(
        sender=next(iter(_addresses(message, "from")), None),
        recipients=_addresses(message, "to"),
        cc=_addresses(message, "cc"),
        subject=_header(message, "subject"),
        sent_at=_sent_at(message),
        attachment_names=_attachment_names(message),
    )
    return email_parsed(email, _body(message), limits)
