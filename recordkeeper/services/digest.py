"""Use cases of the e-mail digests: make each role's digest, queue it, send the queue.

`enqueue_digests` renders one digest per recipient of a role and stores it in
the outbox under a key (role, recipient, day): running it twice, on two
instances, or again after a restart queues nothing new. `flush_outbox` sends
what is due: each message is claimed with a conditional UPDATE (so two
instances never both send it), sent, and marked sent; a failure puts it back
with a growing delay, so an SMTP outage loses nothing. A message left
`sending` by a crash is retried after `STALE_CLAIM` (at-least-once; its
Message-ID is stable, so a duplicate shows once in mail clients).

What the digests say comes from a `DigestSources` (read functions of the
registry, process, retention and audit features, as plain values).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, cast

import structlog
from sqlalchemy import CursorResult, func, select, update

from recordkeeper.config import RecipientConfig
from recordkeeper.errors import NotifyError, StoreError
from recordkeeper.notify.render import (
    DpoFindings,
    Findings,
    LeadFindings,
    RegistrarFindings,
    RenderedMail,
    Role,
    is_empty,
    render_digest,
)
from recordkeeper.notify.smtp import OutgoingMail
from recordkeeper.services.context import Context
from recordkeeper.store.tables_notify import OutboxRow

log = structlog.get_logger(__name__)

STALE_CLAIM = timedelta(minutes=15)
MAX_BACKOFF = timedelta(hours=1)
_FIRST_PERIOD = {"registrar": timedelta(days=1), "project_lead": timedelta(days=1)}


class Mailer(Protocol):
    """Sends one message. MUST raise NotifyError (code `notify_unreachable` when
    the server could not be reached at all) and nothing else on failure."""

    def send(self, mail: OutgoingMail) -> None: ...


class DigestSources(Protocol):
    """Read functions behind the digests; each returns plain values for [since, now), its
    texts in `lang` (the recipient's language)."""

    def registrar(
        self, ctx: Context, since: datetime, now: datetime, lang: str
    ) -> RegistrarFindings: ...

    def project_lead(self, ctx: Context, since: datetime, now: datetime, lang: str) -> LeadFindings:
        """Warnings of every project; each lead's digest keeps only their projects."""

    def dpo(self, ctx: Context, since: datetime, now: datetime, lang: str) -> DpoFindings: ...


@dataclass
class FlushReport:
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def recipients(ctx: Context, role: Role) -> tuple[RecipientConfig, ...]:
    email = ctx.settings.email
    return {"registrar": email.registrars, "project_lead": email.project_leads, "dpo": email.dpos}[
        role
    ]


def digest_key(role: Role, address: str, now: datetime) -> str:
    """One digest per role, recipient and day; the address enters only as a hash."""
    who = hashlib.sha256(address.lower().encode()).hexdigest()[:16]
    return f"digest:{role}:{who}:{now.date().isoformat()}"


def _gather(
    sources: DigestSources,
    ctx: Context,
    role: Role,
    who: RecipientConfig,
    since: datetime,
    lang: str,
) -> Findings:
    now = ctx.clock.now()
    if role == "registrar":
        return sources.registrar(ctx, since, now, lang)
    if role == "project_lead":
        found = sources.project_lead(ctx, since, now, lang)
        if not who.projects:
            return found
        return LeadFindings(tuple(p for p in found.projects if p.project in who.projects))
    return sources.dpo(ctx, since, now, lang)


def _last_digest_at(ctx: Context, role: Role, address: str) -> datetime | None:
    with ctx.store.read() as session:
        return session.execute(
            select(func.max(OutboxRow.created_at)).where(
                OutboxRow.role == role, OutboxRow.recipient == address
            )
        ).scalar_one_or_none()


def enqueue_digests(ctx: Context, role: Role, sources: DigestSources) -> list[str]:
    """Queue today's digest of `role` for each of its recipients; returns the new keys."""
    now = ctx.clock.now()
    queued: list[str] = []
    for who in recipients(ctx, role):
        key = digest_key(role, who.address, now)
        with ctx.store.read() as session:
            if session.execute(select(OutboxRow.id).where(OutboxRow.key == key)).first():
                continue
        last = _last_digest_at(ctx, role, who.address)
        since = last or now - _FIRST_PERIOD.get(role, timedelta(days=7))
        lang = who.lang or ctx.settings.lang  # the recipient's, else the configured one
        findings = _gather(sources, ctx, role, who, since, lang)
        if is_empty(findings):
            continue
        mail = render_digest(findings, lang=lang, period_start=since, period_end=now)
        row = OutboxRow(
            key=key, role=role, recipient=who.address, subject=mail.subject,
            body_text=mail.text, body_html=mail.html, state="pending", attempts=0,
            created_at=now, next_attempt_at=now,
        )  # fmt: skip
        try:
            with ctx.store.transaction() as tx:
                tx.session.add(row)
        except StoreError:
            # another instance queued the same key between our check and insert
            log.info("digest_already_queued", role=role, key=key)
            continue
        log.info("digest_queued", role=role, key=key)
        queued.append(key)
    return queued


def _backoff(ctx: Context, attempts: int) -> timedelta:
    base = timedelta(minutes=ctx.settings.email.retry_minutes)
    return min(base * (1 << max(attempts - 1, 0)), MAX_BACKOFF)


def _claim(ctx: Context, outbox_id: int, now: datetime) -> OutboxRow | None:
    with ctx.store.transaction() as tx:
        result = tx.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == outbox_id, OutboxRow.state == "pending")
            .values(state="sending", claimed_at=now)
        )
        if cast("CursorResult[Any]", result).rowcount != 1:
            return None
        return tx.session.get(OutboxRow, outbox_id)


