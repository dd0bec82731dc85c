"""E-mail digests end to end against a real SMTP server (aiosmtpd on 127.0.0.1).

The outbox runs on the real store (SQLite and PostgreSQL); the digest content
comes from `StaticSources`, an honest stand-in for the registry, process,
retention and audit read functions.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from recordkeeper.config import EmailConfig, RecipientConfig, Settings
from recordkeeper.notify.render import (
    AuditStatus,
    DigestLine,
    DpoFindings,
    LeadFindings,
    ProjectWarnings,
    RegistrarFindings,
    SignedHead,
)
from recordkeeper.notify.smtp import SmtpMailer, SmtpSettings
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.digest import enqueue_digests, flush_outbox
from recordkeeper.store.tables_notify import OutboxRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

AT = dt.datetime(2025, 6, 2, 7, 30, tzinfo=dt.UTC)


@dataclass
class StaticSources:
    registrar_findings: RegistrarFindings = field(
        default_factory=lambda: RegistrarFindings(
            new_prompts=(
                DigestLine("p-101", "Jävsdeklaration sakkunnig", "FMB-rygg", dt.date(2025, 6, 3)),
            ),
            overdue_prompts=(DigestLine("p-099", "Avtal om ersättning", "FMB-rygg"),),
            alerts=(DigestLine("d-042", "Diarieförd handling ändrad", "FMB-knä"),),
        )
    )
    lead_findings: LeadFindings = field(
        default_factory=lambda: LeadFindings(
            (
                ProjectWarnings(
                    "FMB-rygg",
                    new=(DigestLine("recruit_project_group", "Avtal utan jävsdeklaration"),),
                    resolved=(DigestLine("statistics", "Statistikbeställning finns nu"),),
                ),
                ProjectWarnings("FMB-knä", new=(DigestLine("plan", "Projektplan saknas"),)),
            )
        )
    )
    dpo_findings: DpoFindings = field(
        default_factory=lambda: DpoFindings(
            proposals_awaiting=(DigestLine("prop-7", "Gallring av arbetskopior", "FMB-rygg"),),
            overdue_deletions=(),
            audit=AuditStatus(True, 812, AT),
            head=SignedHead(812, "9f" * 32, AT),
        )
    )

    def registrar(
        self, ctx: Context, since: dt.datetime, now: dt.datetime, lang: str
    ) -> RegistrarFindings:
        return self.registrar_findings

    def project_lead(
        self, ctx: Context, since: dt.datetime, now: dt.datetime, lang: str
    ) -> LeadFindings:
        return self.lead_findings

    def dpo(self, ctx: Context, since: dt.datetime, now: dt.datetime, lang: str) -> DpoFindings:
        return self.dpo_findings


class Inbox:
    """aiosmtpd handler: keeps every accepted message."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages.append(
                email.message_from_bytes(envelope.content, policy=email.policy.default)
            )
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def inbox() -> Inbox:
    return Inbox()


@pytest.fixture
def smtp_port() -> int:
    return _free_port()


@pytest.fixture
def smtp_server(inbox: Inbox, smtp_port: int) -> Iterator[Controller]:
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield controller
    controller.stop()


def _email_settings(settings: Settings, port: int, **extra: Any) -> Settings:
    email_config = EmailConfig(
        enabled=True,
        smtp_host="127.0.0.1",
        smtp_port=port,
        sender="recordkeeper@myndighet.example",
        timeout_seconds=5,
        registrars=(RecipientConfig(address="registrator@myndighet.example"),),
        project_leads=(
            RecipientConfig(address="lead-rygg@myndighet.example", projects=("FMB-rygg",)),
        ),
        dpos=(RecipientConfig(address="dso@myndighet.example", lang="en"),),
        **extra,
    )
    return settings.model_copy(update={"email": email_config})


