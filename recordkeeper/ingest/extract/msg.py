"""Outlook messages (.msg, OLE compound file) with extract-msg."""

from __future__ import annotations

import logging
import warnings
from datetime import datetime

import extract_msg
from extract_msg.msg_classes import MessageBase

from recordkeeper.ingest.extract.base import Limits, Parsed, Refused, aware, clean
from recordkeeper.ingest.extract.eml import email_parsed
from recordkeeper.ingest.extract.htmltext import html_to_text
from recordkeeper.model import EmailFacts, UnreadableReason

# extract-msg logs property names and sometimes values at WARNING; keep them out of our logs.
logging.getLogger("extract_msg").setLevel(logging.CRITICAL)


def _split(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(p for part in str(value).replace(";", ",").split(",") if (p := clean(part)))


def _sender(message: MessageBase) -> str | None:
    """`Name <address>`: extract-msg gives only the name when the message has no headers."""
    sender = clean(message.sender)
    if sender and "@" in sender:
        return sender
    address = clean(message.getStringStream("__substg1.0_0C1F"))  # PR_SENDER_EMAIL_ADDRESS
    if address and "@" in address:
        return f"{sender} <{address}>" if sender else address
    return sender


def _attachment_name(attachment: object) -> str | None:
    for attribute in ("longFilename", "shortFilename", "name"):
        value = getattr(attachment, attribute, None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse a .msg file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            message = extract_msg.openMsg(data, delayAttachments=True)
        except Exception as exc:  # extract-msg raises many unrelated types on bad input
            raise Refused(UnreadableReason.CORRUPT, f"msg: {type(exc).__name__}") from exc
        if not isinstance(message, MessageBase):
            message.close()
            raise Refused(UnreadableReason.UNSUPPORTED, "msg file is not an e-mail")
        try:
            sent = message.date
            body = message.body or ""
            if not body.strip():
                html = message.htmlBody
                if isinstance(html, bytes):
                    body = html_to_text(html.decode("utf-8", "replace"))
            attachments = tuple(
                name for a in (message.attachments or []) if (name := _attachment_name(a))
            )
            email = EmailFacts(
                sender=_sender(message),
                recipients=_split(message.to),
                cc=_split(message.cc),
                subject=clean(message.subject),
                sent_at=aware(sent) if isinstance(sent, datetime) else None,
                attachment_names=attachments,
            )
        except Exception as exc:  # same: the library's errors are not a documented tree
            raise Refused(UnreadableReason.CORRUPT, f"msg: {type(exc).__name__}") from exc
        finally:
            message.close()
    return email_parsed(email, body, limits)
