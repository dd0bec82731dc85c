"""Write real Outlook .msg files for tests (aspose-email-foss, a pure-Python MSG writer).

`recordkeeper.samples.builders` has no .msg builder: no library we ship writes
the format, so this test-only one lives here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import olefile
from aspose.email_foss import msg

_EMBEDDED = "__substg1.0_3701000D"  # an attachment's embedded message (PR_ATTACH_DATA_OBJ)
_PROPERTIES = "__properties_version1.0"


def make_msg(
    path: Path,
    *,
    sender_name: str,
    sender_email: str,
    to: Sequence[tuple[str, str]],
    cc: Sequence[tuple[str, str]] = (),
    subject: str,
    body: str,
    sent_at: datetime | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
    carried: Sequence[tuple[str, msg.MapiMessage]] = (),
) -> Path:
    """An Outlook message; recipients are (display name, address); `carried`: messages
    attached whole (Outlook's "forward as attachment"), (file name, `mapi_message`)."""
    message = mapi_message(
        sender_name=sender_name,
        sender_email=sender_email,
        to=to,
        cc=cc,
        subject=subject,
        body=body,
        sent_at=sent_at,
        attachments=attachments,
    )
    for name, inner in carried:
        message.add_embedded_message_attachment(inner, filename=name)
    path.parent.mkdir(parents=True, exist_ok=True)
    message.save(str(path))
    if carried:
        _embedded_headers_as_specified(path)
    return path


def _embedded_headers_as_specified(path: Path) -> None:
    """aspose-email-foss writes an embedded message's property stream with the 32-byte
    header of a top-level message; MS-OXMSG 2.4.1.2 gives an embedded one 24 bytes, as
    Outlook writes it and extract-msg reads it (else its fixed-size properties, such as the
    time it was sent, are read 8 bytes off). Shifted in place (olefile cannot resize a
    stream): the 8 bytes left at the end are no whole property and are ignored."""
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        for entry in ole.listdir():
            if len(entry) >= 2 and entry[-2] == _EMBEDDED and entry[-1] == _PROPERTIES:
                data = ole.openstream(entry).read()
                if (len(data) - 32) % 16 == 0:
                    ole.write_stream(entry, data[:24] + data[32:] + bytes(8))


def mapi_message(
    *,
    sender_name: str,
    sender_email: str,
    to: Sequence[tuple[str, str]],
    cc: Sequence[tuple[str, str]] = (),
    subject: str,
    body: str,
    sent_at: datetime | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
) -> msg.MapiMessage:
    """The message `make_msg` writes, as an object (to attach it whole to another)."""
    message = msg.MapiMessage.create(subject, body)
    message.set_property(msg.PropertyId.SENDER_NAME, sender_name)
    message.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, sender_email)
    message.set_property(
        msg.PropertyId.MESSAGE_DELIVERY_TIME, sent_at or datetime(2025, 4, 2, 10, 30, tzinfo=UTC)
    )
    for name, address in to:
        message.add_recipient(address, display_name=name, recipient_type=1)
    for name, address in cc:
        message.add_recipient(address, display_name=name, recipient_type=2)
    for name, content in attachments:
        message.add_attachment(name, content, mime_type="application/octet-stream")
    return message