def _mailer(settings: Settings) -> SmtpMailer:
    e = settings.email
    return SmtpMailer(
        SmtpSettings(
            host=e.smtp_host, port=e.smtp_port, sender=e.sender, starttls=e.starttls,
            user=e.smtp_user, password_file=e.smtp_password_file, ca_file=e.ca_file,
            timeout_s=e.timeout_seconds,
        )
    )  # fmt: skip


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, smtp_port: int) -> Context:
    return Context(_email_settings(settings, smtp_port), rules, store, FakeClock(AT))


def _enqueue_all(ctx: Context, sources: StaticSources) -> list[str]:
    return [
        key
        for role in ("registrar", "project_lead", "dpo")
        for key in enqueue_digests(ctx, role, sources)  # type: ignore[arg-type]
    ]


def _bodies(message: Message) -> tuple[str, str]:
    text = html = ""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        elif part.get_content_type() == "text/html":
            html = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    return text, html


def _by_recipient(inbox: Inbox) -> dict[str, Message]:
    return {str(m["To"]): m for m in inbox.messages}


def test_each_role_receives_its_digest_with_its_content(
    ctx: Context, smtp_server: Controller, inbox: Inbox
) -> None:
    _enqueue_all(ctx, StaticSources())
    report = flush_outbox(ctx, _mailer(ctx.settings))

    assert (report.sent, report.failed) == (3, 0)
    got = _by_recipient(inbox)
    registrar = got["registrator@myndighet.example"]
    assert str(registrar["Subject"]).strip() == (
        "recordkeeper: 1 nya och 1 försenade att diarieföra, 1 larm"
    )
    text, html = _bodies(registrar)
    assert "[p-101] Jävsdeklaration sakkunnig · FMB-rygg · senast 2025-06-03" in text
    assert "[p-099] Avtal om ersättning" in text
    assert "[d-042] Diarieförd handling ändrad" in text
    assert '<td style="padding: 2px 8px; font-family: monospace;">p-101</td>' in html

    lead_text, _ = _bodies(got["lead-rygg@myndighet.example"])
    assert "Projekt: FMB-rygg" in lead_text
    assert "[recruit_project_group] Avtal utan jävsdeklaration" in lead_text
    assert "[statistics] Statistikbeställning finns nu" in lead_text
    assert "FMB-knä" not in lead_text  # not this lead's project

    dpo = got["dso@myndighet.example"]
    assert str(dpo["Subject"]).strip() == (
        "recordkeeper: 1 proposals to approve, 0 overdue deletions, audit log verified"
    )
    dpo_text, _ = _bodies(dpo)
    assert "Verification: verified (812 entries, checked 2025-06-02 07:30 UTC)." in dpo_text
    assert f"root hash {'9f' * 32}" in dpo_text
    assert "[prop-7] Gallring av arbetskopior" in dpo_text


def test_messages_carry_a_stable_message_id_and_auto_submitted(
    ctx: Context, smtp_server: Controller, inbox: Inbox
) -> None:
    _enqueue_all(ctx, StaticSources())
    flush_outbox(ctx, _mailer(ctx.settings))
    ids = {str(m["Message-ID"]) for m in inbox.messages}
    assert len(ids) == 3
    assert all(i.endswith("@myndighet.example>") for i in ids)
    assert {str(m["Auto-Submitted"]) for m in inbox.messages} == {"auto-generated"}


def test_a_role_with_nothing_to_report_gets_no_mail(
    ctx: Context, smtp_server: Controller, inbox: Inbox
) -> None:
    assert enqueue_digests(ctx, "registrar", StaticSources(RegistrarFindings())) == []
    assert flush_outbox(ctx, _mailer(ctx.settings)).sent == 0


