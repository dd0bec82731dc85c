"""PURE: a role's findings -> an e-mail (subject, plain text, HTML), in Swedish or English.

The findings are plain values that the services gather from the registry,
process, retention and audit read functions; nothing here asks for the time,
the database or the network. Templates are Jinja2 files shipped in
`recordkeeper/notify/templates/` (plain text and HTML per role, sharing a
base); HTML is autoescaped. Subjects and headings come from the i18n
catalogue (`recordkeeper/notify/messages.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

import jinja2

from recordkeeper import i18n
from recordkeeper.notify import messages  # noqa: F401  (registers the digest texts)

__all__ = [
    "AuditStatus",
    "DigestLine",
    "DpoFindings",
    "Findings",
    "LeadFindings",
    "ProjectWarnings",
    "RegistrarFindings",
    "RenderedMail",
    "Role",
    "SignedHead",
    "is_empty",
    "render_digest",
]

Role = Literal["registrar", "project_lead", "dpo"]


@dataclass(frozen=True, slots=True)
class DigestLine:
    """One thing to act on. `ref` is the id to quote in the CLI (prompt, document, proposal)."""

    ref: str
    text: str
    project: str | None = None
    due_on: date | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class RegistrarFindings:
    new_prompts: tuple[DigestLine, ...] = ()
    overdue_prompts: tuple[DigestLine, ...] = ()
    alerts: tuple[DigestLine, ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectWarnings:
    project: str
    new: tuple[DigestLine, ...] = ()
    resolved: tuple[DigestLine, ...] = ()


@dataclass(frozen=True, slots=True)
class LeadFindings:
    projects: tuple[ProjectWarnings, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditStatus:
    """The last verification of the audit log: `is_verified` None = not verified yet."""

    is_verified: bool | None
    entries: int
    checked_at: datetime | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SignedHead:
    size: int
    root_hash: str
    signed_at: datetime


@dataclass(frozen=True, slots=True)
class DpoFindings:
    proposals_awaiting: tuple[DigestLine, ...] = ()
    overdue_deletions: tuple[DigestLine, ...] = ()
    audit: AuditStatus | None = None
    head: SignedHead | None = None


Findings = RegistrarFindings | LeadFindings | DpoFindings


@dataclass(frozen=True, slots=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def role_of(findings: Findings) -> Role:
    if isinstance(findings, RegistrarFindings):
        return "registrar"
    if isinstance(findings, LeadFindings):
        return "project_lead"
    return "dpo"


def is_empty(findings: Findings) -> bool:
    """Nothing to tell: no digest is sent. A DPO digest is never empty (audit status)."""
    if isinstance(findings, RegistrarFindings):
        return not (findings.new_prompts or findings.overdue_prompts or findings.alerts)
    if isinstance(findings, LeadFindings):
        return not any(p.new or p.resolved for p in findings.projects)
    return False


def _subject_values(findings: Findings) -> dict[str, object]:
    if isinstance(findings, RegistrarFindings):
        return {
            "new": len(findings.new_prompts),
            "overdue": len(findings.overdue_prompts),
            "alerts": len(findings.alerts),
        }
    if isinstance(findings, LeadFindings):
        return {
            "new": sum(len(p.new) for p in findings.projects),
            "resolved": sum(len(p.resolved) for p in findings.projects),
            "projects": len([p for p in findings.projects if p.new or p.resolved]),
        }
    return {
        "proposals": len(findings.proposals_awaiting),
        "overdue": len(findings.overdue_deletions),
    }


def _audit_state(findings: DpoFindings) -> str:
    audit = findings.audit
    if audit is None or audit.is_verified is None:
        return "unknown"
    return "ok" if audit.is_verified else "failed"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("recordkeeper.notify", "templates"),
        # escape HTML templates only; plain-text bodies must not get &lt; entities
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


_ENV = _environment()


def render_digest(
    findings: Findings, *, lang: str, period_start: datetime, period_end: datetime
) -> RenderedMail:
    """Render one digest.

    Args:
        findings: what the role should see (plain values).
        lang: "sv" or "en"; unknown languages fall back to Swedish.
        period_start: the digest covers news since this time (previous digest).
        period_end: the time the digest was made.

    Returns:
        Subject, plain text and HTML of the message.
    """
    lang = lang if lang in i18n.LANGUAGES else i18n.DEFAULT_LANG
    role = role_of(findings)
    values = _subject_values(findings)

    def t(key: str, **kw: object) -> str:
        return i18n.t(key, lang, **kw)

    context: dict[str, object] = {}
    if isinstance(findings, DpoFindings):
        values["audit"] = t(f"digest.audit.{_audit_state(findings)}")
        context.update(_dpo_lines(findings, t))
    context |= {
        "f": findings,
        "t": t,
        "lang": lang,
        "period_start": period_start,
        "period_end": period_end,
        "fmt_date": _fmt_date,
        "fmt_time": _fmt_time,
    }
    subject = t(f"digest.{role}.subject", **values)
    text = _ENV.get_template(f"{role}.txt.j2").render(context, subject=subject)
    html = _ENV.get_template(f"{role}.html.j2").render(context, subject=subject)
    return RenderedMail(subject=subject, text=text, html=html)


def _dpo_lines(findings: DpoFindings, t: Callable[..., str]) -> dict[str, object]:
    audit, head = findings.audit, findings.head
    state = _audit_state(findings)
    audit_line = t(
        "digest.dpo.audit_line",
        state=t(f"digest.audit.{state}"),
        entries=audit.entries if audit else 0,
        checked_at=_fmt_time(audit.checked_at if audit else None) or "-",
    )
    if audit is not None and audit.detail:
        audit_line += f" {audit.detail}"
    head_line = (
        t(
            "digest.dpo.head",
            size=head.size,
            root_hash=head.root_hash,
            signed_at=_fmt_time(head.signed_at),
        )
        if head
        else t("digest.dpo.no_head")
    )
    return {"audit_line": audit_line, "head_line": head_line, "audit_failed": state == "failed"}


def _fmt_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def _fmt_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M %Z").strip() if value else ""
