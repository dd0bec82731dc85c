"""Digests made from the real store: what retention knows reaches the DPO by e-mail."""

from __future__ import annotations

import email
import email.policy
import hashlib
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from recordkeeper.config import EmailConfig, RecipientConfig, Settings
from recordkeeper.jobs import build_mailer
from recordkeeper.model import Classification, DocumentFacts
from recordkeeper.retention import RetentionFacts
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services import retention as svc
from recordkeeper.services.context import Context
from recordkeeper.services.digest import enqueue_digests, flush_outbox
from recordkeeper.services.digest_sources import StoreDigestSources
from recordkeeper.services.registration import judge_version
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store
from tests.fakes import FakeClock

CLOSED = date(2022, 1, 10)


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


@pytest.fixture
def ctx(settings: Settings, rules: LoadedRules, store: Store, inbox: tuple[Inbox, int]) -> Context:
    email_config = EmailConfig(
        enabled=True, smtp_host="127.0.0.1", smtp_port=inbox[1], timeout_seconds=5,
        dpos=(RecipientConfig(address="dso@myndighet.example"),),
    )  # fmt: skip
    clock = FakeClock(datetime(2024, 3, 1, 8, 0, tzinfo=UTC))
    return Context(settings.model_copy(update={"email": email_config}), rules, store, clock)


def _survey_answer(ctx: Context, share: Path, doc_id: str) -> None:
    body = f"svar {doc_id}".encode()
    rel = f"FMB Lumbago/Enkät/{doc_id}.xlsx"
    (share / rel).parent.mkdir(parents=True, exist_ok=True)
    (share / rel).write_bytes(body)
    now = ctx.clock.now()
    with ctx.store.transaction() as tx:
        tx.session.add(
            DocumentRow(
                id=doc_id, root=str(share), path=rel, project="FMB Lumbago", state="present",
                first_seen_at=now, last_seen_at=now,
                current_sha256=hashlib.sha256(body).hexdigest(), size=len(body),
            )
        )  # fmt: skip
    svc.store_deadlines(
        ctx,
        [RetentionFacts(doc_id, "survey_response", True, "FMB Lumbago", personal_data=True,
                        project_closed_on=CLOSED)],
    )  # fmt: skip


def test_dpo_digest_lists_overdue_deletions_and_proposals_awaiting_approval(
    ctx: Context, share: Path, inbox: tuple[Inbox, int]
) -> None:
    _survey_answer(ctx, share, "doc-a")
    _survey_answer(ctx, share, "doc-b")
    proposals = svc.make_proposals(ctx, ctx.clock.now().date())
    assert len(proposals) == 1

    assert len(enqueue_digests(ctx, "dpo", StoreDigestSources())) == 1
    assert flush_outbox(ctx, build_mailer(ctx.settings)).sent == 1

    (message,) = inbox[0].messages
    assert (
        str(message["Subject"])
        .strip()
        .startswith("recordkeeper: 1 förslag att godkänna, 2 försenade gallringar")
    )
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert f"[{proposals[0].id}]" in text
    assert "[doc-a]" in text
    assert "[doc-b]" in text
    assert "FMB Lumbago" in text


def test_each_dpo_digest_speaks_its_recipients_language_and_names_classes(
    ctx: Context, share: Path, inbox: tuple[Inbox, int]
) -> None:
    """The digests said 'weed · survey_response' to everyone, whatever their language."""
    two = (
        RecipientConfig(address="dso@myndighet.example"),
        RecipientConfig(address="dpo.en@myndighet.example", lang="en"),
    )
    email_config = ctx.settings.email.model_copy(update={"dpos": two})
    ctx = Context(
        ctx.settings.model_copy(update={"email": email_config}), ctx.rules, ctx.store, ctx.clock
    )
    _survey_answer(ctx, share, "doc-a")

    assert len(enqueue_digests(ctx, "dpo", StoreDigestSources())) == 2
    assert flush_outbox(ctx, build_mailer(ctx.settings)).sent == 2

    texts = {
        str(m["To"]): m.get_body(preferencelist=("plain",)).get_content() for m in inbox[0].messages
    }
    swedish, english = texts["dso@myndighet.example"], texts["dpo.en@myndighet.example"]
    assert "[doc-a] gallras · Enkätsvar, enkätrapport · FMB Lumbago" in swedish
    assert "[doc-a] weeded · Survey responses or report · FMB Lumbago" in english
    assert "· survey_response ·" not in swedish + english
    assert "weed ·" not in swedish + english


def test_the_registrar_digest_names_classes_and_lateness_in_the_recipients_language(
    ctx: Context,
) -> None:
    """It said 'coi_declaration: Jävsdeklaration – P' and '3 arbetsdagar sen' in English too."""
    seen = ctx.clock.now() - timedelta(days=10)
    with ctx.store.transaction() as tx:
        tx.session.add(
            DocumentRow(id="doc1", root="share", path="Ländrygg/jav.docx", project="Ländrygg",
                        state="present", first_seen_at=seen, last_seen_at=seen,
                        current_sha256="a" * 64)
        )  # fmt: skip
    text = "Jävsdeklaration\nDatum: 2024-02-19\n"
    facts = DocumentFacts(path="Ländrygg/jav.docx", size=1, sha256="a" * 64, kind="docx",
                          text=text, project="Ländrygg")  # fmt: skip
    judge_version(ctx, "doc1", facts, Classification("coi_declaration", False, True, True, 0.9))
    now = ctx.clock.now()
    sources = StoreDigestSources()

    (sv,) = sources.registrar(ctx, now - timedelta(days=1), now, "sv").overdue_prompts
    (en,) = sources.registrar(ctx, now - timedelta(days=1), now, "en").overdue_prompts

    assert (sv.ref, sv.text, sv.project) == ("förslag 1", "Jävsdeklaration", "Ländrygg")
    assert (en.ref, en.text) == ("prompt 1", "Conflict-of-interest declaration")
    assert sv.detail.endswith("arbetsdagar sen") and en.detail.endswith("working days late")