def test_outbox_keeps_mail_through_an_smtp_outage_and_sends_it_later(
    ctx: Context, inbox: Inbox, smtp_port: int
) -> None:
    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    _enqueue_all(ctx, StaticSources())

    down = flush_outbox(ctx, _mailer(ctx.settings))  # nothing listens on the port
    assert (down.sent, down.failed) == (0, 1)  # stops at the first unreachable
    assert down.errors == ["smtp: ConnectionRefusedError"]

    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        assert flush_outbox(ctx, _mailer(ctx.settings)).sent == 2  # the failed one waits
        clock.advance(minutes=5)
        assert flush_outbox(ctx, _mailer(ctx.settings)).sent == 1
    finally:
        controller.stop()
    assert len(inbox.messages) == 3
    with ctx.store.read() as session:
        rows = session.execute(select(OutboxRow.state, OutboxRow.attempts)).all()
    assert sorted(rows) == [("sent", 1), ("sent", 1), ("sent", 2)]


def test_after_a_restart_nothing_is_queued_or_sent_twice(
    ctx: Context, smtp_server: Controller, inbox: Inbox
) -> None:
    _enqueue_all(ctx, StaticSources())
    flush_outbox(ctx, _mailer(ctx.settings))
    ctx.store.close()

    restarted = Store(ctx.settings.database_url)  # a new process would build it like this
    try:
        again = Context(ctx.settings, ctx.rules, restarted, ctx.clock)
        assert _enqueue_all(again, StaticSources()) == []
        assert flush_outbox(again, _mailer(again.settings)).sent == 0
    finally:
        restarted.close()
    assert len(inbox.messages) == 3


def test_two_concurrent_flushers_send_each_message_once(
    ctx: Context, smtp_server: Controller, inbox: Inbox
) -> None:
    _enqueue_all(ctx, StaticSources())
    mailer = _mailer(ctx.settings)
    threads = [threading.Thread(target=flush_outbox, args=(ctx, mailer)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(str(m["To"]) for m in inbox.messages) == [
        "dso@myndighet.example",
        "lead-rygg@myndighet.example",
        "registrator@myndighet.example",
    ]


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def test_starttls_and_login_are_used_when_configured(
    settings: Settings, rules: LoadedRules, store: Store, inbox: Inbox, tmp_path: Path
) -> None:
    cert_file, key_file = _self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert_file, key_file)
    logins: list[tuple[bytes, bytes]] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        assert isinstance(data, LoginPassword)
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"s3cret")

    port = _free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, tls_context=server_tls,
        require_starttls=True, authenticator=authenticate, auth_required=True,
    )  # fmt: skip
    password_file = tmp_path / "smtp-password"
    password_file.write_text("s3cret\n")
    tls_settings = _email_settings(
        settings, port, starttls=True, smtp_user="rk", smtp_password_file=password_file,
        ca_file=cert_file,
    )  # fmt: skip
    ctx = Context(tls_settings, rules, store, FakeClock(AT))
    enqueue_digests(ctx, "registrar", StaticSources())
    controller.start()
    try:
        assert flush_outbox(ctx, _mailer(tls_settings)).sent == 1
    finally:
        controller.stop()
    assert logins == [(b"rk", b"s3cret")]
    assert [str(m["To"]) for m in inbox.messages] == ["registrator@myndighet.example"]


def test_digest_jobs_are_scheduled_at_the_configured_times(ctx: Context) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    from recordkeeper.jobs import build_mailer, schedule_email_jobs

    scheduler = BackgroundScheduler(timezone="UTC")
    ids = schedule_email_jobs(scheduler, ctx, StaticSources(), build_mailer(ctx.settings))
    assert ids == ["digest_registrar", "digest_project_lead", "digest_dpo", "flush_mail"]
    trigger = str(scheduler.get_job("digest_registrar").trigger)
    assert trigger == "cron[month='*', day='*', day_of_week='mon-fri', hour='7', minute='30']"


def test_a_bad_schedule_is_a_config_error_with_its_line(tmp_path: Path) -> None:
    from recordkeeper.config import load_settings
    from recordkeeper.errors import ConfigError

    config = tmp_path / "rk.toml"
    config.write_text('[email]\nregistrar_schedule = "99 7 * * *"\n')
    with pytest.raises(ConfigError, match=r"rk.toml line 2: key 'email.registrar_schedule'"):
        load_settings(config)