def _release_stale_claims(ctx: Context, now: datetime) -> None:
    with ctx.store.transaction() as tx:
        tx.session.execute(
            update(OutboxRow)
            .where(OutboxRow.state == "sending", OutboxRow.claimed_at < now - STALE_CLAIM)
            .values(state="pending")
        )


def flush_outbox(ctx: Context, mailer: Mailer) -> FlushReport:
    """Send every due message once; failures are kept for a later retry (never raised)."""
    now = ctx.clock.now()
    report = FlushReport()
    _release_stale_claims(ctx, now)
    with ctx.store.read() as session:
        due = list(
            session.execute(
                select(OutboxRow.id)
                .where(OutboxRow.state == "pending", OutboxRow.next_attempt_at <= now)
                .order_by(OutboxRow.id)
            ).scalars()
        )
    for outbox_id in due:
        row = _claim(ctx, outbox_id, now)
        if row is None:
            continue  # another instance has it
        mail = OutgoingMail(
            key=row.key,
            recipient=row.recipient,
            mail=_rendered(row),
            created_at=row.created_at,
        )
        try:
            mailer.send(mail)
        except NotifyError as exc:
            _mark_failed(ctx, row, exc, now)
            report.failed += 1
            report.errors.append(exc.message)
            if exc.code == "notify_unreachable":
                break  # the rest would fail the same way; retried at the next flush
            continue
        with ctx.store.transaction() as tx:
            tx.session.execute(
                update(OutboxRow)
                .where(OutboxRow.id == row.id)
                .values(state="sent", sent_at=now, attempts=row.attempts + 1, last_error=None)
            )
        log.info("mail_sent", role=row.role, key=row.key)
        report.sent += 1
    return report


def _rendered(row: OutboxRow) -> RenderedMail:
    return RenderedMail(subject=row.subject, text=row.body_text, html=row.body_html)


def _mark_failed(ctx: Context, row: OutboxRow, exc: NotifyError, now: datetime) -> None:
    attempts = row.attempts + 1
    with ctx.store.transaction() as tx:
        tx.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == row.id)
            .values(
                state="pending",
                attempts=attempts,
                last_error=exc.message[:64],
                next_attempt_at=now + _backoff(ctx, attempts),
            )
        )
    log.warning("mail_failed", role=row.role, key=row.key, error=exc.message, attempts=attempts)


def pending_count(ctx: Context) -> int:
    """Messages not yet sent (for status and metrics)."""
    with ctx.store.read() as session:
        return int(
            session.execute(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.state != "sent")
            ).scalar_one()
        )
