"""PURE core of registration (diarieföring): working days and due dates,
whether a document must be registered, the proposed OSL 5:2 record, and
checks on a registrar's answer. Storage and the audit trail are the
service's job (`recordkeeper.services.registration`).
"""

from recordkeeper.registry import messages as messages  # registers the texts
from recordkeeper.registry.answers import DISMISS_CODES, InvalidDnr, dismiss_code, validate_dnr
from recordkeeper.registry.proposal import (
    ProposedRecord,
    Reason,
    SentCopy,
    attachment_key,
    external_recipients,
    propose_record,
    registration_duty,
)
from recordkeeper.registry.workdays import Escalation, WorkCalendar, due_on, escalation

__all__ = [
    "DISMISS_CODES",
    "Escalation",
    "InvalidDnr",
    "ProposedRecord",
    "Reason",
    "SentCopy",
    "WorkCalendar",
    "attachment_key",
    "dismiss_code",
    "due_on",
    "escalation",
    "external_recipients",
    "propose_record",
    "registration_duty",
    "validate_dnr",
]
