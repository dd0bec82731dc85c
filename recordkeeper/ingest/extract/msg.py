"""Outlook messages (.msg, OLE compound file) with extract-msg."""

from __future__ import annotations

import logging
import warnings
from datetime import datetime
from email.utils import format_datetime

import extract_msg
from extract_msg.msg_classes import CalendarBase, MessageBase

from recordkeeper.ingest.extract import ole
from recordkeeper.ingest.extract.base import Limits, Parsed, Refused, aware, clean
from recordkeeper.ingest.extract.eml import email_parsed, forward_block
from recordkeeper.ingest.extract.htmltext import html_to_text
from recordkeeper.model import EmailFacts, UnreadableReason

# extract-msg logs property names and sometimes values at WARNING; keep them out of our logs.
logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
# extract-msg's and olefile's lookups made linear: 10,000 attachments were `timeout`
ole.install_extract_msg()


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


_MAX_DEPTH = 8


def _text(message: MessageBase) -> str:
    body = message.body or ""
    if not body.strip():
        html = message.htmlBody
        if isinstance(html, bytes):
            body = html_to_text(html.decode("utf-8", "replace"))
    return body


def _carried(message: MessageBase, depth: int = 0) -> tuple[list[str], list[str], int]:
    """The mails attached whole to `message` (Outlook's "forward as attachment": an
    embedded message), each as an inline forward shows it, and their attachments' names,
    as an .eml's message/rfc822 parts are read; one that cannot be read is left out and
    counted (the third value), so the file records it (`UNREADABLE_PARTS`)."""
    blocks: list[str] = []
    names: list[str] = []
    unreadable = 0
    if depth < _MAX_DEPTH:
        for attachment in message.attachments or []:
            found = _carried_one(attachment, depth)
            if found is None:
                unreadable += 1
                continue
            blocks += found[0]
            names += found[1]
            unreadable += found[2]
    return blocks, names, unreadable


def _carried_one(attachment: object, depth: int) -> tuple[list[str], list[str], int] | None:
    """`_carried` of one attachment: ([], [], 0) for no embedded message, None if its
    embedded message cannot be read."""
    try:
        inner = getattr(attachment, "data", None)
        if not isinstance(inner, MessageBase):
            return [], [], 0
        sent = aware(inner.date) if isinstance(inner.date, datetime) else None
        block = forward_block(
            _sender(inner),
            # as an .eml's Date header: an RFC 5322 date with its offset, which the registry
            # reads as a moment in the agency's zone (an ISO date would be read as UTC's day)
            format_datetime(sent) if sent is not None else None,
            ", ".join(_split(inner.to)),
            clean(inner.subject),
            _text(inner),
        )
        names = [n for a in (inner.attachments or []) if (n := _attachment_name(a))]
        deeper, deeper_names, unreadable = _carried(inner, depth + 1)
    except Exception:  # extract-msg raises many unrelated types on bad input
        return None
    return [block, *deeper], names + deeper_names, unreadable


def extract(data: bytes, limits: Limits) -> Parsed:
    """Parse a .msg file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            message = extract_msg.openMsg(data, delayAttachments=True)
        except ole.OleTooManyEntries as exc:
            raise Refused(UnreadableReason.TOO_MANY_PARTS, str(exc)) from exc
        except Exception as exc:  # extract-msg raises many unrelated types on bad input
            raise Refused(UnreadableReason.CORRUPT, f"msg: {type(exc).__name__}") from exc
        if not isinstance(message, MessageBase):
            message.close()
            raise Refused(UnreadableReason.UNSUPPORTED, "msg file is not an e-mail")
        try:
            sent = message.date
            body = _text(message)
            carried, inner_names, unreadable = _carried(message)
            if carried:  # mails attached whole follow the mail's own text, as in an .eml
                body = "\n\n".join([body.rstrip("\r\n"), *carried]).lstrip("\r\n")
            attachments = tuple(
                name for a in (message.attachments or []) if (name := _attachment_name(a))
            ) + tuple(inner_names)
            calendar = isinstance(message, CalendarBase)  # a meeting request, appointment
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
    return email_parsed(email, body, limits, unreadable, calendar)
